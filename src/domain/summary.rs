//! What the case list needs of a case, without its notes and events: the identifying fields,
//! the inputs of its counters, and enough to sort and filter it. A summary gives exactly the
//! counters the whole case would give, at any moment from the last event it folded in on; for
//! an earlier moment it answers `None` and the case itself must be read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::case::{ActiveCall, Case, Event, Reference};
use super::counters::{Counters, Tally};
use super::enums::{Customer, Status};
use super::money::{Country, Currency};

/// A case as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub organisation: String,
    pub status: Status,
    pub opened: DateTime<Utc>,
    pub last_activity: DateTime<Utc>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// How many events the timeline has.
    pub events: usize,
    #[serde(default)]
    pub active_call: Option<ActiveCall>,
    /// The counter inputs of the events up to `valid_from`.
    pub tally: Tally,
    /// The time of the last event folded into `tally`; the counters are known from then on.
    pub valid_from: Option<DateTime<Utc>>,
    /// Events that had not happened yet when the summary was made (logged ahead of time),
    /// folded in once `now` reaches them.
    #[serde(default)]
    pub later: Vec<Event>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_fee_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
}

impl Summary {
    /// The summary of `case`, made at `now`.
    pub fn of(case: &Case, now: DateTime<Utc>) -> Summary {
        let mut tally = Tally::default();
        let mut valid_from = None;
        let mut later = Vec::new();
        for e in &case.events {
            if e.at <= now {
                tally.add(e);
                valid_from = Some(e.at);
            } else {
                later.push(e.clone());
            }
        }
        Summary {
            id: case.id.clone(),
            title: case.title.clone(),
            organisation: case.organisation.clone(),
            status: case.status,
            opened: case.opened,
            last_activity: case.last_activity(),
            tags: case.tags.clone(),
            references: case.references.clone(),
            events: case.events.len(),
            active_call: case.active_call.clone(),
            tally,
            valid_from,
            later,
            country: case.country,
            customer: case.customer,
            monthly_fee_minor: case.monthly_fee_minor,
            currency: case.currency,
        }
    }

    /// The tally as of `now`, or `None` when `now` is before the summary knows the case.
    fn tally_at(&self, now: DateTime<Utc>) -> Option<Tally> {
        if self.valid_from.is_some_and(|from| now < from) {
            return None;
        }
        let mut tally = self.tally.clone();
        for e in self.later.iter().take_while(|e| e.at <= now) {
            tally.add(e);
        }
        Some(tally)
    }

    /// The counters at `now`, exactly as [`Counters::of`] gives them for the whole case; `None`
    /// when `now` is before the last event the summary folded in.
    pub fn counters(&self, now: DateTime<Utc>) -> Option<Counters> {
        self.tally_at(now)
            .map(|t| t.counters(self.opened, self.active_call.as_ref(), now))
    }

    /// Whether the counters move by themselves at `now` (see [`Counters::ticking`]).
    pub fn ticking(&self, now: DateTime<Utc>) -> bool {
        self.active_call.is_some() || self.tally_at(now).is_some_and(|t| t.out())
    }

    /// Whether the summary's own text (title, organisation, id, tags, references) contains
    /// `query`, which is already lowercase.
    pub fn matches(&self, query: &str) -> bool {
        let has = |s: &str| !s.is_empty() && s.to_lowercase().contains(query);
        has(&self.title)
            || has(&self.organisation)
            || has(&self.id)
            || self.tags.iter().any(|t| has(t))
            || self
                .references
                .iter()
                .any(|r| has(&r.label) || has(&r.value))
    }
}
