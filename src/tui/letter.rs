//! Writes a letter of the TUI's letter key into the journal's `letters/` directory.

use std::os::unix::fs::DirBuilderExt;

use crate::app::{Msg, Target};
use crate::storage::Store;

/// Writes `text` to `letters/ID-complaint.txt` in the journal (`-2`, `-3`, … when taken),
/// readable by the user only: answered by [`Msg::LetterWritten`] or [`Msg::Failed`].
pub fn write(store: &Store, id: &str, text: &str) -> Msg {
    let dir = store.dir().join("letters");
    let failed = |error: String| Msg::Failed {
        target: Target::Case(id.to_string()),
        error: crate::t!("letters-cannot-write", error = error),
        kept: None,
    };
    if let Err(e) = std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
    {
        return failed(format!("{}: {e}", dir.display()));
    }
    let path = (1..10_000)
        .map(|n| {
            dir.join(if n == 1 {
                format!("{id}-complaint.txt")
            } else {
                format!("{id}-complaint-{n}.txt")
            })
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{id}-complaint.txt")));
    match crate::storage::write_file(&path, text.as_bytes()) {
        Ok(()) => Msg::LetterWritten {
            id: id.to_string(),
            path: path.display().to_string(),
        },
        Err(e) => failed(e.to_string()),
    }
}
