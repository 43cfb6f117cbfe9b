//! The numbers the directory suggests while a form asks for one: a small box under the form
//! (above it when there is no room below), each with its median hold and how often it sent
//! you elsewhere.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::overlay::centered;
use super::theme::Theme;
use crate::app::{App, Form};
use crate::t;

/// The most suggestions shown.
const MOST: usize = 4;

/// Draws the suggestions for `form`, drawn over `area` (as the form overlay places it).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &Form, t: &Theme) {
    let suggestions = app.number_suggestions(MOST);
    if suggestions.is_empty() {
        return;
    }
    // Where the form is: as the form overlay centres it.
    let rows = u16::try_from(form.inputs.len()).unwrap_or(u16::MAX)
        + if form.error.is_some() { 3 } else { 2 }
        + 1;
    let r = centered(area, 76, rows + 2);
    let height = u16::try_from(suggestions.len()).unwrap_or(0) + 2;
    let y = if r.bottom() + height <= area.bottom() {
        r.bottom()
    } else if r.y >= area.y + height {
        r.y - height
    } else {
        return;
    };
    let box_area = Rect { y, height, ..r };
    let lines: Vec<Line> = suggestions
        .into_iter()
        .map(|s| Line::from(Span::styled(s, t.value)))
        .collect();
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(t.border)
                .title(Span::styled(
                    format!(
                        " {} ",
                        t!(
                            "pictures-suggested",
                            key = app.keymap.key_of(crate::app::Action::TakeNumber)
                        )
                    ),
                    t.dim,
                )),
        ),
        box_area,
    );
}
