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
    pub fn of(reports: &[ArticleReport]) -> Self {
        let mut s = Summary::default();
        for r in reports {
            let (errors, warnings) = count(&r.findings);
            s.articles += 1;
            s.errors += errors;
            s.warnings += warnings;
            s.trouble += usize::from(r.error.is_some());
        }
        s
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
