//! On the phone: the flows a person on hold needs, through the app and the runtime's executor
//! (as in `app_flow.rs`), with the screens they change drawn at 80x24 and 30x8.
//!
//! Times on screen are local, so the screen tests run with TZ=Europe/Amsterdam (`in_zone`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::{apply, demo_app, in_zone, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::form::InputId;
use runaround::app::{App, Effect, Msg, Overlay, update};
use runaround::domain::{Field, Kind};
use runaround::ui::{draw, theme::Theme};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let effects = update(app, Msg::Key(KeyEvent::from(code)));
    let copy = effects.clone();
    apply(app, effects);
    copy
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

fn form(app: &App) -> &runaround::app::Form {
    match &app.overlay {
        Some(Overlay::Form(form)) => form,
        other => panic!("a form is open, not {other:?}"),
    }
}

fn focused(app: &App) -> InputId {
    let form = form(app);
    form.inputs[form.focus].id
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    terminal
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

fn screen(terminal: &Terminal<TestBackend>) -> String {
    rows(terminal).join("\n")
}

// ---- Forms ----

#[test]
fn a_new_event_form_starts_on_the_summary() {
    let mut app = demo_app();
    let n = app.selected().unwrap().events.len();
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(focused(&app), InputId::Summary);
    typ(&mut app, "Asked for a loan device");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let case = app.selected().unwrap();
    assert_eq!(case.events.len(), n + 1);
    assert!(
        case.events
            .iter()
            .any(|e| e.summary == "Asked for a loan device" && e.kind == Kind::Call)
    );
}

#[test]
fn a_bad_time_moves_the_focus_to_when_and_says_so_there() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'u');
    typ(&mut app, "half past");
    press(&mut app, KeyCode::Down);
    typ(&mut app, "summary first");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        focused(&app),
        InputId::When,
        "the focus goes to the bad input"
    );
    assert_eq!(form(&app).error_at, Some(InputId::When));
}

#[test]
fn a_bad_field_moves_the_focus_to_it() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    typ(&mut app, "on hold for ages");
    let hold = InputId::Field(Field::Hold);
    while focused(&app) != hold {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "5x");
    // Away from it, then submit.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(focused(&app), hold);
    assert_eq!(form(&app).error_at, Some(hold));
}

#[test]
fn a_new_case_without_a_title_focuses_the_title() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(focused(&app), InputId::Title);
}

#[test]
fn the_end_of_call_form_fills_in_the_direction() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    at(&mut app, 60);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).get(InputId::Field(Field::Direction)), "out");
    press(&mut app, KeyCode::Enter);
    let call = app
        .selected()
        .unwrap()
        .events
        .iter()
        .rev()
        .find(|e| e.kind == Kind::Call)
        .unwrap();
    assert_eq!(call.direction, Some(runaround::domain::Direction::Out));
}

#[test]
fn the_focused_input_is_marked() {
    if !in_zone("the_focused_input_is_marked") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    let shown = rows(&render(&mut app, 80, 24));
    let marked: Vec<&String> = shown.iter().filter(|r| r.contains('▸')).collect();
    assert_eq!(marked.len(), 1, "{}", shown.join("\n"));
    assert!(marked[0].contains("summary"), "{}", marked[0]);
}

#[test]
fn calling_says_one_thing_about_enter() {
    if !in_zone("calling_says_one_thing_about_enter") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('c'));
    let shown = screen(&render(&mut app, 80, 24));
    assert_eq!(shown.matches("Enter").count(), 1, "{shown}");
}

#[test]
fn a_form_taller_than_the_screen_scrolls_to_the_focused_input() {
    if !in_zone("a_form_taller_than_the_screen_scrolls_to_the_focused_input") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    while focused(&app) != InputId::Detail {
        press(&mut app, KeyCode::Tab);
    }
    for (w, h) in [(40, 12), (30, 8)] {
        let terminal = render(&mut app, w, h);
        let shown = rows(&terminal);
        assert!(
            shown
                .iter()
                .any(|r| r.contains("▸") && r.contains("detail")),
            "{w}x{h}:\n{}",
            shown.join("\n")
        );
        insta::assert_snapshot!(format!("log_form_detail_{w}x{h}"), screen(&terminal));
    }
}

