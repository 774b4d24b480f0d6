//! The certificate of attendance of a completed lab, in the reader's language.

use soleil_app::courses::Certificate;
use soleil_domain::inclusion::course::{CourseKind, format_hours};

use super::PdfBuilder;
use crate::i18n::Lang;

/// Hours for people of a language: "2,5" in Italian, "2.5" in English.
pub fn hours(lang: Lang, minutes: i64) -> String {
    let text = format_hours(i32::try_from(minutes).unwrap_or(i32::MAX));
    match lang {
        Lang::It => text,
        Lang::En => text.replace(',', "."),
    }
}

fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The PDF: who, which lab and training body, what it covered, when, how
/// many hours of those planned, in which region, and when it was issued.
pub fn render(lang: Lang, certificate: &Certificate) -> Vec<u8> {
    let course = &certificate.course;
    let t = |id: &str| lang.t(id);
    let covered = match course.kind {
        CourseKind::Professional => course
            .sector
            .map(|s| lang.label("course_sector", s.as_str()))
            .unwrap_or_default(),
        CourseKind::Empowerment => course
            .modules
            .iter()
            .map(|m| lang.label("empowerment_module", m.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let born = certificate
        .date_of_birth
        .map(|d| format!("{} {}", t("courses-certificate-born"), day(d)))
        .unwrap_or_default();
    let percent = certificate.attended_minutes * 100 / i64::from(course.planned_minutes.max(1));
    let rows = vec![
        vec![
            t("courses-certificate-person"),
            format!("{} {born}", certificate.person_name),
        ],
        vec![t("courses-certificate-course"), course.title.clone()],
        vec![t("courses-kind"), lang.label("course_kind", course.kind.as_str())],
        vec![t("courses-certificate-covered"), covered],
        vec![t("courses-training-body"), certificate.training_body.clone()],
        vec![
            t("courses-certificate-dates"),
            format!("{} – {}", day(course.starts_on), day(course.ends_on)),
        ],
        vec![
            t("courses-certificate-hours"),
            format!(
                "{} / {} ({percent}%)",
                hours(lang, certificate.attended_minutes),
                hours(lang, i64::from(course.planned_minutes))
            ),
        ],
        vec![t("courses-certificate-region"), course.region.name().to_owned()],
    ];
    let completed = certificate
        .completed_on
        .map(|d| lang.t1("courses-certificate-completed", "date", day(d)))
        .unwrap_or_default();
    PdfBuilder::new(&t("courses-certificate-title"))
        .title(&t("courses-certificate-title"))
        .paragraph(&lang.t1("courses-certificate-intro", "name", &certificate.person_name))
        .space()
        .table(
            &[&t("courses-certificate-what"), &t("courses-certificate-detail")],
            rows,
        )
        .paragraph(&completed)
        .paragraph(&lang.t1("courses-certificate-issued", "date", day(certificate.issued_on)))
        .footer(&t("courses-certificate-footer"))
        .build()
}
