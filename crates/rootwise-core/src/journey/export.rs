//! A map's content as Markdown, in the reader's language: the UI sends
//! the words ([`MarkdownLabels`]), the core writes the map's own text,
//! escaped so that nothing a user typed turns into Markdown (a card that
//! starts with "- " stays a sentence, a `*` stays a star).

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{JourneyGrid, JourneyState, Lane, Touchpoint};
use crate::error::Result;
use crate::ids::{JourneyId, TouchpointId};
use crate::vocab::Channel;

/// Every word the Markdown export writes besides the map's own text, in
/// the reader's language. A value missing from a map is written as its
/// stored text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MarkdownLabels {
    /// Right to left (Arabic): the document is wrapped in a
    /// `<div dir="rtl">` so that renderers lay it out right to left.
    pub rtl: bool,
    /// Between the items of a list on one line (", " or "، ").
    pub list_separator: String,
    /// "State" (as is or to be).
    pub state: String,
    /// Each state's name.
    pub states: BTreeMap<JourneyState, String>,
    /// "Made from" (the current map a future map was made from).
    pub made_from: String,
    /// "Personas".
    pub personas: String,
    /// "Touchpoints" (each stage's heading above its touchpoints).
    pub touchpoints: String,
    /// "Channel".
    pub channel: String,
    /// Each channel's name.
    pub channels: BTreeMap<Channel, String>,
    /// What a direct touchpoint is called.
    pub direct: String,
    /// What an indirect touchpoint is called.
    pub indirect: String,
    /// "Owner team".
    pub owner_team: String,
    /// "Emotion now" (the current curve).
    pub emotion_current: String,
    /// "Emotion aimed for" (the target curve).
    pub emotion_target: String,
    /// "Problems" (those linked to a touchpoint).
    pub problems: String,
    /// "Empathy notes" (pinned to a touchpoint).
    pub notes: String,
    /// "Quotes" (pinned to a touchpoint).
    pub quotes: String,
    /// Each lane's name.
    pub lanes: BTreeMap<Lane, String>,
}

/// Markdown characters escaped wherever they appear in user text.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!',
];

