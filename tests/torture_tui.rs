//! The TUI under faults, in a real terminal (tmux, harness in `common::tmux`): killed with
//! SIGKILL while it autosaves notes, typed into while the CLI logs into the same case, resized
//! through absurd sizes while typing, and fed a megabyte of hostile bracketed paste.
//! Without tmux on PATH the tests say so on stderr and pass.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::rng::{Rng, seed};
use common::tmux::{TITLE, Tui, WAIT, cli_ok, runaround_alive, tmux_installed, wait_exit};
use runaround::domain::Case;
use runaround::storage::{Entry, Store};

/// Case `id` as it is on disk now; fails the test when any case file does not parse.
fn on_disk(dir: &Path, id: &str) -> Case {
    let store = Store::open(dir).expect("open the journal");
    let mut found = None;
    for entry in store.load_all().expect("load_all") {
        match entry {
            Entry::Readable { body: case, .. } => {
                if case.id == id {
                    found = Some(case);
                }
            }
            Entry::Unreadable { id, problem, .. } => {
                panic!("{} does not parse: {problem}", store.path(&id).display())
            }
        }
    }
    found.unwrap_or_else(|| panic!("case {id} is gone"))
}

/// The first 120 characters of a long text, for messages.
fn start_of(text: &str) -> String {
    text.chars().take(120).collect()
}

/// The temp files of saves in the journal's `cases/` (`.ID.ron.XXXXXX`).
fn strays(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("cases"))
        .expect("read cases")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains(".ron."))
        .collect()
}

/// A shell that sends SIGKILL with its builtin `kill` to each pid written to it: much quicker
/// than starting `kill(1)`, which matters when the kill must land inside a save.
struct Killer {
    child: std::process::Child,
    replies: std::io::BufReader<std::process::ChildStdout>,
}

impl Killer {
    fn new() -> Killer {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"while read -r pid; do kill -KILL "$pid"; echo "$?"; done"#)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("sh runs");
        let replies = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        Killer { child, replies }
    }

    fn kill(&mut self, pid: u32) {
        use std::io::{BufRead, Write};
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{pid}").expect("write to the killer");
        stdin.flush().expect("flush");
        let mut reply = String::new();
        self.replies.read_line(&mut reply).expect("read the killer");
        assert_eq!(reply.trim(), "0", "kill -KILL {pid} failed");
    }
}

impl Drop for Killer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The case file's inode, size and modification time, and the temp files, before a round's
/// typing.
struct Snapshot {
    file: Option<(u64, u64, i64, i64)>,
    strays: Vec<String>,
}

