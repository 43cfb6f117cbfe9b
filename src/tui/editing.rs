//! The copy of a case's notes handed to the user's editor (`E`), kept so that what is written
//! there survives the TUI's end: when the terminal closes while the editor is open, the TUI
//! exits at once and the text saved in the editor is still in its file.
//!
//! An edit is two private files in the data directory: `.editing-ID-XXXXXX.txt`, the editor's
//! file, and `.editing-ID-XXXXXX.base` beside it, the notes it started from, locked by the TUI
//! for as long as the edit lasts (the lock goes with the process). At the next start, every
//! edit whose lock is free and whose text differs from its base is merged into the case (a
//! three-way merge from the base, as any notes save), and only then are its files removed.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::executor::update_notes;
use crate::app::Merge;
use crate::app::Mutation;
use crate::storage::{Store, valid_id};

const PREFIX: &str = ".editing-";

/// One edit in the user's editor, open.
pub struct Edit {
    /// The file the editor works on.
    pub copy: PathBuf,
    base: PathBuf,
    /// Held while the edit lasts: a free lock means the TUI that made it is gone.
    _lock: File,
}

impl Edit {
    /// Writes `text`, the notes of case `id` as edited from `base` (the notes on disk), for
    /// the editor, with the base beside it.
    pub fn open(dir: &Path, id: &str, base_text: &str, text: &str) -> Result<Edit, String> {
        let private = |suffix: &str| {
            tempfile::Builder::new()
                .prefix(&format!("{PREFIX}{id}-"))
                .suffix(suffix)
                .permissions(fs::Permissions::from_mode(0o600))
                .tempfile_in(dir)
                .map_err(|e| {
                    crate::t!(
                        "editing-cannot-make-temp",
                        dir = dir.display().to_string(),
                        error = e.to_string()
                    )
                })
        };
        // The base first, locked before anything is in it, so that no other start takes the
        // edit for one left behind.
        let (mut lock, base) = private(".base")?
            .keep()
            .map_err(|e| crate::t!("editing-cannot-keep-temp", error = e.to_string()))?;
        let copy = base.with_extension("txt");
        let wrote = lock
            .lock()
            .map_err(|e| {
                crate::t!(
                    "editing-cannot-lock",
                    path = base.display().to_string(),
                    error = e.to_string()
                )
            })
            .and_then(|()| {
                lock.write_all(base_text.as_bytes())
                    .and_then(|()| lock.sync_all())
                    .map_err(|e| {
                        crate::t!(
                            "editing-cannot-write",
                            path = base.display().to_string(),
                            error = e.to_string()
                        )
                    })
            })
            .and_then(|()| {
                let mut file = OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&copy)
                    .map_err(|e| {
                        crate::t!(
                            "editing-cannot-make",
                            path = copy.display().to_string(),
                            error = e.to_string()
                        )
                    })?;
                file.write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|e| {
                        crate::t!(
                            "editing-cannot-write",
                            path = copy.display().to_string(),
                            error = e.to_string()
                        )
                    })
            });
        if let Err(e) = wrote {
            let _ = fs::remove_file(&copy);
            let _ = fs::remove_file(&base);
            return Err(e);
        }
        Ok(Edit {
            copy,
            base,
            _lock: lock,
        })
    }

    /// What the editor left in its file.
    pub fn read(&self) -> Result<String, String> {
        fs::read_to_string(&self.copy)
            .map_err(|e| crate::t!("editing-cannot-read-back", error = e.to_string()))
    }

    /// The edit is over (its text saved, or nothing to save): its files go.
    pub fn finish(self) {
        let _ = fs::remove_file(&self.copy);
        let _ = fs::remove_file(&self.base);
    }
}

/// What the editor wrote, as notes: cleaned of control characters, and without the newline
/// editors end the last line with when `from` (the notes it started from) had none.
pub fn as_notes(edited: &str, from: &str) -> String {
    let mut edited = crate::domain::text::clean(edited);
    if !from.ends_with('\n') && edited.ends_with('\n') {
        edited.pop();
    }
    edited
}

/// Merges into their cases the edits left behind by a TUI that ended while the editor was
/// open; returns what to tell the user (nothing when there was nothing to merge).
pub fn recover(store: &Store, now: DateTime<Utc>) -> Option<String> {
    let mut told = Vec::new();
    let Ok(entries) = fs::read_dir(store.dir()) else {
        return None;
    };
    let mut bases: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "base")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(PREFIX))
        })
        .collect();
    bases.sort();
    for base in bases {
        if let Some(message) = recover_one(store, &base, now) {
            told.push(message);
        }
    }
    (!told.is_empty()).then(|| told.join("; "))
}

