//! One contribution year month by month (planner.md §P.6.5): each month is cut at the days
//! the household changes (admission, the end of the start period, the AOW change) and each
//! part is an estimate of that day, charged per day unless it is the whole month (Blz 3.3.2.9
//! lid 2, main spec §5.4).

use super::figures::{self, Figures, Who};
use super::input::{AowOption, PlanInput};
use super::params::{self as pp, ContributionParams};
use super::{err, zorgtoeslag, Ledger, PlanYear};
use crate::date::Date;
use crate::engine::{estimate_with_params, Estimate};
use crate::error::{ErrorCode, InputError};
use crate::input::{Amount, CareForm, Input, Person, Stay};
use crate::regime::Regime;
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;

/// One calendar month of a contribution year.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanMonth {
    /// 1 to 12.
    pub month: u32,
    /// The regime at the end of the month.
    pub regime: Regime,
    /// What is due for the month.
    pub amount: Decimal,
    /// The parts of a month in which the regime or amount changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<MonthPart>,
}

/// Part of a month with one regime.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthPart {
    pub from: Date,
    pub to: Date,
    pub days: i64,
    pub regime: Regime,
    /// The full monthly amount of that regime.
    pub monthly: Decimal,
    pub due: Decimal,
}

/// A regime of the year with its monthly amount, how many months it covers, and why.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegimeAmount {
    pub regime: Regime,
    pub monthly: Decimal,
    pub months: u32,
    pub reason: Text,
    /// For example `Blz art. 3.3.2.1 lid 1 a`.
    pub article: String,
    pub url: &'static str,
}

/// Contribution year `y` of the plan.
pub fn contribution_year(
    input: &PlanInput,
    y: i32,
    ledger: &Ledger,
) -> Result<PlanYear, InputError> {
    let cp = pp::contribution_params(y).ok_or_else(|| {
        err(
            ErrorCode::UnsupportedYear,
            "from",
            format!("Geen bedragen voor {y}."),
            format!("No amounts for {y}."),
        )
    })?;
    let pj = crate::params::peiljaar(y);
    let people: Vec<Figures> = [Who::Client, Who::Partner]
        .into_iter()
        .filter_map(|w| figures::of(input, w, pj, input.from, ledger))
        .collect();
    let mut months = Vec::with_capacity(12);
    let mut regimes: Vec<RegimeAmount> = Vec::new();
    let mut last: Option<Estimate> = None;
    let mut estimated = cp.blz_from.is_some() || people.iter().any(|f| f.estimated);
    for m in 1..=12u8 {
        let (month, est) = month(input, &cp, &people, y, m, &mut regimes)?;
        if let Some(e) = est {
            estimated |= e.estimated;
            last = Some(e);
        }
        months.push(month);
    }
    let total = months.iter().map(|m| m.amount).sum();
    let step = |id: &str| {
        let amount = last.as_ref()?.steps.iter().find(|s| s.id == id)?.amount?;
        Some(crate::money::round_cents(amount))
    };
    let partners = counts_partner(input, Date::new(y, 12, 1));
    let zorgtoeslag = zorgtoeslag_on(input, &people, partners);
    Ok(PlanYear {
        year: y,
        peiljaar: pj,
        known: pj < input.from,
        total,
        cumulative: Decimal::ZERO,
        months,
        regimes,
        people: people
            .into_iter()
            .filter(|f| f.who == Who::Client || partners)
            .collect(),
        vermogen: step("vermogen_total").or_else(|| step("vermogen_client")),
        vib: step("vib"),
        bijdrageplichtig_inkomen: step("bi_heb").or_else(|| step("bi_leb")),
        estimated,
        carried: carried_text(y, &cp),
        zorgtoeslag,
        events: Vec::new(),
    })
}

