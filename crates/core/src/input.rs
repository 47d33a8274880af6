//! The input contract (JSON, `version: 1`), shared by the CLI, the WASM API
//! and the web app. Unknown fields are rejected. Documented with examples in
//! `docs/contract.md`.

use crate::date::Date;
use crate::error::{AMOUNT_INVALID_TAG, AMOUNT_OUT_OF_RANGE_TAG};
use crate::money::{parse_amount, AmountError};
use crate::readings::Readings;
use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// The contract version this engine reads and writes.
pub const CONTRACT_VERSION: u32 = 1;

/// One estimate request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Contract version; must be 1.
    pub version: u32,
    /// Contribution year (2024, 2025, 2026).
    pub year: i32,
    /// The day the estimate is for. Needed when a stay is given with dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The *verzekerde*: the person who receives Wlz care.
    pub client: Person,
    /// The spouse, registered partner or person sharing the household (Wlz art. 1.1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Person>,
    #[serde(default)]
    pub household: HouseholdFacts,
    /// Days of the month for which the contribution is due (partial month, Blz 3.3.2.9 lid 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// Interpretation switches for the OPEN questions of the spec (§8); all default.
    #[serde(default, skip_serializing_if = "Readings::is_default")]
    pub readings: Readings,
}

/// The highest age (on 1 January of the contribution year) the engine accepts; an older
/// `age`, or a `birth_date` more than this many years back, is `invalid_age`.
pub const MAX_AGE: u32 = 130;

/// The most whole months of a stay that can be given (`stay.months_completed`): 100 years.
pub const MAX_MONTHS_COMPLETED: u32 = 1200;

/// One person of the household.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Age on 1 January of the contribution year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Date of birth; more precise than `age` for the 31 January AOW rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Care form(s): one name or a list (the highest-ranked one counts, Blz 3.3.2.2a).
    #[serde(default)]
    pub care: CareForms,
    /// mpt of at most 20 hours of zorg in natura per month (Blz 3.3.2.2 lid 5).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mpt_max_20_hours: bool,
    /// A GGZ stay still paid by the Zvw (first 1.095 days): no Wlz contribution.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ggz_zvw: bool,
    /// The current stay in an instelling (also deeltijdverblijf, living along).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay: Option<Stay>,
    /// *Verzamelinkomen* of the peiljaar (or *belastbaar loon* without an assessment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<Amount>,
    /// *Rendementsgrondslag* (box-3 assets minus debts) on 1 January of the peiljaar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<Amount>,
    /// Designated one-off payments left out of the assets on request (Blz 3.3.1.2 lid 1 a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_off_payments: Option<Amount>,
    /// Income tax plus premie volksverzekeringen of the peiljaar (needed for the HEB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Amount>,
    /// Income from work (*arbeidsinkomen*) in the peiljaar, used only when `tax` is
    /// estimated (arbeidskorting). Default: all income below AOW age, none at AOW age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned_income: Option<Amount>,
    /// Net income from current work, sick pay or sickness benefit (HEB 15% deduction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_income: Option<Amount>,
    /// WUV/WUBO war-victim benefits of the peiljaar, deducted on request (HEB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub war_benefits: Option<Amount>,
}

/// A care form of one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CareForm {
    /// *Verblijf in een instelling*: residential stay.
    Instelling,
    /// *Volledig pakket thuis*: the full package at home.
    Vpt,
    /// *Modulair pakket thuis*: parts of the package at home, in kind.
    Mpt,
    /// *Persoonsgebonden budget*: a personal budget.
    Pgb,
    /// *Deeltijdverblijf*: a stay of 7–9 *etmalen* per 14 days.
    Dtv,
    /// Partner only: living along in the client's instelling without care of their own (§3.5).
    LivingAlong,
    /// Partner only: Wmo *beschermd wonen* (or a pgb for it).
    BeschermdWonen,
    /// No Wlz care.
    None,
}

impl CareForm {
    /// The care form's name for people, as the page's questions and the comparisons show it.
    pub fn label(self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            CareForm::Instelling => Text::fixed(
                "Wonen in een instelling",
                "Living in an institution (instelling)",
            ),
            CareForm::Vpt => {
                Text::fixed("Volledig pakket thuis (vpt)", "Full package at home (vpt)")
            }
            CareForm::Mpt => Text::fixed(
                "Modulair pakket thuis (mpt)",
                "Modular package at home (mpt)",
            ),
            CareForm::Pgb => Text::fixed("Persoonsgebonden budget (pgb)", "Personal budget (pgb)"),
            CareForm::Dtv => Text::fixed("Deeltijdverblijf", "Part-time stay (deeltijdverblijf)"),
            CareForm::LivingAlong => Text::fixed("Meeverhuizende partner", "Partner living along"),
            CareForm::BeschermdWonen => {
                Text::fixed("Beschermd wonen (Wmo)", "Sheltered housing (Wmo)")
            }
            CareForm::None => Text::fixed("Geen Wlz-zorg", "No Wlz care"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CareForm::Instelling => "instelling",
            CareForm::Vpt => "vpt",
            CareForm::Mpt => "mpt",
            CareForm::Pgb => "pgb",
            CareForm::Dtv => "dtv",
            CareForm::LivingAlong => "living-along",
            CareForm::BeschermdWonen => "beschermd-wonen",
            CareForm::None => "none",
        }
    }

