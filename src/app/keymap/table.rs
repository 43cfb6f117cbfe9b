//! The default keymap and the names a config file uses for the actions.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Binding, Scope, bind};

pub(super) const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

use Action as A;
use Scope as S;

/// The default keymap.
pub const KEYMAP: &[Binding] = &[
    bind(
        S::Call,
        ch('a'),
        A::Answered,
        "call: a person answered (talking)",
        Some("answered"),
    ),
    bind(
        S::Call,
        ch('h'),
        A::OnHold,
        "call: on hold again",
        Some("hold"),
    ),
    bind(
        S::Call,
        ch('t'),
        A::Transferred,
        "call: transferred (asks where to, logs a redirect)",
        Some("transfer"),
    ),
    bind(
        S::Call,
        ch('e'),
        A::EndCall,
        "call: end it (opens the call's form, times filled in)",
        Some("end"),
    ),
    bind(
        S::Global,
        ch('q'),
        A::Quit,
        "quit (notes are saved first)",
        Some("quit"),
    ),
    bind(S::Global, ch('?'), A::Help, "this help", Some("help")),
    bind(
        S::Global,
        KeyCode::Tab,
        A::NextPane,
        "next pane: Cases → Timeline → Notes",
        None,
    ),
    bind(
        S::Global,
        KeyCode::BackTab,
        A::PrevPane,
        "previous pane",
        None,
    ),
    bind(
        S::Global,
        ch('/'),
        A::Search,
        "search titles, organisations, references, notes and events",
        Some("search"),
    ),
    bind(
        S::Global,
        ch('f'),
        A::Filter,
        "filter cases: open → all → resolved → closed",
        None,
    ),
    bind(S::Global, ch('n'), A::NewCase, "new case", Some("new")),
    bind(
        S::Global,
        ch('l'),
        A::LogEvent,
        "log an event (kind picker; times can be back-dated)",
        Some("log"),
    ),
    bind(
        S::Global,
        ch('c'),
        A::StartCall,
        "start a call: the stopwatch runs on hold",
        Some("call"),
    ),
    bind(
        S::Global,
        ch('s'),
        A::Status,
        "change the case's status",
        None,
    ),
    bind(
        S::Global,
        ch('u'),
        A::Undo,
        "undo the last edit or delete of an event",
        None,
    ),
    bind(
        S::Global,
        ch('E'),
        A::ExternalEdit,
        "edit the case's notes in $VISUAL / $EDITOR",
        None,
    ),
    Binding {
        mods: KeyModifiers::CONTROL,
        ..bind(
            S::Global,
            ch('z'),
            A::Suspend,
            "suspend to the shell (notes are saved first; fg comes back)",
            None,
        )
    },
    bind(S::Global, ch('j'), A::Down, "down", None),
    bind(S::Global, KeyCode::Down, A::Down, "down", None),
    bind(S::Global, ch('k'), A::Up, "up", None),
    bind(S::Global, KeyCode::Up, A::Up, "up", None),
    bind(S::Global, KeyCode::PageDown, A::PageDown, "page down", None),
    bind(S::Global, KeyCode::PageUp, A::PageUp, "page up", None),
    bind(S::Global, ch('g'), A::Top, "first", None),
    bind(S::Global, KeyCode::Home, A::Top, "first", None),
    bind(S::Global, ch('G'), A::Bottom, "last", None),
    bind(S::Global, KeyCode::End, A::Bottom, "last", None),
    bind(
        S::Cases,
        KeyCode::Enter,
        A::Open,
        "open the case's timeline",
        None,
    ),
    bind(
        S::Timeline,
        KeyCode::Enter,
        A::Open,
        "edit the selected event",
        Some("edit"),
    ),
    bind(
        S::Timeline,
        ch('d'),
        A::Delete,
        "delete the selected event (asks first; u undoes)",
        Some("delete"),
    ),
    bind(
        S::Notes,
        ch('i'),
        A::EditNotes,
        "edit notes (Esc leaves; saved automatically)",
        Some("edit"),
    ),
    bind(S::Notes, KeyCode::Enter, A::EditNotes, "edit notes", None),
    Binding {
        scope: S::Form,
        code: ch('k'),
        mods: KeyModifiers::CONTROL,
        action: A::ChangeKind,
        help: "editing an event: change its kind (asks before dropping fields; u undoes)",
        hint: None,
    },
    ctrl(
        S::Always,
        'c',
        A::Interrupt,
        "quit at once (notes are saved first)",
        None,
    ),
    bind(
        S::Insert,
        KeyCode::Esc,
        A::LeaveNotes,
        "leaves",
        Some("done"),
    ),
    ctrl(S::Insert, 'z', A::NotesUndo, "undo", Some("undo")),
    ctrl(S::Insert, 'y', A::NotesRedo, "redo", Some("redo")),
    ctrl(S::Insert, 's', A::SaveNotes, "save", None),
    bind(
        S::Search,
        KeyCode::Enter,
        A::KeepSearch,
        "keep",
        Some("keep"),
    ),
    bind(S::Search, KeyCode::Down, A::KeepSearch, "keep", None),
    bind(S::Search, KeyCode::Tab, A::KeepSearch, "keep", None),
    bind(
        S::Search,
        KeyCode::Esc,
        A::CancelSearch,
        "clear",
        Some("clear"),
    ),
    bind(
        S::Fields,
        KeyCode::Tab,
        A::NextField,
        "next input",
        Some("move"),
    ),
    bind(S::Fields, KeyCode::Down, A::NextField, "next input", None),
    bind(
        S::Fields,
        KeyCode::BackTab,
        A::PrevField,
        "previous input",
        None,
    ),
    bind(S::Fields, KeyCode::Up, A::PrevField, "previous input", None),
    bind(S::Fields, KeyCode::Enter, A::Submit, "save", Some("save")),
    bind(
        S::Fields,
        KeyCode::Esc,
        A::CancelForm,
        "cancel",
        Some("cancel"),
    ),
    bind(S::Confirm, ch('y'), A::Yes, "yes", None),
    bind(S::Confirm, ch('Y'), A::Yes, "yes", None),
    bind(S::Confirm, KeyCode::Enter, A::Yes, "yes", None),
    bind(S::ConfirmKind, ch('y'), A::Yes, "yes", None),
    bind(S::ConfirmKind, ch('Y'), A::Yes, "yes", None),
    bind(S::Help, ch('j'), A::Down, "scroll down", None),
    bind(S::Help, KeyCode::Down, A::Down, "scroll down", None),
    bind(S::Help, ch('k'), A::Up, "scroll up", None),
    bind(S::Help, KeyCode::Up, A::Up, "scroll up", None),
    bind(
        S::Help,
        KeyCode::PageDown,
        A::PageDown,
        "scroll a page down",
        None,
    ),
    bind(
        S::Help,
        KeyCode::PageUp,
        A::PageUp,
        "scroll a page up",
        None,
    ),
    bind(S::Help, ch('g'), A::Top, "to the top", None),
    bind(S::Help, KeyCode::Home, A::Top, "to the top", None),
    bind(S::Help, ch('G'), A::Bottom, "to the end", None),
    bind(S::Help, KeyCode::End, A::Bottom, "to the end", None),
];

