//! Reading and writing times and durations: the WHEN and DUR formats of the command line and
//! forms, RFC 3339 in files, and the short human forms shown on screen.

use chrono::{
    DateTime, Datelike, Local, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat,
    TimeZone, Utc,
};
use std::time::Duration;

/// A WHEN or DUR value that could not be read, with the value as typed. (The words for it are
/// the front ends', see `cli::words`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Not a time in any of the WHEN forms.
    NotATime(String),
    /// A local time the clocks skip (they jump forward there).
    InGap(String),
    /// Not a duration.
    NotADuration(String),
    /// A time outside the years [`FIRST_YEAR`] to [`LAST_YEAR`]: the year (UTC) it falls in,
    /// `None` when it falls before any calendar.
    OutOfRange { value: String, year: Option<i32> },
    /// A hold or talk longer than [`MAX_LENGTH_DAYS`].
    TooLong(String),
}

impl std::error::Error for TimeError {}

/// The first and last years a stored time may fall in: RFC 3339 has four-digit years, and a
/// time outside them could not be read back.
pub const FIRST_YEAR: i32 = 1000;
/// See [`FIRST_YEAR`].
pub const LAST_YEAR: i32 = 9999;

/// The longest one hold or talk may be, in days.
pub const MAX_LENGTH_DAYS: u64 = 31;

/// Whether `t` falls in the years a case file can hold ([`FIRST_YEAR`] to [`LAST_YEAR`]).
pub fn storable(t: DateTime<Utc>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&t.year())
}

/// What a bare date means where a WHEN is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BareDate {
    /// Midnight at its start (when something happened, opened).
    Start,
    /// The last second of that day (a due: "by Friday" is kept all Friday).
    End,
}

/// How a WHEN is read: the moment `now` (for `now` and `-DUR`), the local day a bare `HH:MM`
/// falls on, and what a bare date means.
#[derive(Clone, Copy, Debug)]
pub struct WhenContext {
    pub now: DateTime<Utc>,
    pub day: NaiveDate,
    pub bare_date: BareDate,
}

impl WhenContext {
    /// As of `now`: a bare time is today, a bare date its midnight.
    pub fn at(now: DateTime<Utc>) -> WhenContext {
        WhenContext {
            now,
            day: now.with_timezone(&Local).date_naive(),
            bare_date: BareDate::Start,
        }
    }

    /// A bare time falls on the local day of `t` (the day of the event it belongs to).
    #[must_use]
    pub fn on_day_of(self, t: DateTime<Utc>) -> WhenContext {
        WhenContext {
            day: t.with_timezone(&Local).date_naive(),
            ..self
        }
    }

    /// A bare date means the end of that day.
    #[must_use]
    pub fn date_means_end(self) -> WhenContext {
        WhenContext {
            bare_date: BareDate::End,
            ..self
        }
    }
}

/// Reads a WHEN: RFC 3339, local `YYYY-MM-DD HH:MM[:SS]` (also with `T`), local `YYYY-MM-DD`
/// (midnight), local `HH:MM` (today), `-DUR` (that long before `now`), `+DUR` (that long
/// after), `now`, or a day word and a time in any of the three languages: `yesterday 14:00`,
/// `gisteren 14:00`, `hier 14h`, `today 9h30`, `eergisteren 8u`, `avant-hier 18:00`.
///
/// A local time that occurs twice (the hour the clocks go back) is read as its first
/// occurrence; one that never occurs (the hour they go forward) is an error, and so is a time
/// outside the years [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn parse_when(input: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, TimeError> {
    parse_when_in(input, WhenContext::at(now))
}

/// [`parse_when`] with a bare `HH:MM` on `cx.day` and a bare date read as `cx.bare_date` says.
pub fn parse_when_in(input: &str, cx: WhenContext) -> Result<DateTime<Utc>, TimeError> {
    let t = parse_any_year(input, cx)?;
    if storable(t) {
        Ok(t)
    } else {
        // In UTC, as files keep times: a local midnight on 1 January 1000 east of Greenwich
        // is still in 999 there.
        Err(TimeError::OutOfRange {
            value: input.trim().to_string(),
            year: Some(t.year()),
        })
    }
}

