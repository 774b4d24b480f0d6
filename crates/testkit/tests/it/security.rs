//! Who sees what, the audit trail, sign-in protection and error answers.

use reqwest::{Method, StatusCode};
use serde_json::json;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, PASSWORD, TestApp, TestUser, contact, on_both_backends, spawn};
use sqlx::Connection;

on_both_backends!(
    nothing_crosses_regions,
    a_recorder_sees_a_person_until_triage,
    coordinators_see_aggregates_only,
    reads_and_changes_are_audited_and_the_log_is_append_only,
    bad_requests_get_clear_errors,
    sign_in_is_rate_limited_and_forms_need_the_session_token,
);

async fn sent_case(t: &TestApp, frontline: &TestUser) -> (String, String) {
    let sent = t
        .post(frontline, "/api/v1/contacts", contact("Ahmed", false))
        .await
        .expect(201);
    (
        sent["person"]["id"].as_str().unwrap().to_owned(),
        sent["screening"]["case_id"].as_str().unwrap().to_owned(),
    )
}

async fn nothing_crosses_regions(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let lazio = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let tuscany = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let (person, case) = sent_case(&t, &frontline).await;
    t.get(&lazio, &format!("/api/v1/cases/{case}")).await.expect(200);
    assert_eq!(
        t.get(&tuscany, &format!("/api/v1/cases/{case}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.get(&tuscany, &format!("/api/v1/persons/{person}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.get(&tuscany, "/api/v1/queue").await.expect(200)["total"], 0);
    assert_eq!(t.get(&lazio, "/api/v1/queue").await.expect(200)["total"], 1);
    let emergency = json!({ "decision": "emergency_response" });
    let assess = t
        .post(&tuscany, &format!("/api/v1/cases/{case}/assessment"), emergency)
        .await;
    assert_eq!(assess.status, StatusCode::NOT_FOUND);
    // Users of another region cannot be picked as case manager.
    let manager = t.user(Role::CaseManager, RegionCode::Tos, "a").await;
    let body =
        json!({ "decision": "personalised_path", "zonal_group": "Z", "case_manager_id": manager.user.id });
    let refused = t
        .post(&lazio, &format!("/api/v1/cases/{case}/assessment"), body)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["error"]["fields"][0]["code"], "not_a_case_manager");
}

async fn a_recorder_sees_a_person_until_triage(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let colleague = t.user(Role::Frontline, RegionCode::Laz, "b").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let (person, case) = sent_case(&t, &frontline).await;
    t.get(&frontline, &format!("/api/v1/persons/{person}"))
        .await
        .expect(200);
    t.get(&frontline, &format!("/api/v1/cases/{case}"))
        .await
        .expect(200);
    assert_eq!(
        t.get(&colleague, &format!("/api/v1/persons/{person}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.get(&colleague, "/api/v1/persons").await.expect(200)["total"], 0);
    t.post(
        &secretariat,
        &format!("/api/v1/cases/{case}/assessment"),
        json!({ "decision": "emergency_response" }),
    )
    .await
    .expect(200);
    assert_eq!(
        t.get(&frontline, &format!("/api/v1/persons/{person}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.get(&frontline, &format!("/api/v1/cases/{case}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.get(&frontline, "/api/v1/persons").await.expect(200)["total"], 0);
}

async fn coordinators_see_aggregates_only(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "a").await;
    let other = t.user(Role::Coordinator, RegionCode::Abr, "a").await;
    let (person, _) = sent_case(&t, &frontline).await;
    assert_eq!(
        t.get(&coordinator, "/api/v1/persons").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.get(&coordinator, &format!("/api/v1/persons/{person}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let stats = t.get(&coordinator, "/api/v1/statistics/cases").await.expect(200);
    assert_eq!(
        (stats["region"].as_str(), stats["total"].as_i64()),
        (Some("laz"), Some(1))
    );
    let reported = stats["by_state"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == "reported")
        .unwrap();
    assert_eq!(reported["cases"], 1);
    assert_eq!(
        t.get(&other, "/api/v1/statistics/cases").await.expect(200)["total"],
        0
    );
}

async fn reads_and_changes_are_audited_and_the_log_is_append_only(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let (person, _) = sent_case(&t, &frontline).await;
    t.get(&secretariat, &format!("/api/v1/persons/{person}"))
        .await
        .expect(200);

    let log = t
        .get(
            &auditor,
            &format!("/api/v1/audit?entity=person&entity_id={person}"),
        )
        .await
        .expect(200);
    let events: Vec<(String, String)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor_email"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        events.contains(&("create".into(), frontline.user.email.clone())),
        "{events:?}"
    );
    assert!(
        events.contains(&("read".into(), secretariat.user.email.clone())),
        "{events:?}"
    );
    let reads = t
        .get(&auditor, "/api/v1/audit?action=read&per_page=1")
        .await
        .expect(200);
    assert_eq!(reads["items"].as_array().unwrap().len(), 1);
    assert!(reads["total"].as_i64().unwrap() >= 1);
    assert_eq!(
        t.get(&secretariat, "/api/v1/audit").await.status,
        StatusCode::FORBIDDEN
    );

    // Underneath the API too, history cannot be rewritten.
    let refused = match t.backend {
        Backend::Sqlite => {
            let mut db = sqlx::SqliteConnection::connect(&t.database_url).await.unwrap();
            sqlx::query("UPDATE audit_events SET detail = 'x'")
                .execute(&mut db)
                .await
                .is_err()
                && sqlx::query("DELETE FROM audit_events")
                    .execute(&mut db)
                    .await
                    .is_err()
        }
        Backend::Postgres => {
            let mut db = sqlx::PgConnection::connect(&t.database_url).await.unwrap();
            sqlx::query("UPDATE audit_events SET detail = 'x'")
                .execute(&mut db)
                .await
                .is_err()
                && sqlx::query("DELETE FROM audit_events")
                    .execute(&mut db)
                    .await
                    .is_err()
        }
    };
    assert!(refused, "the audit log accepted an update or a delete");
}

async fn bad_requests_get_clear_errors(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let raw = |path: &str, body: &'static str, content_type: &'static str| {
        t.browser()
            .post(t.url(path))
            .bearer_auth(&frontline.token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let broken = raw("/api/v1/persons", "{\"surname\": ", "application/json")
        .await
        .unwrap();
    assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = broken.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_request");
    let wrong_type = raw("/api/v1/persons", "surname=x", "text/plain").await.unwrap();
    assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // An object's fields in an array are not an object: serde would read
    // them in order.
    let fields_in_order = t.post(&frontline, "/api/v1/persons", json!(["X", null])).await;
    assert_eq!(
        (fields_in_order.status, fields_in_order.error_code()),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    let bad_enum = t
        .post(
            &frontline,
            "/api/v1/persons",
            json!({ "surname": "X", "sex": "robot" }),
        )
        .await;
    assert_eq!(bad_enum.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        t.get(&frontline, "/api/v1/persons/not-a-uuid").await.error_code(),
        "invalid_request"
    );
    assert_eq!(
        t.get(&frontline, "/api/v1/persons?page=abc").await.status,
        StatusCode::BAD_REQUEST
    );
    let unknown = t.get(&frontline, "/api/v1/nothing-here").await;
    assert_eq!(
        (unknown.status, unknown.error_code()),
        (StatusCode::NOT_FOUND, "not_found")
    );

    let invalid = t
        .post(
            &frontline,
            "/api/v1/persons",
            json!({ "surname": " ", "nationality": "Italy" }),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = invalid.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["nationality", "surname"]);

    let english = t
        .browser()
        .get(t.url("/api/v1/queue"))
        .bearer_auth(&frontline.token)
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = english.json().await.unwrap();
    assert_eq!(body["error"]["message"], "You are not allowed to do this.");

    // An impossible transition names the allowed ones.
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let (_, case) = sent_case(&t, &frontline).await;
    let jump = t
        .post(
            &secretariat,
            &format!("/api/v1/cases/{case}/transitions"),
            json!({ "to": "inclusion" }),
        )
        .await;
    assert_eq!(
        (jump.status, jump.error_code()),
        (StatusCode::CONFLICT, "transition_not_allowed")
    );
    assert_eq!(jump.body["error"]["allowed"], json!(["assessing", "closed"]));

    let health = t.call(None, Method::GET, "/healthz", None).await;
    assert_eq!(health.status, StatusCode::OK);
}

async fn sign_in_is_rate_limited_and_forms_need_the_session_token(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let user = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let browser = t.browser();
    let login = |password: &'static str| {
        browser
            .post(t.url("/login"))
            .form(&[("email", user.user.email.as_str()), ("password", password)])
            .send()
    };
    let ok = login(PASSWORD).await.unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let home = browser.get(t.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    // A form post without the session's token, or from another site, is refused.
    let refused = [
        browser.post(t.url("/logout")).form(&[("csrf", "guess")]),
        browser
            .post(t.url("/logout"))
            .header("origin", "https://evil.example"),
        browser
            .post(t.url("/logout"))
            .header("sec-fetch-site", "cross-site"),
    ];
    for post in refused {
        assert_eq!(post.send().await.unwrap().status(), StatusCode::FORBIDDEN);
    }

    for _ in 0..5 {
        assert_eq!(
            login("wrong password").await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = login(PASSWORD).await.unwrap();
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.text().await.unwrap().contains("15"));
}
