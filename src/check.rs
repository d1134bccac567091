//! The check: align what the expectations list with what the article quotes,
//! and report every difference as a finding.

use serde::Serialize;

use crate::diff::{similarity, word_diff, DiffPiece, Words};
use crate::expect::{Expectations, ExpectedQuote, Unlisted};
use crate::model::{Extraction, Quote};

/// Default similarity below which an expected quote counts as missing rather
/// than misquoted.
pub const DEFAULT_THRESHOLD: f32 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    WrongSpeaker,
    Unattributed,
    Misquote,
    Missing,
    Unexpected,
    WrongCue,
    /// An article with no expectations file beside it.
    NoExpectations,
    /// A file in the corpus that is not text (NUL bytes): skipped.
    NotText,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::WrongSpeaker => "wrong-speaker",
            FindingKind::Unattributed => "unattributed",
            FindingKind::Misquote => "misquote",
            FindingKind::Missing => "missing",
            FindingKind::Unexpected => "unexpected",
            FindingKind::WrongCue => "wrong-cue",
            FindingKind::NoExpectations => "no-expectations",
            FindingKind::NotText => "not-text",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One difference between expectations and article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub message: String,
    /// Where in the article (the found quote's content), when there is a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The expected words, and the article's (the whole found quote).
    pub expected: Option<String>,
    pub found: Option<String>,
    pub expected_speaker: Option<String>,
    pub found_speaker: Option<String>,
    /// How the tool attributed the found quote.
    pub mention: Option<String>,
    pub rule: Option<String>,
    pub similarity: Option<f32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffPiece>,
}

impl Finding {
    fn new(kind: FindingKind, severity: Severity, message: String) -> Self {
        Finding {
            kind,
            severity,
            message,
            line: None,
            column: None,
            start: None,
            end: None,
            expected: None,
            found: None,
            expected_speaker: None,
            found_speaker: None,
            mention: None,
            rule: None,
            similarity: None,
            diff: Vec::new(),
        }
    }

    /// Attaches the found quote: its place, words and attribution.
    fn at(mut self, q: &Quote) -> Self {
        self.line = Some(q.line);
        self.column = Some(q.column);
        self.start = Some(q.start);
        self.end = Some(q.end);
        self.found = Some(q.text.clone());
        self.found_speaker = q.speaker.clone();
        self.mention = q.mention.as_ref().map(|m| m.text.clone());
        self.rule = q.rule.clone();
        self
    }

    fn expecting(mut self, e: &ExpectedQuote) -> Self {
        self.expected = Some(e.text.clone());
        self.expected_speaker = e.speaker.clone();
        self
    }

    /// The finding for a file skipped as binary.
    pub fn not_text(why: &str) -> Self {
        Finding::new(FindingKind::NotText, Severity::Warning, why.to_string())
    }

    /// The finding for an article that has no expectations.
    pub fn no_expectations(expected_path: &str) -> Self {
        Finding::new(
            FindingKind::NoExpectations,
            Severity::Warning,
            format!("no expectations file: {expected_path} (write one with --bless)"),
        )
    }
}

/// How an expected quote met the article.
#[derive(Debug, Clone, Copy)]
struct Match {
    found: usize,
    similarity: f32,
    /// The expected words stand verbatim in the found quote.
    contained: bool,
}

/// Checks an article's extraction against its expectations.
pub fn check(extraction: &Extraction, expect: &Expectations, threshold: f32) -> Vec<Finding> {
    let quotes = &extraction.quotes;
    let found_words: Vec<Words> = quotes.iter().map(|q| Words::new(&q.text)).collect();
    let expected_words: Vec<Words> = expect.quotes.iter().map(|e| Words::new(&e.text)).collect();
    let matches = align(&expected_words, &found_words);
    let mut findings = Vec::new();
    let mut used = vec![false; quotes.len()];
    for (i, e) in expect.quotes.iter().enumerate() {
        match matches[i] {
            Some(m) if m.contained || m.similarity >= threshold => {
                used[m.found] = true;
                let q = &quotes[m.found];
                if !m.contained && m.similarity < 1.0 {
                    findings.push(misquote(
                        e,
                        q,
                        &expected_words[i],
                        &found_words[m.found],
                        m.similarity,
                    ));
                }
                findings.extend(speaker_finding(e, q, expect));
                findings.extend(cue_finding(e, q));
            }
            closest => findings.push(missing(
                e,
                closest.map(|m| (&quotes[m.found], m.similarity)),
            )),
        }
    }
    if expect.unlisted != Unlisted::Ignore {
        let severity = match expect.unlisted {
            Unlisted::Fail => Severity::Error,
            _ => Severity::Warning,
        };
        for (q, _) in quotes.iter().zip(&used).filter(|(_, u)| !**u) {
            let message = "quote in the article that the expectations do not list".to_string();
            findings.push(Finding::new(FindingKind::Unexpected, severity, message).at(q));
        }
    }
    findings.sort_by_key(|f| (f.start.unwrap_or(usize::MAX), f.kind.name()));
    findings
}

