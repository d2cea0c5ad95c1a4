//! The HTML: one self-contained file (inline CSS, the diagram and the chart
//! as inline SVG, no scripts, no external resources), `lang` and `dir` set.
//! Every piece of text goes through [`esc`]; no markup is built from
//! unescaped text.

use std::fmt::Write as _;

use crate::tree::{self, Diagram};
use crate::view::{AnalysisView, Chart, DocView, Fact, ProblemView};

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --accent: #1d4ed8; --green: #15803d; --grey: #4b5563; --light: #9ca3af; --amber: #b45309; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; padding: 16px 24px; max-width: 1400px; line-height: 1.45; }
h1 { font-size: 20pt; margin: 4px 0 12px; }
h2 { font-size: 12pt; color: var(--accent); border-block-end: 1px solid var(--accent); margin: 16px 0 6px; padding-block-end: 2px; }
h3 { font-size: 10pt; margin: 10px 0 4px; }
.kicker { color: var(--grey); font-weight: bold; font-size: 9pt; }
.muted { color: var(--grey); font-size: 9pt; }
.top { display: grid; grid-template-columns: 3fr 2fr; gap: 24px; }
.cols { columns: 3 320px; column-gap: 24px; }
.cols > section { break-inside: avoid; -webkit-column-break-inside: avoid; display: inline-block; inline-size: 100%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; margin: 0; }
dl.facts dt { color: var(--grey); }
dl.facts dd { margin: 0; }
.diagram { overflow-x: auto; }
.diagram svg { max-width: 100%; height: auto; }
.action { border-block-end: 1px solid #e5e7eb; padding-block: 4px; break-inside: avoid; }
.status { background: #e0e7ff; border-radius: 3px; padding: 0 4px; font-size: 9pt; }
blockquote { margin: 4px 0; padding-inline-start: 8px; border-inline-start: 3px solid #93c5fd; }
table { border-collapse: collapse; font-size: 9pt; }
td, th { border: 1px solid #d1d5db; padding: 2px 5px; text-align: start; }
.problem + .problem { break-before: page; }
footer { color: var(--grey); font-size: 8pt; margin-top: 24px; border-block-start: 1px solid #e5e7eb; padding-top: 4px; }
@page { margin: 12mm; }
@media print { body { max-width: none; padding: 0; } .diagram { overflow: visible; } }
"#;

/// The report's word for `key`, escaped.
fn word(doc: &DocView, key: &str) -> String {
    esc(doc.labels.get(key).copied().unwrap_or_default())
}

fn facts(out: &mut String, items: &[Fact]) {
    out.push_str("<dl class=\"facts\">");
    for f in items {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(&f.label), esc(&f.value));
    }
    out.push_str("</dl>");
}

/// The why-tree as an SVG element (same layout as the PDF).
pub fn diagram_svg(d: &Diagram) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 -2 {:.1} {:.1}\" width=\"{:.1}\" height=\"{:.1}\" role=\"img\">",
        d.width + 4.0,
        d.height + 4.0,
        d.width + 4.0,
        d.height + 4.0
    );
    for e in &d.edges {
        let p = e.points;
        let _ = write!(
            s,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"0.9\" points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\"/>",
            if e.joint { "#b45309" } else { "#9ca3af" },
            p[0].0, p[0].1, p[1].0, p[1].1, p[2].0, p[2].1, p[3].0, p[3].1
        );
    }
    for b in &d.boxes {
        let (stroke, width, dash, fill) = if b.kind == "problem" {
            ("#1d4ed8", 1.2, "", "#eef2ff")
        } else if b.root {
            ("#1d4ed8", 2.2, "", "#f5f7ff")
        } else if b.status == "confirmed" {
            ("#15803d", 1.0, "", "#fff")
        } else if b.status == "ruled_out" {
            ("#9ca3af", 0.8, "", "#fff")
        } else {
            ("#4b5563", 0.8, " stroke-dasharray=\"3 2\"", "#fff")
        };
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>",
            b.x, b.y, b.w, b.h
        );
        let rtl = b.dir == "rtl";
        // Anchor at the start side of the text's own direction.
        let x = if rtl {
            b.x + b.w - tree::PAD
        } else {
            b.x + tree::PAD
        };
        let header_y = b.y + tree::PAD + tree::HEADER_SIZE;
        let head_rtl = tree::text_dir(&b.header, crate::labels::Lang::En) == "rtl";
        let hx = if head_rtl {
            b.x + b.w - tree::PAD
        } else {
            b.x + tree::PAD
        };
        let _ = write!(
            s,
            "<text x=\"{hx:.1}\" y=\"{header_y:.1}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{}\" direction=\"{}\" text-anchor=\"start\">{}{}</text>",
            tree::HEADER_SIZE,
            if b.root { "#1d4ed8" } else { "#4b5563" },
            if head_rtl { "rtl" } else { "ltr" },
            esc(&b.header),
            if b.flagged { " (!)" } else { "" }
        );
        for (k, line) in b.lines.iter().enumerate() {
            let y = b.y + tree::PAD + tree::HEADER_HEIGHT + (k as f64 + 0.8) * tree::LINE_HEIGHT;
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{}\" fill=\"{}\" direction=\"{}\" text-anchor=\"start\"{}>{}</text>",
                tree::FONT_SIZE,
                if b.status == "ruled_out" { "#9ca3af" } else { "#111" },
                b.dir,
                if b.status == "ruled_out" { " text-decoration=\"line-through\"" } else { "" },
                esc(line)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The weekly chart as an SVG element.
pub fn chart_svg(c: &Chart) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -2 {:.1} {:.1}\" width=\"{:.1}\" height=\"{:.1}\" role=\"img\">",
        c.width,
        c.height + 16.0,
        c.width,
        c.height + 16.0
    );
    for b in &c.bars {
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#93c5fd\"><title>{}</title></rect>",
            b.x, b.y, b.w, b.h, b.count
        );
    }
    let _ = write!(
        s,
        "<line x1=\"0\" y1=\"{h:.1}\" x2=\"{w:.1}\" y2=\"{h:.1}\" stroke=\"#4b5563\" stroke-width=\"0.5\"/>",
        h = c.height,
        w = c.width
    );
    for f in &c.fixes {
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{h:.1}\" stroke=\"#15803d\" stroke-dasharray=\"3 2\"/><text x=\"{tx:.1}\" y=\"7\" font-size=\"7\" font-weight=\"bold\" fill=\"#15803d\">{n}</text>",
            x = f.x,
            h = c.height,
            tx = f.x + 2.0,
            n = esc(&f.label)
        );
    }
    // The first week sits at the start side: left, or right in Arabic.
    let (first_x, first_anchor, last_x, last_anchor) = if c.rtl {
        (c.width, "end", 0.0, "start")
    } else {
        (0.0, "start", c.width, "end")
    };
    let _ = write!(
        s,
        "<text x=\"0\" y=\"7\" font-size=\"7\" fill=\"#4b5563\">{}</text><text x=\"{first_x:.1}\" y=\"{y:.1}\" font-size=\"7\" fill=\"#4b5563\" text-anchor=\"{first_anchor}\">{}</text><text x=\"{last_x:.1}\" y=\"{y:.1}\" font-size=\"7\" fill=\"#4b5563\" text-anchor=\"{last_anchor}\">{}</text></svg>",
        c.max,
        esc(&c.first),
        esc(&c.last),
        y = c.height + 12.0,
    );
    s
}

