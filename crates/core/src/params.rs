//! Parameters are data: one JSON file per contribution year under
//! `crates/core/params/`, embedded at compile time by `build.rs` (every
//! `*.json` there is picked up, so adding 2027 means adding `2027.json`).
//! Each value carries its unit, a bilingual label, its legal reference
//! (article + wetten.overheid.nl URL) and its status (VERIFIED / DERIVED /
//! ESTIMATE / OPEN, spec §0); a DERIVED value also carries the rule that
//! derives it from law figures, with those figures' references. The year file also holds the versioned URLs of every
//! article the engine cites in its explanation trace.

mod article;

pub use article::{Article, OPTIONAL_REFERENCES, REFERENCE_KEYS};

use crate::minijson::{self, Fields, J};
use crate::text::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/param_files.rs"));

/// How sure we are of a value (spec §0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// Read in the law text that applies to that year (or plain arithmetic on such values).
    Verified,
    /// Not printed in the law text for that year, but computed from law figures by a
    /// rule that reproduces the law's own values where both are known; the rule is in
    /// `derivation`. Shown without an estimate mark.
    Derived,
    /// Not read in the law text for that year: our best value, with the reasoning in `note`.
    Estimate,
    /// An interpretation question; the default reading is implemented.
    Open,
}

/// An article of a law, with a link to the version that applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    pub article: String,
    pub url: String,
}

/// How a DERIVED value follows from figures of the law (spec §0).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    /// The rule in one line, with its arithmetic.
    pub rule: Text,
    /// The law texts whose figures the rule uses.
    pub sources: Vec<LegalRef>,
}

/// The unit of a parameter value, as the year files write it (`eur_per_month`, `share`, …).
/// Typed, so an unknown unit in a year file is an error when it loads, and pages format by
/// kind rather than by comparing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    EurPerMonth,
    EurPerYear,
    EurPerPerson,
    EurPerPersonPerYear,
    /// A fraction (`0.10` is 10%).
    Share,
    Months,
    Days,
    Years,
    /// A day in January (the AOW cut-off day, Blz 3.3.1.4 lid 1).
    DayOfJanuary,
    /// Not a number: the value names a rule (the no-data rule).
    Rule,
}

impl Unit {
    pub const ALL: [Unit; 10] = [
        Unit::EurPerMonth,
        Unit::EurPerYear,
        Unit::EurPerPerson,
        Unit::EurPerPersonPerYear,
        Unit::Share,
        Unit::Months,
        Unit::Days,
        Unit::Years,
        Unit::DayOfJanuary,
        Unit::Rule,
    ];

    /// The name in the year files and the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Unit::EurPerMonth => "eur_per_month",
            Unit::EurPerYear => "eur_per_year",
            Unit::EurPerPerson => "eur_per_person",
            Unit::EurPerPersonPerYear => "eur_per_person_per_year",
            Unit::Share => "share",
            Unit::Months => "months",
            Unit::Days => "days",
            Unit::Years => "years",
            Unit::DayOfJanuary => "day_of_january",
            Unit::Rule => "rule",
        }
    }

    /// An amount in euros (shown as `€ 1.234,56`).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::EurPerMonth | Unit::EurPerYear | Unit::EurPerPerson | Unit::EurPerPersonPerYear
        )
    }
}

fn unit(j: J, ctx: &str) -> Result<Unit, ParamsError> {
    let name = j.string(ctx)?;
    Unit::ALL
        .into_iter()
        .find(|u| u.name() == name)
        .ok_or_else(|| {
            let known: Vec<&str> = Unit::ALL.iter().map(|u| u.name()).collect();
            ParamsError(format!(
                "{ctx}: unknown unit `{name}` ({})",
                known.join(", ")
            ))
        })
}

/// One parameter value with everything needed to explain and check it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Param {
    #[serde(skip_deserializing)]
    pub name: String,
    pub value: serde_json::Value,
    pub unit: Unit,
    pub label: Text,
    pub reference: LegalRef,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The rule behind a DERIVED value (required there; an ESTIMATE may show its method too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation>,
    #[serde(skip)]
    pub decimal: Decimal,
}

#[derive(Clone, Debug)]
struct RawPeiljaar {
    value: i32,
    reference: LegalRef,
    status: Status,
}

#[derive(Clone, Debug)]
struct RawYear {
    year: i32,
    peiljaar: RawPeiljaar,
    source: String,
    params: BTreeMap<String, Param>,
    references: BTreeMap<String, LegalRef>,
}

/// What the CAK charges when it holds no income or asset data (Blz 3.3.2.7 lid 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoDataRule {
    /// 2024/2025: the LEB minimum for every household.
    LebMinimum,
    /// 2026: HEB € 0; LEB the minimum, minus the korting where it applies.
    HebZeroLebMinimum,
}

