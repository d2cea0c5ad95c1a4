//! The sample workspace: realistic, bilingual customer problems (two with a
//! 5-Whys analysis) that a new team can explore before logging its own,
//! and remove in one step.
//!
//! The sentences are Rootwise's own, written for this purpose.

use chrono::Duration;
use rusqlite::{Connection, OptionalExtension};

use crate::action::{self, ActionEdit, ActionKind, ActionStatus, NewAction, Priority};
use crate::analysis::{self, CauseCategory, NewAnalysis, NewEvidence, NewWhy, WhyEdit, WhyStatus};
use crate::empathy::{self, Area, NewMap, NewNote, NoteEdit};
use crate::error::Result;
use crate::ids::ProblemId;
use crate::persona::{self, NewPersona, QuoteInput, QuoteSource};
use crate::problem::{self, Channel, NewOccurrence, NewProblem, ProblemEdit, Severity, Status};
use crate::store::Writer;
use crate::{time, workflow};

struct Sample {
    title: &'static str,
    description: &'static str,
    customer: &'static str,
    segment: &'static str,
    channel: Channel,
    stage: &'static str,
    severity: Severity,
    status: Status,
    owner: &'static str,
    tags: &'static [&'static str],
    refs: &'static [&'static str],
    days_ago: i64,
    csat: Option<u8>,
    nps: Option<u8>,
    ces: Option<u8>,
    affected: Option<u32>,
    /// (days ago, channel, ticket, note)
    occurrences: &'static [(i64, Channel, &'static str, &'static str)],
}

