//! Support measures through the API: budget lines with their figures, who
//! sees and changes them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::InclusionTeam;
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(a_budget_line_is_opened_read_and_resized_by_its_region,);

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
