//! Notes are never lost: typing merged with a version saved elsewhere meanwhile (another TUI,
//! a hand edit of the file), notes that cannot be saved rescued off the data directory's
//! filesystem and not left behind by `q` without asking, the status line that stops saying
//! "not saved" once a save went through, and text written in `$EDITOR` when the terminal
//! closed merged in at the next start.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Effect, Mode, Msg, Row, update};
use runaround::domain::{Case, Summary};
use runaround::storage::{Entry, Store};
use runaround::tui::executor::Executor;

use common::tmux::{Tui, cli_ok, exported_notes, sh_quote, tmux_installed};

fn notes_on_disk(store: &Store, id: &str) -> String {
    match store.load(id).unwrap() {
        Entry::Readable { body: case, .. } => case.notes,
        Entry::Unreadable {
            problem: reason, ..
        } => panic!("{reason}"),
    }
}

fn loaded(store: &Store, id: &str) -> Case {
    match store.load(id).unwrap() {
        Entry::Readable { body: case, .. } => case,
        Entry::Unreadable {
            problem: reason, ..
        } => panic!("{reason}"),
    }
}

/// Carries out the app's effects against `store` with the runtime's executor.
fn run_effects(app: &mut App, store: &Store, effects: Vec<Effect>) {
    let mut executor = Executor::new(store.clone(), HashMap::new());
    common::carry_out(&mut executor, app, effects);
}

/// The app hears that case `id` was read again (after a change made elsewhere).
fn reread(app: &mut App, store: &Store, id: &str) {
    let msg = Msg::Opened {
        case: loaded(store, id),
        access: runaround::storage::Access::Writable,
    };
    let effects = update(app, msg);
    run_effects(app, store, effects);
}

/// An app on the one case of `store`, read, with the notes editor typing.
fn typing_app(store: &Store, id: &str, now: DateTime<Utc>) -> App {
    let case = loaded(store, id);
    let rows = vec![Row::listed(
        Summary::of(&case, now),
        runaround::storage::Access::Writable,
    )];
    let mut app = App::new(Vec::new(), now);
    let effects = update(&mut app, Msg::Listed(rows));
    assert_eq!(effects, vec![Effect::Open(id.to_string())]);
    run_effects(&mut app, store, effects);
    assert_eq!(app.selected(), Some(&case));
    for key in [KeyCode::Tab, KeyCode::Tab, KeyCode::Char('i')] {
        let effects = update(&mut app, Msg::Key(KeyEvent::from(key)));
        run_effects(&mut app, store, effects);
    }
    assert_eq!(app.mode, Mode::Insert);
    app
}

fn type_into(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        assert!(update(app, Msg::Key(KeyEvent::from(key))).is_empty());
    }
}

fn store_with_notes(notes: &str) -> (tempfile::TempDir, Store, String, DateTime<Utc>) {
    let now = common::now();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut case = Case::new("case1", "Geen internet", "KPN", now);
    case.notes = notes.to_string();
    store.insert(&case).unwrap();
    (dir, store, "case1".to_string(), now)
}

/// The runtime's watch hands over a version of the notes saved elsewhere while this editor
/// has unsaved typing. The base stays what this editor had merged, so the autosave merges the
/// other version in (three-way) instead of saving over it.
#[test]
fn typing_and_a_save_made_elsewhere_meanwhile_both_survive() {
    let (_dir, store, id, now) = store_with_notes("first line\nsecond line");
    let mut app = typing_app(&store, &id, now);
    // Typed at the start of the first line (the cursor starts there).
    type_into(&mut app, "B: ");
    // Meanwhile another TUI saves a line at the end.
    store
        .update(&id, |c| {
            c.notes = "first line\nsecond line\nA: saved elsewhere".into();
            Ok::<(), String>(())
        })
        .unwrap();
    reread(&mut app, &store, &id);
    assert!(app.notes.dirty, "the typing is still unsaved");
    assert_eq!(
        app.notes.base, "first line\nsecond line",
        "the base moved to a version this editor never merged"
    );
    // The autosave.
    let effects = update(&mut app, Msg::Tick(now + chrono::Duration::seconds(3)));
    assert!(!effects.is_empty(), "no autosave");
    run_effects(&mut app, &store, effects);
    let merged = "B: first line\nsecond line\nA: saved elsewhere";
    assert_eq!(notes_on_disk(&store, &id), merged);
    // Now merged: the base and the screen are the merged notes.
    assert_eq!(app.notes.base, merged);
    assert_eq!(app.notes.text(), merged);
    assert!(!app.notes.dirty);
}

