//! `wlz-bijdrage plan` end to end: the planner's worked examples W1–W5
//! (fixtures/planner/cases.yaml, whose expected amounts are the spec's own
//! tables) typed as flags, the text in Dutch and English, and bad flags.

mod common;

use common::{assert_exit, dec, run, run_stdin, scalar, simple, stderr, stdout, stdout_utf8};
use serde_json::Value;
use std::collections::BTreeMap;

/// The worked examples of the spec, as written in the fixture.
fn cases() -> BTreeMap<String, Value> {
    common::fixture_cases("planner/cases.yaml")
}

/// Per-year maps (`income_by_year: {2024: 25300}`) → `--income-2024 25300`.
fn by_year(money: &Value, prefix: &str, out: &mut Vec<String>) {
    let obj = money.as_object().expect("money is an object");
    for (k, v) in obj {
        let flag = match k.as_str() {
            "savings" => format!("{prefix}savings"),
            "income_by_year" => format!("{prefix}income"),
            "tax_by_year" => format!("{prefix}tax"),
            "verzamelinkomen_by_year" => format!("{prefix}verzamelinkomen"),
            "savings_by_year" => format!("{prefix}savings"),
            other => panic!("no flag for money.{other}"),
        };
        if k == "savings" {
            out.extend([format!("--{flag}"), scalar(v)]);
            continue;
        }
        for (year, amount) in v.as_object().expect("a map of years") {
            out.extend([format!("--{flag}-{year}"), scalar(amount)]);
        }
    }
}

/// The translation of a case's `input` (the planner's JSON contract) into the flags of `plan`.
fn flags(input: &Value) -> Vec<String> {
    let mut out = vec!["plan".to_string(), "--json".to_string()];
    for (k, v) in input.as_object().expect("input is an object") {
        match k.as_str() {
            "version" => assert_eq!(v, 1),
            "from" => out.extend(["--from".into(), scalar(v)]),
            "admission" => out.extend(["--admission".into(), scalar(v)]),
            "client" => simple(
                v,
                &[
                    ("birth_date", "birth-date"),
                    ("age", "age"),
                    ("assets", "assets"),
                    ("care", "care"),
                    ("income", "income"),
                    ("tax", "tax"),
                ],
                k,
                &mut out,
            ),
            "partner" => simple(
                v,
                &[
                    ("birth_date", "partner-birth-date"),
                    ("age", "partner-age"),
                    ("care", "partner-care"),
                    ("income", "partner-income"),
                    ("tax", "partner-tax"),
                ],
                k,
                &mut out,
            ),
            "money" => by_year(v, "", &mut out),
            "partner_money" => by_year(v, "partner-", &mut out),
            "home" => simple(
                v,
                &[
                    ("woz", "home-woz"),
                    ("status", "home-status"),
                    ("owner", "home-owner"),
                    ("let_from", "home-let-from"),
                    ("rent", "home-rent"),
                    ("sold", "home-sold"),
                    ("proceeds", "home-proceeds"),
                    ("tenancy", "home-tenancy"),
                ],
                k,
                &mut out,
            ),
            "drawdown" => simple(
                v,
                &[("from", "drawdown-from"), ("own_costs", "own-costs")],
                k,
                &mut out,
            ),
            "aow" => simple(
                v,
                &[("option", "aow-option"), ("change", "aow-change")],
                k,
                &mut out,
            ),
            "gifts" => {
                for g in v.as_array().expect("a list of gifts") {
                    let keys: Vec<&String> = g.as_object().expect("a gift").keys().collect();
                    assert_eq!(keys, ["amount", "date"], "a gift of date and amount only");
                    out.push("--gift".into());
                    out.push(format!("{}:{}", scalar(&g["date"]), scalar(&g["amount"])));
                }
            }
            "years" => out.extend(["--years".into(), scalar(v)]),
            "wlz_clause" => {
                for c in v.as_array().expect("a list of claims") {
                    out.push("--wlz-clause".into());
                    out.push(format!("{}:{}", scalar(&c["date"]), scalar(&c["amount"])));
                }
            }
            "plan_readings" => {
                for (reading, on) in v.as_object().expect("readings") {
                    assert_eq!(on, true, "a reading is switched on");
                    out.extend(["--plan-reading".into(), reading.clone()]);
                }
            }
            other => panic!("no flag for input.{other}"),
        }
    }
    out
}

