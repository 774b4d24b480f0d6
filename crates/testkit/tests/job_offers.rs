//! Job offers over HTTP, on both backends: profiles refused with field
//! errors, candidates matched with their reasons (one eligible, one blocked
//! by an expired permit, one partly there), proposals only with consent,
//! employers seeing the persons proposed to them and nothing else, and
//! regions kept apart.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::InclusionTeam;
use soleil_testkit::{Backend, TestApp, TestUser, on_both_backends, spawn};
use sqlx::Connection;

on_both_backends!(
    profiles_are_checked,
    candidates_are_ranked_with_their_reasons,
    proposals_need_consent_and_employers_see_only_theirs
);

/// Pescara, in Abruzzo.
const PESCARA: &str = "068028";

fn codes(reply: &Value) -> Vec<(String, String)> {
    reply["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// An employer of the region, written underneath (the employers' API is
/// another area's), and optionally an employer login linked to it.
async fn employer(t: &TestApp, region: RegionCode, by: &TestUser, login: Option<&TestUser>) -> String {
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    macro_rules! insert {
        ($connection:ty) => {{
            let mut db = <$connection>::connect(&t.database_url).await.unwrap();
            sqlx::query(
                "INSERT INTO employers (id, region, legal_name, vat_number, ateco_code, comune, province_code,
                                        created_by, created_at, updated_at)
                 VALUES ($1, $2, 'Logistica Adriatica srl', $3, '52.10', $4, '068', $5, $6, $6)",
            )
            .bind(id)
            .bind(region.as_str())
            .bind(format!("{:011}", id.as_u128() % 100_000_000_000))
            .bind(PESCARA)
            .bind(by.user.id.0)
            .bind(now)
            .execute(&mut db)
            .await
            .unwrap();
            if let Some(login) = login {
                sqlx::query("INSERT INTO employer_users (user_id, employer_id) VALUES ($1, $2)")
                    .bind(login.user.id.0)
                    .bind(id)
                    .execute(&mut db)
                    .await
                    .unwrap();
            }
        }};
    }
    match t.backend {
        Backend::Sqlite => insert!(sqlx::SqliteConnection),
        Backend::Postgres => insert!(sqlx::PgConnection),
    }
    id.to_string()
}

fn offer(employer: &str) -> Value {
    json!({ "employer_id": employer, "title": "Magazziniere", "occupation": "9333",
            "skills": ["muletto", "inventario"], "comune": PESCARA, "hours_per_week": 40,
            "contract_type": "fixed_term", "italian_level": "a2", "starts_on": "2027-01-11" })
}

fn profile(occupation: &str) -> Value {
    json!({ "occupations": [occupation], "skills": ["Muletto", "inventario"], "italian_level": "b1",
            "domicile_comune": PESCARA, "commute": "province" })
}

async fn profiles_are_checked(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "jp").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let path = format!("/api/v1/persons/{}/work-profile", case.person);
    assert_eq!(t.get(&team.case_manager, &path).await.expect(200), Value::Null);
    let wrong = json!({ "occupations": ["93"], "skills": ["<b>"], "domicile_comune": "999999",
                        "hours_per_week": 70, "italian_level": "b1" });
    let reply = t.put(&team.case_manager, &path, wrong).await.expect(422);
    let fields: Vec<String> = codes(&reply).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        ["occupations", "skills", "domicile_comune", "hours_per_week"]
    );
    let saved = t
        .put(&team.case_manager, &path, profile("9333"))
        .await
        .expect(200);
    assert_eq!(saved["skills"], json!(["muletto", "inventario"]));
    // The team's service reads the profile; keeping it is the case's.
    assert_eq!(
        t.get(&team.service, &path).await.expect(200)["occupations"],
        json!(["9333"])
    );
    t.put(&team.service, &path, profile("9333")).await.expect(403);
    let other = InclusionTeam::new(&t, RegionCode::Mar, "jp").await;
    t.get(&other.secretariat, &path).await.expect(404);
}