    pub const ALL: [CareForm; 8] = [
        CareForm::Instelling,
        CareForm::Vpt,
        CareForm::Mpt,
        CareForm::Pgb,
        CareForm::Dtv,
        CareForm::LivingAlong,
        CareForm::BeschermdWonen,
        CareForm::None,
    ];
}

impl FromStr for CareForm {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace('_', "-");
        let f = match norm.as_str() {
            "instelling" | "verblijf" => CareForm::Instelling,
            "vpt" => CareForm::Vpt,
            "mpt" => CareForm::Mpt,
            "pgb" => CareForm::Pgb,
            "dtv" | "deeltijdverblijf" => CareForm::Dtv,
            "living-along" | "partnerverblijf" | "meeverhuizend" => CareForm::LivingAlong,
            "beschermd-wonen" | "bw" => CareForm::BeschermdWonen,
            "none" | "geen" => CareForm::None,
            _ => {
                return Err(format!(
                    "unknown care form `{s}`; use one of instelling, vpt, mpt, pgb, dtv, living-along, beschermd-wonen, none"
                ))
            }
        };
        Ok(f)
    }
}

/// One care form or several; JSON accepts `"pgb"` or `["pgb", "mpt"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CareForms(pub Vec<CareForm>);

impl<'de> Deserialize<'de> for CareForms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let v = match OneOrMany::deserialize(d)
            .map_err(|_| de::Error::custom("`care` must be a care form name or a list of names"))?
        {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        let mut forms = Vec::with_capacity(v.len());
        for s in v {
            forms.push(CareForm::from_str(&s).map_err(de::Error::custom)?);
        }
        Ok(CareForms(forms))
    }
}

/// The current stay in an instelling, for the 4-month start period (Blz 3.3.2.2 lid 1 a, 7, 8).
/// Give either `months_completed` or `start` (with `date` on the input).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stay {
    /// Whole months of this stay already completed, earlier stays that count included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_completed: Option<u32>,
    /// First day of the current stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Earlier stays in an instelling or in beschermd wonen (lid 7, lid 8); at most
    /// [`MAX_PREVIOUS_PERIODS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<PreviousPeriod>,
    /// The stay follows a GGZ stay whose Zvw period ran out (lid 7 a): no start period.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_ggz_zvw: bool,
    /// With `months_completed`: the stay began less than 4 months after a stay charged at the HEB (lid 7 b).
    #[serde(default, skip_serializing_if = "is_false")]
    pub recent_heb_stay: bool,
    /// With `months_completed`: the stay began less than 4 months after a beschermd-wonen stay with the Wmo HEB-mirror (lid 7 c).
    #[serde(default, skip_serializing_if = "is_false")]
    pub recent_bw_stay: bool,
    /// Stays of at most 2 weeks per 2 months (lid 8, last sentence): periods never add up.
    #[serde(default, skip_serializing_if = "is_false")]
    pub short_stays: bool,
}

/// The most earlier periods a stay may list. Far more than a life of stays that still
/// matter (only a chain with gaps of at most 60 days, or a stay within 4 months, counts);
/// the bound keeps every estimate fast whatever the input.
pub const MAX_PREVIOUS_PERIODS: usize = 500;

/// An earlier period of stay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviousPeriod {
    pub start: Date,
    pub end: Date,
    #[serde(default)]
    pub kind: PeriodKind,
    /// Whether the high contribution was owed at the end of that period.
    /// When omitted for an instelling period: derived from its length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heb_owed: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    #[default]
    Instelling,
    BeschermdWonen,
}

/// Facts about the household as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdFacts {
    /// Own, step- or foster children with kinderbijslag, or under 27 with studiefinanciering (lid 1 c).
    #[serde(default, skip_serializing_if = "is_false")]
    pub children: bool,
    /// The zorgkantoor expects the stay to end within 4 months with a return home (lid 1 d).
    #[serde(default, skip_serializing_if = "is_false")]
    pub return_home_expected: bool,
    /// The client or partner has a Wmo *maatwerkvoorziening* (lid 5 c).
    #[serde(default, skip_serializing_if = "is_false")]
    pub wmo_maatwerkvoorziening: bool,
    /// Entitled to zorgtoeslag on 1 January of the peiljaar (HEB, the zorgtoeslag correction of Rlz art. 4.4).
    #[serde(default, skip_serializing_if = "is_false")]
    pub zorgtoeslag: bool,
    /// Show what the CAK charges while it has no income or asset data (Blz 3.3.2.7).
    #[serde(default, skip_serializing_if = "is_false")]
    pub cak_has_no_data: bool,
    /// Net household income per month in the contribution year, for the lid 9 exemption hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_monthly_income: Option<Amount>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A euro amount in the JSON contract: a number (`38000`, `1234.56`) or a
