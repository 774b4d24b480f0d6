//! Job offers, work profiles, matches, proposals and recruiting days.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::job_offers::{
    CandidateMatch, DayCandidateInput, DayEmployerInput, OfferMatch, OfferQuery, ProposalCard,
    RecruitingDayFile,
};
use soleil_domain::inclusion::job_offer::{
    JobOffer, JobOfferId, JobOfferInput, Proposal, ProposalAnswer, ProposalId, ProposalInput, RecruitingDay,
    RecruitingDayId, RecruitingDayInput, WorkProfile, WorkProfileInput,
};
use soleil_domain::{CaseId, PersonId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(work_profile, save_work_profile))
        .routes(routes!(job_offers, create_job_offer))
        .routes(routes!(job_offer, update_job_offer))
        .routes(routes!(offer_matches))
        .routes(routes!(offer_proposals, propose_candidate))
        .routes(routes!(case_matches))
        .routes(routes!(answer_proposal))
        .routes(routes!(recruiting_days, create_recruiting_day))
        .routes(routes!(recruiting_day))
        .routes(routes!(add_day_employer))
        .routes(routes!(save_day_candidate))
}

/// The work profile of a person the caller may see; `null` when none is kept yet.
#[utoipa::path(get, path = "/api/v1/persons/{id}/work-profile", tag = "job_offers", params(("id" = PersonId, Path)),
    responses((status = 200, body = Option<WorkProfile>), Failures))]
async fn work_profile(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PersonId>,
) -> Result<Json<Option<WorkProfile>>, ApiError> {
    api.check(state.app.work_profile(&api.user, id).await).map(Json)
}

/// Writes the whole work profile: occupations sought (ISCO-08 unit groups),
/// skills, Italian level, languages, driving licences, domicile and commute,
/// availability. By the case's manager or the region's secretariat.
#[utoipa::path(put, path = "/api/v1/persons/{id}/work-profile", tag = "job_offers", params(("id" = PersonId, Path)),
    request_body = WorkProfileInput, responses((status = 200, body = WorkProfile), Failures))]
async fn save_work_profile(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PersonId>,
    Body(input): Body<WorkProfileInput>,
) -> Result<Json<WorkProfile>, ApiError> {
    api.check(state.app.save_work_profile(&api.user, id, &input).await)
        .map(Json)
}

/// The offers the caller keeps: the region's for staff, its own for an employer's login.
#[utoipa::path(get, path = "/api/v1/job-offers", tag = "job_offers", params(OfferQuery),
    responses((status = 200, body = Vec<JobOffer>), Failures))]
async fn job_offers(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<OfferQuery>,
) -> Result<Json<Vec<JobOffer>>, ApiError> {
    api.check(state.app.job_offers(&api.user, &query).await).map(Json)
}

/// Records an offer. An employer's login offers for itself.
#[utoipa::path(post, path = "/api/v1/job-offers", tag = "job_offers",
    request_body = JobOfferInput, responses((status = 201, body = JobOffer), Failures))]
async fn create_job_offer(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<JobOfferInput>,
) -> Result<(StatusCode, Json<JobOffer>), ApiError> {
    let offer = api.check(state.app.create_job_offer(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(offer)))
}

#[utoipa::path(get, path = "/api/v1/job-offers/{id}", tag = "job_offers", params(("id" = JobOfferId, Path)),
    responses((status = 200, body = JobOffer), Failures))]
async fn job_offer(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<JobOfferId>,
) -> Result<Json<JobOffer>, ApiError> {
    api.check(state.app.job_offer(&api.user, id).await).map(Json)
}

/// Corrects an offer, whole; its employer stays.
#[utoipa::path(put, path = "/api/v1/job-offers/{id}", tag = "job_offers", params(("id" = JobOfferId, Path)),
    request_body = JobOfferInput, responses((status = 200, body = JobOffer), Failures))]
async fn update_job_offer(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<JobOfferId>,
    Body(input): Body<JobOfferInput>,
) -> Result<Json<JobOffer>, ApiError> {
    api.check(state.app.update_job_offer(&api.user, id, &input).await)
        .map(Json)
}

/// The persons of cases in inclusion the caller may see, ranked for the
/// offer: eligible first, then by score, each with its reasons.
#[utoipa::path(get, path = "/api/v1/job-offers/{id}/matches", tag = "job_offers", params(("id" = JobOfferId, Path)),
    responses((status = 200, body = Vec<CandidateMatch>), Failures))]
async fn offer_matches(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<JobOfferId>,
) -> Result<Json<Vec<CandidateMatch>>, ApiError> {
    api.check(state.app.offer_matches(&api.user, id).await).map(Json)
}

