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
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&status.stdout).contains("first try"));
    let ok = run(dir, None, &["log", &id, "note", "second try"]);
    assert!(ok.status.success());
    let shown = run(dir, None, &["show", &id, "--json"]);
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("second try") && !shown.contains("first try"));
}
