//! Reading journey maps: one map, stage, touchpoint or card; the whole map
//! as the grid draws it (a fixed handful of statements, whatever its
//! size); the list with reviews due; a touchpoint's problems and a
//! problem's touchpoints.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{
    Card, CurvePoint, GridCell, GridStage, GridTouchpoint, JourneyCard, JourneyGrid, JourneyMap,
    JourneyPersona, Lane, MatchOutcome, PinnedNote, PinnedQuote, Stage, Touchpoint,
    TouchpointProblem, TouchpointRef,
};
use super::{CARD, JOURNEY, STAGE, TOUCHPOINT};
use crate::error::{Error, Result};
use crate::ids::{ActionId, CardId, JourneyId, ProblemId, StageId, TouchpointId};
use crate::search;
use crate::time::column_stamp;

fn column_opt_stamp(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = r.get(idx)?;
    text.map(|t| {
        DateTime::parse_from_rfc3339(&t)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    idx,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
    })
    .transpose()
}

const MAP_COLUMNS: &str =
    "m.id, m.name, m.state, m.made_from, m.review_months, m.reviewed_at, m.created_at, m.updated_at";

fn map_from(r: &Row<'_>) -> rusqlite::Result<JourneyMap> {
    Ok(JourneyMap {
        id: r.get(0)?,
        name: r.get(1)?,
        state: r.get(2)?,
        made_from: r.get(3)?,
        review_months: r.get(4)?,
        reviewed_at: column_opt_stamp(r, 5)?,
        created_at: column_stamp(r, 6)?,
        updated_at: column_stamp(r, 7)?,
    })
}

fn stage_from(r: &Row<'_>) -> rusqlite::Result<Stage> {
    Ok(Stage {
        id: r.get(0)?,
        map_id: r.get(1)?,
        name: r.get(2)?,
        position: r.get(3)?,
    })
}

const TOUCHPOINT_COLUMNS: &str = "t.id, t.map_id, t.stage_id, t.name, t.position, t.channel,
    t.direct, t.owner_team, t.emotion_current, t.emotion_target";

fn touchpoint_from(r: &Row<'_>) -> rusqlite::Result<Touchpoint> {
    Ok(Touchpoint {
        id: r.get(0)?,
        map_id: r.get(1)?,
        stage_id: r.get(2)?,
        name: r.get(3)?,
        position: r.get(4)?,
        channel: r.get(5)?,
        direct: r.get(6)?,
        owner_team: r.get(7)?,
        emotion_current: r.get(8)?,
        emotion_target: r.get(9)?,
    })
}

const CARD_COLUMNS: &str = "c.id, c.map_id, c.stage_id, c.lane, c.position, c.text";

fn card_from(r: &Row<'_>) -> rusqlite::Result<Card> {
    Ok(Card {
        id: r.get(0)?,
        map_id: r.get(1)?,
        stage_id: r.get(2)?,
        lane: r.get(3)?,
        position: r.get(4)?,
        text: r.get(5)?,
        action_ids: Vec::new(),
    })
}

/// Whether the row `id` of `table` is in the trash (false when there is
/// no such row: the caller has read it first).
pub(crate) fn is_deleted(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT deleted_at IS NOT NULL FROM {table} WHERE id = ?1"
        ))?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

/// A map, live or trashed.
pub fn get_map(conn: &Connection, id: JourneyId) -> Result<JourneyMap> {
    conn.prepare_cached(&format!(
        "SELECT {MAP_COLUMNS} FROM journey_maps m WHERE m.id = ?1"
    ))?
    .query_row([id], map_from)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: JOURNEY,
        id: id.to_string(),
    })
}

/// A stage, live or trashed.
pub fn get_stage(conn: &Connection, id: StageId) -> Result<Stage> {
    conn.prepare_cached("SELECT id, map_id, name, position FROM journey_stages WHERE id = ?1")?
        .query_row([id], stage_from)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: STAGE,
            id: id.to_string(),
        })
}

/// A touchpoint, live or trashed.
pub fn get_touchpoint(conn: &Connection, id: TouchpointId) -> Result<Touchpoint> {
    conn.prepare_cached(&format!(
        "SELECT {TOUCHPOINT_COLUMNS} FROM journey_touchpoints t WHERE t.id = ?1"
    ))?
    .query_row([id], touchpoint_from)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: TOUCHPOINT,
        id: id.to_string(),
    })
}

/// A card, live or trashed, with the live actions it became.
pub fn get_card(conn: &Connection, id: CardId) -> Result<Card> {
    let mut card = conn
        .prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM journey_cards c WHERE c.id = ?1"
        ))?
        .query_row([id], card_from)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: CARD,
            id: id.to_string(),
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.action_id FROM journey_card_actions l JOIN actions a ON a.id = l.action_id
         WHERE l.card_id = ?1 AND a.deleted_at IS NULL ORDER BY l.action_id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    card.action_ids = rows.collect::<rusqlite::Result<_>>()?;
    Ok(card)
}

