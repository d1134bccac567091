//! Attribution: for each quote, who said it, through which mention and cue, and
//! which sieve decided. The sieves run in the order of [`SIEVES`]; the first that
//! finds a speaker wins.

use crate::dialogue::addressee;
use crate::document::{floor_char_boundary, Document};
use crate::entities::Resolver;
use crate::grammar::quotes::RawQuote;
use crate::grammar::speech::{CueHit, Lexicon, MentionHit, MentionKind, Possessor};
use crate::rules::Gender;

/// The sieves in the order they are tried, by the name that goes in `rule`.
pub const SIEVES: &[&str] = &[
    "speaker-verb-after",  // “…,” Moon said.
    "verb-speaker-after",  // “…,” said Moon, a liberal.
    "dash-after",          // “…” ― Esther Tapia
    "answer-after",        // “…,” was her answer.
    "speaker-verb-before", // Moon said: “…”
    "verb-speaker-before", // Said Moon: “…”
    "in-sentence",         // Moon said that … “willingness …” …
    "according-to",        // “…,” according to aides.
    "before-colon",        // … surprises pollster Dan Shaw: “…”
    "sentence-subject",    // Merkel condemned “such a murderous attack”
    "split-quote",         // “…,” Moon said. “…” (the second half)
    "turn-taking",         // alternating speakers in a dialogue (books)
    "continuation",        // a quote paragraph with no cue after one with a speaker
    "narration-before",    // Fanny paused. “Well?” / books: Anna stopped. ¶ “Are you cold?”
    "narration-name",      // books: A cloud passed over John’s face. ¶ “I have no idea.”
    "after-silent-reply",  // books: “Is it far?” ¶ He shook his head. ¶ “Then we walk.”
    "same-sentence",       // a “stagnant” month as a “turbulent cycle” played out, he said.
    "last-subject",        // books: In a moment or two he was back. ¶ “No good.”
];

/// The rule recorded when no sieve found a speaker.
pub const NO_CUE: &str = "no-cue";

/// The rule of a book's quote given the narration's last subject.
pub(crate) const LAST_SUBJECT: &str = "last-subject";

/// The rule of a book's quote that goes on the speech before a wordless
/// answer.
pub(crate) const SILENT_REPLY: &str = "after-silent-reply";

/// How many quotes back a dialogue turn looks for the other speaker.
const DIALOGUE_REACH: usize = 6;

/// How many commas an introductory phrase may hold.
const INTRO_COMMAS: usize = 3;

/// How many commas or semicolons back from a speech verb its clause's
/// subject is looked for (on PDNC dev, against none: 1 gave 3 more right,
/// 3 gave 11, 5 gave 16, 8 and 12 gave 18).
const CLAUSE_COMMAS: usize = 8;

/// What may stand between a quote and the words after it that cue it.
const GAP_AFTER: [char; 6] = [' ', ',', '\n', '\u{a0}', '—', '–'];

/// How far (bytes) a sentence may reach before or after a quote.
const SENTENCE_REACH: usize = 600;

/// One quote's attribution, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<String>,
    pub mention: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub rule: &'static str,
}

impl Attribution {
    fn none() -> Self {
        Attribution {
            speaker: None,
            mention: None,
            cue: None,
            rule: NO_CUE,
        }
    }
}

/// A mention and cue found by a sieve, before the speaker is resolved.
struct Found {
    mention: MentionHit,
    cue: Option<CueHit>,
    rule: &'static str,
}

/// Attributes the top-level quotes of a document, in order.
pub fn attribute(lexicon: &Lexicon, doc: &Document, quotes: &[RawQuote]) -> Vec<Attribution> {
    let quoted = quotes.iter().map(|q| (q.open, close_of(q))).collect();
    let book_style = doc.is_hard_wrapped();
    let mut resolver = Resolver::new(lexicon, doc.text(), quoted, book_style);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    let paragraph_of: Vec<usize> = quotes.iter().map(|q| doc.paragraph_of(q.open)).collect();
    let mut last_attributed = None;
    for i in 0..quotes.len() {
        let ctx = Context::new(doc, quotes, &paragraph_of, i);
        // The cue sieves, in order; a finding whose mention is no name
        // leaves the quote to the next.
        let sieves: [&dyn Fn() -> Option<Found>; 6] = [
            &|| ctx.after(lexicon),
            &|| ctx.dash_after(lexicon),
            &|| ctx.answer_after(lexicon),
            &|| ctx.before(lexicon),
            &|| ctx.later_in_sentence(lexicon),
            &|| ctx.according_to(lexicon),
        ];
        let found = sieves
            .iter()
            .find_map(|sieve| resolve(&mut resolver, sieve()?))
            .map(|a| ctx.named_outer_speaker(lexicon, &mut resolver, a));
        let attribution = match found {
            Some(a) => a,
            None => ctx
                .subject_of_sentence(lexicon)
                .and_then(|f| resolve(&mut resolver, f))
                .or_else(|| inherit(&ctx, &paragraph_of, &out, last_attributed, book_style))
                .or_else(|| {
                    let after_narration = i == 0 || paragraph_of[i - 1] + 1 < paragraph_of[i];
                    let follows_narration = (book_style && after_narration) || !ctx.opens_paragraph;
                    if !follows_narration {
                        return None;
                    }
                    // "Lucy looked up. ¶ “Lucy, dearest, …”": whom the quote
                    // calls by name is not who speaks it. Read only once the
                    // narration names someone.
                    let mut called: Option<Option<String>> = None;
                    let mut is_called = |resolver: &mut Resolver, a: &Attribution| {
                        a.speaker.is_some()
                            && *called.get_or_insert_with(|| {
                                let quote = ctx.quote;
                                let found = addressee(lexicon, doc.text(), resolver, quote);
                                found.map(|(name, _)| name)
                            }) == a.speaker
                    };
                    // "“Is it far?” ¶ He shook his head. ¶ “Then we walk.”"
                    let going_on = i
                        .checked_sub(1)
                        .filter(|&j| book_style && paragraph_of[j] + 2 == ctx.paragraph);
                    if let Some(a) = going_on.and_then(|j| ctx.after_silent_reply(lexicon, &out[j]))
                    {
                        return Some(a);
                    }
                    let found = ctx.narration_before(lexicon);
                    let found = found.and_then(|f| resolve(&mut resolver, f));
                    if let Some(a) = found.filter(|a| !is_called(&mut resolver, a)) {
                        return Some(a);
                    }
                    let named = book_style.then(|| ctx.named_in_narration(lexicon));
                    resolve(&mut resolver, named.flatten()?)
                        .filter(|a| !is_called(&mut resolver, a))
                })
                .or_else(|| {
                    let stands = book_style && ctx.stands_as_speech();
                    let hit = stands.then(|| ctx.last_subject(lexicon, &mut resolver));
                    hit.flatten()
                })
                .unwrap_or_else(Attribution::none),
        };
        resolver.note(&attribution);
        if attribution.speaker.is_some() {
            last_attributed = Some(i);
        }
        out.push(attribution);
    }
    share_sentence_cues(doc.text(), quotes, &paragraph_of, &mut out);
    if book_style {
        let exchanges = crate::dialogue::Exchanges {
            lexicon,
            doc,
            quotes,
            paragraph_of: &paragraph_of,
        };
        exchanges.alternate_turns(&mut resolver, &mut out);
    }
    out
}

