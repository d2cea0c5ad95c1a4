//! The convergence property's cases, shared by the change-file property
//! (`tests/convergence.rs`) and the team hub's (`rootwise-hub`): three
//! copies make random sequences of the app's own writes, with conflicts,
//! and exchange their changes in random order through an [`Exchange`]; once
//! every copy has every change, all hold the same data, search finds the
//! same things, and what the core derives is right.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::Duration;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rootwise_core::action::{self, ActionEdit, ActionKind, ActionStatus, CheckResult, NewAction};
use rootwise_core::analysis::{self, NewAnalysis, NewEvidence, NewWhy, WhyEdit, WhyStatus};
use rootwise_core::empathy::{self, Area, NewMap, NewNote, NoteEdit};
use rootwise_core::ids::ResponseId;
use rootwise_core::ids::{ActionId, AnalysisId, NoteId, PersonaId, ProblemId, WhyId};
use rootwise_core::ids::{StageId, TouchpointId};
use rootwise_core::journey::{self, Lane, NewJourney, NewTouchpoint, TouchpointEdit};
use rootwise_core::metrics::{self, CesEasy, ResponseInput, SurveyKind};
use rootwise_core::persona::{self, NewPersona};
use rootwise_core::problem::{self, NewOccurrence, NewProblem, ProblemEdit, Severity, Status};
use rootwise_core::store::Writer;
use rootwise_core::sync::copy::copy_for_workshop;
use rootwise_core::sync::merge::MergeSummary;
use rootwise_core::sync::replica;
use rootwise_core::{search, time, workflow, Workspace};
use rusqlite::types::Value;
use rusqlite::Connection;

/// Words titles and causes are made of (search looks for them).
const WORDS: &[&str] = &[
    "refund",
    "invoice",
    "courier",
    "password",
    "checkout",
    "الفاتورة",
    "المبلغ",
];
const TAGS: &[&str] = &["billing", "delivery", "login", "vip"];
const PEOPLE: &[&str] = &["Mona", "Karim", "Huda"];
const NOTES: &[&str] = &["called again", "escalated", "اتصل مرة أخرى"];

/// The number of copies.
pub const COPIES: usize = 3;

/// One write of the app's, naming what it works on by index among the rows
/// the copy has (taken modulo their number).
#[derive(Debug, Clone)]
pub enum Op {
    CreateProblem {
        words: (u8, u8),
        tags: u8,
    },
    Title {
        p: u8,
        words: (u8, u8),
    },
    Owner {
        p: u8,
        who: u8,
    },
    Severity {
        p: u8,
        s: u8,
    },
    Status {
        p: u8,
        s: u8,
    },
    Tags {
        p: u8,
        tags: u8,
    },
    DeleteProblem {
        p: u8,
    },
    RestoreProblem {
        p: u8,
    },
    Occurrence {
        p: u8,
        days_ago: u8,
        note: u8,
    },
    CreateAnalysis {
        p: u8,
    },
    /// A cause under the analysis (`child` false) or under a cause.
    AddWhy {
        at: u8,
        child: bool,
        word: u8,
    },
    WhyText {
        n: u8,
        word: u8,
    },
    WhyStatus {
        n: u8,
        s: u8,
    },
    WhyRoot {
        n: u8,
        root: bool,
    },
    DeleteWhy {
        n: u8,
    },
    RestoreWhy {
        n: u8,
    },
    CreateMap {
        p: Option<u8>,
    },
    AddNote {
        m: u8,
        word: u8,
    },
    Vote {
        n: u8,
        who: u8,
    },
    CreateAction {
        p: u8,
        cause: Option<u8>,
    },
    ActionStatus {
        a: u8,
        s: u8,
    },
    ActionCheck {
        a: u8,
        effective: bool,
    },
    CancelAction {
        a: u8,
    },
    References {
        p: u8,
        refs: u8,
    },
    /// A duplicate problem merged into another (its reports, tags,
    /// analyses and actions move over; it goes to the trash).
    MergeProblems {
        dup: u8,
        into: u8,
    },
    LinkPersona {
        p: u8,
    },
    Unvote {
        n: u8,
        who: u8,
    },
    NoteText {
        n: u8,
        word: u8,
    },
    NoteMove {
        n: u8,
        area: u8,
    },
    NoteCause {
        n: u8,
        cause: Option<u8>,
    },
    DeleteNote {
        n: u8,
    },
    RestoreNote {
        n: u8,
    },
    ActionCause {
        a: u8,
        cause: Option<u8>,
    },
    DeleteAction {
        a: u8,
    },
    RestoreAction {
        a: u8,
    },
    DeleteAnalysis {
        a: u8,
    },
    RestoreAnalysis {
        a: u8,
    },
    Evidence {
        n: u8,
        word: u8,
    },
    /// A survey answer, about a problem or not.
    AddAnswer {
        p: Option<u8>,
        score: u8,
    },
    AnswerScore {
        a: u8,
        score: u8,
    },
    DeleteAnswer {
        a: u8,
    },
    RestoreAnswer {
        a: u8,
    },
    /// A touchpoint, last under a stage of the journey map.
    AddTouchpoint {
        s: u8,
        word: u8,
    },
    TouchpointEmotion {
        t: u8,
        e: u8,
    },
    /// A stage moved before another.
    MoveStage {
        s: u8,
        before: u8,
    },
    /// A stage to the trash with its touchpoints.
    DeleteStage {
        s: u8,
    },
    RestoreStage {
        s: u8,
    },
    LinkTouchpoint {
        t: u8,
        p: u8,
    },
    AddCard {
        s: u8,
        word: u8,
    },
}

