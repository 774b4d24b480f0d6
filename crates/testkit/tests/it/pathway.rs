//! The referral pathway end to end over HTTP, on both backends: a first
//! contact reaches the secretariat, is assessed, gets a case manager and a
//! plan reviewed by the zonal working group, enters inclusion and closes.

use serde_json::{Value, json};
use soleil_domain::{OrganisationKind, RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, contact, on_both_backends, spawn};

on_both_backends!(
    a_case_goes_through_every_phase,
    an_emergency_leads_to_a_plan,
    out_of_scope_closes_the_case
);

struct Network {
    frontline: TestUser,
    secretariat: TestUser,
    case_manager: TestUser,
    service: TestUser,
}

async fn network(t: &TestApp) -> Network {
    Network {
        frontline: t.user(Role::Frontline, RegionCode::Laz, "a").await,
        secretariat: t.user(Role::Secretariat, RegionCode::Laz, "a").await,
        case_manager: t.user(Role::CaseManager, RegionCode::Laz, "a").await,
        service: t.user(Role::Service, RegionCode::Laz, "a").await,
    }
}

/// Sends a contact and returns the id of the case it opened.
async fn report(t: &TestApp, frontline: &TestUser, surname: &str, danger: bool) -> String {
    let sent = t
        .post(frontline, "/api/v1/contacts", contact(surname, danger))
        .await
        .expect(201);
    assert_eq!(sent["screening"]["status"], "sent");
    sent["screening"]["case_id"].as_str().expect("case id").to_owned()
}

