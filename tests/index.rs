//! The journal index: summaries give exactly the counters of the whole case, `list` through the
//! index prints exactly what it prints from the case files, and the index never outlives a
//! change to a case file (made by another process, by hand, or by deleting it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::time::{Duration as StdDuration, SystemTime};

use chrono::{DateTime, Duration, Utc};
use common::rng::Rng;
use runaround::cli::{self, Command};
use runaround::clock::Clock;
use runaround::domain::{
    ActiveCall, Case, Counters, Event, Kind, Outcome, PromiseState, Status, Summary,
};
use runaround::export::json;
use runaround::index::{self, Scan};
use runaround::storage::{Entry, Store};
use tempfile::TempDir;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

const KINDS: [Kind; 9] = [
    Kind::Call,
    Kind::Redirect,
    Kind::Promise,
    Kind::Visit,
    Kind::Message,
    Kind::Outage,
    Kind::Restored,
    Kind::Complaint,
    Kind::Note,
];

/// A case of `events` random events over about two months from `opened`, some of them after
/// `opened + 60d` (logged ahead of time), with awkward text.
fn random_case(rng: &mut Rng, id: &str, opened: DateTime<Utc>, events: usize) -> Case {
    let titles = [
        "Geen internet na verhuizing",
        "Téléphone cassé, « prêt » jamais reçu",
        "漢字 and 👩‍🔬 \"quoted\" \\ back",
        "r#\"raw\"# looking",
    ];
    let mut case = Case::new(id, titles[rng.below(4) as usize], "KPN", opened);
    case.status =
        [Status::Open, Status::Open, Status::Resolved, Status::Closed][rng.below(4) as usize];
    case.tags = vec!["internet".into()];
    for i in 0..events {
        let kind = KINDS[rng.below(KINDS.len() as u64) as usize];
        let at = opened + Duration::minutes(rng.below(90 * 24 * 60) as i64);
        let mut e = Event::new(
            kind,
            at,
            format!("event {i}: called 0800-0402, “24-48 uur”"),
        );
        match kind {
            Kind::Call => e.hold_seconds = Some(rng.below(3600)),
            Kind::Promise => {
                e.state = Some(
                    [
                        PromiseState::Pending,
                        PromiseState::Kept,
                        PromiseState::Broken,
                    ][rng.below(3) as usize],
                );
                if rng.below(4) > 0 {
                    e.due = Some(at + Duration::hours(rng.below(200) as i64));
                }
            }
            Kind::Visit => {
                e.outcome =
                    [None, Some(Outcome::NoShow), Some(Outcome::Fixed)][rng.below(3) as usize];
            }
            Kind::Redirect => {
                e.from = "1200".into();
                e.to = "088-0402".into();
            }
            _ => {}
        }
        case.add_event(e);
    }
    if rng.below(3) == 0 {
        case.active_call = Some(ActiveCall::start(
            "1200",
            opened + Duration::days(rng.below(80) as i64),
        ));
    }
    case
}

#[test]
fn summaries_give_exactly_the_counters_of_the_whole_case() {
    let mut rng = Rng(0x5eed_1dea);
    let opened = t("2026-01-10T08:00:00Z");
    let mut checked = 0;
    for n in 0..300 {
        let events = rng.below(40) as usize;
        let case = random_case(&mut rng, &format!("c{n}"), opened, events);
        let made = opened + Duration::minutes(rng.below(100 * 24 * 60) as i64);
        let summary = Summary::of(&case, made);
        let valid_from = case
            .events
            .iter()
            .rev()
            .find(|e| e.at <= made)
            .map(|e| e.at);
        assert_eq!(summary.valid_from, valid_from);
        for _ in 0..20 {
            let now =
                opened + Duration::minutes(rng.below(120 * 24 * 60) as i64) - Duration::days(5);
            match summary.counters(now) {
                Some(c) => {
                    assert_eq!(
                        c,
                        Counters::of(&case, now),
                        "case {n} at {now}, made {made}"
                    );
                    assert_eq!(
                        summary.ticking(now),
                        Counters::ticking(&case, now),
                        "case {n} at {now}"
                    );
                    checked += 1;
                }
                None => assert!(
                    valid_from.is_some_and(|v| now < v),
                    "a summary answers from its last folded event on"
                ),
            }
        }
    }
    assert!(checked > 3000, "only {checked} comparisons");
}

