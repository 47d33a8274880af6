//! The AOW choice after admission (planner.md §P.5): keep the married AOW (A) or register
//! "duurzaam gescheiden leven" (B), each with or without ending the toeslagpartnership (AWIR
//! art. 3 lid 6). For the Wlz a spouse living duurzaam gescheiden is unmarried (Wlz art. 1.1.2
//! lid 2 b), so under B the admitted spouse pays the HEB alone after the start period.
//!
//! ```text
//! net per month = AOW net (both) + zorgtoeslag / 12 − Wlz contribution
//! ```

use super::figures::{self, Who};
use super::input::{AowOption, PlanInput};
use super::params as pp;
use super::zorgtoeslag;
use super::Plan;
use crate::date::Date;
use crate::money::round_cents;
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;

/// The day the admitted spouse counts as unmarried (PO-4): the first day of the month the SVB
/// pays the unmarried AOW; by default the month after the start period of 4 months.
pub fn change_date(input: &PlanInput) -> Option<Date> {
    if input.aow.option != AowOption::Gescheiden {
        return None;
    }
    input.aow.change.map(Date::first_of_month).or_else(|| {
        input
            .admission?
            .first_of_month()
            .add_months(if input.admission?.day() == 1 { 4 } else { 5 })
    })
}

/// Gross unmarried minus married AOW plus the difference in holiday allowance, per month
/// (§P.5.2; 1 January 2026: 515,45 + 30,45 = 545,90).
pub fn monthly_difference(t: i32, month: u8) -> Decimal {
    let h = pp::half_year(t, month);
    pp::AOW_GROSS_SINGLE.dec(h) - pp::AOW_GROSS_MARRIED.dec(h) + pp::AOW_HOLIDAY_SINGLE.dec(h)
        - pp::AOW_HOLIDAY_MARRIED.dec(h)
}

/// One option of the comparison in one contribution year.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptionYear {
    pub year: i32,
    /// The Wlz contribution of December of that year.
    pub wlz_month: Decimal,
    /// Both spouses' AOW, net (SVB figures with loonheffingskorting; indicative, PO-16).
    pub aow_net_month: Decimal,
    pub zorgtoeslag_year: Decimal,
    pub zorgtoeslag_month: Decimal,
    /// AOW net + zorgtoeslag per month − Wlz contribution.
    pub net_month: Decimal,
}

/// One of the four options A, A+split, B, B+split.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AowOptionResult {
    /// `a`, `a-split`, `b`, `b-split`.
    pub id: &'static str,
    pub label: Text,
    pub years: Vec<OptionYear>,
    /// The Wlz contributions of the plan under this option, all years.
    pub wlz_total: Decimal,
}

/// The comparison of §P.5.4–§P.5.5.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AowComparison {
    pub options: Vec<AowOptionResult>,
    /// What the options mean for the regime, and the warnings (PO-8, fiscal partnership).
    pub notes: Vec<Text>,
}

/// Whether the comparison applies: a couple, the client admitted, the partner at home without
/// Wlz care, and the client at AOW age.
pub fn applies(input: &PlanInput) -> bool {
    let Some(p) = &input.partner else {
        return false;
    };
    input.admission.is_some()
        && p.care.0.iter().all(|c| *c == crate::input::CareForm::None)
        && figures::aow_age_on(input, &input.client, input.from, 1)
}

/// The four options from the plans under A and under B.
pub fn compare(input: &PlanInput, a: &Plan, b: &Plan) -> AowComparison {
    let mut options = Vec::new();
    for (plan, option, split) in [
        (a, AowOption::Married, false),
        (a, AowOption::Married, true),
        (b, AowOption::Gescheiden, false),
        (b, AowOption::Gescheiden, true),
    ] {
        options.push(option_result(input, plan, option, split));
    }
    AowComparison {
        options,
        notes: notes(),
    }
}

fn option_result(
    input: &PlanInput,
    plan: &Plan,
    option: AowOption,
    split: bool,
) -> AowOptionResult {
    let mut scenario = input.clone();
    scenario.aow.option = option;
    let (id, label) = match (option, split) {
        (AowOption::Married, false) => ("a", Text::fixed("A: AOW voor gehuwden", "A: married AOW")),
        (AowOption::Married, true) => (
            "a-split",
            Text::fixed(
                "A + geen toeslagpartners",
                "A + no longer allowance partners",
            ),
        ),
        (AowOption::Gescheiden, false) => (
            "b",
            Text::fixed("B: duurzaam gescheiden", "B: living permanently apart"),
        ),
        (AowOption::Gescheiden, true) => (
            "b-split",
            Text::fixed(
                "B + geen toeslagpartners",
                "B + no longer allowance partners",
            ),
        ),
    };
    let years = plan
        .years
        .iter()
        .map(|y| {
            option_year(
                &scenario,
                y.year,
                y.months.last().map_or(Decimal::ZERO, |m| m.amount),
                split,
            )
        })
        .collect();
    AowOptionResult {
        id,
        label,
        years,
        wlz_total: plan.cumulative,
    }
}

