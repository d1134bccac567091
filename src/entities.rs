//! Entities: the canonical speaker behind a mention. "Moon", "he" and "South
//! Korea’s president" all become "Moon Jae-in", the fullest form of the name the
//! article uses, titles stripped.

use foldhash::{HashMap, HashSet};

use crate::attribution::Attribution;
use crate::document::{capitalise, one_line};
use crate::grammar::speech::{Lexicon, MentionHit, MentionKind, Possessor};
use crate::names::{Fullest, NameIndex, MAX_NAME_WORDS};
use crate::rules::Gender;

/// How far (bytes) before "her mother" the people a kin noun's title
/// names are counted, when the family name does not say who she is: a few
/// chapters' worth (measured on PDNC dev's 67 such quotes with a script:
/// 5,000 bytes named 33 right, 20,000 and 40,000 named 40).
const KIN_REACH: usize = 20_000;

/// How far back (bytes) a pronoun looks for its antecedent: in a long
/// article the person "he" means may last have been named a few
/// paragraphs back.
const ANTECEDENT_REACH: usize = 4000;

/// The same reach in a book, where the dialogue brings many more people
/// and names them more often. (On PDNC dev, with the names' reach at
/// 2000: 1500 gave 14 fewer right than 4000, 2000 five more, 2500 thirteen
/// more, 3000 eight more, 3500 the same. In news 2500 gave PolNeAR train
/// one fewer, and some "he"s fell to capitalised words.)
const BOOK_ANTECEDENT_REACH: usize = 2500;

/// How far back (bytes) a pronoun in a book looks for a person named
/// anywhere in a sentence: every name there is read, so half the reach of
/// subjects (on PDNC dev, against 2,000: 800 bytes gave 45 fewer right,
/// 3,000 14 more, 4,000 18 fewer and 11% more instructions).
const NAMED_REACH: usize = 2000;

/// How long (bytes) the narration closing a paragraph of dialogue must
/// run to set the scene of the next paragraph for the dialogue (see
/// [`Resolver::scene_start_of`]). On PDNC dev, 13 more right at 100; 50,
/// 75, 150, 200 and 400 gave 10, 9, 5, 5 and 1, and any tail at all 4
/// fewer. For the pronouns' own scene it did not help (11 fewer at 100).
const MIN_SCENE_TAIL: usize = 100;

/// How far (bytes) a sentence subject is looked for from the sentence start.
const SUBJECT_REACH: usize = 200;

/// How far (bytes) after a comma a word leading into a clause is looked
/// for: white space and the longest such word ("presently").
const MAX_CLAUSE_OPENER: usize = 12;

/// How far back (bytes) a relative pronoun looks for what it stands for.
const RELATIVE_REACH: usize = 120;

/// How many people back a pronoun looks, at most, in each of its searches
/// (the speakers, the subjects, the names); past them it goes on to its
/// next search. On PDNC dev, 15 to 30 gave 18 to 21 more right than 40,
/// and 20 the most; 10 gave 39 fewer, 60 gave 7 more.
const MAX_CANDIDATES: usize = 20;

/// How many sentences back a pronoun looks for subjects, at most: a bound
/// on the work where many sentences in reach open with no name ("Suddenly.
/// Suddenly. …"), far above what prose within reach holds.
const MAX_SENTENCES_BACK: usize = 4 * MAX_CANDIDATES;

/// How many pronoun subjects, each standing for the one before, are
/// followed back at most: a bound on the depth of the calls. Chains are
/// resolved as quotes come, so they are short: on PDNC dev any bound from
/// 4 to 64 gives the same.
const MAX_CHAIN: usize = 16;

/// A name seen as a speaker or a sentence subject, for pronouns to refer to.
#[derive(Debug, Clone)]
struct Person {
    at: usize,
    name: String,
    gender: Gender,
}

/// Where a sentence starts, and its subject once a pronoun has looked
/// back at it (`None` until then): most sentences are never looked at.
struct Sentence {
    start: usize,
    subject: Option<Option<Subject>>,
}

/// A sentence subject. Its canonical name is found when a pronoun first
/// looks at it: naming one reads every occurrence of its last word.
struct Subject {
    at: usize,
    gender: Gender,
    name: Named,
}

/// A subject's canonical name, or what it is found from: the name's core
/// and its title; or none, when its only word is doubtful ("Sometimes").
enum Named {
    Known(String),
    Pending((usize, usize), Option<String>),
    /// "He" or "She" opening a sentence of a book's narration: whoever
    /// the pronoun stands for there, so that a chain of them carries the
    /// person the narration is about ("… pleased Aziz. He sat down. He
    /// heard …").
    Pronoun,
    Nobody,
}

/// Resolves mentions to canonical names within one document. Its maps are
/// keyed by names from the article, hashed with a randomly seeded hasher.
pub struct Resolver<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    /// Canonical name of each short name already resolved.
    names: HashMap<String, String>,
    /// Every name of the article, built on first need.
    index: Option<NameIndex<'a>>,
    /// Named speakers so far, in text order.
    speakers: Vec<Person>,
    /// How often a book writes "the" before each title asked about.
    roles: HashMap<String, usize>,
    /// The person each name of the narration a pronoun looked back at
    /// stands for, and the gender its words say, by where it starts: the
    /// next pronoun reads most of the same names.
    read_names: HashMap<usize, Option<(String, Gender)>>,
    /// Whether the book writes each surname asked about after a given
    /// name ([`Self::has_given_names`]).
    families: HashMap<String, bool>,
    /// The names of `speakers`: people, whose gender the pronouns after
    /// them tell (a place's or a party's may seem to have one).
    speaker_names: HashSet<String>,
    /// The sentences found so far, in text order, whose subjects pronouns
    /// may stand for: the text is scanned once, up to
    /// `subjects_scanned_to`, as quotes come in order.
    sentences: Vec<Sentence>,
    subjects_scanned_to: usize,
    /// How many pronoun subjects are being resolved, one through the next.
    chain_depth: usize,
    quoted: Vec<(usize, usize)>,
    /// Whether the text is a book: there a titled surname ("Mr. Herriton")
    /// is how the narration names one person, and a full name with that
    /// surname ("Philip Herriton") is most often another of the family.
    book: bool,
}

impl<'a> Resolver<'a> {
    /// `quoted` are the byte ranges of the quotes, in order: the words people
    /// say are not the narrative, so no sentence subject is taken from them.
    /// `book` says whether the text is a book.
    pub fn new(
        lexicon: &'a Lexicon,
        text: &'a str,
        quoted: Vec<(usize, usize)>,
        book: bool,
    ) -> Self {
        Resolver {
            lexicon,
            text,
            quoted,
            book,
            names: crate::names::sized_map(),
            index: None,
            speakers: Vec::new(),
            roles: HashMap::default(),
            read_names: HashMap::default(),
            families: HashMap::default(),
            speaker_names: HashSet::default(),
            sentences: Vec::new(),
            subjects_scanned_to: 0,
            chain_depth: 0,
        }
    }