/// The attribution a sieve's finding makes, unless its mention turns out to
/// be no name ("Likewise, …" opening a sentence) or, in a book, a place's
/// ("Delaford was …").
fn resolve(resolver: &mut Resolver, f: Found) -> Option<Attribution> {
    let speaker = resolver.speaker(&f.mention);
    let named = matches!(f.mention.kind, MentionKind::Name { .. });
    if named && speaker.as_deref().is_some_and(|n| resolver.is_place(n)) {
        return None;
    }
    let must_resolve = match f.mention.kind {
        MentionKind::Name { .. } => true,
        MentionKind::Pronoun(..) => resolver.is_relative(&f.mention),
        // "her voice", "his answer": a voice speaks only for its owner.
        MentionKind::Descriptor { .. } => resolver.is_owned_voice(&f.mention),
    };
    if speaker.is_none() && must_resolve {
        return None;
    }
    Some(Attribution {
        speaker,
        mention: Some((f.mention.start, f.mention.end)),
        cue: f.cue.map(|c| (c.start, c.end)),
        rule: f.rule,
    })
}

/// Where one quote sits: its paragraph and its neighbours.
struct Context<'t> {
    text: &'t str,
    quote: &'t RawQuote,
    /// Where the text before the quote may start (the previous quote's close or
    /// the paragraph start) and where the text after it must end.
    lo: usize,
    hi: usize,
    para_start: usize,
    /// The quote's paragraph, and whether the quote opens it.
    paragraph: usize,
    opens_paragraph: bool,
    /// The paragraph before, when the quote opens its paragraph.
    prev_para: Option<(usize, usize)>,
    /// Whether the text is set as a book is.
    book: bool,
}

impl<'t> Context<'t> {
    fn new(doc: &'t Document, quotes: &'t [RawQuote], paragraph_of: &[usize], i: usize) -> Self {
        let q = &quotes[i];
        let paras = doc.paragraphs();
        let p = paragraph_of[i];
        let para = paras.get(p).cloned().unwrap_or(0..doc.text().len());
        let para_end_of_close = paras
            .get(doc.paragraph_of(close_of(q).saturating_sub(1)))
            .map_or(para.end, |r| r.end);
        let lo = match i.checked_sub(1).map(|j| &quotes[j]) {
            Some(prev) if close_of(prev) > para.start => close_of(prev),
            _ => para.start,
        };
        let hi = match quotes.get(i + 1) {
            Some(next) if next.open < para_end_of_close => next.open,
            _ => para_end_of_close,
        };
        let opens_paragraph = doc.text()[para.start..q.open].trim().is_empty();
        let prev_para = (opens_paragraph && p > 0).then(|| (paras[p - 1].start, paras[p - 1].end));
        Context {
            text: doc.text(),
            quote: q,
            lo,
            hi,
            para_start: para.start,
            paragraph: p,
            opens_paragraph,
            prev_para,
            book: doc.is_hard_wrapped(),
        }
    }

    /// Sieves 1 and 2: a cue right after the quote, with the speaker before it
    /// ("Moon said") or after it ("said Moon").
    fn after(&self, lex: &Lexicon) -> Option<Found> {
        let (start, to) = self.words_after();
        // After a full stop a new sentence starts; it attributes the quote
        // only when it is nothing but the speaker and the verb ("Trump said.").
        let new_sentence =
            self.ends_with_full_stop() && self.text[start..to].starts_with(char::is_uppercase);
        let ends_there = self.text[to..].starts_with(['.', '!', '?']);
        let bare_to =
            |end: usize| !new_sentence || (ends_there && self.text[end..to].trim().is_empty());
        let cue = *lex.verbs_in(self.text, start, to).first()?;
        if cue.start == start {
            // "“…,” calling it …": after a participle, or when it is "it",
            // the next mention is what is spoken of, not who speaks.
            let verb = &self.text[cue.start..cue.end];
            let mention = lex
                .mention_starting_at(self.text, cue.end, to)
                .filter(|m| bare_to(m.end) && !verb.ends_with("ing") && !is_neuter_pronoun(m))?;
            return Some(Found {
                mention,
                cue: Some(cue),
                rule: "verb-speaker-after",
            });
        }
        if !bare_to(cue.end) {
            return None;
        }
        let mention = lex
            .mention_ending_at(self.text, start, cue.start)
            .filter(|m| m.start == start)
            .or_else(|| self.appositive_subject(lex, start, cue.start))?;
        if self.is_noun_after_singular(lex, &mention, cue) {
            return None;
        }
        Some(Found {
            mention,
            cue: Some(cue),
            rule: "speaker-verb-after",
        })
    }

    /// Where the words after the quote start, past commas and dashes
    /// ([`GAP_AFTER`]), and where their sentence ends.
    fn words_after(&self) -> (usize, usize) {
        let from = close_of(self.quote);
        let to = sentence_end(self.text, from, self.hi);
        let rest = &self.text[from..to];
        let gap = rest.len() - rest.trim_start_matches(GAP_AFTER).len();
        (from + gap, to)
    }

    /// “…,” was her answer; “…,” was Marianne's reply: a quote is the
    /// answer of whoever owns the voice noun that a link ("was") puts
    /// right after it. `cue` is the link.
    fn answer_after(&self, lex: &Lexicon) -> Option<Found> {
        // Most quotes are followed by no link: the sentence is not read.
        let from = close_of(self.quote);
        let next = self.text[from..self.hi.max(from)].trim_start_matches(GAP_AFTER);
        let link = &next[..next
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(next.len())];
        if link.is_empty() || !lex.is_answer_link(link) {
            return None;
        }
        let (start, to) = self.words_after();
        let link_end = start + link.len();
        if link_end > to {
            return None;
        }
        let mention = lex.answer_starting_at(self.text, link_end, to)?;
        Some(Found {
            mention,
            cue: Some(CueHit {
                start,
                end: link_end,
                source_phrase: false,
            }),
            rule: "answer-after",
        })
    }

