//! Shared by the CLI's end-to-end tests (`batch.rs`, `cli.rs`, `hostile.rs`): running the built
//! `wlz-bijdrage` binary and reading what it wrote.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_wlz-bijdrage");

/// Runs the binary with no stdin.
pub fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Runs the binary with `stdin` fed from a thread (so a large input cannot dead-lock on a full
/// stdout pipe).
pub fn run_stdin(args: &[&str], stdin: impl Into<String>) -> Output {
    let stdin: String = stdin.into();
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let feeder = std::thread::spawn(move || {
        // The binary may stop reading early (a fatal error): a broken pipe is fine here.
        let _ = pipe.write_all(stdin.as_bytes());
    });
    let out = child.wait_with_output().expect("the binary ends");
    feeder.join().expect("the feeder thread ends");
    out
}

/// Bytes as text, invalid UTF-8 replaced (for messages and for checks that allow it).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The binary's stdout as text (invalid UTF-8 replaced).
pub fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

/// The binary's stdout, which must be valid UTF-8.
pub fn stdout_utf8(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The binary's stderr as text (invalid UTF-8 replaced).
pub fn stderr(o: &Output) -> String {
    text(&o.stderr)
}

/// The binary ended with exit code `code`; otherwise fails showing stdout and stderr.
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
}
