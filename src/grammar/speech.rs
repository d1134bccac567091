//! Speech cues and mentions of speakers: the words around a quote that say who
//! said it.
//!
//! Informal grammar (word lists from `rules/speech.yaml`):
//!
//! ```text
//! cue         = speech-verb | source-phrase                  (said, told, "according to")
//! mention     = pronoun | descriptor | name
//! name        = name-word { ws [particle ws] name-word } [ws "(" ... ")"]
//! name-word   = title | initials | capitalised-word            (Sen., D., Moon, Jae-in)
//! descriptor  = possessor ws word{1,4}                           (South Korea’s president, its Foreign Ministry)
//!             | determiner ws lower-word{1,4} [ws preposition ws word{1,5}]
//!                                                                (a spokeswoman for the ministry)
//!             | lower-word                                       (police, officials)
//! possessor   = possessive-pronoun | name ("’s" | "'s" | "’" | "'")
//! subject     = mention { ws auxiliary }                         (Kim has, Moon also)
//! ```
//!
//! The attribution sieves find a cue, then ask for the mention that ends right
//! before it or starts right after it; only these parsers look at the words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{all_consuming, opt, recognize, verify};
use nom::multi::{fold_many0, fold_many_m_n, many0, many1};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

use crate::rules::{Gender, Number, Pronoun, SpeechRules};

/// The speech lexicon compiled for look-ups.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every word that is a speech verb form, or one with a particle: one
    /// look-up tells both, as [`Self::cues`] asks it of every word.
    verbs: WordMap<VerbForm>,
    /// The first form of each verb's list, its base ("say", "write"),
    /// unless the list has no other form ("went") or repeats it as the past
    /// ("put, puts, put").
    base_verbs: WordSet,
    source_phrases: Vec<Vec<String>>,
    /// The longest word of each source phrase, in lower case and
    /// capitalised: the phrase cannot be there without it, and a long word
    /// ("according", "words") is rarer in the text than a short one ("in").
    /// Each is searched for with a searcher built once, not per window.
    source_leads: Vec<memchr::memmem::Finder<'static>>,
    pronouns: WordMap<(Gender, Number)>,
    narrator_pronouns: WordSet,
    relative_pronouns: WordSet,
    possessives: WordMap<Gender>,
    /// Titles as written (case matters: "President", "Sen.").
    title_set: WordSet,
    /// The first words of the titles, without a full stop ("Mr", "Vice").
    title_leads: WordSet,
    /// The shapes of those words, for ruling most words out without hashing.
    title_lead_shapes: ShapeFilter,
    listener_verbs: WordSet,
    prepositions: WordSet,
    kin_titles: WordMap<String>,
    honorific_nouns: WordMap<String>,
    voice_nouns: WordSet,
    answer_links: WordSet,
    clause_openers: WordSet,
    list_conjunctions: WordSet,
    /// "my dear", …, in lower case, the longer first.
    endearments: Vec<String>,
    /// [`SpeechRules::silent_replies`], each as its lower-case words.
    silent_replies: Vec<Vec<String>>,
    /// [`SpeechRules::not_name_endings`], in lower case.
    not_name_endings: Vec<String>,
    /// [`SpeechRules::name_words_despite_ending`], in lower case.
    name_words_despite_ending: WordSet,
    place_prepositions: WordSet,
    manner_prepositions: WordSet,
    indefinite_articles: WordSet,
    other_nouns: WordSet,
    /// "girl", "gentleman", … by the gender they say, in lower case.
    gendered_nouns: WordMap<Gender>,
    maiden_titles: WordSet,
    /// Nouns that can head a description of a speaker (and titles, lowered).
    speaker_nouns: WordSet,
    gendered_words: WordMap<Gender>,
    /// "he", "him", "her", … by the gender they vote for, in lower case.
    gender_pronouns: WordMap<Gender>,
    /// Their first letters and the longest of them: most words of a text
    /// start with none of those letters or are longer, which settles them
    /// without a hash.
    gender_pronoun_initials: Vec<char>,
    gender_pronoun_max_len: usize,
    /// The closed classes and lists each listed word is in (lower case),
    /// as bits: the only record of the auxiliaries, determiners, non-
    /// speakers, words not in names and name particles, and a second of the
    /// pronouns and possessives (whose maps hold their genders). The name
    /// grammar asks of every word it reads whether it is a function word,
    /// and one look-up answers what five would.
    classes: WordMap<u8>,
}

/// Bits of [`Lexicon::classes`].
const PRONOUN: u8 = 1;
const POSSESSIVE: u8 = 2;
const AUXILIARY: u8 = 4;
const DETERMINER: u8 = 8;
const NOT_SPEAKER: u8 = 16;
const NOT_IN_NAMES: u8 = 32;
const PARTICLE: u8 = 64;
/// Pronouns, possessives, auxiliaries and determiners.
const CLOSED_CLASS: u8 = PRONOUN | POSSESSIVE | AUXILIARY | DETERMINER;

/// What kind of mention was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A name; `core` is the byte range of the name without titles or the
    /// modifiers before them ("Moon Jae-in" of "South Korean President Moon
    /// Jae-in"), `title` the last title word, if any.
    Name {
        core: (usize, usize),
        title: Option<String>,
        modifiers: Option<(usize, usize)>,
    },
    Pronoun(Gender, Number),
    /// A description; `head` is its last word before any preposition, in lower
    /// case, and `possessor` the range of a possessor name or the gender of a
    /// possessive pronoun.
    Descriptor {
        head: String,
        possessor: Option<Possessor>,
        /// Whether the head is a known speaker noun (or a name), as opposed
        /// to any noun: loose positions accept only known heads.
        known_head: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Possessor {
    Name(usize, usize),
    Pronoun(Gender),
}

/// A mention: its byte range in the text and what kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionHit {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

/// A cue: a speech verb, or a phrase like "according to" that puts the speaker
/// after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub source_phrase: bool,
}

type Res<'a, T> = IResult<&'a str, T>;

impl Lexicon {
    pub fn new(rules: &SpeechRules) -> Self {
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<WordSet>();
        let mut titles = rules.titles.clone();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let mut classes = WordMap::<u8>::default();
        let class_lists = [
            (
                PRONOUN,
                rules.pronouns.iter().map(|p| &p.word).collect::<Vec<_>>(),
            ),
            (
                POSSESSIVE,
                rules.possessives.iter().map(|p| &p.word).collect(),
            ),
            (AUXILIARY, rules.auxiliaries.iter().collect()),
            (DETERMINER, rules.determiners.iter().collect()),
            (NOT_SPEAKER, rules.not_speakers.iter().collect()),
            (NOT_IN_NAMES, rules.not_in_names.iter().collect()),
            (PARTICLE, rules.name_particles.iter().collect()),
        ];
        for (bit, words) in class_lists {
            for w in words {
                *classes.entry(w.to_lowercase()).or_default() |= bit;
            }
        }
        Lexicon {
            classes,
            verbs: verb_forms(rules),
            base_verbs: rules
                .verbs
                .iter()
                .filter(|forms| forms.len() > 1 && !forms[1..].contains(&forms[0]))
                .map(|forms| forms[0].to_lowercase())
                .collect(),
            source_phrases: rules
                .source_phrases
                .iter()
                .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
                .collect(),
            source_leads: rules
                .source_phrases
                .iter()
                .filter_map(|p| p.split_whitespace().max_by_key(|w| w.len()))
                .flat_map(|w| {
                    [
                        w.to_lowercase(),
                        crate::document::capitalise(&w.to_lowercase()),
                    ]
                })
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
            pronouns: rules
                .pronouns
                .iter()
                .map(|p| (p.word.to_lowercase(), (p.gender, p.number)))
                .collect(),
            narrator_pronouns: pronoun_words(rules, |p| p.narrator),
            relative_pronouns: pronoun_words(rules, |p| p.relative),
            possessives: rules
                .possessives
                .iter()
                .map(|p| (p.word.to_lowercase(), p.gender))
                .collect(),
            title_set: titles.iter().cloned().collect(),
            title_lead_shapes: ShapeFilter::of(titles.iter().filter_map(|t| t.split(' ').next())),
            title_leads: titles
                .iter()
                .filter_map(|t| t.split(' ').next())
                .map(|w| w.trim_end_matches('.').to_string())
                .collect(),
            listener_verbs: lower(&rules.listener_verbs),
            prepositions: lower(&rules.prepositions),
            kin_titles: by_lower_noun(&rules.kin_titles),
            honorific_nouns: by_lower_noun(&rules.honorific_nouns),
            voice_nouns: lower(&rules.voice_nouns),
            answer_links: lower(&rules.answer_links),
            clause_openers: lower(&rules.clause_openers),
            list_conjunctions: lower(&rules.list_conjunctions),
            endearments: longest_first(&rules.endearments),
            silent_replies: rules.silent_replies.iter().map(|p| words_of(p)).collect(),
            not_name_endings: rules
                .not_name_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            name_words_despite_ending: lower(&rules.name_words_despite_ending),
            place_prepositions: lower(&rules.place_prepositions),
            manner_prepositions: lower(&rules.manner_prepositions),
            indefinite_articles: lower(&rules.indefinite_articles),
            other_nouns: lower(&rules.other_nouns),
            gendered_nouns: lower_by_gender(&rules.male_nouns, &rules.female_nouns),
            maiden_titles: lower(&rules.maiden_titles),
            speaker_nouns: lower(&rules.speaker_nouns)
                .into_iter()
                .chain(rules.titles.iter().map(|t| t.to_lowercase()))
                .collect(),
            gender_pronouns: lower_by_gender(&rules.male_pronouns, &rules.female_pronouns),
            gender_pronoun_initials: (rules.male_pronouns.iter())
                .chain(&rules.female_pronouns)
                .filter_map(|w| w.to_lowercase().chars().next())
                .collect(),
            gender_pronoun_max_len: (rules.male_pronouns.iter())
                .chain(&rules.female_pronouns)
                .map(String::len)
                .max()
                .unwrap_or(0),
            gendered_words: (rules.male_words.iter().map(|w| (w.clone(), Gender::Male)))
                .chain(
                    rules
                        .female_words
                        .iter()
                        .map(|w| (w.clone(), Gender::Female)),
                )
                .collect(),
        }
    }

