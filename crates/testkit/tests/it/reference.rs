//! The comuni of Italy over HTTP, on both backends: every signed-in role
//! searches them by name for autocompletion, within a region of the network
//! or not, and reads one by its ISTAT code; bad queries and unknown codes
//! get a clear 4xx, callers without a token nothing.
//!
//! The codice fiscale too: computed from a person's data with the Belfiore
//! codes of comuni and foreign states, checked and decoded, and checked when
//! a person is recorded with one.

use reqwest::Method;
use serde_json::Value;
use soleil_domain::{RegionCode, Role};
use soleil_testkit::{Backend, csrf, message, on_both_backends, spawn};

on_both_backends!(
    comuni_are_found_by_name_and_code,
    bad_queries_and_unknown_codes_are_refused_clearly,
    a_codice_fiscale_is_computed_for_persons_born_in_italy_or_abroad,
    a_codice_fiscale_that_cannot_be_computed_names_the_field,
    a_codice_fiscale_is_checked_and_decoded,
    a_person_is_recorded_with_a_valid_codice_fiscale_only,
    the_contact_form_and_the_person_page_show_the_codice_fiscale
);

fn names(found: &Value) -> Vec<&str> {
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect()
}

async fn comuni_are_found_by_name_and_code(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Tos, "ref").await;
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "ref").await;

    let roma = t.get(&auditor, "/api/v1/comuni/058091").await.expect(200);
    assert_eq!(roma["name"], "Roma");
    assert_eq!(roma["province_abbreviation"], "RM");
    assert_eq!(roma["region_code"], "12");
    assert_eq!(roma["cadastral_code"], "H501");
    // Postcodes have no clear licence: they are never served.
    assert!(roma.get("cap").is_none() && roma.get("postcode").is_none());

    let latina = t
        .get(&frontline, "/api/v1/comuni?q=latina&region=laz")
        .await
        .expect(200);
    assert_eq!(names(&latina).first(), Some(&"Latina"));

    // Accents, case and the rest of the name need not be typed.
    let forli = t
        .get(&frontline, "/api/v1/comuni?q=FORLI&limit=3")
        .await
        .expect(200);
    assert_eq!(names(&forli).first(), Some(&"Forlì"));
    assert!(names(&forli).len() <= 3);

    // A region of the network keeps the others out.
    let molise = t
        .get(&frontline, "/api/v1/comuni?q=san&region=mol&limit=50")
        .await
        .expect(200);
    let molise = molise.as_array().unwrap();
    assert!(!molise.is_empty());
    assert!(molise.iter().all(|c| c["region_code"] == "14"), "{molise:?}");
    let roma_in_toscana = t
        .get(&frontline, "/api/v1/comuni?q=roma&region=tos")
        .await
        .expect(200);
    assert!(!names(&roma_in_toscana).contains(&"Roma"));

    let nothing = t.get(&frontline, "/api/v1/comuni?q=xyzzy").await.expect(200);
    assert_eq!(nothing, Value::Array(Vec::new()));
}

async fn bad_queries_and_unknown_codes_are_refused_clearly(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let coordinator = t.user(Role::Coordinator, RegionCode::Abr, "ref").await;

    let unknown = t.get(&coordinator, "/api/v1/comuni/999999").await.expect(404);
    assert_eq!(unknown["error"]["code"], "not_found");
    assert!(
        unknown["error"]["message"].as_str().unwrap().contains("999999"),
        "{unknown:#}"
    );

    for path in [
        "/api/v1/comuni/58091",
        "/api/v1/comuni/roma",
        "/api/v1/comuni",
        "/api/v1/comuni?q=",
        "/api/v1/comuni?q=%20%20",
        "/api/v1/comuni?q=roma&limit=0",
        "/api/v1/comuni?q=roma&limit=51",
        "/api/v1/comuni?q=roma&limit=many",
        "/api/v1/comuni?q=roma&region=lom",
    ] {
        let refused = t.get(&coordinator, path).await.expect(400);
        assert_eq!(refused["error"]["code"], "invalid_request", "{path}");
        assert!(
            !refused["error"]["message"].as_str().unwrap().is_empty(),
            "{path}"
        );
    }
    let long = format!("/api/v1/comuni?q={}", "a".repeat(101));
    t.get(&coordinator, &long).await.expect(400);

    let anonymous = t.call(None, Method::GET, "/api/v1/comuni?q=roma", None).await;
    assert_eq!(anonymous.status.as_u16(), 401);
    let anonymous = t.call(None, Method::GET, "/api/v1/comuni/058091", None).await;
    assert_eq!(anonymous.status.as_u16(), 401);
}