#[test]
fn the_log_form_at_80x24_and_30x8() {
    if !in_zone("the_log_form_at_80x24_and_30x8") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'u');
    typ(&mut app, "half past");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("log_form_error_80x24", screen(&render(&mut app, 80, 24)));
    insta::assert_snapshot!("log_form_error_30x8", screen(&render(&mut app, 30, 8)));
}

// ---- The redirect loop flag ----

/// A call in the demo's moving case, to 0800-0402, put back through to 0800-0402 (where
/// the business line sent the caller once before).
fn transferred_back(app: &mut App) {
    press(app, KeyCode::Char('c'));
    press(app, KeyCode::Enter);
    at(app, 60);
    press(app, KeyCode::Char('t'));
    typ(app, "0800-0402");
    press(app, KeyCode::Enter);
}

#[test]
fn a_transfer_back_to_a_seen_number_says_so_on_the_status_line() {
    let mut app = demo_app();
    transferred_back(&mut app);
    let said = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(said, Some("↺ back to 0800-0402 — 2nd time"));
}

#[test]
fn a_transfer_to_a_new_number_says_nothing_of_loops() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('t'));
    typ(&mut app, "0900-1234");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.message.as_ref().is_none_or(|m| !m.text.contains('↺')),
        "{:?}",
        app.message
    );
}

#[test]
fn the_stopwatch_and_the_timeline_row_show_the_loop_at_every_width() {
    if !in_zone("the_stopwatch_and_the_timeline_row_show_the_loop_at_every_width") {
        return;
    }
    let mut app = demo_app();
    transferred_back(&mut app);
    let shown = screen(&render(&mut app, 80, 24));
    let stopwatch: Vec<&str> = shown.lines().take(8).collect();
    assert!(
        stopwatch
            .iter()
            .any(|r| r.contains("↺ back to 0800-0402 — 2nd time")),
        "{shown}"
    );
    insta::assert_snapshot!("transfer_back_80x24", shown);
    // The timeline row: the icon with the count, at every width the timeline shows.
    press(&mut app, KeyCode::Tab);
    for (w, h) in [(30, 14), (40, 12), (60, 20), (80, 24), (120, 40)] {
        let shown = screen(&render(&mut app, w, h));
        assert!(
            shown
                .lines()
                .any(|r| r.contains("redir") && r.contains("↺2")),
            "{w}x{h}:\n{shown}"
        );
    }
    insta::assert_snapshot!("transfer_back_30x8", screen(&render(&mut app, 30, 8)));
}

// ---- The event detail ----

#[test]
fn the_event_detail_at_80x24_shows_a_redirects_from_and_to() {
    if !in_zone("the_event_detail_at_80x24_shows_a_redirects_from_and_to") {
        return;
    }
    let mut app = demo_app();
    transferred_back(&mut app);
    let shown = screen(&render(&mut app, 80, 24));
    assert!(shown.contains("from: 0800-0402  to: 0800-0402"), "{shown}");
}

#[test]
fn the_event_detail_at_80x24_shows_a_long_notes_text_whole() {
    if !in_zone("the_event_detail_at_80x24_shows_a_long_notes_text_whole") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    typ(&mut app, "Promised a loan device");
    while focused(&app) != InputId::Detail {
        press(&mut app, KeyCode::Tab);
    }
    typ(
        &mut app,
        "The agent said it would be sent by courier tomorrow morning before ten",
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let shown = screen(&render(&mut app, 80, 24));
    assert!(shown.contains("before ten"), "{shown}");
    insta::assert_snapshot!("event_detail_80x24", shown);
}

// ---- The delete confirmation ----

#[test]
fn the_delete_confirmation_shows_its_instruction_however_long_the_event() {
    if !in_zone("the_delete_confirmation_shows_its_instruction_however_long_the_event") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    typ(
        &mut app,
        &"They said a technician would come, then no one came. ".repeat(6),
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { .. })));
    for (w, h) in [(80, 24), (30, 8)] {
        let shown = screen(&render(&mut app, w, h));
        assert!(shown.contains("y delete"), "{w}x{h}:\n{shown}");
        insta::assert_snapshot!(format!("confirm_delete_{w}x{h}"), shown);
    }
}

