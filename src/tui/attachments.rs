//! Opening an attached file with the system's opener (`RUNAROUND_OPENER`, else `open` on macOS
//! and `xdg-open` elsewhere), the terminal handed over meanwhile as for the editor. The opener
//! gets a private copy named as the file was (so that it can tell its type), never the
//! journal's own file.

use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::PathBuf;

use ratatui::DefaultTerminal;

use super::terminal::TerminalMode;
use crate::app::Msg;
use crate::storage::Store;
use crate::storage::attachments::safe_name;

/// The program that opens files.
fn opener() -> String {
    std::env::var_os("RUNAROUND_OPENER")
        .filter(|v| !v.is_empty())
        .map_or_else(
            || {
                if cfg!(target_os = "macos") {
                    "open".to_string()
                } else {
                    "xdg-open".to_string()
                }
            },
            |v| v.to_string_lossy().into_owned(),
        )
}

/// A private copy of the content `sha256` named `name`, in a directory of its own (0700)
/// under the temp dir: an opener that returns at once (most do) still finds it.
fn copy_for_opener(store: &Store, sha256: &str, name: &str) -> Result<PathBuf, String> {
    let source = store
        .attachment_path(sha256)
        .filter(|p| p.is_file())
        .ok_or_else(|| crate::t!("attach-tui-missing", name = name))?;
    let mut bits = [0u8; 8];
    getrandom::fill(&mut bits).map_err(|e| e.to_string())?;
    let dir = std::env::temp_dir().join(format!(
        "runaround-open-{}",
        crate::domain::ids::id_from_bits(u64::from_le_bytes(bits))
    ));
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let copy = dir.join(safe_name(name));
    let bytes = std::fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    crate::storage::write_file(&copy, &bytes).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| format!("{}: {e}", copy.display()))?;
    Ok(copy)
}

/// Opens the attachment of content `sha256`, handing the terminal over while the opener runs.
pub fn open(
    store: &Store,
    terminal: &mut DefaultTerminal,
    mode: TerminalMode,
    sha256: &str,
    name: &str,
) -> Result<Vec<Msg>, String> {
    let copy = match copy_for_opener(store, sha256, name) {
        Ok(copy) => copy,
        Err(e) => return Ok(vec![Msg::OpenedFile(Err(e))]),
    };
    let program = opener();
    mode.leave();
    // Through the shell, as the editor is, so that the opener may carry arguments.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{program} \"$1\""))
        .arg("sh")
        .arg(&copy)
        .status();
    mode.resume(terminal)?;
    let result = match status {
        Ok(s) if s.success() => Ok(name.to_string()),
        Ok(s) => Err(crate::t!(
            "attach-tui-opener-exited",
            opener = program.as_str(),
            status = s.to_string()
        )),
        Err(e) => Err(crate::t!(
            "attach-tui-opener-cannot-run",
            opener = program.as_str(),
            error = e.to_string()
        )),
    };
    Ok(vec![Msg::OpenedFile(result)])
}