    /// Whether a base form right after a singular name or description is a
    /// noun, not its verb: "a Donald Trump tweet", "the Clinton campaign
    /// post". A verb after them agrees ("tweets") or follows an auxiliary.
    fn is_noun_after_singular(&self, lex: &Lexicon, m: &MentionHit, cue: CueHit) -> bool {
        let verb = &self.text[cue.start..cue.end];
        let bare = !lex.is_finite_verb(verb) && !verb.ends_with("ing");
        let singular = match &m.kind {
            MentionKind::Name { .. } => true,
            MentionKind::Descriptor { .. } => {
                let first = self.text[m.start..m.end].split(' ').next().unwrap_or("");
                first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an")
            }
            MentionKind::Pronoun(..) => false,
        };
        bare && singular && self.text[m.end..cue.start].trim().is_empty()
    }

    /// “…” ― Esther Tapia, “…” — David Martosko (@dmartosko): a dash after
    /// the quote and a name that ends its line or sentence sign the quote,
    /// the way readers' letters, epigraphs and embedded posts are signed.
    fn dash_after(&self, lex: &Lexicon) -> Option<Found> {
        const DASHES: [char; 3] = ['―', '—', '–'];
        let from = close_of(self.quote);
        let rest = &self.text[from..self.hi.max(from)];
        let gap = rest.len() - rest.trim_start_matches([' ', '.', ',', '\u{a0}']).len();
        let dash = rest[gap..].chars().next().filter(|c| DASHES.contains(c))?;
        let dash_start = from + gap;
        let dash_end = dash_start + dash.len_utf8();
        let mention = lex
            .mention_starting_at(self.text, dash_end, self.hi.max(dash_end))
            .filter(|m| matches!(m.kind, MentionKind::Name { .. }) && self.ends_phrase(m.end))?;
        Some(Found {
            mention,
            cue: Some(CueHit {
                start: dash_start,
                end: dash_end,
                source_phrase: false,
            }),
            rule: "dash-after",
        })
    }

    /// "the assailant, John McGraw, told …", "Hugh Hill, a doctor, said":
    /// the mention at `start` when an appositive between commas follows it
    /// up to the verb at `verb`.
    fn appositive_subject(&self, lex: &Lexicon, start: usize, verb: usize) -> Option<MentionHit> {
        let m = lex.mention_starting_at(self.text, start, verb)?;
        let between = &self.text[m.end..verb];
        let closed = between.starts_with(',') && between.trim_end().ends_with(',');
        if !closed || between.matches(',').count() != 2 {
            return None;
        }
        // A description's appositive may be the name: "John McGraw".
        let apposed = lex
            .mention_starting_at(self.text, m.end + 1, verb)
            .filter(|a| matches!(a.kind, MentionKind::Name { .. }))
            .filter(|a| self.text[a.end..verb].trim() == ",");
        match m.kind {
            MentionKind::Descriptor { .. } => apposed.or(Some(m)),
            _ => Some(m),
        }
    }

    /// A quote that ends with a full stop ends its sentence: "“It's not
    /// true.” He said Clinton …" starts another, about something else.
    fn ends_with_full_stop(&self) -> bool {
        let inner = self.text[self.quote.start..self.quote.end].trim_end();
        inner.ends_with('.') && !inner.ends_with("..")
    }

    /// Sieves 3 to 5: the last cue in the sentence before the quote — also the
    /// last sentence of the paragraph before when that ends in a colon or a
    /// comma.
    fn before(&self, lex: &Lexicon) -> Option<Found> {
        let (lo, hi) = self.sentence_before();
        let cues = lex.verbs_in(self.text, lo, hi);
        let verbs = cues.iter().rev();
        let last = *verbs.clone().next()?;
        let adjacent = is_adjacent(&self.text[last.end..hi]) || hi != self.quote.open;
        if adjacent {
            // "delivered a snappy retort: “…”": a base form after a
            // description of no known speaker is a noun.
            let verb = &self.text[last.start..last.end];
            let noun_phrase =
                |m: &MentionHit| !is_known(m) && !lex.is_finite_verb(verb) && m.end <= last.start;
            if let Some(mention) = self.subject_of(lex, last, lo).filter(|m| !noun_phrase(m)) {
                return Some(Found {
                    mention,
                    cue: Some(last),
                    rule: "speaker-verb-before",
                });
            }
            if let Some(mention) = lex.mention_starting_at(self.text, last.end, hi) {
                return Some(Found {
                    mention,
                    cue: Some(last),
                    rule: "verb-speaker-before",
                });
            }
        }
        if let Some(mention) = self.colon_clause_subject(lex, lo, hi) {
            return Some(Found {
                mention,
                cue: None,
                rule: "before-colon",
            });
        }
        self.first_with_subject(lex, verbs, lo)
    }

    /// "When Trump suggested …, Rubio fired back forcefully: “…”": the last
    /// clause before a colon that opens the quote speaks through its own
    /// named subject, whatever its verb, rather than a speech verb in an
    /// earlier clause.
    fn colon_clause_subject(&self, lex: &Lexicon, lo: usize, hi: usize) -> Option<MentionHit> {
        let body = self.text[lo..hi].trim_end();
        let before = body.strip_suffix(':')?;
        let start = before.rfind(',').map_or(lo, |k| lo + k + 1);
        let end = lo + before.len();
        if !lex.verbs_in(self.text, start, end).is_empty() {
            return None;
        }
        lex.mention_starting_at(self.text, start, end).filter(|m| {
            matches!(m.kind, MentionKind::Name { .. })
                && !self.is_weak_subject(m)
                && !self.is_opener_word(m)
        })
    }

