//! One person, one record, over HTTP on both backends: the intake check
//! within the caller's view, hidden matches told only to the secretariat,
//! the confirmation of a new person, merges that move screenings and cases
//! and undos that move exactly those back, pairs marked distinct, and who
//! may do what.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::browser::{Browser, Walk};
use soleil_testkit::{Backend, TestApp, TestUser, contact, on_both_backends, spawn};

on_both_backends!(
    the_intake_check_finds_a_variant_spelling_the_operator_may_see,
    a_match_outside_the_view_says_only_hidden_and_opens_a_pair,
    visible_matches_need_the_operator_to_confirm_a_new_person,
    a_merge_moves_screenings_and_cases_and_its_undo_moves_them_back,
    a_pair_marked_distinct_is_never_proposed_again,
    only_the_secretariat_and_admins_reconcile_and_across_regions_only_admins,
    the_contact_form_shows_the_matches_and_the_secretariat_compares_the_pair
);

fn mohamed() -> Value {
    json!({ "given_name": "Mohamed", "surname": "Ali Hassan", "sex": "male", "nationality": "EG",
            "date_of_birth": "1994-01-01", "phone": "+39 320 555 0101" })
}

fn muhammad() -> Value {
    json!({ "given_name": "Muhammad", "surname": "Ali Hasan", "sex": "male", "nationality": "EG",
            "date_of_birth": "1994-01-01", "phone": "+39 320 555 0101" })
}

fn stranger() -> Value {
    json!({ "given_name": "Gurpreet", "surname": "Kaur", "sex": "female", "nationality": "IN",
            "date_of_birth": "1987-09-23" })
}

/// A first contact of this person, sent to the secretariat.
fn contact_of(person: Value, confirm: bool) -> Value {
    let mut body = contact("unused", false);
    body["person"] = person;
    body["confirm_new_person"] = json!(confirm);
    body
}

async fn record(t: &TestApp, user: &TestUser, person: Value) -> Value {
    t.post(user, "/api/v1/contacts", contact_of(person, true))
        .await
        .expect(201)
}

async fn open_pairs(t: &TestApp, user: &TestUser) -> Vec<Value> {
    let list = t.get(user, "/api/v1/identity/pairs").await.expect(200);
    list["items"].as_array().unwrap().clone()
}

async fn audit_count(t: &TestApp, admin: &TestUser, query: &str) -> u64 {
    let list = t.get(admin, &format!("/api/v1/audit?{query}")).await.expect(200);
    list["total"].as_u64().unwrap()
}

async fn the_intake_check_finds_a_variant_spelling_the_operator_may_see(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let first = record(&t, &frontline, mohamed()).await;
    let first_id = first["person"]["id"].as_str().unwrap();

    let report = t
        .post(&frontline, "/api/v1/persons/matches", muhammad())
        .await
        .expect(200);
    let visible = report["visible"].as_array().unwrap();
    assert_eq!(visible.len(), 1, "{report:#}");
    assert_eq!(visible[0]["person_id"], first_id);
    assert_eq!(visible[0]["display_name"], "Mohamed Ali Hassan");
    assert_eq!(visible[0]["date_of_birth"], "1994-01-01");
    assert!(
        !visible[0]["recorded_by_organisation"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let fields: Vec<&str> = visible[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"date_of_birth"), "{fields:?}");
    assert_eq!(report["hidden"], false);
    // Showing a candidate is a read of their identity.
    assert!(
        audit_count(
            &t,
            &admin,
            &format!("action=read&entity=person&entity_id={first_id}")
        )
        .await
            >= 1
    );

    let none = t
        .post(&frontline, "/api/v1/persons/matches", stranger())
        .await
        .expect(200);
    assert_eq!(none, json!({ "visible": [], "hidden": false }));
    // Anonymous contacts are not checked.
    let anonymous = json!({ "anonymous": true, "alias": "Mohamed, about 30" });
    let none = t
        .post(&frontline, "/api/v1/persons/matches", anonymous)
        .await
        .expect(200);
    assert_eq!(none["visible"], json!([]));
}

async fn a_match_outside_the_view_says_only_hidden_and_opens_a_pair(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let recorder = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let other = t.user(Role::Frontline, RegionCode::Laz, "b").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let first = record(&t, &recorder, mohamed()).await;
    let first_id = first["person"]["id"].as_str().unwrap().to_owned();

    // Another desk's operator does not see the person recorded by the first.
    let reply = t.post(&other, "/api/v1/persons/matches", muhammad()).await;
    let text = reply.body.to_string();
    let report = reply.expect(200);
    assert_eq!(report, json!({ "visible": [], "hidden": true }));
    for secret in ["Mohamed", "Hassan", "laz", "Laz", &first_id] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }

    // Recording needs no confirmation (nothing was shown) and tells the secretariat.
    let second = t
        .post(&other, "/api/v1/contacts", contact_of(muhammad(), false))
        .await
        .expect(201);
    assert_eq!(second["secretariat_will_reconcile"], true);
    let second_id = second["person"]["id"].as_str().unwrap();
    let pairs = open_pairs(&t, &secretariat).await;
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    let names = [
        pairs[0]["left"]["display_name"].as_str().unwrap(),
        pairs[0]["right"]["display_name"].as_str().unwrap(),
    ];
    assert!(names.contains(&"Mohamed Ali Hassan") && names.contains(&"Muhammad Ali Hasan"));
    let ids = [&pairs[0]["left"]["person_id"], &pairs[0]["right"]["person_id"]];
    assert!(ids.contains(&&json!(first_id)) && ids.contains(&&json!(second_id)));
    assert_eq!(pairs[0]["may_decide"], true);
}

