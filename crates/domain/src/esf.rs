//! ESF+ participants and the common indicators of Regulation (EU) 2021/1057,
//! Annex I: what the fund asks a region to report about the people its
//! support reached.
//!
//! A participant is a person whose case was taken in charge (emergency
//! protection or a personalised path began): the project's support reached
//! them directly. They enter on that day and leave when the case closes.
//! What the case alone does not tell — the labour-market situation at entry,
//! the education level, the special categories, the situation upon leaving
//! and six months later — is recorded on the case ([`ParticipantInput`]).
//! Disability, minority and the other sensitive answers may be "prefers not
//! to say" (GDPR art. 9): such a participant is not counted in that
//! indicator, and the report says how many did not disclose.
//!
//! Every indicator counts each person once, broken down by gender (women,
//! men, non-binary, as Annex I asks), and reports the participants whose
//! answer is not recorded, so that a figure is never read as complete when
//! it is not. The codes are SFC2021's: the total number of participants
//! first (EECO01), then Annex I's order (SFC2021 names unemployed, including
//! long-term unemployed, EECO02 and participants with disabilities EECO12).

use chrono::{Datelike, Months, NaiveDate};

use crate::person::Sex;
use crate::validation::Invalid;

crate::text_enum! {
    /// The labour-market situation at entry.
    LabourStatus {
        /// Employed, as an employee.
        Employed,
        SelfEmployed,
        /// Unemployed for less than twelve months (six for those under 25).
        Unemployed,
        /// Unemployed for twelve months or more (six for those under 25).
        LongTermUnemployed,
        /// Neither in work nor looking for it.
        Inactive,
    }
}

crate::text_enum! {
    /// The highest level of education completed, by ISCED 2011.
    EducationLevel {
        /// ISCED 0–2: lower secondary or less.
        LowerSecondaryOrLess,
        /// ISCED 3–4: upper secondary or post-secondary non-tertiary.
        UpperOrPostSecondary,
        /// ISCED 5–8.
        Tertiary,
    }
}

crate::text_enum! {
    /// An answer the person may decline to give.
    Disclosure {
        Yes,
        No,
        PrefersNotToSay,
    }
}

/// What a case records about its person as an ESF+ participant: at entry,
/// upon leaving (within four weeks) and six months after leaving. Every
/// field may stay unrecorded until it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct ParticipantInput {
    pub labour_status: Option<LabourStatus>,
    pub education: Option<EducationLevel>,
    pub disability: Option<Disclosure>,
    /// Of foreign origin (born abroad, or with parents born abroad).
    pub foreign_background: Option<Disclosure>,
    /// A minority, including marginalised communities such as the Roma.
    pub minority: Option<Disclosure>,
    /// Homeless or affected by housing exclusion.
    pub homeless: Option<Disclosure>,
    /// Living in a rural area (DEGURBA thinly populated).
    pub rural_area: Option<Disclosure>,
    /// Upon leaving: looking for work.
    pub job_searching_on_leaving: Option<bool>,
    /// Upon leaving: in education or training.
    pub in_education_on_leaving: Option<bool>,
    /// Upon leaving: gained a qualification.
    pub qualification_on_leaving: Option<bool>,
    /// Upon leaving: in employment, self-employment included.
    pub employed_on_leaving: Option<bool>,
    /// Six months after leaving: in employment, self-employment included.
    pub employed_six_months_after: Option<bool>,
    /// Six months after leaving, for those employed at entry: a stable job
    /// instead of a precarious one, full-time instead of part-time, a job
    /// that needs higher skills, or a promotion.
    pub improved_six_months_after: Option<bool>,
    /// The person agreed that their pseudonymised data be used for the
    /// project's impact evaluation (the research export).
    pub research_consent: Option<bool>,
}

