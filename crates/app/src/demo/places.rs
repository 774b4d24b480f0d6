//! Emergency places: the facilities of every region declare beds of each
//! kind, and the regional secretariat gives one to each person whose case
//! is in the emergency response. Played through the use cases, after the
//! stories, as the admin and the secretariat.

use soleil_domain::place::{AllocationInput, PlaceInput, is_facility};
use soleil_domain::{CaseState, Organisation, PlaceKind, RegionCode, Sex, User};
use soleil_store::cases::CaseFilter;
use soleil_store::network;
use soleil_store::places::PlaceFilter;

use super::DEMO_DOMAIN;
use crate::{App, AppError, AppResult, Page};

/// Places a facility declares, per kind: (kind, how many).
const BEDS: &[(PlaceKind, usize)] = &[
    (PlaceKind::Men, 4),
    (PlaceKind::Women, 3),
    (PlaceKind::Families, 1),
    (PlaceKind::Minors, 1),
];

impl App {
    /// Declares the places of every facility and allocates some to the
    /// cases in emergency; returns how many places were declared.
    pub(super) async fn create_demo_places(&self, organisations: &[Organisation]) -> AppResult<usize> {
        let admin = self.demo_user("admin").await?;
        let mut declared = 0;
        for organisation in organisations.iter().filter(|o| is_facility(o.kind)) {
            let mut number = 0;
            for (kind, count) in BEDS {
                for n in 0..*count {
                    number += 1;
                    let input = PlaceInput {
                        organisation_id: organisation.id,
                        kind: *kind,
                        // The first bed of each kind has no barriers.
                        accessible: n == 0,
                        label: match kind {
                            PlaceKind::Families => format!("Appartamento {number}"),
                            _ => format!("Letto {number}"),
                        },
                    };
                    self.declare_place(&admin, &input).await?;
                    declared += 1;
                }
            }
        }
        for region in RegionCode::all() {
            let secretariat = self.demo_user(&format!("secretariat.{region}")).await?;
            self.shelter_emergencies(&secretariat).await?;
        }
        Ok(declared)
    }

    pub(super) async fn demo_user(&self, login: &str) -> AppResult<User> {
        let mut handle = self.store.handle().await?;
        network::user_by_email(handle.conn(), &format!("{login}@{DEMO_DOMAIN}"))
            .await?
            .map(|(user, _)| user)
            .ok_or(AppError::NotFound("demo user"))
    }

    /// Each case in emergency gets a free place for a man or a woman.
    async fn shelter_emergencies(&self, secretariat: &User) -> AppResult<()> {
        let filter = CaseFilter {
            states: vec![CaseState::Emergency],
            ..CaseFilter::default()
        };
        let (cases, _) = self
            .cases(secretariat, &filter, Page::new(0, Page::MAX_SIZE))
            .await?;
        for summary in cases {
            let file = self.case(secretariat, summary.case.id).await?;
            let kind = match file.person.sex {
                Some(Sex::Female) => PlaceKind::Women,
                _ => PlaceKind::Men,
            };
            let free = PlaceFilter {
                kind: Some(kind),
                free: Some(true),
                ..PlaceFilter::default()
            };
            let Some(place) = self.places(secretariat, &free).await?.into_iter().next() else {
                continue;
            };
            let input = AllocationInput {
                place_id: place.place.id,
                from: file.case.opened_at.date_naive(),
                until: None,
            };
            self.allocate_place(secretariat, file.case.id, &input).await?;
        }
        Ok(())
    }
}
