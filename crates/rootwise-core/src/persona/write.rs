//! Writing personas: create, edit one field at a time, duplicate as a
//! template, the picture, quotes, links to problems, delete and restore.
//! Every write records history.

use rusqlite::params;
use rusqlite::types::Value;

use super::model::{NewPersona, Persona, PersonaEdit, Quote, QuoteInput, QuoteSource};
use super::read::{get, get_quote};
use super::{picture, ENTITY, QUOTE};
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result};
use crate::ids::{PersonaId, ProblemId, QuoteId};
use crate::store::Writer;
use crate::vocab::Channel;
use crate::write::{self as v, write_field};
use crate::{time, trash};

/// Longest name.
pub const NAME_MAX: usize = v::SHORT_TEXT_MAX;
/// Longest role, segment or demographics line.
pub const SHORT_MAX: usize = 500;
/// Longest goals, pain points, triggers, fears or story.
pub const LONG_MAX: usize = 5_000;
/// Longest quote.
pub const QUOTE_MAX: usize = 2_000;
/// Longest quote reference.
pub const REFERENCE_MAX: usize = v::REFERENCE_MAX;

/// The persona's text fields: (field, column, limit).
pub(crate) const TEXT_FIELDS: [(&str, &str, usize); 9] = [
    ("role", "role", SHORT_MAX),
    ("segment", "segment", SHORT_MAX),
    ("goals", "goals", LONG_MAX),
    ("painPoints", "pain_points", LONG_MAX),
    ("triggers", "triggers", LONG_MAX),
    ("fears", "fears", LONG_MAX),
    ("story", "story", LONG_MAX),
    ("demographics", "demographics", SHORT_MAX),
    ("name", "name", NAME_MAX),
];

/// The persona's text fields written on several lines; the others (name,
/// role, segment, demographics) are one line.
const MULTILINE_FIELDS: [&str; 5] = ["goals", "painPoints", "triggers", "fears", "story"];

/// A persona text field checked as the core stores it: one-line fields
/// have their line breaks and tabs turned into spaces; the name is required.
fn persona_text(field: &str, value: &str, max: usize) -> Result<String> {
    let required = field == "name";
    if MULTILINE_FIELDS.contains(&field) {
        v::text(field, value, max, required)
    } else {
        v::line(field, value, max, required)
    }
}

fn channels(values: &[Channel]) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    for c in values {
        if !out.contains(c) {
            out.push(*c);
        }
    }
    out
}

fn channel_text(values: &[Channel]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".into())
}

fn live(w: &Writer<'_>, id: PersonaId) -> Result<Persona> {
    let p = get(w.tx(), id)?;
    let deleted: bool = w.tx().query_row(
        "SELECT deleted_at IS NOT NULL FROM personas WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if deleted {
        return Err(Error::Conflict(format!("persona {id} is in the trash")));
    }
    Ok(p)
}

fn touch(w: &Writer<'_>, id: PersonaId) -> Result<()> {
    w.tx().execute(
        "UPDATE personas SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), id],
    )?;
    Ok(())
}

/// Creates a persona.
pub fn create(w: &mut Writer<'_>, input: &NewPersona) -> Result<Persona> {
    create_as(w, input, false)
}

