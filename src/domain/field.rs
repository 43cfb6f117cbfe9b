//! The optional fields of events, as data: which kinds have which fields, how each is read from
//! text and shown as text. One table serves the command line's flags, the import check, the
//! TUI's forms and the detail views.

use chrono::{DateTime, Utc};

use super::case::Event;
use super::enums::{Channel, Direction, Kind, Outcome, PromiseState, UnknownWord};
use super::text::clean_line;
use super::time::{
    TimeError, WhenContext, exact_duration, local_input, parse_length, parse_when_in, rfc3339,
};

/// An optional event field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Number,
    Department,
    Agent,
    Direction,
    Hold,
    Talk,
    Outcome,
    From,
    To,
    Due,
    State,
    Channel,
    Ref,
    Who,
    Subject,
    WindowStart,
    WindowEnd,
}

/// A field value that could not be read, or a field the kind does not have: which field, and
/// what was wrong with it. The words for it are the front ends' (see `cli::words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl std::error::Error for FieldError {}

/// What was wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The event's kind has no such field.
    NotForKind(Kind),
    /// The value is not one of the field's words.
    Word(UnknownWord),
    /// The value is not a time, or not a duration.
    Time(TimeError),
    /// The window ends (this field) before it starts.
    EndsBeforeStart {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// The outcome is not one the event's kind can have.
    OutcomeForKind { outcome: Outcome, kind: Kind },
}

impl FieldError {
    fn new(field: Field, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

impl Field {
    /// The field whose file key is `key`.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }

    /// Every field, in form order.
    pub const ALL: &'static [Field] = &[
        Field::Number,
        Field::Department,
        Field::Agent,
        Field::Direction,
        Field::Hold,
        Field::Talk,
        Field::Outcome,
        Field::From,
        Field::To,
        Field::Due,
        Field::State,
        Field::Channel,
        Field::Ref,
        Field::Who,
        Field::Subject,
        Field::WindowStart,
        Field::WindowEnd,
    ];

    /// The key in JSON and files.
    pub fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Department => "department",
            Field::Agent => "agent",
            Field::Direction => "direction",
            Field::Hold => "hold_seconds",
            Field::Talk => "talk_seconds",
            Field::Outcome => "outcome",
            Field::From => "from",
            Field::To => "to",
            Field::Due => "due",
            Field::State => "state",
            Field::Channel => "channel",
            Field::Ref => "ref",
            Field::Who => "who",
            Field::Subject => "subject",
            Field::WindowStart => "window_start",
            Field::WindowEnd => "window_end",
        }
    }

    /// The values a field can take when it is a choice (empty for free text, times, durations).
    pub fn choices(self, kind: Kind) -> Vec<&'static str> {
        match self {
            Field::Direction => Direction::ALL.iter().map(|d| d.as_str()).collect(),
            Field::Outcome => Outcome::for_kind(kind).iter().map(|o| o.as_str()).collect(),
            Field::State => PromiseState::ALL.iter().map(|s| s.as_str()).collect(),
            Field::Channel => Channel::ALL.iter().map(|c| c.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the field holds a time (WHEN) or a duration (DUR).
    pub fn is_time(self) -> bool {
        matches!(self, Field::Due | Field::WindowStart | Field::WindowEnd)
    }
}

impl Kind {
    /// The optional fields an event of this kind has.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Call => &[
                Field::Number,
                Field::Department,
                Field::Agent,
                Field::Direction,
                Field::Hold,
                Field::Talk,
                Field::Outcome,
            ],
            Kind::Redirect => &[Field::From, Field::To, Field::Agent],
            Kind::Promise => &[Field::Agent, Field::Due, Field::State],
            Kind::Visit => &[
                Field::Who,
                Field::WindowStart,
                Field::WindowEnd,
                Field::Outcome,
            ],
            Kind::Message => &[Field::Channel, Field::From, Field::Subject],
            Kind::Complaint => &[Field::Ref, Field::To, Field::Channel, Field::Outcome],
            Kind::Outage | Kind::Restored | Kind::Note => &[],
        }
    }

    /// Whether this kind has `field`.
    pub fn has(self, field: Field) -> bool {
        self.fields().contains(&field)
    }
}

impl Event {
    /// The field's value as text for forms and details ("" when empty).
    pub fn get(&self, field: Field) -> String {
        let time = |t: Option<DateTime<Utc>>| t.map(local_input).unwrap_or_default();
        let dur = |d: Option<u64>| d.map(exact_duration).unwrap_or_default();
        let word = |w: Option<&'static str>| w.unwrap_or_default().to_string();
        match field {
            Field::Number => self.number.clone(),
            Field::Department => self.department.clone(),
            Field::Agent => self.agent.clone(),
            Field::Direction => word(self.direction.map(Direction::as_str)),
            Field::Hold => dur(self.hold_seconds),
            Field::Talk => dur(self.talk_seconds),
            Field::Outcome => word(self.outcome.map(Outcome::as_str)),
            Field::From => self.from.clone(),
            Field::To => self.to.clone(),
            Field::Due => time(self.due),
            Field::State => word(self.state.map(PromiseState::as_str)),
            Field::Channel => word(self.channel.map(Channel::as_str)),
            Field::Ref => self.r#ref.clone(),
            Field::Who => self.who.clone(),
            Field::Subject => self.subject.clone(),
            Field::WindowStart => time(self.window_start),
            Field::WindowEnd => time(self.window_end),
        }
    }

