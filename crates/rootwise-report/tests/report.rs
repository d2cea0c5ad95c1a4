//! The report of a sample problem in both languages and both paper sizes:
//! the PDF's text (through `pdftotext`) has the title, every root cause and
//! every action owner in order, Arabic in logical order, and user text as
//! typed; the HTML is escaped and scriptless. Pages are rendered to PNG
//! under `target/e2e/` for a look.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use rootwise_core::problem::{self, NewProblem};
use rootwise_core::Workspace;
use rootwise_report::labels::label;
use rootwise_report::{gather, gather_period, Lang, Paper, RenderOptions};

fn e2e_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: `{tool}` is not installed (Debian: poppler-utils); the PDF was written but not read back");
    }
    found
}

/// The PDF's text, whitespace collapsed (a line break is a space).
fn pdf_text(pdf: &[u8], name: &str) -> Option<String> {
    let path = e2e_dir().join(format!("report-{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    if !have("pdftotext") {
        return None;
    }
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).unwrap();
    // Direction marks poppler adds around right-to-left runs.
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    Some(squash(&text))
}

/// Renders the PDF's pages to `target/e2e/report-NAME-N.png` at 60 dpi.
fn pngs(name: &str) {
    if !have("pdftoppm") {
        return;
    }
    let dir = e2e_dir();
    let status = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(dir.join(format!("report-{name}.pdf")))
        .arg(dir.join(format!("report-{name}")))
        .status()
        .unwrap();
    assert!(status.success());
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` as poppler extracts it: whitespace collapsed, and the lam-alef
/// ligatures (one glyph for two letters) written in visual order.
fn extracted(s: &str) -> String {
    squash(s)
        .replace("لا", "ال")
        .replace("لأ", "أل")
        .replace("لإ", "إل")
        .replace("لآ", "آل")
        .replace("لى", "ىل")
}

/// Asserts every one of `items` appears in `text` after `from`, in order.
fn in_order(text: &str, from: usize, items: &[&str], what: &str) {
    let mut at = from;
    for item in items {
        let item = extracted(item);
        match text[at..].find(&item) {
            Some(i) => at += i + item.len(),
            None => panic!("{what}: {item:?} missing or out of order after byte {at} in:\n{text}"),
        }
    }
}

fn opts(paper: Paper) -> RenderOptions {
    RenderOptions {
        paper,
        workspace: "Support team <north>".into(),
        author: "Huda Karim".into(),
        date: common::today(),
    }
}

/// Checks the title, root causes and owners. pdftotext reads a page's
/// columns in an order of its own, so the order is checked on the
/// one-column A4 page and presence on A3.
fn check_pdf(ws: &Workspace, sample: &common::Sample, lang: Lang, paper: Paper, name: &str) {
    let report = gather(ws.conn(), sample.problem, lang).unwrap();
    let pdf = rootwise_report::problem_pdf(&report, &opts(paper)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let Some(text) = pdf_text(&pdf, name) else {
        return;
    };
    pngs(name);
    assert!(
        text.contains(&extracted(sample.title)),
        "{name}: title missing in:\n{text}"
    );
    if paper == Paper::A3Landscape {
        for item in sample.root_causes.iter().chain(&sample.owners) {
            assert!(
                text.contains(&extracted(item)),
                "{name}: {item:?} missing in:\n{text}"
            );
        }
        return;
    }
    let causes = text
        .find(&extracted(label(lang, "root_causes")))
        .unwrap_or_else(|| panic!("{name}: no root-cause section in:\n{text}"));
    in_order(&text, causes, &sample.root_causes, name);
    let actions = text[causes..]
        .find(&extracted(label(lang, "actions")))
        .map(|i| i + causes)
        .unwrap_or_else(|| panic!("{name}: no action section in:\n{text}"));
    in_order(&text, actions, &sample.owners, name);
    // The footer on every page.
    assert!(text.contains("Support team"), "{name}: footer missing");
    assert!(
        text.contains(&format!("{} 1", label(lang, "page"))),
        "{name}: page number missing"
    );
}

#[test]
fn english_problem_in_both_languages_and_papers_with_hostile_text_as_typed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let sample = common::english(&mut ws);
    common::add_people(&mut ws, sample.problem, None);
    for (lang, paper, name) in [
        (Lang::En, Paper::A3Landscape, "en-a3"),
        (Lang::En, Paper::A4Portrait, "en-a4"),
        (Lang::Ar, Paper::A3Landscape, "en-problem-ar-a3"),
    ] {
        check_pdf(&ws, &sample, lang, paper, name);
    }
    let report = gather(ws.conn(), sample.problem, Lang::En).unwrap();
    let pdf = rootwise_report::problem_pdf(&report, &opts(Paper::A3Landscape)).unwrap();
    if let Some(text) = pdf_text(&pdf, "en-a3") {
        for hostile in common::HOSTILE {
            assert!(
                text.contains(hostile),
                "{hostile:?} did not print as typed:\n{text}"
            );
        }
        // The hostile `#set page(width: 1cm)` did not shrink the page: the
        // A3 page is still there (pdftotext would fail or wrap every word).
        assert!(text.contains("Refund confirmations never reach customers"));
    }
}

