//! Screening instruments over HTTP, on both backends: the catalogue and
//! its versions, evaluation without storage, publishing a new version, and
//! a screening whose indicator sheet orders and explains the queue.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, contact, on_both_backends, spawn};

on_both_backends!(
    the_catalogue_lists_every_instrument_with_its_versions,
    evaluation_explains_each_dimension_and_stores_nothing,
    bad_answers_are_refused_with_the_field_named,
    an_administrator_publishes_a_version_that_never_changes,
    the_queue_orders_by_the_sheet_and_explains_it,
    a_stored_result_keeps_the_version_it_used
);

/// Three medium indicators meet any Delphi dimension.
const DECEPTION: [&str; 3] = [
    "dr_conditions_of_work",
    "dr_contract_content_legality",
    "dr_wages_earnings",
];
const EXPLOITATION: [&str; 3] = [
    "ex_bad_living_conditions",
    "ex_hazardous_work",
    "ex_low_or_no_salary",
];
const COERCION: [&str; 3] = [
    "cd_forced_to_lie",
    "cd_threat_worse_working_conditions",
    "cd_withholding_of_wages",
];

fn yes(groups: &[&[&str]]) -> Value {
    let answers: serde_json::Map<String, Value> = groups
        .iter()
        .flat_map(|group| group.iter())
        .map(|id| ((*id).to_owned(), json!("yes")))
        .collect();
    Value::Object(answers)
}

fn dimension<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

fn outcome<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap()
}

async fn the_catalogue_lists_every_instrument_with_its_versions(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let list = t.get(&frontline, "/api/v1/instruments").await.expect(200);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    for id in ["cp_603bis", "ilo_ec_delphi_labour", "ilo_forced_labour_11"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    let delphi = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "ilo_ec_delphi_labour")
        .unwrap();
    assert_eq!(delphi["current_version"], "2009");
    assert_eq!(delphi["versions"][0]["shipped"], true);

    let definition = t
        .get(&frontline, "/api/v1/instruments/ilo_ec_delphi_labour")
        .await
        .expect(200);
    assert_eq!(definition["indicators"].as_array().unwrap().len(), 67);
    assert!(
        definition["indicators"][0]["question"]["it"]
            .as_str()
            .unwrap()
            .len()
            > 10
    );
    assert!(definition["indicators"][0]["help"]["en"].as_str().unwrap().len() > 10);
    let missing = t.get(&frontline, "/api/v1/instruments/nothing_of_the_kind").await;
    assert_eq!(missing.status, 404);
    let old = t
        .get(
            &frontline,
            "/api/v1/instruments/ilo_ec_delphi_labour?version=1999",
        )
        .await;
    assert_eq!(old.status, 404);
}

async fn evaluation_explains_each_dimension_and_stores_nothing(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let path = "/api/v1/instruments/ilo_ec_delphi_labour/evaluate";

    // Deception, exploitation and coercion: consistent with trafficking.
    let mut answers = yes(&[&DECEPTION, &EXPLOITATION, &COERCION]);
    answers["cr_violence_on_victim"] = json!("unknown");
    answers["vd_economic_reasons"] = json!("no");
    let result = t
        .post(&frontline, path, json!({ "answers": answers }))
        .await
        .expect(200);
    assert_eq!(result["outcome"], "trafficking_indicators");
    assert_eq!(result["priority"], "urgent");
    assert_eq!(result["triage_priority"], "urgent");
    assert_eq!(result["instrument_version"], "2009");
    assert_eq!(dimension(&result, "deceptive_recruitment")["met"], true);
    assert_eq!(
        dimension(&result, "deceptive_recruitment")["present"],
        json!(DECEPTION)
    );
    // Nothing answered in this dimension: not decidable, and every
    // question of it could decide it.
    let vd = dimension(&result, "abuse_of_vulnerability_at_destination");
    assert_eq!(vd["met"], Value::Null);
    assert_eq!(vd["absent"], json!(["vd_economic_reasons"]));
    assert_eq!(vd["could_change"].as_array().unwrap().len(), 6);
    let because = &outcome(&result, "trafficking_indicators")["because"];
    assert!(
        because
            .as_array()
            .unwrap()
            .contains(&json!("exploitative_conditions_of_work"))
    );

    // Without the recruitment answers, trafficking is only possible.
    let partial = t
        .post(
            &frontline,
            path,
            json!({ "answers": yes(&[&EXPLOITATION, &COERCION]) }),
        )
        .await
        .expect(200);
    assert_eq!(partial["outcome"], "exploitation_with_coercion");
    let trafficking = outcome(&partial, "trafficking_indicators");
    assert_eq!(trafficking["met"], Value::Null);
    assert!(
        trafficking["could_change"]
            .as_array()
            .unwrap()
            .contains(&json!("dr_nature_job_location_employer"))
    );

    // Urgent needs weigh into the triage priority, not the outcome's.
    let calm = t
        .post(
            &frontline,
            "/api/v1/instruments/ilo_forced_labour_11/evaluate",
            json!({ "answers": {}, "urgent": { "minors": true } }),
        )
        .await
        .expect(200);
    assert_eq!(calm["priority"], "normal");
    assert_eq!(calm["triage_priority"], "urgent");

    // Evaluating stored nothing: no person, no screening, no case.
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let queue = t.get(&secretariat, "/api/v1/queue").await.expect(200);
    assert_eq!(queue["total"], 0);
}

