//! How the screen looks under the config's preferences: the light and 16-colour themes and
//! `NO_COLOR` (snapshots that include every cell's style), the first-run screen of an empty
//! journal, and the hint line and help after a key override.
//!
//! Times on screen are local, so the tests run with TZ=Europe/Amsterdam (`common::in_zone`: a
//! test re-runs itself in a child process when TZ is different).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{apply, demo_app, in_zone, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use runaround::app::{App, Overlay};
use runaround::app::{Msg, update};
use runaround::config::{Config, ThemeName};
use runaround::ui::{draw, theme::Theme};

fn render(app: &mut App, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, theme)).unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(Cell::symbol).collect::<String>() + "\n")
        .collect()
}

fn colours(terminal: &Terminal<TestBackend>) -> Vec<Color> {
    let cells = terminal.backend().buffer().content();
    cells.iter().flat_map(|c| [c.fg, c.bg]).collect()
}

#[test]
fn light_theme_80x24_with_styles() {
    if in_zone("light_theme_80x24_with_styles") {
        let terminal = render(
            &mut demo_app(),
            &Theme::named(ThemeName::Light, false),
            80,
            24,
        );
        // The Debug form of the buffer lists each change of style, so colours are in it.
        insta::assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
    }
}

#[test]
fn no_color_80x24_with_styles() {
    if in_zone("no_color_80x24_with_styles") {
        // NO_COLOR wins over whatever theme the config names.
        let terminal = render(
            &mut demo_app(),
            &Theme::named(ThemeName::Light, true),
            80,
            24,
        );
        insta::assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
    }
}

#[test]
fn no_color_uses_no_colour_at_all() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Ansi16] {
        let terminal = render(&mut demo_app(), &Theme::named(name, true), 100, 30);
        let coloured: Vec<_> = colours(&terminal)
            .into_iter()
            .filter(|c| *c != Color::Reset)
            .collect();
        assert!(coloured.is_empty(), "{name:?} with NO_COLOR: {coloured:?}");
        let cells = terminal.backend().buffer().content();
        assert!(
            cells
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED)),
            "the selection is no longer visible without colour"
        );
    }
}

#[test]
fn the_16_colour_theme_keeps_to_the_16_colours() {
    let mut app = demo_app();
    let terminal = render(&mut app, &Theme::named(ThemeName::Ansi16, false), 100, 30);
    let colours = colours(&terminal);
    let odd: Vec<_> = colours
        .iter()
        .filter(|c| matches!(c, Color::Rgb(..) | Color::Indexed(_)))
        .collect();
    assert!(odd.is_empty(), "colours beyond the 16: {odd:?}");
    assert!(
        colours.iter().any(|c| *c != Color::Reset),
        "no colour at all"
    );
    // The dark theme does use more: the 16-colour one is a real fallback.
    let dark = render(&mut app, &Theme::named(ThemeName::Dark, false), 100, 30);
    assert!(
        self::colours(&dark)
            .iter()
            .any(|c| matches!(c, Color::Rgb(..)))
    );
}

#[test]
fn light_and_dark_differ() {
    let mut app = demo_app();
    let light = render(&mut app, &Theme::named(ThemeName::Light, false), 80, 24);
    let dark = render(&mut app, &Theme::named(ThemeName::Dark, false), 80, 24);
    assert_eq!(text(&light), text(&dark));
    assert_ne!(colours(&light), colours(&dark));
}

#[test]
fn first_run_80x24() {
    if in_zone("first_run_80x24") {
        let mut app = App::new(Vec::new(), now());
        let terminal = render(&mut app, &Theme::new(true), 80, 24);
        insta::assert_snapshot!(text(&terminal));
    }
}

#[test]
fn first_run_offers_n_and_the_demo_and_n_works() {
    let mut app = App::new(Vec::new(), now());
    let screen = text(&render(&mut app, &Theme::new(true), 80, 24));
    assert!(screen.contains("create your first case"), "{screen}");
    assert!(screen.contains("runaround demo"), "{screen}");
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('n'))));
    apply(&mut app, effects);
    assert!(
        matches!(&app.overlay, Some(Overlay::Form(f)) if f.title == "New case"),
        "n did not open the new-case form"
    );
    // With a remapped key the screen offers that key.
    let config = Config::parse(
        r#"(keys: { "new_case": "N" })"#,
        std::path::Path::new("c.ron"),
    )
    .unwrap();
    let mut app = App::new(Vec::new(), now());
    app.configure(config.keymap, config_prefs());
    let screen = text(&render(&mut app, &Theme::new(true), 80, 24));
    assert!(
        screen
            .lines()
            .any(|l| l.contains(" N ") && l.contains("create your first case")),
        "{screen}"
    );
    let header = screen.lines().next().unwrap();
    assert!(header.contains("N creates one"), "header: {header}");
}

