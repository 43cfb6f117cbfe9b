//! App flows: key sequences on the state with a fixed clock, effects applied in memory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::redundant_closure_for_method_calls
)]

mod common;

use chrono::Duration;
use common::{app_on, apply, demo_app, now, send};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::mutation::Mutation;
use runaround::app::{App, Effect, Mode, Msg, Overlay, Pane, Row, update};
use runaround::domain::{Counters, Kind, Outcome};
use runaround::storage::{Access, CaseFile, FileProblem, ReadOnly};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let effects = update(app, Msg::Key(KeyEvent::from(code)));
    let copy = effects.clone();
    apply(app, effects);
    copy
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
fn starts_on_the_most_recently_active_case_with_its_last_event_selected() {
    let app = demo_app();
    let case = app.selected().expect("a case is selected");
    let latest = app
        .rows
        .iter()
        .filter_map(Row::summary)
        .map(|s| s.last_activity)
        .max()
        .unwrap();
    assert_eq!(case.last_activity(), latest);
    assert_eq!(app.event_index, Some(case.events.len() - 1));
    assert_eq!(app.focus, Pane::Cases);
}

#[test]
fn a_whole_call_answer_transfer_end() {
    let mut app = demo_app();
    let before = app.counters().unwrap();
    let events_before = app.selected().unwrap().events.len();
    press(&mut app, KeyCode::Char('c'));
    assert!(
        app.selected().unwrap().active_call.is_some(),
        "the call is saved the moment it starts"
    );
    // The number prompt, with the last number called suggested: replace it.
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typ(&mut app, "0800-0403");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.selected().unwrap().active_call.as_ref().unwrap().number,
        "0800-0403"
    );
    at(&mut app, 20 * 60);
    assert_eq!(
        app.counters().unwrap().hold_seconds,
        before.hold_seconds + 20 * 60,
        "the running hold counts"
    );
    press(&mut app, KeyCode::Char('a'));
    at(&mut app, 25 * 60);
    press(&mut app, KeyCode::Char('t'));
    typ(&mut app, "088-0402");
    press(&mut app, KeyCode::Enter);
    at(&mut app, 30 * 60);
    press(&mut app, KeyCode::Char('e'));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the end-call form opens")
    };
    assert_eq!(
        form.value("on hold"),
        "25m",
        "20 minutes before the answer, 5 after the transfer"
    );
    assert_eq!(form.value("talking"), "5m");
    assert_eq!(form.value("outcome"), "transferred");
    typ(&mut app, "Sent to the small-business line");
    press(&mut app, KeyCode::Enter);
    let case = app.selected().unwrap();
    assert!(case.active_call.is_none());
    assert_eq!(
        case.events.len(),
        events_before + 2,
        "a redirect and the call"
    );
    let call = case
        .events
        .iter()
        .rev()
        .find(|e| e.kind == Kind::Call)
        .unwrap();
    assert_eq!(
        (call.hold_seconds, call.talk_seconds, call.outcome),
        (Some(25 * 60), Some(5 * 60), Some(Outcome::Transferred))
    );
    assert_eq!(call.at, now());
    let redirect = case
        .events
        .iter()
        .rev()
        .find(|e| e.kind == Kind::Redirect)
        .unwrap();
    assert_eq!(
        (redirect.from.as_str(), redirect.to.as_str()),
        ("0800-0403", "088-0402")
    );
    let after = Counters::of(case, now() + Duration::seconds(30 * 60));
    assert_eq!(after.redirects, before.redirects + 1);
    assert_eq!(after.calls, before.calls + 1);
}

#[test]
fn logging_a_back_dated_event_and_switching_kind_in_the_form() {
    let mut app = demo_app();
    let n = app.selected().unwrap().events.len();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Right); // call → redirect
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("form")
    };
    assert_eq!(form.value("kind"), "redirect");
    assert!(
        form.inputs.iter().any(|i| i.label == "to"),
        "the fields follow the kind"
    );
    press(&mut app, KeyCode::Tab);
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typ(&mut app, "-2h");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Told to call 1200 again");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "1200");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let case = app.selected().unwrap();
    assert_eq!(case.events.len(), n + 1);
    let e = case
        .events
        .iter()
        .find(|e| e.summary == "Told to call 1200 again")
        .unwrap();
    assert_eq!(
        (e.kind, e.at, e.to.as_str()),
        (Kind::Redirect, now() - Duration::hours(2), "1200")
    );
}