async fn bad_answers_are_refused_with_the_field_named(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let reply = t
        .post(
            &frontline,
            "/api/v1/instruments/ilo_forced_labour_11/evaluate",
            json!({ "answers": { "fl_isolation": "yes", "dr_wages_earnings": "yes" } }),
        )
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.body["error"]["fields"][0]["field"],
        "answers.dr_wages_earnings"
    );
    let maybe = t
        .post(
            &frontline,
            "/api/v1/instruments/ilo_forced_labour_11/evaluate",
            json!({ "answers": { "fl_isolation": "maybe" } }),
        )
        .await;
    assert_eq!(maybe.status, 400);

    // A screening's sheet is checked the same way, and nothing is saved.
    let mut body = contact("Kaur", false);
    body["screening"]["indicators"] = json!({
        "instrument_id": "ilo_forced_labour_11",
        "answers": { "not_an_indicator": "yes" }
    });
    let refused = t.post(&frontline, "/api/v1/contacts", body).await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.body["error"]["fields"][0]["field"],
        "indicators.answers.not_an_indicator"
    );
    let mut unknown = contact("Kaur", false);
    unknown["screening"]["indicators"] = json!({ "instrument_id": "no_such_instrument" });
    let refused = t.post(&frontline, "/api/v1/contacts", unknown).await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.body["error"]["fields"][0]["code"], "unknown_instrument");
    let persons = t.get(&frontline, "/api/v1/persons").await.expect(200);
    assert_eq!(persons["total"], 0);
}

async fn an_administrator_publishes_a_version_that_never_changes(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let mut definition = t
        .get(&admin, "/api/v1/instruments/ilo_forced_labour_11")
        .await
        .expect(200);

    // A stricter rule: two signs are needed for the dimension.
    definition["version"] = json!("2012.1");
    definition["dimensions"][0]["met_when"] = json!("n >= 2");
    let refused = t
        .post(&frontline, "/api/v1/instruments", definition.clone())
        .await;
    assert_eq!(refused.status, 403);
    let published = t
        .post(&admin, "/api/v1/instruments", definition.clone())
        .await
        .expect(201);
    assert_eq!(published["version"], "2012.1");
    let again = t.post(&admin, "/api/v1/instruments", definition.clone()).await;
    assert_eq!(again.status, 409);
    assert_eq!(again.error_code(), "instrument_version_exists");

    // The newest version is the one used; the older one stays available.
    let list = t.get(&frontline, "/api/v1/instruments").await.expect(200);
    let ilo = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "ilo_forced_labour_11")
        .unwrap();
    assert_eq!(ilo["current_version"], "2012.1");
    assert_eq!(ilo["versions"].as_array().unwrap().len(), 2);
    let one_sign = json!({ "answers": { "fl_isolation": "yes" } });
    let path = "/api/v1/instruments/ilo_forced_labour_11/evaluate";
    let newest = t.post(&frontline, path, one_sign.clone()).await.expect(200);
    assert_eq!(dimension(&newest, "forced_labour")["met"], Value::Null);
    let mut on_old = one_sign;
    on_old["version"] = json!("2012");
    let old = t.post(&frontline, path, on_old).await.expect(200);
    assert_eq!(dimension(&old, "forced_labour")["met"], true);

    // A rule that does not compile, or that a yes could lower, is refused.
    let mut broken = definition.clone();
    broken["version"] = json!("2012.2");
    broken["dimensions"][0]["met_when"] = json!("n >= ");
    broken["outcomes"][0]["when"] = json!("!forced_labour");
    let reply = t.post(&admin, "/api/v1/instruments", broken).await;
    assert_eq!(reply.status, 422);
    let fields: Vec<&str> = reply.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["dimensions[0].met_when", "outcomes[0].when"]);
    assert!(
        reply.body["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("character")
    );
    // The audit log names the published version.
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let audit = t
        .get(&auditor, "/api/v1/audit?entity=instrument_version")
        .await
        .expect(200);
    assert_eq!(audit["items"][0]["entity_id"], "ilo_forced_labour_11@2012.1");
}

