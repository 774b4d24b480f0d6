//! How fast the directory search answers over a national directory:
//! 100,000 services (about 1.3 locations each) spread over the comuni of
//! the ISTAT reference data, with need areas, languages and opening hours
//! drawn from a fixed seed; then a mix of realistic searches, timed one by
//! one, with p50/p95/p99 per kind of search and over all, and apart the
//! searches that first rebuild the in-memory index.
//!
//! `cargo bench -p soleil-store --bench directory_search` runs it on a
//! temporary SQLite file; with `SOLEIL_BENCH_POSTGRES_URL` set (a server
//! where the user may create databases) also on PostgreSQL, in a database of
//! its own that is dropped afterwards. `SOLEIL_BENCH_SERVICES` and
//! `SOLEIL_BENCH_QUERIES` change the sizes; `SOLEIL_BENCH_SQLITE_PATH` and
//! `SOLEIL_BENCH_POSTGRES_DATABASE` keep the databases for another run.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::{NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use soleil_domain::directory::{
    GeoPoint, Location, LocationId, LocationKind, OpeningHours, Service, ServiceId, ServiceQuery, WeekMoment,
    Weekday,
};
use soleil_domain::{NeedArea, Organisation, OrganisationId, OrganisationKind, RegionCode};
use soleil_reference::Comune;
use soleil_store::directory::{self, LocationArea};
use soleil_store::{Page, Store, network};

const SEED: u64 = 0xd1_2ec7_0271;
/// Searches timed right after the index went stale.
const REBUILDS: usize = 10;
const LANGUAGES: &[&str] = &[
    "en", "fr", "ar", "pa", "hi", "ur", "bn", "ro", "sq", "wo", "es", "zh", "uk", "ru", "tl", "ta", "ti",
    "so",
];
const WORDS: &[&str] = &[
    "sportello",
    "lavoro",
    "salute",
    "documenti",
    "accoglienza",
    "orientamento",
    "sindacato",
    "legale",
    "mediazione",
    "alloggio",
    "formazione",
    "lingua",
    "ambulatorio",
    "braccianti",
    "permesso",
    "tutela",
    "vertenza",
    "contratto",
    "busta",
    "paga",
    "ispezione",
    "denuncia",
    "protezione",
    "asilo",
    "cittadinanza",
    "residenza",
    "anagrafe",
    "iscrizione",
    "sanitaria",
    "medico",
    "vaccinazioni",
    "consultorio",
    "donne",
    "minori",
    "famiglie",
    "dormitorio",
    "mensa",
    "vestiario",
    "doccia",
    "trasporto",
    "bicicletta",
    "patente",
    "tirocinio",
    "corso",
    "italiano",
    "scuola",
    "adulti",
    "certificato",
    "competenze",
    "curriculum",
    "colloquio",
    "impiego",
    "agricoltura",
    "serre",
    "raccolta",
    "vendemmia",
    "pomodori",
    "fragole",
    "ortaggi",
    "allevamento",
    "edilizia",
    "logistica",
    "magazzino",
    "badanti",
    "domestico",
    "ristorazione",
    "turismo",
    "pesca",
    "caporalato",
    "sfruttamento",
    "tratta",
    "vittime",
    "emersione",
    "rimpatrio",
    "ricongiungimento",
    "ascolto",
    "psicologico",
    "supporto",
    "sociale",
    "assistente",
    "segretariato",
    "prima",
    "notte",
    "emergenza",
    "numero",
    "verde",
    "telefono",
    "mobile",
    "unità",
    "strada",
    "campi",
    "ghetto",
    "insediamento",
    "baraccopoli",
    "sanatoria",
    "regolarizzazione",
    "rinnovo",
    "questura",
    "prefettura",
    "patronato",
    "pensione",
    "disoccupazione",
    "naspi",
    "inps",
    "infortunio",
    "malattia",
    "maternità",
    "sicurezza",
    "dispositivi",
    "prevenzione",
    "giovani",
    "studenti",
    "stagionali",
    "frontalieri",
    "comunitari",
    "richiedenti",
    "rifugiati",
    "apolidi",
];
const KINDS: &[&str] = &[
    "need area + region",
    "language + province",
    "open now + need area",
    "nearest within 30 km",
    "text",
    "everything together",
    "no criteria",
];

