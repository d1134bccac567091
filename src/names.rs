//! The names an article uses, for turning a short name into the full one and
//! for telling a name from a capitalised word that opens a sentence.
//!
//! The places of a capitalised word are found when the word is first asked
//! about (a news article asks about a few dozen words; a book has all its
//! capitalised words indexed in one pass), and the names around a word are
//! parsed only when a short name holding that word is looked up. Parsing
//! every capitalised run of a long book costs far more than parsing the few
//! hundred places its speakers' names occur.

use std::cell::Cell;

use foldhash::{HashMap, HashSet};

use crate::document::one_line;
use crate::grammar::speech::{is_letter_or_digit, is_word_char, Lexicon};
use crate::rules::Gender;

/// How far (bytes) after a name a "he" or "she" counts as its gender.
const VOTE_REACH: usize = 160;

/// How far (bytes) after a short name's first use its full name may still
/// be introduced.
const INTRODUCTION_REACH: usize = 3000;

/// How long (bytes) a book must be to name each of its people inside a
/// sentence somewhere: a novella is several times longer.
const WHOLE_BOOK: usize = 100_000;

/// How many bytes of text may be scanned searching for words one by one
/// before the whole text is indexed instead: indexing costs about as much
/// as twenty searches, so a news article searches for the few dozen words
/// it asks about and a book is indexed at once.
const SEARCH_BUDGET: usize = 256 * 1024;

/// How many times more often a book must use a given name alone than the
/// full name it starts for the given name to be the person's name.
const SHORT_NAME_PREVAILS: usize = 4;

/// How often a book must give a shared surname a man's title for the
/// surname alone to be that man.
const MIN_MANS_TITLE_USES: usize = 3;

/// How often, in percent of its uses, a book must write a name after a
/// preposition of place for it to be a place.
const MIN_PLACE_SHARE: usize = 15;

/// How many times, at least, a book must write a name after a preposition
/// of place for it to be a place.
const MIN_PLACE_USES: usize = 3;

/// Names longer than this many words are not names.
pub(crate) const MAX_NAME_WORDS: usize = 4;

/// The names of one article. Its maps are keyed by words from the article,
/// so they use a hasher seeded at random per process (foldhash): as hard to
/// flood as it needs to be, and several times faster than SipHash on short
/// words, which these maps hash by the thousand.
pub(crate) struct NameIndex<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    /// Whether the text is a book (hard-wrapped), not a news article.
    book: bool,
    /// Where each capitalised word asked about occurs, in text order: found
    /// by searching for it, within [`SEARCH_BUDGET`], then by indexing the
    /// whole text at once.
    occurrences: HashMap<&'a str, Vec<usize>>,
    /// Words searched for that the text does not have, capitalised.
    absent: HashSet<String>,
    /// Whether `occurrences` holds every capitalised word.
    indexed: bool,
    /// Whether the text has a phrase ("Mrs. Bennet"), looked up once.
    written: HashMap<String, bool>,
    /// Whether the article uses a capitalised word inside a sentence, looked
    /// up once. A word seen capitalised only where every word is ("Owing
    /// to …", "Sometimes Katharine …") may be any word.
    attested: HashMap<&'a str, bool>,
    /// Whether a word occurs in lower case in the article, looked up once.
    in_lower_case: HashMap<&'a str, bool>,
    /// Words whose occurrences have been read as names.
    read: HashSet<&'a str>,
    /// Where the names already counted start: a name is met once through
    /// each of its words.
    counted: HashSet<usize>,
    names: Vec<Name>,
    by_text: HashMap<String, usize>,
    /// The names holding each word, among those read so far.
    by_word: HashMap<String, Vec<usize>>,
    /// The gender the pronouns give each name asked about.
    genders: HashMap<String, Gender>,
    /// Whether each name asked about is written as a place.
    places: HashMap<String, bool>,
}

