//! Sample workspaces for the report's tests and benchmark, written through
//! rootwise-core like the app writes them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use rootwise_core::action::{ActionEdit, ActionKind, ActionStatus, CheckResult, NewAction};
use rootwise_core::analysis::{
    self, CauseCategory, NewAnalysis, NewEvidence, NewWhy, WhyEdit, WhyStatus,
};
use rootwise_core::empathy::{self, Area, NewMap, NewNote, NoteEdit};
use rootwise_core::ids::{AnalysisId, ProblemId, WhyId};
use rootwise_core::persona::{self, NewPersona, QuoteInput, QuoteSource};
use rootwise_core::problem::{
    self, Channel, NewOccurrence, NewProblem, ProblemEdit, Severity, Status,
};
use rootwise_core::store::Writer;
use rootwise_core::{time, workflow, Workspace};

pub fn today() -> NaiveDate {
    time::today_utc()
}

/// Text a user might type that must print as written.
pub const HOSTILE: &[&str] = &[
    "#set page(width: 1cm)",
    "]",
    "<script>alert(1)</script>",
    "$x$",
    "*bold*",
    r"back\slash",
];

/// One cause to add: text, status, root cause, evidence, children.
pub struct Cause {
    pub text: &'static str,
    pub status: WhyStatus,
    pub root: bool,
    pub evidence: Option<(&'static str, &'static str)>,
    pub children: Vec<Cause>,
}

pub fn cause(text: &'static str, status: WhyStatus) -> Cause {
    Cause {
        text,
        status,
        root: false,
        evidence: None,
        children: Vec::new(),
    }
}

pub fn root(
    text: &'static str,
    status: WhyStatus,
    evidence: Option<(&'static str, &'static str)>,
) -> Cause {
    Cause {
        text,
        status,
        root: true,
        evidence,
        children: Vec::new(),
    }
}

impl Cause {
    pub fn with(mut self, children: Vec<Cause>) -> Self {
        self.children = children;
        self
    }
}

pub fn add_causes(
    w: &mut Writer<'_>,
    a: AnalysisId,
    parent: Option<WhyId>,
    causes: &[Cause],
    out: &mut Vec<(WhyId, &'static str)>,
) {
    for c in causes {
        let n = workflow::add_why(
            w,
            a,
            &NewWhy {
                parent_id: parent.map(|p| p.to_string()),
                text: c.text.into(),
                category: c.root.then_some(CauseCategory::Process),
                ..NewWhy::default()
            },
        )
        .unwrap();
        if let Some((note, reference)) = c.evidence {
            analysis::add_evidence(
                w,
                n.id,
                &NewEvidence {
                    note: note.into(),
                    reference: reference.into(),
                },
            )
            .unwrap();
        }
        if c.root {
            workflow::edit_why(w, n.id, &WhyEdit::RootCause(true)).unwrap();
        }
        if c.status != WhyStatus::Hypothesis {
            workflow::edit_why(w, n.id, &WhyEdit::Status(c.status)).unwrap();
        }
        out.push((n.id, c.text));
        add_causes(w, a, Some(n.id), &c.children, out);
    }
}

/// An action to add: kind, title, owner, how far it got.
pub struct Act {
    pub kind: ActionKind,
    pub title: &'static str,
    pub owner: &'static str,
    pub due_in: i64,
    /// 0 open, 1 in progress, 2 done, 3 verified effective.
    pub progress: u8,
}

pub fn add_action(w: &mut Writer<'_>, problem: ProblemId, a: &Act) {
    let created = rootwise_core::action::create(
        w,
        &NewAction {
            problem_id: problem.to_string(),
            title: a.title.into(),
            kind: a.kind,
            owner: Some(a.owner.into()),
            due_on: Some(today() + Duration::days(a.due_in.max(0))),
            check_method: Some("Count reports for four weeks after the change".into()),
            description: None,
            cause_ids: None,
            priority: None,
        },
    )
    .unwrap();
    let mut steps = Vec::new();
    if a.progress >= 1 {
        steps.push(ActionEdit::Status(ActionStatus::InProgress));
    }
    if a.progress >= 2 {
        steps.push(ActionEdit::Status(ActionStatus::Done));
    }
    if a.progress >= 3 {
        steps.push(ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "No report since the change".into(),
        });
    }
    for s in steps {
        workflow::edit_action(w, created.id, &s).unwrap();
    }
}

/// The problem, its analysis and the texts a test looks for.
pub struct Sample {
    pub problem: ProblemId,
    pub title: &'static str,
    pub root_causes: Vec<&'static str>,
    pub owners: Vec<&'static str>,
}

pub struct Spec {
    pub title: &'static str,
    pub description: &'static str,
    pub analysis: &'static str,
    pub causes: Vec<Cause>,
    pub actions: Vec<Act>,
}

fn roots(causes: &[Cause], out: &mut Vec<&'static str>) {
    for c in causes {
        if c.root {
            out.push(c.text);
        }
        roots(&c.children, out);
    }
}

