//! **No income data at the CAK** (Blz 3.3.2.7 lid 1; spec §5.3). Until the CAK has the income
//! and asset data it charges a provisional amount: in 2024/2025 the LEB minimum for every
//! household (O-18: with or without the korting for care at home); from 2026 € 0 for the hoge
//! bijdrage and the minimum, minus the korting where it applies, for the lage.
//!
//! ```text
//! 2024/2025: minimum (− korting, O-18 alternative)
//! 2026:      hoge → 0;  lage → minimum − korting (thuis)
//! ```

use super::{Cite, Engine};
use crate::params::{Article, NoDataRule};
use crate::regime::Regime;
use crate::t;
use crate::trace::{c, Operand, Step, Terms};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[(Article::Blz3327, "lid 1")];

impl Engine<'_, '_> {
    /// The provisional amount without data (step `no_data`).
    pub(crate) fn no_data(&mut self, regime: Regime) -> Decimal {
        let p = self.p;
        let n_thuis = self.thuis();
        let rule = p.no_data;
        let minus_korting = n_thuis > 0
            && match rule {
                NoDataRule::HebZeroLebMinimum => true,
                NoDataRule::LebMinimum => {
                    self.read("O-18");
                    self.h.input.readings.no_data_korting_2024_2025
                }
            };
        let (label, terms): (_, Terms) =
            if rule == NoDataRule::HebZeroLebMinimum && regime == Regime::Hoge {
                (
                    t!(
                        "Het CAK heeft geen gegevens: voorlopig € 0",
                        "The CAK has no data: provisionally €0"
                    ),
                    smallvec![c::plus(Operand::value(Decimal::ZERO))],
                )
            } else {
                let mut terms: Terms = smallvec![c::plus(Operand::param(&p.leb_min_month))];
                if minus_korting {
                    terms.push(c::minus(Operand::param(&p.thuis_korting_month)));
                }
                (
                    t!(
                        "Het CAK heeft geen gegevens: voorlopig het minimum",
                        "The CAK has no data: provisionally the minimum"
                    ),
                    terms,
                )
            };
        let s = Step::new("no_data", label, c::sum(terms))
            .uses(&p.no_data_rule)
            .cite(self.cite(Article::Blz3327, "lid 1"))
            .main();
        self.t.calc(s)
    }
}
