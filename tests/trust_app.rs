//! The app as a person uses it: a transfer is where the call went, never an earlier visit; an
//! edit's bare time keeps the event on its own day; undo takes back edits one after another.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{app_on, apply, now};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::{App, Effect, Merge, Msg, Overlay, Pane, Target, update};
use runaround::domain::{Case, Event, Kind, loops::loops};

fn press(app: &mut App, code: KeyCode) {
    let effects = update(app, Msg::Key(KeyEvent::from(code)));
    apply(app, effects);
}

fn ctrl(app: &mut App, c: char) {
    let effects = update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
    apply(app, effects);
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn at(app: &mut App, seconds: i64) {
    let effects = update(app, Msg::Tick(now() + Duration::seconds(seconds)));
    apply(app, effects);
}

#[test]
fn the_first_transfer_of_a_call_is_never_flagged_as_going_back() {
    let case = Case::new("c1", "Phone broken", "KPN", now() - Duration::days(1));
    let mut app = app_on(&[case]);
    press(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 'u');
    typ(&mut app, "0800-1234");
    press(&mut app, KeyCode::Enter);
    at(&mut app, 60);
    press(&mut app, KeyCode::Char('a'));
    at(&mut app, 120);
    press(&mut app, KeyCode::Char('t'));
    typ(&mut app, "1200");
    press(&mut app, KeyCode::Enter);
    let call = app.selected().unwrap().active_call.clone().unwrap();
    assert_eq!(call.current_place(), "1200", "the call is at 1200 now");
    at(&mut app, 180);
    press(&mut app, KeyCode::Char('t'));
    typ(&mut app, "088-0402");
    press(&mut app, KeyCode::Enter);
    at(&mut app, 240);
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    press(&mut app, KeyCode::Enter);
    let case = app.selected().unwrap();
    assert!(case.active_call.is_none());
    let call = case.events.iter().find(|e| e.kind == Kind::Call).unwrap();
    assert_eq!(
        call.department, "",
        "the call's event keeps where it started, not where it was transferred to"
    );
    let hops: Vec<(&str, &str)> = case
        .events
        .iter()
        .filter(|e| e.kind == Kind::Redirect)
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(hops, [("0800-1234", "1200"), ("1200", "088-0402")]);
    // 1200 and 088-0402 were each seen for the first time: no loop.
    assert!(loops(case).iter().all(Option::is_none), "{:?}", loops(case));
}

#[test]
fn a_bare_time_in_an_edit_keeps_the_event_on_its_own_day() {
    if !common::in_zone("a_bare_time_in_an_edit_keeps_the_event_on_its_own_day") {
        return;
    }
    let day = Utc.with_ymd_and_hms(2013, 8, 20, 10, 0, 0).unwrap();
    let mut case = Case::new("c2", "No internet", "KPN", day - Duration::days(4));
    case.add_event(Event::new(Kind::Note, day, "technician expected"));
    let mut app = app_on(&[case]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Timeline);
    press(&mut app, KeyCode::Enter);
    // Focus starts on the summary; the time is the field above it.
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'u');
    typ(&mut app, "14:00");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "the edit is saved");
    let case = app.selected().unwrap();
    let moved = case.events.iter().find(|e| e.kind == Kind::Note).unwrap();
    let local = moved.at.with_timezone(&chrono::Local);
    assert_eq!(
        local.format("%Y-%m-%d %H:%M").to_string(),
        "2013-08-20 14:00",
        "on the event's own day, not today"
    );
}

fn edit_summary(app: &mut App, add: &str) {
    press(app, KeyCode::Enter);
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "the edit form"
    );
    press(app, KeyCode::End);
    typ(app, add);
    press(app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "the edit is saved");
}

