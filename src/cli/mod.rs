//! The subcommands: each reads the journal through [`crate::storage`], changes it only through
//! [`crate::storage::Store::update`] and friends, and prints through [`crate::export`].

pub mod args;
pub mod attach;
pub mod due;
pub mod escalation;
mod import;
pub mod letter;
pub mod list_json;
pub mod map;
pub mod meta;
mod reading;
pub mod sync;
pub mod terms;
pub mod words;

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

pub use args::{Cli, Command};
use args::{Format, LogArgs, NewArgs};

use crate::clock::Clock;
use crate::domain::change::Change;
use crate::domain::draft::{EventDraft, NewCase};
use crate::domain::resolve::{Candidate, resolve};
use crate::domain::text::{clean, clean_line};
use crate::domain::time::parse_when;
use crate::domain::{Case, Counters, Event, Field, Status, Summary};
use crate::export::dossier::{Dossier, sha256_hex};
use crate::export::{csv, html, json, markdown, text};
use crate::i18n::vocab;
use crate::index::Scan;
use crate::storage::{Access, CaseFile, StorageError, Store, UpdateError, valid_id};
use crate::t;
use words::loop_flags;

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
    flag.or_else(crate::storage::default_dir)
        .ok_or_else(|| CliError::Failed(t!("cli-no-data-dir").to_string()))
}

/// The dossier of `case`, its digest that of the JSON exactly as `export --format json`
/// writes it; the case's text is cleaned on the way. Render it with `markdown::render` or
/// `html::render` (and `clean`).
pub fn dossier_of(case: &mut Case, now: DateTime<Utc>, read_only: Option<&str>) -> Dossier {
    let exported = json_safe(&(json::case_json(case, now, true, read_only) + "\n"));
    case.clean_text();
    let mut d = Dossier::build(case, now, read_only, &escalation::packs());
    d.digest = sha256_hex(exported.as_bytes());
    d
}

/// Runs a subcommand other than the TUI ones, writing its output to `out`.
#[allow(clippy::too_many_lines)]
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
            out.flush().map_err(|e| {
                CliError::Failed(t!("cli-cannot-write-output", error = e.to_string()))
            })?;
            return listed;
        }
        Command::Show { case, json } => {
            let (mut case, access) = load_resolved(store, &case)?;
            let read_only = access.read_only().map(ToString::to_string);
            if json {
                json_safe(&(json::case_json(&case, now, false, read_only.as_deref()) + "\n"))
            } else {
                case.clean_text();
                clean(&text::show(&case, now, read_only.as_deref()))
            }
        }
        Command::Set(args) => clean(&terms::set(store, &args)?) + "\n",
        Command::Clocks { .. } | Command::Rules { .. } | Command::Due { .. } => {
            return Err(CliError::Failed(
                "clocks and rules read the rule packs of the config dir: see cli::escalation"
                    .into(),
            ));
        }
        Command::Status { case, status } => {
            let id = resolve_id(store, &case)?;
            let status: Status = status.into();
            store.update(&id, |c| Change::SetStatus(status).apply(c))?;
            t!(
                "cli-status-now",
                id = id.as_str(),
                status = vocab::status(status)
            ) + "\n"
        }
        Command::Letter {
            case,
            kind,
            output,
            redact,
        } => letter::letter(store, now, &case, kind, output.as_deref(), redact)?,
        Command::Export {
            case,
            format,
            output,
            redact,
        } => {
            // The files of a bundle are the user's own documents: nothing can mask them.
            if redact && format == Format::Dir {
                return Err(CliError::Usage(t!("attach-dir-no-redact").to_string()));
            }
            let (mut case, access) = load_resolved(store, &case)?;
            // Masked before any renderer sees the case: every format shows the same copy.
            if redact {
                case = letter::redacted(store, &case);
            }
            let read_only = access.read_only().map(ToString::to_string);
            if let Some(reason) = &read_only {
                let warning = t!(
                    "cli-export-read-only",
                    id = case.id.as_str(),
                    reason = reason.as_str()
                );
                eprintln!("{}", t!("cli-warning", text = clean_line(&warning)));
            }
            let read_only = read_only.as_deref();
            // What a case file holds is shown, never obeyed: control sequences in it (put
            // there by hand, a sync, another tool) are cleaned from text formats and escaped
            // in JSON, for a terminal and a file alike.
            let body = match format {
                Format::Dir => {
                    return attach::export(store, case, now, read_only, output.as_deref());
                }
                Format::Json => json_safe(&(json::case_json(&case, now, true, read_only) + "\n")),
                Format::Md => clean(&markdown::render(&dossier_of(&mut case, now, read_only))),
                Format::Html => clean(&html::render(&dossier_of(&mut case, now, read_only))),
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
        Command::Attach(args) => attach::attach(store, now, &args)?,
        Command::Import { file } => import::import(store, &file)?,
        Command::Map { case, format, json } => map::map(store, &case, format, json)?,
        Command::Numbers { org, json } => map::numbers(store, now, org.as_deref(), json)?,
        Command::Sync { .. } | Command::MergeDriver { .. } => {
            return Err(CliError::Failed("sync runs git: see cli::sync".into()));
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError::Failed(t!("cli-cannot-write-output", error = e.to_string())))
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
    let mut draft = NewCase {
        title: args.title.join(" "),
        organisation: args.org.clone(),
        tags: args.tags.clone(),
        ..NewCase::default()
    };
    draft.check().map_err(usage)?;
    draft.outage = when("--outage", args.outage.as_deref(), now)?;
    draft.opened = when("--opened", args.opened.as_deref(), now)?;
    let mut case = draft.case(now).map_err(usage)?;
    terms::apply(&mut case, &args.terms).map_err(usage)?;
    Ok(store.create(case)?)
}

/// Builds the event a `log` command describes, refusing flags its kind does not have.
pub fn event_from_args(args: &LogArgs, now: DateTime<Utc>) -> Result<Event, CliError> {
    let at = when("--at", args.at.as_deref(), now)?.unwrap_or(now);
    let mut draft = EventDraft::new(args.kind, at, args.summary.join(" "));
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
            draft = draft.with(field, value);
        }
    }
    draft.detail = args.detail.clone().unwrap_or_default();
    draft.event(now).map_err(usage)
}

