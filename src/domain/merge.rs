//! Two versions of one case made one, as two copies of a journal (on a laptop and a phone, in
//! git or a file syncer) need: nothing either side recorded is lost.
//!
//! - Events are joined by their ids: each side's new events are all kept. An event changed on
//!   both sides keeps the later change, and what the other side said is kept among its
//!   amendments, as an edit.
//! - A field or the status changed on both sides keeps the later change (the case's `changes`
//!   say when each side made it), and the value of the other side stays in `changes`.
//! - Notes are merged three ways; where both sides changed the same lines, both texts are kept
//!   between the usual conflict markers.
//!
//! The merge is pure, commutative (`merge(b, a, c) == merge(b, c, a)`) and idempotent
//! (`merge(b, a, a) == a`), so that every copy ends with the same case whichever merged first.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::change::merge_notes;
pub use super::history::record_changes;
use super::history::{changed_at, fields, take_field};
pub use super::ids::give_ids;
use super::{Amendment, Case, Change, Event, FieldChange};

/// A case merged from two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub case: Case,
    /// Whether the notes hold both texts of lines changed on both sides, between markers.
    pub notes_conflict: bool,
}

/// `ours` and `theirs`, two versions of one case, made one; `base` is the version both came
/// from, when it is known (git knows it; a file syncer's conflict copy does not).
pub fn merge(base: Option<&Case>, ours: &Case, theirs: &Case) -> Merged {
    if ours == theirs {
        return Merged {
            case: ours.clone(),
            notes_conflict: false,
        };
    }
    let mut ours = ours.clone();
    let mut theirs = theirs.clone();
    give_ids(&mut ours);
    give_ids(&mut theirs);
    let mut out = ours.clone();
    merge_fields(base, &ours, &theirs, &mut out);
    let notes = merge_text(base, &ours, &theirs);
    out.notes = notes.text;
    out.active_call = merge_call(base, &ours, &theirs);
    merge_events(&ours, &theirs, &mut out);
    out.attachments = super::attachment::union(&ours.attachments, &theirs.attachments);
    Merged {
        case: out,
        notes_conflict: notes.conflict,
    }
}

/// The fields of `ours` and `theirs` into `out` (a copy of `ours`), with both histories.
fn merge_fields(base: Option<&Case>, ours: &Case, theirs: &Case, out: &mut Case) {
    let mut changes: Vec<FieldChange> = ours
        .changes
        .iter()
        .chain(&theirs.changes)
        .cloned()
        .collect();
    let base_fields = base.map(fields);
    for (i, ((key, a), (_, b))) in fields(ours).into_iter().zip(fields(theirs)).enumerate() {
        if a == b {
            continue;
        }
        let base_value = base_fields.as_ref().map(|f| f[i].1.as_str());
        if base_value == Some(a.as_str()) {
            take_field(out, theirs, key);
            continue;
        }
        if base_value == Some(b.as_str()) {
            continue;
        }
        // Changed on both sides: the later change, the other kept in the history.
        let (ta, tb) = (changed_at(ours, key), changed_at(theirs, key));
        let (winner_at, loser) = if (tb, &b) > (ta, &a) {
            take_field(out, theirs, key);
            (tb, a)
        } else {
            (ta, b)
        };
        let at = winner_at.unwrap_or_else(|| ours.last_activity().max(theirs.last_activity()));
        changes.push(FieldChange {
            at,
            was: BTreeMap::from([(key.to_string(), loser)]),
        });
    }
    changes.sort();
    changes.dedup();
    out.changes = changes;
}

/// The notes of both sides merged three ways, the sides in an order of their own so that the
/// merge is commutative. Without the notes they came from, the lines both begin with stand
/// in for them.
fn merge_text(base: Option<&Case>, ours: &Case, theirs: &Case) -> super::change::Merged {
    let (first, second) = if ours.notes <= theirs.notes {
        (&ours.notes, &theirs.notes)
    } else {
        (&theirs.notes, &ours.notes)
    };
    let notes_base = base.map_or_else(
        || {
            if second.starts_with(first.as_str()) {
                first.clone()
            } else {
                common_lines(first, second)
            }
        },
        |b| b.notes.clone(),
    );
    merge_notes(second, &notes_base, first)
}

