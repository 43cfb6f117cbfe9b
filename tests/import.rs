//! `import` streams its document: a bad case anywhere imports nothing, its error names the case
//! (index and id) and, for JSON that is not sound, the line and column; a document of any
//! size is read in the memory of one case.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::journal::Journal;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            files.insert(path.clone(), fs::read(&path).unwrap_or_default());
        }
    }
    files
}

fn case(id: &str, events: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "Geen internet", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z", "events": [{events}]}}"#
    )
}

const NOTE: &str = r#"{"at": "2013-08-17T10:00:00Z", "kind": "note", "summary": "called"}"#;

fn import(j: &Journal, doc: &str) -> (i32, String, String) {
    let file = j.tmp.path().join("import.json");
    fs::write(&file, doc).unwrap();
    let out = j
        .cmd()
        .env("RUNAROUND_LANG", "en")
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    said(&out)
}

fn said(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_error_names_the_case_its_id_and_for_broken_json_the_line_and_column() {
    let j = Journal::new();
    let before = snapshot(&j.data());
    let good = case("good-one", NOTE);
    let table: Vec<(String, Vec<&str>)> = vec![
        // Broken inside case 2, after its id: the case, its id, the place.
        (
            format!(
                "[\n{good},\n{{\"id\": \"broken\", \"title\": \"x\" \"organisation\": \"KPN\"}}\n]"
            ),
            vec!["case 2 (id 'broken'): not valid JSON", "line 3 column"],
        ),
        // Broken before its id is read: the case and the place.
        (
            format!("[{good}, {{\"title\": tru}}]"),
            vec!["case 2: not valid JSON", "line 1 column"],
        ),
        // Between cases: the place in the document.
        (
            format!("[{good}\n{good}]"),
            vec![
                "not a JSON document",
                "expected `,` or `]` at line 2 column 1",
            ],
        ),
        // After the array.
        (
            format!("[{good}] ["),
            vec![
                "not a JSON document",
                "trailing characters at line 1 column",
            ],
        ),
        // Cut off in the middle of case 3.
        (
            format!("[{good}, {good}, {{\"id\": \"cut\", \"events\": [{NOTE}"),
            vec!["case 3 (id 'cut'): not valid JSON", "EOF while parsing"],
        ),
        // A case that is sound JSON but not a sound case, late in the document.
        (
            format!(
                "[{good}, {good}, {good}, {}]",
                case(
                    "late",
                    r#"{"at": "2013-08-17T10:00:00Z", "kind": "telegram"}"#
                )
            ),
            vec!["case 4 (id 'late'): ", "telegram"],
        ),
        (
            format!("[{good}, 42]"),
            vec!["case 2: invalid type: integer `42`"],
        ),
    ];
    for (doc, wants) in table {
        let (code, out, err) = import(&j, &doc);
        assert_eq!(code, 1, "{doc}: {err}");
        assert!(out.is_empty(), "{doc}: {out}");
        for want in wants {
            assert!(err.contains(want), "{doc}: wanted {want:?} in {err}");
        }
        assert!(err.contains("nothing was imported"), "{err}");
        assert_eq!(snapshot(&j.data()), before, "{doc}: the journal changed");
    }
}

#[test]
fn a_bad_case_late_in_a_document_leaves_even_a_missing_journal_missing() {
    let j = Journal::missing();
    let doc = format!(
        "[{}, {}, {}]",
        case("first", NOTE),
        case("second", NOTE),
        case("third", r#"{"at": "Friday", "kind": "note"}"#)
    );
    let (code, _, err) = import(&j, &doc);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("case 3 (id 'third')"), "{err}");
    assert!(!j.data().exists(), "the data directory was made");

    // The same document made sound imports every case, in its order.
    let doc = doc.replace("Friday", "2013-08-18T10:00:00Z");
    let (code, out, err) = import(&j, &doc);
    assert_eq!((code, out.as_str()), (0, "first\nsecond\nthird\n"), "{err}");
}

/// Runs `import -` with `doc` piped in.
fn import_piped(j: &Journal, doc: &[u8]) -> (i32, String, String) {
    let mut child = j
        .cmd()
        .env("RUNAROUND_LANG", "en")
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let doc = doc.to_vec();
    // Written from another thread: the pipe holds less than the document.
    let writer = std::thread::spawn(move || stdin.write_all(&doc));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    said(&out)
}

#[test]
fn a_piped_document_is_checked_whole_before_any_case_is_written() {
    let j = Journal::new();
    let before = snapshot(&j.data());
    // More than a pipe holds, so that the first pass cannot have it all at once.
    let many: Vec<String> = (0..400).map(|n| case(&format!("c{n}"), NOTE)).collect();
    let bad = format!(
        "[{}, {}]",
        many.join(","),
        case("bad", r#"{"kind": "note"}"#)
    );
    assert!(bad.len() > 1 << 16);
    let (code, out, err) = import_piped(&j, bad.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("case 401 (id 'bad')"), "{err}");
    assert_eq!(snapshot(&j.data()), before, "the journal changed");

    let good = format!("[{}]", many.join(","));
    let (code, out, err) = import_piped(&j, good.as_bytes());
    assert_eq!(code, 0, "{err}");
    let want: Vec<String> = (0..400).map(|n| format!("c{n}")).collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), want);
    assert_eq!(j.store().ids().unwrap().len(), 400);
}

