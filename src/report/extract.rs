//! Output of `quotecheck extract`: the quotes and diagnostics of each document.
//!
//! `json` writes one pretty-printed object per document (a stream of JSON values,
//! as `jq` reads them), `jsonl` one compact object per line, `yaml` one YAML
//! document per input, `human` a line per quote in `path:line:column` form.

use std::io::{self, Write};

use serde::Serialize;

use super::{DocName, Format};
use crate::model::{Diagnostic, Extraction, Quote};

/// The JSON contract for one document.
#[derive(Debug, Serialize)]
pub struct DocumentReport<'a> {
    #[serde(flatten)]
    pub name: &'a DocName,
    pub quotes: &'a [Quote],
    pub diagnostics: &'a [Diagnostic],
}

/// A record of JSON Lines input that could not be processed.
#[derive(Debug, Serialize)]
pub struct ErrorRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    pub line: usize,
    pub error: String,
}

/// Writes one document's extraction in the chosen format.
pub fn write_document(
    out: &mut dyn Write,
    format: Format,
    name: &DocName,
    extraction: &Extraction,
) -> io::Result<()> {
    let report = DocumentReport {
        name,
        quotes: &extraction.quotes,
        diagnostics: &extraction.diagnostics,
    };
    match format {
        Format::Human => write_human(out, name, extraction),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, &report)?;
            writeln!(out)
        }
        Format::Yaml => {
            let text = serde_yaml::to_string(&report).map_err(io::Error::other)?;
            writeln!(out, "---")?;
            out.write_all(text.as_bytes())
        }
    }
}

/// Writes the error record of a JSON Lines line that could not be read.
pub fn write_error_record(out: &mut dyn Write, record: &ErrorRecord) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    writeln!(out)
}

fn write_human(out: &mut dyn Write, name: &DocName, extraction: &Extraction) -> io::Result<()> {
    let name = name.display();
    for d in &extraction.diagnostics {
        writeln!(
            out,
            "{name}:{}:{}: warning: {}",
            d.line, d.column, d.message
        )?;
    }
    for q in &extraction.quotes {
        write_human_quote(out, &name, q, 0)?;
    }
    Ok(())
}

fn write_human_quote(out: &mut dyn Write, name: &str, q: &Quote, depth: usize) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let text = q.text.replace('\n', " ");
    write!(out, "{indent}{name}:{}:{}: «{text}»", q.line, q.column)?;
    match (&q.speaker, &q.mention) {
        (Some(speaker), _) => write!(out, " — {speaker}")?,
        (None, Some(mention)) => write!(out, " — {} (unresolved)", mention.text)?,
        (None, None) => {}
    }
    if let Some(rule) = &q.rule {
        write!(out, " [{rule}]")?;
    }
    if q.close.is_none() {
        write!(out, " (unclosed)")?;
    }
    writeln!(out)?;
    for inner in &q.nested {
        write_human_quote(out, name, inner, depth + 1)?;
    }
    Ok(())
}
