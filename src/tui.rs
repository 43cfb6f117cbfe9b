//! The runtime loop: sets up and always restores the terminal, turns terminal events into app
//! updates, carries out the app's effects against storage, watches the journal for changes made
//! by other processes, and saves typed notes before exiting on quit, SIGHUP, SIGTERM or SIGQUIT.
//! Ctrl-Z (or a SIGTSTP from elsewhere) saves the notes, hands the terminal back and stops;
//! `fg` takes the terminal back and draws everything again.

mod editing;

use std::collections::{HashMap, HashSet};
use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use chrono::{DateTime, Utc};

use crate::app::mutation::merge_notes;
use crate::app::{Action, App, Effect, Mutation, Prefs, Row, search};
use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Case;
use crate::fault::{self, Fault};
use crate::index::Scan;
use crate::storage::StorageError::Locked;
use crate::storage::format;
use crate::storage::{CaseFile, Entry, Stamp, Store, UpdateError};
use crate::ui::{self, theme::Theme};

/// How the TUI was started.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The journal is a temporary demo copy.
    pub demo: bool,
    /// Use no colours (`NO_COLOR`); wins over the config's theme.
    pub no_color: bool,
    /// The settings from the config file.
    pub config: Config,
}

/// How often the journal is checked for changes made elsewhere.
const WATCH_EVERY: Duration = Duration::from_secs(1);
/// How often a running search is checked for its answer.
const SEARCH_POLL: Duration = Duration::from_millis(30);

/// The journal as the TUI starts on it.
pub struct Loaded {
    pub rows: Vec<Row>,
    /// The stamps of the files listed.
    pub stamps: HashMap<String, Stamp>,
    /// The listing, to bring the index up to date with.
    pub scan: Scan,
}

/// Lists the journal (through its index) as the app's rows, with the stamps of the files.
pub fn load_rows(store: &Store, now: DateTime<Utc>) -> Result<Loaded, String> {
    let scan = Scan::new(store, now).map_err(|e| e.to_string())?;
    let mut stamps = HashMap::new();
    let rows = scan
        .entries
        .iter()
        .map(|listed| {
            stamps.insert(listed.id().to_string(), listed.stamp());
            match listed {
                CaseFile::Readable { body, access, .. } => Row::Case {
                    summary: body.clone(),
                    read_only: access.read_only().map(ToString::to_string),
                },
                CaseFile::Unreadable { id, problem, .. } => Row::Unreadable {
                    id: id.clone(),
                    reason: problem.to_string(),
                },
            }
        })
        .collect();
    Ok(Loaded { rows, stamps, scan })
}

/// How long a save waits for a case another process is changing: the screen must not freeze,
/// and a save that cannot wait is retried.
const LOCK_WAIT: Duration = Duration::from_millis(200);

/// The index being brought up to date on a thread of its own, so that it does not hold up the
/// first frame. It must not outlive the process half done: [`IndexSave::finish`] lets it end
/// or stops it (its temp file removed) before the process exits.
#[derive(Clone)]
struct IndexSave {
    stop: Arc<std::sync::atomic::AtomicBool>,
    done: Arc<std::sync::atomic::AtomicBool>,
}

impl IndexSave {
    fn start(scan: Scan) -> IndexSave {
        use std::sync::atomic::{AtomicBool, Ordering};
        let save = IndexSave {
            stop: Arc::new(AtomicBool::new(false)),
            done: Arc::new(AtomicBool::new(!scan.stale)),
        };
        if scan.stale {
            let thread = save.clone();
            std::thread::spawn(move || {
                let _ = scan.save_unless(&thread.stop);
                drop(scan);
                thread.done.store(true, Ordering::SeqCst);
            });
        }
        save
    }

