//! Saves that fail at each step (write, fsync, rename), injected through the hidden
//! `RUNAROUND_FAULT` switch: the case file keeps its previous bytes, no temp file is left,
//! the command exits 1 naming the file, and a later try succeeds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, fault: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runaround"));
    cmd.arg("--data-dir").arg(dir).args(args);
    cmd.env_remove("RUNAROUND_FAULT");
    for var in ["RUNAROUND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    if let Some(fault) = fault {
        cmd.env("RUNAROUND_FAULT", fault);
    }
    cmd.output().unwrap()
}

/// The case and temp files (lock files, which are never renamed or removed, aside).
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_none_or(|e| e != "lock"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_failing_at_any_step_leaves_the_case_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let made = run(dir, None, &["new", "Geen internet", "--org", "KPN"]);
    assert!(made.status.success());
    let id = String::from_utf8(made.stdout).unwrap().trim().to_string();
    let path = dir.join("cases").join(format!("{id}.ron"));
    let before = std::fs::read(&path).unwrap();
    let listing = files(dir);
    for step in ["write", "fsync", "rename"] {
        let out = run(dir, Some(step), &["log", &id, "call", "--number", "1200"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{step}: {stderr}");
        assert!(
            stderr.contains(&path.display().to_string())
                && stderr.contains(&format!("injected fault at {step}")),
            "{step}: the error names the file and the step: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{step}: nothing is acknowledged");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{step}: file changed"
        );
        assert_eq!(files(dir), listing, "{step}: a temp file was left behind");
    }
    // Creating a case fails the same way, leaving no file.
    let out = run(
        dir,
        Some("rename"),
        &["new", "Telefoon kapot", "--org", "KPN"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files(dir), listing);
}

#[test]
fn a_save_that_failed_succeeds_when_tried_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let made = run(dir, None, &["new", "Téléphone cassé", "--org", "Orange"]);
    let id = String::from_utf8(made.stdout).unwrap().trim().to_string();
    // `fsync:1`: only the first save of each process fails.
    let failed = run(dir, Some("fsync:1"), &["log", &id, "note", "first try"]);
    assert_eq!(failed.status.code(), Some(1));
    let status = Command::new(env!("CARGO_BIN_EXE_runaround"))
        .arg("--data-dir")
        .arg(dir)
        .args(["show", &id, "--json"])
        .env_remove("RUNAROUND_FAULT")
        .env_remove("RUNAROUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&status.stdout).contains("first try"));
    let ok = run(dir, None, &["log", &id, "note", "second try"]);
    assert!(ok.status.success());
    let shown = run(dir, None, &["show", &id, "--json"]);
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("second try") && !shown.contains("first try"));
}

/// Waits for `child` at most `secs` seconds; kills it and fails if it is still running.
fn wait_within(mut child: std::process::Child, secs: u64, what: &str) -> std::process::ExitStatus {
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed().as_secs() >= secs {
            let _ = child.kill();
            panic!("{what} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_fifo_or_a_device_posing_as_a_case_file_is_unreadable_not_a_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let made = run(dir, None, &["new", "Geen internet", "--org", "KPN"]);
    assert!(made.status.success());
    let cases = dir.join("cases");
    let fifo = Command::new("mkfifo")
        .arg(cases.join("fifo.ron"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::os::unix::fs::symlink("/dev/zero", cases.join("zero.ron")).unwrap();
    // The binary first, bounded in time: without the guard, reading would never end.
    let child = Command::new(env!("CARGO_BIN_EXE_runaround"))
        .arg("--data-dir")
        .arg(dir)
        .args(["list", "--all", "--json"])
        .env_remove("RUNAROUND_FAULT")
        .env_remove("RUNAROUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    assert!(wait_within(child, 10, "list over a FIFO and /dev/zero").success());
    let store = runaround::storage::Store::open(dir).unwrap();
    for id in ["fifo", "zero"] {
        match store.load(id).unwrap() {
            runaround::storage::Entry::Unreadable {
                problem: reason, ..
            } => {
                assert!(
                    reason.to_string().contains("not a regular file"),
                    "{id}: {reason}"
                );
            }
            runaround::storage::Entry::Readable { .. } => panic!("{id} read as a case"),
        }
    }
}

#[test]
fn temp_files_beside_the_cases_go_once_they_are_old() {
    let tmp = tempfile::tempdir().unwrap();
    let store = runaround::storage::Store::open(tmp.path()).unwrap();
    let old = [
        ".index.Ab12Cd.tmp",
        ".rescued-notes-k7f3q2ab.txt.Xy98Zw.tmp",
        ".notes-Qr54St.txt",
    ];
    let young = [
        ".index.Ef34Gh.tmp",
        ".rescued-notes-k7f3q2ab.txt.Uv76Ts.tmp",
        ".notes-Mn32Op.txt",
    ];
    let kept = ["rescued-notes-k7f3q2ab.txt", "index", "notes.txt"];
    let now = std::time::SystemTime::now();
    let ago = |secs| now - std::time::Duration::from_secs(secs);
    for name in old.iter().chain(&young).chain(&kept) {
        let file = std::fs::File::create(tmp.path().join(name)).unwrap();
        // Temp files go after ten minutes; notes open in an editor after a day.
        let age = match (*name, old.contains(name)) {
            (n, true) if n.starts_with(".notes-") => ago(25 * 3600),
            (n, false) if n.starts_with(".notes-") => ago(3 * 3600),
            (_, true) => ago(3600),
            _ if kept.contains(name) => ago(3600),
            _ => now,
        };
        file.set_modified(age).unwrap();
    }
    assert_eq!(store.clean_strays().unwrap(), old.len());
    for name in old {
        assert!(!tmp.path().join(name).exists(), "{name} is left");
    }
    for name in young.iter().chain(&kept) {
        assert!(tmp.path().join(name).exists(), "{name} was removed");
    }
}
