//! What the user types from a CAK letter (letters.md §1.6): a small set that any letter shows,
//! every rekenschema figure optional (L-1, L-2).

use crate::date::Date;
use crate::input::{Amount, CareForm};
use serde::{Deserialize, Serialize};

/// One letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Letter {
    #[serde(default)]
    pub kind: LetterKind,
    /// The date at the top of the letter.
    pub date: Date,
    /// The contribution year the letter is about (default: the year of `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// From when the amount applies.
    pub from: Date,
    /// Until when (empty: ongoing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The amount per month on the letter.
    pub monthly: Amount,
    #[serde(default)]
    pub regime: LetterRegime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peiljaar: Option<i32>,
    /// Bijdrageplichtig inkomen, from the rekenschema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bi: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<LetterHousehold>,
    /// Whether the amount is for the couple together or one spouse's part (Blz 3.3.2.9 lid 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<LetterShare>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_income: Option<Amount>,
    /// The vermogen or grondslag on the letter (the household's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_form: Option<CareForm>,
    /// The start of care the letter names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kenmerk: Option<String>,
}

impl Letter {
    pub fn year(&self) -> i32 {
        self.year.unwrap_or(self.from.year())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    #[default]
    Beschikking,
    Factuur,
    Herziening,
    Unknown,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LetterRegime {
    Lage,
    Hoge,
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LetterHousehold {
    Single,
    Couple,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LetterShare {
    /// "Voor u samen".
    Joint,
    /// "Uw deel".
    Own,
}
