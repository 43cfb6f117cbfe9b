//! The runtime loop: sets up and always restores the terminal, turns terminal events into app
//! updates, carries out the app's effects against storage, watches the journal for changes made
//! by other processes, and saves typed notes before exiting on quit, SIGHUP, SIGTERM or SIGQUIT.
//! Ctrl-Z (or a SIGTSTP from elsewhere) saves the notes, hands the terminal back and stops;
//! `fg` takes the terminal back and draws everything again.

mod editing;
mod editor;
pub mod executor;
mod rescue;
mod search;
mod signals;
mod terminal;
mod watch;

use std::collections::HashMap;
use std::io::stdout;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};

use chrono::{DateTime, Utc};

use crate::app::{Action, App, Effect, Msg, Prefs, Row, update};
use crate::clock::Clock;
use crate::config::Config;
use crate::fault::{self, Fault};
use crate::index::{Listed, Scan};
use crate::storage::{Stamp, Store};
use crate::ui::{self, theme::Theme};

use executor::{Executor, drive};
use signals::{Pending, Stops};
use terminal::TerminalMode;

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
                Listed::Case {
                    summary, read_only, ..
                } => Row::Case {
                    summary: summary.clone(),
                    read_only: read_only.clone(),
                },
                Listed::Unreadable { id, reason, .. } => Row::Unreadable {
                    id: id.clone(),
                    reason: reason.clone(),
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
    let mut app = App::new(Vec::new(), clock.now());
    app.demo = options.demo;
    app.configure(
        options.config.keymap.clone(),
        Prefs {
            default_organisation: options.config.default_organisation.clone(),
            date_format: options.config.date_format.clone(),
        },
    );
    let pending: Pending = Arc::new(Mutex::new(None));
    let mode = TerminalMode {
        mouse: options.config.mouse,
    };
    signals::watch_signals(
        store.clone(),
        Arc::clone(&pending),
        options.demo,
        mode,
        index.clone(),
    )?;
    let stops = Stops::default();
    signals::watch_stops(&stops)?;
    signals::on_panic(store.clone(), Arc::clone(&pending), mode);
    let (mut terminal, entered) = mode.enter();
    let mut runtime = Runtime {
        executor: Executor::new(store.clone(), stamps).with_search_thread(),
        clock,
        theme: Theme::named(options.config.theme, options.no_color),
        pending,
        mode,
        stops,
    };
    let result = runtime.start(&mut terminal, &mut app, rows, recovered);
    // Whatever happened, typed notes are saved before the terminal is handed back.
    let rescue = rescue::save_on_exit(store, app.notes.take_save(clock.now()));
    drop(entered);
    if let Some(msg) = rescue {
        eprintln!("{msg}");
    }
    index.finish(Duration::from_secs(1));
    result
}

struct Runtime {
    executor: Executor,
    clock: Clock,
    theme: Theme,
    /// The notes save to make if a signal ends the process now.
    pending: Pending,
    mode: TerminalMode,
    stops: Stops,
}

impl Runtime {
    /// Shows the journal listed as `rows` and runs until the user quits.
    fn start(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        rows: Vec<Row>,
        recovered: Option<String>,
    ) -> Result<(), String> {
        if self.hand(terminal, app, vec![Msg::Listed(rows)])? {
            return Ok(());
        }
        if let Some(told) = recovered {
            app.say(told);
        }
        self.run(terminal, app)
    }

    fn run(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
        let mut redraw = true;
        let mut last_watch = Instant::now();
        loop {
            if self.stops.stop.swap(false, Ordering::SeqCst) {
                // `kill -TSTP`: as Ctrl-Z, typed notes saved first.
                redraw = true;
                if self.hand(terminal, app, vec![Msg::Action(Action::Suspend)])? {
                    return Ok(());
                }
            } else if self.stops.resumed.swap(false, Ordering::SeqCst) {
                // Continued after a stop we did not make (SIGSTOP): the shell may have reset
                // the terminal meanwhile.
                self.mode.resume(terminal)?;
                redraw = true;
            }
            let found = self.executor.answers();
            redraw |= !found.is_empty();
            if self.hand(terminal, app, found)? {
                return Ok(());
            }
            let now = self.clock.now();
            if now != app.now {
                redraw |= app.ticking() || app.notes.dirty;
                let effects = update(app, Msg::Tick(now));
                redraw |= !effects.is_empty();
                if self.carry_out(terminal, app, effects)? {
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
                let msg = match event::read().map_err(|e| format!("terminal: {e}"))? {
                    Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
                    Event::Paste(text) => Some(Msg::Paste(text)),
                    // The pointer moving changes nothing on screen: no redraw for it.
                    Event::Mouse(mouse)
                        if matches!(
                            mouse.kind,
                            MouseEventKind::Moved | MouseEventKind::Drag(_)
                        ) =>
                    {
                        None
                    }
                    Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
                    // A resize (or the SIGWINCH a stop signal raises): draw again.
                    _ => {
                        redraw = true;
                        None
                    }
                };
                if let Some(msg) = msg {
                    redraw = true;
                    if self.hand(terminal, app, vec![msg])? {
                        return Ok(());
                    }
                }
            }
            if last_watch.elapsed() >= WATCH_EVERY {
                last_watch = Instant::now();
                let selected = app.selected_row().map(|r| r.id().to_string());
                let changes = self.executor.watch(selected.as_deref());
                redraw |= !changes.is_empty();
                if self.hand(terminal, app, changes)? {
                    return Ok(());
                }
            }
        }
    }

    /// How long to wait for input: until the next whole second while something ticks (or
    /// notes wait to be saved), briefly while a search runs, else until the next look at the
    /// journal.
    fn timeout(&self, app: &App) -> Duration {
        if self.executor.searching() && app.wanted_search().is_some() {
            return SEARCH_POLL;
        }
        match self.clock.until_next_second() {
            Some(wait) if app.ticking() || app.notes.dirty => wait.min(WATCH_EVERY),
            _ => WATCH_EVERY,
        }
    }

    /// Hands `msgs` to the app and carries out what it answers. Returns whether to quit.
    fn hand(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        msgs: Vec<Msg>,
    ) -> Result<bool, String> {
        for msg in msgs {
            let effects = update(app, msg);
            if self.carry_out(terminal, app, effects)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Carries out `effects` through the executor; the terminal's own (the editor, Ctrl-Z)
    /// here. Returns whether to quit.
    fn carry_out(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        effects: Vec<Effect>,
    ) -> Result<bool, String> {
        let (mode, clock, stops) = (self.mode, self.clock, self.stops.clone());
        drive(
            &mut self.executor,
            app,
            effects,
            &mut |executor, app, effect| match effect {
                Effect::Suspend => {
                    stop(terminal, mode, &stops)?;
                    Ok(Vec::new())
                }
                Effect::EditNotes { id, text } => {
                    editor::edit(executor, terminal, (mode, &stops, clock), app, &id, &text)
                }
                _ => Ok(Vec::new()),
            },
        )
    }
}

/// Hands the terminal back and stops the process until `fg`; then takes it back.
fn stop(terminal: &mut DefaultTerminal, mode: TerminalMode, stops: &Stops) -> Result<(), String> {
    use signal_hook::consts::SIGTSTP;
    mode.leave();
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    // Back after `fg`.
    stops.stop.store(false, Ordering::SeqCst);
    stops.resumed.store(false, Ordering::SeqCst);
    mode.resume(terminal)
}
