//! The merge of two versions of a case (SPEC §9), on many random pairs: it is commutative and
//! idempotent, merging again changes nothing, and no event of either side is ever lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::rng::{Rng, seed};
use runaround::domain::change::Change;
use runaround::domain::history::record_changes;
use runaround::domain::merge::merge;
use runaround::domain::{Case, Event, Kind, Status};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

const WORDS: [&str; 6] = ["rang", "1200", "monteur", "in de wacht", "appel", "promis"];

fn word(rng: &mut Rng) -> &'static str {
    WORDS[rng.below(WORDS.len() as u64) as usize]
}

/// A case as several copies of a journal start it: some events, notes, a status.
fn base(rng: &mut Rng) -> Case {
    let mut case = Case::new("base", "Geen internet", "KPN", t0());
    for i in 0..rng.below(6) {
        let mut e = Event::new(
            Kind::Note,
            t0() + Duration::hours(rng.below(48) as i64),
            word(rng),
        );
        e.id = format!("base{i}");
        case.add_event(e);
    }
    case.notes = (0..rng.below(5))
        .map(|_| word(rng))
        .collect::<Vec<_>>()
        .join("\n");
    case
}

/// `case` as one copy changed it: new events, edits and deletes, fields, notes.
fn changed(rng: &mut Rng, case: &Case, side: &str) -> Case {
    let mut case = case.clone();
    for step in 0..rng.below(8) {
        let when = t0() + Duration::hours(100 + rng.below(100) as i64);
        match rng.below(6) {
            0 | 1 => {
                let kind = [Kind::Call, Kind::Note, Kind::Redirect][rng.below(3) as usize];
                let at = t0() + Duration::minutes(rng.below(4000) as i64);
                let mut e = Event::new(kind, at, word(rng));
                e.id = format!("{side}{step}");
                case.add_event(e);
            }
            2 if !case.events.is_empty() => {
                let i = rng.below(case.events.len() as u64) as usize;
                let old = case.events[i].clone();
                let mut new = old.clone();
                new.summary = format!("{} ({side})", word(rng));
                let new = old.edited(new, when);
                Change::ReplaceEvent { old, new }.apply(&mut case).unwrap();
            }
            3 if !case.events.is_empty() => {
                let i = rng.below(case.events.len() as u64) as usize;
                let e = case.events[i].clone();
                case.delete_event(&e, when).unwrap();
            }
            4 => {
                let before = case.clone();
                case.status =
                    [Status::Open, Status::Resolved, Status::Closed][rng.below(3) as usize];
                if rng.below(2) == 0 {
                    case.title = format!("{} {side}", word(rng));
                }
                record_changes(&before, &mut case, when);
            }
            _ => {
                let mut lines: Vec<String> = case.notes.lines().map(str::to_string).collect();
                let at = rng.below(lines.len() as u64 + 1) as usize;
                lines.insert(at, format!("{} {side}", word(rng)));
                case.notes = lines.join("\n");
            }
        }
    }
    case
}

fn ids(case: &Case) -> BTreeSet<String> {
    case.events
        .iter()
        .chain(&case.deleted_events)
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn merging_is_commutative_idempotent_and_loses_no_event() {
    let mut rng = Rng(seed("merging_is_commutative_idempotent_and_loses_no_event"));
    for round in 0..500 {
        let b = base(&mut rng);
        let x = changed(&mut rng, &b, "x");
        let y = changed(&mut rng, &b, "y");
        for base in [Some(&b), None] {
            let xy = merge(base, &x, &y).case;
            let yx = merge(base, &y, &x).case;
            assert_eq!(xy, yx, "round {round}: not commutative");
            assert_eq!(merge(base, &x, &x).case, x, "round {round}: not idempotent");
            assert_eq!(merge(base, &xy, &xy).case, xy, "round {round}");
            let all: BTreeSet<String> = ids(&x).union(&ids(&y)).cloned().collect();
            assert_eq!(ids(&xy), all, "round {round}: events lost or made up");
            // Every event is once in the merged case, in the timeline or among the deleted.
            assert_eq!(xy.events.len() + xy.deleted_events.len(), all.len());
            // A copy that merges again what it merged changes nothing.
            assert_eq!(merge(Some(&y), &xy, &y).case, xy, "round {round}: again");
            assert_eq!(
                merge(Some(&x), &x, &xy).case,
                xy,
                "round {round}: fast forward"
            );
            // What either side wrote in the notes is still there.
            for line in x.notes.lines().chain(y.notes.lines()) {
                if !b.notes.lines().any(|l| l == line) {
                    assert!(
                        xy.notes.contains(line),
                        "round {round}: notes lost {line:?}"
                    );
                }
            }
            // The timeline is in time order.
            assert!(xy.events.windows(2).all(|w| w[0].at <= w[1].at));
        }
    }
}

#[test]
fn an_event_edited_on_one_side_and_deleted_on_the_other_keeps_both_changes() {
    let mut b = Case::new("c", "t", "o", t0());
    let mut e = Event::new(Kind::Call, t0(), "rang");
    e.id = "e".into();
    b.add_event(e.clone());
    let mut edited = b.clone();
    let mut new = e.clone();
    new.summary = "rang 1200".into();
    edited.events[0] = e.edited(new, t0() + Duration::hours(2));
    let mut deleted = b.clone();
    deleted.delete_event(&e, t0() + Duration::hours(1)).unwrap();
    let m = merge(Some(&b), &edited, &deleted).case;
    assert_eq!(m.events.len(), 1, "the later change, the edit, wins");
    assert_eq!(m.events[0].summary, "rang 1200");
    assert!(
        m.events[0]
            .amendments
            .iter()
            .any(|a| a.change == runaround::domain::Change::Deleted),
        "the delete stays in its history: {:?}",
        m.events[0].amendments
    );
}
