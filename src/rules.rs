//! The rule set: everything language- or house-style-specific, read from YAML.
//!
//! The files in `rules/` are embedded at build time, so the binary needs no files
//! around it; `--rules PATH` merges further files (or a directory of them) on top.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};

/// The rules files compiled into the binary, in the order they are merged.
const EMBEDDED: &[(&str, &str)] = &[
    ("rules/quotes.yaml", include_str!("../rules/quotes.yaml")),
    ("rules/speech.yaml", include_str!("../rules/speech.yaml")),
];

/// A rules file larger than this is refused before parsing: real rule sets
/// are kilobytes, and the parser's memory stays bounded.
pub const MAX_RULES_BYTES: usize = 4 << 20;

/// All rules, merged from every file.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub quotes: QuoteRules,
    pub speech: SpeechRules,
}

/// Speech cues and the words that make up speakers.
#[derive(Debug, Clone, Default)]
pub struct SpeechRules {
    /// Every form of every speech verb, one list per verb.
    pub verbs: Vec<Vec<String>>,
    pub auxiliaries: Vec<String>,
    pub source_phrases: Vec<String>,
    /// A verb form and the particle it speaks with ("broke in").
    pub phrasal_verbs: Vec<String>,
    pub pronouns: Vec<Pronoun>,
    pub possessives: Vec<Possessive>,
    pub determiners: Vec<String>,
    pub titles: Vec<String>,
    pub not_speakers: Vec<String>,
    /// Words that never go on a name after its first word ("out" in a
    /// heading's "Drive Out").
    pub not_in_names: Vec<String>,
    /// Endings that make a capitalised word no one's name ("Hinduism").
    pub not_name_endings: Vec<String>,
    /// Words with one of those endings that still name someone ("Western
    /// Journalism", "Miss Prism").
    pub name_words_despite_ending: Vec<String>,
    pub name_particles: Vec<String>,
    pub speaker_nouns: Vec<String>,
    /// Verb forms whose next noun is the listener, never the speaker:
    /// "…, told reporters" names no speaker "reporters".
    pub listener_verbs: Vec<String>,
    /// Prepositions: a description after one is its object, not a speaker,
    /// and one may join a tail to a description ("a spokeswoman for the
    /// ministry").
    pub prepositions: Vec<String>,
    /// Titles and given names that say a man ("Mr.", "John") or a woman.
    pub male_words: Vec<String>,
    pub female_words: Vec<String>,
    /// Kin nouns and the title their bearer shares the family name under:
    /// in a book "his wife" is "Mrs." and his surname.
    pub kin_titles: Vec<(String, String)>,
    /// Nouns that stand for whoever bears a title: "her ladyship" is a
    /// "Lady".
    pub honorific_nouns: Vec<(String, String)>,
    /// Nouns for the one of two people who did not speak last ("said the
    /// other").
    pub other_nouns: Vec<String>,
    /// Nouns that say a person's gender ("girl", "gentleman").
    pub male_nouns: Vec<String>,
    pub female_nouns: Vec<String>,
    /// Nouns that speak for their possessor: "said her voice" is hers.
    pub voice_nouns: Vec<String>,
    /// Verbs that link a quote to the voice noun after it: "was her answer".
    pub answer_links: Vec<String>,
    /// Words that may open a sentence before its subject with no comma:
    /// "Then he turned to her and said".
    pub clause_openers: Vec<String>,
    /// Words that join the last item of a list: "Anna, Carl and Bert".
    pub list_conjunctions: Vec<String>,
    /// Words of affection said before the name of whom a quote addresses:
    /// "My dear Sir Thomas, …".
    pub endearments: Vec<String>,
    /// What a listener does instead of answering in words ("he nodded"):
    /// the speaker before goes on.
    pub silent_replies: Vec<String>,
    /// Prepositions of place: "in Salem, New Hampshire, Trump …" names a
    /// place between its commas, not the speaker.
    pub place_prepositions: Vec<String>,
    /// Prepositions that, before an indefinite article or a possessive,
    /// open a phrase of manner ("said the Queen in a low voice"), which
    /// no description of a speaker takes as its own.
    pub manner_prepositions: Vec<String>,
    /// "a", "an": after a preposition of manner, the phrase tells how.
    pub indefinite_articles: Vec<String>,
    /// Titles of unmarried women, who alone of a family bear the family
    /// name under them with their own given name.
    pub maiden_titles: Vec<String>,
    /// "he", "him", … and "she", "her", …: after a name, a vote for its gender.
    pub male_pronouns: Vec<String>,
    pub female_pronouns: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    Neuter,
    #[default]
    Any,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Number {
    #[default]
    Singular,
    Plural,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pronoun {
    pub word: String,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub number: Number,
    /// "I" and "we" in the narration are whoever tells the story, not
    /// someone named before.
    #[serde(default)]
    pub narrator: bool,
    /// "who" stands for the name right before it ("Lionel Sosa, a
    /// consultant who said …").
    #[serde(default)]
    pub relative: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Possessive {
    pub word: String,
    #[serde(default)]
    pub gender: Gender,
}

#[derive(Debug, Clone, Default)]
pub struct QuoteRules {
    pub pairs: Vec<QuotePair>,
    /// Characters right after which a mark never opens a quote.
    pub never_open_after: Vec<String>,
    pub apostrophes: Apostrophes,
}

/// A quote-mark pair: one opening mark and the marks that may close it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotePair {
    pub name: String,
    pub open: String,
    pub close: Vec<String>,
    #[serde(default)]
    pub kind: QuoteKind,
    /// Whether white space may stand between the mark and the words.
    #[serde(default)]
    pub spaced: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    #[default]
    Double,
    Single,
}

#[derive(Debug, Clone, Default)]
pub struct Apostrophes {
    pub marks: Vec<String>,
    pub elisions: Vec<String>,
    /// How many digits after an apostrophe make a year ('90s, '16); 0 turns it off.
    pub year_digits: usize,
}

/// One rules file as written; every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    replace: bool,
    quotes: Option<QuoteRulesFile>,
    speech: Option<SpeechRulesFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeechRulesFile {
    verbs: Option<Vec<Vec<String>>>,
    auxiliaries: Option<Vec<String>>,
    source_phrases: Option<Vec<String>>,
    phrasal_verbs: Option<Vec<String>>,
    pronouns: Option<Vec<Pronoun>>,
    possessives: Option<Vec<Possessive>>,
    determiners: Option<Vec<String>>,
    titles: Option<Vec<String>>,
    not_speakers: Option<Vec<String>>,
    not_in_names: Option<Vec<String>>,
    not_name_endings: Option<Vec<String>>,
    name_words_despite_ending: Option<Vec<String>>,
    listener_verbs: Option<Vec<String>>,
    prepositions: Option<Vec<String>>,
    name_particles: Option<Vec<String>>,
    speaker_nouns: Option<Vec<String>>,
    male_words: Option<Vec<String>>,
    female_words: Option<Vec<String>>,
    kin_titles: Option<Vec<(String, String)>>,
    honorific_nouns: Option<Vec<(String, String)>>,
    other_nouns: Option<Vec<String>>,
    male_nouns: Option<Vec<String>>,
    female_nouns: Option<Vec<String>>,
    voice_nouns: Option<Vec<String>>,
    answer_links: Option<Vec<String>>,
    clause_openers: Option<Vec<String>>,
    list_conjunctions: Option<Vec<String>>,
    endearments: Option<Vec<String>>,
    silent_replies: Option<Vec<String>>,
    place_prepositions: Option<Vec<String>>,
    manner_prepositions: Option<Vec<String>>,
    indefinite_articles: Option<Vec<String>>,
    maiden_titles: Option<Vec<String>>,
    male_pronouns: Option<Vec<String>>,
    female_pronouns: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteRulesFile {
    pairs: Option<Vec<QuotePair>>,
    never_open_after: Option<Vec<String>>,
    apostrophes: Option<ApostrophesFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApostrophesFile {
    marks: Option<Vec<String>>,
    elisions: Option<Vec<String>>,
    year_digits: Option<usize>,
}

impl RuleSet {
    /// The rules compiled into the binary.
    pub fn embedded() -> Self {
        let mut rules = RuleSet::default();
        for (name, text) in EMBEDDED {
            rules
                .merge_text(text, Path::new(name))
                .expect("embedded rules are valid (checked by the test suite)");
        }
        rules
    }

    /// Merges a rules file, or every `.yaml`/`.yml` file of a directory in name
    /// order.
    pub fn merge_path(&mut self, path: &Path) -> Result<()> {
        for file in rules_files(path)? {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::from(e).in_file(&file))?;
            self.merge_text(&text, &file)?;
        }
        Ok(())
    }

    /// Merges one rules file given as text; `path` is only used in errors.
    pub fn merge_text(&mut self, text: &str, path: &Path) -> Result<()> {
        if text.len() > MAX_RULES_BYTES {
            let m = format!("rules files over {MAX_RULES_BYTES} bytes are refused");
            return Err(Error::new(ErrorKind::Yaml(m)).in_file(path));
        }
        let file: RulesFile =
            serde_yaml::from_str(text).map_err(|e| Error::yaml(&e).in_file(path))?;
        if let Some(quotes) = file.quotes {
            self.quotes.merge(quotes, file.replace);
        }
        if let Some(speech) = file.speech {
            self.speech.merge(speech, file.replace);
        }
        self.validate().map_err(|e| e.in_file(path))
    }

    fn validate(&self) -> Result<()> {
        let rules_error = |m: String| Error::new(ErrorKind::Rules(m));
        for pair in &self.quotes.pairs {
            if pair.open.is_empty()
                || pair.close.is_empty()
                || pair.close.iter().any(String::is_empty)
            {
                return Err(rules_error(format!(
                    "quote pair `{}` needs a non-empty open mark and at least one non-empty close mark",
                    pair.name
                )));
            }
        }
        if self.quotes.apostrophes.marks.iter().any(String::is_empty) {
            return Err(rules_error("apostrophe marks must not be empty".into()));
        }
        Ok(())
    }
}

impl QuoteRules {
    fn merge(&mut self, file: QuoteRulesFile, replace: bool) {
        merge_list(&mut self.pairs, file.pairs, replace);
        merge_list(&mut self.never_open_after, file.never_open_after, replace);
        if let Some(a) = file.apostrophes {
            merge_list(&mut self.apostrophes.marks, a.marks, replace);
            merge_list(&mut self.apostrophes.elisions, a.elisions, replace);
            if let Some(n) = a.year_digits {
                self.apostrophes.year_digits = n;
            }
        }
    }
}

impl SpeechRules {
    fn merge(&mut self, f: SpeechRulesFile, replace: bool) {
        merge_list(&mut self.verbs, f.verbs, replace);
        merge_list(&mut self.auxiliaries, f.auxiliaries, replace);
        merge_list(&mut self.source_phrases, f.source_phrases, replace);
        merge_list(&mut self.phrasal_verbs, f.phrasal_verbs, replace);
        merge_list(&mut self.pronouns, f.pronouns, replace);
        merge_list(&mut self.possessives, f.possessives, replace);
        merge_list(&mut self.determiners, f.determiners, replace);
        merge_list(&mut self.titles, f.titles, replace);
        merge_list(&mut self.not_speakers, f.not_speakers, replace);
        merge_list(&mut self.not_in_names, f.not_in_names, replace);
        merge_list(&mut self.not_name_endings, f.not_name_endings, replace);
        merge_list(
            &mut self.name_words_despite_ending,
            f.name_words_despite_ending,
            replace,
        );
        merge_list(&mut self.listener_verbs, f.listener_verbs, replace);
        merge_list(&mut self.prepositions, f.prepositions, replace);
        merge_list(&mut self.name_particles, f.name_particles, replace);
        merge_list(&mut self.speaker_nouns, f.speaker_nouns, replace);
        merge_list(&mut self.male_words, f.male_words, replace);
        merge_list(&mut self.female_words, f.female_words, replace);
        merge_list(&mut self.kin_titles, f.kin_titles, replace);
        merge_list(&mut self.honorific_nouns, f.honorific_nouns, replace);
        merge_list(&mut self.other_nouns, f.other_nouns, replace);
        merge_list(&mut self.male_nouns, f.male_nouns, replace);
        merge_list(&mut self.female_nouns, f.female_nouns, replace);
        merge_list(&mut self.voice_nouns, f.voice_nouns, replace);
        merge_list(&mut self.answer_links, f.answer_links, replace);
        merge_list(&mut self.clause_openers, f.clause_openers, replace);
        merge_list(&mut self.list_conjunctions, f.list_conjunctions, replace);
        merge_list(&mut self.endearments, f.endearments, replace);
        merge_list(&mut self.silent_replies, f.silent_replies, replace);
        merge_list(&mut self.place_prepositions, f.place_prepositions, replace);
        merge_list(
            &mut self.manner_prepositions,
            f.manner_prepositions,
            replace,
        );
        merge_list(
            &mut self.indefinite_articles,
            f.indefinite_articles,
            replace,
        );
        merge_list(&mut self.maiden_titles, f.maiden_titles, replace);
        merge_list(&mut self.male_pronouns, f.male_pronouns, replace);
        merge_list(&mut self.female_pronouns, f.female_pronouns, replace);
    }
}

/// Appends `extra` to `list`, or replaces `list` with it in replace mode.
fn merge_list<T>(list: &mut Vec<T>, extra: Option<Vec<T>>, replace: bool) {
    if let Some(extra) = extra {
        if replace {
            *list = extra;
        } else {
            list.extend(extra);
        }
    }
}

fn rules_files(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::from(e).in_file(path))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| Error::from(e).in_file(path))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let rules = RuleSet::embedded();
        assert!(rules.quotes.pairs.iter().any(|p| p.open == "“"));
        assert!(rules.quotes.apostrophes.marks.contains(&"’".to_string()));
        let forms: usize = rules.speech.verbs.iter().map(Vec::len).sum();
        assert!(forms > 300, "{forms} speech verb forms");
    }

