//! The default output of `quotecheck check`: rustc-style diagnostics with the
//! article line, carets under the quote, expected against found and a coloured
//! word diff; a summary line at the end.

use std::io::{self, Write};

use super::{ArticleReport, Summary};
use crate::check::{Finding, FindingKind, Severity};
use crate::diff::DiffKind;
use crate::document::{one_line, Document};

/// How much of a long line is shown before the quote, in characters.
const CONTEXT_BEFORE: usize = 30;
/// How many characters of a quote the carets cover at most.
const MAX_CARETS: usize = 72;

/// Terminal styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub fn write_article(out: &mut dyn Write, report: &ArticleReport, style: Style) -> io::Result<()> {
    if let Some(error) = &report.error {
        writeln!(
            out,
            "{}: {}: {error}",
            style.paint("1;31", "trouble"),
            report.name
        )?;
        return Ok(());
    }
    let doc = Document::new(&report.text);
    for f in &report.findings {
        write_finding(out, report, &doc, f, style)?;
    }
    Ok(())
}

fn write_finding(
    out: &mut dyn Write,
    r: &ArticleReport,
    doc: &Document,
    f: &Finding,
    style: Style,
) -> io::Result<()> {
    let (label, code) = match f.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    writeln!(
        out,
        "{}: {}",
        style.paint(code, &format!("{label}[{}]", f.kind.name())),
        f.message
    )?;
    match (f.line, f.column) {
        (Some(line), Some(col)) => {
            writeln!(out, "{}--> {}:{line}:{col}", margin(f), r.name)?;
            if let (Some(start), Some(end)) = (f.start, f.end) {
                write_excerpt(out, doc, line, start, end, style)?;
            }
        }
        _ => writeln!(out, "{}--> {}", margin(f), r.name)?,
    }
    if let Some(e) = &f.expected {
        writeln!(out, "{} = expected: {e}", margin(f))?;
    }
    if let Some(found) = f
        .found
        .as_ref()
        .filter(|found| f.expected.as_ref() != Some(*found))
    {
        let what = if f.kind == FindingKind::Missing {
            "closest"
        } else {
            "found"
        };
        writeln!(
            out,
            "{} = {what}:{} {}",
            margin(f),
            " ".repeat(8 - what.len()),
            one_line(found)
        )?;
    }
    if !f.diff.is_empty() {
        writeln!(out, "{} = diff:     {}", margin(f), diff_text(f, style))?;
    }
    let about_speaker = matches!(
        f.kind,
        FindingKind::WrongSpeaker | FindingKind::Unattributed
    );
    if let Some(s) = f.expected_speaker.as_ref().filter(|_| about_speaker) {
        let found = f.found_speaker.as_deref().unwrap_or("none");
        let how = match (&f.mention, &f.rule) {
            (Some(m), Some(rule)) => format!(" (through “{m}”, rule {rule})"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} = speaker:  expected {s}, found {found}{how}",
            margin(f)
        )?;
    }
    writeln!(out)
}

/// The article line with carets under the quote; long lines are cut around it.
fn write_excerpt(
    out: &mut dyn Write,
    doc: &Document,
    line: usize,
    start: usize,
    end: usize,
    style: Style,
) -> io::Result<()> {
    let text = doc.line_text(start);
    let line_start = start
        - doc.text()[..start]
            .rsplit_once('\n')
            .map_or(start, |(_, tail)| tail.len());
    let col = doc.text()[line_start..start].chars().count();
    let skip = col.saturating_sub(CONTEXT_BEFORE);
    let shown: String = text
        .chars()
        .skip(skip)
        .take(CONTEXT_BEFORE + MAX_CARETS + 10)
        .collect();
    let prefix = if skip > 0 { "…" } else { "" };
    let quote_chars = doc.text()[start..end.min(line_start + text.len()).max(start)]
        .chars()
        .count();
    let carets = quote_chars.clamp(1, MAX_CARETS);
    let gutter = " ".repeat(line.to_string().len());
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{line} | {prefix}{shown}")?;
    let pad = " ".repeat(col - skip + prefix.chars().count());
    writeln!(
        out,
        "{gutter} | {pad}{}",
        style.paint("1;31", &"^".repeat(carets))
    )
}

/// The left margin, as wide as the line number shown (rustc's layout).
fn margin(f: &Finding) -> String {
    " ".repeat(f.line.map_or(1, |l| l.to_string().len()))
}

/// The word diff: deletions as [-…-], insertions as {+…+}, in colour on a
/// terminal.
fn diff_text(f: &Finding, style: Style) -> String {
    f.diff
        .iter()
        .map(|p| match p.op {
            DiffKind::Equal => p.text.clone(),
            DiffKind::Delete => style.paint("31", &format!("[-{}-]", p.text)),
            DiffKind::Insert => style.paint("32", &format!("{{+{}+}}", p.text)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn write_summary(out: &mut dyn Write, s: Summary, style: Style) -> io::Result<()> {
    let articles = plural(s.articles, "article");
    if s.errors == 0 && s.trouble == 0 {
        let warnings = if s.warnings > 0 {
            format!(", {}", plural(s.warnings, "warning"))
        } else {
            String::new()
        };
        return writeln!(
            out,
            "{} {articles} checked{warnings}",
            style.paint("1;32", "ok:")
        );
    }
    writeln!(
        out,
        "{} {articles} checked: {}, {}, {} with trouble",
        style.paint("1;31", "failed:"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.trouble
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