#[derive(Debug, Clone)]
pub enum Step {
    /// One copy writes.
    Write { r: u8, op: Op },
    /// Two copies write the same row before they exchange: the ops name it
    /// by the same index among the rows both copies have.
    Both { a: u8, b: u8, ops: (Op, Op) },
    /// One copy sends another what it has not seen, and it merges it.
    Exchange { from: u8, to: u8 },
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<u8>;
    prop_oneof![
        3 => (i(), i()).prop_map(|(a, tags)| Op::CreateProblem { words: (a, a / 7), tags }),
        3 => (i(), i(), i()).prop_map(|(p, a, b)| Op::Title { p, words: (a, b) }),
        2 => (i(), i()).prop_map(|(p, who)| Op::Owner { p, who }),
        2 => (i(), i()).prop_map(|(p, s)| Op::Severity { p, s }),
        2 => (i(), i()).prop_map(|(p, s)| Op::Status { p, s }),
        2 => (i(), i()).prop_map(|(p, tags)| Op::Tags { p, tags }),
        2 => i().prop_map(|p| Op::DeleteProblem { p }),
        2 => i().prop_map(|p| Op::RestoreProblem { p }),
        3 => (i(), 0..40_u8, i()).prop_map(|(p, days_ago, note)| Op::Occurrence { p, days_ago, note }),
        1 => i().prop_map(|p| Op::CreateAnalysis { p }),
        3 => (i(), any::<bool>(), i()).prop_map(|(at, child, word)| Op::AddWhy { at, child, word }),
        2 => (i(), i()).prop_map(|(n, word)| Op::WhyText { n, word }),
        1 => (i(), i()).prop_map(|(n, s)| Op::WhyStatus { n, s }),
        1 => (i(), any::<bool>()).prop_map(|(n, root)| Op::WhyRoot { n, root }),
        2 => i().prop_map(|n| Op::DeleteWhy { n }),
        1 => i().prop_map(|n| Op::RestoreWhy { n }),
        1 => proptest::option::of(i()).prop_map(|p| Op::CreateMap { p }),
        2 => (i(), i()).prop_map(|(m, word)| Op::AddNote { m, word }),
        2 => (i(), i()).prop_map(|(n, who)| Op::Vote { n, who }),
        2 => (i(), proptest::option::of(i())).prop_map(|(p, cause)| Op::CreateAction { p, cause }),
        2 => (i(), i()).prop_map(|(a, s)| Op::ActionStatus { a, s }),
        1 => (i(), any::<bool>()).prop_map(|(a, effective)| Op::ActionCheck { a, effective }),
        1 => i().prop_map(|a| Op::CancelAction { a }),
        1 => (i(), i()).prop_map(|(p, refs)| Op::References { p, refs }),
        1 => (i(), i()).prop_map(|(dup, into)| Op::MergeProblems { dup, into }),
        1 => i().prop_map(|p| Op::LinkPersona { p }),
        1 => (i(), i()).prop_map(|(n, who)| Op::Unvote { n, who }),
        1 => (i(), i()).prop_map(|(n, word)| Op::NoteText { n, word }),
        1 => (i(), i()).prop_map(|(n, area)| Op::NoteMove { n, area }),
        1 => (i(), proptest::option::of(i())).prop_map(|(n, cause)| Op::NoteCause { n, cause }),
        1 => i().prop_map(|n| Op::DeleteNote { n }),
        1 => i().prop_map(|n| Op::RestoreNote { n }),
        1 => (i(), proptest::option::of(i())).prop_map(|(a, cause)| Op::ActionCause { a, cause }),
        1 => i().prop_map(|a| Op::DeleteAction { a }),
        1 => i().prop_map(|a| Op::RestoreAction { a }),
        1 => i().prop_map(|a| Op::DeleteAnalysis { a }),
        1 => i().prop_map(|a| Op::RestoreAnalysis { a }),
        1 => (i(), i()).prop_map(|(n, word)| Op::Evidence { n, word }),
        2 => (proptest::option::of(i()), i()).prop_map(|(p, score)| Op::AddAnswer { p, score }),
        1 => (i(), i()).prop_map(|(a, score)| Op::AnswerScore { a, score }),
        1 => i().prop_map(|a| Op::DeleteAnswer { a }),
        1 => i().prop_map(|a| Op::RestoreAnswer { a }),
        2 => (i(), i()).prop_map(|(s, word)| Op::AddTouchpoint { s, word }),
        1 => (i(), i()).prop_map(|(t, e)| Op::TouchpointEmotion { t, e }),
        1 => (i(), i()).prop_map(|(s, before)| Op::MoveStage { s, before }),
        1 => i().prop_map(|s| Op::DeleteStage { s }),
        1 => i().prop_map(|s| Op::RestoreStage { s }),
        1 => (i(), i()).prop_map(|(t, p)| Op::LinkTouchpoint { t, p }),
        1 => (i(), i()).prop_map(|(s, word)| Op::AddCard { s, word }),
    ]
}

