//! The statements page over HTTP, on both backends: a transport voucher
//! proposed, approved and paid through the API, then the secretariat's
//! statement of its line on screen, as CSV (with the byte order mark Excel
//! needs), as XLSX (the amount a number) and as PDF; the person's own
//! statement; a query without line or person refused with 422; the case
//! manager refused the files. And the page in Chromium, checked with axe.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::Duration;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use serde_json::json;
use soleil_domain::RegionCode;
use soleil_testkit::inclusion::{InclusionCase, InclusionTeam, today};
use soleil_testkit::{Backend, TestApp, message, on_both_backends, spawn};

on_both_backends!(
    a_paid_voucher_is_stated_on_screen_and_in_every_file,
    the_statement_of_a_line_in_a_browser
);

/// A file as a browser downloads it.
struct Download {
    status: StatusCode,
    content_type: String,
    disposition: String,
    cache: String,
    bytes: Vec<u8>,
}

async fn download(client: &reqwest::Client, t: &TestApp, path: &str) -> Download {
    let reply = client.get(t.url(path)).send().await.expect("download");
    let header = |name| {
        reply
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    Download {
        status: reply.status(),
        content_type: header(CONTENT_TYPE),
        disposition: header(CONTENT_DISPOSITION),
        cache: header(CACHE_CONTROL),
        bytes: reply.bytes().await.expect("body").to_vec(),
    }
}

async fn page(client: &reqwest::Client, t: &TestApp, path: &str) -> (StatusCode, String) {
    let reply = download(client, t, path).await;
    (reply.status, String::from_utf8(reply.bytes).expect("a page"))
}

/// Line FSE-IND paying transport vouchers, and a voucher of 25,00 € on the
/// case for its first week: proposed by the case manager, approved and paid
/// by the secretariat. The line's id.
async fn paid_voucher(t: &TestApp, team: &InclusionTeam, case: &InclusionCase) -> String {
    let line = json!({
        "funding_source": "fse_plus", "code": "FSE-IND", "name": "Voucher di mobilità",
        "measures": ["transport_voucher"], "amount": "1.000,00",
        "valid_from": today().to_string(), "valid_to": (today() + Duration::days(365)).to_string(),
    });
    let line = t
        .post(&team.secretariat, "/api/v1/budget-lines", line)
        .await
        .expect(201);
    let line = line["id"].as_str().unwrap().to_owned();
    let voucher = json!({ "budget_line_id": line, "measure": "transport_voucher", "amount": "25,00",
                          "period_from": today().to_string(),
                          "period_to": (today() + Duration::days(6)).to_string() });
    let voucher = t
        .post(
            &team.case_manager,
            &format!("/api/v1/cases/{}/disbursements", case.case),
            voucher,
        )
        .await
        .expect(201);
    let path = format!("/api/v1/disbursements/{}", voucher["id"].as_str().unwrap());
    t.post(&team.secretariat, &format!("{path}/approve"), json!({}))
        .await
        .expect(200);
    let payment = json!({ "paid_on": today().to_string(), "payment_reference": "TRN 0001" });
    t.post(&team.secretariat, &format!("{path}/pay"), payment)
        .await
        .expect(200);
    line
}

/// The first sheet's cells as a grid.
fn sheet(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX file");
    let range = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("its cells");
    range.rows().map(<[Data]>::to_vec).collect()
}

async fn a_paid_voucher_is_stated_on_screen_and_in_every_file(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "stp").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let line = paid_voucher(&t, &team, &case).await;
    let file = t
        .get(&team.case_manager, &format!("/api/v1/cases/{}", case.case))
        .await
        .expect(200);
    let surname = file["person"]["surname"].as_str().unwrap().to_owned();
    let secretariat = t.signed_in(&team.secretariat).await;

    // A first visit: the form, with the region's line to choose, no refusal.
    let (status, html) = page(&secretariat, &t, "/statements").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains(&format!(r#"<option value="{line}">FSE-IND"#)),
        "{html}"
    );
    assert!(!html.contains("alert-danger"), "{html}");

    // The line's statement for the month around the voucher.
    let (from, to) = (today() - Duration::days(15), today() + Duration::days(15));
    let query = format!("/statements?budget_line={line}&from={from}&to={to}");
    let (status, html) = page(&secretariat, &t, &query).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    for shown in [
        "FSE-IND – Voucher di mobilità",
        &surname,
        "Voucher trasporto",
        "25,00 €",
        "TRN 0001",
        &message("it", "disbursement_status-paid"),
        &message("it", "statements-total-paid"),
        // The downloads, each the same query with its format.
        &format!("from={from}&#38;to={to}&#38;format=csv\""),
        "format=xlsx\"",
        "format=pdf\"",
    ] {
        assert!(html.contains(shown), "{shown} in {html}");
    }
    assert!(html.contains(r#"<th scope="row">"#), "{html}");

    // CSV for Excel in Italian: byte order mark, `;`, a decimal comma.
    let csv = download(&secretariat, &t, &format!("{query}&format=csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"), "{}", csv.content_type);
    assert_eq!(
        csv.disposition,
        format!(r#"attachment; filename="estratto-FSE-IND-{from}-{to}.csv""#)
    );
    assert_eq!(csv.cache, "no-store");
    assert!(csv.bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(csv.bytes).unwrap();
    let row = text
        .lines()
        .find(|line| line.contains(&surname))
        .expect("the voucher's row");
    assert!(row.contains(";25,00;") && row.contains(";TRN 0001"), "{row}");
    assert!(text.contains(";25,00;;;\n"), "the paid total: {text}");

    // XLSX: the amount is a number, not text.
    let xlsx = download(&secretariat, &t, &format!("{query}&format=xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.content_type.contains("spreadsheetml"),
        "{}",
        xlsx.content_type
    );
    assert!(xlsx.disposition.ends_with(".xlsx\""), "{}", xlsx.disposition);
    let cells = sheet(xlsx.bytes);
    let voucher = cells
        .iter()
        .find(|row| row.iter().any(|c| c.to_string().contains(&surname)))
        .expect("the voucher's row");
    assert!(voucher.contains(&Data::Float(25.0)), "{voucher:?}");
    assert!(
        voucher.iter().any(|c| matches!(c, Data::DateTime(_))),
        "dates are dates: {voucher:?}"
    );

    let pdf = download(&secretariat, &t, &format!("{query}&format=pdf")).await;
    assert_eq!(
        (pdf.status, pdf.content_type.as_str()),
        (StatusCode::OK, "application/pdf")
    );
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(pdf.cache, "no-store");

    // The person's statement, as the case page will link to it.
    let person = format!("/statements?person={}", case.person);
    let (status, html) = page(&secretariat, &t, &person).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains(&format!(r#"type="hidden" name="person" value="{}""#, case.person)),
        "{html}"
    );
    assert!(html.contains("25,00 €") && html.contains(&surname), "{html}");
    let csv = download(&secretariat, &t, &format!("{person}&format=csv")).await;
    assert!(
        csv.disposition.contains("estratto-persona-") && !csv.disposition.contains(&surname),
        "{}",
        csv.disposition
    );

    // Neither line nor person: refused next to the line's field, the period kept.
    let empty = format!("/statements?budget_line=&from={from}&to={to}");
    let (status, html) = page(&secretariat, &t, &empty).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains(r#"id="budget_line-error""#), "{html}");
    assert!(html.contains(&message("it", "error-statement_of_line_or_person")));
    assert!(html.contains(&format!(r#"value="{from}""#)), "{html}");
    let (status, _) = page(&secretariat, &t, &format!("{empty}&format=csv")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Only the secretariat reads statements: the case manager gets 403.
    let manager = t.signed_in(&team.case_manager).await;
    for format in ["csv", "xlsx", "pdf"] {
        let refused = download(&manager, &t, &format!("{query}&format={format}")).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{format}");
        assert!(refused.content_type.starts_with("text/html"));
    }
    let (status, _) = page(&manager, &t, "/statements").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// In Chromium: the secretariat chooses the line in the form (this year up
/// to today, as the page proposes) and reads its statement, checked with axe.
async fn the_statement_of_a_line_in_a_browser(backend: Backend) {
    use soleil_testkit::browser::{Browser, Walk};
    let Some(t) = spawn(backend).await else { return };
    let label = format!("{}-statements", backend.name());
    let Some(browser) = Browser::start(&t.base_url, &label).await else {
        return;
    };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "stwalk").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let line = paid_voucher(&t, &team, &case).await;
    let mut w = Walk::new(browser);
    w.sign_in(&team.secretariat).await;
    w.b.open("/statements").await;
    w.b.select("#budget_line", &line).await;
    w.submit("form[action='/statements'] button[type=submit]").await;
    assert_eq!(w.status().await, 200, "at {}", w.b.path().await);
    assert_eq!(w.count("#statement-heading").await, 1);
    assert_eq!(w.count("tbody th[scope=row]").await, 4, "a row and three totals");
    w.check("statement-of-a-line").await;
    w.finish().await;
}