    #[test]
    fn broken_yaml_names_line_and_column() {
        let mut rules = RuleSet::default();
        let err = rules
            .merge_text("quotes:\n  pairs: [\n", Path::new("bad.yaml"))
            .unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("bad.yaml:"), "{shown}");
        assert!(err.location.is_some());
    }

    #[test]
    fn unknown_fields_are_errors() {
        let mut rules = RuleSet::default();
        let err = rules
            .merge_text("quotes:\n  pears: []\n", Path::new("typo.yaml"))
            .unwrap_err();
        assert!(err.to_string().contains("pears"), "{err}");
        assert_eq!(err.location.as_ref().map(|l| l.line), Some(2));
    }

    #[test]
    fn files_append_unless_they_replace() {
        let mut rules = RuleSet::embedded();
        let before = rules.quotes.pairs.len();
        let extra = "quotes:\n  pairs:\n    - {name: x, open: '<<', close: ['>>']}\n";
        rules.merge_text(extra, Path::new("x.yaml")).unwrap();
        assert_eq!(rules.quotes.pairs.len(), before + 1);
        let only = format!("replace: true\n{extra}");
        rules.merge_text(&only, Path::new("y.yaml")).unwrap();
        assert_eq!(rules.quotes.pairs.len(), 1);
    }

    #[test]
    fn empty_marks_are_refused() {
        let mut rules = RuleSet::default();
        let bad = "quotes:\n  pairs:\n    - {name: x, open: '', close: ['>']}\n";
        assert!(rules.merge_text(bad, Path::new("e.yaml")).is_err());
    }
}
