//! The mouse and the `E` key at the app level: clicks and the wheel find the pane, case and
//! event under the pointer from where the last frame drew them; `E` asks the runtime to run
//! the editor on the notes as they are, saving typed notes first.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{apply, demo_app, send};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use runaround::app::{App, Effect, Msg, Overlay, Pane, update};
use runaround::ui::{draw, theme::Theme};

fn frame(app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
}

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    let effects = update(
        app,
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
    apply(app, effects);
    frame(app);
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

fn selected_id(app: &App) -> String {
    app.selected_row().unwrap().id().to_string()
}

#[test]
fn a_click_selects_the_case_under_it() {
    let mut app = demo_app();
    frame(&mut app);
    let cases = app.view.hits.cases.unwrap();
    let first = selected_id(&app);
    // Each case takes two lines inside the border: the second case is on lines 2 and 3.
    click(&mut app, cases.x + 3, cases.y + 1 + 3);
    let second = selected_id(&app);
    assert_ne!(first, second, "the click did not move the selection");
    assert_eq!(app.case_index, Some(1));
    assert_eq!(
        app.selected().map(|c| c.id.clone()),
        Some(second),
        "the clicked case was not read"
    );
    click(&mut app, cases.x + 3, cases.y + 1);
    assert_eq!(selected_id(&app), first);
    // Below the last case, and on the border, nothing changes.
    click(&mut app, cases.x + 3, cases.bottom() - 2);
    click(&mut app, cases.x + 3, cases.y);
    assert_eq!(selected_id(&app), first);
}

#[test]
fn a_click_in_the_timeline_focuses_it_and_selects_the_event() {
    let mut app = demo_app();
    frame(&mut app);
    assert_eq!(app.focus, Pane::Cases);
    let timeline = app.view.hits.timeline.unwrap();
    let offset = app.view.timeline.offset();
    click(&mut app, timeline.x + 5, timeline.y + 1 + 2);
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.event_index, Some(offset + 2));
    let notes = app.view.hits.notes.unwrap();
    click(&mut app, notes.x + 5, notes.y + 2);
    assert_eq!(app.focus, Pane::Notes);
    assert_eq!(app.event_index, Some(offset + 2));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_not_the_focused_one() {
    let mut app = demo_app();
    frame(&mut app);
    let case = selected_id(&app);
    let before = app.event_index.unwrap();
    let timeline = app.view.hits.timeline.unwrap();
    mouse(
        &mut app,
        MouseEventKind::ScrollUp,
        timeline.x + 5,
        timeline.y + 3,
    );
    mouse(
        &mut app,
        MouseEventKind::ScrollUp,
        timeline.x + 5,
        timeline.y + 3,
    );
    assert_eq!(app.event_index, Some(before - 2));
    assert_eq!(app.focus, Pane::Cases, "the wheel moved the focus");
    assert_eq!(selected_id(&app), case);
    let cases = app.view.hits.cases.unwrap();
    mouse(
        &mut app,
        MouseEventKind::ScrollDown,
        cases.x + 3,
        cases.y + 3,
    );
    assert_eq!(app.case_index, Some(1));
}

#[test]
fn the_mouse_leaves_forms_and_typing_alone() {
    let mut app = demo_app();
    frame(&mut app);
    let cases = app.view.hits.cases.unwrap();
    let first = selected_id(&app);
    press(&mut app, KeyCode::Char('l'));
    frame(&mut app);
    click(&mut app, cases.x + 3, cases.y + 1 + 3);
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    assert_eq!(selected_id(&app), first);
}

fn press(app: &mut App, code: KeyCode) {
    let effects = update(app, Msg::Key(KeyEvent::from(code)));
    apply(app, effects);
}

#[test]
fn e_asks_for_the_editor_on_the_notes_as_saved() {
    let mut app = demo_app();
    let id = selected_id(&app);
    let notes = app.selected().unwrap().notes.clone();
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT)),
    );
    assert_eq!(
        effects,
        vec![Effect::EditNotes {
            id: id.clone(),
            text: notes.clone()
        }]
    );

    // The editor starts from what was just typed (saved on leaving the editor pane).
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    send(&mut app, Msg::Paste("Typed here. ".into()));
    assert!(app.notes.dirty);
    press(&mut app, KeyCode::Esc);
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT)),
    );
    let [Effect::EditNotes { id: edited, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*edited, id);
    assert!(text.contains("Typed here. "), "{text:?}");
    assert_eq!(
        *text,
        common::stored(&id).unwrap().notes,
        "the editor would start from unsaved text"
    );
}

#[test]
fn e_without_a_writable_case_says_why() {
    let mut app = App::new(Vec::new(), common::now());
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT)),
    );
    assert!(effects.is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn on_a_narrow_terminal_a_click_on_a_tab_shows_that_pane() {
    let mut app = demo_app();
    let mut terminal = Terminal::new(TestBackend::new(50, 20)).unwrap();
    terminal
        .draw(|f| draw(f, &mut app, &Theme::new(true)))
        .unwrap();
    let &(_, notes_tab) = app
        .view
        .hits
        .tabs
        .iter()
        .find(|(p, _)| *p == Pane::Notes)
        .expect("a Notes tab");
    let row: String = (notes_tab.x..notes_tab.right())
        .map(|x| {
            terminal.backend().buffer()[(x, notes_tab.y)]
                .symbol()
                .to_string()
        })
        .collect();
    assert_eq!(row, " Notes ");
    let effects = update(
        &mut app,
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: notes_tab.x + 2,
            row: notes_tab.y,
            modifiers: KeyModifiers::NONE,
        }),
    );
    apply(&mut app, effects);
    assert_eq!(app.focus, Pane::Notes);
}
