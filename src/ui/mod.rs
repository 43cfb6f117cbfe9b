//! Drawing: functions of the model and the moment. Small view structs borrow what they show;
//! what only the screen needs (list offsets, the help's scroll, where things were drawn) is the
//! view state, the only thing drawing writes.

pub mod attachments;
pub mod cases;
pub mod charts;
pub mod clocks;
mod filling;
pub mod header;
pub mod map;
pub mod numbers;
pub mod overlay;
mod pane;
mod suggest;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::app::{Action, App, Hits, Mode, Overlay, Pane, Scope, ViewState};
use header::HeaderView;
use theme::Theme;

/// Below this size the app shows "terminal too small" instead of its panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the three panes sit side by side; below it only the focused one shows.
const SIDE_BY_SIDE: u16 = 70;

/// Draws the whole screen of `app`, keeping its view state (and nothing else) up to date.
pub fn draw(frame: &mut Frame, app: &mut App, theme: &Theme) {
    let mut view = std::mem::take(&mut app.view);
    render(frame, app, &mut view, theme);
    app.view = view;
}

/// Draws the whole screen of the model `app`; the list offsets, the help's scroll and where
/// things were drawn go to `view`.
#[allow(clippy::too_many_lines)] // one arm per overlay
pub fn render(frame: &mut Frame, app: &App, view: &mut ViewState, theme: &Theme) {
    let area = frame.area();
    view.hits = Hits::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    // The rules' words for the header, once a frame (a report for one case is cheap).
    let escalation = app
        .selected()
        .map(|c| clocks::escalation(c, &app.packs, app.now));
    let header_h = header::height(app.selected(), escalation.as_ref(), app.now, area);
    let [header_area, body, hint_area] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        HeaderView {
            case: app.selected(),
            now: app.now,
            theme,
            demo: app.demo,
            keymap: &app.keymap,
            escalation: escalation.as_ref(),
            clock_row: header::shows_clock(escalation.as_ref(), area),
        },
        header_area,
    );
    if app.rows.is_empty() && !app.demo {
        first_run(frame, app, theme, body);
    } else if body.width >= SIDE_BY_SIDE {
        let cases_w = (body.width * 34 / 100).clamp(26, 48);
        let [left, right] =
            Layout::horizontal([Constraint::Length(cases_w), Constraint::Min(10)]).areas(body);
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(right);
        pane::draw(frame, app, view, theme, Pane::Cases, left, None);
        pane::draw(frame, app, view, theme, Pane::Timeline, top, None);
        pane::draw(frame, app, view, theme, Pane::Notes, bottom, None);
    } else {
        let tabs = Line::from(
            Pane::ALL
                .iter()
                .map(|p| {
                    Span::styled(
                        format!(" {} ", pane::name(*p)),
                        if *p == app.focus {
                            theme.border_focus
                        } else {
                            theme.dim
                        },
                    )
                })
                .collect::<Vec<_>>(),
        );
        pane::draw(frame, app, view, theme, app.focus, body, Some(tabs));
        // The tabs sit on the top border, after its corner: the mouse can pick them.
        let mut x = body.x + 1;
        for pane in Pane::ALL {
            let width = Line::raw(pane::name(pane)).width() as u16 + 2;
            let tab = Rect::new(x, body.y, width, 1).intersection(body);
            if !tab.is_empty() {
                view.hits.tabs.push((pane, tab));
            }
            x = x.saturating_add(width);
        }
    }
    hint_line(frame, app, theme, hint_area);
    match &app.overlay {
        Some(Overlay::Help) => {
            overlay::help(frame, area, &app.keymap, &mut view.help_scroll, theme);
        }
        Some(Overlay::Clocks) => clocks::draw(
            frame,
            area,
            app.selected(),
            &app.packs,
            app.now,
            &app.keymap,
            &mut view.help_scroll,
            theme,
        ),
        Some(Overlay::Form(form)) => {
            overlay::form(frame, area, form, &app.keymap, theme);
            suggest::draw(frame, area, app, form, theme);
        }
        Some(Overlay::Pictures(pictures)) => map::draw(frame, area, app, pictures, theme),
        Some(Overlay::Attachments { selected }) => {
            attachments::draw(frame, area, app.selected(), *selected, &app.keymap, theme);
        }
        Some(Overlay::ConfirmDelete { event, .. }) => {
            overlay::confirm_delete(frame, area, event, &app.keymap, app.now, theme);
        }
        Some(Overlay::ConfirmKind { question, .. }) => {
            overlay::confirm_kind(frame, area, question, &app.keymap, theme);
        }
        Some(Overlay::ConfirmCall { title }) => {
            overlay::confirm_call(frame, area, title, &app.keymap, theme);
        }
        Some(Overlay::ConfirmLetter { path, .. }) => {
            overlay::confirm_letter(frame, area, path, &app.keymap, theme);
        }
        Some(Overlay::ConfirmQuit { kept }) => {
            overlay::confirm_quit(frame, area, kept, &app.keymap, theme);
        }
        None => {}
    }
}

