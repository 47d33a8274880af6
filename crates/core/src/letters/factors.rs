//! Step C of the check (letters.md §2.4): change one input at a time and see which change
//! gives the letter's amount. Each factor is worded for the user.

use super::check::Explanation;
use super::letter::{Letter, LetterHousehold, LetterRegime};
use crate::engine::{estimate_with_params, Estimate};
use crate::input::{Amount, CareForm, CareForms, Input, Person, Stay};
use crate::money::format_eur;
use crate::params::YearParams;
use crate::regime::Regime;
use crate::text::{Lang, Text};
use rust_decimal::Decimal;

/// The factors that reproduce the letter's amount (and regime, when the letter names it).
pub fn factors(base: &Input, p: &'static YearParams, l: &Letter, e: &Estimate) -> Vec<Explanation> {
    let mut out: Vec<Explanation> = Vec::new();
    let m = l.monthly.0;
    let fits = |x: &Estimate| {
        let regime_ok = match l.regime {
            LetterRegime::Lage => x.regime == Regime::Lage,
            LetterRegime::Hoge => x.regime == Regime::Hoge,
            LetterRegime::Unknown => true,
        };
        regime_ok && (x.monthly - m).abs() <= Decimal::new(1, 2)
    };
    let mut try_variant = |id: &'static str, v: Input, text: Text, params: &'static YearParams| {
        if let Ok(x) = estimate_with_params(&v, params) {
            if fits(&x) && !out.iter().any(|o| o.factor == id) {
                out.push(Explanation { factor: id, text });
            }
        }
    };
    let own = |l: Lang| format_eur(e.monthly, l);
    if let Some(prev) = crate::params::for_year(p.year - 1) {
        let mut v = base.clone();
        v.year = prev.year;
        v.date = None;
        try_variant("F1", v, Text::owned(
            format!("Het CAK rekent nog met het bedrag van {}. Dat mag tot de nieuwe gegevens er zijn.", prev.year),
            format!("The CAK still uses the {} amount. That is allowed until the new data arrive.", prev.year),
        ), prev);
    }
    for (id, v, nl, en) in variants(base, l) {
        try_variant(
            id,
            v,
            Text::owned(
                format!("{nl} Wij komen uit op {}.", own(Lang::Nl)),
                format!("{en} We arrive at {}.", own(Lang::En)),
            ),
            p,
        );
    }
    for item in crate::readings::open_items()
        .into_iter()
        .filter(|i| !i.switch.is_empty())
    {
        if let Some(v) = flip_reading(base, item.switch) {
            try_variant(
                "F10",
                v,
                Text::owned(
                    format!(
                        "Het CAK leest de wet anders ({}): {}",
                        item.id, item.alternative.nl
                    ),
                    format!(
                        "The CAK reads the law differently ({}): {}",
                        item.id, item.alternative.en
                    ),
                ),
                p,
            );
        }
    }
    partial_and_share(&mut out, e, m, p);
    out
}

/// F2–F8: the variants of the household, each with its wording.
fn variants(base: &Input, l: &Letter) -> Vec<(&'static str, Input, &'static str, &'static str)> {
    let mut out = Vec::new();
    // F2: partner status.
    let mut v = base.clone();
    if v.partner.is_some() && l.household != Some(LetterHousehold::Couple) {
        v.partner = None;
        out.push((
            "F2",
            v,
            "Het CAK rekent zonder partner. Volgens u heeft u een partner.",
            "The CAK counts you without a partner. You say you have one.",
        ));
    } else if v.partner.is_none() {
        v.partner = Some(Person {
            age: v.client.age,
            birth_date: v.client.birth_date,
            care: CareForms(vec![CareForm::None]),
            income: Some(l.partner_income.unwrap_or(Amount(Decimal::ZERO))),
            assets: Some(Amount(Decimal::ZERO)),
            tax: Some(Amount(Decimal::ZERO)),
            ..Person::default()
        });
        out.push((
            "F2",
            v,
            "Het CAK rekent met een partner. Volgens u heeft u geen partner.",
            "The CAK counts a partner. You say you have none.",
        ));
    }
    // F3: the partner's income as the letter shows it.
    if let (Some(_), Some(pi)) = (&base.partner, l.partner_income) {
        let mut v = base.clone();
        if let Some(q) = v.partner.as_mut() {
            q.income = Some(pi);
        }
        out.push((
            "F3",
            v,
            "Het CAK rekent met een ander inkomen van uw partner.",
            "The CAK uses another income for your partner.",
        ));
    }
    // F4: the client's income as the letter shows it.
    if let Some(i) = l.income {
        let mut v = base.clone();
        v.client.income = Some(i);
        out.push((
            "F4",
            v,
            "Het CAK rekent met het inkomen van de Belastingdienst. Dat verschilt van uw opgave.",
            "The CAK uses the tax office's income. It differs from yours.",
        ));
    }
    // F5: the vermogen as the letter shows it; one-off payments not left out.
    if let Some(a) = l.assets {
        let mut v = base.clone();
        v.client.assets = Some(a);
        if let Some(q) = v.partner.as_mut() {
            q.assets = Some(Amount(Decimal::ZERO));
        }
        out.push((
            "F5",
            v,
            "Het CAK rekent met het vermogen van de Belastingdienst.",
            "The CAK uses the tax office's assets.",
        ));
    }
    if base.client.one_off_payments.is_some() {
        let mut v = base.clone();
        v.client.one_off_payments = None;
        out.push((
            "F5",
            v,
            "Het CAK trekt uw eenmalige uitkering niet af van het vermogen.",
            "The CAK does not leave your one-off payment out of the assets.",
        ));
    }
    out.extend(care_and_stay(base, l));
    // F8: no data at the CAK.
    let mut v = base.clone();
    v.household.cak_has_no_data = true;
    out.push((
        "F8",
        v,
        "Het CAK heeft uw inkomen nog niet. Het rekent tijdelijk een vast bedrag.",
        "The CAK does not have your income yet. It charges a fixed amount for now.",
    ));
    out
}

