//! The main screens in Dutch and French at 80x24: snapshots, and the words that must be whole
//! (the header and the hint line cut no word in any language).
//!
//! Times on screen are local, so the tests run with TZ=Europe/Amsterdam (see `in_zone`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::{apply, demo_app, in_zone, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Mode, Msg, Scope, update};
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

/// The screen's rows as text.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect())
        .collect()
}

/// The demo with a call running: transferred once, twenty minutes in.
fn call_running() -> App {
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
    app
}

/// The screens that are snapshotted in each language, by name.
fn screens() -> Vec<(&'static str, App)> {
    let mut help = demo_app();
    keys(&mut help, &[KeyCode::Char('?')]);
    let mut form = demo_app();
    keys(&mut form, &[KeyCode::Char('l')]);
    let mut clocks = demo_app();
    keys(&mut clocks, &[KeyCode::Char('K')]);
    vec![
        ("demo", demo_app()),
        ("help", help),
        ("log_form", form),
        ("clocks", clocks),
        ("call_running", call_running()),
    ]
}

/// The screens checked for cut words: those snapshotted, and the demo journal's own (its
/// header says it is a demo).
fn checked() -> Vec<(&'static str, App)> {
    let mut demo_mode = demo_app();
    demo_mode.demo = true;
    let mut notes = demo_app();
    keys(
        &mut notes,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('i')],
    );
    let mut search = demo_app();
    keys(&mut search, &[KeyCode::Char('/')]);
    let mut all = screens();
    all.push(("demo_mode", demo_mode));
    all.push(("editing_notes", notes));
    all.push(("searching", search));
    all
}

fn snapshots(lang: Lang) {
    let _lang = lang.scope();
    for (name, mut app) in screens() {
        let terminal = render(&mut app, 80, 24);
        insta::assert_snapshot!(format!("{name}_80x24_{lang}"), terminal.backend());
    }
}

#[test]
fn main_screens_80x24_in_dutch() {
    if in_zone("main_screens_80x24_in_dutch") {
        snapshots(Lang::Nl);
    }
}

#[test]
fn main_screens_80x24_in_french() {
    if in_zone("main_screens_80x24_in_french") {
        snapshots(Lang::Fr);
    }
}

#[test]
fn the_screens_speak_the_language_of_the_thread() {
    let said = |lang: Lang| {
        let _lang = lang.scope();
        rows(&render(&mut demo_app(), 80, 24)).join("\n")
    };
    let (en, nl, fr) = (said(Lang::En), said(Lang::Nl), said(Lang::Fr));
    assert!(
        en.contains("Timeline (") && en.contains("redirects 3"),
        "{en}"
    );
    assert!(
        nl.contains("Tijdlijn (") && nl.contains("doorverwezen 3"),
        "{nl}"
    );
    assert!(
        fr.contains("Chronologie (") && fr.contains("redirections 3"),
        "{fr}"
    );
    assert!(!nl.contains("Timeline") && !fr.contains("Timeline"));
}

/// The first word of `line` (split at spaces) that is not one of `words`: a word cut by the
/// edge of the screen is none of them.
fn cut_word<'a>(line: &'a str, words: &[String]) -> Option<&'a str> {
    line.split_whitespace()
        .find(|w| !words.iter().any(|k| k == w))
}

#[test]
fn no_word_of_the_header_or_the_hint_line_is_cut_at_80x24() {
    for lang in Lang::ALL {
        let _lang = lang.scope();
        for (name, mut app) in checked() {
            // The hint line says the status message, else the hints of the keys in force.
            let said: Vec<String> = match (&app.message, app.mode) {
                (Some(m), _) => vec![m.text.clone()],
                (None, Mode::Insert) => vec![runaround::t!(
                    "hint-editing-notes",
                    keys = app.keymap.spoken_hints(Scope::Insert)
                )],
                (None, Mode::Search) => vec![runaround::t!(
                    "hint-searching",
                    keys = app.keymap.spoken_hints(Scope::Search)
                )],
                (None, Mode::Normal) => app
                    .keymap
                    .hints_for(&app.scopes(), |_| true)
                    .into_iter()
                    .map(|(k, w)| format!("{k} {w}"))
                    .collect(),
            };
            let words: Vec<String> = said
                .iter()
                .flat_map(|t| t.split_whitespace().map(str::to_string))
                .collect();
            let rows = rows(&render(&mut app, 80, 24));
            let hint = rows.last().unwrap();
            // A sentence (a message, the editor's or the search's line) shows whole.
            if app.message.is_some() || app.mode != Mode::Normal {
                assert!(
                    hint.contains(said[0].as_str()),
                    "{lang} {name}: the hint line cuts {:?}: {hint:?}",
                    said[0]
                );
            }
            // (Unless an overlay as tall as the screen covers it.)
            assert!(
                hint.contains('╰') || cut_word(hint, &words).is_none(),
                "{lang} {name}: the hint line cuts a word: {hint:?}"
            );
            // The header is the rows above the panes' frames (and above the overlays); a row
            // whose last column holds a letter or digit ran off the screen (the counters wrap
            // at their separators).
            for row in rows
                .iter()
                .take_while(|r| !r.contains('┏') && !r.contains('┌') && !r.contains('╭'))
            {
                assert!(
                    !row.chars().last().is_some_and(char::is_alphanumeric)
                        && row.contains('[') == row.contains(']')
                        && !row.trim_end().ends_with('≥')
                        && !row.trim_end().ends_with(" €"),
                    "{lang} {name}: a header row runs off the screen: {row:?}"
                );
            }
        }
    }
}

