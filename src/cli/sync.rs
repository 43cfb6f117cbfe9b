//! `runaround sync`: the journal's copies on several machines kept together through git, run
//! as a program (SPEC §9). The data directory is the repository; its case files merge with
//! runaround's own merge driver (`runaround merge-driver %O %A %B`, registered in the
//! repository's `.git/config` and `.gitattributes`), which joins two versions of a case with
//! [`crate::domain::merge`]. It never forces a push or rewrites history; a merge it cannot make
//! is undone (`git merge --abort`), leaving every file as it was, and named.

use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::CliError;
use crate::domain::Case;
use crate::domain::ids::give_ids;
use crate::domain::merge::merge;
use crate::domain::text::clean_line;
use crate::storage::{Store, format};

/// What git must not carry: the index (a cache), the lock files, temp files of saves, notes
/// rescued on this machine, and the copies a file syncer leaves when it cannot merge.
pub const GITIGNORE: &str = "\
# runaround: what stays on this machine
/index
/.index.*
*.lock
.*.tmp
/rescued-notes-*
/.rescued-notes-*
*.sync-conflict-*
";

/// Case files merge with runaround's driver.
pub const GITATTRIBUTES: &str = "cases/*.ron merge=runaround\n";

/// How often a push refused because the remote moved on is tried again (fetch, merge, push).
const PUSH_TRIES: usize = 3;

fn failed(e: impl std::fmt::Display) -> CliError {
    CliError::Failed(e.to_string())
}

/// git in the data directory.
struct Git<'a> {
    dir: &'a Path,
}