    /// The canonical speaker for a mention.
    pub fn speaker(&mut self, mention: &MentionHit) -> Option<String> {
        match &mention.kind {
            MentionKind::Name { core, title, .. } => {
                match self.without_doubtful_word(core.0, core.1) {
                    Some((s, e)) => Some(self.canonical(s, e, title.as_deref())),
                    // "Aides have also suggested …": a speaker noun that
                    // opens a sentence stands as written.
                    None => {
                        let written = &self.text[core.0..core.1];
                        self.lexicon
                            .is_speaker_noun(written)
                            .then(|| written.to_string())
                    }
                }
            }
            // The narrator is named, if at all, once the whole book is read.
            MentionKind::Pronoun(..)
                if self
                    .lexicon
                    .is_narrator_pronoun(&self.text[mention.start..mention.end]) =>
            {
                None
            }
            MentionKind::Pronoun(..) if self.is_relative(mention) => {
                self.relative_antecedent(mention.start)
            }
            MentionKind::Pronoun(gender, _) => {
                self.antecedent(mention.start, *gender).map(|p| p.name)
            }
            MentionKind::Descriptor {
                head,
                possessor: Some(possessor),
                ..
            } if self.lexicon.is_voice_noun(head) => self.voice_owner(mention, possessor),
            MentionKind::Descriptor {
                head, possessor, ..
            } => Some(self.describe(mention, head, possessor.as_ref())),
        }
    }

    /// Whose "voice", "answer" or "reply" `mention` is: its possessor's
    /// ("Marianne's reply"; "her voice" is the woman "she" would be), or
    /// nobody's when the possessor is no one known. An owned voice is no
    /// speaker of its own ("a voice" may be).
    fn voice_owner(&mut self, mention: &MentionHit, possessor: &Possessor) -> Option<String> {
        match possessor {
            &Possessor::Name(s, e) => {
                let owner = self.lexicon.name_starting_at(self.text, s, e)?;
                self.speaker(&owner)
            }
            // In a book only: news introduces whoever it quotes.
            &Possessor::Pronoun(g @ (Gender::Male | Gender::Female)) if self.book => {
                self.antecedent(mention.start, g).map(|p| p.name)
            }
            Possessor::Pronoun(_) => None,
        }
    }

    /// Whom a "who" at `at` stands for: the name or description right
    /// before it ("Lionel Sosa, a consultant who …", "officials who …").
    fn relative_antecedent(&mut self, at: usize) -> Option<String> {
        let lo = crate::document::floor_char_boundary(self.text, at.saturating_sub(RELATIVE_REACH));
        let before = self.lexicon.mention_ending_at(self.text, lo, at)?;
        match before.kind {
            MentionKind::Pronoun(..) => None,
            MentionKind::Descriptor { .. } => {
                // "Lionel Sosa, a Texas consultant who …": the description
                // is in apposition to a name.
                let apposed = self.text[lo..before.start]
                    .trim_end()
                    .strip_suffix(',')
                    .and_then(|b| self.lexicon.mention_ending_at(self.text, lo, lo + b.len()))
                    .filter(|m| matches!(m.kind, MentionKind::Name { .. }));
                self.speaker(apposed.as_ref().unwrap_or(&before))
            }
            MentionKind::Name { .. } => self.speaker(&before),
        }
    }

    /// Remembers a named speaker, so later pronouns can refer to it. A
    /// guess copies an earlier quote's mention: it is noted no earlier
    /// than the speaker before it, so the list stays in text order for
    /// `latest_speaker`'s search, and the copied speaker counts as just
    /// heard (on PDNC dev, 14 more right than at the copied mention's place).
    pub fn note(&mut self, attribution: &Attribution) {
        if let (Some(name), Some((start, end))) = (&attribution.speaker, attribution.mention) {
            let at = start.max(self.speakers.last().map_or(0, |p| p.at));
            if !self.lexicon.is_description(&self.text[start..end]) {
                if self.book {
                    self.speaker_names.insert(name.clone());
                }
                self.speakers.push(Person {
                    at,
                    name: name.clone(),
                    gender: self.gender_of_words(start, end),
                });
            }
        }
    }

    /// Whether a description is someone's voice ("her voice", "his
    /// answer"), which names no one but its owner.
    pub fn is_owned_voice(&self, mention: &MentionHit) -> bool {
        matches!(&mention.kind, MentionKind::Descriptor { head, possessor: Some(_), .. }
            if self.lexicon.is_voice_noun(head))
    }

    /// Whether a mention is a relative pronoun ("who"): with nothing it
    /// stands for, it names nobody.
    pub fn is_relative(&self, mention: &MentionHit) -> bool {
        self.lexicon
            .is_relative_pronoun(&self.text[mention.start..mention.end])
    }

    /// The gender of the person a canonical name stands for: from its
    /// title or given name, else from the pronouns that follow its words.
    pub fn gender_of(&mut self, name: &str) -> Gender {
        match self.gender_of_title_or_given_name(name) {
            Gender::Any => self.index_mut().gender(name),
            g => g,
        }
    }

    /// The gender the first word of a canonical name says, as a title or
    /// a given name.
    fn gender_of_title_or_given_name(&self, name: &str) -> Gender {
        name.split_whitespace()
            .next()
            .map(|w| self.lexicon.word_gender(w))
            .filter(|g| matches!(g, Gender::Male | Gender::Female))
            .unwrap_or(Gender::Any)
    }

    /// Whether the word at `text[s..e]` is a common word: one the text
    /// also writes in lower case ("Exactly, and no oars.").
    pub fn is_common_word(&mut self, s: usize, e: usize) -> bool {
        let word = &self.text[s..e];
        self.index_mut().is_lower_case_word(word)
    }

    /// Whether a book writes the name as a place ("in Bath"): a place is
    /// nobody, though the dialogue may call out to it.
    pub fn is_place(&mut self, name: &str) -> bool {
        self.book && self.index_mut().is_place(name)
    }

    /// The name `text[s..e]` without a doubtful first word ("Sometimes
    /// Katharine" → "Katharine"), or `None` when nothing is left.
    fn without_doubtful_word(&mut self, s: usize, e: usize) -> Option<(usize, usize)> {
        self.index_mut().without_doubtful_word(s, e)
    }

