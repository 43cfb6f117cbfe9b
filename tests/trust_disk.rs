//! What runaround does with the file system it is given: directories that exist keep their
//! mode, exports never replace a link, a FIFO or a device, a FIFO or a huge file put in place
//! of the index or a lock is refused at once, a busy lock is waited for with a word and a
//! limit, only runaround's own temp files are cleaned, and a journal that cannot be read does
//! not list as empty. Every command runs under a time limit, so a hang fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::io::{BufRead, Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use common::tmux::{BIN, NO_CONFIG_HOME, SCRUBBED};
use runaround::storage::Store;

/// How long any one command may take before the test calls it a hang.
const LIMIT: Duration = Duration::from_secs(20);

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    for var in SCRUBBED {
        cmd.env_remove(var);
    }
    cmd.env_remove("RUNAROUND_LOCK_WAIT_MS")
        .env("TZ", "Europe/Amsterdam")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` to its end, or kills it and fails the test after `within`. Returns what it gave
/// and how long it took.
fn finish(mut cmd: Command, within: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let stderr = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let took = start.elapsed();
            let output = Output {
                status,
                stdout: stdout.join().unwrap(),
                stderr: stderr.join().unwrap(),
            };
            return (output, took);
        }
        if start.elapsed() > within {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{cmd:?} still ran after {within:?}; stderr so far: {}",
                String::from_utf8_lossy(&stderr.join().unwrap())
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    finish(command(dir, args), LIMIT).0
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "runaround {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// A journal in `DIR/data` with one case; returns the data dir and the id.
fn journal(tmp: &Path) -> (PathBuf, String) {
    let data = tmp.join("data");
    let id = run_ok(&data, &["new", "Geen internet", "--org", "KPN"])
        .trim()
        .to_string();
    (data, id)
}

fn mkfifo(path: &Path) {
    let out = Command::new("mkfifo").arg(path).output().expect("mkfifo");
    assert!(out.status.success(), "mkfifo {}", path.display());
}

#[test]
fn an_existing_data_dir_keeps_its_mode_and_is_pointed_out() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("shared");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    let out = run(&data, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&data), 0o755, "list changed the mode of the data dir");
    // A command that only reads creates nothing; the first write makes cases/, private.
    assert!(!data.join("cases").exists(), "list made cases/");
    run_ok(&data, &["new", "Geen internet", "--org", "KPN"]);
    assert_eq!(mode(&data), 0o755, "new changed the mode of the data dir");
    assert_eq!(
        mode(&data.join("cases")),
        0o700,
        "the new cases/ is private"
    );
    let err = stderr(&out);
    assert_eq!(
        err.matches("open to other users").count(),
        1,
        "one warning: {err}"
    );
    assert!(err.contains(&data.display().to_string()), "{err}");

    // Through a link: the directory it points to keeps its mode too.
    let target = tmp.path().join("target");
    fs::create_dir(&target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).unwrap();
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    run_ok(&link, &["list"]);
    assert_eq!(mode(&target), 0o755);

    // A cases/ open to others is left as it is and pointed out as well.
    let private = tmp.path().join("private");
    fs::create_dir_all(private.join("cases")).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o700)).unwrap();
    fs::set_permissions(private.join("cases"), fs::Permissions::from_mode(0o750)).unwrap();
    let out = run(&private, &["list"]);
    assert_eq!(mode(&private.join("cases")), 0o750);
    assert!(
        stderr(&out).contains("open to other users"),
        "{}",
        stderr(&out)
    );

    // A new one is made private, parents and all, and nothing is said.
    let fresh = tmp.path().join("a/b/journal");
    let out = run(&fresh, &["new", "Geen internet", "--org", "KPN"]);
    assert!(out.status.success());
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&fresh.join("cases")), 0o700);
    assert_eq!(mode(&tmp.path().join("a")), 0o700);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn export_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let real = tmp.path().join("real.md");
    fs::write(&real, "old").unwrap();
    let link = tmp.path().join("dossier.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    run_ok(
        &data,
        &[
            "export",
            &id,
            "--format",
            "md",
            "-o",
            link.to_str().unwrap(),
        ],
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let text = fs::read_to_string(&real).unwrap();
    assert!(text.starts_with("# Geen internet"), "{text}");

    // A link to a file not there yet: the file is made where it points.
    let dangling = tmp.path().join("later.md");
    let to = tmp.path().join("made.md");
    std::os::unix::fs::symlink(&to, &dangling).unwrap();
    run_ok(
        &data,
        &[
            "export",
            &id,
            "--format",
            "md",
            "-o",
            dangling.to_str().unwrap(),
        ],
    );
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&to)
            .unwrap()
            .starts_with("# Geen internet")
    );

    // A regular file is replaced atomically, as before.
    let plain = tmp.path().join("plain.csv");
    fs::write(&plain, "old").unwrap();
    run_ok(
        &data,
        &[
            "export",
            &id,
            "--format",
            "csv",
            "-o",
            plain.to_str().unwrap(),
        ],
    );
    assert!(fs::read_to_string(&plain).unwrap().starts_with("at,kind"));
    assert_eq!(mode(&plain), 0o600);
}

#[test]
fn export_into_a_fifo_writes_to_its_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let fifo = tmp.path().join("pipe");
    mkfifo(&fifo);
    let (send, got) = mpsc::channel();
    let reader_path = fifo.clone();
    // The reader blocks in open until a writer comes; were the FIFO replaced, it never would,
    // so it is given up on after the export (the thread is left behind, blocked).
    std::thread::spawn(move || {
        let mut text = String::new();
        let read = fs::File::open(&reader_path).and_then(|mut f| f.read_to_string(&mut text));
        let _ = send.send(read.map(|_| text));
    });
    let out = run(
        &data,
        &[
            "export",
            &id,
            "--format",
            "md",
            "-o",
            fifo.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    let text = got
        .recv_timeout(Duration::from_secs(10))
        .expect("the reader got the export")
        .expect("read");
    assert!(text.starts_with("# Geen internet"), "{text}");
}

#[test]
fn export_into_a_device_writes_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    // A null device of the test's own (as root in a container mknod works); /dev/null itself
    // is written only once a private one has shown that it stays a device.
    let null = tmp.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .output()
        .is_ok_and(|o| o.status.success());
    if made {
        run_ok(
            &data,
            &[
                "export",
                &id,
                "--format",
                "md",
                "-o",
                null.to_str().unwrap(),
            ],
        );
        assert!(
            fs::symlink_metadata(&null)
                .unwrap()
                .file_type()
                .is_char_device(),
            "the device was replaced by a file"
        );
    } else {
        eprintln!("mknod is not allowed here: only /dev/null is tried");
    }
    if made {
        run_ok(&data, &["export", &id, "--format", "md", "-o", "/dev/null"]);
        assert!(
            fs::symlink_metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    // `/dev/fd/1` is standard output (here a pipe): the export goes there.
    let out = run(
        &data,
        &["export", &id, "--format", "csv", "-o", "/dev/fd/1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("at,kind"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_fifo_as_the_index_or_a_lock_file_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    run_ok(&data, &["list"]);
    let index = data.join("index");
    fs::remove_file(&index).unwrap();
    mkfifo(&index);
    for args in [
        vec!["list"],
        vec!["list", "--all", "--json"],
        vec!["log", "Geen", "note", "via the title"],
        vec!["status", "Geen", "resolved"],
        vec!["show", "Geen"],
    ] {
        let (out, took) = finish(command(&data, &args), LIMIT);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(took < Duration::from_secs(5), "{args:?} took {took:?}");
    }

    // A FIFO as a case's lock file: every write of that case fails at once, naming it.
    let lock = data.join("cases").join(format!("{id}.lock"));
    fs::remove_file(&lock).unwrap();
    mkfifo(&lock);
    for args in [
        vec!["log", id.as_str(), "note", "x"],
        vec!["status", id.as_str(), "resolved"],
    ] {
        let (out, took) = finish(command(&data, &args), LIMIT);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(took < Duration::from_secs(5), "{args:?} took {took:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&lock.display().to_string()) && err.contains("not a regular file"),
            "{args:?}: {err}"
        );
    }
    // Reading is not held up.
    let (out, took) = finish(command(&data, &["list"]), LIMIT);
    assert!(out.status.success() && took < Duration::from_secs(5));
}

/// Holds the lock of case `id` from this process as runaround would: locked, with this
/// process's pid written in it.
fn hold_lock(data: &Path, id: &str) -> fs::File {
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(data.join("cases").join(format!("{id}.lock")))
        .unwrap();
    lock.lock().unwrap();
    std::os::unix::fs::FileExt::write_all_at(
        &lock,
        format!("{:>10}\n", std::process::id()).as_bytes(),
        0,
    )
    .unwrap();
    lock
}

#[test]
fn a_busy_lock_is_waited_for_with_a_word_and_given_up_on_naming_its_holder() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let pid = std::process::id().to_string();
    let lock = hold_lock(&data, &id);

    // The default wait: a word after a second, an error after about ten.
    let start = Instant::now();
    let mut child = command(&data, &["log", &id, "note", "waits"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = std::io::BufReader::new(child.stderr.take().unwrap());
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in err.lines() {
            let _ = send.send((line.unwrap_or_default(), start.elapsed()));
        }
    });
    let (first, when) = lines
        .recv_timeout(Duration::from_secs(5))
        .expect("a word about waiting within 5 s");
    assert!(
        first.contains("waiting for")
            && first.contains(&format!("{id}.ron"))
            && first.contains(&format!(
                "held by another process (last taken by pid {pid})"
            )),
        "{first}"
    );
    assert!(
        when >= Duration::from_millis(900) && when < Duration::from_secs(3),
        "said after {when:?}"
    );
    let deadline = Instant::now() + LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("log still waits after {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    assert_eq!(status.code(), Some(1));
    assert!(
        took >= Duration::from_secs(9) && took < Duration::from_secs(15),
        "gave up after {took:?}"
    );
    let (last, _) = lines
        .recv_timeout(Duration::from_secs(5))
        .expect("an error");
    assert!(
        last.contains(&format!("{id}.ron")) && last.contains(&format!("pid {pid}")),
        "{last}"
    );
    assert!(!run_ok(&data, &["show", &id]).contains("waits"));

    // Released in time, the write goes through.
    let mut wait = command(&data, &["log", &id, "note", "after the wait"]);
    wait.env("RUNAROUND_LOCK_WAIT_MS", "5000");
    let child = std::thread::spawn(move || finish(wait, LIMIT));
    std::thread::sleep(Duration::from_millis(1500));
    drop(lock);
    let (out, _) = child.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run_ok(&data, &["show", &id]).contains("after the wait"));
}

#[test]
fn a_writer_records_its_pid_in_the_lock_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let mut cmd = command(&data, &["log", &id, "note", "mine"]);
    let child = cmd.stdout(Stdio::null()).spawn().unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lock = fs::read_to_string(data.join("cases").join(format!("{id}.lock"))).unwrap();
    assert_eq!(lock.trim(), pid.to_string(), "{lock:?}");
}

#[test]
fn a_huge_sparse_index_is_not_read_and_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let index = data.join("index");
    // A well-formed start and end, and a table that would take 100 GB.
    let len: u64 = 100 * 1024 * 1024 * 1024;
    let mut file = fs::File::create(&index).unwrap();
    let magic = b"runaround index 1\n";
    file.write_all(magic).unwrap();
    file.set_len(len).unwrap();
    let trailer = format!("\n{:020} {:08x}\n", magic.len(), 0);
    assert_eq!(trailer.len(), 31);
    std::os::unix::fs::FileExt::write_all_at(&file, trailer.as_bytes(), len - 31).unwrap();
    drop(file);
    for args in [vec!["list", "--all", "--json"], vec!["list"]] {
        let (out, took) = finish(command(&data, &args), LIMIT);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(took < Duration::from_secs(5), "{args:?} took {took:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(&id));
    }
    let size = fs::metadata(&index).unwrap().len();
    assert!(
        size < 1024 * 1024,
        "the index was not rebuilt: {size} bytes"
    );
}

#[test]
fn only_runaround_s_own_temp_files_are_cleaned() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let id = store
        .create(runaround::domain::Case::new("", "t", "o", common::now()))
        .unwrap();
    let cases = data.join("cases");
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let touch = |dir: &Path, name: &str, old: bool| {
        let f = fs::File::create(dir.join(name)).unwrap();
        if old {
            f.set_modified(hour_ago).unwrap();
        }
    };
    // Not runaround's: an editor's swap file, a user's backups. Old ones too.
    let theirs = [
        format!(".{id}.ron.swp"),
        format!(".{id}.ron.orig"),
        format!(".{id}.ron.backup"),
        format!(".{id}.ron.Ab12Cd.bak"),
        format!(".{id}.ron.Ab1.tmp"),
    ];
    for name in &theirs {
        touch(&cases, name, true);
    }
    // runaround's own: `.ID.ron.XXXXXX.tmp`.
    let ours = [
        format!(".{id}.ron.Ab12Cd.tmp"),
        format!(".{id}.ron.Zz9yXw.tmp"),
    ];
    for name in &ours {
        touch(&cases, name, true);
    }
    // Beside the cases, not under a case lock: only old ones go.
    touch(&data, ".index.Qw12Er.tmp", true);
    touch(&data, ".index.Ty34Ui.tmp", false);
    touch(&data, ".index.swp", true);
    touch(&data, ".index.orig", true);

    assert_eq!(store.clean_strays().unwrap(), ours.len() + 1);
    for name in &theirs {
        assert!(cases.join(name).exists(), "{name} was removed");
    }
    for name in &ours {
        assert!(!cases.join(name).exists(), "{name} is left");
    }
    assert!(!data.join(".index.Qw12Er.tmp").exists());
    for name in [".index.Ty34Ui.tmp", ".index.swp", ".index.orig"] {
        assert!(data.join(name).exists(), "{name} was removed");
    }

    // What a save leaves while it runs has the form cleaning looks for.
    let store = Store::open(&data).unwrap();
    store
        .update(&id, |c| {
            c.notes = "x".into();
            Ok::<_, String>(())
        })
        .unwrap();
    assert!(
        fs::read_dir(&cases).unwrap().all(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            !name.starts_with(&format!(".{id}.ron.")) || theirs.contains(&name)
        }),
        "a save left a temp file"
    );
}

#[test]
fn a_journal_whose_files_cannot_be_read_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, id) = journal(tmp.path());
    let second = run_ok(&data, &["new", "Tweede", "--org", "Ziggo"])
        .trim()
        .to_string();
    fs::write(data.join("cases").join(format!("{id}.ron")), "not a case").unwrap();

    // Some unreadable: listed, with a count, exit 0.
    let out = run(&data, &["list", "--all", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&second));
    assert!(
        stderr(&out).contains("1 of 2 case files could not be read"),
        "{}",
        stderr(&out)
    );

    // All unreadable: an empty list would be a lie, so the exit status says it.
    fs::write(
        data.join("cases").join(format!("{second}.ron")),
        [0xff, 0xfe],
    )
    .unwrap();
    for args in [vec!["list", "--all", "--json"], vec!["list"]] {
        let out = run(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("2 of 2 case files could not be read")
                && err.contains("none of the 2 case files"),
            "{args:?}: {err}"
        );
    }
    // An empty journal is not an error.
    let empty = tmp.path().join("empty");
    let out = run(&empty, &["list", "--all", "--json"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
}