/// The Rlz chapter 4 deductions of the peiljaar used by the hoge eigen bijdrage (spec §2.4).
#[derive(Debug)]
pub struct HebDeductions {
    pub zkg_year_single: Param,
    pub zkg_year_married: Param,
    pub zvw_nominal: Param,
    pub zvw_rate: Param,
    pub zvw_min_aow_single: Param,
    pub zvw_min_aow_married_pp: Param,
    pub zvw_max_pp: Param,
    pub zt_corr_single: Param,
    pub zt_corr_married: Param,
    pub zt_rate: Param,
    pub zt_threshold: Param,
    pub aftrekpost_non_aow: Param,
    pub aftrekpost_aow: Param,
    pub vrijlating_threshold_single_aow: Param,
    pub vrijlating_threshold_couple_aow: Param,
    pub vrijlating_threshold_single_non_aow: Param,
    pub vrijlating_threshold_couple_non_aow: Param,
    pub vrijlating_rate: Param,
}

/// *Compensatie vervallen ouderentoeslag* (COT), 2024 and 2025 only (spec §4.5).
#[derive(Debug)]
pub struct CotParams {
    pub cot_max_pp: Param,
    pub cot_rate: Param,
    pub cot_income_limit: Param,
    pub box3_heffingvrij_pj: Param,
}

/// Participatiewet art. 23 norms of the contribution year, for the lid 9 hint.
#[derive(Debug)]
pub struct Pw23 {
    pub lid1_single_month: Param,
    pub lid1_married_month: Param,
    pub lid2_single_month: Param,
    pub lid2_married_month: Param,
}

/// All parameters of one contribution year.
#[derive(Debug)]
pub struct YearParams {
    pub year: i32,
    /// *Peiljaar*: the reference year whose income and assets count, y − 2 (Blz 1.1.1).
    pub peiljaar: i32,
    pub peiljaar_reference: LegalRef,
    pub peiljaar_status: Status,
    pub source: String,
    pub leb_rate: Param,
    pub leb_min_month: Param,
    pub leb_max_month: Param,
    pub thuis_korting_month: Param,
    pub thuis_income_deduction_year: Param,
    pub heb_max_month: Param,
    pub vib_rate: Param,
    pub vermogen_threshold_pp: Param,
    /// Present only in years that have the extra vermogensvrijstelling (2024, 2025).
    pub extra_vrijstelling_pp: Option<Param>,
    /// Present only in years that have the COT (2024, 2025; OPEN O-2 for 2026).
    pub cot: Option<CotParams>,
    pub aow_age_years: Param,
    pub aow_cutoff_day_of_january: Param,
    pub work_income_deduction_rate: Param,
    pub start_period_months: Param,
    pub start_chain_gap_days: Param,
    pub lid7_window_months: Param,
    pub partial_month_days_per_year: Param,
    pub no_data_rule: Param,
    pub no_data: NoDataRule,
    /// Minimum expected drop in contribution income for a peiljaarverlegging of the LEB (Blz 3.3.2.4 lid 2, 4).
    pub leb_verlegging_threshold_year: Param,
    /// Months after the year (or the decision) within which a request can be made.
    pub request_deadline_months: Param,
    /// Current-year zak- en kleedgeld for the HEB verlegging test (Blz 3.3.2.6; ESTIMATE).
    pub zkg_current_year_single: Param,
    pub zkg_current_year_married: Param,
    pub pw23: Pw23,
    pub heb: HebDeductions,
    /// Every article the engine cites, keyed like `blz_3_3_2_2`, with this year's URL.
    pub references: BTreeMap<String, LegalRef>,
    /// The references of [`REFERENCE_KEYS`], in that order, for fast lookup.
    reference_table: Vec<Option<LegalRef>>,
    /// Explanation texts that name this year's figures, written once at load time.
    pub texts: YearTexts,
}

/// Year-specific explanation texts, built when the year file is loaded so an
/// estimate only borrows them.
#[derive(Debug)]
pub struct YearTexts {
    pub peiljaar: Text,
    pub income_client: Text,
    pub income_partner: Text,
    /// AOW status, indexed `[client, partner][not reached, reached]`.
    pub aow: [[Text; 2]; 2],
}

