//! The pictures, one key away: the runaround map of the selected case, the directory of its
//! organisation's numbers, and its charts. One overlay, three views; Tab goes from one to the
//! next, the movement keys pick a place or a number, any other key closes it.

use ratatui::crossterm::event::KeyEvent;

use super::Form;
use super::form::InputId;
use super::{Action, App, Effect, Overlay, Scope};
use crate::domain::Field;
use crate::domain::directory::{Directory, Entry};
use crate::domain::map::Map;

/// Which picture is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    Map,
    Numbers,
    Charts,
}

impl Picture {
    /// Every picture, in Tab order.
    pub const ALL: [Picture; 3] = [Picture::Map, Picture::Numbers, Picture::Charts];

    /// The picture an action asks for.
    pub fn of(action: Action) -> Option<Picture> {
        match action {
            Action::Map => Some(Picture::Map),
            Action::Numbers => Some(Picture::Numbers),
            Action::Charts => Some(Picture::Charts),
            _ => None,
        }
    }

    fn step(self, by: usize) -> Picture {
        let i = Picture::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Picture::ALL[(i + by) % Picture::ALL.len()]
    }
}

/// What the pictures overlay shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pictures {
    pub picture: Picture,
    /// The place picked on the map, or the number picked in the directory.
    pub selected: usize,
    /// The directory, once learned (the runtime answers [`Effect::Learn`]).
    pub directory: Option<Directory>,
}

impl App {
    /// Opens the picture `action` asks for (the directory is learned afresh each time).
    pub(super) fn show_picture(&mut self, action: Action) -> Vec<Effect> {
        let Some(picture) = Picture::of(action) else {
            return Vec::new();
        };
        self.overlay = Some(Overlay::Pictures(Pictures {
            picture,
            selected: 0,
            directory: None,
        }));
        vec![Effect::Learn(self.now)]
    }

    /// A key while a picture is shown: the movement keys pick, Tab and the pictures' own keys
    /// change the picture, any other key closes it.
    pub(super) fn picture_key(&mut self, mut p: Pictures, key: KeyEvent) -> Vec<Effect> {
        let action = self.keymap.resolve(key, &[Scope::Help, Scope::Global]);
        match action {
            Some(Action::Down) => p.selected = p.selected.saturating_add(1),
            Some(Action::Up) => p.selected = p.selected.saturating_sub(1),
            Some(Action::PageDown) => p.selected = p.selected.saturating_add(5),
            Some(Action::PageUp) => p.selected = p.selected.saturating_sub(5),
            Some(Action::Top) => p.selected = 0,
            Some(Action::Bottom) => p.selected = usize::MAX,
            Some(Action::NextPane) => {
                p.picture = p.picture.step(1);
                p.selected = 0;
            }
            Some(Action::PrevPane) => {
                p.picture = p.picture.step(Picture::ALL.len() - 1);
                p.selected = 0;
            }
            Some(a) if Picture::of(a).is_some() => {
                if let Some(picture) = Picture::of(a) {
                    if picture == p.picture {
                        return Vec::new();
                    }
                    p.picture = picture;
                    p.selected = 0;
                }
            }
            _ => return Vec::new(),
        }
        p.selected = p.selected.min(self.picture_items(&p).saturating_sub(1));
        self.overlay = Some(Overlay::Pictures(p));
        Vec::new()
    }

    /// How many things picture `p` lets you pick from: the map's places, the directory's
    /// numbers of the selected case's organisation.
    pub fn picture_items(&self, p: &Pictures) -> usize {
        match p.picture {
            Picture::Map => self.selected().map_or(0, |c| Map::of(c).nodes.len()),
            Picture::Numbers => p.directory.as_ref().map_or(0, |d| {
                d.of(self.selected().map(|c| c.organisation.as_str()))
                    .count()
            }),
            Picture::Charts => 0,
        }
    }

    /// The directory learned from every case: shown if the pictures are still up, and
    /// kept for the call forms' suggestions.
    pub(super) fn learned(&mut self, directory: Directory) -> Vec<Effect> {
        if let Some(Overlay::Pictures(p)) = &mut self.overlay {
            p.directory = Some(directory.clone());
        }
        self.directory = Some(directory);
        Vec::new()
    }

    /// Whether a form is open with its number input focused.
    pub fn asks_number(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Form(form))
            if form.inputs.get(form.focus).is_some_and(|i| i.id == InputId::Field(Field::Number)))
    }

    /// What the directory suggests for the number being typed in the open form: the known
    /// numbers of the selected case's organisation that it could be, best first, with their
    /// median hold and how often they sent you elsewhere. Nothing unless the number has the
    /// focus.
    pub fn number_suggestions(&self, most: usize) -> Vec<String> {
        match &self.overlay {
            Some(Overlay::Form(form)) => self
                .suggested(form)
                .into_iter()
                .take(most)
                .map(crate::cli::map::suggestion)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The directory's entries for the number being typed in `form`.
    fn suggested(&self, form: &Form) -> Vec<&Entry> {
        let number = InputId::Field(Field::Number);
        let (Some(input), Some(directory), Some(case)) = (
            form.inputs.get(form.focus).filter(|i| i.id == number),
            &self.directory,
            self.selected(),
        ) else {
            return Vec::new();
        };
        directory.suggest(&case.organisation, &input.value)
    }

    /// Puts the first suggested number into `form`'s number input.
    pub(super) fn take_number(&self, form: &mut Form) {
        let Some(place) = self.suggested(form).first().map(|e| e.place.clone()) else {
            return;
        };
        if let Some(input) = form.inputs.get_mut(form.focus) {
            input.cursor = place.chars().count();
            input.value = place;
        }
    }
}
