//! The services directory through the API: keeping services (who may, what
//! is refused and why) and searching them by every criterion.

use serde_json::{Value, json};
use soleil_domain::directory::GeoPoint;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, TestApp, TestUser, on_both_backends, spawn};

on_both_backends!(
    services_are_kept_by_their_organisation,
    searches_meet_every_criterion
);

const LATINA: (f64, f64) = (41.4676, 12.9037);

fn location(kind: &str, name: &str, comune: &str, (latitude, longitude): (f64, f64), hours: Value) -> Value {
    json!({ "kind": kind, "name": name, "street": "Via delle Industrie 12", "comune": comune,
            "latitude": latitude, "longitude": longitude, "hours": hours })
}

fn hours(day: &str, opens: &str, closes: &str) -> Value {
    json!({ "day": day, "opens": opens, "closes": closes })
}

fn service(
    organisation: &str,
    name: &str,
    needs: &[&str],
    languages: &[&str],
    locations: Vec<Value>,
) -> Value {
    json!({ "organisation_id": organisation, "name": name, "description": format!("{name}: accoglienza e orientamento"),
            "need_areas": needs, "languages": languages, "locations": locations })
}

fn organisation_of(user: &TestUser) -> String {
    user.user.organisation_id.expect("organisation").to_string()
}

async fn services_are_kept_by_their_organisation(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let staff = t.user(Role::Service, RegionCode::Laz, "dir").await;
    let desk = t.user(Role::Frontline, RegionCode::Laz, "dir").await;
    let secretariat = t.user(Role::Secretariat, RegionCode::Laz, "dir").await;
    let tuscan_secretariat = t.user(Role::Secretariat, RegionCode::Tos, "dir").await;
    let auditor = t.user(Role::Auditor, RegionCode::Laz, "dir").await;
    let own = organisation_of(&staff);

    // The organisation's own staff adds a service.
    let desk_hours = json!([hours("monday", "09:00", "13:00")]);
    let input = service(
        &own,
        "Sportello lavoro",
        &["work"],
        &["it", "PA"],
        vec![location(
            "desk",
            "Sportello Latina",
            "059011",
            LATINA,
            desk_hours.clone(),
        )],
    );
    let created = t
        .post(&staff, "/api/v1/services", input.clone())
        .await
        .expect(201);
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["languages"], json!(["it", "pa"]));
    let location_id = created["locations"][0]["id"].clone();

    // Mistakes are named by field, nested ones by path.
    let mut bad = input.clone();
    bad["name"] = json!(" ");
    bad["locations"][0]["comune"] = json!("999999");
    bad["locations"][0]["hours"] = json!([hours("monday", "13:00", "09:00")]);
    let refused = t.post(&staff, "/api/v1/services", bad).await;
    assert_eq!(refused.status.as_u16(), 422, "{:#}", refused.body);
    let fields: Vec<(&str, &str)> = refused.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("name", "required"),
            ("locations[0].comune", "unknown_comune"),
            ("locations[0].hours[0].closes", "closes_before_opens"),
        ]
    );
    let mut unknown = input.clone();
    unknown["organisation_id"] = json!(uuid::Uuid::now_v7());
    let refused = t.post(&staff, "/api/v1/services", unknown).await;
    assert_eq!(refused.status.as_u16(), 422);
    assert_eq!(refused.body["error"]["fields"][0]["field"], "organisation_id");

    // Another organisation's staff, another region's secretariat and the
    // auditor may not touch it; this region's secretariat may.
    assert_eq!(
        t.post(&desk, "/api/v1/services", input.clone())
            .await
            .status
            .as_u16(),
        403
    );
    let path = format!("/api/v1/services/{id}");
    for outsider in [&desk, &tuscan_secretariat, &auditor] {
        assert_eq!(t.put(outsider, &path, input.clone()).await.status.as_u16(), 403);
    }

    // An update keeps the location it names and drops the others.
    let mut changed = input.clone();
    changed["name"] = json!("Sportello lavoro e documenti");
    changed["need_areas"] = json!(["work", "documents"]);
    changed["locations"][0]["id"] = location_id.clone();
    changed["locations"].as_array_mut().unwrap().push(location(
        "mobile_unit_stop",
        "Sosta Borgo Hermada",
        "059032",
        (41.2867, 13.1539),
        json!([]),
    ));
    let updated = t.put(&secretariat, &path, changed.clone()).await.expect(200);
    assert_eq!(updated["locations"][0]["id"], location_id);
    assert_eq!(updated["locations"].as_array().unwrap().len(), 2);
    let read = t.get(&auditor, &path).await.expect(200);
    assert_eq!(read["name"], "Sportello lavoro e documenti");
    assert_eq!(read["need_areas"], json!(["work", "documents"]));
    assert_eq!(read["organisation_name"], "job_centre Lazio");
    assert_eq!(read["comuni"]["059032"]["name"], "Terracina");
    // Times come back with their seconds.
    assert_eq!(
        read["locations"][0]["hours"],
        json!([{ "day": "monday", "opens": "09:00:00", "closes": "13:00:00" }])
    );

    // A location id of another service is refused, by path.
    let other = t
        .post(
            &staff,
            "/api/v1/services",
            service(&own, "Altro", &[], &[], vec![]),
        )
        .await
        .expect(201);
    let mut stolen = changed.clone();
    stolen["locations"] = json!([{ "id": location_id, "kind": "desk", "name": "X", "street": "Via X 1",
                                    "comune": "059011" }]);
    let other_path = format!("/api/v1/services/{}", other["id"].as_str().unwrap());
    let refused = t.put(&staff, &other_path, stolen).await;
    assert_eq!(refused.status.as_u16(), 422, "{:#}", refused.body);
    assert_eq!(refused.body["error"]["fields"][0]["field"], "locations[0].id");

    // Every change is in the audit log.
    let admin = t.user(Role::Admin, RegionCode::Laz, "dir").await;
    let log = t
        .get(&admin, &format!("/api/v1/audit?entity=service&entity_id={id}"))
        .await
        .expect(200);
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entity_id"] == id)
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["update", "create"]);
}

