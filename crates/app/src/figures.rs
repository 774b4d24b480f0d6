//! Following a figure of the dashboard or of the reports to the records
//! behind it: the cases a count of the funnel, a step time, a panel or an
//! ESF+ indicator counts, or the labs a count of labs counts.
//!
//! Only the region's secretariat follows figures to cases: coordinators and
//! admins read counts, never a person. The cases are listed through the
//! caller's scope like any list of cases, and every page read is audited.

use chrono::NaiveDate;
use soleil_domain::esf::{self as domain, IndicatorFigure};
use soleil_domain::inclusion::course::Course;
use soleil_domain::monitoring::{Standing, Step};
use soleil_domain::{CaseId, ContactChannel, Invalid, RegionCode, User};
use soleil_store::cases::{CaseFilter, CaseSummary};
use soleil_store::monitoring::{self, CasePanel, CohortFigure, CohortFilter};
use soleil_store::{Page, courses};

use crate::monitoring::{DashboardQuery, PANELS, Source, targets};
use crate::statistics::statistics_region;
use crate::{App, AppResult, Operation, authorize, policy, today};

/// Which figure to follow. The dashboard's own filters say which cases it
/// was computed over; the ESF+ indicators and the labs read the region and
/// the period only, as the reports do.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FigureQuery {
    /// `GROUP.KEY.FIGURE`, as the dashboard and the reports link it:
    /// `funnel.STEP.(reached|waiting|dropped_out|closed_otherwise|goals_met)`,
    /// `timings.STEP.(cases|within_target|over_target)`,
    /// `PANEL.CATEGORY.COLUMN` for the panels of counts (contacts,
    /// referrals, needs, labs, placements, employment_at_six_months), and
    /// `esf.CODE.(total|women|men|non_binary|considered|not_recorded|not_disclosed)`.
    #[param(required = true, min_length = 1, example = "funnel.assessed.dropped_out")]
    pub figure: Option<String>,
}

/// The records behind a figure, a page at a time.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct FigureRecords {
    pub figure: String,
    /// None for the whole network.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// What the figure counts: cases, referrals, needs, enrolments,
    /// placements, participants or labs. The cases listed are the ones
    /// those records belong to, each once.
    pub counts: &'static str,
    /// The cases behind the figure (the labs, for a count of labs).
    pub total: i64,
    /// From 1.
    pub page: u32,
    pub per_page: u32,
    /// This page of the cases, the latest to enter the chain first.
    pub cases: Vec<CaseSummary>,
    /// This page of the labs, for a count of labs, the first to start first.
    pub labs: Vec<Course>,
}

/// A figure, as its link names it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Figure {
    Cohort(CohortFigure),
    Panel(CasePanel, Vec<String>, usize),
    Labs(Vec<String>),
    Esf(String, IndicatorFigure),
}

