//! The escalation rules in the TUI: the header's nearest clock and money owed, and the clocks
//! view one key away. The demo journal at the tests' fixed moment (Wed 1 April 2026, 12:00 in
//! Amsterdam); times on screen are local, so each test runs with TZ=Europe/Amsterdam.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{app_on, apply, demo_app, demo_cases, in_zone, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Msg, Overlay, update};
use runaround::ui::clocks::{Escalation, escalation, overlay_text};
use runaround::ui::{draw, theme::Theme};

fn screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

fn press(app: &mut App, code: KeyCode) {
    let effects = update(app, Msg::Key(KeyEvent::from(code)));
    apply(app, effects);
}

#[test]
fn the_demos_first_case_header_shows_a_clock_and_the_money_owed() {
    if !in_zone("the_demos_first_case_header_shows_a_clock_and_the_money_owed") {
        return;
    }
    let mut app = demo_app();
    assert_eq!(app.selected().unwrap().id, "kpn-internet");
    let rows = screen(&mut app, 80, 24);
    let header = rows[..4].join("\n");
    // The household's outage has run 4 days 17 hours 30 minutes: more than 12 hours, so
    // 1/30 of the € 60,00 fee for each 24 hours or part: 5 × € 2,00 = € 10,00 at least.
    assert!(header.contains("owed ≥ €10.00 (estimate)"), "{header}");
    // No written complaint yet (the story only says one will be filed): the header says what
    // one made today starts, the Geschillencommissie four weeks later, Wed 29 April 00:00.
    assert!(
        header.contains("written complaint today → Geschillencommissie from Wed 29 Apr"),
        "{header}"
    );
    // Narrower than the clock's words (62 columns with the margin): its row goes whole
    // rather than cut; the money stays among the counters.
    let rows = screen(&mut app, 60, 24);
    let header = rows[..5].join("\n");
    assert!(
        !header.contains('→') && header.contains("(estimate)"),
        "{header}"
    );
    // Too short to spare the row (under 16 rows): no clock row either.
    let rows = screen(&mut app, 80, 15);
    assert!(!rows[..4].join("\n").contains('→'), "{rows:?}");
}

#[test]
fn the_business_case_gets_the_reply_clock_and_no_outage_money() {
    if !in_zone("the_business_case_gets_the_reply_clock_and_no_outage_money") {
        return;
    }
    let cases = demo_cases();
    let phone = cases.iter().find(|c| c.id == "kpn-phone-repair").unwrap();
    let app = App::new(Vec::new(), now());
    let e = escalation(phone, &app.packs, now());
    // A broken handset is no network outage: nothing owed. The Geschillencommissie is for
    // consumers; a small business's written complaint still starts the four weeks the
    // company has to reply: from Wed 1 April to the end of Wed 29 April.
    assert_eq!(e.owed, None);
    assert_eq!(
        e.clock.as_deref(),
        Some("written complaint today → reply due Wed 29 Apr")
    );
}

#[test]
fn a_case_without_a_country_shows_nothing_extra() {
    if !in_zone("a_case_without_a_country_shows_nothing_extra") {
        return;
    }
    let mut cases = demo_cases();
    for c in &mut cases {
        c.country = None;
        c.customer = None;
        c.monthly_fee_minor = None;
        c.currency = None;
    }
    let app = App::new(Vec::new(), now());
    assert_eq!(
        escalation(&cases[0], &app.packs, now()),
        Escalation::default()
    );
    let mut app = app_on(&cases);
    let rows = screen(&mut app, 80, 24);
    let header = rows[..3].join("\n");
    assert!(
        !header.contains("owed") && !header.contains('→'),
        "{header}"
    );
    // The counters keep their three rows: the panes start on the fourth.
    assert!(rows[3].starts_with("┏ Cases"), "{}", rows[3]);
}

