//! The performance budgets measured in process, each next to a floor measured in the same run
//! (see `scripts/bench`, which also times the TUI's first frame, idle CPU, memory and import).
//!
//! Each measure prints one line: `name<TAB>figure<TAB>floor<TAB>unit`, figure and floor sampled
//! alternately, medians (p95 where the name says so).
//!
//! - `measure-size DIR`: the measures that grow with the journal, on the journal in DIR (with
//!   its index built): `list --all --json` against `cat` of the case files, the index's size
//!   against theirs, `show` against `cat` of the case's file, and `runaround log` into DIR's
//!   most recently active case against an fsynced atomic write of the same bytes. DIR gets the
//!   logged events: give it a copy.
//! - `measure-fixed BIG SMALL`: a frame of BIG's list at 200x50, a keystroke into a long note,
//!   and logging one event in process (into a copy of SMALL's top case).
//! - `measure SMALL BIG`: the older set, for a journal of 1,000 and one of 10,000 cases.
//! - `start-call DIR` starts a call in the most recently active case of DIR (for the idle-CPU
//!   measure); `top-title DIR` prints the start of the title the TUI shows first.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::widgets::Block;
use runaround::app::{App, Effect, Msg, update};
use runaround::clock::Clock;
use runaround::domain::{ActiveCall, Event, Kind};
use runaround::storage::{Entry, Store, write_file};
use runaround::tui::executor::{Executor, drive};
use runaround::tui::load_rows;
use runaround::ui::{draw, theme::Theme};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["measure", small, big] => measure(Path::new(small), Path::new(big)),
        ["measure-size", dir] => measure_size(Path::new(dir)),
        ["measure-fixed", big, small] => {
            frame(Path::new(big));
            keystroke(Path::new(small));
            log_in_process(Path::new(small));
        }
        ["start-call", dir] => start_call(Path::new(dir)),
        // The floor of `runaround log`: a process making an fsynced atomic write.
        ["atomic-write", to, from] => {
            write_file(Path::new(to), &std::fs::read(from).unwrap()).unwrap();
        }
        ["top-title", dir] => {
            // The start of the title the TUI shows first (for timing its first frame).
            let store = Store::open(Path::new(dir)).unwrap();
            let loaded = load_rows(&store, now()).unwrap();
            let app = App::new(loaded.rows, now());
            let title = &app.selected_row().unwrap().summary().unwrap().title;
            println!("{}", title.chars().take(16).collect::<String>().trim());
        }
        _ => {
            eprintln!(
                "usage: budgets measure-size JOURNAL | measure-fixed BIG_JOURNAL SMALL_JOURNAL | measure SMALL_JOURNAL BIG_JOURNAL | start-call JOURNAL | top-title JOURNAL"
            );
            std::process::exit(2);
        }
    }
}

