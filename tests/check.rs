//! `quotecheck check` end to end: every finding kind, every format, every exit
//! code, --bless, corpus runs and JSON Lines records.

mod common;

use common::{json_lines, quotecheck, quotecheck_env, scratch, stderr, stdout};
use std::process::Output;

const WRONG: &[&str] = &[
    "examples/riverton-bike-lanes.txt",
    "--expect",
    "examples/riverton-bike-lanes.wrong.quotes.yaml",
];

fn check(args: &[&str]) -> Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    quotecheck(&all, b"")
}

fn with(wrong: &[&str], more: &[&str]) -> Vec<String> {
    wrong.iter().chain(more).map(|s| s.to_string()).collect()
}

fn check_owned(args: &[String]) -> Output {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    check(&refs)
}

#[test]
fn the_examples_check_green() {
    let out = check(&["examples/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "ok: 2 articles checked\n");
}

#[test]
fn transcript_of_every_finding_kind() {
    let out = check_owned(&with(WRONG, &["--color", "never"]));
    assert_eq!(out.status.code(), Some(1));
    let expected = include_str!("transcripts/riverton-wrong.txt");
    assert_eq!(stdout(&out), expected);
}

#[test]
fn json_lines_name_every_finding_kind_and_end_with_a_summary() {
    let out = check_owned(&with(WRONG, &["--format", "json"]));
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let mut kinds: Vec<&str> = lines.iter().filter_map(|l| l["kind"].as_str()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            "misquote",
            "missing",
            "unattributed",
            "unexpected",
            "wrong-cue",
            "wrong-speaker"
        ]
    );
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["errors"], 6);
    let misquote = lines.iter().find(|l| l["kind"] == "misquote").unwrap();
    assert_eq!(
        misquote["diff"][1],
        serde_json::json!({"op": "delete", "text": "three"})
    );
    assert_eq!(misquote["line"], 9);
    let wrong = lines.iter().find(|l| l["kind"] == "wrong-speaker").unwrap();
    assert_eq!(wrong["found_speaker"], "Ana Ruiz");
    assert_eq!(wrong["rule"], "speaker-verb-after");
}

#[test]
fn junit_is_well_formed_xml_with_a_case_per_expected_quote() {
    let out = check_owned(&with(WRONG, &["--format", "junit"]));
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout(&out);
    let mut reader = quick_xml::Reader::from_str(&xml);
    reader.config_mut().check_end_names = true;
    let (mut cases, mut failures) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                cases += usize::from(e.name().as_ref() == b"testcase");
                failures += usize::from(e.name().as_ref() == b"failure");
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    // Five expected quotes and one unexpected; every one fails here.
    assert_eq!(cases, 6);
    assert_eq!(failures, 6);
}

#[test]
fn github_annotations_and_step_summary() {
    let dir = scratch("github");
    let summary = dir.join("summary.md");
    let args: Vec<&str> = ["check"]
        .iter()
        .copied()
        .chain(WRONG.iter().copied())
        .chain(["--format", "github"])
        .collect();
    let out = quotecheck_env(
        &args,
        b"",
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=examples/riverton-bike-lanes.txt"),
            "{line}"
        );
        let (props, message) = line["::error ".len()..].split_once("::").unwrap();
        assert!(props.split(',').all(|p| p.contains('=')), "{props}");
        assert!(!message.contains('\n'));
    }
    assert!(text.contains(",line=9,col=2,title=misquote::"), "{text}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.contains("| examples/riverton-bike-lanes.txt | 5 | 5 | 6 | 0 |"),
        "{md}"
    );
}

