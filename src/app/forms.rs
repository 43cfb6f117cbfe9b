//! The forms the TUI opens, and what submitting each one does.

use chrono::{DateTime, Utc};

use super::form::{Form, Input, InputId, Purpose};
use super::mutation::{Mutation, transfer_redirect};
use super::words;
use super::{Action, App, Effect, Undo};
use crate::domain::case_fields::CaseFields;
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
        // The kind and time are filled in: the summary is the first thing to type.
        2
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
    let mut e = ended_call(call, now);
    // A call started here is one you made.
    e.direction = Some(crate::domain::Direction::Out);
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
/// service went out if that was earlier (see [`NewCase`]), as on the command line. Its terms
/// come last, as `runaround new --country --customer --fee --ref` takes them.
pub fn new_case_form(_now: DateTime<Utc>, organisation: &str) -> Form {
    form(Purpose::NewCase, |p| {
        let mut inputs = vec![
            text(p, InputId::Title, ""),
            text(p, InputId::Organisation, organisation),
            text(p, InputId::Opened, ""),
            text(p, InputId::OutageSince, ""),
            text(p, InputId::Tags, ""),
        ];
        inputs.extend(term_inputs(p, &CaseFields::default()));
        inputs
    })
}

/// The form that edits the case itself: its title, organisation, tags, terms and references.
pub fn edit_case_form(case: &crate::domain::Case) -> Form {
    let fields = CaseFields::of(case);
    form(Purpose::EditCase, |p| {
        let mut inputs = vec![
            text(p, InputId::Title, fields.title.clone()),
            text(p, InputId::Organisation, fields.organisation.clone()),
            text(p, InputId::Tags, fields.tags.join(", ")),
        ];
        inputs.extend(term_inputs(p, &fields));
        inputs
    })
}

/// The inputs of a case's terms: country, customer kind, fee a month and references.
fn term_inputs(p: &Purpose, fields: &CaseFields) -> Vec<Input> {
    let mut customers = vec![""];
    customers.extend(crate::domain::Customer::ALL.iter().map(|c| c.as_str()));
    // The fee with its currency, as the reader writes money: `€ 45,00`, `45,00 €`.
    let fee = match (fields.monthly_fee_minor, fields.currency) {
        (Some(m), Some(c)) => crate::i18n::fmt::money(m, c),
        (Some(m), None) => format!("{}.{:02}", m / 100, m % 100),
        _ => String::new(),
    };
    let refs: Vec<String> = fields
        .references
        .iter()
        .map(|r| format!("{}={}", r.label, r.value))
        .collect();
    vec![
        text(
            p,
            InputId::Country,
            fields.country.map(|c| c.to_string()).unwrap_or_default(),
        ),
        choice(
            InputId::Customer,
            fields.customer.map_or("", |c| c.as_str()),
            customers,
        ),
        text(p, InputId::Fee, fee),
        text(p, InputId::Refs, refs.join("; ")),
    ]
}

