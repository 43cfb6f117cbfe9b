//! When the screen next reads differently by itself, with no key pressed and nothing changed
//! on disk: the runtime sleeps until then.

use chrono::{DateTime, Duration, Local, TimeZone, Utc};

use super::{App, Row};
use crate::domain::counters::still_out;
use crate::domain::{Counters, Kind, PromiseState};

const DAY: i64 = 86_400;

/// The earliest of the moments offered after `now`.
struct Soonest {
    now: DateTime<Utc>,
    at: Option<DateTime<Utc>>,
}

impl Soonest {
    fn offer(&mut self, t: DateTime<Utc>) {
        if t > self.now && self.at.is_none_or(|at| t < at) {
            self.at = Some(t);
        }
    }

    fn offer_in(&mut self, seconds: i64) {
        self.offer(self.now + Duration::seconds(seconds.max(1)));
    }
}

impl App {
    /// The next moment after `now` at which something on screen may read differently by
    /// itself: the next second while a call's stopwatch runs or an outage under an hour
    /// counts its seconds; the next minute of an outage of an hour or more; the next whole
    /// day a case has been open, or a listed case has been without service; a promise falling
    /// due; an escalation clock passing; an event logged ahead of time happening; midnight.
    /// None when nothing shown changes with time (a fixed clock, say, is not asked).
    pub fn next_change(&self) -> Option<DateTime<Utc>> {
        let now = self.now;
        let mut soonest = Soonest { now, at: None };
        if let Some(case) = self.selected() {
            let c = Counters::of(case, now);
            if case.active_call.is_some() {
                soonest.offer_in(1);
            }
            if still_out(case, now) {
                // The header shows an outage as `12m 30s` under an hour, `1h 05m` from then.
                let ws = c.without_service_seconds;
                soonest.offer_in(if ws < 3600 { 1 } else { 60 - ws % 60 });
            }
            soonest.offer(case.opened + Duration::seconds((c.days_open + 1) * DAY));
            for e in &case.events {
                soonest.offer(e.at);
                // Broken once `now` is past its due.
                if e.kind == Kind::Promise
                    && e.state.unwrap_or(PromiseState::Pending) == PromiseState::Pending
                    && let Some(due) = e.due
                {
                    soonest.offer(due + Duration::seconds(1));
                }
            }
            for clock in crate::rules::engine::evaluate(case, &self.packs, now).clocks {
                soonest.offer(clock.due);
            }
        }
        // The list says how many whole days each case has been without service.
        for summary in self
            .visible
            .iter()
            .filter_map(|&r| self.rows.get(r))
            .filter_map(Row::summary)
        {
            if let Some(first) = summary.later.first() {
                soonest.offer(first.at);
            }
            if let Some(since) = summary.tally.out_since
                && summary.later.is_empty()
            {
                let ws = summary
                    .tally
                    .closed_out_seconds
                    .saturating_add((now - since).num_seconds().max(0));
                soonest.offer_in(DAY - ws % DAY);
            }
        }
        // Dates are said as today's, this year's or another's.
        if let Some(midnight) = next_midnight(now) {
            soonest.offer(midnight);
        }
        soonest.at
    }
}

