//! The subcommands: each reads the journal through [`crate::storage`], changes it only through
//! [`crate::storage::Store::update`] and friends, and prints through [`crate::export`].

pub mod args;
pub mod meta;

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

pub use args::{Cli, Command};
use args::{Format, LogArgs, NewArgs};

use crate::clock::Clock;
use crate::domain::counters::loop_flags;
use crate::domain::resolve::{Candidate, resolve};
use crate::domain::text::{clean, clean_line};
use crate::domain::time::parse_when;
use crate::domain::{Case, Counters, Event, Field, Kind, PromiseState, Status, Summary};
use crate::export::{csv, json, markdown, text};
use crate::index::{Listed, Scan};
use crate::storage::{Entry, StorageError, Store, UpdateError, valid_id};

/// A command that failed: a usage error (exit 2) or anything else (exit 1).
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Failed(String),
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failed(_) => 1,
        }
    }

    /// The message for standard error.
    pub fn message(&self) -> &str {
        match self {
            CliError::Usage(m) | CliError::Failed(m) => m,
        }
    }
}

impl From<StorageError> for CliError {
    fn from(e: StorageError) -> Self {
        CliError::Failed(e.to_string())
    }
}

impl<E: std::fmt::Display> From<UpdateError<E>> for CliError {
    fn from(e: UpdateError<E>) -> Self {
        match e {
            UpdateError::Storage(e) => e.into(),
            UpdateError::Change(e) => CliError::Usage(e.to_string()),
        }
    }
}

fn usage(e: impl std::fmt::Display) -> CliError {
    CliError::Usage(e.to_string())
}

/// Resolves the clock from `--now` / `RUNAROUND_NOW`.
pub fn clock(now: Option<&str>) -> Result<Clock, CliError> {
    match now {
        None => Ok(Clock::System),
        Some(s) if s.trim().eq_ignore_ascii_case("now") => Ok(Clock::System),
        Some(s) => parse_when(s, Clock::System.now())
            .map(Clock::Fixed)
            .map_err(|e| usage(format!("--now: {e}"))),
    }
}

/// Resolves the data directory from `--data-dir` / `RUNAROUND_DIR` / the platform default.
pub fn data_dir(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    flag.or_else(crate::storage::default_dir).ok_or_else(|| {
        CliError::Failed("no data directory: set --data-dir or RUNAROUND_DIR".into())
    })
}

/// Runs a subcommand other than the TUI ones, writing its output to `out`.
pub fn run(
    command: Command,
    store: &Store,
    clock: Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let now = clock.now();
    let text = match command {
        Command::Demo => return Err(CliError::Failed("demo opens the TUI".into())),
        Command::Config { .. } | Command::Completions { .. } | Command::Man => {
            return Err(CliError::Failed(
                "config, completions and man need no journal: see cli::meta".into(),
            ));
        }
        Command::New(args) => new(store, now, &args)? + "\n",
        // The event line quotes what was typed, cleaned as it was stored.
        Command::Log(args) => clean(&log(store, now, &args)?) + "\n",
        Command::List { all, json } => {
            let mut out = JsonSafe::new(std::io::BufWriter::new(out));
            let listed = list(store, now, all, json, &mut out);
            out.flush()
                .map_err(|e| CliError::Failed(format!("cannot write output: {e}")))?;
            return listed;
        }
        Command::Show { case, json } => {
            let (mut case, read_only) = load_resolved(store, &case)?;
            if json {
                json_safe(&(json::case_json(&case, now, false, read_only.as_deref()) + "\n"))
            } else {
                case.clean_text();
                clean(&text::show(&case, now, read_only.as_deref()))
            }
        }
        Command::Status { case, status } => {
            let id = resolve_id(store, &case)?;
            let status: Status = status.into();
            store.update(&id, |c| {
                c.status = status;
                Ok::<_, String>(())
            })?;
            format!("{id} is now {status}\n")
        }
        Command::Export {
            case,
            format,
            output,
        } => {
            let (mut case, read_only) = load_resolved(store, &case)?;
            if let Some(reason) = &read_only {
                let warning = format!(
                    "case {} is read-only: {reason}; the export holds only what runaround \
                     reads from the file, not what is named there",
                    case.id
                );
                eprintln!("warning: {}", clean_line(&warning));
            }
            let read_only = read_only.as_deref();
            // What a case file holds is shown, never obeyed: control sequences in it (put
            // there by hand, a sync, another tool) are cleaned from text formats and escaped
            // in JSON, for a terminal and a file alike.
            let body = match format {
                Format::Json => json_safe(&(json::case_json(&case, now, true, read_only) + "\n")),
                Format::Md => {
                    case.clean_text();
                    clean(&markdown::dossier(&case, now, read_only))
                }
                Format::Csv => {
                    case.clean_text();
                    clean(
                        &csv::events_csv(&case, now)
                            .map_err(|e| CliError::Failed(e.to_string()))?,
                    )
                }
            };
            if let Some(path) = output {
                write_export(&path, body.as_bytes())?;
                String::new()
            } else {
                body
            }
        }
        Command::Import { file } => import(store, &file)?,
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError::Failed(format!("cannot write output: {e}")))
}

