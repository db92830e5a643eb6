use super::*;
use jiff::civil::date;

// 2026-11-25 07:31:10 UTC, a Wednesday: 08:31 in Paris (winter time).
const WINTER: Timestamp = Timestamp::from_unix(1_795_591_870);
// 2026-07-14 10:00:00 UTC: 12:00 in Paris (summer time).
const SUMMER: Timestamp = Timestamp::from_unix(1_784_023_200);

#[test]
fn corsican_months_and_weekdays_are_the_reviewed_ones() {
    let months: Vec<_> = (1..=12).map(|m| month_name(Lang::Co, m)).collect();
    assert_eq!(
        months.join(" "),
        "ghjennaghju ferraghju marzu aprile maghju ghjugnu lugliu aostu settembre ottobre \
         nuvembre dicembre"
    );
    let monday = date(2026, 11, 23);
    let week: Vec<_> = (0..7)
        .map(|i| {
            weekday_name(
                Lang::Co,
                monday.saturating_add(jiff::Span::new().days(i)).weekday(),
            )
        })
        .collect();
    assert_eq!(
        week.join(" "),
        "luni marti mercuri ghjovi venneri sabbatu dumenica"
    );
    assert_eq!(weekday_name(Lang::Fr, Weekday::Monday), "lundi");
    assert_eq!(month_name(Lang::Fr, 8), "août");
}

#[test]
fn days_in_full_in_both_languages() {
    assert_eq!(
        long_date(Lang::Co, date(2026, 11, 25)),
        "mercuri 25 nuvembre 2026"
    );
    assert_eq!(
        long_date(Lang::Fr, date(2026, 11, 25)),
        "mercredi 25 novembre 2026"
    );
    assert_eq!(
        long_date(Lang::Fr, date(2027, 1, 1)),
        "vendredi 1er janvier 2027"
    );
    assert_eq!(
        long_date(Lang::Co, date(2027, 1, 1)),
        "venneri 1 ghjennaghju 2027"
    );
    assert_eq!(
        long_date(Lang::Co, date(2027, 6, 13)),
        "dumenica 13 ghjugnu 2027"
    );
}

#[test]
fn times_are_paris_time_in_winter_and_in_summer() {
    assert_eq!(date_time(WINTER), "25/11/2026 08:31");
    assert_eq!(date_time(SUMMER), "14/07/2026 12:00");
    // 23:30 UTC on 24 November is already the 25th in Paris.
    assert_eq!(
        short_date(Timestamp::from_unix(1_795_563_000 + 1_800)),
        "25/11/2026"
    );
    assert_eq!(long_date_at(Lang::Co, WINTER), "mercuri 25 nuvembre 2026");
}

#[test]
fn the_hours_the_clocks_change_are_resolved_once() {
    // 2026-03-29: 02:30 does not exist in Paris; it is read as 03:30 summer time (01:30 UTC).
    let gap = instant(date(2026, 3, 29).at(2, 30, 0, 0));
    assert_eq!(gap.map(date_time), Some("29/03/2026 03:30".to_owned()));
    // 2026-10-25: 02:30 happens twice; the first (summer time, 00:30 UTC) is meant.
    let fold = instant(date(2026, 10, 25).at(2, 30, 0, 0)).expect("a time");
    assert_eq!(fold.unix() % 86_400, 1_800);
}

#[test]
fn digits_are_grouped_by_three_with_a_narrow_no_break_space() {
    for lang in Lang::ALL {
        assert_eq!(number(lang, 0), "0");
        assert_eq!(number(lang, 999), "999");
        assert_eq!(number(lang, 1_234), "1\u{202F}234");
        assert_eq!(number(lang, -1_234_567), "-1\u{202F}234\u{202F}567");
        assert_eq!(number(lang, 122_907), "122\u{202F}907");
    }
}

#[test]
fn hundredths_show_only_the_places_they_need() {
    assert_eq!(hundredths(Lang::Fr, 300), "3");
    assert_eq!(hundredths(Lang::Co, 150), "1,5");
    assert_eq!(hundredths(Lang::Fr, 75), "0,75");
    assert_eq!(hundredths(Lang::Fr, 5), "0,05");
    assert_eq!(hundredths(Lang::Fr, 0), "0");
    assert_eq!(hundredths(Lang::Fr, 123_450), "1\u{202F}234,5");
}

#[test]
fn decimals_use_a_comma_and_keep_their_places() {
    assert_eq!(decimal(Lang::Co, 12_345, 1), "1\u{202F}234,5");
    assert_eq!(decimal(Lang::Fr, 1_250, 2), "12,50");
    assert_eq!(decimal(Lang::Fr, 925, 2), "9,25");
    assert_eq!(decimal(Lang::Fr, 5, 2), "0,05");
    assert_eq!(decimal(Lang::Fr, -50, 2), "-0,50");
    assert_eq!(decimal(Lang::Fr, -1_250, 2), "-12,50");
    assert_eq!(decimal(Lang::Fr, 7, 0), "7");
}

#[test]
fn lists_read_as_sentences() {
    assert_eq!(
        list(Lang::Co, &["Ghjuvanni", "Maria", "Petru"]),
        "Ghjuvanni, Maria è Petru"
    );
    assert_eq!(
        list(Lang::Fr, &["Ghjuvanni", "Maria"]),
        "Ghjuvanni et Maria"
    );
    assert_eq!(list(Lang::Fr, &["seul"]), "seul");
    assert_eq!(list::<&str>(Lang::Fr, &[]), "");
}

#[test]
fn zero_is_singular_in_french_only() {
    assert_eq!(plural(Lang::Fr, 0), Plural::One);
    assert_eq!(plural(Lang::Co, 0), Plural::Other);
    assert_eq!(plural(Lang::Fr, 1), Plural::One);
    assert_eq!(plural(Lang::Co, 1), Plural::One);
    assert_eq!(plural(Lang::Fr, 2), Plural::Other);
    assert_eq!(plural(Lang::Co, 2), Plural::Other);
}
