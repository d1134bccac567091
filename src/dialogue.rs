//! Dialogue in books: in an exchange of quote paragraphs the speakers take
//! turns, so a paragraph no cue attributes is spoken by whoever cues name
//! an even number of turns before or after it, or by whoever the turns an
//! odd number away address by name ("Do describe them, Professor Godbole"),
//! the nearer turns counting most. Guessing from the turn just before, as
//! the sieves must while reading forward, carries one wrong guess through
//! the rest of the exchange; weighing the named turns around does not.
//! The narration of a turn's own paragraph is nearer evidence still: the
//! person it is about keeps the turn, and so does the person it (or a
//! paragraph of narration just before) names before the turn's "he",
//! unless it names the exchange's choice too.

use crate::attribution::{Attribution, LAST_SUBJECT, SILENT_REPLY};
use crate::document::{floor_char_boundary, Document};
use crate::entities::Resolver;
use crate::grammar::quotes::RawQuote;
use crate::grammar::speech::{Lexicon, MentionKind};
use crate::rules::Gender;

/// Rules that found a cue at the quote or in its sentence: with a name,
/// they anchor ("Carl said that it was “a fine day”" too: on PDNC dev,
/// `in-sentence` and `before-colon` as anchors gave 40 more right).
const ANCHORS: &[&str] = &[
    "speaker-verb-after",
    "verb-speaker-after",
    "speaker-verb-before",
    "verb-speaker-before",
    "in-sentence",
    "before-colon",
];

/// Rules that guessed, which an anchor overrules.
const GUESSES: &[&str] = &[
    "turn-taking",
    "continuation",
    "no-cue",
    LAST_SUBJECT,
    "split-quote",
    "narration-before",
    "narration-name",
];

/// Guesses that copy another quote's attribution, mention and all: a "he"
/// they carry is that quote's cue, not theirs. Read as theirs, it kept
/// the copied speaker against the exchange's evidence (on PDNC dev, no
/// longer doing so gave 458 turns the right speaker and 252 a wrong one).
const REPLIES: &[&str] = &["turn-taking", "continuation", "no-cue"];

/// Rules that give a quote the person the narration before it is about.
const NARRATION: &[&str] = &["narration-before", "narration-name"];

/// How many turns, at least, must be cued "I said" for a book to have a
/// narrator who speaks.
const MIN_FIRST_PERSON_TURNS: usize = 10;

/// How often, at least, a narrator must be called by name to be named.
const MIN_NARRATOR_CALLS: i64 = 3;

/// What a name called out is worth as evidence of who speaks, against a
/// cue that names the speaker (on PDNC dev, any weight from a tenth to a
/// whole did better than deciding by the nearest evidence alone; 0.3,
/// with [`VOTE_DECAY`] at 0.4, gave 21 more right than the 0.25 and 0.5
/// before, a gain in nine books of 22 and a loss of one in three).
const ADDRESS_WEIGHT: f64 = 0.3;

/// What a turn's vote keeps of its weight with each turn of distance (on
/// PDNC dev, 0.3 to 0.7 did better than the nearest evidence alone, 0.85
/// worse; 0.4 did best with [`ADDRESS_WEIGHT`] at 0.3).
const VOTE_DECAY: f64 = 0.4;

/// Anchors whose rules name the wrong person more often: on PDNC dev, a
/// name found by `in-sentence` was right 76% of the time and one by
/// `speaker-verb-before` 88%, against 98% for a name just after the quote
/// ("said Anna", "Anna said").
const WEAK_ANCHORS: &[&str] = &["in-sentence", "speaker-verb-before"];

/// What a weak anchor's vote is worth against another's (on PDNC dev, 18
/// more right at 0.5; 0.2 and 0.3 gave 15 and 9 more, 0.75 gave 5; with
/// `before-colon` among the weak the same as without).
const WEAK_ANCHOR_WEIGHT: f64 = 0.5;