/// Where both sides changed the same line, both texts are kept between conflict markers.
#[test]
fn overlapping_changes_keep_both_texts_between_markers() {
    let (_dir, store, id, now) = store_with_notes("ticket 1\nmonteur komt dinsdag");
    let mut app = typing_app(&store, &id, now);
    // The cursor starts at the start: Down, End, then typed onto the second line.
    for key in [KeyCode::Down, KeyCode::End] {
        assert!(update(&mut app, Msg::Key(KeyEvent::from(key))).is_empty());
    }
    type_into(&mut app, " (bevestigd)");
    store
        .update(&id, |c| {
            c.notes = "ticket 1\nmonteur komt woensdag".into();
            Ok::<(), String>(())
        })
        .unwrap();
    reread(&mut app, &store, &id);
    let effects = update(&mut app, Msg::Tick(now + chrono::Duration::seconds(3)));
    run_effects(&mut app, &store, effects);
    assert_eq!(
        notes_on_disk(&store, &id),
        "ticket 1\n<<<<<<< typed here\nmonteur komt dinsdag (bevestigd)\n=======\n\
         monteur komt woensdag\n>>>>>>> saved elsewhere"
    );
}

/// Polls `ok` for up to `within`; fails with `what` and the screen.
fn wait(tui: &Tui, what: &str, within: Duration, ok: impl Fn() -> bool) {
    let deadline = Instant::now() + within;
    while !ok() {
        assert!(
            Instant::now() < deadline,
            "waited {within:?} for {what}; the screen shows:\n{}",
            tui.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Two TUIs on one case: A types and saves while B is typing; B's autosave keeps A's text.
#[test]
fn two_tuis_typing_in_one_case_keep_each_others_notes() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    // B: a second session of the same tmux server on the same data directory.
    tui.tmux(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "30",
        "-s",
        "b",
        &tui.command(),
    ]);
    let b_screen = || tui.tmux(&["capture-pane", "-p", "-t", "b"]);
    let b_keys = |keys: &[&str]| {
        let mut args = vec!["send-keys", "-t", "b"];
        args.extend_from_slice(keys);
        tui.tmux(&args);
    };
    wait(&tui, "B to start", Duration::from_secs(10), || {
        b_screen().contains(common::tmux::TITLE)
    });
    b_keys(&["Tab", "Tab"]);
    wait(&tui, "B's notes pane", Duration::from_secs(10), || {
        b_screen().contains("┏ Notes")
    });
    b_keys(&["i"]);
    wait(&tui, "B's editor", Duration::from_secs(10), || {
        b_screen().contains("Notes editing")
    });
    tui.edit_notes();
    // B starts typing; at once A types a line and saves it (Esc saves at once).
    b_keys(&["-l", "B:"]);
    tui.type_text("typed in A");
    tui.keys(&["Escape"]);
    // B goes on typing for a while (its watch sees A's save meanwhile), then stops.
    for c in ["t", "y", "p", "e", "d", " ", "i", "n", " ", "B"] {
        b_keys(&["-l", c]);
        std::thread::sleep(Duration::from_millis(250));
    }
    // B's autosave: both texts are in the case.
    wait(&tui, "B's autosave", Duration::from_secs(8), || {
        let notes = exported_notes(tui.dir(), &tui.id);
        notes.contains("B:typed in B") && notes.contains("typed in A")
    });
    assert_eq!(
        exported_notes(tui.dir(), &tui.id),
        "<<<<<<< typed here\nB:typed in B\n=======\ntyped in A\n>>>>>>> saved elsewhere"
    );
    wait(&tui, "B to say so", Duration::from_secs(5), || {
        b_screen().contains("both versions kept")
    });
    b_keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    b_keys(&["q"]);
    tui.wait_gone("Notes editing");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// The case file edited by hand while the TUI types: the hand edit and the typing survive,
/// merged cleanly where they touch different lines.
#[test]
fn a_hand_edit_of_the_file_while_typing_is_merged_with_the_typing() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        common::tmux::cli_ok(dir, &["log", id, "note", "a note"]);
    });
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    tui.edit_notes();
    for line in ["line 1", "line 2", "line 3"] {
        tui.type_text(line);
        tui.wait_for(line);
        if line != "line 3" {
            tui.keys(&["Enter"]);
        }
    }
    tui.leave_notes();
    wait(&tui, "the first save", Duration::from_secs(5), || {
        exported_notes(tui.dir(), &tui.id) == "line 1\nline 2\nline 3"
    });
    tui.keys(&["i"]);
    tui.wait_for("Notes editing");
    // Typed at the end of the third line, slowly; meanwhile the file is edited by hand (the
    // first line, in place).
    tui.type_text(" typed");
    tui.wait_for("line 3 typed");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("line 1", "line 1, edited by hand", 1);
    assert_ne!(text, edited, "the notes were not found in:\n{text}");
    std::fs::write(&file, edited).unwrap();
    for c in [" ", "h", "e", "r", "e"] {
        tui.type_text(c);
        std::thread::sleep(Duration::from_millis(300));
    }
    wait(&tui, "the merged save", Duration::from_secs(8), || {
        exported_notes(tui.dir(), &tui.id) == "line 1, edited by hand\nline 2\nline 3 typed here"
    });
    tui.wait_for("merged with a change saved elsewhere");
    tui.leave_notes();
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// The first rescue place (the data directory) takes no writes either: the notes go to
/// `$XDG_RUNTIME_DIR/runaround/`, private, the status line saying where; `q` asks first.
#[test]
fn notes_that_cannot_be_saved_or_rescued_beside_the_case_go_elsewhere_and_q_asks() {
    if !tmux_installed() {
        return;
    }
    let runtime = tempfile::tempdir().unwrap();
    let prefix = format!(
        "RUNAROUND_FAULT=disk XDG_RUNTIME_DIR={}",
        sh_quote(&runtime.path().to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |_, _| {});
    let typed = "storingsnummer 0800-1234";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    tui.keys(&["Escape"]);
    let rescue_dir = runtime.path().join("runaround");
    let screen = tui.wait_for("not saved");
    assert!(
        screen.contains("kept in"),
        "the status line does not say where:\n{screen}"
    );
    let rescue = common::rescue_of(&rescue_dir, &tui.id);
    assert_eq!(std::fs::read_to_string(&rescue).unwrap(), typed);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&rescue), 0o600);
    assert_eq!(mode(rescue.parent().unwrap()), 0o700);
    assert!(common::rescues(tui.dir(), &tui.id).is_empty());
    // q asks instead of exiting; any other key stays.
    tui.keys(&["q"]);
    let screen = tui.wait_for("quit anyway?");
    assert!(!screen.contains("EXITED:"), "{screen}");
    tui.keys(&["n"]);
    tui.wait_gone("quit anyway?");
    let pid = tui.program_pid();
    assert!(common::tmux::runaround_alive(pid));
    // q, y: out, saying where the notes are.
    tui.keys(&["q"]);
    tui.wait_for("quit anyway?");
    tui.keys(&["y"]);
    let screen = tui.wait_for("EXITED:");
    tui.assert_restored(&screen, "0");
    // Joined: the message is longer than a line.
    let screen = tui.tmux(&["capture-pane", "-p", "-J", "-t", "main"]);
    assert!(
        screen.contains(&rescue.to_string_lossy().into_owned()),
        "the exit message does not say where the notes are:\n{screen}"
    );
    assert_eq!(std::fs::read_to_string(&rescue).unwrap(), typed);
}

