//! The text as given, with the indexes everything else needs: where lines and
//! paragraphs start, and how a byte offset maps to a line and column.
//!
//! Nothing here rewrites the text: offsets always point into the input exactly as
//! it was read (BOM, CRLF and all).

use std::borrow::Cow;
use std::ops::Range;

const BOM: &str = "\u{feff}";

/// A text with its line and paragraph index.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    /// Byte offset of the first character of every line.
    line_starts: Vec<usize>,
    /// Byte ranges of the paragraphs, in order; blank lines belong to none.
    paragraphs: Vec<Range<usize>>,
    hard_wrapped: bool,
}

impl<'a> Document<'a> {
    /// Indexes `text`. Paragraphs are separated by blank lines, and also by
    /// single line breaks unless the text is hard-wrapped (most lines that run on
    /// are short, as in books): news archives often store a paragraph per line.
    pub fn new(text: &'a str) -> Self {
        let line_starts = line_starts(text);
        let (paragraphs, hard_wrapped) = paragraphs(text, &line_starts);
        Document {
            text,
            line_starts,
            paragraphs,
            hard_wrapped,
        }
    }

    /// Whether the text is hard-wrapped prose, as books are set: line breaks
    /// inside its paragraphs are soft, and many lines run on. Attribution
    /// reads dialogue turns in such texts.
    pub fn is_hard_wrapped(&self) -> bool {
        self.hard_wrapped
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// The index of the paragraph holding `offset`, or of the next one when the
    /// offset falls between paragraphs.
    pub fn paragraph_of(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end <= offset)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// 1-based line and column (in characters) of a byte offset. A byte-order
    /// mark is not counted as a column.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let mut start = floor_char_boundary(self.text, start);
        if start == 0 && self.text.starts_with(BOM) && offset >= BOM.len() {
            start = BOM.len();
        }
        let end = floor_char_boundary(self.text, offset);
        let column = self.text[start..end].chars().count() + 1;
        (line, column)
    }

    /// A cursor for positions asked for in increasing order, as quotes come:
    /// it counts characters from the last position on the same line instead of
    /// from the line start, so a long line costs its length once, not once
    /// per quote on it.
    pub fn positions(&self) -> Positions<'_, 'a> {
        Positions {
            doc: self,
            line: 0,
            anchor: 0,
            anchor_column: 1,
        }
    }

    /// The line containing `offset`, without its line ending.
    pub fn line_text(&self, offset: usize) -> &'a str {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(text.len() / 64 + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

/// A line is blank when it holds nothing but white space (a byte-order mark on
/// the first line counts as white space).
fn is_blank(line: &str) -> bool {
    line.strip_prefix(BOM)
        .unwrap_or(line)
        .trim_start()
        .is_empty()
}

/// Lines longer than this are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;

/// How many lines, at least, must run on into the next for a text to be
/// hard-wrapped.
const MIN_WRAPPED_LINES: usize = 3;

/// How a text with blank lines uses its other line breaks: `soft` when most
/// lines that run on into another line are short (hard-wrapped prose, as in
/// books) rather than paragraph breaks (as in news stored one paragraph per
/// line, sometimes with blank lines between some of them); `wrapped` when,
/// besides, enough lines run on for the text to be set as prose is in books
/// (a headline broken once before its subtitle is not).
struct LineBreaks {
    soft: bool,
    wrapped: bool,
}

fn line_breaks(lines: &[(usize, usize, bool)]) -> LineBreaks {
    let running_on = lines.windows(2).filter(|w| !w[0].2 && !w[1].2);
    let (short, total) = running_on.fold((0, 0), |(short, total), w| {
        let len = w[0].1 - w[0].0;
        (short + usize::from(len <= WRAP_WIDTH), total + 1)
    });
    let any_blank = lines.iter().any(|l| l.2);
    let soft = any_blank && total > 0 && short * 2 > total;
    LineBreaks {
        soft,
        wrapped: soft && total >= MIN_WRAPPED_LINES,
    }
}

/// The paragraphs, and whether the text is hard-wrapped. A text with no blank
/// line at all takes every line as a paragraph.
fn paragraphs(text: &str, line_starts: &[usize]) -> (Vec<Range<usize>>, bool) {
    let bytes = text.as_bytes();
    let lines: Vec<(usize, usize, bool)> = line_starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = line_starts.get(i + 1).copied().unwrap_or(bytes.len());
            (start, end, is_blank(&text[start..end]))
        })
        .collect();
    let breaks = line_breaks(&lines);
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (start, end, blank) in lines {
        if blank {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(p) if breaks.soft => p.end = end,
            _ => {
                out.extend(current.take());
                current = Some(start..end);
            }
        }
    }
    out.extend(current);
    (out, breaks.wrapped)
}

