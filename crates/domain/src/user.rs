//! People who use SOLEIL and the role each holds in one organisation.

use crate::organisation::OrganisationId;
use crate::region::RegionCode;
use crate::validation::{Invalid, SHORT_TEXT};

crate::id_type!(UserId);

crate::text_enum! {
    /// What a user does in the network; authorisation starts from it.
    Role {
        /// Desk, mobile unit, union, reception centre, inspectorate operator.
        Frontline,
        /// Regional technical secretariat: triage and first assessment.
        Secretariat,
        /// Coordinates one person's personalised plan.
        CaseManager,
        /// Member of a zonal working group or a service provider.
        Service,
        /// Regional monitoring: aggregates only, no identifying data.
        Coordinator,
        /// Sets up the network: organisations and users.
        Admin,
        /// Reads the audit log.
        Auditor,
        /// A company's own login: its job offers, the candidates proposed to
        /// it with their consent, and its work placements; nothing else.
        Employer,
    }
}

impl Role {
    /// Roles that act for the whole network rather than one region.
    pub fn is_network_wide(self) -> bool {
        matches!(self, Self::Admin | Self::Auditor)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
    /// The region the user works in; `None` for network-wide roles.
    pub region: Option<RegionCode>,
    pub active: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// An e-mail address, lower-cased so that logins ignore case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Option<Self> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c == '<' || c == '>');
        valid.then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Minimum length of a password: long passphrases beat composition rules.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A parsed request to create a user; the password is hashed by the app layer.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
}

impl NewUser {
    pub fn parse(
        email: &str,
        display_name: &str,
        role: Role,
        organisation_id: Option<OrganisationId>,
        password: &str,
    ) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let parsed_email = Email::parse(email);
        if parsed_email.is_none() {
            invalid.add("email", "invalid_email");
        }
        let display_name = invalid.text("display_name", display_name, SHORT_TEXT);
        if password.chars().count() < MIN_PASSWORD_CHARS {
            invalid.add("password", "password_too_short");
        }
        if organisation_id.is_none() && !role.is_network_wide() {
            invalid.add("organisation_id", "required");
        }
        match parsed_email {
            Some(email) if invalid.is_empty() => Ok(Self {
                email,
                display_name,
                role,
                organisation_id,
            }),
            _ => Err(invalid),
        }
    }
}