// ---- One call at a time ----

#[test]
fn a_call_in_another_case_is_asked_about_first() {
    let mut app = demo_app();
    let first = app.selected().unwrap().id.clone();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    let second = app.selected().unwrap().id.clone();
    assert_ne!(first, second);
    press(&mut app, KeyCode::Char('c'));
    assert!(
        matches!(app.overlay, Some(Overlay::ConfirmCall { .. })),
        "{:?}",
        app.overlay
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(
        app.selected().unwrap().active_call.is_none(),
        "n starts none"
    );
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.selected().unwrap().active_call.is_some(), "y starts it");
}

#[test]
fn the_question_about_a_second_call_at_80x24_and_30x8() {
    if !in_zone("the_question_about_a_second_call_at_80x24_and_30x8") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('c'));
    for (w, h) in [(80, 24), (30, 8)] {
        let shown = screen(&render(&mut app, w, h));
        assert!(shown.contains("y start this call"), "{w}x{h}:\n{shown}");
        insta::assert_snapshot!(format!("second_call_{w}x{h}"), shown);
    }
}

#[test]
fn a_call_in_the_same_case_is_not_asked_about() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('c'));
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
}

#[test]
fn quitting_during_a_call_says_it_still_runs_and_which_key_ends_it() {
    let mut app = demo_app();
    assert_eq!(app.farewell(), None);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    let said = app.farewell().expect("a word on the way out");
    assert!(
        said.contains("still running") && said.contains("e ends it"),
        "{said}"
    );
}

// ---- s says what it did ----

fn set_status(app: &mut App, word: char) {
    press(app, KeyCode::Char('s'));
    press(app, KeyCode::Char(word));
    press(app, KeyCode::Enter);
}

#[test]
fn a_status_that_hides_the_case_says_where_it_went() {
    let mut app = demo_app();
    let id = app.selected().unwrap().id.clone();
    set_status(&mut app, 'r');
    assert_eq!(
        common::stored(&id).unwrap().status,
        runaround::domain::Status::Resolved
    );
    let said = app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(said.as_deref(), Some("resolved — f shows resolved cases"));
}

#[test]
fn a_status_the_list_still_shows_is_said_plainly() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('f')); // all cases
    set_status(&mut app, 'c');
    let said = app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(said.as_deref(), Some("Status: closed"));
}

#[test]
fn when_every_case_is_resolved_the_empty_list_says_how_to_see_them() {
    if !in_zone("when_every_case_is_resolved_the_empty_list_says_how_to_see_them") {
        return;
    }
    let mut app = demo_app();
    set_status(&mut app, 'r');
    set_status(&mut app, 'r');
    assert!(app.visible.is_empty());
    for (w, h) in [(80, 24), (30, 8)] {
        let shown = screen(&render(&mut app, w, h));
        assert!(shown.contains("f shows"), "{w}x{h}:\n{shown}");
        insta::assert_snapshot!(format!("all_resolved_{w}x{h}"), shown);
    }
}

// ---- Back-dating ----

fn log_with_when(app: &mut App, when: &str, summary: &str) {
    press(app, KeyCode::Char('l'));
    typ(app, summary);
    press(app, KeyCode::Up);
    ctrl(app, 'u');
    typ(app, when);
    press(app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
}

fn logged<'a>(app: &'a App, summary: &str) -> &'a runaround::domain::Event {
    app.selected()
        .unwrap()
        .events
        .iter()
        .find(|e| e.summary == summary)
        .unwrap()
}

