//! The rule-pack schema: what a RON file in `assets/rules/` or the config dir's `rules/` says.
//!
//! A pack is one country's rules. Every rule has dated versions; the version in force on the
//! (local) date of the event a rule counts from applies. Every version has a status, a legal
//! basis and at least one source. Money is integer minor units; rates are fixed money, a
//! fraction or basis points of the monthly fee, or the greatest of several. Nothing here reads
//! free text: rules count from named anchors, which the engine finds among the journal's events.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::{Country, Currency, Customer};

/// The schema version this build reads.
pub const PACK_SCHEMA: u32 = 1;

macro_rules! words {
    ($(#[$meta:meta])* $name:ident ($what:literal) { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word in packs and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                $name::ALL.iter().copied().find(|v| v.as_str() == word).ok_or_else(|| {
                    serde::de::Error::custom($crate::t!(
                        "pack-unknown-word",
                        what = $what,
                        value = word.as_str(),
                        expected = $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

words!(
    /// How sure the sources make a rule (shown to the user; anything but verified gets a badge).
    Certainty("status") {
        /// Stated by the regulator, the dispute body, the statute or the operator's own page.
        Verified = "verified",
        /// A consumer organisation, the press, a third-party explainer.
        Secondary = "secondary",
        /// Not found, or only in unreliable sources: a placeholder.
        Unverified = "unverified",
        /// Sources contradict each other: the version carries the other readings.
        Disputed = "disputed",
    }
);

words!(
    /// The journal events a rule counts from (see the engine for how each is found).
    Anchor("anchor") {
        /// The first complaint made by letter, e-mail or web form.
        WrittenComplaint = "written-complaint",
        /// The first complaint, whatever its channel.
        Complaint = "complaint",
        /// The organisation's first message after the first complaint.
        Reply = "reply",
        /// A complaint with outcome deadlock, or a message whose subject has a deadlock word.
        Deadlock = "deadlock",
        /// Each outage (the service stopped; taken as reported when it is logged).
        Outage = "outage",
        /// Each restoration that ends an outage.
        Restored = "restored",
        /// Each visit with outcome no-show (from its window's start when it has one).
        NoShow = "no-show",
    }
);

words!(
    /// What a clock's due means.
    Meaning("meaning") {
        /// You may escalate from this moment.
        Earliest = "earliest",
        /// The last moment to file.
        Latest = "latest",
        /// The company must answer (or repair) by this moment.
        ReplyDue = "reply-due",
        /// The last moment to claim.
        ClaimBy = "claim-by",
    }
);

words!(
    /// Whether compensation is paid without asking.
    Claim("claim mode") { Automatic = "automatic", OnRequest = "on-request" }
);

words!(
    /// A unit of counting.
    Unit("unit") {
        Hours = "hours",
        CalendarDays = "calendar-days",
        /// Days that are not a weekend day or a public holiday of the pack's calendar.
        WorkingDays = "working-days",
        Weeks = "weeks",
        Months = "months",
        Years = "years",
    }
);

words!(
    /// Where in its last day a count of days ends.
    DayPoint("day point") {
        /// The first moment of the day (for "from": you may escalate from that day).
        StartOfDay = "start-of-day",
        /// The last second of the day (for deadlines: "by 11.59pm").
        EndOfDay = "end-of-day",
        /// The anchor's own time of day.
        SameTime = "same-time",
    }
);

words!(
    /// A weekday, for weekends and "the first Monday of May".
    Day("weekday") {
        Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun",
    }
);

words!(
    /// How a holiday moves when it falls on a weekend.
    Shift("shift") {
        /// It does not move.
        None = "none",
        /// To the next weekday that is not already a holiday (UK substitute days).
        Substitute = "substitute",
        /// A Sunday one moves to the Saturday before (NL King's Day).
        SundayToSaturday = "sunday-to-saturday",
    }
);

/// A rule pack file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub schema: u32,
    pub country: Country,
    pub currency: Currency,
    /// The country's calendar (a user file may leave it out: the built-in one applies).
    #[serde(default)]
    pub calendar: Option<Calendar>,
    /// Words that mark a message from the organisation as a deadlock or ADR letter, when its
    /// subject contains one (case-insensitive).
    #[serde(default)]
    pub deadlock_words: Vec<String>,
    pub rules: Vec<Rule>,
}

/// Local time and working days.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The offset of standard time from UTC, in hours.
    pub utc_offset_hours: i32,
    /// Whether clocks go forward an hour from the last Sunday of March to the last Sunday of
    /// October (01:00 UTC both), as across the EU and the UK.
    pub summer_time: bool,
    #[serde(default = "weekend")]
    pub weekend: Vec<Day>,
    pub holidays: Vec<Holiday>,
    /// Where the holidays come from.
    pub sources: Vec<Source>,
    pub status: Certainty,
}

fn weekend() -> Vec<Day> {
    vec![Day::Sat, Day::Sun]
}

/// A public holiday rule: computed for any year, never listed per year.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Holiday {
    /// The same date every year.
    Fixed {
        name: String,
        month: u32,
        day: u32,
        #[serde(default = "no_shift")]
        shift: Shift,
        #[serde(default)]
        from_year: Option<i32>,
        #[serde(default)]
        until_year: Option<i32>,
    },
    /// Days after (or, negative, before) Easter Sunday.
    Easter {
        name: String,
        offset: i64,
        #[serde(default)]
        from_year: Option<i32>,
    },
    /// The `n`th `weekday` of `month` (`n` = -1: the last).
    Nth {
        name: String,
        month: u32,
        weekday: Day,
        n: i32,
        /// Years the day was moved by decree (then a `Dated` entry names the day it was on).
        #[serde(default)]
        skip_years: Vec<i32>,
    },
    /// One day by decree.
    Dated { name: String, date: NaiveDate },
}

fn no_shift() -> Shift {
    Shift::None
}

/// One rule: an id, its titles and its dated versions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Titles by language (`en` at least; `nl`, `fr`).
    pub title: BTreeMap<String, String>,
    /// An operator's own rule: the organisations it applies to (a case's organisation matches
    /// when either contains the other, ignoring case). Empty: every organisation.
    #[serde(default)]
    pub providers: Vec<String>,
    /// The customer kinds it applies to. Empty: every kind.
    #[serde(default)]
    pub customers: Vec<Customer>,
    pub versions: Vec<Version>,
}

/// A rule as it was in force between two dates.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// The first day it is in force (inclusive).
    pub valid_from: NaiveDate,
    /// The first day it is no longer in force (exclusive); none: still in force.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    pub status: Certainty,
    /// The legal basis (an article, a scheme, an operator's terms), as a person reads it.
    pub basis: Words,
    pub sources: Vec<Source>,
    pub anchor: Anchor,
    pub effect: Effect,
    /// What it cannot know from the events, asked rather than guessed.
    #[serde(default)]
    pub questions: Vec<BTreeMap<String, String>>,
}

