//! Quoted spans: which marks open and close quotes, which are apostrophes, how
//! quotes nest and how they run on over paragraphs.
//!
//! Informal grammar (marks, apostrophe words and the flanking classes come from
//! `rules/quotes.yaml`):
//!
//! ```text
//! paragraph   = { text | apostrophe | quote }
//! quote       = open content close | open content paragraph-end      (unclosed)
//!             | open content paragraph-end reopen quote-rest          (runs on)
//! content     = { text | apostrophe | quote }                         (nested)
//! apostrophe  = letter mark letter | mark elision word-end | mark digit{year} non-digit
//!             | possessive: "s" mark ws lowercase, while a later closer exists
//! open        = opening mark, left-flanking:   (start | ws | "(" | dash | mark) mark non-ws
//! close       = closing mark, right-flanking:  non-ws mark (end | ws | punctuation | mark)
//! reopen      = the next paragraph starts with an opening mark of the same kind
//! ```
//!
//! Marks that only open (“) or only close (”) decide by themselves; marks that do
//! both (" ' '') decide by flanking and, when that is unclear, by what is open.
//! The scan is one pass over the bytes, touching the grammar only at bytes that
//! can start a mark, so it stays linear and fast.

use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, peek};
use nom::{IResult, Parser};

use crate::document::Document;
use crate::rules::{QuoteKind, QuoteRules};

/// Deeper nesting than this is not tracked: the extra marks are ignored. Real
/// text nests two or three levels; the bound keeps hostile input linear.
const MAX_DEPTH: usize = 32;

const INNER_UNCLOSED: &str = "is not closed before the quote around it ends";
const STRAY_OPENER: &str =
    "is not closed in its paragraph and holds quotes of another style: taken as a stray mark";

/// A quote as the grammar sees it: offsets only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Index of the quote pair (in rule order) that opened it.
    pub pair: usize,
    pub start: usize,
    pub end: usize,
    pub open: usize,
    pub close: Option<usize>,
    pub nested: Vec<RawQuote>,
}

/// A problem the scan noticed, at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDiagnostic {
    pub offset: usize,
    pub message: String,
}

/// A distinct mark string and the pairs it can open or close.
#[derive(Debug, Clone)]
struct Mark {
    text: String,
    opens: Vec<usize>,
    closes: Vec<usize>,
    apostrophe: bool,
}

#[derive(Debug, Clone)]
struct Pair {
    open_text: String,
    kind: QuoteKind,
    spaced: bool,
}

/// An apostrophe word such as 'tis or 'n': its letters and whether it also ends
/// in an apostrophe.
#[derive(Debug, Clone)]
struct Elision {
    letters: String,
    /// The first letter, in lower case: most apostrophes start no
    /// elision, and one byte compared rules each out.
    initial: u8,
    trailing: bool,
}

/// The quote-mark rules compiled for scanning.
#[derive(Debug, Clone)]
pub struct QuoteGrammar {
    marks: Vec<Mark>,
    /// For every byte value, the marks starting with it, longest first.
    by_first_byte: Vec<Vec<usize>>,
    /// The marks' first bytes below 128, in groups of at most three: each
    /// group is searched for with one vectorised `memchr3`.
    first_byte_groups: Vec<Vec<u8>>,
    /// Whether a mark starts with each byte of 128 and above: those
    /// marks (“, ’, «) are found by skipping ASCII sixteen bytes at a time.
    /// In English text an apostrophe comes every few words, and a
    /// `memchr3` started afresh after each one costs more than the bytes
    /// it skips.
    high_first_bytes: [bool; 256],
    /// The apostrophe marks that start no longer mark (’, not ' of ''): one
    /// of these between two letters or digits is an apostrophe whatever
    /// else is open, and is passed over before any other test.
    plain_apostrophes: Vec<String>,
    pairs: Vec<Pair>,
    apostrophe_marks: Vec<String>,
    /// Characters after which no mark opens a quote (`=` of markup attributes).
    not_after: Vec<char>,
    elisions: Vec<Elision>,
    /// Whether an elision's letters start with each byte (in lower case).
    elision_initials: [bool; 256],
    year_digits: usize,
}

