//! Exchanging the services directory: export as Open Referral HSDS 3 JSON,
//! import from HSDS JSON or from the CSV/Excel sheets regions keep.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use soleil_app::directory::import::{ImportFormat, ImportReport, ImportSource};
use soleil_domain::RegionCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Failures, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_hsds))
        .routes(routes!(import_directory))
}

/// The largest file an import reads: a region's directory is far smaller.
const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ExportQuery {
    /// Only the services of this region's organisations.
    region: Option<RegionCode>,
}

/// The directory as HSDS 3 JSON: an array of organizations, each with its
/// services, their locations, languages and weekly schedules. Need areas,
/// kinds of location and ISTAT codes are `attributes` of the SOLEIL taxonomy.
#[utoipa::path(get, path = "/api/v1/directory/hsds", tag = "directory", params(ExportQuery),
    responses((status = 200, description = "HSDS 3 organizations with their services",
        body = Vec<serde_json::Value>, content_type = "application/json"), Failures))]
async fn export_hsds(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ExportQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    api.check(state.app.export_hsds(&api.user, query.region).await)
        .map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ImportQuery {
    /// Check every service and report, saving nothing.
    #[serde(default)]
    dry_run: bool,
    /// `hsds`, `csv` or `xlsx`; when absent, read from the Content-Type
    /// (`application/json`, `text/csv`, the Excel type).
    format: Option<ImportFormat>,
}

/// Imports a directory file (the request body): HSDS JSON, or a sheet as
/// CSV or Excel with Italian headings (see the README). All or nothing:
/// 200 with the report when every service was saved (or, in a dry run,
/// could be); 422 with the report, naming rows, fields and codes, when any
/// is rejected — then nothing is saved. Admins, and the secretariat for its
/// region's organisations.
#[utoipa::path(post, path = "/api/v1/directory/import", tag = "directory", params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file, at most 2 MiB"),
    responses(
        (status = 200, description = "Imported, or a dry run found nothing to fix", body = ImportReport),
        (status = 413, description = "The file is larger than 2 MiB", body = crate::error::ErrorBody),
        (status = 422, description = "Some services were rejected; nothing was saved", body = ImportReport),
        // Not `Failures`: its 422 is the generic error body, and this call
        // answers every rejection with the report.
        (status = 400, description = "No format given or found in the Content-Type", body = crate::error::ErrorBody),
        (status = 401, description = "No valid bearer token", body = crate::error::ErrorBody),
        (status = 403, description = "The caller may not import", body = crate::error::ErrorBody),
        (status = 404, description = "Not visible to the caller", body = crate::error::ErrorBody),
        (status = 409, description = "A concurrent change", body = crate::error::ErrorBody)))]
async fn import_directory(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ImportQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ImportReport>), ApiError> {
    let Some(format) = query.format.or_else(|| format_of(&headers)) else {
        return Err(ApiError::bad_request(api.lang, "format=hsds|csv|xlsx"));
    };
    let bytes = axum::body::to_bytes(body, MAX_IMPORT_BYTES).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "file_too_large",
            api.lang.error("file_too_large"),
        )
    })?;
    let source = ImportSource {
        format,
        bytes: bytes.to_vec(),
    };
    let report = api.check(
        state
            .app
            .import_directory(&api.user, &source, query.dry_run)
            .await,
    )?;
    let status = if report.accepted() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Json(report)))
}

/// The format a Content-Type names, if it names one.
fn format_of(headers: &HeaderMap) -> Option<ImportFormat> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
    match essence.as_str() {
        "application/json" => Some(ImportFormat::Hsds),
        "text/csv" => Some(ImportFormat::Csv),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some(ImportFormat::Xlsx),
        _ => None,
    }
}
