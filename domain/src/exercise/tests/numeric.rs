use super::*;
use Status::*;

fn decimal(raw: &str) -> Decimal {
    raw.parse().expect("a number")
}

fn number(value: &str, tolerance: Tolerance, unit: Option<Unit>) -> ItemKind {
    ItemKind::Numeric(Numeric {
        answers: vec![NumericAnswer {
            value: decimal(value),
            tolerance,
            credit: Percent::FULL,
            feedback: None,
        }],
        unit,
    })
}

fn given(text: &str) -> Option<Answer> {
    Some(Answer::Numeric {
        text: text.to_owned(),
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn numbers_are_read_as_pupils_write_them() {
    for (text, value) in [
        ("3,14", "3.14"),
        ("3.14", "3.14"),
        ("  3,140  ", "3.14"),
        ("-2", "-2"),
        ("+2", "2"),
        ("\u{2212}2,5", "-2.5"), // typographic minus
        (",5", "0.5"),
        ("5,", "5"),
        ("007", "7"),
        ("0,000", "0"),
        ("-0", "0"),
        ("1 000", "1000"),
        ("1\u{00A0}000\u{202F}000,25", "1000000.25"),
        ("12 345,678", "12345.678"),
        ("999999999999999999", "999999999999999999"),
        ("0.000000000000000001", "0.000000000000000001"),
    ] {
        let read: Decimal = text.parse().expect(text);
        assert_eq!(read.to_string(), value, "{text:?}");
    }
    for (text, error) in [
        ("", InvalidDecimal::NotANumber),
        ("-", InvalidDecimal::NotANumber),
        (",", InvalidDecimal::NotANumber),
        ("abc", InvalidDecimal::NotANumber),
        ("1e3", InvalidDecimal::NotANumber),
        ("1.000,5", InvalidDecimal::NotANumber),
        ("1/2", InvalidDecimal::NotANumber),
        ("1 00", InvalidDecimal::NotANumber),
        ("3,14,15", InvalidDecimal::NotANumber),
        ("1234567890123456789", InvalidDecimal::TooManyDigits),
        ("0.0000000000000000001", InvalidDecimal::TooManyDigits),
    ] {
        assert_eq!(text.parse::<Decimal>(), Err(error), "{text:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn equal_numbers_are_equal_whatever_their_form() {
    assert_eq!(decimal("1.50"), decimal("1,5"));
    assert_eq!(decimal("0.3"), decimal("0,30"));
    assert!(decimal("0.1") < decimal("0.11"));
    assert!(decimal("-2") < decimal("-1.5"));
    assert!(decimal("999999999999999999") > decimal("0.000000000000000001"));
    // The classic float trap: 0.1 + 0.2 is exactly 0.3 here, within a zero margin.
    let sum_typed = decimal("0.3");
    assert!(sum_typed.within(decimal("0.30"), Decimal::ZERO));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_absolute_tolerance_includes_its_bounds() {
    let kind = number(
        "3.14",
        Tolerance::Absolute {
            margin: decimal("0.01"),
        },
        None,
    );
    for (text, earned, status) in [
        ("3,14", 100, Correct),
        ("3.14", 100, Correct),
        ("3,1400", 100, Correct),
        ("3,15", 100, Correct), // the bound
        ("3,13", 100, Correct),
        ("3,1500001", 0, Wrong),
        ("3,129", 0, Wrong),
        ("-3,14", 0, Wrong),
        ("pi", 0, Wrong),
        ("3,14 cm", 0, Wrong), // a unit where none is asked
        ("", 0, Unanswered),
    ] {
        assert_scores(&kind, given(text), earned, status);
    }
    let exact = number("0.3", Tolerance::default(), None);
    assert_scores(&exact, given("0,30"), 100, Correct);
    assert_scores(&exact, given("0,300000000000001"), 0, Wrong);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_relative_tolerance_is_a_percentage_of_the_value() {
    let kind = number(
        "-200",
        Tolerance::Relative {
            percent: decimal("5"),
        },
        None,
    );
    for (text, earned, status) in [
        ("-200", 100, Correct),
        ("-190", 100, Correct), // 5 % of 200 is 10: the bound
        ("-210", 100, Correct),
        ("-189,99", 0, Wrong),
        ("-210,01", 0, Wrong),
        ("200", 0, Wrong),
    ] {
        assert_scores(&kind, given(text), earned, status);
    }
    let tiny = number(
        "0.000000000000000002",
        Tolerance::Relative {
            percent: decimal("50"),
        },
        None,
    );
    assert_scores(&tiny, given("0,000000000000000001"), 100, Correct);
    assert_scores(&tiny, given("999999999999999999"), 0, Wrong);
    let huge = number(
        "999999999999999999",
        Tolerance::Relative {
            percent: decimal("0.000000000000000001"),
        },
        None,
    );
    assert_scores(&huge, given("999999999999999999"), 100, Correct);
    assert_scores(&huge, given("999999999999999998"), 0, Wrong);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_unit_may_be_required_or_left_out_but_never_wrong() {
    let unit = |required| Unit {
        symbol: "m²".to_owned(),
        variants: vec!["m2".to_owned()],
        required,
    };
    let required = number("12.5", Tolerance::default(), Some(unit(true)));
    let optional = number("12.5", Tolerance::default(), Some(unit(false)));
    for (kind, text, earned, status) in [
        (&required, "12,5 m²", 100, Correct),
        (&required, "12,5m²", 100, Correct),
        (&required, "12,5\u{00A0}m2", 100, Correct),
        (&required, "12,5", 0, Wrong),
        (&required, "12,5 cm²", 0, Wrong),
        (&required, "12,5 M²", 0, Wrong), // units are case-sensitive
        (&required, "13 m²", 0, Wrong),
        (&optional, "12,5 m²", 100, Correct),
        (&optional, "12,5", 100, Correct),
        (&optional, "12,5 cm", 0, Wrong),
    ] {
        assert_scores(kind, given(text), earned, status);
    }
    let got = outcome(&one_item(required.clone()), given("12,5"));
    assert_eq!(
        got.detail,
        Detail::Numeric(NumericMark {
            value: Some(decimal("12.5")),
            unit: Some(UnitCheck::Missing),
            matched: Some(0),
            expected: Some(decimal("12.5")),
            expected_unit: Some("m²".to_owned()),
        })
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_close_answer_can_earn_part_of_the_points() {
    let kind = ItemKind::Numeric(Numeric {
        answers: vec![
            NumericAnswer {
                value: decimal("9.81"),
                tolerance: Tolerance::Absolute {
                    margin: decimal("0.01"),
                },
                credit: Percent::FULL,
                feedback: None,
            },
            NumericAnswer {
                value: decimal("10"),
                tolerance: Tolerance::Absolute {
                    margin: decimal("0.5"),
                },
                credit: Percent::new(50).expect("a percentage"),
                feedback: Some("Arrondi trop grossier.".to_owned()),
            },
        ],
        unit: None,
    });
    assert_scores(&kind, given("9,81"), 100, Correct);
    assert_scores(&kind, given("9,8"), 100, Correct);
    assert_scores(&kind, given("10"), 50, Partial);
    assert_scores(&kind, given("11"), 0, Wrong);
    let got = outcome(&one_item(kind), given("10"));
    assert_eq!(got.feedback, ["Arrondi trop grossier."]);
}
