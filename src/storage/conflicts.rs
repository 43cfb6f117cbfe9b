//! Conflict copies left by file syncers in `cases/` when two machines changed a case file at
//! once: Syncthing's `ID.sync-conflict-20260301-101500-PHONE77.ron`, Dropbox's `ID (conflicted
//! copy 2026-03-01).ron` (also `ID (Laptop's conflicted copy …).ron`, as newer Nextcloud
//! writes too) and older Nextcloud's `ID_conflict-20260301-101500.ron`. Each is merged into its
//! case the way git's copies are ([`crate::domain::merge`]), and removed only once the merged
//! case is saved. A copy that cannot be read stays where it is, and is named.

use std::convert::Infallible;
use std::fs;
use std::path::PathBuf;

use super::{StorageError, Store, format, io, valid_id};
use crate::domain::merge::merge;

/// The case a conflict copy named `name` belongs to, if `name` is one.
pub fn case_of_copy(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".ron")?;
    let id = if let Some((id, _)) = stem.split_once(".sync-conflict-") {
        id
    } else if let Some((id, rest)) = stem.split_once(" (") {
        if !rest.contains("conflicted copy") {
            return None;
        }
        id
    } else {
        stem.split_once("_conflict-")?.0
    };
    valid_id(id).then_some(id)
}

/// What became of one conflict copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Merged into case `id` (titled `title`), bringing `new_events` events it did not have,
    /// and removed.
    Merged {
        copy: String,
        id: String,
        title: String,
        new_events: usize,
    },
    /// Left where it is: it cannot be read, or its case cannot be written now.
    Left { copy: String, reason: String },
}

impl Outcome {
    /// What happened, in the reader's language, for `list`'s standard error and the TUI.
    pub fn words(&self) -> String {
        match self {
            Outcome::Merged {
                copy,
                title,
                new_events,
                ..
            } => crate::t!(
                "sync-conflict-merged",
                copy = copy.as_str(),
                title = title.as_str(),
                count = *new_events
            ),
            Outcome::Left { copy, reason } => crate::t!(
                "sync-conflict-unreadable",
                copy = copy.as_str(),
                reason = reason.as_str()
            ),
        }
    }
}

/// The conflict copies in the journal: each file's name and path, sorted by name.
pub fn find(store: &Store) -> Result<Vec<(String, PathBuf)>, StorageError> {
    let dir = store.dir().join("cases");
    let entries = match fs::read_dir(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        entries => entries.map_err(io(&dir))?,
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(&dir))?;
        if let Some(name) = entry.file_name().to_str()
            && case_of_copy(name).is_some()
        {
            found.push((name.to_string(), entry.path()));
        }
    }
    found.sort();
    Ok(found)
}

/// Merges every conflict copy into its case and removes it once the case is saved.
pub fn merge_all(store: &Store) -> Result<Vec<Outcome>, StorageError> {
    let mut outcomes = Vec::new();
    for (copy, path) in find(store)? {
        let left = |reason: String| Outcome::Left {
            copy: copy.clone(),
            reason,
        };
        let Some(id) = case_of_copy(&copy).map(str::to_string) else {
            continue;
        };
        let decoded = fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| format::decode(&text).map_err(|e| e.to_string()));
        let theirs = match decoded {
            Ok(d) if d.case.id != id => {
                outcomes.push(left(format!("it holds case {}", d.case.id)));
                continue;
            }
            Ok(d) => match d.access.read_only() {
                Some(reason) => {
                    outcomes.push(left(reason.to_string()));
                    continue;
                }
                None => d.case,
            },
            Err(reason) => {
                outcomes.push(left(reason));
                continue;
            }
        };
        let saved = if store.path(&id).exists() {
            store
                .update(&id, |case| {
                    let before = crate::domain::merge::event_count(case);
                    *case = merge(None, case, &theirs).case;
                    Ok::<_, Infallible>(crate::domain::merge::event_count(case) - before)
                })
                .map_err(|e| e.to_string())
        } else {
            let count = crate::domain::merge::event_count(&theirs);
            store
                .insert(&theirs)
                .map(|()| (count, theirs.clone()))
                .map_err(|e| e.to_string())
        };
        match saved {
            Ok((new_events, case)) => {
                fs::remove_file(&path).map_err(io(&path))?;
                outcomes.push(Outcome::Merged {
                    copy,
                    id,
                    title: case.title,
                    new_events,
                });
            }
            Err(reason) => outcomes.push(left(reason)),
        }
    }
    Ok(outcomes)
}

/// Merges the conflict copies of the journal (see [`merge_all`]) and says what became of them
/// in a few words for the TUI's status line (the copies' long names are left to `list`);
/// `None` when there were none.
pub fn notice(store: &Store) -> Option<String> {
    let outcomes = merge_all(store).ok()?;
    let mut merged = Vec::new();
    let mut left = 0usize;
    for outcome in &outcomes {
        match outcome {
            Outcome::Merged {
                title, new_events, ..
            } => merged.push((title.as_str(), *new_events)),
            Outcome::Left { .. } => left += 1,
        }
    }
    let count: usize = merged.iter().map(|(_, n)| n).sum();
    let words = match (merged.as_slice(), left) {
        ([], 0) => return None,
        ([], left) => crate::t!("sync-notice-left", copies = left),
        ([(title, _)], 0) => crate::t!("sync-notice-merged", title = *title, count = count),
        (many, 0) => crate::t!(
            "sync-notice-merged-many",
            copies = many.len(),
            count = count
        ),
        (some, left) => crate::t!("sync-notice-mixed", merged = some.len(), left = left),
    };
    Some(crate::domain::text::clean_line(&words))
}
