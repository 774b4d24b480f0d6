//! The monitoring pages over the demo network, in headless Chromium: the
//! Abruzzo secretariat opens its dashboard (every panel drawn, with its
//! table and its CSV link), follows figures to the cases and labs behind
//! them, filters it, and reads the project's results table; its
//! coordinator finds the research dataset there. Screenshots in `screenshots/BACKEND-monitoring-NN-NAME.png`;
//! axe-core checks every page against WCAG 2.1 A/AA.

use fantoccini::Locator;
use soleil_app::demo::DEMO_PASSWORD;
use soleil_testkit::browser::Browser;
use soleil_testkit::inclusion::today;
use soleil_testkit::{Backend, on_both_backends, spawn};

on_both_backends!(the_dashboard_of_the_demo_region_shows_every_panel);

/// The panels of the dashboard, by the ids of their sections.
const PANELS: [&str; 8] = [
    "funnel",
    "timings",
    "contacts",
    "referrals",
    "needs",
    "labs",
    "placements",
    "employment_at_six_months",
];

async fn the_dashboard_of_the_demo_region_shows_every_panel(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let Some(mut b) = Browser::start(&t.base_url, &format!("{}-monitoring", backend.name())).await else {
        return;
    };
    t.app.load_demo().await.expect("demo");
    b.sign_in("secretariat.abr@demo.soleil.local", DEMO_PASSWORD)
        .await;

    b.open("/monitoring").await;
    b.check("dashboard").await;
    for panel in PANELS {
        let heading = b.text(&format!("#{panel}-heading")).await;
        assert!(!heading.is_empty(), "no heading for {panel}");
        let chart = format!("section[aria-labelledby='{panel}-heading'] svg[role='img'] rect.chart-bar");
        assert!(
            !b.client.find_all(Locator::Css(&chart)).await.unwrap().is_empty(),
            "no bars in the {panel} chart"
        );
        let csv = format!("section[aria-labelledby='{panel}-heading'] a[href*='panel={panel}']");
        b.client
            .find(Locator::Css(&csv))
            .await
            .expect("a CSV link for each panel");
    }
    let text = b.page_text().await;
    assert!(text.contains("Abruzzo"), "the dashboard names its region");

    // A figure followed to the cases behind it: the funnel's first count.
    let figure = b
        .client
        .find(Locator::Css("a[href*='figure=funnel.screened.reached']"))
        .await
        .expect("the funnel's figures link to their cases");
    figure.click().await.unwrap();
    b.check("figure-cases").await;
    let text = b.page_text().await;
    assert!(text.contains("casi dietro il dato"), "{text}");
    b.client
        .find(Locator::Css("main table a[href^='/cases/']"))
        .await
        .expect("each case links to its file");
    b.open("/monitoring").await;
    b.client
        .find(Locator::Css("a[href*='figure=labs.'][href$='.labs']"))
        .await
        .expect("a count of labs links to them")
        .click()
        .await
        .unwrap();
    b.check("figure-labs").await;
    b.client
        .find(Locator::Css("main table a[href^='/courses/']"))
        .await
        .expect("each lab links to its page");

    // Filtered to women in care work: still every panel, fewer cases.
    b.open("/monitoring?sector=care_work&sex=female").await;
    b.check("dashboard-filtered").await;
    b.open("/monitoring/targets").await;
    b.check("targets").await;

    let from = today() - chrono::Duration::days(300);
    b.open(&format!("/reports?from={from}&to={}", today())).await;
    b.check("results").await;
    let text = b.page_text().await;
    assert!(text.contains("Totale laboratori") && text.contains("Totale inserimenti"));
    assert!(text.contains("Indicatori comuni FSE+") && text.contains("EECO01"));

    // A case's ESF+ participant form.
    b.open("/cases").await;
    let case = b
        .client
        .find(Locator::Css("main a[href^='/cases/']"))
        .await
        .expect("a case in the list")
        .attr("href")
        .await
        .unwrap()
        .expect("its address");
    b.open(&format!("{case}/participant")).await;
    b.check("participant").await;

    // The region's coordinator hands out the research dataset from the
    // reports page.
    b.sign_out().await;
    b.sign_in("coordinator.abr@demo.soleil.local", DEMO_PASSWORD)
        .await;
    b.open(&format!("/reports?from={from}&to={}", today())).await;
    b.client
        .find(Locator::Css("#research-heading"))
        .await
        .expect("the research dataset's section");
    b.check("reports-research").await;
    b.finish().await;
}