fn when(
    flag: &str,
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, CliError> {
    value
        .map(|v| parse_when(v, now).map_err(|e| usage(format!("{flag}: {e}"))))
        .transpose()
}

fn new(store: &Store, now: DateTime<Utc>, args: &NewArgs) -> Result<String, CliError> {
    let title = clean_line(&args.title.join(" "));
    if title.is_empty() {
        return Err(usage("the title is empty"));
    }
    let org = clean_line(&args.org);
    let outage = when("--outage", args.outage.as_deref(), now)?;
    // A case about an outage began no later than the outage.
    let opened = when("--opened", args.opened.as_deref(), now)?
        .unwrap_or_else(|| outage.map_or(now, |o| o.min(now)));
    let mut case = Case::new("", title, org, opened);
    case.tags = args
        .tags
        .iter()
        .map(|t| clean_line(t))
        .filter(|t| !t.is_empty())
        .collect();
    if let Some(at) = outage {
        case.add_event(Event::new(Kind::Outage, at, "service out"));
    }
    Ok(store.create(case)?)
}

/// Builds the event a `log` command describes, refusing flags its kind does not have.
pub fn event_from_args(args: &LogArgs, now: DateTime<Utc>) -> Result<Event, CliError> {
    let at = when("--at", args.at.as_deref(), now)?.unwrap_or(now);
    let mut e = Event::new(args.kind, at, clean_line(&args.summary.join(" ")));
    let fields = [
        (Field::Number, &args.number),
        (Field::Department, &args.department),
        (Field::Agent, &args.agent),
        (Field::Direction, &args.direction),
        (Field::Hold, &args.hold),
        (Field::Talk, &args.talk),
        (Field::Outcome, &args.outcome),
        (Field::To, &args.to),
        (Field::From, &args.from),
        (Field::Due, &args.due),
        (Field::State, &args.state),
        (Field::Channel, &args.channel),
        (Field::Subject, &args.subject),
        (Field::Ref, &args.reference),
        (Field::Who, &args.who),
        (Field::WindowStart, &args.window_start),
        (Field::WindowEnd, &args.window_end),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            e.set(field, value, now).map_err(usage)?;
        }
    }
    e.check_window().map_err(usage)?;
    if e.kind == Kind::Promise && e.state.is_none() {
        e.state = Some(PromiseState::Pending);
    }
    if let Some(detail) = &args.detail {
        e.detail = clean(detail);
    }
    Ok(e)
}

fn log(store: &Store, now: DateTime<Utc>, args: &LogArgs) -> Result<String, CliError> {
    let event = event_from_args(args, now)?;
    let id = resolve_id(store, &args.case)?;
    let (index, case) = store.update(&id, |case| Ok::<_, String>(case.add_event(event)))?;
    let flag = loop_flags(&case).into_iter().nth(index).flatten();
    Ok(text::event_line(&case.events[index], flag.as_deref(), now))
}