    /// The gender a title or given name says ("Mrs.", "Sir", "Margaret").
    pub fn word_gender(&self, word: &str) -> Gender {
        self.gendered_words
            .get(word)
            .copied()
            .unwrap_or(Gender::Any)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.title_set.contains(word)
    }

    /// Whether a mention that starts with `word` is a description ("the
    /// clergyman", "Her aunt", "police"): its first word is a determiner, a
    /// possessive or in lower case.
    pub fn is_description_start(&self, word: &str) -> bool {
        word.starts_with(char::is_lowercase)
            || with_lower(word, |l| self.class(l) & (DETERMINER | POSSESSIVE) != 0)
    }

    /// Whether a mention's words describe someone ("said her aunt", "said
    /// the old man") rather than name them: they start as a description
    /// does, and are not a determiner before capitalised words alone ("the
    /// Gryphon", "the Invisible Man" are how a book names a character).
    pub fn is_description(&self, mention: &str) -> bool {
        let mut words = mention.split_whitespace().peekable();
        let first = words.next().unwrap_or("");
        let named = words.peek().is_some() && words.all(|w| w.starts_with(char::is_uppercase));
        self.is_description_start(first) && !named
    }

    /// The gender a personal pronoun in any case votes for ("he", "Her",
    /// "himself"), if it is one of the rules' `male_pronouns` or
    /// `female_pronouns`.
    pub fn pronoun_vote(&self, word: &str) -> Option<Gender> {
        let initial = word.chars().next()?.to_lowercase().next()?;
        if word.len() > self.gender_pronoun_max_len
            || !self.gender_pronoun_initials.contains(&initial)
        {
            return None;
        }
        with_lower(word, |l| self.gender_pronouns.get(l).copied())
    }

    /// Whether `word` is a pronoun for whoever tells the story ("I").
    pub fn is_narrator_pronoun(&self, word: &str) -> bool {
        with_lower(word, |l| self.narrator_pronouns.contains(l))
    }

    /// Whether the noun after the verb `word` is its listener ("told
    /// reporters"), not a speaker put after its verb.
    pub fn takes_listener(&self, word: &str) -> bool {
        with_lower(word, |l| self.listener_verbs.contains(l))
    }

    /// The title a kin noun's bearer shares the family name under ("wife"
    /// → "Mrs."), if it is one.
    pub fn kin_title(&self, noun: &str) -> Option<&str> {
        with_lower(noun, |l| self.kin_titles.get(l).map(String::as_str))
    }

    /// The title whose bearer an honorific noun stands for ("ladyship" →
    /// "Lady").
    pub fn honorific_title(&self, noun: &str) -> Option<&str> {
        with_lower(noun, |l| self.honorific_nouns.get(l).map(String::as_str))
    }

    /// Whether a title is an unmarried woman's ("Miss").
    pub fn is_maiden_title(&self, title: &str) -> bool {
        with_lower(title, |l| self.maiden_titles.contains(l))
    }

    /// Whether a noun stands for the one of two people who did not speak
    /// last ("the other").
    pub fn is_other_noun(&self, noun: &str) -> bool {
        with_lower(noun, |l| self.other_nouns.contains(l))
    }

    /// The gender a noun says of a person ("girl"), if it says one.
    pub fn noun_gender(&self, noun: &str) -> Gender {
        with_lower(noun, |l| self.gendered_nouns.get(l).copied()).unwrap_or(Gender::Any)
    }

    /// Whether a noun speaks for its possessor ("her voice").
    pub fn is_voice_noun(&self, noun: &str) -> bool {
        with_lower(noun, |l| self.voice_nouns.contains(l))
    }

    /// Whether `word` links a quote to the answer noun after it ("was").
    pub fn is_answer_link(&self, word: &str) -> bool {
        self.answer_links.contains(word)
    }

    /// Whether `word` may open a sentence before its subject, with no
    /// comma ("Then he said"), in any case.
    pub fn is_clause_opener(&self, word: &str) -> bool {
        with_lower(word, |l| self.clause_openers.contains(l))
    }

    /// Where `text` from `at` goes on once the words there that lead into
    /// a clause ("and then") and the white space after them are passed.
    pub fn after_clause_openers(&self, text: &str, mut at: usize, hi: usize) -> usize {
        while let Some(end) = self.after_clause_opener(text, at, hi) {
            at = end;
        }
        at + text[at..hi].len() - text[at..hi].trim_start().len()
    }

    /// Where the word that leads into a clause at `at` (after white space)
    /// ends, if one does.
    pub fn after_clause_opener(&self, text: &str, at: usize, hi: usize) -> Option<usize> {
        let rest = &text[at..hi];
        let lead = rest.len() - rest.trim_start().len();
        let word = rest[lead..].split(|c: char| !c.is_alphabetic()).next()?;
        (!word.is_empty() && self.is_clause_opener(word)).then_some(at + lead + word.len())
    }

    /// Where the name that a word of affection at `at` comes before starts
    /// ("My dear Sir Thomas, …" → "Sir Thomas"), or `at` when no word of
    /// affection and capitalised word follow there.
    pub fn after_endearment(&self, text: &str, at: usize, hi: usize) -> usize {
        let rest = &text[at..hi];
        let name_after = |e: &String| {
            let written = rest.get(..e.len()).filter(|w| w.eq_ignore_ascii_case(e))?;
            let name = rest[written.len()..].strip_prefix(char::is_whitespace)?;
            name.starts_with(char::is_uppercase)
                .then(|| hi - name.len())
        };
        self.endearments.iter().find_map(name_after).unwrap_or(at)
    }

    /// Whether `rest` starts with a silent reply ("shook his head") and
    /// goes on to no other sentence: "“Is it far?” ¶ He shook his head." is
    /// the listener's whole answer.
    pub fn is_silent_reply(&self, rest: &str) -> bool {
        let written: Vec<&str> = rest.split_whitespace().collect();
        let Some((last, inner)) = written.split_last() else {
            return false;
        };
        // One sentence: its only stop is the last word's.
        let one_sentence = last.ends_with(['.', '!', '?'])
            && !inner.iter().any(|w| w.ends_with(['.', '!', '?', ';']));
        let words: Vec<String> = written
            .iter()
            .map(|w| w.trim_end_matches(['.', ',', '!', '?', ';']).to_lowercase())
            .collect();
        one_sentence
            && self
                .silent_replies
                .iter()
                .any(|reply| words.starts_with(reply))
    }

    /// Whether `word` joins the last item of a list ("and"), as written.
    pub fn is_list_conjunction(&self, word: &str) -> bool {
        self.list_conjunctions.contains(word)
    }

