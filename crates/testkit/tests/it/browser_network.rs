//! The network's services in a real browser: the regional secretariat looks
//! for a work service that speaks Punjabi in the directory, sees it on the
//! map and opens it; then, on a case, it allocates a shelter place and
//! refers the person to that service, whose operator accepts. Every page on
//! the way is saved as `screenshots/BACKEND-network-NN-NAME.png` and checked
//! with axe-core against WCAG 2.1 A/AA.
//!
//! The browser has no network: the map's tiles fail to load, which is the
//! case the map must survive — its markers still show, over a plain
//! background.
//!
//! Skipped (passes) when Chromium or ChromeDriver is missing, and on
//! PostgreSQL when `SOLEIL_TEST_POSTGRES_URL` is not set.

use std::time::{Duration, Instant};

use chrono::NaiveTime;
use serde_json::json;
use soleil_domain::directory::{LocationInput, LocationKind, OpeningHours, ServiceInput, Weekday};
use soleil_domain::{NeedArea, OrganisationId, OrganisationKind, RegionCode, Role};
use soleil_testkit::browser::{Browser, Walk};
use soleil_testkit::{Backend, TestApp, TestUser, message, on_both_backends, spawn};

on_both_backends!(the_secretariat_finds_a_service_and_refers_a_person);

/// The service the secretariat looks for.
const WORK_DESK: &str = "Sportello lavoro Latina";
/// Another work service, in Arabic only: the language filter leaves it out.
const ARABIC_DESK: &str = "Sportello lavoro Fondi";
/// A shelter, which also speaks Punjabi but is not about work.
const SHELTER: &str = "Casa Aurora";

struct Network {
    secretariat: TestUser,
    /// An operator of the job centre that runs the work desk.
    service: TestUser,
    job_centre: OrganisationId,
    case: String,
    place: String,
}

fn at(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

fn weekdays(opens: &str, closes: &str) -> Vec<OpeningHours> {
    [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ]
    .into_iter()
    .map(|day| OpeningHours {
        day,
        opens: at(opens),
        closes: at(closes),
    })
    .collect()
}

fn location(kind: LocationKind, name: &str, comune: &str, point: (f64, f64)) -> LocationInput {
    LocationInput {
        id: None,
        kind,
        name: name.to_owned(),
        street: "Via Roma 1".to_owned(),
        postcode: None,
        comune: comune.to_owned(),
        latitude: Some(point.0),
        longitude: Some(point.1),
        accessibility: Some("Accesso senza gradini".to_owned()),
        hours: weekdays("09:00", "13:00"),
    }
}

fn service(organisation: OrganisationId, name: &str, areas: &[NeedArea], languages: &[&str]) -> ServiceInput {
    ServiceInput {
        organisation_id: organisation,
        name: name.to_owned(),
        description: "Orientamento e accompagnamento".to_owned(),
        need_areas: areas.to_vec(),
        eligibility: Some("Lavoratori agricoli, anche senza permesso".to_owned()),
        languages: languages.iter().map(|l| (*l).to_owned()).collect(),
        email: Some("sportello@example.org".to_owned()),
        phone: Some("+39 0773 000000".to_owned()),
        url: None,
        active: true,
        locations: Vec::new(),
    }
}

/// A Lazio network with three services in the directory, a shelter place
/// and a case in the secretariat's hands.
async fn network(t: &TestApp) -> Network {
    let admin = t.user(Role::Admin, RegionCode::Laz, "net").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "net").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "net").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "net").await;
    let service_user = t.user(Role::Service, RegionCode::Laz, "net").await;
    let job_centre = service_user.user.organisation_id.unwrap();
    let shelter = t
        .organisation(OrganisationKind::AntiTrafficking, RegionCode::Laz)
        .await;

    let mut work = service(
        job_centre,
        WORK_DESK,
        &[NeedArea::Work, NeedArea::LegalAid],
        &["it", "pa"],
    );
    work.locations = vec![
        location(
            LocationKind::Desk,
            "Sportello Latina",
            "059011",
            (41.4676, 12.9037),
        ),
        location(
            LocationKind::MobileUnitStop,
            "Sosta Borgo Hermada",
            "059032",
            (41.2986, 13.0960),
        ),
    ];
    let mut arabic = service(job_centre, ARABIC_DESK, &[NeedArea::Work], &["it", "ar"]);
    arabic.locations = vec![location(
        LocationKind::Office,
        "Ufficio Fondi",
        "059007",
        (41.3556, 13.4259),
    )];
    let mut refuge = service(shelter.id, SHELTER, &[NeedArea::Housing], &["it", "pa"]);
    refuge.locations = vec![location(
        LocationKind::Shelter,
        "Casa Aurora",
        "059011",
        (41.47, 12.91),
    )];
    for input in [work, arabic, refuge] {
        t.app
            .create_service(&secretariat.user, &input)
            .await
            .expect("service");
    }

    let place = t
        .post(
            &admin,
            "/api/v1/places",
            json!({ "organisation_id": shelter.id, "kind": "men", "label": "Letto 1" }),
        )
        .await
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    Network {
        secretariat,
        service: service_user,
        job_centre,
        case,
        place,
    }
}

async fn the_secretariat_finds_a_service_and_refers_a_person(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-network", backend.name());
    let Some(browser) = Browser::start(&t.base_url, &label).await else {
        return;
    };
    let n = network(&t).await;
    let mut w = Walk::new(browser);

    w.sign_in(&n.secretariat).await;
    search_the_directory(&mut w).await;
    see_the_map(&mut w).await;
    open_the_service(&mut w).await;
    allocate_a_place(&mut w, &n).await;
    refer_to_the_service(&mut w, &n).await;
    w.sign_out().await;
    accept_the_referral(&mut w, &n.service).await;
    w.finish().await;
}