impl Git<'_> {
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(self.dir).args(args);
        // git's words are read here (its refusals, the driver's reasons): in English.
        cmd.env("LC_ALL", "C");
        cmd
    }

    /// Runs git, its output captured.
    fn output(&self, args: &[&str]) -> Result<Output, CliError> {
        let out = self
            .command(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|_| failed(crate::t!("sync-no-git")))?;
        step(args, &out);
        Ok(out)
    }

    /// Runs git; a failure is an error naming the command and what git said.
    fn run(&self, args: &[&str]) -> Result<String, CliError> {
        let out = self.output(args)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(git_failed(args, &out))
        }
    }

    /// Whether git succeeds.
    fn ok(&self, args: &[&str]) -> Result<bool, CliError> {
        Ok(self.output(args)?.status.success())
    }

    /// Runs git talking to the remote: its questions (a password) and progress go to the
    /// terminal.
    fn talk(&self, args: &[&str]) -> Result<(), CliError> {
        let out = self
            .command(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|_| failed(crate::t!("sync-no-git")))?;
        step(args, &out);
        if out.status.success() {
            Ok(())
        } else {
            Err(git_failed(args, &out))
        }
    }

    /// The text of `path` at `rev`, if it is there.
    fn show(&self, rev: &str, path: &str) -> Option<String> {
        let out = self.output(&["show", &format!("{rev}:{path}")]).ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The commit `rev` names, if it names one.
    fn commit(&self, rev: &str) -> Option<String> {
        let out = self
            .output(&["rev-parse", "-q", "--verify", &format!("{rev}^{{commit}}")])
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// The case files that differ between two commits (`from` may be none: an empty tree).
    fn changed_cases(&self, from: Option<&str>, to: &str) -> Result<Vec<String>, CliError> {
        let text = match from {
            Some(from) => self.run(&["diff", "--name-only", from, to, "--", "cases/"])?,
            None => self.run(&["ls-tree", "-r", "--name-only", to, "--", "cases/"])?,
        };
        Ok(text
            .lines()
            .filter(|p| is_case_path(p))
            .map(str::to_string)
            .collect())
    }
}

/// A step of the sync in the debug log: git's subcommand and how it ended (its other
/// arguments and its output can name a case's text, so they stay out).
fn step(args: &[&str], out: &Output) {
    let command = args.iter().find(|a| !a.starts_with('-')).or(args.first());
    log::debug!("sync: git {}: {}", command.unwrap_or(&""), out.status);
}

fn git_failed(args: &[&str], out: &Output) -> CliError {
    let said = String::from_utf8_lossy(&out.stderr);
    let reason = said
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    failed(crate::t!(
        "sync-git-failed",
        what = args.first().copied().unwrap_or_default(),
        reason = clean_line(&reason)
    ))
}

fn is_case_path(path: &str) -> bool {
    path.strip_prefix("cases/")
        .and_then(|n| n.strip_suffix(".ron"))
        .is_some_and(crate::storage::valid_id)
}

/// The case a file's text holds, with ids for events saved before events had them.
fn case_of(text: &str) -> Option<Case> {
    let mut case = format::decode(text).ok()?.case;
    give_ids(&mut case);
    Some(case)
}

/// The ids of the events (deleted ones too) of a case file's text.
fn event_ids(text: Option<&str>) -> BTreeSet<String> {
    text.and_then(case_of)
        .map(|c| {
            c.events
                .iter()
                .chain(&c.deleted_events)
                .map(|e| e.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// How many events `to` has that `from` has not, over the case files that differ.
fn new_events(git: &Git<'_>, from: Option<&str>, to: &str) -> Result<usize, CliError> {
    let mut count = 0;
    for path in git.changed_cases(from, to)? {
        let before = from.and_then(|f| git.show(f, &path));
        let after = git.show(to, &path);
        let before = event_ids(before.as_deref());
        count += event_ids(after.as_deref()).difference(&before).count();
    }
    Ok(count)
}

/// `runaround merge-driver BASE OURS THEIRS`: git's merge driver for case files. Writes the
/// merged case over OURS; a case that cannot be read leaves OURS as it was and fails, naming
/// it, so that git stops and `sync` undoes the merge.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path) -> Result<(), CliError> {
    let read = |path: &Path| -> Result<Case, CliError> {
        let unreadable = |reason: String| {
            failed(crate::t!(
                "sync-unreadable",
                file = path.display().to_string(),
                reason = reason
            ))
        };
        let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
        let decoded = format::decode(&text).map_err(|e| unreadable(e.to_string()))?;
        if let Some(reason) = decoded.access.read_only() {
            return Err(unreadable(reason.to_string()));
        }
        Ok(decoded.case)
    };
    let ours_case = read(ours)?;
    let theirs_case = read(theirs)?;
    // No base (both sides made the file) or one that cannot be read: merged without it.
    let base_case = std::fs::read_to_string(base).ok().and_then(|t| case_of(&t));
    let mut merged = merge(base_case.as_ref(), &ours_case, &theirs_case).case;
    merged.clean_text();
    let text = format::encode(&merged).map_err(failed)?;
    crate::storage::write_file(ours, text.as_bytes()).map_err(failed)
}

/// What a staged change of a case file says, for the commit message: "log: call in 'Geen
/// internet'", "new case 'Broken phone'", "edit 'Geen internet'". (Commit messages are shared
/// by every copy, whatever language each speaks: they are in English, as the files' words are.)
fn describe(git: &Git<'_>, status: &str, path: &str) -> String {
    let now = std::fs::read_to_string(git.dir.join(path))
        .ok()
        .and_then(|t| case_of(&t));
    let id = path
        .trim_start_matches("cases/")
        .trim_end_matches(".ron")
        .to_string();
    let title = now.as_ref().map_or(id.clone(), |c| c.title.clone());
    if status.starts_with('D') {
        return format!("remove case {id}");
    }
    let Some(before) = git.show("HEAD", path).and_then(|t| case_of(&t)) else {
        return format!("new case '{title}'");
    };
    let Some(now) = now else {
        return format!("edit '{title}'");
    };
    let old: BTreeSet<&str> = before.events.iter().map(|e| e.id.as_str()).collect();
    let added: Vec<_> = now
        .events
        .iter()
        .filter(|e| !old.contains(e.id.as_str()))
        .collect();
    match added.as_slice() {
        [] => format!("edit '{title}'"),
        [one] => format!("log: {} in '{title}'", one.kind.as_str()),
        many => format!("log: {} events in '{title}'", many.len()),
    }
}

/// Commits everything changed in the journal, with a message saying what. Returns whether
/// there was anything to commit.
fn commit_all(git: &Git<'_>) -> Result<bool, CliError> {
    git.run(&["add", "-A"])?;
    if git.ok(&["diff", "--cached", "--quiet"])? {
        return Ok(false);
    }
    let staged = git.run(&["diff", "--cached", "--name-status", "--no-renames"])?;
    let lines: Vec<String> = staged
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, path)| is_case_path(path))
        .map(|(status, path)| describe(git, status, path))
        .collect();
    let message = match lines.as_slice() {
        [] => "runaround: the journal's settings".to_string(),
        [one] => one.clone(),
        few if few.len() <= 3 => few.join("; "),
        many => format!("{} cases changed\n\n{}", many.len(), many.join("\n")),
    };
    let message = clean_line(&message.replace('\n', "\u{1}")).replace('\u{1}', "\n");
    git.run(&["commit", "-q", "--no-verify", "-m", &message])?;
    Ok(true)
}

/// Makes the data directory a repository syncing with `remote`, or checks that it is one;
/// then writes what git must ignore and how case files merge.
fn set_up(git: &Git<'_>, init: Option<&str>) -> Result<(), CliError> {
    let dir = git.dir;
    let is_repo = dir.join(".git").exists();
    match init {
        None if !is_repo => {
            return Err(failed(crate::t!(
                "sync-not-repo",
                dir = dir.display().to_string()
            )));
        }
        None => {}
        Some(remote) => {
            if !is_repo {
                git.run(&["init", "-q"])?;
            }
            if git.ok(&["remote", "get-url", "origin"])? {
                git.run(&["remote", "set-url", "origin", remote])?;
            } else {
                git.run(&["remote", "add", "origin", remote])?;
            }
        }
    }
    for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
        let path = dir.join(name);
        let now = std::fs::read_to_string(&path).unwrap_or_default();
        if !now.contains(text.trim_end()) {
            let mut new = now;
            if !new.is_empty() && !new.ends_with('\n') {
                new.push('\n');
            }
            new.push_str(text);
            crate::storage::write_file(&path, new.as_bytes()).map_err(failed)?;
        }
    }
    // The driver is this very program, wherever it is now.
    let exe = std::env::current_exe().map_err(failed)?;
    let exe = exe.display().to_string().replace('\'', "'\\''");
    git.run(&["config", "merge.runaround.name", "runaround's case merge"])?;
    git.run(&[
        "config",
        "merge.runaround.driver",
        &format!("'{exe}' merge-driver %O %A %B"),
    ])?;
    // Commits need a name; one this machine's git has is kept.
    if !git.ok(&["config", "user.email"])? {
        git.run(&["config", "user.email", "runaround@localhost"])?;
    }
    if !git.ok(&["config", "user.name"])? {
        git.run(&["config", "user.name", "runaround"])?;
    }
    Ok(())
}

/// The branch to sync: the current one; on a repository without commits yet, the remote's
/// (so that a new machine takes up the journal's history), else `main`.
fn branch(git: &Git<'_>) -> Result<String, CliError> {
    let current = git
        .run(&["symbolic-ref", "--short", "HEAD"])?
        .trim()
        .to_string();
    if git.commit("HEAD").is_some() || git.commit(&format!("origin/{current}")).is_some() {
        return Ok(current);
    }
    let remote = git.run(&[
        "for-each-ref",
        "--format=%(refname:strip=3)",
        "refs/remotes/origin/",
    ])?;
    let names: Vec<&str> = remote.lines().filter(|n| *n != "HEAD").collect();
    let name = ["main", "master"]
        .into_iter()
        .find(|n| names.contains(n))
        .or_else(|| names.first().copied())
        .unwrap_or("main")
        .to_string();
    git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{name}")])?;
    Ok(name)
}

/// What one sync did.
#[derive(Default)]
struct Tally {
    events_in: usize,
    events_out: usize,
    cases: usize,
}

/// Merges `theirs` into HEAD. A merge git or the driver cannot make is undone and named.
fn merge_in(git: &Git<'_>, store: &Store, theirs: &str, tally: &mut Tally) -> Result<(), CliError> {
    let Some(theirs_commit) = git.commit(theirs) else {
        return Ok(());
    };
    let Some(head) = git.commit("HEAD") else {
        git.run(&["merge", "-q", "--ff-only", theirs])?;
        tally.events_in += new_events(git, None, &theirs_commit)?;
        return Ok(());
    };
    if git.ok(&["merge-base", "--is-ancestor", &theirs_commit, &head])? {
        return Ok(());
    }
    let base = git.run(&["merge-base", &head, &theirs_commit]).ok();
    let base = base.as_deref().map(str::trim).filter(|b| !b.is_empty());
    let ours_changed: BTreeSet<String> = git.changed_cases(base, &head)?.into_iter().collect();
    let theirs_changed = git.changed_cases(base, &theirs_commit)?;
    let both = theirs_changed
        .iter()
        .filter(|p| ours_changed.contains(*p))
        .count();
    let events_in = new_events(git, Some(&head), &theirs_commit)?;
    // The files the merge may write are held as a writer holds them, so that a TUI or a `log`
    // saving one meanwhile waits, and then reads the merged case instead of writing over it.
    let mut locks = Vec::new();
    for path in git.changed_cases(Some(&head), &theirs_commit)? {
        let id = path.trim_start_matches("cases/").trim_end_matches(".ron");
        locks.push(store.hold(id).map_err(failed)?);
    }
    let out = git.output(&[
        "merge",
        "-q",
        "--no-edit",
        "--no-verify",
        "--allow-unrelated-histories",
        "-m",
        "sync: merge the other copies",
        theirs,
    ])?;
    if !out.status.success() {
        let conflicted = git
            .run(&["diff", "--name-only", "--diff-filter=U"])
            .unwrap_or_default();
        let _ = git.run(&["merge", "--abort"]);
        let files: Vec<&str> = conflicted.lines().collect();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        let reason = said
            .lines()
            .map(|l| l.trim().trim_start_matches("runaround: "))
            .filter(|l| !l.is_empty() && !l.starts_with("Auto-merging"))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(failed(crate::t!(
            "sync-cannot-merge",
            files = if files.is_empty() {
                theirs.to_string()
            } else {
                files.join(", ")
            },
            reason = clean_line(&reason)
        )));
    }
    drop(locks);
    tally.events_in += events_in;
    tally.cases += both;
    Ok(())
}

/// `runaround sync [--init REMOTE]`: commits the journal, merges the other copies (fetched
/// from the remote) and pushes; prints what it did in one line.
pub fn sync(store: &Store, init: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    let git = Git { dir: store.dir() };
    if git.output(&["--version"]).is_err() {
        return Err(failed(crate::t!("sync-no-git")));
    }
    // Conflict copies of a file syncer go into their cases first.
    merge_conflict_copies(store);
    set_up(&git, init)?;
    if git.commit("MERGE_HEAD").is_some() {
        return Err(failed(crate::t!(
            "sync-merge-in-progress",
            dir = store.dir().display().to_string()
        )));
    }
    // Committed before the remote is asked: offline, what changed is still recorded here.
    if git.commit("HEAD").is_some() {
        commit_all(&git)?;
    }
    git.talk(&["fetch", "-q", "origin"])?;
    let branch = branch(&git)?;
    let theirs = format!("origin/{branch}");
    commit_all(&git)?;
    let mut tally = Tally::default();
    let mut pushed = false;
    for _ in 0..PUSH_TRIES {
        merge_in(&git, store, &theirs, &mut tally)?;
        let Some(head) = git.commit("HEAD") else {
            // Nothing anywhere yet: nothing to push.
            pushed = true;
            break;
        };
        let remote = git.commit(&theirs);
        if remote.as_deref() == Some(head.as_str()) {
            pushed = true;
            break;
        }
        tally.events_out = new_events(&git, remote.as_deref(), &head)?;
        if git
            .talk(&["push", "-q", "origin", &format!("HEAD:refs/heads/{branch}")])
            .is_ok()
        {
            // What was pushed is the remote branch now.
            git.run(&["fetch", "-q", "origin"])?;
            let _ = git.run(&["branch", "-q", "--set-upstream-to", &theirs]);
            pushed = true;
            break;
        }
        git.talk(&["fetch", "-q", "origin"])?;
    }
    if !pushed {
        return Err(failed(crate::t!("sync-push-rejected")));
    }
    private(store);
    log::info!(
        "sync done: {} events in, {} out, {} cases merged",
        tally.events_in,
        tally.events_out,
        tally.cases
    );
    let line = crate::t!(
        "sync-summary",
        events_in = tally.events_in,
        events_out = tally.events_out,
        cases = tally.cases
    );
    writeln!(out, "{line}").map_err(failed)
}

/// Case files git wrote are made 0600, as runaround's own saves are.
fn private(store: &Store) {
    let Ok(entries) = std::fs::read_dir(store.dir().join("cases")) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ron") {
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
    }
}

/// Merges the conflict copies a file syncer left into their cases, saying on standard error
/// what became of each (standard output stays the command's).
pub fn merge_conflict_copies(store: &Store) {
    match crate::storage::conflicts::merge_all(store) {
        Ok(outcomes) => {
            for outcome in outcomes {
                eprintln!("runaround: {}", clean_line(&outcome.words()));
            }
        }
        Err(e) => eprintln!("runaround: {}", clean_line(&e.to_string())),
    }
}
