//! The executor: the only code that turns the app's [`Effect`]s into I/O against the journal,
//! answering each with the [`Msg`]s the app must hear. The runtime and the tests use it alike.

use std::collections::{HashMap, VecDeque};
use std::time::SystemTime;

use crate::app::mutation::merge_notes;
use crate::app::{App, Effect, Merge, Msg, Mutation, Target, update};
use crate::domain::Case;
use crate::storage::StorageError::Locked;
use crate::storage::{Entry, Stamp, Store, UpdateError};

use super::rescue;
use super::search::{Search, file_matches};

/// How many effects one [`drive`] carries out at most: a safeguard against a case file that
/// keeps answering a read with another read.
const MOST_EFFECTS: usize = 10_000;

/// Carries out effects against a [`Store`] and remembers the stamps of the files it read and
/// wrote, so that [`Executor::watch`] can tell changes made by other processes.
pub struct Executor {
    store: Store,
    /// The stamp of each case file as last read or written here.
    pub(super) stamps: HashMap<String, Stamp>,
    /// The journal directory's stamp as last seen.
    pub(super) dir_stamp: Option<SystemTime>,
    /// The search thread; without one, searches are answered at once.
    search: Option<Search>,
    /// The full listing of the journal, while only its first rows are shown.
    pub(super) fill: Option<super::journal::Fill>,
}

impl Executor {
    /// An executor on `store` whose files were listed with `stamps`; it searches inline.
    pub fn new(store: Store, stamps: HashMap<String, Stamp>) -> Executor {
        let dir_stamp = store.dir_stamp();
        Executor {
            store,
            stamps,
            dir_stamp,
            search: None,
            fill: None,
        }
    }

    /// Searches on a thread of its own from now on: a search's answer comes from
    /// [`Executor::answers`].
    #[must_use]
    pub fn with_search_thread(mut self, bell: &super::wake::Bell) -> Executor {
        self.search = Some(Search::start(self.store.clone(), bell.clone()));
        self
    }

    /// The journal.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Whether a search was asked for and its answer has not come yet.
    pub fn searching(&self) -> bool {
        self.search.as_ref().is_some_and(Search::waiting)
    }

    /// The answers of the search thread (and of the listing) that came since last asked.
    pub fn answers(&mut self) -> Vec<Msg> {
        let mut msgs = self
            .search
            .as_mut()
            .map(Search::answers)
            .unwrap_or_default();
        msgs.extend(self.filled());
        msgs
    }

