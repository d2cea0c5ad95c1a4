import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCopiesStatus, useExportChanges, type ExportedChanges } from "../../api/changes";
import type { Peer } from "../../bindings/Peer";
import { DialogButtons, ModalDialog } from "../../kit/dialogs/ModalDialog";
import { describeError } from "../../i18n/errors";
import { isolate, leftToRight } from "../../i18n/format";

/** "Everything": for a copy this one never exchanged changes with. */
const EVERYTHING = "";

/** A copy as people know it: its name, else the start of its id. */
export function useCopyName(): (peer: { name: string; replicaId: string }) => string {
  const { t } = useTranslation();
  return (peer) =>
    peer.name.trim() !== "" ? peer.name : t("changes.export.unnamed", { id: peer.replicaId.slice(0, 8) });
}

/**
 * Export changes: pick which copy the file is for (each with how many of
 * this copy's changes it has not seen), then where to save it.
 */
export function ExportChangesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const introId = useId();
  const status = useCopiesStatus();
  const exporter = useExportChanges();
  const copyName = useCopyName();
  const [chosen, setChosen] = useState<string | null>(null);
  const [saved, setSaved] = useState<ExportedChanges | null>(null);
  const peers: readonly Peer[] = status.data?.peers ?? [];
  const selected = chosen ?? peers[0]?.replicaId ?? EVERYTHING;
  const pending = exporter.isPending;

  const peerLabel = (peer: Peer) => {
    // The name is isolated once, inside the origin's words or on its own.
    const copy = peer.isOrigin
      ? t("changes.export.origin", { name: copyName(peer) })
      : isolate(copyName(peer));
    return t("changes.export.peer", { copy, count: peer.unsent });
  };

  const onSave = () => {
    exporter.mutate(selected === EVERYTHING ? null : selected, {
      onSuccess: (result) => {
        if (result !== null) setSaved(result);
      },
    });
  };

  return (
    <ModalDialog
      title={t("changes.export.title")}
      className="changes-dialog"
      describedBy={introId}
      testId="export-changes-dialog"
      pending={pending}
      onClose={onClose}
    >
      <p id={introId} className="dialog-intro">
        {t("changes.export.intro")}
      </p>
      {status.isPending ? (
        <p className="status-line" role="status">
          {t("changes.export.loading")}
        </p>
      ) : (
        <fieldset className="changes-choices" disabled={pending || saved !== null}>
          <legend>{t("changes.export.forLabel")}</legend>
          {peers.map((peer) => (
            <label key={peer.replicaId} className="changes-choice" data-testid="export-for">
              <input
                type="radio"
                name="export-for"
                value={peer.replicaId}
                checked={selected === peer.replicaId}
                onChange={() => {
                  setChosen(peer.replicaId);
                }}
              />
              <span>{peerLabel(peer)}</span>
            </label>
          ))}
          <label className="changes-choice" data-testid="export-for-everything">
            <input
              type="radio"
              name="export-for"
              value={EVERYTHING}
              checked={selected === EVERYTHING}
              onChange={() => {
                setChosen(EVERYTHING);
              }}
            />
            <span>{t("changes.export.everything", { count: status.data?.ownChanges ?? 0 })}</span>
          </label>
        </fieldset>
      )}
      {peers.find((p) => p.replicaId === selected)?.unsent === 0 && saved === null && (
        <p className="field-hint" data-testid="export-nothing-new">
          {t("changes.export.nothingNew")}
        </p>
      )}
      <div role="status">
        {saved !== null && (
          <p className="notice" data-testid="export-saved">
            {t("changes.export.saved", { count: saved.count, path: leftToRight(saved.path) })}
          </p>
        )}
      </div>
      {exporter.isError && (
        <p className="alert" role="alert" data-testid="export-error">
          {t("changes.export.failed", { reason: describeError(t, exporter.error) })}
        </p>
      )}
      {saved === null ? (
        <DialogButtons
          pending={pending}
          backLabel={t("changes.merge.close")}
          onBack={onClose}
          confirmLabel={pending ? t("changes.export.saving") : t("changes.export.save")}
          confirmTestId="export-save"
          onConfirm={onSave}
        />
      ) : (
        <div className="button-row dialog-actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="export-close"
            onClick={onClose}
          >
            {t("changes.merge.close")}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
