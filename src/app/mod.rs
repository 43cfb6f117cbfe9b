//! The TUI's model and its update: one [`App`] state, keys resolved to [`Action`]s through the
//! keymap, and an update that does no I/O but returns [`Effect`]s for the runtime to carry out.

pub mod form;
pub mod forms;
pub mod keymap;
pub mod mouse;
pub mod mutation;
pub mod notes;
pub mod words;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::ListState;

use std::collections::HashSet;

use crate::domain::{Case, Counters, Event, Phase, Status, Summary};
pub use form::{Form, FormOutcome, Purpose};
pub use keymap::{Action, Scope};
pub use mutation::Mutation;
pub use notes::Notes;

/// The three panes, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Cases,
    Timeline,
    Notes,
}

/// Who has the keyboard besides the keymap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search.
    Search,
    /// Typing in the notes editor.
    Insert,
}

/// What is drawn over the panes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, scrolled down by `scroll` lines (for terminals too short to show them all).
    Help {
        scroll: u16,
    },
    Form(Form),
    /// Asks before deleting an event of a case.
    ConfirmDelete {
        id: String,
        event: Event,
    },
    /// Asks before an edit changes an event's kind and drops fields that hold values.
    ConfirmKind {
        form: Form,
        question: String,
    },
    /// Asks before quitting while typed notes could not be saved; `kept` says where they
    /// were rescued (or that they could not be).
    ConfirmQuit {
        kept: String,
    },
}

/// A change to an event that undo can take back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// Event `before` of case `id` was edited into `now`.
    Edit {
        id: String,
        now: Event,
        before: Event,
    },
    /// An event of case `id` was deleted; `kept` is how the deleted events keep it.
    Delete { id: String, kept: Event },
}

/// Which cases the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Open,
    All,
    Resolved,
    Closed,
}

impl Filter {
    fn next(self) -> Filter {
        match self {
            Filter::Open => Filter::All,
            Filter::All => Filter::Resolved,
            Filter::Resolved => Filter::Closed,
            Filter::Closed => Filter::Open,
        }
    }

    /// The word shown in the Cases pane's title.
    pub fn label(self) -> &'static str {
        match self {
            Filter::Open => "open",
            Filter::All => "all",
            Filter::Resolved => "resolved",
            Filter::Closed => "closed",
        }
    }

    fn admits(self, status: Status) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => status == Status::Open,
            Filter::Resolved => status == Status::Resolved,
            Filter::Closed => status == Status::Closed,
        }
    }
}

/// A case file as the list holds it: a summary (the whole case is read only when selected).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Case {
        summary: Summary,
        read_only: Option<String>,
    },
    Unreadable {
        id: String,
        reason: String,
    },
}

impl Row {
    /// The case id.
    pub fn id(&self) -> &str {
        match self {
            Row::Case { summary, .. } => &summary.id,
            Row::Unreadable { id, .. } => id,
        }
    }

    /// The case's summary, when it could be read.
    pub fn summary(&self) -> Option<&Summary> {
        match self {
            Row::Case { summary, .. } => Some(summary),
            Row::Unreadable { .. } => None,
        }
    }

    fn sort_key(&self) -> (bool, std::cmp::Reverse<DateTime<Utc>>) {
        match self {
            Row::Case { summary, .. } => (false, std::cmp::Reverse(summary.last_activity)),
            Row::Unreadable { .. } => (true, std::cmp::Reverse(DateTime::<Utc>::MIN_UTC)),
        }
    }
}

/// A line at the bottom: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Something for the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Change case `id` under its lock, then hand the saved case to [`App::saved`].
    Mutate { id: String, mutation: Mutation },
    /// Create a case, then hand it to [`App::created`].
    Create(Case),
    /// Let the user edit case `id`'s notes, which are `text`, in their own editor, then save
    /// what they wrote as [`Mutation::SetNotes`] based on `text` (so that changes made
    /// meanwhile elsewhere are merged) and hand the case to [`App::saved`].
    EditNotes { id: String, text: String },
    /// Hand the terminal back and stop the process (as Ctrl-Z does in a shell); on `fg`, take
    /// the terminal back and draw everything again.
    Suspend,
    /// Quit, unless typed notes could not be saved: then [`App::quitting`] asks first.
    Quit,
}

