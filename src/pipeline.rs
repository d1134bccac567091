//! The pipeline in one place: text → document → quotes (→ attribution, later
//! stages). Built once from a rule set, then run on any number of texts.

use crate::attribution::{attribute, Attribution};
use crate::document::{Document, Positions};
use crate::grammar::quotes::{QuoteGrammar, RawDiagnostic, RawQuote};
use crate::grammar::speech::Lexicon;
use crate::model::{Diagnostic, Extraction, Level, Quote, Span};
use crate::rules::RuleSet;

/// The compiled rules, ready to run. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    quotes: QuoteGrammar,
    lexicon: Lexicon,
}

impl Pipeline {
    pub fn new(rules: &RuleSet) -> Self {
        Pipeline {
            quotes: QuoteGrammar::new(&rules.quotes),
            lexicon: Lexicon::new(&rules.speech),
        }
    }

    /// Finds the quotes of `text` and attributes them. Offsets point into
    /// `text` as given.
    pub fn extract(&self, text: &str) -> Extraction {
        self.run(text, true)
    }

    /// Finds the quotes of `text` without attributing them (speaker, mention,
    /// cue and rule stay empty): the first stage alone, for measuring.
    pub fn find_quotes(&self, text: &str) -> Extraction {
        self.run(text, false)
    }

    fn run(&self, text: &str, with_attribution: bool) -> Extraction {
        let doc = Document::new(text);
        let (raw, raw_diagnostics) = self.quotes.scan(&doc);
        let mut positions = doc.positions();
        let mut quotes: Vec<Quote> = raw
            .iter()
            .map(|q| to_quote(&doc, &mut positions, q))
            .collect();
        if with_attribution {
            let attributions = attribute(&self.lexicon, &doc, &raw);
            for (quote, a) in quotes.iter_mut().zip(&attributions) {
                attribute_quote(quote, a, text);
            }
        }
        let mut positions = doc.positions();
        let diagnostics = raw_diagnostics
            .iter()
            .map(|d| to_diagnostic(&mut positions, d))
            .collect();
        Extraction {
            quotes,
            diagnostics,
        }
    }
}

fn span(text: &str, range: Option<(usize, usize)>) -> Option<Span> {
    range.map(|(start, end)| Span {
        text: text[start..end].to_string(),
        start,
        end,
    })
}

fn attribute_quote(quote: &mut Quote, a: &Attribution, text: &str) {
    quote.speaker = a.speaker.clone();
    quote.mention = span(text, a.mention);
    quote.cue = span(text, a.cue);
    quote.rule = Some(a.rule.to_string());
}

/// The quote with its position; `positions` must be asked in text order,
/// which a depth-first walk of sorted quotes is.
fn to_quote(doc: &Document, positions: &mut Positions, raw: &RawQuote) -> Quote {
    let (line, column) = positions.at(raw.start);
    Quote {
        text: doc.text()[raw.start..raw.end].to_string(),
        start: raw.start,
        end: raw.end,
        open: raw.open,
        close: raw.close,
        line,
        column,
        paragraph: doc.paragraph_of(raw.open),
        speaker: None,
        mention: None,
        cue: None,
        rule: None,
        nested: raw
            .nested
            .iter()
            .map(|q| to_quote(doc, positions, q))
            .collect(),
    }
}

fn to_diagnostic(positions: &mut Positions, raw: &RawDiagnostic) -> Diagnostic {
    let (line, column) = positions.at(raw.offset);
    Diagnostic {
        level: Level::Warning,
        message: raw.message.clone(),
        line,
        column,
        offset: raw.offset,
    }
}