/// What a cue's vote is worth for the turns before it when it names a
/// newcomer: someone the exchange has neither heard nor called by name
/// while two others have spoken or been called. A third voice breaking
/// into a conversation says little of who spoke before it ("“But you did
/// not see it?” ¶ “No.” ¶ “But _I_ did,” said Lawrence"); it still
/// counts in full for the turns after it. On PDNC dev, 46 more right at
/// 0.15; 0.05, 0.1, 0.25 and 0.4 gave 42, 42, 38 and 34, and no vote at
/// all 13. A newcomer once one other has been met gave 31, once three
/// had, 28.
const NEWCOMER_WEIGHT: f64 = 0.15;

/// How many turns away evidence is looked for. A vote shrinks with each
/// turn ([`VOTE_DECAY`]), so far turns decide only when nothing nearer
/// does; this bounds the work on an exchange of thousands of turns rather
/// than the evidence (with the nearest evidence deciding alone, 8 turns
/// gave 32 fewer right on PDNC dev than any reach from 14 to 50).
const TURN_REACH: usize = 32;

/// How many quotes back a turn the exchange says nothing of looks for its
/// speaker ([`latest_other`]; on PDNC dev 6 gave 4 fewer right, 20 to 80
/// the same).
const OTHER_REACH: usize = 20;

/// How far back, at most, [`Exchanges::scene_newcomer`] reads the
/// narration (on PDNC dev, 1,000 bytes gave 2 fewer right than 3,000,
/// 6,000 the same).
const NEWCOMER_REACH: usize = 3000;

/// The quotes of one paragraph of an exchange.
struct Turn {
    paragraph: usize,
    quotes: std::ops::Range<usize>,
    /// The attribution of the turn's quote that a cue and a name decided.
    anchor: Option<Attribution>,
    /// Whom the turn addresses by name, and where.
    addressee: Option<(String, (usize, usize))>,
    /// Whether the turn's anchor names a newcomer to its exchange (see
    /// [`NEWCOMER_WEIGHT`]).
    newcomer: bool,
}

impl Turn {
    /// The attribution of the turn's first quote, which speaks for the
    /// turn.
    fn first<'a>(&self, out: &'a [Attribution]) -> &'a Attribution {
        &out[self.quotes.start]
    }

    /// Whether the turn calls `name` by name.
    fn calls(&self, name: &str) -> bool {
        self.addressee
            .as_ref()
            .is_some_and(|(called, _)| same_person(called, name))
    }
}

/// A book's dialogue, to be re-read: the document, its quotes, and each
/// quote's paragraph (in order).
pub struct Exchanges<'t> {
    pub lexicon: &'t Lexicon,
    pub doc: &'t Document<'t>,
    pub quotes: &'t [RawQuote],
    pub paragraph_of: &'t [usize],
}

