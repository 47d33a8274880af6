//! The planner: the contribution over the coming contribution years as the house, savings,
//! gifts and the AOW choice change (`shared/spec/planner.md`).
//!
//! It adds no way of computing one month: every month is an [`crate::estimate`] of the
//! household of that month, with the peiljaar figures that life events give two years earlier
//! (§P.1: the peiljaar is `y − 2`, the assets those of 1 January of the peiljaar).
//!
//! | Concept | Law | Module |
//! |---|---|---|
//! | the home in box 1 or box 3 | Wet IB 3.111, 3.113, 5.20; UB IB 17a | [`home`] |
//! | savings, RG, box-3 income, inkomen, belasting of a calendar year | Wet IB 5.2–5.5, 2.13; Blz 1.1.1 | [`figures`] |
//! | zorgtoeslag | Wzt 2–3 | [`zorgtoeslag`] |
//! | married AOW or "duurzaam gescheiden" | AOW 1, 9; Wlz 1.1.2; AWIR 3 | [`aow`] |
//! | parameters of years not yet known | §P.6.3 | [`params`] |
//! | month by month, events, assumptions | Blz 3.3.2.9; §P.1.2, §P.6.5 | this module, [`events`] |

pub mod aow;
pub mod events;
pub mod figures;
pub mod home;
pub mod input;
pub mod months;
pub mod params;
pub mod zorgtoeslag;

use crate::error::{ErrorCode, InputError};
use crate::regime::Regime;
use crate::text::Text;
use figures::{Figures, Who};
pub use input::*;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A plan: the contribution per contribution year, month by month.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    pub version: u32,
    pub from: i32,
    pub years: Vec<PlanYear>,
    /// The sum of all years.
    pub cumulative: Decimal,
    /// Each event with the contribution year in which it first counts (§P.1.2).
    pub events: Vec<events::Event>,
    /// What the plan assumes: carried parameters, open readings, known vs expected.
    pub assumptions: Vec<Assumption>,
    /// What the user may want to act on.
    pub hints: Vec<Text>,
    /// Married AOW or "duurzaam gescheiden", when it applies (§P.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aow: Option<aow::AowComparison>,
}

/// One contribution year.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanYear {
    pub year: i32,
    pub peiljaar: i32,
    /// The peiljaar lies before the plan's first year: its figures are facts ("bekend").
    pub known: bool,
    /// The sum of the months, each rounded (Blz 3.3.2.9).
    pub total: Decimal,
    /// The sum of this and the earlier years of the plan.
    pub cumulative: Decimal,
    pub months: Vec<months::PlanMonth>,
    /// Each regime of the year with its monthly amount, reason and article.
    pub regimes: Vec<months::RegimeAmount>,
    /// The peiljaar figures of each person whose data count.
    pub people: Vec<Figures>,
    /// Vermogen: the RG above the Wet IB 9.4 threshold (from December's estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vermogen: Option<Decimal>,
    /// Vermogensinkomensbijtelling of the year (from December's estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vib: Option<Decimal>,
    /// Bijdrageplichtig inkomen (from December's estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bijdrageplichtig_inkomen: Option<Decimal>,
    /// Some amount rests on an ESTIMATE parameter or a carried value.
    pub estimated: bool,
    /// "Aanname: voor … gebruiken we de bedragen van …" when parameters are carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Text>,
    /// Zorgtoeslag entitlement on 1 January of the peiljaar (for the Rlz correction).
    pub zorgtoeslag: bool,
    /// The events that first count in this year (indexes into `Plan::events`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<usize>,
}

/// One assumption, with the open question it settles when there is one.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assumption {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'static str>,
    pub text: Text,
}

/// Two plans side by side (for example sell vs keep).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanComparison {
    pub a: Plan,
    pub b: Plan,
    pub years: Vec<ComparedYear>,
    /// `b` minus `a`, all years.
    pub difference: Decimal,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComparedYear {
    pub year: i32,
    pub a: Decimal,
    pub b: Decimal,
    pub difference: Decimal,
}

fn err(code: ErrorCode, field: &str, nl: String, en: String) -> InputError {
    InputError::new(code, Some(field), Text::owned(nl, en))
}

/// The plan of one household.
pub fn plan(input: &PlanInput) -> Result<Plan, InputError> {
    let mut p = plan_only(input)?;
    if aow::applies(input) {
        let mut a = input.clone();
        a.aow.option = AowOption::Married;
        let mut b = input.clone();
        b.aow.option = AowOption::Gescheiden;
        let (pa, pb) = match input.aow.option {
            AowOption::Married => (p.clone(), plan_only(&b)?),
            AowOption::Gescheiden => (plan_only(&a)?, p.clone()),
        };
        p.aow = Some(aow::compare(input, &pa, &pb));
    }
    Ok(p)
}

/// Parses the JSON contract and plans.
pub fn plan_json(json: &str) -> Result<Plan, InputError> {
    plan(&crate::input::from_json(json)?)
}

/// Two plans of the same years side by side.
pub fn compare(a: &PlanInput, b: &PlanInput) -> Result<PlanComparison, InputError> {
    if a.from != b.from || a.years != b.years {
        return Err(err(
            ErrorCode::InvalidArgument,
            "from",
            "Vergelijk twee plannen met dezelfde jaren.".into(),
            "Compare two plans over the same years.".into(),
        ));
    }
    let (pa, pb) = (plan(a)?, plan(b)?);
    let years = pa
        .years
        .iter()
        .zip(&pb.years)
        .map(|(x, y)| ComparedYear {
            year: x.year,
            a: x.total,
            b: y.total,
            difference: y.total - x.total,
        })
        .collect();
    let difference = pb.cumulative - pa.cumulative;
    Ok(PlanComparison {
        a: pa,
        b: pb,
        years,
        difference,
    })
}