impl YearTexts {
    fn new(year: i32, peiljaar: i32, aow_age: i64) -> YearTexts {
        let aow = |who_nl: &str, who_en: &str, reached: bool| {
            if reached {
                Text::owned(
                    format!("{who_nl} heeft de AOW-leeftijd ({aow_age}) vóór 1 februari {year} bereikt: telt het hele jaar als AOW-gerechtigd."),
                    format!("{who_en} reached state pension age ({aow_age}) by 31 January {year}: counts as a pensioner for the whole year."),
                )
            } else {
                Text::owned(
                    format!("{who_nl} heeft de AOW-leeftijd ({aow_age}) niet vóór 1 februari {year} bereikt."),
                    format!("{who_en} did not reach state pension age ({aow_age}) by 31 January {year}."),
                )
            }
        };
        YearTexts {
            peiljaar: Text::owned(
                format!("Voor {year} telt het inkomen van {peiljaar} en het vermogen op 1 januari {peiljaar}."),
                format!("For {year} the income of {peiljaar} and the assets on 1 January {peiljaar} count."),
            ),
            income_client: Text::owned(
                format!("Verzamelinkomen {peiljaar}"),
                format!("Verzamelinkomen {peiljaar}"),
            ),
            income_partner: Text::owned(
                format!("Verzamelinkomen {peiljaar} van de partner"),
                format!("Partner's verzamelinkomen {peiljaar}"),
            ),
            aow: [
                [aow("U", "You", false), aow("U", "You", true)],
                [aow("Uw partner", "Your partner", false), aow("Uw partner", "Your partner", true)],
            ],
        }
    }
}

impl YearParams {
    /// The versioned reference for `key`; every key of [`REFERENCE_KEYS`] except [`OPTIONAL_REFERENCES`]
    /// is checked at load time, so this never fails for those.
    pub fn reference(&self, article: Article) -> &LegalRef {
        static MISSING: OnceLock<LegalRef> = OnceLock::new();
        // The table holds the references in the order of Article::ALL (the enum's order).
        self.reference_table
            .get(article as usize)
            .and_then(Option::as_ref)
            .unwrap_or_else(|| {
                MISSING.get_or_init(|| LegalRef {
                    article: String::from("?"),
                    url: String::from("https://wetten.overheid.nl"),
                })
            })
    }

    /// Every parameter of this year, in file order of kind (used by `params` listings and tests).
    pub fn all(&self) -> Vec<&Param> {
        let mut v = vec![
            &self.leb_rate,
            &self.leb_min_month,
            &self.leb_max_month,
            &self.thuis_korting_month,
            &self.thuis_income_deduction_year,
            &self.heb_max_month,
            &self.vib_rate,
            &self.vermogen_threshold_pp,
        ];
        v.extend(self.extra_vrijstelling_pp.as_ref());
        if let Some(c) = &self.cot {
            v.extend([
                &c.cot_max_pp,
                &c.cot_rate,
                &c.cot_income_limit,
                &c.box3_heffingvrij_pj,
            ]);
        }
        v.extend([
            &self.aow_age_years,
            &self.aow_cutoff_day_of_january,
            &self.work_income_deduction_rate,
            &self.start_period_months,
            &self.start_chain_gap_days,
            &self.lid7_window_months,
            &self.partial_month_days_per_year,
            &self.no_data_rule,
            &self.leb_verlegging_threshold_year,
            &self.request_deadline_months,
            &self.zkg_current_year_single,
            &self.zkg_current_year_married,
            &self.pw23.lid1_single_month,
            &self.pw23.lid1_married_month,
            &self.pw23.lid2_single_month,
            &self.pw23.lid2_married_month,
        ]);
        let h = &self.heb;
        v.extend([
            &h.zkg_year_single,
            &h.zkg_year_married,
            &h.zvw_nominal,
            &h.zvw_rate,
            &h.zvw_min_aow_single,
            &h.zvw_min_aow_married_pp,
            &h.zvw_max_pp,
            &h.zt_corr_single,
            &h.zt_corr_married,
            &h.zt_rate,
            &h.zt_threshold,
            &h.aftrekpost_non_aow,
            &h.aftrekpost_aow,
            &h.vrijlating_threshold_single_aow,
            &h.vrijlating_threshold_couple_aow,
            &h.vrijlating_threshold_single_non_aow,
            &h.vrijlating_threshold_couple_non_aow,
            &h.vrijlating_rate,
        ]);
        v
    }

    /// A whole-number parameter (months, days, years) as an integer.
    pub fn int(p: &Param) -> i64 {
        i64::try_from(p.decimal.trunc().mantissa() / 10i128.pow(p.decimal.trunc().scale()))
            .unwrap_or(0)
    }
}

/// Why a parameter file could not be used. Only reachable through a broken
/// data file, which the test suite would catch before release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamsError(pub String);

