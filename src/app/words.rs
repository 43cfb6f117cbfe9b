//! The words of the TUI for the domain's facts: loop flags and field errors as the screen says
//! them. (The command line's are in `cli::words`; where the two say the same, this says so by
//! using them.)

use std::fmt;

use super::form::{InputId, Purpose};
use crate::domain::Kind;
use crate::domain::case::Case;
use crate::domain::change::ChangeError;
use crate::domain::field::{Field, FieldError, Problem};
use crate::t;

/// What a form's input is called on screen.
pub fn input_label(id: InputId) -> &'static str {
    match id {
        InputId::Kind => t!("input-kind"),
        InputId::When => t!("input-when"),
        InputId::Summary => t!("input-summary"),
        InputId::Detail => t!("input-detail"),
        InputId::Field(field) => crate::i18n::vocab::field(field),
        InputId::Title => t!("input-title"),
        InputId::Organisation => t!("input-organisation"),
        InputId::Opened => t!("input-opened"),
        InputId::OutageSince => t!("input-outage-since"),
        InputId::Tags => t!("input-tags"),
        InputId::Status => t!("input-status"),
    }
}

/// A form's title.
pub fn form_title(purpose: &Purpose) -> &'static str {
    match purpose {
        Purpose::NewCase => t!("form-new-case"),
        Purpose::Event { editing: None } => t!("form-log-event"),
        Purpose::Event { editing: Some(_) } => t!("form-edit-event"),
        Purpose::EndCall => t!("form-end-call"),
        Purpose::Transfer => t!("form-transfer"),
        Purpose::CallNumber => t!("form-call-number"),
        Purpose::Status => t!("form-status"),
    }
}

/// What an empty input of a form for `purpose` shows, dimmed.
pub fn placeholder(purpose: &Purpose, id: InputId) -> &'static str {
    match (purpose, id) {
        (Purpose::Transfer, InputId::Field(Field::To)) => t!("placeholder-transfer-to"),
        (Purpose::CallNumber, InputId::Field(Field::Number)) => t!("placeholder-number-dialled"),
        (Purpose::CallNumber, InputId::Field(Field::Department)) => t!("placeholder-if-you-know"),
        (Purpose::CallNumber, InputId::Field(Field::Agent)) => t!("placeholder-agent"),
        (_, InputId::Field(Field::Hold | Field::Talk)) => t!("placeholder-duration"),
        (_, InputId::Field(f)) if f.is_time() => t!("placeholder-time"),
        (_, InputId::When) => t!("placeholder-when"),
        (_, InputId::Summary) => t!("placeholder-summary"),
        (_, InputId::Detail) => t!("placeholder-detail"),
        (_, InputId::Title) => t!("placeholder-title"),
        (_, InputId::Organisation) => t!("placeholder-organisation"),
        (_, InputId::Opened) => t!("placeholder-opened"),
        (_, InputId::OutageSince) => t!("placeholder-outage-since"),
        (_, InputId::Tags) => t!("placeholder-tags"),
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
        [rest @ .., last] if !rest.is_empty() => {
            t!("list-and", rest = rest.join(", "), last = *last)
        }
        _ => labels.concat(),
    };
    t!(
        "question-change-kind",
        old = crate::i18n::vocab::kind(old),
        new = crate::i18n::vocab::kind(new),
        fields = list
    )
}

/// What the status line says after an edit that changed nothing.
pub fn nothing_changed() -> &'static str {
    t!("status-nothing-changed")
}

/// What an edit says once made, with the key that undoes it.
pub fn event_changed(undo_key: &str) -> String {
    t!("status-event-changed", key = undo_key)
}

/// A choice input's stored word as the form shows it: `no-answer` is `geen gehoor` in Dutch.
pub fn choice_word(id: InputId, stored: &str) -> String {
    use crate::i18n::vocab;
    match id {
        InputId::Kind => stored
            .parse::<Kind>()
            .map_or_else(|_| stored.to_string(), |k| vocab::kind(k).to_string()),
        InputId::Status => stored
            .parse::<crate::domain::Status>()
            .map_or_else(|_| stored.to_string(), |s| vocab::status(s).to_string()),
        InputId::Field(f) => vocab::choice(f, stored),
        _ => stored.to_string(),
    }
}

/// For each event of the case, its loop flag on the timeline (`back to 1200, 2nd time`), if
/// it closes a loop: said as the command line says it.
pub fn loop_flags(case: &Case) -> Vec<Option<String>> {
    crate::cli::words::loop_flags(case)
}

/// A field error in a form: the field's label first (`on hold: '5x' is not a duration …`),
/// except for a window that ends before it starts, which names both ends itself.
pub fn field_error(e: &FieldError) -> String {
    if let Problem::EndsBeforeStart { .. } = e.problem {
        e.to_string()
    } else {
        t!(
            "error-field",
            field = crate::i18n::vocab::field(e.field),
            error = e.to_string()
        )
    }
}

/// Why a change could not be made, as the status line says it.
impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeError::EventGone => t!("error-event-gone"),
            ChangeError::DeletedEventGone => t!("error-deleted-event-gone"),
            ChangeError::CallRunning => t!("error-call-running"),
            ChangeError::NoCall => t!("error-no-call"),
        })
    }
}