/// Two writes of the same row: the same field with different values, or a
/// delete on one side while the other edits (either way round).
fn conflict() -> impl Strategy<Value = (Op, Op)> {
    let i = any::<u8>;
    let pair = prop_oneof![
        (i(), i(), i()).prop_map(|(p, a, b)| (
            Op::Title { p, words: (a, b) },
            Op::Title {
                p,
                words: (b, a.wrapping_add(1))
            }
        )),
        (i(), i(), i()).prop_map(|(p, a, b)| (Op::Owner { p, who: a }, Op::Owner { p, who: b })),
        (i(), i(), i()).prop_map(|(p, a, b)| (Op::Severity { p, s: a }, Op::Severity { p, s: b })),
        (i(), i(), i()).prop_map(|(p, a, b)| (Op::Status { p, s: a }, Op::Status { p, s: b })),
        (i(), i(), i()).prop_map(|(p, a, b)| (Op::Tags { p, tags: a }, Op::Tags { p, tags: b })),
        (i(), i(), i())
            .prop_map(|(p, a, b)| (Op::DeleteProblem { p }, Op::Title { p, words: (a, b) })),
        (i(), i()).prop_map(|(p, who)| (Op::DeleteProblem { p }, Op::Owner { p, who })),
        (i(), i(), i()).prop_map(|(p, d, n)| (
            Op::DeleteProblem { p },
            Op::Occurrence {
                p,
                days_ago: d % 40,
                note: n
            }
        )),
        (i(), i()).prop_map(|(p, s)| (Op::DeleteProblem { p }, Op::Status { p, s })),
        (i(), i(), i())
            .prop_map(|(n, a, b)| (Op::WhyText { n, word: a }, Op::WhyText { n, word: b })),
        (i(), i(), i())
            .prop_map(|(n, a, b)| (Op::WhyStatus { n, s: a }, Op::WhyStatus { n, s: b })),
        (i(), i()).prop_map(|(n, w)| (Op::DeleteWhy { n }, Op::WhyText { n, word: w })),
        (i(), i()).prop_map(|(n, w)| (
            Op::DeleteWhy { n },
            Op::AddWhy {
                at: n,
                child: true,
                word: w
            }
        )),
        (i(), i(), i())
            .prop_map(|(a, x, y)| (Op::ActionStatus { a, s: x }, Op::ActionStatus { a, s: y })),
        (i(), i(), i()).prop_map(|(n, x, y)| (Op::Vote { n, who: x }, Op::Vote { n, who: y })),
        (i(), i(), i())
            .prop_map(|(p, x, y)| (Op::References { p, refs: x }, Op::References { p, refs: y })),
        (i(), i(), i()).prop_map(|(p, into, w)| (
            Op::MergeProblems { dup: p, into },
            Op::Title { p, words: (w, w) }
        )),
        (i(), i(), i()).prop_map(|(p, into, d)| (
            Op::MergeProblems { dup: p, into },
            Op::Occurrence {
                p,
                days_ago: d % 40,
                note: d
            }
        )),
        (i(), i(), i())
            .prop_map(|(n, x, y)| (Op::NoteText { n, word: x }, Op::NoteText { n, word: y })),
        (i(), i(), i())
            .prop_map(|(n, x, y)| (Op::NoteMove { n, area: x }, Op::NoteMove { n, area: y })),
        (i(), i()).prop_map(|(n, who)| (Op::DeleteNote { n }, Op::Vote { n, who })),
        (i(), i()).prop_map(|(n, w)| (Op::DeleteNote { n }, Op::NoteText { n, word: w })),
        (i(), i(), i()).prop_map(|(a, x, y)| (
            Op::ActionCause { a, cause: Some(x) },
            Op::ActionCause { a, cause: Some(y) }
        )),
        (i(), i()).prop_map(|(a, s)| (Op::DeleteAction { a }, Op::ActionStatus { a, s })),
        (i(), i(), i()).prop_map(|(a, x, y)| (
            Op::AnswerScore { a, score: x },
            Op::AnswerScore { a, score: y }
        )),
        (i(), i()).prop_map(|(a, score)| (Op::DeleteAnswer { a }, Op::AnswerScore { a, score })),
        (i(), i()).prop_map(|(a, w)| (
            Op::DeleteAnalysis { a },
            Op::AddWhy {
                at: a,
                child: false,
                word: w
            }
        )),
        (i(), i()).prop_map(|(n, w)| (Op::DeleteWhy { n }, Op::Evidence { n, word: w })),
        (i(), i(), i()).prop_map(|(t, x, y)| (
            Op::TouchpointEmotion { t, e: x },
            Op::TouchpointEmotion { t, e: y }
        )),
        (i(), i(), i()).prop_map(|(s, x, y)| (
            Op::MoveStage { s, before: x },
            Op::MoveStage { s, before: y }
        )),
        (i(), i()).prop_map(|(s, w)| (Op::DeleteStage { s }, Op::AddTouchpoint { s, word: w })),
        (i(), i()).prop_map(|(s, w)| (Op::DeleteStage { s }, Op::AddCard { s, word: w })),
    ];
    (pair, any::<bool>()).prop_map(|((x, y), swap)| if swap { (y, x) } else { (x, y) })
}

pub fn step() -> impl Strategy<Value = Step> {
    let r = || 0..COPIES as u8;
    prop_oneof![
        6 => (r(), op()).prop_map(|(r, op)| Step::Write { r, op }),
        2 => (r(), 1..COPIES as u8, conflict()).prop_map(|(a, d, ops)| Step::Both {
            a,
            b: (a + d) % COPIES as u8,
            ops
        }),
        4 => (r(), 1..COPIES as u8).prop_map(|(from, d)| Step::Exchange {
            from,
            to: (from + d) % COPIES as u8
        }),
    ]
}

/// The three copies, and every history entry their own writes made.
struct Copies {
    _dir: tempfile::TempDir,
    ws: Vec<Workspace>,
    ids: Vec<String>,
    captured_history: BTreeSet<String>,
    totals: Totals,
}

/// What the merges did, over all cases (to show the property exercised
/// what it should).
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub writes: u32,
    pub refused: u32,
    pub merges: u32,
    pub applied: u32,
    pub overwritten: u32,
    pub restored: u32,
    pub parent_deleted: u32,
}

impl Totals {
    fn add(&mut self, s: &MergeSummary) {
        self.merges += 1;
        self.applied += s.applied;
        self.overwritten += s.overwritten;
        self.restored += s.restored;
        self.parent_deleted += s.parent_deleted;
    }

    fn plus(&mut self, o: &Totals) {
        self.writes += o.writes;
        self.refused += o.refused;
        self.merges += o.merges;
        self.applied += o.applied;
        self.overwritten += o.overwritten;
        self.restored += o.restored;
        self.parent_deleted += o.parent_deleted;
    }
}

fn new_problem(w: &mut Writer<'_>, title: &str) -> rootwise_core::Result<ProblemId> {
    Ok(problem::create(
        w,
        &NewProblem {
            title: title.into(),
            ..NewProblem::default()
        },
    )?
    .id)
}

fn new_action(
    w: &mut Writer<'_>,
    problem: &str,
    title: &str,
    cause: Option<String>,
) -> rootwise_core::Result<()> {
    action::create(
        w,
        &NewAction {
            problem_id: problem.into(),
            title: title.into(),
            kind: ActionKind::Corrective,
            description: None,
            cause_ids: cause.map(|c| vec![c]),
            owner: None,
            due_on: None,
            priority: None,
            check_method: None,
        },
    )?;
    Ok(())
}

