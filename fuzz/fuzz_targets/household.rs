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
//! Errors must have Dutch and English messages. Hostile shapes (issue 11): earlier stays come
//! as a list (now and then far beyond the cap of 500, which must be an error), and some
//! documents get an amount with a long fraction (must be `invalid_amount`) or text after the
//! object (must be `invalid_json`); a date of birth may fall in the contribution year.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const FORMS: [&str; 8] = ["instelling", "vpt", "mpt", "pgb", "dtv", "none", "living-along", "beschermd-wonen"];
const READINGS: [&str; 18] = [
    "joint_vermogen_threshold", "cot_grouping_outside", "cot_own_vib_share", "spouse_cot_added",
    "cot_test_on_vermogen", "extra_vrijstelling_any_verzekerde", "spouse_without_care_owes",
    "thuis_only_if_top_form", "korting_per_spouse", "start_period_whole_months", "dtv_always_leb",
    "bw_partner_no_start_period", "partial_from_exact", "no_data_korting_2024_2025",
    "split_includes_vib", "aftrekpost_per_spouse", "living_along_as_no_care", "bw_spouse_owes",
];

#[derive(Arbitrary, Debug)]
struct Stay {
    by_date: bool,
    months: u8,
    start_day: u16,
    /// Earlier periods: (length in days, gap before the next, heb_owed, beschermd wonen).
    prev: Vec<(u8, u8, Option<bool>, bool)>,
    /// Now and then many more earlier periods, up to beyond the cap.
    many: Option<u16>,
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
    /// 1: the client's income as a JSON number with a long fraction; 2: text after the object.
    hostile: u8,
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
        // Now and then born in the contribution year itself (under 18 on every day of it).
        Some(d) if p.age % 16 == 0 => v["birth_date"] = json!(date(year, d)),
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
            let periods = previous(s, year);
            if !periods.is_empty() {
                st["previous"] = json!(periods);
            }
        } else {
            st["months_completed"] = json!(s.months % 40);
        }
        v["stay"] = st;
    }
    v
}

/// Earlier periods laid out backwards from the end of the year before, so they never overlap
/// and always end before the current stay; in a shuffled order.
fn previous(s: &Stay, year: i32) -> Vec<Value> {
    use wlz_core::Date;
    let mut spec: Vec<(u8, u8, Option<bool>, bool)> = s.prev.clone();
    if let Some(n) = s.many {
        spec.extend((0..usize::from(n % 700)).map(|i| ((i % 97) as u8, (i % 71) as u8, None, false)));
    }
    let mut end = Date::new(year - 1, 12, 31).unwrap();
    let mut out = Vec::with_capacity(spec.len());
    for (len, gap, owed, bw) in spec {
        let Some(start) = end.add_days(-i64::from(len)) else { break };
        let mut p = json!({"start": start.to_string(), "end": end.to_string()});
        if let Some(o) = owed {
            p["heb_owed"] = json!(o);
        }
        if bw {
            p["kind"] = json!("beschermd-wonen");
        }
        out.push(p);
        let Some(next) = start.add_days(-1 - i64::from(gap)) else { break };
        end = next;
    }
    let k = out.len() / 3;
    out.rotate_left(k);
    out
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
    let periods = v["client"]["stay"]["previous"].as_array().map_or(0, Vec::len);
    let json = v.to_string();
    let result = wlz_core::estimate_json(&json);
    // Hostile variants of the same document: where the plain document is accepted, a long
    // fraction in an amount must be `invalid_amount`, text after the object `invalid_json`.
    let hostile = match h.hostile % 8 {
        1 => {
            let income = v["client"]["income"].as_str().unwrap().to_string();
            let whole = income.split('.').next().unwrap();
            Some((
                json.replace(&format!("\"income\":\"{income}\""), &format!("\"income\":{whole}.0000000000001")),
                wlz_core::ErrorCode::InvalidAmount,
            ))
        }
        2 => {
            let tail = ["}", "]]x", " {}", "\n{\"version\":1}"][usize::from(h.hostile / 8) % 4];
            Some((format!("{json}{tail}"), wlz_core::ErrorCode::InvalidJson))
        }
        _ => None,
    };
    if let Some((doc, code)) = hostile {
        let e = wlz_core::estimate_json(&doc).expect_err(&doc);
        assert!(!e.message.nl.is_empty() && !e.message.en.is_empty(), "{doc}");
        if result.is_ok() {
            assert_eq!(e.code, code, "{doc}");
        }
        return;
    }
    if periods > wlz_core::input::MAX_PREVIOUS_PERIODS {
        assert!(result.is_err(), "{periods} earlier periods accepted");
    }
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
    let p = wlz_core::params::for_year(r.year).unwrap();
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