/// The whole state of the TUI.
pub struct App {
    /// Every case file, most recently active first.
    pub rows: Vec<Row>,
    /// The selected case in full (events and notes), once the runtime has read it (see
    /// [`App::wanted`]).
    pub open: Option<Case>,
    /// The ids of the cases whose text contains the search (lowercase), once the runtime has
    /// searched the files (see [`App::wanted_search`]).
    pub found: Option<(String, HashSet<String>)>,
    /// Indexes into `rows` of the cases the filter and search let through.
    pub visible: Vec<usize>,
    pub cases_state: ListState,
    pub timeline_state: ListState,
    pub focus: Pane,
    pub mode: Mode,
    pub overlay: Option<Overlay>,
    pub filter: Filter,
    pub search: String,
    pub notes: Notes,
    pub message: Option<Message>,
    /// Edits and deletes of events, most recent last, for undo.
    pub undo: Vec<Undo>,
    /// Effects that arose without a key (see [`App::take_queued`]).
    queued: Vec<Effect>,
    /// An event we just asked storage to add: selected once it is saved.
    pub added: Option<Event>,
    /// The moment this frame is about.
    pub now: DateTime<Utc>,
    /// Whether the current screen is a demo journal.
    pub demo: bool,
    /// The keys in force (the defaults with the config file's overrides).
    pub keymap: keymap::Keymap,
    /// What the config file says that views and forms use.
    pub prefs: Prefs,
    /// Where the last frame put the panes (set by the view).
    pub hits: Hits,
    /// Where notes that could not be saved were rescued, as the runtime last said.
    pub notes_kept: Option<String>,
    /// The user said to quit even though typed notes could not be saved.
    quit_anyway: bool,
}

/// Where the panes were drawn on the last frame, so that the mouse can find what it points at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    pub cases: Option<Rect>,
    pub timeline: Option<Rect>,
    pub notes: Option<Rect>,
    /// For each line inside the Cases pane's border, the index into `visible` shown there.
    pub case_lines: Vec<Option<usize>>,
    /// For each line inside the Timeline pane's border, the event shown there.
    pub event_lines: Vec<Option<usize>>,
    /// Where the pane tabs are, when only one pane shows.
    pub tabs: Vec<(Pane, Rect)>,
}

/// Preferences from the config file that the app and its views use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// The organisation a new case starts with.
    pub default_organisation: String,
    /// The chrono format of the timeline's date column (None: the built-in ones).
    pub date_format: Option<String>,
}

impl App {
    /// The app on `rows` at `now`, with the most recently active open case selected.
    pub fn new(rows: Vec<Row>, now: DateTime<Utc>) -> Self {
        let mut app = App {
            rows,
            open: None,
            found: None,
            visible: Vec::new(),
            cases_state: ListState::default(),
            timeline_state: ListState::default(),
            focus: Pane::Cases,
            mode: Mode::Normal,
            overlay: None,
            filter: Filter::Open,
            search: String::new(),
            notes: Notes::default(),
            message: None,
            undo: Vec::new(),
            queued: Vec::new(),
            added: None,
            now,
            demo: false,
            keymap: keymap::Keymap::default(),
            prefs: Prefs::default(),
            hits: Hits::default(),
            notes_kept: None,
            quit_anyway: false,
        };
        app.refresh(None);
        app
    }

    /// Applies the config file's keys and preferences.
    pub fn configure(&mut self, keymap: keymap::Keymap, prefs: Prefs) {
        self.notes.set_edit_key(keymap.key_of(Action::EditNotes));
        self.keymap = keymap;
        self.prefs = prefs;
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.cases_state
            .selected()
            .and_then(|i| self.visible.get(i))
            .and_then(|&r| self.rows.get(r))
    }

    /// Whether the notes editor belongs on screen: the selected case's notes, or what is
    /// being typed into it while its file cannot be read for a moment.
    pub fn shows_notes(&self) -> bool {
        self.selected().is_some()
            || (self.notes.dirty
                && self
                    .selected_row()
                    .is_some_and(|r| self.notes.case_id.as_deref() == Some(r.id())))
    }

