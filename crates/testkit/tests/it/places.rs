//! Emergency places over HTTP, on both backends: facilities declare places,
//! the regional secretariat sees the free ones and allocates, releases and
//! transfers them; of many requests racing for the last free place exactly
//! one wins; another region sees nothing; every change is audited.

use serde_json::json;
use soleil_app::accounts::UserInput;
use soleil_domain::{OrganisationKind, RegionCode, Role};
use soleil_testkit::{Backend, PASSWORD, TestApp, TestUser, csrf, ids, on_both_backends, spawn};

on_both_backends!(
    places_are_declared_allocated_transferred_and_released,
    the_last_free_place_goes_to_exactly_one_request,
    another_region_neither_sees_nor_allocates,
    the_secretariat_allocates_from_the_pages,
    the_place_pages_in_a_browser,
    allocations_end_by_themselves_after_their_last_night,
    a_facility_declares_and_withdraws_places_from_its_page
);

/// A service user of a facility (the testkit's service users work at a job centre).
async fn facility_user(t: &TestApp, kind: OrganisationKind, region: RegionCode, tag: &str) -> TestUser {
    let organisation = t.organisation(kind, region).await;
    let email = format!("facility.{region}.{tag}@test.soleil.local");
    let input = UserInput {
        email: email.clone(),
        display_name: format!("Facility {region} {tag}"),
        role: Role::Service,
        organisation_id: Some(organisation.id),
        password: PASSWORD.into(),
    };
    let user = t.app.create_user_unattended(&input).await.expect("user");
    let token = t.app.create_api_token(&email).await.expect("token");
    TestUser { user, token }
}

async fn declare(t: &TestApp, by: &TestUser, organisation: impl ToString, kind: &str, label: &str) -> String {
    let place = t
        .post(
            by,
            "/api/v1/places",
            json!({ "organisation_id": organisation.to_string(), "kind": kind, "label": label }),
        )
        .await
        .expect(201);
    place["id"].as_str().unwrap().to_owned()
}

