//! The tables hold together, the same seed gives the same people, and a
//! load reaches every stage of the pathway.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::RegionCode::{Abr, Laz};
use soleil_domain::{CaseState, NeedArea, RegionCode, Role};
use soleil_store::Page;

use super::inclusion::{ALLOWANCE_LINE, PLACEMENTS, PROFESSIONAL_LABS, VOUCHER_LINE, VOUCHERS};
use super::needs::need_template;
use super::network::{
    NETWORK_ACCOUNTS, ORGANISATIONS, STAFF, demo_accounts, organisation_kind, staff_login, staff_of,
};
use super::people::ORIGINS;
use super::regions::REGIONS;
use super::stories::{COHORT_SIZE, STAGE_WEIGHTS, Stage, allocate, inclusion_cohort, stories};
use super::{COHORT_SEED, DEMO_PASSWORD, SEED};
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

#[test]
fn the_abruzzo_cycle_plans_seed_004s_labs_and_placements() {
    use soleil_domain::inclusion::course::CourseSector as S;
    use soleil_domain::inclusion::work_placement::PlacementKind;
    let mut sectors: Vec<_> = PROFESSIONAL_LABS.iter().filter_map(|lab| lab.sector).collect();
    sectors.sort();
    let mut expected = vec![
        S::Construction,
        S::Construction,
        S::WarehouseLogistics,
        S::Welding,
        S::Mechatronics,
        S::FamilyCare,
        S::Tailoring,
        S::Electrician,
    ];
    expected.sort();
    assert_eq!(sectors, expected);
    let all: Vec<_> = PLACEMENTS.iter().flat_map(|lab| lab.iter()).collect();
    let count = |kind| all.iter().filter(|(k, _)| *k == kind).count();
    assert_eq!(all.len(), 33);
    assert_eq!(count(PlacementKind::Internship), 19);
    assert_eq!(count(PlacementKind::Apprenticeship), 4);
    assert_eq!(count(PlacementKind::Employment), 10);
    assert!(
        all.iter()
            .all(|(kind, contract)| contract.is_some() == (*kind == PlacementKind::Employment))
    );
    let cohort = inclusion_cohort(&mut StdRng::seed_from_u64(COHORT_SEED));
    assert_eq!(cohort.len(), COHORT_SIZE);
    assert!(
        cohort
            .iter()
            .all(|s| s.region == Abr && s.stage == Stage::Inclusion)
    );
    let again = inclusion_cohort(&mut StdRng::seed_from_u64(COHORT_SEED));
    assert_eq!(format!("{cohort:?}"), format!("{again:?}"));
}

/// The lines hold whatever the cycle can spend, so nothing is ever
/// refused for money: every hour of every seat, every voucher, and the
/// most one person can have of each line.
#[test]
fn the_demo_lines_hold_what_the_cycle_can_spend() {
    use soleil_domain::inclusion::money::Cents;
    let euros = |text: &str| Cents::parse(text).unwrap();
    let times = |amount: Cents, n: usize| Cents(amount.0 * i64::try_from(n).unwrap());
    let every_hour = PROFESSIONAL_LABS
        .iter()
        .map(|lab| times(lab.most_allowance(), lab.class));
    let every_hour = Cents::checked_sum(every_hour).unwrap();
    assert_eq!(every_hour, euros("10.920,00"));
    let allowances = euros(ALLOWANCE_LINE.amount);
    assert!(every_hour <= allowances);
    assert!(
        every_hour.0 * 10 >= allowances.0 * 9,
        "the line is meant to be spent"
    );
    let most_for_one = PROFESSIONAL_LABS
        .iter()
        .map(|lab| lab.most_allowance())
        .max()
        .unwrap();
    assert!(most_for_one <= euros(ALLOWANCE_LINE.per_person_cap));

    let every_voucher = VOUCHERS.iter().map(|v| times(euros(v.amount), v.count));
    assert_eq!(Cents::checked_sum(every_voucher).unwrap(), euros("1.900,00"));
    assert!(euros("1.900,00") <= euros(VOUCHER_LINE.amount));
    let one_of_each = Cents::checked_sum(VOUCHERS.iter().map(|v| euros(v.amount))).unwrap();
    assert!(one_of_each <= euros(VOUCHER_LINE.per_person_cap));
}

