//! What each keymap action does.

use crate::app::{
    Action, App, Effect, Filter, Form, Mode, Mutation, Overlay, Pane, Row, Undo, forms,
};
use crate::domain::Phase;

impl App {
    fn mutate(&mut self, mutation: Mutation) -> Vec<Effect> {
        match self.writable() {
            Ok(case) => vec![Effect::Mutate {
                id: case.id.clone(),
                mutation,
            }],
            Err(e) => {
                self.complain(e);
                Vec::new()
            }
        }
    }

    fn open_form(&mut self, form: Result<Form, String>) {
        match form {
            Ok(form) => self.overlay = Some(Overlay::Form(form)),
            Err(e) => self.complain(e),
        }
    }

    /// Shows the next set of cases (open, all, resolved, closed) and says which.
    fn next_filter(&mut self) -> Vec<Effect> {
        self.filter = self.filter.next();
        let effects = self.refresh(None);
        self.say(match self.filter {
            Filter::Open => crate::t!("status-showing-open"),
            Filter::All => crate::t!("status-showing-all"),
            Filter::Resolved => crate::t!("status-showing-resolved"),
            Filter::Closed => crate::t!("status-showing-closed"),
        });
        effects
    }

    /// Carries out one action.
    pub(crate) fn act(&mut self, action: Action) -> Vec<Effect> {
        let now = self.now;
        match action {
            Action::Quit | Action::Interrupt => {
                let mut effects = self.flush_notes();
                effects.push(Effect::Quit);
                return effects;
            }
            Action::Suspend => {
                // What was typed is saved before the process stops.
                let mut effects = self.flush_notes();
                effects.push(Effect::Suspend);
                return effects;
            }
            Action::Help | Action::Clocks => {
                self.view.help_scroll = 0;
                self.overlay = Some(if action == Action::Help {
                    Overlay::Help
                } else {
                    Overlay::Clocks
                });
            }
            Action::Map | Action::Numbers | Action::Charts => return self.show_picture(action),
            Action::Attachments => self.overlay = Some(Overlay::Attachments { selected: 0 }),
            Action::NextPane | Action::PrevPane => {
                let order = Pane::ALL;
                let i = order.iter().position(|p| *p == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane {
                    1
                } else {
                    order.len() - 1
                };
                self.focus = order[(i + step) % order.len()];
                if self.focus != Pane::Notes {
                    return self.flush_notes();
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                return self.navigate(action);
            }
            Action::Open => self.open(),
            Action::ExternalEdit => return self.external_edit(),
            Action::Letter => return self.write_letter(),
            Action::EditNotes => match self.writable() {
                Ok(_) => {
                    self.focus = Pane::Notes;
                    self.mode = Mode::Insert;
                    self.notes.set_editing(true);
                }
                Err(e) => self.complain(e),
            },
            Action::Search => {
                self.mode = Mode::Search;
                self.focus = Pane::Cases;
            }
            Action::Filter => return self.next_filter(),
            Action::NewCase => {
                self.overlay = Some(Overlay::Form(forms::new_case_form(
                    now,
                    &self.prefs.default_organisation,
                )));
            }
            Action::EditCase => {
                let form = self.writable().map(forms::edit_case_form);
                self.open_form(form);
            }
            Action::LogEvent
            | Action::StartCall
            | Action::Answered
            | Action::OnHold
            | Action::Transferred
            | Action::EndCall
            | Action::Status
            | Action::Delete => return self.change_case(action),
            Action::Undo => return self.undo_last(),
            // Keys of a form, the notes editor, a search or a question: nothing to do
            // elsewhere.
            Action::ChangeKind
            | Action::TakeNumber
            | Action::LeaveNotes
            | Action::SaveNotes
            | Action::NotesUndo
            | Action::NotesRedo
            | Action::KeepSearch
            | Action::CancelSearch
            | Action::NextField
            | Action::PrevField
            | Action::Submit
            | Action::CancelForm
            | Action::Yes => {}
        }
        Vec::new()
    }

    /// Enter: from the list to the timeline; on an event, its edit form.
    fn open(&mut self) {
        match self.focus {
            Pane::Cases => self.focus = Pane::Timeline,
            Pane::Timeline => {
                let form = match (self.writable(), self.selected_event()) {
                    (Ok(_), Some(e)) => {
                        let mut form = forms::event_form(Some(e.clone()), e.kind, self.now);
                        form.title = crate::t!(
                            "form-edit-event-key",
                            key = self.keymap.key_of(Action::ChangeKind)
                        );
                        Ok(form)
                    }
                    (Ok(_), None) => Err(crate::t!(
                        "error-no-event-log",
                        key = self.keymap.key_of(Action::LogEvent)
                    )),
                    (Err(e), _) => Err(e),
                };
                self.open_form(form);
            }
            Pane::Notes => {}
        }
    }

    /// The notes in the user's own editor; what was typed here goes first, so the editor
    /// starts from it.
    fn external_edit(&mut self) -> Vec<Effect> {
        match self.writable().map(|c| c.id.clone()) {
            Ok(id) => {
                let mut effects = self.flush_notes();
                self.mode = Mode::Normal;
                self.notes.set_editing(false);
                effects.push(Effect::EditNotes {
                    id,
                    text: self.notes.text(),
                });
                effects
            }
            Err(e) => {
                self.complain(e);
                Vec::new()
            }
        }
    }

    /// The actions that change the selected case: a form to fill in, a question, or the
    /// change itself.
    fn change_case(&mut self, action: Action) -> Vec<Effect> {
        let now = self.now;
        match action {
            Action::StartCall => {
                if let Some(title) = self.other_call() {
                    self.overlay = Some(Overlay::ConfirmCall {
                        title: title.to_string(),
                    });
                    return Vec::new();
                }
                return self.start_call();
            }
            Action::Answered => return self.mutate(Mutation::CallPhase(Phase::Talk, now)),
            Action::OnHold => return self.mutate(Mutation::CallPhase(Phase::Hold, now)),
            Action::LogEvent => {
                let form = self
                    .writable()
                    .map(|_| forms::event_form(None, crate::domain::Kind::Call, now));
                self.open_form(form);
            }
            Action::Transferred => {
                let form = self.writable().map(|_| forms::transfer_form());
                self.open_form(form);
            }
            Action::EndCall => {
                let form = self.writable().and_then(|c| {
                    c.active_call
                        .as_ref()
                        .ok_or_else(|| crate::domain::change::ChangeError::NoCall.to_string())
                        .map(|call| forms::end_call_form(call, now))
                });
                self.open_form(form);
            }
            Action::Status => {
                let form = self.writable().map(|c| forms::status_form(c.status));
                self.open_form(form);
            }
            Action::Delete => match (
                self.writable().map(|c| c.id.clone()),
                self.selected_event().cloned(),
            ) {
                (Ok(id), Some(event)) => self.overlay = Some(Overlay::ConfirmDelete { id, event }),
                (Err(e), _) => self.complain(e),
                (Ok(_), None) => self.complain(crate::t!("error-no-event")),
            },
            _ => {}
        }
        Vec::new()
    }

    /// Takes back the last edit or delete of an event; the event's history says so.
    fn undo_last(&mut self) -> Vec<Effect> {
        let now = self.now;
        match self.undo.pop() {
            Some(Undo::Delete { id, kept }) => {
                self.say(crate::t!(
                    "status-delete-undone",
                    elsewhere = self.elsewhere(&id)
                ));
                // The restored event is selected once it is saved.
                self.added = Some(kept.amended(crate::domain::Change::Restored, now));
                vec![Effect::Mutate {
                    id,
                    mutation: Mutation::RestoreEvent {
                        event: kept,
                        at: now,
                    },
                }]
            }
            Some(Undo::Edit {
                id,
                now: edited,
                before,
            }) => {
                self.say(crate::t!(
                    "status-edit-undone",
                    elsewhere = self.elsewhere(&id)
                ));
                let mut back = before.clone();
                back.amendments.clear();
                let new = edited.edited(back, now);
                // An earlier edit of this event now finds it as the undo leaves it (its
                // history has grown), so it can be undone in turn.
                for older in &mut self.undo {
                    if let Undo::Edit { id: i, now: n, .. } = older
                        && *i == id
                        && *n == before
                    {
                        n.clone_from(&new);
                    }
                }
                self.added = Some(new.clone());
                vec![Effect::Mutate {
                    id,
                    mutation: Mutation::ReplaceEvent { old: edited, new },
                }]
            }
            None => {
                self.complain(crate::t!("error-nothing-to-undo"));
                Vec::new()
            }
        }
    }

    /// " in case «TITLE»" when case `id` is not the one on screen, so that an undo there is
    /// never taken for one here.
    fn elsewhere(&self, id: &str) -> String {
        if self.selected().is_some_and(|c| c.id == id) {
            return String::new();
        }
        self.rows
            .iter()
            .filter_map(Row::summary)
            .find(|s| s.id == id)
            .map_or_else(
                || format!(" {}", crate::t!("status-in-case-id", id = id)),
                |s| format!(" {}", crate::t!("status-in-case", title = s.title.as_str())),
            )
    }

    pub(super) fn start_call(&mut self) -> Vec<Effect> {
        let case = match self.writable() {
            Ok(c) => c,
            Err(e) => {
                self.complain(e);
                return Vec::new();
            }
        };
        if case.active_call.is_some() {
            self.complain(crate::t!(
                "error-call-already",
                key = self.keymap.key_of(Action::EndCall)
            ));
            return Vec::new();
        }
        let last_number = case
            .events
            .iter()
            .rev()
            .find(|e| !e.number.is_empty())
            .map(|e| e.number.clone())
            .unwrap_or_default();
        let call = crate::domain::ActiveCall::start(last_number.clone(), self.now);
        self.overlay = Some(Overlay::Form(forms::call_number_form(&last_number)));
        self.mutate(Mutation::StartCall(call))
    }

    fn navigate(&mut self, action: Action) -> Vec<Effect> {
        self.navigate_in(self.focus, action)
    }

    /// Moves within `pane` (focused or not: the mouse wheel scrolls the pane under it).
    pub(crate) fn navigate_in(&mut self, pane: Pane, action: Action) -> Vec<Effect> {
        let step = |len: usize, at: Option<usize>| -> Option<usize> {
            if len == 0 {
                return None;
            }
            let at = at.unwrap_or(0);
            Some(match action {
                Action::Up => at.saturating_sub(1),
                Action::Down => (at + 1).min(len - 1),
                Action::PageUp => at.saturating_sub(10),
                Action::PageDown => (at + 10).min(len - 1),
                Action::Top => 0,
                _ => len - 1,
            })
        };
        match pane {
            Pane::Cases => {
                let before = self.case_index;
                let after = step(self.visible.len(), before);
                if after != before {
                    let mut effects = self.flush_notes();
                    self.case_index = after;
                    effects.extend(self.sync_selection());
                    return effects;
                }
            }
            Pane::Timeline => {
                let len = self.selected().map_or(0, |c| c.events.len());
                self.event_index = step(len, self.event_index);
            }
            Pane::Notes => self.notes.scroll(action),
        }
        Vec::new()
    }
}
