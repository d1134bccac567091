//! The `quotecheck` binary end to end: formats, inputs, errors and exit codes.

mod common;

use common::{json_lines, quotecheck, scratch, stderr, stdout};

const EXAMPLE: &str = "examples/ap-third-trump-kim-summit.txt";

#[test]
fn example_json_matches_the_design_contract() {
    let out = quotecheck(&["extract", "--format", "json", EXAMPLE], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["path"], EXAMPLE);
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 10);
    let maybe = quotes
        .iter()
        .find(|q| q["text"] == "Maybe there was.")
        .unwrap();
    for (field, value) in [
        ("start", 2314),
        ("end", 2330),
        ("open", 2311),
        ("close", 2333),
        ("line", 19),
        ("column", 230),
        ("paragraph", 9),
    ] {
        assert_eq!(maybe[field], value, "{field}");
    }
    for field in ["speaker", "mention", "cue", "rule", "nested"] {
        assert!(
            maybe.get(field).is_some(),
            "field {field} is part of the contract"
        );
    }
}

#[test]
fn human_output_names_path_line_and_column() {
    let out = quotecheck(&["extract", EXAMPLE], b"");
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{EXAMPLE}:19:230: «Maybe there was.»")),
        "{text}"
    );
}

#[test]
fn yaml_output_parses() {
    let out = quotecheck(&["extract", "--format", "yaml", EXAMPLE], b"");
    let text = stdout(&out);
    let doc: serde_json::Value = serde_yaml::from_str(text.trim_start_matches("---\n")).unwrap();
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 10);
}

#[test]
fn stdin_is_read_for_dash_and_for_no_path() {
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let out = quotecheck(args, "She said “hi.”".as_bytes());
        assert_eq!(
            stdout(&out),
            "-:1:11: «hi.» — She (unresolved) [speaker-verb-before]\n"
        );
    }
}

#[test]
fn jsonl_input_keeps_order_ids_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": "a", "text": "He said \"one.\""}"#,
        "\n",
        "{not json\n",
        r#"{"id": 7, "text": "“two”"}"#,
        "\n"
    );
    let out = quotecheck(
        &["extract", "--input", "jsonl", "--format", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["text"], "one.");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["quotes"][0]["text"], "two");
    assert!(stderr(&out).contains("-:2:"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_names_file_and_offset_and_other_files_still_run() {
    let dir = scratch("invalid-utf8");
    std::fs::write(dir.join("a-bad.txt"), b"ok\n\xff\xfe bad").unwrap();
    std::fs::write(dir.join("b-good.txt"), "“fine”").unwrap();
    let out = quotecheck(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("a-bad.txt:2:1: invalid UTF-8 at byte offset 3"),
        "{err}"
    );
    assert!(stdout(&out).contains("b-good.txt:1:2: «fine»"));
}

#[test]
fn directories_are_walked_in_a_stable_order_for_articles_only() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "“b”").unwrap();
    std::fs::write(dir.join("a.md"), "“a”").unwrap();
    std::fs::write(dir.join("sub/c.txt"), "“c”").unwrap();
    std::fs::write(dir.join("skip.json"), "“no”").unwrap();
    let out = quotecheck(&["extract", dir.to_str().unwrap()], b"");
    let order: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            l.split(':')
                .next()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(order, vec!["a.md", "b.txt", "c.txt"]);
}

#[test]
fn missing_file_is_trouble_but_others_run() {
    let out = quotecheck(&["extract", "no/such/file.txt", EXAMPLE], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/file.txt"));
    assert_eq!(stdout(&out).lines().count(), 10);
}

#[test]
fn broken_rules_file_names_file_line_and_column() {
    let dir = scratch("broken-rules");
    let rules = dir.join("house.yaml");
    std::fs::write(&rules, "quotes:\n  pairs:\n    - name: x\n      opn: '<'\n").unwrap();
    let out = quotecheck(
        &["extract", "--rules", rules.to_str().unwrap(), EXAMPLE],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("house.yaml:4:7"), "{err}");
    assert!(err.contains("opn"), "{err}");
}

#[test]
fn rules_files_add_quote_marks() {
    let dir = scratch("extra-rules");
    let rules = dir.join("angle.yaml");
    std::fs::write(
        &rules,
        "quotes:\n  pairs:\n    - {name: angle, open: '<<', close: ['>>']}\n",
    )
    .unwrap();
    let out = quotecheck(
        &["extract", "--rules", rules.to_str().unwrap()],
        b"He said <<hello>> twice.",
    );
    assert_eq!(
        stdout(&out),
        "-:1:11: «hello» — He (unresolved) [speaker-verb-before]\n"
    );
}