/// One distinct name (titles stripped) and what its occurrences say.
struct Name {
    text: String,
    uses: usize,
    /// Where it first occurs.
    first_at: usize,
    /// Whether it is seen after a man's title, and after a woman's.
    titled: (bool, bool),
    /// Each title it is given ("Mr.", "Professor"), with how often, in the
    /// order first given.
    titles: Vec<(String, usize)>,
    /// Where each of its occurrences ends.
    ends: Vec<usize>,
    /// How often a "he" word, and a "she" word, first follows it, over its
    /// first so many occurrences: counted when asked, as most names' gender
    /// never is, and brought up to date when it has been read again since.
    votes: Cell<((u32, u32), usize)>,
}

/// What the article's names say about a short name.
pub(crate) enum Fullest<'n> {
    /// Its full form.
    Name(&'n str),
    /// Several people share it.
    Ambiguous,
    /// No longer name holds it.
    None,
}

impl<'a> NameIndex<'a> {
    pub(crate) fn new(lexicon: &'a Lexicon, text: &'a str, book: bool) -> Self {
        NameIndex {
            lexicon,
            text,
            book,
            occurrences: sized_map(),
            absent: HashSet::default(),
            indexed: false,
            written: HashMap::default(),
            attested: sized_map(),
            in_lower_case: HashMap::default(),
            read: sized_set(),
            counted: sized_set(),
            names: Vec::with_capacity(EXPECTED_NAMES),
            by_text: sized_map(),
            by_word: sized_map(),
            genders: HashMap::default(),
            places: HashMap::default(),
        }
    }

    /// Whether the capitalised word at `at` opens a sentence, is never
    /// capitalised elsewhere and is written in lower case somewhere
    /// ("owing", "sometimes"), so may be any word. Titles are never doubtful.
    /// In news a word never seen otherwise ("Melania") is taken as a name; a
    /// whole book names each of its people inside a sentence somewhere, so
    /// there such a word is doubtful too ("Minutes later, …").
    pub(crate) fn is_doubtful(&mut self, at: usize) -> bool {
        let text = self.text;
        if !is_sentence_initial(text, at) {
            return false;
        }
        let word = word_at(text, at);
        let dotted_title = text[at + word.len()..].starts_with('.')
            && self.lexicon.is_title(&text[at..at + word.len() + 1]);
        let doubtful = !self.lexicon.is_title(word) && !dotted_title && !self.is_attested(word);
        doubtful && (self.book && text.len() >= WHOLE_BOOK || self.is_lower_case_word(word))
    }

    /// Whether `word` occurs in lower case somewhere in the text.
    pub(crate) fn is_lower_case_word(&mut self, word: &'a str) -> bool {
        let text = self.text;
        *self
            .in_lower_case
            .entry(word)
            .or_insert_with(|| occurs_in_lower_case(text, word))
    }

    /// Whether `surname` stands somewhere after a given name: a
    /// capitalised word other than a title right before it.
    pub(crate) fn follows_given_name(&mut self, surname: &str) -> bool {
        let (lexicon, text) = (self.lexicon, self.text);
        self.occurrences_of(surname).is_some_and(|(_, places)| {
            places.iter().any(|&at| {
                let word = word_before(text, at);
                word.starts_with(char::is_uppercase) && !lexicon.is_title(word)
            })
        })
    }

    /// Whether the text has `phrase` anywhere, as written.
    pub(crate) fn is_written(&mut self, phrase: &str) -> bool {
        let text = self.text;
        *self
            .written
            .entry(phrase.to_string())
            .or_insert_with(|| memchr::memmem::find(text.as_bytes(), phrase.as_bytes()).is_some())
    }

    /// Whether `word` occurs capitalised inside a sentence somewhere.
    fn is_attested(&mut self, word: &'a str) -> bool {
        if let Some(&known) = self.attested.get(word) {
            return known;
        }
        let text = self.text;
        let attested = self
            .occurrences_of(word)
            .is_some_and(|(_, places)| places.iter().any(|&at| !is_sentence_initial(text, at)));
        self.attested.insert(word, attested);
        attested
    }

