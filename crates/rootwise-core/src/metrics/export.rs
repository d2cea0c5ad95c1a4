//! The dashboard's figures as a CSV file for a spreadsheet, in the reader's
//! language: the UI sends the words ([`DashboardWords`]), the core fills in
//! the rows (the `csv` crate, through [`crate::csv_rows::write_csv`]).
//!
//! One flat table, so a spreadsheet can filter and chart it: a row per
//! figure, first the whole range, then each bucket of the trend, then each
//! period's retention, churn and lifetime value. Numbers are written with a
//! dot and at most two decimals, whatever the reader's language, so every
//! spreadsheet reads them as numbers; a figure without answers is empty.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Dashboard, Figure, Measure, TtrFigure};
use crate::csv_rows::{neutralize_formula, write_csv};
use crate::error::Result;

/// The CSV's column headers, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardColumns {
    /// The first day the row covers.
    pub from: String,
    /// The last day it covers.
    pub to: String,
    /// Which figure.
    pub measure: String,
    /// Its value.
    pub value: String,
    /// The 95% interval's low end.
    pub low: String,
    /// The 95% interval's high end.
    pub high: String,
    /// How many answers (or contacts, or customers) it rests on.
    pub n: String,
    /// Whether n is too small to trust.
    pub thin: String,
}

/// Everything the dashboard's CSV says, in the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardWords {
    /// The headers.
    pub columns: DashboardColumns,
    /// Each measure's name.
    pub measures: BTreeMap<Measure, String>,
    /// "Time to resolution, median (hours)".
    pub ttr_median: String,
    /// "Time to resolution, 90th percentile (hours)".
    pub ttr_p90: String,
    /// "Retention rate (%)".
    pub retention: String,
    /// "Churn rate (%)".
    pub churn: String,
    /// "Customer lifetime value".
    pub lifetime_value: String,
    /// The `thin` column's word for a thin figure ("yes").
    pub thin_yes: String,
}

/// A number as a spreadsheet reads it: a dot, at most two decimals.
fn number(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".into()
            } else {
                text.to_owned()
            }
        }
        _ => String::new(),
    }
}

fn thin_word(thin: bool, words: &DashboardWords) -> String {
    if thin {
        words.thin_yes.clone()
    } else {
        String::new()
    }
}

fn label(words: &DashboardWords, measure: Measure) -> String {
    words
        .measures
        .get(&measure)
        .filter(|w| !w.is_empty())
        .cloned()
        .unwrap_or_else(|| measure.as_str().to_owned())
}

/// One row of the file.
struct Row<'a> {
    from: NaiveDate,
    to: NaiveDate,
    name: &'a str,
    figure: Figure,
}

impl Row<'_> {
    fn record(&self, words: &DashboardWords) -> Vec<String> {
        let f = &self.figure;
        vec![
            self.from.to_string(),
            self.to.to_string(),
            neutralize_formula(self.name),
            number(f.value),
            number(f.low),
            number(f.high),
            f.n.to_string(),
            thin_word(f.thin, words),
        ]
    }
}

/// The two time-to-resolution rows of a range (hours; no interval).
fn ttr_rows<'a>(
    from: NaiveDate,
    to: NaiveDate,
    ttr: &TtrFigure,
    words: &'a DashboardWords,
) -> [Row<'a>; 2] {
    let figure = |value| Figure {
        value,
        low: None,
        high: None,
        n: ttr.n,
        thin: ttr.thin,
    };
    [
        Row {
            from,
            to,
            name: &words.ttr_median,
            figure: figure(ttr.median_hours),
        },
        Row {
            from,
            to,
            name: &words.ttr_p90,
            figure: figure(ttr.p90_hours),
        },
    ]
}

