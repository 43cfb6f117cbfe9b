//! Events as evidence: an edit changes an event's kind only when asked to, every edit and
//! delete can be undone and is kept as an amendment (SPEC §1), deleted events count for
//! nothing but are still shown among the corrections, and an overdue pending promise reads as
//! broken everywhere a person reads it while JSON keeps `state` and adds `effective_state`
//! (SPEC §2).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, Utc};
use common::{app_on, apply, in_zone, now, stored};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runaround::app::{App, Effect, Msg, Overlay, Pane, update};
use runaround::domain::{Case, Change, Counters, Event, Kind, Outcome, PromiseState, Summary};
use runaround::storage::{Store, format};
use runaround::ui::{draw, theme::Theme};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");
const ID: &str = "evidence";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A case with a technician's no-show, a call and a promise that falls due a day after
/// [`now`].
fn case() -> Case {
    let mut c = Case::new(
        ID,
        "Geen internet na verhuizing",
        "KPN",
        t("2026-03-20T08:00:00Z"),
    );
    let mut visit = Event::new(
        Kind::Visit,
        t("2026-03-24T08:00:00Z"),
        "technician did not come",
    );
    visit.who = "Technician".into();
    visit.window_start = Some(t("2026-03-24T08:00:00Z"));
    visit.window_end = Some(t("2026-03-24T12:00:00Z"));
    visit.outcome = Some(Outcome::NoShow);
    c.add_event(visit);
    let mut call = Event::new(Kind::Call, t("2026-03-25T09:00:00Z"), "asked again");
    call.number = "0800-0402".into();
    call.hold_seconds = Some(1500);
    c.add_event(call);
    let mut promise = Event::new(
        Kind::Promise,
        t("2026-03-26T09:00:00Z"),
        "fixed by Thursday",
    );
    promise.agent = "Sanne".into();
    promise.due = Some(now() + Duration::days(1));
    promise.state = Some(PromiseState::Pending);
    c.add_event(promise);
    c
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    key(app, KeyEvent::from(code))
}

fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let effects = update(app, Msg::Key(key));
    let copy = effects.clone();
    apply(app, effects);
    copy
}

/// The app on [`case`], the Timeline focused on the event of `kind`.
fn on_event(kind: Kind) -> App {
    let mut app = app_on(&[case()]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Timeline);
    let i = app
        .selected()
        .unwrap()
        .events
        .iter()
        .position(|e| e.kind == kind)
        .unwrap();
    app.event_index = Some(i);
    app
}

fn the(kind: Kind) -> Event {
    stored(ID)
        .unwrap()
        .events
        .into_iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event"))
}

fn form(app: &App) -> &runaround::app::Form {
    match &app.overlay {
        Some(Overlay::Form(form)) => form,
        other => panic!("no form: {other:?}"),
    }
}

#[test]
fn a_stray_key_in_an_edit_form_never_changes_the_events_kind() {
    let mut app = on_event(Kind::Visit);
    let before = the(Kind::Visit);
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).inputs[form(&app).focus].label, "summary");
    // The keystrokes of the report: up twice from "summary", then Space.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(form(&app).value("kind"), "visit");
    // However far one moves, the kind picker is never focused.
    for code in [KeyCode::Up, KeyCode::Down, KeyCode::Tab, KeyCode::BackTab] {
        for _ in 0..12 {
            press(&mut app, code);
            assert_ne!(form(&app).focus, 0, "{code:?} reached the kind picker");
            assert_eq!(form(&app).value("kind"), "visit");
        }
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let after = the(Kind::Visit);
    assert_eq!(
        (
            &after.who,
            after.window_start,
            after.window_end,
            after.outcome
        ),
        (
            &before.who,
            before.window_start,
            before.window_end,
            before.outcome
        )
    );
}

