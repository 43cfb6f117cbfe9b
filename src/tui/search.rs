//! The full-text search, on its own thread: it reads the case files one by one (parsing only
//! those whose text contains the query) and drops a search as soon as a newer one is asked.

use std::collections::HashSet;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::{Msg, search};
use crate::storage::Store;
use crate::storage::format;

use super::wake::Bell;

/// The search thread, as the executor asks it.
pub struct Search {
    ask: Sender<String>,
    answers: Receiver<(String, HashSet<String>)>,
    /// The last search asked, until its answer comes.
    asked: Option<String>,
}

impl Search {
    /// Starts the thread; each answer rings `bell`.
    pub fn start(store: Store, bell: Bell) -> Search {
        let (ask, questions) = channel::<String>();
        let (answer, answers) = channel();
        std::thread::spawn(move || {
            let mut next = questions.recv().ok();
            while let Some(query) = next.take() {
                let mut ids = HashSet::new();
                for id in store.ids().unwrap_or_default() {
                    if let Ok(newer) = questions.try_recv() {
                        next = Some(newer);
                        break;
                    }
                    if file_matches(&store, &id, &query) {
                        ids.insert(id);
                    }
                }
                if next.is_none() {
                    if answer.send((query, ids)).is_err() {
                        return;
                    }
                    bell.ring();
                    next = questions.recv().ok();
                }
                while let Ok(newer) = questions.try_recv() {
                    next = Some(newer);
                }
            }
        });
        Search {
            ask,
            answers,
            asked: None,
        }
    }

    /// Asks for `query` unless it is the search running already.
    pub fn ask(&mut self, query: String) {
        if self.asked.as_ref() != Some(&query) {
            let _ = self.ask.send(query.clone());
            self.asked = Some(query);
        }
    }

    /// Whether the last search asked has not been answered yet.
    pub fn waiting(&self) -> bool {
        self.asked.is_some()
    }

    /// The answers that came since last asked.
    pub fn answers(&mut self) -> Vec<Msg> {
        let mut msgs = Vec::new();
        while let Ok((query, ids)) = self.answers.try_recv() {
            if self.asked.as_ref() == Some(&query) {
                self.asked = None;
            }
            msgs.push(Msg::Found { query, ids });
        }
        msgs
    }
}

/// Whether case file `id` contains `query` (folded: no case, no accents) in any of its texts. Stored text is
/// written unescaped, so a file without the query in it cannot match and is not parsed; one
/// with escapes (edited by hand) always is.
pub fn file_matches(store: &Store, id: &str, query: &str) -> bool {
    let path = store.path(id);
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    if !text.contains('\\') && !crate::i18n::fold::fold(&text).contains(query) {
        return false;
    }
    format::decode(&text).is_ok_and(|d| search::matches(&d.case, query))
}
