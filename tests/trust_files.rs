//! Nothing typed into a case file by hand is dropped by the next save: a key runaround does not
//! know, a comment, or a time it could not write back opens the case read-only, the line
//! named, and nothing writes over it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::journal::Journal;

use std::fs;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use runaround::domain::{Case, Counters, Event, Kind};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A case file as runaround writes it, with `extra` spliced in before the closing line of the
/// part `after` names.
fn written(id: &str) -> String {
    let mut case = Case::new(id, "No internet", "KPN", t("2013-08-16T16:00:00Z"));
    case.references.push(runaround::domain::Reference {
        label: "Ticket".into(),
        value: "KPN-1".into(),
    });
    case.notes = "see https://kpn.example/status // and /* this */ too".into();
    let mut call = Event::new(Kind::Call, t("2013-08-16T16:05:00Z"), "first call");
    call.hold_seconds = Some(1500);
    case.add_event(call);
    case.add_event(Event::new(Kind::Note, t("2013-08-17T09:00:00Z"), "a // b"));
    case.active_call = Some(runaround::domain::ActiveCall::start(
        "0800-0402",
        t("2013-08-17T10:00:00Z"),
    ));
    runaround::storage::format::encode(&case).unwrap()
}

/// `text` with `insert` put on a line of its own after the first line containing `after`.
fn with_line(text: &str, after: &str, insert: &str) -> (String, usize) {
    let mut out = String::new();
    let mut line = None;
    for (n, l) in text.lines().enumerate() {
        out.push_str(l);
        out.push('\n');
        if line.is_none() && l.contains(after) {
            out.push_str(insert);
            out.push('\n');
            line = Some(n + 2);
        }
    }
    (out, line.expect("anchor found"))
}

