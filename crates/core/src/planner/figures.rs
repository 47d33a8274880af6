//! One person's figures of one calendar year: what the CAK will take as the peiljaar data of
//! the contribution year two years later (planner.md §P.1, §P.6.4).
//!
//! ```text
//! bank   = savings of 1 Jan t (typed, or carried + proceeds − gifts before 1 Jan t, or drawdown)
//! other  = other box-3 assets + the home's box-3 value × share
//! debts  = box-3 debts + the mortgage × share (home in box 3) + paper gifts + Wlz-clause claims
//! RG     = bank + other − max(0, debts − schuldendrempel)                 Wet IB 5.3
//! box3   = rendement / RG × max(0, RG − heffingvrij)                        Wet IB 5.2, 5.5
//! inkomen   = box-1/2 income (+ extra AOW, + 70% rent) + box3            Blz 1.1.1
//! belasting = tax on box 1/2 + 36% × box3 (PO-9) + tax on extra AOW
//! ```

use super::home::{self, HomeOnPeildatum};
use super::input::{AowOption, Donor, Money, Owner, PlanInput};
use super::params as pp;
use crate::date::Date;
use crate::input::Person;
use crate::money::round_cents;
use rust_decimal::Decimal;
use serde::Serialize;

/// Which person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Who {
    Client,
    Partner,
}

/// One person's figures of calendar year `t` (the peiljaar of contribution year `t + 2`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub who: Who,
    pub year: i32,
    /// Savings on 1 January.
    pub bank: Decimal,
    /// Other box-3 assets on 1 January, the home's box-3 value included.
    pub other: Decimal,
    /// The home on 1 January, when there is one that this person owns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home: Option<HomeOnPeildatum>,
    /// This person's share of the home's box-3 value.
    pub home_value: Decimal,
    /// Box-3 debts on 1 January (before the schuldendrempel).
    pub debts: Decimal,
    /// Rendementsgrondslag on 1 January.
    pub rendementsgrondslag: Decimal,
    /// Box-3 income of the year; `None` when the verzamelinkomen was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub box3_income: Option<Decimal>,
    /// Extra AOW of the year after "duurzaam gescheiden" (§P.5).
    #[serde(skip_serializing_if = "Decimal::is_zero")]
    pub aow_extra: Decimal,
    /// 70% of the rent while the let home is still an own home (IB 3.113, PO-1).
    #[serde(skip_serializing_if = "Decimal::is_zero")]
    pub letting_income: Decimal,
    /// Verzamelinkomen: box 1/2 income plus box 3.
    pub inkomen: Decimal,
    /// Tax and premiums; `None` when not given (then the core estimates it where it can).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub belasting: Option<Decimal>,
    /// The exact inkomen and belasting the estimate uses (the fields above are rounded to
    /// cents for display; the planner rounds only the monthly amount, §P.6.6).
    #[serde(skip)]
    pub exact: (Decimal, Option<Decimal>),
    /// The figures of a past year ("bekend") or an expectation.
    pub known: bool,
    /// Some figure rests on a carried or estimated box-3 parameter.
    pub estimated: bool,
}

/// The source of a person's savings per year that is not typed in: the drawdown helper.
pub trait Balances {
    /// The drawdown balance of the client on 1 January of `t`, when the helper covers `t`.
    fn drawdown(&self, t: i32) -> Option<Decimal>;
}

pub fn person(input: &PlanInput, who: Who) -> Option<(&Person, &Money)> {
    match who {
        Who::Client => Some((&input.client, &input.money)),
        Who::Partner => input.partner.as_ref().map(|p| (p, &input.partner_money)),
    }
}

/// This person's share of the home.
pub fn home_share(input: &PlanInput, who: Who) -> Decimal {
    let Some(h) = &input.home else {
        return Decimal::ZERO;
    };
    match (h.owner, who) {
        (Owner::Joint, _) => Decimal::new(5, 1),
        (Owner::Client, Who::Client) | (Owner::Partner, Who::Partner) => Decimal::ONE,
        _ => Decimal::ZERO,
    }
}

/// One person's box-3 assets on 1 January of a year.
struct Assets {
    home: Option<HomeOnPeildatum>,
    home_value: Decimal,
    bank: Decimal,
    other: Decimal,
    debts: Decimal,
    debts_above: Decimal,
    rg: Decimal,
}

