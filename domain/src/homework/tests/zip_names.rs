use super::*;

fn names(pupils: &[(&str, &[&str])]) -> Vec<Vec<String>> {
    let owned: Vec<(String, Vec<String>)> = pupils
        .iter()
        .map(|(p, files)| (p.to_string(), files.iter().map(|f| f.to_string()).collect()))
        .collect();
    zip_names(&owned)
}

#[test]
fn each_pupil_has_a_folder_and_each_file_its_number() {
    let cases: [(&str, &[&str], &[&str]); 9] = [
        (
            "Santoni Ghjuvan Battista",
            &["copia.pdf", "pagina 2.jpg"],
            &[
                "Santoni Ghjuvan Battista/01-copia.pdf",
                "Santoni Ghjuvan Battista/02-pagina 2.jpg",
            ],
        ),
        // Letters stay, composed: a decomposed ù becomes one character.
        (
            "Ùghjettu Maria",
            &["u\u{300}.png"],
            &["Ùghjettu Maria/01-ù.png"],
        ),
        // No way out of the folder, no hidden file, nothing Windows refuses.
        ("../../etc", &["../passwd"], &["_._etc/01-_passwd"]),
        ("a/b\\c", &["x:y*?<>|\".txt"], &["a_b_c/01-x_y______.txt"]),
        (
            ".cachatu",
            &["..", "."],
            &["cachatu/01-fichier", "cachatu/02-fichier"],
        ),
        (
            "\u{0}\u{1b}Nom\u{7}  Prénom\n",
            &["a\u{0}b.pdf"],
            &["Nom Prénom/01-ab.pdf"],
        ),
        ("CON", &["nul.txt"], &["_CON/01-nul.txt"]),
        ("   ", &[], &[]),
        (
            "...",
            &["😀 rapport 🎉.odt"],
            &["eleve (2)/01-😀 rapport 🎉.odt"],
        ),
    ];
    let pupils: Vec<(&str, &[&str])> = cases.iter().map(|(p, f, _)| (*p, *f)).collect();
    let got = names(&pupils);
    for ((pupil, _, expected), got) in cases.iter().zip(got) {
        assert_eq!(got, expected.to_vec(), "{pupil:?}");
        for entry in &got {
            let (folder, file) = entry.split_once('/').expect("folder/file");
            for part in [folder, file] {
                assert!(!part.contains(['/', '\\']) && part != ".." && part != ".");
                assert!(!part.chars().any(char::is_control), "{part:?}");
                assert!(part.chars().count() <= MAX_NAME_CHARS, "{part:?}");
            }
        }
    }
}

#[test]
fn names_are_unique_ignoring_case_and_bounded() {
    let long_pupil = "Ghjacumu ".repeat(12);
    let long_file = format!("{}.pdf", "ù".repeat(200));
    let got = names(&[
        ("Nom Prénom", &["copie.pdf", "COPIE.PDF"]),
        ("nom prénom", &["copie.pdf"]),
        ("NOM PRÉNOM", &[]),
        (&long_pupil, &[&long_file]),
        (&long_pupil, &[]),
    ]);
    // Cut to the limit, the extension kept: `01-` + 53 × ù + `.pdf` is 60 characters.
    let file_stem = "ù".repeat(MAX_NAME_CHARS - 3 - 4);
    let long_folder: String = long_pupil.chars().take(MAX_NAME_CHARS).collect();
    assert_eq!(
        got,
        vec![
            vec![
                "Nom Prénom/01-copie.pdf".to_owned(),
                "Nom Prénom/02-COPIE.PDF".to_owned()
            ],
            vec!["nom prénom (2)/01-copie.pdf".to_owned()],
            vec![],
            vec![format!("{long_folder}/01-{file_stem}.pdf")],
            vec![],
        ]
    );
    assert_eq!(long_folder.chars().count(), MAX_NAME_CHARS);
}
