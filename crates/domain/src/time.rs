//! Italian civil time (Europe/Rome), which people in the network read and
//! opening hours are written in. The store keeps instants in UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

/// Civil time in Italy (Europe/Rome): CET, and CEST from the last Sunday
/// of March to the last Sunday of October, switching at 01:00 UTC.
pub fn rome_time(at: DateTime<Utc>) -> NaiveDateTime {
    let utc = at.naive_utc();
    let switch = |month: u32| {
        let last_day = NaiveDate::from_ymd_opt(at.year(), month, 31).unwrap_or_default();
        let back = last_day.weekday().num_days_from_sunday();
        (last_day - Duration::days(i64::from(back)))
            .and_hms_opt(1, 0, 0)
            .unwrap_or_default()
    };
    let summer = utc >= switch(3) && utc < switch(10);
    utc + Duration::hours(if summer { 2 } else { 1 })
}
