//! The case file: pretty, hand-editable RON with a schema version, no Rust type names, times as
//! RFC 3339 UTC strings and durations as whole seconds.
//!
//! Strings are written raw (unescaped): ron parses escaped strings in quadratic time, which
//! made a pasted 40,000-line note take seconds to load. Raw strings are safe because stored
//! text never holds control characters (see [`crate::domain::text::clean`]).
//!
//! Nothing a person typed into a file is dropped silently by the next save: a file with a key
//! this build does not know, a comment, or a time it could not write back is read, but
//! read-only, with the line named ([`Decoded::read_only`]).

use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, Utc};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::de::DeserializeSeed;
use serde::{Deserialize, Serialize};

use super::file::{Access, FileProblem, Loss, Lost, ReadOnly, TimePlace};
use super::layout::{self, Seg};
use crate::domain::time::{FIRST_YEAR, LAST_YEAR, rfc3339, serde_rfc3339, storable};
use crate::domain::{
    ActiveCall, Attachment, Case, Country, Currency, Customer, Event, FieldChange, Reference,
    Status,
};

/// The newest schema this build reads and writes. Files with a higher number open read-only.
/// Schema 2 adds events' `amendments` and the case's `deleted_events`; a case without them is
/// still written as schema 1, so that older builds keep reading it (they would open a schema 2
/// file read-only rather than drop its corrections). Schema 3 adds the events' stable `id`s
/// and the case's `changes` (what its fields said before each change): storage gives every
/// event an id when it first writes its case, so a case with events is written as schema 3
/// from then on (older builds open it read-only rather than drop the ids). Schema 4 adds the
/// case's `attachments`; a case without any is written as before.
pub const SCHEMA: u32 = 4;

#[derive(Deserialize)]
struct Record<'a> {
    schema: u32,
    id: String,
    title: String,
    organisation: String,
    status: Status,
    #[serde(with = "serde_rfc3339")]
    opened: DateTime<Utc>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    references: Vec<Reference>,
    /// Borrowed from the text where it can be (a raw string): then its place in the file is
    /// known, and the scan for comments jumps over it.
    #[serde(default, borrow)]
    notes: Cow<'a, str>,
    #[serde(default)]
    events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    active_call: Option<ActiveCall>,
    #[serde(default)]
    deleted_events: Vec<Event>,
    #[serde(default)]
    changes: Vec<FieldChange>,
    #[serde(default)]
    country: Option<Country>,
    #[serde(default)]
    customer: Option<Customer>,
    #[serde(default)]
    monthly_fee_minor: Option<i64>,
    #[serde(default)]
    currency: Option<Currency>,
    #[serde(default)]
    attachments: Vec<Attachment>,
}

/// A case as written: [`Record`]'s fields, borrowed.
#[derive(Serialize)]
struct RecordOut<'a> {
    schema: u32,
    id: &'a str,
    title: &'a str,
    organisation: &'a str,
    status: Status,
    #[serde(with = "serde_rfc3339")]
    opened: DateTime<Utc>,
    tags: &'a [String],
    references: &'a [Reference],
    notes: &'a str,
    events: &'a [Event],
    #[serde(skip_serializing_if = "Option::is_none")]
    active_call: Option<&'a ActiveCall>,
    #[serde(skip_serializing_if = "<[Event]>::is_empty")]
    deleted_events: &'a [Event],
    #[serde(skip_serializing_if = "<[FieldChange]>::is_empty")]
    changes: &'a [FieldChange],
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<Country>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<Customer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_fee_minor: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<Currency>,
    #[serde(skip_serializing_if = "<[Attachment]>::is_empty")]
    attachments: &'a [Attachment],
}

#[derive(Deserialize)]
struct Probe {
    schema: u32,
}

/// A file read back: the case, the schema it was written with, and why it must not be written
/// over, if it must not: a newer schema, or something the next save would lose.
#[derive(Debug)]
pub struct Decoded {
    pub case: Case,
    pub schema: u32,
    pub access: Access,
}