/// One month: its parts, each an estimate on its first day.
fn month(
    input: &PlanInput,
    cp: &ContributionParams,
    people: &[Figures],
    y: i32,
    m: u8,
    regimes: &mut Vec<RegimeAmount>,
) -> Result<(PlanMonth, Option<Estimate>), InputError> {
    let first = Date::new(y, m, 1).ok_or_else(|| bad_date(y))?;
    let end = first
        .add_months(1)
        .and_then(|d| d.add_days(-1))
        .ok_or_else(|| bad_date(y))?;
    let mut parts: Vec<MonthPart> = Vec::new();
    let mut last = None;
    let cuts = cut_days(input, cp, people, first, end);
    for (i, from) in cuts.iter().enumerate() {
        let to = cuts.get(i + 1).and_then(|d| d.add_days(-1)).unwrap_or(end);
        let days = from.days_until(to) + 1;
        let (regime, monthly) =
            if input.admission.is_some_and(|a| *from < a) && has_stay(&input.client) {
                (Regime::Geen, Decimal::ZERO)
            } else {
                let e = estimate_with_params(&household(input, cp, people, *from), cp.params)?;
                note_regime(regimes, &e);
                let r = (e.regime, e.monthly);
                last = Some(e);
                r
            };
        if let Some(prev) = parts
            .last_mut()
            .filter(|p| p.regime == regime && p.monthly == monthly)
        {
            prev.to = to;
            prev.days += days;
            continue;
        }
        parts.push(MonthPart {
            from: *from,
            to,
            days,
            regime,
            monthly,
            due: Decimal::ZERO,
        });
    }
    for p in &mut parts {
        let whole = p.from == first && p.to == end;
        p.due = if whole {
            p.monthly
        } else {
            crate::scenarios::partial(p.monthly, p.days, cp.params)
        };
    }
    let amount = crate::money::round_cents(parts.iter().map(|p| p.due).sum());
    let regime = parts.last().map_or(Regime::Geen, |p| p.regime);
    if parts.len() == 1 {
        parts.clear();
    }
    Ok((
        PlanMonth {
            month: u32::from(m),
            regime,
            amount,
            parts,
        },
        last,
    ))
}

fn bad_date(y: i32) -> InputError {
    err(
        ErrorCode::InvalidDate,
        "from",
        format!("Ongeldige datum in {y}."),
        format!("Invalid date in {y}."),
    )
}

/// The first of the month and the days in it on which the household changes.
fn cut_days(
    input: &PlanInput,
    cp: &ContributionParams,
    people: &[Figures],
    first: Date,
    end: Date,
) -> Vec<Date> {
    let mut days = vec![first];
    let change = super::aow::change_date(input);
    for d in [input.admission, change].into_iter().flatten() {
        if d > first && d <= end {
            days.push(d);
        }
    }
    for d in days.clone() {
        let h = household(input, cp, people, d);
        days.extend(
            crate::scenarios::switch_days(&h, d, end)
                .into_iter()
                .filter(|s| *s > first),
        );
    }
    crate::household::sort_small_by_key(&mut days, |d| *d);
    days.dedup();
    days
}

/// Keeps the first reason of each regime and amount, and counts its months.
fn note_regime(regimes: &mut Vec<RegimeAmount>, e: &Estimate) {
    if let Some(r) = regimes
        .iter_mut()
        .find(|r| r.regime == e.regime && r.monthly == e.monthly)
    {
        r.months += 1;
        return;
    }
    regimes.push(RegimeAmount {
        regime: e.regime,
        monthly: e.monthly,
        months: 1,
        reason: e.regime_reason.text.clone(),
        article: e.regime_reason.reference.article(),
        url: e.regime_reason.reference.url(),
    });
}

fn has_stay(p: &Person) -> bool {
    p.care
        .0
        .iter()
        .any(|f| matches!(f, CareForm::Instelling | CareForm::Dtv))
}

/// Whether the partner's data count on `day`: a partner, and not yet "duurzaam gescheiden"
/// (Wlz art. 1.1.2 lid 2 b: then the admitted spouse is unmarried for the Wlz).
pub fn counts_partner(input: &PlanInput, day: Option<Date>) -> bool {
    let separated = input.aow.option == AowOption::Gescheiden
        && super::aow::change_date(input)
            .zip(day)
            .is_some_and(|(c, d)| d >= c);
    input.partner.is_some() && !separated
}

