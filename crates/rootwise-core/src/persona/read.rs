//! Reading personas: one, the list, a page's detail, a problem's personas,
//! and the picture.

use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{
    LinkedProblem, MapRef, Persona, PersonaCard, PersonaDetail, PersonaRef, Picture, Quote,
};
use super::{ENTITY, QUOTE};
use crate::error::{Error, Result};
use crate::ids::{PersonaId, ProblemId, QuoteId};
use crate::refs::map_refs;
use crate::time::{column_day, column_list, column_stamp};

const COLUMNS: &str = "p.id, p.name, p.role, p.segment, p.goals, p.pain_points, p.triggers,
    p.fears, p.channels, p.story, p.demographics,
    EXISTS (SELECT 1 FROM persona_pictures x WHERE x.persona_id = p.id),
    p.sample, p.created_at, p.updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Persona> {
    Ok(Persona {
        id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        segment: r.get(3)?,
        goals: r.get(4)?,
        pain_points: r.get(5)?,
        triggers: r.get(6)?,
        fears: r.get(7)?,
        channels: column_list(r, 8)?,
        story: r.get(9)?,
        demographics: r.get(10)?,
        has_picture: r.get(11)?,
        sample: r.get(12)?,
        created_at: column_stamp(r, 13)?,
        updated_at: column_stamp(r, 14)?,
    })
}

const QUOTE_COLUMNS: &str =
    "q.id, q.persona_id, q.text, q.source, q.reference, q.said_on, q.created_at, q.updated_at";

fn quote_from(r: &Row<'_>) -> rusqlite::Result<Quote> {
    Ok(Quote {
        id: r.get(0)?,
        persona_id: r.get(1)?,
        text: r.get(2)?,
        source: r.get(3)?,
        reference: r.get(4)?,
        said_on: column_day(r, 5)?,
        created_at: column_stamp(r, 6)?,
        updated_at: column_stamp(r, 7)?,
    })
}

/// A persona, live or trashed.
pub fn get(conn: &Connection, id: PersonaId) -> Result<Persona> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM personas p WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        })
}

/// A quote, live or trashed.
pub fn get_quote(conn: &Connection, id: QuoteId) -> Result<Quote> {
    conn.prepare_cached(&format!(
        "SELECT {QUOTE_COLUMNS} FROM persona_quotes q WHERE q.id = ?1"
    ))?
    .query_row([id], quote_from)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: QUOTE,
        id: id.to_string(),
    })
}

fn quotes(conn: &Connection, persona: PersonaId) -> Result<Vec<Quote>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {QUOTE_COLUMNS} FROM persona_quotes q
         WHERE q.persona_id = ?1 AND q.deleted_at IS NULL
         ORDER BY q.said_on DESC, q.created_at DESC"
    ))?;
    let rows = stmt.query_map([persona], quote_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every live persona by name, each with its lead quote and counts.
pub fn list(conn: &Connection) -> Result<Vec<PersonaCard>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS},
            (SELECT count(*) FROM persona_quotes q WHERE q.persona_id = p.id AND q.deleted_at IS NULL),
            (SELECT count(*) FROM persona_problems l JOIN problems pr ON pr.id = l.problem_id
              WHERE l.persona_id = p.id AND pr.deleted_at IS NULL),
            (SELECT count(*) FROM empathy_maps m WHERE m.persona_id = p.id AND m.deleted_at IS NULL)
         FROM personas p WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            from_row(r)?,
            r.get::<_, u32>(15)?,
            r.get::<_, u32>(16)?,
            r.get::<_, u32>(17)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (persona, quote_count, problem_count, map_count) = row?;
        let lead_quote = quotes(conn, persona.id)?.into_iter().next();
        out.push(PersonaCard {
            persona,
            lead_quote,
            quote_count,
            problem_count,
            map_count,
        });
    }
    Ok(out)
}

/// A live persona with its quotes, problems and maps.
pub fn detail(conn: &Connection, id: PersonaId) -> Result<PersonaDetail> {
    let persona = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM personas p WHERE p.id = ?1 AND p.deleted_at IS NULL"
        ))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT pr.id, pr.title, pr.status FROM persona_problems l
         JOIN problems pr ON pr.id = l.problem_id
         WHERE l.persona_id = ?1 AND pr.deleted_at IS NULL ORDER BY pr.title COLLATE NOCASE",
    )?;
    let problems = stmt
        .query_map([id], |r| {
            Ok(LinkedProblem {
                id: r.get(0)?,
                title: r.get(1)?,
                status: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PersonaDetail {
        quotes: quotes(conn, id)?,
        maps: map_refs(conn, "m.persona_id = ?1", &id.to_string())?,
        problems,
        persona,
    })
}

/// The live personas a problem hurts, by name.
pub fn for_problem(conn: &Connection, problem: ProblemId) -> Result<Vec<PersonaRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.segment FROM persona_problems l JOIN personas p ON p.id = l.persona_id
         WHERE l.problem_id = ?1 AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([problem], |r| {
        Ok(PersonaRef {
            id: r.get(0)?,
            name: r.get(1)?,
            segment: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The live maps about a problem.
pub fn maps_for_problem(conn: &Connection, problem: ProblemId) -> Result<Vec<MapRef>> {
    map_refs(conn, "m.problem_id = ?1", &problem.to_string())
}

/// A persona's picture, if it has one.
pub fn picture(conn: &Connection, id: PersonaId) -> Result<Option<Picture>> {
    Ok(conn
        .prepare_cached(
            "SELECT mime, width, height, bytes FROM persona_pictures WHERE persona_id = ?1",
        )?
        .query_row([id], |r| {
            let mime: String = r.get(0)?;
            Ok(Picture {
                mime: if mime == "image/png" {
                    "image/png"
                } else {
                    "image/jpeg"
                },
                width: r.get(1)?,
                height: r.get(2)?,
                bytes: r.get(3)?,
            })
        })
        .optional()?)
}
