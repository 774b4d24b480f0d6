//! One person, one record: the secretariat's queue of possible duplicates,
//! a pair side by side with the engine's explanation, merges and their
//! undo, the sweep of a region, and the page a merged record points from.
//! The possible matches shown on the contact form are [`MatchesView`].

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use soleil_app::identity::{FieldEvidence, MatchReport, MergeId, MergeSummary, PairId, PairSide, PairView};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::PersonId;

use super::form::{FormData, PathText, list_chrome, path_id};
use super::pager::Pager;
use super::time::{date_text, day_text};
use super::{Chrome, done, error_page, render};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

const PAIRS_PER_PAGE: u32 = 25;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/identity", get(queue))
        .route("/identity/sweep", post(sweep))
        .route("/identity/pairs/{id}", get(pair))
        .route("/identity/pairs/{id}/merge", post(merge))
        .route("/identity/pairs/{id}/distinct", post(distinct))
        .route("/identity/merges", get(merges))
        .route("/identity/merges/{id}/undo", post(undo))
        .route("/identity/merged/{id}", get(merged))
}

fn or_dash(value: Option<String>) -> String {
    value.filter(|v| !v.is_empty()).unwrap_or_else(|| "—".to_owned())
}

/// A score in bits, as people read it.
fn score_text(score: f64) -> String {
    format!("{score:.1}")
}

// ---------------------------------------------------------------------------
// The possible matches on the contact form.

/// One field of the explanation, translated.
pub struct EvidenceRow {
    pub field: String,
    /// `agreed`, `disagreed` or `missing`: the badge's class and words.
    pub verdict: &'static str,
    pub verdict_label: String,
    pub outcome: String,
    pub weight: String,
}

impl EvidenceRow {
    fn new(lang: Lang, evidence: &FieldEvidence) -> Self {
        let verdict = evidence.verdict();
        Self {
            field: lang.label("identity-field", &evidence.field),
            verdict,
            verdict_label: lang.label("identity-verdict", verdict),
            outcome: lang.label("identity-outcome", &evidence.outcome),
            weight: format!("{:+.1}", evidence.weight),
        }
    }

    pub fn badge(&self) -> &'static str {
        match self.verdict {
            "agreed" => "bg-success",
            "disagreed" => "bg-danger",
            "neutral" => "bg-light text-dark",
            _ => "bg-secondary",
        }
    }
}

/// A possible match as the contact form lists it.
pub struct MatchRow {
    pub name: String,
    pub href: String,
    pub use_href: String,
    pub facts: String,
    pub recorded: String,
    pub score: String,
    pub evidence: Vec<EvidenceRow>,
}

/// The possible matches shown on the contact form before recording.
#[derive(Default)]
pub struct MatchesView {
    pub rows: Vec<MatchRow>,
    /// Matches exist outside the operator's view.
    pub hidden: bool,
}

