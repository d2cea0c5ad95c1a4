//! Writing journey maps: maps, stages, touchpoints and lane cards (create,
//! edit, reorder, delete, restore), links to problems, pinned notes and
//! quotes, a future map made from a current one, review marks. Every
//! write records history.

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};

use super::model::{
    Card, JourneyEdit, JourneyMap, JourneyState, Lane, MatchOutcome, NewJourney, NewTouchpoint,
    Stage, Touchpoint, TouchpointEdit,
};
use super::read::{get_card, get_map, get_stage, get_touchpoint, is_deleted};
use super::{CARD, JOURNEY, STAGE, TOUCHPOINT};
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::TouchpointId;
use crate::ids::{ActionId, CardId, JourneyId, NoteId, PersonaId, ProblemId, QuoteId, StageId};
use crate::settings::Language;
use crate::store::Writer;
use crate::vocab::Channel;
use crate::write::{self as v, write_field};
use crate::{entity, time, trash};

/// Longest map, stage or touchpoint name.
pub const NAME_MAX: usize = v::SHORT_TEXT_MAX;
/// Longest owner team.
pub const OWNER_TEAM_MAX: usize = v::SHORT_TEXT_MAX;
/// Longest card text.
pub const CARD_MAX: usize = 1_000;
/// The emotion curve's range: −2 (very unhappy) to +2 (delighted).
pub const EMOTION_RANGE: (i8, i8) = (-2, 2);
/// Months between reviews of a map unless the team sets another period
/// (the seeds: revisit the map every three to five months).
pub const REVIEW_MONTHS_DEFAULT: u32 = 4;
/// The longest review period, in months.
pub const REVIEW_MONTHS_MAX: u32 = 24;
/// Most personas on one map.
pub const PERSONAS_MAX: usize = 20;

/// The starting stages a new map offers, in English.
pub const STARTING_STAGES_EN: [&str; 6] = [
    "Awareness",
    "Consideration",
    "Purchase",
    "Onboarding",
    "Use and service",
    "Loyalty and advocacy",
];
/// The starting stages a new map offers, in Arabic.
pub const STARTING_STAGES_AR: [&str; 6] = [
    "الوعي",
    "الدراسة والمقارنة",
    "الشراء",
    "البدء والتهيئة",
    "الاستخدام والخدمة",
    "الولاء والتوصية",
];

/// The starting stages in `language`, in order.
pub fn starting_stages(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &STARTING_STAGES_EN,
        Language::Ar => &STARTING_STAGES_AR,
    }
}

fn name(field: &str, value: &str) -> Result<String> {
    v::line(field, value, NAME_MAX, true)
}

fn emotion(field: &str, value: Option<i8>) -> Result<Option<i8>> {
    match value {
        Some(e) if e < EMOTION_RANGE.0 || e > EMOTION_RANGE.1 => Err(Error::EmotionOutOfRange {
            field: field.to_owned(),
            value: i64::from(e),
        }),
        e => Ok(e),
    }
}

fn review_months(value: u32) -> Result<u32> {
    if value == 0 || value > REVIEW_MONTHS_MAX {
        return Err(Error::invalid(
            "reviewMonths",
            Rule::OutOfRange,
            Some(REVIEW_MONTHS_MAX),
        ));
    }
    Ok(value)
}

fn opt_text<T: ToString>(value: Option<T>) -> Option<String> {
    value.map(|x| x.to_string())
}

/// A live map (not in the trash).
pub(crate) fn live_map(w: &Writer<'_>, id: JourneyId) -> Result<JourneyMap> {
    let map = get_map(w.tx(), id)?;
    if is_deleted(w.tx(), "journey_maps", &id.to_string())? {
        return Err(Error::Conflict(format!("journey map {id} is in the trash")));
    }
    Ok(map)
}

/// A live stage of a live map.
fn live_stage(w: &Writer<'_>, id: StageId) -> Result<Stage> {
    let stage = get_stage(w.tx(), id)?;
    if is_deleted(w.tx(), "journey_stages", &id.to_string())? {
        return Err(Error::Conflict(format!("stage {id} is in the trash")));
    }
    live_map(w, stage.map_id)?;
    Ok(stage)
}

/// A live touchpoint on a live stage.
fn live_touchpoint(w: &Writer<'_>, id: TouchpointId) -> Result<Touchpoint> {
    let tp = get_touchpoint(w.tx(), id)?;
    if is_deleted(w.tx(), "journey_touchpoints", &id.to_string())? {
        return Err(Error::Conflict(format!("touchpoint {id} is in the trash")));
    }
    live_stage(w, tp.stage_id)?;
    Ok(tp)
}

/// A live card on a live stage.
pub(crate) fn live_card(w: &Writer<'_>, id: CardId) -> Result<Card> {
    let card = get_card(w.tx(), id)?;
    if is_deleted(w.tx(), "journey_cards", &id.to_string())? {
        return Err(Error::Conflict(format!("card {id} is in the trash")));
    }
    live_stage(w, card.stage_id)?;
    Ok(card)
}

fn touch(w: &Writer<'_>, map: JourneyId) -> Result<()> {
    w.tx().execute(
        "UPDATE journey_maps SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), map],
    )?;
    Ok(())
}