/// Runs `plan --json` with the case's flags and returns the plan.
fn plan_of(name: &str, case: &Value) -> Value {
    let args = flags(&case["input"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_exit(&out, 0);
    serde_json::from_str(&stdout_utf8(&out)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Checks one expected year; returns the differences.
fn check_year(name: &str, plan: &Value, year: &str, want: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let years = plan["years"].as_array().expect("years");
    let Some(y) = years
        .iter()
        .find(|y| y["year"].as_i64() == year.parse::<i64>().ok())
    else {
        return vec![format!("{name} {year}: no such year")];
    };
    let monthly = |regime: &str| {
        y["regimes"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["regime"] == regime))
            .map(|r| dec(&r["monthly"]))
    };
    let client = y["people"]
        .as_array()
        .and_then(|p| p.iter().find(|f| f["who"] == "client"));
    for (key, w) in want.as_object().expect("expected year") {
        let got = match key.as_str() {
            "total" => Some(dec(&y["total"])),
            "lage" | "hoge" => monthly(key),
            "vib" => Some(dec(&y["vib"])),
            "rg" => client.map(|f| dec(&f["rendementsgrondslag"])),
            "box3_income" => client.map(|f| dec(&f["box3_income"])),
            "home" => {
                if client.map(|f| &f["home"]["status"]) != Some(w) {
                    bad.push(format!(
                        "{name} {year} home: {:?}",
                        client.map(|f| &f["home"])
                    ));
                }
                continue;
            }
            "zorgtoeslag" => {
                if y["zorgtoeslag"] != *w {
                    bad.push(format!("{name} {year} zorgtoeslag: {}", y["zorgtoeslag"]));
                }
                continue;
            }
            other => panic!("{name}: unknown expectation {other}"),
        };
        if got != Some(dec(w)) {
            bad.push(format!("{name} {year} {key}: got {got:?}, want {w}"));
        }
    }
    bad
}

/// The AOW table: per option and year the expected net per month and zorgtoeslag per year.
fn check_aow(name: &str, plan: &Value, want: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, years) in want.as_object().expect("aow expectations") {
        let option = plan["aow"]["options"]
            .as_array()
            .and_then(|o| o.iter().find(|o| o["id"] == id.as_str()));
        let Some(option) = option else {
            bad.push(format!("{name}: no AOW option {id}"));
            continue;
        };
        for (year, fields) in years.as_object().expect("years") {
            let y = option["years"].as_array().and_then(|ys| {
                ys.iter()
                    .find(|y| y["year"].as_i64() == year.parse::<i64>().ok())
            });
            for (field, w) in fields.as_object().expect("fields") {
                let got = y.map(|y| dec(&y[field.as_str()]));
                if got != Some(dec(w)) {
                    bad.push(format!("{name} {id} {year} {field}: got {got:?}, want {w}"));
                }
            }
        }
    }
    bad
}

#[test]
fn every_worked_example_through_the_flags_matches_the_spec_to_the_cent() {
    let mut bad = Vec::new();
    let mut seen = Vec::new();
    for (name, case) in cases() {
        let expected = &case["expected"];
        if expected.get("error_field").is_some() {
            let args = flags(&case["input"]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_exit(&run(&args), 2);
            seen.push(name);
            continue;
        }
        let plan = plan_of(&name, &case);
        bad.extend(check_events(&name, &plan, expected));
        for (year, want) in expected["years"].as_object().into_iter().flatten() {
            bad.extend(check_year(&name, &plan, year, want));
        }
        if let Some(c) = expected
            .get("cumulative")
            .filter(|_| expected.get("years").is_some())
        {
            if dec(&plan["cumulative"]) != dec(c) {
                bad.push(format!("{name} cumulative: {} vs {c}", plan["cumulative"]));
            }
        }
        if let Some(aow) = expected.get("aow") {
            bad.extend(check_aow(&name, &plan, aow));
        }
        seen.push(name);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for w in ["W1", "W2-", "W2b", "W3", "W4-A", "W4-B", "W5"] {
        assert!(
            seen.iter().any(|n| n.starts_with(w)),
            "{w} missing: {seen:?}"
        );
    }
}

/// The first contribution year of each event kind (§P.1.2), and of the home in box 3.
fn check_events(name: &str, plan: &Value, expected: &Value) -> Vec<String> {
    let mut want: Vec<(String, Value)> = expected["first_years"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if let Some(y) = expected.get("first_box3_year") {
        want.push(("home-box3".into(), y.clone()));
    }
    let events = plan["events"].as_array().cloned().unwrap_or_default();
    want.into_iter()
        .filter(|(kind, y)| {
            !events
                .iter()
                .any(|e| e["kind"] == kind.as_str() && e["first_year"] == *y)
        })
        .map(|(kind, y)| format!("{name}: no {kind} event first counting in {y}"))
        .collect()
}

#[test]
fn the_flags_give_the_same_plan_as_the_json_contract() {
    for (name, case) in cases() {
        if case["expected"].get("error_field").is_some() {
            continue;
        }
        let by_flags = plan_of(&name, &case);
        let json = serde_json::to_string(&case["input"]).expect("JSON");
        let out = run_stdin(&["plan", "--json", "--input", "-"], json);
        assert_exit(&out, 0);
        let by_file: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
        assert_eq!(by_flags, by_file, "{name}");
    }
}

#[test]
fn input_does_not_mix_with_flags() {
    let out = run_stdin(
        &[
            "plan",
            "--input",
            "-",
            "--savings",
            "5",
            "--income-2027",
            "1",
        ],
        r#"{"version":1,"from":2026,"client":{}}"#,
    );
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("--savings, --income-2027"), "{err}");
}

/// W1's flags, as in the README.
const W1: &[&str] = &[
    "plan",
    "--from",
    "2026",
    "--birth-date",
    "1950-03-01",
    "--care",
    "instelling",
    "--income",
    "24000",
    "--tax",
    "500",
    "--admission",
    "2026-02-01",
    "--savings",
    "40000",
    "--home-woz",
    "350000",
    "--home-status",
    "for-sale",
];

fn text_of(lang: &str) -> String {
    let mut args = W1.to_vec();
    args.extend(["--lang", lang]);
    let out = run(&args);
    assert_exit(&out, 0);
    let text = stdout_utf8(&out);
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too long: {line}");
    }
    text
}

#[test]
fn w1_in_dutch_shows_the_year_totals_and_the_carried_amounts() {
    let text = text_of("nl");
    for want in [
        "lage bijdrage € 212,60 × 4, hoge bijdrage € 1.210,80 × 7",
        "Jaartotaal € 9.326,00 (schatting)",
        "€ 14.244,12",
        "€ 35.138,88",
        "totaal tot en met 2032: € 115.512,20",
        "2026  peiljaar 2024 (bekend)",
        "2028  peiljaar 2026 (verwachting)",
        "rendementsgrondslag € 390.000,00",
        "Dit telt voor het eerst in 2032.",
        "(PO-11)",
    ] {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(want) || flat.contains(want),
            "missing `{want}` in:\n{text}"
        );
    }
    for y in 2027..=2032 {
        let carried = format!("Aanname: voor {y} gebruiken we de bedragen van 2026");
        assert!(text.contains(&carried), "missing `{carried}` in:\n{text}");
    }
    assert!(!text.contains("Aanname: voor 2026 gebruiken"), "{text}");
}

#[test]
fn w1_in_english_shows_the_year_totals_and_the_carried_amounts() {
    let text = text_of("en");
    for want in [
        "low contribution €212.60 × 4, high contribution €1,210.80 × 7",
        "Year total €9,326.00 (estimate)",
        "€14,244.12",
        "total up to 2032: €115,512.20",
        "2026  reference year 2024 (known)",
        "This first counts in 2032.",
    ] {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(want) || flat.contains(want),
            "missing `{want}` in:\n{text}"
        );
    }
    for y in 2027..=2032 {
        let carried = format!("Assumption: for {y} we use the 2026");
        assert!(text.contains(&carried), "missing `{carried}` in:\n{text}");
    }
}

#[test]
fn the_aow_comparison_is_printed_for_a_couple() {
    let mut args: Vec<&str> = vec![
        "plan",
        "--from",
        "2026",
        "--birth-date",
        "1948-03-01",
        "--care",
        "instelling",
        "--income",
        "22000",
        "--tax",
        "300",
        "--partner-birth-date",
        "1950-03-01",
        "--partner-care",
        "none",
        "--partner-income",
        "15000",
        "--partner-tax",
        "0",
        "--admission",
        "2026-02-01",
        "--savings",
        "30000",
        "--partner-savings",
        "30000",
        "--home-woz",
        "300000",
        "--home-status",
        "partner",
        "--home-owner",
        "joint",
    ];
    args.extend(["--lang", "nl"]);
    let out = run(&args);
    assert_exit(&out, 0);
    let text = stdout_utf8(&out);
    assert!(text.contains("AOW na de opname"), "{text}");
    // W4 option A, 2026: net € 1.990,84 per month (spec table).
    assert!(text.contains("€ 1.990,84"), "{text}");
    assert!(text.contains("€ 2.279,92"), "{text}");
}

#[test]
fn bad_flags_name_the_flag_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["--gift", "2026-13-01:20000"], "--gift"),
        (&["--gift", "2026-12-01"], "--gift"),
        (
            &["--gift-on-paper", "2026-12-01:5000:gift"],
            "--gift-on-paper",
        ),
        (&["--wlz-clause", "2027-01-01:lots"], "--wlz-clause"),
        (
            &["--home-woz", "350000", "--home-status", "sold"],
            "--home-status",
        ),
        (
            &["--home-woz", "350000", "--home-owner", "child"],
            "--home-owner",
        ),
        (
            &["--home-woz", "350000", "--home-tenancy", "weekly"],
            "--home-tenancy",
        ),
        (&["--home-status", "empty"], "--home-woz"),
        (
            &["--home-woz", "350000", "--home-status", "let"],
            "--home-let-from",
        ),
        (&["--years", "0"], "--years"),
        (&["--years", "11"], "--years"),
        (&["--from", "2010"], "--from"),
        (&["--aow-option", "single"], "--aow-option"),
        (&["--aow-change", "2026-02-30"], "--aow-change"),
        (&["--income-2027", "abc"], "--income-2027"),
        (&["--savings", "veel"], "--savings"),
        (&["--own-costs", "6000"], "--drawdown-from"),
        (
            &["--drawdown-from", "2040", "--own-costs", "6000"],
            "--drawdown-from",
        ),
        (&["--assets", "5000"], "--assets"),
        (&["--year", "2026"], "--year"),
        (&["--date", "2026-03-01"], "--date"),
        (
            &[
                "--tax",
                "500",
                "--savings",
                "99999999",
                "--other-assets",
                "99999999",
            ],
            "--other-assets",
        ),
        (&["--plan-reading", "PO-99"], "--plan-reading"),
        (&["--income-2099", "5"], "--income-2099"),
    ];
    let base = [
        "plan",
        "--birth-date",
        "1950-03-01",
        "--care",
        "instelling",
        "--income",
        "24000",
        "--admission",
        "2026-02-01",
    ];
    for (extra, flag) in cases {
        for lang in ["nl", "en"] {
            let mut args = base.to_vec();
            args.extend_from_slice(extra);
            args.extend(["--lang", lang]);
            let out = run(&args);
            assert_exit(&out, 2);
            let err = stderr(&out);
            assert!(err.contains(flag), "{extra:?}: no {flag} in `{err}`");
            assert!(!err.contains("panicked"), "{extra:?}: {err}");
            assert!(stdout(&out).is_empty(), "{extra:?}: {}", stdout(&out));
        }
    }
}