#[test]
fn changing_an_events_kind_takes_its_own_key_and_asks_naming_what_is_dropped() {
    let mut app = on_event(Kind::Visit);
    let before = the(Kind::Visit);
    press(&mut app, KeyCode::Enter);
    assert!(form(&app).title.contains("C-k"), "{}", form(&app).title);
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL),
    );
    assert_eq!(form(&app).focus, 0, "C-k goes to the kind");
    press(&mut app, KeyCode::Right);
    assert_eq!(form(&app).value("kind"), "message");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::ConfirmKind { question, .. }) = &app.overlay else {
        panic!("no question: {:?}", app.overlay)
    };
    assert!(
        question.starts_with(
            "change visit to message? who, window from, window until and outcome will be dropped"
        ),
        "{question}"
    );
    // Any other key goes back to the form, nothing saved.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(form(&app).value("kind"), "message");
    assert_eq!(the(Kind::Visit), before);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let case = stored(ID).unwrap();
    assert!(case.events.iter().all(|e| e.kind != Kind::Visit));
    let message = the(Kind::Message);
    let amendment = message.amendments.last().expect("an amendment");
    assert_eq!(amendment.change, Change::Edited);
    assert_eq!(amendment.at, now());
    assert_eq!(amendment.was["kind"], "visit");
    assert_eq!(amendment.was["who"], "Technician");
    assert_eq!(amendment.was["outcome"], "no-show");
    assert_eq!(amendment.was["window_start"], "2026-03-24T08:00:00Z");

    // And u brings it all back, the history saying so.
    press(&mut app, KeyCode::Char('u'));
    let back = the(Kind::Visit);
    let mut bare = back.clone();
    bare.amendments.clear();
    assert_eq!(bare, before);
    assert_eq!(back.amendments.len(), 2);
    assert_eq!(back.amendments[1].was["kind"], "message");
}

#[test]
fn an_edit_is_kept_as_an_amendment_and_undone_with_u() {
    let mut app = on_event(Kind::Visit);
    press(&mut app, KeyCode::Enter);
    // summary → who → window from → window until → outcome
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(form(&app).inputs[form(&app).focus].label, "outcome");
    press(&mut app, KeyCode::Left);
    assert_eq!(form(&app).value("outcome"), "failed");
    press(&mut app, KeyCode::Enter);
    let edited = the(Kind::Visit);
    assert_eq!(edited.outcome, Some(Outcome::Failed));
    assert_eq!(edited.amendments.len(), 1);
    assert_eq!(edited.amendments[0].change, Change::Edited);
    assert_eq!(
        edited.amendments[0].was.iter().collect::<Vec<_>>(),
        vec![(&"outcome".to_string(), &"no-show".to_string())],
        "only what changed"
    );
    assert_eq!(app.counters().unwrap().no_shows, 0);

    press(&mut app, KeyCode::Char('u'));
    let undone = the(Kind::Visit);
    assert_eq!(undone.outcome, Some(Outcome::NoShow));
    assert_eq!(undone.amendments.len(), 2, "history only grows");
    assert_eq!(undone.amendments[1].was["outcome"], "failed");
    assert_eq!(app.counters().unwrap().no_shows, 1);
    // An edit that changes nothing leaves no trace.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(the(Kind::Visit), undone);
}