/// string in Dutch or English notation (`"38.000"`, `"1,234.56"`, `"€ 1.234"`).
/// Never goes through binary floating point arithmetic: a JSON number is read
/// from its own text (serde_json's `arbitrary_precision`), so "at most two
/// decimals" holds exactly (`38000.0000000000001` is refused, not rounded).
/// Serialized as a plain decimal string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

impl Amount {
    pub fn parse(s: &str) -> Result<Amount, AmountError> {
        parse_amount(s).map(Amount)
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Amount;
            /// serde_json with `arbitrary_precision` hands a number over as a one-entry map
            /// holding its literal text: the only path by which JSON numbers arrive.
            fn visit_map<A: de::MapAccess<'de>>(self, mut m: A) -> Result<Amount, A::Error> {
                match m.next_key::<String>()?.as_deref() {
                    Some(JSON_NUMBER_KEY) => {}
                    _ => return Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
                let text: String = m.next_value()?;
                match json_number(&text) {
                    Ok(d) => check(d),
                    Err(e) => Err(de::Error::custom(amount_error_text(e, &text))),
                }
            }
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in euros, as a number or a string like \"38.000\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                check(Decimal::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                check(Decimal::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                if !v.is_finite() {
                    return Err(E::custom("an amount must be a finite number"));
                }
                // `{}` prints the shortest decimal that reads back as `v`: the JSON literal.
                let text = format!("{v}");
                match Decimal::from_str(&text).or_else(|_| Decimal::from_scientific(&text)) {
                    Ok(d) => check(d),
                    Err(_) => Err(E::custom(format!(
                        "{AMOUNT_OUT_OF_RANGE_TAG}{}",
                        AmountError::OutOfRange.message(crate::Lang::En)
                    ))),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                parse_amount(v)
                    .map(Amount)
                    .map_err(|e| E::custom(amount_error_text(e, v)))
            }
        }
        fn check<E: de::Error>(d: Decimal) -> Result<Amount, E> {
            if d.abs() > crate::money::MAX_AMOUNT {
                return Err(E::custom(format!(
                    "{AMOUNT_OUT_OF_RANGE_TAG}{}",
                    AmountError::OutOfRange.message(crate::Lang::En)
                )));
            }
            if d.normalize().scale() > 2 {
                return Err(E::custom(
                    AmountError::TooManyDecimals.message(crate::Lang::En),
                ));
            }
            Ok(Amount(d.normalize()))
        }
        d.deserialize_any(V)
    }
}

/// The key under which serde_json (`arbitrary_precision`) passes a number's text.
const JSON_NUMBER_KEY: &str = "$serde_json::private::Number";

/// An amount error as the tagged text [`crate::error::InputError::json`] turns into its code.
fn amount_error_text(e: AmountError, text: &str) -> String {
    let tag = if e == AmountError::OutOfRange {
        AMOUNT_OUT_OF_RANGE_TAG
    } else {
        AMOUNT_INVALID_TAG
    };
    // The kind travels as a key, so the error can say it in both languages (error.rs).
    format!("{tag}{}`{text}`", e.key())
}

/// A JSON number literal (`-12.50`, `3.8e4`) as an exact decimal. The number of decimals is
/// counted on the text itself, before any conversion could round a long fraction away.
fn json_number(text: &str) -> Result<Decimal, AmountError> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (
            &text[..i],
            text[i + 1..]
                .parse::<i64>()
                .map_err(|_| AmountError::OutOfRange)?,
        ),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int
        .trim_start_matches('-')
        .chars()
        .chain(frac.chars())
        .collect();
    let significant = digits.trim_end_matches('0');
    let zero = significant.trim_start_matches('0').is_empty();
    let trailing_zeros = (digits.len() - significant.len()) as i64;
    if !zero && frac.len() as i64 - exp - trailing_zeros > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    if zero {
        return Ok(Decimal::ZERO);
    }
    if exp.abs() > 30 {
        return Err(AmountError::OutOfRange);
    }
    let d = if exp == 0 {
        Decimal::from_str(text)
    } else {
        Decimal::from_scientific(text)
    };
    d.map_err(|_| AmountError::OutOfRange)
}

impl Input {
    /// Parses the JSON contract; unknown fields and wrong types give a clear message.
    pub fn from_json(json: &str) -> Result<Input, crate::error::InputError> {
        from_json(json)
    }
}

/// Reads any contract type from JSON text that holds exactly one JSON value; a
/// problem becomes an [`InputError`](crate::error::InputError) naming the field
/// by its path.
pub fn from_json<T: serde::de::DeserializeOwned>(
    json: &str,
) -> Result<T, crate::error::InputError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| crate::error::InputError::json(&e.path().to_string(), e.inner()))?;
    // Exactly one JSON value: anything after it (a second object, stray brackets) would
    // otherwise be dropped without a word.
    de.end()
        .map_err(|e| crate::error::InputError::trailing(&e))?;
    Ok(value)
}