fn log(store: &Store, now: DateTime<Utc>, args: &LogArgs) -> Result<String, CliError> {
    let event = event_from_args(args, now)?;
    let id = resolve_id(store, &args.case)?;
    let (index, case) = store.update(&id, |case| Change::AddEvent(event).apply_placing(case))?;
    let flag = index.and_then(|i| loop_flags(&case).into_iter().nth(i).flatten());
    let index = index.unwrap_or_default();
    Ok(text::event_line(&case.events[index], flag.as_deref(), now))
}

fn list(
    store: &Store,
    now: DateTime<Utc>,
    all: bool,
    as_json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    sync::merge_conflict_copies(store);
    let scan = reading::scan(store, now)?;
    let mut chosen: Vec<(usize, &Summary)> = Vec::new();
    let mut unreadable = 0;
    for (i, listed) in scan.entries.iter().enumerate() {
        match listed {
            CaseFile::Readable { body: summary, .. } => {
                if all || summary.status == Status::Open {
                    chosen.push((i, summary));
                }
            }
            CaseFile::Unreadable { id, problem, .. } => {
                unreadable += 1;
                let warning = t!(
                    "cli-cannot-be-read",
                    path = store.path(id).display().to_string(),
                    problem = problem.to_string()
                );
                eprintln!("{}", t!("cli-warning", text = clean_line(&warning)));
            }
        }
    }
    let files = scan.entries.len();
    if unreadable > 0 {
        let warning = t!(
            "cli-some-unreadable",
            unreadable = unreadable,
            files = files
        );
        eprintln!("{}", t!("cli-warning", text = warning));
    }
    chosen.sort_by(|(_, a), (_, b)| {
        b.last_activity
            .cmp(&a.last_activity)
            .then_with(|| a.id.cmp(&b.id))
    });
    // Counters and events come from the index (a scan makes every summary answer at `now`);
    // should the index let us down after all (damaged on disk), the case file says it all.
    let from_file = |summary: &Summary| -> std::io::Result<(Counters, Vec<Event>)> {
        match store.load(&summary.id).map_err(std::io::Error::other)? {
            CaseFile::Readable { body: case, .. } => Ok((Counters::of(&case, now), case.events)),
            CaseFile::Unreadable { id, problem, .. } => Err(std::io::Error::other(t!(
                "cli-cannot-be-read",
                path = store.path(&id).display().to_string(),
                problem = problem.to_string()
            ))),
        }
    };
    let written = if as_json {
        let order: Vec<usize> = chosen.iter().map(|&(i, _)| i).collect();
        scan.with_events_json(&order, |events_json| {
            list_json::write(
                out,
                chosen.iter().zip(events_json).map(|(&(_, summary), json)| {
                    let (counters, events) =
                        if let (Some(counters), Some(events)) = (summary.counters(now), json) {
                            (counters, events)
                        } else {
                            let (counters, events) = from_file(summary)?;
                            (counters, serde_json::to_vec(&events)?)
                        };
                    Ok(list_json::Item {
                        summary,
                        counters,
                        events,
                    })
                }),
                |summary| {
                    scan.mark_damaged();
                    serde_json::to_vec(&from_file(summary)?.1).map_err(std::io::Error::from)
                },
                now,
            )
        })
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
    written.map_err(|e| CliError::Failed(t!("cli-cannot-write-output", error = e.to_string())))?;
    // The index is only a cache: failing to save it costs the next run time, nothing else.
    let _ = scan.save_if_stale();
    warn_rescued(store);
    if unreadable > 0 && unreadable == files {
        // An empty list would read as an empty journal.
        return Err(CliError::Failed(t!(
            "cli-none-readable",
            files = files,
            dir = store.dir().join("cases").display().to_string()
        )));
    }
    Ok(())
}

/// Says on standard error which rescued-notes files wait in the journal: text that could not
/// be saved into its case waits in them for the user.
fn warn_rescued(store: &Store) {
    let rescued = store.rescued();
    if !rescued.is_empty() {
        let names: Vec<String> = rescued
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        let warning = t!(
            "cli-rescued-notes",
            count = rescued.len(),
            dir = store.dir().display().to_string(),
            names = names.join(", ")
        );
        eprintln!("{}", t!("cli-warning", text = clean_line(&warning)));
    }
}

/// Writes an export to `path`. A regular file (or a new one) is replaced atomically; a
/// symbolic link is followed, so the file it points to is written (atomically when it is a
/// regular file) and the link stays; a FIFO, a terminal or another device (`/dev/stdout`,
/// `/dev/null`) is written in place, never replaced by a regular file.
fn write_export(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::ErrorKind;
    let failed = |e: std::io::Error| CliError::Failed(format!("{}: {e}", path.display()));
    let directory = || failed(std::io::Error::other(t!("cli-is-a-directory")));
    let atomic = |file: &std::path::Path| -> Result<(), CliError> {
        crate::storage::write_file(file, bytes).map_err(|e| match e {
            StorageError::Io { source, .. } => CliError::Failed(t!(
                "cli-cannot-write",
                path = path.display().to_string(),
                error = source.to_string()
            )),
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
pub(crate) fn json_safe(json: &str) -> String {
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
        // `buf[..start]` is passed on; only the bytes that may need an escape are looked for
        // (they are rare), and the bytes between them are passed on as they are.
        let mut start = 0;
        let mut i = 0;
        while i < buf.len() {
            if std::mem::take(&mut self.lead) {
                let b = buf[i];
                if (0x80..0xa0).contains(&b) {
                    write!(self.out, "\\u{:04x}", u32::from(b))?;
                    i += 1;
                    start = i;
                    continue;
                }
                self.out.write_all(&[0xc2])?;
            }
            let Some(found) = memchr::memchr2(0xc2, 0x7f, &buf[i..]) else {
                break;
            };
            let at = i + found;
            self.out.write_all(&buf[start..at])?;
            if buf[at] == 0x7f {
                self.out.write_all(b"\\u007f")?;
            } else {
                self.lead = true;
            }
            i = at + 1;
            start = i;
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
            title: e
                .body()
                .map_or(t!("cli-unreadable"), |summary| &summary.title),
        })
        .collect();
    let index = resolve(query, &candidates).map_err(|e| CliError::Failed(e.to_string()))?;
    // The index is not saved here: the command is about to change or read the case anyway.
    Ok(scan.entries[index].id().to_string())
}

fn load_resolved(store: &Store, query: &str) -> Result<(Case, Access), CliError> {
    let id = resolve_id(store, query)?;
    store.load(&id)?.into_result().map_err(|reason| {
        StorageError::Unreadable {
            path: store.path(&id),
            reason,
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_safe_writes_escape_exactly_as_the_whole_text_is_escaped() {
        let text = "a\u{7f}b\u{85}\u{9f}\u{a0}é\u{c2}\u{80}\u{85}z\u{2028}\u{7f}";
        let want = json_safe(text);
        assert!(want.contains("\\u007f") && want.contains("\\u0085") && want.contains('\u{a0}'));
        for chunk in 1..=text.len() {
            let mut out = JsonSafe::new(Vec::new());
            for part in text.as_bytes().chunks(chunk) {
                out.write_all(part).unwrap();
            }
            out.flush().unwrap();
            assert_eq!(
                String::from_utf8(out.out).unwrap(),
                want,
                "chunks of {chunk}"
            );
        }
    }
}
