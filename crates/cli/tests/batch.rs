//! End-to-end tests of `wlz-bijdrage batch` and `wlz-bijdrage params`.
//! Expected amounts are worked examples of the spec (case ids in the comments).

mod common;

use common::{assert_exit, run, run_stdin, stderr, stdout_utf8, BIN};
use serde_json::Value;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// Spec cases M, C and F, a row with an unknown field, a line that is not JSON.
const JSONL: &str = concat!(
    r#"{"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
    "\n",
    r#"{"version":1,"year":2025,"client":{"age":50,"care":"pgb","income":40000}}"#,
    "\n",
    r#"{"year":2026, "client": {"age":70,"care":"vpt","income":"200.000"}}"#,
    "\r\n",
    r#"{"year":2026,"client":{"age":70,"care":"vpt","incom":38000}}"#,
    "\n",
    r#"{"year":2026,"client":{"age":70"#,
    "\n",
);

fn parse_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn jsonl_batch_gives_one_line_per_row_and_never_stops_on_a_bad_row() {
    let o = run_stdin(&["batch", "--format", "jsonl", "--lang", "en"], JSONL);
    assert_exit(&o, 0);
    assert_eq!(
        stderr(&o),
        "",
        "nothing on stderr when it is not a terminal"
    );
    let text = stdout_utf8(&o);
    let rows = parse_lines(&text);
    assert_eq!(rows.len(), 5, "{text}");

    // Case M: the input object's own text comes first, the result keys after it.
    let first = text.lines().next().expect("a first line");
    assert!(
        first.starts_with(
            r#"{"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000},"monthly":"337.68""#
        ),
        "{first}"
    );
    assert_eq!(rows[0]["monthly"], "337.68");
    assert_eq!(rows[0]["regime"], "lage");
    assert!(rows[0]["error"].is_null());
    // Case C (2025, pgb) and case F (the LEB maximum), with a Dutch-notation amount.
    assert_eq!(rows[1]["monthly"], "95.40");
    assert_eq!(rows[1]["version"], 1);
    assert_eq!(rows[2]["monthly"], "1115.80");
    assert_eq!(rows[2]["client"]["income"], "200.000");

    // The unknown field: the input kept, the error named.
    assert!(rows[3]["monthly"].is_null());
    assert!(rows[3]["regime"].is_null());
    assert_eq!(rows[3]["client"]["incom"], 38000);
    assert_eq!(rows[3]["error"]["code"], "invalid_json");
    assert_eq!(rows[3]["error"]["field"], "client.incom");
    let msg = rows[3]["error"]["message"].as_str().expect("a message");
    assert!(msg.starts_with("Unknown field `incom`"), "{msg}");

    // The malformed line: echoed with its line number.
    assert_eq!(rows[4]["line"], 5);
    assert_eq!(rows[4]["input"], r#"{"year":2026,"client":{"age":70"#);
    assert!(rows[4]["monthly"].is_null());
    assert_eq!(rows[4]["error"]["code"], "invalid_json");
    let msg = rows[4]["error"]["message"].as_str().expect("a message");
    assert!(
        msg.starts_with("Line 5 is not a valid JSON object"),
        "{msg}"
    );
}

#[test]
fn jsonl_messages_follow_the_language() {
    let o = run_stdin(&["batch", "--format", "jsonl"], JSONL);
    assert_exit(&o, 0);
    let rows = parse_lines(&stdout_utf8(&o));
    let msg = rows[3]["error"]["message"].as_str().expect("a message");
    assert!(msg.starts_with("Onbekend veld `incom`"), "{msg}");
    let msg = rows[4]["error"]["message"].as_str().expect("a message");
    assert!(
        msg.starts_with("Regel 5 is geen geldig JSON-object"),
        "{msg}"
    );
}

/// The same households as CSV, Dutch notation quoted, plus a bad cell and a broken row.
const CSV: &str = "\
id,year,age,care,income,assets,partner_age,partner_income,children
M,2026,70,vpt,\"38.000\",\"100.000\",,,
C,2025,50,pgb,40000,,,,nee
F,2026,70,vpt,\"200,000\",,,,no
bad,2026,70,vpt,38000,veel,,,
short,2026,70
";

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    rdr.records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn csv_batch_adds_monthly_regime_and_error_columns() {
    let o = run_stdin(&["batch", "--format", "csv", "--lang", "en"], CSV);
    assert_exit(&o, 0);
    assert_eq!(stderr(&o), "");
    let rows = parse_csv(&stdout_utf8(&o));
    assert_eq!(rows.len(), 6, "{}", stdout_utf8(&o));
    assert_eq!(
        rows[0],
        [
            "id",
            "year",
            "age",
            "care",
            "income",
            "assets",
            "partner_age",
            "partner_income",
            "children",
            "monthly",
            "regime",
            "error"
        ]
    );
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("row {id}"))
            .clone()
    };
    // Every input cell is passed through unchanged.
    assert_eq!(
        &by_id("M")[..9],
        ["M", "2026", "70", "vpt", "38.000", "100.000", "", "", ""]
    );
    assert_eq!(by_id("M")[9..], ["337.68", "lage", ""]);
    assert_eq!(by_id("C")[9..], ["95.40", "lage", ""]);
    assert_eq!(by_id("F")[9..], ["1115.80", "lage", ""]);

    let bad = by_id("bad");
    assert_eq!(bad[9], "");
    assert_eq!(bad[10], "");
    assert!(bad[11].starts_with("[invalid_amount] "), "{}", bad[11]);
    assert!(bad[11].contains("assets"), "{}", bad[11]);

    let short = by_id("short");
    assert_eq!(short.len(), 12, "padded to the header: {short:?}");
    assert!(short[11].starts_with("[invalid_csv] "), "{}", short[11]);
}

