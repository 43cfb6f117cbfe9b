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
use crate::i18n::vocab;
use crate::rules::engine::{self, Estimate, Missing, Part, RateFact, Reason, Report};
use crate::rules::load::Packs;
use crate::rules::schema::{Amount, Effect, Rule, Unit, Units, Version};
use crate::storage::Store;
use crate::t;

/// Said once, plainly, wherever estimates are shown: they come from the rule packs, each with
/// how sure its sources are, and are not legal advice.
pub fn not_advice() -> &'static str {
    t!("rules-not-advice")
}

/// A rule pack's word as a person reads it (`verified`, `earliest`, `written-complaint`,
/// `running`); packs and JSON keep the word itself, and a word this build does not know is
/// shown as it is.
pub fn pack_word(word: &'static str) -> &'static str {
    match word {
        "verified" => t!("pack-verified"),
        "secondary" => t!("pack-secondary"),
        "unverified" => t!("pack-unverified"),
        "disputed" => t!("pack-disputed"),
        "written-complaint" => t!("pack-written-complaint"),
        "complaint" => t!("pack-complaint"),
        "reply" => t!("pack-reply"),
        "deadlock" => t!("pack-deadlock"),
        "outage" => t!("pack-outage"),
        "restored" => t!("pack-restored"),
        "no-show" => t!("pack-no-show"),
        "earliest" => t!("pack-earliest"),
        "latest" => t!("pack-latest"),
        "reply-due" => t!("pack-reply-due"),
        "claim-by" => t!("pack-claim-by"),
        "automatic" => t!("pack-automatic"),
        "on-request" => t!("pack-on-request"),
        "running" => t!("pack-running"),
        "passed" => t!("pack-passed"),
        "done" => t!("pack-done"),
        other => other,
    }
}

/// A count of a pack's unit: `30 calendar-days`, `30 kalenderdagen`.
fn units(n: u32, unit: Unit) -> String {
    match unit {
        Unit::Hours => t!("pack-hours", n = n),
        Unit::CalendarDays => t!("pack-calendar-days", n = n),
        Unit::WorkingDays => t!("pack-working-days", n = n),
        Unit::Weeks => t!("pack-weeks", n = n),
        Unit::Months => t!("pack-months", n = n),
        Unit::Years => t!("pack-years", n = n),
    }
}

/// The config file the binary was started with (`--config`), for the commands that read the
/// user's rule packs from beside it without being handed the path (the dossier).
static CONFIG_FILE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Records the config file in use (the binary does this once, before any command runs).
pub fn use_config_file(config: Option<&Path>) {
    let _ = CONFIG_FILE.set(config.map(Path::to_path_buf));
}

/// The built-in rule packs with the user's own from beside the config file in use.
pub fn packs() -> Packs {
    let config = CONFIG_FILE.get().cloned().flatten();
    Packs::with_user_dir(rules_dir(config.as_deref()).as_deref())
}

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
        let warning = t!("rules-pack-not-loaded", error = clean(&e.to_string()));
        eprintln!("runaround: {}", t!("cli-warning", text = warning));
    }
}

/// A rule's title in the current language, else its English one (else any), else its id.
pub fn title(rule_titles: &std::collections::BTreeMap<String, String>, id: &str) -> String {
    rule_titles
        .get(crate::i18n::Lang::current().code())
        .or_else(|| rule_titles.get("en"))
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
        return Err(CliError::Failed(t!(
            "rules-no-pack",
            country = c.to_string()
        )));
    }
    let mut text = format!("{}\n", not_advice());
    for pack in &packs.packs {
        if only.is_some_and(|c| c != pack.country) {
            continue;
        }
        text.push('\n');
        text.push_str(&t!(
            "rules-pack-heading",
            country = pack.country.to_string(),
            currency = pack.currency.to_string(),
            status = pack_word(pack.calendar.status.as_str()),
            holidays = pack.calendar.holidays.len()
        ));
        text.push('\n');
        for (rule, file) in &pack.rules {
            text.push_str(&rule_listing(rule, file));
        }
    }
    if !packs.errors.is_empty() {
        text.push_str(&format!("\n{}\n", t!("rules-did-not-load")));
        for e in &packs.errors {
            text.push_str(&format!("  {e}\n"));
        }
    }
    out.write_all(clean(&text).as_bytes()).map_err(|e| {
        CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string()))
    })?;
    match packs.errors.len() {
        0 => Ok(()),
        n => Err(CliError::Failed(t!("rules-some-not-loaded", count = n))),
    }
}

