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
//! Every parameter is a `JsValue`, checked here before anything else, never a
//! typed `&str`, `u32` or `String`: wasm-bindgen's glue for those converts
//! whatever JS passes without a check (a number as `start` made the glue
//! write out of bounds and trap; `'x'` as a count became 0). So any value of
//! any type in any position gives a result or a `WlzError` (see the README's
//! table of argument checks).
//!
//! The TypeScript types of the objects are generated from the core's JSON
//! Schema (`wlz-bijdrage schema`) into `types.d.ts`; the signatures below
//! refer to them by name.

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wlz_core::input::{from_json, Amount};
use wlz_core::letters::check::CheckInput;
use wlz_core::letters::letter::Letter;
use wlz_core::letters::templates::{LetterData, Template};
use wlz_core::planner::PlanInput;
use wlz_core::scenarios::{self, CurrentYear};
use wlz_core::{Date, ErrorCode, Input, InputError, Lang, Text};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { Input, CurrentYear, Estimate, Timeline, Comparison, PartnerOptions, WhatIf, IncomeCurve, PlanInput, Plan, PlanComparison, CheckInput, Letter, Report, LetterData, Rendered, Template, InputError, ErrorCode } from "./types.js";
export type * from "./types.js";

/** The optional part of a check (`checkLetter`'s third argument): the rest of a `CheckInput`. */
export interface CheckOptions {
  /** The start of care, for the back-dated total (YYYY-MM-DD). */
  careStart?: CheckInput["care_start"];
  /** The client's verzamelinkomen of other peiljaren, by year (`{ 2023: 40000 }`). */
  incomeByYear?: CheckInput["income_by_year"];
  /** The client's income tax of other peiljaren, by year. */
  taxByYear?: CheckInput["tax_by_year"];
}

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

/// The next `months` (a whole number 1–36, default 12) calendar months of a
/// stay that starts on `start` (`YYYY-MM-DD`, in the input's year): regime and
/// amount per month, the switch from the start period charged per day, and
/// totals. Throws a `WlzError`: `missing_date` without `start`,
/// `invalid_date` for a `start` that is not such a date, `invalid_days` for
/// other `months`.
#[wasm_bindgen(unchecked_return_type = "Timeline")]
pub fn timeline(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] months: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    let start = read_date(&start, "start")?;
    let months = read_count(&months, "months", MONTHS, ErrorCode::InvalidDays)?;
    output(scenarios::timeline(&input, start, months))
}

/// Every care form for the same household, side by side.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    output(scenarios::compare(&input))
}

/// Where the partner lives, side by side: at home without care, living along in the client's
/// instelling, in an instelling with care of their own, in Wmo beschermd wonen.
#[wasm_bindgen(js_name = partnerOptions, unchecked_return_type = "PartnerOptions")]
pub fn partner_options(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    output(scenarios::partner_options(&input))
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
/// `points` incomes (a whole number 2–400, default 41), with the
/// breakpoints. Other `points` throw a `WlzError` (`invalid_argument`).
#[wasm_bindgen(js_name = incomeCurve, unchecked_return_type = "IncomeCurve")]
pub fn income_curve(
    #[wasm_bindgen(unchecked_param_type = "Input | string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] points: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input)?;
    let points = read_count(&points, "points", POINTS, ErrorCode::InvalidArgument)?;
    output(scenarios::income_curve(&input, points as usize))
}

/// The contribution over the coming contribution years (`shared/spec/planner.md`):
/// per year the total, month by month, each regime's monthly amount and the
/// peiljaar figures, as the home, savings, gifts and the AOW choice change.
/// A separate function from `estimate` because a plan takes its own input
/// contract (`PlanInput`: savings per 1 January instead of `assets`, the
/// home, events over the years). Throws a `WlzError` on bad input, with the
/// core's code and field (`years`, `from`, `client.assets`, …).
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_plan_input(&input, "input")?;
    output(wlz_core::planner::plan(&input))
}

