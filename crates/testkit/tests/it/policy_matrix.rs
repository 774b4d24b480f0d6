//! Every route of the API × every role: allowed or denied, as the policy
//! says (see `soleil_testkit::matrix`). The routes come from the OpenAPI
//! document, so a route added without a line in [`EXPECTED`] fails this
//! test; the inclusion areas keep their own tables in their own files.
//!
//! Each probe runs on a fresh fixture in Lazio: a draft screening recorded
//! by the front-line operator (person routes), and a case already triaged,
//! managed by the case manager, whose plan is under review by the service
//! user (case routes). "Allowed" means the call got past authorisation
//! (any answer but 401, 403 or 404); "denied" means 403 or 404.

use serde_json::{Value, json};
use soleil_domain::{OrganisationKind, RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, contact, matrix, on_both_backends, spawn};

on_both_backends!(every_route_answers_every_role_as_the_policy_says);

use Role::{
    Admin as A, Auditor as AU, CaseManager as CM, Coordinator as CO, Frontline as F, Secretariat as S,
    Service as SV,
};

const ALL: &[Role] = soleil_testkit::matrix::ALL_ROLES;
/// Everyone but employers' logins.
const STAFF: &[Role] = &[F, S, CM, SV, CO, A, AU];
const RECORDS: &[Role] = &[F, S, CM, SV];
const INTAKE: &[Role] = &[F, S, CM];

