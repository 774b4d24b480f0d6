//! Identity and stay documents of a person (passport, residence permit and
//! the receipt of a permit application), and the reminders that tell the
//! case manager a permit is about to expire, so its renewal is accompanied
//! in time (seed 000: "accompagnamento al rinnovo del permesso").
//!
//! A permit's renewal is asked at the questura before it expires; after
//! [`RENEWAL_GRACE_DAYS`] past its expiry it can no longer be renewed and
//! the person falls out of legal stay, so reminders stop there.

use chrono::{DateTime, NaiveDate, Utc};

use crate::case::CaseId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(DocumentId);
crate::id_type!(ReminderId);

crate::text_enum! {
    /// What a document is.
    DocumentKind {
        Passport,
        IdentityCard,
        /// Permesso di soggiorno: its type says on which grounds.
        ResidencePermit,
        /// Ricevuta of the application for a permit or its renewal: it
        /// stands for the permit while the questura decides.
        PermitReceipt,
        Other,
    }
}

impl DocumentKind {
    /// The documents of legal stay: the ones whose expiry raises reminders.
    pub fn is_stay_document(self) -> bool {
        matches!(self, Self::ResidencePermit | Self::PermitReceipt)
    }

    /// Whether the document always carries an expiry date.
    pub fn expires(self) -> bool {
        matches!(self, Self::Passport | Self::ResidencePermit)
    }
}

crate::text_enum! {
    /// The grounds of a residence permit (d.lgs. 286/1998, "TUI", unless
    /// said otherwise). The labels in both languages are in the messages
    /// (`permit_type-*`).
    PermitType {
        /// Art. 18 TUI, "casi speciali": social protection of victims of
        /// violence or serious exploitation; judicial or social route.
        Art18SpecialProtection,
        /// Art. 18-ter TUI, victims of illegal intermediation and labour
        /// exploitation (art. 603-bis c.p.); introduced by d.l. 145/2024,
        /// converted by l. 187/2024, in place of the art. 22 c.12-quater permit.
        Art18terLabourExploitation,
        /// Art. 22 c.12-quater TUI (d.lgs. 109/2012): replaced by art. 18-ter,
        /// still met on permits issued before.
        Art22_12quater,
        /// Refugee status (d.lgs. 251/2007).
        InternationalProtectionRefugee,
        SubsidiaryProtection,
        /// Art. 19 TUI.
        SpecialProtection,
        WorkEmployed,
        WorkSelfEmployed,
        /// Attesa occupazione.
        SeekingEmployment,
        Family,
        Study,
        Minor,
        Other,
    }
}

impl PermitType {
    /// A permit type that the law no longer issues: shown as replaced.
    pub fn is_replaced(self) -> bool {
        self == Self::Art22_12quater
    }

    /// The types a new permit can have, for forms: the replaced ones last.
    pub fn in_form_order() -> impl Iterator<Item = Self> {
        Self::all()
            .filter(|t| !t.is_replaced())
            .chain(Self::all().filter(|t| t.is_replaced()))
    }
}

/// How long after its expiry a permit can still be renewed (art. 13 c.2
/// lett. b TUI): reminders are raised until then.
pub const RENEWAL_GRACE_DAYS: i64 = 60;

/// A document as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Document {
    pub id: DocumentId,
    pub person_id: PersonId,
    pub kind: DocumentKind,
    /// For residence permits only.
    pub permit_type: Option<PermitType>,
    /// Uppercase, without spaces at the ends.
    pub number: Option<String>,
    /// Issuing country (ISO 3166-1 alpha-2) or authority (the questura).
    pub issued_by: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
    pub recorded_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Document {
    /// Days from `today` to the expiry: negative once expired.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.expires_on.map(|expiry| (expiry - today).num_days())
    }
}