fn rule_listing(rule: &Rule, file: &str) -> String {
    let mut s = format!("  {}  {}", rule.id, title(&rule.title, &rule.id));
    if !rule.providers.is_empty() {
        s.push_str(&format!(
            " ({})",
            t!("rules-only", providers = rule.providers.join(", "))
        ));
    }
    if !rule.customers.is_empty() {
        let kinds: Vec<&str> = rule.customers.iter().map(|c| vocab::customer(*c)).collect();
        s.push_str(&format!(
            " ({})",
            t!("rules-for-customers", customers = kinds.join(", "))
        ));
    }
    if file.contains('/') {
        s.push_str(&format!(" [{}]", t!("rules-from-file", file = file)));
    }
    s.push('\n');
    for v in &rule.versions {
        let until = v.valid_until.map_or_else(
            || t!("rules-on").to_string(),
            |u| t!("rules-until", date = u.to_string()),
        );
        s.push_str(&format!(
            "    {} {until}  {}  {}\n      {}\n",
            v.valid_from,
            pack_word(v.status.as_str()),
            effect_words(v),
            v.basis.get(crate::i18n::Lang::current().code())
        ));
        for src in &v.sources {
            s.push_str(&format!(
                "      {}\n",
                t!(
                    "rules-source",
                    title = src.title.as_str(),
                    url = src.url.as_str(),
                    read = src.read.to_string()
                )
            ));
        }
    }
    s
}

fn effect_words(v: &Version) -> String {
    match &v.effect {
        Effect::Clock { meaning, after, .. } => t!(
            "rules-effect-clock",
            meaning = pack_word(meaning.as_str()),
            after = units(after.n, after.unit),
            anchor = pack_word(v.anchor.as_str())
        ),
        Effect::Compensation {
            claim,
            units,
            amount,
            ..
        } => {
            let per = match units {
                Units::Each => t!("rules-per-each").to_string(),
                Units::DaysOrPart { threshold_hours } => {
                    t!("rules-per-day-or-part", hours = *threshold_hours)
                }
                Units::DaysAfter { deadline, .. } => t!(
                    "rules-per-day-after",
                    after = self::units(deadline.n, deadline.unit)
                ),
                Units::CompleteDays { grace_days } => {
                    t!("rules-per-complete-day", days = *grace_days)
                }
            };
            let kind = match amount {
                Amount::PerUnit(_) => "",
                Amount::Tiered(_) => t!("rules-tiered"),
                Amount::Cumulative { .. } => t!("rules-by-a-table"),
            };
            t!(
                "rules-effect-compensation",
                claim = pack_word(claim.as_str()),
                per = per,
                anchor = pack_word(v.anchor.as_str()),
                kind = kind
            )
        }
    }
}

/// "6 days 21 hours", "5 hours 10 minutes".
pub fn duration_words(secs: i64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    let days = || t!("dur-days", n = d);
    let hours = || t!("dur-hours", n = h);
    let minutes = || t!("dur-minutes", n = m);
    match (d, h) {
        (0, 0) => minutes(),
        (0, _) if m > 0 => format!("{} {}", hours(), minutes()),
        (0, _) => hours(),
        (_, 0) => days(),
        _ => format!("{} {}", days(), hours()),
    }
}

/// The basis of one part: "7/30 of € 60,00: out 6 days 21 hours".
fn part_words(part: &Part, est: &Estimate, case: &Case) -> String {
    let cur = est.currency;
    let fee = est.fee_minor.map_or_else(
        || t!("rules-the-monthly-fee").to_string(),
        |f| crate::i18n::fmt::money(f, cur),
    );
    let terms: Vec<String> = part
        .terms
        .iter()
        .map(|t| match &t.rate {
            RateFact::Fraction(a, b) => t!(
                "rules-fraction-of",
                part = format!("{}/{b}", t.units * a),
                fee = fee.as_str()
            ),
            RateFact::BasisPoints(bp) => t!(
                "rules-percent-of",
                part = format!("{} × {}%", t.units, f64::from(*bp) / 100.0),
                fee = fee.as_str()
            ),
            RateFact::Fixed(m) => format!("{} × {}", t.units, crate::i18n::fmt::money(*m, cur)),
            RateFact::Cumulative { .. } => {
                t!(
                    "rules-for-by-the-table",
                    amount = crate::i18n::fmt::money(t.minor, cur),
                    days = day_count(t.units)
                )
            }
        })
        .collect();
    let mut s = terms.join(" + ");
    if let Some(f) = part.floor_applied {
        s.push_str(&t!(
            "rules-raised-to-minimum",
            amount = crate::i18n::fmt::money(f, cur)
        ));
    }
    if let Some(c) = part.cap_applied {
        s.push_str(&t!(
            "rules-capped-at",
            amount = crate::i18n::fmt::money(c, cur)
        ));
    }
    match part.out_seconds {
        Some(secs) => s.push_str(&t!("rules-out-for", duration = duration_words(secs))),
        None => {
            if let Some(e) = part.events.first().and_then(|i| case.events.get(*i)) {
                s.push_str(&t!(
                    "rules-missed-appointment",
                    when = local_minute(e.window_start.unwrap_or(e.at))
                ));
            }
        }
    }
    s
}

