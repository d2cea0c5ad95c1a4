//! The PDF: the document's words as JSON data, typeset by the embedded
//! Typst template (`report.typ`). User text is never Typst markup.

use typst::layout::PagedDocument;

use crate::error::{Error, Result};
use crate::view::{DocView, RenderOptions};
use crate::world::ReportWorld;

/// Typesets `doc` into PDF bytes.
pub fn render(doc: &DocView, opts: &RenderOptions) -> Result<Vec<u8>> {
    let data = serde_json::to_vec(doc)?;
    let world = ReportWorld::new(data, opts.date);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| Error::Typeset(messages(&errors)))?;
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| Error::Typeset(messages(&errors)))?;
    // Keep memoised results of recent compilations only.
    typst::comemo::evict(10);
    Ok(pdf)
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