fn kinds(timeline: &Value) -> Vec<String> {
    timeline
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn a_case_goes_through_every_phase(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let n = network(&t).await;

    // Phase 1: two contacts; the urgent one comes first in the queue though sent later.
    let calm = report(&t, &n.frontline, "Kaur", false).await;
    let case = report(&t, &n.frontline, "Singh", true).await;
    let queue = t.get(&n.secretariat, "/api/v1/queue").await.expect(200);
    let order: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, [case.as_str(), calm.as_str()]);
    assert_eq!(queue["items"][0]["priority"], "urgent");
    assert_eq!(queue["items"][0]["person_surname"], "Singh");

    // Phase 2a: assessment, decision for a personalised path.
    let path = format!("/api/v1/cases/{case}");
    t.post(
        &n.secretariat,
        &format!("{path}/transitions"),
        json!({ "to": "assessing" }),
    )
    .await
    .expect(200);
    let assessed = t
        .post(
            &n.secretariat,
            &format!("{path}/assessment"),
            json!({
                "decision": "personalised_path",
                "legal_status_checked": "Permesso scaduto da 3 mesi: avviare art. 18-ter",
                "summary": "Indicatori di sfruttamento gravi.",
                "zonal_group": "Ambito Latina 2",
                "case_manager_id": n.case_manager.user.id,
            }),
        )
        .await
        .expect(200);
    assert_eq!(assessed["state"], "planning");

    // Phase 2c: the case manager drafts the plan and forms the working group.
    let job_centre = t.organisation(OrganisationKind::JobCentre, RegionCode::Laz).await;
    let plan = json!({
        "needs": [
            { "area": "work", "description": "Lavoro regolare nel settore agricolo" },
            { "area": "documents", "description": "Rinnovo del permesso di soggiorno" }
        ],
        "actions": [
            { "area": "work", "description": "Iscrizione al centro per l'impiego",
              "responsible_organisation_id": job_centre.id, "due_date": "2027-01-31" },
            { "area": "documents", "description": "Appuntamento in questura",
              "responsible_organisation_id": job_centre.id }
        ]
    });
    let draft = t
        .put(&n.case_manager, &format!("{path}/plan"), plan.clone())
        .await
        .expect(200);
    assert_eq!(
        (draft["version"].as_i64(), draft["status"].as_str()),
        (Some(1), Some("draft"))
    );
    let early = t
        .post(&n.case_manager, &format!("{path}/plan/submit"), json!({}))
        .await;
    assert_eq!(
        (early.status.as_u16(), early.error_code()),
        (409, "team_required_for_review")
    );
    t.post(
        &n.case_manager,
        &format!("{path}/team"),
        json!({ "user_id": n.service.user.id }),
    )
    .await
    .expect(200);

    // Phase 2d: review; changes asked, then approval, then the person's agreement.
    t.post(&n.case_manager, &format!("{path}/plan/submit"), json!({}))
        .await
        .expect(200);
    let changes = json!({ "verdict": "request_changes", "comment": "Aggiungere il corso di italiano" });
    t.post(&n.service, &format!("{path}/plan/reviews"), changes)
        .await
        .expect(200);
    let back = t.get(&n.case_manager, &path).await.expect(200);
    assert_eq!(back["case"]["state"], "planning");
    let mut revised = plan.clone();
    revised["needs"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "area": "language", "description": "Corso A2" }));
    let saved = t
        .put(&n.case_manager, &format!("{path}/plan"), revised)
        .await
        .expect(200);
    assert_eq!(saved["version"], 1, "a draft sent back is still the same version");
    t.post(
        &n.case_manager,
        &format!("{path}/transitions"),
        json!({ "to": "plan_review" }),
    )
    .await
    .expect(200);
    let approved = t
        .post(
            &n.service,
            &format!("{path}/plan/reviews"),
            json!({ "verdict": "approve" }),
        )
        .await
        .expect(200);
    assert_eq!(approved["status"], "approved");
    let too_soon = t
        .post(
            &n.case_manager,
            &format!("{path}/transitions"),
            json!({ "to": "inclusion" }),
        )
        .await;
    assert_eq!(
        (too_soon.status.as_u16(), too_soon.error_code()),
        (409, "plan_not_approved_and_agreed")
    );
    t.post(
        &n.case_manager,
        &format!("{path}/plan/agreement"),
        json!({ "note": "Firmato con la mediatrice" }),
    )
    .await
    .expect(200);

    // Phase 3: inclusion; the responsible service completes its action.
    t.post(
        &n.case_manager,
        &format!("{path}/transitions"),
        json!({ "to": "inclusion" }),
    )
    .await
    .expect(200);
    let file = t.get(&n.service, &format!("{path}/plan")).await.expect(200);
    let action = file["current"]["actions"][0]["id"].as_str().unwrap().to_owned();
    let done = json!({ "status": "done", "note": "Iscritto il 12/12" });
    let updated = t
        .post(&n.service, &format!("{path}/plan/actions/{action}"), done)
        .await
        .expect(200);
    assert_eq!(updated["actions"][0]["status"], "done");

    // An approved version is never edited in place: a change starts version 2.
    let v2 = t
        .put(&n.case_manager, &format!("{path}/plan"), plan)
        .await
        .expect(200);
    assert_eq!(
        (v2["version"].as_i64(), v2["status"].as_str()),
        (Some(2), Some("draft"))
    );
    let v1 = t
        .get(&n.case_manager, &format!("{path}/plan/versions/1"))
        .await
        .expect(200);
    assert_eq!(
        (v1["status"].as_str(), v1["needs"].as_array().unwrap().len()),
        (Some("approved"), 3)
    );

    // Closing, with a reason; nothing moves a closed case.
    let closed = t
        .post(
            &n.case_manager,
            &format!("{path}/transitions"),
            json!({ "to": "closed", "closing_reason": "goals_met" }),
        )
        .await
        .expect(200);
    assert_eq!(
        (closed["state"].as_str(), closed["closing_reason"].as_str()),
        (Some("closed"), Some("goals_met"))
    );
    let reopen = t
        .post(
            &n.case_manager,
            &format!("{path}/transitions"),
            json!({ "to": "planning" }),
        )
        .await;
    assert_eq!(reopen.status.as_u16(), 409);

    // The timeline holds every step, with who and when.
    let timeline = t
        .get(&n.case_manager, &format!("{path}/transitions"))
        .await
        .expect(200);
    let kinds = kinds(&timeline);
    for expected in [
        "reported",
        "transition",
        "assessment",
        "plan_drafted",
        "team_member_added",
        "plan_submitted",
        "plan_reviewed",
        "plan_changes_requested",
        "plan_approved",
        "agreement_recorded",
        "action_done",
    ] {
        assert!(kinds.iter().any(|k| k == expected), "no {expected} in {kinds:?}");
    }
    let states: Vec<(Value, Value)> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "transition")
        .map(|e| (e["from_state"].clone(), e["to_state"].clone()))
        .collect();
    assert_eq!(states.first(), Some(&(json!("reported"), json!("assessing"))));
    assert_eq!(states.last(), Some(&(json!("inclusion"), json!("closed"))));
    assert!(
        timeline
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actor_name"].as_str().is_some_and(|n| !n.is_empty()))
    );
    // Steps carry codes, not sentences, so each language can word them.
    let coded = |kind: &str| -> Vec<(Value, Value)> {
        timeline
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == kind)
            .map(|e| (e["code"].clone(), e["plan_version"].clone()))
            .collect()
    };
    assert_eq!(coded("assessment"), [(json!("personalised_path"), Value::Null)]);
    assert_eq!(
        coded("plan_reviewed"),
        [(json!("request_changes"), json!(1)), (json!("approve"), json!(1))]
    );
    assert_eq!(
        coded("plan_drafted"),
        [(Value::Null, json!(1)), (Value::Null, json!(2))]
    );
    let closing = timeline
        .as_array()
        .unwrap()
        .iter()
        .rfind(|e| e["kind"] == "transition")
        .unwrap();
    assert_eq!(closing["code"], "goals_met");
}

