//! One case file as found on disk, whatever was made of it: the case itself ([`Store::load`]),
//! its summary (the index), or anything else taken from it. What is wrong with a file, or why
//! it must not be written, is a typed fact ([`FileProblem`], [`ReadOnly`]); the words said about
//! it are those of its `Display`, so that a front end can choose others.
//!
//! [`Store::load`]: super::Store::load

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::time::{FIRST_YEAR, LAST_YEAR, rfc3339};
use crate::domain::{Case, Summary};

use super::format::SCHEMA;

/// Size, modification time and inode of a case file, to tell whether it changed since it was
/// read. Every save is a rename, so a saved file always has a new inode; the size and the
/// nanosecond mtime catch a file edited in place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime: i64,
    pub mtime_nsec: i64,
    pub ino: u64,
}

impl Stamp {
    pub(crate) fn of(meta: &std::fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
            ino: meta.ino(),
        }
    }
}

/// A case file: what was made of it (`T`: the case, its summary) and whether it may be written,
/// or why nothing could be made of it. Either way with the stamp the file had when it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseFile<T> {
    Readable {
        body: T,
        access: Access,
        stamp: Stamp,
    },
    Unreadable {
        id: String,
        problem: FileProblem,
        stamp: Stamp,
    },
}

/// What has the id of its case file.
pub trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Case {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Summary {
    fn id(&self) -> &str {
        &self.id
    }
}

impl<T: Identified> CaseFile<T> {
    /// The case id (the file name without `.ron`).
    pub fn id(&self) -> &str {
        match self {
            CaseFile::Readable { body, .. } => body.id(),
            CaseFile::Unreadable { id, .. } => id,
        }
    }
}

impl<T> CaseFile<T> {
    /// The file's stamp when it was read.
    pub fn stamp(&self) -> Stamp {
        match self {
            CaseFile::Readable { stamp, .. } | CaseFile::Unreadable { stamp, .. } => *stamp,
        }
    }

    /// The same file with `f` made of its body (`Summary::of` for a listing).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> CaseFile<U> {
        match self {
            CaseFile::Readable {
                body,
                access,
                stamp,
            } => CaseFile::Readable {
                body: f(body),
                access,
                stamp,
            },
            CaseFile::Unreadable { id, problem, stamp } => {
                CaseFile::Unreadable { id, problem, stamp }
            }
        }
    }

    /// The body, if the file could be read.
    pub fn body(&self) -> Option<&T> {
        match self {
            CaseFile::Readable { body, .. } => Some(body),
            CaseFile::Unreadable { .. } => None,
        }
    }

    /// The body and its access, or what was wrong with the file.
    pub fn into_result(self) -> Result<(T, Access), FileProblem> {
        match self {
            CaseFile::Readable { body, access, .. } => Ok((body, access)),
            CaseFile::Unreadable { problem, .. } => Err(problem),
        }
    }
}

/// Whether a case that was read may be written back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Access {
    #[default]
    Writable,
    ReadOnly(ReadOnly),
}

impl Access {
    /// Why the case must not be written, if it must not.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        match self {
            Access::Writable => None,
            Access::ReadOnly(why) => Some(why),
        }
    }
}

/// Why a case that was read must not be written back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadOnly {
    /// A newer runaround wrote it, with this schema.
    NewerSchema { schema: u32 },
    /// The next save would lose these, in file order (never empty).
    Losses(Vec<Loss>),
}

/// Something in a file that the next save would lose or break, at its line when known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loss {
    pub line: Option<usize>,
    pub what: Lost,
}

/// What a save would lose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lost {
    /// A key this build does not know.
    UnknownKey { key: String },
    /// A comment.
    Comment,
    /// A time outside the years a file can hold.
    TimeOutOfRange {
        place: TimePlace,
        time: DateTime<Utc>,
    },
}

/// Where a time sits in a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimePlace {
    /// The case's opening.
    Opening,
    /// Field `field` of event `number` (from 1), of the deleted events when `deleted`.
    Event {
        deleted: bool,
        number: usize,
        field: String,
    },
    /// A correction of event `number` (from 1).
    Correction { deleted: bool, number: usize },
    /// A segment of the active call.
    ActiveCall,
    /// Anywhere else.
    Other,
}

