//! Colours and emphasis. With `NO_COLOR` set, only bold, dim and reverse are used.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub label: Style,
    pub value: Style,
    pub bad: Style,
    pub warn: Style,
    pub good: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focus: Style,
    pub error: Style,
    pub stopwatch: Style,
    pub kind: Style,
}

impl Theme {
    /// The colour theme, or the plain one when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            let plain = Style::default();
            return Theme {
                title: plain.add_modifier(Modifier::BOLD),
                dim: plain.add_modifier(Modifier::DIM),
                label: plain,
                value: plain.add_modifier(Modifier::BOLD),
                bad: plain.add_modifier(Modifier::BOLD),
                warn: plain.add_modifier(Modifier::BOLD),
                good: plain,
                selected: plain.add_modifier(Modifier::REVERSED),
                border: plain.add_modifier(Modifier::DIM),
                border_focus: plain.add_modifier(Modifier::BOLD),
                error: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
                stopwatch: plain.add_modifier(Modifier::BOLD),
                kind: plain.add_modifier(Modifier::BOLD),
            };
        }
        Theme {
            title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Gray),
            value: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            bad: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Yellow),
            good: Style::new().fg(Color::Green),
            selected: Style::new()
                .bg(Color::Rgb(40, 55, 80))
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            stopwatch: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            kind: Style::new().fg(Color::Cyan),
        }
    }
}
