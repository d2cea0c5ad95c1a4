import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCopiesStatus, useMergeChanges } from "../../api/changes";
import type { AppError } from "../../api/errors";
import type { MergeSummary } from "../../bindings/MergeSummary";
import { usePopupMenu } from "../../kit/menu/usePopupMenu";
import { CopyWorkspaceDialog } from "./CopyWorkspaceDialog";
import { ExportChangesDialog } from "./ExportChangesDialog";
import { MergeResultDialog } from "./MergeResultDialog";
import { REVIEW_PATH } from "./paths";

type Open = "export" | "copy" | { merged: MergeSummary } | { failed: AppError } | null;

/**
 * The File menu: exporting the changes another copy has not seen, merging
 * a change file, copying the workspace for a workshop, and the review of
 * merged changes (with how many wait).
 */
export function ChangesMenu() {
  const { t } = useTranslation();
  const menuId = useId();
  const navigate = useNavigate();
  const { open, close, toggle, place, buttonRef, menuRef, onMenuKeyDown, onButtonKeyDown } = usePopupMenu();
  const [dialog, setDialog] = useState<Open>(null);
  const status = useCopiesStatus();
  const merge = useMergeChanges();
  const waiting = status.data?.openReview ?? 0;

  const items: { key: string; label: string; onPick: () => void }[] = [
    {
      key: "export",
      label: t("changes.menu.export"),
      onPick: () => {
        setDialog("export");
      },
    },
    {
      key: "merge",
      label: t("changes.menu.merge"),
      onPick: () => {
        merge.mutate(undefined, {
          onSuccess: (summary) => {
            if (summary !== null) setDialog({ merged: summary });
          },
          onError: (error) => {
            setDialog({ failed: error });
          },
        });
      },
    },
    {
      key: "copy",
      label: t("changes.menu.copy"),
      onPick: () => {
        setDialog("copy");
      },
    },
    {
      key: "review",
      label: waiting > 0 ? t("changes.menu.reviewCount", { count: waiting }) : t("changes.menu.review"),
      onPick: () => void navigate(REVIEW_PATH),
    },
  ];

  return (
    <div className="file-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost button--block file-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={merge.isPending}
        data-testid="file-menu"
        onClick={toggle}
        onKeyDown={onButtonKeyDown}
      >
        <span>{merge.isPending ? t("changes.merge.merging") : t("sidebar.file")}</span>
        {waiting > 0 && (
          <span className="badge badge--accent" data-testid="file-menu-waiting">
            {waiting}
          </span>
        )}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          className="popup-menu"
          role="menu"
          aria-label={t("sidebar.fileMenu")}
          style={place}
          data-testid="file-menu-list"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="popup-menu-item"
                data-testid={`file-menu-${item.key}`}
                onClick={() => {
                  close(true);
                  item.onPick();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {dialog === "export" && (
        <ExportChangesDialog
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog === "copy" && (
        <CopyWorkspaceDialog
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog !== null && typeof dialog === "object" && (
        <MergeResultDialog
          result={dialog}
          onClose={() => {
            setDialog(null);
          }}
          onReview={() => {
            setDialog(null);
            void navigate(REVIEW_PATH);
          }}
        />
      )}
    </div>
  );
}