    /// Waits up to `within` for the save to end, then stops it and waits for it to clean up.
    fn finish(&self, within: Duration) {
        use std::sync::atomic::Ordering;
        let deadline = Instant::now() + within;
        while !self.done.load(Ordering::SeqCst) {
            if Instant::now() >= deadline {
                self.stop.store(true, Ordering::SeqCst);
            }
            // A stopped save ends at its next entry; the bound is a safeguard.
            if Instant::now() >= deadline + Duration::from_secs(2) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Fails, saying so, unless standard input and output are terminals: the TUI cannot run from
/// a script, cron or `ssh` without `-t`.
pub fn need_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && stdout().is_terminal() {
        Ok(())
    } else {
        Err(
            "the journal view needs a terminal; use `runaround list` or `show` from scripts"
                .to_string(),
        )
    }
}

/// Runs the TUI on `store` until the user quits or a signal ends it.
pub fn run(store: &Store, clock: Clock, options: &Options) -> Result<(), String> {
    let store = &store.clone().with_lock_wait(LOCK_WAIT);
    need_terminal()?;
    // Text written in the editor when a TUI last ended with it open goes into its case first.
    let recovered = editing::recover(store, clock.now());
    let Loaded { rows, stamps, scan } = load_rows(store, clock.now())?;
    let _ = store.clean_strays();
    let index = IndexSave::start(scan);
    let mut app = App::new(rows, clock.now());
    if let Some(told) = recovered {
        app.say(told);
    }
    app.demo = options.demo;
    app.configure(
        options.config.keymap.clone(),
        Prefs {
            default_organisation: options.config.default_organisation.clone(),
            date_format: options.config.date_format.clone(),
        },
    );
    let pending = Arc::new(Mutex::new(None));
    let mouse = options.config.mouse;
    watch_signals(
        store.clone(),
        Arc::clone(&pending),
        options.demo,
        mouse,
        index.clone(),
    )?;
    let stops = Stops::default();
    watch_stops(&stops)?;
    let hook = std::panic::take_hook();
    let (panic_store, panic_pending) = (store.clone(), Arc::clone(&pending));
    std::panic::set_hook(Box::new(move |info| {
        // What was typed is saved first, as on a signal; the message names no case text.
        let save = panic_pending.lock().ok().and_then(|p| p.clone());
        if let Some((id, mutation)) = save {
            let _ = panic_store.update(&id, |case| mutation.apply(case));
        }
        let _ = execute!(stdout(), DisableBracketedPaste);
        if mouse {
            let _ = execute!(stdout(), DisableMouseCapture);
        }
        hook(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
    }
    let mut runtime = Runtime {
        store,
        clock,
        stamps,
        theme: Theme::named(options.config.theme, options.no_color),
        dir_stamp: store.dir_stamp(),
        pending,
        search: Search::start(store.clone()),
        edit: None,
        mouse: options.config.mouse,
        stops,
        suspend: false,
    };
    let result = runtime.run(&mut terminal, &mut app);
    // Whatever happened, typed notes are saved before the terminal is handed back.
    let rescue = runtime.save_notes(&mut app);
    suspend(mouse);
    if let Some(msg) = rescue {
        eprintln!("{msg}");
    }
    index.finish(Duration::from_secs(1));
    result
}

/// Saves typed notes, restores the terminal and exits when the terminal is closed (SIGHUP) or
/// the process is asked to stop (SIGTERM, SIGQUIT); a demo journal is removed as well. This
/// runs on its own thread because after a hangup crossterm's `poll` can spin without ever
/// returning (crossterm-rs/crossterm#793), so the main loop cannot be relied on to notice.
fn watch_signals(
    store: Store,
    pending: Arc<Mutex<Option<(String, Mutation)>>>,
    demo: bool,
    mouse: bool,
    index: IndexSave,
) -> Result<(), String> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGQUIT])
        .map_err(|e| format!("cannot watch signals: {e}"))?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let save = pending.lock().ok().and_then(|p| p.clone());
            let mut rescued = None;
            if let Some((id, mutation)) = save
                && let Err(e) = store.update(&id, |case| mutation.apply(case))
                && let Mutation::SetNotes { text, .. } = &mutation
            {
                // As on the way out of the main loop: notes that cannot go into their case go
                // to the rescue file rather than being dropped.
                let kept = match store.rescue_notes(&id, text) {
                    Ok(path) => format!("the notes are kept in {}", path.display()),
                    Err(e) => format!("the notes could not be rescued either ({e})"),
                };
                rescued = Some(format!(
                    "runaround: the notes of case {id} could not be saved ({e}); {kept}"
                ));
            }
            if mouse {
                let _ = execute!(stdout(), DisableMouseCapture);
            }
            let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
            let _ = disable_raw_mode();
            if let Some(msg) = rescued {
                eprintln!("{msg}");
            }
            index.finish(Duration::ZERO);
            if demo {
                // `exit` runs no destructors, so the demo's temporary journal goes by hand.
                let _ = std::fs::remove_dir_all(store.dir());
            }
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// What the stop signals ask of the main loop.
#[derive(Clone, Default)]
struct Stops {
    /// A SIGTSTP came from elsewhere (`kill -TSTP`): suspend as Ctrl-Z does.
    stop: Arc<AtomicBool>,
    /// A SIGCONT came: take the terminal back and draw everything again.
    resumed: Arc<AtomicBool>,
    /// The user's editor has the terminal (and stops with us on Ctrl-Z).
    in_editor: Arc<AtomicBool>,
}

/// Turns SIGTSTP and SIGCONT into work for the main loop, which is woken by a SIGWINCH (its
/// terminal input reports that as a resize). While the user's editor has the terminal, a
/// SIGTSTP stops the process at once, as it would without a handler.
fn watch_stops(stops: &Stops) -> Result<(), String> {
    use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])
        .map_err(|e| format!("cannot watch signals: {e}"))?;
    let stops = stops.clone();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let in_editor = stops.in_editor.load(Ordering::SeqCst);
            if signal == SIGTSTP && in_editor {
                let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                continue;
            }
            if signal == SIGTSTP {
                stops.stop.store(true, Ordering::SeqCst);
            } else {
                stops.resumed.store(true, Ordering::SeqCst);
            }
            if !in_editor {
                let _ = signal_hook::low_level::raise(SIGWINCH);
            }
        }
    });
    Ok(())
}

