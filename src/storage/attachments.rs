//! The files attached to cases, under `DIR/attachments/`, one per content, named by its
//! SHA-256 and written atomically (0600). A file is read without blocking (a FIFO would wait
//! for ever) and only when it is a regular file no larger than [`MAX_ATTACHMENT`]; it is
//! removed only when no case still has it attached.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{StorageError, Store, atomic, create_private, io};
use crate::domain::{Attachment, Case};
use crate::t;

/// The largest file that can be attached: 50 MiB (a scan, a screenshot, a recording of a call).
pub const MAX_ATTACHMENT: u64 = 50 * 1024 * 1024;

/// Why a file could not be attached. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    #[error("{}", t!("attach-missing", path = .0.display().to_string()))]
    Missing(PathBuf),
    #[error("{}", t!("attach-not-regular", path = .0.display().to_string()))]
    NotRegular(PathBuf),
    #[error("{}", t!("attach-too-big", path = .path.display().to_string(), size = crate::i18n::fmt::number(*.size), limit = crate::i18n::fmt::number(MAX_ATTACHMENT)))]
    TooBig { path: PathBuf, size: u64 },
    #[error("{}", t!("attach-cannot-read", path = .path.display().to_string(), error = .error.to_string()))]
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A file taken into the journal: its hash, size and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub sha256: String,
    pub size: u64,
    pub name: String,
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(out, "{b:02x}");
    }
    out
}

impl Store {
    /// The directory of the attached files.
    pub fn attachments_dir(&self) -> PathBuf {
        self.dir().join("attachments")
    }

    /// The stored file of content `sha256`, if that is a well-formed hash.
    pub fn attachment_path(&self, sha256: &str) -> Option<PathBuf> {
        Attachment::valid_hash(sha256).then(|| self.attachments_dir().join(sha256))
    }

    /// Whether the content `sha256` is in the journal.
    pub fn has_attachment(&self, sha256: &str) -> bool {
        self.attachment_path(sha256)
            .and_then(|p| fs::symlink_metadata(p).ok())
            .is_some_and(|m| m.is_file())
    }

    /// Copies the file at `source` into the journal (once per content) and says what it was.
    /// A missing file, a directory, a FIFO or device, and a file over [`MAX_ATTACHMENT`] are
    /// refused before anything is written.
    pub fn store_attachment(&self, source: &Path) -> Result<Stored, AttachError> {
        let bytes = read_source(source)?;
        let sha256 = sha256_hex(&bytes);
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = self.attachments_dir();
        create_private(&dir)?;
        let target = dir.join(&sha256);
        // The same content is the same file: already there, it is kept as it is.
        if !self.has_attachment(&sha256) {
            atomic::write_file(&target, &bytes)?;
        }
        Ok(Stored {
            sha256,
            size: bytes.len() as u64,
            name,
        })
    }

    /// Removes the stored file of `sha256` when no case attaches it any more (a removed
    /// attachment keeps its record, not its file). Returns whether it went. A journal with a
    /// case that cannot be read keeps the file: that case may attach it.
    pub fn collect_attachment(&self, sha256: &str) -> Result<bool, StorageError> {
        let Some(path) = self.attachment_path(sha256) else {
            return Ok(false);
        };
        for entry in self.load_all()? {
            match entry {
                super::CaseFile::Readable { body: case, .. } => {
                    if case
                        .attachments
                        .iter()
                        .any(|a| a.is_live() && a.sha256 == sha256)
                    {
                        return Ok(false);
                    }
                }
                super::CaseFile::Unreadable { .. } => return Ok(false),
            }
        }
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io(&path)(e)),
        }
    }

    /// The live attachments of `case` whose files are not in this journal.
    pub fn missing_attachments<'a>(&self, case: &'a Case) -> Vec<&'a Attachment> {
        case.attachments
            .iter()
            .filter(|a| a.is_live() && !self.has_attachment(&a.sha256))
            .collect()
    }
}

/// Reads the file to attach: without blocking, only a regular file, at most the limit.
fn read_source(source: &Path) -> Result<Vec<u8>, AttachError> {
    let unreadable = |error| AttachError::Unreadable {
        path: source.to_path_buf(),
        error,
    };
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(source)
    {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(AttachError::Missing(source.to_path_buf()));
        }
        Err(e) => return Err(unreadable(e)),
    };
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(AttachError::NotRegular(source.to_path_buf()));
    }
    if meta.len() > MAX_ATTACHMENT {
        return Err(AttachError::TooBig {
            path: source.to_path_buf(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One that grew meanwhile is still held to the limit.
    file.take(MAX_ATTACHMENT + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_ATTACHMENT {
        return Err(AttachError::TooBig {
            path: source.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// A file name safe to write anywhere: letters, digits, `.`, `-` and `_`, the rest `_`, never
/// starting with a dot, at most 80 characters.
pub fn safe_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    while out.starts_with('.') {
        out.replace_range(0..1, "_");
    }
    if out.is_empty() {
        out.push_str("file");
    }
    out
}

/// The file of the `n`th (1-based) attachment in an exported bundle: `attachments/01-name`.
pub fn bundle_name(n: usize, a: &Attachment) -> String {
    format!("attachments/{n:02}-{}", safe_name(&a.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_safe_name_has_no_directory_and_no_leading_dot() {
        assert_eq!(safe_name("../../etc/passwd"), "_._.._etc_passwd");
        assert_eq!(safe_name(".bashrc"), "_bashrc");
        assert_eq!(safe_name("brief KPN 3-4.pdf"), "brief_KPN_3-4.pdf");
        assert_eq!(safe_name(""), "file");
    }

    #[test]
    fn the_hash_is_the_sha256_of_the_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