impl ParticipantInput {
    /// The answers, checked: an improved situation is asked only of those
    /// who were in work at entry.
    pub fn parse(&self) -> Result<Self, Invalid> {
        let employed_at_entry = matches!(
            self.labour_status,
            Some(LabourStatus::Employed | LabourStatus::SelfEmployed)
        );
        if self.improved_six_months_after.is_some() && !employed_at_entry {
            return Err(Invalid::single(
                "improved_six_months_after",
                "improved_needs_employed_at_entry",
            ));
        }
        Ok(self.clone())
    }
}

/// The member states of the European Union (ISO 3166-1 alpha-2, Greece as
/// `GR`): a citizen of none of them is a third-country national.
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// One participation as the report reads it: a case taken in charge, its
/// person and what was recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participation {
    /// Whose participation: a person is counted once.
    pub person: uuid::Uuid,
    /// The case it is.
    pub case: uuid::Uuid,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    /// The day the case was taken in charge.
    pub entered_on: NaiveDate,
    /// The day the case closed.
    pub left_on: Option<NaiveDate>,
    pub answers: ParticipantInput,
}

impl Participation {
    fn age_at_entry(&self) -> Option<u32> {
        let born = self.date_of_birth?;
        let mut age = self.entered_on.year() - born.year();
        if (self.entered_on.month(), self.entered_on.day()) < (born.month(), born.day()) {
            age -= 1;
        }
        u32::try_from(age).ok()
    }

    fn six_months_after_leaving(&self) -> Option<NaiveDate> {
        self.left_on?.checked_add_months(Months::new(6))
    }
}

/// When an indicator is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    /// At entry: participants who entered in the period.
    Entry,
    /// Upon leaving: participants who left in the period.
    Leaving,
    /// Six months after leaving: participants whose sixth month after
    /// leaving fell in the period.
    SixMonthsAfter,
}

/// What an indicator finds about one participant.
enum Finding {
    Counted,
    NotCounted,
    /// The answer it needs is not recorded.
    NotRecorded,
    /// The person preferred not to say.
    NotDisclosed,
}

impl From<Option<bool>> for Finding {
    fn from(answer: Option<bool>) -> Self {
        match answer {
            Some(true) => Self::Counted,
            Some(false) => Self::NotCounted,
            None => Self::NotRecorded,
        }
    }
}

impl From<Option<Disclosure>> for Finding {
    fn from(answer: Option<Disclosure>) -> Self {
        match answer {
            Some(Disclosure::Yes) => Self::Counted,
            Some(Disclosure::No) => Self::NotCounted,
            Some(Disclosure::PrefersNotToSay) => Self::NotDisclosed,
            None => Self::NotRecorded,
        }
    }
}

/// One common indicator: its code, when it is measured, and the rule that
/// decides whether a participant counts.
pub struct Indicator {
    /// The SFC2021 code.
    pub code: &'static str,
    /// Its name in Annex I.
    pub name: &'static str,
    /// How SOLEIL computes it, from what.
    pub computed_as: &'static str,
    pub moment: Moment,
    finds: fn(&Participation) -> Finding,
}

fn status_in(p: &Participation, statuses: &[LabourStatus]) -> Finding {
    p.answers.labour_status.map(|s| statuses.contains(&s)).into()
}

fn age_in(p: &Participation, ages: std::ops::RangeInclusive<u32>) -> Finding {
    p.age_at_entry().map(|age| ages.contains(&age)).into()
}

fn education_is(p: &Participation, level: EducationLevel) -> Finding {
    p.answers.education.map(|e| e == level).into()
}