/// Without a runtime dir the second place is in the temp dir.
#[test]
fn without_a_runtime_dir_rescued_notes_go_to_the_temp_dir() {
    if !tmux_installed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let prefix = format!(
        "RUNAROUND_FAULT=disk XDG_RUNTIME_DIR= TMPDIR={}",
        sh_quote(&tmp.path().to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |_, _| {});
    tui.edit_notes();
    tui.type_text("in the temp dir");
    tui.keys(&["Escape"]);
    tui.wait_for("not saved");
    let dirs: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("runaround-"))
        })
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    let rescue = common::rescue_of(&dirs[0], &tui.id);
    assert_eq!(std::fs::read_to_string(rescue).unwrap(), "in the temp dir");
}

/// After a failed save, the next successful one clears "not saved" from the status line.
#[test]
fn the_status_line_stops_saying_not_saved_once_a_retry_saved_the_notes() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("RUNAROUND_FAULT=fsync:2", |_, _| {});
    let typed = "afspraak 12 mei";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    tui.keys(&["Escape"]);
    tui.wait_for("not saved");
    wait(&tui, "a later save", Duration::from_secs(8), || {
        exported_notes(tui.dir(), &tui.id) == typed
    });
    let screen = tui.wait_gone("not saved");
    assert!(screen.contains("notes saved"), "{screen}");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// The terminal closes while `$EDITOR` is open on the notes, after the text was saved there:
