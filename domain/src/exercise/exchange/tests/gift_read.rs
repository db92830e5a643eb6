use super::*;
use crate::exercise::{
    Accepts, Choice, ClozePart, Decimal, Penalty, Percent, Points, TextAnswer, Tolerance,
};

fn read(text: &str) -> Report {
    gift::import(text, &defaults()).expect("a GIFT file")
}

fn decimal(raw: &str) -> Decimal {
    raw.parse().expect("a number")
}

#[test]
fn moodles_fixture_gives_its_nine_questions() {
    let report = import(&fixture("questions.gift.txt"), Format::Gift, &defaults())
        .expect("the fixture reads");
    use ItemType::*;
    assert_eq!(
        outcomes(&report),
        [
            (Some(FreeText), None),
            (Some(Matching), None),
            (Some(SingleChoice), None),
            (Some(MultipleChoice), None),
            (Some(Numeric), None),
            (Some(ShortText), None),
            (Some(TrueFalse), None),
            (Some(TrueFalse), None),
            (Some(TrueFalse), None),
        ]
    );
    assert_eq!((report.taken(), report.refused()), (9, 0));
    let names: Vec<Option<&str>> = report.items.iter().map(|i| i.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Q8"),
            Some("Moodle activities"),
            Some("Q2"),
            Some("colours"),
            Some("Q5"),
            Some("Shortanswer"),
            Some("Q1"),
            Some("2-08 TSL"),
            Some("2-08 TSL"),
        ]
    );
    let lines: Vec<Option<u32>> = report.items.iter().map(|i| i.line).collect();
    assert_eq!(lines, [2, 5, 14, 22, 31, 34, 41, 46, 49].map(Some).to_vec());
    let exercise = report.exercise.as_ref().expect("an exercise");
    assert_eq!(exercise.problems(), []);
    let ids: Vec<&str> = exercise.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "Q8",
            "Moodle-activities",
            "Q2",
            "colours",
            "Q5",
            "Shortanswer",
            "Q1",
            "2-08-TSL",
            "2-08-TSL-2"
        ]
    );

    assert_eq!(item(&report, "Q8").prompt, "How are you?");
    assert_eq!(
        *kind(&report, "Q8"),
        ItemKind::FreeText(crate::exercise::FreeText {
            accepts: Accepts::Text,
            guidance: None
        })
    );

    let activities = item(&report, "Moodle-activities");
    assert_eq!(activities.prompt, "Match the activity to the description.");
    let ItemKind::Matching(matching) = &activities.kind else {
        panic!("{activities:?}")
    };
    let pairs: Vec<(&str, &str)> = matching
        .pairs
        .iter()
        .map(|p| (p.left.text.as_str(), p.right.text.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("An activity supporting asynchronous discussions.", "Forum"),
            (
                "A teacher asks a question and specifies a choice of multiple responses.",
                "Choice"
            ),
            (
                "A bank of record entries which participants can add to.",
                "Database"
            ),
            (
                "A collection of web pages that anyone can add to or edit.",
                "Wiki"
            ),
        ]
    );
    assert_eq!(matching.distractors.len(), 1);
    assert_eq!(matching.distractors[0].text, "Chat");
    assert_eq!(matching.distractors[0].id.as_str(), "r5");
    assert_eq!(report.items[1].notes, [Note::MarkupRemoved]);

    let ItemKind::SingleChoice(q2) = kind(&report, "Q2") else {
        panic!()
    };
    let choices: Vec<(&str, u8, Option<&str>)> = q2
        .choices
        .iter()
        .map(|c| (c.text.as_str(), c.credit.get(), c.feedback.as_deref()))
        .collect();
    assert_eq!(
        choices,
        [
            ("yellow", 100, Some("right; good!")),
            ("red", 0, Some("wrong, it's yellow")),
            ("blue", 0, Some("wrong, it's yellow")),
        ]
    );
    assert!(q2.shuffle);

    let ItemKind::MultipleChoice(colours) = kind(&report, "colours") else {
        panic!()
    };
    let boxes: Vec<(&str, bool)> = colours
        .choices
        .iter()
        .map(|c| (c.text.as_str(), c.correct))
        .collect();
    assert_eq!(
        boxes,
        [
            ("yellow", true),
            ("red", false),
            ("off-beige", true),
            ("blue", false)
        ]
    );
    // 50 / 50 / −100 / −100: neither scheme of Scola's exactly.
    assert_eq!(colours.penalty, Penalty::WrongCancelsRight);
    assert_eq!(report.items[3].notes, [Note::ApproximateScoring]);

    let q5 = item(&report, "Q5");
    assert_eq!(
        q5.prompt,
        "What is a number from 1 to 5? \\_\\_\\_\\_\\_\";"
    );
    let ItemKind::Numeric(numeric) = &q5.kind else {
        panic!()
    };
    assert_eq!(numeric.answers.len(), 1);
    assert_eq!(numeric.answers[0].value, decimal("3"));
    assert_eq!(
        numeric.answers[0].tolerance,
        Tolerance::Absolute {
            margin: decimal("2")
        }
    );
    assert_eq!(q5.feedback.wrong.as_deref(), Some("Completely wrong"));

    let short = item(&report, "Shortanswer");
    let ItemKind::ShortText(answers) = &short.kind else {
        panic!()
    };
    let texts: Vec<(&str, u8, Option<&str>)> = answers
        .answers
        .iter()
        .map(|a| (a.text.as_str(), a.credit.get(), a.feedback.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Frog", 100, Some("Good!")),
            ("Cat", 50, Some("What is it with Moodlers and cats?")),
        ]
    );
    assert_eq!(short.feedback.wrong.as_deref(), Some("Completely wrong"));

    let q1 = item(&report, "Q1");
    assert_eq!(
        q1.kind,
        ItemKind::TrueFalse(crate::exercise::TrueFalse { answer: false })
    );
    assert_eq!(
        q1.prompt,
        "42 is the Absolute Answer to everything.\\_\\_\\_\\_\\_\";"
    );
    assert_eq!(
        q1.feedback.wrong.as_deref(),
        Some("42 is the Ultimate Answer.")
    );
    assert_eq!(
        q1.feedback.correct.as_deref(),
        Some("You gave the right answer.")
    );
    assert_eq!(
        q1.feedback.general.as_deref(),
        Some("This is, of course, a Hitchiker's Guide to the Galaxy reference.")
    );
    for id in ["2-08-TSL", "2-08-TSL-2"] {
        assert_eq!(
            *kind(&report, id),
            ItemKind::TrueFalse(crate::exercise::TrueFalse { answer: true })
        );
        assert_eq!(item(&report, id).prompt, "TSL is blablabla.");
    }
    assert!(
        exercise
            .items
            .iter()
            .all(|i| i.points == Points::from_hundredths(100))
    );
}