/// How a notes save went in with the notes on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Merge {
    /// Nobody else had changed them (or this was no notes save).
    Plain,
    /// They had been changed elsewhere; both changes were merged cleanly.
    Merged,
    /// Both sides changed the same lines: both are kept, between conflict markers.
    Conflict,
}

/// Applies `mutation` to case `id` under its lock; for notes, says how they merged.
fn update_notes(
    store: &Store,
    id: &str,
    mutation: &Mutation,
) -> Result<(Merge, Case), UpdateError<String>> {
    store.update(id, |case| {
        let merge = match mutation {
            Mutation::SetNotes { base, text, .. }
                if case.notes != *base && case.notes != *text && text != base =>
            {
                if merge_notes(&case.notes, base, text).conflict {
                    Merge::Conflict
                } else {
                    Merge::Merged
                }
            }
            _ => Merge::Plain,
        };
        mutation.apply(case)?;
        Ok(merge)
    })
}

struct Runtime<'a> {
    store: &'a Store,
    clock: Clock,
    stamps: HashMap<String, Stamp>,
    theme: Theme,
    dir_stamp: Option<std::time::SystemTime>,
    /// The notes save to make if a signal ends the process now.
    pending: Arc<Mutex<Option<(String, Mutation)>>>,
    search: Search,
    /// Notes to edit in the user's editor (case id, text), between two frames.
    edit: Option<(String, String)>,
    /// Whether the mouse is captured.
    mouse: bool,
    stops: Stops,
    /// Suspend (as Ctrl-Z) before the next frame.
    suspend: bool,
}

/// Hands the terminal back for another program: the normal screen, cooked mode, no
/// bracketed paste, no mouse capture.
fn suspend(mouse: bool) {
    let _ = execute!(stdout(), DisableBracketedPaste);
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = execute!(stdout(), Show);
    let _ = stdout().flush();
}

