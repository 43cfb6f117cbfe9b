//! The counters that make a runaround visible, computed from a case's events as of a moment
//! `now` (never stored). Durations are real elapsed time between UTC instants.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::case::{ActiveCall, Case, Event, Phase};
use super::enums::{Kind, Outcome, PromiseState};

const DAY: i64 = 86_400;

/// Every counter of a case at one moment. Field names are the JSON keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counters {
    pub without_service_seconds: i64,
    pub days_without_service: i64,
    pub redirects: u32,
    pub calls: u32,
    pub hold_seconds: i64,
    pub longest_hold_seconds: i64,
    pub promises_pending: u32,
    pub promises_broken: u32,
    pub no_shows: u32,
    pub days_open: i64,
}

impl Counters {
    /// The counters of `case` as of `now`. Events after `now` have not happened yet and count
    /// for nothing, so a report `--now` some past moment shows the case as it stood then.
    pub fn of(case: &Case, now: DateTime<Utc>) -> Counters {
        let mut tally = Tally::default();
        for e in case.events.iter().take_while(|e| e.at <= now) {
            tally.add(e);
        }
        tally.counters(case.opened, case.active_call.as_ref(), now)
    }

    /// Whether any counter moves by itself as time passes (an outage still running, an active
    /// call), so a view showing them must redraw every second.
    pub fn ticking(case: &Case, now: DateTime<Utc>) -> bool {
        case.active_call.is_some() || still_out(case, now)
    }
}

/// The counters' inputs folded over events in time order, without a `now`: what a case
/// summary keeps so its counters can be given at any later moment without reading the events
/// again. Whatever depends on `now` (a running outage, promises falling due, an active call)
/// is settled only in [`Tally::counters`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Seconds of outages that ended.
    pub closed_out_seconds: i64,
    /// When the outage still running began.
    pub out_since: Option<DateTime<Utc>>,
    pub redirects: u32,
    pub calls: u32,
    pub hold_seconds: i64,
    pub longest_hold_seconds: i64,
    pub promises_broken: u32,
    /// Pending promises without a due date.
    pub promises_open: u32,
    /// Due dates of pending promises: broken once `now` is past them.
    pub promises_due: Vec<DateTime<Utc>>,
    pub no_shows: u32,
}

impl Tally {
    /// Folds one event in (events must come in time order).
    pub fn add(&mut self, e: &Event) {
        match e.kind {
            Kind::Outage => {
                self.out_since.get_or_insert(e.at);
            }
            Kind::Restored => {
                if let Some(since) = self.out_since.take() {
                    self.closed_out_seconds = self
                        .closed_out_seconds
                        .saturating_add((e.at - since).num_seconds());
                }
            }
            Kind::Redirect => self.redirects += 1,
            Kind::Call => {
                self.calls += 1;
                // Saturating: a huge hold typed into a file by hand never wraps the sums.
                let hold = i64::try_from(e.hold_seconds.unwrap_or(0)).unwrap_or(i64::MAX);
                self.hold_seconds = self.hold_seconds.saturating_add(hold);
                self.longest_hold_seconds = self.longest_hold_seconds.max(hold);
            }
            Kind::Promise => match (e.state.unwrap_or(PromiseState::Pending), e.due) {
                (PromiseState::Broken, _) => self.promises_broken += 1,
                (PromiseState::Pending, Some(due)) => self.promises_due.push(due),
                (PromiseState::Pending, None) => self.promises_open += 1,
                (PromiseState::Kept, _) => {}
            },
            Kind::Visit if e.outcome == Some(Outcome::NoShow) => self.no_shows += 1,
            _ => {}
        }
    }

    /// Whether the service is out after the events folded in so far.
    pub fn out(&self) -> bool {
        self.out_since.is_some()
    }

    /// The counters at `now` of a case opened at `opened` with `call` running.
    pub fn counters(
        &self,
        opened: DateTime<Utc>,
        call: Option<&ActiveCall>,
        now: DateTime<Utc>,
    ) -> Counters {
        let overdue = self.promises_due.iter().filter(|due| **due < now).count();
        let overdue = u32::try_from(overdue).unwrap_or(u32::MAX);
        let pending = u32::try_from(self.promises_due.len()).unwrap_or(u32::MAX) - overdue;
        let mut c = Counters {
            without_service_seconds: self.closed_out_seconds.saturating_add(
                self.out_since
                    .map_or(0, |since| (now - since).num_seconds().max(0)),
            ),
            days_without_service: 0,
            redirects: self.redirects,
            calls: self.calls,
            hold_seconds: self.hold_seconds,
            longest_hold_seconds: self.longest_hold_seconds,
            promises_pending: self.promises_open + pending,
            promises_broken: self.promises_broken + overdue,
            no_shows: self.no_shows,
            days_open: ((now - opened).num_seconds() / DAY).max(0),
        };
        if let Some(call) = call {
            let hold = call.seconds_in(Phase::Hold, now);
            c.hold_seconds = c.hold_seconds.saturating_add(hold);
            c.longest_hold_seconds = c.longest_hold_seconds.max(hold);
        }
        c.days_without_service = c.without_service_seconds / DAY;
        c
    }
}

/// Whether the case's service is out at `now`.
pub fn still_out(case: &Case, now: DateTime<Utc>) -> bool {
    let mut out = false;
    for e in case.events.iter().take_while(|e| e.at <= now) {
        match e.kind {
            Kind::Outage => out = true,
            Kind::Restored => out = false,
            _ => {}
        }
    }
    out
}
