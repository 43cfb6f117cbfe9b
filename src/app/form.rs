//! Forms: a column of one-line inputs and choices, used to create cases, log and edit events,
//! end calls, name a transfer's destination and pick a status.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Field;
use crate::domain::text::clean_line;

/// What an input holds, whatever its label says: forms find their inputs by it, so the labels
/// are free to change (or be translated) without changing what is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputId {
    /// An event's kind.
    Kind,
    /// When an event happened.
    When,
    /// An event's one-line summary.
    Summary,
    /// An event's detail.
    Detail,
    /// One of an event's optional fields (also a running call's number, department and agent,
    /// and where a transfer sent you).
    Field(Field),
    /// A new case's title, organisation, opening, outage and tags.
    Title,
    Organisation,
    Opened,
    OutageSince,
    Tags,
    /// A case's status.
    Status,
}

/// What a form is for; decides what its values become when it is submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    NewCase,
    /// Log a new event, or replace `editing` with the edited one.
    Event {
        editing: Option<crate::domain::Event>,
    },
    /// End the running call: logs the call event.
    EndCall,
    /// Name where a transfer sent you.
    Transfer,
    /// Name the number being called.
    CallNumber,
    Status,
}

/// One input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub id: InputId,
    /// What the input is called on screen.
    pub label: &'static str,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// For a choice: the allowed values (Left/Right cycle them).
    pub choices: Vec<&'static str>,
    /// Shown dimmed when the value is empty.
    pub placeholder: &'static str,
}

impl Input {
    /// A free-text input.
    pub fn text(
        id: InputId,
        label: &'static str,
        value: impl Into<String>,
        placeholder: &'static str,
    ) -> Self {
        let value = value.into();
        Input {
            id,
            label,
            cursor: value.chars().count(),
            value,
            choices: Vec::new(),
            placeholder,
        }
    }

    /// A choice among `choices` (the empty string, when present, means "not set").
    pub fn choice(
        id: InputId,
        label: &'static str,
        value: &str,
        choices: Vec<&'static str>,
    ) -> Self {
        Input {
            id,
            label,
            value: value.to_string(),
            cursor: 0,
            choices,
            placeholder: "",
        }
    }

    fn cycle(&mut self, forward: bool) {
        if self.choices.is_empty() {
            return;
        }
        let n = self.choices.len();
        let at = self.choices.iter().position(|c| *c == self.value);
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => 0,
        };
        self.value = self.choices[next].to_string();
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn insert(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Edits the input with one key; returns whether the key was used.
    fn key(&mut self, key: KeyEvent) -> bool {
        if !self.choices.is_empty() {
            match key.code {
                KeyCode::Left => self.cycle(false),
                KeyCode::Right | KeyCode::Char(' ') => self.cycle(true),
                KeyCode::Char(c) => {
                    // Jump to the first choice whose word on screen starts with the typed
                    // letter, else whose stored word does.
                    let shown = |v: &&&str| {
                        crate::i18n::fold::fold(&super::words::choice_word(self.id, v))
                            .starts_with(&crate::i18n::fold::fold(&c.to_string()))
                    };
                    if let Some(choice) = self
                        .choices
                        .iter()
                        .find(shown)
                        .or_else(|| self.choices.iter().find(|v| v.starts_with(c)))
                    {
                        self.value = (*choice).to_string();
                    }
                }
                _ => return false,
            }
            return true;
        }
        let len = self.value.chars().count();
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = self.byte_at(self.cursor);
                self.value.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.insert(&c.to_string());
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.value.replace_range(a..b, "");
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let (a, b) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.value.replace_range(a..b, "");
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => return false,
        }
        true
    }
}

/// A form on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub purpose: Purpose,
    pub inputs: Vec<Input>,
    pub focus: usize,
    /// The last validation error, shown under the inputs.
    pub error: Option<String>,
    /// Whether the first input (an edit form's kind) is out of reach of Tab and the arrows,
    /// so that no stray key changes it: only its own key unlocks it (see [`Form::unlock`]).
    pub locked_first: bool,
}

/// What a key did to a form.
#[derive(Debug, PartialEq, Eq)]
pub enum FormOutcome {
    Editing,
    Submit,
    Cancel,
}

