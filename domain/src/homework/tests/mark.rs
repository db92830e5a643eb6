use super::*;
use crate::lang::Lang;

#[test]
fn marks_are_typed_the_french_way_and_kept_exact() {
    let twenty = OutOf::TWENTY;
    let above = Err(InvalidMark::AboveMaximum { max: twenty });
    let cases: [(&str, Result<u32, InvalidMark>); 21] = [
        ("15", Ok(1500)),
        ("15,5", Ok(1550)),
        ("15.5", Ok(1550)),
        ("15,25", Ok(1525)),
        ("15,05", Ok(1505)),
        (" 7,5 ", Ok(750)),
        ("0", Ok(0)),
        ("0,01", Ok(1)),
        ("20", Ok(2000)),
        ("020,00", Ok(2000)),
        ("20,01", above),
        ("21", above),
        (
            "99999999999999",
            Err(InvalidMark::AboveMaximum {
                max: OutOf::from_hundredths(100_000).expect("the largest maximum"),
            }),
        ),
        ("15,255", Err(InvalidMark::TooManyDecimals)),
        ("15,250", Err(InvalidMark::TooManyDecimals)),
        ("-1", Err(InvalidMark::Negative)),
        ("\u{2212}1", Err(InvalidMark::Negative)),
        ("", Err(InvalidMark::Empty)),
        ("15,", Err(InvalidMark::NotANumber)),
        (",5", Err(InvalidMark::NotANumber)),
        ("15/20", Err(InvalidMark::NotANumber)),
    ];
    for (typed, expected) in cases {
        assert_eq!(
            Mark::parse(typed, twenty).map(Mark::hundredths),
            expected,
            "{typed:?}"
        );
    }
    for wrong in ["+15", "1e1", "15 ,5", "quindici", "15.5.5", "1 5"] {
        assert_eq!(
            Mark::parse(wrong, twenty),
            Err(InvalidMark::NotANumber),
            "{wrong:?}"
        );
    }
}

#[test]
fn a_maximum_is_positive_and_bounded() {
    let cases: [(&str, Result<u32, InvalidMark>); 5] = [
        ("20", Ok(2000)),
        ("12,5", Ok(1250)),
        ("1000", Ok(100_000)),
        ("0", Err(InvalidMark::NotPositive)),
        ("-20", Err(InvalidMark::Negative)),
    ];
    for (typed, expected) in cases {
        assert_eq!(
            OutOf::parse(typed).map(OutOf::hundredths),
            expected,
            "{typed}"
        );
    }
    assert!(OutOf::parse("1000,01").is_err());
}

#[test]
fn a_mark_reads_as_a_sentence_writes_it_and_travels_checked() {
    let out_of_ten = OutOf::parse("10").expect("10");
    let cases = [
        ("15,5", OutOf::TWENTY, "15,5/20"),
        ("15,25", OutOf::TWENTY, "15,25/20"),
        ("20", OutOf::TWENTY, "20/20"),
        ("7.50", out_of_ten, "7,5/10"),
    ];
    for (typed, out_of, shown) in cases {
        let mark = Mark::parse(typed, out_of).expect("a valid mark");
        assert_eq!(mark.to_text(Lang::Fr), shown);
        assert_eq!(mark.to_text(Lang::Co), shown);
        let json = serde_json::to_string(&mark).expect("json");
        assert_eq!(serde_json::from_str::<Mark>(&json).ok(), Some(mark));
    }
    let above = r#"{"value":2001,"out_of":2000}"#;
    assert!(serde_json::from_str::<Mark>(above).is_err());
    assert!(serde_json::from_str::<Mark>(r#"{"value":0,"out_of":0}"#).is_err());
}
