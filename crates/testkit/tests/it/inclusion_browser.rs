//! Phase 3 end to end, in Chromium, every page checked with axe and
//! photographed: the case manager enrols a person in a lab, the training
//! body records the class's attendance, the case manager proposes the
//! attendance allowance the register computes, the secretariat approves
//! and pays it, the case manager proposes the person to a matching offer
//! with their consent and records the internship that follows.

use chrono::Duration;
use serde_json::json;
use soleil_domain::RegionCode;
use soleil_testkit::browser::{Browser, Walk};
use soleil_testkit::inclusion::{InclusionTeam, add_session, course_body, employer, today};
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(a_person_goes_from_a_lab_to_an_internship_in_a_browser);

/// Pescara's ISTAT code.
const PESCARA: &str = "068028";

async fn a_person_goes_from_a_lab_to_an_internship_in_a_browser(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-inclusion", backend.name())).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "cycle").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let day = |d: i64| (today() + Duration::days(d)).to_string();

    // What the region has set up: an empowerment path paying 3,50 € an
    // hour, its first session of 2 h 30 today, an FSE+ line, and an
    // employer's offer.
    let mut lab = course_body(&team, "empowerment", 12);
    lab["title"] = json!("Percorso di empowerment Pescara");
    lab["allowance_threshold_percent"] = json!("70");
    let lab = t
        .post(&team.secretariat, "/api/v1/courses", lab)
        .await
        .expect(201);
    let lab = lab["id"].as_str().unwrap().to_owned();
    let session = add_session(&t, &team.service, &lab, 0, "2:30").await;
    let line = json!({ "funding_source": "fse_plus", "code": "ABR-FSE+-IF", "name": "Indennità di frequenza",
                       "measures": ["attendance_allowance"], "amount": "10.000,00",
                       "valid_from": day(-30), "valid_to": day(365) });
    let line = t
        .post(&team.secretariat, "/api/v1/budget-lines", line)
        .await
        .expect(201);
    let line = line["id"].as_str().unwrap().to_owned();
    let (firm, _) = employer(
        &t,
        &team.secretariat,
        "Logistica Adriatica srl",
        "52.10",
        PESCARA,
        None,
    )
    .await;
    let permit = json!({ "kind": "residence_permit", "permit_type": "art18ter_labour_exploitation",
                         "issued_on": "2021-01-01", "expires_on": "2030-01-01" });
    t.post(
        &team.case_manager,
        &format!("/api/v1/persons/{}/documents", case.person),
        permit,
    )
    .await
    .expect(201);
    let offer = json!({ "employer_id": firm, "title": "Magazziniere con patentino", "occupation": "9333",
                        "skills": ["muletto"], "comune": PESCARA, "hours_per_week": 40,
                        "contract_type": "fixed_term", "starts_on": day(60) });
    let offer = t
        .post(&team.secretariat, "/api/v1/job-offers", offer)
        .await
        .expect(201);
    let offer = offer["id"].as_str().unwrap().to_owned();

    // The case manager enrols the person in the lab.
    let mut w = Walk::new(browser);
    w.sign_in(&team.case_manager).await;
    w.b.open(&format!("/cases/{}", case.case)).await;
    w.follow(&*format!("a[href='/cases/{}/courses']", case.case))
        .await;
    w.b.select("#enrol-course_id", &lab).await;
    w.submit("form[action$='/courses'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("cycle-enrolled").await;
    w.sign_out().await;

    // The training body records the class: the register comes prefilled.
    w.sign_in(&team.service).await;
    w.b.open(&format!("/sessions/{session}/attendance")).await;
    assert_eq!(w.value("#hours-0").await, "2,5");
    w.submit("form[action$='/attendance'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("cycle-register").await;
    w.sign_out().await;

    // The case manager proposes the allowance; a period without sessions
    // is refused first, with what was typed kept.
    w.sign_in(&team.case_manager).await;
    let disbursements = format!("/cases/{}/disbursements", case.case);
    w.b.open(&disbursements).await;
    w.check("cycle-disbursements-empty").await;
    w.b.select("#disbursement-measure", "attendance_allowance").await;
    w.b.select("#disbursement-budget_line_id", &line).await;
    let enrolment = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/enrolments", case.case),
        )
        .await
        .expect(200)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    w.b.select("#disbursement-enrolment_id", &enrolment).await;
    w.set_value("#disbursement-period_from", &day(1)).await;
    w.set_value("#disbursement-period_to", &day(2)).await;
    w.submit(&format!("form[action='{disbursements}'] button[type=submit]"))
        .await;
    assert_eq!(w.status().await, 422);
    assert_eq!(w.count("#disbursement-period_from-error").await, 1);
    assert_eq!(w.value("#disbursement-enrolment_id").await, enrolment);
    w.check("cycle-allowance-refused").await;
    w.set_value("#disbursement-period_from", &day(0)).await;
    w.set_value("#disbursement-period_to", &day(0)).await;
    w.submit(&format!("form[action='{disbursements}'] button[type=submit]"))
        .await;
    w.expect_notice().await;
    assert!(w.b.page_text().await.contains("8,75"), "2 h 30 at 3,50 €");
    w.check("cycle-allowance-proposed").await;
    w.sign_out().await;

    // The secretariat approves it from its queue and records the payment.
    w.sign_in(&team.secretariat).await;
    w.b.open("/disbursements").await;
    w.check("cycle-queue").await;
    w.follow("table a[href^='/disbursements/']").await;
    w.check("cycle-allowance").await;
    w.submit("form[action$='/approve'] button[type=submit]").await;
    w.expect_notice().await;
    w.set_value("#pay-paid_on", &day(0)).await;
    w.b.fill("#pay-payment_reference", "TRN ABR 0001").await;
    w.submit("form[action$='/pay'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("cycle-allowance-paid").await;
    w.b.open("/budgets").await;
    assert!(w.b.page_text().await.contains("8,75"));
    w.check("cycle-budgets").await;
    w.sign_out().await;

    // The case manager finds the offer among the person's matches,
    // proposes them with their consent, and records the internship.
    w.sign_in(&team.case_manager).await;
    w.b.open(&format!("/cases/{}/work-profile", case.case)).await;
    w.b.select("#occupations", "9333").await;
    w.b.fill("#domicile_comune", "Pescara").await;
    w.submit("form[action$='/work-profile'] button[type=submit]")
        .await;
    w.expect_notice().await;
    w.b.open(&format!("/cases/{}/matches", case.case)).await;
    assert!(w.b.page_text().await.contains("Magazziniere con patentino"));
    w.check("cycle-matches").await;
    w.b.open(&format!("/job-offers/{offer}")).await;
    w.tick(&format!("#propose-{}-consent", case.case)).await;
    w.submit(&format!(
        "form[action='/job-offers/{offer}/proposals'] button[type=submit]"
    ))
    .await;
    w.expect_notice().await;
    w.check("cycle-proposed").await;
    w.b.open(&format!("/cases/{}/work-placements", case.case)).await;
    w.b.select("#placement-employer_id", &firm).await;
    w.b.select("#placement-kind", "internship").await;
    w.b.fill("#placement-hours_per_week", "30").await;
    w.set_value("#placement-starts_on", &day(60)).await;
    w.set_value("#placement-ends_on", &day(240)).await;
    w.b.fill("#placement-mentor", "Marco Di Censo, capo magazzino")
        .await;
    w.submit("form[action$='/work-placements'] button[type=submit]")
        .await;
    w.expect_notice().await;
    assert!(w.b.page_text().await.contains("Logistica Adriatica srl"));
    w.check("cycle-internship").await;
    w.finish().await;
}
