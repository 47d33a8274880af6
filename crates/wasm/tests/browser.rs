//! The JS API in headless Chromium (wasm-bindgen-test, driven through
//! chromedriver): the same calls a web page makes, with JS objects in and
//! out. Run: `cargo test -p wlz-wasm --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

// spec §6.1 case M: BI 38000 + 4% × (100000 − 36952) = 40521.92; /120 → 337.68, lage.
const M: &str =
    r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#;

#[wasm_bindgen_test]
fn estimate_of_a_js_object() {
    let input = JSON::parse(M).unwrap();
    let r = wlz_wasm::estimate(input).unwrap();
    assert_eq!(text(&r, "monthly"), "337.68");
    assert_eq!(text(&r, "regime"), "lage");
    assert!(js_sys::Array::is_array(&get(&r, "steps")));
}

#[wasm_bindgen_test]
fn estimate_of_json_text_in_dutch_notation() {
    let input = M
        .replace("38000", "\"38.000\"")
        .replace("100000", "\"€ 100.000\"");
    let r = wlz_wasm::estimate(JsValue::from_str(&input)).unwrap();
    assert_eq!(text(&r, "monthly"), "337.68");
}

#[wasm_bindgen_test]
fn bad_input_is_a_wlz_error_not_a_trap() {
    for (bad, code) in [
        (JsValue::from_str("{"), "invalid_json"),
        (JsValue::UNDEFINED, "invalid_json"),
        (JsValue::from_f64(7.0), "invalid_json"),
        (
            JsValue::from_str(&M.replace("2026", "2031")),
            "unsupported_year",
        ),
        (
            JsValue::from_str(&M.replace("38000", "\"veel\"")),
            "invalid_amount",
        ),
    ] {
        let e = wlz_wasm::estimate(bad).unwrap_err();
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(text(&e, "name"), "WlzError");
        assert_eq!(text(&e, "code"), code);
        let detail = get(&e, "detail");
        assert!(!text(&get(&detail, "message"), "nl").is_empty());
    }
    // Still alive afterwards.
    let r = wlz_wasm::estimate(JsValue::from_str(M)).unwrap();
    assert_eq!(text(&r, "monthly"), "337.68");
}

#[wasm_bindgen_test]
fn money_in_both_languages() {
    assert_eq!(
        wlz_wasm::format_eur(JsValue::from_str("1234.56"), "nl".into()).unwrap(),
        "€ 1.234,56"
    );
    assert_eq!(
        wlz_wasm::format_eur(JsValue::from_f64(1234.5), "en".into()).unwrap(),
        "€1,234.50"
    );
    assert_eq!(
        wlz_wasm::parse_amount(JsValue::from_str("1.234,56")).unwrap(),
        "1234.56"
    );
}

#[wasm_bindgen_test]
fn timeline_and_comparison() {
    // spec §6.1 case A (2025): 255.42 a month in the start period of an instelling stay.
    let a = r#"{"version":1,"year":2025,"client":{"age":70,"care":"instelling","income":30000,"assets":50000}}"#;
    let t = wlz_wasm::timeline(JsValue::from_str(a), "2025-04-01".into(), 4.into()).unwrap();
    let months = js_sys::Array::from(&get(&t, "months"));
    assert_eq!(months.length(), 4);
    for m in months.iter() {
        assert_eq!(text(&m, "amount"), "255.42");
    }
    let c = wlz_wasm::compare(JsValue::from_str(a)).unwrap();
    let rows = js_sys::Array::from(&get(&c, "rows"));
    let vpt = rows.iter().find(|r| text(r, "option") == "vpt").unwrap();
    assert_eq!(text(&vpt, "monthly"), "255.42");
}