impl QuoteGrammar {
    pub fn new(rules: &QuoteRules) -> Self {
        let mut marks: Vec<Mark> = Vec::new();
        let mark_id = |text: &str, marks: &mut Vec<Mark>| -> usize {
            if let Some(i) = marks.iter().position(|m| m.text == text) {
                return i;
            }
            marks.push(Mark {
                text: text.to_string(),
                opens: vec![],
                closes: vec![],
                apostrophe: rules.apostrophes.marks.iter().any(|a| a == text),
            });
            marks.len() - 1
        };
        let mut pairs = Vec::new();
        for (p, pair) in rules.pairs.iter().enumerate() {
            let open = mark_id(&pair.open, &mut marks);
            marks[open].opens.push(p);
            for close in &pair.close {
                let close = mark_id(close, &mut marks);
                marks[close].closes.push(p);
            }
            pairs.push(Pair {
                open_text: pair.open.clone(),
                kind: pair.kind,
                spaced: pair.spaced,
            });
        }
        for a in &rules.apostrophes.marks {
            mark_id(a, &mut marks);
        }
        let mut by_first_byte = vec![Vec::new(); 256];
        for (i, m) in marks.iter().enumerate() {
            by_first_byte[m.text.as_bytes()[0] as usize].push(i);
        }
        for list in &mut by_first_byte {
            list.sort_by_key(|&i| std::cmp::Reverse(marks[i].text.len()));
        }
        let starts_mark = |b: usize| !by_first_byte[b].is_empty();
        let low_first_bytes: Vec<u8> = (0..128u8).filter(|&b| starts_mark(b.into())).collect();
        let high_first_bytes = std::array::from_fn(|b| b >= 128 && starts_mark(b));
        let plain_apostrophes = marks
            .iter()
            .filter(|m| m.apostrophe)
            .filter(|m| {
                !marks
                    .iter()
                    .any(|o| o.text.len() > m.text.len() && o.text.starts_with(&m.text))
            })
            .map(|m| m.text.clone())
            .collect();
        let elisions = compile_elisions(&rules.apostrophes.elisions, &rules.apostrophes.marks);
        QuoteGrammar {
            marks,
            by_first_byte,
            first_byte_groups: low_first_bytes.chunks(3).map(<[u8]>::to_vec).collect(),
            high_first_bytes,
            plain_apostrophes,
            pairs,
            apostrophe_marks: rules.apostrophes.marks.clone(),
            not_after: rules
                .never_open_after
                .iter()
                .flat_map(|s| s.chars())
                .collect(),
            elision_initials: initials(&elisions),
            elisions,
            year_digits: rules.apostrophes.year_digits,
        }
    }

    /// Finds every quote of the document, with the diagnostics of the scan.
    pub fn scan(&self, doc: &Document) -> (Vec<RawQuote>, Vec<RawDiagnostic>) {
        let mut scan = Scan {
            grammar: self,
            text: doc.text(),
            stack: Vec::new(),
            quotes: Vec::new(),
            diagnostics: Vec::new(),
            later_closer: None,
            next_in_group: vec![None; self.first_byte_groups.len()],
        };
        let paragraphs = doc.paragraphs();
        let mut resume = None;
        for (i, para) in paragraphs.iter().enumerate() {
            let from = resume.take().unwrap_or(para.start);
            scan.paragraph(from, para.end);
            if scan.stack.is_empty() {
                continue;
            }
            if scan.outer_is_stray() {
                scan.drop_open_quotes(0, STRAY_OPENER);
                continue;
            }
            match paragraphs
                .get(i + 1)
                .and_then(|next| scan.reopening(next.start, next.end))
            {
                Some(after_mark) => {
                    scan.drop_open_quotes(1, INNER_UNCLOSED);
                    resume = Some(after_mark);
                }
                None => scan.close_unclosed(para.end),
            }
        }
        (scan.quotes, scan.diagnostics)
    }
}

/// The state of one scan: the quotes open right now, innermost last.
struct Scan<'g, 't> {
    grammar: &'g QuoteGrammar,
    text: &'t str,
    stack: Vec<OpenQuote>,
    quotes: Vec<RawQuote>,
    diagnostics: Vec<RawDiagnostic>,
    /// The last search for a later closer, reused while it still answers.
    later_closer: Option<ByteSearch>,
    /// The last search for each group of first bytes, reused while it
    /// still answers: a group that is rare in the text (`«`, `「`) is not
    /// searched for again at every apostrophe.
    next_in_group: Vec<Option<ByteSearch>>,
}

