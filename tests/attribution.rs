//! Attribution on small fixtures: one test per sieve and per kind of mention.

use quotecheck::{Pipeline, Quote, RuleSet};

fn quotes(text: &str) -> Vec<Quote> {
    Pipeline::new(&RuleSet::embedded()).extract(text).quotes
}

/// (speaker, mention text, rule) of each top-level quote.
fn who(text: &str) -> Vec<(Option<String>, Option<String>, String)> {
    quotes(text)
        .into_iter()
        .map(|q| {
            (
                q.speaker,
                q.mention.map(|m| m.text),
                q.rule.unwrap_or_default(),
            )
        })
        .collect()
}

/// Asserts that quote `k` of `found` went to `speaker` by `rule`.
fn assert_said(
    found: &[(Option<String>, Option<String>, String)],
    k: usize,
    speaker: &str,
    rule: &str,
) {
    assert_eq!(found[k].0, some(speaker), "{found:?}");
    assert_eq!(found[k].2, rule, "{found:?}");
}

fn speakers(text: &str) -> Vec<Option<String>> {
    who(text).into_iter().map(|w| w.0).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// Each text has one quote, attributed to its speaker.
fn each_has_one_speaker(cases: &[(&str, &str)]) {
    for &(text, speaker) in cases {
        assert_eq!(speakers(text), vec![some(speaker)], "{text}");
    }
}

/// `dialogue` after a paragraph of hard-wrapped narration, as books are set.
fn book(dialogue: &str) -> String {
    let narration = "The rain kept on and the road was long and grey under the low\nclouds, and neither of them spoke for a while as they walked on\nthrough the wet fields, past the mill and the shut inn, until\nthe lights of the town showed at last beyond the bridge.\n\n";
    format!("{narration}{dialogue}")
}

#[test]
fn speaker_then_verb_after_the_quote() {
    let found = who("Mayor Ann Lee spoke. “We will rebuild,” Lee said.");
    assert_eq!(
        found[0],
        (some("Ann Lee"), some("Lee"), "speaker-verb-after".into())
    );
}

#[test]
fn verb_then_speaker_after_the_quote() {
    let found = who("“It is over,” said Hugh Hill, a doctor at the clinic.");
    assert_eq!(
        found[0],
        (
            some("Hugh Hill"),
            some("Hugh Hill"),
            "verb-speaker-after".into()
        )
    );
}

#[test]
fn pronoun_after_the_quote_resolves_to_the_last_person() {
    let text = "Gov. Maria Ruiz visited the town.\n\n“The water is safe,” she added.";
    let found = who(text);
    assert_eq!(
        found[0],
        (some("Maria Ruiz"), some("she"), "speaker-verb-after".into())
    );
}

#[test]
fn speaker_and_verb_before_the_quote() {
    let found = who("Asked about the vote, Sen. Tom Hale said, “We have the numbers.”");
    assert_eq!(
        found[0],
        (
            some("Tom Hale"),
            some("Sen. Tom Hale"),
            "speaker-verb-before".into()
        )
    );
}

#[test]
fn colon_at_the_end_of_the_previous_paragraph() {
    let text = "Nora Patel continued:\n\n“The budget is not enough.”";
    assert_eq!(
        who(text)[0],
        (
            some("Nora Patel"),
            some("Nora Patel"),
            "speaker-verb-before".into()
        )
    );
}

#[test]
fn partial_quote_inside_a_sentence() {
    let text = "Dan Cole has said the agency would seek a “new approach” next year.";
    assert_eq!(
        who(text)[0],
        (some("Dan Cole"), some("Dan Cole"), "in-sentence".into())
    );
}

#[test]
fn partial_quote_with_the_speaker_later_in_the_sentence() {
    let text = "The two sides held “quiet talks” last week, Prime Minister Ella Berg said.";
    assert_eq!(speakers(text), vec![some("Ella Berg")]);
}

#[test]
fn according_to() {
    let text = "The plan is “dead on arrival,” according to Rep. Joe Marsh.";
    assert_eq!(
        who(text)[0],
        (
            some("Joe Marsh"),
            some("Rep. Joe Marsh"),
            "according-to".into()
        )
    );
}

#[test]
fn second_half_of_a_split_quote() {
    let text = "“We tried,” Ruth Ames said, looking tired. “We will try again.”";
    let found = who(text);
    assert_said(&found, 1, "Ruth Ames", "split-quote");
}

#[test]
fn continuation_paragraph_takes_the_previous_speaker() {
    let text = "“First point,” said Carl Obi.\n\n“Second point, with no cue.”";
    let found = who(text);
    assert_eq!(
        found[1],
        (some("Carl Obi"), some("Carl Obi"), "continuation".into())
    );
}

#[test]
fn dialogue_turns_alternate_in_books() {
    let text = book(
        "\"Are you cold?\" asked Anna.\n\n\"Not at all,\" replied Boris.\n\n\"Then walk faster.\"\n\n\"I cannot.\"",
    );
    let found = speakers(&text);
    assert_eq!(
        found,
        vec![some("Anna"), some("Boris"), some("Anna"), some("Boris")]
    );
}

#[test]
fn short_names_become_the_full_name() {
    let text = "South Korean President Moon Jae-in arrived.\n\n“Peace is near,” Moon said.";
    assert_eq!(speakers(text), vec![some("Moon Jae-in")]);
}

#[test]
fn titles_are_stripped_from_canonical_names() {
    let text = "U.S. President Donald Trump spoke.\n\nPresident Trump said, “Maybe there was.”";
    assert_eq!(who(text)[0].0, some("Donald Trump"));
    assert_eq!(who(text)[0].1, some("President Trump"));
}

#[test]
fn descriptor_links_to_the_titled_person() {
    let text = "Officials are holding “quiet talks,” Kenya’s president said.\n\nKenyan President Anne Duval spoke later.";
    assert_eq!(speakers(text), vec![some("Anne Duval")]);
}

#[test]
fn possessive_pronoun_names_the_owner() {
    let text = "In a sign of Freedonia’s anger at the deal, its Foreign Ministry said the talks were “a farce.”";
    assert_eq!(speakers(text), vec![some("Freedonia’s Foreign Ministry")]);
}

#[test]
fn organisations_and_groups_speak_too() {
    assert_eq!(
        speakers("“Stay inside,” police said."),
        vec![some("police")]
    );
    assert_eq!(
        speakers("“No comment,” a spokeswoman for the ministry said."),
        vec![some("a spokeswoman for the ministry")]
    );
}

#[test]
fn a_quote_with_no_cue_has_no_speaker_and_says_why() {
    let found = who("The show “Night Court” returns in May.");
    assert_eq!(found[0], (None, None, "no-cue".into()));
}

#[test]
fn the_example_article_is_attributed() {
    let text = include_str!("../examples/ap-third-trump-kim-summit.txt");
    let expected = [
        "Moon Jae-in",
        "Moon Jae-in",
        "Moon Jae-in",
        "Moon Jae-in",
        "Moon Jae-in",
        "Donald Trump",
        "North Korea’s Foreign Ministry",
        "Kim Jong Un",
        "Moon Jae-in",
        "Moon Jae-in",
    ];
    let found: Vec<Option<String>> = speakers(text);
    assert_eq!(found, expected.iter().map(|s| some(s)).collect::<Vec<_>>());
}

#[test]
fn names_broken_across_a_hard_wrapped_line() {
    let text = book("\"I should be puzzled to spend so large a fortune myself,\" said Mrs.\nDashwood, \"if my children were all to be rich.\"");
    let found = who(&text);
    // With no fuller name in the text, the title stays: "Mrs. Dashwood" is
    // not her son "Dashwood".
    assert_eq!(found[0].0, some("Mrs. Dashwood"));
    assert_eq!(found[0].1, some("Mrs.\nDashwood"));
    assert_eq!(found[1].0, some("Mrs. Dashwood"));
    let text = book("\"Yes,\" said Christopher\nRobin.");
    assert_eq!(speakers(&text), vec![some("Christopher Robin")]);
}

#[test]
fn a_partial_quote_with_no_cue_takes_its_sentence_subject() {
    let found = who("Chancellor Greta Holm condemned “such a senseless attack” on Monday.");
    assert_eq!(
        found[0],
        (
            some("Greta Holm"),
            some("Chancellor Greta Holm"),
            "sentence-subject".into()
        )
    );
    // "It" opening a sentence names nobody, and a quote that opens its
    // sentence has no subject before it.
    assert_eq!(who("It was a “landslide” by any measure.")[0].2, "no-cue");
    assert_eq!(who("“Night Court” returns in May.")[0].2, "no-cue");
}

#[test]
fn a_description_without_article_before_a_name_is_dropped() {
    let found = who("“We will appeal,” said election lawyer Joe Birken, who filed the suit.");
    assert_eq!(
        found[0],
        (
            some("Joe Birken"),
            some("election lawyer Joe Birken"),
            "verb-speaker-after".into()
        )
    );
    assert_eq!(
        speakers("“Not yet,” said former Gov. Ana Ruiz."),
        vec![some("Ana Ruiz")]
    );
}

#[test]
fn a_word_capitalised_only_at_sentence_starts_is_no_name() {
    // "Sometimes" opens a sentence and occurs in lower case elsewhere, so
    // the subject is Katharine; "Melania" is never lower case, so stays.
    let text = "Katharine looked up. It sometimes rained. Sometimes Katharine laughed.\n\n\
                “Never,” she said.";
    assert_eq!(speakers(text), vec![some("Katharine")]);
    let text = "Melania Trump spoke in Ohio.\n\n“He loves you,” she said.";
    assert_eq!(speakers(text), vec![some("Melania Trump")]);
}

#[test]
fn a_titled_surname_shared_by_a_family_stays_titled() {
    let text = "Henry Wilcox came in. Charles Wilcox followed him. Mrs. Wilcox smiled.\n\n\
                “Tea?” said Mrs. Wilcox.\n\n“Later,” said Mr. Wilcox.";
    assert_eq!(
        speakers(text),
        vec![some("Mrs. Wilcox"), some("Mr. Wilcox")]
    );
    // A single full name still completes the short one.
    let text = "Paula Kemp arrived. “Thanks,” said Ms. Kemp.";
    assert_eq!(speakers(text), vec![some("Paula Kemp")]);
}

#[test]
fn a_given_name_completes_to_the_name_it_starts() {
    let text = "Katharine Hilbery sat down. Katharine Hilbery rose. Later, Cassandra \
                Katharine was mentioned.\n\n“No,” said Katharine.";
    assert_eq!(speakers(text), vec![some("Katharine Hilbery")]);
}

#[test]
fn an_exchange_is_anchored_on_its_named_turns_both_ways() {
    // The first turn has no cue: reading forward it could only guess, but
    // the turn two later is Anna's, so this one is Anna's too; and "he
    // said" in the last turn is Boris, the man of the exchange.
    let text = book(
        "\"Are you cold?\"\n\n\"Not at all,\" replied Boris.\n\n\"Then walk faster,\" said Anna.\n\n\"I cannot,\" he said.\n\nAnna laughed and she took his arm.\n\n"
    );
    let found = who(&text);
    assert_said(&found, 0, "Anna", "turn-taking");
    assert_eq!(
        found[3],
        (some("Boris"), some("he"), "speaker-verb-after".into())
    );
}

#[test]
fn a_turn_takes_the_speaker_most_of_the_exchange_gives_it() {
    // Anna is named two turns before the third turn, but Boris two after
    // it and Anna three after: the turns after agree, and outweigh her.
    let text = book(
        "\"Is it far?\" said Anna.\n\n\"Not very.\"\n\n\"How far, then?\"\n\n\"A mile.\"\n\n\"Too far,\" said Boris.\n\n\"Then stay,\" said Anna.\n\n",
    );
    let found = who(&text);
    assert_said(&found, 2, "Boris", "turn-taking");
}

#[test]
fn a_quote_ending_in_a_full_stop_ends_its_sentence() {
    let text = "Lena Park interjected: “It's just not true.” He said the plan would fail.";
    assert_eq!(who(text)[0].2, "speaker-verb-before");
    assert_eq!(speakers(text), vec![some("Lena Park")]);
}

#[test]
fn a_dateline_is_not_the_subject() {
    let text =
        "RIVERTON (AP) — Mayor Ann Lee took a swipe at the council, saying its plan was “a mess.”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn a_party_label_and_description_before_a_name_are_dropped() {
    let text = "Democratic presidential candidate Ana Ruiz said the plan would “send a message” to voters.";
    assert_eq!(speakers(text), vec![some("Ana Ruiz")]);
    // Initials alone are no name: the subject follows the dateline-like place.
    let text = "At a rally in Dover, N.H., on Tuesday, Senator Bo Lind endorsed her, saying she would be “outstanding.”";
    assert_eq!(speakers(text), vec![some("Bo Lind")]);
}

#[test]
fn an_appositive_between_speaker_and_verb() {
    let found = who("''We will see,'' the assailant, John Moe, told the program after the fight.");
    assert_eq!(
        found[0],
        (
            some("John Moe"),
            some("John Moe"),
            "speaker-verb-after".into()
        )
    );
    assert_eq!(
        speakers("“It hurts,” Hugh Hill, a doctor, said."),
        vec![some("Hugh Hill")]
    );
}

#[test]
fn a_name_right_before_a_colon_introduces_the_quote() {
    let found =
        who("The surge does not surprise pollster Dan Shaw: “Lesser-known candidates do this.”");
    assert_eq!(
        found[0],
        (some("Dan Shaw"), some("Dan Shaw"), "before-colon".into())
    );
}

#[test]
fn a_description_ends_before_the_verb_of_its_clause() {
    let text = "Lena Park’s right-hand woman rallied supporters, saying: “We have to stop him.”";
    assert_eq!(who(text)[0].1, some("Lena Park’s right-hand woman"));
    assert_eq!(
        speakers("“She is too far behind,” said an Iowa Democrat."),
        vec![some("an Iowa Democrat")]
    );
}

#[test]
fn a_full_name_met_once_long_after_does_not_complete_a_short_one() {
    let filler = "The wind rose and fell over the fields all that long afternoon. ".repeat(60);
    let text = format!(
        "Margaret came in.\n\n“Yes,” said Margaret.\n\n{filler}\n\nHe had left Margaret Howards End.\n\n“No,” said Margaret."
    );
    assert_eq!(speakers(&text), vec![some("Margaret"), some("Margaret")]);
}

#[test]
fn a_turn_that_names_its_listener_gives_the_next_turn_its_speaker() {
    // No cue anywhere: the first turn calls Boris by name, so the second is
    // his; the third answers him, so it is not his.
    let text = book(
        "Anna stopped at the gate.\n\n\"Are you cold, Boris?\"\n\n\"Not at all.\"\n\n\"Then walk faster, Boris.\"\n\n\"I cannot.\"",
    );
    let found = who(&text);
    assert_said(&found, 1, "Boris", "turn-taking");
    assert_eq!(found[3].0, some("Boris"));
    assert_ne!(found[2].0, some("Boris"));
}

#[test]
fn in_a_book_a_quote_after_narration_is_spoken_by_its_subject() {
    let text = book("The gate was shut. Anna stopped there and looked back.\n\n\"Are you cold?\"");
    assert_eq!(
        who(&text)[0],
        (some("Anna"), some("Anna"), "narration-before".into())
    );
    // News does not read turns this way.
    let news = "Anna Lee stopped at the gate.\n\n\"Are you cold?\"";
    assert_eq!(who(news)[0].2, "no-cue");
}

/// Ten turns in which the narrator says "I" and is called Hastings: enough
/// for a book to have a narrator who speaks.
fn hastings_says_i() -> String {
    (1..=10)
        .map(|n| format!("\"Is it far?\" I asked.\n\n\"Not far, Hastings, not far at all.\"\n\nWe walked on past the mill number {n}.\n\n"))
        .collect()
}

#[test]
fn a_first_person_narrator_is_named_by_the_people_who_answer() {
    // A book has a speaking narrator when ten turns or more say "I".
    let text = book(&hastings_says_i());
    let found = who(&text);
    assert_eq!(
        found[0],
        (some("Hastings"), some("I"), "speaker-verb-after".into())
    );
    assert_ne!(found[1].0, some("Hastings"));
}

#[test]
fn the_narrators_own_turns_anchor_the_exchange() {
    // The first turn has no cue; "I asked" two turns later says whose it is.
    let exchange = "The night was cold.\n\n\"Where were you?\"\n\n\"In the garden,\" said Poirot.\n\n\"Alone?\" I asked.\n\n\"Quite alone.\"\n";
    let text = book(&format!("{}{exchange}", hastings_says_i()));
    let found = who(&text);
    let first = found.len() - 4;
    assert_said(&found, first, "Hastings", "turn-taking");
    assert_eq!(found[first + 3].0, some("Poirot"));
}

/// Each book (dialogue after narration) has one quote, by its speaker.
fn each_book_has_one_speaker(cases: &[(&str, &str)]) {
    for &(dialogue, speaker) in cases {
        let text = book(dialogue);
        assert_eq!(speakers(&text), vec![some(speaker)], "{dialogue}");
    }
}

#[test]
fn in_a_book_the_general_is_whom_the_book_calls_so() {
    each_book_has_one_speaker(&[
        // "General Perovski" is named once; "the General" is a character.
        ("He read the memoirs of General Perovski. The General sat down,\nand the General frowned.\n\n\"Enough, sir!\" said the General.\n", "General"),
        // Named more often than called "the General", the name stays.
        ("General Perovski came in. General Perovski sat down, and\nGeneral Perovski frowned.\n\n\"Enough, sir!\" said the General.\n", "General Perovski"),
    ]);
}

#[test]
fn in_a_book_the_grandmother_opening_a_sentence_is_a_person() {
    each_book_has_one_speaker(&[
        // Pronouns after "Grandmother" make her a woman: "she" may be her.
        ("Polina came in with the tea. The Grandmother waved her hand, and\nshe laughed.\n\n\"Well, well,\" she said.\n", "Grandmother"),
        // "The Thorpes" are a family, not the "she" after them.
        ("Isabella came in with the tea. The Thorpes waved to her, and\nshe laughed.\n\n\"Well, well,\" she said.\n", "Isabella"),
    ]);
}

#[test]
fn in_a_book_a_place_is_nobodys_she() {
    let places = "Catherine had a week in Bath with friends, and at Bath she was\nhappy. They dined in Bath and danced at Bath each night.\n\n";
    each_book_has_one_speaker(&[(
        &format!("{places}Catherine was tired. Bath was full that season and she loved it.\n\n\"It is lovely,\" she said.\n"),
        "Catherine",
    )]);
}

#[test]
fn in_a_book_he_is_the_man_the_scene_just_named_anywhere() {
    // Mr. Bennet is the last man a sentence opens with; Wickham, who has
    // spoken, is the last man the narration before the quote names.
    let text = book("\"Good day,\" said Wickham. Wickham bowed, and he smiled.\n\nMr. Bennet sat in the library all the morning.\n\nElizabeth walked on alone. She was soon overtaken by Wickham.\n\n\"You walk early,\" he said.\n");
    assert_eq!(speakers(&text), vec![some("Wickham"), some("Wickham")]);
    // Further back than the scene, the last man a sentence opens with or
    // who spoke now comes first: see
    // `a_he_looks_for_a_subject_before_a_name_only_mentioned`.
}

#[test]
fn in_a_book_she_is_whom_the_scene_is_about_before_whom_it_mentions() {
    // The narration before the quote is about Katharine ("She flushed",
    // "she thought"); Mary Datchet is only mentioned in it.
    let text = book("\"You are very sure,\" said Katharine.\n\n\"I am,\" said Ralph.\n\nShe flushed. He had found the weak spot at once, she\nthought, though he knew nothing of what Mary Datchet had told her.\n\n\"Sincerity is difficult,\" she said.\n");
    assert_eq!(speakers(&text)[2], some("Katharine"));
    // A woman the quote's own paragraph names, even in passing, still
    // comes first.
    let text = book("\"You are very sure,\" said Katharine.\n\n\"I am,\" said Ralph.\n\nShe flushed. He had found the weak spot at once.\n\nThe door opened on Mary Datchet. \"Sincerity is difficult,\" she said.\n");
    assert_eq!(speakers(&text)[2], some("Mary Datchet"));
}

#[test]
fn in_a_book_a_subject_may_follow_a_word_or_phrase_that_opens_its_sentence() {
    // "But" before a name, "As the door opened," before "he".
    let text = book("\"Hello,\" said George.\n\nGeorge, rather to her relief, refused to move. But Mr. Emerson was only half\ninterested. He watched the lecturer.\n\n\"Why will he look?\" he said.\n");
    assert_eq!(speakers(&text)[1], some("Mr. Emerson"));
    let text = book("Tom sat on the bed.\n\nAs the door opened, he smiled at Stephen. \"I say,\" he whispered.\n");
    assert_eq!(speakers(&text), vec![some("Tom")]);
}

#[test]
fn in_a_book_only_someone_who_has_spoken_takes_a_gender_from_pronouns() {
    // A "he" or "his" after "Paper" makes no man of Paper: the "he" who
    // speaks is John, the man who spoke last.
    let text = book("\"Good night,\" said John.\n\nPaper was brought, and his pen. Paper was rare there, and he was glad\nof it.\n\n\"Dear Sir,\" he said.\n");
    assert_eq!(speakers(&text), vec![some("John"), some("John")]);
}

#[test]
fn a_speech_verb_with_its_particle_is_one_cue() {
    let found = who(&book(
        "Lucy looked up from the book.\n\n\"Fine,\" put in Freddy.\n",
    ));
    assert_eq!(
        found[0],
        (some("Freddy"), some("Freddy"), "verb-speaker-after".into())
    );
    // "broke" alone is no speech verb; with "in" it is.
    each_book_has_one_speaker(&[
        (
            "Lucy looked up from the book.\n\n\"No beer,\" broke in Kitty with some heat.\n",
            "Kitty",
        ),
        (
            "Lucy looked up from the book.\n\n\"The balloon!\" cried out Bull.\n",
            "Bull",
        ),
    ]);
}

#[test]
fn a_quote_that_was_her_answer_is_hers() {
    let found = who(&book(
        "Mary looked up from the book.\n\n\"Not at all,\" was her answer.\n",
    ));
    assert_eq!(
        found[0],
        (some("Mary"), some("her answer"), "answer-after".into())
    );
    each_book_has_one_speaker(&[(
        "Mary looked up from the book.\n\n\"Yes,\" was Edward's quiet reply.\n",
        "Edward",
    )]);
    // With no one for "his" to be, the answer names nobody.
    let found = who(&book(
        "Mary looked up from the book.\n\n\"No,\" was his reply.\n",
    ));
    assert_ne!(found[0].0, some("his reply"));
}

#[test]
fn in_a_book_her_mother_is_the_mrs_the_chapter_names_when_her_family_is_unknown() {
    // "Elinor" has no family name; Mrs. Dashwood is the woman the chapter
    // calls "Mrs." most.
    each_book_has_one_speaker(&[(
        "Mrs. Dashwood sat by the fire. Mrs. Jennings called, and Mrs.\nDashwood rose to meet her.\n\nElinor came in from the garden, and her mother said, \"Sit\ndown, my love.\"\n",
        "Mrs. Dashwood",
    )]);
}

#[test]
fn a_place_before_the_last_clause_is_not_the_speaker() {
    // "their own room" is where they went, not who speaks; Jane is.
    each_book_has_one_speaker(&[(
        "Jane came in with a letter.\n\nWhen they had gained their own room, Jane taking out the letter,\nsaid, \"This is from Caroline.\"\n",
        "Jane",
    )]);
}

#[test]
fn only_between_the_speaker_and_the_verb_is_set_aside() {
    each_book_has_one_speaker(&[(
        "And for a long time Pooh only said \"Ow!\" and went on.\n",
        "Pooh",
    )]);
}

#[test]
fn fictions_own_speech_verbs_are_cues_in_the_past() {
    each_book_has_one_speaker(&[
        (
            "Lucy looked up from the book.\n\n\"He took tea with us,\" piped Rafi.\n",
            "Rafi",
        ),
        (
            "Lucy looked up from the book.\n\n\"It is decent,\" chattered Ronny.\n",
            "Ronny",
        ),
    ]);
    // The base is a noun: a chorus speaks for no one.
    let text =
        "A chorus of Republicans has said the same thing, including Mitt Romney: \"It is wrong.\"";
    assert_eq!(speakers(text), vec![some("Mitt Romney")]);
}

#[test]
fn god_in_an_oath_is_nobodys_antecedent() {
    each_book_has_one_speaker(&[(
        "Polina came in. God knows what she wanted.\n\n\"Well?\" she said.\n",
        "Polina",
    )]);
}

#[test]
fn whom_a_quote_calls_by_name_does_not_speak_it() {
    // The narration before is about Lucy, but the quote calls her.
    let text = book("Mr. Beebe spoke of the church, and Lucy\nlistened with her eyes on her plate.\n\nLucy looked up.\n\n\"Lucy, dearest, let Mr. Beebe eat his dinner.\"\n");
    assert_ne!(speakers(&text)[0], some("Lucy"));
}

#[test]
fn a_name_in_a_list_calls_nobody() {
    // Ralph is one of three names, not the one the question is put to,
    // so the answer is no evidence of his speaking.
    let text = book("Mrs. Moore told him of her sons.\n\n\"Not also Ronny, Ralph, and Stella, surely?\"\n\n\"No, indeed.\"\n");
    let found = speakers(&text);
    assert_ne!(found[1], some("Ralph"), "{found:?}");
}

#[test]
fn a_son_called_by_the_family_name_is_the_one_who_last_spoke() {
    // Father and son are both Mr. Emerson; the one Lucy speaks to is
    // George, who spoke last, and he answers, not his father.
    let scene = |name: &str, called: &str| {
        book(&format!("Mr. Emerson read, and Mr. Emerson slept.\n\n{name} Emerson stood by the window. {name} waited, and {name}\nsmiled, and {name} frowned, and {name} sighed.\n\n\"It is late,\" said {name}.\n\nLucy came in.\n\n\"{called} Emerson, you know why I am here.\"\n\n\"Indeed I do not.\"\n"))
    };
    let found = speakers(&scene("George", "Mr."));
    assert_eq!(found[2], some("George"), "{found:?}");
    // A married woman's title is how a book names her: "Mrs. Emerson"
    // called is not Minnie.
    let found = speakers(&scene("Minnie", "Mrs."));
    assert_eq!(found[2], some("Mrs. Emerson"), "{found:?}");
}

#[test]
fn whom_the_scene_brings_in_answers_before_whom_it_left_behind() {
    // Charlotte spoke last before Lucy, but the scene has moved on to
    // George, who answers Lucy.
    let text = book("\"Come along,\" said Charlotte.\n\nThey walked on to the square.\n\nLucy fell. George Emerson had been a few paces away, and he\ncaught her.\n\n\"Oh, what have I done?\" said Lucy.\n\n\"You fainted.\"\n\n\"I am very sorry.\"\n\n\"How are you now?\"\n");
    let found = speakers(&text);
    assert_eq!(found[2], some("George Emerson"), "{found:?}");
    assert_eq!(found[4], some("George Emerson"), "{found:?}");
}

#[test]
fn after_a_wordless_answer_the_speaker_goes_on() {
    // Tom answers by shaking his head; the next words are Anna's again,
    // though the narration between is about Tom.
    let text = book("Anna met Tom at the gate of the farm.\n\n\"Is it far to the river?\" asked Anna.\n\nHe shook his head.\n\n\"Then we can walk there before the rain.\"\n");
    let found = who(&text);
    assert_said(&found, 1, "Anna", "after-silent-reply");
    // A paragraph that goes on past the gesture is narration as any other.
    let text = book("Anna met Tom at the gate of the farm.\n\n\"Is it far to the river?\" asked Anna.\n\nHe shook his head. He had walked it twice that week.\n\n\"Then we can walk there before the rain.\"\n");
    assert_eq!(speakers(&text)[1], some("Tom"));
}

#[test]
fn a_quote_nothing_else_attributes_is_the_last_subjects() {
    // No cue, and the narration before names no one its reading of
    // subjects finds: the narration was last about John.
    let text = book("John ran down the corridor to the other door.\n\nIn a moment or two he was back.\n\n\"No good. That one is bolted too.\"\n");
    let found = who(&text);
    assert_said(&found, 0, "John", "last-subject");
    // Whom the quote calls is not its speaker: the subject before is.
    let text = book("Mr. Beebe spoke of the church for a long time.\n\nLucy looked up.\n\n\"Lucy, dearest, let us go home now.\"\n");
    assert_eq!(speakers(&text), vec![some("Mr. Beebe")]);
    // A scare quote inside a sentence, and a title after a comma, stay
    // no one's.
    let text = book("John ran down the corridor to the other door.\n\nThe speech dealt at length with the \"prisoner's dupes\" in the town.\nOn the table lay a new book, \"Latin History for Dummies,\" in red.\n");
    assert_eq!(speakers(&text), vec![None, None]);
}

#[test]
fn a_turn_is_not_given_to_whom_it_calls_by_name() {
    // The last turn would pass back to Mrs. Wilcox, whom it calls by
    // name; Margaret, the speaker before, goes on.
    let text = book("\"Good morning,\" said Margaret.\n\n\"Good morning,\" said Mrs. Wilcox.\n\n\"Will you have tea?\" said Margaret.\n\n\"Are you quite certain that I am not interrupting, Mrs. Wilcox?\"\n");
    assert_eq!(speakers(&text)[3], some("Margaret"));
}

#[test]
fn the_uncued_reply_to_a_speaker_is_the_narrators() {
    // No one has spoken before Poirot, so "What cup?" would continue his
    // turn; in a book its narrator tells, it is the narrator's reply.
    let exchange = "\"It is the cup,\" said Poirot. \"The cup is the key.\"\n\n\"What cup?\"\n\nHe did not answer.\n\n";
    let text = book(&format!("{exchange}{}", hastings_says_i()));
    let found = who(&text);
    assert_eq!(found[2].0, some("Hastings"));
}

#[test]
fn a_name_with_a_cue_in_the_quotes_sentence_anchors_the_exchange() {
    // Carl's words sit inside his sentence; the answer to the question
    // after them is his, not Anna's from three turns before.
    let text = book("\"Good morning,\" said Anna.\n\n\"Good morning,\" said Ben.\n\nCarl looked up from the paper and said that it was \"a fine day for a walk.\"\n\n\"Is it?\"\n\n\"It is.\"\n");
    assert_eq!(speakers(&text)[4], some("Carl"));
}

#[test]
fn a_title_now_and_then_does_not_make_someone_else() {
    // The book mostly says "Aziz": "Dr. Aziz" is the same man.
    let text = book("At noon Aziz went in, and Aziz sat down by the door, and Aziz\nwaited.\n\n\"Good morning,\" said Dr. Aziz.\n\nThey talked.\n\n\"Good night,\" said Aziz.\n");
    assert_eq!(speakers(&text), vec![some("Aziz"), some("Aziz")]);
    // "Mrs. Grant" is not the "Grant" the pronouns call "he".
    let text = book("At noon Grant went in; he sat down, and then Grant read, and\nhe smiled.\n\n\"Tea?\" said Mrs. Grant.\n\nThey talked.\n\n\"No,\" said Grant.\n");
    assert_eq!(speakers(&text), vec![some("Mrs. Grant"), some("Grant")]);
}

#[test]
fn a_guessed_turn_is_not_held_by_the_cue_it_copied() {
    // Reading forward, "My brother." is guessed to be Bert's, as the
    // speaker before Anna, copying his "he said". The turns around it
    // say Carl; the copied "he" is Bert's cue, not the turn's.
    let text = book("Bert came in. \"Hello,\" he said, and went out again.\n\n\"Who was that?\" said Anna.\n\n\"My brother.\"\n\n\"Is he always so quick?\" said Anna.\n\n\"Always,\" said Carl.\n");
    assert_eq!(speakers(&text)[2], some("Carl"));
}

#[test]
fn a_child_calling_papa_names_no_one() {
    // "Papa", like "Father", says whom a quote calls, not his name: the
    // reply is not given to someone called "Papa". (Nor yet to Mr.
    // Bennet: nothing links the word to him.)
    let text = book("Mr. Bennet was reading at the window when Elizabeth ran in.\n\n\"Oh, Papa, what news?\" said Elizabeth.\n\n\"I have had a letter from him.\"\n");
    assert!(!speakers(&text).contains(&some("Papa")), "{:?}", who(&text));
}

#[test]
fn the_second_half_of_a_split_turn_follows_its_first() {
    // Carl's own narration keeps "Tea?" his against the exchange, which
    // would pass the turn back to Anna; "Or coffee?" goes with it.
    let text = book("\"Good morning,\" said Anna.\n\n\"Good morning,\" said Bert.\n\nCarl looked up from his paper. \"Tea?\" \"Or coffee?\"\n");
    assert_eq!(
        speakers(&text)[2..],
        [some("Carl"), some("Carl")],
        "{:?}",
        who(&text)
    );
}

#[test]
fn a_word_that_leads_into_a_sentence_stands_before_its_subject() {
    // "Then", "Suddenly", "But" open the sentence with no comma before
    // the subject that speaks.
    each_has_one_speaker(&[
        (
            "Aziz stood by the gate. Then he turned to her and said, “You may go.”",
            "Aziz",
        ),
        (
            "Aziz stood by the gate. Suddenly he was angry and shouted: “Madam!”",
            "Aziz",
        ),
        (
            "The vote was close. But Clinton told the crowd: “We won.”",
            "Clinton",
        ),
    ]);
    // After a quote the sentence runs on: "and" opens no sentence there.
    let text =
        "Trump wrote that Machado was “a con” and encouraged Americans to “check out” the tape.";
    assert_ne!(speakers(text)[1], some("Americans"), "{:?}", who(text));
}

#[test]
fn a_common_word_before_a_comma_calls_nobody() {
    // "Exactly" is written with a capital inside a sentence once, so it
    // might be a name; the text also writes it in lower case, so "Exactly,
    // and no faster." calls no one, and no turn is given to "Exactly".
    let text = book("She had written the one word Exactly on the card, and he read\nit twice.\n\n\"Are you cold?\" said Boris.\n\n\"Not exactly.\"\n\n\"Then walk faster.\"\n\n\"Exactly, and no faster.\"\n\n\"I cannot.\"");
    let found = speakers(&text);
    assert!(!found.contains(&some("Exactly")), "{:?}", who(&text));
}

#[test]
fn a_he_that_opens_a_sentence_carries_the_narrations_person_on() {
    // "He thought of Mr. Fielding" is still Aziz; so is the "he" that
    // shouts, though Mr. Fielding is the last man named.
    let text = book("Aziz came out of the mosque into the moonlight.\n\nHe thought of Mr. Fielding and of the dinner. Then he shouted:\n\"Madam!\"\n");
    assert_eq!(speakers(&text), [some("Aziz")], "{:?}", who(&text));
    // So does "Then he", a clause opener before the pronoun.
    let text = book("Aziz came out of the mosque into the moonlight.\n\nThen he thought of Mr. Fielding and of the dinner. Then he shouted:\n\"Madam!\"\n");
    assert_eq!(speakers(&text), [some("Aziz")], "{:?}", who(&text));
}

#[test]
fn a_long_chain_of_sentences_opening_with_he_is_followed_only_so_far() {
    // Each "He" stands for the "He" before it: followed back one by one,
    // a chain thousands long would run the stack out; the search stops.
    let narration = "He walked on.\nHe looked at the sky. ".repeat(3000);
    let text = format!("Aziz came out of the mosque.\n\n{narration}Then he said, \"Madam!\"\n");
    assert_eq!(speakers(&text).len(), 1);
}

#[test]
fn a_speech_verb_late_in_a_sentence_takes_its_own_clauses_subject() {
    // Anna opens the sentence, but "he" opens the clause that says it.
    let text = book("Anna coloured and looked at Mr. Bertram, but said nothing; and he\nneeded a moment before he could say, \"You are right.\"\n");
    assert_eq!(speakers(&text), [some("Mr. Bertram")], "{:?}", who(&text));
    // In news the words after a comma are most often an appositive.
    let news = "Scott Pruitt, the attorney general of Oklahoma, in a letter last week wrote that the rule was “an invasion” of the states.";
    assert_eq!(speakers(news), [some("Scott Pruitt")], "{:?}", who(news));
}

#[test]
fn a_he_looks_for_a_subject_before_a_name_only_mentioned() {
    // Mr. Fielding is named last, but only spoken of; Mr. Weber is the
    // subject, and "he said" two paragraphs on is his.
    let text = book("Mr. Weber spoke of Mr. Fielding at length.\n\nThe rain went on and on.\n\n\"It is late,\" he said.\n");
    assert_eq!(speakers(&text), [some("Mr. Weber")], "{:?}", who(&text));
}

#[test]
fn a_character_named_the_invisible_man_is_a_he_who_has_spoken() {
    // "the Invisible Man" names a character: once he has spoken, the "he"
    // that resumes is his, not Kemp's before him.
    let text = book("\"Why not?\" said Kemp. \"I did not mean to interrupt.\"\n\n\"It is very probably dead,\" said the Invisible Man. \"It was alive\nfour days after.\"\n\nHe was silent for the best part of a minute. Then he resumed abruptly:\n\n\"I remember that morning.\"\n");
    let found = speakers(&text);
    assert_eq!(
        found.last(),
        Some(&some("Invisible Man")),
        "{:?}",
        who(&text)
    );
}

#[test]
fn a_cue_after_the_quote_outweighs_one_inside_a_sentence_as_far_away() {
    // Anna's "said Anna" and Bert's "answered that" are both two turns
    // from "Gone where?"; the cue right after its quote is the surer, so
    // the turn is Anna's.
    let text = book("\"Where is the boat?\" said Anna.\n\n\"Gone.\"\n\n\"Gone where?\"\n\n\"Down the river.\"\n\nBert answered that \"it went in the night.\"\n");
    let found = who(&text);
    assert_eq!(found[2].0, some("Anna"), "{found:?}");
    assert_eq!(found[4].2, "speaker-verb-before", "{found:?}");
}

#[test]
fn a_she_the_narration_just_named_keeps_her_turn_against_the_exchange() {
    // The exchange's turns would give "she began" to Mrs. Moore, two
    // turns on; the narration just before names Adela, and not Mrs.
    // Moore.
    let text = book("\"Is it far?\" said Mrs. Moore.\n\n\"Not far,\" said Aziz.\n\nAdela looked at the hills, and the freckles on her face showed in the\nsun.\n\n\"I want to ask you something,\" she began.\n\n\"Yes?\"\n\n\"Are the caves far?\" asked Mrs. Moore.\n");
    let found = who(&text);
    assert_eq!(found[2].0, some("Adela"), "{found:?}");
    // Named there too, Mrs. Moore is the exchange's, and keeps the turn.
    let text = text.replace("Adela looked at the hills", "Adela looked at Mrs. Moore");
    let found = who(&text);
    assert_eq!(found[2].0, some("Mrs. Moore"), "{found:?}");
}

#[test]
fn a_word_of_affection_before_a_name_still_calls_that_person() {
    // "My dear Boris" calls Boris, at the opening as after a comma: the
    // answer to each is his.
    for call in [
        "My dear Boris, are you cold?",
        "Are you cold, my dearest\nBoris?",
    ] {
        let text = book(&format!(
            "Anna stopped at the gate.\n\n\"{call}\"\n\n\"Not at all.\""
        ));
        let found = who(&text);
        assert_eq!(found[1].0, some("Boris"), "{call}");
        assert_eq!(found[1].2, "turn-taking", "{call}");
    }
}

#[test]
fn a_third_voice_breaking_in_says_little_of_the_turns_before_it() {
    // Poirot and Mary take turns; Lawrence's interruption at the end
    // would make the turn two before it his, but it is Poirot's.
    let text = book(
        "\"Was the door bolted?\" said Poirot.\n\n\"Yes,\" said Mary.\n\n\"You are sure of it?\"\n\n\"Quite sure.\"\n\n\"But you did not see it?\"\n\n\"No. I never looked.\"\n\n\"But I did,\" said Lawrence.\n",
    );
    let found = speakers(&text);
    assert_eq!(found[4], some("Poirot"));
    assert_eq!(found[5], some("Mary"));
}

#[test]
fn a_given_name_and_the_full_name_it_starts_are_one_person_in_a_dialogue() {
    // The book calls her "Adela" mostly, so her name stays so where it is
    // written alone, and "Miss Quested" is "Adela Quested": one person
    // still, who does not ask herself whether she is cold.
    let text = book(
        "Adela Quested had come out with Mrs. Moore. Adela and Ronny\nwalked on, and Adela was tired. Adela said nothing for a while,\nand then Adela stopped.\n\n\"It is late,\" said Miss Quested.\n\n\"It is,\" said Ronny.\n\n\"Are you cold, Adela?\"\n",
    );
    let found = speakers(&text);
    assert_eq!(found[0], some("Adela Quested"));
    assert_eq!(found[2], some("Ronny"));
}

#[test]
fn long_narration_closing_a_turn_sets_the_scene_of_the_next() {
    // Katharine's turn ends in narration about her mother: the "she" after
    // it is Mrs. Hilbery, not Lady Otway, whom the turns around would
    // give it.
    let text = book(
        "\"Yes,\" said Katharine. She went on knitting, and looked now and\nthen at her mother and her aunt. Mrs. Hilbery held a book in her\nhand, and was on her way to the library, content to sit and talk.\n\n\"We have all had perfect husbands,\" she said.\n\n\"But must one give way?\" said Katharine.\n\n\"I should say yes,\" said Lady Otway.\n\n\"Then one ought to know it before,\" said Katharine.\n",
    );
    assert_eq!(speakers(&text)[1], some("Mrs. Hilbery"));
}

#[test]
fn a_cue_after_a_quote_that_ends_its_sentence_is_not_its_cue() {
    let text = "The crowd chanted back at him, \"Send them home,\" and \"Build the wall.\" And Mayor Lee decried the noise.";
    assert_eq!(speakers(text), vec![some("The crowd"), some("The crowd")]);
}

#[test]
fn i_in_the_narration_is_the_narrator_not_someone_named_before() {
    let found = who("Mayor Ann Lee left early.\n\n“I stayed,” I said.");
    assert_eq!(found[0], (None, some("I"), "speaker-verb-after".into()));
}

#[test]
fn in_an_exchange_a_description_is_resolved_like_a_pronoun() {
    let text = book(
        "\"Is it far?\" asked Anna.\n\n\"Not far,\" said Boris.\n\n\"Then let us go,\" said the young woman.\n\n\"Yes,\" said Boris.",
    );
    let found = who(&text);
    assert_eq!(
        found[2],
        (
            some("Anna"),
            some("the young woman"),
            "verb-speaker-after".into()
        )
    );
}

#[test]
fn a_sentence_after_a_closing_quote_names_its_subject() {
    // The stop inside the first quote ends that sentence at its closing
    // mark; "Gregory" opens the next one and is the nearest man.
    let text = book(
        "Syme said, \"We have known it for some time.\"\n\nGregory tried to spring up, but he swayed.\n\n\"What do you say?\" he asked.\n",
    );
    assert_eq!(speakers(&text)[1], some("Gregory"));
}

#[test]
fn the_person_named_in_the_paragraph_comes_before_earlier_ones() {
    // Lilia is known to be a woman, Perfetta is not; Perfetta opens the
    // paragraph that "she cried" closes.
    let text = book(
        "\"I am tired,\" said Lilia. She sat down and wept; then she rose.\n\nPerfetta burst into congratulations. \"What courage you have!\" she cried.\n",
    );
    assert_eq!(speakers(&text)[1], some("Perfetta"));
}

#[test]
fn an_opening_participle_is_no_subject() {
    let text = book(
        "\"Come in,\" said Lilia, and she laughed.\n\nStepping back, she looked at the door. \"Who is there?\" she asked.\n",
    );
    assert_eq!(speakers(&text)[1], some("Lilia"));
}

#[test]
fn a_titled_surname_is_not_a_full_name_of_the_other_gender() {
    let text = "Ralph Moore arrived on Monday. He had driven all night.\n\nMrs. Moore spoke first. “We are glad,” Mrs. Moore said.";
    assert_eq!(speakers(text), vec![some("Mrs. Moore")]);
}

#[test]
fn news_expands_a_titled_surname_and_a_book_keeps_it() {
    let news = "Philip Herriton, a lawyer, spoke on Monday. “It is done,” Mr. Herriton said.";
    assert_eq!(speakers(news), vec![some("Philip Herriton")]);
    let novel = book("Philip Herriton went out. His father stayed in the\nroom.\n\n\"It is done,\" said Mr. Herriton.\n");
    assert_eq!(speakers(&novel), vec![some("Mr. Herriton")]);
    // Any title stays in a book, not only a gendered one: the doctor is not
    // his son.
    let novel = book(
        "Tom Grant went out. His father stayed in the\nroom.\n\n\"It is done,\" said Dr. Grant.\n",
    );
    assert_eq!(speakers(&novel), vec![some("Dr. Grant")]);
    let news = "Tom Grant, a doctor, spoke on Monday. “It is done,” Dr. Grant said.";
    assert_eq!(speakers(news), vec![some("Tom Grant")]);
}

#[test]
fn descriptions_with_numbers_and_organisations_after_an_article() {
    let found = who("“He will go to work for you,” said the 46-year-old.");
    assert_eq!(found[0].1, some("the 46-year-old"));
    let text = "According to the Daily Caller, “Labott also coordinated with Reines.”";
    assert_eq!(speakers(text), vec![some("Daily Caller")]);
}

#[test]
fn who_stands_for_the_mention_before_it() {
    let text = "The race is close, said Lionel Sosa, a Texas consultant who added that Cruz was “not one of us.”";
    let found = who(text);
    assert_eq!(found[0].0, some("Lionel Sosa"));
    assert_eq!(found[0].1, some("who"));
    // With nothing before it, "who" names nobody and a later sieve decides.
    let text = "Who said “enough” first? Nobody knows.";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_pronoun_after_a_named_speaker_gives_way_to_the_name() {
    let text = "David Nevins runs the network. Mr. Nevins said he pursued a new “Twin Peaks” because the director agreed.";
    let found = who(text);
    assert_eq!(found[0].0, some("David Nevins"));
    assert_eq!(found[0].1, some("Mr. Nevins"));
    // Someone else: the one who reports it is the source.
    let text = "Anna Lee spoke first. Then Tom Hart said she called it “a disaster” on Monday.";
    assert_eq!(who(text)[0].1, some("Tom Hart"));
}

#[test]
fn the_noun_after_told_is_the_listener() {
    let text = "Dick Dever, who was listed on the Cruz slate, told POLITICO, “Of the three, I like John Kasich the best.”";
    assert_eq!(speakers(text), vec![some("Dick Dever")]);
}

#[test]
fn a_quote_that_opens_a_sentence_after_narration_is_its_subjects() {
    let text = book("Fanny listened to them all.\n\nHer husband, with great humility, did not see the force of it. \"They\nhad already spent a week in this manner.\"\n");
    assert_eq!(speakers(&text), vec![some("Her husband")]);
    let news = "Perez says too many women are torn by guilt. “They feel like a bad employee and a bad mom.”";
    assert_eq!(who(news)[0].2, "narration-before");
    assert_eq!(speakers(news), vec![some("Perez")]);
    // A phrase held up inside a sentence is no one's words.
    let scare = "Perez spoke at length. The plan was “a disaster” for the town.";
    assert_eq!(speakers(scare), vec![None]);
}

#[test]
fn a_quantifier_alone_can_be_the_speaker() {
    let text = "Several said they would rather see “block grants” sent to the states.";
    assert_eq!(who(text)[0].1, some("Several"));
    let text = "“Go back to Univision,” Trump barked, and a guard led Ramos out.";
    assert_eq!(speakers(text), vec![some("Trump")]);
}

#[test]
fn the_narrator_is_never_someone_the_narration_names_as_a_speaker() {
    // The old lady calls both her servant and the narrator; the servant
    // speaks in the narration ("said Potapitch"), so the narrator is the
    // other.
    let turn = |n: usize| {
        format!(
            "\"Is it far to the mill number {n}?\" I asked.\n\n\"Hallo! Potapitch! The chair!\"\n\n\"It is ready,\" said Potapitch.\n\n\"Come along, Alexis Ivanovitch.\"\n\n"
        )
    };
    let text = book(&(1..=10).map(turn).collect::<String>());
    assert_eq!(who(&text)[0].0, some("Alexis Ivanovitch"));
}

#[test]
fn in_a_book_a_bare_surname_takes_the_title_the_book_gives_it() {
    let text = book("Mr. Astley came in. Mr. Astley sat down by the fire,\nand Mr. Astley said nothing for a while.\n\n\"It is late,\" said Astley.\n");
    assert_eq!(speakers(&text), vec![some("Mr. Astley")]);
}

#[test]
fn in_a_book_a_surname_husband_and_wife_share_is_the_husband_alone() {
    let family = "Mrs. Turton poured the tea. Mr. Turton read the paper, and Mrs.\nTurton watched Mr. Turton read it. Mr. Turton looked up.\n\n";
    let text = book(&format!("{family}\"It is late,\" said Turton.\n"));
    assert_eq!(speakers(&text), vec![some("Mr. Turton")]);
    // A doctor called "Mr." once now and then is still the surname alone.
    let doctor = "Dr. Kemp sat up. Dr. Kemp wrote, and Dr. Kemp read. Mrs. Kemp\nwas away, Mr. Kemp was at home.\n\n";
    let text = book(&format!("{doctor}\"It is late,\" said Kemp.\n"));
    assert_eq!(speakers(&text), vec![some("Kemp")]);
}

#[test]
fn a_titles_stop_at_a_line_end_ends_no_sentence() {
    // "Mrs.\nMoore came back" is one sentence about Mrs. Moore, not one
    // about a "Moore", whom Ralph Moore's name would make a man.
    let text = book("Ralph Moore lived in the town. Tom Smith came in to the club.\n\nThe third act was well advanced by the time Mrs.\nMoore came back to the club.\n\n\"It was so hot,\" he said.\n");
    assert_eq!(speakers(&text), vec![some("Tom Smith")]);
}

#[test]
fn mademoiselle_is_a_title_and_alone_names_the_nearest_so_titled() {
    let text = book("Dorcas came in with the tray.\n\n\"Mademoiselle Dorcas, a moment!\" cried Poirot.\n\n\"Yes, sir,\" said Dorcas.\n\nMademoiselle Duvigne had gone. Mademoiselle Reisz came in and sat at the piano.\n\n\"You play well,\" said Mademoiselle.\n");
    assert_eq!(
        speakers(&text),
        vec![some("Poirot"), some("Dorcas"), some("Reisz")]
    );
}

#[test]
fn in_a_book_a_quote_nothing_cues_takes_the_last_name_the_narration_gives() {
    let text = book("A faint cloud passed over John's face.\n\n\"I have not the least idea.\"\n");
    assert_eq!(
        who(&text)[0],
        (some("John"), some("John"), "narration-name".into())
    );
    // The name is read from its first word, given name and all.
    let text = book("A cloud passed over Mary Crawford's face.\n\n\"I have no idea.\"\n");
    assert_eq!(who(&text)[0].1, some("Mary Crawford"));
    // News holds up phrases with no one's name to them.
    let news = "A faint cloud passed over John's face.\n\n“I have not the least idea.”";
    assert_eq!(speakers(news), vec![None]);
}

#[test]
fn a_thought_in_quote_marks_is_cued_like_speech() {
    let text = book("Elizabeth looked round the rooms.\n\n\"And of this place,\" thought Elizabeth, \"I might have been mistress!\"\n");
    assert_eq!(who(&text)[0].2, "verb-speaker-after");
    assert_eq!(speakers(&text), vec![some("Elizabeth"), some("Elizabeth")]);
    // So are a reflection and a correction.
    let text = book("\"It is late,\" reflected Elinor.\n\n\"Early,\" corrected Marianne.\n");
    assert_eq!(speakers(&text), vec![some("Elinor"), some("Marianne")]);
}

#[test]
fn two_particles_belong_to_the_name_and_to_a_titled_surname() {
    let text = book(
        "\"It is late,\" said Mr. van der Luyden.\n\n\"It is early,\" said Henry van der Luyden.\n",
    );
    assert_eq!(
        speakers(&text),
        vec![some("Mr. van der Luyden"), some("Henry van der Luyden")]
    );
}

#[test]
fn a_title_twice_over_names_nobody_and_ends() {
    // Found by fuzzing: "Dame" alone looked for the person titled "Dame",
    // found "Dame Dame", whose name is "Dame" again.
    let text = "City co\n\"Thisi s reet pla,\" M’s Ana Dame Dame said \n";
    assert_eq!(speakers(text).len(), 1);
}

#[test]
fn a_description_after_a_preposition_is_not_the_speaker() {
    let text = "Protesters marching through the streets chanted “What curfew?” until 2 a.m.";
    assert_eq!(speakers(text), vec![some("Protesters")]);
}

#[test]
fn a_dash_and_a_name_after_a_quote_sign_it() {
    let text = "Readers wrote in.\n\n“He promotes ignorance and hate.” ― Esther Tapia\n\n“Maybe we can build a wall around him.” — Steve Quinlan.";
    let found = who(text);
    assert_eq!(
        found[0],
        (
            some("Esther Tapia"),
            some("Esther Tapia"),
            "dash-after".into()
        )
    );
    assert_eq!(found[1].0, some("Steve Quinlan"));
    // A dash that goes on with the sentence signs nothing.
    let text = "He called them “losers” — Trump said so twice.";
    assert_ne!(who(text)[0].2, "dash-after");
}

#[test]
fn bodies_and_documents_speak_through_their_verbs() {
    let text = "The commission says on its website that “there were issues regarding the audio.”";
    assert_eq!(speakers(text), vec![some("The commission")]);
    let text = "At a forum on Monday, one questioner claimed that “the forces of political correctness” had won.";
    assert_eq!(who(text)[0].1, some("one questioner"));
}

#[test]
fn a_description_opening_its_clause_speaks_through_an_agreeing_verb() {
    let text = "Trump spoke next. The New York businessman says of Clinton, “If she gets the chance, she will do it.”";
    assert_eq!(who(text)[0].1, some("The New York businessman"));
    // A bare form after a description is a noun.
    let text = "Lucy waited. “It was my intention to say very little,” was his frigid reply.";
    assert_ne!(who(text)[0].1, some("his frigid"));
}

#[test]
fn a_dash_after_a_name_introduces_a_quote_as_a_colon_does() {
    let text = "The list of critics is long, including the former candidate Mitt Romney -- “It is disqualifying.”";
    assert_eq!(who(text)[0].2, "before-colon");
    assert_eq!(speakers(text), vec![some("Mitt Romney")]);
}

#[test]
fn quotes_in_one_sentence_share_the_cue_that_ends_it() {
    let text =
        "Mayor Ann Lee spoke. Fundraising was “slow” as the “long winter” dragged on, Lee said.";
    let found = who(text);
    assert_said(&found, 0, "Ann Lee", "same-sentence");
    assert_eq!(found[1].0, some("Ann Lee"));
    // A quote that ends its own sentence keeps to itself.
    let apart =
        "Mayor Ann Lee spoke. Fundraising was “slow.” The “long winter” dragged on, Lee said.";
    assert_eq!(who(apart)[0].2, "no-cue");
}

#[test]
fn a_sentence_of_only_speaker_and_verb_after_a_full_stop_is_the_cue() {
    let text = "Mayor Ann Lee spoke. “We will rebuild the bridge.” Lee said.";
    assert_eq!(
        who(text)[0],
        (some("Ann Lee"), some("Lee"), "speaker-verb-after".into())
    );
    let more = "Mayor Ann Lee spoke. “We will rebuild the bridge.” Lee said the town was broke.";
    assert_ne!(who(more)[0].2, "speaker-verb-after");
}

#[test]
fn as_someone_put_it_attributes_the_quote() {
    let text = "Mayor Ann Lee spoke on Monday. The plan is, as Ms. Lee put it, “a bridge too far.”";
    assert_eq!(
        who(text)[0],
        (some("Ann Lee"), some("Ms. Lee"), "in-sentence".into())
    );
}

#[test]
fn a_possessive_or_interjection_before_a_name_is_not_part_of_it() {
    let text = "“My Elinor is late,” said Mrs. Dashwood. “She is never late,” said Elinor.\n\n“O Rachael, come in,” said Stephen. “I will,” said Rachael.";
    assert_eq!(
        speakers(text),
        vec![
            some("Mrs. Dashwood"),
            some("Elinor"),
            some("Stephen"),
            some("Rachael")
        ]
    );
}

#[test]
fn a_one_word_turn_calls_nobody() {
    // "Exactly." is an answer, not a name the turn calls its listener by;
    // taken for one, it would make "Exactly" a speaker of the exchange.
    let text = book(
        "Anna stopped at the gate.\n\n\"Are you cold?\" said Boris.\n\n\"Warm enough.\"\n\n\"Truly?\"\n\n\"Exactly.\"\n\n\"Then walk faster.\"\n\n\"I cannot.\"",
    );
    let found = speakers(&text);
    assert!(!found.contains(&some("Exactly")), "{found:?}");
    assert!(!found.contains(&some("Truly")), "{found:?}");
    assert_eq!(found[0], some("Boris"));
}

#[test]
fn a_turn_that_calls_its_listener_sir_names_nobody() {
    let text = book("Anna stopped at the gate.\n\n\"Are you cold?\"\n\n\"Sir, I am not.\"\n\n\"Then walk faster.\"\n\n\"Madam, I cannot.\"");
    let found = speakers(&text);
    assert!(!found.contains(&some("Sir")), "{found:?}");
    assert!(!found.contains(&some("Madam")), "{found:?}");
}

#[test]
fn in_a_book_a_word_only_ever_opening_sentences_is_no_name() {
    // "Minutes" is never written inside a sentence, capitalised or not: in
    // news it could be a name met once, in a book it is not.
    let day = "Boris walked on through the wet fields, past the mill and the\nshut inn, and the rain fell on Boris over the low grey hills.\n\n";
    let mut text = book(&day.repeat(1000));
    text.push_str("Minutes passed. “We go now,” he said.\n");
    assert_eq!(speakers(&text), vec![some("Boris")]);
}

#[test]
fn a_time_phrase_opening_a_sentence_is_not_its_speaker() {
    let text = "Ann Lee left the room. Hours later, she issued a statement calling it “a sad day.”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn a_name_after_of_is_not_the_speaker() {
    let ryan =
        "House Speaker Paul D. Ryan of Wisconsin lamented the “disheartened” state of the race.";
    assert_eq!(who(ryan)[0].1, some("House Speaker Paul D. Ryan"));
    assert_eq!(who(ryan)[0].0, some("Paul D. Ryan"));
    let noun = "The site rated 32% of Republican claims as “false” this year.";
    assert_ne!(who(noun)[0].0, some("Republican"));
}

#[test]
fn what_he_called_names_the_subject_of_the_sentence() {
    let text = "Secretary General Ban Ki-moon condemned what he called a “brazen breach” of the rules.\n\nAnn Lee went to accuse them of being “duped” and to mock what she called “a con.”";
    let found = who(text);
    assert_eq!(found[0].1, some("Secretary General Ban Ki-moon"));
    assert_eq!(found[2].1, some("Ann Lee"));
}

#[test]
fn in_the_words_of_is_a_source_phrase() {
    let text = "The plan was, in the words of Ann Lee, “a bridge too far.”";
    assert_eq!(who(text)[0].0, some("Ann Lee"));
}

#[test]
fn in_a_book_kin_and_voices_are_resolved_through_their_owner() {
    let text = book("Mr. Bennet came in late. Mrs. Bennet had waited up.\n\nHe sat down by the fire.\n\n\"You are late,\" said his wife.\n\nAnna stood at the door.\n\n\"Come in,\" said her voice.\n");
    assert_eq!(speakers(&text), vec![some("Mrs. Bennet"), some("Anna")]);
}

#[test]
fn in_a_book_a_kin_noun_finds_the_family_name_of_an_owner_named_by_a_given_name() {
    // The book calls her "Elizabeth" far more often than "Elizabeth Bennet".
    let text = book("Elizabeth Bennet was late. Mrs. Bennet was not pleased. Elizabeth\nknew it. Elizabeth said nothing. Elizabeth smiled. Elizabeth waited.\n\nElizabeth sat down by the fire.\n\n\"You are late,\" said her mother.\n");
    assert_eq!(speakers(&text), vec![some("Mrs. Bennet")]);
}

#[test]
fn in_a_book_a_gendered_description_is_resolved_like_a_pronoun() {
    let text = book("Lucy Honeychurch opened the window and looked down at the river.\n\n\"It is raining again,\" said the girl.\n\nCecil came in.\n\n\"So it is,\" said the young man.\n");
    assert_eq!(
        speakers(&text),
        vec![some("Lucy Honeychurch"), some("Cecil")]
    );
    // Capitalised, a description is how the book names someone.
    let named = book("Cecil came in.\n\n\"Good evening,\" said the Invisible Man.\n");
    assert_eq!(speakers(&named), vec![some("Invisible Man")]);
    // News describes whom it introduces: the description stands.
    let news = "Lucy Honeychurch opened the window. “It is raining again,” said the girl.";
    assert_eq!(speakers(news), vec![some("the girl")]);
}

#[test]
fn turn_taking_gives_a_gendered_description_no_one_of_the_other_gender() {
    let text = book("\"Hello,\" said Lucy.\n\n\"Good day,\" said George.\n\n\"It is late,\" said the old man.\n");
    let found = speakers(&text);
    assert_ne!(found[2], some("Lucy"));
    assert_eq!(found[2], some("George"));
}

#[test]
fn in_a_book_a_subject_that_is_part_of_a_person_stands_for_its_owner() {
    let text = book("Lucy stood by the window.\n\nHer manner altered.\n\n\"To Greece?\"\n\nLady Bertram's admiration was great, and Fanny saw it.\n\n\"It was like a play.\"\n");
    assert_eq!(speakers(&text), vec![some("Lucy"), some("Lady Bertram")]);
}

#[test]
fn her_ladyship_is_the_nearest_person_given_the_title_lady() {
    let text = book("Lady Catherine de Bourgh sat by the fire. Mr. Collins bowed.\n\n\"You may sit,\" said her ladyship.\n");
    assert_eq!(speakers(&text), vec![some("Catherine de Bourgh")]);
}

#[test]
fn in_a_book_the_other_is_the_speaker_before_the_last_one() {
    let text = book("\"Is it far?\" said Syme.\n\nThey walked on.\n\n\"Not far,\" said Gregory.\n\nThe lamps were lit.\n\n\"Then we shall see,\" said the other.\n");
    assert_eq!(speakers(&text)[2], some("Syme"));
}

#[test]
fn a_pronoun_whose_person_its_paragraph_names_keeps_that_person_in_an_exchange() {
    let text = book("\"Is it late?\" said Henry.\n\n\"Yes,\" said Margaret.\n\nLeonard was silent for a moment. Then he said: \"May I go?\"\n");
    assert_eq!(speakers(&text)[2], some("Leonard"));
}

#[test]
fn a_quote_after_narration_in_its_own_paragraph_keeps_that_person_in_an_exchange() {
    let text = book("\"Is it late?\" said Henry.\n\n\"Yes,\" said Margaret.\n\nLeonard paused at the door. \"May I go?\"\n");
    assert_eq!(speakers(&text)[2], some("Leonard"));
}

#[test]
fn colourful_verbs_of_speech_are_cues() {
    let text = "Donald Trump spoke on Sunday.\n\n\u{201c}What sport is he talking about?\u{201d} reacted Trump.\n\n\u{201c}Never!\u{201d} spluttered Ann Lee.\n";
    assert_eq!(speakers(text), vec![some("Donald Trump"), some("Ann Lee")]);
}

#[test]
fn a_press_secretary_is_no_verb_after_a_name() {
    let text = "\u{201c}Nothing has changed,\u{201d} White House press secretary Josh Earnest told reporters.\n";
    assert_eq!(speakers(text), vec![some("Josh Earnest")]);
}

#[test]
fn commentators_and_backers_are_speakers() {
    let text = "Kasich is coming off a strong debate, when many commentators called him \u{201c}the grownup on the stage.\u{201d}\n";
    assert_eq!(speakers(text), vec![some("many commentators")]);
}

#[test]
fn a_no_break_space_inside_a_name_is_a_space() {
    // Web copy sets some spaces as U+00A0.
    let cases = [
        (
            "Gov.\u{a0}Mike Pence (R-IN) used the moment to “mock” the rally.",
            "Mike Pence",
        ),
        (
            "The panel met. “It is ours,” according to its\u{a0}annual\u{a0}report.",
            "its annual report",
        ),
    ];
    each_has_one_speaker(&cases);
}

#[test]
fn a_speech_verb_right_after_a_preposition_is_a_noun() {
    // "state" is a speech verb; right after "of" it is a noun, and the
    // description runs on through it.
    let cases = [
        (
            "At the rally the secretary of state said she was “not only here to help” her friend.",
            "the secretary of state",
        ),
        (
            "“We are here,” the head of state said.",
            "the head of state",
        ),
        (
            "“We are here,” said a spokesman for the group, who declined to be named.",
            "a spokesman for the group",
        ),
    ];
    each_has_one_speaker(&cases);
}

#[test]
fn a_state_between_commas_after_a_place_is_not_the_subject() {
    // AP style names a place "City, State,": the subject comes after both.
    let cases = [
        (
            "Speaking at a town hall in Salem, New Hampshire, Donald Trump went after Bush, calling him “a total stiff.”",
            "Donald Trump",
        ),
        (
            "At a rally in Ames, Iowa, on Sunday, Ann Lee spoke for an hour, calling it “a new start.”",
            "Ann Lee",
        ),
        (
            "Once in Berkeley Street, Mrs. Jennings, who had seen it all, went on, calling it “too much.”",
            "Mrs. Jennings",
        ),
    ];
    each_has_one_speaker(&cases);
}

#[test]
fn a_comma_at_the_end_of_the_previous_paragraph_runs_on_into_the_quote() {
    let text = book("Boris turned to her again, and said in the gentlest of\naccents,\n\n\"You know my feelings well enough.\"\n");
    assert_eq!(
        who(&text)[0],
        (some("Boris"), some("Boris"), "speaker-verb-before".into())
    );
    // A dash runs on as a comma does.
    for dash in ["--", "\u{2014}"] {
        let text = book(&format!("Anna stood by the gate with Boris, and Boris said{dash}\n\n\"You know my feelings well enough.\"\n"));
        assert_eq!(who(&text)[0].0, some("Boris"), "{dash}");
        assert_eq!(who(&text)[0].2, "speaker-verb-before", "{dash}");
    }
}

#[test]
fn a_book_names_a_person_by_the_given_name_it_mostly_uses() {
    let day = "Elizabeth walked on through the wet fields, and the rain fell on\nElizabeth and on the low grey hills all day long.\n\n";
    let mut text = book(&format!(
        "Elizabeth Bennet was the second daughter.\n\n{}",
        day.repeat(5)
    ));
    text.push_str("\"It is late,\" said Elizabeth.\n");
    assert_eq!(speakers(&text), vec![some("Elizabeth")]);
    // News names her in full.
    let news = "Elizabeth Bennet, a lawyer, spoke. Elizabeth left. Elizabeth came back. Elizabeth sat. Elizabeth ate. Elizabeth slept. “It is late,” said Elizabeth.";
    assert_eq!(speakers(news), vec![some("Elizabeth Bennet")]);
}

#[test]
fn a_description_before_an_irregular_past_says_the_quote() {
    let text = "The veteran campaigner wrote for the Gazette that the town was “broke and tired.”";
    assert_eq!(
        who(text)[0],
        (
            some("The veteran campaigner"),
            some("The veteran campaigner"),
            "in-sentence".into()
        )
    );
}

#[test]
fn people_described_by_trade_speak_after_a_participle() {
    let text = "The businessman began with the drug crisis, saying that heroin is now “cheaper than candy.”";
    assert_eq!(who(text)[0].0, some("The businessman"));
}

#[test]
fn after_a_participle_or_as_it_the_next_mention_is_no_speaker() {
    let text = "Rudy Giuliani trashed the director on “Morning Joe,” calling it a “no-brainer” to prosecute.";
    let found = who(text);
    assert_eq!(found[1].0, some("Rudy Giuliani"));
    assert_eq!(found[1].1, some("Rudy Giuliani"));
    let text = "Ann Lee spoke about the show. “Morning Joe,” said it, was on.";
    assert_ne!(who(text)[0].1, some("it"));
}

#[test]
fn a_capitalised_adjective_opens_a_description_read_forwards() {
    let text = "“It is over,” said Republican presidential nominee Ann Lee.\n\nFormer prosecutor Tom Hale met voters and said the plan was “a disaster.”\n\nDemocratic party officials met voters and said it was “a mess.”";
    assert_eq!(
        speakers(text),
        vec![
            some("Ann Lee"),
            some("Tom Hale"),
            some("Democratic party officials")
        ]
    );
    // Only speaker nouns follow the capitalised words of a description.
    let text = "Ann Lee met voters and said the plan was “a disaster.”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn a_verb_whose_subject_follows_another_verb_is_inside_what_that_one_says() {
    let text = "Mayor Ann Lee, opening the museum on Saturday, said it would tell a story of ''suffering and delight.''";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
    let text = "“It is late,” said Tom Hale. “We should go.”";
    assert_eq!(speakers(text), vec![some("Tom Hale"), some("Tom Hale")]);
}

#[test]
fn a_base_form_right_after_a_singular_name_is_a_noun() {
    let text = "Ann Lee is describing as “unhinged” a Tom Hale tweet attacking her.";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
    // A past that is also the base is still a verb.
    let text = "“Idleness,” Tom Hale put in with a laugh.";
    assert_eq!(speakers(text), vec![some("Tom Hale")]);
}

#[test]
fn a_dateline_dash_may_be_two_hyphens() {
    let text = "WASHINGTON -- Ann Lee met voters and said the plan would cut “waste and delay.”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn a_year_may_stand_between_the_speaker_and_the_verb() {
    let text = "Ann Lee met Mayor Tom Hale, who in 2010 said the plan was “a disaster.”";
    assert_eq!(speakers(text), vec![some("Tom Hale")]);
}

#[test]
fn an_organisation_named_after_an_article_ends_before_its_verb() {
    let text = "The Security Council issued a statement calling the test “a clear violation” of the rules.";
    assert_eq!(speakers(text), vec![some("Security Council")]);
}

#[test]
fn groups_speak_and_referencing_words_quotes_them() {
    let text = "In August, several environmental groups granted Tom Hale an extension, saying his “capital was less than expected.”";
    assert_eq!(speakers(text), vec![some("several environmental groups")]);
    let text =
        "The IMF did not name the plan, but it referenced “political tensions” in rich economies.";
    assert_eq!(who(text)[0].2, "speaker-verb-before");
}

#[test]
fn it_stands_for_an_organisation_that_opens_a_sentence() {
    let text =
        "The IMF did not name the plan, but it referenced “political tensions” in rich economies.";
    assert_eq!(speakers(text), vec![some("IMF")]);
    // "they" stays with people.
    let text = "Ann Lee and Tom Hale met the board. The Board took a vote. “We won,” they said.";
    assert_ne!(speakers(text), vec![some("Board")]);
}

#[test]
fn a_name_after_of_is_the_subject_of_a_participle() {
    let text = "Ann Lee debated Tom Hale.\n\nThe ad concludes with footage of Lee saying during the debate, “That makes me smart,” to cheers.";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn a_cue_later_in_the_sentence_beats_its_subject() {
    let text =
        "Tom Hale wants evidence, not words like “maybe” and “perhaps”, Ann Lee told reporters.";
    assert_eq!(speakers(text), vec![some("Ann Lee"), some("Ann Lee")]);
}

#[test]
fn a_base_form_after_a_description_of_no_speaker_is_a_noun() {
    let text = "Ann Lee delivered a snappy retort: “No one is tearing this up.”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn that_reaches_back_to_its_speech_verb() {
    let text = "Ann Lee said during a rally in Ohio that Tom Hale once called the deal “the gold standard” of trade.";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
    // A result clause is no report: "so … that".
    let text = "Tom Hale replied, so eagerly that Ann Lee said, in a rather offended tone, “Hm! No accounting for tastes!”";
    assert_eq!(speakers(text), vec![some("Ann Lee")]);
}

#[test]
fn the_clause_before_a_colon_speaks_through_its_subject() {
    let text = "When Tom Hale suggested a lawsuit, Ann Lee fired back forcefully: “If they sue us, they lose.”";
    assert_eq!(
        who(text)[0],
        (some("Ann Lee"), some("Ann Lee"), "before-colon".into())
    );
}

#[test]
fn a_character_named_with_the_anchors_an_exchange() {
    // "the Gryphon" is how the book names a character, not a description
    // for the exchange to resolve: the turn it is named in is the
    // Gryphon's, though Alice speaks two turns before.
    let text = book(
        "\"I could tell you my adventures,\" said Alice.\n\n\"Explain all that,\" said the Mock Turtle.\n\n\"No, no! The adventures first,\" said the Gryphon.\n\n",
    );
    assert_eq!(
        speakers(&text),
        vec![some("Alice"), some("Mock Turtle"), some("Gryphon")]
    );
}

#[test]
fn she_is_the_woman_of_the_paragraph_before_a_name_of_unknown_gender() {
    // Both open a sentence in the paragraph, and "Cortona" is later, but
    // nothing says it is a woman: Mary Hunt is.
    let text = book(
        "Mary Hunt looked at the map. Cortona stayed silent. \"Quite an\novation,\" she cried.\n\n",
    );
    assert_eq!(speakers(&text), vec![some("Mary Hunt")]);
}

#[test]
fn given_names_of_the_last_two_centuries_say_a_gender() {
    // Neither is titled, and no pronoun has followed either yet: the
    // given names alone say which one "she" is.
    let text = book("Augusta Hale sat down. Ned Fry stood by the window. \"No,\" she\nsaid.\n\n");
    assert_eq!(speakers(&text), vec![some("Augusta Hale")]);
}

#[test]
fn british_titles_without_a_stop_say_a_gender() {
    // "Mrs Charles Hale" is a woman, titled the British way; so "he" is
    // the man of the paragraph, whose given name says nothing.
    let text =
        book("Pym Ray stood by the window. Mrs Charles Hale sat down. \"No,\" he\nsaid.\n\n");
    assert_eq!(speakers(&text), vec![some("Pym Ray")]);
}

#[test]
fn a_turn_that_is_only_a_name_answers_and_calls_nobody() {
    // "Lady Hale," is the answer to "Who is it?", not Basil speaking to
    // her: the cueless turn after it is not hers.
    let text = book(
        "\"Lady Hale,\" said Basil.\n\n\"Why her?\"\n\n\"Because she adores him,\" said Basil.\n\n",
    );
    let found = speakers(&text);
    assert_ne!(found[1], some("Lady Hale"));
}

#[test]
fn miss_and_a_surname_is_the_one_woman_of_that_name() {
    // The book names one woman Quested in full; "Miss Quested" is she.
    // Her father would be "Mr. Quested", a sister another full name.
    let text = book(
        "Adela Quested sat on the verandah. Ronny Heaslop came out.\n\n\"I'm tired,\" said Miss Quested.\n\n",
    );
    assert_eq!(speakers(&text), vec![some("Adela Quested")]);
    let sisters = book(
        "Adela Quested sat with Mary Quested. Ronny came out.\n\n\"I'm tired,\" said Miss Quested.\n\n",
    );
    assert_eq!(speakers(&sisters), vec![some("Miss Quested")]);
}

#[test]
fn an_exchange_is_anchored_on_its_nearest_named_turn_however_far() {
    // Ten cueless turns, then Anna and Boris are named: the first turn,
    // ten turns before Anna's, is hers.
    let lines: Vec<String> = (0..10)
        .map(|k| format!("\"Line {k} of it.\""))
        .chain([
            "\"Enough,\" said Anna.".to_string(),
            "\"Quite,\" said Boris.".to_string(),
        ])
        .collect();
    let text = book(&(lines.join("\n\n") + "\n\n"));
    let found = who(&text);
    assert_said(&found, 0, "Anna", "turn-taking");
    assert_eq!(found[1].0, some("Boris"));
}

#[test]
fn a_doctrine_called_out_is_no_one_a_pronoun_can_be() {
    // "Post Impressionism" is called out and named in the narration after,
    // but it is no person: "He" is Aziz, who was last a subject.
    let text = book("Aziz asked whether Miss Quested painted.\n\n\"Is she a Post Impressionist?\"\n\n\"Post Impressionism, indeed! Come along to tea.\"\n\nAziz was offended. The remark suggested that he had no right to have\nheard of Post Impressionism. He said stiffly, \"I do not mind.\"\n");
    let found = who(&text);
    assert_eq!(found[2].0, some("Aziz"), "{found:?}");
}

#[test]
fn a_subject_after_an_opening_clause_is_whom_she_stands_for() {
    // The last sentence is about Katharine, named after its opening
    // clause; Cassandra was the subject before.
    let text = book("Cassandra had chosen the Zoo over Kew. She knew something of animals.\nAs their cab approached the gate, Katharine bent forward and waved.\n\n\"There is Ralph Denham!\" she exclaimed.\n");
    let found = who(&text);
    assert_eq!(found[0].0, some("Katharine"), "{found:?}");
}

#[test]
fn a_clause_inside_a_sentence_may_have_its_own_subject() {
    // Louisa, not Jane, is the last woman the narration is about: after
    // ", and" or a semicolon a clause opens with a subject of its own.
    let after_and =
        "Jane sat by the fire, and Louisa came in quietly.\n\n\"Is it late?\" she asked.\n";
    let after_semicolon =
        "Jane sat by the fire; Louisa came in quietly.\n\n\"Is it late?\" she asked.\n";
    for text in [after_and, after_semicolon] {
        assert_eq!(speakers(&book(text)), vec![some("Louisa")], "{text}");
    }
    // The last name of a list is no subject.
    let list = "Jane sat by the fire. She had asked Mary, and Louisa to come.\n\n\"Is it late?\" she asked.\n";
    assert_eq!(speakers(&book(list)), vec![some("Jane")]);
}
