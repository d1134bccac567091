//! Expectations: what an editor says the article quotes, and who said it.
//!
//! Beside `NAME.txt` (or `.md`) sits `NAME.quotes.yaml`:
//!
//! ```yaml
//! speakers:                      # other names that count as the same person
//!   Moon Jae-in: [Moon, "South Korea's president"]
//! quotes:
//!   - text: "Maybe there was."
//!     speaker: Donald Trump
//!     cue: said                  # optional
//! unlisted: fail                 # fail | warn | ignore
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::model::Quote;

/// Expectations YAML larger than this is refused before parsing: no editor
/// writes megabytes of expectations, and the parser's memory stays bounded.
pub const MAX_EXPECTATIONS_BYTES: usize = 4 << 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub speakers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub quotes: Vec<ExpectedQuote>,
    #[serde(default)]
    pub unlisted: Unlisted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedQuote {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

/// What to do with quotes of the article that the expectations do not list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unlisted {
    #[default]
    Fail,
    Warn,
    Ignore,
}

impl Expectations {
    /// Parses expectations YAML; errors carry the line and column.
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() > MAX_EXPECTATIONS_BYTES {
            let m = format!("expectations over {MAX_EXPECTATIONS_BYTES} bytes are refused");
            return Err(Error::new(ErrorKind::Yaml(m)));
        }
        serde_yaml::from_str(text).map_err(|e| Error::yaml(&e))
    }

    /// Reads and parses an expectations file, naming it in errors.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::input::read_file(path)?;
        Self::parse(&text).map_err(|e| e.in_file(path))
    }

    /// Every name that counts as `speaker`: itself and its listed aliases.
    pub fn names_of<'a>(&'a self, speaker: &'a str) -> impl Iterator<Item = &'a str> {
        let aliases = self.speakers.get(speaker).into_iter().flatten();
        std::iter::once(speaker).chain(aliases.map(String::as_str))
    }
}

/// Where the expectations of an article live: `NAME.quotes.yaml` beside it.
pub fn expectations_path(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{}.quotes.yaml", stem.unwrap_or_default()))
}

/// One YAML list item for a quote the tool found, as `--bless` writes it.
/// Strings are written as JSON strings, which YAML reads as double-quoted
/// scalars, so any text reads back exactly.
pub fn yaml_item(quote: &Quote, indent: &str) -> String {
    let json = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut item = format!("{indent}- text: {}\n", json(&quote.text));
    if let Some(speaker) = &quote.speaker {
        item.push_str(&format!("{indent}  speaker: {}\n", json(speaker)));
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_schema() {
        let text = "speakers:\n  Moon Jae-in: [Moon]\nquotes:\n  - text: \"new way\"\n    speaker: Kim Jong Un\n    cue: said\nunlisted: warn\n";
        let e = Expectations::parse(text).unwrap();
        assert_eq!(e.quotes[0].cue.as_deref(), Some("said"));
        assert_eq!(e.unlisted, Unlisted::Warn);
        assert_eq!(
            e.names_of("Moon Jae-in").collect::<Vec<_>>(),
            vec!["Moon Jae-in", "Moon"]
        );
    }

    #[test]
    fn unknown_fields_name_line_and_column() {
        let err = Expectations::parse("quotes:\n  - text: x\n    speakr: y\n").unwrap_err();
        assert!(err.to_string().contains("speakr"), "{err}");
        assert_eq!(err.location.map(|l| l.line), Some(3));
    }

    #[test]
    fn expectations_sit_beside_the_article() {
        let p = expectations_path(Path::new("news/a.txt"));
        assert_eq!(p, Path::new("news/a.quotes.yaml"));
    }
}