/// Takes the terminal back after [`suspend`].
fn resume(mouse: bool) -> Result<(), String> {
    enable_raw_mode().map_err(|e| format!("terminal: {e}"))?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
        .map_err(|e| format!("terminal: {e}"))?;
    if mouse {
        execute!(stdout(), EnableMouseCapture).map_err(|e| format!("terminal: {e}"))?;
    }
    Ok(())
}

/// The full-text search, on its own thread: it reads the case files one by one (parsing only
/// those whose text contains the query) and drops a search as soon as a newer one is asked.
struct Search {
    ask: Sender<String>,
    answers: Receiver<(String, HashSet<String>)>,
    asked: Option<String>,
}

impl Search {
    fn start(store: Store) -> Search {
        let (ask, questions) = channel::<String>();
        let (answer, answers) = channel();
        std::thread::spawn(move || {
            let mut next = questions.recv().ok();
            while let Some(query) = next.take() {
                let mut ids = HashSet::new();
                for id in store.ids().unwrap_or_default() {
                    if let Ok(newer) = questions.try_recv() {
                        next = Some(newer);
                        break;
                    }
                    if file_matches(&store, &id, &query) {
                        ids.insert(id);
                    }
                }
                if next.is_none() {
                    if answer.send((query, ids)).is_err() {
                        return;
                    }
                    next = questions.recv().ok();
                }
                while let Ok(newer) = questions.try_recv() {
                    next = Some(newer);
                }
            }
        });
        Search {
            ask,
            answers,
            asked: None,
        }
    }

    /// Asks for the app's search if it is new; hands over any answers. Returns whether the
    /// app changed.
    fn serve(&mut self, app: &mut App) -> bool {
        if let Some(query) = app.wanted_search()
            && self.asked.as_ref() != Some(&query)
        {
            let _ = self.ask.send(query.clone());
            self.asked = Some(query);
        }
        let mut changed = false;
        while let Ok((query, ids)) = self.answers.try_recv() {
            app.found(query, ids);
            changed = true;
        }
        changed
    }
}

/// Whether case file `id` contains `query` (lowercase) in any of its texts. Stored text is
/// written unescaped, so a file without the query in it cannot match and is not parsed; one
/// with escapes (edited by hand) always is.
fn file_matches(store: &Store, id: &str, query: &str) -> bool {
    let path = store.path(id);
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    if !text.contains('\\') && !text.to_lowercase().contains(query) {
        return false;
    }
    format::decode(&text).is_ok_and(|d| search::matches(&d.case, query))
}

