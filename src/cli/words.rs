//! The words of the command line, its reports and exports, and of the problems found in files:
//! how the domain's facts (a loop, a field error) are said. The TUI's are in `app::words`.

use std::fmt;

use crate::domain::case::Case;
use crate::domain::draft::DraftError;
use crate::domain::enums::UnknownWord;
use crate::domain::field::{Field, FieldError, Problem};
use crate::domain::loops::{Loop, loops};
use crate::domain::resolve::ResolveError;
use crate::domain::time::{FIRST_YEAR, LAST_YEAR, MAX_LENGTH_DAYS, TimeError, local_minute};
use crate::domain::{Kind, Outcome};

/// The command-line flag of a field, with its dashes: `--hold`.
pub fn flag(field: Field) -> &'static str {
    match field {
        Field::Number => "--number",
        Field::Department => "--department",
        Field::Agent => "--agent",
        Field::Direction => "--direction",
        Field::Outcome => "--outcome",
        Field::From => "--from",
        Field::To => "--to",
        Field::Due => "--due",
        Field::State => "--state",
        Field::Channel => "--channel",
        Field::Ref => "--ref",
        Field::Who => "--who",
        Field::Subject => "--subject",
        Field::Hold => "--hold",
        Field::Talk => "--talk",
        Field::WindowStart => "--window-start",
        Field::WindowEnd => "--window-end",
    }
}

/// A loop as a flag on its event: `back to 1200, 2nd time`, or `back to 1200` for the first
/// redirect to a place seen before otherwise.
pub fn loop_flag(l: &Loop) -> String {
    if l.times >= 2 {
        format!("back to {}, {} time", l.place, ordinal(l.times))
    } else {
        format!("back to {}", l.place)
    }
}

/// For each event of the case, its loop flag ([`loop_flag`]), if it closes a loop.
pub fn loop_flags(case: &Case) -> Vec<Option<String>> {
    loops(case)
        .iter()
        .map(|l| l.as_ref().map(loop_flag))
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

/// What is wrong with a field, as the command line and the file checks say it: a field a kind
/// does not have is named by its flag (`--due makes no sense for a call event (a call has:
/// --number …)`), a value that does not read by the value itself.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::NotForKind(kind) => {
                let allowed: Vec<_> = kind.fields().iter().map(|f| flag(*f)).collect();
                let allowed = if allowed.is_empty() {
                    "no options beyond --at".to_string()
                } else {
                    allowed.join(" ")
                };
                write!(
                    f,
                    "{} makes no sense for a {kind} event (a {kind} has: {allowed})",
                    flag(self.field)
                )
            }
            Problem::Word(e) => write!(f, "{e}"),
            Problem::Time(e) => write!(f, "{e}"),
            Problem::EndsBeforeStart { start, end } => write!(
                f,
                "the window ends ({}) before it starts ({})",
                local_minute(*end),
                local_minute(*start)
            ),
            Problem::OutcomeForKind { outcome, kind } => write!(
                f,
                "outcome '{outcome}' does not fit a {kind} (use one of: {})",
                outcomes(*kind)
            ),
        }
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::NotATime(v) => write!(
                f,
                "'{v}' is not a time (use RFC 3339, 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD', 'HH:MM', '-2h' or 'now')"
            ),
            TimeError::InGap(v) => write!(
                f,
                "'{v}' does not exist in the local time zone (the clocks jump forward there); give a time an hour later or an explicit offset"
            ),
            TimeError::NotADuration(v) => {
                write!(
                    f,
                    "'{v}' is not a duration (use e.g. 20m, 1h5m, 90s, '1h 05m')"
                )
            }
            TimeError::OutOfRange { value, year } => {
                write!(f, "'{value}' ")?;
                match year {
                    Some(year) => write!(f, "falls in the year {year} (UTC)")?,
                    None => f.write_str("falls before any calendar runaround knows")?,
                }
                write!(
                    f,
                    ", outside the years {FIRST_YEAR}-{LAST_YEAR} that runaround can keep"
                )
            }
            TimeError::TooLong(v) => write!(
                f,
                "'{v}' is longer than {MAX_LENGTH_DAYS} days: no single hold or talk lasts that long"
            ),
        }
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}' (expected one of: {})",
            self.what,
            self.value,
            self.expected.join(", ")
        )
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, candidates: &[String]| {
            candidates.iter().try_for_each(|c| write!(f, "\n  {c}"))
        };
        match self {
            ResolveError::Unknown { query, candidates } => {
                write!(f, "no case matches '{query}'")?;
                if candidates.is_empty() {
                    f.write_str(" (the journal has no cases yet)")
                } else {
                    f.write_str("; the cases are:")?;
                    list(f, candidates)
                }
            }
            ResolveError::Ambiguous { query, candidates } => {
                write!(f, "'{query}' matches more than one case:")?;
                list(f, candidates)
            }
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::EmptyTitle => f.write_str("the title is empty"),
            DraftError::EmptyOrganisation => {
                f.write_str("the organisation is empty: name who the case is about")
            }
        }
    }
}

