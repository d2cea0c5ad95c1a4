import { useId, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { useClearPersonaPicture, usePersonaPicture, usePickPersonaPicture } from "../../api/personas";
import type { Persona } from "../../bindings/Persona";
import { describeError } from "../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../kit/fields";
import { initials } from "../../kit/initials";

interface AvatarProps {
  persona: Pick<Persona, "id" | "name" | "hasPicture">;
  size?: "small" | "large";
  testId?: string;
}

/**
 * The persona's own picture, or its initials: never a stock photo. The
 * picture comes from the workspace as a `data:` URL.
 */
export function PersonaAvatar({ persona, size = "small", testId }: AvatarProps) {
  const picture = usePersonaPicture(persona.id, persona.hasPicture);
  const url = persona.hasPicture ? picture.data : null;
  const className = `persona-avatar persona-avatar--${size}`;
  if (url !== null && url !== undefined) {
    return (
      <img
        className={`${className} persona-avatar--picture`}
        src={url}
        alt={persona.name}
        data-testid={testId === undefined ? undefined : `${testId}-picture`}
      />
    );
  }
  return (
    <span
      className={`${className} persona-avatar--initials`}
      role="img"
      aria-label={persona.name}
      data-testid={testId === undefined ? undefined : `${testId}-initials`}
    >
      <span aria-hidden="true">{initials(persona.name)}</span>
    </span>
  );
}

/** Why a picture was refused, beside the picture: the rule if the core named one. */
function pictureMessage(t: TFunction, error: AppError): string {
  const issue = fieldIssuesFromError(error).get("picture");
  if (issue !== undefined) return describeFieldIssue(t, issue);
  return t("personas.picture.failed", { reason: describeError(t, error) });
}

/** The picture with "Add picture…" (the native dialog) and "Remove picture"; optional, never required. */
export function PersonaPicture({
  persona,
  announce,
}: {
  persona: Persona;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickPersonaPicture();
  const clear = useClearPersonaPicture();
  const [error, setError] = useState<AppError | null>(null);
  const busy = pick.isPending || clear.isPending;
  const errorId = useId();

  return (
    <div className="persona-picture" data-testid="persona-picture">
      <PersonaAvatar persona={persona} size="large" testId="persona-avatar" />
      <div className="persona-picture-controls no-print">
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="persona-picture-add"
            aria-describedby={error === null ? undefined : errorId}
            onClick={() => {
              setError(null);
              pick.mutate(persona.id, {
                onSuccess: (stored) => {
                  if (stored !== null) announce(t("personas.picture.added"));
                },
                onError: setError,
              });
            }}
          >
            {pick.isPending
              ? t("personas.picture.choosing")
              : persona.hasPicture
                ? t("personas.picture.change")
                : t("personas.picture.add")}
          </button>
          {persona.hasPicture && (
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              data-testid="persona-picture-remove"
              onClick={() => {
                setError(null);
                clear.mutate(persona.id, {
                  onSuccess: () => {
                    announce(t("personas.picture.removed"));
                  },
                  onError: setError,
                });
              }}
            >
              {t("personas.picture.remove")}
            </button>
          )}
        </div>
        {error !== null && (
          <p className="field-error" role="alert" id={errorId} data-testid="persona-picture-error">
            {pictureMessage(t, error)}
          </p>
        )}
        <p className="field-hint">{t("personas.picture.hint")}</p>
      </div>
    </div>
  );
}
