//! A report put into words: every value formatted and every fixed word
//! translated, in one serialisable tree that both the PDF template and the
//! HTML writer read. Nothing here is markup: user text stays plain text.

use std::collections::HashMap;

use chrono::NaiveDate;
use rootwise_core::action::{Action, ActionKind};
use rootwise_core::analysis::{AnalysisTree, WhyStatus};
use serde::Serialize;

use crate::labels::{label, EnumLabel, Lang, LABELS};
use crate::model::{PeriodReport, ProblemReport};
use crate::tree::{self, Diagram, Tile};

/// Paper size and orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// A3 landscape: the classic one-page A3 report.
    #[default]
    A3Landscape,
    /// A4 portrait.
    A4Portrait,
}

impl Paper {
    /// Page width and height in points.
    pub fn size(self) -> (f64, f64) {
        match self {
            Paper::A3Landscape => (1190.55, 841.89),
            Paper::A4Portrait => (595.28, 841.89),
        }
    }

    /// The page margin in points (the footer sits in the bottom one).
    pub fn margin(self) -> f64 {
        match self {
            Paper::A3Landscape => 32.0,
            Paper::A4Portrait => 36.0,
        }
    }

    /// How many columns the sections under the diagram flow in.
    pub fn columns(self) -> u32 {
        match self {
            Paper::A3Landscape => 3,
            Paper::A4Portrait => 1,
        }
    }
}

/// What the footer names and how the page is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RenderOptions {
    /// Paper size and orientation.
    pub paper: Paper,
    /// The workspace's name, for the footer.
    pub workspace: String,
    /// Who made the report, for the footer.
    pub author: String,
    /// The report's date, for the footer.
    pub date: NaiveDate,
}

/// A label and its value.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The label, in the reader's language.
    pub label: String,
    /// The value.
    pub value: String,
}

fn fact(lang: Lang, key: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: label(lang, key).to_owned(),
        value: value.into(),
    }
}

/// One bar of the weekly chart.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Reports that week.
    pub count: u32,
}

/// Where a fix was done on the chart.
#[derive(Debug, Clone, Serialize)]
pub struct FixMark {
    /// Its position.
    pub x: f64,
    /// Its number in the list of fixes, or the first and last numbers of
    /// fixes done too close together to mark apart (`3–5`).
    pub label: String,
}

/// Reports per week with the fixes marked (mirrored for right to left).
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Width of the plot, in points.
    pub width: f64,
    /// Height of the plot, in points.
    pub height: f64,
    /// One bar a week.
    pub bars: Vec<Bar>,
    /// The fixes.
    pub fixes: Vec<FixMark>,
    /// The highest weekly count.
    pub max: u32,
    /// The first week's day.
    pub first: String,
    /// The last week's day.
    pub last: String,
    /// Whether time runs from right to left (Arabic).
    pub rtl: bool,
}

/// A root cause with what shows it is true.
#[derive(Debug, Clone, Serialize)]
pub struct CauseView {
    /// What it says.
    pub text: String,
    /// Its status and category.
    pub meta: String,
    /// Evidence notes with their references, and supporting empathy notes.
    pub evidence: Vec<String>,
}

/// One reasoning check still open.
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    /// The cause it is about.
    pub cause: String,
    /// What to look at again.
    pub message: String,
}

/// One analysis.
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisView {
    /// Its title.
    pub title: String,
    /// Facilitator, day, status.
    pub meta: String,
    /// The why-tree.
    pub diagram: Diagram,
    /// How much the PDF shrinks the diagram (1 = not at all).
    pub scale: f64,
    /// The diagram's pieces in the PDF (one when it fits).
    pub tiles: Vec<Tile>,
    /// Root causes, in tree order.
    pub root_causes: Vec<CauseView>,
    /// Ruled-out causes.
    pub ruled_out: Vec<String>,
    /// Reasoning checks still open.
    pub checks: Vec<CheckView>,
}

/// A quote with its source.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// What was said.
    pub text: String,
    /// Where and when it was heard.
    pub source: String,
}

/// A linked persona.
#[derive(Debug, Clone, Serialize)]
pub struct PersonaView {
    /// Name.
    pub name: String,
    /// Role and segment.
    pub about: String,
    /// Sourced quotes.
    pub quotes: Vec<QuoteView>,
}

