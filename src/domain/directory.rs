//! The directory of an organisation's numbers and departments, learned from all cases: per
//! place, the calls, the median and longest hold, the outcomes, where it sent you and who sent
//! you there, and how often a contact there was followed by a fix.

use std::collections::BTreeMap;

use serde::Serialize;

use super::case::Event;
use super::enums::Outcome;
use super::map::{Map, Place, key};
use crate::i18n::fold::fold;

/// What the directory knows of one place of one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub organisation: String,
    /// The place as first written.
    pub place: String,
    pub kind: PlaceKind,
    /// The departments calls to this number named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// How many cases dealt with it.
    pub cases: usize,
    pub calls: usize,
    /// The hold of each call that has one, in seconds, shortest first.
    #[serde(skip)]
    pub holds: Vec<u64>,
    pub median_hold_seconds: Option<u64>,
    pub longest_hold_seconds: Option<u64>,
    /// How the calls ended: outcome word → how many.
    pub outcomes: BTreeMap<Outcome, usize>,
    /// Where it sent you, most often first.
    pub sent_to: Vec<Count>,
    /// Who sent you there, most often first.
    pub sent_from: Vec<Count>,
    /// How many times you dealt with it (calls, and redirects from it no call came before).
    pub contacts: usize,
    /// How many of the contacts sent you elsewhere.
    pub sent_elsewhere: usize,
    /// How many times a fix (service restored, a visit that fixed it, a kept promise) came
    /// right after a contact there.
    pub fixes: usize,
    /// The key that makes spellings one (see [`key`]).
    #[serde(skip)]
    pub key: String,
}

/// The kind of place, as a word in JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PlaceKind(pub &'static str);

impl PlaceKind {
    /// The kind as a [`Place`].
    pub fn place(self) -> Place {
        match self.0 {
            "number" => Place::Number,
            "shop" => Place::Shop,
            "website" => Place::Website,
            _ => Place::Department,
        }
    }
}

/// A place and how many times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub place: String,
    pub times: usize,
}

/// Every place of every organisation the cases dealt with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    /// By organisation (as first written), then by calls, most first.
    pub entries: Vec<Entry>,
}

/// The median of sorted `values`: the middle one, or the mean of the two middle ones
/// (rounded down).
pub fn median(sorted: &[u64]) -> Option<u64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(u64::midpoint(sorted[n / 2 - 1], sorted[n / 2])),
    }
}

/// Builds a [`Directory`] case by case.
#[derive(Default)]
pub struct Learner {
    entries: Vec<Entry>,
}

impl Learner {
    /// Learns from the events of one case of `organisation`.
    pub fn add(&mut self, organisation: &str, events: &[Event]) {
        let map = Map::of_events(events, organisation);
        let org = fold(organisation.trim());
        let mut ids = Vec::with_capacity(map.nodes.len());
        for node in &map.nodes {
            let known = self
                .entries
                .iter()
                .position(|e| e.key == node.key && fold(&e.organisation) == org);
            let i = if let Some(i) = known {
                i
            } else {
                self.entries.push(Entry {
                    organisation: organisation.trim().to_string(),
                    place: node.label.clone(),
                    kind: PlaceKind(node.place.as_str()),
                    key: node.key.clone(),
                    ..Entry::default()
                });
                self.entries.len() - 1
            };
            ids.push(i);
            let entry = &mut self.entries[i];
            entry.cases += 1;
            entry.calls += node.calls.len();
            entry.contacts += node.contacts as usize;
            entry.fixes += node.fixes as usize;
            entry.sent_elsewhere += node.sent_away as usize;
            for d in &node.departments {
                if !entry.departments.iter().any(|x| fold(x) == fold(d)) {
                    entry.departments.push(d.clone());
                }
            }
            for &c in &node.calls {
                let call = &events[c];
                if let Some(hold) = call.hold_seconds {
                    entry.holds.push(hold);
                }
                if let Some(outcome) = call.outcome {
                    *entry.outcomes.entry(outcome).or_default() += 1;
                }
            }
        }
        for edge in &map.edges {
            let (from, to) = (ids[edge.from], ids[edge.to]);
            let times = edge.times();
            let to_place = self.entries[to].place.clone();
            let from_place = self.entries[from].place.clone();
            let source = &mut self.entries[from];
            count(&mut source.sent_to, &to_place, times);
            count(&mut self.entries[to].sent_from, &from_place, times);
        }
    }

