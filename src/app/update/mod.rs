//! The one entry into the app: [`update`] takes a [`Msg`] and returns the [`Effect`]s it
//! calls for. Keys go, in order, to Ctrl-C, the overlay, the notes editor or the search being
//! typed, then through the keymap to the actions; storage's answers go to [`storage`].

mod actions;
mod letter;
mod overlay;
mod storage;

use crate::storage::CaseFile;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, App, Effect, Mode, Msg, Pane, Row, Scope, search};

/// Handles `msg` and returns what the runtime must do for it, in order. When the selected case
/// has not been read in full yet, the last effect asks for it.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let had_number = app.asks_number();
    let mut effects = match msg {
        Msg::Key(key) => app.key(key),
        Msg::Paste(text) => app.paste(&text),
        Msg::Mouse(event) => app.mouse(event),
        Msg::Tick(now) => app.tick(now),
        Msg::Action(action) => app.act(action),
        Msg::Listed(rows) => app.listed(rows),
        Msg::Partial { rows, filling } => app.partial(rows, filling),
        Msg::Told(text) => {
            app.say(text);
            Vec::new()
        }
        Msg::Filling(filling) => {
            app.filling_on(filling);
            Vec::new()
        }
        Msg::Opened { case, access } => app.read(case, access),
        Msg::Unreadable { id, problem } => app.lost(&id, Some(problem)),
        Msg::Gone(id) => app.lost(&id, None),
        Msg::Saved { case, merge } => app.saved(case, merge),
        Msg::Created(case) => app.created(case),
        Msg::Failed {
            target,
            error,
            kept,
        } => {
            app.failed(&target, &error, kept);
            Vec::new()
        }
        Msg::Found { query, ids } => app.found(query, ids),
        Msg::Quit => app.quit(),
        Msg::OpenedFile(result) => {
            app.opened_file(result);
            Vec::new()
        }
        Msg::Edited(edited) => {
            app.edited(edited);
            Vec::new()
        }
        Msg::Learned(directory) => app.learned(directory),
        Msg::LetterWritten { id, path } => app.letter_written(id, path),
    };
    // A number being typed is suggested the known ones: learned as its input is reached.
    if !had_number && app.asks_number() {
        effects.push(Effect::Learn(app.now));
    }
    if let Some(id) = app.wanted() {
        let open = Effect::Open(id.to_string());
        if !effects.contains(&open) {
            effects.push(open);
        }
    }
    effects
}

impl App {
    /// Re-sorts and re-filters the rows, keeping `keep` (or the current case) selected, and
    /// loads the selected case's notes into the editor when the selection changed. Returns the
    /// save of notes typed into a case that is no longer selected.
    #[must_use]
    pub(crate) fn refresh(&mut self, keep: Option<String>) -> Vec<Effect> {
        let keep = keep.or_else(|| self.selected_row().map(|r| r.id().to_string()));
        self.rows.sort_by_key(Row::sort_key);
        let query = search::query(&self.search);
        let found = self
            .found
            .as_ref()
            .filter(|(q, _)| *q == query)
            .map(|(_, ids)| ids);
        let open = self.open.as_ref();
        self.visible = (0..self.rows.len())
            .filter(|&i| match &self.rows[i] {
                CaseFile::Readable { body: summary, .. } => {
                    self.filter.admits(summary.status)
                        && (query.is_empty()
                            || search::summary_matches(summary, &query)
                            || found.is_some_and(|ids| ids.contains(&summary.id))
                            || open
                                .is_some_and(|c| c.id == summary.id && search::matches(c, &query)))
                }
                CaseFile::Unreadable { id, .. } => query.is_empty() || id.contains(&query),
            })
            .collect();
        let at = keep.and_then(|id| self.visible.iter().position(|&r| self.rows[r].id() == id));
        let at = at.or(if self.visible.is_empty() {
            None
        } else {
            Some(0)
        });
        self.case_index = at;
        self.sync_selection()
    }

    /// After the selected case changed (or its events did), clamp the timeline selection and
    /// load its notes unless they are being edited. Returns the save of notes typed into a
    /// case that is no longer selected.
    #[must_use]
    pub(crate) fn sync_selection(&mut self) -> Vec<Effect> {
        let (id, notes, events) = match self.selected() {
            Some(c) => (Some(c.id.clone()), c.notes.clone(), c.events.len()),
            None => (None, String::new(), 0),
        };
        // The case being typed into cannot be read just now (a sync or an editor is halfway
        // through writing it): the typing stays on screen, and its save is tried again until
        // the file reads, then merged with what the file holds.
        if id.is_none()
            && self.notes.dirty
            && self
                .selected_row()
                .is_some_and(|r| self.notes.case_id.as_deref() == Some(r.id()))
        {
            self.event_index = None;
            return Vec::new();
        }
        let mut effects = Vec::new();
        if self.notes.case_id == id {
            let sel = self.event_index.map(|i| i.min(events.saturating_sub(1)));
            self.event_index = if events == 0 {
                None
            } else {
                sel.or(Some(events - 1))
            };
            if !self.notes.dirty && self.notes.base != notes {
                self.notes.load(id, &notes);
            }
        } else {
            self.event_index = events.checked_sub(1);
            // The selection can move without a key (the case became unreadable or was deleted
            // elsewhere): what was typed into the old case's notes is saved all the same.
            effects = self.flush_notes();
            self.notes.load(id, &notes);
            if self.mode == Mode::Insert {
                self.mode = Mode::Normal;
            }
        }
        effects
    }

