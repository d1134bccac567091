#![allow(dead_code)]
//! Shared by the benchmarks: a deterministic news-like corpus and a timer that
//! reports the median and spread of throughput.

use std::time::Instant;

/// The benchmarks allocate as the binary does.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small deterministic generator (xorshift), so every run measures the same
/// bytes without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Moon Jae-in",
    "Donald Trump",
    "Angela Merkel",
    "Paul D. Ryan",
    "Xi Jinping",
    "Maria O’Brien",
];
const SHORT: &[&str] = &[
    "Moon",
    "Trump",
    "Merkel",
    "Ryan",
    "he",
    "she",
    "the spokeswoman",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "wrote",
    "insisted",
    "warned",
];
const WORDS: &[&str] = &[
    "the",
    "summit",
    "nuclear",
    "talks",
    "would",
    "officials",
    "country’s",
    "don’t",
    "policy",
    "administration",
    "election",
    "we",
    "it’s",
    "people",
    "economy",
    "Washington",
    "that",
    "a",
    "government",
    "in",
    "of",
    "and",
    "’90s",
    "sanctions",
    "negotiations",
    "their",
    "president",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut out = String::from("Now");
    for _ in 0..words {
        out.push(' ');
        out.push_str(rng.pick(WORDS));
    }
    out
}

/// One paragraph in one of the shapes news copy takes.
fn paragraph(rng: &mut Rng) -> String {
    let name = rng.pick(NAMES);
    let short = rng.pick(SHORT);
    let verb = rng.pick(VERBS);
    let n = 6 + rng.below(14);
    let (a, b) = (sentence(rng, n), sentence(rng, n / 2 + 3));
    match rng.below(12) {
        0 => format!("“{a},” {short} {verb}. “{b}.”"),
        1 => format!("{name} {verb} that the plan was “{b}” and {a}."),
        2 => format!("\"{a},\" {verb} {name}, a longtime official."),
        3 => format!("{a}. {b}, {short} {verb}."),
        4 => format!("''{a},'' {short} {verb}. ''{b}.''"),
        5 => format!("{name} {verb}: “{a} ‘{b}’ again.”"),
        // Most news paragraphs carry no quote at all.
        _ => format!("{a}. {b}, {a}. {b} — {a}."),
    }
}

/// About `bytes` of article text, paragraphs separated by blank lines.
pub fn news_corpus(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        out.push_str(&paragraph(&mut rng));
        out.push_str("\n\n");
    }
    out
}

/// The generated corpus cut into articles of twelve paragraphs, with its size
/// in bytes.
pub fn news_articles(bytes: usize, seed: u64) -> (Vec<String>, usize) {
    let text = news_corpus(bytes, seed);
    let paragraphs: Vec<&str> = text.split_inclusive("\n\n").collect();
    let articles = paragraphs.chunks(12).map(|c| c.concat()).collect();
    (articles, text.len())
}

/// The texts of a JSON Lines gold file, when it is there.
pub fn jsonl_texts(path: &str) -> Option<Vec<String>> {
    let content = std::fs::read_to_string(path).ok()?;
    let texts = content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    Some(texts)
}

/// Runs `work` over `bytes` bytes `runs` times after a warm-up and prints the
/// median throughput and the spread in MB/s (10^6 bytes a second). Words
/// given after `--` on the command line pick the labels to run: `cargo bench
/// --bench corpora -- attribution pdnc` runs those holding both.
pub fn report(label: &str, bytes: usize, runs: usize, mut work: impl FnMut() -> usize) {
    let picked = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .all(|a| label.contains(&a));
    if !picked {
        return;
    }
    let mut sink = work();
    let mut rates: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            sink = sink.wrapping_add(work());
            bytes as f64 / t.elapsed().as_secs_f64() / 1e6
        })
        .collect();
    rates.sort_by(|a, b| a.total_cmp(b));
    let median = rates[rates.len() / 2];
    println!(
        "{label:<44} {:>8.1} MB/s median  (min {:.1}, max {:.1}, {runs} runs over {:.1} MB; {sink} quotes)",
        median,
        rates[0],
        rates[rates.len() - 1],
        bytes as f64 / 1e6,
        sink = sink / (runs + 1),
    );
}
