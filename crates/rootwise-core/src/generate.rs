//! Synthetic workspaces for benchmarks and performance work: problems with
//! realistic, bilingual titles, every field filled, and occurrences, made
//! deterministically from a seed through the same write path as the app.

use chrono::Duration;

use crate::error::Result;
use crate::problem::{self, Channel, NewOccurrence, NewProblem, Severity};
use crate::store::Workspace;
use crate::{time, workflow};

/// Problem title fragments: what goes wrong, and where.
const WHAT: &[&str] = &[
    "Refund not received after cancellation",
    "Password reset email never arrives",
    "Invoice shows the wrong VAT amount",
    "Courier marked the parcel delivered but it never came",
    "Chat agent closed the conversation without an answer",
    "App logs the customer out after every update",
    "لم يصل المبلغ المسترد بعد إلغاء الطلب",
    "رسالة إعادة تعيين كلمة المرور لا تصل",
    "الفاتورة تعرض قيمة ضريبة خاطئة",
    "المندوب أغلق المحادثة دون رد واضح",
    "التطبيق يسجّل خروج العميل بعد كل تحديث",
    "انتظار طويل على الهاتف قبل الوصول إلى موظف",
];
const WHERE: &[&str] = &[
    "mobile app",
    "web checkout",
    "phone line",
    "branch visit",
    "تطبيق الجوال",
    "الموقع الإلكتروني",
    "خدمة الهاتف",
    "زيارة الفرع",
];
const OWNERS: &[&str] = &[
    "Omar Haddad",
    "Lina Mansour",
    "ريم الحربي",
    "سارة العتيبي",
    "خالد المطيري",
    "",
];
const TAGS: &[&str] = &[
    "billing",
    "delivery",
    "login",
    "refunds",
    "فواتير",
    "تسجيل الدخول",
    "شحن",
    "chat",
];
const NOTES: &[&str] = &[
    "Customer called again",
    "Escalated by the team lead",
    "اتصل العميل مرة أخرى",
    "شكوى جديدة بالموضوع نفسه",
    "",
];

/// A small deterministic generator (SplitMix64); benchmarks need the same
/// workspace every run, not cryptographic randomness.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// One of `items`, which the callers here never pass empty.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Adds `count` synthetic problems with about `occurrences_per_problem`
/// occurrences each, in batches, through the same write path as the app
/// (history and search index included).
pub fn problems_with(
    ws: &mut Workspace,
    count: u32,
    occurrences_per_problem: u32,
    seed: u64,
) -> Result<()> {
    const BATCH: u32 = 2_000;
    let mut rng = SplitMix(seed);
    let today = time::today_utc();
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        ws.write("Rootwise generator", |w| {
            for i in 0..n {
                let reported = today - Duration::days(rng.below(730) as i64);
                let tag_a: &str = rng.pick(TAGS);
                let tag_b: &str = rng.pick(TAGS);
                let p = problem::create(
                    w,
                    &NewProblem {
                        title: format!(
                            "{} ({}) #{}",
                            rng.pick(WHAT),
                            rng.pick(WHERE),
                            done + i + 1
                        ),
                        description: Some(format!("{} — {}", rng.pick(WHAT), rng.pick(NOTES))),
                        channel: Some(rng.pick(Channel::ALL)),
                        severity: Some(rng.pick(Severity::ALL)),
                        owner: Some(rng.pick(OWNERS).to_owned()),
                        tags: Some(vec![tag_a.to_owned(), tag_b.to_owned()]),
                        references: Some(vec![format!("ZD-{}", 10_000 + done + i)]),
                        reported_on: Some(reported),
                        nps: Some(rng.below(11) as u8),
                        ..NewProblem::default()
                    },
                )?;
                let extra = if occurrences_per_problem == 0 {
                    0
                } else {
                    rng.below(u64::from(occurrences_per_problem) * 2 + 1)
                };
                for _ in 0..extra {
                    let span = (today - reported).num_days().max(1) as u64;
                    workflow::log_occurrence(
                        w,
                        p.id,
                        &NewOccurrence {
                            occurred_on: Some(reported + Duration::days(rng.below(span) as i64)),
                            channel: Some(rng.pick(Channel::ALL)),
                            ticket_ref: Some(format!("ZD-{}", rng.below(900_000) + 100_000)),
                            note: Some(rng.pick(NOTES).to_owned()),
                        },
                    )?;
                }
            }
            Ok(())
        })?;
        done += n;
    }
    Ok(())
}

