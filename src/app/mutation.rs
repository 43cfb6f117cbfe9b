//! Changes the TUI asks storage to make. Each is applied to the case as it is on disk at that
//! moment (read under the case's lock), so changes made meanwhile by another process are kept.

use chrono::{DateTime, Utc};

use crate::domain::{ActiveCall, Case, Event, Kind, Phase, Segment, Status};

/// One change to one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mutation {
    AddEvent(Event),
    /// An edit: `old` becomes `new`, which carries `old`'s amendments and one for the edit
    /// (see [`Event::edited`]).
    ReplaceEvent {
        old: Event,
        new: Event,
    },
    /// Takes the event out of the timeline, keeping it among the deleted events.
    DeleteEvent {
        event: Event,
        at: DateTime<Utc>,
    },
    /// Puts a deleted event (as kept among the deleted events) back in the timeline.
    RestoreEvent {
        event: Event,
        at: DateTime<Utc>,
    },
    SetStatus(Status),
    /// Notes as edited, and the notes they were edited from.
    SetNotes {
        base: String,
        text: String,
        now: DateTime<Utc>,
    },
    StartCall(ActiveCall),
    /// Replace the running call's number, department and agent (keeps its segments).
    UpdateCall(ActiveCall),
    /// Switch the running call to a phase.
    CallPhase(Phase, DateTime<Utc>),
    /// A transfer during the call: logs a redirect and goes back on hold.
    CallTransfer {
        redirect: Event,
    },
    /// Ends the running call, logging its event.
    EndCall(Event),
}

impl Mutation {
    /// Applies the change. Fails when the case no longer allows it (the event was deleted
    /// elsewhere, no call is running…); the message says why.
    pub fn apply(&self, case: &mut Case) -> Result<(), String> {
        match self {
            Mutation::AddEvent(e) => {
                case.add_event(e.clone());
            }
            Mutation::ReplaceEvent { old, new } => {
                let i = case
                    .find_event(old)
                    .ok_or("the event was changed or deleted elsewhere")?;
                case.events.remove(i);
                case.add_event(new.clone());
            }
            Mutation::DeleteEvent { event, at } => case.delete_event(event, *at)?,
            Mutation::RestoreEvent { event, at } => {
                case.restore_event(event, *at)?;
            }
            Mutation::SetStatus(s) => case.status = *s,
            Mutation::SetNotes { base, text, now } => {
                case.notes = merge_notes(&case.notes, base, text, *now);
            }
            Mutation::StartCall(call) => {
                if case.active_call.is_some() {
                    return Err("a call is already running in this case".into());
                }
                case.active_call = Some(call.clone());
            }
            Mutation::UpdateCall(update) => {
                let call = case.active_call.as_mut().ok_or("no call is running")?;
                call.number.clone_from(&update.number);
                call.department.clone_from(&update.department);
                call.agent.clone_from(&update.agent);
            }
            Mutation::CallPhase(phase, now) => {
                case.active_call
                    .as_mut()
                    .ok_or("no call is running")?
                    .switch(*phase, *now);
            }
            Mutation::CallTransfer { redirect } => {
                let call = case.active_call.as_mut().ok_or("no call is running")?;
                call.transfers += 1;
                // A transfer puts you in a new queue: a new hold segment starts even when the
                // call was on hold already.
                call.segments.push(Segment {
                    phase: Phase::Hold,
                    from: redirect.at,
                });
                if !redirect.to.is_empty() {
                    call.department.clone_from(&redirect.to);
                }
                case.add_event(redirect.clone());
            }
            Mutation::EndCall(event) => {
                case.active_call = None;
                case.add_event(event.clone());
            }
        }
        Ok(())
    }
}

/// The notes to save: `text` when nobody else changed them since `base`; otherwise both
/// versions, the one on disk first, so neither is lost.
pub fn merge_notes(on_disk: &str, base: &str, text: &str, now: DateTime<Utc>) -> String {
    if on_disk == base || on_disk == text {
        return text.to_string();
    }
    if text == base {
        return on_disk.to_string();
    }
    format!(
        "{}\n\n----- also typed here, {} (the notes were changed elsewhere meanwhile) -----\n{}",
        on_disk.trim_end(),
        crate::domain::time::local_minute(now),
        text
    )
}

/// A redirect logged during a call, from where the call was to `to`.
pub fn transfer_redirect(call: &ActiveCall, to: &str, now: DateTime<Utc>) -> Event {
    let mut e = Event::new(Kind::Redirect, now, "transferred during the call");
    e.from = if call.department.is_empty() {
        call.number.clone()
    } else {
        call.department.clone()
    };
    e.to = to.to_string();
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn notes_conflicts_keep_both_texts() {
        let now = Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap();
        assert_eq!(merge_notes("a", "a", "ab", now), "ab");
        assert_eq!(merge_notes("a-cli", "a", "a", now), "a-cli");
        let merged = merge_notes("a-cli", "a", "a-tui", now);
        assert!(merged.starts_with("a-cli\n\n-----"), "{merged}");
        assert!(merged.ends_with("a-tui"), "{merged}");
    }

    #[test]
    fn deleting_an_event_that_is_gone_fails_without_changing_the_case() {
        let now = Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap();
        let mut case = Case::new("x", "t", "o", now);
        let e = Event::new(Kind::Note, now, "n");
        let delete = Mutation::DeleteEvent {
            event: e.clone(),
            at: now,
        };
        assert!(delete.apply(&mut case).is_err());
        assert_eq!(case, Case::new("x", "t", "o", now));
        Mutation::AddEvent(e.clone()).apply(&mut case).unwrap();
        delete.apply(&mut case).unwrap();
        assert!(case.events.is_empty());
        assert_eq!(case.deleted_events.len(), 1, "kept as evidence");
    }
}