impl Figure {
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '.');
        let (group, key, column) = (parts.next()?, parts.next()?, parts.next()?);
        // A panel's figure may add up categories: `placements.employment+apprenticeship.placements`.
        let keys: Vec<String> = key.split('+').map(str::to_owned).collect();
        let is_name = |k: &String| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if !keys.iter().all(is_name) && group != "esf" {
            return None;
        }
        match group {
            "funnel" => {
                let step: Step = key.parse().ok()?;
                Some(Self::Cohort(match column {
                    "reached" => CohortFigure::Reached(step),
                    standing => CohortFigure::StoppedAt(step, standing.parse::<Standing>().ok()?),
                }))
            }
            "timings" => {
                let step: Step = key.parse().ok().filter(|step| *step != Step::Screened)?;
                Some(Self::Cohort(match column {
                    "cases" => CohortFigure::Took(step),
                    "within_target" => CohortFigure::WithinTarget(step),
                    "over_target" => CohortFigure::OverTarget(step),
                    _ => return None,
                }))
            }
            "esf" => Some(Self::Esf(key.to_owned(), column.parse().ok()?)),
            panel => {
                let spec = PANELS.iter().find(|spec| spec.panel == panel)?;
                let index = spec.columns.iter().position(|c| *c == column)?;
                Some(match (spec.source, index) {
                    (Source::Contacts, 0) => Self::Cohort(CohortFigure::Contacts(key.parse().ok()?)),
                    (Source::Contacts, _) => {
                        Self::Cohort(CohortFigure::UrgentContacts(key.parse::<ContactChannel>().ok()?))
                    }
                    (Source::Labs, 0) => Self::Labs(keys),
                    (Source::Labs, _) => Self::Panel(CasePanel::LabSeats, keys, index),
                    (Source::Cases(panel), _) => Self::Panel(panel, keys, index),
                })
            }
        }
    }

    /// What the figure counts.
    fn counts(&self) -> &'static str {
        match self {
            Self::Cohort(_) => "cases",
            Self::Panel(CasePanel::Referrals, ..) => "referrals",
            Self::Panel(CasePanel::Needs, ..) => "needs",
            Self::Panel(CasePanel::LabSeats, ..) => "enrolments",
            Self::Panel(CasePanel::Placements | CasePanel::EmploymentAtSixMonths, ..) => "placements",
            Self::Labs(_) => "labs",
            Self::Esf(..) => "participants",
        }
    }
}

/// The columns of the funnel, as figures name them.
const FUNNEL_COLUMNS: [&str; 5] = [
    "reached",
    "waiting",
    "dropped_out",
    "closed_otherwise",
    "goals_met",
];
/// The columns of the step times that count cases.
const TIMING_COLUMNS: [&str; 3] = ["cases", "within_target", "over_target"];

/// Every figure [`FigureQuery`] accepts, as a regular expression: what the
/// API's document says of the parameter.
pub fn figure_pattern() -> String {
    let any = |names: &mut dyn Iterator<Item = &str>| names.collect::<Vec<_>>().join("|");
    let steps = || Step::all().map(Step::as_str);
    let mut groups = vec![
        format!(
            "funnel\\.({})\\.({})",
            any(&mut steps()),
            any(&mut FUNNEL_COLUMNS.into_iter())
        ),
        format!(
            "timings\\.({})\\.({})",
            any(&mut steps().skip(1)),
            any(&mut TIMING_COLUMNS.into_iter())
        ),
        format!(
            "esf\\.({})\\.({})",
            any(&mut domain::INDICATORS.iter().map(|i| i.code)),
            any(&mut IndicatorFigure::all().map(IndicatorFigure::as_str))
        ),
    ];
    for spec in &PANELS {
        let keys = match spec.source {
            Source::Contacts => format!(
                "({})",
                any(&mut ContactChannel::all().map(ContactChannel::as_str))
            ),
            _ => "[a-z_]+(\\+[a-z_]+)*".to_owned(),
        };
        let columns = any(&mut spec.columns.iter().copied());
        groups.push(format!("{}\\.{keys}\\.({columns})", spec.panel));
    }
    format!("^({})$", groups.join("|"))
}

/// The vocabulary the rows of a panel of counts belong to.
pub fn vocabulary(panel: &str) -> Option<&'static str> {
    PANELS
        .iter()
        .find(|spec| spec.panel == panel)
        .map(|spec| spec.vocabulary)
}