/// Creates a persona, marked as sample data or not.
pub(crate) fn create_as(w: &mut Writer<'_>, input: &NewPersona, sample: bool) -> Result<Persona> {
    let given = [
        input.role.as_deref(),
        input.segment.as_deref(),
        input.goals.as_deref(),
        input.pain_points.as_deref(),
        input.triggers.as_deref(),
        input.fears.as_deref(),
        input.story.as_deref(),
        input.demographics.as_deref(),
        Some(input.name.as_str()),
    ];
    let mut c = Checks::new();
    let mut values: Vec<String> = Vec::with_capacity(TEXT_FIELDS.len());
    for ((field, _, max), value) in TEXT_FIELDS.iter().zip(given) {
        let checked = persona_text(field, value.unwrap_or_default(), *max);
        c.note(&checked);
        values.push(checked.unwrap_or_default());
    }
    c.finish()?;
    let chosen = channels(input.channels.as_deref().unwrap_or_default());

    let id = PersonaId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO personas (id, role, segment, goals, pain_points, triggers, fears, story,
            demographics, name, channels, sample, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id,
            values[0],
            values[1],
            values[2],
            values[3],
            values[4],
            values[5],
            values[6],
            values[7],
            values[8],
            channel_text(&chosen),
            sample,
            now
        ],
    )?;
    let key = id.to_string();
    w.record(ENTITY, &key, ChangeOp::Create, None, None, None)?;
    for ((field, _, _), value) in TEXT_FIELDS.iter().zip(&values) {
        if !value.is_empty() {
            w.record(
                ENTITY,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(value),
            )?;
        }
    }
    if !chosen.is_empty() {
        w.record(
            ENTITY,
            &key,
            ChangeOp::Create,
            Some("channels"),
            None,
            Some(&channel_text(&chosen)),
        )?;
    }
    get(w.tx(), id)
}

/// Changes one field of a live persona.
pub fn edit(w: &mut Writer<'_>, id: PersonaId, edit: &PersonaEdit) -> Result<Persona> {
    let before = live(w, id)?;
    let key = id.to_string();
    let (field, old, new) = match edit {
        PersonaEdit::Channels(list) => {
            let (old, new) = (
                channel_text(&before.channels),
                channel_text(&channels(list)),
            );
            write_field(
                w,
                ("personas", ENTITY, &key),
                ("channels", "channels"),
                (Some(&old), Some(&new)),
                Value::Text(new.clone()),
            )?;
            return get(w.tx(), id);
        }
        PersonaEdit::Name(t) => ("name", &before.name, t),
        PersonaEdit::Role(t) => ("role", &before.role, t),
        PersonaEdit::Segment(t) => ("segment", &before.segment, t),
        PersonaEdit::Goals(t) => ("goals", &before.goals, t),
        PersonaEdit::PainPoints(t) => ("painPoints", &before.pain_points, t),
        PersonaEdit::Triggers(t) => ("triggers", &before.triggers, t),
        PersonaEdit::Fears(t) => ("fears", &before.fears, t),
        PersonaEdit::Story(t) => ("story", &before.story, t),
        PersonaEdit::Demographics(t) => ("demographics", &before.demographics, t),
    };
    let (_, column, max) = TEXT_FIELDS
        .iter()
        .find(|(f, _, _)| *f == field)
        .copied()
        .ok_or_else(|| Error::Internal(format!("no column for {field}")))?;
    let new = persona_text(field, new, max)?;
    write_field(
        w,
        ("personas", ENTITY, &key),
        (field, column),
        (Some(old), Some(&new)),
        Value::Text(new.clone()),
    )?;
    get(w.tx(), id)
}

/// Copies a persona's profile into a new persona named `name`: a template
/// for a similar kind of customer. Quotes, the picture and links stay
/// with the original: they belong to the customers it was built from.
pub fn duplicate(w: &mut Writer<'_>, id: PersonaId, name: &str) -> Result<Persona> {
    let p = live(w, id)?;
    let copy = create(
        w,
        &NewPersona {
            name: name.to_owned(),
            role: Some(p.role),
            segment: Some(p.segment),
            goals: Some(p.goals),
            pain_points: Some(p.pain_points),
            triggers: Some(p.triggers),
            fears: Some(p.fears),
            channels: Some(p.channels),
            story: Some(p.story),
            demographics: Some(p.demographics),
        },
    )?;
    w.record(
        ENTITY,
        &copy.id.to_string(),
        ChangeOp::Create,
        Some("copiedFrom"),
        None,
        Some(&p.name),
    )?;
    Ok(copy)
}

fn picture_text(mime: &str, width: u32, height: u32) -> String {
    format!("{mime} {width}×{height}")
}

