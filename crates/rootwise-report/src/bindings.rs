//! The TypeScript bindings of the report's choices (paper, format), in
//! `ui/src/bindings/report/`, with the values the UI offers in `rules.ts`
//! there; `tests/bindings.rs` fails when the committed files are stale.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::{Format, Paper};

/// Writes the bindings and `rules.ts` into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    Paper::export_all(&cfg)?;
    Format::export_all(&cfg)?;
    let rules = "// Generated from rootwise-report; do not edit (`make bindings`).\n\
                 import type { Format } from \"./Format\";\n\
                 import type { Paper } from \"./Paper\";\n\n\
                 /** The papers a report can be set on, the default first. */\n\
                 export const PAPERS: readonly Paper[] = [\"a3_landscape\", \"a4_portrait\"];\n\n\
                 /** What a report can be saved as. */\n\
                 export const FORMATS: readonly Format[] = [\"pdf\", \"html\"];\n";
    std::fs::write(dir.join("rules.ts"), rules).map_err(ExportError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_list_every_paper_and_format() {
        // The lists in rules.ts are written out: a new choice must join them.
        for paper in [Paper::A3Landscape, Paper::A4Portrait] {
            match paper {
                Paper::A3Landscape | Paper::A4Portrait => {}
            }
        }
        for format in [Format::Pdf, Format::Html] {
            match format {
                Format::Pdf | Format::Html => {}
            }
        }
        assert_eq!(Paper::default(), Paper::A3Landscape);
    }
}