#[test]
fn the_demo_employers_have_valid_vat_numbers() {
    use soleil_domain::inclusion::employer::VatNumber;
    for seed in super::inclusion::EMPLOYERS {
        let vat = super::inclusion::vat_number(seed.vat);
        assert!(VatNumber::parse(&vat).is_ok(), "{vat}");
        let mut wrong = vat.clone().into_bytes();
        wrong[10] = b'0' + (wrong[10] - b'0' + 1) % 10;
        assert!(VatNumber::parse(&String::from_utf8(wrong).unwrap()).is_err());
    }
}

/// The demo's Abruzzo region runs seed 004's nine months: eight
/// professional labs by sector, 33 placements (19 internships, 14
/// contracts of which 4 apprenticeships), labs completed and dropped.
#[tokio::test]
async fn the_demo_runs_the_abruzzo_inclusion_cycle() {
    use soleil_domain::inclusion::course::{CourseKind, CourseSector as S, EnrolmentStatus};
    use soleil_domain::inclusion::work_placement::{EmploymentContract, PlacementKind};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let settings = Settings {
        password_memory_kib: 1024,
        ..Settings::default()
    };
    let app = App::open(&format!("sqlite://{}", path.display()), settings)
        .await
        .unwrap();
    app.load_demo().await.unwrap();
    let secretariat = app
        .sign_in("secretariat.abr@demo.soleil.local", DEMO_PASSWORD)
        .await
        .unwrap()
        .user;

    let professional = app
        .courses(
            &secretariat,
            &crate::courses::CourseQuery {
                kind: Some(CourseKind::Professional),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut sectors: Vec<_> = professional.iter().filter_map(|c| c.sector).collect();
    sectors.sort();
    let mut expected = vec![
        S::Construction,
        S::Construction,
        S::WarehouseLogistics,
        S::Welding,
        S::Mechatronics,
        S::FamilyCare,
        S::Tailoring,
        S::Electrician,
    ];
    expected.sort();
    assert_eq!(sectors, expected);
    assert!(
        professional
            .iter()
            .all(|c| [40 * 60, 80 * 60].contains(&c.planned_minutes))
    );
    let today = chrono::Utc::now().date_naive();
    assert!(professional.iter().all(|c| c.ends_on < today));
    let empowerment = app
        .courses(
            &secretariat,
            &crate::courses::CourseQuery {
                kind: Some(CourseKind::Empowerment),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(empowerment.len(), 4);
    let first = empowerment.iter().map(|c| c.starts_on).min().unwrap();
    assert!((today - first).num_days() >= 250, "the cycle spans nine months");

    // Most of a class completes; someone leaves, someone stays below the threshold.
    let mut statuses = Vec::new();
    for course in empowerment.iter().chain(&professional) {
        let detail = app.course(&secretariat, course.id).await.unwrap();
        assert!(!detail.sessions.is_empty());
        statuses.extend(detail.enrolments.iter().map(|e| e.enrolment.status));
    }
    let count = |status| statuses.iter().filter(|s| **s == status).count();
    assert!(count(EnrolmentStatus::Completed) >= 85, "{statuses:?}");
    assert!(count(EnrolmentStatus::Withdrawn) >= 2);
    assert!(count(EnrolmentStatus::Enrolled) >= 2);

    let (placements, total) = app
        .work_placements(
            &secretariat,
            &crate::work_placements::PlacementQuery::default(),
            Page::new(0, Page::MAX_SIZE),
        )
        .await
        .unwrap();
    assert_eq!(total, 33);
    let kinds = |kind| placements.iter().filter(|p| p.placement.kind == kind).count();
    assert_eq!(kinds(PlacementKind::Internship), 19);
    assert_eq!(kinds(PlacementKind::Apprenticeship), 4);
    assert_eq!(kinds(PlacementKind::Employment), 10);
    assert!(
        placements
            .iter()
            .any(|p| p.placement.contract_type == Some(EmploymentContract::Permanent))
    );
    assert!(placements.iter().all(|p| p.placement.mentor.is_some()));
    assert!(placements.iter().any(|p| p.placement.ended_on.is_some()));
    // Follow-ups were recorded where they fell due.
    let mut recorded = 0;
    for view in &placements {
        let detail = app.work_placement(&secretariat, view.placement.id).await.unwrap();
        for follow_up in &detail.follow_ups {
            if follow_up.due_on <= today {
                assert!(
                    follow_up.recorded_at.is_some(),
                    "follow-up due {} not recorded",
                    follow_up.due_on
                );
                recorded += 1;
            }
        }
    }
    assert!(recorded >= 20, "{recorded} follow-ups recorded");

    // The money adds up: no line commits more than it holds.
    let lines = app
        .budget_lines(&secretariat, &crate::measures::BudgetLineQuery::default())
        .await
        .unwrap();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert!(line.committed <= line.line.amount, "{}", line.line.code);
        assert!(line.paid <= line.committed, "{}", line.line.code);
        assert_eq!(line.remaining.0, line.line.amount.0 - line.committed.0);
    }

    the_cycles_money_adds_up(&app, &secretariat, &lines, today).await;

    let days = app.recruiting_days(&secretariat).await.unwrap();
    assert_eq!(days.len(), 2);
    let employer = app
        .sign_in("logistica.adriatica@demo.soleil.local", DEMO_PASSWORD)
        .await
        .unwrap()
        .user;
    let portal = app.employer_portal(&employer).await.unwrap();
    assert!(!portal.placements.is_empty());

    the_cycle_is_measured(&app, &secretariat, today).await;
}

/// The region's dashboard shows every panel with figures, and its results
/// table is the project's: 8 labs, 19 internships and 14 contracts of which
/// 4 apprenticeships.
async fn the_cycle_is_measured(app: &App, secretariat: &soleil_domain::User, today: chrono::NaiveDate) {
    use crate::monitoring::DashboardQuery;
    use crate::reports::{PlacementResults, ReportQuery};

    let dashboard = app
        .dashboard(secretariat, &DashboardQuery::default())
        .await
        .unwrap();
    for step in &dashboard.funnel {
        assert!(step.reached > 0, "no case reached {}", step.step);
    }
    // The stories span months: the steps take days, not none.
    assert!(
        dashboard.timings.iter().all(|t| t.cases > 0),
        "{:?}",
        dashboard.timings
    );
    assert!(
        dashboard.timings.iter().any(|t| t.median_days > Some(0)),
        "{:?}",
        dashboard.timings
    );
    for panel in &dashboard.panels {
        let total: i64 = panel.rows.iter().filter_map(|row| row.counts.first()).sum();
        assert!(total > 0, "the {} panel is empty", panel.panel);
    }
    let query = ReportQuery {
        region: None,
        from: today.checked_sub_months(chrono::Months::new(12)),
        to: Some(today),
    };
    let results = app.results_report(secretariat, &query).await.unwrap();
    assert_eq!(results.labs_total, 8);
    assert_eq!(
        results.placements,
        PlacementResults {
            internships: 19,
            contracts: 14,
            apprenticeships: 4,
            total: 33
        }
    );
    // The participants taken in charge have their answers at entry, and
    // three in four consented to research use.
    let esf = app.esf_report(secretariat, &query).await.unwrap();
    let total = &esf.indicators[0];
    assert!(total.total > 10, "{total:?}");
    let unemployed = &esf.indicators[1];
    assert!(
        unemployed.total > 0 && unemployed.not_recorded == 0,
        "{unemployed:?}"
    );
    let research = app
        .research_export_unattended(
            &ReportQuery {
                region: Some(soleil_domain::RegionCode::Abr),
                ..query
            },
            Default::default(),
        )
        .await
        .unwrap();
    assert!(!research.rows.is_empty(), "{:?}", research.anonymisation);
}

/// The cycle's money: an allowance for each month attended enough, paid
/// on the 15th of the next month but for the last month's, which wait;
/// one refused and one withdrawn; the vouchers, all paid; nothing on a
/// case out of inclusion. The cycle's dates count back from today, so how
/// many months each lab spans, and so how many allowances there are,
/// depends on the day: those counts are bounded, the rest is exact.
async fn the_cycles_money_adds_up(
    app: &App,
    secretariat: &soleil_domain::User,
    lines: &[soleil_domain::inclusion::measure::BudgetLineTotals],
    today: chrono::NaiveDate,
) {
    use chrono::{Datelike, Days, Months};
    use soleil_domain::inclusion::measure::{DisbursementStatus as St, MeasureKind as M};
    use soleil_domain::inclusion::money::Cents;

    let (views, total) = app
        .disbursements(
            secretariat,
            &crate::measures::DisbursementQuery::default(),
            Page::new(0, Page::MAX_SIZE),
        )
        .await
        .unwrap();
    assert_eq!(
        usize::try_from(total).unwrap(),
        views.len(),
        "one page holds them all"
    );
    let all: Vec<_> = views.into_iter().map(|v| v.disbursement).collect();
    let line = |code: &str| lines.iter().find(|l| l.line.code == code).unwrap();

    for voucher in VOUCHERS {
        let of_kind: Vec<_> = all.iter().filter(|d| d.measure == voucher.measure).collect();
        assert_eq!(of_kind.len(), voucher.count, "{}", voucher.measure);
        assert!(of_kind.iter().all(|d| d.status == St::Paid));
    }
    let vouchers = line(VOUCHER_LINE.code);
    assert_eq!(
        (vouchers.committed, vouchers.paid),
        (Cents(190_000), Cents(190_000))
    );

    let allowances: Vec<_> = all
        .iter()
        .filter(|d| d.measure == M::AttendanceAllowance)
        .collect();
    let vouchers_given: usize = VOUCHERS.iter().map(|v| v.count).sum();
    assert_eq!(all.len(), allowances.len() + vouchers_given);
    let with = |status| allowances.iter().filter(move |d| d.status == status);
    let refused: Vec<_> = with(St::Refused).collect();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].refusal_reason.as_deref().unwrap().contains("NASpI"));
    assert_eq!(with(St::Cancelled).count(), 1);
    let paid = with(St::Paid).count();
    assert!(paid >= 40, "{paid} allowances paid");
    // The last month waits: half of it approved, the rest still proposed.
    let (proposed, approved) = (with(St::Proposed).count(), with(St::Approved).count());
    assert!(proposed >= 1, "nothing waits for the secretariat");
    assert_eq!(approved, (proposed + approved) / 2);

    // One calendar month each, attended enough; the waiting ones are the last month's.
    let month = |day: chrono::NaiveDate| (day.year(), day.month());
    let last = allowances.iter().map(|d| month(d.period_from)).max().unwrap();
    for d in &allowances {
        assert_eq!(month(d.period_from), month(d.period_to));
        let how = d.computation.unwrap();
        assert!(how.attended_minutes * 100 >= how.threshold_percent * how.scheduled_minutes);
        let closed = matches!(d.status, St::Paid | St::Refused);
        assert_eq!(
            closed,
            month(d.period_from) != last,
            "{} {}",
            d.period_from,
            d.status
        );
    }
    for d in with(St::Paid) {
        let next_month = d.period_from.with_day(1).unwrap() + Months::new(1);
        let payday = (next_month + Days::new(14)).min(today);
        assert_eq!(d.paid_on, Some(payday));
    }
    let mut references = HashSet::new();
    for d in all.iter().filter(|d| d.status == St::Paid) {
        let reference = d.payment_reference.as_deref().unwrap();
        assert!(reference.starts_with("TRN ABR "), "{reference}");
        assert!(references.insert(reference), "{reference} twice");
    }

    // The line's figures are the allowances', and it is mostly spent.
    let sum = |status| Cents::checked_sum(with(status).map(|d| d.amount)).unwrap();
    let line = line(ALLOWANCE_LINE.code);
    assert!(sum(St::Paid) > Cents::ZERO);
    assert_eq!(line.paid, sum(St::Paid));
    assert_eq!(
        line.committed,
        sum(St::Paid).checked_add(sum(St::Approved)).unwrap()
    );
    assert!(
        line.committed.0 * 3 >= line.line.amount.0 * 2,
        "{} committed",
        line.committed
    );

    let in_inclusion = soleil_store::cases::CaseFilter {
        states: vec![CaseState::Inclusion],
        ..Default::default()
    };
    let (cases, _) = app
        .cases(secretariat, &in_inclusion, Page::new(0, Page::MAX_SIZE))
        .await
        .unwrap();
    let cases: HashSet<_> = cases.iter().map(|c| c.case.id).collect();
    assert!(all.iter().all(|d| cases.contains(&d.case_id)));
}
