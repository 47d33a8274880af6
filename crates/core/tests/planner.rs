//! The planner's worked examples (fixtures/planner/cases.yaml: planner.md §P.6.6 W1–W5 and the
//! hand-computed home and lag cases) through the core, to the cent per year and in total.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;
use wlz_core::planner::{plan, Plan, PlanInput};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    spec: String,
    input: serde_json::Value,
    expected: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    years: BTreeMap<i32, YearExpected>,
    #[serde(default)]
    cumulative: Option<String>,
    #[serde(default)]
    first_box3_year: Option<i32>,
    #[serde(default)]
    aow: BTreeMap<String, BTreeMap<i32, BTreeMap<String, String>>>,
    #[serde(default)]
    first_years: BTreeMap<String, i32>,
    #[serde(default)]
    error_field: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct YearExpected {
    total: Option<String>,
    lage: Option<String>,
    hoge: Option<String>,
    rg: Option<String>,
    box3_income: Option<String>,
    vib: Option<String>,
    zorgtoeslag: Option<bool>,
    home: Option<String>,
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn cases() -> BTreeMap<String, serde_json::Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/planner/cases.yaml"
    );
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn check_year(name: &str, p: &Plan, year: i32, e: &YearExpected) -> Vec<String> {
    let mut bad = Vec::new();
    let Some(y) = p.years.iter().find(|y| y.year == year) else {
        return vec![format!("{name} {year}: no such year")];
    };
    let mut eq = |what: &str, got: Option<Decimal>, want: &Option<String>| {
        if let Some(w) = want {
            if got != Some(dec(w)) {
                bad.push(format!("{name} {year} {what}: got {got:?}, want {w}"));
            }
        }
    };
    eq("total", Some(y.total), &e.total);
    let monthly = |r: &str| {
        y.regimes
            .iter()
            .find(|x| wlz_core::planner::regime_name(x.regime) == r)
            .map(|x| x.monthly)
    };
    eq("lage", monthly("lage"), &e.lage);
    eq("hoge", monthly("hoge"), &e.hoge);
    let client = y
        .people
        .iter()
        .find(|f| f.who == wlz_core::planner::figures::Who::Client);
    eq("rg", client.map(|f| f.rendementsgrondslag), &e.rg);
    eq(
        "box3_income",
        client.and_then(|f| f.box3_income),
        &e.box3_income,
    );
    eq("vib", y.vib, &e.vib);
    if let Some(z) = e.zorgtoeslag {
        if y.zorgtoeslag != z {
            bad.push(format!(
                "{name} {year} zorgtoeslag: got {}, want {z}",
                y.zorgtoeslag
            ));
        }
    }
    if let Some(h) = &e.home {
        let got = client.and_then(|f| f.home.as_ref()).map(|h| h.status);
        if got != Some(h.as_str()) {
            bad.push(format!("{name} {year} home: got {got:?}, want {h}"));
        }
    }
    bad
}

fn check_case(name: &str, c: &Case) -> Vec<String> {
    let input: PlanInput =
        serde_json::from_value(c.input.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let result = plan(&input);
    if let Some(field) = &c.expected.error_field {
        return match result {
            Err(e) if e.field.as_deref() == Some(field) => vec![],
            other => vec![format!(
                "{name}: want an error on {field}, got {:?}",
                other.map(|p| p.cumulative)
            )],
        };
    }
    let p = result.unwrap_or_else(|e| panic!("{name}: {:?}", e));
    let mut bad = Vec::new();
    for (year, e) in &c.expected.years {
        bad.extend(check_year(name, &p, *year, e));
    }
    if let Some(w) = &c.expected.cumulative {
        if p.cumulative != dec(w) {
            bad.push(format!("{name} cumulative: got {}, want {w}", p.cumulative));
        }
    }
    if let Some(w) = c.expected.first_box3_year {
        let got = p
            .events
            .iter()
            .find(|e| e.kind == "home-box3")
            .map(|e| e.first_year);
        if got != Some(w) {
            bad.push(format!(
                "{name} first year with the home in box 3: got {got:?}, want {w}"
            ));
        }
    }
    for (kind, w) in &c.expected.first_years {
        let got: Vec<i32> = p
            .events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.first_year)
            .collect();
        if got.first() != Some(w) {
            bad.push(format!(
                "{name} first year of {kind}: got {got:?}, want {w}"
            ));
        }
    }
    for (id, years) in &c.expected.aow {
        let Some(o) = p
            .aow
            .as_ref()
            .and_then(|a| a.options.iter().find(|o| o.id == id))
        else {
            bad.push(format!("{name}: no AOW option {id}"));
            continue;
        };
        for (year, fields) in years {
            let y = o.years.iter().find(|y| y.year == *year).unwrap();
            for (f, w) in fields {
                let got = match f.as_str() {
                    "net_month" => y.net_month,
                    "zorgtoeslag_year" => y.zorgtoeslag_year,
                    "wlz_month" => y.wlz_month,
                    other => panic!("unknown field {other}"),
                };
                if got != dec(w) {
                    bad.push(format!("{name} AOW {id} {year} {f}: got {got}, want {w}"));
                }
            }
        }
    }
    let _ = &c.spec;
    bad
}

#[test]
fn worked_examples_to_the_cent() {
    let filter = std::env::var("WLZ_CASE").ok();
    let mut bad = Vec::new();
    let mut n = 0;
    for (name, v) in cases() {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let c: Case = serde_json::from_value(v).unwrap_or_else(|e| panic!("{name}: {e}"));
        bad.extend(check_case(&name, &c));
        n += 1;
    }
    assert!(n > 0);
    assert!(
        bad.is_empty(),
        "{} differences:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