/// Two plans of the same years side by side (for example selling the home
/// against keeping it): both plans, each year's totals and `b` minus `a`.
/// Both are read (`a` first), then the core checks that they cover the same
/// years (else `invalid_argument` on `from`) before it plans either. An
/// error inside a plan keeps the core's field path, as `whatIf`'s `current`
/// does: the JSON contract is the same whichever argument it came in.
#[wasm_bindgen(js_name = comparePlans, unchecked_return_type = "PlanComparison")]
pub fn compare_plans(
    #[wasm_bindgen(unchecked_param_type = "PlanInput | string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlanInput | string")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let a = read_plan_input(&a, "a")?;
    let b = read_plan_input(&b, "b")?;
    output(wlz_core::planner::compare(&a, &b))
}

/// "Klopt mijn brief?" (`shared/spec/letters.md` §2): checks a CAK letter
/// against the household. `household` is the estimate's `Input`, `letter`
/// the figures typed from the letter, `options` the rest of a check
/// (`careStart`, `incomeByYear`, `taxByYear`). Or one argument: a whole
/// `CheckInput` (`{ household, letter, care_start?, income_by_year?,
/// tax_by_year? }`). Returns the `Report`: `verdict` `V0`…`V6` with its text
/// and next step, `expected_monthly`, `difference` (letter minus expected),
/// `explained_by` (`F1`…`F12`), `implied_bi` (`null` for an open end),
/// `deadlines`, and `backdated` and `spreading` when the care started
/// earlier. Errors name the field as a path in the `CheckInput`
/// (`household.client.income`, `letter.date`), or the option
/// (`careStart`, `incomeByYear.2023`).
#[wasm_bindgen(js_name = checkLetter, unchecked_return_type = "Report")]
pub fn check_letter(
    #[wasm_bindgen(unchecked_param_type = "Input | CheckInput | string")] household: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Letter | string")] letter: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions | string")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let req = read_check(&household, &letter, &options)?;
    output(wlz_core::letters::check::check(&req))
}

/// One of the five letters of `shared/spec/letters.md` §4, filled with
/// `data` (`LetterData`, every field optional): `template` is `aanpassing`,
/// `bezwaar`, `betalingsregeling`, `partner` or `eenmalig`. Returns the
/// `Rendered` letter: `subject`, `text`, `attachments`, and `missing`, the
/// fields left as a line to fill in by hand. Throws a `WlzError`:
/// `invalid_argument` on `template` for another name, the contract's errors
/// for `data` (an unknown field is `invalid_json` with its name as `field`).
#[wasm_bindgen(unchecked_return_type = "Rendered")]
pub fn letter(
    #[wasm_bindgen(unchecked_param_type = "Template")] template: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LetterData | string")] data: JsValue,
) -> Result<JsValue, JsValue> {
    let template = read_template(&template)?;
    let data: LetterData = if data.is_undefined() || data.is_null() {
        LetterData::default()
    } else {
        from_json(&json_text(&data, "data")?).map_err(|e| wlz_error(&e))?
    };
    output(Ok(wlz_core::letters::templates::render(template, &data)))
}

