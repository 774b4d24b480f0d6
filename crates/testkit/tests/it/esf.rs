//! The ESF+ common indicators on both backends: three participants of one
//! region recorded by hand (and people who are not participants, or not of
//! the region), each indicator checked against figures counted by hand —
//! through the API, the case's form page and the report's CSV.

use chrono::{Duration, Months};
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{InclusionTeam, today};
use soleil_testkit::{Backend, TestApp, TestUser, contact, csrf, on_both_backends, spawn};

on_both_backends!(
    the_esf_indicators_count_each_participant_as_recorded,
    the_research_export_is_k_anonymous_and_only_of_those_who_consented
);

/// Sends a first contact for a person of that sex, nationality and age, and
/// has the secretariat take the case in charge (emergency protection).
async fn participant(
    t: &TestApp,
    team: &InclusionTeam,
    n: usize,
    sex: &str,
    nationality: &str,
    age: u32,
) -> String {
    let mut body = contact(&format!("Partecipante{n}"), true);
    body["person"]["sex"] = json!(sex);
    body["person"]["nationality"] = json!(nationality);
    let born = today().checked_sub_months(Months::new(12 * age + 1)).unwrap();
    body["person"]["date_of_birth"] = json!(born.to_string());
    let sent = t
        .post(&team.frontline, "/api/v1/contacts", body)
        .await
        .expect(201);
    let case = sent["screening"]["case_id"].as_str().unwrap().to_owned();
    let assessment = json!({ "decision": "emergency_response", "summary": "Rischio immediato" });
    t.post(
        &team.secretariat,
        &format!("/api/v1/cases/{case}/assessment"),
        assessment,
    )
    .await
    .expect(200);
    case
}

async fn record(t: &TestApp, by: &TestUser, case: &str, answers: Value) -> Value {
    t.put(by, &format!("/api/v1/cases/{case}/participant"), answers)
        .await
        .expect(200)
}

/// An indicator's figures: total, women, men, non-binary, considered, not
/// recorded, not disclosed.
fn figures(report: &Value, code: &str) -> [u64; 7] {
    let row = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("no {code}"));
    [
        "total",
        "women",
        "men",
        "non_binary",
        "considered",
        "not_recorded",
        "not_disclosed",
    ]
    .map(|name| row[name].as_u64().unwrap())
}

