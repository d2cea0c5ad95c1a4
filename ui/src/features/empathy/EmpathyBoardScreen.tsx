import { useWrite } from "../../api/freshness";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { deleteMap, useBoard } from "../../api/empathy";
import { describeError } from "../../i18n/errors";
import { BoardHeader } from "./board/BoardHeader";
import { EmpathyBoard } from "./board/EmpathyBoard";
import { useBoardMutations } from "./board/useBoardMutations";
import { offerUndoMapDelete } from "./maps/mapUndo";
import { WorkshopFrame } from "./workshop/WorkshopFrame";
import { MapHistory } from "./board/MapHistory";

/** `/empathy/:id`: one map's board; `?workshop=1` runs it inside the workshop frame. */
export function EmpathyBoardScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const board = useBoard(id);
  const mutations = useBoardMutations(id);
  const workshop = params.get("workshop") === "1";
  const remove = useWrite((map: { id: string; title: string }) => deleteMap(map.id), {
    awaitRefresh: false,
    onSuccess: (_none, map) => {
      offerUndoMapDelete(map);
      void navigate("/empathy");
    },
  });

  const setWorkshop = useCallback(
    (on: boolean) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (on) next.set("workshop", "1");
          else next.delete("workshop");
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const exit = useCallback(() => {
    setWorkshop(false);
  }, [setWorkshop]);

  if (board.isPending) {
    return (
      <p className="status-line" role="status" data-testid="board-loading">
        {t("empathy.board.loading")}
      </p>
    );
  }
  if (board.isError) {
    return (
      <div className="alert" role="alert" data-testid="board-load-error">
        <p>{t("empathy.board.loadError", { reason: describeError(t, board.error) })}</p>
        <Link to="/empathy" className="button">
          {t("empathy.board.back")}
        </Link>
      </div>
    );
  }

  const content = <EmpathyBoard board={board.data} />;
  return (
    <div className="empathy-board-screen" data-testid="empathy-board-screen">
      {!workshop && (
        <BoardHeader
          board={board.data}
          onEdit={(edit) => mutations.map.mutateAsync(edit)}
          onWorkshop={() => {
            setWorkshop(true);
          }}
          deleting={remove.isPending}
          onDelete={() => {
            remove.mutate({ id: board.data.map.id, title: board.data.map.title });
          }}
        />
      )}
      {/* Folded by default: the board keeps the window's height. */}
      {!workshop && <MapHistory board={board.data} />}
      {remove.error !== null && (
        <p className="field-error" role="alert" data-testid="map-delete-error">
          {t("empathy.board.deleteFailed", { reason: describeError(t, remove.error) })}
        </p>
      )}
      {workshop ? (
        <WorkshopFrame board={board.data} onExit={exit}>
          {content}
        </WorkshopFrame>
      ) : (
        content
      )}
    </div>
  );
}