#[test]
fn a_deleted_event_counts_for_nothing_is_kept_and_comes_back_with_u() {
    let mut app = on_event(Kind::Call);
    let call = the(Kind::Call);
    assert_eq!(app.counters().unwrap().calls, 1);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let case = stored(ID).unwrap();
    assert!(case.events.iter().all(|e| e.kind != Kind::Call));
    assert_eq!(case.deleted_events.len(), 1, "kept as evidence");
    assert_eq!(case.deleted_events[0].deleted_at(), Some(now()));
    let counters = Counters::of(&case, now());
    assert_eq!((counters.calls, counters.hold_seconds), (0, 0));
    for later in [now(), now() + Duration::days(3)] {
        assert_eq!(
            Summary::of(&case, now()).counters(later),
            Some(Counters::of(&case, later))
        );
    }
    assert_eq!(
        app.selected().unwrap().events.len(),
        2,
        "not in the timeline"
    );

    press(&mut app, KeyCode::Char('u'));
    let case = stored(ID).unwrap();
    assert!(case.deleted_events.is_empty());
    let back = the(Kind::Call);
    let changes: Vec<Change> = back.amendments.iter().map(|a| a.change).collect();
    assert_eq!(changes, vec![Change::Deleted, Change::Restored]);
    let mut bare = back.clone();
    bare.amendments.clear();
    assert_eq!(bare, call);
    assert_eq!(app.counters().unwrap().calls, 1);
    assert_eq!(
        app.selected_event(),
        Some(&back),
        "the restored event is selected"
    );
}

/// A case with an edit, a deletion and the promise, in its file.
fn corrected() -> Case {
    let mut c = case();
    let visit = c.events[0].clone();
    let mut fixed = visit.clone();
    fixed.outcome = Some(Outcome::Failed);
    c.events[0] = visit.edited(fixed, t("2026-03-30T17:02:00Z"));
    let call = c.events[1].clone();
    c.delete_event(&call, t("2026-03-31T09:15:00Z")).unwrap();
    c
}

#[test]
fn corrections_are_written_as_plain_words_in_a_schema_2_file_and_read_back() {
    let text = format::encode(&corrected()).unwrap();
    assert!(text.contains("schema: 2,"), "{text}");
    for word in [
        "amendments: [",
        "change: \"edited\"",
        "change: \"deleted\"",
        "at: \"2026-03-30T17:02:00Z\"",
        "\"outcome\": \"no-show\"",
        "deleted_events: [",
    ] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
    for name in ["Amendment", "Edited", "Change", "Some("] {
        assert!(!text.contains(name), "{name} in\n{text}");
    }
    let decoded = format::decode(&text).unwrap();
    assert_eq!(decoded.schema, 2);
    assert_eq!(decoded.case, corrected());
    // Without corrections a case is written as before.
    let plain = format::encode(&case()).unwrap();
    assert!(plain.contains("schema: 1,") && !plain.contains("amendments"));
}

struct Journal {
    tmp: tempfile::TempDir,
}

