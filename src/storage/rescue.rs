//! Notes that could not be saved into their case: written to a new file of their own, never
//! over an earlier rescue, in the data directory or, when nothing can be written there, on
//! another filesystem; and found again, so that the user is told of them.

use std::fs::{self, DirBuilder};
use std::io::ErrorKind;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use super::{StorageError, Store, atomic, io};

impl Store {
    /// Writes notes that could not be saved into the case to a new file
    /// `DIR/rescued-notes-ID-YYYYMMDDTHHMMSS.txt` (local time; `-2`, `-3`… added when that
    /// name is taken), 0600, and returns its path. A rescue never replaces another: text
    /// rescued earlier stays in its own file. Only the same text rescued again (a save that
    /// keeps failing) is not written twice: the path of the rescue that holds it comes back.
    /// When the data directory takes no writes either (a full or read-only disk), the file
    /// goes to a place on another filesystem: `$XDG_RUNTIME_DIR/runaround/`, else
    /// `TMPDIR/runaround-UID/` (made 0700).
    pub fn rescue_notes(&self, id: &str, text: &str) -> Result<PathBuf, StorageError> {
        use crate::fault::{self, Fault};
        // When the rescue was written (the real clock, not a `--now`): its file name says.
        let stamp = crate::clock::Clock::System
            .now()
            .with_timezone(&chrono::Local)
            .format("%Y%m%dT%H%M%S")
            .to_string();
        let first = if fault::strikes(Fault::Disk) {
            let path = self.dir.join(format!("rescued-notes-{id}-{stamp}.txt"));
            Err(io(&path)(fault::error(Fault::Disk)))
        } else {
            rescue_into(&self.dir, id, &stamp, text)
        };
        let first = match first {
            Ok(path) => return Ok(path),
            Err(e) => e,
        };
        let second = rescue_dir().and_then(|dir| rescue_into(&dir, id, &stamp, text));
        second.map_err(|second| StorageError::Io {
            path: self.dir.join(format!("rescued-notes-{id}-{stamp}.txt")),
            source: std::io::Error::other(format!("{first}; and then {second}")),
        })
    }

    /// The rescued notes files in the data directory (`rescued-notes-…txt`, of any case),
    /// sorted by name: text that could not be saved into its case, for the user to look at.
    pub fn rescued(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name().to_str().is_some_and(|n| {
                    n.starts_with("rescued-notes-")
                        && n.strip_suffix(".txt").is_some()
                        && e.file_type().is_ok_and(|t| t.is_file())
                })
            })
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }
}

/// Writes `text` as a new rescue of case `id` in `dir`, never over another file; the same text
/// rescued there before is not written again (its path comes back).
fn rescue_into(dir: &Path, id: &str, stamp: &str, text: &str) -> Result<PathBuf, StorageError> {
    let prefix = format!("rescued-notes-{id}-");
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let ours = name.to_str().is_some_and(|n| {
                n.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(".txt"))
                    .is_some_and(|rest| rest.as_bytes().first().is_some_and(u8::is_ascii_digit))
            });
            if ours
                && entry.file_type().is_ok_and(|t| t.is_file())
                && fs::read(entry.path()).is_ok_and(|b| b == text.as_bytes())
            {
                return Ok(entry.path());
            }
        }
    }
    let mut n = 1u32;
    loop {
        let name = if n == 1 {
            format!("{prefix}{stamp}.txt")
        } else {
            format!("{prefix}{stamp}-{n}.txt")
        };
        let path = dir.join(name);
        match atomic::write_new(&path, text.as_bytes()) {
            Err(StorageError::Exists(_)) if n < 10_000 => n += 1,
            other => return other.map(|()| path),
        }
    }
}

/// The second place for rescued notes, off the data directory's filesystem:
/// `$XDG_RUNTIME_DIR/runaround`, else `runaround-UID` in the temp dir. Made 0700 when new; one
/// that exists is used only when it is a real directory (not a link) of this user.
fn rescue_dir() -> Result<PathBuf, StorageError> {
    use std::os::unix::fs::MetadataExt;
    let uid = fs::metadata("/proc/self").map(|m| m.uid()).ok();
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(runtime) if Path::new(&runtime).is_dir() => PathBuf::from(runtime).join("runaround"),
        _ => std::env::temp_dir().join(format!(
            "runaround-{}",
            uid.map_or_else(|| "user".to_string(), |u| u.to_string())
        )),
    };
    match DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(&dir)(e)),
    }
    let meta = fs::symlink_metadata(&dir).map_err(io(&dir))?;
    if !meta.is_dir() || uid.is_some_and(|u| u != meta.uid()) {
        return Err(io(&dir)(std::io::Error::other(
            "it is not a directory of this user",
        )));
    }
    Ok(dir)
}