/// Annex I's common indicators for participants, in its order.
pub const INDICATORS: [Indicator; 23] = [
    Indicator {
        code: "EECO01",
        name: "Total number of participants",
        computed_as: "Persons with a case taken in charge in the period, each once.",
        moment: Moment::Entry,
        finds: |_| Finding::Counted,
    },
    Indicator {
        code: "EECO02",
        name: "Unemployed, including long-term unemployed",
        computed_as: "Labour-market status at entry: unemployed or long-term unemployed.",
        moment: Moment::Entry,
        finds: |p| status_in(p, &[LabourStatus::Unemployed, LabourStatus::LongTermUnemployed]),
    },
    Indicator {
        code: "EECO03",
        name: "Long-term unemployed",
        computed_as: "Labour-market status at entry: long-term unemployed.",
        moment: Moment::Entry,
        finds: |p| status_in(p, &[LabourStatus::LongTermUnemployed]),
    },
    Indicator {
        code: "EECO04",
        name: "Inactive",
        computed_as: "Labour-market status at entry: inactive.",
        moment: Moment::Entry,
        finds: |p| status_in(p, &[LabourStatus::Inactive]),
    },
    Indicator {
        code: "EECO05",
        name: "Employed, including self-employed",
        computed_as: "Labour-market status at entry: employed or self-employed.",
        moment: Moment::Entry,
        finds: |p| status_in(p, &[LabourStatus::Employed, LabourStatus::SelfEmployed]),
    },
    Indicator {
        code: "EECO06",
        name: "Children below 18 years of age",
        computed_as: "Age on the day of entry, from the date of birth: under 18.",
        moment: Moment::Entry,
        finds: |p| age_in(p, 0..=17),
    },
    Indicator {
        code: "EECO07",
        name: "Young people aged 18-29",
        computed_as: "Age on the day of entry: 18 to 29.",
        moment: Moment::Entry,
        finds: |p| age_in(p, 18..=29),
    },
    Indicator {
        code: "EECO08",
        name: "Participants aged 55 and above",
        computed_as: "Age on the day of entry: 55 or more.",
        moment: Moment::Entry,
        finds: |p| age_in(p, 55..=u32::MAX),
    },
    Indicator {
        code: "EECO09",
        name: "With lower secondary education or less (ISCED 0-2)",
        computed_as: "Education level recorded at entry: ISCED 0-2.",
        moment: Moment::Entry,
        finds: |p| education_is(p, EducationLevel::LowerSecondaryOrLess),
    },
    Indicator {
        code: "EECO10",
        name: "With upper secondary (ISCED 3) or post-secondary (ISCED 4) education",
        computed_as: "Education level recorded at entry: ISCED 3-4.",
        moment: Moment::Entry,
        finds: |p| education_is(p, EducationLevel::UpperOrPostSecondary),
    },
    Indicator {
        code: "EECO11",
        name: "With tertiary education (ISCED 5-8)",
        computed_as: "Education level recorded at entry: ISCED 5-8.",
        moment: Moment::Entry,
        finds: |p| education_is(p, EducationLevel::Tertiary),
    },
    Indicator {
        code: "EECO12",
        name: "Participants with disabilities",
        computed_as: "Answer recorded at entry: yes. \"Prefers not to say\" is not counted.",
        moment: Moment::Entry,
        finds: |p| p.answers.disability.into(),
    },
    Indicator {
        code: "EECO13",
        name: "Third-country nationals",
        computed_as: "Nationality recorded on the person: not of an EU member state.",
        moment: Moment::Entry,
        finds: |p| {
            p.nationality
                .as_deref()
                .map(|code| !EU_MEMBER_STATES.contains(&code.to_uppercase().as_str()))
                .into()
        },
    },
    Indicator {
        code: "EECO14",
        name: "Participants with a foreign background",
        computed_as: "Answer recorded at entry: yes.",
        moment: Moment::Entry,
        finds: |p| p.answers.foreign_background.into(),
    },
    Indicator {
        code: "EECO15",
        name: "Minorities (including marginalised communities such as the Roma)",
        computed_as: "Answer recorded at entry: yes. \"Prefers not to say\" is not counted.",
        moment: Moment::Entry,
        finds: |p| p.answers.minority.into(),
    },
    Indicator {
        code: "EECO16",
        name: "Homeless or affected by housing exclusion",
        computed_as: "Answer recorded at entry: yes.",
        moment: Moment::Entry,
        finds: |p| p.answers.homeless.into(),
    },
    Indicator {
        code: "EECO17",
        name: "Participants from rural areas",
        computed_as: "Answer recorded at entry: yes.",
        moment: Moment::Entry,
        finds: |p| p.answers.rural_area.into(),
    },
    Indicator {
        code: "EECR01",
        name: "Participants engaged in job searching upon leaving",
        computed_as: "Persons whose case closed in the period; situation recorded upon leaving: looking for work.",
        moment: Moment::Leaving,
        finds: |p| p.answers.job_searching_on_leaving.into(),
    },
    Indicator {
        code: "EECR02",
        name: "Participants in education or training upon leaving",
        computed_as: "Persons whose case closed in the period; situation upon leaving: in education or training.",
        moment: Moment::Leaving,
        finds: |p| p.answers.in_education_on_leaving.into(),
    },
    Indicator {
        code: "EECR03",
        name: "Participants gaining a qualification upon leaving",
        computed_as: "Persons whose case closed in the period; situation upon leaving: gained a qualification.",
        moment: Moment::Leaving,
        finds: |p| p.answers.qualification_on_leaving.into(),
    },
    Indicator {
        code: "EECR04",
        name: "Participants in employment, including self-employment, upon leaving",
        computed_as: "Persons whose case closed in the period; situation upon leaving: in employment.",
        moment: Moment::Leaving,
        finds: |p| p.answers.employed_on_leaving.into(),
    },
    Indicator {
        code: "EECR05",
        name: "Participants in employment, including self-employment, six months after leaving",
        computed_as: "Persons whose sixth month after the case closed fell in the period; situation then: in employment.",
        moment: Moment::SixMonthsAfter,
        finds: |p| p.answers.employed_six_months_after.into(),
    },
    Indicator {
        code: "EECR06",
        name: "Participants with an improved labour market situation six months after leaving",
        computed_as: "As EECR05, for those employed at entry: a more stable, fuller or more skilled job, or a promotion.",
        moment: Moment::SixMonthsAfter,
        finds: |p| p.answers.improved_six_months_after.into(),
    },
];

