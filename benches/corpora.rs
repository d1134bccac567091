//! Throughput on one core on real text: the texts of `../shared/eval/*.jsonl`
//! when they are there, and the generated corpus of `throughput` for
//! comparison. `cargo bench --bench corpora`. Prints the median and the spread.

mod common;

use quotecheck::{Pipeline, RuleSet};

type Stage = fn(&Pipeline, &str) -> usize;

fn main() {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    let (articles, bytes) = common::news_articles(8 << 20, 42);
    let stages: [(&str, Stage); 2] = [
        ("quotes", |p, t| p.find_quotes(t).quotes.len()),
        ("quotes+attribution", |p, t| p.extract(t).quotes.len()),
    ];
    for (stage, run) in stages {
        let label = format!("{stage}: generated news");
        common::report(&label, bytes, 9, || {
            articles.iter().map(|t| run(&pipeline, t)).sum()
        });
        for name in ["polnear-dev", "polnear-train", "pdnc-dev"] {
            let path = format!("../shared/eval/{name}.jsonl");
            let Some(texts) = common::jsonl_texts(&path) else {
                continue;
            };
            let bytes = texts.iter().map(String::len).sum();
            common::report(&format!("{stage}: {name}"), bytes, 3, || {
                texts.iter().map(|t| run(&pipeline, t)).sum()
            });
        }
    }
}