impl App {
    /// The records behind a figure of the caller's region over the
    /// dashboard's filters, a page at a time.
    pub async fn figure_records(
        &self,
        actor: &User,
        query: &FigureQuery,
        dashboard: &DashboardQuery,
        page: Page,
    ) -> AppResult<FigureRecords> {
        authorize(actor, Operation::TraceFigures)?;
        let text = query.figure.as_deref().unwrap_or_default().trim();
        if text.is_empty() {
            return Err(Invalid::single("figure", "required").into());
        }
        let figure = Figure::parse(text).ok_or_else(|| Invalid::single("figure", "unknown_figure"))?;
        let region = statistics_region(actor, dashboard.region)?;
        let filter = match figure {
            // The reports count over the region and the period only.
            Figure::Labs(_) | Figure::Esf(..) => DashboardQuery {
                region: dashboard.region,
                from: dashboard.from,
                to: dashboard.to,
                ..DashboardQuery::default()
            }
            .cohort(region)?,
            _ => dashboard.cohort(region)?,
        };
        let (total, cases, labs) = match &figure {
            Figure::Labs(sectors) => {
                let (total, labs) = self.labs_behind(&filter, sectors, page).await?;
                (total, Vec::new(), labs)
            }
            _ => {
                let (total, cases) = self.cases_page(actor, &figure, &filter, page).await?;
                (total, cases, Vec::new())
            }
        };
        let detail = format!(
            "records behind {text}: {} cases, {} labs, page {}",
            cases.len(),
            labs.len(),
            page.number + 1
        );
        self.audit_read(actor, "case", None, region, Some(detail)).await?;
        Ok(FigureRecords {
            figure: text.to_owned(),
            region,
            from: filter.from,
            to: filter.to,
            counts: figure.counts(),
            total,
            page: page.number + 1,
            per_page: page.size,
            cases,
            labs,
        })
    }

    /// How many labs of these sectors ran in the period, and the page's.
    async fn labs_behind(
        &self,
        filter: &CohortFilter,
        sectors: &[String],
        page: Page,
    ) -> AppResult<(i64, Vec<Course>)> {
        let mut handle = self.store.handle().await?;
        let labs = monitoring::running_labs_of(handle.conn(), filter, sectors).await?;
        let mut shown = Vec::new();
        for id in page_of(&labs, page) {
            shown.extend(courses::course(handle.conn(), *id).await?);
        }
        Ok((count(labs.len()), shown))
    }

    /// How many cases are behind a figure, and the page's, read through the
    /// caller's scope in the figure's order.
    async fn cases_page(
        &self,
        actor: &User,
        figure: &Figure,
        filter: &CohortFilter,
        page: Page,
    ) -> AppResult<(i64, Vec<CaseSummary>)> {
        let mut handle = self.store.handle().await?;
        let cases = self.cases_behind(&mut handle, figure, filter).await?;
        let ids = page_of(&cases, page).to_vec();
        if ids.is_empty() {
            return Ok((count(cases.len()), Vec::new()));
        }
        let page_filter = CaseFilter {
            ids,
            ..CaseFilter::default()
        };
        let scope = policy::scope(actor);
        let (mut listed, _) =
            soleil_store::cases::list(handle.conn(), scope, &page_filter, Page::new(0, page.size)).await?;
        // In the figure's order: the latest to enter the chain first.
        listed.sort_by_key(|summary| page_filter.ids.iter().position(|id| *id == summary.case.id));
        Ok((count(cases.len()), listed))
    }

    /// Every case behind a figure, the latest to enter the chain first.
    async fn cases_behind(
        &self,
        handle: &mut soleil_store::Handle,
        figure: &Figure,
        filter: &CohortFilter,
    ) -> AppResult<Vec<CaseId>> {
        Ok(match figure {
            Figure::Cohort(figure) => {
                let targets = targets(handle.conn()).await?;
                monitoring::cohort_cases(&self.store, handle.conn(), filter, &targets, *figure).await?
            }
            Figure::Panel(panel, keys, index) => {
                panel.cases(handle.conn(), filter, today(), keys, *index).await?
            }
            Figure::Esf(code, column) => {
                let participations =
                    soleil_store::esf::participations(handle.conn(), filter.region, filter.from, filter.to)
                        .await?;
                let counted = domain::counted_in(&participations, filter.from, filter.to, code, *column)
                    .ok_or_else(|| Invalid::single("figure", "unknown_figure"))?;
                let mut cases: Vec<(NaiveDate, CaseId)> =
                    counted.iter().map(|p| (p.entered_on, CaseId(p.case))).collect();
                cases.sort_unstable_by(|a, b| b.cmp(a));
                cases.into_iter().map(|(_, case)| case).collect()
            }
            Figure::Labs(_) => Vec::new(),
        })
    }
}