/// Reads the terms of a case form into `fields`, by the rules of `runaround set`: the fee is
/// in the currency of the case's country, so a fee needs a country whose currency runaround
/// knows; an empty input clears its term; references are `label=value`, split by `;`.
fn read_terms(form: &Form, fields: &mut CaseFields) -> Result<(), FormError> {
    let bad =
        |id: InputId, e: String| FormError::at(id, format!("{}: {e}", words::input_label(id)));
    let country = form.get(InputId::Country).trim();
    fields.country = if country.is_empty() {
        None
    } else {
        Some(
            crate::domain::Country::parse(country)
                .map_err(|e| bad(InputId::Country, e.to_string()))?,
        )
    };
    fields.customer = match form.get(InputId::Customer) {
        "" => None,
        word => Some(
            word.parse()
                .map_err(|e| bad(InputId::Customer, format!("{e}")))?,
        ),
    };
    let fee = form.get(InputId::Fee).trim();
    if fee.is_empty() {
        fields.monthly_fee_minor = None;
        fields.currency = None;
    } else {
        let (minor, given) = read_fee(fee).map_err(|e| bad(InputId::Fee, e))?;
        let country = fields.country.ok_or_else(|| {
            bad(
                InputId::Fee,
                crate::t!("error-fee-needs-country").to_string(),
            )
        })?;
        let currency = country.currency().ok_or_else(|| {
            bad(
                InputId::Country,
                crate::t!("error-no-currency", country = country.to_string()),
            )
        })?;
        if given.is_some_and(|g| g != currency) {
            crate::domain::money::check_terms(Some(country), Some(minor), given)
                .map_err(|e| bad(InputId::Fee, e.to_string()))?;
        }
        fields.monthly_fee_minor = Some(minor);
        fields.currency = Some(currency);
    }
    fields.references.clear();
    for item in form.get(InputId::Refs).split(';') {
        if item.trim().is_empty() {
            continue;
        }
        let Some((label, value)) = item.split_once('=') else {
            return Err(bad(
                InputId::Refs,
                crate::t!("error-ref-shape", item = item.trim()),
            ));
        };
        let (label, value) = (clean_line(label), clean_line(value));
        if label.is_empty() {
            return Err(bad(
                InputId::Refs,
                crate::t!("error-ref-shape", item = item.trim()),
            ));
        }
        if value.is_empty() {
            continue;
        }
        match fields
            .references
            .iter_mut()
            .find(|r| r.label.eq_ignore_ascii_case(&label))
        {
            Some(r) => r.value = value,
            None => fields
                .references
                .push(crate::domain::Reference { label, value }),
        }
    }
    crate::domain::money::check_terms(fields.country, fields.monthly_fee_minor, fields.currency)
        .map_err(|e| bad(InputId::Fee, e.to_string()))?;
    Ok(())
}

/// A fee as typed: `45`, `45.00`, `49,95`, with or without its currency (`€ 45,00`,
/// `45,00 €`, `£9.99`, `45 EUR`) and a thousands separator (`€1,234.00`, `€ 1.234,00`).
fn read_fee(typed: &str) -> Result<(i64, Option<crate::domain::Currency>), String> {
    use crate::domain::Currency;
    let upper = typed.to_uppercase();
    let given = if upper.contains('€') || upper.contains("EUR") {
        Some(Currency::Eur)
    } else if upper.contains('£') || upper.contains("GBP") {
        Some(Currency::Gbp)
    } else {
        None
    };
    let mut amount: String = upper
        .replace("EUR", "")
        .replace("GBP", "")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '£'))
        .collect();
    // Both marks: the first kind groups thousands.
    if let (Some(dot), Some(comma)) = (amount.find('.'), amount.find(',')) {
        let group = if dot < comma { '.' } else { ',' };
        amount.retain(|c| c != group);
    }
    let minor = crate::domain::money::parse_amount(&amount).map_err(|_| {
        crate::domain::money::MoneyError::NotAnAmount(typed.trim().to_string()).to_string()
    })?;
    Ok((minor, given))
}

/// What submitting the edit-case form does: the case's own fields, replaced at once.
fn edit_case(form: &Form, app: &mut App) -> Result<Vec<Effect>, FormError> {
    let case = app.writable()?;
    let id = case.id.clone();
    let mut fields = CaseFields::of(case);
    let title = clean_line(form.get(InputId::Title));
    if title.is_empty() {
        return Err(FormError::at(
            InputId::Title,
            crate::domain::draft::DraftError::EmptyTitle.to_string(),
        ));
    }
    let organisation = clean_line(form.get(InputId::Organisation));
    if organisation.is_empty() {
        return Err(FormError::at(
            InputId::Organisation,
            crate::domain::draft::DraftError::EmptyOrganisation.to_string(),
        ));
    }
    fields.title = title;
    fields.organisation = organisation;
    fields.tags = form
        .get(InputId::Tags)
        .split(',')
        .map(clean_line)
        .filter(|t| !t.is_empty())
        .collect();
    read_terms(form, &mut fields)?;
    if fields == CaseFields::of(case) {
        app.say(words::nothing_changed());
        return Ok(Vec::new());
    }
    app.say(crate::t!("status-case-changed"));
    Ok(vec![Effect::Mutate {
        id,
        mutation: Mutation::SetCase(Box::new(fields)),
    }])
}