#[test]
fn when_takes_yesterday_in_three_languages() {
    use chrono::{Local, TimeZone};
    let yesterday = (now().with_timezone(&Local) - Duration::days(1)).date_naive();
    let want = |h, m| {
        Local
            .from_local_datetime(&yesterday.and_hms_opt(h, m, 0).unwrap())
            .single()
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    for (typed, h, m) in [
        ("yesterday 14:00", 14, 0),
        ("gisteren 14:05", 14, 5),
        ("hier 14h", 14, 0),
    ] {
        let mut app = demo_app();
        log_with_when(&mut app, typed, typed);
        assert_eq!(logged(&app, typed).at, want(h, m), "{typed}");
    }
}

#[test]
fn a_due_of_plus_48h_counts_from_when_the_promise_was_made() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('p')); // promise
    press(&mut app, KeyCode::Down);
    ctrl(&mut app, 'u');
    typ(&mut app, "-1d");
    press(&mut app, KeyCode::Down);
    typ(&mut app, "A technician within 24 to 48 hours");
    let due = InputId::Field(Field::Due);
    while focused(&app) != due {
        press(&mut app, KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    typ(&mut app, "+48h");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let e = logged(&app, "A technician within 24 to 48 hours");
    assert_eq!(e.at, now() - Duration::days(1));
    assert_eq!(
        e.due,
        Some(now() + Duration::days(1)),
        "48 hours after it was made"
    );
}

#[test]
fn the_timeline_shows_the_year_of_an_event_from_another_year() {
    if !in_zone("the_timeline_shows_the_year_of_an_event_from_another_year") {
        return;
    }
    let mut app = demo_app();
    log_with_when(&mut app, "2025-12-30 10:00", "Old contract ended");
    press(&mut app, KeyCode::Tab);
    for (w, h) in [(80, 24), (40, 12)] {
        let shown = screen(&render(&mut app, w, h));
        assert!(
            shown
                .lines()
                .any(|r| r.contains("2025") && r.contains("Old contract")),
            "{w}x{h}:\n{shown}"
        );
    }
}

// ---- A promise names its own term ----

fn promise_form(app: &mut App) {
    press(app, KeyCode::Char('l'));
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    press(app, KeyCode::Char('p'));
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    assert_eq!(focused(app), InputId::Summary);
}

#[test]
fn a_promise_proposes_the_longer_end_of_the_term_it_names() {
    let mut app = demo_app();
    promise_form(&mut app);
    typ(&mut app, "Monteur komt binnen 24 tot 48 uur");
    assert_eq!(form(&app).get(InputId::Field(Field::Due)), "+48h");
    press(&mut app, KeyCode::Enter);
    let e = logged(&app, "Monteur komt binnen 24 tot 48 uur");
    assert_eq!(e.due, Some(e.at + Duration::hours(48)));
}

#[test]
fn a_due_typed_over_the_proposal_is_kept() {
    let mut app = demo_app();
    promise_form(&mut app);
    typ(&mut app, "Réponse sous 48 heures");
    let due = InputId::Field(Field::Due);
    while focused(&app) != due {
        press(&mut app, KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    typ(&mut app, "+3d");
    // Back in the summary, more words do not undo the user's due.
    while focused(&app) != InputId::Summary {
        press(&mut app, KeyCode::Up);
    }
    typ(&mut app, ", ou vendredi");
    assert_eq!(form(&app).get(due), "+3d");
    press(&mut app, KeyCode::Enter);
    let e = logged(&app, "Réponse sous 48 heures, ou vendredi");
    assert_eq!(e.due, Some(e.at + Duration::days(3)));
}

#[test]
fn the_proposed_due_says_where_it_came_from() {
    if !in_zone("the_proposed_due_says_where_it_came_from") {
        return;
    }
    let mut app = demo_app();
    promise_form(&mut app);
    typ(&mut app, "Reply within 5 working days");
    let shown = screen(&render(&mut app, 80, 24));
    assert!(shown.contains("2026-04-08"), "{shown}");
    assert!(shown.contains("“within 5 working days”"), "{shown}");
    insta::assert_snapshot!("promise_proposal_80x24", shown);
    insta::assert_snapshot!("promise_proposal_30x8", screen(&render(&mut app, 30, 8)));
}

// ---- The case itself ----

fn to_input(app: &mut App, id: InputId) {
    while focused(app) != id {
        press(app, KeyCode::Tab);
    }
}

fn fill(app: &mut App, id: InputId, value: &str) {
    to_input(app, id);
    ctrl(app, 'u');
    typ(app, value);
}

#[test]
fn the_case_itself_is_edited_with_its_terms() {
    let mut app = demo_app();
    let id = app.selected().unwrap().id.clone();
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(
        form(&app).get(InputId::Title),
        app.selected().unwrap().title
    );
    fill(
        &mut app,
        InputId::Title,
        "Geen internet sinds de verhuizing",
    );
    fill(&mut app, InputId::Tags, "internet, verhuizing");
    fill(&mut app, InputId::Country, "nl");
    to_input(&mut app, InputId::Customer);
    press(&mut app, KeyCode::Char('s')); // small-business
    fill(&mut app, InputId::Fee, "49,95");
    fill(&mut app, InputId::Refs, "klantnummer=12345; ticket=KPN-77");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let case = common::stored(&id).unwrap();
    assert_eq!(case.title, "Geen internet sinds de verhuizing");
    assert_eq!(case.tags, vec!["internet", "verhuizing"]);
    assert_eq!(case.country.map(|c| c.to_string()).as_deref(), Some("NL"));
    assert_eq!(
        case.customer,
        Some(runaround::domain::Customer::SmallBusiness)
    );
    assert_eq!(case.monthly_fee_minor, Some(4995));
    assert_eq!(case.currency, Some(runaround::domain::Currency::Eur));
    let refs: Vec<(String, String)> = case
        .references
        .iter()
        .map(|r| (r.label.clone(), r.value.clone()))
        .collect();
    assert_eq!(
        refs,
        vec![
            ("klantnummer".to_string(), "12345".to_string()),
            ("ticket".to_string(), "KPN-77".to_string())
        ]
    );
    // Opened again, the form shows what was saved.
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(
        form(&app).get(InputId::Fee),
        "€49.95",
        "the fee with its currency"
    );
    assert_eq!(form(&app).get(InputId::Country), "NL");
}

#[test]
fn a_fee_reads_with_its_currency_as_each_language_writes_it() {
    for (typed, minor) in [
        ("€ 49,95", 4995),
        ("49,95 €", 4995),
        ("€1,234.50", 123_450),
        ("€ 1.234,50", 123_450),
        ("60 EUR", 6000),
    ] {
        let mut app = demo_app();
        let id = app.selected().unwrap().id.clone();
        press(&mut app, KeyCode::Char('C'));
        fill(&mut app, InputId::Country, "NL");
        fill(&mut app, InputId::Fee, typed);
        press(&mut app, KeyCode::Enter);
        assert!(app.overlay.is_none(), "{typed}: {:?}", app.overlay);
        assert_eq!(
            common::stored(&id).unwrap().monthly_fee_minor,
            Some(minor),
            "{typed}"
        );
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    fill(&mut app, InputId::Country, "NL");
    fill(&mut app, InputId::Fee, "£9.99");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        focused(&app),
        InputId::Fee,
        "pounds in the Netherlands are refused"
    );
}

#[test]
fn a_fee_without_a_country_is_refused_at_the_fee() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    fill(&mut app, InputId::Country, "");
    fill(&mut app, InputId::Fee, "60");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!(focused(&app), InputId::Fee);
    assert!(
        form(&app).error.as_deref().unwrap().contains("country"),
        "{:?}",
        form(&app).error
    );
}

#[test]
fn a_new_case_takes_its_terms_in_the_form() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Telefoon kapot");
    fill(&mut app, InputId::Organisation, "Proximus");
    fill(&mut app, InputId::Country, "BE");
    fill(&mut app, InputId::Fee, "60");
    fill(&mut app, InputId::Refs, "dossier=778");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let case = app.selected().unwrap();
    assert_eq!(case.title, "Telefoon kapot");
    assert_eq!(case.monthly_fee_minor, Some(6000));
    assert_eq!(case.currency, Some(runaround::domain::Currency::Eur));
    assert_eq!(case.references.len(), 1);
}

#[test]
fn the_edit_case_form_at_80x24_and_30x8() {
    if !in_zone("the_edit_case_form_at_80x24_and_30x8") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    insta::assert_snapshot!("edit_case_80x24", screen(&render(&mut app, 80, 24)));
    to_input(&mut app, InputId::Refs);
    insta::assert_snapshot!("edit_case_30x8", screen(&render(&mut app, 30, 8)));
}

// ---- Keys that do nothing ----

#[test]
fn d_and_i_work_from_the_cases_pane() {
    let mut app = demo_app();
    assert_eq!(app.focus, runaround::app::Pane::Cases);
    press(&mut app, KeyCode::Char('d'));
    assert!(
        matches!(app.overlay, Some(Overlay::ConfirmDelete { .. })),
        "{:?}",
        app.overlay
    );
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('i'));
    assert_eq!(app.mode, runaround::app::Mode::Insert);
    assert_eq!(app.focus, runaround::app::Pane::Notes);
}

