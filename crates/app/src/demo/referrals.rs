//! Referrals: in every region the secretariat refers a few people in the
//! pathway to the regional job centre, and the centre answers them, so the
//! demo shows a referral at every state (one of them overdue). Played
//! through the use cases, after the places.

use chrono::{Days, Utc};
use soleil_domain::User;
use soleil_domain::referral::{ReferralAnswer, ReferralInput};
use soleil_domain::{CaseState, NeedArea, ReferralShare, RegionCode};
use soleil_store::cases::CaseFilter;
use soleil_store::network;

use super::DEMO_DOMAIN;
use crate::{App, AppError, AppResult, Page};

impl App {
    /// Sends and answers the demo referrals; returns how many were sent.
    pub(super) async fn create_demo_referrals(&self) -> AppResult<usize> {
        let mut sent = 0;
        for region in RegionCode::all() {
            let secretariat = self.demo_account(&format!("secretariat.{region}")).await?;
            let service = self.demo_account(&format!("service.{region}")).await?;
            let Some(organisation_id) = service.organisation_id else {
                continue;
            };
            let filter = CaseFilter {
                states: vec![CaseState::Planning, CaseState::Inclusion],
                ..CaseFilter::default()
            };
            let (cases, _) = self.cases(&secretariat, &filter, Page::new(0, 6)).await?;
            let today = Utc::now().date_naive();
            for (n, summary) in cases.iter().enumerate() {
                // The second one was due a week ago and is still unanswered.
                let due = if n == 1 {
                    today.checked_sub_days(Days::new(7))
                } else {
                    today.checked_add_days(Days::new(14))
                };
                let Some(due_date) = due else { continue };
                let input = ReferralInput {
                    organisation_id,
                    area: NeedArea::Work,
                    description: "Orientamento al lavoro e iscrizione al centro per l'impiego".into(),
                    due_date,
                    shares: vec![ReferralShare::Languages, ReferralShare::ScreeningSummary],
                    consent: true,
                };
                let referral = self.send_referral(&secretariat, summary.case.id, &input).await?;
                sent += 1;
                let id = referral.referral.referral.id;
                let answer = |reason: Option<&str>, feedback: Option<&str>| ReferralAnswer {
                    reason: reason.map(str::to_owned),
                    feedback: feedback.map(str::to_owned),
                };
                match n {
                    2 => {
                        self.accept_referral(&service, id).await?;
                    }
                    3 => {
                        self.decline_referral(
                            &service,
                            id,
                            &answer(Some("Nessun percorso disponibile ora"), None),
                        )
                        .await?;
                    }
                    4 => {
                        self.accept_referral(&service, id).await?;
                        let done = answer(None, Some("Colloquio svolto, iscritto a un corso"));
                        self.complete_referral(&service, id, &done).await?;
                    }
                    5 => {
                        self.cancel_referral(&secretariat, id, &answer(None, None))
                            .await?;
                    }
                    _ => {}
                }
            }
        }
        Ok(sent)
    }

    async fn demo_account(&self, login: &str) -> AppResult<User> {
        let mut handle = self.store.handle().await?;
        network::user_by_email(handle.conn(), &format!("{login}@{DEMO_DOMAIN}"))
            .await?
            .map(|(user, _)| user)
            .ok_or(AppError::NotFound("demo user"))
    }
}
