//! Changes made to the journal by other processes, found by comparing file stamps, and told to
//! the app as the messages a read would give.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::app::{Msg, Row};
use crate::domain::Summary;
use crate::storage::{CaseFile, Stamp};

use super::executor::Executor;
use super::journal::{Fill, IndexSave, Outcome};

impl Executor {
    /// Looks for case files created, changed or deleted elsewhere since last seen; when the
    /// directory itself did not change, only the files of the `selected` case and of the
    /// cases `named` by the file system's notifications (edited in place, perhaps) are
    /// looked at.
    pub fn watch(&mut self, selected: Option<&str>, named: &[String]) -> Vec<Msg> {
        let mut msgs = Vec::new();
        let dir_stamp = self.store().dir_stamp();
        // While the journal is being listed, only the first rows' stamps are known: the
        // listing's own are compared in full when it comes ([`Executor::filled`]).
        let files: Vec<(String, Option<Stamp>)> =
            if dir_stamp == self.dir_stamp || self.fill.is_some() {
                let mut ids: Vec<&str> = selected.into_iter().collect();
                ids.extend(
                    named
                        .iter()
                        .map(String::as_str)
                        .filter(|id| crate::storage::valid_id(id) && Some(*id) != selected),
                );
                ids.into_iter()
                    .map(|id| (id.to_string(), self.store().stamp(id)))
                    .collect()
            } else {
                self.dir_stamp = dir_stamp;
                let Ok(files) = self.store().stamps() else {
                    return msgs;
                };
                let present: HashSet<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
                let gone: Vec<String> = self
                    .stamps
                    .keys()
                    .filter(|id| !present.contains(id.as_str()))
                    .cloned()
                    .collect();
                for id in gone {
                    self.stamps.remove(&id);
                    msgs.push(Msg::Gone(id));
                }
                files.into_iter().map(|(id, s)| (id, Some(s))).collect()
            };
        for (id, stamp) in files {
            if stamp.is_some()
                && stamp != self.stamps.get(&id).copied()
                && let Ok(entry) = self.store().load(&id)
            {
                msgs.push(self.opened(entry));
            }
        }
        msgs
    }
}

impl Executor {
    /// Lists the whole journal once [`Executor::begin_fill`] is called (the first rows are
    /// shown meanwhile), saving the index through `save`; `cold`: there is no index. What it tells rings `bell`.
    #[must_use]
    pub fn with_fill(
        mut self,
        fill: Option<bool>,
        save: &IndexSave,
        bell: &super::wake::Bell,
    ) -> Executor {
        self.fill =
            fill.map(|cold| Fill::new(self.store().clone(), save.clone(), cold, bell.clone()));
        self
    }

    /// Begins the full listing at `now`, if one is to be made and has not begun.
    pub fn begin_fill(&mut self, now: DateTime<Utc>) {
        if let Some(fill) = &mut self.fill {
            fill.begin(now);
        }
    }

    /// Whether the journal is still being listed.
    pub fn filling(&self) -> bool {
        self.fill.is_some()
    }

    /// What the listing told since last asked; once it is done, the journal's rows as they
    /// are now: those it listed, with what changed on disk since (created, changed, deleted)
    /// read again, as [`Msg::Listed`] followed by the reads of the changed files.
    pub(super) fn filled(&mut self) -> Vec<Msg> {
        let Some(fill) = &mut self.fill else {
            return Vec::new();
        };
        let (mut msgs, done) = fill.answers();
        let now = fill.now_or(DateTime::<Utc>::MIN_UTC);
        let (rows, stamps) = match done {
            Outcome::Pending => return msgs,
            Outcome::Listed(listing) => listing,
            Outcome::Failed => {
                // Not listed (the directory could not be): the first rows stay, as they are.
                self.fill = None;
                msgs.push(Msg::Filling(None));
                return msgs;
            }
        };
        self.fill = None;
        msgs.extend(self.take_listing(rows, stamps, now));
        msgs
    }

    /// The journal as listed (`rows` from files of `stamps`, at `now`), brought up to date
    /// with every file as it is now.
    fn take_listing(
        &mut self,
        mut rows: Vec<Row>,
        stamps: HashMap<String, Stamp>,
        now: DateTime<Utc>,
    ) -> Vec<Msg> {
        self.stamps = stamps;
        // Every file is compared with the stamp it had when listed.
        self.dir_stamp = None;
        let changes = self.watch(None, &[]);
        for change in &changes {
            let (id, row) = match change {
                Msg::Opened { case, access } => (
                    case.id.as_str(),
                    Some(Row::listed(Summary::of(case, now), access.clone())),
                ),
                Msg::Unreadable { id, problem } => (
                    id.as_str(),
                    Some(CaseFile::Unreadable {
                        id: id.clone(),
                        problem: problem.clone(),
                        stamp: Stamp::default(),
                    }),
                ),
                Msg::Gone(id) => (id.as_str(), None),
                _ => continue,
            };
            let at = rows.iter().position(|r| r.id() == id);
            match (at, row) {
                (Some(at), Some(row)) => rows[at] = row,
                (None, Some(row)) => rows.push(row),
                (Some(at), None) => {
                    rows.remove(at);
                }
                (None, None) => {}
            }
        }
        let mut msgs = vec![Msg::Listed(rows)];
        // Read again for what else the app keeps of them (the case open, search answers).
        msgs.extend(changes);
        msgs
    }
}
