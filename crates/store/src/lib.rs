//! SOLEIL persistence: the only code that knows SQL.
//!
//! One [`Store`] over embedded SQLite (the default) or PostgreSQL, chosen by
//! the database URL. Queries are written once with `$1` placeholders, which
//! both engines accept, and run on the concrete driver of the backend in use
//! through the [`on!`] macro. Writes happen in a [`Tx`]; reads may use a
//! pooled [`Handle`]. Both hand out a [`Conn`], which every query takes.

mod db;
mod error;
mod filter;

/// A person's name as lists show it: given name and surname, else the
/// alias. Selects from persons aliased `p`.
const PERSON_NAME: &str =
    "COALESCE(NULLIF(TRIM(COALESCE(p.given_name, '') || ' ' || COALESCE(p.surname, '')), ''),
    p.alias, '')";

pub mod audit;
pub mod auth;
pub mod cases;
pub mod courses;
pub mod directory;
pub mod documents;
pub mod employers;
pub mod esf;
pub mod identity;
pub mod instruments;
pub mod job_offers;
pub mod measures;
pub mod monitoring;
pub mod network;
pub mod persons;
pub mod places;
pub mod plans;
pub mod referrals;
pub mod screenings;
pub mod work_placements;

pub use db::{Conn, Handle, Store, Tx};
pub use error::StoreError;
pub use filter::{Page, Scope};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
