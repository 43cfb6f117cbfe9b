//! The Cases pane: every case the filter and search let through, most recently active first.

use crate::storage::CaseFile;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, StatefulWidget};

use super::theme::Theme;
use crate::app::Row;

/// The list of cases.
pub struct CaseListView<'a> {
    pub rows: &'a [Row],
    pub visible: &'a [usize],
    pub now: DateTime<Utc>,
    pub theme: &'a Theme,
    pub block: Block<'a>,
}

/// The first row that is built in full (two lines), and how many after it are: the others are
/// one blank line each.
fn built(area: Rect, state: &ListState) -> (usize, usize) {
    let height = usize::from(area.height.saturating_sub(2)) / 2 + 1;
    let selected = state.selected().unwrap_or(0);
    let first = state
        .offset()
        .min(selected)
        .max(selected.saturating_sub(height.saturating_sub(1)));
    (first, height)
}

/// Which row of `len` shows on each line inside the pane's border, given the list state
/// `before` the pane was drawn and `after` it.
pub fn rows_on_screen(
    area: Rect,
    before: &ListState,
    after: &ListState,
    len: usize,
) -> Vec<Option<usize>> {
    let (first, height) = built(area, before);
    let lines = usize::from(area.height.saturating_sub(2));
    let mut out = Vec::with_capacity(lines);
    let mut i = after.offset();
    while out.len() < lines {
        if i >= len {
            out.push(None);
            continue;
        }
        let h = if i < first || i > first + height {
            1
        } else {
            2
        };
        for _ in 0..h {
            out.push(Some(i));
        }
        i += 1;
    }
    out.truncate(lines);
    out
}

impl StatefulWidget for CaseListView<'_> {
    type State = ListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let t = self.theme;
        // Only the rows that can be on screen are built (the list can hold thousands).
        let (first, height) = built(area, state);
        let items: Vec<ListItem<'_>> = self
            .visible
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                if i < first || i > first + height {
                    ListItem::new("")
                } else {
                    item(&self.rows[r], self.now, t)
                }
            })
            .collect();
        let list = List::new(items)
            .block(self.block)
            .highlight_style(t.selected)
            .highlight_symbol("▌");
        StatefulWidget::render(list, area, buf, state);
    }
}

fn item<'a>(row: &'a Row, now: DateTime<Utc>, t: &Theme) -> ListItem<'a> {
    match row {
        CaseFile::Unreadable { id, problem, .. } => ListItem::new(vec![
            Line::from(Span::styled(
                crate::t!("cases-unreadable", id = id.as_str()),
                t.bad,
            )),
            Line::from(Span::styled(problem.to_string(), t.dim)),
        ]),
        CaseFile::Readable {
            body: case, access, ..
        } => {
            // A summary cannot answer for a moment before its last event (the clock went
            // back): the badges are left out then.
            let c = case.counters(now).unwrap_or_default();
            let mut title = vec![Span::styled(case.title.as_str(), t.title)];
            if case.active_call.is_some() {
                title.insert(0, Span::styled("☎ ", t.stopwatch));
            }
            let mut meta = vec![Span::styled(
                format!(
                    "{} · {}",
                    case.organisation,
                    crate::i18n::vocab::status(case.status)
                ),
                t.dim,
            )];
            if c.without_service_seconds > 0 {
                meta.push(Span::styled(
                    format!(
                        " · {}",
                        crate::t!("cases-no-service", days = c.days_without_service)
                    ),
                    t.bad,
                ));
            }
            if c.redirects > 0 {
                meta.push(Span::styled(format!(" · ↪{}", c.redirects), t.warn));
            }
            if access.read_only().is_some() {
                meta.push(Span::styled(
                    format!(" · {}", crate::t!("cases-read-only")),
                    t.warn,
                ));
            }
            ListItem::new(vec![Line::from(title), Line::from(meta)])
        }
    }
}
