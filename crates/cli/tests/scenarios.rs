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

/// Spec §6.1 case E (2024): client in an instelling for 5 months, partner at home without
/// care → lage, € 397,17 together. With the partner in an instelling of their own (the same
/// 5 months), or in beschermd wonen, both start periods are over: hoge (Blz 3.3.2.1 lid 1 b
/// and c). The current row is the partner at home.
#[test]
fn compare_partner_puts_the_four_places_side_by_side() {
    let case_e = [
        "compare",
        "--partner",
        "--year",
        "2024",
        "--care",
        "instelling",
        "--months-in-care",
        "5",
        "--age",
        "70",
        "--income",
        "24000",
        "--assets",
        "40000",
        "--partner-age",
        "68",
        "--partner-income",
        "23000",
        "--partner-assets",
        "40000",
        "--partner-care",
        "none",
    ];
    let v = run_json(&case_e);
    let rows = v["rows"].as_array().unwrap();
    let options: Vec<&str> = rows.iter().map(|r| r["option"].as_str().unwrap()).collect();
    assert_eq!(
        options,
        ["none", "living-along", "instelling", "beschermd-wonen"]
    );
    assert_eq!(rows[0]["monthly"], "397.17");
    assert_eq!(rows[0]["regime"], "lage");
    assert_eq!(rows[0]["current"], true);
    assert_eq!(rows[2]["regime"], "hoge");
    assert_eq!(rows[3]["regime"], "hoge");
    assert!(rows[1..].iter().all(|r| r["current"] == false));
    assert_eq!(v["applies"], true);
    assert_eq!(v["differs"], true);
    let text = run_text(&case_e);
    assert!(text.contains("€ 397,17") && text.contains("← nu"), "{text}");
    // Without a partner there is nothing to compare: a clear error.
    let out = Command::new(env!("CARGO_BIN_EXE_wlz-bijdrage"))
        .args([
            "compare",
            "--partner",
            "--year",
            "2026",
            "--care",
            "vpt",
            "--age",
            "70",
            "--income",
            "1",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "missing_partner_data");
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
