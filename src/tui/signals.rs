//! Signals: SIGHUP, SIGTERM and SIGQUIT save typed notes, hand the terminal back and end the
//! process; SIGTSTP and SIGCONT become work for the main loop; a panic saves typed notes first.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::app::Mutation;
use crate::storage::Store;

use super::IndexSave;
use super::rescue;
use super::terminal::TerminalMode;

/// The notes save to make if a signal or a panic ends the process now.
pub type Pending = Arc<Mutex<Option<(String, Mutation)>>>;

/// Saves typed notes, restores the terminal and exits when the terminal is closed (SIGHUP) or
/// the process is asked to stop (SIGTERM, SIGQUIT); a demo journal is removed as well. This
/// runs on its own thread because after a hangup crossterm's `poll` can spin without ever
/// returning (crossterm-rs/crossterm#793), so the main loop cannot be relied on to notice.
pub fn watch_signals(
    store: Store,
    pending: Pending,
    demo: bool,
    mode: TerminalMode,
    index: IndexSave,
) -> Result<(), String> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGQUIT])
        .map_err(|e| crate::t!("tui-cannot-watch-signals", error = e.to_string()))?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let save = pending.lock().ok().and_then(|p| p.clone());
            // As on the way out of the main loop: notes that cannot go into their case go to
            // the rescue file rather than being dropped.
            let rescued = rescue::save_on_exit(&store, save);
            mode.leave();
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
pub struct Stops {
    /// A SIGTSTP came from elsewhere (`kill -TSTP`): suspend as Ctrl-Z does.
    pub stop: Arc<AtomicBool>,
    /// A SIGCONT came: take the terminal back and draw everything again.
    pub resumed: Arc<AtomicBool>,
    /// The user's editor has the terminal (and stops with us on Ctrl-Z).
    pub in_editor: Arc<AtomicBool>,
}

/// Turns SIGTSTP and SIGCONT into work for the main loop, which is woken by a SIGWINCH (its
/// terminal input reports that as a resize). While the user's editor has the terminal, a
/// SIGTSTP stops the process at once, as it would without a handler.
pub fn watch_stops(stops: &Stops) -> Result<(), String> {
    use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])
        .map_err(|e| crate::t!("tui-cannot-watch-signals", error = e.to_string()))?;
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

/// Saves what was typed before a panic's message is shown, and hands the terminal back; the
/// message names no case text.
pub fn on_panic(store: Store, pending: Pending, mode: TerminalMode) {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let save = pending.lock().ok().and_then(|p| p.clone());
        if let Some((id, mutation)) = save {
            let _ = store.update(&id, |case| mutation.apply(case));
        }
        mode.leave();
        hook(info);
    }));
}