/// Where a fact comes from.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub title: String,
    /// When the page was read.
    pub read: NaiveDate,
}

/// What a version does: run a clock, or estimate compensation.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Effect {
    Clock {
        meaning: Meaning,
        after: Count,
        /// Anchors that end the clock (a reply ends a reply-due; a restoration a repair due).
        #[serde(default)]
        done_by: Vec<Anchor>,
    },
    Compensation {
        claim: Claim,
        units: Units,
        amount: Amount,
        /// The least paid for one occurrence that qualifies.
        #[serde(default)]
        floor: Option<Money>,
        /// The most paid for one occurrence.
        #[serde(default)]
        cap: Option<Money>,
        /// At most this many units for one occurrence.
        #[serde(default)]
        max_units: Option<u32>,
        /// "Or, if that is more, this rate per unit" (BE: at least 1/30 of the fee a day).
        #[serde(default)]
        or_per_unit: Option<Rate>,
        /// The other readings of a disputed rule: the estimate is a range over all of them.
        #[serde(default)]
        interpretations: Vec<Interpretation>,
    },
}

/// A span of time from an anchor.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub n: u32,
    pub unit: Unit,
    /// Where in the last day it ends (days, weeks, months, years) [default: end-of-day].
    #[serde(default = "end_of_day")]
    pub at: DayPoint,
    /// Whether the anchor's own day is the first day counted [default: false, it is day 0].
    #[serde(default)]
    pub first_day_counts: bool,
}

