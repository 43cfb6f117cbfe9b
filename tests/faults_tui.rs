//! Injected faults seen from the TUI (in tmux, through the hidden `RUNAROUND_FAULT` switch):
//! a notes save that fails says "not saved", keeps the case file as it was, rescues the text
//! and succeeds on a later try; a panic hands the terminal back, saves what was typed and
//! prints no case text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::tmux::{Tui, exported_notes, tmux_installed};

#[test]
fn notes_whose_save_fails_say_so_are_rescued_and_saved_on_a_later_try() {
    if !tmux_installed() {
        return;
    }
    // The first two case saves of the TUI fail at fsync, then saves work again.
    let tui = Tui::start_with("RUNAROUND_FAULT=fsync:2", |_, _| {});
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let before = std::fs::read(&file).unwrap();
    let typed = "beloofd: monteur binnen 24-48 uur";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    tui.keys(&["Escape"]);
    let screen = tui.wait_for("not saved");
    assert!(
        screen.contains("rescued-notes-"),
        "where the text went is shown:\n{screen}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "a failed save changed the file"
    );
    let rescue = common::rescue_of(tui.dir(), &tui.id);
    assert_eq!(std::fs::read_to_string(&rescue).unwrap(), typed);
    // The autosave tries again each second; the third save goes through.
    let deadline = std::time::Instant::now() + Duration::from_secs(8);
    while exported_notes(tui.dir(), &tui.id) != typed {
        assert!(
            std::time::Instant::now() < deadline,
            "the notes were never saved on a later try; the screen shows:\n{}",
            tui.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn a_panic_restores_the_terminal_saves_typed_notes_and_prints_no_case_text() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("RUST_BACKTRACE=0 RUNAROUND_FAULT=panic", |_, _| {});
    tui.edit_notes();
    // The first frame drawn with unsaved notes panics: one key is typed.
    tui.type_text("Z");
    let screen = tui.wait_for("EXITED:");
    tui.assert_restored(&screen, "101");
    assert!(screen.contains("injected fault"), "{screen}");
    assert!(
        !screen.contains(common::tmux::TITLE),
        "case text on the screen after the panic:\n{screen}"
    );
    assert_eq!(exported_notes(tui.dir(), &tui.id), "Z", "typed notes lost");
}