#[test]
fn a_file_as_runaround_writes_it_is_writable_even_with_slashes_in_its_text() {
    let j = Journal::new();
    j.put("plain", &written("plain"));
    let (case, read_only) = j.load("plain");
    assert_eq!(read_only, None);
    assert!(case.notes.contains("// and /* this */"));
    let (code, _, stderr) = j.run(&["log", "plain", "note", "fine"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn unknown_keys_anywhere_open_the_case_read_only_naming_key_and_line() {
    let j = Journal::new();
    let base = written("k");
    for (after, insert, key) in [
        ("  title: ", "  account_pin: \"4321\",", "account_pin"),
        ("  organisation: ", "  note: \"misspelt notes\",", "note"),
        (
            "      summary: \"first call\",",
            "      agnet: \"Sanne\",",
            "agnet",
        ),
        ("      label: \"Ticket\",", "      pin: 4321,", "pin"),
        (
            "    number: \"0800-0402\",",
            "    queue: [1, 2, (a: 3)],",
            "queue",
        ),
        (
            "        phase: hold,",
            "        music: \"Für Elise\",",
            "music",
        ),
    ] {
        let (text, line) = with_line(&base, after, insert);
        j.put("k", &text);
        let (case, read_only) = j.load("k");
        let reason = read_only.unwrap_or_else(|| panic!("{key}: writable"));
        let expected = format!(
            "line {line}: unknown key '{key}'; runaround would drop it on the next save, so this case is read-only until the key is removed or renamed"
        );
        assert_eq!(reason, expected);
        // The rest reads as usual.
        assert_eq!(case.events.len(), 2, "{key}");
        assert_eq!(case.title, "No internet");
        j.assert_never_written("k", &format!("line {line}: unknown key '{key}'"));
    }
}

#[test]
fn comments_open_the_case_read_only_naming_the_line_and_strings_are_not_comments() {
    let j = Journal::new();
    let base = written("c");
    for (after, insert) in [
        ("  title: ", "  // a line of my own"),
        (
            "      summary: \"a // b\",",
            "      /* was: \"a /* b */\" */",
        ),
        ("#![enable", "/// doc comment"),
    ] {
        let (text, line) = with_line(&base, after, insert);
        j.put("c", &text);
        let (_, read_only) = j.load("c");
        let reason = read_only.unwrap_or_else(|| panic!("{insert}: writable"));
        assert!(
            reason.starts_with(&format!(
                "line {line}: a comment; runaround does not keep comments"
            )),
            "{insert}: {reason}"
        );
        j.assert_never_written("c", &format!("line {line}: a comment"));
    }
    // A comment at the end of a line of data, and several problems at once: the first is
    // named in full, the others listed.
    let (text, _) = with_line(&base, "  title: ", "  account_pin: \"4321\",");
    let text = text.replacen(
        "  status: \"open\",",
        "  status: \"open\", // was closed",
        1,
    );
    j.put("c", &text);
    let (_, read_only) = j.load("c");
    let reason = read_only.unwrap();
    assert!(
        reason.starts_with("line 6: unknown key 'account_pin'; "),
        "{reason}"
    );
    assert!(reason.contains("(also line 8: a comment)"), "{reason}");
}

#[test]
fn times_a_file_could_not_hold_open_read_only_and_the_rest_still_reads() {
    let j = Journal::new();
    let base = written("y");
    for (from, to, what) in [
        (
            "\"2013-08-17T09:00:00Z\"",
            "\"-0001-12-31T23:00:00Z\"",
            "event 2's at is -0001-12-31T23:00:00Z",
        ),
        (
            "\"2013-08-17T09:00:00Z\"",
            "\"0999-01-01T00:00:00Z\"",
            "event 2's at is 0999-01-01T00:00:00Z",
        ),
        (
            "opened: \"2013-08-16T16:00:00Z\"",
            "opened: \"+12013-08-16T16:00:00Z\"",
            "the opening is +12013-08-16T16:00:00Z",
        ),
        (
            "from: \"2013-08-17T10:00:00Z\"",
            "from: \"0100-08-17T10:00:00+02:00\"",
            "the active call is 0100-08-17T08:00:00Z",
        ),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base);
        let line = text
            .lines()
            .position(|l| l.contains(to))
            .map(|n| n + 1)
            .unwrap();
        j.put("y", &text);
        let (case, read_only) = j.load("y");
        let reason = read_only.unwrap_or_else(|| panic!("{to}: writable"));
        assert!(
            reason.starts_with(&format!(
                "line {line}: {what}, outside the years 1000-9999; runaround could not write it back"
            )),
            "{to}: {reason}"
        );
        assert_eq!(case.events.len(), 2);
        assert_eq!(case.title, "No internet");
        // Counters and every report still work on the rest.
        let c = Counters::of(&case, t("2013-08-20T00:00:00Z"));
        assert!(c.calls <= 1 && c.hold_seconds >= 0, "{c:?}");
        for args in [
            vec!["show", "y", "--json"],
            vec!["list", "--all", "--json"],
            vec!["export", "y", "--format", "md"],
        ] {
            let (code, _, stderr) = j.run(&args);
            assert_eq!(code, 0, "{args:?} {to}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
        j.assert_never_written("y", &format!("line {line}: "));
    }
}

#[test]
fn a_time_outside_the_years_is_never_encoded() {
    let mut case = Case::new("x", "t", "o", t("2013-08-16T16:00:00Z"));
    case.add_event(Event::new(
        Kind::Note,
        DateTime::<Utc>::MIN_UTC,
        "the dawn of time",
    ));
    let err = runaround::storage::format::encode(&case).unwrap_err();
    assert!(
        err.to_string().contains("event 1's at") && err.to_string().contains("1000-9999"),
        "{err}"
    );
    let j = Journal::new();
    let err = j.store().insert(&case).unwrap_err();
    assert!(err.to_string().contains("1000-9999"), "{err}");
    assert!(!j.file("x").exists());
}

#[test]
fn json_import_still_ignores_the_computed_keys() {
    let j = Journal::new();
    j.put("src", &written("src"));
    let (code, json, stderr) = j.run(&["export", "src", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(json.contains("\"counters\""));
    let renamed = json.replace("\"id\": \"src\"", "\"id\": \"copy\"");
    let file = j.tmp.path().join("copy.json");
    fs::write(&file, renamed).unwrap();
    let (code, out, stderr) = j.run(&["import", file.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, "copy\n"), "{stderr}");
    let (copy, read_only) = j.load("copy");
    assert_eq!(read_only, None);
    assert_eq!(copy.events.len(), 2);
}

#[test]
fn importing_a_time_outside_the_years_imports_nothing() {
    let j = Journal::new();
    let doc = r#"[{"id": "fine", "title": "t", "organisation": "o", "opened": "2013-08-16T16:00:00Z"},
        {"id": "old", "title": "t", "organisation": "o", "opened": "0999-08-16T16:00:00Z"}]"#;
    let file = j.tmp.path().join("in.json");
    fs::write(&file, doc).unwrap();
    let (code, _, stderr) = j.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("0999-08-16T16:00:00Z"), "{stderr}");
    assert!(stderr.contains("1000-9999"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(!j.file("fine").exists() && !j.file("old").exists());
}

/// A pasted note full of web addresses (`//` on every line) costs one scan of the text: it
/// still loads fast and in linear time.
#[test]
fn a_large_note_with_slashes_loads_in_linear_time() {
    let j = Journal::new();
    let note = |lines: usize| -> String {
        let mut s = String::new();
        for i in 0..lines {
            s.push_str(&format!(
                "{i:06} zie https://kpn.example/storing/{i} /* \"quote\" */ C:\\pad\n"
            ));
        }
        s
    };
    let (one, two) = (note(40_000), note(80_000));
    assert!(one.len() >= 2_000_000);
    for (id, text) in [("x1", &one), ("x2", &two)] {
        let mut case = Case::new(id, "Pasted", "KPN", t("2026-01-01T00:00:00Z"));
        case.notes.clone_from(text);
        j.store().insert(&case).unwrap();
    }
    let time = |id: &str, len: usize| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                let (case, read_only) = j.load(id);
                let took = start.elapsed();
                assert_eq!((case.notes.len(), read_only), (len, None));
                took
            })
            .min()
            .unwrap()
    };
    let t1 = time("x1", one.len());
    let t2 = time("x2", two.len());
    eprintln!("load times: 1x {t1:?}, 2x {t2:?}");
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(1)
    } else {
        Duration::from_millis(100)
    };
    assert!(t1 < limit, "a 2 MB note took {t1:?} (limit {limit:?})");
    assert!(
        t2 < t1 * 3 + Duration::from_millis(20),
        "doubling went from {t1:?} to {t2:?}"
    );
}

/// In the TUI: the case is marked read-only, logging and writing notes say why (the key and
/// line), and quitting leaves the file byte for byte as it was.
#[test]
fn the_tui_shows_a_case_with_an_unknown_key_read_only_and_never_writes_it() {
    use common::tmux::{Tui, tmux_installed};
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        let file = dir.join("cases").join(format!("{id}.ron"));
        let text = fs::read_to_string(&file).unwrap();
        let (text, line) = with_line(&text, "  title: ", "  account_pin: \"4321\",");
        assert_eq!(line, 6);
        fs::write(&file, text).unwrap();
    });
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let before = fs::read(&file).unwrap();
    tui.wait_for("read-only");
    tui.keys(&["l"]);
    tui.wait_for("line 6: unknown key 'account_pin'");
    tui.keys(&["Escape"]);
    // An Esc followed at once by another key reads as Alt and that key.
    std::thread::sleep(Duration::from_millis(300));
    tui.keys(&["Tab", "Tab"]);
    tui.wait_for("┏ Notes");
    tui.keys(&["i"]);
    let screen = tui.wait_for("this case is read-only: line 6: unknown key 'account_pin'");
    assert!(!screen.contains("Notes editing"), "{screen}");
    let screen = tui.quit();
    assert!(screen.contains("EXITED:0"), "{screen}");
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the case file was rewritten"
    );
}
