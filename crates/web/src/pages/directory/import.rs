//! `/directory/import`: a region's directory in and out. Admins and the
//! secretariat upload a sheet (CSV, XLSX) or an HSDS JSON file, optionally
//! only to check it, and read what the import found row by row; anyone
//! signed in downloads the directory as HSDS JSON, and the template sheet
//! with the expected headings.

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use soleil_app::directory::import::{ImportFormat, ImportReport, ImportSource, RowError, RowOutcome};
use soleil_app::directory::sheet::headings;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::{Invalid, RegionCode};

use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{Choice, Field, FormData, chrome_for, filter_value, region_choices};
use crate::pages::{Chrome, FormErrors, attachment, error_page, render_with};

/// One mistake of the file, worded.
struct ErrorLine {
    /// The sheet line, or empty (HSDS has none).
    line: String,
    /// The column heading or the HSDS field.
    column: String,
    reason: String,
}

impl ErrorLine {
    fn of(lang: Lang, error: &RowError) -> Self {
        let reason = lang.error(&error.code);
        Self {
            line: error.line.map(|l| l.to_string()).unwrap_or_default(),
            column: error.field.clone(),
            reason: match &error.detail {
                Some(detail) => format!("{reason} ({detail})"),
                None => reason,
            },
        }
    }
}

/// One service of the file and what became of it.
struct RowView {
    label: String,
    outcome: String,
    rejected: bool,
    errors: Vec<ErrorLine>,
}

/// What an import found, worded.
struct ReportView {
    /// "Checked: 12 services, 10 new, 2 updated, 0 rejected."
    headline: String,
    /// Saved, would be saved, or nothing saved because of mistakes.
    verdict: String,
    accepted: bool,
    file_errors: Vec<ErrorLine>,
    rows: Vec<RowView>,
}

impl ReportView {
    fn of(lang: Lang, report: &ImportReport) -> Self {
        let count = |n: usize| fluent_templates::fluent_bundle::FluentValue::from(n as i64);
        let headline = lang.with_args(
            "directory-import-headline",
            &[
                ("services", count(report.services)),
                ("created", count(report.created)),
                ("updated", count(report.updated)),
                ("rejected", count(report.rejected)),
            ],
        );
        let verdict = lang.t(match (report.accepted(), report.dry_run, report.saved) {
            (false, _, _) => "directory-import-refused",
            (true, true, _) => "directory-import-checked",
            (true, false, true) => "directory-import-saved",
            (true, false, false) => "directory-import-nothing",
        });
        let outcome = |outcome: RowOutcome| {
            lang.t(match outcome {
                RowOutcome::Create => "directory_import-outcome-create",
                RowOutcome::Update => "directory_import-outcome-update",
                RowOutcome::Rejected => "directory_import-outcome-rejected",
            })
        };
        Self {
            headline,
            verdict,
            accepted: report.accepted(),
            file_errors: report
                .file_errors
                .iter()
                .map(|e| ErrorLine::of(lang, e))
                .collect(),
            rows: report
                .rows
                .iter()
                .map(|row| RowView {
                    label: row.label.clone(),
                    outcome: outcome(row.outcome),
                    rejected: row.outcome == RowOutcome::Rejected,
                    errors: row.errors.iter().map(|e| ErrorLine::of(lang, e)).collect(),
                })
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "directory/import.html")]
struct ImportPage {
    chrome: Chrome,
    title: String,
    summary: Option<crate::pages::form::ErrorSummary>,
    file: Field,
    format: Field,
    formats: Vec<Choice>,
    dry_run: Field,
    dry_run_checked: bool,
    /// The export's region choice.
    region: Field,
    regions: Vec<Choice>,
    headings: String,
    report: Option<ReportView>,
}

/// The import form as posted (or fresh), with its messages and a report.
struct Posted {
    values: FormData,
    errors: FormErrors,
    report: Option<ReportView>,
}

fn show(chrome: Chrome, page: &PageUser, posted: Posted, status: StatusCode) -> Response {
    let lang = chrome.lang;
    let field = |name: &str| {
        Field::new(&format!("import-{name}"), name, posted.values.get(name))
            .with_error(posted.errors.get(name))
    };
    let mut summary = posted.errors.summary();
    if let Some(summary) = summary.as_mut() {
        for item in &mut summary.items {
            item.href = item.href.replacen('#', "#import-", 1);
        }
    }
    let region = page.user.region.map(RegionCode::as_str).unwrap_or_default();
    render_with(
        status,
        ImportPage {
            title: chrome.t("directory-import-title"),
            summary,
            file: field("file"),
            format: field("format"),
            formats: [
                (ImportFormat::Csv, "directory-import-format-csv"),
                (ImportFormat::Xlsx, "directory-import-format-xlsx"),
                (ImportFormat::Hsds, "directory-import-format-hsds"),
            ]
            .into_iter()
            .map(|(format, label)| Choice::new(format_value(format), lang.t(label)))
            .collect(),
            dry_run: field("dry_run"),
            dry_run_checked: posted.values.checked("dry_run"),
            region: Field::new("export-region", "region", region),
            regions: region_choices(),
            headings: headings().join(", "),
            report: posted.report,
            chrome,
        },
    )
}

fn format_value(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Csv => "csv",
        ImportFormat::Xlsx => "xlsx",
        ImportFormat::Hsds => "hsds",
    }
}

/// The format chosen, or the one the file's name says.
fn format_of(chosen: &str, file_name: &str) -> Option<ImportFormat> {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let named = if chosen.trim().is_empty() {
        extension.as_str()
    } else {
        chosen.trim()
    };
    match named {
        "csv" | "txt" => Some(ImportFormat::Csv),
        "xlsx" => Some(ImportFormat::Xlsx),
        "hsds" | "json" => Some(ImportFormat::Hsds),
        _ => None,
    }
}