    /// The text's own copy of the capitalised word `word` and where it
    /// occurs as a whole word, if it does.
    fn occurrences_of(&mut self, word: &str) -> Option<(&'a str, &[usize])> {
        if !self.occurrences.contains_key(word) {
            self.search(word)?;
        }
        let (&key, places) = self.occurrences.get_key_value(word)?;
        Some((key, places))
    }

    /// Finds where a word not yet asked about occurs: by searching for it
    /// while within budget, else by indexing the whole text. `None` when the
    /// text does not have it.
    fn search(&mut self, word: &str) -> Option<()> {
        if self.indexed || self.absent.contains(word) {
            return None;
        }
        let searched = self.occurrences.len() + self.absent.len();
        if (searched + 1) * self.text.len() > SEARCH_BUDGET {
            self.index_every_capitalised_word();
            return self.occurrences.contains_key(word).then_some(());
        }
        let found = find_capitalised(self.text, word);
        let Some(&first) = found.first() else {
            self.absent.insert(word.to_string());
            return None;
        };
        let key = &self.text[first..first + word.len()];
        self.occurrences.insert(key, found);
        Some(())
    }

    /// The name `text[s..e]` without a doubtful first word ("Sometimes
    /// Katharine" → "Katharine"), or `None` when nothing is left.
    pub(crate) fn without_doubtful_word(&mut self, s: usize, e: usize) -> Option<(usize, usize)> {
        if !self.is_doubtful(s) {
            return Some((s, e));
        }
        let text = self.text;
        let first = word_at(text, s).len().min(e - s);
        let rest = &text[s + first..e];
        let next = s + first + (rest.len() - rest.trim_start().len());
        (next < e && text[next..e].starts_with(char::is_uppercase)).then_some((next, e))
    }