fn now() -> DateTime<Utc> {
    Clock::System.now()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn p95(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[(samples.len() * 95).div_ceil(100).saturating_sub(1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, figure: Duration, floor: Duration) {
    println!("{name}\t{:.3}\t{:.3}\tms", ms(figure), ms(floor));
}

/// The most recently active readable case of a journal.
fn top_case(store: &Store) -> String {
    let loaded = load_rows(store, now()).unwrap();
    let app = App::new(loaded.rows, now());
    app.selected_row().unwrap().id().to_string()
}

fn start_call(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let id = top_case(&store);
    store
        .update(&id, |case| {
            case.active_call = Some(ActiveCall::start("0800-0402", now()));
            Ok::<_, String>(())
        })
        .unwrap();
    println!("{id}");
}

fn measure(small: &Path, big: &Path) {
    list_json(small, "list --all --json (1,000 cases)");
    index_size(small, "the index on disk (1,000 cases)");
    log_scratch(small);
    log_in_process(small);
    frame(big);
    keystroke(small);
}

/// The measures that grow with the journal, on the journal in `dir`.
fn measure_size(dir: &Path) {
    list_json(dir, "list --all --json");
    index_size(dir, "the index on disk");
    show(dir);
    let source = Store::open(dir).unwrap();
    let id = top_case(&source);
    log_cli(dir, &id, "log one event, runaround log");
}

fn run(cmd: &mut Command) -> Duration {
    let t = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{cmd:?} failed");
    t.elapsed()
}

/// The binary measured: `RUNAROUND_BIN` (to compare two builds), else the release build.
fn runaround() -> PathBuf {
    if let Some(bin) = std::env::var_os("RUNAROUND_BIN") {
        return bin.into();
    }
    let exe = std::env::current_exe().unwrap();
    let release = exe.parent().unwrap().parent().unwrap();
    release.join("runaround")
}

/// The case files of a journal, sorted.
fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// How many samples a measure over every case file takes: fewer as the journal grows, so
/// that 50,000 cases stay within minutes; always odd, for a median.
fn samples_for(cases: usize, small: usize) -> usize {
    match cases {
        0..=2_000 => small,
        2_001..=20_000 => small.div_ceil(2) | 1,
        _ => small.div_ceil(4) | 1,
    }
}

/// `cat` of the files, to /dev/null: one process for up to 4,096 files at a time, by their
/// names relative to their directory (50,000 full paths would not fit in one command line).
fn cat(files: &[PathBuf]) -> Duration {
    let mut total = Duration::ZERO;
    for chunk in files.chunks(4096) {
        let parent = chunk[0].parent().unwrap();
        total += run(Command::new("cat")
            .current_dir(parent)
            .args(chunk.iter().map(|f| f.file_name().unwrap())));
    }
    total
}

/// `list --all --json` against `cat` of every case file, both to /dev/null, alternating.
fn list_json(dir: &Path, name: &str) {
    let files = case_files(dir);
    let (mut list, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..samples_for(files.len(), 15) {
        list.push(run(Command::new(runaround())
            .arg("--data-dir")
            .arg(dir)
            .args(["list", "--all", "--json"])));
        floor.push(cat(&files));
    }
    report(name, median(list), median(floor));
}

/// The bytes of a file, or of everything under a directory.
fn bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if meta.is_dir() {
        std::fs::read_dir(path)
            .unwrap()
            .map(|e| bytes(&e.unwrap().path()))
            .sum()
    } else {
        meta.len()
    }
}

/// The index on disk (everything in the journal's directory whose name starts with `index`,
/// a file or a directory) against the case files it lists, in MiB.
fn index_size(dir: &Path, name: &str) {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let index: u64 = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(runaround::storage::names::INDEX))
        })
        .map(|e| bytes(&e.path()))
        .sum();
    let cases: u64 = case_files(dir).iter().map(|f| bytes(f)).sum();
    println!("{name}\t{:.3}\t{:.3}\tMiB", mib(index), mib(cases));
}

/// `show` of the most recently active case against `cat` of its file, alternating.
fn show(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let id = top_case(&store);
    let file = store.path(&id);
    let (mut shown, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..31 {
        shown.push(run(Command::new(runaround())
            .arg("--data-dir")
            .arg(dir)
            .args(["show", &id])));
        floor.push(run(Command::new("cat").arg(&file)));
    }
    report("show", median(shown), median(floor));
}

/// Logging one event into case `id` of the journal in `dir`, as the user does it (`runaround
/// log`: read, change and fsynced atomic write, under the lock), against a process of the
/// same kind that makes an fsynced atomic write of the same bytes, alternating.
fn log_cli(dir: &Path, id: &str, name: &str) {
    let store = Store::open(dir).unwrap();
    let scratch = tempfile::tempdir_in(dir.parent().unwrap_or(dir)).unwrap();
    let bytes_path = scratch.path().join("bytes.ron");
    std::fs::copy(store.path(id), &bytes_path).unwrap();
    let floor_path = scratch.path().join("floor.ron");
    let me = std::env::current_exe().unwrap();
    let (mut log, mut floor) = (Vec::new(), Vec::new());
    for i in 0..samples_for(store.ids().unwrap().len(), 61) {
        log.push(run(Command::new(runaround())
            .arg("--data-dir")
            .arg(dir)
            .args(["log", id, "note", &format!("bench note {i}")])));
        floor.push(run(Command::new(&me)
            .arg("atomic-write")
            .arg(&floor_path)
            .arg(&bytes_path)));
    }
    report(name, median(log), median(floor));
}

/// A scratch journal holding a copy of the most recently active case of `dir`, and its id.
fn scratch_copy(dir: &Path) -> (tempfile::TempDir, Store, String) {
    let source = Store::open(dir).unwrap();
    let id = top_case(&source);
    let scratch = tempfile::tempdir_in(dir.parent().unwrap_or(dir)).unwrap();
    let store = Store::open(scratch.path()).unwrap();
    let Entry::Readable { body: case, .. } = source.load(&id).unwrap() else {
        panic!("{id} cannot be read")
    };
    store.insert(&case).unwrap();
    (scratch, store, id)
}

/// `runaround log` into a journal of one case: a copy of the top case of `dir`.
fn log_scratch(dir: &Path) {
    let (scratch, _store, id) = scratch_copy(dir);
    log_cli(scratch.path(), &id, "log one event, runaround log");
}

/// Logging one event in process, into a copy of the top case of `dir`: the library call
/// against the fsynced atomic write of the same bytes alone.
fn log_in_process(dir: &Path) {
    let (scratch, store, id) = scratch_copy(dir);
    let bytes = std::fs::read(store.path(&id)).unwrap();
    let floor_path = scratch.path().join("floor.ron");
    let (mut log, mut floor) = (Vec::new(), Vec::new());
    for i in 0..41 {
        let event = Event::new(Kind::Note, now(), format!("bench note {i}"));
        let t = Instant::now();
        store
            .update(&id, |c| Ok::<_, String>(c.add_event(event)))
            .unwrap();
        log.push(t.elapsed());
        let t = Instant::now();
        write_file(&floor_path, &bytes).unwrap();
        floor.push(t.elapsed());
    }
    report("log one event, in process", median(log), median(floor));
}

fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).unwrap()
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One frame at 200x50 with the journal's whole list, against a frame of only a border.
fn frame(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let loaded = load_rows(&store, now()).unwrap();
    let mut app = App::new(Vec::new(), now());
    let effects = update(&mut app, Msg::Listed(loaded.rows));
    load(&store, &mut app, effects);
    let effects = update(&mut app, Msg::Action(runaround::app::Action::Filter));
    load(&store, &mut app, effects);
    let theme = Theme::new(false);
    let mut term = terminal(200, 50);
    let mut floor_term = terminal(200, 50);
    let (mut frames, mut floor) = (Vec::new(), Vec::new());
    for i in 0..200 {
        // Move through the list, so each frame draws a different case.
        if i % 10 == 0 {
            let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Down)));
            load(&store, &mut app, effects);
        }
        let t = Instant::now();
        term.draw(|f| draw(f, &mut app, &theme)).unwrap();
        frames.push(t.elapsed());
        let t = Instant::now();
        floor_term
            .draw(|f| f.render_widget(Block::bordered(), f.area()))
            .unwrap();
        floor.push(t.elapsed());
    }
    assert_eq!(
        app.visible.len(),
        store.ids().unwrap().len(),
        "every case listed"
    );
    report(
        &format!("frame 200x50, {} cases (p95)", thousands(app.visible.len())),
        p95(frames),
        p95(floor),
    );
}

