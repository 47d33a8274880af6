//! **Compensatie vervallen ouderentoeslag (COT)**, 2024 and 2025 only. A person at state pension
//! age whose income, minus a share of their box-3 base, stays under a limit gets part of the
//! VIB back (Blz 3.3.1.2a lid 1–2; the income test of Blz 3.3.2.3 lid 1 b 4°/5° and 3.3.2.4a;
//! the grondslag sparen en beleggen of Wet IB 5.2; spec §4.5).
//!
//! ```text
//! GSB(x)   = max(0, assets − heffingvrij vermogen)         (a couple: jointly, shared by assets)
//! pct(x)   = cot_rate × max(0, GSB(x) − one_off − extra)   (O-4: rate before the deductions)
//! test(x)  = income(x) − pct(x)                            (O-7: rate × vermogen instead)
//! COT(x)   = test(x) < limit ? min(pct(x) + VIB, cot_max) : 0   (O-5: own share of the VIB)
//! ```

use super::{asset_shares, Cite, Engine};
use crate::engine::{Note, NoteKind};
use crate::household::{Member, Role};
use crate::input::Input;
use crate::params::{Article, CotParams, YearParams};
use crate::t;
use crate::text::Text;
use crate::trace::Citation;
use crate::trace::{c, Calc, Operand, Step, Terms};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[
    (Article::Ib52, ""),
    (Article::Blz3323, "lid 1 b 4°/5°"),
    (Article::Blz3312a, "lid 1–2"),
    (Article::CotOvergang, ""),
];

impl Engine<'_, '_> {
    /// Computes the COT test and amount for each member where it applies.
    /// Returns per member `Some(step id of the COT)` when it applies.
    pub(crate) fn cot(&mut self, vib: Decimal) -> [Option<&'static str>; 2] {
        let mut out = [None, None];
        let Some(cp) = self.p.cot.as_ref() else {
            return out;
        };
        let h = self.h;
        if !h.members.iter().any(|m| m.aow) {
            return out;
        }
        self.read("O-4");
        self.read("O-5");
        self.read("O-7");
        self.gsb_joint(cp);
        let shares = asset_shares(&h.members);
        for (i, m) in h.members.iter().enumerate().filter(|(_, m)| m.aow) {
            self.gsb_own(cp, m, shares[i]);
            let pct_id = self.cot_pct(cp, m);
            if self.cot_test(cp, m, pct_id) {
                out[i] = Some(self.cot_amount(cp, m, pct_id, vib));
            }
        }
        out
    }

    /// A couple's grondslag sparen en beleggen (Wet IB 5.2): the joint excess over twice the
    /// heffingvrij vermogen.
    fn gsb_joint(&mut self, cp: &'static CotParams) {
        if self.h.is_couple() {
            self.t.calc(
                Step::new(
                    "gsb_joint",
                    t!(
                        "Grondslag sparen en beleggen, samen",
                        "Box-3 taxable base, together"
                    ),
                    c::sum_floor0(smallvec![
                        c::plus(self.op("assets_client")),
                        c::plus(self.op("assets_partner")),
                        c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                        c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                    ]),
                )
                .cite(self.cite(Article::Ib52, "")),
            );
        }
    }

    /// One person's grondslag sparen en beleggen: for a couple their share of the joint one,
    /// in proportion to assets.
    fn gsb_own(&mut self, cp: &'static CotParams, m: &Member, share: Decimal) {
        let gsb_id = m.role.id("gsb_client", "gsb_partner");
        let step = if self.h.is_couple() {
            Step::new(
                gsb_id,
                t!(
                    "Eigen deel van de grondslag sparen en beleggen (naar vermogen)",
                    "Own share of the box-3 taxable base (by assets)"
                ),
                c::mul(self.op("gsb_joint"), Operand::value(share)),
            )
        } else {
            Step::new(
                gsb_id,
                t!("Grondslag sparen en beleggen", "Box-3 taxable base"),
                c::sum_floor0(smallvec![
                    c::plus(self.op(m.role.id("assets_client", "assets_partner"))),
                    c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                ]),
            )
        };
        self.t.calc(step.cite(self.cite(Article::Ib52, "")));
    }