/// Stores a picture for a persona, replacing any: a PNG or JPEG within
/// the size limit. Anything else is refused and the persona is unchanged.
pub fn set_picture(w: &mut Writer<'_>, id: PersonaId, bytes: &[u8]) -> Result<Persona> {
    live(w, id)?;
    let pic = picture::check(bytes)?;
    let old = super::read::picture(w.tx(), id)?.map(|p| picture_text(p.mime, p.width, p.height));
    w.tx().execute(
        "INSERT INTO persona_pictures (persona_id, mime, width, height, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (persona_id) DO UPDATE SET mime = excluded.mime, width = excluded.width,
            height = excluded.height, bytes = excluded.bytes",
        params![id, pic.mime, pic.width, pic.height, pic.bytes],
    )?;
    touch(w, id)?;
    let new = picture_text(pic.mime, pic.width, pic.height);
    w.record(
        ENTITY,
        &id.to_string(),
        ChangeOp::Update,
        Some("picture"),
        old.as_deref(),
        Some(&new),
    )?;
    get(w.tx(), id)
}

/// Removes a persona's picture.
pub fn clear_picture(w: &mut Writer<'_>, id: PersonaId) -> Result<Persona> {
    live(w, id)?;
    if let Some(p) = super::read::picture(w.tx(), id)? {
        w.tx()
            .execute("DELETE FROM persona_pictures WHERE persona_id = ?1", [id])?;
        touch(w, id)?;
        w.record(
            ENTITY,
            &id.to_string(),
            ChangeOp::Update,
            Some("picture"),
            Some(&picture_text(p.mime, p.width, p.height)),
            None,
        )?;
    }
    get(w.tx(), id)
}

struct CheckedQuote {
    text: String,
    reference: String,
}

fn check_quote(input: &QuoteInput) -> Result<CheckedQuote> {
    let text = v::text("text", &input.text, QUOTE_MAX, true);
    let reference = v::line(
        "reference",
        input.reference.as_deref().unwrap_or_default(),
        REFERENCE_MAX,
        input.source == QuoteSource::SupportTicket,
    );
    let said = v::past_date("saidOn", input.said_on);
    let mut c = Checks::new();
    c.note(&text);
    c.note(&reference);
    c.note(&said);
    c.finish()?;
    Ok(CheckedQuote {
        text: text?,
        reference: reference?,
    })
}

/// Adds a customer's words to a live persona.
pub fn add_quote(w: &mut Writer<'_>, persona: PersonaId, input: &QuoteInput) -> Result<Quote> {
    live(w, persona)?;
    let q = check_quote(input)?;
    let id = QuoteId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO persona_quotes (id, persona_id, text, source, reference, said_on,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            persona,
            q.text,
            input.source,
            q.reference,
            input.said_on.to_string(),
            now
        ],
    )?;
    let key = id.to_string();
    w.record(
        QUOTE,
        &key,
        ChangeOp::Create,
        Some("text"),
        None,
        Some(&q.text),
    )?;
    touch(w, persona)?;
    w.record(
        ENTITY,
        &persona.to_string(),
        ChangeOp::Update,
        Some("quotes"),
        None,
        Some(&q.text),
    )?;
    get_quote(w.tx(), id)
}

/// Replaces a quote's words, source, reference and day.
pub fn edit_quote(w: &mut Writer<'_>, id: QuoteId, input: &QuoteInput) -> Result<Quote> {
    let before = get_quote(w.tx(), id)?;
    live(w, before.persona_id)?;
    let q = check_quote(input)?;
    let key = id.to_string();
    let said = input.said_on.to_string();
    let fields: [(&str, &str, String, String); 4] = [
        ("text", "text", before.text.clone(), q.text),
        (
            "source",
            "source",
            before.source.as_str().into(),
            input.source.as_str().into(),
        ),
        (
            "reference",
            "reference",
            before.reference.clone(),
            q.reference,
        ),
        ("saidOn", "said_on", before.said_on.to_string(), said),
    ];
    for (field, column, old, new) in fields {
        write_field(
            w,
            ("persona_quotes", QUOTE, &key),
            (field, column),
            (Some(&old), Some(&new)),
            Value::Text(new.clone()),
        )?;
    }
    get_quote(w.tx(), id)
}

