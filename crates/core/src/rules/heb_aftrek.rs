//! **The deductions of the hoge eigen bijdrage** (Regeling langdurige zorg hoofdstuk 4; the lid
//! numbers of 2022–2026 were not read, spec §2.4.3): the zak- en kleedgeld, the Zvw premium (with
//! a correction for zorgtoeslag), a fixed aftrekpost and an extra vrijlating above a threshold.
//!
//! ```text
//! zvw(x)     = min(max(nominal + zvw_rate × income(x), minimum at AOW age), maximum)   (Rlz 4.4)
//! zt_corr    = max(0, zt_corr − zt_rate × max(0, Σ income − zt_threshold))     (with zorgtoeslag)
//! X          = heb_a − zak- en kleedgeld − max(0, Σ zvw − zt_corr) − aftrekpost (O-20 couples)
//! vrijlating = vrijlating_rate × max(0, X − threshold(couple?, AOW?))
//! ```

use super::{Cite, Engine};
use crate::household::{Member, Role};
use crate::params::{Article, Param};
use crate::t;
use crate::text::Text;
use crate::trace::{c, Citation, Operand, Step, Terms};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[(Article::Rlz44, ""), (Article::RlzH4, "")];

impl Engine<'_, '_> {
    /// The Regeling's chapter on these deductions, for notes about them.
    pub(crate) fn rlz_h4(&self) -> Citation {
        self.cite(Article::RlzH4, "")
    }

    /// Every deduction after the tax, in the order of the Regeling; ends with the steps
    /// `heb_x` (what is left) and `vrijlating`.
    pub(crate) fn heb_deductions(&mut self) {
        let hp = &self.p.heb;
        let couple = self.h.is_couple();
        self.read("O-1");
        self.param_step(
            "zkg",
            if couple {
                &hp.zkg_year_married
            } else {
                &hp.zkg_year_single
            },
        );
        let h = self.h;
        let zvw_ids: Vec<&'static str> = h.members.iter().map(|m| self.zvw_of(m)).collect();
        let mut terms: Terms = zvw_ids.iter().map(|id| c::plus(self.op(id))).collect();
        if h.input.household.zorgtoeslag {
            self.zorgtoeslag_correction();
            terms.push(c::minus(self.op("zt_corr")));
        }
        self.t.calc(
            Step::new(
                "zvw",
                t!(
                    "Aftrek zorgverzekering, totaal",
                    "Health-insurance deduction, total"
                ),
                c::sum_floor0(terms),
            )
            .cite(self.cite(Article::Rlz44, ""))
            .main(),
        );
        self.aftrekpost();
        self.vrijlating();
    }

