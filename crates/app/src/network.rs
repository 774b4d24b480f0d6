//! Setting up the network: regions and organisations.

use chrono::Utc;
use soleil_domain::{
    AuditAction, NewOrganisation, Organisation, OrganisationId, OrganisationKind, Region, RegionCode, User,
};
use soleil_store::network::{self, OrganisationFilter};
use soleil_store::{Page, StoreError};

use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize};

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct OrganisationInput {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    pub kind: OrganisationKind,
    pub region: RegionCode,
}

impl App {
    /// The regions of the network: reference data shipped with SOLEIL.
    pub fn regions(&self, actor: &User) -> AppResult<Vec<Region>> {
        authorize(actor, Operation::ListRegions)?;
        Ok(RegionCode::all().map(Region::from).collect())
    }

    pub async fn create_organisation(
        &self,
        actor: &User,
        input: &OrganisationInput,
    ) -> AppResult<Organisation> {
        authorize(actor, Operation::CreateOrganisation)?;
        let new = NewOrganisation::parse(&input.name, input.kind, input.region)?;
        self.insert_organisation(Some(actor), new).await
    }

    /// Registers an organisation from the command line or the demo loader.
    pub async fn create_organisation_unattended(&self, new: NewOrganisation) -> AppResult<Organisation> {
        self.insert_organisation(None, new).await
    }

    async fn insert_organisation(
        &self,
        actor: Option<&User>,
        new: NewOrganisation,
    ) -> AppResult<Organisation> {
        let organisation = Organisation {
            id: OrganisationId::new(),
            name: new.name,
            kind: new.kind,
            region: new.region,
            created_at: Utc::now(),
        };
        let mut tx = self.store.begin().await?;
        match network::insert_organisation(tx.conn(), &organisation).await {
            Err(StoreError::Conflict(_)) => {
                return Err(soleil_domain::Invalid::single("name", "organisation_exists").into());
            }
            other => other?,
        }
        if let Some(actor) = actor {
            let detail = Some(format!("{} ({})", organisation.name, organisation.kind));
            record(
                &mut tx,
                actor,
                AuditAction::Create,
                Subject::new("organisation", organisation.id, Some(organisation.region)),
                detail,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(organisation)
    }

    pub async fn organisations(
        &self,
        actor: &User,
        filter: &OrganisationFilter,
        page: Page,
    ) -> AppResult<(Vec<Organisation>, i64)> {
        authorize(actor, Operation::ListOrganisations)?;
        let mut handle = self.store.handle().await?;
        Ok(network::organisations(handle.conn(), filter, page).await?)
    }

    pub async fn organisation(&self, actor: &User, id: OrganisationId) -> AppResult<Organisation> {
        authorize(actor, Operation::ReadOrganisation)?;
        let mut handle = self.store.handle().await?;
        network::organisation(handle.conn(), id)
            .await?
            .ok_or(AppError::NotFound("organisation"))
    }
}
