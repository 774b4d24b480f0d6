//! Identity and stay documents over HTTP, on both backends: added, corrected
//! and removed by those who see the person, refused with field errors, not
//! found outside the caller's view; the reminders before a permit expires,
//! raised at 60, 30 and 7 days by a job that may run twice or on two servers
//! at once, closed by a renewal, listed per role and marked done; the pages.

use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, csrf, on_both_backends, spawn};

on_both_backends!(
    documents_are_added_corrected_and_removed,
    documents_outside_the_callers_view_do_not_exist,
    reminders_fall_at_60_30_and_7_days_once_each,
    late_permits_skip_stages_and_renewals_close_reminders,
    reminders_are_listed_and_done_per_role,
    documents_and_reminders_from_the_pages,
    the_document_pages_in_a_browser
);

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A residence permit under art. 18-ter, issued on `issued` and expiring on `expires`.
fn permit(issued: &str, expires: &str) -> Value {
    json!({ "kind": "residence_permit", "permit_type": "art18ter_labour_exploitation", "number": " i0123456 ",
            "issued_by": "Questura di Latina", "issued_on": issued, "expires_on": expires })
}

/// The person of a case, as its file names them.
async fn person_of(t: &TestApp, secretariat: &TestUser, case: &str) -> String {
    let file = t
        .get(secretariat, &format!("/api/v1/cases/{case}"))
        .await
        .expect(200);
    file["person"]["id"].as_str().unwrap().to_owned()
}

async fn add(t: &TestApp, by: &TestUser, person: &str, body: Value) -> String {
    let added = t
        .post(by, &format!("/api/v1/persons/{person}/documents"), body)
        .await
        .expect(201);
    added["id"].as_str().unwrap().to_owned()
}

