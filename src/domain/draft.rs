//! What a person types to create a case or log an event, and the one set of rules that turns it
//! into a [`Case`] or an [`Event`]: the command line and the TUI read their own input (flags,
//! form inputs) into these drafts and leave the rules to them, so both create the same thing
//! from the same values.

use chrono::{DateTime, Utc};

use super::field::{Field, FieldError};
use super::text::{clean, clean_line};
use super::{ActiveCall, Case, Event, Kind, Outcome, Phase, PromiseState};

/// The summary of the outage event a new case about an outage starts with, in the language
/// of whoever creates the case: `service out`, `storing`, `service coupé`.
pub fn outage_summary() -> &'static str {
    crate::t!("journal-outage-summary")
}

/// Why a draft could not become a case. (The words for it are the front ends', see
/// `cli::words`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// The title is empty once cleaned.
    EmptyTitle,
    /// The organisation is empty once cleaned: a case is always about someone.
    EmptyOrganisation,
}

impl std::error::Error for DraftError {}

/// A case to create.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewCase {
    pub title: String,
    pub organisation: String,
    /// When the case began; without one, now, or when the outage began if that was earlier.
    pub opened: Option<DateTime<Utc>>,
    /// When the service went out, if it did.
    pub outage: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}

impl NewCase {
    /// Checks what needs no times: the title is not empty once cleaned.
    pub fn check(&self) -> Result<(), DraftError> {
        if clean_line(&self.title).is_empty() {
            Err(DraftError::EmptyTitle)
        } else if clean_line(&self.organisation).is_empty() {
            Err(DraftError::EmptyOrganisation)
        } else {
            Ok(())
        }
    }

    /// The case, with no id yet (storage gives it one), as of `now`. Text is cleaned to one
    /// line each; empty tags are dropped.
    pub fn case(&self, now: DateTime<Utc>) -> Result<Case, DraftError> {
        self.check()?;
        let title = clean_line(&self.title);
        // A case about an outage began no later than the outage.
        let opened = self
            .opened
            .unwrap_or_else(|| self.outage.map_or(now, |o| o.min(now)));
        let mut case = Case::new("", title, clean_line(&self.organisation), opened);
        case.tags = self
            .tags
            .iter()
            .map(|t| clean_line(t))
            .filter(|t| !t.is_empty())
            .collect();
        if let Some(at) = self.outage {
            case.add_event(Event::new(Kind::Outage, at, outage_summary()));
        }
        Ok(case)
    }
}

/// A blank event of `kind` at `at`, as a new one starts: a promise is pending.
pub fn blank_event(kind: Kind, at: DateTime<Utc>) -> Event {
    let mut e = Event::new(kind, at, "");
    if kind == Kind::Promise {
        e.state = Some(PromiseState::Pending);
    }
    e
}

/// The call event a running call ends with at `now`: when it started, its number, department
/// and agent, its time on hold and talking, and how it went: transferred when it was, answered
/// when someone talked, no answer otherwise.
pub fn ended_call(call: &ActiveCall, now: DateTime<Utc>) -> Event {
    let mut e = Event::new(Kind::Call, call.started().unwrap_or(now), "");
    e.number.clone_from(&call.number);
    e.department.clone_from(&call.department);
    e.agent.clone_from(&call.agent);
    let seconds = |phase| u64::try_from(call.seconds_in(phase, now)).unwrap_or(0);
    e.hold_seconds = Some(seconds(Phase::Hold));
    e.talk_seconds = Some(seconds(Phase::Talk));
    e.outcome = Some(if call.transfers > 0 {
        Outcome::Transferred
    } else if seconds(Phase::Talk) > 0 {
        Outcome::Answered
    } else {
        Outcome::NoAnswer
    });
    e
}

/// An event as typed: its kind, time, summary and detail, and the text given for some of its
/// fields (a field given as empty text is cleared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDraft {
    pub kind: Kind,
    pub at: DateTime<Utc>,
    pub summary: String,
    pub detail: String,
    pub values: Vec<(Field, String)>,
}

impl EventDraft {
    /// A draft of an event of `kind` at `at`, with no values yet.
    pub fn new(kind: Kind, at: DateTime<Utc>, summary: impl Into<String>) -> Self {
        EventDraft {
            kind,
            at,
            summary: summary.into(),
            detail: String::new(),
            values: Vec::new(),
        }
    }

