//! Labs through the API: a course with its calendar, persons enrolled from
//! cases in inclusion, the class register, completion at the threshold and
//! its undoing by a correction, the certificate, who sees whom, and the
//! area's policy matrix.

use chrono::Duration;
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{
    InclusionCase, InclusionTeam, add_session, attend, course_body, create_course, enrol, today,
};
use soleil_testkit::{Backend, TestApp, TestUser, matrix, on_both_backends, spawn};

on_both_backends!(
    a_person_attends_a_lab_completes_it_and_gets_a_certificate,
    enrolment_is_refused_when_the_rules_say_so,
    names_are_shown_only_to_those_who_may_see_them,
    every_courses_route_answers_every_role_as_the_policy_says,
);

async fn enrolment_of(t: &TestApp, by: &TestUser, case: &InclusionCase) -> Value {
    let list = t
        .get(by, &format!("/api/v1/cases/{}/enrolments", case.case))
        .await
        .expect(200);
    list[0].clone()
}

/// The certificate as bytes, and its status.
async fn certificate(t: &TestApp, by: &TestUser, enrolment: &str) -> (u16, Vec<u8>) {
    let response = reqwest::Client::new()
        .get(t.url(&format!("/api/v1/enrolments/{enrolment}/certificate")))
        .bearer_auth(&by.token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

async fn a_person_attends_a_lab_completes_it_and_gets_a_certificate(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "labs").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let course = create_course(&t, &team, "empowerment", 12).await;
    let detail = t
        .get(&team.case_manager, &format!("/api/v1/courses/{course}"))
        .await
        .expect(200);
    assert_eq!(detail["course"]["planned_minutes"], 600);
    assert_eq!(detail["course"]["completion_percent"], 70);
    assert_eq!(detail["course"]["hourly_allowance_cents"], 350);
    assert_eq!(detail["course"]["modules"].as_array().unwrap().len(), 5);
    let first = add_session(&t, &team.service, &course, 1, "4").await;
    let second = add_session(&t, &team.service, &course, 2, "3:00").await;

    let enrolled = enrol(&t, &team.case_manager, &case, &course).await.expect(201);
    assert_eq!(enrolled["status"], "enrolled");
    let enrolment = enrolled["id"].as_str().unwrap().to_owned();
    let again = enrol(&t, &team.case_manager, &case, &course).await;
    assert_eq!(
        (again.status.as_u16(), again.error_code()),
        (409, "already_enrolled")
    );

    // The register offers the person; more than the session is refused.
    let register = t
        .get(&team.service, &format!("/api/v1/sessions/{first}/attendance"))
        .await
        .expect(200);
    assert_eq!(register["lines"][0]["person_name"], "Test Persona1");
    let over = attend(&t, &team.service, &first, &enrolment, 241)
        .await
        .expect(422);
    assert_eq!(over["error"]["fields"][0]["code"], "attendance_exceeds_session");
    // The register is a list of lines, not one line.
    let one_line = json!({ "enrolment_id": enrolment, "minutes": 60 });
    t.put(
        &team.service,
        &format!("/api/v1/sessions/{first}/attendance"),
        one_line,
    )
    .await
    .expect(400);

    // 240 + 179 = 419 minutes: one short of 70% of 600.
    attend(&t, &team.service, &first, &enrolment, 240)
        .await
        .expect(200);
    attend(&t, &team.service, &second, &enrolment, 179)
        .await
        .expect(200);
    let view = enrolment_of(&t, &team.case_manager, &case).await;
    assert_eq!(
        (view["status"].as_str(), view["attended_minutes"].as_i64()),
        (Some("enrolled"), Some(419))
    );
    let (status, _) = certificate(&t, &team.case_manager, &enrolment).await;
    assert_eq!(status, 409, "no certificate before completion");

    // Exactly at the threshold: completed on the day of the second session.
    attend(&t, &team.service, &second, &enrolment, 180)
        .await
        .expect(200);
    let view = enrolment_of(&t, &team.case_manager, &case).await;
    assert_eq!(view["status"], "completed");
    assert_eq!(view["completed_on"], (today() + Duration::days(2)).to_string());
    assert_eq!(view["attended_percent"], 70);

    // A correction below the bar reverts it; restoring completes it again.
    attend(&t, &team.secretariat, &second, &enrolment, 100)
        .await
        .expect(200);
    let view = enrolment_of(&t, &team.case_manager, &case).await;
    assert_eq!(
        (view["status"].as_str(), view["completed_on"].as_str()),
        (Some("enrolled"), None)
    );
    attend(&t, &team.service, &second, &enrolment, 180)
        .await
        .expect(200);

    let (status, pdf) = certificate(&t, &team.case_manager, &enrolment).await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("Test Persona1"), "the certificate names the person");
    assert!(text.contains("Laboratorio empowerment"));

    // With the empowerment path completed, a professional lab takes the person.
    let professional = create_course(&t, &team, "professional", 12).await;
    enrol(&t, &team.case_manager, &case, &professional)
        .await
        .expect(201);
    let timeline = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/transitions", case.case),
        )
        .await
        .expect(200);
    let kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"enrolled_in_course"), "{kinds:?}");
    assert!(kinds.contains(&"course_completed"), "{kinds:?}");

    // Withdrawing frees the place and keeps the record.
    let list = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/enrolments", case.case),
        )
        .await
        .expect(200);
    let latest = list[0]["id"].as_str().unwrap();
    let withdrawn = t
        .post(
            &team.case_manager,
            &format!("/api/v1/enrolments/{latest}/withdraw"),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(withdrawn["status"], "withdrawn");
}

