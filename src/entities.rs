//! Entities: the canonical speaker behind a mention. "Moon", "he" and "South
//! Korea’s president" all become "Moon Jae-in", the fullest form of the name the
//! article uses, titles stripped.

use std::collections::{HashMap, HashSet};

use crate::attribution::Attribution;
use crate::grammar::speech::{Lexicon, MentionHit, MentionKind, Possessor};
use crate::rules::Gender;

/// How far back (bytes) a pronoun looks for its antecedent.
const ANTECEDENT_REACH: usize = 2000;

/// How far (bytes) after a name a "he" or "she" counts as its gender.
const VOTE_REACH: usize = 160;

/// The gender the votes say, when they clearly say one.
fn inferred_gender(votes: Option<&(u32, u32)>) -> Gender {
    match votes {
        Some(&(he, she)) if he > 2 * she => Gender::Male,
        Some(&(he, she)) if she > 2 * he => Gender::Female,
        _ => Gender::Any,
    }
}

/// How far (bytes) a sentence subject is looked for from the sentence start.
const SUBJECT_REACH: usize = 200;

/// Names longer than this many words are not names.
const MAX_NAME_WORDS: usize = 4;

/// A name seen as a speaker or a sentence subject, for pronouns to refer to.
#[derive(Debug, Clone)]
struct Person {
    at: usize,
    name: String,
    gender: Gender,
}

/// Resolves mentions to canonical names within one document. Its maps are
/// keyed by names from the article, so they keep the default (flood-resistant)
/// hasher.
pub struct Resolver<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    /// Canonical name of each short name already resolved.
    names: HashMap<String, String>,
    /// Every name of the article, built on first need.
    index: Option<NameIndex>,
    /// Named speakers so far, in text order.
    speakers: Vec<Person>,
    /// Names that open a sentence, in text order, found so far: the text is
    /// scanned once, up to `subjects_scanned_to`, as quotes come in order.
    subjects: Vec<Person>,
    subjects_scanned_to: usize,
    quoted: Vec<(usize, usize)>,
}

impl<'a> Resolver<'a> {
    /// `quoted` are the byte ranges of the quotes, in order: the words people
    /// say are not the narrative, so no sentence subject is taken from them.
    pub fn new(lexicon: &'a Lexicon, text: &'a str, quoted: Vec<(usize, usize)>) -> Self {
        Resolver {
            lexicon,
            text,
            quoted,
            names: HashMap::new(),
            index: None,
            speakers: Vec::new(),
            subjects: Vec::new(),
            subjects_scanned_to: 0,
        }
    }

    /// The canonical speaker for a mention.
    pub fn speaker(&mut self, mention: &MentionHit) -> Option<String> {
        match &mention.kind {
            MentionKind::Name { core, title, .. } => {
                let (s, e) = self.without_doubtful_word(core.0, core.1)?;
                Some(self.canonical(s, e, title.as_deref()))
            }
            MentionKind::Pronoun(gender, _) => {
                self.antecedent(mention.start, *gender).map(|p| p.name)
            }
            MentionKind::Descriptor {
                head, possessor, ..
            } => Some(self.describe(mention, head, possessor.as_ref())),
        }
    }

    /// Remembers a named speaker, so later pronouns can refer to it.
    pub fn note(&mut self, attribution: &Attribution) {
        if let (Some(name), Some((start, end))) = (&attribution.speaker, attribution.mention) {
            let mention = &self.text[start..end];
            let is_name = mention.chars().next().is_some_and(char::is_uppercase);
            if is_name {
                self.speakers.push(Person {
                    at: start,
                    name: name.clone(),
                    gender: self.title_gender_of(start, end),
                });
            }
        }
    }

    /// The gender of the person a canonical name stands for: from its
    /// title, else from the pronouns that follow its words.
    pub fn gender_of(&mut self, name: &str) -> Gender {
        match name.split_whitespace().next().map(Lexicon::title_gender) {
            Some(g @ (Gender::Male | Gender::Female)) => g,
            _ => self.index_mut().gender(name),
        }
    }

    /// The name `text[s..e]` without a doubtful first word ("Sometimes
    /// Katharine" → "Katharine"), or `None` when nothing is left.
    fn without_doubtful_word(&mut self, s: usize, e: usize) -> Option<(usize, usize)> {
        let (lexicon, text) = (self.lexicon, self.text);
        if !self.index_mut().is_doubtful(lexicon, text, s) {
            return Some((s, e));
        }
        let first = word_at(self.text, s).len().min(e - s);
        let rest = &self.text[s + first..e];
        let next = s + first + (rest.len() - rest.trim_start().len());
        (next < e && self.text[next..e].starts_with(char::is_uppercase)).then_some((next, e))
    }

