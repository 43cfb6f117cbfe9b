//! The one keymap table: it resolves keys to actions and writes the hint line and the help
//! overlay, so what the keys do and what the screen says they do cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere no text field has the keyboard.
    Global,
    /// While a call is running in the selected case.
    Call,
    Cases,
    Timeline,
    Notes,
}

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Search,
    Filter,
    NewCase,
    LogEvent,
    StartCall,
    Answered,
    OnHold,
    Transferred,
    EndCall,
    Status,
    Delete,
    Undo,
    EditNotes,
}

/// One row of the table.
pub struct Binding {
    pub scope: Scope,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The short word on the hint line, when the binding is worth a hint there.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    code: KeyCode,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        code,
        mods: KeyModifiers::NONE,
        action,
        help,
        hint,
    }
}

const fn ch(c: char) -> KeyCode {
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
    bind(S::Global, ch('u'), A::Undo, "undo the last delete", None),
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
];

/// The action `key` asks for in `scopes` (earlier scopes win).
pub fn resolve(key: KeyEvent, scopes: &[Scope]) -> Option<Action> {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    scopes.iter().find_map(|scope| {
        KEYMAP
            .iter()
            .find(|b| b.scope == *scope && b.code == key.code && b.mods == mods)
            .map(|b| b.action)
    })
}

/// How a key is written on screen.
pub fn key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    }
}

/// The hint line's entries for `scopes`: `(key, word)`, one per action.
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for scope in scopes {
        for b in KEYMAP.iter().filter(|b| b.scope == *scope) {
            if let Some(word) = b.hint
                && !seen.contains(&b.action)
            {
                seen.push(b.action);
                out.push((key_name(b.code), word));
            }
        }
    }
    out
}

/// The help overlay's rows: `(keys, description)` per scope, keys of one action joined.
pub fn help_rows() -> Vec<(Scope, String, &'static str)> {
    let mut rows: Vec<(Scope, String, &'static str)> = Vec::new();
    for b in KEYMAP {
        if let Some(row) = rows
            .iter_mut()
            .find(|(s, _, h)| *s == b.scope && *h == b.help)
        {
            row.1.push_str(&format!("/{}", key_name(b.code)));
        } else {
            rows.push((b.scope, key_name(b.code), b.help));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY_ACTION: &[Action] = &[
        A::Quit,
        A::Help,
        A::NextPane,
        A::PrevPane,
        A::Up,
        A::Down,
        A::PageUp,
        A::PageDown,
        A::Top,
        A::Bottom,
        A::Open,
        A::Search,
        A::Filter,
        A::NewCase,
        A::LogEvent,
        A::StartCall,
        A::Answered,
        A::OnHold,
        A::Transferred,
        A::EndCall,
        A::Status,
        A::Delete,
        A::Undo,
        A::EditNotes,
    ];

    #[test]
    fn every_action_has_a_key_and_a_description() {
        for action in EVERY_ACTION {
            let b = KEYMAP.iter().find(|b| b.action == *action);
            assert!(
                b.is_some_and(|b| !b.help.is_empty()),
                "{action:?} has no key or no description"
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    !(a.scope == b.scope && a.code == b.code && a.mods == b.mods),
                    "{:?} twice in {:?}",
                    a.code,
                    a.scope
                );
            }
        }
    }

    #[test]
    fn call_keys_win_over_global_ones_only_during_a_call() {
        let key = KeyEvent::from(KeyCode::Char('e'));
        assert_eq!(
            resolve(key, &[Scope::Call, Scope::Global]),
            Some(Action::EndCall)
        );
        assert_eq!(resolve(key, &[Scope::Global]), None);
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(shift_g, &[Scope::Global]), Some(Action::Bottom));
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        let hints = hints(&[Scope::Timeline, Scope::Global]);
        assert!(hints.contains(&("d".to_string(), "delete")));
        assert!(hints.contains(&("c".to_string(), "call")));
        assert!(
            help_rows()
                .iter()
                .any(|(_, keys, help)| keys == "j/↓" && *help == "down")
        );
    }
}
