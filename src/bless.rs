//! `--bless`: writing expectations from what the tool finds. A new file gets
//! every quote; an existing file gets the unlisted quotes appended after the
//! entries someone wrote, which are never changed. Files are written to a
//! temporary file in the same directory and renamed over the old one, so an
//! interrupted write leaves the old file as it was.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::expect::{yaml_item, Expectations};
use crate::model::Quote;

/// The text of a new expectations file listing `quotes`.
pub fn new_file(quotes: &[Quote]) -> String {
    let mut text = String::from(
        "# Written by quotecheck --bless: check each entry before relying on it.\nquotes:\n",
    );
    for q in quotes {
        text.push_str(&yaml_item(q, "  "));
    }
    if quotes.is_empty() {
        text = text.replace("quotes:\n", "quotes: []\n");
    }
    text
}

/// `existing` with `quotes` appended to its `quotes` list. The list must be
/// the file's last top-level key (where appending cannot disturb anything
/// else); the result is parsed back and must hold the old entries unchanged
/// followed by the new ones.
pub fn append(existing: &str, quotes: &[Quote]) -> Result<String> {
    let old = Expectations::parse(existing)?;
    let lines: Vec<&str> = existing.lines().collect();
    let key_line = lines
        .iter()
        .rposition(|l| is_top_level_key(l))
        .filter(|&i| lines[i].starts_with("quotes:"))
        .ok_or_else(|| {
            refuse("`quotes:` must be the last top-level key for --bless to append to it")
        })?;
    let indent = lines[key_line + 1..]
        .iter()
        .find_map(|l| {
            l.find("- ")
                .filter(|&p| l[..p].trim().is_empty())
                .map(|p| &l[..p])
        })
        .unwrap_or("  ");
    let mut text = lines[..key_line].join("\n");
    if key_line > 0 {
        text.push('\n');
    }
    match lines[key_line].trim_end() {
        "quotes:" => text.push_str(&lines[key_line..].join("\n")),
        "quotes: []" => text.push_str("quotes:"),
        _ => {
            return Err(refuse(
                "`quotes:` must be a block list for --bless to append to it",
            ))
        }
    }
    text.push('\n');
    for q in quotes {
        text.push_str(&yaml_item(q, indent));
    }
    let new = Expectations::parse(&text)?;
    let kept = new.quotes.len() == old.quotes.len() + quotes.len()
        && new.quotes[..old.quotes.len()] == old.quotes[..]
        && new.speakers == old.speakers
        && new.unlisted == old.unlisted;
    if !kept {
        return Err(refuse(
            "appending would change existing entries; nothing was written",
        ));
    }
    Ok(text)
}

fn is_top_level_key(line: &str) -> bool {
    let first = line.chars().next();
    first.is_some_and(|c| c.is_alphanumeric()) && line.contains(':')
}

fn refuse(message: &str) -> Error {
    Error::new(ErrorKind::Yaml(message.to_string()))
}

/// Writes `text` to `path` atomically: a temporary file beside it, flushed to
/// disk, then renamed over `path`.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::from(e).in_file(path));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            start: 0,
            end: 0,
            open: 0,
            close: None,
            line: 1,
            column: 1,
            paragraph: 0,
            speaker: speaker.map(str::to_string),
            mention: None,
            cue: None,
            rule: None,
            nested: vec![],
        }
    }

    #[test]
    fn new_files_read_back_identically() {
        let quotes = vec![
            quote("He said \"no\": it’s over\\", Some("Ann O’Neil")),
            quote("x", None),
        ];
        let e = Expectations::parse(&new_file(&quotes)).unwrap();
        assert_eq!(e.quotes[0].text, "He said \"no\": it’s over\\");
        assert_eq!(e.quotes[0].speaker.as_deref(), Some("Ann O’Neil"));
        assert_eq!(e.quotes[1].speaker, None);
    }

    #[test]
    fn appending_keeps_what_was_written() {
        let old =
            "# mine\nunlisted: warn\nquotes:\n    - text: first   # a comment\n      speaker: A\n";
        let text = append(old, &[quote("second", Some("B"))]).unwrap();
        assert!(
            text.starts_with("# mine\nunlisted: warn\nquotes:\n    - text: first   # a comment\n")
        );
        let e = Expectations::parse(&text).unwrap();
        assert_eq!(e.quotes.len(), 2);
        assert_eq!(e.quotes[1].text, "second");
    }

    #[test]
    fn appending_to_an_empty_list() {
        let text = append("quotes: []\n", &[quote("one", None)]).unwrap();
        assert_eq!(Expectations::parse(&text).unwrap().quotes.len(), 1);
    }

    #[test]
    fn refuses_when_quotes_is_not_last() {
        let old = "quotes:\n  - text: a\nunlisted: warn\n";
        assert!(append(old, &[quote("b", None)]).is_err());
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = std::env::temp_dir().join(format!("qc-bless-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.quotes.yaml");
        std::fs::write(&path, "quotes: []\n").unwrap();
        // A directory where the temporary file should go makes the write fail.
        let blocker = dir.join(format!(".a.quotes.yaml.tmp-{}", std::process::id()));
        std::fs::create_dir_all(&blocker).unwrap();
        assert!(write_atomically(&path, "quotes:\n  - text: new\n").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "quotes: []\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