fn end_of_day() -> DayPoint {
    DayPoint::EndOfDay
}

/// What one occurrence (an outage, a no-show) counts in units, to which the amount applies.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Units {
    /// An outage of more than `threshold_hours`: one unit per 24 hours or part of it (at
    /// least one).
    DaysOrPart { threshold_hours: u32 },
    /// Each calendar day after the day a count from the outage ends (the repair deadline),
    /// up to the day it was restored (that day counted only when `count_fix_day`), or up to
    /// today while it is still out.
    DaysAfter {
        deadline: Count,
        count_fix_day: bool,
    },
    /// Each complete local calendar day of outage, numbered from the day after the outage's
    /// day; the first `grace_days` count nothing.
    CompleteDays { grace_days: u32 },
    /// One unit per occurrence (a missed appointment).
    Each,
}

/// What the units are worth.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Amount {
    /// Every unit the same rate.
    PerUnit(Rate),
    /// Units numbered from 1 (`CompleteDays` numbers them by day); each in the tier it falls in.
    Tiered(Vec<Tier>),
    /// The total for 1, 2, … units, then `then_each` more for every further unit.
    Cumulative {
        steps: Vec<i64>,
        then_each: i64,
        currency: Currency,
    },
}

/// Units `from` to `to` (inclusive; none: on and on) at `rate`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub from: u32,
    #[serde(default)]
    pub to: Option<u32>,
    pub rate: Rate,
}

/// A rate for one unit.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Rate {
    Fixed(Money),
    /// `num`/`den` of the monthly fee.
    FeeFraction(u32, u32),
    /// Basis points of the monthly fee (1000 = 10%).
    FeeBasisPoints(u32),
    /// The greatest of several.
    Greatest(Vec<Rate>),
}

/// Money in minor units.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// Another reading of a disputed rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interpretation {
    /// Who reads it so.
    pub reading: String,
    pub amount: Amount,
    pub sources: Vec<Source>,
}

impl Rate {
    /// Whether the rate needs the monthly fee.
    pub fn needs_fee(&self) -> bool {
        match self {
            Rate::Fixed(_) => false,
            Rate::FeeFraction(..) | Rate::FeeBasisPoints(_) => true,
            Rate::Greatest(all) => all.iter().any(Rate::needs_fee),
        }
    }
}

impl Amount {
    /// Whether the amount needs the monthly fee.
    pub fn needs_fee(&self) -> bool {
        match self {
            Amount::PerUnit(r) => r.needs_fee(),
            Amount::Tiered(tiers) => tiers.iter().any(|t| t.rate.needs_fee()),
            Amount::Cumulative { .. } => false,
        }
    }
}

/// Words a person reads in a pack: one text for every language (an article number, a quote),
/// or a text per language code (`{"en": "...", "nl": "..."}`), read in the reader's language,
/// else in English, else in any.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Words {
    Each(BTreeMap<String, String>),
    One(String),
}

impl Words {
    /// The text in `lang`, else English, else any (empty for an empty map).
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Words::One(text) => text,
            Words::Each(texts) => texts
                .get(lang)
                .or_else(|| texts.get("en"))
                .or_else(|| texts.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether there is a text an English reader gets (one for all, or an English one).
    pub fn has_english(&self) -> bool {
        match self {
            Words::One(_) => true,
            Words::Each(texts) => texts.contains_key("en"),
        }
    }
}

impl Rule {
    /// The title in `lang`, else English, else any.
    pub fn title(&self, lang: &str) -> &str {
        self.title
            .get(lang)
            .or_else(|| self.title.get("en"))
            .or_else(|| self.title.values().next())
            .map_or(self.id.as_str(), String::as_str)
    }

    /// The version in force on `day`.
    pub fn version_on(&self, day: NaiveDate) -> Option<&Version> {
        self.versions
            .iter()
            .find(|v| v.valid_from <= day && v.valid_until.is_none_or(|u| day < u))
    }
}
