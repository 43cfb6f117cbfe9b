//! The pictures overlay, and its first picture: the runaround map of the selected case as
//! boxes and arrows (forward redirects between neighbours on the middle line, the others in
//! lanes above and below, loops below), with the picked place's calls, holds and outcomes.
//! When the boxes do not fit, the map is the readable chain with its loop counts.

use chrono::Local;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::overlay::frame_block;
use super::theme::Theme;
use crate::app::{App, Picture, Pictures};
use crate::cli::map::{chain_lines, counts, node_lines};
use crate::domain::Case;
use crate::domain::map::Map;
use crate::i18n::fmt::span;
use crate::i18n::{fmt, vocab};
use crate::t;

/// Draws the pictures overlay over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Pictures, t: &Theme) {
    let r = super::overlay::centered(area, area.width.min(120), area.height);
    frame.render_widget(Clear, r);
    let title = match p.picture {
        Picture::Map => t!("pictures-title-map"),
        Picture::Numbers => t!("pictures-title-numbers"),
        Picture::Charts => t!("pictures-title-charts"),
    };
    let block = frame_block(title, t);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let body = Rect {
        height: inner.height - 1,
        ..inner
    };
    let hint = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    let keys = t!(
        "pictures-hint",
        pick = format!(
            "{}/{}",
            app.keymap.key_of(crate::app::Action::Down),
            app.keymap.key_of(crate::app::Action::Up)
        ),
        next = app.keymap.key_of(crate::app::Action::NextPane)
    );
    frame.render_widget(Paragraph::new(Span::styled(keys, t.dim)), hint);
    match p.picture {
        Picture::Map => match app.selected() {
            Some(case) => map(frame, body, case, p.selected, t),
            None => nothing(frame, body, t),
        },
        Picture::Numbers => super::numbers::draw(frame, body, app, p, t),
        Picture::Charts => match app.selected() {
            Some(case) => super::charts::draw(frame, body, case, app.now, t),
            None => nothing(frame, body, t),
        },
    }
}

/// No case is selected.
pub(super) fn nothing(frame: &mut Frame, area: Rect, t: &Theme) {
    frame.render_widget(
        Paragraph::new(Span::styled(t!("pictures-no-case"), t.dim)),
        area,
    );
}

/// A drawing of characters, with the boxes it drew.
#[derive(Debug, Default)]
pub struct Drawing {
    pub rows: Vec<Vec<char>>,
    /// Where each node's box is, relative to the drawing.
    pub boxes: Vec<Rect>,
}

impl Drawing {
    fn new(width: usize, height: usize) -> Drawing {
        Drawing {
            rows: vec![vec![' '; width]; height],
            boxes: Vec::new(),
        }
    }

    fn get(&self, x: usize, y: usize) -> char {
        self.rows
            .get(y)
            .and_then(|r| r.get(x))
            .copied()
            .unwrap_or(' ')
    }

    /// Puts `c` at (x, y); a line crossing a line is a cross.
    fn put(&mut self, x: usize, y: usize, c: char) {
        let was = self.get(x, y);
        let c = match (was, c) {
            ('─', '│') | ('│', '─') => '┼',
            _ => c,
        };
        if let Some(cell) = self.rows.get_mut(y).and_then(|r| r.get_mut(x)) {
            *cell = c;
        }
    }

    fn text(&mut self, x: usize, y: usize, s: &str) {
        for (i, c) in s.chars().enumerate() {
            if let Some(cell) = self.rows.get_mut(y).and_then(|r| r.get_mut(x + i)) {
                *cell = c;
            }
        }
    }

    /// The drawing's lines.
    pub fn lines(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| r.iter().collect::<String>().trim_end().to_string())
            .collect()
    }
}

/// The widest a box's label is.
const LABEL: usize = 16;
/// The columns between two boxes.
const GAP: usize = 5;
/// The most lanes above or below the boxes.
const LANES: usize = 3;

fn short(label: &str) -> String {
    cut(label, LABEL)
}