/// Writes one problem with its reports, analysis and actions.
pub fn write_problem(ws: &mut Workspace, spec: &Spec) -> Sample {
    let problem = ws
        .write("Huda", |w| {
            let p = problem::create(
                w,
                &NewProblem {
                    title: spec.title.into(),
                    description: Some(spec.description.into()),
                    channel: Some(Channel::Email),
                    severity: Some(Severity::High),
                    owner: Some("Huda Karim".into()),
                    references: Some(vec!["ZD-4312".into(), "ZD-4410".into()]),
                    customers_affected: Some(140),
                    reported_on: Some(today() - Duration::days(70)),
                    ..NewProblem::default()
                },
            )?;
            for days in [66, 60, 59, 52, 45, 44, 43, 30, 22, 9, 2] {
                workflow::log_occurrence(
                    w,
                    p.id,
                    &NewOccurrence {
                        occurred_on: Some(today() - Duration::days(days)),
                        ticket_ref: Some(format!("ZD-{}", 5000 + days)),
                        ..NewOccurrence::default()
                    },
                )?;
            }
            workflow::edit_problem(w, p.id, &ProblemEdit::Status(Status::Investigating))?;
            Ok(p.id)
        })
        .unwrap()
        .value;
    ws.write("Huda", |w| {
        let a = analysis::create_analysis(
            w,
            &NewAnalysis {
                problem_id: problem.to_string(),
                title: spec.analysis.into(),
                facilitator: Some("Huda Karim".into()),
                ..NewAnalysis::default()
            },
        )?;
        let mut added = Vec::new();
        add_causes(w, a.id, None, &spec.causes, &mut added);
        for act in &spec.actions {
            add_action(w, problem, act);
        }
        Ok(())
    })
    .unwrap();
    let mut root_causes = Vec::new();
    roots(&spec.causes, &mut root_causes);
    let mut owners = Vec::new();
    for kind in ActionKind::ALL {
        owners.extend(
            spec.actions
                .iter()
                .filter(|a| a.kind == *kind)
                .map(|a| a.owner),
        );
    }
    Sample {
        problem,
        title: spec.title,
        root_causes,
        owners,
    }
}

/// Links a persona with quotes and an empathy map's notes to `problem`.
pub fn add_people(ws: &mut Workspace, problem: ProblemId, root: Option<WhyId>) {
    ws.write("Huda", |w| {
        let p = persona::create(
            w,
            &NewPersona {
                name: "نادية، صاحبة متجر صغير".into(),
                role: Some("Shop owner".into()),
                segment: Some("Small business".into()),
                ..NewPersona::default()
            },
        )?;
        persona::add_quote(
            w,
            p.id,
            &QuoteInput {
                text: "لم يصلني أي بريد يؤكد أن المبلغ أُعيد، فاتصلت ثلاث مرات".into(),
                source: QuoteSource::SupportTicket,
                reference: Some("ZD-4312".into()),
                said_on: today() - Duration::days(20),
            },
        )?;
        persona::add_quote(
            w,
            p.id,
            &QuoteInput {
                text: "I stopped trusting the refund page ] after the second call".into(),
                source: QuoteSource::Interview,
                reference: None,
                said_on: today() - Duration::days(12),
            },
        )?;
        persona::link_problem(w, p.id, problem)?;
        let m = empathy::create_map(
            w,
            &NewMap {
                persona_id: p.id.to_string(),
                title: "Refund workshop".into(),
                problem_id: Some(problem.to_string()),
                held_on: None,
                participants: None,
                votes_per_person: None,
            },
        )?;
        for (area, text) in [
            (Area::Feels, "تشعر بالقلق عندما لا تصل رسالة التأكيد"),
            (Area::Says, "Where is my money? <b>now</b>"),
        ] {
            let n = empathy::add_note(
                w,
                &NewNote {
                    map_id: m.id.to_string(),
                    area,
                    text: text.into(),
                    colour: None,
                    author: Some("Huda".into()),
                    group_id: None,
                },
            )?;
            empathy::edit_note(w, n.id, &NoteEdit::Problem(Some(problem.to_string())))?;
            if let Some(r) = root {
                empathy::edit_note(w, n.id, &NoteEdit::CauseIds(vec![r.to_string()]))?;
            }
        }
        Ok(())
    })
    .unwrap();
}

/// The English sample, with hostile text in its description and causes.
pub fn english(ws: &mut Workspace) -> Sample {
    use WhyStatus::*;
    let spec = Spec {
        title: "Refund confirmations never reach customers",
        description: "Customers ask twice. Typed by a user: #set page(width: 1cm) ] <script>alert(1)</script> $x$ *bold* back\\slash",
        analysis: "Why do confirmations go missing?",
        causes: vec![
            cause("Confirmation emails wait behind marketing mail", Confirmed).with(vec![root(
                "The mail queue has one priority for every message <script>alert(1)</script>",
                Confirmed,
                Some(("Queue log shows a 40 minute delay", "OPS-12")),
            )]),
            cause("Customers mistype their address", RuledOut),
            cause("The form shows $x$ instead of the amount", Hypothesis).with(vec![root(
                "#set page(width: 1cm) ] *bold* is stored as the template",
                Hypothesis,
                None,
            )]),
        ],
        actions: vec![
            Act { kind: ActionKind::Preventive, title: "Escape every template field", owner: "Grace O'Neil", due_in: 20, progress: 0 },
            Act { kind: ActionKind::Containment, title: "Send confirmations by SMS", owner: "Layla Haddad", due_in: -10, progress: 2 },
            Act { kind: ActionKind::Corrective, title: "Give transactional mail its own queue", owner: "Omar Said", due_in: -3, progress: 3 },
        ],
    };
    write_problem(ws, &spec)
}