    /// The full form of `short` among the names holding every word of it,
    /// with `short` at its start or end ("Donald Trump" for "Trump",
    /// "Katharine Hilbery" for "Katharine") before names that only contain
    /// it ("Kim Jong Un" for "Jong"); then the most used, then the longest.
    /// A man's or woman's title (`gender`) rules out names only ever titled
    /// the other way, and a titled surname that several full names end with
    /// is ambiguous.
    pub(crate) fn fullest(&mut self, short: &str, gender: Gender) -> Fullest<'_> {
        let words: Vec<&str> = short.split_whitespace().collect();
        let Some(last) = words.last() else {
            return Fullest::None;
        };
        self.read_word(last);
        let Some(candidates) = self.by_word.get(*last) else {
            return Fullest::None;
        };
        let contradicts = |n: usize| {
            let name = &self.names[n];
            let said = self.gender_said(name);
            match gender {
                Gender::Male => name.titled == (false, true) || said == Gender::Female,
                Gender::Female => name.titled == (true, false) || said == Gender::Male,
                _ => false,
            }
        };
        // A full name is introduced before the short one is used alone, or
        // soon after (a headline may come first), or recurs; one met once,
        // long after, is someone or something else ("left Margaret Howards
        // End").
        let short_first = self
            .by_text
            .get(short)
            .map_or(usize::MAX, |&n| self.names[n].first_at);
        let introduced = |n: usize| {
            self.names[n].uses > 1
                || self.names[n].first_at <= short_first.saturating_add(INTRODUCTION_REACH)
        };
        let score = |n: usize| {
            let cw: Vec<&str> = self.names[n].text.split_whitespace().collect();
            let longer =
                cw.len() > words.len() && words.iter().all(|w| cw.contains(w)) && introduced(n);
            let at_edge = cw.ends_with(&words) || cw.starts_with(&words);
            (longer && !contradicts(n)).then_some((
                at_edge,
                self.names[n].uses,
                cw.len(),
                std::cmp::Reverse(n),
            ))
        };
        let scored: Vec<_> = candidates
            .iter()
            .filter_map(|&n| score(n).map(|s| (s, n)))
            .collect();
        let surnamed = scored
            .iter()
            .filter(|(_, n)| self.names[*n].text.ends_with(short))
            .count();
        if gender != Gender::Any && words.len() == 1 && surnamed > 1 {
            return Fullest::Ambiguous;
        }
        match scored.into_iter().max() {
            Some((_, n)) => Fullest::Name(&self.names[n].text),
            None => Fullest::None,
        }
    }

    /// Where the text writes `title` ("Mrs.") before a capitalised word in
    /// `text[lo..hi]`, with that word ("Dashwood" of "Mrs. Dashwood").
    pub(crate) fn titled_in(&mut self, title: &str, lo: usize, hi: usize) -> Vec<(usize, &'a str)> {
        let text = self.text;
        let word = title.trim_end_matches('.');
        let Some((_, places)) = self.occurrences_of(word) else {
            return Vec::new();
        };
        let from = places.partition_point(|&at| at < lo);
        let to = places.partition_point(|&at| at < hi);
        places[from..to]
            .iter()
            .filter(|&&at| at + title.len() <= hi && text[at..].starts_with(title))
            .filter_map(|&at| {
                let after = at + title.len();
                let rest = &text[after..hi];
                let gap = rest.len() - rest.trim_start().len();
                let name = word_at(text, after + gap);
                let written = gap > 0 && name.starts_with(char::is_uppercase);
                written.then_some((at, name))
            })
            .collect()
    }

    /// Whether `short` is used alone many times more often than `full`:
    /// a book that says "Elizabeth" hundreds of times and "Elizabeth
    /// Bennet" a few names her "Elizabeth".
    pub(crate) fn outnumbers(&self, short: &str, full: &str) -> bool {
        let uses = |name: &str| self.by_text.get(name).map_or(0, |&n| self.names[n].uses);
        uses(short) > SHORT_NAME_PREVAILS * uses(full)
    }

    /// The title the article gives a one-word name in most of its uses,
    /// always the same one ("Astley" is "Mr. Astley" in a book that calls
    /// him that), if it does so more than once.
    pub(crate) fn usual_title(&mut self, short: &str) -> Option<String> {
        let n = self.read_name(short)?;
        let name = &self.names[n];
        match name.titles.as_slice() {
            [(title, uses)] => (*uses > 1 && uses * 2 >= name.uses).then(|| title.clone()),
            [] => None,
            _ => self.mans_title(name),
        }
    }

    /// The number of the one-word name `short`, once every occurrence of
    /// the word is read; none if the text never names it.
    fn read_name(&mut self, short: &str) -> Option<usize> {
        self.read_word(short);
        self.by_text.get(short).copied()
    }

    /// Whether a book writes the one-word name `short` mostly without a
    /// title, never gives it both a man's and a woman's title (no family
    /// shares it), and its pronouns do not contradict `title`: then "Dr.
    /// Aziz" is the "Aziz" of most pages, not someone else (on PDNC dev, 11
    /// more right: the dialogue's votes, which group by name, no longer
    /// split).
    pub(crate) fn is_mostly_untitled(&mut self, short: &str, title: &str) -> bool {
        let Some(n) = self.read_name(short) else {
            return false;
        };
        let name = &self.names[n];
        let titled: usize = name.titles.iter().map(|(_, uses)| uses).sum();
        let gender = self.lexicon.word_gender(title);
        let said = self.gender_said(name);
        let agrees = gender == Gender::Any || said == Gender::Any || said == gender;
        let one_family_member = name.titled != (true, true);
        name.uses > 2 * titled && agrees && one_family_member
    }

    /// A surname that men and women of one family share, given alone: in
    /// a book that is how a man is named ("Turton" is "Mr. Turton" beside
    /// "Mrs. Turton"), so it takes the title the book gives him most, when
    /// that is a man's title used [`MIN_MANS_TITLE_USES`] times at least
    /// and no other title but a woman's ("Dr. Kemp") is used more.
    fn mans_title(&self, name: &Name) -> Option<String> {
        let (title, uses) = name
            .titles
            .iter()
            .filter(|(t, _)| self.lexicon.word_gender(t) != Gender::Female)
            .max_by_key(|(_, n)| *n)?;
        let mans = self.lexicon.word_gender(title) == Gender::Male;
        (mans && *uses >= MIN_MANS_TITLE_USES).then(|| title.clone())
    }

    /// The gender a name's own words say (a given name: "Minnie", "Ralph"),
    /// else the pronouns that follow it, when they clearly say one.
    fn gender_said(&self, name: &Name) -> Gender {
        let first = name.text.split_whitespace().next().unwrap_or("");
        match self.lexicon.word_gender(first) {
            Gender::Any => inferred_gender(self.votes(name)),
            g => g,
        }
    }

    /// How often a "he" word, and a "she" word, first follows `name`.
    fn votes(&self, name: &Name) -> (u32, u32) {
        let (mut votes, counted) = name.votes.get();
        for &end in &name.ends[counted..] {
            match pronoun_after(self.lexicon, self.text, end) {
                Some(Gender::Male) => votes.0 += 1,
                Some(Gender::Female) => votes.1 += 1,
                _ => {}
            }
        }
        name.votes.set((votes, name.ends.len()));
        votes
    }

    /// The gender the article's pronouns give the person named `name`, over
    /// the names that start with each of its words ("Narayan Godbole" is
    /// mostly "Godbole").
    pub(crate) fn gender(&mut self, name: &str) -> Gender {
        if let Some(&known) = self.genders.get(name) {
            return known;
        }
        let gender = match self.book && self.is_place(name) {
            true => Gender::Neuter,
            false => self.count_gender(name),
        };
        self.genders.insert(name.to_string(), gender);
        gender
    }

    /// Whether a book writes `name` as a place: its first word follows a
    /// preposition of place ("in Bath", "at Howards End") in
    /// [`MIN_PLACE_SHARE`] percent of its uses or more, and
    /// [`MIN_PLACE_USES`] times at least. On PDNC dev places reach 21 to 49
    /// percent, people 6 at most. A place is nobody's "he" or "she".
    pub(crate) fn is_place(&mut self, name: &str) -> bool {
        if let Some(&known) = self.places.get(name) {
            return known;
        }
        let place = self.count_place_uses(name);
        self.places.insert(name.to_string(), place);
        place
    }

    /// [`Self::is_place`], counted.
    fn count_place_uses(&mut self, name: &str) -> bool {
        let Some(first) = name.split_whitespace().next() else {
            return false;
        };
        let (lexicon, text) = (self.lexicon, self.text);
        let Some((_, places)) = self.occurrences_of(first) else {
            return false;
        };
        let after_preposition = places
            .iter()
            .filter(|&&at| lexicon.is_place_preposition(word_before(text, at)))
            .count();
        after_preposition >= MIN_PLACE_USES
            && after_preposition * 100 >= MIN_PLACE_SHARE * places.len()
    }

    /// [`Self::gender`], counted: reading each word of the name reads every
    /// name that holds it, so the count never changes once made.
    fn count_gender(&mut self, name: &str) -> Gender {
        let mut votes = (0, 0);
        for w in name.split_whitespace() {
            self.read_word(w);
            for &n in self.by_word.get(w).into_iter().flatten() {
                let named = &self.names[n];
                if named.text.split_whitespace().next() == Some(w) {
                    let (he, she) = self.votes(named);
                    votes.0 += he;
                    votes.1 += she;
                }
            }
        }
        inferred_gender(votes)
    }

    /// Notes where every capitalised word of the text occurs.
    fn index_every_capitalised_word(&mut self) {
        let text = self.text;
        let mut all: HashMap<&'a str, Vec<usize>> = HashMap::default();
        for at in capitalised_word_starts(text) {
            all.entry(word_at(text, at)).or_default().push(at);
        }
        self.occurrences = all;
        self.indexed = true;
    }

    /// Reads the name around each occurrence of `word`, once.
    fn read_word(&mut self, word: &str) {
        if self.read.contains(word) {
            return;
        }
        let Some((key, places)) = self.occurrences_of(word) else {
            return;
        };
        let places = places.to_vec();
        self.read.insert(key);
        for at in places {
            self.read_name_around(at, at + key.len());
        }
    }

    /// Counts the name that the word at `text[s..e]` is part of.
    fn read_name_around(&mut self, s: usize, e: usize) {
        let text = self.text;
        let (a, b) = if stands_alone(text, s, e) && !self.lexicon.is_title(&text[s..e]) {
            (s, e)
        } else {
            self.lexicon.name_around(text, s, e)
        };
        let Some((a, b)) = self.without_doubtful_word(a, b) else {
            return;
        };
        if !self.counted.insert(a) {
            return;
        }
        let name = one_line(&text[a..b]);
        let words = name.split_whitespace().count();
        if words == 0 || words > MAX_NAME_WORDS {
            return;
        }
        let n = self.id_of(&name);
        let title = text[..a].split_whitespace().next_back().unwrap_or("");
        let named = &mut self.names[n];
        named.uses += 1;
        named.first_at = named.first_at.min(a);
        match self.lexicon.word_gender(title) {
            Gender::Male => named.titled.0 = true,
            Gender::Female => named.titled.1 = true,
            _ => {}
        }
        if self.lexicon.is_title(title) {
            count_title(&mut named.titles, title);
        }
        named.ends.push(b);
    }

    /// The number of the name `name`, added if it is new.
    fn id_of(&mut self, name: &str) -> usize {
        if let Some(&n) = self.by_text.get(name) {
            return n;
        }
        let name = name.to_string();
        let n = self.names.len();
        for w in name.split_whitespace() {
            self.by_word.entry(w.to_string()).or_default().push(n);
        }
        self.by_text.insert(name.clone(), n);
        self.names.push(Name {
            text: name,
            uses: 0,
            first_at: usize::MAX,
            titled: (false, false),
            titles: Vec::new(),
            ends: Vec::new(),
            votes: Cell::new(((0, 0), 0)),
        });
        n
    }
}