/// A titled table; `head` is already escaped, the cells are text.
fn table<'a>(
    out: &mut String,
    title: &str,
    head: &[String],
    rows: impl Iterator<Item = Vec<&'a str>>,
) {
    let _ = write!(out, "<h3>{title}</h3><table><tr>");
    for h in head {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

fn list(out: &mut String, items: impl IntoIterator<Item = String>) {
    out.push_str("<ul>");
    for i in items {
        let _ = write!(out, "<li>{i}</li>");
    }
    out.push_str("</ul>");
}

fn analysis(out: &mut String, a: &AnalysisView, doc: &DocView) {
    let l = |k: &str| word(doc, k);
    let _ = write!(
        out,
        "<h2>{}: {}</h2><p class=\"muted\">{}</p><div class=\"diagram\">{}</div>",
        l("analysis"),
        esc(&a.title),
        esc(&a.meta),
        diagram_svg(&a.diagram)
    );
}

fn causes(out: &mut String, a: &AnalysisView, doc: &DocView) {
    let l = |k: &str| word(doc, k);
    let _ = write!(out, "<section><h2>{}</h2>", l("root_causes"));
    if a.root_causes.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", l("no_root_causes"));
    }
    out.push_str("<ol>");
    for c in &a.root_causes {
        let _ = write!(
            out,
            "<li><strong>{}</strong><br><span class=\"muted\">{}</span>",
            esc(&c.text),
            esc(&c.meta)
        );
        if c.evidence.is_empty() {
            let _ = write!(out, "<br><span class=\"muted\">{}</span>", l("no_evidence"));
        } else {
            list(out, c.evidence.iter().map(|e| esc(e)));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    if !a.ruled_out.is_empty() {
        let _ = write!(out, "<h3>{}</h3>", l("ruled_out"));
        list(
            out,
            a.ruled_out.iter().map(|r| format!("<s>{}</s>", esc(r))),
        );
    }
    if !a.checks.is_empty() {
        let _ = write!(out, "<h3>{}</h3>", l("open_checks"));
        list(
            out,
            a.checks
                .iter()
                .map(|c| format!("<strong>{}</strong> — {}", esc(&c.cause), esc(&c.message))),
        );
    }
    out.push_str("</section>");
}

fn problem(out: &mut String, p: &ProblemView, doc: &DocView) {
    let l = |k: &str| word(doc, k);
    let _ = write!(
        out,
        "<article class=\"problem\"><h1 dir=\"{}\">{}</h1><div class=\"top\"><section><h2>{}</h2>",
        p.title_dir,
        esc(&p.title),
        l("statement")
    );
    facts(out, &p.facts);
    if !p.description.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3><p dir=\"{}\">{}</p>",
            l("description"),
            p.description_dir,
            esc(&p.description)
        );
    }
    let _ = write!(
        out,
        "</section><section><h2>{}</h2><p class=\"muted\">{}</p>{}",
        l("impact"),
        l("per_week"),
        chart_svg(&p.chart)
    );
    if !p.fixes.is_empty() {
        let _ = write!(out, "<h3>{}</h3>", l("fixes"));
        list(out, p.fixes.iter().map(|f| esc(f)));
    }
    if !p.cx.is_empty() {
        table(
            out,
            &l("cx_measures"),
            &[String::new(), String::new(), l("interval")],
            p.cx.iter()
                .map(|m| vec![m.name.as_str(), m.value.as_str(), m.interval.as_str()]),
        );
    }
    out.push_str("</section></div>");
    if p.analyses.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><p class=\"muted\">{}</p>",
            l("analysis"),
            l("no_analysis")
        );
    }
    for a in &p.analyses {
        analysis(out, a, doc);
    }
    out.push_str("<div class=\"cols\">");
    for a in &p.analyses {
        causes(out, a, doc);
    }
    if !p.personas.is_empty() || !p.notes.is_empty() {
        let _ = write!(out, "<section><h2>{}</h2>", l("people"));
        for per in &p.personas {
            let _ = write!(
                out,
                "<h3>{} <span class=\"muted\">{}</span></h3>",
                esc(&per.name),
                esc(&per.about)
            );
            for q in &per.quotes {
                let _ = write!(
                    out,
                    "<blockquote>“{}”<br><span class=\"muted\">{}</span></blockquote>",
                    esc(&q.text),
                    esc(&q.source)
                );
            }
        }
        if !p.notes.is_empty() {
            let _ = write!(out, "<h3>{}</h3>", l("empathy_notes"));
            list(
                out,
                p.notes.iter().map(|n| {
                    format!(
                        "<strong>{}</strong>: {} <span class=\"muted\">({})</span>",
                        esc(&n.area),
                        esc(&n.text),
                        esc(&n.source)
                    )
                }),
            );
        }
        out.push_str("</section>");
    }
    let _ = write!(out, "<section><h2>{}</h2>", l("actions"));
    if p.action_groups.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", l("no_actions"));
    }
    for g in &p.action_groups {
        let _ = write!(out, "<h3>{}</h3>", esc(&g.kind));
        for a in &g.actions {
            let _ = write!(
                out,
                "<div class=\"action\"><strong>{}</strong><br><span class=\"muted\">{}:</span> <strong>{}</strong> <span class=\"status\">{}</span>",
                esc(&a.title),
                l("owner"),
                esc(&a.owner),
                esc(&a.status)
            );
            facts(out, &a.facts);
            out.push_str("</div>");
        }
    }
    if !p.recurrence.is_empty() {
        table(
            out,
            &l("recurrence"),
            &[
                String::new(),
                l("done_on"),
                l("before"),
                l("after"),
                l("weeks_after"),
            ],
            p.recurrence.iter().map(|r| {
                vec![
                    r.title.as_str(),
                    r.done_on.as_str(),
                    r.before.as_str(),
                    r.after.as_str(),
                    r.weeks.as_str(),
                ]
            }),
        );
    }
    out.push_str("</section></div></article>");
}

