//! Referrals over HTTP, on both backends: a case's manager refers the person
//! to a service with the person's consent; the service sees only what is
//! shared, never the case; it accepts or declines, then completes with
//! feedback; of two racing answers one wins; overdue referrals are listed;
//! every step is on the timeline and in the audit log; statistics count
//! them; another region sees nothing.

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, PASSWORD, TestApp, TestUser, csrf, ids, on_both_backends, spawn};

on_both_backends!(
    a_referral_goes_round_the_loop_sharing_only_what_was_agreed,
    two_answers_at_once_one_wins_and_overdue_ones_are_listed,
    another_region_sees_no_referral,
    referrals_are_sent_and_answered_from_the_pages,
    statistics_are_filtered_by_period_and_region,
    the_statistics_page_keeps_its_filters,
    the_statistics_page_in_a_browser
);

fn referral(organisation: impl ToString, due: &str, shares: Value, consent: bool) -> Value {
    json!({ "organisation_id": organisation.to_string(), "area": "work", "description": "Orientamento al lavoro",
            "due_date": due, "shares": shares, "consent": consent })
}

async fn a_referral_goes_round_the_loop_sharing_only_what_was_agreed(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "a").await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let other_manager = t.user(Role::CaseManager, RegionCode::Laz, "b").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let job_centre = service.user.organisation_id.unwrap();
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 1).await;
    let path = format!("/api/v1/cases/{case}/referrals");

    // Without consent: refused. Not the case's manager: refused.
    let shares = json!(["languages", "screening_summary"]);
    let refused = t
        .post(
            &manager,
            &path,
            referral(job_centre, "2099-01-01", shares.clone(), false),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 422, "{:#}", refused.body);
    assert_eq!(refused.body["error"]["fields"][0]["code"], "consent_required");
    let stranger = t
        .post(
            &other_manager,
            &path,
            referral(job_centre, "2099-01-01", shares.clone(), true),
        )
        .await;
    assert!(matches!(stranger.status.as_u16(), 403 | 404));

    let sent = t
        .post(
            &manager,
            &path,
            referral(job_centre, "2099-01-01", shares.clone(), true),
        )
        .await
        .expect(201);
    assert_eq!(sent["state"], "sent");
    assert_eq!(sent["consent"], true);
    assert_eq!(sent["consent_confirmed_by"], manager.user.id.to_string());
    let id = sent["id"].as_str().unwrap().to_owned();

    // The receiver sees only what is shared, and never the case.
    let incoming = t.get(&service, "/api/v1/referrals").await.expect(200);
    assert_eq!(ids(&incoming), [id.as_str()]);
    let seen = t
        .get(&service, &format!("/api/v1/referrals/{id}"))
        .await
        .expect(200);
    let shared = seen["shared"].as_object().unwrap();
    assert_eq!(seen["shared"]["languages"], json!(["pa", "hi"]));
    assert_eq!(seen["shared"]["screening"]["sector"], "agriculture");
    assert_eq!(seen["shared"]["screening"]["work_place"], "Sabaudia (LT)");
    assert_eq!(seen["shared"]["screening"]["urgent"]["danger"], true);
    for absent in ["given_name", "surname", "phone", "plan_actions"] {
        assert!(!shared.contains_key(absent), "{absent} shared: {seen:#}");
    }
    assert!(!seen.to_string().contains("Persona1"));
    assert!(!seen.to_string().contains("333 123"));
    assert_eq!(
        t.get(&service, &format!("/api/v1/cases/{case}"))
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(t.get(&service, &path).await.status.as_u16(), 404);

    // Identity and contact, when shared.
    let both = t
        .post(
            &secretariat,
            &path,
            referral(job_centre, "2099-01-01", json!(["identity", "contact"]), true),
        )
        .await
        .expect(201);
    let second = both["id"].as_str().unwrap().to_owned();
    let seen = t
        .get(&service, &format!("/api/v1/referrals/{second}"))
        .await
        .expect(200);
    assert_eq!(seen["shared"]["surname"], "Persona1");
    assert_eq!(seen["shared"]["phone"], "+39 333 123 4567");
    assert!(seen["shared"].get("languages").is_none());

    // Only the receiver answers; completing needs acceptance and feedback.
    let by_manager = t
        .post(&manager, &format!("/api/v1/referrals/{id}/accept"), json!({}))
        .await;
    assert_eq!(by_manager.status.as_u16(), 403);
    let early = t
        .post(
            &service,
            &format!("/api/v1/referrals/{id}/complete"),
            json!({ "feedback": "Fatto" }),
        )
        .await;
    assert_eq!(
        (early.status.as_u16(), early.error_code()),
        (409, "referral_changed_meanwhile")
    );
    t.post(&service, &format!("/api/v1/referrals/{id}/accept"), json!({}))
        .await
        .expect(200);
    let no_feedback = t
        .post(
            &service,
            &format!("/api/v1/referrals/{id}/complete"),
            json!({ "feedback": " " }),
        )
        .await;
    assert_eq!(no_feedback.status.as_u16(), 422);
    let done = t
        .post(
            &service,
            &format!("/api/v1/referrals/{id}/complete"),
            json!({ "feedback": "Iscritto al corso di formazione" }),
        )
        .await
        .expect(200);
    assert_eq!(done["state"], "completed");
    assert_eq!(done["feedback"], "Iscritto al corso di formazione");
    let cancel_late = t
        .post(&manager, &format!("/api/v1/referrals/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancel_late.status.as_u16(), 409);

    // Declining needs a reason.
    let no_reason = t
        .post(
            &service,
            &format!("/api/v1/referrals/{second}/decline"),
            json!({}),
        )
        .await;
    assert_eq!(no_reason.status.as_u16(), 422);
    let declined = t
        .post(
            &service,
            &format!("/api/v1/referrals/{second}/decline"),
            json!({ "reason": "Nessun corso disponibile" }),
        )
        .await
        .expect(200);
    assert_eq!(declined["decline_reason"], "Nessun corso disponibile");

    // The sender cancels one not answered yet.
    let third = t
        .post(
            &manager,
            &path,
            referral(job_centre, "2099-01-01", json!([]), true),
        )
        .await
        .expect(201);
    let third = third["id"].as_str().unwrap().to_owned();
    let cancelled = t
        .post(&manager, &format!("/api/v1/referrals/{third}/cancel"), json!({}))
        .await
        .expect(200);
    assert_eq!(cancelled["state"], "cancelled");

    // The case's referrals and timeline.
    let on_case = t.get(&manager, &path).await.expect(200);
    assert_eq!(on_case.as_array().unwrap().len(), 3);
    let timeline = t
        .get(&manager, &format!("/api/v1/cases/{case}/transitions"))
        .await
        .expect(200);
    let mut kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| k.starts_with("referral_"))
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "referral_accepted",
            "referral_cancelled",
            "referral_completed",
            "referral_declined",
            "referral_sent",
            "referral_sent",
            "referral_sent"
        ]
    );

    // The audit log.
    let log = t
        .get(&auditor, "/api/v1/audit?entity=referral&per_page=200")
        .await
        .expect(200);
    let items = log["items"].as_array().unwrap();
    let count = |action: &str| items.iter().filter(|e| e["action"] == action).count();
    assert_eq!(count("create"), 3, "{log:#}");
    assert_eq!(count("update"), 4, "{log:#}");
    assert!(count("read") >= 2);
    assert!(items.iter().all(|e| e["region"] == "laz"));

    // Statistics per receiving organisation.
    for who in [&secretariat, &coordinator] {
        let stats = t.get(who, "/api/v1/statistics/referrals").await.expect(200);
        let row = &stats["organisations"][0];
        assert_eq!(row["organisation_id"], job_centre.to_string());
        assert_eq!(
            (
                &row["sent"],
                &row["accepted"],
                &row["declined"],
                &row["completed"],
                &row["cancelled"],
                &row["overdue"]
            ),
            (&json!(3), &json!(1), &json!(1), &json!(1), &json!(1), &json!(0)),
            "{stats:#}"
        );
        assert!(row["average_hours_to_answer"].as_f64().unwrap() >= 0.0);
    }
    assert_eq!(
        t.get(&manager, "/api/v1/statistics/referrals")
            .await
            .status
            .as_u16(),
        403
    );
}