fn computed(query: &str) -> String {
    format!("/api/v1/codice-fiscale?{query}")
}

async fn a_codice_fiscale_is_computed_for_persons_born_in_italy_or_abroad(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "cf").await;

    // The Agenzia delle Entrate's example: Mario Rossi, born in San Giuliano Terme (PI).
    let rossi = t
        .get(
            &frontline,
            &computed(
                "surname=Rossi&given_name=Mario&sex=male&date_of_birth=1985-12-10&place_of_birth=San%20Giuliano%20Terme",
            ),
        )
        .await
        .expect(200);
    assert_eq!(rossi["codice_fiscale"], "RSSMRA85T10A562S");
    assert_eq!(rossi["place_of_birth"]["belfiore_code"], "A562");
    assert_eq!(rossi["place_of_birth"]["abroad"], false);

    // Born in Morocco, the state named in Italian.
    let youssef = t
        .get(
            &frontline,
            &computed("surname=El%20Amrani&given_name=Youssef&sex=male&date_of_birth=1990-03-03&place_of_birth=marocco"),
        )
        .await
        .expect(200);
    assert_eq!(youssef["codice_fiscale"], "LMRYSF90C03Z330E");
    assert_eq!(youssef["place_of_birth"]["name"], "Marocco");
    assert_eq!(youssef["place_of_birth"]["abroad"], true);

    // A woman born in India, the state given by its ISO code.
    let harpreet = t
        .get(
            &frontline,
            &computed(
                "surname=Kaur&given_name=Harpreet&sex=female&date_of_birth=2001-07-15&place_of_birth=IN",
            ),
        )
        .await
        .expect(200);
    assert_eq!(harpreet["codice_fiscale"], "KRAHPR01L55Z222E");

    // A comune two share, told apart by its province.
    let castro = t
        .get(
            &frontline,
            &computed("surname=Rossi&given_name=Mario&sex=male&date_of_birth=1985-12-10&place_of_birth=Castro%20(LE)"),
        )
        .await
        .expect(200);
    assert_eq!(castro["place_of_birth"]["name"], "Castro (LE)");

    let anonymous = t.call(None, Method::GET, &computed("surname=Rossi"), None).await;
    assert_eq!(anonymous.status.as_u16(), 401);

    // Both routes are in the API's description, with their answers' schemas.
    let openapi = t
        .call(None, Method::GET, "/api/openapi.json", None)
        .await
        .expect(200);
    for path in ["/api/v1/codice-fiscale", "/api/v1/codice-fiscale/{code}"] {
        assert!(
            openapi["paths"][path]["get"].is_object(),
            "{path} is not described"
        );
    }
    for schema in ["ComputedCodiceFiscale", "CodiceFiscaleCheck", "BirthPlace"] {
        assert!(
            openapi["components"]["schemas"][schema].is_object(),
            "no schema {schema}"
        );
    }
}

