//! One pane on screen: its frame, its title and what it shows.

use crate::storage::CaseFile;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use super::cases::{self, CaseListView};
use super::theme::Theme;
use super::timeline::{self, TimelineView};
use crate::app::{App, Mode, Pane, ViewState};

/// The pane's name on its frame and tab.
pub(super) fn name(p: Pane) -> &'static str {
    match p {
        Pane::Cases => crate::t!("pane-cases"),
        Pane::Timeline => crate::t!("pane-timeline"),
        Pane::Notes => crate::t!("pane-notes"),
    }
}

/// Draws `pane` in `area`: its frame (thick when focused, with the pane tabs on a narrow
/// terminal), its title and what it shows; where it went goes to the view state.
pub(super) fn draw(
    frame: &mut Frame,
    app: &App,
    view_state: &mut ViewState,
    t: &Theme,
    pane: Pane,
    area: Rect,
    tabs: Option<Line<'static>>,
) {
    let focused = app.focus == pane;
    let block = frame_of(app, t, pane, focused, tabs, area.width);
    match pane {
        Pane::Cases => draw_cases(frame, app, view_state, t, area, block),
        Pane::Timeline => draw_timeline(frame, app, view_state, t, area, block),
        Pane::Notes => {
            view_state.hits.notes = Some(area);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            if app.shows_notes() {
                // The editor is drawn always (it keeps where it is scrolled to); out of the
                // editor, the text is drawn over it wrapped at words, no line starting with
                // the space it was wrapped at.
                frame.render_widget(&app.notes.editor, inner);
                let text = app.notes.editor.lines();
                if app.mode != crate::app::Mode::Insert && text.iter().any(|l| !l.is_empty()) {
                    let lines: Vec<Line<'_>> = text.iter().map(|l| Line::raw(l.as_str())).collect();
                    frame.render_widget(ratatui::widgets::Clear, inner);
                    frame.render_widget(
                        ratatui::widgets::Paragraph::new(lines)
                            .wrap(ratatui::widgets::Wrap { trim: false })
                            .scroll((app.notes.editor.scroll_offset().0, 0)),
                        inner,
                    );
                }
            }
        }
    }
}

/// The pane's frame and title: the Cases pane says what the list shows, the Timeline how
/// many events, the Notes whether they are being edited or unsaved.
fn frame_of(
    app: &App,
    t: &Theme,
    pane: Pane,
    focused: bool,
    tabs: Option<Line<'static>>,
    width: u16,
) -> Block<'static> {
    let title = match pane {
        Pane::Cases => {
            let search = if app.search.is_empty() && app.mode != Mode::Search {
                String::new()
            } else if app.wanted_search().is_some() {
                // Titles and organisations match at once; notes and events once read.
                format!(" /{} {}", app.search, crate::t!("pane-searching"))
            } else {
                format!(" /{}", app.search)
            };
            let room = usize::from(width).saturating_sub(4 + Line::raw(search.as_str()).width());
            format!(" {}{search} ", super::filling::cases_title(app, room))
        }
        Pane::Timeline => format!(
            " {} ",
            crate::t!(
                "pane-timeline-title",
                count = app.selected().map_or(0, |c| c.events.len())
            )
        ),
        Pane::Notes => {
            let state = if app.mode == Mode::Insert {
                format!(" {}", crate::t!("pane-notes-editing"))
            } else if app.notes.dirty {
                format!(" {}", crate::t!("pane-notes-unsaved"))
            } else {
                String::new()
            };
            format!(" {}{state} ", crate::t!("pane-notes"))
        }
    };
    let mut block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focus } else { t.border });
    block = match tabs {
        Some(tabs) => block.title(tabs).title_bottom(Line::styled(title, t.dim)),
        None => block.title(Span::styled(title, if focused { t.title } else { t.label })),
    };
    block
}

/// The Cases list; which row shows on which line goes to the view state.
fn draw_cases(
    frame: &mut Frame,
    app: &App,
    view_state: &mut ViewState,
    t: &Theme,
    area: Rect,
    block: Block<'static>,
) {
    let view = CaseListView {
        rows: &app.rows,
        visible: &app.visible,
        now: app.now,
        theme: t,
        block,
    };
    view_state.cases.select(app.case_index);
    let before = view_state.cases;
    frame.render_stateful_widget(view, area, &mut view_state.cases);
    view_state.hits.cases = Some(area);
    // Cases there are, but none shown: say how to see them.
    if app.visible.is_empty() && !app.rows.is_empty() {
        let text = if app.search.is_empty() {
            crate::t!(
                "cases-none-shown",
                filter = app.filter.label(),
                key = app.keymap.key_of(crate::app::Action::Filter)
            )
        } else {
            crate::t!(
                "cases-none-match",
                key = app.keymap.key_of(crate::app::Action::CancelSearch)
            )
        };
        let inner = Block::bordered().inner(area);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(ratatui::text::Span::styled(text, t.dim))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
    }
    view_state.hits.case_lines =
        cases::rows_on_screen(area, &before, &view_state.cases, app.visible.len());
}

/// The Timeline of the selected case (or why its file cannot be read); which event shows on
/// which line goes to the view state.
fn draw_timeline(
    frame: &mut Frame,
    app: &App,
    view_state: &mut ViewState,
    t: &Theme,
    area: Rect,
    block: Block<'static>,
) {
    let row = app.selected_row();
    let problem = match row {
        Some(CaseFile::Unreadable { id, problem, .. }) => Some((id.as_str(), problem.to_string())),
        _ => None,
    };
    let view = TimelineView {
        case: app.selected(),
        unreadable: problem.as_ref().map(|(id, why)| (*id, why.as_str())),
        now: app.now,
        theme: t,
        block,
        date_format: app.prefs.date_format.as_deref(),
        keymap: &app.keymap,
    };
    let events = view.case.map_or(0, |c| c.events.len());
    let inner = view.block.inner(area);
    view_state.timeline.select(app.event_index);
    // After a delete or a resize the list starts no later than where its end fills the
    // pane: no blank rows above the end.
    let list_rows = usize::from(inner.height.saturating_sub(timeline::detail_rows(
        inner,
        app.selected(),
        app.event_index,
        app.now,
    )));
    let latest_start = events.saturating_sub(list_rows.max(1));
    if view_state.timeline.offset() > latest_start {
        *view_state.timeline.offset_mut() = latest_start;
    }
    frame.render_stateful_widget(view, area, &mut view_state.timeline);
    view_state.hits.timeline = Some(area);
    if events > 0 {
        let lines = inner.height.saturating_sub(timeline::detail_rows(
            inner,
            app.selected(),
            app.event_index,
            app.now,
        ));
        let offset = view_state.timeline.offset();
        view_state.hits.event_lines = (0..usize::from(lines))
            .map(|i| Some(offset + i).filter(|&e| e < events))
            .collect();
    }
}
