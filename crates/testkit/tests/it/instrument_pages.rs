//! The screening instrument pages: the printable sheet, public in both
//! languages and storing nothing about its reader; the catalogue and one
//! instrument for every signed-in role; the training form that evaluates
//! answers without storing them; and admins publishing a new version
//! through the page, refused with the text kept when a rule is broken.
//! Then the pages in a real browser, checked with axe-core against WCAG 2.1
//! AA, with screenshots in `screenshots/`.

use fantoccini::Locator;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use soleil_app::{AuditFilter, Page};
use soleil_domain::{Instrument, RegionCode, Role};
use soleil_testkit::browser::Browser;
use soleil_testkit::{
    Backend, PASSWORD, Seen, TestApp, TestUser, csrf, message, on_both_backends, reader, spawn,
};

on_both_backends!(
    the_sheet_is_public_in_both_languages,
    an_unknown_instrument_is_not_found,
    signed_in_pages_render_for_the_front_line,
    the_training_form_evaluates_and_keeps_answers,
    an_admin_publishes_a_new_version,
    a_broken_file_is_refused_with_the_text_kept,
    only_admins_publish,
    instrument_pages_pass_axe_in_a_browser,
);

const INSTRUMENTS: [&str; 3] = ["ilo_forced_labour_11", "ilo_ec_delphi_labour", "cp_603bis"];
const DELPHI: &str = "ilo_ec_delphi_labour";
const HOTLINE: &str = "800 290 290";

/// Three medium indicators answered yes in each of deceptive recruitment,
/// exploitative conditions and coercion at destination: the Delphi rule
/// `(DR || CR || RV) && EX && (CD || VD)` is met.
const TRAFFICKING_YES: [&str; 9] = [
    "dr_conditions_of_work",
    "dr_contract_content_legality",
    "dr_family_reunification",
    "ex_bad_living_conditions",
    "ex_hazardous_work",
    "ex_low_or_no_salary",
    "cd_forced_illicit_criminal_activities",
    "cd_forced_tasks_or_clients",
    "cd_forced_to_lie",
];

// ---------------------------------------------------------------------------
// Helpers

/// A text as the templates write it into HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
}

fn unescaped(html: &str) -> String {
    html.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}

async fn get(client: &reqwest::Client, t: &TestApp, path: &str) -> Seen {
    Seen::of(client.get(t.url(path)).send().await.unwrap()).await
}

/// Posts a page form with the session's anti-forgery token.
async fn post(
    client: &reqwest::Client,
    t: &TestApp,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
) -> Seen {
    let mut form: Vec<(&str, &str)> = vec![("csrf", csrf)];
    form.extend_from_slice(fields);
    Seen::of(client.post(t.url(path)).form(&form).send().await.unwrap()).await
}

/// The text of the publish page's textarea, as a browser would post it.
fn textarea(html: &str) -> String {
    let open = html.find("<textarea").expect("a textarea");
    let start = open + html[open..].find('>').unwrap() + 1;
    let end = start + html[start..].find("</textarea>").unwrap();
    // The parser drops the newline right after the opening tag.
    let text = html[start..end].strip_prefix('\n').unwrap_or(&html[start..end]);
    unescaped(text)
}

async fn instrument(t: &TestApp, id: &str) -> Instrument {
    t.app.instrument(id, None).await.unwrap()
}

async fn audit_events(t: &TestApp, auditor: &TestUser) -> i64 {
    let (_, total) = t
        .app
        .audit_log(&auditor.user, &AuditFilter::default(), Page::new(0, 1))
        .await
        .unwrap();
    total
}

/// The answers of the training form, `answer-<id>=yes` for each id.
fn yes_to<'a>(ids: &'a [&'a str]) -> Vec<(String, &'a str)> {
    ids.iter().map(|id| (format!("answer-{id}"), "yes")).collect()
}

// ---------------------------------------------------------------------------
// The public sheet