/// One indicator's figures for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct IndicatorFigures {
    pub code: &'static str,
    pub name: &'static str,
    pub computed_as: &'static str,
    pub moment: Option<Moment>,
    /// Participants counted.
    pub total: u32,
    pub women: u32,
    pub men: u32,
    pub non_binary: u32,
    /// Participants the indicator looked at (those of its moment).
    pub considered: u32,
    /// Of those, the ones whose answer is not recorded.
    pub not_recorded: u32,
    /// Of those, the ones who preferred not to say.
    pub not_disclosed: u32,
}

crate::text_enum! {
    /// The figures of an indicator, as [`IndicatorFigures`] names them.
    IndicatorFigure {
        Total,
        Women,
        Men,
        NonBinary,
        Considered,
        NotRecorded,
        NotDisclosed,
    }
}

/// The participants an indicator looks at in a period, each person once:
/// at entry their first participation that entered in the period, upon
/// leaving and six months after their last that left (or reached six
/// months after leaving) in it.
struct Populations<'a> {
    entered: Vec<&'a Participation>,
    left: Vec<&'a Participation>,
    six_months: Vec<&'a Participation>,
}

impl<'a> Populations<'a> {
    fn of(participations: &'a [Participation], from: NaiveDate, to: NaiveDate) -> Self {
        let within = |day: Option<NaiveDate>| day.is_some_and(|d| from <= d && d <= to);
        Self {
            entered: once_each(participations, |p| within(Some(p.entered_on)), false),
            left: once_each(participations, |p| within(p.left_on), true),
            six_months: once_each(participations, |p| within(p.six_months_after_leaving()), true),
        }
    }

    fn at(&self, moment: Moment) -> &[&'a Participation] {
        match moment {
            Moment::Entry => &self.entered,
            Moment::Leaving => &self.left,
            Moment::SixMonthsAfter => &self.six_months,
        }
    }
}

/// Every indicator over the participations of a period, each person once
/// (see [`Populations`]).
pub fn indicators(participations: &[Participation], from: NaiveDate, to: NaiveDate) -> Vec<IndicatorFigures> {
    let populations = Populations::of(participations, from, to);
    INDICATORS
        .iter()
        .map(|indicator| figures(indicator, populations.at(indicator.moment)))
        .collect()
}

