//! End-to-end tests of the `wlz-bijdrage` binary. Expected amounts are the
//! worked examples of the spec (case ids in the test names).

mod common;

use common::{assert_exit, run, run_stdin, stderr, stdout};
use serde_json::Value;

/// The acceptance command (spec case M).
const CASE_M: &[&str] = &[
    "estimate", "--year", "2026", "--care", "vpt", "--age", "70", "--income", "38000", "--assets",
    "100000",
];

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Runs with `--json`, expects success and one JSON object.
fn json_ok(a: &[&str]) -> Value {
    let o = run(a);
    assert_exit(&o, 0);
    serde_json::from_str(&stdout(&o)).expect("stdout is one JSON object")
}

/// Runs, expects exit code 2, returns (stdout, stderr).
fn fails(a: &[&str]) -> (String, String) {
    let o = run(a);
    assert_exit(&o, 2);
    (stdout(&o), stderr(&o))
}

#[test]
fn case_m_acceptance_command() {
    let v = json_ok(&args(&with(CASE_M, &["--json"])));
    assert_eq!(v["monthly"], "337.68");
    assert_eq!(v["regime"], "lage");
    assert_eq!(v["version"], 1);
    assert!(v.get("due").is_none());
    assert!(v.is_object());
}

#[test]
fn case_i2_partial_month() {
    let v = json_ok(&args(&with(CASE_M, &["--days", "10", "--json"])));
    assert_eq!(v["monthly"], "337.68");
    assert_eq!(v["due"], "111.02");
}

#[test]
fn text_output_in_dutch_and_english() {
    let nl = run(CASE_M);
    assert_eq!(nl.status.code(), Some(0));
    let nl = stdout(&nl);
    assert!(nl.contains("€ 337,68"), "{nl}");
    assert!(nl.starts_with("U betaalt naar schatting € 337,68 per maand."));
    assert!(nl.contains("https://www.hetcak.nl"));
    assert!(nl.contains("Lage eigen bijdrage"));

    let en = run(&args(&with(CASE_M, &["--lang", "en"])));
    assert_eq!(en.status.code(), Some(0));
    let en = stdout(&en);
    assert!(en.contains("€337.68"), "{en}");
    assert!(en.starts_with("You pay an estimated €337.68 per month."));
    assert!(en.contains("https://www.hetcak.nl"));

    for text in [&nl, &en] {
        for line in text.lines() {
            assert!(line.chars().count() <= 100, "line too long: {line}");
        }
    }
}

#[test]
fn text_output_marks_estimates_and_shows_split_and_due() {
    let e = with(&["estimate"], &CASE_E);
    let o = run(&args(&with(&args(&e), &["--days", "10"])));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("€ 202,81"), "{text}");
    assert!(text.contains("€ 194,36"), "{text}");
    assert!(text.contains("10 dagen"), "{text}");

    let o = run(&[
        "estimate",
        "--year",
        "2024",
        "--care",
        "instelling",
        "--months-in-care",
        "6",
        "--age",
        "80",
        "--income",
        "30000",
        "--tax",
        "6000",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("(estimate)"), "{text}");
    assert!(text.contains("High contribution"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "line too long: {line}");
    }
}

#[test]
fn input_file_and_stdin_give_the_same_as_flags() {
    let json = r#"{"version": 1, "year": 2026, "days": 10,
        "client": {"age": 70, "care": "vpt", "income": 38000, "assets": 100000}}"#;
    let from_flags = json_ok(&args(&with(CASE_M, &["--days", "10", "--json"])));

    let path = std::env::temp_dir().join(format!("wlz-cli-test-{}.json", std::process::id()));
    std::fs::write(&path, json).expect("temp file");
    let path_str = path.to_string_lossy().into_owned();
    let from_file = json_ok(&["estimate", "--input", &path_str, "--json"]);
    let _ = std::fs::remove_file(&path);

    let o = run_stdin(&["estimate", "--input", "-", "--json"], json);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_stdin: Value = serde_json::from_str(&stdout(&o)).expect("JSON");

    assert_eq!(from_file, from_flags);
    assert_eq!(from_stdin, from_flags);
    assert_eq!(from_stdin["due"], "111.02");
}

#[test]
fn input_with_other_input_flags_is_an_error() {
    let (_, err) = fails(&["estimate", "--input", "-", "--age", "70", "--income", "5"]);
    assert!(err.contains("--age") && err.contains("--income"), "{err}");
}

#[test]
fn unknown_json_field_is_named() {
    let json = r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","incme":38000}}"#;
    let o = run_stdin(&["estimate", "--input", "-"], json);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("incme"), "{}", stderr(&o));

    let o = run_stdin(&["estimate", "--input", "-", "--json"], json);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("an error document");
    assert_eq!(v["version"], 1);
    assert_eq!(v["error"]["code"], "invalid_json");
    assert!(v["error"]["message"]["en"]
        .as_str()
        .is_some_and(|m| m.contains("incme")));
}

