//! The attachments overlay: the selected case's files, one of which Enter opens with the
//! system's opener.

use ratatui::crossterm::event::KeyEvent;

use super::{Action, App, Effect, Overlay, Scope};
use crate::domain::{Attachment, Case};

/// The attachments the overlay lists: the live ones, in the order they were added.
pub fn listed(case: Option<&Case>) -> Vec<&Attachment> {
    case.map(|c| c.attachments.iter().filter(|a| a.is_live()).collect())
        .unwrap_or_default()
}

impl App {
    /// A key while the attachments are shown: the movement keys choose one, Enter opens it,
    /// any other key closes the list.
    pub(super) fn attachments_key(&mut self, selected: usize, key: KeyEvent) -> Vec<Effect> {
        let count = listed(self.selected()).len();
        let last = count.saturating_sub(1);
        let selected = match self.keymap.resolve(key, &[Scope::Help, Scope::Cases]) {
            Some(Action::Down) => (selected + 1).min(last),
            Some(Action::Up) => selected.saturating_sub(1),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => last,
            Some(Action::Open) => {
                self.overlay = Some(Overlay::Attachments { selected });
                return listed(self.selected())
                    .get(selected)
                    .map(|a| Effect::OpenAttachment {
                        sha256: a.sha256.clone(),
                        name: a.name.clone(),
                    })
                    .into_iter()
                    .collect();
            }
            _ => return Vec::new(),
        };
        self.overlay = Some(Overlay::Attachments { selected });
        Vec::new()
    }

    /// The opener is done (or could not start).
    pub(super) fn opened_file(&mut self, result: Result<String, String>) {
        match result {
            Ok(name) => self.say(crate::t!("attach-status-opened", name = name.as_str())),
            Err(error) => self.complain(crate::t!("attach-status-not-opened", error = error)),
        }
    }
}
