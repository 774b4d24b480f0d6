//! Labs from the pages: the case's labs page enrols its person in an open
//! lab of the region, shows a refused enrolment with its reason, and lists
//! the enrolments with hours, percentage, status and the certificate link.

use chrono::{Duration, Utc};
use serde_json::json;
use soleil_domain::RegionCode;
use soleil_testkit::inclusion::InclusionTeam;
use soleil_testkit::{Backend, TestApp, csrf, on_both_backends, spawn};

on_both_backends!(
    a_case_manager_enrols_a_person_from_the_case_page,
    labs_are_run_from_their_pages_in_a_browser
);

/// A lab of the region from today for a month, 10 hours planned.
async fn create_course(t: &TestApp, team: &InclusionTeam, kind: &str, title: &str) -> String {
    let today = Utc::now().date_naive();
    let sector = (kind == "professional").then_some("welding");
    let body = json!({
        "organisation_id": team.service.user.organisation_id,
        "kind": kind, "sector": sector, "title": title, "planned_hours": "10",
        "capacity": "10", "starts_on": today.to_string(),
        "ends_on": (today + Duration::days(30)).to_string(),
    });
    let course = t
        .post(&team.secretariat, "/api/v1/courses", body)
        .await
        .expect(201);
    course["id"].as_str().unwrap().to_owned()
}

