//! Fixtures of phase 3: a case that has reached inclusion, with the team
//! around it, so tests of labs, measures, offers and placements start where
//! their users start.

use serde_json::json;
use soleil_domain::{OrganisationKind, RegionCode, Role};

use crate::{TestApp, TestUser};

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
}