impl Form {
    /// A form with `inputs`, focused on the first.
    pub fn new(title: impl Into<String>, purpose: Purpose, inputs: Vec<Input>) -> Self {
        Form {
            title: title.into(),
            purpose,
            inputs,
            focus: 0,
            error: None,
            locked_first: false,
        }
    }

    /// Makes the first input reachable and focuses it.
    pub fn unlock(&mut self) {
        self.locked_first = false;
        self.focus = 0;
    }

    /// The next input to focus from the focused one, forward or back, wrapping around but
    /// skipping a locked first input.
    fn step(&self, forward: bool) -> usize {
        let n = self.inputs.len().max(1);
        let mut at = self.focus;
        for _ in 0..n {
            at = if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            if !(self.locked_first && at == 0) {
                return at;
            }
        }
        self.focus
    }

    /// The value of input `id` ("" when the form has none).
    pub fn get(&self, id: InputId) -> &str {
        self.inputs
            .iter()
            .find(|i| i.id == id)
            .map_or("", |i| i.value.as_str())
    }

    /// Sets the value of input `id`, if the form has one.
    pub fn put(&mut self, id: InputId, value: &str) {
        if let Some(input) = self.inputs.iter_mut().find(|i| i.id == id) {
            input.value = value.to_string();
            input.cursor = value.chars().count();
        }
    }

    /// The value of the input labelled `label` on screen ("" when there is none), as a person
    /// reading the form finds it. (The forms themselves find inputs by [`InputId`].)
    pub fn value(&self, label: &str) -> &str {
        self.inputs
            .iter()
            .find(|i| i.label == label)
            .map_or("", |i| i.value.as_str())
    }

    /// Sets the value of the input labelled `label` on screen, if there is one, as a person
    /// typing into the form would.
    pub fn set(&mut self, label: &str, value: &str) {
        if let Some(input) = self.inputs.iter_mut().find(|i| i.label == label) {
            input.value = value.to_string();
            input.cursor = value.chars().count();
        }
    }

    /// Handles one key.
    pub fn key(&mut self, key: KeyEvent) -> FormOutcome {
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Enter => return FormOutcome::Submit,
            KeyCode::Tab | KeyCode::Down => self.focus = self.step(true),
            KeyCode::BackTab | KeyCode::Up => self.focus = self.step(false),
            _ if self.locked_first && self.focus == 0 => {}
            _ => {
                if let Some(input) = self.inputs.get_mut(self.focus) {
                    input.key(key);
                }
            }
        }
        FormOutcome::Editing
    }

    /// Pastes text into the focused input (as one line).
    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.inputs.get_mut(self.focus)
            && input.choices.is_empty()
        {
            input.insert(&clean_line(text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::from(code)
    }

    #[test]
    fn typing_editing_and_moving_between_inputs() {
        let mut form = Form::new(
            "t",
            Purpose::NewCase,
            vec![
                Input::text(InputId::Title, "title", "", ""),
                Input::choice(InputId::Kind, "kind", "call", vec!["call", "note"]),
            ],
        );
        for c in "Wifi ñ漢".chars() {
            form.key(key(KeyCode::Char(c)));
        }
        form.key(key(KeyCode::Left));
        form.key(key(KeyCode::Backspace));
        assert_eq!(form.value("title"), "Wifi 漢");
        form.key(key(KeyCode::Tab));
        form.key(key(KeyCode::Right));
        assert_eq!(form.value("kind"), "note");
        form.key(key(KeyCode::Char('c')));
        assert_eq!(form.value("kind"), "call");
        assert_eq!(form.key(key(KeyCode::Enter)), FormOutcome::Submit);
        assert_eq!(form.key(key(KeyCode::Esc)), FormOutcome::Cancel);
    }

    #[test]
    fn paste_goes_in_as_one_clean_line() {
        let to = InputId::Field(Field::To);
        let mut form = Form::new("t", Purpose::Transfer, vec![Input::text(to, "to", "", "")]);
        form.paste("088-\x1b[31m0402\n");
        assert_eq!(form.get(to), "088-0402");
    }
}
