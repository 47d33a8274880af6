//! The CLI under hostile input and hostile surroundings (issue 11): the input is never
//! overwritten, an output file appears only when complete, a swallowed CSV row stops the
//! batch, every write error is an error, JSON input is exactly one value.
//! Expected amounts are spec case M (`337.68`).

mod common;

use common::{assert_exit, run, text, BIN};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Spec case M as a JSON Lines row (monthly 337.68, lage).
const ROW_M: &str =
    r#"{"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#;

/// Runs a shell line with `$B` set to the binary (for redirections the test cannot express).
fn sh(line: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .env("B", BIN)
        .output()
        .expect("sh runs")
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Files in `dir` other than the named ones (a leftover temporary file shows up here).
fn others(dir: &Path, known: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("the directory lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| !known.contains(&n.as_str()))
        .collect()
}

#[test]
fn the_output_can_never_be_the_input() {
    let d = dir();
    let input = d.path().join("h.jsonl");
    let content = format!("{ROW_M}\n");
    std::fs::write(&input, &content).expect("written");
    let link = d.path().join("link.jsonl");
    std::os::unix::fs::symlink(&input, &link).expect("a symlink");
    let hard = d.path().join("hard.jsonl");
    std::fs::hard_link(&input, &hard).expect("a hard link");

    let cases: Vec<(&str, Output)> = vec![
        (
            "same path",
            run(&[
                "batch",
                "--input",
                s(&input),
                "--output",
                s(&input),
                "--json",
            ]),
        ),
        (
            "symlink",
            run(&[
                "batch",
                "--input",
                s(&input),
                "--output",
                s(&link),
                "--json",
            ]),
        ),
        (
            "hard link",
            run(&[
                "batch",
                "--input",
                s(&hard),
                "--output",
                s(&input),
                "--json",
            ]),
        ),
        (
            "stdin is the output file",
            sh(&format!(
                "\"$B\" batch --json --output '{}' < '{}'",
                s(&input),
                s(&input)
            )),
        ),
        (
            "stdout appends to the input",
            sh(&format!(
                "\"$B\" batch --input '{}' >> '{}'",
                s(&input),
                s(&input)
            )),
        ),
    ];
    for (what, o) in cases {
        assert_exit(&o, 2);
        assert_eq!(
            std::fs::read_to_string(&input).expect("read"),
            content,
            "{what}"
        );
        if what != "stdout appends to the input" {
            let v: Value = serde_json::from_str(&text(&o.stdout)).expect("the error document");
            assert_eq!(v["error"]["code"], "same_input_and_output", "{what}");
        } else {
            assert!(
                text(&o.stderr).contains("hetzelfde bestand"),
                "{what}: {}",
                text(&o.stderr)
            );
        }
    }
    assert!(others(d.path(), &["h.jsonl", "link.jsonl", "hard.jsonl"]).is_empty());
}

#[test]
fn an_output_symlink_is_written_through_and_kept() {
    let d = dir();
    let input = d.path().join("h.jsonl");
    std::fs::write(&input, format!("{ROW_M}\n")).expect("written");
    let real = d.path().join("real.jsonl");
    std::fs::write(&real, "previous\n").expect("written");
    let link = d.path().join("out.jsonl");
    std::os::unix::fs::symlink(&real, &link).expect("a symlink");
    let o = run(&["batch", "--input", s(&input), "--output", s(&link)]);
    assert_exit(&o, 0);
    assert!(std::fs::symlink_metadata(&link)
        .expect("exists")
        .file_type()
        .is_symlink());
    let out = std::fs::read_to_string(&real).expect("read");
    assert!(out.contains(r#""monthly":"337.68""#), "{out}");
    assert!(others(d.path(), &["h.jsonl", "real.jsonl", "out.jsonl"]).is_empty());
}

/// 1 row with an unclosed quote, then 9,999 good rows (issue 11 item 3).
fn csv_with_an_unclosed_quote() -> String {
    let mut csv = String::from("id,year,age,care,income,assets\nr1,2026,70,vpt,38000,\"100000\n");
    for i in 2..=10_000 {
        csv.push_str(&format!("r{i},2026,70,vpt,38000,100000\n"));
    }
    csv
}

#[test]
fn an_unclosed_csv_quote_stops_the_batch_naming_its_line() {
    let d = dir();
    let input = d.path().join("h.csv");
    std::fs::write(&input, csv_with_an_unclosed_quote()).expect("written");
    let output = d.path().join("out.csv");
    let o = run(&[
        "batch",
        "--input",
        s(&input),
        "--output",
        s(&output),
        "--lang",
        "en",
    ]);
    assert_exit(&o, 2);
    let err = text(&o.stderr);
    assert!(
        err.contains("Line 2: a quote (\") in column assets is never closed"),
        "{err}"
    );
    assert!(err.contains("up to line 10001"), "{err}");
    assert!(
        !output.exists(),
        "no output presents the swallowed rows as processed"
    );
    assert!(others(d.path(), &["h.csv"]).is_empty());
}

#[test]
fn a_quoted_line_break_in_the_id_column_is_allowed() {
    let d = dir();
    let input = d.path().join("h.csv");
    std::fs::write(
        &input,
        "id,year,age,care,income,assets\n\"two\nlines\",2026,70,vpt,38000,100000\nb,2026,70,vpt,38000,100000\n",
    )
    .expect("written");
    let o = run(&["batch", "--input", s(&input)]);
    assert_exit(&o, 0);
    let out = text(&o.stdout);
    assert_eq!(out.matches(",337.68,lage,").count(), 2, "{out}");
}

#[test]
fn a_csv_record_beyond_one_mebibyte_stops_the_batch() {
    let d = dir();
    let input = d.path().join("h.csv");
    let mut csv = String::from("id,year,age,care,income,assets\nr1,2026,70,vpt,38000,100000\nr2,2026,70,vpt,\"38000,100000\n");
    while csv.len() < 3 << 20 {
        csv.push_str("r,2026,70,vpt,38000,100000\n");
    }
    std::fs::write(&input, csv).expect("written");
    let output = d.path().join("out.csv");
    let o = run(&[
        "batch",
        "--input",
        s(&input),
        "--output",
        s(&output),
        "--lang",
        "en",
    ]);
    assert_exit(&o, 2);
    let err = text(&o.stderr);
    assert!(
        err.contains("The row that starts on line 3 is longer than 1 MiB"),
        "{err}"
    );
    assert!(!output.exists());
}

#[test]
fn a_jsonl_line_beyond_one_mebibyte_is_a_row_error_and_the_batch_goes_on() {
    let long = format!(
        r#"{{"year":2026,"client":{{"age":70}},"pad":"{}"}}"#,
        "x".repeat(2 << 20)
    );
    let input = format!("{ROW_M}\n{long}\n{ROW_M}\n");
    let d = dir();
    let path = d.path().join("h.jsonl");
    std::fs::write(&path, input).expect("written");
    let o = run(&["batch", "--input", s(&path)]);
    assert_exit(&o, 0);
    let lines: Vec<Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["monthly"], "337.68");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["code"], "line_too_long");
    assert_eq!(lines[2]["monthly"], "337.68");
}

#[test]
fn jsonl_rows_may_carry_an_id_which_is_echoed() {
    let d = dir();
    let path = d.path().join("h.jsonl");
    let rows = [
        r#"{"id":"A-1","year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
        r#"{"year":2026,"id":17,"client":{"age":70,"care":"vpt","income":"veel"}}"#,
        r#"{"id":"x","year":2026,"client":{"age":70,"care":"vpt","income":38000},"idd":1}"#,
    ];
    std::fs::write(&path, rows.join("\n")).expect("written");
    let o = run(&["batch", "--input", s(&path)]);
    assert_exit(&o, 0);
    let lines: Vec<Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines[0]["id"], "A-1");
    assert_eq!(lines[0]["monthly"], "337.68");
    assert_eq!(lines[1]["id"], 17);
    assert_eq!(lines[1]["error"]["code"], "invalid_amount");
    assert_eq!(lines[1]["error"]["field"], "client.income");
    // Only `id` itself is the batch's: a misspelling is still an unknown field.
    assert_eq!(lines[2]["error"]["code"], "invalid_json");
    assert!(lines[2]["error"]["message"]
        .as_str()
        .expect("text")
        .contains("idd"));
}

#[test]
fn estimate_input_must_be_exactly_one_json_value() {
    let one = format!(r#"{{"version":1,{}"#, &ROW_M[1..]);
    let d = dir();
    for (name, content) in [
        ("two.jsonl", format!("{one}\n{one}\n")),
        ("garbage.json", format!("{one}}}}}]]garbage")),
    ] {
        let path = d.path().join(name);
        std::fs::write(&path, content).expect("written");
        let o = run(&["estimate", "--input", s(&path), "--json"]);
        assert_exit(&o, 2);
        let v: Value = serde_json::from_str(&text(&o.stdout)).expect("the error document");
        assert_eq!(v["error"]["code"], "invalid_json", "{name}");
    }
    // A UTF-8 byte order mark is not content: accepted, as batch accepts it.
    let path = d.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{one}")).expect("written");
    let o = run(&["estimate", "--input", s(&path), "--json"]);
    assert_exit(&o, 0);
    let v: Value = serde_json::from_str(&text(&o.stdout)).expect("the estimate");
    assert_eq!(v["monthly"], "337.68");
}

#[test]
fn every_write_error_is_an_error() {
    let estimate = "\"$B\" estimate --year 2026 --care vpt --age 70 --income 38000 --assets 100000";
    let batch = format!("printf '%s\\n' '{ROW_M}' | \"$B\" batch");
    for (what, line) in [
        (
            "estimate --json to a full disk",
            format!("{estimate} --json > /dev/full"),
        ),
        (
            "estimate text to a full disk",
            format!("{estimate} > /dev/full"),
        ),
        ("estimate to a closed stdout", format!("{estimate} >&-")),
        ("batch to a full disk", format!("{batch} > /dev/full")),
        ("batch to a closed stdout", format!("{batch} >&-")),
        (
            "params to a closed stdout",
            "\"$B\" params --year 2026 >&-".to_string(),
        ),
    ] {
        let o = sh(&line);
        assert_exit(&o, 2);
        let err = text(&o.stderr);
        assert!(
            err.contains("Kan de uitvoer niet schrijven")
                || err.contains("standaarduitvoer is gesloten"),
            "{what}: {err}"
        );
    }
    // `> /dev/null` is a choice, not an error.
    assert_exit(&sh(&format!("{estimate} > /dev/null")), 0);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // The documented exception: the reader went away (`| head`), exit 0.
    let mut child = Command::new(BIN)
        .args(["batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("piped");
    let feeder = std::thread::spawn(move || {
        for _ in 0..10_000 {
            if writeln!(stdin, "{ROW_M}").is_err() {
                break;
            }
        }
    });
    let o = child.wait_with_output().expect("ends");
    feeder.join().expect("the feeder ends");
    assert_exit(&o, 0);
    assert_eq!(text(&o.stderr), "");
}

/// Issue 11 item 7: a batch of 2 million rows killed after one second leaves the output path
/// as it was, never a plausible partial file.
#[test]
fn a_killed_batch_leaves_the_previous_output_intact() {
    let d = dir();
    let output: PathBuf = d.path().join("results.jsonl");
    std::fs::write(&output, "previous\n").expect("written");
    let mut child = Command::new(BIN)
        .args(["batch", "--format", "jsonl", "--output", s(&output)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("piped");
    let feeder = std::thread::spawn(move || {
        let chunk = format!("{ROW_M}\n").repeat(10_000);
        for _ in 0..200 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        child.try_wait().expect("waits").is_none(),
        "the batch must still be running when it is killed"
    );
    // The batch writes to a temporary file beside the target, never to the target.
    assert!(!others(d.path(), &["results.jsonl"]).is_empty());
    child.kill().expect("killed");
    child.wait().expect("reaped");
    feeder.join().expect("the feeder ends");
    assert_eq!(
        std::fs::read_to_string(&output).expect("still there"),
        "previous\n"
    );
}

#[test]
fn a_fatal_error_midway_leaves_no_output_file() {
    let d = dir();
    let input = d.path().join("h.jsonl");
    let mut bytes = format!("{ROW_M}\n{ROW_M}\n").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\n");
    std::fs::write(&input, bytes).expect("written");
    let output = d.path().join("out.jsonl");
    let o = run(&["batch", "--input", s(&input), "--output", s(&output)]);
    assert_exit(&o, 2);
    assert!(text(&o.stderr).contains("Regel 3"), "{}", text(&o.stderr));
    assert!(!output.exists());
    assert!(
        others(d.path(), &["h.jsonl"]).is_empty(),
        "the temporary file is removed"
    );
}
