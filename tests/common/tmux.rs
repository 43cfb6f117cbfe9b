//! A real terminal for end-to-end tests: the built binary runs inside tmux, keys are sent with
//! `tmux send-keys`, the screen is read with `tmux capture-pane`, and what ends up on disk is
//! read back through the CLI. Each [`Tui`] has its own tmux server and its own data directory.
//! Tests call [`tmux_installed`] first and return (printing "SKIPPED") without tmux.

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_runaround");
pub const TITLE: &str = "Geen internet na verhuizing";
/// How long to wait for the screen to show something before failing.
pub const WAIT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(50);
/// Characters of the TUI's pane borders (focused panes are thick, others plain).
pub const BORDERS: &[char] = &['┏', '┓', '┗', '┛', '┃', '━', '┌', '┐', '└', '┘', '│', '─'];

/// Where the binary looks for its default config file in these tests: nowhere, so that the
/// config of whoever runs the tests (remapped keys, a theme) does not count.
pub const NO_CONFIG_HOME: &str = "/nonexistent/runaround-tests/config";

/// Environment variables that would change what the binary does.
pub const SCRUBBED: &[&str] = &[
    "RUNAROUND_DIR",
    "RUNAROUND_NOW",
    "RUNAROUND_CONFIG",
    "RUNAROUND_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "NO_COLOR",
    "RUNAROUND_LOG",
    "TMUX",
    "TMUX_PANE",
];

pub fn tmux_installed() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: tmux not installed");
    }
    found
}

