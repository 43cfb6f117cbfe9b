//! End-to-end under tmux (see `common::tmux`): on a journal bigger than the index's first page,
//! the list is drawn from that page at once, its title saying the rest is being listed, and
//! then the full count appears.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::tmux::{TITLE, Tui, tmux_installed};
use runaround::clock::Clock;
use runaround::domain::{Case, Event, Kind};
use runaround::index::{self, Scan};
use runaround::storage::Store;

#[test]
fn the_title_says_listing_then_the_full_count_appears() {
    if !tmux_installed() {
        return;
    }
    let cases = index::PAGE + 100;
    let tui = Tui::start_with("", |dir, _| {
        let store = Store::open(dir).unwrap();
        let now = Clock::System.now();
        for i in 0..cases {
            let at = now - Duration::days(2) - Duration::minutes(i as i64);
            let mut case = Case::new(format!("old-{i:04}"), "Older case", "Ziggo", at);
            case.events.push(Event::new(Kind::Call, at, "1200"));
            store.insert(&case).unwrap();
        }
        Scan::new(&store, now).unwrap().save_if_stale().unwrap();
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
