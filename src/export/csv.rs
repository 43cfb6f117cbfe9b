//! The events of a case as CSV, one row per event, columns named like the JSON keys.

use chrono::{DateTime, Utc};

use crate::domain::time::rfc3339;
use crate::domain::{Case, Field, PromiseState};

/// The CSV text of `case`'s events. The last column, `effective_state`, is a promise's state
/// as of `now` (a pending promise whose due has passed is `broken`), beside the stored `state`.
pub fn events_csv(case: &Case, now: DateTime<Utc>) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["at", "kind", "summary", "detail"];
    header.extend(Field::ALL.iter().map(|f| f.key()));
    header.push("effective_state");
    w.write_record(&header)?;
    for e in &case.events {
        let mut row = vec![
            rfc3339(e.at),
            e.kind.to_string(),
            e.summary.clone(),
            e.detail.clone(),
        ];
        row.extend(Field::ALL.iter().map(|f| e.exact(*f)));
        row.push(
            e.effective_state(now)
                .map(PromiseState::as_str)
                .unwrap_or_default()
                .to_string(),
        );
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