async fn visible_matches_need_the_operator_to_confirm_a_new_person(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let first = record(&t, &frontline, mohamed()).await;

    let refused = t
        .post(&frontline, "/api/v1/contacts", contact_of(muhammad(), false))
        .await;
    assert_eq!(refused.status.as_u16(), 409, "{:#}", refused.body);
    assert_eq!(refused.error_code(), "possible_duplicates");
    assert_eq!(
        refused.body["error"]["matches"]["visible"][0]["person_id"],
        first["person"]["id"]
    );
    let refused = t.post(&frontline, "/api/v1/persons", muhammad()).await;
    assert_eq!(refused.status.as_u16(), 409);
    assert_eq!(refused.error_code(), "possible_duplicates");
    // Nothing was recorded.
    let persons = t.get(&frontline, "/api/v1/persons").await.expect(200);
    assert_eq!(persons["total"], 1);
    assert!(open_pairs(&t, &secretariat).await.is_empty());

    let confirmed = t
        .post(&frontline, "/api/v1/contacts", contact_of(muhammad(), true))
        .await
        .expect(201);
    assert_eq!(confirmed["secretariat_will_reconcile"], false);
    let mut person = muhammad();
    person["confirm_new_person"] = json!(true);
    t.post(&frontline, "/api/v1/persons", person).await.expect(201);
    // The secretariat is told of every person recorded beside a match.
    assert_eq!(open_pairs(&t, &secretariat).await.len(), 3);
}

