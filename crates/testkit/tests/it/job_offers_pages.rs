//! Job offers from the pages, on both backends: an offer created through
//! its form (a refused one keeps what was typed), the person's work profile,
//! the offer's matches with each criterion's reason in words, a proposal
//! refused without consent and sent with it, the employer answering on its
//! own page, and recruiting days; then the same pages in Chromium with axe.

use serde_json::json;
use soleil_domain::RegionCode;
use soleil_testkit::inclusion::{InclusionCase, InclusionTeam, employer};
use soleil_testkit::{Backend, TestApp, csrf, message, on_both_backends, spawn};

on_both_backends!(
    an_offer_goes_from_its_form_to_a_proposal_the_employer_answers,
    the_pages_pass_axe_in_a_browser
);

/// Pescara, in Abruzzo.
const PESCARA: &str = "068028";

/// A message's text before its first variable, to find it in a page.
fn lead(lang: &str, id: &str) -> String {
    let text = message(lang, id);
    text.split('{').next().unwrap().trim().to_owned()
}

/// A residence permit that allows work until 2030.
async fn permit(t: &TestApp, team: &InclusionTeam, case: &InclusionCase) {
    let body = json!({ "kind": "residence_permit", "permit_type": "art18ter_labour_exploitation",
                       "issued_on": "2021-01-01", "expires_on": "2030-01-01" });
    t.post(
        &team.case_manager,
        &format!("/api/v1/persons/{}/documents", case.person),
        body,
    )
    .await
    .expect(201);
}