fn journal() -> (TempDir, Store, Vec<Case>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut rng = Rng(42);
    let mut cases = runaround::demo::cases(t("2026-04-01T10:00:00Z")).unwrap();
    for n in 0..12 {
        cases.push(random_case(
            &mut rng,
            &format!("gen-{n:02}"),
            t("2026-01-10T08:00:00Z"),
            25,
        ));
    }
    cases.push(Case::new(
        "empty",
        "No events yet",
        "Odido",
        t("2026-03-01T09:00:00Z"),
    ));
    for case in &cases {
        store.insert(case).unwrap();
    }
    (dir, store, cases)
}

fn cli_list(store: &Store, now: DateTime<Utc>, all: bool, as_json: bool) -> String {
    let mut out = Vec::new();
    cli::run(
        Command::List { all, json: as_json },
        store,
        Clock::Fixed(now),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// `list --json` as written straight from the cases (the definition the index must match).
fn expected_json(store: &Store, now: DateTime<Utc>, all: bool) -> String {
    let mut cases: Vec<Case> = store
        .load_all()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Entry::Readable { body: case, .. } => Some(case),
            Entry::Unreadable { .. } => None,
        })
        .filter(|c| all || c.status == Status::Open)
        .collect();
    cases.sort_by(|a, b| {
        b.last_activity()
            .cmp(&a.last_activity())
            .then_with(|| a.id.cmp(&b.id))
    });
    json::list_json(cases.iter(), now) + "\n"
}

fn nows() -> Vec<DateTime<Utc>> {
    [
        "2025-12-01T00:00:00Z",
        "2026-02-01T12:00:00Z",
        "2026-03-15T12:00:00Z",
        "2026-04-01T10:00:00Z",
        "2026-12-24T18:00:00Z",
    ]
    .into_iter()
    .map(t)
    .collect()
}

#[test]
fn list_through_the_index_prints_exactly_what_the_cases_give() {
    let (_dir, store, _) = journal();
    for now in nows() {
        for all in [false, true] {
            let want = expected_json(&store, now, all);
            index::remove(&store).unwrap();
            assert_eq!(cli_list(&store, now, all, true), want, "cold, {now}");
            assert!(store.dir().join("index").exists(), "the index was written");
            assert_eq!(cli_list(&store, now, all, true), want, "warm, {now}");
        }
    }
    // An index made at one moment serves every other moment, later or earlier.
    let want: Vec<String> = nows()
        .into_iter()
        .map(|now| expected_json(&store, now, true))
        .collect();
    for (made, _) in nows().into_iter().zip(0..) {
        index::remove(&store).unwrap();
        cli_list(&store, made, true, true);
        for (now, want) in nows().into_iter().zip(&want) {
            assert_eq!(
                &cli_list(&store, now, true, true),
                want,
                "index made {made}, listed {now}"
            );
        }
    }
}

