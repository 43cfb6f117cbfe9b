//! Hidden fault injection, for the reliability tests: with `RUNAROUND_FAULT` set, saves of
//! case files fail at one step, or the TUI panics.
//!
//! `RUNAROUND_FAULT=write`, `fsync` or `rename` fails every case save at that step;
//! `write:N` (and so on) fails only the first N saves of the process, so a retry can be seen
//! to succeed. `disk` fails every write into the data directory, as a full or read-only disk
//! would: case saves (at the write step) and the rescue file beside them, so that only a
//! rescue to another filesystem can work. `panic` makes the TUI panic at the first frame it draws while typed notes are
//! unsaved (so a test can see them saved and the terminal restored). `slow-listing` makes the
//! TUI's listing of a big journal wait two seconds before it begins (so a test can see the
//! first screen drawn from the index's first page before the rest comes).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// A step that can be made to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Write,
    Fsync,
    Rename,
    /// The data directory cannot be written at all (see the module's doc).
    Disk,
    Panic,
    SlowListing,
}

struct Plan {
    fault: Fault,
    /// How many times it strikes (`None`: always).
    times: Option<u64>,
}

static PLAN: OnceLock<Option<Plan>> = OnceLock::new();
static STRUCK: AtomicU64 = AtomicU64::new(0);

fn plan() -> Option<&'static Plan> {
    PLAN.get_or_init(|| {
        let value = std::env::var("RUNAROUND_FAULT").ok()?;
        let (name, times) = match value.split_once(':') {
            Some((name, n)) => (name.to_string(), n.trim().parse().ok()),
            None => (value, None),
        };
        let fault = match name.trim() {
            "write" => Fault::Write,
            "fsync" => Fault::Fsync,
            "rename" => Fault::Rename,
            "disk" => Fault::Disk,
            "panic" => Fault::Panic,
            "slow-listing" => Fault::SlowListing,
            _ => return None,
        };
        Some(Plan { fault, times })
    })
    .as_ref()
}

/// Whether `step` is to fail now (counting it as struck).
pub fn strikes(step: Fault) -> bool {
    // A disk that takes no writes fails case saves at their first step, too.
    let Some(plan) =
        plan().filter(|p| p.fault == step || (p.fault == Fault::Disk && step == Fault::Write))
    else {
        return false;
    };
    let struck = STRUCK.fetch_add(1, Ordering::Relaxed);
    plan.times.is_none_or(|n| struck < n)
}

/// The error an injected fault gives.
pub fn error(step: Fault) -> std::io::Error {
    std::io::Error::other(format!(
        "injected fault at {} (RUNAROUND_FAULT)",
        format!("{step:?}").to_lowercase()
    ))
}