#[test]
fn arabic_problem_in_logical_order() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let sample = common::arabic(&mut ws);
    let tree = rootwise_core::analysis::for_problem(ws.conn(), sample.problem).unwrap();
    let nodes = rootwise_core::analysis::tree(ws.conn(), tree[0].analysis.id)
        .unwrap()
        .nodes;
    let root = nodes.iter().find(|n| n.root_cause).map(|n| n.id);
    common::add_people(&mut ws, sample.problem, root);
    for (lang, paper, name) in [
        (Lang::Ar, Paper::A3Landscape, "ar-a3"),
        (Lang::Ar, Paper::A4Portrait, "ar-a4"),
        (Lang::En, Paper::A4Portrait, "ar-problem-en-a4"),
    ] {
        check_pdf(&ws, &sample, lang, paper, name);
    }
    let report = gather(ws.conn(), sample.problem, Lang::Ar).unwrap();
    let pdf = rootwise_report::problem_pdf(&report, &opts(Paper::A3Landscape)).unwrap();
    if let Some(text) = pdf_text(&pdf, "ar-a3") {
        // Logical order: the words of a sentence come out as written.
        // (poppler loses a letter whose glyph Typst first met with a
        // diacritic on it, so these sentences have none.)
        for s in [
            "تصل رسائل تأكيد الاسترداد متأخرة إلى العملاء",
            "لا توجد أولوية خاصة للرسائل التي تخص المعاملات",
            "فصل رسائل المعاملات في قائمة انتظار خاصة",
            label(Lang::Ar, "statement"),
        ] {
            assert!(
                text.contains(&extracted(s)),
                "{s:?} not in logical order:\n{text}"
            );
        }
    }
}

#[test]
fn html_is_escaped_scriptless_and_directed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let sample = common::english(&mut ws);
    common::add_people(&mut ws, sample.problem, None);
    for lang in [Lang::En, Lang::Ar] {
        let report = gather(ws.conn(), sample.problem, lang).unwrap();
        let html = rootwise_report::problem_html(&report, &opts(Paper::A3Landscape));
        std::fs::write(e2e_dir().join(format!("report-{}.html", lang.tag())), &html).unwrap();
        assert!(html.contains(&format!(
            "<html lang=\"{}\" dir=\"{}\">",
            lang.tag(),
            lang.dir()
        )));
        assert!(
            !html.to_lowercase().contains("<script"),
            "a script tag got through"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;now&lt;/b&gt;"));
        assert!(html.contains("Support team &lt;north&gt;"));
        assert!(
            !html.contains("<link") && !html.contains("src=\"http"),
            "external resource"
        );
        assert!(html.contains("<svg"), "no diagram");
        for c in &sample.root_causes {
            assert!(html.contains(&rootwise_report::html::esc(c)));
        }
    }
}

#[test]
fn period_report_has_one_section_per_closed_problem() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let english = common::english(&mut ws);
    let arabic = common::arabic(&mut ws);
    let _open = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Still open".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    for id in [english.problem, arabic.problem] {
        ws.write("Huda", |w| {
            problem::close_with_reason(w, id, "Checked in the monthly review")?;
            Ok(())
        })
        .unwrap();
    }
    let today = common::today();
    let report = gather_period(
        ws.conn(),
        today - chrono::Duration::days(30),
        today,
        Lang::En,
    )
    .unwrap();
    assert_eq!(report.problems.len(), 2);
    let pdf = rootwise_report::period_pdf(&report, &opts(Paper::A4Portrait)).unwrap();
    if let Some(text) = pdf_text(&pdf, "period-en-a4") {
        in_order(&text, 0, &[english.title, arabic.title], "period");
        assert!(!text.contains("Still open"));
    }
    let html = rootwise_report::period_html(&report, &opts(Paper::A4Portrait));
    assert_eq!(html.matches("<article class=\"problem\">").count(), 2);
    let empty = gather_period(
        ws.conn(),
        today - chrono::Duration::days(90),
        today - chrono::Duration::days(60),
        Lang::Ar,
    )
    .unwrap();
    let pdf = rootwise_report::period_pdf(&empty, &opts(Paper::A4Portrait)).unwrap();
    if let Some(text) = pdf_text(&pdf, "period-empty-ar") {
        assert!(text.contains(&extracted("خلال هذه الفترة")), "{text}");
    }
}

