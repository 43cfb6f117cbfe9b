//! The JSON form of a case (`show --json`, `list --json`, `export --format json`) and reading
//! it back (`import`).

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::time::rfc3339;
use crate::domain::{
    ActiveCall, Attachment, Case, Counters, Country, Currency, Customer, Event, FieldChange,
    PromiseState, Reference, Status, Summary,
};
use crate::storage::valid_id;
use crate::t;

/// A case as JSON shows it: the stored fields, its counters as of a moment, (in exports) its
/// notes, and its events (left out only for the head of a `list --json` element, whose events
/// come from the journal index).
#[derive(Serialize)]
pub struct CaseDoc<'a> {
    id: &'a str,
    title: &'a str,
    organisation: &'a str,
    status: Status,
    opened: String,
    last_activity: String,
    counters: Counters,
    tags: &'a [String],
    references: &'a [Reference],
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<Country>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<Customer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_fee_minor: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<Currency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    active_call: Option<&'a ActiveCall>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<EventDoc<'a>>>,
    /// Events deleted from the timeline, with their amendments (absent when none; not in
    /// `list --json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted_events: Option<Vec<EventDoc<'a>>>,
    /// What the case's fields said before each change (absent when none).
    #[serde(skip_serializing_if = "<[FieldChange]>::is_empty")]
    changes: &'a [FieldChange],
    /// The files attached as evidence, removed ones too (absent when none).
    #[serde(skip_serializing_if = "<[Attachment]>::is_empty")]
    attachments: &'a [Attachment],
    /// Why the case file is read-only (absent when it is writable): what it holds that this
    /// document does not (keys runaround does not know, comments), named with their lines.
    /// `import` refuses a document that has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    read_only: Option<&'a str>,
}

/// An event as JSON shows it: its stored keys and, for a promise, `effective_state`, its state
/// as of the document's moment (a pending promise whose due has passed is `broken`).
#[derive(Serialize)]
pub struct EventDoc<'a> {
    #[serde(flatten)]
    event: &'a Event,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_state: Option<PromiseState>,
}

/// The events as JSON shows them at `now`.
pub fn event_docs(events: &[Event], now: DateTime<Utc>) -> Vec<EventDoc<'_>> {
    events
        .iter()
        .map(|event| EventDoc {
            event,
            effective_state: event.effective_state(now),
        })
        .collect()
}

impl<'a> CaseDoc<'a> {
    /// The document of `case` as of `now`; `with_notes` for exports.
    pub fn new(case: &'a Case, now: DateTime<Utc>, with_notes: bool) -> Self {
        CaseDoc {
            id: &case.id,
            title: &case.title,
            organisation: &case.organisation,
            status: case.status,
            opened: rfc3339(case.opened),
            last_activity: rfc3339(case.last_activity()),
            counters: Counters::of(case, now),
            tags: &case.tags,
            references: &case.references,
            country: case.country,
            customer: case.customer,
            monthly_fee_minor: case.monthly_fee_minor,
            currency: case.currency,
            notes: with_notes.then_some(case.notes.as_str()),
            active_call: case.active_call.as_ref(),
            events: Some(event_docs(&case.events, now)),
            deleted_events: (!case.deleted_events.is_empty())
                .then(|| event_docs(&case.deleted_events, now)),
            changes: &case.changes,
            attachments: &case.attachments,
            read_only: None,
        }
    }

    /// The fields of a `list --json` element before its events, from a summary.
    pub(crate) fn head(s: &'a Summary, counters: Counters) -> Self {
        CaseDoc {
            id: &s.id,
            title: &s.title,
            organisation: &s.organisation,
            status: s.status,
            opened: rfc3339(s.opened),
            last_activity: rfc3339(s.last_activity),
            counters,
            tags: &s.tags,
            references: &s.references,
            country: s.country,
            customer: s.customer,
            monthly_fee_minor: s.monthly_fee_minor,
            currency: s.currency,
            notes: None,
            active_call: s.active_call.as_ref(),
            events: None,
            deleted_events: None,
            changes: &[],
            attachments: &[],
            read_only: None,
        }
    }
}

