//! The dossier as one self-contained HTML page: its style inline, no script, nothing fetched,
//! in the reader's language, made to print on A4 (a section to a page, table headers repeated,
//! no row cut in two). Everything from the case is escaped.

use chrono::{DateTime, Utc};

use super::dossier::{Dossier, Line};
use crate::domain::Case;
use crate::i18n::Lang;
use crate::rules::load::Packs;
use crate::t;

const STYLE: &str = include_str!("../../assets/dossier.css");

/// Text made safe in HTML (and SVG) text and attributes; control characters, which neither
/// may hold, are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn lines(s: &str) -> String {
    escape(s).replace('\n', "<br>")
}

/// The HTML dossier of `case` as of `now` by the rules of `packs`.
pub fn dossier_with(
    case: &Case,
    now: DateTime<Utc>,
    read_only: Option<&str>,
    packs: &Packs,
) -> String {
    render(&Dossier::build(case, now, read_only, packs))
}

fn table(
    out: &mut String,
    head: &[&str],
    rows: impl IntoIterator<Item = Vec<(String, &'static str)>>,
) {
    out.push_str("<table>\n<thead><tr>");
    for h in head {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cells in rows {
        out.push_str("<tr>");
        for (cell, class) in cells {
            if class.is_empty() {
                out.push_str(&format!("<td>{cell}</td>"));
            } else {
                out.push_str(&format!("<td class=\"{class}\">{cell}</td>"));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn event_cells(l: &Line) -> Vec<(String, &'static str)> {
    let mut details = escape(&l.details);
    if let Some(flag) = &l.flag {
        details.push_str(&format!(" <strong>({})</strong>", escape(flag)));
    }
    let mut summary = lines(&l.summary);
    if !l.detail.is_empty() {
        if !summary.is_empty() {
            summary.push_str("<br>");
        }
        summary.push_str(&lines(&l.detail));
    }
    for a in &l.amendments {
        summary.push_str(&format!("<br><em>({})</em>", escape(a)));
    }
    if let Some(annex) = &l.annex {
        summary.push_str(&format!(" <strong>({})</strong>", escape(annex)));
    }
    vec![
        (escape(&l.when), "when"),
        (escape(&l.what), ""),
        (details, ""),
        (summary, ""),
    ]
}

fn event_head() -> [&'static str; 4] {
    [
        t!("export-md-col-when"),
        t!("export-md-col-what"),
        t!("export-md-col-details"),
        t!("export-md-col-summary"),
    ]
}

/// An SVG document as an inline element (its XML declaration dropped).
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(at) => &svg[at..],
        None => "",
    }
}

/// The dossier as an HTML page.
#[allow(clippy::too_many_lines)]
pub fn render(d: &Dossier) -> String {
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        Lang::current().code(),
        escape(&d.title)
    );
    h.push_str(&format!(
        "<section class=\"first\" id=\"parties\">\n<h1>{}</h1>\n<dl class=\"parties\">\n",
        escape(&d.title)
    ));
    for i in &d.parties {
        let value = if i.code {
            format!("<code>{}</code>", escape(&i.value))
        } else {
            escape(&i.value)
        };
        h.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", escape(&i.label)));
    }
    h.push_str(&format!(
        "</dl>\n<p class=\"zone\">{}</p>\n",
        escape(&d.zone_note)
    ));
    h.push_str(&format!("<h2>{}</h2>\n", t!("dossier-summary")));
    for s in &d.summary {
        h.push_str(&format!("<p>{}</p>\n", escape(s)));
    }
    h.push_str(&format!(
        "<p class=\"remedy\">{}</p>\n</section>\n",
        escape(&d.remedy)
    ));

    h.push_str(&format!(
        "<section id=\"written\">\n<h2>{}</h2>\n",
        t!("dossier-written")
    ));
    if d.written.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", t!("dossier-written-none")));
    } else {
        table(&mut h, &event_head(), d.written.iter().map(event_cells));
    }
    h.push_str("</section>\n");

    h.push_str(&format!(
        "<section id=\"figures\">\n<h2>{}</h2>\n",
        escape(&t!("export-md-figures", when = d.figures_as_of.as_str()))
    ));
    h.push_str("<table class=\"figures\">\n<tbody>\n");
    for (label, value) in &d.figures {
        h.push_str(&format!(
            "<tr><th>{}</th><td class=\"figure\">{}</td></tr>\n",
            escape(label),
            escape(value)
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    if let Some(svg) = &d.charts_svg {
        h.push_str(&format!("<figure>{}</figure>\n", inline_svg(svg)));
    }
    h.push_str("</section>\n");

    h.push_str(&format!(
        "<section id=\"promises\">\n<h2>{}</h2>\n",
        t!("dossier-promises")
    ));
    let (made, kept, broken) = d.promise_counts();
    h.push_str(&format!(
        "<p>{}</p>\n",
        escape(&t!(
            "dossier-promises-count",
            made = made,
            kept = kept,
            broken = broken
        ))
    ));
    if !d.promises.is_empty() {
        table(
            &mut h,
            &[
                t!("dossier-col-made"),
                t!("dossier-col-who"),
                t!("dossier-col-promise"),
                t!("dossier-col-due"),
                t!("dossier-col-state"),
            ],
            d.promises.iter().map(|p| {
                vec![
                    (escape(&p.made), "when"),
                    (escape(&p.who), ""),
                    (lines(&p.what), ""),
                    (escape(&p.due), "when"),
                    (escape(&p.state), if p.broken { "broken" } else { "" }),
                ]
            }),
        );
    }
    let broken_list: Vec<_> = d.promises.iter().filter(|p| p.broken).collect();
    if !broken_list.is_empty() {
        h.push_str(&format!("<h3>{}</h3>\n<ul>\n", t!("dossier-broken")));
        for p in broken_list {
            h.push_str(&format!(
                "<li>{}</li>\n",
                escape(&super::markdown::broken_line(p))
            ));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    h.push_str(&format!(
        "<section id=\"checks\">\n<h2>{}</h2>\n<p>{}</p>\n<ul class=\"checks\">\n",
        t!("dossier-checks"),
        t!("dossier-checks-intro")
    ));
    for c in &d.checks {
        let class = if c.ok { "" } else { " class=\"warning\"" };
        h.push_str(&format!("<li{class}>{}</li>\n", escape(&c.text)));
    }
    h.push_str("</ul>\n");
    if let Some(tb) = super::escalation::tables(&d.report, &d.zone) {
        h.push_str(&format!(
            "<h3>{}</h3>\n<p class=\"advice\">{}</p>\n",
            t!("export-md-escalation"),
            t!("export-md-not-advice")
        ));
        if !tb.missing.is_empty() {
            h.push_str("<ul>\n");
            for m in &tb.missing {
                h.push_str(&format!("<li>{}</li>\n", escape(m)));
            }
            h.push_str("</ul>\n");
        }
        let cells = |r: &[String]| -> Vec<(String, &'static str)> {
            r.iter().map(|c| (escape(c), "")).collect()
        };
        if !tb.clocks.is_empty() {
            table(&mut h, &tb.clock_head, tb.clocks.iter().map(|r| cells(r)));
        }
        if !tb.compensation.is_empty() {
            table(
                &mut h,
                &tb.compensation_head,
                tb.compensation.iter().map(|r| cells(r)),
            );
        }
        if let Some(total) = &tb.total {
            h.push_str(&format!(
                "<p><strong>{}</strong></p>\n",
                escape(&total.replace("**", ""))
            ));
        }
    }
    h.push_str("</section>\n");

    h.push_str(&format!(
        "<section id=\"chronology\">\n<h2>{}</h2>\n",
        t!("export-md-timeline")
    ));
    table(&mut h, &event_head(), d.chronology.iter().map(event_cells));
    if let Some(svg) = &d.map_svg {
        h.push_str(&format!("<figure>{}</figure>\n", inline_svg(svg)));
    }
    if !d.corrections.is_empty() {
        h.push_str(&format!(
            "<h3>{}</h3>\n<p>{}</p>\n<ul>\n",
            t!("export-md-corrections"),
            t!("export-md-corrections-intro")
        ));
        for c in &d.corrections {
            h.push_str(&format!("<li>{}", escape(&c.line)));
            if !c.detail.is_empty() {
                h.push_str(&format!("<br>{}", lines(&c.detail)));
            }
            for a in &c.amendments {
                h.push_str(&format!("<br><em>({})</em>", escape(a)));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    h.push_str(&format!(
        "<section id=\"evidence\">\n<h2>{}</h2>\n",
        t!("dossier-evidence")
    ));
    if d.evidence.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", t!("dossier-evidence-none")));
    } else {
        table(
            &mut h,
            &[
                t!("dossier-col-annex"),
                t!("export-md-col-when"),
                t!("dossier-col-evidence"),
                "SHA-256",
            ],
            d.evidence.iter().map(|e| {
                vec![
                    (escape(&e.label), "when"),
                    (escape(&e.when), "when"),
                    (lines(&e.what), ""),
                    (
                        e.sha256
                            .as_deref()
                            .map(|s| format!("<code>{}</code>", escape(s)))
                            .unwrap_or_default(),
                        "",
                    ),
                ]
            }),
        );
    }
    h.push_str("</section>\n");

    if !d.notes.trim().is_empty() {
        h.push_str(&format!(
            "<section id=\"notes\">\n<h2>{}</h2>\n<div class=\"notes\">\n",
            t!("export-md-notes")
        ));
        for para in d.notes.split("\n\n").filter(|p| !p.trim().is_empty()) {
            h.push_str(&format!("<p>{}</p>\n", lines(para.trim_matches('\n'))));
        }
        h.push_str("</div>\n</section>\n");
    }

    h.push_str(&format!(
        "<section class=\"first\" id=\"digest\">\n<h2>{}</h2>\n<p>SHA-256: <code>{}</code></p>\n\
         <p>{}</p>\n<pre>{}</pre>\n</section>\n</body>\n</html>\n",
        t!("dossier-digest"),
        escape(&d.digest),
        escape(&d.digest_how),
        escape(&d.digest_command)
    ));
    h
}