impl Exchanges<'_> {
    /// Names the narrator behind "I said" if the dialogue does, then
    /// re-attributes the guessed turns of every exchange from its anchors
    /// and the names its turns call each other by. Named first, the
    /// narrator's own turns anchor the exchanges they are in (on PDNC dev,
    /// 134 more right in the two books with a speaking narrator).
    pub fn alternate_turns(&self, resolver: &mut Resolver, out: &mut [Attribution]) {
        let mut turns = self.turns(resolver, out);
        let narrator = self.narrator(&turns, out);
        if let Some(narrator) = &narrator {
            for a in out.iter_mut().filter(|a| self.is_first_person(a)) {
                a.speaker = Some(narrator.clone());
            }
            self.anchor(&mut turns, out);
        }
        for exchange in turns.chunk_by_mut(|a, b| b.paragraph == a.paragraph + 1) {
            mark_newcomers(exchange);
            let exchange = &*exchange;
            for (k, turn) in exchange.iter().enumerate() {
                go_on_after_silent_reply(turn, out);
                if turn.anchor.is_some() {
                    continue;
                }
                let found = evidence(exchange, k)
                    .or_else(|| alternation(exchange, k, out))
                    .or_else(|| self.scene_newcomer(resolver, exchange, k, out))
                    .or_else(|| latest_other(exchange, k, out))
                    .or_else(|| narrator_reply(exchange, k, narrator.as_deref(), out));
                if let Some(found) = found {
                    self.apply(resolver, turn, &found, out);
                }
            }
        }
    }

    /// The name of a book's narrator, when enough turns say "I": the name
    /// the dialogue calls people by most often, less what the narrator
    /// calls others, among names the narration never gives a speaker.
    fn narrator(&self, turns: &[Turn], out: &[Attribution]) -> Option<String> {
        let first_person = |t: &Turn| t.quotes.clone().any(|q| self.is_first_person(&out[q]));
        if turns.iter().filter(|t| first_person(t)).count() < MIN_FIRST_PERSON_TURNS {
            return None;
        }
        let mut counts: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
        for turn in turns {
            let Some((name, _)) = &turn.addressee else {
                continue;
            };
            // Whom the narrator calls by name is someone else.
            let weight = if first_person(turn) { -2 } else { 1 };
            *counts.entry(name.as_str()).or_default() += weight;
        }
        // The narration says "I", so a name it gives a speaker ("said
        // Potapitch") is someone else's.
        let named: std::collections::HashSet<&str> = turns
            .iter()
            .filter_map(|t| t.anchor.as_ref()?.speaker.as_deref())
            .collect();
        let (name, n) = counts
            .into_iter()
            .filter(|(name, _)| !named.contains(name))
            .max_by_key(|&(name, n)| (n, std::cmp::Reverse(name)))?;
        (n >= MIN_NARRATOR_CALLS).then(|| name.to_string())
    }

    /// Tried before [`latest_other`], for the turns it would decide: the
    /// last man or woman the narration names, neither the turn before's
    /// speaker nor whom the turn calls, after both the start of the
    /// exchange's scene and the quote of the speaker `latest_other` would
    /// take. Someone who comes into the scene after the last one heard is
    /// more likely the one answering ("Mr. George Emerson happened to be
    /// a few paces away … ¶ “You fainted.”"). On PDNC dev, 30 more right
    /// (192 gained, 162 lost); without the scene's bound, 15.
    fn scene_newcomer(
        &self,
        resolver: &mut Resolver,
        exchange: &[Turn],
        k: usize,
        out: &[Attribution],
    ) -> Option<Attribution> {
        let before = not_the_speaker(exchange, k, out)?;
        let turn = &exchange[k];
        let at = self.quotes[turn.quotes.start].start;
        let scene = resolver.scene_start_of(self.quotes[exchange[0].quotes.start].start);
        let heard = latest_other_quote(turn, before, out).map_or(0, |q| self.quotes[q].end);
        let reach = at.saturating_sub(NEWCOMER_REACH);
        let lo = floor_char_boundary(self.doc.text(), scene.max(heard).max(reach));
        let other = |s: &str| !before.is_some_and(|b| same_person(b, s)) && !turn.calls(s);
        let (name, span) = resolver.latest_person_named(lo, at, other)?;
        Some(Attribution {
            speaker: Some(name),
            mention: Some(span),
            cue: None,
            rule: "turn-taking",
        })
    }

    /// Whether an attribution came through a description ("said her aunt").
    fn is_description(&self, a: &Attribution) -> bool {
        let text = self.doc.text();
        a.mention
            .is_some_and(|(s, e)| self.lexicon.is_description(&text[s..e]))
    }

    /// The gender the first gendered noun of a description says ("the
    /// old man"), or any.
    fn described_gender(&self, a: &Attribution) -> Gender {
        let Some((s, e)) = a.mention else {
            return Gender::Any;
        };
        self.doc.text()[s..e]
            .split_whitespace()
            .map(|w| self.lexicon.noun_gender(w))
            .find(|g| *g != Gender::Any)
            .unwrap_or(Gender::Any)
    }

    /// Whether a quote was given to the person the narration of its own
    /// paragraph is about ("Fanny paused. “Well?”"): nearer evidence than
    /// the exchange's votes. Narration in the paragraph before is not.
    fn is_named_by_own_narration(&self, q: usize, a: &Attribution) -> bool {
        let paragraph = self.paragraph_of[q];
        NARRATION.contains(&a.rule)
            && a.mention
                .is_some_and(|(s, _)| self.doc.paragraph_of(s) == paragraph)
    }

    /// Whether the speaker a pronoun was resolved to is named in the
    /// narration of its scene before it (its paragraph, and the paragraph
    /// before when that is narration alone or ends in a long stretch of
    /// it: [`Resolver::scene_start_of`]) ("Leonard was silent for a
    /// moment. Then he said: …"), and the speaker the exchange found is
    /// not: then the narration is nearer evidence than the exchange's.
    /// When it names both, the exchange decides (on PDNC dev, with the
    /// scene reaching into the paragraph before, 56 more right; the scene
    /// alone gave 15, naming both alone 7).
    fn kept_by_scene(&self, resolver: &Resolver, a: &Attribution, found: &Attribution) -> bool {
        let (Some((at, _)), Some(name)) = (a.mention, a.speaker.as_deref()) else {
            return false;
        };
        let scene = &self.doc.text()[resolver.scene_start_of(at)..at];
        // The exchange's choice is looked for only once the narration
        // names the pronoun's.
        self.names_in(scene, name)
            && !found
                .speaker
                .as_deref()
                .is_some_and(|f| self.names_in(scene, f))
    }

    /// Whether `narration` names `name` outside quotes, by a word of it
    /// other than a title.
    fn names_in(&self, narration: &str, name: &str) -> bool {
        name.split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase) && !self.lexicon.is_title(w))
            .any(|w| names_outside_quotes(narration, w))
    }

    /// Whether an attribution came through "I" in the narration.
    fn is_first_person(&self, a: &Attribution) -> bool {
        a.mention
            .is_some_and(|(s, e)| self.lexicon.is_narrator_pronoun(&self.doc.text()[s..e]))
    }

    /// Gives a turn's quotes the speaker the exchange found for it.
    fn apply(
        &self,
        resolver: &mut Resolver,
        turn: &Turn,
        found: &Attribution,
        out: &mut [Attribution],
    ) {
        let text = self.doc.text();
        for q in turn.quotes.clone() {
            // The second half of a split quote is its first half's, as
            // that half now stands: it may have kept its own narration's
            // speaker against the exchange's (on PDNC dev, 60 more right).
            let split = out[q].rule == "split-quote" && q > turn.quotes.start;
            if split && out[q - 1].speaker.is_some() {
                out[q] = Attribution {
                    rule: "split-quote",
                    ..out[q - 1].clone()
                };
                continue;
            }
            // "I said" is the narrator, whom `narrator` names.
            if self.is_first_person(&out[q]) {
                continue;
            }
            // A description ("said her aunt", "said the old man") is
            // resolved like a pronoun of the gender its noun says, if any.
            let description = self.is_description(&out[q]) && ANCHORS.contains(&out[q].rule);
            // A guess's "he" is the cue of the quote it was copied from.
            let copied = REPLIES.contains(&out[q].rule);
            let resolvable = pronoun_of(self.lexicon, text, &out[q])
                .filter(|_| !copied)
                .or(description.then(|| self.described_gender(&out[q])));
            match resolvable {
                // "Leonard was silent. Then he said:" stays Leonard's.
                Some(_) if self.kept_by_scene(resolver, &out[q], found) => {}
                // "she said" is the turn's speaker if she may be a she: the
                // pronoun stays the mention, the exchange resolves it.
                Some(g) => {
                    if let Some(name) = &found.speaker {
                        let known = resolver.gender_of(name);
                        if g == Gender::Any || known == Gender::Any || known == g {
                            out[q].speaker = found.speaker.clone();
                        }
                    }
                }
                // "Leonard paused. “May I go?”" stays Leonard's too.
                None if self.is_named_by_own_narration(q, &out[q]) => {}
                None if GUESSES.contains(&out[q].rule) => {
                    out[q] = Attribution {
                        rule: "turn-taking",
                        ..found.clone()
                    };
                }
                None => {}
            }
        }
    }

    /// The paragraphs that hold quotes, with their anchors and addressees.
    fn turns(&self, resolver: &mut Resolver, out: &[Attribution]) -> Vec<Turn> {
        let mut turns: Vec<Turn> = Vec::new();
        for (q, &p) in self.paragraph_of.iter().enumerate() {
            match turns.last_mut() {
                Some(t) if t.paragraph == p => t.quotes.end = q + 1,
                _ => turns.push(Turn {
                    paragraph: p,
                    quotes: q..q + 1,
                    anchor: None,
                    addressee: None,
                    newcomer: false,
                }),
            }
            let turn = turns.last_mut().expect("a turn was just pushed");
            if turn.addressee.is_none() {
                turn.addressee =
                    addressee(self.lexicon, self.doc.text(), resolver, &self.quotes[q]);
            }
        }
        self.anchor(&mut turns, out);
        turns
    }

    /// Gives each turn the attribution of its first quote that a cue and a
    /// name decided, if any. Run again once the narrator has a name.
    fn anchor(&self, turns: &mut [Turn], out: &[Attribution]) {
        let text = self.doc.text();
        for turn in turns {
            turn.anchor = turn.quotes.clone().map(|q| &out[q]).find_map(|a| {
                // "I" is a name once the narrator has one; "he" is not.
                let named = a.mention.is_some()
                    && !self.is_description(a)
                    && (pronoun_of(self.lexicon, text, a).is_none() || self.is_first_person(a));
                let anchors = named && a.speaker.is_some() && ANCHORS.contains(&a.rule);
                anchors.then(|| a.clone())
            });
        }
    }
}

