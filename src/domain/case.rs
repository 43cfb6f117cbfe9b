//! Cases and the events of their timelines.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::change::ChangeError;
use super::enums::{Channel, Customer, Direction, Kind, Outcome, PromiseState, Status};
use super::money::{Country, Currency};
use super::time::serde_rfc3339;

/// One problem with one organisation, and everything that happened about it.
///
/// It reads from the JSON of `export --format json` (keys it does not know, such as the
/// computed `counters`, are ignored); files are written and read through the storage's own
/// versioned record.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub organisation: String,
    #[serde(default = "Status::open")]
    pub status: Status,
    #[serde(with = "serde_rfc3339")]
    pub opened: DateTime<Utc>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub notes: String,
    /// In time order (stable for equal times: the order they were logged).
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub active_call: Option<ActiveCall>,
    /// Events deleted from the timeline, kept as evidence of what they said: each one's last
    /// amendment says when it was deleted. They count for nothing and show only among the
    /// corrections. Key `deleted_events`, absent when empty.
    #[serde(default)]
    pub deleted_events: Vec<Event>,
    /// What the case's fields said before each change made to them, oldest first (key
    /// `changes`, absent when none): how a change made on another copy stays visible after a
    /// merge kept the later one.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    /// The country whose rules apply (key `country`, absent when not set).
    #[serde(default)]
    pub country: Option<Country>,
    /// What kind of customer the case is about (key `customer`).
    #[serde(default)]
    pub customer: Option<Customer>,
    /// The monthly fee in minor units of `currency` (key `monthly_fee_minor`).
    #[serde(default)]
    pub monthly_fee_minor: Option<i64>,
    /// The fee's currency, the country's (key `currency`).
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Files kept as evidence, removed ones too (key `attachments`, absent when none).
    #[serde(default)]
    pub attachments: Vec<super::attachment::Attachment>,
}

/// One change of a case's fields: when it was made and what the changed fields said before
/// (field key → the value as text, "" for one that was empty).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldChange {
    #[serde(with = "serde_rfc3339")]
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub was: BTreeMap<String, String>,
}

/// A labelled reference such as a customer or ticket number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub label: String,
    pub value: String,
}

/// One line of a timeline. Which optional fields make sense depends on the kind
/// (see [`Kind::fields`]); the field names are the JSON and file keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "serde_rfc3339")]
    pub at: DateTime<Utc>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk_seconds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_rfc3339::option"
    )]
    pub due: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<PromiseState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub r#ref: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_rfc3339::option"
    )]
    pub window_start: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_rfc3339::option"
    )]
    pub window_end: Option<DateTime<Utc>>,
    /// What the event said before each change made to it, oldest first (absent when it was
    /// never changed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// The event's stable id, collision-free across processes and machines, so that two
    /// copies of a journal merge by it (key `id`). Empty only for an event not yet saved, or
    /// read from a file written before events had ids: storage gives it one on the next write.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
}

/// One correction of an event: when it was made, what kind of change it was, and the values
/// the changed fields had before (field key → the value as text: times RFC 3339 UTC,
/// durations whole seconds, "" for a field that was empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    #[serde(with = "serde_rfc3339")]
    pub at: DateTime<Utc>,
    pub change: Change,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub was: BTreeMap<String, String>,
}

/// What an amendment did to its event (a quoted word in files and JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Edited,
    Deleted,
    Restored,
}

impl Change {
    /// The word in files, JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Edited => "edited",
            Change::Deleted => "deleted",
            Change::Restored => "restored",
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A stored change word that is none of `edited`, `deleted`, `restored`: the word. (Said by
/// `export::words`.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownChange(pub String);

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        [Change::Edited, Change::Deleted, Change::Restored]
            .into_iter()
            .find(|c| c.as_str() == word)
            .ok_or_else(|| serde::de::Error::custom(UnknownChange(word.clone())))
    }
}

/// A call in progress: persisted with its case the moment it starts, so the stopwatch survives
/// quitting, crashes and suspend (it is always timed from these UTC instants).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveCall {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agent: String,
    /// The call's phases in order; the first starts when the call starts.
    pub segments: Vec<Segment>,
    /// How often the call was transferred so far.
    #[serde(default)]
    pub transfers: u32,
    /// Where the call is now: the last place it was transferred to ("" before any transfer).
    /// The department stays the one dialled, so the call's event says where it started.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
}

/// One phase of an active call, running until the next one starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub phase: Phase,
    #[serde(with = "serde_rfc3339")]
    pub from: DateTime<Utc>,
}

/// Waiting (ringing, music, queue) or talking to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Hold,
    Talk,
}

impl Event {
    /// An event of `kind` at `at` with only a summary.
    pub fn new(kind: Kind, at: DateTime<Utc>, summary: impl Into<String>) -> Self {
        Event {
            at,
            kind,
            summary: summary.into(),
            detail: String::new(),
            number: String::new(),
            department: String::new(),
            agent: String::new(),
            direction: None,
            hold_seconds: None,
            talk_seconds: None,
            outcome: None,
            from: String::new(),
            to: String::new(),
            due: None,
            state: None,
            channel: None,
            r#ref: String::new(),
            who: String::new(),
            subject: String::new(),
            window_start: None,
            window_end: None,
            amendments: Vec::new(),
            id: String::new(),
        }
    }