async fn a_merge_moves_screenings_and_cases_and_its_undo_moves_them_back(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let first = record(&t, &frontline, mohamed()).await;
    let second = record(&t, &frontline, muhammad()).await;
    let (survivor, merged) = (
        first["person"]["id"].as_str().unwrap().to_owned(),
        second["person"]["id"].as_str().unwrap().to_owned(),
    );
    let pairs = open_pairs(&t, &secretariat).await;
    assert_eq!(pairs.len(), 1);
    let pair = pairs[0]["id"].as_str().unwrap().to_owned();
    let view = t
        .get(&secretariat, &format!("/api/v1/identity/pairs/{pair}"))
        .await
        .expect(200);
    assert!(!view["evidence"].as_array().unwrap().is_empty(), "{view:#}");

    let bad = t
        .post(
            &secretariat,
            &format!("/api/v1/identity/pairs/{pair}/merge"),
            json!({ "survivor": admin.user.id }),
        )
        .await;
    assert_eq!(bad.status.as_u16(), 422, "{:#}", bad.body);
    let merge = t
        .post(
            &secretariat,
            &format!("/api/v1/identity/pairs/{pair}/merge"),
            json!({ "survivor": survivor }),
        )
        .await
        .expect(200);
    let merge_id = merge["id"].as_str().unwrap().to_owned();

    let file = t
        .get(&secretariat, &format!("/api/v1/persons/{survivor}"))
        .await
        .expect(200);
    assert_eq!(file["screenings"].as_array().unwrap().len(), 2);
    assert_eq!(file["cases"].as_array().unwrap().len(), 2);
    // Each moved case keeps its origin and shows the merge on its timeline.
    let moved_case = second["screening"]["case_id"].as_str().unwrap();
    let case = t
        .get(&secretariat, &format!("/api/v1/cases/{moved_case}"))
        .await
        .expect(200);
    assert_eq!(case["case"]["person_id"], json!(survivor));
    let timeline = case.to_string();
    assert!(timeline.contains("persons_merged"), "{case:#}");
    t.get(&secretariat, &format!("/api/v1/persons/{merged}"))
        .await
        .expect(404);
    let list = t.get(&secretariat, "/api/v1/persons").await.expect(200);
    assert_eq!(soleil_testkit::ids(&list["items"]), vec![survivor.clone()]);
    assert!(open_pairs(&t, &secretariat).await.is_empty());
    // A merged person never matches again.
    let report = t
        .post(&frontline, "/api/v1/persons/matches", muhammad())
        .await
        .expect(200);
    let visible: Vec<&Value> = report["visible"].as_array().unwrap().iter().collect();
    assert!(
        visible.iter().all(|m| m["person_id"] == json!(survivor)),
        "{report:#}"
    );

    t.post(
        &secretariat,
        &format!("/api/v1/identity/merges/{merge_id}/undo"),
        json!({}),
    )
    .await
    .expect(200);
    let again = t
        .post(
            &secretariat,
            &format!("/api/v1/identity/merges/{merge_id}/undo"),
            json!({}),
        )
        .await;
    assert_eq!(again.error_code(), "merge_already_undone");
    // Given back by the undo, the person matches again.
    let report = t
        .post(&secretariat, "/api/v1/persons/matches", muhammad())
        .await
        .expect(200);
    let matched: Vec<&Value> = report["visible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["person_id"])
        .collect();
    assert!(matched.contains(&&json!(merged)), "{report:#}");
    for (person, contact) in [(&survivor, &first), (&merged, &second)] {
        let file = t
            .get(&secretariat, &format!("/api/v1/persons/{person}"))
            .await
            .expect(200);
        let screenings: Vec<&Value> = file["screenings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| &s["id"])
            .collect();
        assert_eq!(screenings, vec![&contact["screening"]["id"]]);
        let cases = file["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 1);
    }
    // The pair is open again, for a decision.
    assert_eq!(open_pairs(&t, &secretariat).await.len(), 1);
    assert_eq!(
        audit_count(&t, &admin, "entity=person_merge&action=create").await,
        1
    );
    assert_eq!(
        audit_count(&t, &admin, "entity=person_merge&action=update").await,
        1
    );
    assert!(
        audit_count(
            &t,
            &admin,
            &format!("entity=person&action=update&entity_id={merged}")
        )
        .await
            >= 2
    );
}

async fn a_pair_marked_distinct_is_never_proposed_again(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    record(&t, &frontline, mohamed()).await;
    record(&t, &frontline, muhammad()).await;
    record(&t, &frontline, stranger()).await;
    let pairs = open_pairs(&t, &secretariat).await;
    assert_eq!(pairs.len(), 1);
    let pair = pairs[0]["id"].as_str().unwrap();
    t.post(
        &secretariat,
        &format!("/api/v1/identity/pairs/{pair}/distinct"),
        json!({}),
    )
    .await
    .expect(204);
    let again = t
        .post(
            &secretariat,
            &format!("/api/v1/identity/pairs/{pair}/distinct"),
            json!({}),
        )
        .await;
    assert_eq!(again.error_code(), "pair_not_open");

    let sweep = t
        .post(&secretariat, "/api/v1/identity/sweep", json!({}))
        .await
        .expect(200);
    assert_eq!(sweep["persons"], 3);
    assert_eq!(sweep["opened"], 0, "{sweep:#}");
    assert!(open_pairs(&t, &secretariat).await.is_empty());
    assert_eq!(
        audit_count(&t, &admin, "entity=identity_pair&action=update").await,
        1
    );
    // An admin names the region to sweep.
    let unnamed = t.post(&admin, "/api/v1/identity/sweep", json!({})).await;
    assert_eq!(unnamed.status.as_u16(), 422);
    t.post(&admin, "/api/v1/identity/sweep", json!({ "region": "laz" }))
        .await
        .expect(200);
}

async fn only_the_secretariat_and_admins_reconcile_and_across_regions_only_admins(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let lazio = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let tuscany = t.user(Role::Frontline, RegionCode::Tos, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let tuscan_secretariat = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let first = record(&t, &lazio, mohamed()).await;
    let second = t
        .post(&tuscany, "/api/v1/contacts", contact_of(muhammad(), false))
        .await
        .expect(201);
    assert_eq!(second["secretariat_will_reconcile"], true);

    for user in [&lazio, &manager] {
        assert_eq!(t.get(user, "/api/v1/identity/pairs").await.status.as_u16(), 403);
    }
    // Each region's secretariat sees its own person and only that a
    // possible duplicate exists elsewhere.
    let pairs = open_pairs(&t, &secretariat).await;
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["left"]["person_id"], first["person"]["id"]);
    assert_eq!(pairs[0]["right"], Value::Null);
    assert_eq!(pairs[0]["cross_region"], true);
    assert_eq!(pairs[0]["may_decide"], false);
    let pair = pairs[0]["id"].as_str().unwrap().to_owned();
    let view = t
        .get(&secretariat, &format!("/api/v1/identity/pairs/{pair}"))
        .await
        .expect(200);
    assert!(!view.to_string().contains("Muhammad"), "{view:#}");
    let tuscan = open_pairs(&t, &tuscan_secretariat).await;
    assert_eq!(tuscan[0]["left"]["person_id"], second["person"]["id"]);

    let survivor = json!({ "survivor": first["person"]["id"] });
    let path = format!("/api/v1/identity/pairs/{pair}/merge");
    for user in [&lazio, &manager, &secretariat, &tuscan_secretariat] {
        assert_eq!(t.post(user, &path, survivor.clone()).await.status.as_u16(), 403);
    }
    let merge = t.post(&admin, &path, survivor).await.expect(200);
    let merges = t.get(&secretariat, "/api/v1/identity/merges").await.expect(200);
    assert_eq!(merges["items"][0]["may_undo"], false);
    let undo = format!("/api/v1/identity/merges/{}/undo", merge["id"].as_str().unwrap());
    assert_eq!(t.post(&secretariat, &undo, json!({})).await.status.as_u16(), 403);
    t.post(&admin, &undo, json!({})).await.expect(200);
}

/// In a real browser (screenshots and axe-core): the contact form shown
/// again with a possible match, the confirmation of a new person, then the
/// secretariat's queue and the pair side by side.
async fn the_contact_form_shows_the_matches_and_the_secretariat_compares_the_pair(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-identity", backend.name())).await else {
        return;
    };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    record(&t, &frontline, mohamed()).await;
    let mut w = Walk::new(browser);

    w.sign_in(&frontline).await;
    w.b.open("/contacts/new").await;
    w.b.fill("#given_name", "Muhammad").await;
    w.b.fill("#surname", "Ali Hasan").await;
    w.b.select("#sex", "male").await;
    w.set_value("#date_of_birth", "1994-01-01").await;
    w.b.fill("#nationality", "EG").await;
    w.b.select("#contact_channel", "desk").await;
    w.b.select("#sector", "agriculture").await;
    w.b.select("#legal_status", "permit_expired").await;
    w.submit("form[action='/contacts/new'] button[name=send]").await;
    assert_eq!(w.b.path().await, "/contacts/new");
    assert!(w.b.page_text().await.contains("Mohamed Ali Hassan"));
    assert_eq!(w.value("#given_name").await, "Muhammad");
    w.check("contact-matches").await;

    w.tick("#confirm_new_person").await;
    w.submit("form[action='/contacts/new'] button[name=send]").await;
    assert!(w.b.path().await.starts_with("/persons/"), "{}", w.b.path().await);
    w.sign_out().await;

    w.sign_in(&secretariat).await;
    w.follow("nav a[href='/identity']").await;
    w.check("identity-queue").await;
    w.follow("main tbody a").await;
    assert!(w.b.path().await.starts_with("/identity/pairs/"));
    let text = w.b.page_text().await;
    assert!(
        text.contains("Mohamed Ali Hassan") && text.contains("Muhammad Ali Hasan"),
        "{text}"
    );
    w.check("identity-pair").await;
    w.finish().await;
}
