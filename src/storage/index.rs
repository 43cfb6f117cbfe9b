//! The journal index: a cache, kept in `DIR/index`, of what listing the journal needs of each
//! case file — its [`Summary`] (counter inputs included) and its events — so that the case list
//! and `list --json` do not parse a thousand RON files.
//!
//! The case files stay the only source of truth. Each entry holds the stamp (size, nanosecond
//! mtime, inode) the file had when it was read, and is used only while the file still has that
//! stamp; any other file is read again. An index that is missing, damaged or from another
//! version is ignored and rebuilt, so deleting it loses nothing.
//!
//! It keeps data, not output: the events are stored as they are (compact JSON, deflated), and
//! `list --json` prints them as of its own moment, so that a promise overdue by now reads as
//! broken without the case file being read.
//!
//! Layout: a first line naming the format; a line giving the length and CRC-32 of the first
//! page, then the first page (JSON: the journal's count and its first [`PAGE`] rows in the
//! list's order, most recent activity first, with their stamps), which is all the first frame
//! reads; the events of each case one block after another, a JSON table of the entries (with
//! where each block is, its CRC-32 and its length inflated), and a last line giving where the
//! table starts and its CRC-32. Damage anywhere is caught by a checksum and costs only a re-read
//! of the case files concerned.
//!
//! Case files that must be read (no index, or changed ones) are read in parallel, on every
//! core.
//!
//! What is read of it is bounded by what the journal could need: an index much bigger than
//! the case files it lists (see [`bound`]), or one that is not a regular file (a FIFO would
//! block), is not read at all; nor is an events block inflated beyond what its case file
//! could hold.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Event, Summary};
use crate::storage::{Access, CaseFile, FileProblem, Stamp, StorageError, Store};

/// The first line. Version 4: a first page of the top rows comes first; the events are kept
/// as data (deflated JSON), and why a file is read-only or unreadable as a typed fact.
const MAGIC: &[u8] = b"runaround index 4\n";
/// The line after it: the first page's length in 20 digits, a space, its CRC-32 in 8 hex
/// digits, a line break.
const PAGE_HEAD: usize = 30;
/// How many rows the first page holds: more than the tallest terminal shows.
pub const PAGE: usize = 200;
/// The most the first page may take, whatever its head says.
const PAGE_MAX: u64 = 64 * 1024 * 1024;
/// The last line: a line break, the table's offset in 20 digits, a space, the table's CRC-32
/// in 8 hex digits, a line break.
const TRAILER: usize = 31;
const FILE: &str = crate::storage::names::INDEX;
/// How hard the events are deflated: the default level, which makes the index about a fifth
/// of the case files. (Lower levels make it bigger and inflate no faster.)
const LEVEL: i32 = 6;

/// A case file as the index knows it: its summary.
pub type Listed = CaseFile<Summary>;

/// Where the events of an entry are.
#[derive(Clone, Debug)]
enum Events {
    /// Deflated in the index file read, at this range, with this CRC-32 and length inflated.
    Indexed(Block),
    /// Read just now from the case file, as JSON kept in memory (no spill file could be made).
    Fresh(Vec<u8>),
    /// Read just now, as JSON put in the spill file at this range, with this CRC-32.
    Spilled(Range<u64>, u32),
    /// None: the file could not be read.
    None,
}

/// A deflated events block of the index file.
#[derive(Clone, Debug)]
struct Block {
    at: Range<u64>,
    crc: u32,
    /// How long the JSON is, inflated.
    len: u64,
}

#[derive(Serialize, Deserialize)]
struct Table {
    entries: Vec<Row>,
}

#[derive(Serialize, Deserialize)]
struct Row {
    stamp: Stamp,
    item: Item,
}

#[derive(Serialize, Deserialize)]
enum Item {
    Case {
        summary: Summary,
        access: Access,
        /// Offset, length and CRC-32 of the deflated events, and their length inflated.
        events: (u64, u64, u32, u64),
    },
    Unreadable {
        id: String,
        problem: FileProblem,
    },
}