#[test]
fn a_bad_time_keeps_the_form_open_and_says_why() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays")
    };
    assert!(
        form.error.as_deref().unwrap().starts_with("when: "),
        "{:?}",
        form.error
    );
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    let n = app.selected().unwrap().events.len();
    let victim = app.selected_event().cloned().unwrap();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.selected().unwrap().events.len(), n, "n keeps it");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.selected().unwrap().events.len(), n - 1);
    assert!(app.selected().unwrap().find_event(&victim).is_none());
    press(&mut app, KeyCode::Char('u'));
    // Back as it was, with its history saying it was deleted and restored.
    let back = app
        .selected()
        .unwrap()
        .events
        .iter()
        .find(|e| {
            let mut e = (*e).clone();
            e.amendments.clear();
            e == victim
        })
        .expect("the event is back");
    assert_eq!(back.amendments.len(), 2, "{:?}", back.amendments);
}

#[test]
fn notes_are_saved_after_a_pause_and_on_leaving() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('i'));
    assert_eq!(app.mode, Mode::Insert);
    typ(&mut app, "Zoë 漢字 👩‍🔬 ");
    assert!(app.notes.dirty);
    assert!(
        update(&mut app, Msg::Tick(now() + Duration::seconds(1))).is_empty(),
        "not while typing"
    );
    let effects = update(&mut app, Msg::Tick(now() + Duration::seconds(3)));
    assert!(
        matches!(
            &effects[..],
            [Effect::Mutate {
                mutation: Mutation::SetNotes { .. },
                ..
            }]
        ),
        "{effects:?}"
    );
    apply(&mut app, effects);
    assert!(app.selected().unwrap().notes.starts_with("Zoë 漢字 👩‍🔬 "));
    typ(&mut app, "q");
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(effects.len(), 1, "Esc saves");
    assert!(app.selected().unwrap().notes.starts_with("Zoë 漢字 👩‍🔬 q"));
    // q quits now that no text field has the keyboard, saving nothing more.
    assert_eq!(
        update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('q')))),
        vec![Effect::Quit]
    );
}

#[test]
fn pasted_text_is_cleaned_and_goes_into_the_notes() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    send(&mut app, Msg::Paste("ref \x1b[2J12345\r\nline two".into()));
    assert_eq!(app.mode, Mode::Insert);
    assert!(
        app.notes.text().starts_with("ref 12345\nline two"),
        "{}",
        app.notes.text()
    );
}

#[test]
fn quitting_with_unsaved_notes_saves_them_first() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "unsaved");
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert!(
        matches!(&effects[..], [Effect::Mutate { .. }, Effect::Quit]),
        "{effects:?}"
    );
}

#[test]
fn search_and_filter_narrow_the_list() {
    let mut app = demo_app();
    assert_eq!(app.visible.len(), 2);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "088-0402");
    assert_eq!(
        app.visible.len(),
        1,
        "only the phone case mentions 088-0402"
    );
    assert!(
        app.selected()
            .unwrap()
            .title
            .to_lowercase()
            .contains("phone")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible.len(), 2);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.visible.len(), 1, "a resolved case leaves the open list");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.visible.len(), 2, "f shows all");
}

#[test]
fn read_only_cases_refuse_changes_and_say_why() {
    let mut app = demo_app();
    let mut rows = app.rows.clone();
    if let Some(CaseFile::Readable { access, .. }) = rows.first_mut() {
        *access = Access::ReadOnly(ReadOnly::NewerSchema { schema: 9 });
    }
    send(&mut app, Msg::Listed(rows));
    let effects = update(&mut app, Msg::Action(runaround::app::Action::LogEvent));
    assert!(effects.is_empty());
    assert!(app.overlay.is_none());
    assert!(app.message.as_ref().unwrap().text.contains("read-only"));
}

