//! The full-text search: accents and case do not count, in any language (`cafe` finds
//! `café`, `kevin` finds `Kévin`).

use crate::domain::Case;
use crate::domain::summary::Summary;
use crate::i18n::fold::fold;

/// The search as typed, folded as the texts are when compared with it.
pub fn query(typed: &str) -> String {
    fold(typed)
}

/// Whether `text` contains `query` (already folded, see [`query`]).
fn has(text: &str, query: &str) -> bool {
    !text.is_empty() && fold(text).contains(query)
}

/// Whether the summary's own text (title, organisation, id, tags, references) contains
/// `query` (already folded).
pub fn summary_matches(summary: &Summary, query: &str) -> bool {
    has(&summary.title, query)
        || has(&summary.organisation, query)
        || has(&summary.id, query)
        || summary.tags.iter().any(|t| has(t, query))
        || summary
            .references
            .iter()
            .any(|r| has(&r.label, query) || has(&r.value, query))
}

/// Whether any text of `case` contains `query` (already folded).
pub fn matches(case: &Case, query: &str) -> bool {
    let has = |s: &str| has(s, query);
    has(&case.title)
        || has(&case.organisation)
        || has(&case.id)
        || case.tags.iter().any(|t| has(t))
        || case
            .references
            .iter()
            .any(|r| has(&r.label) || has(&r.value))
        || has(&case.notes)
        || case.events.iter().any(|e| texts(e).iter().any(|s| has(s)))
}

/// The texts of an event a search looks in.
fn texts(e: &crate::domain::Event) -> [&String; 10] {
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
}

/// Where in a case a search found its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// The event at this index of the timeline.
    Event(usize),
    /// This line of the notes (from 0).
    Notes(usize),
}

/// Where in `case` the search `query` (already folded) is: the latest event that has it,
/// else the first notes line that does.
pub fn hit(case: &Case, query: &str) -> Option<Hit> {
    if query.is_empty() {
        return None;
    }
    let has = |s: &str| has(s, query);
    case.events
        .iter()
        .rposition(|e| texts(e).iter().any(|s| has(s)))
        .map(Hit::Event)
        .or_else(|| case.notes.lines().position(has).map(Hit::Notes))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::{Event, Kind};

    fn case() -> Case {
        let at = Utc.with_ymd_and_hms(2026, 3, 30, 9, 0, 0).unwrap();
        let mut case = Case::new("c1", "Téléphone coupé au café", "Proximus", at);
        case.notes = "Le magasin est fermé le lundi".into();
        let mut call = Event::new(Kind::Call, at, "parlé à Kévin");
        call.agent = "Zoë".into();
        case.events.push(call);
        case
    }

    #[test]
    fn accents_and_case_do_not_count_in_titles_notes_and_events() {
        let case = case();
        for typed in [
            "cafe",
            "CAFÉ",
            "ferme",
            "FERMÉ",
            "Kevin",
            "kévin",
            "zoe",
            "telephone coupe",
        ] {
            assert!(matches(&case, &query(typed)), "{typed}");
        }
        for typed in ["cafes", "kevinn", "ouvert"] {
            assert!(!matches(&case, &query(typed)), "{typed}");
        }
    }

    #[test]
    fn a_summary_matches_its_title_without_accents() {
        let at = Utc.with_ymd_and_hms(2026, 3, 30, 9, 0, 0).unwrap();
        let summary = Summary::of(&case(), at);
        assert!(summary_matches(&summary, &query("cafe")));
        assert!(summary_matches(&summary, &query("PROXIMUS")));
        assert!(
            !summary_matches(&summary, &query("fermé")),
            "notes are not in a summary"
        );
    }
}
