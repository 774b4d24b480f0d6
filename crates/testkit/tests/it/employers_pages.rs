//! The employers' pages over HTTP and in a browser, on both backends: an
//! employer recorded through its form (a refused form comes back 422 with
//! what was typed), a site added and removed, a needs survey recorded, a
//! login given and turned off, the needs table and its CSV; roles that may
//! not see employers get an error page, never a failure.

use reqwest::StatusCode;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::inclusion::{InclusionTeam, vat_number};
use soleil_testkit::{Backend, Seen, TestApp, csrf, message, on_both_backends, spawn};

on_both_backends!(
    an_employer_is_recorded_and_surveyed_through_its_pages,
    roles_that_may_not_see_employers_get_an_error_page,
    the_employers_pages_in_a_browser
);

/// Latina, in Lazio.
const LATINA: &str = "059011";

async fn get(client: &reqwest::Client, t: &TestApp, path: &str) -> Seen {
    Seen::of(client.get(t.url(path)).send().await.expect("page")).await
}

async fn post(client: &reqwest::Client, t: &TestApp, path: &str, form: &[(&str, &str)]) -> Seen {
    Seen::of(client.post(t.url(path)).form(form).send().await.expect("post")).await
}

/// The id of the employer a redirect leads to (`/employers/{id}?done=…`).
fn employer_of(location: &str) -> String {
    let rest = location.strip_prefix("/employers/").expect("an employer's page");
    rest.split('?').next().unwrap().to_owned()
}