impl std::fmt::Display for ParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Takes the parameters out of a parsed data file one by one, checking each
/// (reference, labels, a note for estimates, a non-negative decimal), so that
/// whatever is left at the end is a parameter nobody uses. Shared by the year
/// files and the tax files.
pub(crate) struct Taker {
    map: BTreeMap<String, Param>,
    /// Names the file in messages: `2026`, `tax 2024`.
    context: String,
}

impl Taker {
    pub(crate) fn new(map: BTreeMap<String, Param>, context: String) -> Taker {
        Taker { map, context }
    }

    fn fail<T>(&self, name: &str, what: &str) -> Result<T, ParamsError> {
        Err(ParamsError(format!(
            "{}: parameter `{name}` {what}",
            self.context
        )))
    }

    /// A parameter that is not a number (a rule name).
    pub(crate) fn rule(&mut self, name: &str) -> Result<Param, ParamsError> {
        let Some(mut p) = self.map.remove(name) else {
            return self.fail(name, "is missing");
        };
        p.name = name.to_string();
        if p.reference.article.trim().is_empty() || !p.reference.url.starts_with("https://") {
            return self.fail(name, "lacks a legal reference with an https URL");
        }
        if p.label.nl.trim().is_empty() || p.label.en.trim().is_empty() {
            return self.fail(name, "lacks a Dutch and English label");
        }
        if p.status == Status::Estimate && p.note.as_deref().unwrap_or("").trim().is_empty() {
            return self.fail(name, "is an ESTIMATE and must explain its basis in `note`");
        }
        match (&p.derivation, p.status) {
            (None, Status::Derived) => {
                return self.fail(name, "is DERIVED and must give its rule in `derivation`")
            }
            (Some(_), Status::Verified | Status::Open) => {
                return self.fail(name, "has a `derivation` but is not DERIVED or ESTIMATE")
            }
            (Some(d), _) if !d.is_complete() => {
                return self.fail(
                    name,
                    "needs a Dutch and English rule and https sources in `derivation`",
                )
            }
            _ => {}
        }
        Ok(p)
    }

    /// An optional decimal parameter (absent in years without the rule).
    pub(crate) fn opt(&mut self, name: &str) -> Result<Option<Param>, ParamsError> {
        if !self.map.contains_key(name) {
            return Ok(None);
        }
        let mut p = self.rule(name)?;
        p.decimal = match &p.value {
            serde_json::Value::String(s) => match Decimal::from_str(s) {
                Ok(d) => d,
                Err(_) => return self.fail(name, "must be a decimal written as a string"),
            },
            _ => return self.fail(name, "must be a decimal written as a string"),
        };
        if p.decimal.is_sign_negative() {
            return self.fail(name, "must not be negative");
        }
        Ok(Some(p))
    }

    pub(crate) fn req(&mut self, name: &str) -> Result<Param, ParamsError> {
        match self.opt(name)? {
            Some(p) => Ok(p),
            None => self.fail(name, "is missing"),
        }
    }

    /// Fails on any parameter that was not taken: data nothing uses.
    pub(crate) fn finish(self) -> Result<(), ParamsError> {
        match self.map.keys().next() {
            Some(name) => Err(ParamsError(format!(
                "{}: unknown parameter `{name}`: nothing uses it",
                self.context
            ))),
            None => Ok(()),
        }
    }
}

fn legal_ref(j: J, ctx: &str) -> Result<LegalRef, ParamsError> {
    let mut f = j.obj(ctx)?;
    let r = LegalRef {
        article: f.req("article")?.string(ctx)?,
        url: f.req("url")?.string(ctx)?,
    };
    f.done()?;
    Ok(r)
}

fn status(j: J, ctx: &str) -> Result<Status, ParamsError> {
    match j.string(ctx)?.as_str() {
        "VERIFIED" => Ok(Status::Verified),
        "DERIVED" => Ok(Status::Derived),
        "ESTIMATE" => Ok(Status::Estimate),
        "OPEN" => Ok(Status::Open),
        other => Err(ParamsError(format!(
            "{ctx}: unknown status `{other}` (VERIFIED, DERIVED, ESTIMATE or OPEN)"
        ))),
    }
}

impl Derivation {
    fn is_complete(&self) -> bool {
        !self.rule.nl.trim().is_empty()
            && !self.rule.en.trim().is_empty()
            && !self.sources.is_empty()
            && self
                .sources
                .iter()
                .all(|s| !s.article.trim().is_empty() && s.url.starts_with("https://"))
    }
}

fn text(j: J, ctx: &str) -> Result<Text, ParamsError> {
    let mut f = j.obj(ctx)?;
    let t = Text::owned(f.req("nl")?.string(ctx)?, f.req("en")?.string(ctx)?);
    f.done()?;
    Ok(t)
}