/// One case as pretty JSON; `read_only`, why its file is read-only, becomes the key
/// `"read_only"`.
pub fn case_json(
    case: &Case,
    now: DateTime<Utc>,
    with_notes: bool,
    read_only: Option<&str>,
) -> String {
    let doc = CaseDoc {
        read_only,
        ..CaseDoc::new(case, now, with_notes)
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Several cases as a JSON array.
pub fn list_json<'a>(cases: impl IntoIterator<Item = &'a Case>, now: DateTime<Utc>) -> String {
    let docs: Vec<CaseDoc<'_>> = cases
        .into_iter()
        .map(|c| CaseDoc {
            deleted_events: None,
            changes: &[],
            attachments: &[],
            ..CaseDoc::new(c, now, false)
        })
        .collect();
    serde_json::to_string_pretty(&docs).unwrap_or_default()
}

/// One case of `list --json`, from its summary: the same element [`list_json`] writes for the
/// whole case, given its counters and its events.
pub struct ListItem<'a> {
    pub summary: &'a Summary,
    pub counters: Counters,
    pub events: Vec<Event>,
}

/// Writes `list --json` (and its final line break) from summaries at `now`, as [`list_json`]
/// would from the cases. Items are made one at a time, so the events of all cases are never
/// in memory at once.
pub fn write_list<'a>(
    out: &mut impl Write,
    items: impl IntoIterator<Item = std::io::Result<ListItem<'a>>>,
    now: DateTime<Utc>,
) -> std::io::Result<()> {
    /// The items, serialised as the array they make (taken on the first serialisation).
    struct Items<I>(std::cell::Cell<Option<I>>, DateTime<Utc>);
    impl<'a, I: Iterator<Item = std::io::Result<ListItem<'a>>>> Serialize for Items<I> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::{Error, SerializeSeq};
            let mut seq = serializer.serialize_seq(None)?;
            for item in self.0.take().into_iter().flatten() {
                let item = item.map_err(S::Error::custom)?;
                seq.serialize_element(&CaseDoc {
                    events: Some(event_docs(&item.events, self.1)),
                    ..CaseDoc::head(item.summary, item.counters)
                })?;
            }
            seq.end()
        }
    }
    let items = Items(std::cell::Cell::new(Some(items.into_iter())), now);
    // The serialiser makes many small writes: they go to `out` in large ones.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &items).map_err(std::io::Error::other)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// Why an import document was refused. Nothing is imported from a refused document.
#[derive(Debug)]
pub enum ImportError {
    /// The document could not be read (the file, not what it says).
    Read(std::io::Error),
    /// The document is not JSON outside its cases: before, between or after them (the error
    /// names the line and column).
    Syntax(serde_json::Error),
    /// Case `index` (from 1, in the document's order) was refused: `id` is what it says its id
    /// is, if it got that far; a case that is not JSON says so, with the line and column.
    Case {
        index: usize,
        id: Option<String>,
        reason: String,
    },
}

impl std::error::Error for ImportError {}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Read(e) => write!(f, "{e}"),
            ImportError::Syntax(e) => f.write_str(&t!("import-not-json", error = e.to_string())),
            ImportError::Case { index, id, reason } => {
                // Quoted with escapes: an id is what the document says, control characters
                // and all.
                let said = if let Some(id) = id {
                    t!(
                        "import-case-with-id",
                        index = *index,
                        id = id.escape_debug().to_string(),
                        reason = reason.as_str()
                    )
                } else {
                    t!("import-case", index = *index, reason = reason.as_str())
                };
                f.write_str(&said)
            }
        }
    }
}

/// Reads an import document: one case object as `export --format json` writes it, or an array
/// of them. Every case is checked before any is returned.
pub fn parse_import(text: &str) -> Result<Vec<Case>, ImportError> {
    let mut cases = Vec::new();
    read_import(text.as_bytes(), |_, case| {
        cases.push(case);
        Ok::<_, ImportError>(())
    })?;
    Ok(cases)
}

