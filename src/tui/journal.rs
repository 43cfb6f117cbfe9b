//! The journal as the TUI starts on it: its first screen from the first page of the index (or,
//! without an index, from the case files written last), then the full listing, made on a
//! thread of its own (reading case files on every core when it must), which also saves the
//! index's update.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::app::{Filling, Msg, Row};
use crate::index::{self, Scan};
use crate::storage::{Stamp, Store};

/// How many case files are read for the first screen when there is no index to list from.
const FIRST_FILES: usize = 50;

/// The journal's first screen, and whether the rest of it is still to be listed.
pub struct Start {
    /// The rows to show first: every case ([`Msg::Listed`]) or the first ones
    /// ([`Msg::Partial`]).
    pub first: Msg,
    /// The stamps of the files shown.
    pub stamps: HashMap<String, Stamp>,
    /// The listing, to bring the index up to date with, when the whole journal was listed.
    pub scan: Option<Scan>,
    /// When only the first rows are shown: whether there was no index (so every case file is
    /// to be read, and how far that has got is told).
    pub fill: Option<bool>,
    /// What to say of the conflict copies merged before the journal was listed.
    pub told: Option<String>,
}

/// The first screen of the journal at `now`: a journal of a page or less is listed whole;
/// a bigger one shows its index's first page (only those files are looked at), or without a
/// sound index its [`FIRST_FILES`] files written last (every file is looked at, those read).
pub fn first_screen(store: &Store, now: DateTime<Utc>) -> Result<Start, String> {
    let first = match index::first_page(store, now) {
        Some(page) if page.total > index::PAGE => {
            Some((page.rows, Filling::Listing { total: page.total }, false))
        }
        Some(_) => None,
        None => {
            let (rows, total) =
                index::recent_files(store, now, FIRST_FILES).map_err(|e| e.to_string())?;
            (total > rows.len()).then_some((rows, Filling::Reading { read: 0, total }, true))
        }
    };
    let Some((rows, filling, cold)) = first else {
        let told = crate::storage::conflicts::notice(store);
        let Loaded { rows, stamps, scan } = load_rows(store, now)?;
        let _ = store.clean_strays();
        return Ok(Start {
            first: Msg::Listed(rows),
            stamps,
            scan: Some(scan),
            fill: None,
            told,
        });
    };
    let stamps = rows
        .iter()
        .map(|row| (row.id().to_string(), row.stamp()))
        .collect();
    Ok(Start {
        first: Msg::Partial { rows, filling },
        stamps,
        scan: None,
        fill: Some(cold),
        told: None,
    })
}

/// The journal as listed: its rows and their files' stamps.
pub(super) type Listing = (Vec<Row>, HashMap<String, Stamp>);

/// Where the listing is.
pub(super) enum Outcome {
    /// Still being made.
    Pending,
    Listed(Listing),
    /// It could not be made: the first rows stay.
    Failed,
}

/// What the listing thread tells.
enum Filled {
    /// What to say of the conflict copies it merged.
    Told(String),
    /// Case files read, of how many.
    Progress(usize, usize),
    /// The journal listed (`None`: it could not be).
    Done(Option<Listing>),
}

/// The full listing of the journal, made on a thread of its own once the first screen is
/// drawn; its answer comes through [`Fill::answers`].
pub struct Fill {
    store: Store,
    save: IndexSave,
    /// Whether there was no index: how far the reading has got is told.
    cold: bool,
    /// The moment the listing is of, once it has begun.
    now: Option<DateTime<Utc>>,
    told: Option<Receiver<Filled>>,
    /// Rung with each thing the listing tells, so that the loop wakes for it.
    bell: super::wake::Bell,
}

impl Fill {
    /// A listing of `store` (to begin with [`Fill::begin`]) that saves the index through
    /// `save`; `cold`: there was no index.
    pub fn new(store: Store, save: IndexSave, cold: bool, bell: super::wake::Bell) -> Fill {
        Fill {
            store,
            save,
            cold,
            now: None,
            told: None,
            bell,
        }
    }

    /// Begins the listing at `now` (once).
    pub fn begin(&mut self, now: DateTime<Utc>) {
        if self.now.is_some() {
            return;
        }
        self.now = Some(now);
        let (tell, told) = channel();
        self.told = Some(told);
        let (store, save, cold) = (self.store.clone(), self.save.clone(), self.cold);
        let bell = self.bell.clone();
        let tell = move |filled: Filled| {
            let _ = tell.send(filled);
            bell.ring();
        };
        save.done.store(false, Ordering::SeqCst);
        save.scanning.store(true, Ordering::SeqCst);
        std::thread::spawn(move || fill(&store, now, &save, cold, &tell));
    }

