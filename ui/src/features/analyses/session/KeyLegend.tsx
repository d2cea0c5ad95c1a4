import { useTranslation } from "react-i18next";
import type { ParseKeys } from "i18next";

interface LegendItem {
  keys: readonly string[];
  label: ParseKeys;
}

/**
 * The session's keys, always on screen. Key names are printed as on a Latin
 * keyboard in every language (as the shortcut overlay does); the "back" arrow
 * follows the reading direction.
 */
export function KeyLegend({ dir, wrapUp }: { dir: "ltr" | "rtl"; wrapUp: boolean }) {
  const { t } = useTranslation();
  const backArrow = dir === "rtl" ? "Alt+→" : "Alt+←";
  const items: LegendItem[] = wrapUp
    ? [
        { keys: ["↑", "↓"], label: "session.keys.move" },
        { keys: ["Backspace"], label: "session.keys.back" },
        { keys: ["Ctrl+Z"], label: "session.keys.undo" },
        { keys: ["Ctrl+Shift+Z"], label: "session.keys.redo" },
        { keys: ["Esc"], label: "session.keys.exit" },
      ]
    : [
        { keys: ["Enter"], label: "session.keys.add" },
        { keys: ["1–9"], label: "session.keys.deeper" },
        { keys: ["↑", "↓"], label: "session.keys.move" },
        { keys: ["Backspace", "Alt+↑", backArrow], label: "session.keys.back" },
        { keys: ["A"], label: "session.keys.type" },
        { keys: ["T"], label: "session.keys.timer" },
        { keys: ["F"], label: "session.keys.fullscreen" },
        { keys: ["Ctrl+Z"], label: "session.keys.undo" },
        { keys: ["Ctrl+Shift+Z"], label: "session.keys.redo" },
        { keys: ["Esc"], label: "session.keys.exit" },
      ];
  return (
    <section className="session-legend" aria-label={t("session.keys.heading")} data-testid="key-legend">
      <dl>
        {items.map((item) => (
          <div key={item.label} className="session-legend-item">
            <dt>
              {item.keys.map((key) => (
                <kbd key={key} dir="ltr">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{t(item.label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
