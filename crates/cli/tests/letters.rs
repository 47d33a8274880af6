//! `wlz-bijdrage check-letter` and `wlz-bijdrage letter` end to end: the worked examples
//! E1–E6b of the letters spec (fixtures/letters/cases.yaml, whose expected values are the
//! spec's) typed as flags and given as JSON, the text report in Dutch and English, the five
//! letters, and bad flags.

mod common;

use common::{assert_exit, dec, run, run_stdin, scalar, simple, stderr, stdout_utf8};
use serde_json::Value;
use std::collections::BTreeMap;

/// The worked examples of the spec, as written in the fixture.
fn cases() -> BTreeMap<String, Value> {
    common::fixture_cases("letters/cases.yaml")
}

/// The client of the household: the flags of `estimate`; `stay.start` is `--stay-start`.
fn client(obj: &Value, out: &mut Vec<String>) {
    for (k, v) in obj.as_object().expect("client is an object") {
        if k == "stay" {
            simple(
                v,
                &[
                    ("start", "stay-start"),
                    ("months_completed", "months-in-care"),
                ],
                "client.stay",
                out,
            );
            continue;
        }
        let map = [
            ("age", "age"),
            ("care", "care"),
            ("income", "income"),
            ("tax", "tax"),
            ("assets", "assets"),
        ];
        let Some((_, flag)) = map.iter().find(|(f, _)| f == k) else {
            panic!("no flag for client.{k}");
        };
        out.extend([format!("--{flag}"), scalar(v)]);
    }
}

/// The translation of a case's `input` (a check request) into the flags of `check-letter`.
fn flags(input: &Value) -> Vec<String> {
    let mut out = vec!["check-letter".to_string(), "--json".to_string()];
    let letter_year = input["letter"]
        .get("year")
        .map(scalar)
        .unwrap_or_else(|| scalar(&input["letter"]["from"])[..4].to_string());
    for (k, v) in input.as_object().expect("input is an object") {
        match k.as_str() {
            "household" => {
                for (hk, hv) in v.as_object().expect("household is an object") {
                    match hk.as_str() {
                        "version" => assert_eq!(hv, 1),
                        // The year of a check is the letter's.
                        "year" => assert_eq!(scalar(hv), letter_year),
                        "client" => client(hv, &mut out),
                        other => panic!("no flag for household.{other}"),
                    }
                }
            }
            "letter" => {
                let fields = [
                    "date",
                    "from",
                    "to",
                    "year",
                    "monthly",
                    "regime",
                    "kind",
                    "bi",
                    "income",
                    "partner_income",
                    "assets",
                    "household",
                    "share",
                    "peiljaar",
                    "kenmerk",
                    "care_form",
                    "care_start",
                ];
                let names: Vec<(String, String)> = fields
                    .iter()
                    .map(|f| (f.to_string(), format!("letter-{}", f.replace('_', "-"))))
                    .collect();
                let map: Vec<(&str, &str)> = names
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect();
                simple(v, &map, "letter", &mut out);
            }
            "care_start" => out.extend(["--care-start".into(), scalar(v)]),
            "income_by_year" | "tax_by_year" => {
                let kind = &k[..k.len() - "_by_year".len()];
                for (year, amount) in v.as_object().expect("a map of years") {
                    out.extend([format!("--{kind}-{year}"), scalar(amount)]);
                }
            }
            other => panic!("no flag for {other}"),
        }
    }
    out
}