async fn enrolment_is_refused_when_the_rules_say_so(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "rules").await;
    let first = team.case_in_inclusion(&t, 1).await;
    let second = team.case_in_inclusion(&t, 2).await;

    let professional = create_course(&t, &team, "professional", 5).await;
    let refused = enrol(&t, &team.case_manager, &first, &professional)
        .await
        .expect(422);
    assert_eq!(refused["error"]["fields"][0]["code"], "empowerment_required");

    let small = create_course(&t, &team, "empowerment", 1).await;
    enrol(&t, &team.case_manager, &first, &small).await.expect(201);
    let full = enrol(&t, &team.case_manager, &second, &small).await;
    assert_eq!((full.status.as_u16(), full.error_code()), (409, "course_full"));

    let triaged = t
        .triaged_case(&team.frontline, &team.secretariat, Some(&team.case_manager), 3)
        .await;
    let early = t
        .post(
            &team.case_manager,
            &format!("/api/v1/cases/{triaged}/enrolments"),
            json!({ "course_id": small }),
        )
        .await;
    assert_eq!(
        (early.status.as_u16(), early.error_code()),
        (409, "case_not_in_inclusion")
    );

    // Bad input is named field by field.
    let mut bad = course_body(&team, "professional", 5);
    bad["sector"] = Value::Null;
    bad["planned_hours"] = json!("401");
    bad["hourly_allowance"] = json!("3,5 euro");
    let invalid = t
        .post(&team.secretariat, "/api/v1/courses", bad)
        .await
        .expect(422);
    let codes: Vec<&str> = invalid["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "sector_required",
            "planned_hours_out_of_range",
            "invalid_allowance"
        ]
    );
    let session = json!({ "date": (today() + Duration::days(60)).to_string(), "start_time": "9",
                          "duration": "2,5" });
    let invalid = t
        .post(
            &team.service,
            &format!("/api/v1/courses/{small}/sessions"),
            session,
        )
        .await
        .expect(422);
    assert_eq!(invalid["error"]["fields"][0]["code"], "session_outside_course");
    assert_eq!(invalid["error"]["fields"][1]["code"], "invalid_start_time");
}