fn fields(reply: &Value) -> Vec<(String, String)> {
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

/// The kinds of a case's timeline entries.
async fn timeline(t: &TestApp, by: &TestUser, case: &str) -> Vec<String> {
    let file = t.get(by, &format!("/api/v1/cases/{case}")).await.expect(200);
    file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect()
}

/// The open reminders a user sees: (document, stage, assigned to).
async fn reminders(t: &TestApp, by: &TestUser) -> Vec<(String, i64, Option<String>)> {
    let list = t.get(by, "/api/v1/reminders").await.expect(200);
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["document_id"].as_str().unwrap().to_owned(),
                r["stage"].as_i64().unwrap(),
                r["assigned_to"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn documents_are_added_corrected_and_removed(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let path = format!("/api/v1/persons/{person}/documents");

    // A permit without its type, and one that expires before it was issued.
    let mut untyped = permit("2026-05-01", "2027-05-01");
    untyped["permit_type"] = Value::Null;
    let refused = t.post(&manager, &path, untyped).await.expect(422);
    assert_eq!(
        fields(&refused),
        [("permit_type".into(), "permit_type_required".into())]
    );
    let refused = t
        .post(&manager, &path, permit("2026-05-01", "2026-04-30"))
        .await
        .expect(422);
    assert_eq!(
        fields(&refused),
        [("expires_on".into(), "expiry_before_issue".into())]
    );
    let mut typed_passport = permit("2026-05-01", "2036-05-01");
    typed_passport["kind"] = json!("passport");
    let refused = t.post(&manager, &path, typed_passport).await.expect(422);
    assert_eq!(
        fields(&refused),
        [("permit_type".into(), "permit_type_not_for_kind".into())]
    );
    let passport =
        json!({ "kind": "passport", "number": "Z1234567", "issued_by": "IN", "issued_on": "2025-01-10" });
    let refused = t.post(&manager, &path, passport.clone()).await.expect(422);
    assert_eq!(
        fields(&refused),
        [("expires_on".into(), "expiry_required".into())]
    );

    let id = add(&t, &manager, &person, permit("2026-05-01", "2027-05-01")).await;
    let mut passport = passport;
    passport["expires_on"] = json!("2035-01-09");
    add(&t, &secretariat, &person, passport).await;
    let list = t.get(&manager, &path).await.expect(200);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let saved = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.as_str())
        .unwrap();
    assert_eq!(saved["number"], "I0123456");
    assert_eq!(saved["permit_type"], "art18ter_labour_exploitation");
    // The person's file carries them, and the case's timeline says so.
    let file = t
        .get(&secretariat, &format!("/api/v1/persons/{person}"))
        .await
        .expect(200);
    assert_eq!(file["documents"].as_array().unwrap().len(), 2);
    let kinds = timeline(&t, &manager, &case).await;
    assert_eq!(kinds.iter().filter(|k| *k == "document_added").count(), 2);

    // Corrected: the whole document again; refused with the same rules.
    let mut corrected = permit("2026-05-01", "2027-05-02");
    corrected["notes"] = json!("Rinnovo richiesto");
    let updated = t
        .put(&manager, &format!("/api/v1/documents/{id}"), corrected)
        .await
        .expect(200);
    assert_eq!(updated["expires_on"], "2027-05-02");
    assert_eq!(updated["notes"], "Rinnovo richiesto");
    let refused = t
        .put(
            &manager,
            &format!("/api/v1/documents/{id}"),
            permit("2026-05-01", "2025-01-01"),
        )
        .await
        .expect(422);
    assert_eq!(
        fields(&refused),
        [("expires_on".into(), "expiry_before_issue".into())]
    );

    // Removed: gone from the list, a second removal finds nothing.
    let removed = t
        .call(
            Some(&manager),
            reqwest::Method::DELETE,
            &format!("/api/v1/documents/{id}"),
            None,
        )
        .await;
    assert_eq!(removed.status.as_u16(), 204);
    assert_eq!(
        t.get(&manager, &path).await.expect(200).as_array().unwrap().len(),
        1
    );
    let again = t
        .call(
            Some(&manager),
            reqwest::Method::DELETE,
            &format!("/api/v1/documents/{id}"),
            None,
        )
        .await;
    assert_eq!(again.status.as_u16(), 404);

    // Every change is in the audit log, and the reads of the documents.
    let log = t
        .get(&auditor, &format!("/api/v1/audit?entity=document&entity_id={id}"))
        .await
        .expect(200);
    let actions: Vec<_> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["delete", "update", "create"]);
    let reads = t
        .get(
            &auditor,
            &format!("/api/v1/audit?entity=person&entity_id={person}&action=read"),
        )
        .await
        .expect(200);
    assert!(
        reads["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["detail"] == "documents")
    );
}

async fn documents_outside_the_callers_view_do_not_exist(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let other_frontline = t.user(Role::Frontline, RegionCode::Laz, "b").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let tuscany = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "a").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let path = format!("/api/v1/persons/{person}/documents");
    let id = add(&t, &secretariat, &person, permit("2026-05-01", "2027-05-01")).await;
    let document = format!("/api/v1/documents/{id}");

    for outsider in [&tuscany, &other_frontline, &frontline] {
        assert_eq!(
            t.get(outsider, &path).await.status.as_u16(),
            404,
            "{}",
            outsider.user.email
        );
        let reply = t.post(outsider, &path, permit("2026-05-01", "2027-05-01")).await;
        assert_eq!(reply.status.as_u16(), 404);
        let reply = t
            .put(outsider, &document, permit("2026-05-01", "2027-05-01"))
            .await;
        assert_eq!(reply.status.as_u16(), 404);
        let reply = t
            .call(Some(outsider), reqwest::Method::DELETE, &document, None)
            .await;
        assert_eq!(reply.status.as_u16(), 404);
    }
    // Roles that see no persons, or do not keep their documents.
    assert_eq!(t.get(&coordinator, &path).await.status.as_u16(), 403);
    let reply = t.post(&service, &path, permit("2026-05-01", "2027-05-01")).await;
    assert_eq!(reply.status.as_u16(), 403);
    // A malformed id is a bad request, an unknown one is not found.
    assert_eq!(
        t.get(&secretariat, "/api/v1/persons/x/documents")
            .await
            .status
            .as_u16(),
        400
    );
    let unknown = format!("/api/v1/documents/{}", uuid::Uuid::now_v7());
    let reply = t
        .put(&secretariat, &unknown, permit("2026-05-01", "2027-05-01"))
        .await;
    assert_eq!(reply.status.as_u16(), 404);
    // Nothing changed.
    assert_eq!(
        t.get(&manager, &path).await.expect(200).as_array().unwrap().len(),
        1
    );
}

async fn reminders_fall_at_60_30_and_7_days_once_each(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let expiry = day("2027-03-01");
    let id = add(&t, &manager, &person, permit("2026-03-01", "2027-03-01")).await;
    let before = |days: i64| expiry - Duration::days(days);

    assert_eq!(t.app.raise_permit_reminders(before(61)).await.unwrap(), 0);
    assert!(reminders(&t, &manager).await.is_empty());
    assert_eq!(t.app.raise_permit_reminders(before(60)).await.unwrap(), 1);
    let assigned = Some(manager.user.id.to_string());
    assert_eq!(
        reminders(&t, &manager).await,
        [(id.clone(), 60, assigned.clone())]
    );
    // Run again the same day, or the next: nothing new.
    assert_eq!(t.app.raise_permit_reminders(before(60)).await.unwrap(), 0);
    assert_eq!(t.app.raise_permit_reminders(before(31)).await.unwrap(), 0);

    // Two servers at once on the day of the second stage: one reminder.
    let (a, b) = tokio::join!(
        t.app.raise_permit_reminders(before(30)),
        t.app.raise_permit_reminders(before(30))
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    // The newest stage replaces the one still open.
    assert_eq!(
        reminders(&t, &manager).await,
        [(id.clone(), 30, assigned.clone())]
    );
    assert_eq!(t.app.raise_permit_reminders(before(8)).await.unwrap(), 0);
    assert_eq!(t.app.raise_permit_reminders(before(7)).await.unwrap(), 1);
    assert_eq!(t.app.raise_permit_reminders(before(7)).await.unwrap(), 0);
    assert_eq!(reminders(&t, &manager).await, [(id.clone(), 7, assigned)]);

    // The case's timeline shows each reminder, by the system account.
    let file = t
        .get(&manager, &format!("/api/v1/cases/{case}"))
        .await
        .expect(200);
    let raised: Vec<_> = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "permit_reminder")
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_owned(),
                e["actor_name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(raised.len(), 3);
    assert!(
        raised.iter().all(|(_, actor)| actor == "SOLEIL (automatico)"),
        "{raised:?}"
    );
    let mut stages: Vec<_> = raised.iter().map(|(code, _)| code.as_str()).collect();
    stages.sort_unstable();
    assert_eq!(stages, ["30", "60", "7"]);

    // Until the renewal can no longer be asked, 60 days after the expiry.
    assert_eq!(
        t.app
            .raise_permit_reminders(expiry + Duration::days(61))
            .await
            .unwrap(),
        0
    );
}

async fn late_permits_skip_stages_and_renewals_close_reminders(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let today = day("2027-02-09");

    // Recorded 20 days before its expiry: only the 30-day reminder, not the 60-day one too.
    let old = add(&t, &manager, &person, permit("2026-03-01", "2027-03-01")).await;
    assert_eq!(t.app.raise_permit_reminders(today).await.unwrap(), 1);
    assert_eq!(reminders(&t, &manager).await[0].1, 30);
    assert_eq!(reminders(&t, &manager).await.len(), 1);

    // An older passport changes nothing; the receipt of the renewal stands
    // for the permit: the reminder closes and the old permit raises no more.
    let receipt = json!({ "kind": "permit_receipt", "number": "RIC-2027-0001", "issued_by": "Questura di Latina",
                          "issued_on": "2026-11-20" });
    add(&t, &manager, &person, receipt).await;
    assert!(reminders(&t, &manager).await.is_empty());
    assert_eq!(
        t.app
            .raise_permit_reminders(today + Duration::days(15))
            .await
            .unwrap(),
        0
    );

    // The renewed permit, issued later: its own reminders in a year.
    let renewed = add(&t, &manager, &person, permit("2026-11-21", "2027-11-21")).await;
    assert_eq!(t.app.raise_permit_reminders(day("2027-10-01")).await.unwrap(), 1);
    assert_eq!(reminders(&t, &manager).await[0].0, renewed);
    // Correcting the expiry closes the reminder of the old date.
    t.put(
        &manager,
        &format!("/api/v1/documents/{renewed}"),
        permit("2026-11-21", "2028-11-21"),
    )
    .await
    .expect(200);
    assert!(reminders(&t, &manager).await.is_empty());
    // Removing the renewal brings the receipt back as the current document;
    // it has no expiry, so nothing is raised for the old permit either.
    t.call(
        Some(&manager),
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{renewed}"),
        None,
    )
    .await
    .expect(204);
    assert_eq!(t.app.raise_permit_reminders(today).await.unwrap(), 0);
    assert!(!reminders(&t, &manager).await.iter().any(|r| r.0 == old));
}

async fn reminders_are_listed_and_done_per_role(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let other_manager = t.user(Role::CaseManager, RegionCode::Laz, "b").await;
    let tuscany = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let managed = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    // In emergency: no case manager yet, the secretariat follows it.
    let emergency = t.triaged_case(&frontline, &secretariat, None, 2).await;
    let managed_person = person_of(&t, &secretariat, &managed).await;
    let emergency_person = person_of(&t, &secretariat, &emergency).await;
    let first = add(
        &t,
        &secretariat,
        &managed_person,
        permit("2026-03-01", "2027-03-01"),
    )
    .await;
    let second = add(
        &t,
        &secretariat,
        &emergency_person,
        permit("2026-03-02", "2027-03-02"),
    )
    .await;
    assert_eq!(t.app.raise_permit_reminders(day("2027-02-25")).await.unwrap(), 2);

    assert_eq!(reminders(&t, &manager).await.len(), 1);
    assert!(reminders(&t, &other_manager).await.is_empty());
    let seen = reminders(&t, &secretariat).await;
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().any(|r| r.0 == second && r.2.is_none()));
    assert!(reminders(&t, &tuscany).await.is_empty());
    // Admins oversee every region, without the persons' names.
    let all = t.get(&admin, "/api/v1/reminders").await.expect(200);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert!(all.as_array().unwrap().iter().all(|r| r["person_name"].is_null()));
    let named = t.get(&manager, "/api/v1/reminders").await.expect(200);
    assert_eq!(named[0]["person_name"], "Test Persona1");
    assert_eq!(t.get(&frontline, "/api/v1/reminders").await.status.as_u16(), 403);

    let id = |list: &Value, document: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["document_id"] == document)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let all = t.get(&secretariat, "/api/v1/reminders").await.expect(200);
    let (mine, unassigned) = (id(&all, &first), id(&all, &second));
    // Only the case manager it is assigned to, the region's secretariat and admins.
    for outsider in [&other_manager, &tuscany] {
        let reply = t
            .post(outsider, &format!("/api/v1/reminders/{mine}/done"), json!({}))
            .await;
        assert_eq!(reply.status.as_u16(), 404);
    }
    let reply = t
        .post(
            &manager,
            &format!("/api/v1/reminders/{unassigned}/done"),
            json!({}),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 404);
    let done = t
        .post(&manager, &format!("/api/v1/reminders/{mine}/done"), json!({}))
        .await
        .expect(200);
    assert_eq!(done["done_by"], manager.user.id.to_string());
    let again = t
        .post(&manager, &format!("/api/v1/reminders/{mine}/done"), json!({}))
        .await;
    assert_eq!(again.status.as_u16(), 409);
    assert_eq!(again.error_code(), "reminder_done");
    // The emergency case gets its case manager: the reminder is theirs now.
    let planning = json!({ "to": "planning", "case_manager_id": other_manager.user.id,
                           "zonal_group": "Ambito Latina 2" });
    t.post(
        &secretariat,
        &format!("/api/v1/cases/{emergency}/transitions"),
        planning,
    )
    .await
    .expect(200);
    assert_eq!(reminders(&t, &other_manager).await.len(), 1);
    t.post(
        &other_manager,
        &format!("/api/v1/reminders/{unassigned}/done"),
        json!({}),
    )
    .await
    .expect(200);
    assert!(reminders(&t, &secretariat).await.is_empty());
    // Done is done: the same stage is not raised again.
    assert_eq!(t.app.raise_permit_reminders(day("2027-02-26")).await.unwrap(), 0);
}