/// One line of user text, escaped: inline markup characters everywhere,
/// and what would start a block (a list, a heading underline, a numbered
/// item) at its start.
fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    // A block marker at the start: "- ", "+ ", "= ", "1. ", "2) ".
    if let Some(&first) = chars.peek() {
        if matches!(first, '-' | '+' | '=') {
            out.push('\\');
        } else if first.is_ascii_digit() {
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                out.push(d);
                chars.next();
            }
            if let Some(&mark) = chars.peek() {
                if mark == '.' || mark == ')' {
                    out.push('\\');
                }
            }
        }
    }
    for c in chars {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User text, escaped, on one logical line: its own line breaks become
/// Markdown hard breaks (continuing under `indent`), blank lines are
/// dropped.
pub fn escape(text: &str, indent: &str) -> String {
    text.lines()
        .map(escape_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

fn word<K: Ord>(words: &BTreeMap<K, String>, key: K, stored: &str) -> String {
    words
        .get(&key)
        .filter(|w| !w.trim().is_empty())
        .map_or_else(|| stored.to_owned(), |w| escape(w, ""))
}

fn signed(value: i8) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// The live problems' titles per touchpoint of a map.
fn problem_titles(conn: &Connection, map: JourneyId) -> Result<HashMap<TouchpointId, Vec<String>>> {
    let mut out: HashMap<TouchpointId, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.touchpoint_id, p.title FROM journey_touchpoints t
         JOIN journey_touchpoint_problems l ON l.touchpoint_id = t.id
         JOIN problems p ON p.id = l.problem_id
         WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND p.deleted_at IS NULL
         ORDER BY l.touchpoint_id, p.severity_rank DESC, p.title, p.id",
    )?;
    let rows = stmt.query_map([map], |r| {
        Ok((r.get::<_, TouchpointId>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (tp, title) = row?;
        out.entry(tp).or_default().push(title);
    }
    Ok(out)
}

fn touchpoint_lines(
    out: &mut String,
    t: &Touchpoint,
    labels: &MarkdownLabels,
    l: impl Fn(&str) -> String,
) {
    if let Some(c) = t.channel {
        out.push_str(&format!(
            "- **{}:** {}\n",
            l(&labels.channel),
            word(&labels.channels, c, c.as_str())
        ));
    }
    out.push_str(&format!(
        "- {}\n",
        l(if t.direct {
            &labels.direct
        } else {
            &labels.indirect
        })
    ));
    if !t.owner_team.is_empty() {
        out.push_str(&format!(
            "- **{}:** {}\n",
            l(&labels.owner_team),
            escape(&t.owner_team, "  ")
        ));
    }
    if let Some(e) = t.emotion_current {
        out.push_str(&format!(
            "- **{}:** {}\n",
            l(&labels.emotion_current),
            signed(e)
        ));
    }
    if let Some(e) = t.emotion_target {
        out.push_str(&format!(
            "- **{}:** {}\n",
            l(&labels.emotion_target),
            signed(e)
        ));
    }
}

/// The Markdown of a grid (see [`markdown`]).
pub fn grid_markdown(
    grid: &JourneyGrid,
    titles: &HashMap<TouchpointId, Vec<String>>,
    made_from: Option<&str>,
    labels: &MarkdownLabels,
) -> String {
    let l = |w: &str| escape(w, "");
    let sep = if labels.list_separator.is_empty() {
        ", "
    } else {
        labels.list_separator.as_str()
    };
    let mut out = String::new();
    if labels.rtl {
        out.push_str("<div dir=\"rtl\">\n\n");
    }
    out.push_str(&format!("# {}\n\n", escape(&grid.map.name, "")));
    out.push_str(&format!(
        "**{}:** {}\n",
        l(&labels.state),
        word(&labels.states, grid.map.state, grid.map.state.as_str())
    ));
    if let Some(from) = made_from {
        out.push_str(&format!(
            "\\\n**{}:** {}\n",
            l(&labels.made_from),
            escape(from, "")
        ));
    }
    if !grid.personas.is_empty() {
        let names: Vec<String> = grid.personas.iter().map(|p| escape(&p.name, "")).collect();
        out.push_str(&format!(
            "\\\n**{}:** {}\n",
            l(&labels.personas),
            names.join(sep)
        ));
    }
    for gs in &grid.stages {
        out.push_str(&format!("\n## {}\n", escape(&gs.stage.name, "")));
        if !gs.touchpoints.is_empty() {
            out.push_str(&format!("\n### {}\n", l(&labels.touchpoints)));
        }
        for gt in &gs.touchpoints {
            let t = &gt.touchpoint;
            out.push_str(&format!("\n#### {}\n\n", escape(&t.name, "")));
            touchpoint_lines(&mut out, t, labels, l);
            if let Some(list) = titles.get(&t.id).filter(|v| !v.is_empty()) {
                out.push_str(&format!("- **{}:**\n", l(&labels.problems)));
                for title in list {
                    out.push_str(&format!("  - {}\n", escape(title, "    ")));
                }
            }
            if !gt.notes.is_empty() {
                out.push_str(&format!("- **{}:**\n", l(&labels.notes)));
                for n in &gt.notes {
                    out.push_str(&format!("  - {}\n", escape(&n.text, "    ")));
                }
            }
            if !gt.quotes.is_empty() {
                out.push_str(&format!("- **{}:**\n", l(&labels.quotes)));
                for q in &gt.quotes {
                    out.push_str(&format!(
                        "  - “{}” — {}\n",
                        escape(&q.text, "    "),
                        escape(&q.persona_name, "")
                    ));
                }
            }
        }
        for cell in gs.cells.iter().filter(|c| !c.cards.is_empty()) {
            out.push_str(&format!(
                "\n### {}\n\n",
                word(&labels.lanes, cell.lane, cell.lane.as_str())
            ));
            for card in &cell.cards {
                out.push_str(&format!("- {}\n", escape(&card.text, "  ")));
            }
        }
    }
    if labels.rtl {
        out.push_str("\n</div>\n");
    }
    out
}

/// A live map's content as Markdown: its name, state, personas, then each
/// stage with its touchpoints (channel, direct or not, owner team, both
/// emotions, linked problems, pinned notes and quotes) and its cards lane
/// by lane. Empty lanes are left out. Every piece of user text is
/// escaped.
pub fn markdown(conn: &Connection, map: JourneyId, labels: &MarkdownLabels) -> Result<String> {
    let grid = super::read::grid(conn, map)?;
    let titles = problem_titles(conn, map)?;
    let made_from = match grid.map.made_from {
        Some(from) => Some(super::read::get_map(conn, from)?.name),
        None => None,
    };
    Ok(grid_markdown(&grid, &titles, made_from.as_deref(), labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_never_becomes_markup() {
        assert_eq!(escape("- not a list", ""), "\\- not a list");
        assert_eq!(escape("1. not numbered", ""), "1\\. not numbered");
        assert_eq!(escape("12) nor this", ""), "12\\) nor this");
        assert_eq!(
            escape("**bold** _x_ `c`", ""),
            "\\*\\*bold\\*\\* \\_x\\_ \\`c\\`"
        );
        assert_eq!(
            escape("[link](x) <b> a|b", ""),
            "\\[link\\](x) \\<b\\> a\\|b"
        );
        assert_eq!(escape("# heading", ""), "\\# heading");
        assert_eq!(escape("a\\b & c", ""), "a\\\\b \\& c");
        assert_eq!(
            escape("line one\n\n- line two", "  "),
            "line one\\\n  \\- line two"
        );
        assert_eq!(
            escape("2026 is fine. e.g. this", ""),
            "2026 is fine. e.g. this"
        );
        assert_eq!(escape("العميل ينتظر - طويلا", ""), "العميل ينتظر - طويلا");
    }
}
