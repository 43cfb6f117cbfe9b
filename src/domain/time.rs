//! Reading and writing times and durations: the WHEN and DUR formats of the command line and
//! forms, RFC 3339 in files, and the short human forms shown on screen.

use chrono::{
    DateTime, Local, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc,
};
use std::time::Duration;

/// A WHEN or DUR value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error(
        "'{0}' is not a time (use RFC 3339, 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD', 'HH:MM', '-2h' or 'now')"
    )]
    NotATime(String),
    #[error(
        "'{0}' does not exist in the local time zone (the clocks jump forward there); give a time an hour later or an explicit offset"
    )]
    InGap(String),
    #[error("'{0}' is not a duration (use e.g. 20m, 1h5m, 90s, '1h 05m')")]
    NotADuration(String),
}

/// Reads a WHEN: RFC 3339, local `YYYY-MM-DD HH:MM[:SS]` (also with `T`), local `YYYY-MM-DD`
/// (midnight), local `HH:MM` (today), `-DUR` (that long before `now`), or `now`.
///
/// A local time that occurs twice (the hour the clocks go back) is read as its first
/// occurrence; one that never occurs (the hour they go forward) is an error.
pub fn parse_when(input: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, TimeError> {
    let s = input.trim();
    if s.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(ago) = s.strip_prefix('-') {
        let d = parse_duration(ago).map_err(|_| TimeError::NotATime(input.to_string()))?;
        let d =
            chrono::Duration::from_std(d).map_err(|_| TimeError::NotATime(input.to_string()))?;
        return now
            .checked_sub_signed(d)
            .ok_or_else(|| TimeError::NotATime(input.to_string()));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = parse_naive(s, now).ok_or_else(|| TimeError::NotATime(input.to_string()))?;
    local_to_utc(naive).ok_or_else(|| TimeError::InGap(input.to_string()))
}

fn parse_naive(s: &str, now: DateTime<Utc>) -> Option<NaiveDateTime> {
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d.and_time(NaiveTime::MIN));
    }
    for fmt in ["%H:%M:%S", "%H:%M"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, fmt) {
            return Some(now.with_timezone(&Local).date_naive().and_time(t));
        }
    }
    None
}

/// The UTC instant of a local wall-clock time: the first one when it occurs twice, `None`
/// when it never occurs. (Compared by hand: chrono's `earliest()` is unreliable here.)
fn local_to_utc(naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    let candidates = match Local.from_local_datetime(&naive) {
        LocalResult::Single(t) => vec![t],
        LocalResult::Ambiguous(a, b) => vec![a, b],
        LocalResult::None => Vec::new(),
    };
    // Only instants that really show this wall-clock time count: at the edge of a gap some
    // zone data answers with a time the clock never showed.
    candidates
        .into_iter()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| t.with_timezone(&Local).naive_local() == naive)
        .min()
}

/// Reads a DUR such as `20m`, `1h5m`, `90s`, `1h 05m`, or `MM:SS` / `H:MM:SS`.
pub fn parse_duration(input: &str) -> Result<Duration, TimeError> {
    let s = input.trim();
    if s.contains(':') {
        let parts: Option<Vec<u64>> = s.split(':').map(|p| p.parse().ok()).collect();
        return match parts.as_deref() {
            Some([m, sec]) if *sec < 60 => Ok(Duration::from_secs(m * 60 + sec)),
            Some([h, m, sec]) if *m < 60 && *sec < 60 => {
                Ok(Duration::from_secs(h * 3600 + m * 60 + sec))
            }
            _ => Err(TimeError::NotADuration(input.to_string())),
        };
    }
    if s.is_empty() || s.chars().all(|c| c.is_ascii_digit()) {
        return Err(TimeError::NotADuration(input.to_string()));
    }
    humantime::parse_duration(s).map_err(|_| TimeError::NotADuration(input.to_string()))
}

/// RFC 3339 in UTC with whole seconds, as stored in files and JSON.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A local date and time for people: `2013-08-16 18:05`.
pub fn local_minute(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// A local time as typed into a form: minutes, or seconds when it has them, so that reading it
/// back gives the same instant.
pub fn local_input(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Local);
    if t.timestamp() % 60 == 0 {
        local.format("%Y-%m-%d %H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// A duration exactly, for forms: `25m 30s`, `1h 5m`.
pub fn exact_duration(seconds: u64) -> String {
    if seconds == 0 {
        "0s".into()
    } else {
        humantime::format_duration(Duration::from_secs(seconds)).to_string()
    }
}

/// A local date and time with the weekday: `Fri 2013-08-16 18:05`.
pub fn local_day_minute(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local)
        .format("%a %Y-%m-%d %H:%M")
        .to_string()
}

/// A span of seconds in the largest two units: `5d 03h`, `1h 05m`, `20m`, `45s`.
pub fn span(seconds: i64) -> String {
    let s = seconds.max(0);
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    if d > 0 {
        format!("{d}d {h:02}h {m:02}m")
    } else if h > 0 {
        format!("{h}h {m:02}m")
    } else if m > 0 {
        format!("{m}m")
    } else {
        format!("{sec}s")
    }
}

/// A stopwatch reading: `1:05:09` or `05:09`.
pub fn stopwatch(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// Serde adapters for times as RFC 3339 UTC strings (any offset accepted on input).
pub mod serde_rfc3339 {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::rfc3339(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| serde::de::Error::custom(format!("'{s}' is not an RFC 3339 time")))
    }

    /// The same for optional times.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serializer};

        #[allow(clippy::ref_option)]
        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_some(&super::super::rfc3339(*t)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            let s = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
            s.map(|s| {
                DateTime::parse_from_rfc3339(&s)
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| serde::de::Error::custom(format!("'{s}' is not an RFC 3339 time")))
            })
            .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn durations_in_every_documented_form() {
        for (input, secs) in [
            ("20m", 1200),
            ("1h5m", 3900),
            ("90s", 90),
            ("1h 05m", 3900),
            ("12:30", 750),
            ("1:00:05", 3605),
        ] {
            assert_eq!(
                parse_duration(input),
                Ok(Duration::from_secs(secs)),
                "{input}"
            );
        }
        for bad in ["", "20", "twenty", "5 parsecs", "1:99"] {
            assert_eq!(
                parse_duration(bad),
                Err(TimeError::NotADuration(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn rfc3339_and_relative_times() {
        let now = utc("2013-08-20T18:00:00Z");
        assert_eq!(
            parse_when("2013-08-16T18:00:00+02:00", now),
            Ok(utc("2013-08-16T16:00:00Z"))
        );
        assert_eq!(parse_when("now", now), Ok(now));
        assert_eq!(parse_when("-1h 30m", now), Ok(utc("2013-08-20T16:30:00Z")));
        let err = parse_when("friday-ish", now).unwrap_err();
        assert!(
            err.to_string().contains("'friday-ish' is not a time"),
            "{err}"
        );
    }

    #[test]
    fn spans_and_stopwatches() {
        assert_eq!(span(5 * 86_400 + 3 * 3600 + 12 * 60 + 9), "5d 03h 12m");
        assert_eq!(span(3900), "1h 05m");
        assert_eq!(span(1200), "20m");
        assert_eq!(span(-4), "0s");
        assert_eq!(stopwatch(1209), "20:09");
        assert_eq!(stopwatch(3909), "1:05:09");
    }
}
