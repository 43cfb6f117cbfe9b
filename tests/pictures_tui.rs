//! The pictures in the TUI: the map, the directory of numbers and the charts, one key away,
//! drawn in-process at 80x24 and 120x40 with a fixed clock in Amsterdam's time zone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{apply, demo_app, in_zone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Msg, Overlay, Picture, update};
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

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let terminal = render(app, w, h);
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn picture(app: &App) -> Option<Picture> {
    match &app.overlay {
        Some(Overlay::Pictures(p)) => Some(p.picture),
        _ => None,
    }
}

#[test]
fn m_opens_the_map_tab_goes_on_to_numbers_and_charts_and_esc_closes() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('m')]);
    assert_eq!(picture(&app), Some(Picture::Map));
    keys(&mut app, &[KeyCode::Tab]);
    assert_eq!(picture(&app), Some(Picture::Numbers));
    // The directory was learned from every case file.
    let Some(Overlay::Pictures(p)) = &app.overlay else {
        unreachable!()
    };
    assert!(p.directory.as_ref().is_some_and(|d| d.entries.len() >= 7));
    keys(&mut app, &[KeyCode::Tab]);
    assert_eq!(picture(&app), Some(Picture::Charts));
    keys(&mut app, &[KeyCode::BackTab, KeyCode::Char('b')]);
    assert_eq!(picture(&app), Some(Picture::Charts));
    keys(&mut app, &[KeyCode::Char('#')]);
    assert_eq!(picture(&app), Some(Picture::Numbers));
    // q closes the picture; it does not quit.
    keys(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, None);
    keys(&mut app, &[KeyCode::Char('m'), KeyCode::Esc]);
    assert_eq!(app.overlay, None);
}

#[test]
fn picking_a_place_shows_its_calls_and_the_pick_stays_on_the_map() {
    if !in_zone("picking_a_place_shows_its_calls_and_the_pick_stays_on_the_map") {
        return;
    }
    let mut app = demo_app();
    // The French story is the second case.
    keys(
        &mut app,
        &[KeyCode::Char('j'), KeyCode::Char('m'), KeyCode::Char('j')],
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("▸ 1200 · number"), "{s}");
    assert!(s.contains("hold 12m"), "{s}");
    // Past the last place the pick stays on the last one.
    keys(&mut app, &[KeyCode::Char('j'); 9]);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("▸ 088-0402 · number"), "{s}");
    keys(&mut app, &[KeyCode::Char('k')]);
    assert!(screen(&mut app, 80, 24).contains("▸ 0800-0403 · number"));
}

#[test]
fn the_help_names_the_pictures_keys() {
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('?')]);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("runaround map"), "{s}");
}

#[test]
fn map_80x24() {
    if in_zone("map_80x24") {
        let mut app = demo_app();
        keys(
            &mut app,
            &[KeyCode::Char('j'), KeyCode::Char('m'), KeyCode::Char('j')],
        );
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn map_120x40() {
    if in_zone("map_120x40") {
        let mut app = demo_app();
        keys(
            &mut app,
            &[KeyCode::Char('j'), KeyCode::Char('m'), KeyCode::Char('j')],
        );
        insta::assert_snapshot!(render(&mut app, 120, 40).backend());
    }
}

#[test]
fn map_of_the_dutch_story_80x24() {
    if in_zone("map_of_the_dutch_story_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('m')]);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn numbers_80x24() {
    if in_zone("numbers_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('#')]);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn numbers_120x40() {
    if in_zone("numbers_120x40") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('#'), KeyCode::Char('j')]);
        insta::assert_snapshot!(render(&mut app, 120, 40).backend());
    }
}

#[test]
fn charts_80x24() {
    if in_zone("charts_80x24") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('b')]);
        insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    }
}

#[test]
fn charts_120x40() {
    if in_zone("charts_120x40") {
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('b')]);
        insta::assert_snapshot!(render(&mut app, 120, 40).backend());
    }
}

#[test]
fn the_pictures_speak_dutch_and_french_at_80x24() {
    if !in_zone("the_pictures_speak_dutch_and_french_at_80x24") {
        return;
    }
    for (lang, map, numbers, charts) in [
        (Lang::Nl, "1 rondje", "mediaan", "In de wacht per gesprek"),
        (Lang::Fr, "1 boucle", "médiane", "Attente par appel"),
    ] {
        let _lang = lang.scope();
        let mut app = demo_app();
        keys(&mut app, &[KeyCode::Char('m')]);
        let s = screen(&mut app, 80, 24);
        assert!(s.contains(map), "{lang}: {s}");
        keys(&mut app, &[KeyCode::Tab]);
        let s = screen(&mut app, 80, 24);
        assert!(s.contains(numbers), "{lang}: {s}");
        keys(&mut app, &[KeyCode::Tab]);
        let s = screen(&mut app, 80, 24);
        assert!(s.contains(charts), "{lang}: {s}");
    }
}

#[test]
fn every_picture_draws_at_every_size_without_panicking() {
    let mut app = demo_app();
    for key in ['m', '#', 'b'] {
        keys(&mut app, &[KeyCode::Esc, KeyCode::Char(key)]);
        for w in (0..=120).step_by(7) {
            for h in (0..=40).step_by(3) {
                render(&mut app, w, h);
            }
        }
    }
    assert_eq!(picture(&app), Some(Picture::Charts));
}

#[test]
fn the_call_form_suggests_known_numbers_with_their_median_hold() {
    let mut app = demo_app();
    // The Dutch story is selected; its last number is filled in and suggested with its hold.
    keys(&mut app, &[KeyCode::Char('c')]);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("known numbers"), "{s}");
    assert!(
        s.contains("0800-0402 · median hold 19m 30s · sent you elsewhere 1 of 6 times"),
        "{s}"
    );
    assert!(!s.contains("1200 · median"), "{s}");
    // Typed otherwise, the suggestions follow what is typed.
    keys(&mut app, &[KeyCode::Backspace; 12]);
    keys(&mut app, &[KeyCode::Char('1'), KeyCode::Char('2')]);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("1200 · median hold 10m 30s · sent you elsewhere 1 of 4 times"),
        "{s}"
    );
    assert!(!s.contains("0800-0402 · median"), "{s}");
    // Ctrl-N takes the first suggestion.
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(
            KeyCode::Char('n'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    apply(&mut app, effects);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form closed")
    };
    assert_eq!(form.inputs[form.focus].value, "1200");
    // Away from the number, nothing is suggested.
    keys(&mut app, &[KeyCode::Tab]);
    assert!(!screen(&mut app, 80, 24).contains("known numbers"));
}
