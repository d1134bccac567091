//! Output of `quotecheck check`, one module per format.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;

use serde::Serialize;

use crate::check::{count, Finding};

/// The check of one article (or JSON Lines record).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    /// The article's path, or the record's id.
    pub name: String,
    /// The article's text, for showing lines; not serialised.
    #[serde(skip)]
    pub text: String,
    pub expected: usize,
    pub found: usize,
    /// The expected quotes' texts, in order: the test cases of JUnit output.
    #[serde(skip)]
    pub expected_quotes: Vec<String>,
    pub findings: Vec<Finding>,
    /// Trouble that stopped this article being checked (unreadable, bad YAML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ArticleReport {
    /// A file skipped with a warning (a binary file in a corpus).
    pub fn skipped(name: String, why: &str) -> Self {
        ArticleReport {
            findings: vec![Finding::not_text(why)],
            error: None,
            ..ArticleReport::trouble(name, String::new())
        }
    }

    /// An article that could not be checked.
    pub fn trouble(name: String, error: String) -> Self {
        ArticleReport {
            name,
            text: String::new(),
            expected: 0,
            found: 0,
            expected_quotes: Vec::new(),
            findings: Vec::new(),
            error: Some(error),
        }
    }
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub errors: usize,
    pub warnings: usize,
    pub trouble: usize,
}

impl Summary {
    /// Counts one more article.
    pub fn add(&mut self, row: &Row) {
        self.articles += 1;
        self.errors += row.errors;
        self.warnings += row.warnings;
        self.trouble += usize::from(row.trouble);
    }
}

/// What a run keeps of an article once it is written: its line in the
/// summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub expected: usize,
    pub found: usize,
    pub errors: usize,
    pub warnings: usize,
    pub trouble: bool,
}

impl ArticleReport {
    pub fn row(&self) -> Row {
        let (errors, warnings) = count(&self.findings);
        Row {
            name: self.name.clone(),
            expected: self.expected,
            found: self.found,
            errors,
            warnings,
            trouble: self.error.is_some(),
        }
    }
}

/// The output formats of `quotecheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckFormat {
    #[default]
    Human,
    Json,
    Junit,
    Github,
}