const SAMPLES: &[Sample] = &[
    Sample {
        title: "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
        description: "يطلب العميل الرمز أكثر من مرة ثم يتصل بالدعم. تتكرر الشكوى بعد كل تحديث للتطبيق، وأغلب الحالات من عملاء شبكة اتصالات واحدة.",
        customer: "عملاء الأفراد",
        segment: "الأفراد",
        channel: Channel::Phone,
        stage: "تسجيل الدخول",
        severity: Severity::High,
        status: Status::Investigating,
        owner: "ريم الحربي",
        tags: &["تسجيل الدخول", "رسائل نصية"],
        refs: &["ZD-48213", "ZD-48240"],
        days_ago: 41,
        csat: Some(2),
        nps: Some(4),
        ces: Some(6),
        affected: Some(1200),
        occurrences: &[
            (34, Channel::Chat, "ZD-48377", "العميل انتظر عشر دقائق ولم يصل الرمز"),
            (20, Channel::Phone, "ZD-48561", "تكرر بعد تحديث الإصدار الأخير"),
            (9, Channel::Social, "", "تغريدة غاضبة من عميل يذكر المشكلة نفسها"),
            (3, Channel::Phone, "ZD-48902", ""),
        ],
    },
    Sample {
        title: "Refund shows as issued but never reaches the customer's card",
        description: "The order page says the refund was sent, the bank says nothing arrived. Agents cannot see the payment provider's status, so they ask the customer to wait another week.",
        customer: "Northwind Retail",
        segment: "Small business",
        channel: Channel::Email,
        stage: "After purchase",
        severity: Severity::Critical,
        status: Status::RootCauseFound,
        owner: "Omar Haddad",
        tags: &["refunds", "payments"],
        refs: &["ZD-47110", "https://help.example.com/tickets/47115"],
        days_ago: 63,
        csat: Some(1),
        nps: Some(2),
        ces: Some(7),
        affected: Some(340),
        occurrences: &[
            (50, Channel::Email, "ZD-47302", "Second refund in a month that did not arrive"),
            (28, Channel::Phone, "ZD-47655", "Customer threatened to dispute the charge"),
            (12, Channel::Email, "ZD-48020", "Refund finally arrived after 19 days"),
        ],
    },
    Sample {
        title: "الفاتورة الشهرية تُظهر ضريبة مكررة على الاشتراك",
        description: "يظهر بند ضريبة القيمة المضافة مرتين في فاتورة بعض المشتركين في الباقة السنوية. المبلغ المخصوم صحيح، لكن الفاتورة تثير القلق وتدفع العملاء إلى الاتصال.",
        customer: "شركة الريادة للتقنية",
        segment: "الشركات",
        channel: Channel::Email,
        stage: "الفوترة",
        severity: Severity::Medium,
        status: Status::ActionsInProgress,
        owner: "سارة العتيبي",
        tags: &["فواتير", "ضرائب"],
        refs: &["ZD-46002"],
        days_ago: 88,
        csat: Some(3),
        nps: Some(6),
        ces: Some(4),
        affected: Some(75),
        occurrences: &[(60, Channel::Email, "ZD-46390", "طلب العميل نسخة مصححة من الفاتورة")],
    },
    Sample {
        title: "Chat closes the conversation while the customer is still typing",
        description: "The chat widget ends idle sessions after two minutes. Customers who are looking up an order number lose the conversation and have to start again with a new agent.",
        customer: "",
        segment: "Consumers",
        channel: Channel::Chat,
        stage: "Getting help",
        severity: Severity::High,
        status: Status::New,
        owner: "",
        tags: &["chat", "support experience"],
        refs: &["ZD-48733"],
        days_ago: 6,
        csat: Some(2),
        nps: None,
        ces: Some(6),
        affected: None,
        occurrences: &[(2, Channel::Chat, "ZD-48870", "Customer: \"I was cut off twice in a row\"")],
    },
    Sample {
        title: "موظف الفرع لا يملك صلاحية استبدال المنتج المعيب",
        description: "يضطر العميل إلى العودة في يوم آخر لأن الاستبدال يحتاج موافقة المشرف، والمشرف لا يحضر إلا في الفترة الصباحية.",
        customer: "",
        segment: "الأفراد",
        channel: Channel::InPerson,
        stage: "ما بعد الشراء",
        severity: Severity::Medium,
        status: Status::Monitoring,
        owner: "خالد المطيري",
        tags: &["صلاحيات", "فروع"],
        refs: &[],
        days_ago: 120,
        csat: Some(2),
        nps: Some(3),
        ces: Some(7),
        affected: Some(60),
        occurrences: &[
            (101, Channel::InPerson, "", "عميل زار الفرع ثلاث مرات"),
            (77, Channel::Phone, "ZD-45120", "شكوى هاتفية بعد زيارة الفرع"),
        ],
    },
    Sample {
        title: "Delivery marked as completed but the parcel was left at the wrong address",
        description: "The courier's app lets drivers confirm delivery without a photo. Customers only find out when they call to ask where the parcel is.",
        customer: "Atlas Outdoor",
        segment: "Enterprise",
        channel: Channel::Phone,
        stage: "Delivery",
        severity: Severity::High,
        status: Status::Investigating,
        owner: "Lina Mansour",
        tags: &["delivery", "partner"],
        refs: &["ZD-47880", "ZD-47881"],
        days_ago: 30,
        csat: Some(1),
        nps: Some(1),
        ces: Some(6),
        affected: Some(210),
        occurrences: &[
            (22, Channel::Phone, "ZD-48011", "Neighbour returned the parcel two days later"),
            (15, Channel::Email, "ZD-48190", ""),
            (8, Channel::Social, "", "Photo of a parcel at the wrong door shared publicly"),
        ],
    },
    Sample {
        title: "نموذج تحديث العنوان في الموقع يرفض الأحياء الجديدة",
        description: "قائمة الأحياء في النموذج لم تُحدَّث منذ سنتين، فيختار العملاء حيًا قريبًا ثم تتأخر شحناتهم.",
        customer: "",
        segment: "الأفراد",
        channel: Channel::SelfService,
        stage: "إدارة الحساب",
        severity: Severity::Low,
        status: Status::New,
        owner: "",
        tags: &["الموقع الإلكتروني", "عناوين"],
        refs: &[],
        days_ago: 14,
        csat: None,
        nps: None,
        ces: Some(5),
        affected: None,
        occurrences: &[],
    },
    Sample {
        title: "Support answers differ between phone and email for the same warranty question",
        description: "Phone agents say the warranty covers water damage, the email macro says it does not. Customers quote one channel to the other.",
        customer: "",
        segment: "Consumers",
        channel: Channel::Other,
        stage: "Getting help",
        severity: Severity::Medium,
        status: Status::Closed,
        owner: "Omar Haddad",
        tags: &["omnichannel", "knowledge base"],
        refs: &["ZD-43001"],
        days_ago: 170,
        csat: Some(3),
        nps: Some(5),
        ces: Some(4),
        affected: Some(45),
        occurrences: &[(150, Channel::Email, "ZD-43322", "Customer forwarded the phone agent's promise")],
    },
];