    fn index_mut(&mut self) -> &mut NameIndex<'a> {
        let (lexicon, text, book) = (self.lexicon, self.text, self.book);
        self.index
            .get_or_insert_with(|| NameIndex::new(lexicon, text, book))
    }

    /// The fullest name in the article that contains every word of the short
    /// name `text[s..e]`; the first such name in the text wins a tie.
    ///
    /// A gendered title narrows the choice: "Mrs. Wilcox" is not the "Charles
    /// Wilcox" the article calls "Mr.", and when several full names share
    /// the surname ("Henry Wilcox", "Charles Wilcox") it stays "Mrs. Wilcox".
    /// A gendered title also stays when no fuller name is found: "Mrs.
    /// Honeychurch" and her son "Honeychurch" are two people. In a book any
    /// title always stays on a surname (see `book`): "Dr. Grant" is not his
    /// son "Tom Grant". Only an unmarried woman's title gives way: "Miss
    /// Quested" is "Adela Quested" when that is the one full name the book
    /// gives a woman of that surname. News names a person in full first
    /// and "Mr. Trump" or "Dr. Carson" after; a book that calls someone by a
    /// given name far more often than by the full name ("Elizabeth", not
    /// "Elizabeth Bennet") keeps the given name.
    fn canonical(&mut self, s: usize, e: usize, title: Option<&str>) -> String {
        let short = one_line(&self.text[s..e]).into_owned();
        // A title alone ("said Mademoiselle") is the person the text gives
        // that title, the nearest first.
        if title.is_none() && self.lexicon.is_title(&short) {
            return self.titled(&short, None, s).unwrap_or(short);
        }
        let gender = title.map_or(Gender::Any, |t| self.lexicon.word_gender(t));
        // A book keeps any title on a surname ("Dr. Grant" beside "Mrs.
        // Grant"); news only a gendered one.
        let kept_title = title.filter(|_| gender != Gender::Any || self.book);
        let key = match kept_title {
            Some(t) => format!("{t} {short}"),
            None => short.clone(),
        };
        if let Some(full) = self.names.get(&key) {
            return full.clone();
        }
        let titled_surname = kept_title.is_some() && !short.contains(' ');
        if titled_surname && self.book {
            // "Dr. Aziz" in a book that mostly says "Aziz" is Aziz.
            if title.is_some_and(|t| self.index_mut().is_mostly_untitled(&short, t)) {
                let bare = self.canonical(s, e, None);
                self.names.insert(key, bare.clone());
                return bare;
            }
            let maiden = title.is_some_and(|t| self.lexicon.is_maiden_title(t));
            let full = maiden
                .then(|| self.sole_full_name(&short, gender))
                .flatten();
            let best = full.unwrap_or_else(|| key.clone());
            self.names.insert(key, best.clone());
            return best;
        }
        let book = self.book;
        let index = self.index_mut();
        let best = match index.fullest(&short, gender) {
            Fullest::Name(full) => {
                let full = full.to_string();
                let given = full
                    .strip_prefix(short.as_str())
                    .is_some_and(|rest| rest.starts_with(' '));
                match book && given && index.outnumbers(&short, &full) {
                    true => key.clone(),
                    false => full,
                }
            }
            Fullest::Ambiguous => key.clone(),
            Fullest::None => self.usual_form(&short, key.clone(), title.is_none()),
        };
        self.names.insert(key, best.clone());
        best
    }

    /// The fullest name ending with `surname` when no other name of
    /// `gender` shares the surname and its given name says `gender`.
    fn sole_full_name(&mut self, surname: &str, gender: Gender) -> Option<String> {
        let full = match self.index_mut().fullest(surname, gender) {
            Fullest::Name(full) => full.to_string(),
            _ => return None,
        };
        let first = full.split_whitespace().next()?;
        (full.ends_with(surname) && self.lexicon.word_gender(first) == gender).then_some(full)
    }

    /// A one-word name with no fuller form, in a book that mostly gives it
    /// one title: with that title ("Astley" → "Mr. Astley"), as the book
    /// names that person. Otherwise `key`, the name as found.
    fn usual_form(&mut self, short: &str, key: String, untitled: bool) -> String {
        if !self.book || !untitled || short.contains(' ') {
            return key;
        }
        match self.index_mut().usual_title(short) {
            Some(t) => format!("{t} {short}"),
            None => key,
        }
    }

    /// The person a pronoun at `at` refers to: the latest named speaker or
    /// sentence subject before it whose gender does not contradict it. A
    /// "he" or "she" first looks for the nearest person known to be of that
    /// gender, within reach.
    fn antecedent(&mut self, at: usize, gender: Gender) -> Option<Person> {
        self.scan_subjects_to(at);
        let floor = at.saturating_sub(self.antecedent_reach());
        // An organisation (neuter) is "it" only: "they" in a story is most
        // often people.
        let fits = |g: Gender| match g {
            Gender::Neuter => gender == Gender::Neuter,
            _ => gender == Gender::Any || g == Gender::Any || g == gender,
        };
        // "Perfetta burst into congratulations. “What courage!” she cried":
        // the last person the paragraph names comes first: one known to be
        // of the pronoun's gender as a subject or speaker, then (in a book)
        // anywhere in it; then, in the narration of the paragraph before,
        // the last such subject or speaker before anyone it only mentions
        // ("She flushed. … in the case of Mary Datchet. ¶ “…,” she
        // inquired" is the woman the narration is about: on PDNC dev, 56
        // more right than the last woman named); then one whose gender is
        // unknown; then the last person of that gender in reach,
        // in a book first as a subject or speaker within the names' reach,
        // then as named anywhere there (on PDNC dev, 81 more right for
        // naming anywhere; 83 more for subjects first, once "He" opening a
        // sentence was a subject).
        let para_start = self.paragraph_start(floor, at);
        let gendered = matches!(gender, Gender::Male | Gender::Female);
        let same = |g: Gender| g == gender;
        if gendered {
            if let Some(p) = self.latest_either(at, para_start, same) {
                return Some(p);
            }
        }
        if gendered && self.book {
            let lo = self.scene_start(floor, para_start);
            let found = self
                .latest_named(para_start, at, gender)
                .or_else(|| self.latest_either(para_start, lo, same))
                .or_else(|| self.latest_named(lo, para_start, gender));
            if found.is_some() {
                return found;
            }
        }
        if let Some(p) = self.latest_either(at, para_start, fits) {
            return Some(p);
        }
        if gendered && self.book {
            let lo = at.saturating_sub(NAMED_REACH).max(floor);
            let lo = crate::document::floor_char_boundary(self.text, lo);
            // "Mr. Weber spoke of Mr. Fielding. … “…,” he said": within
            // the same reach, the last person of the gender who was a
            // subject or spoke comes before one only named, now that a "He"
            // opening a sentence is a subject too (on PDNC dev, 83 more
            // right: 289 gained, 206 lost).
            if let Some(p) = self.latest_either(at, lo, same) {
                return Some(p);
            }
            if let Some(p) = self.latest_named(lo, at, gender) {
                return Some(p);
            }
        }
        if gendered {
            if let Some(p) = self.latest_either(at, floor, same) {
                return Some(p);
            }
        }
        let speaker = self.latest_speaker(at, 0, fits);
        let floor = speaker.as_ref().map_or(floor, |p| p.at + 1).max(floor);
        let subject = self.latest_subject(at, floor, fits);
        subject.or(speaker)
    }

    /// How far back a pronoun looks for its antecedent.
    fn antecedent_reach(&self) -> usize {
        if self.book {
            BOOK_ANTECEDENT_REACH
        } else {
            ANTECEDENT_REACH
        }
    }

    /// Where the narration that sets the scene of the text at `at` starts,
    /// as the dialogue weighs it: where pronouns look first
    /// ([`Self::scene_start`], unbounded), or, when the paragraph before
    /// holds quotes, after its last quote mark if the narration that closes
    /// it runs [`MIN_SCENE_TAIL`] bytes or more ("“Yes,” said Katharine.
    /// She went on knitting … Mrs. Hilbery held a book … ¶ “We've all had
    /// perfect husbands,” she concluded" is Mrs. Hilbery's).
    pub fn scene_start_of(&self, at: usize) -> usize {
        let para_start = self.paragraph_start(0, at);
        if para_start < 2 {
            return para_start;
        }
        let before = self.paragraph_start(0, para_start - 2);
        let last_mark = self.text[before..para_start]
            .rmatch_indices(['"', '“', '”'])
            .next();
        match last_mark.map(|(k, mark)| before + k + mark.len()) {
            None => before,
            Some(tail) if para_start - tail >= MIN_SCENE_TAIL => tail,
            Some(_) => para_start,
        }
    }

    /// Where the narration that sets a paragraph's scene starts: the
    /// paragraph before when that is narration alone, else the paragraph's
    /// own start.
    fn scene_start(&self, floor: usize, para_start: usize) -> usize {
        if para_start < floor + 2 {
            return para_start;
        }
        let before = self.paragraph_start(floor, para_start - 2);
        let narration = !self.text[before..para_start].contains(['"', '“', '”']);
        if narration {
            before
        } else {
            para_start
        }
    }

    /// The last person of `gender` the narration in `text[lo..at]` names,
    /// anywhere in a sentence ("she was overtaken by Wickham"), outside
    /// quotes; at most [`MAX_CANDIDATES`] names are looked at. A name's
    /// gender is what its title or given name says, or, for someone who
    /// has spoken, what the pronouns after it say.
    fn latest_named(&mut self, lo: usize, at: usize, gender: Gender) -> Option<Person> {
        self.latest_named_such(lo, at, |g| g == gender, |_, _| true)
            .map(|(p, _)| p)
    }

    /// The last man or woman the narration in `text[lo..at]` names (as
    /// [`Self::latest_named`] reads it) whose canonical name `keep`
    /// accepts, with where that name is written.
    pub fn latest_person_named(
        &mut self,
        lo: usize,
        at: usize,
        keep: impl Fn(&str) -> bool,
    ) -> Option<(String, (usize, usize))> {
        let person = |g: Gender| matches!(g, Gender::Male | Gender::Female);
        self.latest_named_such(lo, at, person, |_, p| keep(&p.name))
            .map(|(p, span)| (p.name, span))
    }

    /// [`Self::latest_named`], among the people whose gender `fits` and
    /// whom `keep` accepts, with where the name is written.
    fn latest_named_such(
        &mut self,
        lo: usize,
        at: usize,
        fits: impl Fn(Gender) -> bool,
        mut keep: impl FnMut(&mut Self, &Person) -> bool,
    ) -> Option<(Person, (usize, usize))> {
        let (lexicon, text) = (self.lexicon, self.text);
        let mut looked_at = 0;
        let mut found = None;
        lexicon.last_name_in_such(text, lo, at, |m| {
            looked_at += 1;
            // Giving up stops the scan; `found` is still `None`.
            if looked_at > MAX_CANDIDATES {
                return true;
            }
            found = self
                .person_named(m)
                .filter(|p| fits(p.gender) && keep(self, p))
                .map(|p| (p, (m.start, m.end)));
            found.is_some()
        })?;
        found
    }

    /// Whom a quote at `at` means when it calls someone by a title and a
    /// surname that a family shares: in a book the narration gives most of
    /// its people their given names, and "Miss Bennet" or "Mr. Emerson"
    /// said to someone is one of the daughters or sons the book calls
    /// "Elizabeth" or "George". So the name called (`name`, canonical) is
    /// the last speaker before the quote of the title's gender whose name,
    /// written with that surname, the book has ("Elizabeth Bennet"), else
    /// the last such person the narration names. "Mrs." is left alone: it
    /// is how a book names a married woman herself. On PDNC dev, 124 more
    /// right (134 gained, 10 lost); with "Mrs." too, the same gain from
    /// more changes; without looking at speakers first, 93.
    pub fn called_by_family_name(&mut self, name: String, at: usize) -> String {
        let Some((gender, surname)) = self.shared_family_name(&name) else {
            return name;
        };
        if !self.has_given_names(&surname) {
            return name;
        }
        let lo = crate::document::floor_char_boundary(self.text, at.saturating_sub(NAMED_REACH));
        let of_family =
            |r: &mut Self, p: &Person| p.name != name && r.is_of_family(&p.name, &surname);
        if let Some(p) = self.latest_speaker_such(at, lo, |g| g == gender, of_family) {
            return p.name;
        }
        self.latest_named_such(lo, at, |g| g == gender, of_family)
            .map_or(name, |(p, _)| p.name)
    }

    /// The gender and surname of a book's canonical name made of a title
    /// and a surname, if the title is one a family's children share: a
    /// man's, or an unmarried woman's.
    fn shared_family_name(&self, name: &str) -> Option<(Gender, String)> {
        if !self.book {
            return None;
        }
        let (title, surname) = name.split_once(' ')?;
        if surname.contains(' ') || !self.lexicon.is_title(title) {
            return None;
        }
        match self.lexicon.word_gender(title) {
            Gender::Male => Some((Gender::Male, surname.to_string())),
            Gender::Female if self.lexicon.is_maiden_title(title) => {
                Some((Gender::Female, surname.to_string()))
            }
            _ => None,
        }
    }

    /// Whether the book writes `surname` after a given name anywhere (a
    /// capitalised word other than a title): if not, no one is of that
    /// family but whoever the titled name already is ("Mr. Fielding"), and
    /// [`Self::called_by_family_name`] need not look. Read once a surname.
    fn has_given_names(&mut self, surname: &str) -> bool {
        if let Some(&known) = self.families.get(surname) {
            return known;
        }
        let found = self.index_mut().follows_given_name(surname);
        self.families.insert(surname.to_string(), found);
        found
    }

    /// Whether the canonical name of a person is of the family `surname`
    /// names, as a son or a daughter: it ends with the surname after a
    /// given name, or, a given name alone, the book writes it with the
    /// surname ("Elizabeth Bennet"); "Mrs. Bennet" is their mother.
    fn is_of_family(&mut self, person: &str, surname: &str) -> bool {
        let titled_surname = person
            .split_once(' ')
            .is_some_and(|(first, rest)| rest == surname && self.lexicon.is_title(first));
        if titled_surname {
            return false;
        }
        match person.contains(' ') {
            true => person
                .strip_suffix(surname)
                .is_some_and(|r| r.ends_with(' ')),
            false => self.index_mut().is_written(&format!("{person} {surname}")),
        }
    }

    /// The person a name outside quotes stands for, with the gender known
    /// of them.
    fn person_named(&mut self, m: &MentionHit) -> Option<Person> {
        if self.outside_quotes(m.start) != Some(m.start) {
            return None;
        }
        let (name, said) = match self.read_names.get(&m.start) {
            Some(read) => read.clone()?,
            None => {
                let read = self
                    .speaker(m)
                    .map(|name| (name, self.gender_of_words(m.start, m.end)));
                self.read_names.insert(m.start, read.clone());
                read?
            }
        };
        let known = match said {
            Gender::Any if self.speaker_names.contains(&name) => self.gender_of(&name),
            said => said,
        };
        Some(Person {
            at: m.start,
            name,
            gender: known,
        })
    }

    /// The person the narration before `at` was last about: the latest
    /// sentence subject within a pronoun's reach that is someone rather
    /// than "it" and not `not`, and where it is written. For a book's quote
    /// that nothing else attributes ("In a moment or two he was back. ¶
    /// “No good.”").
    pub fn last_subject(&mut self, at: usize, not: Option<&str>) -> Option<(String, usize)> {
        self.scan_subjects_to(at);
        let floor = at.saturating_sub(self.antecedent_reach());
        let mut before = at;
        loop {
            let p = self.latest_subject(before, floor, |g| g != Gender::Neuter)?;
            if not != Some(p.name.as_str()) {
                return Some((p.name, p.at));
            }
            before = p.at;
        }
    }

    /// The later of the latest sentence subject and the latest speaker
    /// before `at`, no earlier than `floor`, whose gender `fits`.
    fn latest_either(
        &mut self,
        at: usize,
        floor: usize,
        fits: impl Fn(Gender) -> bool + Copy,
    ) -> Option<Person> {
        let subject = self.latest_subject(at, floor, fits);
        let speaker = self.latest_speaker(at, floor, fits);
        [subject, speaker]
            .into_iter()
            .flatten()
            .max_by_key(|p| p.at)
    }

    /// Where the paragraph holding `at` starts (after the last blank line),
    /// or `floor` when it starts before that.
    fn paragraph_start(&self, floor: usize, at: usize) -> usize {
        // The last line break that follows another, found by line breaks
        // from the end: a paragraph is a few lines, the reach many.
        let bytes = &self.text.as_bytes()[floor..at];
        memchr::memrchr_iter(b'\n', bytes)
            .find(|&k| k > 0 && bytes[k - 1] == b'\n')
            .map_or(floor, |k| floor + k + 1)
    }

    /// The latest named speaker before `at`, no earlier than `floor`,
    /// whose known gender `fits`; at most [`MAX_CANDIDATES`] are looked at.
    fn latest_speaker(
        &mut self,
        at: usize,
        floor: usize,
        fits: impl Fn(Gender) -> bool,
    ) -> Option<Person> {
        self.latest_speaker_such(at, floor, fits, |_, _| true)
    }

    /// [`Self::latest_speaker`], among the speakers `keep` accepts (asked
    /// before their gender is worked out).
    fn latest_speaker_such(
        &mut self,
        at: usize,
        floor: usize,
        fits: impl Fn(Gender) -> bool,
        mut keep: impl FnMut(&mut Self, &Person) -> bool,
    ) -> Option<Person> {
        let end = self.speakers.partition_point(|p| p.at < at);
        for k in (0..end).rev().take(MAX_CANDIDATES) {
            if self.speakers[k].at < floor {
                return None;
            }
            let p = self.speakers[k].clone();
            if keep(self, &p) && fits(self.known_gender(&p)) {
                return Some(p);
            }
        }
        None
    }

    /// The latest sentence subject before `at`, no earlier than `floor`,
    /// whose known gender `fits`, among [`MAX_CANDIDATES`]. Sentences are
    /// read back from `at`; a subject lies within [`SUBJECT_REACH`] of its
    /// sentence's start, so the reading stops where the starts fall that
    /// far below `floor`.
    fn latest_subject(
        &mut self,
        at: usize,
        floor: usize,
        fits: impl Fn(Gender) -> bool,
    ) -> Option<Person> {
        let end = self.sentences.partition_point(|s| s.start < at);
        let mut looked_at = 0;
        for k in (0..end).rev().take(MAX_SENTENCES_BACK) {
            if looked_at == MAX_CANDIDATES || self.sentences[k].start + SUBJECT_REACH <= floor {
                return None;
            }
            let Some(subject_at) = self.subject_start(k).filter(|&s| s < at) else {
                continue;
            };
            if subject_at < floor {
                return None;
            }
            looked_at += 1;
            let Some(p) = self.subject(k) else {
                continue;
            };
            if fits(self.known_gender(&p)) {
                return Some(p);
            }
        }
        None
    }

    /// A person's gender: as their words say, else as the article says.
    /// In a book, only someone who has spoken takes a gender from the
    /// pronouns after their name: "Paper was brought, and his pen" makes
    /// no man of Paper (on PDNC dev, 27 more right).
    fn known_gender(&mut self, p: &Person) -> Gender {
        match p.gender {
            Gender::Any if self.book && !self.speaker_names.contains(&p.name) => {
                self.gender_of_title_or_given_name(&p.name)
            }
            Gender::Any => self.gender_of(&p.name),
            g => g,
        }
    }

    /// Where the subject of the `k`th sentence starts, parsing it now if
    /// no pronoun has looked at it yet; none if it has none.
    fn subject_start(&mut self, k: usize) -> Option<usize> {
        if self.sentences[k].subject.is_none() {
            let subject = self.subject_at(self.sentences[k].start);
            self.sentences[k].subject = Some(subject);
        }
        self.sentences[k].subject.as_ref()?.as_ref().map(|s| s.at)
    }

    /// The subject of the `k`th sentence (already parsed) as a person,
    /// named now if it was not yet; none when its only word is doubtful.
    fn subject(&mut self, k: usize) -> Option<Person> {
        let subject = self.sentences[k].subject.as_ref()?.as_ref()?;
        let (at, gender) = (subject.at, subject.gender);
        let name = match &subject.name {
            Named::Known(name) => name.clone(),
            Named::Nobody => return None,
            Named::Pronoun => {
                if self.chain_depth >= MAX_CHAIN {
                    return None;
                }
                self.chain_depth += 1;
                let named = self.antecedent(at, gender).map(|p| p.name);
                self.chain_depth -= 1;
                if let Some(Some(subject)) = self.sentences[k].subject.as_mut() {
                    subject.name = named.clone().map_or(Named::Nobody, Named::Known);
                }
                named?
            }
            Named::Pending(core, title) => {
                let (core, title) = (*core, title.clone());
                let named = self
                    .without_doubtful_word(core.0, core.1)
                    .map(|(s, e)| self.canonical(s, e, title.as_deref()));
                if let Some(Some(subject)) = self.sentences[k].subject.as_mut() {
                    subject.name = named.clone().map_or(Named::Nobody, Named::Known);
                }
                named?
            }
        };
        Some(Person { at, name, gender })
    }

    /// Extends the list of sentence subjects to the sentences that start
    /// before `hi`. A sentence starts at the text start and after `.`, `!` or
    /// `?` (not at line breaks: in hard-wrapped books most are mid-sentence),
    /// but not after a title's stop: "… by the time Mrs.\nMoore came back"
    /// is one sentence.
    fn scan_subjects_to(&mut self, hi: usize) {
        let from = self.subjects_scanned_to;
        if hi <= from {
            return;
        }
        let mut starts = Vec::new();
        if from == 0 {
            starts.push(0);
        }
        let bytes = self.text.as_bytes();
        for k in memchr::memchr3_iter(b'.', b'!', b'?', &bytes[from..hi]) {
            if crate::attribution::is_full_stop(self.text, from + k) {
                starts.push(from + k + 1);
            }
        }
        self.subjects_scanned_to = hi;
        if self.book {
            self.push_clause_starts(from, hi, &mut starts);
        }
        for s in starts {
            // A stop inside a quote ends the sentence at its closing mark:
            // `…Scotland Yard." Gregory tried …` starts a sentence after it.
            let Some(start) = self.outside_quotes(s) else {
                continue;
            };
            // Only a word that may start a name opens a subject: "x. x."
            // and "He said …" open none.
            let bound = self.subject_bound(start);
            let opens = self.subject_lead(start, bound).is_some_and(|(at, _)| {
                self.lexicon
                    .may_start_name(self.text[at..bound].trim_start())
            });
            if opens {
                self.sentences.push(Sentence {
                    start,
                    subject: None,
                });
            } else if let Some(subject) = self.pronoun_subject(start, bound) {
                self.sentences.push(Sentence {
                    start,
                    subject: Some(Some(subject)),
                });
            }
        }
    }

    /// Adds to `starts` (sentence starts in `text[from..hi]`, in order) the
    /// clauses inside a book's sentences that may open with a subject of
    /// their own: after a semicolon ("…; Katharine pressed on"), and after
    /// a comma and a word leading into a clause when a name and a
    /// lower-case word other than a preposition or "and"/"or" follow (",
    /// and Louisa came in"), which a list's last name does not (", and
    /// E. W. B. Childers (rather lined)", ", and Louisa to come"). On
    /// PDNC dev, 35 more right (81 gained, 46 lost); semicolons alone gave
    /// 7, any comma before a clause opener 25, allowing a preposition
    /// after the name 31, asking a semicolon's clause for the name too 23.
    fn push_clause_starts(&self, from: usize, hi: usize, starts: &mut Vec<usize>) {
        let before = starts.len();
        let bytes = self.text.as_bytes();
        for k in memchr::memchr2_iter(b';', b',', &bytes[from..hi]) {
            let at = from + k + 1;
            if bytes[at - 1] == b';' || self.opens_named_clause(at, hi) {
                starts.push(at);
            }
        }
        if starts.len() > before {
            starts.sort_unstable();
        }
    }

    /// Whether a word leading into a clause ("and", "but") starts at `at`,
    /// followed by a name and a lower-case word that may be its verb.
    fn opens_named_clause(&self, at: usize, hi: usize) -> bool {
        if !word_then_capital(&self.text.as_bytes()[at..hi]) {
            return false;
        }
        let lead_end = (at + MAX_CLAUSE_OPENER).min(hi);
        let lead_end = crate::document::floor_char_boundary(self.text, lead_end);
        let Some(after) = self.lexicon.after_clause_opener(self.text, at, lead_end) else {
            return false;
        };
        let bound = self.subject_bound(after);
        let rest = self.text[after..bound].trim_start();
        let Some(name) = self
            .lexicon
            .name_starting_at(self.text, bound - rest.len(), bound)
        else {
            return false;
        };
        let next = first_word(self.text[name.end..bound].trim_start());
        next.starts_with(char::is_lowercase)
            && !self.lexicon.is_preposition(next)
            && !self.lexicon.is_list_conjunction(next)
    }

    /// A book's sentence that opens with "He" or "She" (or "Then he", or
    /// "As the door opened, he"), as a subject to be resolved when a later
    /// pronoun looks back at it.
    fn pronoun_subject(&self, start: usize, bound: usize) -> Option<Subject> {
        if !self.book {
            return None;
        }
        if !self.text[start..bound]
            .trim_start()
            .starts_with(char::is_uppercase)
        {
            return None;
        }
        // "Then he turned": a word leading into the clause comes first.
        let from = self
            .lexicon
            .after_clause_opener(self.text, start, bound)
            .unwrap_or(start);
        let opening = self.text[from..bound].trim_start();
        // "As the door opened, he smiled": the subject may follow an
        // opening phrase (on PDNC dev, 6 more right, besides the 11 of a
        // clause opener before a name in `subject_lead`).
        let lead = match self.lexicon.pronoun_gender(first_word(opening)) {
            Some(_) => opening,
            None => after_opening_phrase(opening)?,
        };
        let gender = self.lexicon.pronoun_gender(first_word(lead))?;
        matches!(gender, Gender::Male | Gender::Female).then(|| Subject {
            at: bound - lead.len(),
            gender,
            name: Named::Pronoun,
        })
    }

    /// `at` itself when it is outside every quote; the end of the quote
    /// it is in when only closing marks are left of that quote; else none.
    fn outside_quotes(&self, at: usize) -> Option<usize> {
        let k = self.quoted.partition_point(|&(open, _)| open < at);
        match k.checked_sub(1).map(|j| self.quoted[j].1) {
            Some(close) if at < close => {
                let rest = self.text.get(at..close)?;
                (!rest.chars().any(char::is_alphanumeric)).then_some(close)
            }
            _ => Some(at),
        }
    }

    /// How far a sentence's subject may reach from its start (a character
    /// boundary).
    fn subject_bound(&self, start: usize) -> usize {
        let bound = (start + SUBJECT_REACH).min(self.text.len());
        crate::document::floor_char_boundary(self.text, bound)
    }

    /// Where the name that may open the sentence at `start` (reaching to
    /// `bound`, its [`Self::subject_bound`]) is looked for, and whether it
    /// follows "the": "The IMF did not …" names an organisation, a subject
    /// only "it" can stand for. In a book it may follow an opening clause
    /// ([`Self::after_subordinate_clause`]). None when the sentence opens
    /// with no capitalised word.
    fn subject_lead(&self, start: usize, bound: usize) -> Option<(usize, bool)> {
        let mut lead = self.text[start..bound].trim_start();
        // "But Mr. Emerson was only half interested": in a book, a word
        // leading into the clause comes first (on PDNC dev, 11 more right).
        let opener = self.book.then(|| {
            let at = bound - lead.len();
            self.lexicon.after_clause_opener(self.text, at, bound)
        });
        if let Some(end) = opener.flatten() {
            let rest = self.text[end..bound].trim_start();
            if rest.starts_with(char::is_uppercase) {
                lead = rest;
            }
        }
        if self.book {
            lead = self.after_subordinate_clause(lead);
        }
        if !lead.starts_with(char::is_uppercase) {
            return None;
        }
        Some(match after_article(lead) {
            Some(rest) => (bound - rest.len(), true),
            None => (bound - lead.len(), false),
        })
    }

    /// In a book, what follows a sentence's opening phrase when that phrase
    /// opens with a word no name starts with and the phrase ends at a comma
    /// inside the sentence, outside quotes, before a capitalised word: "As
    /// their cab approached the entrance, Katharine bent forward" is about
    /// Katharine (on PDNC dev, 29 more right: 45 gained, 16 lost; reading
    /// past a stop or a quote mark to the first comma instead gave 8
    /// fewer). Otherwise `lead` itself.
    fn after_subordinate_clause<'l>(&self, lead: &'l str) -> &'l str {
        if !lead.starts_with(char::is_uppercase) || self.lexicon.may_start_name(lead) {
            return lead;
        }
        let Some(rest) = after_opening_phrase(lead) else {
            return lead;
        };
        let phrase = &lead[..lead.len() - rest.len()];
        let inside = !phrase.contains(['.', '!', '?', ';', ':', '"', '“', '”']);
        match inside && rest.starts_with(char::is_uppercase) {
            true => rest,
            false => lead,
        }
    }

    /// The name that opens the sentence at `start`, if it opens with one.
    fn subject_at(&mut self, start: usize) -> Option<Subject> {
        let bound = self.subject_bound(start);
        let (s, organisation) = self.subject_lead(start, bound)?;
        let m = self.lexicon.name_starting_at(self.text, s, bound)?;
        if is_opener_word(&self.text[m.start..m.end]) {
            return None;
        }
        let MentionKind::Name { core, title, .. } = m.kind else {
            return None;
        };
        let words = self.text[core.0..core.1].split_whitespace().count();
        if core.1 <= core.0 || words > MAX_NAME_WORDS {
            return None;
        }
        let organisation = organisation && !self.is_character_role(core);
        // An organisation is named as written: it has no short forms to
        // look up, and most sentences opening with "The" name none.
        let (name, gender) = match organisation {
            true => {
                let (s, e) = self.without_doubtful_word(core.0, core.1)?;
                (
                    Named::Known(one_line(&self.text[s..e]).into_owned()),
                    Gender::Neuter,
                )
            }
            false => (
                Named::Pending(core, title),
                self.gender_of_words(m.start, m.end),
            ),
        };
        Some(Subject {
            at: m.start,
            name,
            gender,
        })
    }

    /// Whether a book's "The Grandmother" or "The King" opening a sentence
    /// is a person: one word, which pronouns after it make a man or a
    /// woman ("The Strand" and "The Thorpes" are no one's).
    fn is_character_role(&mut self, (s, e): (usize, usize)) -> bool {
        let word = &self.text[s..e];
        self.book
            && !word.contains(char::is_whitespace)
            && (!word.ends_with('s') || self.lexicon.is_title(word))
            && matches!(self.gender_of(word), Gender::Male | Gender::Female)
    }

    /// The gender a title or given name among `text[start..end]` says.
    fn gender_of_words(&self, start: usize, end: usize) -> Gender {
        self.text[start..end]
            .split_whitespace()
            .map(|w| self.lexicon.word_gender(w))
            .find(|g| *g != Gender::Any)
            .unwrap_or(Gender::Any)
    }

    /// Who "his wife" or "her mother" at `at` is, in a book: the person
    /// the book calls by the kin noun's title and the owner's family name
    /// ("Mr. Bennet"'s wife is "Mrs. Bennet"), when the book does and that
    /// is someone else, else the chapters' usual bearer of the title.
    fn kin(&mut self, head: &str, gender: Gender, at: usize) -> Option<String> {
        if !self.book {
            return None;
        }
        let title = self.lexicon.kin_title(head)?.to_string();
        let owner = self.antecedent(at, gender).map(|p| p.name);
        if let Some(owner) = &owner {
            if let Some(kin) = self.family_kin(owner, &title) {
                return Some(kin);
            }
        }
        self.usual_titled_near(&title, at, owner.as_deref())
    }

    /// The person the book calls by `title` and `owner`'s family name
    /// ("Mr. Bennet"'s wife is "Mrs. Bennet"), when it does and that is
    /// someone else.
    fn family_kin(&mut self, owner: &str, title: &str) -> Option<String> {
        let family = self.family_name(owner)?;
        let kin = format!("{title} {family}");
        (kin != owner && self.index_mut().is_written(&kin)).then_some(kin)
    }

    /// Whom the book has called by `title` most often in the [`KIN_REACH`]
    /// bytes before `at`, the latest on a tie, other than `owner`: "her
    /// mother" whose daughter is only ever "Elinor" is the "Mrs. Dashwood"
    /// of the chapters around.
    fn usual_titled_near(&mut self, title: &str, at: usize, owner: Option<&str>) -> Option<String> {
        let lo = at.saturating_sub(KIN_REACH);
        let titled = self.index_mut().titled_in(title, lo, at);
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::default();
        for (k, (_, written)) in titled.iter().enumerate() {
            let entry = counts.entry(written).or_insert((0, k));
            *entry = (entry.0 + 1, k);
        }
        let mut ranked: Vec<(usize, usize, &str)> =
            counts.into_iter().map(|(w, (n, k))| (n, k, w)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        for (_, k, _) in ranked {
            let hit = self.lexicon.name_starting_at(self.text, titled[k].0, at);
            let person = hit.and_then(|hit| self.speaker(&hit));
            if person.is_some() && person.as_deref() != owner {
                return person;
            }
        }
        None
    }

    /// Who "the other" at `at` is: the latest named speaker within reach
    /// who is not the last one.
    fn other_speaker(&self, at: usize) -> Option<String> {
        let end = self.speakers.partition_point(|p| p.at < at);
        let last = &self.speakers[end.checked_sub(1)?].name;
        let floor = at.saturating_sub(self.antecedent_reach());
        self.speakers[..end]
            .iter()
            .rev()
            .take_while(|p| p.at >= floor)
            .find(|p| &p.name != last)
            .map(|p| p.name.clone())
    }

    /// Who "the girl" or "the old gentleman" (`mention`, headed by `head`)
    /// is, in a book: the person a pronoun of the noun's gender there would
    /// stand for. News introduces whoever it describes; a book describes its
    /// own people.
    fn person_described(
        &mut self,
        mention: &MentionHit,
        head: &str,
        possessor: Option<&Possessor>,
    ) -> Option<String> {
        let gender = self.lexicon.noun_gender(head);
        let gendered = matches!(gender, Gender::Male | Gender::Female);
        if !self.book || possessor.is_some() || !gendered {
            return None;
        }
        // "the Invisible Man" is how the book names someone.
        let written = &self.text[mention.start..mention.end];
        let mut after_article = written.split_whitespace().skip(1);
        if after_article.any(|w| w.starts_with(char::is_uppercase)) {
            return None;
        }
        self.antecedent(mention.start, gender).map(|p| p.name)
    }

    /// The family name of a canonical name: its last word, or that of the
    /// full name a book names a person by a given name for ("Elizabeth" is
    /// "Elizabeth Bennet").
    fn family_name(&mut self, name: &str) -> Option<String> {
        let last = name.split_whitespace().next_back()?;
        if name.contains(' ') {
            return Some(last.to_string());
        }
        match self.index_mut().fullest(name, Gender::Any) {
            Fullest::Name(full) if full.starts_with(name) => {
                full.split_whitespace().next_back().map(str::to_string)
            }
            _ => Some(last.to_string()),
        }
    }

    /// A descriptor names the person the article gives that title ("South
    /// Korea’s president" → "South Korean President Moon Jae-in"), or the owner of
    /// a possessive ("its Foreign Ministry" → "North Korea’s Foreign Ministry");
    /// otherwise it stands as written.
    fn describe(
        &mut self,
        mention: &MentionHit,
        head: &str,
        possessor: Option<&Possessor>,
    ) -> String {
        let written =
            one_line(organisation_name(&self.text[mention.start..mention.end])).into_owned();
        let possessor_name = match possessor {
            Some(Possessor::Name(s, e)) => Some(self.text[*s..*e].to_string()),
            _ => None,
        };
        if let Some(person) = self.titled(head, possessor_name.as_deref(), mention.start) {
            return person;
        }
        // "her ladyship" is whoever the text calls "Lady", the nearest first.
        let honorific = self.lexicon.honorific_title(head);
        if let Some(person) = honorific.and_then(|t| self.titled(t, None, mention.start)) {
            return person;
        }
        if let Some(&Possessor::Pronoun(g @ (Gender::Male | Gender::Female))) = possessor {
            if let Some(person) = self.kin(head, g, mention.start) {
                return person;
            }
        }
        let other = self.book && possessor.is_none() && self.lexicon.is_other_noun(head);
        if let Some(person) = other.then(|| self.other_speaker(mention.start)).flatten() {
            return person;
        }
        if let Some(person) = self.person_described(mention, head, possessor) {
            return person;
        }
        if let Some(Possessor::Pronoun(Gender::Neuter | Gender::Any)) = possessor {
            if let Some(owner) = self.last_possessor_name(mention.start) {
                let rest = written.split_once(' ').map_or("", |(_, r)| r);
                return format!("{owner}’s {rest}");
            }
        }
        written
    }

    /// A name given `title` (the descriptor's head, capitalised) in the article,
    /// whose modifiers agree with the possessor; the nearest one before `at`
    /// first, else the first after.
    fn titled(&mut self, head: &str, possessor: Option<&str>, at: usize) -> Option<String> {
        let title = capitalise(head);
        if !self.lexicon.is_title(&title) {
            return None;
        }
        let needle = format!("{title} ");
        let mut before = None;
        let mut after = None;
        let mut named = 0;
        for pos in memchr::memmem::find_iter(self.text.as_bytes(), needle.as_bytes()) {
            let name_start = pos + needle.len();
            let Some(m) = self.lexicon.mention_starting_at(
                self.text,
                name_start,
                (name_start + 80).min(self.text.len()),
            ) else {
                continue;
            };
            let MentionKind::Name { core, .. } = m.kind else {
                continue;
            };
            // "Dame Dame": a title after a title names nobody (and would
            // send `canonical` back here).
            if self.lexicon.is_title(&self.text[core.0..core.1]) {
                continue;
            }
            if let Some(p) = possessor {
                let from = crate::document::floor_char_boundary(self.text, pos.saturating_sub(40));
                let modifiers = &self.text[from..pos];
                if !modifiers_agree(modifiers, p) {
                    continue;
                }
            }
            named += 1;
            if pos < at {
                before = Some(core);
            } else if after.is_none() {
                after = Some(core);
            }
        }
        if self.book && self.role_outnumbers_names(&title, named) {
            return None;
        }
        let (s, e) = before.or(after)?;
        Some(self.canonical(s, e, None))
    }

    /// Whether a book calls someone "the General" more often than it
    /// gives the title to names ("General Perovski"): then "the General"
    /// is that person's name in the book, not a short form of the others.
    fn role_outnumbers_names(&mut self, title: &str, named: usize) -> bool {
        let bytes = self.text.as_bytes();
        let count = |article: &str| {
            let needle = format!("{article} {title}");
            memchr::memmem::find_iter(bytes, needle.as_bytes()).count()
        };
        let roles = match self.roles.get(title) {
            Some(&n) => n,
            None => {
                let n = count("the") + count("The");
                self.roles.insert(title.to_string(), n);
                n
            }
        };
        roles > named
    }

    /// The nearest "Name’s" before `at`, in the same stretch of text.
    fn last_possessor_name(&self, at: usize) -> Option<String> {
        let lo = crate::document::floor_char_boundary(self.text, at.saturating_sub(400));
        let slice = &self.text[lo..at];
        let mut found = None;
        for suffix in ["’s ", "'s "] {
            for (k, _) in slice.match_indices(suffix) {
                let end = lo + k;
                let word_start = self.text[..end]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
                    .map_or(0, |(p, c)| p + c.len_utf8());
                let (a, b) = self.lexicon.name_around(self.text, word_start, end);
                if b > a && found.as_ref().is_none_or(|(fe, _)| end > *fe) {
                    found = Some((end, self.text[a..b].to_string()));
                }
            }
        }
        found.map(|(_, name)| name)
    }
}