/// One search for the next byte of some kind (a closing apostrophe mark, a
/// mark's first byte): from where, to which paragraph end, and what it found.
#[derive(Clone, Copy)]
struct ByteSearch {
    from: usize,
    para_end: usize,
    found: Option<usize>,
}

struct OpenQuote {
    pair: usize,
    open: usize,
    content_start: usize,
    nested: Vec<RawQuote>,
}

/// What a mark does at one place in the text.
enum Role {
    Open(usize),
    /// Closes the open quote at this stack index.
    Close(usize),
    /// An apostrophe (or an elision word of this many bytes).
    Skip(usize),
}

impl Scan<'_, '_> {
    fn paragraph(&mut self, from: usize, end: usize) {
        let mut i = from;
        while let Some(at) = self.next_candidate(i, end) {
            i = at;
            if let Some(len) = self.in_word_apostrophe(i) {
                i += len;
                continue;
            }
            let Some(mark) = self.mark_at(i) else {
                i += 1;
                continue;
            };
            let len = self.grammar.marks[mark].text.len();
            match self.role(mark, i, end) {
                Some(Role::Open(pair)) => self.open(pair, i, len),
                Some(Role::Close(k)) => self.close(k, i, len),
                Some(Role::Skip(n)) => {
                    i += n.max(len);
                    continue;
                }
                None => {}
            }
            i += len;
        }
    }

    /// The next byte in `from..end` that can start a mark. Plain text is
    /// skipped by `memchr3` over each group of first bytes below 128, many
    /// bytes per instruction, each group's last answer kept while it still
    /// holds; then sixteen bytes at a time for the marks' first bytes of
    /// 128 and above.
    fn next_candidate(&mut self, from: usize, end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // Marks often follow one another ("“‘", "”’"): a mark's first byte
        // right here needs no search.
        if from < end && !self.grammar.by_first_byte[usize::from(bytes[from])].is_empty() {
            return Some(from);
        }
        let mut next = None;
        for (group, last) in self
            .grammar
            .first_byte_groups
            .iter()
            .zip(&mut self.next_in_group)
        {
            let found = match *last {
                Some(c)
                    if c.from <= from && c.para_end == end && c.found.is_none_or(|f| f >= from) =>
                {
                    c.found
                }
                _ => {
                    let found = find_any(group, bytes.get(from..end)?).map(|p| from + p);
                    *last = Some(ByteSearch {
                        from,
                        para_end: end,
                        found,
                    });
                    found
                }
            };
            next = match (next, found) {
                (Some(a), Some(b)) => Some(b.min(a)),
                (a, b) => a.or(b),
            };
        }
        // Only the bytes before the nearest low mark are scanned: no byte
        // is scanned twice.
        self.next_high_mark_byte(from, next.unwrap_or(end)).or(next)
    }

    /// The next byte in `from..end` that is 128 or above and starts a mark.
    fn next_high_mark_byte(&self, from: usize, end: usize) -> Option<usize> {
        const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
        let bytes = self.text.as_bytes().get(..end)?;
        let mut i = from;
        loop {
            if let Some(chunk) = bytes.get(i..i + 16) {
                let chunk = u128::from_le_bytes(chunk.try_into().ok()?);
                let high = chunk & HIGH_BITS;
                if high == 0 {
                    i += 16;
                    continue;
                }
                i += high.trailing_zeros() as usize / 8;
            } else {
                while bytes.get(i).is_some_and(u8::is_ascii) {
                    i += 1;
                }
            }
            let &b = bytes.get(i)?;
            if self.grammar.high_first_bytes[usize::from(b)] {
                return Some(i);
            }
            i += 1;
        }
    }