/// The participations behind one figure of the indicator `code` over a
/// period: none when no indicator has that code.
pub fn counted_in<'a>(
    participations: &'a [Participation],
    from: NaiveDate,
    to: NaiveDate,
    code: &str,
    figure: IndicatorFigure,
) -> Option<Vec<&'a Participation>> {
    let indicator = INDICATORS.iter().find(|indicator| indicator.code == code)?;
    let populations = Populations::of(participations, from, to);
    let population = populations.at(indicator.moment);
    Some(
        population
            .iter()
            .copied()
            .filter(|p| counts_in(indicator, p).contains(&figure))
            .collect(),
    )
}

/// The participations that `applies` keeps, one per person: the earliest,
/// or the latest when `latest`.
fn once_each(
    participations: &[Participation],
    applies: impl Fn(&Participation) -> bool,
    latest: bool,
) -> Vec<&Participation> {
    let mut chosen: std::collections::BTreeMap<uuid::Uuid, &Participation> =
        std::collections::BTreeMap::new();
    for p in participations.iter().filter(|p| applies(p)) {
        let key = |p: &Participation| (p.left_on, p.entered_on);
        chosen
            .entry(p.person)
            .and_modify(|kept| {
                let later = key(p) > key(kept);
                let earlier = p.entered_on < kept.entered_on;
                if (latest && later) || (!latest && earlier) {
                    *kept = p;
                }
            })
            .or_insert(p);
    }
    chosen.into_values().collect()
}

/// The figures of an indicator a participant it looks at counts in.
fn counts_in(indicator: &Indicator, p: &Participation) -> Vec<IndicatorFigure> {
    let mut counted = vec![IndicatorFigure::Considered];
    match (indicator.finds)(p) {
        Finding::Counted => {
            counted.push(IndicatorFigure::Total);
            match p.sex {
                Some(Sex::Female) => counted.push(IndicatorFigure::Women),
                Some(Sex::Male) => counted.push(IndicatorFigure::Men),
                Some(Sex::Other) => counted.push(IndicatorFigure::NonBinary),
                None => {}
            }
        }
        Finding::NotCounted => {}
        Finding::NotRecorded => counted.push(IndicatorFigure::NotRecorded),
        Finding::NotDisclosed => counted.push(IndicatorFigure::NotDisclosed),
    }
    counted
}