    /// The field's value exactly, as files and CSV write it: times RFC 3339 UTC, durations
    /// whole seconds, words and text as they are ("" when empty).
    pub fn exact(&self, field: Field) -> String {
        let time = |t: Option<DateTime<Utc>>| t.map(rfc3339).unwrap_or_default();
        let secs = |d: Option<u64>| d.map(|s| s.to_string()).unwrap_or_default();
        match field {
            Field::Hold => secs(self.hold_seconds),
            Field::Talk => secs(self.talk_seconds),
            Field::Due => time(self.due),
            Field::WindowStart => time(self.window_start),
            Field::WindowEnd => time(self.window_end),
            other => self.get(other),
        }
    }

    /// Every value of the event but its amendments, exactly, keyed as in files: `at`, `kind`,
    /// `summary`, `detail`, then every optional field in form order.
    pub fn exact_values(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("at", rfc3339(self.at)),
            ("kind", self.kind.as_str().to_string()),
            ("summary", self.summary.clone()),
            ("detail", self.detail.clone()),
        ];
        out.extend(Field::ALL.iter().map(|f| (f.key(), self.exact(*f))));
        out
    }

    /// Sets the field from text (empty text clears it). Times are WHEN values read as of
    /// `now`, durations DUR values of at most a month. A field the event's kind does not have
    /// is an error.
    ///
    /// A bare `HH:MM` belongs to the event's day (a window's end to the day its start is on,
    /// when it has one), and a due given as a bare date means the end of that day.
    pub fn set(&mut self, field: Field, value: &str, now: DateTime<Utc>) -> Result<(), FieldError> {
        if !self.kind.has(field) {
            return Err(self.not_for_kind(field));
        }
        let value = clean_line(value);
        let on_day = WhenContext::at(now).on_day_of(match field {
            Field::WindowEnd => self.window_start.unwrap_or(self.at),
            _ => self.at,
        });
        let cx = if field == Field::Due {
            on_day.date_means_end()
        } else {
            on_day
        };
        let bad_time = |e| FieldError::new(field, Problem::Time(e));
        let bad_word = |e| FieldError::new(field, Problem::Word(e));
        let time = |v: &str| -> Result<Option<DateTime<Utc>>, FieldError> {
            Ok(if v.is_empty() {
                None
            } else {
                Some(parse_when_in(v, cx).map_err(bad_time)?)
            })
        };
        let dur = |v: &str| -> Result<Option<u64>, FieldError> {
            Ok(if v.is_empty() {
                None
            } else {
                Some(parse_length(v).map_err(bad_time)?)
            })
        };
        match field {
            Field::Number => self.number = value,
            Field::Department => self.department = value,
            Field::Agent => self.agent = value,
            Field::Direction => self.direction = word(&value).map_err(bad_word)?,
            Field::Hold => self.hold_seconds = dur(&value)?,
            Field::Talk => self.talk_seconds = dur(&value)?,
            Field::Outcome => {
                let outcome = word(&value).map_err(bad_word)?;
                let before = std::mem::replace(&mut self.outcome, outcome);
                if let Err(e) = self.check_outcome() {
                    // An outcome that does not fit is refused, not kept.
                    self.outcome = before;
                    return Err(e);
                }
            }
            Field::From => self.from = value,
            Field::To => self.to = value,
            Field::Due => self.due = time(&value)?,
            Field::State => self.state = word(&value).map_err(bad_word)?,
            Field::Channel => self.channel = word(&value).map_err(bad_word)?,
            Field::Ref => self.r#ref = value,
            Field::Who => self.who = value,
            Field::Subject => self.subject = value,
            Field::WindowStart => self.window_start = time(&value)?,
            Field::WindowEnd => self.window_end = time(&value)?,
        }
        Ok(())
    }

    /// Whether the field holds a value.
    pub fn is_set(&self, field: Field) -> bool {
        match field {
            Field::Direction => self.direction.is_some(),
            Field::Hold => self.hold_seconds.is_some(),
            Field::Talk => self.talk_seconds.is_some(),
            Field::Outcome => self.outcome.is_some(),
            Field::Due => self.due.is_some(),
            Field::State => self.state.is_some(),
            Field::Channel => self.channel.is_some(),
            Field::WindowStart => self.window_start.is_some(),
            Field::WindowEnd => self.window_end.is_some(),
            _ => !self.get(field).is_empty(),
        }
    }

    /// Checks that only the kind's fields are set and the outcome fits the kind.
    pub fn validate(&self) -> Result<(), FieldError> {
        if let Some(field) = Field::ALL
            .iter()
            .find(|f| self.is_set(**f) && !self.kind.has(**f))
        {
            return Err(self.not_for_kind(*field));
        }
        self.check_outcome()
    }

    /// Checks what only makes sense of the fields together: a window does not end before it
    /// starts. (Called where people type events, not on files, which keep what they hold.)
    pub fn check_window(&self) -> Result<(), FieldError> {
        match (self.window_start, self.window_end) {
            (Some(start), Some(end)) if end < start => Err(FieldError::new(
                Field::WindowEnd,
                Problem::EndsBeforeStart { start, end },
            )),
            _ => Ok(()),
        }
    }

    /// Clears the fields the event's kind does not have (after the kind changed in a form).
    pub fn drop_foreign_fields(&mut self, now: DateTime<Utc>) {
        let kind = self.kind;
        let mut blank = Event::new(kind, self.at, std::mem::take(&mut self.summary));
        blank.detail = std::mem::take(&mut self.detail);
        blank.amendments = std::mem::take(&mut self.amendments);
        for field in kind.fields() {
            let value = self.get(*field);
            if blank.set(*field, &value, now).is_err() {
                // A value that no longer reads back (e.g. an outcome of the old kind) is dropped.
            }
        }
        // Copy exact values (text round trips lose seconds) where the kind keeps them.
        copy_exact(self, &mut blank);
        *self = blank;
    }

    fn check_outcome(&self) -> Result<(), FieldError> {
        match self.outcome {
            Some(outcome) if !outcome.fits(self.kind) => Err(FieldError::new(
                Field::Outcome,
                Problem::OutcomeForKind {
                    outcome,
                    kind: self.kind,
                },
            )),
            _ => Ok(()),
        }
    }

    fn not_for_kind(&self, field: Field) -> FieldError {
        FieldError::new(field, Problem::NotForKind(self.kind))
    }
}

