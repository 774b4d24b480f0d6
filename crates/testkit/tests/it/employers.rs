//! Employers through the API: VAT number checks, duplicates, sites, needs
//! surveys and their aggregation per sector and province, employer logins
//! that see their own record only, region isolation, and the area's policy
//! matrix.

use chrono::{Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use soleil_domain::{OrganisationKind, RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, matrix, on_both_backends, spawn};

on_both_backends!(
    an_employer_is_checked_added_and_corrected,
    needs_add_up_per_sector_and_province,
    an_employer_login_sees_only_its_own_record,
    every_employers_route_answers_every_role_as_the_policy_says,
);

/// Valid VAT numbers (office 068 or 069, check digit right).
const VAT_A: &str = "12345670686";
const VAT_B: &str = "76543210686";
const VAT_C: &str = "11111110695";
const VAT_LAZIO: &str = "22222220588";
/// Pescara and Chieti (Abruzzo), Roma (Lazio).
const PESCARA: &str = "068028";
const CHIETI: &str = "069022";
const ROMA: &str = "058091";

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn employer_body(name: &str, vat: &str, ateco: &str, comune: &str) -> Value {
    json!({
        "legal_name": name,
        "vat_number": vat,
        "ateco_code": ateco,
        "comune": comune,
        "contact_email": "ufficio@example.it",
        "size_band": "small",
    })
}

async fn create_employer(
    t: &TestApp,
    by: &TestUser,
    name: &str,
    vat: &str,
    ateco: &str,
    comune: &str,
) -> String {
    let employer = t
        .post(by, "/api/v1/employers", employer_body(name, vat, ateco, comune))
        .await
        .expect(201);
    employer["id"].as_str().unwrap().to_owned()
}

/// A survey `days_ago`, with its rows of needs (ISCO-08 code, workers).
async fn survey(
    t: &TestApp,
    by: &TestUser,
    employer: &str,
    days_ago: i64,
    (internships, apprenticeships, open): (i32, i32, bool),
    needs: &[(&str, i32)],
) -> Value {
    let needs: Vec<Value> = needs
        .iter()
        .map(|(occupation, workers)| json!({ "occupation": occupation, "workers": workers }))
        .collect();
    let body = json!({
        "surveyed_on": (today() - Duration::days(days_ago)).to_string(),
        "internships": internships,
        "apprenticeships": apprenticeships,
        "open_to_training": open,
        "needs": needs,
    });
    t.post(by, &format!("/api/v1/employers/{employer}/surveys"), body)
        .await
        .expect(201)
}

/// The field errors of a 422, as (field, code).
fn field_errors(reply: &Value) -> Vec<(String, String)> {
    reply["error"]["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| {
                    (
                        f["field"].as_str().unwrap_or_default().to_owned(),
                        f["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn an_employer_is_checked_added_and_corrected(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Abr, "vat").await;
    for (vat, code) in [
        ("1234567068", "vat_number_length"),
        ("12345670687", "vat_number_check_digit"),
        ("12345675008", "vat_number_office"),
        ("", "required"),
    ] {
        let reply = t
            .post(
                &secretariat,
                "/api/v1/employers",
                employer_body("Ditta", vat, "56.11", PESCARA),
            )
            .await;
        assert_eq!(reply.status.as_u16(), 422, "{vat}: {:#}", reply.body);
        assert!(
            reply.body.to_string().contains(code),
            "{vat} gives {code}: {:#}",
            reply.body
        );
    }
    let reply = t
        .post(
            &secretariat,
            "/api/v1/employers",
            employer_body("Ditta", VAT_A, "ZZ", "000000"),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    let text = reply.body.to_string();
    assert!(text.contains("unknown_ateco_code"), "{text}");

    let id = create_employer(
        &t,
        &secretariat,
        "Trattoria del Porto",
        &format!("IT {VAT_A}"),
        "56.11",
        PESCARA,
    )
    .await;
    let duplicate = t
        .post(
            &secretariat,
            "/api/v1/employers",
            employer_body("Altra", VAT_A, "56", PESCARA),
        )
        .await;
    assert_eq!(duplicate.status.as_u16(), 409, "{:#}", duplicate.body);
    assert_eq!(duplicate.error_code(), "employer_exists");

    let path = format!("/api/v1/employers/{id}");
    let corrected = t
        .put(
            &secretariat,
            &path,
            employer_body("Trattoria del Porto srl", VAT_A, "56.11", CHIETI),
        )
        .await
        .expect(200);
    assert_eq!(corrected["province_code"], "069");
    let site = t
        .post(
            &secretariat,
            &format!("{path}/sites"),
            json!({ "comune": PESCARA, "address": "Via Roma 1" }),
        )
        .await
        .expect(201);
    let detail = t.get(&secretariat, &path).await.expect(200);
    assert_eq!(detail["employer"]["legal_name"], "Trattoria del Porto srl");
    assert_eq!(detail["employer"]["vat_number"], VAT_A);
    assert_eq!(detail["sites"].as_array().unwrap().len(), 1);
    let site_path = format!("{path}/sites/{}", site["id"].as_str().unwrap());
    t.call(Some(&secretariat), reqwest::Method::DELETE, &site_path, None)
        .await
        .expect(204);
    let detail = t.get(&secretariat, &path).await.expect(200);
    assert_eq!(detail["sites"], json!([]));

    // Search by name, VAT number, sector and province.
    let found = t.get(&secretariat, "/api/v1/employers?q=porto").await.expect(200);
    assert_eq!(found["total"], 1);
    let found = t
        .get(&secretariat, &format!("/api/v1/employers?q={VAT_A}"))
        .await
        .expect(200);
    assert_eq!(found["total"], 1);
    let found = t
        .get(&secretariat, "/api/v1/employers?sector=I&province=069")
        .await
        .expect(200);
    assert_eq!(found["total"], 1);
    let found = t
        .get(&secretariat, "/api/v1/employers?sector=A")
        .await
        .expect(200);
    assert_eq!(found["total"], 0);
    let wrong = t.get(&secretariat, "/api/v1/employers?sector=9").await;
    assert_eq!(wrong.status.as_u16(), 422);

    // A survey in the future, with a row out of range, is refused field by field.
    let reply = t
        .post(
            &secretariat,
            &format!("{path}/surveys"),
            json!({ "surveyed_on": (today() + Duration::days(2)).to_string(), "internships": -1,
                    "needs": [{ "occupation": "7212", "workers": 0 }] }),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    let errors = field_errors(&reply.body);
    assert!(
        errors.contains(&("surveyed_on".into(), "date_in_the_future".into())),
        "{errors:?}"
    );
    assert!(
        errors.contains(&("internships".into(), "out_of_range".into())),
        "{errors:?}"
    );

    let audit = t.user(Role::Auditor, RegionCode::Abr, "audit").await;
    let log = t.get(&audit, "/api/v1/audit?per_page=200").await.expect(200);
    assert!(
        log.to_string().contains(&format!("employer {VAT_A}")),
        "reads and changes are audited"
    );
}

async fn needs_add_up_per_sector_and_province(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Abr, "needs").await;
    let lazio = t.user(Role::Secretariat, RegionCode::Laz, "needs").await;
    let a = create_employer(&t, &secretariat, "Ristorante A", VAT_A, "56.11", PESCARA).await;
    let b = create_employer(&t, &secretariat, "Ristorante B", VAT_B, "56", PESCARA).await;
    let c = create_employer(&t, &secretariat, "Azienda agricola C", VAT_C, "01.13", CHIETI).await;
    let elsewhere = create_employer(&t, &lazio, "Ditta romana", VAT_LAZIO, "56", ROMA).await;
    survey(&t, &secretariat, &a, 5, (2, 1, true), &[("7212", 3)]).await;
    // Only the latest survey of an employer counts.
    survey(&t, &secretariat, &b, 30, (9, 9, true), &[("9211", 10)]).await;
    survey(
        &t,
        &secretariat,
        &b,
        1,
        (1, 0, false),
        &[("7212", 2), ("9211", 1)],
    )
    .await;
    survey(&t, &secretariat, &c, 3, (0, 0, true), &[("9211", 5)]).await;
    survey(&t, &lazio, &elsewhere, 3, (4, 4, true), &[("9211", 40)]).await;
    let surveys = t
        .get(&secretariat, &format!("/api/v1/employers/{b}/surveys"))
        .await
        .expect(200);
    assert_eq!(surveys.as_array().unwrap().len(), 2);
    assert_eq!(surveys[0]["internships"], 1, "the latest first");

    let period = format!("from={}&to={}", today() - Duration::days(60), today());
    let table = t
        .get(&secretariat, &format!("/api/v1/employer-needs?{period}"))
        .await
        .expect(200);
    let rows = table["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{table:#}");
    let figures = |row: &Value| {
        (
            row["sector"].as_str().unwrap().to_owned(),
            row["province_code"].as_str().unwrap().to_owned(),
            [
                row["employers_surveyed"].as_i64().unwrap(),
                row["workers_needed"].as_i64().unwrap(),
                row["internships"].as_i64().unwrap(),
                row["apprenticeships"].as_i64().unwrap(),
                row["open_to_training"].as_i64().unwrap(),
            ],
        )
    };
    assert_eq!(figures(&rows[0]), ("A".into(), "069".into(), [1, 5, 0, 0, 1]));
    assert_eq!(figures(&rows[1]), ("I".into(), "068".into(), [2, 6, 3, 1, 1]));
    assert_eq!(rows[1]["top_occupations"][0]["occupation"], "7212");
    assert_eq!(rows[1]["top_occupations"][0]["workers"], 5);
    assert_eq!(figures(&table["total"]).2, [3, 11, 3, 1, 2]);
    assert!(!table.to_string().contains("Ristorante"), "no names in the needs");

    let csv = t
        .call(
            Some(&secretariat),
            reqwest::Method::GET,
            &format!("/api/v1/employer-needs/csv?{period}"),
            None,
        )
        .await
        .expect(200);
    let csv = csv["text"].as_str().unwrap();
    assert_eq!(csv.lines().count(), 4, "header, two rows, total: {csv}");
    assert!(csv.lines().nth(2).unwrap().starts_with("I;"), "{csv}");

    let reversed = t
        .get(
            &secretariat,
            &format!(
                "/api/v1/employer-needs?from={}&to={}",
                today(),
                today() - Duration::days(1)
            ),
        )
        .await;
    assert_eq!(reversed.status.as_u16(), 422);
    let missing = t.get(&secretariat, "/api/v1/employer-needs").await;
    assert_eq!(missing.status.as_u16(), 422);
}

/// A login given to an employer, with an API token.
async fn employer_login(t: &TestApp, by: &TestUser, employer: &str, tag: &str) -> TestUser {
    let email = format!("login.{tag}@impresa.example.it");
    let organisation = t
        .organisation(OrganisationKind::Employer, RegionCode::Abr)
        .await
        .id;
    let user = t
        .post(
            by,
            &format!("/api/v1/employers/{employer}/logins"),
            json!({ "email": email, "display_name": format!("Titolare {tag}"), "password": soleil_testkit::PASSWORD, "organisation_id": organisation }),
        )
        .await
        .expect(201);
    assert_eq!(user["role"], "employer");
    let token = t.app.create_api_token(&email).await.expect("token");
    let user = t.app.token_user(&token).await.unwrap().expect("login");
    TestUser { user, token }
}

async fn an_employer_login_sees_only_its_own_record(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Abr, "logins").await;
    let mine = create_employer(&t, &secretariat, "Impresa mia", VAT_A, "41", PESCARA).await;
    let other = create_employer(&t, &secretariat, "Impresa altrui", VAT_B, "41", PESCARA).await;
    let login = employer_login(&t, &secretariat, &mine, "mine").await;

    t.get(&login, &format!("/api/v1/employers/{mine}"))
        .await
        .expect(200);
    t.get(&login, &format!("/api/v1/employers/{other}"))
        .await
        .expect(404);
    let list = t.get(&login, "/api/v1/employers").await.expect(200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["employers"][0]["id"], mine);
    t.put(
        &login,
        &format!("/api/v1/employers/{mine}"),
        employer_body("X", VAT_A, "41", PESCARA),
    )
    .await
    .expect(403);
    t.get(&login, "/api/v1/employer-needs?from=2020-01-01&to=2020-12-31")
        .await
        .expect(403);

    let logins = t
        .get(&secretariat, &format!("/api/v1/employers/{mine}/logins"))
        .await
        .expect(200);
    assert_eq!(logins.as_array().unwrap().len(), 1);
    let off = t
        .post(
            &secretariat,
            &format!("/api/v1/employers/{mine}/logins/{}/deactivate", login.user.id),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(off["active"], false);
    t.get(&login, &format!("/api/v1/employers/{mine}"))
        .await
        .expect(401);

    // The generic user creation refuses the role: the login needs its employer.
    let admin = t.user(Role::Admin, RegionCode::Abr, "logins").await;
    let organisation = secretariat.user.organisation_id;
    let refused = t
        .post(
            &admin,
            "/api/v1/users",
            json!({ "email": "generic@impresa.example.it", "display_name": "Generic", "role": "employer",
                    "organisation_id": organisation, "password": soleil_testkit::PASSWORD }),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 422, "{:#}", refused.body);

    // Region isolation: another region's staff neither read nor list it.
    let lazio = t.user(Role::Secretariat, RegionCode::Laz, "logins").await;
    t.get(&lazio, &format!("/api/v1/employers/{mine}"))
        .await
        .expect(404);
    let list = t.get(&lazio, "/api/v1/employers").await.expect(200);
    assert_eq!(list["total"], 0);
    t.post(
        &lazio,
        &format!("/api/v1/employers/{mine}/surveys"),
        json!({ "surveyed_on": today().to_string() }),
    )
    .await
    .expect(404);
}

use Role::{
    Admin as A, Auditor as AU, CaseManager as CM, Coordinator as CO, Employer as E, Frontline as F,
    Secretariat as S, Service as SV,
};

/// (method, OpenAPI path) → the roles allowed on the fixture: an employer
/// of Abruzzo, whose own login is the employer user.
const EXPECTED: &[(&str, &str, &[Role])] = &[
    ("GET", "/api/v1/employers", &[S, CM, SV, CO, A, E]),
    ("POST", "/api/v1/employers", &[S, CM, SV, A]),
    ("GET", "/api/v1/employers/{id}", &[S, CM, SV, CO, A, E]),
    ("PUT", "/api/v1/employers/{id}", &[S, CM, SV, A]),
    ("POST", "/api/v1/employers/{id}/sites", &[S, CM, SV, A]),
    ("DELETE", "/api/v1/employers/{id}/sites/{site}", &[S, CM, SV, A]),
    ("GET", "/api/v1/employers/{id}/surveys", &[S, CM, SV, CO, A, E]),
    ("POST", "/api/v1/employers/{id}/surveys", &[S, CM, SV, A]),
    // Logins: the region's secretariat and admins.
    ("GET", "/api/v1/employers/{id}/logins", &[S, A]),
    ("POST", "/api/v1/employers/{id}/logins", &[S, A]),
    ("POST", "/api/v1/employers/{id}/logins/{user}/deactivate", &[S, A]),
    // Needs carry no names, but are the staff's.
    ("GET", "/api/v1/employer-needs", &[S, CM, SV, CO, A]),
    ("GET", "/api/v1/employer-needs/csv", &[S, CM, SV, CO, A]),
];

async fn every_employers_route_answers_every_role_as_the_policy_says(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Abr, "matrix").await;
    let employer = create_employer(&t, &secretariat, "Impresa matrice", VAT_A, "41", PESCARA).await;
    let mut users = vec![(S, secretariat.clone())];
    for role in [F, CM, SV, CO, A, AU] {
        users.push((role, t.user(role, RegionCode::Abr, "matrix").await));
    }
    users.push((E, employer_login(&t, &secretariat, &employer, "matrix").await));
    assert_eq!(users.len(), matrix::ALL_ROLES.len());

    let routes = matrix::routes(&t, |p| matrix::owned_by(p, matrix::area("employers"))).await;
    matrix::assert_listed(&routes, EXPECTED);
    matrix::assert_answers(&t, &users, EXPECTED, |method, path, n| {
        let (t, secretariat, employer) = (&t, &secretariat, &employer);
        async move { probe(t, secretariat, employer, method, path, n).await }
    })
    .await;
}

/// The concrete path and body of one line: a fresh site or login where the
/// call removes or turns it off.
async fn probe(
    t: &TestApp,
    secretariat: &TestUser,
    employer: &str,
    method: &str,
    path: &str,
    n: usize,
) -> (String, Option<Value>) {
    let base = format!("/api/v1/employers/{employer}");
    let concrete = match path {
        "/api/v1/employers/{id}/sites/{site}" => {
            let site = t
                .post(
                    secretariat,
                    &format!("{base}/sites"),
                    json!({ "comune": PESCARA }),
                )
                .await
                .expect(201);
            format!("{base}/sites/{}", site["id"].as_str().unwrap())
        }
        "/api/v1/employers/{id}/logins/{user}/deactivate" => {
            let login = employer_login(t, secretariat, employer, &format!("off{n}")).await;
            format!("{base}/logins/{}/deactivate", login.user.id)
        }
        p if p.starts_with("/api/v1/employer-needs") => format!("{p}?from=2020-01-01&to={}", today()),
        p => p.replace("{id}", employer),
    };
    let body = match (method, path) {
        ("POST", "/api/v1/employers") => Some(employer_body("Nuova", VAT_B, "41", PESCARA)),
        ("PUT", _) => Some(employer_body("Impresa matrice", VAT_A, "41", PESCARA)),
        ("POST", "/api/v1/employers/{id}/logins") => Some(json!({
            "email": format!("new{n}@impresa.example.it"), "display_name": "Nuovo", "password": soleil_testkit::PASSWORD })),
        ("POST", _) => Some(json!({})),
        _ => None,
    };
    (concrete, body)
}
