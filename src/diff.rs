//! Word diffs between what an editor expects and what the article says.
//!
//! Texts are compared as word tokens (split at white space), each keyed without
//! the punctuation around it and with typographic apostrophes and quote marks
//! made plain, so `don’t` matches `don't` and a quote's trailing comma is not a
//! misquote. The diff uses Myers' algorithm with no deadline, so the same
//! inputs always give the same output.

use serde::Serialize;
use similar::{capture_diff_slices, diff_ratio, Algorithm, DiffOp};

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    pub op: DiffKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Equal,
    Delete,
    Insert,
}

/// The words of a text with their comparison keys.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    pub words: Vec<&'a str>,
    pub keys: Vec<String>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        let words: Vec<&str> = text.split_whitespace().collect();
        let keys = words
            .iter()
            .map(|w| key(w))
            .filter(|k| !k.is_empty())
            .collect();
        let words = words.into_iter().filter(|w| !key(w).is_empty()).collect();
        Words { words, keys }
    }

    /// Whether `inner` appears in these words as a contiguous run.
    pub fn contains(&self, inner: &Words) -> bool {
        !inner.keys.is_empty()
            && self
                .keys
                .windows(inner.keys.len())
                .any(|w| w == inner.keys.as_slice())
    }
}

/// The comparison key of a word: plain apostrophes and quote marks, without
/// leading or trailing punctuation.
fn key(word: &str) -> String {
    let plain: String = word
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            other => other,
        })
        .collect();
    plain
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Similarity of two word sequences, from 0 (nothing shared) to 1 (the same).
pub fn similarity(a: &Words, b: &Words) -> f32 {
    let ops = capture_diff_slices(Algorithm::Myers, &a.keys, &b.keys);
    diff_ratio(&ops, a.keys.len(), b.keys.len())
}

/// The word diff from `expected` to `found`, equal runs merged.
pub fn word_diff(expected: &Words, found: &Words) -> Vec<DiffPiece> {
    let ops = capture_diff_slices(Algorithm::Myers, &expected.keys, &found.keys);
    let mut out: Vec<DiffPiece> = Vec::new();
    let mut push = |op: DiffKind, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(DiffPiece { op, text }),
        }
    };
    for op in &ops {
        let (old, new) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => push(DiffKind::Equal, &found.words[new]),
            DiffOp::Delete { .. } => push(DiffKind::Delete, &expected.words[old]),
            DiffOp::Insert { .. } => push(DiffKind::Insert, &found.words[new]),
            DiffOp::Replace { .. } => {
                push(DiffKind::Delete, &expected.words[old]);
                push(DiffKind::Insert, &found.words[new]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_typography_do_not_count() {
        let a = Words::new("I don't know,");
        let b = Words::new("I don’t know.");
        assert_eq!(similarity(&a, &b), 1.0);
    }

    #[test]
    fn a_changed_word_shows_in_the_diff() {
        let a = Words::new("Maybe there was.");
        let b = Words::new("Maybe there were.");
        let d = word_diff(&a, &b);
        let shown: Vec<(DiffKind, &str)> = d.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(
            shown,
            vec![
                (DiffKind::Equal, "Maybe there"),
                (DiffKind::Delete, "was."),
                (DiffKind::Insert, "were.")
            ]
        );
        let s = similarity(&a, &b);
        assert!((s - 2.0 * 2.0 / 6.0).abs() < 1e-6, "{s}");
    }

    #[test]
    fn containment_is_on_whole_words() {
        let long =
            Words::new("The success of the peace process cannot be determined by a summit or two,");
        assert!(long.contains(&Words::new("cannot be determined")));
        assert!(!long.contains(&Words::new("cannot be decided")));
    }
}