#[test]
fn new_case_form_creates_and_selects_the_case() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Router niet geleverd");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Ziggo");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "-3h");
    press(&mut app, KeyCode::Enter);
    let case = app.selected().unwrap();
    assert_eq!(
        (case.title.as_str(), case.organisation.as_str()),
        ("Router niet geleverd", "Ziggo")
    );
    assert_eq!(Counters::of(case, now()).without_service_seconds, 3 * 3600);
}

#[test]
fn notes_typed_into_a_case_that_vanishes_are_still_saved() {
    let mut app = demo_app();
    let id = app.selected().unwrap().id.clone();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "Zoë");
    // Unreadable for a moment (a sync halfway through writing it): the typing stays.
    let queued = update(
        &mut app,
        Msg::Unreadable {
            id: id.clone(),
            problem: FileProblem::Empty,
        },
    );
    assert!(queued.is_empty(), "{queued:?}");
    assert_eq!(app.mode, Mode::Insert);
    assert!(app.notes.text().starts_with("Zoë"));
    // Gone for good: what was typed is saved all the same (storage rescues it).
    let queued = update(&mut app, Msg::Gone(id.clone()));
    // (Then the case selected in its place is read.)
    match &queued[..] {
        [
            Effect::Mutate {
                id: saved,
                mutation: Mutation::SetNotes { text, .. },
            },
            ..,
        ] => {
            assert_eq!(saved, &id);
            assert!(text.starts_with("Zoë"), "{text}");
        }
        other => panic!("expected the typed notes to be saved, got {other:?}"),
    }
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_logged_event_is_selected_once_saved() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Tab);
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typ(&mut app, "-3d");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "back-dated into the middle");
    press(&mut app, KeyCode::Enter);
    let selected = app.selected_event().unwrap();
    assert_eq!(selected.summary, "back-dated into the middle");
    assert_ne!(
        app.event_index,
        Some(app.selected().unwrap().events.len() - 1)
    );
}

#[test]
fn a_clock_that_jumps_back_is_pointed_out() {
    let mut app = demo_app();
    at(&mut app, 60);
    assert!(app.message.is_none());
    at(&mut app, 59);
    assert!(app.message.is_none(), "a second back is no jump");
    at(&mut app, -3600);
    let message = app.message.as_ref().expect("a warning");
    assert!(message.error);
    assert!(
        message.text.contains("clock went back 1h"),
        "{}",
        message.text
    );
}

/// Three cases whose accented words are in a title, in notes and in an event.
fn accented_cases() -> Vec<runaround::domain::Case> {
    use runaround::domain::{Case, Event};
    let mut title = Case::new("aaaa1111", "Café de la gare: pas de ligne", "Orange", now());
    title.opened = now() - Duration::days(3);
    let mut notes = Case::new("bbbb2222", "Boutique", "KPN", now());
    notes.notes = "Le magasin est FERMÉ le lundi".into();
    let mut events = Case::new("cccc3333", "Telefoon", "Ziggo", now());
    events
        .events
        .push(Event::new(Kind::Call, now(), "gesproken met Kévin"));
    vec![title, notes, events]
}

/// The titles the list shows after searching for `typed`.
fn found(typed: &str) -> Vec<String> {
    let mut app = app_on(&accented_cases());
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, typed);
    let mut titles: Vec<String> = app
        .visible
        .iter()
        .filter_map(|&i| app.rows[i].summary().map(|s| s.title.clone()))
        .collect();
    titles.sort();
    titles
}

#[test]
fn search_ignores_accents_and_case_in_titles_notes_and_events() {
    assert_eq!(found("cafe"), ["Café de la gare: pas de ligne"]);
    assert_eq!(found("CAFÉ DE"), ["Café de la gare: pas de ligne"]);
    assert_eq!(found("ferme"), ["Boutique"]);
    assert_eq!(found("fermé le"), ["Boutique"]);
    assert_eq!(found("Kevin"), ["Telefoon"]);
    assert_eq!(found("kévin"), ["Telefoon"]);
    assert!(found("kevinn").is_empty());
}
