//! The notes editor as the `notes_keys` fuzz target drives it (`fuzz/fuzz_targets/notes_keys.rs`):
//! the inputs it found, kept as plain tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::Notes;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 10, 0, 0).unwrap()
}

fn saved_notes(text: &str) -> Notes {
    let mut notes = Notes::default();
    notes.load(Some("case".into()), text);
    notes
}

/// Found by the fuzzer: with text selected (Shift+arrows), a paste that is empty once control
/// characters are removed (an empty clipboard, a lone ESC) deleted the selection on screen but
/// left the notes "clean", so the deletion was never saved and the screen no longer showed
/// what was on disk.
#[test]
fn a_paste_of_only_control_characters_over_a_selection_keeps_screen_and_disk_in_step() {
    for pasted in ["", "\u{1b}", "\u{0}\u{7}\u{9b}", "\u{7f}"] {
        let mut notes = saved_notes("klantnummer 1234567");
        let shift = KeyModifiers::SHIFT;
        notes.key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE), now());
        for _ in 0..7 {
            notes.key(KeyEvent::new(KeyCode::Left, shift), now());
        }
        assert!(!notes.dirty, "selecting is not editing");
        notes.paste(pasted, now());
        assert!(
            notes.dirty || notes.text() == notes.base,
            "paste {pasted:?}: the editor shows {:?}, the disk holds {:?}, and nothing will save it",
            notes.text(),
            notes.base
        );
    }
}

/// Found by the fuzzer: with a word selected (Shift+Ctrl+Left), the editor's own Ctrl-Y (put
/// back what was cut, here nothing) deleted the selection but said it changed nothing, so the
/// notes stayed "clean" and the deletion would never be saved.
#[test]
fn a_command_key_that_changes_the_text_without_saying_so_still_marks_it_unsaved() {
    let mut notes = saved_notes("klantnummer 1234567");
    let shift_ctrl = KeyModifiers::SHIFT | KeyModifiers::CONTROL;
    notes.key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE), now());
    notes.key(KeyEvent::new(KeyCode::Left, shift_ctrl), now());
    assert!(!notes.dirty, "selecting is not editing");
    notes.key(
        KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL),
        now(),
    );
    assert!(
        notes.dirty || notes.text() == notes.base,
        "the editor shows {:?}, the disk holds {:?}, and nothing will save it",
        notes.text(),
        notes.base
    );
}