/// Checks the letter, fills the letter `template` from the check (dates,
/// amounts, kenmerk, the bezwaar's reason blocks) and renders it. `check`
/// is a whole `CheckInput`; `overrides` (`LetterData`) replaces the prefilled
/// fields it names and adds the rest (name, address, …). Throws a `WlzError`
/// as `letter` and `checkLetter` do.
#[wasm_bindgen(js_name = letterFromCheck, unchecked_return_type = "Rendered")]
pub fn letter_from_check(
    #[wasm_bindgen(unchecked_param_type = "Template")] template: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckInput | string")] check: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LetterData | string")] overrides: JsValue,
) -> Result<JsValue, JsValue> {
    let template = read_template(&template)?;
    let req: CheckInput = from_json(&json_text(&check, "check")?).map_err(|e| wlz_error(&e))?;
    let overrides: Option<serde_json::Map<String, serde_json::Value>> =
        if overrides.is_undefined() || overrides.is_null() {
            None
        } else {
            let text = json_text(&overrides, "overrides")?;
            // Read as the contract reads it first, so a bad field gets its own error.
            from_json::<LetterData>(&text).map_err(|e| wlz_error(&e))?;
            from_json(&text).map_err(|e| wlz_error(&e))?
        };
    let report = wlz_core::letters::check::check(&req).map_err(|e| wlz_error(&e))?;
    let mut data = wlz_core::letters::prefill::prefill(&req, &report);
    if let Some(overrides) = overrides {
        let Ok(serde_json::Value::Object(mut merged)) = serde_json::to_value(&data) else {
            return Err(js_sys::Error::new("letter data did not serialize").into());
        };
        merged.extend(overrides);
        let text = serde_json::Value::Object(merged).to_string();
        data = from_json(&text).map_err(|e| wlz_error(&e))?;
    }
    output(Ok(wlz_core::letters::templates::render(template, &data)))
}

/// Reads an amount as a person types it (`"1.234,56"`, `"1234.56"`,
/// `"€ 1.234"`, or a number) and returns it as a plain decimal string
/// (`"1234.56"`). Throws a `WlzError` (`invalid_amount`) otherwise.
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string | number")] text: JsValue,
) -> Result<String, JsValue> {
    read_amount(&text, "text").map(|d| d.normalize().to_string())
}

/// Formats an amount of a result (a decimal string such as `"337.68"` or
/// `"2521.9266"`, or a number) the way this product shows money: `€ 1.234,56`
/// in Dutch (the default, `lang` `"nl"`), `€1,234.56` in English (`"en"`);
/// rounded half-up to cents. Text as a person types it goes through
/// `parseAmount` first. Throws a `WlzError`: `invalid_amount` for another
/// `amount`, `invalid_argument` for another `lang`.
#[wasm_bindgen(js_name = formatEur)]
pub fn format_eur(
    #[wasm_bindgen(unchecked_param_type = "string | number")] amount: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "\"nl\" | \"en\"")] lang: JsValue,
) -> Result<String, JsValue> {
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
                    let text = clip(&text);
                    arg_error(
                        ErrorCode::InvalidAmount,
                        "amount",
                        format!("`{text}` is geen decimaal getal zoals \"1234.56\"; gebruik parseAmount voor getypte bedragen."),
                        format!("`{text}` is not a decimal like \"1234.56\"; use parseAmount for typed amounts."),
                    )
                })?
        }
        None => read_amount(&amount, "amount")?,
    };
    let lang = read_lang(&lang, "lang")?;
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

/// A planner input; `what` names the argument in an `invalid_json` message.
fn read_plan_input(value: &JsValue, what: &str) -> Result<PlanInput, JsValue> {
    from_json(&json_text(value, what)?).map_err(|e| wlz_error(&e))
}

/// The options of `checkLetter`: the rest of a `CheckInput`, in JS spelling.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CheckOptions {
    #[serde(default)]
    care_start: Option<Date>,
    #[serde(default)]
    income_by_year: BTreeMap<i32, Amount>,
    #[serde(default)]
    tax_by_year: BTreeMap<i32, Amount>,
}