/// Sends a first contact with a Delphi sheet; returns the reply body.
async fn report(t: &TestApp, frontline: &TestUser, surname: &str, answers: Value) -> Value {
    let mut body = contact(surname, false);
    body["screening"]["urgent"] = json!({});
    body["screening"]["indicators"] = json!({
        "instrument_id": "ilo_ec_delphi_labour",
        "answers": answers,
        "notes": { "cd_forced_to_lie": "Gli dicono di dire che è un parente." }
    });
    t.post(frontline, "/api/v1/contacts", body).await.expect(201)
}

async fn the_queue_orders_by_the_sheet_and_explains_it(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let calm = report(&t, &frontline, "Kaur", yes(&[&DECEPTION])).await;
    let exploited = report(&t, &frontline, "Gill", yes(&[&EXPLOITATION])).await;
    let trafficked = report(
        &t,
        &frontline,
        "Singh",
        yes(&[&DECEPTION, &EXPLOITATION, &COERCION]),
    )
    .await;
    assert_eq!(calm["screening"]["priority"], "normal");
    assert_eq!(exploited["screening"]["priority"], "high");
    assert_eq!(trafficked["screening"]["priority"], "urgent");
    let stored = &trafficked["screening"];
    assert_eq!(stored["result"]["outcome"], "trafficking_indicators");
    assert_eq!(stored["profile"]["indicators"]["instrument_version"], "2009");
    assert_eq!(
        stored["profile"]["indicators"]["notes"]["cd_forced_to_lie"],
        "Gli dicono di dire che è un parente."
    );

    let queue = t.get(&secretariat, "/api/v1/queue").await.expect(200);
    let surnames: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person_surname"].as_str().unwrap())
        .collect();
    assert_eq!(surnames, ["Singh", "Gill", "Kaur"]);
    assert_eq!(queue["items"][0]["result"]["outcome"], "trafficking_indicators");
    assert_eq!(queue["items"][1]["result"]["outcome"], "exploitation_only");

    // A later, more urgent screening moves the open case up the queue.
    let person = calm["person"]["id"].as_str().unwrap();
    let mut second = contact("Kaur", true)["screening"].clone();
    second["person_id"] = json!(person);
    second["send"] = json!(true);
    t.post(&frontline, "/api/v1/screenings", second).await.expect(201);
    let queue = t.get(&secretariat, "/api/v1/queue").await.expect(200);
    let first = &queue["items"][0];
    assert_eq!(first["priority"], "urgent");
    assert_eq!(first["urgent"]["danger"], true);
}

async fn a_stored_result_keeps_the_version_it_used(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let sent = report(
        &t,
        &frontline,
        "Singh",
        yes(&[&DECEPTION, &EXPLOITATION, &COERCION]),
    )
    .await;

    // A new version where deception alone can never be met.
    let mut definition = t
        .get(&admin, "/api/v1/instruments/ilo_ec_delphi_labour")
        .await
        .expect(200);
    definition["version"] = json!("2009.1");
    definition["dimensions"][0]["met_when"] = json!("s >= 2");
    t.post(&admin, "/api/v1/instruments", definition)
        .await
        .expect(201);

    let id = sent["screening"]["id"].as_str().unwrap();
    let screening = t
        .get(&frontline, &format!("/api/v1/screenings/{id}"))
        .await
        .expect(200);
    assert_eq!(screening["result"]["instrument_version"], "2009");
    assert_eq!(screening["result"]["outcome"], "trafficking_indicators");
}
