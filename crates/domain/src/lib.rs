//! The SOLEIL domain: the words of the referral pathway as types, the case
//! state machine and the rules that need no I/O. Everything else builds on it.

pub mod macros;

pub mod audit;
pub mod case;
pub mod codice_fiscale;
pub mod directory;
pub mod document;
pub mod esf;
pub mod identity;
pub mod inclusion;
pub mod instrument;
pub mod monitoring;
pub mod organisation;
pub mod person;
pub mod place;
pub mod plan;
pub mod referral;
pub mod region;
pub mod research;
pub mod screening;
pub mod time;
pub mod user;
pub mod validation;

pub use audit::{AuditAction, AuditEvent, AuditEventId};
pub use case::{
    Assessment, AssessmentInput, Case, CaseEvent, CaseEventId, CaseEventKind, CaseId, CaseState,
    ClosingReason, Decision, TransitionRefused,
};
pub use codice_fiscale::{CodiceFiscale, CodiceFiscaleError};
pub use document::{
    Document, DocumentId, DocumentInput, DocumentKind, PermitType, Reminder, ReminderId, ReminderStage,
};
pub use instrument::{
    DimensionResult, Evaluation, Instrument, InstrumentDefinition, LocalText, OutcomeResult, Strength,
};
pub use organisation::{NewOrganisation, Organisation, OrganisationId, OrganisationKind};
pub use person::{NewPerson, Person, PersonId, PersonInput, Sex};
pub use place::{Place, PlaceAllocation, PlaceAllocationId, PlaceId, PlaceKind};
pub use plan::{
    Action, ActionId, ActionInput, ActionOutcome, ActionStatus, Need, NeedArea, NeedId, NeedInput, Plan,
    PlanContent, PlanId, PlanInput, PlanStatus, PlanVersion, Review, ReviewId, ReviewVerdict,
};
pub use referral::{Referral, ReferralId, ReferralShare, ReferralState};
pub use region::{Region, RegionCode};
pub use screening::{
    Answer, ContactChannel, DeclaredLegalStatus, FirstProfile, FirstProfileInput, IndicatorSheet, Priority,
    Screening, ScreeningId, ScreeningStatus, UrgentNeeds, WorkSector,
};
pub use user::{Email, NewUser, Role, User, UserId};
pub use validation::{FieldError, Invalid};