fn derivation(j: J, ctx: &str) -> Result<Derivation, ParamsError> {
    let ctx = format!("{ctx}: derivation");
    let mut f = j.obj(&ctx)?;
    let d = Derivation {
        rule: text(f.req("rule")?, &ctx)?,
        sources: f
            .req("sources")?
            .arr(&ctx)?
            .into_iter()
            .map(|s| legal_ref(s, &ctx))
            .collect::<Result<_, _>>()?,
    };
    f.done()?;
    Ok(d)
}

/// The `params` object of a year or tax file: name → parameter, each checked
/// for exactly the fields of [`Param`].
pub(crate) fn param_map(j: J, ctx: &str) -> Result<BTreeMap<String, Param>, ParamsError> {
    let mut map = BTreeMap::new();
    for (name, v) in j.obj(ctx)?.into_entries() {
        let c = format!("{ctx}: parameter `{name}`");
        let mut f = v.obj(&c)?;
        let p = Param {
            name: String::new(),
            value: f.req("value")?.into_value(),
            unit: unit(f.req("unit")?, &c)?,
            label: text(f.req("label")?, &c)?,
            reference: legal_ref(f.req("reference")?, &c)?,
            status: status(f.req("status")?, &c)?,
            note: f.opt("note").map(|n| n.string(&c)).transpose()?,
            derivation: f.opt("derivation").map(|d| derivation(d, &c)).transpose()?,
            decimal: Decimal::ZERO,
        };
        f.done()?;
        map.insert(name, p);
    }
    Ok(map)
}

/// The top-level object of a file and its context for messages.
pub(crate) fn top_level(json: &str, what: &str) -> Result<(Fields, i32, String), ParamsError> {
    let mut top = minijson::parse(json, what)?.obj(what)?;
    let year = top.req("year")?.int(what)?;
    let ctx = format!("{what} {year}");
    Ok((top, year, ctx))
}

pub(crate) fn take_string(f: &mut Fields, name: &str) -> Result<String, ParamsError> {
    let ctx = f.ctx().to_string();
    f.req(name)?.string(&ctx)
}

pub(crate) fn take_ref(f: &mut Fields, name: &str) -> Result<LegalRef, ParamsError> {
    let ctx = format!("{}: {name}", f.ctx());
    legal_ref(f.req(name)?, &ctx)
}

fn raw_year(json: &str) -> Result<RawYear, ParamsError> {
    let (mut top, year, ctx) = top_level(json, "year file")?;
    let pctx = format!("{ctx}: peiljaar");
    let mut pj = top.req("peiljaar")?.obj(&pctx)?;
    let peiljaar = RawPeiljaar {
        value: pj.req("value")?.int(&pctx)?,
        reference: take_ref(&mut pj, "reference")?,
        status: status(pj.req("status")?, &pctx)?,
    };
    pj.done()?;
    let source = take_string(&mut top, "source")?;
    let params = param_map(top.req("params")?, &ctx)?;
    let mut references = BTreeMap::new();
    for (k, v) in top.req("references")?.obj(&ctx)?.into_entries() {
        let r = legal_ref(v, &format!("{ctx}: reference `{k}`"))?;
        references.insert(k, r);
    }
    top.done()?;
    Ok(RawYear {
        year,
        peiljaar,
        source,
        params,
        references,
    })
}