/// An empathy note.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    /// Its quadrant.
    pub area: String,
    /// What it says.
    pub text: String,
    /// Its map and persona.
    pub source: String,
}

/// One action.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    /// Title.
    pub title: String,
    /// Owner (or "not recorded").
    pub owner: String,
    /// Status.
    pub status: String,
    /// Due day and the rest of its facts (check, result…).
    pub facts: Vec<Fact>,
}

/// The actions of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct ActionGroup {
    /// The kind, in the reader's words.
    pub kind: String,
    /// Its actions.
    pub actions: Vec<ActionView>,
}

/// Reports before and after one fix.
#[derive(Debug, Clone, Serialize)]
pub struct RecurrenceView {
    /// The fix's number on the chart and its title.
    pub title: String,
    /// The day it was done.
    pub done_on: String,
    /// Reports a week before.
    pub before: String,
    /// Reports a week after (or "not measured yet").
    pub after: String,
    /// Weeks watched after.
    pub weeks: String,
}

/// A customer-experience measure.
#[derive(Debug, Clone, Serialize)]
pub struct CxView {
    /// Name.
    pub name: String,
    /// Value with its unit.
    pub value: String,
    /// The interval.
    pub interval: String,
}

/// One problem, put into words.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    /// Title.
    pub title: String,
    /// The title's own direction.
    pub title_dir: &'static str,
    /// Description (may be empty).
    pub description: String,
    /// The description's own direction.
    pub description_dir: &'static str,
    /// The statement's facts.
    pub facts: Vec<Fact>,
    /// Reports per week.
    pub chart: Chart,
    /// The fixes on the chart, numbered.
    pub fixes: Vec<String>,
    /// CX measures (empty: nothing is drawn).
    pub cx: Vec<CxView>,
    /// The analyses.
    pub analyses: Vec<AnalysisView>,
    /// Linked personas.
    pub personas: Vec<PersonaView>,
    /// Linked empathy notes.
    pub notes: Vec<NoteView>,
    /// Containment, corrective, preventive (kinds with no action left out).
    pub action_groups: Vec<ActionGroup>,
    /// Recurrence after each fix.
    pub recurrence: Vec<RecurrenceView>,
}

/// A whole document: one problem, or every problem of a period.
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    /// `en` or `ar`.
    pub lang: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// Page width, height and margin in points, and section columns.
    pub page: (f64, f64, f64, u32),
    /// Every fixed word, by key.
    pub labels: HashMap<&'static str, &'static str>,
    /// The document's title (its metadata).
    pub title: String,
    /// A diagram box's padding, text size, line height, header size and
    /// header height (points).
    pub box_style: (f64, f64, f64, f64, f64),
    /// The document's heading.
    pub heading: String,
    /// Under the heading (the period, for a period's report).
    pub subheading: String,
    /// Footer: workspace, date, author.
    pub footer: Vec<Fact>,
    /// The problems, one section each.
    pub problems: Vec<ProblemView>,
}

/// A day as the report prints it (ISO 8601).
pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A day in running text: in Arabic isolated left to right (LRI … PDI),
/// or the bidi algorithm, seeing digits after Arabic letters, would turn
/// 2026-12-07 into 07-12-2026.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    if lang.rtl() {
        format!("\u{2066}{}\u{2069}", day(d))
    } else {
        day(d)
    }
}

/// User text set inside the report's sentences: when it runs the other way
/// from the report (English in Arabic, Arabic in English), a first-strong
/// isolate (FSI … PDI) keeps it whole, so a cause reading `#set page(…)`
/// keeps its `#` in front in an Arabic report.
pub fn user(lang: Lang, s: &str) -> String {
    if tree::text_dir(s, lang) == lang.dir() {
        s.to_owned()
    } else {
        format!("\u{2068}{s}\u{2069}")
    }
}

fn opt_day(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map_or_else(|| label(lang, "not_recorded").to_owned(), |d| date(lang, d))
}

fn or_none(s: &str, lang: Lang) -> String {
    if s.trim().is_empty() {
        label(lang, "not_recorded").to_owned()
    } else {
        user(lang, s)
    }
}

