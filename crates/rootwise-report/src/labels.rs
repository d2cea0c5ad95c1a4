//! Every fixed word of the report, in English and Arabic.
//!
//! The report's own words are declared once, in [`LABELS`]; the words of
//! the app's enumerations (statuses, channels, severities, kinds…) repeat
//! the app's wording from `ui/src/i18n/` (a test compares them).

use rootwise_core::action::{ActionKind, ActionStatus, CheckResult, Priority};
use rootwise_core::analysis::{AnalysisStatus, CauseCategory, CheckKind, WhyStatus};
use rootwise_core::empathy::Area;
use rootwise_core::persona::QuoteSource;
use rootwise_core::vocab::{Channel, Severity, Status};
use serde::{Deserialize, Serialize};

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, left to right.
    #[default]
    En,
    /// Arabic, right to left.
    Ar,
}

impl Lang {
    /// The BCP 47 tag (`en`, `ar`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// The report's own words: key, English, Arabic.
pub const LABELS: &[(&str, &str, &str)] = &[
    ("report", "Root-cause report", "تقرير السبب الجذري"),
    (
        "period_report",
        "Problems closed in a period",
        "المشكلات المغلقة خلال فترة",
    ),
    ("period", "Period", "الفترة"),
    (
        "no_problems",
        "No problem was closed in this period.",
        "لم تُغلق أي مشكلة خلال هذه الفترة.",
    ),
    ("statement", "Problem statement", "بيان المشكلة"),
    ("description", "Description", "الوصف"),
    ("channel", "Channel", "القناة"),
    ("severity", "Severity", "الخطورة"),
    (
        "customers_affected",
        "Customers affected",
        "العملاء المتأثرون",
    ),
    ("status", "Status", "الحالة"),
    ("owner", "Owner", "المسؤول"),
    ("references", "Ticket references", "مراجع التذاكر"),
    ("reported_on", "Reported on", "تاريخ الإبلاغ"),
    ("reports", "Reports", "البلاغات"),
    (
        "first_last_seen",
        "First and last seen",
        "أول ظهور وآخر ظهور",
    ),
    ("customer", "Customer", "العميل"),
    ("segment", "Segment", "الشريحة"),
    ("impact", "Impact", "الأثر"),
    ("per_week", "Reports per week", "البلاغات في الأسبوع"),
    ("fixes", "Fixes", "الإصلاحات"),
    (
        "no_reports",
        "No reports in these weeks.",
        "لا بلاغات في هذه الأسابيع.",
    ),
    (
        "cx_measures",
        "Customer experience measures",
        "مقاييس تجربة العملاء",
    ),
    ("interval", "Interval", "المجال"),
    ("ci95", "95% interval", "مجال الثقة 95%"),
    ("thin", "few answers", "إجابات قليلة"),
    ("analysis", "Analysis", "التحليل"),
    ("no_analysis", "No analysis yet.", "لا يوجد تحليل بعد."),
    ("facilitator", "Facilitator", "الميسّر"),
    ("held_on", "Held on", "تاريخ الجلسة"),
    ("why_tree", "Why-tree", "شجرة «لماذا؟»"),
    ("diagram_part", "part", "الجزء"),
    ("root_cause", "Root cause", "سبب جذري"),
    ("root_causes", "Root causes", "الأسباب الجذرية"),
    ("no_root_causes", "No root cause yet.", "لا سبب جذريًا بعد."),
    ("evidence", "Evidence", "الأدلة"),
    ("no_evidence", "No evidence recorded.", "لا أدلة مسجّلة."),
    ("category", "Category", "الفئة"),
    ("ruled_out", "Ruled-out causes", "الأسباب المستبعدة"),
    ("open_checks", "Open reasoning checks", "ملاحظات تحقق مفتوحة"),
    ("people", "People", "الأشخاص"),
    ("personas", "Personas", "الشخصيات"),
    ("quotes", "What they said", "ما قالوه"),
    ("empathy_notes", "Empathy notes", "ملاحظات خريطة التعاطف"),
    ("actions", "Actions", "الإجراءات"),
    ("no_actions", "No action yet.", "لا إجراءات بعد."),
    ("due", "Due", "الاستحقاق"),
    ("priority", "Priority", "الأولوية"),
    ("done_on", "Done on", "تاريخ الإنجاز"),
    ("check", "Effectiveness check", "التحقق من الفعالية"),
    ("check_due", "Check due", "موعد التحقق"),
    ("checked_on", "Checked on", "تاريخ التحقق"),
    ("result", "Result", "النتيجة"),
    ("cancel_reason", "Reason for cancelling", "سبب الإلغاء"),
    (
        "recurrence",
        "Recurrence after fixes",
        "التكرار بعد الإصلاحات",
    ),
    ("before", "Before (a week)", "قبل (في الأسبوع)"),
    ("after", "After (a week)", "بعد (في الأسبوع)"),
    ("weeks_after", "Weeks watched", "أسابيع المراقبة"),
    ("not_measured", "not measured yet", "لم يُقَس بعد"),
    ("recurred_on", "Recurred on", "تكرّرت في"),
    ("none", "None", "لا يوجد"),
    ("not_recorded", "Not recorded", "غير مسجّل"),
    ("workspace", "Workspace", "مساحة العمل"),
    ("date", "Date", "التاريخ"),
    ("author", "Author", "الكاتب"),
    ("page", "Page", "الصفحة"),
    ("of", "of", "من"),
];

/// The report's word for `key` in `lang` (empty for an unknown key: the
/// keys are this crate's own, and `tests/labels.rs` checks the table).
pub fn label(lang: Lang, key: &str) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, ar)| if lang.rtl() { *ar } else { *en })
        .unwrap_or("")
}