fn list(
    store: &Store,
    now: DateTime<Utc>,
    all: bool,
    as_json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let scan = Scan::new(store, now)?;
    let mut chosen: Vec<(usize, &Summary)> = Vec::new();
    let mut unreadable = 0;
    for (i, listed) in scan.entries.iter().enumerate() {
        match listed {
            Listed::Case { summary, .. } => {
                if all || summary.status == Status::Open {
                    chosen.push((i, summary));
                }
            }
            Listed::Unreadable { path, reason, .. } => {
                unreadable += 1;
                let warning = format!("{} cannot be read: {reason}", path.display());
                eprintln!("warning: {}", clean_line(&warning));
            }
        }
    }
    let files = scan.entries.len();
    if unreadable > 0 {
        eprintln!(
            "warning: {unreadable} of {files} case {} could not be read; they are not listed",
            if files == 1 { "file" } else { "files" }
        );
    }
    chosen.sort_by(|(_, a), (_, b)| {
        b.last_activity
            .cmp(&a.last_activity)
            .then_with(|| a.id.cmp(&b.id))
    });
    // Counters and events come from the index (a scan makes every summary answer at `now`);
    // should the index let us down after all (damaged on disk), the case file says it all.
    let from_file = |summary: &Summary| -> std::io::Result<(Counters, String)> {
        match store.load(&summary.id).map_err(std::io::Error::other)? {
            Entry::Ok { case, .. } => Ok((
                Counters::of(&case, now),
                json::events_blob_at(&case.events, now),
            )),
            Entry::Unreadable { path, reason, .. } => Err(std::io::Error::other(format!(
                "{} cannot be read: {reason}",
                path.display()
            ))),
        }
    };
    let written = if as_json {
        json::write_list(
            out,
            chosen.iter().map(|&(i, summary)| {
                // The index keeps the events as they read before any promise fell due: a case
                // with an overdue promise is read from its file to show it broken.
                let indexed = if summary.overdue_promises(now) {
                    None
                } else {
                    scan.events_json(i)
                };
                let (counters, events) = match (summary.counters(now), indexed) {
                    (Some(counters), Some(events)) => (counters, events),
                    _ => from_file(summary)?,
                };
                Ok(json::ListItem {
                    summary,
                    counters,
                    events,
                })
            }),
        )
    } else {
        chosen
            .iter()
            .map(|&(_, summary)| match summary.counters(now) {
                Some(counters) => Ok((summary, counters)),
                None => from_file(summary).map(|(counters, _)| (summary, counters)),
            })
            .collect::<std::io::Result<Vec<_>>>()
            .and_then(|table| {
                // With files that could not be read, an empty table is no sign of an empty
                // journal: standard error says what could not be read, and nothing claims
                // there are no cases.
                if table.is_empty() && unreadable > 0 {
                    return Ok(());
                }
                out.write_all(text::list_table(&table).as_bytes())
            })
    };
    written.map_err(|e| CliError::Failed(format!("cannot write output: {e}")))?;
    // The index is only a cache: failing to save it costs the next run time, nothing else.
    let _ = scan.save_if_stale();
    // Text that could not be saved into its case waits in these files for the user.
    let rescued = store.rescued();
    if !rescued.is_empty() {
        let names: Vec<String> = rescued
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        let warning = format!(
            "{} rescued notes {} in {} (notes that could not be saved into their case): {}",
            rescued.len(),
            if rescued.len() == 1 { "file" } else { "files" },
            store.dir().display(),
            names.join(", ")
        );
        eprintln!("warning: {}", clean_line(&warning));
    }
    if unreadable > 0 && unreadable == files {
        // An empty list would read as an empty journal.
        return Err(CliError::Failed(format!(
            "none of the {files} case {} in {} could be read",
            if files == 1 { "file" } else { "files" },
            store.dir().join("cases").display()
        )));
    }
    Ok(())
}

/// Writes an export to `path`. A regular file (or a new one) is replaced atomically; a
/// symbolic link is followed, so the file it points to is written (atomically when it is a
/// regular file) and the link stays; a FIFO, a terminal or another device (`/dev/stdout`,
/// `/dev/null`) is written in place, never replaced by a regular file.
fn write_export(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::ErrorKind;
    let failed = |e: std::io::Error| CliError::Failed(format!("{}: {e}", path.display()));
    let directory = || failed(std::io::Error::other("it is a directory"));
    let atomic = |file: &std::path::Path| -> Result<(), CliError> {
        crate::storage::write_file(file, bytes).map_err(|e| match e {
            StorageError::Io { source, .. } => {
                CliError::Failed(format!("cannot write {}: {source}", path.display()))
            }
            e => e.into(),
        })
    };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return atomic(path),
        Err(e) => return Err(failed(e)),
        Ok(meta) if meta.is_dir() => return Err(directory()),
        Ok(meta) if meta.is_file() => return atomic(path),
        Ok(meta) if meta.file_type().is_symlink() => {
            // `/dev/stdout`, `/dev/fd/N` and their like lead to a descriptor of this process,
            // not to a file to replace: whatever they lead to is written in place.
            let system = |p: &std::path::Path| p.starts_with("/dev") || p.starts_with("/proc");
            let through_descriptor =
                system(path) || std::fs::read_link(path).is_ok_and(|to| system(&to));
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => return Err(directory()),
                Ok(meta) if meta.is_file() && !through_descriptor => {
                    let file = std::fs::canonicalize(path).map_err(failed)?;
                    return atomic(&file);
                }
                // A link to nothing yet: the file is made where it points.
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(failed(e)),
                _ => {}
            }
        }
        // A FIFO, a terminal, another device: written in place.
        Ok(_) => {}
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
        .map_err(failed)
}