impl Journal {
    fn with(case: &Case) -> Journal {
        let j = Journal {
            tmp: tempfile::tempdir().unwrap(),
        };
        Store::open(&j.tmp.path().join("data"))
            .unwrap()
            .insert(case)
            .unwrap();
        j
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_DIR")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("config"))
            .arg("--data-dir")
            .arg(self.tmp.path().join("data"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(args)).unwrap()
    }
}

#[test]
fn show_and_the_dossier_list_the_corrections_and_json_keeps_them_through_import() {
    let j = Journal::with(&corrected());
    let at = "2026-04-01T12:00:00+02:00";
    let show = j.run(&["show", ID, "--now", at]);
    assert!(
        show.contains("(edited Mon 2026-03-30 19:02: outcome was no-show)"),
        "{show}"
    );
    assert!(show.contains("corrections"), "{show}");
    assert!(
        show.contains("deleted on Tue 2026-03-31 11:15: Wed 2026-03-25 10:00  call      0800-0402"),
        "{show}"
    );
    assert_eq!(counter(&show, "calls"), "0", "{show}");
    let md = j.run(&["export", ID, "--format", "md", "--now", at]);
    assert!(md.contains("## Corrections"), "{md}");
    assert!(md.contains("deleted on Tue 2026-03-31 11:15"), "{md}");
    assert!(
        md.contains("edited Mon 2026-03-30 19:02: outcome was no-show"),
        "{md}"
    );

    let json = j.json(&["show", ID, "--json", "--now", at]);
    let visit = &json["events"][0];
    assert_eq!(visit["amendments"][0]["change"], "edited");
    assert_eq!(visit["amendments"][0]["at"], "2026-03-30T17:02:00Z");
    assert_eq!(visit["amendments"][0]["was"]["outcome"], "no-show");
    assert_eq!(json["events"].as_array().unwrap().len(), 2);
    assert_eq!(json["deleted_events"][0]["kind"], "call");
    assert_eq!(
        json["deleted_events"][0]["amendments"][0]["change"],
        "deleted"
    );
    assert_eq!(json["counters"]["calls"], 0);

    // export → import gives the same case back.
    let export = j.run(&["export", ID, "--format", "json", "--now", at]);
    let other = Journal {
        tmp: tempfile::tempdir().unwrap(),
    };
    let file = other.tmp.path().join("export.json");
    std::fs::write(&file, &export).unwrap();
    other.run(&["import", file.to_str().unwrap()]);
    let store = Store::open(&other.tmp.path().join("data")).unwrap();
    match store.load(ID).unwrap() {
        runaround::storage::Entry::Readable { body: case, .. } => {
            // The import gives the events the ids their own file would get on its first write.
            let mut want = corrected();
            runaround::domain::ids::give_ids(&mut want);
            assert_eq!(case, want);
        }
        runaround::storage::Entry::Unreadable {
            problem: reason, ..
        } => panic!("{reason}"),
    }
    assert_eq!(
        other.run(&["export", ID, "--format", "json", "--now", at]),
        export
    );
}

/// The value of the counter labelled `label` in a `show` report.
fn counter(show: &str, label: &str) -> String {
    show.lines()
        .find_map(|l| {
            l.trim_start()
                .strip_prefix(label)
                .filter(|rest| rest.starts_with("  "))
        })
        .unwrap_or_else(|| panic!("no {label} in {show}"))
        .trim()
        .to_string()
}

fn promise_of(doc: &Value) -> &Value {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "promise")
        .unwrap()
}

