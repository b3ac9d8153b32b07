//! Sorting and pagination for list pages, parsed leniently from the query string: a bad
//! value falls back to the default instead of failing the request.

use serde::Deserialize;

pub const PER_PAGE: i64 = 25;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub page: String,
    pub sort: String,
    pub dir: String,
    pub q: String,
    pub hotel: String,
    pub status: String,
}

impl ListQuery {
    pub fn page(&self) -> i64 {
        self.page.trim().parse::<i64>().ok().filter(|p| (1..=100_000).contains(p)).unwrap_or(1)
    }

    pub fn offset(&self) -> i64 {
        (self.page() - 1) * PER_PAGE
    }

    pub fn desc(&self) -> bool {
        self.dir == "desc"
    }

    /// The sort key if it is one of `allowed`, else the first.
    pub fn sort_key(&self, allowed: &[&'static str]) -> &'static str {
        allowed.iter().copied().find(|k| *k == self.sort).unwrap_or(allowed[0])
    }

    pub fn search(&self) -> Option<String> {
        let q = super::forms::clean(&self.q);
        (!q.is_empty()).then(|| q.chars().take(100).collect())
    }
}

/// What a template needs for sortable headers and the pager.
#[derive(Clone, Debug)]
pub struct Listing {
    pub base: String,
    pub sort: &'static str,
    pub desc: bool,
    pub page: i64,
    pub total: i64,
    /// Other query parameters to keep (filters), already encoded.
    pub keep: String,
}

impl Listing {
    pub fn new(base: &str, query: &ListQuery, allowed: &[&'static str], total: i64, keep: &[(&str, &str)]) -> Self {
        let keep = keep
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("&{k}={}", url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()))
            .collect();
        Self { base: base.into(), sort: query.sort_key(allowed), desc: query.desc(), page: query.page(), total, keep }
    }

    pub fn pages(&self) -> i64 {
        ((self.total + PER_PAGE - 1) / PER_PAGE).max(1)
    }

    /// The link for a column header: toggles direction on the current column.
    pub fn sort_href(&self, key: &str) -> String {
        let dir = if key == self.sort && !self.desc { "desc" } else { "asc" };
        format!("{}?sort={key}&dir={dir}{}", self.base, self.keep)
    }

    pub fn sort_class(&self, key: &str) -> &'static str {
        match (key == self.sort, self.desc) {
            (true, false) => "sort sort-asc",
            (true, true) => "sort sort-desc",
            _ => "sort",
        }
    }

    pub fn page_href(&self, page: i64) -> String {
        let dir = if self.desc { "desc" } else { "asc" };
        format!("{}?page={page}&sort={}&dir={dir}{}", self.base, self.sort, self.keep)
    }

    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages()
    }

    pub fn prev(&self) -> i64 {
        self.page - 1
    }

    pub fn next(&self) -> i64 {
        self.page + 1
    }
}
