//! Paging of lists: which page a request asks for, and the links to the
//! pages before and after it, keeping every other parameter of the query
//! (filters, search). Rendered by `templates/partials/pager.html`, which
//! expects a field or variable named `pager`.

use soleil_app::Page;

use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n::Lang;

/// The query parameter that carries the page number, from 1.
const PAGE_PARAM: &str = "page";
/// The confirmation of a previous action, not to be carried over to other pages.
const DONE_PARAM: &str = "done";

/// What `partials/pager.html` shows: the total, "Pagina X di Y" and the links.
pub struct Pager {
    /// The accessible name of the `<nav>`.
    pub label: String,
    /// "Pagina 2 di 5".
    pub status: String,
    /// "123 risultati".
    pub total: String,
    pub previous_label: String,
    pub next_label: String,
    /// The link to the previous page, if there is one.
    pub previous: Option<String>,
    /// The link to the next page, if there is one.
    pub next: Option<String>,
    /// Whether the list is longer than one page: the links are shown only then.
    pub several: bool,
}

impl Pager {
    /// The page a list request asks for with `?page=N` (from 1): the first
    /// one when the parameter is absent or not a number.
    pub fn requested(query: Option<&str>, size: u32) -> Page {
        let number = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .find(|(key, _)| key == PAGE_PARAM)
            .and_then(|(_, value)| value.trim().parse::<u32>().ok())
            .unwrap_or(1);
        Page::new(number.saturating_sub(1), size)
    }

    /// The pager of a list at `path` whose request had this query string.
    pub fn new(lang: Lang, path: &str, query: Option<&str>, page: Page, total: i64) -> Self {
        let size = i64::from(page.size.max(1));
        let pages = u32::try_from(((total.max(0) + size - 1) / size).max(1)).unwrap_or(u32::MAX);
        let current = page.number.saturating_add(1);
        let kept = without(query, &[PAGE_PARAM, DONE_PARAM]);
        let link = |number: u32| {
            let mut serializer = form_urlencoded::Serializer::new(String::new());
            serializer.extend_pairs(&kept);
            serializer.append_pair(PAGE_PARAM, &number.to_string());
            format!("{path}?{}", serializer.finish())
        };
        Self {
            label: lang.t("pager-label"),
            status: lang.with_args(
                "pager-status",
                &[
                    ("page", FluentValue::from(current)),
                    ("pages", FluentValue::from(pages)),
                ],
            ),
            total: lang.count("list-total", "count", total),
            previous_label: lang.t("pager-previous"),
            next_label: lang.t("pager-next"),
            previous: (current > 1).then(|| link(current.min(pages.saturating_add(1)) - 1)),
            next: (current < pages).then(|| link(current + 1)),
            several: pages > 1 || current > 1,
        }
    }
}

/// The pairs of a query string, without the named parameters and the empty ones.
fn without(query: Option<&str>, dropped: &[&str]) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(key, value)| !value.is_empty() && !dropped.contains(&key.as_ref()))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// This page's path and query without the one-time confirmation (`done`):
/// what the language switch and "back" links return to.
pub fn here(path: &str, query: Option<&str>) -> String {
    let kept = without(query, &[DONE_PARAM]);
    if kept.is_empty() {
        return path.to_owned();
    }
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    serializer.extend_pairs(&kept);
    format!("{path}?{}", serializer.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_requested_page_counts_from_one() {
        assert_eq!(Pager::requested(Some("q=x&page=3"), 25), Page::new(2, 25));
        assert_eq!(Pager::requested(Some("page=abc"), 25), Page::new(0, 25));
        assert_eq!(Pager::requested(Some("page=0"), 25), Page::new(0, 25));
        assert_eq!(Pager::requested(None, 50), Page::new(0, 50));
    }

    #[test]
    fn links_keep_the_filters_and_drop_the_notice() {
        let pager = Pager::new(
            Lang::It,
            "/persons",
            Some("q=Singh+K&region=&page=2&done=saved"),
            Page::new(1, 25),
            60,
        );
        assert_eq!(pager.previous.as_deref(), Some("/persons?q=Singh+K&page=1"));
        assert_eq!(pager.next.as_deref(), Some("/persons?q=Singh+K&page=3"));
        assert_eq!(pager.status, "Pagina 2 di 3");
        assert!(pager.several);
    }

    #[test]
    fn one_page_has_no_links() {
        let pager = Pager::new(Lang::En, "/audit", None, Page::new(0, 50), 7);
        assert_eq!((pager.previous, pager.next), (None, None));
        assert_eq!(pager.status, "Page 1 of 1");
        assert!(!pager.several);
    }

    #[test]
    fn a_page_past_the_end_links_back_to_the_last() {
        let pager = Pager::new(Lang::It, "/persons", Some("page=9"), Page::new(8, 25), 30);
        assert_eq!(pager.previous.as_deref(), Some("/persons?page=2"));
        assert_eq!(pager.next, None);
    }

    #[test]
    fn here_drops_only_the_notice() {
        assert_eq!(here("/persons", Some("done=sent")), "/persons");
        assert_eq!(here("/audit", Some("action=read&done=x")), "/audit?action=read");
    }
}