/// The live personas of a map, by name.
fn personas(conn: &Connection, map: JourneyId) -> Result<Vec<JourneyPersona>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name FROM journey_map_personas l JOIN personas p ON p.id = l.persona_id
         WHERE l.map_id = ?1 AND p.deleted_at IS NULL ORDER BY p.name, p.id",
    )?;
    let rows = stmt.query_map([map], |r| {
        Ok(JourneyPersona {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Pairs `(key, value)` read by one statement over a map, grouped by key
/// in the order read.
fn grouped<K, V>(
    conn: &Connection,
    sql: &str,
    map: JourneyId,
    row: impl Fn(&Row<'_>) -> rusqlite::Result<(K, V)>,
) -> Result<HashMap<K, Vec<V>>>
where
    K: std::hash::Hash + Eq,
{
    let mut out: HashMap<K, Vec<V>> = HashMap::new();
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([map], |r| row(r))?;
    for pair in rows {
        let (k, v) = pair?;
        out.entry(k).or_default().push(v);
    }
    Ok(out)
}

/// The live stages of a map, in order.
pub(crate) fn stages(conn: &Connection, map: JourneyId) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, map_id, name, position FROM journey_stages
         WHERE map_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
    )?;
    let rows = stmt.query_map([map], stage_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A live map as the grid draws it: its personas, its live stages in
/// order, each with its live touchpoints in order (their live problems,
/// pinned notes and quotes) and one cell of cards per lane, and the
/// emotion curve across every touchpoint. Nine statements, whatever the
/// map's size.
pub fn grid(conn: &Connection, id: JourneyId) -> Result<JourneyGrid> {
    let map = conn
        .prepare_cached(&format!(
            "SELECT {MAP_COLUMNS} FROM journey_maps m WHERE m.id = ?1 AND m.deleted_at IS NULL"
        ))?
        .query_row([id], map_from)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: JOURNEY,
            id: id.to_string(),
        })?;
    let personas = personas(conn, id)?;
    let stage_list = stages(conn, id)?;
    let mut touchpoints = grouped(
        conn,
        &format!(
            "SELECT {TOUCHPOINT_COLUMNS} FROM journey_touchpoints t
             WHERE t.map_id = ?1 AND t.deleted_at IS NULL ORDER BY t.stage_id, t.position, t.id"
        ),
        id,
        |r| Ok((r.get::<_, StageId>(2)?, touchpoint_from(r)?)),
    )?;
    let mut cards = grouped(
        conn,
        &format!(
            "SELECT {CARD_COLUMNS} FROM journey_cards c
             WHERE c.map_id = ?1 AND c.deleted_at IS NULL
             ORDER BY c.stage_id, c.lane, c.position, c.id"
        ),
        id,
        |r| Ok((r.get::<_, StageId>(2)?, card_from(r)?)),
    )?;
    let mut actions = grouped(
        conn,
        "SELECT l.card_id, l.action_id FROM journey_cards c
         JOIN journey_card_actions l ON l.card_id = c.id JOIN actions a ON a.id = l.action_id
         WHERE c.map_id = ?1 AND c.deleted_at IS NULL AND a.deleted_at IS NULL
         ORDER BY l.card_id, l.action_id",
        id,
        |r| Ok((r.get::<_, CardId>(0)?, r.get::<_, ActionId>(1)?)),
    )?;
    let mut problems = grouped(
        conn,
        "SELECT l.touchpoint_id, l.problem_id FROM journey_touchpoints t
         JOIN journey_touchpoint_problems l ON l.touchpoint_id = t.id
         JOIN problems p ON p.id = l.problem_id
         WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND p.deleted_at IS NULL
         ORDER BY l.touchpoint_id, l.problem_id",
        id,
        |r| Ok((r.get::<_, TouchpointId>(0)?, r.get::<_, ProblemId>(1)?)),
    )?;
    let mut notes = grouped(
        conn,
        "SELECT l.touchpoint_id, n.id, n.text FROM journey_touchpoints t
         JOIN journey_touchpoint_notes l ON l.touchpoint_id = t.id
         JOIN empathy_notes n ON n.id = l.note_id
         WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND n.deleted_at IS NULL AND n.hidden = 0
         ORDER BY l.touchpoint_id, n.id",
        id,
        |r| {
            Ok((
                r.get::<_, TouchpointId>(0)?,
                PinnedNote {
                    id: r.get(1)?,
                    text: r.get(2)?,
                },
            ))
        },
    )?;
    let mut quotes = grouped(
        conn,
        "SELECT l.touchpoint_id, q.id, q.text, p.name FROM journey_touchpoints t
         JOIN journey_touchpoint_quotes l ON l.touchpoint_id = t.id
         JOIN persona_quotes q ON q.id = l.quote_id JOIN personas p ON p.id = q.persona_id
         WHERE t.map_id = ?1 AND t.deleted_at IS NULL
           AND q.deleted_at IS NULL AND p.deleted_at IS NULL
         ORDER BY l.touchpoint_id, q.said_on, q.id",
        id,
        |r| {
            Ok((
                r.get::<_, TouchpointId>(0)?,
                PinnedQuote {
                    id: r.get(1)?,
                    text: r.get(2)?,
                    persona_name: r.get(3)?,
                },
            ))
        },
    )?;

    let mut curve = Vec::new();
    let mut grid_stages = Vec::with_capacity(stage_list.len());
    for stage in stage_list {
        let tps: Vec<GridTouchpoint> = touchpoints
            .remove(&stage.id)
            .unwrap_or_default()
            .into_iter()
            .map(|t| {
                curve.push(CurvePoint {
                    touchpoint_id: t.id,
                    current: t.emotion_current,
                    target: t.emotion_target,
                });
                GridTouchpoint {
                    problem_ids: problems.remove(&t.id).unwrap_or_default(),
                    notes: notes.remove(&t.id).unwrap_or_default(),
                    quotes: quotes.remove(&t.id).unwrap_or_default(),
                    touchpoint: t,
                }
            })
            .collect();
        let mut stage_cards = cards.remove(&stage.id).unwrap_or_default();
        for card in &mut stage_cards {
            card.action_ids = actions.remove(&card.id).unwrap_or_default();
        }
        let cells = Lane::ALL
            .iter()
            .map(|lane| GridCell {
                lane: *lane,
                cards: stage_cards
                    .iter()
                    .filter(|c| c.lane == *lane)
                    .cloned()
                    .collect(),
            })
            .collect();
        grid_stages.push(GridStage {
            stage,
            touchpoints: tps,
            cells,
        });
    }
    Ok(JourneyGrid {
        map,
        personas,
        lanes: Lane::ALL.to_vec(),
        stages: grid_stages,
        curve,
    })
}

/// The day a map falls due for review: its review period after it was
/// last reviewed (or, never reviewed, created).
pub fn review_due_on(map: &JourneyMap) -> NaiveDate {
    let from = map.reviewed_at.unwrap_or(map.created_at).date_naive();
    from.checked_add_months(Months::new(map.review_months))
        .unwrap_or(NaiveDate::MAX)
}

/// Every live map, most recently changed first, with its personas, its
/// live stages and touchpoints counted, and whether its review is due as
/// of `today`.
pub fn list_maps(conn: &Connection, today: NaiveDate) -> Result<Vec<JourneyCard>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MAP_COLUMNS},
            (SELECT count(*) FROM journey_stages s WHERE s.map_id = m.id AND s.deleted_at IS NULL),
            (SELECT count(*) FROM journey_touchpoints t JOIN journey_stages s ON s.id = t.stage_id
             WHERE t.map_id = m.id AND t.deleted_at IS NULL AND s.deleted_at IS NULL)
         FROM journey_maps m WHERE m.deleted_at IS NULL ORDER BY m.updated_at DESC, m.id DESC"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((map_from(r)?, r.get::<_, u32>(8)?, r.get::<_, u32>(9)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (map, stage_count, touchpoint_count) = row?;
        let due = review_due_on(&map);
        out.push(JourneyCard {
            personas: personas(conn, map.id)?,
            stage_count,
            touchpoint_count,
            review_due_on: due,
            review_due: due <= today,
            map,
        });
    }
    Ok(out)
}