async fn candidates_are_ranked_with_their_reasons(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "jm").await;
    let employer = employer(&t, RegionCode::Abr, &team.secretariat, None).await;
    let created = t
        .post(&team.service, "/api/v1/job-offers", offer(&employer))
        .await
        .expect(201);
    let offer_id = created["id"].as_str().unwrap().to_owned();
    let fits = team.case_in_inclusion(&t, 1).await;
    let expired = team.case_in_inclusion(&t, 2).await;
    let close = team.case_in_inclusion(&t, 3).await;
    for (case, occupation) in [(&fits, "9333"), (&expired, "9333"), (&close, "9334")] {
        let path = format!("/api/v1/persons/{}/work-profile", case.person);
        t.put(&team.case_manager, &path, profile(occupation))
            .await
            .expect(200);
    }
    let permit = |expires: &str| {
        json!({ "kind": "residence_permit", "permit_type": "art18ter_labour_exploitation",
                "issued_on": "2021-01-01", "expires_on": expires })
    };
    for (case, expires) in [(&fits, "2030-01-01"), (&expired, "2022-01-01")] {
        let path = format!("/api/v1/persons/{}/documents", case.person);
        t.post(&team.case_manager, &path, permit(expires))
            .await
            .expect(201);
    }
    let matches = t
        .get(
            &team.case_manager,
            &format!("/api/v1/job-offers/{offer_id}/matches"),
        )
        .await
        .expect(200);
    let list = matches.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let of = |case: &str| list.iter().find(|m| m["case_id"] == case).unwrap();
    let verdict = |m: &Value, criterion: &str| {
        let reason = m["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["criterion"] == criterion)
            .unwrap();
        (
            reason["verdict"].as_str().unwrap().to_owned(),
            reason["detail"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(list[0]["case_id"], fits.case.as_str(), "the eligible first");
    assert_eq!(of(&fits.case)["eligible"], true);
    assert_eq!(
        verdict(of(&fits.case), "work_permit"),
        ("meets".into(), "allows_work".into())
    );
    assert_eq!(
        verdict(of(&fits.case), "occupation"),
        ("meets".into(), "same_unit_group".into())
    );
    assert_eq!(of(&expired.case)["eligible"], false);
    assert_eq!(
        verdict(of(&expired.case), "work_permit"),
        ("missing".into(), "expired".into())
    );
    assert_eq!(
        verdict(of(&close.case), "occupation"),
        ("partly".into(), "same_minor_group".into())
    );
    assert_eq!(
        verdict(of(&close.case), "work_permit"),
        ("unknown".into(), "no_stay_document".into())
    );
    // The other way round: the offer for the case's person.
    let for_case = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/matches", fits.case),
        )
        .await
        .expect(200);
    assert_eq!(for_case[0]["offer"]["id"], offer_id.as_str());
    assert_eq!(for_case[0]["eligible"], true);
    // Another region sees neither the offer nor the case.
    let other = InclusionTeam::new(&t, RegionCode::Mar, "jm").await;
    t.get(&other.secretariat, &format!("/api/v1/job-offers/{offer_id}"))
        .await
        .expect(404);
    t.get(
        &other.case_manager,
        &format!("/api/v1/cases/{}/matches", fits.case),
    )
    .await
    .expect(404);
    let theirs = t.get(&other.secretariat, "/api/v1/job-offers").await.expect(200);
    assert_eq!(theirs, json!([]));
}

async fn proposals_need_consent_and_employers_see_only_theirs(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "jc").await;
    let login = t.user(Role::Employer, RegionCode::Abr, "jc").await;
    let own = employer(&t, RegionCode::Abr, &team.secretariat, Some(&login)).await;
    let other = employer(&t, RegionCode::Abr, &team.secretariat, None).await;
    // The employer's login offers for itself, whatever it names.
    let created = t
        .post(&login, "/api/v1/job-offers", offer(&other))
        .await
        .expect(201);
    assert_eq!(created["employer_id"], own.as_str());
    let offer_id = created["id"].as_str().unwrap().to_owned();
    let foreign = t
        .post(&team.secretariat, "/api/v1/job-offers", offer(&other))
        .await
        .expect(201);
    let foreign_id = foreign["id"].as_str().unwrap();
    let case = team.case_in_inclusion(&t, 1).await;
    let proposals = format!("/api/v1/job-offers/{offer_id}/proposals");
    let without = t
        .post(&team.case_manager, &proposals, json!({ "case_id": case.case }))
        .await
        .expect(422);
    assert_eq!(
        codes(&without),
        [("consent".to_owned(), "consent_required".to_owned())]
    );
    assert!(
        t.get(&login, &proposals)
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty()
    );
    let proposed = t
        .post(
            &team.case_manager,
            &proposals,
            json!({ "case_id": case.case, "consent": true }),
        )
        .await
        .expect(201);
    t.post(
        &team.case_manager,
        &proposals,
        json!({ "case_id": case.case, "consent": true }),
    )
    .await
    .expect(409);
    // The employer sees the person proposed to it, by name…
    let seen = t.get(&login, &proposals).await.expect(200);
    assert_eq!(seen[0]["person_name"], "Test Persona1");
    // …and nothing else: no other offer, no person, no matching.
    let listed = t.get(&login, "/api/v1/job-offers").await.expect(200);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    t.get(&login, &format!("/api/v1/job-offers/{foreign_id}"))
        .await
        .expect(404);
    t.get(&login, &format!("/api/v1/persons/{}/work-profile", case.person))
        .await
        .expect(403);
    t.get(&login, &format!("/api/v1/job-offers/{offer_id}/matches"))
        .await
        .expect(403);
    let answer = format!("/api/v1/proposals/{}/answer", proposed["id"].as_str().unwrap());
    t.post(&login, &answer, json!({ "status": "withdrawn" }))
        .await
        .expect(403);
    let answered = t
        .post(&login, &answer, json!({ "status": "interview" }))
        .await
        .expect(200);
    assert_eq!(answered["status"], "interview");
    t.post(&login, &answer, json!({ "status": "accepted" }))
        .await
        .expect(200);
    t.post(&team.case_manager, &answer, json!({ "status": "withdrawn" }))
        .await
        .expect(409);
    let file = t
        .get(&team.case_manager, &format!("/api/v1/cases/{}", case.case))
        .await
        .expect(200);
    let kinds: Vec<&str> = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"candidate_proposed"), "{kinds:?}");
    assert!(kinds.contains(&"proposal_answered"), "{kinds:?}");
}
