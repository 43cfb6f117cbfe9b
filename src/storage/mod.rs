//! The journal on disk: one RON file per case under `DIR/cases/`, written atomically (temp file,
//! fsync, rename, fsync of the directory), changed only as read-modify-write under a per-case
//! lock on a sidecar `.lock` file that is never renamed, so two writers never lose each other's
//! events. A file that cannot be read is reported and never overwritten.
//!
//! A lock file is never truncated or removed, not even on exit: a writer waiting on it holds
//! it open, and were it removed, the next writer would lock a new file of the same name while
//! the waiting one locked the old one, and both would write at once. The holder writes its pid
//! into it (over the last holder's) so that a writer kept waiting can say who holds it. Lock
//! files, like the index, are opened without blocking and used only when they are regular
//! files: a FIFO put in their place is refused at once instead of hanging every command.

pub mod atomic;
pub mod attachments;
pub mod conflicts;
pub mod file;
pub mod format;
pub mod index;
pub mod layout;
pub mod names;
mod rescue;

pub use atomic::write_file;
use atomic::write_steps;
use names::{EDIT_AGE, STRAY_AGE, case_temp_id};
pub use names::{TEMP_SUFFIX, is_temp_of};

pub use file::{Access, CaseFile, FileProblem, ReadOnly, Stamp};

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::domain::Case;

/// What went wrong with the journal on disk. Every variant names the file or case.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::t!("cli-cannot-be-read", path = .path.display().to_string(), problem = .reason.to_string()))]
    Unreadable { path: PathBuf, reason: FileProblem },
    #[error("{}", crate::t!("storage-read-only", id = .id.as_str(), reason = .reason.to_string()))]
    ReadOnly { id: String, reason: ReadOnly },
    #[error("{}", crate::t!("storage-not-found", id = .0.as_str()))]
    NotFound(String),
    #[error("{}", crate::t!("storage-exists", id = .0.as_str()))]
    Exists(String),
    #[error("{}", crate::t!("storage-bad-id", id = .0.as_str()))]
    BadId(String),
    #[error("{}", crate::t!("storage-encode", id = .id.as_str(), reason = .reason.as_str()))]
    Encode { id: String, reason: String },
    #[error("{}", crate::t!("storage-locked", path = .path.display().to_string(), holder = holder(*.pid)))]
    /// `pid`: the last runaround to take the lock, while it is alive; it may not be the
    /// holder, and messages say so ([`holder`]).
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("{}", crate::t!("storage-random", error = .0.as_str()))]
    Random(String),
}

/// Who holds a lock, for messages. The pid in a lock file is that of the last runaround that
/// took it, which need not be the holder now (an external `flock`, a process that took it
/// since without writing): it is named only as the last taker, and only while it is alive
/// (see [`lock_holder`]).
pub fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(
        || crate::t!("storage-another-process").to_string(),
        |pid| crate::t!("storage-another-process-pid", pid = pid.to_string()),
    )
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StorageError + '_ {
    move |source| StorageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One case file as found on disk: the case, or why it could not be read.
pub type Entry = CaseFile<Case>;

use file::MAX_CASE_FILE;
/// How long a writer waits for a case's lock by default before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);
/// How long a writer waits for a lock before it says so (when it may wait longer than that).
const LOCK_NOTICE: Duration = Duration::from_secs(1);
/// The longest pause between two tries at a busy lock.
const LOCK_POLL: Duration = Duration::from_millis(25);

/// The journal in a data directory.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    cases: PathBuf,
    /// How long a write waits for its case's lock.
    lock_wait: Duration,
    /// What to tell the user about the data directory's permissions, if anything.
    exposed: Option<String>,
}

/// The data directory: `--data-dir`, else `RUNAROUND_DIR` (both resolved by the caller), else
/// the platform's data dir (`$XDG_DATA_HOME/runaround` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "runaround").map(|d| d.data_dir().to_path_buf())
}

/// Whether `id` can name a case file.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !id.starts_with('-')
}

