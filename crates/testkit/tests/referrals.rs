//! Referrals over HTTP, on both backends: a case's manager refers the person
//! to a service with the person's consent; the service sees only what is
//! shared, never the case; it accepts or declines, then completes with
//! feedback; of two racing answers one wins; overdue referrals are listed;
//! every step is on the timeline and in the audit log; statistics count
//! them; another region sees nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, TestApp, csrf, ids, on_both_backends, spawn};

on_both_backends!(
    a_referral_goes_round_the_loop_sharing_only_what_was_agreed,
    two_answers_at_once_one_wins_and_overdue_ones_are_listed,
    another_region_sees_no_referral,
    referrals_are_sent_and_answered_from_the_pages
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

async fn page(client: &reqwest::Client, t: &TestApp, path: &str) -> (u16, String) {
    let reply = client.get(t.url(path)).send().await.unwrap();
    (reply.status().as_u16(), reply.text().await.unwrap())
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
    let (status, show) = page(&browser, &t, &format!("/cases/{case}")).await;
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
    let (_, show) = page(&browser, &t, &format!("/cases/{case}?done=referral-sent")).await;
    assert!(show.contains("Orientamento"));
    assert!(show.contains("badge bg-danger"), "overdue badge");

    // The service answers on /referrals and sees only the languages.
    let receiver = t.signed_in(&service).await;
    let (status, list) = page(&receiver, &t, "/referrals").await;
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
    let (_, show) = page(&browser, &t, &format!("/cases/{case}")).await;
    assert!(show.contains("Colloquio fatto"));
}
