//! The scenario subcommands, against hand calculations (see crates/core/tests/scenarios.rs).

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_wlz-bijdrage"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn run_json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    serde_json::from_slice(&run(&a)).unwrap()
}

fn run_text(args: &[&str]) -> String {
    String::from_utf8(run(args)).unwrap()
}

const HOUSEHOLD: [&str; 10] = [
    "--year",
    "2025",
    "--care",
    "instelling",
    "--age",
    "80",
    "--income",
    "30000",
    "--tax",
    "6000",
];

#[test]
fn timeline_totals_match_the_hand_calculation() {
    // LEB 250.00, HEB 1134.35 (2025) and 1119.25 (2026), as in crates/core/tests/scenarios.rs; stay from 10 March 2025.
    let mut a = vec!["timeline", "--start", "2025-03-10"];
    a.extend(HOUSEHOLD);
    let v = run_json(&a);
    assert_eq!(v["total_calendar_year"], "7497.00");
    assert_eq!(v["total_12_months"], "9735.50");
    assert_eq!(v["months"][4]["amount"], "894.43");
    let text = run_text(&a);
    assert!(
        text.contains("€ 9.735,50") && text.contains("€ 7.497,00"),
        "{text}"
    );
}

#[test]
fn compare_lists_every_care_form() {
    let v = run_json(&[
        "compare", "--year", "2026", "--age", "70", "--income", "38000", "--assets", "100000",
    ]);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let vpt = rows.iter().find(|r| r["option"] == "vpt").unwrap();
    assert_eq!(vpt["monthly"], "337.68"); // spec case M
    let text = run_text(&[
        "compare", "--year", "2026", "--age", "70", "--income", "38000", "--assets", "100000",
        "--lang", "en",
    ]);
    assert!(text.contains("€337.68"), "{text}");
}

#[test]
fn what_if_shows_the_drop_and_the_deadline() {
    // Spec case C, this year's income 34000: drop 6000 ≥ 3177.80; 45.40 instead of 95.40.
    let v = run_json(&[
        "what-if",
        "--year",
        "2025",
        "--care",
        "pgb",
        "--age",
        "50",
        "--income",
        "40000",
        "--current-income",
        "34.000",
    ]);
    assert_eq!(v["monthly_peiljaar"], "95.40");
    assert_eq!(v["monthly_current"], "45.40");
    assert_eq!(v["request_possible"], true);
    assert_eq!(v["deadline"], "2026-04-30");
}

#[test]
fn curve_reports_the_spec_breakpoints() {
    let v = run_json(&[
        "curve", "--year", "2024", "--care", "vpt", "--age", "50", "--income", "30000",
    ]);
    assert_eq!(v["minimum_until"], "24048.00"); // spec §2.5
    assert_eq!(v["maximum_from"], "126264.00");
}

#[test]
fn scenario_flags_are_not_household_data() {
    // --start with --input is fine; household flags with --input are not.
    let dir = std::env::temp_dir().join(format!("wlz-scn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("in.json");
    std::fs::write(&f, r#"{"version":1,"year":2025,"client":{"age":80,"care":"instelling","income":30000,"tax":6000}}"#).unwrap();
    let v = run_json(&[
        "timeline",
        "--start",
        "2025-03-10",
        "--input",
        f.to_str().unwrap(),
    ]);
    assert_eq!(v["total_12_months"], "9735.50");
    let out = Command::new(env!("CARGO_BIN_EXE_wlz-bijdrage"))
        .args([
            "timeline",
            "--start",
            "2025-03-10",
            "--age",
            "70",
            "--input",
            f.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
