//! Several processes on one journal (SPEC §4, RELIABILITY "Saving" and "Two writers"): no lost
//! events between concurrent writers, no id collisions, and no damage from writers killed with
//! SIGKILL at random moments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use common::rng::{Rng, seed};
use runaround::domain::{Case, Kind};
use runaround::storage::{Entry, Store};

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

fn bin(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("TZ", "Europe/Amsterdam")
        .env_remove("RUNAROUND_DIR")
        .env_remove("RUNAROUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("RUNAROUND_NOW")
        .arg("--data-dir")
        .arg(dir)
        .stdin(Stdio::null());
    cmd
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
        .with_timezone(&Utc)
}

fn load(store: &Store, id: &str) -> Case {
    match store.load(id).expect("load") {
        Entry::Readable { body: case, .. } => case,
        Entry::Unreadable {
            problem: reason, ..
        } => panic!("{id} is unreadable: {reason}"),
    }
}

/// How often each summary occurs among the case's events.
fn summaries(case: &Case) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for e in &case.events {
        *counts.entry(e.summary.clone()).or_insert(0) += 1;
    }
    counts
}

fn new_case(dir: &Path, title: &str) -> String {
    let out = bin(dir)
        .args(["new", title, "--org", "KPN"])
        .output()
        .expect("run new");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

#[test]
fn two_processes_logging_300_events_each_lose_nothing() {
    const N: usize = 300;
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let id = new_case(&dir, "Two terminals");
    let writer = |name: &str| -> Child {
        let script = format!(
            r#"i=1; while [ "$i" -le {N} ]; do "$0" --data-dir "$1" log "$2" note "{name}-$i" >/dev/null || exit 1; i=$((i+1)); done"#
        );
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(BIN)
            .arg(&dir)
            .arg(&id)
            .env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_DIR")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("RUNAROUND_NOW")
            .stdin(Stdio::null())
            .spawn()
            .expect("spawn writer")
    };
    let mut a = writer("a");
    let mut b = writer("b");
    let (sa, sb) = (a.wait().expect("wait a"), b.wait().expect("wait b"));
    assert!(
        sa.success() && sb.success(),
        "a writer failed: {sa:?} {sb:?}"
    );

    let store = Store::open(&dir).expect("open");
    let case = load(&store, &id);
    assert_eq!(case.events.len(), 2 * N);
    let counts = summaries(&case);
    for name in ["a", "b"] {
        for i in 1..=N {
            let s = format!("{name}-{i}");
            assert_eq!(counts.get(&s), Some(&1), "{s}");
        }
    }
    // Each writer's own events stay in the order it logged them.
    for name in ["a", "b"] {
        let mine: Vec<&str> = case
            .events
            .iter()
            .map(|e| e.summary.as_str())
            .filter(|s| s.starts_with(&format!("{name}-")))
            .collect();
        let expected: Vec<String> = (1..=N).map(|i| format!("{name}-{i}")).collect();
        assert_eq!(mine, expected, "order of {name}'s events");
    }
}

#[test]
fn eight_processes_creating_cases_at_once_get_eight_distinct_files() {
    const N: usize = 8;
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let children: Vec<Child> = (0..N)
        .map(|i| {
            bin(&dir)
                .args([
                    "new",
                    &format!("case {i}"),
                    "--org",
                    "KPN",
                    "--tag",
                    &format!("n{i}"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn new")
        })
        .collect();
    let mut ids = Vec::new();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "new {i}: {out:?}");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
        ids.push((i, stdout.trim().to_string()));
    }
    let store = Store::open(&dir).expect("open");
    let mut on_disk = store.ids().expect("ids");
    on_disk.sort();
    let mut printed: Vec<String> = ids.iter().map(|(_, id)| id.clone()).collect();
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), N, "ids collided: {ids:?}");
    assert_eq!(on_disk, printed);
    for (i, id) in &ids {
        let case = load(&store, id);
        assert_eq!(case.title, format!("case {i}"));
        assert_eq!(case.tags, vec![format!("n{i}")]);
    }
    let ron_files = fs::read_dir(dir.join("cases"))
        .expect("read dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        })
        .count();
    assert_eq!(ron_files, N);
}

fn stray_files(cases: &Path) -> Vec<PathBuf> {
    fs::read_dir(cases)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect()
}

/// A `log` process of the kill test: its summary, and when it is to be killed.
struct Writer {
    summary: String,
    child: Child,
    kill_after: Duration,
}

/// Whether every case file parses, with the ids of the files; fails the test otherwise.
fn all_parse(store: &Store, when: &str) -> Vec<String> {
    store
        .load_all()
        .expect("load_all")
        .into_iter()
        .map(|entry| match entry {
            Entry::Readable { body: case, .. } => case.id,
            Entry::Unreadable { id, problem, .. } => {
                panic!(
                    "{when}: {} does not parse: {problem}",
                    store.path(&id).display()
                )
            }
        })
        .collect()
}

/// `runaround log` processes killed (SIGKILL) at random moments until 300 of them died of it
/// (one to three at a time, racing for the case's lock, so kills land while waiting for the
/// lock, while holding it, mid-write, between rename and reply). After every round: every case
/// file parses, every event whose `log` exited 0 and printed it is there exactly once, and no
/// event is there twice. Temp files of killed saves (and one planted by hand) are ignored by
/// `ids`/`load_all` and removed by `clean_strays`. Set `TORTURE_SEED` to replay a seed.
#[test]
#[allow(clippy::too_many_lines)]
fn writers_killed_300_times_at_random_moments_never_damage_the_journal() {
    use std::os::unix::process::ExitStatusExt;
    const KILLS: usize = 300;
    const SIGKILL: i32 = 9;
    let seed = seed("kill test");
    let mut rng = Rng(seed);

    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).expect("open");
    // A case big enough that a save takes a few milliseconds, so kills land inside saves.
    let mut case = Case::new(
        "killme",
        "Loan device never came",
        "KPN",
        t("2026-03-25T09:00:00Z"),
    );
    case.notes = (0..1000)
        .map(|i| {
            format!("{i:05} pasted chat: \"please be patient\" — 1200 → 0800-0403 → 088-0402\n")
        })
        .collect::<Vec<_>>()
        .concat();
    store.insert(&case).expect("insert");
    let other = Case::new(
        "bystander",
        "Internet bill twice",
        "Ziggo",
        t("2026-01-01T00:00:00Z"),
    );
    store.insert(&other).expect("insert bystander");
    // A temp file as a writer killed mid-save leaves it, so the stray checks never go empty.
    let planted = dir.join("cases").join(".killme.ron.Plant1.tmp");
    fs::write(
        &planted,
        &fs::read(store.path("killme")).expect("read")[..500],
    )
    .expect("plant a stray");

    // How long one unkilled `log` takes here (it varies with the machine and its load): kills
    // are spread over 0-15 ms, or over the whole run of a writer when that is longer.
    let mut acked: Vec<String> = Vec::new();
    let mut runs: Vec<Duration> = (0..3)
        .map(|k| {
            let summary = format!("calibrate-{k}");
            let start = Instant::now();
            let out = bin(&dir)
                .args(["log", "killme", "note", &summary])
                .output()
                .expect("run log");
            let took = start.elapsed();
            assert!(out.status.success(), "{out:?}");
            acked.push(summary);
            took
        })
        .collect();
    runs.sort();
    let window = runs[1].mul_f64(1.2).max(Duration::from_millis(15));
    eprintln!("one log takes {:?}; kills within {window:?}", runs[1]);

    let started = Instant::now();
    let (mut writers, mut killed, mut rounds) = (0, 0, 0);
    while killed < KILLS {
        assert!(
            writers < 10 * KILLS && started.elapsed() < Duration::from_secs(120),
            "seed {seed}: only {killed} of {writers} writers died of SIGKILL in {:?}",
            started.elapsed()
        );
        rounds += 1;
        // One to three writers at once; the later ones wait for the lock, so their kill
        // moments are spread over as many save times.
        let at_once = 1 + (rng.next() % 3) as u32;
        let mut round: Vec<Writer> = (0..at_once)
            .map(|_| {
                let summary = format!("ack-{writers}");
                writers += 1;
                let child = bin(&dir)
                    .args(["log", "killme", "note", &summary])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("spawn log");
                let kill_after = Duration::from_micros(
                    rng.next() % (window * at_once).as_micros().max(1) as u64,
                );
                Writer {
                    summary,
                    child,
                    kill_after,
                }
            })
            .collect();
        round.sort_by_key(|w| w.kill_after);
        let spawned = Instant::now();
        for w in &mut round {
            if let Some(wait) = w.kill_after.checked_sub(spawned.elapsed()) {
                thread::sleep(wait);
            }
            // Killing a process that already exited (not yet reaped) is harmless; only a
            // writer that died of the signal counts as killed.
            let _ = w.child.kill();
        }
        for mut w in round {
            let status = w.child.wait().expect("wait");
            let mut out = String::new();
            w.child
                .stdout
                .take()
                .expect("stdout")
                .read_to_string(&mut out)
                .expect("read stdout");
            if status.signal() == Some(SIGKILL) {
                killed += 1;
            } else if status.success() && out.contains(&w.summary) {
                acked.push(w.summary);
            } else {
                panic!(
                    "seed {seed}: {} ended with {status} and printed {out:?}",
                    w.summary
                );
            }
        }

        // After every round: every case file parses and holds every acknowledged event once.
        let when = format!("after round {rounds} (seed {seed})");
        assert_eq!(
            all_parse(&store, &when),
            vec!["bystander", "killme"],
            "{when}"
        );
        let counts = summaries(&load(&store, "killme"));
        for s in &acked {
            assert_eq!(counts.get(s), Some(&1), "{when}: {s}");
        }
        for (s, c) in &counts {
            assert_eq!(*c, 1, "{when}: {s} is there {c} times");
        }
    }
    eprintln!(
        "{writers} writers in {rounds} rounds: {} acknowledged, {killed} died of SIGKILL, {:?}",
        acked.len(),
        started.elapsed()
    );

    let case = load(&store, "killme");
    let counts = summaries(&case);
    for s in &acked {
        assert_eq!(counts.get(s), Some(&1), "seed {seed}: {s}");
    }
    assert!(
        counts.values().all(|c| *c == 1),
        "seed {seed}: duplicates {counts:?}"
    );
    assert!(
        counts
            .keys()
            .all(|s| s.starts_with("ack-") || s.starts_with("calibrate-")),
        "seed {seed}: stray events {counts:?}"
    );
    assert!(case.events.iter().all(|e| e.kind == Kind::Note));
    assert_eq!(case.notes.lines().count(), 1000, "the notes survived");
    assert!(!acked.is_empty(), "seed {seed}: no writer ever finished");
    assert_eq!(load(&store, "bystander"), other);

    // Stray temp files of killed writers are ignored by `ids` and removed by `clean_strays`.
    assert_eq!(store.ids().expect("ids"), vec!["bystander", "killme"]);
    let strays = stray_files(&dir.join("cases"));
    assert!(strays.contains(&planted), "{strays:?}");
    eprintln!(
        "{} stray temp files left by killed writers",
        strays.len() - 1
    );
    assert_eq!(store.clean_strays().expect("clean"), strays.len());
    assert!(stray_files(&dir.join("cases")).is_empty());

    // The journal still works after all that, through the CLI too.
    let out = bin(&dir)
        .args(["log", "killme", "note", "after the storm"])
        .output()
        .expect("run log");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(load(&store, "killme").events.len(), counts.len() + 1);
    let out = bin(&dir)
        .args(["list", "--all", "--json"])
        .output()
        .expect("run list");
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}

