//! The events of a case as CSV, one row per event, columns named like the JSON keys.

use crate::domain::time::rfc3339;
use crate::domain::{Case, Field};

/// The CSV text of `case`'s events.
pub fn events_csv(case: &Case) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["at", "kind", "summary", "detail"];
    header.extend(Field::ALL.iter().map(|f| f.key()));
    w.write_record(&header)?;
    for e in &case.events {
        let mut row = vec![
            rfc3339(e.at),
            e.kind.to_string(),
            e.summary.clone(),
            e.detail.clone(),
        ];
        row.extend(Field::ALL.iter().map(|f| match f {
            Field::Hold => e.hold_seconds.map(|s| s.to_string()).unwrap_or_default(),
            Field::Talk => e.talk_seconds.map(|s| s.to_string()).unwrap_or_default(),
            Field::Due => e.due.map(rfc3339).unwrap_or_default(),
            Field::WindowStart => e.window_start.map(rfc3339).unwrap_or_default(),
            Field::WindowEnd => e.window_end.map(rfc3339).unwrap_or_default(),
            other => e.get(*other),
        }));
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