    /// One person's Zvw amount (Rlz art. 4.4): a minimum only at AOW age, a maximum for everyone.
    fn zvw_of(&mut self, m: &Member) -> &'static str {
        let hp = &self.p.heb;
        self.read("O-21");
        let inc = self.op(m.role.id("income_client", "income_partner"));
        let pct = m.role.id("zvw_pct_client", "zvw_pct_partner");
        self.t.calc(
            Step::new(
                pct,
                t!(
                    "Zorgverzekering: percentage van het inkomen",
                    "Health insurance: share of income"
                ),
                c::mul(inc, Operand::param(&hp.zvw_rate)),
            )
            .reading("O-21"),
        );
        let raw = m.role.id("zvw_raw_client", "zvw_raw_partner");
        self.t.calc(Step::new(
            raw,
            t!(
                "Zorgverzekering: vast bedrag plus percentage",
                "Health insurance: fixed amount plus share"
            ),
            c::sum(smallvec![
                c::plus(Operand::param(&hp.zvw_nominal)),
                c::plus(self.op(pct)),
            ]),
        ));
        let lo = match (m.aow, self.h.is_couple()) {
            (true, true) => Operand::param(&hp.zvw_min_aow_married_pp),
            (true, false) => Operand::param(&hp.zvw_min_aow_single),
            (false, _) => Operand::value(Decimal::ZERO),
        };
        let floor = m.role.id("zvw_floor_client", "zvw_floor_partner");
        self.t.calc(Step::new(
            floor,
            t!(
                "Zorgverzekering: niet minder dan het minimum",
                "Health insurance: not less than the minimum"
            ),
            c::max(vec![self.op(raw), lo]),
        ));
        let id = m.role.id("zvw_client", "zvw_partner");
        let label = match m.role {
            Role::Client => t!("Aftrek zorgverzekering", "Health-insurance deduction"),
            Role::Partner => t!(
                "Aftrek zorgverzekering van de partner",
                "Partner's health-insurance deduction"
            ),
        };
        self.t.calc(
            Step::new(
                id,
                label,
                c::min(vec![self.op(floor), Operand::param(&hp.zvw_max_pp)]),
            )
            .cite(self.cite(Article::Rlz44, "")),
        );
        id
    }

    /// With zorgtoeslag, part of the Zvw deduction is taken back, less as income rises.
    fn zorgtoeslag_correction(&mut self) {
        let hp = &self.p.heb;
        let h = self.h;
        let mut inc_terms: Terms = h
            .members
            .iter()
            .map(|m| c::plus(self.op(m.role.id("income_client", "income_partner"))))
            .collect();
        inc_terms.push(c::minus(Operand::param(&hp.zt_threshold)));
        self.t.calc(Step::new(
            "zt_excess",
            t!(
                "Inkomen boven de drempel (zorgtoeslag)",
                "Income above the threshold (zorgtoeslag)"
            ),
            c::sum_floor0(inc_terms),
        ));
        self.t.calc(Step::new(
            "zt_taper",
            t!("Afbouw van de correctie", "Taper of the correction"),
            c::mul(self.op("zt_excess"), Operand::param(&hp.zt_rate)),
        ));
        let base = if h.is_couple() {
            &hp.zt_corr_married
        } else {
            &hp.zt_corr_single
        };
        self.t.calc(
            Step::new(
                "zt_corr",
                t!("Correctie voor zorgtoeslag", "Correction for zorgtoeslag"),
                c::sum_floor0(smallvec![
                    c::plus(Operand::param(base)),
                    c::minus(self.op("zt_taper")),
                ]),
            )
            .cite(self.cite(Article::Rlz44, "")),
        );
    }

    /// The fixed aftrekpost: the AOW one when anyone has reached AOW age; O-20: once per
    /// household by default, per spouse as the alternative.
    fn aftrekpost(&mut self) {
        let hp = &self.p.heb;
        let h = self.h;
        let couple = h.is_couple();
        let of = |aow: bool| -> &'static Param {
            if aow {
                &hp.aftrekpost_aow
            } else {
                &hp.aftrekpost_non_aow
            }
        };
        if couple {
            self.read("O-20");
        }
        let terms: Terms = if couple && h.input.readings.aftrekpost_per_spouse {
            h.members
                .iter()
                .map(|m| c::plus(Operand::param(of(m.aow))))
                .collect()
        } else {
            smallvec![c::plus(Operand::param(of(h.members.iter().any(|m| m.aow))))]
        };
        let mut s = Step::new(
            "aftrekpost",
            t!(
                "Vaste aftrek (algemene korting)",
                "Fixed deduction (general allowance)"
            ),
            c::sum(terms),
        )
        .cite(self.cite(Article::RlzH4, ""))
        .main();
        if couple {
            s = s.reading("O-20");
        }
        self.t.calc(s);
    }

    /// What is left after the deductions, and the extra vrijlating of the part above a threshold.
    fn vrijlating(&mut self) {
        let hp = &self.p.heb;
        self.t.calc(
            Step::new(
                "heb_x",
                t!(
                    "Na zak- en kleedgeld, zorgverzekering en vaste aftrek",
                    "After personal allowance, health insurance and fixed deduction"
                ),
                c::sum(smallvec![
                    c::plus(self.op("heb_a")),
                    c::minus(self.op("zkg")),
                    c::minus(self.op("zvw")),
                    c::minus(self.op("aftrekpost")),
                ]),
            )
            .cite(self.cite(Article::RlzH4, "")),
        );
        let any_aow = self.h.members.iter().any(|m| m.aow);
        let threshold = match (self.h.is_couple(), any_aow) {
            (false, true) => &hp.vrijlating_threshold_single_aow,
            (false, false) => &hp.vrijlating_threshold_single_non_aow,
            (true, true) => &hp.vrijlating_threshold_couple_aow,
            (true, false) => &hp.vrijlating_threshold_couple_non_aow,
        };
        self.t.calc(Step::new(
            "vrijlating_base",
            t!(
                "Deel boven de drempel voor de extra vrijlating",
                "Part above the threshold for the extra allowance"
            ),
            c::sum_floor0(smallvec![
                c::plus(self.op("heb_x")),
                c::minus(Operand::param(threshold)),
            ]),
        ));
        self.t.calc(
            Step::new(
                "vrijlating",
                Text::borrowed(&self.h.labels.vrijlating),
                c::mul(
                    self.op("vrijlating_base"),
                    Operand::param(&hp.vrijlating_rate),
                ),
            )
            .cite(self.cite(Article::RlzH4, ""))
            .main(),
        );
    }
}