impl Runtime<'_> {
    fn run(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
        let mut redraw = true;
        let mut last_watch = Instant::now();
        loop {
            if let Some((id, text)) = self.edit.take() {
                // What the editor starts from: the notes as shown now (the save just before
                // may have merged in a change from elsewhere), edited from what this screen
                // last merged from disk (the same, unless that save failed).
                let (base, text) = if app.notes.case_id.as_deref() == Some(id.as_str()) {
                    (app.notes.base.clone(), app.notes.text())
                } else {
                    (text.clone(), text)
                };
                self.edit_notes(terminal, app, &id, &base, &text)?;
                redraw = true;
            }
            if self.stops.stop.swap(false, Ordering::SeqCst) {
                // `kill -TSTP`: as Ctrl-Z, typed notes saved first.
                let effects = app.update(Action::Suspend);
                if self.apply(app, effects) {
                    return Ok(());
                }
            }
            if std::mem::take(&mut self.suspend) {
                self.stop(terminal)?;
                redraw = true;
            } else if self.stops.resumed.swap(false, Ordering::SeqCst) {
                // Continued after a stop we did not make (SIGSTOP): the shell may have reset
                // the terminal meanwhile.
                resume(self.mouse)?;
                terminal
                    .clear()
                    .map_err(|e| format!("cannot redraw: {e}"))?;
                redraw = true;
            }
            redraw |= self.search.serve(app);
            redraw |= self.load_wanted(app);
            let queued = app.take_queued();
            if !queued.is_empty() {
                redraw = true;
                if self.apply(app, queued) {
                    return Ok(());
                }
            }
            let now = self.clock.now();
            if now != app.now {
                redraw |= app.ticking() || app.notes.dirty;
                let effects = app.tick(now);
                redraw |= !effects.is_empty();
                if self.apply(app, effects) {
                    return Ok(());
                }
            }
            // What a signal would have to save if it ended the process during the next wait.
            if let Ok(mut pending) = self.pending.lock() {
                *pending = app.notes.unsaved(app.now);
            }
            if redraw {
                terminal
                    .draw(|f| ui::draw(f, app, &self.theme))
                    .map_err(|e| format!("cannot draw: {e}"))?;
                redraw = false;
                assert!(
                    !(app.notes.dirty && fault::strikes(Fault::Panic)),
                    "injected fault (RUNAROUND_FAULT=panic)"
                );
            }
            if event::poll(self.timeout(app)).map_err(|e| format!("terminal: {e}"))? {
                let effects = match event::read().map_err(|e| format!("terminal: {e}"))? {
                    Event::Key(key) if key.kind != KeyEventKind::Release => Some(app.key(key)),
                    Event::Paste(text) => {
                        app.paste(&text);
                        Some(Vec::new())
                    }
                    // The pointer moving changes nothing on screen: no redraw for it.
                    Event::Mouse(mouse)
                        if matches!(
                            mouse.kind,
                            MouseEventKind::Moved | MouseEventKind::Drag(_)
                        ) =>
                    {
                        None
                    }
                    Event::Mouse(mouse) => Some(app.mouse(mouse)),
                    _ => Some(Vec::new()),
                };
                redraw |= effects.is_some();
                let effects = effects.unwrap_or_default();
                if self.apply(app, effects) {
                    return Ok(());
                }
            }
            if last_watch.elapsed() >= WATCH_EVERY {
                last_watch = Instant::now();
                redraw |= self.watch(app);
            }
        }
    }

    /// Reads the selected case in full when the app wants it. Returns whether it did.
    fn load_wanted(&mut self, app: &mut App) -> bool {
        let mut loaded = false;
        // Each round settles one case (read, unreadable or gone); the bound is a safeguard.
        for _ in 0..4 {
            let Some(id) = app.wanted().map(str::to_string) else {
                break;
            };
            loaded = true;
            if let Ok(entry) = self.store.load(&id) {
                self.hand_over(app, entry);
            } else {
                self.stamps.remove(&id);
                app.lost(&id, None);
            }
        }
        loaded
    }

    /// Gives the app a case file just read, and remembers its stamp.
    fn hand_over(&mut self, app: &mut App, entry: Entry) {
        self.stamps.insert(entry.id().to_string(), entry.stamp());
        match entry {
            CaseFile::Readable { body, access, .. } => {
                app.saved(body, access.read_only().map(ToString::to_string));
            }
            CaseFile::Unreadable { id, problem, .. } => app.lost(&id, Some(problem.to_string())),
        }
    }

    /// How long to wait for input: until the next whole second while something ticks (or
    /// notes wait to be saved), briefly while a search runs, else until the next look at the
    /// journal.
    fn timeout(&self, app: &App) -> Duration {
        if self.search.asked.is_some() && app.wanted_search().is_some() {
            return SEARCH_POLL;
        }
        match self.clock.until_next_second() {
            Some(wait) if app.ticking() || app.notes.dirty => wait.min(WATCH_EVERY),
            _ => WATCH_EVERY,
        }
    }

    /// Carries out effects; returns whether to quit.
    fn apply(&mut self, app: &mut App, effects: Vec<Effect>) -> bool {
        let mut quit = false;
        for effect in effects {
            match effect {
                // Notes whose save just failed are not left without asking.
                Effect::Quit => quit = app.quitting(),
                Effect::Suspend => self.suspend = true,
                Effect::Mutate { id, mutation } => {
                    self.mutate(app, &id, &mutation);
                }
                Effect::EditNotes { id, text } => self.edit = Some((id, text)),
                Effect::Create(mut case) => match self.store.create(case.clone()) {
                    Ok(id) => {
                        self.note_stamp(&id);
                        case.id = id;
                        app.created(case);
                    }
                    Err(e) => app.failed("new case", &e.to_string()),
                },
            }
        }
        quit
    }

    /// Changes case `id` under its lock and hands the saved case to the app. Returns whether
    /// it was saved.
    fn mutate(&mut self, app: &mut App, id: &str, mutation: &Mutation) -> bool {
        match update_notes(self.store, id, mutation) {
            Ok((merge, case)) => {
                self.note_stamp(id);
                app.saved(case, None);
                match merge {
                    Merge::Plain => {}
                    Merge::Merged => app.say("notes merged with a change saved elsewhere"),
                    Merge::Conflict => app.complain(
                        "notes were changed elsewhere too: both versions kept, between \
                         <<<<<<< typed here and >>>>>>> saved elsewhere lines",
                    ),
                }
                true
            }
            Err(e) => {
                if let (Mutation::SetNotes { .. }, UpdateError::Storage(Locked { pid, .. })) =
                    (mutation, &e)
                {
                    // Another process is changing the case: the text stays typed (and dirty)
                    // and the next tick tries again.
                    let by = pid.map_or_else(|| "another process".into(), |p| format!("pid {p}"));
                    app.failed(id, &format!("case {id} is in use by {by}; will retry"));
                    return false;
                }
                let mut error = match e {
                    UpdateError::Change(e) => e,
                    UpdateError::Storage(e) => e.to_string(),
                };
                // Where the text went matters more than why: it goes first, so a narrow
                // status line still shows it.
                if let Mutation::SetNotes { text, .. } = mutation {
                    let kept = self.rescue(id, text);
                    error = format!("{kept} — {error}");
                    app.notes_kept = Some(kept);
                }
                app.failed(id, &error);
                false
            }
        }
    }

    /// Hands the terminal to the user's editor on case `id`'s notes (`text`, edited from
    /// `base` as on disk), takes it back, and saves what they wrote, merged with whatever
    /// changed meanwhile.
    fn edit_notes(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        id: &str,
        base: &str,
        text: &str,
    ) -> Result<(), String> {
        let edit = match editing::Edit::open(self.store.dir(), id, base, text) {
            Ok(edit) => edit,
            Err(e) => {
                app.complain(format!("notes not changed: {e}"));
                return Ok(());
            }
        };
        self.stops.in_editor.store(true, Ordering::SeqCst);
        let edited = self.run_editor(&edit);
        self.stops.in_editor.store(false, Ordering::SeqCst);
        // A Ctrl-Z in the editor stopped us along with it; nothing more to do for it.
        self.stops.stop.store(false, Ordering::SeqCst);
        self.stops.resumed.store(false, Ordering::SeqCst);
        resume(self.mouse)?;
        terminal
            .clear()
            .map_err(|e| format!("cannot redraw: {e}"))?;
        let edited = match edited {
            Ok(edited) => edited,
            Err(e) => {
                edit.finish();
                app.complain(format!("notes not changed: {e}"));
                return Ok(());
            }
        };
        // Editors end the last line; the notes did not have to.
        let edited = editing::as_notes(&edited, text);
        if edited == text {
            edit.finish();
            app.say("notes unchanged");
            return Ok(());
        }
        let mutation = Mutation::SetNotes {
            base: base.to_string(),
            text: edited,
            now: self.clock.now(),
        };
        // The editor's file goes only once its text is in the case: when the save fails, the
        // next start merges it in.
        if self.mutate(app, id, &mutation) {
            edit.finish();
            if !app.message.as_ref().is_some_and(|m| m.error) {
                app.say("notes saved from the editor");
            }
        }
        Ok(())
    }

    /// Hands the terminal back and stops the process until `fg`; then takes it back.
    fn stop(&mut self, terminal: &mut DefaultTerminal) -> Result<(), String> {
        use signal_hook::consts::SIGTSTP;
        suspend(self.mouse);
        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
        // Back after `fg`.
        self.stops.stop.store(false, Ordering::SeqCst);
        self.stops.resumed.store(false, Ordering::SeqCst);
        resume(self.mouse)?;
        terminal.clear().map_err(|e| format!("cannot redraw: {e}"))
    }

    /// Suspends the TUI and runs `$VISUAL`, `$EDITOR` or `vi` on the edit's file; returns
    /// what the file holds afterwards.
    fn run_editor(&self, edit: &editing::Edit) -> Result<String, String> {
        let editor = ["VISUAL", "EDITOR"]
            .iter()
            .filter_map(std::env::var_os)
            .find(|v| !v.is_empty())
            .map_or_else(|| "vi".to_string(), |v| v.to_string_lossy().into_owned());
        suspend(self.mouse);
        // Through the shell, as other tools do, so that EDITOR may carry arguments.
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(&edit.copy)
            .status()
            .map_err(|e| format!("cannot run {editor}: {e}"))?;
        if !status.success() {
            return Err(format!("{editor} exited with {status}"));
        }
        edit.read()
    }

    fn note_stamp(&mut self, id: &str) {
        if let Some(s) = self.store.stamp(id) {
            self.stamps.insert(id.to_string(), s);
        }
        self.dir_stamp = self.store.dir_stamp();
    }

    /// Picks up changes made by other processes. Returns whether anything changed.
    fn watch(&mut self, app: &mut App) -> bool {
        let mut removed = false;
        let dir_stamp = self.store.dir_stamp();
        let files: Vec<(String, Option<Stamp>)> = if dir_stamp == self.dir_stamp {
            // Nothing was created, replaced or deleted; a file edited in place is caught for
            // the case on screen.
            app.selected_row()
                .map(|r| (r.id().to_string(), self.store.stamp(r.id())))
                .into_iter()
                .collect()
        } else {
            self.dir_stamp = dir_stamp;
            let Ok(files) = self.store.stamps() else {
                return false;
            };
            let present: HashSet<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
            let gone: Vec<String> = self
                .stamps
                .keys()
                .filter(|id| !present.contains(id.as_str()))
                .cloned()
                .collect();
            for id in &gone {
                self.stamps.remove(id);
                app.lost(id, None);
            }
            removed = !gone.is_empty();
            files.into_iter().map(|(id, s)| (id, Some(s))).collect()
        };
        let mut changed = removed;
        for (id, stamp) in files {
            if stamp.is_some()
                && stamp != self.stamps.get(&id).copied()
                && let Ok(entry) = self.store.load(&id)
            {
                self.hand_over(app, entry);
                changed = true;
            }
        }
        changed
    }

    /// Puts notes that could not be saved into the case's rescue file; says where.
    fn rescue(&self, id: &str, text: &str) -> String {
        match self.store.rescue_notes(id, text) {
            Ok(path) => format!("the notes are kept in {}", path.display()),
            Err(e) => format!("the notes could not be rescued either ({e})"),
        }
    }

    /// Saves typed notes on the way out. When that fails, the text goes to the rescue file so
    /// it is never lost; the returned message says where.
    fn save_notes(&mut self, app: &mut App) -> Option<String> {
        let (id, mutation) = app.notes.take_save(self.clock.now())?;
        let error = self.store.update(&id, |case| mutation.apply(case)).err()?;
        let text = match &mutation {
            Mutation::SetNotes { text, .. } => text.as_str(),
            _ => "",
        };
        Some(format!(
            "runaround: the notes of case {id} could not be saved ({error}); {}",
            self.rescue(&id, text)
        ))
    }
}
