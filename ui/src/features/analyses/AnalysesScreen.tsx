import { useTranslation } from "react-i18next";

/** Every analysis, with search over causes. (Being built.) */
export function AnalysesScreen() {
  const { t } = useTranslation();
  return <h1>{t("analyses.title")}</h1>;
}