    /// The length of the apostrophe at `i` when it stands between two
    /// letters or digits ("don’t", "Korea’s") and no longer mark starts
    /// there: what [`Self::role`] would skip, found without its tests.
    fn in_word_apostrophe(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..];
        let mark = self
            .grammar
            .plain_apostrophes
            .iter()
            .find(|m| rest.starts_with(m.as_str()))?;
        let after = i + mark.len();
        (alphanumeric_before(self.text, i) && alphanumeric_at(self.text, after))
            .then_some(mark.len())
    }

    /// The longest mark starting at byte `i`.
    fn mark_at(&self, i: usize) -> Option<usize> {
        let candidates = &self.grammar.by_first_byte[self.text.as_bytes()[i] as usize];
        let rest = self.text.get(i..)?;
        quote_mark(rest, candidates, &self.grammar.marks)
    }

    fn role(&mut self, mark_id: usize, i: usize, para_end: usize) -> Option<Role> {
        let g = self.grammar;
        let mark = &g.marks[mark_id];
        let after = i + mark.text.len();
        let prev = self.text[..i].chars().next_back();
        let next = self.text[after..].chars().next();
        if mark.apostrophe {
            if let Some(n) = self.apostrophe_len(i, prev, next) {
                return Some(Role::Skip(n));
            }
        }
        let closable = self.closable(mark);
        let spaced_open = mark.opens.iter().any(|&p| g.pairs[p].spaced);
        let spaced_close = closable.is_some_and(|k| g.pairs[self.stack[k].pair].spaced);
        let left = left_flanking(prev, next, spaced_open);
        let right = right_flanking(prev, next, spaced_close);
        let opener = mark.opens.first().copied();
        let misused_opener = closable.is_none() && !left && right;
        let same_open = misused_opener.then(|| self.same_open_mark(mark)).flatten();
        let role = match (opener, closable) {
            (Some(_), None) if same_open.is_some() => same_open.map(Role::Close),
            (Some(p), None) if mark.closes.is_empty() => Some(Role::Open(p)),
            (Some(p), None) if left || (!right && !mark.apostrophe) => Some(Role::Open(p)),
            (None, Some(k)) if right || !mark.apostrophe => Some(Role::Close(k)),
            (Some(p), Some(k)) => match (left, right) {
                (true, false) => Some(Role::Open(p)),
                _ => Some(Role::Close(k)),
            },
            _ => None,
        };
        match role {
            Some(Role::Close(_))
                if mark.apostrophe && self.is_possessive(i, after, prev, next, para_end) =>
            {
                Some(Role::Skip(mark.text.len()))
            }
            Some(Role::Open(_)) if self.stack.len() >= MAX_DEPTH => None,
            Some(Role::Open(_)) if prev.is_some_and(|c| g.not_after.contains(&c)) => None,
            other => other,
        }
    }

    /// A mark that only opens, used where a closing mark belongs (`“text.“`),
    /// closes the innermost quote it opened, if any.
    fn same_open_mark(&self, mark: &Mark) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|q| self.grammar.pairs[q.pair].open_text == mark.text)
    }

    /// The innermost open quote this mark can close.
    fn closable(&self, mark: &Mark) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|q| mark.closes.contains(&q.pair))
    }

    /// Whether the apostrophe-capable mark at `i` is an apostrophe inside or at
    /// the start of a word, and if so how many bytes to skip.
    fn apostrophe_len(&self, i: usize, prev: Option<char>, next: Option<char>) -> Option<usize> {
        let g = self.grammar;
        if inside_word(prev, next) {
            return Some(1);
        }
        if prev.is_some_and(char::is_alphabetic) {
            return None;
        }
        // An elision opens with one of its initials and a year with a
        // digit: each is parsed only where the character after the mark
        // may open it.
        let first = next.map_or(0, |c| {
            let mut buf = [0; 4];
            c.encode_utf8(&mut buf);
            buf[0].to_ascii_lowercase()
        });
        let rest = &self.text[i..];
        if g.elision_initials[usize::from(first)] {
            if let Ok((after, _)) = elision(rest, &g.elisions, &g.apostrophe_marks) {
                return Some(rest.len() - after.len());
            }
        }
        if first.is_ascii_digit() && year(rest, g.year_digits, &g.apostrophe_marks).is_ok() {
            return Some(1);
        }
        None
    }

    /// A closing apostrophe mark after "s" followed by a lower-case word, as in
    /// `'Jones' cow is cuter!'`, is a plural possessive when a later mark in the
    /// paragraph could close the quote instead.
    fn is_possessive(
        &mut self,
        i: usize,
        after: usize,
        prev: Option<char>,
        next: Option<char>,
        para_end: usize,
    ) -> bool {
        if !self.looks_possessive(after, prev, next) {
            return false;
        }
        self.later_closer_after(i, para_end).is_some()
    }

    /// possessive-shape = ("s" | "z" | "x") mark " " lowercase-letter
    fn looks_possessive(&self, after: usize, prev: Option<char>, next: Option<char>) -> bool {
        let after_s = matches!(prev, Some('s' | 'S' | 'z' | 'x'));
        let then_word = next == Some(' ')
            && self.text[after..]
                .chars()
                .nth(1)
                .is_some_and(char::is_lowercase);
        after_s && then_word
    }

    /// The next right-flanking apostrophe-capable mark after `i` in the paragraph
    /// that is not itself possessive-shaped.
    /// Cached, so a paragraph of a million apostrophes stays linear.
    fn later_closer_after(&mut self, i: usize, para_end: usize) -> Option<usize> {
        if let Some(c) = self.later_closer {
            let covers = c.from <= i && c.para_end == para_end && c.found.is_none_or(|f| f > i);
            if covers {
                return c.found;
            }
        }
        let found = self.find_right_flanking_apostrophe(i + 1, para_end);
        self.later_closer = Some(ByteSearch {
            from: i,
            para_end,
            found,
        });
        found
    }

    fn find_right_flanking_apostrophe(&self, from: usize, para_end: usize) -> Option<usize> {
        let g = self.grammar;
        let mut j = from;
        while j < para_end {
            if !self.text.is_char_boundary(j)
                || g.by_first_byte[self.text.as_bytes()[j] as usize].is_empty()
            {
                j += 1;
                continue;
            }
            if let Some(m) = self.mark_at(j) {
                let mark = &g.marks[m];
                let after = j + mark.text.len();
                let prev = self.text[..j].chars().next_back();
                let next = self.text[after..].chars().next();
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if mark.apostrophe
                    && !inside_word
                    && right_flanking(prev, next, false)
                    && !self.looks_possessive(after, prev, next)
                {
                    return Some(j);
                }
                j = after;
                continue;
            }
            j += 1;
        }
        None
    }

    fn open(&mut self, pair: usize, i: usize, len: usize) {
        self.stack.push(OpenQuote {
            pair,
            open: i,
            content_start: i + len,
            nested: Vec::new(),
        });
    }

    /// Closes the open quote at stack index `k`; quotes opened inside it and
    /// still open are dropped with a warning.
    fn close(&mut self, k: usize, i: usize, len: usize) {
        self.drop_open_quotes(k + 1, INNER_UNCLOSED);
        let Some(q) = self.stack.pop() else { return };
        self.finish(q, i, Some(i + len));
    }

    /// Drops the open quotes at stack index `keep` and above, with a warning
    /// each saying `why`; what they had nested moves to the quote around them.
    fn drop_open_quotes(&mut self, keep: usize, why: &str) {
        while self.stack.len() > keep {
            let Some(inner) = self.stack.pop() else { break };
            let mark = &self.grammar.pairs[inner.pair].open_text;
            let message = format!("unclosed quote: {mark} opened here {why}");
            self.diagnostics.push(RawDiagnostic {
                offset: inner.open,
                message,
            });
            self.adopt(inner.nested);
        }
    }

    /// At the end of a paragraph: quotes opened inside the outermost open one
    /// are dropped with a warning; the outermost, if a double quote, becomes
    /// an unclosed quote running to the paragraph end (a single one is most
    /// likely a stray apostrophe, so it is only reported).
    fn close_unclosed(&mut self, para_end: usize) {
        self.drop_open_quotes(1, INNER_UNCLOSED);
        if let Some(q) = self.stack.pop() {
            let pair = &self.grammar.pairs[q.pair];
            let message = format!(
                "unclosed quote: {} opened here is not closed by the end of the paragraph",
                pair.open_text
            );
            self.diagnostics.push(RawDiagnostic {
                offset: q.open,
                message,
            });
            if pair.kind == QuoteKind::Double {
                self.finish(q, para_end, None);
            } else {
                self.adopt(q.nested);
            }
        }
    }

    /// An outer quote left open at a paragraph end that holds a closed double
    /// quote of another style (`"text “quote” text`) was opened by a stray mark,
    /// a common scraping artefact: real quotes nest the other kind (single).
    fn outer_is_stray(&self) -> bool {
        let Some(outer) = self.stack.first() else {
            return false;
        };
        let pairs = &self.grammar.pairs;
        pairs[outer.pair].kind == QuoteKind::Double
            && outer
                .nested
                .iter()
                .any(|q| pairs[q.pair].kind == QuoteKind::Double && q.pair != outer.pair)
    }

    /// If the paragraph `start..end` opens with a mark of the same kind as the
    /// outermost open quote, the quote runs on: returns the offset after it.
    fn reopening(&self, start: usize, end: usize) -> Option<usize> {
        let outer = self.stack.first()?;
        let kind = self.grammar.pairs[outer.pair].kind;
        let para = &self.text[start..end];
        let lead = para.len() - para.trim_start().len();
        let at = start + lead;
        if at >= end {
            return None;
        }
        let m = self.mark_at(at)?;
        let mark = &self.grammar.marks[m];
        let same_kind = mark
            .opens
            .iter()
            .any(|&p| self.grammar.pairs[p].kind == kind);
        same_kind.then_some(at + mark.text.len())
    }

    /// Turns an open quote into a finished one, trimming white space inside the
    /// marks; empty quotes are not quotes.
    fn finish(&mut self, q: OpenQuote, content_end: usize, close: Option<usize>) {
        let content = &self.text[q.content_start..content_end];
        let start = q.content_start + (content.len() - content.trim_start().len());
        let end = q.content_start + content.trim_end().len();
        if start >= end {
            self.adopt(q.nested);
            return;
        }
        let quote = RawQuote {
            pair: q.pair,
            start,
            end,
            open: q.open,
            close,
            nested: q.nested,
        };
        self.adopt([quote]);
    }

    /// Hands finished quotes to the innermost open quote, or to the output.
    fn adopt(&mut self, quotes: impl IntoIterator<Item = RawQuote>) {
        match self.stack.last_mut() {
            Some(parent) => parent.nested.extend(quotes),
            None => self.quotes.extend(quotes),
        }
    }
}