#[test]
fn unsupported_year_lists_the_supported_ones() {
    let (_, err) = fails(&[
        "estimate", "--year", "2023", "--care", "vpt", "--age", "70", "--income", "38000",
    ]);
    for y in ["2024", "2025", "2026"] {
        assert!(err.contains(y), "{err}");
    }
    let (out, _) = fails(&[
        "estimate", "--year", "2023", "--care", "vpt", "--age", "70", "--income", "38000", "--json",
    ]);
    let v: Value = serde_json::from_str(&out).expect("an error document");
    assert_eq!(v["error"]["code"], "unsupported_year");
}

#[test]
fn a_year_not_published_yet_says_so_and_lists_the_supported_ones() {
    let base = [
        "estimate", "--year", "2027", "--care", "vpt", "--age", "70", "--income", "38000",
    ];
    let (out, nl) = fails(&base);
    assert!(out.is_empty(), "{out}");
    assert!(
        nl.contains("De bedragen voor 2027 zijn nog niet bekend")
            && nl.contains("het CAK heeft ze nog niet gepubliceerd")
            && nl.contains("Kies uit: 2024, 2025, 2026."),
        "{nl}"
    );
    let (_, en) = fails(&args(&with(&base, &["--lang", "en"])));
    assert!(
        en.contains("The amounts for 2027 are not known yet")
            && en.contains("Choose from: 2024, 2025, 2026."),
        "{en}"
    );
    let (out, err) = fails(&args(&with(&base, &["--json"])));
    assert!(err.is_empty(), "{err}");
    let v: Value = serde_json::from_str(&out).expect("an error document");
    assert_eq!(v["error"]["code"], "unsupported_year");
    assert_eq!(v["error"]["field"], "year");
    let nl = v["error"]["message"]["nl"].as_str().unwrap_or_default();
    assert!(
        nl.contains("2027") && nl.contains("nog niet bekend"),
        "{nl}"
    );

    // The same from `params` and from a JSON input file.
    let (_, err) = fails(&["params", "--year", "2027"]);
    assert!(
        err.contains("nog niet bekend") && err.contains("2024, 2025, 2026"),
        "{err}"
    );
    let o = run_stdin(
        &["estimate", "--input", "-", "--json"],
        r#"{"version":1,"year":2027,"client":{"age":70,"care":"vpt","income":38000}}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("an error document");
    assert_eq!(v["error"]["code"], "unsupported_year");
}

#[test]
fn without_year_the_latest_supported_year_is_used() {
    let v = json_ok(&[
        "estimate", "--care", "vpt", "--age", "70", "--income", "38000", "--assets", "100000",
        "--json",
    ]);
    assert_eq!(v["year"], 2026);
    assert_eq!(v["monthly"], "337.68");
}

#[test]
fn a_bad_amount_names_the_flag_in_the_chosen_language() {
    let base = [
        "estimate", "--care", "vpt", "--age", "70", "--income", "abc",
    ];
    let (_, nl) = fails(&base);
    assert!(
        nl.contains("--income") && nl.contains("Dit is geen bedrag"),
        "{nl}"
    );
    let (_, en) = fails(&args(&with(&base, &["--lang", "en"])));
    assert!(
        en.contains("--income") && en.contains("This is not an amount"),
        "{en}"
    );
    let (out, _) = fails(&args(&with(&base, &["--json"])));
    let v: Value = serde_json::from_str(&out).expect("an error document");
    assert_eq!(v["error"]["field"], "client.income");
}

#[test]
fn days_beyond_a_month_are_an_error() {
    fails(&args(&with(CASE_M, &["--days", "40"])));
}

#[test]
fn case_hx_instelling_with_and_without_a_tax_figure() {
    let base = [
        "estimate",
        "--care",
        "instelling",
        "--months-in-care",
        "6",
        "--age",
        "80",
        "--income",
        "30000",
        "--year",
        "2024",
    ];
    // Spec case HX: with the tax of the peiljaar given.
    let v = json_ok(&args(&with(&base, &["--tax", "6000", "--json"])));
    assert_eq!(v["regime"], "hoge");
    assert_eq!(v["monthly"], "1155.54");
    assert_eq!(v["estimated"], true);
    // Without it the tax is estimated (fixtures/tax-estimate.yaml, tax-2024-aow-single-low: income 20000).
    let low = [
        "estimate",
        "--care",
        "instelling",
        "--age",
        "75",
        "--income",
        "20000",
        "--year",
        "2024",
        "--json",
    ];
    let v = json_ok(&low);
    assert_eq!(v["regime"], "hoge");
    assert_eq!(v["monthly"], "929.60");
    let tax = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "tax_client")
        .unwrap();
    assert_eq!(tax["estimated"], true);
    // Trace amounts are exact decimals (here 165.0000): compare the number.
    let amount = tax["amount"].as_str().unwrap();
    assert_eq!(amount.trim_end_matches('0').trim_end_matches('.'), "165");
}

