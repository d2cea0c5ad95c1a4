import { useTranslation } from "react-i18next";
import { SectionTabs } from "../../kit/SectionTabs";

/** The three views of the dashboard section. */
export const DASHBOARD_VIEWS = [
  { key: "overview", path: "/dashboard" },
  { key: "answers", path: "/dashboard/answers" },
  { key: "customers", path: "/dashboard/customers" },
] as const;

/** The section's title, what it is for, and its tabs: figures, survey answers, customers. */
export function DashboardTabs() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      title={t("metrics.overview.title")}
      label={t("metrics.views.label")}
      views={DASHBOARD_VIEWS.map((view) => ({
        path: view.path,
        label: t(`metrics.views.${view.key}`),
        testId: `dashboard-tab-${view.key}`,
      }))}
    >
      <p className="page-subtitle">{t("metrics.overview.subtitle")}</p>
    </SectionTabs>
  );
}