    /// Carries out `effect`; returns what the app must hear about it. The terminal's effects
    /// ([`Effect::EditNotes`], [`Effect::Suspend`], [`Effect::Exit`]) are the runtime's, and
    /// answer nothing here.
    pub fn execute(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::Open(id) => vec![self.open(&id)],
            Effect::Search(query) => self.search(query),
            Effect::Mutate { id, mutation } => vec![self.mutate(&id, &mutation)],
            Effect::Create(case) => vec![self.create(case)],
            Effect::Quit => vec![Msg::Quit],
            Effect::Learn(now) => vec![Msg::Learned(
                crate::cli::map::learn(&self.store, now).unwrap_or_default(),
            )],
            Effect::WriteLetter { id, text } => {
                vec![crate::tui::letter::write(&self.store, &id, &text)]
            }
            Effect::EditNotes { .. }
            | Effect::OpenAttachment { .. }
            | Effect::Suspend
            | Effect::Exit => Vec::new(),
        }
    }

    /// Reads case file `id`.
    fn open(&mut self, id: &str) -> Msg {
        if let Ok(entry) = self.store.load(id) {
            self.opened(entry)
        } else {
            self.stamps.remove(id);
            Msg::Gone(id.to_string())
        }
    }

    /// What the app hears of a case file just read; its stamp is remembered.
    pub(super) fn opened(&mut self, entry: Entry) -> Msg {
        self.stamps.insert(entry.id().to_string(), entry.stamp());
        match entry {
            Entry::Readable { body, access, .. } => Msg::Opened { case: body, access },
            Entry::Unreadable { id, problem, .. } => Msg::Unreadable { id, problem },
        }
    }

    fn search(&mut self, query: String) -> Vec<Msg> {
        if let Some(search) = &mut self.search {
            search.ask(query);
            return Vec::new();
        }
        let ids = self
            .store
            .ids()
            .unwrap_or_default()
            .into_iter()
            .filter(|id| file_matches(&self.store, id, &query))
            .collect();
        vec![Msg::Found { query, ids }]
    }

    fn create(&mut self, mut case: Case) -> Msg {
        match self.store.create(case.clone()) {
            Ok(id) => {
                self.note_stamp(&id);
                case.id = id;
                Msg::Created(case)
            }
            Err(e) => Msg::Failed {
                target: Target::NewCase,
                error: e.to_string(),
                kept: None,
            },
        }
    }

    /// Changes case `id` under its lock. Notes that cannot be saved go to the rescue file,
    /// and the failure says where, first.
    pub(super) fn mutate(&mut self, id: &str, mutation: &Mutation) -> Msg {
        match update_notes(&self.store, id, mutation) {
            Ok((merge, case)) => {
                self.note_stamp(id);
                Msg::Saved { case, merge }
            }
            Err(e) => {
                let target = Target::Case(id.to_string());
                if let (Mutation::SetNotes { .. }, UpdateError::Storage(Locked { pid, .. })) =
                    (mutation, &e)
                {
                    // Another process is changing the case: the text stays typed (and dirty)
                    // and the next tick tries again.
                    let by = crate::storage::holder(*pid);
                    return Msg::Failed {
                        target,
                        error: crate::t!("status-will-retry", id = id, by = by.clone()),
                        kept: None,
                    };
                }
                let error = match e {
                    UpdateError::Change(e) => e,
                    UpdateError::Storage(e) => e.to_string(),
                };
                // Where the text went matters more than why: it goes first, so a narrow
                // status line still shows it.
                match mutation {
                    Mutation::SetNotes { text, .. } => {
                        let kept = rescue::keep(&self.store, id, text);
                        Msg::Failed {
                            target,
                            error: format!("{kept} — {error}"),
                            kept: Some(kept),
                        }
                    }
                    _ => Msg::Failed {
                        target,
                        error,
                        kept: None,
                    },
                }
            }
        }
    }

    fn note_stamp(&mut self, id: &str) {
        if let Some(s) = self.store.stamp(id) {
            self.stamps.insert(id.to_string(), s);
        }
        self.dir_stamp = self.store.dir_stamp();
    }
}

/// Applies `mutation` to case `id` under its lock; for notes, says how they merged.
pub(super) fn update_notes(
    store: &Store,
    id: &str,
    mutation: &Mutation,
) -> Result<(Merge, Case), UpdateError<String>> {
    store.update(id, |case| {
        let merge = match mutation {
            Mutation::SetNotes { base, text, .. }
                if case.notes != *base && case.notes != *text && text != base =>
            {
                if merge_notes(&case.notes, base, text).conflict {
                    Merge::Conflict
                } else {
                    Merge::Merged
                }
            }
            _ => Merge::Plain,
        };
        mutation.apply(case)?;
        Ok(merge)
    })
}

/// What carries out the terminal's effects: it gets the executor and the app as it is then.
pub type Screen<'a, E> = dyn FnMut(&mut Executor, &App, Effect) -> Result<Vec<Msg>, E> + 'a;

/// Carries out `effects` in order, handing each answer to the app and carrying out what it
/// answers with before the next effect. The terminal's effects go to `terminal`, which sees
/// the app as it is then. Returns whether the app asked to exit.
pub fn drive<E>(
    executor: &mut Executor,
    app: &mut App,
    effects: Vec<Effect>,
    terminal: &mut Screen<'_, E>,
) -> Result<bool, E> {
    let mut queue = VecDeque::from(effects);
    let mut done = 0;
    while let Some(effect) = queue.pop_front() {
        done += 1;
        if done > MOST_EFFECTS {
            break;
        }
        let msgs = match effect {
            Effect::Exit => return Ok(true),
            Effect::EditNotes { .. } | Effect::OpenAttachment { .. } | Effect::Suspend => {
                terminal(executor, app, effect)?
            }
            effect => executor.execute(effect),
        };
        hand(app, msgs, &mut queue);
    }
    Ok(false)
}

/// Hands `msgs` to the app; what it answers goes to the front of `queue`, in order.
fn hand(app: &mut App, msgs: Vec<Msg>, queue: &mut VecDeque<Effect>) {
    let mut next = Vec::new();
    for msg in msgs {
        next.extend(update(app, msg));
    }
    for effect in next.into_iter().rev() {
        queue.push_front(effect);
    }
}