/// The call in progress: the side that changed it, or else the later call.
fn merge_call(base: Option<&Case>, ours: &Case, theirs: &Case) -> Option<super::ActiveCall> {
    match (
        base.map(|b| &b.active_call),
        &ours.active_call,
        &theirs.active_call,
    ) {
        (_, a, b) if a == b => a.clone(),
        (Some(o), a, b) if o == a => b.clone(),
        (Some(o), a, b) if o == b => a.clone(),
        (_, a, b) => {
            let key = |c: &Option<super::ActiveCall>| {
                (
                    c.as_ref().and_then(super::ActiveCall::started),
                    c.as_ref().map_or(0, |c| c.segments.len()),
                    serde_json::to_string(c).unwrap_or_default(),
                )
            };
            if key(b) > key(a) {
                b.clone()
            } else {
                a.clone()
            }
        }
    }
}

/// The events of both sides into `out`, joined by id, in time order (then by id).
fn merge_events(ours: &Case, theirs: &Case, out: &mut Case) {
    let mut all: BTreeMap<String, (Event, bool)> = BTreeMap::new();
    for (e, deleted) in sides(ours) {
        all.insert(e.id.clone(), (e.clone(), deleted));
    }
    for (e, deleted) in sides(theirs) {
        let merged = match all.remove(&e.id) {
            Some(mine) => merge_event(mine, (e.clone(), deleted)),
            None => (e.clone(), deleted),
        };
        all.insert(e.id.clone(), merged);
    }
    out.events.clear();
    out.deleted_events.clear();
    for (e, deleted) in all.into_values() {
        if deleted {
            out.deleted_events.push(e);
        } else {
            out.events.push(e);
        }
    }
    let order = |a: &Event, b: &Event| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id));
    out.events.sort_by(order);
    out.deleted_events.sort_by(|a, b| {
        a.deleted_at()
            .cmp(&b.deleted_at())
            .then_with(|| order(a, b))
    });
}

/// How many events a case holds, deleted ones too: what a merge, a union, can only add to.
pub fn event_count(case: &Case) -> usize {
    case.events.len() + case.deleted_events.len()
}

/// Every event of a case with whether it is deleted.
fn sides(case: &Case) -> impl Iterator<Item = (&Event, bool)> {
    case.events
        .iter()
        .map(|e| (e, false))
        .chain(case.deleted_events.iter().map(|e| (e, true)))
}

/// The lines two texts begin with alike: what they were, as far as can be told without the
/// text they came from.
fn common_lines(a: &str, b: &str) -> String {
    a.split_inclusive('\n')
        .zip(b.split_inclusive('\n'))
        .take_while(|(x, y)| x == y && x.ends_with('\n'))
        .map(|(x, _)| x)
        .collect()
}

/// How an event's version ranks: by when it last changed, then by what it says.
fn rank(e: &(Event, bool)) -> (Option<DateTime<Utc>>, String, bool) {
    let mut plain = e.0.clone();
    plain.amendments.clear();
    (
        e.0.amendments.iter().map(|a| a.at).max(),
        serde_json::to_string(&plain).unwrap_or_default(),
        e.1,
    )
}

