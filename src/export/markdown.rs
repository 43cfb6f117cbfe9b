//! The dossier: a case as Markdown, for a formal complaint or a dispute committee, in the
//! reader's language (headings, labels, dates and money; the case's own text as written).

use chrono::{DateTime, Utc};

use super::text::{amendment_line, counter_labels, deleted_line, earlier_amendments, facets};
use crate::cli::words::loop_flags;
use crate::domain::time::local_minute;
use crate::domain::{Case, Counters};
use crate::i18n::{fmt, vocab};
use crate::rules::engine::evaluate;
use crate::rules::load::Packs;
use crate::t;

/// A moment as the dossier writes it: `Mon 2026-03-30 17:14`, `ma 30 mrt 2026 17:14`.
fn when(t: DateTime<Utc>) -> String {
    fmt::date(&t.with_timezone(&chrono::Local), t!("export-md-when"))
}

/// The Markdown dossier of `case` as of `now`, with the clocks and estimates of the built-in
/// rule packs; `read_only` says why its file is read-only.
pub fn dossier(case: &Case, now: DateTime<Utc>, read_only: Option<&str>) -> String {
    dossier_with(case, now, read_only, &Packs::built_in())
}

/// [`dossier`] by the rules of `packs` (the built-in ones with the user's own).
pub fn dossier_with(
    case: &Case,
    now: DateTime<Utc>,
    read_only: Option<&str>,
    packs: &Packs,
) -> String {
    let mut md = String::new();
    let mut item = |label: &str, value: &str| {
        md.push_str(&format!(
            "- {}\n",
            t!("export-md-item", label = label, value = value)
        ));
    };
    item(t!("export-md-organisation"), &case.organisation);
    item(t!("export-md-status"), vocab::status(case.status));
    item(t!("export-md-opened"), &when(case.opened));
    item(t!("export-md-case-id"), &format!("`{}`", case.id));
    if let Some(reason) = read_only {
        item(t!("export-md-read-only"), &cell(reason));
    }
    for r in &case.references {
        item(&r.label, &r.value);
    }
    for (label, value) in super::text::terms(case) {
        item(&capitalise(label), &value);
    }
    if !case.tags.is_empty() {
        item(t!("export-md-tags"), &case.tags.join(", "));
    }
    let items = md;
    let mut md = format!("# {}\n\n{items}", case.title);
    md.push_str(&format!(
        "\n## {}\n\n| | |\n|---|---|\n",
        t!("export-md-figures", when = local_minute(now))
    ));
    for (label, value) in counter_labels(&Counters::of(case, now)) {
        md.push_str(&format!("| {} | {} |\n", capitalise(label), value));
    }
    md.push_str(&super::escalation::section(&evaluate(case, packs, now)));
    md.push_str(&format!(
        "\n## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
        t!("export-md-timeline"),
        t!("export-md-col-when"),
        t!("export-md-col-what"),
        t!("export-md-col-details"),
        t!("export-md-col-summary"),
    ));
    for (e, flag) in case.events.iter().zip(loop_flags(case)) {
        let mut details = facets(e, now).join(" · ");
        if let Some(flag) = flag {
            details.push_str(&format!(" **({flag})**"));
        }
        let mut summary = cell(&e.summary);
        if !e.detail.is_empty() {
            summary.push_str("<br>");
            summary.push_str(&cell(&e.detail));
        }
        for a in &e.amendments {
            summary.push_str(&format!("<br>*({})*", cell(&amendment_line(a))));
        }
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            when(e.at),
            vocab::kind(e.kind),
            cell(&details),
            summary
        ));
    }
    if !case.deleted_events.is_empty() {
        md.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            t!("export-md-corrections"),
            t!("export-md-corrections-intro")
        ));
        for e in &case.deleted_events {
            md.push_str(&format!("- {}", deleted_line(e, now).replace('|', "\\|")));
            if !e.detail.is_empty() {
                md.push_str(&format!("<br>{}", cell(&e.detail)));
            }
            for a in earlier_amendments(e) {
                md.push_str(&format!("<br>*({})*", cell(&amendment_line(a))));
            }
            md.push('\n');
        }
    }
    md.push_str(&super::attachments::markdown_section(case));
    if !case.notes.trim().is_empty() {
        md.push_str(&format!("\n## {}\n\n", t!("export-md-notes")));
        md.push_str(case.notes.trim_end());
        md.push('\n');
    }
    md
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