#[test]
fn csv_partner_columns_add_a_partner_and_semicolons_are_understood() {
    // Spec case E (2024): a couple, one in an instelling, the other at home; Dutch notation.
    // The second row has no partner cells: a single person in an instelling (hoge bijdrage).
    let csv = "\
year;age;care;months_in_care;income;assets;partner_age;partner_care;partner_income;partner_assets
2024;70;instelling;5;24.000;40.000;70;none;23.000;40.000
2024;70;instelling;5;24.000;40.000;;;;
";
    let o = run_stdin(&["batch", "--format", "csv", "--lang", "en"], csv);
    assert_exit(&o, 0);
    let text = stdout_utf8(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].ends_with(";monthly;regime;error"), "{}", lines[0]);
    assert!(lines[1].ends_with(";397.17;lage;"), "{}", lines[1]);
    assert!(!lines[2].contains(";lage;"), "{}", lines[2]);
}

#[test]
fn titles_windows_line_ends_and_an_earlier_result_file() {
    // Spec §6.1 case M by its Dutch titles, with Windows line ends: a short row says its own
    // line (the header is line 1), and a result file runs again without its old results.
    let csv = "Kenmerk;Leeftijd;Zorgvorm;Verzamelinkomen;Vermogen;monthly;regime;error\r\n\
               M;70;vpt;38.000;100.000;1,00;hoge;\r\n\
               kort;70;vpt\r\n";
    let o = run_stdin(&["batch", "--format", "csv", "--lang", "en"], csv);
    assert_exit(&o, 0);
    let text = stdout_utf8(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Kenmerk;Leeftijd;Zorgvorm;Verzamelinkomen;Vermogen;monthly;regime;error"
    );
    assert_eq!(lines[1], "M;70;vpt;38.000;100.000;337.68;lage;");
    assert!(
        lines[2].ends_with("[invalid_csv] Line 3 has 3 fields, the header row 8."),
        "{text}"
    );
}

#[test]
fn a_column_without_a_name_passes_through_and_its_filled_cells_are_told() {
    // Trailing delimiters (as spreadsheets write them) give columns without a name.
    let o = run_stdin(
        &["batch", "--format", "csv", "--lang", "en"],
        "age;care;income;assets;;\n70;vpt;38000;100000;;\n70;vpt;38000;100000;;x\n",
    );
    assert_exit(&o, 0);
    let text = stdout_utf8(&o);
    let lines: Vec<&str> = text.lines().collect();
    // Spec §6.1 case M, with the unnamed columns echoed.
    assert_eq!(lines[1], "70;vpt;38000;100000;;;337.68;lage;");
    assert_eq!(lines[2], "70;vpt;38000;100000;;x;337.68;lage;");
    assert_eq!(
        stderr(&o),
        "wlz-bijdrage: warning: Column 6 has no name in the first row. What is under it was not used.\n"
    );
}

#[test]
fn unknown_csv_column_exits_2_before_any_output() {
    let o = run_stdin(
        &["batch", "--format", "csv", "--lang", "en"],
        "age,care,incom\n70,vpt,38000\n",
    );
    assert_exit(&o, 2);
    assert_eq!(stdout_utf8(&o), "");
    assert!(stderr(&o).contains("`incom`"), "{}", stderr(&o));
}

