//! `--format junit`: JUnit XML, one test suite per article and one test case
//! per expected quote (and per unexpected quote), for CI dashboards.

use std::io::{self, Write};

use super::ArticleReport;
use crate::check::{Finding, FindingKind, Severity};

/// The start of the document. The totals are left to the test suites, so
/// articles can be written as they are checked.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="quotecheck">"#)
}

pub fn write_footer(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</testsuites>")
}

/// The test cases of an article: each expected quote with the findings
/// about it, then each unexpected quote.
fn cases(r: &ArticleReport) -> Vec<(String, Vec<&Finding>)> {
    let about = |text: &str| -> Vec<&Finding> {
        r.findings
            .iter()
            .filter(|f| f.kind != FindingKind::Unexpected && f.expected.as_deref() == Some(text))
            .collect()
    };
    let mut cases: Vec<(String, Vec<&Finding>)> = r
        .expected_quotes
        .iter()
        .map(|t| (t.clone(), about(t)))
        .collect();
    for f in &r.findings {
        match f.kind {
            FindingKind::Unexpected => cases.push((
                format!("unexpected: {}", f.found.as_deref().unwrap_or("")),
                vec![f],
            )),
            FindingKind::NoExpectations => cases.push(("expectations".to_string(), vec![f])),
            FindingKind::NotText => cases.push(("text".to_string(), vec![f])),
            _ => {}
        }
    }
    cases
}

fn failing_cases(r: &ArticleReport) -> Vec<(String, Vec<&Finding>)> {
    cases(r)
        .into_iter()
        .filter(|c| c.1.iter().any(|f| f.severity == Severity::Error))
        .collect()
}

/// One article as a test suite.
pub fn write_suite(out: &mut dyn Write, r: &ArticleReport) -> io::Result<()> {
    let cases = cases(r);
    let failures = failing_cases(r).len();
    let errors = usize::from(r.error.is_some());
    let name = escape(&r.name);
    writeln!(
        out,
        r#"  <testsuite name="{name}" tests="{}" failures="{failures}" errors="{errors}">"#,
        cases.len()
    )?;
    if let Some(error) = &r.error {
        writeln!(out, r#"    <testcase name="read" classname="{name}">"#)?;
        writeln!(out, r#"      <error message="{}"/>"#, escape(error))?;
        writeln!(out, "    </testcase>")?;
    }
    for (case, findings) in &cases {
        writeln!(
            out,
            r#"    <testcase name="{}" classname="{name}">"#,
            escape(case)
        )?;
        for f in findings {
            let tag = if f.severity == Severity::Error {
                "failure"
            } else {
                "system-out"
            };
            let place = match (f.line, f.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}: ", r.name),
                _ => format!("{}: ", r.name),
            };
            let body = escape(&format!(
                "{place}{}\nexpected: {}\nfound: {}",
                f.message,
                f.expected.as_deref().unwrap_or("-"),
                f.found.as_deref().unwrap_or("-")
            ));
            if tag == "failure" {
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{body}</failure>"#,
                    f.kind.name(),
                    escape(&f.message)
                )?;
            } else {
                writeln!(out, "      <system-out>{body}</system-out>")?;
            }
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")
}

/// Escapes text for XML content and attribute values, dropping characters XML
/// 1.0 cannot carry at all.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;"
        );
    }
}
