use super::*;
use crate::exercise::{
    AnswersProblem, ChoicesProblem, ClozePart, Decimal, ItemProblem, Penalty, TextMatching,
    Tolerance, Unit,
};

fn read_file(name: &str) -> Report {
    import(
        &fixture(&format!("moodle-xml/{name}")),
        Format::MoodleXml,
        &defaults(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read(questions: &str) -> Report {
    moodle_xml::import(
        &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>{questions}</quiz>"),
        &defaults(),
    )
    .expect("a Moodle XML file")
}

fn gap_problem(gap: usize, problem: ChoicesProblem) -> Reason {
    Reason::Problems {
        problems: vec![ItemProblem::GapOptions { gap, problem }],
    }
}

#[test]
fn malformed_cloze_questions_are_refused_each_with_its_reason() {
    let report = read_file("broken_cloze_questions.xml");
    assert_eq!(
        outcomes(&report),
        [
            (
                None,
                Some(Reason::Problems {
                    problems: vec![ItemProblem::NoGap]
                })
            ),
            (
                None,
                Some(Reason::MalformedGap {
                    text: "{1:MULTICHOICE}".to_owned()
                })
            ),
            (None, Some(gap_problem(0, ChoicesProblem::TooFew))),
            (None, Some(gap_problem(0, ChoicesProblem::NoCorrect))),
            (
                None,
                Some(Reason::NotANumber {
                    text: "zero".to_owned()
                })
            ),
        ]
    );
    assert_eq!((report.taken(), report.refused()), (0, 5));
    assert_eq!(report.exercise, None);
    assert_eq!(
        report.items[1].name.as_deref(),
        Some("Multichoice subquestion without choices")
    );
    assert_eq!(report.items[0].line, Some(4));
}

#[test]
fn a_fraction_that_is_not_a_moodle_grade_is_refused() {
    let report = read_file("error_invalid_grades.xml");
    assert_eq!(
        outcomes(&report),
        [(
            None,
            Some(Reason::InvalidGrade {
                grade: "33".to_owned()
            })
        )]
    );
    assert_eq!(
        report.items[0].name.as_deref(),
        Some("Question with <strong>invalid grades</strong> : x > 1 & x < 2")
    );
}

#[test]
fn categories_are_noted_and_escaped_id_numbers_make_ids() {
    let report = read_file("html_chars_in_idnumbers.xml");
    assert_eq!(
        report.notes,
        [FileNote::CategoryIgnored {
            name: "$course$/Alpha".to_owned()
        }]
    );
    assert_eq!(outcomes(&report), [(Some(ItemType::TrueFalse), None)]);
    let question = item(&report, "T-F");
    assert_eq!(question.prompt, "Testing Alpha Question");
    assert_eq!(
        question.kind,
        ItemKind::TrueFalse(crate::exercise::TrueFalse { answer: true })
    );
    assert_eq!(report.items[0].name.as_deref(), Some("Alpha Question"));
    assert_eq!(report.items[0].notes, [Note::MarkupRemoved]);
}

const CHOICES: &str = r#"
<question type="multichoice">
  <name><text>Capitale</text></name>
  <questiontext format="html"><text><![CDATA[<p>Quelle est la <b>capitale</b> ?</p>]]></text></questiontext>
  <generalfeedback format="html"><text>Aiacciu.</text></generalfeedback>
  <defaultgrade>2.5000000</defaultgrade>
  <idnumber>capitale</idnumber>
  <single>true</single>
  <shuffleanswers>0</shuffleanswers>
  <correctfeedback format="html"><text>Bravo</text></correctfeedback>
  <incorrectfeedback format="html"><text>Non</text></incorrectfeedback>
  <answer fraction="100" format="html"><text>Aiacciu</text><feedback format="html"><text>Iè</text></feedback></answer>
  <answer fraction="0" format="html"><text>Bastia</text></answer>
  <answer fraction="-33.33333" format="html"><text>Corti</text></answer>
  <hint format="html"><text>Au sud</text></hint>
</question>
<question type="multichoice">
  <name><text>Premiers</text></name>
  <questiontext format="plain_text"><text>2 * 3 ou 5 ?</text></questiontext>
  <single>false</single>
  <answer fraction="50"><text>2</text></answer>
  <answer fraction="-50"><text>4</text></answer>
  <answer fraction="50"><text>5</text></answer>
  <answer fraction="-50"><text>6</text></answer>
</question>
"#;

#[test]
fn choices_with_their_fractions_and_feedback() {
    let report = read(CHOICES);
    assert_eq!(
        outcomes(&report),
        [
            (Some(ItemType::SingleChoice), None),
            (Some(ItemType::MultipleChoice), None)
        ]
    );
    let capitale = item(&report, "capitale");
    assert_eq!(capitale.prompt, "Quelle est la capitale ?");
    assert_eq!(capitale.points.hundredths(), 250);
    assert_eq!(capitale.feedback.general.as_deref(), Some("Aiacciu."));
    assert_eq!(capitale.feedback.correct.as_deref(), Some("Bravo"));
    assert_eq!(capitale.feedback.wrong.as_deref(), Some("Non"));
    let ItemKind::SingleChoice(single) = &capitale.kind else {
        panic!()
    };
    assert!(!single.shuffle);
    let credits: Vec<(&str, u8, Option<&str>)> = single
        .choices
        .iter()
        .map(|c| (c.text.as_str(), c.credit.get(), c.feedback.as_deref()))
        .collect();
    assert_eq!(
        credits,
        [
            ("Aiacciu", 100, Some("Iè")),
            ("Bastia", 0, None),
            ("Corti", 0, None)
        ]
    );
    assert_eq!(
        report.items[0].notes,
        [
            Note::HintsDropped,
            Note::MarkupRemoved,
            Note::NegativeCreditAsZero
        ]
    );
    let premiers = item(&report, "Premiers");
    assert_eq!(premiers.prompt, "2 \\* 3 ou 5 ?");
    let ItemKind::MultipleChoice(multiple) = &premiers.kind else {
        panic!()
    };
    assert_eq!(multiple.penalty, Penalty::WrongCancelsRight);
    assert!(multiple.shuffle);
    assert_eq!(report.items[1].notes, []);
}

const TYPED: &str = r#"
<question type="shortanswer">
  <name><text>Jeudi</text></name>
  <questiontext format="moodle_auto_format"><text>Jeudi
en corse ?</text></questiontext>
  <usecase>1</usecase>
  <answer fraction="100"><text>Ghjovedì</text><feedback><text>Iè</text></feedback></answer>
  <answer fraction="50"><text>ghjovi</text></answer>
  <answer fraction="0"><text>*</text><feedback><text>Innò</text></feedback></answer>
</question>
<question type="numerical">
  <name><text>Aire</text></name>
  <questiontext format="markdown"><text>Aire en **m²** ?</text></questiontext>
  <answer fraction="100"><text>10</text><tolerance>0.5</tolerance></answer>
  <answer fraction="50"><text>10.5</text><tolerance>0</tolerance></answer>
  <units><unit><multiplier>1</multiplier><unit_name>m²</unit_name></unit><unit><multiplier>1.0</multiplier><unit_name>m2</unit_name></unit></units>
  <unitgradingtype>1</unitgradingtype>
</question>
<question type="numerical">
  <name><text>Longueur</text></name>
  <questiontext><text>Combien ?</text></questiontext>
  <answer fraction="100"><text>1</text></answer>
  <units><unit><multiplier>1</multiplier><unit_name>m</unit_name></unit><unit><multiplier>100</multiplier><unit_name>cm</unit_name></unit></units>
</question>
<question type="match">
  <name><text>Paires</text></name>
  <questiontext><text>Associe.</text></questiontext>
  <subquestion format="html"><text>casa</text><answer><text>maison</text></answer></subquestion>
  <subquestion format="html"><text>acqua</text><answer><text>eau</text></answer></subquestion>
  <subquestion format="html"><text></text><answer><text>vin*</text></answer></subquestion>
</question>
<question type="essay">
  <name><text>Récit</text></name>
  <questiontext><text>Raconte.</text></questiontext>
  <graderinfo format="html"><text>Trois parties.</text></graderinfo>
  <responsetemplate><text>Il était une fois</text></responsetemplate>
</question>
"#;

#[test]
fn typed_answers_numbers_pairs_and_essays() {
    let report = read(TYPED);
    assert_eq!(
        outcomes(&report),
        [
            (Some(ItemType::ShortText), None),
            (Some(ItemType::Numeric), None),
            (None, Some(Reason::UnitConversion)),
            (Some(ItemType::Matching), None),
            (Some(ItemType::FreeText), None),
        ]
    );
    let jeudi = item(&report, "Jeudi");
    assert_eq!(jeudi.prompt, "Jeudi\\\nen corse ?");
    assert_eq!(jeudi.feedback.wrong.as_deref(), Some("Innò"));
    let ItemKind::ShortText(short) = &jeudi.kind else {
        panic!()
    };
    assert_eq!(short.answers.len(), 2);
    assert_eq!(
        short.answers[0].matching,
        TextMatching {
            case_sensitive: true,
            ..TextMatching::default()
        }
    );
    let aire = item(&report, "Aire");
    assert_eq!(aire.prompt, "Aire en **m²** ?");
    let ItemKind::Numeric(numeric) = &aire.kind else {
        panic!()
    };
    assert_eq!(
        numeric.answers[0].tolerance,
        Tolerance::Absolute {
            margin: "0.5".parse::<Decimal>().expect("a number")
        }
    );
    assert_eq!(
        numeric.unit,
        Some(Unit {
            symbol: "m²".to_owned(),
            variants: vec!["m2".to_owned()],
            required: true
        })
    );
    let ItemKind::Matching(matching) = kind(&report, "Paires") else {
        panic!()
    };
    assert_eq!(matching.pairs.len(), 2);
    assert_eq!(matching.distractors[0].text, "vin\\*");
    let ItemKind::FreeText(free) = kind(&report, "Recit") else {
        panic!()
    };
    assert_eq!(free.guidance.as_deref(), Some("Trois parties."));
    assert_eq!(report.items[4].notes, [Note::ResponseTemplateDropped]);
}

const GAPS: &str = r#"
<question type="cloze">
  <name><text>Acqua</text></name>
  <questiontext format="html"><text><![CDATA[<p>L'acqua {1:SHORTANSWER:=hè#Iè~%50%he#Accent} fresca è {1:MULTICHOICE_V:limpidu~=limpida#Bravu} &amp; {1:SAC:=Corsica}.</p>]]></text></questiontext>
  <generalfeedback><text>Bella.</text></generalfeedback>
</question>
<question type="cloze">
  <name><text>Weights</text></name>
  <questiontext><text>{2:SA:=a} and {1:MC:=b~c}</text></questiontext>
</question>
<question type="cloze">
  <name><text>Numeric alone</text></name>
  <questiontext><text>2 + 2 = {1:NUMERICAL:=4:0#Yes~%50%4.5:0.1~*#No} !</text></questiontext>
</question>
<question type="cloze">
  <name><text>Numeric not alone</text></name>
  <questiontext><text>{1:NM:=4} and {1:SA:=x}</text></questiontext>
</question>
<question type="cloze">
  <name><text>Boxes</text></name>
  <questiontext><text>{1:MULTIRESPONSE:=a~=b~c}</text></questiontext>
</question>
<question type="cloze">
  <name><text>Wildcard</text></name>
  <questiontext><text>A {1:SA:=colo*r} b</text></questiontext>
</question>
<question type="cloze">
  <name><text>Unclosed</text></name>
  <questiontext><text>A {1:SA:=x b</text></questiontext>
</question>
<question type="ddwtos">
  <name><text>Drag</text></name>
  <questiontext format="html"><text><![CDATA[<p>The [[1]] brown [[2]] jumped over the [[3]] dog.</p>]]></text></questiontext>
  <dragbox><text>quick</text><group>1</group></dragbox>
  <dragbox><text>fox</text><group>2</group></dragbox>
  <dragbox><text>lazy</text><group>1</group></dragbox>
  <dragbox><text>cow</text><group>2</group></dragbox>
</question>
<question type="gapselect">
  <name><text>Select</text></name>
  <questiontext format="html"><text>[[2]] and [[9]]</text></questiontext>
  <selectoption><text>a</text><group>1</group></selectoption>
  <selectoption><text>b</text><group>1</group></selectoption>
</question>
<question type="calculated">
  <name><text>Calc</text></name>
  <questiontext><text>{x} + 1</text></questiontext>
</question>
<question type="description">
  <name><text>Later</text></name>
  <questiontext><text>Too late.</text></questiontext>
</question>
"#;

#[test]
fn embedded_answers_and_gaps() {
    let report = read(GAPS);
    use ItemType::*;
    assert_eq!(
        outcomes(&report),
        [
            (Some(Cloze), None),
            (Some(Cloze), None),
            (Some(Numeric), None),
            (
                None,
                Some(Reason::GapNotAlone {
                    kind: "NUMERICAL".to_owned()
                })
            ),
            (
                None,
                Some(Reason::UnsupportedGap {
                    kind: "MULTIRESPONSE".to_owned()
                })
            ),
            (
                None,
                Some(Reason::Wildcard {
                    answer: "colo*r".to_owned()
                })
            ),
            (
                None,
                Some(Reason::MalformedGap {
                    text: "{1:SA:=x b".to_owned()
                })
            ),
            (Some(Cloze), None),
            (None, Some(Reason::GapOutOfRange { gap: 9 })),
            (
                None,
                Some(Reason::UnsupportedQuestionType {
                    name: "calculated".to_owned()
                })
            ),
            (None, Some(Reason::Description)),
        ]
    );
    let acqua = item(&report, "Acqua");
    assert_eq!(acqua.prompt, "");
    assert_eq!(acqua.feedback.general.as_deref(), Some("Bella."));
    let ItemKind::Cloze(cloze) = &acqua.kind else {
        panic!()
    };
    let texts: Vec<&str> = cloze
        .parts
        .iter()
        .filter_map(|p| match p {
            ClozePart::Text { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["L'acqua ", " fresca è ", " \\& ", "."]);
    let ClozePart::TypedGap { answers } = &cloze.parts[1] else {
        panic!()
    };
    let typed: Vec<(&str, u8, Option<&str>)> = answers
        .iter()
        .map(|a| (a.text.as_str(), a.credit.get(), a.feedback.as_deref()))
        .collect();
    assert_eq!(typed, [("hè", 100, Some("Iè")), ("he", 50, Some("Accent"))]);
    let ClozePart::ChoiceGap { options } = &cloze.parts[3] else {
        panic!()
    };
    assert_eq!(options[1].text, "limpida");
    assert!(options[1].credit.is_full());
    let ClozePart::TypedGap { answers } = &cloze.parts[5] else {
        panic!()
    };
    assert!(answers[0].matching.case_sensitive);
    assert_eq!(
        report.items[0].notes,
        [Note::MarkupRemoved, Note::ShownAsDropDown]
    );
    assert_eq!(report.items[1].notes, [Note::UnequalGapWeights]);

    let alone = item(&report, "Numeric-alone");
    assert_eq!(alone.prompt, "2 + 2 = \\_\\_\\_\\_\\_ !");
    assert_eq!(alone.feedback.wrong.as_deref(), Some("No"));
    let ItemKind::Numeric(numeric) = &alone.kind else {
        panic!()
    };
    assert_eq!(numeric.answers.len(), 2);

    let ItemKind::Cloze(drag) = kind(&report, "Drag") else {
        panic!()
    };
    let gaps: Vec<Vec<(&str, bool)>> = drag
        .gaps()
        .map(|gap| match gap {
            ClozePart::ChoiceGap { options } => options
                .iter()
                .map(|o| (o.text.as_str(), o.credit.is_full()))
                .collect(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        gaps,
        [
            vec![("quick", true), ("lazy", false)],
            vec![("fox", true), ("cow", false)],
            vec![("quick", false), ("lazy", true)],
        ]
    );
    assert_eq!(
        report.items[7].notes,
        [Note::MarkupRemoved, Note::ShownAsDropDown]
    );
}

#[test]
fn a_description_first_is_the_statement() {
    let report = read(
        r#"<question type="description"><name><text>Intro</text></name><questiontext format="html"><text>&lt;p&gt;Lis.&lt;/p&gt;</text></questiontext></question>
<question type="truefalse"><name><text>V</text></name><questiontext><text>Vrai ?</text></questiontext>
<answer fraction="0"><text>true</text><feedback><text>Hé non</text></feedback></answer>
<answer fraction="100"><text>false</text><feedback><text>Bien</text></feedback></answer></question>"#,
    );
    assert_eq!(report.items[0].outcome, Outcome::Statement);
    let exercise = report.exercise.as_ref().expect("taken");
    assert_eq!(exercise.statement.as_deref(), Some("Lis."));
    let v = item(&report, "V");
    assert_eq!(
        v.kind,
        ItemKind::TrueFalse(crate::exercise::TrueFalse { answer: false })
    );
    assert_eq!(v.feedback.correct.as_deref(), Some("Bien"));
    assert_eq!(v.feedback.wrong.as_deref(), Some("Hé non"));
}

#[test]
fn items_failing_validation_are_refused_with_their_problems() {
    let report = read(
        r#"<question type="shortanswer"><name><text>Half</text></name><questiontext><text>?</text></questiontext>
<answer fraction="50"><text>a</text></answer></question>
<question type="multichoice"><name><text>Zero</text></name><questiontext><text>?</text></questiontext><defaultgrade>0</defaultgrade>
<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question>"#,
    );
    assert_eq!(
        outcomes(&report),
        [
            (
                None,
                Some(Reason::Problems {
                    problems: vec![ItemProblem::Answers {
                        problem: AnswersProblem::NoFullCredit
                    }]
                })
            ),
            (
                None,
                Some(Reason::Problems {
                    problems: vec![ItemProblem::ZeroPoints]
                })
            ),
        ]
    );
}

#[test]
fn a_file_that_is_not_a_quiz_is_an_error() {
    assert_eq!(
        moodle_xml::import("<assessmentItem/>", &defaults()),
        Err(ImportError::WrongRoot {
            found: "assessmentItem".to_owned(),
            expected: "quiz".to_owned()
        })
    );
}
