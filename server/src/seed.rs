//! The demo instance: two schools, one account per profile and accounts shared by both, a
//! charter to accept. Written into an empty database on first start (unless `SCOLA_DEMO=0`),
//! and by the tests.

pub(crate) mod exercises;
mod homework;
mod sequences;
pub(crate) mod timetable;

use crate::db::Db;
use crate::db::school_years::year_id;
use crate::db::sql::statements;
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;

statements! {
    COUNT_ACCOUNTS = "SELECT COUNT(*) AS n FROM accounts";
    INSERT_SCHOOL = "INSERT INTO schools (uai, name, kind) VALUES ($1, $2, $3) RETURNING id";
    INSERT_ACCOUNT = "INSERT INTO accounts (username, first_name, last_name, password_hash, \
        must_change_password, lang, platform_admin, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    INSERT_ROLE = "INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, $3)";
    INSERT_SUBJECT = "INSERT INTO subjects (school_id, code, name, name_co) VALUES ($1, $2, $3, $4) \
        RETURNING id";
    INSERT_GROUP = "INSERT INTO school_groups (school_id, year_id, kind, name) \
        VALUES ($1, $2, $3, $4) RETURNING id";
    INSERT_MEMBERSHIP = "INSERT INTO memberships (group_id, account_id) VALUES ($1, $2)";
    INSERT_TEACHING = "INSERT INTO teachings (group_id, account_id, subject_id) \
        VALUES ($1, $2, $3)";
    INSERT_PARENT_LINK = "INSERT INTO parent_links (parent_id, child_id) VALUES ($1, $2)";
    INSERT_CHARTER = "INSERT INTO charters (version, body_fr, body_co, published_by, \
        published_at) VALUES (1, $1, $2, $3, $4)";
    MARK_DEMO = "INSERT INTO settings (key, value) VALUES ('demo', 'yes')";
    DELETE_ACCOUNT = "DELETE FROM accounts WHERE username = $1";
    DELETE_SCHOOL = "DELETE FROM schools WHERE uai = $1";
    UNMARK_DEMO = "DELETE FROM settings WHERE key = 'demo'";
    HAS_DEMO = "SELECT COUNT(*) AS n FROM settings WHERE key = 'demo'";
}

#[derive(sqlx::FromRow)]
pub(crate) struct IdRow {
    pub(crate) id: i64,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    n: i64,
}

/// The password of every demo account, printed at start and listed in the README.
pub const DEMO_PASSWORD: &str = "Scola-demo-2026";

/// Login name, profile as printed, and what the account shows.
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("admin.scola", "admin de la plateforme"),
    (
        "petru.casanova",
        "admin d'établissement (Collège Pasquale Paoli)",
    ),
    (
        "maria.santoni",
        "enseignante (dans les deux établissements)",
    ),
    (
        "paola.leca",
        "personnel, vie scolaire (Collège Pasquale Paoli)",
    ),
    ("lisandru.pieri", "élève de 5e A (Collège Pasquale Paoli)"),
    (
        "ghjuvanni.pieri",
        "parent de Lisandru et de Ghjulia (deux établissements)",
    ),
    ("invite.demo", "invité (Collège Pasquale Paoli)"),
    (
        "catalina.rossi",
        "admin d'établissement (Lycée Sampiero Corso), parent de Matteu (Collège Pasquale Paoli)",
    ),
];

const CHARTER_FR: &str = "Charte d’utilisation de Scola\n\n\
Scola est l’espace numérique de travail de votre établissement. Il sert à l’enseignement, à la vie scolaire et à la communication entre l’établissement, les élèves et leurs familles.\n\n\
Votre identifiant et votre mot de passe sont personnels : ne les communiquez à personne. Déconnectez-vous après usage sur un ordinateur partagé.\n\n\
Respectez les autres : pas de propos injurieux, diffamatoires ou discriminatoires, pas de publication d’images d’autrui sans son accord.\n\n\
Vos données sont traitées par l’établissement pour le service public d’éducation, conformément au RGPD ; les connexions sont journalisées. Vous pouvez exercer vos droits auprès du chef d’établissement.";