/// Where in a scope (a map's stages, a stage's touchpoints, a cell's
/// cards) an item goes: before the one at `before` (its position), or
/// last. Halfway between two neighbours; when two neighbours are too
/// close for a number between them, the scope is renumbered 1, 2, ...
/// first (in its order) and the place worked out again.
fn place(
    w: &Writer<'_>,
    table: &str,
    scope: (&str, &[Value]),
    before: Option<&str>,
) -> Result<f64> {
    let (filter, values) = scope;
    let params = rusqlite::params_from_iter(values.iter());
    let Some(before) = before else {
        let last: Option<f64> = w.tx().query_row(
            &format!("SELECT max(position) FROM {table} WHERE {filter} AND deleted_at IS NULL"),
            params,
            |r| r.get(0),
        )?;
        return Ok(last.map_or(1.0, |p| p.floor() + 1.0));
    };
    for _ in 0..2 {
        let next: f64 = w.tx().query_row(
            &format!("SELECT position FROM {table} WHERE id = ?1"),
            [before],
            |r| r.get(0),
        )?;
        let prev: Option<f64> = w.tx().query_row(
            &format!(
                "SELECT max(position) FROM {table} WHERE {filter} AND deleted_at IS NULL
                 AND position < {next:?}"
            ),
            rusqlite::params_from_iter(values.iter()),
            |r| r.get(0),
        )?;
        let Some(prev) = prev else {
            return Ok(next - 1.0);
        };
        let mid = (prev + next) / 2.0;
        if mid > prev && mid < next && next - prev > 1e-9 {
            return Ok(mid);
        }
        let ids: Vec<String> = {
            let mut stmt = w.tx().prepare(&format!(
                "SELECT id FROM {table} WHERE {filter} AND deleted_at IS NULL ORDER BY position, id"
            ))?;
            let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (i, id) in ids.iter().enumerate() {
            w.tx().execute(
                &format!("UPDATE {table} SET position = ?1 WHERE id = ?2"),
                params![(i + 1) as f64, id],
            )?;
        }
    }
    Err(Error::Internal(format!("no place found in {table}")))
}

fn persona_names(w: &Writer<'_>, ids: &[PersonaId]) -> Result<Vec<String>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let name: String =
            w.tx()
                .query_row("SELECT name FROM personas WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        out.push(name);
    }
    Ok(out)
}

/// Live personas, in the order given, without repeats.
fn checked_personas(w: &Writer<'_>, ids: &[PersonaId]) -> Result<Vec<PersonaId>> {
    let mut out: Vec<PersonaId> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            v::require_live(w.tx(), "personas", entity::PERSONA, &id.to_string())?;
            out.push(*id);
        }
    }
    if out.len() > PERSONAS_MAX {
        return Err(Error::invalid(
            "personaIds",
            Rule::TooMany,
            Some(PERSONAS_MAX as u32),
        ));
    }
    Ok(out)
}

