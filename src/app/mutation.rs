//! The changes the TUI asks storage to make: [`crate::domain::change`], under the name the TUI
//! has always used for them.

pub use crate::domain::change::{
    CONFLICT_OURS, CONFLICT_SPLIT, CONFLICT_THEIRS, Change as Mutation, ChangeError, Merged,
    merge_notes, transfer_redirect,
};
