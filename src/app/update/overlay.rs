//! Keys while an overlay is up: the help, a form, and the questions before deleting, changing
//! an event's kind or quitting.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::{Action, App, Effect, Form, FormOutcome, Mutation, Overlay, Scope, Undo, forms};
use crate::domain::Event;

impl App {
    pub(super) fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
        match overlay {
            Overlay::Help | Overlay::Clocks => {
                let scroll = self.view.help_scroll;
                // The movement keys scroll the help; any other key closes it.
                let scroll = match self.keymap.resolve(key, &[Scope::Help]) {
                    Some(Action::Down) => scroll.saturating_add(1),
                    Some(Action::Up) => scroll.saturating_sub(1),
                    Some(Action::PageDown) => scroll.saturating_add(10),
                    Some(Action::PageUp) => scroll.saturating_sub(10),
                    Some(Action::Top) => 0,
                    Some(Action::Bottom) => u16::MAX,
                    _ => return Vec::new(),
                };
                self.view.help_scroll = scroll;
                self.overlay = Some(overlay);
                Vec::new()
            }
            Overlay::ConfirmDelete { id, event } => {
                if self.keymap.resolve(key, &[Scope::Confirm]) == Some(Action::Yes) {
                    self.undo.push(Undo::Delete {
                        id: id.clone(),
                        kept: event.amended(crate::domain::Change::Deleted, self.now),
                    });
                    self.say(crate::t!(
                        "status-event-deleted",
                        key = self.keymap.key_of(Action::Undo)
                    ));
                    vec![Effect::Mutate {
                        id,
                        mutation: Mutation::DeleteEvent {
                            event,
                            at: self.now,
                        },
                    }]
                } else {
                    Vec::new()
                }
            }
            Overlay::ConfirmQuit { kept } => {
                if self.keymap.resolve(key, &[Scope::Confirm]) == Some(Action::Yes) {
                    self.quit_anyway = true;
                    vec![Effect::Quit]
                } else {
                    self.complain(crate::t!("status-still-here", kept = kept.as_str()));
                    Vec::new()
                }
            }
            Overlay::ConfirmLetter { id, path } => {
                let yes = self.keymap.resolve(key, &[Scope::Confirm]) == Some(Action::Yes);
                self.letter_answered(id, &path, yes)
            }
            Overlay::ConfirmCall { .. } => {
                if self.keymap.resolve(key, &[Scope::Confirm]) == Some(Action::Yes) {
                    self.start_call()
                } else {
                    self.say(crate::t!("status-call-not-started"));
                    Vec::new()
                }
            }
            Overlay::ConfirmKind { form, .. } => {
                if self.keymap.resolve(key, &[Scope::ConfirmKind]) == Some(Action::Yes) {
                    self.submit_form(form)
                } else {
                    self.overlay = Some(Overlay::Form(form));
                    Vec::new()
                }
            }
            Overlay::Form(form) => self.form_key(form, key),
            Overlay::Attachments { selected } => self.attachments_key(selected, key),
            Overlay::Pictures(pictures) => self.picture_key(pictures, key),
        }
    }

    /// A key in a form: the keymap's form keys first, then the focused input's editing keys.
    fn form_key(&mut self, mut form: Form, key: KeyEvent) -> Vec<Effect> {
        let outcome = match self.keymap.resolve(key, &[Scope::Form, Scope::Fields]) {
            Some(Action::ChangeKind) => {
                if form.locked_first {
                    form.unlock();
                    form.title = crate::t!("form-edit-event-kind").to_string();
                }
                self.overlay = Some(Overlay::Form(form));
                return Vec::new();
            }
            Some(Action::TakeNumber) => {
                self.take_number(&mut form);
                self.overlay = Some(Overlay::Form(form));
                return Vec::new();
            }
            Some(Action::Submit) => FormOutcome::Submit,
            Some(Action::CancelForm) => FormOutcome::Cancel,
            // The form moves by its own keys; the keymap says which keys those are.
            Some(Action::NextField) => form.key(KeyEvent::from(KeyCode::Tab)),
            Some(Action::PrevField) => form.key(KeyEvent::from(KeyCode::BackTab)),
            // The form's own keys do only what the keymap gives them (they may be rebound).
            _ if matches!(
                key.code,
                KeyCode::Esc
                    | KeyCode::Enter
                    | KeyCode::Tab
                    | KeyCode::BackTab
                    | KeyCode::Up
                    | KeyCode::Down
            ) =>
            {
                FormOutcome::Editing
            }
            _ => form.key(key),
        };
        match outcome {
            FormOutcome::Cancel => Vec::new(),
            FormOutcome::Editing => {
                forms::refit(&mut form, self.now);
                forms::propose_due(&mut form, self.now);
                self.overlay = Some(Overlay::Form(form));
                Vec::new()
            }
            FormOutcome::Submit => match forms::kind_change_question(&form) {
                Some(question) => {
                    self.overlay = Some(Overlay::ConfirmKind { form, question });
                    Vec::new()
                }
                None => self.submit_form(form),
            },
        }
    }

    /// Submits `form`; on an error it stays open and says why.
    fn submit_form(&mut self, mut form: Form) -> Vec<Effect> {
        match forms::submit_at(&form, self) {
            Ok(effects) => {
                // The event a form adds (or changes) is selected once it is saved.
                for effect in &effects {
                    if let Effect::Mutate { mutation, .. } = effect
                        && let Some(event) = added_by(mutation)
                    {
                        self.added = Some(event);
                    }
                }
                effects
            }
            Err(error) => {
                form.fail(error.at, error.text);
                self.overlay = Some(Overlay::Form(form));
                Vec::new()
            }
        }
    }
}

/// The event that `mutation` adds or changes, to select once it is saved.
fn added_by(mutation: &Mutation) -> Option<Event> {
    match mutation {
        Mutation::AddEvent(e) | Mutation::EndCall(e) | Mutation::ReplaceEvent { new: e, .. } => {
            Some(e.clone())
        }
        Mutation::CallTransfer { redirect } => Some(redirect.clone()),
        _ => None,
    }
}