    /// "Mr. Nevins said he pursued a new “Twin Peaks”": when a pronoun
    /// before the quote names the same person as the subject of a speech
    /// verb earlier in the sentence, that subject is the better mention.
    fn named_outer_speaker(
        &self,
        lex: &Lexicon,
        resolver: &mut Resolver,
        a: Attribution,
    ) -> Attribution {
        let (Some((ms, me)), Some((cs, _))) = (a.mention, a.cue) else {
            return a;
        };
        let word = &self.text[ms..me];
        let is_pronoun = lex.pronoun_gender(word).is_some() && !lex.is_relative_pronoun(word);
        if !is_pronoun || cs > self.quote.open || a.speaker.is_none() {
            return a;
        }
        let (lo, _) = self.sentence_before();
        let outer = lex
            .verbs_in(self.text, lo, ms.max(lo))
            .into_iter()
            .find_map(|c| {
                let m = self.subject_of(lex, c, lo).filter(is_known)?;
                let named = !matches!(m.kind, MentionKind::Pronoun(..));
                (named && m.end <= ms).then_some((m, c))
            });
        if let Some((m, c)) = outer.filter(|(m, _)| resolver.speaker(m) == a.speaker) {
            return Attribution {
                mention: Some((m.start, m.end)),
                cue: Some((c.start, c.end)),
                ..a
            };
        }
        // "Ban Ki-moon condemned what he called a “brazen breach”": the
        // pronoun of "what he called" stands for the sentence's subject,
        // however many quotes come between.
        let before = self.text.get(lo..ms).unwrap_or("");
        let what = before.trim_end().rsplit(' ').next() == Some("what");
        let start = sentence_start(self.text, self.para_start.min(lo), ms);
        match what
            .then(|| self.sentence_subject(lex, start, ms))
            .flatten()
        {
            Some(m) if m.end < ms && resolver.speaker(&m) == a.speaker => Attribution {
                mention: Some((m.start, m.end)),
                ..a
            },
            _ => a,
        }
    }

