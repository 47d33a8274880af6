//! Fuzz target: structured households. Where `json_input` mostly explores
//! the JSON parser, this one builds every input from the fuzzer's bytes as a
//! well-formed contract document (years, care forms for both spouses, ages or
//! dates of birth, stays by months or by dates with earlier periods, amounts
//! with cents, household facts, OPEN readings, days), so nearly every run
//! reaches the engine. Invariants on `Ok`:
//! * the lage bijdrage lies within [minimum − korting (twice with O-10), maximum],
//!   the hoge within [0, maximum], no contribution is 0.00;
//! * every amount has two decimals; the split adds up;
//! * the trace recomputes (`trace::verify`) and ends in `monthly` / `due`;
//! * the same input gives the same output;
//! * a higher client income never lowers the amount.
//! Errors must have Dutch and English messages.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const FORMS: [&str; 8] = ["instelling", "vpt", "mpt", "pgb", "dtv", "none", "living-along", "beschermd-wonen"];
const READINGS: [&str; 17] = [
    "joint_vermogen_threshold", "cot_grouping_outside", "cot_own_vib_share", "spouse_cot_added",
    "cot_test_on_vermogen", "extra_vrijstelling_any_verzekerde", "spouse_without_care_owes",
    "thuis_only_if_top_form", "korting_per_spouse", "start_period_whole_months", "dtv_always_leb",
    "bw_partner_no_start_period", "partial_from_exact", "no_data_korting_2024_2025",
    "split_includes_vib", "aftrekpost_per_spouse", "living_along_as_no_care",
];

#[derive(Arbitrary, Debug)]
struct Stay {
    by_date: bool,
    months: u8,
    start_day: u16,
    prev: Option<(u16, u16, Option<bool>)>,
    after_ggz: bool,
    short: bool,
}

#[derive(Arbitrary, Debug)]
struct P {
    age: u8,
    birth_day: Option<u16>,
    forms: (u8, Option<u8>),
    mpt20: bool,
    income_cents: i32,
    assets_euros: i32,
    one_off: u16,
    tax_cents: Option<u32>,
    earned: Option<u32>,
    work: u16,
    stay: Option<Stay>,
}

#[derive(Arbitrary, Debug)]
struct H {
    year: u8,
    client: P,
    partner: Option<P>,
    facts: u8,
    net: Option<u16>,
    days: Option<u8>,
    date_day: u16,
    readings: u32,
    extra_income: u16,
}

