//! The pathway in a real browser: Debian's headless Chromium signs in as each
//! actor of a Lazio network and walks one case through the pages, from the
//! first contact to its closing. Every page on the way is saved as
//! `screenshots/BACKEND-NN-NAME.png` and checked with axe-core against WCAG
//! 2.1 A/AA; the test fails at the end with every violation found.
//!
//! Skipped (passes) when Chromium or ChromeDriver is missing, and on
//! PostgreSQL when `SOLEIL_TEST_POSTGRES_URL` is not set.

use fantoccini::Locator;
use soleil_domain::{Organisation, OrganisationKind, RegionCode, Role};
use soleil_testkit::browser::{Browser, Walk};
use soleil_testkit::{Backend, TestApp, TestUser, message, on_both_backends, spawn};

on_both_backends!(a_case_walks_through_every_page);

const GIVEN_NAME: &str = "Gurpreet";
const SURNAME: &str = "Singh";

struct Network {
    frontline: TestUser,
    secretariat: TestUser,
    case_manager: TestUser,
    service: TestUser,
    /// The service user's organisation: responsible for the plan's action.
    job_centre: Organisation,
}

async fn network(t: &TestApp) -> Network {
    let service = t.user(Role::Service, RegionCode::Laz, "web").await;
    let job_centre = t.organisation(OrganisationKind::JobCentre, RegionCode::Laz).await;
    assert_eq!(service.user.organisation_id, Some(job_centre.id));
    Network {
        frontline: t.user(Role::Frontline, RegionCode::Laz, "web").await,
        secretariat: t.user(Role::Secretariat, RegionCode::Laz, "web").await,
        case_manager: t.user(Role::CaseManager, RegionCode::Laz, "web").await,
        service,
        job_centre,
    }
}

async fn a_case_walks_through_every_page(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, backend.name()).await else {
        return;
    };
    let n = network(&t).await;
    let mut w = Walk::new(browser);

    report_contact(&mut w, &n.frontline).await;
    let case = assess(&mut w, &n).await;
    draft_and_submit_plan(&mut w, &n, &case).await;
    approve_plan(&mut w, &n.service, &case).await;
    start_inclusion(&mut w, &n.case_manager, &case).await;
    complete_action(&mut w, &n.service, &case).await;
    close_case(&mut w, &n.case_manager, &case).await;
    read_timeline_in_english(&mut w, &case).await;
    w.finish().await;
}

// ---------------------------------------------------------------------------
// The actors' steps

/// Front line: the login page, the first contact sent to the secretariat,
/// the person's file and the list of persons.
async fn report_contact(w: &mut Walk, frontline: &TestUser) {
    w.b.open("/login").await;
    w.check("login").await;
    w.sign_in(frontline).await;

    w.follow("nav a[href='/contacts/new']").await;
    w.b.fill("#given_name", GIVEN_NAME).await;
    w.b.fill("#surname", SURNAME).await;
    w.b.select("#sex", "male").await;
    w.set_value("#date_of_birth", "1990-05-01").await;
    w.b.fill("#nationality", "IN").await;
    w.b.fill("#phone", "+39 333 123 4567").await;
    w.b.select("#contact_channel", "mobile_unit").await;
    w.b.fill("#work_place", "Sabaudia (LT)").await;
    w.b.select("#sector", "agriculture").await;
    w.b.select("#legal_status", "permit_expired").await;
    for checkbox in [
        "#danger",
        "#no_shelter",
        "#language-pa",
        "#language-hi",
        "#consent_to_referral",
    ] {
        w.tick(checkbox).await;
    }
    w.b.fill("#notes", "Lavora 12 ore al giorno nei campi, paga 3 euro l'ora.")
        .await;
    fill_indicator_sheet(w).await;
    w.check("contact-form").await;

    w.submit("form[action='/contacts/new'] button[name=send]").await;
    w.expect_notice().await;
    let person = w.b.path().await;
    assert!(
        person.starts_with("/persons/"),
        "the contact leads to the person's file, not {person}"
    );
    assert!(w.b.text("main h1").await.contains(SURNAME));
    w.check("contact-sent").await;

    w.follow("nav a[href='/persons']").await;
    let person = person.split('?').next().unwrap_or_default();
    assert_eq!(w.count(&format!("main tbody a[href='{person}']")).await, 1);
    w.check("persons").await;
    w.sign_out().await;
}

