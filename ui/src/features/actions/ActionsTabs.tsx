import { useTranslation } from "react-i18next";
import { SectionTabs } from "../../kit/SectionTabs";

/** The four views of the actions section. */
export const ACTION_VIEWS = [
  { key: "table", path: "/actions" },
  { key: "board", path: "/actions/board" },
  { key: "mine", path: "/actions/mine" },
  { key: "overview", path: "/actions/overview" },
] as const;

/** The section's title and its tabs: table, board, my actions, overview. */
export function ActionsTabs() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      title={t("nav.actions")}
      label={t("actions.views.label")}
      views={ACTION_VIEWS.map((view) => ({
        path: view.path,
        label: t(`actions.views.${view.key}`),
        testId: `actions-tab-${view.key}`,
      }))}
    />
  );
}
