//! Exchanging the services directory over the API: the HSDS export is valid
//! HSDS 3 and survives export → import → export unchanged; sheets (CSV and
//! Excel) are imported all or nothing, with a report that names lines and
//! columns; dry runs save nothing; re-imports update; a secretariat imports
//! only for its region.

use reqwest::Method;
use serde_json::{Value, json};
use soleil_app::AuditFilter;
use soleil_domain::directory::{LocationInput, LocationKind, OpeningHours, ServiceInput, Weekday};
use soleil_domain::{NeedArea, Organisation, OrganisationKind, RegionCode, Role};
use soleil_testkit::{Backend, Reply, TestApp, TestUser, on_both_backends, spawn};
use sqlx::Connection;

on_both_backends!(
    hsds_export_is_valid_and_survives_a_round_trip,
    sheets_are_imported_all_or_nothing
);

/// Sends a file to the import as a user.
async fn import(t: &TestApp, user: &TestUser, query: &str, content_type: &str, bytes: Vec<u8>) -> Reply {
    let response = t
        .browser()
        .request(Method::POST, t.url(&format!("/api/v1/directory/import?{query}")))
        .bearer_auth(&user.token)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .expect("request");
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    Reply { status, body }
}

fn validator(name: &str) -> jsonschema::Validator {
    let path = format!(
        "{}/../app/tests/hsds-schema/compiled/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{value:#}");
}

fn service_input(organisation: &Organisation, name: &str) -> ServiceInput {
    let hours = |day, opens: &str, closes: &str| OpeningHours {
        day,
        opens: opens.parse().unwrap(),
        closes: closes.parse().unwrap(),
    };
    ServiceInput {
        organisation_id: organisation.id,
        name: name.to_owned(),
        description: "Colloqui di orientamento".to_owned(),
        need_areas: vec![NeedArea::Work, NeedArea::LegalAid],
        eligibility: Some("Lavoratori agricoli".to_owned()),
        languages: vec!["it".to_owned(), "pa".to_owned()],
        email: Some("info@example.org".to_owned()),
        phone: Some("0773 000 111".to_owned()),
        url: Some("https://example.org/servizio".to_owned()),
        active: true,
        locations: vec![
            LocationInput {
                id: None,
                kind: LocationKind::Desk,
                name: "Sportello Latina".to_owned(),
                street: "Via Roma 1".to_owned(),
                postcode: Some("04100".to_owned()),
                comune: "059011".to_owned(),
                latitude: Some(41.4676),
                longitude: Some(12.9037),
                accessibility: Some("Senza gradini".to_owned()),
                hours: vec![
                    hours(Weekday::Monday, "09:00", "13:00"),
                    hours(Weekday::Thursday, "15:00", "18:00"),
                ],
            },
            LocationInput {
                id: None,
                kind: LocationKind::MobileUnitStop,
                name: "Sosta Borgo Hermada".to_owned(),
                street: "Strada Litoranea".to_owned(),
                postcode: None,
                comune: "059032".to_owned(),
                latitude: None,
                longitude: None,
                accessibility: None,
                hours: vec![hours(Weekday::Tuesday, "06:00", "08:00")],
            },
        ],
    }
}

/// Gives a fresh server the organisations of another, with their ids, as
/// two directories of one network would share them.
async fn copy_organisations(t: &TestApp, organisations: &[&Organisation]) {
    let insert = "INSERT INTO organisations (id, name, kind, region, created_at) VALUES ($1, $2, $3, $4, $5)";
    // The query's type depends on the backend: bind it for each.
    macro_rules! insert_into {
        ($connection:ty, $organisation:expr) => {{
            let mut db = <$connection>::connect(&t.database_url).await.unwrap();
            sqlx::query(insert)
                .bind($organisation.id.0)
                .bind(&$organisation.name)
                .bind($organisation.kind.as_str())
                .bind($organisation.region.as_str())
                .bind($organisation.created_at)
                .execute(&mut db)
                .await
                .unwrap();
        }};
    }
    for organisation in organisations {
        match t.backend {
            Backend::Sqlite => insert_into!(sqlx::SqliteConnection, organisation),
            Backend::Postgres => insert_into!(sqlx::PgConnection, organisation),
        }
    }
}