async fn an_emergency_leads_to_a_plan(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let n = network(&t).await;
    let case = report(&t, &n.frontline, "Diallo", true).await;
    let path = format!("/api/v1/cases/{case}");
    let emergency = t
        .post(
            &n.secretariat,
            &format!("{path}/assessment"),
            json!({ "decision": "emergency_response" }),
        )
        .await;
    assert_eq!(emergency.expect(200)["state"], "emergency");
    let missing = t
        .post(
            &n.secretariat,
            &format!("{path}/transitions"),
            json!({ "to": "planning" }),
        )
        .await;
    assert_eq!(missing.status.as_u16(), 422);
    assert_eq!(missing.body["error"]["fields"][0]["field"], "case_manager_id");
    let planning =
        json!({ "to": "planning", "case_manager_id": n.case_manager.user.id, "zonal_group": "Ambito Fondi" });
    let moved = t
        .post(&n.secretariat, &format!("{path}/transitions"), planning)
        .await
        .expect(200);
    assert_eq!(moved["state"], "planning");
    let file = t.get(&n.case_manager, &path).await.expect(200);
    assert_eq!(file["case"]["zonal_group"], "Ambito Fondi");
    assert_eq!(file["can"]["edit_plan"], true);
}

async fn out_of_scope_closes_the_case(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let n = network(&t).await;
    let case = report(&t, &n.frontline, "Popescu", false).await;
    let path = format!("/api/v1/cases/{case}");
    let no_reason = t
        .post(
            &n.secretariat,
            &format!("{path}/assessment"),
            json!({ "decision": "not_in_scope" }),
        )
        .await;
    assert_eq!(no_reason.status.as_u16(), 422);
    let body = json!({ "decision": "not_in_scope", "reason": "Nessun indicatore di sfruttamento" });
    let closed = t
        .post(&n.secretariat, &format!("{path}/assessment"), body)
        .await
        .expect(200);
    assert_eq!(
        (closed["state"].as_str(), closed["closing_reason"].as_str()),
        (Some("closed"), Some("not_in_scope"))
    );
    let again = t
        .post(
            &n.secretariat,
            &format!("{path}/assessment"),
            json!({ "decision": "emergency_response" }),
        )
        .await;
    assert_eq!(
        (again.status.as_u16(), again.error_code()),
        (409, "already_assessed")
    );
}
