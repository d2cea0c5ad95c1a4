//! Rootwise's root-cause report: everything recorded about a problem (its
//! statement, impact, why-tree, people and actions) on an A3 page, as a PDF
//! typeset by an embedded Typst or as one self-contained HTML file, in
//! English or Arabic (right to left throughout).
//!
//! - [`gather`] / [`gather_period`] read the data through rootwise-core;
//! - [`view`] puts it into words ([`labels`]) and lays out the why-tree
//!   ([`tree`]);
//! - [`pdf`] (with [`world`] and `report.typ`) and [`html`] write it.
//!
//! User text is data, never markup: the PDF template reads it from JSON and
//! the HTML escapes it.

pub mod bindings;
pub mod error;
pub mod gather;
pub mod html;
pub mod labels;
pub mod model;
pub mod pdf;
pub mod tree;
pub mod view;
pub mod world;

pub use error::{Error, Result};
pub use gather::{gather, gather_on, gather_period};
pub use labels::Lang;
pub use model::{CxMeasure, PeriodReport, PersonaQuotes, ProblemReport};
pub use view::{Paper, RenderOptions};
pub use world::warm_up;

/// What a report is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A PDF typeset by the embedded Typst.
    Pdf,
    /// One self-contained HTML file.
    Html,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// The report of one problem as PDF bytes.
pub fn problem_pdf(report: &ProblemReport, opts: &RenderOptions) -> Result<Vec<u8>> {
    pdf::render(&view::problem_doc(report, opts), opts)
}

/// The report of one problem as one HTML file.
pub fn problem_html(report: &ProblemReport, opts: &RenderOptions) -> String {
    html::render(&view::problem_doc(report, opts))
}

/// The report of a period's closed problems as PDF bytes.
pub fn period_pdf(report: &PeriodReport, opts: &RenderOptions) -> Result<Vec<u8>> {
    pdf::render(&view::period_doc(report, opts), opts)
}

/// The report of a period's closed problems as one HTML file.
pub fn period_html(report: &PeriodReport, opts: &RenderOptions) -> String {
    html::render(&view::period_doc(report, opts))
}