    /// The rate of the grondslag after its deductions (a: one-off payments; b: the extra
    /// vrijstelling). O-4: by default the deductions come before the rate. Returns the step id.
    fn cot_pct(&mut self, cp: &'static CotParams, m: &Member) -> &'static str {
        let words = self.h.labels.cot.as_ref().expect("a year with the COT");
        let gsb_id = m.role.id("gsb_client", "gsb_partner");
        let mut deductions = Vec::new();
        if m.one_off > Decimal::ZERO {
            deductions.push(Operand::value(m.one_off));
        }
        if self.extra_vrijstelling_applies(m) {
            deductions.push(Operand::param(
                self.p.extra_vrijstelling_pp.as_ref().expect("checked"),
            ));
        }
        let pct_id = m.role.id("cot_pct_client", "cot_pct_partner");
        if self.h.input.readings.cot_grouping_outside {
            let gross = m.role.id("cot_gsb_pct_client", "cot_gsb_pct_partner");
            self.t.calc(Step::new(
                gross,
                Text::borrowed(&words.gsb_pct),
                c::mul(self.op(gsb_id), Operand::param(&cp.cot_rate)),
            ));
            let mut terms: Terms = smallvec![c::plus(self.op(gross))];
            terms.extend(deductions.into_iter().map(c::minus));
            self.t.calc(
                Step::new(
                    pct_id,
                    Text::borrowed(&words.pct_minus_deductions),
                    c::sum_floor0(terms),
                )
                .reading("O-4"),
            );
        } else {
            let adj = m.role.id("gsb_adj_client", "gsb_adj_partner");
            let mut terms: Terms = smallvec![c::plus(self.op(gsb_id))];
            terms.extend(deductions.into_iter().map(c::minus));
            self.t.calc(
                Step::new(
                    adj,
                    t!("Grondslag na aftrekken", "Base after deductions"),
                    c::sum_floor0(terms),
                )
                .reading("O-4"),
            );
            self.t.calc(Step::new(
                pct_id,
                Text::borrowed(&words.pct_after_deductions),
                c::mul(self.op(adj), Operand::param(&cp.cot_rate)),
            ));
        }
        pct_id
    }

    /// The income test (Blz 3.3.2.3 lid 1 b 4°/5°, 3.3.2.4a): income minus the rate of the base
    /// under the limit (O-7: of the vermogen instead). Returns whether the COT applies.
    fn cot_test(&mut self, cp: &'static CotParams, m: &Member, pct_id: &'static str) -> bool {
        let words = self.h.labels.cot.as_ref().expect("a year with the COT");
        let test_id = m.role.id("cot_test_client", "cot_test_partner");
        let income_id = m.role.id("income_client", "income_partner");
        let test_term = if self.h.input.readings.cot_test_on_vermogen {
            let vid = m.role.id("vermogen_client", "vermogen_partner");
            let v = self.t.value(vid).unwrap_or(Decimal::ZERO);
            let id = m
                .role
                .id("cot_test_vermogen_client", "cot_test_vermogen_partner");
            self.t.calc(
                Step::new(
                    id,
                    Text::borrowed(&words.test_vermogen),
                    c::mul(Operand::step(vid, v), Operand::param(&cp.cot_rate)),
                )
                .reading("O-7"),
            );
            self.op(id)
        } else {
            self.op(pct_id)
        };
        let test = self.t.calc(
            Step::new(
                test_id,
                Text::borrowed(&words.test),
                c::sum(smallvec![c::plus(self.op(income_id)), c::minus(test_term)]),
            )
            .cite(self.cite(Article::Blz3323, "lid 1 b 4°/5°"))
            .reading("O-7"),
        );
        let applies = test < cp.cot_income_limit.decimal;
        self.t.decide(
            Step::new(
                m.role.id("cot_applies_client", "cot_applies_partner"),
                t!(
                    "Compensatie vervallen ouderentoeslag",
                    "Compensation for the abolished elderly allowance"
                ),
                Calc::Decision,
            )
            .uses(&cp.cot_income_limit)
            .cite(self.cite(Article::Blz3312a, "lid 1–2"))
            .note(test_outcome(applies, m.role)),
        );
        applies
    }

    /// The COT: the rate of the base plus the VIB (O-5: one's own share of it), at most the
    /// maximum per person (Blz 3.3.1.2a lid 1–2). Returns the step id.
    fn cot_amount(
        &mut self,
        cp: &'static CotParams,
        m: &Member,
        pct_id: &'static str,
        vib: Decimal,
    ) -> &'static str {
        let words = self.h.labels.cot.as_ref().expect("a year with the COT");
        let vib_operand = if self.h.input.readings.cot_own_vib_share && self.h.is_couple() {
            let vid = m.role.id("vermogen_client", "vermogen_partner");
            let v = self.t.value(vid).unwrap_or(Decimal::ZERO);
            let id = m.role.id("vib_own_client", "vib_own_partner");
            self.t.calc(
                Step::new(
                    id,
                    t!(
                        "Eigen deel van de vermogensinkomensbijtelling",
                        "Own share of the notional asset income"
                    ),
                    c::mul(Operand::step(vid, v), Operand::param(&self.p.vib_rate)),
                )
                .reading("O-5"),
            );
            self.op(id)
        } else {
            Operand::step("vib", vib)
        };
        let raw = m.role.id("cot_raw_client", "cot_raw_partner");
        self.t.calc(
            Step::new(
                raw,
                Text::borrowed(&words.raw),
                c::sum(smallvec![c::plus(self.op(pct_id)), c::plus(vib_operand)]),
            )
            .reading("O-5"),
        );
        let id = m.role.id("cot_client", "cot_partner");
        let label = match m.role {
            Role::Client => &words.client,
            Role::Partner => &words.partner,
        };
        self.t.calc(
            Step::new(
                id,
                Text::borrowed(label),
                c::min(vec![self.op(raw), Operand::param(&cp.cot_max_pp)]),
            )
            .cite(self.cite(Article::Blz3312a, "lid 1–2"))
            .main(),
        );
        id
    }
}

