//! The demo journal: the two stories runaround was built around, shipped inside the binary and
//! moved forward in time so that they feel current.

use chrono::{DateTime, Duration, Local, TimeZone, Utc};

use crate::domain::Case;
use crate::export::json::{ImportError, parse_import};
use crate::i18n::Lang;

/// The demo journal in the import format, in English.
pub const DEMO_JSON: &str = include_str!("../assets/demo.json");

/// The same journal told in Dutch: the same cases, events and times, other words.
pub const DEMO_JSON_NL: &str = include_str!("../assets/demo.nl.json");

/// The same journal told in French.
pub const DEMO_JSON_FR: &str = include_str!("../assets/demo.fr.json");

/// The demo journal told in `lang`.
pub fn json(lang: Lang) -> &'static str {
    match lang {
        Lang::En => DEMO_JSON,
        Lang::Nl => DEMO_JSON_NL,
        Lang::Fr => DEMO_JSON_FR,
    }
}

const WEEK: i64 = 7 * 86_400;

/// The demo cases in the current language, each shifted by whole weeks so that its story ends
/// within the week before `now`: weekdays and local clock times stay as told (see
/// [`shift_local`]) and the counters run live.
pub fn cases(now: DateTime<Utc>) -> Result<Vec<Case>, ImportError> {
    cases_in(Lang::current(), now)
}

/// [`cases`] told in `lang`.
pub fn cases_in(lang: Lang, now: DateTime<Utc>) -> Result<Vec<Case>, ImportError> {
    let mut cases = parse_import(json(lang))?;
    for case in &mut cases {
        let end = case.last_activity();
        let weeks = (now - end).num_seconds().div_euclid(WEEK);
        shift_local(case, weeks);
    }
    Ok(cases)
}

/// Moves every time of a case by `by`.
pub fn shift(case: &mut Case, by: Duration) {
    each_time(case, |t| *t += by);
}

/// Moves every time of a case by whole `weeks`, keeping its local wall-clock time in this
/// machine's time zone: a visit told at 14:00 in summer is at 14:00 in winter too, on the
/// same weekday. (A time that does not exist on the new day, in a clock change's gap, moves
/// by the weeks exactly.)
pub fn shift_local(case: &mut Case, weeks: i64) {
    let by = Duration::weeks(weeks);
    each_time(case, |t| *t = local_weeks_later(*t, by));
}

/// `t` moved by `by` (whole weeks) in local time.
pub fn local_weeks_later(t: DateTime<Utc>, by: Duration) -> DateTime<Utc> {
    let Some(wall) = t.with_timezone(&Local).naive_local().checked_add_signed(by) else {
        return t + by;
    };
    Local
        .from_local_datetime(&wall)
        .earliest()
        .map_or(t + by, |l| l.with_timezone(&Utc))
}

fn each_time(case: &mut Case, mut change: impl FnMut(&mut DateTime<Utc>)) {
    change(&mut case.opened);
    for e in &mut case.events {
        change(&mut e.at);
        for t in [&mut e.due, &mut e.window_start, &mut e.window_end]
            .into_iter()
            .flatten()
        {
            change(t);
        }
    }
    if let Some(call) = &mut case.active_call {
        for s in &mut call.segments {
            change(&mut s.from);
        }
    }
}
