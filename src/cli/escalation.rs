//! `runaround rules` and `runaround clocks` (and, in `due.rs`, `runaround due`): the rule packs, and what they say of a case. The
//! engine gives facts (dates, amounts, rule ids); the words are chosen here.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{CliError, json_safe, load_resolved};
use crate::clock::Clock;
use crate::domain::text::clean;
use crate::domain::time::{local_minute, rfc3339};
use crate::domain::{Case, Country, Currency};
use crate::rules::engine::{self, Estimate, Missing, Part, RateFact, Reason, Report};
use crate::rules::load::Packs;
use crate::rules::schema::{Amount, Effect, Rule, Units, Version};
use crate::storage::Store;

/// Said once, plainly, wherever estimates are shown.
pub const NOT_ADVICE: &str =
    "Estimates from the rule packs, each with how sure its sources are; not legal advice.";

/// The directory of the user's rule packs: `rules/` beside the config file in use (the one
/// `--config` or `RUNAROUND_CONFIG` names, else the platform default).
pub fn rules_dir(config: Option<&Path>) -> Option<PathBuf> {
    let file = config
        .map(Path::to_path_buf)
        .or_else(crate::config::Config::default_path)?;
    Some(file.parent().unwrap_or(Path::new(".")).join("rules"))
}

pub(super) fn warn_errors(packs: &Packs) {
    for e in &packs.errors {
        eprintln!(
            "runaround: warning: a rule pack did not load: {}",
            clean(&e.to_string())
        );
    }
}

/// A rule's English title (else any), else its id.
pub fn title(rule_titles: &std::collections::BTreeMap<String, String>, id: &str) -> String {
    rule_titles
        .get("en")
        .or_else(|| rule_titles.values().next())
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// `runaround rules [--country C]`.
pub fn rules(
    country: Option<&str>,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let packs = Packs::with_user_dir(dir);
    let only = country
        .map(|c| Country::parse(c).map_err(|e| CliError::Usage(format!("--country: {e}"))))
        .transpose()?;
    if let Some(c) = only
        && packs.for_country(c).is_none()
    {
        return Err(CliError::Failed(format!("no rule pack for {c}")));
    }
    let mut text = format!("{NOT_ADVICE}\n");
    for pack in &packs.packs {
        if only.is_some_and(|c| c != pack.country) {
            continue;
        }
        text.push_str(&format!(
            "\n{} · fees in {} · calendar {} ({} holiday rules)\n",
            pack.country,
            pack.currency,
            pack.calendar.status,
            pack.calendar.holidays.len()
        ));
        for (rule, file) in &pack.rules {
            text.push_str(&rule_listing(rule, file));
        }
    }
    if !packs.errors.is_empty() {
        text.push_str("\nDid not load:\n");
        for e in &packs.errors {
            text.push_str(&format!("  {e}\n"));
        }
    }
    out.write_all(clean(&text).as_bytes())
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string())))?;
    match packs.errors.len() {
        0 => Ok(()),
        n => Err(CliError::Failed(format!(
            "{n} rule pack {} did not load (the others are in force)",
            if n == 1 { "file" } else { "files" }
        ))),
    }
}

fn rule_listing(rule: &Rule, file: &str) -> String {
    let mut s = format!("  {}  {}", rule.id, title(&rule.title, &rule.id));
    if !rule.providers.is_empty() {
        s.push_str(&format!(" (only {})", rule.providers.join(", ")));
    }
    if !rule.customers.is_empty() {
        let kinds: Vec<&str> = rule.customers.iter().map(|c| c.as_str()).collect();
        s.push_str(&format!(" (for {})", kinds.join(", ")));
    }
    if file.contains('/') {
        s.push_str(&format!(" [from {file}]"));
    }
    s.push('\n');
    for v in &rule.versions {
        let until = v
            .valid_until
            .map_or_else(|| "on".to_string(), |u| format!("until {u}"));
        s.push_str(&format!(
            "    {} {until}  {}  {}\n      {}\n",
            v.valid_from,
            v.status,
            effect_words(v),
            v.basis
        ));
        for src in &v.sources {
            s.push_str(&format!(
                "      source: {} <{}> (read {})\n",
                src.title, src.url, src.read
            ));
        }
    }
    s
}