impl fmt::Display for TimePlace {
    /// "event 3's due", "the opening".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let which = |deleted: bool, number: usize| {
            if deleted {
                crate::t!("file-deleted-event-n", number = number.to_string())
            } else {
                crate::t!("file-event-n", number = number.to_string())
            }
        };
        match self {
            TimePlace::Opening => f.write_str(crate::t!("file-the-opening")),
            TimePlace::Event {
                deleted,
                number,
                field,
            } => f.write_str(&crate::t!(
                "file-event-field",
                event = which(*deleted, *number),
                field = field.as_str()
            )),
            TimePlace::Correction { deleted, number } => f.write_str(&crate::t!(
                "file-correction-of",
                event = which(*deleted, *number)
            )),
            TimePlace::ActiveCall => f.write_str(crate::t!("file-the-active-call")),
            TimePlace::Other => f.write_str(crate::t!("file-a-time")),
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            f.write_str(&crate::t!("file-line", line = line.to_string()))?;
            f.write_str(" ")?;
        }
        match &self.what {
            Lost::UnknownKey { key } => {
                f.write_str(&crate::t!("file-unknown-key", key = key.as_str()))
            }
            Lost::Comment => f.write_str(crate::t!("file-a-comment")),
            Lost::TimeOutOfRange { place, time } => f.write_str(&crate::t!(
                "file-time-out-of-range",
                place = place.to_string(),
                time = rfc3339(*time),
                first = FIRST_YEAR.to_string(),
                last = LAST_YEAR.to_string()
            )),
        }
    }
}

impl Lost {
    /// What the loss means for the case.
    fn consequence(&self) -> &'static str {
        match self {
            Lost::UnknownKey { .. } => crate::t!("file-lost-key"),
            Lost::Comment => crate::t!("file-lost-comment"),
            Lost::TimeOutOfRange { .. } => crate::t!("file-lost-time"),
        }
    }
}

impl fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOnly::NewerSchema { schema } => f.write_str(&crate::t!(
                "file-newer-schema-writes",
                schema = schema.to_string(),
                ours = SCHEMA.to_string()
            )),
            ReadOnly::Losses(losses) => {
                let Some((first, more)) = losses.split_first() else {
                    return Ok(());
                };
                write!(f, "{first}; {}", first.what.consequence())?;
                let named = |losses: &[Loss]| {
                    losses
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                match more.len() {
                    0 => Ok(()),
                    1..=3 => write!(f, " ({})", crate::t!("file-also", named = named(more))),
                    n => write!(
                        f,
                        " ({})",
                        crate::t!("file-also-more", named = named(&more[..3]), more = n - 3)
                    ),
                }
            }
        }
    }
}

/// The largest case file read, in bytes: far beyond any journal (a case with a hundred
/// thousand events is a few tens of megabytes).
pub const MAX_CASE_FILE: u64 = 256 * 1024 * 1024;

/// Why nothing could be made of a case file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    /// A FIFO, a device, a directory: only regular files are read.
    #[error("{}", crate::t!("file-not-regular"))]
    NotRegular,
    #[error("{}", crate::t!("file-too-big", len = .len.to_string(), max = MAX_CASE_FILE.to_string()))]
    TooBig { len: u64 },
    /// Reading failed; the system's words.
    #[error("{}", crate::t!("file-io", error = .message.as_str()))]
    Io { message: String },
    #[error("{}", crate::t!("file-not-utf8"))]
    NotUtf8,
    #[error("{}", crate::t!("file-empty"))]
    Empty,
    #[error("{}", crate::t!("file-parse", line = .line.to_string(), column = .column.to_string(), message = .message.as_str()))]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    /// A newer runaround wrote it, in a shape this build cannot read.
    #[error("{}", crate::t!("file-newer-schema", schema = .schema.to_string(), ours = SCHEMA.to_string()))]
    NewerSchema { schema: u32 },
    /// Event `number` (from 1; of the deleted events when `deleted`) breaks the rules.
    #[error("{}", if *.deleted {
        crate::t!("file-bad-deleted-event", number = .number.to_string(), message = .message.as_str())
    } else {
        crate::t!("file-bad-event", number = .number.to_string(), message = .message.as_str())
    })]
    BadEvent {
        deleted: bool,
        number: usize,
        message: String,
    },
    /// The id inside the file is not the one of its name.
    #[error("{}", crate::t!("file-id-mismatch", inside = .inside.as_str(), name = .name.as_str()))]
    IdMismatch { inside: String, name: String },
}
