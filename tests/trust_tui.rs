//! The TUI and the file system, in a real terminal (tmux): starting it leaves other programs'
//! files beside a case alone, a FIFO in place of the index or a lock holds nothing up (and
//! SIGTERM still ends it), a case another process holds locked keeps the screen responsive and
//! the typed text, saved once the lock is free, and a quit right after a cold start leaves no
//! half-written index behind.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use common::tmux::{TITLE, Tui, exported_notes, tmux_installed, wait_exit};
use runaround::domain::{Case, Event, Kind};
use runaround::storage::Store;

fn mkfifo(path: &Path) {
    let out = Command::new("mkfifo").arg(path).output().expect("mkfifo");
    assert!(out.status.success(), "mkfifo {}", path.display());
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn starting_the_tui_leaves_other_programs_files_beside_a_case() {
    if !tmux_installed() {
        return;
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let names = |id: &str| {
        (
            [
                format!(".{id}.ron.swp"),
                format!(".{id}.ron.orig"),
                format!(".{id}.ron.backup"),
            ],
            format!(".{id}.ron.Ab12Cd.tmp"),
        )
    };
    let tui = Tui::start_with("", |dir, id| {
        let (theirs, ours) = names(id);
        for name in theirs.iter().chain([&ours]) {
            let file = fs::File::create(dir.join("cases").join(name)).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    });
    let (theirs, ours) = names(&tui.id);
    let cases = tui.dir().join("cases");
    // The cleaning is done before the first frame.
    for name in &theirs {
        assert!(cases.join(name).exists(), "starting the TUI removed {name}");
    }
    assert!(
        !cases.join(&ours).exists(),
        "a temp file of a dead save is left"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    for name in &theirs {
        assert!(cases.join(name).exists(), "quitting removed {name}");
    }
}

#[test]
fn a_fifo_as_the_index_or_a_lock_does_not_hang_the_tui() {
    if !tmux_installed() {
        return;
    }
    // The index: the TUI starts as if there were none.
    let tui = Tui::start_with("", |dir, _| mkfifo(&dir.join("index")));
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");

    // The case's lock: its save fails at once, naming the file; the typed text is rescued,
    // and SIGTERM still ends the program.
    let tui = Tui::start_with("", |dir, id| {
        let lock = dir.join("cases").join(format!("{id}.lock"));
        let _ = fs::remove_file(&lock);
        mkfifo(&lock);
    });
    tui.edit_notes();
    tui.type_text("door de fifo");
    tui.wait_until("the failed save", Duration::from_secs(15), |s| {
        s.contains("not saved") && s.contains("rescued-notes")
    });
    tui.type_text(" en verder");
    tui.wait_for("door de fifo en verder");
    let pid = tui.program_pid();
    let kill = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .output()
        .unwrap();
    assert!(kill.status.success());
    wait_exit(pid, Duration::from_secs(5), "SIGTERM");
    let rescued =
        fs::read_to_string(common::rescue_of(tui.dir(), &tui.id)).expect("the notes were rescued");
    assert!(rescued.starts_with("door de fifo"), "{rescued}");
}

#[test]
fn a_case_locked_elsewhere_keeps_the_tui_responsive_and_its_notes_are_saved_later() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(tui.dir().join("cases").join(format!("{}.lock", tui.id)))
        .unwrap();
    lock.lock().unwrap();
    std::os::unix::fs::FileExt::write_all_at(
        &lock,
        format!("{:>10}\n", std::process::id()).as_bytes(),
        0,
    )
    .unwrap();

    tui.edit_notes();
    tui.type_text("getypt terwijl");
    // The pid in the lock file is named only as the last to take it, and only while it lives.
    tui.wait_until("the save to be put off", Duration::from_secs(15), |s| {
        s.contains("will retry: case") && s.contains("in use by another process")
    });
    // Typing and moving still answer at once.
    tui.type_text(" het slot vastzat");
    tui.wait_for("getypt terwijl het slot vastzat");
    tui.leave_notes();
    tui.keys(&["Tab"]);
    tui.wait_for("┏ Cases");
    tui.keys(&["Tab", "Tab"]);
    tui.wait_for("┏ Notes");
    assert_eq!(exported_notes(tui.dir(), &tui.id), "", "saved while locked");

    drop(lock);
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let notes = exported_notes(tui.dir(), &tui.id);
        if notes == "getypt terwijl het slot vastzat" {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the notes were not saved once the lock was free: {notes:?}\n{}",
            tui.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    assert!(
        common::rescues(tui.dir(), &tui.id).is_empty(),
        "a save put off by a lock is not a rescue"
    );
}

/// The names in `dir` that start like the index's temp files.
fn index_temps(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".index."))
        .collect()
}

#[test]
fn a_quit_right_after_a_cold_start_leaves_no_half_written_index() {
    const CASES: usize = 300;
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, _| {
        let store = Store::open(dir).unwrap();
        let long = "wachtmuziek en weer doorverbonden naar de volgende afdeling ".repeat(2);
        for n in 0..CASES {
            let mut case = Case::new(
                format!("cold-{n:03}"),
                format!("Oude zaak {n}"),
                "Ziggo",
                t("2020-01-01T09:00:00Z"),
            );
            for k in 0..200 {
                let at = t("2020-01-01T10:00:00Z") + chrono::Duration::minutes(k);
                case.add_event(Event::new(Kind::Note, at, format!("{k}: {long}")));
            }
            store.insert(&case).unwrap();
        }
        runaround::index::remove(&store).unwrap();
    });
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    let left = index_temps(tui.dir());
    assert!(left.is_empty(), "temp files of the index left: {left:?}");
    // The index is there whole, or not at all.
    if let Ok(bytes) = fs::read(tui.dir().join("index")) {
        assert!(bytes.starts_with(b"runaround index 4\n"));
        let tail = String::from_utf8_lossy(&bytes[bytes.len() - 31..]).into_owned();
        let (at, crc) = tail.trim().split_once(' ').expect("a trailer");
        assert!(
            at.len() == 20 && at.parse::<u64>().is_ok() && crc.len() == 8,
            "{tail:?}"
        );
    }
    assert!(
        common::tmux::cli_ok(tui.dir(), &["list", "--all"]).contains(TITLE),
        "the journal lists"
    );
}

/// Notes rescued in an earlier run are pointed out when the TUI starts, so they are not
/// forgotten in a file nobody looks at.
#[test]
fn notes_rescued_in_an_earlier_run_are_pointed_out_at_start() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        fs::write(
            dir.join(format!("rescued-notes-{id}-20261201T093000.txt")),
            "getypt toen de schijf vol was",
        )
        .unwrap();
    });
    let screen = tui.wait_for("notes rescued earlier wait in");
    assert!(screen.contains("rescued-notes-"), "{screen}");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}