/// The team's workspace with a little of everything, and two copies of it.
fn copies() -> Copies {
    let dir = tempfile::tempdir().unwrap();
    let mut team = Workspace::open(&dir.path().join("team.db")).unwrap();
    team.write("Karim", |w| {
        let p0 = new_problem(w, "refund courier")?;
        new_problem(w, "invoice password")?;
        new_problem(w, "الفاتورة checkout")?;
        let a = analysis::create_analysis(
            w,
            &NewAnalysis {
                problem_id: p0.to_string(),
                title: "Why refunds stall".into(),
                ..NewAnalysis::default()
            },
        )?;
        let why = workflow::add_why(
            w,
            a.id,
            &NewWhy {
                text: "refund form".into(),
                ..NewWhy::default()
            },
        )?;
        new_action(
            w,
            &p0.to_string(),
            "Check the form",
            Some(why.id.to_string()),
        )?;
        let persona = persona::create(
            w,
            &NewPersona {
                name: "Laila".into(),
                ..NewPersona::default()
            },
        )?;
        let map = empathy::create_map(
            w,
            &NewMap {
                persona_id: persona.id.to_string(),
                title: "Refund workshop".into(),
                problem_id: Some(p0.to_string()),
                held_on: None,
                participants: Some(PEOPLE.iter().map(|p| (*p).to_owned()).collect()),
                votes_per_person: Some(20),
            },
        )?;
        empathy::add_note(
            w,
            &NewNote {
                map_id: map.id.to_string(),
                area: Area::Feels,
                text: "anxious".into(),
                colour: None,
                author: None,
                group_id: None,
            },
        )?;
        let journey = journey::create_map(
            w,
            &NewJourney {
                name: "Refund journey".into(),
                state: None,
                persona_ids: Some(vec![persona.id]),
                review_months: None,
                starting_stages: Some(rootwise_core::settings::Language::En),
            },
        )?;
        let stage = journey::grid(w.tx(), journey.id)?.stages[3].stage.id;
        let tp = journey::add_touchpoint(
            w,
            &NewTouchpoint {
                stage_id: stage,
                name: "Refund form".into(),
                ..NewTouchpoint::default()
            },
        )?;
        journey::link_problem(w, tp.id, p0)?;
        Ok(())
    })
    .unwrap();
    let mut ws = vec![];
    for name in ["Workshop laptop", "Second laptop"] {
        let path = dir.path().join(format!("{name}.db"));
        copy_for_workshop(&team, &path, name).unwrap();
        ws.push(Workspace::open(&path).unwrap());
    }
    ws.insert(0, team);
    let ids = ws
        .iter()
        .map(|w| replica(w.conn()).unwrap().replica_id)
        .collect();
    let mut c = Copies {
        _dir: dir,
        ws,
        ids,
        captured_history: BTreeSet::new(),
        totals: Totals::default(),
    };
    // The history of the setup is the team's own.
    c.captured_history = history_ids(c.ws[0].conn());
    c
}

fn history_ids(conn: &Connection) -> BTreeSet<String> {
    let mut stmt = conn.prepare("SELECT id FROM history").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Rows of one kind, by id.
enum Kind {
    LiveProblem,
    TrashedProblem,
    Analysis,
    Why,
    TrashedWhy,
    Map,
    Note,
    TrashedNote,
    Action,
    TrashedAnalysis,
    TrashedAction,
    Answer,
    TrashedAnswer,
    Stage,
    TrashedStage,
    Touchpoint,
}

fn sql_of(kind: &Kind) -> &'static str {
    match kind {
        Kind::LiveProblem => "SELECT id FROM problems WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedProblem => "SELECT id FROM problems WHERE deleted_at IS NOT NULL ORDER BY id",
        Kind::Analysis => "SELECT id FROM analyses WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedAnalysis => "SELECT id FROM analyses WHERE deleted_at IS NOT NULL ORDER BY id",
        Kind::TrashedAction => "SELECT id FROM actions WHERE deleted_at IS NOT NULL ORDER BY id",
        Kind::Why => "SELECT id FROM why_nodes WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedWhy => "SELECT id FROM why_nodes WHERE deleted_at IS NOT NULL ORDER BY id",
        Kind::Map => "SELECT id FROM empathy_maps WHERE deleted_at IS NULL ORDER BY id",
        Kind::Note => "SELECT id FROM empathy_notes WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedNote => {
            "SELECT id FROM empathy_notes WHERE deleted_at IS NOT NULL ORDER BY id"
        }
        Kind::Action => "SELECT id FROM actions WHERE deleted_at IS NULL ORDER BY id",
        Kind::Answer => "SELECT id FROM survey_responses WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedAnswer => {
            "SELECT id FROM survey_responses WHERE deleted_at IS NOT NULL ORDER BY id"
        }
        Kind::Stage => "SELECT id FROM journey_stages WHERE deleted_at IS NULL ORDER BY id",
        Kind::TrashedStage => {
            "SELECT id FROM journey_stages WHERE deleted_at IS NOT NULL ORDER BY id"
        }
        Kind::Touchpoint => {
            "SELECT id FROM journey_touchpoints WHERE deleted_at IS NULL ORDER BY id"
        }
    }
}