/// The dashboard of `from..=to` as a CSV file (BOM, CRLF, RFC 4180).
/// Trend buckets are cut to the range: the first and last may be partial.
pub fn dashboard_csv(
    dashboard: &Dashboard,
    from: NaiveDate,
    to: NaiveDate,
    words: &DashboardWords,
) -> Result<Vec<u8>> {
    let names: BTreeMap<Measure, String> =
        Measure::ALL.iter().map(|&m| (m, label(words, m))).collect();
    let name = |m: Measure| names.get(&m).map_or("", String::as_str);
    let mut rows: Vec<Row<'_>> = Vec::new();
    let mut range = |start: NaiveDate,
                     end: NaiveDate,
                     figures: &[super::model::MeasureFigure],
                     ttr: &TtrFigure| {
        for f in figures {
            rows.push(Row {
                from: start,
                to: end,
                name: name(f.measure),
                figure: f.figure,
            });
        }
        rows.extend(ttr_rows(start, end, ttr, words));
    };
    range(from, to, &dashboard.figures, &dashboard.ttr);
    for (i, point) in dashboard.trend.iter().enumerate() {
        let end = dashboard
            .trend
            .get(i + 1)
            .and_then(|next| next.start.pred_opt())
            .unwrap_or(to)
            .min(to);
        range(point.start.max(from), end, &point.figures, &point.ttr);
    }
    for p in &dashboard.retention {
        let (start, end) = (p.period.period_start, p.period.period_end);
        rows.push(Row {
            from: start,
            to: end,
            name: &words.retention,
            figure: p.retention,
        });
        rows.push(Row {
            from: start,
            to: end,
            name: &words.churn,
            figure: p.churn,
        });
        rows.push(Row {
            from: start,
            to: end,
            name: &words.lifetime_value,
            figure: Figure {
                value: p.lifetime_value,
                low: None,
                high: None,
                n: p.period.customers_start,
                thin: p.churn.thin,
            },
        });
    }
    let c = &words.columns;
    let header = [
        c.from.as_str(),
        &c.to,
        &c.measure,
        &c.value,
        &c.low,
        &c.high,
        &c.n,
        &c.thin,
    ];
    write_csv(&header, rows.iter().map(|r| r.record(words)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_rows::BOM;
    use crate::metrics::model::{MeasureFigure, TrendPoint};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a day")
    }

    fn words() -> DashboardWords {
        DashboardWords {
            columns: DashboardColumns {
                from: "From".into(),
                to: "To".into(),
                measure: "Measure".into(),
                value: "Value".into(),
                low: "Low".into(),
                high: "High".into(),
                n: "n".into(),
                thin: "Few answers".into(),
            },
            measures: [
                (Measure::Nps, "NPS".to_owned()),
                (Measure::Csat, "=CSAT".to_owned()),
            ]
            .into_iter()
            .collect(),
            ttr_median: "TTR median (h)".into(),
            ttr_p90: "TTR p90 (h)".into(),
            retention: "Retention (%)".into(),
            churn: "Churn (%)".into(),
            lifetime_value: "CLV".into(),
            thin_yes: "yes".into(),
        }
    }

    #[test]
    fn numbers_are_read_by_every_spreadsheet() {
        assert_eq!(number(Some(12.0)), "12");
        assert_eq!(number(Some(12.345)), "12.35");
        assert_eq!(number(Some(-0.001)), "0");
        assert_eq!(number(Some(-3.5)), "-3.5");
        assert_eq!(number(None), "");
        assert_eq!(number(Some(f64::NAN)), "");
    }

    #[test]
    fn the_file_lists_the_range_then_each_bucket_cut_to_the_range() {
        let nps = Figure {
            value: Some(20.0),
            low: Some(5.5),
            high: Some(34.25),
            n: 40,
            thin: false,
        };
        let csat = Figure {
            value: Some(75.0),
            low: Some(30.0),
            high: Some(95.0),
            n: 4,
            thin: true,
        };
        let figures = vec![
            MeasureFigure {
                measure: Measure::Nps,
                figure: nps,
            },
            MeasureFigure {
                measure: Measure::Csat,
                figure: csat,
            },
        ];
        let d = Dashboard {
            figures: figures.clone(),
            ttr: TtrFigure {
                median_hours: Some(4.5),
                p90_hours: Some(30.0),
                n: 12,
                thin: true,
            },
            trend: vec![
                TrendPoint {
                    start: day("2026-02-23"),
                    figures: figures.clone(),
                    ttr: TtrFigure::default(),
                },
                TrendPoint {
                    start: day("2026-03-02"),
                    figures,
                    ttr: TtrFigure::default(),
                },
            ],
            hurts: Vec::new(),
            retention: Vec::new(),
        };
        let bytes = dashboard_csv(&d, day("2026-02-25"), day("2026-03-04"), &words()).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        let text = text.strip_prefix(BOM).expect("a BOM first");
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "From,To,Measure,Value,Low,High,n,Few answers");
        assert_eq!(lines[1], "2026-02-25,2026-03-04,NPS,20,5.5,34.25,40,");
        // A label that looks like a formula is made inert; a thin figure says so.
        assert_eq!(lines[2], "2026-02-25,2026-03-04,'=CSAT,75,30,95,4,yes");
        assert_eq!(
            lines[3],
            "2026-02-25,2026-03-04,TTR median (h),4.5,,,12,yes"
        );
        assert_eq!(lines[4], "2026-02-25,2026-03-04,TTR p90 (h),30,,,12,yes");
        // The first week starts before the range: cut to it, and ends the day before the next.
        assert_eq!(lines[5], "2026-02-25,2026-03-01,NPS,20,5.5,34.25,40,");
        // An empty figure is written empty, not as zero.
        assert_eq!(lines[7], "2026-02-25,2026-03-01,TTR median (h),,,,0,");
        assert_eq!(lines[9], "2026-03-02,2026-03-04,NPS,20,5.5,34.25,40,");
        assert_eq!(lines.len(), 14, "{text}");
        assert_eq!(lines[13], "");
    }
}
