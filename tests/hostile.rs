//! Pathological and hostile inputs: nothing panics, hangs or is lost. Time is
//! measured in the `pathological` benchmark, not here.

mod common;

use common::{quotecheck, scratch, stderr, stdout};
use quotecheck::expect::Expectations;
use quotecheck::{Pipeline, RuleSet};

const TEN_MB: usize = 10 << 20;

fn pipeline() -> Pipeline {
    Pipeline::new(&RuleSet::embedded())
}

#[test]
fn ten_megabytes_of_opening_marks() {
    let text = "“".repeat(TEN_MB / 3);
    let found = pipeline().extract(&text);
    assert!(found.quotes.len() <= 1);
    assert!(
        found.diagnostics.len() <= 40,
        "{} diagnostics",
        found.diagnostics.len()
    );
}

#[test]
fn ten_megabytes_without_a_newline() {
    let unit = "He said “hello there,” and she said “no way.” ";
    let text = unit.repeat(TEN_MB / unit.len());
    let found = pipeline().extract(&text);
    assert_eq!(found.quotes.len(), 2 * (TEN_MB / unit.len()));
    let last = found.quotes.last().unwrap();
    assert_eq!(last.line, 1);
    assert_eq!(last.column, text[..last.start].chars().count() + 1);
}

#[test]
fn a_hundred_thousand_nested_quotes() {
    let text = format!("{}x{}", "“‘".repeat(50_000), "’”".repeat(50_000));
    let found = pipeline().extract(&text);
    fn depth(q: &quotecheck::Quote) -> usize {
        1 + q.nested.iter().map(depth).max().unwrap_or(0)
    }
    let deepest = found.quotes.iter().map(depth).max().unwrap_or(0);
    assert!(deepest <= 32, "nesting is bounded, got {deepest}");
}

#[test]
fn a_million_apostrophes() {
    assert!(pipeline().extract(&"'".repeat(1_000_000)).quotes.is_empty());
    let possessives = "the Joneses' car ".repeat(100_000);
    assert!(pipeline().extract(&possessives).quotes.is_empty());
}

#[test]
fn a_quote_opened_and_never_closed_at_the_start_of_a_long_document() {
    let text = format!(
        "“{}\n\nLater, “a real quote” appears.",
        "word ".repeat(1_000_000)
    );
    let found = pipeline().extract(&text);
    assert_eq!(found.quotes.len(), 2);
    assert_eq!(found.quotes[0].close, None);
    assert_eq!(found.quotes[1].text, "a real quote");
    assert_eq!(found.diagnostics.len(), 1);
}

#[test]
fn an_article_of_one_character() {
    for text in ["x", "“", "'", "\n", "\u{feff}"] {
        let found = pipeline().extract(text);
        assert!(found.quotes.is_empty(), "{text:?}");
    }
}

#[test]
fn binary_files_in_a_corpus_are_skipped_with_a_warning() {
    let dir = scratch("binary");
    std::fs::write(dir.join("a.txt"), "“Hi,” Ann Lee said.").unwrap();
    std::fs::write(
        dir.join("a.quotes.yaml"),
        "quotes:\n  - {text: \"Hi,\", speaker: Ann Lee}\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    let out = quotecheck(&["check", "--format", "json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(r#""kind":"not-text""#),
        "{}",
        stdout(&out)
    );
    let out = quotecheck(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("b.txt: binary file (NUL byte at offset 4), skipped"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("«Hi,»"));
}

#[test]
fn a_symlink_loop_is_walked_once() {
    let dir = scratch("symlink-loop");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/a.txt"), "“One.”").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/back")).unwrap();
    let out = quotecheck(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
}

#[test]
fn an_unreadable_file_is_trouble_for_it_alone() {
    let dir = scratch("unreadable");
    std::fs::write(dir.join("a.txt"), "“One,” Ann Lee said.").unwrap();
    std::os::unix::fs::symlink(dir.join("missing"), dir.join("b.txt")).unwrap();
    let out = quotecheck(&["check", "--format", "json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("b.txt"), "{text}");
    assert!(
        text.contains(r#""kind":"no-expectations""#),
        "a.txt was still checked: {text}"
    );
    assert!(text.contains(r#""trouble":1"#));
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("quotes: [*i]\n");
    assert!(Expectations::parse(&bomb).is_err());
    let typed = bomb
        .replace("a: &a", "speakers: {x: &a")
        .replacen("\nb:", "}\nb:", 1);
    assert!(Expectations::parse(&typed).is_err());
}

#[test]
fn deep_nesting_is_refused_with_a_place() {
    let deep = format!("quotes: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let err = Expectations::parse(&deep).unwrap_err();
    assert!(err.location.is_some(), "{err}");
    let mut rules = RuleSet::default();
    let deep_rules = format!(
        "quotes:\n  pairs: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(rules
        .merge_text(&deep_rules, std::path::Path::new("deep.yaml"))
        .is_err());
}

#[test]
fn multi_megabyte_files_are_refused() {
    let scalar = format!("quotes:\n  - text: \"{}\"\n", "x".repeat(5 << 20));
    assert!(Expectations::parse(&scalar)
        .unwrap_err()
        .to_string()
        .contains("refused"));
    let mut rules = RuleSet::default();
    let err = rules
        .merge_text(&scalar, std::path::Path::new("big.yaml"))
        .unwrap_err();
    assert!(err.to_string().contains("refused"));
}

#[test]
fn a_sentence_whose_reach_ends_inside_a_character() {
    // A pronoun looks back over the sentences before it, each read up to
    // 200 bytes from its start; here that reach ends inside the ’ of
    // "’Tis". Every sentence start is tried, at every offset.
    for pad in 195..=202 {
        let text = format!(
            "x.{}’Tis late. Ann Lee nodded. “Go,” she said.",
            " ".repeat(pad)
        );
        let found = pipeline().extract(&text);
        assert_eq!(found.quotes.len(), 1, "pad {pad}");
        assert_eq!(found.quotes[0].speaker.as_deref(), Some("Ann Lee"));
    }
}