/// How many names, and capitalised words asked about, a news article has
/// in most cases: the maps that hold them start this large, so that they
/// are not rehashed as they fill.
const EXPECTED_NAMES: usize = 8;

pub(crate) fn sized_map<K, V>() -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(EXPECTED_NAMES, Default::default())
}

fn sized_set<K>() -> HashSet<K> {
    HashSet::with_capacity_and_hasher(EXPECTED_NAMES, Default::default())
}

/// Counts one more use of `title`.
fn count_title(titles: &mut Vec<(String, usize)>, title: &str) {
    match titles.iter_mut().find(|(t, _)| t == title) {
        Some((_, n)) => *n += 1,
        None => titles.push((title.to_string(), 1)),
    }
}

/// The gender the votes say, when they clearly say one.
fn inferred_gender((he, she): (u32, u32)) -> Gender {
    if he > 2 * she {
        Gender::Male
    } else if she > 2 * he {
        Gender::Female
    } else {
        Gender::Any
    }
}

/// Byte offsets of the words that start with an upper-case letter.
fn capitalised_word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(move |&i| {
        let b = bytes[i];
        let upper = b.is_ascii_uppercase()
            || (b >= 0xC0 && text[i..].chars().next().is_some_and(char::is_uppercase));
        upper && (i == 0 || !is_word_byte(bytes[i - 1]))
    })
}

