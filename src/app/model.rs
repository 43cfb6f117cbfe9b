//! The model: everything the app knows (the journal's rows, the case read in full, the
//! selection, the search, the notes being typed, what is asked of the user), and the queries
//! that read it. Only [`super::update`] changes it.

use chrono::{DateTime, Utc};
use std::collections::HashSet;

use super::keymap::{self, Action, Scope};
use super::{Form, Notes, ViewState};
use crate::domain::{Case, Counters, Event, Status, Summary};
use crate::storage::{Access, CaseFile, Stamp};

/// The three panes, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Cases,
    Timeline,
    Notes,
}

impl Pane {
    /// Every pane, in Tab order (and in the order of the tabs on a narrow terminal).
    pub const ALL: [Pane; 3] = [Pane::Cases, Pane::Timeline, Pane::Notes];

    /// The keymap scope of the pane's own keys.
    pub fn scope(self) -> Scope {
        match self {
            Pane::Cases => Scope::Cases,
            Pane::Timeline => Scope::Timeline,
            Pane::Notes => Scope::Notes,
        }
    }
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
    /// The keys (scrolled in the view state, for terminals too short to show them all).
    Help,
    /// The selected case's clocks and compensation estimates (scrolled like the help).
    Clocks,
    /// The files attached to the selected case; `selected` is the one Enter opens.
    Attachments {
        selected: usize,
    },
    /// The map, the directory of numbers or the charts.
    Pictures(super::pictures::Pictures),
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
    /// Asks before starting a call while another case's call still runs (`title`).
    ConfirmCall {
        title: String,
    },
    /// The complaint letter of case `id` was written to `path`: asks whether to log it as sent.
    ConfirmLetter {
        id: String,
        path: String,
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
    pub(super) fn next(self) -> Filter {
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
            Filter::Open => crate::t!("filter-open"),
            Filter::All => crate::t!("filter-all"),
            Filter::Resolved => crate::t!("filter-resolved"),
            Filter::Closed => crate::t!("filter-closed"),
        }
    }

    pub(super) fn admits(self, status: Status) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => status == Status::Open,
            Filter::Resolved => status == Status::Resolved,
            Filter::Closed => status == Status::Closed,
        }
    }
}

/// One line of the case list: the case file as the listing found it — a summary, with
/// whether it may be written, or why it cannot be read — the one shape storage, the index and
/// the app share.
pub type Row = CaseFile<Summary>;

impl CaseFile<Summary> {
    /// A listed case, from its summary, writable (for cases made or saved here).
    pub fn listed(summary: Summary, access: Access) -> Row {
        CaseFile::Readable {
            body: summary,
            access,
            stamp: Stamp::default(),
        }
    }

    /// The case's summary, when it could be read.
    pub fn summary(&self) -> Option<&Summary> {
        self.body()
    }

    pub fn sort_key(&self) -> (bool, std::cmp::Reverse<DateTime<Utc>>) {
        match self {
            CaseFile::Readable { body, .. } => (false, std::cmp::Reverse(body.last_activity)),
            CaseFile::Unreadable { .. } => (true, std::cmp::Reverse(DateTime::<Utc>::MIN_UTC)),
        }
    }
}

/// A line at the bottom: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The whole state of the TUI.
pub struct App {
    /// Every case file, most recently active first.
    pub rows: Vec<Row>,
    /// The selected case in full (events and notes), once the runtime has read it (asked for
    /// with [`Effect::Open`]).
    pub open: Option<Case>,
    /// The ids of the cases whose text contains the search (lowercase), once the runtime has
    /// searched the files (asked for with [`Effect::Search`]).
    pub found: Option<(String, HashSet<String>)>,
    /// How far the listing has got while `rows` are only the journal's first ones.
    pub filling: Option<super::Filling>,
    /// Indexes into `rows` of the cases the filter and search let through.
    pub visible: Vec<usize>,
    /// The selected case: an index into `visible`.
    pub case_index: Option<usize>,
    /// The selected event of the selected case: an index into its events.
    pub event_index: Option<usize>,
    pub focus: Pane,
    pub mode: Mode,
    pub overlay: Option<Overlay>,
    pub filter: Filter,
    pub search: String,
    pub notes: Notes,
    pub message: Option<Message>,
    /// Edits and deletes of events, most recent last, for undo.
    pub undo: Vec<Undo>,
    /// An event we just asked storage to add (or change, or restore): selected once it is
    /// saved.
    pub added: Option<Event>,
    /// The moment this frame is about.
    pub now: DateTime<Utc>,
    /// Whether the current screen is a demo journal.
    pub demo: bool,
    /// The keys in force (the defaults with the config file's overrides).
    pub keymap: keymap::Keymap,
    /// The escalation rule packs (the built-in ones until the runtime hands over those with
    /// the user's own).
    pub packs: crate::rules::load::Packs,
    /// What the config file says that views and forms use.
    pub prefs: Prefs,
    /// What only the screen needs (list scrolling, help scrolling, hit areas); drawing
    /// writes it, the model never reads it but for the mouse.
    pub view: ViewState,
    /// Where notes that could not be saved were rescued, as the runtime last said.
    pub notes_kept: Option<String>,
    /// The directory of numbers, as last learned from every case (for the call forms).
    pub directory: Option<crate::domain::directory::Directory>,
    /// The user said to quit even though typed notes could not be saved.
    pub(super) quit_anyway: bool,
    /// A search was kept: the selected case's match is pointed at once the case is read.
    pub(super) point_search: bool,
}