/// One cause of a sample why-tree: its depth (1 answers the problem), text,
/// status, category, root-cause mark and evidence (note, reference).
type SampleWhy = (
    u8,
    &'static str,
    WhyStatus,
    Option<CauseCategory>,
    bool,
    &'static [(&'static str, &'static str)],
);

/// A sample 5-Whys analysis of the sample problem with this title.
struct SampleAnalysis {
    problem: &'static str,
    title: &'static str,
    facilitator: &'static str,
    participants: &'static [&'static str],
    summary: &'static str,
    causes: &'static [SampleWhy],
}

const SAMPLE_ANALYSES: &[SampleAnalysis] = &[
    SampleAnalysis {
        problem: "Refund shows as issued but never reaches the customer's card",
        title: "Why refunds never reach the card",
        facilitator: "Maya Haddad",
        participants: &["Omar Saleh", "Lina Farouk", "Payments on-call"],
        summary: "Refunds to cards replaced after the original purchase are sent to the old card number and bounce silently.",
        causes: &[
            (1, "The bank returns the refund to us without telling the customer", WhyStatus::Confirmed, Some(CauseCategory::Partner), false,
                &[("Bank return report lists 37 bounced refunds last month", "PAY-RPT-0425")]),
            (2, "The refund goes to a card number that is no longer valid", WhyStatus::Confirmed, Some(CauseCategory::Product), false, &[]),
            (3, "The refund service always uses the card stored with the original order", WhyStatus::Confirmed, Some(CauseCategory::Product), true,
                &[("Service code reads the order's payment token only", "ENG-2291")]),
            (2, "Bounced refunds are not shown to support agents", WhyStatus::Confirmed, Some(CauseCategory::Process), false, &[]),
            (3, "Nobody owns the bank's return report", WhyStatus::Hypothesis, Some(CauseCategory::Process), true, &[]),
            (1, "The customer's bank is slow to post refunds", WhyStatus::RuledOut, Some(CauseCategory::Partner), false,
                &[("Posted refunds arrive within 5 days at every bank we checked", "")]),
        ],
    },
    SampleAnalysis {
        problem: "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
        title: "لماذا لا يصل رمز التحقق؟",
        facilitator: "سارة العتيبي",
        participants: &["خالد المنصور", "فريق الرسائل"],
        summary: "",
        causes: &[
            (1, "مزوّد الرسائل يرفض الإرسال إلى أرقام بعض المشغّلين", WhyStatus::Confirmed, Some(CauseCategory::Partner), false,
                &[("سجل المزوّد يُظهر رفض ١٢٪ من الرسائل لمشغّل واحد", "SMS-LOG-88")]),
            (2, "اسم المرسل غير مسجَّل لدى هذا المشغّل", WhyStatus::Hypothesis, Some(CauseCategory::Policy), true, &[]),
            (1, "العميل يدخل رقمه بصيغة دولية خاطئة", WhyStatus::Hypothesis, Some(CauseCategory::Product), false, &[]),
        ],
    },
];

/// A sample action on the sample problem with this title: title, kind,
/// the root cause it addresses (by its text), owner, days until due, the
/// status it has reached, and how its effect will be judged.
struct SampleAction {
    problem: &'static str,
    title: &'static str,
    kind: ActionKind,
    cause: Option<&'static str>,
    owner: &'static str,
    due_in: Option<i64>,
    status: ActionStatus,
    check: &'static str,
}