/// Byte offsets where the capitalised `word` occurs as a whole word (as
/// [`word_at`] reads words), in text order; none if it is not capitalised.
fn find_capitalised(text: &str, word: &str) -> Vec<usize> {
    if word.is_empty() || !word.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    // A capital letter is rare in text: finding each place of the word's
    // first byte and comparing the rest is cheaper than setting up a
    // substring searcher for each of the few dozen words asked about.
    let bytes = text.as_bytes();
    let needle = word.as_bytes();
    memchr::memchr_iter(needle[0], bytes)
        .filter(|&at| {
            let starts = at == 0 || !is_word_byte(bytes[at - 1]);
            starts && bytes[at..].starts_with(needle) && word_at(text, at).len() == word.len()
        })
        .collect()
}

/// The gender of the first "he" or "she" word (the rules' `male_pronouns`
/// and `female_pronouns`) after a name (at `after`), in the same stretch of
/// narration: up to a quote mark or a blank line (hard-wrapped books break
/// lines mid-sentence).
fn pronoun_after(lexicon: &Lexicon, text: &str, after: usize) -> Option<Gender> {
    let hi = crate::document::floor_char_boundary(text, (after + VOTE_REACH).min(text.len()));
    let window = &text[after..hi];
    let bytes = window.as_bytes();
    let mut word_start = None;
    let mut k = 0;
    while k < bytes.len() {
        // ASCII bytes, nearly all of them, are classed without decoding.
        let (letter, len, stop) = match bytes[k] {
            b if b.is_ascii() => (
                b.is_ascii_alphabetic(),
                1,
                b == b'"' || (b == b'\n' && bytes.get(k + 1) == Some(&b'\n')),
            ),
            _ => {
                let c = window[k..].chars().next().unwrap_or('\0');
                (c.is_alphabetic(), c.len_utf8(), matches!(c, '“' | '”'))
            }
        };
        if letter {
            word_start.get_or_insert(k);
        } else if let Some(s) = word_start.take() {
            if let Some(g) = lexicon.pronoun_vote(&window[s..k]) {
                return Some(g);
            }
        }
        if stop {
            return None;
        }
        k += len;
    }
    word_start.and_then(|s| lexicon.pronoun_vote(&window[s..]))
}

