//! Typed input errors with a stable code, the field they concern and a
//! message in Dutch and English. The engine never panics on input: every
//! problem ends up here.

use crate::text::{Lang, Text};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidJson,
    InvalidAmount,
    UnsupportedVersion,
    UnsupportedYear,
    MissingAge,
    InvalidAge,
    MissingIncome,
    MissingPartnerData,
    MissingTax,
    MissingDate,
    InvalidDate,
    InvalidDays,
    AmountOutOfRange,
    InconsistentCareDates,
    /// More earlier stays than [`crate::input::MAX_PREVIOUS_PERIODS`].
    TooManyPeriods,
    InvalidCare,
    /// An argument of a function of the npm package other than the input and
    /// without a code of its own: `incomeCurve`'s `points`, `formatEur`'s `lang`.
    InvalidArgument,
    // No longer produced: the parameter files are checked when the library is built. Kept so
    // the contract's list of codes does not change.
    InvalidParameters,
}

impl ErrorCode {
    /// The code as the contract writes it (`invalid_amount`).
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => format!("{self:?}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputError {
    pub code: ErrorCode,
    /// The input field concerned, as a JSON path (`client.income`, `partner.tax`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: Text,
}

impl InputError {
    pub fn new(code: ErrorCode, field: Option<&str>, message: Text) -> InputError {
        InputError {
            code,
            field: field.map(str::to_string),
            message,
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }

    /// Turns a JSON decoding error (with the path of the field) into a clear message.
    pub(crate) fn json(path: &str, e: &serde_json::Error) -> InputError {
        let detail = e.to_string();
        let field = (!path.is_empty() && path != ".").then(|| path.to_string());
        let at = field
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        // Amount errors carry a tag so they keep their own code.
        for (tag, code) in [
            (AMOUNT_OUT_OF_RANGE_TAG, ErrorCode::AmountOutOfRange),
            (AMOUNT_INVALID_TAG, ErrorCode::InvalidAmount),
        ] {
            if let Some(pos) = detail.find(tag) {
                let msg = detail[pos + tag.len()..]
                    .split(" at line")
                    .next()
                    .unwrap_or("")
                    .trim();
                let (nl, en) = amount_messages(code, msg);
                return InputError {
                    code,
                    field,
                    message: Text::owned(format!("{nl}{at}"), format!("{en}{at}")),
                };
            }
        }
        let (nl, en) = if detail.starts_with("unknown field") {
            let name = detail.split('`').nth(1).unwrap_or("?");
            (
                format!("Onbekend veld `{name}`{at}: controleer de spelling (zie docs/contract.md). {detail}"),
                format!("Unknown field `{name}`{at}: check the spelling (see docs/contract.md). {detail}"),
            )
        } else {
            (
                format!("De invoer past niet bij het contract{at}: {detail}"),
                format!("The input does not fit the contract{at}: {detail}"),
            )
        };
        InputError {
            code: ErrorCode::InvalidJson,
            field,
            message: Text::owned(nl, en),
        }
    }
}

impl InputError {
    /// Text after the one JSON value the input must be.
    pub(crate) fn trailing(e: &serde_json::Error) -> InputError {
        let (line, column) = (e.line(), e.column());
        InputError {
            code: ErrorCode::InvalidJson,
            field: None,
            message: Text::owned(
                format!("Na het JSON-object staat nog meer tekst (regel {line}, kolom {column}). Geef precies één object."),
                format!("There is more text after the JSON object (line {line}, column {column}). Give exactly one object."),
            ),
        }
    }
}

pub(crate) const AMOUNT_OUT_OF_RANGE_TAG: &str = "[amount_out_of_range] ";
pub(crate) const AMOUNT_INVALID_TAG: &str = "[invalid_amount] ";

/// `detail` is the kind's key and the amount as given (`1`x``), as `input.rs` writes it.
fn amount_messages(code: ErrorCode, detail: &str) -> (String, String) {
    match code {
        ErrorCode::AmountOutOfRange => (
            "Dit bedrag is te groot of negatief waar dat niet kan; hoogstens € 100.000.000."
                .to_string(),
            "This amount is too large (or negative where it cannot be); at most €100,000,000."
                .to_string(),
        ),
        _ => {
            let mut chars = detail.chars();
            let kind = chars
                .next()
                .and_then(crate::money::AmountError::from_key)
                .unwrap_or(crate::money::AmountError::Invalid);
            let given = chars.as_str();
            (
                format!(
                    "Dit is geen geldig bedrag: {given}. {}",
                    kind.message(crate::Lang::Nl)
                ),
                format!(
                    "This is not a valid amount: {given}. {}",
                    kind.message(crate::Lang::En)
                ),
            )
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for InputError {}