/// Not a check of its own: the process that `a_lock_left_by_a_killed_process_never_blocks_a_later_log`
/// starts (this test binary again, with `RUNAROUND_TEST_HOLD_LOCK` set) to take a case's lock
/// with `File::lock`, as runaround does, and hold it until it is killed. Without the variable
/// it returns at once.
#[test]
fn lock_holder_helper() {
    let Some(lock) = std::env::var_os("RUNAROUND_TEST_HOLD_LOCK") else {
        return;
    };
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .expect("open the lock file");
    file.lock().expect("take the lock");
    let ready = std::env::var_os("RUNAROUND_TEST_LOCK_READY").expect("a ready file");
    fs::write(ready, b"held").expect("say the lock is held");
    thread::sleep(Duration::from_secs(60));
}

/// A process killed with SIGKILL while it holds a case's lock leaves `cases/ID.lock` behind: a `log`
/// that was waiting for the lock goes ahead as soon as the holder dies, and a later `log` is
/// not held up at all.
#[test]
fn a_lock_left_by_a_killed_process_never_blocks_a_later_log() {
    use std::os::unix::process::ExitStatusExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let id = new_case(&dir, "Stale lock");
    let lock = dir.join("cases").join(format!("{id}.lock"));
    let ready = tmp.path().join("held");
    let mut holder = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "lock_holder_helper", "--nocapture"])
        .env("RUNAROUND_TEST_HOLD_LOCK", &lock)
        .env("RUNAROUND_TEST_LOCK_READY", &ready)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the lock holder");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ready.exists() {
        assert!(
            Instant::now() < deadline,
            "the lock holder never took the lock"
        );
        thread::sleep(Duration::from_millis(10));
    }

    // While the holder lives, a `log` waits for it: the lock is real.
    let mut waiting = bin(&dir)
        .args(["log", &id, "note", "waited for the lock"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn log");
    thread::sleep(Duration::from_millis(300));
    assert!(
        waiting.try_wait().expect("try_wait").is_none(),
        "log did not wait for a lock held by another process"
    );

    holder.kill().expect("kill the holder");
    let status = holder.wait().expect("wait for the holder");
    assert_eq!(status.signal(), Some(9), "the holder died of SIGKILL");
    assert!(lock.exists(), "the killed holder left its lock file");

    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = waiting.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = waiting.kill();
            panic!("log still waits 5 s after the lock's holder was killed");
        }
        thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "the waiting log failed: {status}");

    let start = Instant::now();
    let out = bin(&dir)
        .args(["log", &id, "note", "after the kill"])
        .output()
        .expect("run log");
    assert!(out.status.success(), "{out:?}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "a later log took {:?}",
        start.elapsed()
    );
    let store = Store::open(&dir).expect("open");
    let got: Vec<String> = load(&store, &id)
        .events
        .iter()
        .map(|e| e.summary.clone())
        .collect();
    assert_eq!(got, vec!["waited for the lock", "after the kill"]);
}
