//! Extraction on small fixtures, one test per convention of the grammar.

use quotecheck::{Extraction, Pipeline, Quote, RuleSet};

fn extract(text: &str) -> Extraction {
    Pipeline::new(&RuleSet::embedded()).extract(text)
}

/// The texts of the top-level quotes.
fn quotes(text: &str) -> Vec<String> {
    extract(text).quotes.into_iter().map(|q| q.text).collect()
}

fn only_quote(text: &str) -> Quote {
    let mut found = extract(text).quotes;
    assert_eq!(
        found.len(),
        1,
        "expected one quote in {text:?}, got {found:#?}"
    );
    found.remove(0)
}

#[test]
fn curly_double_quotes() {
    assert_eq!(quotes("He said “yes” and “no.”"), vec!["yes", "no."]);
}

#[test]
fn straight_double_quotes() {
    assert_eq!(
        quotes(r#""Go home," she said. "Now.""#),
        vec!["Go home,", "Now."]
    );
}

#[test]
fn curly_single_quotes_at_top_level() {
    assert_eq!(quotes("Trump Was ‘Mocking’ Clinton Camp"), vec!["Mocking"]);
}

#[test]
fn straight_single_quotes_at_top_level() {
    assert_eq!(
        quotes("Obama Sees 'Personal Insult' in Vote"),
        vec!["Personal Insult"]
    );
}

#[test]
fn offsets_are_bytes_of_the_content() {
    let text = "Moon said “Maybe.”";
    let q = only_quote(text);
    assert_eq!(&text[q.start..q.end], "Maybe.");
    assert_eq!(q.open, text.find('“').unwrap());
    assert_eq!(q.close, Some(text.len()));
    assert_eq!((q.line, q.column), (1, 12));
}

#[test]
fn apostrophes_inside_words_are_not_marks() {
    let text = "Korea’s leader didn't see O’Brien or O'Neill at the Joneses' house.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn elisions_and_decades_are_not_marks() {
    let text = "’Tis the ’90s, and rock ’n’ roll won't stop 'til '16, they tell 'em.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn apostrophes_inside_a_single_quoted_quote() {
    assert_eq!(
        quotes("She wrote 'Jones' cow is cuter!' on the wall."),
        vec!["Jones' cow is cuter!"]
    );
    assert_eq!(quotes("‘It’s the ’90s,’ he said."), vec!["It’s the ’90s,"]);
}

#[test]
fn possessive_at_the_end_of_a_single_quote_closes_it() {
    assert_eq!(
        quotes("They called it 'the Joneses' and left."),
        vec!["the Joneses"]
    );
}

#[test]
fn plural_possessive_inside_double_quotes() {
    let q = only_quote("“The Joneses’ car is the Smiths’,” he said.");
    assert_eq!(q.text, "The Joneses’ car is the Smiths’,");
    assert!(q.nested.is_empty());
}

#[test]
fn nested_single_inside_double() {
    let q = only_quote("“He told me ‘no’ twice,” she said.");
    assert_eq!(q.text, "He told me ‘no’ twice,");
    assert_eq!(q.nested.len(), 1);
    assert_eq!(q.nested[0].text, "no");
}

#[test]
fn nested_straight_quotes() {
    let q = only_quote(r#""He said 'never' to me," she recalled."#);
    assert_eq!(q.nested[0].text, "never");
}

#[test]
fn a_quote_runs_over_paragraphs_the_news_way() {
    let text = "“First paragraph of the speech.\n\n“Second paragraph,” he said.\n\nAfter.";
    let q = only_quote(text);
    assert_eq!(
        q.text,
        "First paragraph of the speech.\n\n“Second paragraph,"
    );
    assert_eq!(q.open, 0);
    assert_eq!(q.paragraph, 0);
    assert!(extract(text).diagnostics.is_empty());
}

#[test]
fn a_quote_runs_over_three_paragraphs() {
    let text = "\"One.\n\n\"Two.\n\n\"Three.\" Done.";
    assert_eq!(quotes(text), vec!["One.\n\n\"Two.\n\n\"Three."]);
}

#[test]
fn split_quotes_around_attribution_are_two() {
    let text = "“The success cannot be determined by a summit or two,” Moon said. “Both sides understand.”";
    assert_eq!(
        quotes(text),
        vec![
            "The success cannot be determined by a summit or two,",
            "Both sides understand."
        ]
    );
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let text = "Officials are holding “behind-the-scenes talks” to arrange a summit.";
    assert_eq!(quotes(text), vec!["behind-the-scenes talks"]);
}

#[test]
fn german_low_high_quotes() {
    assert_eq!(
        quotes("Er sagte: „Wir schaffen das.“ Dann ging er."),
        vec!["Wir schaffen das."]
    );
}

#[test]
fn german_guillemets() {
    assert_eq!(quotes("Sie rief »Halt!« und lief."), vec!["Halt!"]);
}

#[test]
fn french_guillemets_with_no_break_spaces() {
    let text = "Il a dit\u{a0}: «\u{a0}Nous verrons.\u{a0}» Puis il est parti.";
    let q = only_quote(text);
    assert_eq!(q.text, "Nous verrons.");
    assert_eq!(&text[q.start..q.end], "Nous verrons.");
}

#[test]
fn cjk_corner_brackets() {
    assert_eq!(
        quotes("彼は「大丈夫」と言った。『本』も。"),
        vec!["大丈夫", "本"]
    );
}

#[test]
fn archive_double_apostrophes() {
    let text = "''Maybe there was,'' Mr. Trump said. ''We'll see.''";
    assert_eq!(quotes(text), vec!["Maybe there was,", "We'll see."]);
}

#[test]
fn mismatched_marks_are_accepted() {
    assert_eq!(
        quotes("He called it “a disaster\" yesterday."),
        vec!["a disaster"]
    );
    assert_eq!(
        quotes("He called it \"a disaster” yesterday."),
        vec!["a disaster"]
    );
}

#[test]
fn unclosed_quote_warns_and_recovers_at_paragraph_end() {
    let text = "He said “this never ends\nand more.\n\nNext paragraph has “a quote” in it.";
    let found = extract(text);
    let texts: Vec<&str> = found.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["this never ends\nand more.", "a quote"]);
    assert_eq!(found.quotes[0].close, None);
    assert_eq!(found.diagnostics.len(), 1);
    let d = &found.diagnostics[0];
    assert_eq!((d.line, d.column), (1, 9));
    assert!(d.message.contains("unclosed"));
}

#[test]
fn unclosed_single_quote_is_only_a_warning() {
    let found = extract("They were 'goin home\n\nthen.");
    assert!(found.quotes.is_empty());
    assert_eq!(found.diagnostics.len(), 1);
}

#[test]
fn crlf_line_endings_keep_offsets() {
    let text = "First line.\r\n\r\nShe said \"yes\" twice.\r\n";
    let q = only_quote(text);
    assert_eq!(&text[q.start..q.end], "yes");
    assert_eq!((q.line, q.column, q.paragraph), (3, 11, 1));
}

#[test]
fn crlf_paragraph_continuation() {
    let text = "“One.\r\n\r\n“Two.” he said.";
    assert_eq!(quotes(text), vec!["One.\r\n\r\n“Two."]);
}

#[test]
fn byte_order_mark_is_kept_in_offsets() {
    let text = "\u{feff}“Hello,” she said.";
    let q = only_quote(text);
    assert_eq!(q.start, 3 + 3);
    assert_eq!(q.column, 2);
}

#[test]
fn tabs_and_no_break_spaces() {
    let text = "\tHe said\u{a0}“yes”\tand left.";
    let q = only_quote(text);
    assert_eq!(&text[q.start..q.end], "yes");
}

#[test]
fn empty_and_blank_inputs() {
    assert!(quotes("").is_empty());
    assert!(quotes("\n\n  \n").is_empty());
    assert!(quotes("“”").is_empty());
}

#[test]
fn stray_opener_before_a_quote_of_another_style() {
    let text = "\"He walked in, saying “hello” to all.\n\nThe end.";
    assert_eq!(quotes(text), vec!["hello"]);
}

#[test]
fn markup_attribute_values_are_not_quotes() {
    assert_eq!(
        quotes(r#"<tweet author="someone">“Hi”</tweet>"#),
        vec!["Hi"]
    );
}

#[test]
fn paragraphs_are_counted_from_zero() {
    let text = "Intro.\n\nA “first”.\n\nB “second”.";
    let found = extract(text);
    let paragraphs: Vec<usize> = found.quotes.iter().map(|q| q.paragraph).collect();
    assert_eq!(paragraphs, vec![1, 2]);
}

#[test]
fn marks_are_found_at_every_place_among_ascii_and_other_characters() {
    // The scan skips plain text in blocks: a mark must be found whether it
    // falls at the start, middle or end of a block, or in the short tail,
    // and after characters that are not marks ("é", "—").
    for lead in 0..40 {
        for filler in ["a", "é", "—"] {
            let before = filler.repeat(lead);
            let text = format!("{before}“yes” {before} ‘no’");
            let found = extract(&text).quotes;
            let spans: Vec<(usize, &str)> =
                found.iter().map(|q| (q.start, q.text.as_str())).collect();
            let first = before.len() + "“".len();
            let second = first + "yes” ".len() + before.len() + " ‘".len();
            assert_eq!(spans, vec![(first, "yes"), (second, "no")], "{text:?}");
        }
    }
}
