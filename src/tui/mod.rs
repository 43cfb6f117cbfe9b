//! The runtime loop: sets up and always restores the terminal, turns terminal events into app
//! updates, carries out the app's effects against storage, watches the journal for changes made
//! by other processes, and saves typed notes before exiting on quit, SIGHUP, SIGTERM or SIGQUIT.
//! Ctrl-Z (or a SIGTSTP from elsewhere) saves the notes, hands the terminal back and stops;
//! `fg` takes the terminal back and draws everything again.

mod attachments;
mod editing;
mod editor;
pub mod executor;
mod journal;
pub mod letter;
mod rescue;
mod search;
mod signals;
mod terminal;
mod watch;

use std::io::stdout;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};

use crate::app::{Action, App, Effect, Msg, Prefs, update};
use crate::clock::Clock;
use crate::config::Config;
use crate::fault::{self, Fault};
use crate::storage::Store;
use crate::ui::{self, theme::Theme};

use executor::{Executor, drive};
pub use journal::{IndexSave, Loaded, Start, first_screen, load_rows};
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
    /// Where the user's own rule packs are (`rules/` beside the config file).
    pub rules_dir: Option<std::path::PathBuf>,
}

/// How often the journal is checked for changes made elsewhere.
const WATCH_EVERY: Duration = Duration::from_secs(1);
/// How often a running search is checked for its answer.
const SEARCH_POLL: Duration = Duration::from_millis(30);

/// How long a save waits for a case another process is changing: the screen must not freeze,
/// and a save that cannot wait is retried.
const LOCK_WAIT: Duration = Duration::from_millis(200);

/// Fails, saying so, unless standard input and output are terminals: the TUI cannot run from
/// a script, cron or `ssh` without `-t`.
pub fn need_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && stdout().is_terminal() {
        Ok(())
    } else {
        Err(crate::t!("tui-needs-terminal").to_string())
    }
}

/// Where notes that could not be saved into their case wait for the user, if anywhere: said
/// at start, so that text rescued in an earlier run is not forgotten.
fn rescued_notice(store: &Store) -> Option<String> {
    let rescued = store.rescued();
    let first = rescued.first()?.file_name()?.to_string_lossy().into_owned();
    Some(match rescued.len() {
        1 => crate::t!(
            "tui-rescued-one",
            path = store.dir().join(first).display().to_string()
        ),
        n => crate::t!(
            "tui-rescued-many",
            count = n,
            dir = store.dir().display().to_string(),
            first = first
        ),
    })
}

