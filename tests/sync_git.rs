//! `runaround sync` with real git (SPEC §9): a bare remote and clones in a temporary
//! directory, each clone a journal of its own, as on a laptop, a desktop and a phone. And the
//! conflict copies a file syncer leaves, merged into their case and removed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use common::journal::Journal;

/// Whether git can be run here; without it the test says SKIPPED.
fn have_git(test: &str) -> bool {
    let ok = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("{test}: SKIPPED (no git)");
    }
    ok
}

/// git in `dir`, with no config of the machine's user.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn remote() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "--bare", "remote.git"]);
    dir
}

fn url(remote: &tempfile::TempDir) -> String {
    remote.path().join("remote.git").display().to_string()
}

fn ok(j: &Journal, args: &[&str]) -> String {
    let (code, out, err) = run(j, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

fn run(j: &Journal, args: &[&str]) -> (i32, String, String) {
    let out = j
        .cmd()
        .env("RUNAROUND_LANG", "en")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ids(j: &Journal, id: &str) -> BTreeSet<String> {
    j.load(id).0.events.iter().map(|e| e.id.clone()).collect()
}

/// The journal's working tree has nothing uncommitted and no merge is going on.
fn clean(j: &Journal) {
    assert_eq!(
        git(&j.data(), &["status", "--porcelain"]),
        "",
        "uncommitted files"
    );
    assert!(
        !j.data().join(".git/MERGE_HEAD").exists(),
        "a merge is going on"
    );
}

/// Two journals on one remote, sharing a case: its id.
fn two(remote: &tempfile::TempDir) -> (Journal, Journal, String) {
    let a = Journal::new();
    let id = ok(&a, &["new", "Geen internet", "--org", "KPN"])
        .trim()
        .to_string();
    ok(&a, &["sync", "--init", &url(remote)]);
    let b = Journal::missing();
    ok(&b, &["sync", "--init", &url(remote)]);
    assert_eq!(b.load(&id).0.title, "Geen internet");
    (a, b, id)
}

#[test]
fn twenty_events_on_each_side_of_one_case_end_as_forty_on_both() {
    if !have_git("twenty_events_on_each_side_of_one_case_end_as_forty_on_both") {
        return;
    }
    let r = remote();
    let (a, b, id) = two(&r);
    for i in 0..20 {
        ok(
            &a,
            &[
                "log",
                &id,
                "call",
                "--number",
                "1200",
                &format!("laptop {i}"),
            ],
        );
        ok(&b, &["log", &id, "note", &format!("phone {i}")]);
    }
    assert_eq!(ok(&a, &["sync"]), "0 events in, 20 out, 0 cases merged\n");
    assert_eq!(ok(&b, &["sync"]), "20 events in, 20 out, 1 case merged\n");
    assert_eq!(ok(&a, &["sync"]), "20 events in, 0 out, 0 cases merged\n");
    for j in [&a, &b] {
        assert_eq!(j.load(&id).0.events.len(), 40);
        assert_eq!(ids(j, &id).len(), 40);
        let text = fs::read_to_string(j.file(&id)).unwrap();
        assert!(
            !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
            "{text}"
        );
        clean(j);
    }
    assert_eq!(ids(&a, &id), ids(&b, &id));
    let log = git(&a.data(), &["log", "--format=%s"]);
    assert!(log.contains("log: 20 events in 'Geen internet'"), "{log}");
    assert!(log.contains("new case 'Geen internet'"), "{log}");
    // Nothing ever forced: the remote's history holds every commit of both.
    let remote_log = git(
        &r.path().join("remote.git"),
        &["log", "--format=%s", "main"],
    );
    assert_eq!(
        remote_log.matches("log: 20 events").count(),
        2,
        "{remote_log}"
    );
}

#[test]
fn notes_changed_on_both_sides_keep_both_and_a_status_keeps_the_later() {
    if !have_git("notes_changed_on_both_sides_keep_both_and_a_status_keeps_the_later") {
        return;
    }
    let r = remote();
    let (a, b, id) = two(&r);
    let note = |j: &Journal, text: &str| {
        j.store()
            .update(&id, |c| {
                c.notes = text.to_string();
                Ok::<_, String>(())
            })
            .unwrap();
    };
    note(&a, "monteur belt dinsdag");
    note(&b, "klacht ingediend via de website");
    ok(&a, &["status", &id, "resolved"]);
    // Times in files are whole seconds: the phone's change is a second later.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(&b, &["status", &id, "closed"]);
    ok(&a, &["sync"]);
    ok(&b, &["sync"]);
    ok(&a, &["sync"]);
    for j in [&a, &b] {
        let case = j.load(&id).0;
        assert!(
            case.notes.contains("monteur belt dinsdag"),
            "{}",
            case.notes
        );
        assert!(case.notes.contains("klacht ingediend"), "{}", case.notes);
        assert_eq!(case.status.as_str(), "closed", "the later change");
        assert!(
            case.changes
                .iter()
                .any(|c| c.was.get("status").map(String::as_str) == Some("resolved")),
            "the other stays in the history: {:?}",
            case.changes
        );
        clean(j);
    }
    assert_eq!(a.load(&id).0, b.load(&id).0);
}

#[test]
fn a_copy_offline_for_a_while_catches_up() {
    if !have_git("a_copy_offline_for_a_while_catches_up") {
        return;
    }
    let r = remote();
    let (a, b, id) = two(&r);
    let c = Journal::missing();
    ok(&c, &["sync", "--init", &url(&r)]);
    for round in 0..3 {
        ok(&a, &["log", &id, "note", &format!("laptop {round}")]);
        ok(&a, &["sync"]);
        ok(&b, &["log", &id, "note", &format!("phone {round}")]);
        ok(&b, &["sync"]);
        ok(&c, &["log", &id, "note", &format!("offline {round}")]);
    }
    let other = ok(&b, &["new", "Telefoon kapot", "--org", "KPN Zakelijk"])
        .trim()
        .to_string();
    ok(&b, &["sync"]);
    assert_eq!(ok(&c, &["sync"]), "6 events in, 3 out, 1 case merged\n");
    ok(&a, &["sync"]);
    ok(&b, &["sync"]);
    for j in [&a, &b, &c] {
        assert_eq!(j.load(&id).0.events.len(), 9);
        assert_eq!(j.load(&other).0.title, "Telefoon kapot");
        clean(j);
    }
}

#[test]
fn a_merge_that_cannot_be_made_leaves_the_file_as_it_was_and_names_it() {
    if !have_git("a_merge_that_cannot_be_made_leaves_the_file_as_it_was_and_names_it") {
        return;
    }
    let r = remote();
    let (a, b, id) = two(&r);
    // The phone's copy of the case is broken by hand, and pushed.
    b.put(&id, "(schema: 3, id: \"half");
    ok(&b, &["sync"]);
    ok(&a, &["log", &id, "note", "laptop"]);
    let before = fs::read(a.file(&id)).unwrap();
    let (code, out, err) = run(&a, &["sync"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains(&format!("cases/{id}.ron")),
        "names the file: {err}"
    );
    assert!(err.contains("cannot be read"), "says why: {err}");
    assert_eq!(
        fs::read(a.file(&id)).unwrap(),
        before,
        "the file is as it was"
    );
    clean(&a);
    // Refused while a merge is going on.
    fs::write(
        a.data().join(".git/MERGE_HEAD"),
        git(&a.data(), &["rev-parse", "HEAD"]),
    )
    .unwrap();
    let (code, _, err) = run(&a, &["sync"]);
    assert_eq!(code, 1);
    assert!(err.contains("a git merge is in progress"), "{err}");
}

#[test]
fn sync_without_init_in_a_plain_journal_says_how_to_start() {
    let j = Journal::new();
    let (code, _, err) = run(&j, &["sync"]);
    assert_eq!(code, 1);
    assert!(err.contains("sync --init REMOTE"), "{err}");
    for (lang, words) in [
        ("nl", "is nog geen git-repository"),
        ("fr", "n’est pas encore un dépôt git"),
    ] {
        let out = j
            .cmd()
            .env("RUNAROUND_LANG", lang)
            .arg("sync")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{lang}: {err}");
    }
}

#[test]
fn the_summary_is_said_in_the_readers_language_with_its_plurals() {
    if !have_git("the_summary_is_said_in_the_readers_language_with_its_plurals") {
        return;
    }
    let r = remote();
    let a = Journal::new();
    let id = ok(&a, &["new", "Geen internet", "--org", "KPN"])
        .trim()
        .to_string();
    ok(&a, &["log", &id, "note", "een"]);
    let sync = |j: &Journal, lang: &str, init: bool| {
        let mut cmd = j.cmd();
        cmd.env("RUNAROUND_LANG", lang).arg("sync");
        if init {
            cmd.args(["--init", &url(&r)]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        sync(&a, "fr", true),
        "0 événement reçu, 1 envoyé, 0 dossier fusionné\n"
    );
    let b = Journal::missing();
    assert_eq!(
        sync(&b, "nl", true),
        "1 gebeurtenis binnen, 0 verstuurd, 0 zaken samengevoegd\n"
    );
}

#[test]
fn a_syncthing_conflict_copy_is_merged_into_its_case_and_removed() {
    let j = Journal::new();
    let id = ok(&j, &["new", "Geen internet", "--org", "KPN"])
        .trim()
        .to_string();
    ok(&j, &["log", &id, "note", "on the laptop"]);
    // The phone logged an event meanwhile; Syncthing kept its version as a conflict copy.
    let phone = Journal::new();
    fs::copy(j.file(&id), phone.file(&id)).unwrap();
    ok(
        &phone,
        &["log", &id, "call", "--number", "1200", "on the phone"],
    );
    let copy = j
        .cases()
        .join(format!("{id}.sync-conflict-20260301-101500-PHONE77.ron"));
    fs::copy(phone.file(&id), &copy).unwrap();
    // Dropbox's and Nextcloud's names are known too, and never taken for cases.
    let nextcloud = j.cases().join(format!("{id}_conflict-20260301-101500.ron"));
    fs::write(&nextcloud, "not a case").unwrap();

    let (code, out, err) = run(&j, &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Geen internet"), "{out}");
    assert!(
        err.contains(&format!(
            "merged the conflict copy {id}.sync-conflict-20260301-101500-PHONE77.ron into 'Geen internet' (1 event new) and removed it"
        )),
        "{err}"
    );
    assert!(err.contains("cannot be read, left as it is"), "{err}");
    assert!(!copy.exists(), "the copy is removed once merged");
    assert!(nextcloud.exists(), "a copy that cannot be read stays");
    let summaries: Vec<String> = j
        .load(&id)
        .0
        .events
        .iter()
        .map(|e| e.summary.clone())
        .collect();
    assert!(
        summaries.contains(&"on the laptop".to_string()),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"on the phone".to_string()),
        "{summaries:?}"
    );
    assert_eq!(summaries.len(), 2, "{summaries:?}");
}

#[test]
fn the_tui_merges_a_conflict_copy_at_start_and_says_so() {
    use common::tmux::{Tui, cli_ok, tmux_installed};
    if !tmux_installed() {
        eprintln!("the_tui_merges_a_conflict_copy_at_start_and_says_so: SKIPPED (no tmux)");
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        let phone = tempfile::tempdir().unwrap();
        fs::create_dir_all(phone.path().join("cases")).unwrap();
        let file = |d: &Path| d.join("cases").join(format!("{id}.ron"));
        fs::copy(file(dir), file(phone.path())).unwrap();
        cli_ok(phone.path(), &["log", id, "note", "typed on the phone"]);
        let copy = dir
            .join("cases")
            .join(format!("{id}.sync-conflict-20260301-101500-PHONE77.ron"));
        fs::copy(file(phone.path()), copy).unwrap();
    });
    let screen = tui.wait_for("conflict copy merged into 'Geen internet na verhuizing' (+1 event)");
    assert!(screen.contains("typed on the phone"), "{screen}");
    let left: Vec<_> = fs::read_dir(tui.dir().join("cases"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("sync-conflict"))
        .collect();
    assert!(left.is_empty(), "the copy is removed");
}

#[test]
fn a_merge_waits_for_a_case_being_saved_and_never_writes_under_its_writer() {
    if !have_git("a_merge_waits_for_a_case_being_saved_and_never_writes_under_its_writer") {
        return;
    }
    let r = remote();
    let (a, b, id) = two(&r);
    ok(&a, &["log", &id, "note", "laptop"]);
    ok(&a, &["sync"]);
    // A writer (a TUI saving) holds the phone's copy of the case while it syncs.
    let before = fs::read(b.file(&id)).unwrap();
    let lock = b.store().hold(&id).unwrap();
    let out = b
        .cmd()
        .env("RUNAROUND_LANG", "en")
        .env("RUNAROUND_LOCK_WAIT_MS", "300")
        .arg("sync")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is being changed by"), "{err}");
    assert_eq!(
        fs::read(b.file(&id)).unwrap(),
        before,
        "not written under its writer"
    );
    drop(lock);
    assert_eq!(ok(&b, &["sync"]), "1 event in, 0 out, 0 cases merged\n");
    assert_eq!(b.load(&id).0.events.len(), 1);
    clean(&b);
}

#[test]
fn a_conflict_copy_arriving_while_the_tui_runs_is_merged_and_shown() {
    use common::tmux::{Tui, cli_ok, tmux_installed};
    if !tmux_installed() {
        eprintln!(
            "a_conflict_copy_arriving_while_the_tui_runs_is_merged_and_shown: SKIPPED (no tmux)"
        );
        return;
    }
    let tui = Tui::start();
    let phone = tempfile::tempdir().unwrap();
    fs::create_dir_all(phone.path().join("cases")).unwrap();
    let file = |d: &Path| d.join("cases").join(format!("{}.ron", tui.id));
    fs::copy(file(tui.dir()), file(phone.path())).unwrap();
    cli_ok(
        phone.path(),
        &["log", &tui.id, "note", "synced from the phone"],
    );
    // Syncthing writes the copy under a temporary name, then renames it.
    let copy = tui.dir().join("cases").join(format!(
        "{}.sync-conflict-20260301-101500-PHONE77.ron",
        tui.id
    ));
    let partial = tui.dir().join("cases").join(".syncthing.copy.tmp");
    fs::copy(file(phone.path()), &partial).unwrap();
    fs::rename(&partial, &copy).unwrap();
    let screen = tui.wait_for("synced from the phone");
    let screen = if screen.contains("(+1 event)") {
        screen
    } else {
        tui.wait_for("(+1 event)")
    };
    assert!(screen.contains("conflict copy merged into"), "{screen}");
    assert!(!copy.exists(), "the copy is removed");
}

#[test]
fn without_git_sync_says_to_install_it() {
    let j = Journal::new();
    let empty = tempfile::tempdir().unwrap();
    let out = j
        .cmd()
        .env("RUNAROUND_LANG", "en")
        .env("PATH", empty.path())
        .args(["sync", "--init", "/nowhere.git"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("git is not installed"), "{err}");
    assert!(!j.data().join(".git").exists());
}

#[test]
fn offline_the_changes_are_committed_and_the_next_sync_sends_them() {
    if !have_git("offline_the_changes_are_committed_and_the_next_sync_sends_them") {
        return;
    }
    let r = remote();
    let (a, _b, id) = two(&r);
    ok(&a, &["log", &id, "note", "in the train"]);
    let away = r.path().join("away.git");
    fs::rename(r.path().join("remote.git"), &away).unwrap();
    let (code, _, err) = run(&a, &["sync"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`git fetch` failed"), "{err}");
    let log = git(&a.data(), &["log", "--format=%s"]);
    assert!(log.starts_with("log: note in 'Geen internet'"), "{log}");
    clean(&a);
    fs::rename(&away, r.path().join("remote.git")).unwrap();
    assert_eq!(ok(&a, &["sync"]), "0 events in, 1 out, 0 cases merged\n");
}