/// A word of an enum, or none for empty text.
fn word<T: std::str::FromStr<Err = UnknownWord>>(v: &str) -> Result<Option<T>, UnknownWord> {
    if v.is_empty() {
        Ok(None)
    } else {
        v.parse().map(Some)
    }
}

fn copy_exact(old: &Event, new: &mut Event) {
    let kind = new.kind;
    if kind.has(Field::Hold) {
        new.hold_seconds = old.hold_seconds;
    }
    if kind.has(Field::Talk) {
        new.talk_seconds = old.talk_seconds;
    }
    if kind.has(Field::Due) {
        new.due = old.due;
    }
    if kind.has(Field::WindowStart) {
        new.window_start = old.window_start;
    }
    if kind.has(Field::WindowEnd) {
        new.window_end = old.window_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap()
    }

    #[test]
    fn every_field_belongs_to_some_kind() {
        for field in Field::ALL {
            assert!(
                Kind::ALL.iter().any(|k| k.has(*field)),
                "{field:?} is on no kind"
            );
        }
    }

    #[test]
    fn set_reads_text_and_refuses_foreign_fields() {
        let mut call = Event::new(Kind::Call, now(), "0800-0403");
        call.set(Field::Hold, "20m", now()).unwrap();
        call.set(Field::Outcome, "transferred", now()).unwrap();
        assert_eq!(call.hold_seconds, Some(1200));
        assert_eq!(call.get(Field::Hold), "20m");
        call.set(Field::Hold, "20m 5s", now()).unwrap();
        assert_eq!(call.get(Field::Hold), "20m 05s");
        let err = call.set(Field::Due, "2026-04-01", now()).unwrap_err();
        assert_eq!(
            err,
            FieldError::new(Field::Due, Problem::NotForKind(Kind::Call))
        );
        let err = call.set(Field::Outcome, "no-show", now()).unwrap_err();
        assert_eq!(
            err.problem,
            Problem::OutcomeForKind {
                outcome: Outcome::NoShow,
                kind: Kind::Call
            }
        );
        assert_eq!(
            call.outcome,
            Some(Outcome::Transferred),
            "a refused value is not kept"
        );
    }

    #[test]
    fn validate_catches_fields_from_files() {
        let mut note = Event::new(Kind::Note, now(), "x");
        note.hold_seconds = Some(5);
        assert!(note.validate().is_err());
        note.hold_seconds = None;
        assert!(note.validate().is_ok());
    }

    #[test]
    fn changing_kind_drops_an_outcome_the_new_kind_cannot_have() {
        let mut e = Event::new(Kind::Visit, now(), "s");
        e.outcome = Some(Outcome::NoShow);
        e.kind = Kind::Call;
        e.drop_foreign_fields(now());
        assert_eq!(e.outcome, None);
        assert!(e.validate().is_ok());
    }

    #[test]
    fn changing_kind_keeps_shared_fields_only() {
        let mut e = Event::new(Kind::Call, now(), "s");
        e.agent = "Sanne".into();
        e.hold_seconds = Some(61);
        e.kind = Kind::Promise;
        e.drop_foreign_fields(now());
        assert_eq!(e.agent, "Sanne");
        assert_eq!(e.hold_seconds, None);
        assert!(e.validate().is_ok());
    }
}