    /// The directory learned.
    pub fn finish(mut self) -> Directory {
        let mut orgs: Vec<String> = Vec::new();
        for e in &mut self.entries {
            e.holds.sort_unstable();
            e.median_hold_seconds = median(&e.holds);
            e.longest_hold_seconds = e.holds.last().copied();
            for list in [&mut e.sent_to, &mut e.sent_from] {
                list.sort_by(|a, b| b.times.cmp(&a.times).then_with(|| a.place.cmp(&b.place)));
            }
            let org = fold(&e.organisation);
            if !orgs.contains(&org) {
                orgs.push(org);
            }
        }
        orgs.sort();
        self.entries.sort_by(|a, b| {
            let rank = |e: &Entry| orgs.iter().position(|o| *o == fold(&e.organisation));
            rank(a)
                .cmp(&rank(b))
                .then_with(|| b.calls.cmp(&a.calls))
                .then_with(|| b.contacts.cmp(&a.contacts))
                .then_with(|| a.place.cmp(&b.place))
        });
        Directory {
            entries: self.entries,
        }
    }
}

fn count(list: &mut Vec<Count>, place: &str, times: usize) {
    match list.iter_mut().find(|c| c.place == place) {
        Some(c) => c.times += times,
        None => list.push(Count {
            place: place.to_string(),
            times,
        }),
    }
}

