//! The employer's proposals: the persons proposed to its offers, each with
//! their consent, and the form that answers them.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use soleil_app::job_offers::OfferQuery;
use soleil_app::{AppError, Operation, policy};

use super::super::form::{Choice, Refused, chrome_for};
use super::super::{Chrome, error_page, render_with};
use super::offers::{ProposalRow, answers};
use crate::AppState;
use crate::auth::PageUser;

/// Where the employer's proposals are.
pub(super) const PATH: &str = "/employer/proposals";

pub(super) fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(proposals))
}

#[derive(Template)]
#[template(path = "job_offers/employer.html")]
struct ProposalsPage {
    chrome: Chrome,
    title: String,
    rows: Vec<ProposalRow>,
    may_answer: bool,
    answers: Vec<Choice>,
    offer_id: String,
    refused: Refused,
}

async fn proposals(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, PATH, query.as_deref());
    proposals_page(&state, chrome, &page, Refused::none(), StatusCode::OK).await
}

/// The proposals made to the employer's offers, the newest first, with the
/// answer form that was refused as typed.
pub(super) async fn proposals_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    // The page is the employer's own: staff answer from the offer's page.
    if !policy::permits(page.user.role, Operation::UseEmployerPortal) {
        return error_page(chrome, AppError::Forbidden);
    }
    let offers = match state.app.job_offers(&page.user, &OfferQuery::default()).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    let mut cards = Vec::new();
    for offer in &offers {
        match state.app.offer_proposals(&page.user, offer.id).await {
            Ok(list) => cards.extend(list),
            Err(AppError::NotFound(_)) => {}
            Err(error) => return error_page(chrome, error),
        }
    }
    cards.sort_by_key(|c| std::cmp::Reverse(c.view.proposal.proposed_at));
    render_with(
        status,
        ProposalsPage {
            title: chrome.t("jo-employer-title"),
            rows: cards.iter().map(|c| ProposalRow::new(lang, c)).collect(),
            may_answer: true,
            answers: answers(lang, page.user.role),
            offer_id: String::new(),
            refused,
            chrome,
        },
    )
}
