//! Work placements over HTTP, on both backends: a placement of a case in
//! inclusion is refused with the rules of its kind, recorded only by the
//! case's manager or its secretariat, and the employer portal is only for
//! employers' own logins.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{self, InclusionTeam};
use soleil_testkit::{Backend, TestApp, TestUser, matrix, on_both_backends, spawn};

on_both_backends!(
    placements_are_refused_with_the_rules_of_their_kind,
    who_records_and_who_reads,
    a_placement_from_a_proposal_is_followed_up_and_ended,
    the_portal_shows_the_employer_only_its_own,
    every_work_placements_route_answers_every_role_as_the_policy_says,
    a_placement_is_recorded_through_its_page
);

/// Pescara, in Abruzzo.
const PESCARA: &str = "068028";

/// An employer of `by`'s region, recorded through the employers' API, and
/// with `login` (a tag) a login of role employer given to it through the API.
async fn employer(t: &TestApp, by: &TestUser, login: Option<&str>) -> (String, Option<TestUser>) {
    inclusion::employer(t, by, "Cantieri Adriatici srl", "41.00", PESCARA, login).await
}

/// An offer of the employer with this many positions, through its API.
async fn offer(t: &TestApp, by: &TestUser, employer: &str, positions: i32) -> String {
    let body = json!({ "employer_id": employer, "title": "Muratore", "occupation": "7112",
        "skills": ["muratura"], "comune": PESCARA, "hours_per_week": 40, "positions": positions,
        "contract_type": "permanent", "italian_level": "a2", "starts_on": "2027-01-11" });
    let created = t.post(by, "/api/v1/job-offers", body).await.expect(201);
    created["id"].as_str().unwrap().to_owned()
}

/// A consented proposal of the case to the offer, through its API.
async fn propose(t: &TestApp, by: &TestUser, offer: &str, case: &str) -> String {
    let path = format!("/api/v1/job-offers/{offer}/proposals");
    let proposed = t
        .post(by, &path, json!({ "case_id": case, "consent": true }))
        .await
        .expect(201);
    proposed["id"].as_str().unwrap().to_owned()
}

fn date(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

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

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

async fn placements_are_refused_with_the_rules_of_their_kind(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "wp").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let path = format!("/api/v1/cases/{}/work-placements", case.case);
    let empty = t.post(&team.case_manager, &path, json!({})).await.expect(422);
    let fields: Vec<String> = codes(&empty).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["employer_id", "hours_per_week", "starts_on", "kind"]);
    let too_long = json!({ "employer_id": "0190a3b4-0000-7000-8000-000000000000", "kind": "internship",
        "hours_per_week": 30, "starts_on": "2026-08-31", "ends_on": "2027-09-01", "mentor": "Maria Rossi" });
    let reply = t.post(&team.case_manager, &path, too_long).await.expect(422);
    assert_eq!(codes(&reply), [pair("ends_on", "internship_too_long")]);
    let short = json!({ "employer_id": "0190a3b4-0000-7000-8000-000000000000", "kind": "apprenticeship",
        "hours_per_week": 30, "starts_on": "2026-08-31", "ends_on": "2027-01-31" });
    let reply = t.post(&team.case_manager, &path, short).await.expect(422);
    assert_eq!(
        codes(&reply),
        [
            pair("mentor", "mentor_required"),
            pair("ends_on", "apprenticeship_too_short")
        ]
    );
    let job = json!({ "employer_id": "0190a3b4-0000-7000-8000-000000000000", "kind": "employment",
        "contract_type": "fixed_term", "hours_per_week": 40, "starts_on": "2026-08-31" });
    let reply = t.post(&team.case_manager, &path, job).await.expect(422);
    assert_eq!(codes(&reply), [pair("ends_on", "end_required")]);
    // Sound, but the employer is not one of the region.
    let permanent = json!({ "employer_id": "0190a3b4-0000-7000-8000-000000000000", "kind": "employment",
        "contract_type": "permanent", "hours_per_week": 40, "starts_on": "2026-08-31" });
    let reply = t.post(&team.secretariat, &path, permanent).await.expect(422);
    assert_eq!(codes(&reply), [pair("employer_id", "unknown_employer")]);
}