/// For each expected quote, the found quote it matches best. Containment
/// counts as a full match and may share a found quote (an editor can list two
/// sentences of one long quote); other matches take the best pairs first, each
/// found quote once.
fn align(expected: &[Words], found: &[Words]) -> Vec<Option<Match>> {
    let mut out: Vec<Option<Match>> = vec![None; expected.len()];
    let mut pairs = Vec::new();
    let mut contained_in = vec![false; found.len()];
    for (i, e) in expected.iter().enumerate() {
        // A quote the article repeats is listed as often: each listing takes
        // the next copy not yet taken, and only then shares one.
        let containing = |f: &&Words| f.contains(e);
        let unused = found
            .iter()
            .enumerate()
            .filter(|(j, f)| !contained_in[*j] && containing(f))
            .map(|(j, _)| j)
            .next();
        if let Some(f) = unused.or_else(|| found.iter().position(|f| f.contains(e))) {
            contained_in[f] = true;
            out[i] = Some(Match {
                found: f,
                similarity: 1.0,
                contained: true,
            });
            continue;
        }
        for (j, f) in found.iter().enumerate() {
            pairs.push((similarity(e, f), i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken = vec![false; found.len()];
    for m in out.iter().flatten() {
        taken[m.found] = true;
    }
    for &(s, i, j) in &pairs {
        if out[i].is_none() && !taken[j] {
            out[i] = Some(Match {
                found: j,
                similarity: s,
                contained: false,
            });
            taken[j] = true;
        }
    }
    // An expected quote whose candidates were all taken still gets its closest
    // quote, for the `missing` report.
    for &(s, i, j) in &pairs {
        if out[i].is_none() {
            out[i] = Some(Match {
                found: j,
                similarity: s,
                contained: false,
            });
        }
    }
    out
}

fn misquote(e: &ExpectedQuote, q: &Quote, ew: &Words, fw: &Words, s: f32) -> Finding {
    let message = format!(
        "the article's words differ from the expected words ({:.0}% alike)",
        s * 100.0
    );
    let mut f = Finding::new(FindingKind::Misquote, Severity::Error, message)
        .at(q)
        .expecting(e);
    f.similarity = Some(s);
    f.diff = word_diff(ew, fw);
    f
}

fn missing(e: &ExpectedQuote, closest: Option<(&Quote, f32)>) -> Finding {
    let message = match closest {
        Some((_, s)) if s > 0.0 => format!(
            "expected quote not in the article (closest quote {:.0}% alike)",
            s * 100.0
        ),
        Some(_) => "expected quote not in the article (no quote shares its words)".to_string(),
        None => "expected quote not in the article (it has no quotes)".to_string(),
    };
    let mut f = Finding::new(FindingKind::Missing, Severity::Error, message).expecting(e);
    if let Some((q, s)) = closest.filter(|(_, s)| *s > 0.0) {
        f.found = Some(q.text.clone());
        f.similarity = Some(s);
        f.line = Some(q.line);
        f.column = Some(q.column);
    }
    f
}

fn speaker_finding(e: &ExpectedQuote, q: &Quote, expect: &Expectations) -> Option<Finding> {
    let wanted = e.speaker.as_deref()?;
    let Some(found) = q.speaker.as_deref() else {
        let message = format!("expected {wanted} as the speaker, but no speaker was found");
        return Some(
            Finding::new(FindingKind::Unattributed, Severity::Error, message)
                .at(q)
                .expecting(e),
        );
    };
    let mention = q.mention.as_ref().map(|m| m.text.as_str());
    let same = expect
        .names_of(wanted)
        .any(|n| same_name(n, found) || mention.is_some_and(|m| same_name(n, m)));
    if same {
        return None;
    }
    let through = match (mention, q.rule.as_deref()) {
        (Some(m), Some(r)) => format!(" (through “{m}”, rule {r})"),
        _ => String::new(),
    };
    let message = format!("expected {wanted} as the speaker, found {found}{through}");
    Some(
        Finding::new(FindingKind::WrongSpeaker, Severity::Error, message)
            .at(q)
            .expecting(e),
    )
}

fn cue_finding(e: &ExpectedQuote, q: &Quote) -> Option<Finding> {
    let wanted = e.cue.as_deref()?;
    let found = q.cue.as_ref().map(|c| c.text.as_str());
    if found.is_some_and(|f| same_name(f, wanted)) {
        return None;
    }
    let message = format!(
        "expected the cue “{wanted}”, found {}",
        found.map_or("none".to_string(), |f| format!("“{f}”"))
    );
    Some(
        Finding::new(FindingKind::WrongCue, Severity::Error, message)
            .at(q)
            .expecting(e),
    )
}

/// Names compare without regard to case, apostrophe style, spacing or a
/// leading "the".
fn same_name(a: &str, b: &str) -> bool {
    normalise_name(a) == normalise_name(b)
}

fn normalise_name(s: &str) -> String {
    let s = s.replace(['’', '‘'], "'").to_lowercase();
    let s = crate::document::one_line(&s).into_owned();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// The exit-relevant count of a list of findings: errors and warnings.
pub fn count(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}
