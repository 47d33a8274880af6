//! Timeline, comparison, what-if and income curve, against hand calculations.

use rust_decimal::Decimal;
use std::str::FromStr;
use wlz_core::scenarios::{self, CurrentYear};
use wlz_core::{estimate, Amount, Date, Input, Regime};

fn input(json: &str) -> Input {
    Input::from_json(json).unwrap()
}
fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Hand calculation (2025, single, AOW, income 30000, tax 6000, no assets; spec §2.4.3 values):
/// LEB 30000/120 = 250.00; HEB a 24000 − zkg 4583 − Zvw (1889 + 5.43% × 30000 = 3518)
/// − aftrekpost 1232 = 14667; vrijlating 25% × (14667 − 10448) = 1054.75;
/// BI 13612.25 / 12 = 1134.35. 2026 with the same figures: zkg 4925, Zvw 1987 + 5.32% × 30000
/// = 3583, aftrekpost 1323 → x 14169, vrijlating 738, BI 13431 / 12 = 1119.25.
/// Stay from 10 March 2025: start period until 9 July.
/// Mar 22 days 250 × 12 × 22 / 365 = 180.82; Apr–Jun 3 × 250; Jul 9 days LEB 73.97 +
/// 22 days HEB 1134.35 × 12 × 22 / 365 = 820.46; Aug–Dec 5 × 1134.35 = 5671.75;
/// 2025 total 7497.00; Jan–Feb 2026 2 × 1119.25 → 12 months 9735.50.
#[test]
fn timeline_switches_to_the_hoge_bijdrage_mid_month_and_adds_up() {
    let i = input(
        r#"{"version":1,"year":2025,"client":{"age":80,"care":"instelling","income":30000,"tax":6000}}"#,
    );
    let t = scenarios::timeline(&i, Date::parse("2025-03-10").unwrap(), 12).unwrap();
    let amounts: Vec<String> = t.months.iter().map(|m| m.amount.to_string()).collect();
    assert_eq!(
        amounts,
        [
            "180.82", "250.00", "250.00", "250.00", "894.43", "1134.35", "1134.35", "1134.35",
            "1134.35", "1134.35", "1119.25", "1119.25"
        ]
    );
    let july = &t.months[4];
    assert_eq!(july.segments.len(), 2);
    assert_eq!(july.segments[1].from, Date::parse("2025-07-10").unwrap());
    assert_eq!(july.segments[0].due.to_string(), "73.97");
    assert_eq!(july.segments[1].due.to_string(), "820.46");
    assert_eq!(t.total_calendar_year.to_string(), "7497.00");
    assert_eq!(t.total_12_months.to_string(), "9735.50");
    assert_eq!(
        t.total_12_months,
        t.months.iter().map(|m| m.amount).sum::<Decimal>()
    );
}

#[test]
fn timeline_for_care_at_home_is_flat_from_the_start_day() {
    // Case M (2026 vpt): 337.68 a month; 1 Dec start → December whole; 2027 uses 2026 parameters.
    let i = input(
        r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
    );
    let t = scenarios::timeline(&i, Date::parse("2026-12-01").unwrap(), 3).unwrap();
    assert!(t.months.iter().all(|m| m.amount.to_string() == "337.68"));
    assert!(t.months[1].estimated_parameters && !t.months[0].estimated_parameters);
    assert_eq!(t.total_calendar_year.to_string(), "337.68");
    assert!(!t.notes.is_empty());
}

#[test]
fn comparison_rows_equal_separate_estimates() {
    let i = input(
        r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000,"tax":7000}}"#,
    );
    let c = scenarios::compare(&i).unwrap();
    assert_eq!(c.rows.len(), 6);
    let vpt = c.rows.iter().find(|r| r.option == "vpt").unwrap();
    assert_eq!(vpt.monthly.unwrap().to_string(), "337.68"); // spec case M
    for r in &c.rows {
        let alone = estimate(&scenarios::comparison_input(
            &i,
            scenarios::CareOption::from_name(r.option).unwrap(),
        ))
        .unwrap();
        assert_eq!(r.monthly, Some(alone.monthly), "{}", r.option);
    }
    let inst = c.rows.iter().find(|r| r.option == "instelling").unwrap();
    assert_eq!(inst.regime, Some(wlz_core::Regime::Hoge));
    let start = c
        .rows
        .iter()
        .find(|r| r.option == "instelling-start")
        .unwrap();
    assert_eq!(start.monthly.unwrap().to_string(), "337.68"); // LEB in the start period, same as vpt
}