/// Picks a status.
pub fn status_form(status: Status) -> Form {
    let choices = Status::ALL.iter().map(|s| s.as_str()).collect();
    form(Purpose::Status, |_| {
        vec![choice(InputId::Status, status.as_str(), choices)]
    })
}

/// A promise whose text names its term ("binnen 24 tot 48 uur", "within 5 working days",
/// "vrijdag") gets that due proposed in its due input, while that input is empty or still
/// holds what was proposed; the user keeps it with Enter or types another.
pub fn propose_due(form: &mut Form, now: DateTime<Utc>) {
    let due = InputId::Field(Field::Due);
    if form.get(KIND) != Kind::Promise.as_str() || !form.inputs.iter().any(|i| i.id == due) {
        form.proposed = None;
        return;
    }
    let current = form.get(due).to_string();
    let ours = form
        .proposed
        .as_ref()
        .is_some_and(|(_, value, _)| *value == current);
    let typing_there = form.inputs.get(form.focus).is_some_and(|i| i.id == due);
    // Typing there, or clearing a proposal there, makes the due the user's.
    form.typed_over |= typing_there && !ours && (!current.is_empty() || form.proposed.is_some());
    if form.typed_over || (!current.is_empty() && !ours) {
        // The user's own due.
        form.proposed = None;
        return;
    }
    let at = match form.get(WHEN).trim() {
        "" => now,
        when => parse_when(when, now).unwrap_or(now),
    };
    let text = format!("{}\n{}", form.get(SUMMARY), form.get(DETAIL));
    match super::term::proposal(&text, at) {
        Some(p) => {
            form.put(due, &p.due);
            let note = crate::t!("form-due-proposed", term = p.said.as_str());
            form.proposed = Some((due, p.due, note));
        }
        None if ours => {
            form.put(due, "");
            form.proposed = None;
        }
        None => {}
    }
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

/// What is wrong with a submitted form, and the input it is about (when it is about one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub at: Option<InputId>,
    pub text: String,
}

impl FormError {
    fn at(id: InputId, text: String) -> FormError {
        FormError { at: Some(id), text }
    }
}

impl From<String> for FormError {
    fn from(text: String) -> FormError {
        FormError { at: None, text }
    }
}

/// Reads an event form.
pub fn read_event(form: &Form, now: DateTime<Utc>) -> Result<Event, String> {
    read_event_at(form, now).map_err(|e| e.text)
}

/// Reads an event form; an error names the input it is about.
pub fn read_event_at(form: &Form, now: DateTime<Utc>) -> Result<Event, FormError> {
    let kind: Kind = form
        .get(KIND)
        .parse()
        .map_err(|e| FormError::at(KIND, format!("{e}")))?;
    let when = form.get(WHEN).trim();
    // A bare `HH:MM` in an edit keeps the event on its own day; in a new event it is today.
    let cx = match &form.purpose {
        Purpose::Event { editing: Some(old) } => WhenContext::at(now).on_day_of(old.at),
        _ => WhenContext::at(now),
    };
    let at = if when.is_empty() {
        now
    } else {
        parse_when_in(when, cx)
            .map_err(|e| FormError::at(WHEN, format!("{}: {e}", words::input_label(WHEN))))?
    };
    let draft = EventDraft {
        kind,
        at,
        summary: form.get(SUMMARY).to_string(),
        detail: form.get(DETAIL).to_string(),
        values: kind
            .fields()
            .iter()
            .map(|f| {
                let value = form.get(InputId::Field(*f));
                // A due of `+48h` or `+2d` is counted from when the promise was made.
                match value.trim().strip_prefix('+') {
                    Some(_) if *f == Field::Due => parse_when(value, at)
                        .map(crate::domain::time::rfc3339)
                        .map(|due| (*f, due))
                        .map_err(|e| {
                            FormError::at(
                                InputId::Field(*f),
                                format!("{}: {e}", crate::i18n::vocab::field(*f)),
                            )
                        }),
                    _ => Ok((*f, value.to_string())),
                }
            })
            .collect::<Result<_, _>>()?,
    };
    let editing = matches!(form.purpose, Purpose::Event { editing: Some(_) });
    if editing {
        draft.edit(now)
    } else {
        draft.event(now)
    }
    .map_err(|e| FormError::at(InputId::Field(e.field), words::field_error(&e)))
}

