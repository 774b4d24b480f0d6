//! Following a figure to the records behind it, on both backends: every
//! figure of the dashboard lists as many cases as it counts, each named
//! figure lists the very cases built for it, the reports' figures link the
//! same way, and only the region's secretariat follows figures to persons.

use serde_json::Value;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{InclusionTeam, today};
use soleil_testkit::{Backend, TestApp, TestUser, on_both_backends, spawn};

on_both_backends!(each_figure_lists_the_cases_it_counts);

/// Every figure of a dashboard by the name its link gives it, with its value.
fn figures(dashboard: &Value) -> Vec<(String, i64)> {
    let mut named = Vec::new();
    for step in dashboard["funnel"].as_array().unwrap() {
        for column in [
            "reached",
            "waiting",
            "dropped_out",
            "closed_otherwise",
            "goals_met",
        ] {
            let name = format!("funnel.{}.{column}", step["step"].as_str().unwrap());
            named.push((name, step[column].as_i64().unwrap()));
        }
    }
    for timing in dashboard["timings"].as_array().unwrap() {
        let step = timing["step"].as_str().unwrap();
        let (cases, within) = (
            timing["cases"].as_i64().unwrap(),
            timing["within_target"].as_i64().unwrap(),
        );
        named.push((format!("timings.{step}.cases"), cases));
        named.push((format!("timings.{step}.within_target"), within));
        named.push((format!("timings.{step}.over_target"), cases - within));
    }
    for panel in dashboard["panels"].as_array().unwrap() {
        let name = panel["panel"].as_str().unwrap();
        for row in panel["rows"].as_array().unwrap() {
            let key = row["key"].as_str().unwrap();
            for (column, count) in panel["columns"]
                .as_array()
                .unwrap()
                .iter()
                .zip(row["counts"].as_array().unwrap())
            {
                named.push((
                    format!("{name}.{key}.{}", column.as_str().unwrap()),
                    count.as_i64().unwrap(),
                ));
            }
        }
    }
    named
}

async fn behind(t: &TestApp, user: &TestUser, figure: &str) -> Value {
    let figure = figure.replace('+', "%2B");
    t.get(
        user,
        &format!("/api/v1/monitoring/figures?figure={figure}&per_page=200"),
    )
    .await
    .expect(200)
}