const CHARTER_CO: &str = "Carta d’utilizazione di Scola\n\n\
Scola hè u spaziu numericu di travagliu di u vostru stabilimentu. Serve à l’insignamentu, à a vita sculare è à a cumunicazione trà u stabilimentu, i sculari è e so famiglie.\n\n\
U vostru identificadore è a vostra parolla d’intrata sò persunali : ùn li date à nimu. Esciteve dopu l’usu nant’à un urdinatore spartutu.\n\n\
Rispettate l’altri : nisun discorsu ingiuriosu, diffamatoriu o discriminatoriu, nisuna publicazione di ritratti d’altrui senza u so accordu.\n\n\
I vostri dati sò trattati da u stabilimentu per u serviziu publicu d’educazione, secondu u RGPD ; e cunnessioni sò arregistrate. Pudete esercità i vostri diritti cù u capu di stabilimentu.";

/// Every demo account: login name, first and last names, platform admin.
const DEMO_PEOPLE: &[(&str, &str, &str, bool)] = &[
    ("admin.scola", "Admin", "Scola", true),
    ("petru.casanova", "Petru", "Casanova", false),
    ("maria.santoni", "Maria", "Santoni", false),
    ("paola.leca", "Paola", "Leca", false),
    ("lisandru.pieri", "Lisandru", "Pieri", false),
    ("ghjulia.pieri", "Ghjulia", "Pieri", false),
    ("ghjuvanni.pieri", "Ghjuvanni", "Pieri", false),
    ("invite.demo", "Invité", "Démo", false),
    ("anna.colonna", "Anna", "Colonna", false),
    ("matteu.rossi", "Matteu", "Rossi", false),
    ("lucia.vincenti", "Lucia", "Vincenti", false),
    ("santu.albertini", "Santu", "Albertini", false),
    ("catalina.rossi", "Catalina", "Rossi", false),
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("hashing: {0}")]
    Hash(String),
    #[error("demo exercise: {0}")]
    Exercise(String),
}

/// Whether the database holds no account yet.
pub async fn is_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let row: CountRow = COUNT_ACCOUNTS.query_as().fetch_one(db.pool()).await?;
    Ok(row.n == 0)
}