/// The report's stylesheet (landscape A3 or portrait A4): the only styles
/// in its HTML, so an app that shows the report can allow exactly these
/// (by hash, in its content security policy: [`stylesheets`]).
fn stylesheet(landscape: bool) -> String {
    let page = if landscape {
        "A3 landscape"
    } else {
        "A4 portrait"
    };
    format!("{CSS}@page {{ size: {page}; }}")
}

/// Every stylesheet a report's HTML may hold.
pub fn stylesheets() -> [String; 2] {
    [stylesheet(true), stylesheet(false)]
}

/// Writes `doc` as one HTML file.
pub fn render(doc: &DocView) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let l = |k: &str| word(doc, k);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{}</style></head><body>",
        doc.lang,
        doc.dir,
        esc(&doc.title),
        stylesheet(doc.page.3 > 1)
    );
    let _ = write!(out, "<p class=\"kicker\">{}", esc(&doc.heading));
    if !doc.subheading.is_empty() {
        let _ = write!(out, " · {}", esc(&doc.subheading));
    }
    out.push_str("</p>");
    if doc.problems.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", l("no_problems"));
    }
    for p in &doc.problems {
        problem(&mut out, p, doc);
    }
    out.push_str("<footer>");
    let footer: Vec<String> = doc
        .footer
        .iter()
        .map(|f| format!("{}: {}", esc(&f.label), esc(&f.value)))
        .collect();
    out.push_str(&footer.join(" · "));
    out.push_str("</footer></body></html>\n");
    out
}
