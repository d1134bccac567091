//! `--format json`: one JSON line per finding (with the article's name), then
//! one summary line. Trouble with an article is a line with `error`.

use std::io::{self, Write};

use serde::Serialize;

use super::{ArticleReport, Summary};
use crate::check::Finding;

#[derive(Serialize)]
struct FindingLine<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct SummaryLine {
    summary: Summary,
}

pub fn write_article(out: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    if let Some(error) = &report.error {
        serde_json::to_writer(
            &mut *out,
            &ErrorLine {
                path: &report.name,
                error,
            },
        )?;
        writeln!(out)?;
    }
    for finding in &report.findings {
        serde_json::to_writer(
            &mut *out,
            &FindingLine {
                path: &report.name,
                finding,
            },
        )?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn write_summary(out: &mut dyn Write, summary: Summary) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &SummaryLine { summary })?;
    writeln!(out)
}
