//! The dossier's escalation section: the clocks the rules run for a case and the compensation
//! they estimate, each with how sure its sources are, in the reader's language, and said once
//! to be estimates, not legal advice.

use super::dossier::Zone;
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
pub(crate) fn title<'a>(
    titles: &'a std::collections::BTreeMap<String, String>,
    id: &'a str,
) -> &'a str {
    titles
        .get(crate::i18n::Lang::current().code())
        .or_else(|| titles.get("en"))
        .map_or(id, String::as_str)
}

/// How sure a rule is, and where it comes from: `verified: https://…`.
fn sourced(status: Certainty, source: &str) -> String {
    t!(
        "export-md-sourced",
        status = certainty(status),
        source = source
    )
}

/// The section's contents as text cells, for any format: what is missing, the clocks, the
/// estimates and their total (the total in Markdown's bold).
#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub missing: Vec<String>,
    pub clock_head: [&'static str; 6],
    pub clocks: Vec<[String; 6]>,
    pub compensation_head: [&'static str; 4],
    pub compensation: Vec<[String; 4]>,
    pub total: Option<String>,
}

/// The section's contents, or nothing for a case the rules say nothing of and that lacks
/// nothing; times with the zone of `zone`.
pub fn tables(r: &Report, zone: &Zone) -> Option<Tables> {
    if r.clocks.is_empty() && r.compensation.is_empty() && r.missing.is_empty() {
        return None;
    }
    let missing = r
        .missing
        .iter()
        .map(|m| match m {
            Missing::Country => t!("export-md-missing-country").to_string(),
            Missing::Pack(c) => t!("export-md-missing-pack", country = c.as_str()),
            Missing::Fee(rules) => t!("export-md-missing-fee", rules = rules.join(", ")),
            Missing::Customer(rules) => {
                t!("export-md-missing-customer", rules = rules.join(", "))
            }
        })
        .collect();
    let clocks = r
        .clocks
        .iter()
        .map(|c| {
            [
                title(&c.titles, &c.rule).to_string(),
                meaning(c.meaning).to_string(),
                zone.at(c.from),
                zone.at(c.due),
                state(c.state).to_string(),
                sourced(c.status, &c.source),
            ]
        })
        .collect();
    let compensation = r
        .compensation
        .iter()
        .map(|e| {
            let amount = if e.low_minor == e.high_minor {
                fmt::money(e.amount_minor, e.currency)
            } else {
                t!(
                    "export-md-range",
                    low = fmt::money(e.low_minor, e.currency),
                    high = fmt::money(e.high_minor, e.currency)
                )
            };
            [
                title(&e.titles, &e.rule).to_string(),
                amount,
                claim(e.claim).to_string(),
                sourced(e.status, &e.source),
            ]
        })
        .collect();
    let total = (!r.compensation.is_empty())
        .then_some(r.currency)
        .flatten()
        .map(|cur| t!("export-md-total", total = fmt::money(r.total_minor, cur)));
    Some(Tables {
        missing,
        clock_head: [
            t!("export-md-col-clock"),
            t!("export-md-col-meaning"),
            t!("export-md-col-from"),
            t!("export-md-col-due"),
            t!("export-md-col-state"),
            t!("export-md-col-source"),
        ],
        clocks,
        compensation_head: [
            t!("export-md-col-compensation"),
            t!("export-md-col-estimate"),
            t!("export-md-col-claim"),
            t!("export-md-col-source"),
        ],
        compensation,
        total,
    })
}

/// The Markdown section (with its heading), or nothing; every cell escaped by `cell`.
pub fn section(r: &Report, zone: &Zone, cell: impl Fn(&str) -> String) -> String {
    let Some(tb) = tables(r, zone) else {
        return String::new();
    };
    let mut md = format!(
        "\n## {}\n\n{}\n",
        t!("export-md-escalation"),
        t!("export-md-not-advice")
    );
    for said in &tb.missing {
        md.push_str(&format!("\n- {}", cell(said)));
    }
    if !tb.missing.is_empty() {
        md.push('\n');
    }
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    if !tb.clocks.is_empty() {
        md.push_str(&format!(
            "\n| {} |\n|---|---|---|---|---|---|\n",
            tb.clock_head.join(" | ")
        ));
        for c in &tb.clocks {
            md.push_str(&row(c));
        }
    }
    if !tb.compensation.is_empty() {
        md.push_str(&format!(
            "\n| {} |\n|---|---|---|---|\n",
            tb.compensation_head.join(" | ")
        ));
        for e in &tb.compensation {
            md.push_str(&row(e));
        }
        if let Some(total) = &tb.total {
            md.push_str(&format!("\n{total}\n"));
        }
    }
    md
}
