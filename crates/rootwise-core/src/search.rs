//! Full-text search over the workspace (SQLite FTS5).
//!
//! Text is normalised in Rust before it is indexed and before it is
//! searched, so Arabic typed with or without diacritics (tashkeel), with
//! tatweel, or with another form of alef, yaa or taa marbuta finds the same
//! words, and invisible direction marks never split a word. FTS5's
//! `unicode61` tokenizer then folds case and Latin diacritics.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::store::Writer;

/// Normalises text for indexing and querying.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Arabic diacritics: Quranic marks, tashkeel, superscript alef,
            // small high marks; and tatweel (kashida).
            '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}' => {}
            // Direction marks and isolates, zero-width joiners.
            '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => {}
            // Alef variants, alef maqsura, taa marbuta.
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            'ؤ' => out.push('و'),
            'ئ' => out.push('ي'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Turns what a user typed into an FTS5 query: every word must appear,
/// the last one possibly still being typed (prefix match). `None` when
/// nothing searchable is left.
pub fn to_fts_query(input: &str) -> Option<String> {
    let normalized = normalize(input);
    let words: Vec<String> = normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Puts (or replaces) an entity's searchable text in the index.
pub(crate) fn index(w: &Writer<'_>, entity: &str, id: &str, body: &str) -> Result<()> {
    let tx = w.tx();
    let rowid: i64 = tx.query_row(
        "INSERT INTO search_docs (entity, entity_id) VALUES (?1, ?2)
         ON CONFLICT (entity, entity_id) DO UPDATE SET entity = excluded.entity
         RETURNING rowid",
        [entity, id],
        |r| r.get(0),
    )?;
    tx.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
    tx.execute(
        "INSERT INTO search_index (rowid, body) VALUES (?1, ?2)",
        rusqlite::params![rowid, normalize(body)],
    )?;
    Ok(())
}

/// Takes an entity out of the index (it was deleted).
pub(crate) fn remove(w: &Writer<'_>, entity: &str, id: &str) -> Result<()> {
    let tx = w.tx();
    let rowid: Option<i64> = tx
        .query_row(
            "DELETE FROM search_docs WHERE entity = ?1 AND entity_id = ?2 RETURNING rowid",
            [entity, id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(rowid) = rowid {
        tx.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
    }
    Ok(())
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub id: String,
}

/// Finds entities whose text matches every word of `input`, best first.
pub fn search(conn: &Connection, input: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(query) = to_fts_query(input) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT d.entity, d.entity_id FROM search_index s
         JOIN search_docs d ON d.rowid = s.rowid
         WHERE search_index MATCH ?1 ORDER BY s.rank LIMIT ?2",
    )?;
    let hits = stmt
        .query_map(rusqlite::params![query, limit], |r| {
            Ok(SearchHit {
                entity: r.get(0)?,
                id: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tashkeel_tatweel_and_marks() {
        assert_eq!(normalize("مُشْكِلَةٌ"), normalize("مشكلة"));
        assert_eq!(normalize("عمـــيل"), "عميل");
        assert_eq!(normalize("\u{200F}طلب\u{200E}"), "طلب");
    }

    #[test]
    fn folds_letter_variants_and_case() {
        assert_eq!(normalize("إلغاء"), normalize("الغاء"));
        assert_eq!(normalize("أرسل"), normalize("ارسل"));
        assert_eq!(normalize("مستوى"), normalize("مستوي"));
        assert_eq!(normalize("Refund"), "refund");
    }

    #[test]
    fn query_quotes_words_so_operators_are_plain_text() {
        assert_eq!(
            to_fts_query("refund OR"),
            Some("\"refund\"* \"or\"*".into())
        );
        assert_eq!(
            to_fts_query("\"; DROP TABLE problems; --"),
            Some("\"drop\"* \"table\"* \"problems\"*".into())
        );
        assert_eq!(to_fts_query("  ?? "), None);
    }
}