/// The first page as stored: the journal's count and its top rows.
#[derive(Serialize, Deserialize)]
struct Page {
    total: usize,
    rows: Vec<PageRow>,
}

#[derive(Serialize, Deserialize)]
struct PageRow {
    stamp: Stamp,
    item: PageItem,
}

#[derive(Serialize, Deserialize)]
enum PageItem {
    Case { summary: Summary, access: Access },
    Unreadable { id: String, problem: FileProblem },
}

/// The first screen of a journal, from the first page of its index (no rows for a journal of
/// [`PAGE`] cases or fewer).
#[derive(Clone, Debug)]
pub struct FirstPage {
    /// The top rows, each as its file is now (a changed one read again, a deleted one left
    /// out), in the list's order as the index last knew it.
    pub rows: Vec<Listed>,
    /// How many case files the journal had when the index was written.
    pub total: usize,
}

/// The index as read from disk: its entries by id, and the open file for their events
/// (still readable after another process replaces the index).
struct OnDisk {
    entries: HashMap<String, (Listed, Option<Block>)>,
    file: File,
}

/// Every case file of a journal, listed through the index.
pub struct Scan {
    /// The case files, in no particular order.
    pub entries: Vec<Listed>,
    events: Vec<Events>,
    file: Option<File>,
    /// The events read during the scan (see [`Spill`]).
    spill: Option<File>,
    /// Whether the index on disk no longer matches the journal.
    pub stale: bool,
    /// Whether events of the index failed their checksum or would not decode.
    damaged: std::cell::Cell<bool>,
    store: Store,
}

impl Scan {
    /// Lists the journal in `store` at `now`: entries whose file has not changed (and whose
    /// summary can give the counters at `now`) come from the index, the others are read (in
    /// parallel). Only a directory that cannot be listed is an error.
    pub fn new(store: &Store, now: DateTime<Utc>) -> Result<Scan, StorageError> {
        Scan::telling(store, now, &|_, _| {})
    }

