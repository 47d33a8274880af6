//! Parameters are data, and every parameter matters: for each year file and
//! each parameter in it, moving the value up or down changes at least one
//! result (regime, monthly amount, partial month, split or a hint) among the
//! fixtures of that year and a grid of probe households. A parameter no
//! result depends on would be dead data. (The files are compiled in by
//! `build.rs`; a varied year is a copy of the compiled one with one value
//! changed, `YearParams::param_mut`.)

mod common;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;
use wlz_core::params::{self, NoDataRule, Status, YearParams};
use wlz_core::scenarios::{self, CurrentYear};
use wlz_core::{engine, Amount, Input};

/// Households that together touch every rule: singles and couples, every
/// care form, below and at AOW age, with and without assets, the HEB with
/// work income and zorgtoeslag, dated stays, partial months, the low-income
/// hint and the no-data rule.
fn probes(year: i32) -> Vec<Input> {
    let jan = |m: u32, d: u32| format!("{year}-{m:02}-{d:02}");
    let mut v: Vec<Value> = Vec::new();
    for care in ["vpt", "pgb", "mpt", "instelling", "dtv"] {
        for age in [50, 70] {
            for (income, assets) in [
                (10000, 0),
                (30000, 50000),
                (24000, 100000),
                (60000, 300000),
                (200000, 0),
            ] {
                v.push(json!({"client": {"age": age, "care": care, "income": income, "assets": assets, "tax": income / 5}}));
                v.push(json!({"client": {"age": age, "care": care, "income": income, "assets": assets, "tax": income / 5},
                              "partner": {"age": age, "care": "none", "income": income / 2, "assets": assets}}));
            }
        }
    }
    for (income, tax, work) in [
        (30000, 6000, 0),
        (40000, 9000, 12000),
        (22000, 2000, 0),
        (90000, 30000, 0),
        (80000, 40000, 0),
    ] {
        for zt in [false, true] {
            for age in [50, 70] {
                v.push(json!({"household": {"zorgtoeslag": zt},
                    "client": {"age": age, "care": "instelling", "income": income, "tax": tax, "work_income": work, "assets": 90000}}));
                v.push(json!({"household": {"zorgtoeslag": zt},
                    "client": {"age": age, "care": "instelling", "income": income, "tax": tax, "work_income": work, "assets": 90000},
                    "partner": {"age": age + 2, "care": "instelling", "income": income / 3, "tax": tax / 4}}));
            }
        }
    }
    // AOW status around the January cut-off (Blz 3.3.1.4), through the HEB deductions.
    for day in ["01-10", "01-20", "01-31", "02-01"] {
        v.push(json!({"client": {"birth_date": format!("{}-{day}", year - 67), "care": "instelling", "income": 30000, "tax": 6000, "assets": 80000}}));
    }
    // Dated stays: start period, chaining (lid 8) and lid 7 b.
    for (start, prev_start, prev_end, date) in [
        (jan(6, 1), jan(2, 1), jan(3, 31), jan(8, 5)),
        (jan(6, 1), jan(2, 1), jan(3, 31), jan(8, 15)),
        (jan(6, 1), jan(2, 1), jan(3, 31), jan(9, 15)),
        (jan(5, 20), jan(1, 1), jan(3, 15), jan(6, 1)),
        (jan(9, 1), jan(1, 1), jan(6, 10), jan(9, 5)),
        (jan(10, 1), jan(1, 1), jan(6, 10), jan(10, 5)),
    ] {
        v.push(json!({"date": date, "client": {"age": 80, "care": "instelling", "income": 30000, "tax": 6000,
            "stay": {"start": start, "previous": [{"start": prev_start, "end": prev_end}]}}}));
    }
    for months in [3, 4, 5] {
        v.push(json!({"client": {"age": 80, "care": "instelling", "income": 30000, "tax": 6000, "stay": {"months_completed": months}}}));
    }
    for days in [10, 15, 28] {
        v.push(json!({"days": days, "client": {"age": 70, "care": "vpt", "income": 38000, "assets": 100000}}));
    }
    for (care, partner) in [("vpt", false), ("pgb", false), ("vpt", true), ("mpt", true)] {
        for net in [
            400, 450, 500, 600, 650, 700, 750, 800, 850, 900, 950, 1000, 1100,
        ] {
            let mut h = json!({"household": {"net_monthly_income": net},
                "client": {"age": 70, "care": care, "income": 12000}});
            if partner {
                h["partner"] = json!({"age": 70, "care": "none", "income": 6000});
            }
            v.push(h);
        }
    }
    for care in ["instelling", "pgb", "vpt"] {
        v.push(
            json!({"household": {"cak_has_no_data": true}, "client": {"age": 80, "care": care}}),
        );
    }
    v.push(
        json!({"client": {"age": 70, "care": "mpt", "mpt_max_20_hours": true, "income": 50000}}),
    );
    v.into_iter()
        .map(|mut x| {
            x["version"] = json!(1);
            x["year"] = json!(year);
            Input::from_json(&x.to_string()).unwrap_or_else(|e| panic!("probe {x}: {e}"))
        })
        .chain(
            common::load_cases()
                .into_iter()
                .filter(|(_, c)| c.year == year && c.expected.error.is_none())
                .filter_map(|(_, c)| common::to_input(&c).ok()),
        )
        .collect()
}

