use soleil_domain::{CaseState, Invalid, TransitionRefused};
use soleil_store::StoreError;

/// Why a use case did not happen. The web layer maps each variant to one
/// HTTP status and a message in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("sign in first")]
    Unauthenticated,
    #[error("wrong e-mail or password")]
    BadCredentials,
    #[error("too many failed sign-ins; try again in {retry_after_minutes} minutes")]
    RateLimited { retry_after_minutes: i64 },
    /// The role may not do this at all, or not on this record.
    #[error("not allowed")]
    Forbidden,
    /// The record does not exist, or lies outside what the caller may see.
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The request is sound but the record's state does not allow it now.
    #[error("{code}")]
    Conflict {
        code: &'static str,
        allowed: Vec<CaseState>,
    },
    /// Persons already recorded the caller may see may be the one being
    /// recorded: the caller confirms none is before recording a new one.
    #[error("possible_duplicates")]
    PossibleDuplicates(Box<crate::identity::MatchReport>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppError {
    pub fn conflict(code: &'static str) -> Self {
        Self::Conflict {
            code,
            allowed: Vec::new(),
        }
    }
}

impl From<TransitionRefused> for AppError {
    fn from(refused: TransitionRefused) -> Self {
        Self::Conflict {
            code: "transition_not_allowed",
            allowed: refused.allowed,
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
