//! End-to-end tests in a real terminal: the built binary runs inside tmux, keys are sent with
//! `tmux send-keys`, the screen is read with `tmux capture-pane`, and what ends up on disk is
//! read back through the CLI. Each test has its own tmux server and its own data directory.
//! Without tmux on PATH the tests say so on stderr and pass.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");
const TITLE: &str = "Geen internet na verhuizing";
/// How long to wait for the screen to show something before failing.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// Characters of the TUI's pane borders (focused panes are thick, others plain).
const BORDERS: &[char] = &['┏', '┓', '┗', '┛', '┃', '━', '┌', '┐', '└', '┘', '│', '─'];

/// Environment variables that would change what the binary does.
const SCRUBBED: &[&str] = &[
    "RUNAROUND_DIR",
    "RUNAROUND_NOW",
    "NO_COLOR",
    "TMUX",
    "TMUX_PANE",
];

fn tmux_installed() -> bool {
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
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs the CLI on `dir`.
fn cli(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    for var in SCRUBBED {
        cmd.env_remove(var);
    }
    cmd.env("TZ", "Europe/Amsterdam")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the CLI on `dir` and returns its stdout, failing the test when it fails.
fn cli_ok(dir: &Path, args: &[&str]) -> String {
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
fn exported_notes(dir: &Path, id: &str) -> String {
    let json = cli_ok(dir, &["export", id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("export is JSON");
    value["notes"]
        .as_str()
        .unwrap_or_else(|| panic!("no notes string in {json}"))
        .to_string()
}

/// A process as `/proc/PID/stat` describes it: its name, state and parent.
struct Stat {
    comm: String,
    state: char,
    parent: u32,
}

fn stat(pid: u32) -> Option<Stat> {
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
fn runaround_alive(pid: u32) -> bool {
    stat(pid).is_some_and(|s| s.comm == "runaround" && s.state != 'Z')
}

/// A tmux server of its own (its socket in a directory of its own) with one session, `main`,
/// 100x30, plus a data directory holding one case. When this is dropped, also when a test
/// fails, a runaround still running is killed and so is the server.
struct Tui {
    sockets: TempDir,
    data: TempDir,
    id: String,
    /// The program's pid, once a test asked for it.
    pid: std::cell::Cell<Option<u32>>,
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
    fn start() -> Tui {
        let data = tempfile::tempdir().expect("a temporary directory");
        let id = cli_ok(data.path(), &["new", TITLE, "--org", "KPN"])
            .trim()
            .to_string();
        assert!(!id.is_empty(), "`new` printed no id");
        let tui = Tui {
            sockets: tempfile::tempdir().expect("a temporary directory"),
            data,
            id,
            pid: std::cell::Cell::new(None),
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

    fn dir(&self) -> &Path {
        self.data.path()
    }

    /// The pane's shell command: a clear screen (so a restart does not show the last run's
    /// exit), the TUI, then its exit status, then a pause so that the screen it left behind
    /// can still be read.
    fn command(&self) -> String {
        format!(
            "printf '\\033[H\\033[2J'; TZ=Europe/Amsterdam {} --data-dir {}; echo EXITED:$?; sleep 60",
            sh_quote(BIN),
            sh_quote(&self.dir().to_string_lossy())
        )
    }

    /// Starts the TUI again in the same pane (killing what runs there).
    fn restart(&self) {
        self.tmux(&["respawn-pane", "-k", "-t", "main", &self.command()]);
        self.wait_for(TITLE);
    }

    fn tmux_output(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut cmd = Command::new("tmux");
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("TZ", "Europe/Amsterdam")
            .arg("-S")
            .arg(self.sockets.path().join("tmux"))
            .args(args)
            .output()
    }

    /// Runs a tmux command, failing the test when it fails; returns its stdout.
    fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args).expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Keys by name (`Tab`, `Escape`, `Enter`, `q`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Text typed literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// What the pane shows now.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// A tmux format evaluated for the pane.
    fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ok` holds for it; returns that screen. Fails the test with the
    /// last screen when it does not happen within `within`.
    fn wait_until(&self, what: &str, within: Duration, ok: impl Fn(&str) -> bool) -> String {
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

    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), WAIT, |s| s.contains(needle))
    }

    fn wait_gone(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} to go away"), WAIT, |s| {
            !s.contains(needle)
        })
    }

    /// Tab Tab to the Notes pane, `i`, and waits until the editor has the keyboard.
    fn edit_notes(&self) {
        self.keys(&["Tab", "Tab"]);
        self.wait_for("┏ Notes");
        self.keys(&["i"]);
        self.wait_for("Notes editing");
    }

    /// Esc out of the notes editor. Waiting for it matters: an Esc followed at once by `q`
    /// reads as Alt-q.
    fn leave_notes(&self) {
        self.keys(&["Escape"]);
        self.wait_gone("Notes editing");
    }

    /// `q`, then waits for the program to exit with status 0.
    fn quit(&self) -> String {
        self.keys(&["q"]);
        self.wait_for("EXITED:")
    }

    /// Checks that the terminal was handed back: the normal screen, without the TUI on it,
    /// and the exit status.
    fn assert_restored(&self, screen: &str, status: &str) {
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
    fn find_program_pid(&self) -> Option<u32> {
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
    fn program_pid(&self) -> u32 {
        let pid = self
            .find_program_pid()
            .expect("a runaround process runs under the pane's shell");
        self.pid.set(Some(pid));
        pid
    }
}

/// Waits until process `pid` has exited (gone from `/proc`, or a zombie nobody reaped yet).
fn wait_exit(pid: u32, within: Duration, after: &str) {
    let deadline = Instant::now() + within;
    while runaround_alive(pid) {
        assert!(
            Instant::now() < deadline,
            "runaround (pid {pid}) still runs {within:?} after {after}"
        );
        sleep(Duration::from_millis(20));
    }
}

#[test]
fn start_type_notes_quit_restores_terminal() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let typed = "Zoë belde 1200 — 漢字 ✓";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    tui.leave_notes();
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(typed),
        "the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn cli_log_from_outside_appears() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    assert!(!tui.screen().contains("sent on again"));
    cli_ok(
        tui.dir(),
        &[
            "log",
            &tui.id,
            "redirect",
            "--from",
            "1200",
            "--to",
            "0800-0403",
            "sent on again",
        ],
    );
    let screen = tui.wait_until("the logged redirect", Duration::from_secs(3), |s| {
        s.contains("sent on again")
    });
    assert!(
        screen.contains("redirects 1"),
        "the counters did not count the redirect:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// Types notes and sends `signal` before the autosave could have run: the process ends
/// within two seconds, hands the terminal back, and the notes are on disk.
fn signal_saves_typed_notes(signal: &str) {
    if !tmux_installed() {
        return;
    }
    if !Path::new("/proc/self").exists() {
        eprintln!("SKIPPED: no /proc to find the process in");
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    let typed = format!("saved on {signal} 漢字");
    tui.edit_notes();
    tui.type_text(&typed);
    // On screen means the program has read the keys; the autosave waits two seconds more.
    tui.wait_for(&typed);
    // The case file stores text unescaped; the typed text must not be there yet, or the test
    // would show the autosave and not the signal handling.
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let on_disk = std::fs::read_to_string(&file).expect("the case file is readable");
    assert!(
        !on_disk.contains(&typed),
        "the notes were saved before the signal was sent (too slow to test {signal})"
    );
    let out = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .output()
        .expect("kill runs");
    assert!(
        out.status.success(),
        "kill -{signal} {pid}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_exit(pid, Duration::from_secs(2), &format!("SIG{signal}"));
    let screen = tui.wait_for("EXITED:");
    assert_eq!(
        tui.display("#{alternate_on}"),
        "0",
        "the alternate screen is still on after {signal}:\n{screen}"
    );
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(&typed),
        "after {signal} the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn sighup_saves_typed_notes() {
    signal_saves_typed_notes("HUP");
}

#[test]
fn sigterm_saves_typed_notes() {
    signal_saves_typed_notes("TERM");
}

#[test]
fn resize_does_not_break() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.tmux(&["resize-window", "-t", "main", "-x", "20", "-y", "6"]);
    let screen = tui.wait_for("too small");
    assert!(
        !screen.contains(TITLE),
        "the panes are still drawn at 20x6:\n{screen}"
    );
    tui.tmux(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    let screen = tui.wait_until("the panes at 100x30", WAIT, |s| {
        s.contains(TITLE) && s.contains("Timeline") && !s.contains("too small")
    });
    assert!(
        screen.contains("Notes"),
        "no Notes pane at 100x30:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn bracketed_paste_into_notes() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.edit_notes();
    tui.tmux(&[
        "set-buffer",
        "-b",
        "e2e",
        "--",
        "Ticket 漢字\u{1b}[2J klaar",
    ]);
    tui.tmux(&["paste-buffer", "-p", "-b", "e2e", "-t", "main"]);
    tui.wait_for("klaar");
    tui.leave_notes();
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    // Bracketed paste was switched off on the way out: a paste now reaches the shell's
    // terminal (which echoes it) without the bracket markers.
    tui.tmux(&["set-buffer", "-b", "after", "--", "pasted-after-exit"]);
    tui.tmux(&["paste-buffer", "-p", "-b", "after", "-t", "main"]);
    let screen = tui.wait_for("pasted-after-exit");
    assert!(
        !screen.contains("200~"),
        "bracketed paste is still on after exit:\n{screen}"
    );
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(notes.contains("漢字"), "the notes are {notes:?}");
    assert!(notes.contains("[2J"), "the notes are {notes:?}");
    assert!(notes.contains("klaar"), "the notes are {notes:?}");
    assert!(
        !notes.contains('\u{1b}'),
        "an ESC byte reached the notes: {notes:?}"
    );
}

/// The three rows of the big stopwatch digits: the row with the phase label and its neighbours.
fn stopwatch_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(at) = lines
        .iter()
        .position(|l| l.contains("ON HOLD") || l.contains("TALKING"))
    else {
        return Vec::new();
    };
    lines[at.saturating_sub(1)..(at + 2).min(lines.len())]
        .iter()
        .map(|l| (*l).to_string())
        .collect()
}

#[test]
fn call_stopwatch_ticks() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.keys(&["c"]);
    tui.wait_for("Calling");
    tui.keys(&["Enter"]);
    let first = tui.wait_until("ON HOLD without the number prompt", WAIT, |s| {
        s.contains("ON HOLD") && !s.contains("Calling")
    });
    let before = stopwatch_rows(&first);
    assert_eq!(before.len(), 3, "no stopwatch on screen:\n{first}");
    tui.wait_until("the stopwatch to move", Duration::from_millis(2500), |s| {
        let now = stopwatch_rows(s);
        now.len() == 3 && now != before
    });
    tui.keys(&["a"]);
    tui.wait_until("TALKING", WAIT, |s| {
        s.contains("TALKING") && !s.contains("ON HOLD")
    });
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    // The running call was saved with the case: it is there when the TUI opens again, still
    // in the phase it was left in.
    tui.restart();
    let screen = tui.wait_until("the call after reopening", WAIT, |s| {
        s.contains("ON HOLD") || s.contains("TALKING")
    });
    assert!(
        screen.contains("TALKING"),
        "the call reopened, but not as talking:\n{screen}"
    );
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

/// Closing the terminal (a terminal window closed, an ssh connection dropped) hangs up the
/// program: it gets SIGHUP and its terminal reads end-of-file. It must save the typed notes and
/// exit, as it does for a SIGHUP sent on its own.
#[test]
fn closed_terminal_saves_typed_notes_and_exits() {
    if !tmux_installed() {
        return;
    }
    if !Path::new("/proc/self").exists() {
        eprintln!("SKIPPED: no /proc to find the process in");
        return;
    }
    let tui = Tui::start();
    let pid = tui.program_pid();
    let typed = "typed before the hangup 漢字";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    // Killing the server closes the pane's pseudo-terminal.
    tui.tmux(&["kill-server"]);
    wait_exit(pid, Duration::from_secs(3), "its terminal was closed");
    let notes = exported_notes(tui.dir(), &tui.id);
    assert!(
        notes.contains(typed),
        "after the hangup the notes are {notes:?}, expected them to hold {typed:?}"
    );
}

#[test]
fn notes_typed_into_a_case_that_turns_unreadable_are_rescued() {
    use std::os::unix::fs::PermissionsExt;
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let typed = "nummer 0800-0403, wachttijd 20 min 漢字";
    tui.edit_notes();
    tui.type_text(typed);
    tui.wait_for(typed);
    // Someone breaks the file in place (no rename, so only the watch of the case on screen
    // can see it).
    let file = tui.dir().join("cases").join(format!("{}.ron", tui.id));
    let broken = b"(schema: 1, id: \"broken".to_vec();
    std::fs::write(&file, &broken).expect("the case file can be overwritten");
    let screen = tui.wait_for("not saved");
    let rescue = tui.dir().join(format!("rescued-notes-{}.txt", tui.id));
    let rescued = std::fs::read_to_string(&rescue)
        .unwrap_or_else(|e| panic!("no rescue file ({e}):\n{screen}"));
    assert!(rescued.contains(typed), "rescued {rescued:?}");
    let mode = std::fs::metadata(&rescue)
        .expect("rescue file")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the rescue file is private");
    assert_eq!(
        std::fs::read(&file).expect("case file"),
        broken,
        "the broken file is never overwritten"
    );
    let screen = tui.quit();
    assert!(screen.contains("EXITED:0"), "{screen}");
}

/// The `runaround-demo-*` directories in `tmp`.
fn demo_dirs(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("runaround-demo-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_demo_journal_is_removed_on_quit_and_on_sigterm() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    let tmp = tui.dir().join("tmp");
    std::fs::create_dir(&tmp).expect("a temp dir for the demo");
    let demo = format!(
        "printf '\\033[H\\033[2J'; TMPDIR={} TZ=Europe/Amsterdam {} demo; echo EXITED:$?; sleep 60",
        sh_quote(&tmp.to_string_lossy()),
        sh_quote(BIN)
    );
    for how in ["q", "TERM"] {
        tui.tmux(&["respawn-pane", "-k", "-t", "main", &demo]);
        tui.wait_for("demo journal");
        assert_eq!(
            demo_dirs(&tmp).len(),
            1,
            "the demo runs in one temporary journal"
        );
        if how == "q" {
            tui.keys(&["q"]);
        } else {
            let pid = tui.program_pid();
            let out = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .output()
                .expect("kill runs");
            assert!(out.status.success());
            wait_exit(pid, Duration::from_secs(2), "SIGTERM");
        }
        tui.wait_for("EXITED:");
        assert!(
            demo_dirs(&tmp).is_empty(),
            "after {how} the demo journal is left: {:?}",
            demo_dirs(&tmp)
        );
    }
}