/// Can open: something follows (not white space, unless the style is spaced),
/// and what precedes is the start, white space or opening punctuation.
fn left_flanking(prev: Option<char>, next: Option<char>, spaced: bool) -> bool {
    let followed = next.is_some_and(|c| spaced || !c.is_whitespace());
    let preceded = prev.is_none_or(|c| c.is_whitespace() || is_opening_punctuation(c));
    followed && preceded
}

/// Can close: something precedes (not white space, unless the style is spaced),
/// and what follows is the end, white space or punctuation.
fn right_flanking(prev: Option<char>, next: Option<char>, spaced: bool) -> bool {
    let preceded = prev.is_some_and(|c| spaced || !c.is_whitespace());
    let followed = next.is_none_or(|c| c.is_whitespace() || is_closing_punctuation(c));
    preceded && followed
}

fn is_opening_punctuation(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '—'
            | '–'
            | '-'
            | '/'
            | ':'
            | '“'
            | '‘'
            | '"'
            | '\''
            | '«'
            | '»'
            | '„'
            | '‚'
            | '`'
            | '>'
            | '*'
            | '_'
    )
}

fn is_closing_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '—' | '–' | '…' | '”' | '’' | '»' | '«' | '“' | '‘' | '›')
}

/// Whether the character ending at byte `i` is a letter or digit, an
/// ASCII one told by its byte alone.
fn alphanumeric_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|k| text.as_bytes()[k]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character starting at byte `i` is a letter or digit.
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// Whether a mark between `prev` and `next` stands inside a word: letters
/// or digits on both sides ("don’t", "Korea’s").
fn inside_word(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
}