/// The request of `checkLetter`: three arguments, or one whole `CheckInput`.
fn read_check(
    household: &JsValue,
    letter: &JsValue,
    options: &JsValue,
) -> Result<CheckInput, JsValue> {
    let absent = |v: &JsValue| v.is_undefined() || v.is_null();
    if absent(letter) && absent(options) {
        let text = json_text(household, "household")?;
        // One argument: a CheckInput has a `letter`; a lone household lacks one.
        let whole = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(o)) => o.contains_key("letter"),
            Ok(_) => false,
            // Not JSON at all: the contract's own `invalid_json`.
            Err(_) => true,
        };
        if whole {
            return from_json(&text).map_err(|e| wlz_error(&e));
        }
        return Err(arg_error(
            ErrorCode::InvalidArgument,
            "letter",
            "`letter` ontbreekt: geef de brief als tweede argument, of één CheckInput met `household` en `letter`.".into(),
            "`letter` is missing: give the letter as the second argument, or one CheckInput with `household` and `letter`.".into(),
        ));
    }
    let inside = |prefix: &str| {
        let prefix = prefix.to_string();
        move |mut e: InputError| {
            e.field = Some(match e.field.take() {
                Some(f) => format!("{prefix}.{f}"),
                None => prefix.clone(),
            });
            wlz_error(&e)
        }
    };
    let household: Input =
        from_json(&json_text(household, "household")?).map_err(inside("household"))?;
    if absent(letter) {
        return Err(arg_error(
            ErrorCode::InvalidArgument,
            "letter",
            "`letter` ontbreekt: geef de brief (datum, ingangsdatum, bedrag per maand).".into(),
            "`letter` is missing: give the letter (date, from, amount per month).".into(),
        ));
    }
    let letter: Letter = from_json(&json_text(letter, "letter")?).map_err(inside("letter"))?;
    let options: CheckOptions = if absent(options) {
        CheckOptions {
            care_start: None,
            income_by_year: BTreeMap::new(),
            tax_by_year: BTreeMap::new(),
        }
    } else {
        from_json(&json_text(options, "options")?).map_err(|e| wlz_error(&e))?
    };
    Ok(CheckInput {
        household,
        letter,
        care_start: options.care_start,
        income_by_year: options.income_by_year,
        tax_by_year: options.tax_by_year,
    })
}

/// A letter's name: exactly one of `Template::ALL`'s names.
fn read_template(value: &JsValue) -> Result<Template, JsValue> {
    let name = value.as_string();
    Template::ALL
        .into_iter()
        .find(|t| name.as_deref() == Some(t.name()))
        .ok_or_else(|| {
            let (nl, en) = shown(value);
            arg_error(
                ErrorCode::InvalidArgument,
                "template",
                format!("`template` moet aanpassing, bezwaar, betalingsregeling, partner of eenmalig zijn; gekregen: {nl}."),
                format!("`template` must be aanpassing, bezwaar, betalingsregeling, partner or eenmalig; got {en}."),
            )
        })
}

/// The counts the functions take: `timeline`'s `months`, `incomeCurve`'s `points`.
struct Count {
    range: std::ops::RangeInclusive<u32>,
    default: u32,
}
const MONTHS: Count = Count {
    range: 1..=36,
    default: 12,
};
const POINTS: Count = Count {
    range: 2..=400,
    default: 41,
};

/// An optional count: `undefined` or `null` give the default, a whole JS
/// number within the range is taken; anything else (another type, a
/// fraction, NaN, ±Infinity, out of range) is a `WlzError` with `code`.
fn read_count(value: &JsValue, name: &str, count: Count, code: ErrorCode) -> Result<u32, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(count.default);
    }
    let (lo, hi) = (*count.range.start(), *count.range.end());
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= f64::from(lo) && n <= f64::from(hi) => Ok(n as u32),
        _ => {
            let (nl, en) = shown(value);
            Err(arg_error(
                code,
                name,
                format!("`{name}` moet een geheel getal van {lo} tot en met {hi} zijn (zonder: {}); gekregen: {nl}.", count.default),
                format!("`{name}` must be a whole number from {lo} to {hi} (default {}); got {en}.", count.default),
            ))
        }
    }
}

