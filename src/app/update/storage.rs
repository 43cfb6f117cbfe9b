//! What storage answers: cases read, saved, created or lost, changes that failed, what a
//! search found, and the moment every effect before a quit is done.

use std::collections::HashSet;

use crate::app::{Action, App, Edited, Effect, Filter, Merge, Overlay, Pane, Row, Target, search};
use crate::domain::{Case, Status, Summary};
use crate::storage::{Access, CaseFile, FileProblem, Stamp};

impl App {
    /// The journal as listed: the rows replace the ones shown (the selected case stays
    /// selected, unless it is only the top of the first rows, untouched: then the top).
    pub(super) fn listed(&mut self, rows: Vec<Row>) -> Vec<Effect> {
        let keep = self.kept_by_listing();
        self.case_index = None;
        self.rows = rows;
        self.filling = None;
        self.refresh(keep)
    }

    /// A case as read or saved by storage (after one of our effects, a change on disk, or
    /// because it was asked for with [`Effect::Open`]).
    pub(super) fn read(&mut self, case: Case, access: Access) -> Vec<Effect> {
        let id = case.id.clone();
        let selected = self.selected_row().is_some_and(|r| r.id() == id);
        let added = self.added.take().and_then(|e| case.find_event(&e));
        if self.notes.case_id.as_deref() == Some(id.as_str()) && self.notes.saved(&case.notes) {
            // The failure the status line reported is over.
            self.notes_kept = None;
            if matches!(self.overlay, Some(Overlay::ConfirmQuit { .. })) {
                // Its question is answered: nothing typed is at risk any more.
                self.overlay = None;
                self.say(crate::t!(
                    "status-notes-saved-now",
                    key = self.keymap.key_of(Action::Quit)
                ));
            } else {
                self.say(crate::t!("status-notes-saved-late"));
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
            Some(row) => *row = Row::listed(summary, access),
            None => self.rows.push(Row::listed(summary, access)),
        }
        if selected || self.open.as_ref().is_some_and(|c| c.id == id) {
            self.open = Some(case);
        }
        let effects = self.refresh(None);
        if selected && added.is_some() {
            self.event_index = added;
        }
        self.point_at_search();
        effects
    }

    /// A case saved after a change; says how typed notes went in with the notes on disk.
    pub(super) fn saved(&mut self, case: Case, merge: Merge) -> Vec<Effect> {
        let effects = self.read(case, Access::Writable);
        match merge {
            Merge::Plain => {}
            Merge::Merged => self.say(crate::t!("status-notes-merged")),
            Merge::Conflict => self.complain(
                "notes were changed elsewhere too: both versions kept, between <<<<<<< typed \
                 here and >>>>>>> saved elsewhere lines",
            ),
        }
        effects
    }

    /// A case file that can no longer be read, or is gone (`reason` None).
    pub(super) fn lost(&mut self, id: &str, problem: Option<FileProblem>) -> Vec<Effect> {
        match problem {
            Some(problem) => {
                let row = CaseFile::Unreadable {
                    id: id.to_string(),
                    problem,
                    stamp: Stamp::default(),
                };
                match self.rows.iter_mut().find(|r| r.id() == id) {
                    Some(old) => *old = row,
                    None => self.rows.push(row),
                }
            }
            None => self.rows.retain(|r| r.id() != id),
        }
        self.refresh(None)
    }

    /// A case we created: select it.
    pub(super) fn created(&mut self, case: Case) -> Vec<Effect> {
        let id = case.id.clone();
        self.say(crate::t!("status-created", id = id.as_str()));
        self.rows
            .push(Row::listed(Summary::of(&case, self.now), Access::Writable));
        self.open = Some(case);
        if !self.filter.admits(Status::Open) {
            self.filter = Filter::Open;
        }
        self.search.clear();
        let effects = self.refresh(Some(id));
        self.focus = Pane::Timeline;
        effects
    }

    /// A change that storage could not make; `error` says why, naming the case or its file.
    pub(super) fn failed(&mut self, target: &Target, error: &str, kept: Option<String>) {
        if let Some(kept) = kept {
            self.notes_kept = Some(kept);
        }
        if let Target::Case(id) = target
            && self.notes.case_id.as_deref() == Some(id.as_str())
        {
            self.notes.save_failed();
        }
        self.complain(crate::t!("status-not-saved", error = error));
    }

    /// The ids of the cases whose text contains `query`, found by searching the files.
    pub(super) fn found(&mut self, query: String, ids: HashSet<String>) -> Vec<Effect> {
        let current = query == search::query(&self.search);
        self.found = Some((query, ids));
        if current {
            self.refresh(None)
        } else {
            Vec::new()
        }
    }

    /// Every effect before the quit is done. Typed notes whose save just failed are not left
    /// behind without asking: a confirmation that says where the notes were rescued is shown
    /// instead of quitting.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.quit_anyway || !self.notes.dirty || self.notes.case_id.is_none() {
            return vec![Effect::Exit];
        }
        let kept = self
            .notes_kept
            .clone()
            .unwrap_or_else(|| crate::t!("status-kept-nowhere").to_string());
        self.overlay = Some(Overlay::ConfirmQuit { kept });
        Vec::new()
    }

    /// The user's editor is done with the notes.
    pub(super) fn edited(&mut self, edited: Edited) {
        match edited {
            Edited::NotChanged(e) => {
                self.complain(crate::t!("status-notes-not-changed", error = e.clone()));
            }
            Edited::Unchanged => self.say(crate::t!("status-notes-unchanged")),
            Edited::Saved => {
                if !self.message.as_ref().is_some_and(|m| m.error) {
                    self.say(crate::t!("status-notes-from-editor"));
                }
            }
        }
    }
}