    /// Whether `word` (as written) is one of the rules' prepositions.
    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.contains(word)
    }

    /// Whether `word` is a preposition of place ("in", "at"), in lower case.
    pub fn is_place_preposition(&self, word: &str) -> bool {
        self.place_prepositions.contains(word)
    }

    /// Whether `word` is a form of a speech verb as written. Speech verbs
    /// are lower-case words: "State", "Post" and "Report" with a capital
    /// are names. Inlined: `cues` asks it of every word near a quote.
    #[inline]
    fn is_verb_form(&self, word: &str) -> bool {
        word.starts_with(char::is_lowercase) && self.is_speech_verb(word)
    }

    /// Whether `word`, in lower case, is a speech verb form by itself.
    fn is_speech_verb(&self, word: &str) -> bool {
        self.verbs.get(word).is_some_and(|v| v.alone)
    }

    /// Whether a speech verb form is finite: neither the base form, which
    /// after a description may be a noun ("his frigid reply"), nor a
    /// participle ("saying"). Irregular pasts count ("wrote", "told").
    pub fn is_finite_verb(&self, word: &str) -> bool {
        with_lower(word, |l| {
            self.is_speech_verb(l) && !self.base_verbs.contains(l) && !l.ends_with("ing")
        })
    }

    /// Whether `word` is a relative pronoun ("who"), which stands for the
    /// mention right before it.
    pub fn is_relative_pronoun(&self, word: &str) -> bool {
        with_lower(word, |l| self.relative_pronouns.contains(l))
    }

    /// The gender of `word` if it is one of the pronouns ("He", "she"), in
    /// any case.
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        with_lower(word, |l| self.pronouns.get(l).map(|&(g, _)| g))
    }

    /// Whether `text[lo..hi]` may hold a source phrase: whether the longest
    /// word of one occurs in it, in lower case or capitalised. A quick look
    /// before the word scan, as source phrases are rare.
    pub fn may_hold_source_phrase(&self, text: &str, lo: usize, hi: usize) -> bool {
        text.get(lo..hi).is_some_and(|slice| {
            let bytes = slice.as_bytes();
            self.source_leads.iter().any(|w| w.find(bytes).is_some())
        })
    }

    /// Every cue in `text[lo..hi]`, in order.
    pub fn cues_in(&self, text: &str, lo: usize, hi: usize) -> Vec<CueHit> {
        self.cues(text, lo, hi, true)
    }

    /// The speech verbs in `text[lo..hi]`, in order: [`Self::cues_in`]
    /// without the source phrases, which only "according to" looks for.
    pub fn verbs_in(&self, text: &str, lo: usize, hi: usize) -> Vec<CueHit> {
        self.cues(text, lo, hi, false)
    }

    /// The verbs in `text[lo..hi]`, and the source phrases if `phrases`.
    fn cues(&self, text: &str, lo: usize, hi: usize, phrases: bool) -> Vec<CueHit> {
        let words = words_in(text, lo, hi);
        let mut cues = Vec::new();
        for (i, &(s, e)) in words.iter().enumerate() {
            if let Some(end) = self.verb_end(text, (s, e), words.get(i + 1)) {
                cues.push(CueHit {
                    start: s,
                    end,
                    source_phrase: false,
                });
            }
            if !phrases {
                continue;
            }
            for phrase in &self.source_phrases {
                let matches = phrase.iter().enumerate().all(|(k, p)| {
                    words
                        .get(i + k)
                        .is_some_and(|&(ws, we)| text[ws..we].eq_ignore_ascii_case(p))
                });
                if matches && !phrase.is_empty() {
                    let end = words[i + phrase.len() - 1].1;
                    cues.push(CueHit {
                        start: s,
                        end,
                        source_phrase: true,
                    });
                }
            }
        }
        cues
    }

    /// Where the speech verb that the word `text[s..e]` starts ends: past
    /// `next`, one space after it, when that is its particle ("broke in"),
    /// else at the word when it speaks alone ("said").
    #[inline]
    fn verb_end(
        &self,
        text: &str,
        (s, e): (usize, usize),
        next: Option<&(usize, usize)>,
    ) -> Option<usize> {
        let word = &text[s..e];
        if !word.starts_with(char::is_lowercase) {
            return None;
        }
        let form = self.verbs.get(word)?;
        let particle = next.filter(|&&(ns, _)| ns == e + 1 && !form.particles.is_empty());
        match particle {
            Some(&(ns, ne)) if form.particles.iter().any(|p| *p == text[ns..ne]) => Some(ne),
            _ => form.alone.then_some(e),
        }
    }

    /// The longest mention in `text[lo..hi]` that ends at `hi`, once white
    /// space, commas and auxiliaries ("has", "also") before `hi` are set aside.
    pub fn mention_ending_at(&self, text: &str, lo: usize, hi: usize) -> Option<MentionHit> {
        text.get(lo..hi)?;
        let hi = self.strip_trailing_auxiliaries(text, lo, hi);
        let words = words_in(text, lo, hi);
        let first = words
            .len()
            .saturating_sub(MAX_MENTION_WORDS)
            .max(first_after_break(text, &words));
        for k in first..words.len() {
            let (s, e) = words[k];
            if !self.may_open_mention(&text[s..e]) {
                continue;
            }
            let candidate = &text[s..hi];
            if let Ok((_, kind)) = all_consuming(|i| self.bare_mention(i)).parse(candidate) {
                // "Protesters marching through the streets chanted": a
                // description after a preposition is its object, not the
                // speaker ("of" joins a name to what it heads, so it does
                // not count).
                let before = k.checked_sub(1).map(|j| &text[words[j].0..words[j].1]);
                let governed = matches!(kind, MentionKind::Descriptor { .. })
                    && before.is_some_and(|w| w != "of" && self.prepositions.contains(w));
                // A name right after "of" is what "of" governs: the
                // speaker is a name before "of" ("Paul Ryan of Wisconsin"),
                // or a shorter name ("Secretary of State John Kerry"), or
                // nobody ("32% of Republican claims").
                if matches!(kind, MentionKind::Name { .. }) && before == Some("of") {
                    let of_start = words[k - 1].0;
                    let owner = self
                        .mention_ending_at(text, lo, of_start)
                        .filter(|m| matches!(m.kind, MentionKind::Name { .. }));
                    match owner {
                        Some(m) => return Some(m),
                        None => continue,
                    }
                }
                return (!governed).then(|| self.hit(text, s, hi, kind));
            }
        }
        None
    }

    /// Whether a mention may start with `word`: a capitalised word (a name,
    /// or a name that owns what follows), a pronoun, a determiner, a
    /// possessive or a speaker noun. Any other word starts none, and is
    /// not worth a parse.
    fn may_open_mention(&self, word: &str) -> bool {
        word.starts_with(|c: char| !c.is_lowercase())
            || with_lower(word, |l| {
                self.class(l) & (PRONOUN | DETERMINER | POSSESSIVE) != 0
                    || self.speaker_nouns.contains(l)
            })
    }

    /// The mention that starts at `at` (after white space), if any.
    pub fn mention_starting_at(&self, text: &str, at: usize, hi: usize) -> Option<MentionHit> {
        self.parse_at(text, at, hi, |i| self.mention(i))
    }

    /// answer = possessor {ws lower-word}{0,2} ws voice-noun ("her answer",
    /// "Marianne's quick reply"), starting at `at` (after white space): a
    /// description whose head is the voice noun, though most such nouns are
    /// speech verbs too and head no other description.
    pub fn answer_starting_at(&self, text: &str, at: usize, hi: usize) -> Option<MentionHit> {
        self.parse_at(text, at, hi, |i| {
            let name_here = || self.name(i);
            let (rest, possessor) = self.possessor(i, &name_here)?;
            let modifier = verify(word, |w: &str| {
                w.starts_with(char::is_lowercase) && !self.is_voice_noun(w)
            });
            let (rest, _) =
                fold_many_m_n(0, 2, preceded(space, modifier), || (), |_, _| ()).parse(rest)?;
            let voice_noun = verify(word, |w: &str| self.is_voice_noun(w));
            let (rest, head) = preceded(space, voice_noun).parse(rest)?;
            let kind = MentionKind::Descriptor {
                head: head.to_lowercase(),
                possessor: Some(possessor),
                known_head: true,
            };
            Ok((rest, kind))
        })
    }

    /// The name that starts at `at` (after white space), unless it owns what
    /// follows ("Trump’s campaign"): what [`Self::mention_starting_at`] finds
    /// when that is a name, for a fraction of the work.
    pub fn name_starting_at(&self, text: &str, at: usize, hi: usize) -> Option<MentionHit> {
        let owner = |i| {
            let (rest, _) = self.name(i)?;
            match rest.starts_with(['’', '\'']) {
                true => fail(i),
                false => Ok((rest, placeholder_name())),
            }
        };
        self.parse_at(text, at, hi, owner)
    }

    /// The last name in `text[lo..hi]`, an owner's too ("over John’s
    /// face" gives "John"), read from its first word ("Mrs. Moore", not
    /// "Moore").
    pub fn last_name_in(&self, text: &str, lo: usize, hi: usize) -> Option<MentionHit> {
        self.last_name_in_such(text, lo, hi, |_| true)
    }

    /// [`Self::last_name_in`], among the names that `keep` keeps: the text
    /// is read once however many names are turned down.
    pub fn last_name_in_such(
        &self,
        text: &str,
        lo: usize,
        hi: usize,
        mut keep: impl FnMut(&MentionHit) -> bool,
    ) -> Option<MentionHit> {
        let name = |i| {
            let (rest, _) = self.name(i)?;
            Ok((rest, placeholder_name()))
        };
        word_starts_backwards(text, lo, hi).find_map(|s| {
            if !text[s..].starts_with(char::is_uppercase) {
                return None;
            }
            let mut first = s;
            while let Some(w) = self.name_word_before(text, first).filter(|&w| w >= lo) {
                first = w;
            }
            let m = self
                .parse_at(text, first, hi, name)
                .filter(|m| m.end > s)
                .or_else(|| self.parse_at(text, s, hi, name))?;
            let end = strip_possessive(text, m.start, m.end);
            Some(self.hit(text, m.start, end, placeholder_name())).filter(|m| keep(m))
        })
    }

    /// Runs `parse` on `text[at..hi]` after its leading white space, and
    /// makes a hit of what it read, without trailing white space.
    fn parse_at<'a>(
        &self,
        text: &'a str,
        at: usize,
        hi: usize,
        mut parse: impl FnMut(&'a str) -> Res<'a, MentionKind>,
    ) -> Option<MentionHit> {
        let hi = crate::document::floor_char_boundary(text, hi);
        let slice = text.get(at..hi)?;
        let start = at + (slice.len() - slice.trim_start().len());
        let (rest, kind) = parse(&text[start..hi]).ok()?;
        let end = hi - rest.len();
        let end = start + text[start..end].trim_end().len();
        Some(self.hit(text, start, end, kind))
    }

    /// The range of the name that `text[s..e]` is part of: the run of name words
    /// around it, titles and what precedes them dropped, a possessive ’s too.
    pub fn name_around(&self, text: &str, s: usize, e: usize) -> (usize, usize) {
        let mut start = s;
        while let Some(ws) = self.name_word_before(text, start) {
            start = ws;
        }
        let mut end = e;
        let after = &text[e..];
        let next = verify(|i| self.name_word(i), |w: &str| !self.is_closed_class(w));
        if let Ok((rest, _)) = fold_many0(preceded(name_gap, next), || (), |_, _| ()).parse(after) {
            end = e + (after.len() - rest.len());
        }
        let core = self.core_of(text, start, end);
        (core.0, strip_possessive(text, core.0, core.1))
    }

    /// The name that starts at `at`, as the range of its core (titles and
    /// what precedes them dropped, a possessive ’s too), and where the whole
    /// run of name words ends.
    pub fn name_at(&self, text: &str, at: usize) -> Option<((usize, usize), usize)> {
        let (rest, _) = self.name(&text[at..]).ok()?;
        let end = text.len() - rest.len();
        let core = self.core_of(text, at, end);
        Some(((core.0, strip_possessive(text, core.0, core.1)), end))
    }

    /// Where the name word that ends one space before `at` starts, if one
    /// does.
    fn name_word_before(&self, text: &str, at: usize) -> Option<usize> {
        let before = text[..at].strip_suffix(' ')?;
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map(|(k, _)| k)?;
        self.is_name_word(&before[word_start..])
            .then_some(word_start)
    }

    /// A name word that may come before another in a name: not "My" in
    /// "My Elinor", nor "O" in "O Rachael".
    fn is_name_word(&self, w: &str) -> bool {
        all_consuming(|i| self.name_word(i)).parse(w).is_ok() && !self.is_function_word(w)
    }

    fn hit(&self, text: &str, start: usize, end: usize, kind: MentionKind) -> MentionHit {
        let kind = match kind {
            MentionKind::Name { .. } => self.name_kind(text, start, end),
            MentionKind::Descriptor {
                head,
                possessor,
                known_head,
            } => MentionKind::Descriptor {
                head,
                known_head,
                possessor: possessor.map(|p| match p {
                    Possessor::Name(s, e) => Possessor::Name(start + s, start + e),
                    other => other,
                }),
            },
            other => other,
        };
        MentionHit { start, end, kind }
    }

    fn name_kind(&self, text: &str, start: usize, end: usize) -> MentionKind {
        let (core_start, core_end) = self.core_of(text, start, end);
        let title = self.last_title(text, start, core_start);
        let modifiers = title
            .as_ref()
            .and_then(|(ts, _)| (*ts > start).then_some((start, *ts)));
        MentionKind::Name {
            core: (core_start, core_end),
            title: title.map(|(_, t)| t.to_string()),
            modifiers,
        }
    }

    /// The name proper: after the last title, without a parenthetical.
    fn core_of(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let parenthesis = (start + 1..end)
            .find(|&p| text.as_bytes()[p] == b'(' && text.as_bytes()[p - 1] == b' ');
        let end = parenthesis.map_or(end, |p| p - 1);
        let core_start = match self.last_title(text, start, end) {
            Some((ts, t)) if ts + t.len() < end => {
                let after = ts + t.len();
                let after = after + (text[after..end].len() - text[after..end].trim_start().len());
                // "Mr. van der Luyden": particles after a title are the
                // surname's.
                match self.starts_with_particles(text, after, end) {
                    true => after,
                    false => self.skip_lower_words(text, after, end),
                }
            }
            _ => self.skip_lower_words(text, start, end),
        };
        (core_start, end)
    }

    /// Whether `text[start..end]` opens with particles and goes on with a
    /// capitalised word ("van der Luyden").
    fn starts_with_particles(&self, text: &str, start: usize, end: usize) -> bool {
        for (k, w) in text[start..end].split([' ', '\n']).enumerate() {
            if w.starts_with(char::is_uppercase) {
                return k > 0;
            }
            if self.class(w) & PARTICLE == 0 {
                return false;
            }
        }
        false
    }

    /// Where the name after the modifiers of a premodified name starts:
    /// after the lower-case words it opens with ("presidential candidate
    /// Bernie Sanders", "de Worms"), then after the last lower-case word that
    /// is no particle and is followed by a capitalised one ("Former
    /// prosecutor Rudy Giuliani", but "Ludwig van Beethoven").
    fn skip_lower_words(&self, text: &str, start: usize, end: usize) -> usize {
        let mut at = start;
        while text[at..end].starts_with(char::is_lowercase) {
            match text[at..end].find(' ') {
                Some(p) => at += p + 1,
                None => return start,
            }
        }
        let from = at;
        let mut core = from;
        // A name may run over a line break in a hard-wrapped book.
        for w in text[from..end].split([' ', '\n']) {
            let next = at + w.len() + 1;
            let modifier = w.starts_with(char::is_lowercase) && self.class(w) & PARTICLE == 0;
            if modifier
                && text
                    .get(next..end)
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
            {
                core = next;
            }
            at = next;
        }
        core
    }

    /// The last title word in `text[start..end]`, with its offset.
    fn last_title<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<(usize, &'t str)> {
        let mut found = None;
        let mut at = start;
        while at < end {
            let rest = &text[at..end];
            if let Ok((after, t)) = self.title(rest) {
                found = Some((at, t));
                at = end - after.len();
                continue;
            }
            match rest.bytes().position(|b| b == b' ') {
                Some(p) => at += p + 1,
                None => break,
            }
        }
        found
    }

    /// Where a mention ending at `hi` ends once the auxiliaries, adverbs
    /// and a year ("in 2010") before the verb are set aside.
    fn strip_trailing_auxiliaries(&self, text: &str, lo: usize, hi: usize) -> usize {
        let mut hi = lo
            + text[lo..hi]
                .trim_end_matches([' ', ',', '\n', '\u{a0}'])
                .len();
        loop {
            let slice = &text[lo..hi];
            let Some(space) = slice.rfind([' ', '\n']) else {
                return hi;
            };
            let last = &slice[space + 1..];
            let lower = last.to_lowercase();
            let adverb = lower.len() > 4 && lower.ends_with("ly");
            // "who in 2010 said": a year between speaker and verb.
            let year = last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit());
            if year {
                let before = slice[..space].trim_end();
                if let Some(p) = before.strip_suffix(" in") {
                    hi = lo + p.len();
                    continue;
                }
            }
            if self.class(&lower) & AUXILIARY == 0 && !adverb {
                return hi;
            }
            hi = lo + slice[..space].trim_end().len();
        }
    }

    /// mention = led-mention | bare-mention | premodified-name
    fn mention<'a>(&self, i: &'a str) -> Res<'a, MentionKind> {
        alt((
            |i| self.led_mention(i),
            |i| self.bare_mention(i),
            |i| {
                self.premodified_name(i)
                    .map(|(r, _)| (r, placeholder_name()))
            },
        ))
        .parse(i)
    }

    /// bare-mention = pronoun | descriptor | name
    ///
    /// Read backwards from a verb, a premodified name would swallow any
    /// word before it ("surprise pollster Dan Shaw"), so that reading takes
    /// bare mentions only.
    ///
    /// A name at the start is read at most once: a possessor ("Trump’s
    /// campaign") is tried first and reads it, and the name alternative
    /// takes the same reading.
    fn bare_mention<'a>(&self, i: &'a str) -> Res<'a, MentionKind> {
        let name = std::cell::OnceCell::new();
        let name_here = || name.get_or_init(|| self.name(i)).clone();
        alt((
            |i| self.pronoun(i),
            |i| self.descriptor(i, &name_here),
            |_| name_here().map(|(r, _)| (r, placeholder_name())),
        ))
        .parse(i)
    }

    /// premodified-name = (title ws)* ((lower-word | title) ws){1,4} name,
    ///                    with at least one lower-case word
    ///
    /// News puts a description straight before a name, with no article:
    /// "former South Carolina Gov. Jim Hodges", "election lawyer Joe
    /// Birkenstock", "Democratic presidential candidate Bernie Sanders". The
    /// name is the core; the words before it are dropped.
    fn premodified_name<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        let lower = terminated(|i| self.lower_word(i), space).map(|_| true);
        let title = |i| terminated(|i| self.title(i), space).parse(i);
        let titles = many0(title);
        // At least one lower-case word: "Republican Ann Lee" is a name.
        let modifiers = verify(
            nom::multi::many_m_n(1, 4, alt((lower, title.map(|_| false)))),
            |lower: &Vec<bool>| lower.contains(&true),
        );
        recognize((titles, modifiers, |i| self.name(i))).parse(i)
    }

    /// lead = (capitalised-word ws){1,2}, no function word
    ///
    /// A capitalised adjective or party label may open a description
    /// ("Former", "Republican", "South Korean"); read forwards, it would
    /// otherwise be taken for a name on its own.
    fn capitalised_lead<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        let adjective = verify(capitalised_word, |w: &str| !self.is_function_word(w));
        recognize(nom::multi::many_m_n(1, 2, terminated(adjective, space))).parse(i)
    }

    /// led-mention = lead (led-name | led-description), the lead read once:
    ///
    /// led-name = lead premodified-name: "Democratic presidential candidate
    /// Bernie Sanders", "Former prosecutor Rudy Giuliani". The last
    /// lower-case word must be a speaker noun, as in those: "Miss Crawford
    /// knew Mrs. Norris" is a clause.
    ///
    /// led-description = lead speaker-noun{1,4}: "Republican officials",
    /// "Democratic party officials", "Former prosecutor" (and a name after
    /// "and"). Only speaker nouns follow the lead: any other word may be a
    /// verb ("Ann Lee met voters").
    fn led_mention<'a>(&self, i: &'a str) -> Res<'a, MentionKind> {
        let (after_lead, _) = self.capitalised_lead(i)?;
        if let Ok((rest, _)) = self.premodified_name(after_lead) {
            let led = &i[..i.len() - rest.len()];
            let last_lower = led
                .split_whitespace()
                .rfind(|w| w.starts_with(char::is_lowercase))
                .unwrap_or("");
            if self.is_speaker_noun(last_lower) {
                return Ok((rest, placeholder_name()));
            }
        }
        let noun = |i| verify(|i| self.lower_word(i), |w: &str| self.is_speaker_noun(w)).parse(i);
        let more = nom::multi::many_m_n(0, 3, preceded(space, noun));
        let (rest, _) = pair(noun, more).parse(after_lead)?;
        let head = i[..i.len() - rest.len()]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        Ok((
            rest,
            MentionKind::Descriptor {
                head: head.to_lowercase(),
                possessor: None,
                known_head: true,
            },
        ))
    }

    /// pronoun = one of the pronouns, as a whole word
    fn pronoun<'a>(&self, i: &'a str) -> Res<'a, MentionKind> {
        let (rest, w) = word(i)?;
        match with_lower(w, |l| self.pronouns.get(l).copied()) {
            Some((g, n)) => Ok((rest, MentionKind::Pronoun(g, n))),
            None => fail(i),
        }
    }

    /// name = name-word { ws {particle ws}0..2 name-word } [ws parenthetical],
    ///        but not initials or abbreviations alone, nor words ending
    ///        as a doctrine does ("Post Impressionism")
    fn name<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        let first = |i| self.first_name_word(i);
        let particles = fold_many_m_n(0, 2, pair(|i| self.particle(i), name_gap), || (), |_, _| ());
        let next = preceded(
            pair(name_gap, particles),
            verify(|i| self.name_word(i), |w: &str| !self.is_closed_class(w)),
        );
        // Initials or abbreviations alone ("N.H.", "Mr.") name nobody; "Mr.
        // King" and "Baron" do. The words after the first are folded into
        // whether all of them end with a full stop, without a vector.
        let all_dotted = fold_many0(next, || true, |all, w: &str| all && w.ends_with('.'));
        let words = verify(
            pair(first, all_dotted),
            |&(w, rest_dotted): &(&str, bool)| !(w.ends_with('.') && rest_dotted),
        );
        let words = verify(recognize(words), |w: &str| !self.ends_as_no_name(w));
        recognize((words, opt(preceded(space, parenthetical)))).parse(i)
    }

    /// Whether the last word of `words` ends in one of the rules'
    /// `not_name_endings`, in any case, and is not one of the words kept
    /// despite it.
    fn ends_as_no_name(&self, words: &str) -> bool {
        let bytes = words.as_bytes();
        let ends = |e: &String| {
            bytes.len() > e.len()
                && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        };
        self.not_name_endings.iter().any(ends)
            && !with_lower(
                words.rsplit(char::is_whitespace).next().unwrap_or(words),
                |w| self.name_words_despite_ending.contains(w),
            )
    }

    /// Whether a word is a pronoun, possessive, auxiliary or determiner, or
    /// one of the rules' `not_in_names`: none goes on a name ("Henry I am",
    /// "Lucy Honeychurch Drive Out" in a heading).
    fn is_closed_class(&self, w: &str) -> bool {
        with_lower(w, |l| self.class(l) & (CLOSED_CLASS | NOT_IN_NAMES) != 0)
    }

    /// The class bits of a word in lower case (0 when it is in none).
    fn class(&self, l: &str) -> u8 {
        self.classes.get(l).copied().unwrap_or(0)
    }

    /// first-name-word = name-word, but no function word or roman numeral
    fn first_name_word<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        verify(
            |i| self.name_word(i),
            |w: &str| !self.is_function_word(w) && !is_roman_numeral(w),
        )
        .parse(i)
    }

    /// Whether a name may start at the start of `text`: its first word
    /// may start one ("He", "However" and "XXIX" may not). A quick look
    /// before the whole name is parsed.
    pub fn may_start_name(&self, text: &str) -> bool {
        self.first_name_word(text).is_ok()
    }

    /// Whether a word is one that never starts a name: a pronoun, possessive,
    /// determiner, auxiliary or listed non-speaker ("However", "After", "I’m").
    fn is_function_word(&self, w: &str) -> bool {
        let check = |l: &str| self.class(l) & (NOT_SPEAKER | CLOSED_CLASS) != 0;
        if !w.is_ascii() && w.contains('’') {
            check(&w.to_lowercase().replace('’', "'"))
        } else {
            with_lower(w, check)
        }
    }

    /// name-word = title | initials | capitalised-word
    fn name_word<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        alt((|i| self.title(i), initials, capitalised_word)).parse(i)
    }

    /// title = one of the titles, one or two words, as whole words; the
    /// longer first ("Chief Justice" before "Chief").
    fn title<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        if !i.starts_with(char::is_uppercase) {
            return fail(i);
        }
        let first = token_len(i);
        let lead = i[..first].trim_end_matches('.');
        // Most capitalised words start no title: their shape settles them,
        // and a look-up the rest.
        if !self.title_lead_shapes.may_hold(lead) || !self.title_leads.contains(lead) {
            return fail(i);
        }
        let two = i[first..]
            .strip_prefix(' ')
            .map(|rest| &i[..first + 1 + token_len(rest)]);
        let candidates = two.into_iter().chain([&i[..first]]);
        for token in candidates {
            for t in [token, token.trim_end_matches('.')] {
                if !t.is_empty() && self.title_set.contains(t) {
                    return Ok((&i[t.len()..], t));
                }
            }
        }
        fail(i)
    }

    /// particle = one of the rules' `name_particles`, written in lower case
    fn particle<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        if !i.starts_with(char::is_lowercase) {
            return fail(i);
        }
        verify(word, |w: &str| self.class(w) & PARTICLE != 0).parse(i)
    }

    /// descriptor = (possessor | determiner) ws modifier{0,5} head
    ///                  [ws preposition ws tail-word{1,5}]     (determiner only)
    ///            | speaker-noun
    /// modifier   = lower-word | capitalised-word
    /// head       = the last speaker noun among the words, else the last
    ///              lower-case word (or, after a possessor, a capitalised one)
    ///
    /// `name_here` reads the name at the start of `i`, once.
    fn descriptor<'a>(
        &self,
        i: &'a str,
        name_here: &dyn Fn() -> Res<'a, &'a str>,
    ) -> Res<'a, MentionKind> {
        let lead = alt((
            |i| self.possessor(i, name_here).map(|(r, p)| (r, Some(p))),
            |i| self.determiner(i).map(|(r, _)| (r, None)),
        ));
        let any_word = |i| alt((|i| self.lower_word(i), capitalised_word)).parse(i);
        let words = nom::multi::many_m_n(1, MAX_DESCRIPTOR_WORDS, preceded(space, any_word));
        if let Ok((_, (possessor, words))) = pair(lead, words).parse(i) {
            if let Some(head) = self.head_of(&words, possessor.is_some()) {
                let rest = &i[end_offset(i, head)..];
                let rest = match possessor {
                    None => self.prepositional_tail(rest),
                    Some(_) => rest,
                };
                let known_head = self.is_speaker_noun(head) || head.starts_with(char::is_uppercase);
                let head = head.to_lowercase();
                return Ok((
                    rest,
                    MentionKind::Descriptor {
                        head,
                        possessor,
                        known_head,
                    },
                ));
            }
        }
        // A speaker noun alone: "police"; one that is a determiner too
        // may open a sentence: "Several said …".
        let noun = verify(|i| self.lower_word(i), |w: &str| self.is_speaker_noun(w));
        let quantifier = verify(word, |w: &str| {
            with_lower(w, |l| {
                self.class(l) & DETERMINER != 0 && self.speaker_nouns.contains(l)
            })
        });
        let (rest, w) = alt((noun, quantifier)).parse(i)?;
        let head = w.to_lowercase();
        Ok((
            rest,
            MentionKind::Descriptor {
                head,
                possessor: None,
                known_head: true,
            },
        ))
    }

    /// The head of a descriptor's words, where the descriptor ends.
    ///
    /// A past-tense word after a speaker noun is the verb of the clause
    /// ("Clinton’s right-hand woman rallied supporters"): the description
    /// ends before it. A capitalised party label heads "an Iowa Democrat".
    fn head_of<'a>(&self, words: &[&'a str], possessed: bool) -> Option<&'a str> {
        // "the 46-year-old": a number that ends in a word heads like one.
        let lower = |w: &&str| {
            w.starts_with(char::is_lowercase)
                || (w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with(char::is_alphabetic))
        };
        let noun = |w: &&str| lower(w) && self.is_speaker_noun(w);
        let past = |w: &&str| lower(w) && w.len() > 4 && w.ends_with("ed");
        // "the Coroner deliberately", "the old man sadly": an adverb
        // after a capitalised word or a speaker noun tells how the words
        // were said; the description ends before it.
        let adverb = |w: &&str| lower(w) && w.len() > 4 && w.ends_with("ly") && !noun(w);
        let words = match words
            .windows(2)
            .position(|p| (p[0].starts_with(char::is_uppercase) || noun(&p[0])) && adverb(&p[1]))
        {
            Some(n) => &words[..=n],
            None => words,
        };
        let words = match words.iter().position(noun) {
            Some(n) => match words[n..].iter().position(past) {
                Some(v) => &words[..n + v],
                None => words,
            },
            None => words,
        };
        // "the Security Council issued": a past-tense word after a
        // capitalised run ends it too.
        let capitalised = words
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count();
        let words = match words.get(capitalised) {
            Some(w) if capitalised > 0 && past(w) => &words[..capitalised],
            _ => words,
        };
        // "the Daily Caller", "the Washington Post": a capitalised run after
        // an article names an organisation.
        let organisation = words.iter().all(|w| w.starts_with(char::is_uppercase));
        // With no speaker noun, a past-tense word is the clause's verb, not
        // a head: "This prompted the tabloid …".
        let pick = words
            .iter()
            .rposition(noun)
            .or_else(|| words.iter().rposition(|w| lower(w) && !past(w)))
            .or_else(|| words.iter().rposition(|w| self.is_title(w)))
            .or_else(|| (possessed || organisation).then(|| words.len() - 1))?;
        Some(words[pick])
    }

    /// preposition = one of the rules' prepositions, as written
    fn preposition<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        verify(word, |w: &str| self.prepositions.contains(w)).parse(i)
    }

    /// tail = ws preposition ws (tail-word | verb-form) (ws tail-word){0,4}:
    /// "for the ministry", "of state" (right after the preposition a speech
    /// verb's form is a noun; later it may be the verb: "the group said")
    fn prepositional_tail<'a>(&self, rest: &'a str) -> &'a str {
        let tail_word = |i| {
            alt((
                |i| self.determiner(i),
                |i| self.lower_word(i),
                capitalised_word,
                initials,
            ))
            .parse(i)
        };
        let verb_as_noun = verify(word, |w: &str| self.is_verb_form(w));
        let tail = preceded(
            pair(space, |i| self.preposition(i)),
            (
                preceded(space, alt((tail_word, verb_as_noun))),
                nom::multi::many_m_n(0, 4, preceded(space, tail_word)),
            ),
        );
        match recognize(tail).parse(rest) {
            Ok((after, tail)) if !self.is_manner(tail) => after,
            _ => rest,
        }
    }

    /// Whether a prepositional tail tells how words were said rather than
    /// who said them: "in a low voice", "with an impatient nudge", "in his
    /// gayest manner" ("a man with the papers" is who).
    fn is_manner(&self, tail: &str) -> bool {
        let mut words = tail.split_whitespace();
        let (Some(preposition), Some(next)) = (words.next(), words.next()) else {
            return false;
        };
        self.manner_prepositions.contains(preposition)
            && (self.indefinite_articles.contains(next) || self.possessives.contains_key(next))
    }

    /// possessor = possessive-pronoun | name ("’s" | "'s" | "’" | "'")
    ///
    /// `name_here` reads the name at the start of `i`.
    fn possessor<'a>(
        &self,
        i: &'a str,
        name_here: &dyn Fn() -> Res<'a, &'a str>,
    ) -> Res<'a, Possessor> {
        let base = i.as_ptr() as usize;
        alt((
            |i| {
                let (r, w) = word(i)?;
                match with_lower(w, |l| self.possessives.get(l).copied()) {
                    Some(g) => Ok((r, Possessor::Pronoun(g))),
                    None => fail(i),
                }
            },
            |_| {
                let (r, n) = name_here()?;
                let (r, _) = alt((tag("’s"), tag("'s"), tag("’"), tag("'"))).parse(r)?;
                let s = n.as_ptr() as usize - base;
                Ok((r, Possessor::Name(s, s + n.len())))
            },
        ))
        .parse(i)
    }

    /// Whether `word`, in any case, can head a description of a speaker.
    pub fn is_speaker_noun(&self, word: &str) -> bool {
        with_lower(word, |l| self.speaker_nouns.contains(l))
    }

    fn determiner<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        verify(word, |w: &str| {
            with_lower(w, |l| self.class(l) & DETERMINER != 0)
        })
        .parse(i)
    }

    /// A lower-case word that can be part of a speaker phrase.
    /// Speaker nouns count even when they are verb forms too ("tweet",
    /// "report").
    fn lower_word<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        verify(word, |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                && !w.ends_with("n’t")
                && !w.ends_with("n't")
                && self.class(w) & NOT_SPEAKER == 0
                && (self.speaker_nouns.contains(w)
                    || (!self.is_speech_verb(w)
                        && self.class(w) & (AUXILIARY | PRONOUN | DETERMINER) == 0
                        && !self.prepositions.contains(w)))
        })
        .parse(i)
    }
}