fn main() {
    let services = env_number("SOLEIL_BENCH_SERVICES", 100_000);
    let queries = env_number("SOLEIL_BENCH_QUERIES", 2_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let dir = tempfile::tempdir().expect("temporary directory");
        // SOLEIL_BENCH_SQLITE_PATH keeps the database, and reuses it when it is there.
        let path = std::env::var("SOLEIL_BENCH_SQLITE_PATH")
            .unwrap_or_else(|_| dir.path().join("bench.db").display().to_string());
        let url = format!("sqlite://{path}");
        bench("SQLite", &url, services, queries).await;
        if let Ok(server) = std::env::var("SOLEIL_BENCH_POSTGRES_URL") {
            // SOLEIL_BENCH_POSTGRES_DATABASE keeps the database, and reuses it when it is there.
            let kept = std::env::var("SOLEIL_BENCH_POSTGRES_DATABASE").ok();
            let name = kept
                .clone()
                .unwrap_or_else(|| format!("soleil_bench_{}", std::process::id()));
            let admin = sqlx::PgPool::connect(&server).await.expect("PostgreSQL");
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
                    .bind(&name)
                    .fetch_one(&admin)
                    .await
                    .expect("list databases");
            if !exists {
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&admin)
                    .await
                    .expect("create database");
            }
            let (base, _) = server.rsplit_once('/').expect("a database URL");
            bench("PostgreSQL", &format!("{base}/{name}"), services, queries).await;
            if kept.is_none() {
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name} WITH (FORCE)")))
                    .execute(&admin)
                    .await
                    .expect("drop database");
            }
        }
    });
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn bench(backend: &str, url: &str, services: usize, queries: usize) {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let mut rng = StdRng::seed_from_u64(SEED);
    let started = Instant::now();
    if count(&store, "SELECT COUNT(*) FROM services").await == 0 {
        fill(&store, &mut rng, services).await;
        analyze(&store).await;
    }
    let locations = count(&store, "SELECT COUNT(*) FROM service_locations").await;
    println!(
        "\n{backend}: {services} services, {locations} locations written in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Each process searches an in-memory index that it rebuilds when the
    // directory's revision moves: time the searches that pay for a rebuild
    // apart from the others, with queries of their own.
    let mut rebuild_rng = StdRng::seed_from_u64(SEED + 1);
    let mut rebuilds = Vec::new();
    for i in 0..REBUILDS {
        move_revision(&store).await;
        let query = query(i % KINDS.len(), &mut rebuild_rng);
        let started = Instant::now();
        directory::search(&store, &query, Page::new(0, 25))
            .await
            .expect("search");
        rebuilds.push(started.elapsed());
    }

    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); KINDS.len()];
    let mut found = vec![0_i64; KINDS.len()];
    for i in 0..queries {
        let kind = i % KINDS.len();
        let query = query(kind, &mut rng);
        let page = Page::new(if rng.gen_bool(0.2) { 1 } else { 0 }, 25);
        let started = Instant::now();
        let (_, total) = directory::search(&store, &query, page).await.expect("search");
        times[kind].push(started.elapsed());
        found[kind] += total;
    }
    println!(
        "{:<24} {:>7} {:>9} {:>9} {:>9} {:>10}",
        "search", "runs", "p50 ms", "p95 ms", "p99 ms", "avg total"
    );
    for (kind, name) in KINDS.iter().enumerate() {
        let runs = times[kind].len().max(1);
        print_row(name, &mut times[kind], Some(found[kind] / runs as i64));
    }
    let mut all: Vec<Duration> = times.concat();
    print_row("all", &mut all, None);
    print_row("first after a rebuild", &mut rebuilds, None);
    store.close().await;
}

fn print_row(name: &str, times: &mut [Duration], average_total: Option<i64>) {
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len().max(1)) - 1;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{name:<24} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>10}",
        times.len(),
        at(0.50),
        at(0.95),
        at(0.99),
        average_total.map(|n| n.to_string()).unwrap_or_default()
    );
}

/// Gathers the planner's statistics, as a deployment's maintenance
/// (autovacuum on PostgreSQL) would after a load.
async fn analyze(store: &Store) {
    let mut handle = store.handle().await.expect("handle");
    let done = match handle.conn() {
        soleil_store::Conn::Sqlite(c) => sqlx::query("ANALYZE").execute(c).await.map(|r| r.rows_affected()),
        soleil_store::Conn::Postgres(c) => sqlx::query("VACUUM ANALYZE")
            .execute(c)
            .await
            .map(|r| r.rows_affected()),
    };
    done.expect("analyze");
}