#[test]
fn escapes_give_the_characters_back() {
    let report = read(
        "::e::[markdown]Braces \\{x\\}, a \\~ tilde, \\= equal, \\# hash, a\\: colon, a \\\\ backslash\\nand a new line{T}",
    );
    assert_eq!(
        item(&report, "e").prompt,
        "Braces {x}, a ~ tilde, = equal, # hash, a: colon, a \\ backslash\nand a new line"
    );
}

#[test]
fn formats_turn_into_markdown() {
    let report = read(
        "::h::[html]<p>Un <b>gras</b> &amp; <script>alert(1)</script>2 * 3</p><p>Fin&nbsp;?</p>{T}\n\n\
         ::p::[plain]2 * 3 = six_fois [x]{T}\n\n\
         ::m::Ligne un\\nligne deux <i>it</i>{T}\n\n\
         ::md::[markdown]Du **gras**{T}",
    );
    assert_eq!(
        item(&report, "h").prompt,
        "Un gras \\& 2 \\* 3\n\nFin\u{a0}?"
    );
    assert_eq!(report.items[0].notes, [Note::MarkupRemoved]);
    assert_eq!(item(&report, "p").prompt, "2 \\* 3 = six\\_fois \\[x\\]");
    assert_eq!(item(&report, "m").prompt, "Ligne un\\\nligne deux it");
    assert_eq!(item(&report, "md").prompt, "Du **gras**");
}