fn per_week(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// Width and height of the weekly chart, in points.
const CHART: (f64, f64) = (330.0, 80.0);

fn chart(r: &ProblemReport) -> Chart {
    let lang = r.lang;
    let weeks = &r.effect.weeks;
    let (width, height) = CHART;
    let max = weeks.iter().map(|w| w.count).max().unwrap_or(0);
    let n = weeks.len().max(1) as f64;
    let slot = width / n;
    let mirror = |x: f64, w: f64| if r.lang.rtl() { width - x - w } else { x };
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let h = if max == 0 {
                0.0
            } else {
                height * f64::from(w.count) / f64::from(max)
            };
            let bw = slot * 0.7;
            Bar {
                x: mirror(i as f64 * slot + slot * 0.15, bw),
                y: height - h,
                w: bw,
                h,
                count: w.count,
            }
        })
        .collect();
    let first = weeks.first().map(|w| w.week_start);
    let mut fixes: Vec<FixMark> = Vec::new();
    for (i, a) in r.effect.actions.iter().enumerate() {
        let Some(start) = first else { break };
        let weeks_in = (a.done_on - start).num_days() as f64 / 7.0;
        if weeks_in < 0.0 {
            continue;
        }
        let x = mirror((weeks_in * slot).min(width), 0.0);
        match fixes.last_mut() {
            Some(last) if (last.x - x).abs() < 10.0 => {
                let first = last.label.split('–').next().unwrap_or_default().to_owned();
                last.label = format!("{first}–{}", i + 1);
            }
            _ => fixes.push(FixMark {
                x,
                label: (i + 1).to_string(),
            }),
        }
    }
    Chart {
        width,
        height,
        bars,
        fixes,
        max,
        first: first.map(|d| date(lang, d)).unwrap_or_default(),
        last: weeks
            .last()
            .map(|w| date(lang, w.week_start))
            .unwrap_or_default(),
        rtl: lang.rtl(),
    }
}

fn analysis_view(r: &ProblemReport, t: &AnalysisTree, paper: Paper) -> AnalysisView {
    let lang = r.lang;
    let diagram = tree::layout(t, lang);
    let (pw, ph) = paper.size();
    let avail_w = pw - 2.0 * paper.margin();
    // Two pieces a page, so a piece fits under the statement on the first.
    let avail_h = (ph - 2.0 * paper.margin() - 80.0) / 2.0;
    // Shrink to fit the width, but not below a readable size: a wider tree
    // continues on further pieces.
    let scale = (avail_w / diagram.width).clamp(0.6, 1.0);
    let tiles = tree::tiles(&diagram, avail_w / scale, avail_h / scale, lang);
    let notes: HashMap<_, _> = r.cause_notes.iter().map(|(id, n)| (*id, n)).collect();
    let root_causes = t
        .nodes
        .iter()
        .filter(|n| n.root_cause)
        .map(|n| {
            let mut meta = n.status.label(lang).to_owned();
            if let Some(c) = n.category {
                meta.push_str(" · ");
                meta.push_str(c.label(lang));
            }
            let mut evidence: Vec<String> = n
                .evidence
                .iter()
                .map(|e| {
                    if e.reference.is_empty() {
                        user(lang, &e.note)
                    } else {
                        format!("{} ({})", user(lang, &e.note), user(lang, &e.reference))
                    }
                })
                .collect();
            if let Some(notes) = notes.get(&n.id) {
                evidence.extend(notes.iter().map(|note| {
                    format!(
                        "{}: {} ({})",
                        note.area.label(lang),
                        user(lang, &note.text),
                        user(lang, &note.persona_name)
                    )
                }));
            }
            CauseView {
                text: user(lang, &n.text),
                meta,
                evidence,
            }
        })
        .collect();
    let ruled_out = t
        .nodes
        .iter()
        .filter(|n| n.status == WhyStatus::RuledOut)
        .map(|n| user(lang, &n.text))
        .collect();
    let text_of: HashMap<_, _> = t.nodes.iter().map(|n| (n.id, n.text.as_str())).collect();
    let checks = t
        .checks
        .iter()
        .map(|c| CheckView {
            cause: user(lang, text_of.get(&c.node_id).copied().unwrap_or_default()),
            message: c.kind.label(lang).to_owned(),
        })
        .collect();
    let mut meta = vec![
        t.analysis.status.label(lang).to_owned(),
        date(lang, t.analysis.held_on),
    ];
    if !t.analysis.facilitator.is_empty() {
        meta.insert(
            0,
            format!(
                "{}: {}",
                label(lang, "facilitator"),
                user(lang, &t.analysis.facilitator)
            ),
        );
    }
    AnalysisView {
        title: user(lang, &t.analysis.title),
        meta: meta.join(" · "),
        diagram,
        scale,
        tiles,
        root_causes,
        ruled_out,
        checks,
    }
}