    /// [`Scan::new`], telling `progress` (files read, files to read) as the case files that
    /// must be read are read.
    pub fn telling(
        store: &Store,
        now: DateTime<Utc>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Scan, StorageError> {
        let never = AtomicBool::new(false);
        Scan::reading(store, now, progress, &never)
            .map(|scan| scan.unwrap_or_else(|| Scan::empty(store)))
    }

    /// [`Scan::new`], telling `progress` (files read, files to read) as the case files that
    /// must be read are read, and giving up (`None`) as soon as `stop` is set.
    pub fn reading(
        store: &Store,
        now: DateTime<Utc>,
        progress: &(dyn Fn(usize, usize) + Sync),
        stop: &AtomicBool,
    ) -> Result<Option<Scan>, StorageError> {
        let (started, files) = (std::time::Instant::now(), store.stamps()?);
        let mut on_disk = read(store, bound(&files));
        let mut stale = on_disk
            .as_ref()
            .is_none_or(|d| d.entries.len() != files.len());
        let mut slots: Vec<Option<(Listed, Events)>> = Vec::with_capacity(files.len());
        let mut to_read = Vec::new();
        for (id, stamp) in &files {
            let known = on_disk.as_mut().and_then(|d| d.entries.remove(id));
            match known {
                Some((listed, block)) if listed.stamp() == *stamp && answers(&listed, now) => {
                    slots.push(Some((listed, block.map_or(Events::None, Events::Indexed))));
                }
                _ => {
                    stale = true;
                    to_read.push((slots.len(), id.as_str()));
                    slots.push(None);
                }
            }
        }
        let spill = Spill::new(store, !to_read.is_empty());
        let Some(read) = read_files(store, now, &to_read, &spill, progress, stop) else {
            return Ok(None);
        };
        for (at, read) in read {
            slots[at] = read;
        }
        let (entries, events): (Vec<Listed>, Vec<Events>) = slots.into_iter().flatten().unzip();
        log::debug!(
            "index scan: {} cases, stale {stale}, {:?}",
            entries.len(),
            started.elapsed()
        );
        Ok(Some(Scan {
            entries,
            events,
            file: on_disk.map(|d| d.file),
            spill: spill.file,
            stale,
            damaged: std::cell::Cell::new(false),
            store: store.clone(),
        }))
    }

    /// A listing of nothing (never saved).
    fn empty(store: &Store) -> Scan {
        Scan {
            entries: Vec::new(),
            events: Vec::new(),
            file: None,
            spill: None,
            stale: false,
            damaged: std::cell::Cell::new(false),
            store: store.clone(),
        }
    }

    /// The events of entry `i`; `None` for an unreadable file, or when the index turns out to
    /// be damaged (the case file must be read then).
    pub fn events(&self, i: usize) -> Option<Vec<Event>> {
        let decoded = self
            .events_json(i)
            // Checked as UTF-8 once, not string by string.
            .and_then(|json| String::from_utf8(json).ok())
            .and_then(|json| serde_json::from_str(&json).ok());
        if decoded.is_none() && matches!(self.events.get(i), Some(Events::Indexed(..))) {
            self.damaged.set(true);
        }
        decoded
    }

    /// The events of entry `i` as the compact JSON the index keeps (an array, as `serde_json`
    /// writes `Vec<Event>`), unparsed; `None` for an unreadable file, or when the index turns
    /// out to be damaged (the case file must be read then).
    pub fn events_json(&self, i: usize) -> Option<Vec<u8>> {
        let events = self.events.get(i)?;
        let json = match events {
            Events::Indexed(block) => self
                .block(block)
                .and_then(|deflated| inflate(&deflated, block.len)),
            Events::Fresh(json) => Some(json.clone()),
            Events::Spilled(range, crc) => read_checked(self.spill.as_ref()?, range, *crc),
            Events::None => None,
        };
        // Not checked as UTF-8 here: every block is checked against its CRC-32, and the JSON
        // was written by `serde_json`.
        if json.is_none() && matches!(events, Events::Indexed(..)) {
            self.damaged.set(true);
        }
        json
    }

    /// Says that events the index gave turned out not to be sound: the index is removed
    /// instead of saved, and the next run reads every case file.
    pub fn mark_damaged(&self) {
        self.damaged.set(true);
    }

    /// The deflated bytes of an events block of the index read, if they are sound.
    fn block(&self, block: &Block) -> Option<Vec<u8>> {
        read_checked(self.file.as_ref()?, &block.at, block.crc)
    }

    /// The events of an entry as the index keeps them: deflated, with their length inflated.
    fn deflated(&self, events: &Events) -> Option<(Vec<u8>, u64)> {
        let json = match events {
            // Copied as they are: what was sound when read is sound now.
            Events::Indexed(block) => return self.block(block).map(|b| (b, block.len)),
            Events::Fresh(json) => json.clone(),
            Events::Spilled(range, crc) => read_checked(self.spill.as_ref()?, range, *crc)?,
            Events::None => return None,
        };
        let len = json.len() as u64;
        Some((deflate(&json)?, len))
    }

    /// Writes the index when it no longer matches the journal. A failure only means the next
    /// run reads more files; it is returned for the caller to ignore or report.
    pub fn save_if_stale(&self) -> Result<(), StorageError> {
        self.save_unless(&std::sync::atomic::AtomicBool::new(false))
    }

    /// [`Scan::save_if_stale`], giving up (and leaving no temp file) as soon as `stop` is set:
    /// for a save on another thread that must not outlive the process.
    pub fn save_unless(&self, stop: &std::sync::atomic::AtomicBool) -> Result<(), StorageError> {
        if self.damaged.get() {
            // Which blocks are sound is not worth finding out: the next run reads every file.
            return remove(&self.store).map_err(|source| StorageError::Io {
                path: self.store.dir().join(FILE),
                source,
            });
        }
        if !self.stale {
            return Ok(());
        }
        let path = self.store.dir().join(FILE);
        crate::storage::atomic::write_streamed(&path, stop, |out, stopped| {
            out.write_all(MAGIC)?;
            let page = serde_json::to_vec(&self.first_page())?;
            writeln!(out, "{:020} {:08x}", page.len(), crc32fast::hash(&page))?;
            out.write_all(&page)?;
            let mut at = (MAGIC.len() + PAGE_HEAD + page.len()) as u64;
            let mut rows = Vec::with_capacity(self.entries.len());
            for (listed, events) in self.entries.iter().zip(&self.events) {
                stopped()?;
                let item = match listed {
                    CaseFile::Readable {
                        body: summary,
                        access,
                        ..
                    } => {
                        // Events that are not there or not sound leave their case out: it is
                        // read from its file next time.
                        let Some((block, inflated)) = self.deflated(events) else {
                            continue;
                        };
                        out.write_all(&block)?;
                        let len = block.len() as u64;
                        at += len;
                        Item::Case {
                            summary: summary.clone(),
                            access: access.clone(),
                            events: (at - len, len, crc32fast::hash(&block), inflated),
                        }
                    }
                    CaseFile::Unreadable { id, problem, .. } => Item::Unreadable {
                        id: id.clone(),
                        problem: problem.clone(),
                    },
                };
                rows.push(Row {
                    stamp: listed.stamp(),
                    item,
                });
            }
            let table = serde_json::to_vec(&Table { entries: rows })?;
            out.write_all(&table)?;
            write!(out, "\n{at:020} {:08x}\n", crc32fast::hash(&table))
        })
    }
}

impl Scan {
    /// The first page of the index this listing would write: its top rows in the list's order;
    /// none for a journal of a page or less, which is listed whole at once.
    fn first_page(&self) -> Page {
        let mut order: Vec<&Listed> = self.entries.iter().collect();
        if order.len() <= PAGE {
            order.clear();
        }
        order.sort_by_key(|listed| listed.sort_key());
        let rows = order
            .into_iter()
            .take(PAGE)
            .map(|listed| PageRow {
                stamp: listed.stamp(),
                item: match listed {
                    CaseFile::Readable { body, access, .. } => PageItem::Case {
                        summary: body.clone(),
                        access: access.clone(),
                    },
                    CaseFile::Unreadable { id, problem, .. } => PageItem::Unreadable {
                        id: id.clone(),
                        problem: problem.clone(),
                    },
                },
            })
            .collect();
        Page {
            total: self.entries.len(),
            rows,
        }
    }
}

/// A case file read by a scan: its entry and its events.
type ReadFile = (Listed, Events);

/// Reads the case files `to_read` (their place among the entries, their id) at `now`, in
/// parallel on every core, their events put in `spill`; `None` in a place whose file is gone.
/// Gives up, answering `None`, as soon as `stop` is set.
fn read_files(
    store: &Store,
    now: DateTime<Utc>,
    to_read: &[(usize, &str)],
    spill: &Spill,
    progress: &(dyn Fn(usize, usize) + Sync),
    stop: &AtomicBool,
) -> Option<Vec<(usize, Option<ReadFile>)>> {
    /// Files a thread takes at a time: small enough to share the work out evenly.
    const CHUNK: usize = 16;
    /// How often progress is told, in files.
    const TELL_EVERY: usize = 64;
    let total = to_read.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let read_one = |id: &str| -> Option<ReadFile> {
        let entry = store.load(id).ok()?;
        let events = match &entry {
            CaseFile::Readable { body, .. } => spill.keep(&body.events),
            CaseFile::Unreadable { .. } => Events::None,
        };
        Some((entry.map(|case| Summary::of(&case, now)), events))
    };
    let work = || {
        let mut out = Vec::new();
        loop {
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            if start >= total || stop.load(Ordering::Relaxed) {
                return out;
            }
            for &(at, id) in &to_read[start..total.min(start + CHUNK)] {
                out.push((at, read_one(id)));
                let told = done.fetch_add(1, Ordering::Relaxed) + 1;
                if told.is_multiple_of(TELL_EVERY) || told == total {
                    progress(told, total);
                }
            }
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(total.div_ceil(CHUNK));
    let read = if threads <= 1 {
        work()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            let mut all = Vec::with_capacity(total);
            for handle in handles {
                // A thread that panicked leaves its files unlisted: treated as a stop.
                match handle.join() {
                    Ok(part) => all.extend(part),
                    Err(_) => stop.store(true, Ordering::Relaxed),
                }
            }
            all
        })
    };
    (!stop.load(Ordering::Relaxed)).then_some(read)
}

/// Where a scan puts the events it reads (as JSON), so that rebuilding the index of a large
/// journal does not hold them all in memory: an unnamed temporary file in the journal's
/// directory (0600, gone when closed). Without one, they stay in memory. They are deflated
/// only when the index is saved (on another thread, for the TUI).
struct Spill {
    file: Option<File>,
    len: AtomicU64,
}

impl Spill {
    /// A spill file in `store`'s directory when there are events to keep (`needed`).
    fn new(store: &Store, needed: bool) -> Spill {
        Spill {
            file: needed
                .then(|| tempfile::tempfile_in(store.dir()).ok())
                .flatten(),
            len: AtomicU64::new(0),
        }
    }

