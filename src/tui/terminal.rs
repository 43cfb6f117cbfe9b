//! The terminal's lifecycle as one sequence, so that starting, stopping, suspending, the
//! editor, a signal and a panic all set it up and hand it back the same way.

use std::io::{Write, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

/// How the TUI uses the terminal: raw mode, the alternate screen, bracketed paste and, when
/// `mouse`, mouse capture.
#[derive(Clone, Copy, Debug)]
pub struct TerminalMode {
    pub mouse: bool,
}

impl TerminalMode {
    /// Takes the terminal (the first time, with ratatui's panic hook that restores it) and
    /// returns it with a guard that hands it back when dropped.
    pub fn enter(self) -> (DefaultTerminal, Entered) {
        let terminal = ratatui::init();
        let _ = execute!(stdout(), EnableBracketedPaste);
        if self.mouse {
            let _ = execute!(stdout(), EnableMouseCapture);
        }
        (terminal, Entered(self))
    }

    /// Hands the terminal back for another program or the shell: the normal screen, cooked
    /// mode, no bracketed paste, no mouse capture, the cursor shown. Safe to call from a signal
    /// thread or a panic hook, and more than once.
    pub fn leave(self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
        if self.mouse {
            let _ = execute!(stdout(), DisableMouseCapture);
        }
        ratatui::restore();
        let _ = execute!(stdout(), Show);
        let _ = stdout().flush();
    }

    /// Takes the terminal back after [`TerminalMode::leave`] and has everything drawn again.
    pub fn resume(self, terminal: &mut DefaultTerminal) -> Result<(), String> {
        enable_raw_mode().map_err(|e| format!("terminal: {e}"))?;
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
            .map_err(|e| format!("terminal: {e}"))?;
        if self.mouse {
            execute!(stdout(), EnableMouseCapture).map_err(|e| format!("terminal: {e}"))?;
        }
        // Not `terminal.clear()`: it asks the terminal where its cursor is, and a busy
        // machine can miss that answer's deadline, which would end the program on `fg`. The
        // screen is cleared outright, and the frame shown before is forgotten so that the next
        // draw paints everything.
        execute!(stdout(), Clear(ClearType::All)).map_err(|e| format!("terminal: {e}"))?;
        terminal.current_buffer_mut().reset();
        terminal.swap_buffers();
        Ok(())
    }
}

/// The terminal as the TUI set it up; dropping this hands it back ([`TerminalMode::leave`]).
pub struct Entered(TerminalMode);

impl Drop for Entered {
    fn drop(&mut self) {
        self.0.leave();
    }
}
