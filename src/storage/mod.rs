//! The journal on disk: one RON file per case under `DIR/cases/`, written atomically (temp file,
//! fsync, rename, fsync of the directory), changed only as read-modify-write under a per-case
//! lock on a sidecar `.lock` file that is never renamed, so two writers never lose each other's
//! events. A file that cannot be read is reported and never overwritten.

pub mod format;

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::domain::Case;

/// What went wrong with the journal on disk. Every variant names the file or case.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} cannot be read: {reason}", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("case {id} is read-only: {reason}")]
    ReadOnly { id: String, reason: String },
    #[error("case {0} does not exist")]
    NotFound(String),
    #[error("case {0} already exists")]
    Exists(String),
    #[error("'{0}' is not a valid case id (use 1 to 64 letters, digits, '-' and '_')")]
    BadId(String),
    #[error("case {id} could not be encoded: {reason}")]
    Encode { id: String, reason: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StorageError + '_ {
    move |source| StorageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Size, modification time and inode of a case file, to tell whether it changed since it was
/// read. Every save is a rename, so a saved file always has a new inode; the size and the
/// nanosecond mtime catch a file edited in place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime: i64,
    pub mtime_nsec: i64,
    pub ino: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
            ino: meta.ino(),
        }
    }
}

/// One case file as found on disk.
#[derive(Debug)]
pub enum Entry {
    /// A case that was read. `read_only` holds the reason it must not be written, if any.
    Ok {
        case: Case,
        read_only: Option<String>,
        stamp: Stamp,
    },
    /// A file that could not be read, with the reason.
    Unreadable {
        id: String,
        path: PathBuf,
        reason: String,
        stamp: Stamp,
    },
}

impl Entry {
    /// The case id (the file name without `.ron`).
    pub fn id(&self) -> &str {
        match self {
            Entry::Ok { case, .. } => &case.id,
            Entry::Unreadable { id, .. } => id,
        }
    }

    /// The file's stamp when it was read.
    pub fn stamp(&self) -> Stamp {
        match self {
            Entry::Ok { stamp, .. } | Entry::Unreadable { stamp, .. } => *stamp,
        }
    }
}