/// `text` in at most `width` columns, cut with an ellipsis.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// An edge drawn in a lane: which lane, and its ends' columns.
struct Lane {
    index: usize,
    from_x: usize,
    to_x: usize,
}

/// Picks the first lane where `[left, right]` meets no other edge.
fn lane_for(taken: &mut Vec<Vec<(usize, usize)>>, left: usize, right: usize) -> Option<usize> {
    for (i, lane) in taken.iter_mut().enumerate() {
        if lane.iter().all(|&(l, r)| right + 1 < l || r + 1 < left) {
            lane.push((left, right));
            return Some(i);
        }
    }
    if taken.len() < LANES {
        taken.push(vec![(left, right)]);
        return Some(taken.len() - 1);
    }
    None
}

/// The map as boxes and arrows at most `width` columns wide and `height` rows high, or `None`
/// when it does not fit.
pub fn layout(map: &Map, width: usize, height: usize) -> Option<Drawing> {
    if map.nodes.is_empty() {
        return None;
    }
    let labels: Vec<String> = map.nodes.iter().map(|n| short(&n.label)).collect();
    let widths: Vec<usize> = labels.iter().map(|l| l.chars().count() + 4).collect();
    let total = widths.iter().sum::<usize>() + GAP * (map.nodes.len() - 1);
    if total > width {
        return None;
    }
    let mut xs = Vec::with_capacity(widths.len());
    let mut column = 0;
    for w in &widths {
        xs.push(column);
        column += w + GAP;
    }
    // Where lines meet each box's top and bottom: from the middle outwards.
    let mut used_top = vec![0usize; map.nodes.len()];
    let mut used_bottom = vec![0usize; map.nodes.len()];
    let attach = |used: &mut Vec<usize>, i: usize| -> usize {
        let inner = widths[i] - 2;
        let k = used[i];
        used[i] += 1;
        let mid = inner / 2;
        let off = k.div_ceil(2);
        let at = if k % 2 == 1 {
            mid.saturating_sub(off)
        } else {
            (mid + off).min(inner - 1)
        };
        xs[i] + 1 + at
    };
    let mut above: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut below: Vec<Vec<(usize, usize)>> = Vec::new();
    // (edge, above?, lane) for every edge not on the middle line.
    let mut lanes: Vec<(usize, bool, Lane)> = Vec::new();
    let mut edges: Vec<usize> = (0..map.edges.len()).collect();
    edges.sort_by_key(|&e| map.edges[e].from.abs_diff(map.edges[e].to));
    for e in edges {
        let edge = &map.edges[e];
        if edge.to == edge.from + 1 && !edge.back {
            continue;
        }
        let forward = edge.to > edge.from;
        let (from_x, to_x) = if forward {
            (
                attach(&mut used_top, edge.from),
                attach(&mut used_top, edge.to),
            )
        } else {
            (
                attach(&mut used_bottom, edge.from),
                attach(&mut used_bottom, edge.to),
            )
        };
        let (left, right) = (from_x.min(to_x), from_x.max(to_x));
        let taken = if forward { &mut above } else { &mut below };
        let lane = lane_for(taken, left, right)?;
        lanes.push((
            e,
            forward,
            Lane {
                index: lane,
                from_x,
                to_x,
            },
        ));
    }
    let top = if above.is_empty() { 0 } else { above.len() + 1 };
    let bottom = if below.is_empty() { 0 } else { below.len() + 1 };
    let rows = top + 3 + bottom;
    if rows > height {
        return None;
    }
    let mut drawing = Drawing::new(total, rows);
    drawing.boxes_at(&labels, &xs, &widths, top);
    // Neighbours: on the middle line, "──2×▶".
    for edge in &map.edges {
        if edge.to == edge.from + 1 && !edge.back {
            let start = xs[edge.from] + widths[edge.from];
            for c in start..start + GAP - 1 {
                drawing.put(c, top + 1, '─');
            }
            drawing.put(start + GAP - 1, top + 1, '▶');
            if edge.times() > 1 {
                drawing.text(start + 1, top + 1, &format!("{}×", edge.times()));
            }
        }
    }
    for (e, forward, lane) in &lanes {
        drawing.lane(&map.edges[*e], *forward, lane, top);
    }
    Some(drawing)
}