/// Indicators of trafficking for labour exploitation: deceptive
/// recruitment, exploitative conditions and coercion at destination, three
/// medium indicators each.
const TRAFFICKING: [&str; 9] = [
    "dr_conditions_of_work",
    "dr_contract_content_legality",
    "dr_wages_earnings",
    "ex_bad_living_conditions",
    "ex_hazardous_work",
    "ex_low_or_no_salary",
    "cd_forced_to_lie",
    "cd_threat_worse_working_conditions",
    "cd_withholding_of_wages",
];
const TRAFFICKING_OUTCOME: &str = "Indicatori compatibili con la tratta";
const ANSWER_NOTE: &str = "Deve dire ai controlli di essere un parente del datore.";

/// The indicator sheet: the ILO list comes first; the operator switches to
/// the Delphi indicators without losing what was typed, then answers.
async fn fill_indicator_sheet(w: &mut Walk) {
    assert_eq!(w.count("input[name='answer-fl_isolation']").await, 3);
    w.b.select("select[name='instrument_id']", "ilo_ec_delphi_labour")
        .await;
    w.submit("form[action='/contacts/new'] button[name=save]").await;
    w.expect_notice().await;
    assert_eq!(w.value("#surname").await, SURNAME);
    assert_eq!(w.value("#work_place").await, "Sabaudia (LT)");
    assert_eq!(w.count("input[name='answer-fl_isolation']").await, 0);
    assert_eq!(w.count("#indicator-sheet input[value=unknown]:checked").await, 67);
    for id in TRAFFICKING {
        w.tick(&format!("#answer-{id}-yes")).await;
    }
    w.tick("#answer-vd_economic_reasons-no").await;
    w.b.click("details:has(#note-cd_forced_to_lie) > summary").await;
    w.b.fill("#note-cd_forced_to_lie", ANSWER_NOTE).await;
}

/// Secretariat: the queue, the case taken in charge, the assessment refused
/// once then recorded as a personalised path. Returns the case's path.
async fn assess(w: &mut Walk, n: &Network) -> String {
    w.sign_in(&n.secretariat).await;
    w.follow("nav a[href='/queue']").await;
    let row = format!("//main//tbody/tr[th[contains(., '{SURNAME}')]]");
    let urgent = format!("{row}//span[contains(@class, 'bg-danger')]");
    assert_eq!(
        w.count(&Locator::XPath(&urgent)).await,
        1,
        "the contact in danger is urgent"
    );
    // The queue says why: the urgent needs and the sheet's result.
    let why = w.b.text("main tbody td.soleil-why").await;
    assert!(why.contains(TRAFFICKING_OUTCOME), "{why}");
    assert!(
        why.contains("Perché:") && why.contains("Condizioni di lavoro"),
        "{why}"
    );
    w.check("queue").await;
    let open = format!("{row}//a[starts-with(@href, '/cases/')]");
    w.follow(&Locator::XPath(&open)).await;
    let case = w.b.path().await;
    assert!(
        case.starts_with("/cases/"),
        "the queue leads to the case, not {case}"
    );
    let page = w.b.page_text().await;
    assert!(page.contains(TRAFFICKING_OUTCOME) && page.contains(ANSWER_NOTE));
    w.check("case-reported").await;

    w.submit(&transition_button("assessing")).await;
    w.expect_notice().await;
    w.check("case-assessing").await;

    // Without a decision: the form comes back (422) with what was typed.
    w.follow(&format!("main a[href='{case}/assessment']")).await;
    w.check("assessment-form").await;
    let legal = "Permesso scaduto da 3 mesi: avviare art. 18-ter";
    let summary = "Indicatori di sfruttamento gravi: orari, paga, alloggio del datore.";
    w.b.fill("#assess-legal_status_checked", legal).await;
    w.b.fill("#assess-summary", summary).await;
    w.submit(&format!("form[action='{case}/assessment'] button[type=submit]"))
        .await;
    assert_eq!(w.status().await, 422);
    assert_eq!(w.count("#assess-errors a[href='#assess-decision']").await, 1);
    assert_eq!(w.value("#assess-legal_status_checked").await, legal);
    assert_eq!(w.value("#assess-summary").await, summary);
    w.check("assessment-invalid").await;

    w.tick("input[name=decision][value=personalised_path]").await;
    w.b.fill("#assess-zonal_group", "Ambito Latina 2").await;
    w.b.select("#assess-case_manager_id", &n.case_manager.user.id.to_string())
        .await;
    w.submit(&format!("form[action='{case}/assessment'] button[type=submit]"))
        .await;
    assert_eq!(w.b.path().await, format!("{case}?done=assessed"));
    w.expect_notice().await;
    let page = w.b.page_text().await;
    assert!(page.contains("Ambito Latina 2") && page.contains(&n.case_manager.user.display_name));
    w.check("case-planning").await;
    w.sign_out().await;
    case
}

