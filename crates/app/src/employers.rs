//! Employers: their records, needs surveys aggregated per sector and province, and their logins.
//!
//! Employers hold no personal data of the persons helped: staff of the
//! employer's region keep them; an employer's own login reads its own
//! record only. Every read of a record and every change is audited.

use chrono::{NaiveDate, Utc};
use soleil_domain::inclusion::employer::needs::{self, Labels, NeedsTable};
use soleil_domain::inclusion::employer::survey::{EmployerSurvey, NewSurvey, SurveyInput};
use soleil_domain::inclusion::employer::{
    Catalogues, Employer, EmployerId, EmployerInput, EmployerSite, EmployerSiteId, EmployerSurveyId,
    NewEmployer, NewSite, SiteInput,
};
use soleil_domain::{AuditAction, Invalid, NewUser, RegionCode, Role, User, UserId};
use soleil_store::employers::{self as store, EmployerFilter};
use soleil_store::{Page, StoreError, Tx, employers, network};

use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize};

/// The catalogues of the reference crate, as the domain checks input against them.
struct Reference;

impl Catalogues for Reference {
    fn activity(&self, code: &str) -> Option<&'static str> {
        soleil_reference::ateco::parse(code)
            .filter(|a| a.parent.is_some())
            .map(|a| a.code)
    }
    fn province_of(&self, comune: &str) -> Option<&'static str> {
        soleil_reference::comune(comune).map(|c| c.province_code)
    }
    fn is_unit_group(&self, code: &str) -> bool {
        soleil_reference::occupations::get(code).is_some_and(|o| o.is_unit_group())
    }
}

impl Labels for Reference {
    fn sector(&self, ateco_code: &str) -> (String, String) {
        soleil_reference::ateco::get(ateco_code)
            .map(|a| a.section())
            .map_or_else(
                || (String::new(), String::new()),
                |s| (s.code.to_owned(), s.title_it.to_owned()),
            )
    }
    fn province(&self, code: &str) -> String {
        soleil_reference::province(code)
            .map(|p| p.name.to_owned())
            .unwrap_or_default()
    }
    fn occupation(&self, code: &str) -> String {
        soleil_reference::occupations::get(code)
            .map(|o| o.title_it.to_owned())
            .unwrap_or_default()
    }
}

/// Which employers to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployerQuery {
    /// Part of the legal name or of the VAT number.
    pub q: Option<String>,
    /// ATECO section letter (`A` to `V`).
    pub sector: Option<String>,
    /// ISTAT code of the province of the registered site.
    pub province: Option<String>,
    /// For admins, who belong to no region.
    pub region: Option<RegionCode>,
    #[serde(default)]
    pub page: u32,
    pub page_size: Option<u32>,
}

/// One page of employers and how many match in all.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EmployerPage {
    pub employers: Vec<Employer>,
    pub total: i64,
}

/// An employer with its sites and surveys, the latest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EmployerDetail {
    pub employer: Employer,
    pub sites: Vec<EmployerSite>,
    pub surveys: Vec<EmployerSurvey>,
}

/// A login to give an employer: who uses it, and the first password.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct EmployerLoginInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    /// The network's organisation (of kind employer) the login belongs to, as every staff login does.
    pub organisation_id: Option<soleil_domain::OrganisationId>,
}

/// The period and region of a needs table.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeedsQuery {
    /// First day, YYYY-MM-DD.
    pub from: Option<NaiveDate>,
    /// Last day, YYYY-MM-DD.
    pub to: Option<NaiveDate>,
    /// For admins: one region, or all when none is given.
    pub region: Option<RegionCode>,
}