/// A turn after a wordless answer takes the speaker of the quote before
/// the answer as the exchanges have now settled it; its split halves
/// follow.
fn go_on_after_silent_reply(turn: &Turn, out: &mut [Attribution]) {
    let first = turn.quotes.start;
    if first == 0 || out[first].rule != SILENT_REPLY {
        return;
    }
    out[first] = Attribution {
        rule: SILENT_REPLY,
        ..out[first - 1].clone()
    };
    for q in turn.quotes.clone().skip(1) {
        if out[q].rule == "split-quote" {
            out[q] = Attribution {
                rule: "split-quote",
                ..out[q - 1].clone()
            };
        }
    }
}

/// The speaker the evidence around turn `k` gives it. Each turn within
/// reach votes, its vote shrinking with each turn of distance
/// ([`VOTE_DECAY`]): a turn named by a cue votes for its speaker at an even
/// distance and against at an odd one (a [`WEAK_ANCHORS`] cue's vote
/// counts [`WEAK_ANCHOR_WEIGHT`]); a name a turn calls out votes for
/// that name at an odd distance and against at an even one, with
/// [`ADDRESS_WEIGHT`] of a cue's vote. A cue naming a newcomer votes
/// little for the turns before it ([`NEWCOMER_WEIGHT`]).
/// Nobody speaks to themselves, so a turn never takes the name it
/// addresses. The nearest evidence mostly decides, as it should; the sum
/// settles it when near turns disagree, as when a third person speaks.
fn evidence(exchange: &[Turn], k: usize) -> Option<Attribution> {
    let mut tally = Tally::default();
    let lo = k.saturating_sub(TURN_REACH);
    let hi = (k + TURN_REACH).min(exchange.len() - 1);
    for (j, turn) in exchange.iter().enumerate().take(hi + 1).skip(lo) {
        let d = j.abs_diff(k);
        let weight = VOTE_DECAY.powi(d as i32);
        let sign = if d % 2 == 0 { 1.0 } else { -1.0 };
        if let Some(anchor) = turn.anchor.as_ref().filter(|_| d > 0) {
            let weak = WEAK_ANCHORS.contains(&anchor.rule);
            let mut trust = if weak { WEAK_ANCHOR_WEIGHT } else { 1.0 };
            if j > k && turn.newcomer {
                trust *= NEWCOMER_WEIGHT;
            }
            tally.add(anchor, sign * weight * trust, d);
        }
        if let Some((name, span)) = &turn.addressee {
            let called = Attribution {
                speaker: Some(name.clone()),
                mention: Some(*span),
                cue: None,
                rule: "turn-taking",
            };
            let vote = match d {
                0 => f64::NEG_INFINITY,
                _ => -sign * weight * ADDRESS_WEIGHT,
            };
            tally.add(&called, vote, d);
        }
    }
    tally.winner()
}

