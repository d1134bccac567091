//! Errors the library reports: every one names where it happened, so that a user
//! can open the file at the right place.

use std::fmt;
use std::path::PathBuf;

/// Where in an input something went wrong. Line and column are 1-based; the
/// column counts characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// What went wrong, with the file and, where known, the place in it.
#[derive(Debug)]
pub struct Error {
    pub path: Option<PathBuf>,
    pub location: Option<Location>,
    pub kind: ErrorKind,
}

#[derive(Debug)]
pub enum ErrorKind {
    /// The file could not be read (missing, unreadable, a directory loop...).
    Io(std::io::Error),
    /// The bytes are not UTF-8; `offset` is the byte where decoding failed.
    InvalidUtf8 { offset: usize },
    /// The file holds NUL bytes: it is binary, not an article, and is skipped.
    Binary { offset: usize },
    /// A YAML file (rules or expectations) is malformed or has unknown fields.
    Yaml(String),
    /// A JSON Lines record is malformed.
    Json(String),
    /// A rules file parsed but says something unusable (an empty quote mark...).
    Rules(String),
    /// The command's arguments do not fit together.
    Usage(String),
}

impl Error {
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            path: None,
            location: None,
            kind,
        }
    }

    /// Attaches the file the error is about.
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Attaches the place in the file.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.location = Some(Location { line, column });
        self
    }

    /// A YAML error, keeping the line and column that the YAML parser reports.
    pub fn yaml(err: &serde_yaml::Error) -> Self {
        let mut error = Error::new(ErrorKind::Yaml(strip_position_suffix(&err.to_string())));
        if let Some(loc) = err.location() {
            error = error.at(loc.line(), loc.column());
        }
        error
    }
}

/// serde_yaml and serde_json end their messages with " at line L column C";
/// errors carry the position themselves and print it as `file:line:column`.
pub(crate) fn strip_position_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(loc) = &self.location {
                write!(f, ":{}:{}", loc.line, loc.column)?;
            }
            write!(f, ": ")?;
        } else if let Some(loc) = &self.location {
            write!(f, "line {}, column {}: ", loc.line, loc.column)?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}), skipped")
            }
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Yaml(m) => write!(f, "invalid YAML: {m}"),
            ErrorKind::Json(m) => write!(f, "invalid JSON: {m}"),
            ErrorKind::Rules(m) => write!(f, "invalid rules: {m}"),
            ErrorKind::Usage(m) => write!(f, "{m}"),
        }
    }
}

impl Error {
    /// Whether this is only a warning: a binary file met in a corpus is
    /// skipped, not trouble.
    pub fn is_skip(&self) -> bool {
        matches!(self.kind, ErrorKind::Binary { .. })
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io(e))
    }
}

pub type Result<T> = std::result::Result<T, Error>;
