//! Compensation arithmetic: how many units an occurrence gives (24-hour periods or part,
//! complete days, days after a deadline, no-shows) and what they come to at a rule's rates, in
//! whole minor units (a rounded fraction of the fee, tiers, floors and caps).

use chrono::{DateTime, Duration, Utc};

use super::engine::{NotApplied, Occurrence, Part, RateFact, Reason, Report, Term, due};
use super::schema::{Amount, Effect, Rate, Rule, Units, Version};

/// The units of one occurrence, numbered (`CompleteDays` by day; others 1, 2, …).
pub(super) fn units_of(
    cal: &super::schema::Calendar,
    units: &Units,
    o: Occurrence,
    now: DateTime<Utc>,
) -> Vec<u32> {
    let end = o.end.map_or(now, |e| e.0).min(now);
    match units {
        Units::Each => vec![1],
        Units::DaysOrPart { threshold_hours } => {
            let secs = (end - o.at).num_seconds();
            if secs <= i64::from(*threshold_hours) * 3600 {
                return Vec::new();
            }
            let n = ((secs + 86_399) / 86_400).max(1) as u32;
            (1..=n).collect()
        }
        Units::DaysAfter {
            deadline,
            count_fix_day,
        } => {
            let deadline_day = cal.day_of(due(cal, o.at, deadline));
            let last = match o.end {
                Some((at, _)) if at <= now => {
                    let d = cal.day_of(at);
                    if *count_fix_day {
                        d
                    } else {
                        d - Duration::days(1)
                    }
                }
                _ => cal.day_of(now),
            };
            let n = (last - deadline_day).num_days().max(0) as u32;
            (1..=n).collect()
        }
        Units::CompleteDays { grace_days } => {
            let d0 = cal.day_of(o.at);
            let mut out = Vec::new();
            for k in 1..=366u32 {
                let day = d0 + Duration::days(i64::from(k));
                let next = cal.start_of(day + Duration::days(1));
                if next > end {
                    break;
                }
                if k > *grace_days {
                    out.push(k);
                }
            }
            out
        }
    }
}

/// Rounds `num / den` to the nearest integer, halves up (all inputs non-negative).
pub(super) fn div_round(num: i128, den: i128) -> i64 {
    if den == 0 {
        return 0;
    }
    ((num * 2 + den) / (den * 2)) as i64
}

/// `n` units at `rate` on `fee`, and which rate it was (the greatest, of several).
pub(super) fn rate_total(rate: &Rate, n: u32, fee: i64) -> (i64, RateFact) {
    let n128 = i128::from(n);
    match rate {
        Rate::Fixed(m) => (i64::from(n) * m.minor, RateFact::Fixed(m.minor)),
        Rate::FeeFraction(a, b) => (
            div_round(n128 * i128::from(*a) * i128::from(fee), i128::from(*b)),
            RateFact::Fraction(*a, *b),
        ),
        Rate::FeeBasisPoints(bp) => (
            div_round(n128 * i128::from(*bp) * i128::from(fee), 10_000),
            RateFact::BasisPoints(*bp),
        ),
        Rate::Greatest(all) => all
            .iter()
            .map(|r| rate_total(r, n, fee))
            .max_by_key(|(m, _)| *m)
            .unwrap_or((0, RateFact::Fixed(0))),
    }
}