/// What-if probes: LEB drops around the verlegging threshold, an HEB case near
/// the zak- en kleedgeld test.
fn what_if_probes(year: i32) -> Vec<(Input, CurrentYear)> {
    let mut v = Vec::new();
    for current in ["36950", "36850", "36750", "36650"] {
        let i = Input::from_json(&format!(
            r#"{{"version":1,"year":{year},"client":{{"age":50,"care":"vpt","income":40000}}}}"#
        ))
        .unwrap();
        v.push((
            i,
            CurrentYear {
                income: Amount::parse(current).unwrap(),
                ..CurrentYear::default()
            },
        ));
    }
    for current in ["17000", "18000", "19000", "20000", "21000"] {
        let i = Input::from_json(&format!(r#"{{"version":1,"year":{year},"client":{{"age":70,"care":"instelling","income":30000,"tax":6000}}}}"#)).unwrap();
        v.push((
            i,
            CurrentYear {
                income: Amount::parse(current).unwrap(),
                tax: Some(Amount::parse("0").unwrap()),
                ..CurrentYear::default()
            },
        ));
    }
    for k in 0..40 {
        let current = 14000 + 500 * k;
        let i = Input::from_json(&format!(
            r#"{{"version":1,"year":{year},"client":{{"age":70,"care":"instelling","income":30000,"tax":6000}},
                "partner":{{"age":70,"care":"instelling","income":10000,"tax":1000}}}}"#
        ))
        .unwrap();
        let zero = Some(Amount::parse("0").unwrap());
        v.push((
            i,
            CurrentYear {
                income: Amount::parse(&current.to_string()).unwrap(),
                tax: zero,
                partner_income: zero,
                partner_tax: zero,
                ..CurrentYear::default()
            },
        ));
    }
    v
}

fn what_if_outcome(i: &Input, c: &CurrentYear, p: &'static params::YearParams) -> String {
    match scenarios::what_if_with_params(i, c, p) {
        Ok(w) => format!(
            "{} {} {} {}",
            w.request_possible, w.monthly_current, w.deadline, w.monthly_peiljaar
        ),
        Err(e) => format!("error {:?}", e.code),
    }
}

/// What a user sees of a result.
fn outcome(input: &Input, p: &'static params::YearParams) -> String {
    match engine::estimate_with_params(input, p) {
        Ok(r) => {
            let notes: Vec<String> = r.notes.iter().map(|n| n.text.en.to_string()).collect();
            format!(
                "{} {} {:?} {:?} {:?}",
                r.regime.name(),
                r.monthly,
                r.due,
                r.split.map(|s| (s.client, s.partner)),
                notes
            )
        }
        Err(e) => format!("error {:?}", e.code),
    }
}

/// `base` with the value of parameter `name` moved up or down (the no-data rule: the other rule).
fn perturbed(base: &YearParams, name: &str, up: bool) -> &'static YearParams {
    let mut p = base.clone();
    if name == "no_data_rule" {
        p.no_data = match p.no_data {
            NoDataRule::LebMinimum => NoDataRule::HebZeroLebMinimum,
            NoDataRule::HebZeroLebMinimum => NoDataRule::LebMinimum,
        };
        return Box::leak(Box::new(p));
    }
    let q = p.param_mut(name).expect("a parameter of the year");
    let d = q.decimal;
    let step = if d < Decimal::ONE {
        Decimal::new(2, 2) // rates: two percentage points
    } else if d <= Decimal::from(400) && d.fract().is_zero() {
        Decimal::from(if d > Decimal::from(40) { 10 } else { 1 }) // months, days, years
    } else {
        (d / Decimal::from(10)).round_dp(2) // amounts: 10%
    };
    let n = if up { d + step } else { d - step };
    q.decimal = n.max(Decimal::ZERO);
    Box::leak(Box::new(p))
}

