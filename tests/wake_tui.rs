//! In a real terminal (tmux, see `common::tmux`): what another process writes into the journal
//! shows on screen at once, told by the file system's notifications; where those cannot be
//! had (`RUNAROUND_WATCH=poll` stands in for that), within the few seconds of a look.

mod common;

use std::time::{Duration, Instant};

use common::tmux::{TITLE, Tui, cli_ok, tmux_installed};

/// Starts the TUI with `prefix`, then writes into its journal from other processes and waits
/// at most `within` for each change to show. Returns how long each took.
fn changes_from_elsewhere_show(prefix: &str, within: Duration) -> Vec<Duration> {
    let tui = Tui::start_with(prefix, |_, _| {});
    let mut took = Vec::new();
    let mut shows = |what: &str, change: &dyn Fn()| {
        change();
        let start = Instant::now();
        tui.wait_until(what, within, |s| s.contains(what));
        took.push(start.elapsed());
    };
    // A case made by `runaround new` in another terminal joins the list.
    shows("Telefoon kapot", &|| {
        cli_ok(tui.dir(), &["new", "Telefoon kapot", "--org", "Ziggo"]);
    });
    // An event logged by `runaround log` into the case on screen joins its timeline.
    shows("monteur komt dinsdag", &|| {
        cli_ok(tui.dir(), &["log", &tui.id, "note", "monteur komt dinsdag"]);
    });
    assert!(tui.screen().contains(TITLE));
    took
}

#[test]
fn another_process_changes_show_at_once_when_the_file_system_tells() {
    if !tmux_installed() {
        return;
    }
    let took = changes_from_elsewhere_show("", Duration::from_millis(1500));
    eprintln!("told: shown after {took:?}");
}

#[test]
fn another_process_changes_show_within_a_look_when_polling() {
    if !tmux_installed() {
        return;
    }
    // A look every 2 s: within 3 s, with room for a loaded machine.
    let took = changes_from_elsewhere_show("RUNAROUND_WATCH=poll", Duration::from_secs(3));
    eprintln!("polled: shown after {took:?}");
}

/// A case file edited in place (as a text editor or a file syncer may do it) leaves the
/// directory as it was: only the notification names it, and the list shows it at once.
#[test]
fn a_case_file_edited_in_place_shows_when_the_file_system_tells() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, _| {
        cli_ok(dir, &["new", "Telefoon kapot", "--org", "Ziggo"]);
    });
    tui.wait_for("Telefoon kapot");
    let other = cli_ok(tui.dir(), &["list", "--all", "--json"]);
    let cases: serde_json::Value = serde_json::from_str(&other).expect("list --json");
    let id = cases
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .find(|id| *id != tui.id)
        .expect("the other case")
        .to_string();
    let path = tui.dir().join("cases").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&path).expect("the case file");
    assert!(text.contains("Telefoon kapot"));
    let before = std::fs::metadata(tui.dir().join("cases"))
        .and_then(|m| m.modified())
        .expect("the directory's time");
    // Written over in place, as `>` in a shell does: no rename, no new directory entry.
    std::fs::write(&path, text.replace("Telefoon kapot", "Telefoon stuk")).expect("written");
    let after = std::fs::metadata(tui.dir().join("cases"))
        .and_then(|m| m.modified())
        .expect("the directory's time");
    assert_eq!(before, after, "the directory did not change");
    tui.wait_until("the new title", Duration::from_millis(1500), |s| {
        s.contains("Telefoon stuk")
    });
}

/// The context switches (voluntary and involuntary) of every thread of process `pid`: each
/// time one of its threads woke and slept again, or was put off the CPU.
#[allow(clippy::expect_used)]
fn switches(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process runs");
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| {
                    l.starts_with("voluntary_ctxt_switches:")
                        || l.starts_with("nonvoluntary_ctxt_switches:")
                })
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// How often the TUI on `tui` wakes over ten idle seconds, once it has settled.
fn idle_wakeups(tui: &Tui) -> u64 {
    let pid = tui.program_pid();
    // The first frame, the selected case read, the first look at the journal: then quiet.
    std::thread::sleep(Duration::from_secs(2));
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(10));
    switches(pid) - before
}

/// Nothing on screen ticks: the TUI sleeps (it wakes once a minute at most; a blocked thread
/// is not woken by other load on the machine).
#[test]
fn an_idle_tui_with_nothing_ticking_does_not_wake_for_ten_seconds() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let woke = idle_wakeups(&tui);
    eprintln!("woke {woke} times in 10 s");
    assert!(woke <= 1, "woke {woke} times in 10 s");
}

/// An outage of three hours reads `3h`, then `3h 01m`: it changes once a minute, so ten
/// seconds see one wake-up at most (its minute), not ten; the frame drawn then may be put off
/// the CPU once on a loaded machine, so two switches are allowed.
#[test]
fn an_idle_tui_on_an_outage_of_hours_wakes_on_its_minute_only() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        cli_ok(dir, &["log", id, "outage", "down", "--at", "-3h"]);
    });
    tui.wait_for("without service 3h");
    let woke = idle_wakeups(&tui);
    eprintln!("woke {woke} times in 10 s");
    assert!(woke <= 2, "woke {woke} times in 10 s");
}