fn action_view(a: &Action, lang: Lang) -> ActionView {
    let mut facts = vec![
        fact(lang, "due", opt_day(a.due_on, lang)),
        fact(lang, "priority", a.priority.label(lang)),
    ];
    if let Some(d) = a.done_on {
        facts.push(fact(lang, "done_on", date(lang, d)));
    }
    if !a.check_method.is_empty() {
        facts.push(fact(lang, "check", user(lang, &a.check_method)));
    }
    if let Some(d) = a.check_due_on {
        facts.push(fact(lang, "check_due", date(lang, d)));
    }
    if let Some(res) = a.check_result {
        let mut v = res.label(lang).to_owned();
        if let Some(d) = a.checked_on {
            v = format!("{v} ({})", date(lang, d));
        }
        if !a.check_notes.is_empty() {
            v = format!("{v}: {}", user(lang, &a.check_notes));
        }
        facts.push(fact(lang, "result", v));
    }
    if let Some(d) = a.recurred_on {
        facts.push(fact(lang, "recurred_on", date(lang, d)));
    }
    if !a.cancel_reason.is_empty() {
        facts.push(fact(lang, "cancel_reason", user(lang, &a.cancel_reason)));
    }
    ActionView {
        title: user(lang, &a.title),
        owner: or_none(&a.owner, lang),
        status: a.status.label(lang).to_owned(),
        facts,
    }
}

