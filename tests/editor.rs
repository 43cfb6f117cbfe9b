//! End-to-end under tmux (see `common::tmux`): `E` hands the terminal to `$EDITOR` and saves
//! what it wrote into the case's notes, and the mouse is captured only when the config wants
//! it and released on every way out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use common::tmux::{BORDERS, TITLE, Tui, exported_notes, sh_quote, tmux_installed, wait_exit};

/// A config file in `dir` with `text`; the `RUNAROUND_CONFIG=…` prefix that selects it.
fn config(dir: &Path, text: &str) -> String {
    let path = dir.join("config.ron");
    std::fs::write(&path, text).unwrap();
    format!("RUNAROUND_CONFIG={}", sh_quote(&path.to_string_lossy()))
}

#[test]
fn e_edits_the_notes_in_the_editor_and_saves_them() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let editor = tools.path().join("editor.sh");
    // Appends a line, and leaves a trace of the file's mode and where it was.
    std::fs::write(
        &editor,
        "#!/bin/sh\nstat -c %a \"$1\" > \"$0.mode\"\nprintf 'Added in the editor: ticket 4711\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let prefix = format!(
        "{} VISUAL= EDITOR={}",
        config(tools.path(), "()"),
        sh_quote(&editor.to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |dir, id| {
        common::tmux::cli_ok(dir, &["log", id, "note", "before the editor"]);
    });
    tui.edit_notes();
    tui.type_text("Typed first.");
    tui.wait_for("Typed first.");
    tui.leave_notes();
    tui.keys(&["E"]);
    let screen = tui.wait_for("notes saved from the editor");
    assert!(
        screen.contains(TITLE) && screen.contains(BORDERS),
        "the TUI was not drawn again:\n{screen}"
    );
    assert!(
        screen.contains("Added in the editor: ticket 4711"),
        "the notes pane does not show the edit:\n{screen}"
    );
    assert_eq!(
        tui.display("#{alternate_on}"),
        "1",
        "not back on the alternate screen"
    );
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains("Typed first.") && notes.contains("Added in the editor: ticket 4711"),
        "notes: {notes:?}"
    );
    let mode = std::fs::read_to_string(tools.path().join("editor.sh.mode")).unwrap();
    assert_eq!(
        mode.trim(),
        "600",
        "the temporary notes file was not private"
    );
    let strays: Vec<_> = std::fs::read_dir(tui.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".notes-") || n.starts_with(".editing-"))
        .collect();
    assert!(strays.is_empty(), "temporary files left: {strays:?}");
    // Keys work again afterwards.
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn a_failing_editor_changes_nothing() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let prefix = format!(
        "{} VISUAL= EDITOR='sh -c \"echo lost >> \\$0; exit 3\"'",
        config(tools.path(), "()")
    );
    let tui = Tui::start_with(&prefix, |_, _| {});
    tui.keys(&["E"]);
    let screen = tui.wait_for("notes not changed");
    assert!(screen.contains(TITLE), "{screen}");
    assert!(
        !exported_notes(tui.dir(), &tui.id).contains("lost"),
        "the failed edit was saved"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn the_mouse_is_captured_only_when_the_config_says_so_and_released_on_exit() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let tui = Tui::start_with(&config(tools.path(), "(mouse: true)"), |_, _| {});
    assert_eq!(tui.display("#{mouse_any_flag}"), "1", "mouse not captured");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    assert_eq!(
        tui.display("#{mouse_any_flag}"),
        "0",
        "mouse still captured after q"
    );

    // On SIGTERM too (the signal thread restores the terminal).
    let tui = Tui::start_with(&config(tools.path(), "(mouse: true)"), |_, _| {});
    let pid = tui.program_pid();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    wait_exit(pid, Duration::from_secs(5), "SIGTERM");
    tui.wait_for("EXITED:");
    assert_eq!(
        tui.display("#{mouse_any_flag}"),
        "0",
        "mouse still captured after SIGTERM"
    );

    // And on a panic (the panic hook restores the terminal).
    let prefix = format!(
        "RUNAROUND_FAULT=panic {}",
        config(tools.path(), "(mouse: true)")
    );
    let tui = Tui::start_with(&prefix, |_, _| {});
    assert_eq!(tui.display("#{mouse_any_flag}"), "1", "mouse not captured");
    tui.edit_notes();
    tui.type_text("x");
    let screen = tui.wait_for("EXITED:");
    assert!(screen.contains("EXITED:101"), "no panic exit:\n{screen}");
    assert_eq!(
        tui.display("#{mouse_any_flag}"),
        "0",
        "mouse still captured after a panic"
    );

    let tui = Tui::start_with(&config(tools.path(), "(mouse: false)"), |_, _| {});
    assert_eq!(
        tui.display("#{mouse_any_flag}"),
        "0",
        "mouse: false still captures the mouse"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}
