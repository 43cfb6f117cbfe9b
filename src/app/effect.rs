//! What the app asks the runtime to do: every read, write, search and terminal hand-over is an
//! [`Effect`], and the runtime's executor is the only code that carries them out.

use super::Mutation;
use crate::domain::Case;

/// Something for the runtime to do. Effects are carried out in order, and the messages each
/// one answers with are handled before the next one starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read case `id` in full: answered by [`super::Msg::Opened`], [`super::Msg::Unreadable`]
    /// or [`super::Msg::Gone`].
    Open(String),
    /// Look for `query` (lowercase) in the text of every case file: answered (perhaps later)
    /// by [`super::Msg::Found`].
    Search(String),
    /// Change case `id` under its lock: answered by [`super::Msg::Saved`] or
    /// [`super::Msg::Failed`].
    Mutate { id: String, mutation: Mutation },
    /// Create a case: answered by [`super::Msg::Created`] or [`super::Msg::Failed`].
    Create(Case),
    /// Let the user edit case `id`'s notes, which are `text`, in their own editor, then save
    /// what they wrote as [`Mutation::SetNotes`] based on `text` (so that changes made
    /// meanwhile elsewhere are merged): answered by [`super::Msg::Edited`].
    EditNotes { id: String, text: String },
    /// Open the attached file of content `sha256` (first named `name`) with the system's
    /// opener, the terminal handed over meanwhile: answered by [`super::Msg::OpenedFile`].
    OpenAttachment { sha256: String, name: String },
    /// Hand the terminal back and stop the process (as Ctrl-Z does in a shell); on `fg`, take
    /// the terminal back and draw everything again.
    Suspend,
    /// Quit once the effects before this one are done: answered by [`super::Msg::Quit`], so
    /// that the app can still ask first when typed notes could not be saved.
    Quit,
    /// Stop the runtime now.
    Exit,
    /// Write letter `text` of case `id` to a new file in the journal's `letters/` directory:
    /// answered by [`super::Msg::LetterWritten`] or [`super::Msg::Failed`].
    WriteLetter { id: String, text: String },
    /// Learn the directory of numbers from every case, as of this moment: answered by
    /// [`super::Msg::Learned`].
    Learn(chrono::DateTime<chrono::Utc>),
}
