//! The start: the list is drawn from the first rows of the journal (the index's first page, or
//! the case files written last when there is no index) and the full listing, made on another
//! thread, replaces them — keeping the selection, and with every case created, changed or
//! deleted meanwhile as it is on disk. Until it comes, the list's title says so, in words that
//! fit the pane.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use common::{app_on, apply, carry_out, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use runaround::app::{App, Filling, Msg, Row, update};
use runaround::domain::{Case, Event, Kind, Summary};
use runaround::i18n::Lang;
use runaround::index::{self, Scan};
use runaround::storage::{Access, Store};
use runaround::tui::executor::Executor;
use runaround::tui::{IndexSave, Start, first_screen};
use runaround::ui::{draw, theme::Theme};

/// Case `id` whose last activity is `minutes` before `now()`.
fn case(id: &str, minutes: i64) -> Case {
    let at = now() - Duration::minutes(minutes);
    let mut case = Case::new(id, format!("Case {id}"), "KPN", at - Duration::days(1));
    case.events
        .push(Event::new(Kind::Call, at, "called 1200".to_string()));
    case
}

fn row(case: &Case) -> Row {
    Row::listed(Summary::of(case, now()), Access::Writable)
}

fn selected(app: &App) -> String {
    app.selected_row().unwrap().id().to_string()
}

fn screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(w))
        .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect())
        .collect()
}

#[test]
fn the_full_listing_replaces_the_first_rows_keeping_the_selection() {
    let cases: Vec<Case> = (0..6).map(|i| case(&format!("c{i}"), i * 10)).collect();
    let mut app = app_on(&cases);
    // The first page knew c0, c2, c4 (c1 and c3 were written later).
    let first = vec![row(&cases[0]), row(&cases[2]), row(&cases[4])];
    let effects = update(
        &mut app,
        Msg::Partial {
            rows: first,
            filling: Filling::Listing { total: 6 },
        },
    );
    apply(&mut app, effects);
    for _ in 0..2 {
        let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Down)));
        apply(&mut app, effects);
    }
    assert_eq!(selected(&app), "c4");
    assert_eq!(app.filling, Some(Filling::Listing { total: 6 }));
    let effects = update(&mut app, Msg::Listed(cases.iter().map(row).collect()));
    apply(&mut app, effects);
    assert_eq!(selected(&app), "c4", "the selection stays on its case");
    assert_eq!(app.case_index, Some(4));
    assert_eq!(app.visible.len(), 6);
    assert_eq!(app.filling, None);
}

#[test]
fn a_list_still_at_its_first_top_moves_to_the_listings_top() {
    let cases: Vec<Case> = (0..4).map(|i| case(&format!("c{i}"), i * 10)).collect();
    let mut app = app_on(&cases);
    // No index: the first rows were the files written last, c2 and c3.
    let effects = update(
        &mut app,
        Msg::Partial {
            rows: vec![row(&cases[2]), row(&cases[3])],
            filling: Filling::Reading { read: 0, total: 4 },
        },
    );
    apply(&mut app, effects);
    assert_eq!(selected(&app), "c2");
    let effects = update(&mut app, Msg::Listed(cases.iter().map(row).collect()));
    apply(&mut app, effects);
    assert_eq!(
        selected(&app),
        "c0",
        "untouched, the list shows its real top"
    );
    assert_eq!(app.case_index, Some(0));
}

#[test]
fn the_title_says_the_list_is_being_filled_in_and_fits_the_pane() {
    let cases: Vec<Case> = (0..3).map(|i| case(&format!("c{i}"), i)).collect();
    for (lang, tiny, long, reading_long) in [
        (
            Lang::En,
            "Listing…",
            "listing all 10,000…",
            "reading 3,400 of 10,000 case files",
        ),
        (
            Lang::Nl,
            "Laden…",
            "laden… (totaal 10.000)",
            "3.400 van 10.000 zaakbestanden",
        ),
        (
            Lang::Fr,
            "Chargement…",
            "chargement (total\u{a0}: 10\u{202f}000)…",
            "lecture de 3\u{202f}400 dossiers sur 10\u{202f}000",
        ),
    ] {
        let _lang = lang.scope();
        let mut app = app_on(&cases);
        let effects = update(
            &mut app,
            Msg::Partial {
                rows: cases.iter().map(row).collect(),
                filling: Filling::Listing { total: 10_000 },
            },
        );
        apply(&mut app, effects);
        let narrow = screen(&mut app, 80, 24).join("\n");
        assert!(narrow.contains(&format!(" {tiny} ")), "{lang:?}:\n{narrow}");
        let wide = screen(&mut app, 69, 24).join("\n");
        assert!(wide.contains(long), "{lang:?}:\n{wide}");
        let effects = update(
            &mut app,
            Msg::Filling(Some(Filling::Reading {
                read: 3_400,
                total: 10_000,
            })),
        );
        apply(&mut app, effects);
        let narrow = screen(&mut app, 80, 24).join("\n");
        assert!(narrow.contains("34"), "{lang:?}: the share read\n{narrow}");
        let wide = screen(&mut app, 69, 24).join("\n");
        assert!(wide.contains(reading_long), "{lang:?}:\n{wide}");
        let effects = update(&mut app, Msg::Listed(cases.iter().map(row).collect()));
        apply(&mut app, effects);
        let done = screen(&mut app, 80, 24).join("\n");
        assert!(
            !done.contains(tiny) && !done.contains("34"),
            "{lang:?}:\n{done}"
        );
    }
}