/// Carries out the app's effects (reading the case it selected) with the runtime's executor.
fn load(store: &Store, app: &mut App, effects: Vec<Effect>) {
    let mut executor = Executor::new(store.clone(), HashMap::new());
    let no_terminal = &mut |_: &mut Executor, _: &App, _: Effect| Ok::<_, Infallible>(Vec::new());
    let _ = drive(&mut executor, app, effects, no_terminal);
}

/// A keystroke into a 2,000-line note, through to the next frame (100x30), against the same
/// in a one-line note.
fn keystroke(dir: &Path) {
    let mut long = String::new();
    for i in 0..2000 {
        let _ = writeln!(
            long,
            "{i}: called 0800-0402 again, on hold 25 minutes, sent to 1200, promised a call back within 24 to 48 hours"
        );
    }
    let figure = typing(dir, &long);
    let floor = typing(dir, "one line\n");
    report("keystroke in a 2,000-line note (p95)", figure, floor);
}

fn typing(dir: &Path, notes: &str) -> Duration {
    let scratch = tempfile::tempdir_in(dir.parent().unwrap_or(dir)).unwrap();
    let store = Store::open(scratch.path()).unwrap();
    let mut case = runaround::domain::Case::new("bench", "Typing", "KPN", now());
    case.notes = notes.to_string();
    store.insert(&case).unwrap();
    let loaded = load_rows(&store, now()).unwrap();
    let mut app = App::new(Vec::new(), now());
    let effects = update(&mut app, Msg::Listed(loaded.rows));
    load(&store, &mut app, effects);
    let theme = Theme::new(false);
    let mut term = terminal(100, 30);
    for code in [KeyCode::Tab, KeyCode::Tab, KeyCode::Char('i')] {
        let _ = update(&mut app, Msg::Key(KeyEvent::from(code)));
    }
    // Into the middle of the text.
    for _ in 0..1000 {
        let _ = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Down)));
    }
    term.draw(|f| draw(f, &mut app, &theme)).unwrap();
    let mut samples = Vec::new();
    for i in 0..300 {
        let code = if i % 40 == 39 {
            KeyCode::Enter
        } else {
            KeyCode::Char(char::from(b'a' + (i % 26) as u8))
        };
        let t = Instant::now();
        let effects = update(&mut app, Msg::Key(KeyEvent::from(code)));
        term.draw(|f| draw(f, &mut app, &theme)).unwrap();
        samples.push(t.elapsed());
        assert!(effects.iter().all(|e| !matches!(e, Effect::Quit)));
    }
    assert!(app.notes.dirty, "the keys went into the notes");
    p95(samples)
}