/// Puts one problem's report into words.
pub fn problem_view(r: &ProblemReport, paper: Paper) -> ProblemView {
    let lang = r.lang;
    let p = &r.problem;
    let mut facts = vec![
        fact(lang, "status", p.status.label(lang)),
        fact(lang, "severity", p.severity.label(lang)),
        fact(
            lang,
            "channel",
            p.channel
                .map_or(label(lang, "not_recorded"), |c| c.label(lang)),
        ),
        fact(
            lang,
            "customers_affected",
            p.customers_affected
                .map_or_else(|| label(lang, "not_recorded").to_owned(), |n| n.to_string()),
        ),
        fact(lang, "owner", or_none(&p.owner, lang)),
        fact(lang, "references", or_none(&p.references.join(", "), lang)),
        fact(lang, "reported_on", date(lang, p.reported_on)),
        fact(
            lang,
            "first_last_seen",
            format!("{} – {}", date(lang, p.first_seen), date(lang, p.last_seen)),
        ),
        // The first report included, as the app counts it.
        fact(lang, "reports", p.occurrence_count.to_string()),
    ];
    if !p.customer.is_empty() {
        facts.push(fact(lang, "customer", user(lang, &p.customer)));
    }
    if !p.segment.is_empty() {
        facts.push(fact(lang, "segment", user(lang, &p.segment)));
    }
    let fixes = r
        .effect
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            format!(
                "{}. {} · {} · {}",
                i + 1,
                date(lang, a.done_on),
                a.kind.label(lang),
                a.title
            )
        })
        .collect();
    let recurrence = r
        .effect
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| RecurrenceView {
            title: format!("{}. {}", i + 1, user(lang, &a.title)),
            done_on: date(lang, a.done_on),
            before: per_week(a.before_per_week),
            after: a
                .after_per_week
                .map_or_else(|| label(lang, "not_measured").to_owned(), per_week),
            weeks: a.weeks_after.to_string(),
        })
        .collect();
    let cx =
        r.cx.iter()
            .map(|m| {
                let mut value = format!("{}{}", per_week(m.value), m.unit);
                if let (Some(low), Some(high)) = (m.low, m.high) {
                    value.push_str(&format!(
                        " ({} {} – {})",
                        label(lang, "ci95"),
                        per_week(low),
                        per_week(high)
                    ));
                }
                value.push_str(&format!(", n = {}", m.n));
                if m.thin {
                    value.push_str(&format!(" · {}", label(lang, "thin")));
                }
                CxView {
                    name: user(lang, &m.name),
                    value,
                    interval: format!("{} – {}", date(lang, m.from), date(lang, m.to)),
                }
            })
            .collect();
    let personas = r
        .personas
        .iter()
        .map(|pq| PersonaView {
            name: user(lang, &pq.persona.name),
            about: [pq.persona.role.as_str(), pq.persona.segment.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · "),
            quotes: pq
                .quotes
                .iter()
                .map(|q| {
                    let mut source = format!("{}, {}", q.source.label(lang), date(lang, q.said_on));
                    if !q.reference.is_empty() {
                        source = format!("{source}, {}", user(lang, &q.reference));
                    }
                    QuoteView {
                        text: user(lang, &q.text),
                        source,
                    }
                })
                .collect(),
        })
        .collect();
    let notes = r
        .notes
        .iter()
        .map(|n| NoteView {
            area: n.area.label(lang).to_owned(),
            text: user(lang, &n.text),
            source: format!(
                "{} · {}",
                user(lang, &n.map_title),
                user(lang, &n.persona_name)
            ),
        })
        .collect();
    let action_groups = ActionKind::ALL
        .iter()
        .filter_map(|kind| {
            let actions: Vec<_> = r
                .actions
                .iter()
                .filter(|a| a.kind == *kind)
                .map(|a| action_view(a, lang))
                .collect();
            (!actions.is_empty()).then(|| ActionGroup {
                kind: kind.label(lang).to_owned(),
                actions,
            })
        })
        .collect();
    ProblemView {
        title: p.title.clone(),
        title_dir: tree::text_dir(&p.title, lang),
        description: p.description.clone(),
        description_dir: tree::text_dir(&p.description, lang),
        facts,
        chart: chart(r),
        fixes,
        cx,
        analyses: r
            .analyses
            .iter()
            .map(|t| analysis_view(r, t, paper))
            .collect(),
        personas,
        notes,
        action_groups,
        recurrence,
    }
}

fn doc(
    lang: Lang,
    opts: &RenderOptions,
    heading: String,
    subheading: String,
    problems: Vec<ProblemView>,
) -> DocView {
    let (w, h) = opts.paper.size();
    DocView {
        lang: lang.tag(),
        dir: lang.dir(),
        page: (w, h, opts.paper.margin(), opts.paper.columns()),
        labels: LABELS
            .iter()
            .map(|(k, en, ar)| (*k, if lang.rtl() { *ar } else { *en }))
            .collect(),
        title: match problems.as_slice() {
            [one] => format!("{heading}: {}", one.title),
            _ => format!("{heading} {subheading}"),
        },
        box_style: (
            tree::PAD,
            tree::FONT_SIZE,
            tree::LINE_HEIGHT,
            tree::HEADER_SIZE,
            tree::HEADER_HEIGHT,
        ),
        heading,
        subheading,
        footer: vec![
            fact(lang, "workspace", user(lang, &opts.workspace)),
            fact(lang, "date", date(lang, opts.date)),
            fact(lang, "author", user(lang, &opts.author)),
        ],
        problems,
    }
}

/// The document of one problem's report.
pub fn problem_doc(r: &ProblemReport, opts: &RenderOptions) -> DocView {
    doc(
        r.lang,
        opts,
        label(r.lang, "report").to_owned(),
        String::new(),
        vec![problem_view(r, opts.paper)],
    )
}

/// The document of a period's report.
pub fn period_doc(r: &PeriodReport, opts: &RenderOptions) -> DocView {
    doc(
        r.lang,
        opts,
        label(r.lang, "period_report").to_owned(),
        format!(
            "{}: {} – {}",
            label(r.lang, "period"),
            date(r.lang, r.from),
            date(r.lang, r.to)
        ),
        r.problems
            .iter()
            .map(|p| problem_view(p, opts.paper))
            .collect(),
    )
}
