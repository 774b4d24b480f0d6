//! The comuni of Italy over HTTP, on both backends: every signed-in role
//! searches them by name for autocompletion, within a region of the network
//! or not, and reads one by its ISTAT code; bad queries and unknown codes
//! get a clear 4xx, callers without a token nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::Method;
use serde_json::Value;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(
    comuni_are_found_by_name_and_code,
    bad_queries_and_unknown_codes_are_refused_clearly
);

fn names(found: &Value) -> Vec<&str> {
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect()
}

async fn comuni_are_found_by_name_and_code(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Tos, "ref").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "ref").await;

    let roma = t.get(&auditor, "/api/v1/comuni/058091").await.expect(200);
    assert_eq!(roma["name"], "Roma");
    assert_eq!(roma["province_abbreviation"], "RM");
    assert_eq!(roma["region_code"], "12");
    assert_eq!(roma["cadastral_code"], "H501");
    // Postcodes have no clear licence: they are never served.
    assert!(roma.get("cap").is_none() && roma.get("postcode").is_none());

    let latina = t
        .get(&frontline, "/api/v1/comuni?q=latina&region=laz")
        .await
        .expect(200);
    assert_eq!(names(&latina).first(), Some(&"Latina"));

    // Accents, case and the rest of the name need not be typed.
    let forli = t
        .get(&frontline, "/api/v1/comuni?q=FORLI&limit=3")
        .await
        .expect(200);
    assert_eq!(names(&forli).first(), Some(&"Forlì"));
    assert!(names(&forli).len() <= 3);

    // A region of the network keeps the others out.
    let molise = t
        .get(&frontline, "/api/v1/comuni?q=san&region=mol&limit=50")
        .await
        .expect(200);
    let molise = molise.as_array().unwrap();
    assert!(!molise.is_empty());
    assert!(molise.iter().all(|c| c["region_code"] == "14"), "{molise:?}");
    let roma_in_toscana = t
        .get(&frontline, "/api/v1/comuni?q=roma&region=tos")
        .await
        .expect(200);
    assert!(!names(&roma_in_toscana).contains(&"Roma"));

    let nothing = t.get(&frontline, "/api/v1/comuni?q=xyzzy").await.expect(200);
    assert_eq!(nothing, Value::Array(Vec::new()));
}

async fn bad_queries_and_unknown_codes_are_refused_clearly(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let coordinator = t.user(Role::Coordinator, RegionCode::Abr, "ref").await;

    let unknown = t.get(&coordinator, "/api/v1/comuni/999999").await.expect(404);
    assert_eq!(unknown["error"]["code"], "not_found");
    assert!(
        unknown["error"]["message"].as_str().unwrap().contains("999999"),
        "{unknown:#}"
    );

    for path in [
        "/api/v1/comuni/58091",
        "/api/v1/comuni/roma",
        "/api/v1/comuni",
        "/api/v1/comuni?q=",
        "/api/v1/comuni?q=%20%20",
        "/api/v1/comuni?q=roma&limit=0",
        "/api/v1/comuni?q=roma&limit=51",
        "/api/v1/comuni?q=roma&limit=many",
        "/api/v1/comuni?q=roma&region=lom",
    ] {
        let refused = t.get(&coordinator, path).await.expect(400);
        assert_eq!(refused["error"]["code"], "invalid_request", "{path}");
        assert!(
            !refused["error"]["message"].as_str().unwrap().is_empty(),
            "{path}"
        );
    }
    let long = format!("/api/v1/comuni?q={}", "a".repeat(101));
    t.get(&coordinator, &long).await.expect(400);

    let anonymous = t.call(None, Method::GET, "/api/v1/comuni?q=roma", None).await;
    assert_eq!(anonymous.status.as_u16(), 401);
    let anonymous = t.call(None, Method::GET, "/api/v1/comuni/058091", None).await;
    assert_eq!(anonymous.status.as_u16(), 401);
}