#[test]
fn every_parameter_changes_at_least_one_result() {
    let mut dead = Vec::new();
    for year in params::supported_years() {
        let base = params::for_year(year).unwrap();
        let inputs = probes(year);
        let base_out: Vec<String> = inputs.iter().map(|i| outcome(i, base)).collect();
        let wi = what_if_probes(year);
        let base_wi: Vec<String> = wi
            .iter()
            .map(|(i, c)| what_if_outcome(i, c, base))
            .collect();
        for name in base.all().iter().map(|p| p.name) {
            let mut changed = false;
            for up in [true, false] {
                let p = perturbed(base, name, up);
                if inputs
                    .iter()
                    .zip(&base_out)
                    .any(|(i, b)| outcome(i, p) != *b)
                    || wi
                        .iter()
                        .zip(&base_wi)
                        .any(|((i, c), b)| what_if_outcome(i, c, p) != *b)
                {
                    changed = true;
                    break;
                }
            }
            if !changed {
                dead.push(format!("{year}: {name}"));
            }
        }
    }
    assert!(
        dead.is_empty(),
        "parameters no result depends on:\n{}",
        dead.join("\n")
    );
}

#[test]
fn every_parameter_has_a_reference_and_a_status() {
    for year in params::supported_years() {
        let y = params::for_year(year).unwrap();
        for p in y.all() {
            let name = p.name;
            assert!(
                !p.reference.article.trim().is_empty(),
                "{year} {name}: no article"
            );
            assert!(
                p.reference.url.starts_with("https://"),
                "{year} {name}: no URL"
            );
            // Spec §0: a DERIVED value states its rule (both languages) and the law it uses.
            if p.status == Status::Derived {
                let d = p.derivation.expect("a DERIVED value has its derivation");
                assert!(
                    d.rule.nl.len() > 20 && d.rule.en.len() > 20,
                    "{year} {name}: a DERIVED value needs its rule"
                );
                assert!(!d.sources.is_empty(), "{year} {name}: no sources");
                for src in d.sources {
                    assert!(src.url.starts_with("https://"));
                }
            }
            if p.status == Status::Estimate {
                assert!(
                    p.note.is_some_and(|n| n.len() > 20),
                    "{year} {name}: an estimate must say why"
                );
            }
            assert!(!p.label.nl.is_empty(), "{year} {name}: Dutch label");
            assert!(!p.label.en.is_empty(), "{year} {name}: English label");
        }
        // The law-text URLs point at the version of the right year.
        let blz = y.leb_min_month.reference.url;
        assert!(
            blz.contains(&format!("BWBR0035948/{year}-01-01")),
            "{year}: {blz}"
        );
    }
}

#[test]
fn spec_table_values_are_in_the_year_files() {
    // Spot checks against spec §2.1 and §2.5 (typed from the spec, not the files).
    let p = |y: i32| params::for_year(y).unwrap();
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(p(2024).leb_min_month.decimal, d("200.40"));
    assert_eq!(p(2025).leb_max_month.decimal, d("1076.60"));
    assert_eq!(p(2026).heb_max_month.decimal, d("3061.80"));
    assert_eq!(p(2026).thuis_korting_month.decimal, d("182.20"));
    assert_eq!(p(2025).vermogen_threshold_pp.decimal, d("33748"));
    for (y, min_bi, max_bi) in [
        (2024, "24048", "126264"),
        (2025, "24600", "129192"),
        (2026, "25512", "133896"),
    ] {
        assert_eq!(
            p(y).leb_min_month.decimal * Decimal::from(120),
            d(min_bi),
            "{y}"
        );
        assert_eq!(
            p(y).leb_max_month.decimal * Decimal::from(120),
            d(max_bi),
            "{y}"
        );
    }
    // mpt ≤ 20 h amounts (spec §2.1: leb_min − korting).
    for (y, v) in [(2024, "28.60"), (2025, "29.20"), (2026, "30.40")] {
        assert_eq!(
            p(y).leb_min_month.decimal - p(y).thuis_korting_month.decimal,
            d(v)
        );
    }
}
