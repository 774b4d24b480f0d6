//! How the directory's pages word a service's facts: opening hours, an
//! address, a language, a distance. Opening hours are written in the
//! words the hours field of the form reads back ("lun–ven 09:00–13:00;
//! sab 09:00–12:00"), so what a page shows can be typed again.

use soleil_domain::directory::{Location, OpeningHours, Weekday};

use crate::i18n::Lang;

/// The intervals of one day, "09:00–13:00, 15:00–18:00".
fn intervals(hours: &[&OpeningHours]) -> String {
    hours
        .iter()
        .map(|h| format!("{}–{}", h.opens.format("%H:%M"), h.closes.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each day of the week with its hours, Monday first; days without are left out.
fn by_day(hours: &[OpeningHours]) -> Vec<(Weekday, String)> {
    Weekday::all()
        .filter_map(|day| {
            let mut of_day: Vec<&OpeningHours> = hours.iter().filter(|h| h.day == day).collect();
            of_day.sort_by_key(|h| h.opens);
            (!of_day.is_empty()).then(|| (day, intervals(&of_day)))
        })
        .collect()
}

/// Every day with hours, by its full name: what a service's page lists.
pub(super) fn hours_by_day(lang: Lang, hours: &[OpeningHours]) -> Vec<(String, String)> {
    by_day(hours)
        .into_iter()
        .map(|(day, text)| (lang.label("weekday", day.as_str()), text))
        .collect()
}

/// The week in one line: runs of days with the same hours become ranges
/// ("lun–ven"), and days that share hours are listed together.
pub(super) fn hours_text(lang: Lang, hours: &[OpeningHours]) -> String {
    let short = |day: Weekday| lang.label("weekday-short", day.as_str());
    // Runs of consecutive days with the same intervals.
    let mut runs: Vec<(Weekday, Weekday, String)> = Vec::new();
    for (day, text) in by_day(hours) {
        match runs.last_mut() {
            Some((_, last, same)) if *same == text && last.number() + 1 == day.number() => *last = day,
            _ => runs.push((day, day, text)),
        }
    }
    // Runs that share intervals, in the order they first appear.
    let mut segments: Vec<(Vec<String>, String)> = Vec::new();
    for (first, last, text) in runs {
        let days = if first == last {
            short(first)
        } else {
            format!("{}–{}", short(first), short(last))
        };
        match segments.iter_mut().find(|(_, same)| *same == text) {
            Some((list, _)) => list.push(days),
            None => segments.push((vec![days], text)),
        }
    }
    segments
        .into_iter()
        .map(|(days, text)| format!("{} {text}", days.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A language by its name in the interface's language, with its code:
/// "punjabi (pa)"; the code alone when we have no name for it.
pub(super) fn language_label(lang: Lang, code: &str) -> String {
    let id = format!("language-{code}");
    let name = lang.t(&id);
    if name == id {
        code.to_owned()
    } else {
        format!("{name} ({code})")
    }
}

/// "Via Roma 1, 04100 Latina (LT)": the street, postcode and comune.
pub(super) fn address(location: &Location) -> String {
    let comune = soleil_reference::comune(&location.comune).map_or_else(
        || location.comune.clone(),
        |c| format!("{} ({})", c.name, c.province_abbreviation),
    );
    let place = match &location.postcode {
        Some(postcode) => format!("{postcode} {comune}"),
        None => comune,
    };
    format!("{}, {place}", location.street)
}

/// "2,4 km" in Italian, "2.4 km" in English.
pub(super) fn distance_text(lang: Lang, km: f64) -> String {
    let text = format!("{km:.1} km");
    match lang {
        Lang::It => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    fn at(day: Weekday, opens: &str, closes: &str) -> OpeningHours {
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").unwrap_or_default();
        OpeningHours {
            day,
            opens: time(opens),
            closes: time(closes),
        }
    }

    fn week() -> Vec<OpeningHours> {
        use Weekday::*;
        let mut hours: Vec<OpeningHours> = [Monday, Tuesday, Wednesday, Thursday, Friday]
            .into_iter()
            .map(|d| at(d, "09:00", "13:00"))
            .collect();
        hours.push(at(Tuesday, "15:00", "18:00"));
        hours.push(at(Saturday, "09:00", "12:00"));
        hours.push(at(Sunday, "09:00", "12:00"));
        hours
    }

    #[test]
    fn a_week_reads_in_one_line() {
        assert_eq!(
            hours_text(Lang::It, &week()),
            "lun, mer–ven 09:00–13:00; mar 09:00–13:00, 15:00–18:00; sab–dom 09:00–12:00"
        );
        assert_eq!(
            hours_text(Lang::En, &[at(Weekday::Friday, "08:30", "12:00")]),
            "Fri 08:30–12:00"
        );
        assert_eq!(hours_text(Lang::It, &[]), "");
    }

    #[test]
    fn what_a_page_shows_the_form_reads_back() {
        for lang in [Lang::It, Lang::En] {
            let mut read =
                soleil_app::directory::sheet::parse_hours(&hours_text(lang, &week())).unwrap_or_default();
            let mut expected = week();
            let key = |h: &OpeningHours| (h.day.number(), h.opens);
            read.sort_by_key(key);
            expected.sort_by_key(key);
            assert_eq!(read, expected, "{lang:?}");
        }
    }

    #[test]
    fn each_day_has_its_name() {
        let days = hours_by_day(Lang::En, &week());
        assert_eq!(
            days[1],
            ("Tuesday".to_owned(), "09:00–13:00, 15:00–18:00".to_owned())
        );
        assert_eq!(days.len(), 7);
    }

    #[test]
    fn languages_and_distances_read_in_the_interface_language() {
        assert_eq!(language_label(Lang::En, "pa"), "Punjabi (pa)");
        assert_eq!(language_label(Lang::It, "xyz"), "xyz");
        assert_eq!(distance_text(Lang::It, 2.44), "2,4 km");
        assert_eq!(distance_text(Lang::En, 12.0), "12.0 km");
    }
}
