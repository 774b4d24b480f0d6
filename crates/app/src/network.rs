//! Setting up the network: regions and organisations.

use soleil_domain::organisation::{ListedOrganisation, PublicContacts};
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
    // The public contacts, as in [`ContactsInput`]. All optional, so that
    // clients which do not know them need not send them.
    /// Street and comune where people are received.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub address: Option<String>,
    /// A phone the public may call.
    #[serde(default)]
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub opening_hours: Option<String>,
    /// List it on the public "know your rights" page; needs an address or a phone.
    #[serde(default)]
    pub public_listing: bool,
}

impl OrganisationInput {
    pub fn contacts(&self) -> ContactsInput {
        ContactsInput {
            address: self.address.clone(),
            phone: self.phone.clone(),
            opening_hours: self.opening_hours.clone(),
            public_listing: self.public_listing,
        }
    }
}

/// An organisation's public contacts, as typed: street and comune, phone,
/// opening hours, and whether the public "know your rights" page lists it
/// (which needs an address or a phone).
#[derive(Debug, Clone, Default)]
pub struct ContactsInput {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<String>,
    pub public_listing: bool,
}

impl ContactsInput {
    pub fn parse(&self) -> Result<PublicContacts, soleil_domain::Invalid> {
        PublicContacts::parse(
            self.address.as_deref(),
            self.phone.as_deref(),
            self.opening_hours.as_deref(),
            self.public_listing,
        )
    }
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
        // Both checked before answering, so a form shows every mistake at once.
        let new = match (
            NewOrganisation::parse(&input.name, input.kind, input.region),
            input.contacts().parse(),
        ) {
            (Ok(new), Ok(contacts)) => new.with_contacts(contacts),
            (new, contacts) => {
                let mut invalid = soleil_domain::Invalid::new();
                for failed in [new.err(), contacts.err()].into_iter().flatten() {
                    invalid.errors.extend(failed.errors);
                }
                return Err(invalid.into());
            }
        };
        self.insert_organisation(Some(actor), new).await
    }

    /// Changes an organisation's public contacts (admins, who set up the network).
    pub async fn update_organisation_contacts(
        &self,
        actor: &User,
        id: OrganisationId,
        input: &ContactsInput,
    ) -> AppResult<Organisation> {
        authorize(actor, Operation::UpdateOrganisation)?;
        let contacts = input.parse()?;
        let mut tx = self.store.begin().await?;
        let mut organisation = network::organisation(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("organisation"))?;
        network::set_organisation_contacts(tx.conn(), id, &contacts).await?;
        let detail = Some(
            if contacts.public_listing {
                "public contacts: listed"
            } else {
                "public contacts: not listed"
            }
            .to_owned(),
        );
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("organisation", id, Some(organisation.region)),
            detail,
        )
        .await?;
        tx.commit().await?;
        organisation.address = contacts.address;
        organisation.phone = contacts.phone;
        organisation.opening_hours = contacts.opening_hours;
        organisation.public_listing = contacts.public_listing;
        Ok(organisation)
    }

    /// The organisations the public page lists, of one region or (`None`)
    /// all, with only their public contacts. Needs no user: it is read by
    /// people who have no account and must leave no trace, so it is neither
    /// authorised nor audited.
    pub async fn listed_organisations(
        &self,
        region: Option<RegionCode>,
    ) -> AppResult<Vec<ListedOrganisation>> {
        let mut handle = self.store.handle().await?;
        Ok(network::listed_organisations(handle.conn(), region).await?)
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
            address: new.contacts.address,
            phone: new.contacts.phone,
            opening_hours: new.contacts.opening_hours,
            public_listing: new.contacts.public_listing,
            created_at: crate::clock::now(),
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
