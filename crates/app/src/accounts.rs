//! Signing in and out, API tokens, and the users of the network.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sha2::{Digest, Sha256};
use soleil_domain::{AuditAction, Email, NewUser, OrganisationId, Role, User, UserId};
use soleil_store::network::UserFilter;
use soleil_store::{Page, StoreError, auth, network};

use crate::audit::{Subject, event, record};
use crate::{App, AppError, AppResult, Operation, authorize};

/// Failed sign-ins allowed per e-mail in [`LOCKOUT_MINUTES`].
pub const MAX_LOGIN_FAILURES: i64 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;

/// A browser session just opened: the secret goes in the cookie, once.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub user: User,
}

/// The signed-in user behind a session cookie.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
}

/// A fresh random secret, URL-safe.
fn secret() -> String {
    let mut bytes = [0_u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Secrets are stored hashed: a stolen database opens no session.
fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the admin types to create a user.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct UserInput {
    #[schema(min_length = 3, max_length = 254)]
    pub email: String,
    #[schema(min_length = 1, max_length = 200)]
    pub display_name: String,
    pub role: Role,
    /// Required for every role but admin and auditor.
    pub organisation_id: Option<OrganisationId>,
    /// At least 10 characters.
    #[schema(min_length = 10)]
    pub password: String,
}

impl App {
    fn argon2(&self) -> AppResult<Argon2<'static>> {
        let params = Params::new(self.settings.password_memory_kib, 2, 1, None)
            .map_err(|_| AppError::conflict("password_settings"))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// An Argon2id hash of a password, with a fresh salt. Hashing is slow on
    /// purpose, so it runs off the async workers.
    pub async fn hash_password(&self, password: &str) -> AppResult<String> {
        let argon2 = self.argon2()?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
        })
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or_else(|| AppError::conflict("password_hash_failed"))
    }

    /// Whether a password matches a stored hash; without a hash (unknown
    /// user) a dummy one is checked, so timing does not tell which e-mails exist.
    async fn password_matches(&self, password: &str, hash: Option<String>) -> bool {
        let password = password.to_owned();
        let dummy = self.dummy_hash.clone();
        tokio::task::spawn_blocking(move || {
            let stored = hash.as_deref().unwrap_or(&dummy);
            let matches = PasswordHash::new(stored).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            });
            matches && hash.is_some()
        })
        .await
        .unwrap_or(false)
    }

    /// Checks a password and opens a session. Too many failures for one
    /// e-mail lock it for a while, whatever the password.
    pub async fn sign_in(&self, email: &str, password: &str) -> AppResult<NewSession> {
        let email = Email::parse(email).ok_or(AppError::BadCredentials)?;
        let now = crate::clock::now();
        let since = now - Duration::minutes(LOCKOUT_MINUTES);
        let mut handle = self.store.handle().await?;
        if auth::login_failures_since(handle.conn(), email.as_str(), since).await? >= MAX_LOGIN_FAILURES {
            return Err(AppError::RateLimited {
                retry_after_minutes: LOCKOUT_MINUTES,
            });
        }
        let found = network::user_by_email(handle.conn(), email.as_str()).await?;
        drop(handle);
        let (user, hash) = match found {
            Some((user, hash)) if user.active => (Some(user), Some(hash)),
            _ => (None, None),
        };
        let verified = self.password_matches(password, hash).await;
        let mut tx = self.store.begin().await?;
        let user = match user.filter(|_| verified) {
            Some(user) => user,
            None => {
                auth::record_login_failure(tx.conn(), email.as_str(), now).await?;
                let detail = Some(format!("sign-in refused for {}", email.as_str()));
                let failed = event(None, AuditAction::LoginFailed, "user", None, None, detail);
                soleil_store::audit::append(tx.conn(), &failed).await?;
                tx.commit().await?;
                return Err(AppError::BadCredentials);
            }
        };
        let session = NewSession {
            token: secret(),
            csrf_token: secret(),
            user: user.clone(),
        };
        let expires = now + Duration::hours(self.settings.session_hours);
        auth::insert_session(
            tx.conn(),
            &hash_secret(&session.token),
            user.id,
            &session.csrf_token,
            now,
            expires,
        )
        .await?;
        auth::clear_login_failures(tx.conn(), email.as_str()).await?;
        record(
            &mut tx,
            &user,
            AuditAction::Login,
            Subject::new("user", user.id, user.region),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// The session behind a cookie, if it is still valid.
    pub async fn session(&self, token: &str) -> AppResult<Option<Session>> {
        let mut handle = self.store.handle().await?;
        let row = auth::live_session(handle.conn(), &hash_secret(token), crate::clock::now()).await?;
        Ok(row.map(|row| Session {
            user: row.user,
            csrf_token: row.csrf_token,
        }))
    }

    pub async fn sign_out(&self, token: &str, user: &User) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        auth::revoke_session(tx.conn(), &hash_secret(token), crate::clock::now()).await?;
        record(
            &mut tx,
            user,
            AuditAction::Logout,
            Subject::new("user", user.id, user.region),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user an API bearer token belongs to.
    pub async fn token_user(&self, token: &str) -> AppResult<Option<User>> {
        let mut handle = self.store.handle().await?;
        Ok(auth::api_token_user(handle.conn(), &hash_secret(token)).await?)
    }

    /// Issues an API token for a user (from the command line, by an operator
    /// of the server). The token is shown once and stored hashed.
    pub async fn create_api_token(&self, email: &str) -> AppResult<String> {
        let email = Email::parse(email).ok_or(AppError::NotFound("user"))?;
        let mut tx = self.store.begin().await?;
        let (user, _) = network::user_by_email(tx.conn(), email.as_str())
            .await?
            .ok_or(AppError::NotFound("user"))?;
        // No token would work for it: the API serves active users only.
        refuse_system_account(user.id)?;
        if !user.active {
            return Err(AppError::conflict("user_inactive"));
        }
        let token = format!("slt_{}", secret());
        auth::insert_api_token(tx.conn(), &hash_secret(&token), user.id, crate::clock::now()).await?;
        record(
            &mut tx,
            &user,
            AuditAction::TokenCreated,
            Subject::new("user", user.id, user.region),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// Creates a user on behalf of an admin.
    pub async fn create_user(&self, actor: &User, input: &UserInput) -> AppResult<User> {
        authorize(actor, Operation::CreateUser)?;
        // An employer's login must be linked to its employer: it is given
        // from the employer's page, which does both in one step.
        if input.role == Role::Employer {
            return Err(soleil_domain::Invalid::single("role", "employer_login_from_employer_page").into());
        }
        let user = self.insert_user(Some(actor), input).await?;
        Ok(user)
    }

    /// Creates a user from the command line, where no one is signed in yet.
    pub async fn create_user_unattended(&self, input: &UserInput) -> AppResult<User> {
        self.insert_user(None, input).await
    }

    async fn insert_user(&self, actor: Option<&User>, input: &UserInput) -> AppResult<User> {
        let new = NewUser::parse(
            &input.email,
            &input.display_name,
            input.role,
            input.organisation_id,
            &input.password,
        )?;
        let hash = self.hash_password(&input.password).await?;
        let mut tx = self.store.begin().await?;
        let region = match new.organisation_id {
            Some(id) => Some(
                network::organisation(tx.conn(), id)
                    .await?
                    .ok_or_else(|| soleil_domain::Invalid::single("organisation_id", "unknown_organisation"))?
                    .region,
            ),
            None => None,
        };
        let user = User {
            id: UserId::new(),
            email: new.email.as_str().to_owned(),
            display_name: new.display_name,
            role: new.role,
            organisation_id: new.organisation_id,
            region: if new.role.is_network_wide() { None } else { region },
            active: true,
            created_at: crate::clock::now(),
        };
        match network::insert_user(tx.conn(), &user, &hash).await {
            Err(StoreError::Conflict(_)) => {
                return Err(soleil_domain::Invalid::single("email", "email_taken").into());
            }
            other => other?,
        }
        let detail = Some(format!("role {}", user.role));
        let audit = event(
            actor,
            AuditAction::Create,
            "user",
            Some(user.id.to_string()),
            user.region,
            detail,
        );
        soleil_store::audit::append(tx.conn(), &audit).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Turns a user's access on or off; sessions of an inactive user stop working.
    pub async fn set_user_active(&self, actor: &User, id: UserId, active: bool) -> AppResult<User> {
        authorize(actor, Operation::UpdateUser)?;
        let mut tx = self.store.begin().await?;
        let mut user = network::user(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("user"))?;
        if user.id == actor.id && !active {
            return Err(AppError::conflict("cannot_deactivate_self"));
        }
        refuse_system_account(user.id)?;
        network::set_user_active(tx.conn(), id, active).await?;
        user.active = active;
        let detail = Some(if active { "activated" } else { "deactivated" }.to_owned());
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("user", id, user.region),
            detail,
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Users an actor may pick from: all for admins, their region otherwise.
    pub async fn users(&self, actor: &User, filter: &UserFilter, page: Page) -> AppResult<(Vec<User>, i64)> {
        authorize(actor, Operation::ListUsers)?;
        let mut filter = filter.clone();
        if actor.role != Role::Admin {
            filter.region = actor.region;
        }
        let mut handle = self.store.handle().await?;
        Ok(network::users(handle.conn(), &filter, page).await?)
    }

    pub async fn user(&self, actor: &User, id: UserId) -> AppResult<User> {
        authorize(actor, Operation::ReadUser)?;
        let mut handle = self.store.handle().await?;
        let user = network::user(handle.conn(), id)
            .await?
            .ok_or(AppError::NotFound("user"))?;
        if actor.role != Role::Admin && user.region != actor.region {
            return Err(AppError::NotFound("user"));
        }
        Ok(user)
    }
}

/// The system account automatic jobs act as is no one's to sign in as:
/// it is neither switched on nor given a token.
fn refuse_system_account(id: UserId) -> AppResult<()> {
    if id == network::SYSTEM_USER_ID {
        return Err(AppError::conflict("system_account"));
    }
    Ok(())
}