/// How many live maps are due for review as of `today` (the reminder's
/// figure).
pub fn reviews_due(conn: &Connection, today: NaiveDate) -> Result<u32> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MAP_COLUMNS} FROM journey_maps m WHERE m.deleted_at IS NULL"
    ))?;
    let rows = stmt.query_map([], map_from)?;
    let mut due = 0;
    for map in rows {
        if review_due_on(&map?) <= today {
            due += 1;
        }
    }
    Ok(due)
}

/// The live problems linked to a touchpoint, most severe first.
pub fn touchpoint_problems(
    conn: &Connection,
    touchpoint: TouchpointId,
) -> Result<Vec<TouchpointProblem>> {
    get_touchpoint(conn, touchpoint)?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.title, p.status, p.severity FROM journey_touchpoint_problems l
         JOIN problems p ON p.id = l.problem_id
         WHERE l.touchpoint_id = ?1 AND p.deleted_at IS NULL
         ORDER BY p.severity_rank DESC, p.last_seen DESC, p.id",
    )?;
    let rows = stmt.query_map([touchpoint], |r| {
        Ok(TouchpointProblem {
            id: r.get(0)?,
            title: r.get(1)?,
            status: r.get(2)?,
            severity: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The live touchpoints (on live stages of live maps) a problem is linked
/// to, by map and then in the map's order.
pub fn touchpoints_for_problem(
    conn: &Connection,
    problem: ProblemId,
) -> Result<Vec<TouchpointRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, s.name, m.id, m.name FROM journey_touchpoint_problems l
         JOIN journey_touchpoints t ON t.id = l.touchpoint_id
         JOIN journey_stages s ON s.id = t.stage_id
         JOIN journey_maps m ON m.id = t.map_id
         WHERE l.problem_id = ?1 AND t.deleted_at IS NULL AND s.deleted_at IS NULL
           AND m.deleted_at IS NULL
         ORDER BY m.name, m.id, s.position, s.id, t.position, t.id",
    )?;
    let rows = stmt.query_map([problem], touchpoint_ref)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every live touchpoint of every live map, map by map in map order: what
/// a filter or an answer can name.
pub fn all_touchpoints(conn: &Connection) -> Result<Vec<TouchpointRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, s.name, m.id, m.name FROM journey_touchpoints t
         JOIN journey_stages s ON s.id = t.stage_id
         JOIN journey_maps m ON m.id = t.map_id
         WHERE t.deleted_at IS NULL AND s.deleted_at IS NULL AND m.deleted_at IS NULL
         ORDER BY m.name, m.id, s.position, s.id, t.position, t.id",
    )?;
    let rows = stmt.query_map([], touchpoint_ref)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A touchpoint from a row of `id, name, stage name, map id, map name`.
fn touchpoint_ref(r: &rusqlite::Row<'_>) -> rusqlite::Result<TouchpointRef> {
    Ok(TouchpointRef {
        id: r.get(0)?,
        name: r.get(1)?,
        stage_name: r.get(2)?,
        map_id: r.get(3)?,
        map_name: r.get(4)?,
    })
}

/// How a problem's free-text journey stage and a touchpoint's or stage's
/// name are compared: case, spaces, Arabic letter variants and diacritics
/// aside (as search compares words).
pub fn match_key(text: &str) -> String {
    search::normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The links a match of journey stage texts would make on a live map:
/// each live problem whose free-text journey stage names one of the map's
/// live touchpoints ([`match_key`]), or else one of its stages (then its
/// first touchpoint), and is not linked there yet; and how many problems
/// have a text that names nothing on the map.
pub(crate) fn problem_matches(
    conn: &Connection,
    map: JourneyId,
) -> Result<(Vec<(ProblemId, TouchpointId)>, u32)> {
    let grid = grid(conn, map)?;
    let mut by_name: HashMap<String, TouchpointId> = HashMap::new();
    for gs in &grid.stages {
        for gt in &gs.touchpoints {
            by_name
                .entry(match_key(&gt.touchpoint.name))
                .or_insert(gt.touchpoint.id);
        }
    }
    for gs in &grid.stages {
        if let Some(first) = gs.touchpoints.first() {
            by_name
                .entry(match_key(&gs.stage.name))
                .or_insert(first.touchpoint.id);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.journey_stage,
            EXISTS (SELECT 1 FROM journey_touchpoint_problems l JOIN journey_touchpoints t
                    ON t.id = l.touchpoint_id WHERE l.problem_id = p.id AND t.map_id = ?1)
         FROM problems p WHERE p.deleted_at IS NULL AND p.journey_stage <> ''
         ORDER BY p.id",
    )?;
    let rows = stmt.query_map([map], |r| {
        Ok((
            r.get::<_, ProblemId>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    let (mut pairs, mut unmatched) = (Vec::new(), 0);
    for row in rows {
        let (problem, text, on_map) = row?;
        match by_name.get(&match_key(&text)) {
            Some(tp) if !on_map => pairs.push((problem, *tp)),
            Some(_) => {}
            None => unmatched += 1,
        }
    }
    Ok((pairs, unmatched))
}

/// What [`super::write::link_matching_problems`] would do on a live map,
/// without doing it: the problems it would link and those whose journey
/// stage text names nothing on the map (for the offer the map shows).
pub fn preview_matching_problems(conn: &Connection, map: JourneyId) -> Result<MatchOutcome> {
    let (pairs, unmatched) = problem_matches(conn, map)?;
    Ok(MatchOutcome {
        linked: u32::try_from(pairs.len()).unwrap_or(u32::MAX),
        unmatched,
    })
}
