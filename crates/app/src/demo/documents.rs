//! Identity and stay documents: in every region the persons whose case has a
//! case manager get a passport and a residence permit of one of the types
//! the networks meet, some expiring within 60, 30 and 7 days of the load,
//! so the reminders page has something to show. Recorded as the regional
//! secretariat through the use cases, then the reminder job runs once.

use chrono::{Duration, NaiveDate, Utc};
use soleil_domain::{CaseState, DocumentInput, DocumentKind, PermitType, RegionCode};
use soleil_store::cases::CaseFilter;

use crate::{App, AppResult, Page};

/// The permits the demo hands out, in turn, with the days from the load to
/// their expiry: three within the reminders' reach (7, 30 and 60 days), one
/// just expired, the others later.
const PERMITS: &[(PermitType, i64)] = &[
    (PermitType::Art18terLabourExploitation, 5),
    (PermitType::Art18SpecialProtection, 25),
    (PermitType::SeekingEmployment, 50),
    (PermitType::WorkEmployed, 240),
    (PermitType::Art22_12quater, -12),
    (PermitType::SpecialProtection, 300),
    (PermitType::InternationalProtectionRefugee, 900),
    (PermitType::SubsidiaryProtection, 600),
    (PermitType::Family, 420),
];

/// Persons per region who get documents.
const PER_REGION: usize = 6;

/// Issuing countries of the demo passports, in turn.
const COUNTRIES: &[&str] = &["IN", "PK", "BD", "MA", "SN", "NG", "RO", "AL", "TN"];

impl App {
    /// Records the demo documents and raises the reminders due today;
    /// returns how many documents were recorded.
    pub(super) async fn create_demo_documents(&self) -> AppResult<usize> {
        let today = Utc::now().date_naive();
        let mut recorded = 0;
        for region in RegionCode::all() {
            let secretariat = self.demo_user(&format!("secretariat.{region}")).await?;
            let managed = CaseFilter {
                states: vec![CaseState::Planning, CaseState::PlanReview, CaseState::Inclusion],
                ..CaseFilter::default()
            };
            let (cases, _) = self
                .cases(&secretariat, &managed, Page::new(0, Page::MAX_SIZE))
                .await?;
            for (n, summary) in cases.iter().take(PER_REGION).enumerate() {
                let person = summary.case.person_id;
                let (permit_type, days) = PERMITS[(n + region as usize) % PERMITS.len()];
                let country = COUNTRIES[(n + 2 * region as usize) % COUNTRIES.len()];
                self.add_document(&secretariat, person, &passport(n, country, today))
                    .await?;
                self.add_document(&secretariat, person, &permit(n, permit_type, region, today, days))
                    .await?;
                recorded += 2;
            }
        }
        self.raise_permit_reminders(today).await?;
        Ok(recorded)
    }
}

/// A passport issued three years before the load, valid for ten.
fn passport(n: usize, country: &str, today: NaiveDate) -> DocumentInput {
    let issued = today - Duration::days(3 * 365 + 17 * n as i64);
    DocumentInput {
        kind: Some(DocumentKind::Passport),
        number: Some(format!("{country}{:07}", 4_100_000 + 7_919 * n)),
        issued_by: Some(country.to_owned()),
        issued_on: Some(issued),
        expires_on: issued.checked_add_months(chrono::Months::new(120)),
        ..DocumentInput::default()
    }
}

/// A permit expiring `days` after the load: five years for international
/// protection, two for the long ones, one otherwise; issued before the load.
fn permit(
    n: usize,
    permit_type: PermitType,
    region: RegionCode,
    today: NaiveDate,
    days: i64,
) -> DocumentInput {
    let expires = today + Duration::days(days);
    let validity = match permit_type {
        PermitType::InternationalProtectionRefugee | PermitType::SubsidiaryProtection => 5 * 365,
        _ if days > 300 => 2 * 365,
        _ => 365,
    };
    let issued = (expires - Duration::days(validity)).min(today - Duration::days(30));
    DocumentInput {
        kind: Some(DocumentKind::ResidencePermit),
        permit_type: Some(permit_type),
        number: Some(format!("I{:08}", 31_000_000 + 104_729 * n)),
        issued_by: Some(format!("Questura ({})", region.name())),
        issued_on: Some(issued),
        expires_on: Some(expires),
        notes: None,
    }
}