    /// Keeps `events` (from any thread): in the spill file, else in memory.
    fn keep(&self, events: &[Event]) -> Events {
        let Ok(json) = serde_json::to_vec(events) else {
            return Events::None;
        };
        let Some(file) = &self.file else {
            return Events::Fresh(json);
        };
        let bytes = json.as_slice();
        let start = self.len.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if file.write_all_at(bytes, start).is_err() {
            return Events::Fresh(json);
        }
        Events::Spilled(start..start + bytes.len() as u64, crc32fast::hash(bytes))
    }
}

/// The inflated bytes of `deflated`, if they are exactly `len` long (no more is inflated).
fn inflate(deflated: &[u8], len: u64) -> Option<Vec<u8>> {
    let mut json = vec![0; usize::try_from(len).ok()?];
    // Raw deflate (no zlib header): negative window bits.
    let (made, status) = zlib_rs::decompress_slice(
        &mut json,
        deflated,
        zlib_rs::InflateConfig { window_bits: -15 },
    );
    let made = made.len();
    (status == zlib_rs::ReturnCode::Ok && made == json.len()).then_some(json)
}

/// `json` deflated (raw deflate, as [`inflate`] reads it) at [`LEVEL`].
fn deflate(json: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0; zlib_rs::compress_bound(json.len())];
    let config = zlib_rs::DeflateConfig {
        level: LEVEL,
        window_bits: -15,
        ..zlib_rs::DeflateConfig::default()
    };
    let (made, status) = zlib_rs::compress_slice(&mut out, json, config);
    let made = made.len();
    out.truncate(made);
    (status == zlib_rs::ReturnCode::Ok).then_some(out)
}

