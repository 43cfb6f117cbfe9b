//! The one keymap table: it resolves keys to actions, in every scope (the panes, a call, the
//! notes editor, a search, a form, a question, the help), and writes the hint line, the help
//! overlay, the stopwatch's and the forms' key lines, so what the keys do and what the screen
//! says they do cannot drift apart.

mod keys;
mod table;
#[cfg(test)]
mod tests;

pub use keys::{key_label, key_name, parse_key, spoken_label};
pub use table::{ACTION_NAMES, KEYMAP};

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
    /// Whatever has the keyboard (Ctrl-C).
    Always,
    /// Typing in the notes editor (it takes every other key).
    Insert,
    /// Typing a search.
    Search,
    /// Moving between a form's inputs, saving and cancelling it.
    Fields,
    /// The questions before deleting an event and before quitting with notes unsaved.
    Confirm,
    /// The question before an edit changes an event's kind (Enter, which saved the form,
    /// does not answer it).
    ConfirmKind,
    /// While the help is shown: its movement keys scroll it, any other key closes it.
    Help,
}

impl Scope {
    /// Whether the scope has the keyboard alone while it applies (a form, the notes editor,
    /// a search, a question, the help): its keys meet no other scope's.
    fn alone(self) -> bool {
        matches!(
            self,
            Scope::Form
                | Scope::Insert
                | Scope::Search
                | Scope::Fields
                | Scope::Confirm
                | Scope::ConfirmKind
                | Scope::Help
        )
    }

    /// Whether the scope takes typed text, so that its keys must not be plain characters.
    fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Form | Scope::Fields | Scope::Insert | Scope::Search
        )
    }
}

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    /// The clocks and compensation estimates of the selected case.
    Clocks,
    /// The runaround map of the selected case.
    Map,
    /// The directory of the organisation's numbers.
    Numbers,
    /// The charts of the selected case: hold per call, time without service per day.
    Charts,
    /// The files attached to the selected case.
    Attachments,
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
    /// Edit the selected case's own fields and terms.
    EditCase,
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
    /// Write the complaint letter of the selected case to a file, then ask to log it as sent.
    Letter,
    ChangeKind,
    /// In a form's number input: take the first number the directory suggests.
    TakeNumber,
    Suspend,
    /// Ctrl-C: quit at once, typed notes saved first (reserved: not rebindable).
    Interrupt,
    /// Esc in the notes editor (reserved).
    LeaveNotes,
    SaveNotes,
    NotesUndo,
    NotesRedo,
    /// Enter in a search: keep it and go back to the list.
    KeepSearch,
    /// Esc in a search (reserved).
    CancelSearch,
    NextField,
    PrevField,
    Submit,
    /// Esc in a form (reserved).
    CancelForm,
    /// The answer yes to a question.
    Yes,
}

impl Action {
    /// Every action.
    pub const ALL: &[Action] = &[
        Action::Quit,
        Action::Help,
        Action::Clocks,
        Action::Map,
        Action::Numbers,
        Action::Charts,
        Action::Attachments,
        Action::NextPane,
        Action::PrevPane,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Search,
        Action::Filter,
        Action::NewCase,
        Action::EditCase,
        Action::LogEvent,
        Action::StartCall,
        Action::Answered,
        Action::OnHold,
        Action::Transferred,
        Action::EndCall,
        Action::Status,
        Action::Delete,
        Action::Undo,
        Action::EditNotes,
        Action::ExternalEdit,
        Action::Letter,
        Action::ChangeKind,
        Action::TakeNumber,
        Action::Suspend,
        Action::Interrupt,
        Action::LeaveNotes,
        Action::SaveNotes,
        Action::NotesUndo,
        Action::NotesRedo,
        Action::KeepSearch,
        Action::CancelSearch,
        Action::NextField,
        Action::PrevField,
        Action::Submit,
        Action::CancelForm,
        Action::Yes,
    ];

    /// Whether the action is on a reserved key (Esc leaves, Ctrl-C quits) that a config file
    /// cannot move.
    pub fn reserved(self) -> bool {
        matches!(
            self,
            Action::Interrupt | Action::LeaveNotes | Action::CancelSearch | Action::CancelForm
        )
    }
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    /// What the help overlay says.
    pub help: Said,
    /// The short word on the hint line, when the binding is worth a hint there.
    pub hint: Option<Said>,
}

