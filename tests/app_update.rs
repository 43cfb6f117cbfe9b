//! Update tables against the real executor on a temporary journal: a message goes into
//! `update`, the effects it answers with are carried out by the runtime's own executor, and
//! the case files and the app's state show what happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use common::{app_on, carry_out, demo_cases, now, stored};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::{App, Effect, Mode, Msg, Row, update};
use runaround::domain::Summary;
use runaround::storage::Store;
use runaround::tui::executor::Executor;

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::from(code))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Sends each message in turn, carrying out what it answers; returns every effect asked for.
fn run(app: &mut App, msgs: Vec<Msg>) -> Vec<Effect> {
    let mut all = Vec::new();
    for msg in msgs {
        let effects = update(app, msg);
        all.extend(effects.clone());
        common::apply(app, effects);
    }
    all
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

fn selected_id(app: &App) -> String {
    app.selected_row().unwrap().id().to_string()
}

#[test]
fn a_listing_asks_for_the_selected_case_and_the_executor_reads_it() {
    let cases = demo_cases();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for case in &cases {
        store.insert(case).unwrap();
    }
    let rows: Vec<Row> = cases
        .iter()
        .map(|c| Row::listed(Summary::of(c, now()), runaround::storage::Access::Writable))
        .collect();
    let mut app = App::new(Vec::new(), now());
    let effects = update(&mut app, Msg::Listed(rows));
    let [Effect::Open(id)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*id, selected_id(&app));
    assert!(app.selected().is_none(), "not read yet");
    let mut executor = Executor::new(store.clone(), HashMap::new());
    let exit = carry_out(&mut executor, &mut app, effects);
    assert!(!exit);
    assert_eq!(
        app.selected().map(|c| c.id.clone()),
        Some(selected_id(&app))
    );
}

#[test]
fn moving_the_selection_opens_the_next_case_once() {
    let mut app = common::demo_app();
    let first = selected_id(&app);
    let effects = update(&mut app, key(KeyCode::Down));
    let second = selected_id(&app);
    assert_ne!(first, second);
    assert_eq!(effects, vec![Effect::Open(second.clone())]);
    common::apply(&mut app, effects);
    assert_eq!(app.selected().unwrap().id, second);
    // Read already: going nowhere new asks for nothing.
    assert!(update(&mut app, Msg::Tick(now())).is_empty());
}

#[test]
fn a_note_logged_with_keys_is_in_the_case_file_and_selected() {
    let mut app = common::demo_app();
    let id = selected_id(&app);
    let before = stored(&id).unwrap().events.len();
    // The event form opens on its summary: up to the kind, the next one, then the summary.
    let msgs = vec![
        key(KeyCode::Char('l')),
        key(KeyCode::Up),
        key(KeyCode::Up),
        key(KeyCode::Right),
    ];
    let effects = run(&mut app, msgs);
    assert!(effects.is_empty(), "{effects:?}");
    let kind = match &app.overlay {
        Some(runaround::app::Overlay::Form(form)) => form.value("kind").to_string(),
        other => panic!("{other:?}"),
    };
    let mut msgs = vec![key(KeyCode::Tab), key(KeyCode::Tab)];
    msgs.extend(typed("asked again"));
    msgs.push(key(KeyCode::Enter));
    let _ = run(&mut app, msgs);
    let case = stored(&id).unwrap();
    assert_eq!(case.events.len(), before + 1, "{:?}", app.message);
    let added = case
        .events
        .iter()
        .find(|e| e.summary.contains("asked again") || e.detail.contains("asked again"));
    let added = added.unwrap_or_else(|| panic!("{:?}", case.events.last()));
    assert_eq!(added.kind.as_str(), kind);
    assert_eq!(
        app.selected_event(),
        Some(added),
        "the new event is selected"
    );
}

#[test]
fn a_new_case_from_the_form_becomes_a_file_with_the_id_storage_gave() {
    let mut app = common::demo_app();
    let mut msgs = vec![key(KeyCode::Char('n'))];
    msgs.extend(typed("Modem kapot"));
    msgs.push(key(KeyCode::Tab));
    msgs.extend(typed("Ziggo"));
    msgs.push(key(KeyCode::Enter));
    let effects = run(&mut app, msgs);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Create(c) if c.title == "Modem kapot")),
        "{effects:?}"
    );
    let case = app.selected().unwrap().clone();
    assert_eq!(case.title, "Modem kapot");
    assert_eq!(stored(&case.id), Some(case));
}

#[test]
fn ctrl_c_saves_typed_notes_then_exits() {
    let mut app = common::demo_app();
    let id = selected_id(&app);
    let mut msgs = vec![
        key(KeyCode::Tab),
        key(KeyCode::Tab),
        key(KeyCode::Char('i')),
    ];
    msgs.extend(typed("Bellen na 17:00"));
    let _ = run(&mut app, msgs);
    assert_eq!(app.mode, Mode::Insert);
    let effects = update(&mut app, ctrl('c'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Mutate { .. }, Effect::Quit]
    ));
    assert!(
        common::apply(&mut app, effects),
        "the executor's quit comes back as an exit"
    );
    assert!(stored(&id).unwrap().notes.starts_with("Bellen na 17:00"));
}

