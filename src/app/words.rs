//! The words of the TUI for the domain's facts: loop flags and field errors as the screen says
//! them. (The command line's are in `cli::words`; where the two say the same, this says so by
//! using them.)

use std::fmt;

use super::form::{InputId, Purpose};
use crate::domain::Kind;
use crate::domain::case::Case;
use crate::domain::change::ChangeError;
use crate::domain::field::{Field, FieldError, Problem};

/// What a form's input is called on screen.
pub fn input_label(id: InputId) -> &'static str {
    match id {
        InputId::Kind => "kind",
        InputId::When => "when",
        InputId::Summary => "summary",
        InputId::Detail => "detail",
        InputId::Field(field) => crate::i18n::vocab::field(field),
        InputId::Title => "title",
        InputId::Organisation => "organisation",
        InputId::Opened => "opened",
        InputId::OutageSince => "outage since",
        InputId::Tags => "tags",
        InputId::Status => "status",
    }
}

/// A form's title.
pub fn form_title(purpose: &Purpose) -> &'static str {
    match purpose {
        Purpose::NewCase => "New case",
        Purpose::Event { editing: None } => "Log an event",
        Purpose::Event { editing: Some(_) } => "Edit event",
        Purpose::EndCall => "End the call",
        Purpose::Transfer => "Transferred: to where?",
        Purpose::CallNumber => "Calling… (the stopwatch runs; Enter to go on)",
        Purpose::Status => "Status (←/→ to choose)",
    }
}

/// What an empty input of a form for `purpose` shows, dimmed.
pub fn placeholder(purpose: &Purpose, id: InputId) -> &'static str {
    match (purpose, id) {
        (Purpose::Transfer, InputId::Field(Field::To)) => "number, department or place",
        (Purpose::CallNumber, InputId::Field(Field::Number)) => "number dialled",
        (Purpose::CallNumber, InputId::Field(Field::Department)) => "if you know",
        (Purpose::CallNumber, InputId::Field(Field::Agent)) => "name, once someone answers",
        (_, InputId::Field(Field::Hold | Field::Talk)) => "e.g. 20m, 1h 5m",
        (_, InputId::Field(f)) if f.is_time() => "e.g. 2026-03-30 17:00, 14:00, -2h",
        (_, InputId::When) => "now, 14:05, -10m, 2026-03-30 17:00",
        (_, InputId::Summary) => "what happened, in a line",
        (_, InputId::Detail) => "more, if needed",
        (_, InputId::Title) => "e.g. No internet after moving",
        (_, InputId::Organisation) => "who is giving you the runaround",
        (_, InputId::Opened) => "now, or when the service went out if earlier",
        (_, InputId::OutageSince) => "when the service went out, if it did",
        (_, InputId::Tags) => "comma-separated",
        (_, InputId::Field(_) | InputId::Kind | InputId::Status) => "",
    }
}

/// The question before an edit changes an event's kind and drops fields holding values:
/// "change visit to message? who, window from and outcome will be dropped (…)".
pub fn kind_change_question(old: Kind, new: Kind, dropped: &[Field]) -> String {
    let labels: Vec<&str> = dropped
        .iter()
        .map(|f| crate::i18n::vocab::field(*f))
        .collect();
    let list = match labels.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => labels.concat(),
    };
    format!("change {old} to {new}? {list} will be dropped (the event's history keeps them)")
}

/// What the status line says after an edit that changed nothing.
pub const NOTHING_CHANGED: &str = "nothing changed";

/// What an edit says once made, with the key that undoes it.
pub fn event_changed(undo_key: &str) -> String {
    format!("event changed ({undo_key} undoes; its history keeps what it said)")
}

/// For each event of the case, its loop flag on the timeline (`back to 1200, 2nd time`), if
/// it closes a loop: said as the command line says it.
pub fn loop_flags(case: &Case) -> Vec<Option<String>> {
    crate::cli::words::loop_flags(case)
}

/// A field error in a form: the field's label first (`on hold: '5x' is not a duration …`),
/// except for a window that ends before it starts, which names both ends itself.
pub fn field_error(e: &FieldError) -> String {
    match e.problem {
        Problem::EndsBeforeStart { .. } => e.to_string(),
        _ => format!("{}: {e}", crate::i18n::vocab::field(e.field)),
    }
}

/// Why a change could not be made, as the status line says it.
impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeError::EventGone => "the event was changed or deleted elsewhere",
            ChangeError::DeletedEventGone => "the deleted event was restored or changed elsewhere",
            ChangeError::CallRunning => "a call is already running in this case",
            ChangeError::NoCall => "no call is running",
        })
    }
}
