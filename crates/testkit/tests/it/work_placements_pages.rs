//! The placements' pages over HTTP and in a browser, on both backends: the
//! list with its filters, a placement's page with its follow-ups (the one
//! that is open recorded through its form, a refused answer coming back 422
//! with what was chosen) and the form that ends it, and the follow-ups due.

use reqwest::StatusCode;
use serde_json::{Value, json};
use soleil_domain::RegionCode;
use soleil_testkit::inclusion::{self, InclusionTeam};
use soleil_testkit::{Backend, Seen, TestApp, csrf, message, on_both_backends, spawn};

on_both_backends!(
    a_placement_is_followed_up_and_ended_through_its_pages,
    the_placements_pages_in_a_browser
);

/// Pescara, in Abruzzo.
const PESCARA: &str = "068028";

async fn get(client: &reqwest::Client, t: &TestApp, path: &str) -> Seen {
    Seen::of(client.get(t.url(path)).send().await.expect("page")).await
}

async fn post(client: &reqwest::Client, t: &TestApp, path: &str, form: &[(&str, &str)]) -> Seen {
    Seen::of(client.post(t.url(path)).form(form).send().await.expect("post")).await
}

/// A team, an employer, and a permanent job of a case in inclusion that
/// started a hundred days ago, so that its 3-month follow-up is due.
struct Fixture {
    team: InclusionTeam,
    placement: String,
    follow_ups: Vec<String>,
}