fn case_files(store: &Store) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(store.dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn the_index_follows_every_change_to_the_case_files() {
    let (_dir, store, cases) = journal();
    let now = t("2026-04-01T10:00:00Z");
    let check = |what: &str| {
        assert_eq!(
            cli_list(&store, now, true, true),
            expected_json(&store, now, true),
            "{what}"
        );
    };
    check("first listing");

    // Another process logs an event.
    let id = &cases[0].id;
    store
        .update(id, |c| {
            c.add_event(Event::new(Kind::Call, now, "logged elsewhere"));
            Ok::<_, String>(())
        })
        .unwrap();
    check("an event logged by another process");
    assert!(cli_list(&store, now, true, true).contains("logged elsewhere"));

    // A hand edit in place: same inode, same size, only the mtime tells.
    let path = store.path(id);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("logged elsewhere", "LOGGED ELSEWHERE", 1);
    assert_eq!(edited.len(), text.len());
    let file = File::options().write(true).open(&path).unwrap();
    file.write_all_at(edited.as_bytes(), 0).unwrap();
    file.set_modified(SystemTime::now() + StdDuration::from_secs(5))
        .unwrap();
    drop(file);
    check("a same-size edit in place");
    assert!(cli_list(&store, now, true, true).contains("LOGGED ELSEWHERE"));

    // Deleted, added, broken, mended.
    fs::remove_file(store.path(&cases[1].id)).unwrap();
    check("a deleted case");
    assert!(!cli_list(&store, now, true, true).contains(&format!("\"{}\"", cases[1].id)));
    store.insert(&cases[1]).unwrap();
    check("a case added back");
    let good = fs::read(store.path(&cases[2].id)).unwrap();
    fs::write(store.path(&cases[2].id), &good[..good.len() / 2]).unwrap();
    check("a case broken by hand");
    assert!(!cli_list(&store, now, true, true).contains(&format!("\"{}\"", cases[2].id)));
    fs::write(store.path(&cases[2].id), &good).unwrap();
    check("the case mended");
    assert!(cli_list(&store, now, true, true).contains(&format!("\"{}\"", cases[2].id)));
}

#[test]
fn a_damaged_index_is_ignored_and_rebuilt_and_case_files_never_change() {
    let (_dir, store, _) = journal();
    let now = t("2026-04-01T10:00:00Z");
    let want = expected_json(&store, now, true);
    cli_list(&store, now, true, true);
    let files = case_files(&store);
    let path = store.dir().join("index");
    let good = fs::read(&path).unwrap();
    let mut damaged: Vec<Vec<u8>> = vec![Vec::new(), b"runaround index 1\n".to_vec()];
    // Cut short at offsets all through the file, and with bytes flipped in the table.
    for cut in (0..good.len()).step_by(good.len() / 40 + 1) {
        damaged.push(good[..cut].to_vec());
    }
    for at in (good.len() / 2..good.len()).step_by(good.len() / 20 + 1) {
        let mut bytes = good.clone();
        bytes[at] ^= 0x55;
        damaged.push(bytes);
    }
    for bytes in damaged {
        fs::write(&path, &bytes).unwrap();
        assert_eq!(
            cli_list(&store, now, true, true),
            want,
            "index of {} bytes",
            bytes.len()
        );
    }
    assert_eq!(case_files(&store), files, "listing never writes case files");
    let mode = std::os::unix::fs::PermissionsExt::mode(&fs::metadata(&path).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600, "the index holds case text: 0600");
}

#[test]
fn the_tui_starts_on_the_same_summaries_as_the_files_give() {
    let (_dir, store, _) = journal();
    let now = t("2026-04-01T10:00:00Z");
    for round in ["cold", "warm"] {
        let scan = Scan::new(&store, now).unwrap();
        scan.save_if_stale().unwrap();
        let mut seen = 0;
        for listed in &scan.entries {
            let Some(summary) = listed.body() else {
                panic!("{round}: {} unreadable", listed.id())
            };
            let Entry::Readable { body: case, .. } = store.load(&summary.id).unwrap() else {
                panic!()
            };
            assert_eq!(
                summary.counters(now),
                Some(Counters::of(&case, now)),
                "{round}: {}",
                summary.id
            );
            assert_eq!(summary.last_activity, case.last_activity());
            assert_eq!(summary.title, case.title);
            seen += 1;
        }
        assert_eq!(seen, store.ids().unwrap().len());
        assert_eq!(scan.stale, round == "cold", "{round}");
    }
}

#[test]
fn the_index_lives_beside_the_cases_not_among_them() {
    let (dir, store, _) = journal();
    cli_list(&store, t("2026-04-01T10:00:00Z"), true, false);
    assert!(dir.path().join("index").is_file());
    assert!(
        store.ids().unwrap().iter().all(|id| !id.contains("index")),
        "the index is never taken for a case"
    );
    assert!(!Path::new(&dir.path().join("cases").join("index")).exists());
}

/// Overwrites a case file in place with other bytes of the same length and puts its mtime
/// back: its stamp is unchanged, so only a reader that opens the file sees the difference.
fn garble_keeping_stamp(store: &Store, id: &str) {
    let path = store.path(id);
    let before = store.stamp(id).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.write_all_at(&vec![b'#'; before.len as usize], 0)
        .unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    assert_eq!(store.stamp(id), Some(before), "{id}: the stamp changed");
}

#[test]
fn promises_overdue_by_now_are_listed_as_broken_from_the_index_alone() {
    let (_dir, store) = {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    };
    let opened = t("2026-03-01T09:00:00Z");
    let mut case = Case::new("promised", "Monteur komt", "KPN", opened);
    let mut promise = Event::new(Kind::Promise, t("2026-03-02T09:00:00Z"), "monteur");
    promise.state = Some(PromiseState::Pending);
    promise.due = Some(t("2026-03-05T17:00:00Z"));
    case.add_event(promise);
    store.insert(&case).unwrap();
    // The index is made while the promise is not yet due; listed after the due it reads broken.
    let before = t("2026-03-03T12:00:00Z");
    let after = t("2026-03-09T12:00:00Z");
    let want = expected_json(&store, after, true);
    assert!(want.contains("\"effective_state\": \"broken\""), "{want}");
    cli_list(&store, before, true, true);
    garble_keeping_stamp(&store, "promised");
    assert_eq!(cli_list(&store, after, true, true), want);
}

#[test]
fn the_index_keeps_data_and_is_much_smaller_than_the_case_files() {
    let (_dir, store, _) = journal();
    let now = t("2026-04-01T10:00:00Z");
    let listed = cli_list(&store, now, true, true);
    let index = fs::read(store.dir().join("index")).unwrap();
    let files: usize = case_files(&store).iter().map(|(_, b)| b.len()).sum();
    assert!(index.starts_with(b"runaround index 4\n"));
    // No events text of `list --json` is in it: the events are kept as data.
    let printed = "\"events\": [\n      {\n        \"at\": ";
    assert!(listed.contains(printed));
    assert!(
        !index
            .windows(printed.len())
            .any(|w| w == printed.as_bytes())
    );
    assert!(
        index.len() * 100 <= files * 40,
        "index {} bytes, case files {files}",
        index.len()
    );
}

/// A journal of `n` random cases of a few events each (their last activity all different),
/// and one case file that cannot be read.
fn many(n: usize) -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut rng = Rng(7);
    for i in 0..n {
        let opened = t("2025-06-01T08:00:00Z") + Duration::minutes(rng.below(200_000) as i64);
        store
            .insert(&random_case(&mut rng, &format!("c-{i:04}"), opened, 3))
            .unwrap();
    }
    fs::write(store.path("broken"), "not ( a case").unwrap();
    (dir, store)
}

