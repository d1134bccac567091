//! Inputs that once crashed quotecheck, found by fuzzing; each test is named
//! after what went wrong.

use quotecheck::{Pipeline, RuleSet};

fn attribute(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("fixtures are UTF-8");
    let found = Pipeline::new(&RuleSet::embedded()).extract(text);
    for q in &found.quotes {
        assert_eq!(q.text, text[q.start..q.end]);
    }
}

/// The word scan was given a window ending inside a multi-byte character (a
/// sentence cut 600 bytes after a quote) and sliced the text there.
#[test]
fn word_window_ending_inside_a_character() {
    attribute(include_bytes!(
        "regressions/window-ends-inside-a-character.txt"
    ));
}

/// A description resolved through a title ("the mayor" → "Mayor …") read the
/// 40 bytes before each "Mayor " for its modifiers, starting inside a
/// multi-byte character.
#[test]
fn title_modifiers_start_inside_a_character() {
    attribute(include_bytes!(
        "regressions/title-modifiers-start-inside-a-character.txt"
    ));
}
