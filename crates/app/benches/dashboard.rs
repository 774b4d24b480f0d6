//! How fast the monitoring dashboard answers for a region with a million
//! cases. The cases' milestones are written straight into
//! `case_milestones` (what the funnel, the times and the first contacts
//! read; the tables of referrals, needs, labs and placements stay empty),
//! spread over four years of entries with every step reached by fewer
//! cases than the one before; then `App::dashboard` is timed for the
//! region's coordinator over the last twelve months and over the four
//! years, unfiltered and filtered, and the region's secretariat follows two
//! figures to the cases behind them. The first call loads the server's
//! in-memory copy of the milestones; it is timed on its own, and the runs
//! after it are the figures of a server that is up.
//!
//! `cargo bench -p soleil-app --bench dashboard` runs it on a temporary
//! SQLite file; with `SOLEIL_BENCH_POSTGRES_URL` set (a server where the
//! user may create databases and, to write rows that stand for cases it
//! does not write, set `session_replication_role`), on PostgreSQL too, in
//! a database of its own dropped afterwards. `SOLEIL_BENCH_CASES` changes
//! the size; `SOLEIL_BENCH_RUNS` the runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::Utc;
use soleil_app::figures::FigureQuery;
use soleil_app::monitoring::DashboardQuery;
use soleil_app::{App, Page, Settings};
use soleil_domain::monitoring::epoch_day;
use soleil_domain::{RegionCode, Role, User, UserId, WorkSector};
use sqlx::Connection;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The rows, from a counter `i` and today's epoch day `t`: entries over
/// 1,460 days; 90% assessed, 80% taken in charge, 60% with a plan agreed,
/// 50% in inclusion, 30% with an outcome; a tenth closed as dropped out.
fn insert_sql(postgres: bool, cases: usize, today: i32) -> String {
    let id = if postgres {
        "gen_random_uuid()"
    } else {
        "randomblob(16)"
    };
    let organisation = if postgres {
        "'00000000-0000-7000-8000-000000000001'::uuid"
    } else {
        "x'00000000000070008000000000000001'"
    };
    let s = format!("({today} - i % 1460)");
    let a = format!("{s} + i % 13");
    let c = format!("{a} + i % 7");
    let p = format!("{c} + i % 31");
    let n = format!("{p} + i % 9");
    let o = format!("{n} + i % 200");
    format!(
        "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < {last})
         INSERT INTO case_milestones (case_id, region, organisation_id, sector, nationality, sex, age_band,
             contact_channel, urgent, screened_on, assessed_on, taken_in_charge_on, plan_agreed_on, in_inclusion_on, outcome_on,
             closed_on, closing_reason)
         SELECT {id}, 'laz', {organisation},
             CASE i % 4 WHEN 0 THEN 'agriculture' WHEN 1 THEN 'construction' WHEN 2 THEN 'logistics' ELSE 'care_work' END,
             CASE i % 5 WHEN 0 THEN 'IN' WHEN 1 THEN 'PK' WHEN 2 THEN 'MA' WHEN 3 THEN 'NG' ELSE 'RO' END,
             CASE i % 2 WHEN 0 THEN 'male' ELSE 'female' END,
             CASE i % 3 WHEN 0 THEN 'from18_to29' WHEN 1 THEN 'from30_to54' ELSE 'from55' END,
             CASE i % 3 WHEN 0 THEN 'mobile_unit' WHEN 1 THEN 'desk' ELSE 'union' END,
             i % 7 = 0,
             {s},
             CASE WHEN i % 10 <> 0 THEN {a} END,
             CASE WHEN i % 10 > 1 THEN {c} END,
             CASE WHEN i % 10 > 3 THEN {p} END,
             CASE WHEN i % 10 > 4 THEN {n} END,
             CASE WHEN i % 10 > 6 THEN {o} END,
             CASE WHEN i % 10 = 3 THEN {c} + 20 END,
             CASE WHEN i % 10 = 3 THEN 'dropped_out' END
         FROM k",
        last = cases - 1
    )
}

/// Runs statements in order on one connection, of either backend.
async fn run_all<C>(db: &mut C, statements: &[String])
where
    for<'c> &'c mut C: sqlx::Executor<'c>,
{
    for statement in statements {
        sqlx::Executor::execute(&mut *db, sqlx::AssertSqlSafe(statement.clone()))
            .await
            .unwrap();
    }
}