/// The lower-cased words of the pronouns the rules mark with `flag`.
fn pronoun_words(rules: &SpeechRules, flag: fn(&Pronoun) -> bool) -> WordSet {
    rules
        .pronouns
        .iter()
        .filter(|p| flag(p))
        .map(|p| p.word.to_lowercase())
        .collect()
}

/// Word look-ups run on every word near a quote; FNV-1a hashes short words
/// several times faster than the default SipHash, and the word lists come
/// from our own rules files, so hash flooding is not a concern.
#[derive(Debug, Default, Clone, Copy)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// What a word is as a verb of speech: a form that speaks by itself
/// ("said"), and the particles it speaks with ("broke" → "in", "out").
#[derive(Debug, Clone, Default)]
struct VerbForm {
    alone: bool,
    particles: Vec<String>,
}

/// Every speech verb form and every verb form of the phrasal verbs
/// ("broke in"), in lower case.
fn verb_forms(rules: &SpeechRules) -> WordMap<VerbForm> {
    let mut map = WordMap::<VerbForm>::default();
    for form in rules.verbs.iter().flatten() {
        map.entry(form.to_lowercase()).or_default().alone = true;
    }
    for phrase in &rules.phrasal_verbs {
        if let Some((verb, particle)) = phrase.to_lowercase().split_once(' ') {
            let form = map.entry(verb.to_string()).or_default();
            form.particles.push(particle.trim().to_string());
        }
    }
    map
}