impl Directory {
    /// The entries of `organisation` (case and accents ignored), or all without one.
    pub fn of<'a>(&'a self, organisation: Option<&str>) -> impl Iterator<Item = &'a Entry> {
        let org = organisation.map(|o| fold(o.trim()));
        self.entries
            .iter()
            .filter(move |e| org.as_ref().is_none_or(|o| fold(&e.organisation) == *o))
    }

    /// The numbers of `organisation` that what is typed could be, best first: those whose
    /// digits begin with the digits typed, or whose name or department contains the words
    /// typed; everything the organisation has when nothing is typed.
    pub fn suggest<'a>(&'a self, organisation: &str, typed: &str) -> Vec<&'a Entry> {
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        let words = fold(typed.trim());
        self.of(Some(organisation))
            .filter(|e| e.kind.place() == Place::Number || e.calls > 0)
            .filter(|e| {
                if words.is_empty() {
                    return true;
                }
                let number_key = key(&e.place, &e.organisation).unwrap_or_default();
                (!digits.is_empty() && number_key.trim_start_matches('#').starts_with(&digits))
                    || fold(&e.place).contains(&words)
                    || e.departments.iter().any(|d| fold(d).contains(&words))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, Kind};
    use chrono::{TimeZone, Utc};

    fn call(h: u32, number: &str, hold_minutes: u64, outcome: Outcome) -> Event {
        let mut e = Event::new(
            Kind::Call,
            Utc.with_ymd_and_hms(2026, 3, 25, h, 0, 0).unwrap(),
            "",
        );
        e.number = number.into();
        e.hold_seconds = Some(hold_minutes * 60);
        e.outcome = Some(outcome);
        e
    }

    fn redirect(h: u32, from: &str, to: &str) -> Event {
        let mut e = Event::new(
            Kind::Redirect,
            Utc.with_ymd_and_hms(2026, 3, 25, h, 0, 0).unwrap(),
            "",
        );
        e.from = from.into();
        e.to = to.into();
        e
    }

    fn case(org: &str, events: Vec<Event>) -> Case {
        let mut c = Case::new(
            "c",
            "t",
            org,
            Utc.with_ymd_and_hms(2026, 3, 25, 8, 0, 0).unwrap(),
        );
        for e in events {
            c.add_event(e);
        }
        c
    }

    #[test]
    fn median_and_longest_hold_across_two_cases() {
        // Case one: 1200 held 12, 3 and 40 minutes; case two (typed otherwise): 20 and 7.
        let one = case(
            "KPN",
            vec![
                call(9, "1200", 12, Outcome::Answered),
                call(10, "1200", 3, Outcome::Dropped),
                redirect(11, "1200", "0800-0403"),
                call(12, "1200", 40, Outcome::Transferred),
            ],
        );
        let two = case(
            "kpn",
            vec![
                call(9, "KPN 12 00", 20, Outcome::Answered),
                call(10, "12-00", 7, Outcome::Answered),
                redirect(11, "1200", "0800 0403"),
                Event::new(
                    Kind::Restored,
                    Utc.with_ymd_and_hms(2026, 3, 25, 12, 0, 0).unwrap(),
                    "",
                ),
            ],
        );
        let mut learner = Learner::default();
        learner.add(&one.organisation, &one.events);
        learner.add(&two.organisation, &two.events);
        let directory = learner.finish();
        let entries: Vec<&Entry> = directory.of(Some("KPN")).collect();
        assert_eq!(entries.len(), 2, "{entries:#?}");
        let e = entries[0];
        assert_eq!((e.place.as_str(), e.cases, e.calls), ("1200", 2, 5));
        // Sorted: 3, 7, 12, 20, 40 minutes: the middle is 12, the longest 40.
        assert_eq!(e.median_hold_seconds, Some(12 * 60));
        assert_eq!(e.longest_hold_seconds, Some(40 * 60));
        assert_eq!(
            e.outcomes,
            BTreeMap::from([
                (Outcome::Answered, 3),
                (Outcome::Dropped, 1),
                (Outcome::Transferred, 1)
            ])
        );
        assert_eq!(
            e.sent_to,
            [Count {
                place: "0800-0403".into(),
                times: 2
            }]
        );
        assert_eq!((e.contacts, e.sent_elsewhere), (5, 2));
        // The restored service came after the redirect from 1200, the last contact.
        assert_eq!(e.fixes, 1);
        let to = entries[1];
        assert_eq!(to.place, "0800-0403");
        assert_eq!(
            to.sent_from,
            [Count {
                place: "1200".into(),
                times: 2
            }]
        );
        assert_eq!(to.median_hold_seconds, None);
        assert!(directory.of(Some("Ziggo")).next().is_none());
    }

    #[test]
    fn an_even_number_of_holds_takes_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[60, 300]), Some(180));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2));
        assert_eq!(median(&[1, 3, 4, 10]), Some(3));
    }

    #[test]
    fn suggestions_match_digits_or_words_of_the_organisation() {
        let c = case(
            "KPN",
            vec![
                call(9, "0800-0402", 20, Outcome::Answered),
                call(10, "088-0402", 5, Outcome::Answered),
                call(11, "1200", 5, Outcome::Answered),
            ],
        );
        let mut mut_dept = c.clone();
        mut_dept.events[0].department = "Klantenservice".into();
        let mut learner = Learner::default();
        learner.add(&mut_dept.organisation, &mut_dept.events);
        let directory = learner.finish();
        let places = |typed: &str| -> Vec<String> {
            directory
                .suggest("kpn", typed)
                .iter()
                .map(|e| e.place.clone())
                .collect()
        };
        assert_eq!(places("08"), ["0800-0402", "088-0402"]);
        assert_eq!(places("0800 04"), ["0800-0402"]);
        assert_eq!(places("klanten"), ["0800-0402"]);
        assert_eq!(places("").len(), 3);
        assert!(directory.suggest("Ziggo", "").is_empty());
    }
}