pub(super) fn amount_terms(amount: &Amount, units: &[u32], fee: i64) -> Vec<Term> {
    let n = units.len() as u32;
    match amount {
        Amount::PerUnit(rate) => {
            let (minor, fact) = rate_total(rate, n, fee);
            vec![Term {
                units: n,
                rate: fact,
                minor,
            }]
        }
        Amount::Tiered(tiers) => {
            let mut out = Vec::new();
            for tier in tiers {
                let count = units
                    .iter()
                    .filter(|k| **k >= tier.from && tier.to.is_none_or(|t| **k <= t))
                    .count() as u32;
                if count > 0 {
                    let (minor, fact) = rate_total(&tier.rate, count, fee);
                    out.push(Term {
                        units: count,
                        rate: fact,
                        minor,
                    });
                }
            }
            out
        }
        Amount::Cumulative {
            steps, then_each, ..
        } => {
            let minor = match n as usize {
                0 => 0,
                k if k <= steps.len() => steps[k - 1],
                k => steps.last().copied().unwrap_or(0) + (k - steps.len()) as i64 * then_each,
            };
            vec![Term {
                units: n,
                rate: RateFact::Cumulative {
                    steps: steps.clone(),
                    then_each: *then_each,
                },
                minor,
            }]
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn compensate(
    cal: &super::schema::Calendar,
    version: &Version,
    o: Occurrence,
    now: DateTime<Utc>,
    fee: Option<i64>,
    rule: &Rule,
    report: &mut Report,
    need_fee: &mut Vec<String>,
) -> Option<(Part, Vec<(String, i64)>)> {
    let Effect::Compensation {
        units,
        amount,
        floor,
        cap,
        max_units,
        or_per_unit,
        interpretations,
        ..
    } = &version.effect
    else {
        return None;
    };
    let needs = amount.needs_fee() || interpretations.iter().any(|i| i.amount.needs_fee());
    if needs && fee.is_none() {
        if !need_fee.contains(&rule.id) {
            need_fee.push(rule.id.clone());
        }
        return None;
    }
    if fee.is_none()
        && or_per_unit.as_ref().is_some_and(Rate::needs_fee)
        && !need_fee.contains(&rule.id)
    {
        need_fee.push(rule.id.clone());
    }
    let mut numbered = units_of(cal, units, o, now);
    if let Some(max) = max_units {
        numbered.truncate(*max as usize);
    }
    if numbered.is_empty() {
        report.not_applied.push(NotApplied {
            rule: rule.id.clone(),
            event: o.event,
            day: cal.day_of(o.at),
            reason: Reason::NothingYet,
        });
        return None;
    }
    let fee_minor = fee.unwrap_or(0);
    let n = numbered.len() as u32;
    let total = |terms: &mut Vec<Term>| -> (i64, Option<i64>, Option<i64>) {
        let mut minor: i64 = terms.iter().map(|t| t.minor).sum();
        if let (Some(rate), Some(fee)) = (or_per_unit, fee) {
            let (alt, fact) = rate_total(rate, n, fee);
            if alt > minor {
                minor = alt;
                *terms = vec![Term {
                    units: n,
                    rate: fact,
                    minor: alt,
                }];
            }
        }
        let mut floor_applied = None;
        let mut cap_applied = None;
        if let Some(f) = floor
            && minor < f.minor
        {
            minor = f.minor;
            floor_applied = Some(f.minor);
        }
        if let Some(c) = cap
            && minor > c.minor
        {
            minor = c.minor;
            cap_applied = Some(c.minor);
        }
        (minor, floor_applied, cap_applied)
    };
    let mut terms = amount_terms(amount, &numbered, fee_minor);
    let (minor, floor_applied, cap_applied) = total(&mut terms);
    let readings = interpretations
        .iter()
        .map(|i| {
            let mut t = amount_terms(&i.amount, &numbered, fee_minor);
            (i.reading.clone(), total(&mut t).0)
        })
        .collect();
    let mut events = vec![o.event];
    events.extend(o.end.filter(|e| e.0 <= now).map(|e| e.1));
    let out_seconds = matches!(
        units,
        Units::DaysOrPart { .. } | Units::DaysAfter { .. } | Units::CompleteDays { .. }
    )
    .then(|| (o.end.map_or(now, |e| e.0).min(now) - o.at).num_seconds());
    Some((
        Part {
            events,
            out_seconds,
            units: n,
            terms,
            minor,
            floor_applied,
            cap_applied,
        },
        readings,
    ))
}