type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;
type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// Which shapes (first two bytes and length) the words of a set have: a
/// word of a shape no word of the set has is not in it, found with one
/// bit test instead of hashing the word. Capitalised words are asked
/// about by the thousand whether they are a title, and few are.
#[derive(Debug, Clone)]
struct ShapeFilter {
    bits: Vec<u64>,
}

impl ShapeFilter {
    const BITS: usize = 1 << 14;

    /// The filter of `words`, each without a trailing full stop.
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; Self::BITS / 64];
        for w in words {
            let k = Self::shape(w.trim_end_matches('.'));
            bits[k / 64] |= 1 << (k % 64);
        }
        ShapeFilter { bits }
    }

    /// Whether the set may hold `word`.
    fn may_hold(&self, word: &str) -> bool {
        let k = Self::shape(word);
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }

    fn shape(word: &str) -> usize {
        let b = word.as_bytes();
        let byte = |k: usize| usize::from(b.get(k).copied().unwrap_or(0));
        (byte(0) << 6 ^ byte(1) << 3 ^ b.len().min(63) << 8) % Self::BITS
    }
}

/// Pairs of a noun and a title, keyed by the noun in lower case.
fn by_lower_noun(pairs: &[(String, String)]) -> WordMap<String> {
    pairs
        .iter()
        .map(|(noun, title)| (noun.to_lowercase(), title.clone()))
        .collect()
}