/// Writes a case as the text of its file. A time outside the years a file can hold is refused,
/// naming it: written, it would make the whole file unreadable.
pub fn encode(case: &Case) -> Result<String, ron::Error> {
    check_times(case).map_err(ron::Error::Message)?;
    let record = RecordOut {
        schema: schema_of(case),
        id: &case.id,
        title: &case.title,
        organisation: &case.organisation,
        status: case.status,
        opened: case.opened,
        tags: &case.tags,
        references: &case.references,
        notes: &case.notes,
        events: &case.events,
        active_call: case.active_call.as_ref(),
        deleted_events: &case.deleted_events,
        changes: &case.changes,
        country: case.country,
        customer: case.customer,
        monthly_fee_minor: case.monthly_fee_minor,
        currency: case.currency,
        attachments: &case.attachments,
    };
    let config = PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("  ");
    let mut text = ron::ser::to_string_pretty(&record, config)?;
    text.push('\n');
    Ok(text)
}

/// The oldest schema that holds everything of `case`, so that older builds keep reading what
/// they can read whole.
fn schema_of(case: &Case) -> u32 {
    let ids = case
        .events
        .iter()
        .chain(&case.deleted_events)
        .any(|e| !e.id.is_empty());
    if !case.attachments.is_empty() {
        4
    } else if ids || !case.changes.is_empty() {
        3
    } else if case.has_amendments() {
        2
    } else {
        1
    }
}

/// Checks that every time of `case` falls in the years a file can hold; the error names the
/// first that does not.
pub fn check_times(case: &Case) -> Result<(), String> {
    match times(case).into_iter().find(|(_, t)| !storable(*t)) {
        Some((what, t)) => Err(crate::t!(
            "file-time-outside",
            place = what.place().to_string(),
            time = rfc3339(t),
            first = FIRST_YEAR.to_string(),
            last = LAST_YEAR.to_string()
        )),
        None => Ok(()),
    }
}

/// How files are read: `implicit_some` is on even without the header line, so a hand-written
/// file can say `due: "…"` rather than `due: Some("…")`.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads the text of a case file. On failure the problem names what was wrong, and a file from
/// a newer schema is said to be one even when this build cannot read it.
pub fn decode(text: &str) -> Result<Decoded, FileProblem> {
    let mut ignored: Vec<Vec<Seg>> = Vec::new();
    match options().from_str_seed(text, Collect(&mut ignored)) {
        Ok(r) => {
            let notes_at = place_in(text, &r.notes);
            let mut case = Case {
                id: r.id,
                title: r.title,
                organisation: r.organisation,
                status: r.status,
                opened: r.opened,
                tags: r.tags,
                references: r.references,
                notes: r.notes.into_owned(),
                events: r.events,
                active_call: r.active_call,
                deleted_events: r.deleted_events,
                changes: r.changes,
                country: r.country,
                customer: r.customer,
                monthly_fee_minor: r.monthly_fee_minor,
                currency: r.currency,
                attachments: r.attachments,
            };
            for (deleted, events) in [(false, &case.events), (true, &case.deleted_events)] {
                if let Some((i, e)) = events
                    .iter()
                    .enumerate()
                    .find_map(|(i, e)| e.validate().err().map(|e| (i, e)))
                {
                    return Err(FileProblem::BadEvent {
                        deleted,
                        number: i + 1,
                        message: e.to_string(),
                    });
                }
            }
            // Before sorting: the paths of the times are those of the file.
            let read_only = if r.schema > SCHEMA {
                Some(ReadOnly::NewerSchema { schema: r.schema })
            } else {
                losses(text, &case, &ignored, notes_at.as_ref())
            };
            case.sort_events();
            Ok(Decoded {
                case,
                schema: r.schema,
                access: read_only.map_or(Access::Writable, Access::ReadOnly),
            })
        }
        Err(err) => match options().from_str::<Probe>(text) {
            Ok(p) if p.schema > SCHEMA => Err(FileProblem::NewerSchema { schema: p.schema }),
            _ => Err(describe(&err, text)),
        },
    }
}

/// Where `s` lies in `text`, when it was borrowed from it.
#[allow(clippy::ptr_arg)] // whether it was borrowed is the point
fn place_in(text: &str, s: &Cow<'_, str>) -> Option<Range<usize>> {
    let Cow::Borrowed(s) = *s else { return None };
    let start = s.as_ptr().addr().checked_sub(text.as_ptr().addr())?;
    (start + s.len() <= text.len()).then_some(start..start + s.len())
}

/// Reads a [`Record`], collecting the paths of the keys it does not know.
struct Collect<'a>(&'a mut Vec<Vec<Seg>>);

impl<'de> DeserializeSeed<'de> for Collect<'_> {
    type Value = Record<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Record<'de>, D::Error> {
        let sink = self.0;
        serde_ignored::deserialize(d, |path| sink.push(segments(&path)))
    }
}

fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path;
    let mut out = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            Path::Root => break,
            Path::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                parent
            }
            Path::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                parent
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => parent,
        };
    }
    out.reverse();
    out
}

/// Where a time sits in a case, to name it.
#[derive(Clone, Debug)]
struct TimeAt {
    path: Vec<Seg>,
}

impl TimeAt {
    fn new(path: &[(&str, Option<usize>)]) -> TimeAt {
        let mut segs = Vec::new();
        for (key, index) in path {
            segs.push(Seg::Key((*key).to_string()));
            segs.extend(index.map(Seg::Index));
        }
        TimeAt { path: segs }
    }

    /// Where the time is, as a case names it.
    fn place(&self) -> TimePlace {
        match self.path.as_slice() {
            [Seg::Key(k)] if k == "opened" => TimePlace::Opening,
            [Seg::Key(e), Seg::Index(i), Seg::Key(k)] if e == "events" || e == "deleted_events" => {
                TimePlace::Event {
                    deleted: e == "deleted_events",
                    number: i + 1,
                    field: k.clone(),
                }
            }
            [Seg::Key(e), Seg::Index(i), Seg::Key(a), ..] if a == "amendments" => {
                TimePlace::Correction {
                    deleted: e != "events",
                    number: i + 1,
                }
            }
            [Seg::Key(a), ..] if a == "active_call" => TimePlace::ActiveCall,
            _ => TimePlace::Other,
        }
    }
}

/// Every time of a case with where it sits, in file order.
fn times(case: &Case) -> Vec<(TimeAt, DateTime<Utc>)> {
    let mut out = vec![(TimeAt::new(&[("opened", None)]), case.opened)];
    for (list, events) in [
        ("events", &case.events),
        ("deleted_events", &case.deleted_events),
    ] {
        for (i, e) in events.iter().enumerate() {
            let fields = [
                ("at", Some(e.at)),
                ("due", e.due),
                ("window_start", e.window_start),
                ("window_end", e.window_end),
            ];
            for (key, t) in fields {
                if let Some(t) = t {
                    out.push((TimeAt::new(&[(list, Some(i)), (key, None)]), t));
                }
            }
            for (j, a) in e.amendments.iter().enumerate() {
                out.push((
                    TimeAt::new(&[(list, Some(i)), ("amendments", Some(j)), ("at", None)]),
                    a.at,
                ));
            }
        }
    }
    for (i, c) in case.changes.iter().enumerate() {
        out.push((TimeAt::new(&[("changes", Some(i)), ("at", None)]), c.at));
    }
    for (i, a) in case.attachments.iter().enumerate() {
        out.push((
            TimeAt::new(&[("attachments", Some(i)), ("added", None)]),
            a.added,
        ));
        if let Some(t) = a.removed {
            out.push((
                TimeAt::new(&[("attachments", Some(i)), ("removed", None)]),
                t,
            ));
        }
    }
    if let Some(call) = &case.active_call {
        for (i, s) in call.segments.iter().enumerate() {
            out.push((
                TimeAt::new(&[("active_call", None), ("segments", Some(i)), ("from", None)]),
                s.from,
            ));
        }
    }
    out
}

/// What the next save of a file would lose or break, as the reason it is read-only: keys this
/// build does not know, comments, times outside the years a file can hold. `None` when the
/// file would be written back with everything in it.
fn losses(
    text: &str,
    case: &Case,
    ignored: &[Vec<Seg>],
    notes_at: Option<&Range<usize>>,
) -> Option<ReadOnly> {
    let bad_times: Vec<(TimeAt, DateTime<Utc>)> = times(case)
        .into_iter()
        .filter(|(_, t)| !storable(*t))
        .collect();
    // One pass over the text, which jumps over strings (where a note's bulk is) to their
    // ends; the paths of the keys are only worked out when a key or time is to be named.
    let layout = layout::scan(text, !ignored.is_empty() || !bad_times.is_empty(), notes_at);
    // (byte offset, loss): named in file order.
    let mut found: Vec<(usize, Loss)> = Vec::new();
    let mut add = |at: Option<usize>, what: Lost| {
        let line = at.map(|at| layout::line_at(text, at));
        found.push((at.unwrap_or(usize::MAX), Loss { line, what }));
    };
    for path in ignored {
        let key = match path.last() {
            Some(Seg::Key(k)) => k.clone(),
            _ => "?".into(),
        };
        add(layout.offset_of(path), Lost::UnknownKey { key });
    }
    for (what, t) in &bad_times {
        add(
            layout.offset_of(&what.path),
            Lost::TimeOutOfRange {
                place: what.place(),
                time: *t,
            },
        );
    }
    for at in &layout.comments {
        add(Some(*at), Lost::Comment);
    }
    if found.is_empty() {
        return None;
    }
    found.sort_by_key(|(at, _)| *at);
    Some(ReadOnly::Losses(
        found.into_iter().map(|(_, loss)| loss).collect(),
    ))
}