async fn a_codice_fiscale_that_cannot_be_computed_names_the_field(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let secretariat = t.user(Role::Secretariat, RegionCode::Mar, "cf").await;

    let fields = |reply: &Value| -> Vec<(String, String)> {
        reply["error"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap().to_owned(),
                    f["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let base = "surname=Rossi&given_name=Mario&sex=male&date_of_birth=1985-12-10";

    let ambiguous = t
        .get(&secretariat, &computed(&format!("{base}&place_of_birth=Castro")))
        .await
        .expect(422);
    assert_eq!(
        fields(&ambiguous),
        [("place_of_birth".to_owned(), "ambiguous_birth_place".to_owned())]
    );
    let message = ambiguous["error"]["fields"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("Castro (BG)") && message.contains("Castro (LE)"),
        "{message}"
    );

    let unknown = t
        .get(
            &secretariat,
            &computed(&format!("{base}&place_of_birth=Atlantide")),
        )
        .await
        .expect(422);
    assert_eq!(
        fields(&unknown),
        [("place_of_birth".to_owned(), "unknown_birth_place".to_owned())]
    );

    let nothing = t.get(&secretariat, &computed("")).await.expect(422);
    let named: Vec<String> = fields(&nothing).into_iter().map(|(field, _)| field).collect();
    assert_eq!(
        named,
        ["surname", "given_name", "sex", "date_of_birth", "place_of_birth"]
    );

    let other = t
        .get(
            &secretariat,
            &computed(
                "surname=Rossi&given_name=Mario&sex=other&date_of_birth=10-12-1985&place_of_birth=Roma",
            ),
        )
        .await
        .expect(422);
    assert_eq!(
        fields(&other),
        [
            ("sex".to_owned(), "codice_fiscale_sex".to_owned()),
            ("date_of_birth".to_owned(), "invalid_date".to_owned())
        ]
    );
}

async fn a_codice_fiscale_is_checked_and_decoded(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let auditor = t.user(Role::Auditor, RegionCode::Tos, "cf").await;

    let rossi = t
        .get(&auditor, "/api/v1/codice-fiscale/rssmra85t10a562s")
        .await
        .expect(200);
    assert_eq!(rossi["valid"], true);
    assert_eq!(rossi["codice_fiscale"], "RSSMRA85T10A562S");
    assert_eq!(rossi["date_of_birth"], "1985-12-10");
    assert_eq!(rossi["sex"], "male");
    assert_eq!(rossi["place_of_birth"]["name"], "San Giuliano Terme (PI)");
    assert_eq!(rossi["omocodia_level"], 0);
    assert_eq!(rossi["errors"], Value::Array(Vec::new()));

    // Omocodia: the last digit replaced with its letter, a check character of its own.
    let omocodic = t
        .get(&auditor, "/api/v1/codice-fiscale/RSSMRA85T10A56NH")
        .await
        .expect(200);
    assert_eq!(omocodic["valid"], true);
    assert_eq!(omocodic["omocodia_level"], 1);
    assert_eq!(omocodic["canonical"], "RSSMRA85T10A562S");

    // A woman born abroad.
    let harpreet = t
        .get(&auditor, "/api/v1/codice-fiscale/KRAHPR01L55Z222E")
        .await
        .expect(200);
    assert_eq!(harpreet["sex"], "female");
    assert_eq!(harpreet["date_of_birth"], "2001-07-15");
    assert_eq!(harpreet["place_of_birth"]["name"], "India");
    assert_eq!(harpreet["place_of_birth"]["abroad"], true);

    for (code, error, detail) in [
        ("RSSMRA85T10A562T", "codice_fiscale_check_character", "expected S"),
        ("RSSMRA85T10A562", "invalid_codice_fiscale", "length 15"),
        ("RSSMRA85Z10A562S", "invalid_codice_fiscale", "position 9: Z"),
    ] {
        let checked = t
            .get(&auditor, &format!("/api/v1/codice-fiscale/{code}"))
            .await
            .expect(200);
        assert_eq!(checked["valid"], false, "{code}");
        assert_eq!(checked["errors"][0]["code"], error, "{code}");
        assert_eq!(checked["errors"][0]["detail"], detail, "{code}");
        assert_eq!(checked["date_of_birth"], Value::Null, "{code}");
    }
}

async fn a_person_is_recorded_with_a_valid_codice_fiscale_only(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "cf").await;
    let person = |code: &str, born: &str, sex: &str| {
        serde_json::json!({
            "given_name": "Youssef", "surname": "El Amrani", "sex": sex, "date_of_birth": born,
            "place_of_birth": "Marocco", "codice_fiscale": code, "confirm_new_person": true
        })
    };
    let field_error = |reply: &Value| {
        let field = &reply["error"]["fields"][0];
        (
            field["field"].as_str().unwrap().to_owned(),
            field["code"].as_str().unwrap().to_owned(),
            field["message"].as_str().unwrap().to_owned(),
        )
    };

    let wrong_check = t
        .post(
            &frontline,
            "/api/v1/persons",
            person("LMRYSF90C03Z330A", "1990-03-03", "male"),
        )
        .await
        .expect(422);
    let (field, code, message) = field_error(&wrong_check);
    assert_eq!(
        (field.as_str(), code.as_str()),
        ("codice_fiscale", "codice_fiscale_check_character")
    );
    assert!(message.contains("expected E"), "{message}");

    let malformed = t
        .post(
            &frontline,
            "/api/v1/persons",
            person("LMRYSF90C03Z33", "1990-03-03", "male"),
        )
        .await
        .expect(422);
    assert_eq!(field_error(&malformed).1, "invalid_codice_fiscale");

    let mismatch = t
        .post(
            &frontline,
            "/api/v1/persons",
            person("LMRYSF90C03Z330E", "1990-03-04", "female"),
        )
        .await
        .expect(422);
    let (field, code, message) = field_error(&mismatch);
    assert_eq!(
        (field.as_str(), code.as_str()),
        ("codice_fiscale", "codice_fiscale_mismatch")
    );
    assert!(message.contains("date_of_birth, sex"), "{message}");

    let recorded = t
        .post(
            &frontline,
            "/api/v1/persons",
            person("lmry sf90c03 z330e", "1990-03-03", "male"),
        )
        .await
        .expect(201);
    assert_eq!(recorded["codice_fiscale"], "LMRYSF90C03Z330E");
    assert_eq!(recorded["place_of_birth"], "Marocco");
    let id = recorded["id"].as_str().unwrap();
    let file = t
        .get(&frontline, &format!("/api/v1/persons/{id}"))
        .await
        .expect(200);
    assert_eq!(file["person"]["codice_fiscale"], "LMRYSF90C03Z330E");
    assert_eq!(file["person"]["place_of_birth"], "Marocco");

    // Found again by the code.
    let found = t
        .get(&frontline, "/api/v1/persons?q=LMRYSF90C03Z330E")
        .await
        .expect(200);
    assert!(found.to_string().contains(id), "{found:#}");
}

async fn the_contact_form_and_the_person_page_show_the_codice_fiscale(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let frontline = t.user(Role::Frontline, RegionCode::Laz, "cf").await;
    let browser = t.signed_in(&frontline).await;

    let form = browser.get(t.url("/contacts/new")).send().await.unwrap();
    let form = form.text().await.unwrap();
    for field in ["codice_fiscale", "place_of_birth"] {
        assert!(form.contains(&format!(r#"id="{field}""#)), "no {field} field");
        // Up to the first apostrophe, which the page escapes.
        let hint = message("it", &format!("intake-{field}-hint"));
        let hint = hint.split('\'').next().unwrap_or_default();
        assert!(form.contains(hint), "no hint for {field}");
    }

    // A slip in the code: the form comes back with the field's message and what was typed.
    let refused = browser
        .post(t.url("/contacts/new"))
        .form(&[
            ("csrf", csrf(&form).as_str()),
            ("given_name", "Youssef"),
            ("surname", "El Amrani"),
            ("sex", "male"),
            ("date_of_birth", "1990-03-03"),
            ("place_of_birth", "Marocco"),
            ("codice_fiscale", "LMRYSF90C03Z330A"),
            ("contact_channel", "desk"),
            ("save", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    let error = message("it", "error-codice_fiscale_check_character");
    assert!(refused.contains(error.split('\'').next().unwrap_or_default()));
    assert!(refused.contains("LMRYSF90C03Z330A"));

    // Recorded without a code: the page computes one, to check against the card.
    let body = serde_json::json!({
        "given_name": "Youssef", "surname": "El Amrani", "sex": "male", "date_of_birth": "1990-03-03",
        "place_of_birth": "Marocco", "confirm_new_person": true
    });
    let person = t.post(&frontline, "/api/v1/persons", body).await.expect(201);
    let path = format!("/persons/{}", person["id"].as_str().unwrap());
    let page = browser
        .get(t.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&message("it", "intake-codice-fiscale-suggestion")));
    assert!(page.contains("LMRYSF90C03Z330E"));
    assert!(page.contains("Marocco"));

    // With a code recorded, the code is shown and nothing is computed.
    let body = serde_json::json!({
        "given_name": "Harpreet", "surname": "Kaur", "sex": "female", "date_of_birth": "2001-07-15",
        "place_of_birth": "India", "codice_fiscale": "KRAHPR01L55Z222E", "confirm_new_person": true
    });
    let person = t.post(&frontline, "/api/v1/persons", body).await.expect(201);
    let path = format!("/persons/{}", person["id"].as_str().unwrap());
    let page = browser
        .get(t.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("KRAHPR01L55Z222E"));
    assert!(!page.contains(&message("it", "intake-codice-fiscale-suggestion")));
}
