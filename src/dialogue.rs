//! Dialogue in books: in an exchange of quote paragraphs the speakers take
//! turns, so a paragraph no cue attributes is spoken by whoever a cue names
//! an even number of turns before or after it. Guessing from the turn just
//! before, as the sieves must while reading forward, carries one wrong guess
//! through the rest of the exchange; anchoring on named turns does not.

use crate::attribution::Attribution;
use crate::document::Document;
use crate::grammar::speech::Lexicon;
use crate::rules::Gender;

/// Rules that found a cue right at the quote: with a name, they anchor.
const ANCHORS: &[&str] = &[
    "speaker-verb-after",
    "verb-speaker-after",
    "speaker-verb-before",
    "verb-speaker-before",
];

/// Rules that guessed, which an anchor overrules.
const GUESSES: &[&str] = &["turn-taking", "continuation", "no-cue", "split-quote"];

/// How many turns away an anchor may be.
const TURN_REACH: usize = 8;

/// The quotes of one paragraph of an exchange.
struct Turn {
    paragraph: usize,
    quotes: std::ops::Range<usize>,
    /// The quote whose named speaker the turn has, if any.
    anchor: Option<usize>,
}

/// Re-attributes the guessed turns of every exchange from its anchors.
/// `paragraph_of` gives each quote's paragraph, in order.
pub fn alternate_turns(
    lexicon: &Lexicon,
    doc: &Document,
    paragraph_of: &[usize],
    out: &mut [Attribution],
    gender_of: &mut dyn FnMut(&str) -> Gender,
) {
    let turns = turns(lexicon, doc.text(), paragraph_of, out);
    for exchange in exchanges(&turns) {
        let decided: Vec<Option<usize>> = exchange
            .iter()
            .enumerate()
            .map(|(k, t)| match t.anchor {
                Some(_) => None,
                None => nearest_anchor(exchange, k),
            })
            .collect();
        for (turn, anchor) in exchange.iter().zip(decided) {
            let Some(a) = anchor else { continue };
            for q in turn.quotes.clone() {
                let speaker = out[a].speaker.clone();
                let mut may_be = |g: Gender, name: &str| {
                    let known = gender_of(name);
                    g == Gender::Any || known == Gender::Any || known == g
                };
                match pronoun_of(lexicon, doc.text(), &out[q]) {
                    // "she said" is the turn's speaker if she may be a she:
                    // the pronoun stays the mention, the exchange resolves it.
                    Some(g) if speaker.as_deref().is_some_and(|n| may_be(g, n)) => {
                        out[q].speaker = speaker;
                    }
                    Some(_) => {}
                    None if GUESSES.contains(&out[q].rule) => {
                        out[q] = Attribution {
                            rule: "turn-taking",
                            ..out[a].clone()
                        };
                    }
                    None => {}
                }
            }
        }
    }
}

/// The paragraphs that hold quotes, with their anchors.
fn turns(lexicon: &Lexicon, text: &str, paragraph_of: &[usize], out: &[Attribution]) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for (q, &p) in paragraph_of.iter().enumerate() {
        match turns.last_mut() {
            Some(t) if t.paragraph == p => t.quotes.end = q + 1,
            _ => turns.push(Turn {
                paragraph: p,
                quotes: q..q + 1,
                anchor: None,
            }),
        }
        let a = &out[q];
        let named = a.mention.is_some() && pronoun_of(lexicon, text, a).is_none();
        let turn = turns.last_mut().expect("a turn was just pushed");
        if turn.anchor.is_none() && named && a.speaker.is_some() && ANCHORS.contains(&a.rule) {
            turn.anchor = Some(q);
        }
    }
    turns
}

/// The gender of an attribution's mention when that is a pronoun.
fn pronoun_of(lexicon: &Lexicon, text: &str, a: &Attribution) -> Option<Gender> {
    let (s, e) = a.mention?;
    lexicon.pronoun_gender(&text[s..e])
}

/// Runs of turns in consecutive paragraphs: narration between them ends an
/// exchange.
fn exchanges(turns: &[Turn]) -> impl Iterator<Item = &[Turn]> {
    turns.chunk_by(|a, b| b.paragraph == a.paragraph + 1)
}

/// The anchor quote of the nearest named turn an even number of turns from
/// turn `k`, the earlier first when two are as near.
fn nearest_anchor(exchange: &[Turn], k: usize) -> Option<usize> {
    (2..=TURN_REACH).step_by(2).find_map(|d| {
        let before = k.checked_sub(d).and_then(|j| exchange[j].anchor);
        let after = exchange.get(k + d).and_then(|t| t.anchor);
        before.or(after)
    })
}
