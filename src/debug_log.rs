//! The debug log a person can attach to a bug report. `RUNAROUND_LOG=debug` (or `info`,
//! `warn`) appends what runaround did — its start, version and platform, the terminal's size,
//! the journal's directory, how many cases a scan found and whether the index served them, how
//! long that took, the steps of a sync, how a command ended — to `runaround.log` in the state
//! directory ([`dir`]). Unset (or `off`), nothing is written anywhere.
//!
//! The log never holds case text: no title, note, organisation, name, number or reference.
//! Its lines are written at a few boundaries (start, storage, the index scan, sync, the TUI's
//! start and stop) from ids, counts, paths and timings only.
//!
//! The file is kept below [`CAP`]: a write that would pass it moves the file to
//! `runaround.log.old` (replacing the older one) and starts a new one. A log that cannot be
//! written never stops runaround: [`init`] says so once, and later failures are ignored.

use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use log::{LevelFilter, Log, Metadata, Record};

/// The file's name in the state directory.
pub const FILE_NAME: &str = "runaround.log";

/// The size the file is kept below (1 MiB); the one before is kept as `runaround.log.old`.
pub const CAP: u64 = 1024 * 1024;

/// Where the log goes: the platform's state directory, `$XDG_STATE_HOME/runaround` (usually
/// `~/.local/state/runaround`); on macOS, which has none, `~/Library/Logs/runaround`.
pub fn dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        return directories::BaseDirs::new().map(|b| b.home_dir().join("Library/Logs/runaround"));
    }
    let dirs = directories::ProjectDirs::from("", "", "runaround")?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf(),
    )
}

/// The level `RUNAROUND_LOG`'s value asks for: `None` for unset, empty or `off`; an error (the
/// value) for a word that is not a level.
pub fn level(value: Option<&OsStr>) -> Result<Option<LevelFilter>, String> {
    let Some(value) = value else { return Ok(None) };
    let word = value.to_string_lossy().trim().to_ascii_lowercase();
    match word.as_str() {
        "" | "off" | "0" => Ok(None),
        "error" => Ok(Some(LevelFilter::Error)),
        "warn" => Ok(Some(LevelFilter::Warn)),
        "info" => Ok(Some(LevelFilter::Info)),
        "debug" => Ok(Some(LevelFilter::Debug)),
        "trace" => Ok(Some(LevelFilter::Trace)),
        _ => Err(value.to_string_lossy().into_owned()),
    }
}

/// Starts the log `value` (`RUNAROUND_LOG`'s) asks for. Returns what to tell the person when
/// it cannot be: a value that is not a level, or a file that cannot be written (runaround goes
/// on without a log either way).
pub fn init(value: Option<&OsStr>) -> Option<String> {
    let level = match level(value) {
        Ok(Some(level)) => level,
        Ok(None) => return None,
        Err(value) => return Some(crate::t!("log-bad-level", value = value)),
    };
    let Some(dir) = dir() else {
        return Some(crate::t!("log-no-dir").to_string());
    };
    let path = dir.join(FILE_NAME);
    let file = match crate::storage::create_private(&dir)
        .map_err(|e| e.to_string())
        .and_then(|()| open(&path).map_err(|e| e.to_string()))
    {
        Ok(file) => file,
        Err(error) => {
            return Some(crate::t!(
                "log-cannot-write",
                path = path.display().to_string(),
                error = error
            ));
        }
    };
    let logger = LOGGER.get_or_init(|| FileLog {
        level,
        path,
        file: Mutex::new(Some(file)),
    });
    if log::set_logger(logger).is_ok() {
        log::set_max_level(level);
    }
    None
}

static LOGGER: OnceLock<FileLog> = OnceLock::new();

/// The open log file and how long it is.
struct Open {
    file: File,
    len: u64,
}

struct FileLog {
    level: LevelFilter,
    path: PathBuf,
    /// `None` once the file could not be opened again (after a rotation).
    file: Mutex<Option<Open>>,
}

impl Log for FileLog {
    fn enabled(&self, metadata: &Metadata) -> bool {
        // Only runaround's own lines: the dependencies' are not ours to vouch for.
        metadata.level() <= self.level && metadata.target().starts_with("runaround")
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {} {:<5} {}: {}\n",
            stamp(),
            std::process::id(),
            record.level(),
            record.target(),
            record.args()
        );
        if let Ok(mut open) = self.file.lock() {
            append(&self.path, &mut open, line.as_bytes(), CAP);
        }
    }

    fn flush(&self) {}
}

/// The wall-clock time of a line, in UTC to the millisecond. (The log tells when things
/// happened, whatever `--now` says the counters are evaluated at.)
fn stamp() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// Opens (or creates, 0600) the log file at `path` for appending: a regular file only, never
/// through a link, never waiting on a FIFO.
fn open(path: &Path) -> Result<Open, crate::storage::StorageError> {
    let file = crate::storage::open_regular(
        OpenOptions::new().create(true).append(true).mode(0o600),
        path,
    )?;
    let len = file.metadata().map_or(0, |m| m.len());
    Ok(Open { file, len })
}

/// Appends `line` to the log at `path`, first moving a file that would pass `cap` to
/// `PATH.old`. Every failure is ignored: the log never stops runaround.
fn append(path: &Path, open: &mut Option<Open>, line: &[u8], cap: u64) {
    if open
        .as_ref()
        .is_some_and(|o| o.len > 0 && o.len + line.len() as u64 > cap)
    {
        *open = None;
        let mut old = path.as_os_str().to_owned();
        old.push(".old");
        let _ = std::fs::rename(path, &old);
        *open = self::open(path).ok();
    }
    if let Some(o) = open
        && o.file.write_all(line).is_ok()
    {
        o.len += line.len() as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_and_off_is_nothing() {
        assert_eq!(level(None), Ok(None));
        assert_eq!(level(Some(OsStr::new(""))), Ok(None));
        assert_eq!(level(Some(OsStr::new("off"))), Ok(None));
        assert_eq!(
            level(Some(OsStr::new("debug"))),
            Ok(Some(LevelFilter::Debug))
        );
        assert_eq!(level(Some(OsStr::new("INFO"))), Ok(Some(LevelFilter::Info)));
        assert_eq!(level(Some(OsStr::new("warn"))), Ok(Some(LevelFilter::Warn)));
        assert_eq!(level(Some(OsStr::new("loud"))), Err("loud".to_string()));
    }

    #[test]
    fn a_log_that_would_pass_its_cap_starts_again_keeping_the_one_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut file = Some(open(&path).unwrap());
        let line = [b'x'; 99];
        let mut line = line.to_vec();
        line.push(b'\n');
        for _ in 0..25 {
            append(&path, &mut file, &line, 1000);
        }
        let now = std::fs::metadata(&path).unwrap().len();
        let old = std::fs::metadata(dir.path().join("runaround.log.old"))
            .unwrap()
            .len();
        // 25 lines of 100 bytes under a cap of 1000: two full files moved aside (the second
        // replacing the first), five lines in the new one.
        assert_eq!((now, old), (500, 1000));
    }

    #[test]
    fn a_log_whose_file_is_gone_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join(FILE_NAME);
        let mut file = None;
        append(&path, &mut file, b"line\n", 1000);
        assert!(!path.exists());
        assert!(open(&path).is_err());
    }
}