#[test]
fn j_in_the_notes_pane_scrolls_the_notes() {
    if !in_zone("j_in_the_notes_pane_scrolls_the_notes") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let notes_top = |app: &mut App| {
        let shown = rows(&render(app, 80, 24));
        let at = shown.iter().position(|r| r.contains("Notes")).unwrap();
        shown[at + 1].clone()
    };
    let before = notes_top(&mut app);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    let after = notes_top(&mut app);
    assert_ne!(before, after, "three lines down, the text moved");
    // Editing starts where the user looks: typed text shows on screen.
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "ZZZ");
    let shown = screen(&render(&mut app, 80, 24));
    assert!(shown.contains("ZZZ"), "{shown}");
}

#[test]
fn undo_in_the_notes_goes_by_word() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "Called twice today ");
    ctrl(&mut app, 'z');
    assert!(
        app.notes.text().starts_with("Called twice We moved"),
        "{:?}",
        app.notes.text().get(..40)
    );
    ctrl(&mut app, 'z');
    assert!(app.notes.text().starts_with("Called We moved"));
    ctrl(&mut app, 'y');
    assert!(app.notes.text().starts_with("Called twice We moved"));
}

// ---- Small screens ----

#[test]
fn at_30x8_the_case_list_shows_the_case() {
    if !in_zone("at_30x8_the_case_list_shows_the_case") {
        return;
    }
    let mut app = demo_app();
    let title: String = app.selected().unwrap().title.chars().take(10).collect();
    let shown = rows(&render(&mut app, 30, 8));
    assert!(
        shown
            .iter()
            .any(|r| r.starts_with('┃') && r.contains(title.as_str())),
        "{}",
        shown.join("\n")
    );
    insta::assert_snapshot!("demo_30x8", shown.join("\n"));
}