/// A binding of Ctrl and character `c`.
const fn ctrl(
    scope: Scope,
    c: char,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        mods: KeyModifiers::CONTROL,
        ..bind(scope, KeyCode::Char(c), action, help, hint)
    }
}

/// The stopwatch's words for the call's keys, in the order it shows them.
pub const STOPWATCH: &[(Action, &str)] = &[
    (A::Answered, "answered"),
    (A::OnHold, "on hold"),
    (A::Transferred, "transferred"),
    (A::EndCall, "end"),
];

/// Every action with the name a config file uses for it.
pub const ACTION_NAMES: &[(Action, &str)] = &[
    (A::Quit, "quit"),
    (A::Help, "help"),
    (A::NextPane, "next_pane"),
    (A::PrevPane, "prev_pane"),
    (A::Up, "up"),
    (A::Down, "down"),
    (A::PageUp, "page_up"),
    (A::PageDown, "page_down"),
    (A::Top, "top"),
    (A::Bottom, "bottom"),
    (A::Open, "open"),
    (A::Search, "search"),
    (A::Filter, "filter"),
    (A::NewCase, "new_case"),
    (A::LogEvent, "log_event"),
    (A::StartCall, "start_call"),
    (A::Answered, "answered"),
    (A::OnHold, "on_hold"),
    (A::Transferred, "transferred"),
    (A::EndCall, "end_call"),
    (A::Status, "status"),
    (A::Delete, "delete"),
    (A::Undo, "undo"),
    (A::EditNotes, "edit_notes"),
    (A::ExternalEdit, "external_edit"),
    (A::ChangeKind, "change_kind"),
    (A::Suspend, "suspend"),
    (A::SaveNotes, "save_notes"),
    (A::NotesUndo, "notes_undo"),
    (A::NotesRedo, "notes_redo"),
    (A::KeepSearch, "keep_search"),
    (A::NextField, "next_field"),
    (A::PrevField, "prev_field"),
    (A::Submit, "submit"),
    (A::Yes, "yes"),
];
