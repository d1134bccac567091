//! Time over growing sizes of pathological input: it must grow linearly.
//! `cargo bench --bench pathological` (1, 2, 4 and 8 MB of each shape).

use divan::counter::BytesCount;
use divan::Bencher;
use quotecheck::{Pipeline, RuleSet};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1 << 20, 2 << 20, 4 << 20, 8 << 20];

fn run(bencher: Bencher, text: String) {
    let pipeline = Pipeline::new(&RuleSet::embedded());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| pipeline.extract(&text).quotes.len());
}

fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn opening_marks(bencher: Bencher, bytes: usize) {
    run(bencher, fill("“", bytes));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn quotes_on_one_line(bencher: Bencher, bytes: usize) {
    run(
        bencher,
        fill("He said “hello there,” and she said “no way.” ", bytes),
    );
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn straight_pairs(bencher: Bencher, bytes: usize) {
    run(bencher, fill("\"a\" ", bytes));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn apostrophes(bencher: Bencher, bytes: usize) {
    run(bencher, fill("the Joneses' car's 'n' ", bytes));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn unclosed_at_the_start(bencher: Bencher, bytes: usize) {
    run(bencher, format!("“{}", fill("word ", bytes)));
}
