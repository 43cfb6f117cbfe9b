//! The list while it is being filled in: at start the app is shown the first rows (the index's
//! first page, or the most recently written case files when there is no index), then the full
//! listing replaces them. Until it comes, search, filters and moves work on the rows shown.

use super::{App, Effect, Mode, Row};

/// How far the listing of the journal has got, while the list shows only its first rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filling {
    /// The first page of the index is shown; the listing of the journal's `total` case files
    /// is on its way.
    Listing { total: usize },
    /// There was no index: `read` of the `total` case files have been read so far.
    Reading { read: usize, total: usize },
}

impl App {
    /// The first rows of the journal, shown while the rest is listed.
    pub(super) fn partial(&mut self, rows: Vec<Row>, filling: Filling) -> Vec<Effect> {
        let keep = self.selected_row().map(|r| r.id().to_string());
        self.rows = rows;
        self.filling = Some(filling);
        self.refresh(keep)
    }

    /// The case to keep selected when the full listing replaces the rows: the one selected,
    /// unless the list is still at its top as first drawn (nothing typed, nothing asked) —
    /// then the listing's own top is selected.
    pub(super) fn kept_by_listing(&self) -> Option<String> {
        let untouched = self.filling.is_some()
            && self.case_index == Some(0)
            && self.mode == Mode::Normal
            && self.overlay.is_none()
            && !self.notes.dirty;
        if untouched {
            return None;
        }
        self.selected_row().map(|r| r.id().to_string())
    }

    /// How far the listing has got (ignored once the full listing is in); `None`: it will
    /// not come.
    pub(super) fn filling_on(&mut self, filling: Option<Filling>) {
        if self.filling.is_some() {
            self.filling = filling;
        }
    }
}
