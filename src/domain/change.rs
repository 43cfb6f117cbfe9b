//! Changes to one case, as the command line and the TUI make them. Each is applied to the case
//! as it is on disk at that moment (read under the case's lock), so changes made meanwhile by
//! another process are kept; a change the case no longer allows fails with a [`ChangeError`]
//! and leaves the case as it was.

use chrono::{DateTime, Utc};

use super::{ActiveCall, Case, Event, Kind, Phase, Segment, Status};

/// Why a change could not be made to the case as it is now. (The words for it are the TUI's,
/// see `app::words`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The event to change or delete is no longer in the timeline as it was.
    EventGone,
    /// The deleted event to restore is no longer among the deleted events as it was.
    DeletedEventGone,
    /// A call was to start while one is running.
    CallRunning,
    /// A call was to change while none is running.
    NoCall,
}

impl std::error::Error for ChangeError {}

/// The text of a change error, for callers that carry errors as text.
impl From<ChangeError> for String {
    fn from(e: ChangeError) -> String {
        e.to_string()
    }
}

/// One change to one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
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

impl Change {
    /// Applies the change. Fails when the case no longer allows it (the event was deleted
    /// elsewhere, no call is running…), changing nothing.
    pub fn apply(&self, case: &mut Case) -> Result<(), ChangeError> {
        self.apply_placing(case).map(|_| ())
    }

    /// [`Change::apply`], returning where in the timeline the event it puts there landed
    /// (`None` for a change that puts no event in the timeline).
    pub fn apply_placing(&self, case: &mut Case) -> Result<Option<usize>, ChangeError> {
        Ok(match self {
            Change::AddEvent(e) => Some(case.add_event(e.clone())),
            Change::ReplaceEvent { old, new } => {
                let i = case.find_event(old).ok_or(ChangeError::EventGone)?;
                let gone = case.events.remove(i);
                let mut new = new.clone();
                // An edit of a copy taken before the event was saved keeps the id it got.
                if new.id.is_empty() {
                    new.id = gone.id;
                }
                Some(case.add_event(new))
            }
            Change::DeleteEvent { event, at } => {
                case.delete_event(event, *at)?;
                None
            }
            Change::RestoreEvent { event, at } => Some(case.restore_event(event, *at)?),
            Change::SetStatus(s) => {
                case.status = *s;
                None
            }
            Change::SetNotes { base, text, .. } => {
                case.notes = merge_notes(&case.notes, base, text).text;
                None
            }
            Change::StartCall(new) => {
                if case.active_call.is_some() {
                    return Err(ChangeError::CallRunning);
                }
                case.active_call = Some(new.clone());
                None
            }
            Change::UpdateCall(update) => {
                let call = running(case)?;
                call.number.clone_from(&update.number);
                call.department.clone_from(&update.department);
                call.agent.clone_from(&update.agent);
                None
            }
            Change::CallPhase(phase, now) => {
                running(case)?.switch(*phase, *now);
                None
            }
            Change::CallTransfer { redirect } => {
                let call = running(case)?;
                call.transfers += 1;
                // A transfer puts you in a new queue: a new hold segment starts even when the
                // call was on hold already.
                call.segments.push(Segment {
                    phase: Phase::Hold,
                    from: redirect.at,
                });
                if !redirect.to.is_empty() {
                    call.place.clone_from(&redirect.to);
                }
                Some(case.add_event(redirect.clone()))
            }
            Change::EndCall(event) => {
                case.active_call = None;
                Some(case.add_event(event.clone()))
            }
        })
    }
}

/// The call running in `case`.
fn running(case: &mut Case) -> Result<&mut ActiveCall, ChangeError> {
    case.active_call.as_mut().ok_or(ChangeError::NoCall)
}

/// The line that opens a conflict in merged notes: what was typed here follows.
pub const CONFLICT_OURS: &str = "<<<<<<< typed here";
/// The line between the two sides of a conflict.
pub const CONFLICT_SPLIT: &str = "=======";
/// The line that closes a conflict: what was saved elsewhere meanwhile comes before it.
pub const CONFLICT_THEIRS: &str = ">>>>>>> saved elsewhere";

/// Notes as merged by [`merge_notes`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    /// Whether both sides changed the same lines, so that the text holds conflict markers.
    pub conflict: bool,
}

/// The notes to save when `text` was edited from `base` and the notes on disk are now
/// `on_disk`: a three-way merge, so that changes in different places are all kept and where
/// both sides changed the same lines, both versions are kept between conflict markers
/// ([`CONFLICT_OURS`], [`CONFLICT_SPLIT`], [`CONFLICT_THEIRS`]). Nothing typed on either side
/// is ever lost.
pub fn merge_notes(on_disk: &str, base: &str, text: &str) -> Merged {
    let clean = |text: &str| Merged {
        text: text.to_string(),
        conflict: false,
    };
    if on_disk == base || on_disk == text {
        return clean(text);
    }
    if text == base {
        return clean(on_disk);
    }
    // Line by line, every line ended: a last line without its newline would not match the
    // same line followed by more.
    let ended = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            s.to_string()
        } else {
            format!("{s}\n")
        }
    };
    let mut options = diffy::MergeOptions::new();
    options
        .set_conflict_style(diffy::ConflictStyle::Merge)
        .set_incomplete_hunk_style(diffy::IncompleteHunkStyle::Git);
    let (merged, conflict) = match options.merge(&ended(base), &ended(text), &ended(on_disk)) {
        Ok(merged) => (merged, false),
        Err(marked) => (label_conflicts(&marked), true),
    };
    let mut merged = merged;
    if !text.ends_with('\n') && !on_disk.ends_with('\n') && merged.ends_with('\n') {
        merged.pop();
    }
    Merged {
        text: merged,
        conflict,
    }
}