async fn hsds_export_is_valid_and_survives_a_round_trip(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let admin = t.user(Role::Admin, RegionCode::Laz, "hsds").await;
    let desk = t.organisation(OrganisationKind::Desk, RegionCode::Laz).await;
    let union = t.organisation(OrganisationKind::Union, RegionCode::Mar).await;
    for (organisation, name) in [(&desk, "Orientamento"), (&desk, "Ascolto"), (&union, "Vertenze")] {
        let mut input = service_input(organisation, name);
        if organisation.region == RegionCode::Mar {
            input.locations.clear();
        }
        t.app.create_service(&admin.user, &input).await.unwrap();
    }

    let export = t.get(&admin, "/api/v1/directory/hsds").await.expect(200);
    let organizations = export.as_array().unwrap();
    assert_eq!(organizations.len(), 2);
    let (organization_schema, service_schema) = (validator("organization"), validator("service"));
    for organization in organizations {
        assert_valid(&organization_schema, organization);
        for service in organization["services"].as_array().unwrap() {
            assert_valid(&service_schema, service);
        }
    }
    let marche = t
        .get(&admin, "/api/v1/directory/hsds?region=mar")
        .await
        .expect(200);
    assert_eq!(marche.as_array().unwrap().len(), 1);
    assert_eq!(marche[0]["id"], json!(union.id.to_string()));

    // Into a fresh server of the same network, and out again: identical.
    let Some(fresh) = spawn(backend).await else { return };
    copy_organisations(&fresh, &[&desk, &union]).await;
    let fresh_admin = fresh.user(Role::Admin, RegionCode::Laz, "hsds").await;
    let bytes = serde_json::to_vec(&export).unwrap();
    let report = import(
        &fresh,
        &fresh_admin,
        "format=hsds",
        "application/json",
        bytes.clone(),
    )
    .await
    .expect(200);
    assert_eq!(
        (report["created"].clone(), report["updated"].clone()),
        (json!(3), json!(0))
    );
    assert_eq!(report["saved"], json!(true));
    let exported_again = fresh
        .get(&fresh_admin, "/api/v1/directory/hsds")
        .await
        .expect(200);
    assert_eq!(exported_again, export);

    // Again: the ids are kept, so the services are updated, not doubled.
    let report = import(&fresh, &fresh_admin, "", "application/json", bytes)
        .await
        .expect(200);
    assert_eq!(
        (report["created"].clone(), report["updated"].clone()),
        (json!(0), json!(3))
    );
    let exported_again = fresh
        .get(&fresh_admin, "/api/v1/directory/hsds")
        .await
        .expect(200);
    assert_eq!(exported_again, export);

    // One audit event for each import, with its counts.
    let filter = AuditFilter {
        entity: Some("directory_import".to_owned()),
        ..AuditFilter::default()
    };
    let (events, _) = fresh
        .app
        .audit_log(&fresh_admin.user, &filter, soleil_app::Page::new(0, 10))
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    assert!(
        events[0]
            .detail
            .as_deref()
            .unwrap_or_default()
            .contains("3 services")
    );
}

const HEADINGS: &str = "Ente;Servizio;Descrizione;Aree;Lingue;Tipo sede;Sede;Indirizzo;CAP;Comune;Orari";

/// A sheet of the desk's services: two locations of one, one of another;
/// `comune` and `orari` are those of the third line.
fn sheet(organisation: &str, comune: &str, hours: &str) -> Vec<u8> {
    format!(
        "{HEADINGS}\n\
         {organisation};Orientamento lavoro;Colloqui;lavoro, salute;italiano, punjabi;sportello;Sportello Latina;Via Roma 1;04100;Latina;lun-ven 9-13\n\
         {organisation};Orientamento lavoro;;;;sosta unità mobile;Sosta Borgo Hermada;Strada Litoranea;;{comune};{hours}\n\
         {organisation};Ascolto telefonico;Ascolto;sostegno sociale;arabo;ufficio;Sede centrale;Via Verdi 2;;059011;mar, gio 15:00-18:00\n"
    )
    .into_bytes()
}

