//! Property tests over the whole accepted input domain.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use wlz_core::{estimate, params, trace, Input, Regime};

fn money(max_euros: i64) -> impl Strategy<Value = Decimal> {
    (0..=max_euros * 100).prop_map(|cents| Decimal::new(cents, 2))
}

fn signed_money(min_euros: i64, max_euros: i64) -> impl Strategy<Value = Decimal> {
    (min_euros * 100..=max_euros * 100).prop_map(|cents| Decimal::new(cents, 2))
}

mod common;
use common::{CLIENT_FORMS, PARTNER_FORMS};

const READINGS: [&str; 17] = [
    "joint_vermogen_threshold",
    "cot_grouping_outside",
    "cot_own_vib_share",
    "spouse_cot_added",
    "cot_test_on_vermogen",
    "extra_vrijstelling_any_verzekerde",
    "spouse_without_care_owes",
    "thuis_only_if_top_form",
    "korting_per_spouse",
    "start_period_whole_months",
    "dtv_always_leb",
    "bw_partner_no_start_period",
    "partial_from_exact",
    "no_data_korting_2024_2025",
    "split_includes_vib",
    "aftrekpost_per_spouse",
    "living_along_as_no_care",
];

fn person(forms: &'static [&'static str]) -> impl Strategy<Value = Value> {
    (
        0u32..=105,
        prop::sample::subsequence(forms.to_vec(), 1..=2),
        any::<bool>(),
        prop::option::of(0u32..=14),
        signed_money(-20_000, 400_000),
        signed_money(-50_000, 2_000_000),
        money(60_000),
        money(150_000),
        money(60_000),
        any::<bool>(),
    )
        .prop_map(
            |(age, care, mpt20, months, income, assets, one_off, tax, work, ggz)| {
                let mut p = json!({
                    "age": age, "care": care, "mpt_max_20_hours": mpt20,
                    "income": income.to_string(), "assets": assets.to_string(),
                    "one_off_payments": one_off.to_string(), "tax": tax.to_string(),
                    "work_income": work.to_string(), "ggz_zvw": ggz && age % 7 == 0,
                });
                if let Some(m) = months {
                    p["stay"] = json!({"months_completed": m});
                }
                p
            },
        )
}

fn input() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(params::supported_years()),
        person(&CLIENT_FORMS),
        prop::option::of(person(&PARTNER_FORMS)),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::option::of(0i64..=31),
        prop::option::of(signed_money(-500, 3_000)),
        prop::sample::subsequence(READINGS.to_vec(), 0..=3),
    )
        .prop_map(
            |(year, client, partner, (children, ret, wmo, zt, nodata), days, net, readings)| {
                let mut v = json!({
                    "version": 1, "year": year, "client": client,
                    "household": {"children": children && nodata, "return_home_expected": ret && zt,
                                  "wmo_maatwerkvoorziening": wmo, "zorgtoeslag": zt,
                                  "cak_has_no_data": nodata && wmo && zt},
                });
                if let Some(p) = partner {
                    v["partner"] = p;
                }
                if let Some(d) = days {
                    v["days"] = json!(d);
                }
                if let Some(n) = net {
                    v["household"]["net_monthly_income"] = json!(n.to_string());
                }
                let mut r = serde_json::Map::new();
                for name in readings {
                    r.insert(name.to_string(), json!(true));
                }
                v["readings"] = Value::Object(r);
                v
            },
        )
}

fn parse(v: &Value) -> Input {
    Input::from_json(&v.to_string()).expect("generated inputs are well-formed")
}

fn p(year: i32) -> &'static params::YearParams {
    params::for_year(year).unwrap()
}

