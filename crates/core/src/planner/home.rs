//! Whether the own home is in box 3 on a peildatum (planner.md §P.2; Wet IB 2001 art. 3.111,
//! 5.20; Uitvoeringsbesluit IB 2001 art. 17a).
//!
//! ```text
//! sold before 1 Jan t                          → gone (the proceeds are savings)
//! still lived in, or the partner lives there    → box 1 (lid 1, lid 9; lid 4 with PO-8)
//! within 2 years of leaving for care            → box 1 (lid 5; let: PO-1)
//! empty, for sale, t ≤ year left + 3            → box 1 (lid 2)
//! otherwise                                     → box 3 at the WOZ value, or leegwaarderatio × WOZ when let
//! ```

use super::input::{AowOption, Home, HomeStatus, PlanInput, Tenancy};
use super::params as pp;
use crate::date::Date;
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;

/// The home on one peildatum (1 January).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HomeOnPeildatum {
    /// `box1`, `box3` or `sold`.
    pub status: &'static str,
    /// The box-3 value of the whole home (before the owner's share); zero unless `box3`.
    pub value: Decimal,
    /// The leegwaarderatio used, when let.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leegwaarderatio: Option<Decimal>,
    pub reason: Text,
    /// The article that decides, for example `Wet IB 2001 art. 3.111 lid 5`.
    pub article: &'static str,
    pub url: &'static str,
}

const URL_3111: &str = "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel3.111";

fn box1(reason: Text, article: &'static str) -> HomeOnPeildatum {
    HomeOnPeildatum {
        status: "box1",
        value: Decimal::ZERO,
        leegwaarderatio: None,
        reason,
        article,
        url: URL_3111,
    }
}

/// The day the home stopped being the client's hoofdverblijf.
pub fn left(home: &Home, input: &PlanInput) -> Option<Date> {
    home.left.or(input.admission)
}

/// An event on `date` has happened by peildatum `d` (PO-3: a 1 January event counts after the
/// peildatum unless the reading says otherwise).
pub fn before(date: Date, d: Date, input: &PlanInput) -> bool {
    date < d || (input.plan_readings.january_first_on_peildatum && date == d)
}

/// Whether the home is let on `d`.
fn let_on(home: &Home, d: Date) -> bool {
    home.status == HomeStatus::Let && home.let_from.is_some_and(|f| f <= d)
}

/// The status of the home on 1 January of `t` (§P.2.4).
pub fn on_peildatum(home: &Home, input: &PlanInput, t: i32) -> HomeOnPeildatum {
    let Some(d) = Date::new(t, 1, 1) else {
        return box1(
            Text::fixed("Onbekend jaar.", "Unknown year."),
            "Wet IB 2001 art. 3.111 lid 1",
        );
    };
    if let Some(s) = home.sold.filter(|s| before(*s, d, input)) {
        return HomeOnPeildatum {
            status: "sold",
            value: Decimal::ZERO,
            leegwaarderatio: None,
            reason: Text::owned(
                format!(
                    "Verkocht op {}: de opbrengst telt als spaargeld.",
                    s.long(crate::Lang::Nl)
                ),
                format!(
                    "Sold on {}: the proceeds count as savings.",
                    s.long(crate::Lang::En)
                ),
            ),
            article: "Wet IB 2001 art. 5.3 lid 2",
            url: "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel5.3",
        };
    }
    let Some(a) = left(home, input).filter(|a| *a < d) else {
        return box1(
            Text::fixed(
                "U woont er nog: eigen woning (box 1).",
                "You still live there: own home (box 1).",
            ),
            "Wet IB 2001 art. 3.111 lid 1",
        );
    };
    if let Some(s) = partner_lives_there(home, input, a, d) {
        return s;
    }
    let care_end = a.add_years(pp::HOME_CARE_YEARS.whole(t)).unwrap_or(a);
    if d < care_end && (!let_on(home, d) || !input.plan_readings.let_in_care_years_box3) {
        return box1(
            Text::owned(
                format!("Tot {} blijft het huis een eigen woning: u woont in een verpleeghuis (2 jaar).", care_end.long(crate::Lang::Nl)),
                format!("Until {} the home stays an own home: you live in a nursing home (2 years).", care_end.long(crate::Lang::En)),
            ),
            "Wet IB 2001 art. 3.111 lid 5",
        );
    }
    let sale_years = pp::HOME_SALE_YEARS.whole(t) as i32;
    if home.status == HomeStatus::ForSale && t <= a.year() + sale_years {
        return box1(
            Text::owned(
                format!(
                    "Het huis staat leeg en te koop: eigen woning tot en met 31 december {}.",
                    a.year() + sale_years
                ),
                format!(
                    "The home is empty and for sale: own home until 31 December {}.",
                    a.year() + sale_years
                ),
            ),
            "Wet IB 2001 art. 3.111 lid 2",
        );
    }
    in_box3(home, input, d)
}