/// How many entries ahead of the one being listed [`Scan::with_events_json`] may have read
/// and inflated.
const AHEAD: usize = 32;

impl Scan {
    /// Gives `f` the events of entries `order`, one after another, as [`Scan::events_json`]
    /// gives them; the blocks of the entries ahead are read and inflated on a second thread
    /// meanwhile (at most [`AHEAD`] of them), so that inflating costs the listing little time
    /// when a second core is free.
    pub fn with_events_json<R>(
        &self,
        order: &[usize],
        f: impl FnOnce(&mut dyn Iterator<Item = Option<Vec<u8>>>) -> R,
    ) -> R {
        let sequential = || order.iter().map(|&i| self.events_json(i));
        let Some(file) = self.file.as_ref() else {
            return f(&mut sequential());
        };
        let blocks: Vec<Block> = order
            .iter()
            .filter_map(|&i| match self.events.get(i) {
                Some(Events::Indexed(block)) => Some(block.clone()),
                _ => None,
            })
            .collect();
        std::thread::scope(|s| {
            let (done, results) = std::sync::mpsc::sync_channel(AHEAD);
            let worker = std::thread::Builder::new().spawn_scoped(s, move || {
                for block in blocks {
                    let json = read_checked(file, &block.at, block.crc)
                        .and_then(|deflated| inflate(&deflated, block.len));
                    // Given up on: the listing stopped.
                    if done.send(json).is_err() {
                        break;
                    }
                }
            });
            if worker.is_err() {
                return f(&mut sequential());
            }
            let mut ahead = order.iter().map(|&i| match self.events.get(i) {
                Some(Events::Indexed(_)) => {
                    let json = results.recv().ok().flatten();
                    if json.is_none() {
                        self.damaged.set(true);
                    }
                    json
                }
                _ => self.events_json(i),
            });
            f(&mut ahead)
        })
    }
}