/// Parses and validates one year file.
pub fn parse_year(json: &str) -> Result<YearParams, ParamsError> {
    let raw = raw_year(json)?;
    let year = raw.year;
    let mut t = Taker::new(raw.params, year.to_string());
    let extra = t.opt("extra_vrijstelling_pp")?;
    let cot = match t.opt("cot_max_pp")? {
        Some(cot_max_pp) => Some(CotParams {
            cot_max_pp,
            cot_rate: t.req("cot_rate")?,
            cot_income_limit: t.req("cot_income_limit")?,
            box3_heffingvrij_pj: t.req("box3_heffingvrij_pj")?,
        }),
        None => None,
    };
    let no_data_rule = t.rule("no_data_rule")?;
    let no_data = match no_data_rule.value.as_str() {
        Some("leb_minimum") => NoDataRule::LebMinimum,
        Some("heb_zero_leb_minimum") => NoDataRule::HebZeroLebMinimum,
        _ => {
            return Err(ParamsError(format!(
                "{year}: no_data_rule must be `leb_minimum` or `heb_zero_leb_minimum`"
            )))
        }
    };
    let p = YearParams {
        year,
        peiljaar: raw.peiljaar.value,
        peiljaar_reference: raw.peiljaar.reference,
        peiljaar_status: raw.peiljaar.status,
        source: raw.source,
        leb_rate: t.req("leb_rate")?,
        leb_min_month: t.req("leb_min_month")?,
        leb_max_month: t.req("leb_max_month")?,
        thuis_korting_month: t.req("thuis_korting_month")?,
        thuis_income_deduction_year: t.req("thuis_income_deduction_year")?,
        heb_max_month: t.req("heb_max_month")?,
        vib_rate: t.req("vib_rate")?,
        vermogen_threshold_pp: t.req("vermogen_threshold_pp")?,
        extra_vrijstelling_pp: extra,
        cot,
        aow_age_years: t.req("aow_age_years")?,
        aow_cutoff_day_of_january: t.req("aow_cutoff_day_of_january")?,
        work_income_deduction_rate: t.req("work_income_deduction_rate")?,
        start_period_months: t.req("start_period_months")?,
        start_chain_gap_days: t.req("start_chain_gap_days")?,
        lid7_window_months: t.req("lid7_window_months")?,
        partial_month_days_per_year: t.req("partial_month_days_per_year")?,
        no_data_rule,
        no_data,
        leb_verlegging_threshold_year: t.req("leb_verlegging_threshold_year")?,
        request_deadline_months: t.req("request_deadline_months")?,
        zkg_current_year_single: t.req("zkg_current_year_single")?,
        zkg_current_year_married: t.req("zkg_current_year_married")?,
        pw23: Pw23 {
            lid1_single_month: t.req("pw23_lid1_single_month")?,
            lid1_married_month: t.req("pw23_lid1_married_month")?,
            lid2_single_month: t.req("pw23_lid2_single_month")?,
            lid2_married_month: t.req("pw23_lid2_married_month")?,
        },
        heb: HebDeductions {
            zkg_year_single: t.req("zkg_year_single")?,
            zkg_year_married: t.req("zkg_year_married")?,
            zvw_nominal: t.req("zvw_nominal")?,
            zvw_rate: t.req("zvw_rate")?,
            zvw_min_aow_single: t.req("zvw_min_aow_single")?,
            zvw_min_aow_married_pp: t.req("zvw_min_aow_married_pp")?,
            zvw_max_pp: t.req("zvw_max_pp")?,
            zt_corr_single: t.req("zt_corr_single")?,
            zt_corr_married: t.req("zt_corr_married")?,
            zt_rate: t.req("zt_rate")?,
            zt_threshold: t.req("zt_threshold")?,
            aftrekpost_non_aow: t.req("aftrekpost_non_aow")?,
            aftrekpost_aow: t.req("aftrekpost_aow")?,
            vrijlating_threshold_single_aow: t.req("vrijlating_threshold_single_aow")?,
            vrijlating_threshold_couple_aow: t.req("vrijlating_threshold_couple_aow")?,
            vrijlating_threshold_single_non_aow: t.req("vrijlating_threshold_single_non_aow")?,
            vrijlating_threshold_couple_non_aow: t.req("vrijlating_threshold_couple_non_aow")?,
            vrijlating_rate: t.req("vrijlating_rate")?,
        },
        reference_table: REFERENCE_KEYS
            .iter()
            .map(|k| raw.references.get(*k).cloned())
            .collect(),
        references: raw.references,
        texts: YearTexts::new(year, raw.peiljaar.value, 0),
    };
    let mut p = p;
    p.texts = YearTexts::new(year, p.peiljaar, YearParams::int(&p.aow_age_years));
    t.finish()?;
    for key in REFERENCE_KEYS
        .iter()
        .filter(|k| !OPTIONAL_REFERENCES.contains(k))
    {
        if !p.references.contains_key(*key) {
            return Err(ParamsError(format!("{year}: reference `{key}` is missing")));
        }
    }
    if p.cot.is_some() && !p.references.contains_key(Article::Blz3324a.key()) {
        return Err(ParamsError(format!(
            "{year}: a year with the COT needs reference `blz_3_3_2_4a`"
        )));
    }
    if p.peiljaar != peiljaar(year) {
        return Err(ParamsError(format!(
            "{year}: peiljaar must be {} (Blz 1.1.1)",
            peiljaar(year)
        )));
    }
    Ok(p)
}

/// The embedded year files, parsed once.
fn all_years() -> &'static Vec<Result<YearParams, ParamsError>> {
    static YEARS: OnceLock<Vec<Result<YearParams, ParamsError>>> = OnceLock::new();
    YEARS.get_or_init(|| {
        PARAM_FILES
            .iter()
            .map(|(_, json)| parse_year(json))
            .collect()
    })
}

