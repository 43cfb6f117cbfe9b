//! The engine: for a case at `now`, the clocks its events start and the compensation they
//! give, by the rules of its country's pack. Pure: facts in (the case, the packs, `now`), facts
//! out (dates, amounts, rule ids, event positions); the words are the caller's.
//!
//! What the rules count from (their anchors) is found among the events:
//! - `complaint`: the first `complaint` event; `written-complaint`: the first whose channel is
//!   a letter, an e-mail or a web form;
//! - `reply`: a `message` from the organisation (its `from` empty, or naming the organisation)
//!   at or after the first complaint;
//! - `deadlock`: a `complaint` with outcome `deadlock`, or a message from the organisation
//!   whose subject contains one of the pack's deadlock words;
//! - `outage` / `restored`: each outage and the restoration that ends it (an outage is taken
//!   as reported when it starts);
//! - `no-show`: each `visit` with outcome `no-show`, at its window's start when it has one.
//!
//! The version of a rule in force on the local date of the event it counts from applies.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::compensation::compensate;
use super::load::{Loaded, Packs};
use super::schema::{
    Anchor, Certainty, Claim, Count, DayPoint, Effect, Meaning, Rate, Rule, Unit, Version, Words,
};
use crate::domain::{Case, Country, Currency, Customer, Kind, Outcome, Status};

/// Where a clock stands at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Its due is still to come.
    Running,
    /// Its due has passed and nothing ended it.
    Passed,
    /// An event ended it (a reply, a restoration), or the case is no longer open.
    Done,
}

impl State {
    /// The word in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Passed => "passed",
            State::Done => "done",
        }
    }
}

/// A clock a rule runs for the case.
#[derive(Clone, Debug, PartialEq)]
pub struct ClockOut {
    pub rule: String,
    pub titles: BTreeMap<String, String>,
    pub meaning: Meaning,
    pub from: DateTime<Utc>,
    pub due: DateTime<Utc>,
    /// The due as the wall clock of the case's country shows it: a clock that runs out at the
    /// end of a Dutch day says that day, whatever zone the reader's machine is in.
    pub due_local: chrono::NaiveDateTime,
    /// When it counts from, by the same wall clock.
    pub from_local: chrono::NaiveDateTime,
    pub state: State,
    pub status: Certainty,
    pub basis: Words,
    pub source: String,
    /// Positions (0-based) in the case's events of what it counts from and what ended it.
    pub events: Vec<usize>,
}

/// How one rate was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateFact {
    Fixed(i64),
    /// `num`/`den` of the fee, per unit.
    Fraction(u32, u32),
    BasisPoints(u32),
    /// A table of totals by units.
    Cumulative {
        steps: Vec<i64>,
        then_each: i64,
    },
}

/// `units` units at `rate`, making `minor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub units: u32,
    pub rate: RateFact,
    pub minor: i64,
}

/// What one occurrence (an outage, a no-show) gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The event it counts from, and the one that ended it (a restoration).
    pub events: Vec<usize>,
    /// How long the service was out (outages).
    pub out_seconds: Option<i64>,
    pub units: u32,
    pub terms: Vec<Term>,
    pub minor: i64,
    pub floor_applied: Option<i64>,
    pub cap_applied: Option<i64>,
}

/// A compensation estimate of one rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub rule: String,
    pub titles: BTreeMap<String, String>,
    pub amount_minor: i64,
    pub low_minor: i64,
    pub high_minor: i64,
    pub currency: Currency,
    pub claim: Claim,
    pub status: Certainty,
    pub legal_basis: Words,
    pub source: String,
    /// The fee it was computed from, when it needed one.
    pub fee_minor: Option<i64>,
    pub parts: Vec<Part>,
    /// The other readings' totals (a disputed rule), with who reads it so.
    pub readings: Vec<(String, i64)>,
}

/// What the case lacks for the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    Country,
    /// No pack for the case's country.
    Pack(Country),
    /// The monthly fee, for these rules.
    Fee(Vec<String>),
    /// The customer kind, for these rules (which apply only to some kinds).
    Customer(Vec<String>),
}

/// Why a rule gave nothing for an occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The event is before the rule's first version came into force.
    BeforeInForce { first: NaiveDate },
    /// No version is in force on the event's date (after the last one ended).
    NoVersion,
    /// The outage was too short, or the deadline has not passed.
    NothingYet,
}