    /// The promise's state as of `now`: a pending promise whose due has passed is broken
    /// (the counters say so too). `None` for other kinds.
    pub fn effective_state(&self, now: DateTime<Utc>) -> Option<PromiseState> {
        if self.kind != Kind::Promise {
            return None;
        }
        Some(match self.state.unwrap_or(PromiseState::Pending) {
            PromiseState::Pending if self.due.is_some_and(|d| d < now) => PromiseState::Broken,
            state => state,
        })
    }

    /// Whether the promise is broken only because its due passed (stored as pending).
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.effective_state(now) == Some(PromiseState::Broken)
            && self.state.unwrap_or(PromiseState::Pending) == PromiseState::Pending
    }

    /// This event as `new` says, keeping its history: the fields that differ are recorded
    /// with their old values as an `edited` amendment made at `at` (none when nothing changed).
    #[must_use]
    pub fn edited(&self, new: Event, at: DateTime<Utc>) -> Event {
        let before = self.exact_values();
        let after = new.exact_values();
        let was: BTreeMap<String, String> = before
            .into_iter()
            .zip(after)
            .filter(|((_, old), (_, new))| old != new)
            .map(|((key, old), _)| (key.to_string(), old))
            .collect();
        let mut out = new;
        if out.id.is_empty() {
            out.id.clone_from(&self.id);
        }
        out.amendments.clone_from(&self.amendments);
        if !was.is_empty() {
            out.amendments.push(Amendment {
                at,
                change: Change::Edited,
                was,
            });
        }
        out
    }

    /// This event with one more amendment, of `change` at `at`, recording no values.
    #[must_use]
    pub fn amended(&self, change: Change, at: DateTime<Utc>) -> Event {
        let mut out = self.clone();
        out.amendments.push(Amendment {
            at,
            change,
            was: BTreeMap::new(),
        });
        out
    }

    /// When the event was deleted (its last amendment), if it was.
    pub fn deleted_at(&self) -> Option<DateTime<Utc>> {
        self.amendments
            .last()
            .filter(|a| a.change == Change::Deleted)
            .map(|a| a.at)
    }
}

impl Case {
    /// A new open case with no events.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        organisation: impl Into<String>,
        opened: DateTime<Utc>,
    ) -> Self {
        Case {
            id: id.into(),
            title: title.into(),
            organisation: organisation.into(),
            status: Status::Open,
            opened,
            tags: Vec::new(),
            references: Vec::new(),
            notes: String::new(),
            events: Vec::new(),
            active_call: None,
            deleted_events: Vec::new(),
            changes: Vec::new(),
            country: None,
            customer: None,
            monthly_fee_minor: None,
            currency: None,
            attachments: Vec::new(),
        }
    }

    /// Takes `event` out of the timeline at `at`, keeping it among the deleted events with a
    /// `deleted` amendment. Fails when the event is no longer there.
    pub fn delete_event(&mut self, event: &Event, at: DateTime<Utc>) -> Result<(), ChangeError> {
        let i = self.find_event(event).ok_or(ChangeError::EventGone)?;
        let gone = self.events.remove(i);
        self.deleted_events.push(gone.amended(Change::Deleted, at));
        Ok(())
    }

    /// Puts a deleted event (as it is kept among the deleted events) back in the timeline at
    /// `at`, with a `restored` amendment; returns its index. Fails when it is not there.
    pub fn restore_event(
        &mut self,
        deleted: &Event,
        at: DateTime<Utc>,
    ) -> Result<usize, ChangeError> {
        let i = find(&self.deleted_events, deleted).ok_or(ChangeError::DeletedEventGone)?;
        let back = self.deleted_events.remove(i);
        Ok(self.add_event(back.amended(Change::Restored, at)))
    }

    /// Whether any event carries corrections (files with them are written as schema 2).
    pub fn has_amendments(&self) -> bool {
        !self.deleted_events.is_empty() || self.events.iter().any(|e| !e.amendments.is_empty())
    }

    /// Adds an event at its place in time (after any events at the same instant) and
    /// returns its index.
    pub fn add_event(&mut self, event: Event) -> usize {
        let at = self.events.partition_point(|e| e.at <= event.at);
        self.events.insert(at, event);
        at
    }

    /// The index of the first event equal to `event`, if it is still there. An `event` without
    /// an id (a copy taken before its case was saved) matches the event it became: the same
    /// in all but the id storage gave it.
    pub fn find_event(&self, event: &Event) -> Option<usize> {
        find(&self.events, event)
    }

    /// Puts the events back in time order (stable), e.g. after an edit moved one.
    pub fn sort_events(&mut self) {
        self.events.sort_by_key(|e| e.at);
    }

    /// When something last happened: the latest of the opening, the events and an active call.
    pub fn last_activity(&self) -> DateTime<Utc> {
        let last_event = self.events.iter().map(|e| e.at).max();
        let call = self
            .active_call
            .as_ref()
            .and_then(|c| c.segments.first())
            .map(|s| s.from);
        [Some(self.opened), last_event, call]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(self.opened)
    }
}

