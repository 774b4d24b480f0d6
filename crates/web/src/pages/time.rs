//! Dates and times as every page shows them: in Italian civil time
//! (Europe/Rome), dd/mm/yyyy. The store keeps instants in UTC; people read
//! them where they work. Also the askama filters the templates use.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

pub(super) use soleil_domain::time::rome_time;

/// The instant a day starts in Italy, for date filters.
pub(super) fn rome_midnight(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let winter = Utc.from_utc_datetime(&(midnight - Duration::hours(1)));
    if rome_time(winter) == midnight {
        winter
    } else {
        Utc.from_utc_datetime(&(midnight - Duration::hours(2)))
    }
}

/// dd/mm/yyyy.
pub(super) fn date_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The day of an instant in Italy, dd/mm/yyyy.
pub(super) fn day_text(at: DateTime<Utc>) -> String {
    date_text(rome_time(at).date())
}

/// An instant in Italian time, dd/mm/yyyy hh:mm.
pub(super) fn time_text(at: DateTime<Utc>) -> String {
    rome_time(at).format("%d/%m/%Y %H:%M").to_string()
}

/// The same formats as askama filters: `{{ at|datetime }}`, `{{ at|day }}`,
/// `{{ due|date }}`. A template finds them by the name `filters` in scope.
pub(super) mod filters {
    use chrono::{DateTime, NaiveDate, Utc};

    /// A value that is a moment, however many references askama puts before it.
    pub trait Moment {
        fn moment(&self) -> DateTime<Utc>;
    }

    impl Moment for DateTime<Utc> {
        fn moment(&self) -> DateTime<Utc> {
            *self
        }
    }

    impl<T: Moment + ?Sized> Moment for &T {
        fn moment(&self) -> DateTime<Utc> {
            (**self).moment()
        }
    }

    /// A value that is a calendar date.
    pub trait Day {
        fn day(&self) -> NaiveDate;
    }

    impl Day for NaiveDate {
        fn day(&self) -> NaiveDate {
            *self
        }
    }

    impl<T: Day + ?Sized> Day for &T {
        fn day(&self) -> NaiveDate {
            (**self).day()
        }
    }

    /// dd/mm/yyyy hh:mm, in Italian civil time.
    pub fn datetime(at: impl Moment, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::time_text(at.moment()))
    }

    /// dd/mm/yyyy of a moment, in Italian civil time.
    pub fn day(at: impl Moment, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::day_text(at.moment()))
    }

    /// A calendar date as dd/mm/yyyy.
    pub fn date(day: impl Day, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::date_text(day.day()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_time_follows_summer_time() {
        let at = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
        assert_eq!(time_text(at(2026, 1, 15, 9, 30)), "15/01/2026 10:30");
        assert_eq!(time_text(at(2026, 7, 15, 9, 30)), "15/07/2026 11:30");
        assert_eq!(day_text(at(2026, 7, 1, 22, 30)), "02/07/2026");
        // 2026: summer time from 29 March to 25 October, at 01:00 UTC.
        assert_eq!(time_text(at(2026, 3, 29, 0, 59)), "29/03/2026 01:59");
        assert_eq!(time_text(at(2026, 3, 29, 1, 0)), "29/03/2026 03:00");
        assert_eq!(time_text(at(2026, 10, 25, 0, 59)), "25/10/2026 02:59");
        assert_eq!(time_text(at(2026, 10, 25, 1, 0)), "25/10/2026 02:00");
    }

    #[test]
    fn days_start_at_italian_midnight() {
        let day = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert_eq!(
            rome_midnight(day),
            Utc.with_ymd_and_hms(2026, 7, 14, 22, 0, 0).unwrap()
        );
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(
            rome_midnight(day),
            Utc.with_ymd_and_hms(2026, 1, 14, 23, 0, 0).unwrap()
        );
    }

    #[test]
    fn the_filters_write_the_same_formats() {
        let at = Utc.with_ymd_and_hms(2026, 7, 1, 22, 30, 0).unwrap();
        assert_eq!(filters::datetime(at, &()).unwrap(), "02/07/2026 00:30");
        assert_eq!(filters::day(at, &()).unwrap(), "02/07/2026");
        assert_eq!(filters::date(at.date_naive(), &()).unwrap(), "01/07/2026");
    }
}