/// The plan without the AOW comparison.
fn plan_only(input: &PlanInput) -> Result<Plan, InputError> {
    check(input)?;
    let n = input.years.unwrap_or(DEFAULT_YEARS);
    let mut ledger = Ledger {
        input,
        paid: BTreeMap::new(),
        balances: BTreeMap::new(),
    };
    let mut years: Vec<PlanYear> = Vec::new();
    let mut cumulative = Decimal::ZERO;
    for y in input.from..input.from + n as i32 {
        let mut year = months::contribution_year(input, y, &ledger)?;
        cumulative += year.total;
        year.cumulative = cumulative;
        ledger.paid.insert(y, year.total);
        ledger.advance(y);
        years.push(year);
    }
    let events = events::list(input, &mut years);
    let assumptions = events::assumptions(input);
    let hints = events::hints(input, &years);
    Ok(Plan {
        version: crate::CONTRACT_VERSION,
        from: input.from,
        years,
        cumulative,
        events,
        assumptions,
        hints,
        aow: None,
    })
}

/// The contributions paid so far and the drawdown balances they give (§P.4).
pub struct Ledger<'a> {
    input: &'a PlanInput,
    /// Contribution paid per calendar year (PO-14: in the contribution year itself).
    paid: BTreeMap<i32, Decimal>,
    /// The client's savings on 1 January of a year, computed by the drawdown helper.
    balances: BTreeMap<i32, Decimal>,
}

impl figures::Balances for Ledger<'_> {
    fn drawdown(&self, t: i32) -> Option<Decimal> {
        self.balances.get(&t).copied()
    }
}

impl Ledger<'_> {
    /// After contribution year `t` is known: the balance of 1 January `t + 1` (§P.4).
    fn advance(&mut self, t: i32) {
        let Some(d) = &self.input.drawdown else {
            return;
        };
        if t < d.from {
            return;
        }
        let Some(start) = crate::date::Date::new(t, 1, 1) else {
            return;
        };
        let Some(f) = figures::of(self.input, Who::Client, t, self.input.from, self) else {
            return;
        };
        let b3_tax = f.box3_income.map_or(Decimal::ZERO, |b| {
            crate::money::round_cents(params::BOX3_RATE.dec(t) * b)
        });
        let (p, money) = (&self.input.client, &self.input.money);
        let income = money
            .income_by_year
            .get(&t)
            .or(p.income.as_ref())
            .map_or(Decimal::ZERO, |a| a.0)
            + f.aow_extra;
        let tax = money
            .tax_by_year
            .get(&t)
            .or(p.tax.as_ref())
            .map_or(Decimal::ZERO, |a| a.0)
            + crate::money::round_cents(params::AOW_EXTRA_TAX_RATE.dec(t) * f.aow_extra);
        let next = crate::date::Date::new(t + 1, 1, 1).unwrap_or(start);
        let events = figures::flows(self.input, Who::Client, |date| {
            !home::before(date, start, self.input) && home::before(date, next, self.input)
        });
        let paid = self.paid.get(&t).copied().unwrap_or_default();
        let balance = f.bank + income - tax - b3_tax - d.own_costs.0 - paid + events;
        self.balances
            .insert(t + 1, crate::money::round_cents(balance));
    }
}

/// The checks of a plan request; each problem names its field.
fn check(input: &PlanInput) -> Result<(), InputError> {
    if input.version != crate::CONTRACT_VERSION {
        return Err(err(
            ErrorCode::UnsupportedVersion,
            "version",
            format!(
                "Versie {} wordt niet ondersteund; gebruik versie 1.",
                input.version
            ),
            format!("Version {} is not supported; use version 1.", input.version),
        ));
    }
    let n = input.years.unwrap_or(DEFAULT_YEARS);
    if !(1..=MAX_YEARS).contains(&n) {
        return Err(err(
            ErrorCode::InvalidArgument,
            "years",
            format!("Kies 1 tot {MAX_YEARS} jaren."),
            format!("Choose 1 to {MAX_YEARS} years."),
        ));
    }
    let first = *crate::params::supported_years()
        .first()
        .unwrap_or(&input.from);
    let last_start = params::LAST_PLAN_YEAR - n as i32 + 1;
    if input.from < first || input.from > last_start {
        return Err(err(
            ErrorCode::UnsupportedYear,
            "from",
            format!("Kies een beginjaar van {first} tot en met {last_start}."),
            format!("Choose a first year from {first} to {last_start}."),
        ));
    }
    for (who, p) in [
        (Who::Client, Some(&input.client)),
        (Who::Partner, input.partner.as_ref()),
    ] {
        let Some(p) = p else { continue };
        let field = if who == Who::Client {
            "client.assets"
        } else {
            "partner.assets"
        };
        if p.assets.is_some() {
            return Err(err(ErrorCode::InvalidArgument, field,
                "Vul in de planner het spaargeld op 1 januari in (money.savings), niet het vermogen.".into(),
                "In the planner, give the savings on 1 January (money.savings), not the assets.".into()));
        }
    }
    events::check(input)
}

/// The regime's name in a plan's JSON (`geen`, `lage`, `hoge`).
pub fn regime_name(r: Regime) -> &'static str {
    match r {
        Regime::Geen => "geen",
        Regime::Lage => "lage",
        Regime::Hoge => "hoge",
    }
}
