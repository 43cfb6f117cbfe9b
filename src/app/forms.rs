//! The forms the TUI opens, and what submitting each one does.

use chrono::{DateTime, Utc};

use super::form::{Form, Input, InputId, Purpose};
use super::mutation::{Mutation, transfer_redirect};
use super::words;
use super::{Action, App, Effect, Undo};
use crate::domain::draft::{EventDraft, NewCase, blank_event, ended_call};
use crate::domain::text::clean_line;
use crate::domain::time::{WhenContext, local_input, parse_when, parse_when_in};
use crate::domain::{ActiveCall, Event, Field, Kind, Status};

const KIND: InputId = InputId::Kind;
const WHEN: InputId = InputId::When;
const SUMMARY: InputId = InputId::Summary;
const DETAIL: InputId = InputId::Detail;

/// A free-text input `id` of a form for `purpose`, labelled as the TUI calls it.
fn text(purpose: &Purpose, id: InputId, value: impl Into<String>) -> Input {
    Input::text(
        id,
        words::input_label(id),
        value,
        words::placeholder(purpose, id),
    )
}

/// A form for `purpose`, titled as the TUI calls it.
fn form(purpose: Purpose, inputs: impl FnOnce(&Purpose) -> Vec<Input>) -> Form {
    let inputs = inputs(&purpose);
    Form::new(words::form_title(&purpose), purpose, inputs)
}

/// A choice input `id`, labelled as the TUI calls it.
fn choice(id: InputId, value: &str, choices: Vec<&'static str>) -> Input {
    Input::choice(id, words::input_label(id), value, choices)
}

fn field_input(purpose: &Purpose, field: Field, kind: Kind, value: String) -> Input {
    let choices = field.choices(kind);
    if choices.is_empty() {
        text(purpose, InputId::Field(field), value)
    } else {
        let mut all = vec![""];
        all.extend(choices);
        choice(InputId::Field(field), &value, all)
    }
}

fn event_inputs(purpose: &Purpose, event: &Event, kinds: Vec<&'static str>) -> Vec<Input> {
    let mut inputs = vec![
        choice(KIND, event.kind.as_str(), kinds),
        text(purpose, WHEN, local_input(event.at)),
        text(purpose, SUMMARY, event.summary.clone()),
    ];
    inputs.extend(
        event
            .kind
            .fields()
            .iter()
            .map(|f| field_input(purpose, *f, event.kind, event.get(*f))),
    );
    inputs.push(text(purpose, DETAIL, event.detail.clone()));
    inputs
}

/// The form to log an event of `kind` (or edit `editing`).
pub fn event_form(editing: Option<Event>, kind: Kind, now: DateTime<Utc>) -> Form {
    let event = editing.clone().unwrap_or_else(|| blank_event(kind, now));
    let kinds = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let mut form = form(Purpose::Event { editing }, |p| {
        event_inputs(p, &event, kinds)
    });
    form.focus = if form.purpose == (Purpose::Event { editing: None }) {
        0
    } else {
        // An edit keeps its kind unless the kind's own key is pressed.
        form.locked_first = true;
        2
    };
    form
}

/// When submitting an edit form would change the event's kind and drop fields that hold
/// values, the question to ask first: "change visit to message? who, window from, window
/// until and outcome will be dropped".
pub fn kind_change_question(form: &Form) -> Option<String> {
    let Purpose::Event {
        editing: Some(old), ..
    } = &form.purpose
    else {
        return None;
    };
    let kind: Kind = form.get(KIND).parse().ok()?;
    if kind == old.kind {
        return None;
    }
    let dropped: Vec<Field> = old
        .kind
        .fields()
        .iter()
        .copied()
        .filter(|f| old.is_set(*f) && !kind.has(*f))
        .collect();
    if dropped.is_empty() {
        return None;
    }
    Some(words::kind_change_question(old.kind, kind, &dropped))
}

/// The form that ends a call, with its times filled in from the stopwatch.
pub fn end_call_form(call: &ActiveCall, now: DateTime<Utc>) -> Form {
    let e = ended_call(call, now);
    let mut form = form(Purpose::EndCall, |p| event_inputs(p, &e, vec!["call"]));
    form.focus = 2;
    form
}

/// Asks where a transfer sent you.
pub fn transfer_form() -> Form {
    form(Purpose::Transfer, |p| {
        vec![text(p, InputId::Field(Field::To), "")]
    })
}

/// Asks which number is being called (the stopwatch already runs).
pub fn call_number_form(last: &str) -> Form {
    form(Purpose::CallNumber, |p| {
        vec![
            text(p, InputId::Field(Field::Number), last),
            text(p, InputId::Field(Field::Department), ""),
            text(p, InputId::Field(Field::Agent), ""),
        ]
    })
}

/// The form for a new case. Its opening is left empty: the case then opens now, or when the
/// service went out if that was earlier (see [`NewCase`]), as on the command line.
pub fn new_case_form(_now: DateTime<Utc>, organisation: &str) -> Form {
    form(Purpose::NewCase, |p| {
        vec![
            text(p, InputId::Title, ""),
            text(p, InputId::Organisation, organisation),
            text(p, InputId::Opened, ""),
            text(p, InputId::OutageSince, ""),
            text(p, InputId::Tags, ""),
        ]
    })
}

/// Picks a status.
pub fn status_form(status: Status) -> Form {
    let choices = Status::ALL.iter().map(|s| s.as_str()).collect();
    form(Purpose::Status, |_| {
        vec![choice(InputId::Status, status.as_str(), choices)]
    })
}