/// An enumeration value's word in the reader's language, as the app says it.
pub trait EnumLabel {
    /// The word for `self` in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! enum_labels {
    ($ty:ty { $($variant:ident => $en:literal, $ar:literal;)+ }) => {
        impl EnumLabel for $ty {
            fn label(self, lang: Lang) -> &'static str {
                let (en, ar) = match self { $(<$ty>::$variant => ($en, $ar),)+ };
                if lang.rtl() { ar } else { en }
            }
        }
    };
}

enum_labels!(Status {
    New => "New", "جديدة";
    Investigating => "Investigating", "قيد التحقيق";
    RootCauseFound => "Root cause found", "عُرف السبب الجذري";
    ActionsInProgress => "Actions in progress", "الإجراءات جارية";
    Monitoring => "Monitoring", "تحت المراقبة";
    Closed => "Closed", "مغلقة";
});

enum_labels!(Severity {
    Low => "Low", "منخفضة";
    Medium => "Medium", "متوسطة";
    High => "High", "عالية";
    Critical => "Critical", "حرجة";
});

enum_labels!(Channel {
    Phone => "Phone", "الهاتف";
    Email => "Email", "البريد الإلكتروني";
    Chat => "Chat", "المحادثة الفورية";
    Social => "Social media", "وسائل التواصل الاجتماعي";
    InPerson => "In person", "حضوريًا";
    SelfService => "Self-service / web", "الخدمة الذاتية / الموقع";
    Other => "Other", "أخرى";
});

enum_labels!(WhyStatus {
    Hypothesis => "Hypothesis", "فرضية";
    Confirmed => "Confirmed", "مؤكَّد";
    RuledOut => "Ruled out", "مستبعَد";
});

enum_labels!(AnalysisStatus {
    Draft => "Draft", "مسودة";
    InReview => "In review", "قيد المراجعة";
    Concluded => "Concluded", "منتهٍ";
});

enum_labels!(CauseCategory {
    People => "People", "الأفراد";
    Process => "Process", "الإجراءات";
    Product => "Product", "المنتج";
    Policy => "Policy", "السياسات";
    Environment => "Environment", "البيئة";
    Partner => "Partner or supplier", "شريك أو مورّد";
    Other => "Other", "أخرى";
});

enum_labels!(CheckKind {
    OpenBranch => "This branch ends without a root cause or a ruled-out mark. Ask why once more, or rule it out.",
        "ينتهي هذا الفرع دون سبب جذري أو علامة استبعاد. اسأل «لماذا؟» مرة أخرى أو استبعده.";
    RootUnconfirmed => "This root cause is still a hypothesis. Confirm it against evidence.",
        "هذا السبب الجذري ما زال فرضية. أكِّده بالأدلة.";
    RootWithoutEvidence => "This root cause has no evidence yet. Add what shows it is true.",
        "لا دليل على هذا السبب الجذري بعد. أضف ما يثبت صحته.";
    BlamesPerson => "This blames a person. Ask why the process allowed it to happen.",
        "هذا يلقي اللوم على شخص. اسأل: لماذا سمح الإجراء بحدوث ذلك؟";
    RepeatsParent => "This repeats the cause above it in other words. Say what made it happen.",
        "هذا يكرر السبب الذي فوقه بكلمات أخرى. قل ما الذي أدى إليه.";
    NoCorrectiveAction => "No corrective action addresses this root cause yet. Create one so the cause gets fixed.",
        "لا يعالج هذا السببَ الجذري أيُّ إجراء تصحيحي بعد. أنشئ إجراءً حتى يُزال السبب.";
});

enum_labels!(ActionKind {
    Containment => "Containment", "احتوائي";
    Corrective => "Corrective", "تصحيحي";
    Preventive => "Preventive", "وقائي";
});

enum_labels!(ActionStatus {
    Open => "Open", "مفتوح";
    InProgress => "In progress", "قيد التنفيذ";
    Done => "Done", "منجز";
    VerifiedEffective => "Verified effective", "ثبتت فعاليته";
    NotEffective => "Not effective", "غير فعّال";
    Cancelled => "Cancelled", "ملغى";
});

enum_labels!(CheckResult {
    Effective => "Effective", "فعّال";
    NotEffective => "Not effective", "غير فعّال";
});

enum_labels!(Priority {
    Low => "Low", "منخفضة";
    Medium => "Medium", "متوسطة";
    High => "High", "عالية";
    Urgent => "Urgent", "عاجلة";
});

enum_labels!(QuoteSource {
    Interview => "Interview", "مقابلة";
    CallRecording => "Call recording", "تسجيل مكالمة";
    SessionRecording => "Session recording", "تسجيل جلسة استخدام";
    Survey => "Survey", "استبيان";
    WrittenReview => "Written review", "مراجعة مكتوبة";
    SupportTicket => "Support ticket", "تذكرة دعم";
});

enum_labels!(Area {
    Says => "Says", "يقول";
    Thinks => "Thinks", "يفكّر";
    Does => "Does", "يفعل";
    Feels => "Feels", "يشعر";
    Pains => "Pains", "الآلام";
    Gains => "Gains", "المكاسب";
});