/// Case C (2025 pgb, income 40000): BI 32543.80, 95.40. Expected this year 34000:
/// BI 26543.80, drop 6000 ≥ 3177.80 → request possible; 26543.80/120 = 221.198 − 175.80 = 45.40.
#[test]
fn what_if_compares_the_drop_with_the_threshold() {
    let i = input(r#"{"version":1,"year":2025,"client":{"age":50,"care":"pgb","income":40000}}"#);
    let w = scenarios::what_if(
        &i,
        &CurrentYear {
            income: Amount(d("34000")),
            ..CurrentYear::default()
        },
    )
    .unwrap();
    assert_eq!(w.monthly_peiljaar.to_string(), "95.40");
    assert_eq!(w.monthly_current.to_string(), "45.40");
    assert_eq!(w.drop, Some(d("6000.00")));
    assert!(w.request_possible);
    assert_eq!(w.deadline, Date::parse("2026-04-30").unwrap());
    // A drop of 3000 is below the threshold 3177.80.
    let w = scenarios::what_if(
        &i,
        &CurrentYear {
            income: Amount(d("37000")),
            ..CurrentYear::default()
        },
    )
    .unwrap();
    assert!(!w.request_possible);
}

/// Spec §2.5 breakpoints, single without assets.
#[test]
fn income_curve_breakpoints_are_where_the_spec_puts_them() {
    for (year, care, min_until, max_from) in [
        (2024, "vpt", "24048.00", "126264.00"),
        (2025, "vpt", "24600.00", "129192.00"),
        (2026, "vpt", "25512.00", "133896.00"),
        (2024, "pgb", "31335.20", "133551.20"),
        (2026, "pgb", "33239.60", "141623.60"),
    ] {
        let i = input(&format!(
            r#"{{"version":1,"year":{year},"client":{{"age":50,"care":"{care}","income":30000}}}}"#
        ));
        let c = scenarios::income_curve(&i, 40).unwrap();
        assert_eq!(c.minimum_until, Some(d(min_until)), "{year} {care}");
        assert_eq!(c.maximum_from, Some(d(max_from)), "{year} {care}");
        assert!(c
            .points
            .windows(2)
            .all(|w| w[0].income < w[1].income && w[0].monthly <= w[1].monthly));
        assert!(c.points.iter().any(|p| p.income == d(min_until)));
    }
}

/// HEB 2024, single AOW, tax fixed at 6000: BI = 0.75 x + 2384.75 with
/// x = income − 6000 − 4167 − Zvw − 1125; the cap (BI ≥ 34648.80) needs x ≥ 43018.7333….
/// Zvw = 1749 + 5.50% × income stays below its maximum 5032.83 there (income < 59706), so
/// x = 0.945 × income − 13041 and income ≥ 59322.4691… → 59322.47.
#[test]
fn income_curve_finds_the_heb_cap_to_the_cent() {
    let i = input(
        r#"{"version":1,"year":2024,"client":{"age":70,"care":"instelling","income":30000,"tax":6000}}"#,
    );
    let c = scenarios::income_curve(&i, 30).unwrap();
    assert_eq!(c.maximum_from, Some(d("59322.47")));
    assert_eq!(c.current.monthly.to_string(), "1155.54"); // spec case HX
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn household() -> impl Strategy<Value = Input> {
        (
            prop::sample::select(vec![2024, 2025, 2026]),
            prop::sample::select(vec!["instelling", "vpt", "mpt", "pgb", "dtv"]),
            50u32..=95,
            0i64..=200_000,
            0i64..=400_000,
            prop::option::of((
                prop::sample::select(vec!["none", "instelling", "vpt", "living-along"]),
                0i64..=80_000,
            )),
            prop::option::of(0i64..=40_000),
        )
            .prop_map(|(year, care, age, income, assets, partner, tax)| {
                let mut v = serde_json::json!({"version": 1, "year": year,
                    "client": {"age": age, "care": care, "income": income, "assets": assets}});
                if let Some(t) = tax {
                    v["client"]["tax"] = t.into();
                }
                if let Some((pc, pi)) = partner {
                    v["partner"] = serde_json::json!({"age": age, "care": pc, "income": pi});
                    if let Some(t) = tax {
                        v["partner"]["tax"] = (t / 3).into();
                    }
                }
                Input::from_json(&v.to_string()).unwrap()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
        ))]

        /// The timeline's months add up to its totals, and each month to its segments.
        #[test]
        fn timeline_months_sum_to_the_totals(i in household(), month in 1u8..=12, day in 1u8..=28) {
            let start = Date::new(i.year, month, day).unwrap();
            if let Ok(t) = scenarios::timeline(&i, start, 12) {
                prop_assert_eq!(t.months.len(), 12);
                prop_assert_eq!(t.total_12_months, t.months.iter().map(|m| m.amount).sum::<Decimal>());
                prop_assert_eq!(t.total_calendar_year, t.months.iter().filter(|m| m.year == i.year).map(|m| m.amount).sum::<Decimal>());
                for m in &t.months {
                    prop_assert_eq!(m.amount, m.segments.iter().map(|s| s.due).sum::<Decimal>());
                    prop_assert!(m.amount.scale() == 2 && m.amount >= Decimal::ZERO);
                }
            }
        }

        /// Each row of the comparison equals the separate estimate of that care form.
        #[test]
        fn comparison_rows_equal_separate_estimates(i in household()) {
            let c = scenarios::compare(&i).unwrap();
            for r in &c.rows {
                let alone = estimate(&scenarios::comparison_input(&i, scenarios::CareOption::from_name(r.option).unwrap()));
                prop_assert_eq!(r.monthly, alone.as_ref().ok().map(|e| e.monthly));
                prop_assert_eq!(r.regime, alone.as_ref().ok().map(|e| e.regime));
            }
        }

        /// The income curve never decreases, contains the household's own point,
        /// and at its breakpoints the minimum / maximum binds exactly.
        #[test]
        fn income_curve_is_non_decreasing(i in household()) {
            if let Ok(c) = scenarios::income_curve(&i, 24) {
                prop_assert!(c.points.windows(2).all(|w| w[0].income < w[1].income && w[0].monthly <= w[1].monthly));
                prop_assert!(c.points.iter().any(|p| p.income == c.current.income && p.monthly == c.current.monthly));
                if let Some(m) = c.maximum_from {
                    let at = c.points.iter().find(|p| p.income == m).unwrap();
                    prop_assert_eq!(at.monthly, c.maximum);
                }
                if let (Some(m), Some(min)) = (c.minimum_until, c.minimum) {
                    let at = c.points.iter().find(|p| p.income == m).unwrap();
                    prop_assert_eq!(at.monthly, min);
                }
            }
        }
    }
}