fn count(len: usize) -> i64 {
    i64::try_from(len).unwrap_or(i64::MAX)
}

/// The page's share of an ordered list.
fn page_of<T>(all: &[T], page: Page) -> &[T] {
    let size = usize::try_from(page.size).unwrap_or(usize::MAX);
    let start = usize::try_from(page.number)
        .unwrap_or(usize::MAX)
        .saturating_mul(size);
    all.get(start..).map_or(&[], |rest| &rest[..rest.len().min(size)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_named_by_its_group_key_and_column() {
        let parse = |text: &str| Figure::parse(text);
        assert_eq!(
            parse("funnel.assessed.dropped_out"),
            Some(Figure::Cohort(CohortFigure::StoppedAt(
                Step::Assessed,
                Standing::DroppedOut
            )))
        );
        assert_eq!(
            parse("funnel.outcome.reached"),
            Some(Figure::Cohort(CohortFigure::Reached(Step::Outcome)))
        );
        assert_eq!(
            parse("timings.plan_agreed.over_target"),
            Some(Figure::Cohort(CohortFigure::OverTarget(Step::PlanAgreed)))
        );
        assert_eq!(
            parse("contacts.helpline.urgent"),
            Some(Figure::Cohort(CohortFigure::UrgentContacts(
                ContactChannel::Helpline
            )))
        );
        assert_eq!(
            parse("referrals.legal.late"),
            Some(Figure::Panel(CasePanel::Referrals, vec!["legal".into()], 3))
        );
        assert_eq!(
            parse("labs.welding+tailoring.labs"),
            Some(Figure::Labs(vec!["welding".into(), "tailoring".into()]))
        );
        assert_eq!(
            parse("labs.welding.completed"),
            Some(Figure::Panel(CasePanel::LabSeats, vec!["welding".into()], 2))
        );
        assert_eq!(
            parse("esf.EECO01.women"),
            Some(Figure::Esf("EECO01".into(), IndicatorFigure::Women))
        );
        for wrong in [
            "",
            "funnel",
            "funnel.assessed",
            "funnel.moon.reached",
            "timings.screened.cases",
            "referrals.legal.lost",
            "pie..sent",
            "referrals..sent",
            "referrals.legal+.sent",
            "contacts.desk+union.contacts",
            "esf.EECO01.cats",
        ] {
            assert_eq!(parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_documents_pattern_accepts_what_the_parser_accepts() {
        let pattern = regex::Regex::new(&figure_pattern()).unwrap();
        let mut every = Vec::new();
        for step in Step::all() {
            every.extend(FUNNEL_COLUMNS.map(|c| format!("funnel.{}.{c}", step.as_str())));
            every.extend(TIMING_COLUMNS.map(|c| format!("timings.{}.{c}", step.as_str())));
        }
        for spec in &PANELS {
            for key in (spec.keys)() {
                every.extend(spec.columns.iter().map(|c| format!("{}.{key}.{c}", spec.panel)));
            }
        }
        for indicator in &domain::INDICATORS {
            every.extend(IndicatorFigure::all().map(|f| format!("esf.{}.{}", indicator.code, f.as_str())));
        }
        every.extend(
            [
                "placements.employment+apprenticeship.placements",
                "funnel.assessed",
                "funnel.assessed.reached.again",
                "contacts.desk+union.contacts",
                "referrals.Legal.sent",
                "labs.welding+.labs",
                "esf.EECO01.cats",
                "",
            ]
            .map(str::to_owned),
        );
        for figure in every {
            assert_eq!(
                pattern.is_match(&figure),
                Figure::parse(&figure).is_some(),
                "{figure}"
            );
        }
    }

    #[test]
    fn a_page_is_its_share_of_the_list() {
        let all: Vec<u32> = (0..7).collect();
        assert_eq!(page_of(&all, Page::new(0, 3)), [0, 1, 2]);
        assert_eq!(page_of(&all, Page::new(2, 3)), [6]);
        assert!(page_of(&all, Page::new(5, 3)).is_empty());
    }
}