/// The assets of `who` on 1 January of `t` (Wet IB 5.3).
fn assets(input: &PlanInput, who: Who, t: i32, balances: &dyn Balances) -> Option<Assets> {
    let (_, money) = person(input, who)?;
    let d = Date::new(t, 1, 1)?;
    let share = home_share(input, who);
    let home = input
        .home
        .as_ref()
        .filter(|_| !share.is_zero())
        .map(|h| home::on_peildatum(h, input, t));
    let in_box3 = home.as_ref().is_some_and(|h| h.status == "box3");
    let home_value = round_cents(home.as_ref().map_or(Decimal::ZERO, |h| h.value) * share);
    let bank = match (who, balances.drawdown(t)) {
        (Who::Client, Some(b)) => b,
        _ => savings(input, who, money, d),
    };
    let other = money.other_assets.map_or(Decimal::ZERO, |a| a.0) + home_value;
    let mortgage = match (&input.home, in_box3) {
        (Some(h), true) => round_cents(h.mortgage.map_or(Decimal::ZERO, |m| m.0) * share),
        _ => Decimal::ZERO,
    };
    let debts = money.debts.map_or(Decimal::ZERO, |a| a.0) + mortgage + paper_debts(input, who, d);
    let debts_above = (debts - pp::BOX3_SCHULDENDREMPEL.dec(t)).max(Decimal::ZERO);
    let rg = bank + other - debts_above;
    Some(Assets {
        home,
        home_value,
        bank,
        other,
        debts,
        debts_above,
        rg,
    })
}

/// The box-3 income of `who` (Wet IB 5.2): for fiscal partners the joint income over both
/// assets with both heffingvrije vermogens, shared in proportion to each one's RG (the main
/// spec §4.5 default for the partners' allocation, IB 2.17). Partners stay fiscal partners
/// after an admission and after "duurzaam gescheiden" (AWR 5a, planner.md §P.5.1).
fn box3_of(input: &PlanInput, who: Who, t: i32, own: &Assets, balances: &dyn Balances) -> Decimal {
    let other_who = match who {
        Who::Client => Who::Partner,
        Who::Partner => Who::Client,
    };
    let Some(them) = assets(input, other_who, t, balances) else {
        return box3_income(t, own.rg, own.bank, own.other, own.debts_above, 1);
    };
    let total_rg = own.rg + them.rg;
    let joint = box3_income(
        t,
        total_rg,
        own.bank + them.bank,
        own.other + them.other,
        own.debts_above + them.debts_above,
        2,
    );
    let weights = own.rg.max(Decimal::ZERO) + them.rg.max(Decimal::ZERO);
    if weights.is_zero() {
        return Decimal::ZERO;
    }
    joint * own.rg.max(Decimal::ZERO) / weights
}

/// The figures of `who` for calendar year `t`.
pub fn of(
    input: &PlanInput,
    who: Who,
    t: i32,
    now: i32,
    balances: &dyn Balances,
) -> Option<Figures> {
    let (p, money) = person(input, who)?;
    let a = assets(input, who, t, balances)?;
    let share = home_share(input, who);
    let given = money.verzamelinkomen_by_year.get(&t).map(|a| a.0);
    let box3_income = given
        .is_none()
        .then(|| box3_of(input, who, t, &a, balances));
    let Assets {
        home,
        home_value,
        bank,
        other,
        debts,
        rg,
        ..
    } = a;
    let aow_extra = aow_extra(input, who, t);
    let letting_income = match &input.home {
        Some(h) => round_cents(home::letting_box1_income(h, input, t) * share),
        None => Decimal::ZERO,
    };
    let income = money
        .income_by_year
        .get(&t)
        .or(p.income.as_ref())
        .map_or(Decimal::ZERO, |a| a.0);
    let inkomen =
        given.unwrap_or(income + aow_extra + letting_income + box3_income.unwrap_or_default());
    let tax = money.tax_by_year.get(&t).or(p.tax.as_ref()).map(|a| a.0);
    let belasting = tax.map(|tax| match box3_income {
        None => tax,
        Some(b3) => tax + pp::BOX3_RATE.dec(t) * b3 + pp::AOW_EXTRA_TAX_RATE.dec(t) * aow_extra,
    });
    let estimated = box3_income.is_some_and(|b| !b.is_zero())
        && (t < 2026 || pp::BOX3_PCT_BANK.at(t).carried_from.is_some());
    Some(Figures {
        who,
        year: t,
        bank: round_cents(bank),
        other: round_cents(other),
        home,
        home_value,
        debts: round_cents(debts),
        rendementsgrondslag: round_cents(rg),
        box3_income: box3_income.map(round_cents),
        aow_extra,
        letting_income,
        inkomen: round_cents(inkomen),
        belasting: belasting.map(round_cents),
        exact: (inkomen, belasting),
        known: t < now,
        estimated,
    })
}