/// The bytes of `range` in `file`, if their CRC-32 is `crc`.
fn read_checked(file: &File, range: &Range<u64>, crc: u32) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
    file.read_exact_at(&mut bytes, range.start).ok()?;
    (crc32fast::hash(&bytes) == crc).then_some(bytes)
}

/// Whether an indexed entry can give the counters at `now` (a summary cannot for a moment
/// before its last event).
fn answers(listed: &Listed, now: DateTime<Utc>) -> bool {
    match listed {
        CaseFile::Readable { body, .. } => body.counters(now).is_some(),
        CaseFile::Unreadable { .. } => true,
    }
}

/// The largest index worth reading for case files `files`: what each entry could take beyond
/// its file (the summary, its events even if they would not deflate), with room to spare. The
/// summary of a case grows with its file, so a few times its size bounds it, plus a fixed part
/// per entry. The same bound per file limits what one events block may inflate to.
fn bound(files: &[(String, Stamp)]) -> u64 {
    const SLACK: u64 = 1024 * 1024;
    files
        .iter()
        .map(|(_, stamp)| per_file(stamp))
        .fold(SLACK, u64::saturating_add)
}

/// The most an entry can take for a case file of stamp `stamp`.
fn per_file(stamp: &Stamp) -> u64 {
    const PER_FILE: u64 = 64 * 1024;
    stamp.len.saturating_mul(4).saturating_add(PER_FILE)
}

/// The index of `store`, or `None` when there is none or it cannot be trusted: it is not a
/// regular file, or it is bigger than `max` bytes (nothing is read then).
fn read(store: &Store, max: u64) -> Option<OnDisk> {
    let path = store.dir().join(FILE);
    let mut file =
        crate::storage::open_regular(std::fs::OpenOptions::new().read(true), &path).ok()?;
    let len = file.metadata().ok()?.len();
    let min = (MAGIC.len() + TRAILER) as u64;
    if len < min || len > max {
        return None;
    }
    let page_len = page_head(&mut file, len)?.0;
    // Where the events blocks may start: after the first page.
    let body = (MAGIC.len() + PAGE_HEAD) as u64 + page_len;
    let mut trailer = [0u8; TRAILER];
    file.read_exact_at(&mut trailer, len - TRAILER as u64)
        .ok()?;
    let trailer = std::str::from_utf8(trailer.strip_prefix(b"\n")?.strip_suffix(b"\n")?).ok()?;
    let (table_at, crc) = trailer.split_once(' ')?;
    let table_at: u64 = table_at.parse().ok()?;
    let crc = u32::from_str_radix(crc, 16).ok()?;
    if table_at < body || table_at > len - TRAILER as u64 {
        return None;
    }
    let mut table = vec![0; usize::try_from(len - TRAILER as u64 - table_at).ok()?];
    file.read_exact_at(&mut table, table_at).ok()?;
    if crc32fast::hash(&table) != crc {
        return None;
    }
    let table: Table = serde_json::from_slice(&table).ok()?;
    let mut entries = HashMap::with_capacity(table.entries.len());
    for row in table.entries {
        let (listed, block) = match row.item {
            Item::Case {
                summary,
                access,
                events: (start, len, crc, inflated),
            } => {
                let end = start.checked_add(len)?;
                if start < body || end > table_at || inflated > per_file(&row.stamp) {
                    return None;
                }
                (
                    CaseFile::Readable {
                        body: summary,
                        access,
                        stamp: row.stamp,
                    },
                    Some(Block {
                        at: start..end,
                        crc,
                        len: inflated,
                    }),
                )
            }
            Item::Unreadable { id, problem } => (
                CaseFile::Unreadable {
                    id,
                    problem,
                    stamp: row.stamp,
                },
                None,
            ),
        };
        entries.insert(listed.id().to_string(), (listed, block));
    }
    Some(OnDisk { entries, file })
}