/// Marks the turns of an exchange whose anchors name a newcomer: someone
/// not heard or called before in it, once two others have been.
fn mark_newcomers(exchange: &mut [Turn]) {
    let is_met = |name: &str, met: &[&str]| met.iter().any(|m| same_person(m, name));
    let mut met: Vec<&str> = Vec::new();
    for turn in exchange.iter_mut() {
        let speaker = turn.anchor.as_ref().and_then(|a| a.speaker.as_deref());
        turn.newcomer = speaker.is_some_and(|s| met.len() >= 2 && !is_met(s, &met));
        let called = turn.addressee.as_ref().map(|(name, _)| name.as_str());
        for name in speaker.into_iter().chain(called) {
            if !is_met(name, &met) {
                met.push(name);
            }
        }
    }
}

/// Votes for the speakers of a turn, each with the attribution of the
/// nearest evidence for it.
#[derive(Default)]
struct Tally {
    votes: Vec<(Attribution, f64, usize)>,
}

impl Tally {
    fn add(&mut self, evidence: &Attribution, vote: f64, distance: usize) {
        let same =
            |(a, _, _): &&mut (Attribution, f64, usize)| match (&a.speaker, &evidence.speaker) {
                (Some(a), Some(b)) => same_person(a, b),
                (a, b) => a == b,
            };
        match self.votes.iter_mut().find(same) {
            Some((a, total, nearest)) => {
                *total += vote;
                if distance < *nearest {
                    (*a, *nearest) = (evidence.clone(), distance);
                }
            }
            None => self.votes.push((evidence.clone(), vote, distance)),
        }
    }