fn effect_words(v: &Version) -> String {
    match &v.effect {
        Effect::Clock { meaning, after, .. } => format!(
            "clock: {meaning}, {} {} after the {}",
            after.n, after.unit, v.anchor
        ),
        Effect::Compensation {
            claim,
            units,
            amount,
            ..
        } => {
            let per = match units {
                Units::Each => "each".to_string(),
                Units::DaysOrPart { threshold_hours } => {
                    format!("per 24 hours or part, over {threshold_hours} hours")
                }
                Units::DaysAfter { deadline, .. } => {
                    format!("per day after {} {}", deadline.n, deadline.unit)
                }
                Units::CompleteDays { grace_days } => {
                    format!("per complete day after {grace_days} days")
                }
            };
            let kind = match amount {
                Amount::PerUnit(_) => "",
                Amount::Tiered(_) => ", tiered",
                Amount::Cumulative { .. } => ", by a table",
            };
            format!("compensation {claim}, {per} {}{kind}", v.anchor)
        }
    }
}

/// "6 days 21 hours", "5 hours 10 minutes".
pub fn duration_words(secs: i64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    let unit = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (d, h) {
        (0, 0) => unit(m, "minute", "minutes"),
        (0, _) if m > 0 => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
        (0, _) => unit(h, "hour", "hours"),
        (_, 0) => unit(d, "day", "days"),
        _ => format!("{} {}", unit(d, "day", "days"), unit(h, "hour", "hours")),
    }
}

/// The basis of one part: "7/30 of € 60,00: out 6 days 21 hours".
fn part_words(part: &Part, est: &Estimate, case: &Case) -> String {
    let cur = est.currency;
    let fee = est.fee_minor.map_or_else(
        || "the monthly fee".into(),
        |f| crate::i18n::fmt::money(f, cur),
    );
    let terms: Vec<String> = part
        .terms
        .iter()
        .map(|t| match &t.rate {
            RateFact::Fraction(a, b) => format!("{}/{b} of {fee}", t.units * a),
            RateFact::BasisPoints(bp) => {
                format!("{} × {}% of {fee}", t.units, f64::from(*bp) / 100.0)
            }
            RateFact::Fixed(m) => format!("{} × {}", t.units, crate::i18n::fmt::money(*m, cur)),
            RateFact::Cumulative { .. } => {
                format!(
                    "{} for {} by the table",
                    crate::i18n::fmt::money(t.minor, cur),
                    day_count(t.units)
                )
            }
        })
        .collect();
    let mut s = terms.join(" + ");
    if let Some(f) = part.floor_applied {
        s.push_str(&format!(
            ", raised to the minimum of {}",
            crate::i18n::fmt::money(f, cur)
        ));
    }
    if let Some(c) = part.cap_applied {
        s.push_str(&format!(", capped at {}", crate::i18n::fmt::money(c, cur)));
    }
    match part.out_seconds {
        Some(secs) => s.push_str(&format!(": out {}", duration_words(secs))),
        None => {
            if let Some(e) = part.events.first().and_then(|i| case.events.get(*i)) {
                s.push_str(&format!(
                    ": missed appointment of {}",
                    local_minute(e.window_start.unwrap_or(e.at))
                ));
            }
        }
    }
    s
}

fn day_count(n: u32) -> String {
    format!("{n} {}", if n == 1 { "day" } else { "days" })
}

fn basis_words(est: &Estimate, case: &Case) -> String {
    let mut s = est
        .parts
        .iter()
        .map(|p| part_words(p, est, case))
        .collect::<Vec<_>>()
        .join("; ");
    for (reading, minor) in &est.readings {
        s.push_str(&format!(
            "; another reading ({reading}): {}",
            crate::i18n::fmt::money(*minor, est.currency)
        ));
    }
    s
}

#[derive(serde::Serialize)]
struct EventRef {
    at: String,
    kind: &'static str,
}

fn events_json(case: &Case, events: &[usize]) -> Vec<EventRef> {
    events
        .iter()
        .filter_map(|i| case.events.get(*i))
        .map(|e| EventRef {
            at: rfc3339(e.at),
            kind: e.kind.as_str(),
        })
        .collect()
}

