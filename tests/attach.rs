//! Attachments (SPEC §7): files copied into the journal by content, recorded in their case,
//! removed as an amendment, carried by JSON, and bundled with the dossier by
//! `export --format dir`. The built binary against temporary journals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use runaround::domain::Case;
use runaround::storage::attachments::{MAX_ATTACHMENT, sha256_hex};
use runaround::storage::{Entry, Store};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

struct Journal {
    tmp: TempDir,
    data: PathBuf,
}

impl Journal {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        Journal { tmp, data }
    }

    /// Another journal, in a temp dir of its own.
    fn other(name: &str) -> Journal {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join(name);
        Journal { tmp, data }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::new(BIN)
            .env("TZ", "Europe/Amsterdam")
            .env("RUNAROUND_LANG", "en")
            .env_remove("RUNAROUND_DIR")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_CONFIG")
            .env("XDG_DATA_HOME", self.path("xdg"))
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("HOME", self.path("home"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "runaround {args:?} failed: {out:?}");
        out.stdout
    }

    fn new_case(&self, title: &str) -> String {
        self.ok(&["new", title, "--org", "KPN"]).trim().to_string()
    }

    fn load(&self, id: &str) -> Case {
        match Store::open(&self.data).unwrap().load(id).unwrap() {
            Entry::Readable { body, .. } => body,
            Entry::Unreadable { problem, .. } => panic!("{id}: {problem}"),
        }
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        fs::write(&p, bytes).unwrap();
        p
    }

    /// Every file under the data dir with its bytes and mode.
    fn snapshot(&self) -> BTreeMap<PathBuf, (Vec<u8>, u32)> {
        let mut files = BTreeMap::new();
        walk(&self.data, &mut files);
        files
    }
}