fn map_personas(w: &Writer<'_>, map: JourneyId) -> Result<Vec<PersonaId>> {
    let mut stmt = w.tx().prepare_cached(
        "SELECT persona_id FROM journey_map_personas WHERE map_id = ?1 ORDER BY persona_id",
    )?;
    let rows = stmt.query_map([map], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Creates a map, with the starting stages in the language asked for (or
/// none).
pub fn create_map(w: &mut Writer<'_>, input: &NewJourney) -> Result<JourneyMap> {
    let checked = name("name", &input.name);
    let months = review_months(input.review_months.unwrap_or(REVIEW_MONTHS_DEFAULT));
    let mut c = Checks::new();
    c.note(&checked);
    c.note(&months);
    c.finish()?;
    let (checked, months) = (checked?, months?);
    let personas = checked_personas(w, input.persona_ids.as_deref().unwrap_or_default())?;
    let state = input.state.unwrap_or(JourneyState::Current);
    let id = insert_map(w, (&checked, state, None), months, &personas)?;
    if let Some(language) = input.starting_stages {
        for stage in starting_stages(language) {
            insert_stage(w, id, stage, None)?;
        }
    }
    get_map(w.tx(), id)
}

fn insert_map(
    w: &mut Writer<'_>,
    (name, state, made_from): (&str, JourneyState, Option<JourneyId>),
    months: u32,
    personas: &[PersonaId],
) -> Result<JourneyId> {
    let id = JourneyId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO journey_maps (id, name, state, made_from, review_months, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, name, state, made_from, months, now],
    )?;
    let key = id.to_string();
    w.record(JOURNEY, &key, ChangeOp::Create, None, None, None)?;
    w.record(
        JOURNEY,
        &key,
        ChangeOp::Create,
        Some("name"),
        None,
        Some(name),
    )?;
    w.record(
        JOURNEY,
        &key,
        ChangeOp::Create,
        Some("state"),
        None,
        Some(state.as_str()),
    )?;
    w.record(
        JOURNEY,
        &key,
        ChangeOp::Create,
        Some("reviewMonths"),
        None,
        Some(&months.to_string()),
    )?;
    if let Some(from) = made_from {
        w.record(
            JOURNEY,
            &key,
            ChangeOp::Create,
            Some("madeFrom"),
            None,
            Some(&from.to_string()),
        )?;
    }
    for p in personas {
        w.tx().execute(
            "INSERT INTO journey_map_personas (map_id, persona_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    if !personas.is_empty() {
        let names = persona_names(w, personas)?;
        w.record(
            JOURNEY,
            &key,
            ChangeOp::Create,
            Some("personas"),
            None,
            Some(&v::list_text(&names)),
        )?;
    }
    Ok(id)
}

/// Changes one field of a live map.
pub fn edit_map(w: &mut Writer<'_>, id: JourneyId, edit: &JourneyEdit) -> Result<JourneyMap> {
    let before = live_map(w, id)?;
    let key = id.to_string();
    match edit {
        JourneyEdit::Name(n) => {
            let n = name("name", n)?;
            write_field(
                w,
                ("journey_maps", JOURNEY, &key),
                ("name", "name"),
                (Some(&before.name), Some(&n)),
                Value::Text(n.clone()),
            )?;
        }
        JourneyEdit::State(s) => {
            write_field(
                w,
                ("journey_maps", JOURNEY, &key),
                ("state", "state"),
                (Some(before.state.as_str()), Some(s.as_str())),
                Value::Text(s.as_str().into()),
            )?;
        }
        JourneyEdit::ReviewMonths(m) => {
            let m = review_months(*m)?;
            write_field(
                w,
                ("journey_maps", JOURNEY, &key),
                ("reviewMonths", "review_months"),
                (
                    Some(&before.review_months.to_string()),
                    Some(&m.to_string()),
                ),
                Value::Integer(i64::from(m)),
            )?;
        }
        JourneyEdit::PersonaIds(ids) => {
            let new = checked_personas(w, ids)?;
            let old = map_personas(w, id)?;
            if old.iter().all(|p| new.contains(p)) && new.iter().all(|p| old.contains(p)) {
                return get_map(w.tx(), id);
            }
            for p in old.iter().filter(|p| !new.contains(p)) {
                w.tx().execute(
                    "DELETE FROM journey_map_personas WHERE map_id = ?1 AND persona_id = ?2",
                    params![id, p],
                )?;
            }
            for p in new.iter().filter(|p| !old.contains(p)) {
                w.tx().execute(
                    "INSERT INTO journey_map_personas (map_id, persona_id) VALUES (?1, ?2)",
                    params![id, p],
                )?;
            }
            let (old_names, new_names) = (persona_names(w, &old)?, persona_names(w, &new)?);
            touch(w, id)?;
            w.record(
                JOURNEY,
                &key,
                ChangeOp::Update,
                Some("personas"),
                Some(&v::list_text(&old_names)),
                Some(&v::list_text(&new_names)),
            )?;
        }
    }
    get_map(w.tx(), id)
}

/// Marks a live map reviewed now: its next review falls due a review
/// period from today.
pub fn mark_reviewed(w: &mut Writer<'_>, id: JourneyId) -> Result<JourneyMap> {
    let before = live_map(w, id)?;
    let now = time::to_text(w.now());
    let old = before.reviewed_at.map(time::to_text);
    write_field(
        w,
        ("journey_maps", JOURNEY, &id.to_string()),
        ("reviewedAt", "reviewed_at"),
        (old.as_deref(), Some(&now)),
        Value::Text(now.clone()),
    )?;
    get_map(w.tx(), id)
}

/// Moves a map to the trash. Everything on it is hidden with it (not
/// stamped) and comes back when it is restored.
pub fn delete_map(w: &mut Writer<'_>, id: JourneyId) -> Result<()> {
    trash::mark_deleted(w, JOURNEY, &id.to_string())
}

/// Brings a map back from the trash, with everything on it.
pub fn restore_map(w: &mut Writer<'_>, id: JourneyId) -> Result<JourneyMap> {
    trash::mark_restored(w, JOURNEY, &id.to_string())?;
    get_map(w.tx(), id)
}

fn insert_stage(
    w: &mut Writer<'_>,
    map: JourneyId,
    name: &str,
    before: Option<StageId>,
) -> Result<StageId> {
    let before = before.map(|b| b.to_string());
    let pos = place(
        w,
        "journey_stages",
        ("map_id = ?1", &[Value::Text(map.to_string())]),
        before.as_deref(),
    )?;
    let id = StageId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO journey_stages (id, map_id, name, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, map, name, pos, now],
    )?;
    w.record(
        STAGE,
        &id.to_string(),
        ChangeOp::Create,
        Some("name"),
        None,
        Some(name),
    )?;
    touch(w, map)?;
    Ok(id)
}

/// Checks that `before` is a live item of `table` in the same scope
/// (`column` equal to `value`).
fn same_scope(w: &Writer<'_>, table: &str, before: &str, scope: &[(&str, String)]) -> Result<()> {
    let mut ok = v::is_live(w.tx(), table, before)?;
    for (column, value) in scope {
        if !ok {
            break;
        }
        let found: Option<String> = w
            .tx()
            .query_row(
                &format!("SELECT {column} FROM {table} WHERE id = ?1"),
                [before],
                |r| r.get(0),
            )
            .optional()?;
        ok = found.as_deref() == Some(value.as_str());
    }
    if ok {
        Ok(())
    } else {
        Err(Error::invalid("before", Rule::Invalid, None))
    }
}

/// Adds a stage to a live map, before `before` (a stage of the same map)
/// or last.
pub fn add_stage(
    w: &mut Writer<'_>,
    map: JourneyId,
    stage_name: &str,
    before: Option<StageId>,
) -> Result<Stage> {
    live_map(w, map)?;
    let n = name("name", stage_name)?;
    if let Some(b) = before {
        same_scope(
            w,
            "journey_stages",
            &b.to_string(),
            &[("map_id", map.to_string())],
        )?;
    }
    let id = insert_stage(w, map, &n, before)?;
    get_stage(w.tx(), id)
}

/// Renames a live stage.
pub fn rename_stage(w: &mut Writer<'_>, id: StageId, stage_name: &str) -> Result<Stage> {
    let before = live_stage(w, id)?;
    let n = name("name", stage_name)?;
    if write_field(
        w,
        ("journey_stages", STAGE, &id.to_string()),
        ("name", "name"),
        (Some(&before.name), Some(&n)),
        Value::Text(n.clone()),
    )? {
        touch(w, before.map_id)?;
    }
    get_stage(w.tx(), id)
}

/// Moves a live stage before `before` (a stage of the same map) or last.
pub fn move_stage(w: &mut Writer<'_>, id: StageId, before: Option<StageId>) -> Result<Stage> {
    let stage = live_stage(w, id)?;
    if before == Some(id) {
        return Ok(stage);
    }
    let b = before.map(|b| b.to_string());
    if let Some(b) = &b {
        same_scope(
            w,
            "journey_stages",
            b,
            &[("map_id", stage.map_id.to_string())],
        )?;
    }
    let pos = place(
        w,
        "journey_stages",
        (
            "map_id = ?1 AND id <> ?2",
            &[
                Value::Text(stage.map_id.to_string()),
                Value::Text(id.to_string()),
            ],
        ),
        b.as_deref(),
    )?;
    let old = get_stage(w.tx(), id)?.position;
    write_field(
        w,
        ("journey_stages", STAGE, &id.to_string()),
        ("position", "position"),
        (Some(&old.to_string()), Some(&pos.to_string())),
        Value::Real(pos),
    )?;
    touch(w, stage.map_id)?;
    get_stage(w.tx(), id)
}

fn live_touchpoint_ids(w: &Writer<'_>, stage: StageId) -> Result<Vec<String>> {
    let mut stmt = w.tx().prepare_cached(
        "SELECT id FROM journey_touchpoints WHERE stage_id = ?1 AND deleted_at IS NULL
         ORDER BY position, id",
    )?;
    let rows = stmt.query_map([stage], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Moves a stage to the trash. A stage with live touchpoints goes only
/// when `with_touchpoints` says they go too ([`Error::StageHasTouchpoints`]
/// otherwise, and nothing changes): they are stamped as gone with the
/// stage and come back with it. Its cards are hidden with it.
pub fn delete_stage(w: &mut Writer<'_>, id: StageId, with_touchpoints: bool) -> Result<()> {
    let stage = get_stage(w.tx(), id)?;
    let touchpoints = live_touchpoint_ids(w, id)?;
    if !touchpoints.is_empty() && !with_touchpoints {
        return Err(Error::StageHasTouchpoints {
            count: touchpoints.len() as u32,
        });
    }
    let key = id.to_string();
    trash::mark_deleted(w, STAGE, &key)?;
    let now = time::to_text(w.now());
    let author = w.author().to_owned();
    for tp in &touchpoints {
        w.tx().execute(
            "UPDATE journey_touchpoints SET deleted_at = ?1, deleted_by = ?2, deleted_with = ?3
             WHERE id = ?4",
            params![now, author, key, tp],
        )?;
        w.record(
            TOUCHPOINT,
            tp,
            ChangeOp::Delete,
            Some("deleted_at"),
            None,
            Some(&now),
        )?;
    }
    touch(w, stage.map_id)
}

/// Brings a stage back from the trash with the touchpoints that went with
/// it, at their places. Its map must be live.
pub fn restore_stage(w: &mut Writer<'_>, id: StageId) -> Result<Stage> {
    let stage = get_stage(w.tx(), id)?;
    live_map(w, stage.map_id)?;
    let key = id.to_string();
    trash::mark_restored(w, STAGE, &key)?;
    let went: Vec<(String, Option<String>)> = {
        let mut stmt = w.tx().prepare_cached(
            "SELECT id, deleted_at FROM journey_touchpoints
             WHERE stage_id = ?1 AND deleted_with = ?1 AND deleted_at IS NOT NULL",
        )?;
        let rows = stmt.query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (tp, old) in &went {
        w.tx().execute(
            "UPDATE journey_touchpoints SET deleted_at = NULL, deleted_by = NULL, deleted_with = NULL
             WHERE id = ?1",
            [tp],
        )?;
        w.record(
            TOUCHPOINT,
            tp,
            ChangeOp::Restore,
            Some("deleted_at"),
            old.as_deref(),
            None,
        )?;
    }
    touch(w, stage.map_id)?;
    get_stage(w.tx(), id)
}

/// Adds a touchpoint, last under a live stage.
pub fn add_touchpoint(w: &mut Writer<'_>, input: &NewTouchpoint) -> Result<Touchpoint> {
    let stage = live_stage(w, input.stage_id)?;
    let n = name("name", &input.name);
    let owner = v::line(
        "ownerTeam",
        input.owner_team.as_deref().unwrap_or_default(),
        OWNER_TEAM_MAX,
        false,
    );
    let mut c = Checks::new();
    c.note(&n);
    c.note(&owner);
    c.finish()?;
    let (n, owner) = (n?, owner?);
    let current = emotion("emotionCurrent", input.emotion_current)?;
    let target = emotion("emotionTarget", input.emotion_target)?;
    let id = insert_touchpoint(
        w,
        &stage,
        &Touchpoint {
            id: TouchpointId::new(),
            map_id: stage.map_id,
            stage_id: stage.id,
            name: n,
            position: 0.0,
            channel: input.channel,
            direct: input.direct.unwrap_or(true),
            owner_team: owner,
            emotion_current: current,
            emotion_target: target,
        },
    )?;
    get_touchpoint(w.tx(), id)
}

/// Inserts a checked touchpoint (its id, map and stage as given), last in
/// its stage, and records every field set.
fn insert_touchpoint(w: &mut Writer<'_>, stage: &Stage, tp: &Touchpoint) -> Result<TouchpointId> {
    let pos = place(
        w,
        "journey_touchpoints",
        ("stage_id = ?1", &[Value::Text(stage.id.to_string())]),
        None,
    )?;
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO journey_touchpoints (id, map_id, stage_id, name, position, channel, direct,
            owner_team, emotion_current, emotion_target, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            tp.id,
            stage.map_id,
            stage.id,
            tp.name,
            pos,
            tp.channel,
            tp.direct,
            tp.owner_team,
            tp.emotion_current,
            tp.emotion_target,
            now
        ],
    )?;
    let key = tp.id.to_string();
    let fields: [(&str, Option<String>); 6] = [
        ("name", Some(tp.name.clone())),
        ("channel", tp.channel.map(|c| c.as_str().to_owned())),
        ("direct", (!tp.direct).then(|| "false".to_owned())),
        (
            "ownerTeam",
            (!tp.owner_team.is_empty()).then(|| tp.owner_team.clone()),
        ),
        ("emotionCurrent", opt_text(tp.emotion_current)),
        ("emotionTarget", opt_text(tp.emotion_target)),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            w.record(
                TOUCHPOINT,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    touch(w, stage.map_id)?;
    Ok(tp.id)
}

/// Changes one field of a live touchpoint. An emotion outside −2..+2 is
/// refused with [`Error::EmotionOutOfRange`].
pub fn edit_touchpoint(
    w: &mut Writer<'_>,
    id: TouchpointId,
    edit: &TouchpointEdit,
) -> Result<Touchpoint> {
    let before = live_touchpoint(w, id)?;
    let key = id.to_string();
    let table = ("journey_touchpoints", TOUCHPOINT, key.as_str());
    let changed = match edit {
        TouchpointEdit::Name(n) => {
            let n = name("name", n)?;
            write_field(
                w,
                table,
                ("name", "name"),
                (Some(&before.name), Some(&n)),
                Value::Text(n.clone()),
            )?
        }
        TouchpointEdit::Channel(c) => write_field(
            w,
            table,
            ("channel", "channel"),
            (before.channel.map(Channel::as_str), c.map(Channel::as_str)),
            c.map_or(Value::Null, |c| Value::Text(c.as_str().into())),
        )?,
        TouchpointEdit::Direct(d) => write_field(
            w,
            table,
            ("direct", "direct"),
            (Some(&before.direct.to_string()), Some(&d.to_string())),
            Value::Integer(i64::from(*d)),
        )?,
        TouchpointEdit::OwnerTeam(t) => {
            let t = v::line("ownerTeam", t, OWNER_TEAM_MAX, false)?;
            write_field(
                w,
                table,
                ("ownerTeam", "owner_team"),
                (Some(&before.owner_team), Some(&t)),
                Value::Text(t.clone()),
            )?
        }
        TouchpointEdit::EmotionCurrent(e) => {
            let e = emotion("emotionCurrent", *e)?;
            write_field(
                w,
                table,
                ("emotionCurrent", "emotion_current"),
                (
                    opt_text(before.emotion_current).as_deref(),
                    opt_text(e).as_deref(),
                ),
                e.map_or(Value::Null, |e| Value::Integer(i64::from(e))),
            )?
        }
        TouchpointEdit::EmotionTarget(e) => {
            let e = emotion("emotionTarget", *e)?;
            write_field(
                w,
                table,
                ("emotionTarget", "emotion_target"),
                (
                    opt_text(before.emotion_target).as_deref(),
                    opt_text(e).as_deref(),
                ),
                e.map_or(Value::Null, |e| Value::Integer(i64::from(e))),
            )?
        }
    };
    if changed {
        touch(w, before.map_id)?;
    }
    get_touchpoint(w.tx(), id)
}

/// Moves a live touchpoint under `stage` (a live stage of the same map),
/// before `before` (a touchpoint of that stage) or last.
pub fn move_touchpoint(
    w: &mut Writer<'_>,
    id: TouchpointId,
    stage: StageId,
    before: Option<TouchpointId>,
) -> Result<Touchpoint> {
    let tp = live_touchpoint(w, id)?;
    if before == Some(id) {
        return Ok(tp);
    }
    let to = live_stage(w, stage)?;
    if to.map_id != tp.map_id {
        return Err(Error::invalid("stageId", Rule::Invalid, None));
    }
    let b = before.map(|b| b.to_string());
    if let Some(b) = &b {
        same_scope(
            w,
            "journey_touchpoints",
            b,
            &[("stage_id", stage.to_string())],
        )?;
    }
    let pos = place(
        w,
        "journey_touchpoints",
        (
            "stage_id = ?1 AND id <> ?2",
            &[Value::Text(stage.to_string()), Value::Text(id.to_string())],
        ),
        b.as_deref(),
    )?;
    let key = id.to_string();
    if to.id != tp.stage_id {
        let from = get_stage(w.tx(), tp.stage_id)?;
        write_field(
            w,
            ("journey_touchpoints", TOUCHPOINT, &key),
            ("stage", "stage_id"),
            (Some(&from.name), Some(&to.name)),
            Value::Text(stage.to_string()),
        )?;
    }
    let old = get_touchpoint(w.tx(), id)?.position;
    write_field(
        w,
        ("journey_touchpoints", TOUCHPOINT, &key),
        ("position", "position"),
        (Some(&old.to_string()), Some(&pos.to_string())),
        Value::Real(pos),
    )?;
    touch(w, tp.map_id)?;
    get_touchpoint(w.tx(), id)
}

/// Moves a touchpoint to the trash; its links stay and come back with it.
pub fn delete_touchpoint(w: &mut Writer<'_>, id: TouchpointId) -> Result<()> {
    let tp = get_touchpoint(w.tx(), id)?;
    trash::mark_deleted(w, TOUCHPOINT, &id.to_string())?;
    touch(w, tp.map_id)
}

/// Brings a touchpoint back, if its stage and map are live.
pub fn restore_touchpoint(w: &mut Writer<'_>, id: TouchpointId) -> Result<Touchpoint> {
    let tp = get_touchpoint(w.tx(), id)?;
    live_stage(w, tp.stage_id)?;
    trash::mark_restored(w, TOUCHPOINT, &id.to_string())?;
    w.tx().execute(
        "UPDATE journey_touchpoints SET deleted_with = NULL WHERE id = ?1",
        [id],
    )?;
    touch(w, tp.map_id)?;
    get_touchpoint(w.tx(), id)
}

fn cell_scope(stage: StageId, lane: Lane) -> [Value; 2] {
    [
        Value::Text(stage.to_string()),
        Value::Text(lane.as_str().into()),
    ]
}

/// Adds a card, last in a cell of a live stage. Empty text is refused.
pub fn add_card(w: &mut Writer<'_>, stage: StageId, lane: Lane, text: &str) -> Result<Card> {
    let s = live_stage(w, stage)?;
    let text = v::text("text", text, CARD_MAX, true)?;
    let id = insert_card(w, &s, lane, &text)?;
    get_card(w.tx(), id)
}

fn insert_card(w: &mut Writer<'_>, stage: &Stage, lane: Lane, text: &str) -> Result<CardId> {
    let pos = place(
        w,
        "journey_cards",
        ("stage_id = ?1 AND lane = ?2", &cell_scope(stage.id, lane)),
        None,
    )?;
    let id = CardId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO journey_cards (id, map_id, stage_id, lane, position, text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, stage.map_id, stage.id, lane, pos, text, now],
    )?;
    let key = id.to_string();
    w.record(
        CARD,
        &key,
        ChangeOp::Create,
        Some("lane"),
        None,
        Some(lane.as_str()),
    )?;
    w.record(CARD, &key, ChangeOp::Create, Some("text"), None, Some(text))?;
    touch(w, stage.map_id)?;
    Ok(id)
}

/// Changes a live card's text. Empty text is refused.
pub fn edit_card(w: &mut Writer<'_>, id: CardId, text: &str) -> Result<Card> {
    let before = live_card(w, id)?;
    let text = v::text("text", text, CARD_MAX, true)?;
    if write_field(
        w,
        ("journey_cards", CARD, &id.to_string()),
        ("text", "text"),
        (Some(&before.text), Some(&text)),
        Value::Text(text.clone()),
    )? {
        touch(w, before.map_id)?;
    }
    get_card(w.tx(), id)
}

/// Moves a live card to the cell of `stage` (of the same map) and `lane`,
/// before `before` (a card of that cell) or last.
pub fn move_card(
    w: &mut Writer<'_>,
    id: CardId,
    (stage, lane): (StageId, Lane),
    before: Option<CardId>,
) -> Result<Card> {
    let card = live_card(w, id)?;
    if before == Some(id) {
        return Ok(card);
    }
    let to = live_stage(w, stage)?;
    if to.map_id != card.map_id {
        return Err(Error::invalid("stageId", Rule::Invalid, None));
    }
    let b = before.map(|b| b.to_string());
    if let Some(b) = &b {
        same_scope(
            w,
            "journey_cards",
            b,
            &[
                ("stage_id", stage.to_string()),
                ("lane", lane.as_str().into()),
            ],
        )?;
    }
    let [s, l] = cell_scope(stage, lane);
    let pos = place(
        w,
        "journey_cards",
        (
            "stage_id = ?1 AND lane = ?2 AND id <> ?3",
            &[s, l, Value::Text(id.to_string())],
        ),
        b.as_deref(),
    )?;
    let key = id.to_string();
    let table = ("journey_cards", CARD, key.as_str());
    if to.id != card.stage_id {
        let from = get_stage(w.tx(), card.stage_id)?;
        write_field(
            w,
            table,
            ("stage", "stage_id"),
            (Some(&from.name), Some(&to.name)),
            Value::Text(stage.to_string()),
        )?;
    }
    write_field(
        w,
        table,
        ("lane", "lane"),
        (Some(card.lane.as_str()), Some(lane.as_str())),
        Value::Text(lane.as_str().into()),
    )?;
    write_field(
        w,
        table,
        ("position", "position"),
        (Some(&card.position.to_string()), Some(&pos.to_string())),
        Value::Real(pos),
    )?;
    touch(w, card.map_id)?;
    get_card(w.tx(), id)
}

/// Moves a card to the trash.
pub fn delete_card(w: &mut Writer<'_>, id: CardId) -> Result<()> {
    let card = get_card(w.tx(), id)?;
    trash::mark_deleted(w, CARD, &id.to_string())?;
    touch(w, card.map_id)
}

/// Brings a card back, if its stage and map are live.
pub fn restore_card(w: &mut Writer<'_>, id: CardId) -> Result<Card> {
    let card = get_card(w.tx(), id)?;
    live_stage(w, card.stage_id)?;
    trash::mark_restored(w, CARD, &id.to_string())?;
    touch(w, card.map_id)?;
    get_card(w.tx(), id)
}

fn problem_title(w: &Writer<'_>, id: ProblemId) -> Result<String> {
    w.tx()
        .query_row("SELECT title FROM problems WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: entity::PROBLEM,
            id: id.to_string(),
        })
}

fn record_problem_link(
    w: &mut Writer<'_>,
    tp: &Touchpoint,
    (problem, title): (ProblemId, &str),
    added: bool,
) -> Result<()> {
    let (old_t, new_t) = if added {
        (None, Some(title))
    } else {
        (Some(title), None)
    };
    let n = tp.name.as_str();
    let (old_n, new_n) = if added {
        (None, Some(n))
    } else {
        (Some(n), None)
    };
    touch(w, tp.map_id)?;
    w.record(
        TOUCHPOINT,
        &tp.id.to_string(),
        ChangeOp::Update,
        Some("problems"),
        old_t,
        new_t,
    )?;
    w.record(
        entity::PROBLEM,
        &problem.to_string(),
        ChangeOp::Update,
        Some("touchpoints"),
        old_n,
        new_n,
    )
}

/// Links a live problem to a live touchpoint (both histories record it).
/// Linking twice changes nothing.
pub fn link_problem(
    w: &mut Writer<'_>,
    touchpoint: TouchpointId,
    problem: ProblemId,
) -> Result<()> {
    let tp = live_touchpoint(w, touchpoint)?;
    v::require_live(w.tx(), "problems", entity::PROBLEM, &problem.to_string())?;
    let title = problem_title(w, problem)?;
    let added = w.tx().execute(
        "INSERT OR IGNORE INTO journey_touchpoint_problems (touchpoint_id, problem_id) VALUES (?1, ?2)",
        params![touchpoint, problem],
    )?;
    if added > 0 {
        record_problem_link(w, &tp, (problem, &title), true)?;
    }
    Ok(())
}

/// Removes a link between a touchpoint and a problem.
pub fn unlink_problem(
    w: &mut Writer<'_>,
    touchpoint: TouchpointId,
    problem: ProblemId,
) -> Result<()> {
    let tp = get_touchpoint(w.tx(), touchpoint)?;
    let title = problem_title(w, problem)?;
    let removed = w.tx().execute(
        "DELETE FROM journey_touchpoint_problems WHERE touchpoint_id = ?1 AND problem_id = ?2",
        params![touchpoint, problem],
    )?;
    if removed > 0 {
        record_problem_link(w, &tp, (problem, &title), false)?;
    }
    Ok(())
}

/// Pins, or unpins, a note or quote (`table`, `column`: the link; `field`:
/// the touchpoint's history field; `text`: what history shows).
fn pin(
    w: &mut Writer<'_>,
    tp: &Touchpoint,
    (table, column, field): (&str, &str, &'static str),
    (id, text): (&str, &str),
    on: bool,
) -> Result<()> {
    let changed = if on {
        w.tx().execute(
            &format!("INSERT OR IGNORE INTO {table} (touchpoint_id, {column}) VALUES (?1, ?2)"),
            params![tp.id, id],
        )?
    } else {
        w.tx().execute(
            &format!("DELETE FROM {table} WHERE touchpoint_id = ?1 AND {column} = ?2"),
            params![tp.id, id],
        )?
    };
    if changed > 0 {
        touch(w, tp.map_id)?;
        let (old, new) = if on {
            (None, Some(text))
        } else {
            (Some(text), None)
        };
        w.record(
            TOUCHPOINT,
            &tp.id.to_string(),
            ChangeOp::Update,
            Some(field),
            old,
            new,
        )?;
    }
    Ok(())
}

fn note_text(w: &Writer<'_>, note: NoteId, live: bool) -> Result<String> {
    let found: Option<String> = w
        .tx()
        .query_row(
            "SELECT text FROM empathy_notes WHERE id = ?1
             AND (?2 = 0 OR (deleted_at IS NULL AND hidden = 0))",
            params![note, live],
            |r| r.get(0),
        )
        .optional()?;
    found.ok_or_else(|| Error::NotFound {
        entity: entity::NOTE,
        id: note.to_string(),
    })
}

fn quote_text(w: &Writer<'_>, quote: QuoteId, live: bool) -> Result<String> {
    let found: Option<String> = w
        .tx()
        .query_row(
            "SELECT text FROM persona_quotes WHERE id = ?1 AND (?2 = 0 OR deleted_at IS NULL)",
            params![quote, live],
            |r| r.get(0),
        )
        .optional()?;
    found.ok_or_else(|| Error::NotFound {
        entity: entity::QUOTE,
        id: quote.to_string(),
    })
}

/// Pins a live, revealed empathy note to a live touchpoint.
pub fn pin_note(w: &mut Writer<'_>, touchpoint: TouchpointId, note: NoteId) -> Result<()> {
    let tp = live_touchpoint(w, touchpoint)?;
    let text = note_text(w, note, true)?;
    pin(
        w,
        &tp,
        ("journey_touchpoint_notes", "note_id", "notes"),
        (&note.to_string(), &text),
        true,
    )
}

/// Unpins an empathy note from a touchpoint.
pub fn unpin_note(w: &mut Writer<'_>, touchpoint: TouchpointId, note: NoteId) -> Result<()> {
    let tp = get_touchpoint(w.tx(), touchpoint)?;
    let text = note_text(w, note, false)?;
    pin(
        w,
        &tp,
        ("journey_touchpoint_notes", "note_id", "notes"),
        (&note.to_string(), &text),
        false,
    )
}

/// Pins a live persona quote to a live touchpoint.
pub fn pin_quote(w: &mut Writer<'_>, touchpoint: TouchpointId, quote: QuoteId) -> Result<()> {
    let tp = live_touchpoint(w, touchpoint)?;
    let text = quote_text(w, quote, true)?;
    pin(
        w,
        &tp,
        ("journey_touchpoint_quotes", "quote_id", "quotes"),
        (&quote.to_string(), &text),
        true,
    )
}

/// Unpins a quote from a touchpoint.
pub fn unpin_quote(w: &mut Writer<'_>, touchpoint: TouchpointId, quote: QuoteId) -> Result<()> {
    let tp = get_touchpoint(w.tx(), touchpoint)?;
    let text = quote_text(w, quote, false)?;
    pin(
        w,
        &tp,
        ("journey_touchpoint_quotes", "quote_id", "quotes"),
        (&quote.to_string(), &text),
        false,
    )
}

/// Makes a future ("to be") map named `map_name` from a live current map:
/// its personas, live stages, touchpoints (channel, direct, owner team and
/// both emotion values: the current curve is the future map's starting
/// point) and cards, in the same order. Links to problems, pinned notes
/// and quotes and the actions cards became stay with the current map: they
/// are about the journey as it is.
pub fn future_from_current(
    w: &mut Writer<'_>,
    source: JourneyId,
    map_name: &str,
) -> Result<JourneyMap> {
    let from = live_map(w, source)?;
    if from.state != JourneyState::Current {
        return Err(Error::JourneyNotCurrent);
    }
    let n = name("name", map_name)?;
    let personas: Vec<PersonaId> = map_personas(w, source)?
        .into_iter()
        .filter(|p| v::is_live(w.tx(), "personas", &p.to_string()).unwrap_or(false))
        .collect();
    let id = insert_map(
        w,
        (&n, JourneyState::Future, Some(source)),
        from.review_months,
        &personas,
    )?;
    let grid = super::read::grid(w.tx(), source)?;
    for gs in &grid.stages {
        let stage_id = insert_stage(w, id, &gs.stage.name, None)?;
        let stage = get_stage(w.tx(), stage_id)?;
        for gt in &gs.touchpoints {
            let t = &gt.touchpoint;
            insert_touchpoint(
                w,
                &stage,
                &Touchpoint {
                    id: TouchpointId::new(),
                    map_id: id,
                    stage_id,
                    ..t.clone()
                },
            )?;
        }
        for cell in &gs.cells {
            for card in &cell.cards {
                insert_card(w, &stage, cell.lane, &card.text)?;
            }
        }
    }
    get_map(w.tx(), id)
}

/// Links the live problems whose free-text journey stage names a live
/// touchpoint of a live map, or else one of its stages (then to that
/// stage's first touchpoint), as [`super::read::matching_problems`] finds
/// them. Every problem's text stays as it was; problems whose text names
/// nothing on the map are counted, not touched.
pub fn link_matching_problems(w: &mut Writer<'_>, map: JourneyId) -> Result<MatchOutcome> {
    live_map(w, map)?;
    let (pairs, unmatched) = super::read::problem_matches(w.tx(), map)?;
    let mut linked = 0;
    for (problem, tp) in pairs {
        link_problem(w, tp, problem)?;
        linked += 1;
    }
    Ok(MatchOutcome { linked, unmatched })
}

/// A live card of the opportunities lane: what an action made from it
/// starts from ([`Error::NotAnOpportunity`] for a card of another lane).
pub(crate) fn opportunity(w: &Writer<'_>, id: CardId) -> Result<Card> {
    let card = live_card(w, id)?;
    if card.lane != Lane::Opportunities {
        return Err(Error::NotAnOpportunity);
    }
    Ok(card)
}

/// Records that an opportunity card became an action (`title` is the
/// action's, for history).
pub(crate) fn link_action(
    w: &mut Writer<'_>,
    card: &Card,
    action: ActionId,
    title: &str,
) -> Result<()> {
    w.tx().execute(
        "INSERT OR IGNORE INTO journey_card_actions (card_id, action_id) VALUES (?1, ?2)",
        params![card.id, action],
    )?;
    touch(w, card.map_id)?;
    w.record(
        CARD,
        &card.id.to_string(),
        ChangeOp::Update,
        Some("actions"),
        None,
        Some(title),
    )
}

/// Moves every link of problem `from` to a touchpoint over to problem `to`
/// (merging a duplicate into the problem that stays), with history on each
/// touchpoint and both problems.
pub(crate) fn move_problem_links(w: &mut Writer<'_>, from: ProblemId, to: ProblemId) -> Result<()> {
    let touchpoints: Vec<TouchpointId> = {
        let mut stmt = w.tx().prepare_cached(
            "SELECT touchpoint_id FROM journey_touchpoint_problems WHERE problem_id = ?1
             ORDER BY touchpoint_id",
        )?;
        let rows = stmt.query_map([from], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if touchpoints.is_empty() {
        return Ok(());
    }
    let (from_title, to_title) = (problem_title(w, from)?, problem_title(w, to)?);
    for id in touchpoints {
        let tp = get_touchpoint(w.tx(), id)?;
        w.tx().execute(
            "DELETE FROM journey_touchpoint_problems WHERE touchpoint_id = ?1 AND problem_id = ?2",
            params![id, from],
        )?;
        record_problem_link(w, &tp, (from, &from_title), false)?;
        let added = w.tx().execute(
            "INSERT OR IGNORE INTO journey_touchpoint_problems (touchpoint_id, problem_id)
             VALUES (?1, ?2)",
            params![id, to],
        )?;
        if added > 0 {
            record_problem_link(w, &tp, (to, &to_title), true)?;
        }
    }
    Ok(())
}