#[test]
fn a_remapped_key_shows_in_the_hint_line_and_help_and_works() {
    let config = Config::parse(
        "(\n  keys: {\n    \"log_event\": \"L\",\n  },\n)",
        std::path::Path::new("c.ron"),
    )
    .unwrap();
    let mut app = demo_app();
    app.keymap = config.keymap;
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    let hint = screen.lines().last().unwrap();
    assert!(hint.contains(" L log "), "hint line: {hint}");
    assert!(!hint.contains(" l log "), "hint line: {hint}");

    // `l` no longer logs; `L` does.
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('l'))));
    apply(&mut app, effects);
    assert!(app.overlay.is_none(), "l still opens something");
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT)),
    );
    apply(&mut app, effects);
    assert!(
        matches!(&app.overlay, Some(Overlay::Form(f)) if f.title.contains("Log")),
        "L did not open the log form: {:?}",
        app.overlay.as_ref().map(|_| "another overlay")
    );
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Esc)));
    apply(&mut app, effects);

    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('?'))));
    apply(&mut app, effects);
    let help = text(&render(&mut app, &Theme::new(true), 100, 40));
    let row = help
        .lines()
        .find(|l| l.contains("log an event"))
        .expect("the help lists logging");
    assert!(row.contains(" L  log an event"), "help row: {row}");
}

#[test]
fn the_date_format_of_the_config_is_the_timelines_date_column() {
    if in_zone("the_date_format_of_the_config_is_the_timelines_date_column") {
        let mut app = demo_app();
        let before = text(&render(&mut app, &Theme::new(true), 100, 30));
        assert!(before.contains("Mon 30 Mar 19:45"), "{before}");
        let config = Config::parse(
            r#"(date_format: "%Y-%m-%d %H:%M")"#,
            std::path::Path::new("c.ron"),
        )
        .unwrap();
        app.prefs.date_format = config.date_format;
        let after = text(&render(&mut app, &Theme::new(true), 100, 30));
        assert!(after.contains("2026-03-30 19:45 msg"), "{after}");
        assert!(!after.contains("Mon 30 Mar 19:45"), "{after}");
    }
}

#[test]
fn the_new_case_form_starts_with_the_default_organisation() {
    let mut app = demo_app();
    app.prefs.default_organisation = "Ziggo".into();
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('n'))));
    apply(&mut app, effects);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("n opened no form");
    };
    let org = form
        .inputs
        .iter()
        .find(|i| i.label == "organisation")
        .unwrap();
    assert_eq!(org.value, "Ziggo");
}

#[test]
fn a_help_too_long_for_the_terminal_scrolls_and_other_keys_close_it() {
    let mut app = demo_app();
    let press = |app: &mut App, code: KeyCode| {
        let effects = update(app, Msg::Key(KeyEvent::from(code)));
        apply(app, effects);
    };
    press(&mut app, KeyCode::Char('?'));
    let first = text(&render(&mut app, &Theme::new(true), 80, 24));
    assert!(first.contains("more: j/k scroll"), "{first}");
    assert!(!first.contains("during a call"), "{first}");
    press(&mut app, KeyCode::Char('j'));
    let second = text(&render(&mut app, &Theme::new(true), 80, 24));
    assert_ne!(first, second, "j did not scroll the help");
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    press(&mut app, KeyCode::End);
    let last = text(&render(&mut app, &Theme::new(true), 80, 24));
    assert!(last.contains("during a call"), "{last}");
    assert!(last.contains("any key closes this help"), "{last}");
    assert!(last.contains("k scrolls back"), "{last}");
    press(&mut app, KeyCode::Char('x'));
    assert!(app.overlay.is_none(), "x did not close the help");
    // Where it all fits, nothing says there is more.
    press(&mut app, KeyCode::Char('?'));
    let tall = text(&render(&mut app, &Theme::new(true), 100, 80));
    assert!(
        !tall.contains("more:") && tall.contains("during a call"),
        "{tall}"
    );
}

fn config_prefs() -> runaround::app::Prefs {
    runaround::app::Prefs::default()
}

