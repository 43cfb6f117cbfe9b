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
    /// In an event's form (its keys must not be characters typed into its inputs).
    Form,
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
    ExternalEdit,
    ChangeKind,
    Suspend,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
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
];

impl Action {
    /// The action a config file names `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTION_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(a, _)| *a)
    }

    /// The name a config file uses for this action.
    pub fn name(self) -> &'static str {
        ACTION_NAMES
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("?", |(_, n)| *n)
    }
}

/// A key as a config file writes it: `L`, `Tab`, `S-Tab`, `Enter`, `Up`, `PgDn`, `F2`,
/// `Space`, `C-x` (with Ctrl). Returns the key code and modifiers, or why not.
pub fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let (mods, rest) = match text
        .strip_prefix("C-")
        .or_else(|| text.strip_prefix("Ctrl-"))
    {
        Some(rest) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
        _ => match rest.to_ascii_lowercase().as_str() {
            "tab" => KeyCode::Tab,
            "s-tab" | "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                return Err(format!(
                    "{text:?} is not a key (a character, or Tab, S-Tab, Enter, Up, Down, Left, \
                     Right, PgUp, PgDn, Home, End, Space, Backspace, Delete, F1-F12, C-x)"
                ));
            }
        },
    };
    if code == KeyCode::Esc || (mods == KeyModifiers::CONTROL && code == KeyCode::Char('c')) {
        return Err(format!("{text:?} is reserved (Esc leaves, Ctrl-C quits)"));
    }
    Ok((code, mods))
}

/// Whether bindings in `a` and `b` can be asked for at the same moment (the pane scopes never
/// are: one pane has the focus).
fn overlap(a: Scope, b: Scope) -> bool {
    let pane = |s: Scope| matches!(s, S::Cases | S::Timeline | S::Notes);
    // A form's keys apply only while it is open, when no other key does.
    a == b || (a != S::Form && b != S::Form && !(pane(a) && pane(b)))
}

/// The keymap in force: the default table with the user's overrides applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// The default keymap with `action` bound to `keys` instead of its default keys, in the
    /// scopes it has by default. Fails when a key clashes with another action's.
    pub fn rebind(
        &mut self,
        action: Action,
        keys: &[(KeyCode, KeyModifiers)],
    ) -> Result<(), String> {
        let mut rebound = Vec::new();
        for b in self.bindings.iter().filter(|b| b.action == action) {
            if rebound.iter().any(|r: &Binding| r.scope == b.scope) {
                continue;
            }
            for (i, (code, mods)) in keys.iter().enumerate() {
                rebound.push(Binding {
                    code: *code,
                    mods: *mods,
                    // A key more than the default had keeps the row's words but no hint.
                    hint: if i == 0 { b.hint } else { None },
                    ..b.clone()
                });
            }
        }
        let rest: Vec<Binding> = self
            .bindings
            .iter()
            .filter(|b| b.action != action)
            .cloned()
            .collect();
        for new in &rebound {
            if new.scope == S::Form
                && matches!(new.code, KeyCode::Char(_))
                && !new.mods.contains(KeyModifiers::CONTROL)
            {
                return Err(format!(
                    "{} would be typed into the form's inputs: a form's key needs Ctrl \
                     (C-x) or is a function key (F1-F12)",
                    key_label(new.code, new.mods)
                ));
            }
            if let Some(old) = rest
                .iter()
                .find(|o| o.code == new.code && o.mods == new.mods && overlap(o.scope, new.scope))
            {
                return Err(format!(
                    "{} is already the key of {}",
                    key_label(new.code, new.mods),
                    old.action.name()
                ));
            }
        }
        let at = self
            .bindings
            .iter()
            .position(|b| b.action == action)
            .unwrap_or(self.bindings.len());
        let mut bindings = rest;
        let at = at.min(bindings.len());
        bindings.splice(at..at, rebound);
        self.bindings = bindings;
        Ok(())
    }

    /// The action `key` asks for in `scopes` (earlier scopes win).
    pub fn resolve(&self, key: KeyEvent, scopes: &[Scope]) -> Option<Action> {
        let mods = key.modifiers - KeyModifiers::SHIFT;
        scopes.iter().find_map(|scope| {
            self.bindings
                .iter()
                .find(|b| b.scope == *scope && b.code == key.code && b.mods == mods)
                .map(|b| b.action)
        })
    }

    /// The first key of `action`, as the screen writes it (for messages such as "l logs one").
    pub fn key_of(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .map_or_else(|| "?".to_string(), |b| key_label(b.code, b.mods))
    }

    /// The hint line's entries for `scopes`: `(key, word)`, one per action.
    pub fn hints(&self, scopes: &[Scope]) -> Vec<(String, &'static str)> {
        self.hints_for(scopes, |_| true)
    }

    /// [`Keymap::hints`] for the actions `useful` lets through (a hint for a key that can
    /// only say "no case selected" is noise).
    pub fn hints_for(
        &self,
        scopes: &[Scope],
        useful: impl Fn(Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for scope in scopes {
            for b in self.bindings.iter().filter(|b| b.scope == *scope) {
                if let Some(word) = b.hint
                    && !seen.contains(&b.action)
                    && useful(b.action)
                {
                    seen.push(b.action);
                    out.push((key_label(b.code, b.mods), word));
                }
            }
        }
        out
    }

    /// The help overlay's rows: `(keys, description)` per scope, keys of one action joined.
    pub fn help_rows(&self) -> Vec<(Scope, String, &'static str)> {
        let mut rows: Vec<(Scope, String, &'static str)> = Vec::new();
        for b in &self.bindings {
            if let Some(row) = rows
                .iter_mut()
                .find(|(s, _, h)| *s == b.scope && *h == b.help)
            {
                row.1.push_str(&format!("/{}", key_label(b.code, b.mods)));
            } else {
                rows.push((b.scope, key_label(b.code, b.mods), b.help));
            }
        }
        rows
    }
}

/// How a key with modifiers is written on screen.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{}", key_name(code))
    } else {
        key_name(code)
    }
}

