//! The dossier: a case as Markdown, for a formal complaint or a dispute committee, in the
//! reader's language (headings, labels, dates and money; the case's own text as written, and
//! escaped, so that it reads as written rather than as formatting).

use chrono::{DateTime, Utc};

use super::dossier::{Dossier, Line};
use crate::rules::load::Packs;
use crate::t;

/// The Markdown dossier of `case` as of `now`, with the clocks and estimates of the built-in
/// rule packs; `read_only` says why its file is read-only.
pub fn dossier(case: &crate::domain::Case, now: DateTime<Utc>, read_only: Option<&str>) -> String {
    dossier_with(case, now, read_only, &Packs::built_in())
}

/// [`dossier`] by the rules of `packs` (the built-in ones with the user's own).
pub fn dossier_with(
    case: &crate::domain::Case,
    now: DateTime<Utc>,
    read_only: Option<&str>,
    packs: &Packs,
) -> String {
    render(&Dossier::build(case, now, read_only, packs))
}

/// Text made to read as itself in Markdown: the characters that make emphasis, code, links,
/// tables, HTML or entities are escaped; a line break becomes `<br>` (for table cells).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // An underscore inside a word (`account_pin`) is never emphasis: it stays as it is.
        let inside = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        if c == '_' && inside(i.checked_sub(1)) && inside(Some(i + 1)) {
            out.push(c);
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\\' | '*' | '_' | '`' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// One line of text at the start of a block: [`escape`], and a start that would make a
/// heading, quote, list or rule (`# `, `> `, `- `, `1. `) escaped too.
fn block_line(line: &str) -> String {
    let escaped = escape(line);
    let trimmed = escaped.trim_start();
    let lead = escaped.len() - trimmed.len();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let marker = match trimmed.chars().next() {
        Some('#' | '+' | '-' | '=') => Some(lead),
        Some(_) if digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')')) => {
            Some(lead + digits)
        }
        _ => None,
    };
    match marker {
        Some(at) => format!("{}\\{}", &escaped[..at], &escaped[at..]),
        None => escaped,
    }
}

/// Free text as Markdown paragraphs, its line breaks kept (hard breaks) and blank lines
/// between paragraphs kept.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for (i, para) in text.split("\n\n").enumerate() {
        let lines: Vec<String> = para
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(block_line)
            .collect();
        if lines.is_empty() {
            continue;
        }
        if i > 0 && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&lines.join("\\\n"));
        out.push('\n');
    }
    out
}

