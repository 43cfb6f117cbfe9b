//! Forms find their inputs by what they hold, not by what they are called: a form whose every
//! label is changed (as a translation would) saves exactly what it saved before.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use runaround::app::form::{Form, InputId};
use runaround::app::forms::{
    call_number_form, edit_case_form, end_call_form, event_form, new_case_form, status_form,
    submit, transfer_form,
};
use runaround::app::{App, Effect};
use runaround::domain::{ActiveCall, Case, Field, Kind, Status};

/// Calls every input `x0`, `x1`, … in turn.
fn relabel(form: &mut Form) {
    for (n, input) in form.inputs.iter_mut().enumerate() {
        input.label = Box::leak(format!("x{n}").into_boxed_str());
    }
}

/// Fills every input of `form` by its id: the last choice of a choice, a value that reads for
/// a text.
fn fill(form: &mut Form) {
    let ids: Vec<(InputId, Option<&str>)> = form
        .inputs
        .iter()
        .map(|i| (i.id, i.choices.last().copied()))
        .collect();
    for (id, last_choice) in ids {
        let value = match (id, last_choice) {
            (InputId::Kind, _) => continue,
            (_, Some(choice)) => choice,
            (InputId::When | InputId::Opened, _) => "2026-03-31 09:30",
            (InputId::OutageSince, _) => "2026-03-30 08:00",
            (InputId::Tags, _) => "wifi, moving",
            (InputId::Country, _) => "NL",
            (InputId::Fee, _) => "49.95",
            (InputId::Refs, _) => "ticket=KPN-77; customer=12345",
            (InputId::Field(Field::Hold | Field::Talk), _) => "5m",
            (InputId::Field(Field::WindowStart | Field::Due), _) => "2026-04-02 12:00",
            (InputId::Field(Field::WindowEnd), _) => "2026-04-02 14:00",
            (InputId::Field(f), _) => f.key(),
            (other, _) => Box::leak(format!("{other:?}").into_boxed_str()),
        };
        form.put(id, value);
    }
}

/// What submitting `form`, filled, does in a fresh `app()`: as it is, and relabelled.
fn both(form: &Form, app: impl Fn() -> App) -> (Vec<Effect>, Vec<Effect>) {
    let mut plain = form.clone();
    fill(&mut plain);
    let mut renamed = form.clone();
    relabel(&mut renamed);
    fill(&mut renamed);
    assert!(
        renamed
            .inputs
            .iter()
            .all(|i| renamed.value(i.label) == i.value && plain.value(i.label).is_empty()),
        "the labels changed"
    );
    let plain = submit(&plain, &mut app()).unwrap();
    let renamed = submit(&renamed, &mut app()).unwrap();
    (plain, renamed)
}

/// The demo app on a case with a call running.
fn calling() -> App {
    let mut cases = common::demo_cases();
    let id = common::demo_app().selected().unwrap().id.clone();
    let case: &mut Case = cases.iter_mut().find(|c| c.id == id).unwrap();
    case.active_call = Some(ActiveCall::start("0800-0403", common::now()));
    common::app_on(&cases)
}

#[test]
fn every_event_form_saves_the_same_with_every_label_renamed() {
    let now = common::now();
    for kind in Kind::ALL.iter().copied() {
        let (plain, renamed) = both(&event_form(None, kind, now), common::demo_app);
        let [Effect::Mutate { mutation, .. }] = plain.as_slice() else {
            panic!("{kind}: {plain:?}");
        };
        let runaround::app::Mutation::AddEvent(e) = mutation else {
            panic!("{kind}: {mutation:?}");
        };
        assert_eq!(e.summary, "Summary", "{kind}");
        assert!(kind.fields().iter().all(|f| e.is_set(*f)), "{kind}: {e:?}");
        assert_eq!(renamed, plain, "{kind}");
    }
}

#[test]
fn every_other_form_saves_the_same_with_every_label_renamed() {
    let now = common::now();
    let (plain, renamed) = both(&new_case_form(now, "KPN"), common::demo_app);
    let [Effect::Create(case)] = plain.as_slice() else {
        panic!("{plain:?}");
    };
    assert_eq!(
        (case.title.as_str(), case.tags.len(), case.events.len()),
        ("Title", 2, 1)
    );
    assert_eq!(
        (case.monthly_fee_minor, case.references.len()),
        (Some(4995), 2)
    );
    assert_eq!(renamed, plain);

    let demo = common::demo_app();
    let (plain, renamed) = both(&edit_case_form(demo.selected().unwrap()), common::demo_app);
    assert!(
        format!("{plain:?}").contains("SetCase") && format!("{plain:?}").contains("KPN-77"),
        "{plain:?}"
    );
    assert_eq!(renamed, plain);

    let (plain, renamed) = both(&status_form(Status::Open), common::demo_app);
    assert!(
        format!("{plain:?}").contains("SetStatus(Closed)"),
        "{plain:?}"
    );
    assert_eq!(renamed, plain);

    let call = ActiveCall::start("0800-0403", now);
    for form in [
        transfer_form(),
        call_number_form("1200"),
        end_call_form(&call, now),
    ] {
        let (plain, renamed) = both(&form, calling);
        assert_eq!(plain.len(), 1, "{}: {plain:?}", form.title);
        assert_eq!(renamed, plain, "{}", form.title);
    }
    let (plain, _) = both(&transfer_form(), calling);
    assert!(format!("{plain:?}").contains("to: \"to\""), "{plain:?}");
}
