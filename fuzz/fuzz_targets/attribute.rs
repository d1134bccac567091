//! Extraction plus attribution on arbitrary text: no panic, and mentions and
//! cues are real spans of the text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::{Pipeline, RuleSet, Span};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&RuleSet::embedded()))
}

fn check_span(text: &str, s: &Span) {
    assert!(s.start <= s.end && s.end <= text.len());
    assert_eq!(s.text, text[s.start..s.end]);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for q in pipeline().extract(text).quotes {
        assert!(q.rule.is_some());
        q.mention.iter().chain(q.cue.iter()).for_each(|s| check_span(text, s));
    }
});