    fn index_mut(&mut self) -> &mut NameIndex {
        self.index
            .get_or_insert_with(|| NameIndex::build(self.lexicon, self.text))
    }

    /// The fullest name in the article that contains every word of the short
    /// name `text[s..e]`; the first such name in the text wins a tie.
    ///
    /// A gendered title narrows the choice: "Mrs. Wilcox" is not the "Charles
    /// Wilcox" the article calls "Mr.", and when several full names share
    /// the surname ("Henry Wilcox", "Charles Wilcox") it stays "Mrs. Wilcox".
    fn canonical(&mut self, s: usize, e: usize, title: Option<&str>) -> String {
        let short = one_line(&self.text[s..e]);
        let gender = title.map_or(Gender::Any, Lexicon::title_gender);
        let key = match (gender, title) {
            (Gender::Male | Gender::Female, Some(t)) => format!("{t} {short}"),
            _ => short.clone(),
        };
        if let Some(full) = self.names.get(&key) {
            return full.clone();
        }
        let best = match self.index_mut().fullest(&short, gender) {
            Fullest::Name(full) => full.to_string(),
            Fullest::Ambiguous => key.clone(),
            Fullest::None => short,
        };
        self.names.insert(key, best.clone());
        best
    }

    /// The person a pronoun at `at` refers to: the latest named speaker or
    /// sentence subject before it whose gender does not contradict it.
    fn antecedent(&mut self, at: usize, gender: Gender) -> Option<Person> {
        self.scan_subjects_to(at);
        self.index_mut();
        let index = self.index.as_ref()?;
        let compatible = |p: &Person| {
            let known = match p.gender {
                Gender::Any => index.gender(&p.name),
                g => g,
            };
            gender == Gender::Any || known == Gender::Any || known == gender
        };
        let known = |p: &Person| match p.gender {
            Gender::Any => index.gender(&p.name),
            g => g,
        };
        let floor = at.saturating_sub(ANTECEDENT_REACH);
        let before = self.subjects.partition_point(|p| p.at < at);
        let recent_subjects = self.subjects[..before]
            .iter()
            .rev()
            .take_while(|p| p.at >= floor);
        let recent_speakers = self.speakers.iter().rev().filter(|p| p.at < at);
        // "she" goes to the nearest person known to be a woman, within reach,
        // before the nearest person of unknown gender.
        if matches!(gender, Gender::Male | Gender::Female) {
            let nearest = recent_subjects
                .clone()
                .chain(recent_speakers.clone().take_while(|p| p.at >= floor))
                .filter(|p| known(p) == gender)
                .max_by_key(|p| p.at);
            if let Some(p) = nearest {
                return Some(p.clone());
            }
        }
        let speaker = recent_speakers.clone().find(|p| compatible(p)).cloned();
        let floor = speaker.as_ref().map_or(floor, |p| p.at + 1).max(floor);
        let subject = recent_subjects
            .take_while(|p| p.at >= floor)
            .find(|p| compatible(p))
            .cloned();
        subject.or(speaker)
    }

