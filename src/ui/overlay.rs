//! What is drawn over the panes: forms, the help, the delete and quit confirmations.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::form::Form;
use crate::app::keymap::{Keymap, Scope};
use crate::export::text::event_line;

/// A box of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub(super) fn frame_block<'a>(title: &'a str, t: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {title} "), t.title))
}

/// Draws a form and places the cursor in its focused text input. The focused input is marked
/// `▸`; an error sits under the input it is about; a form taller than the screen scrolls to
/// keep the focused input in sight.
pub fn form(frame: &mut Frame, area: Rect, form: &Form, keymap: &Keymap, t: &Theme) {
    let label_w = form
        .inputs
        .iter()
        .map(|i| Line::raw(i.label).width())
        .max()
        .unwrap_or(0)
        + 2;
    let box_w = 76.min(area.width);
    let inner_w = usize::from(box_w.saturating_sub(2)).max(1);
    let mut lines = Vec::new();
    let mut focus_row = 0;
    // Lines are wrapped here, not by the paragraph, so that each is one row on screen.
    let wrapped = |text: &str, indent: usize| -> Vec<String> {
        super::clocks::wrap(&format!("{:indent$}{text}", ""), inner_w)
    };
    for (i, input) in form.inputs.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_row = lines.len();
        }
        let marker = if focused { "▸" } else { " " };
        let label = Span::styled(
            format!("{marker}{:>w$} ", input.label, w = label_w - 1),
            if focused { t.value } else { t.label },
        );
        let value = if input.choices.is_empty() {
            if input.value.is_empty() {
                Span::styled(input.placeholder, t.dim)
            } else {
                Span::raw(input.value.as_str())
            }
        } else {
            let shown = if input.value.is_empty() {
                "—".to_string()
            } else {
                crate::app::words::choice_word(input.id, &input.value)
            };
            Span::styled(
                format!("‹ {shown} ›"),
                if focused { t.selected } else { t.value },
            )
        };
        lines.push(Line::from(vec![label, value]));
        if let Some((at, value, note)) = &form.proposed
            && *at == input.id
            && *value == input.value
        {
            for piece in wrapped(note, label_w + 1) {
                lines.push(Line::styled(piece, t.dim));
            }
        }
        if let Some(error) = &form.error
            && form.error_at == Some(input.id)
        {
            for piece in wrapped(error, label_w + 1) {
                lines.push(Line::styled(piece, t.bad));
            }
        }
    }
    lines.push(Line::raw(""));
    if let Some(error) = &form.error
        && form.error_at.is_none()
    {
        for piece in wrapped(error, 0) {
            lines.push(Line::styled(piece, t.bad));
        }
    }
    for piece in wrapped(&keymap.form_hint(), 0) {
        lines.push(Line::styled(piece, t.dim));
    }
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let r = centered(area, 76, total.saturating_add(3));
    frame.render_widget(Clear, r);
    let block = frame_block(&form.title, t);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    // The focused input and the line under it (its error) stay in sight.
    let focus_row = u16::try_from(focus_row).unwrap_or(u16::MAX);
    let scroll = (focus_row + 2)
        .saturating_sub(inner.height)
        .min(total.saturating_sub(inner.height))
        .min(focus_row);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    if let Some(input) = form.inputs.get(form.focus)
        && input.choices.is_empty()
    {
        let before: String = input.value.chars().take(input.cursor).collect();
        let x = inner.x + label_w as u16 + 1 + ratatui::text::Line::raw(before).width() as u16;
        let y = inner.y + focus_row - scroll;
        if x < inner.right() && y < inner.bottom() {
            frame.set_cursor_position(Position { x, y });
        }
    }
}

/// How wide the help is at most.
const HELP_WIDTH: u16 = 84;

/// Draws the help: every binding of the keymap, by scope. When it does not fit, it shows
/// from line `scroll` on (clamped here to the last screenful) and says there is more.
pub fn help(frame: &mut Frame, area: Rect, keymap: &Keymap, scroll: &mut u16, t: &Theme) {
    let rows = keymap.help_rows();
    // The columns a description has beside its keys inside the box.
    let room = usize::from(HELP_WIDTH.min(area.width).saturating_sub(2 + 14)).max(10);
    let mut lines = Vec::new();
    for (scope, name) in [
        (Scope::Global, crate::t!("keys-help-anywhere")),
        (Scope::Cases, crate::t!("keys-help-cases")),
        (Scope::Timeline, crate::t!("keys-help-timeline")),
        (Scope::Notes, crate::t!("keys-help-notes")),
        (Scope::Call, crate::t!("keys-help-during-a-call")),
        (Scope::Form, crate::t!("keys-help-in-a-form")),
    ] {
        lines.push(Line::from(Span::styled(name, t.title)));
        for (_, keys, help) in rows.iter().filter(|(s, _, _)| *s == scope) {
            // A description too long for the box goes on under itself, not off its edge.
            for (i, piece) in super::clocks::wrap(help, room).into_iter().enumerate() {
                let keys = if i == 0 { keys.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:>10}  "), t.value),
                    Span::styled(piece, t.label),
                ]));
            }
        }
    }
    lines.push(Line::from(Span::styled(
        crate::t!(
            "keys-help-editing-notes",
            keys = keymap.spoken_help(Scope::Insert)
        ),
        t.dim,
    )));
    lines.push(Line::from(Span::styled(
        crate::t!("keys-help-any-key"),
        t.dim,
    )));
    scrolled(
        frame,
        area,
        HELP_WIDTH,
        crate::t!("keys-help-title"),
        lines,
        keymap,
        scroll,
        t,
    );
}

