//! The small closed vocabularies of the journal (status, event kind, outcome…), stored and
//! printed as lowercase words so files and JSON carry no Rust names.

use std::fmt;

/// A word that is not one of an enum's values: what the enum is, the value, and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    pub what: &'static str,
    pub value: String,
    pub expected: Vec<&'static str>,
}

impl std::error::Error for UnknownWord {}

macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident ($what:literal) { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in files, JSON and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let lower = s.trim().to_lowercase().replace('_', "-");
                $name::ALL.iter().copied().find(|v| v.as_str() == lower).ok_or_else(|| UnknownWord {
                    what: $what,
                    value: s.to_string(),
                    expected: $name::ALL.iter().map(|v| v.as_str()).collect(),
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                word.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

word_enum!(
    /// Where a case stands.
    Status("status") { Open = "open", Resolved = "resolved", Closed = "closed" }
);

word_enum!(
    /// What kind of thing happened.
    Kind("event kind") {
        Call = "call", Redirect = "redirect", Promise = "promise", Visit = "visit",
        Message = "message", Outage = "outage", Restored = "restored",
        Complaint = "complaint", Note = "note",
    }
);

word_enum!(
    /// Who placed a call.
    Direction("direction") { Out = "out", In = "in" }
);

word_enum!(
    /// How a call, a visit or a complaint ended. Calls use the first four, visits the next three,
    /// complaints `deadlock` (the company said it cannot resolve it: a deadlock or ADR letter).
    Outcome("outcome") {
        Answered = "answered", Dropped = "dropped", NoAnswer = "no-answer", Transferred = "transferred",
        Fixed = "fixed", Failed = "failed", NoShow = "no-show",
        Deadlock = "deadlock",
    }
);

word_enum!(
    /// Whether a promise was kept.
    PromiseState("promise state") { Pending = "pending", Kept = "kept", Broken = "broken" }
);

word_enum!(
    /// How a message arrived or a complaint was made.
    Channel("channel") {
        Sms = "sms", Email = "email", Letter = "letter", Chat = "chat", App = "app",
        Web = "web", Phone = "phone",
    }
);

word_enum!(
    /// Who the customer of a case is (the rules differ for consumers and businesses).
    Customer("customer kind") {
        Consumer = "consumer", SmallBusiness = "small-business", Business = "business",
    }
);

impl Channel {
    /// Whether a complaint made this way counts as a written complaint (it starts the clocks
    /// that need one): a letter, an e-mail or the company's web form. A chat, an SMS or an app
    /// message is kept as evidence but, to be safe, starts no written-complaint clock.
    pub fn written(self) -> bool {
        matches!(self, Channel::Letter | Channel::Email | Channel::Web)
    }
}

impl Status {
    /// The status of a new case.
    pub fn open() -> Status {
        Status::Open
    }
}

impl Outcome {
    /// Whether this outcome can end an event of `kind`.
    pub fn fits(self, kind: Kind) -> bool {
        match kind {
            Kind::Call => matches!(
                self,
                Outcome::Answered | Outcome::Dropped | Outcome::NoAnswer | Outcome::Transferred
            ),
            Kind::Visit => matches!(self, Outcome::Fixed | Outcome::Failed | Outcome::NoShow),
            Kind::Complaint => self == Outcome::Deadlock,
            _ => false,
        }
    }

    /// The outcomes that fit `kind`.
    pub fn for_kind(kind: Kind) -> Vec<Outcome> {
        Outcome::ALL
            .iter()
            .copied()
            .filter(|o| o.fits(kind))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_unknown_words_name_the_choices() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>(), Ok(*o));
        }
        assert_eq!("No_Show".parse::<Outcome>(), Ok(Outcome::NoShow));
        let err = "maybe".parse::<PromiseState>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown promise state 'maybe' (expected one of: pending, kept, broken)"
        );
    }

    #[test]
    fn outcomes_fit_only_their_kind() {
        assert!(Outcome::Transferred.fits(Kind::Call));
        assert!(!Outcome::Transferred.fits(Kind::Visit));
        assert_eq!(Outcome::for_kind(Kind::Visit).len(), 3);
        assert!(Outcome::for_kind(Kind::Note).is_empty());
    }
}
