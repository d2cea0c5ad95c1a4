import { Fragment, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { trapTab } from "./focusTrap";
import { keyLabel, SHORTCUTS, type Shortcut, type ShortcutGroup } from "./registry";

const GROUPS: readonly {
  group: ShortcutGroup;
  titleKey:
    | "shortcuts.groupGeneral"
    | "shortcuts.groupNavigation"
    | "problemList.shortcuts.group"
    | "outline.shortcuts.group"
    | "actionBoard.shortcuts.group"
    | "empathy.shortcuts.group";
}[] = [
  { group: "general", titleKey: "shortcuts.groupGeneral" },
  { group: "navigation", titleKey: "shortcuts.groupNavigation" },
  { group: "problemList", titleKey: "problemList.shortcuts.group" },
  { group: "outline", titleKey: "outline.shortcuts.group" },
  { group: "board", titleKey: "actionBoard.shortcuts.group" },
  { group: "empathy", titleKey: "empathy.shortcuts.group" },
];

function ShortcutKeys({ shortcut }: { shortcut: Shortcut }) {
  const { t } = useTranslation();
  return (
    <span className="shortcut-keys">
      {shortcut.keys.map((key, index) => (
        <Fragment key={`${key}-${String(index)}`}>
          {index > 0 && <span>{t("shortcuts.then")}</span>}
          {/* Key labels are what is printed on a Latin keyboard, in every language. */}
          <kbd dir="ltr" lang="en">
            {keyLabel(key)}
          </kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The `?` help: every shortcut of the registry, in a modal dialog. */
export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // Focus moves into the dialog on open and back to where it was on close.
  useEffect(() => {
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  // Focus that escapes (a click on the backdrop, say) is pulled back in.
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const dialog = dialogRef.current;
      if (dialog && event.target instanceof Node && !dialog.contains(event.target)) {
        closeRef.current?.focus();
      }
    };
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
    };
  }, []);

  // Keys are handled on the document so they work wherever focus sits.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" || event.key === "?" || event.key === "؟") {
        event.preventDefault();
        onCloseRef.current();
        return;
      }
      if (event.key === "Tab") trapTab(event, dialogRef.current);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  return (
    <div
      className="overlay-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        data-testid="shortcut-overlay"
        tabIndex={-1}
      >
        <div className="overlay-header">
          <h2 id={titleId}>{t("shortcuts.title")}</h2>
          <button ref={closeRef} type="button" className="button button--ghost" onClick={onClose}>
            {t("shortcuts.close")}
          </button>
        </div>
        <p id={hintId} className="overlay-hint">
          {t("shortcuts.hint")} {t("shortcuts.closeHint")}
        </p>
        {GROUPS.map(({ group, titleKey }) => (
          <section key={group} className="shortcut-group" aria-label={t(titleKey)}>
            <h3 className="shortcut-group-title">{t(titleKey)}</h3>
            <dl className="shortcut-list">
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <div key={shortcut.keys.join(" ")} className="shortcut-item" data-testid="shortcut-item">
                  <dt>{t(shortcut.descriptionKey)}</dt>
                  <dd>
                    <ShortcutKeys shortcut={shortcut} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
