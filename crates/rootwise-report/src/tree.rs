//! The why-tree diagram's layout, shared by the PDF and the HTML.
//!
//! As in the app (`ui/src/features/analyses/diagram/layout.ts`): the problem
//! sits at the start side (left in English, right in Arabic, an exact
//! mirror), one column per why; boxes have a fixed width and a height that
//! follows their wrapped text; leaves are stacked in order and every parent
//! is centred on its children, shifting a subtree down when its parent
//! would overlap the box above it. Units are PostScript points.

use std::collections::HashMap;

use rootwise_core::analysis::{AnalysisTree, WhyStatus};
use rootwise_core::ids::WhyId;
use serde::Serialize;

use crate::labels::{label, EnumLabel, Lang};

/// Width of every box.
pub const BOX_WIDTH: f64 = 150.0;
/// Room between two columns (the edges live there).
pub const COLUMN_GAP: f64 = 26.0;
/// Size of a box's text.
pub const FONT_SIZE: f64 = 8.0;
/// Height of one line of a box's text.
pub const LINE_HEIGHT: f64 = 10.5;
/// Size of a box's header (status, root-cause mark).
pub const HEADER_SIZE: f64 = 6.5;
/// Height of the header row.
pub const HEADER_HEIGHT: f64 = 9.0;
/// Padding inside a box, on every side.
pub const PAD: f64 = 5.0;
const SIBLING_GAP: f64 = 8.0;
const COUSIN_GAP: f64 = 16.0;

/// One box of the diagram.
#[derive(Debug, Clone, Serialize)]
pub struct DiagramBox {
    /// Start-side edge, from the diagram's left.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// `problem` or `cause`.
    pub kind: &'static str,
    /// The cause's status (`hypothesis`, `confirmed`, `ruled_out`).
    pub status: &'static str,
    /// Whether the cause is marked as a root cause.
    pub root: bool,
    /// Whether the checks found something about the cause.
    pub flagged: bool,
    /// The header line: status and marks, in the reader's language.
    pub header: String,
    /// The text, wrapped into lines.
    pub lines: Vec<String>,
    /// The text's own direction (`ltr` or `rtl`), from its first strong letter.
    pub dir: &'static str,
}

/// One edge: a three-segment elbow from an effect to its cause.
#[derive(Debug, Clone, Serialize)]
pub struct DiagramEdge {
    /// The four points of the elbow.
    pub points: [(f64, f64); 4],
    /// Whether the cause is one of several that act together (AND).
    pub joint: bool,
}

/// A laid-out why-tree.
#[derive(Debug, Clone, Serialize)]
pub struct Diagram {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// The boxes, the problem first, then the causes depth first.
    pub boxes: Vec<DiagramBox>,
    /// The edges.
    pub edges: Vec<DiagramEdge>,
}

/// A rectangle of the diagram shown as one piece (a long or wide tree
/// continues on further pieces), with the boxes and edges it shows.
#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    /// Left edge in the diagram.
    pub x: f64,
    /// Top edge in the diagram.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Indexes of the boxes inside it.
    pub boxes: Vec<usize>,
    /// Indexes of the edges that cross it.
    pub edges: Vec<usize>,
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfdff | 0xfe70..=0xfefc)
}

/// The direction of `text` from its first strong letter, else `lang`'s.
pub fn text_dir(text: &str, lang: Lang) -> &'static str {
    match text.chars().find(|c| c.is_alphabetic()) {
        Some(c) if is_arabic(c) => "rtl",
        Some(_) => "ltr",
        None => lang.dir(),
    }
}

/// Advance width of `c` in Noto Sans at `size` points, a little generous so
/// real text never overflows its box (the app's `estimateWidth`).
fn char_width(c: char, size: f64) -> f64 {
    let em = match c {
        ' ' => 0.28,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.30,
        'A'..='Z' | 'm' | 'w' => 0.73,
        c if is_arabic(c) => 0.52,
        c if c.is_ascii() => 0.58,
        _ => 0.62,
    };
    em * size
}

