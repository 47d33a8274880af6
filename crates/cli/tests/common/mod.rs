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

/// The cases of a fixture file under `fixtures/` (a map from name to case), as JSON values.
pub fn fixture_cases(file: &str) -> std::collections::BTreeMap<String, serde_json::Value> {
    let path = format!("{}/../../fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml::from_str(&text).expect("valid YAML")
}

/// A YAML scalar (number or string) as the text a user types.
pub fn scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        other => panic!("not a scalar: {other}"),
    }
}

pub fn dec(v: &serde_json::Value) -> rust_decimal::Decimal {
    use std::str::FromStr;
    rust_decimal::Decimal::from_str(&scalar(v)).unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Flags for the fields of one object: `(field, flag)`; any other field fails the test,
/// so a case the translation does not cover cannot pass unnoticed.
pub fn simple(obj: &serde_json::Value, map: &[(&str, &str)], what: &str, out: &mut Vec<String>) {
    for (k, v) in obj.as_object().expect("an object") {
        let Some((_, flag)) = map.iter().find(|(f, _)| f == k) else {
            panic!("no flag for {what}.{k}");
        };
        out.push(format!("--{flag}"));
        out.push(scalar(v));
    }
}