fn describe(err: &ron::error::SpannedError, text: &str) -> FileProblem {
    if text.trim().is_empty() {
        return FileProblem::Empty;
    }
    FileProblem::Parse {
        line: err.span.start.line,
        column: err.span.start.col,
        message: without_type_names(&err.code),
    }
}

/// What ron says was wrong, without the names of runaround's Rust types (`Record`, `Event`,
/// `Status`…) that some of its messages quote: they mean nothing to a person reading a file.
fn without_type_names(code: &ron::Error) -> String {
    use ron::Error as E;
    let fields = |name: &str| {
        if name == "Record" {
            "the case's fields in parentheses `( … )`"
        } else {
            "fields in parentheses `( … )`"
        }
    };
    match code {
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected {}, found `{found}`", fields(expected))
        }
        E::ExpectedNamedStructLike(name) => format!("expected {}", fields(name)),
        E::ExpectedStructName(name) => format!("expected {}", fields(name)),
        E::InvalidValueForType { expected, found } => {
            let expected = match expected.split_once(' ') {
                Some(("struct" | "tuple", name)) => fields(name).to_string(),
                Some(("enum", _)) => "one of the known words".to_string(),
                _ => expected.clone(),
            };
            format!("expected {expected} but found {found} instead")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => E::NoSuchEnumVariant {
            expected,
            found: found.clone(),
            outer: None,
        }
        .to_string(),
        E::NoSuchStructField {
            expected, found, ..
        } => E::NoSuchStructField {
            expected,
            found: found.clone(),
            outer: None,
        }
        .to_string(),
        E::MissingStructField { field, .. } => {
            E::MissingStructField { field, outer: None }.to_string()
        }
        E::DuplicateStructField { field, .. } => {
            E::DuplicateStructField { field, outer: None }.to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_files_need_no_some_and_no_header() {
        let text = r#"(schema: 1, id: "x", title: "t", organisation: "o", status: "open",
            opened: "2026-03-25T09:00:00Z",
            events: [(at: "2026-03-27T10:00:00Z", kind: "promise", due: "2026-03-30T10:00:00Z")])"#;
        let decoded = decode(text).unwrap();
        assert!(decoded.case.events[0].due.is_some());
        assert!(
            decode("(schema: 1")
                .unwrap_err()
                .to_string()
                .starts_with("line 1")
        );
    }

    #[test]
    fn reasons_never_name_rust_types() {
        let types = [
            "Record",
            "Event",
            "Reference",
            "ActiveCall",
            "Status",
            "Kind",
            "Probe",
        ];
        for text in [
            "garbage",
            "Record(schema: 1)",
            "(schema: 1, id: \"x\", title: \"t\", organisation: \"o\", status: \"open\", opened: \"2026-03-25T09:00:00Z\", id: \"y\")",
            "(schema: 1, id: \"x\", title: \"t\", organisation: \"o\", status: \"open\", opened: \"2026-03-25T09:00:00Z\", events: [garbage])",
            "(schema: 1, id: \"x\", title: \"t\", organisation: \"o\", status: \"open\", opened: \"2026-03-25T09:00:00Z\", events: [(at: \"2026-03-25T09:00:00Z\")])",
            "(schema: 1, id: \"x\", title: \"t\", organisation: \"o\", opened: \"2026-03-25T09:00:00Z\")",
            "(schema: 1, id: \"x\", title: \"t\", organisation: \"o\", status: 3, opened: \"2026-03-25T09:00:00Z\")",
            "[1, 2]",
            "42",
        ] {
            let reason = decode(text).unwrap_err().to_string();
            for name in types {
                assert!(!reason.contains(&format!("`{name}`")), "{text}: {reason}");
                assert!(
                    !reason.contains(&format!("struct {name}")),
                    "{text}: {reason}"
                );
            }
        }
        assert!(
            decode("garbage")
                .unwrap_err()
                .to_string()
                .contains("expected the case's fields in parentheses `( … )`, found `garbage`")
        );
    }
}