/// What submitting the new-case form does: the case to create.
fn new_case(form: &Form, now: DateTime<Utc>) -> Result<Vec<Effect>, FormError> {
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
    draft.check().map_err(|e| {
        let at = match e {
            crate::domain::draft::DraftError::EmptyOrganisation => InputId::Organisation,
            crate::domain::draft::DraftError::EmptyTitle => InputId::Title,
        };
        FormError::at(at, e.to_string())
    })?;
    let when = |id: InputId| match form.get(id).trim() {
        "" => Ok(None),
        s => parse_when(s, now)
            .map(Some)
            .map_err(|e| FormError::at(id, format!("{}: {e}", words::input_label(id)))),
    };
    draft.opened = when(InputId::Opened)?;
    draft.outage = when(InputId::OutageSince)?;
    let mut case = draft.case(now).map_err(|e| e.to_string())?;
    let mut fields = CaseFields::of(&case);
    read_terms(form, &mut fields)?;
    fields.apply(&mut case);
    Ok(vec![Effect::Create(case)])
}

/// What submitting `form` does: effects, or an error to show in the form.
pub fn submit(form: &Form, app: &mut App) -> Result<Vec<Effect>, String> {
    submit_at(form, app).map_err(|e| e.text)
}

/// [`submit`], with the input an error is about.
pub fn submit_at(form: &Form, app: &mut App) -> Result<Vec<Effect>, FormError> {
    let now = app.now;
    let id = || app.writable().map(|c| c.id.clone());
    let effect = |id: String, mutation: Mutation| vec![Effect::Mutate { id, mutation }];
    Ok(match &form.purpose {
        Purpose::NewCase => return new_case(form, now),
        Purpose::EditCase => return edit_case(form, app),
        Purpose::Event { editing } => {
            let event = read_event_at(form, now)?;
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
        Purpose::EndCall => effect(id()?, Mutation::EndCall(read_event_at(form, now)?)),
        Purpose::Transfer => {
            let to = clean_line(form.get(InputId::Field(Field::To)));
            let case = app.writable()?;
            let call = case
                .active_call
                .as_ref()
                .ok_or_else(|| crate::domain::change::ChangeError::NoCall.to_string())?;
            let redirect = transfer_redirect(call, &to, crate::t!("event-transferred"), now);
            // Sent back to a place seen before: the status line says so at once.
            let mut after = case.clone();
            after.add_event(redirect.clone());
            let news = words::call_loop(&after).map(|l| words::loop_news(&l));
            let id = case.id.clone();
            if let Some(news) = news {
                app.say(format!("↺ {news}"));
            }
            effect(id, Mutation::CallTransfer { redirect })
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
            let id = id()?;
            // Where the case went: out of the list when the filter does not show its status.
            let word = crate::i18n::vocab::status(status);
            if app.filter.admits(status) {
                app.say(crate::t!("status-status-set", status = word));
            } else {
                app.say(crate::t!(
                    "status-status-set-hidden",
                    status = word,
                    key = app.keymap.key_of(Action::Filter)
                ));
            }
            effect(id, Mutation::SetStatus(status))
        }
    })
}