/// Checks the first line of the index `file` (of `len` bytes) and reads the head of its first
/// page: the page's length and CRC-32, if they can be right.
fn page_head(file: &mut File, len: u64) -> Option<(u64, u32)> {
    let mut head = vec![0; MAGIC.len() + PAGE_HEAD];
    file.read_exact(&mut head).ok()?;
    let line = head.strip_prefix(MAGIC)?.strip_suffix(b"\n")?;
    let (page_len, crc) = std::str::from_utf8(line).ok()?.split_once(' ')?;
    let page_len: u64 = page_len.parse().ok()?;
    let crc = u32::from_str_radix(crc, 16).ok()?;
    let room = len.checked_sub((MAGIC.len() + PAGE_HEAD + TRAILER) as u64)?;
    (page_len <= room.min(PAGE_MAX)).then_some((page_len, crc))
}

/// The first screen of the journal in `store` at `now`, from the first page of its index
/// alone (nothing else of the index is read): its rows, each checked against its file's stamp
/// (a file changed since is read again, a deleted one left out), and the journal's count as
/// the index last knew it. `None` when there is no index, or it is of another version, or its
/// first page is damaged.
pub fn first_page(store: &Store, now: DateTime<Utc>) -> Option<FirstPage> {
    let path = store.dir().join(FILE);
    let mut file =
        crate::storage::open_regular(std::fs::OpenOptions::new().read(true), &path).ok()?;
    let len = file.metadata().ok()?.len();
    let (page_len, crc) = page_head(&mut file, len)?;
    let mut page = vec![0; usize::try_from(page_len).ok()?];
    file.read_exact(&mut page).ok()?;
    if crc32fast::hash(&page) != crc {
        return None;
    }
    let page: Page = serde_json::from_slice(&page).ok()?;
    let rows = page
        .rows
        .into_iter()
        .filter_map(|row| {
            let now_stamp = store.stamp(match &row.item {
                PageItem::Case { summary, .. } => &summary.id,
                PageItem::Unreadable { id, .. } => id,
            })?;
            let listed = match row.item {
                PageItem::Case { summary, access } => CaseFile::Readable {
                    body: summary,
                    access,
                    stamp: row.stamp,
                },
                PageItem::Unreadable { id, problem } => CaseFile::Unreadable {
                    id,
                    problem,
                    stamp: row.stamp,
                },
            };
            if listed.stamp() == now_stamp && answers(&listed, now) {
                Some(listed)
            } else {
                let entry = store.load(listed.id()).ok()?;
                Some(entry.map(|case| Summary::of(&case, now)))
            }
        })
        .collect();
    Some(FirstPage {
        rows,
        total: page.total,
    })
}

/// A first screen of the journal in `store` at `now` without its index: every file is looked
/// at (not read), and the `most` last modified ones are read (the time a file was last
/// written standing in for its case's last activity). Also gives how many case files there
/// are.
pub fn recent_files(
    store: &Store,
    now: DateTime<Utc>,
    most: usize,
) -> Result<(Vec<Listed>, usize), StorageError> {
    let mut files = store.stamps()?;
    let total = files.len();
    files.sort_by_key(|(_, stamp)| std::cmp::Reverse((stamp.mtime, stamp.mtime_nsec)));
    let rows = files
        .iter()
        .take(most)
        .filter_map(|(id, _)| store.load(id).ok())
        .map(|entry| entry.map(|case| Summary::of(&case, now)))
        .collect();
    Ok((rows, total))
}