async fn documents_and_reminders_from_the_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let browser = t.signed_in(&manager).await;
    let (status, show) = t.page(&browser, &format!("/persons/{person}")).await;
    assert_eq!(status, 200);
    assert!(show.contains(r#"id="documents-title""#));
    assert!(show.contains(&format!(r#"action="/persons/{person}/documents""#)));
    let token = csrf(&show);

    // Refused: the form comes back with what was typed and the messages.
    let refused = browser
        .post(t.url(&format!("/persons/{person}/documents")))
        .form(&[
            ("csrf", token.as_str()),
            ("kind", "residence_permit"),
            ("permit_type", ""),
            ("number", "ab123456"),
            ("issued_on", "01/05/2026"),
            ("expires_on", "2026-04-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert!(
        refused.contains(r#"id="document-permit_type-error""#),
        "{refused}"
    );
    assert!(refused.contains(r#"id="document-expires_on-error""#));
    assert!(refused.contains(r#"value="ab123456""#) && refused.contains(r#"value="2026-05-01""#));

    // A permit expiring in ten days, and a passport with a stray permit type
    // (the select stays in the form whatever the kind): both saved.
    let today = chrono::Utc::now().date_naive();
    let soon = (today + Duration::days(10)).format("%Y-%m-%d").to_string();
    for (kind, permit_type, expires) in [
        ("residence_permit", "art18_special_protection", soon.as_str()),
        ("passport", "family", "2034-01-01"),
    ] {
        let added = browser
            .post(t.url(&format!("/persons/{person}/documents")))
            .form(&[
                ("csrf", token.as_str()),
                ("kind", kind),
                ("permit_type", permit_type),
                ("number", "YA1234567"),
                ("issued_on", "2025-12-01"),
                ("expires_on", expires),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(added.status().as_u16(), 303);
    }
    let (_, show) = t
        .page(&browser, &format!("/persons/{person}?done=document-added"))
        .await;
    assert!(show.contains(&soleil_testkit::message(
        "it",
        "permit_type-art18_special_protection"
    )));
    assert!(show.contains("Scade tra 10 giorni"), "{show}");
    let documents = t
        .get(&manager, &format!("/api/v1/persons/{person}/documents"))
        .await
        .expect(200);
    let passport = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "passport")
        .unwrap();
    assert!(passport["permit_type"].is_null());

    // The edit form is filled in; a correction is saved.
    let id = passport["id"].as_str().unwrap();
    let (status, edit) = t.page(&browser, &format!("/documents/{id}/edit")).await;
    assert_eq!(status, 200);
    assert!(edit.contains(r#"value="YA1234567""#) && edit.contains(r#"<option value="passport" selected>"#));
    let saved = browser
        .post(t.url(&format!("/documents/{id}/edit")))
        .form(&[
            ("csrf", token.as_str()),
            ("person_id", person.as_str()),
            ("kind", "passport"),
            ("number", "YA7654321"),
            ("issued_on", "2025-12-01"),
            ("expires_on", "2025-11-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status().as_u16(), 422);
    assert!(
        saved
            .text()
            .await
            .unwrap()
            .contains(&format!(r#"href="/persons/{person}""#))
    );
    let removed = browser
        .post(t.url(&format!("/documents/{id}/remove")))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status().as_u16(), 303);

    // The reminder: on the home page, in the menu, on its page, done there.
    assert_eq!(t.app.raise_permit_reminders_today().await.unwrap(), 1);
    let (_, home) = t.page(&browser, "/").await;
    assert!(home.contains(r#"href="/reminders""#));
    assert!(home.contains("Hai 1 permesso di soggiorno in scadenza da seguire."));
    let (status, list) = t.page(&browser, "/reminders").await;
    assert_eq!(status, 200);
    assert!(list.contains(&format!(r#"href="/persons/{person}""#)));
    assert!(list.contains("mancano 10 giorni"));
    let reminder = t.get(&manager, "/api/v1/reminders").await.expect(200)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = browser
        .post(t.url(&format!("/reminders/{reminder}/done")))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status().as_u16(), 303);
    let (_, list) = t.page(&browser, "/reminders?done=reminder-done").await;
    assert!(list.contains(&soleil_testkit::message("it", "documents-reminders-none")));

    // A front-line operator has no reminders: no menu entry, the page refused.
    let browser = t.signed_in(&frontline).await;
    let (_, home) = t.page(&browser, "/").await;
    assert!(!home.contains(r#"href="/reminders""#));
    assert_eq!(t.page(&browser, "/reminders").await.0, 403);
}

/// In headless Chromium, checked with axe-core: the person's page with
/// documents, a refused document, and the reminders. Skipped without Chromium.
async fn the_document_pages_in_a_browser(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-documents", backend.name());
    let Some(b) = soleil_testkit::browser::Browser::start(&t.base_url, &label).await else {
        return;
    };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let person = person_of(&t, &secretariat, &case).await;
    let today = chrono::Utc::now().date_naive();
    let soon = (today + Duration::days(25)).format("%Y-%m-%d").to_string();
    add(&t, &manager, &person, permit("2026-01-15", &soon)).await;
    let passport = json!({ "kind": "passport", "number": "Z1234567", "issued_by": "IN", "issued_on": "2025-01-10",
                           "expires_on": "2035-01-09" });
    add(&t, &manager, &person, passport).await;
    t.app.raise_permit_reminders_today().await.unwrap();

    // Signing in waits for the home page, so the next page is not raced by its redirect.
    let mut walk = soleil_testkit::browser::Walk::new(b);
    walk.sign_in(&manager).await;
    let b = &mut walk.b;
    b.open(&format!("/persons/{person}")).await;
    b.check("person-with-documents").await;
    b.select("#document-kind", "residence_permit").await;
    b.fill("#document-number", "AB12").await;
    b.follow(fantoccini::Locator::Css(&format!(
        "form[action='/persons/{person}/documents'] button[type=submit]"
    )))
    .await;
    assert!(b.text("#document-permit_type-error").await.len() > 3);
    b.check("document-refused").await;
    b.open("/reminders").await;
    b.check("reminders").await;
    walk.finish().await;
}