/// Reads an import document (see [`parse_import`]) from `reader` one case at a time, without
/// holding more than one case: `each` is given every case, with its index in the document
/// (from 1), as soon as it is read and checked. Stops at the first error: the document's, or
/// the one `each` returns.
pub fn read_import<E: From<ImportError>>(
    reader: impl std::io::Read,
    mut each: impl FnMut(usize, Case) -> Result<(), E>,
) -> Result<(), E> {
    let mut source = Source {
        inner: reader,
        error: None,
    };
    let mut stop = None;
    let parsed = {
        let buffered = std::io::BufReader::with_capacity(1 << 16, &mut source);
        let mut de = serde_json::Deserializer::from_reader(buffered);
        let document = Document {
            each: &mut each,
            stop: &mut stop,
        };
        serde::de::DeserializeSeed::deserialize(document, &mut de).and_then(|()| de.end())
    };
    // A file that could not be read is that, whatever the parser made of the missing bytes.
    if let Some(e) = source.error {
        return Err(ImportError::Read(e).into());
    }
    if let Some(stop) = stop {
        return Err(stop);
    }
    parsed.map_err(|e| ImportError::Syntax(e).into())
}

/// The document's bytes, keeping the error when they cannot be read (the parser only keeps
/// its text).
struct Source<R> {
    inner: R,
    error: Option<std::io::Error>,
}

impl<R: std::io::Read> std::io::Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            match self.inner.read(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let told = std::io::Error::new(e.kind(), e.to_string());
                    self.error = Some(e);
                    return Err(told);
                }
                ok => return ok,
            }
        }
    }
}

/// The whole document: an array of cases, or one case. Each case is handed to `each` as it
/// is read; what stopped the reading (a refused case, or `each`'s error) goes to `stop`.
struct Document<'a, F, E> {
    each: &'a mut F,
    stop: &'a mut Option<E>,
}

impl<F, E> Document<'_, F, E>
where
    F: FnMut(usize, Case) -> Result<(), E>,
    E: From<ImportError>,
{
    /// Checks case `index` and hands it on; an error stops the reading.
    fn take<Er: serde::de::Error>(
        &mut self,
        index: usize,
        value: serde_json::Value,
    ) -> Result<(), Er> {
        let handed = check_import(index, value)
            .map_err(E::from)
            .and_then(|case| (self.each)(index, case));
        handed.map_err(|e| self.halt(e))
    }

    /// Keeps `e` as what stopped the reading, and stops it.
    fn halt<Er: serde::de::Error>(&mut self, e: E) -> Er {
        *self.stop = Some(e);
        Er::custom("stopped")
    }

    /// Case `index` is not sound JSON: `e` says where.
    fn unsound<Er: serde::de::Error>(&mut self, index: usize, id: Option<String>, e: &Er) {
        *self.stop = Some(E::from(ImportError::Case {
            index,
            id,
            reason: t!("import-bad-json", error = e.to_string()),
        }));
    }
}