fn xlsx(rows: &[[&str; 5]]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in [["Ente", "Servizio", "Descrizione", "Indirizzo", "Comune"]]
        .iter()
        .chain(rows)
        .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// (line, column, code) of every error of a report.
fn errors(report: &Value) -> Vec<(u64, String, String)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["errors"].as_array().unwrap().clone())
        .map(|e| {
            (
                e["line"].as_u64().unwrap_or_default(),
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn service_count(t: &TestApp, user: &TestUser) -> usize {
    let export = t.get(user, "/api/v1/directory/hsds").await.expect(200);
    export
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["services"].as_array().unwrap().len())
        .sum()
}

async fn sheets_are_imported_all_or_nothing(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "sheet").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "sheet").await;
    let desk = t.organisation(OrganisationKind::Desk, RegionCode::Laz).await;
    let marche = t.organisation(OrganisationKind::Union, RegionCode::Mar).await;
    let csv = "text/csv";

    // Good and bad lines: rejected with lines and columns, nothing saved.
    let bad = sheet(&desk.name, "Atlantide", "mar 6");
    let report = import(&t, &secretariat, "format=csv", csv, bad).await.expect(422);
    assert_eq!(
        errors(&report),
        vec![
            (3, "comune".to_owned(), "unknown_comune".to_owned()),
            (3, "orari".to_owned(), "invalid_hours".to_owned()),
        ]
    );
    assert_eq!(report["rows"][0]["outcome"], json!("rejected"));
    assert_eq!(report["rows"][1]["outcome"], json!("create"));
    assert_eq!(report["saved"], json!(false));
    assert_eq!(service_count(&t, &secretariat).await, 0);

    // A dry run of the fixed sheet reports and saves nothing.
    let good = sheet(&desk.name, "Terracina", "mar 6-8");
    let report = import(&t, &secretariat, "format=csv&dry_run=true", csv, good.clone())
        .await
        .expect(200);
    assert_eq!(
        (report["created"].clone(), report["saved"].clone()),
        (json!(2), json!(false))
    );
    assert_eq!(service_count(&t, &secretariat).await, 0);

    // Fixed: imported and found by the directory's search.
    let report = import(&t, &secretariat, "format=csv", csv, good.clone())
        .await
        .expect(200);
    assert_eq!(report["created"], json!(2));
    let found = t
        .get(
            &frontline,
            "/api/v1/services?text=Orientamento%20lavoro&language=pa",
        )
        .await
        .expect(200);
    assert_eq!(found["total"], json!(2), "{found:#}");
    let first = t.get(&secretariat, "/api/v1/directory/hsds").await.expect(200);

    // Imported again: the same services are updated, their locations kept.
    let report = import(&t, &secretariat, "", csv, good).await.expect(200);
    assert_eq!(
        (report["created"].clone(), report["updated"].clone()),
        (json!(0), json!(2))
    );
    let again = t.get(&secretariat, "/api/v1/directory/hsds").await.expect(200);
    let locations = |export: &Value| -> Vec<Value> {
        let services = export[0]["services"].as_array().unwrap();
        services
            .iter()
            .map(|s| s["service_at_locations"].clone())
            .collect()
    };
    assert_eq!(locations(&again), locations(&first));
    assert_eq!(service_count(&t, &secretariat).await, 2);

    // Excel: a bad line rejects the file, a fixed one is imported.
    let xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let bad = xlsx(&[
        [
            &desk.name,
            "Sportello casa",
            "Ricerca alloggio",
            "Via Roma 3",
            "Latina",
        ],
        [&desk.name, "Sportello salute", "", "Via Roma 4", "Latina"],
    ]);
    let report = import(&t, &secretariat, "format=xlsx", xlsx_type, bad)
        .await
        .expect(422);
    assert_eq!(
        errors(&report),
        vec![(3, "descrizione".to_owned(), "required".to_owned())]
    );
    assert_eq!(service_count(&t, &secretariat).await, 2);
    let good = xlsx(&[
        [
            &desk.name,
            "Sportello casa",
            "Ricerca alloggio",
            "Via Roma 3",
            "Latina",
        ],
        [&desk.name, "Sportello salute", "Visite", "Via Roma 4", "059011"],
    ]);
    let report = import(&t, &secretariat, "", xlsx_type, good).await.expect(200);
    assert_eq!(report["created"], json!(2));
    assert_eq!(service_count(&t, &secretariat).await, 4);

    // Another region's organisation, or one the network does not know: rejected.
    let foreign = sheet(&marche.name, "Terracina", "mar 6-8");
    let report = import(&t, &secretariat, "format=csv", csv, foreign)
        .await
        .expect(422);
    assert!(errors(&report).contains(&(2, "ente".to_owned(), "organisation_of_another_region".to_owned())));
    let unknown = sheet("Ente che non c'è", "Terracina", "mar 6-8");
    let report = import(&t, &secretariat, "format=csv", csv, unknown)
        .await
        .expect(422);
    assert!(errors(&report).contains(&(2, "ente".to_owned(), "unknown_organisation".to_owned())));
    assert_eq!(service_count(&t, &secretariat).await, 4);

    // A file that is not a sheet, and a role that may not import.
    let report = import(
        &t,
        &secretariat,
        "format=xlsx",
        xlsx_type,
        b"ente;servizio".to_vec(),
    )
    .await
    .expect(422);
    assert_eq!(report["file_errors"][0]["code"], json!("unreadable_file"));
    let refused = import(&t, &frontline, "format=csv", csv, sheet(&desk.name, "Latina", "")).await;
    assert_eq!(refused.status.as_u16(), 403);
}