/// Spec §6.1 case E (2024): instelling for 5 months, partner at home → lage € 397,17, the
/// current row; with the partner in an instelling of their own (the same 5 months) or in
/// beschermd wonen, hoge (Blz 3.3.2.1 lid 1 b, c).
#[test]
fn partner_options_put_the_four_places_side_by_side() {
    let i = Input::from_json(
        r#"{"version":1,"year":2024,
            "client":{"age":70,"care":"instelling","stay":{"months_completed":5},"income":24000,"assets":40000},
            "partner":{"age":68,"care":"none","income":23000,"assets":40000}}"#,
    )
    .unwrap();
    let p = scenarios::partner_options(&i).unwrap();
    let options: Vec<&str> = p.rows.iter().map(|r| r.option).collect();
    assert_eq!(
        options,
        ["none", "living-along", "instelling", "beschermd-wonen"]
    );
    assert_eq!(p.rows[0].monthly, Some(d("397.17")));
    assert!(p.rows[0].current && p.rows[1..].iter().all(|r| !r.current));
    assert_eq!(p.rows[2].regime, Some(Regime::Hoge));
    assert_eq!(p.rows[3].regime, Some(Regime::Hoge));
    assert!(p.applies && p.differs);
}

/// The compare row of the household now is the core's: an instelling in its start period is
/// `instelling-start`, after it `instelling` (Blz 3.3.2.2 lid 1 a).
#[test]
fn compare_marks_the_current_option() {
    let with_months = |m: u32| {
        let i = Input::from_json(&format!(
            r#"{{"version":1,"year":2026,"client":{{"age":80,"care":"instelling","stay":{{"months_completed":{m}}},"income":30000}}}}"#
        ))
        .unwrap();
        let c = scenarios::compare(&i).unwrap();
        let current: Vec<&str> = c
            .rows
            .iter()
            .filter(|r| r.current)
            .map(|r| r.option)
            .collect();
        current
    };
    assert_eq!(with_months(3), ["instelling-start"]);
    assert_eq!(with_months(4), ["instelling"]);
}

/// Spec §6.1 case P as a timeline from the first admission (1 January 2024): the partner is at
/// home without care until 1 March (lid 2 a), then both stay and the partner's start period
/// runs until 1 July (lid 1 b): € 383,33 a month; from July the hoge bijdrage once,
/// € 1.917,83 (fixtures P-2024-02-15, P-2024-06-30, P-2024-07-01, by hand).
#[test]
fn case_p_as_a_timeline_switches_on_1_july() {
    let i = Input::from_json(
        r#"{"version":1,"year":2024,"date":"2024-07-01",
            "client":{"age":75,"care":"instelling","stay":{"start":"2024-01-01"},"income":28000,"tax":4000},
            "partner":{"age":72,"care":"instelling","stay":{"start":"2024-03-01"},"income":18000,"tax":1500}}"#,
    )
    .unwrap();
    let t = scenarios::timeline(&i, Date::new(2024, 1, 1).unwrap(), 8).unwrap();
    let amounts: Vec<String> = t.months.iter().map(|m| m.amount.to_string()).collect();
    assert_eq!(&amounts[..6], ["383.33"; 6]);
    assert_eq!(amounts[6], "1917.83");
    assert_eq!(t.months[6].segments[0].regime, Regime::Hoge);
    assert_eq!(t.months[5].segments[0].regime, Regime::Lage);
}
