//! `attach`: files kept as evidence of a case (copied into the journal, by content), their
//! removal (an amendment: the case keeps that it was removed, and when), their list, and
//! `export --format dir`, the dossier with its attachments and a checksum list.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::args::AttachArgs;
use super::{CliError, load_resolved, resolve_id};
use crate::domain::text::clean;
use crate::domain::{Attachment, Case};
use crate::export::attachments::listed;
use crate::i18n::fmt;
use crate::storage::attachments::{AttachError, bundle_name, sha256_hex};
use crate::storage::{Store, UpdateError, new_event_id};
use crate::t;

/// Runs `attach`: attaches FILE, removes `--remove ID`, or (with neither) lists.
pub fn attach(store: &Store, now: DateTime<Utc>, args: &AttachArgs) -> Result<String, CliError> {
    if let Some(which) = &args.remove {
        return remove(store, now, &args.case, which);
    }
    let Some(file) = &args.file else {
        let (case, _) = load_resolved(store, &args.case)?;
        return Ok(list(&case));
    };
    let (case, _) = load_resolved(store, &args.case)?;
    // Checked before anything is written.
    if let Some(event) = &args.event {
        event_id(&case, event)?;
    }
    let stored = store.store_attachment(file).map_err(failed)?;
    let id = new_event_id()?;
    let label = args.label.clone().unwrap_or_default();
    let event = args.event.clone();
    let result = store.update(&case.id, |c| {
        let event = event.as_deref().map(|e| event_id(c, e)).transpose()?;
        c.attachments.push(Attachment {
            id: id.clone(),
            sha256: stored.sha256.clone(),
            size: stored.size,
            name: stored.name.clone(),
            label: label.clone(),
            added: now,
            event: event.unwrap_or_default(),
            removed: None,
        });
        Ok::<_, CliError>(())
    });
    match result {
        Ok(_) => Ok(format!("{id}\n")),
        Err(e) => {
            // The copy is not left behind for a case that did not take it.
            let _ = store.collect_attachment(&stored.sha256);
            Err(match e {
                UpdateError::Storage(e) => e.into(),
                UpdateError::Change(e) => e,
            })
        }
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(failed)`
fn failed(e: AttachError) -> CliError {
    CliError::Failed(e.to_string())
}

/// The id of the event `which` names in `case`: its number in the timeline as `show` lists
/// it, or its id (or the start of one, when only one event's id starts so).
fn event_id(case: &Case, which: &str) -> Result<String, CliError> {
    let none = || {
        CliError::Usage(t!(
            "attach-no-event",
            case = case.id.as_str(),
            event = which
        ))
    };
    if let Ok(n) = which.parse::<usize>() {
        return n
            .checked_sub(1)
            .and_then(|i| case.events.get(i))
            .map(|e| e.id.clone())
            .filter(|id| !id.is_empty())
            .ok_or_else(none);
    }
    let mut found = case
        .events
        .iter()
        .filter(|e| !which.is_empty() && e.id.starts_with(which));
    match (found.next(), found.next()) {
        (Some(e), None) => Ok(e.id.clone()),
        _ => Err(none()),
    }
}

/// Removes attachment `which` (its id, or the start of one) from case `query`: the record
/// stays with when it was removed; the file goes when no case attaches it any more.
fn remove(store: &Store, now: DateTime<Utc>, query: &str, which: &str) -> Result<String, CliError> {
    let id = resolve_id(store, query)?;
    let (removed, _) = store
        .update(&id, |c| {
            let mut live = c
                .attachments
                .iter_mut()
                .filter(|a| a.is_live() && !which.is_empty() && a.id.starts_with(which));
            match (live.next(), live.next()) {
                (Some(a), None) => {
                    a.removed = Some(now);
                    Ok((a.id.clone(), a.sha256.clone()))
                }
                _ => Err(CliError::Usage(t!(
                    "attach-no-such",
                    case = id.as_str(),
                    id = which
                ))),
            }
        })
        .map_err(|e| match e {
            UpdateError::Storage(e) => CliError::from(e),
            UpdateError::Change(e) => e,
        })?;
    store.collect_attachment(&removed.1)?;
    Ok(t!(
        "attach-removed",
        id = removed.0.as_str(),
        case = id.as_str()
    ) + "\n")
}

/// The attachments of `case`, one a line: id, size, the start of the hash, what it is; then
/// the removed ones with when.
fn list(case: &Case) -> String {
    if case.attachments.is_empty() {
        return t!("attach-none", case = case.id.as_str()) + "\n";
    }
    let mut out = String::new();
    for a in &case.attachments {
        let mut line = t!(
            "attach-list-line",
            id = a.id.as_str(),
            size = fmt::number(a.size),
            sha = &a.sha256[..a.sha256.len().min(12)],
            title = a.title()
        );
        if let Some(at) = a.removed {
            line.push_str(&t!(
                "attach-list-removed",
                when = fmt::date(&at.with_timezone(&chrono::Local), "%Y-%m-%d %H:%M")
            ));
        }
        out.push_str(&clean(&line));
        out.push('\n');
    }
    out
}

/// Warns about the attachments of `case` whose files this journal does not have (after an
/// import from another machine: their files are copied separately).
pub fn warn_missing(store: &Store, case: &Case) {
    for a in store.missing_attachments(case) {
        let warning = t!(
            "attach-import-missing",
            case = case.id.as_str(),
            id = a.id.as_str(),
            name = a.name.as_str(),
            sha = a.sha256.as_str()
        );
        eprintln!("{}", t!("cli-warning", text = clean(&warning)));
    }
}

/// `export --format dir OUTDIR`: the Markdown and HTML dossiers, the attachments beside it under
/// `attachments/`, and `SHA256SUMS` (the format `sha256sum -c` checks). OUTDIR must be new or
/// empty; every attachment is read (and its hash checked) before anything is written.
pub fn export_dir(
    store: &Store,
    case: &Case,
    dossier: &str,
    html: &str,
    out: Option<&Path>,
) -> Result<(), CliError> {
    let Some(out) = out else {
        return Err(CliError::Usage(t!("attach-dir-needs-output").to_string()));
    };
    let fail = |e: &dyn std::fmt::Display| {
        CliError::Failed(t!(
            "cli-cannot-write",
            path = out.display().to_string(),
            error = e.to_string()
        ))
    };
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(CliError::Failed(t!(
                    "attach-dir-not-empty",
                    path = out.display().to_string()
                )));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(&e)),
    }
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("dossier.md".into(), dossier.as_bytes().into()),
        ("dossier.html".into(), html.as_bytes().into()),
    ];
    for (i, a) in listed(case).into_iter().enumerate() {
        let bytes = store
            .attachment_path(&a.sha256)
            .and_then(|p| std::fs::read(p).ok())
            .filter(|b| sha256_hex(b) == a.sha256)
            .ok_or_else(|| {
                CliError::Failed(t!(
                    "attach-file-missing",
                    id = a.id.as_str(),
                    name = a.name.as_str(),
                    sha = a.sha256.as_str()
                ))
            })?;
        files.push((bundle_name(i + 1, a), bytes));
    }
    let mut sums = String::new();
    for (name, bytes) in &files {
        sums.push_str(&sha256_hex(bytes));
        sums.push_str("  ");
        sums.push_str(name);
        sums.push('\n');
    }
    files.push(("SHA256SUMS".into(), sums.into_bytes()));
    crate::storage::create_private(&out.join("attachments")).map_err(|e| fail(&e))?;
    for (name, bytes) in &files {
        crate::storage::write_file(&out.join(name), bytes).map_err(|e| fail(&e))?;
    }
    Ok(())
}

/// `export --format dir`: the Markdown dossier as `export --format md` writes it, bundled.
pub fn export(
    store: &Store,
    mut case: Case,
    now: DateTime<Utc>,
    read_only: Option<&str>,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let d = super::dossier_of(&mut case, now, read_only);
    let (md, html) = (
        clean(&crate::export::markdown::render(&d)),
        clean(&crate::export::html::render(&d)),
    );
    export_dir(store, &case, &md, &html, output)
}