async fn places_are_declared_allocated_transferred_and_released(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let job_centre_user = t.user(Role::Service, RegionCode::Laz, "a").await;
    let shelter = facility_user(&t, OrganisationKind::AntiTrafficking, RegionCode::Laz, "at").await;
    let shelter_org = shelter.user.organisation_id.unwrap();

    // Declaring: admins and the facility's own users; only for facilities.
    let men1 = declare(&t, &admin, shelter_org, "men", "Letto 1").await;
    let men2 = declare(&t, &shelter, shelter_org, "men", "Letto 2").await;
    let women = declare(&t, &shelter, shelter_org, "women", "Letto 3").await;
    let body = json!({ "organisation_id": shelter_org, "kind": "men", "label": "Letto 9" });
    let refused = t.post(&job_centre_user, "/api/v1/places", body).await;
    assert_eq!(refused.status.as_u16(), 403);
    let job_centre = job_centre_user.user.organisation_id.unwrap();
    let body = json!({ "organisation_id": job_centre, "kind": "men", "label": "Letto 1" });
    let not_facility = t.post(&admin, "/api/v1/places", body).await;
    assert_eq!(not_facility.status.as_u16(), 422, "{:#}", not_facility.body);
    assert_eq!(not_facility.body["error"]["fields"][0]["code"], "not_a_facility");
    let body = json!({ "organisation_id": shelter_org, "kind": "men", "label": " Letto 1 " });
    let twice = t.post(&shelter, "/api/v1/places", body).await;
    assert_eq!(twice.status.as_u16(), 422);
    assert_eq!(twice.body["error"]["fields"][0]["code"], "label_taken");

    // The secretariat sees the free places of its region, by kind.
    let free_men = t
        .get(&secretariat, "/api/v1/places?free=true&kind=men")
        .await
        .expect(200);
    assert_eq!(ids(&free_men), [men1.as_str(), men2.as_str()]);
    assert_eq!(free_men[0]["organisation_kind"], "anti_trafficking");
    let all = t.get(&secretariat, "/api/v1/places").await.expect(200);
    assert_eq!(all.as_array().unwrap().len(), 3);
    // Its own facility's user sees its places; the case manager none.
    let own = t.get(&shelter, "/api/v1/places").await.expect(200);
    assert_eq!(own.as_array().unwrap().len(), 3);
    assert_eq!(t.get(&manager, "/api/v1/places").await.status.as_u16(), 403);

    // Allocating a place to a case: the place is taken, the case shows it.
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let path = format!("/api/v1/cases/{case}/places");
    let bad_dates = json!({ "place_id": men1, "from": "2026-11-23", "until": "2026-11-01" });
    let refused = t.post(&secretariat, &path, bad_dates).await;
    assert_eq!(refused.status.as_u16(), 422);
    assert_eq!(
        t.post(&manager, &path, json!({ "place_id": men1, "from": "2026-11-23" }))
            .await
            .status
            .as_u16(),
        403
    );
    let first = t
        .post(
            &secretariat,
            &path,
            json!({ "place_id": men1, "from": "2026-11-23", "until": "2026-12-23" }),
        )
        .await
        .expect(201);
    assert_eq!(first["until_date"], "2026-12-23");
    let allocation = first["id"].as_str().unwrap().to_owned();
    let again = t
        .post(
            &secretariat,
            &path,
            json!({ "place_id": men1, "from": "2026-11-24" }),
        )
        .await;
    assert_eq!((again.status.as_u16(), again.error_code()), (409, "place_taken"));
    let free_men = t
        .get(&secretariat, "/api/v1/places?free=true&kind=men")
        .await
        .expect(200);
    assert_eq!(ids(&free_men), [men2.as_str()]);
    let on_case = t.get(&manager, &path).await.expect(200);
    assert_eq!(on_case[0]["place_label"], "Letto 1");
    assert!(on_case[0]["released_at"].is_null());
    let withdraw = t
        .call(
            Some(&shelter),
            reqwest::Method::PATCH,
            &format!("/api/v1/places/{men1}"),
            Some(json!({ "active": false })),
        )
        .await;
    assert_eq!(
        (withdraw.status.as_u16(), withdraw.error_code()),
        (409, "place_occupied")
    );

    // Transfer: the first place is free again, the second taken, in one step.
    let moved = t
        .post(
            &secretariat,
            &format!("{path}/{allocation}/transfer"),
            json!({ "place_id": women, "reason": "Nucleo" }),
        )
        .await;
    assert_eq!(moved.status.as_u16(), 201, "{:#}", moved.body);
    let moved = t
        .post(
            &secretariat,
            &format!("{path}/{allocation}/transfer"),
            json!({ "place_id": men2 }),
        )
        .await;
    assert_eq!(
        (moved.status.as_u16(), moved.error_code()),
        (409, "allocation_released")
    );
    let on_case = t.get(&manager, &path).await.expect(200);
    let second = on_case[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(on_case[0]["place_label"], "Letto 3");
    assert_eq!(on_case[1]["release_reason"], "Nucleo");
    let free = t.get(&secretariat, "/api/v1/places?free=true").await.expect(200);
    assert_eq!(ids(&free), [men1.as_str(), men2.as_str()]);

    // Release: free again; a second release is refused.
    let released = t
        .post(
            &secretariat,
            &format!("{path}/{second}/release"),
            json!({ "reason": "Uscita dal percorso" }),
        )
        .await
        .expect(200);
    assert!(released["released_at"].is_string());
    let twice = t
        .post(&secretariat, &format!("{path}/{second}/release"), json!({}))
        .await;
    assert_eq!(
        (twice.status.as_u16(), twice.error_code()),
        (409, "allocation_released")
    );
    let free = t.get(&secretariat, "/api/v1/places?free=true").await.expect(200);
    assert_eq!(free.as_array().unwrap().len(), 3);

    // The history of a place, newest first, and the timeline of the case.
    let file = t
        .get(&secretariat, &format!("/api/v1/places/{men1}"))
        .await
        .expect(200);
    let history = file["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["case_id"], case.as_str());
    assert!(history[0]["released_at"].is_string());
    let timeline = t
        .get(&manager, &format!("/api/v1/cases/{case}/transitions"))
        .await
        .expect(200);
    let kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| k.starts_with("place_"))
            .copied()
            .collect::<Vec<_>>(),
        [
            "place_allocated",
            "place_released",
            "place_allocated",
            "place_released"
        ]
    );

    // Withdrawn places are no longer offered.
    t.call(
        Some(&shelter),
        reqwest::Method::PATCH,
        &format!("/api/v1/places/{men1}"),
        Some(json!({ "active": false })),
    )
    .await
    .expect(200);
    let free = t
        .get(&secretariat, "/api/v1/places?free=true&kind=men")
        .await
        .expect(200);
    assert_eq!(ids(&free), [men2.as_str()]);
    let withdrawn = t
        .post(
            &secretariat,
            &path,
            json!({ "place_id": men1, "from": "2026-11-23" }),
        )
        .await;
    assert_eq!(
        (withdrawn.status.as_u16(), withdrawn.error_code()),
        (409, "place_withdrawn")
    );

    // Every change is in the audit log.
    let log = t
        .get(&auditor, "/api/v1/audit?entity=place_allocation&per_page=200")
        .await
        .expect(200);
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "create").count(),
        2,
        "{actions:?}"
    );
    assert_eq!(
        actions.iter().filter(|a| **a == "update").count(),
        2,
        "{actions:?}"
    );
    assert!(
        log["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["region"] == "laz")
    );
    let log = t
        .get(&auditor, "/api/v1/audit?entity=place&action=create")
        .await
        .expect(200);
    assert_eq!(log["total"], 3);
}