/// What a write of the directory does to the other processes' indexes.
async fn move_revision(store: &Store) {
    let mut handle = store.handle().await.expect("handle");
    soleil_store::on!(handle.conn(), c => sqlx::query("UPDATE directory_revision SET revision = revision + 1 WHERE id = 1")
        .execute(c).await.map(|r| r.rows_affected()))
    .expect("revision");
}

async fn count(store: &Store, sql: &'static str) -> i64 {
    let mut handle = store.handle().await.expect("handle");
    soleil_store::on!(handle.conn(), c => sqlx::query_scalar(sql).fetch_one(c).await).expect("count")
}

/// A point near a comune: the comuni carry no coordinates, so each is put
/// near the middle of its region, the same place on every run.
fn place_of(comune: &Comune) -> GeoPoint {
    let (latitude, longitude) = match comune.region_code {
        "01" => (45.07, 7.68),
        "02" => (45.74, 7.32),
        "03" => (45.47, 9.19),
        "04" => (46.50, 11.35),
        "05" => (45.44, 12.32),
        "06" => (45.95, 13.30),
        "07" => (44.41, 8.93),
        "08" => (44.49, 11.34),
        "09" => (43.45, 11.10),
        "10" => (42.94, 12.60),
        "11" => (43.35, 13.20),
        "12" => (41.90, 12.80),
        "13" => (42.25, 13.85),
        "14" => (41.65, 14.55),
        "15" => (40.85, 14.60),
        "16" => (41.00, 16.40),
        "17" => (40.50, 16.10),
        "18" => (39.10, 16.40),
        "19" => (37.55, 14.20),
        _ => (40.05, 9.00),
    };
    let code: u64 = comune.code.parse().unwrap_or_default();
    let mut local = StdRng::seed_from_u64(code);
    GeoPoint::new(
        latitude + local.gen_range(-0.6..0.6),
        longitude + local.gen_range(-0.7..0.7),
    )
    .expect("a point in Italy")
}

