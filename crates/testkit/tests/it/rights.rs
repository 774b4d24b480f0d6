//! "Know your rights", the public pages for the workers themselves: every
//! language without signing in, in its own direction; the self-check always
//! ends with where to get help; the network's listed desks; and nothing
//! stored about the reader — no cookie, no audit event — while a cross-site
//! post is still refused. Then the same in a real browser, in Arabic, with
//! axe-core checking each page against WCAG 2.1 AA.

use fantoccini::Locator;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, ORIGIN, SET_COOKIE};
use serde_json::json;
use soleil_app::{AuditFilter, Page};
use soleil_domain::organisation::PublicContacts;
use soleil_domain::{NewOrganisation, OrganisationKind, RegionCode, Role};
use soleil_testkit::browser::Browser;
use soleil_testkit::{Backend, Seen, TestApp, TestUser, csrf, on_both_backends, reader, spawn};

on_both_backends!(
    every_language_is_public_and_stores_nothing,
    an_unknown_language_is_not_found,
    the_self_check_always_ends_with_help,
    only_listed_organisations_are_shown,
    a_cross_site_self_check_is_refused,
    admins_list_organisations_from_their_pages,
    a_worker_reads_the_page_in_arabic,
);

/// Every language of the page, with its direction.
const LANGUAGES: [(&str, &str); 8] = [
    ("it", "ltr"),
    ("en", "ltr"),
    ("fr", "ltr"),
    ("ar", "rtl"),
    ("ur", "rtl"),
    ("pa", "ltr"),
    ("bn", "ltr"),
    ("ro", "ltr"),
];
const HOTLINE: &str = "800 290 290";

async fn get(t: &TestApp, path: &str) -> Seen {
    Seen::of(reader().get(t.url(path)).send().await.unwrap()).await
}

/// Posts the self-check as a browser on this site does.
async fn check(t: &TestApp, lang: &str, answers: &str) -> Seen {
    let response = reader()
        .post(t.url(&format!("/rights/{lang}/check")))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ORIGIN, &t.base_url)
        .header("sec-fetch-site", "same-origin")
        .body(answers.to_owned())
        .send()
        .await
        .unwrap();
    Seen::of(response).await
}

/// Lists an organisation on the public page, with made-up contacts.
async fn listed(
    t: &TestApp,
    name: &str,
    kind: OrganisationKind,
    region: RegionCode,
    phone: &str,
    listed: bool,
) {
    let contacts = PublicContacts::parse(
        Some("Via degli Esempi 1, Latina"),
        Some(phone),
        Some("lun–ven 9–13"),
        listed,
    )
    .unwrap();
    let new = NewOrganisation::parse(name, kind, region)
        .unwrap()
        .with_contacts(contacts);
    t.app.create_organisation_unattended(new).await.unwrap();
}

async fn audit_events(t: &TestApp, auditor: &TestUser) -> i64 {
    let (_, total) = t
        .app
        .audit_log(&auditor.user, &AuditFilter::default(), Page::new(0, 1))
        .await
        .unwrap();
    total
}