/// PO-15: entitled to zorgtoeslag on 1 January of the peiljaar, from the household's RG and
/// income (or the household's answer, with the reading).
fn zorgtoeslag_on(input: &PlanInput, people: &[Figures], partners: bool) -> bool {
    if input.plan_readings.zorgtoeslag_as_given || people.is_empty() {
        return input.household.zorgtoeslag;
    }
    let counted = people.iter().filter(|f| f.who == Who::Client || partners);
    let (rg, income) = counted.fold((Decimal::ZERO, Decimal::ZERO), |(r, i), f| {
        (r + f.rendementsgrondslag, i + f.inkomen)
    });
    zorgtoeslag::entitled(people[0].year, partners, rg, income)
}

/// The estimate input of the household on `day` of contribution year `y`.
fn household(input: &PlanInput, cp: &ContributionParams, people: &[Figures], day: Date) -> Input {
    let y = cp.params.year;
    let partners = counts_partner(input, Some(day));
    let with = |p: &Person, who: Who| {
        let mut q = p.clone();
        if let Some(f) = people.iter().find(|f| f.who == who) {
            q.income = Some(Amount(f.exact.0));
            q.tax = f.exact.1.map(Amount);
            q.assets = Some(Amount(f.rendementsgrondslag.max(Decimal::ZERO)));
        }
        q.age = p
            .age
            .map(|a| a + u32::try_from(y - input.from).unwrap_or(0));
        q
    };
    let mut client = with(&input.client, Who::Client);
    if let (Some(a), true) = (input.admission, has_stay(&input.client)) {
        let s = client.stay.get_or_insert_with(Stay::default);
        s.start = Some(a);
        s.months_completed = None;
    }
    let partner = input
        .partner
        .as_ref()
        .filter(|_| partners)
        .map(|p| with(p, Who::Partner));
    let mut household = input.household.clone();
    household.zorgtoeslag = zorgtoeslag_on(input, people, partners);
    Input {
        version: crate::CONTRACT_VERSION,
        year: y,
        date: Some(day),
        client,
        partner,
        household,
        days: None,
        readings: input.readings.clone(),
    }
}

/// §P.6.3: the one-sentence assumption of a year whose parameters are carried forward.
fn carried_text(y: i32, cp: &ContributionParams) -> Option<Text> {
    let pj = crate::params::peiljaar(y);
    let mut by_year: Vec<(i32, Vec<(&str, &str)>)> = Vec::new();
    let mut add = |year: i32, item: (&'static str, &'static str)| match by_year
        .iter_mut()
        .find(|(yy, _)| *yy == year)
    {
        Some((_, v)) => v.push(item),
        None => by_year.push((year, vec![item])),
    };
    if let Some(from) = cp.blz_from {
        add(from, ("eigen bijdrage", "own contribution"));
    }
    for (s, item) in [
        (
            pp::VERMOGEN_THRESHOLD,
            ("vermogensdrempel", "asset threshold"),
        ),
        (pp::RLZ_ZKG_SINGLE, ("aftrekposten", "deductions")),
        (pp::BOX3_PCT_OTHER, ("box 3", "box 3")),
        (pp::ZT_VERMOGENSGRENS_SINGLE, ("zorgtoeslag", "zorgtoeslag")),
    ] {
        if let Some(from) = s.at(pj).carried_from.filter(|f| *f < pj) {
            add(from, item);
        }
    }
    if by_year.is_empty() {
        return None;
    }
    let part = |nl: bool| {
        by_year
            .iter()
            .map(|(yy, items)| {
                let list: Vec<&str> = items
                    .iter()
                    .map(|(n, e)| if nl { *n } else { *e })
                    .collect();
                format!("{yy} ({})", list.join(", "))
            })
            .collect::<Vec<_>>()
            .join(if nl { " en van " } else { " and the " })
    };
    Some(Text::owned(
        format!("Aanname: voor {y} gebruiken we de bedragen van {}. De echte bedragen worden pas later vastgesteld.", part(true)),
        format!("Assumption: for {y} we use the {} amounts. The real amounts are set later.", part(false)),
    ))
}