fn case_ids(records: &Value) -> Vec<String> {
    records["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn each_figure_lists_the_cases_it_counts(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "fig").await;
    // A: in inclusion, in a welding lab, referred for housing.
    let a = team.case_in_inclusion(&t, 1).await;
    // B: in emergency protection.
    let b = t.triaged_case(&team.frontline, &team.secretariat, None, 2).await;
    // C: taken in charge, then the person dropped out.
    let c = team.dropped_out_case(&t, 3).await;
    let lab = team.in_a_lab(&t, &a).await;
    team.refer(&t, &a, "housing").await;
    // A took 10 days to be assessed: over the 7-day target.
    t.underneath(&format!(
        "UPDATE case_milestones SET screened_on = screened_on - 10 WHERE case_id = {}",
        t.sql_uuid(&a.case)
    ))
    .await;
    // Another region's case is never behind Lazio's figures.
    let tuscany = InclusionTeam::new(&t, RegionCode::Tos, "fig").await;
    let elsewhere = t
        .triaged_case(&tuscany.frontline, &tuscany.secretariat, None, 4)
        .await;

    // Every figure of the dashboard lists as many cases as it counts (the
    // panels that count records list the cases those belong to).
    let dashboard = t
        .get(&team.secretariat, "/api/v1/monitoring/dashboard")
        .await
        .expect(200);
    let mut followed = 0;
    for (figure, value) in figures(&dashboard) {
        let records = behind(&t, &team.secretariat, &figure).await;
        let total = records["total"].as_i64().unwrap();
        match records["counts"].as_str().unwrap() {
            "cases" | "labs" => assert_eq!(total, value, "{figure}"),
            _ => assert!(
                total <= value && (total == 0) == (value == 0),
                "{figure}: {total} of {value}"
            ),
        }
        assert!(!case_ids(&records).contains(&elsewhere), "{figure}");
        followed += usize::from(value > 0);
    }
    assert!(followed > 15, "only {followed} figures counted anything");

    // Named figures list the very cases built for them.
    let dropped = behind(&t, &team.secretariat, "funnel.taken_in_charge.dropped_out").await;
    assert_eq!(case_ids(&dropped), [c.as_str()]);
    let over = behind(&t, &team.secretariat, "timings.assessed.over_target").await;
    assert_eq!(case_ids(&over), [a.case.as_str()]);
    let reached = behind(&t, &team.secretariat, "funnel.taken_in_charge.reached").await;
    let mut reached = case_ids(&reached);
    reached.sort();
    let mut expected = vec![a.case.clone(), b.clone(), c.clone()];
    expected.sort();
    assert_eq!(reached, expected);
    let housing = behind(&t, &team.secretariat, "referrals.housing.sent").await;
    assert_eq!(
        (housing["counts"].as_str(), case_ids(&housing)),
        (Some("referrals"), vec![a.case.clone()])
    );
    let seats = behind(&t, &team.secretariat, "labs.welding.enrolled").await;
    assert_eq!(case_ids(&seats), [a.case.as_str()]);
    let labs = behind(&t, &team.secretariat, "labs.welding+construction.labs").await;
    assert_eq!(labs["total"], 1);
    assert_eq!(labs["labs"][0]["id"], lab.as_str());
    // A page at a time, the latest to enter the chain first.
    let first = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/figures?figure=funnel.screened.reached&per_page=2",
        )
        .await
        .expect(200);
    assert_eq!(
        (first["total"].as_i64(), first["cases"].as_array().map(Vec::len)),
        (Some(3), Some(2))
    );
    let second = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/figures?figure=funnel.screened.reached&per_page=2&page=2",
        )
        .await
        .expect(200);
    assert_eq!(case_ids(&second), [a.case.as_str()], "A entered the chain first");
    // The dashboard's filters apply: no construction worker was reported.
    let filtered = t
        .get(
            &team.secretariat,
            "/api/v1/monitoring/figures?figure=funnel.screened.reached&sector=construction",
        )
        .await
        .expect(200);
    assert_eq!(filtered["total"], 0);

    // The ESF+ indicators: every participant taken in charge, once.
    let esf = behind(&t, &team.secretariat, "esf.EECO01.total").await;
    assert_eq!(
        (esf["counts"].as_str(), esf["total"].as_i64()),
        (Some("participants"), Some(3))
    );

    // A figure that does not exist, or none, is refused with a message.
    for wrong in [
        "funnel.moon.reached",
        "referrals.housing.lost",
        "esf.EECO99.total",
    ] {
        let reply = t
            .get(
                &team.secretariat,
                &format!("/api/v1/monitoring/figures?figure={wrong}"),
            )
            .await;
        assert_eq!(reply.status, 422, "{wrong}");
        assert!(reply.body.to_string().contains("unknown_figure"), "{wrong}");
    }
    assert_eq!(
        t.get(&team.secretariat, "/api/v1/monitoring/figures")
            .await
            .status,
        422
    );

    // Only the region's secretariat follows figures to persons: the others
    // read counts.
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "fig").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "fig").await;
    for user in [&coordinator, &admin, &team.case_manager, &team.frontline] {
        let reply = t
            .get(user, "/api/v1/monitoring/figures?figure=funnel.screened.reached")
            .await;
        assert_eq!(reply.status, 403);
    }
    // Tuscany's secretariat follows Tuscany's figures only.
    let theirs = behind(&t, &tuscany.secretariat, "funnel.screened.reached").await;
    assert_eq!(case_ids(&theirs), [elsewhere.as_str()]);
    let asked = t
        .get(
            &tuscany.secretariat,
            "/api/v1/monitoring/figures?figure=funnel.screened.reached&region=laz",
        )
        .await;
    assert_eq!(asked.status, 403);
    // Each page read is audited.
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "fig").await;
    let audit = t.get(&auditor, "/api/v1/audit?entity=case").await.expect(200);
    assert!(
        audit
            .to_string()
            .contains("records behind funnel.taken_in_charge.dropped_out"),
        "{audit}"
    );

    // The pages: the dashboard's figures link to their cases for the
    // secretariat, and the list names the persons with links to their cases.
    let browser = t.signed_in(&team.secretariat).await;
    let (status, html) = t.page(&browser, "/monitoring").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("/monitoring/figures?figure=funnel.taken_in_charge.dropped_out"),
        "the figure links to its cases"
    );
    let (status, html) = t
        .page(
            &browser,
            "/monitoring/figures?figure=funnel.taken_in_charge.dropped_out",
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"/cases/{c}\"")), "{html}");
    assert!(!html.contains(&format!("href=\"/cases/{}\"", a.case)));
    assert!(html.contains("Un caso dietro il dato."));
    let (status, html) = t
        .page(
            &browser,
            "/monitoring/figures?figure=funnel.screened.reached&sector=construction",
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Settore di lavoro") && html.contains("Nessun risultato."),
        "the filters are named"
    );
    // The reporting organisation is named too.
    let reporter = team
        .frontline
        .user
        .organisation_id
        .expect("the frontline's organisation");
    let organisation = t
        .get(&team.secretariat, &format!("/api/v1/organisations/{reporter}"))
        .await
        .expect(200);
    let (status, html) = t
        .page(
            &browser,
            &format!("/monitoring/figures?figure=funnel.screened.reached&organisation={reporter}"),
        )
        .await;
    assert_eq!(status, 200);
    let name = organisation["name"].as_str().unwrap();
    assert!(html.contains("Ente segnalante") && html.contains(name), "{name}");
    assert!(html.contains("3 casi dietro il dato."));
    let (status, html) = t
        .page(&browser, "/monitoring/figures?figure=labs.welding.labs")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"/courses/{lab}\"")));
    assert!(
        !html.contains("casi segnalati"),
        "labs are counted over the period itself"
    );
    let (status, html) = t.page(&browser, "/monitoring/figures?figure=moon").await;
    assert_eq!(status, 422);
    assert!(html.contains("Dato sconosciuto"));
    let year = today().format("%Y");
    let (status, html) = t
        .page(&browser, &format!("/reports?from={year}-01-01&to={}", today()))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("figure=esf.EECO01.total"),
        "the ESF+ figures link too"
    );
    // A coordinator's dashboard has no links to persons.
    let coordinator_browser = t.signed_in(&coordinator).await;
    let (status, html) = t.page(&coordinator_browser, "/monitoring").await;
    assert_eq!(status, 200);
    assert!(!html.contains("/monitoring/figures"));
    let (status, _) = t
        .page(
            &coordinator_browser,
            "/monitoring/figures?figure=funnel.screened.reached",
        )
        .await;
    assert_eq!(status, 403);
}