    /// Gives `field` the text `value`.
    #[must_use]
    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.values.push((field, value.into()));
        self
    }

    /// A new event: [`EventDraft::edit`], and a promise whose state was not given is pending.
    pub fn event(&self, now: DateTime<Utc>) -> Result<Event, FieldError> {
        let mut e = self.edit(now)?;
        if e.kind == Kind::Promise && e.state.is_none() {
            e.state = Some(PromiseState::Pending);
        }
        Ok(e)
    }

    /// The event as typed, to replace an event being edited (no defaults are filled in).
    /// Values are read as of `now` ([`Event::set`]); a field the kind does not have, a value
    /// that does not read, and a window that ends before it starts are refused.
    pub fn edit(&self, now: DateTime<Utc>) -> Result<Event, FieldError> {
        let mut e = Event::new(self.kind, self.at, clean_line(&self.summary));
        for (field, value) in &self.values {
            e.set(*field, value, now)?;
        }
        e.check_window()?;
        e.detail = clean(&self.detail);
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2013, 8, day, h, 0, 0).unwrap()
    }

    #[test]
    fn a_case_about_an_outage_opens_no_later_than_the_outage() {
        let now = at(20, 20);
        let draft = |outage, opened| NewCase {
            title: " Geen\ninternet ".into(),
            organisation: "KPN".into(),
            opened,
            outage,
            tags: vec!["a".into(), " ".into()],
        };
        let table = [
            (Some(at(16, 15)), None, at(16, 15)),
            (Some(at(25, 9)), None, now),
            (None, None, now),
            (Some(at(16, 15)), Some(at(18, 9)), at(18, 9)),
        ];
        for (outage, opened, want) in table {
            let case = draft(outage, opened).case(now).unwrap();
            assert_eq!(case.opened, want, "{outage:?} {opened:?}");
            assert_eq!(case.title, "Geen internet");
            assert_eq!(case.tags, ["a"]);
            assert_eq!(
                case.events.iter().map(|e| e.at).collect::<Vec<_>>(),
                Vec::from_iter(outage),
            );
        }
        let untitled = NewCase {
            title: "\u{1b}[2J ".into(),
            ..NewCase::default()
        };
        assert_eq!(untitled.case(now), Err(DraftError::EmptyTitle));
    }

    #[test]
    fn a_new_promise_is_pending_and_an_edited_one_keeps_what_it_was_given() {
        let draft = EventDraft::new(Kind::Promise, at(16, 15), "belt terug");
        assert_eq!(
            draft.event(at(16, 15)).unwrap().state,
            Some(PromiseState::Pending)
        );
        assert_eq!(draft.edit(at(16, 15)).unwrap().state, None);
        let kept = draft.with(Field::State, "kept").event(at(16, 15)).unwrap();
        assert_eq!(kept.state, Some(PromiseState::Kept));
        assert_eq!(
            blank_event(Kind::Promise, at(16, 15)).state,
            Some(PromiseState::Pending)
        );
        assert_eq!(blank_event(Kind::Call, at(16, 15)).state, None);
    }

    #[test]
    fn a_draft_refuses_foreign_fields_and_backwards_windows() {
        let note = EventDraft::new(Kind::Note, at(16, 15), "x").with(Field::Hold, "5m");
        assert_eq!(note.event(at(16, 15)).unwrap_err().field, Field::Hold);
        let visit = EventDraft::new(Kind::Visit, at(16, 15), "monteur")
            .with(Field::WindowStart, "2013-08-20T16:00:00Z")
            .with(Field::WindowEnd, "2013-08-20T14:00:00Z");
        assert_eq!(visit.event(at(16, 15)).unwrap_err().field, Field::WindowEnd);
    }

    #[test]
    fn a_call_ends_transferred_answered_or_unanswered() {
        let start = at(16, 15);
        let later = |m| start + chrono::Duration::minutes(m);
        let mut waiting = ActiveCall::start("0800-0403", start);
        waiting.department = "sales".into();
        let mut talked = waiting.clone();
        talked.switch(Phase::Talk, later(20));
        let mut transferred = talked.clone();
        transferred.transfers = 1;
        let table = [
            (&waiting, Outcome::NoAnswer, 30 * 60, 0),
            (&talked, Outcome::Answered, 20 * 60, 10 * 60),
            (&transferred, Outcome::Transferred, 20 * 60, 10 * 60),
        ];
        for (call, outcome, hold, talk) in table {
            let e = ended_call(call, later(30));
            assert_eq!(e.outcome, Some(outcome));
            assert_eq!((e.hold_seconds, e.talk_seconds), (Some(hold), Some(talk)));
            assert_eq!(
                (e.at, e.number.as_str(), e.department.as_str()),
                (start, "0800-0403", "sales")
            );
            assert!(e.validate().is_ok());
        }
    }
}