    /// Extends the list of sentence subjects to the sentences that start
    /// before `hi`. A sentence starts at the text start and after `.`, `!` or
    /// `?` (not at line breaks: in hard-wrapped books most are mid-sentence).
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
            starts.push(from + k + 1);
        }
        self.subjects_scanned_to = hi;
        for s in starts {
            if self.is_quoted(s) {
                continue;
            }
            let bound = (s + SUBJECT_REACH).min(self.text.len());
            if let Some(person) = self.subject_at(s, bound) {
                self.subjects.push(person);
            }
        }
    }

    fn is_quoted(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|&(open, _)| open < at);
        k > 0 && at < self.quoted[k - 1].1
    }

    /// The name that opens the sentence at `s`, if it opens with one.
    fn subject_at(&mut self, s: usize, bound: usize) -> Option<Person> {
        let lead = self.text[s..].len() - self.text[s..].trim_start().len();
        if !self.text[s + lead..].starts_with(char::is_uppercase) {
            return None;
        }
        let m = self.lexicon.mention_starting_at(self.text, s, bound)?;
        let MentionKind::Name { core, title, .. } = m.kind else {
            return None;
        };
        let words = self.text[core.0..core.1].split_whitespace().count();
        if core.1 <= core.0 || words > MAX_NAME_WORDS {
            return None;
        }
        let (s, e) = self.without_doubtful_word(core.0, core.1)?;
        let name = self.canonical(s, e, title.as_deref());
        let gender = self.title_gender_of(m.start, m.end);
        Some(Person {
            at: m.start,
            name,
            gender,
        })
    }

    fn title_gender_of(&self, start: usize, end: usize) -> Gender {
        self.text[start..end]
            .split_whitespace()
            .map(Lexicon::title_gender)
            .find(|g| *g != Gender::Any)
            .unwrap_or(Gender::Any)
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
        let written = self.text[mention.start..mention.end].to_string();
        let possessor_name = match possessor {
            Some(Possessor::Name(s, e)) => Some(self.text[*s..*e].to_string()),
            _ => None,
        };
        if let Some(person) = self.titled(head, possessor_name.as_deref(), mention.start) {
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
            if let Some(p) = possessor {
                let modifiers = &self.text[pos.saturating_sub(40)..pos];
                if !modifiers_agree(modifiers, p) {
                    continue;
                }
            }
            if pos < at {
                before = Some(core);
            } else if after.is_none() {
                after = Some(core);
            }
        }
        let (s, e) = before.or(after)?;
        Some(self.canonical(s, e, None))
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

/// Every distinct name the article uses (titles stripped), found in one pass
/// over the capitalised words, with an index from each word to the names
/// holding it.
struct NameIndex {
    /// Capitalised words the article uses inside a sentence. A word seen
    /// capitalised only where every word is ("Owing to …", "Sometimes
    /// Katharine …") is not a name.
    attested: HashSet<String>,
    /// For each first word of a name ("Adela" of "Adela Quested"), how often
    /// "he" and "she" words follow the name: the gender of people whose
    /// title does not say, counted over the whole article.
    votes: HashMap<String, (u32, u32)>,
    /// Whether a word occurs in lower case in the article, looked up once.
    in_lower_case: HashMap<String, bool>,
    names: Vec<String>,
    /// How often each name occurs.
    uses: Vec<usize>,
    /// Whether each name is seen after a man's title, and after a woman's.
    titled: Vec<(bool, bool)>,
    by_word: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    fn build(lexicon: &Lexicon, text: &str) -> Self {
        let mut index = NameIndex {
            attested: attested_words(text),
            in_lower_case: HashMap::new(),
            votes: HashMap::new(),
            names: Vec::new(),
            uses: Vec::new(),
            titled: Vec::new(),
            by_word: HashMap::new(),
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut covered = 0;
        for at in capitalised_word_starts(text) {
            if at < covered || index.is_doubtful(lexicon, text, at) {
                continue;
            }
            let Some(((a, b), end)) = lexicon.name_at(text, at) else {
                continue;
            };
            covered = end;
            index.vote(&text[a..b], pronoun_after(text, end));
            let name = one_line(&text[a..b]);
            let words = name.split_whitespace().count();
            if words == 0 || words > MAX_NAME_WORDS {
                continue;
            }
            let gender = text[at..a]
                .split_whitespace()
                .map(Lexicon::title_gender)
                .find(|g| *g != Gender::Any);
            let n = match seen.get(&name) {
                Some(&n) => n,
                None => {
                    seen.insert(name.clone(), index.names.len());
                    index.add(name);
                    index.names.len() - 1
                }
            };
            index.uses[n] += 1;
            match gender {
                Some(Gender::Male) => index.titled[n].0 = true,
                Some(Gender::Female) => index.titled[n].1 = true,
                _ => {}
            }
        }
        index
    }

    fn add(&mut self, name: String) {
        self.uses.push(0);
        self.titled.push((false, false));
        for w in name.split_whitespace() {
            self.by_word
                .entry(w.to_string())
                .or_default()
                .push(self.names.len());
        }
        self.names.push(name);
    }

    /// Whether the capitalised word at `at` opens a sentence and is never
    /// capitalised elsewhere, so may be any word; titles are never doubtful.
    /// A word also written in lower case ("owing", "sometimes") is doubtful;
    /// one never seen otherwise ("Melania") is taken as a name.
    fn is_doubtful(&mut self, lexicon: &Lexicon, text: &str, at: usize) -> bool {
        let word = word_at(text, at);
        let dotted_title = text[at + word.len()..].starts_with('.')
            && lexicon.is_title(&text[at..at + word.len() + 1]);
        let doubtful = is_sentence_initial(text, at)
            && !self.attested.contains(word)
            && !lexicon.is_title(word)
            && !dotted_title;
        doubtful
            && *self
                .in_lower_case
                .entry(word.to_string())
                .or_insert_with(|| occurs_in_lower_case(text, word))
    }

    fn vote(&mut self, name: &str, pronoun: Option<Gender>) {
        let Some(first) = name.split_whitespace().next() else {
            return;
        };
        let entry = self.votes.entry(first.to_string()).or_default();
        match pronoun {
            Some(Gender::Male) => entry.0 += 1,
            Some(Gender::Female) => entry.1 += 1,
            _ => {}
        }
    }

    /// The gender the article's pronouns give the person named `name`, over
    /// the votes of each of its words ("Narayan Godbole" is mostly
    /// "Godbole").
    fn gender(&self, name: &str) -> Gender {
        let votes = name
            .split_whitespace()
            .filter_map(|w| self.votes.get(w))
            .fold((0, 0), |(he, she), v| (he + v.0, she + v.1));
        inferred_gender(Some(&votes))
    }

    /// The full form of `short` among the names holding every word of it,
    /// with `short` at its start or end ("Donald Trump" for "Trump",
    /// "Katharine Hilbery" for "Katharine") before names that only contain
    /// it ("Kim Jong Un" for "Jong"); then the most used, then the longest.
    /// A man's or woman's title (`gender`) rules out names only ever titled
    /// the other way, and a titled surname that several full names end with
    /// is ambiguous.
    fn fullest(&self, short: &str, gender: Gender) -> Fullest<'_> {
        let words: Vec<&str> = short.split_whitespace().collect();
        let Some(candidates) = words.last().and_then(|w| self.by_word.get(*w)) else {
            return Fullest::None;
        };
        let contradicts = |n: usize| match gender {
            Gender::Male => self.titled[n] == (false, true),
            Gender::Female => self.titled[n] == (true, false),
            _ => false,
        };
        let score = |n: usize| {
            let cw: Vec<&str> = self.names[n].split_whitespace().collect();
            let longer = cw.len() > words.len() && words.iter().all(|w| cw.contains(w));
            let at_edge = cw.ends_with(&words) || cw.starts_with(&words);
            (longer && !contradicts(n)).then_some((
                at_edge,
                self.uses[n],
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
            .filter(|(_, n)| self.names[*n].ends_with(short))
            .count();
        if gender != Gender::Any && words.len() == 1 && surnamed > 1 {
            return Fullest::Ambiguous;
        }
        match scored.into_iter().max() {
            Some((_, n)) => Fullest::Name(&self.names[n]),
            None => Fullest::None,
        }
    }
}

/// What the article's names say about a short name.
enum Fullest<'a> {
    /// Its full form.
    Name(&'a str),
    /// Several people share it.
    Ambiguous,
    /// No longer name holds it.
    None,
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

/// The capitalised words that stand inside a sentence somewhere in `text`.
fn attested_words(text: &str) -> HashSet<String> {
    capitalised_word_starts(text)
        .filter(|&at| !is_sentence_initial(text, at))
        .map(|at| word_at(text, at).to_string())
        .collect()
}

/// The first "he" or "she" word after a name (at `after`), in the same
/// stretch of narration: up to a quote mark or a blank line (hard-wrapped
/// books break lines mid-sentence).
fn pronoun_after(text: &str, after: usize) -> Option<Gender> {
    let hi = crate::document::floor_char_boundary(text, (after + VOTE_REACH).min(text.len()));
    let window = text[after..hi].split(['"', '“', '”']).next().unwrap_or("");
    let window = window.split("\n\n").next().unwrap_or("");
    let is = |w: &str, words: &[&str]| words.iter().any(|x| w.eq_ignore_ascii_case(x));
    window.split(|c: char| !c.is_alphabetic()).find_map(|w| {
        if is(w, &["he", "him", "his", "himself"]) {
            Some(Gender::Male)
        } else if is(w, &["she", "her", "hers", "herself"]) {
            Some(Gender::Female)
        } else {
            None
        }
    })
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

/// The word at `at`: letters, digits, hyphens and apostrophes.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether a word at `at` opens a sentence: it starts the text, follows a
/// quote mark, or follows a full stop, question or exclamation mark, colon
/// or semicolon with only white space, quote marks and dashes between.
fn is_sentence_initial(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with(['"', '“', '‘', '(', '_']) {
        return true;
    }
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | '-' | '—' | '_')
    });
    match trimmed.chars().next_back() {
        None => true,
        // "Gov. Kasich": a title's stop ends no sentence.
        Some('.') => crate::attribution::ends_sentence(text, trimmed.len() - 1),
        Some(c) => matches!(c, '!' | '?' | ':' | ';'),
    }
}

/// Letters, digits and the joiners inside words (and any byte of a
/// multi-byte character, so a name never starts mid-word).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'.')
}

/// A name as one line: a hard-wrapped "Mrs.\nDashwood" is "Mrs. Dashwood".
fn one_line(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
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
