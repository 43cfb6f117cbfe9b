//! The pictures as self-contained SVG, laid out here (no Graphviz at run time), for a
//! printable dossier: the runaround map (boxes in path order, redirects between neighbours as
//! straight arrows, the others as arcs above, loops as red arcs below) and the charts (the hold
//! of each call, the time without service per day).

use std::fmt::Write as _;

use chrono::{DateTime, Local, Utc};

use crate::cli::map::{counts, place_word};
use crate::domain::map::Map;
use crate::domain::{Case, Kind};
use crate::i18n::fmt;
use crate::i18n::fmt::span;
use crate::t;

/// Text made safe inside SVG text and attributes: the HTML dossier's escape, as the pictures
/// are drawn inline in it.
pub use super::html::escape;

const FONT: &str = "font-family=\"sans-serif\"";
/// Pixels per character of a label, roughly.
const CHAR: usize = 8;
const GAP: usize = 60;
const BOX_H: usize = 44;

/// The runaround map of `case` as an SVG document.
pub fn map_svg(case: &Case) -> String {
    let map = Map::of(case);
    let widths: Vec<usize> = map
        .nodes
        .iter()
        .map(|n| {
            let kind = place_word(n.place).chars().count();
            n.label.chars().count().max(kind) * CHAR + 24
        })
        .collect();
    let mut xs = Vec::with_capacity(widths.len());
    let mut at = 20;
    for w in &widths {
        xs.push(at);
        at += w + GAP;
    }
    let width = at.saturating_sub(GAP).max(300) + 20;
    let span_of = |from: usize, to: usize| from.abs_diff(to);
    let most = map
        .edges
        .iter()
        .map(|e| span_of(e.from, e.to))
        .max()
        .unwrap_or(1);
    let arc = 30 + 18 * most;
    let top = 50 + arc;
    let height = top + BOX_H + arc + 30;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\">"
    );
    let title = t!(
        "pictures-map-title",
        title = case.title.as_str(),
        organisation = case.organisation.as_str()
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker>\
         <marker id=\"loop\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#b22222\"/></marker></defs>\n",
    );
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"24\" {FONT} font-size=\"13\" font-weight=\"bold\">{}</text>",
        escape(&title)
    );
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"42\" {FONT} font-size=\"13\" fill=\"#555\">{}</text>",
        escape(&counts(&map))
    );
    nodes(&mut out, &map, &xs, &widths, top);
    edges(&mut out, &map, &xs, &widths, top);
    out.push_str("</svg>\n");
    out
}

/// The boxes of the map, on the row at `top`.
fn nodes(out: &mut String, map: &Map, xs: &[usize], widths: &[usize], top: usize) {
    for (i, node) in map.nodes.iter().enumerate() {
        let (stroke, fill) = if map.helped == Some(i) {
            ("#1a7f37", "#e6f4ea")
        } else if node.returns > 0 {
            ("#b22222", "#fdecea")
        } else {
            ("#444", "#f6f6f6")
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{BOX_H}\" rx=\"8\" fill=\"{fill}\" \
             stroke=\"{stroke}\"/>",
            xs[i], widths[i]
        );
        let cx = xs[i] + widths[i] / 2;
        let _ = writeln!(
            out,
            "<text x=\"{cx}\" y=\"{}\" {FONT} font-size=\"13\" text-anchor=\"middle\">{}</text>",
            top + 19,
            escape(&node.label)
        );
        let _ = writeln!(
            out,
            "<text x=\"{cx}\" y=\"{}\" {FONT} font-size=\"11\" text-anchor=\"middle\" \
             fill=\"#555\">{}</text>",
            top + 35,
            escape(place_word(node.place))
        );
    }
}

