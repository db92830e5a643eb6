//! Establishments: only the platform admin creates and lists them.

use crate::support::{Session, TestServer};
use app::api::platform::{CreateSchool, ListSchools};
use app::error::{AppError, Field, FieldError, Problem};
use domain::school::{InvalidSchool, SchoolKind};

fn new_school(uai: &str, name: &str, kind: &str) -> CreateSchool {
    CreateSchool {
        uai: uai.to_owned(),
        name: name.to_owned(),
        kind: kind.to_owned(),
    }
}

#[tokio::test]
async fn the_platform_admin_creates_establishments() {
    let s = TestServer::start().await;
    let admin = s.sign_in("admin.scola").await;
    let new = new_school("7200123p", "École de Venacu", "ecole");
    // 7200123 mod 23 = 9 → "K": a pseudonymised key is accepted (directory exports carry them).
    s.call(&admin, new.clone()).await.ok();
    let again = s.call(&admin, new).await;
    assert_eq!(again.err(), AppError::field(Field::Uai, Problem::Taken));

    let bad = s.call(&admin, new_school("72001", " ", "usine")).await;
    let invalid = |field, problem| FieldError {
        field,
        problem: Problem::School(problem),
    };
    assert_eq!(
        bad.err(),
        AppError::Invalid(vec![
            invalid(Field::Uai, InvalidSchool::Uai),
            invalid(Field::Name, InvalidSchool::EmptyName),
            invalid(Field::Kind, InvalidSchool::Kind),
        ])
    );

    let rows = s.call(&admin, ListSchools {}).await.ok();
    assert_eq!(rows.len(), 3);
    let venacu = rows
        .iter()
        .find(|r| r.uai == "7200123P")
        .expect("stored upper-case");
    assert_eq!(venacu.kind, SchoolKind::Ecole);
    assert_eq!(venacu.people, 0);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'school-created'")
            .await,
        1
    );
}

#[tokio::test]
async fn nobody_else_may() {
    let s = TestServer::start().await;
    let new = new_school("7200124R", "Scola", "ecole");
    for who in [
        "petru.casanova",
        "maria.santoni",
        "lisandru.pieri",
        "paola.leca",
    ] {
        let session = s.sign_in(who).await;
        assert_eq!(
            s.call(&session, new.clone()).await.err(),
            AppError::Forbidden,
            "{who}"
        );
        assert_eq!(
            s.call(&session, ListSchools {}).await.err(),
            AppError::Forbidden,
            "{who}"
        );
    }
    let anon = Session::anonymous();
    assert_eq!(s.call(&anon, new).await.err(), AppError::SignInRequired);
    assert_eq!(s.count("SELECT COUNT(*) FROM schools").await, 2);
}