/// Whether the word at `text[s..e]` is a name on its own, as
/// [`Lexicon::name_around`] would find: letters only, and no capitalised
/// word or initial joins it on either side ("said Trump on", but not "Mr.
/// Trump" or "Trump Tower"). Most occurrences are, and need no parse.
fn stands_alone(text: &str, s: usize, e: usize) -> bool {
    let word = &text[s..e];
    if !word.chars().all(char::is_alphanumeric) {
        return false;
    }
    let joined_before = text[..s].strip_suffix(' ').is_some_and(|b| {
        let last_word = b.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
        last_word.starts_with(char::is_uppercase)
    });
    let after = &text[e..];
    let rest = [" \r\n", " \n", "\r\n", "\n", " "]
        .iter()
        .find_map(|gap| after.strip_prefix(gap));
    let joined_after = rest.is_some_and(|r| r.starts_with(char::is_uppercase));
    !joined_before && !joined_after
}

/// Whether `word`, lower-cased, stands as a whole word somewhere in `text`.
fn occurs_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|k| {
        let end = k + lower.len();
        (k == 0 || !is_word(bytes[k - 1])) && bytes.get(end).is_none_or(|&b| !is_word(b))
    })
}

/// The word before `at`, across white space only: "" after punctuation.
fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    if before.len() == at {
        return "";
    }
    let start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    &before[start..]
}

/// The word at `at`: letters, digits, hyphens and apostrophes.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .find(|c: char| !(matches!(c, '-' | '\'' | '’') || is_letter_or_digit(c)))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether a word at `at` opens a sentence: it starts the text or a
/// paragraph, follows a quote mark, or follows a full stop, question or
/// exclamation mark, colon or semicolon with only white space, quote marks
/// and dashes between.
fn is_sentence_initial(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with(['"', '“', '‘', '(', '_']) {
        return true;
    }
    // A paragraph's first word, even after a heading with no stop.
    let gap = &before[before.trim_end().len()..];
    if gap.bytes().filter(|&b| b == b'\n').count() > 1 {
        return true;
    }
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | '-' | '—' | '_')
    });
    match trimmed.chars().next_back() {
        None => true,
        // "Gov. Kasich": a title's stop ends no sentence.
        Some('.') => crate::attribution::is_full_stop(text, trimmed.len() - 1),
        Some(c) => matches!(c, '!' | '?' | ':' | ';'),
    }
}

