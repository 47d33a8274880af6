//! An indicative betalingsregeling for a back-dated bill (letters.md §2.8, L-6): the CAK's
//! standard terms for the verdragsbijdrage, as an indication only ("het CAK beslist").
//!
//! ```text
//! total ≤ € 2.400 → at most 12 months, at least € 50 a month
//! total > € 2.400 → at most 24 months, at least € 100 a month
//! instalment = total / n rounded up to the cent; the last one takes the rest
//! ```

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The indicative spreading of a total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spreading {
    pub months: u32,
    pub instalment: Decimal,
    pub last: Decimal,
    /// The instalment plus the ongoing monthly contribution.
    pub monthly_burden: Decimal,
}

/// `total` spread with the verdragsbijdrage terms, next to the ongoing `monthly` amount.
pub fn spread(total: Decimal, monthly: Decimal) -> Option<Spreading> {
    if total <= Decimal::ZERO {
        return None;
    }
    let (mut n, floor) = if total <= Decimal::from(2400) {
        (12u32, Decimal::from(50))
    } else {
        (24u32, Decimal::from(100))
    };
    let up = |x: Decimal| x.round_dp_with_strategy(2, RoundingStrategy::AwayFromZero);
    let mut inst = up(total / Decimal::from(n));
    if inst < floor {
        inst = floor;
        let whole = (total / floor).round_dp_with_strategy(0, RoundingStrategy::AwayFromZero);
        n = u32::try_from(whole.mantissa()).unwrap_or(1).max(1);
    }
    let last = total - Decimal::from(n - 1) * inst;
    Some(Spreading {
        months: n,
        instalment: inst,
        last,
        monthly_burden: monthly + inst,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn worked_examples_e6_and_e6b() {
        // letters.md §5.6: 1.238,88 over 12 months = 103,24; with 95,07 ongoing: 198,31.
        let e6 = spread(d("1238.88"), d("95.07")).unwrap();
        assert_eq!(
            (e6.months, e6.instalment, e6.last, e6.monthly_burden),
            (12, d("103.24"), d("103.24"), d("198.31"))
        );
        // §5.7: 12.144,54 over 24 months: 506,03, the last 505,85; with 3.061,80: 3.567,83.
        let e6b = spread(d("12144.54"), d("3061.80")).unwrap();
        assert_eq!(
            (e6b.months, e6b.instalment, e6b.last, e6b.monthly_burden),
            (24, d("506.03"), d("505.85"), d("3567.83"))
        );
    }

    #[test]
    fn a_small_total_keeps_the_minimum_instalment() {
        // Hand-computed: 130 / 12 = 10,84 < 50 → 50 a month, 3 months, the last 30.
        let s = spread(d("130"), Decimal::ZERO).unwrap();
        assert_eq!((s.months, s.instalment, s.last), (3, d("50"), d("30")));
    }
}
