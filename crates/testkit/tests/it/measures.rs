//! Support measures through the API: budget lines with their figures, who
//! sees and changes them; disbursements computed from the class register to
//! the cent, refused at the edges of their line's money, decided, paid and
//! stated; the area's policy matrix.

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{
    InclusionCase, InclusionTeam, add_session, attend, course_body, enrol, today,
};
use soleil_testkit::{Backend, Reply, TestApp, TestUser, matrix, on_both_backends, spawn};

on_both_backends!(
    a_budget_line_is_opened_read_and_resized_by_its_region,
    an_allowance_follows_the_register_to_the_cent,
    a_line_never_pays_more_than_it_holds,
    a_disbursement_is_decided_paid_and_stated,
    every_measures_route_answers_every_role_as_the_policy_says,
);

/// A line paying attendance allowances from today for a year.
fn line_body(code: &str, amount: &str) -> Value {
    let today = Utc::now().date_naive();
    json!({
        "funding_source": "fse_plus",
        "code": code,
        "name": "Indennità di frequenza laboratori",
        "measures": ["attendance_allowance"],
        "amount": amount,
        "per_person_cap": "500,00",
        "valid_from": today.to_string(),
        "valid_to": (today + Duration::days(365)).to_string(),
    })
}

async fn a_budget_line_is_opened_read_and_resized_by_its_region(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "lines").await;
    let line = t
        .post(
            &team.secretariat,
            "/api/v1/budget-lines",
            line_body("FSE-1", "1.000,00"),
        )
        .await
        .expect(201);
    assert_eq!(line["amount"], json!(100_000));
    assert_eq!(line["remaining"], json!(100_000));
    let path = format!("/api/v1/budget-lines/{}", line["id"].as_str().unwrap());

    let again = t
        .post(
            &team.secretariat,
            "/api/v1/budget-lines",
            line_body("FSE-1", "10.000,00"),
        )
        .await
        .expect(422);
    assert_eq!(again["error"]["fields"][0]["code"], "budget_code_taken");

    let listed = t
        .get(&team.case_manager, "/api/v1/budget-lines")
        .await
        .expect(200);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let denied = t
        .post(
            &team.case_manager,
            "/api/v1/budget-lines",
            line_body("FSE-2", "10.000,00"),
        )
        .await;
    assert_eq!(denied.status.as_u16(), 403);

    let resized = t
        .put(
            &team.secretariat,
            &format!("{path}/amount"),
            json!({ "amount": "1.500,50" }),
        )
        .await
        .expect(200);
    assert_eq!(resized["amount"], json!(150_050));

    let elsewhere = t.user(Role::Secretariat, RegionCode::Laz, "lines").await;
    t.get(&elsewhere, &path).await.expect(404);
    assert!(
        t.get(&elsewhere, "/api/v1/budget-lines")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// A line of `amount` for `measures` from today for a year, no cap.
fn uncapped_line(code: &str, amount: &str, measures: &[&str]) -> Value {
    let mut body = line_body(code, amount);
    body["measures"] = json!(measures);
    body["per_person_cap"] = Value::Null;
    body
}

async fn open_line(t: &TestApp, team: &InclusionTeam, body: Value) -> String {
    let line = t
        .post(&team.secretariat, "/api/v1/budget-lines", body)
        .await
        .expect(201);
    line["id"].as_str().unwrap().to_owned()
}

/// Proposes a disbursement on the case as its manager.
async fn propose(t: &TestApp, team: &InclusionTeam, case: &InclusionCase, body: Value) -> Reply {
    let path = format!("/api/v1/cases/{}/disbursements", case.case);
    t.post(&team.case_manager, &path, body).await
}

/// A voucher of `amount` from `line` for the first week of the line.
fn voucher(line: &str, amount: &str) -> Value {
    json!({ "budget_line_id": line, "measure": "transport_voucher", "amount": amount,
            "period_from": today().to_string(), "period_to": (today() + Duration::days(6)).to_string() })
}

/// The allowance of `enrolment` for the days `from..=to` after today.
fn allowance(line: &str, enrolment: &str, from: i64, to: i64) -> Value {
    json!({ "budget_line_id": line, "measure": "attendance_allowance", "enrolment_id": enrolment,
            "period_from": (today() + Duration::days(from)).to_string(),
            "period_to": (today() + Duration::days(to)).to_string() })
}

/// Calls a decision (`approve`, `refuse`, `pay`, `cancel`) on a disbursement.
async fn decide(t: &TestApp, by: &TestUser, id: &Value, action: &str, body: Value) -> Reply {
    let path = format!("/api/v1/disbursements/{}/{action}", id.as_str().unwrap());
    t.post(by, &path, body).await
}

/// The one refused field's code and message.
fn refusal(reply: &Value) -> (String, String) {
    let field = &reply["error"]["fields"][0];
    (
        field["code"].as_str().unwrap_or_default().to_owned(),
        field["message"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn an_allowance_follows_the_register_to_the_cent(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "allowance").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let line = open_line(
        &t,
        &team,
        uncapped_line("FSE-IND", "1.000,00", &["attendance_allowance"]),
    )
    .await;

    // 3,50 € an hour attended, paid from 70% of the period's sessions.
    let mut body = course_body(&team, "empowerment", 12);
    body["allowance_threshold_percent"] = json!("70");
    let course = t
        .post(&team.secretariat, "/api/v1/courses", body)
        .await
        .expect(201);
    let course = course["id"].as_str().unwrap();
    let first = add_session(&t, &team.service, course, 1, "2:30").await;
    let second = add_session(&t, &team.service, course, 2, "1:40").await;
    add_session(&t, &team.service, course, 3, "1:00").await;
    let enrolment = enrol(&t, &team.case_manager, &case, course).await.expect(201);
    let enrolment = enrolment["id"].as_str().unwrap();

    // 2 h 30 at 3,50 € is 8,75 €, exactly.
    attend(&t, &team.service, &first, enrolment, 150)
        .await
        .expect(200);
    let paid = propose(&t, &team, &case, allowance(&line, enrolment, 1, 1))
        .await
        .expect(201);
    assert_eq!(paid["amount"], 875);
    assert_eq!(paid["status"], "proposed");
    assert_eq!(
        paid["computation"],
        json!({ "attended_minutes": 150, "scheduled_minutes": 150, "hourly_rate": 350,
                "threshold_percent": 70, "rounded": false })
    );
    // A period a standing proposal pays is not paid twice.
    let twice = propose(&t, &team, &case, allowance(&line, enrolment, 1, 2))
        .await
        .expect(422);
    assert_eq!(refusal(&twice).0, "period_already_paid");

    // 69 of 100 minutes is below 70%: refused, and the message says by how much.
    attend(&t, &team.service, &second, enrolment, 69)
        .await
        .expect(200);
    let below = propose(&t, &team, &case, allowance(&line, enrolment, 2, 2))
        .await
        .expect(422);
    let (code, message) = refusal(&below);
    assert_eq!(code, "attendance_below_threshold");
    assert!(message.contains("69% / 70%"), "{message}");
    // 70 minutes is the threshold: 70 × 3,50 / 60 = 4,0833… is 4,08 €, rounded.
    attend(&t, &team.service, &second, enrolment, 70)
        .await
        .expect(200);
    let at = propose(&t, &team, &case, allowance(&line, enrolment, 2, 2))
        .await
        .expect(201);
    assert_eq!(
        (at["amount"].as_i64(), at["computation"]["rounded"].as_bool()),
        (Some(408), Some(true))
    );

    // Nobody attended the third session: nothing to pay.
    let none = propose(&t, &team, &case, allowance(&line, enrolment, 3, 3))
        .await
        .expect(422);
    assert_eq!(refusal(&none).0, "no_attendance_in_period");
    // The amount of an allowance is computed, never typed.
    let mut typed = allowance(&line, enrolment, 3, 3);
    typed["amount"] = json!("100,00");
    let typed = propose(&t, &team, &case, typed).await.expect(422);
    assert_eq!(refusal(&typed).0, "amount_is_computed");

    // 50 minutes at 3,33 € is 2,775 €: half a cent rounds up to 2,78 €.
    let mut body = course_body(&team, "empowerment", 12);
    body["hourly_allowance"] = json!("3,33");
    let other = t
        .post(&team.secretariat, "/api/v1/courses", body)
        .await
        .expect(201);
    let other = other["id"].as_str().unwrap();
    let short = add_session(&t, &team.service, other, 4, "0:50").await;
    let second_enrolment = enrol(&t, &team.case_manager, &case, other).await.expect(201);
    let second_enrolment = second_enrolment["id"].as_str().unwrap();
    attend(&t, &team.service, &short, second_enrolment, 50)
        .await
        .expect(200);
    let rounded = propose(&t, &team, &case, allowance(&line, second_enrolment, 4, 4))
        .await
        .expect(201);
    assert_eq!(rounded["amount"], 278);

    // Another person's enrolment is not this case's to claim.
    let stranger = team.case_in_inclusion(&t, 2).await;
    let claimed = propose(&t, &team, &stranger, allowance(&line, enrolment, 1, 1))
        .await
        .expect(422);
    assert_eq!(refusal(&claimed).0, "unknown_enrolment");
}

async fn a_line_never_pays_more_than_it_holds(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "edges").await;
    let (first, second) = (
        team.case_in_inclusion(&t, 1).await,
        team.case_in_inclusion(&t, 2).await,
    );
    let line = open_line(
        &t,
        &team,
        uncapped_line("FSE-VT", "10,00", &["transport_voucher"]),
    )
    .await;

    // Proposals hold nothing: both pass, only one fits when approved.
    let six = propose(&t, &team, &first, voucher(&line, "6,00"))
        .await
        .expect(201);
    let over = propose(&t, &team, &second, voucher(&line, "4,01"))
        .await
        .expect(201);
    decide(&t, &team.secretariat, &six["id"], "approve", json!({}))
        .await
        .expect(200);
    let (code, message) = refusal(
        &decide(&t, &team.secretariat, &over["id"], "approve", json!({}))
            .await
            .expect(422),
    );
    assert_eq!(code, "budget_exhausted");
    assert!(
        message.contains("4,00"),
        "the message names what is left: {message}"
    );
    // Exactly what is left fits; one cent more does not.
    let fits = propose(&t, &team, &second, voucher(&line, "4,00"))
        .await
        .expect(201);
    decide(&t, &team.secretariat, &fits["id"], "approve", json!({}))
        .await
        .expect(200);
    let cent = propose(&t, &team, &first, voucher(&line, "0,01"))
        .await
        .expect(422);
    assert_eq!(refusal(&cent).0, "budget_exhausted");
    let figures = t
        .get(&team.secretariat, &format!("/api/v1/budget-lines/{line}"))
        .await
        .expect(200);
    assert_eq!(
        (figures["committed"].as_i64(), figures["remaining"].as_i64()),
        (Some(1000), Some(0))
    );
    // A line pays only its measures, within its dates.
    let mut housing = voucher(&line, "1,00");
    housing["measure"] = json!("housing_voucher");
    let housing = propose(&t, &team, &first, housing).await.expect(422);
    assert_eq!(refusal(&housing).0, "measure_not_on_line");
    let mut early = voucher(&line, "0,01");
    early["period_from"] = json!((today() - Duration::days(1)).to_string());
    let early = propose(&t, &team, &first, early).await.expect(422);
    assert!(
        early["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "outside_line_period"),
        "{early:#}"
    );

    // A cap per person: 10,00 € each, whatever the line holds.
    let mut capped_body = line_body("FSE-CAP2", "100,00");
    capped_body["per_person_cap"] = json!("10,00");
    capped_body["measures"] = json!(["transport_voucher"]);
    let capped_line = open_line(&t, &team, capped_body).await;
    let first_six = propose(&t, &team, &first, voucher(&capped_line, "6,00"))
        .await
        .expect(201);
    decide(&t, &team.secretariat, &first_six["id"], "approve", json!({}))
        .await
        .expect(200);
    let (code, message) = refusal(
        &propose(&t, &team, &first, voucher(&capped_line, "4,01"))
            .await
            .expect(422),
    );
    assert_eq!(code, "per_person_cap_exceeded");
    assert!(message.contains("4,00"), "{message}");
    propose(&t, &team, &first, voucher(&capped_line, "4,00"))
        .await
        .expect(201);
    // The cap is the person's: someone else still has their own.
    propose(&t, &team, &second, voucher(&capped_line, "10,00"))
        .await
        .expect(201);

    // A line lowered after a proposal: the approval checks it again.
    let lowered = open_line(
        &t,
        &team,
        uncapped_line("FSE-LOW", "20,00", &["transport_voucher"]),
    )
    .await;
    let pending = propose(&t, &team, &first, voucher(&lowered, "15,00"))
        .await
        .expect(201);
    t.put(
        &team.secretariat,
        &format!("/api/v1/budget-lines/{lowered}/amount"),
        json!({ "amount": "10,00" }),
    )
    .await
    .expect(200);
    let late = decide(&t, &team.secretariat, &pending["id"], "approve", json!({}))
        .await
        .expect(422);
    assert_eq!(refusal(&late).0, "budget_exhausted");
    // What an approval holds cannot be taken back by lowering the line.
    let small = propose(&t, &team, &first, voucher(&lowered, "8,00"))
        .await
        .expect(201);
    decide(&t, &team.secretariat, &small["id"], "approve", json!({}))
        .await
        .expect(200);
    let below = t
        .put(
            &team.secretariat,
            &format!("/api/v1/budget-lines/{lowered}/amount"),
            json!({ "amount": "7,99" }),
        )
        .await
        .expect(422);
    assert_eq!(refusal(&below).0, "budget_below_committed");
}

async fn a_disbursement_is_decided_paid_and_stated(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "decide").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let line = open_line(
        &t,
        &team,
        uncapped_line("FSE-DEC", "1.000,00", &["transport_voucher"]),
    )
    .await;
    let paid = propose(&t, &team, &case, voucher(&line, "25,00"))
        .await
        .expect(201);

    // The case manager proposes; the secretariat of the region decides.
    let denied = decide(&t, &team.case_manager, &paid["id"], "approve", json!({})).await;
    assert_eq!(denied.status.as_u16(), 403);
    let elsewhere = t.user(Role::Secretariat, RegionCode::Laz, "decide").await;
    let path = format!("/api/v1/disbursements/{}", paid["id"].as_str().unwrap());
    t.get(&elsewhere, &path).await.expect(404);
    let unpaid = decide(
        &t,
        &team.secretariat,
        &paid["id"],
        "pay",
        json!({ "paid_on": today().to_string(), "payment_reference": "TRN1" }),
    )
    .await;
    assert_eq!(
        (unpaid.status.as_u16(), unpaid.error_code()),
        (409, "disbursement_not_approved")
    );
    let approved = decide(&t, &team.secretariat, &paid["id"], "approve", json!({}))
        .await
        .expect(200);
    assert_eq!(approved["status"], "approved");
    let again = decide(&t, &team.secretariat, &paid["id"], "approve", json!({})).await;
    assert_eq!(
        (again.status.as_u16(), again.error_code()),
        (409, "disbursement_not_proposed")
    );
    let tomorrow = (today() + Duration::days(1)).to_string();
    let future = decide(
        &t,
        &team.secretariat,
        &paid["id"],
        "pay",
        json!({ "paid_on": tomorrow, "payment_reference": "TRN1" }),
    )
    .await
    .expect(422);
    assert_eq!(refusal(&future).0, "paid_in_the_future");
    let done = decide(
        &t,
        &team.secretariat,
        &paid["id"],
        "pay",
        json!({ "paid_on": today().to_string(), "payment_reference": "TRN 0001" }),
    )
    .await
    .expect(200);
    assert_eq!(
        (done["status"].as_str(), done["payment_reference"].as_str()),
        (Some("paid"), Some("TRN 0001"))
    );
    let late = decide(&t, &team.case_manager, &paid["id"], "cancel", json!({})).await;
    assert_eq!(
        (late.status.as_u16(), late.error_code()),
        (409, "disbursement_not_cancellable")
    );

    // A refusal needs its reason; a cancelled proposal frees nothing it held.
    let refused = propose(&t, &team, &case, voucher(&line, "40,00"))
        .await
        .expect(201);
    let silent = decide(&t, &team.secretariat, &refused["id"], "refuse", json!({}))
        .await
        .expect(422);
    assert_eq!(refusal(&silent).0, "required");
    let refused = decide(
        &t,
        &team.secretariat,
        &refused["id"],
        "refuse",
        json!({ "reason": "Abbonamento già coperto dal Comune" }),
    )
    .await
    .expect(200);
    assert_eq!(refused["refusal_reason"], "Abbonamento già coperto dal Comune");
    let withdrawn = propose(&t, &team, &case, voucher(&line, "5,00"))
        .await
        .expect(201);
    decide(&t, &team.case_manager, &withdrawn["id"], "cancel", json!({}))
        .await
        .expect(200);

    // The lists: the case's, the region's queue (empty now), the case manager's.
    let of_case = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/disbursements", case.case),
        )
        .await
        .expect(200);
    assert_eq!(of_case.as_array().unwrap().len(), 3);
    assert_eq!(of_case[0]["person_name"], "Test Persona1");
    assert_eq!(of_case[0]["budget_line_code"], "FSE-DEC");
    let queue = t
        .get(&team.secretariat, "/api/v1/disbursements?status=proposed")
        .await
        .expect(200);
    assert_eq!(queue["total"], 0);
    let mine = t
        .get(&team.case_manager, "/api/v1/disbursements")
        .await
        .expect(200);
    assert_eq!(mine["total"], 3);
    t.get(&elsewhere, &format!("/api/v1/cases/{}/disbursements", case.case))
        .await
        .expect(404);

    // The timeline tells the person's team what happened.
    let file = t
        .get(&team.case_manager, &format!("/api/v1/cases/{}", case.case))
        .await
        .expect(200);
    let kinds: Vec<&str> = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    for kind in [
        "disbursement_proposed",
        "disbursement_decided",
        "disbursement_paid",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }

    // The statement of the line for the month: every row, only the paid counted.
    let from = today().to_string();
    let to = (today() + Duration::days(30)).to_string();
    let query = format!("/api/v1/statements?budget_line={line}&from={from}&to={to}");
    let statement = t.get(&team.secretariat, &query).await.expect(200);
    assert_eq!(statement["rows"].as_array().unwrap().len(), 3);
    assert_eq!(
        (
            statement["paid"].as_i64(),
            statement["approved"].as_i64(),
            statement["proposed"].as_i64()
        ),
        (Some(2500), Some(0), Some(0))
    );
    assert_eq!(statement["budget_line"]["code"], "FSE-DEC");
    let of_person = format!("/api/v1/statements?person={}&from={from}&to={to}", case.person);
    let of_person = t.get(&team.secretariat, &of_person).await.expect(200);
    assert_eq!(of_person["person_name"], "Test Persona1");
    assert_eq!(of_person["paid"], 2500);
    let before = format!("/api/v1/statements?budget_line={line}&from=2020-01-01&to=2020-12-31");
    assert!(
        t.get(&team.secretariat, &before).await.expect(200)["rows"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let neither = t
        .get(
            &team.secretariat,
            &format!("/api/v1/statements?from={from}&to={to}"),
        )
        .await
        .expect(422);
    assert_eq!(refusal(&neither).0, "statement_of_line_or_person");
    assert_eq!(t.get(&team.case_manager, &query).await.status.as_u16(), 403);
    t.get(&elsewhere, &query).await.expect(404);
}

use Role::{Admin as A, CaseManager as CM, Coordinator as CO, Secretariat as S};

const EXPECTED: &[(&str, &str, &[Role])] = &[
    // Lines carry no names: the region's staff who plan with them read them.
    ("GET", "/api/v1/budget-lines", &[S, CM, CO, A]),
    ("POST", "/api/v1/budget-lines", &[S, A]),
    ("GET", "/api/v1/budget-lines/{id}", &[S, CM, CO, A]),
    ("PUT", "/api/v1/budget-lines/{id}/amount", &[S, A]),
    // Disbursements name persons: the secretariat and the case's manager.
    ("GET", "/api/v1/cases/{id}/disbursements", &[S, CM]),
    ("POST", "/api/v1/cases/{id}/disbursements", &[S, CM]),
    ("GET", "/api/v1/disbursements", &[S, CM]),
    ("GET", "/api/v1/disbursements/{id}", &[S, CM]),
    ("POST", "/api/v1/disbursements/{id}/approve", &[S]),
    ("POST", "/api/v1/disbursements/{id}/refuse", &[S]),
    ("POST", "/api/v1/disbursements/{id}/pay", &[S]),
    ("POST", "/api/v1/disbursements/{id}/cancel", &[S, CM]),
    // Statements are the region's expense reporting.
    ("GET", "/api/v1/statements", &[S]),
];

async fn every_measures_route_answers_every_role_as_the_policy_says(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "matrix").await;
    let users = team.every_role(&t).await;
    let case = team.case_in_inclusion(&t, 1).await;
    let line = open_line(
        &t,
        &team,
        uncapped_line("FSE-MX", "1.000,00", &["transport_voucher"]),
    )
    .await;
    let disbursement = propose(&t, &team, &case, voucher(&line, "1,00"))
        .await
        .expect(201);
    let disbursement = disbursement["id"].as_str().unwrap().to_owned();

    let routes = matrix::routes(&t, |p| matrix::owned_by(p, matrix::area("measures"))).await;
    matrix::assert_listed(&routes, EXPECTED);
    matrix::assert_answers(&t, &users, EXPECTED, |method, path, n| {
        let id = match path {
            p if p.starts_with("/api/v1/budget-lines/") => line.clone(),
            p if p.starts_with("/api/v1/disbursements/") => disbursement.clone(),
            _ => case.case.clone(),
        };
        let body = match (method, path) {
            ("POST", "/api/v1/budget-lines") => Some(line_body(&format!("MX-{n}"), "10,00")),
            ("PUT", _) => Some(json!({ "amount": "2.000,00" })),
            ("POST", _) => Some(json!({})),
            _ => None,
        };
        let concrete = match path {
            "/api/v1/statements" => format!("{path}?budget_line={line}&from=2026-01-01&to=2027-12-31"),
            _ => path.replace("{id}", &id),
        };
        async move { (concrete, body) }
    })
    .await;
}
