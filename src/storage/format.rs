//! The case file: pretty, hand-editable RON with a schema version, no Rust type names, times as
//! RFC 3339 UTC strings and durations as whole seconds.
//!
//! Strings are written raw (unescaped): ron parses escaped strings in quadratic time, which
//! made a pasted 40,000-line note take seconds to load. Raw strings are safe because stored
//! text never holds control characters (see [`crate::domain::text::clean`]).

use chrono::{DateTime, Utc};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::domain::time::serde_rfc3339;
use crate::domain::{ActiveCall, Case, Event, Reference, Status};

/// The newest schema this build reads and writes. Files with a higher number open read-only.
/// Schema 2 adds events' `amendments` and the case's `deleted_events`; a case without them is
/// still written as schema 1, so that older builds keep reading it (they would open a schema 2
/// file read-only rather than drop its corrections).
pub const SCHEMA: u32 = 2;

#[derive(Deserialize)]
struct Record {
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
    #[serde(default)]
    notes: String,
    #[serde(default)]
    events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    active_call: Option<ActiveCall>,
    #[serde(default)]
    deleted_events: Vec<Event>,
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
}

#[derive(Deserialize)]
struct Probe {
    schema: u32,
}

/// A file read back: the case, and the schema it was written with.
#[derive(Debug)]
pub struct Decoded {
    pub case: Case,
    pub schema: u32,
}

/// Writes a case as the text of its file.
pub fn encode(case: &Case) -> Result<String, ron::Error> {
    let record = RecordOut {
        schema: if case.has_amendments() { 2 } else { 1 },
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

/// How files are read: `implicit_some` is on even without the header line, so a hand-written
/// file can say `due: "…"` rather than `due: Some("…")`.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads the text of a case file. On failure the reason names what was wrong, and a file from a
/// newer schema is said to be one even when this build cannot read it.
pub fn decode(text: &str) -> Result<Decoded, String> {
    match options().from_str::<Record>(text) {
        Ok(r) => {
            let mut case = Case {
                id: r.id,
                title: r.title,
                organisation: r.organisation,
                status: r.status,
                opened: r.opened,
                tags: r.tags,
                references: r.references,
                notes: r.notes,
                events: r.events,
                active_call: r.active_call,
                deleted_events: r.deleted_events,
            };
            if let Some((i, e)) = case
                .events
                .iter()
                .enumerate()
                .find_map(|(i, e)| e.validate().err().map(|e| (i, e)))
            {
                return Err(format!("event {}: {e}", i + 1));
            }
            if let Some((i, e)) = case
                .deleted_events
                .iter()
                .enumerate()
                .find_map(|(i, e)| e.validate().err().map(|e| (i, e)))
            {
                return Err(format!("deleted event {}: {e}", i + 1));
            }
            case.sort_events();
            Ok(Decoded {
                case,
                schema: r.schema,
            })
        }
        Err(err) => match options().from_str::<Probe>(text) {
            Ok(p) if p.schema > SCHEMA => Err(format!(
                "written by a newer runaround (schema {}, this one reads up to {SCHEMA})",
                p.schema
            )),
            _ => Err(describe(&err, text)),
        },
    }
}

fn describe(err: &ron::error::SpannedError, text: &str) -> String {
    if text.trim().is_empty() {
        return "the file is empty".into();
    }
    format!(
        "line {}, column {}: {}",
        err.span.start.line, err.span.start.col, err.code
    )
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
        assert!(decode("(schema: 1").unwrap_err().starts_with("line 1"));
    }
}
