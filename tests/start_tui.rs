//! End-to-end under tmux (see `common::tmux`): on a journal bigger than the index's first page,
//! the list is drawn from that page at once, its title saying the rest is being listed, and
//! then the full count appears.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use chrono::Duration;
use common::tmux::{TITLE, Tui, cli_ok, tmux_installed};
use runaround::clock::Clock;
use runaround::domain::{Case, Event, Kind};
use runaround::index::{self, Scan};
use runaround::storage::Store;

/// Adds `cases` older cases to the journal in `dir` and lists it once (its index written).
fn older_cases(dir: &Path, cases: usize) {
    let store = Store::open(dir).unwrap();
    let now = Clock::System.now();
    for i in 0..cases {
        let at = now - Duration::days(2) - Duration::minutes(i as i64);
        let mut case = Case::new(format!("old-{i:04}"), "Older case", "Ziggo", at);
        case.events.push(Event::new(Kind::Call, at, "1200"));
        store.insert(&case).unwrap();
    }
    Scan::new(&store, now).unwrap().save_if_stale().unwrap();
}

#[test]
fn the_title_says_listing_then_the_full_count_appears() {
    if !tmux_installed() {
        return;
    }
    let cases = index::PAGE + 100;
    // The listing waits two seconds, so the first screen can be seen before it comes.
    let tui = Tui::start_with("export RUNAROUND_FAULT=slow-listing;", |dir, _| {
        older_cases(dir, cases);
    });
    let first = tui.screen();
    assert!(first.contains(TITLE), "{first}");
    assert!(
        first.contains("Listing…"),
        "the first screen says so:\n{first}"
    );
    let all = tui.wait_for(&format!("Cases ({} open)", cases + 1));
    assert!(!all.contains("Listing…"), "{all}");
    tui.quit();
}

#[test]
fn a_conflict_copy_is_merged_while_a_big_journal_is_listed_and_said() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        older_cases(dir, index::PAGE + 20);
        let phone = tempfile::tempdir().unwrap();
        fs::create_dir_all(phone.path().join("cases")).unwrap();
        let file = |d: &Path| d.join("cases").join(format!("{id}.ron"));
        fs::copy(file(dir), file(phone.path())).unwrap();
        cli_ok(phone.path(), &["log", id, "note", "typed on the phone"]);
        let copy = dir
            .join("cases")
            .join(format!("{id}.sync-conflict-20260301-101500-PHONE77.ron"));
        fs::copy(file(phone.path()), copy).unwrap();
    });
    let screen = tui.wait_for("conflict copy merged into 'Geen internet na verhuizing' (+1 event)");
    let screen = if screen.contains("typed on the phone") {
        screen
    } else {
        tui.wait_for("typed on the phone")
    };
    assert!(screen.contains("typed on the phone"), "{screen}");
    // The merge is said as soon as it is made, before the listing is in; then every case
    // shows, the merged one with its new event.
    let all = tui.wait_for(&format!("Cases ({} open)", index::PAGE + 21));
    assert!(all.contains("typed on the phone"), "{all}");
    let left = fs::read_dir(tui.dir().join("cases"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("sync-conflict"))
        .count();
    assert_eq!(left, 0, "the copy is removed");
}
