//! `--format github`: GitHub Actions workflow commands, one per finding
//! (`::error file=…,line=…,col=…,title=…::message`), and a Markdown table for
//! `$GITHUB_STEP_SUMMARY`.

use std::io::{self, Write};

use super::{ArticleReport, Row, Summary};
use crate::check::Severity;

pub fn write_article(out: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    if let Some(error) = &report.error {
        writeln!(
            out,
            "::error file={},title=trouble::{}",
            property(&report.name),
            data(error)
        )?;
    }
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut location = format!("file={}", property(&report.name));
        if let (Some(line), Some(col)) = (f.line, f.column) {
            location.push_str(&format!(",line={line},col={col}"));
        }
        let mut message = f.message.clone();
        if let Some(expected) = &f.expected {
            message.push_str(&format!("\nexpected: {expected}"));
        }
        if let Some(found) = &f.found {
            message.push_str(&format!("\nfound: {found}"));
        }
        writeln!(
            out,
            "::{level} {location},title={}::{}",
            property(f.kind.name()),
            data(&message)
        )?;
    }
    Ok(())
}

/// The Markdown summary of a run.
pub fn summary_markdown(rows: &[Row], summary: Summary) -> String {
    let mut md = String::from(
        "## quotecheck\n\n| article | expected | found | errors | warnings |\n|---|---|---|---|---|\n",
    );
    for r in rows {
        let errors = if r.trouble {
            "trouble".to_string()
        } else {
            r.errors.to_string()
        };
        md.push_str(&format!(
            "| {} | {} | {} | {errors} | {} |\n",
            r.name, r.expected, r.found, r.warnings
        ));
    }
    md.push_str(&format!(
        "\n{} articles, {} errors, {} warnings, {} with trouble\n",
        summary.articles, summary.errors, summary.warnings, summary.trouble
    ));
    md
}

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