/// The redirects of the map: neighbours straight, the others as arcs.
fn edges(out: &mut String, map: &Map, xs: &[usize], widths: &[usize], top: usize) {
    let span_of = |from: usize, to: usize| from.abs_diff(to);
    let centre = |i: usize| xs[i] + widths[i] / 2;
    for edge in &map.edges {
        let label = if edge.back {
            format!("↩ {}×", edge.times())
        } else {
            format!("{}×", edge.times())
        };
        let (colour, marker) = if edge.back {
            ("#b22222", "loop")
        } else {
            ("#444", "arrow")
        };
        let (path, lx, ly) = if edge.to == edge.from + 1 && !edge.back {
            let (x1, x2, y) = (
                xs[edge.from] + widths[edge.from],
                xs[edge.to],
                top + BOX_H / 2,
            );
            (
                format!("M{x1},{y} L{x2},{y}"),
                usize::midpoint(x1, x2),
                y - 6,
            )
        } else {
            let (x1, x2) = (centre(edge.from), centre(edge.to));
            let lift = 30 + 18 * span_of(edge.from, edge.to);
            if edge.to > edge.from {
                let y = top;
                (
                    format!(
                        "M{x1},{y} Q{},{} {x2},{y}",
                        usize::midpoint(x1, x2),
                        // The control point may lie above the picture; the arc does not.
                        i64::try_from(y).unwrap_or(0) - 2 * i64::try_from(lift).unwrap_or(0)
                    ),
                    usize::midpoint(x1, x2),
                    y - lift - 4,
                )
            } else {
                let y = top + BOX_H;
                (
                    format!(
                        "M{x1},{y} Q{},{} {x2},{y}",
                        usize::midpoint(x1, x2),
                        y + 2 * lift
                    ),
                    usize::midpoint(x1, x2),
                    y + lift + 14,
                )
            }
        };
        let times: Vec<String> = edge
            .at
            .iter()
            .map(|t| fmt::date(&t.with_timezone(&Local), "%a %d %b %H:%M"))
            .collect();
        let _ = writeln!(
            out,
            "<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" \
             marker-end=\"url(#{marker})\"><title>{}</title></path>",
            if edge.back { 2 } else { 1 },
            escape(&times.join(", "))
        );
        let _ = writeln!(
            out,
            "<text x=\"{lx}\" y=\"{ly}\" {FONT} font-size=\"11\" text-anchor=\"middle\" \
             fill=\"{colour}\">{}</text>",
            escape(&label)
        );
    }
}

/// Bars as SVG: a title, then one bar per value with its text above and its label below.
fn bars(out: &mut String, y: usize, title: &str, values: &[(String, u64, String)]) -> usize {
    const H: usize = 120;
    const W: usize = 34;
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"{}\" {FONT} font-size=\"13\" font-weight=\"bold\">{}</text>",
        y + 16,
        escape(title)
    );
    let most = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
    let base = y + 42 + H;
    for (i, (label, value, text)) in values.iter().enumerate() {
        let x = 20 + i * (W + 8);
        let h = usize::try_from(*value)
            .unwrap_or(usize::MAX)
            .saturating_mul(H)
            / usize::try_from(most).unwrap_or(1);
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"{W}\" height=\"{h}\" fill=\"#d9822b\"/>",
            base - h
        );
        let cx = x + W / 2;
        let _ = writeln!(
            out,
            "<text x=\"{cx}\" y=\"{}\" {FONT} font-size=\"11\" text-anchor=\"middle\">{}</text>",
            base - h - 4,
            escape(text)
        );
        let _ = writeln!(
            out,
            "<text x=\"{cx}\" y=\"{}\" {FONT} font-size=\"10\" text-anchor=\"middle\" \
             fill=\"#555\">{}</text>",
            base + 14,
            escape(label)
        );
    }
    base + 30
}

/// The most bars a chart of the page draws: the latest ones.
const MOST_BARS: usize = 45;