/// What an operator types about a document, before it is checked.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DocumentInput {
    pub kind: Option<DocumentKind>,
    /// Required for a residence permit, refused for any other kind.
    pub permit_type: Option<PermitType>,
    pub number: Option<String>,
    /// Issuing country or authority (for a permit: the questura, e.g. "Questura di Latina").
    pub issued_by: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub issued_on: Option<NaiveDate>,
    /// YYYY-MM-DD; required for passports and residence permits.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// A checked document, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDocument {
    pub kind: DocumentKind,
    pub permit_type: Option<PermitType>,
    pub number: Option<String>,
    pub issued_by: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// Document numbers are letters, digits and a few separators: from 5 to 30 of them.
const NUMBER_LENGTH: std::ops::RangeInclusive<usize> = 5..=30;

/// A document's validity cannot plausibly exceed this many years (an
/// Italian passport lasts ten, an EU long-term permit is open-ended on paper).
const LONGEST_VALIDITY_YEARS: u32 = 20;

impl NewDocument {
    /// Checks the input against today's date.
    pub fn parse(input: &DocumentInput, today: NaiveDate) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let number = parse_number(&mut invalid, input.number.as_deref());
        let issued_by = invalid.optional_text("issued_by", input.issued_by.as_deref(), SHORT_TEXT);
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        match input.kind {
            None => invalid.add("kind", "required"),
            Some(DocumentKind::ResidencePermit) if input.permit_type.is_none() => {
                invalid.add("permit_type", "permit_type_required");
            }
            Some(kind) if kind != DocumentKind::ResidencePermit && input.permit_type.is_some() => {
                invalid.add("permit_type", "permit_type_not_for_kind");
            }
            Some(kind) if kind.expires() && input.expires_on.is_none() => {
                invalid.add("expires_on", "expiry_required");
            }
            Some(_) => {}
        }
        if input.kind == Some(DocumentKind::ResidencePermit) && input.expires_on.is_none() {
            // Checked apart: a permit without a type misses its expiry too.
            if !invalid.errors.iter().any(|e| e.field == "expires_on") {
                invalid.add("expires_on", "expiry_required");
            }
        }
        if input.issued_on.is_some_and(|issued| issued > today) {
            invalid.add("issued_on", "issued_in_the_future");
        }
        if let (Some(issued), Some(expires)) = (input.issued_on, input.expires_on) {
            if expires <= issued {
                invalid.add("expires_on", "expiry_before_issue");
            } else if issued
                .checked_add_months(chrono::Months::new(12 * LONGEST_VALIDITY_YEARS))
                .is_some_and(|longest| expires > longest)
            {
                invalid.add("expires_on", "implausible_date");
            }
        }
        invalid.into_result(Self {
            kind: input.kind.unwrap_or(DocumentKind::Other),
            permit_type: input.permit_type,
            number,
            issued_by,
            issued_on: input.issued_on,
            expires_on: input.expires_on,
            notes,
        })
    }
}

/// The number trimmed and uppercased; letters, digits, spaces, `-` and `/`.
fn parse_number(invalid: &mut Invalid, number: Option<&str>) -> Option<String> {
    let number = number.map(str::trim).filter(|n| !n.is_empty())?.to_uppercase();
    let plausible = number
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " -/".contains(c));
    let significant = number.chars().filter(char::is_ascii_alphanumeric).count();
    if !plausible {
        invalid.add("number", "invalid_document_number");
    } else if !NUMBER_LENGTH.contains(&significant) || number.chars().count() > 40 {
        invalid.add("number", "document_number_length");
    }
    Some(number)
}

/// A reminder before a permit expires: 60, 30 and 7 days ahead. Sent and
/// read as the number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(into = "i32", try_from = "i32")]
pub enum ReminderStage {
    Days60,
    Days30,
    Days7,
}

impl ReminderStage {
    /// Every stage, the earliest (least urgent) first.
    pub const ALL: [Self; 3] = [Self::Days60, Self::Days30, Self::Days7];

