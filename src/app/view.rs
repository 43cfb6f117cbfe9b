//! What only the screen needs: where the lists are scrolled, how far the help is scrolled, and
//! where the last frame put things for the mouse. Drawing writes here and reads the model; the
//! model never depends on it except through the mouse's hit-testing.

use ratatui::layout::Rect;
use ratatui::widgets::ListState;

use super::Pane;

/// The view state: kept between frames, written by drawing.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The Cases list as drawn (its offset; the selection is the model's).
    pub cases: ListState,
    /// The Timeline list as drawn.
    pub timeline: ListState,
    /// How far the help is scrolled down (clamped to the last screenful when drawn).
    pub help_scroll: u16,
    /// Where the last frame put things.
    pub hits: Hits,
}

/// Where the panes were drawn on the last frame, so that the mouse can find what it points at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    pub cases: Option<Rect>,
    pub timeline: Option<Rect>,
    pub notes: Option<Rect>,
    /// For each line inside the Cases pane's border, the index into `visible` shown there.
    pub case_lines: Vec<Option<usize>>,
    /// For each line inside the Timeline pane's border, the event shown there.
    pub event_lines: Vec<Option<usize>>,
    /// Where the pane tabs are, when only one pane shows.
    pub tabs: Vec<(Pane, Rect)>,
}