/// `s` quoted for `sh`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs the CLI on `dir`.
pub fn cli(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    for var in SCRUBBED {
        cmd.env_remove(var);
    }
    cmd.env("TZ", "Europe/Amsterdam")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the CLI on `dir` and returns its stdout, failing the test when it fails.
pub fn cli_ok(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir, args);
    assert!(
        out.status.success(),
        "runaround {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The notes of case `id`, as `export --format json` gives them.
pub fn exported_notes(dir: &Path, id: &str) -> String {
    let json = cli_ok(dir, &["export", id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("export is JSON");
    value["notes"]
        .as_str()
        .unwrap_or_else(|| panic!("no notes string in {json}"))
        .to_string()
}

/// A process as `/proc/PID/stat` describes it: its name, state and parent.
pub struct Stat {
    pub comm: String,
    pub state: char,
    pub parent: u32,
}

pub fn stat(pid: u32) -> Option<Stat> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
    let (head, tail) = stat.rsplit_once(')')?;
    let mut fields = tail.split_whitespace();
    Some(Stat {
        comm: head.split_once('(')?.1.to_string(),
        state: fields.next()?.chars().next()?,
        parent: fields.next()?.parse().ok()?,
    })
}

/// Whether `pid` is a runaround process that has not exited (a zombie has).
pub fn runaround_alive(pid: u32) -> bool {
    stat(pid).is_some_and(|s| s.comm == "runaround" && s.state != 'Z')
}

/// A tmux server of its own (its socket in a directory of its own) with one session, `main`,
/// 100x30, plus a data directory holding one case. When this is dropped, also when a test
/// fails, a runaround still running is killed and so is the server.
pub struct Tui {
    sockets: TempDir,
    data: TempDir,
    pub id: String,
    /// The program's pid, once a test asked for it.
    pid: std::cell::Cell<Option<u32>>,
    /// Shell code run in the pane before the program (`umask 000;`).
    prefix: String,
}

impl Drop for Tui {
    fn drop(&mut self) {
        let pids = [self.pid.get(), self.find_program_pid()];
        for pid in pids.into_iter().flatten() {
            if runaround_alive(pid) {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .output();
            }
        }
        let _ = self.tmux_output(&["kill-server"]);
    }
}

impl Tui {
    /// A data directory with one case (made with the CLI), and the TUI started on it. Waits
    /// until the case's title is on screen.
    pub fn start() -> Tui {
        Tui::start_with("", |_, _| {})
    }

    /// Like [`Tui::start`], with `prefix` run by the pane's shell before the program (e.g.
    /// `umask 000;`) and `setup` called with the data directory and the case id before the
    /// program starts.
    pub fn start_with(prefix: &str, setup: impl FnOnce(&Path, &str)) -> Tui {
        let data = tempfile::tempdir().expect("a temporary directory");
        let id = cli_ok(data.path(), &["new", TITLE, "--org", "KPN"])
            .trim()
            .to_string();
        assert!(!id.is_empty(), "`new` printed no id");
        setup(data.path(), &id);
        let tui = Tui {
            sockets: tempfile::tempdir().expect("a temporary directory"),
            data,
            id,
            pid: std::cell::Cell::new(None),
            prefix: prefix.to_string(),
        };
        tui.tmux(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "main",
            &tui.command(),
        ]);
        tui.wait_for(TITLE);
        tui
    }

    pub fn dir(&self) -> &Path {
        self.data.path()
    }

    /// The pane's shell command: a clear screen (so a restart does not show the last run's
    /// exit), the TUI, then its exit status, then a pause so that the screen it left behind
    /// can still be read.
    pub fn command(&self) -> String {
        format!(
            "printf '\\033[H\\033[2J'; {} TZ=Europe/Amsterdam {} --data-dir {}; echo EXITED:$?; sleep 60",
            self.prefix,
            sh_quote(BIN),
            sh_quote(&self.dir().to_string_lossy())
        )
    }

    /// Starts the TUI again in the same pane (killing what runs there).
    pub fn restart(&self) {
        self.tmux(&["respawn-pane", "-k", "-t", "main", &self.command()]);
        self.wait_for(TITLE);
    }

    pub fn tmux_output(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut cmd = Command::new("tmux");
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("TZ", "Europe/Amsterdam")
            .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
            .arg("-S")
            .arg(self.sockets.path().join("tmux"))
            .args(args)
            .output()
    }

    /// Runs a tmux command, failing the test when it fails; returns its stdout.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args).expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Keys by name (`Tab`, `Escape`, `Enter`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Text typed literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// What the pane shows now.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// A tmux format evaluated for the pane.
    pub fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ok` holds for it; returns that screen. Fails the test with the
    /// last screen when it does not happen within `within`.
    pub fn wait_until(&self, what: &str, within: Duration, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + within;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {within:?} for {what}; the screen shows:\n{screen}"
            );
            sleep(POLL);
        }
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), WAIT, |s| s.contains(needle))
    }

    pub fn wait_gone(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} to go away"), WAIT, |s| {
            !s.contains(needle)
        })
    }

    /// Tab Tab to the Notes pane, `i`, and waits until the editor has the keyboard.
    pub fn edit_notes(&self) {
        self.keys(&["Tab", "Tab"]);
        self.wait_for("┏ Notes");
        self.keys(&["i"]);
        self.wait_for("Notes editing");
    }

    /// Esc out of the notes editor. Waiting for it matters: an Esc followed at once by `q`
    /// reads as Alt-q.
    pub fn leave_notes(&self) {
        self.keys(&["Escape"]);
        self.wait_gone("Notes editing");
    }

    /// `q`, then waits for the program to exit with status 0.
    pub fn quit(&self) -> String {
        self.keys(&["q"]);
        self.wait_for("EXITED:")
    }

    /// Checks that the terminal was handed back: the normal screen, without the TUI on it,
    /// and the exit status.
    pub fn assert_restored(&self, screen: &str, status: &str) {
        assert!(
            screen.contains(&format!("EXITED:{status}")),
            "expected exit status {status}; the screen shows:\n{screen}"
        );
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "the alternate screen is still on"
        );
        assert_eq!(
            self.display("#{cursor_flag}"),
            "1",
            "the cursor is still hidden"
        );
        assert!(
            !screen.contains(BORDERS),
            "the TUI is still on screen after exit:\n{screen}"
        );
        assert!(
            !screen.contains(TITLE),
            "the TUI is still on screen after exit:\n{screen}"
        );
    }

    /// The pid of the runaround process (the child of the pane's shell), if it runs.
    pub fn find_program_pid(&self) -> Option<u32> {
        let out = self
            .tmux_output(&["display-message", "-p", "-t", "main", "#{pane_pid}"])
            .ok()?;
        let shell: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        std::fs::read_dir("/proc")
            .ok()?
            .flatten()
            .find_map(|entry| {
                let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
                stat(pid)
                    .is_some_and(|s| s.parent == shell && s.comm == "runaround")
                    .then_some(pid)
            })
    }

    /// The pid of the runaround process; fails the test when it does not run.
    pub fn program_pid(&self) -> u32 {
        let pid = self
            .find_program_pid()
            .expect("a runaround process runs under the pane's shell");
        self.pid.set(Some(pid));
        pid
    }
}

/// Waits until process `pid` has exited (gone from `/proc`, or a zombie nobody reaped yet).
pub fn wait_exit(pid: u32, within: Duration, after: &str) {
    let deadline = Instant::now() + within;
    while runaround_alive(pid) {
        assert!(
            Instant::now() < deadline,
            "runaround (pid {pid}) still runs {within:?} after {after}"
        );
        sleep(Duration::from_millis(20));
    }
}
