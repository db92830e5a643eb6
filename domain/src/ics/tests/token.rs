use super::*;

#[test]
fn a_token_is_43_url_safe_characters_and_reads_back() {
    let cases: [[u8; 32]; 4] = [
        [0; 32],
        [255; 32],
        std::array::from_fn(|i| i as u8),
        std::array::from_fn(|i| (i as u8).wrapping_mul(97).wrapping_add(13)),
    ];
    for bytes in cases {
        let token = FeedToken::from_random(bytes);
        let text = token.to_string();
        assert_eq!(text.len(), TOKEN_CHARS);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let back: FeedToken = text.parse().expect("reads back");
        assert_eq!(back.as_bytes(), &bytes);
        assert_eq!(FeedToken::from_segment(&format!("{text}.ics")), Ok(back));
    }
    assert_eq!(FeedToken::from_random([0; 32]).to_string(), "A".repeat(43));
    assert_eq!(
        FeedToken::from_random([255; 32]).to_string(),
        format!("{}8", "_".repeat(42))
    );
}

#[test]
fn only_the_one_text_of_a_token_is_taken() {
    let good = FeedToken::from_random([7; 32]).to_string();
    let mut wrong = vec![
        String::new(),
        good[..42].to_owned(),
        format!("{good}A"),
        format!("{}=", &good[..42]),
        format!("{}+", &good[..42]),
        format!("{}/", &good[..42]),
        // The last character's unused bits set: another text for the same bytes.
        format!("{}_", "_".repeat(42)),
        format!("{}B", "A".repeat(42)),
        format!("{}é", &good[..41]),
    ];
    wrong.push(good.to_uppercase());
    for text in wrong {
        assert_eq!(text.parse::<FeedToken>(), Err(InvalidFeedToken), "{text:?}");
    }
}

#[test]
fn a_token_never_shows_in_debug_output_and_travels_as_text() {
    let token = FeedToken::from_random([42; 32]);
    assert_eq!(format!("{token:?}"), "FeedToken(…)");
    let json = serde_json::to_string(&token).expect("json");
    assert_eq!(json, format!("\"{token}\""));
    assert_eq!(serde_json::from_str::<FeedToken>(&json).ok(), Some(token));
    assert!(serde_json::from_str::<FeedToken>("\"short\"").is_err());
}
