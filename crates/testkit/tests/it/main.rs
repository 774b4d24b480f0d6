//! The whole server tested from outside, over HTTP and in a browser, on
//! SQLite and (when `SOLEIL_TEST_POSTGRES_URL` is set) PostgreSQL.
//!
//! One test binary with a module per area: linking one binary instead of one
//! per area keeps the suite's build time down.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser;
mod browser_network;
mod courses;
mod courses_browser;
mod directory;
mod directory_exchange;
mod documents;
mod employers;
mod employers_pages;
mod esf;
mod figures;
mod identity;
mod inclusion_browser;
mod instrument_pages;
mod job_offers;
mod job_offers_pages;
mod measures;
mod measures_pages;
mod monitoring;
mod monitoring_browser;
mod pathway;
mod places;
mod policy_matrix;
mod reference;
mod referrals;
mod reports;
mod rights;
mod screening;
mod security;
mod statements_pages;
mod work_placements;
mod work_placements_pages;