async fn fill(url: &str, postgres: bool, cases: usize) {
    let today = epoch_day(Utc::now().date_naive());
    // The rows stand for cases the benchmark does not write: no foreign keys.
    let (unchecked, analyze) = if postgres {
        (
            "SET session_replication_role = replica",
            "ANALYZE case_milestones",
        )
    } else {
        ("PRAGMA foreign_keys = OFF", "ANALYZE")
    };
    let statements = [
        unchecked.to_owned(),
        insert_sql(postgres, cases, today),
        analyze.to_owned(),
    ];
    let started = Instant::now();
    if postgres {
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        run_all(&mut db, &statements).await;
    } else {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        run_all(&mut db, &statements).await;
    }
    println!(
        "  {cases} cases written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// A reader of the region: the coordinator reads the dashboard, the
/// secretariat follows its figures to the cases.
fn reader(role: Role) -> User {
    User {
        id: UserId::new(),
        email: format!("{role}.laz@bench.soleil.local"),
        display_name: "Bench".into(),
        role,
        organisation_id: None,
        region: Some(RegionCode::Laz),
        active: true,
        created_at: Utc::now(),
    }
}

/// Times `call` `runs` times; it answers how many cases it counted.
async fn time(name: &str, runs: usize, mut call: impl AsyncFnMut() -> i64) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut counted = 0;
    for _ in 0..runs {
        let started = Instant::now();
        counted = call().await;
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {name:<46} {counted:>8} cases  p50 {:>7.1} ms  max {:>7.1} ms",
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
}

async fn bench(url: &str, postgres: bool, cases: usize, runs: usize) {
    let app = App::open(url, Settings::default()).await.unwrap();
    fill(url, postgres, cases).await;
    let today = Utc::now().date_naive();
    let four_years = DashboardQuery {
        from: Some(today - chrono::Duration::days(1460)),
        to: Some(today),
        ..DashboardQuery::default()
    };
    let filtered = DashboardQuery {
        sector: Some(WorkSector::Agriculture),
        nationality: Some("IN".into()),
        ..four_years.clone()
    };
    let coordinator = reader(Role::Coordinator);
    let dashboard =
        async |query: &DashboardQuery| app.dashboard(&coordinator, query).await.unwrap().funnel[0].reached;
    let twelve_months = DashboardQuery::default();
    time("first call (loads the copy)", 1, async || {
        dashboard(&twelve_months).await
    })
    .await;
    time("last 12 months", runs, async || dashboard(&twelve_months).await).await;
    time("four years", runs, async || dashboard(&four_years).await).await;
    time("four years, agriculture, India", runs, async || {
        dashboard(&filtered).await
    })
    .await;
    // A figure followed to its cases: every case of the four years, then
    // those over the assessment's target, a page of 25 each time.
    let secretariat = reader(Role::Secretariat);
    for figure in ["funnel.screened.reached", "timings.assessed.over_target"] {
        let query = FigureQuery {
            figure: Some(figure.into()),
        };
        time(&format!("cases behind {figure}"), runs, async || {
            let page = Page::new(0, 25);
            let records = app
                .figure_records(&secretariat, &query, &four_years, page)
                .await
                .unwrap();
            records.total
        })
        .await;
    }
    app.close().await;
}

#[tokio::main]
async fn main() {
    let cases = env_number("SOLEIL_BENCH_CASES", 1_000_000);
    let runs = env_number("SOLEIL_BENCH_RUNS", 10).max(1);
    let dir = tempfile::tempdir().unwrap();
    println!("SQLite:");
    bench(
        &format!("sqlite://{}", dir.path().join("bench.db").display()),
        false,
        cases,
        runs,
    )
    .await;
    if let Ok(server) = std::env::var("SOLEIL_BENCH_POSTGRES_URL") {
        println!("PostgreSQL:");
        let name = format!("soleil_bench_dashboard_{}", std::process::id());
        let mut admin = sqlx::PgConnection::connect(&server).await.unwrap();
        let create = format!("CREATE DATABASE {name}");
        sqlx::query(sqlx::AssertSqlSafe(create))
            .execute(&mut admin)
            .await
            .unwrap();
        let (base, _) = server.rsplit_once('/').expect("a database URL");
        bench(&format!("{base}/{name}"), true, cases, runs).await;
        let drop = format!("DROP DATABASE {name} WITH (FORCE)");
        sqlx::query(sqlx::AssertSqlSafe(drop))
            .execute(&mut admin)
            .await
            .unwrap();
    }
}