fn missing_word(m: &Missing) -> (&'static str, Vec<String>) {
    match m {
        Missing::Country => ("country", Vec::new()),
        Missing::Pack(_) => ("rule_pack", Vec::new()),
        Missing::Fee(rules) => ("monthly_fee", rules.clone()),
        Missing::Customer(rules) => ("customer", rules.clone()),
    }
}

#[derive(serde::Serialize)]
struct ClockDoc {
    rule: String,
    title: String,
    meaning: &'static str,
    from: String,
    due: String,
    state: &'static str,
    status: &'static str,
    source: String,
    events: Vec<EventRef>,
}

#[derive(serde::Serialize)]
struct EstimateDoc {
    rule: String,
    title: String,
    amount_minor: i64,
    low_minor: i64,
    high_minor: i64,
    currency: &'static str,
    claim: &'static str,
    status: &'static str,
    basis: String,
    source: String,
    events: Vec<EventRef>,
}

#[derive(serde::Serialize)]
struct MissingDoc {
    what: &'static str,
    rules: Vec<String>,
}

#[derive(serde::Serialize)]
struct QuestionDoc {
    rule: String,
    question: String,
}

#[derive(serde::Serialize)]
struct NotAppliedDoc {
    rule: String,
    reason: &'static str,
    events: Vec<EventRef>,
}

#[derive(serde::Serialize)]
struct ReportDoc {
    id: String,
    country: Option<String>,
    as_of: String,
    clocks: Vec<ClockDoc>,
    compensation: Vec<EstimateDoc>,
    total_minor: i64,
    total_high_minor: i64,
    currency: Option<&'static str>,
    missing: Vec<MissingDoc>,
    questions: Vec<QuestionDoc>,
    not_applied: Vec<NotAppliedDoc>,
}

