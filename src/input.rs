//! Where texts come from: files, directories walked for articles, standard input,
//! and JSON Lines records. Reading never changes a byte of the input.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::Document;
use crate::error::{strip_position_suffix, Error, ErrorKind, Result};

/// One input named on the command line, after directories are walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name used in reports: the path, or `-` for standard input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// File endings taken as articles when a directory is walked.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

/// Expands the paths: `-` is standard input, a directory gives its `.txt` and
/// `.md` files (recursively, sorted by path), a file is taken as it is. Problems
/// (a missing path, an unreadable directory) come back beside the sources, so
/// one bad path never stops the others.
pub fn resolve(paths: &[PathBuf]) -> (Vec<Source>, Vec<Error>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                let mut seen = HashSet::new();
                walk(path, &mut files, &mut errors, &mut seen);
                files.sort();
                sources.extend(files.into_iter().map(Source::File));
            }
            Ok(_) => sources.push(Source::File(path.clone())),
            Err(e) => errors.push(Error::from(e).in_file(path)),
        }
    }
    (sources, errors)
}

/// Collects article files below `dir`. Directories already visited (through a
/// symlink loop) are not entered twice.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
    seen: &mut HashSet<PathBuf>,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => return errors.push(Error::from(e).in_file(dir)),
    };
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(Error::from(e).in_file(dir)),
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(e) => {
                errors.push(Error::from(e).in_file(dir));
                continue;
            }
        };
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, files, errors, seen),
            Ok(_) if is_article(&path) => files.push(path),
            Ok(_) => {}
            Err(e) => errors.push(Error::from(e).in_file(&path)),
        }
    }
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
}

/// Reads a source whole, as UTF-8.
pub fn read_source(source: &Source) -> Result<String> {
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            buf
        }
        Source::File(p) => std::fs::read(p).map_err(|e| Error::from(e).in_file(p))?,
    };
    let text = decode(bytes)?;
    Ok(text)
}

/// Reads a file whole, as UTF-8, naming it in any error.
pub fn read_file(path: &Path) -> Result<String> {
    read_source(&Source::File(path.to_path_buf())).map_err(|e| e.in_file(path))
}

/// Checks that the bytes are text: no NUL byte (a binary file), and UTF-8
/// (if not, the error gives the byte offset and the line and column where
/// decoding failed).
pub fn decode(bytes: Vec<u8>) -> Result<String> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::new(ErrorKind::Binary { offset }));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let (line, column) = Document::new(valid).line_column(offset);
        Error::new(ErrorKind::InvalidUtf8 { offset }).at(line, column)
    })
}

/// One line of JSON Lines input: an `id` of any JSON type and the `text`. Other
/// fields (a gold file's annotations, say) are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    #[serde(default)]
    pub id: serde_json::Value,
    pub text: String,
}

/// Parses one JSON Lines record; `line_number` is 1-based and goes in the error.
pub fn parse_record(line: &str, line_number: usize) -> Result<Record> {
    serde_json::from_str(line).map_err(|e| {
        Error::new(ErrorKind::Json(strip_position_suffix(&e.to_string())))
            .at(line_number, e.column())
    })
}
