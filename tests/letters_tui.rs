//! The TUI's letter key: the complaint letter written into the journal, and logged as sent
//! when the user says so (a complaint by letter, which starts its clocks).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{apply, demo_app, now, stored};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Effect, Msg, Overlay, update};
use runaround::domain::{Channel, Kind};
use runaround::i18n::Lang;
use runaround::letters::Sender;
use runaround::rules::engine::evaluate;
use runaround::rules::schema::Meaning;

fn press(app: &mut App, c: char) -> Vec<Effect> {
    let effects = update(app, Msg::Key(KeyEvent::from(KeyCode::Char(c))));
    let copy = effects.clone();
    apply(app, effects);
    copy
}

fn signed(app: &mut App) {
    app.prefs.sender = Sender {
        name: "Eva Jansen".into(),
        address: vec!["Dorpsstraat 1".into(), "1234 AB Utrecht".into()],
    };
}

#[test]
fn without_a_sender_the_key_says_which_config_key_is_missing() {
    let _en = Lang::En.scope();
    let mut app = demo_app();
    let effects = press(&mut app, 'W');
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.overlay, None);
    let message = app.message.as_ref().expect("a message");
    assert!(
        message.error && message.text.contains("sender_name"),
        "{}",
        message.text
    );
}

#[test]
fn the_letter_is_written_and_logged_as_sent_a_complaint_that_starts_its_clocks() {
    let _en = Lang::En.scope();
    let mut app = demo_app();
    signed(&mut app);
    let id = app.selected().unwrap().id.clone();
    let events = app.selected().unwrap().events.len();
    let effects = press(&mut app, 'W');
    assert!(
        matches!(&effects[..], [Effect::WriteLetter { id: i, .. }] if *i == id),
        "{effects:?}"
    );
    let Some(Overlay::ConfirmLetter { path, .. }) = app.overlay.clone() else {
        panic!("{:?}", app.overlay);
    };
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Eva Jansen\n"), "{text}");
    assert!(text.contains("written complaint"), "{text}");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{path}");
    // Yes: a complaint by letter, saved, now.
    press(&mut app, 'y');
    assert_eq!(app.overlay, None);
    let case = stored(&id).unwrap();
    assert_eq!(case.events.len(), events + 1);
    let sent = case
        .events
        .iter()
        .find(|e| e.kind == Kind::Complaint)
        .expect("the complaint");
    assert_eq!(sent.channel, Some(Channel::Letter));
    assert_eq!(sent.at, now());
    // Its clocks run: the earliest day to go to the dispute body counts from it.
    let report = evaluate(&case, &app.packs, now());
    assert!(
        report.clocks.iter().any(|c| c.meaning == Meaning::Earliest
            && c.from == now()
            && c.events
                .iter()
                .any(|i| case.events[*i].kind == Kind::Complaint)),
        "{:?}",
        report.clocks
    );
}

#[test]
fn not_yet_keeps_the_file_and_logs_nothing() {
    let _en = Lang::En.scope();
    let mut app = demo_app();
    signed(&mut app);
    let id = app.selected().unwrap().id.clone();
    let events = app.selected().unwrap().events.len();
    press(&mut app, 'W');
    press(&mut app, 'n');
    press(&mut app, 'W');
    let Some(Overlay::ConfirmLetter { path, .. }) = app.overlay.clone() else {
        panic!("{:?}", app.overlay);
    };
    assert!(path.ends_with(&format!("{id}-complaint-2.txt")), "{path}");
    press(&mut app, 'n');
    let message = app.message.as_ref().unwrap();
    assert!(
        !message.error && message.text.contains(&path),
        "{}",
        message.text
    );
    assert_eq!(stored(&id).unwrap().events.len(), events);
}