async fn who_records_and_who_reads(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "wp").await;
    let other = InclusionTeam::new(&t, RegionCode::Mar, "other").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let path = format!("/api/v1/cases/{}/work-placements", case.case);
    let permanent = json!({ "employer_id": "0190a3b4-0000-7000-8000-000000000000", "kind": "employment",
        "contract_type": "permanent", "hours_per_week": 40, "starts_on": "2026-08-31" });
    // A service on the team reads, does not record; another region's staff see no such case.
    t.post(&team.service, &path, permanent.clone()).await.expect(403);
    t.post(&other.secretariat, &path, permanent.clone())
        .await
        .expect(404);
    t.post(&other.case_manager, &path, permanent).await.expect(404);
    let listed = t.get(&team.service, &path).await.expect(200);
    assert_eq!(listed, json!([]));
    let page = t
        .get(&team.secretariat, "/api/v1/work-placements")
        .await
        .expect(200);
    assert_eq!(page["total"], 0);
    assert_eq!(
        t.get(&team.case_manager, "/api/v1/follow-ups").await.expect(200),
        json!([])
    );
    t.get(&team.service, "/api/v1/follow-ups").await.expect(403);
    // The portal is the employers' own: a login not linked to one finds none.
    t.get(&team.secretariat, "/api/v1/employer-portal")
        .await
        .expect(403);
    let employer = t.user(Role::Employer, RegionCode::Abr, "wp").await;
    t.get(&employer, "/api/v1/employer-portal").await.expect(404);
    let page = t.get(&employer, "/api/v1/work-placements").await.expect(200);
    assert_eq!(page["total"], 0);
}

