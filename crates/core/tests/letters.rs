//! The worked examples of letters.md §5 that the letters module covers so far: the back-dated
//! totals E6 and E6b (to the cent, with the 12-month window and partial months).

use rust_decimal::Decimal;
use serde_json::json;
use std::str::FromStr;
use wlz_core::letters::backdated::{backdated, Lookback};
use wlz_core::planner::PlanInput;
use wlz_core::Date;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn e6_pgb_with_the_12_month_limit() {
    // letters.md §5.6: pgb from 1 January 2025; inkomen 2023 € 40.000, 2024 € 41.000; first
    // beschikking sent 10 April 2026. 2025 € 95,40, 2026 € 95,07; chargeable April 2025 –
    // April 2026: 9 × 95,40 + 4 × 95,07 = € 1.238,88; not chargeable 3 × 95,40 = € 286,20.
    let input: PlanInput = serde_json::from_value(json!({
        "version": 1, "from": 2025,
        "client": { "age": 70, "care": "pgb" },
        "money": { "income_by_year": { "2023": 40000, "2024": 41000 } }
    }))
    .unwrap();
    let b = backdated(
        &input,
        day("2025-01-01"),
        day("2026-04-10"),
        Lookback::First,
    )
    .unwrap();
    assert_eq!(b.first_chargeable, day("2025-04-01"));
    assert_eq!(b.total, d("1238.88"));
    assert_eq!(b.not_chargeable, d("286.20"));
    assert_eq!(b.months.len(), 16);
    assert_eq!(b.months[0].amount, d("95.40"));
    assert_eq!(b.months[15].amount, d("95.07"));
}

#[test]
fn e6b_regime_switch_and_partial_months() {
    // letters.md §5.7: admitted 15 September 2025; inkomen 2023 € 140.000, 2024 € 145.000,
    // belasting 2024 € 55.000; sent 10 March 2026. September 566,32; October–December
    // 3 × 1.076,60; January 513,57 (LEB, 14 days) + 1.711,25 (HEB, 17 days); February and
    // March 3.061,80 each: € 12.144,54.
    let input: PlanInput = serde_json::from_value(json!({
        "version": 1, "from": 2025,
        "client": { "age": 70, "care": "instelling" },
        "money": {
            "income_by_year": { "2023": 140000, "2024": 145000 },
            "tax_by_year": { "2024": 55000 }
        }
    }))
    .unwrap();
    let b = backdated(
        &input,
        day("2025-09-15"),
        day("2026-03-10"),
        Lookback::First,
    )
    .unwrap();
    assert_eq!(b.first_chargeable, day("2025-09-01"));
    let amounts: Vec<Decimal> = b.months.iter().map(|m| m.amount).collect();
    assert_eq!(
        amounts,
        ["566.32", "1076.60", "1076.60", "1076.60", "2224.82", "3061.80", "3061.80"].map(d)
    );
    assert_eq!(b.total, d("12144.54"));
    assert_eq!(b.not_chargeable, Decimal::ZERO);
    let jan = &b.months[4];
    assert_eq!(
        jan.parts.iter().map(|p| p.due).collect::<Vec<_>>(),
        vec![d("513.57"), d("1711.25")]
    );
}

#[test]
fn a_revision_reaches_36_months_back() {
    // Hand-computed from E6's household: a revision sent 10 April 2026 may reach back to
    // April 2023, so every month from January 2025 is chargeable: 12 × 95,40 + 4 × 95,07.
    let input: PlanInput = serde_json::from_value(json!({
        "version": 1, "from": 2025,
        "client": { "age": 70, "care": "pgb" },
        "money": { "income_by_year": { "2023": 40000, "2024": 41000 } }
    }))
    .unwrap();
    let b = backdated(
        &input,
        day("2025-01-01"),
        day("2026-04-10"),
        Lookback::Revision,
    )
    .unwrap();
    assert_eq!(b.total, d("1525.08"));
    assert_eq!(b.not_chargeable, Decimal::ZERO);
}
