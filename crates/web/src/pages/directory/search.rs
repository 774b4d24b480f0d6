//! `/directory`: the search page. Filters in the query string, ranked and
//! paged results with distance and "open now", and the link to the map of
//! the same search.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use soleil_app::{Operation, policy};

use super::filters::{FilterForm, Filters, Found, search};
use super::results::ResultRow;
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form::list_chrome;
use crate::pages::pager::Pager;
use crate::pages::{Chrome, error_page, render_with};

/// Results a page lists.
const PAGE_SIZE: u32 = 20;

#[derive(Template)]
#[template(path = "directory/search.html")]
struct SearchPage {
    chrome: Chrome,
    title: String,
    filter_form: FilterForm,
    rows: Vec<ResultRow>,
    pager: Pager,
    map_href: String,
    /// Whether a search was asked for (any filter), so an empty list says so.
    searched: bool,
    /// Links to add a service, for those who keep some.
    may_add: bool,
    /// Link to the import page, for those who may import.
    may_import: bool,
}

pub(super) async fn page(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let raw = raw.as_deref();
    let chrome = list_chrome(&page, "/directory", raw);
    let lang = chrome.lang;
    let filters = Filters::read(raw);
    let requested = Pager::requested(raw, PAGE_SIZE);
    let Found {
        hits,
        total,
        filter_form,
        status,
    } = match search(&state, &page.user, lang, "/directory", &filters, requested).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    render_with(
        status,
        SearchPage {
            title: chrome.t("directory-title"),
            rows: hits
                .iter()
                .map(|hit| ResultRow::of(lang, hit, &filters.values))
                .collect(),
            pager: Pager::new(lang, "/directory", raw, requested, total),
            map_href: filters.link("/directory/map"),
            searched: !filters.kept.is_empty(),
            may_add: policy::permits(page.user.role, Operation::EditService),
            may_import: policy::permits(page.user.role, Operation::ImportDirectory),
            filter_form,
            chrome,
        },
    )
}