#[test]
fn with_json_an_error_is_one_json_document() {
    let out = run(&["plan", "--json", "--care", "instelling", "--years", "0"]);
    assert_exit(&out, 2);
    let v: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
    assert!(v["error"]["message"]["en"]
        .as_str()
        .is_some_and(|m| m.contains("--years")));
}

#[test]
fn the_help_documents_the_plan_flags() {
    let out = run(&["plan", "--help"]);
    assert_exit(&out, 0);
    let help = stdout_utf8(&out);
    for flag in [
        "--from",
        "--years",
        "--admission",
        "--savings",
        "--home-status",
        "--home-tenancy",
        "--gift",
        "--wlz-clause",
        "--aow-option",
        "--drawdown-from",
        "--income-YYYY",
        "--verzamelinkomen-YYYY",
    ] {
        assert!(help.contains(flag), "{flag} not in the help");
    }
    // The estimate-only flags are not offered.
    assert!(!help.contains("--assets <"), "{help}");
    let top = stdout_utf8(&run(&["--help"]));
    assert!(top.contains("plan"), "{top}");
}

#[test]
fn params_planner_lists_every_series_with_its_law() {
    let out = run(&["params", "--planner", "--json"]);
    assert_exit(&out, 0);
    let rows: Value = serde_json::from_str(&stdout_utf8(&out)).expect("JSON");
    let rows = rows.as_array().expect("a list");
    // planner.md §P.7: box 3 heffingvrij 2026 € 59.357, zorgtoeslag vermogensgrens € 146.011.
    let value = |name: &str, from: &str| {
        rows.iter()
            .find(|r| r["name"] == name)
            .and_then(|r| {
                r["values"]
                    .as_array()?
                    .iter()
                    .find(|v| v["from"] == from)
                    .cloned()
            })
            .map(|v| v["value"].clone())
    };
    assert_eq!(
        value("box3_heffingvrij", "2026"),
        Some(Value::from("59357"))
    );
    assert_eq!(
        value("zt_vermogensgrens_single", "2026"),
        Some(Value::from("146011"))
    );
    assert_eq!(
        value("aow_gross_month_single", "2026-01"),
        Some(Value::from("1637.57"))
    );
    for r in rows {
        assert!(
            r["reference"]["url"]
                .as_str()
                .unwrap()
                .starts_with("https://"),
            "{r}"
        );
    }
    let text = run(&["params", "--planner", "--lang", "en"]);
    assert_exit(&text, 0);
    assert!(stdout_utf8(&text).contains("box3_heffingvrij (VERIFIED)"));
}