/// What the income test means for this person.
fn test_outcome(applies: bool, role: Role) -> Text {
    match (applies, role) {
        (true, Role::Client) => t!(
            "De toets ligt onder de inkomensgrens: u krijgt de compensatie.",
            "The test is below the income limit: you get the compensation."
        ),
        (true, Role::Partner) => t!(
            "De toets ligt onder de inkomensgrens: uw partner krijgt de compensatie.",
            "The test is below the income limit: your partner gets the compensation."
        ),
        (false, Role::Client) => t!(
            "De toets ligt niet onder de inkomensgrens: geen compensatie.",
            "The test is not below the income limit: no compensation."
        ),
        (false, Role::Partner) => t!(
            "De toets ligt niet onder de inkomensgrens: geen compensatie voor uw partner.",
            "The test is not below the income limit: no compensation for your partner."
        ),
    }
}

/// O-2: in a year without the COT that follows a year with it (2026 after 2025), whether this
/// household's figures would have given a COT under last year's rules. Stb. 2025, 255 very
/// probably keeps a reduced COT in 2026 for people who had it in 2025 (spec §8 O-2); its size is
/// unknown, so the estimate only says so. The same income and assets are used (the household's
/// own figures of last year are not asked); dates and stays are left out, as the COT does not
/// depend on them.
pub(crate) fn had_cot_under_last_years_rules(input: &Input, params: &'static YearParams) -> bool {
    let Some(last) = crate::params::for_year(params.year - 1) else {
        return false;
    };
    let could = params.cot.is_none()
        && last.cot.is_some()
        && [Some(&input.client), input.partner.as_ref()]
            .into_iter()
            .flatten()
            .any(|p| p.assets.is_some_and(|a| a.0 > Decimal::ZERO));
    if !could {
        return false;
    }
    let mut then = input.clone();
    then.year = last.year;
    then.date = None;
    then.days = None;
    for p in [Some(&mut then.client), then.partner.as_mut()]
        .into_iter()
        .flatten()
    {
        p.stay = None;
        // A year earlier the person was a year younger (a date of birth says so by itself).
        p.age = p.age.map(|a| a.saturating_sub(1));
    }
    crate::engine::estimate_one(&then, last).is_ok_and(|e| {
        e.steps.iter().any(|s| {
            matches!(s.id, "cot_client" | "cot_partner")
                && s.amount.is_some_and(|a| a > Decimal::ZERO)
        })
    })
}

pub(crate) fn transitional_cot_note(params: &'static YearParams) -> Note {
    let (y, last) = (params.year, params.year - 1);
    Note {
        kind: NoteKind::Assumption,
        text: Text::owned(
            format!("Met de regels van {last} zou u compensatie voor de vervallen ouderentoeslag krijgen. Die regeling is in {y} afgeschaft. Wie de compensatie in {last} had, krijgt in {y} waarschijnlijk nog een deel. Hoeveel is nog niet bekend. Dat deel zit niet in deze berekening. Uw echte bijdrage kan daardoor lager zijn."),
            format!("Under the {last} rules you would get the compensation for the abolished elderly allowance. It was abolished in {y}. People who had it in {last} very probably keep part of it in {y}, of a size not yet known. That part is not in this estimate, so your real contribution may be lower."),
        ),
        reference: Some(Citation::new(params.reference(Article::CotOvergang), "")),
    }
}