/// Removes the index, so the next listing reads every file (for tests and benchmarks).
pub fn remove(store: &Store) -> std::io::Result<()> {
    match fs::remove_file(store.dir().join(FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, Kind};

    #[test]
    fn events_inflate_to_exactly_their_length_and_older_blocks_still_read() {
        let json = br#"[{"at":"2013-08-17T10:00:00Z","kind":"note","summary":"called, called, called again"}]"#;
        let block = deflate(json).unwrap();
        assert!(block.len() < json.len());
        assert_eq!(inflate(&block, json.len() as u64).unwrap(), json);
        // Not a byte more or less than the table says.
        assert_eq!(inflate(&block, json.len() as u64 - 1), None);
        assert_eq!(inflate(&block, json.len() as u64 + 1), None);
        assert_eq!(inflate(&block[..block.len() / 2], json.len() as u64), None);
        // The same events as an older build deflated them (another deflater, same format).
        let older: [u8; 69] = [
            139, 174, 86, 74, 44, 81, 178, 82, 50, 50, 48, 52, 214, 53, 176, 208, 53, 52, 15, 49,
            52, 176, 50, 0, 161, 40, 37, 29, 165, 236, 204, 188, 20, 160, 108, 94, 126, 73, 42,
            144, 87, 92, 154, 155, 155, 88, 84, 9, 20, 72, 78, 204, 201, 73, 77, 209, 81, 64, 165,
            21, 18, 211, 19, 51, 243, 148, 106, 99, 1,
        ];
        assert_eq!(inflate(&older, json.len() as u64).unwrap(), json);
    }

    fn case(id: &str, events: usize) -> Case {
        let at = crate::domain::time::parse_stored("2026-01-05T09:00:00Z").unwrap();
        let mut case = Case::new(id, "Geen internet", "KPN", at);
        for n in 0..events {
            let when = at + chrono::Duration::minutes(n as i64);
            case.events
                .push(Event::new(Kind::Call, when, format!("call {n} of {id}")));
        }
        case
    }

    #[test]
    fn events_read_ahead_come_in_order_and_a_damaged_block_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let now = crate::domain::time::parse_stored("2026-02-01T12:00:00Z").unwrap();
        for n in 0..2 * AHEAD + 3 {
            store.insert(&case(&format!("c{n:03}"), n % 7)).unwrap();
        }
        Scan::new(&store, now).unwrap().save_if_stale().unwrap();
        // One case more, read from its file (not from the index) by the next scan.
        store.insert(&case("fresh", 3)).unwrap();
        let scan = Scan::new(&store, now).unwrap();
        let mut order: Vec<usize> = (0..scan.entries.len()).rev().collect();
        order.extend([0, 5, 0]);
        let one_by_one: Vec<Option<Vec<u8>>> = order.iter().map(|&i| scan.events_json(i)).collect();
        assert!(one_by_one.iter().all(Option::is_some));
        let ahead: Vec<Option<Vec<u8>>> = scan.with_events_json(&order, |events| events.collect());
        assert_eq!(ahead, one_by_one);
        // A listing that stops early lets the reader go.
        let first = scan.with_events_json(&order, |events| events.next());
        assert_eq!(first, Some(one_by_one[0].clone()));
        assert!(!scan.damaged.get());

        // A block damaged on disk after the scan: its entry has no events, and the index goes.
        let path = dir.path().join(FILE);
        let mut bytes = fs::read(&path).unwrap();
        let Some(Events::Indexed(block)) = scan.events.get(order[1]) else {
            panic!("not from the index");
        };
        bytes[block.at.start as usize] ^= 0x55;
        FileExt::write_all_at(&File::options().write(true).open(&path).unwrap(), &bytes, 0)
            .unwrap();
        let ahead: Vec<Option<Vec<u8>>> = scan.with_events_json(&order, |events| events.collect());
        assert_eq!(ahead[1], None);
        assert_eq!(ahead[0], one_by_one[0]);
        assert_eq!(ahead[2..], one_by_one[2..]);
        assert!(scan.damaged.get());
        scan.save_if_stale().unwrap();
        assert!(!path.exists(), "a damaged index is removed");
    }
}
