//! Colours and emphasis: a dark theme (the default), a light one for light backgrounds, and one
//! that keeps to the 16 ANSI colours. With `NO_COLOR` set, only bold, dim and reverse are used.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

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
    /// The theme `name`, or the plain one when `no_color` (which always wins).
    pub fn named(name: ThemeName, no_color: bool) -> Theme {
        match name {
            _ if no_color => Theme::new(true),
            ThemeName::Dark => Theme::new(false),
            ThemeName::Light => Theme::light(),
            ThemeName::Ansi16 => Theme::ansi16(),
        }
    }

    /// For light backgrounds: dark text, deeper colours, a pale selection.
    fn light() -> Theme {
        Theme {
            title: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Rgb(110, 110, 110)),
            label: Style::new().fg(Color::Rgb(60, 60, 60)),
            value: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            bad: Style::new()
                .fg(Color::Rgb(180, 0, 0))
                .add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Rgb(140, 90, 0)),
            good: Style::new().fg(Color::Rgb(0, 120, 40)),
            selected: Style::new()
                .bg(Color::Rgb(200, 220, 245))
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Rgb(160, 160, 160)),
            border_focus: Style::new().fg(Color::Rgb(0, 90, 160)),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Rgb(180, 0, 0))
                .add_modifier(Modifier::BOLD),
            stopwatch: Style::new()
                .fg(Color::Rgb(150, 70, 0))
                .add_modifier(Modifier::BOLD),
            kind: Style::new().fg(Color::Rgb(0, 90, 160)),
        }
    }

    /// Only the 16 ANSI colours (whatever the terminal's palette makes of them).
    fn ansi16() -> Theme {
        Theme {
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            ..Theme::new(false)
        }
    }

    /// The dark colour theme, or the plain one when `no_color`.
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