fn ids_of(conn: &Connection, kind: &Kind) -> Vec<String> {
    let mut stmt = conn.prepare(sql_of(kind)).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

impl Copies {
    /// The `index`-th row of `kind` copy `r` has (and `also` has too).
    fn pick(&self, r: usize, also: Option<usize>, kind: &Kind, index: u8) -> Option<String> {
        let mut ids = ids_of(self.ws[r].conn(), kind);
        if let Some(o) = also {
            let other: BTreeSet<String> = ids_of(self.ws[o].conn(), kind).into_iter().collect();
            ids.retain(|id| other.contains(id));
        }
        if ids.is_empty() {
            None
        } else {
            Some(ids[usize::from(index) % ids.len()].clone())
        }
    }

    /// Runs `op` on copy `r` as the app would; an op the core refuses, or
    /// one with nothing to work on, changes nothing.
    fn write(&mut self, r: usize, also: Option<usize>, op: &Op) {
        let pick = |kind: Kind, i: u8| self.pick(r, also, &kind, i);
        let word = |i: u8| WORDS[usize::from(i) % WORDS.len()];
        let who = |i: u8| PEOPLE[usize::from(i) % PEOPLE.len()];
        let tags = |mask: u8| -> Vec<String> {
            TAGS.iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, t)| (*t).to_owned())
                .collect()
        };
        let edit = |p: u8, e: ProblemEdit| -> Option<Run> {
            let id: ProblemId = pick(Kind::LiveProblem, p)?.parse().unwrap();
            Some(Box::new(move |w| {
                workflow::edit_problem(w, id, &e).map(|_| ())
            }))
        };
        let run: Option<Run> = match op.clone() {
            Op::CreateProblem { words, tags: t } => {
                let title = format!("{} {}", word(words.0), word(words.1));
                let tags = tags(t);
                Some(Box::new(move |w| {
                    problem::create(
                        w,
                        &NewProblem {
                            title,
                            tags: Some(tags),
                            ..NewProblem::default()
                        },
                    )
                    .map(|_| ())
                }))
            }
            Op::Title { p, words } => edit(
                p,
                ProblemEdit::Title(format!("{} {}", word(words.0), word(words.1))),
            ),
            Op::Owner { p, who: o } => edit(p, ProblemEdit::Owner(who(o).into())),
            Op::Severity { p, s } => edit(
                p,
                ProblemEdit::Severity(Severity::ALL[usize::from(s) % Severity::ALL.len()]),
            ),
            Op::Status { p, s } => edit(
                p,
                ProblemEdit::Status(Status::ALL[usize::from(s) % Status::ALL.len()]),
            ),
            Op::Tags { p, tags: t } => edit(p, ProblemEdit::Tags(tags(t))),
            Op::DeleteProblem { p } => pick(Kind::LiveProblem, p).map(|id| -> Run {
                let id: ProblemId = id.parse().unwrap();
                Box::new(move |w| problem::delete(w, id))
            }),
            Op::RestoreProblem { p } => pick(Kind::TrashedProblem, p).map(|id| -> Run {
                let id: ProblemId = id.parse().unwrap();
                Box::new(move |w| problem::restore(w, id).map(|_| ()))
            }),
            Op::Occurrence { p, days_ago, note } => pick(Kind::LiveProblem, p).map(|id| -> Run {
                let id: ProblemId = id.parse().unwrap();
                let day = time::today_utc() - Duration::days(i64::from(days_ago));
                let note = NOTES[usize::from(note) % NOTES.len()].to_owned();
                Box::new(move |w| {
                    workflow::log_occurrence(
                        w,
                        id,
                        &NewOccurrence {
                            occurred_on: Some(day),
                            channel: None,
                            ticket_ref: Some(format!("ZD-{days_ago}")),
                            note: Some(note),
                        },
                    )
                    .map(|_| ())
                })
            }),
            Op::CreateAnalysis { p } => pick(Kind::LiveProblem, p).map(|id| -> Run {
                Box::new(move |w| {
                    analysis::create_analysis(
                        w,
                        &NewAnalysis {
                            problem_id: id,
                            title: "Why again".into(),
                            ..NewAnalysis::default()
                        },
                    )
                    .map(|_| ())
                })
            }),
            Op::AddWhy { at, child, word: t } => {
                let text = word(t).to_owned();
                if child {
                    pick(Kind::Why, at).map(|parent| -> Run {
                        Box::new(move |w| {
                            let node = analysis::get_why(w.tx(), parent.parse::<WhyId>()?)?;
                            workflow::add_why(
                                w,
                                node.analysis_id,
                                &NewWhy {
                                    parent_id: Some(parent),
                                    text,
                                    ..NewWhy::default()
                                },
                            )
                            .map(|_| ())
                        })
                    })
                } else {
                    pick(Kind::Analysis, at).map(|a| -> Run {
                        let a: AnalysisId = a.parse().unwrap();
                        Box::new(move |w| {
                            workflow::add_why(
                                w,
                                a,
                                &NewWhy {
                                    text,
                                    ..NewWhy::default()
                                },
                            )
                            .map(|_| ())
                        })
                    })
                }
            }
            Op::WhyText { n, word: t } => {
                let text = format!("{} cause", word(t));
                why_edit(pick(Kind::Why, n), WhyEdit::Text(text))
            }
            Op::WhyStatus { n, s } => why_edit(
                pick(Kind::Why, n),
                WhyEdit::Status(WhyStatus::ALL[usize::from(s) % WhyStatus::ALL.len()]),
            ),
            Op::WhyRoot { n, root } => why_edit(pick(Kind::Why, n), WhyEdit::RootCause(root)),
            Op::DeleteWhy { n } => pick(Kind::Why, n).map(|id| -> Run {
                let id: WhyId = id.parse().unwrap();
                Box::new(move |w| analysis::delete_why(w, id, false))
            }),
            Op::RestoreWhy { n } => pick(Kind::TrashedWhy, n).map(|id| -> Run {
                let id: WhyId = id.parse().unwrap();
                Box::new(move |w| workflow::restore_why(w, id).map(|_| ()))
            }),
            Op::CreateMap { p } => {
                let problem = p.and_then(|p| pick(Kind::LiveProblem, p));
                Some(Box::new(move |w| {
                    let persona: String = w.tx().query_row(
                        "SELECT id FROM personas WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
                        [],
                        |r| r.get(0),
                    )?;
                    empathy::create_map(
                        w,
                        &NewMap {
                            persona_id: persona,
                            title: "Another workshop".into(),
                            problem_id: problem,
                            held_on: None,
                            participants: Some(PEOPLE.iter().map(|p| (*p).to_owned()).collect()),
                            votes_per_person: Some(20),
                        },
                    )
                    .map(|_| ())
                }))
            }
            Op::AddNote { m, word: t } => pick(Kind::Map, m).map(|map| -> Run {
                let text = format!("{} note", word(t));
                Box::new(move |w| {
                    empathy::add_note(
                        w,
                        &NewNote {
                            map_id: map,
                            area: Area::ALL[usize::from(t) % Area::ALL.len()],
                            text,
                            colour: None,
                            author: None,
                            group_id: None,
                        },
                    )
                    .map(|_| ())
                })
            }),
            Op::Vote { n, who: v } => pick(Kind::Note, n).map(|note| -> Run {
                let note: NoteId = note.parse().unwrap();
                let voter = who(v).to_owned();
                Box::new(move |w| empathy::vote(w, note, &voter).map(|_| ()))
            }),
            Op::CreateAction { p, cause } => {
                let cause = cause.and_then(|c| pick(Kind::Why, c));
                pick(Kind::LiveProblem, p)
                    .map(|id| -> Run { Box::new(move |w| new_action(w, &id, "Fix it", cause)) })
            }
            Op::ActionStatus { a, s } => {
                let to = [
                    ActionStatus::Open,
                    ActionStatus::InProgress,
                    ActionStatus::Done,
                ][usize::from(s) % 3];
                action_edit(pick(Kind::Action, a), ActionEdit::Status(to))
            }
            Op::ActionCheck { a, effective } => action_edit(
                pick(Kind::Action, a),
                ActionEdit::Check {
                    result: if effective {
                        CheckResult::Effective
                    } else {
                        CheckResult::NotEffective
                    },
                    notes: "looked at the tickets".into(),
                },
            ),
            Op::CancelAction { a } => action_edit(
                pick(Kind::Action, a),
                ActionEdit::Cancel {
                    reason: "not needed".into(),
                },
            ),
            Op::References { p, refs } => edit(
                p,
                ProblemEdit::References(
                    ["ZD-1", "ZD-2", "ZD-3"]
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| refs & (1 << i) != 0)
                        .map(|(_, r)| (*r).to_owned())
                        .collect(),
                ),
            ),
            Op::MergeProblems { dup, into } => {
                let dup = pick(Kind::LiveProblem, dup);
                let into = pick(Kind::LiveProblem, into);
                dup.zip(into).map(|(dup, into)| -> Run {
                    let (dup, into): (ProblemId, ProblemId) =
                        (dup.parse().unwrap(), into.parse().unwrap());
                    Box::new(move |w| workflow::merge(w, dup, into).map(|_| ()))
                })
            }
            Op::LinkPersona { p } => pick(Kind::LiveProblem, p).map(|id| -> Run {
                let id: ProblemId = id.parse().unwrap();
                Box::new(move |w| {
                    let persona: PersonaId = w.tx().query_row(
                        "SELECT id FROM personas WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
                        [],
                        |r| r.get(0),
                    )?;
                    persona::link_problem(w, persona, id)
                })
            }),
            Op::Unvote { n, who: v } => pick(Kind::Note, n).map(|note| -> Run {
                let note: NoteId = note.parse().unwrap();
                let voter = who(v).to_owned();
                Box::new(move |w| empathy::unvote(w, note, &voter).map(|_| ()))
            }),
            Op::NoteText { n, word: t } => note_edit(
                pick(Kind::Note, n),
                NoteEdit::Text(format!("{} note", word(t))),
            ),
            Op::NoteMove { n, area } => note_edit(
                pick(Kind::Note, n),
                NoteEdit::Move {
                    area: Area::ALL[usize::from(area) % Area::ALL.len()],
                    before: None,
                },
            ),
            Op::NoteCause { n, cause } => {
                let causes = cause.and_then(|c| pick(Kind::Why, c)).into_iter().collect();
                note_edit(pick(Kind::Note, n), NoteEdit::CauseIds(causes))
            }
            Op::DeleteNote { n } => pick(Kind::Note, n).map(|id| -> Run {
                let id: NoteId = id.parse().unwrap();
                Box::new(move |w| empathy::delete_note(w, id))
            }),
            Op::RestoreNote { n } => pick(Kind::TrashedNote, n).map(|id| -> Run {
                let id: NoteId = id.parse().unwrap();
                Box::new(move |w| empathy::restore_note(w, id).map(|_| ()))
            }),
            Op::ActionCause { a, cause } => {
                let causes = cause.and_then(|c| pick(Kind::Why, c)).into_iter().collect();
                action_edit(pick(Kind::Action, a), ActionEdit::CauseIds(causes))
            }
            Op::DeleteAction { a } => pick(Kind::Action, a).map(|id| -> Run {
                let id: ActionId = id.parse().unwrap();
                Box::new(move |w| action::delete(w, id))
            }),
            Op::AddAnswer { p, score } => {
                let problem_id: Option<ProblemId> = p
                    .and_then(|p| pick(Kind::LiveProblem, p))
                    .map(|id| id.parse().unwrap());
                Some(Box::new(move |w| {
                    metrics::add_response(w, &answer_input(score, problem_id)).map(|_| ())
                }))
            }
            Op::AnswerScore { a, score } => pick(Kind::Answer, a).map(|id| -> Run {
                let id: ResponseId = id.parse().unwrap();
                Box::new(move |w| {
                    let r = metrics::get_response(w.tx(), id)?;
                    let top = if r.kind == SurveyKind::Nps { 11 } else { 5 };
                    let low = u8::from(r.kind != SurveyKind::Nps);
                    let input = ResponseInput {
                        kind: r.kind,
                        score: low + score % top,
                        ces_scale: r.ces_scale,
                        ces_easy: r.ces_easy,
                        responded_on: r.responded_on,
                        channel: r.channel,
                        comment: Some(r.comment),
                        ticket_ref: Some(r.ticket_ref),
                        customer: Some(r.customer),
                        problem_id: r.problem_id,
                        touchpoint_id: None,
                    };
                    metrics::edit_response(w, id, &input).map(|_| ())
                })
            }),
            Op::DeleteAnswer { a } => pick(Kind::Answer, a).map(|id| -> Run {
                let id: ResponseId = id.parse().unwrap();
                Box::new(move |w| metrics::delete_response(w, id))
            }),
            Op::RestoreAnswer { a } => pick(Kind::TrashedAnswer, a).map(|id| -> Run {
                let id: ResponseId = id.parse().unwrap();
                Box::new(move |w| metrics::restore_response(w, id).map(|_| ()))
            }),
            Op::RestoreAction { a } => pick(Kind::TrashedAction, a).map(|id| -> Run {
                let id: ActionId = id.parse().unwrap();
                Box::new(move |w| action::restore(w, id).map(|_| ()))
            }),
            Op::DeleteAnalysis { a } => pick(Kind::Analysis, a).map(|id| -> Run {
                let id: AnalysisId = id.parse().unwrap();
                Box::new(move |w| analysis::delete_analysis(w, id))
            }),
            Op::RestoreAnalysis { a } => pick(Kind::TrashedAnalysis, a).map(|id| -> Run {
                let id: AnalysisId = id.parse().unwrap();
                Box::new(move |w| analysis::restore_analysis(w, id).map(|_| ()))
            }),
            Op::AddTouchpoint { s, word: t } => pick(Kind::Stage, s).map(|id| -> Run {
                let stage: StageId = id.parse().unwrap();
                let name = format!("{} desk", word(t));
                Box::new(move |w| {
                    journey::add_touchpoint(
                        w,
                        &NewTouchpoint {
                            stage_id: stage,
                            name,
                            ..NewTouchpoint::default()
                        },
                    )
                    .map(|_| ())
                })
            }),
            Op::TouchpointEmotion { t, e } => pick(Kind::Touchpoint, t).map(|id| -> Run {
                let id: TouchpointId = id.parse().unwrap();
                let e = (e % 5) as i8 - 2;
                Box::new(move |w| {
                    journey::edit_touchpoint(w, id, &TouchpointEdit::EmotionCurrent(Some(e)))
                        .map(|_| ())
                })
            }),
            Op::MoveStage { s, before } => {
                let id: Option<StageId> = pick(Kind::Stage, s).map(|x| x.parse().unwrap());
                let before: Option<StageId> = pick(Kind::Stage, before).map(|x| x.parse().unwrap());
                id.map(|id| -> Run {
                    Box::new(move |w| journey::move_stage(w, id, before).map(|_| ()))
                })
            }
            Op::DeleteStage { s } => pick(Kind::Stage, s).map(|id| -> Run {
                let id: StageId = id.parse().unwrap();
                Box::new(move |w| journey::delete_stage(w, id, true))
            }),
            Op::RestoreStage { s } => pick(Kind::TrashedStage, s).map(|id| -> Run {
                let id: StageId = id.parse().unwrap();
                Box::new(move |w| journey::restore_stage(w, id).map(|_| ()))
            }),
            Op::LinkTouchpoint { t, p } => {
                let tp: Option<TouchpointId> =
                    pick(Kind::Touchpoint, t).map(|x| x.parse().unwrap());
                let problem: Option<ProblemId> =
                    pick(Kind::LiveProblem, p).map(|x| x.parse().unwrap());
                tp.zip(problem).map(|(tp, problem)| -> Run {
                    Box::new(move |w| journey::link_problem(w, tp, problem))
                })
            }
            Op::AddCard { s, word: t } => pick(Kind::Stage, s).map(|id| -> Run {
                let stage: StageId = id.parse().unwrap();
                let text = format!("{} takes too long", word(t));
                let lane = Lane::ALL[usize::from(t) % Lane::ALL.len()];
                Box::new(move |w| journey::add_card(w, stage, lane, &text).map(|_| ()))
            }),
            Op::Evidence { n, word: t } => pick(Kind::Why, n).map(|id| -> Run {
                let id: WhyId = id.parse().unwrap();
                let note = format!("{} evidence", word(t));
                Box::new(move |w| {
                    analysis::add_evidence(
                        w,
                        id,
                        &NewEvidence {
                            note,
                            reference: "ZD-7".into(),
                        },
                    )
                    .map(|_| ())
                })
            }),
        };
        let Some(run) = run else { return };
        let before: i64 = self.ws[r]
            .conn()
            .query_row("SELECT coalesce(max(rowid), 0) FROM history", [], |x| {
                x.get(0)
            })
            .unwrap();
        match self.ws[r].write(PEOPLE[r], run) {
            Ok(_) => {
                self.totals.writes += 1;
                let mut stmt = self.ws[r]
                    .conn()
                    .prepare("SELECT id FROM history WHERE rowid > ?1")
                    .unwrap();
                let new: Vec<String> = stmt
                    .query_map([before], |x| x.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                self.captured_history.extend(new);
            }
            Err(_) => self.totals.refused += 1,
        }
    }

    /// Copy `from` sends copy `to` what it has not seen; `to` merges it.
    fn exchange(
        &mut self,
        via: &mut dyn Exchange,
        from: usize,
        to: usize,
    ) -> Result<(), TestCaseError> {
        let summaries = via
            .exchange(&mut self.ws, from, to, PEOPLE)
            .map_err(|e| TestCaseError::fail(format!("from {from} to {to}: {e:?}")))?;
        for s in &summaries {
            self.totals.add(s);
        }
        Ok(())
    }
}