    /// The first of `cues` (speech verbs, in the order given) whose speaker
    /// can be found, no earlier than `lo` (the sentence start).
    fn first_with_subject<'c>(
        &self,
        lex: &Lexicon,
        cues: impl Iterator<Item = &'c CueHit>,
        lo: usize,
    ) -> Option<Found> {
        cues.copied().find_map(|cue| {
            // Any description that opens its clause may say what it says
            // right before a verb that agrees with it ("The New York
            // businessman says of Clinton, “…”"); elsewhere only a known
            // speaker noun. A bare form after a description is a noun ("was
            // his frigid reply").
            let verb = &self.text[cue.start..cue.end];
            let finite = lex.is_finite_verb(verb);
            let opens_clause = |m: &MentionHit| {
                let before = self.text[lo..m.start].trim_end();
                before.is_empty() || before.ends_with(',')
            };
            let right_before = |m: &MentionHit| {
                finite && opens_clause(m) && self.text[m.end..cue.start].trim().is_empty()
            };
            let mention = self
                .subject_of(lex, cue, lo)
                .filter(|m| is_known(m) || right_before(m))?;
            if mention.end <= cue.start && self.follows_a_cue(lex, lo, mention.start) {
                return None;
            }
            // "White House press secretary Josh Earnest told": a base form
            // between a name and a speaker noun is a noun, and a later verb
            // is the cue ("heard Willoughby say, …" keeps its verb).
            let next_word = self.text[cue.end..].strip_prefix(' ').map(|r| {
                let end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
                &r[..end]
            });
            let compound = next_word.is_some_and(|w| lex.is_speaker_noun(w));
            if compound && self.is_noun_after_singular(lex, &mention, cue) {
                return None;
            }
            Some(Found {
                mention,
                cue: Some(cue),
                rule: "in-sentence",
            })
        })
    }

    /// Whether the mention at `start` opens the clause a speech verb reports
    /// ("Obama … said it would tell …", "Israel said Clinton called on …"):
    /// its verb is inside what that one says, and the one who reports it
    /// is the source, as news attributes a quote.
    fn follows_a_cue(&self, lex: &Lexicon, lo: usize, start: usize) -> bool {
        let Some(before) = self.text.get(lo..start).map(str::trim_end) else {
            return false;
        };
        // "Trump said during a rally in Michigan that Clinton …": "that"
        // reaches back over the words between it and its verb, unless it
        // ends a result ("replied, so eagerly that the Gryphon said").
        if let Some(clause) = before.strip_suffix(" that") {
            let cue = lex.verbs_in(self.text, lo, lo + clause.len()).pop();
            return cue.is_some_and(|c| {
                let between = &self.text[c.end..lo + clause.len()];
                !between.split_whitespace().any(|w| w == "so" || w == "such")
            });
        }
        let from = lo + before.rfind(' ').map_or(0, |k| k + 1);
        lex.verbs_in(self.text, from, lo + before.len())
            .iter()
            .any(|c| c.end == lo + before.len())
    }

    /// The speaker of a cue inside a sentence:
    /// - `…, calling it “…”`: a participle belongs to the sentence's subject;
    /// - `…, said Geert Wilders`: after a comma the speaker may follow the verb;
    /// - `Michael Bloomberg, who is thinking of running, said`: a clause between
    ///   commas stands between the speaker and the verb;
    /// - otherwise the mention right before the verb, or failing that the
    ///   sentence's subject ("Carson took the stage and called it …").
    fn subject_of(&self, lex: &Lexicon, cue: CueHit, lo: usize) -> Option<MentionHit> {
        let before = self.text[lo..cue.start].trim_end();
        if self.text[cue.start..cue.end].ends_with("ing") {
            // "with Donald Trump tweeting that …" names its own speaker.
            // "footage of Trump saying": after "of" too, the name right
            // before a participle is its subject.
            let name_from = |from: usize| {
                lex.mention_ending_at(self.text, from, cue.start)
                    .filter(|m| matches!(m.kind, MentionKind::Name { .. }))
            };
            let own = (!before.ends_with(','))
                .then(|| name_from(lo).or_else(|| name_from(lo + before.rfind(" of ")? + 4)))
                .flatten();
            return own.or_else(|| self.sentence_subject(lex, lo, cue.start));
        }
        let Some(clause) = before.strip_suffix(',') else {
            // "Adelson met with Trump and declared …": a verb with no
            // speaker right before it shares its clause's subject, or the
            // sentence's.
            return lex
                .mention_ending_at(self.text, lo, cue.start)
                .or_else(|| self.clause_subject(lex, lo, cue.start))
                .or_else(|| self.sentence_subject(lex, lo, cue.start).filter(is_known));
        };
        let reach = floor_char_boundary(
            self.text,
            (cue.end + SENTENCE_REACH / 3).min(self.hi.max(cue.end)),
        );
        let verb = &self.text[cue.start..cue.end];
        if let Some(m) = (!lex.takes_listener(verb))
            .then(|| lex.mention_starting_at(self.text, cue.end, reach))
            .flatten()
            .filter(|m| is_known(m) && self.ends_phrase(m.end))
        {
            return Some(m);
        }
        // "Tad Devine, Sanders' senior media adviser, said": the subject
        // opens the sentence and an appositive follows it.
        if let Some(m) = self
            .sentence_subject(lex, lo, cue.start)
            .filter(|m| is_known(m) && self.text[m.end..].starts_with(','))
        {
            return Some(m);
        }
        // "their own room, Jane taking out the letter, said": only a known
        // speaker before the last clause is its subject.
        let clause_start = clause.rfind(',').map(|p| lo + p)?;
        lex.mention_ending_at(self.text, lo, clause_start)
            .filter(is_known)
    }

    /// Whether a mention after its verb ends the phrase ("…, said Geert
    /// Wilders." or "…, said Wilders, a lawmaker"), rather than being the
    /// subject of a reported clause ("…, said Republicans are engaged").
    fn ends_phrase(&self, end: usize) -> bool {
        let rest = self.text[end..].trim_start_matches([' ', '\u{a0}']);
        rest.is_empty() || rest.starts_with([',', '.', ';', ':', '!', '?', '\n', '(', '—', '–'])
    }

    /// The mention that opens the sentence at `lo`, or that follows its
    /// introductory phrase ("However, he …", "After the debate, Trump …").
    fn sentence_subject(&self, lex: &Lexicon, lo: usize, hi: usize) -> Option<MentionHit> {
        // "Minnie, who was …": a relative clause has no subject of its own.
        let at = |start| {
            lex.mention_starting_at(self.text, start, hi).filter(|m| {
                !self.is_opener_word(m) && !lex.is_relative_pronoun(&self.text[m.start..m.end])
            })
        };
        if let Some(m) = at(lo) {
            // "WASHINGTON (AP) — Moon said …", "DES MOINES, Iowa — …": a
            // dateline is no subject.
            return match self.after_dateline(&m, hi) {
                Some(after) => at(after),
                None => Some(m),
            };
        }
        // "Then he turned to her and said": a word that leads into the
        // clause without a comma stands before its subject.
        if let Some(m) = self.after_sentence_openers(lex, lo, hi).and_then(at) {
            return Some(m);
        }
        // An introductory phrase may hold commas of its own ("In Dover,
        // N.H., on Tuesday, Lind …").
        self.text[lo..hi]
            .match_indices(',')
            .take(INTRO_COMMAS)
            .find_map(|(k, _)| at(lo + k + 1).filter(|m| !self.is_place_apposition(lex, lo + k, m)))
    }

    /// The subject of the clause that runs into `hi`: the mention that
    /// follows the last comma or semicolon before it with one ("Fanny
    /// looked at Edmund; and he needed a moment before he could say"),
    /// after any words that lead into a clause. A mention followed by a
    /// list's conjunction is one of a list ("Anna, Carl and Bert"), no
    /// subject.
    /// Books only: in news the mention after a comma is most often an
    /// appositive ("Scott Pruitt, the attorney general of Oklahoma, …") or
    /// a place ("in Salem, New Hampshire, …").
    fn clause_subject(&self, lex: &Lexicon, lo: usize, hi: usize) -> Option<MentionHit> {
        if !self.book {
            return None;
        }
        let body = &self.text[lo..hi];
        body.rmatch_indices([',', ';'])
            .take(CLAUSE_COMMAS)
            .find_map(|(k, _)| {
                let at = lex.after_clause_openers(self.text, lo + k + 1, hi);
                let m = lex.mention_starting_at(self.text, at, hi)?;
                let next = self.text[m.end..hi].split_whitespace().next().unwrap_or("");
                let listed = lex.is_list_conjunction(next);
                let relative = lex.is_relative_pronoun(&self.text[m.start..m.end]);
                (is_known(&m) && !listed && !relative && !self.is_opener_word(&m)).then_some(m)
            })
    }

    /// Where the text after the clause openers ("Then", "Suddenly") that
    /// open the sentence at `lo` starts, if any do.
    fn after_sentence_openers(&self, lex: &Lexicon, lo: usize, hi: usize) -> Option<usize> {
        let body = &self.text[lo..hi];
        let start = lo + body.len() - body.trim_start().len();
        let after = lex.after_clause_openers(self.text, start, hi);
        (after > start && starts_sentence(self.text, start)).then_some(after)
    }

    /// Whether `m`, after the comma at `comma`, is the state of a "City,
    /// State," place ("in Salem, New Hampshire, Trump …"): an untitled
    /// name followed by a comma, with a locative preposition and capitalised
    /// words before the comma ("in Berkeley Street, Mrs. Jennings, …" is a
    /// person).
    fn is_place_apposition(&self, lex: &Lexicon, comma: usize, m: &MentionHit) -> bool {
        let untitled = matches!(m.kind, MentionKind::Name { title: None, .. });
        if !untitled || !self.text[m.end..].starts_with(',') {
            return false;
        }
        let lead = self.text[..comma]
            .split_whitespace()
            .rev()
            .take(4)
            .find(|w| !w.starts_with(char::is_uppercase));
        lead.is_some_and(|w| lex.is_place_preposition(w))
    }

    /// Where the text after a dateline that `m` opens starts: after the dash
    /// that follows a mention, or that follows a mention in capitals within
    /// a few words.
    fn after_dateline(&self, m: &MentionHit, hi: usize) -> Option<usize> {
        const DASHES: [char; 3] = ['—', '–', '-'];
        let rest = self.text[m.end..hi].trim_start();
        // "WASHINGTON -- President Obama": a dash may be typed as two hyphens.
        if rest.starts_with(DASHES) {
            return Some(hi - rest.trim_start_matches(DASHES).len());
        }
        let capitals =
            !self.text[m.start..m.end].chars().any(char::is_lowercase) && m.end - m.start > 3;
        let near = &rest[..floor_char_boundary(rest, 40)];
        let dash = near.find(DASHES).filter(|_| capitals)?;
        let after = &rest[dash..];
        Some(hi - after.trim_start_matches(DASHES).len())
    }

    /// A single capitalised word that opens a sentence and reads as a
    /// participle or adverb ("Facing …", "Reportedly …") is not a name.
    fn is_opener_word(&self, m: &MentionHit) -> bool {
        matches!(m.kind, MentionKind::Name { .. })
            && crate::entities::is_opener_word(&self.text[m.start..m.end])
    }

    /// Sieve 5, the other way round: a partial quote whose sentence names the
    /// speaker after it (… holding “talks” to arrange a summit, Moon said).
    fn later_in_sentence(&self, lex: &Lexicon) -> Option<Found> {
        if self.ends_with_full_stop() {
            return None;
        }
        let from = close_of(self.quote);
        let to = sentence_end(self.text, from, self.hi);
        self.first_with_subject(lex, lex.verbs_in(self.text, from, to).iter(), from)
    }

    /// The last resort for a partial quote with no cue: the subject of its
    /// sentence said or wrote it ("Merkel condemned “such a murderous
    /// attack”"), when that subject is a person or a known speaker noun.
    fn subject_of_sentence(&self, lex: &Lexicon) -> Option<Found> {
        let (lo, hi) = self.sentence_before();
        if hi != self.quote.open || self.text[lo..hi].trim().is_empty() {
            return None;
        }
        if let Some(mention) = self.named_before_colon(lex, lo, hi) {
            return Some(Found {
                mention,
                cue: None,
                rule: "before-colon",
            });
        }
        let mention = self
            .sentence_subject(lex, lo, hi)
            .filter(|m| is_known(m) && !self.is_weak_subject(m))?;
        Some(Found {
            mention,
            cue: None,
            rule: "sentence-subject",
        })
    }

    /// The narration a quote follows: the text before it in its paragraph,
    /// or the paragraph before when the quote opens its own.
    fn narration_span(&self) -> Option<(usize, usize)> {
        match self.opens_paragraph {
            true => self.prev_para,
            // Only a quote that opens a sentence: one inside a sentence
            // with no cue is a phrase held up, not words spoken.
            false if self.opens_sentence() => Some((self.lo.max(self.para_start), self.quote.open)),
            false => None,
        }
    }

    /// A quote after narration is most often spoken by the person that
    /// narration was last about: the subject of its last sentence that has
    /// one, or the owner of a subject that is part of a person ("Her manner
    /// altered."). The narration is the text before the quote in its paragraph
    /// ("Fanny paused. “Well?”"), or, when the quote opens its paragraph
    /// (the caller allows this in books only), the paragraph before ("Anna
    /// stopped. ¶ “Are you cold?”").
    fn narration_before(&self, lex: &Lexicon) -> Option<Found> {
        let (ps, pe) = self.narration_span()?;
        let body = &self.text[ps..pe];
        let mut starts: Vec<usize> = vec![ps];
        starts.extend(
            body.match_indices(['.', '!', '?'])
                .map(|(k, _)| ps + k)
                .filter(|&at| ends_sentence(self.text, at))
                .map(|at| at + 1),
        );
        let ends = starts.iter().skip(1).copied().chain([pe]);
        let sentences: Vec<(usize, usize)> = starts.iter().copied().zip(ends).collect();
        let mention = sentences.iter().rev().find_map(|&(s, e)| {
            let subject = self.sentence_subject(lex, s, e)?;
            owner_of(lex, self.text, &subject)
                .or_else(|| Some(subject).filter(|m| is_known(m) && !self.is_weak_subject(m)))
        })?;
        Some(Found {
            mention,
            cue: None,
            rule: "narration-before",
        })
    }

    /// A quote whose paragraph follows one of narration that is only a
    /// listener's wordless answer ("He shook his head.") goes on the speech
    /// of `before`, the quote before that paragraph: the listener answered
    /// and the speaker carries on.
    fn after_silent_reply(&self, lex: &Lexicon, before: &Attribution) -> Option<Attribution> {
        let (ps, pe) = self.prev_para?;
        let narration = self.text[ps..pe].trim_start();
        let (pronoun, rest) = narration.split_once(char::is_whitespace)?;
        let gendered = matches!(
            lex.pronoun_gender(pronoun),
            Some(Gender::Male | Gender::Female)
        );
        if !gendered || !lex.is_silent_reply(rest) {
            return None;
        }
        before.speaker.as_ref()?;
        Some(Attribution {
            rule: SILENT_REPLY,
            ..before.clone()
        })
    }

    /// In a book, a quote that nothing else attributes is most often
    /// spoken by the last person the narration before it names, wherever
    /// in the sentence ("A faint cloud passed over John’s face. ¶ “I have
    /// not the least idea.”"). The narration is the one `narration_before`
    /// reads.
    fn named_in_narration(&self, lex: &Lexicon) -> Option<Found> {
        let (ps, pe) = self.narration_span()?;
        let mention = lex
            .last_name_in(self.text, ps, pe)
            .filter(|m| !self.is_weak_subject(m))?;
        Some(Found {
            mention,
            cue: None,
            rule: "narration-name",
        })
    }

    /// Whether a quote that no cue reaches still stands as someone's
    /// words: it opens its paragraph or a sentence, or a comma or colon
    /// leads into it and it is not written in title case. A quote inside a
    /// sentence with nothing leading into it is a scare quote (the
    /// “prisoner's dupes”), and one in title case names a work ("his
    /// project, “Latin History for Dummies,”"): no one's words.
    fn stands_as_speech(&self) -> bool {
        let open = self.quote.open;
        if self.opens_paragraph || starts_sentence(self.text, open) {
            return true;
        }
        let led_in = self.text[..open].trim_end().ends_with([',', ':']);
        let (words, capitalised) = self.text[self.quote.start..self.quote.end]
            .split_whitespace()
            .fold((0, 0), |(n, caps), w| {
                (n + 1, caps + usize::from(w.starts_with(char::is_uppercase)))
            });
        let title_case = words > 1 && 2 * capitalised > words;
        led_in && !title_case
    }

    /// The last resort in a book: the person the narration was last about,
    /// as the subject of a sentence before the quote within a pronoun's
    /// reach, wherever the paragraphs between ("In a moment or two he was
    /// back. ¶ “No good.”", whose "he" `narration_before` does not read
    /// as its subject). Whom the quote calls by name does not speak it:
    /// the subject before theirs does (on PDNC dev, 15 more right than
    /// leaving such a quote no one's).
    fn last_subject(&self, lex: &Lexicon, resolver: &mut Resolver) -> Option<Attribution> {
        let called = addressee(lex, self.text, resolver, self.quote).map(|(name, _)| name);
        let (name, at) = resolver.last_subject(self.quote.open, called.as_deref())?;
        let end = lex
            .mention_starting_at(self.text, at, self.quote.open)
            .map_or(at, |m| m.end);
        Some(Attribution {
            speaker: Some(name),
            mention: Some((at, end)),
            cue: None,
            rule: LAST_SUBJECT,
        })
    }

    /// "The timing doesn’t surprise pollster Dan Shaw: “…”": a colon that
    /// introduces the quote right after a name.
    fn named_before_colon(&self, lex: &Lexicon, lo: usize, hi: usize) -> Option<MentionHit> {
        // A dash introduces as a colon does: "… Mitt Romney -- ''It is …''".
        let body = self.text[lo..hi].trim_end();
        let before = [":", "--", "—", "–"]
            .iter()
            .find_map(|mark| body.strip_suffix(mark))?;
        let colon = lo + before.trim_end().len();
        lex.mention_ending_at(self.text, lo, colon)
            .filter(|m| matches!(m.kind, MentionKind::Name { .. }) && !self.is_weak_subject(m))
    }

    /// Subjects that say nothing on their own: "it" ("It was Obama’s …") and
    /// capitals-only headings and datelines ("PHILADELPHIA —").
    fn is_weak_subject(&self, m: &MentionHit) -> bool {
        let text = &self.text[m.start..m.end];
        match m.kind {
            MentionKind::Pronoun(g, _) => g == Gender::Neuter,
            MentionKind::Name { .. } => !text.chars().any(char::is_lowercase),
            MentionKind::Descriptor { .. } => false,
        }
    }

    /// Sieve 6: "according to X", before or after the quote in its sentence.
    fn according_to(&self, lex: &Lexicon) -> Option<Found> {
        let (lo, _) = self.sentence_before();
        let after_end = sentence_end(self.text, close_of(self.quote), self.hi);
        if !lex.may_hold_source_phrase(self.text, lo, after_end) {
            return None;
        }
        let cues = lex.cues_in(self.text, lo, after_end);
        let cue = *cues.iter().find(|c| c.source_phrase)?;
        let mention = lex.mention_starting_at(self.text, cue.end, after_end.max(cue.end))?;
        Some(Found {
            mention,
            cue: Some(cue),
            rule: "according-to",
        })
    }

    /// Whether the quote opens a sentence: nothing but white space between
    /// the last stop before it and its opening mark.
    fn opens_sentence(&self) -> bool {
        let lo = self.lo.max(self.para_start);
        let start = sentence_start(self.text, lo, self.quote.open);
        self.text[start..self.quote.open].trim().is_empty() && start > lo
    }

    /// The sentence that runs into the quote, or the last sentence of the
    /// paragraph before when that runs on into the quote with a colon, a
    /// comma or a dash ("… and said in the gentlest of accents, ¶ “…”").
    fn sentence_before(&self) -> (usize, usize) {
        let hi = self.quote.open;
        let lo = sentence_start(self.text, self.lo.max(self.para_start), hi);
        if self.text[lo..hi].trim().is_empty() {
            if let Some((ps, pe)) = self.prev_para {
                let body = self.text[ps..pe].trim_end();
                // A dash ("that she said-- ¶ “…”") is left out of it.
                let undashed = body.trim_end_matches(['-', '—', '–']).trim_end();
                if body.ends_with([':', ',']) || undashed.len() < body.len() {
                    let end = ps + undashed.len();
                    return (sentence_start(self.text, ps, end), end);
                }
            }
        }
        (lo, hi)
    }
}