#[test]
fn the_welcome_screen_shows_every_row_whole_in_every_language() {
    for lang in Lang::ALL {
        let _lang = lang.scope();
        let screen = rows(&render(&mut App::new(Vec::new(), now()), 80, 24));
        for words in [
            runaround::t!("welcome-new-case"),
            runaround::t!("welcome-demo"),
            runaround::t!("welcome-help"),
            runaround::t!("welcome-quit"),
        ] {
            assert!(
                screen.iter().any(|r| r.contains(words)),
                "{lang}: {words:?} is not whole on\n{}",
                screen.join("\n")
            );
        }
    }
}

#[test]
fn a_picker_shows_the_words_of_the_language_and_keeps_the_stored_ones() {
    use runaround::app::Overlay;
    use runaround::app::form::InputId;
    let _nl = Lang::Nl.scope();
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('l')]);
    let screen = rows(&render(&mut app, 80, 24)).join("\n");
    assert!(screen.contains("‹ gesprek ›"), "{screen}");
    // Typing a letter picks the choice whose Dutch word starts with it: k for klacht.
    keys(&mut app, &[KeyCode::Char('k')]);
    let screen = rows(&render(&mut app, 80, 24)).join("\n");
    assert!(screen.contains("‹ klacht ›"), "{screen}");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form closed")
    };
    assert_eq!(form.get(InputId::Kind), "complaint");
}

/// A case with notes in February, March and May, as the Timeline lists them.
fn three_months() -> App {
    use runaround::domain::{Case, Event, Kind};
    let at = |m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
            .and_utc()
    };
    let mut case = Case::new("dddd4444", "Dates", "Org", at(2, 1));
    for (m, d, s) in [(2, 4, "febnote"), (3, 30, "marnote"), (5, 1, "maynote")] {
        case.events.push(Event::new(Kind::Note, at(m, d), s));
    }
    let mut app = common::app_on(&[case]);
    keys(&mut app, &[KeyCode::Enter]);
    app
}

#[test]
fn the_date_column_is_as_wide_as_the_languages_longest_names() {
    if !in_zone("the_date_column_is_as_wide_as_the_languages_longest_names") {
        return;
    }
    for lang in Lang::ALL {
        let _lang = lang.scope();
        let screen = rows(&render(&mut three_months(), 120, 30));
        let column = |summary: &str| {
            let row = screen.iter().find(|r| r.contains(summary)).unwrap();
            row[..row.find(summary).unwrap()].chars().count()
        };
        let (feb, mar, may) = (column("febnote"), column("marnote"), column("maynote"));
        assert!(
            feb == mar && mar == may,
            "{lang}: {feb} {mar} {may}\n{}",
            screen.join("\n")
        );
        let all = screen.join("\n");
        let (feb, may) = match lang {
            Lang::En => ("Wed 04 Feb 11:00", "Fri 01 May 12:00"),
            Lang::Nl => ("wo 04 feb 11:00", "vr 01 mei 12:00"),
            Lang::Fr => ("mer. 04 févr. 11:00", "ven. 01 mai   12:00"),
        };
        assert!(all.contains(feb) && all.contains(may), "{lang}:\n{all}");
    }
}

#[test]
fn the_configs_date_format_says_its_names_in_the_language() {
    if !in_zone("the_configs_date_format_says_its_names_in_the_language") {
        return;
    }
    let _fr = Lang::Fr.scope();
    let mut app = three_months();
    app.prefs.date_format = Some("%A %-d %B".into());
    let all = rows(&render(&mut app, 120, 30)).join("\n");
    assert!(all.contains("mercredi 4 février"), "{all}");
}

#[test]
fn a_transfer_logs_its_redirect_in_the_language_of_the_screen() {
    for (lang, said) in [
        (Lang::En, "transferred during the call"),
        (Lang::Nl, "doorgezet tijdens het gesprek"),
        (Lang::Fr, "transféré pendant l’appel"),
    ] {
        let _lang = lang.scope();
        let app = call_running();
        let last = app.selected().unwrap().events.last().unwrap();
        assert_eq!(last.kind, runaround::domain::Kind::Redirect, "{lang}");
        assert_eq!(last.summary, said, "{lang}");
    }
}

#[test]
fn the_status_line_speaks_the_language() {
    let _fr = Lang::Fr.scope();
    let mut app = demo_app();
    keys(&mut app, &[KeyCode::Char('f')]);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("affiche tous les dossiers")
    );
}

#[test]
fn a_kind_as_wide_as_its_column_keeps_a_space_after_it() {
    let _nl = Lang::Nl.scope();
    let screen = rows(&render(&mut call_running(), 80, 24)).join("\n");
    assert!(screen.contains("doorverw. 0800-0402"), "{screen}");
}

#[test]
fn no_header_row_ends_with_a_counter_label_without_its_number() {
    for lang in Lang::ALL {
        let _lang = lang.scope();
        let labels = [
            runaround::i18n::message("counter-without-service"),
            runaround::i18n::message("counter-redirects"),
            runaround::i18n::message("counter-calls"),
            runaround::i18n::message("counter-on-hold"),
            runaround::i18n::message("counter-promises-broken"),
            runaround::i18n::message("counter-pending"),
            runaround::i18n::message("counter-no-shows"),
            runaround::i18n::message("counter-open"),
            runaround::i18n::message("counter-owed"),
        ];
        for width in 24..=120 {
            let screen = rows(&render(&mut demo_app(), width, 24));
            for row in &screen[1..4] {
                let row = row.trim_end();
                for label in labels {
                    // "promises" alone at a row's end is half of "promises broken 2".
                    let first = label.split(' ').next().unwrap_or(label);
                    assert!(
                        !row.ends_with(label) && !row.ends_with(&format!(" {first}")),
                        "{lang} at width {width}: {row:?} ends with a label\n{}",
                        screen.join("\n")
                    );
                }
            }
        }
    }
}