    /// The speaker with the most votes, if they are more for than
    /// against; the nearer evidence wins a tie.
    fn winner(self) -> Option<Attribution> {
        self.votes
            .into_iter()
            .filter(|(_, total, _)| *total > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)))
            .map(|(a, _, _)| a)
    }
}

/// Whether two of a book's names for speakers are one person's: the same
/// name, or a given name alone and a full name it starts ("Adela" and
/// "Adela Quested"), which the book's usage may both leave as canonical
/// (on PDNC dev, 15 more right than telling them apart).
fn same_person(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short == long {
        return true;
    }
    let given_alone = !short.contains(char::is_whitespace) && !short.ends_with('.');
    given_alone
        && long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

/// Weaker evidence, when there is none better: the speaker found for the
/// turn two before, if the turn between had someone else and the turn
/// does not call that speaker by name.
fn alternation(exchange: &[Turn], k: usize, out: &[Attribution]) -> Option<Attribution> {
    let speaker_of = |j: usize| exchange[j].first(out).speaker.as_ref();
    let two_back = speaker_of(k.checked_sub(2)?)?;
    let before = speaker_of(k - 1);
    let other = !before.is_some_and(|b| same_person(b, two_back)) && !exchange[k].calls(two_back);
    other.then(|| exchange[k - 2].first(out).clone())
}

/// The last resort for a turn the exchange says nothing of. A turn that
/// reading forward guessed as the reply to the turn before takes the
/// latest speaker before it other than that turn's: the turns behind it
/// are settled now, and the one before may have changed hands. A turn
/// whose guess is the person it calls by name ("Are you quite certain
/// that I'm not interrupting, Mrs. Wilcox?") takes the latest speaker who
/// is someone else. On PDNC dev: 50 more right for the replies, 20 for
/// the turns that call their guess (with the same check in
/// [`alternation`]).
fn latest_other(exchange: &[Turn], k: usize, out: &[Attribution]) -> Option<Attribution> {
    let before = not_the_speaker(exchange, k, out)?;
    let q = latest_other_quote(&exchange[k], before, out)?;
    Some(Attribution {
        rule: "turn-taking",
        ..out[q].clone()
    })
}

/// The quote whose speaker [`latest_other`] gives `turn`, whose speaker
/// is not `before` ([`not_the_speaker`]).
fn latest_other_quote(turn: &Turn, before: Option<&String>, out: &[Attribution]) -> Option<usize> {
    (turn.quotes.start.saturating_sub(OTHER_REACH)..turn.quotes.start)
        .rev()
        .find(|&q| {
            out[q]
                .speaker
                .as_ref()
                .is_some_and(|s| !before.is_some_and(|b| same_person(b, s)) && !turn.calls(s))
        })
}

/// For a turn [`latest_other`] may give a speaker, the speaker of the
/// turn before, which it is not (none when the turn calls its guess by
/// name: the turn before may well be its own speaker's, going on).
/// `None` for any other turn.
fn not_the_speaker<'o>(
    exchange: &[Turn],
    k: usize,
    out: &'o [Attribution],
) -> Option<Option<&'o String>> {
    let turn = &exchange[k];
    let guess = turn.first(out);
    let calls_guess =
        GUESSES.contains(&guess.rule) && guess.speaker.as_ref().is_some_and(|s| turn.calls(s));
    let reply = guess.rule == "turn-taking" && k > 0;
    match (calls_guess, reply) {
        (true, _) => Some(None),
        (false, true) => Some(exchange[k - 1].first(out).speaker.as_ref()),
        (false, false) => None,
    }
}