/// A rule that did not apply to an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotApplied {
    pub rule: String,
    pub event: usize,
    pub day: NaiveDate,
    pub reason: Reason,
}

/// A question a rule asks because the events cannot answer it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub rule: String,
    pub text: BTreeMap<String, String>,
}

/// Everything the rules say of a case at a moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub country: Option<Country>,
    pub currency: Option<Currency>,
    pub as_of: DateTime<Utc>,
    pub missing: Vec<Missing>,
    pub clocks: Vec<ClockOut>,
    pub compensation: Vec<Estimate>,
    pub not_applied: Vec<NotApplied>,
    pub questions: Vec<Asked>,
    /// The sum of the estimates' lows (what is owed at least).
    pub total_minor: i64,
    pub total_high_minor: i64,
}

/// One thing a rule can count from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Occurrence {
    pub(super) at: DateTime<Utc>,
    pub(super) event: usize,
    /// When it ended (an outage's restoration) and by which event.
    pub(super) end: Option<(DateTime<Utc>, usize)>,
}

/// The anchors found among a case's events.
struct Anchors {
    complaint: Option<Occurrence>,
    written: Option<Occurrence>,
    replies: Vec<Occurrence>,
    deadlock: Option<Occurrence>,
    outages: Vec<Occurrence>,
    restored: Vec<Occurrence>,
    no_shows: Vec<Occurrence>,
}

fn occ(at: DateTime<Utc>, event: usize) -> Occurrence {
    Occurrence {
        at,
        event,
        end: None,
    }
}

fn from_organisation(from: &str, org: &str) -> bool {
    let (f, o) = (from.trim().to_lowercase(), org.trim().to_lowercase());
    f.is_empty() || (!o.is_empty() && (f.contains(&o) || o.contains(&f)))
}

impl Anchors {
    fn find(case: &Case, now: DateTime<Utc>, deadlock_words: &[String]) -> Anchors {
        let mut a = Anchors {
            complaint: None,
            written: None,
            replies: Vec::new(),
            deadlock: None,
            outages: Vec::new(),
            restored: Vec::new(),
            no_shows: Vec::new(),
        };
        let mut out: Option<usize> = None;
        for (i, e) in case.events.iter().enumerate() {
            if e.at > now {
                continue;
            }
            match e.kind {
                Kind::Complaint => {
                    a.complaint.get_or_insert(occ(e.at, i));
                    if e.channel.is_some_and(crate::domain::Channel::written) {
                        a.written.get_or_insert(occ(e.at, i));
                    }
                    if e.outcome == Some(Outcome::Deadlock) {
                        a.deadlock.get_or_insert(occ(e.at, i));
                    }
                }
                Kind::Message if from_organisation(&e.from, &case.organisation) => {
                    if a.complaint.is_some() {
                        a.replies.push(occ(e.at, i));
                    }
                    let subject = e.subject.to_lowercase();
                    if deadlock_words
                        .iter()
                        .any(|w| !w.is_empty() && subject.contains(&w.to_lowercase()))
                    {
                        a.deadlock.get_or_insert(occ(e.at, i));
                    }
                }
                Kind::Outage if out.is_none() => {
                    out = Some(a.outages.len());
                    a.outages.push(occ(e.at, i));
                }
                Kind::Restored => {
                    if let Some(k) = out.take() {
                        a.outages[k].end = Some((e.at, i));
                        a.restored.push(occ(e.at, i));
                    }
                }
                Kind::Visit if e.outcome == Some(Outcome::NoShow) => {
                    a.no_shows.push(occ(e.window_start.unwrap_or(e.at), i));
                }
                _ => {}
            }
        }
        a
    }

    fn of(&self, anchor: Anchor) -> Vec<Occurrence> {
        match anchor {
            Anchor::Complaint => self.complaint.into_iter().collect(),
            Anchor::WrittenComplaint => self.written.into_iter().collect(),
            Anchor::Reply => self.replies.first().copied().into_iter().collect(),
            Anchor::Deadlock => self.deadlock.into_iter().collect(),
            Anchor::Outage => self.outages.clone(),
            Anchor::Restored => self.restored.clone(),
            Anchor::NoShow => self.no_shows.clone(),
        }
    }

