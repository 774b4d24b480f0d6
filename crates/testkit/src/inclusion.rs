//! Fixtures of phase 3: a case that has reached inclusion, with the team
//! around it, so tests of labs, measures, offers and placements start where
//! their users start.

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use soleil_domain::inclusion::employer::VatNumber;
use soleil_domain::{OrganisationKind, RegionCode, Role};

use crate::{PASSWORD, TestApp, TestUser};

/// The people around cases in inclusion in one region: who reported them,
/// the secretariat that triaged them, their case manager and a service user
/// (of a job centre) on their zonal working group.
pub struct InclusionTeam {
    pub region: RegionCode,
    pub frontline: TestUser,
    pub secretariat: TestUser,
    pub case_manager: TestUser,
    pub service: TestUser,
}

/// A case in inclusion and its person.
#[derive(Debug, Clone)]
pub struct InclusionCase {
    pub case: String,
    pub person: String,
}

impl InclusionTeam {
    /// Signs up the team's users; `tag` tells apart several teams of a test.
    pub async fn new(t: &TestApp, region: RegionCode, tag: &str) -> Self {
        Self {
            region,
            frontline: t.user(Role::Frontline, region, tag).await,
            secretariat: t.user(Role::Secretariat, region, tag).await,
            case_manager: t.user(Role::CaseManager, region, tag).await,
            service: t.user(Role::Service, region, tag).await,
        }
    }

    /// One user of every role, in the order of [`crate::matrix::ALL_ROLES`]'s
    /// roles: the team's own, and the others of the team's region.
    pub async fn every_role(&self, t: &TestApp) -> Vec<(Role, TestUser)> {
        let mut users = vec![
            (Role::Frontline, self.frontline.clone()),
            (Role::Secretariat, self.secretariat.clone()),
            (Role::CaseManager, self.case_manager.clone()),
            (Role::Service, self.service.clone()),
        ];
        for role in [Role::Coordinator, Role::Admin, Role::Auditor, Role::Employer] {
            users.push((role, t.user(role, self.region, "matrix").await));
        }
        assert_eq!(users.len(), crate::matrix::ALL_ROLES.len());
        users
    }

    /// A new person's case taken through the pathway into inclusion: reported,
    /// triaged to a personalised path, plan approved by the team and agreed
    /// by the person. `n` tells apart the persons of one test.
    pub async fn case_in_inclusion(&self, t: &TestApp, n: usize) -> InclusionCase {
        let case = t
            .triaged_case(&self.frontline, &self.secretariat, Some(&self.case_manager), n)
            .await;
        let path = format!("/api/v1/cases/{case}");
        t.post(
            &self.case_manager,
            &format!("{path}/team"),
            json!({ "user_id": self.service.user.id }),
        )
        .await
        .expect(200);
        let job_centre = t.organisation(OrganisationKind::JobCentre, self.region).await;
        let plan = json!({
            "needs": [{ "area": "work", "description": "Formazione e lavoro regolare" }],
            "actions": [{ "area": "work", "description": "Laboratorio professionalizzante",
                          "responsible_organisation_id": job_centre.id }]
        });
        t.put(&self.case_manager, &format!("{path}/plan"), plan)
            .await
            .expect(200);
        t.post(&self.case_manager, &format!("{path}/plan/submit"), json!({}))
            .await
            .expect(200);
        t.post(
            &self.service,
            &format!("{path}/plan/reviews"),
            json!({ "verdict": "approve" }),
        )
        .await
        .expect(200);
        t.post(
            &self.case_manager,
            &format!("{path}/plan/agreement"),
            json!({ "note": "Firmato con la mediatrice" }),
        )
        .await
        .expect(200);
        t.post(
            &self.case_manager,
            &format!("{path}/transitions"),
            json!({ "to": "inclusion" }),
        )
        .await
        .expect(200);
        let file = t.get(&self.case_manager, &path).await.expect(200);
        InclusionCase {
            case,
            person: file["person"]["id"].as_str().expect("person").to_owned(),
        }
    }

    /// A case taken in charge by the case manager, then closed because the
    /// person dropped out: the `n`th contact of the test.
    pub async fn dropped_out_case(&self, t: &TestApp, n: usize) -> String {
        let case = t
            .triaged_case(&self.frontline, &self.secretariat, Some(&self.case_manager), n)
            .await;
        t.post(
            &self.case_manager,
            &format!("/api/v1/cases/{case}/transitions"),
            json!({ "to": "closed", "closing_reason": "dropped_out", "note": "Non risponde da un mese" }),
        )
        .await
        .expect(200);
        case
    }

    /// The case completes the empowerment path and is enrolled in a new
    /// professional (welding) lab, whose id this answers.
    pub async fn in_a_lab(&self, t: &TestApp, case: &InclusionCase) -> String {
        let empowerment = create_course(t, self, "empowerment", 10).await;
        let session = add_session(t, &self.service, &empowerment, 1, "7").await;
        let enrolled = enrol(t, &self.case_manager, case, &empowerment).await.expect(201);
        attend(t, &self.service, &session, enrolled["id"].as_str().unwrap(), 420)
            .await
            .expect(200);
        let lab = create_course(t, self, "professional", 10).await;
        enrol(t, &self.case_manager, case, &lab).await.expect(201);
        lab
    }