/// How old a temp file beside the cases must be to count as left by a dead process.
const STRAY_AGE: std::time::Duration = std::time::Duration::from_secs(600);
/// How old a notes file handed to an external editor must be to count as left behind.
const EDIT_AGE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// The journal in a data directory.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    cases: PathBuf,
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
    /// Opens the journal in `dir`, creating it (0700) if needed.
    pub fn open(dir: &Path) -> Result<Store, StorageError> {
        let cases = dir.join("cases");
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&cases)
            .map_err(io(&cases))?;
        for d in [dir, cases.as_path()] {
            let meta = fs::metadata(d).map_err(io(d))?;
            if meta.permissions().mode() & 0o077 != 0 {
                fs::set_permissions(d, fs::Permissions::from_mode(0o700)).map_err(io(d))?;
            }
        }
        Ok(Store {
            dir: dir.to_path_buf(),
            cases,
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
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
        for entry in fs::read_dir(&self.cases).map_err(io(&self.cases))? {
            let entry = entry.map_err(io(&self.cases))?;
            let name = entry.file_name();
            if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".ron"))
                && valid_id(id)
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
        Ok(self
            .case_files()?
            .into_iter()
            .filter_map(|(id, entry)| entry.metadata().ok().map(|m| (id, Stamp::of(&m))))
            .collect())
    }

    /// Reads every case file. Files that cannot be read come back as [`Entry::Unreadable`];
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
    /// an [`Entry::Unreadable`].
    pub fn load(&self, id: &str) -> Result<Entry, StorageError> {
        let path = self.path(id);
        // Taken before the read: if the file changes in between, the stamp is the older one
        // and the change is noticed next time, never missed.
        let stamp = self.stamp(id).unwrap_or_default();
        let unreadable = |reason: String| Entry::Unreadable {
            id: id.to_string(),
            path: path.clone(),
            reason,
            stamp,
        };
        // A FIFO or a link to a device would block or never end: only regular files are read.
        if let Ok(meta) = fs::metadata(&path)
            && !meta.is_file()
        {
            return Ok(unreadable(
                "the file cannot be read: it is not a regular file".into(),
            ));
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(StorageError::NotFound(id.to_string()));
            }
            // Any other failure to read (permissions, a directory in the way) makes the case
            // unreadable, with the reason, rather than missing from the list.
            Err(e) => return Ok(unreadable(format!("the file cannot be read: {e}"))),
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Ok(unreadable("the file is not valid UTF-8 text".into()));
        };
        match format::decode(text) {
            Ok(decoded) if decoded.case.id != id => Ok(unreadable(format!(
                "the file says its id is '{}', but its name says '{id}'",
                decoded.case.id
            ))),
            Ok(decoded) => {
                let read_only = (decoded.schema > format::SCHEMA).then(|| {
                    format!(
                        "written by a newer runaround (schema {}, this one writes {})",
                        decoded.schema,
                        format::SCHEMA
                    )
                });
                Ok(Entry::Ok {
                    case: decoded.case,
                    read_only,
                    stamp,
                })
            }
            Err(reason) => Ok(unreadable(reason)),
        }
    }

    /// Reads case `id` for writing: an unreadable or newer file is an error.
    fn load_writable(&self, id: &str) -> Result<Case, StorageError> {
        match self.load(id)? {
            Entry::Ok {
                case,
                read_only: None,
                ..
            } => Ok(case),
            Entry::Ok {
                read_only: Some(reason),
                ..
            } => Err(StorageError::ReadOnly {
                id: id.to_string(),
                reason,
            }),
            Entry::Unreadable { path, reason, .. } => {
                Err(StorageError::Unreadable { path, reason })
            }
        }
    }

    /// Takes the per-case lock (blocking until other writers are done). Released on drop,
    /// and by the system when a process dies, so a killed writer never blocks anyone.
    fn lock(&self, id: &str) -> Result<File, StorageError> {
        let path = self.lock_path(id);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(io(&path))?;
        file.lock().map_err(io(&path))?;
        Ok(file)
    }

    /// Writes `case` atomically: after a crash the file holds the old or the new case, never a
    /// mix. Text is cleaned of control characters first.
    fn write(&self, case: &mut Case) -> Result<(), StorageError> {
        case.clean_text();
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
        let out = change(&mut case).map_err(UpdateError::Change)?;
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
        self.write(&mut case.clone())
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

    /// Writes notes that could not be saved into the case to `DIR/rescued-notes-ID.txt`
    /// (0600, replacing an older rescue of the same case) and returns its path. When the data
    /// directory takes no writes either (a full or read-only disk), the file goes to a place
    /// on another filesystem: `$XDG_RUNTIME_DIR/runaround/`, else
    /// `TMPDIR/runaround-UID/` (made 0700).
    pub fn rescue_notes(&self, id: &str, text: &str) -> Result<PathBuf, StorageError> {
        use crate::fault::{self, Fault};
        let name = format!("rescued-notes-{id}.txt");
        let path = self.dir.join(&name);
        let first = if fault::strikes(Fault::Disk) {
            Err(io(&path)(fault::error(Fault::Disk)))
        } else {
            write_file(&path, text.as_bytes())
        };
        let Err(first) = first else {
            return Ok(path);
        };
        let second = rescue_dir().and_then(|dir| {
            let path = dir.join(&name);
            write_file(&path, text.as_bytes()).map(|()| path)
        });
        second.map_err(|second| StorageError::Io {
            path: path.clone(),
            source: std::io::Error::other(format!("{first}; and then {second}")),
        })
    }

    /// Removes stray temp files left by writers that died mid-save. Each is removed under its
    /// case's lock, so a save in progress is never disturbed.
    pub fn clean_strays(&self) -> Result<usize, StorageError> {
        let mut removed = 0;
        for entry in fs::read_dir(&self.cases).map_err(io(&self.cases))? {
            let entry = entry.map_err(io(&self.cases))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(id) = name
                .strip_prefix('.')
                .and_then(|n| n.rsplit_once(".ron."))
                .map(|(id, _)| id)
            else {
                continue;
            };
            if valid_id(id) {
                let _lock = self.lock(id)?;
                if fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        // Beside the cases: temp files of rescued notes and of the index. These are not
        // under a case lock, so only those old enough to belong to a dead process go.
        for entry in fs::read_dir(&self.dir).map_err(io(&self.dir))? {
            let entry = entry.map_err(io(&self.dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let stray = name.starts_with(".index.")
                || (name.starts_with(".rescued-notes-") && name.contains(".txt."));
            // The copy of notes handed to an external editor: it may be open for a long time
            // in another TUI, so only a day-old one counts as left behind.
            let editing = name.starts_with(".notes-");
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

/// An update failed in storage or in the change itself.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Change(E),
}

/// A fresh case id: eight characters from an alphabet without look-alikes.
pub fn new_id() -> Result<String, StorageError> {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Io {
        path: PathBuf::from("(random)"),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Writes a file atomically: temp file (0600) beside it, fsync, rename, fsync of the
/// directory. The result is 0600 even when the file it replaces was not. After a crash the
/// file is the old one or the new one; a temp file left behind (`.NAME.XXXXXX`) is ignored by
/// readers and removed by [`Store::clean_strays`].
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write_steps(path, bytes, false)
}

/// [`write_file`], with the steps open to [`crate::fault`] injection (case saves).
fn write_steps(path: &Path, bytes: &[u8], faults: bool) -> Result<(), StorageError> {
    use crate::fault::{self, Fault};
    let fail = |step| {
        if faults && fault::strikes(step) {
            Err(io(path)(fault::error(step)))
        } else {
            Ok(())
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(io(path))?;
    fail(Fault::Write)?;
    temp.write_all(bytes).map_err(io(path))?;
    fail(Fault::Fsync)?;
    temp.as_file().sync_all().map_err(io(path))?;
    fail(Fault::Rename)?;
    temp.persist(path).map_err(|e| io(path)(e.error))?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}