/// See [`Document::positions`].
#[derive(Debug)]
pub struct Positions<'d, 'a> {
    doc: &'d Document<'a>,
    line: usize,
    anchor: usize,
    anchor_column: usize,
}

impl Positions<'_, '_> {
    /// 1-based line and column of `offset`, as [`Document::line_column`].
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let text = self.doc.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.doc.line_starts.partition_point(|&s| s <= offset);
        let in_bom = self.anchor < BOM.len() && text.starts_with(BOM);
        if line != self.line || offset < self.anchor || in_bom {
            let (_, column) = self.doc.line_column(offset);
            (self.line, self.anchor, self.anchor_column) = (line, offset, column);
            return (line, column);
        }
        let column = self.anchor_column + text[self.anchor..offset].chars().count();
        (self.anchor, self.anchor_column) = (offset, column);
        (line, column)
    }
}

/// `word` with its first letter in upper case ("president" → "President").
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Text on one line, its runs of white space (line breaks too) as single
/// spaces: a hard-wrapped "Mrs.\nDashwood" is "Mrs. Dashwood". Borrowed
/// when the text already is.
pub fn one_line(text: &str) -> Cow<'_, str> {
    // Most names are already one line with single spaces: returned as they are.
    // (`char::is_whitespace` counts the vertical tab; `u8`'s test does not.)
    let space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0b;
    let bytes = text.as_bytes();
    let plain = text.is_ascii()
        && !bytes.first().is_some_and(space)
        && !bytes.last().is_some_and(space)
        && !bytes.windows(2).any(|p| p[0] == b' ' && p[1] == b' ')
        && !bytes.iter().any(|b| *b != b' ' && space(b));
    if plain {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The largest char boundary at or before `i`.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_any_white_space_run_into_one_space() {
        let cases = [
            ("Moon Jae-in", "Moon Jae-in"),
            ("Mrs.\nDashwood", "Mrs. Dashwood"),
            ("Mr.  King", "Mr. King"),
            (" Kim Jong Un\t", "Kim Jong Un"),
            ("Anne\u{0b}Elliot", "Anne Elliot"),
            ("\u{0b}Anne", "Anne"),
            ("Anne\u{a0}Elliot", "Anne Elliot"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(one_line(text), expected, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let doc = Document::new("one\ntwo\n\nthree\n  \nfour");
        let texts: Vec<&str> = doc
            .paragraphs()
            .iter()
            .map(|p| &doc.text()[p.clone()])
            .collect();
        assert_eq!(texts, vec!["one\ntwo\n", "three\n", "four"]);
        assert!(!doc.is_hard_wrapped());
        let doc = Document::new("one\ntwo\nsix\nten\n\nthree");
        assert!(doc.is_hard_wrapped());
    }

    #[test]
    fn a_headline_broken_once_is_not_hard_wrapped() {
        let doc = Document::new("Trump wins;\nA subtitle.\n\nThe text.\n\nMore text.");
        assert!(!doc.is_hard_wrapped());
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        let doc = Document::new("one\ntwo\nthree");
        assert_eq!(doc.paragraphs().len(), 3);
        assert_eq!(doc.paragraph_of(5), 1);
    }

    #[test]
    fn crlf_blank_lines_are_blank() {
        let doc = Document::new("a\r\n\r\nb\r\n");
        assert_eq!(doc.paragraphs().len(), 2);
    }

    #[test]
    fn line_and_column_count_characters() {
        let doc = Document::new("ab\n“é” x");
        assert_eq!(doc.line_column(0), (1, 1));
        assert_eq!(doc.line_column(3), (2, 1));
        // “ is three bytes, é two: x is the sixth character of line 2.
        assert_eq!(doc.line_column(3 + 3 + 2 + 3 + 1), (2, 5));
    }

    #[test]
    fn the_position_cursor_agrees_with_line_column() {
        let doc = Document::new("\u{feff}ab “c”\nd é f\r\ng");
        let mut cursor = doc.positions();
        for offset in [0, 3, 4, 6, 9, 12, 13, 16, 19, 20, 22] {
            assert_eq!(
                cursor.at(offset),
                doc.line_column(offset),
                "offset {offset}"
            );
        }
        assert_eq!(cursor.at(4), doc.line_column(4), "going back recomputes");
    }

    #[test]
    fn bom_is_not_a_column() {
        let doc = Document::new("\u{feff}abc");
        assert_eq!(doc.line_column(3), (1, 1));
        assert_eq!(doc.line_column(4), (1, 2));
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        let doc = Document::new("");
        assert!(doc.paragraphs().is_empty());
        assert_eq!(doc.line_column(0), (1, 1));
    }
}
