//! Zorgtoeslag (Wet op de zorgtoeslag art. 2–3; planner.md §P.5.4): the amount for the AOW
//! comparison, and the entitlement on 1 January of a peiljaar that the Rlz correction of the
//! HEB needs (PO-15).
//!
//! ```text
//! normpremie  = pct × drempelinkomen + 13,73% × max(0, toetsingsinkomen − drempelinkomen)
//! zorgtoeslag = max(0, standaardpremie × (2 with a toeslagpartner, else 1) − normpremie)
//! none when the RG on 1 January exceeds the vermogensgrens or the income the income limit
//! ```

use super::params as pp;
use crate::money::round_cents;
use rust_decimal::Decimal;

/// Entitled to zorgtoeslag in year `t` (PO-15 default): household RG and income within the
/// limits of that year.
pub fn entitled(t: i32, partners: bool, rg: Decimal, income: Decimal) -> bool {
    let (grens, limit) = if partners {
        (
            pp::ZT_VERMOGENSGRENS_PARTNERS.dec(t),
            pp::ZT_INCOME_LIMIT_PARTNERS.dec(t),
        )
    } else {
        (
            pp::ZT_VERMOGENSGRENS_SINGLE.dec(t),
            pp::ZT_INCOME_LIMIT_SINGLE.dec(t),
        )
    };
    rg <= grens && income <= limit
}

/// The zorgtoeslag of a year for a household (Wzt art. 2 lid 1–3), rounded to cents.
pub fn per_year(t: i32, partners: bool, rg: Decimal, toetsingsinkomen: Decimal) -> Decimal {
    if !entitled(t, partners, rg, toetsingsinkomen) {
        return Decimal::ZERO;
    }
    let drempel = pp::ZT_DREMPELINKOMEN.dec(t);
    let (pct, n) = if partners {
        (pp::ZT_PCT_PARTNER.dec(t), Decimal::TWO)
    } else {
        (pp::ZT_PCT_SINGLE.dec(t), Decimal::ONE)
    };
    let normpremie =
        pct * drempel + pp::ZT_PCT_AFBOUW.dec(t) * (toetsingsinkomen - drempel).max(Decimal::ZERO);
    round_cents((pp::ZT_STANDAARDPREMIE.dec(t) * n - normpremie).max(Decimal::ZERO))
}
