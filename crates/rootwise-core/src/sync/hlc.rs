//! The hybrid logical clock: a stamp for every change that is close to the
//! wall clock, never goes backwards on one copy even when the wall clock
//! does, and orders the changes of all copies the same way everywhere
//! (ties between copies are broken by the copy's id).

use std::fmt;

use crate::error::{Error, Result};

/// One reading of the clock: milliseconds since 1970, a counter for
/// readings within the same millisecond, and the copy that took it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch (the larger of the wall clock and
    /// every stamp seen before).
    pub wall_ms: u64,
    /// Readings taken within the same millisecond.
    pub counter: u32,
    /// The copy (replica) that took the reading.
    pub replica: String,
}

/// Digits of the milliseconds and the counter in a stamp's text, so that
/// texts sort as the stamps do.
const WALL_DIGITS: usize = 15;
const COUNTER_DIGITS: usize = 6;
const COUNTER_MAX: u32 = 999_999;

impl Hlc {
    /// The next reading for a change made on this copy, after `last` (the
    /// copy's previous reading as milliseconds and counter), at wall time
    /// `now_ms`.
    pub fn tick(last: (u64, u32), now_ms: u64, replica: &str) -> Self {
        let (wall_ms, counter) = advance(last, now_ms);
        Self {
            wall_ms,
            counter,
            replica: replica.to_owned(),
        }
    }

    /// The copy's reading after receiving `remote`: later than both it and
    /// `last`, so what this copy writes next sorts after what it merged.
    pub fn receive(last: (u64, u32), remote: &Hlc, now_ms: u64) -> (u64, u32) {
        let latest = if (remote.wall_ms, remote.counter) > last {
            (remote.wall_ms, remote.counter)
        } else {
            last
        };
        advance(latest, now_ms)
    }

    /// The stamp as stored: it sorts as text in the clock's order.
    pub fn to_text(&self) -> String {
        format!(
            "{:0w$}-{:0c$}-{}",
            self.wall_ms,
            self.counter,
            self.replica,
            w = WALL_DIGITS,
            c = COUNTER_DIGITS
        )
    }

    /// Reads a stored stamp.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || Error::Internal(format!("not a clock stamp: {text:?}"));
        let mut parts = text.splitn(3, '-');
        let wall = parts
            .next()
            .filter(|p| p.len() == WALL_DIGITS)
            .ok_or_else(bad)?;
        let counter = parts
            .next()
            .filter(|p| p.len() == COUNTER_DIGITS)
            .ok_or_else(bad)?;
        let replica = parts.next().filter(|p| !p.is_empty()).ok_or_else(bad)?;
        Ok(Self {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            replica: replica.to_owned(),
        })
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

/// The reading after `last` at wall time `now_ms`: the wall clock when it
/// is ahead, else the same millisecond with the counter one up (the next
/// millisecond once the counter is used up).
fn advance(last: (u64, u32), now_ms: u64) -> (u64, u32) {
    let (wall, counter) = last;
    if now_ms > wall {
        (now_ms, 0)
    } else if counter < COUNTER_MAX {
        (wall, counter + 1)
    } else {
        (wall + 1, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "0195f0a0-0000-4000-8000-00000000000a";
    const B: &str = "0195f0a0-0000-4000-8000-00000000000b";

    #[test]
    fn follows_the_wall_clock_and_never_goes_back() {
        let first = Hlc::tick((0, 0), 1_000, A);
        assert_eq!((first.wall_ms, first.counter), (1_000, 0));
        // The same millisecond, then a wall clock set back.
        let second = Hlc::tick((first.wall_ms, first.counter), 1_000, A);
        let third = Hlc::tick((second.wall_ms, second.counter), 400, A);
        assert!(first < second && second < third, "{first} {second} {third}");
        assert_eq!((third.wall_ms, third.counter), (1_000, 2));
        // The counter used up: the next millisecond.
        let full = Hlc::tick((5, COUNTER_MAX), 5, A);
        assert_eq!((full.wall_ms, full.counter), (6, 0));
    }

    #[test]
    fn a_received_stamp_moves_the_clock_past_it() {
        let remote = Hlc::tick((0, 0), 9_000, B);
        let after = Hlc::receive((1_000, 4), &remote, 2_000);
        assert_eq!(after, (9_000, 1));
        let mine = Hlc::tick(after, 2_000, A);
        assert!(
            mine > remote,
            "what is written after a merge sorts after it"
        );
    }

    #[test]
    fn stamps_sort_as_text_in_clock_order_and_read_back() {
        let stamps = [
            Hlc::tick((0, 0), 999, B),
            Hlc::tick((999, 0), 999, A),
            Hlc::tick((0, 0), 1_000, A),
            Hlc::tick((0, 0), 1_000, B),
            Hlc::tick((0, 0), 12_345_678_901_234, A),
        ];
        let mut by_text: Vec<String> = stamps.iter().map(Hlc::to_text).collect();
        by_text.sort();
        let mut by_clock = stamps.to_vec();
        by_clock.sort();
        assert_eq!(
            by_text,
            by_clock.iter().map(Hlc::to_text).collect::<Vec<_>>()
        );
        for stamp in &stamps {
            assert_eq!(&Hlc::parse(&stamp.to_text()).unwrap(), stamp);
        }
        assert!(Hlc::parse("12-3-x").is_err());
        assert!(Hlc::parse("000000000001000-000000-").is_err());
    }
}
