//! The formulas, as pure functions on counts: no SQL here.
//!
//! - NPS = % promoters (9-10) - % detractors (0-6), with the adjusted Wald
//!   interval (Sauro and Lewis): add 3 to n and 3/4 to promoters and to
//!   detractors, then `nps' ± z·sqrt((p'+d' - (p'-d')²) / n')`, clamped to
//!   -100..100; the value shown is the plain NPS.
//! - CSAT = % of 4-5 answers, with the Wilson score interval.
//! - CES: the mean ease on its own scale (see [`super::Measure`]) with the
//!   t-interval `mean ± t(0.975, n-1)·s/sqrt(n)` (no interval for n = 1).
//! - TTR: median (the mean of the two middle values for an even n) and
//!   90th percentile by nearest rank (`ceil(0.9·n)`-th smallest).
//! - CRR = (end - new) / start, churn = lost / start = (start + new - end)
//!   / start, both with the Wilson interval over the start customers;
//!   CLV = revenue × margin × (1 / churn).
//! - A difference (after - before) gets its interval by MOVER (Newcombe,
//!   Zou and Donner) from the two 95% intervals:
//!   `d - sqrt((a-la)² + (ub-b)²) .. d + sqrt((ua-a)² + (b-lb)²)`; for two
//!   Wilson intervals this is Newcombe's hybrid score interval.
//!
//! Every figure carries its n and `thin` (n under [`THIN_BELOW`]).

use super::model::{CesEasy, Figure, TtrFigure, Verdict};

/// Figures resting on fewer answers than this are thin.
pub const THIN_BELOW: u32 = 30;

/// The 97.5% quantile of the normal distribution (95% two-sided).
pub const Z95: f64 = 1.959_963_984_540_054;

/// t(0.975, df) for df = 1..=30.
const T975: [f64; 30] = [
    12.706_205, 4.302_653, 3.182_446, 2.776_445, 2.570_582, 2.446_912, 2.364_624, 2.306_004,
    2.262_157, 2.228_139, 2.200_985, 2.178_813, 2.160_369, 2.144_787, 2.131_450, 2.119_905,
    2.109_816, 2.100_922, 2.093_024, 2.085_963, 2.079_614, 2.073_873, 2.068_658, 2.063_899,
    2.059_539, 2.055_529, 2.051_831, 2.048_407, 2.045_230, 2.042_272,
];

/// The 97.5% quantile of Student's t with `df` degrees of freedom: the
/// table up to 30, then the Cornish-Fisher expansion (error under 1e-5).
pub fn t975(df: u32) -> f64 {
    match df {
        0 => f64::NAN,
        1..=30 => T975[df as usize - 1],
        _ => {
            let (z, v) = (Z95, f64::from(df));
            z + (z.powi(3) + z) / (4.0 * v)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * v * v)
                + (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z)
                    / (384.0 * v.powi(3))
        }
    }
}

fn figure(value: Option<f64>, interval: Option<(f64, f64)>, n: u32) -> Figure {
    Figure {
        value,
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
        n,
        thin: n < THIN_BELOW,
    }
}