/// Where the first of up to three `needles` occurs in `haystack`.
fn find_any(needles: &[u8], haystack: &[u8]) -> Option<usize> {
    match *needles {
        [a] => memchr::memchr(a, haystack),
        [a, b] => memchr::memchr2(a, b, haystack),
        [a, b, c] => memchr::memchr3(a, b, c, haystack),
        _ => None,
    }
}

/// mark = the longest of the candidate marks that starts `input`. A table
/// look-up on the hot path, so a plain prefix test rather than a parser.
fn quote_mark(input: &str, candidates: &[usize], marks: &[Mark]) -> Option<usize> {
    let bytes = input.as_bytes();
    candidates
        .iter()
        .copied()
        .find(|&m| has_prefix(bytes, marks[m].text.as_bytes()))
}

/// `bytes.starts_with(prefix)` for the few bytes of a mark, inlined instead of
/// a call to `memcmp`.
#[inline]
fn has_prefix(bytes: &[u8], prefix: &[u8]) -> bool {
    prefix.len() <= bytes.len() && prefix.iter().zip(bytes).all(|(a, b)| a == b)
}

/// apostrophe-mark = one of the apostrophe marks of the rules.
fn apostrophe_mark<'i>(input: &'i str, marks: &[String]) -> IResult<&'i str, &'i str> {
    for m in marks {
        let parsed: IResult<&str, &str> = tag(m.as_str()).parse(input);
        if parsed.is_ok() {
            return parsed;
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// elision = apostrophe-mark letters [apostrophe-mark] word-end     ('tis, ’n’)
fn elision<'i>(
    input: &'i str,
    elisions: &[Elision],
    marks: &[String],
) -> IResult<&'i str, &'i str> {
    let (after_mark, _) = apostrophe_mark(input, marks)?;
    let first = after_mark.as_bytes().first().map(u8::to_ascii_lowercase);
    for e in elisions {
        if Some(e.initial) != first {
            continue;
        }
        let parsed: IResult<&str, &str> = tag_no_case(e.letters.as_str()).parse(after_mark);
        let Ok((mut rest, _)) = parsed else { continue };
        if e.trailing {
            match apostrophe_mark(rest, marks) {
                Ok((r, _)) => rest = r,
                Err(_) => continue,
            }
        }
        if word_end(rest).is_ok() {
            return Ok((rest, &input[..input.len() - rest.len()]));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Alt,
    )))
}

/// year = apostrophe-mark digit{n} ["s"] word-end                 (’90s, '16)
fn year<'i>(input: &'i str, digits: usize, marks: &[String]) -> IResult<&'i str, ()> {
    if digits == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, _) = apostrophe_mark(input, marks)?;
    let (rest, _) = take_while_m_n(digits, digits, |c: char| c.is_ascii_digit()).parse(rest)?;
    let (rest, _) = opt(tag("s")).parse(rest)?;
    let (rest, _) = word_end(rest)?;
    Ok((rest, ()))
}

