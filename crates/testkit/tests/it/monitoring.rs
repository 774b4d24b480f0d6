//! Monitoring on both backends: a hand-built set of cases, each stopped at a
//! known step, and the dashboard's funnel, times and drop-out checked
//! against figures counted by hand — through the API, the page and its CSV.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::InclusionTeam;
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(the_dashboard_counts_each_case_at_the_step_it_reached);

/// The funnel's figures of one column, in step order.
fn column(dashboard: &Value, name: &str) -> Vec<i64> {
    dashboard["funnel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step[name].as_i64().unwrap())
        .collect()
}

async fn the_dashboard_counts_each_case_at_the_step_it_reached(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "mon").await;
    // A: in inclusion.
    let a = team.case_in_inclusion(&t, 1).await;
    // B: in emergency protection.
    t.triaged_case(&team.frontline, &team.secretariat, None, 2).await;
    // C: reported, waiting for the secretariat.
    t.post(
        &team.frontline,
        "/api/v1/contacts",
        soleil_testkit::contact("Persona3", false),
    )
    .await
    .expect(201);
    // D: not in scope: assessed and closed.
    let d = t
        .post(
            &team.frontline,
            "/api/v1/contacts",
            soleil_testkit::contact("Persona4", false),
        )
        .await
        .expect(201);
    let d = d["screening"]["case_id"].as_str().unwrap().to_owned();
    t.post(
        &team.secretariat,
        &format!("/api/v1/cases/{d}/assessment"),
        json!({ "decision": "not_in_scope", "reason": "Nessun indicatore di sfruttamento" }),
    )
    .await
    .expect(200);
    // E: taken in charge, then the person dropped out.
    team.dropped_out_case(&t, 5).await;
    // A completed the empowerment path, is in a welding lab and was
    // referred for housing.
    team.in_a_lab(&t, &a).await;
    team.refer(&t, &a, "housing").await;
    // Another region's case counts only for the whole network.
    let tuscany = InclusionTeam::new(&t, RegionCode::Tos, "mon").await;
    t.triaged_case(&tuscany.frontline, &tuscany.secretariat, None, 6)
        .await;

    // Days pass between A's steps: 3 to the assessment, 10 more to the
    // plan's agreement (through the taking in charge on the day of the
    // assessment), 4 more to inclusion.
    t.underneath(&format!(
        "UPDATE case_milestones SET screened_on = screened_on - 17, assessed_on = assessed_on - 14,
             taken_in_charge_on = taken_in_charge_on - 14, plan_agreed_on = plan_agreed_on - 4
             WHERE case_id = {}",
        t.sql_uuid(&a.case)
    ))
    .await;

    let dashboard = t
        .get(&team.secretariat, "/api/v1/monitoring/dashboard")
        .await
        .expect(200);
    assert_eq!(dashboard["region"], "laz");
    assert_eq!(column(&dashboard, "reached"), [5, 4, 3, 1, 1, 0]);
    assert_eq!(column(&dashboard, "waiting"), [1, 0, 1, 0, 1, 0]);
    assert_eq!(column(&dashboard, "dropped_out"), [0, 0, 1, 0, 0, 0]);
    assert_eq!(column(&dashboard, "closed_otherwise"), [0, 1, 0, 0, 0, 0]);
    let timings = dashboard["timings"].as_array().unwrap();
    let assessed = &timings[0];
    assert_eq!(assessed["step"], "assessed");
    // Assessed the same day (B, D, E) and after 3 days (A): 0, 0, 0, 3.
    assert_eq!(
        (
            assessed["cases"].as_u64(),
            assessed["median_days"].as_i64(),
            assessed["p90_days"].as_i64()
        ),
        (Some(4), Some(0), Some(3))
    );
    assert_eq!(
        (
            assessed["target_days"].as_i64(),
            assessed["within_target"].as_u64()
        ),
        (Some(7), Some(4))
    );
    let agreed = &timings[2];
    assert_eq!(agreed["step"], "plan_agreed");
    assert_eq!(
        (agreed["cases"].as_u64(), agreed["median_days"].as_i64()),
        (Some(1), Some(10))
    );
    assert_eq!(timings[3]["median_days"].as_i64(), Some(4));
    assert_eq!(timings[4]["cases"].as_u64(), Some(0));
    assert!(timings[4]["median_days"].is_null());

    // The panels of counts, by category.
    let row = |panel: &str, key: &str| -> Vec<i64> {
        let panel = dashboard["panels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["panel"] == panel)
            .unwrap();
        let row = panel["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap();
        row["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_i64().unwrap())
            .collect()
    };
    // Every test contact comes from a mobile unit; A, B and E were in danger.
    assert_eq!(row("contacts", "mobile_unit"), [5, 3]);
    assert_eq!(row("contacts", "desk"), [0, 0]);
    assert_eq!(row("referrals", "housing"), [1, 0, 0, 0]);
    // A's plan meets its one need (work) with an action.
    assert_eq!(row("needs", "work"), [1, 0]);
    assert_eq!(row("labs", "welding"), [1, 1, 0, 0]);
    assert_eq!(row("placements", "internship"), [0, 0, 0]);

    // Filters: the sector and nationality of every test contact.
    let none = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/dashboard?sector=construction",
        )
        .await
        .expect(200);
    assert_eq!(column(&none, "reached")[0], 0);
    let indians = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/dashboard?nationality=in&sex=male&age_band=from30_to54",
        )
        .await
        .expect(200);
    assert_eq!(column(&indians, "reached")[0], 5);
    // A period that ended before the cases were reported counts none of them.
    let before = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/dashboard?from=2020-01-01&to=2020-12-31",
        )
        .await
        .expect(200);
    assert_eq!(column(&before, "reached")[0], 0);
    let backwards = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/dashboard?from=2026-02-01&to=2026-01-01",
        )
        .await;
    assert_eq!(backwards.status, 422);

    // Who may read it: the region's secretariat; coordinators and admins for
    // the whole network; nobody for another region.
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "mon").await;
    t.get(&coordinator, "/api/v1/monitoring/dashboard?region=tos")
        .await
        .expect(403);
    let admin = t.user(Role::Admin, RegionCode::Laz, "mon").await;
    let network = t.get(&admin, "/api/v1/monitoring/dashboard").await.expect(200);
    assert!(network["region"].is_null());
    assert_eq!(column(&network, "reached")[0], 6);
    let tuscany_only = t
        .get(&admin, "/api/v1/monitoring/dashboard?region=tos")
        .await
        .expect(200);
    assert_eq!(column(&tuscany_only, "reached")[..3], [1, 1, 1]);
    // The server counts from a copy of the milestones it keeps in memory:
    // a contact reported since its last count is counted at once.
    t.post(
        &tuscany.frontline,
        "/api/v1/contacts",
        soleil_testkit::contact("Persona7", true),
    )
    .await
    .expect(201);
    let tuscany_only = t
        .get(&admin, "/api/v1/monitoring/dashboard?region=tos")
        .await
        .expect(200);
    assert_eq!(column(&tuscany_only, "reached")[..3], [2, 1, 1]);
    assert_eq!(column(&tuscany_only, "waiting")[0], 1);
    for role in [
        Role::Frontline,
        Role::CaseManager,
        Role::Service,
        Role::Auditor,
        Role::Employer,
    ] {
        let user = t.user(role, RegionCode::Laz, "mon-denied").await;
        assert_eq!(
            t.get(&user, "/api/v1/monitoring/dashboard").await.status,
            403,
            "{role:?} reads no monitoring"
        );
    }

    // The page shows the same figures, and each panel's CSV holds them.
    let browser = t.signed_in(&team.secretariat).await;
    let (status, html) = t.page(&browser, "/monitoring").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<svg role=\"img\""),
        "the charts are drawn on the server"
    );
    assert!(html.contains("Casi per fase raggiunta"));
    let (status, csv) = t.page(&browser, "/monitoring?format=csv&panel=funnel").await;
    assert_eq!(status, 200);
    let csv = csv.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[1], "Segnalazione alla segreteria;5;1;0;0;0");
    assert_eq!(lines[2], "Valutazione;4;0;0;1;0");
    assert_eq!(lines[3], "Presa in carico;3;1;1;0;0");
    let (_, timings_csv) = t.page(&browser, "/monitoring?format=csv&panel=timings").await;
    assert!(
        timings_csv.contains("\nValutazione;Segnalazione alla segreteria;4;0;3;7;4;0\n"),
        "{timings_csv}"
    );
    // A refused filter keeps what was typed.
    let (status, html) = t
        .page(&browser, "/monitoring?from=ieri&nationality=Indiana")
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("value=\"ieri\"") && html.contains("value=\"Indiana\""));
    let frontline = t.signed_in(&team.frontline).await;
    assert_eq!(t.page(&frontline, "/monitoring").await.0, 403);

    // Cases opened before the monitoring tables existed get their
    // milestones from their timeline when the server starts.
    t.underneath("DELETE FROM case_milestones").await;
    let reopened = soleil_app::App::open(&t.database_url, soleil_app::Settings::default())
        .await
        .unwrap();
    reopened.close().await;
    let rebuilt = t
        .get(&team.secretariat, "/api/v1/monitoring/dashboard")
        .await
        .expect(200);
    assert_eq!(column(&rebuilt, "reached"), [5, 4, 3, 1, 1, 0]);
    assert_eq!(column(&rebuilt, "dropped_out"), [0, 0, 1, 0, 0, 0]);

    // Lazio's coordination sets its own target for the assessment: two
    // days. A took three (again: the rebuilt timeline is all today's), so
    // one case fewer is within it; Tuscany keeps the default, and the
    // network view shows no common target for it. A change made underneath
    // takes a revision, as the store's own do, for the server's copy to see.
    t.underneath("UPDATE monitoring_revision SET revision = revision + 1 WHERE id = 1")
        .await;
    t.underneath(&format!(
        "UPDATE case_milestones SET screened_on = screened_on - 3,
             revision = (SELECT revision FROM monitoring_revision WHERE id = 1)
         WHERE case_id = {}",
        t.sql_uuid(&a.case)
    ))
    .await;
    let lazio = t.user(Role::Coordinator, RegionCode::Laz, "mon-targets").await;
    let target = |days: i64| json!({ "targets": [{ "step": "assessed", "days": days }] });
    t.put(&team.secretariat, "/api/v1/monitoring/targets", target(2))
        .await
        .expect(403);
    let refused = t
        .put(&lazio, "/api/v1/monitoring/targets", target(0))
        .await
        .expect(422);
    assert_eq!(refused["error"]["fields"][0]["field"], "targets[0].days");
    let set = t
        .put(&lazio, "/api/v1/monitoring/targets", target(2))
        .await
        .expect(200);
    assert_eq!(set["region"], "laz");
    assert_eq!(
        (
            set["targets"][0]["days"].as_i64(),
            set["targets"][0]["default_days"].as_i64()
        ),
        (Some(2), Some(7))
    );
    let timed = t
        .get(&team.secretariat, "/api/v1/monitoring/dashboard")
        .await
        .expect(200);
    let assessment = &timed["timings"][0];
    assert_eq!(
        (
            assessment["target_days"].as_i64(),
            assessment["within_target"].as_u64()
        ),
        (Some(2), Some(3))
    );
    let network = t.get(&admin, "/api/v1/monitoring/dashboard").await.expect(200);
    assert!(network["timings"][0]["target_days"].is_null());
    assert_eq!(network["timings"][1]["target_days"].as_i64(), Some(14));
    let tuscany_targets = t
        .get(&admin, "/api/v1/monitoring/targets?region=tos")
        .await
        .expect(200);
    assert_eq!(tuscany_targets["targets"][0]["days"].as_i64(), Some(7));

    // The targets page: read by the secretariat, changed by the coordinator.
    let (status, html) = t.page(&browser, "/monitoring/targets").await;
    assert_eq!(status, 200);
    assert!(html.contains("<td class=\"text-end\">2</td>") && !html.contains("name=\"days-assessed\""));
    let coordinator_browser = t.signed_in(&lazio).await;
    let (status, html) = t.page(&coordinator_browser, "/monitoring/targets").await;
    assert_eq!(status, 200);
    let token = soleil_testkit::csrf(&html);
    let (status, _, html) = t
        .post_form(
            &coordinator_browser,
            "/monitoring/targets",
            &[("csrf", &token), ("days-assessed", "tre"), ("days-outcome", "90")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("value=\"tre\"") && html.contains("value=\"90\""),
        "what was typed is kept"
    );
    let (status, location, _) = t
        .post_form(
            &coordinator_browser,
            "/monitoring/targets",
            &[("csrf", &token), ("days-assessed", "5"), ("days-outcome", "90")],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/monitoring/targets?region=laz&done=targets-saved")
    );
    let saved = t.get(&lazio, "/api/v1/monitoring/targets").await.expect(200);
    assert_eq!(
        (
            saved["targets"][0]["days"].as_i64(),
            saved["targets"][4]["days"].as_i64()
        ),
        (Some(5), Some(90))
    );
    // A field emptied goes back to the default, as the page says.
    let (status, _, _) = t
        .post_form(
            &coordinator_browser,
            "/monitoring/targets",
            &[("csrf", &token), ("days-assessed", ""), ("days-outcome", "90")],
        )
        .await;
    assert_eq!(status, 303);
    let saved = t.get(&lazio, "/api/v1/monitoring/targets").await.expect(200);
    assert_eq!(saved["targets"][0]["days"].as_i64(), Some(7));
    // Through the API: null.
    let back = json!({ "targets": [{ "step": "outcome", "days": null }] });
    let saved = t
        .put(&lazio, "/api/v1/monitoring/targets", back)
        .await
        .expect(200);
    assert_eq!(saved["targets"][4]["days"].as_i64(), Some(180));
}