fn figures(indicator: &Indicator, population: &[&Participation]) -> IndicatorFigures {
    let mut figures = IndicatorFigures {
        code: indicator.code,
        name: indicator.name,
        computed_as: indicator.computed_as,
        moment: Some(indicator.moment),
        ..IndicatorFigures::default()
    };
    for p in population {
        for figure in counts_in(indicator, p) {
            let count = match figure {
                IndicatorFigure::Total => &mut figures.total,
                IndicatorFigure::Women => &mut figures.women,
                IndicatorFigure::Men => &mut figures.men,
                IndicatorFigure::NonBinary => &mut figures.non_binary,
                IndicatorFigure::Considered => &mut figures.considered,
                IndicatorFigure::NotRecorded => &mut figures.not_recorded,
                IndicatorFigure::NotDisclosed => &mut figures.not_disclosed,
            };
            *count += 1;
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(n: u128, sex: Sex, born: NaiveDate, entered_on: NaiveDate) -> Participation {
        Participation {
            person: uuid::Uuid::from_u128(n),
            sex: Some(sex),
            date_of_birth: Some(born),
            nationality: Some("IN".into()),
            entered_on,
            ..Participation::default()
        }
    }

    fn find<'a>(all: &'a [IndicatorFigures], code: &str) -> &'a IndicatorFigures {
        all.iter().find(|f| f.code == code).unwrap()
    }

    #[test]
    fn every_participant_counts_once_broken_down_by_gender() {
        let (from, to) = (day(2026, 1, 1), day(2026, 12, 31));
        let mut first = person(1, Sex::Female, day(2000, 6, 1), day(2026, 3, 1));
        first.answers.labour_status = Some(LabourStatus::LongTermUnemployed);
        // The same person's second case in the period: not counted again.
        let mut again = first.clone();
        again.entered_on = day(2026, 9, 1);
        again.answers.labour_status = Some(LabourStatus::Inactive);
        let mut second = person(2, Sex::Male, day(1960, 1, 1), day(2026, 5, 1));
        second.nationality = Some("ro".into());
        second.answers.disability = Some(Disclosure::PrefersNotToSay);
        let third = person(3, Sex::Other, day(2010, 12, 31), day(2026, 12, 30));
        let before = person(4, Sex::Male, day(1990, 1, 1), day(2025, 12, 31));
        let all = indicators(&[first, again, second, third, before], from, to);
        assert_eq!(all.len(), 23);
        let total = find(&all, "EECO01");
        assert_eq!(
            (total.total, total.women, total.men, total.non_binary),
            (3, 1, 1, 1)
        );
        // The first case's answer is the one counted.
        assert_eq!(find(&all, "EECO03").total, 1);
        assert_eq!(find(&all, "EECO04").total, 0);
        assert_eq!(find(&all, "EECO02").not_recorded, 2);
        // 25, 66 and 15 at entry (the third turns 16 the day after).
        assert_eq!(find(&all, "EECO06").total, 1);
        assert_eq!(find(&all, "EECO07").total, 1);
        assert_eq!(find(&all, "EECO08").total, 1);
        // Romania is in the Union; India is not.
        assert_eq!(find(&all, "EECO13").total, 2);
        let disability = find(&all, "EECO12");
        assert_eq!(
            (
                disability.total,
                disability.not_disclosed,
                disability.not_recorded
            ),
            (0, 1, 2)
        );
    }

    #[test]
    fn results_count_those_who_left_and_those_six_months_on() {
        let (from, to) = (day(2026, 7, 1), day(2026, 12, 31));
        let mut left = person(1, Sex::Female, day(1990, 1, 1), day(2026, 1, 10));
        left.left_on = Some(day(2026, 8, 1));
        left.answers.employed_on_leaving = Some(true);
        left.answers.job_searching_on_leaving = Some(false);
        let mut earlier = person(2, Sex::Male, day(1990, 1, 1), day(2025, 6, 1));
        earlier.left_on = Some(day(2026, 2, 15));
        earlier.answers.employed_six_months_after = Some(true);
        earlier.answers.labour_status = Some(LabourStatus::Employed);
        earlier.answers.improved_six_months_after = Some(true);
        let mut still_open = person(3, Sex::Male, day(1990, 1, 1), day(2025, 6, 1));
        still_open.answers.employed_on_leaving = Some(true);
        let all = indicators(&[left, earlier, still_open], from, to);
        let employed = find(&all, "EECR04");
        assert_eq!((employed.considered, employed.total, employed.women), (1, 1, 1));
        assert_eq!(find(&all, "EECR01").total, 0);
        assert_eq!(find(&all, "EECR02").not_recorded, 1);
        let later = find(&all, "EECR05");
        assert_eq!((later.considered, later.total, later.men), (1, 1, 1));
        assert_eq!(find(&all, "EECR06").total, 1);
        // Nobody entered in the period.
        assert_eq!(find(&all, "EECO01").total, 0);
    }

    #[test]
    fn an_improved_situation_is_asked_of_those_employed_at_entry() {
        let mut input = ParticipantInput {
            labour_status: Some(LabourStatus::Unemployed),
            improved_six_months_after: Some(true),
            ..ParticipantInput::default()
        };
        assert!(input.parse().is_err());
        input.labour_status = Some(LabourStatus::SelfEmployed);
        assert!(input.parse().is_ok());
    }

    #[test]
    fn codes_are_unique_and_in_annex_order() {
        let codes: Vec<&str> = INDICATORS.iter().map(|i| i.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }
}