#[test]
fn a_long_count_in_a_long_language_keeps_its_number_in_the_title() {
    let cases: Vec<Case> = (0..1200).map(|i| case(&format!("c{i:04}"), i)).collect();
    for (lang, plain) in [
        (Lang::En, " Cases (1200 open) "),
        (Lang::Nl, " Zaken (open: 1200) "),
        (Lang::Fr, " ouverts\u{a0}: 1200 "),
    ] {
        let _lang = lang.scope();
        let mut app = app_on(&cases);
        let screen = screen(&mut app, 80, 24).join("\n");
        assert!(screen.contains(plain), "{lang:?}:\n{screen}");
        // With room, the whole title.
        let wide = screen_of(&mut app, 160, 24);
        assert!(
            lang != Lang::Fr || wide.contains(" Dossiers (ouverts\u{a0}: 1200) "),
            "{wide}"
        );
    }
}

fn screen_of(app: &mut App, w: u16, h: u16) -> String {
    screen(app, w, h).join("\n")
}

/// A journal of `n` cases, the most recent one `c0000`, listed once (its index written).
fn journal(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..n {
        store
            .insert(&case(&format!("c{i:04}"), 5 + i as i64))
            .unwrap();
    }
    (dir, store)
}

/// The list as every case file now gives it (ids and titles, top first).
fn from_files(store: &Store, at: DateTime<Utc>) -> Vec<(String, String)> {
    let mut rows = Scan::new(store, at).unwrap().entries;
    rows.sort_by_key(|r| (r.sort_key(), r.id().to_string()));
    rows.iter()
        .map(|r| (r.id().to_string(), r.body().unwrap().title.clone()))
        .collect()
}

fn shown(app: &App) -> Vec<(String, String)> {
    app.visible
        .iter()
        .map(|&i| {
            let r = &app.rows[i];
            (r.id().to_string(), r.body().unwrap().title.clone())
        })
        .collect()
}

/// Starts the app on `store` as the TUI does: the first screen, then the fill begun; `meanwhile`
/// runs once the listing is made but before its answer is taken.
fn start(store: &Store, meanwhile: impl FnOnce()) -> (App, Executor) {
    let Start {
        first,
        stamps,
        scan,
        fill,
        ..
    } = first_screen(store, now()).unwrap();
    assert!(scan.is_none() && fill.is_some(), "only the first rows");
    let save = IndexSave::pending();
    let mut executor = Executor::new(store.clone(), stamps).with_fill(
        fill,
        &save,
        &runaround::tui::wake::Bell::default(),
    );
    let mut app = App::new(Vec::new(), now());
    let effects = update(&mut app, first);
    carry_out(&mut executor, &mut app, effects);
    assert!(app.filling.is_some());
    let index_before = std::fs::read(store.dir().join("index")).ok();
    executor.begin_fill(now());
    // The listing is made (and the index saved after it) before its answer is read.
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while std::fs::read(store.dir().join("index")).ok() == index_before {
        assert!(Instant::now() < deadline, "the index was never saved");
        std::thread::sleep(StdDuration::from_millis(20));
    }
    save.finish(StdDuration::from_secs(30));
    meanwhile();
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while executor.filling() {
        assert!(Instant::now() < deadline, "the listing never came");
        let msgs = executor.answers();
        for msg in msgs {
            let effects = update(&mut app, msg);
            carry_out(&mut executor, &mut app, effects);
        }
        std::thread::sleep(StdDuration::from_millis(10));
    }
    (app, executor)
}

#[test]
fn a_stale_first_page_still_gives_the_right_screen_once_filled_in() {
    let (_dir, store) = journal(index::PAGE + 40);
    Scan::new(&store, now()).unwrap().save_if_stale().unwrap();
    // Since the index was written: the top case changed, the second deleted, a new one
    // created with the most recent activity of all.
    store
        .update("c0000", |c| {
            c.title = "Changed elsewhere".into();
            Ok::<(), String>(())
        })
        .unwrap();
    std::fs::remove_file(store.path("c0001")).unwrap();
    store.insert(&case("new-one", 1)).unwrap();
    // And while the listing was being made (after it read the files): another case deleted,
    // one changed, one created.
    let (app, mut executor) = start(&store, || {
        std::fs::remove_file(store.path("c0002")).unwrap();
        store
            .update("c0003", |c| {
                c.title = "Changed during the listing".into();
                Ok::<(), String>(())
            })
            .unwrap();
        store.insert(&case("newest", 0)).unwrap();
    });
    let want = from_files(&store, now());
    assert_eq!(want[0].0, "newest");
    assert_eq!(want.len(), index::PAGE + 40);
    assert_eq!(shown(&app), want, "every case once, as on disk, in order");
    assert_eq!(app.filling, None);
    // The stamps kept are those of the files as now: nothing more to read.
    assert!(executor.watch(None, &[]).is_empty());
}

#[test]
fn without_an_index_the_files_written_last_come_first_then_every_file() {
    let (_dir, store) = journal(index::PAGE + 40);
    index::remove(&store).unwrap();
    let Start { first, fill, .. } = first_screen(&store, now()).unwrap();
    assert_eq!(fill, Some(true), "no index: every file is read");
    let Msg::Partial { rows, filling } = first else {
        panic!("first rows only")
    };
    assert_eq!(rows.len(), 50);
    assert_eq!(
        filling,
        Filling::Reading {
            read: 0,
            total: index::PAGE + 40
        }
    );
    let (app, _executor) = start(&store, || {});
    assert_eq!(shown(&app), from_files(&store, now()));
    assert!(
        index::first_page(&store, now()).is_some(),
        "the index is saved"
    );
}
