//! What can happen to the app: one [`Msg`] per thing, from the terminal, the clock or storage.
//! [`super::update`] takes each one and answers with the [`super::Effect`]s to carry out.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::{Action, Row};
use crate::domain::Case;
use crate::storage::{Access, FileProblem};

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted into the terminal (bracketed paste).
    Paste(String),
    /// The mouse was clicked or its wheel turned.
    Mouse(MouseEvent),
    /// The clock moved on to this moment.
    Tick(DateTime<Utc>),
    /// An action asked for without a key (a SIGTSTP from elsewhere is [`Action::Suspend`]).
    Action(Action),
    /// The journal as listed: every case file.
    Listed(Vec<Row>),
    /// The journal's first rows, shown while the rest is listed ([`Msg::Listed`] follows).
    Partial {
        rows: Vec<Row>,
        filling: super::Filling,
    },
    /// Something to say on the status line (conflict copies merged while the journal was
    /// listed).
    Told(String),
    /// How far the listing of the journal has got (`None`: it could not be made; the rows
    /// shown stay).
    Filling(Option<super::Filling>),
    /// A case as read from its file, and why it must not be written, if it must not.
    Opened { case: Case, access: Access },
    /// A case file that cannot be read, and why.
    Unreadable { id: String, problem: FileProblem },
    /// A case file that is gone.
    Gone(String),
    /// A case as saved after a change, and how typed notes went in with the notes on disk.
    Saved { case: Case, merge: Merge },
    /// A case that was created (with the id storage gave it).
    Created(Case),
    /// A change that storage could not make; `error` says why, naming the case or its file;
    /// `kept` says where typed notes were rescued, when they were.
    Failed {
        target: Target,
        error: String,
        kept: Option<String>,
    },
    /// The ids of the cases whose text contains `query` (lowercase).
    Found { query: String, ids: HashSet<String> },
    /// Every effect asked for before [`super::Effect::Quit`] is done: quit now, unless typed
    /// notes could not be saved.
    Quit,
    /// How opening an attached file went: its name, or why it could not be opened.
    OpenedFile(Result<String, String>),
    /// How a round trip through the user's editor ended.
    Edited(Edited),
    /// The directory of numbers, learned from every case ([`super::Effect::Learn`]).
    Learned(crate::domain::directory::Directory),
    /// Case `id`'s letter was written to `path` ([`super::Effect::WriteLetter`]).
    LetterWritten { id: String, path: String },
}

/// What a change was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Case `id`.
    Case(String),
    /// A case being created.
    NewCase,
}

/// How a notes save went in with the notes on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Nobody else had changed them (or this was no notes save).
    Plain,
    /// They had been changed elsewhere; both changes were merged cleanly.
    Merged,
    /// Both sides changed the same lines: both are kept, between conflict markers.
    Conflict,
}

/// How editing the notes in the user's editor ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edited {
    /// The editor could not be run or its file read; the notes were not changed.
    NotChanged(String),
    /// The user left the text as it was.
    Unchanged,
    /// What they wrote was saved (its [`Msg::Saved`] came first).
    Saved,
}
