//! Extraction throughput on one core: `cargo bench --bench extract`.
//!
//! Measures a generated news-like corpus (always) and the texts of
//! `../shared/eval/*.jsonl` (when they are there).

mod common;

use quotecheck::{Pipeline, RuleSet};

fn main() {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    let corpus = common::news_corpus(16 << 20, 42);
    common::report("extract: generated news corpus", corpus.len(), 15, || {
        pipeline.extract(&corpus).quotes.len()
    });
    for name in ["polnear-dev", "polnear-train", "pdnc-dev"] {
        let path = format!("../shared/eval/{name}.jsonl");
        let Some(texts) = common::jsonl_texts(&path) else {
            continue;
        };
        let bytes = texts.iter().map(String::len).sum();
        common::report(&format!("extract: {path}"), bytes, 9, || {
            texts.iter().map(|t| pipeline.extract(t).quotes.len()).sum()
        });
    }
}
