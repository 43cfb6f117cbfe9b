//! Rendering: whole-screen snapshots at fixed sizes with a fixed clock, and a sweep of every
//! size from 0x0 to 120x40 that must never panic.
//!
//! Times on screen are local, so the tests run with TZ=Europe/Amsterdam: when the variable is
//! different, each test re-runs itself in a child process with it set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::{apply, demo_app, in_zone, now, send};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Msg, update};
use runaround::i18n::Lang;
use runaround::ui::{draw, theme::Theme};

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    terminal
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        let effects = update(app, Msg::Key(KeyEvent::from(*code)));
        apply(app, effects);
    }
}

#[test]
fn demo_80x24() {
    if in_zone("demo_80x24") {
        insta::assert_snapshot!(render(&mut demo_app(), 80, 24).backend());
    }
}

#[test]
fn demo_100x30() {
    if in_zone("demo_100x30") {
        insta::assert_snapshot!(render(&mut demo_app(), 100, 30).backend());
    }
}

#[test]
fn demo_40x12_shows_one_pane() {
    if in_zone("demo_40x12_shows_one_pane") {
        insta::assert_snapshot!(render(&mut demo_app(), 40, 12).backend());
    }
}

#[test]
fn call_running_80x24() {
    if in_zone("call_running_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('c'), KeyCode::Enter]);
        let effects = update(&mut app, Msg::Tick(now() + Duration::seconds(12 * 60 + 7)));
        apply(&mut app, effects);
        keys(&mut app, &[KeyCode::Char('t')]);
        for c in "088-0402".chars() {
            keys(&mut app, &[KeyCode::Char(c)]);
        }
        keys(&mut app, &[KeyCode::Enter]);
        let effects = update(&mut app, Msg::Tick(now() + Duration::seconds(20 * 60 + 9)));
        apply(&mut app, effects);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn help_80x24() {
    if in_zone("help_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('?')]);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn log_form_80x24() {
    if in_zone("log_form_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('l')]);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn too_small_says_so() {
    let mut app = demo_app();
    let terminal = render(&mut app, 29, 8);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(text.contains("too small"), "{text}");
}

/// Renders `app` at every size from 0x0 to 120x40, in every language. The frame is drawn
/// without flushing it to the backend: a panic would come from the views, and the flush only
/// costs time.
fn sweep(mut app: App) {
    for lang in Lang::ALL {
        let _lang = lang.scope();
        sweep_in(&mut app);
    }
}

fn sweep_in(app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for w in 0..=120u16 {
        for h in 0..=40u16 {
            terminal.backend_mut().resize(w, h);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            let mut frame = terminal.get_frame();
            draw(&mut frame, app, &Theme::new(false));
            assert_eq!(frame.area(), ratatui::layout::Rect::new(0, 0, w, h));
        }
    }
}

#[test]
fn every_size_renders_the_demo() {
    sweep(demo_app());
}

#[test]
fn every_size_renders_a_running_call() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('c'), KeyCode::Enter]);
    assert!(app.selected().unwrap().active_call.is_some());
    sweep(app);
}

#[test]
fn every_size_renders_the_log_form() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('l')]);
    sweep(app);
}

#[test]
fn every_size_renders_the_help() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('?')]);
    sweep(app);
}

#[test]
fn every_size_renders_wide_and_combined_characters_in_notes() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('i')]);
    send(
        &mut app,
        Msg::Paste("漢字 👩‍🔬 e\u{301} \u{202e}bidi\u{202c} ".into()),
    );
    sweep(app);
}

#[test]
fn every_size_renders_an_empty_journal() {
    sweep(App::new(Vec::new(), now()));
}

#[test]
fn an_unreadable_case_shows_why_in_the_timeline() {
    let rows = vec![runaround::storage::CaseFile::Unreadable {
        id: "k7f3q2ab".into(),
        problem: runaround::storage::FileProblem::Parse {
            line: 3,
            column: 5,
            message: "Expected string".into(),
        },
        stamp: runaround::storage::Stamp::default(),
    }];
    let mut app = App::new(rows, now());
    let terminal = render(&mut app, 80, 24);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(
        text.contains("cases/k7f3q2ab.ron cannot be read:"),
        "{text}"
    );
    assert!(text.contains("line 3, column 5: Expected string"), "{text}");
}
