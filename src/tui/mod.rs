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
pub mod wake;
mod watch;

use std::io::stdout;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
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

/// The longest the loop sleeps: nothing on screen changes by itself, no key is pressed and
/// nothing is told of the journal, so once a minute is more than enough.
const IDLE_MOST: Duration = Duration::from_secs(60);

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
    let bell = wake::Bell::default();
    let mut runtime = Runtime {
        executor: Executor::new(store.clone(), stamps)
            .with_search_thread(&bell)
            .with_fill(fill, &index, &bell),
        // Watched once the first frame is up (the first look is at once then).
        journal: wake::Journal::later(),
        watch: Some((
            store.dir().to_path_buf(),
            store.cases_dir().to_path_buf(),
            polls(),
        )),
        inbox: wake::Inbox::new(bell.clone()),
        bell,
        next_change: None,
        size: terminal
            .size()
            .map(|s| (s.width, s.height))
            .unwrap_or_default(),
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

/// Whether `RUNAROUND_WATCH=poll` asks to look at the journal every few seconds rather than
/// be told of its changes.
fn polls() -> bool {
    std::env::var("RUNAROUND_WATCH").is_ok_and(|v| v == "poll")
}

struct Runtime {
    executor: Executor,
    /// How changes made to the journal elsewhere are learned of.
    journal: wake::Journal,
    /// The journal's directory and cases directory, and whether to poll them, until the watch
    /// begins (after the first frame).
    watch: Option<(std::path::PathBuf, std::path::PathBuf, bool)>,
    /// Messages from other threads.
    inbox: wake::Inbox,
    /// What the other threads wake the loop with.
    bell: wake::Bell,
    /// When the screen as last drawn next reads differently by itself.
    next_change: Option<DateTime<Utc>>,
    /// The terminal's size as last reported: a resize event of the same size is only a
    /// ring of the bell.
    size: (u16, u16),
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

    /// The loop: signals, messages from other threads and the clock; a frame when something
    /// changed; then input until the next moment the screen changes by itself (or a minute),
    /// and a look at the journal when it was told to change (or when it is due).
    fn run(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
        let mut redraw = true;
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
                self.next_change = app.next_change();
                assert!(
                    !(app.notes.dirty && fault::strikes(Fault::Panic)),
                    "injected fault (RUNAROUND_FAULT=panic)"
                );
                // The rest of the journal is listed, and watched, once its first screen is up.
                self.executor.begin_fill(app.now);
                if let Some((dir, cases, poll)) = self.watch.take() {
                    self.journal = wake::Journal::start(&dir, &cases, &self.bell, poll);
                }
            }
            if event::poll(self.timeout(app)).map_err(|e| format!("terminal: {e}"))? {
                let event = event::read().map_err(|e| format!("terminal: {e}"))?;
                let Some(changed) = self.input(terminal, app, event)? else {
                    return Ok(());
                };
                redraw |= changed;
            }
            if let Some(named) = self.journal.due(Instant::now()) {
                let selected = app.selected_row().map(|r| r.id().to_string());
                let seen = self.executor.dir_stamp;
                let on_disk = self.executor.watch(selected.as_deref(), &named);
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

    /// What happened since the last frame: a stop or continue signal, search answers and
    /// other threads' messages, the clock moving on. Returns whether the screen changed, or
    /// None to quit.
    fn between_frames(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
    ) -> Result<Option<bool>, String> {
        let mut redraw = false;
        // What the threads leave from here on rings again.
        self.bell.answer();
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
        let mut found = self.executor.answers();
        found.extend(self.inbox.take());
        redraw |= !found.is_empty();
        if self.hand(terminal, app, found)? {
            return Ok(None);
        }
        let now = self.clock.now();
        if now != app.now {
            redraw |= app.shown_counters_change(app.now, now)
                || app.notes.dirty
                || self.next_change.is_some_and(|at| now >= at);
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
            // A resize: draw again. One that leaves the size as it was is the bell (or a stop
            // signal, which says itself whether to draw).
            Event::Resize(width, height) => {
                let resized = (width, height) != self.size;
                self.size = (width, height);
                return Ok(Some(resized));
            }
            _ => return Ok(Some(true)),
        };
        if self.hand(terminal, app, vec![msg])? {
            return Ok(None);
        }
        Ok(Some(true))
    }

    /// How long to wait for input: until the next second while notes wait to be saved, else
    /// until the screen next changes by itself or the journal is next looked at, and a minute
    /// at most. Search answers and changes told of the journal ring the bell meanwhile.
    fn timeout(&self, app: &App) -> Duration {
        // A change told while the bell still rang for the last one (its own write, say)
        // rang no new bell: look at once.
        if self.journal.told() {
            return Duration::ZERO;
        }
        let look = self
            .journal
            .next_look()
            .map(|at| at.saturating_duration_since(Instant::now()));
        let Some(to_next_second) = self.clock.until_next_second() else {
            // A fixed clock never ticks.
            return wait(None, look);
        };
        let change = if app.notes.dirty {
            Some(to_next_second)
        } else {
            self.next_change
                .map(|at| until(at, self.clock.now(), to_next_second))
        };
        wait(change, look)
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

/// How long from `now` (a clock reading, whole seconds) until the clock reads `at`, when its
/// next second comes in `to_next_second`.
fn until(at: DateTime<Utc>, now: DateTime<Utc>, to_next_second: Duration) -> Duration {
    let after_that = (at - now).num_seconds().saturating_sub(1).max(0);
    to_next_second + Duration::from_secs(after_that.unsigned_abs())
}

/// How long the loop sleeps: until the screen next changes (`change`), the journal must be
/// looked at (`look`, when polling), or a minute, whichever is first.
fn wait(change: Option<Duration>, look: Option<Duration>) -> Duration {
    [change, look]
        .into_iter()
        .flatten()
        .fold(IDLE_MOST, Duration::min)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_loop_sleeps_until_the_clock_reads_the_next_change() {
        let now = at("2026-03-10T12:00:00Z");
        let to_next = Duration::from_millis(300);
        // The next second: when the clock next moves on.
        let next = until(now + chrono::Duration::seconds(1), now, to_next);
        assert_eq!(next, to_next);
        // A minute's tick 40 seconds on: 39 whole seconds after the next one.
        let minute = until(now + chrono::Duration::seconds(40), now, to_next);
        assert_eq!(minute, to_next + Duration::from_secs(39));
        // Already due: at the next second, not never.
        assert_eq!(until(now, now, to_next), to_next);
        assert_eq!(
            until(now - chrono::Duration::seconds(5), now, to_next),
            to_next
        );
    }

    #[test]
    fn the_loop_sleeps_a_minute_at_most() {
        let a_while = Duration::from_secs(5);
        assert_eq!(wait(None, None), IDLE_MOST);
        assert_eq!(wait(Some(Duration::from_secs(86_400)), None), IDLE_MOST);
        assert_eq!(wait(Some(a_while), None), a_while);
        assert_eq!(wait(None, Some(a_while)), a_while);
        assert_eq!(wait(Some(Duration::from_secs(9)), Some(a_while)), a_while);
        assert_eq!(wait(Some(a_while), Some(Duration::from_secs(9))), a_while);
    }
}