/// The *peiljaar* of a contribution year: the year whose verzamelinkomen and 1 January
/// assets count, two years earlier (Blz art. 1.1.1, "peiljaar"; Wlz art. 3.2.5 lid 1). Every
/// year file is checked to say the same ([`parse_year`]). Pages and tools ask the core for it
/// instead of subtracting themselves.
pub fn peiljaar(contribution_year: i32) -> i32 {
    contribution_year - 2
}

/// The contribution years the engine supports, ascending.
pub fn supported_years() -> Vec<i32> {
    PARAM_FILES.iter().map(|(y, _)| *y).collect()
}

/// Whether the engine has the amounts of a contribution year, and if not,
/// why not and which year it can show instead. The one place that decides
/// this: the CLI, the npm package and the page all ask here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearAvailability {
    /// A parameter file for the year is embedded.
    Supported,
    /// Newer than the last year with a file: the CAK has not published its
    /// amounts yet (a new year file is added the day they appear; they are
    /// never extrapolated). `latest` is the last supported year.
    NotYetPublished { year: i32, latest: i32 },
    /// Older than the first year this engine has (or, should the files ever
    /// skip a year, a year in between); `first` is the nearest supported year.
    BeforeFirst { year: i32, first: i32 },
}

/// Whether `year` is supported, not published yet, or too old (see [`YearAvailability`]).
pub fn year_availability(year: i32) -> YearAvailability {
    let years = supported_years();
    match (years.first(), years.last()) {
        _ if years.contains(&year) => YearAvailability::Supported,
        (Some(_), Some(&latest)) if year > latest => {
            YearAvailability::NotYetPublished { year, latest }
        }
        (Some(&first), Some(_)) => YearAvailability::BeforeFirst {
            year,
            first: years.iter().copied().find(|y| *y > year).unwrap_or(first),
        },
        // No year files at all: nothing to show instead.
        _ => YearAvailability::BeforeFirst { year, first: year },
    }
}

impl YearAvailability {
    /// The supported year to show instead of an unsupported one.
    pub fn instead(self) -> Option<i32> {
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { latest, .. } => Some(latest),
            YearAvailability::BeforeFirst { first, .. } => Some(first),
        }
    }

    /// A short notice for a page or a terminal that shows [`Self::instead`]
    /// in place of the year asked for ("… u ziet 2026.").
    pub fn notice(self) -> Option<Text> {
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { year, latest } => Some(Text::owned(
                format!("De bedragen voor {year} zijn nog niet bekend; u ziet {latest}."),
                format!("The amounts for {year} are not known yet; you are seeing {latest}."),
            )),
            YearAvailability::BeforeFirst { year, first } => Some(Text::owned(
                format!("Deze rekenhulp heeft geen bedragen voor {year}; u ziet {first}."),
                format!("This calculator has no amounts for {year}; you are seeing {first}."),
            )),
        }
    }

    /// The error message when the year was asked for outright (an input
    /// error): why it is missing and which years there are.
    pub fn error(self) -> Option<Text> {
        let choose = supported_years()
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { year, .. } => Some(Text::owned(
                format!(
                    "De bedragen voor {year} zijn nog niet bekend: het CAK heeft ze nog niet \
                     gepubliceerd. Kies uit: {choose}."
                ),
                format!(
                    "The amounts for {year} are not known yet: the CAK has not published them. \
                     Choose from: {choose}."
                ),
            )),
            YearAvailability::BeforeFirst { year, .. } => Some(Text::owned(
                format!("Het jaar {year} wordt niet ondersteund. Kies uit: {choose}."),
                format!("The year {year} is not supported. Choose from: {choose}."),
            )),
        }
    }
}