async fn the_esf_indicators_count_each_participant_as_recorded(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "esf").await;
    // A: a woman of 26 from India, long-term unemployed, lower secondary
    // education, homeless; she prefers not to say about disability.
    let a = participant(&t, &team, 1, "female", "IN", 26).await;
    record(
        &t,
        &team.secretariat,
        &a,
        json!({ "labour_status": "long_term_unemployed", "education": "lower_secondary_or_less",
                "disability": "prefers_not_to_say", "homeless": "yes" }),
    )
    .await;
    // B: a man of 60 from Romania (not a third country), employed with a
    // degree; he left seven months ago in work, and six months on his
    // situation had improved.
    let b = participant(&t, &team, 2, "male", "RO", 60).await;
    record(
        &t,
        &team.secretariat,
        &b,
        json!({ "labour_status": "employed", "education": "tertiary", "disability": "no", "homeless": "no",
                "employed_on_leaving": true, "job_searching_on_leaving": false,
                "employed_six_months_after": true, "improved_six_months_after": true }),
    )
    .await;
    t.post(
        &team.secretariat,
        &format!("/api/v1/cases/{b}/transitions"),
        json!({ "to": "closed", "closing_reason": "dropped_out" }),
    )
    .await
    .expect(200);
    t.underneath(&format!(
        "UPDATE case_milestones SET taken_in_charge_on = taken_in_charge_on - 300, closed_on = closed_on - 200
         WHERE case_id = {}",
        t.sql_uuid(&b)
    ))
    .await;
    // C: a non-binary minor of 16 from India; nothing recorded yet.
    let c = participant(&t, &team, 3, "other", "IN", 16).await;
    // Not participants: a contact the secretariat has not assessed, and a
    // participant of another region.
    t.post(&team.frontline, "/api/v1/contacts", contact("NonAncora", false))
        .await
        .expect(201);
    let tuscany = InclusionTeam::new(&t, RegionCode::Tos, "esf").await;
    participant(&t, &tuscany, 4, "female", "MA", 30).await;

    // An improved situation is asked only of those employed at entry.
    let refused = t
        .put(
            &team.secretariat,
            &format!("/api/v1/cases/{a}/participant"),
            json!({ "labour_status": "inactive", "improved_six_months_after": true }),
        )
        .await
        .expect(422);
    assert_eq!(
        refused["error"]["fields"][0]["code"],
        "improved_needs_employed_at_entry"
    );
    // Those who do not act for the case neither read nor record: not the
    // frontline, nor another case manager on its team.
    t.get(&team.frontline, &format!("/api/v1/cases/{a}/participant"))
        .await
        .expect(403);
    let colleague = t.user(Role::CaseManager, RegionCode::Laz, "esf-team").await;
    t.post(
        &team.secretariat,
        &format!("/api/v1/cases/{a}/team"),
        json!({ "user_id": colleague.user.id }),
    )
    .await
    .expect(200);
    t.get(&colleague, &format!("/api/v1/cases/{a}/participant"))
        .await
        .expect(403);
    let other_region = t.user(Role::Secretariat, RegionCode::Tos, "esf-other").await;
    assert_eq!(
        t.get(&other_region, &format!("/api/v1/cases/{a}/participant"))
            .await
            .status,
        404
    );
    let read = t
        .get(&team.secretariat, &format!("/api/v1/cases/{c}/participant"))
        .await
        .expect(200);
    assert!(read["labour_status"].is_null(), "nothing recorded for C");

    let from = today() - Duration::days(364);
    let query = format!("/api/v1/reports/esf?from={from}&to={}", today());
    let report = t.get(&team.secretariat, &query).await.expect(200);
    assert_eq!(report["region"], "laz");
    assert_eq!(report["indicators"].as_array().unwrap().len(), 23);
    // Entered in the period: A, B and C, one of each gender.
    assert_eq!(figures(&report, "EECO01"), [3, 1, 1, 1, 3, 0, 0]);
    assert_eq!(figures(&report, "EECO02"), [1, 1, 0, 0, 3, 1, 0]);
    assert_eq!(figures(&report, "EECO03")[0], 1);
    assert_eq!(figures(&report, "EECO04")[0], 0);
    assert_eq!(figures(&report, "EECO05"), [1, 0, 1, 0, 3, 1, 0]);
    // Ages at entry: 16, 26 and 59 (B entered 300 days ago).
    assert_eq!(figures(&report, "EECO06"), [1, 0, 0, 1, 3, 0, 0]);
    assert_eq!(figures(&report, "EECO07")[..2], [1, 1]);
    assert_eq!(figures(&report, "EECO08")[..3], [1, 0, 1]);
    assert_eq!(figures(&report, "EECO09")[0], 1);
    assert_eq!(figures(&report, "EECO10")[0], 0);
    assert_eq!(figures(&report, "EECO11")[0], 1);
    assert_eq!(figures(&report, "EECO12"), [0, 0, 0, 0, 3, 1, 1]);
    assert_eq!(figures(&report, "EECO13"), [2, 1, 0, 1, 3, 0, 0]);
    assert_eq!(figures(&report, "EECO16")[0], 1);
    // Left in the period: B.
    assert_eq!(figures(&report, "EECR01"), [0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(figures(&report, "EECR02"), [0, 0, 0, 0, 1, 1, 0]);
    assert_eq!(figures(&report, "EECR04"), [1, 0, 1, 0, 1, 0, 0]);
    // Six months after leaving fell in the period: B.
    assert_eq!(figures(&report, "EECR05"), [1, 0, 1, 0, 1, 0, 0]);
    assert_eq!(figures(&report, "EECR06"), [1, 0, 1, 0, 1, 0, 0]);
    // Every indicator says how it is computed.
    for indicator in report["indicators"].as_array().unwrap() {
        assert!(!indicator["computed_as"].as_str().unwrap().is_empty());
    }
    // A period before anyone entered counts nobody.
    let before = t
        .get(
            &team.secretariat,
            "/api/v1/reports/esf?from=2020-01-01&to=2020-12-31",
        )
        .await
        .expect(200);
    assert_eq!(figures(&before, "EECO01")[0], 0);
    t.get(&team.frontline, &query).await.expect(403);

    // The case's form: the saved answers shown, a bad value refused with
    // what was typed kept, a good one saved.
    let browser = t.signed_in(&team.secretariat).await;
    let (status, html) = t.page(&browser, &format!("/cases/{a}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/cases/{a}/participant")));
    let (status, html) = t.page(&browser, &format!("/cases/{a}/participant")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<option value=\"long_term_unemployed\" selected>"));
    let token = csrf(&html);
    let path = format!("/cases/{c}/participant");
    let (status, _, html) = t
        .post_form(
            &browser,
            &path,
            &[
                ("csrf", &token),
                ("labour_status", "student"),
                ("education", "tertiary"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("<option value=\"tertiary\" selected>"),
        "what was typed is kept"
    );
    let (status, location, _) = t
        .post_form(
            &browser,
            &path,
            &[
                ("csrf", &token),
                ("labour_status", "inactive"),
                ("minority", "prefers_not_to_say"),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, format!("{path}?done=participant-recorded").as_str())
    );
    let read = t
        .get(&team.secretariat, &format!("/api/v1/cases/{c}/participant"))
        .await
        .expect(200);
    assert_eq!(
        (read["labour_status"].as_str(), read["minority"].as_str()),
        (Some("inactive"), Some("prefers_not_to_say"))
    );

    // The reports page shows the indicators, and their CSV holds them.
    let page_query = format!("/reports?from={from}&to={}", today());
    let (status, html) = t.page(&browser, &page_query).await;
    assert_eq!(status, 200);
    assert!(html.contains("Indicatori comuni FSE+"));
    let (status, csv) = t
        .page(&browser, &format!("{page_query}&report=esf&format=csv"))
        .await;
    assert_eq!(status, 200);
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(
        csv.contains("\nEECO01;Numero totale di partecipanti;3;1;1;1;3;0;0\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\nEECO04;Inattivi;1;0;0;1;3;0;0\n"),
        "C is now inactive: {csv}"
    );
}

async fn the_research_export_is_k_anonymous_and_only_of_those_who_consented(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "research").await;
    // Seven consent: six men of India in their thirties and one woman of
    // Morocco; two others do not.
    let mut consenting = Vec::new();
    for n in 0..7 {
        let (sex, nationality) = if n == 6 { ("female", "MA") } else { ("male", "IN") };
        let case = participant(&t, &team, n, sex, nationality, 35).await;
        record(&t, &team.secretariat, &case, json!({ "research_consent": true })).await;
        consenting.push(case);
    }
    for n in 7..9 {
        let case = participant(&t, &team, n, "male", "IN", 35).await;
        record(&t, &team.secretariat, &case, json!({ "research_consent": false })).await;
    }
    // One more consented on a first case, then refused on a second one:
    // the later "no" withdraws the "yes".
    let first = participant(&t, &team, 9, "male", "IN", 35).await;
    record(&t, &team.secretariat, &first, json!({ "research_consent": true })).await;
    t.post(
        &team.secretariat,
        &format!("/api/v1/cases/{first}/transitions"),
        json!({ "to": "closed", "closing_reason": "transferred", "note": "Preso in carico altrove" }),
    )
    .await
    .expect(200);
    let file = t
        .get(&team.secretariat, &format!("/api/v1/cases/{first}"))
        .await
        .expect(200);
    let mut again = contact("Partecipante9", true)["screening"].clone();
    again["person_id"] = file["person"]["id"].clone();
    again["send"] = json!(true);
    let again = t
        .post(&team.secretariat, "/api/v1/screenings", again)
        .await
        .expect(201);
    let second = again["case_id"].as_str().expect("a new case").to_owned();
    assert_ne!(second, first);
    record(
        &t,
        &team.secretariat,
        &second,
        json!({ "research_consent": false }),
    )
    .await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "research").await;
    let period = format!("from={}&to={}", today() - Duration::days(30), today());
    let export = t
        .get(&coordinator, &format!("/api/v1/research/export?{period}"))
        .await
        .expect(200);
    let anonymisation = &export["anonymisation"];
    assert_eq!(
        (anonymisation["k"].as_u64(), anonymisation["records"].as_u64()),
        (Some(5), Some(7))
    );
    let rows = export["rows"].as_array().unwrap();
    assert_eq!(
        rows.len() + anonymisation["suppressed"].as_u64().unwrap() as usize,
        7
    );
    // Every combination of quasi-identifiers occurs at least k times.
    let mut groups = std::collections::HashMap::new();
    for row in rows {
        *groups.entry(row["quasi_identifiers"].to_string()).or_insert(0) += 1;
    }
    assert!(groups.values().all(|n| *n >= 5), "{groups:?}");
    // No direct identifier: no case id, no name, no birth date.
    let text = export.to_string();
    for case in &consenting {
        assert!(!text.contains(case.as_str()));
    }
    assert!(!text.contains("Partecipante") && !text.contains("date_of_birth"));
    assert_eq!(export["quasi_identifiers"][4], "entry_month");
    assert_eq!(rows[0]["attributes"][0], json!(["sector", "agriculture"]));

    // A k larger than the consenting persons leaves nobody.
    let strict = t
        .get(&coordinator, &format!("/api/v1/research/export?{period}&k=10"))
        .await
        .expect(200);
    assert_eq!(strict["rows"].as_array().unwrap().len(), 0);
    assert_eq!(strict["anonymisation"]["suppressed"], 7);
    t.get(&coordinator, &format!("/api/v1/research/export?{period}&k=1"))
        .await
        .expect(422);
    // Only coordinators and admins export; each export is audited.
    t.get(&team.secretariat, &format!("/api/v1/research/export?{period}"))
        .await
        .expect(403);
    let admin = t.user(Role::Admin, RegionCode::Laz, "research").await;
    let audit = t
        .get(&admin, "/api/v1/audit?entity=research_export")
        .await
        .expect(200);
    assert!(audit.to_string().contains("research_export"), "{audit}");

    // The reports page hands the dataset out to coordinators, with its k.
    let browser = t.signed_in(&coordinator).await;
    let (status, html) = t.page(&browser, &format!("/reports?{period}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"research-heading\"") && html.contains("name=\"k\""));
    let (status, csv) = t
        .page(
            &browser,
            &format!("/reports?{period}&report=research&k=2&format=csv"),
        )
        .await;
    assert_eq!(status, 200);
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("pseudonym;"), "{csv}");
    assert_eq!(
        csv.lines().count(),
        1 + 7,
        "every consenting person, in groups of 2 or more"
    );
    // A k out of range keeps what was typed, with its message.
    let (status, html) = t
        .page(
            &browser,
            &format!("/reports?{period}&report=research&k=1&format=csv"),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("value=\"1\"") && html.contains("tra 2 e 100"),
        "{html}"
    );
    // The secretariat reads the reports, not the research dataset.
    let secretariat = t.signed_in(&team.secretariat).await;
    let (status, html) = t.page(&secretariat, &format!("/reports?{period}")).await;
    assert_eq!(status, 200);
    assert!(!html.contains("research-heading"));
    let (status, _) = t
        .page(
            &secretariat,
            &format!("/reports?{period}&report=research&format=csv"),
        )
        .await;
    assert_eq!(status, 403);
}
