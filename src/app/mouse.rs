//! The mouse: the wheel scrolls the pane under the pointer, a click focuses a pane (or picks a
//! tab when only one pane shows) and selects the case or event under it. Hit-testing uses where the last frame put things ([`Hits`]).

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{Action, App, Effect, Hits, Mode, Pane};

impl Hits {
    /// The pane at column `x`, row `y`.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Rect)> {
        let at = Position { x, y };
        [
            (Pane::Cases, self.cases),
            (Pane::Timeline, self.timeline),
            (Pane::Notes, self.notes),
        ]
        .into_iter()
        .find_map(|(pane, area)| area.filter(|a| a.contains(at)).map(|a| (pane, a)))
    }
}

/// The line inside a bordered `area` that row `y` is, if it is inside.
fn line_in(area: Rect, y: u16) -> Option<usize> {
    (y > area.y && y + 1 < area.bottom()).then(|| usize::from(y - area.y - 1))
}

impl App {
    /// Handles a mouse event. Forms, the help and typing keep the mouse out.
    pub(crate) fn mouse(&mut self, event: MouseEvent) -> Vec<Effect> {
        if self.overlay.is_some() || self.mode != Mode::Normal {
            return Vec::new();
        }
        let at = Position {
            x: event.column,
            y: event.row,
        };
        if let MouseEventKind::Down(MouseButton::Left) = event.kind
            && let Some(&(pane, _)) = self.view.hits.tabs.iter().find(|(_, r)| r.contains(at))
        {
            return self.focus_pane(pane);
        }
        let Some((pane, area)) = self.view.hits.pane_at(event.column, event.row) else {
            return Vec::new();
        };
        match event.kind {
            MouseEventKind::ScrollDown => self.navigate_in(pane, Action::Down),
            MouseEventKind::ScrollUp => self.navigate_in(pane, Action::Up),
            MouseEventKind::Down(MouseButton::Left) => self.click(pane, area, event.row),
            _ => Vec::new(),
        }
    }

    /// Focuses `pane`; notes typed are saved on leaving the Notes pane, as with Tab.
    fn focus_pane(&mut self, pane: Pane) -> Vec<Effect> {
        if self.focus == pane {
            return Vec::new();
        }
        self.focus = pane;
        self.message = None;
        self.flush_notes()
    }

    fn click(&mut self, pane: Pane, area: Rect, y: u16) -> Vec<Effect> {
        let mut effects = self.focus_pane(pane);
        let line = line_in(area, y);
        match pane {
            Pane::Cases => {
                let row = line.and_then(|l| self.view.hits.case_lines.get(l).copied().flatten());
                if let Some(row) = row
                    && self.case_index != Some(row)
                {
                    effects.extend(self.flush_notes());
                    self.case_index = Some(row);
                    effects.extend(self.sync_selection());
                }
            }
            Pane::Timeline => {
                if let Some(event) =
                    line.and_then(|l| self.view.hits.event_lines.get(l).copied().flatten())
                {
                    self.event_index = Some(event);
                }
            }
            Pane::Notes => {}
        }
        self.message = None;
        effects
    }
}
