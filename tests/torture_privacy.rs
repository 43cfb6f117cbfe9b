//! Privacy of the files on disk (SPEC §4, RELIABILITY "Privacy"): whatever the umask of the
//! process (000 gives everyone everything that is not asked away), a fresh data directory and
//! its `cases/` are 0700 and every file runaround writes — case files, lock files, exports, the
//! TUI's saves and its rescued notes — is 0600.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::tmux::{Tui, tmux_installed};

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// `runaround --data-dir DIR ARGS` started by `sh` after `umask UMASK`.
fn under_umask(umask: &str, dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            r#"umask {umask}; bin=$0; dir=$1; shift; exec "$bin" --data-dir "$dir" "$@""#
        ))
        .arg(BIN)
        .arg(dir)
        .args(args)
        .env_remove("RUNAROUND_DIR")
        .env_remove("RUNAROUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("RUNAROUND_NOW")
        .env("TZ", "Europe/Amsterdam")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "umask {umask}; runaround {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every file and directory under `dir`, with its mode.
fn walk(dir: &Path, found: &mut Vec<(PathBuf, u32)>) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        found.push((path.clone(), mode(&path)));
        if path.is_dir() {
            walk(&path, found);
        }
    }
}

#[test]
fn the_cli_makes_private_directories_and_files_under_any_umask() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // The umask really reaches what `sh` starts: a file it creates gets the rest of 0666.
    let probe = tmp.path().join("probe");
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"umask 000; : > "$0""#)
        .arg(&probe)
        .output()
        .expect("sh runs");
    assert!(out.status.success());
    assert_eq!(mode(&probe), 0o666, "umask 000 did not take");

    for umask in ["000", "002", "022", "077"] {
        // A fresh data directory, parents and all.
        let top = tmp.path().join(format!("umask-{umask}"));
        let data = top.join("a/b/journal");
        let id = String::from_utf8(
            under_umask(umask, &data, &["new", "Geen internet", "--org", "KPN"]).stdout,
        )
        .expect("UTF-8")
        .trim()
        .to_string();
        under_umask(
            umask,
            &data,
            &[
                "log",
                &id,
                "call",
                "--number",
                "1200",
                "klantnummer 1234567",
            ],
        );
        under_umask(umask, &data, &["status", &id, "resolved"]);
        under_umask(umask, &data, &["new", "Tweede zaak", "--org", "Ziggo"]);
        let export = top.join("dossier.md");
        let export_arg = export.to_str().expect("UTF-8 path");
        under_umask(
            umask,
            &data,
            &["export", &id, "--format", "md", "-o", export_arg],
        );

        assert_eq!(mode(&data), 0o700, "umask {umask}: the data directory");
        assert_eq!(mode(&data.join("cases")), 0o700, "umask {umask}: cases/");
        for parent in [top.join("a"), top.join("a/b")] {
            assert_eq!(
                mode(&parent) & 0o077,
                0,
                "umask {umask}: {} (made for the journal) is {:o}",
                parent.display(),
                mode(&parent)
            );
        }
        let lock = data.join("cases").join(format!("{id}.lock"));
        assert!(lock.exists(), "umask {umask}: no lock file was made");
        let mut found = Vec::new();
        walk(&data, &mut found);
        let (mut cases, mut locks) = (0, 0);
        for (path, m) in &found {
            let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
            if path.is_dir() {
                assert_eq!(*m, 0o700, "umask {umask}: {}", path.display());
                continue;
            }
            assert_eq!(*m, 0o600, "umask {umask}: {} is {m:o}", path.display());
            cases += usize::from(ext == "ron");
            locks += usize::from(ext == "lock");
        }
        assert_eq!((cases, locks), (2, 2), "umask {umask}: {found:?}");
        assert_eq!(mode(&export), 0o600, "umask {umask}: the exported dossier");
    }
}

/// The TUI started under umask 000: the lock file it creates, the case file it saves, and the
/// rescue file it writes when the case file breaks while notes are typed are all 0600.
#[test]
fn the_tui_writes_private_files_under_umask_000() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("umask 000;", |dir, id| {
        // The TUI makes the lock file itself.
        fs::remove_file(dir.join("cases").join(format!("{id}.lock"))).expect("remove lock");
    });
    let pid = tui.program_pid();
    let status = fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    assert!(
        status
            .lines()
            .any(|l| l.split_whitespace().eq(["Umask:", "0000"])),
        "the TUI does not run under umask 000:\n{status}"
    );
    let cases = tui.dir().join("cases");
    let file = cases.join(format!("{}.ron", tui.id));
    let lock = cases.join(format!("{}.lock", tui.id));

    tui.edit_notes();
    tui.type_text("klantnummer 1234567 ");
    tui.wait_for("klantnummer 1234567");
    tui.keys(&["Escape"]);
    tui.wait_for("┏ Notes ━");
    assert!(
        fs::read_to_string(&file)
            .expect("case file")
            .contains("klantnummer 1234567"),
        "the TUI did not save"
    );
    assert_eq!(mode(&file), 0o600, "the case file the TUI saved");
    assert_eq!(mode(&lock), 0o600, "the lock file the TUI made");

    // The file breaks while more is typed: the notes go to the rescue file.
    tui.keys(&["i"]);
    tui.wait_for("Notes editing");
    tui.type_text("adres Dorpsstraat 1 ");
    tui.wait_for("Dorpsstraat 1");
    fs::write(&file, b"(schema: 1, id: \"broken").expect("break the case file");
    tui.wait_for("not saved");
    let rescue = common::rescue_of(tui.dir(), &tui.id);
    assert!(
        fs::read_to_string(&rescue)
            .expect("the rescue file")
            .contains("Dorpsstraat 1"),
        "the rescue file lacks the typed notes"
    );
    assert_eq!(mode(&rescue), 0o600, "the rescued notes");
    let mut found = Vec::new();
    walk(tui.dir(), &mut found);
    for (path, m) in found {
        if path == file {
            // Broken by the test with fs::write under the test's own umask.
            continue;
        }
        let private = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(m, private, "{} is {m:o}", path.display());
    }
    // Still typing (the file may read again): leave the editor, then quit, saying yes to
    // leaving with the notes only in the rescue file.
    tui.keys(&["Escape"]);
    tui.wait_gone("Notes editing");
    tui.keys(&["q"]);
    tui.wait_for("quit anyway?");
    tui.keys(&["y"]);
    let screen = tui.wait_for("EXITED:");
    assert!(screen.contains("EXITED:0"), "{screen}");
}