#[test]
fn a_big_tree_is_laid_out_without_overlaps_and_continues_on_numbered_pieces() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let id = common::problem_with(&mut ws, 0, 200, 30, false);
    for (lang, paper, name) in [
        (Lang::En, Paper::A3Landscape, "big-en-a3"),
        (Lang::Ar, Paper::A4Portrait, "big-ar-a4"),
    ] {
        let report = gather(ws.conn(), id, lang).unwrap();
        let doc = rootwise_report::view::problem_doc(&report, &opts(paper));
        let a = &doc.problems[0].analyses[0];
        let boxes = &a.diagram.boxes;
        assert_eq!(boxes.len(), 201);
        for (i, p) in boxes.iter().enumerate() {
            for q in &boxes[i + 1..] {
                let apart =
                    p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
                assert!(apart, "{name}: boxes overlap: {p:?} {q:?}");
            }
        }
        // Every box is in exactly one piece, and every piece fits the page.
        let mut seen = vec![0; boxes.len()];
        let (w, h) = paper.size();
        for t in &a.tiles {
            for b in &t.boxes {
                seen[*b] += 1;
                let b = &boxes[*b];
                assert!(
                    b.x >= t.x - 0.5 && b.x + b.w <= t.x + t.w + 0.5,
                    "{name}: a box is cut"
                );
                assert!(
                    b.y >= t.y - 0.5 && b.y + b.h <= t.y + t.h + 0.5,
                    "{name}: a box is cut"
                );
            }
            assert!(t.w * a.scale <= w - 2.0 * paper.margin() + 0.5);
            assert!(t.h * a.scale <= h - 2.0 * paper.margin());
        }
        assert!(
            seen.iter().all(|n| *n == 1),
            "{name}: a box is missing or shown twice"
        );
        assert!(a.tiles.len() > 1, "{name}: a 200-cause tree fits one page?");
        let pdf = rootwise_report::problem_pdf(&report, &opts(paper)).unwrap();
        if let Some(text) = pdf_text(&pdf, name) {
            pngs(name);
            let part = format!("{} {} ", label(lang, "diagram_part"), a.tiles.len());
            assert!(
                text.contains(&extracted(&part)) || lang == Lang::Ar,
                "{name}: pieces not numbered"
            );
        }
    }
}

#[test]
fn the_customer_measures_of_linked_answers_show_with_their_interval_and_count() {
    use rootwise_core::metrics::{self, ResponseInput, SurveyKind};
    let mut ws = Workspace::open_in_memory().unwrap();
    let sample = common::english(&mut ws);
    // None linked yet: no measures section.
    let report = gather(ws.conn(), sample.problem, Lang::En).unwrap();
    assert!(report.cx.is_empty());
    // 40 NPS answers: 20 promoters (10), 10 passives (8), 10 detractors (3):
    // NPS = 50% - 25% = 25.
    let today = rootwise_core::time::today_utc();
    ws.write("Mona", |w| {
        for (score, count) in [(10u8, 20), (8, 10), (3, 10)] {
            for _ in 0..count {
                metrics::add_response(
                    w,
                    &ResponseInput {
                        kind: SurveyKind::Nps,
                        score,
                        ces_scale: None,
                        ces_easy: None,
                        responded_on: today,
                        channel: None,
                        comment: None,
                        ticket_ref: None,
                        customer: None,
                        problem_id: Some(sample.problem),
                        touchpoint_id: None,
                    },
                )?;
            }
        }
        Ok(())
    })
    .unwrap();
    let report = gather(ws.conn(), sample.problem, Lang::En).unwrap();
    assert_eq!(report.cx.len(), 1);
    let nps = &report.cx[0];
    assert_eq!(
        (nps.name.as_str(), nps.value, nps.n, nps.thin),
        ("NPS", 25.0, 40, false)
    );
    let (low, high) = (nps.low.unwrap(), nps.high.unwrap());
    assert!(low < 25.0 && 25.0 < high, "{low} .. {high}");
    let html = rootwise_report::problem_html(&report, &opts(Paper::A4Portrait));
    assert!(html.contains("Customer experience measures"));
    assert!(html.contains("NPS"));
    assert!(
        html.contains("95% interval") && html.contains("n = 40"),
        "the figure with its interval"
    );
    let pdf = rootwise_report::problem_pdf(&report, &opts(Paper::A4Portrait)).unwrap();
    if let Some(text) = pdf_text(&pdf, "report-cx") {
        assert!(squash(&text).contains(&squash("n = 40")), "{text}");
    }
}