/// Letters, digits and the joiners inside words (and any byte of a
/// multi-byte character, so a name never starts mid-word).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn the_word_before_is_read_across_white_space_only() {
        let text = "in Bath, at\n Bath; (Bath \u{e9}t\u{e9} Bath";
        let before = |word_start: usize| word_before(text, word_start);
        assert_eq!(before(3), "in");
        assert_eq!(before(13), "at");
        assert_eq!(before(20), "");
        assert_eq!(before(0), "");
        assert_eq!(before(text.len() - 4), "\u{e9}t\u{e9}");
    }

    #[test]
    fn titled_names_are_read_inside_the_range_only() {
        let lexicon = Lexicon::new(&RuleSet::embedded().speech);
        let text = "Mrs. Dashwood sat. Mrs.\nJennings came, and Mrs. Palmer. Mrs.";
        let mut index = NameIndex::new(&lexicon, text, true);
        let mut names = |lo, hi| -> Vec<&str> {
            let titled = index.titled_in("Mrs.", lo, hi);
            titled.into_iter().map(|(_, n)| n).collect()
        };
        assert_eq!(names(0, text.len()), ["Dashwood", "Jennings", "Palmer"]);
        // A title that runs past the end of the range, or ends it, names no one.
        let last = text.rfind("Mrs.").unwrap();
        assert_eq!(names(1, last + 2), ["Jennings", "Palmer"]);
    }

    #[test]
    fn searching_for_a_word_finds_what_indexing_the_text_finds() {
        let lexicon = Lexicon::new(&RuleSet::embedded().speech);
        let text = "Trump met Trump-Pence aides. O'Trump, Trumpet and Trump's son; TRUMP, (Trump) é Élan Élan.";
        let mut searched = NameIndex::new(&lexicon, text, false);
        let mut indexed = NameIndex::new(&lexicon, text, false);
        indexed.index_every_capitalised_word();
        for word in [
            "Trump",
            "Trump-Pence",
            "Trumpet",
            "TRUMP",
            "Élan",
            "O'Trump",
            "Pence",
            "trump",
        ] {
            let found = searched.occurrences_of(word).map(|(_, p)| p.to_vec());
            let all = indexed.occurrences_of(word).map(|(_, p)| p.to_vec());
            assert_eq!(found, all, "{word}");
        }
        assert_eq!(
            searched.occurrences_of("Trump").map(|(_, p)| p.len()),
            Some(2)
        );
    }

    #[test]
    fn a_word_after_a_stop_and_a_bracket_or_dash_opens_its_sentence() {
        let lexicon = Lexicon::new(&RuleSet::embedded().speech);
        let text = "The chairs were gone (all of them). True, it was late.--Every one of us knew it was true, every one.";
        let mut names = NameIndex::new(&lexicon, text, false);
        assert!(names.is_doubtful(text.find("True").unwrap()));
        assert!(names.is_doubtful(text.find("Every").unwrap()));
        // So does a paragraph's first word after a heading with no stop.
        let text = "CHAPTER 3\n\nEvery morning was the same, every one.";
        let mut names = NameIndex::new(&lexicon, text, false);
        assert!(names.is_doubtful(text.find("Every").unwrap()));
        // A title's stop ends no sentence: "Gov. Kasich" is a name.
        let text = "Gov. Kasich spoke; kasich is a name.";
        let mut names = NameIndex::new(&lexicon, text, false);
        assert!(!names.is_doubtful(text.find("Kasich").unwrap()));
    }
}