/// How a key is written on screen.
pub fn key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
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
        A::ExternalEdit,
        A::ChangeKind,
        A::Suspend,
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
        let map = Keymap::default();
        let resolve = |key, scopes: &[Scope]| map.resolve(key, scopes);
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
        let map = Keymap::default();
        let hints = map.hints(&[Scope::Timeline, Scope::Global]);
        assert!(hints.contains(&("d".to_string(), "delete")));
        assert!(hints.contains(&("c".to_string(), "call")));
        assert!(
            map.help_rows()
                .iter()
                .any(|(_, keys, help)| keys == "j/↓" && *help == "down")
        );
    }

    #[test]
    fn every_action_has_a_config_name() {
        for action in EVERY_ACTION {
            assert_eq!(Action::from_name(action.name()), Some(*action));
        }
    }

    #[test]
    fn rebinding_moves_the_key_hint_and_help() {
        let mut map = Keymap::default();
        map.rebind(Action::LogEvent, &[parse_key("L").unwrap()])
            .unwrap();
        let l = KeyEvent::from(KeyCode::Char('l'));
        let big_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(map.resolve(l, &[Scope::Global]), None);
        assert_eq!(map.resolve(big_l, &[Scope::Global]), Some(Action::LogEvent));
        assert!(
            map.hints(&[Scope::Global])
                .contains(&("L".to_string(), "log"))
        );
        assert_eq!(map.key_of(Action::LogEvent), "L");
        assert!(
            map.help_rows()
                .iter()
                .any(|(_, k, h)| k == "L" && h.starts_with("log an event"))
        );
    }

    #[test]
    fn rebinding_onto_a_taken_key_names_the_other_action() {
        let mut map = Keymap::default();
        let err = map
            .rebind(Action::LogEvent, &[parse_key("n").unwrap()])
            .unwrap_err();
        assert!(err.contains("new_case"), "{err}");
        // A call key may not shadow a global one either: both apply during a call.
        let err = map
            .rebind(Action::Answered, &[parse_key("q").unwrap()])
            .unwrap_err();
        assert!(err.contains("quit"), "{err}");
        // Pane keys of different panes never meet.
        map.rebind(Action::Delete, &[parse_key("Enter").unwrap()])
            .unwrap_err();
        map.rebind(Action::EditNotes, &[parse_key("x").unwrap()])
            .unwrap();
    }

    #[test]
    fn a_forms_key_is_never_a_character_its_inputs_take() {
        let mut map = Keymap::default();
        let err = map
            .rebind(Action::ChangeKind, &[parse_key("x").unwrap()])
            .unwrap_err();
        assert!(err.contains("typed into the form"), "{err}");
        map.rebind(Action::ChangeKind, &[parse_key("F2").unwrap()])
            .unwrap();
        let f2 = KeyEvent::from(KeyCode::F(2));
        assert_eq!(map.resolve(f2, &[Scope::Form]), Some(Action::ChangeKind));
        // Form keys meet no other scope's: C-k stays free elsewhere, F2 may be bound there.
        assert_eq!(map.resolve(f2, &[Scope::Global]), None);
        assert!(
            map.help_rows()
                .iter()
                .any(|(s, k, _)| *s == Scope::Form && k == "F2")
        );
    }

    #[test]
    fn keys_parse_as_config_files_write_them() {
        assert_eq!(
            parse_key("L").unwrap(),
            (KeyCode::Char('L'), KeyModifiers::NONE)
        );
        assert_eq!(parse_key("PgDn").unwrap().0, KeyCode::PageDown);
        assert_eq!(parse_key("F5").unwrap().0, KeyCode::F(5));
        assert_eq!(
            parse_key("C-o").unwrap(),
            (KeyCode::Char('o'), KeyModifiers::CONTROL)
        );
        assert_eq!(parse_key("Space").unwrap().0, KeyCode::Char(' '));
        for bad in ["", "ab", "F13", "Esc", "C-c", "Hyper-x"] {
            assert!(parse_key(bad).is_err(), "{bad:?} parsed");
        }
    }
}