#[wasm_bindgen_test]
fn arguments_of_the_wrong_type_are_wlz_errors() {
    let m = || JsValue::from_str(M);
    let undef = JsValue::UNDEFINED;
    let cases: [(Result<JsValue, JsValue>, &str, &str); 6] = [
        // A number where a date string belongs used to trap in the glue.
        (
            wlz_wasm::timeline(m(), JsValue::from_f64(20260310.0), undef.clone()),
            "invalid_date",
            "start",
        ),
        (
            wlz_wasm::timeline(m(), undef.clone(), undef.clone()),
            "missing_date",
            "start",
        ),
        (
            wlz_wasm::timeline(m(), "2026-03-01".into(), JsValue::from_f64(-1.0)),
            "invalid_days",
            "months",
        ),
        (
            wlz_wasm::income_curve(m(), "x".into()),
            "invalid_argument",
            "points",
        ),
        (
            wlz_wasm::income_curve(m(), JsValue::from_f64(1e9)),
            "invalid_argument",
            "points",
        ),
        (
            wlz_wasm::format_eur("1".into(), JsValue::from_f64(5.0)).map(JsValue::from),
            "invalid_argument",
            "lang",
        ),
    ];
    for (result, code, field) in cases {
        let e = result.unwrap_err();
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(text(&e, "name"), "WlzError");
        assert_eq!(text(&e, "code"), code);
        assert_eq!(text(&e, "field"), field);
        assert!(!text(&e, "message").is_empty());
    }
    // The defaults still apply when an optional argument is left out.
    let t = wlz_wasm::timeline(m(), "2026-03-01".into(), undef.clone()).unwrap();
    assert_eq!(js_sys::Array::from(&get(&t, "months")).length(), 12);
    assert_eq!(
        wlz_wasm::format_eur("1234.5".into(), undef).unwrap(),
        "€ 1.234,50"
    );
}

// planner.md §P.6.6 W1 (fixtures/planner/cases.yaml `W1-for-sale`): 2026 total 9326.00,
// 2032 total 35138.88 (the house in box 3 from 1 January 2030), cumulative 115512.20.
const W1: &str = r#"{"version":1,"from":2026,"admission":"2026-02-01",
    "client":{"birth_date":"1950-03-01","care":"instelling","income":24000,"tax":500},
    "money":{"savings":40000},"home":{"woz":350000,"status":"for-sale"}}"#;

#[wasm_bindgen_test]
fn plan_and_compare_plans() {
    let p = wlz_wasm::plan(JSON::parse(W1).unwrap()).unwrap();
    assert_eq!(text(&p, "cumulative"), "115512.20");
    let years = js_sys::Array::from(&get(&p, "years"));
    assert_eq!(years.length(), 7);
    assert_eq!(text(&years.get(0), "total"), "9326.00");
    assert_eq!(text(&years.get(6), "total"), "35138.88");
    // The same plan twice: no difference in any year.
    let c = wlz_wasm::compare_plans(W1.into(), W1.into()).unwrap();
    let difference: rust_decimal::Decimal = text(&c, "difference").parse().unwrap();
    assert!(difference.is_zero());
    // A bad plan input is a WlzError with the core's field, not a trap.
    let e = wlz_wasm::plan(W1.replace("\"from\":2026", "\"from\":1990").into()).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&e, "name"), "WlzError");
    assert_eq!(text(&e, "code"), "unsupported_year");
    assert_eq!(text(&e, "field"), "from");
}

// letters.md §5.2 E2 (fixtures/letters/cases.yaml `E2-partner-died`): the CAK counts the
// partner who died; V2, explained by F2, € 212,60 expected against the letter's € 416,67
// (difference 204.07), bezwaar until 26 February 2026.
const E2_HOUSEHOLD: &str =
    r#"{"version":1,"year":2026,"client":{"age":75,"care":"vpt","income":22000,"assets":30000}}"#;
const E2_LETTER: &str = r#"{"date":"2026-01-15","from":"2026-01-01","monthly":"416.67","regime":"lage",
    "bi":"50000","household":"couple","partner_income":"28000"}"#;

#[wasm_bindgen_test]
fn check_letter_e2() {
    let undef = JsValue::UNDEFINED;
    let r = wlz_wasm::check_letter(
        JSON::parse(E2_HOUSEHOLD).unwrap(),
        JSON::parse(E2_LETTER).unwrap(),
        undef.clone(),
    )
    .unwrap();
    assert_eq!(text(&r, "verdict"), "V2");
    assert_eq!(text(&r, "expected_monthly"), "212.60");
    assert_eq!(text(&r, "difference"), "204.07");
    let by = js_sys::Array::from(&get(&r, "explained_by"));
    assert!(by.includes(&"F2".into(), 0));
    assert_eq!(text(&get(&r, "deadlines"), "bezwaar"), "2026-02-26");
    // The bezwaar filled from the same check holds both amounts.
    let check = format!(r#"{{"household":{E2_HOUSEHOLD},"letter":{E2_LETTER}}}"#);
    let b = wlz_wasm::letter_from_check("bezwaar".into(), check.into(), undef.clone()).unwrap();
    let t = text(&b, "text");
    assert!(t.contains("€ 416,67") && t.contains("€ 212,60"), "{t}");
    // A bad template name is a WlzError on `template`, not a trap.
    let e = wlz_wasm::letter("brief".into(), undef).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&e, "name"), "WlzError");
    assert_eq!(text(&e, "code"), "invalid_argument");
    assert_eq!(text(&e, "field"), "template");
}