async fn every_language_is_public_and_stores_nothing(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "rights").await;
    let events = audit_events(&t, &auditor).await;

    let chooser = get(&t, "/rights").await;
    assert_eq!(chooser.status, StatusCode::OK);
    assert_eq!(chooser.cookies, 0, "the chooser sets no cookie");
    assert_eq!(chooser.cache, "no-store");
    for (code, dir) in LANGUAGES {
        let link = format!(r#"href="/rights/{code}" hreflang="{code}" lang="{code}" dir="{dir}""#);
        assert!(chooser.html.contains(&link), "the chooser offers {code}");
    }
    for name in ["العربية", "اردو", "ਪੰਜਾਬੀ", "বাংলা", "Română", "Français"]
    {
        assert!(
            chooser.html.contains(name),
            "the chooser names {name} in its own words"
        );
    }

    for (code, dir) in LANGUAGES {
        let page = get(&t, &format!("/rights/{code}")).await;
        assert_eq!(page.status, StatusCode::OK, "/rights/{code}");
        assert_eq!(page.cookies, 0, "/rights/{code} sets no cookie");
        assert_eq!(page.cache, "no-store", "/rights/{code}");
        assert!(
            page.html
                .contains(&format!(r#"<html lang="{code}" dir="{dir}">"#)),
            "/rights/{code} is in its language and direction"
        );
        assert!(
            page.html.contains(HOTLINE),
            "/rights/{code} shows the toll-free number"
        );
        assert!(
            page.html.contains(r#"href="tel:800290290""#),
            "/rights/{code} dials it"
        );
        assert!(
            page.html.contains(r#"href="tel:112""#),
            "/rights/{code} gives 112"
        );
        let review = if matches!(code, "it" | "en") {
            "reviewed"
        } else {
            "draft"
        };
        assert!(
            page.html
                .contains(&format!(r#"id="review-status" data-review="{review}""#)),
            "/rights/{code} is {review}"
        );
        assert!(
            page.html.contains(&format!(r#"action="/rights/{code}/check""#)),
            "/rights/{code} has the self-check"
        );
        assert!(!page.html.contains("<script"), "/rights/{code} runs no script");
    }
    assert!(
        get(&t, "/rights/it")
            .await
            .html
            .contains("Conosci i tuoi diritti")
    );
    assert!(get(&t, "/rights/ar").await.html.contains("اعرف حقوقك"));

    let answered = check(&t, "ur", "documents=yes&leave=no").await;
    assert_eq!(answered.status, StatusCode::OK);
    assert_eq!(answered.cookies, 0, "the self-check sets no cookie");
    assert_eq!(answered.cache, "no-store");

    assert_eq!(
        audit_events(&t, &auditor).await,
        events,
        "reading the pages is not audited"
    );
    let login = get(&t, "/login").await;
    assert!(
        login.html.contains(r#"<a href="/rights">"#),
        "the login page links to the rights page"
    );
}

async fn an_unknown_language_is_not_found(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    for path in ["/rights/xx", "/rights/AR", "/rights/ar-EG"] {
        let page = get(&t, path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(page.cookies, 0, "{path}");
        assert!(page.html.contains(r#"id="unknown-language""#), "{path} says so");
        assert!(
            page.html.contains(r#"href="/rights/ar""#),
            "{path} offers the languages"
        );
        assert!(page.html.contains(HOTLINE), "{path} still gives the number");
    }
    assert_eq!(
        check(&t, "xx", "documents=yes").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn the_self_check_always_ends_with_help(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    listed(
        &t,
        "Sportello di prova – Latina",
        OrganisationKind::Desk,
        RegionCode::Laz,
        "0773 0000 999",
        true,
    )
    .await;

    // Nothing worrying, or nothing answered: no signs, and still the help.
    for answers in ["documents=no&pay=no&hours=no&debt=no&threats=no&leave=yes", ""] {
        let result = check(&t, "en", answers).await;
        assert_eq!(result.status, StatusCode::OK, "{answers:?}");
        assert!(result.html.contains(r#"id="no-signs""#), "{answers:?}");
        assert!(!result.html.contains(r#"id="signs""#), "{answers:?}");
        assert!(result.html.contains("only a guide"), "it is indicative only");
        ends_with_help(&result.html);
    }

    // One worrying answer is enough: it is named a sign, and help is free.
    for answers in ["documents=yes", "leave=no", "pay=yes&debt=yes&threats=yes"] {
        let result = check(&t, "en", answers).await;
        assert!(result.html.contains(r#"id="signs""#), "{answers:?}");
        assert!(
            result.html.contains("signs of labour exploitation"),
            "{answers:?}"
        );
        assert!(result.html.contains("Help is free"), "{answers:?}");
        ends_with_help(&result.html);
    }
    let taken = check(&t, "en", "documents=yes").await;
    assert!(taken.html.contains("Nobody may keep your documents"));

    // The region chosen on the page comes along: its desks are shown.
    let result = check(&t, "ar", "threats=yes&region=laz").await;
    assert!(result.html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(result.html.contains("Sportello di prova – Latina"));
    assert!(result.html.contains(r#"href="tel:07730000999""#));
}

/// The result's last part is the toll-free number and the desks.
fn ends_with_help(html: &str) {
    let help = html.find(r#"id="get-help""#).expect("a help section");
    let result = html.find("<h1>").expect("a title");
    assert!(help > result, "the help comes after the result");
    let rest = &html[help..];
    assert!(rest.contains(HOTLINE), "the help gives the toll-free number");
    assert!(rest.contains(r#"id="desks""#), "the help gives the desks");
    assert!(rest.contains(r#"href="tel:112""#), "the help gives 112");
}

async fn only_listed_organisations_are_shown(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let page = get(&t, "/rights/en").await;
    assert!(page.html.contains(r#"id="no-desks""#), "no desk listed yet");

    listed(
        &t,
        "Sportello elencato – Latina",
        OrganisationKind::Desk,
        RegionCode::Laz,
        "0773 0000 901",
        true,
    )
    .await;
    listed(
        &t,
        "Unità mobile elencata – Pontina",
        OrganisationKind::MobileUnit,
        RegionCode::Laz,
        "0773 0000 902",
        true,
    )
    .await;
    listed(
        &t,
        "Sportello riservato – Latina",
        OrganisationKind::Desk,
        RegionCode::Laz,
        "0773 0000 903",
        false,
    )
    .await;
    listed(
        &t,
        "Sportello elencato – Prato",
        OrganisationKind::Desk,
        RegionCode::Tos,
        "0574 0000 904",
        true,
    )
    .await;
    // An organisation registered without contacts is never listed.
    t.organisation(OrganisationKind::SocialServices, RegionCode::Laz)
        .await;

    for query in ["?region=LAZ", "?region=laz"] {
        let lazio = get(&t, &format!("/rights/en{query}")).await;
        assert!(lazio.html.contains("Sportello elencato – Latina"), "{query}");
        assert!(lazio.html.contains("Unità mobile elencata – Pontina"), "{query}");
        assert!(lazio.html.contains("0773 0000 901"), "{query}");
        assert!(
            lazio.html.contains("Mobile unit: it comes to where you work"),
            "{query}"
        );
        assert!(!lazio.html.contains("Sportello riservato"), "{query}: not listed");
        assert!(!lazio.html.contains("0773 0000 903"), "{query}: not listed");
        assert!(
            !lazio.html.contains("Sportello elencato – Prato"),
            "{query}: another region"
        );
        assert!(!lazio.html.contains("social_services"), "{query}");
        assert!(
            lazio.html.contains(r#"<option value="laz" lang="it" selected>"#),
            "{query}"
        );
        assert!(
            lazio.html.contains(r#"name="region" value="laz""#),
            "{query}: the self-check keeps the region"
        );
    }
    let everywhere = get(&t, "/rights/fr").await;
    assert!(everywhere.html.contains("Sportello elencato – Latina"));
    assert!(everywhere.html.contains("Sportello elencato – Prato"));
    assert!(!everywhere.html.contains("Sportello riservato"));
    let nowhere = get(&t, "/rights/fr?region=xx").await;
    assert_eq!(
        nowhere.status,
        StatusCode::OK,
        "an unknown region is every region"
    );
    assert!(nowhere.html.contains("Sportello elencato – Prato"));

    // Admins set the contacts through the API as well, and a listing needs a way to reach it.
    let admin = t.user(Role::Admin, RegionCode::Laz, "rights").await;
    let body = json!({ "name": "Sindacato di prova – Frosinone", "kind": "union", "region": "laz",
                       "address": "Via Dimostrativa 2, Frosinone", "phone": "0775 0000 905",
                       "opening_hours": "lun 9–12", "public_listing": true });
    let created = t.post(&admin, "/api/v1/organisations", body).await.expect(201);
    assert_eq!(created["public_listing"], true);
    assert_eq!(created["phone"], "0775 0000 905");
    let refused = t
        .post(
            &admin,
            "/api/v1/organisations",
            json!({ "name": "Senza contatti", "kind": "desk", "region": "laz", "public_listing": true }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.to_string().contains("public_contact_required"));
    assert!(
        get(&t, "/rights/it?region=laz")
            .await
            .html
            .contains("Sindacato di prova – Frosinone")
    );

    // Taken off the list, it is gone from the page.
    let found = t
        .get(&admin, "/api/v1/organisations?q=Sindacato%20di%20prova")
        .await
        .expect(200);
    let id: soleil_domain::OrganisationId = found["items"][0]["id"].as_str().unwrap().parse().unwrap();
    let unlisted = soleil_app::network::ContactsInput {
        phone: Some("0775 0000 905".into()),
        ..Default::default()
    };
    t.app
        .update_organisation_contacts(&admin.user, id, &unlisted)
        .await
        .unwrap();
    assert!(
        !get(&t, "/rights/it?region=laz")
            .await
            .html
            .contains("Sindacato di prova")
    );
}

async fn a_cross_site_self_check_is_refused(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let post = |site: Option<&'static str>, origin: Option<&'static str>| {
        let mut request = reader()
            .post(t.url("/rights/en/check"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("documents=yes");
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        if let Some(origin) = origin {
            request = request.header(ORIGIN, origin);
        }
        request.send()
    };
    for (site, origin) in [
        (Some("cross-site"), None),
        (Some("same-site"), None),
        (None, Some("https://evil.example")),
    ] {
        let refused = post(site, origin).await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{site:?} {origin:?}");
        assert!(refused.headers().get(SET_COOKIE).is_none());
    }
    // The exemption is the self-check's only: other page posts still need a session.
    let other = reader()
        .post(t.url("/rights/en"))
        .header("sec-fetch-site", "same-origin")
        .body("x=1")
        .send()
        .await
        .unwrap();
    assert_ne!(other.status(), StatusCode::OK);
    let admin_post = reader()
        .post(t.url("/admin/organisations/new"))
        .header("sec-fetch-site", "same-origin")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("name=x&kind=desk&region=laz")
        .send()
        .await
        .unwrap();
    assert!(
        admin_post.status().is_redirection(),
        "without a session the guard sends to the login"
    );
}

/// A page as a signed-in browser sees it.
async fn html_of(browser: &reqwest::Client, t: &TestApp, path: &str) -> String {
    browser
        .get(t.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn admins_list_organisations_from_their_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "pages").await;
    let desk = t.organisation(OrganisationKind::Desk, RegionCode::Laz).await;
    let browser = t.browser();
    let signed_in = browser
        .post(t.url("/login"))
        .form(&[
            ("email", admin.user.email.as_str()),
            ("password", soleil_testkit::PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let contacts = format!("/admin/organisations/{}/contacts", desk.id);
    let list = html_of(&browser, &t, "/admin/organisations").await;
    assert!(
        list.contains(&format!(r#"href="{contacts}""#)),
        "the list links to the contacts"
    );
    let form = html_of(&browser, &t, &contacts).await;
    assert!(form.contains(&desk.name));
    let token = csrf(&form);

    // A listing without a way to reach the desk is refused, with what was typed.
    let refused = browser
        .post(t.url(&contacts))
        .form(&[
            ("csrf", token.as_str()),
            ("opening_hours", "lun 9–12"),
            ("public_listing", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="public_listing-error""#));
    assert!(refused.contains("lun 9–12"));

    let saved = browser
        .post(t.url(&contacts))
        .form(&[
            ("csrf", token.as_str()),
            ("address", "Via degli Esempi 3, Latina"),
            ("phone", "0773 0000 777"),
            ("opening_hours", "lun 9–12"),
            ("public_listing", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let public = get(&t, "/rights/en?region=laz").await.html;
    assert!(public.contains(&desk.name) && public.contains("0773 0000 777"));

    // A new organisation can be listed from the start.
    let created = browser
        .post(t.url("/admin/organisations/new"))
        .form(&[
            ("csrf", token.as_str()),
            ("name", "Sportello nuovo – Aprilia"),
            ("kind", "desk"),
            ("region", "laz"),
            ("phone", "06 0000 0111"),
            ("public_listing", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let public = get(&t, "/rights/en?region=laz").await.html;
    assert!(public.contains("Sportello nuovo – Aprilia") && public.contains(r#"href="tel:0600000111""#));
}

// ---------------------------------------------------------------------------
// In a real browser

/// The browser of a worker reading the page.
struct Reading {
    b: Browser,
}

impl Reading {
    async fn check(&mut self, name: &str) {
        self.b.check(name).await;
    }

    /// Clicks, and waits until the next page has replaced this one.
    async fn follow(&self, css: &str) {
        self.b.follow(Locator::Css(css)).await;
    }

    async fn script(&self, script: &str) -> serde_json::Value {
        self.b.client.execute(script, vec![]).await.unwrap()
    }
}

async fn a_worker_reads_the_page_in_arabic(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-rights", backend.name());
    let Some(b) = Browser::start(&t.base_url, &label).await else {
        return;
    };
    listed(
        &t,
        "Sportello lavoro e diritti – Latina",
        OrganisationKind::Desk,
        RegionCode::Laz,
        "0773 0000 101",
        true,
    )
    .await;
    listed(
        &t,
        "Unità mobile Agro Pontino",
        OrganisationKind::MobileUnit,
        RegionCode::Laz,
        "0773 0000 103",
        true,
    )
    .await;
    let mut r = Reading { b };

    r.b.open("/rights").await;
    r.check("chooser").await;
    for (code, name) in [
        ("it", "italian"),
        ("ur", "urdu"),
        ("pa", "punjabi"),
        ("bn", "bengali"),
    ] {
        r.b.open(&format!("/rights/{code}")).await;
        r.check(name).await;
    }

    // The worker picks Arabic: the page turns right to left.
    r.b.open("/rights").await;
    r.follow("a[href='/rights/ar']").await;
    assert_eq!(r.b.path().await, "/rights/ar");
    assert_eq!(
        r.script("return document.documentElement.dir").await,
        json!("rtl")
    );
    assert_eq!(
        r.script("return document.documentElement.lang").await,
        json!("ar")
    );
    assert_eq!(
        r.script("return getComputedStyle(document.body).direction").await,
        json!("rtl")
    );
    // The desks of their region, with the plain form.
    r.b.select("#region", "laz").await;
    r.follow("form.soleil-rights-region button[type=submit]").await;
    assert_eq!(r.b.path().await, "/rights/ar?region=laz");
    assert!(
        r.b.text("#desks")
            .await
            .contains("Sportello lavoro e diritti – Latina")
    );
    r.check("arabic").await;
    // Most readers have only a phone.
    let (width, height) = r.b.client.get_window_size().await.unwrap();
    r.b.client.set_window_size(390, 844).await.unwrap();
    r.check("arabic-phone").await;
    let (width, height) = (u32::try_from(width).unwrap(), u32::try_from(height).unwrap());
    r.b.client.set_window_size(width, height).await.unwrap();

    // The self-check, answered: signs, and where to get help.
    for radio in ["#q-documents-yes", "#q-pay-yes", "#q-leave-no", "#q-threats-no"] {
        r.b.click(&format!("label[for='{}']", &radio[1..])).await;
        let ticked = r.b.client.find(Locator::Css(radio)).await.unwrap();
        assert!(ticked.is_selected().await.unwrap(), "{radio} is ticked");
    }
    r.follow("form[action='/rights/ar/check'] button[type=submit]")
        .await;
    assert_eq!(r.b.path().await, "/rights/ar/check");
    assert_eq!(
        r.script("return document.documentElement.dir").await,
        json!("rtl")
    );
    let signs = r.b.text("#signs").await;
    assert!(
        signs.contains("علامات على الاستغلال"),
        "the signs are named: {signs}"
    );
    let help = r.b.text("#get-help").await;
    assert!(
        help.contains(HOTLINE),
        "the result ends with the toll-free number"
    );
    assert!(help.contains("0773 0000 101"), "and the desks of the region");
    assert_eq!(r.script("return document.cookie").await, json!(""), "no cookie");
    r.check("arabic-result").await;

    // The admin's side: the organisation form with its public contacts.
    let admin = t.user(Role::Admin, RegionCode::Laz, "browser").await;
    r.b.sign_in(&admin.user.email, soleil_testkit::PASSWORD).await;
    r.b.open("/admin/organisations").await;
    r.check("admin-organisations").await;
    r.follow("main a[href$='/contacts']").await;
    r.check("admin-contacts").await;

    r.b.finish().await;
}