#[test]
fn an_overdue_pending_promise_reads_as_broken_and_json_adds_effective_state() {
    let j = Journal::with(&case());
    // The promise is due Thursday 2 April 2026, 12:00 in Amsterdam.
    for (at, reads, effective) in [
        ("2026-04-02T11:00:00+02:00", "pending", "pending"),
        (
            "2026-04-03T09:00:00+02:00",
            "broken: overdue since Thu 02 Apr",
            "broken",
        ),
    ] {
        let show = j.run(&["show", ID, "--now", at]);
        let line = show
            .lines()
            .find(|l| l.contains("fixed by Thursday"))
            .unwrap();
        assert!(
            line.contains(&format!("Sanne · due Thu 2026-04-02 12:00 · {reads} — ")),
            "{at}: {line}"
        );
        let broken = u32::from(effective == "broken");
        assert_eq!(
            counter(&show, "promises broken"),
            broken.to_string(),
            "{at}: {show}"
        );
        let md = j.run(&["export", ID, "--format", "md", "--now", at]);
        let row = md.lines().find(|l| l.contains("| promise |")).unwrap();
        assert!(row.contains(reads), "{at}: {row}");
        if effective == "broken" {
            assert!(!row.contains("pending"), "{at}: {row}");
        }

        let show_json = j.json(&["show", ID, "--json", "--now", at]);
        let export_json = j.json(&["export", ID, "--format", "json", "--now", at]);
        // list --json twice: the second run answers from the index.
        for _ in 0..2 {
            let list = j.json(&["list", "--json", "--now", at]);
            for doc in [&show_json, &export_json, &list[0]] {
                let p = promise_of(doc);
                assert_eq!(p["state"], "pending", "{at}: {p}");
                assert_eq!(p["effective_state"], effective, "{at}: {p}");
                assert_eq!(doc["counters"]["promises_broken"], broken, "{at}");
            }
            assert_eq!(list[0]["events"], show_json["events"], "{at}");
        }
        // Events other than promises have no effective_state.
        assert!(show_json["events"][0].get("effective_state").is_none());

        let csv = j.run(&["export", ID, "--format", "csv", "--now", at]);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let col = header.iter().position(|h| *h == "effective_state").unwrap();
        let state = header.iter().position(|h| *h == "state").unwrap();
        let row = lines.find(|l| l.contains("fixed by Thursday")).unwrap();
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(
            (cells[state], cells[col]),
            ("pending", effective),
            "{at}: {row}"
        );
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..h {
        for x in 0..w {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_timeline_shows_corrections_and_overdue_promises_as_broken() {
    if !in_zone("the_timeline_shows_corrections_and_overdue_promises_as_broken") {
        return;
    }
    let mut app = on_event(Kind::Visit);
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    let text = screen(&mut app, 120, 30);
    assert!(
        text.contains("edited Wed 2026-04-01 12:00: outcome was no-show"),
        "{text}"
    );

    // Two days on, the promise is overdue: its row and its details say broken.
    let effects = update(&mut app, Msg::Tick(now() + Duration::days(2)));
    apply(&mut app, effects);
    let i = app
        .selected()
        .unwrap()
        .events
        .iter()
        .position(|e| e.kind == Kind::Promise)
        .unwrap();
    app.event_index = Some(i);
    let text = screen(&mut app, 200, 30);
    assert!(
        text.matches("broken: overdue since Thu 02 Apr").count() >= 2,
        "row and details: {text}"
    );
    assert!(!text.contains("· pending"), "{text}");
}

/// Random cases corrected at random: edits (kind changes too), deletes and restores.
fn randomly_corrected(rng: &mut common::rng::Rng, n: usize) -> Case {
    const KINDS: [Kind; 5] = [
        Kind::Call,
        Kind::Promise,
        Kind::Visit,
        Kind::Outage,
        Kind::Restored,
    ];
    let opened = t("2026-01-10T08:00:00Z");
    let minutes =
        |rng: &mut common::rng::Rng, span: u64| opened + Duration::minutes(rng.below(span) as i64);
    let mut c = Case::new(format!("r{n}"), "random", "KPN", opened);
    for i in 0..rng.below(20) {
        let kind = KINDS[rng.below(5) as usize];
        let mut e = Event::new(kind, minutes(rng, 60 * 24 * 60), format!("event {i}"));
        match kind {
            Kind::Call => e.hold_seconds = Some(rng.below(3600)),
            Kind::Promise => {
                e.state = Some(PromiseState::Pending);
                e.due = Some(e.at + Duration::hours(rng.below(200) as i64));
            }
            Kind::Visit => e.outcome = Some(Outcome::NoShow),
            _ => {}
        }
        c.add_event(e);
    }
    for _ in 0..rng.below(8) {
        let when = minutes(rng, 70 * 24 * 60);
        match rng.below(3) {
            0 if !c.events.is_empty() => {
                let i = rng.below(c.events.len() as u64) as usize;
                let old = c.events[i].clone();
                let mut new = old.clone();
                new.kind = KINDS[rng.below(5) as usize];
                new.summary.push_str(" (corrected)");
                new.at = minutes(rng, 60 * 24 * 60);
                new.drop_foreign_fields(when);
                c.events.remove(i);
                c.add_event(old.edited(new, when));
            }
            1 if !c.events.is_empty() => {
                let i = rng.below(c.events.len() as u64) as usize;
                let e = c.events[i].clone();
                c.delete_event(&e, when).unwrap();
            }
            _ if !c.deleted_events.is_empty() => {
                let e = c.deleted_events[0].clone();
                c.restore_event(&e, when).unwrap();
            }
            _ => {}
        }
    }
    c
}

#[test]
fn corrected_cases_keep_summaries_exact_and_survive_files_and_json() {
    let mut rng = common::rng::Rng(0x00c0_ffee);
    let mut corrected = 0;
    for n in 0..200 {
        let case = randomly_corrected(&mut rng, n);
        corrected += usize::from(case.has_amendments());
        // Deleted events count for nothing, in the summary as in the whole case.
        let live = Case {
            deleted_events: Vec::new(),
            ..case.clone()
        };
        let made = t("2026-01-10T08:00:00Z") + Duration::days(rng.below(80) as i64);
        let summary = Summary::of(&case, made);
        for _ in 0..10 {
            let now = t("2026-01-05T00:00:00Z") + Duration::hours(rng.below(90 * 24) as i64);
            assert_eq!(Counters::of(&case, now), Counters::of(&live, now));
            if let Some(c) = summary.counters(now) {
                assert_eq!(c, Counters::of(&case, now), "case {n} at {now}");
            }
        }
        let text = format::encode(&case).unwrap();
        assert_eq!(format::decode(&text).unwrap().case, case, "{text}");
        let json = runaround::export::json::case_json(&case, made, true, None);
        let back = runaround::export::json::parse_import(&json).unwrap();
        assert_eq!(back, vec![case], "{json}");
    }
    assert!(corrected > 100, "only {corrected} corrected cases");
}

/// The visit of the case in `dir`, as `show --json` gives it (`None` once it is no visit).
fn visit_json(dir: &std::path::Path, id: &str) -> Value {
    let json = common::tmux::cli_ok(dir, &["show", id, "--json"]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    doc["events"][0].clone()
}

#[test]
fn in_a_real_terminal_the_kind_changes_only_by_its_key_and_u_takes_it_back() {
    if !common::tmux::tmux_installed() {
        return;
    }
    let tui = common::tmux::Tui::start_with("", |dir, id| {
        common::tmux::cli_ok(
            dir,
            &[
                "log",
                id,
                "visit",
                "--at",
                "2026-03-24 09:00",
                "--who",
                "Technician",
                "--window-start",
                "2026-03-24 09:00",
                "--window-end",
                "2026-03-24 13:00",
                "--outcome",
                "no-show",
                "technician did not come",
            ],
        );
    });
    let (dir, id) = (tui.dir(), tui.id.clone());
    let before = visit_json(dir, &id);
    assert_eq!(before["kind"], "visit");
    tui.wait_for("technician did not come");
    tui.keys(&["Tab", "Enter"]);
    tui.wait_for("Edit event (C-k changes its kind)");
    // The stray keys of the report, then save.
    tui.keys(&["Up", "Up", "Space"]);
    let screen = tui.wait_for("‹ visit ›");
    assert!(!screen.contains("‹ message ›"), "{screen}");
    tui.keys(&["Enter"]);
    tui.wait_gone("Edit event");
    let after = visit_json(dir, &id);
    for key in ["kind", "who", "window_start", "window_end", "outcome"] {
        assert_eq!(after[key], before[key], "{key}");
    }

    // The kind's own key, then the question naming what goes.
    tui.keys(&["Enter"]);
    tui.wait_for("Edit event (C-k changes its kind)");
    tui.keys(&["C-k"]);
    tui.wait_for("←/→ change its kind");
    tui.keys(&["Right", "Enter"]);
    tui.wait_for("change visit to message? who, window from, window until and outcome");
    tui.keys(&["y"]);
    tui.wait_gone("Change the event's kind?");
    tui.wait_until("the message saved", WAIT_SAVE, |_| {
        visit_json(dir, &id)["kind"] == "message"
    });
    let message = visit_json(dir, &id);
    assert_eq!(
        message["amendments"][1]["was"]["who"], "Technician",
        "{message}"
    );

    tui.keys(&["u"]);
    tui.wait_until("the visit back", WAIT_SAVE, |_| {
        visit_json(dir, &id)["kind"] == "visit"
    });
    let back = visit_json(dir, &id);
    for key in ["who", "window_start", "window_end", "outcome"] {
        assert_eq!(back[key], before[key], "{key}");
    }
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

const WAIT_SAVE: std::time::Duration = std::time::Duration::from_secs(5);
