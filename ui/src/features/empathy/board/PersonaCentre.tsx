import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePersonaPicture } from "../../../api/personas";
import type { Persona } from "../../../bindings/Persona";
import { initials } from "../../../kit/initials";

/** The persona in the middle of the board: picture (or initials), name and segment. */
export function PersonaCentre({ persona }: { persona: Persona }) {
  const { t } = useTranslation();
  const picture = usePersonaPicture(persona.id, persona.hasPicture);
  const src = picture.data ?? null;
  return (
    <div className="empathy-persona" data-testid="board-persona">
      {src !== null ? (
        <img
          className="empathy-persona-picture"
          src={src}
          alt={t("empathy.persona.picture", { name: persona.name })}
        />
      ) : (
        <span className="empathy-persona-initials" aria-hidden="true">
          {initials(persona.name)}
        </span>
      )}
      <Link to={`/personas/${persona.id}`} className="empathy-persona-name" data-testid="board-persona-link">
        <bdi>{persona.name}</bdi>
      </Link>
      {persona.segment.trim() !== "" && (
        <span className="empathy-persona-segment">
          {t("empathy.persona.segment", { segment: persona.segment })}
        </span>
      )}
    </div>
  );
}