/// A terminal too small for the panes: says so, and how big it must be.
fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::raw(crate::t!("screen-too-small")),
        Line::raw(crate::t!(
            "screen-needs",
            size = format!("{}x{}", area.width, area.height),
            needs = format!("{MIN_WIDTH}x{MIN_HEIGHT}")
        )),
    ];
    frame.render_widget(Paragraph::new(text).centered(), area);
}

/// An empty journal: what runaround is for and how to begin.
fn first_run(frame: &mut Frame, app: &App, t: &Theme, area: Rect) {
    use crate::app::Action;
    let key = |action: Action| app.keymap.key_of(action);
    let row = |keys: String, what: &'static str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<16} "), t.value),
            Span::styled(what, t.label),
        ])
    };
    let lines = vec![
        Line::styled(crate::t!("welcome-title"), t.title),
        Line::raw(""),
        Line::styled(crate::t!("welcome-text"), t.label),
        Line::raw(""),
        row(key(Action::NewCase), crate::t!("welcome-new-case")),
        row("runaround demo".into(), crate::t!("welcome-demo")),
        row(key(Action::Help), crate::t!("welcome-help")),
        row(key(Action::Quit), crate::t!("welcome-quit")),
    ];
    let r = overlay::centered(area, 76, 12);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(
                Block::bordered()
                    .border_type(BorderType::Rounded)
                    .border_style(t.border_focus)
                    .title(Span::styled(
                        format!(" {} ", crate::t!("welcome-frame")),
                        t.title,
                    )),
            ),
        r,
    );
}

fn hint_line(frame: &mut Frame, app: &App, t: &Theme, area: Rect) {
    if let Some(m) = &app.message {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {} ", m.text),
                if m.error { t.error } else { t.warn },
            )),
            area,
        );
        return;
    }
    let line = match app.mode {
        Mode::Insert => Line::styled(
            format!(
                " {}",
                crate::t!(
                    "hint-editing-notes",
                    keys = app.keymap.spoken_hints(Scope::Insert)
                )
            ),
            t.dim,
        ),
        Mode::Search => Line::styled(
            format!(
                " {}",
                crate::t!(
                    "hint-searching",
                    keys = app.keymap.spoken_hints(Scope::Search)
                )
            ),
            t.dim,
        ),
        Mode::Normal => {
            let mut spans = Vec::new();
            // Without a case to act on, logging and calling are not offered.
            let case = app.writable().is_ok();
            let useful = |a: Action| case || !matches!(a, Action::LogEvent | Action::StartCall);
            // Only whole hints: one that does not fit is left out with the ones after it.
            let mut room = usize::from(area.width);
            for (key, word) in app.keymap.hints_for(&app.scopes(), useful) {
                let (key, word) = (format!(" {key}"), format!(" {word} "));
                let width = Line::raw(key.as_str()).width() + Line::raw(word.as_str()).width();
                if width > room {
                    break;
                }
                room -= width;
                spans.push(Span::styled(key, t.value));
                spans.push(Span::styled(word, t.dim));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
