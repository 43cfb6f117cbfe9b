//! The journal as the TUI starts on it: listed through its index, whose update is saved on a
//! thread of its own.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::app::Row;
use crate::index::Scan;
use crate::storage::{Stamp, Store};

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
    stop: Arc<std::sync::atomic::AtomicBool>,
    done: Arc<std::sync::atomic::AtomicBool>,
}

impl IndexSave {
    pub fn start(scan: Scan) -> IndexSave {
        use std::sync::atomic::{AtomicBool, Ordering};
        let save = IndexSave {
            stop: Arc::new(AtomicBool::new(false)),
            done: Arc::new(AtomicBool::new(!scan.stale)),
        };
        if scan.stale {
            let thread = save.clone();
            std::thread::spawn(move || {
                let _ = scan.save_unless(&thread.stop);
                drop(scan);
                thread.done.store(true, Ordering::SeqCst);
            });
        }
        save
    }

    /// Waits up to `within` for the save to end, then stops it and waits for it to clean up.
    pub fn finish(&self, within: Duration) {
        use std::sync::atomic::Ordering;
        let deadline = Instant::now() + within;
        while !self.done.load(Ordering::SeqCst) {
            if Instant::now() >= deadline {
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