/// The index of the first of `events` equal to `event`, or, for an `event` without an id, the
/// same but for its id.
fn find(events: &[Event], event: &Event) -> Option<usize> {
    events.iter().position(|e| e == event).or_else(|| {
        event
            .id
            .is_empty()
            .then(|| events.iter().position(|e| e.same_but_id(event)))
            .flatten()
    })
}

impl Event {
    /// Whether `self` and `other` say the same, whatever their ids.
    pub fn same_but_id(&self, other: &Event) -> bool {
        let mut a = self.clone();
        a.id.clear();
        let mut b = other.clone();
        b.id.clear();
        a == b
    }
}

impl ActiveCall {
    /// A call that starts now, on hold (ringing or in a queue).
    pub fn start(number: impl Into<String>, now: DateTime<Utc>) -> Self {
        ActiveCall {
            number: number.into(),
            department: String::new(),
            agent: String::new(),
            segments: vec![Segment {
                phase: Phase::Hold,
                from: now,
            }],
            transfers: 0,
            place: String::new(),
        }
    }

    /// Where the call is now: the last transfer's place, else the department, else the
    /// number dialled.
    pub fn current_place(&self) -> &str {
        [&self.place, &self.department, &self.number]
            .into_iter()
            .find(|p| !p.is_empty())
            .map_or("", |p| p.as_str())
    }

    /// When the call started.
    pub fn started(&self) -> Option<DateTime<Utc>> {
        self.segments.first().map(|s| s.from)
    }

    /// The phase the call is in now.
    pub fn phase(&self) -> Phase {
        self.segments.last().map_or(Phase::Hold, |s| s.phase)
    }

    /// Switches to `phase` at `now` (no-op when already in it).
    pub fn switch(&mut self, phase: Phase, now: DateTime<Utc>) {
        if self.phase() != phase || self.segments.is_empty() {
            self.segments.push(Segment { phase, from: now });
        }
    }

    /// Seconds spent in `phase` up to `now`.
    pub fn seconds_in(&self, phase: Phase, now: DateTime<Utc>) -> i64 {
        let ends = self
            .segments
            .iter()
            .skip(1)
            .map(|s| s.from)
            .chain(std::iter::once(now));
        self.segments
            .iter()
            .zip(ends)
            .filter(|(s, _)| s.phase == phase)
            .map(|(s, end)| (end.min(now) - s.from).num_seconds().max(0))
            .sum()
    }

    /// Seconds in the current segment up to `now`.
    pub fn segment_seconds(&self, now: DateTime<Utc>) -> i64 {
        self.segments
            .last()
            .map_or(0, |s| (now - s.from).num_seconds().max(0))
    }

    /// Seconds since the call started.
    pub fn total_seconds(&self, now: DateTime<Utc>) -> i64 {
        self.started().map_or(0, |t| (now - t).num_seconds().max(0))
    }
}

impl Case {
    /// Strips terminal control characters from every text of the case (line breaks only where
    /// they belong: notes and event details). Storage calls this before every save.
    pub fn clean_text(&mut self) {
        use super::text::{clean, clean_line, is_clean, is_clean_line};
        // Most text is clean already: it is only copied when it is not.
        let line = |s: &mut String| {
            if !is_clean_line(s) {
                *s = clean_line(s);
            }
        };
        line(&mut self.title);
        line(&mut self.organisation);
        for a in &mut self.attachments {
            line(&mut a.label);
            line(&mut a.name);
        }
        self.tags.iter_mut().for_each(line);
        for r in &mut self.references {
            line(&mut r.label);
            line(&mut r.value);
        }
        if !is_clean(&self.notes) {
            self.notes = clean(&self.notes);
        }
        for e in self.events.iter_mut().chain(&mut self.deleted_events) {
            for a in &mut e.amendments {
                if a.was.keys().any(|k| !is_clean_line(k)) {
                    a.was = std::mem::take(&mut a.was)
                        .into_iter()
                        .map(|(k, v)| (clean_line(&k), v))
                        .collect();
                }
                for v in a.was.values_mut() {
                    if !is_clean(v) {
                        *v = clean(v);
                    }
                }
            }
            for s in [
                &mut e.summary,
                &mut e.number,
                &mut e.department,
                &mut e.agent,
                &mut e.from,
                &mut e.to,
                &mut e.r#ref,
                &mut e.who,
                &mut e.subject,
            ] {
                line(s);
            }
            if !is_clean(&e.detail) {
                e.detail = clean(&e.detail);
            }
        }
        if let Some(call) = &mut self.active_call {
            line(&mut call.number);
            line(&mut call.department);
            line(&mut call.agent);
            line(&mut call.place);
        }
    }
}