fn row(cells: &[&str]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn head(cells: &[&str]) -> String {
    let rule = vec!["---"; cells.len()];
    format!("{}{}", row(cells), row(&rule))
}

/// An event's summary cell: its summary, detail and amendments.
fn summary_cell(l: &Line) -> String {
    let mut summary = escape(&l.summary);
    if !l.detail.is_empty() {
        summary.push_str("<br>");
        summary.push_str(&escape(&l.detail));
    }
    for a in &l.amendments {
        summary.push_str(&format!("<br>*({})*", escape(a)));
    }
    if let Some(annex) = &l.annex {
        summary.push_str(&format!(" ({})", escape(annex)));
    }
    summary
}

fn details_cell(l: &Line) -> String {
    let mut details = escape(&l.details);
    if let Some(flag) = &l.flag {
        details.push_str(&format!(" **({})**", escape(flag)));
    }
    details
}

/// The dossier as Markdown.
#[allow(clippy::too_many_lines)]
pub fn render(d: &Dossier) -> String {
    let mut md = format!("# {}\n\n", escape(&d.title).replace("<br>", " "));
    for i in &d.parties {
        let value = if i.code {
            format!("`{}`", i.value.replace('`', ""))
        } else {
            escape(&i.value)
        };
        md.push_str(&format!(
            "- {}\n",
            t!("export-md-item", label = escape(&i.label), value = value)
        ));
    }
    md.push_str(&format!("\n{}\n", escape(&d.zone_note)));

    md.push_str(&format!("\n## {}\n\n", t!("dossier-summary")));
    for s in &d.summary {
        md.push_str(&format!("{}\n\n", escape(s)));
    }
    md.push_str(&format!("**{}**\n", escape(&d.remedy)));

    md.push_str(&format!("\n## {}\n\n", t!("dossier-written")));
    if d.written.is_empty() {
        md.push_str(&format!("{}\n", t!("dossier-written-none")));
    } else {
        md.push_str(&head(&[
            t!("export-md-col-when"),
            t!("export-md-col-what"),
            t!("export-md-col-details"),
            t!("export-md-col-summary"),
        ]));
        for l in &d.written {
            md.push_str(&row(&[
                &l.when,
                &escape(&l.what),
                &details_cell(l),
                &summary_cell(l),
            ]));
        }
    }

    md.push_str(&format!(
        "\n## {}\n\n| | |\n|---|---|\n",
        t!("export-md-figures", when = d.figures_as_of.as_str())
    ));
    for (label, value) in &d.figures {
        md.push_str(&row(&[label, &escape(value)]));
    }

    md.push_str(&format!("\n## {}\n\n", t!("dossier-promises")));
    let (made, kept, broken) = d.promise_counts();
    md.push_str(&format!(
        "{}\n",
        t!(
            "dossier-promises-count",
            made = made,
            kept = kept,
            broken = broken
        )
    ));
    if !d.promises.is_empty() {
        md.push('\n');
        md.push_str(&head(&[
            t!("dossier-col-made"),
            t!("dossier-col-who"),
            t!("dossier-col-promise"),
            t!("dossier-col-due"),
            t!("dossier-col-state"),
        ]));
        for p in &d.promises {
            let state = if p.broken {
                format!("**{}**", escape(&p.state))
            } else {
                escape(&p.state)
            };
            md.push_str(&row(&[
                &p.made,
                &escape(&p.who),
                &escape(&p.what),
                &p.due,
                &state,
            ]));
        }
    }
    let broken_list: Vec<_> = d.promises.iter().filter(|p| p.broken).collect();
    if !broken_list.is_empty() {
        md.push_str(&format!("\n### {}\n\n", t!("dossier-broken")));
        for p in broken_list {
            md.push_str(&format!("- {}\n", escape(&broken_line(p))));
        }
    }

    md.push_str(&format!("\n## {}\n\n", t!("dossier-checks")));
    md.push_str(&format!("{}\n\n", t!("dossier-checks-intro")));
    for c in &d.checks {
        let mark = if c.ok { "✓" } else { "⚠" };
        md.push_str(&format!("- {mark} {}\n", escape(&c.text)));
    }

    md.push_str(&super::escalation::section(&d.report, &d.zone, escape));

    md.push_str(&format!(
        "\n## {}\n\n{}",
        t!("export-md-timeline"),
        head(&[
            t!("export-md-col-when"),
            t!("export-md-col-what"),
            t!("export-md-col-details"),
            t!("export-md-col-summary"),
        ])
    ));
    for l in &d.chronology {
        md.push_str(&row(&[
            &l.when,
            &escape(&l.what),
            &details_cell(l),
            &summary_cell(l),
        ]));
    }

    if !d.corrections.is_empty() {
        md.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            t!("export-md-corrections"),
            t!("export-md-corrections-intro")
        ));
        for c in &d.corrections {
            md.push_str(&format!("- {}", escape(&c.line)));
            if !c.detail.is_empty() {
                md.push_str(&format!("<br>{}", escape(&c.detail)));
            }
            for a in &c.amendments {
                md.push_str(&format!("<br>*({})*", escape(a)));
            }
            md.push('\n');
        }
    }

    md.push_str(&format!("\n## {}\n\n", t!("dossier-evidence")));
    if d.evidence.is_empty() {
        md.push_str(&format!("{}\n", t!("dossier-evidence-none")));
    } else {
        md.push_str(&head(&[
            t!("dossier-col-annex"),
            t!("export-md-col-when"),
            t!("dossier-col-evidence"),
            "SHA-256",
        ]));
        for e in &d.evidence {
            let sha = e
                .sha256
                .as_deref()
                .map(|h| format!("`{h}`"))
                .unwrap_or_default();
            md.push_str(&row(&[&escape(&e.label), &e.when, &escape(&e.what), &sha]));
        }
    }

    if !d.notes.trim().is_empty() {
        md.push_str(&format!("\n## {}\n\n", t!("export-md-notes")));
        md.push_str(&paragraphs(&d.notes));
    }

    md.push_str(&format!(
        "\n## {}\n\nSHA-256: `{}`\n\n{}\n\n    {}\n",
        t!("dossier-digest"),
        d.digest,
        escape(&d.digest_how),
        d.digest_command.replace('\n', " ")
    ));
    md
}

/// A broken promise in a sentence: who, when, what, by when.
pub fn broken_line(p: &super::dossier::Promise) -> String {
    let who = if p.who.is_empty() {
        t!("dossier-someone").to_string()
    } else {
        p.who.clone()
    };
    let what = if p.what.is_empty() {
        String::new()
    } else {
        format!(" “{}”", p.what)
    };
    if p.due.is_empty() {
        t!(
            "dossier-broken-line-undated",
            who = who,
            made = p.made.as_str(),
            what = what
        )
    } else {
        t!(
            "dossier-broken-line",
            who = who,
            made = p.made.as_str(),
            what = what,
            due = p.due.as_str()
        )
    }
}