/// The next local midnight after `now` (or the first moment of that day, if a clock change
/// skips midnight).
fn next_midnight(now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let day = now.with_timezone(&Local).date_naive().succ_opt()?;
    (0..24).find_map(|h| {
        let t = day.and_hms_opt(h, 0, 0)?;
        Local
            .from_local_datetime(&t)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Msg, update};
    use crate::domain::{ActiveCall, Case, Event, Summary};
    use crate::storage::Access;

    /// Noon UTC: the next local midnight is at least an hour away in every time zone.
    fn noon() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn secs(n: i64) -> Duration {
        Duration::seconds(n)
    }

    /// A case opened `open_for` before `now`, with nothing else in it.
    fn quiet(now: DateTime<Utc>, open_for: Duration) -> Case {
        Case::new("c1", "Internet", "KPN", now - open_for)
    }

    /// The app at `now` with `case` listed (with `others`) and `case` selected and read.
    fn app_on(case: &Case, others: &[Case], now: DateTime<Utc>) -> App {
        let mut rows = vec![Row::listed(Summary::of(case, now), Access::Writable)];
        rows.extend(
            others
                .iter()
                .map(|c| Row::listed(Summary::of(c, now), Access::Writable)),
        );
        let mut app = App::new(rows, now);
        assert_eq!(app.selected_row().map(Row::id), Some(case.id.as_str()));
        let _ = update(
            &mut app,
            Msg::Opened {
                case: case.clone(),
                access: Access::Writable,
            },
        );
        assert!(app.selected().is_some());
        app
    }

    #[test]
    fn nothing_ticking_wakes_at_the_next_whole_day_open() {
        let now = noon();
        // Open 10 days and 23h 30m: the 11th day is 30 minutes away.
        let case = quiet(now, secs(11 * DAY - 1800));
        let app = app_on(&case, &[], now);
        assert_eq!(app.next_change(), Some(case.opened + secs(11 * DAY)));
        assert_eq!(app.next_change(), Some(now + secs(1800)));
    }

    #[test]
    fn a_running_call_ticks_each_second() {
        let now = noon();
        let mut case = quiet(now, secs(600));
        case.active_call = Some(ActiveCall::start("0800-0403", now - secs(95)));
        let app = app_on(&case, &[], now);
        assert_eq!(app.next_change(), Some(now + secs(1)));
    }

    #[test]
    fn an_outage_of_hours_ticks_on_its_minute_and_a_short_one_each_second() {
        let now = noon();
        let mut case = quiet(now, secs(5 * 3600));
        // Out 3h 00m 20s: it reads 3h 01m in 40 seconds.
        case.events
            .push(Event::new(Kind::Outage, now - secs(3 * 3600 + 20), "down"));
        let app = app_on(&case, &[], now);
        assert_eq!(app.next_change(), Some(now + secs(40)));
        let later = app_on(&case, &[], now + secs(40));
        assert_eq!(later.next_change(), Some(now + secs(100)));

        let mut short = quiet(now, secs(5 * 3600));
        short
            .events
            .push(Event::new(Kind::Outage, now - secs(600), "down"));
        let app = app_on(&short, &[], now);
        assert_eq!(app.next_change(), Some(now + secs(1)));
    }

    #[test]
    fn a_promise_wakes_the_screen_when_it_falls_due() {
        let now = noon();
        let mut case = quiet(now, secs(5 * 3600));
        let mut promise = Event::new(Kind::Promise, now - secs(60), "a mechanic calls");
        promise.due = Some(now + secs(300));
        case.events.push(promise.clone());
        let app = app_on(&case, &[], now);
        // Broken once past its due: the first second after it.
        assert_eq!(app.next_change(), Some(now + secs(301)));
        let at_due = app_on(&case, &[], now + secs(300));
        assert!(!case.events[0].overdue(at_due.now));
        assert!(case.events[0].overdue(at_due.next_change().unwrap()));
        // A kept promise changes nothing.
        let mut kept = case.clone();
        kept.events[0].state = Some(PromiseState::Kept);
        assert_eq!(
            app_on(&kept, &[], now).next_change(),
            next_midnight(now).map(|m| m.min(kept.opened + secs(DAY)))
        );
    }

    #[test]
    fn a_listed_case_without_service_wakes_the_list_at_its_next_whole_day() {
        let now = noon();
        let case = quiet(now, secs(5 * 3600));
        let mut other = Case::new("c0", "Phone", "Ziggo", now - secs(10 * DAY));
        // Out 2 days 23h 59m 30s: the list says "3 days" in 30 seconds.
        other
            .events
            .push(Event::new(Kind::Outage, now - secs(3 * DAY - 30), "down"));
        let app = app_on(&case, &[other], now);
        assert_eq!(app.visible.len(), 2);
        assert_eq!(app.next_change(), Some(now + secs(30)));
    }

    #[test]
    fn midnight_comes_next_when_nothing_else_does() {
        let now = noon();
        // Opened 12h ago: its next whole day is at midnight UTC, not before the local one
        // everywhere; the answer is whichever is first, and never later than a day.
        let case = quiet(now, secs(12 * 3600));
        let app = app_on(&case, &[], now);
        let next = app.next_change().unwrap();
        let midnight = next_midnight(now).unwrap();
        assert_eq!(next, midnight.min(case.opened + secs(DAY)));
        let local = midnight.with_timezone(&Local);
        assert_eq!(
            local.date_naive(),
            now.with_timezone(&Local).date_naive().succ_opt().unwrap()
        );
        assert!(midnight - now <= secs(DAY) && midnight > now);
    }
}
