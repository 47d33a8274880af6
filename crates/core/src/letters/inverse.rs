//! From the amount on a letter back to the bijdrageplichtig inkomen (letters.md §2.5): a
//! rounded, clamped amount gives an interval `[low, high)`, open at a clamp.
//!
//! ```text
//! LEB:  Mk = M (+ korting when mpt/pgb);  BI ∈ 120 × [Mk − 0,005; Mk + 0,005)
//!       at the minimum only BI < 120 × (min + 0,005); at the maximum only BI ≥ 120 × (max − 0,005)
//!       mpt/pgb: inkomen + VIB = BI + the income deduction                     Blz 3.3.2.4 lid 1
//! HEB:  BI ∈ 12 × [M − 0,005; M + 0,005); at the cap only BI ≥ 12 × (cap − 0,005);
//!       € 0 only BI_HEB < 0,06                                                   Blz 3.3.2.1 lid 2
//! ```

use crate::money::round_cents;
use crate::params::YearParams;
use crate::regime::Regime;
use rust_decimal::Decimal;
use serde::Serialize;

/// `[low, high)`; `None` is an open end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    fn shift(self, by: Decimal) -> Interval {
        Interval {
            low: self.low.map(|x| x + by),
            high: self.high.map(|x| x + by),
        }
    }

    fn scale(self, by: Decimal) -> Interval {
        Interval {
            low: self.low.map(|x| x * by),
            high: self.high.map(|x| x * by),
        }
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: Decimal) -> bool {
        self.low.is_none_or(|l| x >= l) && self.high.is_none_or(|h| x < h)
    }
}

/// What the amount says about the inkomen and the vermogen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inverse {
    /// The bijdrageplichtig inkomen that gives the amount.
    pub bi: Interval,
    /// mpt/pgb: inkomen plus VIB before the income deduction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inkomen_plus_vib: Option<Interval>,
}

/// The interval of BI behind monthly amount `m` of `regime` (a whole month).
pub fn inverse(p: &YearParams, regime: Regime, m: Decimal, thuis: bool) -> Inverse {
    let half = Decimal::new(5, 3);
    let around = |x: Decimal, times: i64| Interval {
        low: Some(round_cents((x - half) * Decimal::from(times))),
        high: Some(round_cents((x + half) * Decimal::from(times))),
    };
    match regime {
        Regime::Lage => {
            let korting = if thuis {
                p.thuis_korting_month.decimal
            } else {
                Decimal::ZERO
            };
            let mk = m + korting;
            let mut bi = around(mk, 120);
            if mk == p.leb_min_month.decimal {
                bi.low = None;
            }
            if mk == p.leb_max_month.decimal {
                bi.high = None;
            }
            let inkomen_plus_vib = thuis.then(|| bi.shift(p.thuis_income_deduction_year.decimal));
            Inverse {
                bi,
                inkomen_plus_vib,
            }
        }
        Regime::Hoge | Regime::Geen => {
            let mut bi = around(m, 12);
            if m == p.heb_max_month.decimal {
                bi.high = None;
            }
            if m.is_zero() {
                bi = Interval {
                    low: None,
                    high: Some(Decimal::new(6, 2)),
                };
            }
            Inverse {
                bi,
                inkomen_plus_vib: None,
            }
        }
    }
}

/// What the interval implies for one unknown when the other figures are the user's (§2.5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Implied {
    /// The inkomen, if the user's vermogen (VIB) is right.
    pub inkomen: Interval,
    /// The VIB, if the user's inkomen is right.
    pub vib: Interval,
    /// The vermogen (VIB / 4%) and the rendementsgrondslag of a single person.
    pub vermogen: Interval,
    pub rendementsgrondslag: Interval,
}

/// The implied inkomen and vermogen of an LEB amount, from the user's `inkomen` and `vib`.
pub fn implied(p: &YearParams, inv: &Inverse, inkomen: Decimal, vib: Decimal) -> Implied {
    let base = inv.inkomen_plus_vib.unwrap_or(inv.bi);
    let vib_iv = base.shift(-inkomen);
    let vermogen = vib_iv.scale(Decimal::ONE / p.vib_rate.decimal);
    Implied {
        inkomen: base.shift(-vib),
        vib: vib_iv,
        vermogen,
        rendementsgrondslag: vermogen.shift(p.vermogen_threshold_pp.decimal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn iv(low: Option<&str>, high: Option<&str>) -> Interval {
        Interval {
            low: low.map(d),
            high: high.map(d),
        }
    }

    fn p(y: i32) -> &'static YearParams {
        crate::params::for_year(y).unwrap()
    }

    #[test]
    fn worked_examples_e1_e2_e4() {
        // letters.md §5.1: € 337,68 ⇒ BI ∈ [40.521,00; 40.522,20).
        assert_eq!(
            inverse(p(2026), Regime::Lage, d("337.68"), false).bi,
            iv(Some("40521.00"), Some("40522.20"))
        );
        // §5.2: € 416,67 ⇒ [49.999,80; 50.001,00).
        assert_eq!(
            inverse(p(2026), Regime::Lage, d("416.67"), false).bi,
            iv(Some("49999.80"), Some("50001.00"))
        );
        // §5.4: pgb € 120,00 ⇒ BI [36.263,40; 36.264,60), inkomen + VIB [43.991,00; 43.992,20).
        let e4 = inverse(p(2026), Regime::Lage, d("120.00"), true);
        assert_eq!(e4.bi, iv(Some("36263.40"), Some("36264.60")));
        assert_eq!(
            e4.inkomen_plus_vib,
            Some(iv(Some("43991.00"), Some("43992.20")))
        );
        let im = implied(p(2026), &e4, d("30000"), d("321.92"));
        assert_eq!(im.inkomen, iv(Some("43669.08"), Some("43670.28")));
        assert_eq!(im.vib, iv(Some("13991.00"), Some("13992.20")));
        assert_eq!(im.vermogen, iv(Some("349775"), Some("349805")));
        assert_eq!(im.rendementsgrondslag, iv(Some("386727"), Some("386757")));
    }

    #[test]
    fn worked_example_e5_the_clamps() {
        // letters.md §5.5 (2026, then 2025).
        let leb = |y, m: &str, thuis| inverse(p(y), Regime::Lage, d(m), thuis);
        assert_eq!(leb(2026, "212.60", false).bi, iv(None, Some("25512.60")));
        assert_eq!(leb(2026, "1115.80", false).bi, iv(Some("133895.40"), None));
        assert_eq!(
            leb(2026, "30.40", true).inkomen_plus_vib,
            Some(iv(None, Some("33240.20")))
        );
        assert_eq!(
            leb(2026, "933.60", true).inkomen_plus_vib,
            Some(iv(Some("141623.00"), None))
        );
        assert_eq!(
            inverse(p(2026), Regime::Hoge, d("3061.80"), false).bi,
            iv(Some("36741.54"), None)
        );
        assert_eq!(leb(2025, "205.00", false).bi, iv(None, Some("24600.60")));
        assert_eq!(leb(2025, "1076.60", false).bi, iv(Some("129191.40"), None));
        assert_eq!(
            inverse(p(2025), Regime::Hoge, d("2954.40"), false).bi,
            iv(Some("35452.74"), None)
        );
        assert_eq!(
            inverse(p(2026), Regime::Hoge, d("0"), false).bi,
            iv(None, Some("0.06"))
        );
    }
}