/// One year of one option: the zorgtoeslag on the full-year income of the option (§P.5.4).
fn option_year(input: &PlanInput, y: i32, wlz_month: Decimal, split: bool) -> OptionYear {
    let mut aow_net = Decimal::ZERO;
    let mut people = Vec::new();
    for who in [Who::Client, Who::Partner] {
        let Some((p, money)) = figures::person(input, who) else {
            continue;
        };
        let h = pp::half_year(y, 1);
        let at_aow = figures::aow_age_on(input, p, y, 1);
        if at_aow {
            aow_net += match input.aow.option {
                AowOption::Married => pp::AOW_NET_MARRIED.dec(h),
                AowOption::Gescheiden => pp::AOW_NET_SINGLE.dec(h),
            };
        }
        let extra = if at_aow && input.aow.option == AowOption::Gescheiden {
            monthly_difference(y, 1) * Decimal::from(12)
        } else {
            Decimal::ZERO
        };
        let Some(d) = Date::new(y, 1, 1) else {
            continue;
        };
        let bank = figures::savings(input, who, money, d);
        let income = money
            .income_by_year
            .get(&y)
            .or(p.income.as_ref())
            .map_or(Decimal::ZERO, |a| a.0);
        let other = money.other_assets.map_or(Decimal::ZERO, |a| a.0);
        let b3 = figures::box3_income(y, bank + other, bank, other, Decimal::ZERO, 1);
        people.push((bank + other, income + extra + b3));
    }
    let zt = if split {
        people
            .iter()
            .map(|(rg, inc)| zorgtoeslag::per_year(y, false, *rg, *inc))
            .sum()
    } else {
        let rg = people.iter().map(|p| p.0).sum();
        let inc = people.iter().map(|p| p.1).sum();
        zorgtoeslag::per_year(y, people.len() == 2, rg, inc)
    };
    let zt_month = round_cents(zt / Decimal::from(12));
    OptionYear {
        year: y,
        wlz_month,
        aow_net_month: aow_net,
        zorgtoeslag_year: zt,
        zorgtoeslag_month: zt_month,
        net_month: aow_net + zt_month - wlz_month,
    }
}

fn notes() -> Vec<Text> {
    vec![
        Text::fixed(
            "A: u blijft gehuwd voor de Wlz. U betaalt samen de lage bijdrage, zonder einddatum (Blz 3.3.2.2 lid 2 a).",
            "A: you stay married for the Wlz. You pay the low contribution together, without an end date (Blz 3.3.2.2 lid 2 a).",
        ),
        Text::fixed(
            "B: voor de Wlz bent u dan ongehuwd (Wlz 1.1.2 lid 2 b). Na 4 maanden betaalt u de hoge bijdrage, alleen op uw eigen inkomen en vermogen.",
            "B: for the Wlz you are then unmarried (Wlz 1.1.2 lid 2 b). After 4 months you pay the high contribution, on your own income and assets only.",
        ),
        Text::fixed(
            "De hogere AOW telt twee jaar later mee in de hoge bijdrage. Dan gaat ongeveer driekwart ervan naar de eigen bijdrage.",
            "The higher AOW counts in the high contribution two years later. About three quarters of it then goes to the contribution.",
        ),
        Text::fixed(
            "Let op: misschien telt uw deel van het huis na 2 jaar in box 3 (Wet IB 3.111 lid 4). Wij rekenen daar niet mee.",
            "Note: the tax office may count your share of the home in box 3 after 2 years (Wet IB 3.111 lid 4). We do not include that.",
        ),
        Text::fixed(
            "U blijft fiscale partners, ook als u duurzaam gescheiden leeft (AWR 5a). De netto AOW is een indicatie van de SVB.",
            "You stay tax partners, also when living apart (AWR 5a). The net AOW is an indication from the SVB.",
        ),
        Text::fixed(
            "Niet meegeteld: Wmo-bijdrage, huurtoeslag, AIO en pensioen van de partner.",
            "Not included: Wmo contribution, rent benefit, AIO and the partner's pension.",
        ),
    ]
}
