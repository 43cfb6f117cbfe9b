//! The journal as `list` reads it: through the index, the case files it must read read on
//! every core, saying on standard error how far that has got when standard error is a terminal
//! (a script or a pipe hears nothing of it).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};

use crate::i18n::fmt;
use crate::index::Scan;
use crate::storage::{StorageError, Store};

/// Lists the journal in `store` at `now`.
pub fn scan(store: &Store, now: DateTime<Utc>) -> Result<Scan, StorageError> {
    if !std::io::stderr().is_terminal() {
        return Scan::new(store, now);
    }
    let told = AtomicBool::new(false);
    let progress = |read: usize, total: usize| {
        told.store(true, Ordering::Relaxed);
        let line = crate::t!(
            "start-cli-reading",
            read = fmt::number(read as u64),
            total = fmt::number(total as u64)
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
    };
    let scan = Scan::telling(store, now, &progress);
    if told.load(Ordering::Relaxed) {
        // The line goes, so that what `list` prints starts on a clean one.
        eprint!("\r\x1b[K");
    }
    scan
}
