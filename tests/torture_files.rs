//! Bad case files (SPEC §4, RELIABILITY "Saving" and "RON"): the committed schema-1 fixture cut
//! at every byte offset, and empty, NUL-filled, invalid UTF-8, wrongly typed and newer-schema
//! files. Each is reported by `Store::load` with a reason that names the line (or says what is
//! wrong with the whole file), `load_all` still returns the good case beside it, and the bad
//! file is never touched: not by a load, not by `list --all`, not by a `log` into it, which
//! fails with exit status 1 and a message naming the file.
//!
//! Every sample goes through the storage API and the CLI's own entry point in-process (a few
//! milliseconds each); one in 40 also through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::{DateTime, Utc};
use clap::Parser;
use runaround::cli::{self, Cli, CliError};
use runaround::clock::Clock;
use runaround::domain::Case;
use runaround::storage::{Entry, Store};

const BIN: &str = env!("CARGO_BIN_EXE_runaround");
const FIXTURE: &str = include_str!("fixtures/schema-v1.ron");
const ID: &str = "fixture-v1";
const GOOD: &str = "good-case";
const GOOD_TITLE: &str = "Loan device never came";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
        .with_timezone(&Utc)
}

/// What loading a sample must give.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Unreadable, with a reason that names a line of the file (`line N, column M: …`).
    Line,
    /// Unreadable, with a reason about the whole file that contains this.
    Whole(&'static str),
    /// Read, but read-only: a newer schema.
    ReadOnly,
}

struct Sample {
    name: String,
    bytes: Vec<u8>,
    expect: Expect,
}

fn sample(name: impl Into<String>, bytes: impl Into<Vec<u8>>, expect: Expect) -> Sample {
    Sample {
        name: name.into(),
        bytes: bytes.into(),
        expect,
    }
}

fn replaced(from: &str, to: &str) -> Vec<u8> {
    assert!(FIXTURE.contains(from), "the fixture has no {from:?}");
    FIXTURE.replacen(from, to, 1).into_bytes()
}

/// The fixture cut at every byte offset before its closing parenthesis (from there on only the
/// final newline is lost, and the file is whole).
fn truncations() -> Vec<Sample> {
    let end = FIXTURE.rfind(')').expect("closing parenthesis");
    (0..=end)
        .map(|at| {
            let bytes = &FIXTURE.as_bytes()[..at];
            let expect = if at == 0 {
                Expect::Whole("empty")
            } else if std::str::from_utf8(bytes).is_err() {
                Expect::Whole("UTF-8")
            } else if bytes.iter().all(u8::is_ascii_whitespace) {
                Expect::Whole("empty")
            } else {
                Expect::Line
            };
            sample(format!("cut at byte {at}"), bytes, expect)
        })
        .collect()
}

fn whole_file_damage() -> Vec<Sample> {
    let mut invalid = FIXTURE.as_bytes().to_vec();
    let at = FIXTURE.find("Sinds").expect("notes");
    invalid.splice(at..at, [0xff, 0xfe, 0xc3]);
    let mut lone_lead = FIXTURE.as_bytes().to_vec();
    lone_lead.push(0xe6);
    vec![
        sample("empty", Vec::new(), Expect::Whole("empty")),
        sample("only blanks", b"\n \t\n".to_vec(), Expect::Whole("empty")),
        sample("NUL-filled", vec![0; FIXTURE.len()], Expect::Line),
        sample("NUL-filled 4 KiB", vec![0; 4096], Expect::Line),
        sample("one NUL", vec![0], Expect::Line),
        sample(
            "invalid UTF-8 in the notes",
            invalid,
            Expect::Whole("UTF-8"),
        ),
        sample(
            "a lone UTF-8 lead byte at the end",
            lone_lead,
            Expect::Whole("UTF-8"),
        ),
        sample(
            "UTF-16",
            FIXTURE
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            Expect::Whole("UTF-8"),
        ),
        sample(
            "the fixture twice",
            FIXTURE.repeat(2).into_bytes(),
            Expect::Line,
        ),
        sample(
            "JSON",
            br#"{"schema": 1, "id": "fixture-v1"}"#.to_vec(),
            Expect::Line,
        ),
    ]
}

