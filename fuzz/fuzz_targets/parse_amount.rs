//! Fuzz target: the parser for typed amounts (`wlz_core::parse_amount`),
//! which the CLI uses for `--income`, `--assets`, `--tax`, … and the JSON
//! contract for amounts given as strings.
//!
//! Any input must give `Ok` or a typed `Err`, never a panic. On `Ok`:
//! * |value| ≤ € 100 million and the value has at most two decimals;
//! * the Dutch rendering (`format_eur(v, Lang::Nl)`, `€ 1.234,56`) parses
//!   back to the same value, as it is and with the `€ ` stripped and the
//!   separators swapped to English notation (`1,234.56`);
//! * the English rendering (`€1,234.56`) parses back to the same value, as it
//!   is and with the `€` stripped.
//!
//! `format_eur` always prints two decimals (`12.5` → `€ 12,50`), so values
//! are compared numerically (`Decimal` equality ignores the scale).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use wlz_core::{format_eur, parse_amount, Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(v) = parse_amount(s) else {
        return;
    };
    let max = Decimal::from(100_000_000u32);
    assert!(v.abs() <= max, "{s:?} parsed to {v}, beyond ± 100 million");
    assert!(
        v.normalize().scale() <= 2,
        "{s:?} parsed to {v}, more than two decimals"
    );

    let nl = format_eur(v, Lang::Nl);
    roundtrip(s, v, &nl);
    // `-€ 1.234,56` → `-1.234,56` → `-1,234.56`
    let stripped = nl.replacen("€ ", "", 1);
    roundtrip(s, v, &stripped);
    let swapped: String = stripped
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect();
    roundtrip(s, v, &swapped);

    let en = format_eur(v, Lang::En);
    roundtrip(s, v, &en);
    roundtrip(s, v, &en.replacen('€', "", 1));
});

fn roundtrip(input: &str, v: Decimal, rendered: &str) {
    match parse_amount(rendered) {
        Ok(back) => assert_eq!(
            back, v,
            "{input:?} parsed to {v}, rendered as {rendered:?}, parsed back to {back}"
        ),
        Err(e) => {
            panic!("{input:?} parsed to {v}, rendered as {rendered:?}, which does not parse: {e:?}")
        }
    }
}
