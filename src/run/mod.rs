//! The commands as library functions: each takes its options and the writers for
//! output and errors, and returns the exit status. The binary only parses the
//! command line and calls these.

pub mod check;
pub mod eval;

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::input::{self, Source};
use crate::pipeline::Pipeline;
use crate::report::extract::{write_document, write_error_record, ErrorRecord};
use crate::report::{DocName, Format};
use crate::rules::RuleSet;

/// The exit status of a command: 0 all good, 1 findings, 2 trouble.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok = 0,
    Findings = 1,
    Trouble = 2,
}

impl Status {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    /// Each path is one article.
    #[default]
    Text,
    /// Each line of each input is a `{"id", "text"}` record.
    Jsonl,
}

#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    pub input: InputMode,
}

/// The embedded rules with every `--rules` path merged on top.
pub fn load_rules(extra: &[PathBuf]) -> Result<RuleSet> {
    let mut rules = RuleSet::embedded();
    for path in extra {
        rules.merge_path(path)?;
    }
    Ok(rules)
}

/// `quotecheck extract`: prints the quotes of every input.
pub fn extract(
    pipeline: &Pipeline,
    opts: &ExtractOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Status {
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        opts.paths.clone()
    };
    let (sources, errors) = input::resolve(&paths);
    let mut status = Status::Ok;
    for e in errors {
        status = status.max(report_error(err, &e));
    }
    for source in &sources {
        let result = match opts.input {
            InputMode::Text => extract_article(pipeline, source, opts.format, out),
            InputMode::Jsonl => extract_records(pipeline, source, opts.format, out, err),
        };
        match result {
            Ok(s) => status = status.max(s),
            Err(e) => status = status.max(report_error(err, &e)),
        }
    }
    status
}

fn extract_article(
    pipeline: &Pipeline,
    source: &Source,
    format: Format,
    out: &mut dyn Write,
) -> Result<Status> {
    let text = input::read_source(source).map_err(|e| name_source(e, source))?;
    let extraction = pipeline.extract(&text);
    let name = DocName::Path {
        path: source.name(),
    };
    write_document(out, format, &name, &extraction)?;
    Ok(Status::Ok)
}

/// Reads JSON Lines records one at a time, writing and flushing each result
/// before reading the next, so the command works as a streaming filter. A bad
/// line gives an error record and the run goes on.
fn extract_records(
    pipeline: &Pipeline,
    source: &Source,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status> {
    let reader: Box<dyn BufRead> = match source {
        Source::Stdin => Box::new(BufReader::new(std::io::stdin().lock())),
        Source::File(p) => Box::new(BufReader::new(
            std::fs::File::open(p).map_err(|e| Error::from(e).in_file(p))?,
        )),
    };
    let mut status = Status::Ok;
    for (i, line) in reader.split(b'\n').enumerate() {
        let line_number = i + 1;
        let line = line.map_err(|e| name_source(Error::from(e), source))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = input::decode(line).and_then(|l| input::parse_record(&l, line_number));
        match record {
            Ok(record) => {
                let extraction = pipeline.extract(&record.text);
                let name = DocName::Id { id: record.id };
                write_document(out, format, &name, &extraction)?;
            }
            Err(e) => {
                let e = name_source(e, source);
                status = status.max(report_error(err, &e));
                let record = ErrorRecord {
                    id: None,
                    line: line_number,
                    error: e.to_string(),
                };
                write_error_record(out, &record)?;
            }
        }
        out.flush()?;
    }
    Ok(status)
}

fn name_source(e: Error, source: &Source) -> Error {
    if e.path.is_some() {
        e
    } else {
        e.in_file(source.name())
    }
}

/// Writes an error for the user and returns the status it calls for; a
/// skipped binary file is a warning.
pub fn report_error(err: &mut dyn Write, e: &Error) -> Status {
    if e.is_skip() {
        let _ = writeln!(err, "warning: {e}");
        return Status::Ok;
    }
    let _ = writeln!(err, "error: {e}");
    Status::Trouble
}