/// In a book told by a narrator who speaks, a turn that would continue
/// the speaker before it is the narrator's reply, unless the speaker
/// before is the narrator or the turn calls the narrator by name: the
/// narrator's own turns are the ones the narration least often cues (on
/// PDNC dev, 15 more right).
fn narrator_reply(
    exchange: &[Turn],
    k: usize,
    narrator: Option<&str>,
    out: &[Attribution],
) -> Option<Attribution> {
    let narrator = narrator?;
    let turn = &exchange[k];
    let continues = turn.first(out).rule == "continuation";
    let after_narrator = k > 0 && exchange[k - 1].first(out).speaker.as_deref() == Some(narrator);
    (continues && !after_narrator && !turn.calls(narrator)).then(|| Attribution {
        speaker: Some(narrator.to_string()),
        mention: None,
        cue: None,
        rule: "turn-taking",
    })
}

/// The name a quote calls someone by: right after its opening and
/// before a comma ("Elinor, …"), or after a comma and before a stop
/// ("…, Professor Godbole."), either after a word of affection or not
/// ("My dear Sir Thomas, …"; on PDNC dev, 36 more right). A word alone
/// ("Exactly.") calls nobody, and a name alone ("Lady Narborough,")
/// answers a question.
pub(crate) fn addressee(
    lexicon: &Lexicon,
    text: &str,
    resolver: &mut Resolver,
    quote: &RawQuote,
) -> Option<(String, (usize, usize))> {
    let inner = &text[quote.start..quote.end];
    let openings = std::iter::once(quote.start)
        .chain(inner.match_indices(", ").map(|(k, _)| quote.start + k + 2));
    openings.into_iter().find_map(|at| {
        // "My dear Sir Thomas, …" calls Sir Thomas.
        let at = lexicon.after_endearment(text, at, quote.end);
        // Most commas are followed by a lower-case word: no name there.
        let first = text.as_bytes().get(at)?;
        if first.is_ascii_lowercase() {
            return None;
        }
        let m = lexicon.name_starting_at(text, at, quote.end)?;
        let MentionKind::Name { .. } = m.kind else {
            return None;
        };
        // "Sir, …", "Father, …" call someone without naming them.
        if lexicon.is_title(&text[m.start..m.end]) {
            return None;
        }
        let after = text[m.end..quote.end].chars().next();
        let closes = match at == quote.start {
            true => after == Some(',') && !text[m.end + 1..quote.end].trim().is_empty(),
            false => after.is_none_or(|c| matches!(c, ',' | '.' | '!' | '?' | ';')),
        };
        // "Exactly, and no oars.": a common word is no one's name.
        let one_word = !text[m.start..m.end].contains(char::is_whitespace);
        let untitled = matches!(m.kind, MentionKind::Name { title: None, .. });
        if !closes || one_word && untitled && resolver.is_common_word(m.start, m.end) {
            return None;
        }
        // "Not also Ronny, Ralph, and Stella?" lists people, calling none.
        if goes_on_listing(lexicon, &text[m.end..quote.end]) {
            return None;
        }
        let name = resolver.speaker(&m)?;
        if resolver.is_place(&name) {
            return None;
        }
        // "Miss Bennet" said to Elizabeth is Elizabeth.
        let name = resolver.called_by_family_name(name, quote.start);
        Some((name, (m.start, m.end)))
    })
}

