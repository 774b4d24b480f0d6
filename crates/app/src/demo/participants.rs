//! What the secretariat records of a demo person as an ESF+ participant
//! when the case is taken in charge, so that the demo's ESF+ report and
//! research export have figures. Drawn from the person's name rather than
//! the demo's random draws, so the people stay as they were.

use soleil_domain::esf::{Disclosure, EducationLevel, LabourStatus, ParticipantInput};

use super::stories::Story;

/// A number that stays the same for the same person.
fn draw(story: &Story) -> u64 {
    let name = [&story.person.given_name, &story.person.surname];
    name.iter()
        .flat_map(|part| part.as_deref().unwrap_or_default().bytes())
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The answers at entry: most without a regular job, little schooling, a
/// few who prefer not to say; three in four consent to research use.
pub(super) fn participant_answers(story: &Story) -> ParticipantInput {
    let n = draw(story);
    let pick = |shift: u32, modulus: u64| (n >> shift) % modulus;
    let labour_status = match pick(0, 10) {
        0..=3 => LabourStatus::Unemployed,
        4..=6 => LabourStatus::LongTermUnemployed,
        7 => LabourStatus::Inactive,
        _ => LabourStatus::Employed,
    };
    let education = match pick(8, 10) {
        0..=5 => Some(EducationLevel::LowerSecondaryOrLess),
        6..=8 => Some(EducationLevel::UpperOrPostSecondary),
        _ => None,
    };
    let disclosure = |shift: u32, yes_in_ten: u64| match pick(shift, 10) {
        k if k < yes_in_ten => Disclosure::Yes,
        9 => Disclosure::PrefersNotToSay,
        _ => Disclosure::No,
    };
    ParticipantInput {
        labour_status: Some(labour_status),
        education,
        disability: Some(disclosure(16, 1)),
        foreign_background: Some(Disclosure::Yes),
        minority: Some(disclosure(24, 1)),
        homeless: Some(disclosure(32, 3)),
        rural_area: Some(disclosure(40, 6)),
        research_consent: Some(pick(48, 4) != 0),
        ..ParticipantInput::default()
    }
}