/// Case manager: the service user joins the working group; the plan gets a
/// need and an action for the job centre, and goes to review.
async fn draft_and_submit_plan(w: &mut Walk, n: &Network, case: &str) {
    w.sign_in(&n.case_manager).await;
    w.b.open(case).await;
    w.b.select("#team-user_id", &n.service.user.id.to_string()).await;
    w.submit(&format!("form[action='{case}/team'] button[type=submit]"))
        .await;
    w.expect_notice().await;
    assert!(
        w.b.text("#team-title + div table")
            .await
            .contains(&n.service.user.display_name)
    );
    w.check("case-team").await;

    w.follow(&format!("main a[href='{case}/plan/edit']")).await;
    w.b.select("#plan-needs-0-area", "work").await;
    w.b.fill(
        "#plan-needs-0-description",
        "Lavoro regolare nel settore agricolo",
    )
    .await;
    w.b.select("#plan-actions-0-area", "work").await;
    w.b.fill(
        "#plan-actions-0-description",
        "Iscrizione al centro per l'impiego",
    )
    .await;
    w.b.select(
        "#plan-actions-0-responsible_organisation_id",
        &n.job_centre.id.to_string(),
    )
    .await;
    w.set_value("#plan-actions-0-due_date", "2027-01-31").await;
    w.check("plan-editor").await;
    w.submit(&format!(
        "form[action='{case}/plan/edit'] button[type=submit]:not([name])"
    ))
    .await;
    assert_eq!(w.b.path().await, format!("{case}/plan?done=plan-saved"));
    w.expect_notice().await;
    let actions = w.b.text("#actions-title + div table").await;
    assert!(actions.contains("centro per l'impiego") && actions.contains("31/01/2027"));
    assert!(actions.contains(&n.job_centre.name));
    w.check("plan-draft").await;

    w.submit(&format!("form[action='{case}/plan/submit'] button"))
        .await;
    w.expect_notice().await;
    w.check("plan-submitted").await;
    w.sign_out().await;
}

/// Service: approves the plan as a member of the working group.
async fn approve_plan(w: &mut Walk, service: &TestUser, case: &str) {
    w.sign_in(service).await;
    w.b.open(&format!("{case}/plan")).await;
    w.check("plan-review").await;
    w.tick("input[name=verdict][value=approve]").await;
    w.b.fill("#review-comment", "Il centro per l'impiego è pronto.")
        .await;
    w.submit(&format!("form[action='{case}/plan/review'] button[type=submit]"))
        .await;
    assert_eq!(w.b.path().await, format!("{case}/plan?done=reviewed"));
    w.expect_notice().await;
    assert!(
        w.b.text("#review-title ~ .table-responsive table")
            .await
            .contains("Il centro per l'impiego")
    );
    w.check("plan-approved").await;
    w.sign_out().await;
}

/// Case manager: the person's agreement, then the move to inclusion.
async fn start_inclusion(w: &mut Walk, case_manager: &TestUser, case: &str) {
    w.sign_in(case_manager).await;
    w.b.open(&format!("{case}/plan")).await;
    w.b.fill("#agreement-note", "Firmato con la mediatrice culturale")
        .await;
    w.submit(&format!(
        "form[action='{case}/plan/agreement'] button[type=submit]"
    ))
    .await;
    w.expect_notice().await;
    assert_eq!(w.count(&format!("form[action='{case}/plan/agreement']")).await, 0);
    w.check("plan-agreed").await;

    w.b.open(case).await;
    w.submit(&transition_button("inclusion")).await;
    assert_eq!(w.b.path().await, format!("{case}?done=moved"));
    w.expect_notice().await;
    w.check("case-inclusion").await;
    w.sign_out().await;
}