/// Adds `count` synthetic problems without occurrences.
pub fn problems(ws: &mut Workspace, count: u32, seed: u64) -> Result<()> {
    problems_with(ws, count, 0, seed)
}

const CAUSES: &[&str] = &[
    "The form does not check the address",
    "The team lead approves refunds once a week",
    "The bank rejects the transfer without a notice",
    "لا توجد خطوة للتحقق من رقم الهاتف",
    "السياسة تشترط توقيعين على كل استرداد",
    "The queue is not monitored at night",
];

/// Adds a problem with one analysis whose why-tree has `nodes` causes,
/// breadth first with up to `fan_out` children each (about a third of them
/// with evidence, some marked root causes). Returns the analysis.
pub fn analysis_tree(
    ws: &mut Workspace,
    nodes: u32,
    fan_out: u32,
    seed: u64,
) -> Result<crate::ids::AnalysisId> {
    use crate::analysis::{self, NewAnalysis, NewEvidence, NewWhy, WhyEdit, WhyStatus};
    let mut rng = SplitMix(seed);
    ws.write("Rootwise generator", |w| {
        let p = problem::create(
            w,
            &NewProblem {
                title: "Refunds reach customers three weeks late".into(),
                ..NewProblem::default()
            },
        )?;
        let a = analysis::create_analysis(
            w,
            &NewAnalysis {
                problem_id: p.id.to_string(),
                title: format!("A tree of {nodes} causes"),
                ..NewAnalysis::default()
            },
        )?;
        let mut parents: std::collections::VecDeque<Option<crate::ids::WhyId>> =
            std::collections::VecDeque::from([None]);
        let mut made = 0;
        while made < nodes {
            let Some(parent) = parents.pop_front() else {
                break;
            };
            for _ in 0..fan_out.max(1) {
                if made >= nodes {
                    break;
                }
                let node = workflow::add_why(
                    w,
                    a.id,
                    &NewWhy {
                        parent_id: parent.map(|p| p.to_string()),
                        text: format!("{} #{}", rng.pick(CAUSES), made + 1),
                        status: Some(rng.pick(WhyStatus::ALL)),
                        ..NewWhy::default()
                    },
                )?;
                if rng.below(3) == 0 {
                    analysis::add_evidence(
                        w,
                        node.id,
                        &NewEvidence {
                            note: rng.pick(NOTES).to_owned() + " (log)",
                            reference: format!("ZD-{}", rng.below(900_000) + 100_000),
                        },
                    )?;
                }
                if rng.below(10) == 0 {
                    workflow::edit_why(w, node.id, &WhyEdit::RootCause(true))?;
                }
                parents.push_back(Some(node.id));
                made += 1;
            }
        }
        Ok(a.id)
    })
    .map(|c| c.value)
}

const ACTION_TITLES: &[&str] = &[
    "Add a sent-form check to the refund queue",
    "Review pending refunds every morning",
    "Call the customers who waited longest",
    "أضف تنبيهًا عند تأخر الطلب أكثر من يومين",
    "درّب فريق الدعم على إجراء الاسترداد الجديد",
    "Audit the other queues for the same gap",
];