impl Store {
    /// Opens the journal in `dir`, creating what is missing of it (0700). Directories that
    /// exist keep their mode: one open to others is only pointed out (see [`Store::exposed`]).
    pub fn open(dir: &Path) -> Result<Store, StorageError> {
        create_private(&dir.join("cases"))?;
        Ok(Store::open_existing(dir))
    }

    /// Opens the journal in `dir` without creating anything: for commands that only read, or
    /// may fail before they write. A missing directory is an empty journal; the first write
    /// (a case saved, a lock taken) makes what is missing, as [`Store::open`] would.
    pub fn open_existing(dir: &Path) -> Store {
        let cases = dir.join("cases");
        log::debug!(
            "journal {} (cases dir there: {})",
            dir.display(),
            cases.is_dir()
        );
        let exposed = [dir, cases.as_path()].into_iter().find_map(|d| {
            let mode = fs::metadata(d).ok()?.permissions().mode() & 0o777;
            (mode & 0o077 != 0).then(|| {
                crate::t!(
                    "storage-exposed",
                    path = d.display().to_string(),
                    mode = format!("{mode:o}")
                )
            })
        });
        Store {
            dir: dir.to_path_buf(),
            cases,
            lock_wait: LOCK_WAIT,
            exposed,
        }
    }

    /// The same journal, with writes waiting at most `wait` for a case another process is
    /// changing (then failing with [`StorageError::Locked`]). A wait longer than a second says
    /// on standard error, after a second, what it waits for.
    #[must_use]
    pub fn with_lock_wait(mut self, wait: Duration) -> Store {
        self.lock_wait = wait;
        self
    }