/// A document of `cases` cases of about 250 bytes each, the last of them bad, written to
/// `path` without holding it: its size.
fn big_document(path: &Path, cases: usize) -> u64 {
    let mut out = std::io::BufWriter::new(fs::File::create(path).unwrap());
    out.write_all(b"[\n").unwrap();
    for n in 0..cases {
        let events = format!(
            "{{\"at\": \"2013-08-18T10:00:00Z\", \"kind\": \"call\", \"summary\": \"sent from 1200 to 0800-0403\", \"hold_seconds\": {n}}}"
        );
        let last = if n + 1 == cases {
            r#", "status": "lost""#
        } else {
            ""
        };
        writeln!(
            out,
            "{}{{\"id\": \"case-{n}\", \"title\": \"Geen internet na de verhuizing, storing {n}\", \"organisation\": \"KPN\", \"opened\": \"2013-08-16T18:00:00Z\"{last}, \"events\": [{events}]}}",
            if n == 0 { "" } else { "," }
        )
        .unwrap();
    }
    out.write_all(b"]\n").unwrap();
    out.flush().unwrap();
    fs::metadata(path).unwrap().len()
}

#[test]
fn a_fifty_thousand_case_document_is_read_in_bounded_memory() {
    if !Path::new("/usr/bin/time").exists() {
        println!("SKIPPED: no /usr/bin/time to measure the peak memory");
        return;
    }
    let j = Journal::new();
    // The peak of `import` with `cases` cases in its document (the last bad: every case is
    // read and checked, nothing is written, quickly), and the document's size.
    let peak = |cases: usize| {
        let doc = j.tmp.path().join(format!("doc-{cases}.json"));
        let size = big_document(&doc, cases);
        let mut cmd = Command::new("/usr/bin/time");
        cmd.args(["-f", "peak %M KiB %e s"])
            .arg(j.cmd().get_program())
            .args(["--data-dir", j.data().to_str().unwrap()])
            .args(["import", doc.to_str().unwrap()])
            .env("RUNAROUND_LANG", "en");
        let (code, out, err) = said(&cmd.output().unwrap());
        assert_eq!(code, 1, "{err}");
        assert!(out.is_empty());
        let last = format!("case {cases} (id 'case-{}')", cases - 1);
        assert!(err.contains(&last), "{err}");
        let kib: u64 = err
            .lines()
            .find_map(|l| l.strip_prefix("peak ")?.split(" KiB").next()?.parse().ok())
            .unwrap_or_else(|| panic!("no peak in {err}"));
        fs::remove_file(&doc).unwrap();
        (kib * 1024, size)
    };
    let (small, _) = peak(10);
    let (big, size) = peak(50_000);
    assert!(size > 10 << 20, "a document of {size} bytes");
    // Reading the whole document into memory would take more than its size: streamed, the
    // peak is the program's own, give or take a few cases.
    assert!(
        big < small + (8 << 20) && big < 100 << 20,
        "peak {big} bytes for a document of {size} (of 10 cases: {small})"
    );
    assert!(j.store().ids().unwrap().is_empty());
}