#[test]
fn k_opens_every_clock_and_estimate_with_basis_and_source_and_esc_closes() {
    if !in_zone("k_opens_every_clock_and_estimate_with_basis_and_source_and_esc_closes") {
        return;
    }
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(app.overlay, Some(Overlay::Clocks));
    let text = screen(&mut app, 80, 24).join("\n");
    insta::assert_snapshot!(text);
    assert!(text.contains("not legal"), "{text}");
    let words = overlay_text(app.selected().unwrap(), &app.packs, now()).join("\n");
    assert_eq!(words.matches("not legal advice").count(), 1, "{words}");
    // The estimate: the rule, its amount, how it is claimed, its status, its basis and
    // source.
    for want in [
        "€10.00  on-request  Outage compensation (Tw 7.1a)  [verified]",
        "5/30 of €60.00: out 4 days 17 hours",
        "consumentenbond.nl",
        "written complaint today → Geschillencommissie from Wed 29 Apr",
    ] {
        assert!(text.contains(want), "{want} not in\n{text}");
    }
    // The rest scrolls with the help's keys: the questions further down come into view.
    let before = text;
    for _ in 0..40 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.overlay, Some(Overlay::Clocks));
    let after = screen(&mut app, 80, 24).join("\n");
    assert_ne!(before, after);
    assert!(
        after.contains("Questions the events cannot answer"),
        "{after}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn the_clocks_text_lists_every_clock_once_a_complaint_is_logged() {
    if !in_zone("the_clocks_text_lists_every_clock_once_a_complaint_is_logged") {
        return;
    }
    let mut cases = demo_cases();
    let case = &mut cases[0];
    let mut complaint = runaround::domain::Event::new(
        runaround::domain::Kind::Complaint,
        now() - chrono::Duration::days(1),
        "Complaint through the KPN website",
    );
    complaint.channel = Some(runaround::domain::Channel::Web);
    case.events.push(complaint);
    let app = App::new(Vec::new(), now());
    let text = overlay_text(case, &app.packs, now()).join("\n");
    // A web complaint on Tue 31 March: the Geschillencommissie from Tue 28 April (four
    // weeks, at the start of the day), the reply due by the end of that day, and the last day
    // to file twelve months on, 31 March 2027.
    for want in [
        "Geschillencommissie: the company's four weeks",
        "The company's reply to a written complaint",
        "Geschillencommissie: last day to file",
        "2026-04-28 00:00  earliest   running",
        "2027-03-31 23:59",
    ] {
        assert!(text.contains(want), "{want} not in\n{text}");
    }
    assert!(!text.contains("written complaint today"), "{text}");
    let e = escalation(case, &app.packs, now());
    assert_eq!(
        e.clock.as_deref(),
        Some("Geschillencommissie from Tue 28 Apr")
    );
}

/// A user's pack that overrides the Geschillencommissie's wait by id, and one that is broken.
const OWN_PACK: &str = r#"(
    schema: 1,
    country: "NL",
    currency: "EUR",
    rules: [
        (
            id: "nl-gc-wait",
            title: {"en": "My own reading: two weeks"},
            versions: [
                (
                    valid_from: "2007-01-01",
                    status: "unverified",
                    basis: "my test",
                    sources: [(url: "https://example.org/", title: "test", read: "2026-12-01")],
                    anchor: "written-complaint",
                    effect: Clock(meaning: "earliest", after: (n: 2, unit: "weeks", at: "start-of-day")),
                ),
            ],
        ),
    ],
)
"#;

#[test]
fn the_tui_reads_the_users_rule_packs_at_start_and_says_when_one_did_not_load() {
    use common::tmux::{Tui, cli_ok, sh_quote, tmux_installed};
    if !tmux_installed() {
        return;
    }
    let cfg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(cfg.path().join("rules")).unwrap();
    std::fs::write(cfg.path().join("config.ron"), "()\n").unwrap();
    std::fs::write(cfg.path().join("rules/a-nl.ron"), OWN_PACK).unwrap();
    std::fs::write(cfg.path().join("rules/z-broken.ron"), "(schema: 1,\n").unwrap();
    let prefix = format!(
        "export RUNAROUND_CONFIG={};",
        sh_quote(&cfg.path().join("config.ron").to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |dir, id| {
        cli_ok(
            dir,
            &["set", id, "--country", "NL", "--customer", "consumer"],
        );
        cli_ok(
            dir,
            &["log", id, "complaint", "--channel", "email", "Complaint"],
        );
    });
    // The user's rule replaced the built-in one by its id: two weeks instead of four, so it is
    // the nearest clock, under its own name.
    let screen = tui.wait_for("My own reading from");
    assert!(!screen.contains("Geschillencommissie from"), "{screen}");
    // The broken file is named on the status line; the other packs are in force.
    tui.wait_for("z-broken.ron");
    tui.keys(&["K"]);
    let screen = tui.wait_for("clocks and compensation");
    assert!(screen.contains("unverified"), "{screen}");
}