#[test]
fn empty_notes_name_the_edit_key_in_force() {
    let mut cases = common::demo_cases();
    cases[0].notes.clear();
    cases[1].notes.clear();
    let mut app = common::app_on(&cases);
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("no notes yet: i to write"), "{screen}");
    let config = Config::parse(
        r#"(keys: { "edit_notes": "w" })"#,
        std::path::Path::new("c.ron"),
    )
    .unwrap();
    app.configure(config.keymap, config_prefs());
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("no notes yet: w to write"), "{screen}");
    // Also once another case's notes are loaded.
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('j'))));
    apply(&mut app, effects);
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("no notes yet: w to write"), "{screen}");
}

/// The app with the keys of `keys` (a config file's `keys` map, in RON) in force.
fn rebound(app: &mut App, keys: &str) {
    let config = Config::parse(
        &format!("(keys: {{ {keys} }})"),
        std::path::Path::new("c.ron"),
    )
    .unwrap();
    app.configure(config.keymap, config_prefs());
}

fn press(app: &mut App, key: KeyEvent) {
    let effects = update(app, Msg::Key(key));
    apply(app, effects);
}

#[test]
fn the_stopwatch_names_the_call_keys_in_force() {
    let mut app = demo_app();
    rebound(&mut app, r#""answered": "A", "end_call": "F3""#);
    press(&mut app, KeyEvent::from(KeyCode::Char('c')));
    press(&mut app, KeyEvent::from(KeyCode::Enter));
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(
        screen.contains("A answered · h on hold · t transferred · F3 end"),
        "{screen}"
    );
    assert!(!screen.contains("a answered"), "{screen}");
}

#[test]
fn rebound_question_form_and_search_keys_work_and_are_the_ones_shown() {
    let mut app = demo_app();
    rebound(
        &mut app,
        r#""yes": "j", "submit": "F2", "keep_search": "F4", "save_notes": "C-w""#,
    );
    // The delete question: its key is shown, and the old y no longer deletes.
    press(&mut app, KeyEvent::from(KeyCode::Tab));
    press(&mut app, KeyEvent::from(KeyCode::Char('d')));
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("j delete (u undoes)"), "{screen}");
    let events = app.selected().unwrap().events.len();
    press(&mut app, KeyEvent::from(KeyCode::Char('y')));
    assert_eq!(
        app.selected().unwrap().events.len(),
        events,
        "y still deleted"
    );
    press(&mut app, KeyEvent::from(KeyCode::Char('d')));
    press(&mut app, KeyEvent::from(KeyCode::Char('j')));
    assert!(
        !app.selected().unwrap().deleted_events.is_empty()
            || app.selected().unwrap().events.len() < events,
        "j did not delete"
    );
    // A form: Enter no longer saves; F2 does, and the form says so.
    press(&mut app, KeyEvent::from(KeyCode::Char('s')));
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("F2 save · Esc cancel"), "{screen}");
    press(&mut app, KeyEvent::from(KeyCode::Enter));
    assert!(matches!(app.overlay, Some(Overlay::Form(_))), "Enter saved");
    press(&mut app, KeyEvent::from(KeyCode::F(2)));
    assert!(app.overlay.is_none(), "F2 did not save");
    // A search: F4 keeps it, and the hint line says so.
    press(&mut app, KeyEvent::from(KeyCode::Char('/')));
    let screen = text(&render(&mut app, &Theme::new(true), 100, 30));
    assert!(screen.contains("F4 keep · Esc clear"), "{screen}");
    press(&mut app, KeyEvent::from(KeyCode::F(4)));
    assert_eq!(app.mode, runaround::app::Mode::Normal);
    // The notes editor: the help names the save key in force.
    press(&mut app, KeyEvent::from(KeyCode::Char('?')));
    let mut help = String::new();
    for _ in 0..3 {
        help.push_str(&text(&render(&mut app, &Theme::new(true), 100, 30)));
        press(&mut app, KeyEvent::from(KeyCode::PageDown));
    }
    assert!(help.contains("Ctrl-W save"), "{help}");
}

#[test]
fn esc_and_ctrl_c_stay_reserved() {
    for keys in [
        r#""cancel_search": "F5""#,
        r#""quit": "C-c""#,
        r#""submit": "Esc""#,
    ] {
        let parsed = Config::parse(
            &format!("(keys: {{ {keys} }})"),
            std::path::Path::new("c.ron"),
        );
        assert!(parsed.is_err(), "{keys} was accepted");
    }
}