#[test]
fn after_a_resize_the_timeline_leaves_no_blank_rows_above_its_end() {
    if !in_zone("after_a_resize_the_timeline_leaves_no_blank_rows_above_its_end") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    render(&mut app, 80, 24);
    assert!(
        app.view.timeline.offset() > 0,
        "the end is in sight at 80x24"
    );
    render(&mut app, 80, 60);
    assert_eq!(
        app.view.timeline.offset(),
        0,
        "every event fits at 80x60: the list starts at the first"
    );
}

#[test]
fn after_deletes_the_timeline_leaves_no_blank_rows_above_its_end() {
    if !in_zone("after_deletes_the_timeline_leaves_no_blank_rows_above_its_end") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    render(&mut app, 80, 24);
    let before = app.view.timeline.offset();
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('d'));
        press(&mut app, KeyCode::Char('y'));
        render(&mut app, 80, 24);
    }
    let events = app.selected().unwrap().events.len();
    let shown = rows(&render(&mut app, 80, 24));
    let top = shown.iter().position(|r| r.contains("Timeline (")).unwrap();
    let bottom = shown[top + 1..]
        .iter()
        .position(|r| r.contains('─') && !r.contains("Notes"))
        .unwrap()
        + top
        + 1;
    let list: Vec<&String> = shown[top + 1..bottom].iter().collect();
    assert!(
        list.iter().all(|r| r.contains('/')),
        "no blank rows ({events} events, offset {} from {before}):\n{}",
        app.view.timeline.offset(),
        shown.join("\n")
    );
}