fn walk(dir: &Path, files: &mut BTreeMap<PathBuf, (Vec<u8>, u32)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let e = e.unwrap();
        let meta = e.metadata().unwrap();
        // A lock taken holds its taker's pid: no change of the journal.
        if e.path().extension().is_some_and(|x| x == "lock") {
            continue;
        }
        if meta.is_dir() {
            files.insert(e.path(), (Vec::new(), meta.permissions().mode()));
            walk(&e.path(), files);
        } else {
            files.insert(
                e.path(),
                (fs::read(e.path()).unwrap(), meta.permissions().mode()),
            );
        }
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const LETTER: &[u8] = b"Geachte KPN,\n\nSinds 3 maart heb ik geen internet.\n";

#[test]
fn an_attached_file_is_copied_by_its_hash_private_and_recorded_with_its_event() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    j.ok(&[
        "log",
        &id,
        "complaint",
        "Klachtbrief verstuurd",
        "--at",
        "2026-03-20 10:00",
    ]);
    let file = j.write("klachtbrief.pdf", LETTER);
    let out = j.ok(&[
        "attach",
        &id,
        s(&file),
        "--event",
        "1",
        "--label",
        "Complaint letter sent",
    ]);
    let short = out.trim();
    assert!(
        !short.is_empty() && !short.contains(char::is_whitespace),
        "{out:?}"
    );

    let sha = sha256_hex(LETTER);
    let stored = j.data.join("attachments").join(&sha);
    assert_eq!(fs::read(&stored).unwrap(), LETTER);
    assert_eq!(
        fs::metadata(&stored).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let case = j.load(&id);
    assert_eq!(case.attachments.len(), 1);
    let a = &case.attachments[0];
    assert_eq!(a.id, short);
    assert_eq!(a.sha256, sha);
    assert_eq!(a.size, LETTER.len() as u64);
    assert_eq!(a.name, "klachtbrief.pdf");
    assert_eq!(a.label, "Complaint letter sent");
    assert_eq!(a.event, case.events[0].id);
    assert!(a.removed.is_none());
    let text = fs::read_to_string(j.data.join("cases").join(format!("{id}.ron"))).unwrap();
    assert!(text.contains("schema: 4,"), "{text}");

    // The list says it.
    let list = j.ok(&["attach", &id]);
    assert!(
        list.contains(short) && list.contains("Complaint letter sent"),
        "{list}"
    );
    assert!(list.contains(&sha[..12]), "{list}");
}

#[test]
fn a_missing_file_a_directory_a_fifo_a_file_too_big_and_an_unknown_event_change_nothing() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    let fifo = j.path("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let dir = j.path("folder");
    fs::create_dir(&dir).unwrap();
    let big = j.path("big.bin");
    fs::File::create(&big)
        .unwrap()
        .set_len(MAX_ATTACHMENT + 1)
        .unwrap();
    let fine = j.write("fine.txt", b"fine");
    let nothing = j.path("nothing-here");
    let before = j.snapshot();
    let mut cases = vec![
        (vec!["attach", &id, s(&nothing)], "no such file"),
        (vec!["attach", &id, s(&dir)], "not a regular file"),
        (vec!["attach", &id, s(&big)], "over the limit"),
        (
            vec!["attach", &id, s(&fine), "--event", "7"],
            "has no event 7",
        ),
        (
            vec!["attach", &id, "--remove", "zzzz"],
            "has no attachment zzzz",
        ),
    ];
    if made.is_ok_and(|s| s.success()) {
        cases.push((vec!["attach", &id, s(&fifo)], "not a regular file"));
    } else {
        println!("SKIPPED: the FIFO case (no mkfifo)");
    }
    for (args, said) in cases {
        let out = j.run(&args);
        assert_ne!(out.code, 0, "{args:?}: {out:?}");
        assert!(out.stderr.contains(said), "{args:?}: {out:?}");
        assert_eq!(j.snapshot(), before, "{args:?} changed the journal");
    }
    assert!(!j.data.join("attachments").exists());
}

#[test]
fn removing_an_attachment_is_kept_and_its_file_goes_when_no_case_attaches_it() {
    let j = Journal::new();
    let a = j.new_case("Geen internet");
    let b = j.new_case("Telefoon kapot");
    let file = j.write("factuur.pdf", b"invoice march");
    let in_a = j.ok(&["attach", &a, s(&file)]).trim().to_string();
    let in_b = j
        .ok(&["attach", &b, s(&file), "--label", "Invoice"])
        .trim()
        .to_string();
    let stored = j
        .data
        .join("attachments")
        .join(sha256_hex(b"invoice march"));

    let out = j.ok(&["attach", &a, "--remove", &in_a]);
    assert!(out.contains(&in_a), "{out}");
    let case = j.load(&a);
    assert_eq!(case.attachments.len(), 1, "the record stays");
    assert!(case.attachments[0].removed.is_some());
    assert!(stored.exists(), "still attached to the other case");
    assert!(j.ok(&["attach", &a]).contains("(removed "));
    // Removed once is removed: a second time there is nothing to remove.
    assert_ne!(j.run(&["attach", &a, "--remove", &in_a]).code, 0);

    j.ok(&["attach", &b, "--remove", &in_b]);
    assert!(!stored.exists(), "nothing attaches it any more");
    assert!(j.load(&b).attachments[0].removed.is_some());
}

#[test]
fn json_carries_attachments_and_an_import_without_their_files_says_so() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    let file = j.write("sms.png", b"\x89PNG screenshot");
    let att = j
        .ok(&["attach", &id, s(&file), "--label", "SMS"])
        .trim()
        .to_string();
    let json = j.ok(&["export", &id, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["attachments"][0]["id"], att.as_str());
    assert_eq!(
        doc["attachments"][0]["sha256"],
        sha256_hex(b"\x89PNG screenshot").as_str()
    );
    let exported = j.write("case.json", json.as_bytes());

    let elsewhere = Journal::other("copy");
    let out = elsewhere.run(&["import", s(&exported)]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains(&att) && out.stderr.contains("not in this journal"),
        "{out:?}"
    );
    assert_eq!(elsewhere.load(&id).attachments, j.load(&id).attachments);

    // With the file there, nothing to say.
    let third = Journal::other("third");
    let dir = third.data.join("attachments");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join(sha256_hex(b"\x89PNG screenshot")),
        b"\x89PNG screenshot",
    )
    .unwrap();
    let out = third.run(&["import", s(&exported)]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stderr.contains("not in this journal"), "{out:?}");
}