fn recover_one(store: &Store, base_path: &Path, now: DateTime<Utc>) -> Option<String> {
    let name = base_path.file_name()?.to_str()?;
    let (id, _) = name.strip_prefix(PREFIX)?.rsplit_once('-')?;
    if !valid_id(id) {
        return None;
    }
    let file = OpenOptions::new().read(true).open(base_path).ok()?;
    // Still held: the edit is open in a TUI that runs.
    file.try_lock().ok()?;
    let copy = base_path.with_extension("txt");
    let edited = match fs::read_to_string(&copy) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let _ = fs::remove_file(base_path);
            return None;
        }
        Err(e) => {
            return Some(crate::t!(
                "editing-unreadable",
                id = id,
                error = e.to_string(),
                path = copy.display().to_string()
            ));
        }
    };
    let base = fs::read_to_string(base_path).ok()?;
    let edited = as_notes(&edited, &base);
    let forget = || {
        let _ = fs::remove_file(&copy);
        let _ = fs::remove_file(base_path);
    };
    if edited == base {
        forget();
        return None;
    }
    let mutation = Mutation::SetNotes {
        base,
        text: edited,
        now,
    };
    match update_notes(store, id, &mutation) {
        Ok((merge, _)) => {
            forget();
            Some(match merge {
                Merge::Conflict => crate::t!("editing-merged-conflict", id = id),
                Merge::Plain | Merge::Merged => crate::t!("editing-merged", id = id),
            })
        }
        Err(e) => Some(crate::t!(
            "editing-not-merged",
            id = id,
            error = e.to_string(),
            path = copy.display().to_string()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Case;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-04-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn store_with_notes(notes: &str) -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut case = Case::new("c1", "Title", "Org", now());
        case.notes = notes.to_string();
        store.insert(&case).unwrap();
        (dir, store, "c1".to_string())
    }

    fn notes(store: &Store, id: &str) -> String {
        match store.load(id).unwrap() {
            crate::storage::Entry::Readable { body: case, .. } => case.notes,
            crate::storage::Entry::Unreadable {
                problem: reason, ..
            } => panic!("{reason}"),
        }
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(PREFIX))
            .collect()
    }

    #[test]
    fn an_edit_left_behind_is_merged_with_what_changed_since_then_its_files_removed() {
        let (dir, store, id) = store_with_notes("line one\nline two");
        let edit =
            Edit::open(store.dir(), &id, "line one\nline two", "line one\nline two").unwrap();
        fs::write(&edit.copy, "line one\nline two\nwritten in the editor\n").unwrap();
        // Meanwhile another process changed the first line.
        store
            .update(&id, |c| {
                c.notes = "line one, changed elsewhere\nline two".into();
                Ok::<(), String>(())
            })
            .unwrap();
        // While the edit is open (its TUI runs), it is left alone.
        assert_eq!(recover(&store, now()), None);
        assert_eq!(leftovers(dir.path()).len(), 2);
        // The TUI ended without finishing the edit: the lock is free.
        drop(edit);
        let told = recover(&store, now()).expect("the user is told");
        assert!(told.contains("merged into case c1"), "{told}");
        assert_eq!(
            notes(&store, &id),
            "line one, changed elsewhere\nline two\nwritten in the editor"
        );
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn an_edit_left_unchanged_goes_without_a_word() {
        let (dir, store, id) = store_with_notes("same");
        drop(Edit::open(store.dir(), &id, "same", "same").unwrap());
        assert_eq!(recover(&store, now()), None);
        assert_eq!(notes(&store, &id), "same");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn an_edit_that_cannot_be_merged_stays_on_disk() {
        let (dir, store, id) = store_with_notes("x");
        let edit = Edit::open(store.dir(), &id, "x", "x").unwrap();
        fs::write(&edit.copy, "y").unwrap();
        drop(edit);
        fs::remove_file(store.path(&id)).unwrap();
        let told = recover(&store, now()).unwrap();
        assert!(told.contains("could not be merged"), "{told}");
        assert_eq!(leftovers(dir.path()).len(), 2);
    }
}