/// Names of the services of a search's hits, in order.
fn names(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            let place = hit["location"]["name"].as_str().unwrap_or("-");
            format!("{} @ {place}", hit["service_name"].as_str().unwrap())
        })
        .collect()
}

async fn search(t: &TestApp, user: &TestUser, query: &str) -> Value {
    t.get(user, &format!("/api/v1/services?{query}"))
        .await
        .expect(200)
}

async fn searches_meet_every_criterion(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let lazio = t.user(Role::Service, RegionCode::Laz, "dir").await;
    let tuscany = t.user(Role::Service, RegionCode::Tos, "dir").await;
    let reader = t.user(Role::Coordinator, RegionCode::Laz, "dir").await;
    let (laz, tos) = (organisation_of(&lazio), organisation_of(&tuscany));
    let weekdays = |opens: &str, closes: &str| {
        json!(["monday", "tuesday", "wednesday", "thursday", "friday"].map(|d| hours(d, opens, closes)))
    };
    let inputs = [
        (
            &lazio,
            service(
                &laz,
                "Sportello lavoro Latina",
                &["work", "documents"],
                &["it", "pa", "hi"],
                vec![location(
                    "desk",
                    "Sportello Latina",
                    "059011",
                    LATINA,
                    weekdays("09:00", "13:00"),
                )],
            ),
        ),
        (
            &lazio,
            service(
                &laz,
                "Ambulatorio di prossimità",
                &["health"],
                &["it", "pa"],
                vec![location(
                    "office",
                    "Ambulatorio Sabaudia",
                    "059024",
                    (41.3003, 13.0286),
                    json!([hours("tuesday", "15:00", "18:00")]),
                )],
            ),
        ),
        (
            &lazio,
            service(
                &laz,
                "Unità di strada Agro Pontino",
                &["health", "work"],
                &["pa", "hi", "ur"],
                vec![
                    location(
                        "mobile_unit_stop",
                        "Sosta Borgo Hermada",
                        "059032",
                        (41.2867, 13.1539),
                        json!([hours("monday", "06:00", "09:00")]),
                    ),
                    location(
                        "mobile_unit_stop",
                        "Sosta Fondi",
                        "059007",
                        (41.3544, 13.4253),
                        json!([hours("thursday", "06:00", "09:00")]),
                    ),
                ],
            ),
        ),
        (
            &lazio,
            service(
                &laz,
                "Numero verde antitratta",
                &["legal_aid"],
                &["it", "en", "ro"],
                vec![],
            ),
        ),
        (
            &tuscany,
            service(
                &tos,
                "Casa di accoglienza Città di Firenze",
                &["housing"],
                &["ar", "fr"],
                vec![location(
                    "shelter",
                    "Accoglienza Firenze",
                    "048017",
                    (43.7696, 11.2558),
                    weekdays("00:00", "23:59"),
                )],
            ),
        ),
    ];
    let mut created = Vec::new();
    for (user, input) in inputs {
        created.push(t.post(user, "/api/v1/services", input).await.expect(201));
    }
    let mut suspended = service(
        &laz,
        "Sportello chiuso",
        &["work"],
        &["pa"],
        vec![location(
            "desk",
            "Sportello Aprilia",
            "059001",
            (41.5895, 12.6538),
            weekdays("09:00", "18:00"),
        )],
    );
    suspended["active"] = json!(false);
    t.post(&lazio, "/api/v1/services", suspended).await.expect(201);

    // No criteria: every location of every active service, and the service
    // without one; by name.
    let all = search(&t, &reader, "").await;
    assert_eq!(all["total"], 6);
    assert_eq!(
        names(&all),
        vec![
            "Ambulatorio di prossimità @ Ambulatorio Sabaudia",
            "Casa di accoglienza Città di Firenze @ Accoglienza Firenze",
            "Numero verde antitratta @ -",
            "Sportello lavoro Latina @ Sportello Latina",
            "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
            "Unità di strada Agro Pontino @ Sosta Fondi",
        ]
    );
    let hit = &all["items"][3];
    assert_eq!(hit["comune_name"], "Latina");
    assert_eq!(hit["province_abbreviation"], "LT");
    assert_eq!(hit["organisation_name"], "job_centre Lazio");
    assert_eq!(hit["languages"], json!(["it", "pa", "hi"]));

    // Each criterion on its own.
    let cases: &[(&str, &[&str])] = &[
        (
            "need_area=health",
            &[
                "Ambulatorio di prossimità @ Ambulatorio Sabaudia",
                "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
                "Unità di strada Agro Pontino @ Sosta Fondi",
            ],
        ),
        (
            "language=UR",
            &[
                "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
                "Unità di strada Agro Pontino @ Sosta Fondi",
            ],
        ),
        (
            "region=tos",
            &["Casa di accoglienza Città di Firenze @ Accoglienza Firenze"],
        ),
        ("region=12&need_area=legal_aid", &[]),
        (
            "province=LT&kind=mobile_unit_stop",
            &[
                "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
                "Unità di strada Agro Pontino @ Sosta Fondi",
            ],
        ),
        (
            "province=048",
            &["Casa di accoglienza Città di Firenze @ Accoglienza Firenze"],
        ),
        (
            "comune=059024",
            &["Ambulatorio di prossimità @ Ambulatorio Sabaudia"],
        ),
        (
            &*format!("organisation={tos}"),
            &["Casa di accoglienza Città di Firenze @ Accoglienza Firenze"],
        ),
        // Monday 07:30 in Italy: the van at Borgo Hermada and the shelter.
        (
            "open_now=true&at=2026-05-04T07:30",
            &[
                "Casa di accoglienza Città di Firenze @ Accoglienza Firenze",
                "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
            ],
        ),
        // Tuesday 15:00: the clinic opens; 13:00 on a weekday the desk has closed.
        (
            "open_now=true&at=2026-05-05T15:00&need_area=health",
            &["Ambulatorio di prossimità @ Ambulatorio Sabaudia"],
        ),
        ("open_now=true&at=2026-05-05T13:00&province=LT", &[]),
        // Text: accents and case do not matter; names that start with it first.
        (
            "text=citta",
            &["Casa di accoglienza Città di Firenze @ Accoglienza Firenze"],
        ),
        ("text=sportello", &["Sportello lavoro Latina @ Sportello Latina"]),
        (
            "text=strada",
            &[
                "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
                "Unità di strada Agro Pontino @ Sosta Fondi",
            ],
        ),
    ];
    for (query, expected) in cases {
        let found = search(&t, &reader, query).await;
        assert_eq!(names(&found), *expected, "{query}");
        assert_eq!(found["total"], expected.len(), "{query}");
    }
    let open = search(&t, &reader, "at=2026-05-04T07:30&comune=059032").await;
    assert_eq!(open["items"][0]["open_now"], true);
    let closed = search(&t, &reader, "at=2026-05-04T10:30&comune=059032").await;
    assert_eq!(closed["items"][0]["open_now"], false);

    // Nearest first from a point, with the great-circle distance.
    let near = search(&t, &reader, &format!("near={},{}", LATINA.0, LATINA.1)).await;
    assert_eq!(
        names(&near),
        vec![
            "Sportello lavoro Latina @ Sportello Latina",
            "Ambulatorio di prossimità @ Ambulatorio Sabaudia",
            "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
            "Unità di strada Agro Pontino @ Sosta Fondi",
            "Casa di accoglienza Città di Firenze @ Accoglienza Firenze",
        ]
    );
    let distances: Vec<f64> = near["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["distance_km"].as_f64().unwrap())
        .collect();
    let latina = GeoPoint::new(LATINA.0, LATINA.1).unwrap();
    let sabaudia = latina.distance_km(GeoPoint::new(41.3003, 13.0286).unwrap());
    assert!(distances[0] < 0.01, "{distances:?}");
    assert!((distances[1] - sabaudia).abs() < 1e-6, "{distances:?} {sabaudia}");
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    // Within a radius: Sabaudia is about 21 km away, Borgo Hermada about 28.
    let within = search(
        &t,
        &reader,
        &format!("near={},{}&within_km=25", LATINA.0, LATINA.1),
    )
    .await;
    assert_eq!(
        names(&within),
        vec![
            "Sportello lavoro Latina @ Sportello Latina",
            "Ambulatorio di prossimità @ Ambulatorio Sabaudia",
        ]
    );
    // From another location of the directory: the van's stop at Fondi.
    let fondi = &created[2]["locations"][1]["id"];
    let from_fondi = search(
        &t,
        &reader,
        &format!("near_location={}&within_km=40", fondi.as_str().unwrap()),
    )
    .await;
    assert_eq!(
        names(&from_fondi),
        vec![
            "Unità di strada Agro Pontino @ Sosta Fondi",
            "Unità di strada Agro Pontino @ Sosta Borgo Hermada",
            "Ambulatorio di prossimità @ Ambulatorio Sabaudia",
        ]
    );

    // Paging: the pages split the same ranking, the total stays.
    let first = search(&t, &reader, "per_page=4").await;
    let second = search(&t, &reader, "per_page=4&page=2").await;
    assert_eq!(
        (first["total"].clone(), second["total"].clone()),
        (json!(6), json!(6))
    );
    assert_eq!(
        (second["page"].clone(), second["per_page"].clone()),
        (json!(2), json!(4))
    );
    let mut both = names(&first);
    both.extend(names(&second));
    assert_eq!(both, names(&all));

    // Suspended services: for those who keep them only.
    let mine = search(&t, &lazio, &format!("organisation={laz}&include_inactive=true")).await;
    assert_eq!(mine["total"], 6);
    let refused = t
        .get(
            &tuscany,
            &format!("/api/v1/services?organisation={laz}&include_inactive=true"),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 403);

    // Criteria that cannot be read: 422 naming them.
    for (query, field, code) in [
        ("near=abc", "near", "invalid_coordinates"),
        ("near=95,12", "near", "invalid_coordinates"),
        ("comune=999999", "comune", "unknown_comune"),
        ("province=ZZ", "province", "unknown_province"),
        ("need_area=food", "need_area", "invalid_need_area"),
        ("within_km=10", "within_km", "near_required"),
        ("at=tomorrow", "at", "invalid_moment"),
        (
            &*format!("near_location={}", uuid::Uuid::now_v7()),
            "near_location",
            "unknown_location",
        ),
    ] {
        let reply = t.get(&reader, &format!("/api/v1/services?{query}")).await;
        assert_eq!(reply.status.as_u16(), 422, "{query}: {:#}", reply.body);
        assert_eq!(reply.body["error"]["fields"][0]["field"], field, "{query}");
        assert_eq!(reply.body["error"]["fields"][0]["code"], code, "{query}");
    }
}