    /// The case manager refers the case to a job centre of the region for
    /// `area`, to be answered within a week.
    pub async fn refer(&self, t: &TestApp, case: &InclusionCase, area: &str) {
        let job_centre = t.organisation(OrganisationKind::JobCentre, self.region).await;
        let due = (today() + Duration::days(7)).to_string();
        let referral = json!({ "organisation_id": job_centre.id, "area": area, "description": format!("Invio: {area}"),
                               "due_date": due, "shares": [], "consent": true });
        t.post(
            &self.case_manager,
            &format!("/api/v1/cases/{}/referrals", case.case),
            referral,
        )
        .await
        .expect(201);
    }
}

/// Taxpayer numbers of the VAT numbers [`employer`] gives out: one each, so
/// that no two employers of a test (or of a database) share a VAT number.
static TAXPAYERS: AtomicU32 = AtomicU32::new(1);

/// A VAT number that is valid and used by no other employer of this run:
/// a fresh taxpayer number, the Rome office (058), and the one check digit
/// the domain accepts.
pub fn vat_number() -> String {
    let taxpayer = TAXPAYERS.fetch_add(1, Ordering::Relaxed);
    let first_ten = format!("{taxpayer:07}058");
    (0..10)
        .map(|digit| format!("{first_ten}{digit}"))
        .find(|vat| VatNumber::parse(vat).is_ok())
        .expect("one check digit makes a valid VAT number")
}

/// An employer recorded through the API by `by` (a user who may manage
/// employers) in `by`'s region, with a fresh valid VAT number, its
/// registered site in `comune` (ISTAT code). With `login` (a tag that tells
/// apart the users of a test), also a login of role employer given through
/// the API (`by` must then be of the secretariat, or an admin) with an API
/// token. Returns the employer's id and that login.
pub async fn employer(
    t: &TestApp,
    by: &TestUser,
    legal_name: &str,
    ateco_code: &str,
    comune: &str,
    login: Option<&str>,
) -> (String, Option<TestUser>) {
    let body = json!({ "legal_name": legal_name, "vat_number": vat_number(),
                       "ateco_code": ateco_code, "comune": comune, "region": by.user.region });
    let created = t.post(by, "/api/v1/employers", body).await.expect(201);
    let id = created["id"].as_str().expect("employer id").to_owned();
    let Some(tag) = login else { return (id, None) };
    let region = created["region"].as_str().expect("region");
    let email = format!("employer.{region}.{tag}@test.soleil.local");
    let region: RegionCode = region.parse().expect("region code");
    let organisation = t.organisation(OrganisationKind::Employer, region).await;
    let body = json!({ "email": email, "display_name": format!("employer {region} {tag}"),
                       "password": PASSWORD, "organisation_id": organisation.id });
    let path = format!("/api/v1/employers/{id}/logins");
    t.post(by, &path, body).await.expect(201);
    let token = t.app.create_api_token(&email).await.expect("token");
    let user = t
        .app
        .token_user(&token)
        .await
        .expect("the login's token")
        .expect("a user");
    (id, Some(TestUser { user, token }))
}

// ---------------------------------------------------------------------------
// Labs

/// Today, as the fixtures date labs and sessions.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A lab of the team's job centre (the service user's organisation), from
/// today for a month: 10 hours planned, so 7 hours (420 minutes) complete it.
pub fn course_body(team: &InclusionTeam, kind: &str, capacity: u32) -> Value {
    let sector = (kind == "professional").then_some("welding");
    json!({
        "organisation_id": team.service.user.organisation_id,
        "kind": kind,
        "sector": sector,
        "title": format!("Laboratorio {kind}"),
        "planned_hours": "10",
        "hourly_allowance": "3,50",
        "capacity": capacity.to_string(),
        "mediator": "Amina, arabo e francese",
        "place": "Pescara",
        "starts_on": today().to_string(),
        "ends_on": (today() + Duration::days(30)).to_string(),
    })
}

pub async fn create_course(t: &TestApp, team: &InclusionTeam, kind: &str, capacity: u32) -> String {
    let course = t
        .post(
            &team.secretariat,
            "/api/v1/courses",
            course_body(team, kind, capacity),
        )
        .await
        .expect(201);
    course["id"].as_str().unwrap().to_owned()
}

/// A session `days` after today, `hours` long, added by the training body.
pub async fn add_session(t: &TestApp, by: &TestUser, course: &str, days: i64, hours: &str) -> String {
    let session = json!({ "date": (today() + Duration::days(days)).to_string(), "start_time": "09:30",
                          "duration": hours, "topic": "Sicurezza in cantiere" });
    let session = t
        .post(by, &format!("/api/v1/courses/{course}/sessions"), session)
        .await
        .expect(201);
    session["id"].as_str().unwrap().to_owned()
}

pub async fn enrol(t: &TestApp, by: &TestUser, case: &InclusionCase, course: &str) -> crate::Reply {
    t.post(
        by,
        &format!("/api/v1/cases/{}/enrolments", case.case),
        json!({ "course_id": course }),
    )
    .await
}

pub async fn attend(
    t: &TestApp,
    by: &TestUser,
    session: &str,
    enrolment: &str,
    minutes: i32,
) -> crate::Reply {
    t.put(
        by,
        &format!("/api/v1/sessions/{session}/attendance"),
        json!([{ "enrolment_id": enrolment, "minutes": minutes }]),
    )
    .await
}