fn parse_any_year(input: &str, cx: WhenContext) -> Result<DateTime<Utc>, TimeError> {
    let s = input.trim();
    let now = cx.now;
    if s.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(ago) = s.strip_prefix('-') {
        let d = parse_duration(ago).map_err(|_| TimeError::NotATime(input.to_string()))?;
        let too_far = || TimeError::OutOfRange {
            value: s.to_string(),
            year: None,
        };
        let d = chrono::Duration::from_std(d).map_err(|_| too_far())?;
        return now.checked_sub_signed(d).ok_or_else(too_far);
    }
    if let Some(later) = s.strip_prefix('+') {
        let d = parse_duration(later).map_err(|_| TimeError::NotATime(input.to_string()))?;
        let too_far = || TimeError::OutOfRange {
            value: s.to_string(),
            year: None,
        };
        let d = chrono::Duration::from_std(d).map_err(|_| too_far())?;
        return now.checked_add_signed(d).ok_or_else(too_far);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = parse_naive(s, cx).ok_or_else(|| TimeError::NotATime(input.to_string()))?;
    local_to_utc(naive).ok_or_else(|| TimeError::InGap(input.to_string()))
}

fn parse_naive(s: &str, cx: WhenContext) -> Option<NaiveDateTime> {
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
        return Some(match cx.bare_date {
            BareDate::Start => d.and_time(NaiveTime::MIN),
            BareDate::End => d.and_time(END_OF_DAY),
        });
    }
    for fmt in ["%H:%M:%S", "%H:%M"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, fmt) {
            return Some(cx.day.and_time(t));
        }
    }
    if let Some(t) = clock_time(s) {
        return Some(cx.day.and_time(t));
    }
    day_word(s, cx)
}

/// How many days back a day word goes: `yesterday`, `gisteren`, `hier` are one; `tomorrow`,
/// `morgen`, `demain` minus one (a promise's due is often tomorrow).
fn days_back(word: &str) -> Option<i64> {
    match word.to_lowercase().as_str() {
        "today" | "vandaag" | "aujourd'hui" | "aujourd’hui" => Some(0),
        "yesterday" | "gisteren" | "hier" => Some(1),
        "eergisteren" | "avant-hier" => Some(2),
        "tomorrow" | "morgen" | "demain" => Some(-1),
        "overmorgen" | "après-demain" => Some(-2),
        _ => None,
    }
}

/// A day word and a time: `gisteren 14:00`, `hier 14h`, `yesterday 2:05`, on the local day
/// that many days before `cx.now`.
fn day_word(s: &str, cx: WhenContext) -> Option<NaiveDateTime> {
    let (word, time) = s.split_once(char::is_whitespace)?;
    let back = days_back(word)?;
    let today = cx.now.with_timezone(&Local).date_naive();
    let day = if back >= 0 {
        today.checked_sub_days(chrono::Days::new(back.unsigned_abs()))?
    } else {
        today.checked_add_days(chrono::Days::new(back.unsigned_abs()))?
    };
    let time = time.trim();
    let time = ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(time, f).ok())
        .or_else(|| clock_time(time))?;
    Some(day.and_time(time))
}

/// A time of day as the French and Dutch write it: `14h`, `14h30`, `14u`, `14u30`, `14.30`.
fn clock_time(s: &str) -> Option<NaiveTime> {
    let lower = s.to_lowercase();
    let (h, m) = lower
        .split_once('h')
        .or_else(|| lower.split_once('u'))
        .or_else(|| lower.split_once('.'))?;
    let hours: u32 = (h.len() <= 2).then(|| h.parse().ok()).flatten()?;
    let minutes: u32 = if m.is_empty() {
        0
    } else if m.len() == 2 {
        m.parse().ok()?
    } else {
        return None;
    };
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// The last whole second of a day: a due given as a bare date.
const END_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 59) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

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
        let secs = match parts.as_deref() {
            Some([m, sec]) if *sec < 60 => m.checked_mul(60).and_then(|m| m.checked_add(*sec)),
            Some([h, m, sec]) if *m < 60 && *sec < 60 => h
                .checked_mul(3600)
                .and_then(|h| h.checked_add(m * 60 + sec)),
            _ => None,
        };
        return secs
            .map(Duration::from_secs)
            .ok_or_else(|| TimeError::NotADuration(input.to_string()));
    }
    if s.is_empty() || s.chars().all(|c| c.is_ascii_digit()) {
        return Err(TimeError::NotADuration(input.to_string()));
    }
    // French writes days as j (jours): `2j 4h` is `2d 4h`.
    let days_as_d;
    let s = if s.contains('j')
        && s.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "jhms".contains(c))
    {
        days_as_d = s.replace('j', "d");
        days_as_d.as_str()
    } else {
        s
    };
    humantime::parse_duration(s).map_err(|_| TimeError::NotADuration(input.to_string()))
}

