//! End-to-end tests in a real terminal (the harness is `common::tmux`): the built binary runs
//! inside tmux, keys are sent with `tmux send-keys`, the screen is read with
//! `tmux capture-pane`, and what ends up on disk is read back through the CLI. Each test has
//! its own tmux server and its own data directory. Without tmux on PATH the tests say so on
//! stderr and pass.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::tmux::{
    BIN, TITLE, Tui, WAIT, cli_ok, exported_notes, sh_quote, tmux_installed, wait_exit,
};

#[test]
fn start_type_notes_quit_restores_terminal() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let typed = "Zoë belde 1200 — 漢字 ✓";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    tui.leave_notes();
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(typed),
        "the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn cli_log_from_outside_appears() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    assert!(!tui.screen().contains("sent on again"));
    cli_ok(
        tui.dir(),
        &[
            "log",
            &tui.id,
            "redirect",
            "--from",
            "1200",
            "--to",
            "0800-0403",
            "sent on again",
        ],
    );
    let screen = tui.wait_until("the logged redirect", Duration::from_secs(3), |s| {
        s.contains("sent on again")
    });
    assert!(
        screen.contains("redirects 1"),
        "the counters did not count the redirect:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// Types notes and sends `signal` before the autosave could have run: the process is gone
/// within one second, hands the terminal back, and the notes are on disk.
fn signal_saves_typed_notes(signal: &str) {
    if !tmux_installed() {
        return;
    }
    if !Path::new("/proc/self").exists() {
        eprintln!("SKIPPED: no /proc to find the process in");
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    let typed = format!("saved on {signal} 漢字");
    tui.edit_notes();
    tui.type_text(&typed);
    // On screen means the program has read the keys; the autosave waits two seconds more.
    tui.wait_for(&typed);
    // The case file stores text unescaped; the typed text must not be there yet, or the test
    // would show the autosave and not the signal handling.
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let on_disk = std::fs::read_to_string(&file).expect("the case file is readable");
    assert!(
        !on_disk.contains(&typed),
        "the notes were saved before the signal was sent (too slow to test {signal})"
    );
    let out = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .output()
        .expect("kill runs");
    assert!(
        out.status.success(),
        "kill -{signal} {pid}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_exit(pid, Duration::from_secs(1), &format!("SIG{signal}"));
    let screen = tui.wait_for("EXITED:");
    assert_eq!(
        tui.display("#{alternate_on}"),
        "0",
        "the alternate screen is still on after {signal}:\n{screen}"
    );
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(&typed),
        "after {signal} the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn sighup_saves_typed_notes() {
    signal_saves_typed_notes("HUP");
}

#[test]
fn sigterm_saves_typed_notes() {
    signal_saves_typed_notes("TERM");
}

#[test]
fn sigquit_saves_typed_notes() {
    signal_saves_typed_notes("QUIT");
}

/// SIGTERM while the typed notes cannot be saved into their case (the file broke in place
/// without its size or time changing, so the TUI has not noticed): the notes go to the rescue
/// file, as they do when a save fails while the TUI runs, and the broken file is left alone.
#[test]
fn a_signal_when_the_case_cannot_be_saved_rescues_the_typed_notes() {
    if !tmux_installed() {
        return;
    }
    if !Path::new("/proc/self").exists() {
        eprintln!("SKIPPED: no /proc to find the process in");
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    let typed = "gered bij SIGTERM: klantnummer 1234567 漢字";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let meta = std::fs::metadata(&file).expect("the case file");
    let text = std::fs::read_to_string(&file).expect("the case file is readable");
    assert!(
        !text.contains(typed),
        "the notes were saved before the signal was sent (too slow to test)"
    );
    let broken = text.replacen("schema: 1,", "schema: X,", 1);
    assert_eq!(broken.len(), text.len());
    std::fs::write(&file, &broken).expect("break the case file");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(meta.modified().expect("mtime")))
        .expect("put the old time back");
    let out = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .output()
        .expect("kill runs");
    assert!(out.status.success());
    wait_exit(pid, Duration::from_secs(1), "SIGTERM");
    let rescue = common::rescue_of(tui.dir(), &tui.id);
    let rescued = std::fs::read_to_string(&rescue).unwrap_or_else(|e| {
        panic!(
            "the typed notes are lost: no rescue file ({e}); the case file still holds {:?}",
            exported_notes_or_reason(tui.dir(), &tui.id)
        )
    });
    assert!(rescued.contains(typed), "rescued {rescued:?}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("case file"),
        broken,
        "the broken file is never overwritten"
    );
}

/// The notes of case `id` if its file can be read, else why not.
fn exported_notes_or_reason(dir: &Path, id: &str) -> String {
    let store = runaround::storage::Store::open(dir).expect("open");
    match store.load(id) {
        Ok(runaround::storage::Entry::Readable { body: case, .. }) => case.notes,
        Ok(runaround::storage::Entry::Unreadable {
            problem: reason, ..
        }) => {
            format!("(unreadable: {reason})")
        }
        Err(e) => format!("({e})"),
    }
}

#[test]
fn resize_does_not_break() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.tmux(&["resize-window", "-t", "main", "-x", "20", "-y", "6"]);
    let screen = tui.wait_for("too small");
    assert!(
        !screen.contains(TITLE),
        "the panes are still drawn at 20x6:\n{screen}"
    );
    tui.tmux(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    let screen = tui.wait_until("the panes at 100x30", WAIT, |s| {
        s.contains(TITLE) && s.contains("Timeline") && !s.contains("too small")
    });
    assert!(
        screen.contains("Notes"),
        "no Notes pane at 100x30:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn bracketed_paste_into_notes() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.edit_notes();
    tui.tmux(&[
        "set-buffer",
        "-b",
        "e2e",
        "--",
        "Ticket 漢字\u{1b}[2J klaar",
    ]);
    tui.tmux(&["paste-buffer", "-p", "-b", "e2e", "-t", "main"]);
    tui.wait_for("klaar");
    tui.leave_notes();
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    // Bracketed paste was switched off on the way out: a paste now reaches the shell's
    // terminal (which echoes it) without the bracket markers.
    tui.tmux(&["set-buffer", "-b", "after", "--", "pasted-after-exit"]);
    tui.tmux(&["paste-buffer", "-p", "-b", "after", "-t", "main"]);
    let screen = tui.wait_for("pasted-after-exit");
    assert!(
        !screen.contains("200~"),
        "bracketed paste is still on after exit:\n{screen}"
    );
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(notes.contains("漢字"), "the notes are {notes:?}");
    // The escape sequence went whole, not only its ESC.
    assert!(notes.contains("漢字 klaar"), "the notes are {notes:?}");
    assert!(!notes.contains("[2J"), "the notes are {notes:?}");
    assert!(notes.contains("klaar"), "the notes are {notes:?}");
    assert!(
        !notes.contains('\u{1b}'),
        "an ESC byte reached the notes: {notes:?}"
    );
}

/// The three rows of the big stopwatch digits: the row with the phase label and its neighbours.
fn stopwatch_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(at) = lines
        .iter()
        .position(|l| l.contains("ON HOLD") || l.contains("TALKING"))
    else {
        return Vec::new();
    };
    lines[at.saturating_sub(1)..(at + 2).min(lines.len())]
        .iter()
        .map(|l| (*l).to_string())
        .collect()
}

#[test]
fn call_stopwatch_ticks() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.keys(&["c"]);
    tui.wait_for("Calling");
    tui.keys(&["Enter"]);
    let first = tui.wait_until("ON HOLD without the number prompt", WAIT, |s| {
        s.contains("ON HOLD") && !s.contains("Calling")
    });
    let before = stopwatch_rows(&first);
    assert_eq!(before.len(), 3, "no stopwatch on screen:\n{first}");
    tui.wait_until("the stopwatch to move", Duration::from_millis(2500), |s| {
        let now = stopwatch_rows(s);
        now.len() == 3 && now != before
    });
    tui.keys(&["a"]);
    tui.wait_until("TALKING", WAIT, |s| {
        s.contains("TALKING") && !s.contains("ON HOLD")
    });
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    // The running call was saved with the case: it is there when the TUI opens again, still
    // in the phase it was left in.
    tui.restart();
    let screen = tui.wait_until("the call after reopening", WAIT, |s| {
        s.contains("ON HOLD") || s.contains("TALKING")
    });
    assert!(
        screen.contains("TALKING"),
        "the call reopened, but not as talking:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// Closing the terminal (a terminal window closed, an ssh connection dropped) hangs up the
/// program: it gets SIGHUP and its terminal reads end-of-file. It must save the typed notes and
/// exit, as it does for a SIGHUP sent on its own.
#[test]
fn closed_terminal_saves_typed_notes_and_exits() {
    if !tmux_installed() {
        return;
    }
    if !Path::new("/proc/self").exists() {
        eprintln!("SKIPPED: no /proc to find the process in");
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    let typed = "typed before the hangup 漢字";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    // Killing the server closes the pane's pseudo-terminal.
    tui.tmux(&["kill-server"]);
    wait_exit(pid, Duration::from_secs(3), "its terminal was closed");
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(typed),
        "after the hangup the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn notes_typed_into_a_case_that_turns_unreadable_are_rescued() {
    use std::os::unix::fs::PermissionsExt;
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let typed = "nummer 0800-0403, wachttijd 20 min 漢字";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    // Someone breaks the file in place (no rename, so only the watch of the case on screen
    // can see it).
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let broken = b"(schema: 1, id: \"broken".to_vec();
    std::fs::write(&file, &broken).expect("the case file can be overwritten");
    let screen = tui.wait_for("not saved");
    let rescue = common::rescue_of(tui.dir(), &tui.id);
    let rescued = std::fs::read_to_string(&rescue)
        .unwrap_or_else(|e| panic!("no rescue file ({e}):\n{screen}"));
    assert!(rescued.contains(typed), "rescued {rescued:?}");
    let mode = std::fs::metadata(&rescue)
        .expect("rescue file")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the rescue file is private");
    assert_eq!(
        std::fs::read(&file).expect("case file"),
        broken,
        "the broken file is never overwritten"
    );
    // The typing is still on screen (the file may read again, and the notes be saved then).
    assert!(screen.contains("nummer 0800-0403"), "{screen}");
    // Leaving with the notes only in the rescue file asks first.
    tui.keys(&["Escape"]);
    tui.wait_gone("Notes editing");
    tui.keys(&["q"]);
    tui.wait_for("quit anyway?");
    tui.keys(&["y"]);
    let screen = tui.wait_for("EXITED:");
    assert!(screen.contains("EXITED:0"), "{screen}");
}

/// The `runaround-demo-*` directories in `tmp`.
fn demo_dirs(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("runaround-demo-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_demo_journal_is_removed_on_quit_and_on_sigterm() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let tmp = tui.dir().join("tmp");
    std::fs::create_dir(&tmp).expect("a temp dir for the demo");
    let demo = format!(
        "printf '\\033[H\\033[2J'; TMPDIR={} TZ=Europe/Amsterdam {} demo; echo EXITED:$?; sleep 60",
        sh_quote(&tmp.to_string_lossy()),
        sh_quote(BIN)
    );
    for how in ["q", "TERM"] {
        tui.tmux(&["respawn-pane", "-k", "-t", "main", &demo]);
        tui.wait_for("demo journal");
        assert_eq!(
            demo_dirs(&tmp).len(),
            1,
            "the demo runs in one temporary journal"
        );
        if how == "q" {
            tui.keys(&["q"]);
        } else {
            let pid = tui.program_pid();
            let out = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .output()
                .expect("kill runs");
            assert!(out.status.success());
            wait_exit(pid, Duration::from_secs(2), "SIGTERM");
        }
        tui.wait_for("EXITED:");
        assert!(
            demo_dirs(&tmp).is_empty(),
            "after {how} the demo journal is left: {:?}",
            demo_dirs(&tmp)
        );
    }
}

#[test]
fn a_case_file_deleted_elsewhere_leaves_the_list_at_once() {
    if !tmux_installed() {
        return;
    }
    // A second case, and neither has an outage or a call, so nothing on screen ticks
    // and only the change on disk can bring a redraw.
    let other = "Telefoon kapot";
    let tui = Tui::start_with("", |dir, _| {
        cli_ok(dir, &["new", other, "--org", "KPN"]);
    });
    tui.wait_for(other);
    std::fs::remove_file(tui.dir().join("cases").join(format!("{}.ron", tui.id)))
        .expect("delete the first case's file");
    tui.wait_until(
        "the deleted case to leave the list",
        Duration::from_secs(3),
        |s| !s.contains(TITLE) && s.contains(other),
    );
}