proptest! {
    // 400 cases by default; PROPTEST_CASES=… for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400)
    ))]

    /// Bounds: the LEB lies within its minimum and maximum (minus the korting
    /// where it applies); the HEB within [0, maximum]; no regime means 0.
    #[test]
    fn amounts_stay_within_their_legal_bounds(v in input()) {
        let i = parse(&v);
        if let Ok(r) = estimate(&i) {
            let y = p(i.year);
            let korting = y.thuis_korting_month.decimal;
            let times = if i.readings.korting_per_spouse { Decimal::TWO } else { Decimal::ONE };
            match r.regime {
                Regime::Lage => {
                    prop_assert!(r.monthly >= y.leb_min_month.decimal - korting * times, "{} below LEB min", r.monthly);
                    prop_assert!(r.monthly <= y.leb_max_month.decimal, "{} above LEB max", r.monthly);
                }
                Regime::Hoge => {
                    prop_assert!(r.monthly >= Decimal::ZERO);
                    // 2024/2025 without data: the LEB minimum (Blz 3.3.2.7).
                    prop_assert!(r.monthly <= y.heb_max_month.decimal);
                }
                Regime::Geen => prop_assert_eq!(r.monthly, Decimal::ZERO),
            }
        }
    }

    /// Every amount of the result has exactly two decimals; the split adds up;
    /// the trace recomputes.
    #[test]
    fn amounts_have_cents_and_the_trace_adds_up(v in input()) {
        let i = parse(&v);
        if let Ok(r) = estimate(&i) {
            prop_assert_eq!(r.monthly.scale(), 2);
            if let Some(d) = r.due { prop_assert_eq!(d.scale(), 2); }
            if let Some(s) = &r.split {
                prop_assert_eq!(s.client.scale(), 2);
                prop_assert_eq!(s.partner.scale(), 2);
                prop_assert_eq!(s.client + s.partner, r.monthly);
            }
            let year = i.year;
            let lookup = |n: &str| wlz_core::engine::parameter_value(year, n);
            prop_assert!(trace::verify(&r.steps, lookup).is_ok(), "{:?}", trace::verify(&r.steps, lookup));
        }
    }

    /// The same input always gives the same output, to the byte.
    #[test]
    fn estimates_are_deterministic(v in input()) {
        let i = parse(&v);
        let a = estimate(&i).map(|r| serde_json::to_string(&r).unwrap()).map_err(|e| e.code);
        let b = estimate(&i).map(|r| serde_json::to_string(&r).unwrap()).map_err(|e| e.code);
        prop_assert_eq!(a, b);
    }

    /// More income never lowers the contribution (same household otherwise).
    #[test]
    fn more_income_never_lowers_the_amount(v in input(), extra in money(50_000), partner in any::<bool>()) {
        let i = parse(&v);
        let mut j = i.clone();
        let target = if partner && j.partner.is_some() { j.partner.as_mut().unwrap() } else { &mut j.client };
        if let Some(inc) = target.income.as_mut() {
            inc.0 += extra;
        }
        if let (Ok(a), Ok(b)) = (estimate(&i), estimate(&j)) {
            prop_assert!(b.monthly >= a.monthly, "income +{extra}: {} → {}", a.monthly, b.monthly);
        }
    }

    /// More assets never lower the contribution, except through the 2024/2025
    /// compensatie vervallen ouderentoeslag (see the test below), which only
    /// people at AOW age can get.
    #[test]
    fn more_assets_never_lower_the_amount_without_the_cot(v in input(), extra in money(200_000)) {
        let mut i = parse(&v);
        let cot_possible = p(i.year).cot.is_some();
        if cot_possible {
            i.client.age = Some(i.client.age.unwrap_or(0).min(60));
            i.client.birth_date = None;
            if let Some(q) = i.partner.as_mut() { q.age = Some(q.age.unwrap_or(0).min(60)); }
        }
        let mut j = i.clone();
        let a0 = j.client.assets.unwrap_or_default();
        j.client.assets = Some(wlz_core::Amount(a0.0 + extra));
        if let (Ok(a), Ok(b)) = (estimate(&i), estimate(&j)) {
            prop_assert!(b.monthly >= a.monthly, "assets +{extra}: {} → {}", a.monthly, b.monthly);
        }
    }

    /// Any JSON text: a result or a typed error, never a panic.
    #[test]
    fn arbitrary_text_never_panics(s in ".{0,300}") {
        let _ = wlz_core::estimate_json(&s);
    }

    /// Structurally valid JSON with wild values: never a panic.
    #[test]
    fn wild_values_never_panic(
        year in -5i32..5000, age in any::<u32>(), income in any::<i64>(), days in any::<i64>(),
        months in any::<u32>(), date in "[0-9]{4}-[0-9]{2}-[0-9]{2}", start in "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    ) {
        let v = json!({"version": 1, "year": year, "days": days, "date": date,
            "client": {"age": age, "care": "instelling", "income": income, "tax": 0,
                       "stay": {"start": start}},
            "partner": {"age": age / 2, "care": "living-along", "income": income / 3, "stay": {"months_completed": months}}});
        let _ = wlz_core::estimate_json(&v.to_string());
    }
}

/// The COT of 2024/2025 is subtracted only below an income test, so a little
/// more savings can switch it on and lower the contribution: the law's own
/// cliff, not a bug (spec §4.5; income test O-7). Hand calculation, 2025,
/// single at AOW age, vpt, income 24000:
/// * RG 86175: GSB 29175, test 24000 − 1167 = 22833 (not below the limit), no COT;
///   vermogen 52427, VIB 2097.08, BI 26097.08, LEB 217.475… → 217.48.
/// * RG 86200: GSB 29200, test 22832 < 22833, COT min(1700, 1168 + 2098.08) = 1700;
///   VIB 2098.08, BI 24398.08, LEB 203.317… → minimum 205.00.
#[test]
fn the_cot_cliff_can_lower_the_amount_when_assets_rise() {
    let run = |assets: i64| {
        let v = json!({"version": 1, "year": 2025, "client": {"age": 70, "care": "vpt", "income": 24000, "assets": assets}});
        estimate(&parse(&v)).unwrap().monthly.to_string()
    };
    assert_eq!(run(86_175), "217.48");
    assert_eq!(run(86_200), "205.00");
}