/// Adds `count` synthetic actions spread over `count / 10` new problems:
/// every kind, status, priority and owner, due days from two months ago to
/// three months ahead (some undated), done days over the last quarter.
/// Actions go through the app's write path; their dates are then moved into
/// the past directly, as a workspace in use for months would have them.
pub fn actions(ws: &mut Workspace, count: u32, seed: u64) -> Result<()> {
    use crate::action::{
        self, ActionEdit, ActionKind, ActionStatus, CheckResult, NewAction, Priority,
    };
    const BATCH: u32 = 2_000;
    let problems = (count / 10).max(1);
    problems_with(ws, problems, 0, seed)?;
    let ids: Vec<crate::ids::ProblemId> = {
        let mut stmt = ws.conn().prepare(
            "SELECT id FROM problems WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([problems], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut rng = SplitMix(seed ^ 0xAC71);
    let today = time::today_utc();
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        ws.write("Rootwise generator", |w| {
            for _ in 0..n {
                let problem = ids[rng.below(ids.len() as u64) as usize];
                let a = action::create(
                    w,
                    &NewAction {
                        problem_id: problem.to_string(),
                        title: rng.pick(ACTION_TITLES).to_owned(),
                        kind: rng.pick(ActionKind::ALL),
                        description: None,
                        cause_ids: None,
                        owner: Some(rng.pick(OWNERS).to_owned()),
                        due_on: None,
                        priority: Some(rng.pick(Priority::ALL)),
                        check_method: None,
                    },
                )?;
                let status = rng.pick(ActionStatus::ALL);
                let steps: &[ActionStatus] = match status {
                    ActionStatus::Open => &[],
                    ActionStatus::InProgress => &[ActionStatus::InProgress],
                    _ => &[ActionStatus::InProgress, ActionStatus::Done],
                };
                for s in steps {
                    workflow::edit_action(w, a.id, &ActionEdit::Status(*s))?;
                }
                match status {
                    ActionStatus::VerifiedEffective | ActionStatus::NotEffective => {
                        let result = if status == ActionStatus::VerifiedEffective {
                            CheckResult::Effective
                        } else {
                            CheckResult::NotEffective
                        };
                        workflow::edit_action(
                            w,
                            a.id,
                            &ActionEdit::Check {
                                result,
                                notes: rng.pick(NOTES).to_owned() + ".",
                            },
                        )?;
                    }
                    ActionStatus::Cancelled => {
                        workflow::edit_action(
                            w,
                            a.id,
                            &ActionEdit::Cancel {
                                reason: "Superseded by another fix".into(),
                            },
                        )?;
                    }
                    _ => {}
                }
                let created = today - Duration::days(60 + rng.below(120) as i64);
                let due = (rng.below(8) != 0)
                    .then(|| today + Duration::days(rng.below(150) as i64 - 60));
                let done_on = today - Duration::days(rng.below(90) as i64);
                w.tx().execute(
                    "UPDATE actions SET created_at = ?1, due_on = ?2,
                        done_on = CASE WHEN done_on IS NULL THEN NULL ELSE ?3 END,
                        check_due_on = CASE WHEN check_due_on IS NULL THEN NULL ELSE date(?3, '+30 days') END
                     WHERE id = ?4",
                    rusqlite::params![
                        time::to_text(created.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc()),
                        due.map(|d| d.to_string()),
                        done_on.to_string(),
                        a.id
                    ],
                )?;
            }
            Ok(())
        })?;
        done += n;
    }
    Ok(())
}

const NOTE_TEXTS: &[&str] = &[
    "«أين وصل طلبي؟»",
    "Calls support twice a day",
    "يشعر أن لا أحد يسمعه",
    "Wants a message at every step",
    "يخاف أن يضيع المبلغ",
    "Reads the FAQ before calling",
    "يقارن بخدمة المنافس",
    "Worries the card will be charged twice",
];

/// Adds a persona and an empathy map with `notes` notes spread over the
/// six areas (for the board's benchmark), and returns the map's id.
pub fn empathy_board(ws: &mut Workspace, notes: u32, seed: u64) -> Result<crate::ids::MapId> {
    use crate::empathy::{self, Area, NewMap, NewNote, NoteColour};
    use crate::persona::{self, NewPersona};
    let mut rng = SplitMix(seed);
    ws.write("rootwise-gen", |w| {
        let p = persona::create(
            w,
            &NewPersona {
                name: format!("Generated persona {seed}"),
                ..NewPersona::default()
            },
        )?;
        let m = empathy::create_map(
            w,
            &NewMap {
                persona_id: p.id.to_string(),
                title: format!("Generated board, {notes} notes"),
                problem_id: None,
                held_on: None,
                participants: Some(vec!["Huda".into(), "Karim".into(), "Sam".into()]),
                votes_per_person: Some(5),
            },
        )?;
        for i in 0..notes {
            empathy::add_note(
                w,
                &NewNote {
                    map_id: m.id.to_string(),
                    area: rng.pick(Area::ALL),
                    text: format!("{} #{i}", rng.pick(NOTE_TEXTS)),
                    colour: Some(rng.pick(NoteColour::ALL)),
                    author: Some(rng.pick(&["Huda", "Karim", "Sam"]).to_owned()),
                    group_id: None,
                },
            )?;
        }
        Ok(m.id)
    })
    .map(|c| c.value)
}

/// Adds a current journey map of 12 stages with 10 touchpoints each
/// (emotions set) and `cards` lane cards spread over the stages and lanes
/// (for the map screen's benchmark), and returns the map's id.
pub fn journey_map(ws: &mut Workspace, cards: u32, seed: u64) -> Result<crate::ids::JourneyId> {
    use crate::journey::{self, Lane, NewJourney, NewTouchpoint};
    let mut rng = SplitMix(seed);
    ws.write("rootwise-gen", |w| {
        let map = journey::create_map(
            w,
            &NewJourney {
                name: format!("Generated journey, {cards} cards"),
                state: None,
                persona_ids: None,
                review_months: None,
                starting_stages: None,
            },
        )?;
        let mut stages = Vec::new();
        for s in 0..12 {
            let stage = journey::add_stage(w, map.id, &format!("Stage {}", s + 1), None)?;
            for t in 0..10 {
                journey::add_touchpoint(
                    w,
                    &NewTouchpoint {
                        stage_id: stage.id,
                        name: format!("Touchpoint {}.{}", s + 1, t + 1),
                        emotion_current: Some(rng.below(5) as i8 - 2),
                        emotion_target: Some(rng.below(3) as i8),
                        ..NewTouchpoint::default()
                    },
                )?;
            }
            stages.push(stage.id);
        }
        for i in 0..cards {
            let stage = stages[i as usize % stages.len()];
            let lane = rng.pick(Lane::ALL);
            journey::add_card(w, stage, lane, &format!("{} #{i}", rng.pick(NOTE_TEXTS)))?;
        }
        Ok(map.id)
    })
    .map(|c| c.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_a_why_tree_of_the_requested_size() {
        let mut ws = Workspace::open_in_memory().unwrap();
        let a = analysis_tree(&mut ws, 40, 3, 1).unwrap();
        let tree = crate::analysis::tree(ws.conn(), a).unwrap();
        assert_eq!(tree.nodes.len(), 40);
        assert_eq!(
            tree.nodes.iter().filter(|n| n.parent_id.is_none()).count(),
            3
        );
    }

    #[test]
    fn generates_the_requested_number_deterministically() {
        let mut a = Workspace::open_in_memory().unwrap();
        let mut b = Workspace::open_in_memory().unwrap();
        problems_with(&mut a, 7, 3, 42).unwrap();
        problems_with(&mut b, 7, 3, 42).unwrap();
        let pa = problem::list(a.conn(), 0, 100).unwrap();
        let pb = problem::list(b.conn(), 0, 100).unwrap();
        assert_eq!(pa.total, 7);
        let titles = |p: &problem::ProblemPage| {
            let mut t: Vec<_> = p
                .items
                .iter()
                .map(|x| (x.title.clone(), x.occurrence_count))
                .collect();
            t.sort();
            t
        };
        assert_eq!(titles(&pa), titles(&pb));
        assert!(pa.items.iter().map(|p| p.occurrence_count).sum::<u32>() > 7);
    }

    #[test]
    fn generates_a_journey_map_of_the_requested_size() {
        let mut ws = Workspace::open_in_memory().unwrap();
        let id = journey_map(&mut ws, 100, 3).unwrap();
        let grid = crate::journey::grid(ws.conn(), id).unwrap();
        assert_eq!(grid.stages.len(), 12);
        let touchpoints: usize = grid.stages.iter().map(|s| s.touchpoints.len()).sum();
        let cards: usize = grid
            .stages
            .iter()
            .flat_map(|s| &s.cells)
            .map(|c| c.cards.len())
            .sum();
        assert_eq!((touchpoints, cards), (120, 100));
    }
}