fn wrong_types() -> Vec<Sample> {
    vec![
        sample(
            "schema is text",
            replaced("schema: 1,", "schema: \"1\","),
            Expect::Line,
        ),
        sample(
            "id is a number",
            replaced("id: \"fixture-v1\"", "id: 7"),
            Expect::Line,
        ),
        sample(
            "title is a list",
            replaced(
                "title: \"Geen internet, tv en telefoon na verhuizing\"",
                "title: [\"Geen internet\"]",
            ),
            Expect::Line,
        ),
        sample(
            "status is a number",
            replaced("status: \"open\"", "status: 5"),
            Expect::Line,
        ),
        sample(
            "opened is a number",
            replaced("opened: \"2013-08-16T16:00:00Z\"", "opened: 1376668800"),
            Expect::Line,
        ),
        sample(
            "opened is not a time",
            replaced("opened: \"2013-08-16T16:00:00Z\"", "opened: \"vrijdag\""),
            Expect::Line,
        ),
        sample(
            "hold is text",
            replaced("hold_seconds: 1500", "hold_seconds: \"25m\""),
            Expect::Line,
        ),
        sample(
            "hold is negative",
            replaced("hold_seconds: 1500", "hold_seconds: -1500"),
            Expect::Line,
        ),
        sample(
            "hold is a float",
            replaced("hold_seconds: 1500", "hold_seconds: 1500.5"),
            Expect::Line,
        ),
        sample(
            "hold overflows",
            replaced(
                "hold_seconds: 1500",
                "hold_seconds: 99999999999999999999999",
            ),
            Expect::Line,
        ),
        sample(
            "events is a map",
            replaced("events: [", "events: {}, old: ["),
            Expect::Line,
        ),
        sample(
            "notes is a number",
            replaced("notes: ", "notes: 5, old_notes: "),
            Expect::Line,
        ),
        sample(
            "unknown kind",
            replaced("kind: \"note\"", "kind: \"memo\""),
            Expect::Line,
        ),
        sample(
            "tags is a string",
            replaced("tags: [", "tags: \"internet\", old_tags: ["),
            Expect::Line,
        ),
        sample("unit instead of a struct", b"()".to_vec(), Expect::Line),
        sample("a bare number", b"42".to_vec(), Expect::Line),
    ]
}

fn newer_schemas() -> Vec<Sample> {
    vec![
        sample(
            "schema 9 with fields this build does not know",
            replaced(
                "schema: 1,",
                "schema: 9,\n  colour: \"rood\",\n  watchers: [(name: \"E\")],",
            ),
            Expect::ReadOnly,
        ),
        sample(
            "schema 5 with a status this build cannot read",
            FIXTURE
                .replacen("schema: 1,", "schema: 5,", 1)
                .replacen("status: \"open\"", "status: (state: \"open\")", 1)
                .into_bytes(),
            Expect::Whole("newer"),
        ),
    ]
}

fn all_samples() -> Vec<Sample> {
    let mut all = truncations();
    all.extend(whole_file_damage());
    all.extend(wrong_types());
    all.extend(newer_schemas());
    all
}

/// What identifies a file's contents and its inode: a rewrite, even with the same bytes,
/// shows (every save is a rename of a new file).
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint {
    bytes: Vec<u8>,
    inode: u64,
    modified: i64,
    modified_ns: i64,
}

fn fingerprint(path: &Path) -> Fingerprint {
    let meta = fs::metadata(path).expect("the bad file is still there");
    Fingerprint {
        bytes: fs::read(path).expect("read the bad file"),
        inode: meta.ino(),
        modified: meta.mtime(),
        modified_ns: meta.mtime_nsec(),
    }
}