/// The parameters of `year`, or `None` for an unsupported year.
pub fn for_year(year: i32) -> Option<Result<&'static YearParams, &'static ParamsError>> {
    let idx = PARAM_FILES.iter().position(|(y, _)| *y == year)?;
    Some(all_years()[idx].as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_file_parses_and_is_complete() {
        assert_eq!(supported_years(), vec![2024, 2025, 2026]);
        for y in supported_years() {
            let p = for_year(y).unwrap().unwrap();
            assert_eq!(p.year, y);
            assert_eq!(p.peiljaar, y - 2);
            for param in p.all() {
                assert!(!param.reference.article.is_empty(), "{y} {}", param.name);
                assert!(
                    param
                        .reference
                        .url
                        .starts_with("https://wetten.overheid.nl/")
                        || param.reference.url.starts_with("https://"),
                    "{y} {}",
                    param.name
                );
                assert!(!param.label.nl.is_empty() && !param.label.en.is_empty());
            }
        }
    }

    #[test]
    fn every_article_is_found_in_every_year() {
        for y in supported_years() {
            let p = for_year(y).unwrap().unwrap();
            for a in Article::ALL
                .into_iter()
                .filter(|a| !OPTIONAL_REFERENCES.contains(&a.key()))
            {
                assert_ne!(p.reference(a).article, "?", "{y} {a:?}");
            }
        }
        let p = for_year(2024).unwrap().unwrap();
        assert_eq!(p.reference(Article::Blz3324a).article, "Blz art. 3.3.2.4a");
        assert!(p
            .reference(Article::Blz3322)
            .url
            .contains("BWBR0035948/2024-01-01"));
        for (i, a) in Article::ALL.iter().enumerate() {
            assert_eq!(*a as usize, i, "the table is in the enum's order");
            assert_eq!(REFERENCE_KEYS[i], a.key());
        }
    }

    #[test]
    fn year_specific_rules_follow_the_files() {
        let y24 = for_year(2024).unwrap().unwrap();
        let y26 = for_year(2026).unwrap().unwrap();
        assert!(y24.cot.is_some() && y24.extra_vrijstelling_pp.is_some());
        assert!(y26.cot.is_none() && y26.extra_vrijstelling_pp.is_none());
        assert_eq!(y24.no_data, NoDataRule::LebMinimum);
        assert_eq!(y26.no_data, NoDataRule::HebZeroLebMinimum);
        assert_eq!(YearParams::int(&y26.start_period_months), 4);
        assert_eq!(YearParams::int(&y26.partial_month_days_per_year), 365);
        assert!(for_year(2023).is_none());
    }

    #[test]
    fn a_year_is_supported_not_published_yet_or_too_old() {
        use YearAvailability::*;
        assert_eq!(year_availability(2024), Supported);
        assert_eq!(year_availability(2026), Supported);
        assert_eq!(year_availability(2026).notice(), None);
        assert_eq!(year_availability(2026).error(), None);
        assert_eq!(year_availability(2026).instead(), None);

        let y27 = year_availability(2027);
        assert_eq!(
            y27,
            NotYetPublished {
                year: 2027,
                latest: 2026
            }
        );
        assert_eq!(y27.instead(), Some(2026));
        let notice = y27.notice().unwrap();
        assert_eq!(
            notice.nl,
            "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026."
        );
        assert_eq!(
            notice.en,
            "The amounts for 2027 are not known yet; you are seeing 2026."
        );
        let error = y27.error().unwrap();
        assert_eq!(
            error.nl,
            "De bedragen voor 2027 zijn nog niet bekend: het CAK heeft ze nog niet gepubliceerd. \
             Kies uit: 2024, 2025, 2026."
        );
        assert_eq!(
            error.en,
            "The amounts for 2027 are not known yet: the CAK has not published them. \
             Choose from: 2024, 2025, 2026."
        );

        let y23 = year_availability(2023);
        assert_eq!(
            y23,
            BeforeFirst {
                year: 2023,
                first: 2024
            }
        );
        assert_eq!(y23.instead(), Some(2024));
        assert_eq!(
            y23.notice().unwrap().nl,
            "Deze rekenhulp heeft geen bedragen voor 2023; u ziet 2024."
        );
        // Older years keep the message they always had.
        assert_eq!(
            y23.error().unwrap().nl,
            "Het jaar 2023 wordt niet ondersteund. Kies uit: 2024, 2025, 2026."
        );
        assert_eq!(
            y23.error().unwrap().en,
            "The year 2023 is not supported. Choose from: 2024, 2025, 2026."
        );
        // Far-off and odd years do not panic.
        assert!(matches!(
            year_availability(i32::MAX),
            NotYetPublished { .. }
        ));
        assert!(matches!(year_availability(i32::MIN), BeforeFirst { .. }));
    }

    #[test]
    fn a_broken_file_is_refused_with_a_reason() {
        let good = PARAM_FILES.iter().find(|(y, _)| *y == 2026).unwrap().1;
        let mut v: serde_json::Value = serde_json::from_str(good).unwrap();
        v["params"]["leb_min_month"]["reference"]["url"] = "".into();
        let e = parse_year(&v.to_string()).unwrap_err();
        assert!(e.0.contains("leb_min_month"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(good).unwrap();
        v["params"]["unused_thing"] = v["params"]["leb_min_month"].clone();
        let e = parse_year(&v.to_string()).unwrap_err();
        assert!(e.0.contains("unused_thing"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(good).unwrap();
        v["params"]["zvw_rate"]["note"] = serde_json::Value::Null;
        let e = parse_year(&v.to_string()).unwrap_err();
        assert!(e.0.contains("zvw_rate"), "{e}");
    }
}