/// Rebuilds an event form's inputs when its kind changed, keeping what was typed.
pub fn refit(form: &mut Form, now: DateTime<Utc>) {
    if !matches!(form.purpose, Purpose::Event { .. }) {
        return;
    }
    let Ok(kind) = form.get(KIND).parse::<Kind>() else {
        return;
    };
    let wanted: Vec<InputId> = [KIND, WHEN, SUMMARY]
        .into_iter()
        .chain(kind.fields().iter().map(|f| InputId::Field(*f)))
        .chain([DETAIL])
        .collect();
    let have: Vec<InputId> = form.inputs.iter().map(|i| i.id).collect();
    if wanted == have {
        return;
    }
    let mut event = blank_event(kind, now);
    // Fields the edited event had come back as they were when its kind comes back.
    if let Purpose::Event {
        editing: Some(original),
    } = &form.purpose
    {
        for field in kind.fields() {
            if original.kind.has(*field) {
                let value = original.get(*field);
                if event.set(*field, &value, now).is_err() {
                    // An outcome of another kind does not fit: left empty.
                }
            }
        }
    }
    let kinds = form.inputs[0].choices.clone();
    let old = std::mem::take(&mut form.inputs);
    form.inputs = event_inputs(&form.purpose, &event, kinds);
    for input in &mut form.inputs {
        if let Some(prev) = old.iter().find(|o| o.id == input.id && o.id != KIND)
            && (input.choices.is_empty() || input.choices.contains(&prev.value.as_str()))
        {
            input.value.clone_from(&prev.value);
            input.cursor = prev.cursor;
        }
    }
}

/// Reads an event form.
pub fn read_event(form: &Form, now: DateTime<Utc>) -> Result<Event, String> {
    let kind: Kind = form.get(KIND).parse().map_err(|e| format!("{e}"))?;
    let when = form.get(WHEN).trim();
    // A bare `HH:MM` in an edit keeps the event on its own day; in a new event it is today.
    let cx = match &form.purpose {
        Purpose::Event { editing: Some(old) } => WhenContext::at(now).on_day_of(old.at),
        _ => WhenContext::at(now),
    };
    let at = if when.is_empty() {
        now
    } else {
        parse_when_in(when, cx).map_err(|e| format!("{}: {e}", words::input_label(WHEN)))?
    };
    let draft = EventDraft {
        kind,
        at,
        summary: form.get(SUMMARY).to_string(),
        detail: form.get(DETAIL).to_string(),
        values: kind
            .fields()
            .iter()
            .map(|f| (*f, form.get(InputId::Field(*f)).to_string()))
            .collect(),
    };
    let editing = matches!(form.purpose, Purpose::Event { editing: Some(_) });
    if editing {
        draft.edit(now)
    } else {
        draft.event(now)
    }
    .map_err(|e| words::field_error(&e))
}

/// What submitting `form` does: effects, or an error to show in the form.
pub fn submit(form: &Form, app: &mut App) -> Result<Vec<Effect>, String> {
    let now = app.now;
    let id = || app.writable().map(|c| c.id.clone());
    let effect = |id: String, mutation: Mutation| vec![Effect::Mutate { id, mutation }];
    Ok(match &form.purpose {
        Purpose::NewCase => {
            let mut draft = NewCase {
                title: form.get(InputId::Title).to_string(),
                organisation: form.get(InputId::Organisation).to_string(),
                tags: form
                    .get(InputId::Tags)
                    .split(',')
                    .map(str::to_string)
                    .collect(),
                ..NewCase::default()
            };
            draft.check().map_err(|e| e.to_string())?;
            let when = |id: InputId| match form.get(id).trim() {
                "" => Ok(None),
                s => parse_when(s, now)
                    .map(Some)
                    .map_err(|e| format!("{}: {e}", words::input_label(id))),
            };
            draft.opened = when(InputId::Opened)?;
            draft.outage = when(InputId::OutageSince)?;
            vec![Effect::Create(draft.case(now).map_err(|e| e.to_string())?)]
        }
        Purpose::Event { editing } => {
            let event = read_event(form, now)?;
            let id = id()?;
            let mutation = match editing {
                Some(old) => {
                    let new = old.edited(event, now);
                    if new == *old {
                        app.say(words::nothing_changed());
                        return Ok(Vec::new());
                    }
                    app.undo.push(Undo::Edit {
                        id: id.clone(),
                        now: new.clone(),
                        before: old.clone(),
                    });
                    app.say(words::event_changed(&app.keymap.key_of(Action::Undo)));
                    Mutation::ReplaceEvent {
                        old: old.clone(),
                        new,
                    }
                }
                None => Mutation::AddEvent(event),
            };
            effect(id, mutation)
        }
        Purpose::EndCall => effect(id()?, Mutation::EndCall(read_event(form, now)?)),
        Purpose::Transfer => {
            let to = clean_line(form.get(InputId::Field(Field::To)));
            let case = app.writable()?;
            let call = case
                .active_call
                .as_ref()
                .ok_or_else(|| crate::domain::change::ChangeError::NoCall.to_string())?;
            effect(
                case.id.clone(),
                Mutation::CallTransfer {
                    redirect: transfer_redirect(call, &to, crate::t!("event-transferred"), now),
                },
            )
        }
        Purpose::CallNumber => {
            let case = app.writable()?;
            let mut call = case
                .active_call
                .clone()
                .ok_or_else(|| crate::domain::change::ChangeError::NoCall.to_string())?;
            call.number = clean_line(form.get(InputId::Field(Field::Number)));
            call.department = clean_line(form.get(InputId::Field(Field::Department)));
            call.agent = clean_line(form.get(InputId::Field(Field::Agent)));
            effect(case.id.clone(), Mutation::UpdateCall(call))
        }
        Purpose::Status => {
            let status: Status = form
                .get(InputId::Status)
                .parse()
                .map_err(|e| format!("{e}"))?;
            effect(id()?, Mutation::SetStatus(status))
        }
    })
}