#[test]
fn comments_categories_and_titles() {
    let report = read(
        "// a comment\n$CATEGORY: $course$/Corsica\n\n// before\n::Jeudi en corse?::Comment dit-on jeudi ?{=ghjovedì =ghjovi}\n\n::Jeudi en corse?::Encore{=ghjovedì}\n\nSans titre{=ok}",
    );
    assert_eq!(
        report.notes,
        [FileNote::CategoryIgnored {
            name: "$course$/Corsica".to_owned()
        }]
    );
    let ids: Vec<&str> = report
        .exercise
        .as_ref()
        .expect("taken")
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["Jeudi-en-corse", "Jeudi-en-corse-2", "q3"]);
    assert_eq!(report.items[0].line, Some(5));
}

#[test]
fn numeric_ranges_and_several_answers() {
    let report = read(
        "::r::Un nombre de 1 à 5{#1..5}\n\n::m::Quand est né Ulysses S. Grant ?{#=1822:0 # Juste ! =%50%1822:2 # Presque.}\n\n::neg::Moins{#-2.5..-1.5}",
    );
    let ItemKind::Numeric(range) = kind(&report, "r") else {
        panic!()
    };
    assert_eq!(
        (range.answers[0].value, range.answers[0].tolerance),
        (
            decimal("3"),
            Tolerance::Absolute {
                margin: decimal("2")
            }
        )
    );
    let ItemKind::Numeric(several) = kind(&report, "m") else {
        panic!()
    };
    let answers: Vec<(Decimal, Tolerance, u8, Option<&str>)> = several
        .answers
        .iter()
        .map(|a| (a.value, a.tolerance, a.credit.get(), a.feedback.as_deref()))
        .collect();
    assert_eq!(
        answers,
        [
            (
                decimal("1822"),
                Tolerance::Absolute {
                    margin: Decimal::ZERO
                },
                100,
                Some("Juste !")
            ),
            (
                decimal("1822"),
                Tolerance::Absolute {
                    margin: decimal("2")
                },
                50,
                Some("Presque.")
            ),
        ]
    );
    let ItemKind::Numeric(negative) = kind(&report, "neg") else {
        panic!()
    };
    assert_eq!(negative.answers[0].value, decimal("-2"));
}

#[test]
fn missing_words_make_clozes() {
    let report = read(
        "::mc::Moodle costs {~lots of money =nothing ~a small amount} to download.\n\n::sa::L'acqua {=hè =%50%he} fresca.",
    );
    let mc = item(&report, "mc");
    assert_eq!(mc.prompt, "");
    let ItemKind::Cloze(cloze) = &mc.kind else {
        panic!()
    };
    assert_eq!(cloze.parts.len(), 3);
    assert_eq!(
        cloze.parts[0],
        ClozePart::Text {
            text: "Moodle costs ".to_owned()
        }
    );
    let ClozePart::ChoiceGap { options } = &cloze.parts[1] else {
        panic!()
    };
    let options: Vec<(&str, &str, u8)> = options
        .iter()
        .map(|o: &Choice| (o.id.as_str(), o.text.as_str(), o.credit.get()))
        .collect();
    assert_eq!(
        options,
        [
            ("a", "lots of money", 0),
            ("b", "nothing", 100),
            ("c", "a small amount", 0)
        ]
    );
    assert_eq!(
        cloze.parts[2],
        ClozePart::Text {
            text: " to download.".to_owned()
        }
    );
    let ItemKind::Cloze(sa) = kind(&report, "sa") else {
        panic!()
    };
    let ClozePart::TypedGap { answers } = &sa.parts[1] else {
        panic!()
    };
    assert_eq!(answers[0], TextAnswer::new("hè"));
    assert_eq!(answers[1].credit, Percent::new(50).expect("a percent"));
}

