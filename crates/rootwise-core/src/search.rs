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

/// A full-text index of one area: an FTS5 table whose rowids are the
/// rowids of the area's table, so a match joins back without a lookup.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Index {
    /// The FTS5 table.
    pub fts: &'static str,
    /// The entity table it indexes.
    pub table: &'static str,
    /// The entity name in search hits.
    pub entity: &'static str,
}

/// The problem log's index.
pub(crate) const PROBLEMS: Index = Index {
    fts: "problem_search",
    table: "problems",
    entity: "problem",
};

/// The why-trees' index: cause text and evidence.
pub(crate) const WHYS: Index = Index {
    fts: "why_search",
    table: "why_nodes",
    entity: "why",
};

/// Every index, for searching the whole workspace. Each area that becomes
/// searchable adds its own here.
const INDEXES: &[Index] = &[PROBLEMS, WHYS];

/// Puts (or replaces) a row's searchable text in an index.
pub(crate) fn index(w: &Writer<'_>, index: Index, rowid: i64, body: &str) -> Result<()> {
    let tx = w.tx();
    tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", index.fts))?
        .execute([rowid])?;
    tx.prepare_cached(&format!(
        "INSERT INTO {} (rowid, body) VALUES (?1, ?2)",
        index.fts
    ))?
    .execute(rusqlite::params![rowid, normalize(body)])?;
    Ok(())
}

/// Adds a new row's document (one never indexed before: nothing to replace).
pub(crate) fn index_new(w: &Writer<'_>, index: Index, rowid: i64, body: &str) -> Result<()> {
    w.tx()
        .prepare_cached(&format!(
            "INSERT INTO {} (rowid, body) VALUES (?1, ?2)",
            index.fts
        ))?
        .execute(rusqlite::params![rowid, normalize(body)])?;
    Ok(())
}

/// Takes a row out of an index (it was deleted).
pub(crate) fn remove(w: &Writer<'_>, index: Index, rowid: i64) -> Result<()> {
    w.tx()
        .prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", index.fts))?
        .execute([rowid])?;
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

/// Finds live entities whose text matches every word of `input`, best
/// first within each area.
///
/// Each area's matches are read once with their rank and ordered in
/// memory; rows are then read only until `limit` live ones are found. (An
/// `ORDER BY rank` inside FTS5 sorts through a temporary b-tree and costs
/// about half as much again on common words.)
pub fn search(conn: &Connection, input: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(query) = to_fts_query(input) else {
        return Ok(Vec::new());
    };
    let mut hits = Vec::new();
    for index in INDEXES {
        let mut matches = conn.prepare_cached(&format!(
            "SELECT rowid, rank FROM {fts} WHERE {fts} MATCH ?1",
            fts = index.fts
        ))?;
        let mut ranked = matches
            .query_map([&query], |r| Ok((r.get::<_, f64>(1)?, r.get::<_, i64>(0)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // rank: more negative is better; ties keep rowid order.
        ranked.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        let mut live = conn.prepare_cached(&format!(
            "SELECT id FROM {table} WHERE rowid = ?1 AND deleted_at IS NULL",
            table = index.table
        ))?;
        let mut found = 0;
        for (_, rowid) in ranked {
            if found >= limit {
                break;
            }
            if let Some(id) = live
                .query_row([rowid], |r| r.get::<_, String>(0))
                .optional()?
            {
                hits.push(SearchHit {
                    entity: index.entity.to_owned(),
                    id,
                });
                found += 1;
            }
        }
    }
    hits.truncate(limit as usize);
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
