//! More of what makes the journal evidence to trust: files beside a case that only look like
//! runaround's stay, a lock's message never names a process that does not hold it, rescues
//! never overwrite each other, read-only cases say so wherever they are shown, the demo keeps
//! its clock times, one duration reads the same everywhere, and commands that fail or only
//! read leave the disk as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::journal::Journal;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use runaround::domain::{Case, Event, Kind};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------------
// Files beside a case

#[test]
fn cleaning_removes_only_temp_files_named_exactly_as_runaround_names_them() {
    let j = Journal::new();
    let store = j.store();
    let id = store
        .create(Case::new("", "t", "o", common::now()))
        .unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let touch = |dir: &Path, name: &str| {
        let f = fs::File::create(dir.join(name)).unwrap();
        f.set_modified(hour_ago).unwrap();
    };
    // A user's files that look like temp files of older builds: six letters and digits.
    let theirs = [
        format!(".{id}.ron.old123"),
        format!(".{id}.ron.2024v1"),
        format!(".{id}.ron.ab12cd"),
        format!(".{id}.ron.ab12cd.tmp.bak"),
        format!(".{id}.ron.ab12cd.tmpx"),
        format!(".{id}.ron.ab-2cd.tmp"),
        format!(".{id}.ron.ab12cde.tmp"),
        format!("{id}.ron.ab12cd.tmp"),
    ];
    for name in &theirs {
        touch(&j.cases(), name);
    }
    let beside = [
        ".index.old123",
        ".index.2024v1",
        ".rescued-notes-ab.txt.ab12cd",
    ];
    for name in &beside {
        touch(&j.data(), name);
    }
    let ours = format!(".{id}.ron.Ab12Cd.tmp");
    touch(&j.cases(), &ours);
    touch(&j.data(), ".index.Qw12Er.tmp");

    assert_eq!(store.clean_strays().unwrap(), 2);
    for name in &theirs {
        assert!(j.cases().join(name).exists(), "{name} was removed");
    }
    for name in &beside {
        assert!(j.data().join(name).exists(), "{name} was removed");
    }
    assert!(!j.cases().join(&ours).exists());
    assert!(!j.data().join(".index.Qw12Er.tmp").exists());
}

// ---------------------------------------------------------------------------------------------
// Who holds a lock