/// A framed overlay of `lines`, `width` wide at most, centred in `area` and scrolled by
/// `scroll` (clamped here to what can be scrolled); when it does not fit, its bottom edge says
/// how much more there is and which keys scroll it. The help and the clocks view use it.
#[allow(clippy::too_many_arguments)]
pub(super) fn scrolled(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    title: &str,
    lines: Vec<Line>,
    keymap: &Keymap,
    scroll: &mut u16,
    t: &Theme,
) {
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let r = centered(area, width, total.saturating_add(2));
    let shown = r.height.saturating_sub(2);
    *scroll = (*scroll).min(total.saturating_sub(shown));
    let mut block = frame_block(title, t);
    if total > shown {
        let below = total - shown - *scroll;
        let (up, down) = (
            keymap.key_of(crate::app::Action::Up),
            keymap.key_of(crate::app::Action::Down),
        );
        let more = match (*scroll > 0, below > 0) {
            (_, true) => format!(
                " {} ",
                crate::t!("scroll-more", count = below, down = down, up = up)
            ),
            (true, false) => format!(" {} ", crate::t!("scroll-back", up = up)),
            (false, false) => String::new(),
        };
        block = block.title_bottom(Line::styled(more, t.dim).right_aligned());
    }
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(lines).scroll((*scroll, 0)).block(block), r);
}

/// A question in a box: its text on top (wrapped, cut when the box is too small) and the
/// instruction on the bottom line, always in sight.
fn question(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    text: Vec<Line>,
    instruction: Line,
    t: &Theme,
) {
    let inner_w = usize::from(72.min(area.width).saturating_sub(2)).max(1);
    let text_rows: usize = text
        .iter()
        .map(|l| {
            let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            super::clocks::wrap(&plain, inner_w).len()
        })
        .sum();
    let text_rows = u16::try_from(text_rows).unwrap_or(u16::MAX);
    let r = centered(area, 72, text_rows.saturating_add(4));
    frame.render_widget(Clear, r);
    let block = frame_block(title, t);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [text_area, _, instruction_area] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(u16::from(inner.height >= 3)),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), text_area);
    frame.render_widget(Paragraph::new(instruction), instruction_area);
}

/// Asks before an edit changes an event's kind and drops fields.
pub fn confirm_kind(
    frame: &mut Frame,
    area: Rect,
    question_text: &str,
    keymap: &Keymap,
    t: &Theme,
) {
    let instruction = Line::from(vec![
        Span::styled(keymap.key_of(crate::app::Action::Yes), t.value),
        Span::styled(format!(" {}", crate::t!("confirm-kind-yes")), t.label),
    ]);
    question(
        frame,
        area,
        crate::t!("confirm-kind-title"),
        vec![Line::raw(question_text)],
        instruction,
        t,
    );
}

/// Asks before deleting an event. The instruction keeps its line at the bottom however long
/// the event: the event's text gets what room is left.
pub fn confirm_delete(
    frame: &mut Frame,
    area: Rect,
    event: &crate::domain::Event,
    keymap: &Keymap,
    now: chrono::DateTime<chrono::Utc>,
    t: &Theme,
) {
    let instruction = Line::from(vec![
        Span::styled(keymap.key_of(crate::app::Action::Yes), t.value),
        Span::styled(
            format!(
                " {}",
                crate::t!(
                    "confirm-delete-yes",
                    key = keymap.key_of(crate::app::Action::Undo)
                )
            ),
            t.label,
        ),
    ]);
    question(
        frame,
        area,
        crate::t!("confirm-delete-title"),
        vec![Line::raw(event_line(event, None, now))],
        instruction,
        t,
    );
}

/// Asks before starting a call while the call of case `title` still runs.
pub fn confirm_call(frame: &mut Frame, area: Rect, title: &str, keymap: &Keymap, t: &Theme) {
    let instruction = Line::from(vec![
        Span::styled(keymap.key_of(crate::app::Action::Yes), t.value),
        Span::styled(format!(" {}", crate::t!("confirm-call-yes")), t.label),
    ]);
    question(
        frame,
        area,
        crate::t!("confirm-call-title"),
        vec![Line::raw(crate::t!("confirm-call-text", title = title))],
        instruction,
        t,
    );
}

/// Says where the letter was written and asks whether to log it as sent.
pub fn confirm_letter(frame: &mut Frame, area: Rect, path: &str, keymap: &Keymap, t: &Theme) {
    let instruction = Line::from(vec![
        Span::styled(keymap.key_of(crate::app::Action::Yes), t.value),
        Span::styled(format!(" {}", crate::t!("letters-confirm-yes")), t.label),
    ]);
    question(
        frame,
        area,
        crate::t!("letters-confirm-title"),
        vec![
            Line::raw(crate::t!("letters-written", path = path)),
            Line::raw(crate::t!("letters-log-question")),
        ],
        instruction,
        t,
    );
}

/// Asks before quitting while typed notes could not be saved; `kept` says where they are.
pub fn confirm_quit(frame: &mut Frame, area: Rect, kept: &str, keymap: &Keymap, t: &Theme) {
    let instruction = Line::from(vec![
        Span::styled(keymap.key_of(crate::app::Action::Yes), t.value),
        Span::styled(format!(" {}", crate::t!("confirm-quit-yes")), t.label),
    ]);
    question(
        frame,
        area,
        crate::t!("confirm-quit-title"),
        vec![
            Line::styled(crate::t!("confirm-quit-text"), t.label),
            Line::raw(kept.to_string()),
        ],
        instruction,
        t,
    );
}
