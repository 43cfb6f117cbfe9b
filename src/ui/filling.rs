//! The Cases pane's title while the list is still being filled in: what is shown, and how far
//! the listing has got, in the longest words that fit the pane (never cut).

use ratatui::text::Line;

use crate::app::{App, Filling};
use crate::i18n::fmt;

/// The Cases pane's title in at most `room` columns (when any of its forms fits).
pub fn cases_title(app: &App, room: usize) -> String {
    let count = app.visible.len();
    let filter = app.filter.label();
    let plain = crate::t!("pane-cases-title", count = count, filter = filter);
    let Some(filling) = app.filling else {
        // A long count in a long language ("Dossiers (ouverts : 5043)") keeps its number.
        if Line::raw(plain.as_str()).width() > room {
            return crate::t!("pane-cases-title-short", count = count, filter = filter);
        }
        return plain;
    };
    let forms = match filling {
        Filling::Listing { total } => [
            crate::t!(
                "start-listing-long",
                title = plain.as_str(),
                total = fmt::number(total as u64)
            ),
            crate::t!("start-listing-short", count = count, filter = filter),
            crate::t!("start-listing-tiny").to_string(),
        ],
        Filling::Reading { read, total } => {
            let percent = (read * 100).checked_div(total).unwrap_or(0);
            [
                crate::t!(
                    "start-reading-long",
                    title = plain.as_str(),
                    read = fmt::number(read as u64),
                    total = fmt::number(total as u64)
                ),
                crate::t!(
                    "start-reading-short",
                    percent = percent,
                    count = count,
                    filter = filter
                ),
                crate::t!("start-reading-tiny", percent = percent),
            ]
        }
    };
    let mut forms = forms.into_iter();
    let last = forms.next_back().unwrap_or_default();
    forms
        .find(|form| Line::raw(form.as_str()).width() <= room)
        .unwrap_or(last)
}