async fn a_placement_from_a_proposal_is_followed_up_and_ended(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "wf").await;
    let (firm, _) = employer(&t, &team.secretariat, None).await;
    let offer_id = offer(&t, &team.service, &firm, 2).await;
    let first = team.case_in_inclusion(&t, 1).await;
    let second = team.case_in_inclusion(&t, 2).await;
    let proposals = [
        propose(&t, &team.case_manager, &offer_id, &first.case).await,
        propose(&t, &team.case_manager, &offer_id, &second.case).await,
    ];
    // Started a hundred days ago: the 3-month follow-up is overdue, the others not yet open.
    let starts = chrono::Utc::now().date_naive() - chrono::Duration::days(100);
    let place = |proposal: &str| {
        json!({ "employer_id": firm, "offer_id": offer_id, "proposal_id": proposal,
            "kind": "employment", "contract_type": "permanent", "hours_per_week": 40,
            "starts_on": date(starts) })
    };
    let path = |case: &str| format!("/api/v1/cases/{case}/work-placements");
    let placed = t
        .post(&team.case_manager, &path(&first.case), place(&proposals[0]))
        .await
        .expect(201);
    // The proposal of another person does not fit this case.
    let wrong = t
        .post(&team.case_manager, &path(&first.case), place(&proposals[1]))
        .await
        .expect(422);
    assert_eq!(codes(&wrong), [pair("proposal_id", "proposal_not_for_placement")]);
    let offer_path = format!("/api/v1/job-offers/{offer_id}");
    let listed = t
        .get(&team.case_manager, &format!("{offer_path}/proposals"))
        .await
        .expect(200);
    let status_of = |list: &Value, id: &str| {
        list.as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["status"].clone()
    };
    assert_eq!(status_of(&listed, &proposals[0]), "accepted");
    assert_eq!(status_of(&listed, &proposals[1]), "proposed");
    // One of two positions placed: the offer stays open; both: it is filled.
    assert_eq!(
        t.get(&team.service, &offer_path).await.expect(200)["status"],
        "open"
    );
    t.post(&team.secretariat, &path(&second.case), place(&proposals[1]))
        .await
        .expect(201);
    assert_eq!(
        t.get(&team.service, &offer_path).await.expect(200)["status"],
        "filled"
    );

    // The follow-ups fall 3, 6 and 12 months after the start.
    let id = placed["id"].as_str().unwrap();
    let detail = t
        .get(&team.case_manager, &format!("/api/v1/work-placements/{id}"))
        .await
        .expect(200);
    assert_eq!(detail["person_name"], "Test Persona1");
    assert_eq!(detail["may_record"], true);
    let follow_ups = detail["follow_ups"].as_array().unwrap();
    let schedule: Vec<(i64, String)> = follow_ups
        .iter()
        .map(|f| {
            (
                f["month"].as_i64().unwrap(),
                f["due_on"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let after = |months: u32| date(starts.checked_add_months(chrono::Months::new(months)).unwrap());
    assert_eq!(schedule, [(3, after(3)), (6, after(6)), (12, after(12))]);
    // The due list has the overdue one, not those months away.
    let due = t.get(&team.case_manager, "/api/v1/follow-ups").await.expect(200);
    let due_ids: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(due_ids.contains(&follow_ups[0]["id"].as_str().unwrap()), "{due}");
    assert!(!due_ids.contains(&follow_ups[1]["id"].as_str().unwrap()), "{due}");
    let answer = json!({ "still_employed": true, "same_employer": true,
        "current_contract": "permanent", "notes": "Tutto bene" });
    let follow_up = |n: usize| format!("/api/v1/follow-ups/{}", follow_ups[n]["id"].as_str().unwrap());
    let early = t
        .post(&team.case_manager, &follow_up(1), answer.clone())
        .await
        .expect(422);
    assert_eq!(codes(&early), [pair("due_on", "follow_up_not_due")]);
    // The team's service reads, does not record.
    t.post(&team.service, &follow_up(0), answer.clone())
        .await
        .expect(403);
    let recorded = t
        .post(&team.case_manager, &follow_up(0), answer.clone())
        .await
        .expect(200);
    assert_eq!(recorded["still_employed"], true);
    assert_eq!(recorded["current_contract"], "permanent");
    t.post(&team.secretariat, &follow_up(0), answer).await.expect(409);

    // Ended early with its reason, once.
    let end = format!("/api/v1/work-placements/{id}/end");
    let future = json!({ "ended_on": date(chrono::Utc::now().date_naive() + chrono::Duration::days(1)),
        "reason": "resigned" });
    let reply = t.post(&team.case_manager, &end, future).await.expect(422);
    assert_eq!(codes(&reply), [pair("ended_on", "ended_in_the_future")]);
    let today = json!({ "ended_on": date(chrono::Utc::now().date_naive()), "reason": "resigned",
        "note": "Trasferimento" });
    let ended = t.post(&team.case_manager, &end, today.clone()).await.expect(200);
    assert_eq!(ended["end_reason"], "resigned");
    t.post(&team.case_manager, &end, today).await.expect(409);
    let ended_list = t
        .get(&team.secretariat, "/api/v1/work-placements?status=ended")
        .await
        .expect(200);
    assert_eq!(ended_list["total"], 1);
    // The other, permanent (no end date), is still active.
    let active = t
        .get(&team.secretariat, "/api/v1/work-placements?status=active")
        .await
        .expect(200);
    assert_eq!(active["total"], 1);
    let file = t
        .get(&team.case_manager, &format!("/api/v1/cases/{}", first.case))
        .await
        .expect(200);
    let kinds: Vec<&str> = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"work_placement_started"), "{kinds:?}");
    assert!(kinds.contains(&"follow_up_recorded"), "{kinds:?}");
}

async fn the_portal_shows_the_employer_only_its_own(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "wo").await;
    let (own, login) = employer(&t, &team.secretariat, Some("wo")).await;
    let (rival, rival_login) = employer(&t, &team.secretariat, Some("wr")).await;
    let (login, rival_login) = (login.unwrap(), rival_login.unwrap());
    let own_offer = offer(&t, &team.service, &own, 3).await;
    let rival_offer = offer(&t, &team.service, &rival, 1).await;
    let placed_case = team.case_in_inclusion(&t, 1).await;
    let proposed_case = team.case_in_inclusion(&t, 2).await;
    let rivals_case = team.case_in_inclusion(&t, 3).await;
    propose(&t, &team.case_manager, &own_offer, &proposed_case.case).await;
    propose(&t, &team.case_manager, &rival_offer, &rivals_case.case).await;
    let internship = |employer: &str| {
        json!({ "employer_id": employer, "kind": "internship", "hours_per_week": 30,
            "starts_on": "2026-09-01", "ends_on": "2027-02-28", "mentor": "Maria Rossi",
            "monthly_pay_cents": 60000 })
    };
    let path = |case: &str| format!("/api/v1/cases/{case}/work-placements");
    let mine = t
        .post(&team.case_manager, &path(&placed_case.case), internship(&own))
        .await
        .expect(201);
    let theirs = t
        .post(&team.case_manager, &path(&rivals_case.case), internship(&rival))
        .await
        .expect(201);

    let portal = t.get(&login, "/api/v1/employer-portal").await.expect(200);
    assert_eq!(portal["employer"]["id"], own.as_str());
    let offers: Vec<&str> = portal["open_offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(offers, [own_offer.as_str()]);
    let candidates: Vec<&str> = portal["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person_name"].as_str().unwrap())
        .collect();
    assert_eq!(candidates, ["Test Persona2"]);
    let placements = portal["placements"].as_array().unwrap();
    assert_eq!(placements.len(), 1);
    assert_eq!(placements[0]["id"], mine["id"]);
    assert_eq!(placements[0]["person_name"], "Test Persona1");
    assert_eq!(placements[0]["mentor"], "Maria Rossi");
    // Its own placement it reads, without the follow-ups; another's is not found.
    let own_detail = t
        .get(
            &login,
            &format!("/api/v1/work-placements/{}", mine["id"].as_str().unwrap()),
        )
        .await
        .expect(200);
    assert_eq!(own_detail["follow_ups"], json!([]));
    assert_eq!(own_detail["may_record"], false);
    t.get(
        &login,
        &format!("/api/v1/work-placements/{}", theirs["id"].as_str().unwrap()),
    )
    .await
    .expect(404);
    let listed = t.get(&login, "/api/v1/work-placements").await.expect(200);
    assert_eq!(listed["total"], 1);
    // Nor may it record or end.
    t.post(&login, &path(&placed_case.case), internship(&own))
        .await
        .expect(403);
    let end = json!({ "ended_on": "2026-09-02", "reason": "dismissed" });
    let end_path = format!("/api/v1/work-placements/{}/end", mine["id"].as_str().unwrap());
    let refused = t.post(&login, &end_path, end).await;
    assert!(
        [403, 404].contains(&refused.status.as_u16()),
        "{:?}",
        refused.status
    );
    let rival_portal = t.get(&rival_login, "/api/v1/employer-portal").await.expect(200);
    assert_eq!(rival_portal["placements"][0]["id"], theirs["id"]);
    assert_eq!(rival_portal["candidates"][0]["person_name"], "Test Persona3");
    // The page: home is the portal for an employer's login, with the same.
    let client = t.signed_in(&login).await;
    let home = client.get(t.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 303);
    assert_eq!(home.headers()["location"], "/employer");
    let page = client.get(t.url("/employer")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Test Persona1") && html.contains("Test Persona2"),
        "{html}"
    );
    assert!(!html.contains("Test Persona3"), "{html}");
    let staff = t.signed_in(&team.secretariat).await;
    let refused = staff.get(t.url("/employer")).send().await.unwrap();
    assert_eq!(refused.status(), 403);
}