fn may_import(page: &PageUser) -> bool {
    policy::permits(page.user.role, Operation::ImportDirectory)
}

pub(super) async fn page(page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/directory/import", raw.as_deref());
    if !may_import(&page) {
        return error_page(chrome, AppError::Forbidden);
    }
    let fresh = Posted {
        values: FormData::parse(b"dry_run=on"),
        errors: FormErrors::new(chrome.lang, Vec::new()),
        report: None,
    };
    show(chrome, &page, fresh, StatusCode::OK)
}

/// The fields of the upload form.
#[derive(Default)]
struct Upload {
    csrf: String,
    format: String,
    dry_run: bool,
    file_name: String,
    bytes: Vec<u8>,
}

impl Upload {
    async fn read(mut multipart: Multipart) -> Result<Self, axum::extract::multipart::MultipartError> {
        let mut upload = Self::default();
        while let Some(field) = multipart.next_field().await? {
            match field.name().unwrap_or_default() {
                "csrf" => upload.csrf = field.text().await?,
                "format" => upload.format = field.text().await?,
                "dry_run" => upload.dry_run = !field.text().await?.is_empty(),
                "file" => {
                    upload.file_name = field.file_name().unwrap_or_default().to_owned();
                    upload.bytes = field.bytes().await?.to_vec();
                }
                _ => {}
            }
        }
        Ok(upload)
    }

    /// What the form shows again: the choices, not the file.
    fn values(&self) -> FormData {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        serializer.append_pair("format", &self.format);
        if self.dry_run {
            serializer.append_pair("dry_run", "on");
        }
        FormData::parse(serializer.finish().as_bytes())
    }
}

/// Whether the posted token is the session's, in time that does not
/// depend on where they differ.
fn token_matches(sent: &str, expected: &str) -> bool {
    sent.len() == expected.len()
        && sent
            .bytes()
            .zip(expected.bytes())
            .fold(0_u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

pub(super) async fn upload(
    State(state): State<AppState>,
    page: PageUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let chrome = chrome_for(&page, "/directory/import", None);
    let lang = chrome.lang;
    let upload = match multipart {
        Ok(multipart) => Upload::read(multipart).await.ok(),
        Err(_) => None,
    };
    let Some(upload) = upload else {
        let invalid = Invalid::single("file", "unreadable_upload");
        let posted = Posted {
            values: FormData::default(),
            errors: FormErrors::new(lang, invalid.errors),
            report: None,
        };
        return show(chrome, &page, posted, StatusCode::BAD_REQUEST);
    };
    // The pages' guard reads only plain forms: this one checks its own token.
    if !token_matches(&upload.csrf, &page.csrf) {
        return StatusCode::FORBIDDEN.into_response();
    }
    if !may_import(&page) {
        return error_page(chrome, AppError::Forbidden);
    }
    let mut invalid = Invalid::new();
    if upload.bytes.is_empty() {
        invalid.add("file", "required");
    }
    let format = format_of(&upload.format, &upload.file_name);
    if format.is_none() && !upload.bytes.is_empty() {
        invalid.add("format", "unknown_format");
    }
    let values = upload.values();
    let format = match format {
        Some(format) if invalid.is_empty() => format,
        _ => {
            let posted = Posted {
                values,
                errors: FormErrors::new(lang, invalid.errors),
                report: None,
            };
            return show(chrome, &page, posted, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let source = ImportSource {
        format,
        bytes: upload.bytes,
    };
    match state
        .app
        .import_directory(&page.user, &source, upload.dry_run)
        .await
    {
        Ok(report) => {
            let status = if report.accepted() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let posted = Posted {
                values,
                errors: FormErrors::new(lang, Vec::new()),
                report: Some(ReportView::of(lang, &report)),
            };
            show(chrome, &page, posted, status)
        }
        Err(AppError::Invalid(found)) => {
            let posted = Posted {
                values,
                errors: FormErrors::new(lang, found.errors),
                report: None,
            };
            show(chrome, &page, posted, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => error_page(chrome, error),
    }
}

/// The directory (of a region, or all) as an HSDS JSON file.
pub(super) async fn export(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let region: Option<RegionCode> = filter_value(FormData::query(raw.as_deref()).get("region"));
    match state.app.export_hsds(&page.user, region).await {
        Ok(json) => {
            let name = format!(
                "soleil-directory-{}.json",
                region.map_or("all", RegionCode::as_str)
            );
            let body = serde_json::to_vec_pretty(&json).unwrap_or_default();
            attachment("application/json", &name, body)
        }
        Err(error) => error_page(chrome_for(&page, "/directory/import", None), error),
    }
}

/// The sheet to fill in: one line with the headings an import reads.
pub(super) async fn template(_page: PageUser) -> Response {
    let line = format!("{}\r\n", headings().join(","));
    attachment(
        "text/csv; charset=utf-8",
        "soleil-directory-template.csv",
        line.into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_chosen_or_told_by_the_file_name() {
        assert_eq!(format_of("", "lazio.CSV"), Some(ImportFormat::Csv));
        assert_eq!(format_of("", "directory.json"), Some(ImportFormat::Hsds));
        assert_eq!(format_of("xlsx", "export.bin"), Some(ImportFormat::Xlsx));
        assert_eq!(format_of("", "notes.docx"), None);
    }

    #[test]
    fn tokens_match_only_whole() {
        assert!(token_matches("abc", "abc"));
        assert!(!token_matches("abd", "abc"));
        assert!(!token_matches("ab", "abc"));
    }
}