/// The JSON of `clocks --json` (SPEC §7), with `missing`, `questions`, `not_applied`, each
/// figure's `events` and `total_high_minor` besides.
pub fn report_json(case: &Case, r: &Report) -> String {
    let doc = ReportDoc {
        id: case.id.clone(),
        country: r.country.map(|c| c.to_string()),
        as_of: rfc3339(r.as_of),
        clocks: r
            .clocks
            .iter()
            .map(|c| ClockDoc {
                rule: c.rule.clone(),
                title: title(&c.titles, &c.rule),
                meaning: c.meaning.as_str(),
                from: rfc3339(c.from),
                due: rfc3339(c.due),
                state: c.state.as_str(),
                status: c.status.as_str(),
                source: c.source.clone(),
                events: events_json(case, &c.events),
            })
            .collect(),
        compensation: r
            .compensation
            .iter()
            .map(|e| {
                let events: Vec<usize> = e.parts.iter().flat_map(|p| p.events.clone()).collect();
                EstimateDoc {
                    rule: e.rule.clone(),
                    title: title(&e.titles, &e.rule),
                    amount_minor: e.amount_minor,
                    low_minor: e.low_minor,
                    high_minor: e.high_minor,
                    currency: e.currency.code(),
                    claim: e.claim.as_str(),
                    status: e.status.as_str(),
                    basis: basis_words(e, case),
                    source: e.source.clone(),
                    events: events_json(case, &events),
                }
            })
            .collect(),
        total_minor: r.total_minor,
        total_high_minor: r.total_high_minor,
        currency: r.currency.map(Currency::code),
        missing: r
            .missing
            .iter()
            .map(|m| {
                let (what, rules) = missing_word(m);
                MissingDoc { what, rules }
            })
            .collect(),
        questions: r
            .questions
            .iter()
            .map(|q| QuestionDoc {
                rule: q.rule.clone(),
                question: title(&q.text, ""),
            })
            .collect(),
        not_applied: r
            .not_applied
            .iter()
            .map(|n| NotAppliedDoc {
                rule: n.rule.clone(),
                reason: match n.reason {
                    Reason::BeforeInForce { .. } => "before-in-force",
                    Reason::NoVersion => "no-version",
                    Reason::NothingYet => "nothing-yet",
                },
                events: events_json(case, &[n.event]),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The "Clocks" part of [`report_text`]: each clock by its country's wall clock, with what it
/// counts from and its source.
fn clocks_text(case: &Case, r: &Report) -> String {
    let mut s = String::new();
    if !r.clocks.is_empty() {
        s.push_str("\nClocks\n");
        for c in &r.clocks {
            let from = c
                .events
                .first()
                .and_then(|i| case.events.get(*i))
                .map_or_else(String::new, |e| {
                    format!(
                        "from the {} of {}",
                        e.kind,
                        c.from_local.format("%Y-%m-%d %H:%M")
                    )
                });
            s.push_str(&format!(
                "  {}  {:<9}  {:<7}  {}  [{}]\n      {from} · {}\n",
                c.due_local.format("%Y-%m-%d %H:%M"),
                c.meaning.as_str(),
                c.state.as_str(),
                title(&c.titles, &c.rule),
                c.status,
                c.source
            ));
        }
    }
    s
}

/// The text of `clocks`.
pub fn report_text(case: &Case, r: &Report) -> String {
    let mut s = format!(
        "{} · {} · as of {}\n{NOT_ADVICE}\n",
        case.title,
        r.country
            .map_or_else(|| "no country".to_string(), |c| c.to_string()),
        local_minute(r.as_of)
    );
    for m in &r.missing {
        s.push_str(&match m {
            Missing::Country => format!(
                "\nMissing: the case's country, so no rules apply (runaround set {} --country C)\n",
                case.id
            ),
            Missing::Pack(c) => format!("\nMissing: there is no rule pack for {c}\n"),
            Missing::Fee(rules) => format!(
                "\nMissing: the monthly fee, for {} (runaround set {} --fee AMOUNT)\n",
                rules.join(", "),
                case.id
            ),
            Missing::Customer(rules) => format!(
                "\nMissing: the customer kind, for {} (runaround set {} --customer consumer|small-business|business)\n",
                rules.join(", "),
                case.id
            ),
        });
    }
    s.push_str(&clocks_text(case, r));
    if !r.compensation.is_empty() {
        s.push_str("\nCompensation\n");
        for e in &r.compensation {
            let amount = if e.low_minor == e.high_minor {
                crate::i18n::fmt::money(e.amount_minor, e.currency)
            } else {
                format!(
                    "{} to {}",
                    crate::i18n::fmt::money(e.low_minor, e.currency),
                    crate::i18n::fmt::money(e.high_minor, e.currency)
                )
            };
            s.push_str(&format!(
                "  {amount}  {}  {}  [{}]\n      {} · {}\n",
                e.claim,
                title(&e.titles, &e.rule),
                e.status,
                basis_words(e, case),
                e.source
            ));
        }
        if let Some(cur) = r.currency {
            s.push_str(&format!(
                "  at least {} in all\n",
                crate::i18n::fmt::money(r.total_minor, cur)
            ));
        }
    }
    if !r.not_applied.is_empty() {
        s.push_str("\nNot applied\n");
        for n in &r.not_applied {
            let what = case.events.get(n.event).map_or_else(String::new, |e| {
                format!("the {} of {}", e.kind, local_minute(e.at))
            });
            s.push_str(&format!(
                "  {}: {what} {}\n",
                n.rule,
                match &n.reason {
                    Reason::BeforeInForce { first } =>
                        format!("is before the rule came into force ({first})"),
                    Reason::NoVersion => "falls in no version of the rule".into(),
                    Reason::NothingYet => "gives nothing (yet)".into(),
                }
            ));
        }
    }
    if !r.questions.is_empty() {
        s.push_str("\nQuestions the events cannot answer\n");
        for q in &r.questions {
            s.push_str(&format!("  {}: {}\n", q.rule, title(&q.text, "")));
        }
    }
    s
}

/// `runaround clocks CASE [--json]`.
pub fn clocks(
    store: &Store,
    clock: Clock,
    query: &str,
    as_json: bool,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let now: DateTime<Utc> = clock.now();
    let (mut case, _) = load_resolved(store, query)?;
    let packs = Packs::with_user_dir(dir);
    warn_errors(&packs);
    let report = engine::evaluate(&case, &packs, now);
    let text = if as_json {
        json_safe(&(report_json(&case, &report) + "\n"))
    } else {
        case.clean_text();
        clean(&report_text(&case, &report))
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string())))
}