impl App {
    /// Adds an employer to the caller's region (admins: the region given).
    pub async fn create_employer(&self, actor: &User, input: &EmployerInput) -> AppResult<Employer> {
        authorize(actor, Operation::ManageEmployers)?;
        let region = actor
            .region
            .or(input.region)
            .ok_or_else(|| AppError::Invalid(Invalid::single("region", "required")))?;
        let new = NewEmployer::parse(input, &Reference)?;
        let mut tx = self.store.begin().await?;
        if store::with_vat_number(tx.conn(), region, new.vat_number.as_str(), None)
            .await?
            .is_some()
        {
            return Err(AppError::conflict("employer_exists"));
        }
        let now = crate::clock::now();
        let employer = from_new(new, EmployerId::new(), region, actor, now);
        store::insert(tx.conn(), &employer).await?;
        audit(&mut tx, actor, AuditAction::Create, &employer).await?;
        tx.commit().await?;
        Ok(employer)
    }

    /// Corrects an employer: the whole record, as when it was added. Its region stays.
    pub async fn update_employer(
        &self,
        actor: &User,
        id: EmployerId,
        input: &EmployerInput,
    ) -> AppResult<Employer> {
        authorize(actor, Operation::ManageEmployers)?;
        let new = NewEmployer::parse(input, &Reference)?;
        let mut tx = self.store.begin().await?;
        let old = readable(&mut tx, actor, id).await?;
        if store::with_vat_number(tx.conn(), old.region, new.vat_number.as_str(), Some(id))
            .await?
            .is_some()
        {
            return Err(AppError::conflict("employer_exists"));
        }
        let employer = Employer {
            created_at: old.created_at,
            created_by: old.created_by,
            ..from_new(new, id, old.region, actor, crate::clock::now())
        };
        store::update(tx.conn(), &employer).await?;
        audit(&mut tx, actor, AuditAction::Update, &employer).await?;
        tx.commit().await?;
        Ok(employer)
    }

    /// An employer with its sites and surveys.
    pub async fn employer(&self, actor: &User, id: EmployerId) -> AppResult<EmployerDetail> {
        authorize(actor, Operation::ReadEmployer)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let sites = store::sites(tx.conn(), id).await?;
        let surveys = store::surveys_of(tx.conn(), id).await?;
        audit(&mut tx, actor, AuditAction::Read, &employer).await?;
        tx.commit().await?;
        Ok(EmployerDetail {
            employer,
            sites,
            surveys,
        })
    }

    /// The employers of the caller's region matching the query, by name.
    pub async fn employers(&self, actor: &User, query: &EmployerQuery) -> AppResult<EmployerPage> {
        authorize(actor, Operation::ListEmployers)?;
        let mut tx = self.store.begin().await?;
        let only = own_employer(&mut tx, actor).await?;
        if actor.role == Role::Employer && only.is_none() {
            return Ok(EmployerPage {
                employers: Vec::new(),
                total: 0,
            });
        }
        let filter = EmployerFilter {
            region: actor.region.or(query.region),
            only,
            search: query.q.clone(),
            ateco_prefixes: sector_prefixes(query.sector.as_deref())?,
            province_code: query.province.clone().filter(|p| !p.trim().is_empty()),
        };
        let page = Page::new(query.page, query.page_size.unwrap_or(50));
        let (employers, total) = store::list(tx.conn(), &filter, page).await?;
        tx.commit().await?;
        Ok(EmployerPage { employers, total })
    }

    /// Adds a further site to an employer.
    pub async fn add_employer_site(
        &self,
        actor: &User,
        id: EmployerId,
        input: &SiteInput,
    ) -> AppResult<EmployerSite> {
        authorize(actor, Operation::ManageEmployers)?;
        let new = NewSite::parse(input, &Reference)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let site = EmployerSite {
            id: EmployerSiteId::new(),
            employer_id: id,
            comune: new.comune,
            province_code: new.province_code,
            address: new.address,
            created_at: crate::clock::now(),
        };
        store::insert_site(tx.conn(), &site).await?;
        let detail = format!("site {} added", site.comune);
        audit_detail(&mut tx, actor, AuditAction::Update, &employer, detail).await?;
        tx.commit().await?;
        Ok(site)
    }