async fn the_sheet_is_public_in_both_languages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "sheet").await;
    let events = audit_events(&t, &auditor).await;
    let client = reader();
    for id in INSTRUMENTS {
        let instrument = instrument(&t, id).await;
        let d = instrument.definition();
        for lang in ["it", "en"] {
            let path = format!("/sheets/{id}?lang={lang}");
            let page = get(&client, &t, &path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert_eq!(page.cookies, 0, "{path} sets no cookie");
            assert!(
                page.html.contains(&format!(r#"<html lang="{lang}">"#)),
                "{path} is in {lang}"
            );
            assert!(page.html.contains(HOTLINE), "{path} gives the toll-free number");
            assert!(page.html.contains(r#"href="tel:800290290""#), "{path} dials it");
            assert!(
                page.html.contains(&escaped(d.name.get(lang))),
                "{path} names the instrument"
            );
            for indicator in &d.indicators {
                let question = escaped(indicator.question.get(lang));
                assert!(page.html.contains(&question), "{path} asks {}", indicator.id);
            }
            for outcome in &d.outcomes {
                assert!(
                    page.html.contains(&escaped(outcome.label.get(lang))),
                    "{path} ladder: {}",
                    outcome.id
                );
            }
            let boxes = escaped(&message(lang, "instruments-answer-unknown"));
            assert_eq!(
                page.html.matches(&format!("☐</span>&nbsp;{boxes}")).count(),
                d.indicators.len(),
                "{path} has a blank answer for every question"
            );
            assert!(!page.html.contains("/logout"), "{path} shows no signed-in menu");
            let other = if lang == "it" { "en" } else { "it" };
            assert!(
                page.html.contains(&format!(
                    r#"href="/sheets/{id}?lang={other}&#38;version={}""#,
                    d.version
                )),
                "{path} links to the other language"
            );
        }
    }

    // Without ?lang=, the browser's language; a cookie of a session is not read.
    let english = client
        .get(t.url("/sheets/cp_603bis"))
        .header(ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .header("cookie", "soleil_session=not-a-session")
        .send()
        .await
        .unwrap();
    let english = Seen::of(english).await;
    assert_eq!(english.status, StatusCode::OK);
    assert_eq!(english.cookies, 0);
    assert!(english.html.contains(r#"<html lang="en">"#));
    let italian = get(&client, &t, "/sheets/cp_603bis").await;
    assert!(italian.html.contains(r#"<html lang="it">"#), "Italian by default");
    let versioned = get(&client, &t, "/sheets/ilo_ec_delphi_labour?version=2009&lang=en").await;
    assert_eq!(versioned.status, StatusCode::OK);

    // The Print button is a script file of this site: no inline handler.
    assert!(
        italian
            .html
            .contains(r#"<script src="/static/app/print.js" defer></script>"#)
    );
    assert!(!italian.html.contains("onclick"));
    let script = get(&client, &t, "/static/app/print.js").await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.html.contains("window.print()"));

    assert_eq!(
        audit_events(&t, &auditor).await,
        events,
        "reading the sheet is not audited"
    );
}

async fn an_unknown_instrument_is_not_found(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    for path in ["/sheets/nothing", "/sheets/cp_603bis?version=1999", "/sheets/%20"] {
        let page = get(&reader(), &t, path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(page.cookies, 0, "{path}");
    }
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "missing").await;
    let client = t.signed_in(&frontline).await;
    for path in [
        "/instruments/nothing",
        "/instruments/cp_603bis?version=1999",
        "/instruments/nothing/try",
    ] {
        assert_eq!(
            get(&client, &t, path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let page = get(&client, &t, "/instruments/nothing/try").await;
    let token = csrf(&page.html);
    let posted = post(&client, &t, "/instruments/nothing/try", &token, &[]).await;
    assert_eq!(posted.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------
// Signed-in pages

async fn signed_in_pages_render_for_the_front_line(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    // Not signed in: the sign-in page first.
    for path in [
        "/instruments",
        "/instruments/cp_603bis",
        "/instruments/cp_603bis/try",
    ] {
        let page = get(&reader(), &t, path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert!(page.location.starts_with("/login"), "{path}");
    }

    let frontline = t.user(Role::Frontline, RegionCode::Laz, "pages").await;
    let client = t.signed_in(&frontline).await;
    let list = get(&client, &t, "/instruments").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.html
            .contains(r#"<a href="/instruments" aria-current="page">"#),
        "in the menu"
    );
    for id in INSTRUMENTS {
        let instrument = instrument(&t, id).await;
        let d = instrument.definition();
        assert!(list.html.contains(&escaped(&d.name.it)), "the list names {id}");
        assert!(list.html.contains(&format!(r#"href="/instruments/{id}""#)));
        assert!(list.html.contains(&format!(r#"href="/instruments/{id}/try""#)));
        assert!(list.html.contains(&format!(
            r#"href="/sheets/{id}?lang=it&#38;version={}""#,
            d.version
        )));

        let page = get(&client, &t, &format!("/instruments/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "/instruments/{id}");
        assert!(page.html.contains(&escaped(&d.purpose.it)));
        for dimension in &d.dimensions {
            assert!(
                page.html.contains(&escaped(&dimension.label.it)),
                "{id}: {}",
                dimension.id
            );
            assert!(page.html.contains(&escaped(&dimension.rule.it)));
            assert!(
                page.html
                    .contains(&format!("<code>{}</code>", escaped(&dimension.met_when)))
            );
        }
        for indicator in &d.indicators {
            assert!(
                page.html.contains(&escaped(&indicator.question.it)),
                "{id}: {}",
                indicator.id
            );
            assert!(page.html.contains(&escaped(&indicator.help.it)));
            if let Some(legal_ref) = &indicator.legal_ref {
                assert!(page.html.contains(&escaped(legal_ref)));
            }
        }
        for outcome in &d.outcomes {
            assert!(
                page.html.contains(&escaped(&outcome.label.it)),
                "{id}: {}",
                outcome.id
            );
            assert!(page.html.contains(&escaped(&outcome.advice.it)));
        }
        assert!(page.html.contains(&escaped(&d.source.title)));
        let uncertain = d.dimensions.iter().filter_map(|x| x.uncertain.as_ref()).count()
            + d.indicators.iter().filter_map(|x| x.uncertain.as_ref()).count()
            + d.outcomes.iter().filter_map(|x| x.uncertain.as_ref()).count();
        assert_eq!(
            page.html.matches(r#"<details class="soleil-uncertain">"#).count(),
            uncertain,
            "{id}: every uncertain item has its note"
        );
        assert!(page.html.contains(&format!(
            r#"href="/sheets/{id}?lang=en&#38;version={}""#,
            d.version
        )));
        assert!(
            !page.html.contains("/publish"),
            "no publish link for the front line"
        );

        let form = get(&client, &t, &format!("/instruments/{id}/try")).await;
        assert_eq!(form.status, StatusCode::OK, "/instruments/{id}/try");
        assert_eq!(
            form.html
                .matches("<fieldset class=\"soleil-try-dimension\"")
                .count(),
            d.dimensions.len()
        );
        for indicator in &d.indicators {
            let unknown = format!(r#"id="answer-{}-unknown" value="unknown" checked>"#, indicator.id);
            assert!(
                form.html.contains(&unknown),
                "{id}: {} starts unknown",
                indicator.id
            );
            assert!(
                form.html
                    .contains(&format!(r#"aria-describedby="answer-{}-help""#, indicator.id))
            );
        }
    }
    let delphi = get(&client, &t, "/instruments/ilo_ec_delphi_labour").await;
    assert!(delphi.html.contains("soleil-strength-strong") && delphi.html.contains("soleil-strength-weak"));

    // English, once chosen in the header.
    let switched = get(&client, &t, "/lang/en?next=%2Finstruments%2Fcp_603bis").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let page = get(&client, &t, "/instruments/cp_603bis").await;
    assert!(page.html.contains(r#"<html lang="en">"#));
    let d = instrument(&t, "cp_603bis").await.definition().clone();
    assert!(
        page.html.contains(&escaped(&d.indicators[0].question.en)),
        "the page in English"
    );
    assert!(page.html.contains(&escaped(&d.outcomes[0].advice.en)));
}

async fn the_training_form_evaluates_and_keeps_answers(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "try").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "try").await;
    let client = t.signed_in(&frontline).await;
    let delphi = instrument(&t, DELPHI).await;
    let d = delphi.definition();
    let path = format!("/instruments/{DELPHI}/try");
    let form = get(&client, &t, &path).await;
    let token = csrf(&form.html);
    assert!(
        form.html
            .contains(&format!(r#"action="/instruments/{DELPHI}/try#result""#))
    );
    let events = audit_events(&t, &auditor).await;

    let answers = yes_to(&TRAFFICKING_YES);
    let mut fields: Vec<(&str, &str)> = answers.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    fields.push(("answer-ex_excessive_hours", "no"));
    fields.push(("version", "2009"));
    let result = post(&client, &t, &path, &token, &fields).await;
    assert_eq!(result.status, StatusCode::OK);
    let trafficking = &d.outcomes[0];
    assert_eq!(trafficking.id, "trafficking_indicators");
    assert!(result.html.contains(r#"id="result""#), "the result is shown");
    assert!(
        result
            .html
            .contains(&format!("<strong>{}</strong>", escaped(&trafficking.label.it))),
        "the outcome reached is the trafficking rung"
    );
    assert!(
        result.html.contains(&escaped(&trafficking.advice.it)),
        "with its advice"
    );
    for id in TRAFFICKING_YES {
        let kept = format!(r#"id="answer-{id}-yes" value="yes" checked>"#);
        assert!(result.html.contains(&kept), "{id} stays yes");
    }
    assert!(
        result
            .html
            .contains(r#"id="answer-ex_excessive_hours-no" value="no" checked>"#)
    );
    assert!(
        result
            .html
            .contains(r#"id="answer-dr_wages_earnings-unknown" value="unknown" checked>"#)
    );
    assert_eq!(
        result.html.matches(" checked>").count(),
        d.indicators.len(),
        "one answer each"
    );

    // Nothing answered: the catch-all, which does not claim nothing is there.
    let nothing = post(&client, &t, &path, &token, &[("version", "2009")]).await;
    let catch_all = d.outcomes.last().unwrap();
    assert!(
        nothing
            .html
            .contains(&format!("<strong>{}</strong>", escaped(&catch_all.label.it)))
    );

    // One strong indicator, the rest unknown: nothing is met yet, and the
    // more serious rungs are shown as possible.
    let one = post(
        &client,
        &t,
        &path,
        &token,
        &[("answer-ex_excessive_hours", "yes")],
    )
    .await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(
        one.html
            .contains(&format!("<strong>{}</strong>", escaped(&catch_all.label.it)))
    );
    let exploitation = d.outcomes.iter().find(|o| o.id == "exploitation_only").unwrap();
    let possible = message("it", "explain-possible").replace("{ $outcome }", &exploitation.label.it);
    assert!(one.html.contains(&escaped(&possible)), "{possible}");

    assert_eq!(
        audit_events(&t, &auditor).await,
        events,
        "training stores and logs nothing"
    );
}

// ---------------------------------------------------------------------------
// Publishing

async fn an_admin_publishes_a_new_version(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "publish").await;
    let client = t.signed_in(&admin).await;
    let show = get(&client, &t, &format!("/instruments/{DELPHI}")).await;
    assert!(
        show.html
            .contains(&format!(r#"href="/admin/instruments/{DELPHI}/publish""#)),
        "admins find the publish page from the instrument"
    );

    let path = format!("/admin/instruments/{DELPHI}/publish");
    let form = get(&client, &t, &path).await;
    assert_eq!(form.status, StatusCode::OK);
    let text = textarea(&form.html);
    assert_eq!(
        soleil_app::instruments::read_catalogue_file(&text).unwrap(),
        *instrument(&t, DELPHI).await.definition(),
        "the form starts from the newest version"
    );
    assert!(text.contains("version = \"2009\""), "{}", &text[..200]);
    let changed = text.replacen("version = \"2009\"", "version = \"2009.1\"", 1);
    let token = csrf(&form.html);
    let published = post(&client, &t, &path, &token, &[("definition", &changed)]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.html);
    assert_eq!(
        published.location,
        format!("/instruments/{DELPHI}?version=2009.1&done=instrument-published")
    );
    let page = get(&client, &t, &published.location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains(&message("it", "done-instrument-published")),
        "with a notice"
    );
    assert!(page.html.contains("2009.1"));

    let listed = t.get(&admin, "/api/v1/instruments").await.expect(200);
    let delphi = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == DELPHI)
        .unwrap();
    assert_eq!(delphi["current_version"], "2009.1");
    let versions: Vec<&str> = delphi["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["2009.1", "2009"]);
    assert_eq!(delphi["versions"][0]["shipped"], false);
    t.get(&admin, &format!("/api/v1/instruments/{DELPHI}?version=2009.1"))
        .await
        .expect(200);

    // The same version again: refused, the text kept, the reason given.
    let form = get(&client, &t, &path).await;
    assert!(
        textarea(&form.html).contains("version = \"2009.1\""),
        "the newest is now 2009.1"
    );
    let again = post(&client, &t, &path, &token, &[("definition", &changed)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(textarea(&again.html), changed);
    assert!(
        again
            .html
            .contains(&escaped(&message("it", "error-instrument_version_exists")))
    );
}

async fn a_broken_file_is_refused_with_the_text_kept(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "broken").await;
    let client = t.signed_in(&admin).await;
    let path = format!("/admin/instruments/{DELPHI}/publish");
    let form = get(&client, &t, &path).await;
    let token = csrf(&form.html);
    let text = textarea(&form.html).replacen("version = \"2009\"", "version = \"2009.2\"", 1);

    // A rule that does not read, and an outcome that a yes could lower.
    let met_when = "met_when = \"s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1)\"";
    assert!(text.contains(met_when), "the Delphi rule as the file writes it");
    let broken = text
        .replacen(met_when, "met_when = \"s >= 2 || (s >=\"", 1)
        .replacen("when = \"EX\"\n", "when = \"!EX\"\n", 1);
    assert_ne!(broken, text);
    let refused = post(&client, &t, &path, &token, &[("definition", &broken)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(textarea(&refused.html), broken, "the text is kept as typed");
    assert!(refused.html.contains(r#"id="error-summary""#));
    assert!(
        refused.html.contains("<code>dimensions[0].met_when</code>"),
        "the field path"
    );
    assert!(
        refused
            .html
            .contains(&escaped(&message("it", "error-invalid_rule")))
    );
    assert!(refused.html.contains("<code>outcomes[2].when</code>"));
    assert!(
        refused
            .html
            .contains(&escaped(&message("it", "error-rule_not_monotone")))
    );
    assert!(refused.html.contains("soleil-error-detail"), "with the detail");
    assert!(refused.html.contains(r#"aria-invalid="true""#));

    // Not TOML at all: the line is named.
    let garbled = text.replacen("has_strength = true", "has_strength = ", 1);
    let refused = post(&client, &t, &path, &token, &[("definition", &garbled)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("<code>definition</code>"));
    assert!(refused.html.contains("line "), "the line of the mistake");
    assert_eq!(textarea(&refused.html), garbled);

    // Another instrument's id from this page: refused.
    let other = text.replacen("id = \"ilo_ec_delphi_labour\"", "id = \"another_list\"", 1);
    let refused = post(&client, &t, &path, &token, &[("definition", &other)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("<code>id</code>"));

    let listed = t.get(&admin, "/api/v1/instruments").await.expect(200);
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"another_list"));
    let delphi = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == DELPHI)
        .unwrap();
    assert_eq!(delphi["current_version"], "2009", "nothing was published");
}

async fn only_admins_publish(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "only").await;
    let admin_client = t.signed_in(&admin).await;
    let path = format!("/admin/instruments/{DELPHI}/publish");
    let text = textarea(&get(&admin_client, &t, &path).await.html).replacen(
        "version = \"2009\"",
        "version = \"2009.9\"",
        1,
    );
    for role in [
        Role::Frontline,
        Role::Secretariat,
        Role::Coordinator,
        Role::Auditor,
    ] {
        let user = t.user(role, RegionCode::Laz, "only").await;
        let client = t.signed_in(&user).await;
        let page = get(&client, &t, &path).await;
        assert_eq!(
            page.status,
            StatusCode::FORBIDDEN,
            "{role:?} opens the publish page"
        );
        assert!(!page.html.contains("<textarea"), "{role:?}");
        let show = get(&client, &t, &format!("/instruments/{DELPHI}")).await;
        assert_eq!(show.status, StatusCode::OK);
        assert!(!show.html.contains(&path), "{role:?} sees no publish link");
        let token = csrf(&show.html);
        let posted = post(&client, &t, &path, &token, &[("definition", &text)]).await;
        assert_eq!(posted.status, StatusCode::FORBIDDEN, "{role:?} publishes");
    }
    let listed = t
        .get(&admin, &format!("/api/v1/instruments/{DELPHI}?version=2009.9"))
        .await;
    assert_eq!(listed.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------
// In a browser

async fn instrument_pages_pass_axe_in_a_browser(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-instruments", backend.name());
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "axe").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "axe").await;
    let Some(mut b) = Browser::start(&t.base_url, &label).await else {
        return;
    };

    // The sheet, before signing in, in both languages.
    for lang in ["it", "en"] {
        b.open(&format!("/sheets/{DELPHI}?lang={lang}")).await;
        let html = b.client.find(Locator::Css("html")).await.unwrap();
        assert_eq!(html.attr("lang").await.unwrap().as_deref(), Some(lang));
        let print = b.client.find(Locator::Css("[data-soleil-print]")).await.unwrap();
        assert!(
            print.is_displayed().await.unwrap(),
            "the script shows the Print button"
        );
        b.check(&format!("sheet-{lang}")).await;
    }
    b.open("/sheets/cp_603bis?lang=it").await;
    b.check("sheet-cp_603bis").await;

    b.sign_in(&frontline.user.email, PASSWORD).await;
    wait_until_at(&b, "/").await;
    b.open("/instruments").await;
    b.check("instruments").await;
    b.open(&format!("/instruments/{DELPHI}")).await;
    b.check("instrument").await;

    b.open(&format!("/instruments/{DELPHI}/try")).await;
    for id in TRAFFICKING_YES {
        // Bootstrap Italia draws the radio button on its label.
        b.click(&format!("label[for='answer-{id}-yes']")).await;
    }
    b.click("form[action$='/try#result'] button[type=submit]").await;
    let result = wait_for(&b, "#result").await;
    let delphi = instrument(&t, DELPHI).await;
    assert!(
        result.contains(&delphi.definition().outcomes[0].label.it),
        "the browser shows the trafficking rung: {result}"
    );
    let kept = b
        .client
        .find(Locator::Css("#answer-ex_low_or_no_salary-yes"))
        .await
        .unwrap();
    assert!(kept.is_selected().await.unwrap(), "the answers are kept");
    b.check("try-result").await;

    // An admin's publish page, then refused with every error listed.
    b.sign_out().await;
    wait_until_at(&b, "/login").await;
    b.sign_in(&admin.user.email, PASSWORD).await;
    wait_until_at(&b, "/").await;
    b.open(&format!("/admin/instruments/{DELPHI}/publish")).await;
    b.check("publish").await;
    let script = "const file = document.querySelector('#definition');
        for (const [from, to] of arguments[0]) { file.value = file.value.replace(from, to); }
        return file.value.includes('2009.5') && file.value.includes('!EX');";
    let changes = serde_json::json!([
        ["version = \"2009\"", "version = \"2009.5\""],
        ["when = \"EX\"\n", "when = \"!EX\"\n"]
    ]);
    let edited = b.client.execute(script, vec![changes]).await.unwrap();
    assert_eq!(edited, serde_json::json!(true));
    b.click("form[action$='/publish'] button[type=submit]").await;
    let summary = wait_for(&b, "#error-summary").await;
    assert!(summary.contains("outcomes[2].when"), "{summary}");
    let kept = b.client.find(Locator::Css("#definition")).await.unwrap();
    let kept = kept.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        kept.contains("version = \"2009.5\"") && kept.contains("!EX"),
        "the text is kept"
    );
    b.check("publish-refused").await;
    b.finish().await;
}

/// Waits for the browser to arrive at a path.
async fn wait_until_at(b: &Browser, path: &str) {
    for _ in 0..200 {
        if b.path().await == path {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("not at {path} but at {}", b.path().await);
}

/// The text of an element once the page shows it.
async fn wait_for(b: &Browser, css: &str) -> String {
    for _ in 0..200 {
        if let Ok(element) = b.client.find(Locator::Css(css)).await {
            return element.text().await.unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no {css} at {}", b.path().await);
}