    /// What the listing told since last asked: how far it got, and at last the journal's rows
    /// with their stamps (then the fill is over).
    pub(super) fn answers(&mut self) -> (Vec<Msg>, Outcome) {
        let mut msgs = Vec::new();
        let Some(told) = &self.told else {
            return (msgs, Outcome::Pending);
        };
        loop {
            match told.try_recv() {
                Ok(Filled::Told(text)) => msgs.push(Msg::Told(text)),
                Ok(Filled::Progress(read, total)) => {
                    msgs.push(Msg::Filling(Some(Filling::Reading { read, total })));
                }
                Ok(Filled::Done(Some(listing))) => return (msgs, Outcome::Listed(listing)),
                Err(std::sync::mpsc::TryRecvError::Empty) => return (msgs, Outcome::Pending),
                // Not listed, or the thread ended without a word (it panicked).
                Ok(Filled::Done(None)) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    return (msgs, Outcome::Failed);
                }
            }
        }
    }

    /// The moment the listing is of (`at` if it has not begun).
    pub(super) fn now_or(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        self.now.unwrap_or(at)
    }
}

/// The listing thread: merges conflict copies a file syncer left and removes temp files left
/// behind (as a start on a small journal does before its first frame), lists the journal at
/// `now` (telling how far the reading of case files has got, when `cold`), hands the rows
/// over, then saves the index.
fn fill(
    store: &Store,
    now: DateTime<Utc>,
    save: &IndexSave,
    cold: bool,
    tell: &(dyn Fn(Filled) + Sync),
) {
    if crate::fault::strikes(crate::fault::Fault::SlowListing) {
        std::thread::sleep(Duration::from_secs(2));
    }
    if let Some(text) = crate::storage::conflicts::notice(store) {
        tell(Filled::Told(text));
    }
    let _ = store.clean_strays();
    let progress = |read, total| {
        if cold {
            tell(Filled::Progress(read, total));
        }
    };
    let scan = Scan::reading(store, now, &progress, &save.stop);
    save.scanning.store(false, Ordering::SeqCst);
    if let Ok(Some(scan)) = scan {
        let stamps = scan
            .entries
            .iter()
            .map(|listed| (listed.id().to_string(), listed.stamp()))
            .collect();
        tell(Filled::Done(Some((scan.entries.clone(), stamps))));
        save.run(scan);
    } else {
        tell(Filled::Done(None));
        save.done.store(true, Ordering::SeqCst);
    }
}

/// The journal as the TUI starts on it.
pub struct Loaded {
    pub rows: Vec<Row>,
    /// The stamps of the files listed.
    pub stamps: HashMap<String, Stamp>,
    /// The listing, to bring the index up to date with.
    pub scan: Scan,
}

/// Lists the journal (through its index) as the app's rows, with the stamps of the files.
pub fn load_rows(store: &Store, now: DateTime<Utc>) -> Result<Loaded, String> {
    let scan = Scan::new(store, now).map_err(|e| e.to_string())?;
    let mut stamps = HashMap::new();
    let rows = scan
        .entries
        .iter()
        .map(|listed| {
            stamps.insert(listed.id().to_string(), listed.stamp());
            listed.clone()
        })
        .collect();
    Ok(Loaded { rows, stamps, scan })
}

/// The index being brought up to date on a thread of its own, so that it does not hold up the
/// first frame. It must not outlive the process half done: [`IndexSave::finish`] lets it end
/// or stops it (its temp file removed) before the process exits.
#[derive(Clone)]
pub struct IndexSave {
    stop: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    /// The journal is still being listed (the save comes after): stopped at once at the end.
    scanning: Arc<AtomicBool>,
}

impl IndexSave {
    pub fn start(scan: Scan) -> IndexSave {
        let save = IndexSave::pending();
        save.done.store(false, Ordering::SeqCst);
        let thread = save.clone();
        std::thread::spawn(move || thread.run(scan));
        save
    }

    /// A save still to come, from a listing not begun yet ([`Fill`]): nothing to wait for
    /// until it begins.
    pub fn pending() -> IndexSave {
        IndexSave {
            stop: Arc::new(AtomicBool::new(false)),
            done: Arc::new(AtomicBool::new(true)),
            scanning: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Saves `scan` if the index on disk no longer matches it (on the caller's thread).
    fn run(&self, scan: Scan) {
        if scan.stale {
            let _ = scan.save_unless(&self.stop);
        }
        drop(scan);
        self.done.store(true, Ordering::SeqCst);
    }

    /// Waits up to `within` for the save to end, then stops it and waits for it to clean up.
    /// A listing still being made is stopped at once: there is nothing to save yet. A save
    /// whose listing never began has nothing to wait for.
    pub fn finish(&self, within: Duration) {
        let deadline = Instant::now() + within;
        while !self.done.load(Ordering::SeqCst) {
            if Instant::now() >= deadline || self.scanning.load(Ordering::SeqCst) {
                self.stop.store(true, Ordering::SeqCst);
            }
            // A stopped save ends at its next entry; the bound is a safeguard.
            if Instant::now() >= deadline + Duration::from_secs(2) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