const SAMPLE_ACTIONS: &[SampleAction] = &[
    SampleAction {
        problem: "Refund shows as issued but never reaches the customer's card",
        title: "Refund affected customers by bank transfer",
        kind: ActionKind::Containment,
        cause: None,
        owner: "Lina Farouk",
        due_in: Some(2),
        status: ActionStatus::Done,
        check: "",
    },
    SampleAction {
        problem: "Refund shows as issued but never reaches the customer's card",
        title: "Send refunds to the customer's current card, not the one on the order",
        kind: ActionKind::Corrective,
        cause: Some("The refund service always uses the card stored with the original order"),
        owner: "Omar Saleh",
        due_in: Some(14),
        status: ActionStatus::InProgress,
        check: "Bounced refunds on the bank's return report fall from about 37 a month to under 3",
    },
    SampleAction {
        problem: "Refund shows as issued but never reaches the customer's card",
        title: "Name an owner for the bank's return report and review it every morning",
        kind: ActionKind::Corrective,
        cause: Some("Nobody owns the bank's return report"),
        owner: "Maya Haddad",
        due_in: Some(7),
        status: ActionStatus::Done,
        check: "Every bounced refund is answered within one working day",
    },
    SampleAction {
        problem: "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
        title: "تسجيل اسم المرسل لدى جميع المشغّلين",
        kind: ActionKind::Corrective,
        cause: Some("اسم المرسل غير مسجَّل لدى هذا المشغّل"),
        owner: "سارة العتيبي",
        due_in: Some(10),
        status: ActionStatus::Open,
        check: "نسبة الرسائل المرفوضة لدى المشغّل تقل عن ١٪ لمدة أسبوعين",
    },
    SampleAction {
        problem: "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
        title: "مراجعة تسجيل أسماء المرسلين كل ربع سنة",
        kind: ActionKind::Preventive,
        cause: None,
        owner: "خالد المنصور",
        due_in: None,
        status: ActionStatus::Open,
        check: "",
    },
];

/// Adds the sample actions, on the sample problems and their root causes.
fn load_actions(w: &mut Writer<'_>, problems: &[(String, ProblemId)]) -> Result<()> {
    let today = time::today_utc();
    for s in SAMPLE_ACTIONS {
        let Some((_, problem_id)) = problems.iter().find(|(t, _)| t == s.problem) else {
            continue;
        };
        let cause: Option<String> = match s.cause {
            Some(text) => w
                .tx()
                .query_row(
                    "SELECT n.id FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id
                     WHERE a.problem_id = ?1 AND n.text = ?2",
                    rusqlite::params![problem_id, text],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        let a = action::write::create_as(
            w,
            &NewAction {
                problem_id: problem_id.to_string(),
                title: s.title.into(),
                kind: s.kind,
                description: None,
                cause_ids: cause.map(|c| vec![c]),
                owner: Some(s.owner.into()),
                due_on: s.due_in.map(|d| today + Duration::days(d)),
                priority: Some(if s.kind == ActionKind::Containment {
                    Priority::Urgent
                } else {
                    Priority::High
                }),
                check_method: Some(s.check.into()),
            },
            true,
        )?;
        let steps: &[ActionStatus] = match s.status {
            ActionStatus::InProgress => &[ActionStatus::InProgress],
            ActionStatus::Done => &[ActionStatus::InProgress, ActionStatus::Done],
            _ => &[],
        };
        for step in steps {
            workflow::edit_action(w, a.id, &ActionEdit::Status(*step))?;
        }
    }
    Ok(())
}

/// Adds the sample analyses to the sample problems just loaded.
fn load_analyses(w: &mut Writer<'_>, problems: &[(String, ProblemId)]) -> Result<()> {
    for s in SAMPLE_ANALYSES {
        let Some((_, problem_id)) = problems.iter().find(|(t, _)| t == s.problem) else {
            continue;
        };
        let a = analysis::write::create_analysis_as(
            w,
            &NewAnalysis {
                problem_id: problem_id.to_string(),
                title: s.title.into(),
                facilitator: Some(s.facilitator.into()),
                participants: Some(s.participants.iter().map(|p| (*p).to_owned()).collect()),
                held_on: None,
                summary: Some(s.summary.into()),
            },
            true,
        )?;
        // The last node seen at each depth is the parent of the next deeper one.
        let mut path: Vec<crate::ids::WhyId> = Vec::new();
        for (depth, text, status, category, root, evidence) in s.causes {
            path.truncate(usize::from(depth.saturating_sub(1)));
            let node = workflow::add_why(
                w,
                a.id,
                &NewWhy {
                    parent_id: path.last().map(|p| p.to_string()),
                    text: (*text).into(),
                    status: Some(*status),
                    category: *category,
                    position: None,
                },
            )?;
            for (note, reference) in *evidence {
                analysis::add_evidence(
                    w,
                    node.id,
                    &NewEvidence {
                        note: (*note).into(),
                        reference: (*reference).into(),
                    },
                )?;
            }
            if *root {
                workflow::edit_why(w, node.id, &WhyEdit::RootCause(true))?;
            }
            path.push(node.id);
        }
    }
    Ok(())
}

/// The sample persona: who it is, what they said, the problem that hurts
/// them, and a workshop's notes (area, text, author, the cause a note
/// supports).
struct SamplePersona {
    name: &'static str,
    role: &'static str,
    segment: &'static str,
    goals: &'static str,
    pain_points: &'static str,
    triggers: &'static str,
    fears: &'static str,
    channels: &'static [Channel],
    story: &'static str,
    quotes: &'static [(&'static str, QuoteSource, &'static str, i64)],
    problem: &'static str,
    map_title: &'static str,
    participants: &'static [&'static str],
    notes: &'static [(Area, &'static str, &'static str, Option<&'static str>)],
}