use Role::{
    Admin as A, Auditor as AU, CaseManager as CM, Coordinator as CO, Employer as E, Frontline as F,
    Secretariat as S, Service as SV,
};

/// (method, OpenAPI path) → the roles allowed on the fixture: the team's
/// case in inclusion placed with the employer of the employer login, started
/// a hundred days ago so that its first follow-up is open.
const EXPECTED: &[(&str, &str, &[Role])] = &[
    // The case's placements: whoever sees the case, and the employer its
    // own of them; recording is the case manager's and the secretariat's.
    ("GET", "/api/v1/cases/{id}/work-placements", &[S, CM, SV, E]),
    ("POST", "/api/v1/cases/{id}/work-placements", &[S, CM]),
    // Placements: the case team, and the employer its own.
    ("GET", "/api/v1/work-placements", &[S, CM, SV, E]),
    ("GET", "/api/v1/work-placements/{id}", &[S, CM, SV, E]),
    ("POST", "/api/v1/work-placements/{id}/end", &[S, CM]),
    // Follow-ups: those who record them.
    ("GET", "/api/v1/follow-ups", &[S, CM]),
    ("POST", "/api/v1/follow-ups/{id}", &[S, CM]),
    // The portal is the employer's own.
    ("GET", "/api/v1/employer-portal", &[E]),
];

