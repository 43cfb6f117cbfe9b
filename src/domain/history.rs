//! What a case's fields said before each change (the case's `changes`): the history that
//! shows a change made on another copy of the journal, once a merge kept the later one.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Case, FieldChange};

/// The case's fields a merge weighs one by one, each with its key in `changes` and its value
/// as text (notes and events are merged otherwise).
pub(crate) fn fields(case: &Case) -> [(&'static str, String); 10] {
    [
        ("title", case.title.clone()),
        ("organisation", case.organisation.clone()),
        ("status", case.status.as_str().to_string()),
        ("opened", super::time::rfc3339(case.opened)),
        ("tags", text(&case.tags)),
        ("references", text(&case.references)),
        ("country", text(&case.country)),
        ("customer", text(&case.customer)),
        ("monthly_fee_minor", text(&case.monthly_fee_minor)),
        ("currency", text(&case.currency)),
    ]
}

/// A value as text: a word as it is, nothing as "", anything else as its JSON.
fn text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) | Err(_) => String::new(),
        Ok(other) => other.to_string(),
    }
}

/// Records in `after.changes`, at `at`, what the fields that differ from `before` said there.
/// Nothing is recorded when no field changed.
pub fn record_changes(before: &Case, after: &mut Case, at: DateTime<Utc>) {
    let was: BTreeMap<String, String> = fields(before)
        .into_iter()
        .zip(fields(after))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((key, old), _)| (key.to_string(), old))
        .collect();
    if !was.is_empty() {
        after.changes.push(FieldChange { at, was });
    }
}

/// Copies field `key`'s value from `from` into `to`.
pub(crate) fn take_field(to: &mut Case, from: &Case, key: &str) {
    match key {
        "title" => to.title.clone_from(&from.title),
        "organisation" => to.organisation.clone_from(&from.organisation),
        "status" => to.status = from.status,
        "opened" => to.opened = from.opened,
        "tags" => to.tags.clone_from(&from.tags),
        "references" => to.references.clone_from(&from.references),
        "country" => to.country = from.country,
        "customer" => to.customer = from.customer,
        "monthly_fee_minor" => to.monthly_fee_minor = from.monthly_fee_minor,
        _ => to.currency = from.currency,
    }
}

/// When `case` last changed field `key`, as its `changes` say.
pub(crate) fn changed_at(case: &Case, key: &str) -> Option<DateTime<Utc>> {
    case.changes
        .iter()
        .filter(|c| c.was.contains_key(key))
        .map(|c| c.at)
        .max()
}