/// `json` with DEL and the C1 controls escaped (`\u009b`): `serde_json` escapes only C0, and a
/// C1 CSI is a control sequence to many terminals. The same JSON value, safe to print.
fn json_safe(json: &str) -> String {
    if !json.chars().any(|c| matches!(c, '\u{7f}'..='\u{9f}')) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}') {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that passes JSON through [`json_safe`] as it goes (`list --json`). Such characters
/// can only be inside strings, where an escape means the same.
struct JsonSafe<W: Write> {
    out: W,
    /// A first byte of a two-byte character (`C2`) not yet passed on.
    lead: bool,
}

impl<W: Write> JsonSafe<W> {
    fn new(out: W) -> Self {
        JsonSafe { out, lead: false }
    }
}

impl<W: Write> Write for JsonSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if self.lead {
                self.lead = false;
                if (0x80..0xa0).contains(&b) {
                    self.out.write_all(&buf[start..i])?;
                    write!(self.out, "\\u{:04x}", u32::from(b))?;
                    start = i + 1;
                    continue;
                }
                self.out.write_all(&[0xc2])?;
            }
            if b == 0xc2 || b == 0x7f {
                self.out.write_all(&buf[start..i])?;
                start = i + 1;
                if b == 0x7f {
                    self.out.write_all(b"\\u007f")?;
                } else {
                    self.lead = true;
                }
            }
        }
        self.out.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.out.write_all(&[0xc2])?;
        }
        self.out.flush()
    }
}

fn import(store: &Store, file: &str) -> Result<String, CliError> {
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| CliError::Failed(format!("{file}: {e}")))?;
    let cases = json::parse_import(&text)
        .map_err(|e| CliError::Failed(format!("{file}: {e}; nothing was imported")))?;
    for (i, case) in cases.iter().enumerate() {
        crate::storage::format::check_times(case).map_err(|e| {
            CliError::Failed(format!(
                "{file}: case {} ({}): {e}; nothing was imported",
                i + 1,
                case.id
            ))
        })?;
    }
    let mut out = String::new();
    for case in &cases {
        match store.insert(case) {
            Ok(()) => out.push_str(&format!("{}\n", case.id)),
            Err(StorageError::Exists(id)) => {
                eprintln!("warning: case {id} already exists; skipped");
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// The id of the case `query` names (see [`resolve`]). A title or prefix is looked up in the
/// journal's summaries (through the index), not in the case files.
pub fn resolve_id(store: &Store, query: &str) -> Result<String, CliError> {
    if valid_id(query) && store.path(query).exists() {
        return Ok(query.to_string());
    }
    let scan = Scan::new(store, Clock::System.now())?;
    let candidates: Vec<Candidate<'_>> = scan
        .entries
        .iter()
        .map(|e| Candidate {
            id: e.id(),
            title: match e {
                Listed::Case { summary, .. } => &summary.title,
                Listed::Unreadable { .. } => "(unreadable)",
            },
        })
        .collect();
    let index = resolve(query, &candidates).map_err(|e| CliError::Failed(e.to_string()))?;
    // The index is not saved here: the command is about to change or read the case anyway.
    Ok(scan.entries[index].id().to_string())
}

fn load_resolved(store: &Store, query: &str) -> Result<(Case, Option<String>), CliError> {
    let id = resolve_id(store, query)?;
    match store.load(&id)? {
        Entry::Ok {
            case, read_only, ..
        } => Ok((case, read_only)),
        Entry::Unreadable { path, reason, .. } => {
            Err(StorageError::Unreadable { path, reason }.into())
        }
    }
}