/// Lid 1 and 9: the spouse at home keeps it an eigen woning; after "duurzaam gescheiden" with
/// reading PO-8 only for two years (lid 4).
fn partner_lives_there(
    home: &Home,
    input: &PlanInput,
    a: Date,
    d: Date,
) -> Option<HomeOnPeildatum> {
    if home.status != HomeStatus::Partner {
        return None;
    }
    let gescheiden =
        input.aow.option == AowOption::Gescheiden && input.plan_readings.gescheiden_home_box3;
    let lid4_end = a
        .add_years(pp::HOME_EXPARTNER_YEARS.whole(d.year()))
        .unwrap_or(a);
    if !gescheiden {
        return Some(box1(
            Text::fixed(
                "Uw partner woont er: het huis blijft een eigen woning (box 1).",
                "Your partner lives there: the home stays an own home (box 1).",
            ),
            "Wet IB 2001 art. 3.111 lid 1",
        ));
    }
    (d < lid4_end).then(|| {
        box1(
            Text::owned(
                format!(
                    "Uw gescheiden levende partner woont er: eigen woning tot {}.",
                    lid4_end.long(crate::Lang::Nl)
                ),
                format!(
                    "Your separated spouse lives there: own home until {}.",
                    lid4_end.long(crate::Lang::En)
                ),
            ),
            "Wet IB 2001 art. 3.111 lid 4",
        )
    })
}

/// Box 3 at the WOZ value, or, when let on a regular tenancy, at the leegwaarderatio (IB 5.20
/// lid 3, UB IB 17a). A Leegstandwet letting counts at the full value (PO-2).
fn in_box3(home: &Home, input: &PlanInput, d: Date) -> HomeOnPeildatum {
    let woz = home.woz.0;
    let ratio_applies = match home.tenancy {
        Tenancy::Regular => true,
        Tenancy::Leegstandwet => input.plan_readings.leegstandwet_ratio,
        Tenancy::FixedTerm | Tenancy::Related => false,
    };
    let rent = home.rent.map(|r| r.0).unwrap_or_default();
    if let_on(home, d) && ratio_applies && woz > Decimal::ZERO {
        let share = rent * Decimal::from(12) / woz;
        let ratio = leegwaarderatio(share);
        return HomeOnPeildatum {
            status: "box3",
            value: crate::money::round_cents(ratio * woz),
            leegwaarderatio: Some(ratio),
            reason: Text::owned(
                format!(
                    "Verhuurd: in box 3 voor {}% van de WOZ-waarde (leegwaarderatio).",
                    ratio * Decimal::from(100)
                ),
                format!(
                    "Let: in box 3 at {}% of the WOZ value (leegwaarderatio).",
                    ratio * Decimal::from(100)
                ),
            ),
            article: pp::LEEGWAARDERATIO_ARTICLE.0,
            url: pp::LEEGWAARDERATIO_ARTICLE.1,
        };
    }
    let reason = if let_on(home, d) {
        Text::fixed(
            "Verhuurd, maar niet met gewone huurbescherming: in box 3 voor de hele WOZ-waarde.",
            "Let, but not on a regular tenancy: in box 3 at the full WOZ value.",
        )
    } else {
        Text::fixed(
            "Geen eigen woning meer: het huis telt in box 3 voor de WOZ-waarde.",
            "No longer an own home: the home counts in box 3 at its WOZ value.",
        )
    };
    HomeOnPeildatum {
        status: "box3",
        value: woz,
        leegwaarderatio: None,
        reason,
        article: "Wet IB 2001 art. 3.111, 5.20",
        url: URL_3111,
    }
}

/// UB IB 17a lid 2: the ratio of the highest row whose lower bound the rent share exceeds.
pub fn leegwaarderatio(rent_share: Decimal) -> Decimal {
    let mut ratio = Decimal::ONE;
    for (above, r) in pp::LEEGWAARDERATIO {
        let above: Decimal = above.parse().unwrap_or_default();
        if rent_share > above || above.is_zero() {
            ratio = r.parse().unwrap_or(Decimal::ONE);
        }
    }
    ratio
}

/// PO-1 default: 70% of the rent of the months in `t` in which the home is let while still an
/// eigen woning under lid 5 is box-1 income (IB 3.113), for the whole home.
pub fn letting_box1_income(home: &Home, input: &PlanInput, t: i32) -> Decimal {
    let (Some(from), Some(rent), Some(a)) = (home.let_from, home.rent, left(home, input)) else {
        return Decimal::ZERO;
    };
    if home.status != HomeStatus::Let || input.plan_readings.let_in_care_years_box3 {
        return Decimal::ZERO;
    }
    let care_end = a.add_years(pp::HOME_CARE_YEARS.whole(t)).unwrap_or(a);
    let months = (1..=12u8)
        .filter_map(|m| Date::new(t, m, 1))
        .filter(|m| *m >= from.first_of_month() && *m < care_end)
        .count();
    crate::money::round_cents(
        pp::TEMPORARY_LETTING_SHARE.dec(t) * rent.0 * Decimal::from(months as u32),
    )
}
