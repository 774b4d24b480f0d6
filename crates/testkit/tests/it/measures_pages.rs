//! Budgets and disbursements from the pages, on both backends: a line
//! opened through its form (a refused one keeps what was typed), its amount
//! never lowered below what it holds, a voucher proposed from the case's
//! page, refused without a reason and with one, another approved and paid,
//! and the pages each role may not open.

use chrono::Duration;
use soleil_domain::RegionCode;
use soleil_testkit::inclusion::{InclusionTeam, today};
use soleil_testkit::{Backend, csrf, message, on_both_backends, spawn};

on_both_backends!(a_voucher_goes_from_the_case_page_to_its_payment);

async fn a_voucher_goes_from_the_case_page_to_its_payment(backend: Backend) {
    let Some(t) = spawn(backend).await else { return };
    let team = InclusionTeam::new(&t, RegionCode::Abr, "money").await;
    let case = team.case_in_inclusion(&t, 1).await;
    let secretariat = t.signed_in(&team.secretariat).await;
    let manager = t.signed_in(&team.case_manager).await;
    let (from, to) = (today().to_string(), (today() + Duration::days(90)).to_string());

    // A line refused for its amount keeps what was typed and says why.
    let (status, html) = t.page(&secretariat, "/budgets").await;
    assert_eq!(status, 200, "{html}");
    let token = csrf(&html);
    let mut typed = vec![
        ("csrf", token.as_str()),
        ("funding_source", "fse_plus"),
        ("code", "ABR-VT-1"),
        ("name", "Voucher trasporto"),
        ("measures", "transport_voucher"),
        ("measures", "care_voucher"),
        ("amount", "mille euro"),
        ("valid_from", from.as_str()),
        ("valid_to", to.as_str()),
    ];
    let (status, _, refused) = t.post_form(&secretariat, "/budgets", &typed).await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.contains(r#"id="line-amount-error""#), "{refused}");
    assert!(refused.contains(r#"value="ABR-VT-1""#));
    assert!(refused.contains(r#"value="care_voucher" checked"#), "ticks kept");
    typed[6] = ("amount", "100,00");
    let (status, line_page, _) = t.post_form(&secretariat, "/budgets", &typed).await;
    assert_eq!(status, 303);
    let line_page = line_page.split('?').next().unwrap().to_owned();
    let line = line_page.trim_start_matches("/budgets/").to_owned();

    // The case manager proposes two vouchers from the case's page.
    let case_page = format!("/cases/{}/disbursements", case.case);
    let (status, html) = t.page(&manager, &case_page).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("ABR-VT-1"), "the line is offered: {html}");
    let token = csrf(&html);
    for amount in ["60,00", "30,00"] {
        let form = [
            ("csrf", token.as_str()),
            ("measure", "transport_voucher"),
            ("budget_line_id", line.as_str()),
            ("period_from", from.as_str()),
            ("period_to", from.as_str()),
            ("amount", amount),
        ];
        let (status, _, body) = t.post_form(&manager, &case_page, &form).await;
        assert_eq!(status, 303, "{body}");
    }
    // A third that the line cannot hold, once the others are approved, is
    // refused on approval; typed amounts the line never pays are refused at once.
    let over = [
        ("csrf", token.as_str()),
        ("measure", "housing_voucher"),
        ("budget_line_id", line.as_str()),
        ("period_from", from.as_str()),
        ("period_to", from.as_str()),
        ("amount", "10,00"),
        ("note", "Affitto di dicembre"),
    ];
    let (status, _, refused) = t.post_form(&manager, &case_page, &over).await;
    assert_eq!(status, 422);
    assert!(
        refused.contains(r#"id="disbursement-measure-error""#),
        "{refused}"
    );
    assert!(refused.contains("Affitto di dicembre"), "the note is kept");

    // The secretariat's queue lists both, oldest first.
    let (status, queue) = t.page(&secretariat, "/disbursements?status=proposed").await;
    assert_eq!(status, 200, "{queue}");
    let first = queue.find("60,00").expect("the first voucher");
    let second = queue.find("30,00").expect("the second voucher");
    assert!(first < second, "oldest first");
    let ids: Vec<String> = queue
        .match_indices("href=\"/disbursements/")
        .map(|(at, _)| queue[at + 21..].split('"').next().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 2, "{queue}");
    let (approve, refuse) = (&ids[0], &ids[1]);

    // A refusal needs its reason, shown by its field; then it is refused.
    let path = format!("/disbursements/{refuse}");
    let (_, html) = t.page(&secretariat, &path).await;
    let token = csrf(&html);
    let (status, _, refused) = t
        .post_form(
            &secretariat,
            &format!("{path}/refuse"),
            &[("csrf", token.as_str()), ("reason", " ")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains(r#"id="refuse-reason-error""#), "{refused}");
    let reason = [
        ("csrf", token.as_str()),
        ("reason", "Abbonamento già pagato dal Comune"),
    ];
    let (status, _, _) = t
        .post_form(&secretariat, &format!("{path}/refuse"), &reason)
        .await;
    assert_eq!(status, 303);

    // The other is approved, then paid: not on a day to come.
    let path = format!("/disbursements/{approve}");
    let (status, _, _) = t
        .post_form(
            &secretariat,
            &format!("{path}/approve"),
            &[("csrf", token.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let tomorrow = (today() + Duration::days(1)).to_string();
    let early = [
        ("csrf", token.as_str()),
        ("paid_on", tomorrow.as_str()),
        ("payment_reference", "TRN 77"),
    ];
    let (status, _, refused) = t.post_form(&secretariat, &format!("{path}/pay"), &early).await;
    assert_eq!(status, 422);
    assert!(
        refused.contains(&message("it", "error-paid_in_the_future")),
        "{refused}"
    );
    assert!(refused.contains(r#"value="TRN 77""#));
    let paid = [
        ("csrf", token.as_str()),
        ("paid_on", from.as_str()),
        ("payment_reference", "TRN 77"),
    ];
    let (status, _, _) = t.post_form(&secretariat, &format!("{path}/pay"), &paid).await;
    assert_eq!(status, 303);
    let (_, html) = t.page(&secretariat, &path).await;
    assert!(html.contains("TRN 77") && html.contains(&message("it", "disbursement_status-paid")));

    // The line holds what it paid: lowering it below that is refused in words.
    let token = csrf(&t.page(&secretariat, &line_page).await.1);
    let lower = [("csrf", token.as_str()), ("amount", "59,99")];
    let (status, _, refused) = t
        .post_form(&secretariat, &format!("{line_page}/amount"), &lower)
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains(r#"id="amount-amount-error""#), "{refused}");
    let (_, html) = t.page(&secretariat, &line_page).await;
    assert!(
        html.contains("60,00") && html.contains("40,00"),
        "paid and left: {html}"
    );

    // Who may not: the case manager opens no line and decides nothing; a
    // service user sees no disbursement.
    let token = csrf(&t.page(&manager, &case_page).await.1);
    let (status, _, _) = t
        .post_form(&manager, "/budgets", &[("csrf", token.as_str())])
        .await;
    assert_eq!(status, 403);
    let (status, _, _) = t
        .post_form(&manager, &format!("{path}/approve"), &[("csrf", token.as_str())])
        .await;
    assert_eq!(status, 403);
    let service = t.signed_in(&team.service).await;
    assert_eq!(t.page(&service, "/disbursements").await.0, 403);
    assert_eq!(t.page(&service, &path).await.0, 403);
}