fn day_count(n: u32) -> String {
    t!("dur-days", n = n)
}

fn basis_words(est: &Estimate, case: &Case) -> String {
    let mut s = est
        .parts
        .iter()
        .map(|p| part_words(p, est, case))
        .collect::<Vec<_>>()
        .join("; ");
    for (reading, minor) in &est.readings {
        s.push_str(&t!(
            "rules-another-reading",
            reading = reading.as_str(),
            amount = crate::i18n::fmt::money(*minor, est.currency)
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
        s.push_str(&format!("\n{}\n", t!("clocks-clocks")));
        for c in &r.clocks {
            let from = c
                .events
                .first()
                .and_then(|i| case.events.get(*i))
                .map_or_else(String::new, |e| {
                    t!(
                        "clocks-from-event",
                        kind = vocab::kind(e.kind),
                        when = c.from_local.format("%Y-%m-%d %H:%M").to_string()
                    )
                });
            s.push_str(&format!(
                "  {}  {:<9}  {:<7}  {}  [{}]\n      {from} · {}\n",
                c.due_local.format("%Y-%m-%d %H:%M"),
                pack_word(c.meaning.as_str()),
                pack_word(c.state.as_str()),
                title(&c.titles, &c.rule),
                pack_word(c.status.as_str()),
                c.source
            ));
        }
    }
    s
}

/// The text of `clocks`.
pub fn report_text(case: &Case, r: &Report) -> String {
    let mut s = t!(
        "clocks-heading",
        title = case.title.as_str(),
        country = r
            .country
            .map_or_else(|| t!("clocks-no-country").to_string(), |c| c.to_string()),
        when = local_minute(r.as_of)
    );
    s.push_str(&format!("\n{}\n", not_advice()));
    for m in &r.missing {
        let missing = match m {
            Missing::Country => t!("clocks-missing-country", id = case.id.as_str()),
            Missing::Pack(c) => t!("clocks-missing-pack", country = c.to_string()),
            Missing::Fee(rules) => t!(
                "clocks-missing-fee",
                rules = rules.join(", "),
                id = case.id.as_str()
            ),
            Missing::Customer(rules) => t!(
                "clocks-missing-customer",
                rules = rules.join(", "),
                id = case.id.as_str()
            ),
        };
        s.push_str(&format!("\n{missing}\n"));
    }
    s.push_str(&clocks_text(case, r));
    if !r.compensation.is_empty() {
        s.push_str(&format!("\n{}\n", t!("clocks-compensation")));
        for e in &r.compensation {
            let amount = if e.low_minor == e.high_minor {
                crate::i18n::fmt::money(e.amount_minor, e.currency)
            } else {
                t!(
                    "clocks-range",
                    low = crate::i18n::fmt::money(e.low_minor, e.currency),
                    high = crate::i18n::fmt::money(e.high_minor, e.currency)
                )
            };
            s.push_str(&format!(
                "  {amount}  {}  {}  [{}]\n      {} · {}\n",
                pack_word(e.claim.as_str()),
                title(&e.titles, &e.rule),
                pack_word(e.status.as_str()),
                basis_words(e, case),
                e.source
            ));
        }
        if let Some(cur) = r.currency {
            s.push_str(&format!(
                "  {}\n",
                t!(
                    "clocks-at-least",
                    amount = crate::i18n::fmt::money(r.total_minor, cur)
                )
            ));
        }
    }
    if !r.not_applied.is_empty() {
        s.push_str(&format!("\n{}\n", t!("clocks-not-applied")));
        for n in &r.not_applied {
            let what = case.events.get(n.event).map_or_else(String::new, |e| {
                t!(
                    "clocks-the-event",
                    kind = vocab::kind(e.kind),
                    when = local_minute(e.at)
                )
            });
            s.push_str(&format!(
                "  {}: {what} {}\n",
                n.rule,
                match &n.reason {
                    Reason::BeforeInForce { first } =>
                        t!("clocks-before-in-force", first = first.to_string()),
                    Reason::NoVersion => t!("clocks-no-version").to_string(),
                    Reason::NothingYet => t!("clocks-nothing-yet").to_string(),
                }
            ));
        }
    }
    if !r.questions.is_empty() {
        s.push_str(&format!("\n{}\n", t!("clocks-questions")));
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
