//! `quotecheck eval GOLD.jsonl...`: extraction and attribution scored against
//! annotated corpora, overall and per source.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use super::Status;
use crate::error::{Error, ErrorKind};
use crate::eval::{score, Counts, ErrorCase, GoldDoc};
use crate::pipeline::Pipeline;
use crate::report::eval as report;

#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    pub gold: Vec<PathBuf>,
    /// Print up to this many misses and this many wrong attributions.
    pub errors: usize,
    pub json: bool,
}

/// The scores of a run: overall, and per `source` in name order.
#[derive(Debug, Clone, Default)]
pub struct EvalResult {
    pub overall: Counts,
    pub by_source: std::collections::BTreeMap<String, Counts>,
    pub misses: Vec<(ErrorCase, String)>,
    pub wrong: Vec<(ErrorCase, String)>,
}

pub fn run(
    pipeline: &Pipeline,
    opts: &EvalOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Status {
    let mut result = EvalResult::default();
    let mut status = Status::Ok;
    for path in &opts.gold {
        if let Err(e) = evaluate_file(pipeline, path, opts.errors, &mut result) {
            status = status.max(super::report_error(err, &e));
        }
    }
    let written = if opts.json {
        report::write_json(out, &result)
    } else {
        report::write_table(out, &result)
    };
    if let Err(e) = written {
        return super::report_error(err, &Error::from(e));
    }
    status
}

fn evaluate_file(
    pipeline: &Pipeline,
    path: &PathBuf,
    keep: usize,
    result: &mut EvalResult,
) -> crate::Result<()> {
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).in_file(path))?;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::from(e).in_file(path))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(&line).map_err(|e| {
            Error::new(ErrorKind::Json(e.to_string()))
                .in_file(path)
                .at(i + 1, e.column())
        })?;
        let extraction = pipeline.extract(&doc.text);
        let (counts, errors) = score(&doc, &extraction.quotes);
        result.overall.add(&counts);
        let source = doc.source.clone().unwrap_or_else(|| "(none)".into());
        result.by_source.entry(source).or_default().add(&counts);
        for e in errors {
            let bucket = match e.kind {
                crate::eval::ErrorKind::Miss => &mut result.misses,
                crate::eval::ErrorKind::Wrong => &mut result.wrong,
            };
            if bucket.len() < keep {
                let context = context_around(&doc.text, e.gold_start, e.gold_end);
                bucket.push((e, context));
            }
        }
    }
    Ok(())
}

/// The text around a gold quote, on one line, for reading errors.
fn context_around(text: &str, start: usize, end: usize) -> String {
    let lo = crate::document::floor_char_boundary(text, start.saturating_sub(120));
    let hi =
        crate::document::floor_char_boundary(text, (end + 80).min(start + 240).min(text.len()));
    text[lo..hi]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
