//! Job offers over HTTP, on both backends: profiles refused with field
//! errors, candidates matched with their reasons (one eligible, one blocked
//! by an expired permit, one partly there), proposals only with consent,
//! employers seeing the persons proposed to them and nothing else, and
//! regions kept apart.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{self, InclusionTeam};
use soleil_testkit::{Backend, TestApp, TestUser, matrix, on_both_backends, spawn};

on_both_backends!(
    profiles_are_checked,
    candidates_are_ranked_with_their_reasons,
    proposals_need_consent_and_employers_see_only_theirs,
    every_job_offers_route_answers_every_role_as_the_policy_says,
    recruiting_days_gather_employers_and_candidates_of_their_region
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

/// An employer of `by`'s region, recorded through the employers' API, and
/// with `login` (a tag) a login of role employer given to it through the API.
async fn employer(t: &TestApp, by: &TestUser, login: Option<&str>) -> (String, Option<TestUser>) {
    inclusion::employer(t, by, "Logistica Adriatica srl", "52.10", PESCARA, login).await
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
    // The area's codes come back translated (Italian by default), with the
    // offending value.
    let messages: Vec<&str> = reply["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages[..2],
        [
            "Professione sconosciuta: indicare un gruppo professionale ISCO-08 di quattro cifre. (93)",
            "Competenza non valida: parole brevi, al massimo 40 caratteri. (<b>)"
        ]
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
    let (employer, _) = employer(&t, &team.secretariat, None).await;
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
    let (own, login) = employer(&t, &team.secretariat, Some("jc")).await;
    let login = login.unwrap();
    let (other, _) = employer(&t, &team.secretariat, None).await;
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

use Role::{
    Admin as A, Auditor as AU, CaseManager as CM, Coordinator as CO, Employer as E, Frontline as F,
    Secretariat as S, Service as SV,
};

/// (method, OpenAPI path) → the roles allowed on the fixture: an offer of
/// an employer of the region whose login is the matrix's employer user, the
/// team's case in inclusion proposed to it, and a recruiting day.
const EXPECTED: &matrix::Expected = &[
    // Profiles: read by whoever follows the person, kept by the case's side.
    ("GET", "/api/v1/persons/{id}/work-profile", &[S, CM, SV]),
    ("PUT", "/api/v1/persons/{id}/work-profile", &[S, CM]),
    // Offers: the region's staff, admins, and the employer's own login.
    ("GET", "/api/v1/job-offers", &[S, CM, SV, A, E]),
    ("POST", "/api/v1/job-offers", &[S, CM, SV, A, E]),
    ("GET", "/api/v1/job-offers/{id}", &[S, CM, SV, A, E]),
    ("PUT", "/api/v1/job-offers/{id}", &[S, CM, SV, A, E]),
    // Matching names persons: the case's side only.
    ("GET", "/api/v1/job-offers/{id}/matches", &[S, CM]),
    ("GET", "/api/v1/cases/{id}/matches", &[S, CM]),
    // Proposals: made by the case's side, read and answered by the employer too.
    ("GET", "/api/v1/job-offers/{id}/proposals", &[S, CM, SV, A, E]),
    ("POST", "/api/v1/job-offers/{id}/proposals", &[S, CM]),
    ("POST", "/api/v1/proposals/{id}/answer", &[S, CM, E]),
    // Recruiting days: the region's staff who organise them.
    ("GET", "/api/v1/recruiting-days", &[S, CM, SV]),
    ("POST", "/api/v1/recruiting-days", &[S, CM, SV]),
    ("GET", "/api/v1/recruiting-days/{id}", &[S, CM, SV]),
    ("POST", "/api/v1/recruiting-days/{id}/employers", &[S, CM, SV]),
    ("POST", "/api/v1/recruiting-days/{id}/candidates", &[S, CM, SV]),
];

struct Fixture {
    employer: String,
    offer: String,
    person: String,
    case: String,
    proposal: String,
    day: String,
}

fn day_body() -> Value {
    json!({ "title": "Giornata del lavoro", "held_on": "2027-02-10", "place": "Pescara, Porto turistico" })
}

async fn every_job_offers_route_answers_every_role_as_the_policy_says(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "matrix").await;
    let mut users = vec![
        (F, team.frontline.clone()),
        (S, team.secretariat.clone()),
        (CM, team.case_manager.clone()),
        (SV, team.service.clone()),
    ];
    for role in [CO, A, AU] {
        users.push((role, t.user(role, RegionCode::Abr, "matrix").await));
    }
    // The matrix's employer user is the login of the employer of the region.
    let (employer, employer_login) = employer(&t, &team.secretariat, Some("matrix")).await;
    users.push((E, employer_login.unwrap()));
    assert_eq!(users.len(), matrix::ALL_ROLES.len());
    let case = team.case_in_inclusion(&t, 1).await;
    let offer = t
        .post(&team.secretariat, "/api/v1/job-offers", self::offer(&employer))
        .await
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let proposal = t
        .post(
            &team.case_manager,
            &format!("/api/v1/job-offers/{offer}/proposals"),
            json!({ "case_id": case.case, "consent": true }),
        )
        .await
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let day = t
        .post(&team.secretariat, "/api/v1/recruiting-days", day_body())
        .await
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let fixture = Fixture {
        employer,
        offer,
        person: case.person,
        case: case.case,
        proposal,
        day,
    };

    let routes = matrix::routes(&t, |p| matrix::owned_by(p, matrix::area("job_offers"))).await;
    matrix::assert_listed(&routes, EXPECTED);
    matrix::assert_answers(&t, &users, EXPECTED, |method, path, _| {
        let fixture = &fixture;
        async move { probe(fixture, method, path) }
    })
    .await;
}

/// The concrete path and body of one line.
fn probe(fixture: &Fixture, method: &str, path: &str) -> (String, Option<Value>) {
    let id = match path {
        p if p.starts_with("/api/v1/persons/") => &fixture.person,
        p if p.starts_with("/api/v1/job-offers/") => &fixture.offer,
        p if p.starts_with("/api/v1/cases/") => &fixture.case,
        p if p.starts_with("/api/v1/proposals/") => &fixture.proposal,
        p if p.starts_with("/api/v1/recruiting-days/") => &fixture.day,
        _ => "",
    };
    let body = match (method, path) {
        ("PUT", "/api/v1/persons/{id}/work-profile") => Some(profile("9333")),
        ("POST", "/api/v1/job-offers") | ("PUT", "/api/v1/job-offers/{id}") => Some(offer(&fixture.employer)),
        ("POST", "/api/v1/job-offers/{id}/proposals") => {
            Some(json!({ "case_id": fixture.case, "consent": true }))
        }
        ("POST", "/api/v1/proposals/{id}/answer") => Some(json!({ "status": "interview" })),
        ("POST", "/api/v1/recruiting-days") => Some(day_body()),
        ("POST", "/api/v1/recruiting-days/{id}/employers") => {
            Some(json!({ "employer_id": fixture.employer }))
        }
        ("POST", "/api/v1/recruiting-days/{id}/candidates") => Some(json!({ "case_id": fixture.case })),
        _ => None,
    };
    (path.replace("{id}", id), body)
}

async fn recruiting_days_gather_employers_and_candidates_of_their_region(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "rd").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let (employer, _) = employer(&t, &team.secretariat, None).await;
    let day = t
        .post(&team.secretariat, "/api/v1/recruiting-days", day_body())
        .await
        .expect(201);
    let path = format!("/api/v1/recruiting-days/{}", day["id"].as_str().unwrap());
    let missing_date = json!({ "title": "Giornata", "place": "Pescara" });
    let refused = t
        .post(&team.secretariat, "/api/v1/recruiting-days", missing_date)
        .await
        .expect(422);
    assert_eq!(codes(&refused), [("held_on".to_owned(), "required".to_owned())]);

    // An employer of the region takes part; one of another region is unknown here.
    let employers = format!("{path}/employers");
    t.post(&team.service, &employers, json!({ "employer_id": employer }))
        .await
        .expect(204);
    let other = InclusionTeam::new(&t, RegionCode::Mar, "rd").await;
    let (elsewhere, _) = self::employer(&t, &other.secretariat, None).await;
    let refused = t
        .post(&team.service, &employers, json!({ "employer_id": elsewhere }))
        .await
        .expect(422);
    assert_eq!(codes(&refused)[0].1, "unknown_employer");

    // The case manager invites the person, then records that they came and
    // got an interview.
    let candidates = format!("{path}/candidates");
    t.post(&team.case_manager, &candidates, json!({ "case_id": case.case }))
        .await
        .expect(204);
    let file = t.get(&team.case_manager, &path).await.expect(200);
    assert_eq!(file["candidates"][0]["outcome"], "invited");
    let outcome = json!({ "case_id": case.case, "outcome": "interview_fixed", "note": "Colloquio il 15" });
    t.post(&team.case_manager, &candidates, outcome).await.expect(204);
    let file = t.get(&team.secretariat, &path).await.expect(200);
    assert_eq!(file["employers"][0]["legal_name"], "Logistica Adriatica srl");
    let invited = file["candidates"].as_array().unwrap();
    assert_eq!(invited.len(), 1, "saving an outcome updates the invitation");
    assert_eq!(invited[0]["outcome"], "interview_fixed");
    assert_eq!(invited[0]["note"], "Colloquio il 15");
    assert!(invited[0]["person_name"].is_string());

    // Other regions neither see the day nor bring their cases to it.
    t.get(&other.secretariat, &path).await.expect(404);
    assert_eq!(
        t.get(&other.secretariat, "/api/v1/recruiting-days")
            .await
            .expect(200),
        json!([])
    );
    let theirs = other.case_in_inclusion(&t, 1).await;
    t.post(&team.secretariat, &candidates, json!({ "case_id": theirs.case }))
        .await
        .expect(404);
}