/// Loose positions accept descriptions only with a known speaker noun as head.
fn is_known(m: &MentionHit) -> bool {
    !matches!(
        m.kind,
        MentionKind::Descriptor {
            known_head: false,
            ..
        }
    )
}

/// "Her manner altered.", "Lady Bertram's admiration was expressed.": the
/// owner of a subject that is some part or quality of a person, as a
/// mention of that person: the possessive pronoun, or the name.
fn owner_of(lex: &Lexicon, text: &str, m: &MentionHit) -> Option<MentionHit> {
    let MentionKind::Descriptor {
        possessor: Some(possessor),
        known_head: false,
        ..
    } = &m.kind
    else {
        return None;
    };
    match *possessor {
        Possessor::Pronoun(g @ (Gender::Male | Gender::Female)) => {
            let word = text[m.start..m.end].split_whitespace().next()?;
            Some(MentionHit {
                start: m.start,
                end: m.start + word.len(),
                kind: MentionKind::Pronoun(g, crate::rules::Number::Singular),
            })
        }
        Possessor::Name(s, e) => lex
            .mention_starting_at(text, s, e)
            .filter(|n| matches!(n.kind, MentionKind::Name { .. })),
        _ => None,
    }
}

/// "it": after a verb, the thing spoken of.
fn is_neuter_pronoun(m: &MentionHit) -> bool {
    matches!(m.kind, MentionKind::Pronoun(Gender::Neuter, _))
}

