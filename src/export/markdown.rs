//! The dossier: a case as Markdown, for a formal complaint or a dispute committee.

use chrono::{DateTime, Utc};

use super::text::{amendment_line, counter_labels, deleted_line, earlier_amendments, facets};
use crate::cli::words::loop_flags;
use crate::domain::time::{local_day_minute, local_minute};
use crate::domain::{Case, Counters};

/// The Markdown dossier of `case` as of `now`; `read_only` says why its file is read-only.
pub fn dossier(case: &Case, now: DateTime<Utc>, read_only: Option<&str>) -> String {
    let mut md = String::new();
    md.push_str(&format!("# {}\n\n", case.title));
    md.push_str(&format!("- **Organisation:** {}\n", case.organisation));
    md.push_str(&format!("- **Status:** {}\n", case.status));
    md.push_str(&format!(
        "- **Opened:** {}\n",
        local_day_minute(case.opened)
    ));
    md.push_str(&format!("- **Case id:** `{}`\n", case.id));
    if let Some(reason) = read_only {
        md.push_str(&format!("- **Read-only:** {}\n", cell(reason)));
    }
    for r in &case.references {
        md.push_str(&format!("- **{}:** {}\n", r.label, r.value));
    }
    for (label, value) in super::text::terms(case) {
        md.push_str(&format!("- **{}:** {}\n", capitalise(label), value));
    }
    if !case.tags.is_empty() {
        md.push_str(&format!("- **Tags:** {}\n", case.tags.join(", ")));
    }
    md.push_str(&format!(
        "\n## In figures (as of {})\n\n| | |\n|---|---|\n",
        local_minute(now)
    ));
    for (label, value) in counter_labels(&Counters::of(case, now)) {
        md.push_str(&format!("| {} | {} |\n", capitalise(label), value));
    }
    md.push_str("\n## Timeline\n\n| When | What | Details | Summary |\n|---|---|---|---|\n");
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
            local_day_minute(e.at),
            e.kind,
            cell(&details),
            summary
        ));
    }
    if !case.deleted_events.is_empty() {
        md.push_str("\n## Corrections\n\nEvents deleted from the timeline, as they were:\n\n");
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
    if !case.notes.trim().is_empty() {
        md.push_str("\n## Notes\n\n");
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