async fn two_answers_at_once_one_wins_and_overdue_ones_are_listed(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let colleague = t.user(Role::Service, RegionCode::Laz, "b").await;
    let job_centre = service.user.organisation_id.unwrap();
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 2).await;
    let path = format!("/api/v1/cases/{case}/referrals");

    let racing = t
        .post(
            &manager,
            &path,
            referral(job_centre, "2099-01-01", json!([]), true),
        )
        .await
        .expect(201);
    let racing = racing["id"].as_str().unwrap().to_owned();
    let accept_path = format!("/api/v1/referrals/{racing}/accept");
    let decline_path = format!("/api/v1/referrals/{racing}/decline");
    let (accept, decline) = tokio::join!(
        t.post(&service, &accept_path, json!({})),
        t.post(&colleague, &decline_path, json!({ "reason": "Pieni" })),
    );
    let mut statuses = [accept.status.as_u16(), decline.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "{:#} {:#}", accept.body, decline.body);
    let loser = if accept.status.as_u16() == 409 {
        &accept
    } else {
        &decline
    };
    assert_eq!(loser.error_code(), "referral_changed_meanwhile");

    // Overdue: past the due date and still open, for the sender and the secretariat.
    let late = t
        .post(
            &manager,
            &path,
            referral(job_centre, "2020-01-01", json!([]), true),
        )
        .await
        .expect(201);
    assert_eq!(late["overdue"], true);
    let late = late["id"].as_str().unwrap().to_owned();
    for who in [&manager, &secretariat] {
        let overdue = t.get(who, "/api/v1/referrals?overdue=true").await.expect(200);
        assert_eq!(ids(&overdue), [late.as_str()]);
        let all = t.get(who, "/api/v1/referrals").await.expect(200);
        assert_eq!(all.as_array().unwrap().len(), 2);
    }
    let sent = t.get(&service, "/api/v1/referrals?state=sent").await.expect(200);
    assert_eq!(ids(&sent), [late.as_str()]);
    let stats = t
        .get(&secretariat, "/api/v1/statistics/referrals")
        .await
        .expect(200);
    assert_eq!(stats["organisations"][0]["overdue"], 1);
    // Once answered to the end it is no longer overdue.
    t.post(
        &service,
        &format!("/api/v1/referrals/{late}/decline"),
        json!({ "reason": "Troppo tardi" }),
    )
    .await
    .expect(200);
    let overdue = t
        .get(&secretariat, "/api/v1/referrals?overdue=true")
        .await
        .expect(200);
    assert!(overdue.as_array().unwrap().is_empty());
}