async fn the_last_free_place_goes_to_exactly_one_request(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let shelter = t
        .organisation(OrganisationKind::ReceptionCentre, RegionCode::Laz)
        .await;
    let taken = declare(&t, &admin, shelter.id, "women", "Letto 1").await;
    let last = declare(&t, &admin, shelter.id, "women", "Letto 2").await;
    let first_case = t.triaged_case(&frontline, &secretariat, None, 0).await;
    t.post(
        &secretariat,
        &format!("/api/v1/cases/{first_case}/places"),
        json!({ "place_id": taken, "from": "2026-11-23" }),
    )
    .await
    .expect(201);

    const RACERS: usize = 8;
    let mut cases = Vec::new();
    for n in 1..=RACERS {
        cases.push(t.triaged_case(&frontline, &secretariat, None, n).await);
    }
    let t = std::sync::Arc::new(t);
    let mut racers = tokio::task::JoinSet::new();
    for case in cases {
        let (t, secretariat, last) = (t.clone(), secretariat.clone(), last.clone());
        racers.spawn(async move {
            t.post(
                &secretariat,
                &format!("/api/v1/cases/{case}/places"),
                json!({ "place_id": last, "from": "2026-11-23" }),
            )
            .await
        });
    }
    let mut statuses = Vec::new();
    while let Some(reply) = racers.join_next().await {
        let reply = reply.unwrap();
        if reply.status.as_u16() == 409 {
            assert_eq!(reply.error_code(), "place_taken");
        }
        statuses.push(reply.status.as_u16());
    }
    statuses.sort_unstable();
    let mut expected = vec![201];
    expected.extend([409; RACERS - 1]);
    assert_eq!(statuses, expected);

    let free = t.get(&secretariat, "/api/v1/places?free=true").await.expect(200);
    assert_eq!(free.as_array().unwrap().len(), 0);
    let file = t
        .get(&secretariat, &format!("/api/v1/places/{last}"))
        .await
        .expect(200);
    let history = file["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0]["released_at"].is_null());
    assert_eq!(file["allocation_id"], history[0]["id"]);
}

async fn another_region_neither_sees_nor_allocates(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let lazio = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let toscana = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let tos_frontline = t.user(Role::Frontline, RegionCode::Tos, "a").await;
    let laz_shelter = t
        .organisation(OrganisationKind::ThirdSector, RegionCode::Laz)
        .await;
    let tos_shelter = t
        .organisation(OrganisationKind::SocialServices, RegionCode::Tos)
        .await;
    let laz_place = declare(&t, &admin, laz_shelter.id, "families", "Appartamento A").await;
    let tos_place = declare(&t, &admin, tos_shelter.id, "minors", "Stanza 1").await;

    assert_eq!(
        ids(&t.get(&toscana, "/api/v1/places").await.expect(200)),
        [tos_place.as_str()]
    );
    assert!(
        t.get(&toscana, "/api/v1/places?region=laz")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        t.get(&toscana, &format!("/api/v1/places/{laz_place}"))
            .await
            .status
            .as_u16(),
        404
    );
    let admin_sees = t.get(&admin, "/api/v1/places").await.expect(200);
    assert_eq!(admin_sees.as_array().unwrap().len(), 2);

    // Neither the case nor the place of another region can be used.
    let laz_case = t.triaged_case(&frontline, &lazio, None, 1).await;
    let tos_case = t.triaged_case(&tos_frontline, &toscana, None, 2).await;
    let reply = t
        .post(
            &toscana,
            &format!("/api/v1/cases/{laz_case}/places"),
            json!({ "place_id": tos_place, "from": "2026-11-23" }),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 404);
    let reply = t
        .post(
            &toscana,
            &format!("/api/v1/cases/{tos_case}/places"),
            json!({ "place_id": laz_place, "from": "2026-11-23" }),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    assert_eq!(reply.body["error"]["fields"][0]["code"], "unknown_place");
    let allocated = t
        .post(
            &lazio,
            &format!("/api/v1/cases/{laz_case}/places"),
            json!({ "place_id": laz_place, "from": "2026-11-23" }),
        )
        .await
        .expect(201);
    let id = allocated["id"].as_str().unwrap();
    let reply = t
        .post(
            &toscana,
            &format!("/api/v1/cases/{laz_case}/places/{id}/release"),
            json!({}),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 404);
    assert_eq!(
        t.get(&toscana, &format!("/api/v1/cases/{laz_case}/places"))
            .await
            .status
            .as_u16(),
        404
    );
}

async fn the_secretariat_allocates_from_the_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let shelter = t
        .organisation(OrganisationKind::AntiTrafficking, RegionCode::Laz)
        .await;
    let first = declare(&t, &admin, shelter.id, "men", "Letto 1").await;
    let second = declare(&t, &admin, shelter.id, "men", "Letto 2").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;

    let browser = t.signed_in(&secretariat).await;
    let (status, list) = t.page(&browser, "/places?free=yes&kind=men").await;
    assert_eq!(status, 200);
    assert!(list.contains(r#"href="/places""#), "the menu links to the places");
    assert!(list.contains(&shelter.name) && list.contains("Letto 2"));
    let (_, show) = t.page(&browser, &format!("/cases/{case}")).await;
    assert!(show.contains(&format!(r#"action="/cases/{case}/places""#)));
    assert!(show.contains(&format!(r#"value="{first}""#)));
    let token = csrf(&show);

    // A missing first day comes back with what was chosen.
    let refused = browser
        .post(t.url(&format!("/cases/{case}/places")))
        .form(&[
            ("csrf", token.as_str()),
            ("place_id", first.as_str()),
            ("from", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="place-from-error""#));
    assert!(refused.contains(&format!(r#"value="{first}" selected"#)));

    let allocated = browser
        .post(t.url(&format!("/cases/{case}/places")))
        .form(&[
            ("csrf", token.as_str()),
            ("place_id", first.as_str()),
            ("from", "23/11/2026"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(allocated.status().as_u16(), 303);
    let (_, show) = t
        .page(&browser, &format!("/cases/{case}?done=place-allocated"))
        .await;
    assert!(show.contains("Letto 1 – "));
    let allocation = t
        .get(&secretariat, &format!("/api/v1/cases/{case}/places"))
        .await
        .expect(200)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let moved = browser
        .post(t.url(&format!("/cases/{case}/places/{allocation}/transfer")))
        .form(&[("csrf", token.as_str()), ("place_id", second.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status().as_u16(), 303);
    let now = t
        .get(&secretariat, &format!("/api/v1/cases/{case}/places"))
        .await
        .expect(200);
    assert_eq!(now[0]["place_id"], second.as_str());
    let released = browser
        .post(t.url(&format!(
            "/cases/{case}/places/{}/release",
            now[0]["id"].as_str().unwrap()
        )))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(released.status().as_u16(), 303);

    // The case manager sees the history on the case page, without the forms.
    let browser = t.signed_in(&manager).await;
    let (_, show) = t.page(&browser, &format!("/cases/{case}")).await;
    assert!(show.contains("Letto 2 – ") && show.contains("Letto 1 – "));
    assert!(!show.contains(&format!(r#"action="/cases/{case}/places""#)));
    assert!(!show.contains(r#"href="/places""#));
    assert_eq!(t.page(&browser, "/places").await.0, 403);
}

/// In headless Chromium, checked with axe-core: the secretariat's places,
/// then a place allocated from the case page. Skipped without Chromium.
async fn the_place_pages_in_a_browser(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-places", backend.name());
    let Some(mut b) = soleil_testkit::browser::Browser::start(&t.base_url, &label).await else {
        return;
    };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let shelter = t
        .organisation(OrganisationKind::AntiTrafficking, RegionCode::Laz)
        .await;
    let place = declare(&t, &admin, shelter.id, "women", "Letto 1").await;
    declare(&t, &admin, shelter.id, "men", "Letto 2").await;
    let case = t.triaged_case(&frontline, &secretariat, None, 1).await;

    b.sign_in(&secretariat.user.email, PASSWORD).await;
    b.open("/places").await;
    b.check("places").await;
    b.open(&format!("/cases/{case}")).await;
    b.select("#place-place_id", &place).await;
    b.follow(fantoccini::Locator::Css(&format!(
        "form[action='/cases/{case}/places'] button[type=submit]"
    )))
    .await;
    assert_eq!(b.path().await, format!("/cases/{case}?done=place-allocated"));
    assert!(b.page_text().await.contains("Letto 1"));
    b.check("case-with-place").await;

    // A facility's own page: its places by kind and the declaration form,
    // refused with its message and what was typed.
    let facility = facility_user(&t, OrganisationKind::AntiTrafficking, RegionCode::Laz, "at").await;
    b.sign_out().await;
    b.sign_in(&facility.user.email, PASSWORD).await;
    b.open("/places").await;
    b.check("places-of-a-facility").await;
    b.select("#declare-kind", "women").await;
    b.fill("#declare-count", "51").await;
    b.fill("#declare-label", "Stanza").await;
    b.follow(fantoccini::Locator::Css(
        "form[action='/places'][method=post] button[type=submit]",
    ))
    .await;
    assert!(b.text("#declare-count-error").await.contains("da 1 a 50"));
    let typed = b
        .client
        .find(fantoccini::Locator::Css("#declare-count"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(typed.as_deref(), Some("51"));
    b.check("places-declaration-refused").await;
    b.finish().await;
}

async fn allocate(t: &TestApp, by: &TestUser, case: &str, place: &str, until: &str) -> String {
    let body = json!({ "place_id": place, "from": "2026-11-01", "until": until });
    let allocation = t
        .post(by, &format!("/api/v1/cases/{case}/places"), body)
        .await
        .expect(201);
    allocation["id"].as_str().unwrap().to_owned()
}

/// The audit events about one allocation, newest first.
async fn allocation_log(t: &TestApp, auditor: &TestUser, allocation: &str) -> Vec<serde_json::Value> {
    let path = format!("/api/v1/audit?entity=place_allocation&entity_id={allocation}");
    let log = t.get(auditor, &path).await.expect(200);
    log["items"].as_array().unwrap().clone()
}

async fn allocations_end_by_themselves_after_their_last_night(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let shelter = t
        .organisation(OrganisationKind::AntiTrafficking, RegionCode::Laz)
        .await;
    let mut beds = Vec::new();
    for n in 1..=4 {
        beds.push(declare(&t, &admin, shelter.id, "men", &format!("Letto {n}")).await);
    }
    let mut cases = Vec::new();
    for n in 1..=4 {
        cases.push(t.triaged_case(&frontline, &secretariat, Some(&manager), n).await);
    }
    // "Today" is 23 November: the last night of the first was yesterday,
    // of the second is tonight; the third has no end.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ended = allocate(&t, &secretariat, &cases[0], &beds[0], "2026-11-22").await;
    let tonight = allocate(&t, &secretariat, &cases[1], &beds[1], "2026-11-23").await;
    let open_ended = t
        .post(
            &secretariat,
            &format!("/api/v1/cases/{}/places", cases[2]),
            json!({ "place_id": beds[2], "from": "2026-11-01" }),
        )
        .await
        .expect(201);

    assert_eq!(t.app.end_expired_allocations(today).await.unwrap(), 1);
    let history = |case: &str| format!("/api/v1/cases/{case}/places");
    let first = t.get(&secretariat, &history(&cases[0])).await.expect(200);
    assert_eq!(first[0]["id"], ended.as_str());
    assert!(first[0]["released_at"].is_string(), "{first:#}");
    assert_eq!(first[0]["release_reason"], "period ended");
    let second = t.get(&secretariat, &history(&cases[1])).await.expect(200);
    assert_eq!(second[0]["id"], tonight.as_str());
    assert!(second[0]["released_at"].is_null());
    let third = t.get(&secretariat, &history(&cases[2])).await.expect(200);
    assert_eq!(third[0]["id"], open_ended["id"]);
    assert!(third[0]["released_at"].is_null());
    // The place is free again for the secretariat.
    let free = t.get(&secretariat, "/api/v1/places?free=true").await.expect(200);
    assert_eq!(ids(&free), [beds[0].as_str(), beds[3].as_str()]);

    // On the case's timeline and in the audit log, by the system account.
    let timeline = t
        .get(&manager, &format!("/api/v1/cases/{}/transitions", cases[0]))
        .await
        .expect(200);
    let released = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "place_released")
        .expect("a release on the timeline");
    assert!(released["note"].as_str().unwrap().ends_with(": period ended"));
    assert_ne!(released["actor_id"], secretariat.user.id.to_string());
    let log = allocation_log(&t, &auditor, &ended).await;
    assert_eq!(log[0]["action"], "update");
    assert_eq!(log[0]["actor_email"], "system@soleil.invalid");
    assert_eq!(log[0]["actor_id"], released["actor_id"]);

    // The system account can never sign in.
    let refused = t
        .browser()
        .post(t.url("/login"))
        .form(&[("email", "system@soleil.invalid"), ("password", "!")])
        .send()
        .await
        .unwrap();
    assert_ne!(refused.status().as_u16(), 303, "the system account signed in");
    // Nor get a token, nor be switched on; it is no one to pick or manage.
    let system = log[0]["actor_id"].as_str().unwrap();
    assert!(t.app.create_api_token("system@soleil.invalid").await.is_err());
    let switch_on = json!({ "active": true });
    let path = format!("/api/v1/users/{system}");
    let switched_on = t
        .call(Some(&admin), reqwest::Method::PATCH, &path, Some(switch_on))
        .await;
    assert_eq!(
        (switched_on.status.as_u16(), switched_on.error_code()),
        (409, "system_account")
    );
    assert_eq!(t.get(&admin, &path).await.expect(200)["active"], false);
    let listed = t.get(&admin, "/api/v1/users?per_page=200").await.expect(200);
    let emails: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&secretariat.user.email.as_str()), "{emails:?}");
    assert!(!emails.contains(&"system@soleil.invalid"), "{emails:?}");
    let found = t.get(&admin, "/api/v1/users?q=soleil.invalid").await.expect(200);
    assert_eq!(found["total"], 0, "{found:#}");

    // A second run changes nothing.
    let events = allocation_log(&t, &auditor, &ended).await.len();
    assert_eq!(t.app.end_expired_allocations(today).await.unwrap(), 0);
    assert_eq!(allocation_log(&t, &auditor, &ended).await.len(), events);
    let again = t.get(&secretariat, &history(&cases[0])).await.expect(200);
    assert_eq!(again, first);

    // Two runs at once, as two instances would: the allocation ends once.
    let late = allocate(&t, &secretariat, &cases[3], &beds[3], "2026-11-22").await;
    let (a, b) = tokio::join!(
        t.app.end_expired_allocations(today),
        t.app.end_expired_allocations(today)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let log = allocation_log(&t, &auditor, &late).await;
    assert_eq!(log.iter().filter(|e| e["action"] == "update").count(), 1);
}

async fn a_facility_declares_and_withdraws_places_from_its_page(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let shelter = facility_user(&t, OrganisationKind::AntiTrafficking, RegionCode::Laz, "at").await;
    let browser = t.signed_in(&shelter).await;
    let (status, list) = t.page(&browser, "/places").await;
    assert_eq!(status, 200);
    assert!(list.contains(r#"href="/places""#), "the menu links to the places");
    assert!(list.contains(r#"action="/places""#));
    let token = csrf(&list);

    // Too many places at once: the form comes back with what was typed.
    let post = |fields: Vec<(&'static str, String)>| {
        let mut form = vec![("csrf", token.clone())];
        form.extend(fields);
        browser.post(t.url("/places")).form(&form).send()
    };
    let refused = post(vec![
        ("kind", "women".into()),
        ("count", "51".into()),
        ("label", "Stanza".into()),
    ])
    .await
    .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="declare-count-error""#));
    assert!(refused.contains(r#"value="51""#) && refused.contains(r#"value="Stanza""#));
    assert!(refused.contains(r#"value="women" selected"#));

    // Five beds for women, then two more: numbered on.
    let declared = post(vec![("kind", "women".into()), ("count", "5".into())])
        .await
        .unwrap();
    assert_eq!(declared.status().as_u16(), 303);
    let declared = post(vec![
        ("kind", "women".into()),
        ("count", "2".into()),
        ("accessible", "on".into()),
    ])
    .await
    .unwrap();
    assert_eq!(declared.status().as_u16(), 303);
    let own = t.get(&shelter, "/api/v1/places?kind=women").await.expect(200);
    let mut labels: Vec<&str> = own
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    labels.sort_unstable();
    assert_eq!(
        labels,
        [
            "Letto 1", "Letto 2", "Letto 3", "Letto 4", "Letto 5", "Letto 6", "Letto 7"
        ]
    );

    // Withdrawing one from the page; the counts per kind say so.
    let place = own[0]["id"].as_str().unwrap();
    let withdrawn = browser
        .post(t.url(&format!("/places/{place}/availability")))
        .form(&[("csrf", token.as_str()), ("active", "false")])
        .send()
        .await
        .unwrap();
    assert_eq!(withdrawn.status().as_u16(), 303);
    let (_, list) = t.page(&browser, "/places?done=place-withdrawn").await;
    assert!(list.contains(&format!(r#"action="/places/{place}/availability""#)));
    let counts = list.split("<tbody>").nth(1).unwrap();
    assert!(
        counts.contains(r#"<td class="text-end">6</td>"#)
            && counts.contains(r#"<td class="text-end">1</td>"#),
        "{counts}"
    );
    let file = t.get(&shelter, &format!("/api/v1/places/{place}")).await;
    assert_eq!(file.status.as_u16(), 200);
    assert_eq!(file.body["active"], false);
}
