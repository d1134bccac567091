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

struct Corpus {
    articles: Vec<String>,
    bytes: usize,
}

fn corpus() -> Corpus {
    let text = common::news_corpus(8 << 20, 42);
    let paragraphs: Vec<&str> = text.split_inclusive("\n\n").collect();
    let articles: Vec<String> = paragraphs.chunks(12).map(|c| c.concat()).collect();
    Corpus {
        bytes: text.len(),
        articles,
    }
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn quotes(bencher: Bencher) {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    let corpus = corpus();
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .articles
            .iter()
            .map(|a| pipeline.find_quotes(a).quotes.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn quotes_and_attribution(bencher: Bencher) {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    let corpus = corpus();
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .articles
            .iter()
            .map(|a| pipeline.extract(a).quotes.len())
            .sum::<usize>()
    });
}