    /// Removes a site of an employer.
    pub async fn remove_employer_site(
        &self,
        actor: &User,
        id: EmployerId,
        site: EmployerSiteId,
    ) -> AppResult<()> {
        authorize(actor, Operation::ManageEmployers)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        if !store::remove_site(tx.conn(), id, site).await? {
            return Err(AppError::NotFound("site"));
        }
        let detail = format!("site {site} removed");
        audit_detail(&mut tx, actor, AuditAction::Update, &employer, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a needs survey of an employer.
    pub async fn record_survey(
        &self,
        actor: &User,
        id: EmployerId,
        input: &SurveyInput,
    ) -> AppResult<EmployerSurvey> {
        authorize(actor, Operation::ManageEmployers)?;
        let new = NewSurvey::parse(input, crate::clock::now().date_naive(), &Reference)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let survey = EmployerSurvey {
            id: EmployerSurveyId::new(),
            employer_id: id,
            region: employer.region,
            surveyed_on: new.surveyed_on,
            open_to_training: new.open_to_training,
            internships: new.internships,
            apprenticeships: new.apprenticeships,
            other_insertion: new.other_insertion,
            notes: new.notes,
            recorded_by: actor.id,
            created_at: crate::clock::now(),
            needs: new.needs,
        };
        store::insert_survey(tx.conn(), &survey).await?;
        let detail = format!("survey of {} recorded", survey.surveyed_on);
        audit_detail(&mut tx, actor, AuditAction::Update, &employer, detail).await?;
        tx.commit().await?;
        Ok(survey)
    }

    /// The surveys of an employer, the latest first.
    pub async fn employer_surveys(&self, actor: &User, id: EmployerId) -> AppResult<Vec<EmployerSurvey>> {
        authorize(actor, Operation::ReadEmployer)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let surveys = store::surveys_of(tx.conn(), id).await?;
        audit_detail(&mut tx, actor, AuditAction::Read, &employer, "surveys".into()).await?;
        tx.commit().await?;
        Ok(surveys)
    }

    /// The needs of the surveyed employers of a period, per sector and
    /// province: counts only, no names. Staff see their region; admins the
    /// region asked, or all.
    pub async fn employer_needs(&self, actor: &User, query: &NeedsQuery) -> AppResult<NeedsTable> {
        authorize(actor, Operation::ReadEmployerNeeds)?;
        let mut invalid = Invalid::new();
        if query.from.is_none() {
            invalid.add("from", "required");
        }
        if query.to.is_none() {
            invalid.add("to", "required");
        }
        let (Some(from), Some(to)) = (query.from, query.to) else {
            return Err(invalid.into());
        };
        if from > to {
            return Err(Invalid::single("to", "period_ends_before_start").into());
        }
        let region = actor.region.or(query.region);
        let mut handle = self.store.handle().await?;
        let facts = store::survey_facts(handle.conn(), region, from, to).await?;
        Ok(needs::aggregate(&facts, &Reference))
    }

    /// Gives an employer a login of role employer, linked to it in one step.
    pub async fn create_employer_login(
        &self,
        actor: &User,
        id: EmployerId,
        input: &EmployerLoginInput,
    ) -> AppResult<User> {
        authorize(actor, Operation::ManageEmployerLogins)?;
        let new = NewUser::parse(
            &input.email,
            &input.display_name,
            Role::Employer,
            input.organisation_id,
            &input.password,
        )?;
        let hash = self.hash_password(&input.password).await?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let user = User {
            id: UserId::new(),
            email: new.email.as_str().to_owned(),
            display_name: new.display_name,
            role: Role::Employer,
            organisation_id: new.organisation_id,
            region: Some(employer.region),
            active: true,
            created_at: crate::clock::now(),
        };
        match network::insert_user(tx.conn(), &user, &hash).await {
            Err(StoreError::Conflict(_)) => return Err(Invalid::single("email", "email_taken").into()),
            other => other?,
        }
        store::link_user(tx.conn(), user.id, id).await?;
        let detail = format!("login {} given", user.email);
        audit_detail(&mut tx, actor, AuditAction::Create, &employer, detail).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// The logins of an employer.
    pub async fn employer_logins(&self, actor: &User, id: EmployerId) -> AppResult<Vec<User>> {
        authorize(actor, Operation::ManageEmployerLogins)?;
        let mut tx = self.store.begin().await?;
        readable(&mut tx, actor, id).await?;
        let logins = store::logins(tx.conn(), id).await?;
        tx.commit().await?;
        Ok(logins)
    }

    /// Turns off a login of an employer; its sessions stop working.
    pub async fn deactivate_employer_login(
        &self,
        actor: &User,
        id: EmployerId,
        login: UserId,
    ) -> AppResult<User> {
        authorize(actor, Operation::ManageEmployerLogins)?;
        let mut tx = self.store.begin().await?;
        let employer = readable(&mut tx, actor, id).await?;
        let mut user = store::logins(tx.conn(), id)
            .await?
            .into_iter()
            .find(|u| u.id == login)
            .ok_or(AppError::NotFound("login"))?;
        network::set_user_active(tx.conn(), login, false).await?;
        user.active = false;
        let detail = format!("login {} deactivated", user.email);
        audit_detail(&mut tx, actor, AuditAction::Update, &employer, detail).await?;
        tx.commit().await?;
        Ok(user)
    }
}

/// The employer a login of role employer belongs to; `None` for every other
/// role (and for an employer login not linked, which then sees nothing).
pub(crate) async fn own_employer(tx: &mut Tx, user: &User) -> AppResult<Option<EmployerId>> {
    if user.role != Role::Employer {
        return Ok(None);
    }
    Ok(employers::employer_of_user(tx.conn(), user.id).await?)
}

/// The employer if the caller may see it: admins all, staff their region,
/// an employer's login its own only. Otherwise not found, so an id tells nothing.
async fn readable(tx: &mut Tx, actor: &User, id: EmployerId) -> AppResult<Employer> {
    let employer = store::get(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("employer"))?;
    let own = own_employer(tx, actor).await?;
    if crate::policy::may_see_employer(actor, employer.region, employer.id, own) {
        Ok(employer)
    } else {
        Err(AppError::NotFound("employer"))
    }
}

/// The ATECO divisions of a section letter, as prefixes of the codes.
fn sector_prefixes(sector: Option<&str>) -> AppResult<Vec<String>> {
    let Some(letter) = sector.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Vec::new());
    };
    let letter = letter.to_uppercase();
    let divisions: Vec<String> = soleil_reference::ateco::all()
        .iter()
        .filter(|a| a.parent == Some(letter.as_str()))
        .map(|a| a.code.to_owned())
        .collect();
    if divisions.is_empty() {
        return Err(Invalid::single("sector", "unknown_ateco_section").into());
    }
    Ok(divisions)
}

fn from_new(
    new: NewEmployer,
    id: EmployerId,
    region: RegionCode,
    actor: &User,
    now: chrono::DateTime<Utc>,
) -> Employer {
    Employer {
        id,
        region,
        legal_name: new.legal_name,
        vat_number: new.vat_number.as_str().to_owned(),
        tax_code: new.tax_code,
        ateco_code: new.ateco_code,
        comune: new.comune,
        province_code: new.province_code,
        address: new.address,
        contact_name: new.contact_name,
        contact_email: new.contact_email,
        contact_phone: new.contact_phone,
        size_band: new.size_band,
        notes: new.notes,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
    }
}

async fn audit(tx: &mut Tx, actor: &User, action: AuditAction, employer: &Employer) -> AppResult<()> {
    let detail = format!("employer {}", employer.vat_number);
    audit_detail(tx, actor, action, employer, detail).await
}

async fn audit_detail(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    employer: &Employer,
    detail: String,
) -> AppResult<()> {
    let subject = Subject::new("employer", employer.id, Some(employer.region));
    record(tx, actor, action, subject, Some(detail)).await
}
