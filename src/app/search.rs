//! The full-text search.

use crate::domain::Case;

/// Whether any text of `case` contains `query` (already lowercase).
pub fn matches(case: &Case, query: &str) -> bool {
    let has = |s: &str| !s.is_empty() && s.to_lowercase().contains(query);
    has(&case.title)
        || has(&case.organisation)
        || has(&case.id)
        || case.tags.iter().any(|t| has(t))
        || case
            .references
            .iter()
            .any(|r| has(&r.label) || has(&r.value))
        || has(&case.notes)
        || case.events.iter().any(|e| {
            [
                &e.summary,
                &e.detail,
                &e.number,
                &e.department,
                &e.agent,
                &e.from,
                &e.to,
                &e.r#ref,
                &e.who,
                &e.subject,
            ]
            .iter()
            .any(|s| has(s))
        })
}