/// Writes the demo instance in one transaction: all of it or nothing.
pub async fn seed_demo(db: &Db, now: Timestamp) -> Result<(), SeedError> {
    // One hash for all: the demo accounts share their password, and seeding stays fast.
    let hash =
        crate::passwords::hash_now(DEMO_PASSWORD).map_err(|e| SeedError::Hash(e.to_string()))?;
    let mut tx = db.writer().begin().await?;
    let t = now.unix();

    macro_rules! insert {
        ($statement:expr $(, $arg:expr)*) => {{
            let row: IdRow = $statement.query_as()$(.bind($arg))*.fetch_one(&mut *tx).await?;
            row.id
        }};
    }

    // The classes are this school year's, whenever the demo is written.
    let year = year_id(&mut *tx, SchoolYear::at(now)).await?.get();
    let college = insert!(
        INSERT_SCHOOL,
        "7200001N",
        "Collège Pasquale Paoli",
        "college"
    );
    let lycee = insert!(INSERT_SCHOOL, "6200001G", "Lycée Sampiero Corso", "lycee");

    let mut ids = std::collections::HashMap::new();
    for &(username, first, last, platform) in DEMO_PEOPLE {
        let id = insert!(
            INSERT_ACCOUNT,
            username,
            first,
            last,
            hash.clone(),
            0_i64,
            "fr",
            i64::from(platform),
            t
        );
        ids.insert(username, id);
    }
    let id = |name: &str| ids.get(name).copied().unwrap_or_default();

    let roles = [
        ("petru.casanova", college, "school-admin"),
        ("maria.santoni", college, "teacher"),
        ("maria.santoni", lycee, "teacher"),
        ("paola.leca", college, "staff"),
        ("lisandru.pieri", college, "pupil"),
        ("anna.colonna", college, "pupil"),
        ("matteu.rossi", college, "pupil"),
        ("lucia.vincenti", college, "pupil"),
        ("ghjulia.pieri", lycee, "pupil"),
        ("santu.albertini", lycee, "pupil"),
        ("ghjuvanni.pieri", college, "parent"),
        ("ghjuvanni.pieri", lycee, "parent"),
        ("invite.demo", college, "guest"),
        // An account shared by two schools with power in one: the collège's admin must not be
        // able to take it over, and it must not give its holder a way into the collège.
        ("catalina.rossi", lycee, "school-admin"),
        ("catalina.rossi", college, "parent"),
    ];
    for (who, school, profile) in roles {
        INSERT_ROLE
            .query()
            .bind(id(who))
            .bind(school)
            .bind(profile)
            .execute(&mut *tx)
            .await?;
    }

    let maths = insert!(
        INSERT_SUBJECT,
        college,
        "MATHS",
        "Mathématiques",
        "Matematiche"
    );
    let corsu = insert!(
        INSERT_SUBJECT,
        college,
        "LCO",
        "Langue corse",
        "Lingua corsa"
    );
    let maths_b = insert!(
        INSERT_SUBJECT,
        lycee,
        "MATHS",
        "Mathématiques",
        "Matematiche"
    );

    let group = |school: i64, kind: &'static str, name: &'static str| (school, kind, name);
    let groups = [
        group(college, "class", "5e A"),
        group(college, "class", "5e B"),
        group(college, "group", "Lingua corsa 5e"),
        group(lycee, "class", "2nde 1"),
    ];
    let mut group_ids = vec![];
    for (school, kind, name) in groups {
        group_ids.push(insert!(INSERT_GROUP, school, year, kind, name));
    }
    let [cinq_a, cinq_b, corsu_group, seconde] =
        [group_ids[0], group_ids[1], group_ids[2], group_ids[3]];
    let members = [
        (cinq_a, "lisandru.pieri"),
        (cinq_a, "matteu.rossi"),
        (cinq_b, "anna.colonna"),
        (cinq_b, "lucia.vincenti"),
        (corsu_group, "lisandru.pieri"),
        (corsu_group, "anna.colonna"),
        (seconde, "ghjulia.pieri"),
        (seconde, "santu.albertini"),
    ];
    for (g, who) in members {
        INSERT_MEMBERSHIP
            .query()
            .bind(g)
            .bind(id(who))
            .execute(&mut *tx)
            .await?;
    }
    for (g, subject) in [(cinq_a, maths), (corsu_group, corsu), (seconde, maths_b)] {
        INSERT_TEACHING
            .query()
            .bind(g)
            .bind(id("maria.santoni"))
            .bind(subject)
            .execute(&mut *tx)
            .await?;
    }
    for (parent, child) in [
        ("ghjuvanni.pieri", "lisandru.pieri"),
        ("ghjuvanni.pieri", "ghjulia.pieri"),
        ("catalina.rossi", "matteu.rossi"),
    ] {
        INSERT_PARENT_LINK
            .query()
            .bind(id(parent))
            .bind(id(child))
            .execute(&mut *tx)
            .await?;
    }
    exercises::seed(
        &mut tx,
        &exercises::Demo {
            college,
            lycee,
            teacher: id("maria.santoni"),
            cinq_a,
            cinq_b,
            corsu: corsu_group,
            seconde,
            lisandru: id("lisandru.pieri"),
            matteu: id("matteu.rossi"),
            lucia: id("lucia.vincenti"),
            anna: id("anna.colonna"),
            santu: id("santu.albertini"),
        },
        now,
    )
    .await?;
    timetable::seed(
        &mut tx,
        &timetable::Demo {
            college,
            lycee,
            teacher: id("maria.santoni"),
            admin: id("petru.casanova"),
            cinq_a,
            cinq_b,
            corsu: corsu_group,
            seconde,
            maths,
            lco: corsu,
            maths_lycee: maths_b,
        },
        now,
    )
    .await?;
    INSERT_CHARTER
        .query()
        .bind(CHARTER_FR)
        .bind(CHARTER_CO)
        .bind(id("admin.scola"))
        .bind(t)
        .execute(&mut *tx)
        .await?;
    MARK_DEMO.query().execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// The demo's two establishments (their UAIs are made up).
const DEMO_UAIS: &[&str] = &["7200001N", "6200001G"];

/// Deletes the demo's accounts (whose password is public) and establishments, with everything
/// attached to them, in one transaction; the charter and anything else created since stay.
/// Returns how many accounts were deleted.
pub async fn remove_demo(db: &Db) -> Result<u64, sqlx::Error> {
    let mut tx = db.writer().begin().await?;
    let mut accounts = 0;
    for (login, ..) in DEMO_PEOPLE {
        accounts += DELETE_ACCOUNT
            .query()
            .bind(*login)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    for uai in DEMO_UAIS {
        DELETE_SCHOOL.query().bind(*uai).execute(&mut *tx).await?;
    }
    UNMARK_DEMO.query().execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(accounts)
}

/// Whether this database holds the demo instance (to print its accounts at start).
pub async fn has_demo(db: &Db) -> Result<bool, sqlx::Error> {
    let row: CountRow = HAS_DEMO.query_as().fetch_one(db.pool()).await?;
    Ok(row.n > 0)
}