/// Two versions of one event made one: the later change, with the other's amendments and,
/// when they say different things, an amendment keeping what the other said.
fn merge_event(a: (Event, bool), b: (Event, bool)) -> (Event, bool) {
    if a == b {
        return a;
    }
    let (winner, loser) = match rank(&a).cmp(&rank(&b)) {
        Ordering::Less => (b, a),
        _ => (a, b),
    };
    let (mut event, deleted) = winner;
    let lost = loser.0;
    let mut amendments: Vec<Amendment> = event.amendments.clone();
    amendments.extend(lost.amendments.iter().cloned());
    let was: BTreeMap<String, String> = lost
        .exact_values()
        .into_iter()
        .zip(event.exact_values())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((key, old), _)| (key.to_string(), old))
        .collect();
    if !was.is_empty() {
        let at = event
            .amendments
            .iter()
            .map(|a| a.at)
            .max()
            .unwrap_or(event.at);
        amendments.push(Amendment {
            at,
            change: Change::Edited,
            was,
        });
    }
    let key = |a: &Amendment| {
        let rank = match a.change {
            Change::Edited => 0,
            Change::Restored => 1,
            Change::Deleted => 2,
        };
        (a.at, rank, a.was.clone())
    };
    amendments.sort_by_key(key);
    amendments.dedup();
    event.amendments = amendments;
    (event, deleted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Kind, Status};
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 30, h, 0, 0).unwrap()
    }

    fn event(id: &str, h: u32, summary: &str) -> Event {
        let mut e = Event::new(Kind::Note, at(h), summary);
        e.id = id.into();
        e
    }

    #[test]
    fn old_events_get_the_same_ids_on_every_copy_and_equal_events_different_ones() {
        let mut case = Case::new("x", "t", "o", at(8));
        for _ in 0..2 {
            case.events.push(Event::new(Kind::Note, at(9), "same"));
        }
        let mut one = case.clone();
        let mut two = case.clone();
        give_ids(&mut one);
        give_ids(&mut two);
        assert_eq!(one, two);
        assert_ne!(one.events[0].id, one.events[1].id);
        assert!(
            one.events
                .iter()
                .all(|e| e.id.len() == crate::domain::ids::ID_LEN)
        );
        let mut other = Case::new("y", "t", "o", at(8));
        other.events = case.events.clone();
        give_ids(&mut other);
        assert_ne!(other.events[0].id, one.events[0].id, "the case's id counts");
    }

    #[test]
    fn events_edited_on_both_sides_keep_the_later_edit_and_the_other_as_an_amendment() {
        let mut base = Case::new("x", "t", "o", at(8));
        base.events.push(event("e1", 9, "rang"));
        let mut ours = base.clone();
        ours.events[0] = base.events[0].edited(event("e1", 9, "rang, 20 min"), at(10));
        let mut theirs = base.clone();
        theirs.events[0] = base.events[0].edited(event("e1", 9, "rang 1200"), at(11));
        let m = merge(Some(&base), &ours, &theirs).case;
        assert_eq!(m.events.len(), 1);
        assert_eq!(m.events[0].summary, "rang 1200");
        let olds: Vec<&str> = m.events[0]
            .amendments
            .iter()
            .filter_map(|a| a.was.get("summary").map(String::as_str))
            .collect();
        assert!(olds.contains(&"rang, 20 min"), "{olds:?}");
        assert!(olds.contains(&"rang"), "{olds:?}");
    }

    #[test]
    fn a_status_changed_on_both_sides_keeps_the_later_and_the_other_in_the_history() {
        let base = Case::new("x", "t", "o", at(8));
        let mut ours = base.clone();
        ours.status = Status::Resolved;
        record_changes(&base, &mut ours, at(10));
        let mut theirs = base.clone();
        theirs.status = Status::Closed;
        record_changes(&base, &mut theirs, at(11));
        for m in [
            merge(Some(&base), &ours, &theirs).case,
            merge(None, &theirs, &ours).case,
        ] {
            assert_eq!(m.status, Status::Closed);
            assert!(
                m.changes
                    .iter()
                    .any(|c| c.was.get("status").map(String::as_str) == Some("resolved")),
                "{:?}",
                m.changes
            );
        }
    }

    #[test]
    fn notes_changed_on_both_sides_keep_both() {
        let base = Case::new("x", "t", "o", at(8));
        let mut ours = base.clone();
        ours.notes = "from the laptop".into();
        let mut theirs = base.clone();
        theirs.notes = "from the phone".into();
        let m = merge(Some(&base), &ours, &theirs);
        assert!(m.notes_conflict);
        assert!(
            m.case.notes.contains("from the laptop") && m.case.notes.contains("from the phone")
        );
        let mut later = ours.clone();
        later.notes = "from the laptop\nand more".into();
        let m = merge(None, &ours, &later);
        assert!(!m.notes_conflict);
        assert_eq!(m.case.notes, "from the laptop\nand more");
    }
}
