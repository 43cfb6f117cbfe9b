//! The TUI's core: one [`App`] state, one [`Msg`] type, and one [`update`] that does no I/O
//! but answers every message with the [`Effect`]s for the runtime to carry out. Keys resolve
//! to [`Action`]s through the keymap.

pub mod attachments;
mod effect;
mod filling;
pub mod form;
pub mod forms;
pub mod keymap;
mod model;
pub mod mouse;
mod msg;
pub mod mutation;
mod next;
pub mod notes;
pub mod pictures;
pub mod search;
pub mod term;
mod update;
pub mod view;
pub mod words;

pub use effect::Effect;
pub use filling::Filling;
pub use form::{Form, FormOutcome, Purpose};
pub use keymap::{Action, Scope};
pub use model::{App, Filter, Message, Mode, Overlay, Pane, Prefs, Row, Undo};
pub use msg::{Edited, Merge, Msg, Target};
pub use mutation::Mutation;
pub use notes::Notes;
pub use pictures::{Picture, Pictures};
pub use update::update;
pub use view::{Hits, ViewState};
