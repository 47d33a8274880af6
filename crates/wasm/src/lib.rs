//! # wlz-wasm
//!
//! The wlz-bijdrage engine for JavaScript: the npm package `wlz-bijdrage`,
//! built by `scripts/build-npm.sh` with wasm-pack. A thin layer over
//! `wlz-core` that speaks the JSON contract of `docs/contract.md`: every
//! function takes the input as a plain object (or its JSON text) and returns
//! a plain object. All rules and all arithmetic stay in the core.
//!
//! Amounts come back as decimal strings (`"337.68"`), never as binary floats.
//! A problem with the input is thrown as a JS `Error` with `name`
//! `"WlzError"`, the stable `code`, the `field` path and both messages in
//! `detail`; the engine never panics on input (it is fuzzed for that), so the
//! wasm module does not trap.
//!
//! The TypeScript types of the objects are generated from the core's JSON
//! Schema (`wlz-bijdrage schema`) into `types.d.ts`; the signatures below
//! refer to them by name.

use rust_decimal::Decimal;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wlz_core::input::from_json;
use wlz_core::scenarios::{self, CurrentYear};
use wlz_core::{Date, ErrorCode, Input, InputError, Lang, Text};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { Input, CurrentYear, Estimate, Timeline, Comparison, WhatIf, IncomeCurve, InputError, ErrorCode } from "./types.js";
export type * from "./types.js";

/** What every function throws on bad input: an `Error` with the engine's error. */
export interface WlzError extends Error {
  name: "WlzError";
  /** The stable error code, e.g. `missing_income`. */
  code: ErrorCode;
  /** The input field concerned, as a path (`client.income`), when there is one. */
  field?: string;
  /** The engine's error with its message in Dutch and English. */
  detail: InputError;
}
"#;

/// Estimates the monthly eigen bijdrage for one household: the result with
/// its regime, amounts and the explanation trace (steps with their legal
/// references). Throws a `WlzError` on bad input.
#[wasm_bindgen(unchecked_return_type = "Estimate")]
pub fn estimate(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    output(wlz_core::estimate(&input))
}

/// The next `months` (1–36, default 12) calendar months of a stay that starts
/// on `start` (`YYYY-MM-DD`): regime and amount per month, the switch from
/// the start period charged per day, and totals.
#[wasm_bindgen(unchecked_return_type = "Timeline")]
pub fn timeline(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
    start: &str,
    months: Option<u32>,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    let start = Date::parse(start).ok_or_else(|| {
        wlz_error(&InputError::new(
            ErrorCode::InvalidDate,
            Some("start"),
            Text::owned(
                format!(
                    "`{start}` is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01."
                ),
                format!("`{start}` is not a valid date; use YYYY-MM-DD, e.g. 2026-03-01."),
            ),
        ))
    })?;
    output(scenarios::timeline(&input, start, months.unwrap_or(12)))
}

/// Every care form for the same household, side by side.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    output(scenarios::compare(&input))
}

/// The income has dropped: may the household ask the CAK to use this year's
/// income (peiljaarverlegging), and what would it pay then?
#[wasm_bindgen(js_name = whatIf, unchecked_return_type = "WhatIf")]
pub fn what_if(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrentYear | string")] current: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    let current: CurrentYear =
        from_json(&json_text(&current, "current")?).map_err(|e| wlz_error(&e))?;
    output(scenarios::what_if(&input, &current))
}

/// The monthly amount against the client's income for this household, at
/// `points` incomes (default 41; kept within 2–400), with the breakpoints.
#[wasm_bindgen(js_name = incomeCurve, unchecked_return_type = "IncomeCurve")]
pub fn income_curve(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
    points: Option<u32>,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    // The core keeps the number of points within 2–400.
    let points = points.unwrap_or(41);
    output(scenarios::income_curve(&input, points as usize))
}

/// Reads an amount as a person types it (`"1.234,56"`, `"1234.56"`,
/// `"€ 1.234"`, or a number) and returns it as a plain decimal string
/// (`"1234.56"`). Throws a `WlzError` (`invalid_amount`) otherwise.
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string | number")] text: JsValue,
) -> Result<String, JsValue> {
    read_amount(&text).map(|d| d.normalize().to_string())
}