async fn another_region_sees_no_referral(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let tuscan_secretariat = t.user(Role::Secretariat, RegionCode::Tos, "a").await;
    let tuscan_service = t.user(Role::Service, RegionCode::Tos, "a").await;
    let tuscan_coordinator = t.user(Role::Coordinator, RegionCode::Tos, "a").await;
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 3).await;
    let path = format!("/api/v1/cases/{case}/referrals");

    // Not to an organisation of another region.
    let elsewhere = tuscan_service.user.organisation_id.unwrap();
    let refused = t
        .post(
            &manager,
            &path,
            referral(elsewhere, "2099-01-01", json!([]), true),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 422);
    let sent = t
        .post(
            &manager,
            &path,
            referral(
                service.user.organisation_id.unwrap(),
                "2099-01-01",
                json!(["identity"]),
                true,
            ),
        )
        .await
        .expect(201);
    let id = sent["id"].as_str().unwrap();

    for who in [&tuscan_secretariat, &tuscan_service] {
        let list = t.get(who, "/api/v1/referrals").await.expect(200);
        assert!(list.as_array().unwrap().is_empty());
        assert_eq!(
            t.get(who, &format!("/api/v1/referrals/{id}"))
                .await
                .status
                .as_u16(),
            404
        );
        assert_eq!(t.get(who, &path).await.status.as_u16(), 404);
    }
    let answer = t
        .post(
            &tuscan_service,
            &format!("/api/v1/referrals/{id}/accept"),
            json!({}),
        )
        .await;
    assert_eq!(answer.status.as_u16(), 404);
    let cancel = t
        .post(
            &tuscan_secretariat,
            &format!("/api/v1/referrals/{id}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(cancel.status.as_u16(), 404);
    for who in [&tuscan_secretariat, &tuscan_coordinator] {
        let stats = t.get(who, "/api/v1/statistics/referrals").await.expect(200);
        assert!(stats["organisations"].as_array().unwrap().is_empty());
    }
}

async fn referrals_are_sent_and_answered_from_the_pages(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let job_centre = service.user.organisation_id.unwrap().to_string();
    let case = t.triaged_case(&frontline, &secretariat, Some(&manager), 4).await;

    let browser = t.signed_in(&manager).await;
    let (status, show) = t.page(&browser, &format!("/cases/{case}")).await;
    assert_eq!(status, 200);
    assert!(show.contains(&format!(r#"action="/cases/{case}/referrals""#)));
    let token = csrf(&show);
    let form = |consent: bool| {
        let mut fields = vec![
            ("csrf", token.clone()),
            ("organisation_id", job_centre.clone()),
            ("area", "work".to_owned()),
            ("description", "Orientamento".to_owned()),
            ("due_date", "01/01/2020".to_owned()),
            ("share_languages", "on".to_owned()),
        ];
        if consent {
            fields.push(("consent", "on".to_owned()));
        }
        fields
    };
    // Without consent the form comes back with what was typed.
    let refused = browser
        .post(t.url(&format!("/cases/{case}/referrals")))
        .form(&form(false))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="referral-consent-error""#), "{refused}");
    assert!(refused.contains(&format!(r#"value="{job_centre}" selected"#)));
    assert!(refused.contains(r#"name="share_languages" value="on" checked"#));
    let sent = browser
        .post(t.url(&format!("/cases/{case}/referrals")))
        .form(&form(true))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 303);
    let (_, show) = t
        .page(&browser, &format!("/cases/{case}?done=referral-sent"))
        .await;
    assert!(show.contains("Orientamento"));
    assert!(show.contains("badge bg-danger"), "overdue badge");

    // The service answers on /referrals and sees only the languages.
    let receiver = t.signed_in(&service).await;
    let (status, list) = t.page(&receiver, "/referrals").await;
    assert_eq!(status, 200);
    assert!(
        list.contains(r#"href="/referrals""#),
        "the menu links to the referrals"
    );
    assert!(list.contains("pa, hi"));
    assert!(!list.contains("Persona4"));
    assert!(!list.contains(&format!("/cases/{case}")));
    let id = t
        .get(&manager, &format!("/api/v1/cases/{case}/referrals"))
        .await
        .expect(200)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = csrf(&list);
    let accepted = receiver
        .post(t.url(&format!("/referrals/{id}/accept")))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status().as_u16(), 303);
    let empty = receiver
        .post(t.url(&format!("/referrals/{id}/complete")))
        .form(&[("csrf", token.as_str()), ("feedback", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status().as_u16(), 422);
    let completed = receiver
        .post(t.url(&format!("/referrals/{id}/complete")))
        .form(&[("csrf", token.as_str()), ("feedback", "Colloquio fatto")])
        .send()
        .await
        .unwrap();
    assert_eq!(completed.status().as_u16(), 303);
    let (_, show) = t.page(&browser, &format!("/cases/{case}")).await;
    assert!(show.contains("Colloquio fatto"));
}

/// A Lazio case with two referrals to the testkit's job centre, one of them
/// declined; returns the secretariat, who sent them, and the job centre's name.
async fn two_referrals(t: &TestApp) -> (TestUser, String) {
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "a").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "a").await;
    let service = t.user(Role::Service, RegionCode::Laz, "a").await;
    let job_centre = service.user.organisation_id.unwrap();
    let case = t.triaged_case(&frontline, &secretariat, None, 5).await;
    let path = format!("/api/v1/cases/{case}/referrals");
    let mut sent = Vec::new();
    for _ in 0..2 {
        let body = referral(job_centre, "2099-01-01", json!([]), true);
        let referral = t.post(&secretariat, &path, body).await.expect(201);
        sent.push(referral["id"].as_str().unwrap().to_owned());
    }
    let decline = format!("/api/v1/referrals/{}/decline", sent[0]);
    t.post(&service, &decline, json!({ "reason": "Pieni" }))
        .await
        .expect(200);
    let stats = t
        .get(&secretariat, "/api/v1/statistics/referrals")
        .await
        .expect(200);
    let name = stats["organisations"][0]["organisation_name"]
        .as_str()
        .unwrap()
        .to_owned();
    (secretariat, name)
}

/// The referral statistics as one user asks for them.
async fn statistics(t: &TestApp, who: &TestUser, query: &str) -> soleil_testkit::Reply {
    t.get(who, &format!("/api/v1/statistics/referrals{query}")).await
}

/// The figures of the one receiving service, as (sent, declined).
fn sent_and_declined(stats: &Value) -> (i64, i64) {
    let rows = stats["organisations"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{stats:#}");
    (
        rows[0]["sent"].as_i64().unwrap(),
        rows[0]["declined"].as_i64().unwrap(),
    )
}

async fn statistics_are_filtered_by_period_and_region(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let (secretariat, _) = two_referrals(&t).await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "b").await;
    let manager = t.user(Role::CaseManager, RegionCode::Laz, "a").await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    let today = chrono::Utc::now().date_naive().to_string();

    // Both ends of a period are included: today counts when it is either.
    for who in [&secretariat, &coordinator] {
        for query in ["", &format!("?from={today}&to={today}"), "?from=2000-01-01"] {
            let reply = statistics(&t, who, query).await.expect(200);
            assert_eq!(sent_and_declined(&reply), (2, 1), "{query}: {reply:#}");
            assert_eq!(reply["region"], "laz");
        }
    }
    // A period without referrals: no rows, and the period said back.
    for query in [
        "?from=2000-01-01&to=2000-12-31",
        "?from=2099-01-01",
        "?to=2000-01-01",
    ] {
        let reply = statistics(&t, &coordinator, query).await.expect(200);
        assert!(
            reply["organisations"].as_array().unwrap().is_empty(),
            "{query}: {reply:#}"
        );
    }
    let reply = statistics(&t, &coordinator, "?from=2000-01-01&to=2000-12-31")
        .await
        .expect(200);
    assert_eq!(
        (&reply["from"], &reply["to"]),
        (&json!("2000-01-01"), &json!("2000-12-31"))
    );

    // The end before the start: refused, naming the field, in the user's language.
    let backwards = statistics(&t, &coordinator, "?from=2026-11-30&to=2026-11-01").await;
    assert_eq!(backwards.status.as_u16(), 422, "{:#}", backwards.body);
    let field = &backwards.body["error"]["fields"][0];
    assert_eq!(
        (&field["field"], &field["code"]),
        (&json!("to"), &json!("until_before_from"))
    );
    let message = field["message"].as_str().unwrap();
    assert!(message.contains("precede"), "{message}");
    let unreadable = statistics(&t, &coordinator, "?from=30-11-2026").await;
    assert_eq!(unreadable.status.as_u16(), 400, "{:#}", unreadable.body);

    // Another region: refused to the region's own roles; admins choose it.
    for who in [&secretariat, &coordinator] {
        assert_eq!(statistics(&t, who, "?region=tos").await.status.as_u16(), 403);
        assert_eq!(
            statistics(&t, who, "?region=laz").await.expect(200)["region"],
            "laz"
        );
    }
    let lazio = statistics(&t, &admin, "?region=laz").await.expect(200);
    assert_eq!(sent_and_declined(&lazio), (2, 1));
    let tuscany = statistics(&t, &admin, "?region=tos").await.expect(200);
    assert!(tuscany["organisations"].as_array().unwrap().is_empty());
    let network = statistics(&t, &admin, "").await.expect(200);
    assert!(network["region"].is_null());
    assert_eq!(sent_and_declined(&network), (2, 1));

    // Who works on cases gets no figures.
    for who in [&frontline, &manager] {
        assert_eq!(statistics(&t, who, "").await.status.as_u16(), 403);
    }
}

async fn the_statistics_page_keeps_its_filters(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let (_, job_centre) = two_referrals(&t).await;
    let coordinator = t.user(Role::Coordinator, RegionCode::Laz, "a").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "b").await;
    let browser = t.signed_in(&coordinator).await;

    let (status, shown) = t.page(&browser, "/referrals/statistics").await;
    assert_eq!(status, 200);
    assert!(
        shown.contains(&format!(r#"<th scope="row">{job_centre}</th>"#)),
        "{shown}"
    );
    assert!(
        !shown.contains(r#"id="region""#),
        "a regional coordinator has no region to choose"
    );
    let (_, none) = t
        .page(&browser, "/referrals/statistics?from=2000-01-01&to=2000-12-31")
        .await;
    assert!(!none.contains(&job_centre));
    assert!(none.contains(r#"value="2000-01-01""#) && none.contains(r#"value="2000-12-31""#));

    // A date that cannot be read, and an end before the start: the form
    // again with its messages and what was typed; a typed day reads as ISO.
    let (status, refused) = t
        .page(&browser, "/referrals/statistics?from=31/02/2026&to=01/03/2026")
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains(r#"id="from-error""#), "{refused}");
    assert!(refused.contains(r#"value="31/02/2026""#));
    assert!(refused.contains(r#"value="2026-03-01""#));
    assert!(!refused.contains(&job_centre));
    let (status, refused) = t
        .page(&browser, "/referrals/statistics?from=2026-11-30&to=2026-11-01")
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains(r#"id="to-error""#), "{refused}");
    assert!(refused.contains("La data di fine precede quella di inizio."));
    assert!(refused.contains(r#"value="2026-11-30""#) && refused.contains(r#"value="2026-11-01""#));
    assert!(!refused.contains("Nessun invio"), "nothing was counted, not zero");

    // Another region, and a role without figures.
    assert_eq!(t.page(&browser, "/referrals/statistics?region=tos").await.0, 403);
    let browser = t.signed_in(&frontline).await;
    assert_eq!(t.page(&browser, "/referrals/statistics").await.0, 403);
}

/// In headless Chromium, checked with axe-core: the statistics an admin
/// filters by region, then the same form refused for a period that ends
/// before it starts. Skipped without Chromium.
async fn the_statistics_page_in_a_browser(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-referral-statistics", backend.name());
    let Some(mut b) = soleil_testkit::browser::Browser::start(&t.base_url, &label).await else {
        return;
    };
    let (_, job_centre) = two_referrals(&t).await;
    let admin = t.user(Role::Admin, RegionCode::Laz, "a").await;
    b.sign_in(&admin.user.email, PASSWORD).await;
    b.open("/referrals/statistics").await;
    b.select("#region", "laz").await;
    let submit = "form[action='/referrals/statistics'] button[type=submit]";
    b.follow(fantoccini::Locator::Css(submit)).await;
    assert_eq!(b.path().await, "/referrals/statistics?region=laz&from=&to=");
    assert!(b.text("table").await.contains(&job_centre));
    b.check("referral-statistics").await;

    // Date fields are typed in the browser's own format: set them as a
    // date picker would, then submit.
    let pick = "document.getElementById('from').value = arguments[0]; \
                document.getElementById('to').value = arguments[1];";
    b.client
        .execute(pick, vec![json!("2026-11-30"), json!("2026-11-01")])
        .await
        .unwrap();
    b.follow(fantoccini::Locator::Css(submit)).await;
    assert!(b.text("#to-error").await.contains("precede"));
    assert!(b.text("#error-summary").await.contains("precede"));
    for (id, typed) in [("region", "laz"), ("from", "2026-11-30"), ("to", "2026-11-01")] {
        let field = b.client.find(fantoccini::Locator::Id(id)).await.unwrap();
        assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(typed), "{id}");
    }
    b.check("referral-statistics-refused").await;
    b.finish().await;
}
