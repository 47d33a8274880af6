//! The back-dated total of a first or revised decision (letters.md §2.7, the *stapelfactuur*):
//! every month from the start of care through the month the letter was sent, but no further
//! back than the law allows; each month as the planner computes it (partial months charged per
//! day, the start period, a new year's amounts).
//!
//! ```text
//! first chargeable month = max(month of care start, send month − 12)   Blz 3.3.1.5 lid 2 (L-4)
//!                        = max(month of care start, send month − 36)   Blz 3.3.1.6 lid 2 (revision)
//! total = Σ chargeable months;  not chargeable = Σ earlier months
//! ```

use crate::date::Date;
use crate::error::InputError;
use crate::input::CareForm;
use crate::planner::{self, months::MonthPart, PlanInput};
use crate::regime::Regime;
use rust_decimal::Decimal;
use serde::Serialize;

/// How far back the CAK may charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Lookback {
    /// A first decision: 12 months before the send month (Blz 3.3.1.5 lid 2).
    First,
    /// A revised decision: 36 months (Blz 3.3.1.6 lid 2).
    Revision,
}

impl Lookback {
    pub fn months(self) -> u32 {
        match self {
            Lookback::First => 12,
            Lookback::Revision => 36,
        }
    }
}

/// One month of the back-dated bill.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BackdatedMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub regime: Regime,
    pub amount: Decimal,
    /// Inside the legal window.
    pub chargeable: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<MonthPart>,
}

/// The back-dated total.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Backdated {
    pub first_chargeable: Date,
    /// What may be charged for the months in the window.
    pub total: Decimal,
    /// What falls outside the window ("mag niet meer").
    pub not_chargeable: Decimal,
    pub months: Vec<BackdatedMonth>,
}

/// The months from `care_start` through the month of `sent`, for the household of `input`
/// (its per-year incomes; `from`, `years` and, for a stay, `admission` are set here).
pub fn backdated(
    input: &PlanInput,
    care_start: Date,
    sent: Date,
    lookback: Lookback,
) -> Result<Backdated, InputError> {
    let window = sub_months(sent.first_of_month(), lookback.months());
    let first = window.map_or(care_start.first_of_month(), |w| {
        w.max(care_start.first_of_month())
    });
    let mut plan_input = input.clone();
    plan_input.from = care_start.year();
    plan_input.years = Some(u32::try_from(sent.year() - care_start.year() + 1).unwrap_or(1));
    let stay = input
        .client
        .care
        .0
        .iter()
        .any(|f| matches!(f, CareForm::Instelling | CareForm::Dtv));
    if stay {
        plan_input.admission = Some(care_start);
    }
    let plan = planner::plan(&plan_input)?;
    let mut months = Vec::new();
    for y in &plan.years {
        for m in &y.months {
            let Some(day1) = Date::new(y.year, m.month as u8, 1) else {
                continue;
            };
            if day1 < care_start.first_of_month() || day1 > sent.first_of_month() {
                continue;
            }
            let amount = if !stay && day1 < care_start {
                let end = day1
                    .add_months(1)
                    .and_then(|d| d.add_days(-1))
                    .unwrap_or(day1);
                let days = care_start.days_until(end) + 1;
                let params = planner::params::contribution_params(y.year).map(|c| c.params);
                params.map_or(m.amount, |p| crate::scenarios::partial(m.amount, days, p))
            } else {
                m.amount
            };
            months.push(BackdatedMonth {
                month: format!("{:04}-{:02}", y.year, m.month),
                regime: m.regime,
                amount,
                chargeable: day1 >= first,
                parts: m.parts.clone(),
            });
        }
    }
    let sum = |c: bool| {
        months
            .iter()
            .filter(|m| m.chargeable == c)
            .map(|m| m.amount)
            .sum()
    };
    Ok(Backdated {
        first_chargeable: first,
        total: sum(true),
        not_chargeable: sum(false),
        months,
    })
}

fn sub_months(d: Date, n: u32) -> Option<Date> {
    let total = d.year() * 12 + i32::from(d.month()) - 1 - i32::try_from(n).ok()?;
    Date::new(
        total.div_euclid(12),
        u8::try_from(total.rem_euclid(12) + 1).ok()?,
        1,
    )
}