struct Fixture {
    case: String,
    employer: String,
    placement: String,
    follow_up: String,
}

fn permanent_job(employer: &str, starts: chrono::NaiveDate) -> Value {
    json!({ "employer_id": employer, "kind": "employment", "contract_type": "permanent",
        "hours_per_week": 40, "starts_on": date(starts) })
}

async fn every_work_placements_route_answers_every_role_as_the_policy_says(backend: Backend) {
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
    let (employer, login) = employer(&t, &team.secretariat, Some("matrix")).await;
    users.push((E, login.unwrap()));
    assert_eq!(users.len(), matrix::ALL_ROLES.len());
    let case = team.case_in_inclusion(&t, 1).await;
    let starts = chrono::Utc::now().date_naive() - chrono::Duration::days(100);
    let placed = t
        .post(
            &team.case_manager,
            &format!("/api/v1/cases/{}/work-placements", case.case),
            permanent_job(&employer, starts),
        )
        .await
        .expect(201);
    let placement = placed["id"].as_str().unwrap().to_owned();
    let detail = t
        .get(
            &team.case_manager,
            &format!("/api/v1/work-placements/{placement}"),
        )
        .await
        .expect(200);
    let fixture = Fixture {
        case: case.case.clone(),
        employer,
        placement,
        follow_up: detail["follow_ups"][0]["id"].as_str().unwrap().to_owned(),
    };

    let routes = matrix::routes(&t, |p| matrix::owned_by(p, matrix::area("work_placements"))).await;
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
        p if p.starts_with("/api/v1/cases/") => fixture.case.as_str(),
        p if p.starts_with("/api/v1/work-placements/") => fixture.placement.as_str(),
        p if p.starts_with("/api/v1/follow-ups/") => fixture.follow_up.as_str(),
        _ => "",
    };
    let today = chrono::Utc::now().date_naive();
    let body = match (method, path) {
        ("POST", "/api/v1/cases/{id}/work-placements") => Some(permanent_job(&fixture.employer, today)),
        ("POST", "/api/v1/work-placements/{id}/end") => {
            Some(json!({ "ended_on": date(today), "reason": "completed" }))
        }
        ("POST", "/api/v1/follow-ups/{id}") => Some(json!({ "still_employed": false })),
        _ => None,
    };
    (path.replace("{id}", id), body)
}

/// The case's placements page in a real browser, checked with axe: a
/// refused placement comes back with what was typed and the reasons, a
/// sound one is listed.
async fn a_placement_is_recorded_through_its_page(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-wp", backend.name())).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "wb").await;
    let (firm, _) = employer(&t, &team.secretariat, None).await;
    let case = team.case_in_inclusion(&t, 1).await;
    let mut w = Walk::new(browser);
    w.sign_in(&team.case_manager).await;
    w.b.open(&format!("/cases/{}", case.case)).await;
    w.follow(&*format!("a[href='/cases/{}/work-placements']", case.case))
        .await;
    w.check("work-placements-case").await;
    w.b.select("#placement-employer_id", &firm).await;
    w.b.select("#placement-kind", "internship").await;
    w.b.fill("#placement-hours_per_week", "30").await;
    w.set_value("#placement-starts_on", "2026-09-01").await;
    w.submit("form[action$='/work-placements'] button[type=submit]")
        .await;
    assert_eq!(w.status().await, 422);
    assert_eq!(w.value("#placement-hours_per_week").await, "30");
    assert_eq!(w.value("#placement-kind").await, "internship");
    assert_eq!(w.count("#placement-mentor[aria-invalid=true]").await, 1);
    assert_eq!(w.count("#placement-ends_on[aria-invalid=true]").await, 1);
    w.check("work-placements-refused").await;
    w.set_value("#placement-ends_on", "2027-02-28").await;
    w.b.fill("#placement-mentor", "Maria Rossi").await;
    w.submit("form[action$='/work-placements'] button[type=submit]")
        .await;
    w.expect_notice().await;
    assert!(w.b.page_text().await.contains("Maria Rossi"));
    w.check("work-placements-recorded").await;
    w.finish().await;
}
