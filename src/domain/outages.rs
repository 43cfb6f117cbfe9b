//! Time without service, day by day: what the charts draw.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

use super::{Case, Kind};

/// The start of local day `d`, as a UTC instant.
fn day_start(d: NaiveDate) -> Option<DateTime<Utc>> {
    Local
        .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The seconds without service on each local day, from the day of the first outage to the
/// day its service came back (or to `now`'s day while it is still out); empty without an
/// outage.
pub fn days_without_service(case: &Case, now: DateTime<Utc>) -> Vec<(NaiveDate, i64)> {
    let mut spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut out: Option<DateTime<Utc>> = None;
    for e in &case.events {
        match e.kind {
            Kind::Outage if out.is_none() => out = Some(e.at),
            Kind::Restored => {
                if let Some(start) = out.take() {
                    spans.push((start, e.at));
                }
            }
            _ => {}
        }
    }
    if let Some(start) = out
        && start < now
    {
        spans.push((start, now));
    }
    let (Some(first), Some(last)) = (spans.first(), spans.iter().map(|s| s.1).max()) else {
        return Vec::new();
    };
    let mut day = first.0.with_timezone(&Local).date_naive();
    let end = last.with_timezone(&Local).date_naive();
    let mut days = Vec::new();
    while day <= end {
        let next = day.succ_opt().unwrap_or(day);
        let (Some(from), Some(to)) = (day_start(day), day_start(next)) else {
            break;
        };
        let seconds = spans
            .iter()
            .map(|&(a, b)| (b.min(to) - a.max(from)).num_seconds().max(0))
            .sum();
        days.push((day, seconds));
        if next == day {
            break;
        }
        day = next;
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Event;
    use chrono::Duration;

    #[test]
    fn time_without_service_is_split_at_local_midnight() {
        let day = |d| NaiveDate::from_ymd_opt(2013, 8, d).unwrap();
        let local = |d, h| day_start(day(d)).unwrap() + Duration::hours(h);
        let mut case = Case::new("c", "t", "KPN", local(16, 0));
        case.add_event(Event::new(Kind::Outage, local(16, 18), ""));
        case.add_event(Event::new(Kind::Restored, local(17, 6), ""));
        case.add_event(Event::new(Kind::Outage, local(18, 12), ""));
        let days = days_without_service(&case, local(18, 20));
        assert_eq!(
            days,
            [
                (day(16), 6 * 3600),
                (day(17), 6 * 3600),
                (day(18), 8 * 3600)
            ]
        );
        assert!(
            days_without_service(&Case::new("c", "t", "o", local(16, 0)), local(18, 0)).is_empty()
        );
    }
}