    /// How many days before the expiry the stage falls.
    pub fn days(self) -> i32 {
        match self {
            Self::Days60 => 60,
            Self::Days30 => 30,
            Self::Days7 => 7,
        }
    }

    /// The number of days as text: the code a timeline entry keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Days60 => "60",
            Self::Days30 => "30",
            Self::Days7 => "7",
        }
    }

    /// The day the stage falls for an expiry.
    pub fn due_on(self, expires_on: NaiveDate) -> NaiveDate {
        expires_on - chrono::Duration::days(i64::from(self.days()))
    }
}

impl From<ReminderStage> for i32 {
    fn from(stage: ReminderStage) -> i32 {
        stage.days()
    }
}

impl TryFrom<i32> for ReminderStage {
    type Error = String;

    fn try_from(days: i32) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|stage| stage.days() == days)
            .ok_or_else(|| format!("no reminder stage of {days} days"))
    }
}

/// The stages due on `today` for a document expiring on `expires_on`, the
/// least urgent first: those whose day has come, while the permit can still
/// be renewed. Empty more than 60 days ahead and once the grace period is over.
pub fn due_stages(expires_on: NaiveDate, today: NaiveDate) -> Vec<ReminderStage> {
    let days_left = (expires_on - today).num_days();
    if days_left < -RENEWAL_GRACE_DAYS {
        return Vec::new();
    }
    ReminderStage::ALL
        .into_iter()
        .filter(|stage| days_left <= i64::from(stage.days()))
        .collect()
}

/// The one stage to raise on `today`: the most urgent due. Stages missed
/// meanwhile (a permit recorded 20 days before its expiry) are skipped, so
/// the case manager gets one reminder, not three at once.
pub fn stage_to_raise(expires_on: NaiveDate, today: NaiveDate) -> Option<ReminderStage> {
    due_stages(expires_on, today).last().copied()
}

