use super::*;
use crate::exercise::{ClozePart, OrderCredit, Penalty};

fn read_item(name: &str) -> Report {
    import(
        &fixture(&format!("qti21/items/{name}.xml")),
        Format::Qti,
        &defaults(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn unsupported(name: &str) -> Outcome {
    Outcome::Refused {
        reason: Reason::UnsupportedInteraction {
            name: name.to_owned(),
        },
    }
}

fn taken(item_type: ItemType, id: &str) -> Outcome {
    Outcome::Taken {
        item_type,
        id: id.parse().expect("an id"),
    }
}

fn refused(reason: Reason) -> Outcome {
    Outcome::Refused { reason }
}

/// Every item of the QTI 2.1 specification's examples: taken as which kind, or refused why.
#[test]
fn the_specifications_examples() {
    use ItemType::*;
    let expected: Vec<(&str, Outcome, Vec<Note>, u32)> = vec![
        ("adaptive", refused(Reason::Adaptive), vec![], 0),
        (
            "associate",
            taken(Matching, "associate"),
            vec![Note::ApproximateScoring, Note::AssociationAsMatching],
            400,
        ),
        (
            "choice",
            taken(SingleChoice, "choice"),
            vec![Note::MediaDropped { count: 1 }],
            100,
        ),
        (
            "choice_fixed",
            taken(SingleChoice, "choice"),
            vec![Note::MediaDropped { count: 1 }, Note::FixedPositionsIgnored],
            100,
        ),
        (
            "choice_multiple",
            taken(MultipleChoice, "choiceMultiple"),
            vec![Note::ApproximateScoring],
            200,
        ),
        (
            "extended_text",
            taken(FreeText, "extendedText"),
            vec![Note::MediaDropped { count: 1 }],
            100,
        ),
        (
            "feedbackInline",
            taken(SingleChoice, "Example02-feedbackInline"),
            vec![],
            1000,
        ),
        (
            "gap_match",
            taken(Cloze, "gapMatch"),
            vec![Note::ShownAsDropDown, Note::ApproximateScoring],
            300,
        ),
        (
            "graphic_associate",
            unsupported("graphicAssociateInteraction"),
            vec![],
            0,
        ),
        (
            "graphic_gap_match",
            unsupported("graphicGapMatchInteraction"),
            vec![],
            0,
        ),
        (
            "graphic_order",
            unsupported("graphicOrderInteraction"),
            vec![],
            0,
        ),
        ("hotspot", unsupported("hotspotInteraction"), vec![], 0),
        ("hottext", unsupported("hottextInteraction"), vec![], 0),
        ("inline_choice", taken(Cloze, "inlineChoice"), vec![], 100),
        ("likert", refused(Reason::NoScoring), vec![], 0),
        (
            "match",
            taken(Categorising, "match"),
            vec![Note::ApproximateScoring, Note::MatchingAsCategorising],
            300,
        ),
        (
            "math",
            refused(Reason::UnsupportedContent {
                element: "math".to_owned(),
            }),
            vec![],
            0,
        ),
        (
            "modalFeedback",
            taken(SingleChoice, "Example01-modalFeedback"),
            vec![],
            1000,
        ),
        (
            "order",
            taken(Ordering, "order"),
            vec![Note::FixedPositionsIgnored],
            100,
        ),
        (
            "orkney1",
            taken(SingleChoice, "orkney1"),
            vec![Note::MediaDropped { count: 1 }],
            100,
        ),
        (
            "position_object",
            unsupported("positionObjectInteraction"),
            vec![],
            0,
        ),
        (
            "select_point",
            unsupported("selectPointInteraction"),
            vec![],
            0,
        ),
        ("slider", unsupported("sliderInteraction"), vec![], 0),
        ("template", refused(Reason::Template), vec![], 0),
        ("text_entry", taken(Cloze, "textEntry"), vec![], 100),
    ];
    let folder = format!(
        "{}/../../shared/fixtures/exercises/qti21/items",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .expect("the fixtures folder")
        .map(|entry| {
            let name = entry.expect("an entry").file_name();
            name.to_string_lossy().trim_end_matches(".xml").to_owned()
        })
        .collect();
    files.sort();
    let mut names: Vec<&str> = expected.iter().map(|e| e.0).collect();
    names.sort_unstable();
    assert_eq!(files, names, "every fixture has its expected outcome");
    let mut wrong = Vec::new();
    for (name, outcome, notes, points) in &expected {
        let report = read_item(name);
        assert_eq!(report.items.len(), 1, "{name}");
        let entry = &report.items[0];
        let got_points = report
            .exercise
            .as_ref()
            .map_or(0, |exercise| exercise.items[0].points.hundredths());
        if (&entry.outcome, &entry.notes, got_points) != (outcome, notes, *points) {
            wrong.push(format!(
                "{name}: {:?} {:?} {got_points}",
                entry.outcome, entry.notes
            ));
        }
        if let Some(exercise) = &report.exercise {
            assert_eq!(exercise.problems(), [], "{name}");
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let taken = expected
        .iter()
        .filter(|e| matches!(e.1, Outcome::Taken { .. }))
        .count();
    assert_eq!((taken, expected.len() - taken), (13, 12));
}

#[test]
fn choices_keep_their_identifiers_texts_and_feedback() {
    let report = read_item("choice");
    let exercise = report.exercise.as_ref().expect("taken");
    assert_eq!(exercise.title, "Unattended Luggage");
    let choice = item(&report, "choice");
    assert_eq!(
        choice.prompt,
        "Look at the text in the picture.\n\nWhat does it say?"
    );
    let ItemKind::SingleChoice(single) = &choice.kind else {
        panic!()
    };
    let choices: Vec<(&str, &str, u8)> = single
        .choices
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str(), c.credit.get()))
        .collect();
    assert_eq!(
        choices,
        [
            (
                "ChoiceA",
                "You must stay with your luggage at all times.",
                100
            ),
            (
                "ChoiceB",
                "Do not let someone else look after your luggage.",
                0
            ),
            ("ChoiceC", "Remember your luggage when you leave.", 0),
        ]
    );
    assert!(!single.shuffle);

    let report = read_item("feedbackInline");
    let ItemKind::SingleChoice(single) = kind(&report, "Example02-feedbackInline") else {
        panic!()
    };
    let feedback: Vec<(&str, Option<&str>)> = single
        .choices
        .iter()
        .map(|c| (c.text.as_str(), c.feedback.as_deref()))
        .collect();
    assert_eq!(
        feedback,
        [
            ("True", Some("That's correct")),
            ("False", Some("That's not correct"))
        ]
    );

    let report = read_item("modalFeedback");
    let modal = item(&report, "Example01-modalFeedback");
    assert_eq!(modal.feedback.correct.as_deref(), Some("correct"));
    assert_eq!(modal.feedback.wrong.as_deref(), Some("incorrect"));

    let report = read_item("choice_multiple");
    let ItemKind::MultipleChoice(multiple) = kind(&report, "choiceMultiple") else {
        panic!()
    };
    let right: Vec<&str> = multiple
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(right, ["H", "O"]);
    assert_eq!(multiple.penalty, Penalty::WrongCancelsRight);
}

#[test]
fn gaps_orders_and_pairs() {
    let report = read_item("text_entry");
    let text_entry = item(&report, "textEntry");
    assert_eq!(
        text_entry.prompt,
        "Identify the missing word in this famous quote from Shakespeare's Richard III."
    );
    let ItemKind::Cloze(cloze) = &text_entry.kind else {
        panic!()
    };
    let ClozePart::TypedGap { answers } = &cloze.parts[1] else {
        panic!("{cloze:?}")
    };
    let typed: Vec<(&str, u8, bool)> = answers
        .iter()
        .map(|a| (a.text.as_str(), a.credit.get(), a.matching.case_sensitive))
        .collect();
    assert_eq!(typed, [("York", 100, true), ("york", 50, true)]);
    let ClozePart::Text { text } = &cloze.parts[0] else {
        panic!()
    };
    assert_eq!(
        text,
        "Now is the winter of our discontent\\\nMade glorious summer by this sun of "
    );

    let report = read_item("inline_choice");
    let ItemKind::Cloze(cloze) = kind(&report, "inlineChoice") else {
        panic!()
    };
    let ClozePart::ChoiceGap { options } = &cloze.parts[1] else {
        panic!()
    };
    let options: Vec<(&str, u8)> = options
        .iter()
        .map(|o| (o.id.as_str(), o.credit.get()))
        .collect();
    assert_eq!(options, [("G", 0), ("L", 0), ("Y", 100)]);

    let report = read_item("order");
    let ItemKind::Ordering(order) = kind(&report, "order") else {
        panic!()
    };
    let ids: Vec<&str> = order.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["DriverC", "DriverA", "DriverB"]);
    assert_eq!(order.credit, OrderCredit::AllOrNothing);

    let report = read_item("match");
    let ItemKind::Categorising(sorting) = kind(&report, "match") else {
        panic!()
    };
    let categories: Vec<(&str, Vec<&str>)> = sorting
        .categories
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.cards.iter().map(|card| card.text.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("A Midsummer-Night's Dream", vec!["Demetrius", "Lysander"]),
            ("Romeo and Juliet", vec!["Capulet"]),
            ("The Tempest", vec!["Prospero"]),
        ]
    );

    let report = read_item("associate");
    let ItemKind::Matching(matching) = kind(&report, "associate") else {
        panic!()
    };
    let pairs: Vec<(&str, &str)> = matching
        .pairs
        .iter()
        .map(|p| (p.left.text.as_str(), p.right.text.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Antonio", "Prospero"),
            ("Capulet", "Montague"),
            ("Demetrius", "Lysander")
        ]
    );

    let report = read_item("gap_match");
    let ItemKind::Cloze(cloze) = kind(&report, "gapMatch") else {
        panic!()
    };
    let right: Vec<&str> = cloze
        .gaps()
        .map(|gap| match gap {
            ClozePart::ChoiceGap { options } => options
                .iter()
                .find(|o| o.credit.is_full())
                .map(|o| o.text.as_str())
                .unwrap_or(""),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(right, ["winter", "summer"]);
}

/// The standard response processing templates, written out inside an item, are recognised as
/// the templates they are.
#[test]
fn the_templates_written_out_are_recognised() {
    let choice = String::from_utf8(fixture("qti21/items/choice.xml")).expect("UTF-8");
    let multiple = String::from_utf8(fixture("qti21/items/choice_multiple.xml")).expect("UTF-8");
    let inline = |item: &str, template: &str| {
        let processing =
            String::from_utf8(fixture(&format!("qti21/rptemplates-v2p1/{template}.xml")))
                .expect("UTF-8");
        let processing = processing
            .trim_start_matches(|c| c != '>')
            .trim_start_matches('>');
        let start = item.find("<responseProcessing").expect("a processing");
        let end = item[start..].find("/>").expect("an empty element") + start + 2;
        format!("{}{}{}", &item[..start], processing.trim(), &item[end..])
    };
    for (item, template, expected) in [
        (&choice, "match_correct", ItemType::SingleChoice),
        (&multiple, "map_response", ItemType::MultipleChoice),
    ] {
        let written_out = inline(item, template);
        assert!(!written_out.contains("template="), "{written_out}");
        let by_reference = qti::import(item, &defaults()).expect("reads");
        let report = qti::import(&written_out, &defaults()).expect("reads");
        assert_eq!(outcomes(&report), [(Some(expected), None)], "{template}");
        assert_eq!(report.exercise, by_reference.exercise, "{template}");
    }
    let point = inline(&choice, "map_response_point");
    let report = qti::import(&point, &defaults()).expect("reads");
    assert_eq!(
        outcomes(&report),
        [(
            None,
            Some(Reason::UnknownTemplate {
                uri: "map_response_point".to_owned()
            })
        )]
    );
    for template in ["match_correct", "map_response", "map_response_point"] {
        let bytes = fixture(&format!("qti21/rptemplates-v2p1/{template}.xml"));
        assert_eq!(
            import(&bytes, Format::Qti, &defaults()),
            Err(ImportError::WrongRoot {
                found: "responseProcessing".to_owned(),
                expected: "assessmentItem".to_owned()
            })
        );
    }
}

#[test]
fn custom_processing_and_unknown_identifiers_are_refused() {
    let choice = String::from_utf8(fixture("qti21/items/choice.xml")).expect("UTF-8");
    let custom = choice.replace(
        "<responseProcessing\n\t\ttemplate=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct\"/>",
        "<responseProcessing><setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">1</baseValue></setOutcomeValue></responseProcessing>",
    );
    assert_ne!(custom, choice);
    let report = qti::import(&custom, &defaults()).expect("reads");
    assert_eq!(
        outcomes(&report),
        [(None, Some(Reason::CustomResponseProcessing))]
    );
    let unknown = choice.replace("<value>ChoiceA</value>", "<value>ChoiceZ</value>");
    let report = qti::import(&unknown, &defaults()).expect("reads");
    assert_eq!(
        outcomes(&report),
        [(
            None,
            Some(Reason::UnknownIdentifier {
                identifier: "ChoiceZ".to_owned()
            })
        )]
    );
    let french = choice.replace(
        "identifier=\"choice\" title",
        "xml:lang=\"co-FR\" identifier=\"choice\" title",
    );
    let report = qti::import(&french, &defaults()).expect("reads");
    assert_eq!(report.exercise.expect("taken").language.as_str(), "co-FR");
}