async fn fixture(t: &TestApp, tag: &str) -> Fixture {
    let team = InclusionTeam::new(t, RegionCode::Abr, tag).await;
    let (employer, _) = inclusion::employer(
        t,
        &team.secretariat,
        "Cantieri Adriatici srl",
        "41.00",
        PESCARA,
        None,
    )
    .await;
    let case = team.case_in_inclusion(t, 1).await;
    let starts = chrono::Utc::now().date_naive() - chrono::Duration::days(100);
    let body = json!({ "employer_id": employer, "kind": "employment", "contract_type": "permanent",
        "hours_per_week": 40, "starts_on": starts.format("%Y-%m-%d").to_string() });
    let placed = t
        .post(
            &team.case_manager,
            &format!("/api/v1/cases/{}/work-placements", case.case),
            body,
        )
        .await
        .expect(201);
    let placement = placed["id"].as_str().unwrap().to_owned();
    let detail = t
        .get(
            &team.case_manager,
            &format!("/api/v1/work-placements/{placement}"),
        )
        .await
        .expect(200);
    let follow_ups = detail["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f: &Value| f["id"].as_str().unwrap().to_owned())
        .collect();
    Fixture {
        team,
        placement,
        follow_ups,
    }
}

async fn a_placement_is_followed_up_and_ended_through_its_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let f = fixture(&t, "wpp").await;
    let client = t.signed_in(&f.team.case_manager).await;
    let show = format!("/work-placements/{}", f.placement);

    // The list links the placement; its filters keep what was chosen and
    // filter.
    let list = get(&client, &t, "/work-placements?kind=employment").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.html);
    assert!(list.html.contains(&format!("href=\"{show}\"")), "{}", list.html);
    assert!(list.html.contains("<option value=\"employment\" selected>"));
    let other = get(&client, &t, "/work-placements?kind=internship").await;
    assert!(!other.html.contains(&format!("href=\"{show}\"")));
    assert!(other.html.contains(&message("it", "work-placements-none")));

    // The follow-ups due link to the open one's form on the placement's page.
    let due = get(&client, &t, "/follow-ups").await;
    assert_eq!(due.status, StatusCode::OK, "{}", due.html);
    let anchor = format!("{show}#follow-up-{}", f.follow_ups[0]);
    assert!(due.html.contains(&anchor), "{}", due.html);
    assert!(!due.html.contains(&f.follow_ups[1]));
    assert!(due.html.contains("href=\"/follow-ups\""), "the menu offers it");

    let page = get(&client, &t, &show).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    assert!(
        page.html
            .contains(&format!("id=\"follow-up-{}\"", f.follow_ups[0]))
    );
    assert!(
        !page
            .html
            .contains(&format!("id=\"follow-up-{}\"", f.follow_ups[1]))
    );
    let token = csrf(&page.html);
    let action = format!("{show}/follow-up");

    // Still employed but without saying where and how: refused, the answer kept.
    let refused = post(
        &client,
        &t,
        &action,
        &[
            ("csrf", &token),
            ("follow_up_id", &f.follow_ups[0]),
            ("still_employed", "yes"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let form = format!("follow-up-{}", f.follow_ups[0]);
    assert!(
        refused
            .html
            .contains(&format!("id=\"{form}-same_employer-error\"")),
        "{}",
        refused.html
    );
    assert!(
        refused
            .html
            .contains(&format!("id=\"{form}-current_contract-error\""))
    );
    let kept = format!("value=\"yes\" id=\"{form}-still_employed\" checked");
    assert!(refused.html.contains(&kept), "{}", refused.html);

    // The 6-month one is not open yet: refused in words.
    let early = post(
        &client,
        &t,
        &action,
        &[
            ("csrf", &token),
            ("follow_up_id", &f.follow_ups[1]),
            ("still_employed", "no"),
        ],
    )
    .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.html.contains(&message("it", "error-follow_up_not_due")));

    let recorded = post(
        &client,
        &t,
        &action,
        &[
            ("csrf", &token),
            ("follow_up_id", &f.follow_ups[0]),
            ("still_employed", "yes"),
            ("same_employer", "yes"),
            ("current_contract", "permanent"),
        ],
    )
    .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.html);
    assert_eq!(recorded.location, format!("{show}?done=follow-up-recorded"));
    let page = get(&client, &t, &recorded.location).await;
    assert!(page.html.contains(&message("it", "done-follow-up-recorded")));
    assert!(
        page.html
            .contains(&message("it", "work-placements-still-employed"))
    );
    let due = get(&client, &t, "/follow-ups").await;
    assert!(!due.html.contains(&anchor), "{}", due.html);

    // Ending it: "other" needs a note; a future day is refused; then ended.
    let end = format!("{show}/end");
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let refused = post(
        &client,
        &t,
        &end,
        &[("csrf", &token), ("ended_on", &tomorrow), ("reason", "other")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains("id=\"end-ended_on-error\""),
        "{}",
        refused.html
    );
    assert!(refused.html.contains("id=\"end-note-error\""));
    assert!(refused.html.contains("<option value=\"other\" selected>"));
    let today = chrono::Utc::now().date_naive().to_string();
    let ended = post(
        &client,
        &t,
        &end,
        &[("csrf", &token), ("ended_on", &today), ("reason", "resigned")],
    )
    .await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", ended.html);
    let page = get(&client, &t, &ended.location).await;
    assert!(page.html.contains(&message("it", "done-work-placement-ended")));
    assert!(!page.html.contains(&format!("action=\"{end}\"")), "no second end");

    // Who may not record follow-ups gets an error page, not a failure; an
    // id that does not read is a page not found.
    let service = t.signed_in(&f.team.service).await;
    let due = get(&service, &t, "/follow-ups").await;
    assert_eq!(due.status, StatusCode::FORBIDDEN);
    assert!(!due.html.contains("href=\"/follow-ups\""));
    let missing = get(&client, &t, "/work-placements/nonsense").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn the_placements_pages_in_a_browser(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let Some(browser) = Browser::start(&t.base_url, &format!("{}-wp", backend.name())).await else {
        return;
    };
    let f = fixture(&t, "wpb").await;
    let mut w = Walk::new(browser);
    w.sign_in(&f.team.case_manager).await;
    w.b.open("/work-placements").await;
    w.check("work-placements-list").await;
    w.b.open("/follow-ups").await;
    w.check("follow-ups-due").await;
    let form = format!("follow-up-{}", f.follow_ups[0]);
    w.follow(format!("a[href$='#{form}']").as_str()).await;
    w.check("work-placement").await;
    // Refused first (nothing chosen), then recorded.
    w.submit(format!("#{form} button[type=submit]").as_str()).await;
    assert_eq!(w.status().await, 422);
    w.check("work-placement-follow-up-refused").await;
    w.tick(&format!("#{form}-still_employed-no")).await;
    w.submit(format!("#{form} button[type=submit]").as_str()).await;
    w.expect_notice().await;
    w.check("work-placement-follow-up-recorded").await;
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    w.set_value("#end-ended_on", &today).await;
    w.b.select("#end-reason", "completed").await;
    w.submit(
        format!(
            "form[action='/work-placements/{}/end'] button[type=submit]",
            f.placement
        )
        .as_str(),
    )
    .await;
    w.expect_notice().await;
    w.check("work-placement-ended").await;
    w.finish().await;
}
