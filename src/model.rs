//! The plain types the pipeline hands from stage to stage. Their serde form is the
//! JSON contract of the README: fields may be added, never renamed or dropped.

use serde::{Deserialize, Serialize};

/// A stretch of the input: `text == input[start..end]`, offsets in UTF-8 bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One quoted span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The content, without the outer marks: `input[start..end]`.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Byte offset of the first opening mark.
    pub open: usize,
    /// Byte offset just after the last closing mark; `None` when unclosed.
    pub close: Option<usize>,
    /// Line and column (1-based, in characters) of the content's first character.
    pub line: usize,
    pub column: usize,
    /// The paragraph the quote opens in, counted from 0.
    pub paragraph: usize,
    /// Canonical name of the speaker, when attribution found one.
    pub speaker: Option<String>,
    /// The mention in the text the quote was attributed through.
    pub mention: Option<Span>,
    /// The speech verb or phrase that introduced the quote.
    pub cue: Option<Span>,
    /// The attribution sieve that decided (or why none did).
    pub rule: Option<String>,
    /// Quotes inside this one, in the same shape.
    pub nested: Vec<Quote>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

/// Something about the text a reader should know, such as an unclosed quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// Byte offset the diagnostic points at.
    pub offset: usize,
}

/// Everything extraction and attribution found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub diagnostics: Vec<Diagnostic>,
}
