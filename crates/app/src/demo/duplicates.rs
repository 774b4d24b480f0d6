//! A handful of the demo's people recorded a second time, at another desk
//! of their region, under a variant spelling: a transliteration (Mohamed,
//! Muhammad), names swapped, a slip of the keyboard, or the placeholder
//! birth date of 1 January. The second desk does not see the first record,
//! so the intake check tells the secretariat, whose queue of possible
//! duplicates then has pairs to review.

use chrono::Datelike;
use soleil_domain::{PersonInput, Role, User};
use soleil_store::Page;
use soleil_store::network::UserFilter;

use super::stories::Story;
use crate::intake::ContactInput;
use crate::{App, AppResult};

/// How many people are recorded twice.
const DUPLICATES: usize = 8;

/// Spellings of one name met at the desks, both ways.
const TRANSLITERATIONS: &[(&str, &str)] = &[
    ("Mohamed", "Muhammad"),
    ("Mohammed", "Mohamed"),
    ("Muhammad", "Mohammed"),
    ("Ahmed", "Ahmad"),
    ("Hussain", "Hussein"),
    ("Singh", "Sing"),
    ("Kaur", "Kor"),
    ("Mamadou", "Mamadu"),
    ("Ousmane", "Usman"),
    ("Ibrahim", "Ibrahima"),
    ("Abdoulaye", "Abdullahi"),
    ("Ion", "Ioan"),
    ("Mihai", "Mihail"),
];

impl App {
    /// Records the second copies; each is a draft contact of its own.
    pub(super) async fn record_demo_duplicates(&self, stories: &[Story]) -> AppResult<usize> {
        let named = stories
            .iter()
            .filter(|s| !s.person.anonymous && s.person.surname.is_some())
            .step_by(stories.len() / (DUPLICATES * 2) + 1)
            .take(DUPLICATES);
        let mut recorded = 0;
        for (n, story) in named.enumerate() {
            let Some(desk) = self.other_desk(story).await? else {
                continue;
            };
            let contact = ContactInput {
                person: variant(&story.person, n),
                screening: story.profile.clone(),
                send: false,
                // The second desk sees no match of its own: the secretariat is told.
                confirm_new_person: true,
            };
            self.record_contact(&desk, &contact).await?;
            recorded += 1;
        }
        Ok(recorded)
    }

    /// A frontline operator of the story's region other than its recorder.
    async fn other_desk(&self, story: &Story) -> AppResult<Option<User>> {
        let filter = UserFilter {
            region: Some(story.region),
            role: Some(Role::Frontline),
            ..UserFilter::default()
        };
        let mut handle = self.store.handle().await?;
        let (desks, _) = soleil_store::network::users(handle.conn(), &filter, Page::new(0, 50)).await?;
        Ok(desks.get(story.recorder + 1).or(desks.first()).cloned())
    }
}

/// The person as a second desk might write them down.
fn variant(person: &PersonInput, n: usize) -> PersonInput {
    let mut copy = person.clone();
    let transliterated = [&mut copy.given_name, &mut copy.surname].into_iter().any(|name| {
        let Some(text) = name.as_deref() else { return false };
        match TRANSLITERATIONS.iter().find(|(from, _)| text.contains(from)) {
            Some((from, to)) => {
                *name = Some(text.replacen(from, to, 1));
                true
            }
            None => false,
        }
    });
    if transliterated {
        return copy;
    }
    match n % 3 {
        0 => std::mem::swap(&mut copy.given_name, &mut copy.surname),
        1 => {
            // A letter typed twice.
            copy.surname = copy.surname.map(|s| {
                let mut chars: Vec<char> = s.chars().collect();
                if let Some(last) = chars.last().copied() {
                    chars.push(last);
                }
                chars.into_iter().collect()
            });
        }
        _ => {
            // The placeholder date desks write when only the year is known,
            // and so without the card that bears the codice fiscale.
            copy.date_of_birth = copy
                .date_of_birth
                .and_then(|d| chrono::NaiveDate::from_ymd_opt(d.year(), 1, 1));
            copy.codice_fiscale = None;
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_demo_leaves_pairs_for_the_secretariat() {
        let dir = tempfile::tempdir().unwrap();
        let settings = crate::Settings {
            password_memory_kib: 1024,
            ..crate::Settings::default()
        };
        let url = format!("sqlite://{}", dir.path().join("demo.db").display());
        let app = App::open(&url, settings).await.unwrap();
        app.load_demo().await.unwrap();
        let mut handle = app.store.handle().await.unwrap();
        let (_, open) = soleil_store::identity::open_pairs(handle.conn(), None, Page::new(0, 1))
            .await
            .unwrap();
        assert!(open >= DUPLICATES as i64 / 2, "{open} open pairs");
    }

    #[test]
    fn variants_keep_the_person_recognisable() {
        let person = PersonInput {
            given_name: Some("Mohamed".into()),
            surname: Some("Diallo".into()),
            ..PersonInput::default()
        };
        assert_eq!(variant(&person, 0).given_name.as_deref(), Some("Muhammad"));
        let person = PersonInput {
            given_name: Some("Elena".into()),
            surname: Some("Popescu".into()),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1990, 6, 12),
            ..PersonInput::default()
        };
        assert_eq!(variant(&person, 0).given_name.as_deref(), Some("Popescu"));
        assert_eq!(variant(&person, 1).surname.as_deref(), Some("Popescuu"));
        assert_eq!(
            variant(&person, 2).date_of_birth,
            chrono::NaiveDate::from_ymd_opt(1990, 1, 1)
        );
    }
}