#[test]
fn missing_input_file_exits_2() {
    for format in ["jsonl", "csv"] {
        let o = run(&[
            "batch",
            "--format",
            format,
            "--input",
            "/nonexistent/households.input",
        ]);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains("/nonexistent/households.input"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn input_and_output_files_and_format_from_the_extension() {
    let dir = std::env::temp_dir().join(format!("wlz-batch-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let input = dir.join("households.csv");
    let output = dir.join("results.csv");
    std::fs::write(&input, CSV).expect("the input is written");
    let o = run(&[
        "batch",
        "--input",
        input.to_str().expect("UTF-8 path"),
        "--output",
        output.to_str().expect("UTF-8 path"),
    ]);
    assert_exit(&o, 0);
    assert_eq!(stdout_utf8(&o), "");
    let mut text = String::new();
    std::fs::File::open(&output)
        .and_then(|mut f| f.read_to_string(&mut text))
        .expect("the output file exists");
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[1][9], "337.68");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_utf8_input_exits_2() {
    let mut child = Command::new(BIN)
        .args(["batch", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(b"{\"year\":2026}\n\xff\xfe\n")
        .expect("stdin accepts the input");
    let o = child.wait_with_output().expect("the binary ends");
    assert_exit(&o, 2);
}

#[test]
fn a_large_jsonl_input_streams_through() {
    // Mostly cheap rows (an unsupported year fails early) so that the test stays fast in a
    // debug build; every 100th row is spec case M.
    const ROWS: usize = 100_000;
    let mut input = String::with_capacity(ROWS * 90);
    for i in 0..ROWS {
        if i % 100 == 0 {
            input.push_str(
                r#"{"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
            );
        } else {
            input.push_str(r#"{"year":2023,"client":{"age":70,"care":"vpt","income":1}}"#);
        }
        input.push('\n');
    }
    let o = run_stdin(&["batch", "--format", "jsonl"], input);
    assert_exit(&o, 0);
    let text = stdout_utf8(&o);
    assert_eq!(text.lines().count(), ROWS);
    assert_eq!(text.matches(r#""monthly":"337.68""#).count(), ROWS / 100);
    assert_eq!(
        text.matches(r#""code":"unsupported_year""#).count(),
        ROWS - ROWS / 100
    );
}

fn params_json(year: &str) -> Vec<Value> {
    let o = run(&["params", "--year", year, "--json"]);
    assert_exit(&o, 0);
    let v: Value = serde_json::from_str(&stdout_utf8(&o)).expect("one JSON document");
    v.as_array().expect("an array of parameters").clone()
}

#[test]
fn params_json_lists_values_statuses_and_references() {
    let params = params_json("2026");
    let find = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} is listed"))
    };
    let leb_min = find("leb_min_month");
    assert_eq!(leb_min["value"], "212.60");
    assert_eq!(leb_min["unit"], "eur_per_month");
    assert_eq!(leb_min["status"], "VERIFIED");
    assert!(leb_min["reference"]["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
    // Spec §2.4.3: the 2024 Zvw rate 5,32% is still an estimate; the nominal amount (the
    // standaardpremie 2024) is DERIVED and carries its rule.
    let zvw = find("zvw_rate");
    assert_eq!(zvw["status"], "ESTIMATE");
    assert_eq!(zvw["value"], "0.0532");
    assert!(zvw["note"].as_str().is_some_and(|n| !n.is_empty()));
    let nominal = find("zvw_nominal");
    assert_eq!(nominal["status"], "DERIVED");
    assert_eq!(nominal["value"], "1987");
    assert!(nominal["derivation"]["rule"]["nl"]
        .as_str()
        .is_some_and(|r| r.contains("standaardpremie")));
}

#[test]
fn params_text_is_a_table_within_120_columns() {
    let nl = run(&["params", "--year", "2026"]);
    assert_exit(&nl, 0);
    let nl = stdout_utf8(&nl);
    assert!(nl.contains("€ 212,60"), "{nl}");
    assert!(nl.contains("5,32%"), "{nl}");
    assert!(nl.contains("ESTIMATE") && nl.contains("DERIVED"), "{nl}");
    assert!(nl.contains("Regel: De standaardpremie van 2024"), "{nl}");
    let en = run(&["params", "--year", "2026", "--lang", "en"]);
    assert_exit(&en, 0);
    let en = stdout_utf8(&en);
    assert!(en.contains("€212.60"), "{en}");
    assert!(en.contains("5.32%"), "{en}");
    assert!(en.contains("10%"), "{en}");
    for text in [&nl, &en] {
        for line in text.lines() {
            assert!(line.chars().count() <= 120, "line too long: {line}");
        }
    }
    let leb = en
        .lines()
        .find(|l| l.starts_with("leb_min_month "))
        .expect("a row for leb_min_month");
    assert!(
        leb.contains("eur_per_month") && leb.contains("VERIFIED"),
        "{leb}"
    );
}

#[test]
fn params_for_an_unsupported_year_exits_2_and_lists_the_supported_ones() {
    let o = run(&["params", "--year", "2023", "--lang", "en"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("2024, 2025, 2026"), "{err}");
    let o = run(&["params", "--year", "2023", "--json"]);
    assert_exit(&o, 2);
    let v: Value = serde_json::from_str(&stdout_utf8(&o)).expect("the error document");
    assert_eq!(v["error"]["code"], "unsupported_year");
}
