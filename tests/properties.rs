//! Properties that hold for any input: no panic, offsets on char boundaries and
//! inside the input, quotes sorted and not overlapping, nested quotes inside
//! their parent, and the same answer every time.

use proptest::prelude::*;
use quotecheck::check::{check, Severity};
use quotecheck::expect::Expectations;
use quotecheck::{bless, Extraction, Pipeline, Quote, RuleSet};

/// Text built from the characters that matter to the grammar: every quote mark
/// and apostrophe, letters, digits, white space, line endings, punctuation and
/// multi-byte characters.
fn article() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"", "'", "''", "``", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "「", "」", "『",
        "』", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{feff}", "a", "s", "T", "is", "n",
        "90", "word", "Jones", ",", ".", "!", "—", "(", "=", "é", "大",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check_quote(text: &str, q: &Quote, within: (usize, usize)) {
    for offset in [q.start, q.end, q.open] {
        assert!(offset <= text.len());
        assert!(
            text.is_char_boundary(offset),
            "offset {offset} splits a character"
        );
    }
    assert!(q.open < q.start && q.start < q.end);
    assert_eq!(q.text, text[q.start..q.end]);
    if let Some(close) = q.close {
        assert!(close > q.end && close <= text.len() && text.is_char_boundary(close));
    }
    assert!(
        q.start >= within.0 && q.end <= within.1,
        "nested quote outside its parent"
    );
    assert!(q.line >= 1 && q.column >= 1);
    check_sorted(text, &q.nested, (q.start, q.end));
}

fn check_sorted(text: &str, quotes: &[Quote], within: (usize, usize)) {
    for pair in quotes.windows(2) {
        let end = pair[0].close.unwrap_or(pair[0].end);
        assert!(end <= pair[1].open, "quotes overlap or are out of order");
    }
    for q in quotes {
        check_quote(text, q, within);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn extraction_is_well_formed(text in article()) {
        let pipeline = Pipeline::new(&RuleSet::embedded());
        let found = pipeline.extract(&text);
        check_sorted(&text, &found.quotes, (0, text.len()));
        for d in &found.diagnostics {
            prop_assert!(d.offset <= text.len() && text.is_char_boundary(d.offset));
        }
        prop_assert_eq!(found, pipeline.extract(&text));
    }

    #[test]
    fn json_output_parses_and_round_trips(text in article()) {
        let found = Pipeline::new(&RuleSet::embedded()).extract(&text);
        let json = serde_json::to_string(&found).unwrap();
        let back: Extraction = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, found);
    }

    #[test]
    fn bless_then_check_is_green(text in article()) {
        let found = Pipeline::new(&RuleSet::embedded()).extract(&text);
        let written = bless::new_file(&found.quotes);
        let expect = Expectations::parse(&written).unwrap();
        let findings = check(&found, &expect, 0.8);
        let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, written);
    }

    #[test]
    fn arbitrary_unicode_does_not_panic(text in "\\PC{0,200}") {
        let found = Pipeline::new(&RuleSet::embedded()).extract(&text);
        check_sorted(&text, &found.quotes, (0, text.len()));
    }
}