/// The candidates proposed to an offer, with their names and the profile
/// they agreed to share.
#[utoipa::path(get, path = "/api/v1/job-offers/{id}/proposals", tag = "job_offers", params(("id" = JobOfferId, Path)),
    responses((status = 200, body = Vec<ProposalCard>), Failures))]
async fn offer_proposals(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<JobOfferId>,
) -> Result<Json<Vec<ProposalCard>>, ApiError> {
    api.check(state.app.offer_proposals(&api.user, id).await)
        .map(Json)
}

/// Proposes a case's person to the offer. `consent` must be `true` (the
/// person agreed to share name and profile with the employer), else 422
/// `consent_required`.
#[utoipa::path(post, path = "/api/v1/job-offers/{id}/proposals", tag = "job_offers", params(("id" = JobOfferId, Path)),
    request_body = ProposalInput, responses((status = 201, body = Proposal), Failures))]
async fn propose_candidate(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<JobOfferId>,
    Body(input): Body<ProposalInput>,
) -> Result<(StatusCode, Json<Proposal>), ApiError> {
    let proposal = api.check(state.app.propose_candidate(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(proposal)))
}

/// The open offers of the case's region, ranked for its person.
#[utoipa::path(get, path = "/api/v1/cases/{id}/matches", tag = "job_offers", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<OfferMatch>), Failures))]
async fn case_matches(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<OfferMatch>>, ApiError> {
    api.check(state.app.case_matches(&api.user, id).await).map(Json)
}

/// The employer's answer (interview, accepted, rejected), or the case's
/// withdrawal. A closed proposal answers 409 `proposal_closed`.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/answer", tag = "job_offers", params(("id" = ProposalId, Path)),
    request_body = ProposalAnswer, responses((status = 200, body = Proposal), Failures))]
async fn answer_proposal(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ProposalId>,
    Body(input): Body<ProposalAnswer>,
) -> Result<Json<Proposal>, ApiError> {
    api.check(state.app.answer_proposal(&api.user, id, &input).await)
        .map(Json)
}

/// The recruiting days of the caller's region, the latest first.
#[utoipa::path(get, path = "/api/v1/recruiting-days", tag = "job_offers",
    responses((status = 200, body = Vec<RecruitingDay>), Failures))]
async fn recruiting_days(
    api: Api,
    State(state): State<AppState>,
) -> Result<Json<Vec<RecruitingDay>>, ApiError> {
    api.check(state.app.recruiting_days(&api.user).await).map(Json)
}

#[utoipa::path(post, path = "/api/v1/recruiting-days", tag = "job_offers",
    request_body = RecruitingDayInput, responses((status = 201, body = RecruitingDay), Failures))]
async fn create_recruiting_day(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<RecruitingDayInput>,
) -> Result<(StatusCode, Json<RecruitingDay>), ApiError> {
    let day = api.check(state.app.create_recruiting_day(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(day)))
}

/// A day with its employers and candidates (names hidden from those who may not see the person).
#[utoipa::path(get, path = "/api/v1/recruiting-days/{id}", tag = "job_offers", params(("id" = RecruitingDayId, Path)),
    responses((status = 200, body = RecruitingDayFile), Failures))]
async fn recruiting_day(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<RecruitingDayId>,
) -> Result<Json<RecruitingDayFile>, ApiError> {
    api.check(state.app.recruiting_day(&api.user, id).await).map(Json)
}

/// Adds an employer of the day's region.
#[utoipa::path(post, path = "/api/v1/recruiting-days/{id}/employers", tag = "job_offers",
    params(("id" = RecruitingDayId, Path)), request_body = DayEmployerInput,
    responses((status = 204, description = "Taking part"), Failures))]
async fn add_day_employer(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<RecruitingDayId>,
    Body(input): Body<DayEmployerInput>,
) -> Result<StatusCode, ApiError> {
    api.check(state.app.add_day_employer(&api.user, id, &input).await)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invites the person of a case in inclusion, or records what came of their day.
#[utoipa::path(post, path = "/api/v1/recruiting-days/{id}/candidates", tag = "job_offers",
    params(("id" = RecruitingDayId, Path)), request_body = DayCandidateInput,
    responses((status = 204, description = "Recorded"), Failures))]
async fn save_day_candidate(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<RecruitingDayId>,
    Body(input): Body<DayCandidateInput>,
) -> Result<StatusCode, ApiError> {
    api.check(state.app.save_day_candidate(&api.user, id, &input).await)?;
    Ok(StatusCode::NO_CONTENT)
}
