//! The project's results table rebuilt by hand, on both backends: the eight
//! labs and thirty-three placements of the Abruzzo results at nine months,
//! read back through the API, the reports page and its files, with what
//! falls outside the region or the period left out.

use chrono::Duration;
use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{self, InclusionTeam, course_body, today};
use soleil_testkit::{Backend, TestApp, TestUser, on_both_backends, spawn};

on_both_backends!(the_results_table_of_the_abruzzo_project_is_reproduced);

/// Pescara.
const PESCARA: &str = "068028";

/// The labs of the results at nine months, by sector.
const LABS: [&str; 8] = [
    "construction",
    "construction",
    "warehouse_logistics",
    "welding",
    "mechatronics",
    "family_care",
    "tailoring",
    "electrician",
];

async fn lab(t: &TestApp, team: &InclusionTeam, kind: &str, sector: Option<&str>, starts: i64) {
    let mut body = course_body(team, kind, 12);
    body["sector"] = json!(sector);
    body["starts_on"] = json!((today() + Duration::days(starts)).to_string());
    body["ends_on"] = json!((today() + Duration::days(starts + 30)).to_string());
    t.post(&team.secretariat, "/api/v1/courses", body)
        .await
        .expect(201);
}

/// A placement of `kind` beginning `starts` days from today.
async fn placement(t: &TestApp, by: &TestUser, case: &str, employer: &str, kind: &str, starts: i64) {
    let starts_on = today() + Duration::days(starts);
    let body = match kind {
        "internship" => json!({ "employer_id": employer, "kind": kind, "hours_per_week": 30,
            "starts_on": starts_on.to_string(), "ends_on": (starts_on + Duration::days(180)).to_string(),
            "mentor": "Maria Rossi" }),
        "apprenticeship" => json!({ "employer_id": employer, "kind": kind, "hours_per_week": 38,
            "starts_on": starts_on.to_string(), "ends_on": (starts_on + Duration::days(730)).to_string(),
            "mentor": "Luca Bianchi" }),
        _ => json!({ "employer_id": employer, "kind": kind, "contract_type": "permanent",
            "hours_per_week": 40, "starts_on": starts_on.to_string() }),
    };
    t.post(by, &format!("/api/v1/cases/{case}/work-placements"), body)
        .await
        .expect(201);
}

async fn the_results_table_of_the_abruzzo_project_is_reproduced(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "results").await;
    for sector in LABS {
        lab(&t, &team, "professional", Some(sector), 0).await;
    }
    // Not counted: the empowerment path, a lab over before the period, and
    // another region's lab.
    lab(&t, &team, "empowerment", None, 0).await;
    lab(&t, &team, "professional", Some("welding"), -120).await;
    let marche = InclusionTeam::new(&t, RegionCode::Mar, "results").await;
    lab(&t, &marche, "professional", Some("construction"), 0).await;

    // 19 internships, 10 employment contracts and 4 apprenticeships, three
    // to a person; and one internship begun before the period.
    let (employer, _) = inclusion::employer(
        &t,
        &team.secretariat,
        "Edilizia Adriatica srl",
        "41.00",
        PESCARA,
        None,
    )
    .await;
    let kinds = std::iter::repeat_n("internship", 19)
        .chain(std::iter::repeat_n("employment", 10))
        .chain(std::iter::repeat_n("apprenticeship", 4));
    let mut cases = Vec::new();
    for (n, kind) in kinds.enumerate() {
        if n % 3 == 0 {
            cases.push(team.case_in_inclusion(&t, n).await.case);
        }
        placement(&t, &team.case_manager, cases.last().unwrap(), &employer, kind, 0).await;
    }
    placement(&t, &team.case_manager, &cases[0], &employer, "internship", -60).await;

    let from = (today() - Duration::days(10)).to_string();
    let to = (today() + Duration::days(263)).to_string();
    let query = format!("region=abr&from={from}&to={to}");
    let report = t
        .get(&team.secretariat, &format!("/api/v1/reports/results?{query}"))
        .await
        .expect(200);
    let labs: Vec<(String, i64)> = report["labs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|sector| sector["labs"].as_i64() > Some(0))
        .map(|sector| {
            (
                sector["sector"].as_str().unwrap().to_owned(),
                sector["labs"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, i64)> = [
        ("construction", 2),
        ("warehouse_logistics", 1),
        ("welding", 1),
        ("mechatronics", 1),
        ("family_care", 1),
        ("tailoring", 1),
        ("electrician", 1),
    ]
    .map(|(sector, n)| (sector.to_owned(), n))
    .to_vec();
    assert_eq!(labs, expected);
    assert_eq!(report["labs_total"], 8);
    assert_eq!(
        report["placements"],
        json!({ "internships": 19, "contracts": 14, "apprenticeships": 4, "total": 33 })
    );

    // The dashboard counts the same placements, none six months old yet.
    let dashboard = t
        .get(
            &team.secretariat,
            &format!("/api/v1/monitoring/dashboard?from={from}&to={to}"),
        )
        .await
        .expect(200);
    let employment = dashboard["panels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|panel| panel["panel"] == "employment_at_six_months")
        .unwrap();
    assert_eq!(
        employment["rows"][0],
        json!({ "key": "internship", "counts": [19, 0, 0, 0] })
    );

    // The page shows the same table, and hands it out as files.
    let browser = t.signed_in(&team.secretariat).await;
    let (status, html) = t.page(&browser, &format!("/reports?{query}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Totale inserimenti"));
    let (status, csv) = t.page(&browser, &format!("/reports?{query}&format=csv")).await;
    assert_eq!(status, 200);
    assert_eq!(
        csv.trim_start_matches('\u{feff}'),
        "Sezione;Voce;Numero\nLaboratori;Edilizia;2\nLaboratori;Magazzino e logistica;1\nLaboratori;Saldatura;1\n\
         Laboratori;Meccatronica;1\nLaboratori;Assistenza familiare;1\nLaboratori;Sartoria;1\n\
         Laboratori;Impianti elettrici;1\nLaboratori;Totale laboratori;8\nInserimenti;Tirocini extracurricolari;19\n\
         Inserimenti;Contratti di lavoro;14\nInserimenti;di cui apprendistati professionalizzanti;4\n\
         Inserimenti;Totale inserimenti;33\n"
    );
    let (_, json_file) = t.page(&browser, &format!("/reports?{query}&format=json")).await;
    let json_file: Value = serde_json::from_str(&json_file).unwrap();
    assert_eq!(json_file, report);

    // The period is required through the API; another region is refused.
    let missing = t.get(&team.secretariat, "/api/v1/reports/results").await;
    assert_eq!(missing.status, 422);
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "results").await;
    t.get(&coordinator, &format!("/api/v1/reports/results?{query}"))
        .await
        .expect(403);
    let (status, _) = t.page(&t.signed_in(&team.case_manager).await, "/reports").await;
    assert_eq!(status, 403);
}