#[test]
fn descriptions_before_the_first_question_make_the_statement() {
    let report =
        read("Lis le texte.\n\n::q::Vrai ?{T}\n\n::later::Un texte plus loin.\n\n::q2::Faux ?{F}");
    assert_eq!(
        outcomes(&report),
        [
            (None, None),
            (Some(ItemType::TrueFalse), None),
            (None, Some(Reason::Description)),
            (Some(ItemType::TrueFalse), None),
        ]
    );
    assert_eq!(report.items[0].outcome, Outcome::Statement);
    let exercise = report.exercise.as_ref().expect("taken");
    assert_eq!(exercise.statement.as_deref(), Some("Lis le texte."));
    assert_eq!(exercise.items.len(), 2);
}

#[test]
fn malformed_questions_are_refused_with_their_reason() {
    let report = read(
        "::a::Open {=x\n\n::b::Close =x}\n\n::c::Two {=x} blocks {=y}\n\n::d::Match {=a -> b =c}\n\n::e::Too much {~%120%a ~%-20%b}\n\n::f::Wild {=colo*r}\n\n::g::Anything {=%50%*}\n\n::h::Not a number {#abc}\n\n::i::No right one {~a ~b}\n\n::j::Arrow first -> {=a -> b =c -> d}",
    );
    assert_eq!(
        outcomes(&report),
        [
            (None, Some(Reason::BraceNotClosed)),
            (None, Some(Reason::BraceNotOpened)),
            (None, Some(Reason::SeveralAnswerBlocks)),
            (
                None,
                Some(Reason::MatchingWithoutArrow {
                    answer: "c".to_owned()
                })
            ),
            (
                None,
                Some(Reason::InvalidGrade {
                    grade: "120".to_owned()
                })
            ),
            (
                None,
                Some(Reason::Wildcard {
                    answer: "colo*r".to_owned()
                })
            ),
            (None, Some(Reason::CatchAllWithCredit)),
            (
                None,
                Some(Reason::NotANumber {
                    text: "abc".to_owned()
                })
            ),
            (
                None,
                Some(Reason::Problems {
                    problems: vec![crate::exercise::ItemProblem::Choices {
                        problem: crate::exercise::ChoicesProblem::NoCorrect
                    }]
                })
            ),
            (Some(ItemType::Matching), None),
        ]
    );
    assert!(report.exercise.is_some());
}

#[test]
fn weights_choose_the_penalty() {
    let report = read(
        "::wcr::{~%50%a ~%50%b ~%-50%c ~%-50%d}\n\n::prop::{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d ~%-50%e}\n\n::none::{~%50%a ~%50%b ~c}",
    );
    let penalty = |id| match kind(&report, id) {
        ItemKind::MultipleChoice(m) => m.penalty,
        other => panic!("{other:?}"),
    };
    assert_eq!(penalty("wcr"), Penalty::WrongCancelsRight);
    assert_eq!(penalty("prop"), Penalty::Proportional);
    assert_eq!(penalty("none"), Penalty::WrongCancelsRight);
    let notes: Vec<&[Note]> = report.items.iter().map(|i| i.notes.as_slice()).collect();
    assert_eq!(notes, [&[][..], &[][..], &[Note::ApproximateScoring][..]]);
}

#[test]
fn a_file_without_questions_is_an_error() {
    assert_eq!(
        gift::import("// nothing\n\n$CATEGORY: x\n", &defaults()),
        Err(ImportError::NoQuestions)
    );
}

#[test]
fn free_text_in_gift() {
    let report = read("::essay::Raconte.{####Un bon récit a trois parties.}");
    let essay = item(&report, "essay");
    assert!(matches!(essay.kind, ItemKind::FreeText(_)));
    assert_eq!(
        essay.feedback.general.as_deref(),
        Some("Un bon récit a trois parties.")
    );
}