#[test]
fn the_header_keeps_each_counter_whole_at_every_width() {
    if !in_zone("the_header_keeps_each_counter_whole_at_every_width") {
        return;
    }
    for lang in [
        runaround::i18n::Lang::En,
        runaround::i18n::Lang::Nl,
        runaround::i18n::Lang::Fr,
    ] {
        let _lang = lang.scope();
        let label = runaround::t!("counter-promises-broken");
        let mut app = demo_app();
        for w in 30..=100 {
            let shown = rows(&render(&mut app, w, 24));
            let header: Vec<&String> = shown.iter().take(4).collect();
            for row in header {
                if let Some(at) = row.find(label) {
                    let after = row[at + label.len()..].trim_start();
                    assert!(
                        after.starts_with(|c: char| c.is_ascii_digit()),
                        "{lang:?} {w}: {row:?}"
                    );
                }
            }
        }
    }
}

// ---- Notes ----

#[test]
fn notes_wrap_without_starting_a_line_with_a_space() {
    if !in_zone("notes_wrap_without_starting_a_line_with_a_space") {
        return;
    }
    for lang in [
        runaround::i18n::Lang::En,
        runaround::i18n::Lang::Nl,
        runaround::i18n::Lang::Fr,
    ] {
        let _lang = lang.scope();
        let mut app = demo_app();
        for (w, h) in [(80, 24), (100, 30), (40, 12)] {
            if w < 70 {
                press(&mut app, KeyCode::Tab);
                press(&mut app, KeyCode::Tab);
            }
            let shown = rows(&render(&mut app, w, h));
            let pane = runaround::t!("pane-notes");
            let top = shown.iter().position(|r| r.contains(pane)).unwrap();
            // The pane's left edge: the corner before its title.
            let title: Vec<char> = shown[top].chars().collect();
            let name = shown[top].chars().collect::<String>();
            let at = name[..name.find(pane).unwrap()].chars().count();
            let col = (0..at)
                .rev()
                .find(|&i| matches!(title[i], '┌' | '┏'))
                .unwrap_or(0);
            for row in &shown[top + 1..shown.len() - 2] {
                let inside: String = row.chars().skip(col + 1).collect();
                assert!(
                    !inside.starts_with(' ')
                        || inside.trim_end_matches(['│', '┃']).trim().is_empty(),
                    "{lang:?} {w}x{h}: {row:?}\n{}",
                    shown.join("\n")
                );
            }
        }
    }
}

// ---- Search points at what it found ----

fn search(app: &mut App, text: &str) {
    press(app, KeyCode::Char('/'));
    typ(app, text);
    press(app, KeyCode::Enter);
}

#[test]
fn a_search_selects_the_event_it_found() {
    let mut app = demo_app();
    log_with_when(&mut app, "-3d", "Kévin beloofde een monteur");
    let at = app
        .selected()
        .unwrap()
        .events
        .iter()
        .position(|e| e.summary.starts_with("Kévin"))
        .unwrap();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::BackTab);
    assert_ne!(app.event_index, Some(at));
    search(&mut app, "kevin");
    assert_eq!(app.event_index, Some(at));
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("found in the timeline: "), "{said}");
}

#[test]
fn a_search_scrolls_the_notes_to_the_line_it_found() {
    let mut app = demo_app();
    let notes = app.selected().unwrap().notes.clone();
    let (line, text) = notes
        .lines()
        .enumerate()
        .filter(|(_, l)| l.split_whitespace().count() > 3)
        .last()
        .unwrap();
    let word = text
        .split_whitespace()
        .filter(|w| w.len() > 6 && w.chars().all(char::is_alphabetic))
        .find(|w| {
            let events = &app.selected().unwrap().events;
            !events.iter().any(|e| {
                e.summary.to_lowercase().contains(&w.to_lowercase())
                    || e.detail.to_lowercase().contains(&w.to_lowercase())
            }) && notes
                .lines()
                .position(|l| l.to_lowercase().contains(&w.to_lowercase()))
                == Some(line)
        })
        .expect("a word only that notes line has")
        .to_string();
    search(&mut app, &word);
    let said = app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        format!("found in the notes, line {}", line + 1),
        "{word}"
    );
    assert_eq!(app.notes.editor.cursor().0, line);
}
