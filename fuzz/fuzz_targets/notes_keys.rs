//! Bytes as a session in the notes editor: keys (any character, any modifiers, the editing and
//! moving keys), bracketed pastes of arbitrary text, undo/redo, scrolling and saves. Nothing
//! panics; a paste lands in the text as cleaned text; every save, written and read back the way
//! storage does it, gives exactly the editor's text minus control characters.
#![no_main]

use chrono::{DateTime, Duration, TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::{Action, Mutation, Notes};
use runaround::domain::Case;
use runaround::domain::text::clean;
use runaround::storage::format;

/// Reads the fuzzer's bytes one decision at a time.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn take(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }
}

fn modifiers(b: u8) -> KeyModifiers {
    KeyModifiers::from_bits_truncate(b & 0b111)
}

fn special(b: u8) -> KeyCode {
    const KEYS: [KeyCode; 16] = [
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Esc,
        KeyCode::Insert,
        KeyCode::F(1),
    ];
    KEYS[usize::from(b) % KEYS.len()]
}

fn has_control(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'))
}

/// Saves as the runtime does: the mutation applied to the case on disk, the case cleaned and
/// written, then read back.
fn save(notes: &mut Notes, case: &mut Case, now: DateTime<Utc>) {
    let typed = notes.text();
    let Some((id, mutation)) = notes.take_save(now) else {
        assert_eq!(typed, notes.base, "clean notes differ from what was saved");
        return;
    };
    assert_eq!(id, case.id);
    assert!(matches!(&mutation, Mutation::SetNotes { text, .. } if *text == typed));
    mutation.apply(case).expect("notes always apply");
    case.clean_text();
    let file = format::encode(case).expect("the case encodes");
    let back = format::decode(&file)
        .unwrap_or_else(|e| panic!("saved notes do not read back: {e}\n{file}"));
    assert_eq!(
        back.case.notes,
        clean(&typed),
        "the saved notes are not what was typed"
    );
    assert!(!has_control(&back.case.notes));
    *case = back.case;
    notes.saved(&case.notes);
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let mut now = Utc.with_ymd_and_hms(2026, 4, 1, 10, 0, 0).unwrap();
    let mut case = Case::new("fuzz", "Fuzzed notes", "KPN", now);
    let mut notes = Notes::default();
    notes.load(Some(case.id.clone()), &case.notes);
    while let Some(op) = input.byte() {
        now += Duration::milliseconds(i64::from(op) * 37);
        match op % 8 {
            0..=2 => {
                let raw = input.take(3);
                let code = raw.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) % 0x11_0000;
                let c = char::from_u32(code).unwrap_or('\u{fffd}');
                let mods = modifiers(input.byte().unwrap_or(0));
                notes.key(KeyEvent::new(KeyCode::Char(c), mods), now);
            }
            3 => {
                let code = special(input.byte().unwrap_or(0));
                let mods = modifiers(input.byte().unwrap_or(0));
                notes.key(KeyEvent::new(code, mods), now);
            }
            4 => {
                let len = usize::from(input.byte().unwrap_or(0)) * 4;
                let pasted = String::from_utf8_lossy(input.take(len)).into_owned();
                notes.paste(&pasted, now);
                let cleaned = clean(&pasted);
                assert!(
                    notes.text().contains(&cleaned),
                    "the paste {cleaned:?} is not in the text {:?}",
                    notes.text()
                );
                assert!(!has_control(&cleaned));
            }
            5 => {
                let ctrl = KeyModifiers::CONTROL;
                let key = match input.byte().unwrap_or(0) % 4 {
                    0 => KeyEvent::new(KeyCode::Char('z'), ctrl),
                    1 => KeyEvent::new(KeyCode::Char('y'), ctrl),
                    2 => KeyEvent::new(KeyCode::Char('a'), ctrl),
                    _ => KeyEvent::new(KeyCode::Char('e'), ctrl),
                };
                notes.key(key, now);
            }
            6 => {
                let action = match input.byte().unwrap_or(0) % 6 {
                    0 => Action::Up,
                    1 => Action::Down,
                    2 => Action::Top,
                    3 => Action::Bottom,
                    4 => Action::PageUp,
                    _ => Action::PageDown,
                };
                notes.scroll(action);
                notes.set_editing(op & 0x80 != 0);
            }
            _ => {
                if notes.due(now) || op & 0x80 != 0 {
                    save(&mut notes, &mut case, now);
                }
            }
        }
    }
    save(&mut notes, &mut case, now);
});
