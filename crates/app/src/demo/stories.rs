//! Stories: each person's path, planned as data before anything is stored.

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use soleil_domain::WorkSector as Sector;
use soleil_domain::{
    ClosingReason, ContactChannel, FirstProfileInput, NeedArea, PersonInput, RegionCode, Role,
};

use super::casework::REFERRALS;
use super::draw::{pick, pick_weighted};
use super::needs::plan_needs;
use super::network::{organisation_kind, staff_of};
use super::people::{origin, person};
use super::regions::{REGIONS, RegionProfile, place};
use super::screening::{account, channels, urgent_needs};

/// How far along the pathway a demo person's story goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    /// Anonymous contact, screening kept as a draft.
    Anonymous,
    /// Named person, screening not sent yet.
    Draft,
    Reported,
    Assessing,
    Emergency,
    NotInScope,
    ReferredElsewhere,
    Planning,
    PlanReview,
    Inclusion,
    GoalsMet,
    DroppedOut,
    MovedRegion,
}

/// How many of every forty people reach each stage.
pub(super) const STAGE_WEIGHTS: [(Stage, usize); 13] = [
    (Stage::Anonymous, 3),
    (Stage::Draft, 2),
    (Stage::Reported, 5),
    (Stage::Assessing, 3),
    (Stage::Emergency, 3),
    (Stage::NotInScope, 2),
    (Stage::ReferredElsewhere, 2),
    (Stage::Planning, 4),
    (Stage::PlanReview, 3),
    (Stage::Inclusion, 7),
    (Stage::GoalsMet, 3),
    (Stage::DroppedOut, 2),
    (Stage::MovedRegion, 1),
];

/// Why and how the stages that end the path close the case.
pub(super) fn closing(stage: Stage) -> Option<(ClosingReason, &'static str)> {
    match stage {
        Stage::GoalsMet => Some((
            ClosingReason::GoalsMet,
            "Contratto regolare e alloggio autonomo: obiettivi del piano raggiunti.",
        )),
        Stage::DroppedOut => Some((
            ClosingReason::DroppedOut,
            "Non si presenta agli appuntamenti da oltre un mese e il telefono risulta spento.",
        )),
        Stage::MovedRegion => Some((
            ClosingReason::MovedRegion,
            "Trasferito in Puglia per la raccolta del pomodoro; informati i servizi della regione di arrivo.",
        )),
        _ => None,
    }
}

/// One demo person's path, decided in advance.
#[derive(Debug, Clone)]
pub(super) struct Story {
    pub(super) region: RegionCode,
    pub(super) stage: Stage,
    pub(super) person: PersonInput,
    pub(super) profile: FirstProfileInput,
    /// Index among the region's frontline, case manager users.
    pub(super) recorder: usize,
    pub(super) case_manager: usize,
    pub(super) zonal_group: &'static str,
    /// Through emergency protection before the personalised path.
    pub(super) via_emergency: bool,
    /// A second screening sent before triage.
    pub(super) follow_up: bool,
    /// Need areas with the variant of their text.
    pub(super) needs: Vec<(NeedArea, usize)>,
    /// The working group first asks for this need to be added.
    pub(super) requested_change: Option<NeedArea>,
    /// For those who drop out: before the plan is even submitted.
    pub(super) early_exit: bool,
    /// Index into [`REFERRALS`] and [`NOT_IN_SCOPE`](super::casework::NOT_IN_SCOPE).
    pub(super) referral: usize,
}

/// Splits `total` people over weighted stages: at least one each, the rest
/// in proportion, what rounding leaves going to the heaviest stages.
pub(super) fn allocate(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let spare = total.saturating_sub(weights.len());
    let mut counts: Vec<usize> = weights.iter().map(|w| 1 + spare * w / sum.max(1)).collect();
    let mut heaviest: Vec<usize> = (0..weights.len()).collect();
    heaviest.sort_by_key(|&i| std::cmp::Reverse(weights[i]));
    let left = total.saturating_sub(counts.iter().sum());
    for &i in heaviest.iter().cycle().take(left) {
        counts[i] += 1;
    }
    counts
}

