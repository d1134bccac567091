//! Evaluation against annotated corpora, with the metric of the reference
//! scorer (`score.py` beside the shared corpora), so the figures agree:
//!
//! - a predicted and a gold quote match when their overlap is at least half the
//!   longer of the two; pairs are taken greedily, largest overlap first, each
//!   side once;
//! - a matched pair with a gold speaker is correctly attributed when the
//!   predicted mention overlaps a gold mention, or when the predicted speaker
//!   or mention text equals one of the gold speaker's names after normalising
//!   (NFKC, lower case, ’ → ', white space collapsed, surrounding `,.:;` and a
//!   leading "the " dropped).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::model::Quote;

/// One annotated document of the gold format.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: serde_json::Value,
    #[serde(default)]
    pub source: Option<String>,
    pub text: String,
    /// Every name of each speaker (PDNC); empty for corpora without them.
    #[serde(default)]
    pub speakers: BTreeMap<String, Vec<String>>,
    pub quotes: Vec<GoldQuote>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub mentions: Vec<GoldSpan>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
}

/// Counts that the figures are made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
    pub with_speaker: usize,
    pub correct: usize,
}

/// The figures of the metric.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    pub quote_precision: f64,
    pub quote_recall: f64,
    pub quote_f1: f64,
    pub attribution_accuracy: f64,
    pub end_to_end: f64,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.docs += other.docs;
        self.gold += other.gold;
        self.pred += other.pred;
        self.matched += other.matched;
        self.with_speaker += other.with_speaker;
        self.correct += other.correct;
    }

    pub fn figures(&self) -> Figures {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.matched, self.pred);
        let r = ratio(self.matched, self.gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let acc = ratio(self.correct, self.with_speaker);
        Figures {
            quote_precision: p,
            quote_recall: r,
            quote_f1: f1,
            attribution_accuracy: acc,
            end_to_end: acc * r,
        }
    }
}

/// A gold quote the prediction missed, or attributed wrongly.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCase {
    pub id: String,
    pub kind: ErrorKind,
    pub gold_start: usize,
    pub gold_end: usize,
    pub gold_speaker: Option<String>,
    pub predicted_speaker: Option<String>,
    pub mention: Option<String>,
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorKind {
    Miss,
    Wrong,
}

/// Scores one document's predicted quotes (top level) against its gold.
pub fn score(doc: &GoldDoc, pred: &[Quote]) -> (Counts, Vec<ErrorCase>) {
    let pairs = match_quotes(&doc.quotes, pred);
    let mut counts = Counts {
        docs: 1,
        gold: doc.quotes.len(),
        pred: pred.len(),
        matched: pairs.len(),
        ..Counts::default()
    };
    let id = match &doc.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let case = |kind, g: &GoldQuote, p: Option<&Quote>| ErrorCase {
        id: id.clone(),
        kind,
        gold_start: g.start,
        gold_end: g.end,
        gold_speaker: g.speaker.clone(),
        predicted_speaker: p.and_then(|p| p.speaker.clone()),
        mention: p.and_then(|p| p.mention.as_ref().map(|m| m.text.clone())),
        rule: p.and_then(|p| p.rule.clone()),
    };
    let mut errors = Vec::new();
    for &(i, j) in &pairs {
        let g = &doc.quotes[i];
        let Some(speaker) = &g.speaker else { continue };
        counts.with_speaker += 1;
        if is_correct(doc, g, speaker, &pred[j]) {
            counts.correct += 1;
        } else {
            errors.push(case(ErrorKind::Wrong, g, Some(&pred[j])));
        }
    }
    let matched: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    for (i, g) in doc.quotes.iter().enumerate() {
        if !matched.contains(&i) {
            errors.push(case(ErrorKind::Miss, g, None));
        }
    }
    (counts, errors)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pairs (gold index, predicted index), greedy by overlap. Ties go the way the
/// reference scorer's descending sort of (overlap, gold, predicted) sends them.
fn match_quotes(gold: &[GoldQuote], pred: &[Quote]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let ov = overlap((g.start, g.end), (p.start, p.end));
            let longer = (g.end - g.start).max(p.end - p.start);
            if ov > 0 && 2 * ov >= longer {
                candidates.push((ov, i, j));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    let (mut gi, mut pj) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !gi.contains(&i) && !pj.contains(&j) {
            gi.insert(i);
            pj.insert(j);
            pairs.push((i, j));
        }
    }
    pairs
}

fn is_correct(doc: &GoldDoc, g: &GoldQuote, speaker: &str, p: &Quote) -> bool {
    if let Some(m) = &p.mention {
        if g.mentions
            .iter()
            .any(|gm| overlap((m.start, m.end), (gm.start, gm.end)) > 0)
        {
            return true;
        }
    }
    let wanted = normalise(speaker);
    let names: HashSet<String> = doc
        .speakers
        .iter()
        .find(|(k, _)| normalise(k) == wanted)
        .map(|(k, v)| {
            v.iter()
                .map(|n| normalise(n))
                .chain([normalise(k)])
                .collect()
        })
        .unwrap_or_else(|| [wanted].into_iter().collect());
    let predicted = p.speaker.as_deref().map(normalise);
    let mention = p.mention.as_ref().map(|m| normalise(&m.text));
    predicted.is_some_and(|s| names.contains(&s)) || mention.is_some_and(|m| names.contains(&m))
}

/// The reference scorer's name normalisation.
pub fn normalise(s: &str) -> String {
    let s: String = s
        .nfkc()
        .collect::<String>()
        .replace(['’', '‘'], "'")
        .to_lowercase();
    let s = crate::document::one_line(&s);
    let s = s.trim_matches([' ', ',', '.', ':', ';']);
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_like_the_reference_scorer() {
        assert_eq!(normalise("The  White House,"), "white house");
        assert_eq!(normalise("Korea’s ﬁrst"), "korea's first");
        assert_eq!(normalise("the "), "the");
    }
}
