//! Checks that push back on weak reasoning. They never block an edit: they
//! are shown beside the node so the team can decide.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{WhyNode, WhyStatus};
use crate::ids::WhyId;
use crate::search::normalize;

crate::text_enum! {
    /// Something about a cause the team should look at again.
    pub enum CheckKind {
        /// A branch ends here without a root cause or a ruled-out mark.
        OpenBranch = "open_branch",
        /// A root cause that is still a hypothesis.
        RootUnconfirmed = "root_unconfirmed",
        /// A root cause with no evidence.
        RootWithoutEvidence = "root_without_evidence",
        /// A root cause that blames a person: ask why the process allowed it.
        BlamesPerson = "blames_person",
        /// The cause only repeats the words of the one it explains.
        RepeatsParent = "repeats_parent",
        /// A root cause that no corrective action addresses yet.
        NoCorrectiveAction = "no_corrective_action",
    }
}

/// One finding about one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NodeCheck {
    /// The node it is about.
    pub node_id: WhyId,
    /// What was found.
    pub kind: CheckKind,
}

/// Phrases that put the blame on a person, in both languages.
const BLAME_EN: &[&str] = &[
    "human error",
    "user error",
    "operator error",
    "staff error",
    "employee error",
    "agent error",
    "careless",
    "carelessness",
    "forgot",
    "forgotten",
    "forgetful",
    "negligence",
    "negligent",
    "lazy",
    "laziness",
    "incompetent",
    "incompetence",
    "did not pay attention",
    "didn't pay attention",
    "not paying attention",
    "inattentive",
    "sloppy",
    "their fault",
    "his fault",
    "her fault",
];

const BLAME_AR: &[&str] = &[
    "خطا بشري",
    "اخطاء بشريه",
    "الخطا البشري",
    "اهمال",
    "نسي",
    "نسيان",
    "تقصير",
    "استهتار",
    "كسل",
    "غفله",
    "لم ينتبه",
    "عدم انتباه",
    "عدم الانتباه",
    "قله انتباه",
    "خطا الموظف",
    "خطا العميل",
    "لا مبالاه",
];

/// Words too common to tell two causes apart.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "it",
    "its",
    "of",
    "to",
    "in",
    "on",
    "for",
    "and",
    "or",
    "not",
    "no",
    "did",
    "does",
    "do",
    "this",
    "that",
    "because",
    "why",
    "they",
    "we",
    "has",
    "have",
    "had",
    "with",
    "at",
    "by",
    "as",
    "من",
    "في",
    "على",
    "الى",
    "عن",
    "ان",
    "لا",
    "لم",
    "لن",
    "ما",
    "هو",
    "هي",
    "هذا",
    "هذه",
    "ذلك",
    "تم",
    "كان",
    "كانت",
    "لان",
    "لماذا",
    "و",
    "او",
    "مع",
];

