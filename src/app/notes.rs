//! The notes editor: a ratatui-textarea with word wrap, undo/redo and paste, plus what it
//! takes to save it safely (the text it was loaded from, whether it changed, when).

use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::Action;
use super::mutation::Mutation;
use crate::domain::text::clean;

/// Seconds after the last keystroke before notes are saved.
const AUTOSAVE_AFTER: i64 = 2;

/// The notes of the selected case, as being edited.
pub struct Notes {
    /// The case whose notes these are.
    pub case_id: Option<String>,
    pub editor: TextArea<'static>,
    /// The notes as this editor last saw them on disk and had merged: what the text was
    /// edited from. A version that arrives from disk while there is unsaved typing does not
    /// move it (the save merges that version in; the base moves once it has).
    pub base: String,
    /// Typed but not yet handed to storage.
    pub dirty: bool,
    pub last_edit: Option<DateTime<Utc>>,
    /// A save of these notes failed and none has succeeded since.
    pub failing: bool,
    /// Whether the editor has the keyboard (the cursor shows).
    editing: bool,
    /// The key that starts editing, as the empty editor's placeholder names it.
    edit_key: String,
}

impl Default for Notes {
    fn default() -> Self {
        let mut notes = Notes {
            case_id: None,
            editor: TextArea::default(),
            base: String::new(),
            dirty: false,
            last_edit: None,
            failing: false,
            editing: false,
            edit_key: "i".into(),
        };
        notes.load(None, "");
        notes
    }
}

impl Notes {
    /// Shows `text` as the notes of case `id`, discarding the editor's history.
    pub fn load(&mut self, id: Option<String>, text: &str) {
        let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(Style::default());
        editor.set_placeholder_text(self.placeholder());
        editor.set_max_histories(200);
        self.editor = editor;
        self.set_editing(false);
        if self.case_id != id {
            self.failing = false;
        }
        self.case_id = id;
        self.base = text.to_string();
        self.dirty = false;
        self.last_edit = None;
    }

    fn placeholder(&self) -> String {
        crate::t!("notes-placeholder", key = self.edit_key.as_str())
    }

    /// The key that starts editing notes, for the empty editor's placeholder.
    pub fn set_edit_key(&mut self, key: String) {
        self.edit_key = key;
        self.editor.set_placeholder_text(self.placeholder());
    }

    /// Shows the cursor only while typing.
    pub fn set_editing(&mut self, editing: bool) {
        self.editing = editing;
        let style = if editing {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.editor.set_cursor_style(style);
    }

    /// The text in the editor.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// A key typed in insert mode.
    pub fn key(&mut self, key: KeyEvent, now: DateTime<Utc>) {
        // Plain keys say truly whether they changed the text. A command key (with Ctrl or
        // Alt) may change it and say it did not (the editor's own Ctrl-Y over a selection
        // does): for those alone the text is compared, so that no change goes unsaved and
        // typing and moving cost nothing more.
        let command = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !command {
            if self.editor.input(key) {
                self.touch(now);
            }
            return;
        }
        let before = self.editor.lines().to_vec();
        let said = self.editor.input(key);
        if said || self.editor.lines() != before.as_slice() {
            self.touch(now);
        }
    }

    /// Takes back the last change typed.
    pub fn undo(&mut self, now: DateTime<Utc>) {
        if self.editor.undo() {
            self.touch(now);
        }
    }

    /// Makes again the change last taken back.
    pub fn redo(&mut self, now: DateTime<Utc>) {
        if self.editor.redo() {
            self.touch(now);
        }
    }

    /// Pasted text, cleaned of control characters, inserted at the cursor. A paste that is
    /// empty once cleaned changes nothing (inserting it would delete the selection without
    /// telling, and the deletion would never be saved).
    pub fn paste(&mut self, text: &str, now: DateTime<Utc>) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        if self.editor.insert_str(text) {
            self.touch(now);
        }
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.dirty = true;
        self.last_edit = Some(now);
    }

    /// Whether the notes should be autosaved at `now`.
    pub fn due(&self, now: DateTime<Utc>) -> bool {
        self.dirty
            && self
                .last_edit
                .is_none_or(|t| now - t >= Duration::seconds(AUTOSAVE_AFTER))
    }

    /// The save to make, if anything was typed; the notes count as clean from here on.
    pub fn take_save(&mut self, now: DateTime<Utc>) -> Option<(String, Mutation)> {
        if !self.dirty {
            return None;
        }
        let id = self.case_id.clone()?;
        self.dirty = false;
        Some((
            id,
            Mutation::SetNotes {
                base: self.base.clone(),
                text: self.text(),
                now,
            },
        ))
    }

    /// The save that would keep what was typed since the last save (for an emergency save
    /// from another thread; the notes stay dirty).
    pub fn unsaved(&self, now: DateTime<Utc>) -> Option<(String, Mutation)> {
        if !self.dirty {
            return None;
        }
        let id = self.case_id.clone()?;
        Some((
            id,
            Mutation::SetNotes {
                base: self.base.clone(),
                text: self.text(),
                now,
            },
        ))
    }

    /// Storage read or saved the case; `on_disk` is what its notes are now. With nothing
    /// typed since the last save, the editor shows them and they become the base. With
    /// unsaved typing, neither changes: the next save merges `on_disk` in (three-way, from the
    /// base), so the typing and the other version both survive. Returns whether this ends a
    /// run of failed saves (the notes were saved after all).
    pub fn saved(&mut self, on_disk: &str) -> bool {
        if self.dirty {
            return false;
        }
        self.base = on_disk.to_string();
        if self.text() != on_disk {
            // Another version was merged in: show the merged text where the cursor was.
            let cursor = self.editor.cursor();
            let (id, editing) = (self.case_id.clone(), self.editing);
            self.load(id, on_disk);
            self.set_editing(editing);
            self.editor
                .move_cursor(CursorMove::Jump(cursor.0 as u16, cursor.1 as u16));
        }
        std::mem::take(&mut self.failing)
    }

    /// Storage could not save: keep the text dirty so the next tick retries.
    pub fn save_failed(&mut self) {
        if self.case_id.is_some() && self.text() != self.base {
            self.dirty = true;
            self.failing = true;
        }
    }

    /// Moves the cursor for navigation keys while not typing.
    pub fn scroll(&mut self, action: Action) {
        let m = match action {
            Action::Up => CursorMove::Up,
            Action::Down => CursorMove::Down,
            Action::Top => CursorMove::Top,
            Action::Bottom => CursorMove::Bottom,
            Action::PageUp => {
                (0..10).for_each(|_| self.editor.move_cursor(CursorMove::Up));
                return;
            }
            Action::PageDown => {
                (0..10).for_each(|_| self.editor.move_cursor(CursorMove::Down));
                return;
            }
            _ => return,
        };
        self.editor.move_cursor(m);
    }
}