/// A phrase's words, in lower case.
fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// Phrases in lower case, the longer first, so that a phrase is matched
/// before any shorter one it starts with ("my dearest" before "my dear").
fn longest_first(phrases: &[String]) -> Vec<String> {
    let mut lower: Vec<String> = phrases.iter().map(|p| p.to_lowercase()).collect();
    lower.sort_by_key(|p| std::cmp::Reverse(p.len()));
    lower
}

/// Words of a man and of a woman, in lower case, by the gender they say.
fn lower_by_gender(male: &[String], female: &[String]) -> WordMap<Gender> {
    let male = male.iter().map(|w| (w.to_lowercase(), Gender::Male));
    let female = female.iter().map(|w| (w.to_lowercase(), Gender::Female));
    male.chain(female).collect()
}

/// Runs `f` on `word` in lower case, without allocating for the short ASCII
/// words that almost all words are.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 40;
    let bytes = word.as_bytes();
    if word.is_ascii() && !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    if word.is_ascii() && bytes.len() <= MAX {
        let mut buf = [0u8; MAX];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[..bytes.len()].make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(&buf[..bytes.len()]) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// How many words may describe a speaker after the determiner or possessor.
const MAX_DESCRIPTOR_WORDS: usize = 6;

/// The offset in `outer` just after `word`, a slice of it.
fn end_offset(outer: &str, word: &str) -> usize {
    word.as_ptr() as usize - outer.as_ptr() as usize + word.len()
}

/// How many words back a mention may start.
const MAX_MENTION_WORDS: usize = 12;

fn placeholder_name() -> MentionKind {
    MentionKind::Name {
        core: (0, 0),
        title: None,
        modifiers: None,
    }
}

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Whether `c` is a letter or digit, as [`char::is_alphanumeric`] says,
/// with ASCII and the General Punctuation block (curly quotes, dashes, the
/// ellipsis: no letter or digit among them) settled without the Unicode
/// tables, whose look-up costs hundreds of instructions.
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    matches!(c, '-' | '’' | '\'' | '.') || is_letter_or_digit(c)
}

