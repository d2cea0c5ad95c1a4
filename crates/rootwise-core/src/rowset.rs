//! A set of rowids handed to SQL as one blob parameter.
//!
//! A full-text search is read once into a [`RowSet`]; the list's count and
//! page then test membership with `rowset_has(p.rowid, ?)` while walking a
//! narrow index, instead of looking up every match in the wide `problems`
//! table (about a microsecond a row) or building SQLite's ephemeral
//! `IN (...)` table twice.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

/// The SQL function name: `rowset_has(rowid, set_blob)` is 1 when the set
/// holds `rowid`, else 0.
pub const HAS: &str = "rowset_has";

/// Rowids as a bitmap (bit `rowid` of the blob is set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSet {
    bits: Vec<u8>,
    len: usize,
}

impl RowSet {
    /// Adds a rowid (rowids below 1 are never held: SQLite does not hand
    /// them out for tables that never set one).
    pub fn insert(&mut self, rowid: i64) {
        let Ok(bit) = usize::try_from(rowid) else {
            return;
        };
        let byte = bit / 8;
        if byte >= self.bits.len() {
            self.bits.resize(byte + 1, 0);
        }
        let mask = 1u8 << (bit % 8);
        if self.bits[byte] & mask == 0 {
            self.bits[byte] |= mask;
            self.len += 1;
        }
    }

    /// Whether the set holds `rowid`.
    pub fn contains(&self, rowid: i64) -> bool {
        contains(&self.bits, rowid)
    }

    /// How many rowids the set holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The blob to bind for `rowset_has`.
    pub fn as_blob(&self) -> &[u8] {
        &self.bits
    }
}

fn contains(bits: &[u8], rowid: i64) -> bool {
    let Ok(bit) = usize::try_from(rowid) else {
        return false;
    };
    bits.get(bit / 8)
        .is_some_and(|byte| byte & (1u8 << (bit % 8)) != 0)
}

/// Registers `rowset_has` on a connection (every workspace connection has
/// it; the problem list needs it).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        HAS,
        2,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let rowid = ctx.get_raw(0).as_i64().unwrap_or(0);
            let bits = ctx.get_raw(1).as_blob().unwrap_or(&[]);
            Ok(contains(bits, rowid))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_added_and_counts_once() {
        let mut set = RowSet::default();
        for id in [1, 9, 9, 64, 100_000] {
            set.insert(id);
        }
        set.insert(-3);
        assert_eq!(set.len(), 4);
        assert!(set.contains(9) && set.contains(100_000) && set.contains(64));
        assert!(!set.contains(2) && !set.contains(-3) && !set.contains(1 << 40));
    }

    #[test]
    fn sql_sees_the_same_set() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let mut set = RowSet::default();
        set.insert(3);
        set.insert(17);
        let found: String = conn
            .query_row(
                "WITH RECURSIVE n(value) AS (SELECT 0 UNION ALL SELECT value + 1 FROM n WHERE value < 40)
                 SELECT group_concat(value) FROM n WHERE rowset_has(value, ?1)",
                [set.as_blob()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, "3,17");
    }
}