async fn an_employer_is_recorded_and_surveyed_through_its_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "ep").await;
    let client = t.signed_in(&team.secretariat).await;

    // The list offers a new employer to the secretariat.
    let list = get(&client, &t, "/employers").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.html.contains("href=\"/employers/new\""));
    let form = get(&client, &t, "/employers/new").await;
    assert_eq!(form.status, StatusCode::OK);
    let token = csrf(&form.html);

    // A refused form comes back with what was typed and the reasons.
    let refused = post(
        &client,
        &t,
        "/employers/new",
        &[
            ("csrf", &token),
            ("legal_name", "Agricola Pontina srl"),
            ("vat_number", "00905811007"),
            ("ateco_code", "01.13"),
            ("comune", "Atlantide"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("value=\"Agricola Pontina srl\""));
    assert!(refused.html.contains("value=\"Atlantide\""));
    assert!(
        refused
            .html
            .contains(&message("it", "error-vat_number_check_digit"))
    );
    assert!(refused.html.contains("id=\"comune-error\""));
    assert!(refused.html.contains("id=\"vat_number-error\""));

    // A sound one is recorded, the comune given by its name.
    let vat = vat_number();
    let created = post(
        &client,
        &t,
        "/employers/new",
        &[
            ("csrf", &token),
            ("legal_name", "Agricola Pontina srl"),
            ("vat_number", &vat),
            ("ateco_code", "01.13"),
            ("comune", "Latina"),
            ("size_band", "small"),
            ("contact_email", "hr@agricola.example"),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.html);
    let id = employer_of(&created.location);
    let page = get(&client, &t, &created.location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains(&message("it", "done-emp-created")));
    assert!(page.html.contains("Latina (LT)"));
    assert!(page.html.contains(&vat));

    // The same VAT number again is a message on its field.
    let again = post(
        &client,
        &t,
        "/employers/new",
        &[
            ("csrf", &token),
            ("legal_name", "Altra srl"),
            ("vat_number", &vat),
            ("ateco_code", "01.13"),
            ("comune", LATINA),
        ],
    )
    .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.html.contains(&message("it", "error-employer_exists")));

    // The list finds it by part of its name and by its VAT number.
    for q in ["pontina", vat.as_str()] {
        let found = get(&client, &t, &format!("/employers?q={q}")).await;
        assert!(found.html.contains(&format!("/employers/{id}")), "{q}");
    }
    let elsewhere = get(&client, &t, "/employers?sector=F").await;
    assert!(!elsewhere.html.contains(&format!("/employers/{id}")));

    // A site: refused without its comune, then added and removed.
    let base = format!("/employers/{id}");
    let sites = format!("{base}/sites");
    let no_site = post(
        &client,
        &t,
        &sites,
        &[("csrf", &token), ("address", "Via Appia 5")],
    )
    .await;
    assert_eq!(no_site.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_site.html.contains("value=\"Via Appia 5\""));
    assert!(no_site.html.contains("id=\"site-comune-error\""));
    let added = post(
        &client,
        &t,
        &sites,
        &[
            ("csrf", &token),
            ("comune", "Sabaudia"),
            ("address", "Via Appia 5"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let page = get(&client, &t, &base).await;
    assert!(page.html.contains("Sabaudia (LT)"));
    let remove = page
        .html
        .split("action=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|action| action.ends_with("/remove"))
        .expect("a site to remove")
        .to_owned();
    let removed = post(&client, &t, &remove, &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(!get(&client, &t, &base).await.html.contains("Sabaudia (LT)"));

    // A survey: a row typed in the third line is refused on that line,
    // with everything typed kept; then recorded.
    let surveys = format!("{base}/surveys");
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let bad_survey = post(
        &client,
        &t,
        &surveys,
        &[
            ("csrf", &token),
            ("surveyed_on", &today),
            ("internships", "due"),
            ("open_to_training", "on"),
            ("needs[2].occupation", "92"),
            ("needs[2].workers", "12"),
            ("needs[2].skills", "potatura"),
        ],
    )
    .await;
    assert_eq!(bad_survey.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_survey.html.contains("id=\"survey-internships-error\""));
    assert!(bad_survey.html.contains("id=\"survey-needs-2-occupation-error\""));
    assert!(bad_survey.html.contains("value=\"potatura\""));
    assert!(
        bad_survey
            .html
            .contains(&message("it", "error-unknown_occupation"))
    );
    let recorded = post(
        &client,
        &t,
        &surveys,
        &[
            ("csrf", &token),
            ("surveyed_on", &today),
            ("internships", "2"),
            ("apprenticeships", "1"),
            ("open_to_training", "on"),
            ("needs[2].occupation", "9211"),
            ("needs[2].workers", "12"),
            ("needs[2].skills", "potatura"),
        ],
    )
    .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.html);
    let page = get(&client, &t, &recorded.location).await;
    assert!(page.html.contains(&message("it", "done-emp-survey-recorded")));
    assert!(page.html.contains("potatura"));

    // A login, given and turned off.
    let logins = format!("{base}/logins");
    let organisations = t
        .organisation(soleil_domain::OrganisationKind::Employer, RegionCode::Laz)
        .await;
    let short = post(
        &client,
        &t,
        &logins,
        &[
            ("csrf", &token),
            ("display_name", "Paola Neri"),
            ("email", "paola@agricola.example"),
            ("password", "short"),
            ("organisation_id", &organisations.id.to_string()),
        ],
    )
    .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.html.contains("value=\"paola@agricola.example\""));
    assert!(
        !short.html.contains("value=\"short\""),
        "a password is never shown again"
    );
    let given = post(
        &client,
        &t,
        &logins,
        &[
            ("csrf", &token),
            ("display_name", "Paola Neri"),
            ("email", "paola@agricola.example"),
            ("password", soleil_testkit::PASSWORD),
            ("organisation_id", &organisations.id.to_string()),
        ],
    )
    .await;
    assert_eq!(given.status, StatusCode::SEE_OTHER, "{}", given.html);
    let page = get(&client, &t, &base).await;
    assert!(page.html.contains("paola@agricola.example"));
    let deactivate = page
        .html
        .split("action=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|action| action.ends_with("/deactivate"))
        .expect("a login to deactivate")
        .to_owned();
    let off = post(&client, &t, &deactivate, &[("csrf", &token)]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    let page = get(&client, &t, &base).await;
    assert!(page.html.contains(&message("it", "emp-login-inactive")));

    // The correction form shows the record and saves it.
    let edit = get(&client, &t, &format!("{base}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.html.contains("value=\"Latina (LT)\""));
    let saved = post(
        &client,
        &t,
        &format!("{base}/edit"),
        &[
            ("csrf", &token),
            ("legal_name", "Agricola Pontina Nuova srl"),
            ("vat_number", &vat),
            ("ateco_code", "01.13"),
            ("comune", "Latina (LT)"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    assert!(
        get(&client, &t, &base)
            .await
            .html
            .contains("Agricola Pontina Nuova srl")
    );

    // The needs table counts the survey; the CSV has the same row.
    let needs = get(&client, &t, "/employer-needs").await;
    assert_eq!(needs.status, StatusCode::OK);
    assert!(needs.html.contains("<th scope=\"row\">A – "), "{}", needs.html);
    assert!(needs.html.contains("Latina"));
    assert!(needs.html.contains("9211"));
    let href = needs
        .html
        .split("href=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|href| href.starts_with("/employer-needs.csv"))
        .expect("the CSV link")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let csv = client.get(t.url(&href)).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK, "{href}");
    assert!(
        csv.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = csv.text().await.unwrap();
    let row = body
        .lines()
        .find(|l| l.starts_with("A;"))
        .expect("the sector's row");
    assert!(row.contains(";059;Latina;1;12;2;1;1;"), "{row}");
    // A period that ends before it starts is refused next to its field.
    let backwards = get(&client, &t, "/employer-needs?from=2026-05-01&to=2026-01-01").await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(backwards.html.contains("id=\"to-error\""));
}

async fn roles_that_may_not_see_employers_get_an_error_page(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "er").await;
    let (id, _) = soleil_testkit::inclusion::employer(
        &t,
        &team.secretariat,
        "Serre del Lazio srl",
        "01.13",
        LATINA,
        None,
    )
    .await;
    let other = InclusionTeam::new(&t, RegionCode::Tos, "er").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "er").await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "er").await;
    let cases = [
        (&team.frontline, "/employers", StatusCode::FORBIDDEN),
        (&auditor, "/employers", StatusCode::FORBIDDEN),
        (&team.frontline, "/employer-needs", StatusCode::FORBIDDEN),
        (&team.frontline, "/employers/new", StatusCode::FORBIDDEN),
        (&coordinator, "/employers/new", StatusCode::FORBIDDEN),
        (&coordinator, "/employer-needs", StatusCode::OK),
        // Another region's staff: the employer does not exist for them.
        (
            &other.secretariat,
            &format!("/employers/{id}"),
            StatusCode::NOT_FOUND,
        ),
        (&other.secretariat, "/employers/not-an-id", StatusCode::NOT_FOUND),
        (&team.case_manager, &format!("/employers/{id}"), StatusCode::OK),
    ];
    for (user, path, status) in cases {
        let client = t.signed_in(user).await;
        let seen = get(&client, &t, path).await;
        assert_eq!(seen.status, status, "{} at {path}", user.user.email);
        assert!(seen.html.contains("<main"), "{path}: a page, not a bare error");
    }
    // The case manager reads the employer but neither its logins nor their form.
    let client = t.signed_in(&team.case_manager).await;
    let page = get(&client, &t, &format!("/employers/{id}")).await;
    assert!(!page.html.contains("/logins\""));
    // A post of a role that may not change employers is refused with a page.
    let page = get(&client, &t, "/employers").await;
    let token = csrf(&page.html);
    let coordinator_client = t.signed_in(&coordinator).await;
    let home = get(&coordinator_client, &t, "/").await;
    let coordinator_token = csrf(&home.html);
    let refused = post(
        &coordinator_client,
        &t,
        &format!("/employers/{id}/sites"),
        &[("csrf", &coordinator_token), ("comune", LATINA)],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let login = post(
        &client,
        &t,
        &format!("/employers/{id}/logins"),
        &[("csrf", &token), ("email", "x@example.org")],
    )
    .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
}

/// The list, the new form (refused, then sound), an employer's page and the
/// needs table in a real browser, each checked with axe.
async fn the_employers_pages_in_a_browser(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-emp", backend.name())).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Laz, "eb").await;
    let mut w = Walk::new(browser);
    w.sign_in(&team.secretariat).await;
    w.b.open("/employers").await;
    w.check("employers-list").await;
    w.follow("a[href='/employers/new']").await;
    w.check("employers-new").await;
    w.b.fill("#legal_name", "Vivai Pontini srl").await;
    w.b.fill("#vat_number", "123").await;
    w.b.fill("#ateco_code", "01.19").await;
    w.b.fill("#comune", "Latina").await;
    w.submit("form[action='/employers/new'] button[type=submit]")
        .await;
    assert_eq!(w.status().await, 422);
    assert_eq!(w.value("#legal_name").await, "Vivai Pontini srl");
    assert_eq!(w.count("#vat_number[aria-invalid=true]").await, 1);
    w.check("employers-new-refused").await;
    w.b.fill("#vat_number", &vat_number()).await;
    w.submit("form[action='/employers/new'] button[type=submit]")
        .await;
    w.expect_notice().await;
    w.check("employers-show").await;
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    w.set_value("#survey-surveyed_on", &today).await;
    w.b.fill("#survey-needs-0-occupation", "9211").await;
    w.b.fill("#survey-needs-0-workers", "4").await;
    w.submit("form[action$='/surveys'] button[type=submit]").await;
    w.expect_notice().await;
    w.check("employers-surveyed").await;
    w.b.open("/employer-needs").await;
    w.check("employers-needs").await;
    w.finish().await;
}