    /// Every event of `anchor`'s kind (all replies, not only the first).
    fn all(&self, anchor: Anchor) -> Vec<Occurrence> {
        match anchor {
            Anchor::Reply => self.replies.clone(),
            other => self.of(other),
        }
    }
}

/// When a count from `from` ends, by the pack's calendar.
pub fn due(cal: &super::schema::Calendar, from: DateTime<Utc>, count: &Count) -> DateTime<Utc> {
    if count.unit == Unit::Hours {
        return from + Duration::hours(i64::from(count.n));
    }
    let d0 = cal.day_of(from);
    let less = u32::from(count.first_day_counts && count.n > 0);
    let n = count.n - less;
    let day = match count.unit {
        Unit::Hours | Unit::CalendarDays => d0 + Duration::days(i64::from(n)),
        Unit::Weeks => d0 + Duration::days(7 * i64::from(n)),
        Unit::Months => months_after(d0, count.n, less),
        Unit::Years => months_after(d0, 12 * count.n, less),
        Unit::WorkingDays => {
            if count.first_day_counts && cal.working_day(d0) {
                cal.working_days_after(d0, count.n.saturating_sub(1))
            } else {
                cal.working_days_after(d0, count.n)
            }
        }
    };
    match count.at {
        DayPoint::StartOfDay => cal.start_of(day),
        DayPoint::EndOfDay => cal.end_of(day),
        DayPoint::SameTime => cal.instant(day, cal.local(from).time()),
    }
}

fn months_after(d: NaiveDate, months: u32, less_days: u32) -> NaiveDate {
    let m = d
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(d);
    m - Duration::days(i64::from(less_days))
}

/// The rules of `packs` applied to `case` at `now`.
pub fn evaluate(case: &Case, packs: &Packs, now: DateTime<Utc>) -> Report {
    let mut report = Report {
        country: case.country,
        currency: case
            .currency
            .or_else(|| case.country.and_then(Country::currency)),
        as_of: now,
        missing: Vec::new(),
        clocks: Vec::new(),
        compensation: Vec::new(),
        not_applied: Vec::new(),
        questions: Vec::new(),
        total_minor: 0,
        total_high_minor: 0,
    };
    let Some(country) = case.country else {
        report.missing.push(Missing::Country);
        return report;
    };
    let Some(pack) = packs.for_country(country) else {
        report.missing.push(Missing::Pack(country));
        return report;
    };
    report.currency = Some(pack.currency);
    let anchors = Anchors::find(case, now, &pack.deadlock_words);
    let mut need_fee = Vec::new();
    let mut need_customer = Vec::new();
    for (rule, _) in &pack.rules {
        if !rule.providers.is_empty()
            && !rule
                .providers
                .iter()
                .any(|p| from_organisation(p, &case.organisation) && !p.trim().is_empty())
        {
            continue;
        }
        if !rule.customers.is_empty() {
            match case.customer {
                None => {
                    need_customer.push(rule.id.clone());
                    continue;
                }
                Some(k) if !rule.customers.contains(&k) => continue,
                Some(_) => {}
            }
        }
        apply_rule(case, pack, rule, &anchors, now, &mut report, &mut need_fee);
    }
    if !need_fee.is_empty() {
        report.missing.push(Missing::Fee(need_fee));
    }
    if !need_customer.is_empty() {
        report.missing.push(Missing::Customer(need_customer));
    }
    report.clocks.sort_by_key(|c| c.due);
    report.total_minor = report.compensation.iter().map(|e| e.low_minor).sum();
    report.total_high_minor = report.compensation.iter().map(|e| e.high_minor).sum();
    report
}