/// Service: marks its action done.
async fn complete_action(w: &mut Walk, service: &TestUser, case: &str) {
    w.sign_in(service).await;
    w.b.open(&format!("{case}/plan")).await;
    let form = format!("form[action^='{case}/plan/actions/']");
    w.b.fill(&format!("{form} textarea[name=note]"), "Iscritto il 12/12")
        .await;
    w.check("plan-action-open").await;
    w.submit(&format!("{form} button[name=status][value=done]")).await;
    assert_eq!(w.b.path().await, format!("{case}/plan?done=action"));
    w.expect_notice().await;
    assert_eq!(w.count(&form).await, 0, "a done action has no form any more");
    assert!(
        w.b.text("#actions-title + div table")
            .await
            .contains("Iscritto il 12/12")
    );
    w.check("plan-action-done").await;
    w.sign_out().await;
}

/// Case manager: closes the case, goals met.
async fn close_case(w: &mut Walk, case_manager: &TestUser, case: &str) {
    w.sign_in(case_manager).await;
    w.b.open(case).await;
    w.b.select("#closed-closing_reason", "goals_met").await;
    w.b.fill("#closed-note", "Contratto stagionale firmato").await;
    w.submit(&transition_button("closed")).await;
    assert_eq!(w.b.path().await, format!("{case}?done=moved"));
    w.expect_notice().await;
    assert_eq!(
        w.count(&format!("form[action='{case}/transition']")).await,
        0,
        "nothing moves a closed case"
    );
    w.check("case-closed").await;
}

/// The timeline shows every step in words; the header link switches the
/// interface to English once.
async fn read_timeline_in_english(w: &mut Walk, case: &str) {
    let steps = w.texts("ol.soleil-timeline > li > strong").await;
    for kind in [
        "reported",
        "transition",
        "assessment",
        "team_member_added",
        "plan_drafted",
        "plan_submitted",
        "plan_reviewed",
        "plan_approved",
        "agreement_recorded",
        "action_done",
    ] {
        let label = message("it", &format!("case_event_kind-{kind}"));
        assert!(
            steps.contains(&label),
            "the timeline lacks {label:?} ({kind}): {steps:?}"
        );
    }
    // The timeline says what was decided, not only that something was.
    let entries = w.texts("ol.soleil-timeline > li").await;
    let assessed = entries
        .iter()
        .find(|e| e.starts_with(&message("it", "case_event_kind-assessment")));
    let decision = message("it", "decision-personalised_path");
    assert!(
        assessed.is_some_and(|e| e.contains(&decision)),
        "the assessment step does not say {decision:?}: {assessed:?}"
    );
    let closing = entries.last().expect("a timeline");
    let (closed, goals_met) = (
        message("it", "case_state-closed"),
        message("it", "closing_reason-goals_met"),
    );
    assert!(
        closing.contains(&closed) && closing.contains(&goals_met),
        "the last step is not the closing ({closed:?}) with its reason ({goals_met:?}): {closing:?}"
    );

    assert_eq!(w.html_lang().await, "it");
    let title = w.b.text("#timeline-title").await;
    w.follow("header a[href^='/lang/en']").await;
    assert_eq!(w.b.path().await, case);
    assert_eq!(w.html_lang().await, "en");
    assert_ne!(w.b.text("#timeline-title").await, title);
    let steps = w.texts("ol.soleil-timeline > li > strong").await;
    assert!(
        steps.contains(&message("en", "case_event_kind-plan_approved")),
        "{steps:?}"
    );
    w.check("case-closed-english").await;
    w.sign_out().await;
}

/// The submit button of the action panel's form that moves the case to `to`.
fn transition_button(to: &str) -> String {
    format!("form:has(> input[name=to][value={to}]) button[type=submit]")
}