/// A single capitalised word that opens a sentence and reads as a participle
/// or adverb ("Stepping …", "Determined …", "Reportedly …") is not a name.
pub(crate) fn is_opener_word(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.ends_with("ing") || text.ends_with("ed") || text.ends_with("ly"))
}

/// "the White House" names "White House": an article before a capitalised
/// name is dropped from the speaker.
fn organisation_name(written: &str) -> &str {
    after_article(written).unwrap_or(written)
}

/// The letters `text` opens with.
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
}

/// Whether `bytes` open with white space, a lower-case word, white space
/// and a capital (or a letter beyond ASCII): the shape of ", and Louisa",
/// checked before any look-up, since most commas are followed by none.
fn word_then_capital(bytes: &[u8]) -> bool {
    let spaces = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let word = spaces(0);
    let end = word
        + bytes[word..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
    let next = spaces(end);
    end > word
        && next > end
        && bytes
            .get(next)
            .is_some_and(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// What follows the first comma of a sentence's opening phrase.
fn after_opening_phrase(text: &str) -> Option<&str> {
    text.find(", ").map(|k| &text[k + 2..])
}

/// What follows "the" when a capitalised name does ("the White House", "The
/// IMF did …"): the name of an organisation.
fn after_article(text: &str) -> Option<&str> {
    // Compared as bytes: a search for the first space costs more than
    // the look-up it saves, at every sentence start.
    if !text.as_bytes().get(..4)?.eq_ignore_ascii_case(b"the ") {
        return None;
    }
    let rest = &text[4..];
    rest.starts_with(char::is_uppercase).then_some(rest)
}

/// "South Korean" agrees with the possessor "South Korea": the words before the
/// title start with the possessor's stem.
fn modifiers_agree(before_title: &str, possessor: &str) -> bool {
    let stem_len = possessor
        .len()
        .saturating_sub(2)
        .max(3)
        .min(possessor.len());
    let stem = &possessor[..crate::document::floor_char_boundary(possessor, stem_len)];
    before_title
        .trim_end()
        .ends_with(|c: char| c.is_alphanumeric())
        && before_title
            .rsplit([',', '.', '\n'])
            .next()
            .is_some_and(|tail| tail.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn noted_speakers_stay_in_text_order() {
        let rules = RuleSet::embedded();
        let lexicon = Lexicon::new(&rules.speech);
        let text = "\"Hello,\" said Carl. \"Hi,\" said Bert. \"How are you?\"";
        let mut resolver = Resolver::new(&lexicon, text, Vec::new(), true);
        let said = |name: &str, rule: &'static str| Attribution {
            speaker: Some(name.to_string()),
            mention: text.find(name).map(|s| (s, s + name.len())),
            cue: None,
            rule,
        };
        resolver.note(&said("Carl", "verb-speaker-after"));
        resolver.note(&said("Bert", "verb-speaker-after"));
        // The third quote is guessed Carl's, with his mention copied.
        resolver.note(&said("Carl", "turn-taking"));
        let places: Vec<usize> = resolver.speakers.iter().map(|p| p.at).collect();
        assert!(places.is_sorted(), "{places:?}");
        assert_eq!(
            resolver.speakers.last().map(|p| p.name.as_str()),
            Some("Carl")
        );
    }
}