/// word-end = end of input | a character that is not a letter or digit
fn word_end(input: &str) -> IResult<&str, ()> {
    peek(not(satisfy(char::is_alphanumeric))).parse(input)
}

/// Elision words as written in the rules ('tis, 'n') become their letters and
/// whether they end in an apostrophe too; any apostrophe mark matches in place
/// of the one written.
/// Which bytes start an elision's letters.
fn initials(elisions: &[Elision]) -> [bool; 256] {
    let mut starts = [false; 256];
    for e in elisions {
        starts[usize::from(e.initial)] = true;
    }
    starts
}

fn compile_elisions(words: &[String], marks: &[String]) -> Vec<Elision> {
    let initial = |letters: &str| letters.bytes().next().map_or(0, |b| b.to_ascii_lowercase());
    let strip_mark = |w: &str| -> String {
        let stripped = marks.iter().find_map(|m| w.strip_prefix(m.as_str()));
        stripped.unwrap_or(w).to_string()
    };
    let mut out: Vec<Elision> = words
        .iter()
        .map(|w| {
            let body = strip_mark(w);
            let letters_before_mark = marks.iter().find_map(|m| body.strip_suffix(m.as_str()));
            match letters_before_mark {
                Some(letters) if !letters.is_empty() => Elision {
                    letters: letters.to_string(),
                    initial: initial(letters),
                    trailing: true,
                },
                _ => Elision {
                    initial: initial(&body),
                    letters: body,
                    trailing: false,
                },
            }
        })
        .filter(|e| !e.letters.is_empty())
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.letters.len() + usize::from(e.trailing)));
    out
}
