//! How the other threads reach the main loop, and how changes made to the journal elsewhere
//! are heard of without looking every second.
//!
//! The loop waits in the terminal's input (crossterm's `poll`), which a SIGWINCH ends: it
//! reads that as a resize. A [`Bell`] raises one, once, until the loop has answered it, so a
//! burst of rings wakes the loop once. What a thread has for the app goes through the
//! [`Inbox`] (messages) or the [`Journal`] (changes on disk), then the bell.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::app::Msg;
use crate::storage::names::TEMP_SUFFIX;

/// How often the journal is looked at when the kernel cannot tell its changes (no inotify,
/// a network file system, or `RUNAROUND_WATCH=poll`).
pub const POLL_EVERY: Duration = Duration::from_secs(2);
/// How often the journal is looked at all the same while the kernel tells its changes: a
/// safeguard, taken when the loop wakes anyway (it does once a minute at least), so that it
/// adds no wake-up of its own.
pub const LOOK_ANYWAY: Duration = Duration::from_secs(59);

/// Wakes the main loop from any thread.
#[derive(Clone, Default)]
pub struct Bell {
    rung: Arc<AtomicBool>,
}

impl Bell {
    /// Wakes the loop, unless a ring is already waiting for it.
    pub fn ring(&self) {
        if !self.rung.swap(true, Ordering::SeqCst) {
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        }
    }

    /// The loop takes the rings so far, before it looks at what the threads left: a ring
    /// after this wakes it again.
    pub fn answer(&self) {
        self.rung.store(false, Ordering::SeqCst);
    }
}

/// Messages for the app from other threads (a listing made in the background, say).
pub struct Inbox {
    send: Sender<Msg>,
    receive: Receiver<Msg>,
    bell: Bell,
}

/// Where a thread posts messages into the [`Inbox`]; each post wakes the loop.
#[derive(Clone)]
pub struct Post {
    send: Sender<Msg>,
    bell: Bell,
}

impl Post {
    /// Hands `msg` to the loop. False when the loop has ended.
    pub fn send(&self, msg: Msg) -> bool {
        let sent = self.send.send(msg).is_ok();
        self.bell.ring();
        sent
    }
}

impl Inbox {
    pub fn new(bell: Bell) -> Inbox {
        let (send, receive) = channel();
        Inbox {
            send,
            receive,
            bell,
        }
    }

    /// A way in for another thread.
    pub fn post(&self) -> Post {
        Post {
            send: self.send.clone(),
            bell: self.bell.clone(),
        }
    }

    /// The messages posted since last taken.
    pub fn take(&self) -> Vec<Msg> {
        self.receive.try_iter().collect()
    }
}

/// What the kernel told of the journal since the loop last looked.
#[derive(Default)]
struct Told {
    /// Something changed: look.
    changed: AtomicBool,
    /// The ids of the case files named in the changes.
    ids: Mutex<HashSet<String>>,
    /// The notifications stopped (the directory went, the read failed): poll from now on.
    failed: AtomicBool,
}

/// How the loop learns of changes made to the journal by other processes.
pub struct Journal {
    told: Arc<Told>,
    /// Looking every [`POLL_EVERY`], without notifications.
    polling: bool,
    last_look: Instant,
}

impl Journal {
    /// Watches the journal in `dir` (its case files in `cases`) with the kernel's
    /// notifications where it can (and unless `poll` says not to), else by looking every
    /// [`POLL_EVERY`]. The first [`Journal::due`] is at once, so that a change made before
    /// the watch began is seen.
    pub fn start(dir: &Path, cases: &Path, bell: &Bell, poll: bool) -> Journal {
        let told = Arc::new(Told::default());
        told.changed.store(true, Ordering::SeqCst);
        let polling = poll || remote(dir) || !notify(dir, cases, &told, bell);
        Journal {
            told,
            polling,
            last_look: Instant::now(),
        }
    }

