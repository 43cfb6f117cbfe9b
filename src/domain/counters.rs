//! The counters that make a runaround visible, computed from a case's events as of a moment
//! `now` (never stored). Durations are real elapsed time between UTC instants.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::case::{Case, Phase};
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
        let mut c = Counters::default();
        let mut out_since: Option<DateTime<Utc>> = None;
        for e in case.events.iter().take_while(|e| e.at <= now) {
            match e.kind {
                Kind::Outage => {
                    out_since.get_or_insert(e.at);
                }
                Kind::Restored => {
                    if let Some(since) = out_since.take() {
                        c.without_service_seconds += (e.at - since).num_seconds();
                    }
                }
                Kind::Redirect => c.redirects += 1,
                Kind::Call => {
                    c.calls += 1;
                    let hold = e.hold_seconds.unwrap_or(0) as i64;
                    c.hold_seconds += hold;
                    c.longest_hold_seconds = c.longest_hold_seconds.max(hold);
                }
                Kind::Promise => match e.state.unwrap_or(PromiseState::Pending) {
                    PromiseState::Broken => c.promises_broken += 1,
                    PromiseState::Pending if e.due.is_some_and(|due| due < now) => {
                        c.promises_broken += 1;
                    }
                    PromiseState::Pending => c.promises_pending += 1,
                    PromiseState::Kept => {}
                },
                Kind::Visit if e.outcome == Some(Outcome::NoShow) => c.no_shows += 1,
                _ => {}
            }
        }
        if let Some(since) = out_since {
            c.without_service_seconds += (now - since).num_seconds().max(0);
        }
        if let Some(call) = &case.active_call {
            let hold = call.seconds_in(Phase::Hold, now);
            c.hold_seconds += hold;
            c.longest_hold_seconds = c.longest_hold_seconds.max(hold);
        }
        c.days_without_service = c.without_service_seconds / DAY;
        c.days_open = ((now - case.opened).num_seconds() / DAY).max(0);
        c
    }

    /// Whether any counter moves by itself as time passes (an outage still running, an active
    /// call), so a view showing them must redraw every second.
    pub fn ticking(case: &Case, now: DateTime<Utc>) -> bool {
        case.active_call.is_some() || still_out(case, now)
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

/// For each event, a flag when it sends you somewhere you have been before:
/// "back to 1200, 2nd time". `None` for every other event.
pub fn loop_flags(case: &Case) -> Vec<Option<String>> {
    let mut seen: Vec<String> = Vec::new();
    let mut sent_to: Vec<(String, u32)> = Vec::new();
    let mut flags = Vec::with_capacity(case.events.len());
    for e in &case.events {
        let mut flag = None;
        if e.kind == Kind::Redirect && !e.to.trim().is_empty() {
            let place = place_key(&e.to);
            let times = if let Some((_, n)) = sent_to.iter_mut().find(|(p, _)| *p == place) {
                *n += 1;
                *n
            } else {
                sent_to.push((place.clone(), 1));
                1
            };
            if times >= 2 {
                flag = Some(format!("back to {}, {} time", e.to.trim(), ordinal(times)));
            } else if seen.contains(&place) {
                flag = Some(format!("back to {}", e.to.trim()));
            }
        }
        for place in [&e.number, &e.department, &e.from, &e.to] {
            if !place.trim().is_empty() {
                let key = place_key(place);
                if !seen.contains(&key) {
                    seen.push(key);
                }
            }
        }
        flags.push(flag);
    }
    flags
}

/// Places compare without case, spaces and dashes, so "0800-0403" is "08000403".
fn place_key(place: &str) -> String {
    place
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// `1st`, `2nd`, `3rd`, `4th`, …, `11th`, `21st`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