fn case_file(tui: &Tui) -> Option<(u64, u64, i64, i64)> {
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    std::fs::metadata(file)
        .map(|m| (m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
        .ok()
}

fn snapshot(tui: &Tui) -> Snapshot {
    Snapshot {
        file: case_file(tui),
        strays: strays(tui.dir()),
    }
}

/// Waits for the autosave's temp file to appear and kills the program with SIGKILL at once,
/// so the kill lands inside the save. A save can be over before a busy machine lets this look
/// (the case file changed and no temp file was seen): then it kills all the same and says so. Returns how long it waited and whether it saw the temp file.
fn kill_mid_save(tui: &Tui, killer: &mut Killer, pid: u32, before: &Snapshot) -> (Duration, bool) {
    let start = Instant::now();
    loop {
        let seen = strays(tui.dir()).iter().any(|s| !before.strays.contains(s));
        if seen || case_file(tui) != before.file {
            killer.kill(pid);
            return (start.elapsed(), seen);
        }
        assert!(
            start.elapsed() < Duration::from_secs(6),
            "no autosave within 6 s"
        );
    }
}

/// The Notes pane's title once the notes are shown as saved: focused, neither "editing" nor
/// "unsaved".
const NOTES_SAVED: &str = "┏ Notes ━";

/// kill -9 while the notes autosave runs, six times, with a case big enough (~1 MB of notes)
/// that a save takes a while: twice the moment the save's temp file appears (mid-save), twice
/// at a random delay around the autosave, twice right after the screen showed the notes saved
/// (Esc, then a title without "editing"/"unsaved"). Every time: the case file parses, the
/// notes are either the version before the round or that version with the round's text (never
/// a mix), and notes shown as saved are on disk. The next start cleans the killed saves' temp
/// files.
#[test]
#[allow(clippy::too_many_lines)]
fn tui_killed_during_notes_autosave_keeps_a_parseable_file_and_the_saved_notes() {
    if !tmux_installed() {
        return;
    }
    let mut rng = Rng(seed("tui kill"));
    // 14,000 lines of earlier notes (~1 MB): every save rewrites and fsyncs all of them.
    let mut earlier = String::new();
    for i in 0..14_000 {
        let _ = writeln!(
            earlier,
            "{i:05} eerder: monteur kwam niet, 0800-0403 zegt 'morgen' 漢字"
        );
    }
    let tui = Tui::start_with("", |dir, id| {
        let store = Store::open(dir).expect("open");
        store
            .update(id, |c| {
                c.notes.clone_from(&earlier);
                Ok::<_, String>(())
            })
            .expect("seed the notes");
    });
    let mut killer = Killer::new();
    let mut expected = on_disk(tui.dir(), &tui.id).notes;
    assert_eq!(expected, earlier);
    let (mut autosaved, mut kept_old, mut mid_save) = (0, 0, 0);
    for round in 0..6 {
        if round > 0 {
            tui.restart();
        }
        let pid = tui.program_pid();
        tui.edit_notes();
        // The editor opens with the cursor at the top: typed text goes first.
        let typed = format!("ronde-{round} gebeld om {round}:15 ");
        let before = snapshot(&tui);
        tui.type_text(&typed);
        tui.wait_for(typed.trim_end());
        let shown_saved = round % 3 == 2;
        let how = match round % 3 {
            0 => {
                let (took, seen) = kill_mid_save(&tui, &mut killer, pid, &before);
                mid_save += usize::from(seen);
                if seen {
                    format!("mid-save, {took:?} after typing")
                } else {
                    format!("just after a save too quick to catch, {took:?} after typing")
                }
            }
            1 => {
                // The autosave runs 2-3 s after the last key (at the first tick after 2 s).
                let delay = rng.between(Duration::from_secs(1), Duration::from_millis(3200));
                sleep(delay);
                killer.kill(pid);
                format!("{delay:?} after typing")
            }
            _ => {
                tui.keys(&["Escape"]);
                tui.wait_for(NOTES_SAVED);
                killer.kill(pid);
                "right after the screen showed the notes saved".to_string()
            }
        };
        wait_exit(pid, Duration::from_secs(2), "SIGKILL");
        let notes = on_disk(tui.dir(), &tui.id).notes;
        let with_round = format!("{typed}{expected}");
        if shown_saved {
            assert!(
                notes == with_round,
                "round {round}: notes shown as saved are not on disk after kill -9 {how}; \
                 on disk {} bytes starting {:?}, expected {} bytes starting {:?}",
                notes.len(),
                start_of(&notes),
                with_round.len(),
                start_of(&with_round)
            );
        } else {
            assert!(
                notes == expected || notes == with_round,
                "round {round}: after kill -9 {how} the notes are neither the old nor the new \
                 version; they start {:?}",
                start_of(&notes)
            );
            if notes == with_round {
                autosaved += 1;
            } else {
                kept_old += 1;
            }
        }
        eprintln!(
            "round {round}: killed {how}; saved: {}; temp files left: {}",
            notes == with_round,
            strays(tui.dir()).len()
        );
        expected = notes;
    }
    eprintln!(
        "kills around the autosave: {autosaved} after the save, {kept_old} before it, \
         {mid_save} of 2 inside it"
    );

    // The journal still opens, stray temp files of killed saves are cleaned, and it quits
    // normally.
    tui.restart();
    tui.wait_for("ronde-5");
    let left = strays(tui.dir());
    assert!(
        left.is_empty(),
        "stray temp files after a restart: {left:?}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    let notes = on_disk(tui.dir(), &tui.id).notes;
    assert!(
        notes == expected,
        "after quitting the notes start {:?}",
        start_of(&notes)
    );
}

/// Notes typed in the TUI (with two autosaves while the CLI logs) while the CLI logs 20 events
/// into the same case from another process: every event is there once, and the notes are
/// exactly what was typed.
#[test]
fn tui_typing_notes_while_the_cli_logs_20_events_loses_neither() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.edit_notes();
    let dir = tui.dir().to_path_buf();
    let id = tui.id.clone();
    let logger = std::thread::spawn(move || {
        for i in 0..20 {
            cli_ok(&dir, &["log", &id, "note", &format!("cli-{i:02}")]);
            sleep(Duration::from_millis(250));
        }
    });
    let chunks = [
        "eerst 1200 gebeld, ",
        "toen 0800-0403, ",
        "daarna 088-0402 漢字",
    ];
    // The CLI logs for about 5.5 s; each pause is long enough for an autosave to run while it
    // does (each autosave reads the case under the lock: events logged since the TUI last
    // looked must survive it).
    tui.type_text(chunks[0]);
    sleep(Duration::from_millis(2600));
    tui.type_text(chunks[1]);
    sleep(Duration::from_millis(2600));
    tui.type_text(chunks[2]);
    logger.join().expect("the CLI logged its events");
    let typed = chunks.concat();
    // The TUI picked up the CLI's events without losing what is in the editor.
    let screen = tui.wait_until("all 20 events and the typed notes", WAIT, |s| {
        s.contains("Timeline (20)") && s.contains("daarna 088-0402")
    });
    assert!(screen.contains("eerst 1200 gebeld"), "{screen}");
    tui.keys(&["Escape"]);
    tui.wait_for(NOTES_SAVED);
    let case = on_disk(tui.dir(), &tui.id);
    assert_eq!(case.notes, typed);
    let mut summaries: Vec<&str> = case.events.iter().map(|e| e.summary.as_str()).collect();
    summaries.sort_unstable();
    let expected: Vec<String> = (0..20).map(|i| format!("cli-{i:02}")).collect();
    assert_eq!(summaries, expected);
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    assert_eq!(on_disk(tui.dir(), &tui.id).notes, typed);
}

/// Resized through 1x1 (tmux's smallest), a single row, a single column, just below and at the
/// minimum, one pane, 300x100 and back while typing notes at every size: the process stays
/// alive, the screen is whole again at 100x30, and every typed word is saved in order.
#[test]
fn resizing_through_tiny_and_huge_sizes_while_typing_keeps_the_text() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    tui.edit_notes();
    let sizes = [
        (1, 1),
        (300, 100),
        (1, 100),
        (300, 1),
        (2, 1),
        (29, 7),
        (30, 8),
        (69, 24),
        (1, 1),
        (100, 30),
    ];
    let mut typed = String::new();
    for (i, (w, h)) in sizes.into_iter().enumerate() {
        let (w, h) = (w.to_string(), h.to_string());
        tui.tmux(&["resize-window", "-t", "main", "-x", &w, "-y", &h]);
        sleep(Duration::from_millis(100));
        let word = format!("w{i}@{w}x{h} ");
        tui.type_text(&word);
        typed.push_str(&word);
        sleep(Duration::from_millis(150));
        assert!(
            runaround_alive(pid),
            "runaround died at {w}x{h}:\n{}",
            tui.screen()
        );
        if (w.as_str(), h.as_str()) == ("300", "100") {
            tui.wait_until("the panes at 300x100", WAIT, |s| {
                s.contains(TITLE) && s.contains("Notes editing") && s.contains(&word)
            });
        }
    }
    tui.wait_until("the whole screen back at 100x30", WAIT, |s| {
        s.contains(TITLE)
            && s.contains("Timeline")
            && s.contains("Notes editing")
            && s.contains("w9@100x30")
            && !s.contains("too small")
    });
    assert!(runaround_alive(pid));
    tui.keys(&["Escape"]);
    tui.wait_for(NOTES_SAVED);
    assert_eq!(on_disk(tui.dir(), &tui.id).notes, typed);
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// Whether `c` is a terminal control character that must never be stored: C0 other than
/// newline and tab, DEL, C1.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// A megabyte of hostile text: CJK, emoji with ZWJ, combining marks, right-to-left override,
/// NUL, BEL, DEL, C1, and escape sequences that clear the screen and move the cursor home.
fn hostile_paste() -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1 << 20 {
        let _ = writeln!(
            text,
            "{i:05} 漢字 カスタマー 고객 👩\u{200d}💻🎉 e\u{301}a\u{308} \u{202e}tfel-ot-thgir\u{202c} \
             \u{1b}[2J\u{1b}[H \u{0}\u{7}\u{7f}\u{9b}31m\ttab \u{1b}]0;title\u{7} end"
        );
        i += 1;
    }
    text.push_str("LAATSTE-REGEL");
    text
}

/// A 1 MB bracketed paste (tmux `paste-buffer -p`) into the notes editor: a key typed right
/// after it shows within 1.5 s of the paste being handed to tmux, the embedded ESC sequences
/// did not clear the screen (borders and pane titles are still there), and the stored notes hold
/// the CJK and emoji text but no control characters.
#[test]
fn a_megabyte_of_hostile_bracketed_paste_is_cleaned_and_the_ui_stays_responsive() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.edit_notes();
    let text = hostile_paste();
    let file = tui.dir().join("paste.txt");
    std::fs::write(&file, &text).expect("write the paste");
    tui.tmux(&[
        "load-buffer",
        "-b",
        "big",
        file.to_str().expect("a UTF-8 path"),
    ]);
    tui.tmux(&["paste-buffer", "-p", "-b", "big", "-t", "main"]);
    // tmux has the paste on its way to the program; a key typed now reaches the program right
    // after it, and must show within about a second.
    let key = Instant::now();
    tui.type_text(" na-plakken");
    let screen = tui.wait_until(
        "the paste and the key after it",
        Duration::from_secs(60),
        |s| s.contains("LAATSTE-REGEL na-plakken"),
    );
    let answered = key.elapsed();
    eprintln!("a key typed right after a 1 MB paste showed after {answered:?}");
    assert!(
        answered < Duration::from_millis(1500),
        "a key typed right after a 1 MB paste took {answered:?} to show:\n{screen}"
    );
    for title in ["Cases", "Timeline", "Notes editing", TITLE] {
        assert!(
            screen.contains(title),
            "{title:?} is gone after the paste:\n{screen}"
        );
    }
    assert!(
        screen.contains('┏') && screen.contains('┘'),
        "the borders are gone after the paste:\n{screen}"
    );
    assert!(screen.contains("漢字"), "{screen}");

    tui.keys(&["Escape"]);
    tui.wait_until("the notes saved", Duration::from_secs(20), |s| {
        s.contains(NOTES_SAVED)
    });
    let notes = on_disk(tui.dir(), &tui.id).notes;
    let bad: Vec<char> = notes.chars().filter(|c| forbidden(*c)).take(5).collect();
    assert!(bad.is_empty(), "control characters were stored: {bad:?}");
    for needle in [
        "00000 漢字 カスタマー 고객 👩\u{200d}💻🎉 e\u{301}a\u{308} \u{202e}tfel-ot-thgir\u{202c}  \ttab  end",
        "LAATSTE-REGEL na-plakken",
    ] {
        assert!(notes.contains(needle), "the notes lack {needle:?}");
    }
    assert_eq!(
        notes.lines().count(),
        text.lines().count(),
        "lines were lost or added"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}