    /// A watch not begun yet ([`Journal::start`] replaces it): nothing is looked at or told
    /// until then. Watching a directory of tens of thousands of files costs the kernel a walk
    /// of them, which the first frame need not wait for.
    pub fn later() -> Journal {
        Journal {
            told: Arc::new(Told::default()),
            polling: false,
            last_look: Instant::now(),
        }
    }

    /// Whether the kernel's notifications are in use.
    pub fn notified(&self) -> bool {
        !self.polling
    }

    /// Whether to look at the journal at `now`, and the case ids the notifications named
    /// (to look at even if the directory seems unchanged). Each look is counted from here.
    pub fn due(&mut self, now: Instant) -> Option<Vec<String>> {
        if !self.polling && self.told.failed.load(Ordering::SeqCst) {
            self.polling = true;
        }
        let told = self.told.changed.swap(false, Ordering::SeqCst);
        let every = if self.polling {
            POLL_EVERY
        } else {
            LOOK_ANYWAY
        };
        if !told && now < self.last_look + every {
            return None;
        }
        self.last_look = now;
        let ids = self
            .told
            .ids
            .lock()
            .map(|mut ids| ids.drain().collect())
            .unwrap_or_default();
        Some(ids)
    }

    /// Whether a change was told that no look has taken yet. The loop asks before it waits:
    /// a change told while its bell was still rung for an earlier one rang no new bell.
    pub fn told(&self) -> bool {
        self.told.changed.load(Ordering::SeqCst)
    }

    /// When the loop must wake to look at the journal, nothing being told: only while
    /// polling (or once the notifications failed).
    pub fn next_look(&self) -> Option<Instant> {
        (self.polling || self.told.failed.load(Ordering::SeqCst))
            .then(|| self.last_look + POLL_EVERY)
    }
}

/// Whether the journal is on a network (or user-space) file system, whose changes made on
/// another machine the kernel does not tell.
#[cfg(target_os = "linux")]
fn remote(dir: &Path) -> bool {
    const REMOTE: [u32; 11] = [
        0x6969,      // NFS
        0x517B,      // SMB
        0xFE53_4D42, // SMB2
        0xFF53_4D42, // CIFS
        0x6573_5546, // FUSE (sshfs, rclone, …)
        0x0102_1997, // 9P
        0x5346_414F, // AFS
        0x6B41_4653, // kAFS
        0x00C3_6400, // Ceph
        0x7375_7245, // Coda
        0x0BD0_0BD0, // Lustre
    ];
    rustix::fs::statfs(dir).is_ok_and(|fs| REMOTE.contains(&(fs.f_type as u32)))
}

#[cfg(not(target_os = "linux"))]
fn remote(_dir: &Path) -> bool {
    false
}