/// The only files in the journal: the good case, the bad file, and lock files.
fn listing(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.path(ID).parent().expect("cases dir"))
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_none_or(|x| x != "lock"))
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs the CLI's own entry point on `store`, as `runaround ARGS` does.
fn run_cli(store: &Store, args: &[&str]) -> Result<String, CliError> {
    let cli = Cli::try_parse_from(std::iter::once("runaround").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let command = cli.command.expect("a subcommand");
    let mut out = Vec::new();
    cli::run(
        command,
        store,
        Clock::Fixed(t("2026-04-01T10:00:00Z")),
        &mut out,
    )?;
    Ok(String::from_utf8(out).expect("UTF-8 output"))
}

/// Checks one sample in `store` (which holds the good case): see the file's doc.
fn check(store: &Store, s: &Sample) {
    let what = &s.name;
    let path = store.path(ID);
    fs::write(&path, &s.bytes).expect("write the bad file");
    let before = fingerprint(&path);

    match (store.load(ID).expect("load"), s.expect) {
        (Entry::Unreadable { id, problem, .. }, Expect::Line | Expect::Whole(_)) => {
            let reason = problem.to_string();
            assert_eq!(id, ID, "{what}");
            assert_eq!(
                store.path(&id),
                path,
                "{what}: the entry names another file"
            );
            match s.expect {
                Expect::Line => {
                    let line: usize = reason
                        .strip_prefix("line ")
                        .and_then(|r| r.split(',').next())
                        .and_then(|n| n.parse().ok())
                        .unwrap_or_else(|| panic!("{what}: the reason names no line: {reason:?}"));
                    let lines = String::from_utf8_lossy(&s.bytes).lines().count().max(1);
                    assert!(
                        (1..=lines + 1).contains(&line),
                        "{what}: line {line} of a {lines}-line file: {reason:?}"
                    );
                    assert!(
                        reason.len() > "line 1, column 1: ".len(),
                        "{what}: {reason:?}"
                    );
                }
                Expect::Whole(word) => {
                    assert!(
                        reason.contains(word),
                        "{what}: {reason:?} does not say {word:?}"
                    );
                }
                Expect::ReadOnly => unreachable!(),
            }
        }
        (Entry::Readable { access, .. }, Expect::ReadOnly) => {
            let reason = access
                .read_only()
                .map_or_else(|| panic!("{what}: not read-only"), ToString::to_string);
            assert!(reason.contains("newer"), "{what}: {reason:?}");
        }
        (entry, expect) => panic!("{what}: expected {expect:?}, got {entry:?}"),
    }

    let all = store.load_all().expect("load_all");
    assert_eq!(all.len(), 2, "{what}: {all:?}");
    assert!(
        all.iter()
            .any(|e| matches!(e, Entry::Readable { body: case, access: runaround::storage::Access::Writable, .. } if case.id == GOOD)),
        "{what}: the good case is missing from load_all"
    );

    let list = run_cli(store, &["list", "--all"])
        .unwrap_or_else(|e| panic!("{what}: list --all failed: {e:?}"));
    assert!(list.contains(GOOD_TITLE), "{what}: {list}");

    match run_cli(store, &["log", ID, "note", "x"]) {
        Ok(out) => panic!("{what}: log into a bad file succeeded: {out}"),
        Err(e) => {
            assert_eq!(e.exit_code(), 1, "{what}: {e:?}");
            let names_it = match s.expect {
                Expect::ReadOnly => e.message().contains(ID) && e.message().contains("read-only"),
                _ => e.message().contains(&path.display().to_string()),
            };
            assert!(
                names_it,
                "{what}: the message does not name the file: {e:?}"
            );
        }
    }
    assert_eq!(
        fingerprint(&path),
        before,
        "{what}: the bad file was touched"
    );
    assert_eq!(
        listing(store),
        vec![format!("{ID}.ron"), format!("{GOOD}.ron")],
        "{what}: files appeared or went"
    );
}

fn good_store(dir: &Path) -> Store {
    let store = Store::open(dir).expect("open");
    let good = Case::new(GOOD, GOOD_TITLE, "KPN", t("2026-03-25T09:00:00Z"));
    store.insert(&good).expect("insert the good case");
    store
}

#[test]
fn every_truncation_and_every_kind_of_damage_is_reported_and_never_touched() {
    let samples = all_samples();
    let end = FIXTURE.rfind(')').expect("closing parenthesis");
    assert!(samples.len() > end, "{} samples", samples.len());
    let start = Instant::now();
    // Two halves on two threads, each in a journal of its own.
    let (a, b) = samples.split_at(samples.len() / 2);
    std::thread::scope(|scope| {
        for half in [a, b] {
            scope.spawn(move || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = good_store(dir.path());
                for s in half {
                    check(&store, s);
                }
            });
        }
    });
    eprintln!(
        "{} bad files checked in {:?}",
        samples.len(),
        start.elapsed()
    );
}

/// The real binary on one in 40 of the samples, and on every sample that is not a truncation:
/// `list --all` exits 0, lists the good case and warns naming the bad file; `log` into the bad
/// file exits 1 naming it; the file is untouched.
#[test]
fn the_binary_reports_bad_files_by_name_and_never_writes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data: PathBuf = dir.path().join("data");
    let store = good_store(&data);
    let path = store.path(ID);
    let samples = all_samples();
    let mut checked = 0;
    for (i, s) in samples.iter().enumerate() {
        if i % 40 != 0 && s.name.starts_with("cut at") {
            continue;
        }
        checked += 1;
        let what = &s.name;
        fs::write(&path, &s.bytes).expect("write the bad file");
        let before = fingerprint(&path);
        let run = |args: &[&str]| {
            Command::new(BIN)
                .env_remove("RUNAROUND_DIR")
                .env_remove("RUNAROUND_LANG")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("LANG")
                .env_remove("RUNAROUND_NOW")
                .arg("--data-dir")
                .arg(&data)
                .args(args)
                .stdin(Stdio::null())
                .output()
                .expect("run runaround")
        };

        let out = run(&["list", "--all"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{what}: list --all: {out:?}");
        assert!(stdout.contains(GOOD_TITLE), "{what}: {stdout}");
        if !matches!(s.expect, Expect::ReadOnly) {
            assert!(
                stderr.contains(&path.display().to_string()),
                "{what}: list does not name the bad file: {stderr}"
            );
        }

        let out = run(&["log", ID, "note", "x"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: log: {out:?}");
        let names_it = match s.expect {
            Expect::ReadOnly => stderr.contains(ID),
            _ => stderr.contains(&path.display().to_string()),
        };
        assert!(names_it, "{what}: log does not name the bad file: {stderr}");
        assert!(out.stdout.is_empty(), "{what}: {out:?}");
        assert_eq!(
            fingerprint(&path),
            before,
            "{what}: the bad file was touched"
        );
    }
    assert!(checked > 50, "{checked}");
}