/// Runs the TUI on `store` until the user quits or a signal ends it.
pub fn run(store: &Store, clock: Clock, options: &Options) -> Result<(), String> {
    let store = &store.clone().with_lock_wait(LOCK_WAIT);
    need_terminal()?;
    // Text written in the editor when a TUI last ended with it open goes into its case first.
    let recovered = editing::recover(store, clock.now()).or_else(|| rescued_notice(store));
    // Conflict copies a file syncer left go into their cases before the list is read (for a
    // journal bigger than its first page, on the listing's thread: said when done).
    let Start {
        first,
        stamps,
        scan,
        fill,
        told,
    } = journal::first_screen(store, clock.now())?;
    let recovered = recovered.or(told);
    let index = scan.map_or_else(IndexSave::pending, IndexSave::start);
    let mut app = App::new(Vec::new(), clock.now());
    app.demo = options.demo;
    // The rule packs are read once, at start; a pack that does not load is said, and the
    // others are in force.
    app.packs = crate::rules::load::Packs::with_user_dir(options.rules_dir.as_deref());
    let recovered = recovered.or_else(|| {
        let e = app.packs.errors.first()?;
        Some(crate::domain::text::clean(&crate::t!(
            "tui-pack-failed",
            error = e.to_string()
        )))
    });
    app.configure(
        options.config.keymap.clone(),
        Prefs {
            default_organisation: options.config.default_organisation.clone(),
            date_format: options.config.date_format.clone(),
            sender: crate::letters::Sender {
                name: options.config.sender_name.clone(),
                address: options.config.sender_address.clone(),
            },
            letters_dir: crate::letters::user_dir(options.config.path.as_deref()),
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
        executor: Executor::new(store.clone(), stamps)
            .with_search_thread()
            .with_fill(fill, &index),
        clock,
        theme: Theme::named(options.config.theme, options.no_color),
        pending,
        mode,
        stops,
    };
    let result = runtime.start(&mut terminal, &mut app, first, recovered);
    // Whatever happened, typed notes are saved before the terminal is handed back.
    let rescue = rescue::save_on_exit(store, app.notes.take_save(clock.now()));
    drop(entered);
    if let Some(msg) = rescue {
        eprintln!("{msg}");
    }
    if let Some(msg) = app.farewell() {
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
    /// Shows the journal's `first` rows and runs until the user quits.
    fn start(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        first: Msg,
        recovered: Option<String>,
    ) -> Result<(), String> {
        if self.hand(terminal, app, vec![first])? {
            return Ok(());
        }
        if let Some(told) = recovered {
            app.say(told);
        }
        self.run(terminal, app)
    }

    /// The loop: signals, search answers and the clock; a frame when something changed; then
    /// input until the next deadline, and a look at the journal every second.
    fn run(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
        let mut redraw = true;
        let mut last_watch = Instant::now();
        loop {
            let Some(changed) = self.between_frames(terminal, app)? else {
                return Ok(());
            };
            redraw |= changed;
            // What a signal would have to save if it ended the process during the next wait.
            if let Ok(mut pending) = self.pending.lock() {
                *pending = app.notes.unsaved(app.now);
            }
            if redraw {
                terminal
                    .draw(|f| ui::draw(f, app, &self.theme))
                    .map_err(|e| crate::t!("tui-cannot-draw", error = e.to_string()))?;
                redraw = false;
                assert!(
                    !(app.notes.dirty && fault::strikes(Fault::Panic)),
                    "injected fault (RUNAROUND_FAULT=panic)"
                );
                // The rest of the journal is listed once its first screen is up.
                self.executor.begin_fill(app.now);
            }
            if event::poll(self.timeout(app)).map_err(|e| format!("terminal: {e}"))? {
                let event = event::read().map_err(|e| format!("terminal: {e}"))?;
                let Some(changed) = self.input(terminal, app, event)? else {
                    return Ok(());
                };
                redraw |= changed;
            }
            if last_watch.elapsed() >= WATCH_EVERY {
                last_watch = Instant::now();
                let selected = app.selected_row().map(|r| r.id().to_string());
                let seen = self.executor.dir_stamp;
                let on_disk = self.executor.watch(selected.as_deref());
                redraw |= !on_disk.is_empty();
                if self.hand(terminal, app, on_disk)? {
                    return Ok(());
                }
                // A conflict copy a file syncer just left goes into its case (whose change the
                // next look picks up).
                if self.executor.dir_stamp != seen
                    && let Some(told) = crate::storage::conflicts::notice(self.executor.store())
                {
                    app.say(told);
                    redraw = true;
                }
            }
        }
    }

    /// What happened since the last frame: a stop or continue signal, search answers, the
    /// clock moving on. Returns whether the screen changed, or None to quit.
    fn between_frames(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
    ) -> Result<Option<bool>, String> {
        let mut redraw = false;
        if self.stops.stop.swap(false, Ordering::SeqCst) {
            // `kill -TSTP`: as Ctrl-Z, typed notes saved first.
            redraw = true;
            if self.hand(terminal, app, vec![Msg::Action(Action::Suspend)])? {
                return Ok(None);
            }
        } else if self.stops.resumed.swap(false, Ordering::SeqCst) {
            // Continued after a stop we did not make (SIGSTOP): the shell may have reset the
            // terminal meanwhile.
            self.mode.resume(terminal)?;
            redraw = true;
        }
        let found = self.executor.answers();
        redraw |= !found.is_empty();
        if self.hand(terminal, app, found)? {
            return Ok(None);
        }
        let now = self.clock.now();
        if now != app.now {
            redraw |= app.shown_counters_change(app.now, now) || app.notes.dirty;
            let effects = update(app, Msg::Tick(now));
            redraw |= !effects.is_empty();
            if self.carry_out(terminal, app, effects)? {
                return Ok(None);
            }
        }
        Ok(Some(redraw))
    }

    /// A terminal event as a message. Returns whether the screen changed, or None to quit.
    fn input(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        event: Event,
    ) -> Result<Option<bool>, String> {
        let msg = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            // The pointer moving changes nothing on screen: no redraw for it.
            Event::Mouse(mouse)
                if matches!(mouse.kind, MouseEventKind::Moved | MouseEventKind::Drag(_)) =>
            {
                return Ok(Some(false));
            }
            Event::Mouse(mouse) => Msg::Mouse(mouse),
            // A resize (or the SIGWINCH a stop signal raises): draw again.
            _ => return Ok(Some(true)),
        };
        if self.hand(terminal, app, vec![msg])? {
            return Ok(None);
        }
        Ok(Some(true))
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
                Effect::OpenAttachment { sha256, name } => {
                    attachments::open(executor.store(), terminal, mode, &sha256, &name)
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