/// Savings on 1 January of `t` (§P.6.4): the latest balance typed for a year up to `t`, plus
/// the sale proceeds and minus the gifts dated after that balance and before this peildatum.
pub fn savings(input: &PlanInput, who: Who, money: &Money, d: Date) -> Decimal {
    let t = d.year();
    let anchor = money.savings_by_year.range(..=t).next_back();
    let (base, since) = match anchor {
        Some((y, a)) => (a.0, Date::new(*y, 1, 1)),
        None => (money.savings.map_or(Decimal::ZERO, |a| a.0), None),
    };
    let after = |date: Date| since.is_none_or(|s| !home::before(date, s, input));
    base + flows(input, who, |date| {
        after(date) && home::before(date, d, input)
    })
}

/// Sale proceeds received minus gifts paid by `who`, of the events `counts` selects.
pub fn flows(input: &PlanInput, who: Who, counts: impl Fn(Date) -> bool) -> Decimal {
    let mut sum = Decimal::ZERO;
    if let Some(h) = &input.home {
        if let Some(s) = h.sold.filter(|s| counts(*s)) {
            let _ = s;
            let proceeds = h.proceeds.map(|p| p.0).unwrap_or_else(|| {
                (h.woz.0 - h.mortgage.map_or(Decimal::ZERO, |m| m.0)).max(Decimal::ZERO)
            });
            sum += round_cents(proceeds * home_share(input, who));
        }
    }
    for g in &input.gifts {
        if !g.on_paper && donor_is(g.donor, who) && counts(g.date) {
            sum -= g.amount.0;
        }
    }
    sum
}

fn donor_is(d: Donor, who: Who) -> bool {
    matches!(
        (d, who),
        (Donor::Client, Who::Client) | (Donor::Partner, Who::Partner)
    )
}

/// Debts from a schenking op papier (PO-12) and opeisbare Wlz-clause claims (the client's).
fn paper_debts(input: &PlanInput, who: Who, d: Date) -> Decimal {
    let paper: Decimal = input
        .gifts
        .iter()
        .filter(|g| g.on_paper && donor_is(g.donor, who) && home::before(g.date, d, input))
        .filter(|g| g.deed_and_interest || input.plan_readings.paper_gift_always)
        .map(|g| g.amount.0)
        .sum();
    let claims: Decimal = match who {
        Who::Client => input
            .wlz_clause
            .iter()
            .filter(|c| home::before(c.date, d, input))
            .map(|c| c.amount.0)
            .sum(),
        Who::Partner => Decimal::ZERO,
    };
    paper + claims
}

/// Wet IB 5.2 lid 1–2 (2026 rules, PO-11; for a past year with its own heffingvrij vermogen,
/// §P.6.7 item 1): the box-3 income of one person, exact (§P.6.4: no intermediate rounding).
pub fn box3_income(
    t: i32,
    rg: Decimal,
    bank: Decimal,
    other: Decimal,
    debts_above: Decimal,
    people: u32,
) -> Decimal {
    if rg <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let rendement = (pp::BOX3_PCT_BANK.dec(t) * bank + pp::BOX3_PCT_OTHER.dec(t) * other
        - pp::BOX3_PCT_DEBT.dec(t) * debts_above)
        .max(Decimal::ZERO);
    let grondslag = (rg - pp::BOX3_HEFFINGVRIJ.dec(t) * Decimal::from(people)).max(Decimal::ZERO);
    rendement * grondslag / rg
}

/// Whether `p` has reached AOW age on the first of `month` of `t`: the AOW age of contribution
/// year `t`'s parameters (a later year carries the last file's), 67 before the first file.
pub fn aow_age_on(input: &PlanInput, p: &Person, t: i32, month: u8) -> bool {
    let age_years = super::params::contribution_params(t).map_or(67, |c| {
        crate::params::YearParams::int(&c.params.aow_age_years)
    }) as u32;
    match (p.birth_date, p.age) {
        (Some(b), _) => b
            .add_years(age_years)
            .zip(Date::new(t, month, 1))
            .is_some_and(|(reached, day)| reached <= day),
        (None, Some(age)) => i64::from(age) + i64::from(t - input.from) >= i64::from(age_years),
        _ => false,
    }
}

/// §P.5.2: the extra gross AOW plus holiday allowance of `who` in `t` after switching to the
/// unmarried AOW (months from the change, at AOW age), with the half-year amounts.
pub fn aow_extra(input: &PlanInput, who: Who, t: i32) -> Decimal {
    if input.aow.option != AowOption::Gescheiden || input.partner.is_none() {
        return Decimal::ZERO;
    }
    let Some((p, _)) = person(input, who) else {
        return Decimal::ZERO;
    };
    let Some(change) = super::aow::change_date(input) else {
        return Decimal::ZERO;
    };
    (1..=12u8)
        .filter(|m| Date::new(t, *m, 1).is_some_and(|d| d >= change.first_of_month()))
        .filter(|m| aow_age_on(input, p, t, *m))
        .map(|m| super::aow::monthly_difference(t, m))
        .sum()
}