/// The outcomes a kind can have, as a list: `answered, no-answer, …`.
fn outcomes(kind: Kind) -> String {
    Outcome::for_kind(kind)
        .iter()
        .map(|o| o.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command, event_from_args};
    use chrono::{TimeZone, Utc};
    use clap::{CommandFactory, Parser};

    /// The options of `log` that are not event fields.
    const NOT_FIELDS: &[&str] = &["at", "detail"];

    #[test]
    fn every_field_is_an_option_of_log_under_its_flag_and_reads_into_that_field() {
        let cli = Cli::command();
        let log_command = cli.find_subcommand("log").unwrap();
        let options: Vec<_> = log_command
            .get_arguments()
            .filter(|a| a.get_long().is_some())
            .collect();
        for option in &options {
            let long = option.get_long().unwrap();
            let field = Field::ALL.iter().find(|f| &flag(**f)[2..] == long);
            let Some(field) = field else {
                assert!(NOT_FIELDS.contains(&long), "--{long} is no field's flag");
                continue;
            };
            // The help names the kinds that have the field, in parentheses.
            let help = option.get_help().unwrap().to_string();
            let mut named: Vec<Kind> = help
                .split('(')
                .skip(1)
                .filter_map(|s| s.split(')').next())
                .flat_map(|s| s.split(", "))
                .map(|k| k.parse().unwrap())
                .collect();
            named.sort();
            let mut has: Vec<Kind> = Kind::ALL
                .iter()
                .copied()
                .filter(|k| k.has(*field))
                .collect();
            has.sort();
            assert_eq!(named, has, "--{long}: {help}");
        }
        let now = Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap();
        for field in Field::ALL.iter().copied() {
            assert!(
                options
                    .iter()
                    .any(|o| o.get_long() == Some(&flag(field)[2..])),
                "{field:?} has no option"
            );
            let kind = Kind::ALL.iter().copied().find(|k| k.has(field)).unwrap();
            let value = match field {
                f if f.is_time() => "2026-03-31 12:00",
                Field::Hold | Field::Talk => "5m",
                f => f.choices(kind).last().copied().unwrap_or("text"),
            };
            let args = [
                "runaround",
                "log",
                "c",
                kind.as_str(),
                "s",
                flag(field),
                value,
            ];
            let Some(Command::Log(args)) = Cli::try_parse_from(args).unwrap().command else {
                panic!("{args:?}");
            };
            let e = event_from_args(&args, now).unwrap();
            let set: Vec<Field> = Field::ALL
                .iter()
                .copied()
                .filter(|f| e.is_set(*f))
                .collect();
            let mut want = vec![field];
            if kind == Kind::Promise && field != Field::State {
                want.push(Field::State);
            }
            want.sort_by_key(|f| Field::ALL.iter().position(|x| x == f));
            assert_eq!(set, want, "{}", flag(field));
        }
    }
}
