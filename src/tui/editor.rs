//! The user's own editor (`$VISUAL`, `$EDITOR` or `vi`) on a case's notes: the terminal is
//! handed over and taken back, and what they wrote is saved, merged with whatever changed
//! meanwhile.

use std::sync::atomic::Ordering;

use ratatui::DefaultTerminal;

use crate::app::{App, Edited, Msg, Mutation};
use crate::clock::Clock;

use super::editing;
use super::executor::Executor;
use super::signals::Stops;
use super::terminal::TerminalMode;

/// Hands the terminal to the user's editor on case `id`'s notes, takes it back, and saves
/// what they wrote. The editor starts from the notes as shown now (the save just before may
/// have merged in a change from elsewhere), edited from what this screen last merged from disk
/// (the same, unless that save failed); `text` is for a case whose notes are not on screen.
#[allow(clippy::too_many_arguments)]
pub fn edit(
    executor: &mut Executor,
    terminal: &mut DefaultTerminal,
    (mode, stops, clock): (TerminalMode, &Stops, Clock),
    app: &App,
    id: &str,
    text: &str,
) -> Result<Vec<Msg>, String> {
    let (base, text) = if app.notes.case_id.as_deref() == Some(id) {
        (app.notes.base.clone(), app.notes.text())
    } else {
        (text.to_string(), text.to_string())
    };
    let edit = match editing::Edit::open(executor.store().dir(), id, &base, &text) {
        Ok(edit) => edit,
        Err(e) => return Ok(vec![Msg::Edited(Edited::NotChanged(e))]),
    };
    stops.in_editor.store(true, Ordering::SeqCst);
    let edited = run_editor(mode, &edit);
    stops.in_editor.store(false, Ordering::SeqCst);
    // A Ctrl-Z in the editor stopped us along with it; nothing more to do for it.
    stops.stop.store(false, Ordering::SeqCst);
    stops.resumed.store(false, Ordering::SeqCst);
    mode.resume(terminal)?;
    let edited = match edited {
        Ok(edited) => edited,
        Err(e) => {
            edit.finish();
            return Ok(vec![Msg::Edited(Edited::NotChanged(e))]);
        }
    };
    // Editors end the last line; the notes did not have to.
    let edited = editing::as_notes(&edited, &text);
    if edited == text {
        edit.finish();
        return Ok(vec![Msg::Edited(Edited::Unchanged)]);
    }
    let mutation = Mutation::SetNotes {
        base,
        text: edited,
        now: clock.now(),
    };
    // The editor's file goes only once its text is in the case: when the save fails, the
    // next start merges it in.
    let saved = executor.mutate(id, &mutation);
    if matches!(saved, Msg::Saved { .. }) {
        edit.finish();
        Ok(vec![saved, Msg::Edited(Edited::Saved)])
    } else {
        Ok(vec![saved])
    }
}

/// Hands the terminal back and runs `$VISUAL`, `$EDITOR` or `vi` on the edit's file; returns
/// what the file holds afterwards.
fn run_editor(mode: TerminalMode, edit: &editing::Edit) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
        .map_or_else(|| "vi".to_string(), |v| v.to_string_lossy().into_owned());
    mode.leave();
    // Through the shell, as other tools do, so that EDITOR may carry arguments.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&edit.copy)
        .status()
        .map_err(|e| {
            crate::t!(
                "editor-cannot-run",
                editor = editor.as_str(),
                error = e.to_string()
            )
        })?;
    if !status.success() {
        return Err(crate::t!(
            "editor-exited",
            editor = editor.as_str(),
            status = status.to_string()
        ));
    }
    edit.read()
}
