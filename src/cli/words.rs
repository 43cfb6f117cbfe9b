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
use crate::i18n::vocab;
use crate::t;

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
        t!(
            "loop-back-again",
            place = l.place.as_str(),
            times = ordinal(l.times)
        )
    } else {
        t!("loop-back", place = l.place.as_str())
    }
}

/// For each event of the case, its loop flag ([`loop_flag`]), if it closes a loop.
pub fn loop_flags(case: &Case) -> Vec<Option<String>> {
    loops(case)
        .iter()
        .map(|l| l.as_ref().map(loop_flag))
        .collect()
}

/// `1st`, `2nd`, `3rd`, `4th`, …, `11th`, `21st` (`2e` in Dutch and French).
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    // English says the suffix; Dutch and French write `2e`.
    t!("ordinal", n = n.to_string(), suffix = suffix)
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
                    t!("field-no-options").to_string()
                } else {
                    allowed.join(" ")
                };
                f.write_str(&t!(
                    "field-not-for-kind",
                    flag = flag(self.field),
                    kind = vocab::kind(*kind),
                    allowed = allowed
                ))
            }
            Problem::Word(e) => write!(f, "{e}"),
            Problem::Time(e) => write!(f, "{e}"),
            Problem::EndsBeforeStart { start, end } => f.write_str(&t!(
                "field-window-backwards",
                end = local_minute(*end),
                start = local_minute(*start)
            )),
            Problem::OutcomeForKind { outcome, kind } => f.write_str(&t!(
                "field-outcome-for-kind",
                outcome = outcome.as_str(),
                kind = vocab::kind(*kind),
                allowed = outcomes(*kind)
            )),
        }
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            TimeError::NotATime(v) => t!("time-not-a-time", value = v.as_str()),
            TimeError::InGap(v) => t!("time-in-gap", value = v.as_str()),
            TimeError::NotADuration(v) => t!("time-not-a-duration", value = v.as_str()),
            TimeError::OutOfRange { value, year } => {
                let first = FIRST_YEAR.to_string();
                let last = LAST_YEAR.to_string();
                if let Some(year) = year {
                    t!(
                        "time-out-of-range-year",
                        value = value.as_str(),
                        year = year.to_string(),
                        first = first,
                        last = last
                    )
                } else {
                    t!(
                        "time-out-of-range",
                        value = value.as_str(),
                        first = first,
                        last = last
                    )
                }
            }
            TimeError::TooLong(v) => t!(
                "time-too-long",
                value = v.as_str(),
                days = MAX_LENGTH_DAYS.to_string()
            ),
        };
        f.write_str(&text)
    }
}

/// What an enum's values are called, in the current language: `event kind`, `soort gebeurtenis`.
fn word_name(what: &str) -> &str {
    match what {
        "status" => t!("word-status"),
        "event kind" => t!("word-event-kind"),
        "direction" => t!("word-direction"),
        "outcome" => t!("word-outcome"),
        "promise state" => t!("word-promise-state"),
        "channel" => t!("word-channel"),
        "customer kind" => t!("word-customer-kind"),
        other => other,
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "word-unknown",
            what = word_name(self.what),
            value = self.value.as_str(),
            expected = self.expected.join(", ")
        ))
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, candidates: &[String]| {
            candidates.iter().try_for_each(|c| write!(f, "\n  {c}"))
        };
        match self {
            ResolveError::Unknown { query, candidates } => {
                f.write_str(&t!("resolve-none", query = query.as_str()))?;
                if candidates.is_empty() {
                    f.write_str(t!("resolve-no-cases"))
                } else {
                    f.write_str(t!("resolve-the-cases"))?;
                    list(f, candidates)
                }
            }
            ResolveError::Ambiguous { query, candidates } => {
                f.write_str(&t!("resolve-many", query = query.as_str()))?;
                list(f, candidates)
            }
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::EmptyTitle => f.write_str(t!("draft-empty-title")),
            DraftError::EmptyOrganisation => f.write_str(t!("draft-empty-organisation")),
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

    #[test]
    fn loops_and_errors_are_said_in_each_language() {
        use crate::i18n::Lang;
        let again = Loop {
            place: "1200".into(),
            times: 2,
        };
        let first = Loop {
            place: "0800-0403".into(),
            times: 1,
        };
        let said = |lang: Lang| {
            let _scope = lang.scope();
            let unknown: Result<Kind, _> = "belletje".parse();
            (
                loop_flag(&again),
                loop_flag(&first),
                unknown.unwrap_err().to_string(),
            )
        };
        let (en, en_first, en_word) = said(Lang::En);
        assert_eq!(en, "back to 1200, 2nd time");
        assert_eq!(en_first, "back to 0800-0403");
        assert!(
            en_word.starts_with("unknown event kind 'belletje'"),
            "{en_word}"
        );
        let (nl, nl_first, nl_word) = said(Lang::Nl);
        assert_eq!(nl, "terug naar 1200, 2e keer");
        assert_eq!(nl_first, "terug naar 0800-0403");
        assert!(
            nl_word.starts_with("onbekende soort gebeurtenis 'belletje'"),
            "{nl_word}"
        );
        let (fr, fr_first, fr_word) = said(Lang::Fr);
        assert_eq!(fr, "retour vers 1200, 2e fois");
        assert_eq!(fr_first, "retour vers 0800-0403");
        assert!(
            fr_word.contains("'belletje'") && fr_word.contains("attendu"),
            "{fr_word}"
        );
        for (n, want) in [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (21, "21st"),
            (102, "102nd"),
        ] {
            assert_eq!(ordinal(n), want);
        }
        let _nl = Lang::Nl.scope();
        assert_eq!(ordinal(21), "21e");
    }

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