const SAMPLE_PERSONA: SamplePersona = SamplePersona {
    name: "ريم، موظفة تدفع فواتيرها من الهاتف",
    role: "تدير حسابات البيت وحدها، وتدفع الفواتير في استراحة الغداء",
    segment: "أفراد، تطبيق الجوال",
    goals: "أن تنجز الدفع في دقيقتين دون الاتصال بأحد",
    pain_points: "رمز التحقق يتأخر أو لا يصل، فتبدأ من جديد",
    triggers: "تذكير بموعد استحقاق الفاتورة",
    fears: "أن يُقطع الاشتراك لأن الدفع لم يكتمل",
    channels: &[Channel::SelfService, Channel::Chat],
    story: "تفتح التطبيق بين اجتماعين، تدخل كلمة المرور، وتنتظر رمزًا لا يصل. تعيد المحاولة مرتين ثم تؤجل الدفع إلى المساء.",
    quotes: &[
        ("انتظرت الرمز خمس دقائق ثم أغلقت التطبيق", QuoteSource::SupportTicket, "TCK-20931", 6),
        ("I don't have time to call anyone at lunch.", QuoteSource::Interview, "", 12),
        ("كل مرة أطلب رمزًا جديدًا يلغي الذي قبله", QuoteSource::CallRecording, "call-7781", 20),
    ],
    problem: "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
    map_title: "ورشة تسجيل الدخول، فريق الدعم",
    participants: &["هدى", "كريم", "Sam"],
    notes: &[
        (Area::Says, "«الرمز لا يصل أبدًا في الوقت المناسب»", "هدى", Some("اسم المرسل غير مسجَّل لدى هذا المشغّل")),
        (Area::Says, "Asks whether the app is down", "Sam", None),
        (Area::Thinks, "ربما المشكلة في هاتفي", "كريم", None),
        (Area::Does, "تضغط «أعد الإرسال» مرات متتالية", "هدى", None),
        (Area::Does, "Gives up and pays at the branch", "Sam", None),
        (Area::Feels, "قلق من انقطاع الخدمة", "كريم", None),
        (Area::Pains, "لا تعرف كم تنتظر قبل طلب رمز جديد", "هدى", None),
        (Area::Gains, "Pay without leaving the app", "Sam", None),
        (Area::Gains, "تنبيه واضح إن تأخر الرمز", "كريم", None),
    ],
};

