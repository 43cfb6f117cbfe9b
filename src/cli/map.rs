//! `runaround map` and `runaround numbers`: the runaround map of a case as text, Graphviz DOT
//! or JSON, and the directory of numbers learned from all cases. The words are the reader's
//! language's; DOT and JSON keep the stored words where they are data.

use std::fmt::Write as _;

use chrono::{DateTime, Local, Utc};
use serde_json::{Value, json};

use super::CliError;
use crate::domain::directory::{Directory, Entry, Learner};
use crate::domain::map::{Map, Node, Place};
use crate::domain::time::rfc3339;
use crate::domain::{Case, Event};
use crate::i18n::fmt::span;
use crate::i18n::{fmt, vocab};
use crate::index::Scan;
use crate::storage::{CaseFile, Store};
use crate::t;

/// How `map` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// A readable chain of the places, then each place and redirect
    Text,
    /// Graphviz DOT (`dot -Tsvg`)
    Dot,
    /// A picture in SVG, laid out by runaround itself
    Svg,
}

/// The kind of place, as a person says it.
pub fn place_word(place: Place) -> &'static str {
    match place {
        Place::Number => t!("pictures-kind-number"),
        Place::Shop => t!("pictures-kind-shop"),
        Place::Website => t!("pictures-kind-website"),
        Place::Department => t!("pictures-kind-department"),
    }
}

