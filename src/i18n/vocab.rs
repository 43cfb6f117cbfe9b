//! The journal's closed vocabularies as a person reads them: event kinds, statuses, outcomes,
//! channels and the fields of an event, in the current language. Files, JSON and the command
//! line's arguments keep their stored words (`Kind::as_str`); these are only for reading.

use crate::domain::enums::{Channel, Customer, Direction, Outcome, PromiseState, Status};
use crate::domain::{Field, Kind};
use crate::t;

/// An event kind: `call`, `gesprek`, `appel`.
pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Call => t!("kind-call"),
        Kind::Redirect => t!("kind-redirect"),
        Kind::Promise => t!("kind-promise"),
        Kind::Visit => t!("kind-visit"),
        Kind::Message => t!("kind-message"),
        Kind::Outage => t!("kind-outage"),
        Kind::Restored => t!("kind-restored"),
        Kind::Complaint => t!("kind-complaint"),
        Kind::Note => t!("kind-note"),
    }
}

/// An event kind in at most 9 columns, for the timeline: `redir`, `doorverw.`, `réclam.`.
pub fn kind_short(k: Kind) -> &'static str {
    match k {
        Kind::Call => t!("kind-short-call"),
        Kind::Redirect => t!("kind-short-redirect"),
        Kind::Promise => t!("kind-short-promise"),
        Kind::Visit => t!("kind-short-visit"),
        Kind::Message => t!("kind-short-message"),
        Kind::Outage => t!("kind-short-outage"),
        Kind::Restored => t!("kind-short-restored"),
        Kind::Complaint => t!("kind-short-complaint"),
        Kind::Note => t!("kind-short-note"),
    }
}

/// A case's status: `resolved`, `opgelost`, `résolu`.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Open => t!("status-open"),
        Status::Resolved => t!("status-resolved"),
        Status::Closed => t!("status-closed"),
    }
}

/// Who placed a call.
pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Out => t!("direction-out"),
        Direction::In => t!("direction-in"),
    }
}

/// How a call, visit or complaint ended.
pub fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Answered => t!("outcome-answered"),
        Outcome::Dropped => t!("outcome-dropped"),
        Outcome::NoAnswer => t!("outcome-no-answer"),
        Outcome::Transferred => t!("outcome-transferred"),
        Outcome::Fixed => t!("outcome-fixed"),
        Outcome::Failed => t!("outcome-failed"),
        Outcome::NoShow => t!("outcome-no-show"),
        Outcome::Deadlock => t!("outcome-deadlock"),
    }
}

/// Whether a promise was kept.
pub fn promise_state(s: PromiseState) -> &'static str {
    match s {
        PromiseState::Pending => t!("promise-pending"),
        PromiseState::Kept => t!("promise-kept"),
        PromiseState::Broken => t!("promise-broken"),
    }
}

/// How a message arrived or a complaint was made.
pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Sms => t!("channel-sms"),
        Channel::Email => t!("channel-email"),
        Channel::Letter => t!("channel-letter"),
        Channel::Chat => t!("channel-chat"),
        Channel::App => t!("channel-app"),
        Channel::Web => t!("channel-web"),
        Channel::Phone => t!("channel-phone"),
    }
}

/// Who the customer of a case is.
pub fn customer(c: Customer) -> &'static str {
    match c {
        Customer::Consumer => t!("customer-consumer"),
        Customer::SmallBusiness => t!("customer-small-business"),
        Customer::Business => t!("customer-business"),
    }
}

/// A stored choice word (`no-answer`, `kept`, `letter`) of `field` as a person reads it; a
/// word that is none of the field's choices is given back as it is.
pub fn choice(field: Field, word: &str) -> String {
    let found = match field {
        Field::Direction => word.parse().ok().map(direction),
        Field::Outcome => word.parse().ok().map(outcome),
        Field::State => word.parse().ok().map(promise_state),
        Field::Channel => word.parse().ok().map(channel),
        _ => None,
    };
    found.map_or_else(|| word.to_string(), str::to_string)
}

/// An event field's label in forms and detail views: `on hold`, `in de wacht`, `en attente`.
pub fn field(f: Field) -> &'static str {
    match f {
        Field::Number => t!("field-number"),
        Field::Department => t!("field-department"),
        Field::Agent => t!("field-agent"),
        Field::Direction => t!("field-direction"),
        Field::Hold => t!("field-hold"),
        Field::Talk => t!("field-talk"),
        Field::Outcome => t!("field-outcome"),
        Field::From => t!("field-from"),
        Field::To => t!("field-to"),
        Field::Due => t!("field-due"),
        Field::State => t!("field-state"),
        Field::Channel => t!("field-channel"),
        Field::Ref => t!("field-ref"),
        Field::Who => t!("field-who"),
        Field::Subject => t!("field-subject"),
        Field::WindowStart => t!("field-window-start"),
        Field::WindowEnd => t!("field-window-end"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_word_exists_in_every_language_and_short_kinds_fit_nine_columns() {
        for lang in Lang::ALL {
            let _scope = lang.scope();
            for &k in Kind::ALL {
                assert!(!kind(k).starts_with("kind-"), "{lang} {k}");
                assert!(
                    kind_short(k).chars().count() <= 9,
                    "{lang}: {}",
                    kind_short(k)
                );
            }
            for &f in Field::ALL {
                assert!(!field(f).starts_with("field-"), "{lang} {f:?}");
            }
        }
        let _nl = Lang::Nl.scope();
        assert_eq!(kind(Kind::Complaint), "klacht");
        assert_eq!(choice(Field::Outcome, "transferred"), "doorgezet");
        assert_eq!(choice(Field::Outcome, "whatever"), "whatever");
    }
}