/// The words of already normalised text.
fn words(normalized: &str) -> Vec<String> {
    normalized
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An Arabic word without the article and the particles joined to its
/// front (و، ف، ب، ل، ال، وال، بال، لل، فال).
fn arabic_stem(word: &str) -> &str {
    for prefix in ["وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    for prefix in ["و", "ف", "ب", "ل"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    word
}

/// A normalised word and its Arabic stem.
struct Word {
    word: String,
    stem: String,
}

fn stemmed(normalized: &str) -> Vec<Word> {
    words(normalized)
        .into_iter()
        .map(|word| Word {
            stem: arabic_stem(&word).to_owned(),
            word,
        })
        .collect()
}

/// The blame phrases split into normalised words, once per check run.
struct Blame {
    english: Vec<Vec<Word>>,
    arabic: Vec<Vec<Word>>,
}

impl Blame {
    fn new() -> Self {
        Self {
            english: BLAME_EN.iter().map(|p| stemmed(&normalize(p))).collect(),
            arabic: BLAME_AR.iter().map(|p| stemmed(&normalize(p))).collect(),
        }
    }

    /// Whether normalised text blames a person.
    fn matches(&self, normalized: &str) -> bool {
        let text = stemmed(normalized);
        let found = |phrases: &[Vec<Word>], same: &dyn Fn(&Word, &Word) -> bool| {
            phrases.iter().any(|phrase| {
                !phrase.is_empty()
                    && text
                        .windows(phrase.len())
                        .any(|window| window.iter().zip(phrase).all(|(t, p)| same(t, p)))
            })
        };
        found(&self.english, &|t, p| t.word == p.word)
            || found(&self.arabic, &|t, p| {
                t.word.starts_with(&p.word) || t.stem.starts_with(&p.stem)
            })
    }
}

/// Whether `text` blames a person rather than a process or a system.
/// English phrases match whole words; Arabic ones match a word's stem and
/// allow endings (a joined pronoun: إهماله), because Arabic attaches them.
pub fn blames_person(text: &str) -> bool {
    Blame::new().matches(&normalize(text))
}

static STOP: std::sync::LazyLock<HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// The words of normalised text that carry meaning, as stems.
fn content_words(normalized: &str) -> HashSet<String> {
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(|w| arabic_stem(w).to_owned())
        .collect()
}

/// Whether `child` only repeats the words of `parent`: every word that
/// carries meaning in it is already in the parent.
pub fn repeats(child: &str, parent: &str) -> bool {
    only_repeats(
        &content_words(&normalize(child)),
        &content_words(&normalize(parent)),
    )
}

fn only_repeats(child: &HashSet<String>, parent: &HashSet<String>) -> bool {
    !child.is_empty() && child.is_subset(parent)
}

/// Runs every check over a tree. `nodes` are the live nodes of one
/// analysis; `statement` is the problem statement at the root; `corrected`
/// holds the causes that a live, uncancelled corrective action addresses.
pub fn run(nodes: &[WhyNode], statement: &str, corrected: &HashSet<WhyId>) -> Vec<NodeCheck> {
    let normalized: HashMap<WhyId, String> =
        nodes.iter().map(|n| (n.id, normalize(&n.text))).collect();
    let words: HashMap<WhyId, HashSet<String>> = normalized
        .iter()
        .map(|(id, text)| (*id, content_words(text)))
        .collect();
    let statement = content_words(&normalize(statement));
    let parents: HashSet<WhyId> = nodes.iter().filter_map(|n| n.parent_id).collect();
    let blame = Blame::new();
    let none = HashSet::new();
    let mut out = Vec::new();
    for n in nodes {
        let mut found = |kind| {
            out.push(NodeCheck {
                node_id: n.id,
                kind,
            })
        };
        let parent_words = n
            .parent_id
            .map_or(Some(&statement), |p| words.get(&p))
            .unwrap_or(&none);
        if only_repeats(words.get(&n.id).unwrap_or(&none), parent_words) {
            found(CheckKind::RepeatsParent);
        }
        if n.root_cause {
            if n.status == WhyStatus::Hypothesis {
                found(CheckKind::RootUnconfirmed);
            }
            if n.evidence.is_empty() {
                found(CheckKind::RootWithoutEvidence);
            }
            if normalized.get(&n.id).is_some_and(|t| blame.matches(t)) {
                found(CheckKind::BlamesPerson);
            }
            if !corrected.contains(&n.id) {
                found(CheckKind::NoCorrectiveAction);
            }
        } else if !parents.contains(&n.id) && n.status != WhyStatus::RuledOut {
            found(CheckKind::OpenBranch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blame_in_english_matches_whole_words_only() {
        assert!(blames_person("Human error by the night agent"));
        assert!(blames_person("The agent forgot to send the code"));
        assert!(blames_person("Staff were CARELESS with refunds"));
        assert!(!blames_person(
            "The form forgets nothing; the queue drops it"
        ));
        assert!(!blames_person("No step in the process checks the address"));
    }

    #[test]
    fn blame_in_arabic_matches_with_or_without_diacritics() {
        assert!(blames_person("خطأ بشري من موظف الوردية"));
        assert!(blames_person("إهمال الموظف"));
        assert!(blames_person("بسبب الإهْمال"));
        assert!(blames_person("الموظف نسي إرسال الرمز"));
        assert!(!blames_person("لا توجد خطوة في الإجراء للتحقق من العنوان"));
        assert!(!blames_person("لم نتحقق من الجنسية في النموذج"));
    }

    #[test]
    fn repeating_the_parent_is_caught_but_new_words_are_not() {
        assert!(repeats("The refund was late", "Refund late"));
        assert!(repeats("التأخير في الاسترداد", "تأخير الاسترداد"));
        assert!(!repeats(
            "The refund queue is reviewed once a week",
            "Refund late"
        ));
        assert!(!repeats("", "anything"));
    }
}