    /// The selected case, when it could be read and has been.
    pub fn selected(&self) -> Option<&Case> {
        let id = self.selected_row().and_then(Row::summary)?.id.as_str();
        self.open.as_ref().filter(|c| c.id == id)
    }

    /// The id of the selected case when the runtime must read it in full and hand it to
    /// [`App::saved`] (or to [`App::lost`] when that fails).
    pub fn wanted(&self) -> Option<&str> {
        let summary = self.selected_row().and_then(Row::summary)?;
        let loaded = self.open.as_ref().is_some_and(|c| c.id == summary.id);
        (!loaded).then_some(summary.id.as_str())
    }

    /// The search (lowercase) when the runtime must look for it in the case files and hand
    /// the ids it finds to [`App::found`]. Until then the list shows the cases whose title,
    /// organisation, tags or references match.
    pub fn wanted_search(&self) -> Option<String> {
        let query = self.search.to_lowercase();
        let done = self.found.as_ref().is_some_and(|(q, _)| *q == query);
        (!query.is_empty() && !done).then_some(query)
    }

    /// The ids of the cases whose text contains `query`, found by searching the files.
    pub fn found(&mut self, query: String, ids: HashSet<String>) {
        let current = query == self.search.to_lowercase();
        self.found = Some((query, ids));
        if current {
            self.refresh(None);
        }
    }

    /// The selected event of the selected case.
    pub fn selected_event(&self) -> Option<&Event> {
        self.selected()
            .and_then(|c| self.timeline_state.selected().and_then(|i| c.events.get(i)))
    }

    /// The selected case's counters now.
    pub fn counters(&self) -> Option<Counters> {
        self.selected().map(|c| Counters::of(c, self.now))
    }

    /// Whether anything on screen changes by itself each second.
    pub fn ticking(&self) -> bool {
        self.selected()
            .is_some_and(|c| Counters::ticking(c, self.now))
    }

