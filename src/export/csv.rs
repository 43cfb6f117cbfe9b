//! The events of a case as CSV, one row per event. The columns are those of the JSON keys, in
//! the same order, named in the reader's language (a person opens this in a spreadsheet); the
//! values keep the stored words, as in files and JSON.

use chrono::{DateTime, Utc};

use crate::domain::time::rfc3339;
use crate::domain::{Case, Field, PromiseState};
use crate::t;

/// The name of a field's column: `hold_seconds`, `wacht_seconden`, `attente_secondes`.
fn column(f: Field) -> &'static str {
    match f {
        Field::Number => t!("export-csv-number"),
        Field::Department => t!("export-csv-department"),
        Field::Agent => t!("export-csv-agent"),
        Field::Direction => t!("export-csv-direction"),
        Field::Hold => t!("export-csv-hold"),
        Field::Talk => t!("export-csv-talk"),
        Field::Outcome => t!("export-csv-outcome"),
        Field::From => t!("export-csv-from"),
        Field::To => t!("export-csv-to"),
        Field::Due => t!("export-csv-due"),
        Field::State => t!("export-csv-state"),
        Field::Channel => t!("export-csv-channel"),
        Field::Ref => t!("export-csv-ref"),
        Field::Who => t!("export-csv-who"),
        Field::Subject => t!("export-csv-subject"),
        Field::WindowStart => t!("export-csv-window-start"),
        Field::WindowEnd => t!("export-csv-window-end"),
    }
}

/// The header row: `at`, `kind`, `summary`, `detail`, each field, `effective_state` (in
/// English; the same columns in the current language).
pub fn header() -> Vec<&'static str> {
    let mut header = vec![
        t!("export-csv-at"),
        t!("export-csv-kind"),
        t!("export-csv-summary"),
        t!("export-csv-detail"),
    ];
    header.extend(Field::ALL.iter().map(|f| column(*f)));
    header.push(t!("export-csv-effective-state"));
    header
}

/// The CSV text of `case`'s events. The last column, `effective_state`, is a promise's state
/// as of `now` (a pending promise whose due has passed is `broken`), beside the stored `state`.
pub fn events_csv(case: &Case, now: DateTime<Utc>) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header())?;
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