/// Runs `args` and returns the JSON report (exit 0 required).
fn report(name: &str, args: &[String]) -> Value {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_exit(&out, 0);
    serde_json::from_str(&stdout_utf8(&out)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A money value (or an open end, `null`) compared by its amount, not by its digits.
fn same(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        _ => dec(got) == dec(want),
    }
}

/// Every expected value of a case against the report; an unknown key fails the test.
fn compare(name: &str, got: &Value, want: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let mut eq = |what: String, g: &Value, w: &Value| {
        if !same(g, w) {
            bad.push(format!("{name} {what}: got {g}, want {w}"));
        }
    };
    for (k, w) in want.as_object().expect("expected is an object") {
        match k.as_str() {
            "verdict" => {
                if got["verdict"] != *w {
                    eq("verdict".into(), &Value::Null, w);
                }
            }
            "expected_monthly" | "difference" => eq(k.clone(), &got[k], w),
            "explained_by" => {
                let list = got["explained_by"].as_array().expect("a list");
                if !list.contains(w) {
                    eq(format!("explained_by {list:?} contains"), &Value::Null, w);
                }
            }
            "implied_bi" | "deadlines" | "backdated" | "spreading" => {
                for (part, wv) in w.as_object().expect("an object") {
                    let g = &got[k][part];
                    if k == "deadlines" {
                        if g != wv {
                            eq(format!("deadlines.{part}"), &Value::Null, wv);
                        }
                    } else {
                        eq(format!("{k}.{part}"), g, wv);
                    }
                }
            }
            "implied_inkomen" => {
                for part in ["low", "high"] {
                    eq(
                        format!("implied.inkomen.{part}"),
                        &got["implied"]["inkomen"][part],
                        &w[part],
                    );
                }
            }
            other => panic!("{name}: the test does not compare `{other}`"),
        }
    }
    bad
}

#[test]
fn every_worked_example_through_the_flags_matches_the_spec() {
    let mut bad = Vec::new();
    let mut seen = Vec::new();
    for (name, case) in cases() {
        let got = report(&name, &flags(&case["input"]));
        bad.extend(compare(&name, &got, &case["expected"]));
        seen.push(name);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for e in ["E1", "E2", "E3-", "E3b", "E4", "E5", "E6-", "E6b"] {
        assert!(
            seen.iter().any(|n| n.starts_with(e)),
            "{e} missing: {seen:?}"
        );
    }
}

#[test]
fn every_worked_example_through_input_matches_the_spec_and_the_flags() {
    let mut bad = Vec::new();
    for (name, case) in cases() {
        let json = serde_json::to_string(&case["input"]).expect("JSON");
        let out = run_stdin(&["check-letter", "--json", "--input", "-"], json);
        assert_exit(&out, 0);
        let by_file: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
        bad.extend(compare(&name, &by_file, &case["expected"]));
        let by_flags = report(&name, &flags(&case["input"]));
        assert_eq!(by_flags, by_file, "{name}: flags and --input differ");
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// E2's flags, without `--json`.
fn e2_text(lang: &str) -> String {
    let case = &cases()["E2-partner-died"];
    let mut args: Vec<String> = flags(&case["input"])
        .into_iter()
        .filter(|a| a != "--json")
        .collect();
    args.extend(["--lang".into(), lang.into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_exit(&out, 0);
    stdout_utf8(&out)
}

#[test]
fn the_text_report_of_e2_in_dutch_and_english() {
    // The verdict sentence as the core writes it, with its code (lines joined: it may wrap).
    let json = report("E2", &flags(&cases()["E2-partner-died"]["input"]));
    let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let nl = e2_text("nl");
    let sentence = format!(
        "{} (V2)",
        json["verdict_text"]["nl"].as_str().expect("text")
    );
    assert!(
        joined(&nl).contains(&sentence),
        "`{sentence}` not in:\n{nl}"
    );
    let en = e2_text("en");
    let sentence = format!(
        "{} (V2)",
        json["verdict_text"]["en"].as_str().expect("text")
    );
    assert!(
        joined(&en).contains(&sentence),
        "`{sentence}` not in:\n{en}"
    );
    for part in [
        "Het CAK rekent met een partner.",
        "€ 416,67",
        "€ 212,60",
        "€ 204,07",
        "F2:",
        "tussen € 49.999,80 en € 50.001,00",
        "26 februari 2026",
        "30 april 2027",
        "Dit is een controle, geen beschikking.",
    ] {
        assert!(nl.contains(part), "`{part}` not in:\n{nl}");
    }
    for part in [
        "The CAK counts a partner. You say you have none.",
        "(V2)",
        "€416.67",
        "€212.60",
        "26 February 2026",
        "This is a check, not a decision.",
    ] {
        assert!(en.contains(part), "`{part}` not in:\n{en}");
    }
}

#[test]
fn the_text_report_shows_the_back_dated_months_and_the_clamps() {
    let case = &cases()["E6-backdated-pgb"];
    let mut args: Vec<String> = flags(&case["input"])
        .into_iter()
        .filter(|a| a != "--json")
        .collect();
    args.extend(["--lang".into(), "nl".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = stdout_utf8(&run(&args));
    for part in [
        "januari 2025",
        "mag niet meer",
        "april 2026",
        "€ 1.238,88",
        "€ 286,20",
        "12 maanden € 103,24",
        "€ 198,31 per maand",
    ] {
        assert!(text.contains(part), "`{part}` not in:\n{text}");
    }
    // E6b: the month of the switch shows its two parts, charged per day.
    let case = &cases()["E6b-backdated-regime-switch"];
    let args: Vec<String> = flags(&case["input"])
        .into_iter()
        .filter(|a| a != "--json")
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = stdout_utf8(&run(&args));
    for part in [
        "16 dagen laag € 566,32",
        "14 dagen laag € 513,57 + 17 dagen hoog € 1.711,25",
        "€ 12.144,54",
        "24 maanden € 506,03, de laatste keer € 505,85",
    ] {
        assert!(text.contains(part), "`{part}` not in:\n{text}");
    }
    // E5: the letter at the minimum only bounds the income from above.
    let case = &cases()["E5-at-the-minimum"];
    let args: Vec<String> = flags(&case["input"])
        .into_iter()
        .filter(|a| a != "--json")
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = stdout_utf8(&run(&args));
    assert!(text.contains("van hoogstens € 25.512,60"), "{text}");
    assert!(text.contains("(V6)"), "{text}");
}

/// Every field flag of `letter` with a value, enough for all five templates.
fn all_fields() -> Vec<&'static str> {
    vec![
        "--naam",
        "J. Jansen",
        "--straat-huisnummer",
        "Dorpsstraat 1",
        "--postcode",
        "1234 AB",
        "--woonplaats",
        "Utrecht",
        "--telefoon",
        "06-12345678",
        "--email",
        "j@example.nl",
        "--klantnummer",
        "123456",
        "--adres-cak",
        "Antwoordnummer 1608, 2509 VB Den Haag",
        "--datum-vandaag",
        "2026-02-01",
        "--datum-beschikking",
        "2026-01-15",
        "--kenmerk",
        "K-1",
        "--jaar",
        "2026",
        "--peiljaar",
        "2024",
        "--bi-peiljaar",
        "50000",
        "--bi-verwacht",
        "22000",
        "--drempel",
        "3293.60",
        "--reden",
        "mijn partner is overleden",
        "--bedrag-cak",
        "416.67",
        "--bedrag-eigen",
        "212.60",
        "--ingangsdatum",
        "2026-01-01",
        "--redenen",
        "partner-died,start-period",
        "--datum",
        "2025-12-20",
        "--opnamedatum",
        "2026-02-01",
        "--datum-cak",
        "2026-02-01",
        "--factuurnummer",
        "F-9",
        "--datum-factuur",
        "2026-04-10",
        "--bedrag-totaal",
        "1238.88",
        "--aantal-maanden",
        "13",
        "--termijnbedrag",
        "103.24",
        "--aantal-termijnen",
        "12",
        "--maandbedrag",
        "95.07",
        "--wijziging",
        "died",
        "--naam-partner",
        "P. Jansen",
        "--datum-wijziging",
        "2025-12-20",
        "--datum-ontvangst",
        "2024-05-01",
        "--bedrag",
        "10000",
        "--soort-uitkering",
        "letselschadevergoeding",
        "--jaar-vermogen",
        "2025",
    ]
}

/// The figures each template must show when every field is given.
const FIGURES: [(&str, &[&str]); 5] = [
    (
        "aanpassing",
        &[
            "€ 50.000,00",
            "€ 22.000,00",
            "€ 28.000,00",
            "15 januari 2026",
        ],
    ),
    (
        "bezwaar",
        &[
            "€ 416,67",
            "€ 212,60",
            "20 december 2025",
            "1 februari 2026",
        ],
    ),
    (
        "betalingsregeling",
        &["€ 1.238,88", "€ 103,24", "€ 95,07", "F-9"],
    ),
    ("partner", &["P. Jansen", "20 december 2025", "123456"]),
    (
        "eenmalig",
        &["€ 10.000,00", "1 mei 2024", "letselschadevergoeding"],
    ),
];

#[test]
fn every_template_with_all_its_fields_has_no_blank() {
    for (template, figures) in FIGURES {
        let mut args = vec!["letter", "--template", template];
        args.extend(all_fields());
        let out = run(&args);
        assert_exit(&out, 0);
        let text = stdout_utf8(&out);
        assert!(
            !text.contains("……………") && !text.contains('{'),
            "{template}:\n{text}"
        );
        for f in figures {
            assert!(text.contains(f), "{template}: `{f}` not in:\n{text}");
        }
        assert!(stderr(&out).is_empty(), "{template}: {}", stderr(&out));
    }
    // The high-contribution variant of the aanpassing needs its own figures.
    let mut args = vec!["letter", "--template", "aanpassing", "--hoge"];
    args.extend(all_fields());
    args.extend([
        "--netto-maand",
        "2400",
        "--premie-maand",
        "160",
        "--zorgtoeslag-maand",
        "0",
        "--zkg-grens",
        "390.40",
    ]);
    let out = run(&args);
    assert_exit(&out, 0);
    let text = stdout_utf8(&out);
    assert!(!text.contains("……………"), "{text}");
    assert!(text.contains("Ik houd over: € 1.823,33."), "{text}");
}

#[test]
fn a_missing_field_is_a_blank_listed_on_stderr() {
    let mut args = vec!["letter", "--template", "bezwaar"];
    let fields = all_fields();
    // Everything but the kenmerk.
    for pair in fields.chunks(2) {
        if pair[0] != "--kenmerk" {
            args.extend(pair);
        }
    }
    let out = run(&args);
    assert_exit(&out, 0);
    assert!(stdout_utf8(&out).contains("Het kenmerk is ……………"));
    let err = stderr(&out);
    assert!(err.contains("--kenmerk"), "{err}");
    assert!(!err.contains("--naam"), "{err}");
    // English, and the JSON object lists it too.
    args.extend(["--lang", "en", "--json"]);
    let out = run(&args);
    assert_exit(&out, 0);
    let v: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
    assert_eq!(v["missing"], serde_json::json!(["kenmerk"]));
    assert_eq!(v["template"], "bezwaar");
}

#[test]
fn a_bezwaar_from_the_check_of_e2() {
    let json = serde_json::to_string(&cases()["E2-partner-died"]["input"]).expect("JSON");
    let out = run_stdin(
        &[
            "letter",
            "--template",
            "bezwaar",
            "--from-check",
            "-",
            "--naam",
            "J. Jansen",
        ],
        json,
    );
    assert_exit(&out, 0);
    let text = stdout_utf8(&out);
    for part in [
        "€ 416,67",
        "€ 212,60",
        "15 januari 2026",
        "Mijn partner is op …………… overleden.",
        "J. Jansen",
    ] {
        assert!(text.contains(part), "`{part}` not in:\n{text}");
    }
    let err = stderr(&out);
    assert!(
        err.contains("--datum,") && err.contains("--kenmerk"),
        "{err}"
    );
    // The date of the letter defaults to today.
    assert!(!err.contains("--datum-vandaag"), "{err}");
}

/// The run ends with exit 2 and a message naming `flag`, without a panic.
fn fails_naming(args: &[&str], flag: &str) {
    let out = run(args);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains(flag), "{args:?}: `{flag}` not in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_letter_flags_exit_2_and_name_the_flag() {
    let cases: [(&str, &[&str], &str); 7] = [
        ("klacht", &[], "--template"),
        (
            "bezwaar",
            &["--datum-beschikking", "15-01-2026"],
            "--datum-beschikking",
        ),
        ("bezwaar", &["--redenen", "partner-died,pech"], "--redenen"),
        ("partner", &["--wijziging", "weg"], "--wijziging"),
        ("bezwaar", &["--bedrag-cak", "€ x"], "--bedrag-cak"),
        (
            "betalingsregeling",
            &["--aantal-termijnen", "-3"],
            "--aantal-termijnen",
        ),
        (
            "bezwaar",
            &["--from-check", "/nonexistent/check.json"],
            "/nonexistent/check.json",
        ),
    ];
    for (template, extra, flag) in cases {
        let mut args = vec!["letter", "--template", template];
        args.extend(extra);
        fails_naming(&args, flag);
    }
    // A check request that is not valid JSON names --from-check.
    let out = run_stdin(
        &["letter", "--template", "bezwaar", "--from-check", "-"],
        "{",
    );
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("--from-check"), "{}", stderr(&out));
}

#[test]
fn bad_check_letter_flags_exit_2_and_name_the_flag() {
    let e2 = [
        "check-letter",
        "--age",
        "75",
        "--care",
        "vpt",
        "--income",
        "22000",
        "--letter-date",
        "2026-01-15",
        "--letter-from",
        "2026-01-01",
        "--letter-monthly",
        "416.67",
    ];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut v = e2.to_vec();
        v.extend(extra);
        v
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (with(&["--letter-regime", "middel"]), "--letter-regime"),
        (with(&["--letter-kind", "brief"]), "--letter-kind"),
        (with(&["--letter-household", "trio"]), "--letter-household"),
        (with(&["--letter-share", "half"]), "--letter-share"),
        (with(&["--letter-bi", "veel"]), "--letter-bi"),
        (with(&["--letter-to", "2026-02-30"]), "--letter-to"),
        (with(&["--letter-care-form", "thuis"]), "--letter-care-form"),
        (with(&["--care-start", "gisteren"]), "--care-start"),
        (with(&["--income-2024", "x"]), "--income-2024"),
        (with(&["--year", "2026"]), "--year"),
        (with(&["--letter-year", "2019"]), "--letter-year"),
        (with(&["--income", "abc"]), "--income"),
        (
            vec![
                "check-letter",
                "--age",
                "75",
                "--letter-date",
                "2026-01-15",
                "--letter-from",
                "2026-01-01",
            ],
            "--letter-monthly",
        ),
    ];
    for (args, flag) in cases {
        fails_naming(&args, flag);
    }
    // With --json the error is a JSON document on stdout.
    let out = run(&with(&["--letter-regime", "middel", "--json"]));
    assert_exit(&out, 2);
    let v: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
    assert!(v["error"]["message"]["en"]
        .as_str()
        .is_some_and(|m| m.contains("--letter-regime")));
}

#[test]
fn input_does_not_mix_with_flags() {
    let json = serde_json::to_string(&cases()["E1-letter-matches"]["input"]).expect("JSON");
    let out = run_stdin(
        &["check-letter", "--input", "-", "--letter-monthly", "1"],
        json,
    );
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("--letter-monthly"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_help_documents_the_letter_flags() {
    let out = run(&["check-letter", "--help"]);
    assert_exit(&out, 0);
    let help = stdout_utf8(&out);
    for flag in [
        "--letter-date",
        "--letter-monthly",
        "--letter-regime",
        "--letter-kind",
        "--letter-household",
        "--letter-share",
        "--care-start",
        "--income-YYYY",
        "--input",
    ] {
        assert!(help.contains(flag), "{flag} not in the help");
    }
    let out = run(&["letter", "--help"]);
    assert_exit(&out, 0);
    let help = stdout_utf8(&out);
    for flag in [
        "--template",
        "--from-check",
        "--naam",
        "--redenen",
        "--wijziging",
        "--bedrag-cak",
    ] {
        assert!(help.contains(flag), "{flag} not in the help");
    }
    let top = stdout_utf8(&run(&["--help"]));
    assert!(
        top.contains("check-letter") && top.contains("letter"),
        "{top}"
    );
}