/// Starts a thread that is told by inotify of changes in `dir` and `cases`; false when the
/// watch cannot be had.
#[cfg(target_os = "linux")]
fn notify(dir: &Path, cases: &Path, told: &Arc<Told>, bell: &Bell) -> bool {
    use inotify::{EventMask, Inotify, WatchMask};
    // Only what changes the files: reads (our own among them) are not told.
    let files = WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::CLOSE_WRITE
        | WatchMask::ATTRIB
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF;
    // Of the journal's own directory, only its `cases/` coming and going matters.
    let top = WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::ONLYDIR;
    let Ok(mut inotify) = Inotify::init() else {
        return false;
    };
    let mut watches = inotify.watches();
    let Ok(top_wd) = watches.add(dir, top) else {
        return false;
    };
    let cases_name = cases.file_name().map(std::ffi::OsStr::to_os_string);
    // An empty journal may have no `cases/` yet: it is watched once it is made. Any other
    // failure (too many watches, say) means polling.
    if let Err(e) = watches.add(cases, files)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        return false;
    }
    let (told, bell, cases): (Arc<Told>, Bell, PathBuf) =
        (Arc::clone(told), bell.clone(), cases.to_path_buf());
    let spawned = std::thread::Builder::new()
        .name("journal-watch".into())
        .spawn(move || {
            let mut buffer = vec![0u8; 16 * 1024];
            loop {
                let Ok(events) = inotify.read_events_blocking(&mut buffer) else {
                    told.failed.store(true, Ordering::SeqCst);
                    bell.ring();
                    return;
                };
                let mut changed = false;
                for event in events {
                    let name = event.name.map(std::ffi::OsStr::to_string_lossy);
                    if event.wd == top_wd {
                        if event
                            .mask
                            .intersects(EventMask::DELETE_SELF | EventMask::MOVE_SELF)
                        {
                            // The whole journal went: poll for whatever comes instead.
                            told.failed.store(true, Ordering::SeqCst);
                            changed = true;
                        } else if event.name.map(std::ffi::OsStr::to_os_string) == cases_name {
                            changed = true;
                            if event
                                .mask
                                .intersects(EventMask::CREATE | EventMask::MOVED_TO)
                                && watches.add(&cases, files).is_err()
                            {
                                told.failed.store(true, Ordering::SeqCst);
                            }
                        }
                        continue;
                    }
                    if event.mask.contains(EventMask::Q_OVERFLOW) {
                        // Changes were dropped: the look goes over the whole directory.
                        changed = true;
                        continue;
                    }
                    match name.as_deref() {
                        Some(n) if n.ends_with(TEMP_SUFFIX) || lock(n) => {}
                        Some(n) => {
                            if let Some(id) = n.strip_suffix(".ron")
                                && let Ok(mut ids) = told.ids.lock()
                            {
                                ids.insert(id.to_string());
                            }
                            changed = true;
                        }
                        // The directory itself (deleted, moved, or its watch ended).
                        None => changed = true,
                    }
                }
                if changed {
                    told.changed.store(true, Ordering::SeqCst);
                    bell.ring();
                }
            }
        });
    spawned.is_ok()
}

/// Whether `name` is a lock file's (taken and let go, never a change).
#[cfg(target_os = "linux")]
fn lock(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "lock")
}