/// The path of `map` as lines of at most `width` columns (broken before an arrow): "KPN shop
/// → 1200 → 0800-0403 ↩ 1200 (2× here) → 088-0402".
pub fn chain_lines(map: &Map, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut visits = vec![0u32; map.nodes.len()];
    for (i, step) in map.chain.iter().enumerate() {
        visits[step.node] += 1;
        let label = &map.nodes[step.node].label;
        let mut piece = String::new();
        if i > 0 {
            piece.push_str(if step.back { "↩ " } else { "→ " });
        }
        piece.push_str(label);
        if step.back && visits[step.node] >= 2 {
            piece.push(' ');
            piece.push_str(&t!("pictures-times-here", times = visits[step.node]));
        }
        let used = line.chars().count();
        if used > 0 && used + 1 + piece.chars().count() > width {
            lines.push(std::mem::take(&mut line));
            line.push_str("  ");
        } else if used > 0 {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// What a node's calls say: "4 calls · median hold 11m · longest 14m".
pub fn calls_words(node: &Node, events: &[Event]) -> String {
    let mut holds: Vec<u64> = node
        .calls
        .iter()
        .filter_map(|&c| events.get(c).and_then(|e| e.hold_seconds))
        .collect();
    holds.sort_unstable();
    let mut words = vec![t!("pictures-calls", count = node.calls.len())];
    if let Some(median) = crate::domain::directory::median(&holds) {
        words.push(t!("pictures-median-hold", duration = span(secs(median))));
    }
    if holds.len() > 1
        && let Some(longest) = holds.last()
    {
        words.push(t!("pictures-longest", duration = span(secs(*longest))));
    }
    words.join(" · ")
}

fn secs(s: u64) -> i64 {
    i64::try_from(s).unwrap_or(i64::MAX)
}

fn when(t: DateTime<Utc>) -> String {
    fmt::date(&t.with_timezone(&Local), "%a %d %b %H:%M")
}

/// What one place of the map comes to: its kind, departments, calls, returns and fixes.
pub fn node_facts(map: &Map, i: usize, events: &[Event]) -> Vec<String> {
    let node = &map.nodes[i];
    let mut facts = vec![place_word(node.place).to_string()];
    if !node.departments.is_empty() {
        facts.push(node.departments.join(", "));
    }
    if !node.calls.is_empty() {
        facts.push(calls_words(node, events));
    }
    let sent_on: usize = map.out_of(i).map(crate::domain::map::Edge::times).sum();
    if sent_on > 0 {
        facts.push(t!("pictures-sent-on", count = sent_on));
    }
    if node.returns > 0 {
        facts.push(t!("pictures-sent-back", count = node.returns));
    }
    if map.helped == Some(i) {
        facts.push(t!("pictures-helped-here").to_string());
    }
    facts
}

/// What one place of the map comes to, in lines: its kind and departments; its calls;
/// where it sent you, how often you were sent back to it, whether it helped.
pub fn node_lines(map: &Map, i: usize, events: &[Event]) -> Vec<String> {
    let node = &map.nodes[i];
    let mut first = vec![place_word(node.place).to_string()];
    first.extend(node.departments.iter().cloned());
    let mut lines = vec![first.join(" · ")];
    if !node.calls.is_empty() {
        lines.push(calls_words(node, events));
    }
    let rest: Vec<String> = node_facts(map, i, events)
        .into_iter()
        .skip(1 + usize::from(!node.departments.is_empty()) + usize::from(!node.calls.is_empty()))
        .collect();
    if !rest.is_empty() {
        lines.push(rest.join(" · "));
    }
    lines
}

/// The text of `runaround map`.
pub fn map_text(case: &Case) -> String {
    let map = Map::of(case);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "pictures-map-title",
            title = case.title.as_str(),
            organisation = case.organisation.as_str()
        )
    );
    if map.nodes.is_empty() {
        let _ = writeln!(out, "{}", t!("pictures-map-empty"));
        return out;
    }
    let _ = writeln!(out, "{}", counts(&map));
    out.push('\n');
    for line in chain_lines(&map, 78) {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
    let _ = writeln!(out, "{}", t!("pictures-places"));
    let width = map
        .nodes
        .iter()
        .map(|n| n.label.chars().count())
        .max()
        .unwrap_or(0);
    for i in 0..map.nodes.len() {
        let label = &map.nodes[i].label;
        let pad = " ".repeat(width - label.chars().count());
        for (n, line) in node_lines(&map, i, &case.events).iter().enumerate() {
            if n == 0 {
                let _ = writeln!(out, "  {label}{pad}  {line}");
            } else {
                let _ = writeln!(out, "  {}  {line}", " ".repeat(width));
            }
        }
    }
    if !map.edges.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", t!("pictures-redirects"));
        let rows: Vec<(String, &crate::domain::map::Edge)> = map
            .edges
            .iter()
            .map(|e| {
                let arrow = if e.back { "↩" } else { "→" };
                (
                    format!(
                        "{} {arrow} {}",
                        map.nodes[e.from].label, map.nodes[e.to].label
                    ),
                    e,
                )
            })
            .collect();
        let width = rows
            .iter()
            .map(|(r, _)| r.chars().count())
            .max()
            .unwrap_or(0);
        for (row, e) in rows {
            let pad = width - row.chars().count();
            let times: Vec<String> = e.at.iter().map(|t| when(*t)).collect();
            let mut line = format!("  {row}{}  {}×  {}", " ".repeat(pad), e.times(), {
                times.join(", ")
            });
            if e.back {
                line.push_str("  ");
                line.push_str(t!("pictures-loop"));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        match map.helped {
            Some(i) => t!("pictures-helped", place = map.nodes[i].label.as_str()),
            None => t!("pictures-helped-none").to_string(),
        }
    );
    out
}

/// "4 places · 4 redirects · 1 loop".
pub fn counts(map: &Map) -> String {
    [
        t!("pictures-places-count", count = map.nodes.len()),
        t!("pictures-redirects-count", count = map.redirects()),
        t!("pictures-loops-count", count = map.loops()),
    ]
    .join(" · ")
}

/// `text` as a DOT string, quoted.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Graphviz DOT of `runaround map --format dot`.
pub fn map_dot(case: &Case) -> String {
    let map = Map::of(case);
    let mut out = String::from("digraph runaround {\n");
    let title = t!(
        "pictures-map-title",
        title = case.title.as_str(),
        organisation = case.organisation.as_str()
    );
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, labelloc=t, fontname=\"sans-serif\", label={}];",
        quoted(&format!("{title}\n{}", counts(&map)))
    );
    out.push_str("  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
    out.push_str("  edge [fontname=\"sans-serif\"];\n");
    for (i, node) in map.nodes.iter().enumerate() {
        let shape = match node.place {
            Place::Number => "box",
            Place::Shop => "house",
            Place::Website => "note",
            Place::Department => "ellipse",
        };
        let mut label = node.label.clone();
        for fact in node_facts(&map, i, &case.events).iter().skip(1) {
            label.push('\n');
            label.push_str(fact);
        }
        let mut attrs = format!("label={}, shape={shape}", quoted(&label));
        if map.helped == Some(i) {
            attrs.push_str(", peripheries=2, color=darkgreen");
        } else if node.returns > 0 {
            attrs.push_str(", color=firebrick");
        }
        let _ = writeln!(out, "  n{i} [{attrs}];");
    }
    for e in &map.edges {
        let mut label = format!("{}×", e.times());
        if e.back {
            label.push(' ');
            label.push_str(t!("pictures-loop"));
        }
        let tip: Vec<String> = e.at.iter().map(|t| when(*t)).collect();
        let mut attrs = format!(
            "label={}, tooltip={}",
            quoted(&label),
            quoted(&tip.join(", "))
        );
        if e.back {
            attrs.push_str(", color=firebrick, fontcolor=firebrick, style=bold");
        }
        let _ = writeln!(out, "  n{} -> n{} [{attrs}];", e.from, e.to);
    }
    out.push_str("}\n");
    out
}

/// The JSON of `runaround map --json`: the places (by label), the redirects, the path.
pub fn map_json(case: &Case) -> String {
    let map = Map::of(case);
    let label = |i: usize| map.nodes[i].label.clone();
    let nodes: Vec<Value> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let holds: Vec<u64> = n
                .calls
                .iter()
                .filter_map(|&c| case.events.get(c).and_then(|e| e.hold_seconds))
                .collect();
            json!({
                "place": n.label,
                "kind": n.place.as_str(),
                "departments": n.departments,
                "calls": n.calls.len(),
                "hold_seconds": holds,
                "contacts": n.contacts,
                "visits": n.visits,
                "returns": n.returns,
                "fixes": n.fixes,
                "helped": map.helped == Some(i),
            })
        })
        .collect();
    let edges: Vec<Value> = map
        .edges
        .iter()
        .map(|e| {
            json!({
                "from": label(e.from),
                "to": label(e.to),
                "times": e.times(),
                "at": e.at.iter().map(|t| rfc3339(*t)).collect::<Vec<_>>(),
                "loop": e.back,
            })
        })
        .collect();
    let chain: Vec<Value> = map
        .chain
        .iter()
        .map(|s| json!({ "place": label(s.node), "loop": s.back }))
        .collect();
    let value = json!({
        "id": case.id,
        "title": case.title,
        "organisation": case.organisation,
        "nodes": nodes,
        "edges": edges,
        "chain": chain,
        "loops": map.loops(),
        "helped": map.helped.map(label),
    });
    format!("{value:#}\n")
}

/// The directory of every case in `store`, read through the index (the case file only where
/// the index cannot answer).
pub fn learn(store: &Store, now: DateTime<Utc>) -> Result<Directory, CliError> {
    let scan = Scan::new(store, now)?;
    let mut learner = Learner::default();
    for (i, listed) in scan.entries.iter().enumerate() {
        let CaseFile::Readable { body: summary, .. } = listed else {
            continue;
        };
        let events = match scan.events(i) {
            Some(events) => events,
            None => match store.load(&summary.id) {
                Ok(CaseFile::Readable { body, .. }) => body.events,
                _ => continue,
            },
        };
        learner.add(&summary.organisation, &events);
    }
    // The index is only a cache: failing to save it costs the next run time, nothing else.
    let _ = scan.save_if_stale();
    Ok(learner.finish())
}

/// How an entry's calls ended: "answered 3 · dropped 1".
fn outcome_words(entry: &Entry) -> String {
    entry
        .outcomes
        .iter()
        .map(|(o, n)| format!("{} {n}", vocab::outcome(*o)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Places and counts: "0800-0403 (2×), 1200 (1×)".
fn places_words(list: &[crate::domain::directory::Count]) -> String {
    list.iter()
        .map(|c| format!("{} ({}×)", c.place, c.times))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One entry's first line: "1200 · number · 5 calls · median hold 12m · longest 40m".
pub fn entry_headline(e: &Entry) -> String {
    let mut words = vec![place_word(e.kind.place()).to_string()];
    if e.calls > 0 {
        words.push(t!("pictures-calls", count = e.calls));
    }
    if let Some(m) = e.median_hold_seconds {
        words.push(t!("pictures-median-hold", duration = span(secs(m))));
    }
    if e.holds.len() > 1
        && let Some(l) = e.longest_hold_seconds
    {
        words.push(t!("pictures-longest", duration = span(secs(l))));
    }
    words.join(" · ")
}

/// The lines under an entry's headline: departments, outcomes, where it sent you and who sent
/// you there, the fixes.
pub fn entry_details(e: &Entry) -> Vec<String> {
    let mut lines = Vec::new();
    if !e.departments.is_empty() {
        lines.push(e.departments.join(", "));
    }
    if !e.outcomes.is_empty() {
        lines.push(outcome_words(e));
    }
    if !e.sent_to.is_empty() {
        lines.push(t!("pictures-sent-to", places = places_words(&e.sent_to)));
    }
    if !e.sent_from.is_empty() {
        lines.push(t!(
            "pictures-sent-from",
            places = places_words(&e.sent_from)
        ));
    }
    if e.contacts > 0 {
        lines.push(t!(
            "pictures-fixed-after",
            fixes = e.fixes,
            contacts = e.contacts
        ));
    }
    lines
}

/// What a suggestion in the call form says: "0800-0402 · median hold 23m · sent you elsewhere
/// 4 of 6 times".
pub fn suggestion(e: &Entry) -> String {
    let mut words = vec![e.place.clone()];
    if let Some(m) = e.median_hold_seconds {
        words.push(t!("pictures-median-hold", duration = span(secs(m))));
    }
    if e.contacts > 0 {
        words.push(t!(
            "pictures-sent-elsewhere",
            times = e.sent_elsewhere,
            contacts = e.contacts
        ));
    }
    words.join(" · ")
}

/// The text of `runaround numbers`.
pub fn numbers_text(directory: &Directory, organisation: Option<&str>) -> String {
    let mut out = String::new();
    let mut org: Option<&str> = None;
    for e in directory.of(organisation) {
        if org
            .is_none_or(|o| crate::i18n::fold::fold(o) != crate::i18n::fold::fold(&e.organisation))
        {
            if org.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", e.organisation);
            org = Some(&e.organisation);
        }
        let _ = writeln!(out, "  {} · {}", e.place, entry_headline(e));
        for line in entry_details(e) {
            let _ = writeln!(out, "      {line}");
        }
    }
    if out.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            match organisation {
                Some(o) => t!("pictures-numbers-none-for", organisation = o),
                None => t!("pictures-numbers-none").to_string(),
            }
        );
    }
    out
}

/// The JSON of `runaround numbers --json`: an array of the entries.
pub fn numbers_json(directory: &Directory, organisation: Option<&str>) -> String {
    let entries: Vec<&Entry> = directory.of(organisation).collect();
    serde_json::to_string_pretty(&entries).map_or_else(|_| "[]\n".into(), |j| j + "\n")
}

/// `runaround map CASE`.
pub fn map(store: &Store, case: &str, format: MapFormat, json: bool) -> Result<String, CliError> {
    let (mut case, _) = super::load_resolved(store, case)?;
    if json {
        return Ok(super::json_safe(&map_json(&case)));
    }
    case.clean_text();
    Ok(crate::domain::text::clean(&match format {
        MapFormat::Text => map_text(&case),
        MapFormat::Dot => map_dot(&case),
        MapFormat::Svg => crate::export::svg::map_svg(&case),
    }))
}

/// `runaround numbers`.
pub fn numbers(
    store: &Store,
    now: DateTime<Utc>,
    organisation: Option<&str>,
    json: bool,
) -> Result<String, CliError> {
    let directory = learn(store, now)?;
    Ok(if json {
        super::json_safe(&numbers_json(&directory, organisation))
    } else {
        crate::domain::text::clean(&numbers_text(&directory, organisation))
    })
}