    /// The keymap scopes that apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut scopes = Vec::new();
        if self.selected().is_some_and(|c| c.active_call.is_some()) {
            scopes.push(Scope::Call);
        }
        scopes.push(Scope::Global);
        scopes.push(match self.focus {
            Pane::Cases => Scope::Cases,
            Pane::Timeline => Scope::Timeline,
            Pane::Notes => Scope::Notes,
        });
        scopes
    }

    /// Shows `text` on the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Shows `text` on the status line as an error.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Re-sorts and re-filters the rows, keeping `keep` (or the current case) selected, and
    /// loads the selected case's notes into the editor when the selection changed.
    pub fn refresh(&mut self, keep: Option<String>) {
        let keep = keep.or_else(|| self.selected_row().map(|r| r.id().to_string()));
        self.rows.sort_by_key(Row::sort_key);
        let query = self.search.to_lowercase();
        let found = self
            .found
            .as_ref()
            .filter(|(q, _)| *q == query)
            .map(|(_, ids)| ids);
        let open = self.open.as_ref();
        self.visible = (0..self.rows.len())
            .filter(|&i| match &self.rows[i] {
                Row::Case { summary, .. } => {
                    self.filter.admits(summary.status)
                        && (query.is_empty()
                            || summary.matches(&query)
                            || found.is_some_and(|ids| ids.contains(&summary.id))
                            || open
                                .is_some_and(|c| c.id == summary.id && search::matches(c, &query)))
                }
                Row::Unreadable { id, .. } => query.is_empty() || id.contains(&query),
            })
            .collect();
        let at = keep.and_then(|id| self.visible.iter().position(|&r| self.rows[r].id() == id));
        let at = at.or(if self.visible.is_empty() {
            None
        } else {
            Some(0)
        });
        self.cases_state.select(at);
        self.sync_selection();
    }

    /// After the selected case changed (or its events did), clamp the timeline selection and
    /// load its notes unless they are being edited.
    fn sync_selection(&mut self) {
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
            self.timeline_state.select(None);
            return;
        }
        if self.notes.case_id == id {
            let sel = self
                .timeline_state
                .selected()
                .map(|i| i.min(events.saturating_sub(1)));
            self.timeline_state.select(if events == 0 {
                None
            } else {
                sel.or(Some(events - 1))
            });
            if !self.notes.dirty && self.notes.base != notes {
                self.notes.load(id, &notes);
            }
        } else {
            self.timeline_state.select(events.checked_sub(1));
            // The selection can move without a key (the case became unreadable or was deleted
            // elsewhere): what was typed into the old case's notes is saved all the same.
            if let Some((id, mutation)) = self.notes.take_save(self.now) {
                self.queued.push(Effect::Mutate { id, mutation });
            }
            self.notes.load(id, &notes);
            if self.mode == Mode::Insert {
                self.mode = Mode::Normal;
            }
        }
    }

    /// Saves the notes if they were edited, as an effect.
    pub fn flush_notes(&mut self) -> Vec<Effect> {
        match self.notes.take_save(self.now) {
            Some((id, mutation)) => vec![Effect::Mutate { id, mutation }],
            None => Vec::new(),
        }
    }

    /// A case as read or saved by storage (after one of our effects, a change on disk, or
    /// because it was [`App::wanted`]).
    pub fn saved(&mut self, case: Case, read_only: Option<String>) {
        let id = case.id.clone();
        let selected = self.selected_row().is_some_and(|r| r.id() == id);
        let added = self.added.take().and_then(|e| case.find_event(&e));
        if self.notes.case_id.as_deref() == Some(id.as_str()) && self.notes.saved(&case.notes) {
            // The failure the status line reported is over.
            self.notes_kept = None;
            if matches!(self.overlay, Some(Overlay::ConfirmQuit { .. })) {
                // Its question is answered: nothing typed is at risk any more.
                self.overlay = None;
                self.say(format!(
                    "notes saved now (an earlier save had failed); {} quits",
                    self.keymap.key_of(Action::Quit)
                ));
            } else {
                self.say("notes saved (an earlier save had failed)");
            }
        }
        if let Some((query, ids)) = &mut self.found {
            if search::matches(&case, query) {
                ids.insert(id.clone());
            } else {
                ids.remove(&id);
            }
        }
        let summary = Summary::of(&case, self.now);
        match self.rows.iter_mut().find(|r| r.id() == id) {
            Some(row) => *row = Row::Case { summary, read_only },
            None => self.rows.push(Row::Case { summary, read_only }),
        }
        if selected || self.open.as_ref().is_some_and(|c| c.id == id) {
            self.open = Some(case);
        }
        self.refresh(None);
        if selected && added.is_some() {
            self.timeline_state.select(added);
        }
    }

    /// A case file that can no longer be read, or is gone (`reason` None).
    pub fn lost(&mut self, id: &str, reason: Option<String>) {
        match reason {
            Some(reason) => match self.rows.iter_mut().find(|r| r.id() == id) {
                Some(row) => {
                    *row = Row::Unreadable {
                        id: id.to_string(),
                        reason,
                    }
                }
                None => self.rows.push(Row::Unreadable {
                    id: id.to_string(),
                    reason,
                }),
            },
            None => self.rows.retain(|r| r.id() != id),
        }
        self.refresh(None);
    }

    /// A case we created: select it.
    pub fn created(&mut self, case: Case) {
        let id = case.id.clone();
        self.say(format!("created case {id}"));
        self.rows.push(Row::Case {
            summary: Summary::of(&case, self.now),
            read_only: None,
        });
        self.open = Some(case);
        if !self.filter.admits(Status::Open) {
            self.filter = Filter::Open;
        }
        self.search.clear();
        self.refresh(Some(id));
        self.focus = Pane::Timeline;
    }

    /// A change that storage could not make to case `what` (or to "new case"); `error` says
    /// why, naming the case or its file.
    pub fn failed(&mut self, what: &str, error: &str) {
        if self.notes.case_id.as_deref() == Some(what) {
            self.notes.save_failed();
        }
        self.complain(format!("not saved: {error}"));
    }

    /// Whether to quit now that [`Effect::Quit`] was asked for. Typed notes whose save just
    /// failed are not left behind without asking: the answer is no, and a confirmation that
    /// says where the notes were rescued is shown instead.
    pub fn quitting(&mut self) -> bool {
        if self.quit_anyway || !self.notes.dirty || self.notes.case_id.is_none() {
            return true;
        }
        let kept = self
            .notes_kept
            .clone()
            .unwrap_or_else(|| "they are in no file yet".to_string());
        self.overlay = Some(Overlay::ConfirmQuit { kept });
        false
    }

    /// Effects that arose from changes on disk rather than from a key, for the runtime to
    /// carry out.
    pub fn take_queued(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.queued)
    }

    /// Autosave: notes typed more than two seconds ago are saved.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let back = self.now - now;
        if back >= chrono::Duration::seconds(2) {
            // Suspend, NTP or a hand-set clock: times shown are still right (they are counted
            // from saved UTC instants), but the user should know why a stopwatch jumped.
            self.complain(format!(
                "the system clock went back {}; times count from the saved start, by the clock",
                crate::domain::time::span(back.num_seconds())
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
    pub fn paste(&mut self, text: &str) {
        if let Some(Overlay::Form(form)) = &mut self.overlay {
            form.paste(text);
        } else if self.mode == Mode::Search {
            self.search.push_str(&crate::domain::text::clean_line(text));
            self.refresh(None);
        } else if self.mode == Mode::Insert {
            self.notes.paste(text, self.now);
        } else if self.focus == Pane::Notes && self.writable().is_ok() {
            self.mode = Mode::Insert;
            self.notes.set_editing(true);
            self.notes.paste(text, self.now);
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            // Ctrl-C at the question whether to quit without the notes saved is a yes.
            self.quit_anyway |= matches!(self.overlay, Some(Overlay::ConfirmQuit { .. }));
            let mut effects = self.flush_notes();
            effects.push(Effect::Quit);
            return effects;
        }
        if let Some(overlay) = self.overlay.take() {
            let effects = self.overlay_key(overlay, key);
            self.remember_added(&effects);
            return effects;
        }
        match self.mode {
            Mode::Insert => return self.insert_key(key),
            Mode::Search => {
                self.search_key(key);
                return Vec::new();
            }
            Mode::Normal => {}
        }
        match self.keymap.resolve(key, &self.scopes()) {
            Some(action) => {
                self.message = None;
                let effects = self.update(action);
                self.remember_added(&effects);
                effects
            }
            None => Vec::new(),
        }
    }

    fn remember_added(&mut self, effects: &[Effect]) {
        for effect in effects {
            if let Effect::Mutate { mutation, .. } = effect {
                self.added = match mutation {
                    Mutation::AddEvent(e)
                    | Mutation::EndCall(e)
                    | Mutation::ReplaceEvent { new: e, .. } => Some(e.clone()),
                    Mutation::CallTransfer { redirect } => Some(redirect.clone()),
                    Mutation::RestoreEvent { event, at } => {
                        Some(event.amended(crate::domain::Change::Restored, *at))
                    }
                    _ => continue,
                };
            }
        }
    }

    fn insert_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            self.mode = Mode::Normal;
            self.notes.set_editing(false);
            return self.flush_notes();
        }
        if key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.flush_notes();
        }
        self.notes.key(key, self.now);
        Vec::new()
    }

    fn search_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => {
                self.search.clear();
                self.mode = Mode::Normal;
            }
            KeyCode::Enter | KeyCode::Down | KeyCode::Tab => self.mode = Mode::Normal,
            KeyCode::Backspace => {
                self.search.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.search.push(c);
            }
            _ => return,
        }
        self.refresh(None);
    }

    fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
        match overlay {
            Overlay::Help { scroll } => {
                // The movement keys scroll the help; any other key closes it.
                let scroll = match self.keymap.resolve(key, &[Scope::Global]) {
                    Some(Action::Down) => scroll.saturating_add(1),
                    Some(Action::Up) => scroll.saturating_sub(1),
                    Some(Action::PageDown) => scroll.saturating_add(10),
                    Some(Action::PageUp) => scroll.saturating_sub(10),
                    Some(Action::Top) => 0,
                    Some(Action::Bottom) => u16::MAX,
                    _ => return Vec::new(),
                };
                self.overlay = Some(Overlay::Help { scroll });
                Vec::new()
            }
            Overlay::ConfirmDelete { id, event } => {
                if matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter) {
                    self.undo.push(Undo::Delete {
                        id: id.clone(),
                        kept: event.amended(crate::domain::Change::Deleted, self.now),
                    });
                    self.say(format!(
                        "event deleted ({} undoes; the case keeps what it said)",
                        self.keymap.key_of(Action::Undo)
                    ));
                    vec![Effect::Mutate {
                        id,
                        mutation: Mutation::DeleteEvent {
                            event,
                            at: self.now,
                        },
                    }]
                } else {
                    Vec::new()
                }
            }
            Overlay::ConfirmQuit { kept } => {
                if matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter) {
                    self.quit_anyway = true;
                    vec![Effect::Quit]
                } else {
                    self.complain(format!("still here, notes not saved yet: {kept}"));
                    Vec::new()
                }
            }
            Overlay::ConfirmKind { form, .. } => {
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    self.submit_form(form)
                } else {
                    self.overlay = Some(Overlay::Form(form));
                    Vec::new()
                }
            }
            Overlay::Form(mut form) => {
                if self.keymap.resolve(key, &[Scope::Form]) == Some(Action::ChangeKind) {
                    if form.locked_first {
                        form.unlock();
                        form.title = "Edit event: ←/→ change its kind (asks before dropping \
                                      fields)"
                            .into();
                    }
                    self.overlay = Some(Overlay::Form(form));
                    return Vec::new();
                }
                match form.key(key) {
                    FormOutcome::Cancel => Vec::new(),
                    FormOutcome::Editing => {
                        forms::refit(&mut form, self.now);
                        self.overlay = Some(Overlay::Form(form));
                        Vec::new()
                    }
                    FormOutcome::Submit => match forms::kind_change_question(&form) {
                        Some(question) => {
                            self.overlay = Some(Overlay::ConfirmKind { form, question });
                            Vec::new()
                        }
                        None => self.submit_form(form),
                    },
                }
            }
        }
    }

    /// Submits `form`; on an error it stays open and says why.
    fn submit_form(&mut self, mut form: Form) -> Vec<Effect> {
        match forms::submit(&form, self) {
            Ok(effects) => effects,
            Err(error) => {
                form.error = Some(error);
                self.overlay = Some(Overlay::Form(form));
                Vec::new()
            }
        }
    }

    /// The selected case when it may be changed, else why not.
    pub fn writable(&self) -> Result<&Case, String> {
        match self.selected_row() {
            None => Err(format!(
                "no case selected ({} creates one)",
                self.keymap.key_of(Action::NewCase)
            )),
            Some(Row::Unreadable { reason, .. }) => {
                Err(format!("this case cannot be read: {reason}"))
            }
            Some(Row::Case {
                read_only: Some(reason),
                ..
            }) => Err(format!("this case is read-only: {reason}")),
            Some(Row::Case { .. }) => self
                .selected()
                .ok_or_else(|| "this case is still being read".to_string()),
        }
    }

    fn mutate(&mut self, mutation: Mutation) -> Vec<Effect> {
        match self.writable() {
            Ok(case) => vec![Effect::Mutate {
                id: case.id.clone(),
                mutation,
            }],
            Err(e) => {
                self.complain(e);
                Vec::new()
            }
        }
    }

    fn open_form(&mut self, form: Result<Form, String>) {
        match form {
            Ok(form) => self.overlay = Some(Overlay::Form(form)),
            Err(e) => self.complain(e),
        }
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let now = self.now;
        match action {
            Action::Quit => {
                let mut effects = self.flush_notes();
                effects.push(Effect::Quit);
                return effects;
            }
            Action::Suspend => {
                // What was typed is saved before the process stops.
                let mut effects = self.flush_notes();
                effects.push(Effect::Suspend);
                return effects;
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextPane | Action::PrevPane => {
                let order = [Pane::Cases, Pane::Timeline, Pane::Notes];
                let i = order.iter().position(|p| *p == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { 2 };
                self.focus = order[(i + step) % 3];
                if self.focus != Pane::Notes {
                    return self.flush_notes();
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                return self.navigate(action);
            }
            Action::Open => match self.focus {
                Pane::Cases => self.focus = Pane::Timeline,
                Pane::Timeline => {
                    let form = match (self.writable(), self.selected_event()) {
                        (Ok(_), Some(e)) => {
                            let mut form = forms::event_form(Some(e.clone()), e.kind, now);
                            form.title = format!(
                                "Edit event ({} changes its kind)",
                                self.keymap.key_of(Action::ChangeKind)
                            );
                            Ok(form)
                        }
                        (Ok(_), None) => Err(format!(
                            "no event selected ({} logs one)",
                            self.keymap.key_of(Action::LogEvent)
                        )),
                        (Err(e), _) => Err(e),
                    };
                    self.open_form(form);
                }
                Pane::Notes => {}
            },
            Action::ExternalEdit => match self.writable().map(|c| c.id.clone()) {
                Ok(id) => {
                    // What was typed here goes first, so the editor starts from it.
                    let mut effects = self.flush_notes();
                    self.mode = Mode::Normal;
                    self.notes.set_editing(false);
                    effects.push(Effect::EditNotes {
                        id,
                        text: self.notes.text(),
                    });
                    return effects;
                }
                Err(e) => self.complain(e),
            },
            Action::EditNotes => match self.writable() {
                Ok(_) => {
                    self.focus = Pane::Notes;
                    self.mode = Mode::Insert;
                    self.notes.set_editing(true);
                }
                Err(e) => self.complain(e),
            },
            Action::Search => {
                self.mode = Mode::Search;
                self.focus = Pane::Cases;
            }
            Action::Filter => {
                self.filter = self.filter.next();
                self.refresh(None);
                self.say(format!("showing {} cases", self.filter.label()));
            }
            Action::NewCase => {
                self.overlay = Some(Overlay::Form(forms::new_case_form(
                    now,
                    &self.prefs.default_organisation,
                )));
            }
            Action::LogEvent => {
                let form = self
                    .writable()
                    .map(|_| forms::event_form(None, crate::domain::Kind::Call, now));
                self.open_form(form);
            }
            Action::StartCall => return self.start_call(),
            Action::Answered => return self.mutate(Mutation::CallPhase(Phase::Talk, now)),
            Action::OnHold => return self.mutate(Mutation::CallPhase(Phase::Hold, now)),
            Action::Transferred => {
                let form = self.writable().map(|_| forms::transfer_form());
                self.open_form(form);
            }
            Action::EndCall => {
                let form = self.writable().and_then(|c| {
                    c.active_call
                        .as_ref()
                        .ok_or_else(|| "no call is running".to_string())
                        .map(|call| forms::end_call_form(call, now))
                });
                self.open_form(form);
            }
            Action::Status => {
                let form = self.writable().map(|c| forms::status_form(c.status));
                self.open_form(form);
            }
            Action::Delete => match (
                self.writable().map(|c| c.id.clone()),
                self.selected_event().cloned(),
            ) {
                (Ok(id), Some(event)) => self.overlay = Some(Overlay::ConfirmDelete { id, event }),
                (Err(e), _) => self.complain(e),
                (Ok(_), None) => self.complain("no event selected"),
            },
            Action::Undo => match self.undo.pop() {
                Some(Undo::Delete { id, kept }) => {
                    self.say(format!(
                        "delete undone{} (the event's history says so)",
                        self.elsewhere(&id)
                    ));
                    return vec![Effect::Mutate {
                        id,
                        mutation: Mutation::RestoreEvent {
                            event: kept,
                            at: now,
                        },
                    }];
                }
                Some(Undo::Edit {
                    id,
                    now: edited,
                    before,
                }) => {
                    self.say(format!(
                        "edit undone{} (the event's history says so)",
                        self.elsewhere(&id)
                    ));
                    let mut back = before.clone();
                    back.amendments.clear();
                    let new = edited.edited(back, now);
                    // An earlier edit of this event now finds it as the undo leaves it (its
                    // history has grown), so it can be undone in turn.
                    for older in &mut self.undo {
                        if let Undo::Edit { id: i, now: n, .. } = older
                            && *i == id
                            && *n == before
                        {
                            n.clone_from(&new);
                        }
                    }
                    return vec![Effect::Mutate {
                        id,
                        mutation: Mutation::ReplaceEvent { old: edited, new },
                    }];
                }
                None => self.complain("nothing to undo"),
            },
            // Only a form's key: nothing to do elsewhere.
            Action::ChangeKind => {}
        }
        Vec::new()
    }

    /// " in case «TITLE»" when case `id` is not the one on screen, so that an undo there is
    /// never taken for one here.
    fn elsewhere(&self, id: &str) -> String {
        if self.selected().is_some_and(|c| c.id == id) {
            return String::new();
        }
        self.rows
            .iter()
            .filter_map(Row::summary)
            .find(|s| s.id == id)
            .map_or_else(
                || format!(" in case {id}"),
                |s| format!(" in case «{}»", s.title),
            )
    }

    fn start_call(&mut self) -> Vec<Effect> {
        let case = match self.writable() {
            Ok(c) => c,
            Err(e) => {
                self.complain(e);
                return Vec::new();
            }
        };
        if case.active_call.is_some() {
            self.complain(format!(
                "a call is already running ({} ends it)",
                self.keymap.key_of(Action::EndCall)
            ));
            return Vec::new();
        }
        let last_number = case
            .events
            .iter()
            .rev()
            .find(|e| !e.number.is_empty())
            .map(|e| e.number.clone())
            .unwrap_or_default();
        let call = crate::domain::ActiveCall::start(last_number.clone(), self.now);
        self.overlay = Some(Overlay::Form(forms::call_number_form(&last_number)));
        self.mutate(Mutation::StartCall(call))
    }

    fn navigate(&mut self, action: Action) -> Vec<Effect> {
        self.navigate_in(self.focus, action)
    }

    /// Moves within `pane` (focused or not: the mouse wheel scrolls the pane under it).
    fn navigate_in(&mut self, pane: Pane, action: Action) -> Vec<Effect> {
        let step = |len: usize, at: Option<usize>| -> Option<usize> {
            if len == 0 {
                return None;
            }
            let at = at.unwrap_or(0);
            Some(match action {
                Action::Up => at.saturating_sub(1),
                Action::Down => (at + 1).min(len - 1),
                Action::PageUp => at.saturating_sub(10),
                Action::PageDown => (at + 10).min(len - 1),
                Action::Top => 0,
                _ => len - 1,
            })
        };
        match pane {
            Pane::Cases => {
                let before = self.cases_state.selected();
                let after = step(self.visible.len(), before);
                if after != before {
                    let effects = self.flush_notes();
                    self.cases_state.select(after);
                    self.sync_selection();
                    return effects;
                }
            }
            Pane::Timeline => {
                let len = self.selected().map_or(0, |c| c.events.len());
                self.timeline_state
                    .select(step(len, self.timeline_state.selected()));
            }
            Pane::Notes => self.notes.scroll(action),
        }
        Vec::new()
    }
}

/// The full-text search.
pub mod search {
    use crate::domain::Case;

    /// Whether any text of `case` contains `query` (already lowercase).
    pub fn matches(case: &Case, query: &str) -> bool {
        let has = |s: &str| !s.is_empty() && s.to_lowercase().contains(query);
        has(&case.title)
            || has(&case.organisation)
            || has(&case.id)
            || case.tags.iter().any(|t| has(t))
            || case
                .references
                .iter()
                .any(|r| has(&r.label) || has(&r.value))
            || has(&case.notes)
            || case.events.iter().any(|e| {
                [
                    &e.summary,
                    &e.detail,
                    &e.number,
                    &e.department,
                    &e.agent,
                    &e.from,
                    &e.to,
                    &e.r#ref,
                    &e.who,
                    &e.subject,
                ]
                .iter()
                .any(|s| has(s))
            })
    }
}