/// A required date argument, as text `YYYY-MM-DD`.
fn read_date(value: &JsValue, name: &str) -> Result<Date, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Err(arg_error(
            ErrorCode::MissingDate,
            name,
            format!("`{name}` ontbreekt: geef een datum als tekst JJJJ-MM-DD, bijvoorbeeld \"2026-03-01\"."),
            format!("`{name}` is missing: give a date as text YYYY-MM-DD, e.g. \"2026-03-01\"."),
        ));
    }
    let text = value.as_string();
    text.as_deref().and_then(Date::parse).ok_or_else(|| {
        let (nl, en) = match &text {
            Some(t) => {
                let t = clip(t);
                (format!("`{t}`"), format!("`{t}`"))
            }
            None => shown(value),
        };
        arg_error(
            ErrorCode::InvalidDate,
            name,
            format!("`{name}` moet een datum zijn als tekst JJJJ-MM-DD, bijvoorbeeld \"2026-03-01\"; {nl} is dat niet."),
            format!("`{name}` must be a date as text YYYY-MM-DD, e.g. \"2026-03-01\"; {en} is not."),
        )
    })
}

/// An optional language: `undefined` or `null` give Dutch; else exactly `"nl"` or `"en"`.
fn read_lang(value: &JsValue, name: &str) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    match value.as_string().as_deref() {
        Some("nl") => Ok(Lang::Nl),
        Some("en") => Ok(Lang::En),
        _ => {
            let (nl, en) = shown(value);
            Err(arg_error(
                ErrorCode::InvalidArgument,
                name,
                format!("`{name}` moet \"nl\" of \"en\" zijn (zonder: \"nl\"); gekregen: {nl}."),
                format!("`{name}` must be \"nl\" or \"en\" (default \"nl\"); got {en}."),
            ))
        }
    }
}

/// An amount argument: a string in any notation `parseAmount` reads, or a finite JS number.
fn read_amount(value: &JsValue, name: &str) -> Result<Decimal, JsValue> {
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
                .map_err(|mut e| {
                    e.field = Some(name.to_string());
                    wlz_error(&e)
                });
        }
        Some(_) => None,
        None => value.as_string(),
    };
    let Some(text) = text else {
        // Another type, or NaN or ±Infinity.
        let (nl, en) = shown(value);
        return Err(arg_error(
            ErrorCode::InvalidAmount,
            name,
            format!(
                "`{name}` moet een bedrag zijn, als tekst of als eindig getal; gekregen: {nl}."
            ),
            format!("`{name}` must be an amount, as text or a finite number; got {en}."),
        ));
    };
    wlz_core::parse_amount(&text).map_err(|e| {
        let text = clip(&text);
        arg_error(
            // The codes of the contract: as for an amount in the input.
            match e {
                wlz_core::AmountError::OutOfRange => ErrorCode::AmountOutOfRange,
                _ => ErrorCode::InvalidAmount,
            },
            name,
            format!("`{text}`: {}", e.message(Lang::Nl)),
            format!("`{text}`: {}", e.message(Lang::En)),
        )
    })
}

/// A JS value as a message names it, in Dutch and English (long text clipped).
fn shown(value: &JsValue) -> (String, String) {
    if value.is_undefined() {
        return ("niets".into(), "nothing".into());
    }
    if value.is_null() {
        return ("null".into(), "null".into());
    }
    if let Some(text) = value.as_string() {
        let t = clip(&text);
        return (format!("de tekst \"{t}\""), format!("the text \"{t}\""));
    }
    if value.as_f64().is_some() {
        let n = js_sys::Number::unchecked_from_js_ref(value)
            .to_string_with_radix(10)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        return (format!("het getal {n}"), format!("the number {n}"));
    }
    if let Some(b) = value.as_bool() {
        return (format!("{b}"), format!("{b}"));
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    (
        format!("een waarde van type {kind}"),
        format!("a value of type {kind}"),
    )
}

/// At most 40 characters of a text, for a message.
fn clip(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The `WlzError` for an argument of a function: `code`, the argument's name as `field`.
fn arg_error(code: ErrorCode, name: &str, nl: String, en: String) -> JsValue {
    wlz_error(&InputError::new(code, Some(name), Text::owned(nl, en)))
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
