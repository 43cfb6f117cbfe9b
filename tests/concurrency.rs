//! Several processes on one journal (SPEC §4, RELIABILITY "Saving" and "Two writers"): no lost
//! events between concurrent writers, no id collisions, and no damage from writers killed with
//! SIGKILL at random moments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};
use runaround::domain::{Case, Kind};
use runaround::storage::{Entry, Store};

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

fn bin(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("TZ", "Europe/Amsterdam")
        .env_remove("RUNAROUND_DIR")
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
        Entry::Ok { case, .. } => case,
        Entry::Unreadable { reason, .. } => panic!("{id} is unreadable: {reason}"),
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

/// A small xorshift generator: no extra crates, and the seed is printed for reproduction.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
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

#[test]
fn writers_killed_at_random_moments_never_damage_the_journal() {
    const KILLS: usize = 80;
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0x9e37_79b9_7f4a_7c15, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("kill test seed: {seed}");
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
    let mut killed = 0;
    for n in 0..KILLS {
        let summary = format!("ack-{n}");
        let mut child = bin(&dir)
            .args(["log", "killme", "note", &summary])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn log");
        let delay = Duration::from_micros(rng.next() % window.as_micros().max(1) as u64);
        thread::sleep(delay);
        let finished = matches!(child.try_wait(), Ok(Some(_)));
        // Killing a process that already exited (not yet reaped) is harmless.
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out)
            .expect("read stdout");
        if out.contains(&summary) {
            acked.push(summary.clone());
        }
        if !finished && !status.success() {
            killed += 1;
        }

        // After every kill: every case file parses and holds every acknowledged event once.
        for id in store.ids().expect("ids") {
            load(&store, &id);
        }
        let counts = summaries(&load(&store, "killme"));
        for s in &acked {
            assert_eq!(counts.get(s), Some(&1), "after kill {n} (seed {seed}): {s}");
        }
        for (s, c) in &counts {
            assert_eq!(
                *c, 1,
                "after kill {n} (seed {seed}): {s} is there {c} times"
            );
        }
    }
    eprintln!(
        "{KILLS} writers, {} acknowledged, {killed} killed before exiting, {:?}",
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
    eprintln!("{} stray temp files left by killed writers", strays.len());
    assert_eq!(store.clean_strays().expect("clean"), strays.len());
    assert!(stray_files(&dir.join("cases")).is_empty());

    // The journal still works after all that.
    let out = bin(&dir)
        .args(["log", "killme", "note", "after the storm"])
        .output()
        .expect("run log");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(load(&store, "killme").events.len(), counts.len() + 1);
}