/// The Arabic sample.
pub fn arabic(ws: &mut Workspace) -> Sample {
    use WhyStatus::*;
    let spec = Spec {
        title: "تصل رسائل تأكيد الاسترداد متأخرة إلى العملاء",
        description:
            "يتصل العملاء مرتين أو ثلاثًا ليسألوا عن المبلغ المسترد، لأن رسالة التأكيد لا تصل في يومها.",
        analysis: "لماذا تتأخر رسائل التأكيد؟",
        causes: vec![
            cause("تنتظر رسائل التأكيد خلف الرسائل التسويقية", Confirmed).with(vec![root(
                "لا توجد أولوية خاصة للرسائل التي تخص المعاملات",
                Confirmed,
                Some(("سجل قائمة الانتظار يبين تأخيرًا قدره أربعون دقيقة", "OPS-12")),
            )]),
            cause("يكتب العملاء عناوينهم خطأ", RuledOut),
            cause("لا يعرف الموظفون متى يرسل النظام التأكيد", Hypothesis).with(vec![root(
                "لم يتضمن تدريب الموظفين الجدد خطوات الاسترداد",
                Hypothesis,
                None,
            )]),
        ],
        actions: vec![
            Act {
                kind: ActionKind::Corrective,
                title: "فصل رسائل المعاملات في قائمة انتظار خاصة",
                owner: "عمر سعيد",
                due_in: -3,
                progress: 3,
            },
            Act {
                kind: ActionKind::Containment,
                title: "إرسال التأكيد برسالة نصية",
                owner: "ليلى حداد",
                due_in: -10,
                progress: 2,
            },
            Act {
                kind: ActionKind::Preventive,
                title: "إضافة خطوات الاسترداد إلى تدريب الموظفين",
                owner: "سارة منصور",
                due_in: 25,
                progress: 1,
            },
        ],
    };
    write_problem(ws, &spec)
}

const WORDS: &[&str] = &[
    "the",
    "refund",
    "form",
    "queue",
    "agent",
    "customer",
    "waits",
    "because",
    "policy",
    "training",
    "تأكيد",
    "المبلغ",
    "العميل",
    "الموظف",
    "الانتظار",
];

pub fn sentence(i: usize, n: usize) -> String {
    (0..n)
        .map(|k| WORDS[(i * 7 + k * 3) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A problem with a tree of `causes` causes (three per parent, every
/// fifth leaf a confirmed root cause with evidence) and `actions` actions.
pub fn problem_with(
    ws: &mut Workspace,
    n: usize,
    causes: usize,
    actions: usize,
    close: bool,
) -> ProblemId {
    ws.write("Bench", |w| {
        let p = problem::create(
            w,
            &NewProblem {
                title: format!("Problem {n}: {}", sentence(n, 8)),
                description: Some(sentence(n + 1, 40)),
                ..NewProblem::default()
            },
        )?;
        let a = analysis::create_analysis(
            w,
            &NewAnalysis {
                problem_id: p.id.to_string(),
                title: sentence(n, 5),
                ..NewAnalysis::default()
            },
        )?;
        let mut ids = Vec::with_capacity(causes);
        for i in 0..causes {
            let parent = if i == 0 { None } else { Some(ids[(i - 1) / 3]) };
            let node = workflow::add_why(
                w,
                a.id,
                &NewWhy {
                    parent_id: parent.map(|p: rootwise_core::ids::WhyId| p.to_string()),
                    text: sentence(i, 6 + i % 9),
                    ..NewWhy::default()
                },
            )?;
            ids.push(node.id);
        }
        for (i, id) in ids.iter().enumerate() {
            if 3 * i + 1 >= causes && i % 5 == 0 {
                analysis::add_evidence(
                    w,
                    *id,
                    &NewEvidence {
                        note: sentence(i, 6),
                        reference: format!("T-{i}"),
                    },
                )?;
                workflow::edit_why(w, *id, &WhyEdit::RootCause(true))?;
                workflow::edit_why(w, *id, &WhyEdit::Status(WhyStatus::Confirmed))?;
            }
        }
        for i in 0..actions {
            add_action(
                w,
                p.id,
                &Act {
                    kind: ActionKind::ALL[i % 3],
                    title: Box::leak(sentence(i, 6).into_boxed_str()),
                    owner: ["Layla Haddad", "Omar Said", "سارة منصور"][i % 3],
                    due_in: i as i64 - 10,
                    progress: if close { 3 } else { (i % 4) as u8 },
                },
            );
        }
        if close {
            problem::close_with_reason(w, p.id, "Monthly review")?;
        }
        Ok(p.id)
    })
    .unwrap()
    .value
}