/// The journal as the list shows it: every case file read, most recent activity first.
fn listed_from_files(store: &Store, now: DateTime<Utc>) -> Vec<index::Listed> {
    let mut rows: Vec<index::Listed> = store
        .ids()
        .unwrap()
        .iter()
        .map(|id| store.load(id).unwrap().map(|case| Summary::of(&case, now)))
        .collect();
    rows.sort_by_key(|r| (r.sort_key(), r.id().to_string()));
    rows
}

fn ids(rows: &[index::Listed]) -> Vec<String> {
    rows.iter().map(|r| r.id().to_string()).collect()
}

#[test]
fn the_first_page_alone_gives_the_top_rows_and_the_count() {
    let (_dir, store) = many(260);
    let now = t("2026-04-01T10:00:00Z");
    assert!(index::first_page(&store, now).is_none(), "no index yet");
    Scan::new(&store, now).unwrap().save_if_stale().unwrap();
    // Everything after the first page garbled: the first page is read alone.
    let path = store.dir().join("index");
    let mut bytes = fs::read(&path).unwrap();
    let page_end = {
        let head = std::str::from_utf8(&bytes[18..48]).unwrap();
        18 + 30 + head[..20].parse::<usize>().unwrap()
    };
    for b in &mut bytes[page_end..] {
        *b = b'x';
    }
    fs::write(&path, &bytes).unwrap();
    let page = index::first_page(&store, now).expect("first page");
    assert_eq!(page.total, 261);
    let want = listed_from_files(&store, now);
    assert_eq!(page.rows.len(), index::PAGE);
    assert_eq!(ids(&page.rows), ids(&want[..index::PAGE]));
    assert_eq!(
        page.rows,
        want[..index::PAGE].to_vec(),
        "summaries and stamps"
    );
}