impl MatchesView {
    pub fn new(lang: Lang, report: &MatchReport) -> Self {
        let rows = report
            .visible
            .iter()
            .map(|m| MatchRow {
                name: m.display_name.clone(),
                href: format!("/persons/{}", m.person_id),
                use_href: format!("/persons/{}/screenings/new", m.person_id),
                facts: [
                    m.date_of_birth.map(date_text),
                    m.nationality.clone(),
                    m.place_of_birth.clone(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                recorded: lang.with_args(
                    "identity-recorded-by",
                    &[
                        ("organisation", m.recorded_by_organisation.clone().into()),
                        ("date", day_text(m.recorded_at).into()),
                    ],
                ),
                score: score_text(m.score),
                evidence: m.evidence.iter().map(|e| EvidenceRow::new(lang, e)).collect(),
            })
            .collect();
        Self {
            rows,
            hidden: report.hidden,
        }
    }

    pub fn any(&self) -> bool {
        !self.rows.is_empty()
    }
}

// ---------------------------------------------------------------------------
// The queue.

struct SideView {
    name: String,
    href: String,
    region: String,
    facts: Vec<(String, String)>,
    person_id: String,
}

impl SideView {
    fn new(lang: Lang, side: &PairSide) -> Self {
        let facts = vec![
            (lang.t("intake-given_name"), or_dash(side.given_name.clone())),
            (lang.t("intake-surname"), or_dash(side.surname.clone())),
            (
                lang.t("intake-sex"),
                or_dash(side.sex.map(|s| lang.label("sex", s.as_str()))),
            ),
            (
                lang.t("intake-date_of_birth"),
                or_dash(side.date_of_birth.map(date_text)),
            ),
            (
                lang.t("identity-field-place_of_birth"),
                or_dash(side.place_of_birth.clone()),
            ),
            (lang.t("intake-nationality"), or_dash(side.nationality.clone())),
            (
                lang.t("identity-field-codice_fiscale"),
                or_dash(side.codice_fiscale.clone()),
            ),
            (lang.t("intake-phone"), or_dash(side.phone.clone())),
            (lang.t("intake-recorded-on"), day_text(side.recorded_at)),
            (lang.t("identity-screenings"), side.screenings.to_string()),
            (lang.t("identity-cases"), side.cases.to_string()),
        ];
        Self {
            name: side.display_name.clone(),
            href: format!("/persons/{}", side.person_id),
            region: side.region.name().to_owned(),
            facts,
            person_id: side.person_id.to_string(),
        }
    }
}

struct PairRow {
    href: String,
    left: String,
    right: String,
    score: String,
    found_on: String,
}

#[derive(Template)]
#[template(path = "identity/queue.html")]
struct QueuePage {
    chrome: Chrome,
    title: String,
    rows: Vec<PairRow>,
    pager: Pager,
    may_sweep: bool,
}

async fn queue(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/identity", query.as_deref());
    let paging = Pager::requested(query.as_deref(), PAIRS_PER_PAGE);
    match state.app.identity_pairs(&page.user, paging).await {
        Ok((list, total)) => {
            let lang = chrome.lang;
            let rows = list
                .iter()
                .map(|pair| PairRow {
                    href: format!("/identity/pairs/{}", pair.id),
                    left: pair.left.display_name.clone(),
                    right: pair
                        .right
                        .as_ref()
                        .map_or_else(|| lang.t("identity-other-region"), |r| r.display_name.clone()),
                    score: score_text(pair.score),
                    found_on: day_text(pair.found_at),
                })
                .collect();
            render(QueuePage {
                title: chrome.t("identity-queue-title"),
                pager: Pager::new(lang, "/identity", query.as_deref(), paging, total),
                rows,
                may_sweep: policy::permits(page.user.role, Operation::SearchDuplicates)
                    && page.user.region.is_some(),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn sweep(State(state): State<AppState>, page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/identity");
    match state.app.sweep_region(&page.user, None).await {
        Ok(_) => done("/identity", "identity-swept"),
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// A pair.

#[derive(Template)]
#[template(path = "identity/pair.html")]
struct PairPage {
    chrome: Chrome,
    title: String,
    action: String,
    score: String,
    open: bool,
    /// The two persons; one only when the other lies outside the caller's view.
    sides: Vec<SideView>,
    other_hidden: bool,
    cross_region: bool,
    may_decide: bool,
    evidence: Vec<EvidenceRow>,
}

impl PairPage {
    fn new(chrome: Chrome, view: &PairView) -> Self {
        let lang = chrome.lang;
        let summary = &view.summary;
        Self {
            title: chrome.t("identity-pair-title"),
            action: format!("/identity/pairs/{}", summary.id),
            score: score_text(summary.score),
            open: summary.status == soleil_app::identity::PairStatus::Open,
            sides: [Some(&summary.left), summary.right.as_ref()]
                .into_iter()
                .flatten()
                .map(|side| SideView::new(lang, side))
                .collect(),
            other_hidden: summary.right.is_none(),
            cross_region: summary.cross_region,
            may_decide: summary.may_decide,
            evidence: view.evidence.iter().map(|e| EvidenceRow::new(lang, e)).collect(),
            chrome,
        }
    }
}

async fn pair(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/identity");
    let Some(id) = path_id::<PairId>(&id) else {
        return error_page(chrome, AppError::NotFound("identity_pair"));
    };
    match state.app.identity_pair(&page.user, id).await {
        Ok(view) => render(PairPage::new(chrome, &view)),
        Err(error) => error_page(chrome, error),
    }
}

async fn merge(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, "/identity");
    let (Some(id), Some(survivor)) = (
        path_id::<PairId>(&id),
        path_id::<PersonId>(&form.text("survivor")),
    ) else {
        return error_page(chrome, AppError::NotFound("identity_pair"));
    };
    match state.app.merge_pair(&page.user, id, survivor).await {
        Ok(_) => done("/identity", "identity-merged"),
        Err(error) => error_page(chrome, error),
    }
}

async fn distinct(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/identity");
    let Some(id) = path_id::<PairId>(&id) else {
        return error_page(chrome, AppError::NotFound("identity_pair"));
    };
    match state.app.mark_distinct(&page.user, id).await {
        Ok(()) => done("/identity", "identity-distinct"),
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// Merges.

struct MergeRow {
    survivor: String,
    survivor_href: String,
    merged: String,
    merged_on: String,
    undo_action: Option<String>,
}

impl MergeRow {
    fn new(lang: Lang, summary: &MergeSummary) -> Self {
        let name = |name: &str| {
            if name.is_empty() {
                lang.t("identity-other-region")
            } else {
                name.to_owned()
            }
        };
        Self {
            survivor: name(&summary.survivor_name),
            survivor_href: format!("/persons/{}", summary.merge.survivor_id),
            merged: name(&summary.merged_name),
            merged_on: day_text(summary.merge.merged_at),
            undo_action: summary
                .may_undo
                .then(|| format!("/identity/merges/{}/undo", summary.merge.id)),
        }
    }
}

#[derive(Template)]
#[template(path = "identity/merges.html")]
struct MergesPage {
    chrome: Chrome,
    title: String,
    rows: Vec<MergeRow>,
    pager: Pager,
}

async fn merges(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/identity/merges", query.as_deref());
    let paging = Pager::requested(query.as_deref(), PAIRS_PER_PAGE);
    match state.app.merges(&page.user, paging).await {
        Ok((list, total)) => render(MergesPage {
            title: chrome.t("identity-merges-title"),
            rows: list.iter().map(|m| MergeRow::new(chrome.lang, m)).collect(),
            pager: Pager::new(chrome.lang, "/identity/merges", query.as_deref(), paging, total),
            chrome,
        }),
        Err(error) => error_page(chrome, error),
    }
}

async fn undo(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/identity/merges");
    let Some(id) = path_id::<MergeId>(&id) else {
        return error_page(chrome, AppError::NotFound("person_merge"));
    };
    match state.app.undo_merge(&page.user, id).await {
        Ok(merge) => done(&format!("/persons/{}", merge.merged_id), "identity-undone"),
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// A merged record.

#[derive(Template)]
#[template(path = "identity/merged.html")]
struct MergedPage {
    chrome: Chrome,
    title: String,
    survivor_href: String,
    undo_action: Option<String>,
}

/// Where a merged person's id leads: the survivor.
async fn merged(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<PersonId>(&id) else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    match state.app.merged_person(&page.user, id).await {
        Ok(merge) => {
            let regions = [merge.survivor_region, merge.merged_region];
            render(MergedPage {
                title: chrome.t("identity-merged-title"),
                survivor_href: format!("/persons/{}", merge.survivor_id),
                undo_action: policy::may_decide_identity_pair(&page.user, &regions)
                    .then(|| format!("/identity/merges/{}/undo", merge.id)),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

/// The person page of a merged id sends whoever may know to its page.
pub async fn merged_redirect(state: &AppState, page: &PageUser, id: PersonId) -> Option<Response> {
    state
        .app
        .merged_person(&page.user, id)
        .await
        .ok()
        .map(|_| Redirect::to(&format!("/identity/merged/{id}")).into_response())
}