/// Reads the length of one hold or talk: a DUR of at most [`MAX_LENGTH_DAYS`] days, in whole
/// seconds.
pub fn parse_length(input: &str) -> Result<u64, TimeError> {
    let d = parse_duration(input)?;
    if d.as_secs() > MAX_LENGTH_DAYS * 86_400 {
        return Err(TimeError::TooLong(input.trim().to_string()));
    }
    Ok(d.as_secs())
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

/// A duration exactly, the one way every place shows a hold or a talk (forms, details, the
/// timeline, `show`, the dossier): days, hours, minutes and seconds, largest first, the units
/// after the first two digits wide, trailing zero units left out: `31d`, `12m 30s`,
/// `1h 05m`, `1d 00h 00m 05s`. No months or years (whose length varies): read back by
/// [`parse_duration`], it gives the same seconds.
pub fn exact_duration(seconds: u64) -> String {
    units(seconds, 4)
}

/// `seconds` in days, hours, minutes and seconds from the largest that is not zero, at most
/// `most` of them, trailing zero units left out.
fn units(seconds: u64, most: usize) -> String {
    let units = [
        (seconds / 86_400, 'd'),
        (seconds / 3600 % 24, 'h'),
        (seconds / 60 % 60, 'm'),
        (seconds % 60, 's'),
    ];
    let Some(first) = units.iter().position(|(n, _)| *n > 0) else {
        return "0s".into();
    };
    let shown = &units[first..(first + most).min(units.len())];
    let last = shown.iter().rposition(|(n, _)| *n > 0).unwrap_or(0);
    shown[..=last]
        .iter()
        .enumerate()
        .map(|(i, (n, u))| {
            if i == 0 {
                format!("{n}{u}")
            } else {
                format!("{n:02}{u}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A local date and time with the weekday: `Fri 2013-08-16 18:05`.
/// The weekday is said in the reader's language: `vr 2013-08-16 18:05`, `ven. 2013-08-16 18:05`.
pub fn local_day_minute(t: DateTime<Utc>) -> String {
    crate::i18n::fmt::date(&t.with_timezone(&Local), "%a %Y-%m-%d %H:%M")
}

/// A span of seconds, short: the largest two units (three from a day up), trailing zero
/// units left out: `5d 03h 12m`, `1h 05m`, `12m 30s`, `31d`, `45s`. Always the start of
/// [`exact_duration`] of the same seconds, so the two never disagree.
pub fn span(seconds: i64) -> String {
    let s = u64::try_from(seconds.max(0)).unwrap_or(0);
    units(s, if s >= 86_400 { 3 } else { 2 })
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

/// Reads a stored time: RFC 3339, and also the signed or five-digit years that a time outside
/// [`FIRST_YEAR`] to [`LAST_YEAR`] is written with, so that such a time (hand-edited, or
/// written by an older runaround) does not make the rest of its file unreadable. Whoever reads
/// one checks [`storable`].
pub fn parse_stored(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => ("", &s[1..]),
        b'-' => ("-", &s[1..]),
        b'0'..=b'9' => ("", s),
        _ => return None,
    };
    // `YYYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`: the year is everything before the first dash.
    let (year, tail) = rest.split_once('-')?;
    if year.is_empty() || year.len() > 9 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = format!("{sign}{year}").parse().ok()?;
    // A leap year of four digits stands in for it, so that RFC 3339 reads the rest (29
    // February too); then the wall-clock fields get their real year.
    let t = DateTime::parse_from_rfc3339(&format!("2000-{tail}")).ok()?;
    let local = t.naive_local().with_year(year)?;
    let t = t.offset().from_local_datetime(&local).single()?;
    Some(t.with_timezone(&Utc))
}

/// A stored time that does not read as RFC 3339: the text. (Said by `export::words`.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotRfc3339(pub String);

/// Serde adapters for times as RFC 3339 UTC strings (any offset accepted on input).
pub mod serde_rfc3339 {
    use super::NotRfc3339;
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::rfc3339(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_stored(&s).ok_or_else(|| serde::de::Error::custom(NotRfc3339(s.to_string())))
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
                super::super::parse_stored(&s)
                    .ok_or_else(|| serde::de::Error::custom(super::NotRfc3339(s.to_string())))
            })
            .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_words_and_times_of_day_in_three_languages() {
        let now = Local
            .with_ymd_and_hms(2026, 4, 1, 10, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc);
        let local = |d: u32, h: u32, m: u32| {
            Local
                .with_ymd_and_hms(2026, 3, d, h, m, 0)
                .single()
                .unwrap()
                .with_timezone(&Utc)
        };
        for (typed, want) in [
            ("yesterday 14:00", local(31, 14, 0)),
            ("gisteren 14:00", local(31, 14, 0)),
            ("Gisteren 9u30", local(31, 9, 30)),
            ("hier 14h", local(31, 14, 0)),
            ("hier 14h05", local(31, 14, 5)),
            ("avant-hier 18:00", local(30, 18, 0)),
            ("eergisteren 8.15", local(30, 8, 15)),
        ] {
            assert_eq!(parse_when(typed, now), Ok(want), "{typed}");
        }
        assert_eq!(
            parse_when("14h", now).map(|t| t.with_timezone(&Local).format("%d %H:%M").to_string()),
            Ok("01 14:00".to_string())
        );
        assert_eq!(
            parse_when("+48h", now),
            Ok(now + chrono::Duration::hours(48))
        );
        assert_eq!(parse_when("+2d", now), Ok(now + chrono::Duration::days(2)));
        for (typed, want) in [
            ("tomorrow 9:00", "04-02 09:00"),
            ("morgen 9u30", "04-02 09:30"),
            ("demain 14h", "04-02 14:00"),
            ("après-demain 8h", "04-03 08:00"),
        ] {
            let got = parse_when(typed, now)
                .map(|t| t.with_timezone(&Local).format("%m-%d %H:%M").to_string());
            assert_eq!(got.as_deref(), Ok(want), "{typed}");
        }
        for bad in ["hier", "hier 25h", "morgen", "14h5", "+", "+x"] {
            assert!(parse_when(bad, now).is_err(), "{bad}");
        }
    }

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
    fn exact_durations_read_back_to_the_same_seconds_without_months() {
        assert_eq!(exact_duration(0), "0s");
        assert_eq!(exact_duration(31 * 86_400), "31d");
        assert_eq!(exact_duration(750), "12m 30s");
        assert_eq!(exact_duration(3900), "1h 05m");
        assert_eq!(exact_duration(86_405), "1d 00h 00m 05s");
        let mut s: u64 = 1;
        while s <= MAX_LENGTH_DAYS * 86_400 {
            for x in [s, s + 1, s * 7 + 13, s * 60, s * 3600 + 59] {
                if x > MAX_LENGTH_DAYS * 86_400 {
                    continue;
                }
                let text = exact_duration(x);
                assert!(
                    !text.contains("month") && !text.contains("year"),
                    "{x}: {text}"
                );
                assert_eq!(parse_length(&text).unwrap(), x, "{text}");
            }
            s = s * 3 + 1;
        }
    }

    #[test]
    fn spans_and_stopwatches() {
        assert_eq!(span(5 * 86_400 + 3 * 3600 + 12 * 60 + 9), "5d 03h 12m");
        assert_eq!(span(3900), "1h 05m");
        assert_eq!(span(1200), "20m");
        assert_eq!(span(-4), "0s");
        assert_eq!(span(31 * 86_400), "31d");
        assert_eq!(span(750), "12m 30s");
        assert_eq!(
            parse_duration("2j 4h").map(|d| d.as_secs()),
            Ok(2 * 86_400 + 4 * 3600)
        );
        assert_eq!(parse_duration("3j").map(|d| d.as_secs()), Ok(3 * 86_400));
        assert!(parse_duration("jour").is_err());
        for x in [
            1,
            59,
            750,
            3600,
            3909,
            86_405,
            31 * 86_400,
            5 * 86_400 + 11_529,
        ] {
            assert!(exact_duration(x as u64).starts_with(&span(x)), "{x}");
        }
        assert_eq!(stopwatch(1209), "20:09");
        assert_eq!(stopwatch(3909), "1:05:09");
    }

    #[test]
    fn times_outside_the_storable_years_are_refused_naming_the_value() {
        let now = utc("2013-08-20T18:00:00Z");
        for input in [
            "-20000000h",
            "-1000000000000s",
            "-100000000000000000s",
            "0999-12-31T23:00:00Z",
            "0999-12-31 23:00",
            "0001-01-01",
        ] {
            let err = parse_when(input, now).unwrap_err();
            assert!(
                matches!(err, TimeError::OutOfRange { .. }),
                "{input}: {err:?}"
            );
            let text = err.to_string();
            assert!(text.contains(&format!("'{input}'")), "{text}");
            assert!(text.contains("1000-9999"), "{text}");
        }
        assert_eq!(
            parse_when("1000-01-01T00:00:00Z", now),
            Ok(utc("1000-01-01T00:00:00Z"))
        );
        assert_eq!(
            parse_when("9999-12-31T23:59:59Z", now),
            Ok(utc("9999-12-31T23:59:59Z"))
        );
    }

    #[test]
    fn stored_times_of_any_year_read_back_for_the_check() {
        for t in [
            utc("2013-08-20T18:00:00Z"),
            utc("0500-02-28T10:00:00Z"),
            Utc.with_ymd_and_hms(-1, 12, 31, 23, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(12012, 2, 29, 1, 2, 3).unwrap(),
            Utc.with_ymd_and_hms(-2268, 6, 1, 0, 0, 0).unwrap(),
        ] {
            assert_eq!(parse_stored(&rfc3339(t)), Some(t), "{}", rfc3339(t));
        }
        assert_eq!(
            parse_stored("+12013-01-01T01:00:00+02:00"),
            Some(Utc.with_ymd_and_hms(12012, 12, 31, 23, 0, 0).unwrap())
        );
        for bad in [
            "",
            "x",
            "-",
            "2013",
            "-0001",
            "12013-13-01T00:00:00Z",
            "+-1-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_stored(bad), None, "{bad}");
        }
        assert!(!storable(Utc.with_ymd_and_hms(999, 1, 1, 0, 0, 0).unwrap()));
        assert!(storable(utc("2013-08-20T18:00:00Z")));
    }

    #[test]
    fn lengths_of_more_than_a_month_are_refused() {
        assert_eq!(parse_length("31d"), Ok(31 * 86_400));
        for input in [
            "18446744073709551615s",
            "32d",
            "745h",
            "99999999999999999:00:00",
        ] {
            let err = parse_length(input).unwrap_err();
            assert!(err.to_string().contains(&format!("'{input}'")), "{err}");
        }
        assert_eq!(
            parse_duration("99999999999999999999:00"),
            Err(TimeError::NotADuration("99999999999999999999:00".into()))
        );
        // Hours that overflow when made seconds: an error, not a wrap or a panic.
        assert_eq!(
            parse_duration("9999999999999999999:00:00"),
            Err(TimeError::NotADuration("9999999999999999999:00:00".into()))
        );
    }

    #[test]
    fn a_bare_date_can_mean_the_end_of_its_day_and_a_bare_time_another_day() {
        let now = utc("2026-03-30T15:00:00Z");
        let event = local_to_utc(
            NaiveDate::from_ymd_opt(2013, 8, 20)
                .unwrap()
                .and_hms_opt(13, 0, 0)
                .unwrap(),
        )
        .unwrap();
        let cx = WhenContext::at(now).on_day_of(event);
        let day = NaiveDate::from_ymd_opt(2013, 8, 20).unwrap();
        assert_eq!(
            parse_when_in("16:00", cx)
                .unwrap()
                .with_timezone(&Local)
                .naive_local(),
            day.and_hms_opt(16, 0, 0).unwrap()
        );
        assert_eq!(
            parse_when_in("2013-08-23", cx.date_means_end())
                .unwrap()
                .with_timezone(&Local)
                .naive_local(),
            NaiveDate::from_ymd_opt(2013, 8, 23)
                .unwrap()
                .and_hms_opt(23, 59, 59)
                .unwrap()
        );
        assert_eq!(
            parse_when_in("2013-08-23", cx)
                .unwrap()
                .with_timezone(&Local)
                .naive_local(),
            NaiveDate::from_ymd_opt(2013, 8, 23)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        );
        // Relative times still count from now, whatever the day.
        assert_eq!(parse_when_in("-1h", cx), Ok(utc("2026-03-30T14:00:00Z")));
    }
}