#[test]
fn a_stale_first_page_is_checked_against_the_files_it_lists() {
    let (_dir, store) = many(230);
    let now = t("2026-04-01T10:00:00Z");
    Scan::new(&store, now).unwrap().save_if_stale().unwrap();
    let before = listed_from_files(&store, now);
    let (changed, deleted) = (before[0].id().to_string(), before[1].id().to_string());
    store
        .update(&changed, |case| {
            case.title = "Changed elsewhere".into();
            Ok::<(), String>(())
        })
        .unwrap();
    fs::remove_file(store.path(&deleted)).unwrap();
    let page = index::first_page(&store, now).unwrap();
    assert_eq!(
        page.rows.len(),
        index::PAGE - 1,
        "the deleted case is left out"
    );
    assert!(!ids(&page.rows).contains(&deleted));
    let row = page.rows.iter().find(|r| r.id() == changed).unwrap();
    assert_eq!(row.body().unwrap().title, "Changed elsewhere");
    assert_eq!(
        Some(row.stamp()),
        store.stamp(&changed),
        "read again, with its stamp"
    );
}

#[test]
fn a_damaged_first_page_is_ignored() {
    let (_dir, store) = many(230);
    let now = t("2026-04-01T10:00:00Z");
    Scan::new(&store, now).unwrap().save_if_stale().unwrap();
    let path = store.dir().join("index");
    let good = fs::read(&path).unwrap();
    let page_len: usize = std::str::from_utf8(&good[18..38]).unwrap().parse().unwrap();
    let want = listed_from_files(&store, now);
    let mut damaged = vec![good[..40].to_vec(), good[..48 + page_len / 2].to_vec()];
    for at in [20, 40, 48, 48 + page_len / 3, 48 + page_len - 1] {
        let mut bytes = good.clone();
        bytes[at] ^= 0x55;
        damaged.push(bytes);
    }
    let mut head_too_long = good.clone();
    head_too_long[18..38].copy_from_slice(b"99999999999999999999");
    damaged.push(head_too_long);
    for bytes in damaged {
        fs::write(&path, &bytes).unwrap();
        assert!(
            index::first_page(&store, now).is_none(),
            "{} bytes",
            bytes.len()
        );
        // The listing is still right.
        let mut rows = Scan::new(&store, now).unwrap().entries;
        rows.sort_by_key(|r| (r.sort_key(), r.id().to_string()));
        assert_eq!(rows, want);
    }
}

#[test]
fn a_parallel_cold_read_gives_exactly_what_a_sequential_read_gives() {
    let (_dir, store) = many(300);
    let now = t("2026-04-01T10:00:00Z");
    let told = std::sync::Mutex::new(Vec::new());
    let scan = Scan::telling(&store, now, &|read, total| {
        told.lock().unwrap().push((read, total));
    })
    .unwrap();
    // What one read after another, in the directory's order, gives.
    let files = store.stamps().unwrap();
    let sequential: Vec<index::Listed> = files
        .iter()
        .map(|(id, _)| store.load(id).unwrap().map(|case| Summary::of(&case, now)))
        .collect();
    assert_eq!(scan.entries, sequential, "same rows, same order");
    for (i, (id, _)) in files.iter().enumerate() {
        let events = match store.load(id).unwrap() {
            Entry::Readable { body, .. } => Some(body.events),
            Entry::Unreadable { .. } => None,
        };
        assert_eq!(scan.events(i), events, "{id}");
    }
    let told = told.into_inner().unwrap();
    assert_eq!(
        told.last(),
        Some(&(301, 301)),
        "progress ends at every file"
    );
    assert!(told.iter().all(|&(_, total)| total == 301));
    assert!(told.len() >= 4, "progress told along the way: {told:?}");
}
