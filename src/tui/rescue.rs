//! Notes that could not be saved into their case are never dropped: they go to the case's
//! rescue file, and the user is told where.

use crate::app::Mutation;
use crate::storage::Store;

/// Puts notes that could not be saved into case `id`'s rescue file; says where.
pub fn keep(store: &Store, id: &str, text: &str) -> String {
    match store.rescue_notes(id, text) {
        Ok(path) => crate::t!("rescue-kept", path = path.display().to_string()),
        Err(e) => crate::t!("rescue-failed", error = e.to_string()),
    }
}

/// Saves `save` (the typed notes of a case) on the way out. When that fails, the text goes to
/// the rescue file so it is never lost; the returned message, for standard error, says where.
pub fn save_on_exit(store: &Store, save: Option<(String, Mutation)>) -> Option<String> {
    let (id, mutation) = save?;
    let error = store.update(&id, |case| mutation.apply(case)).err()?;
    let text = match &mutation {
        Mutation::SetNotes { text, .. } => text.as_str(),
        _ => "",
    };
    Some(crate::t!(
        "rescue-on-exit",
        id = id.as_str(),
        error = error.to_string(),
        kept = keep(store, &id, text)
    ))
}