/// Between a cue and its quote: nothing, or a comma, colon or "that".
fn is_adjacent(between: &str) -> bool {
    let t = between.trim().trim_end_matches([',', ':']).trim();
    t.is_empty() || t == "that"
}

fn close_of(q: &RawQuote) -> usize {
    q.close.unwrap_or(q.end)
}

/// Sieves 7 to 9, for a quote no cue reaches: the second half of a split quote,
/// a dialogue turn, or a continuation paragraph takes a speaker already found.
/// `paragraph_of` gives each quote's paragraph (non-decreasing), `done` the
/// attributions of the quotes before this one, `last_attributed` the last of
/// them with a speaker.
fn inherit(
    ctx: &Context,
    paragraph_of: &[usize],
    done: &[Attribution],
    last_attributed: Option<usize>,
    book_style: bool,
) -> Option<Attribution> {
    let i = done.len();
    let para = ctx.paragraph;
    let first_in_para = paragraph_of[..i].partition_point(|&p| p < para);
    if let Some(j) = last_attributed.filter(|&j| j >= first_in_para) {
        return Some(Attribution {
            rule: "split-quote",
            ..done[j].clone()
        });
    }
    if first_in_para < i || !ctx.opens_paragraph {
        return None;
    }
    let last_in = |p: usize| -> Option<usize> {
        let k = paragraph_of[..i].partition_point(|&x| x <= p);
        (k > 0 && paragraph_of[k - 1] == p).then(|| k - 1)
    };
    let prev = last_in(para.checked_sub(1)?)?;
    if book_style {
        if let Some(other) = other_speaker(done, prev) {
            return Some(Attribution {
                rule: "turn-taking",
                ..other.clone()
            });
        }
    }
    done[prev].speaker.as_ref()?;
    Some(Attribution {
        rule: "continuation",
        ..done[prev].clone()
    })
}