#[test]
fn a_lock_held_outside_runaround_never_names_the_dead_last_writer() {
    let j = Journal::new();
    let (code, id, err) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    assert_eq!(code, 0, "{err}");
    let id = id.trim().to_string();
    // A log writes its pid into the lock file, then ends.
    let log = j.cmd().args(["log", &id, "note", "first"]).spawn().unwrap();
    let dead = log.id();
    assert!(log.wait_with_output().unwrap().status.success());
    let lock = j.cases().join(format!("{id}.lock"));
    assert!(
        fs::read_to_string(&lock)
            .unwrap()
            .contains(&dead.to_string())
    );
    assert!(!Path::new(&format!("/proc/{dead}")).exists());

    // Now a process that is no runaround holds it.
    let mut flock = Command::new("flock")
        .arg(&lock)
        .args(["sleep", "4"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let out = j
        .cmd()
        .env("RUNAROUND_LOCK_WAIT_MS", "1600")
        .args(["log", &id, "note", "second"])
        .output()
        .unwrap();
    let _ = flock.kill();
    let _ = flock.wait();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("waiting for"), "{err}");
    assert!(err.contains("held by another process)"), "{err}");
    assert!(err.contains("being changed by another process"), "{err}");
    assert!(!err.contains(&format!("pid {dead}")), "{err}");
}

#[test]
fn a_live_last_taker_is_named_only_as_the_last_to_take_the_lock() {
    let j = Journal::new();
    let store = j.store();
    let id = store
        .create(Case::new("", "t", "o", common::now()))
        .unwrap();
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(j.cases().join(format!("{id}.lock")))
        .unwrap();
    lock.lock().unwrap();
    std::os::unix::fs::FileExt::write_all_at(
        &lock,
        format!("{:>10}\n", std::process::id()).as_bytes(),
        0,
    )
    .unwrap();
    let err = store
        .with_lock_wait(Duration::from_millis(50))
        .update(&id, |_| Ok::<_, String>(()))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!(
            "another process (last taken by pid {})",
            std::process::id()
        )),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Messages name the user's path

#[test]
fn an_export_to_a_missing_directory_names_the_path_asked_for() {
    let j = Journal::new();
    let (_, id, _) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    let target = j.tmp.path().join("nonexistent").join("dir").join("x.md");
    let (code, _, err) = j.run(&[
        "export",
        id.trim(),
        "--format",
        "md",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "cannot write {}: No such file or directory",
            target.display()
        )),
        "{err}"
    );
    assert!(!err.contains(".x.md.") && !err.contains("at path"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// A journal that cannot be read

#[test]
fn a_list_of_unreadable_files_never_claims_there_are_no_cases_nor_names_rust_types() {
    let j = Journal::new();
    j.put("broken", "garbage");
    j.put("halved", "(schema: 1, id: \"halved\", title: \"t\"");
    for args in [&["list"][..], &["list", "--all"]] {
        let (code, out, err) = j.run(args);
        assert_eq!(code, 1, "{err}");
        assert!(!out.contains("no open cases"), "{out}");
        assert!(out.trim().is_empty(), "{out}");
        assert!(err.contains("none of the 2 case files"), "{err}");
        assert!(err.contains("broken.ron cannot be read"), "{err}");
        assert!(!err.contains("`Record`"), "{err}");
        assert!(
            err.contains("expected the case's fields in parentheses"),
            "{err}"
        );
    }
    // With one case that reads but is closed, and one that does not read: no claim either.
    let (_, id, _) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    j.run(&["status", id.trim(), "closed"]);
    let (code, out, err) = j.run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("no open cases"), "{out}");
    assert!(err.contains("2 of 3 case files could not be read"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// One duration, one reading

#[test]
fn a_hold_and_a_talk_read_the_same_in_rows_details_forms_and_show() {
    use runaround::domain::Field;
    use runaround::export::text::facets;
    let now = common::now();
    let mut call = Event::new(Kind::Call, t("2026-03-30T10:00:00Z"), "long");
    call.set(Field::Hold, "744h", now).unwrap();
    call.set(Field::Talk, "12:30", now).unwrap();
    assert_eq!(call.hold_seconds, Some(31 * 86_400));
    assert_eq!(call.talk_seconds, Some(750));
    let hold = call.get(Field::Hold);
    let talk = call.get(Field::Talk);
    assert!(
        !hold.contains("month") && !talk.contains("month"),
        "{hold} {talk}"
    );
    let row = facets(&call, now);
    assert!(row.contains(&format!("hold {hold}")), "{row:?} vs {hold}");
    assert!(row.contains(&format!("talk {talk}")), "{row:?} vs {talk}");
    assert!(row.contains(&"talk 12m 30s".to_string()), "{row:?}");
    // What a form shows reads back to the same seconds.
    let mut again = Event::new(Kind::Call, call.at, "long");
    again.set(Field::Hold, &hold, now).unwrap();
    again.set(Field::Talk, &talk, now).unwrap();
    assert_eq!(
        (again.hold_seconds, again.talk_seconds),
        (call.hold_seconds, call.talk_seconds)
    );

    // And the CLI's line, `show` and the dossier say the same.
    let j = Journal::new();
    let (_, id, _) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    let id = id.trim();
    let (code, line, err) = j.run(&["log", id, "call", "--hold", "744h", "--talk", "12:30", "x"]);
    assert_eq!(code, 0, "{err}");
    for text in [
        line,
        j.run(&["show", id]).1,
        j.run(&["export", id, "--format", "md"]).1,
    ] {
        assert!(text.contains(&format!("hold {hold}")), "{text}");
        assert!(text.contains("talk 12m 30s"), "{text}");
        assert!(!text.contains("month"), "{text}");
    }
    // The counters of one call: the sum and the longest hold read as the hold itself.
    let show = j.run(&["show", id]).1;
    let counted: Vec<&str> = show
        .lines()
        .filter(|l| l.trim_start().starts_with("on hold") || l.contains("longest hold"))
        .collect();
    assert_eq!(counted.len(), 2, "{show}");
    for l in counted {
        assert!(l.trim_end().ends_with(&format!(" {hold}")), "{l}");
    }
}

// ---------------------------------------------------------------------------------------------
// Rescued notes

#[test]
fn a_second_rescue_never_overwrites_the_first_and_list_points_to_them() {
    let j = Journal::new();
    let store = j.store();
    let id = store
        .create(Case::new("", "Geen internet", "KPN", common::now()))
        .unwrap();
    let first = store.rescue_notes(&id, "eerste tekst").unwrap();
    let second = store.rescue_notes(&id, "tweede tekst").unwrap();
    let third = store.rescue_notes(&id, "derde tekst").unwrap();
    assert_ne!(first, second);
    assert_ne!(second, third);
    assert_eq!(fs::read_to_string(&first).unwrap(), "eerste tekst");
    assert_eq!(fs::read_to_string(&second).unwrap(), "tweede tekst");
    assert_eq!(fs::read_to_string(&third).unwrap(), "derde tekst");
    let name = first.file_name().unwrap().to_str().unwrap().to_string();
    let stamp = name
        .strip_prefix(&format!("rescued-notes-{id}-"))
        .and_then(|r| r.strip_suffix(".txt"))
        .unwrap();
    assert!(
        stamp.len() == 15 && stamp.as_bytes()[8] == b'T',
        "{name}: not rescued-notes-ID-YYYYMMDDTHHMMSS.txt"
    );
    // The same text again (a save that keeps failing) is the same rescue, not a new file.
    assert_eq!(store.rescue_notes(&id, "derde tekst").unwrap(), third);
    assert_eq!(common::rescues(&j.data(), &id).len(), 3);
    let rescued = store.rescued();
    assert_eq!(rescued.len(), 3, "{rescued:?}");

    let (code, _, err) = j.run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("3 rescued notes files in {}", j.data().display())),
        "{err}"
    );
    assert!(err.contains(&name), "{err}");

    // Their temp files, once old, are cleaned like any other; the rescues themselves stay.
    let temp = j.data().join(format!(".{name}.Ab12Cd.tmp"));
    fs::File::create(&temp)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    assert_eq!(store.clean_strays().unwrap(), 1);
    assert!(!temp.exists());
    assert_eq!(store.rescued().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Commands that fail or only read leave the disk as it was

#[test]
fn reading_and_failing_commands_never_create_the_data_directory() {
    let j = Journal::missing();
    let bad = j.tmp.path().join("bad.json");
    fs::write(&bad, "{not json").unwrap();
    let runs: [&[&str]; 9] = [
        &["list"],
        &["list", "--all"],
        &["show", "x"],
        &["show", "--json", "x"],
        &["export", "x", "--format", "md"],
        &["log", "x", "call"],
        &["log", "x", "note", "--at", "not a time", "x"],
        &["status", "x", "closed"],
        &["import", bad.to_str().unwrap()],
    ];
    for args in runs {
        let (code, _, err) = j.run(args);
        if args[0] == "list" {
            assert_eq!(code, 0, "{args:?}: {err}");
        } else {
            assert_ne!(code, 0, "{args:?}");
        }
        assert!(!j.data().exists(), "{args:?} made {}", j.data().display());
    }
    // A missing journal lists as an empty one.
    let (code, out, err) = j.run(&["list", "--all", "--json"]);
    assert_eq!((code, out.trim()), (0, "[]"), "{err}");
    assert!(!j.data().exists());

    // The first write makes it, private.
    let (code, id, err) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    assert_eq!(code, 0, "{err}");
    for dir in [j.data(), j.cases()] {
        assert_eq!(
            fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    let (code, _, err) = j.run(&["log", id.trim(), "note", "daarna"]);
    assert_eq!(code, 0, "{err}");
    assert!(names(&j.cases()).contains(&format!("{}.ron", id.trim())));
}

// ---------------------------------------------------------------------------------------------
// Read-only cases say so wherever they are shown

/// A case file as runaround writes it, with `insert` on a line of its own after the first line
/// containing `after`.
fn file_with(id: &str, after: &str, insert: &str) -> String {
    let mut case = Case::new(id, "Geen internet", "KPN", t("2013-08-16T16:00:00Z"));
    case.add_event(Event::new(Kind::Note, t("2013-08-17T09:00:00Z"), "gebeld"));
    let text = runaround::storage::format::encode(&case).unwrap();
    let mut out = String::new();
    let mut done = false;
    for l in text.lines() {
        out.push_str(l);
        out.push('\n');
        if !done && l.contains(after) {
            out.push_str(insert);
            out.push('\n');
            done = true;
        }
    }
    assert!(done, "{after} not in {text}");
    out
}

#[test]
fn read_only_cases_say_why_in_show_and_every_export_and_their_export_is_not_imported_as_writable() {
    let j = Journal::new();
    let cases = [
        ("pin", "title:", "  account_pin: \"4321\",", "account_pin"),
        ("comment", "title:", "  // called twice", "a comment"),
        (
            "misspelt",
            "summary:",
            "      note: \"misspelt\",",
            "'note'",
        ),
    ];
    for (id, after, insert, named) in cases {
        j.put(id, &file_with(id, after, insert));
        let (code, show, err) = j.run(&["show", id]);
        assert_eq!(code, 0, "{err}");
        assert!(show.contains("read-only: line "), "{show}");
        assert!(show.contains(named), "{show}");

        for args in [
            &["show", "--json", id][..],
            &["export", id, "--format", "json"],
        ] {
            let (code, out, err) = j.run(args);
            assert_eq!(code, 0, "{err}");
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let why = v["read_only"]
                .as_str()
                .unwrap_or_else(|| panic!("{args:?}: {out}"));
            assert!(why.contains("line ") && why.contains(named), "{why}");
            if args[0] == "export" {
                assert!(err.contains("read-only") && err.contains(named), "{err}");
            }
        }
        let (code, md, _) = j.run(&["export", id, "--format", "md"]);
        assert_eq!(code, 0);
        let line = md
            .lines()
            .find(|l| l.starts_with("- **Read-only:**"))
            .unwrap_or_else(|| panic!("{md}"));
        assert!(line.contains(named), "{line}");

        // Its export is not imported as a writable case without what made it read-only.
        let (_, json, _) = j.run(&["export", id, "--format", "json"]);
        let other = Journal::new();
        let file = other.tmp.path().join("export.json");
        fs::write(&file, &json).unwrap();
        let (code, out, err) = other.run(&["import", file.to_str().unwrap()]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(
            err.contains("read-only")
                && err.contains(named)
                && err.contains("nothing was imported"),
            "{err}"
        );
        assert!(
            names(&other.cases()).is_empty(),
            "{:?}",
            names(&other.cases())
        );
        // Deliberately, without the key, it is.
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v.as_object_mut().unwrap().remove("read_only");
        fs::write(&file, v.to_string()).unwrap();
        let (code, out, err) = other.run(&["import", file.to_str().unwrap()]);
        assert_eq!((code, out.trim()), (0, id), "{err}");
    }
    // A writable case has no such key, line or warning.
    let (_, id, _) = j.run(&["new", "Schoon", "--org", "KPN"]);
    let (_, out, err) = j.run(&["export", id.trim(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("read_only").is_none(), "{out}");
    assert!(!err.contains("read-only"), "{err}");
    assert!(
        !j.run(&["export", id.trim(), "--format", "md"])
            .1
            .contains("Read-only")
    );
}

// ---------------------------------------------------------------------------------------------
// The demo keeps its clock times

/// Runs test `name` once in each of `zones` in a child process, unless this is that child.
/// Returns whether the caller should go on (true: this process is the child).
fn in_zones(name: &str, zones: &[&str]) -> bool {
    if std::env::var_os("RUNAROUND_TEST_ZONE").is_some() {
        return true;
    }
    for zone in zones {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([name, "--exact", "--test-threads=1"])
            .env("TZ", zone)
            .env("RUNAROUND_TEST_ZONE", zone)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{name} in {zone}:\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    false
}

/// Every time of a case, in order.
fn demo_times(case: &Case) -> Vec<DateTime<Utc>> {
    let mut out = vec![case.opened];
    for e in &case.events {
        out.push(e.at);
        out.extend([e.due, e.window_start, e.window_end].into_iter().flatten());
    }
    out
}

#[test]
fn the_demo_moves_by_whole_weeks_keeping_local_clock_times_and_weekdays() {
    use chrono::{Local, Timelike};
    if !in_zones(
        "the_demo_moves_by_whole_weeks_keeping_local_clock_times_and_weekdays",
        &["Europe/Amsterdam", "UTC"],
    ) {
        return;
    }
    let told = runaround::export::json::parse_import(runaround::demo::DEMO_JSON).unwrap();
    let local = |t: DateTime<Utc>| {
        let l = t.with_timezone(&Local);
        (l.format("%a").to_string(), l.hour(), l.minute())
    };
    // Into winter time, across the spring and autumn clock changes, into summer time.
    for now in [
        "2026-04-01T10:00:00Z",
        "2026-10-27T08:00:00Z",
        "2026-11-20T12:00:00Z",
        "2027-07-01T12:00:00Z",
    ] {
        let now = t(now);
        let shifted = runaround::demo::cases(now).unwrap();
        assert_eq!(shifted.len(), told.len());
        for (a, b) in told.iter().zip(&shifted) {
            let (before, after) = (demo_times(a), demo_times(b));
            assert_eq!(before.len(), after.len());
            for (x, y) in before.iter().zip(&after) {
                assert_eq!(local(*x), local(*y), "{} at {now}: {x} became {y}", a.id);
                let days = (*y - *x).num_hours() as f64 / 24.0;
                assert!(((days / 7.0).round() * 7.0 - days).abs() < 0.1, "{x} → {y}");
            }
            assert!(b.last_activity() <= now, "{}: {}", b.id, b.last_activity());
            assert!(
                now - b.last_activity() < chrono::Duration::days(8),
                "{}",
                b.id
            );
        }
    }
}

#[test]
fn no_demo_text_quotes_a_date() {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let doc: serde_json::Value = serde_json::from_str(runaround::demo::DEMO_JSON).unwrap();
    let mut texts = Vec::new();
    strings(&doc, &mut texts);
    let texts: Vec<String> = texts
        .into_iter()
        // The stored times themselves are moved; only what people wrote is checked.
        .filter(|s| chrono::DateTime::parse_from_rfc3339(s).is_err())
        .collect();
    assert!(texts.len() > 50, "{}", texts.len());
    for text in &texts {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for (i, w) in words.iter().enumerate() {
            let year = w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"));
            assert!(!year, "a year in {text:?}");
            let month = w.len() >= 3
                && MONTHS.iter().any(|m| w.starts_with(m))
                && MONTHS.iter().any(|m| {
                    [
                        "", "uary", "ruary", "ch", "il", "e", "y", "ust", "tember", "ober", "ember",
                    ]
                    .iter()
                    .any(|tail| *w == format!("{m}{tail}"))
                        || *w == "sept"
                });
            let dated = |j: Option<&String>| {
                j.is_some_and(|n| n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
            };
            let near_number =
                dated(i.checked_sub(1).and_then(|j| words.get(j))) || dated(words.get(i + 1));
            assert!(!(month && near_number), "a date in {text:?}");
        }
    }
}

/// A complaint's line says how it was made and whether it was the company's final answer: the
/// clocks count from both, so the timeline must not hide them.
#[test]
fn a_complaints_line_names_its_channel_and_a_deadlock() {
    let j = Journal::new();
    let (code, id, err) = j.run(&["new", "Geen internet", "--org", "KPN"]);
    assert_eq!(code, 0, "{err}");
    let id = id.trim();
    let (code, line, err) = j.run(&[
        "log",
        id,
        "complaint",
        "--at",
        "2026-11-16 10:00",
        "--channel",
        "letter",
        "--outcome",
        "deadlock",
        "Final answer",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(line.contains("letter · deadlock"), "{line}");
    let (_, shown, _) = j.run(&["show", id]);
    assert!(shown.contains("letter · deadlock"), "{shown}");
}

/// A clock that runs out with a Dutch day says that day even on a machine in another zone:
/// four weeks after a letter of Monday 16 November 10:00 (Amsterdam), the Geschillencommissie
/// may be asked from Monday 14 December 00:00 there, which is 13 December 23:00 in UTC.
#[test]
fn clocks_read_as_their_countrys_clock_shows_them_in_any_zone() {
    let j = Journal::new();
    let (_, id, _) = j.run(&[
        "new",
        "Geen internet",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "consumer",
        "--fee",
        "60",
    ]);
    let id = id.trim();
    let (code, _, err) = j.run(&[
        "log",
        id,
        "complaint",
        "--at",
        "2026-11-16T10:00:00+01:00",
        "--channel",
        "letter",
        "Formal complaint",
    ]);
    assert_eq!(code, 0, "{err}");
    for zone in ["UTC", "America/Los_Angeles", "Europe/Amsterdam"] {
        let out = j
            .cmd()
            .env("TZ", zone)
            .args(["clocks", id, "--now", "2026-12-01T12:00:00Z"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("2026-12-14 00:00  earliest"),
            "{zone}:\n{text}"
        );
        assert!(
            text.contains("from the complaint of 2026-11-16 10:00"),
            "{zone}:\n{text}"
        );
        let out = j
            .cmd()
            .env("TZ", zone)
            .args(["due", "--within", "30d", "--now", "2026-12-01T12:00:00Z"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("2026-12-14 00:00  running"),
            "{zone}:\n{text}"
        );
    }
}

/// `due --ics` is a calendar a calendar app can subscribe to: CRLF lines folded at 75 octets,
/// text escaped, one event per promise and clock at its due, and UIDs that stay the same from
/// run to run (so a subscribed calendar updates its events instead of adding new ones).
#[test]
fn due_as_a_calendar_is_valid_icalendar_with_stable_uids() {
    let j = Journal::new();
    let (_, id, _) = j.run(&[
        "new",
        "Geen internet, TV; telefoon",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "consumer",
        "--fee",
        "60",
    ]);
    let id = id.trim();
    for args in [
        &[
            "log",
            id,
            "complaint",
            "--at",
            "2026-11-16T10:00:00+01:00",
            "--channel",
            "letter",
            "Formal complaint",
        ][..],
        &[
            "log",
            id,
            "promise",
            "--at",
            "2026-11-30 10:00",
            "--due",
            "2026-12-04 12:00",
            "Technician on Friday, between 8 and 12; bring the modem",
        ][..],
    ] {
        let (code, _, err) = j.run(args);
        assert_eq!(code, 0, "{err}");
    }
    let calendar = |now: &str| {
        let (code, out, err) = j.run(&["due", "--ics", "--now", now]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let ics = calendar("2026-12-01T12:00:00Z");
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n'), "a bare line break: {line:?}");
    }
    // Unfolded (RFC 5545 3.1), the promise reads back with its commas and semicolon escaped.
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains(
            "SUMMARY:Geen internet\\, TV\\; telefoon: Technician on Friday\\, between 8 and 12\\; bring the modem"
        ),
        "{unfolded}"
    );
    // Noon on Friday 4 December in Amsterdam; the Geschillencommissie's four weeks end at
    // the start of Monday 14 December there.
    assert!(unfolded.contains("DTSTART:20261204T110000Z"), "{unfolded}");
    assert!(unfolded.contains("DTSTART:20261213T230000Z"), "{unfolded}");
    let uids = |text: &str| -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let first = uids(&ics);
    assert_eq!(
        first.len(),
        unfolded.matches("BEGIN:VEVENT").count(),
        "one UID per event"
    );
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "UIDs repeat: {first:?}");
    assert_eq!(
        uids(&calendar("2026-12-02T08:00:00Z")),
        first,
        "UIDs change between runs"
    );
    // Without --within, the calendar holds what is further ahead than the week to come too.
    assert!(unfolded.contains("last day to file"), "{unfolded}");
}

/// A case is always about someone: an organisation that is empty (or only blanks) is refused,
/// on the command line with exit 2 and nothing written.
#[test]
fn a_case_without_an_organisation_is_refused() {
    let j = Journal::new();
    for org in ["", "   "] {
        let (code, out, err) = j.run(&["new", "Geen internet", "--org", org]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("the organisation is empty"), "{err}");
    }
    let (_, list, _) = j.run(&["list", "--all", "--json"]);
    assert_eq!(list.trim(), "[]");
}