#[cfg(not(target_os = "linux"))]
fn notify(_dir: &Path, _cases: &Path, _told: &Arc<Told>, _bell: &Bell) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_told(journal: &mut Journal, within: Duration) -> Option<Vec<String>> {
        let end = Instant::now() + within;
        while Instant::now() < end {
            if journal.told.changed.load(Ordering::SeqCst) {
                return journal.due(Instant::now());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }

    #[test]
    fn posts_reach_the_inbox_in_order_and_ring_once_until_answered() {
        let bell = Bell::default();
        let inbox = Inbox::new(bell.clone());
        let post = inbox.post();
        let thread = std::thread::spawn(move || {
            assert!(post.send(Msg::Gone("a".into())));
            assert!(post.send(Msg::Gone("b".into())));
        });
        thread.join().unwrap();
        assert!(bell.rung.load(Ordering::SeqCst));
        assert_eq!(
            inbox.take(),
            vec![Msg::Gone("a".into()), Msg::Gone("b".into())]
        );
        assert!(inbox.take().is_empty());
        bell.answer();
        assert!(!bell.rung.load(Ordering::SeqCst));
        bell.ring();
        assert!(bell.rung.load(Ordering::SeqCst));
    }

    #[test]
    fn the_first_look_is_at_once_and_the_next_when_told_or_after_a_while() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir(&cases).unwrap();
        let mut journal = Journal::start(dir.path(), &cases, &Bell::default(), false);
        let start = Instant::now();
        assert!(journal.told(), "the first look is owed");
        assert!(journal.due(start).is_some(), "the first look is at once");
        assert!(!journal.told());
        assert!(journal.due(start).is_none(), "then not again before told");
        let every = if journal.notified() {
            LOOK_ANYWAY
        } else {
            POLL_EVERY
        };
        assert!(
            journal
                .due(start + every.checked_sub(Duration::from_millis(1)).unwrap())
                .is_none()
        );
        assert!(journal.due(start + every).is_some());
        // Told changes need no wake of the loop's own; a poll does.
        let look = journal.next_look();
        if journal.notified() {
            assert_eq!(look, None);
        } else {
            assert_eq!(look, Some(start + every + POLL_EVERY));
        }
    }

    #[test]
    fn a_watch_not_begun_looks_at_nothing_and_the_one_begun_looks_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir(&cases).unwrap();
        let mut later = Journal::later();
        let now = Instant::now();
        assert!(!later.told());
        assert_eq!(later.due(now), None);
        assert_eq!(later.next_look(), None);
        // A change made before the watch begins is not missed: its first look is at once.
        std::fs::write(cases.join("abcd1234.ron"), "x").unwrap();
        let mut begun = Journal::start(dir.path(), &cases, &Bell::default(), false);
        assert!(begun.told());
        assert!(begun.due(Instant::now()).is_some());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_change_told_while_the_bell_still_rings_is_owed_to_the_loop() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir(&cases).unwrap();
        let bell = Bell::default();
        let mut journal = Journal::start(dir.path(), &cases, &bell, false);
        if !journal.notified() {
            eprintln!(
                "a_change_told_while_the_bell_still_rings_is_owed_to_the_loop: SKIPPED (no inotify here)"
            );
            return;
        }
        assert!(journal.due(Instant::now()).is_some());
        // The bell rang for an earlier change and the loop has not answered it yet: a new
        // change rings no bell, but the loop sees it owed before it waits.
        bell.ring();
        std::fs::write(cases.join("abcd1234.ron"), "x").unwrap();
        let waited = Instant::now();
        while !journal.told() && waited.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(journal.told(), "the change is owed");
        assert_eq!(
            journal.due(Instant::now()),
            Some(vec!["abcd1234".to_string()])
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_case_file_written_elsewhere_is_told_with_its_id_and_temp_and_lock_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir(&cases).unwrap();
        let mut journal = Journal::start(dir.path(), &cases, &Bell::default(), false);
        if !journal.notified() {
            println!("SKIPPED: no inotify here");
            return;
        }
        let _ = journal.due(Instant::now());
        std::fs::write(cases.join(".abc.ron.x7Yq2Z.tmp"), "x").unwrap();
        std::fs::write(cases.join("abc.lock"), "").unwrap();
        assert!(
            wait_told(&mut journal, Duration::from_millis(300)).is_none(),
            "temp and lock files are not changes"
        );
        std::fs::rename(cases.join(".abc.ron.x7Yq2Z.tmp"), cases.join("abc.ron")).unwrap();
        let ids = wait_told(&mut journal, Duration::from_secs(5)).expect("told of the rename");
        assert_eq!(ids, vec!["abc".to_string()]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_cases_directory_made_after_the_start_is_watched_too() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        let mut journal = Journal::start(dir.path(), &cases, &Bell::default(), false);
        if !journal.notified() {
            println!("SKIPPED: no inotify here");
            return;
        }
        let _ = journal.due(Instant::now());
        std::fs::create_dir(&cases).unwrap();
        assert!(wait_told(&mut journal, Duration::from_secs(5)).is_some());
        std::fs::write(cases.join("new.ron"), "x").unwrap();
        let ids = wait_told(&mut journal, Duration::from_secs(5)).expect("told of the new file");
        assert_eq!(ids, vec!["new".to_string()]);
    }

    #[test]
    fn the_poll_can_be_forced() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::start(
            dir.path(),
            &dir.path().join("cases"),
            &Bell::default(),
            true,
        );
        assert!(!journal.notified());
        assert_eq!(journal.next_look(), Some(journal.last_look + POLL_EVERY));
    }
}