/// A quote no sieve reached, or only the sentence-subject guess, takes the
/// attribution of the next quote when both sit in one sentence: "… a
/// “stagnant” month as a “turbulent cycle” played out, he said." The cue
/// after the last quote is out of the first one's reach, which ends where
/// the next quote opens. Runs from the last quote back, so a run of three
/// passes the cue along.
fn share_sentence_cues(
    text: &str,
    quotes: &[RawQuote],
    paragraph_of: &[usize],
    out: &mut [Attribution],
) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (q, next) = (&quotes[i], &quotes[i + 1]);
        // A sentence's or the narration's last subject is only a guess; a
        // cue in the sentence beats it (on PDNC dev, 3 more right than
        // sharing the next quote's attribution whatever it is).
        let guessed = matches!(out[i].rule, "sentence-subject" | LAST_SUBJECT);
        let open = out[i].rule == NO_CUE || guessed && out[i + 1].cue.is_some();
        let shares = open
            && out[i + 1].mention.is_some()
            && paragraph_of[i] == paragraph_of[i + 1]
            && !text[q.start..q.end].trim_end().ends_with(['.', '!', '?'])
            && sentence_end(text, close_of(q), next.open) == next.open;
        if shares {
            out[i] = Attribution {
                rule: "same-sentence",
                ..out[i + 1].clone()
            };
        }
    }
}

/// In dialogue the turn passes: the attribution of the speaker before the one
/// at `prev`, as far back as the exchange goes.
fn other_speaker(done: &[Attribution], prev: usize) -> Option<&Attribution> {
    done[..prev]
        .iter()
        .rev()
        .take(DIALOGUE_REACH)
        .find(|a| a.speaker.is_some() && a.speaker != done[prev].speaker)
}

/// Abbreviations that end in a full stop without ending the sentence are
/// titles, initials or dotted forms (U.S.); the caller's lexicon knows titles,
/// these are the common rest.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.len() <= 1
        || w.contains('.')
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Capt"
                | "St"
                | "Jr"
                | "Sr"
                | "Prof"
                | "Mlle"
                | "Mme"
                | "Messrs"
                | "Rev"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "No"
                | "vs"
                | "Mt"
                | "Ft"
                | "Inc"
                | "Co"
                | "Corp"
                | "Ltd"
                | "Adm"
                | "Hon"
        )
}

/// The end of the sentence that starts at `from`, at most `hi`.
fn sentence_end(text: &str, from: usize, hi: usize) -> usize {
    let limit = crate::document::floor_char_boundary(text, hi.min(from + SENTENCE_REACH));
    let slice = &text[from..limit];
    // The stops are ASCII bytes, never inside a longer character.
    memchr::memchr3_iter(b'.', b'!', b'?', slice.as_bytes())
        .map(|k| from + k)
        .find(|&at| ends_sentence(text, at))
        .unwrap_or(limit)
}

/// The start of the sentence that holds `hi`, no earlier than `lo`.
fn sentence_start(text: &str, lo: usize, hi: usize) -> usize {
    let lo = lo.max(crate::document::floor_char_boundary(
        text,
        hi.saturating_sub(SENTENCE_REACH),
    ));
    let slice = &text[lo..hi];
    for (k, c) in slice.char_indices().rev() {
        if matches!(c, '.' | '!' | '?') && ends_sentence(text, lo + k) {
            return lo + k + 1;
        }
    }
    lo
}

/// Whether a sentence starts at `at`: at the text's or a paragraph's start,
/// or after a stop, closing quote marks aside. A clause after a quote that
/// runs on ("“a con” and encouraged …") starts none.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    if before.is_empty() || before.ends_with("\n\n") {
        return true;
    }
    let before = before.trim_end_matches(['"', '”', '’', '\'', '\n']);
    before.ends_with(['.', '!', '?'])
}

/// Whether the stop at `at` ends a sentence: white space follows and the word
/// before is not an abbreviation.
pub(crate) fn ends_sentence(text: &str, at: usize) -> bool {
    let next = text[at + 1..].chars().next();
    next.is_none_or(char::is_whitespace) && is_full_stop(text, at)
}

/// What follows the last white space of `before`: read back over bytes,
/// decoding only non-ASCII characters, since it runs at every stop.
fn last_word(before: &str) -> &str {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while start > 0 {
        let b = bytes[start - 1];
        if b.is_ascii() {
            // char::is_whitespace's ASCII members, the vertical tab among them.
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                break;
            }
            start -= 1;
            continue;
        }
        let mut c_start = start - 1;
        while !before.is_char_boundary(c_start) {
            c_start -= 1;
        }
        if before[c_start..start].starts_with(char::is_whitespace) {
            break;
        }
        start = c_start;
    }
    &before[start..]
}

/// Whether the stop at `at` is a full stop rather than an abbreviation's,
/// whatever follows it ("permitted). True, …", "world.--Every …").
pub(crate) fn is_full_stop(text: &str, at: usize) -> bool {
    text.as_bytes()[at] != b'.' || !is_abbreviation(last_word(&text[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_end_at_titles_or_initials() {
        let text = "Sen. John D. Smith said it. Then he left.";
        assert_eq!(
            sentence_end(text, 0, text.len()),
            text.find("it.").unwrap() + 2
        );
        let left = text.find("left").unwrap();
        assert_eq!(sentence_start(text, 0, left), text.find(" Then").unwrap());
        let french = "replied Mlle. Blanche, and Mme. Cornuel bowed. Then";
        let end = french.find("d. ").unwrap() + 1;
        assert_eq!(sentence_end(french, 0, french.len()), end);
    }

    #[test]
    fn the_last_word_is_what_follows_the_last_white_space_of_any_kind() {
        let cases = [
            "said Gov",
            "Gov",
            "",
            "a ",
            "x\u{a0}Sen",
            "x\u{2009}Dr",
            "x\u{b}Mr",
            "é Müller",
            "“Mr",
            "x\u{3000}Jr",
            "tab\tSt",
            "—Co",
        ];
        for before in cases {
            let by_chars = before.rsplit(char::is_whitespace).next().unwrap_or("");
            assert_eq!(last_word(before), by_chars, "{before:?}");
        }
    }
}