async fn a_case_manager_enrols_a_person_from_the_case_page(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "labpages").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let empowerment = create_course(&t, &team, "empowerment", "Percorso Pescara").await;
    let welding = create_course(&t, &team, "professional", "Saldatura Chieti").await;
    let browser = t.signed_in(&team.case_manager).await;
    let path = format!("/cases/{}/courses", case.case);

    let (status, html) = t.page(&browser, &path).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!(r#"<option value="{empowerment}""#)),
        "{html}"
    );
    assert!(html.contains("Saldatura Chieti"));
    let token = csrf(&html);

    // The professional lab needs the empowerment path first: refused, the
    // choice kept and the reason shown.
    let refused = browser
        .post(t.url(&path))
        .form(&[("csrf", token.as_str()), ("course_id", welding.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="enrol-course_id-error""#), "{refused}");
    assert!(refused.contains(&format!(r#"<option value="{welding}" selected>"#)));

    // Nothing chosen: refused with a message on the field.
    let empty = browser
        .post(t.url(&path))
        .form(&[("csrf", token.as_str()), ("course_id", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status().as_u16(), 422);

    let enrolled = browser
        .post(t.url(&path))
        .form(&[("csrf", token.as_str()), ("course_id", empowerment.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(enrolled.status().as_u16(), 303);
    let (_, html) = t.page(&browser, &format!("{path}?done=enrolled")).await;
    assert!(
        html.contains(&soleil_testkit::message("it", "done-enrolled")),
        "{html}"
    );
    assert!(html.contains(&format!(r#"href="/courses/{empowerment}""#)));
    assert!(html.contains("0 / 10"));

    // The catalogue, filtered by kind, and the lab's page with its calendar
    // and the person enrolled.
    let (status, list) = t.page(&browser, "/courses?kind=professional&sector=").await;
    assert_eq!(status, 200, "{list}");
    assert!(
        list.contains("Saldatura Chieti") && !list.contains("Percorso Pescara"),
        "{list}"
    );
    let session = json!({ "date": Utc::now().date_naive().to_string(), "start_time": "09:30",
                          "duration": "2,5", "topic": "Diritti sul lavoro" });
    let session = t
        .post(
            &team.service,
            &format!("/api/v1/courses/{empowerment}/sessions"),
            session,
        )
        .await
        .expect(201);
    let session = session["id"].as_str().unwrap().to_owned();
    let enrolments = t
        .get(
            &team.case_manager,
            &format!("/api/v1/cases/{}/enrolments", case.case),
        )
        .await
        .expect(200);
    let name = enrolments[0]["person_name"].as_str().unwrap().to_owned();
    let (status, show) = t.page(&browser, &format!("/courses/{empowerment}")).await;
    assert_eq!(status, 200, "{show}");
    assert!(
        show.contains("Diritti sul lavoro") && show.contains("2,5 h"),
        "{show}"
    );
    assert!(show.contains(&name) && show.contains("0 / 10"));

    // The register, kept by the training body: prefilled with the session's
    // length; a wrong line comes back as typed with its message.
    let trainer = t.signed_in(&team.service).await;
    let register = format!("/sessions/{session}/attendance");
    let (status, html) = t.page(&trainer, &register).await;
    assert_eq!(status, 200, "{html}");
    let enrolment = enrolments[0]["id"].as_str().unwrap();
    let field = format!("hours-{enrolment}");
    assert!(html.contains(&format!(r#"name="{field}" value="2,5""#)), "{html}");
    let trainer_token = csrf(&html);
    for (typed, status) in [("due", 422), ("3", 422), ("2", 303)] {
        let reply = trainer
            .post(t.url(&register))
            .form(&[("csrf", trainer_token.as_str()), (field.as_str(), typed)])
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status().as_u16(), status, "{typed}");
        if status == 422 {
            let html = reply.text().await.unwrap();
            assert!(html.contains(r#"id="hours-0-error""#), "{html}");
            assert!(html.contains(&format!(r#"value="{typed}""#)));
        }
    }
    let (_, html) = t
        .page(&trainer, &format!("{register}?done=attendance-saved"))
        .await;
    assert!(html.contains(&format!(r#"name="{field}" value="2""#)), "{html}");
    let (_, html) = t.page(&browser, &path).await;
    assert!(html.contains("2 / 10") && html.contains("20%"), "{html}");

    // Twice: a conflict told in words, not an error page.
    let again = browser
        .post(t.url(&path))
        .form(&[("csrf", token.as_str()), ("course_id", empowerment.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 409);
    let again = again.text().await.unwrap();
    assert!(
        again.contains(&soleil_testkit::message("it", "error-already_enrolled")),
        "{again}"
    );
}

/// In Chromium, every page checked with axe: the secretariat adds a lab
/// through its form (refused first, with what was typed), gives it a
/// session, cancels another; the case manager enrols the person from the
/// case; the training body keeps the register for the whole class at once.
async fn labs_are_run_from_their_pages_in_a_browser(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-labs", backend.name())).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "labwalk").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let today = Utc::now().date_naive();
    let day = |d: i64| (today + Duration::days(d)).format("%Y-%m-%d").to_string();
    let mut w = Walk::new(browser);
    w.sign_in(&team.secretariat).await;
    w.b.open("/courses").await;
    w.check("courses-list").await;
    w.follow("a[href='/courses/new']").await;
    w.check("courses-new").await;

    // Professional without a sector, and hours out of range: refused.
    w.b.fill("#title", "Empowerment Pescara").await;
    w.tick("#kind-professional").await;
    w.b.fill("#planned_hours", "500").await;
    w.b.fill("#capacity", "12").await;
    w.b.fill("#hourly_allowance", "3,50").await;
    w.submit("form[action='/courses/new'] button[type=submit]").await;
    assert_eq!(w.status().await, 422);
    assert_eq!(w.value("#title").await, "Empowerment Pescara");
    assert_eq!(w.value("#hourly_allowance").await, "3,50");
    assert_eq!(w.count("#sector-error").await, 1);
    assert_eq!(w.count("#planned_hours-error").await, 1);
    w.check("courses-new-refused").await;

    let body = team.service.user.organisation_id.unwrap().to_string();
    w.b.select("#organisation_id", &body).await;
    w.tick("#kind").await;
    w.b.fill("#planned_hours", "40").await;
    w.set_value("#starts_on", &day(0)).await;
    w.set_value("#ends_on", &day(30)).await;
    w.submit("form[action='/courses/new'] button[type=submit]").await;
    w.expect_notice().await;
    let at = w.b.path().await;
    let lab = at.split('?').next().unwrap().to_owned();
    assert!(lab.starts_with("/courses/"), "{lab}");
    w.check("course-created").await;

    // Two sessions; the second cancelled behind its confirmation.
    for (date, time) in [(day(1), "09:30"), (day(2), "14:00")] {
        w.set_value("#session-date", &date).await;
        w.set_value("#session-start_time", time).await;
        w.b.fill("#session-duration", "2,5").await;
        w.submit("form[action$='/sessions'] button[type=submit]").await;
        w.expect_notice().await;
    }
    w.check("course-with-sessions").await;
    assert_eq!(w.count("form[action$='/cancel']").await, 2);
    w.b.click("li details > summary").await;
    w.submit("li details form[action$='/cancel'] button[type=submit]")
        .await;
    w.expect_notice().await;
    assert_eq!(w.count("form[action$='/cancel']").await, 1);
    w.check("course-session-cancelled").await;
    w.follow(format!("a[href='{lab}/edit']").as_str()).await;
    assert_eq!(w.value("#planned_hours").await, "40");
    w.check("course-edit").await;
    w.sign_out().await;

    // The case manager enrols the person from the case.
    w.sign_in(&team.case_manager).await;
    w.b.open(&format!("/cases/{}/courses", case.case)).await;
    w.check("case-courses").await;
    let course = lab.trim_start_matches("/courses/").to_owned();
    w.b.select("#enrol-course_id", &course).await;
    w.submit("form[action$='/courses'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("case-courses-enrolled").await;
    w.sign_out().await;

    // The training body keeps the register: the class is prefilled with
    // the session's length, saved as it is in one go.
    w.sign_in(&team.service).await;
    w.b.open(&lab).await;
    w.follow("a[href$='/attendance']").await;
    w.check("register").await;
    assert_eq!(w.value("#hours-0").await, "2,5");
    w.submit("form[action$='/attendance'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("register-saved").await;
    w.finish().await;
}
