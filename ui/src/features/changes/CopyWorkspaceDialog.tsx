import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCopyWorkspace } from "../../api/changes";
import type { CopiedWorkspace } from "../../api/changes";
import { LIMITS } from "../../bindings/rules";
import { DialogButtons, ModalDialog } from "../../kit/dialogs/ModalDialog";
import { Field, TextInput } from "../../kit/fields";
import { describeError } from "../../i18n/errors";
import { leftToRight } from "../../i18n/format";

/**
 * Copy workspace for a workshop: a name both sides will recognise, then
 * where to save the copy (a native dialog).
 */
export function CopyWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const introId = useId();
  const copier = useCopyWorkspace();
  const [name, setName] = useState(() => t("changes.copy.defaultName"));
  const [made, setMade] = useState<CopiedWorkspace | null>(null);
  const pending = copier.isPending;
  const tooLong = name.length > LIMITS.copies.name;

  return (
    <ModalDialog
      title={t("changes.copy.title")}
      className="changes-dialog"
      describedBy={introId}
      testId="copy-workspace-dialog"
      pending={pending}
      onClose={onClose}
    >
      <p id={introId} className="dialog-intro">
        {t("changes.copy.intro")}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (tooLong || made !== null) return;
          copier.mutate(name, {
            onSuccess: (copy) => {
              if (copy !== null) setMade(copy);
            },
          });
        }}
      >
        <Field
          label={t("changes.copy.name")}
          hint={t("changes.copy.nameHint")}
          error={tooLong ? t("errors.title.too_long", { count: LIMITS.copies.name }) : null}
          errorTestId="copy-name-error"
        >
          {(control) => <TextInput {...control} value={name} onChange={setName} testId="copy-name" />}
        </Field>
        <div role="status">
          {made !== null && (
            <p className="notice" data-testid="copy-saved">
              {t("changes.copy.saved", { name: made.replica.name, path: leftToRight(made.path) })}
            </p>
          )}
        </div>
        {copier.isError && (
          <p className="alert" role="alert" data-testid="copy-error">
            {t("changes.copy.failed", { reason: describeError(t, copier.error) })}
          </p>
        )}
        {made === null ? (
          <DialogButtons
            pending={pending}
            backLabel={t("changes.merge.close")}
            onBack={onClose}
            confirmLabel={pending ? t("changes.copy.saving") : t("changes.copy.save")}
            confirmTestId="copy-save"
          />
        ) : (
          <div className="button-row dialog-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="copy-close"
              onClick={onClose}
            >
              {t("changes.merge.close")}
            </button>
          </div>
        )}
      </form>
    </ModalDialog>
  );
}
