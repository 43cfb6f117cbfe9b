//! The letter key: the selected case's complaint letter written to a file, and, when the user
//! says so, logged as sent (a complaint by letter, which starts its clocks).

use super::super::{App, Effect, Overlay};
use crate::app::Mutation;
use crate::domain::{Channel, Event, Kind};
use crate::letters::{LetterKind, render};

impl App {
    /// Renders the complaint letter of the selected case and asks the runtime to write it.
    pub(super) fn write_letter(&mut self) -> Vec<Effect> {
        let case = match self.writable() {
            Ok(case) => case,
            Err(e) => {
                self.complain(e);
                return Vec::new();
            }
        };
        let letter = render(
            case,
            LetterKind::Complaint,
            &self.prefs.sender,
            &self.packs,
            self.prefs.letters_dir.as_deref(),
            self.now,
        );
        let id = case.id.clone();
        match letter {
            Ok(text) => vec![Effect::WriteLetter { id, text }],
            Err(e) => {
                let config = self
                    .prefs
                    .letters_dir
                    .as_deref()
                    .and_then(std::path::Path::parent)
                    .map(|d| d.join("config.ron"));
                self.complain(e.message(config.as_deref()));
                Vec::new()
            }
        }
    }

    /// The letter is on disk: ask whether to log it as sent.
    pub(super) fn letter_written(&mut self, id: String, path: String) -> Vec<Effect> {
        self.overlay = Some(Overlay::ConfirmLetter { id, path });
        Vec::new()
    }

    /// The answer to "log it as sent?": a complaint event by letter on case `id`, or only
    /// where the letter is.
    pub(super) fn letter_answered(&mut self, id: String, path: &str, yes: bool) -> Vec<Effect> {
        if !yes {
            self.say(crate::t!("letters-written", path = path));
            return Vec::new();
        }
        let mut event = Event::new(Kind::Complaint, self.now, crate::t!("letters-sent-summary"));
        event.channel = Some(Channel::Letter);
        event.detail = path.to_string();
        self.added = Some(event.clone());
        self.say(crate::t!("letters-logged"));
        vec![Effect::Mutate {
            id,
            mutation: Mutation::AddEvent(event),
        }]
    }
}
