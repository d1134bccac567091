//! Reporters: each output format in its own module. They write to the writer
//! they are given and never decide anything about the findings themselves.

pub mod check;
pub mod eval;
pub mod extract;

use serde::Serialize;

/// The output formats of `quotecheck extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Jsonl,
    Yaml,
}

/// How a document is named in reports: a path for files, an id for records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DocName {
    Path { path: String },
    Id { id: serde_json::Value },
}

impl DocName {
    /// A short form for human output.
    pub fn display(&self) -> String {
        match self {
            DocName::Path { path } => path.clone(),
            DocName::Id {
                id: serde_json::Value::String(s),
            } => s.clone(),
            DocName::Id { id } => id.to_string(),
        }
    }
}
