//! The demo journal: the two stories runaround was built around, shipped inside the binary and
//! moved forward in time so that they feel current.

use chrono::{DateTime, Duration, Utc};

use crate::domain::Case;
use crate::export::json::{ImportError, parse_import};

/// The demo journal in the import format.
pub const DEMO_JSON: &str = include_str!("../assets/demo.json");

const WEEK: i64 = 7 * 86_400;

/// The demo cases, each shifted by whole weeks so that its story ends within the week before
/// `now`: weekdays stay as told and the counters run live.
pub fn cases(now: DateTime<Utc>) -> Result<Vec<Case>, ImportError> {
    let mut cases = parse_import(DEMO_JSON)?;
    for case in &mut cases {
        let end = case.last_activity();
        let weeks = (now - end).num_seconds().div_euclid(WEEK);
        shift(case, Duration::weeks(weeks));
    }
    Ok(cases)
}

/// Moves every time of a case by `by`.
pub fn shift(case: &mut Case, by: Duration) {
    case.opened += by;
    for e in &mut case.events {
        e.at += by;
        for t in [&mut e.due, &mut e.window_start, &mut e.window_end]
            .into_iter()
            .flatten()
        {
            *t += by;
        }
    }
    if let Some(call) = &mut case.active_call {
        for s in &mut call.segments {
            s.from += by;
        }
    }
}