/// Words of the keymap, said in the current language when asked for.
#[derive(Clone, Copy)]
pub struct Said(pub fn() -> &'static str);

impl Said {
    /// The words in the current language.
    pub fn get(self) -> &'static str {
        (self.0)()
    }
}

impl PartialEq for Said {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Said {}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}

pub(super) const fn bind(
    scope: Scope,
    code: KeyCode,
    action: Action,
    help: Said,
    hint: Option<Said>,
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

/// Whether bindings in `a` and `b` can be asked for at the same moment (the pane scopes never
/// are: one pane has the focus).
fn overlap(a: Scope, b: Scope) -> bool {
    let pane = |s: Scope| matches!(s, Scope::Cases | Scope::Timeline | Scope::Notes);
    // A form's (the editor's, a question's…) keys apply only while it is up, when no other
    // key does.
    a == b || !(a.alone() || b.alone() || (pane(a) && pane(b)))
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
        if action.reserved() {
            return Err(crate::t!("keymap-reserved", action = action.name()));
        }
        for new in &rebound {
            if new.scope.takes_text()
                && matches!(new.code, KeyCode::Char(_))
                && !new.mods.contains(KeyModifiers::CONTROL)
            {
                let into = match new.scope {
                    Scope::Insert => crate::t!("keymap-into-notes"),
                    Scope::Search => crate::t!("keymap-into-search"),
                    _ => crate::t!("keymap-into-form"),
                };
                return Err(crate::t!(
                    "keymap-typed-into",
                    key = key_label(new.code, new.mods),
                    into = into
                ));
            }
            if let Some(old) = rest
                .iter()
                .find(|o| o.code == new.code && o.mods == new.mods && overlap(o.scope, new.scope))
            {
                return Err(crate::t!(
                    "keymap-taken",
                    key = key_label(new.code, new.mods),
                    action = old.action.name()
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

    /// Every key of `action`, as the screen writes them.
    pub fn keys_of(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.action == action) {
            let key = key_label(b.code, b.mods);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// The line of `scope`'s hints as a sentence: `Esc done · Ctrl-Z undo`.
    pub fn spoken_hints(&self, scope: Scope) -> String {
        self.spoken(scope, |b| b.hint.map(Said::get))
    }

    /// The line of `scope`'s help words as a sentence: `Esc leaves · Ctrl-Z undo`.
    pub fn spoken_help(&self, scope: Scope) -> String {
        self.spoken(scope, |b| Some(b.help.get()))
    }

    fn spoken(&self, scope: Scope, word: impl Fn(&Binding) -> Option<&'static str>) -> String {
        let mut seen = Vec::new();
        let mut parts = Vec::new();
        for b in self.bindings.iter().filter(|b| b.scope == scope) {
            if let Some(word) = word(b)
                && !seen.contains(&b.action)
            {
                seen.push(b.action);
                parts.push(format!("{} {word}", spoken_label(b.code, b.mods)));
            }
        }
        parts.join(" · ")
    }

    /// The stopwatch's line of the call's keys: `a answered · h on hold · …`.
    pub fn stopwatch_hint(&self) -> String {
        table::STOPWATCH
            .iter()
            .map(|(action, word)| format!("{} {}", self.key_of(*action), word.get()))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// A form's line of keys: `Tab/↑↓ move · ←→ choose · Enter save · Esc cancel` (the
    /// arrows that choose are the inputs' own, as typing is).
    pub fn form_hint(&self) -> String {
        let next = self.keys_of(Action::NextField);
        let prev = self.keys_of(Action::PrevField);
        let arrow = |k: &String| k == "↑" || k == "↓";
        let mut moves: Vec<String> = next.iter().filter(|k| !arrow(k)).cloned().collect();
        let arrows: String = prev
            .iter()
            .chain(next.iter())
            .filter(|k| arrow(k))
            .cloned()
            .collect();
        if !arrows.is_empty() {
            moves.push(arrows);
        }
        crate::t!(
            "form-keys",
            moves = moves.join("/"),
            save = self.key_of(Action::Submit),
            cancel = self.key_of(Action::CancelForm)
        )
    }

    /// The hint line's entries for `scopes`: `(key, word)`, one per action.
    #[cfg(test)]
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
                    out.push((key_label(b.code, b.mods), word.get()));
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
                .find(|(s, _, h)| *s == b.scope && *h == b.help.get())
            {
                row.1.push_str(&format!("/{}", key_label(b.code, b.mods)));
            } else {
                rows.push((b.scope, key_label(b.code, b.mods), b.help.get()));
            }
        }
        rows
    }
}