/// word = letters, digits and the joiners - ’ ' . ; a trailing possessive ’s,
/// a final full stop or a dash (--) and what follows is not part of it.
fn word(i: &str) -> Res<'_, &str> {
    let w = &i[..word_char_run(i)];
    // Most words are letters and digits alone, with nothing to trim.
    if !w.is_empty() && w.bytes().all(|b| ASCII_ALNUM[usize::from(b)]) {
        return Ok((&i[w.len()..], w));
    }
    // A double hyphen is a dash between words ("Margaret--my Margaret").
    let w = match w.as_bytes().windows(2).position(|p| p == b"--") {
        Some(k) => &w[..k],
        None => w,
    };
    let mut w = w.trim_end_matches('.');
    for suffix in ["’s", "'s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                w = stem;
            }
        }
    }
    let w = w.trim_end_matches(['’', '\'', '-']);
    if w.is_empty() || !w.chars().next().is_some_and(is_letter_or_digit) {
        return fail(i);
    }
    Ok((&i[w.len()..], w))
}

/// The length of the token a title word may be: letters, digits and full
/// stops, ASCII bytes classed without decoding.
fn token_len(t: &str) -> usize {
    let bytes = t.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if ASCII_ALNUM[usize::from(b)] || b == b'.' {
            end += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let (c, len) = char_at(t, end);
        if !is_letter_or_digit(c) {
            break;
        }
        end += len;
    }
    end
}

/// The length of the run of word characters that `i` opens: ASCII bytes are
/// classed without decoding, since a parse reads a word at almost every
/// step.
fn word_char_run(i: &str) -> usize {
    let bytes = i.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if ASCII_ALNUM[usize::from(b)] || matches!(b, b'-' | b'\'' | b'.') {
            end += 1;
            continue;
        }
        match b.is_ascii() {
            true => break,
            false => {
                let (c, len) = char_at(i, end);
                if !is_word_char(c) {
                    break;
                }
                end += len;
            }
        }
    }
    end
}

/// capitalised-word = upper-case letter, then word characters
fn capitalised_word(i: &str) -> Res<'_, &str> {
    // Most words a name parse meets are in lower case: settled by one
    // character, before the word is read.
    if !i.starts_with(char::is_uppercase) {
        return fail(i);
    }
    verify(word, |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && !w.contains('.')
    })
    .parse(i)
}

/// A chapter number ("XXIX", "II."): it may end a name ("Henry VIII") but
/// never starts one.
fn is_roman_numeral(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.len() > 1 && w.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// initials = (upper-case letter ".")+        (D., U.S.)
fn initials(i: &str) -> Res<'_, &str> {
    recognize(many1(pair(satisfy(char::is_uppercase), char('.')))).parse(i)
}

/// space = " " | no-break space (web copy sets some spaces as U+00A0:
/// "Sen.\u{a0}Lindsey Graham")
fn space(i: &str) -> Res<'_, char> {
    alt((char(' '), char('\u{a0}'))).parse(i)
}

/// name-gap = space | a single line break (hard-wrapped books break lines
/// inside names: "said Mrs.\nDashwood"). The two spaces are spelt out as
/// tags: parsed through [`space`], every name word costs more.
fn name_gap(i: &str) -> Res<'_, &str> {
    alt((
        tag(" \r\n"),
        tag(" \n"),
        tag("\r\n"),
        tag("\n"),
        tag(" "),
        tag("\u{a0}"),
    ))
    .parse(i)
}

/// parenthetical = "(" not-")"{1,20} ")"     ((D-Wis.), (R))
fn parenthetical(i: &str) -> Res<'_, &str> {
    recognize((
        char('('),
        take_while1(|c: char| c != ')' && c != '\n' && c != '('),
        char(')'),
    ))
    .parse(i)
    .and_then(|(r, p)| if p.len() <= 24 { Ok((r, p)) } else { fail(i) })
}

/// The byte ranges of the words in `text[lo..hi]`. Runs over every byte
/// near a quote, so ASCII bytes are classified without decoding a character.
pub fn words_in(text: &str, lo: usize, hi: usize) -> Vec<(usize, usize)> {
    let hi = crate::document::floor_char_boundary(text, hi);
    let lo = crate::document::floor_char_boundary(text, lo.min(hi));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity((hi - lo) / 4);
    let mut at = lo;
    while at < hi {
        let b = bytes[at];
        let len = if ASCII_ALNUM[usize::from(b)] {
            1
        } else if b.is_ascii() {
            at += 1;
            continue;
        } else {
            let (c, len) = char_at(text, at);
            if !is_letter_or_digit(c) {
                at += len;
                continue;
            }
            len
        };
        let end = at + len + word_char_run(&text[at + len..hi]);
        let w = text[at..end].trim_end_matches(['.', '’', '\'', '-']);
        out.push((at, at + w.len()));
        at = end;
    }
    out
}

/// How many bytes of text [`word_starts_backwards`] splits into words at
/// a time.
const BACKWARD_CHUNK: usize = 256;

/// Where the words of `text[lo..hi]` start, as [`words_in`] splits them,
/// from the last: split a chunk at a time from the end, so a scan that
/// stops at a late word never splits the rest. A chunk starts after white
/// space, where the split from `lo` would also be between words.
fn word_starts_backwards(text: &str, lo: usize, hi: usize) -> impl Iterator<Item = usize> + '_ {
    let mut chunk_end = hi;
    let mut chunk: Vec<(usize, usize)> = Vec::new();
    std::iter::from_fn(move || loop {
        if let Some((s, _)) = chunk.pop() {
            return Some(s);
        }
        if chunk_end <= lo {
            return None;
        }
        let from = chunk_end.saturating_sub(BACKWARD_CHUNK).max(lo);
        // After the first white space of the chunk, short of its end (a
        // chunk that holds none runs back to `lo`).
        let chunk_start = text.as_bytes()[from..chunk_end - 1]
            .iter()
            .position(u8::is_ascii_whitespace)
            .filter(|_| from > lo)
            .map_or(lo, |k| from + k + 1);
        chunk = words_in(text, chunk_start, chunk_end);
        chunk_end = chunk_start;
    })
}

/// The first of `words` after the last punctuation that no mention holds
/// (a comma, a colon, a quote mark): a mention ending at the last word
/// starts no earlier, so the words before it are not tried. Only a name's
/// parenthetical may hold them ("(D, Calif.)"), so with a bracket among the
/// words every word is tried.
fn first_after_break(text: &str, words: &[(usize, usize)]) -> usize {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return 0;
    };
    if text[first.0..last.1].contains('(') {
        return 0;
    }
    let breaks = |gap: &str| gap.contains([',', ';', ':', '!', '?', '"', '“', '”']);
    (1..words.len())
        .rev()
        .find(|&k| breaks(&text[words[k - 1].1..words[k].0]))
        .unwrap_or(0)
}