impl Drawing {
    /// The boxes with their labels, on rows `top` to `top + 2`.
    fn boxes_at(&mut self, labels: &[String], xs: &[usize], widths: &[usize], top: usize) {
        for (i, label) in labels.iter().enumerate() {
            let (left, w) = (xs[i], widths[i]);
            let right = left + w - 1;
            self.put(left, top, '╭');
            self.put(right, top, '╮');
            self.put(left, top + 2, '╰');
            self.put(right, top + 2, '╯');
            for c in left + 1..right {
                self.put(c, top, '─');
                self.put(c, top + 2, '─');
            }
            self.put(left, top + 1, '│');
            self.put(right, top + 1, '│');
            self.text(left + 2, top + 1, label);
            self.boxes.push(Rect::new(
                u16::try_from(left).unwrap_or(u16::MAX),
                u16::try_from(top).unwrap_or(u16::MAX),
                u16::try_from(w).unwrap_or(u16::MAX),
                3,
            ));
        }
    }

    /// An edge in a lane above the boxes (`forward`) or below them.
    fn lane(&mut self, edge: &crate::domain::map::Edge, forward: bool, lane: &Lane, top: usize) {
        let (from_x, to_x) = (lane.from_x, lane.to_x);
        let (left, right) = (from_x.min(to_x), from_x.max(to_x));
        let y = if forward {
            top - 2 - lane.index
        } else {
            top + 4 + lane.index
        };
        // The lane's line and its corners, and the lines to the boxes.
        for c in left..=right {
            self.put(c, y, '─');
        }
        let (l, r) = if forward {
            ('╭', '╮')
        } else {
            ('╰', '╯')
        };
        self.put(left, y, l);
        self.put(right, y, r);
        let (rows, border) = if forward {
            (y + 1..top, top)
        } else {
            (top + 3..y, top + 2)
        };
        for column in [left, right] {
            for row in rows.clone() {
                self.put(column, row, '│');
            }
        }
        self.put(from_x, border, if forward { '┴' } else { '┬' });
        self.put(to_x, border, if forward { '▼' } else { '▲' });
        let label = if edge.back {
            format!(" ↩ {}× ", edge.times())
        } else {
            format!(" {}× ", edge.times())
        };
        let room = right - left;
        if room > label.chars().count() + 1 {
            self.text(left + 1 + (room - 1 - label.chars().count()) / 2, y, &label);
        }
    }
}

/// The map of `case`, with the picked place's details.
fn map(frame: &mut Frame, area: Rect, case: &Case, selected: usize, t: &Theme) {
    let m = Map::of(case);
    if m.nodes.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(t!("pictures-map-empty"), t.dim)),
            area,
        );
        return;
    }
    let selected = selected.min(m.nodes.len() - 1);
    let width = usize::from(area.width);
    let counted = counts(&m);
    // The title gives way to the counts: cut to what the line leaves.
    let room_for_title = width.saturating_sub(counted.chars().count() + 1);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", cut(&case.title, room_for_title)), t.title),
        Span::styled(counted, t.label),
    ])];
    // The picture takes at most half the height, leaving the rest for the picked place.
    let room = usize::from(area.height.saturating_sub(1) / 2).max(3);
    let drawing = layout(&m, width, room);
    let picture_at = u16::try_from(lines.len()).unwrap_or(0);
    let mut boxes = Vec::new();
    match &drawing {
        Some(d) => {
            for l in d.lines() {
                lines.push(Line::styled(l, t.value));
            }
            boxes.clone_from(&d.boxes);
        }
        None => {
            for l in chain_lines(&m, width.saturating_sub(1).max(20)) {
                lines.push(Line::styled(l, t.value));
            }
        }
    }
    if drawing.is_some() && usize::from(area.height) > lines.len() + 8 {
        for l in chain_lines(&m, width.saturating_sub(1).max(20)) {
            lines.push(Line::styled(l, t.label));
        }
    }
    lines.push(Line::raw(""));
    lines.extend(details(&m, selected, case, t));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    // The boxes: the picked one stands out, a loop's is marked, the one that helped is good.
    for (i, b) in boxes.iter().enumerate() {
        let r = Rect {
            x: area.x + b.x,
            y: area.y + picture_at + b.y,
            ..*b
        }
        .intersection(area);
        let style: Style = if i == selected {
            t.selected
        } else if m.helped == Some(i) {
            t.good
        } else if m.nodes[i].returns > 0 {
            t.bad
        } else {
            continue;
        };
        frame.buffer_mut().set_style(r, style);
    }
}