/// Spec case E: a couple, one in an instelling, the other at home without Wlz care.
const CASE_E: [&str; 18] = [
    "--year",
    "2024",
    "--care",
    "instelling",
    "--age",
    "70",
    "--income",
    "24000",
    "--assets",
    "40000",
    "--partner-age",
    "70",
    "--partner-care",
    "none",
    "--partner-income",
    "23000",
    "--partner-assets",
    "40000",
];

#[test]
fn case_e_couple_with_split() {
    let e = with(&["estimate"], &CASE_E);
    let v = json_ok(&args(&with(&args(&e), &["--json"])));
    assert_eq!(v["regime"], "lage");
    assert_eq!(v["monthly"], "397.17");
    assert_eq!(v["split"]["client"], "202.81");
    assert_eq!(v["split"]["partner"], "194.36");
}

#[test]
fn dutch_notation_amounts_equal_plain_ones() {
    let plain = json_ok(&args(&with(CASE_M, &["--json"])));
    let dutch = json_ok(&[
        "estimate",
        "--year",
        "2026",
        "--care",
        "vpt",
        "--age",
        "70",
        "--income",
        "38.000",
        "--assets",
        "€ 100.000",
        "--json",
    ]);
    assert_eq!(plain, dutch);
}

#[test]
fn negative_amounts_are_accepted() {
    let v = json_ok(&[
        "estimate", "--care", "vpt", "--age", "70", "--income", "-500", "--json",
    ]);
    assert_eq!(v["regime"], "lage");
}

#[test]
fn care_lists_and_readings() {
    let v = json_ok(&[
        "estimate", "--care", "pgb,mpt", "--age", "70", "--income", "38000", "--json",
    ]);
    assert_eq!(v["regime"], "lage");

    let (_, err) = fails(&[
        "estimate",
        "--care",
        "vpt",
        "--age",
        "70",
        "--income",
        "38000",
        "--reading",
        "nonsense",
    ]);
    assert!(
        err.contains("nonsense") && err.contains("joint_vermogen_threshold"),
        "{err}"
    );

    let e = with(&["estimate"], &CASE_E);
    let couple_owned = with(&args(&e), &["--json"]);
    let couple = args(&couple_owned);
    let v = json_ok(&args(&with(&couple, &["--reading", "split_includes_vib"])));
    assert_eq!(v["monthly"], "397.17");
    assert!(v["readings"]
        .as_array()
        .is_some_and(|r| r.iter().any(|x| x == "O-19")));
}

#[test]
fn bad_usage_exits_2() {
    fails(&["estimate", "--no-such-flag"]);
    fails(&["estimate", "--lang", "fr", "--care", "vpt"]);
    fails(&[
        "estimate",
        "--care",
        "vpt",
        "--age",
        "70",
        "--income",
        "1",
        "--birth-date",
        "x",
    ]);
    fails(&["estimate", "--care", "foo", "--age", "70", "--income", "1"]);
}

/// `schema` prints the contract's JSON Schema; the npm package's TypeScript
/// types are generated from it, so it must describe what `estimate` writes.
#[test]
fn schema_describes_the_contract() {
    let o = run(&["schema"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let schema: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let defs = &schema["definitions"];
    assert_eq!(defs["Input"]["additionalProperties"], Value::Bool(false));
    let regimes: Vec<&Value> = defs["Regime"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["const"])
        .collect();
    let estimate = json_ok(&[
        "estimate", "--year", "2026", "--care", "vpt", "--age", "70", "--income", "38000",
        "--assets", "100000", "--json",
    ]);
    assert_eq!(regimes.len(), 3);
    assert!(regimes.contains(&&estimate["regime"]), "{regimes:?}");
    let props = defs["Estimate"]["properties"].as_object().unwrap();
    for key in estimate.as_object().unwrap().keys() {
        assert!(props.contains_key(key), "`{key}` is not in the schema");
    }
}

/// One vocabulary (issue 12): every input of the core's vocabulary is a flag of `estimate`
/// with the vocabulary's help, and a column of `batch`.
#[test]
fn every_vocabulary_input_is_a_flag_and_a_column() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wlz-bijdrage"))
        .args(["estimate", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    let header: Vec<String> = wlz_core::vocabulary::Key::ALL
        .iter()
        .map(|k| k.column())
        .collect();
    for k in wlz_core::vocabulary::Key::ALL {
        assert!(
            help.contains(&format!("--{} ", k.key())) || help.contains(&format!("--{}\n", k.key())),
            "--{}",
            k.key()
        );
        if k != wlz_core::vocabulary::Key::Year {
            let first_words: String = k
                .help_en()
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                help.contains(&first_words),
                "help of --{}: {first_words}",
                k.key()
            );
        }
    }
    // A CSV with every column and one empty row: the header is accepted (no unknown column).
    let csv = format!("{}\n{}\n", header.join(","), ",".repeat(header.len() - 1));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wlz-bijdrage"))
        .args(["batch", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(csv.as_bytes())
        .expect("written");
    let o = child.wait_with_output().expect("ends");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
