//! The names runaround gives its files beside the cases, and how old a leftover must be before
//! it counts as left behind: one place, for the writers that make them and for
//! [`Store::clean_strays`](super::Store::clean_strays), which removes them.

use std::time::Duration;

use super::valid_id;

/// The index of a journal, in its data directory.
pub const INDEX: &str = "index";
/// The suffix of runaround's temp files (`.NAME.XXXXXX.tmp`, beside the file they replace).
pub const TEMP_SUFFIX: &str = ".tmp";
/// How old a temp file beside the cases must be to count as left by a dead process.
pub const STRAY_AGE: Duration = Duration::from_secs(600);
/// How old a notes file handed to an external editor (by an older runaround: `.notes-XXXXXX.txt`)
/// must be to count as left behind: it may be open for a long time in another TUI.
pub const EDIT_AGE: Duration = Duration::from_secs(24 * 3600);

/// The temp file prefix of a file named `name`: `.NAME.`.
pub fn temp_prefix(name: &str) -> String {
    format!(".{name}.")
}

/// The file notes of case `id` are rescued to, when they could not be saved into the case.
pub fn rescued_notes(id: &str) -> String {
    format!("rescued-notes-{id}.txt")
}

/// Whether `name` is a temp file runaround made for `prefix`: exactly the prefix, six random
/// letters and digits, then `.tmp`. Nothing else counts, however much it looks like one: a
/// `.ID.ron.old123` or `.ID.ron.2024v1` is a user's file. (Older builds made temp files
/// without `.tmp`; such leftovers are harmless, as readers pass over them, and are kept.)
pub fn is_temp_of(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The case whose temp file `name` is (`.ID.ron.XXXXXX.tmp`), if it is one.
pub fn case_temp_id(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?;
    let end = rest.find(".ron.")?;
    let id = &rest[..end];
    (valid_id(id) && is_temp_of(name, &temp_prefix(&format!("{id}.ron")))).then_some(id)
}

/// Whether `name`, in the data directory, is a temp file of the index or of rescued notes
/// (removed once [`STRAY_AGE`] old).
pub fn is_stray_beside_cases(name: &str) -> bool {
    is_temp_of(name, &temp_prefix(INDEX))
        || name
            .strip_prefix(".rescued-notes-")
            .and_then(|n| n.split_once(".txt."))
            .is_some_and(|(id, _)| {
                valid_id(id) && is_temp_of(name, &temp_prefix(&rescued_notes(id)))
            })
}

/// Whether `name`, in the data directory, is a copy of notes an older runaround handed to an
/// external editor (removed once [`EDIT_AGE`] old).
pub fn is_editor_copy(name: &str) -> bool {
    name.strip_prefix(".notes-")
        .and_then(|n| n.strip_suffix(".txt"))
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_of_leftovers_are_told_apart_from_the_users_files() {
        assert_eq!(case_temp_id(".abc.ron.x7Yq2Z.tmp"), Some("abc"));
        assert_eq!(case_temp_id(".abc.ron.backup"), None);
        assert_eq!(case_temp_id(".abc.ron.swp"), None);
        assert!(is_stray_beside_cases(".index.Ab3dEf.tmp"));
        assert!(is_stray_beside_cases(".rescued-notes-abc.txt.Ab3dEf.tmp"));
        assert!(!is_stray_beside_cases("rescued-notes-abc.txt"));
        assert!(!is_stray_beside_cases(INDEX));
        assert!(is_editor_copy(".notes-Ab3dEf.txt"));
        assert!(!is_editor_copy(".notes-mine.txt"));
    }
}