impl<'de, F, E> serde::de::DeserializeSeed<'de> for Document<'_, F, E>
where
    F: FnMut(usize, Case) -> Result<(), E>,
    E: From<ImportError>,
{
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F, E> serde::de::Visitor<'de> for Document<'_, F, E>
where
    F: FnMut(usize, Case) -> Result<(), E>,
    E: From<ImportError>,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a case or an array of cases")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        for index in 1.. {
            let mut element = Element::default();
            match seq.next_element_seed(&mut element) {
                Ok(Some(value)) => self.take(index, value)?,
                Ok(None) => break,
                Err(e) => {
                    // Between cases (a missing comma), the document's error names only the
                    // place; inside one, the case too.
                    if element.started && self.stop.is_none() {
                        self.unsound(index, element.id, &e);
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let mut element = Element::default();
        match element.object(map) {
            Ok(value) => self.take(1, value),
            Err(e) => {
                self.unsound(1, element.id, &e);
                Err(e)
            }
        }
    }

    // Anything else is one case that is not an object, refused as such.
    fn visit_bool<Er: serde::de::Error>(mut self, v: bool) -> Result<(), Er> {
        self.take(1, serde_json::Value::Bool(v))
    }

    fn visit_i64<Er: serde::de::Error>(mut self, v: i64) -> Result<(), Er> {
        self.take(1, v.into())
    }

    fn visit_u64<Er: serde::de::Error>(mut self, v: u64) -> Result<(), Er> {
        self.take(1, v.into())
    }

    fn visit_f64<Er: serde::de::Error>(mut self, v: f64) -> Result<(), Er> {
        self.take(1, v.into())
    }

    fn visit_str<Er: serde::de::Error>(mut self, v: &str) -> Result<(), Er> {
        self.take(1, v.into())
    }

    fn visit_unit<Er: serde::de::Error>(mut self) -> Result<(), Er> {
        self.take(1, serde_json::Value::Null)
    }
}

/// One element of the array, read as a JSON value; notes its id as soon as it is read, so that
/// an error further inside the case can name it.
#[derive(Default)]
struct Element {
    /// Whether the element had begun (an error after that is inside it).
    started: bool,
    id: Option<String>,
}

impl Element {
    fn object<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        mut map: A,
    ) -> Result<serde_json::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value: serde_json::Value = map.next_value()?;
            if key == "id" {
                self.id = value.as_str().map(str::to_string);
            }
            object.insert(key, value);
        }
        Ok(serde_json::Value::Object(object))
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for &mut Element {
    type Value = serde_json::Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.started = true;
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Element {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a case")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.object(map)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        serde_json::Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
    }

    fn visit_bool<Er: serde::de::Error>(self, v: bool) -> Result<Self::Value, Er> {
        Ok(serde_json::Value::Bool(v))
    }

    fn visit_i64<Er: serde::de::Error>(self, v: i64) -> Result<Self::Value, Er> {
        Ok(v.into())
    }

    fn visit_u64<Er: serde::de::Error>(self, v: u64) -> Result<Self::Value, Er> {
        Ok(v.into())
    }

    fn visit_f64<Er: serde::de::Error>(self, v: f64) -> Result<Self::Value, Er> {
        Ok(v.into())
    }

    fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<Self::Value, Er> {
        Ok(v.into())
    }

    fn visit_unit<Er: serde::de::Error>(self) -> Result<Self::Value, Er> {
        Ok(serde_json::Value::Null)
    }
}

/// Checks case `index` of an import document, given as JSON, and makes it the case to store:
/// events sorted, text cleaned.
fn check_import(index: usize, value: serde_json::Value) -> Result<Case, ImportError> {
    let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
    let fail = |reason: String| ImportError::Case {
        index,
        id: id.clone(),
        reason,
    };
    // Exported from a read-only case file: what made it read-only (a key runaround does not
    // know, a comment) is not in the document, and importing it would make a writable case
    // without it.
    if let Some(why) = value.get("read_only").filter(|v| !v.is_null()) {
        let why = why.as_str().map_or_else(|| why.to_string(), str::to_string);
        return Err(fail(t!("import-read-only", why = why)));
    }
    let mut case: Case = serde_json::from_value(value).map_err(|e| fail(e.to_string()))?;
    if !valid_id(&case.id) {
        return Err(fail(t!("import-bad-id").to_string()));
    }
    if case.title.trim().is_empty() {
        return Err(fail(t!("import-empty-title").to_string()));
    }
    if crate::domain::text::clean_line(&case.title).is_empty() {
        return Err(fail(t!(
            "import-control-title",
            title = case.title.escape_debug().to_string()
        )));
    }
    crate::domain::money::check_terms(case.country, case.monthly_fee_minor, case.currency)
        .map_err(|e| fail(e.to_string()))?;
    for (n, e) in case.events.iter().enumerate() {
        e.validate()
            .map_err(|err| fail(t!("import-event", n = n + 1, problem = err.to_string())))?;
    }
    for (n, e) in case.deleted_events.iter().enumerate() {
        e.validate().map_err(|err| {
            fail(t!(
                "import-deleted-event",
                n = n + 1,
                problem = err.to_string()
            ))
        })?;
    }
    if let Some(a) = case
        .attachments
        .iter()
        .find(|a| !Attachment::valid_hash(&a.sha256))
    {
        return Err(fail(t!(
            "attach-import-bad-hash",
            id = a.id.escape_debug().to_string()
        )));
    }
    case.sort_events();
    case.clean_text();
    Ok(case)
}