/// (method, OpenAPI path) → the roles allowed on the fixture.
const EXPECTED: &[(&str, &str, &[Role])] = &[
    ("GET", "/api/v1/regions", ALL),
    ("GET", "/api/v1/me", ALL),
    ("GET", "/api/v1/organisations", STAFF),
    ("POST", "/api/v1/organisations", &[A]),
    ("GET", "/api/v1/organisations/{id}", STAFF),
    ("GET", "/api/v1/users", &[S, CM, A]),
    ("POST", "/api/v1/users", &[A]),
    ("GET", "/api/v1/users/{id}", &[S, CM, A]),
    ("PATCH", "/api/v1/users/{id}", &[A]),
    ("GET", "/api/v1/persons", RECORDS),
    ("POST", "/api/v1/persons", INTAKE),
    // The draft's person: its recorder and the regional secretariat.
    ("GET", "/api/v1/persons/{id}", &[F, S]),
    ("POST", "/api/v1/contacts", INTAKE),
    ("POST", "/api/v1/screenings", &[F, S]),
    ("GET", "/api/v1/screenings/{id}", &[F, S]),
    ("PUT", "/api/v1/screenings/{id}", &[F, S]),
    ("POST", "/api/v1/screenings/{id}/send", &[F, S]),
    ("GET", "/api/v1/queue", &[S]),
    ("GET", "/api/v1/cases", RECORDS),
    // A triaged case: no longer its recorder's.
    ("GET", "/api/v1/cases/{id}", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/assessment", &[S]),
    ("GET", "/api/v1/cases/{id}/transitions", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/transitions", &[S, CM]),
    ("GET", "/api/v1/cases/{id}/team", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/team", &[S, CM]),
    ("DELETE", "/api/v1/cases/{id}/team/{user_id}", &[S, CM]),
    ("GET", "/api/v1/cases/{id}/plan", &[S, CM, SV]),
    ("PUT", "/api/v1/cases/{id}/plan", &[CM]),
    ("GET", "/api/v1/cases/{id}/plan/versions/{version}", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/plan/submit", &[CM]),
    ("POST", "/api/v1/cases/{id}/plan/reviews", &[SV]),
    ("POST", "/api/v1/cases/{id}/plan/agreement", &[CM]),
    ("POST", "/api/v1/cases/{id}/plan/actions/{action_id}", &[CM, SV]),
    ("GET", "/api/v1/instruments", ALL),
    ("POST", "/api/v1/instruments", &[A]),
    ("GET", "/api/v1/instruments/{id}", ALL),
    ("POST", "/api/v1/instruments/{id}/evaluate", ALL),
    ("GET", "/api/v1/audit", &[A, AU]),
    ("GET", "/api/v1/statistics/cases", &[S, CO]),
    // Places: a facility's users (the fixture's service user works at a job
    // centre, so sees none of the shelter's) and the regional secretariat.
    ("GET", "/api/v1/places", &[S, SV, A]),
    ("POST", "/api/v1/places", &[A]),
    ("GET", "/api/v1/places/{id}", &[S, A]),
    ("PATCH", "/api/v1/places/{id}", &[A]),
    ("GET", "/api/v1/cases/{id}/places", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/places", &[S]),
    ("POST", "/api/v1/cases/{id}/places/{allocation_id}/release", &[S]),
    ("POST", "/api/v1/cases/{id}/places/{allocation_id}/transfer", &[S]),
    // A referral of the case, sent by its manager to the service user's organisation.
    ("GET", "/api/v1/cases/{id}/referrals", &[S, CM, SV]),
    ("POST", "/api/v1/cases/{id}/referrals", &[S, CM]),
    ("GET", "/api/v1/referrals", &[S, CM, SV]),
    ("GET", "/api/v1/referrals/{id}", &[S, CM, SV]),
    ("POST", "/api/v1/referrals/{id}/accept", &[SV]),
    ("POST", "/api/v1/referrals/{id}/decline", &[SV]),
    ("POST", "/api/v1/referrals/{id}/complete", &[SV]),
    ("POST", "/api/v1/referrals/{id}/cancel", &[S, CM]),
    ("GET", "/api/v1/statistics/referrals", &[S, CO, A]),
    ("GET", "/api/v1/monitoring/dashboard", &[S, CO, A]),
    // A figure followed to its cases: the region's secretariat only.
    ("GET", "/api/v1/monitoring/figures", &[S]),
    ("GET", "/api/v1/reports/results", &[S, CO, A]),
    ("GET", "/api/v1/reports/esf", &[S, CO, A]),
    ("GET", "/api/v1/research/export", &[CO, A]),
    ("GET", "/api/v1/monitoring/targets", &[S, CO, A]),
    ("PUT", "/api/v1/monitoring/targets", &[CO, A]),
    // A case's ESF+ answers: those who act for the case.
    ("GET", "/api/v1/cases/{id}/participant", &[S, CM]),
    ("PUT", "/api/v1/cases/{id}/participant", &[S, CM]),
    ("GET", "/api/v1/comuni", ALL),
    ("GET", "/api/v1/comuni/{code}", ALL),
    ("GET", "/api/v1/codice-fiscale", ALL),
    ("GET", "/api/v1/codice-fiscale/{code}", ALL),
    // The directory's exchange: everyone exports; admins and the secretariat import.
    ("GET", "/api/v1/directory/hsds", STAFF),
    ("POST", "/api/v1/directory/import", &[S, A]),
    // The directory: everyone reads it; a service of the job centre is kept
    // by its staff, the regional secretariat and admins.
    ("GET", "/api/v1/services", STAFF),
    ("POST", "/api/v1/services", &[S, SV, A]),
    ("GET", "/api/v1/services/{id}", STAFF),
    ("PUT", "/api/v1/services/{id}", &[S, SV, A]),
    // Documents of the draft's person (its recorder and the secretariat),
    // and a permit of the triaged case's person, kept by its manager; its
    // reminder is the manager's, the region's secretariat's and admins'.
    ("GET", "/api/v1/persons/{id}/documents", &[F, S]),
    ("POST", "/api/v1/persons/{id}/documents", &[F, S]),
    ("PUT", "/api/v1/documents/{id}", &[S, CM]),
    ("DELETE", "/api/v1/documents/{id}", &[S, CM]),
    ("GET", "/api/v1/reminders", &[S, CM, A]),
    ("POST", "/api/v1/reminders/{id}/done", &[S, CM, A]),
    // One person, one record: those who record persons are warned of
    // possible duplicates; the secretariat and admins reconcile them.
    ("POST", "/api/v1/persons/matches", INTAKE),
    ("GET", "/api/v1/identity/pairs", &[S, A]),
    ("GET", "/api/v1/identity/pairs/{id}", &[S, A]),
    ("POST", "/api/v1/identity/pairs/{id}/merge", &[S, A]),
    ("POST", "/api/v1/identity/pairs/{id}/distinct", &[S, A]),
    ("GET", "/api/v1/identity/merges", &[S, A]),
    ("POST", "/api/v1/identity/merges/{id}/undo", &[S, A]),
    ("POST", "/api/v1/identity/sweep", &[S, A]),
];

#[derive(Clone)]
struct Fixture {
    person: String,
    /// A permit of the triaged case's person expiring soon, and its reminder.
    document: String,
    reminder: String,
    /// An open possible duplicate of the region (the fixtures' persons are
    /// alike), one of its persons, and a merge of another pair.
    pair: String,
    pair_person: String,
    merge: String,
    screening: String,
    case: String,
    action: String,
    member: String,
    /// A published instrument version, to publish again under new versions.
    instrument: Value,
    /// A reception centre, a free place of it and an allocation of another to the case.
    facility: String,
    place: String,
    allocation: String,
    /// A referral of the case to the job centre, sent.
    referral: String,
    job_centre: String,
    /// A service of the job centre in the directory.
    service: String,
}

static PLACES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

async fn fixture(t: &TestApp, users: &[(Role, TestUser)], extra_service: &TestUser) -> Fixture {
    let by = |role: Role| &users.iter().find(|(r, _)| *r == role).expect("user").1;
    let mut draft = contact("Bozza", false);
    draft["send"] = json!(false);
    let draft = t.post(by(F), "/api/v1/contacts", draft).await.expect(201);
    let sent = t
        .post(by(F), "/api/v1/contacts", contact("Triage", true))
        .await
        .expect(201);
    let case = sent["screening"]["case_id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/cases/{case}");
    let assessment = json!({ "decision": "personalised_path", "zonal_group": "Ambito Roma 1",
                             "case_manager_id": by(CM).user.id });
    t.post(by(S), &format!("{path}/assessment"), assessment)
        .await
        .expect(200);
    t.post(
        by(CM),
        &format!("{path}/team"),
        json!({ "user_id": by(SV).user.id }),
    )
    .await
    .expect(200);
    let organisation = t.organisation(OrganisationKind::JobCentre, RegionCode::Laz).await;
    let plan = json!({
        "needs": [{ "area": "housing", "description": "Alloggio" }],
        "actions": [{ "area": "housing", "description": "Domanda di alloggio",
                      "responsible_organisation_id": organisation.id }]
    });
    let plan = t.put(by(CM), &format!("{path}/plan"), plan).await.expect(200);
    t.post(by(CM), &format!("{path}/plan/submit"), json!({}))
        .await
        .expect(200);
    let facility = t
        .organisation(OrganisationKind::ReceptionCentre, RegionCode::Laz)
        .await;
    let mut places = Vec::new();
    for _ in 0..2 {
        let label = format!(
            "Letto {}",
            PLACES.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let place = json!({ "organisation_id": facility.id, "kind": "men", "label": label });
        let place = t.post(by(A), "/api/v1/places", place).await.expect(201);
        places.push(place["id"].as_str().unwrap().to_owned());
    }
    let allocation = json!({ "place_id": places[1], "from": "2026-11-23" });
    let allocation = t
        .post(by(S), &format!("{path}/places"), allocation)
        .await
        .expect(201);
    let referral = json!({ "organisation_id": organisation.id, "area": "work", "description": "Orientamento",
                           "due_date": "2026-12-01", "shares": ["languages"], "consent": true });
    let referral = t
        .post(by(CM), &format!("{path}/referrals"), referral)
        .await
        .expect(201);
    let service = t
        .post(
            by(A),
            "/api/v1/services",
            directory_service(&organisation.id.to_string()),
        )
        .await
        .expect(201);
    let own = [&draft["person"]["id"], &sent["person"]["id"]];
    let (pair, pair_person, merge) = identity_fixture(t, by(S), by(A), &own).await;
    let (document, reminder) = document_fixture(t, by(S), &case).await;
    Fixture {
        document,
        reminder,
        pair,
        pair_person,
        merge,
        service: service["id"].as_str().unwrap().to_owned(),
        referral: referral["id"].as_str().unwrap().to_owned(),
        job_centre: organisation.id.to_string(),
        person: draft["person"]["id"].as_str().unwrap().to_owned(),
        screening: draft["screening"]["id"].as_str().unwrap().to_owned(),
        case,
        action: plan["actions"][0]["id"].as_str().unwrap().to_owned(),
        member: extra_service.user.id.to_string(),
        instrument: t
            .get(by(F), "/api/v1/instruments/ilo_forced_labour_11")
            .await
            .expect(200),
        facility: facility.id.to_string(),
        place: places[0].clone(),
        allocation: allocation["id"].as_str().unwrap().to_owned(),
    }
}

/// An open pair of the region and one of its persons, and a merge of
/// another pair in force (empty when the region has too few pairs yet).
/// The merge leaves this fixture's own persons alone.
async fn identity_fixture(
    t: &TestApp,
    secretariat: &TestUser,
    admin: &TestUser,
    own: &[&Value],
) -> (String, String, String) {
    let pairs = t
        .get(secretariat, "/api/v1/identity/pairs?per_page=20")
        .await
        .expect(200);
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    let first = &pairs["items"][0];
    let another = pairs["items"]
        .as_array()
        .into_iter()
        .flatten()
        .skip(1)
        .find(|pair| {
            !own.contains(&&pair["left"]["person_id"]) && !own.contains(&&pair["right"]["person_id"])
        });
    let merge = match another {
        Some(other) => {
            let path = format!("/api/v1/identity/pairs/{}/merge", text(&other["id"]));
            let body = json!({ "survivor": other["left"]["person_id"] });
            text(&t.post(admin, &path, body).await.expect(200)["id"])
        }
        None => String::new(),
    };
    (text(&first["id"]), text(&first["left"]["person_id"]), merge)
}

/// A permit of the case's person (after any merge of the identity fixture)
/// expiring in ten days, recorded by the secretariat, and the reminder the
/// job raises for it.
async fn document_fixture(t: &TestApp, secretariat: &TestUser, case: &str) -> (String, String) {
    let file = t
        .get(secretariat, &format!("/api/v1/cases/{case}"))
        .await
        .expect(200);
    let path = format!(
        "/api/v1/persons/{}/documents",
        file["person"]["id"].as_str().unwrap()
    );
    let document = t
        .post(secretariat, &path, permit_expiring_soon())
        .await
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.app.raise_permit_reminders_today().await.unwrap();
    let reminders = t.get(secretariat, "/api/v1/reminders").await.expect(200);
    let reminder = reminders
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["document_id"] == document.as_str())
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .unwrap_or_default();
    (document, reminder)
}

fn permit_expiring_soon() -> Value {
    let today = chrono::Utc::now().date_naive();
    json!({ "kind": "residence_permit", "permit_type": "art18_special_protection", "number": "I0123456",
            "issued_on": (today - chrono::Duration::days(170)).to_string(),
            "expires_on": (today + chrono::Duration::days(10)).to_string() })
}

/// A service of the directory, as the API takes it.
fn directory_service(organisation: &str) -> Value {
    json!({ "organisation_id": organisation, "name": "Orientamento al lavoro", "description": "Colloqui",
            "need_areas": ["work"], "languages": ["it", "pa"],
            "locations": [{ "kind": "office", "name": "Centro per l'impiego", "street": "Via Roma 1",
                            "comune": "059011", "latitude": 41.467, "longitude": 12.904 }] })
}

/// The concrete path and a valid body for one route on a fixture.
fn probe(
    path: &str,
    method: &str,
    f: &Fixture,
    users: &[(Role, TestUser)],
    n: usize,
) -> (String, Option<Value>) {
    let service = users
        .iter()
        .find(|(r, _)| *r == SV)
        .expect("service")
        .1
        .user
        .id
        .to_string();
    let id = if path.starts_with("/api/v1/identity/pairs") {
        f.pair.clone()
    } else if path.starts_with("/api/v1/identity/merges") {
        f.merge.clone()
    } else if path.starts_with("/api/v1/documents") {
        f.document.clone()
    } else if path.starts_with("/api/v1/reminders") {
        f.reminder.clone()
    } else if path.starts_with("/api/v1/persons") {
        f.person.clone()
    } else if path.starts_with("/api/v1/screenings") {
        f.screening.clone()
    } else if path.starts_with("/api/v1/users") {
        service.clone()
    } else if path.starts_with("/api/v1/instruments") {
        "ilo_forced_labour_11".to_owned()
    } else if path.starts_with("/api/v1/places") {
        f.place.clone()
    } else if path.starts_with("/api/v1/referrals") {
        f.referral.clone()
    } else if path.starts_with("/api/v1/services") {
        f.service.clone()
    } else if path.starts_with("/api/v1/organisations") {
        users[0].1.user.organisation_id.expect("organisation").to_string()
    } else {
        f.case.clone()
    };
    let concrete = path
        .replace("{id}", &id)
        .replace("{user_id}", &service)
        .replace("{version}", "1")
        .replace("{action_id}", &f.action)
        .replace("{allocation_id}", &f.allocation)
        .replace("{code}", "058091");
    // The comuni search needs its query.
    let concrete = if path == "/api/v1/comuni" {
        format!("{concrete}?q=roma")
    } else {
        concrete
    };
    let body = match (method, path) {
        ("GET" | "DELETE", _) => None,
        (_, "/api/v1/organisations") => {
            Some(json!({ "name": format!("Ente {n}"), "kind": "desk", "region": "laz" }))
        }
        (_, "/api/v1/users") => Some(
            json!({ "email": format!("u{n}@x.it"), "display_name": "U", "role": "service",
                                            "organisation_id": users[0].1.user.organisation_id, "password": "0123456789ab" }),
        ),
        (_, "/api/v1/users/{id}") => Some(json!({ "active": true })),
        (_, "/api/v1/instruments") => {
            let mut definition = f.instrument.clone();
            definition["version"] = json!(format!("2012.{n}"));
            Some(definition)
        }
        (_, "/api/v1/instruments/{id}/evaluate") => Some(json!({ "answers": { "fl_isolation": "yes" } })),
        (_, "/api/v1/persons") => Some(json!({ "surname": "Nuova" })),
        (_, "/api/v1/contacts") => Some(contact("Altro", false)),
        (_, "/api/v1/screenings") => Some(json!({ "person_id": f.person, "contact_channel": "desk" })),
        (_, "/api/v1/screenings/{id}") => Some(json!({ "contact_channel": "union" })),
        (_, "/api/v1/cases/{id}/assessment") => Some(json!({ "decision": "emergency_response" })),
        (_, "/api/v1/cases/{id}/transitions") => {
            Some(json!({ "to": "closed", "closing_reason": "dropped_out" }))
        }
        (_, "/api/v1/cases/{id}/team") => Some(json!({ "user_id": f.member })),
        (_, "/api/v1/cases/{id}/plan") => Some(json!({ "needs": [], "actions": [] })),
        (_, "/api/v1/cases/{id}/plan/reviews") => Some(json!({ "verdict": "approve" })),
        (_, "/api/v1/cases/{id}/plan/actions/{action_id}") => Some(json!({ "status": "done" })),
        (_, "/api/v1/places") => {
            Some(json!({ "organisation_id": f.facility, "kind": "women", "label": format!("Sonda {n}") }))
        }
        (_, "/api/v1/places/{id}") => Some(json!({ "active": true })),
        (_, "/api/v1/cases/{id}/places") => Some(json!({ "place_id": f.place, "from": "2026-11-23" })),
        (_, "/api/v1/cases/{id}/places/{allocation_id}/transfer") => Some(json!({ "place_id": f.place })),
        (_, "/api/v1/cases/{id}/referrals") => Some(
            json!({ "organisation_id": f.job_centre, "area": "housing", "description": "Alloggio",
                    "due_date": "2026-12-01", "shares": [], "consent": true }),
        ),
        (_, "/api/v1/referrals/{id}/decline") => Some(json!({ "reason": "Nessun posto" })),
        (_, "/api/v1/referrals/{id}/complete") => Some(json!({ "feedback": "Fatto" })),
        (_, "/api/v1/services" | "/api/v1/services/{id}") => Some(directory_service(&f.job_centre)),
        (_, "/api/v1/persons/{id}/documents" | "/api/v1/documents/{id}") => Some(permit_expiring_soon()),
        (_, "/api/v1/identity/pairs/{id}/merge") => Some(json!({ "survivor": f.pair_person })),
        (_, "/api/v1/monitoring/targets") => Some(json!({ "targets": [{ "step": "assessed", "days": 5 }] })),
        _ => Some(json!({})),
    };
    (concrete, body)
}

async fn every_route_answers_every_role_as_the_policy_says(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let mut users = Vec::new();
    for role in ALL {
        users.push((*role, t.user(*role, RegionCode::Laz, "matrix").await));
    }
    let extra_service = t.user(SV, RegionCode::Laz, "extra").await;
    let routes = matrix::routes(&t, matrix::in_no_area).await;
    matrix::assert_listed(&routes, EXPECTED);
    // A read changes nothing: every role reads one route on the same
    // fixture. A call that may change it gets a fresh one.
    let read: std::sync::Mutex<Option<(&str, Fixture)>> = std::sync::Mutex::new(None);
    matrix::assert_answers(&t, &users, EXPECTED, |method, path, n| {
        let (t, users, extra_service, read) = (&t, &users, &extra_service, &read);
        async move {
            let reading = method == "GET";
            let same_route = |(route, _): &&(&str, Fixture)| *route == path;
            let built = reading
                .then(|| {
                    read.lock()
                        .unwrap()
                        .as_ref()
                        .filter(same_route)
                        .map(|(_, f)| f.clone())
                })
                .flatten();
            let fixture = match built {
                Some(fixture) => fixture,
                None => {
                    let fixture = fixture(t, users, extra_service).await;
                    if reading {
                        *read.lock().unwrap() = Some((path, fixture.clone()));
                    }
                    fixture
                }
            };
            probe(path, method, &fixture, users, n)
        }
    })
    .await;
}
