import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCopiesStatus, useMergeChanges } from "../../api/changes";
import type { AppError } from "../../api/errors";
import type { MergeSummary } from "../../bindings/MergeSummary";
import { MenuButton, type MenuItem } from "../../kit/menu/MenuButton";
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
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Open>(null);
  const status = useCopiesStatus();
  const merge = useMergeChanges();
  const waiting = status.data?.openReview ?? 0;

  const items: MenuItem[] = [
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
      <MenuButton
        className="file-menu-wrap"
        buttonClassName="button button--ghost button--block file-menu-button"
        menuLabel={t("sidebar.fileMenu")}
        items={items}
        disabled={merge.isPending}
        testId="file-menu"
        listTestId="file-menu-list"
      >
        <span>{merge.isPending ? t("changes.merge.merging") : t("sidebar.file")}</span>
        {waiting > 0 && (
          <span className="badge badge--accent" data-testid="file-menu-waiting">
            {waiting}
          </span>
        )}
      </MenuButton>
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