/// Moves a quote to the trash.
pub fn delete_quote(w: &mut Writer<'_>, id: QuoteId) -> Result<()> {
    let q = get_quote(w.tx(), id)?;
    trash::mark_deleted(w, QUOTE, &id.to_string())?;
    // The persona's own history says it lost the quote.
    w.record(
        ENTITY,
        &q.persona_id.to_string(),
        ChangeOp::Update,
        Some("quotes"),
        Some(&q.text),
        None,
    )
}

/// Brings a quote back, if its persona is live.
pub fn restore_quote(w: &mut Writer<'_>, id: QuoteId) -> Result<Quote> {
    let q = get_quote(w.tx(), id)?;
    live(w, q.persona_id)?;
    trash::mark_restored(w, QUOTE, &id.to_string())?;
    w.record(
        ENTITY,
        &q.persona_id.to_string(),
        ChangeOp::Update,
        Some("quotes"),
        None,
        Some(&q.text),
    )?;
    get_quote(w.tx(), id)
}

/// Moves a persona to the trash. Its quotes, maps and links stay with it
/// and come back when it is restored.
pub fn delete(w: &mut Writer<'_>, id: PersonaId) -> Result<()> {
    trash::mark_deleted(w, ENTITY, &id.to_string())
}

/// Brings a persona back from the trash.
pub fn restore(w: &mut Writer<'_>, id: PersonaId) -> Result<Persona> {
    trash::mark_restored(w, ENTITY, &id.to_string())?;
    get(w.tx(), id)
}

/// Links a live persona to a live problem that hurts it (both histories
/// record it). Linking twice changes nothing.
pub fn link_problem(w: &mut Writer<'_>, persona: PersonaId, problem_id: ProblemId) -> Result<()> {
    let p = live(w, persona)?;
    v::require_live(
        w.tx(),
        "problems",
        crate::entity::PROBLEM,
        &problem_id.to_string(),
    )?;
    let title: String = w.tx().query_row(
        "SELECT title FROM problems WHERE id = ?1",
        [problem_id],
        |r| r.get(0),
    )?;
    let added = w.tx().execute(
        "INSERT OR IGNORE INTO persona_problems (persona_id, problem_id) VALUES (?1, ?2)",
        params![persona, problem_id],
    )?;
    if added > 0 {
        record_link(w, (persona, &p.name), (problem_id, &title), true)?;
    }
    Ok(())
}

/// Removes a link between a persona and a problem.
pub fn unlink_problem(w: &mut Writer<'_>, persona: PersonaId, problem_id: ProblemId) -> Result<()> {
    let p = get(w.tx(), persona)?;
    let title: String = w.tx().query_row(
        "SELECT title FROM problems WHERE id = ?1",
        [problem_id],
        |r| r.get(0),
    )?;
    let removed = w.tx().execute(
        "DELETE FROM persona_problems WHERE persona_id = ?1 AND problem_id = ?2",
        params![persona, problem_id],
    )?;
    if removed > 0 {
        record_link(w, (persona, &p.name), (problem_id, &title), false)?;
    }
    Ok(())
}

fn record_link(
    w: &mut Writer<'_>,
    (persona, name): (PersonaId, &str),
    (problem_id, title): (ProblemId, &str),
    added: bool,
) -> Result<()> {
    let (old_p, new_p) = if added {
        (None, Some(title))
    } else {
        (Some(title), None)
    };
    let (old_n, new_n) = if added {
        (None, Some(name))
    } else {
        (Some(name), None)
    };
    touch(w, persona)?;
    w.record(
        ENTITY,
        &persona.to_string(),
        ChangeOp::Update,
        Some("problems"),
        old_p,
        new_p,
    )?;
    w.record(
        crate::entity::PROBLEM,
        &problem_id.to_string(),
        ChangeOp::Update,
        Some("personas"),
        old_n,
        new_n,
    )
}