fn date(year: i32, day_of_year: u16) -> String {
    let mut m = 1u32;
    let mut d = u32::from(day_of_year % 365) + 1;
    let len = |m: u32| match m {
        2 => if year % 4 == 0 { 29 } else { 28 },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    while d > len(m) {
        d -= len(m);
        m += 1;
    }
    format!("{year:04}-{m:02}-{d:02}")
}

fn person(p: &P, year: i32, date_day: u16, client: bool) -> Value {
    let pick = |i: u8| FORMS[usize::from(i) % if client { 5 } else { 8 }];
    let mut care = vec![pick(p.forms.0)];
    if let Some(f) = p.forms.1 {
        care.push(pick(f));
    }
    let mut v = json!({
        "care": care,
        "mpt_max_20_hours": p.mpt20,
        "income": Decimal::new(i64::from(p.income_cents), 2).to_string(),
        "assets": p.assets_euros / 10,
        "one_off_payments": p.one_off,
        "work_income": p.work,
    });
    match p.birth_day {
        Some(d) => v["birth_date"] = json!(date(year - 20 - i32::from(p.age % 90), d)),
        None => v["age"] = json!(p.age % 110),
    }
    if let Some(t) = p.tax_cents {
        v["tax"] = json!(Decimal::new(i64::from(t % 20_000_000), 2).to_string());
    }
    if let Some(e) = p.earned {
        v["earned_income"] = json!(e % 300_000);
    }
    if let Some(s) = &p.stay {
        let mut st = json!({"after_ggz_zvw": s.after_ggz, "short_stays": s.short});
        if s.by_date {
            let start = s.start_day % (date_day + 1);
            st["start"] = json!(date(year, start));
            if let Some((a, b, owed)) = s.prev {
                // An earlier period in the year before, so it always ends before the start.
                let (a, b) = (a.min(b), a.max(b));
                let mut prev = json!({"start": date(year - 1, a), "end": date(year - 1, b)});
                if let Some(o) = owed {
                    prev["heb_owed"] = json!(o);
                }
                st["previous"] = json!([prev]);
            }
        } else {
            st["months_completed"] = json!(s.months % 40);
        }
        v["stay"] = st;
    }
    v
}

fn build(h: &H) -> Value {
    let year = 2024 + i32::from(h.year % 3);
    let mut v = json!({
        "version": 1, "year": year,
        "date": date(year, h.date_day),
        "client": person(&h.client, year, h.date_day % 365, true),
        "household": {
            "children": h.facts & 1 != 0, "return_home_expected": h.facts & 2 != 0,
            "wmo_maatwerkvoorziening": h.facts & 4 != 0, "zorgtoeslag": h.facts & 8 != 0,
            "cak_has_no_data": h.facts & 0x30 == 0x30,
        },
    });
    if let Some(p) = &h.partner {
        v["partner"] = person(p, year, h.date_day % 365, false);
    }
    if let Some(n) = h.net {
        v["household"]["net_monthly_income"] = json!(n);
    }
    if let Some(d) = h.days {
        v["days"] = json!(d % 29);
    }
    let mut r = serde_json::Map::new();
    for (i, name) in READINGS.iter().enumerate() {
        if h.readings & (1 << i) != 0 {
            r.insert((*name).to_string(), json!(true));
        }
    }
    v["readings"] = Value::Object(r);
    v
}

fuzz_target!(|h: H| {
    let v = build(&h);
    let json = v.to_string();
    let result = wlz_core::estimate_json(&json);
    let again = wlz_core::estimate_json(&json);
    match (&result, &again) {
        (Ok(a), Ok(b)) => assert_eq!(
            serde_json::to_string(a).unwrap(),
            serde_json::to_string(b).unwrap(),
            "not deterministic: {json}"
        ),
        (Err(a), Err(b)) => assert_eq!(a, b, "not deterministic: {json}"),
        _ => panic!("not deterministic: {json}"),
    }
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            assert!(!e.message.nl.is_empty() && !e.message.en.is_empty(), "{json}");
            return;
        }
    };
    let p = wlz_core::params::for_year(r.year).unwrap().unwrap();
    let korting = p.thuis_korting_month.decimal * Decimal::TWO;
    match r.regime {
        wlz_core::Regime::Lage => assert!(
            r.monthly >= p.leb_min_month.decimal - korting && r.monthly <= p.leb_max_month.decimal,
            "lage {} out of bounds: {json}",
            r.monthly
        ),
        wlz_core::Regime::Hoge => assert!(
            r.monthly >= Decimal::ZERO && r.monthly <= p.heb_max_month.decimal.max(p.leb_min_month.decimal),
            "hoge {} out of bounds: {json}",
            r.monthly
        ),
        wlz_core::Regime::Geen => assert!(r.monthly.is_zero(), "geen but {}: {json}", r.monthly),
    }
    assert_eq!(r.monthly.scale(), 2, "{json}");
    if let Some(d) = r.due {
        assert_eq!(d.scale(), 2, "{json}");
    }
    if let Some(s) = &r.split {
        assert_eq!(s.client + s.partner, r.monthly, "split: {json}");
    }
    let year = r.year;
    if let Err(m) = wlz_core::trace::verify(&r.steps, |n| wlz_core::engine::parameter_value(year, n)) {
        panic!("trace: {m}: {json}");
    }
    let last = r.steps.iter().find(|s| s.id == "monthly").and_then(|s| s.amount);
    assert_eq!(last, Some(r.monthly), "{json}");
    // More income for the client never lowers the amount.
    let mut more = v.clone();
    let inc: Decimal = more["client"]["income"].as_str().unwrap().parse().unwrap();
    more["client"]["income"] = json!((inc + Decimal::from(h.extra_income)).to_string());
    if let Ok(m) = wlz_core::estimate_json(&more.to_string()) {
        assert!(m.monthly >= r.monthly, "income +{} lowered {} → {}: {json}", h.extra_income, r.monthly, m.monthly);
    }
});