type Run = Box<dyn FnOnce(&mut Writer<'_>) -> rootwise_core::Result<()>>;

fn why_edit(id: Option<String>, edit: WhyEdit) -> Option<Run> {
    let id: WhyId = id?.parse().unwrap();
    Some(Box::new(move |w| {
        workflow::edit_why(w, id, &edit).map(|_| ())
    }))
}

fn note_edit(id: Option<String>, edit: NoteEdit) -> Option<Run> {
    let id: NoteId = id?.parse().unwrap();
    Some(Box::new(move |w| {
        empathy::edit_note(w, id, &edit).map(|_| ())
    }))
}

fn action_edit(id: Option<String>, edit: ActionEdit) -> Option<Run> {
    let id = id?.parse().unwrap();
    Some(Box::new(move |w| {
        workflow::edit_action(w, id, &edit).map(|_| ())
    }))
}

/// Every replicated table's rows, as text, sorted: equal dumps, equal work.
fn dump(conn: &Connection) -> Vec<(String, Vec<String>)> {
    rootwise_core::sync::canonical_dump(conn).unwrap()
}

/// The first difference between two dumps, for the failure message.
fn first_difference(a: &[(String, Vec<String>)], b: &[(String, Vec<String>)]) -> Option<String> {
    for ((table, x), (_, y)) in a.iter().zip(b) {
        let only_x: Vec<&String> = x.iter().filter(|r| !y.contains(r)).collect();
        let only_y: Vec<&String> = y.iter().filter(|r| !x.contains(r)).collect();
        if !only_x.is_empty() || !only_y.is_empty() {
            return Some(format!(
                "{table}:\n  only in the first:  {only_x:#?}\n  only in the second: {only_y:#?}"
            ));
        }
    }
    None
}

/// Rows breaking a rule, as text (empty when the rule holds).
fn violations(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| {
        (0..columns)
            .map(|i| r.get::<_, Value>(i).map(|v| format!("{v:?}")))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map(|v| v.join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// What the core derives is what it would derive from the rows now.
fn check_derived(conn: &Connection, who: usize) -> Result<(), TestCaseError> {
    let rules = [
        (
            "occurrence counts and first/last seen",
            "SELECT p.id, p.occurrence_count, p.first_seen, p.last_seen FROM problems p
             WHERE p.occurrence_count <> 1 + (SELECT count(*) FROM occurrences o WHERE o.problem_id = p.id)
                OR p.first_seen <> min(p.reported_on, coalesce((SELECT min(occurred_on) FROM occurrences o WHERE o.problem_id = p.id), p.reported_on))
                OR p.last_seen <> max(p.reported_on, coalesce((SELECT max(occurred_on) FROM occurrences o WHERE o.problem_id = p.id), p.reported_on))",
        ),
        (
            "tag rows copy their problem",
            "SELECT t.problem_id, t.tag FROM problem_tags t JOIN problems p ON p.id = t.problem_id
             WHERE t.deleted_at IS NOT p.deleted_at OR t.reported_on <> p.reported_on
                OR t.status_rank <> p.status_rank OR t.severity_rank <> p.severity_rank
                OR t.channel IS NOT p.channel OR t.owner <> p.owner",
        ),
        (
            "actions know whether their problem is in the trash",
            "SELECT a.id, a.problem_trashed FROM actions a JOIN problems p ON p.id = a.problem_id
             WHERE a.problem_trashed <> (p.deleted_at IS NOT NULL)",
        ),
        ("foreign keys", "SELECT * FROM pragma_foreign_key_check"),
        (
            "the journey pain counts are the linked live problems counted",
            include_str!("pain_drift.sql"),
        ),
        (
            "the daily counts of survey answers are the live answers counted",
            "WITH fresh_daily AS (
                SELECT coalesce(channel, ''), responded_on, kind, coalesce(ces_scale, 0),
                       coalesce(ces_easy, ''), score, count(*)
                FROM survey_responses WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6)
             SELECT * FROM (SELECT channel, day, kind, ces_scale, ces_easy, score, n
                            FROM survey_daily WHERE n <> 0
                            EXCEPT SELECT * FROM fresh_daily)
             UNION ALL
             SELECT * FROM (SELECT * FROM fresh_daily
                            EXCEPT SELECT channel, day, kind, ces_scale, ces_easy, score, n
                            FROM survey_daily WHERE n <> 0)",
        ),
    ];
    for (rule, sql) in rules {
        let bad = violations(conn, sql);
        prop_assert!(bad.is_empty(), "copy {who}: {rule}: {bad:#?}");
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    prop_assert_eq!(integrity, "ok", "copy {}", who);
    Ok(())
}

/// What search finds for `word`, as a set (ties in rank sort by rowid,
/// which differs between copies).
fn found(conn: &Connection, word: &str) -> BTreeSet<(String, String)> {
    search::search(conn, word, 10_000)
        .unwrap()
        .into_iter()
        .map(|h| (h.entity, h.id))
        .collect()
}

/// A survey answer from a random byte: NPS, CSAT or CES on five points.
fn answer_input(score: u8, problem_id: Option<ProblemId>) -> ResponseInput {
    let (kind, score) = match score % 3 {
        0 => (SurveyKind::Nps, score % 11),
        1 => (SurveyKind::Csat, 1 + score % 5),
        _ => (SurveyKind::Ces, 1 + score % 5),
    };
    let ces = kind == SurveyKind::Ces;
    ResponseInput {
        kind,
        score,
        ces_scale: ces.then_some(5),
        ces_easy: ces.then_some(CesEasy::High),
        responded_on: time::today_utc() - Duration::days(i64::from(score % 3)),
        channel: None,
        comment: None,
        ticket_ref: None,
        customer: None,
        problem_id,
        touchpoint_id: None,
    }
}

pub fn run_case(
    steps: &[Step],
    totals: &mut Totals,
    via: &mut dyn Exchange,
) -> Result<(), TestCaseError> {
    let mut c = copies();
    via.start(&c.ws);
    for step in steps {
        match step {
            Step::Write { r, op } => c.write(usize::from(*r), None, op),
            Step::Both { a, b, ops } => {
                let (a, b) = (usize::from(*a), usize::from(*b));
                c.write(a, Some(b), &ops.0);
                c.write(b, Some(a), &ops.1);
            }
            Step::Exchange { from, to } => c.exchange(via, usize::from(*from), usize::from(*to))?,
        }
    }
    // Until quiescent: every copy sends every other one what it has not
    // seen, twice round.
    for _ in 0..2 {
        for from in 0..COPIES {
            for to in 0..COPIES {
                if from != to {
                    c.exchange(via, from, to)?;
                }
            }
        }
    }
    totals.plus(&c.totals);

    // What each copy derives first: a copy whose counters are off says
    // which side of a difference is wrong.
    for (r, w) in c.ws.iter().enumerate() {
        check_derived(w.conn(), r)?;
    }
    let dumps: Vec<_> = c.ws.iter().map(|w| dump(w.conn())).collect();
    for (r, d) in dumps.iter().enumerate().skip(1) {
        if let Some(diff) = first_difference(&dumps[0], d) {
            return Err(TestCaseError::fail(format!(
                "copies 0 and {r} differ: {diff}"
            )));
        }
    }
    let logs: Vec<BTreeSet<String>> =
        c.ws.iter()
            .map(|w| {
                let mut stmt = w.conn().prepare("SELECT hlc FROM change_log").unwrap();
                stmt.query_map([], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            })
            .collect();
    for (r, log) in logs.iter().enumerate() {
        prop_assert_eq!(log, &logs[0], "copy {} holds other changes than copy 0", r);
    }
    for (r, w) in c.ws.iter().enumerate() {
        let history = history_ids(w.conn());
        let missing: Vec<&String> = c.captured_history.difference(&history).collect();
        prop_assert!(
            missing.is_empty(),
            "copy {r} lacks history entries {missing:?}"
        );
        check_derived(w.conn(), r)?;
    }
    for word in WORDS.iter().chain(["cause", "note", "evidence"].iter()) {
        let hits: Vec<_> = c.ws.iter().map(|w| found(w.conn(), word)).collect();
        for (r, h) in hits.iter().enumerate() {
            prop_assert_eq!(
                h,
                &hits[0],
                "search for {:?}: copy {} differs from copy 0",
                word,
                r
            );
        }
        // And they are right: the live problems whose text (title, tags,
        // references, reports: what the core indexes) has a word starting
        // with it.
        let expected: BTreeSet<(String, String)> = {
            let conn = c.ws[0].conn();
            let mut stmt = conn
                .prepare(
                    "SELECT p.id, p.title || ' ' || p.description || ' ' || p.customer || ' ' ||
                        coalesce((SELECT group_concat(tag, ' ') FROM problem_tags WHERE problem_id = p.id), '') || ' ' ||
                        coalesce((SELECT group_concat(reference, ' ') FROM problem_refs WHERE problem_id = p.id), '') || ' ' ||
                        coalesce((SELECT group_concat(ticket_ref || ' ' || note, ' ') FROM occurrences WHERE problem_id = p.id), '')
                     FROM problems p WHERE p.deleted_at IS NULL",
                )
                .unwrap();
            let wanted = search::normalize(word);
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .filter(|(_, text)| {
                    search::normalize(text)
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|token| token.starts_with(&wanted))
                })
                .map(|(id, _)| ("problem".to_owned(), id))
                .collect()
        };
        let problems: BTreeSet<_> = hits[0]
            .iter()
            .filter(|(e, _)| e == "problem")
            .cloned()
            .collect();
        prop_assert_eq!(problems, expected, "search for {:?} on copy 0", word);
    }
    Ok(())
}

/// How copies send each other their changes: change files, or a hub.
pub trait Exchange {
    /// Called once a case's copies exist, before any step.
    fn start(&mut self, _copies: &[Workspace]) {}
    /// Copy `from` sends copy `to` what it has not seen and `to` merges it
    /// (as `people[to]`); what each merge did.
    fn exchange(
        &mut self,
        copies: &mut [Workspace],
        from: usize,
        to: usize,
        people: &[&str],
    ) -> rootwise_core::Result<Vec<MergeSummary>>;
}
