//! The tables hold together, the same seed gives the same people, and a
//! load reaches every stage of the pathway.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::RegionCode::Laz;
use soleil_domain::{CaseState, NeedArea, RegionCode, Role};
use soleil_store::Page;

use super::needs::need_template;
use super::network::{
    NETWORK_ACCOUNTS, ORGANISATIONS, STAFF, demo_accounts, organisation_kind, staff_login, staff_of,
};
use super::people::ORIGINS;
use super::regions::REGIONS;
use super::stories::{STAGE_WEIGHTS, allocate, stories};
use super::{DEMO_PASSWORD, SEED};
use crate::{App, Settings};

#[test]
fn the_tables_hold_together() {
    for &(region, _, _, name, organisation) in STAFF {
        assert!(
            organisation_kind(region, organisation).is_some(),
            "{name}: no {organisation} in {region}"
        );
    }
    for kind in Kind::all() {
        assert!(
            ORGANISATIONS.iter().any(|o| o.1 == kind),
            "no organisation is a {kind}"
        );
    }
    for region in RegionCode::all() {
        for role in [
            Role::Frontline,
            Role::Secretariat,
            Role::CaseManager,
            Role::Service,
            Role::Coordinator,
        ] {
            let standard = format!("{role}.{region}");
            assert!(
                staff_of(region, role).any(|s| staff_login(s) == standard),
                "no {standard}"
            );
        }
        assert!(REGIONS.iter().any(|r| r.code == region), "{region} has no people");
    }
    let emails: HashSet<_> = demo_accounts().into_iter().map(|(email, _)| email).collect();
    assert_eq!(emails.len(), STAFF.len() + NETWORK_ACCOUNTS.len());
    for area in NeedArea::all() {
        assert!(need_template(area).is_ok(), "no template for {area}");
    }
    for region in REGIONS {
        for (code, _) in region.origins {
            assert!(
                ORIGINS.iter().any(|o| o.country == *code),
                "unknown origin {code}"
            );
        }
    }
}

#[test]
fn every_region_has_every_stage_and_lazio_the_most_people() {
    let stories = stories(&mut StdRng::seed_from_u64(SEED));
    assert_eq!(stories.len(), REGIONS.iter().map(|r| r.persons).sum::<usize>());
    for region in RegionCode::all() {
        for (stage, _) in STAGE_WEIGHTS {
            assert!(
                stories.iter().any(|s| s.region == region && s.stage == stage),
                "{region} has no {stage:?}"
            );
        }
    }
    let in_lazio = stories.iter().filter(|s| s.region == Laz).count();
    assert!(RegionCode::all().all(|r| stories.iter().filter(|s| s.region == r).count() <= in_lazio));
}

#[test]
fn the_same_seed_gives_the_same_people() {
    let first = format!("{:?}", stories(&mut StdRng::seed_from_u64(SEED)));
    let second = format!("{:?}", stories(&mut StdRng::seed_from_u64(SEED)));
    assert_eq!(first, second);
}

#[test]
fn allocation_gives_every_stage_someone_and_loses_nobody() {
    let counts = allocate(28, &[3, 2, 5, 1]);
    assert_eq!(counts.iter().sum::<usize>(), 28);
    assert!(counts.iter().all(|c| *c >= 1));
    assert!(counts[2] > counts[3]);
}

#[tokio::test]
async fn the_demo_loads_once_with_every_stage_of_the_pathway() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let settings = Settings {
        password_memory_kib: 1024,
        ..Settings::default()
    };
    let app = App::open(&format!("sqlite://{}", path.display()), settings)
        .await
        .unwrap();

    let summary = app.load_demo().await.unwrap();
    assert!(!summary.already_loaded);
    assert!(summary.persons >= 190, "{} persons", summary.persons);
    assert!(
        summary.organisations >= 35,
        "{} organisations",
        summary.organisations
    );
    for (state, count) in &summary.cases_by_state {
        assert!(*count > 0, "no case is {state}");
    }
    assert_eq!(summary.cases_by_state.len(), CaseState::all().count());

    let again = app.load_demo().await.unwrap();
    assert!(again.already_loaded);
    assert_eq!(again.persons, summary.persons);
    assert_eq!(again.organisations, summary.organisations);
    assert_eq!(again.users, summary.users);
    assert_eq!(again.cases_by_state, summary.cases_by_state);
    assert_eq!(again.accounts, summary.accounts);

    let secretariat = app
        .sign_in("secretariat.laz@demo.soleil.local", DEMO_PASSWORD)
        .await
        .unwrap()
        .user;
    let (queue, _) = app.queue(&secretariat, Page::default()).await.unwrap();
    assert!(!queue.is_empty());
    assert!(queue.iter().all(|entry| entry.case.case.region == Laz));
    // The demo's sheets are evaluated, and the queue is in triage order.
    assert!(queue.iter().all(|entry| entry.result.is_some()));
    let instruments: std::collections::BTreeSet<&str> = queue
        .iter()
        .filter_map(|entry| entry.result.as_ref())
        .map(|result| result.instrument_id.as_str())
        .collect();
    assert_eq!(instruments.len(), 2, "both sheets in the queue: {instruments:?}");
    let ranks: Vec<i32> = queue
        .iter()
        .map(|entry| entry.case.case.priority.rank())
        .collect();
    assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{ranks:?}");
}