    /// A warning about the data directory, when it (or its `cases/`) is open to other users.
    pub fn exposed(&self) -> Option<&str> {
        self.exposed.as_deref()
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory of the case files.
    pub fn cases_dir(&self) -> &Path {
        &self.cases
    }

    /// The file of case `id`.
    pub fn path(&self, id: &str) -> PathBuf {
        self.cases.join(format!("{id}.ron"))
    }

    fn lock_path(&self, id: &str) -> PathBuf {
        self.cases.join(format!("{id}.lock"))
    }

    /// The modification time of the cases directory: it changes whenever a case file is created,
    /// replaced (every save is a rename) or deleted, so one `stat` tells whether to look closer.
    pub fn dir_stamp(&self) -> Option<SystemTime> {
        fs::metadata(&self.cases).and_then(|m| m.modified()).ok()
    }

    /// The case files of the directory: each id with its directory entry, sorted by id.
    fn case_files(&self) -> Result<Vec<(String, fs::DirEntry)>, StorageError> {
        let mut files = Vec::new();
        let entries = match fs::read_dir(&self.cases) {
            // Nothing written yet: an empty journal.
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(files),
            entries => entries.map_err(io(&self.cases))?,
        };
        for entry in entries {
            let entry = entry.map_err(io(&self.cases))?;
            let name = entry.file_name();
            if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".ron"))
                && valid_id(id)
                && name.to_str().and_then(conflicts::case_of_copy).is_none()
            {
                files.push((id.to_string(), entry));
            }
        }
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    /// The ids of all case files, sorted.
    pub fn ids(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.case_files()?.into_iter().map(|(id, _)| id).collect())
    }

    /// The ids of all case files with their stamps, sorted. One pass over the directory:
    /// each stamp is taken relative to it, without walking the whole path again.
    pub fn stamps(&self) -> Result<Vec<(String, Stamp)>, StorageError> {
        /// Below this many files one thread is as quick as several.
        const ALONE: usize = 4096;
        let files = self.case_files()?;
        let stamp = |(id, entry): (String, fs::DirEntry)| {
            entry.metadata().ok().map(|m| (id, Stamp::of(&m)))
        };
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        if files.len() < ALONE || threads < 2 {
            return Ok(files.into_iter().filter_map(stamp).collect());
        }
        // A stat a file is most of a cold start's wait on a big journal: on every core, the
        // order (by id) kept.
        let per = files.len().div_ceil(threads);
        let mut chunks: Vec<Vec<(String, fs::DirEntry)>> = Vec::with_capacity(threads);
        let mut files = files.into_iter();
        loop {
            let chunk: Vec<_> = files.by_ref().take(per).collect();
            if chunk.is_empty() {
                break;
            }
            chunks.push(chunk);
        }
        Ok(std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| {
                    scope.spawn(move || chunk.into_iter().filter_map(stamp).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        }))
    }

    /// Reads every case file. Files that cannot be read come back as [`CaseFile::Unreadable`];
    /// only a directory that cannot be listed is an error.
    pub fn load_all(&self) -> Result<Vec<Entry>, StorageError> {
        Ok(self
            .ids()?
            .into_iter()
            .filter_map(|id| self.load(&id).ok())
            .collect())
    }

    /// The stamp of case `id`'s file now (None when it is gone).
    pub fn stamp(&self, id: &str) -> Option<Stamp> {
        fs::metadata(self.path(id)).ok().map(|m| Stamp::of(&m))
    }

    /// Reads case `id`. Only a missing file is an error; one that cannot be read or decoded is
    /// a [`CaseFile::Unreadable`].
    pub fn load(&self, id: &str) -> Result<Entry, StorageError> {
        let path = self.path(id);
        // Taken before the read: if the file changes in between, the stamp is the older one
        // and the change is noticed next time, never missed.
        let stamp = self.stamp(id).unwrap_or_default();
        let unreadable = |problem: FileProblem| CaseFile::Unreadable {
            id: id.to_string(),
            problem,
            stamp,
        };
        let failed = |e: std::io::Error| FileProblem::Io {
            message: e.to_string(),
        };
        // A FIFO or a link to a device would block or never end: only regular files are read,
        // and the file is opened without blocking, so one swapped in meanwhile is caught too.
        let opened = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&path)
            .and_then(|file| Ok((file.metadata()?, file)));
        let bytes = match opened {
            Ok((meta, _)) if !meta.is_file() => {
                return Ok(unreadable(FileProblem::NotRegular));
            }
            // A sparse file of a hundred gigabytes would take all memory to read.
            Ok((meta, _)) if meta.len() > MAX_CASE_FILE => {
                return Ok(unreadable(FileProblem::TooBig { len: meta.len() }));
            }
            Ok((meta, mut file)) => {
                let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
                match std::io::Read::read_to_end(&mut file, &mut bytes) {
                    Ok(_) => bytes,
                    Err(e) => return Ok(unreadable(failed(e))),
                }
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(StorageError::NotFound(id.to_string()));
            }
            // Any other failure to read (permissions, a directory in the way) makes the case
            // unreadable, with the reason, rather than missing from the list.
            Err(e) => return Ok(unreadable(failed(e))),
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Ok(unreadable(FileProblem::NotUtf8));
        };
        match format::decode(text) {
            Ok(decoded) if decoded.case.id != id => Ok(unreadable(FileProblem::IdMismatch {
                inside: decoded.case.id,
                name: id.to_string(),
            })),
            Ok(decoded) => Ok(CaseFile::Readable {
                body: decoded.case,
                access: decoded.access,
                stamp,
            }),
            Err(problem) => Ok(unreadable(problem)),
        }
    }

    /// Reads case `id` for writing: an unreadable or newer file is an error.
    fn load_writable(&self, id: &str) -> Result<Case, StorageError> {
        match self.load(id)?.into_result() {
            Ok((case, Access::Writable)) => Ok(case),
            Ok((_, Access::ReadOnly(reason))) => Err(StorageError::ReadOnly {
                id: id.to_string(),
                reason,
            }),
            Err(reason) => Err(StorageError::Unreadable {
                path: self.path(id),
                reason,
            }),
        }
    }

    /// Takes the per-case lock, waiting up to the store's lock wait for another writer to be
    /// done. Released on drop, and by the system when a process dies, so a killed writer never
    /// blocks anyone. The lock file must be a regular file: anything else is refused at once.
    fn lock(&self, id: &str) -> Result<File, StorageError> {
        // Every write takes a lock first: a journal opened without creating it is made here.
        if !self.cases.is_dir() {
            create_private(&self.cases)?;
        }
        let path = self.lock_path(id);
        let file = open_regular(
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .mode(0o600),
            &path,
        )?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(1);
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(io(&path)(e)),
            }
            let waited = start.elapsed();
            if waited >= self.lock_wait {
                return Err(StorageError::Locked {
                    path: self.path(id),
                    pid: lock_holder(&file),
                });
            }
            if !told && waited >= LOCK_NOTICE && self.lock_wait > LOCK_NOTICE {
                told = true;
                eprintln!(
                    "runaround: waiting for {} (held by {})",
                    crate::domain::text::clean_line(&self.path(id).display().to_string()),
                    holder(lock_holder(&file))
                );
            }
            std::thread::sleep(pause.min(self.lock_wait.saturating_sub(waited)));
            pause = (pause * 2).min(LOCK_POLL);
        }
        // Over the last holder's pid, same width, so nothing is ever truncated. Only for
        // messages: failing to write it changes nothing else.
        let _ = std::os::unix::fs::FileExt::write_all_at(
            &file,
            format!("{:>10}\n", std::process::id()).as_bytes(),
            0,
        );
        Ok(file)
    }

    /// Holds case `id`'s lock until the returned file is dropped, as a writer does: for another
    /// program (git merging the journal) that changes the case file meanwhile.
    pub fn hold(&self, id: &str) -> Result<File, StorageError> {
        self.lock(id)
    }

    /// Writes `case` atomically: after a crash the file holds the old or the new case, never a
    /// mix. Text is cleaned of control characters first.
    fn write(&self, case: &mut Case) -> Result<(), StorageError> {
        case.clean_text();
        // Events new since the case was read get fresh random ids.
        for e in case.events.iter_mut().chain(&mut case.deleted_events) {
            if e.id.is_empty() {
                e.id = new_event_id()?;
            }
        }
        let text = format::encode(case).map_err(|e| StorageError::Encode {
            id: case.id.clone(),
            reason: e.to_string(),
        })?;
        write_steps(&self.path(&case.id), text.as_bytes(), true)
    }

    /// Changes case `id` by `change`, which sees the case as it is on disk now (read under the
    /// lock, so changes by others in between are kept). Returns what `change` returned and the
    /// case as saved. Nothing is written when `change` fails.
    pub fn update<T, E>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Case) -> Result<T, E>,
    ) -> Result<(T, Case), UpdateError<E>> {
        let _lock = self.lock(id)?;
        let mut case = self.load_writable(id)?;
        // Events saved before events had ids get theirs, the same on every copy of the file.
        crate::domain::ids::give_ids(&mut case);
        let before = case.clone();
        let out = change(&mut case).map_err(UpdateError::Change)?;
        // When the change was made, as the wall clock says (not a `--now`): which of two copies
        // changed a field later decides a merge.
        crate::domain::history::record_changes(
            &before,
            &mut case,
            crate::clock::Clock::System.now(),
        );
        self.write(&mut case)?;
        Ok((out, case))
    }

    /// Saves a new case under its own id; fails if that id exists.
    pub fn insert(&self, case: &Case) -> Result<(), StorageError> {
        if !valid_id(&case.id) {
            return Err(StorageError::BadId(case.id.clone()));
        }
        let _lock = self.lock(&case.id)?;
        if self.path(&case.id).exists() {
            return Err(StorageError::Exists(case.id.clone()));
        }
        let mut case = case.clone();
        crate::domain::ids::give_ids(&mut case);
        self.write(&mut case)
    }

    /// Saves a new case under a fresh random id and returns the id. Ids never collide, even
    /// between processes creating cases at the same moment.
    pub fn create(&self, mut case: Case) -> Result<String, StorageError> {
        loop {
            case.id = new_id()?;
            match self.insert(&case) {
                Err(StorageError::Exists(_)) => {}
                other => return other.map(|()| case.id),
            }
        }
    }

    /// Removes stray temp files left by writers that died mid-save: only runaround's own,
    /// matched exactly by name (see [`is_temp_of`]), so a `.ID.ron.swp` of an editor or a
    /// user's `.ID.ron.orig` stays. A case's temp file is removed under its case's lock (its
    /// writer holds that lock while the file exists, so one found under it is dead); a case
    /// whose lock is busy is passed over.
    pub fn clean_strays(&self) -> Result<usize, StorageError> {
        let mut removed = 0;
        for entry in fs::read_dir(&self.cases).map_err(io(&self.cases))? {
            let entry = entry.map_err(io(&self.cases))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(id) = case_temp_id(name) else {
                continue;
            };
            match self.lock(id) {
                Ok(_lock) => {
                    if fs::remove_file(entry.path()).is_ok() {
                        removed += 1;
                    }
                }
                Err(StorageError::Locked { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        // Beside the cases: temp files of rescued notes and of the index. These are not
        // under a case lock, so only those old enough to belong to a dead process go.
        for entry in fs::read_dir(&self.dir).map_err(io(&self.dir))? {
            let entry = entry.map_err(io(&self.dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let stray = names::is_stray_beside_cases(name);
            let editing = names::is_editor_copy(name);
            let age = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok());
            let old = age.is_some_and(|age| age >= STRAY_AGE);
            let day_old = age.is_some_and(|age| age >= EDIT_AGE);
            if ((stray && old) || (editing && day_old)) && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// Makes `dir` and whatever is missing above it, each 0700 whatever the umask. Directories
/// that exist are left as they are.
pub(crate) fn create_private(dir: &Path) -> Result<(), StorageError> {
    let mut missing = Vec::new();
    let mut at = dir;
    loop {
        match fs::metadata(at) {
            Ok(_) => break,
            Err(e) if e.kind() == ErrorKind::NotFound => missing.push(at),
            Err(e) => return Err(io(at)(e)),
        }
        match at.parent() {
            Some(p) if !p.as_os_str().is_empty() => at = p,
            _ => break,
        }
    }
    for d in missing.into_iter().rev() {
        match DirBuilder::new().mode(0o700).create(d) {
            // The umask may have taken bits away; this directory is ours to set.
            Ok(()) => {
                fs::set_permissions(d, fs::Permissions::from_mode(0o700)).map_err(io(d))?;
            }
            // Made by someone else meanwhile: theirs, and left as it is.
            Err(e) if e.kind() == ErrorKind::AlreadyExists && d.is_dir() => {}
            Err(e) => return Err(io(d)(e)),
        }
    }
    Ok(())
}

/// Opens `path` with `options`, without blocking (a FIFO would wait for a writer for ever)
/// and without following a symbolic link, and keeps it only if it is a regular file.
pub fn open_regular(options: &mut OpenOptions, path: &Path) -> Result<File, StorageError> {
    let file = options
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
        .map_err(io(path))?;
    let meta = file.metadata().map_err(io(path))?;
    if !meta.is_file() {
        return Err(StorageError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("not a regular file"),
        });
    }
    Ok(file)
}

/// The pid the last runaround to take a lock wrote into its file, if it is there and that
/// process is still alive: a dead one cannot hold the lock, and is never named.
fn lock_holder(file: &File) -> Option<u32> {
    let mut bytes = [0u8; 32];
    let n = std::os::unix::fs::FileExt::read_at(file, &mut bytes, 0).ok()?;
    let pid: u32 = std::str::from_utf8(&bytes[..n])
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    (pid != 0 && Path::new(&format!("/proc/{pid}")).exists()).then_some(pid)
}

/// An update failed in storage or in the change itself.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Change(E),
}

/// A fresh event id: random, so that events logged at once by two processes or on two
/// machines never share one.
pub fn new_event_id() -> Result<String, StorageError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Random(e.to_string()))?;
    Ok(crate::domain::ids::id_from_bits(u64::from_le_bytes(bytes)))
}

/// A fresh case id: eight characters from an alphabet without look-alikes.
pub fn new_id() -> Result<String, StorageError> {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Random(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}