/// Width of `text` at `size` points.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_width(c, size)).sum()
}

/// Greedy word wrap into lines no wider than `max` at `size` points;
/// over-long words are cut.
pub fn wrap(text: &str, max: f64, size: f64) -> Vec<String> {
    let space = char_width(' ', size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        let mut w = text_width(&word, size);
        while w > max {
            // Cut an over-long word where it stops fitting.
            let mut cut = 0.0;
            let split = word
                .char_indices()
                .find(|(_, c)| {
                    cut += char_width(*c, size);
                    cut > max
                })
                .map(|(i, _)| i)
                .unwrap_or(word.len());
            let split = if split == 0 {
                word.chars().next().map_or(word.len(), char::len_utf8)
            } else {
                split
            };
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word[..split].to_owned());
            word = word[split..].to_owned();
            w = text_width(&word, size);
            width = 0.0;
        }
        if word.is_empty() {
            continue;
        }
        if line.is_empty() {
            line = word;
            width = w;
        } else if width + space + w <= max {
            line.push(' ');
            line.push_str(&word);
            width += space + w;
        } else {
            lines.push(std::mem::replace(&mut line, word));
            width = w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

struct Layout {
    boxes: Vec<DiagramBox>,
    children: Vec<Vec<usize>>,
    parent: Vec<Option<usize>>,
    depth: Vec<usize>,
    /// Per depth, the bottom of the last box placed there.
    next_free: Vec<Option<f64>>,
    /// Per depth, the parent of the last box placed there.
    last_parent: Vec<Option<usize>>,
}

impl Layout {
    fn place(&mut self, i: usize) {
        let d = self.depth[i];
        if self.next_free.len() <= d {
            self.next_free.resize(d + 1, None);
            self.last_parent.resize(d + 1, None);
        }
        let kids = self.children[i].clone();
        for &k in &kids {
            self.place(k);
        }
        let gap = if self.last_parent[d] == self.parent[i] {
            SIBLING_GAP
        } else {
            COUSIN_GAP
        };
        let free = self.next_free[d].map_or(0.0, |f| f + gap);
        let h = self.boxes[i].h;
        let y = match (kids.first(), kids.last()) {
            (Some(&first), Some(&last)) => {
                let top = self.boxes[first].y + self.boxes[first].h / 2.0;
                let bottom = self.boxes[last].y + self.boxes[last].h / 2.0;
                let y = (top + bottom) / 2.0 - h / 2.0;
                if y < free {
                    self.shift(i, free - y);
                    free
                } else {
                    y
                }
            }
            _ => free,
        };
        self.boxes[i].y = y;
        self.next_free[d] = Some(y + h);
        self.last_parent[d] = self.parent[i];
    }

    /// Moves the placed descendants of `i` down by `by`.
    fn shift(&mut self, i: usize, by: f64) {
        let mut stack = self.children[i].clone();
        let mut deepest = HashMap::new();
        while let Some(n) = stack.pop() {
            self.boxes[n].y += by;
            let bottom = self.boxes[n].y + self.boxes[n].h;
            let e = deepest.entry(self.depth[n]).or_insert(bottom);
            if bottom > *e {
                *e = bottom;
            }
            stack.extend(self.children[n].iter().copied());
        }
        for (d, bottom) in deepest {
            let free = &mut self.next_free[d];
            *free = Some(free.map_or(bottom, |f| f.max(bottom)));
        }
    }
}

fn header(status: WhyStatus, root: bool, lang: Lang) -> String {
    let mut h = status.label(lang).to_owned();
    if root {
        h.push_str(" · ");
        h.push_str(label(lang, "root_cause"));
    }
    h
}

/// Lays out `tree` for a reader of `lang` (mirrored for right to left).
pub fn layout(tree: &AnalysisTree, lang: Lang) -> Diagram {
    let text_max = BOX_WIDTH - 2.0 * PAD;
    let make = |kind, status, root, flagged, header: String, text: &str| {
        let lines = wrap(text, text_max, FONT_SIZE);
        let h = 2.0 * PAD + HEADER_HEIGHT + lines.len() as f64 * LINE_HEIGHT;
        DiagramBox {
            x: 0.0,
            y: 0.0,
            w: BOX_WIDTH,
            h,
            kind,
            status,
            root,
            flagged,
            header,
            lines,
            dir: text_dir(text, lang),
        }
    };
    let flagged: std::collections::HashSet<WhyId> = tree.checks.iter().map(|c| c.node_id).collect();
    let mut boxes = vec![make(
        "problem",
        "",
        false,
        false,
        label(lang, "statement").to_owned(),
        &tree.problem.title,
    )];
    let mut index: HashMap<WhyId, usize> = HashMap::new();
    for n in &tree.nodes {
        index.insert(n.id, boxes.len());
        boxes.push(make(
            "cause",
            n.status.as_str(),
            n.root_cause,
            flagged.contains(&n.id),
            header(n.status, n.root_cause, lang),
            &n.text,
        ));
    }
    let count = boxes.len();
    let mut children = vec![Vec::new(); count];
    let mut parent = vec![None; count];
    let mut sorted: Vec<_> = tree.nodes.iter().collect();
    sorted.sort_by_key(|n| n.position);
    for n in sorted {
        let i = index[&n.id];
        let p = n
            .parent_id
            .and_then(|p| index.get(&p).copied())
            .unwrap_or(0);
        children[p].push(i);
        parent[i] = Some(p);
    }
    let mut depth = vec![0; count];
    let mut stack = vec![0usize];
    while let Some(n) = stack.pop() {
        for &c in &children[n] {
            depth[c] = depth[n] + 1;
            stack.push(c);
        }
    }
    let mut l = Layout {
        boxes,
        children,
        parent,
        depth,
        next_free: Vec::new(),
        last_parent: Vec::new(),
    };
    l.place(0);
    let pitch = BOX_WIDTH + COLUMN_GAP;
    let columns = l.depth.iter().max().map_or(1, |d| d + 1);
    let width = columns as f64 * pitch - COLUMN_GAP;
    let height = l.boxes.iter().map(|b| b.y + b.h).fold(0.0, f64::max);
    for (i, b) in l.boxes.iter_mut().enumerate() {
        b.x = l.depth[i] as f64 * pitch;
        if lang.rtl() {
            b.x = width - b.x - b.w;
        }
    }
    let mut edges = Vec::new();
    for (c, p) in l.parent.iter().enumerate() {
        let Some(p) = *p else { continue };
        let (pb, cb) = (&l.boxes[p], &l.boxes[c]);
        let (from_x, to_x) = if lang.rtl() {
            (pb.x, cb.x + cb.w)
        } else {
            (pb.x + pb.w, cb.x)
        };
        let mid = (from_x + to_x) / 2.0;
        let (py, cy) = (pb.y + pb.h / 2.0, cb.y + cb.h / 2.0);
        let joint = c > 0 && tree.nodes.get(c - 1).is_some_and(|n| n.joint);
        edges.push(DiagramEdge {
            points: [(from_x, py), (mid, py), (mid, cy), (to_x, cy)],
            joint,
        });
    }
    Diagram {
        width,
        height,
        boxes: l.boxes,
        edges,
    }
}

/// Cuts `0..total` into pieces no longer than `max`, only where no interval
/// of `spans` lies across the cut (a box is never cut in two).
fn cuts(spans: &[(f64, f64)], total: f64, max: f64) -> Vec<(f64, f64)> {
    let mut ends: Vec<f64> = spans.iter().map(|s| s.1).collect();
    ends.push(total);
    ends.sort_by(f64::total_cmp);
    let free = |p: f64| !spans.iter().any(|s| s.0 < p - 0.01 && p + 0.01 < s.1);
    let mut pieces = Vec::new();
    let mut start = 0.0;
    while start < total - 0.01 {
        let fits = ends
            .iter()
            .copied()
            .filter(|e| *e > start + 0.01 && *e <= start + max && free(*e))
            .fold(None, |_, e| Some(e));
        // A single box longer than a piece: take it whole.
        let end = fits
            .or_else(|| ends.iter().copied().find(|e| *e > start + 0.01 && free(*e)))
            .unwrap_or(total);
        // Start the next piece at the next box, not in the gap.
        let next = spans
            .iter()
            .map(|s| s.0)
            .filter(|s| *s >= end - 0.01)
            .fold(total, f64::min);
        pieces.push((start, end));
        start = next.max(end);
    }
    if pieces.is_empty() {
        pieces.push((0.0, total));
    }
    pieces
}

/// The diagram in pieces of at most `max_w` by `max_h` (reading order: rows
/// of pieces from the top, each row from the start side).
pub fn tiles(d: &Diagram, max_w: f64, max_h: f64, lang: Lang) -> Vec<Tile> {
    let xs: Vec<_> = d.boxes.iter().map(|b| (b.x, b.x + b.w)).collect();
    let ys: Vec<_> = d.boxes.iter().map(|b| (b.y, b.y + b.h)).collect();
    let mut cols = cuts(&xs, d.width, max_w);
    if lang.rtl() {
        cols.reverse();
    }
    let rows = cuts(&ys, d.height, max_h);
    let mut tiles = Vec::new();
    for (y0, y1) in &rows {
        for (x0, x1) in &cols {
            let inside =
                |x: f64, y: f64| x >= x0 - 0.5 && x <= x1 + 0.5 && y >= y0 - 0.5 && y <= y1 + 0.5;
            let boxes: Vec<usize> = d
                .boxes
                .iter()
                .enumerate()
                .filter(|(_, b)| inside(b.x + b.w / 2.0, b.y + b.h / 2.0))
                .map(|(i, _)| i)
                .collect();
            // A piece with lines only says nothing: leave it out.
            if boxes.is_empty() {
                continue;
            }
            let edges = d
                .edges
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let (lx, hx) = (
                        e.points[0].0.min(e.points[3].0),
                        e.points[0].0.max(e.points[3].0),
                    );
                    let (ly, hy) = (
                        e.points[0].1.min(e.points[3].1),
                        e.points[0].1.max(e.points[3].1),
                    );
                    lx <= *x1 && hx >= *x0 && ly <= *y1 && hy >= *y0
                })
                .map(|(i, _)| i)
                .collect();
            tiles.push(Tile {
                x: *x0,
                y: *y0,
                w: x1 - x0,
                h: y1 - y0,
                boxes,
                edges,
            });
        }
    }
    tiles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_and_cuts_long_ones() {
        let lines = wrap(
            "one two three four five six seven eight nine ten",
            60.0,
            8.0,
        );
        assert!(lines.len() > 1);
        assert_eq!(
            lines.join(" "),
            "one two three four five six seven eight nine ten"
        );
        let long = "x".repeat(200);
        let lines = wrap(&long, 60.0, 8.0);
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| text_width(l, 8.0) <= 60.0));
    }

    #[test]
    fn cuts_never_split_a_span() {
        let spans = [(0.0, 10.0), (12.0, 30.0), (32.0, 40.0), (45.0, 100.0)];
        let pieces = cuts(&spans, 100.0, 35.0);
        for (a, b) in &pieces {
            for s in &spans {
                assert!(!(s.0 < *b - 0.01 && *b + 0.01 < s.1), "{a}..{b} cuts {s:?}");
            }
        }
        assert_eq!(pieces.first().map(|p| p.0), Some(0.0));
        assert_eq!(pieces.last().map(|p| p.1), Some(100.0));
    }
}
