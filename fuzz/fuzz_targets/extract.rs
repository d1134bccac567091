//! Extraction on arbitrary bytes: no panic, and every quote well formed.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::{Pipeline, Quote, RuleSet};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&RuleSet::embedded()))
}

fn check(text: &str, q: &Quote, lo: usize, hi: usize) {
    assert!(lo <= q.start && q.start < q.end && q.end <= hi);
    assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    assert_eq!(q.text, text[q.start..q.end]);
    for n in &q.nested {
        check(text, n, q.start, q.end);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let found = pipeline().find_quotes(text);
    let mut last_end = 0;
    for q in &found.quotes {
        assert!(q.open >= last_end);
        check(text, q, 0, text.len());
        last_end = q.close.unwrap_or(q.end);
    }
});
