//! The dossier's escalation section: the clocks the rules run for a case and the compensation
//! they estimate, each with how sure its sources are, in the reader's language, and said once
//! to be estimates, not legal advice.

use chrono::NaiveDateTime;

use crate::i18n::fmt;
use crate::rules::engine::{Missing, Report, State};
use crate::rules::schema::{Certainty, Claim, Meaning};
use crate::t;

/// What a clock's due means, as a person reads it.
pub fn meaning(m: Meaning) -> &'static str {
    match m {
        Meaning::Earliest => t!("rules-meaning-earliest"),
        Meaning::Latest => t!("rules-meaning-latest"),
        Meaning::ReplyDue => t!("rules-meaning-reply-due"),
        Meaning::ClaimBy => t!("rules-meaning-claim-by"),
    }
}

/// Where a clock stands.
pub fn state(s: State) -> &'static str {
    match s {
        State::Running => t!("rules-state-running"),
        State::Passed => t!("rules-state-passed"),
        State::Done => t!("rules-state-done"),
    }
}

/// How sure a rule's sources make it.
pub fn certainty(c: Certainty) -> &'static str {
    match c {
        Certainty::Verified => t!("rules-status-verified"),
        Certainty::Secondary => t!("rules-status-secondary"),
        Certainty::Unverified => t!("rules-status-unverified"),
        Certainty::Disputed => t!("rules-status-disputed"),
    }
}

/// Whether compensation comes without asking.
pub fn claim(c: Claim) -> &'static str {
    match c {
        Claim::Automatic => t!("rules-claim-automatic"),
        Claim::OnRequest => t!("rules-claim-on-request"),
    }
}

/// A rule's title in the current language, else English, else its id.
fn title<'a>(titles: &'a std::collections::BTreeMap<String, String>, id: &'a str) -> &'a str {
    titles
        .get(crate::i18n::Lang::current().code())
        .or_else(|| titles.get("en"))
        .map_or(id, String::as_str)
}

/// A wall-clock time of the case's country, as the dossier writes moments.
fn wall(t: NaiveDateTime) -> String {
    // The pattern has no zone: the wall clock's fields are written as they are.
    fmt::date(&t.and_utc(), t!("export-md-when"))
}

/// How sure a rule is, and where it comes from: `verified: https://…`.
fn sourced(status: Certainty, source: &str) -> String {
    t!(
        "export-md-sourced",
        status = certainty(status),
        source = source
    )
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The section (with its heading), or nothing for a case the rules say nothing of and that
/// lacks nothing.
pub fn section(r: &Report) -> String {
    if r.clocks.is_empty() && r.compensation.is_empty() && r.missing.is_empty() {
        return String::new();
    }
    let mut md = format!(
        "\n## {}\n\n{}\n",
        t!("export-md-escalation"),
        t!("export-md-not-advice")
    );
    for m in &r.missing {
        let said = match m {
            Missing::Country => t!("export-md-missing-country").to_string(),
            Missing::Pack(c) => t!("export-md-missing-pack", country = c.as_str()),
            Missing::Fee(rules) => t!("export-md-missing-fee", rules = rules.join(", ")),
            Missing::Customer(rules) => {
                t!("export-md-missing-customer", rules = rules.join(", "))
            }
        };
        md.push_str(&format!("\n- {said}"));
    }
    if !r.missing.is_empty() {
        md.push('\n');
    }
    if !r.clocks.is_empty() {
        md.push_str(&format!(
            "\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
            t!("export-md-col-clock"),
            t!("export-md-col-meaning"),
            t!("export-md-col-from"),
            t!("export-md-col-due"),
            t!("export-md-col-state"),
            t!("export-md-col-source"),
        ));
        for c in &r.clocks {
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(title(&c.titles, &c.rule)),
                meaning(c.meaning),
                wall(c.from_local),
                wall(c.due_local),
                state(c.state),
                cell(&sourced(c.status, &c.source)),
            ));
        }
    }
    if !r.compensation.is_empty() {
        md.push_str(&format!(
            "\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
            t!("export-md-col-compensation"),
            t!("export-md-col-estimate"),
            t!("export-md-col-claim"),
            t!("export-md-col-source"),
        ));
        for e in &r.compensation {
            let amount = if e.low_minor == e.high_minor {
                fmt::money(e.amount_minor, e.currency)
            } else {
                t!(
                    "export-md-range",
                    low = fmt::money(e.low_minor, e.currency),
                    high = fmt::money(e.high_minor, e.currency)
                )
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(title(&e.titles, &e.rule)),
                amount,
                claim(e.claim),
                cell(&sourced(e.status, &e.source)),
            ));
        }
        if let Some(cur) = r.currency {
            md.push_str(&format!(
                "\n{}\n",
                t!("export-md-total", total = fmt::money(r.total_minor, cur))
            ));
        }
    }
    md
}