/// Names the sides of diffy's conflict markers (`<<<<<<< ours`, `>>>>>>> theirs`).
fn label_conflicts(marked: &str) -> String {
    marked
        .split_inclusive('\n')
        .map(|line| {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            match body {
                "<<<<<<< ours" => format!("{CONFLICT_OURS}{end}"),
                ">>>>>>> theirs" => format!("{CONFLICT_THEIRS}{end}"),
                _ => line.to_string(),
            }
        })
        .collect()
}

/// A redirect logged during a call, from where the call was to `to`, its summary in the
/// caller's words ("transferred during the call").
pub fn transfer_redirect(call: &ActiveCall, to: &str, summary: &str, now: DateTime<Utc>) -> Event {
    let mut e = Event::new(Kind::Redirect, now, summary);
    e.from = call.current_place().to_string();
    e.to = to.to_string();
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn notes_changed_on_one_side_only_take_that_side() {
        assert_eq!(merge_notes("a", "a", "ab").text, "ab");
        assert_eq!(merge_notes("a-cli", "a", "a").text, "a-cli");
        assert!(!merge_notes("a-cli", "a", "a").conflict);
    }

    #[test]
    fn notes_changed_in_different_places_merge_cleanly() {
        let base = "first line\nmiddle\nlast line";
        let here = "first line, typed here\nmiddle\nlast line";
        let elsewhere = "first line\nmiddle\nlast line\nadded elsewhere";
        let merged = merge_notes(elsewhere, base, here);
        assert!(!merged.conflict, "{merged:?}");
        assert_eq!(
            merged.text,
            "first line, typed here\nmiddle\nlast line\nadded elsewhere"
        );
    }

    #[test]
    fn overlapping_notes_keep_both_texts_between_markers() {
        let merged = merge_notes("a-cli", "a", "a-tui");
        assert!(merged.conflict);
        assert_eq!(
            merged.text,
            format!("{CONFLICT_OURS}\na-tui\n{CONFLICT_SPLIT}\na-cli\n{CONFLICT_THEIRS}")
        );
        // Around the conflict, the lines both kept stay once.
        let merged = merge_notes(
            "top\nsaved there\nbottom\n",
            "top\nx\nbottom\n",
            "top\ntyped here\nbottom\n",
        );
        assert!(merged.conflict);
        assert!(merged.text.starts_with("top\n<<<<<<<"), "{}", merged.text);
        assert!(
            merged.text.ends_with(">>>>>>> saved elsewhere\nbottom\n"),
            "{}",
            merged.text
        );
        assert!(merged.text.contains("saved there") && merged.text.contains("typed here"));
    }

    #[test]
    fn deleting_an_event_that_is_gone_fails_without_changing_the_case() {
        let now = Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap();
        let mut case = Case::new("x", "t", "o", now);
        let e = Event::new(Kind::Note, now, "n");
        let delete = Change::DeleteEvent {
            event: e.clone(),
            at: now,
        };
        assert!(delete.apply(&mut case).is_err());
        assert_eq!(case, Case::new("x", "t", "o", now));
        Change::AddEvent(e.clone()).apply(&mut case).unwrap();
        delete.apply(&mut case).unwrap();
        assert!(case.events.is_empty());
        assert_eq!(case.deleted_events.len(), 1, "kept as evidence");
    }

    #[test]
    fn changes_a_case_does_not_allow_fail_with_their_reason_and_change_nothing() {
        let now = Utc.with_ymd_and_hms(2026, 3, 30, 15, 0, 0).unwrap();
        let case = Case::new("x", "t", "o", now);
        let note = Event::new(Kind::Note, now, "n");
        let call = ActiveCall::start("0800", now);
        let table = [
            (Change::UpdateCall(call.clone()), ChangeError::NoCall),
            (Change::CallPhase(Phase::Talk, now), ChangeError::NoCall),
            (
                Change::CallTransfer {
                    redirect: transfer_redirect(&call, "1200", "transferred during the call", now),
                },
                ChangeError::NoCall,
            ),
            (
                Change::ReplaceEvent {
                    old: note.clone(),
                    new: note.clone(),
                },
                ChangeError::EventGone,
            ),
            (
                Change::RestoreEvent {
                    event: note.clone(),
                    at: now,
                },
                ChangeError::DeletedEventGone,
            ),
        ];
        for (change, error) in table {
            let mut changed = case.clone();
            assert_eq!(change.apply(&mut changed), Err(error), "{change:?}");
            assert_eq!(changed, case, "{change:?} changed the case");
        }
        let mut calling = case.clone();
        Change::StartCall(call.clone()).apply(&mut calling).unwrap();
        let before = calling.clone();
        assert_eq!(
            Change::StartCall(call).apply(&mut calling),
            Err(ChangeError::CallRunning)
        );
        assert_eq!(calling, before);
    }

    #[test]
    fn a_change_says_where_its_event_landed() {
        let at = |h| Utc.with_ymd_and_hms(2026, 3, 30, h, 0, 0).unwrap();
        let mut case = Case::new("x", "t", "o", at(8));
        for h in [9, 11] {
            Change::AddEvent(Event::new(Kind::Note, at(h), "n"))
                .apply(&mut case)
                .unwrap();
        }
        let placed = Change::AddEvent(Event::new(Kind::Note, at(10), "between"))
            .apply_placing(&mut case)
            .unwrap();
        assert_eq!(placed, Some(1));
        assert_eq!(case.events[1].summary, "between");
        assert_eq!(
            Change::SetStatus(Status::Closed).apply_placing(&mut case),
            Ok(None)
        );
    }
}