/// The Wilson score interval of `k` successes out of `n`, as fractions.
pub fn wilson(k: u32, n: u32) -> Option<(f64, f64)> {
    if n == 0 || k > n {
        return None;
    }
    let (k, n, z) = (f64::from(k), f64::from(n), Z95);
    let p = k / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// NPS from the counts of promoters (9-10), passives (7-8) and detractors
/// (0-6).
pub fn nps(promoters: u32, passives: u32, detractors: u32) -> Figure {
    let n = promoters + passives + detractors;
    if n == 0 {
        return figure(None, None, 0);
    }
    let nf = f64::from(n);
    let value = 100.0 * (f64::from(promoters) - f64::from(detractors)) / nf;
    let adjusted_n = nf + 3.0;
    let p = (f64::from(promoters) + 0.75) / adjusted_n;
    let d = (f64::from(detractors) + 0.75) / adjusted_n;
    let centre = p - d;
    let half = Z95 * ((p + d - centre * centre) / adjusted_n).sqrt();
    let interval = (
        (100.0 * (centre - half)).max(-100.0),
        (100.0 * (centre + half)).min(100.0),
    );
    figure(Some(value), Some(interval), n)
}

/// CSAT from the count of satisfied (4-5) answers out of `n`, in %.
pub fn csat(satisfied: u32, n: u32) -> Figure {
    percent(satisfied, n)
}

/// `k` out of `n` in %, with the Wilson interval.
pub fn percent(k: u32, n: u32) -> Figure {
    match wilson(k, n) {
        Some((low, high)) => figure(
            Some(100.0 * f64::from(k) / f64::from(n)),
            Some((100.0 * low, 100.0 * high)),
            n,
        ),
        None => figure(None, None, n),
    }
}

/// A mean from `n` values, their sum and their sum of squares, with its
/// t-interval.
pub fn mean(n: u32, sum: f64, sum_squares: f64) -> Figure {
    if n == 0 {
        return figure(None, None, 0);
    }
    let nf = f64::from(n);
    let m = sum / nf;
    if n == 1 {
        return figure(Some(m), None, n);
    }
    let variance = ((sum_squares - nf * m * m) / (nf - 1.0)).max(0.0);
    let half = t975(n - 1) * (variance / nf).sqrt();
    figure(Some(m), Some((m - half, m + half)), n)
}

/// An answer on a CES scale as ease: higher is easier whichever end the
/// survey called easy.
pub fn ease(score: u8, scale: u8, easy: CesEasy) -> u8 {
    match easy {
        CesEasy::High => score,
        CesEasy::Low => (scale + 1).saturating_sub(score),
    }
}

/// Whether an ease on a scale counts as a hard (negative) answer: the hard
/// half, below the midpoint (1-2 on five points, 1-3 on seven).
pub fn is_hard(ease: u8, scale: u8) -> bool {
    u32::from(ease) * 2 < u32::from(scale) + 1
}

/// Time to resolution from durations in hours (any order).
pub fn ttr(mut hours: Vec<f64>) -> TtrFigure {
    let n = u32::try_from(hours.len()).unwrap_or(u32::MAX);
    if hours.is_empty() {
        return TtrFigure {
            thin: true,
            ..TtrFigure::default()
        };
    }
    hours.sort_by(f64::total_cmp);
    let len = hours.len();
    let median = if len % 2 == 1 {
        hours[len / 2]
    } else {
        (hours[len / 2 - 1] + hours[len / 2]) / 2.0
    };
    // Nearest rank: the ceil(0.9 n)-th smallest, counted from 1.
    let rank = (len * 9).div_ceil(10).max(1);
    TtrFigure {
        median_hours: Some(median),
        p90_hours: Some(hours[rank - 1]),
        n,
        thin: n < THIN_BELOW,
    }
}

/// Retention (CRR) and churn over a period, in %, over the start
/// customers; `None` each when the period does not add up (no start
/// customers, or more customers at the end than start plus new).
pub fn retention(start: u32, end: u32, new: u32) -> (Figure, Figure) {
    let empty = (figure(None, None, start), figure(None, None, start));
    let Some(kept) = end.checked_sub(new) else {
        return empty;
    };
    if start == 0 || kept > start {
        return empty;
    }
    (percent(kept, start), percent(start - kept, start))
}

/// Lifetime value: revenue × margin × expected lifetime, the lifetime
/// being 1 / churn (churn as a fraction of the period). `None` without a
/// churn above zero.
pub fn lifetime_value(revenue: f64, margin: f64, churn_percent: Option<f64>) -> Option<f64> {
    let churn = churn_percent? / 100.0;
    (churn > 0.0).then(|| revenue * margin / churn)
}

/// `after - before` with its MOVER interval, from both figures' intervals.
pub fn difference(before: &Figure, after: &Figure) -> Figure {
    let n = before.n.min(after.n);
    let (Some(b), Some(a)) = (before.value, after.value) else {
        return figure(None, None, n);
    };
    let d = a - b;
    let interval = match (before.low, before.high, after.low, after.high) {
        (Some(lb), Some(ub), Some(la), Some(ua)) => Some((
            d - ((a - la).powi(2) + (ub - b).powi(2)).sqrt(),
            d + ((ua - a).powi(2) + (b - lb).powi(2)).sqrt(),
        )),
        _ => None,
    };
    figure(Some(d), interval, n)
}

/// The verdict on a difference: improved when its whole interval is above
/// zero, worse when below, no clear change when it straddles zero (or has
/// no interval), no data when either side had no answers.
pub fn verdict(difference: &Figure) -> Verdict {
    if difference.value.is_none() {
        return Verdict::NoData;
    }
    match (difference.low, difference.high) {
        (Some(low), _) if low > 0.0 => Verdict::Improved,
        (_, Some(high)) if high < 0.0 => Verdict::Worse,
        _ => Verdict::NoClearChange,
    }
}