/// The directory from the menu, filtered by need area and language.
async fn search_the_directory(w: &mut Walk) {
    w.follow("nav a[href='/directory']").await;
    w.check("directory").await;
    w.b.select("#filter-need_area", "work").await;
    w.b.select("#filter-language", "pa").await;
    w.submit("form[role=search] button[type=submit]").await;
    assert_eq!(w.status().await, 200);
    let found = w.texts(".soleil-results h3").await;
    assert_eq!(found.len(), 2, "the work desk's two locations: {found:?}");
    assert!(found.iter().all(|name| name == WORK_DESK), "{found:?}");
    let text = w.b.page_text().await;
    let punjabi = format!("{} (pa)", message("it", "language-pa"));
    assert!(text.contains(&punjabi), "languages by name: no {punjabi}");
    assert!(text.contains("lun–ven 09:00–13:00"), "hours in one line");
    w.check("directory-work-in-punjabi").await;
}

/// The map of the same search: a marker per location, without tiles.
async fn see_the_map(w: &mut Walk) {
    w.follow("#map-link").await;
    let path = w.b.path().await;
    assert!(path.starts_with("/directory/map?"), "{path}");
    assert!(
        path.contains("need_area=work") && path.contains("language=pa"),
        "{path}"
    );
    wait_for(w, "#directory-map[data-markers]").await;
    assert_eq!(w.count(".leaflet-marker-icon .soleil-pin").await, 2);
    assert_eq!(w.count(".soleil-legend li").await, LocationKind::all().count());
    // The list under the map gives the same results.
    assert_eq!(w.count(".soleil-results > li").await, 2);
    w.check("directory-map").await;

    w.b.click(".leaflet-marker-icon .soleil-pin-desk").await;
    wait_for(w, ".leaflet-popup-content a").await;
    // Its whole text, also what the map's edge may clip until it pans.
    let script = "return document.querySelector('.leaflet-popup-content').textContent";
    let popup = w.b.client.execute(script, vec![]).await.unwrap();
    let popup = popup.as_str().unwrap_or_default();
    assert!(
        popup.contains(WORK_DESK) && popup.contains("Via Roma 1, Latina (LT)"),
        "{popup}"
    );
    w.check("directory-map-popup").await;
    w.follow(".leaflet-popup-content a").await;
}

/// The service's page: its facts, each location's hours, a small map.
async fn open_the_service(w: &mut Walk) {
    assert!(w.b.path().await.starts_with("/directory/services/"));
    assert_eq!(w.b.text("h1").await, WORK_DESK);
    let text = w.b.page_text().await;
    for expected in [
        "Sportello Latina",
        "Sosta Borgo Hermada",
        "Accesso senza gradini",
        "Lavoratori agricoli",
    ] {
        assert!(text.contains(expected), "no {expected} on the service's page");
    }
    assert_eq!(w.count("table caption").await, 2, "the hours of each location");
    assert_eq!(
        w.count("#edit-service").await,
        1,
        "the secretariat keeps its region's services"
    );
    wait_for(w, "#directory-map[data-markers='2']").await;
    w.check("directory-service").await;
}

async fn wait_for(w: &Walk, css: &str) {
    let start = Instant::now();
    while w.count(css).await == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no {css} at {}",
            w.b.path().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The case page's places section: a shelter bed for the person.
async fn allocate_a_place(w: &mut Walk, n: &Network) {
    w.b.open(&format!("/cases/{}", n.case)).await;
    w.b.select("#place-place_id", &n.place).await;
    w.submit(&format!(
        "form[action='/cases/{}/places'] button[type=submit]",
        n.case
    ))
    .await;
    assert_eq!(
        w.b.path().await,
        format!("/cases/{}?done=place-allocated", n.case)
    );
    w.expect_notice().await;
    w.check("case-place-allocated").await;
}

/// The referral form of the case page, to the organisation of the service found.
async fn refer_to_the_service(w: &mut Walk, n: &Network) {
    w.b.select("#referral-organisation_id", &n.job_centre.to_string())
        .await;
    w.b.select("#referral-area", "work").await;
    w.b.fill("#referral-description", "Orientamento al lavoro, in punjabi")
        .await;
    w.set_value("#referral-due_date", "2099-01-31").await;
    w.tick("#referral-share_languages").await;
    w.tick("#referral-consent").await;
    w.submit(&format!(
        "form[action='/cases/{}/referrals'] button[type=submit]",
        n.case
    ))
    .await;
    assert_eq!(w.b.path().await, format!("/cases/{}?done=referral-sent", n.case));
    w.expect_notice().await;
    w.check("case-referral-sent").await;
}

/// The job centre's operator finds the referral and accepts it.
async fn accept_the_referral(w: &mut Walk, service: &TestUser) {
    w.sign_in(service).await;
    w.follow("nav a[href='/referrals']").await;
    assert!(
        w.b.page_text()
            .await
            .contains("Orientamento al lavoro, in punjabi")
    );
    w.check("referrals-received").await;
    w.submit("form[action$='/accept'] button[type=submit]").await;
    w.expect_notice().await;
    let accepted = message("it", "referral_state-accepted");
    assert!(w.b.page_text().await.contains(&accepted), "no {accepted:?}");
    w.check("referral-accepted").await;
}
