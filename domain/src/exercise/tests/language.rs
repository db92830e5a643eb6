use super::*;
use crate::lang::Lang;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn language_tags_are_well_formed_and_in_their_usual_case() {
    for (raw, tag) in [
        ("fr", "fr"),
        ("co", "co"),
        ("CO", "co"),
        ("fr-FR", "fr-FR"),
        ("fr-fr", "fr-FR"),
        ("co-FR", "co-FR"),
        ("it", "it"),
        ("en-GB", "en-GB"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("oc-aranese", "oc-aranese"),
        ("de-CH-1996", "de-CH-1996"),
        ("fr-u-ca-gregory", "fr-u-ca-gregory"),
        ("co-x-cismonte", "co-x-cismonte"),
        ("co-x-a", "co-x-a"),
    ] {
        assert_eq!(
            raw.parse::<LanguageTag>().map(|t| t.to_string()),
            Ok(tag.to_owned()),
            "{raw}"
        );
    }
    for raw in [
        "",
        "f",
        "français",
        "fr_FR",
        "fr-",
        "-fr",
        "fr--FR",
        "fr-FR-x",
        "fr-u",
        "fr-u-x-a",
        "fr-toolongsubtag",
        "123",
        "fr-FR-Latn",
        "fr-é",
    ] {
        assert_eq!(raw.parse::<LanguageTag>(), Err(InvalidLanguageTag), "{raw}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_tag_knows_its_interface_language() {
    let tag = |raw: &str| raw.parse::<LanguageTag>().expect("a tag");
    assert_eq!(tag("co-FR").interface_lang(), Some(Lang::Co));
    assert_eq!(tag("fr").interface_lang(), Some(Lang::Fr));
    assert_eq!(tag("it").interface_lang(), None);
    assert_eq!(LanguageTag::from(Lang::Co), tag("co"));
    assert!(serde_json::from_str::<LanguageTag>(r#""fr_FR""#).is_err());
}