/// Preferences from the config file that the app and its views use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// The organisation a new case starts with.
    pub default_organisation: String,
    /// The chrono format of the timeline's date column (None: the built-in ones).
    pub date_format: Option<String>,
    /// Who signs the letters.
    pub sender: crate::letters::Sender,
    /// The user's own letter templates (`letters/` beside the config file).
    pub letters_dir: Option<std::path::PathBuf>,
}

impl App {
    /// The app on `rows` at `now`, with the most recently active open case selected.
    pub fn new(rows: Vec<Row>, now: DateTime<Utc>) -> Self {
        let mut app = App {
            rows,
            open: None,
            found: None,
            filling: None,
            visible: Vec::new(),
            case_index: None,
            event_index: None,
            focus: Pane::Cases,
            mode: Mode::Normal,
            overlay: None,
            filter: Filter::Open,
            search: String::new(),
            notes: Notes::default(),
            message: None,
            undo: Vec::new(),
            added: None,
            now,
            demo: false,
            keymap: keymap::Keymap::default(),
            packs: crate::rules::load::Packs::built_in(),
            prefs: Prefs::default(),
            view: ViewState::default(),
            notes_kept: None,
            directory: None,
            quit_anyway: false,
            point_search: false,
        };
        // Nothing typed yet, so nothing to save: the selection's effects are only a read.
        let _ = app.refresh(None);
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
        self.case_index
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

    /// The id of the selected case when it must be read in full ([`Effect::Open`]).
    pub(super) fn wanted(&self) -> Option<&str> {
        let summary = self.selected_row().and_then(Row::summary)?;
        let loaded = self.open.as_ref().is_some_and(|c| c.id == summary.id);
        (!loaded).then_some(summary.id.as_str())
    }

    /// The search (folded: no case, no accents) when the case files must be searched for it
    /// ([`Effect::Search`]). Until the answer comes, the list shows the cases whose title,
    /// organisation, tags or references match.
    pub fn wanted_search(&self) -> Option<String> {
        let query = super::search::query(&self.search);
        let done = self.found.as_ref().is_some_and(|(q, _)| *q == query);
        (!query.is_empty() && !done).then_some(query)
    }

    /// The selected event of the selected case.
    pub fn selected_event(&self) -> Option<&Event> {
        self.selected()
            .and_then(|c| self.event_index.and_then(|i| c.events.get(i)))
    }

    /// The selected case's counters now.
    pub fn counters(&self) -> Option<Counters> {
        self.selected().map(|c| Counters::of(c, self.now))
    }

    /// The title of a case other than the selected one whose call still runs.
    pub fn other_call(&self) -> Option<&str> {
        let here = self.selected_row().map(|r| r.id().to_string());
        self.rows
            .iter()
            .filter_map(Row::summary)
            .find(|s| s.active_call.is_some() && Some(&s.id) != here.as_ref())
            .map(|s| s.title.as_str())
    }

    /// What to say once the screen is handed back: that a call is still running and that its
    /// key ends it (its stopwatch keeps counting until then).
    pub fn farewell(&self) -> Option<String> {
        self.rows
            .iter()
            .filter_map(Row::summary)
            .any(|s| s.active_call.is_some())
            .then(|| {
                crate::t!(
                    "farewell-call-running",
                    key = self.keymap.key_of(Action::EndCall)
                )
            })
    }

    /// Whether anything on screen changes by itself each second.
    pub fn ticking(&self) -> bool {
        self.selected()
            .is_some_and(|c| Counters::ticking(c, self.now))
    }

    /// Whether the selected case's counters, as the screen shows them, read differently at
    /// `now` than at `then`: a stopwatch shows seconds, but an outage of an hour or more shows
    /// minutes (`1h 05m`), so it changes once a minute, not each second.
    pub fn shown_counters_change(&self, then: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        let Some(case) = self.selected() else {
            return false;
        };
        if case.active_call.is_some() {
            return true;
        }
        let (a, b) = (Counters::of(case, then), Counters::of(case, now));
        crate::domain::time::span(a.without_service_seconds)
            != crate::domain::time::span(b.without_service_seconds)
            || Counters {
                without_service_seconds: 0,
                ..a
            } != Counters {
                without_service_seconds: 0,
                ..b
            }
    }

    /// The keymap scopes that apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut scopes = Vec::new();
        if self.selected().is_some_and(|c| c.active_call.is_some()) {
            scopes.push(Scope::Call);
        }
        scopes.push(Scope::Global);
        scopes.push(self.focus.scope());
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

    /// The selected case when it may be changed, else why not.
    pub fn writable(&self) -> Result<&Case, String> {
        match self.selected_row() {
            None => Err(crate::t!(
                "error-no-case",
                key = self.keymap.key_of(Action::NewCase)
            )),
            Some(CaseFile::Unreadable { problem, .. }) => Err(crate::t!(
                "error-case-unreadable",
                problem = problem.to_string()
            )),
            Some(CaseFile::Readable {
                access: Access::ReadOnly(reason),
                ..
            }) => Err(crate::t!(
                "error-case-read-only",
                reason = reason.to_string()
            )),
            Some(CaseFile::Readable { .. }) => self
                .selected()
                .ok_or_else(|| crate::t!("error-case-being-read").to_string()),
        }
    }
}
