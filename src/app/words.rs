//! The words of the TUI for the domain's facts: loop flags and field errors as the screen says
//! them. (The command line's are in `cli::words`; where the two say the same, this says so by
//! using them.)

use std::fmt;

use super::form::InputId;
use crate::domain::case::Case;
use crate::domain::change::ChangeError;
use crate::domain::field::{FieldError, Problem};

/// What a form's input is called on screen.
pub fn input_label(id: InputId) -> &'static str {
    match id {
        InputId::Kind => "kind",
        InputId::When => "when",
        InputId::Summary => "summary",
        InputId::Detail => "detail",
        InputId::Field(field) => field.label(),
        InputId::Title => "title",
        InputId::Organisation => "organisation",
        InputId::Opened => "opened",
        InputId::OutageSince => "outage since",
        InputId::Tags => "tags",
        InputId::Status => "status",
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
    match e.problem {
        Problem::EndsBeforeStart { .. } => e.to_string(),
        _ => format!("{}: {e}", e.field.label()),
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
