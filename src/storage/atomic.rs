//! Atomic writes: a temp file (0600) beside the file, written, fsynced, renamed over it, and
//! the directory fsynced. After a crash the file is the old one or the new one; a temp file
//! left behind (`.NAME.XXXXXX.tmp`, see [`names`](super::names)) is ignored by readers and
//! removed by [`Store::clean_strays`](super::Store::clean_strays). Used for case files, the
//! index, rescued notes and `export -o`.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{StorageError, io, names};

/// Writes a file atomically. The result is 0600 even when the file it replaces was not.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write_steps(path, bytes, false)
}

/// [`write_file`], with the steps open to [`crate::fault`] injection when `faults` (case saves).
pub(crate) fn write_steps(path: &Path, bytes: &[u8], faults: bool) -> Result<(), StorageError> {
    use crate::fault::{self, Fault};
    let fail = |step| {
        if faults && fault::strikes(step) {
            Err(io(path)(fault::error(step)))
        } else {
            Ok(())
        }
    };
    let (dir, temp) = temp_beside(path)?;
    fail(Fault::Write)?;
    temp.as_file().write_all(bytes).map_err(io(path))?;
    fail(Fault::Fsync)?;
    temp.as_file().sync_all().map_err(io(path))?;
    fail(Fault::Rename)?;
    finish(path, dir, temp)
}

/// Writes a file atomically from what `fill` writes into it (buffered), giving up as soon as
/// `stop` is set (checked by `fill` through the flag it is given, and between the steps): then
/// nothing is renamed and the temp file goes.
pub(crate) fn write_streamed(
    path: &Path,
    stop: &AtomicBool,
    fill: impl FnOnce(&mut dyn Write, &dyn Fn() -> std::io::Result<()>) -> std::io::Result<()>,
) -> Result<(), StorageError> {
    let stopped = || {
        if stop.load(Ordering::Relaxed) {
            Err(std::io::Error::other("stopped before it was done"))
        } else {
            Ok(())
        }
    };
    // Dropped on every way out, also an early one: its temp file goes with it.
    let (dir, temp) = temp_beside(path)?;
    let mut out = BufWriter::new(temp.as_file());
    fill(&mut out, &stopped).map_err(io(path))?;
    out.flush().map_err(io(path))?;
    drop(out);
    stopped().map_err(io(path))?;
    temp.as_file().sync_all().map_err(io(path))?;
    stopped().map_err(io(path))?;
    finish(path, dir, temp)
}

/// The directory of `path` and a new temp file (0600) in it for `path`.
fn temp_beside(path: &Path) -> Result<(&Path, tempfile::NamedTempFile), StorageError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
    let temp = tempfile::Builder::new()
        .prefix(&names::temp_prefix(&name))
        .suffix(names::TEMP_SUFFIX)
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(|e| io(path)(without_path(e)))?;
    Ok((dir, temp))
}

/// The error of making a temp file, without the temp file's name that `tempfile` adds to it:
/// a message names the file the user asked for, never runaround's temp file beside it.
fn without_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rsplit_once(" at path ") {
        Some((reason, _)) => std::io::Error::new(e.kind(), reason.to_string()),
        None => e,
    }
}

/// [`write_file`] of a file that must be new: one that appeared meanwhile is never replaced
/// ([`StorageError::Exists`]). Rescued notes are written so, and never replace each other.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let (dir, temp) = temp_beside(path)?;
    temp.as_file().write_all(bytes).map_err(io(path))?;
    temp.as_file().sync_all().map_err(io(path))?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            StorageError::Exists(path.display().to_string())
        } else {
            io(path)(e.error)
        }
    })?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Renames the written temp file over `path` and fsyncs the directory.
fn finish(path: &Path, dir: &Path, temp: tempfile::NamedTempFile) -> Result<(), StorageError> {
    temp.persist(path).map_err(|e| io(path)(e.error))?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}