async fn names_are_shown_only_to_those_who_may_see_them(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "own").await;
    let other = InclusionTeam::new(&t, RegionCode::Abr, "other").await;
    let mine = team.case_in_inclusion(&t, 1).await;
    let theirs = other.case_in_inclusion(&t, 2).await;
    let course = create_course(&t, &team, "empowerment", 10).await;
    enrol(&t, &team.case_manager, &mine, &course).await.expect(201);
    enrol(&t, &other.case_manager, &theirs, &course).await.expect(201);
    let path = format!("/api/v1/courses/{course}");

    let names = |detail: &Value| -> Vec<String> {
        detail["enrolments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["person_name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let manager = t.get(&team.case_manager, &path).await.expect(200);
    assert_eq!(
        names(&manager),
        ["Test Persona1"],
        "a case manager sees only own enrolments"
    );
    let training_body = t.get(&team.service, &path).await.expect(200);
    assert_eq!(names(&training_body).len(), 2, "the training body sees its class");
    let secretariat = t.get(&other.secretariat, &path).await.expect(200);
    assert_eq!(
        names(&secretariat).len(),
        2,
        "the region's secretariat sees the class"
    );
    assert_eq!(secretariat["taken_places"], 2);
    let frontline = t.get(&team.frontline, &path).await.expect(200);
    assert_eq!(names(&frontline).len(), 0, "the catalogue carries no names");

    let elsewhere = t.user(Role::Secretariat, RegionCode::Laz, "elsewhere").await;
    t.get(&elsewhere, &path).await.expect(404);
    let catalogue = t.get(&elsewhere, "/api/v1/courses").await.expect(200);
    assert_eq!(catalogue, json!([]));

    // Another case manager cannot read or enrol from a case not theirs.
    t.get(
        &other.case_manager,
        &format!("/api/v1/cases/{}/enrolments", mine.case),
    )
    .await
    .expect(404);
    let audit = t.user(Role::Auditor, RegionCode::Abr, "audit").await;
    let log = t.get(&audit, "/api/v1/audit?per_page=200").await.expect(200);
    assert!(
        log.to_string().contains("enrolled persons of course"),
        "reading names is audited"
    );
}

use Role::{
    Admin as A, Auditor as AU, CaseManager as CM, Coordinator as CO, Employer as E, Frontline as F,
    Secretariat as S, Service as SV,
};

/// (method, OpenAPI path) → the roles allowed on the fixture: a lab of the
/// team's job centre, a session of it, and the team's case in inclusion
/// with its person enrolled.
const EXPECTED: &[(&str, &str, &[Role])] = &[
    // The catalogue: everyone of the region (admins of any), no names.
    ("GET", "/api/v1/courses", &[F, S, CM, SV, CO, A]),
    ("POST", "/api/v1/courses", &[S, SV, A]),
    ("GET", "/api/v1/courses/{id}", &[F, S, CM, SV, CO, A]),
    // The training body, the region's secretariat and admins run the lab.
    ("PUT", "/api/v1/courses/{id}", &[S, SV, A]),
    ("POST", "/api/v1/courses/{id}/sessions", &[S, SV, A]),
    ("POST", "/api/v1/sessions/{id}/cancel", &[S, SV, A]),
    // The register names persons: the training body and the secretariat.
    ("GET", "/api/v1/sessions/{id}/attendance", &[S, SV]),
    ("PUT", "/api/v1/sessions/{id}/attendance", &[S, SV]),
    // The case's enrolments: whoever sees the case; enrolling is its
    // manager's and the secretariat's.
    ("GET", "/api/v1/cases/{id}/enrolments", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/enrolments", &[S, CM]),
    ("POST", "/api/v1/enrolments/{id}/withdraw", &[S, CM]),
    ("GET", "/api/v1/enrolments/{id}/certificate", &[S, CM, SV]),
];

struct Fixture {
    course: String,
    session: String,
    case: String,
    enrolment: String,
}

async fn every_courses_route_answers_every_role_as_the_policy_says(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "matrix").await;
    let mut users = vec![
        (F, team.frontline.clone()),
        (S, team.secretariat.clone()),
        (CM, team.case_manager.clone()),
        (SV, team.service.clone()),
    ];
    for role in [CO, A, AU, E] {
        users.push((role, t.user(role, RegionCode::Abr, "matrix").await));
    }
    assert_eq!(users.len(), matrix::ALL_ROLES.len());
    let case = team.case_in_inclusion(&t, 1).await;
    let course = create_course(&t, &team, "empowerment", 200).await;
    let session = add_session(&t, &team.service, &course, 1, "2").await;
    let enrolment = enrol(&t, &team.case_manager, &case, &course).await.expect(201);
    let fixture = Fixture {
        course,
        session,
        case: case.case.clone(),
        enrolment: enrolment["id"].as_str().unwrap().to_owned(),
    };

    let routes = matrix::routes(&t, |p| matrix::owned_by(p, matrix::area("courses"))).await;
    matrix::assert_listed(&routes, EXPECTED);
    matrix::assert_answers(&t, &users, EXPECTED, |method, path, _| {
        let (t, team, fixture) = (&t, &team, &fixture);
        async move { probe(t, team, fixture, method, path).await }
    })
    .await;
}

/// The concrete path and body of one line.
async fn probe(
    t: &TestApp,
    team: &InclusionTeam,
    fixture: &Fixture,
    method: &str,
    path: &str,
) -> (String, Option<Value>) {
    let session = if path == "/api/v1/sessions/{id}/cancel" {
        // Each call cancels a session of its own.
        add_session(t, &team.secretariat, &fixture.course, 3, "1").await
    } else {
        fixture.session.clone()
    };
    let id = match path {
        p if p.starts_with("/api/v1/courses/") => fixture.course.clone(),
        p if p.starts_with("/api/v1/sessions/") => session,
        p if p.starts_with("/api/v1/cases/") => fixture.case.clone(),
        p if p.starts_with("/api/v1/enrolments/") => fixture.enrolment.clone(),
        _ => String::new(),
    };
    let body = match (method, path) {
        ("POST", "/api/v1/courses") | ("PUT", "/api/v1/courses/{id}") => {
            Some(course_body(team, "empowerment", 200))
        }
        ("POST", "/api/v1/courses/{id}/sessions") => Some(json!({
            "date": (today() + Duration::days(4)).to_string(), "start_time": "14:00", "duration": "1" })),
        ("PUT", "/api/v1/sessions/{id}/attendance") => {
            Some(json!([{ "enrolment_id": fixture.enrolment, "minutes": 60 }]))
        }
        ("POST", "/api/v1/cases/{id}/enrolments") => Some(json!({ "course_id": fixture.course })),
        ("POST", _) => Some(json!({})),
        _ => None,
    };
    (path.replace("{id}", &id), body)
}
