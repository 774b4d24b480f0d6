//! Work placements over HTTP, on both backends: a placement of a case in
//! inclusion is refused with the rules of its kind, recorded only by the
//! case's manager or its secretariat, and the employer portal is only for
//! employers' own logins.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::InclusionTeam;
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(
    placements_are_refused_with_the_rules_of_their_kind,
    who_records_and_who_reads
);

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