#[test]
fn a_search_asks_the_executor_which_files_hold_the_text() {
    // A word only in one case's notes: the list cannot know it from the summaries.
    let mut cases = demo_cases();
    cases[1].notes = "sleutelwoord xyzzy".into();
    let hidden = cases[1].id.clone();
    let mut app = app_on(&cases);
    let mut msgs = vec![key(KeyCode::Char('f')), key(KeyCode::Char('/'))];
    msgs.extend(typed("xyzzy"));
    let effects = run(&mut app, msgs);
    assert!(
        effects.contains(&Effect::Search("xyzzy".into())),
        "{effects:?}"
    );
    let shown: Vec<&str> = app.visible.iter().map(|&i| app.rows[i].id()).collect();
    assert_eq!(shown, vec![hidden.as_str()]);
}

#[test]
fn a_case_file_deleted_elsewhere_moves_the_selection_and_opens_the_next() {
    let mut app = common::demo_app();
    let gone = selected_id(&app);
    let effects = update(&mut app, Msg::Gone(gone.clone()));
    let next = selected_id(&app);
    assert_ne!(next, gone);
    assert_eq!(effects, vec![Effect::Open(next.clone())]);
    common::apply(&mut app, effects);
    assert_eq!(app.selected().unwrap().id, next);
}

#[test]
fn a_change_storage_cannot_make_is_said_and_writes_nothing() {
    let mut app = common::demo_app();
    let id = selected_id(&app);
    // The case file goes (elsewhere) while its case is on screen.
    let file = common::store_path(&id);
    std::fs::remove_file(&file).unwrap();
    let mut msgs = vec![
        key(KeyCode::Char('l')),
        key(KeyCode::Tab),
        key(KeyCode::Tab),
    ];
    msgs.extend(typed("never saved"));
    msgs.push(key(KeyCode::Enter));
    let effects = run(&mut app, msgs);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Mutate { id: m, .. } if *m == id)),
        "{effects:?}"
    );
    let message = app.message.clone().unwrap();
    assert!(
        message.error && message.text.starts_with("not saved:"),
        "{message:?}"
    );
    assert!(!file.exists(), "a failed change wrote the file");
}

#[test]
fn quitting_with_notes_that_could_not_be_saved_asks_first_and_y_exits() {
    let mut app = common::demo_app();
    let id = selected_id(&app);
    let mut msgs = vec![
        key(KeyCode::Tab),
        key(KeyCode::Tab),
        key(KeyCode::Char('i')),
    ];
    msgs.extend(typed("nergens opgeslagen"));
    msgs.push(key(KeyCode::Esc));
    let _ = run(&mut app, msgs);
    // The file goes; the next save of the notes fails and they are rescued.
    std::fs::remove_file(common::store_path(&id)).unwrap();
    let mut msgs = vec![key(KeyCode::Char('i'))];
    msgs.extend(typed("meer "));
    msgs.push(key(KeyCode::Esc));
    let _ = run(&mut app, msgs);
    assert!(
        app.message.as_ref().is_some_and(|m| m.error),
        "{:?}",
        app.message
    );
    let effects = update(&mut app, key(KeyCode::Char('q')));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Mutate { .. }, Effect::Quit]
    ));
    assert!(
        !common::apply(&mut app, effects),
        "quit with the notes lost"
    );
    let Some(runaround::app::Overlay::ConfirmQuit { kept }) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert!(kept.contains("rescued-notes-"), "{kept}");
    let effects = update(&mut app, key(KeyCode::Char('y')));
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(common::apply(&mut app, effects), "y did not exit");
}

/// An idle screen is drawn again only when a figure on it reads differently: a running outage
/// of an hour or more shows minutes, so it changes on its minute, not each second; under an
/// hour it shows seconds; a stopwatch always does.
#[test]
fn a_running_outage_changes_the_screen_on_its_minute_and_a_call_each_second() {
    use chrono::Duration;
    use runaround::domain::{ActiveCall, Case, Event, Kind};
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let since = at("2026-04-01T07:00:30Z");
    let mut case = Case::new("out", "Geen internet", "KPN", at("2026-03-30T08:00:00Z"));
    case.add_event(Event::new(Kind::Outage, since, "storing"));
    let app = common::app_on(std::slice::from_ref(&case));
    assert_eq!(app.selected().map(|c| c.id.as_str()), Some("out"));
    let second = Duration::seconds(1);
    // Three hours out: `3h 00m` all through the minute.
    let hours = since + Duration::hours(3);
    assert!(!app.shown_counters_change(hours, hours + second));
    assert!(
        !app.shown_counters_change(hours + Duration::seconds(58), hours + Duration::seconds(59))
    );
    assert!(
        app.shown_counters_change(hours + Duration::seconds(59), hours + Duration::seconds(60))
    );
    // Ten minutes out: `10m 05s` moves each second.
    let minutes = since + Duration::minutes(10);
    assert!(app.shown_counters_change(minutes, minutes + second));
    // A call running: its stopwatch moves each second.
    case.active_call = Some(ActiveCall::start("1200", hours));
    let app = common::app_on(&[case]);
    assert!(app.shown_counters_change(hours, hours + second));
}

/// Nothing on screen that changes by itself: no redraw, however long it stays open.
#[test]
fn a_case_without_running_outage_or_call_does_not_change_the_screen() {
    let cases = demo_cases();
    let quiet: Vec<_> = cases
        .into_iter()
        .filter(|c| !runaround::domain::Counters::ticking(c, now()) && c.active_call.is_none())
        .take(1)
        .collect();
    assert_eq!(quiet.len(), 1);
    let app = common::app_on(&quiet);
    assert!(app.selected().is_some());
    let later = now() + chrono::Duration::seconds(1);
    assert!(!app.shown_counters_change(now(), later));
}
