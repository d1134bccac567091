//! Throughput on one core with divan (median, mean and spread):
//! `cargo bench --bench throughput`.
//!
//! The corpus is generated and deterministic: news-like articles of twelve
//! paragraphs, 8 MB in all. The stages: finding quotes alone, and finding plus
//! attributing them.

mod common;

use divan::counter::BytesCount;
use divan::Bencher;
use quotecheck::{Pipeline, RuleSet};

fn main() {
    divan::main();
}

/// Runs one stage over the generated articles, counting their bytes.
fn measure(bencher: Bencher, stage: fn(&Pipeline, &str) -> usize) {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    let (articles, bytes) = common::news_articles(8 << 20, 42);
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| articles.iter().map(|a| stage(&pipeline, a)).sum::<usize>());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn quotes(bencher: Bencher) {
    measure(bencher, |p, a| p.find_quotes(a).quotes.len());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn quotes_and_attribution(bencher: Bencher) {
    measure(bencher, |p, a| p.extract(a).quotes.len());
}