/// Whether the text after a name goes on with the last item of a list
/// (", and …"): the name is one of several the quote mentions (on PDNC
/// dev, 32 more right once such a name no longer calls anyone).
fn goes_on_listing(lexicon: &Lexicon, after_name: &str) -> bool {
    after_name
        .strip_prefix(',')
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|word| lexicon.is_list_conjunction(word))
}

/// Whether `word` stands as a whole word in `narration` outside its quote
/// marks (counted from its start, in one pass).
fn names_outside_quotes(narration: &str, word: &str) -> bool {
    let mut marks = 0;
    let mut counted_to = 0;
    narration.match_indices(word).any(|(k, _)| {
        marks += narration[counted_to..k].matches(['"', '“', '”']).count();
        counted_to = k;
        let starts = !narration[..k].ends_with(char::is_alphanumeric);
        let ends = !narration[k + word.len()..].starts_with(char::is_alphanumeric);
        marks % 2 == 0 && starts && ends
    })
}

/// The gender of an attribution's mention when that is a pronoun.
fn pronoun_of(lexicon: &Lexicon, text: &str, a: &Attribution) -> Option<Gender> {
    let (s, e) = a.mention?;
    lexicon.pronoun_gender(&text[s..e])
}

#[cfg(test)]
mod tests {
    use super::{latest_other, names_outside_quotes, same_person, Turn};
    use crate::attribution::Attribution;

    fn said(speaker: &str, rule: &'static str) -> Attribution {
        Attribution {
            speaker: Some(speaker.to_string()),
            mention: None,
            cue: None,
            rule,
        }
    }

    fn turn(q: usize, calls: Option<&str>) -> Turn {
        Turn {
            paragraph: q,
            quotes: q..q + 1,
            anchor: None,
            addressee: calls.map(|name| (name.to_string(), (0, 0))),
            newcomer: false,
        }
    }

    #[test]
    fn a_turn_nothing_decides_takes_the_latest_speaker_it_can_be() {
        // Three quotes: Carl's before the exchange, then its two turns,
        // the second guessed as `rule` and calling `calls` by name.
        let second = |first: &str, guess: &str, rule: &'static str, calls: Option<&str>| {
            let out = [
                said("Carl", "verb-speaker-after"),
                said(first, "verb-speaker-after"),
                said(guess, rule),
            ];
            let exchange = [turn(1, None), turn(2, calls)];
            latest_other(&exchange, 1, &out).and_then(|a| a.speaker)
        };
        // Anna's turn was settled after the reply to it was guessed as
        // hers: the reply is Carl's.
        assert_eq!(
            second("Anna", "Anna", "turn-taking", None).as_deref(),
            Some("Carl")
        );
        // A turn cannot be whom it calls, but may be the turn before's.
        assert_eq!(
            second("Anna", "Carl", "continuation", Some("Carl")).as_deref(),
            Some("Anna")
        );
        // A turn with a cue of its own is left alone.
        assert_eq!(second("Anna", "Anna", "verb-speaker-after", None), None);
    }

    #[test]
    fn a_given_name_is_the_person_whose_full_name_it_starts() {
        assert!(same_person("Adela", "Adela Quested"));
        assert!(same_person("Adela Quested", "Adela"));
        assert!(same_person("Ronny", "Ronny"));
        // A family name is shared, a longer word is another name, and a
        // title alone names no one.
        assert!(!same_person("Quested", "Adela Quested"));
        assert!(!same_person("Adela", "Adelaide Quested"));
        assert!(!same_person("Mr.", "Mr. Wilcox"));
        assert!(!same_person("Adela Quested", "Adela Moore"));
    }

    #[test]
    fn a_name_counts_only_as_a_whole_word_outside_quote_marks() {
        assert!(names_outside_quotes("Leonard was silent. Then ", "Leonard"));
        assert!(!names_outside_quotes(
            "“Leonard,” she cried. Then ",
            "Leonard"
        ));
        assert!(names_outside_quotes(
            "“Go,” she cried, and Leonard rose. ",
            "Leonard"
        ));
        assert!(!names_outside_quotes("Leonardo was silent. ", "Leonard"));
        assert!(!names_outside_quotes("McLeonard was silent. ", "Leonard"));
    }
}