async fn an_offer_goes_from_its_form_to_a_proposal_the_employer_answers(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "jop").await;
    let (firm, login) = employer(
        &t,
        &team.secretariat,
        "Logistica Adriatica srl",
        "52.10",
        PESCARA,
        Some("jop"),
    )
    .await;
    let login = login.unwrap();
    let case = team.case_in_inclusion(&t, 1).await;
    permit(&t, &team, &case).await;
    let manager = t.signed_in(&team.case_manager).await;

    // The list links the form; the form offers the region's employers.
    let (status, list) = t.page(&manager, "/job-offers").await;
    assert_eq!(status, 200, "{list}");
    assert!(list.contains(r#"href="/job-offers/new""#), "{list}");
    let (status, form) = t.page(&manager, "/job-offers/new").await;
    assert_eq!(status, 200, "{form}");
    assert!(form.contains(&format!(r#"<option value="{firm}""#)), "{form}");
    let token = csrf(&form);

    // Refused: what was typed comes back, with the reasons by the fields.
    let typed = [
        ("csrf", token.as_str()),
        ("employer_id", firm.as_str()),
        ("title", "Magazziniere"),
        ("occupation", "9333"),
        ("skills", "muletto, inventario"),
        ("comune", "Atlantide"),
        ("hours_per_week", "quaranta"),
        ("contract_type", "fixed_term"),
        ("positions", "2"),
        ("starts_on", "11/01/2027"),
        ("italian_level", "a2"),
    ];
    let (status, _, refused) = t.post_form(&manager, "/job-offers/new", &typed).await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.contains(r#"id="comune-error""#), "{refused}");
    assert!(refused.contains(r#"id="hours_per_week-error""#), "{refused}");
    assert!(refused.contains(r#"value="Magazziniere""#));
    assert!(refused.contains(r#"value="Atlantide""#));
    assert!(
        refused.contains(r#"value="2027-01-11""#),
        "the date as the input shows it"
    );
    assert!(refused.contains(r#"<option value="9333" selected>"#));

    let mut sound = typed.to_vec();
    sound.retain(|(name, _)| !["comune", "hours_per_week"].contains(name));
    sound.extend([("comune", "Pescara"), ("hours_per_week", "40")]);
    let (status, location, _) = t.post_form(&manager, "/job-offers/new", &sound).await;
    assert_eq!(status, 303);
    let offer = location
        .strip_prefix("/job-offers/")
        .and_then(|rest| rest.split('?').next())
        .unwrap()
        .to_owned();
    let offer_path = format!("/job-offers/{offer}");

    // The work profile, through its form: a refused one keeps its values.
    let profile_path = format!("/cases/{}/work-profile", case.case);
    let (status, html) = t.page(&manager, &profile_path).await;
    assert_eq!(status, 200, "{html}");
    let profile = [
        ("csrf", token.as_str()),
        ("occupations", "9333"),
        ("skills", "Muletto, inventario"),
        ("italian_level", "b1"),
        ("domicile_comune", "Pescara"),
        ("commute", "province"),
        ("driving_licences", "b"),
    ];
    let mut wrong = profile.to_vec();
    wrong.push(("hours_per_week", "70"));
    let (status, _, html) = t.post_form(&manager, &profile_path, &wrong).await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains(r#"id="hours_per_week-error""#), "{html}");
    assert!(html.contains(r#"value="70""#) && html.contains(r#"value="b" checked"#));
    let (status, _, _) = t.post_form(&manager, &profile_path, &profile).await;
    assert_eq!(status, 303);

    // The offer's page: the person matched, every criterion with why.
    let (status, html) = t.page(&manager, &offer_path).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Test Persona1"), "{html}");
    assert!(html.contains(&lead("it", "jo-why-same_unit_group")), "{html}");
    assert!(html.contains(&lead("it", "jo-why-allows_work")), "{html}");
    assert!(html.contains(&lead("it", "jo-why-same_comune")), "{html}");
    assert!(html.contains(&lead("it", "jo-eligible")), "{html}");

    // Without the person's consent: refused, the reason by the consent.
    let proposals = format!("{offer_path}/proposals");
    let without = [
        ("csrf", token.as_str()),
        ("case_id", case.case.as_str()),
        ("note", "Colloquio in presenza"),
    ];
    let (status, _, html) = t.post_form(&manager, &proposals, &without).await;
    assert_eq!(status, 422, "{html}");
    let consent = format!(r#"id="propose-{}-consent-error""#, case.case);
    assert!(html.contains(&consent), "{html}");
    assert!(html.contains(&message("it", "error-consent_required")));
    assert!(html.contains(r#"value="Colloquio in presenza""#));
    let mut with = without.to_vec();
    with.push(("consent", "on"));
    let (status, location, _) = t.post_form(&manager, &proposals, &with).await;
    assert_eq!(
        (status, location.as_str()),
        (303, format!("{offer_path}?done=jo-proposed").as_str())
    );
    let (_, html) = t.page(&manager, &offer_path).await;
    assert!(html.contains(&message("it", "jo-already-proposed")), "{html}");

    // The employer answers on its own page, where the person has a name.
    let firm_browser = t.signed_in(&login).await;
    let (status, html) = t.page(&firm_browser, "/employer/proposals").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Test Persona1") && html.contains("Magazziniere"),
        "{html}"
    );
    let proposal = t
        .get(&team.case_manager, &format!("/api/v1{proposals}"))
        .await
        .expect(200);
    let proposal = proposal[0]["id"].as_str().unwrap().to_owned();
    let answer = format!("/proposals/{proposal}/answer");
    let firm_token = csrf(&html);
    // Withdrawing is the case's side: the employer is not offered it.
    assert!(!html.contains(r#"<option value="withdrawn""#), "{html}");
    let empty = [
        ("csrf", firm_token.as_str()),
        ("from", "employer"),
        ("status", ""),
    ];
    let (status, _, html) = t.post_form(&firm_browser, &answer, &empty).await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains(&format!(r#"id="answer-{proposal}-status-error""#)));
    let interview = [
        ("csrf", firm_token.as_str()),
        ("from", "employer"),
        ("status", "interview"),
        ("note", "Martedì alle 10"),
    ];
    let (status, location, _) = t.post_form(&firm_browser, &answer, &interview).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/employer/proposals?done=jo-answered")
    );
    // The employer sees no matching and no other person.
    let (status, _) = t
        .page(&firm_browser, &format!("/cases/{}/matches", case.case))
        .await;
    assert_eq!(status, 403);

    // The case's side: the offer that fits, and the answer.
    let (status, html) = t.page(&manager, &format!("/cases/{}/matches", case.case)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Magazziniere") && html.contains(&message("it", "jo-proposal-interview")));
    let (_, case_page) = t.page(&manager, &format!("/cases/{}", case.case)).await;
    assert!(case_page.contains(&format!(r#"href="/cases/{}/matches""#, case.case)));

    // A recruiting day: created, the employer and the person taking part.
    let (status, html) = t.page(&manager, "/recruiting-days").await;
    assert_eq!(status, 200, "{html}");
    let (status, _, html) = t
        .post_form(
            &manager,
            "/recruiting-days",
            &[
                ("csrf", token.as_str()),
                ("title", "Giornata del lavoro"),
                ("held_on", ""),
                ("place", "Pescara"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains(r#"id="day-held_on-error""#) && html.contains(r#"value="Giornata del lavoro""#));
    let (status, location, _) = t
        .post_form(
            &manager,
            "/recruiting-days",
            &[
                ("csrf", token.as_str()),
                ("title", "Giornata del lavoro"),
                ("held_on", "2027-02-10"),
                ("place", "Pescara"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let day = location.split('?').next().unwrap().to_owned();
    let (status, _, _) = t
        .post_form(
            &manager,
            &format!("{day}/employers"),
            &[("csrf", token.as_str()), ("employer_id", firm.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let (status, _, _) = t
        .post_form(
            &manager,
            &format!("{day}/candidates"),
            &[("csrf", token.as_str()), ("case_id", case.case.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let outcome = [
        ("csrf", token.as_str()),
        ("form", "outcome"),
        ("case_id", case.case.as_str()),
        ("outcome", "interview_fixed"),
    ];
    let (status, _, _) = t
        .post_form(&manager, &format!("{day}/candidates"), &outcome)
        .await;
    assert_eq!(status, 303);
    let (status, html) = t.page(&manager, &day).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Logistica Adriatica srl") && html.contains("Test Persona1"),
        "{html}"
    );
    assert!(
        html.contains(&message("it", "jo-outcome-interview_fixed")),
        "{html}"
    );
}

/// The offers' pages in a real browser, each checked with axe.
async fn the_pages_pass_axe_in_a_browser(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-jo", backend.name())).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "job").await;
    let (firm, _) = employer(&t, &team.secretariat, "Porto Pescara spa", "52.10", PESCARA, None).await;
    let case = team.case_in_inclusion(&t, 1).await;
    permit(&t, &team, &case).await;
    let offer = json!({ "employer_id": firm, "title": "Magazziniere", "occupation": "9333",
                        "skills": ["muletto"], "comune": PESCARA, "hours_per_week": 40,
                        "contract_type": "fixed_term", "italian_level": "a2", "starts_on": "2027-01-11" });
    let offer = t
        .post(&team.secretariat, "/api/v1/job-offers", offer)
        .await
        .expect(201);
    let offer = offer["id"].as_str().unwrap().to_owned();
    let mut w = Walk::new(browser);
    w.sign_in(&team.case_manager).await;
    w.b.open("/job-offers").await;
    w.check("job-offers-list").await;
    w.follow("a[href='/job-offers/new']").await;
    w.check("job-offers-new").await;
    w.b.open(&format!("/cases/{}/work-profile", case.case)).await;
    w.b.select("#occupations", "9333").await;
    w.b.fill("#domicile_comune", "Pescara").await;
    w.submit("form[action$='/work-profile'] button[type=submit]")
        .await;
    w.expect_notice().await;
    w.check("job-offers-work-profile").await;
    w.b.open(&format!("/job-offers/{offer}")).await;
    w.check("job-offers-offer").await;
    // Proposed without ticking the consent: refused in words by the box.
    w.submit(&format!(
        "form[action='/job-offers/{offer}/proposals'] button[type=submit]"
    ))
    .await;
    assert_eq!(w.status().await, 422);
    assert_eq!(
        w.count(&*format!("#propose-{}-consent[aria-invalid=true]", case.case))
            .await,
        1
    );
    w.check("job-offers-consent-refused").await;
    w.tick(&format!("#propose-{}-consent", case.case)).await;
    w.submit(&format!(
        "form[action='/job-offers/{offer}/proposals'] button[type=submit]"
    ))
    .await;
    w.expect_notice().await;
    w.check("job-offers-proposed").await;
    w.b.open(&format!("/cases/{}/matches", case.case)).await;
    assert!(w.b.page_text().await.contains("Magazziniere"));
    w.check("job-offers-case-matches").await;
    w.b.open("/recruiting-days").await;
    w.b.fill("#day-title", "Giornata del lavoro").await;
    w.set_value("#day-held_on", "2027-02-10").await;
    w.b.fill("#day-place", "Pescara, porto turistico").await;
    w.submit("form[action='/recruiting-days'] button[type=submit]")
        .await;
    w.expect_notice().await;
    w.b.select("#employer-employer_id", &firm).await;
    w.submit("form[action$='/employers'] button[type=submit]").await;
    w.expect_notice().await;
    w.b.select("#invite-case_id", &case.case).await;
    w.submit("form[action$='/candidates'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("job-offers-recruiting-day").await;
    w.finish().await;
}