#[test]
fn the_dossier_lists_attachments_with_their_hash_and_the_bundle_checks_with_sha256sum() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    let letter = j.write("brief.txt", LETTER);
    let sms = j.write("sms shot.png", b"\x89PNG sms");
    j.ok(&[
        "attach",
        &id,
        s(&letter),
        "--label",
        "<b>Klachtbrief</b> *sent*",
    ]);
    let gone = j.ok(&["attach", &id, s(&sms)]).trim().to_string();
    let kept = j.write("kept.txt", b"kept");
    j.ok(&["attach", &id, s(&kept), "--label", "Kept"]);
    j.ok(&["attach", &id, "--remove", &gone]);

    let md = j.ok(&["export", &id, "--format", "md"]);
    assert!(md.contains("## Evidence"), "{md}");
    assert!(md.contains(&sha256_hex(LETTER)), "{md}");
    assert!(
        md.contains("&lt;b&gt;Klachtbrief&lt;/b&gt; \\*sent\\*"),
        "{md}"
    );
    // Numbered on in the evidence index, with the file's name in the bundle and its hash.
    assert!(md.contains("Kept (file attachments/02-kept.txt)"), "{md}");
    assert!(md.contains(&format!("`{}`", sha256_hex(b"kept"))), "{md}");
    assert!(
        !md.contains(&sha256_hex(b"\x89PNG sms")),
        "a removed one is not listed: {md}"
    );

    let out = j.path("bundle");
    j.ok(&["export", &id, "--format", "dir", "-o", s(&out)]);
    assert_eq!(fs::read_to_string(out.join("dossier.md")).unwrap(), md);
    let html = fs::read_to_string(out.join("dossier.html")).unwrap();
    assert!(html.contains(&sha256_hex(LETTER)), "{html}");
    assert!(
        !html.contains("<b>Klachtbrief"),
        "the label is escaped: {html}"
    );
    assert_eq!(
        fs::read(out.join("attachments/01-brief.txt")).unwrap(),
        LETTER
    );
    assert_eq!(
        fs::read(out.join("attachments/02-kept.txt")).unwrap(),
        b"kept"
    );
    let checksums = fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    assert_eq!(checksums.lines().count(), 4, "{checksums}");
    assert!(
        checksums.contains(&format!(
            "{}  attachments/01-brief.txt\n",
            sha256_hex(LETTER)
        )),
        "{checksums}"
    );
    match Command::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(&out)
        .output()
    {
        Ok(check) => assert!(
            check.status.success(),
            "{}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        ),
        Err(_) => println!("SKIPPED: sha256sum -c (no sha256sum)"),
    }
    // A damaged copy fails the check.
    fs::write(out.join("attachments/02-kept.txt"), b"kepT").unwrap();
    if let Ok(check) = Command::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(&out)
        .output()
    {
        assert!(!check.status.success());
    }

    // Never into a directory that holds something, and never without one.
    let again = j.run(&["export", &id, "--format", "dir", "-o", s(&out)]);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("is not empty"), "{again:?}");
    let none = j.run(&["export", &id, "--format", "dir"]);
    assert_eq!(none.code, 2, "{none:?}");
}

#[test]
fn a_bundle_is_not_written_when_an_attached_file_is_gone() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    let file = j.write("brief.txt", LETTER);
    j.ok(&["attach", &id, s(&file)]);
    fs::remove_file(j.data.join("attachments").join(sha256_hex(LETTER))).unwrap();
    let out = j.path("bundle");
    let run = j.run(&["export", &id, "--format", "dir", "-o", s(&out)]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("missing or damaged"), "{run:?}");
    assert!(!out.exists());
}

#[test]
fn a_redacted_bundle_is_refused_as_its_files_cannot_be_masked() {
    let j = Journal::new();
    let id = j.new_case("Geen internet");
    let letter = j.write("brief.txt", LETTER);
    j.ok(&["attach", &id, s(&letter)]);
    let out = j.path("bundle");
    let run = j.run(&["export", &id, "--format", "dir", "--redact", "-o", s(&out)]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--redact"), "{run:?}");
    assert!(!out.exists(), "nothing is written");
}