/// F6 (care form) and F7 (regime and start period).
fn care_and_stay(
    base: &Input,
    l: &Letter,
) -> Vec<(&'static str, Input, &'static str, &'static str)> {
    let mut out = Vec::new();
    let forms = &base.client.care.0;
    let swap = if forms.contains(&CareForm::Vpt) {
        Some(CareForm::Pgb)
    } else if forms
        .iter()
        .any(|f| matches!(f, CareForm::Mpt | CareForm::Pgb))
    {
        Some(CareForm::Vpt)
    } else {
        None
    };
    if let Some(f) = l.care_form.or(swap).filter(|f| !forms.contains(f)) {
        let mut v = base.clone();
        v.client.care = CareForms(vec![f]);
        out.push((
            "F6",
            v,
            "Het CAK rekent met een andere zorgvorm.",
            "The CAK uses another form of care.",
        ));
    }
    if base
        .client
        .care
        .0
        .iter()
        .any(|f| matches!(f, CareForm::Instelling | CareForm::Dtv))
    {
        let mut v = base.clone();
        v.client.stay = Some(Stay {
            months_completed: Some(0),
            recent_heb_stay: true,
            ..Stay::default()
        });
        out.push((
            "F7",
            v,
            "Het CAK rekent zonder de eerste 4 maanden lage bijdrage.",
            "The CAK charges without the first 4 months at the low contribution.",
        ));
        let start = l.care_start.unwrap_or(l.from);
        let mut v = base.clone();
        v.client.stay = Some(Stay {
            start: Some(start),
            ..Stay::default()
        });
        out.push((
            "F7",
            v,
            "Het CAK rekent met een andere startdatum van het verblijf.",
            "The CAK uses another start date for the stay.",
        ));
    }
    out
}

/// The household with one OPEN reading switched.
fn flip_reading(base: &Input, switch: &str) -> Option<Input> {
    let mut v = base.clone();
    let flag = v.readings.switch_mut(switch)?;
    *flag = !*flag;
    Some(v)
}

/// F11 (a part of a month) and F12 (one spouse's share).
fn partial_and_share(out: &mut Vec<Explanation>, e: &Estimate, m: Decimal, p: &YearParams) {
    if let Some(days) = (1..31)
        .find(|d| (crate::scenarios::partial(e.monthly, *d, p) - m).abs() <= Decimal::new(2, 2))
    {
        out.push(Explanation {
            factor: "F11",
            text: Text::owned(
                format!("Het bedrag is voor {days} dagen van een maand, niet voor een hele maand."),
                format!("The amount is for {days} days of a month, not a whole month."),
            ),
        });
    }
    if let Some(s) = &e.split {
        if (s.client - m).abs() <= Decimal::new(1, 2) || (s.partner - m).abs() <= Decimal::new(1, 2)
        {
            out.push(Explanation {
                factor: "F12",
                text: Text::fixed(
                    "Het bedrag is het deel van één partner. Samen betaalt u meer.",
                    "The amount is one spouse's share. Together you pay more.",
                ),
            });
        }
    }
}