/// Formats an amount of a result (a decimal string such as `"337.68"` or
/// `"2521.9266"`, or a number) the way this product shows money: `€ 1.234,56`
/// in Dutch (the default), `€1,234.56` in English; rounded half-up to cents.
/// Text as a person types it goes through `parseAmount` first.
#[wasm_bindgen(js_name = formatEur)]
pub fn format_eur(
    #[wasm_bindgen(unchecked_param_type = "string | number")] amount: JsValue,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let lang = lang.as_deref().and_then(Lang::parse).unwrap_or_default();
    let value = match amount.as_string() {
        // The engine's own notation: `-1234.5678`, no grouping.
        Some(text) => {
            let plain = !text.is_empty()
                && text
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.');
            text.parse::<Decimal>()
                .ok()
                .filter(|_| plain)
                .ok_or_else(|| {
                    wlz_error(&InputError::new(
                        ErrorCode::InvalidAmount,
                        None,
                        Text::owned(
                            format!("`{text}` is geen decimaal getal zoals \"1234.56\"; gebruik parseAmount voor getypte bedragen."),
                            format!("`{text}` is not a decimal like \"1234.56\"; use parseAmount for typed amounts."),
                        ),
                    ))
                })?
        }
        None => read_amount(&amount)?,
    };
    Ok(wlz_core::format_eur(value, lang))
}

/// The contribution years this build has parameters for.
#[wasm_bindgen(js_name = supportedYears, unchecked_return_type = "number[]")]
pub fn supported_years() -> js_sys::Array {
    wlz_core::params::supported_years()
        .into_iter()
        .map(JsValue::from)
        .collect()
}

/// The version of the JSON contract this build reads and writes (`version` in every input).
#[wasm_bindgen(js_name = contractVersion)]
pub fn contract_version() -> u32 {
    wlz_core::CONTRACT_VERSION
}

/// The input as JSON text: a string is taken as it is, anything else goes
/// through `JSON.stringify` (so a JS number keeps its shortest decimal text).
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let not_json = || {
        wlz_error(&InputError::new(
            ErrorCode::InvalidJson,
            None,
            Text::owned(
                format!("`{what}` moet een object zijn of JSON-tekst (zie docs/contract.md)."),
                format!("`{what}` must be an object or JSON text (see docs/contract.md)."),
            ),
        ))
    };
    if !value.is_object() {
        return Err(not_json());
    }
    // Throws on a cycle or a BigInt: that is bad input too.
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(not_json)
}

fn read_input(value: &JsValue) -> Result<Input, JsValue> {
    from_json(&json_text(value, "input")?).map_err(|e| wlz_error(&e))
}

fn read_amount(value: &JsValue) -> Result<Decimal, JsValue> {
    let text = match value.as_f64() {
        // A JS number is read as the contract reads a JSON number: from its
        // shortest decimal text (`JSON.stringify`), never as a binary float.
        Some(n) if n.is_finite() => {
            let literal = js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            return from_json::<AmountOnly>(&format!("{{\"v\":{literal}}}"))
                .map(|a| a.v.0)
                .map_err(|e| wlz_error(&e));
        }
        Some(n) => n.to_string(),
        None => value.as_string().unwrap_or_default(),
    };
    wlz_core::parse_amount(&text).map_err(|e| {
        wlz_error(&InputError::new(
            ErrorCode::InvalidAmount,
            None,
            Text::owned(
                format!("`{text}`: {}", e.message(Lang::Nl)),
                format!("`{text}`: {}", e.message(Lang::En)),
            ),
        ))
    })
}

/// One amount, read by the contract's own rules.
#[derive(serde::Deserialize)]
struct AmountOnly {
    v: wlz_core::Amount,
}

fn output<T: Serialize>(result: Result<T, InputError>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| wlz_error(&e))?;
    let json = serde_json::to_string(&value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&json)
}

/// The JS error for an engine error: `name` `WlzError`, `message` in
/// English, `code`, `field` and the whole error (both languages) in `detail`.
fn wlz_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(e.message(Lang::En));
    err.set_name("WlzError");
    let detail = serde_json::to_string(e)
        .ok()
        .and_then(|j| js_sys::JSON::parse(&j).ok())
        .unwrap_or(JsValue::UNDEFINED);
    let code = js_sys::Reflect::get(&detail, &"code".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code);
    if let Some(field) = &e.field {
        let _ = js_sys::Reflect::set(&err, &"field".into(), &field.into());
    }
    let _ = js_sys::Reflect::set(&err, &"detail".into(), &detail);
    err.into()
}
