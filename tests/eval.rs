//! `quotecheck eval` on a small gold file written for this test, with the
//! figures worked out by hand from the metric's definition.

mod common;

use common::{quotecheck, scratch, stdout};
use serde_json::json;

fn span(text: &str, part: &str) -> (usize, usize) {
    let start = text.find(part).unwrap();
    (start, start + part.len())
}

fn gold_file() -> String {
    let a = "“We won,” Ann Lee said. Later she wrote “a fluke” twice.";
    let (q1, m1, q2, q3) = (
        span(a, "We won,"),
        span(a, "Ann Lee"),
        span(a, "a fluke"),
        span(a, "Later"),
    );
    let b = "“Hello,” said Lizzy.";
    let hello = span(b, "Hello,");
    let doc_a = json!({"id": "a", "source": "news", "text": a, "quotes": [
        // Found and attributed through an overlapping mention: correct.
        {"start": q1.0, "end": q1.1, "speaker": "Ann Lee", "mentions": [{"start": m1.0, "end": m1.1}]},
        // Found, but the tool says Ann Lee: wrong.
        {"start": q2.0, "end": q2.1, "speaker": "Bo Park", "mentions": []},
        // Not a quote the tool can find: a miss.
        {"start": q3.0, "end": q3.1, "speaker": null, "mentions": []}
    ]});
    let doc_b = json!({"id": "b", "source": "books", "text": b,
        "speakers": {"Elizabeth Bennet": ["Lizzy", "Miss Bennet"]},
        // Correct through the alias list: the mention is "Lizzy".
        "quotes": [{"start": hello.0, "end": hello.1, "speaker": "Elizabeth Bennet"}]});
    format!("{doc_a}\n{doc_b}\n")
}

fn close(a: &serde_json::Value, b: f64) -> bool {
    (a.as_f64().unwrap() - b).abs() < 1e-9
}

#[test]
fn figures_follow_the_metric() {
    let dir = scratch("eval");
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, gold_file()).unwrap();
    let out = quotecheck(
        &[
            "eval",
            "--format",
            "json",
            "--errors",
            "5",
            gold.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let all = &r["overall"];
    assert_eq!(
        (
            all["gold"].as_u64(),
            all["pred"].as_u64(),
            all["matched"].as_u64()
        ),
        (Some(4), Some(3), Some(3))
    );
    assert_eq!(
        (all["with_speaker"].as_u64(), all["correct"].as_u64()),
        (Some(3), Some(2))
    );
    assert!(close(&all["quote_precision"], 1.0));
    assert!(close(&all["quote_recall"], 0.75));
    assert!(close(&all["quote_f1"], 2.0 * 0.75 / 1.75));
    assert!(close(&all["attribution_accuracy"], 2.0 / 3.0));
    assert!(close(&all["end_to_end"], 0.5));
    let news = &r["by_source"]["news"];
    assert!(close(&news["quote_recall"], 2.0 / 3.0));
    assert!(close(&news["attribution_accuracy"], 0.5));
    assert!(close(&r["by_source"]["books"]["attribution_accuracy"], 1.0));
    assert_eq!(r["misses"].as_array().unwrap().len(), 1);
    assert_eq!(r["wrong"][0]["predicted_speaker"], "Ann Lee");
    assert_eq!(r["wrong"][0]["gold_speaker"], "Bo Park");
}

#[test]
fn the_table_has_a_row_per_source_and_overall() {
    let dir = scratch("eval-table");
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, gold_file()).unwrap();
    let out = quotecheck(&["eval", gold.to_str().unwrap()], b"");
    let text = stdout(&out);
    let last = text.lines().last().unwrap();
    let cells: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(
        cells,
        vec!["all", "2", "4", "3", "1.000", "0.750", "0.857", "0.667", "0.500"]
    );
    assert!(text.lines().any(|l| l.starts_with("books ")));
}
