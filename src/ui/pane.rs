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
    let block = frame_of(app, t, pane, focused, tabs);
    match pane {
        Pane::Cases => draw_cases(frame, app, view_state, t, area, block),
        Pane::Timeline => draw_timeline(frame, app, view_state, t, area, block),
        Pane::Notes => {
            view_state.hits.notes = Some(area);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            if app.shows_notes() {
                frame.render_widget(&app.notes.editor, inner);
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
            format!(
                " {}{search} ",
                crate::t!(
                    "pane-cases-title",
                    count = app.visible.len(),
                    filter = app.filter.label()
                )
            )
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
    frame.render_stateful_widget(view, area, &mut view_state.timeline);
    view_state.hits.timeline = Some(area);
    if events > 0 {
        let lines = inner
            .height
            .saturating_sub(timeline::detail_rows(inner.height));
        let offset = view_state.timeline.offset();
        view_state.hits.event_lines = (0..usize::from(lines))
            .map(|i| Some(offset + i).filter(|&e| e < events))
            .collect();
    }
}