/// A reminder to accompany the renewal of a permit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Reminder {
    pub id: ReminderId,
    pub document_id: DocumentId,
    pub person_id: PersonId,
    /// The person's open case when the reminder was raised.
    pub case_id: Option<CaseId>,
    /// Days before the expiry: 60, 30 or 7.
    #[schema(value_type = i32)]
    pub stage: ReminderStage,
    /// The expiry the reminder is about.
    pub expires_on: NaiveDate,
    /// The day the stage fell.
    pub due_on: NaiveDate,
    /// The case manager; `None` leaves it to the region's secretariat.
    pub assigned_to: Option<UserId>,
    pub region: RegionCode,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<UserId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 11, 23)
    }

    fn permit() -> DocumentInput {
        DocumentInput {
            kind: Some(DocumentKind::ResidencePermit),
            permit_type: Some(PermitType::Art18terLabourExploitation),
            number: Some("  i12345678 ".into()),
            issued_by: Some("Questura di Latina".into()),
            issued_on: Some(day(2026, 5, 1)),
            expires_on: Some(day(2027, 5, 1)),
            notes: None,
        }
    }

    fn codes(input: &DocumentInput) -> Vec<(String, String)> {
        NewDocument::parse(input, today())
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_permit_is_trimmed_and_uppercased() {
        let document = NewDocument::parse(&permit(), today()).unwrap();
        assert_eq!(document.number.as_deref(), Some("I12345678"));
        assert_eq!(document.permit_type, Some(PermitType::Art18terLabourExploitation));
    }

    #[test]
    fn a_permit_needs_its_type_and_its_expiry() {
        let input = DocumentInput {
            permit_type: None,
            expires_on: None,
            ..permit()
        };
        assert_eq!(
            codes(&input),
            [
                ("permit_type".into(), "permit_type_required".into()),
                ("expires_on".into(), "expiry_required".into())
            ]
        );
    }

    #[test]
    fn only_a_permit_has_a_type() {
        let input = DocumentInput {
            kind: Some(DocumentKind::Passport),
            ..permit()
        };
        assert_eq!(
            codes(&input),
            [("permit_type".into(), "permit_type_not_for_kind".into())]
        );
    }

    #[test]
    fn a_passport_needs_an_expiry_and_a_receipt_does_not() {
        let passport = DocumentInput {
            kind: Some(DocumentKind::Passport),
            permit_type: None,
            expires_on: None,
            ..permit()
        };
        assert_eq!(
            codes(&passport),
            [("expires_on".into(), "expiry_required".into())]
        );
        let receipt = DocumentInput {
            kind: Some(DocumentKind::PermitReceipt),
            ..passport
        };
        assert!(NewDocument::parse(&receipt, today()).is_ok());
    }

    #[test]
    fn the_expiry_comes_after_the_issue() {
        let same_day = DocumentInput {
            expires_on: Some(day(2026, 5, 1)),
            ..permit()
        };
        assert_eq!(
            codes(&same_day),
            [("expires_on".into(), "expiry_before_issue".into())]
        );
        let next_day = DocumentInput {
            expires_on: Some(day(2026, 5, 2)),
            ..permit()
        };
        assert!(NewDocument::parse(&next_day, today()).is_ok());
        let future_issue = DocumentInput {
            issued_on: Some(day(2026, 11, 24)),
            ..permit()
        };
        assert_eq!(
            codes(&future_issue),
            [("issued_on".into(), "issued_in_the_future".into())]
        );
    }

    #[test]
    fn numbers_are_letters_and_digits_of_a_plausible_length() {
        for (number, code) in [
            ("AB12", "document_number_length"),
            ("AB12;345", "invalid_document_number"),
        ] {
            let input = DocumentInput {
                number: Some(number.into()),
                ..permit()
            };
            assert_eq!(codes(&input), [("number".into(), code.into())]);
        }
        let spaced = DocumentInput {
            number: Some("ya 1234567".into()),
            ..permit()
        };
        assert_eq!(
            NewDocument::parse(&spaced, today()).unwrap().number.as_deref(),
            Some("YA 1234567")
        );
    }

    #[test]
    fn stages_fall_at_60_30_and_7_days() {
        let expiry = today();
        let on = |days_before: i64| expiry - chrono::Duration::days(days_before);
        assert_eq!(due_stages(expiry, on(61)), []);
        assert_eq!(due_stages(expiry, on(60)), [ReminderStage::Days60]);
        assert_eq!(due_stages(expiry, on(31)), [ReminderStage::Days60]);
        assert_eq!(
            due_stages(expiry, on(30)),
            [ReminderStage::Days60, ReminderStage::Days30]
        );
        assert_eq!(stage_to_raise(expiry, on(8)), Some(ReminderStage::Days30));
        assert_eq!(stage_to_raise(expiry, on(7)), Some(ReminderStage::Days7));
        assert_eq!(stage_to_raise(expiry, on(-60)), Some(ReminderStage::Days7));
        assert_eq!(stage_to_raise(expiry, on(-61)), None);
    }

    #[test]
    fn stages_read_and_write_as_their_days() {
        assert_eq!(ReminderStage::try_from(30), Ok(ReminderStage::Days30));
        assert!(ReminderStage::try_from(31).is_err());
        assert_eq!(serde_json::to_string(&ReminderStage::Days7).unwrap(), "7");
        assert_eq!(ReminderStage::Days7.due_on(day(2026, 12, 8)), day(2026, 12, 1));
    }

    #[test]
    fn the_replaced_permit_comes_last_in_forms() {
        assert_eq!(
            PermitType::in_form_order().last(),
            Some(PermitType::Art22_12quater)
        );
        assert_eq!(PermitType::Art22_12quater.as_str(), "art22_12quater");
        assert_eq!(
            PermitType::Art18terLabourExploitation.as_str(),
            "art18ter_labour_exploitation"
        );
    }
}