#[test]
fn colour_follows_the_flag() {
    let out = check_owned(&with(WRONG, &["--color", "always"]));
    assert!(stdout(&out).contains("\x1b[1;31merror[misquote]"));
    let out = check_owned(&with(WRONG, &[]));
    assert!(
        !stdout(&out).contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn quiet_prints_only_the_summary() {
    let out = check_owned(&with(WRONG, &["--quiet"]));
    assert_eq!(
        stdout(&out),
        "failed: 1 article checked: 6 errors, 0 warnings, 0 with trouble\n"
    );
}

#[test]
fn threshold_turns_a_misquote_into_missing() {
    let out = check_owned(&with(WRONG, &["--format", "json", "--threshold", "0.95"]));
    let text = stdout(&out);
    assert!(!text.contains("\"misquote\""));
    assert_eq!(text.matches("\"missing\"").count(), 2);
}

#[test]
fn broken_and_unknown_yaml_are_trouble_with_a_place() {
    let dir = scratch("broken-yaml");
    std::fs::write(dir.join("a.txt"), "He said “yes.”").unwrap();
    std::fs::write(
        dir.join("a.quotes.yaml"),
        "quotes:\n  - text: yes.\n    speakr: Ann\n",
    )
    .unwrap();
    let out = check(&[dir.join("a.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("a.quotes.yaml:3:5"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("speakr"));
}

#[test]
fn a_corpus_with_one_broken_file_checks_the_others() {
    let dir = scratch("corpus");
    for name in ["a", "b", "c"] {
        std::fs::write(
            dir.join(format!("{name}.txt")),
            format!("“Hello from {name},” Ann Lee said."),
        )
        .unwrap();
        let yaml = format!("quotes:\n  - text: \"Hello from {name},\"\n    speaker: Ann Lee\n");
        std::fs::write(dir.join(format!("{name}.quotes.yaml")), yaml).unwrap();
    }
    std::fs::write(dir.join("b.quotes.yaml"), "quotes: [\n").unwrap();
    std::fs::write(dir.join("d.txt"), "“No file,” Bo said.").unwrap();
    let out = check(&["--format", "json", "--jobs", "3", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    let paths: Vec<String> = lines
        .iter()
        .filter_map(|l| l["path"].as_str())
        .map(|p| p.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        vec!["b.txt", "d.txt"],
        "in path order: b's trouble, d's missing expectations"
    );
    assert!(lines[0]["error"]
        .as_str()
        .unwrap()
        .contains("b.quotes.yaml:"));
    assert_eq!(lines[1]["kind"], "no-expectations");
    assert_eq!(
        lines.last().unwrap()["summary"],
        serde_json::json!({"articles": 4, "errors": 0, "warnings": 1, "trouble": 1})
    );
}

#[test]
fn bless_writes_new_files_that_check_green() {
    let dir = scratch("bless-new");
    let article = dir.join("a.txt");
    let text = "“We won,” said Dana Holt. Critics called it “a fluke.”";
    std::fs::write(&article, text).unwrap();
    let out = check(&["--bless", article.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stderr(&out).contains("blessed: wrote 2 quotes to"));
    let written = std::fs::read_to_string(dir.join("a.quotes.yaml")).unwrap();
    assert!(
        written.contains("- text: \"We won,\"\n    speaker: \"Dana Holt\""),
        "{written}"
    );
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        text,
        "the article is never touched"
    );
    let again = check(&[article.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
}

#[test]
fn bless_appends_to_existing_files_without_changing_entries() {
    let dir = scratch("bless-old");
    let article = dir.join("a.txt");
    std::fs::write(&article, "“One,” Ann Lee said. “Two,” said Bo Park.").unwrap();
    let mine =
        "# my notes\nquotes:\n  - text: \"One,\"   # checked by hand\n    speaker: Ann Lee\n";
    std::fs::write(dir.join("a.quotes.yaml"), mine).unwrap();
    let out = check(&["--bless", article.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let written = std::fs::read_to_string(dir.join("a.quotes.yaml")).unwrap();
    assert!(written.starts_with(mine), "{written}");
    assert!(
        written.ends_with("  - text: \"Two,\"\n    speaker: \"Bo Park\"\n"),
        "{written}"
    );
    let twice = check(&["--bless", article.to_str().unwrap()]);
    assert!(
        !stderr(&twice).contains("blessed"),
        "nothing left to append"
    );
}

#[test]
fn jsonl_records_are_checked_in_order() {
    let input = concat!(
        r#"{"id": "r1", "text": "“Yes,” Ann Lee said.", "expect": {"quotes": [{"text": "Yes,", "speaker": "Ann Lee"}]}}"#,
        "\n",
        r#"{"id": "r2", "text": "“No,” Ann Lee said.", "expect": {"quotes": [{"text": "No,", "speaker": "Bo Park"}]}}"#,
        "\n",
        r#"{"id": "r3", "text": "x", "expect": {"quotes": [], "bogus": 1}}"#,
        "\n"
    );
    let out = quotecheck(
        &["check", "--input", "jsonl", "--format", "json"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["path"], "r2");
    assert_eq!(lines[0]["kind"], "wrong-speaker");
    assert_eq!(lines[1]["path"], "r3");
    assert!(lines[1]["error"].as_str().unwrap().contains("bogus"));
    assert_eq!(lines[2]["summary"]["articles"], 3);
}

#[test]
fn a_missing_expect_file_is_trouble() {
    let out = check(&[
        "examples/riverton-bike-lanes.txt",
        "--expect",
        "no/such.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("no/such.yaml"), "{}", stdout(&out));
}

#[test]
fn expect_takes_exactly_one_article() {
    let out = check(&[
        "examples/",
        "--expect",
        "examples/riverton-bike-lanes.quotes.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("exactly one article"));
}