/// the next start merges that text into the case (with what changed meanwhile) and says so.
#[test]
fn text_saved_in_the_editor_when_the_terminal_closed_is_merged_at_the_next_start() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let editor = tools.path().join("editor.sh");
    // Saves a line into the file, says so, then stays open.
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\nwritten in the editor\\n' >> \"$1\"\ntouch \"$0.saved\"\nsleep 600\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = tools.path().join("config.ron");
    std::fs::write(&config, "()").unwrap();
    let prefix = format!(
        "RUNAROUND_CONFIG={} VISUAL= EDITOR={}",
        sh_quote(&config.to_string_lossy()),
        sh_quote(&editor.to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |_, _| {});
    tui.edit_notes();
    tui.type_text("typed first");
    tui.leave_notes();
    tui.wait_for("typed first");
    wait(&tui, "the first save", Duration::from_secs(5), || {
        exported_notes(tui.dir(), &tui.id) == "typed first"
    });
    let pid = tui.program_pid();
    tui.keys(&["E"]);
    let saved = tools.path().join("editor.sh.saved");
    wait(&tui, "the editor to save", Duration::from_secs(10), || {
        saved.exists()
    });
    // Meanwhile a line is added to the notes elsewhere, by hand in the file.
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("typed first", "added by hand\ntyped first", 1);
    assert_ne!(text, edited, "the notes were not found in:\n{text}");
    std::fs::write(&file, edited).unwrap();
    // The terminal closes (the pane is killed: SIGHUP to the TUI and the editor).
    tui.tmux(&["respawn-pane", "-k", "-t", "main", "sleep 600"]);
    common::tmux::wait_exit(pid, Duration::from_secs(5), "the terminal closed");
    // The next start.
    tui.restart();
    let screen = tui.wait_for("merged into case");
    assert!(screen.contains("written in the editor"), "{screen}");
    assert_eq!(
        exported_notes(tui.dir(), &tui.id),
        "added by hand\ntyped first\nwritten in the editor"
    );
    let left: Vec<_> = std::fs::read_dir(tui.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".editing-") || n.starts_with(".notes-"))
        .collect();
    assert!(left.is_empty(), "the editor's files were left: {left:?}");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    // Once only: another start says nothing more.
    cli_ok(tui.dir(), &["list"]);
}

/// `E`: the text saved in the editor is merged (three-way) with a change made to the notes
/// elsewhere while the editor was open, both kept.
#[test]
fn text_from_the_editor_is_merged_with_a_change_made_meanwhile() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let config = tools.path().join("config.ron");
    std::fs::write(&config, "()").unwrap();
    let editor = tools.path().join("editor.sh");
    let prefix = format!(
        "RUNAROUND_CONFIG={} VISUAL= EDITOR={}",
        sh_quote(&config.to_string_lossy()),
        sh_quote(&editor.to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |dir, id| {
        let file = dir.join("cases").join(format!("{id}.ron"));
        // While open, the editor's user sees the case file change by hand (a line added at
        // the top), then adds a line at the end of their copy.
        std::fs::write(
            &editor,
            format!(
                "#!/bin/sh\nsed -i 's/typed first/added by hand\\ntyped first/' {}\nprintf '\\nwritten in the editor\\n' >> \"$1\"\n",
                sh_quote(&file.to_string_lossy())
            ),
        )
        .unwrap();
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    });
    tui.edit_notes();
    tui.type_text("typed first");
    tui.leave_notes();
    wait(&tui, "the first save", Duration::from_secs(5), || {
        exported_notes(tui.dir(), &tui.id) == "typed first"
    });
    tui.keys(&["E"]);
    tui.wait_for("notes saved from the editor");
    assert_eq!(
        exported_notes(tui.dir(), &tui.id),
        "added by hand\ntyped first\nwritten in the editor"
    );
    let screen = tui.wait_for("written in the editor");
    assert!(screen.contains("added by hand"), "{screen}");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}