async fn fill(store: &Store, rng: &mut StdRng, services: usize) {
    let regions: Vec<RegionCode> = RegionCode::all().collect();
    let mut organisations = Vec::new();
    let mut tx = store.begin().await.expect("begin");
    for i in 0..500 {
        let organisation = Organisation {
            id: OrganisationId::new(),
            name: format!("Ente {i}"),
            kind: OrganisationKind::ThirdSector,
            region: regions[i % regions.len()],
            address: None,
            phone: None,
            opening_hours: None,
            public_listing: false,
            created_at: Utc::now(),
        };
        network::insert_organisation(tx.conn(), &organisation)
            .await
            .expect("organisation");
        organisations.push(organisation.id);
    }
    tx.commit().await.expect("commit");

    let comuni = soleil_reference::comuni();
    let areas: Vec<NeedArea> = NeedArea::all().collect();
    let kinds: Vec<LocationKind> = LocationKind::all().collect();
    for batch in 0..services.div_ceil(1000) {
        let mut tx = store.begin().await.expect("begin");
        for i in batch * 1000..((batch + 1) * 1000).min(services) {
            let comune = comuni.choose(rng).expect("comuni");
            let how_many_areas = rng.gen_range(1..=3);
            let mut need_areas: Vec<NeedArea> = areas.choose_multiple(rng, how_many_areas).copied().collect();
            need_areas.sort();
            let mut languages = vec!["it".to_owned()];
            let how_many_languages = rng.gen_range(0..=4);
            languages.extend(
                LANGUAGES
                    .choose_multiple(rng, how_many_languages)
                    .map(|l| (*l).to_owned()),
            );
            let how_many = match rng.gen_range(0..100) {
                0..3 => 0,
                3..75 => 1,
                75..95 => 2,
                _ => 3,
            };
            let mut places = Vec::new();
            let mut location_areas = Vec::new();
            for n in 0..how_many {
                // A service's further locations lie in nearby comuni of its province.
                let here = if n == 0 {
                    comune
                } else {
                    let province: Vec<&Comune> = comuni
                        .iter()
                        .filter(|c| c.province_code == comune.province_code)
                        .collect();
                    province.choose(rng).copied().unwrap_or(comune)
                };
                let centre = place_of(here);
                places.push(Location {
                    id: LocationId::new(),
                    kind: *kinds.choose(rng).expect("kinds"),
                    name: format!("{} {}", WORDS.choose(rng).expect("words"), here.name),
                    street: format!(
                        "Via {} {}",
                        WORDS.choose(rng).expect("words"),
                        rng.gen_range(1..200)
                    ),
                    postcode: None,
                    comune: here.code.to_owned(),
                    position: GeoPoint::new(
                        centre.latitude + rng.gen_range(-0.02..0.02),
                        centre.longitude + rng.gen_range(-0.02..0.02),
                    ),
                    accessibility: None,
                    hours: hours(rng),
                });
                location_areas.push(LocationArea {
                    province_code: here.province_code.to_owned(),
                    region_code: here.region_code.to_owned(),
                });
            }
            let words: Vec<&str> = WORDS.choose_multiple(rng, 8).copied().collect();
            let service = Service {
                id: ServiceId::new(),
                organisation_id: organisations[i % organisations.len()],
                name: format!("{} {} {}", capitalised(words[0]), words[1], comune.name),
                description: format!(
                    "Servizio di {} e {} per {} e {}, con {} e {}.",
                    words[2], words[3], words[4], words[5], words[6], words[7]
                ),
                need_areas,
                eligibility: Some("Lavoratori e lavoratrici, anche senza permesso di soggiorno".to_owned()),
                languages,
                email: None,
                phone: None,
                url: None,
                active: rng.gen_bool(0.97),
                locations: places,
                updated_at: Utc::now(),
            };
            directory::insert_service(tx.conn(), &service, &location_areas)
                .await
                .expect("service");
        }
        tx.commit().await.expect("commit");
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Office hours on some weekdays, sometimes an afternoon too, or none.
fn hours(rng: &mut StdRng) -> Vec<OpeningHours> {
    let time = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).expect("time");
    let mut hours = Vec::new();
    if rng.gen_bool(0.1) {
        return hours;
    }
    for day in Weekday::all() {
        if rng.gen_bool(if day.number() < 5 { 0.7 } else { 0.15 }) {
            let opens = rng.gen_range(7..11);
            // A few desks open at odd minutes, which the search checks exactly.
            let minute = if rng.gen_bool(0.05) { 40 } else { 0 };
            hours.push(OpeningHours {
                day,
                opens: NaiveTime::from_hms_opt(opens, minute, 0).expect("time"),
                closes: time(opens + rng.gen_range(2..5)),
            });
            if rng.gen_bool(0.3) {
                hours.push(OpeningHours {
                    day,
                    opens: time(15),
                    closes: time(18),
                });
            }
        }
    }
    hours
}

fn query(kind: usize, rng: &mut StdRng) -> ServiceQuery {
    let comuni = soleil_reference::comuni();
    let comune = comuni.choose(rng).expect("comuni");
    let area = NeedArea::all().nth(rng.gen_range(0..9));
    let language = Some((*LANGUAGES.choose(rng).expect("languages")).to_owned());
    let moment = Some(WeekMoment {
        day: Weekday::all().nth(rng.gen_range(0..7)).expect("day"),
        time: NaiveTime::from_hms_opt(rng.gen_range(8..19), rng.gen_range(0..60), 0).expect("time"),
    });
    let word = Some((*WORDS.choose(rng).expect("words")).to_owned());
    let near = Some(place_of(comune));
    let base = ServiceQuery {
        at: moment,
        ..ServiceQuery::default()
    };
    match kind {
        0 => ServiceQuery {
            need_area: area,
            region: Some(comune.region_code.to_owned()),
            ..base
        },
        1 => ServiceQuery {
            language,
            province: Some(comune.province_code.to_owned()),
            ..base
        },
        2 => ServiceQuery {
            open_at: moment,
            need_area: area,
            ..base
        },
        3 => ServiceQuery {
            near,
            within_km: Some(30.0),
            ..base
        },
        4 => ServiceQuery { text: word, ..base },
        5 => ServiceQuery {
            text: word,
            need_area: area,
            language,
            region: Some(comune.region_code.to_owned()),
            open_at: moment,
            near,
            within_km: Some(50.0),
            ..base
        },
        _ => base,
    }
}