/// Which bytes are ASCII letters and digits, looked up in one load: the
/// tokenisers test nearly every byte near a quote.
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `at` (a character boundary before the end) and
/// its length, with no decoding for an ASCII byte.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

fn strip_possessive(text: &str, s: usize, e: usize) -> usize {
    let t = &text[s..e];
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = t.strip_suffix(suffix) {
            return s + stem.len();
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn words_read_backwards_by_chunks_start_where_words_in_starts_them() {
        let unbroken = "x".repeat(300);
        let text = format!(
            "Mrs. Moore--Jae-in said “Élan é.” O'Brien {unbroken} and\n\nthe—Bath. {}",
            "Ann Lee, the aunt, said so. ".repeat(40)
        );
        for (lo, hi) in [(0, text.len()), (3, text.len() - 5), (10, 400), (0, 0)] {
            let (lo, hi) = (
                crate::document::floor_char_boundary(&text, lo),
                crate::document::floor_char_boundary(&text, hi),
            );
            let forward: Vec<usize> = words_in(&text, lo, hi).iter().map(|w| w.0).rev().collect();
            let backward: Vec<usize> = word_starts_backwards(&text, lo, hi).collect();
            assert_eq!(backward, forward, "{lo}..{hi}");
        }
    }

    #[test]
    fn a_mention_ending_at_a_verb_starts_after_the_last_comma_unless_in_brackets() {
        let lex = lexicon();
        let start_of = |text: &str| lex.mention_ending_at(text, 0, text.len()).map(|m| m.start);
        let text = "Sen. Dianne Feinstein (D, Calif.)";
        assert_eq!(start_of(text), Some(0), "{text}");
        let text = "the rally over, Sen. Dianne Feinstein";
        assert_eq!(start_of(text), text.find("Sen."), "{text}");
    }

    #[test]
    fn the_shape_filter_passes_every_word_of_its_set_and_rules_out_others() {
        let words = ["Mr.", "Sen", "President", "Chief"];
        let filter = ShapeFilter::of(words.into_iter());
        for w in ["Mr", "Sen", "President", "Chief"] {
            assert!(filter.may_hold(w), "{w}");
        }
        for w in ["Donald", "Trump", "Now", "Washington"] {
            assert!(!filter.may_hold(w), "{w}");
        }
    }

    fn lexicon() -> Lexicon {
        Lexicon::new(&RuleSet::embedded().speech)
    }

    /// The name that starts `text`, if one does.
    fn name(text: &str) -> Option<String> {
        lexicon()
            .name_starting_at(text, 0, text.len())
            .map(|m| text[m.start..m.end].to_string())
    }

    fn ending(text: &str) -> Option<(String, MentionKind)> {
        lexicon()
            .mention_ending_at(text, 0, text.len())
            .map(|m| (text[m.start..m.end].to_string(), m.kind))
    }

    #[test]
    fn letters_and_digits_are_told_as_the_unicode_tables_tell_them() {
        let chars = (0..0x3000u32).filter_map(char::from_u32);
        for c in chars.chain(['\u{1d400}', '\u{ff21}', '\u{10ffff}']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn names_with_titles_and_modifiers() {
        let text = "In a response, South Korean President Moon Jae-in";
        let (m, kind) = ending(text).unwrap();
        assert_eq!(m, "South Korean President Moon Jae-in");
        match kind {
            MentionKind::Name { core, title, .. } => {
                assert_eq!(&text[core.0..core.1], "Moon Jae-in");
                assert_eq!(title.as_deref(), Some("President"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mister_and_its_dialect_spellings_are_a_mans_titles() {
        let lex = lexicon();
        for title in ["Mister", "Mistah", "Marse"] {
            assert!(lex.is_title(title), "{title}");
            assert_eq!(lex.word_gender(title), Gender::Male, "{title}");
            let text = format!("said {title} Oakley");
            let (_, kind) = ending(&text).unwrap();
            let MentionKind::Name { core, .. } = kind else {
                panic!("{kind:?}");
            };
            assert_eq!(&text[core.0..core.1], "Oakley");
        }
    }

    #[test]
    fn names_with_initials_particles_and_parentheticals() {
        assert_eq!(ending("then Paul D. Ryan").unwrap().0, "Paul D. Ryan");
        assert_eq!(
            ending("as Charles de Gaulle").unwrap().0,
            "Charles de Gaulle"
        );
        assert_eq!(
            ending("said Rep. Gwen Moore (D-Wis.)").unwrap().0,
            "Rep. Gwen Moore (D-Wis.)"
        );
        assert_eq!(ending("and Kim Jong Un").unwrap().0, "Kim Jong Un");
    }

    #[test]
    fn auxiliaries_between_speaker_and_verb_are_skipped() {
        assert_eq!(ending("Kim has").unwrap().0, "Kim");
        assert_eq!(ending("Moon also").unwrap().0, "Moon");
    }

    #[test]
    fn pronouns() {
        assert_eq!(
            ending("he").unwrap().1,
            MentionKind::Pronoun(Gender::Male, Number::Singular)
        );
        assert!(matches!(
            ending("And she").unwrap().1,
            MentionKind::Pronoun(Gender::Female, _)
        ));
    }

    #[test]
    fn descriptors() {
        let text = "four months later, South Korea’s president";
        let (m, kind) = ending(text).unwrap();
        assert_eq!(m, "South Korea’s president");
        assert!(
            matches!(kind, MentionKind::Descriptor { ref head, possessor: Some(Possessor::Name(..)), .. } if head == "president")
        );
        assert_eq!(
            ending("a spokeswoman for the ministry").unwrap().0,
            "a spokeswoman for the ministry"
        );
        assert_eq!(
            ending("the States, its Foreign Ministry").unwrap().0,
            "its Foreign Ministry"
        );
        assert_eq!(ending("and police").unwrap().0, "police");
        assert_eq!(ending("the economist").unwrap().0, "the economist");
        assert_eq!(ending("said the 46-year-old").unwrap().0, "the 46-year-old");
        assert!(ending("This prompted").is_none());
        assert_eq!(
            ending("said a 2008 Clinton veteran").unwrap().0,
            "a 2008 Clinton veteran"
        );
    }

    #[test]
    fn organisations() {
        assert_eq!(ending("the White House").unwrap().0, "the White House");
        assert_eq!(
            ending("said the Daily Caller").unwrap().0,
            "the Daily Caller"
        );
    }

    #[test]
    fn a_mention_after_a_verb() {
        let lex = lexicon();
        let text = "said Hugh Hill, a doctor.";
        let m = lex.mention_starting_at(text, 4, text.len()).unwrap();
        assert_eq!(&text[m.start..m.end], "Hugh Hill");
    }

    #[test]
    fn a_description_after_a_verb_ends_before_how_it_was_said() {
        let lex = lexicon();
        let after_said = |text: &str| {
            let m = lex.mention_starting_at(text, 5, text.len()).unwrap();
            text[m.start..m.end].to_string()
        };
        assert_eq!(after_said("said the Coroner deliberately."), "the Coroner");
        assert_eq!(after_said("said the old man sadly."), "the old man");
        assert_eq!(after_said("said the Queen in a low voice."), "the Queen");
        assert_eq!(after_said("said the Hatter with his grin."), "the Hatter");
        // Who, not how: these phrases stay.
        assert_eq!(
            after_said("said the man with the papers."),
            "the man with the papers"
        );
        assert_eq!(
            after_said("said a spokeswoman for the ministry."),
            "a spokeswoman for the ministry"
        );
        assert_eq!(after_said("said the elderly man."), "the elderly man");
    }

    #[test]
    fn cues_include_verbs_and_source_phrases() {
        let lex = lexicon();
        let text = "Moon told reporters, according to aides";
        let cues = lex.cues_in(text, 0, text.len());
        let found: Vec<&str> = cues.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, vec!["told", "according to"]);
        assert!(cues[1].source_phrase);
    }

    #[test]
    fn full_names_around_a_short_one() {
        let lex = lexicon();
        let text = "U.S. President Donald Trump met him.";
        let s = text.find("Trump").unwrap();
        let (a, b) = lex.name_around(text, s, s + 5);
        assert_eq!(&text[a..b], "Donald Trump");
    }

    #[test]
    fn chapter_headings_are_no_names() {
        assert_eq!(name("CHAPTER XXVIII"), None);
        assert_eq!(name("Chapter 4"), None);
        assert_eq!(name("XXIX"), None);
        assert_eq!(name("Henry VIII said"), Some("Henry VIII".to_string()));
    }

    #[test]
    fn doctrines_are_no_names_but_listed_words_with_their_endings_are() {
        assert_eq!(name("Post Impressionism, indeed!"), None);
        assert_eq!(name("Hinduism is old"), None);
        let kept = name("Western Journalism said");
        assert_eq!(kept.as_deref(), Some("Western Journalism"));
        assert_eq!(name("Miss Prism said").as_deref(), Some("Miss Prism"));
    }
}