#[test]
fn undo_takes_back_two_edits_of_one_event_and_names_the_case_it_undoes_in() {
    let mut first = Case::new("c3", "Broken phone", "KPN", now() - Duration::days(3));
    first.add_event(Event::new(
        Kind::Note,
        now() - Duration::hours(2),
        "technician",
    ));
    let other = Case::new("c4", "No internet", "KPN", now() - Duration::days(9));
    let mut app = app_on(&[first, other]);
    assert_eq!(app.selected().unwrap().id, "c3");
    press(&mut app, KeyCode::Tab);
    edit_summary(&mut app, " ONE");
    edit_summary(&mut app, " TWO");
    let summary = |app: &App| app.selected().unwrap().events[0].summary.clone();
    assert_eq!(summary(&app), "technician ONE TWO");

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(summary(&app), "technician ONE");
    press(&mut app, KeyCode::Char('u'));
    let message = app.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(!message.contains("elsewhere"), "{message}");
    assert_eq!(summary(&app), "technician", "both edits are undone");
    let event = &app.selected().unwrap().events[0];
    assert_eq!(
        event.amendments.len(),
        4,
        "two edits and two undos, all kept: {:?}",
        event.amendments
    );

    // An undo that acts on another case than the one on screen says which.
    edit_summary(&mut app, " THREE");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected().unwrap().id, "c4");
    press(&mut app, KeyCode::Char('u'));
    let message = app.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(message.contains("«Broken phone»"), "{message}");
}

#[test]
fn the_quit_question_goes_once_the_notes_it_was_about_are_saved() {
    let case = Case::new("c5", "No internet", "KPN", now() - Duration::days(2));
    let mut app = app_on(std::slice::from_ref(&case));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Notes);
    press(&mut app, KeyCode::Char('i'));
    for c in "storingsnummer".chars() {
        update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char(c))));
    }
    // Storage says no to every save (a full disk); returns whether the app asked to quit.
    let fail = |app: &mut App, effects: Vec<Effect>| {
        let mut quit = false;
        for effect in effects {
            match effect {
                Effect::Mutate { id, .. } => {
                    let failed = Msg::Failed {
                        target: Target::Case(id),
                        error: "case c5: No space left on device".into(),
                        kept: None,
                    };
                    assert!(update(app, failed).is_empty());
                }
                Effect::Quit => quit = true,
                _ => {}
            }
        }
        quit
    };
    let left = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Esc)));
    fail(&mut app, left);
    // q tries the save once more (it fails again), then asks to quit.
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('q'))));
    assert!(fail(&mut app, effects), "q asks to quit");
    let answer = update(&mut app, Msg::Quit);
    assert!(!answer.contains(&Effect::Exit), "q asks first: {answer:?}");
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit { .. })));

    // The next autosave tries again, and storage takes it this time: the question about
    // unsaved notes is answered.
    let retry = update(&mut app, Msg::Tick(now() + Duration::seconds(10)));
    assert!(
        retry.iter().any(|e| matches!(e, Effect::Mutate { .. })),
        "{retry:?}"
    );
    let mut saved = case;
    saved.notes = "storingsnummer".into();
    update(
        &mut app,
        Msg::Saved {
            case: saved,
            merge: Merge::Plain,
        },
    );
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let message = app.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(message.contains("notes saved"), "{message}");
    assert!(
        update(&mut app, Msg::Quit).contains(&Effect::Exit),
        "nothing is at risk any more"
    );
}

#[test]
fn notes_typed_while_the_file_cannot_be_read_for_a_moment_stay_and_are_saved_after() {
    let mut case = Case::new("c6", "No internet", "KPN", now() - Duration::days(2));
    case.notes = "Since Friday.".into();
    let mut app = app_on(std::slice::from_ref(&case));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::End);
    typ(&mut app, " BLIP2");
    // A sync or an editor truncates the file in place, then writes it back.
    let effects = update(
        &mut app,
        Msg::Unreadable {
            id: "c6".into(),
            problem: runaround::storage::FileProblem::Empty,
        },
    );
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Mutate { .. })),
        "nothing is thrown at a broken file: {effects:?}"
    );
    assert_eq!(app.mode, runaround::app::Mode::Insert, "still typing");
    assert_eq!(app.notes.text(), "Since Friday. BLIP2");
    assert!(app.shows_notes(), "the typing stays on screen");
    update(
        &mut app,
        Msg::Opened {
            case,
            access: runaround::storage::Access::Writable,
        },
    );
    assert_eq!(
        app.notes.text(),
        "Since Friday. BLIP2",
        "the file reading again does not replace what was typed"
    );
    typ(&mut app, "!");
    let save = update(&mut app, Msg::Tick(now() + Duration::seconds(10)));
    match &save[..] {
        [Effect::Mutate { id, mutation }] => {
            assert_eq!(id, "c6");
            let text = format!("{mutation:?}");
            assert!(text.contains("Since Friday. BLIP2!"), "{text}");
        }
        other => panic!("expected the notes to be saved, got {other:?}"),
    }
}
