//! A journal in a temporary directory and the binary run on it, as a person runs it: in
//! Amsterdam's time zone, with no config, fault switch or `--now` from the environment.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use runaround::domain::Case;
use runaround::storage::{Entry, StorageError, Store, UpdateError};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

pub struct Journal {
    pub tmp: TempDir,
}

impl Journal {
    pub fn new() -> Journal {
        let j = Journal {
            tmp: tempfile::tempdir().unwrap(),
        };
        Store::open(&j.data()).unwrap();
        j
    }

    /// A journal whose data directory does not exist yet.
    pub fn missing() -> Journal {
        Journal {
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn store(&self) -> Store {
        Store::open(&self.data()).unwrap()
    }

    pub fn cases(&self) -> PathBuf {
        self.data().join("cases")
    }

    pub fn file(&self, id: &str) -> PathBuf {
        self.cases().join(format!("{id}.ron"))
    }

    pub fn put(&self, id: &str, text: &str) {
        fs::write(self.file(id), text).unwrap();
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_CONFIG")
            .env_remove("RUNAROUND_FAULT")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("RUNAROUND_LOCK_WAIT_MS")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("xdg-config"))
            .env("HOME", self.tmp.path().join("home"))
            .arg("--data-dir")
            .arg(self.data())
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// Loads `id`: the case and why it is read-only (it must be readable).
    pub fn load(&self, id: &str) -> (Case, Option<String>) {
        match self.store().load(id).unwrap() {
            Entry::Readable {
                body: case, access, ..
            } => (case, access.read_only().map(ToString::to_string)),
            Entry::Unreadable {
                problem: reason, ..
            } => panic!("{id} is unreadable: {reason}"),
        }
    }

    /// Every way of writing refuses case `id` with `reason_has` in the message, and its file
    /// keeps its bytes.
    pub fn assert_never_written(&self, id: &str, reason_has: &str) {
        let before = fs::read(self.file(id)).unwrap();
        let refused = self
            .store()
            .update(id, |c| {
                c.notes.push_str("more");
                Ok::<_, String>(())
            })
            .unwrap_err();
        match refused {
            UpdateError::Storage(StorageError::ReadOnly { reason, .. }) => {
                assert!(reason.to_string().contains(reason_has), "{reason}");
            }
            other => panic!("update: {other:?}"),
        }
        for args in [
            vec!["log", id, "note", "one more"],
            vec!["status", id, "closed"],
            vec!["log", id, "call", "--hold", "5m", "x"],
        ] {
            let (code, _, stderr) = self.run(&args);
            assert_eq!(code, 1, "{args:?}: {stderr}");
            assert!(stderr.contains("is read-only"), "{args:?}: {stderr}");
            assert!(stderr.contains(reason_has), "{args:?}: {stderr}");
        }
        let (code, stdout, stderr) = self.run(&["show", id]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.contains(reason_has),
            "show names the reason: {stdout}"
        );
        assert_eq!(
            fs::read(self.file(id)).unwrap(),
            before,
            "{id} was rewritten"
        );
    }
}
