//! ESF+ participants: a case's answers for the common indicators, recorded by
//! those who act for the case, and the indicators reported for a region and
//! a period (`soleil report esf`, the reports page, the API).

use chrono::NaiveDate;
use soleil_domain::esf::{self as domain, IndicatorFigures, ParticipantInput};
use soleil_domain::{AuditAction, CaseId, RegionCode, User};
use soleil_store::esf as store;

use crate::audit::{Subject, record};
use crate::cases::case_acted_for;
use crate::reports::ReportQuery;
use crate::statistics::statistics_region;
use crate::{App, AppResult, Operation, authorize};

/// The common indicators of a region (or the network) for a period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct EsfReport {
    /// None for the whole network.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Annex I's indicators for participants, in its order.
    pub indicators: Vec<IndicatorFigures>,
}

impl App {
    /// A case's ESF+ answers (none recorded: every field empty), for those
    /// who act for the case — its manager and the region's secretariat, as
    /// for recording them; another case manager on its team does not read
    /// them. Reading them is audited: some are special categories of
    /// personal data.
    pub async fn participant(&self, actor: &User, case: CaseId) -> AppResult<ParticipantInput> {
        authorize(actor, Operation::RecordParticipantData)?;
        let mut tx = self.store.begin().await?;
        let case = case_acted_for(&mut tx, actor, case).await?;
        let answers = store::answers(tx.conn(), case.id).await?.unwrap_or_default();
        let subject = Subject::new("esf_participant", case.id, case.region);
        record(&mut tx, actor, AuditAction::Read, subject, None).await?;
        tx.commit().await?;
        Ok(answers)
    }

    /// Records a case's ESF+ answers, replacing the earlier ones.
    pub async fn record_participant(
        &self,
        actor: &User,
        case: CaseId,
        input: &ParticipantInput,
    ) -> AppResult<ParticipantInput> {
        authorize(actor, Operation::RecordParticipantData)?;
        let answers = input.parse()?;
        let mut tx = self.store.begin().await?;
        let case = case_acted_for(&mut tx, actor, case).await?;
        store::save(tx.conn(), case.id, &answers, actor.id, crate::clock::now()).await?;
        let subject = Subject::new("esf_participant", case.id, case.region);
        record(&mut tx, actor, AuditAction::Update, subject, None).await?;
        tx.commit().await?;
        Ok(answers)
    }

    /// The indicators for the caller's region (admins and network
    /// coordinators: the region asked for, or the whole network).
    pub async fn esf_report(&self, actor: &User, query: &ReportQuery) -> AppResult<EsfReport> {
        authorize(actor, Operation::ReadMonitoring)?;
        let region = statistics_region(actor, query.region)?;
        self.esf(region, query).await
    }

    /// The indicators for the operator of the installation (the command line).
    pub async fn esf_report_unattended(&self, query: &ReportQuery) -> AppResult<EsfReport> {
        self.esf(query.region, query).await
    }

    async fn esf(&self, region: Option<RegionCode>, query: &ReportQuery) -> AppResult<EsfReport> {
        let (from, to) = query.period()?;
        let mut handle = self.store.handle().await?;
        let participations = store::participations(handle.conn(), region, from, to).await?;
        Ok(EsfReport {
            region,
            from,
            to,
            indicators: domain::indicators(&participations, from, to),
        })
    }
}