    /// Saves the notes if they were edited, as an effect.
    pub(crate) fn flush_notes(&mut self) -> Vec<Effect> {
        match self.notes.take_save(self.now) {
            Some((id, mutation)) => vec![Effect::Mutate { id, mutation }],
            None => Vec::new(),
        }
    }

    /// The search typed changed: the list shows what matches so far, and the files are
    /// searched unless they were for this search already.
    fn search_changed(&mut self) -> Vec<Effect> {
        let mut effects = self.refresh(None);
        effects.extend(self.wanted_search().map(Effect::Search));
        effects
    }

    /// After a search is kept: selects the event of the selected case that has the text, or
    /// scrolls its notes to the line that does, and says which. Waits for the case to be read.
    pub(super) fn point_at_search(&mut self) {
        if !self.point_search {
            return;
        }
        let query = search::query(&self.search);
        let Some(case) = self.selected() else {
            // Not read yet (or nothing found): pointed at when it is.
            if self.selected_row().is_none() {
                self.point_search = false;
            }
            return;
        };
        let hit = search::hit(case, &query);
        let what = match hit {
            Some(search::Hit::Event(i)) => case.events.get(i).map(|e| {
                format!(
                    "{} {}",
                    crate::i18n::fmt::date(&e.at.with_timezone(&chrono::Local), "%a %d %b %H:%M"),
                    crate::i18n::vocab::kind(e.kind)
                )
            }),
            _ => None,
        };
        self.point_search = false;
        match (hit, what) {
            (Some(search::Hit::Event(i)), Some(what)) => {
                self.event_index = Some(i);
                self.say(crate::t!("status-found-event", what = what));
            }
            (Some(search::Hit::Notes(line)), _) => {
                self.notes.show_line(line);
                self.say(crate::t!("status-found-notes", line = line + 1));
            }
            _ => {}
        }
    }

    /// Autosave: notes typed more than two seconds ago are saved.
    fn tick(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let back = self.now - now;
        if back >= chrono::Duration::seconds(2) {
            // Suspend, NTP or a hand-set clock: times shown are still right (they are counted
            // from saved UTC instants), but the user should know why a stopwatch jumped.
            self.complain(crate::t!(
                "status-clock-went-back",
                span = crate::i18n::fmt::span(back.num_seconds())
            ));
        }
        self.now = now;
        if self.notes.due(now) {
            self.flush_notes()
        } else {
            Vec::new()
        }
    }

    /// Text pasted into the terminal (bracketed paste).
    fn paste(&mut self, text: &str) -> Vec<Effect> {
        if let Some(super::Overlay::Form(form)) = &mut self.overlay {
            form.paste(text);
        } else if self.mode == Mode::Search {
            self.search.push_str(&crate::domain::text::clean_line(text));
            return self.search_changed();
        } else if self.mode == Mode::Insert {
            self.notes.paste(text, self.now);
        } else if self.focus == Pane::Notes && self.writable().is_ok() {
            self.mode = Mode::Insert;
            self.notes.set_editing(true);
            self.notes.paste(text, self.now);
        }
        Vec::new()
    }

    /// Handles one key press.
    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.keymap.resolve(key, &[Scope::Always]) == Some(Action::Interrupt) {
            // Ctrl-C at the question whether to quit without the notes saved is a yes.
            self.quit_anyway |= matches!(self.overlay, Some(super::Overlay::ConfirmQuit { .. }));
            return self.act(Action::Interrupt);
        }
        if let Some(overlay) = self.overlay.take() {
            return self.overlay_key(overlay, key);
        }
        match self.mode {
            Mode::Insert => return self.insert_key(key),
            Mode::Search => return self.search_key(key),
            Mode::Normal => {}
        }
        match self.keymap.resolve(key, &self.scopes()) {
            Some(action) => {
                self.message = None;
                self.act(action)
            }
            None => Vec::new(),
        }
    }

    /// The notes editor takes every key but its own (Esc leaves, Ctrl-S saves…).
    fn insert_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match self.keymap.resolve(key, &[Scope::Insert]) {
            Some(Action::LeaveNotes) => {
                self.mode = Mode::Normal;
                self.notes.set_editing(false);
                return self.flush_notes();
            }
            Some(Action::SaveNotes) => return self.flush_notes(),
            Some(Action::NotesUndo) => self.notes.undo(self.now),
            Some(Action::NotesRedo) => self.notes.redo(self.now),
            _ => self.notes.key(key, self.now),
        }
        Vec::new()
    }

    fn search_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match self.keymap.resolve(key, &[Scope::Search]) {
            Some(Action::CancelSearch) => {
                self.search.clear();
                self.mode = Mode::Normal;
                return self.search_changed();
            }
            Some(Action::KeepSearch) => {
                self.mode = Mode::Normal;
                self.point_search = true;
                let effects = self.search_changed();
                self.point_at_search();
                return effects;
            }
            _ => {}
        }
        match key.code {
            KeyCode::Backspace => {
                self.search.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.search.push(c);
            }
            _ => return Vec::new(),
        }
        self.search_changed()
    }
}