/// Applies one rule: each occurrence of what its versions count from, by the version in force
/// on the occurrence's local date.
#[allow(clippy::too_many_lines)] // one rule's steps in order; splitting them hides the order
fn apply_rule(
    case: &Case,
    pack: &Loaded,
    rule: &Rule,
    anchors: &Anchors,
    now: DateTime<Utc>,
    report: &mut Report,
    need_fee: &mut Vec<String>,
) {
    let cal = &pack.calendar;
    // All versions count from the same anchor in practice; each occurrence picks its own.
    let mut anchor_kinds: Vec<Anchor> = rule.versions.iter().map(|v| v.anchor).collect();
    anchor_kinds.sort();
    anchor_kinds.dedup();
    let mut estimate: Option<Estimate> = None;
    let mut asked = false;
    for kind in anchor_kinds {
        for o in anchors.of(kind) {
            let day = cal.day_of(o.at);
            let Some(version) = rule.version_on(day).filter(|v| v.anchor == kind) else {
                let first = rule.versions.iter().map(|v| v.valid_from).min();
                report.not_applied.push(NotApplied {
                    rule: rule.id.clone(),
                    event: o.event,
                    day,
                    reason: match first {
                        Some(first) if day < first => Reason::BeforeInForce { first },
                        _ => Reason::NoVersion,
                    },
                });
                continue;
            };
            if !asked {
                asked = true;
                report
                    .questions
                    .extend(version.questions.iter().map(|q| Asked {
                        rule: rule.id.clone(),
                        text: q.clone(),
                    }));
            }
            match &version.effect {
                Effect::Clock {
                    meaning,
                    after,
                    done_by,
                } => {
                    let at = due(cal, o.at, after);
                    let ended = done_by
                        .iter()
                        .flat_map(|a| anchors.all(*a))
                        .filter(|e| e.at >= o.at && e.at <= now)
                        .min_by_key(|e| e.at);
                    let state = if case.status != Status::Open || ended.is_some() {
                        State::Done
                    } else if now >= at {
                        State::Passed
                    } else {
                        State::Running
                    };
                    let mut events = vec![o.event];
                    events.extend(ended.map(|e| e.event));
                    report.clocks.push(ClockOut {
                        rule: rule.id.clone(),
                        titles: rule.title.clone(),
                        meaning: *meaning,
                        from: o.at,
                        due: at,
                        due_local: cal.local(at),
                        from_local: cal.local(o.at),
                        state,
                        status: version.status,
                        basis: version.basis.clone(),
                        source: source(version),
                        events,
                    });
                }
                Effect::Compensation { .. } => {
                    let fee = case.monthly_fee_minor;
                    let Some(part) = compensate(cal, version, o, now, fee, rule, report, need_fee)
                    else {
                        continue;
                    };
                    let (part, readings) = part;
                    let est = estimate.get_or_insert_with(|| Estimate {
                        rule: rule.id.clone(),
                        titles: rule.title.clone(),
                        amount_minor: 0,
                        low_minor: 0,
                        high_minor: 0,
                        currency: pack.currency,
                        claim: match &version.effect {
                            Effect::Compensation { claim, .. } => *claim,
                            Effect::Clock { .. } => Claim::OnRequest,
                        },
                        status: version.status,
                        legal_basis: version.basis.clone(),
                        source: source(version),
                        fee_minor: None,
                        parts: Vec::new(),
                        readings: Vec::new(),
                    });
                    est.status = est.status.max(version.status);
                    if version.effect_needs_fee() {
                        est.fee_minor = fee;
                    }
                    let low = readings.iter().map(|r| r.1).chain([part.minor]).min();
                    let high = readings.iter().map(|r| r.1).chain([part.minor]).max();
                    est.amount_minor += part.minor;
                    est.low_minor += low.unwrap_or(part.minor);
                    est.high_minor += high.unwrap_or(part.minor);
                    for (reading, minor) in readings {
                        match est.readings.iter_mut().find(|r| r.0 == reading) {
                            Some(r) => r.1 += minor,
                            None => est.readings.push((reading, minor)),
                        }
                    }
                    est.parts.push(part);
                }
            }
        }
    }
    report.compensation.extend(estimate);
}

fn source(v: &Version) -> String {
    v.sources.first().map(|s| s.url.clone()).unwrap_or_default()
}

impl Version {
    fn effect_needs_fee(&self) -> bool {
        match &self.effect {
            Effect::Clock { .. } => false,
            Effect::Compensation {
                amount,
                or_per_unit,
                ..
            } => amount.needs_fee() || or_per_unit.as_ref().is_some_and(Rate::needs_fee),
        }
    }
}

/// Whether `customer` is one a rule restricted to `kinds` applies to (for callers listing
/// rules).
pub fn applies_to(kinds: &[Customer], customer: Customer) -> bool {
    kinds.is_empty() || kinds.contains(&customer)
}