/// Every demo person's story, in the order they are recorded: shuffled, so
/// lists mix regions and stages as real work would.
pub(super) fn stories(rng: &mut StdRng) -> Vec<Story> {
    let weights = STAGE_WEIGHTS.map(|(_, weight)| weight);
    let mut all = Vec::new();
    for region in REGIONS {
        let counts = allocate(region.persons, &weights);
        for ((stage, _), count) in STAGE_WEIGHTS.iter().zip(counts) {
            for ordinal in 0..count {
                all.push(story(rng, region, *stage, ordinal));
            }
        }
    }
    all.shuffle(rng);
    all
}

fn story(rng: &mut StdRng, region: &RegionProfile, stage: Stage, ordinal: usize) -> Story {
    let origin = origin(pick_weighted(rng, region.origins));
    let female = rng.gen_range(0..100) < origin.female_percent;
    let age = rng.gen_range(19..=58);
    let mut languages = vec![origin.languages[0].to_owned()];
    for other in &origin.languages[1..] {
        if rng.gen_bool(0.5) {
            languages.push((*other).to_owned());
        }
    }
    if !languages.iter().any(|l| l == "it") && rng.gen_bool(0.35) {
        languages.push("it".to_owned());
    }
    let sector = if female && rng.gen_bool(0.35) {
        pick(rng, &[Sector::CareWork, Sector::DomesticWork])
    } else {
        pick_weighted(rng, origin.sectors)
    };
    let (place_name, zonal_group, _) = place(rng, region, sector);
    let status = pick_weighted(rng, origin.statuses);
    let needs = urgent_needs(rng, stage, ordinal);
    let anonymous = stage == Stage::Anonymous;
    let person = person(rng, origin, female, age, anonymous);
    let frontline: Vec<_> = staff_of(region.code, Role::Frontline).collect();
    let recorder = rng.gen_range(0..frontline.len().max(1));
    let recorder_kind = frontline
        .get(recorder)
        .and_then(|seed| organisation_kind(region.code, seed.4));
    let channel = if anonymous {
        ContactChannel::MobileUnit
    } else {
        pick_weighted(rng, channels(recorder_kind))
    };
    let (notes, indicators) = account(rng, stage, sector, place_name, needs);
    let sent = !matches!(stage, Stage::Anonymous | Stage::Draft);
    let plan = plan_needs(rng, status, &languages, needs);
    let requested_change = rng
        .gen_bool(0.25)
        .then(|| {
            [
                NeedArea::Housing,
                NeedArea::SocialSupport,
                NeedArea::Training,
                NeedArea::LegalAid,
            ]
            .into_iter()
            .find(|area| !plan.iter().any(|(a, _)| a == area))
        })
        .flatten();
    Story {
        region: region.code,
        stage,
        profile: FirstProfileInput {
            contact_channel: Some(channel),
            work_place: Some(place_name.to_owned()),
            sector: Some(sector),
            legal_status: (!anonymous || rng.gen_bool(0.5)).then_some(status),
            urgent: needs,
            languages,
            consent_to_referral: sent || rng.gen_bool(0.3),
            notes: Some(notes),
            indicators,
        },
        person,
        recorder,
        case_manager: rng.gen_range(0..staff_of(region.code, Role::CaseManager).count().max(1)),
        zonal_group,
        via_emergency: needs.danger || needs.no_shelter,
        follow_up: stage == Stage::Reported && ordinal.is_multiple_of(3),
        needs: plan,
        requested_change,
        early_exit: rng.gen_bool(0.5),
        referral: rng.gen_range(0..REFERRALS.len()),
    }
}

/// How many people of the Abruzzo inclusion cohort: four empowerment
/// editions of twelve, enough for the eight professional labs and the
/// thirty-three placements of the nine-month cycle (seed 004).
pub(super) const COHORT_SIZE: usize = 48;

/// The Abruzzo inclusion cohort: people whose cases reach inclusion with an
/// agreed plan, played after the other stories. They come from a generator
/// of their own, so adding them leaves every other demo person as it was.
pub(super) fn inclusion_cohort(rng: &mut StdRng) -> Vec<Story> {
    let Some(abruzzo) = REGIONS.iter().find(|r| r.code == RegionCode::Abr) else {
        return Vec::new();
    };
    (0..COHORT_SIZE)
        .map(|ordinal| story(rng, abruzzo, Stage::Inclusion, ordinal))
        .collect()
}
