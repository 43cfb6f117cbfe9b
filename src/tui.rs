//! The runtime loop: sets up and always restores the terminal, turns terminal events into app
//! updates, carries out the app's effects against storage, watches the journal for changes made
//! by other processes, and saves typed notes before exiting on quit, SIGHUP, SIGTERM or SIGQUIT.

use std::collections::HashMap;
use std::io::{Write, stdout};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};

use crate::app::{App, Effect, Mutation, Row};
use crate::clock::Clock;
use crate::storage::{Entry, Stamp, Store, UpdateError};
use crate::ui::{self, theme::Theme};

/// How the TUI was started.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The journal is a temporary demo copy.
    pub demo: bool,
    /// Use no colours (`NO_COLOR`).
    pub no_color: bool,
}

/// How often the journal is checked for changes made elsewhere.
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// Loads the journal as the app's rows, with the stamps of the files read.
pub fn load_rows(store: &Store) -> Result<(Vec<Row>, HashMap<String, Stamp>), String> {
    let entries = store.load_all().map_err(|e| e.to_string())?;
    let mut stamps = HashMap::new();
    let rows = entries
        .into_iter()
        .map(|entry| {
            stamps.insert(entry.id().to_string(), entry.stamp());
            row(entry)
        })
        .collect();
    Ok((rows, stamps))
}

fn row(entry: Entry) -> Row {
    match entry {
        Entry::Ok {
            case, read_only, ..
        } => Row::Case { case, read_only },
        Entry::Unreadable { id, reason, .. } => Row::Unreadable { id, reason },
    }
}

/// Runs the TUI on `store` until the user quits or a signal ends it.
pub fn run(store: &Store, clock: Clock, options: Options) -> Result<(), String> {
    let (rows, stamps) = load_rows(store)?;
    let _ = store.clean_strays();
    let mut app = App::new(rows, clock.now());
    app.demo = options.demo;
    let pending = Arc::new(Mutex::new(None));
    watch_signals(store.clone(), Arc::clone(&pending), options.demo)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        hook(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let mut runtime = Runtime {
        store,
        clock,
        stamps,
        theme: Theme::new(options.no_color),
        dir_stamp: store.dir_stamp(),
        pending,
    };
    let result = runtime.run(&mut terminal, &mut app);
    // Whatever happened, typed notes are saved before the terminal is handed back.
    let rescue = runtime.save_notes(&mut app);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = stdout().flush();
    if let Some(msg) = rescue {
        eprintln!("{msg}");
    }
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
            let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
            let _ = disable_raw_mode();
            if let Some(msg) = rescued {
                eprintln!("{msg}");
            }
            if demo {
                // `exit` runs no destructors, so the demo's temporary journal goes by hand.
                let _ = std::fs::remove_dir_all(store.dir());
            }
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

struct Runtime<'a> {
    store: &'a Store,
    clock: Clock,
    stamps: HashMap<String, Stamp>,
    theme: Theme,
    dir_stamp: Option<std::time::SystemTime>,
    /// The notes save to make if a signal ends the process now.
    pending: Arc<Mutex<Option<(String, Mutation)>>>,
}

impl Runtime<'_> {
    fn run(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
        let mut redraw = true;
        let mut last_watch = Instant::now();
        loop {
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
            }
            if event::poll(self.timeout(app)).map_err(|e| format!("terminal: {e}"))? {
                let effects = match event::read().map_err(|e| format!("terminal: {e}"))? {
                    Event::Key(key) if key.kind != KeyEventKind::Release => app.key(key),
                    Event::Paste(text) => {
                        app.paste(&text);
                        Vec::new()
                    }
                    _ => Vec::new(),
                };
                redraw = true;
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

    /// How long to wait for input: until the next whole second while something ticks (or
    /// notes wait to be saved), else until the next look at the journal.
    fn timeout(&self, app: &App) -> Duration {
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
                Effect::Quit => quit = true,
                Effect::Mutate { id, mutation } => {
                    match self.store.update(&id, |case| mutation.apply(case)) {
                        Ok(((), case)) => {
                            self.note_stamp(&id);
                            app.saved(case, None);
                        }
                        Err(e) => {
                            let mut error = match e {
                                UpdateError::Change(e) => e,
                                UpdateError::Storage(e) => e.to_string(),
                            };
                            // Where the text went matters more than why: it goes first, so a
                            // narrow status line still shows it.
                            if let Mutation::SetNotes { text, .. } = &mutation {
                                error = format!("{} — {error}", self.rescue(&id, text));
                            }
                            app.failed(&id, &error);
                        }
                    }
                }
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

    fn note_stamp(&mut self, id: &str) {
        if let Some(s) = self.store.stamp(id) {
            self.stamps.insert(id.to_string(), s);
        }
        self.dir_stamp = self.store.dir_stamp();
    }

    /// Picks up changes made by other processes. Returns whether anything changed.
    fn watch(&mut self, app: &mut App) -> bool {
        let dir_stamp = self.store.dir_stamp();
        let ids: Vec<String> = if dir_stamp == self.dir_stamp {
            // Nothing was created, replaced or deleted; a file edited in place is caught for
            // the case on screen.
            app.selected_row()
                .map(|r| r.id().to_string())
                .into_iter()
                .collect()
        } else {
            self.dir_stamp = dir_stamp;
            let Ok(ids) = self.store.ids() else {
                return false;
            };
            let gone: Vec<String> = self
                .stamps
                .keys()
                .filter(|id| !ids.contains(id))
                .cloned()
                .collect();
            for id in &gone {
                self.stamps.remove(id);
                app.lost(id, None);
            }
            ids
        };
        let mut changed = false;
        for id in ids {
            let stamp = self.store.stamp(&id);
            if stamp.is_some()
                && stamp != self.stamps.get(&id).copied()
                && let Ok(entry) = self.store.load(&id)
            {
                self.stamps.insert(id.clone(), entry.stamp());
                match row(entry) {
                    Row::Case { case, read_only } => app.saved(case, read_only),
                    Row::Unreadable { id, reason } => app.lost(&id, Some(reason)),
                }
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
