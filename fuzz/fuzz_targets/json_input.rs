//! Fuzz target: the JSON input path (`wlz_core::estimate_json`), as used by
//! the CLI (`--input FILE`), the WebAssembly API and the web app.
//!
//! Any input must give `Ok` or a typed `Err`, never a panic. On `Ok` the
//! invariants of the output contract must hold (docs/contract.md):
//! * `monthly` has exactly two decimals and is ≥ 0 (as is every
//!   alternative's `monthly`);
//! * `due`, when present, has exactly two decimals;
//! * `split`, when present, adds up to `monthly` (both shares in cents);
//! * the trace recomputes (`wlz_core::trace::verify` against the year's
//!   parameter table and the peiljaar's tax parameters) and its `monthly` /
//!   `due` steps equal the result;
//! * the result serializes to JSON;
//! * the input was exactly one JSON value (`serde_json::from_str` of the whole text
//!   succeeds): nothing after the object was silently dropped.
//!
//! On `Err` the message has non-empty Dutch and English text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    // The engine reads `&str`; bytes that are not UTF-8 cannot reach it.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    match wlz_core::estimate_json(json) {
        Ok(r) => check(json, &r),
        Err(e) => {
            assert!(
                !e.message.nl.trim().is_empty() && !e.message.en.trim().is_empty(),
                "error {:?} without a message for input {json:?}",
                e.code
            );
        }
    }
});

fn check(json: &str, r: &wlz_core::Estimate) {
    assert!(
        serde_json::from_str::<serde_json::Value>(json).is_ok(),
        "accepted an input that is not exactly one JSON value: {json:?}"
    );
    assert_eq!(
        r.monthly.scale(),
        2,
        "monthly {} not in cents; input {json:?}",
        r.monthly
    );
    assert!(
        r.monthly >= Decimal::ZERO,
        "monthly {} < 0; input {json:?}",
        r.monthly
    );
    for a in &r.alternatives {
        assert_eq!(
            a.monthly.scale(),
            2,
            "alternative {} not in cents; input {json:?}",
            a.monthly
        );
        assert!(
            a.monthly >= Decimal::ZERO,
            "alternative {} < 0; input {json:?}",
            a.monthly
        );
    }
    if let Some(due) = r.due {
        assert_eq!(due.scale(), 2, "due {due} not in cents; input {json:?}");
    }
    if let Some(s) = &r.split {
        assert_eq!(
            s.client.scale(),
            2,
            "split.client {} not in cents; input {json:?}",
            s.client
        );
        assert_eq!(
            s.partner.scale(),
            2,
            "split.partner {} not in cents; input {json:?}",
            s.partner
        );
        assert_eq!(
            s.client + s.partner,
            r.monthly,
            "split {} + {} != monthly {}; input {json:?}",
            s.client,
            s.partner,
            r.monthly
        );
    }

    // The trace adds up to the result. A parameter is looked up by name in
    // the year's table (`params::for_year(year).all()`) and, since the tax
    // estimate, in the tax parameters of the peiljaar: that is what
    // `engine::parameter_value` does, the lookup the core's own tests use.
    let params =
        wlz_core::params::for_year(r.year).expect("an Ok result has a supported year");
    let all = params.all();
    let lookup = |name: &str| {
        all.iter()
            .find(|p| p.name == name)
            .map(|p| p.decimal)
            .or_else(|| wlz_core::engine::parameter_value(r.year, name))
    };
    if let Err(msg) = wlz_core::trace::verify(&r.steps, lookup) {
        panic!("trace does not verify: {msg}; input {json:?}");
    }
    let step = |id: &str| r.steps.iter().find(|s| s.id == id).and_then(|s| s.amount);
    assert_eq!(
        step("monthly"),
        Some(r.monthly),
        "step `monthly` != monthly; input {json:?}"
    );
    if r.due.is_some() {
        assert_eq!(step("due"), r.due, "step `due` != due; input {json:?}");
    }

    if let Err(e) = serde_json::to_string(r) {
        panic!("result does not serialize: {e}; input {json:?}");
    }
}