/// The picked place: its facts, then each call with its hold and outcome, then who sent you
/// there and where it sent you.
fn details(m: &Map, i: usize, case: &Case, t: &Theme) -> Vec<Line<'static>> {
    let node = &m.nodes[i];
    let mut lines = Vec::new();
    for (n, l) in node_lines(m, i, &case.events).into_iter().enumerate() {
        if n == 0 {
            lines.push(Line::from(vec![
                Span::styled(format!("▸ {} · ", node.label), t.title),
                Span::styled(l, t.label),
            ]));
        } else {
            lines.push(Line::styled(format!("  {l}"), t.label));
        }
    }
    for &c in &node.calls {
        let Some(e) = case.events.get(c) else {
            continue;
        };
        let hold = e.hold_seconds.map_or_else(String::new, |h| {
            t!(
                "pictures-call-hold",
                duration = span(i64::try_from(h).unwrap_or(i64::MAX))
            )
        });
        let outcome = e.outcome.map_or("", vocab::outcome);
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {}  ",
                    fmt::date(&e.at.with_timezone(&Local), "%a %d %b %H:%M")
                ),
                t.dim,
            ),
            Span::styled(format!("{hold:<14}"), t.value),
            Span::styled(outcome.to_string(), t.label),
        ]));
    }
    let from: Vec<String> = m
        .into_node(i)
        .map(|e| m.nodes[e.from].label.clone())
        .collect();
    let to: Vec<String> = m.out_of(i).map(|e| m.nodes[e.to].label.clone()).collect();
    if !from.is_empty() {
        lines.push(Line::styled(
            format!("  {}", t!("pictures-sent-from", places = from.join(", "))),
            t.dim,
        ));
    }
    if !to.is_empty() {
        lines.push(Line::styled(
            format!("  {}", t!("pictures-sent-to", places = to.join(", "))),
            t.dim,
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};

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
    fn the_french_story_is_four_boxes_with_the_loop_below() {
        let d = layout(&Map::of(&seed("kpn-phone-repair")), 78, 10).unwrap();
        assert_eq!(
            d.lines(),
            [
                "╭──────────╮     ╭──────╮     ╭───────────╮     ╭──────────╮",
                "│ KPN shop │────▶│ 1200 │────▶│ 0800-0403 │────▶│ 088-0402 │",
                "╰──────────╯     ╰───▲──╯     ╰─────┬─────╯     ╰──────────╯",
                "                     │              │",
                "                     ╰──── ↩ 1× ────╯",
            ]
        );
    }

    #[test]
    fn the_dutch_story_has_lanes_above_and_below() {
        let d = layout(&Map::of(&seed("kpn-internet")), 78, 10).unwrap();
        let lines = d.lines();
        assert_eq!(lines.len(), 3 + 3 + 2, "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains("↩ 1×")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains('▼')), "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains('▲')), "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 78));
    }

    #[test]
    fn a_map_too_wide_or_too_tall_for_the_room_is_not_drawn() {
        let m = Map::of(&seed("kpn-phone-repair"));
        assert!(layout(&m, 40, 10).is_none());
        assert!(layout(&m, 78, 4).is_none());
    }
}