/// The charts of `case` at `now` as an SVG document: the hold of each call, and the hours
/// without service on each day.
pub fn charts_svg(case: &Case, now: DateTime<Utc>) -> String {
    let calls: Vec<(String, u64, String)> = case
        .events
        .iter()
        .filter(|e| e.kind == Kind::Call)
        .map(|e| {
            let minutes = e.hold_seconds.unwrap_or(0).div_ceil(60);
            (
                fmt::date(&e.at.with_timezone(&Local), "%d/%m"),
                minutes,
                format!("{minutes}m"),
            )
        })
        .collect();
    let days: Vec<(String, u64, String)> = crate::domain::outages::days_without_service(case, now)
        .into_iter()
        .map(|(d, s)| {
            let hours = u64::try_from(s).unwrap_or(0).div_ceil(3600);
            (fmt::day(d, "%d/%m"), hours, format!("{hours}h"))
        })
        .collect();
    // A long outage has a bar a day for years: the page shows the last weeks, and says so.
    let all_days = days.len();
    let days = days[all_days.saturating_sub(MOST_BARS)..].to_vec();
    let calls = calls[calls.len().saturating_sub(MOST_BARS)..].to_vec();
    let width = 40 + 42 * calls.len().max(days.len()).max(6);
    let mut body = String::new();
    let total: u64 = case.events.iter().filter_map(|e| e.hold_seconds).sum();
    let mut y = bars(
        &mut body,
        0,
        &t!(
            "pictures-chart-holds",
            count = calls.len(),
            total = span(i64::try_from(total).unwrap_or(i64::MAX))
        ),
        &calls,
    );
    let out_seconds: i64 = crate::domain::outages::days_without_service(case, now)
        .iter()
        .map(|(_, s)| s)
        .sum();
    let title = if days.is_empty() {
        t!("pictures-chart-no-outage").to_string()
    } else if all_days > MOST_BARS {
        t!(
            "pictures-chart-days-last",
            total = span(out_seconds),
            days = MOST_BARS
        )
    } else {
        t!("pictures-chart-days", total = span(out_seconds))
    };
    y = bars(&mut body, y, &title, &days);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" \
         viewBox=\"0 0 {width} {y}\" role=\"img\">\n{body}</svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::TimeZone;

    fn seed(id: &str) -> Case {
        crate::demo::cases_in(
            Lang::En,
            Utc.with_ymd_and_hms(2026, 4, 6, 12, 0, 0).unwrap(),
        )
        .unwrap()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
    }

    #[test]
    fn the_charts_have_a_bar_per_call_and_per_day_without_service() {
        let case = seed("kpn-internet");
        let now = Utc.with_ymd_and_hms(2026, 4, 6, 12, 0, 0).unwrap();
        let days = crate::domain::outages::days_without_service(&case, now).len();
        let svg = charts_svg(&case, now);
        assert_eq!(svg.matches("<rect").count(), 7 + days, "{svg}");
        assert!(svg.contains(">33m<") && svg.contains(">24h<"), "{svg}");
        let french = seed("kpn-phone-repair");
        let svg = charts_svg(&french, now);
        assert_eq!(svg.matches("<rect").count(), 6, "{svg}");
        assert!(svg.contains("no outage logged"), "{svg}");
    }

    #[test]
    fn an_outage_of_years_draws_its_last_weeks_and_says_so() {
        let case = seed("kpn-internet");
        // The demo's outage, still running two years on: hundreds of days without service.
        let now = Utc.with_ymd_and_hms(2028, 4, 6, 12, 0, 0).unwrap();
        assert!(crate::domain::outages::days_without_service(&case, now).len() > 700);
        let svg = charts_svg(&case, now);
        assert_eq!(svg.matches("<rect").count(), 7 + MOST_BARS, "{}", svg.len());
        assert!(svg.contains("the last 45 days"), "{svg}");
        assert!(svg.len() < 40_000, "{}", svg.len());
    }

    #[test]
    fn text_in_the_pictures_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{1b}"), "a&lt;b &amp; &quot;c&quot;");
        let mut case = seed("kpn-phone-repair");
        case.title = "<script>&".into();
        assert!(map_svg(&case).contains("&lt;script&gt;&amp;"));
    }
}
