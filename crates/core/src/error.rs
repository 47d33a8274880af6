//! Typed input errors with a stable code, the field they concern and a
//! message in Dutch and English. The engine never panics on input: every
//! problem ends up here.

use crate::text::{Lang, Text};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidJson,
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
    InvalidCare,
    InvalidParameters,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

    pub(crate) fn json(e: &serde_json::Error) -> InputError {
        let detail = e.to_string();
        // serde reports the field name in backticks; surface it as `field`.
        let field = detail
            .split('`')
            .nth(1)
            .filter(|_| detail.starts_with("unknown field") || detail.starts_with("missing field"))
            .map(str::to_string);
        let (nl, en) = if detail.starts_with("unknown field") {
            (
                format!(
                    "Onbekend veld {}: controleer de spelling (zie docs/contract.md). {detail}",
                    field.as_deref().unwrap_or("?")
                ),
                format!(
                    "Unknown field {}: check the spelling (see docs/contract.md). {detail}",
                    field.as_deref().unwrap_or("?")
                ),
            )
        } else {
            (
                format!("De invoer is geen geldige JSON voor dit contract: {detail}"),
                format!("The input is not valid JSON for this contract: {detail}"),
            )
        };
        InputError {
            code: ErrorCode::InvalidJson,
            field,
            message: Text::owned(nl, en),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for InputError {}