/// Adds the sample persona, its quotes, its link to a sample problem and
/// its empathy map.
fn load_persona(w: &mut Writer<'_>, problems: &[(String, ProblemId)]) -> Result<()> {
    let s = &SAMPLE_PERSONA;
    let today = time::today_utc();
    let p = persona::write::create_as(
        w,
        &NewPersona {
            name: s.name.into(),
            role: Some(s.role.into()),
            segment: Some(s.segment.into()),
            goals: Some(s.goals.into()),
            pain_points: Some(s.pain_points.into()),
            triggers: Some(s.triggers.into()),
            fears: Some(s.fears.into()),
            channels: Some(s.channels.to_vec()),
            story: Some(s.story.into()),
            demographics: None,
        },
        true,
    )?;
    for (text, source, reference, days_ago) in s.quotes {
        persona::add_quote(
            w,
            p.id,
            &QuoteInput {
                text: (*text).into(),
                source: *source,
                reference: Some((*reference).into()),
                said_on: today - Duration::days(*days_ago),
            },
        )?;
    }
    let problem_id = problems
        .iter()
        .find(|(t, _)| t == s.problem)
        .map(|(_, id)| *id);
    if let Some(id) = problem_id {
        persona::link_problem(w, p.id, id)?;
    }
    let m = empathy::write::create_map_as(
        w,
        &NewMap {
            persona_id: p.id.to_string(),
            title: s.map_title.into(),
            problem_id: problem_id.map(|id| id.to_string()),
            held_on: Some(today - Duration::days(2)),
            participants: Some(s.participants.iter().map(|p| (*p).to_owned()).collect()),
            votes_per_person: Some(3),
        },
        true,
    )?;
    for (area, text, author, cause) in s.notes {
        let n = empathy::add_note(
            w,
            &NewNote {
                map_id: m.id.to_string(),
                area: *area,
                text: (*text).into(),
                colour: None,
                author: Some((*author).into()),
                group_id: None,
            },
        )?;
        let cause: Option<String> = match cause {
            Some(text) => w
                .tx()
                .query_row(
                    "SELECT id FROM why_nodes WHERE text = ?1 AND deleted_at IS NULL",
                    [text],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        if let Some(c) = cause {
            empathy::edit_note(w, n.id, &NoteEdit::CauseIds(vec![c]))?;
        }
    }
    Ok(())
}

/// Loads the sample problems (as sample data the user can remove) and
/// returns how many were added.
pub fn load(w: &mut Writer<'_>) -> Result<u32> {
    let today = time::today_utc();
    let mut added = 0;
    let mut loaded = Vec::new();
    for s in SAMPLES {
        let owned = |items: &[&str]| items.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        let p = problem::write::create_as(
            w,
            &NewProblem {
                title: s.title.into(),
                description: Some(s.description.into()),
                customer: Some(s.customer.into()),
                segment: Some(s.segment.into()),
                channel: Some(s.channel),
                journey_stage: Some(s.stage.into()),
                severity: Some(s.severity),
                owner: Some(s.owner.into()),
                tags: Some(owned(s.tags)),
                references: Some(owned(s.refs)),
                reported_on: Some(today - Duration::days(s.days_ago)),
                csat: s.csat,
                nps: s.nps,
                ces: s.ces,
                customers_affected: s.affected,
            },
            true,
        )?;
        for (days_ago, channel, ticket, note) in s.occurrences {
            workflow::log_occurrence(
                w,
                p.id,
                &NewOccurrence {
                    occurred_on: Some(today - Duration::days(*days_ago)),
                    channel: Some(*channel),
                    ticket_ref: Some((*ticket).into()),
                    note: Some((*note).into()),
                },
            )?;
        }
        // Walk the status forward the way a team would.
        for status in Status::ALL.iter().skip(1) {
            if *status > s.status {
                break;
            }
            workflow::edit_problem(w, p.id, &ProblemEdit::Status(*status))?;
        }
        loaded.push((p.title.clone(), p.id));
        added += 1;
    }
    load_analyses(w, &loaded)?;
    load_actions(w, &loaded)?;
    load_persona(w, &loaded)?;
    Ok(added)
}

/// How many live sample problems the workspace has.
pub fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM problems WHERE sample = 1 AND deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Moves every live sample problem to the trash (restorable, like any
/// delete) and returns how many.
pub fn remove(w: &mut Writer<'_>) -> Result<u32> {
    let ids: Vec<crate::ids::ProblemId> = {
        let mut stmt = w
            .tx()
            .prepare("SELECT id FROM problems WHERE sample = 1 AND deleted_at IS NULL")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids
    };
    for id in &ids {
        problem::delete(w, *id)?;
    }
    // Sample personas go too, and their maps with them.
    let personas: Vec<crate::ids::PersonaId> = {
        let mut stmt = w
            .tx()
            .prepare("SELECT id FROM personas WHERE sample = 1 AND deleted_at IS NULL")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids
    };
    for id in personas {
        persona::delete(w, id)?;
    }
    Ok(ids.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;

    #[test]
    fn loads_and_removes_in_one_step_keeping_the_users_own_problems() {
        let mut ws = Workspace::open_in_memory().unwrap();
        ws.write("Dana", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Mine".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap();
        let added = ws.write("Dana", load).unwrap().value;
        assert_eq!(added as usize, SAMPLES.len());
        assert_eq!(count(ws.conn()).unwrap(), added);
        let page = problem::list(ws.conn(), 0, 100).unwrap();
        assert_eq!(page.total, added + 1);
        let closed = page
            .items
            .iter()
            .find(|p| p.status == Status::Closed)
            .unwrap();
        assert!(closed.occurrence_count >= 2);
        assert!(page.items.iter().any(|p| p.title.contains("رمز التحقق")));
        let analyses = crate::analysis::list(ws.conn(), 10).unwrap();
        assert_eq!(analyses.len(), SAMPLE_ANALYSES.len());
        assert!(analyses
            .iter()
            .all(|a| a.analysis.sample && a.node_count >= 3));
        assert!(analyses
            .iter()
            .any(|a| a.analysis.title.contains("رمز التحقق")));
        let actions = action::query(ws.conn(), &action::ActionQuery::default()).unwrap();
        assert_eq!(actions.total as usize, SAMPLE_ACTIONS.len());
        assert!(actions.items.iter().all(|r| r.action.sample));
        assert_eq!(
            actions
                .items
                .iter()
                .filter(|r| r.action.kind == ActionKind::Corrective && !r.flags.no_root_cause)
                .count(),
            3,
            "each sample corrective action names its root cause"
        );

        let personas = crate::persona::list(ws.conn()).unwrap();
        assert_eq!(personas.len(), 1);
        assert_eq!((personas[0].quote_count, personas[0].problem_count), (3, 1));
        let maps = crate::empathy::list_maps(ws.conn()).unwrap();
        assert_eq!(maps[0].note_count as usize, SAMPLE_PERSONA.notes.len());
        let root = crate::analysis::search(ws.conn(), "اسم المرسل", 5).unwrap();
        assert_eq!(
            crate::empathy::notes_for_why(ws.conn(), root[0].why_id)
                .unwrap()
                .len(),
            1,
            "a note supports the sample root cause"
        );

        let removed = ws.write("Dana", remove).unwrap().value;
        assert_eq!(removed, added);
        let left = problem::list(ws.conn(), 0, 100).unwrap();
        assert_eq!(left.total, 1);
        assert_eq!(left.items[0].title, "Mine");
        assert!(
            crate::analysis::list(ws.conn(), 10).unwrap().is_empty(),
            "their analyses go with them"
        );
        assert_eq!(
            action::query(ws.conn(), &action::ActionQuery::default())
                .unwrap()
                .total,
            0,
            "and so do their actions"
        );
        assert!(crate::persona::list(ws.conn()).unwrap().is_empty());
        assert!(crate::empathy::list_maps(ws.conn()).unwrap().is_empty());
        assert_eq!(
            crate::trash::list(ws.conn()).unwrap().len() as u32,
            added + 1,
            "the problems and the persona"
        );
    }
}
