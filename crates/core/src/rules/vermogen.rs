//! **Vermogen and the vermogensinkomensbijtelling (VIB).** The assets of 1 January of the
//! peiljaar above the box-3 exemption count as vermogen (Blz 3.3.1.2 lid 1–2, Wet IB 9.4); a
//! one-off payment can be left out on request, and what exceeds one's own grondslag moves to
//! the spouse (lid 4). A share of it is added to the income (Blz 3.3.1.2a lid 3; spec §4.2–4.4).
//!
//! ```text
//! grondslag(x) = max(0, assets(x) − vrijstelling)                      per person (default)
//! vermogen(x)  = max(0, grondslag(x) − one_off(x) − moved(x) − extra(x))
//! VIB          = (Σ vermogen) × vib_rate
//! O-3 alternative: one grondslag for the couple, max(0, Σ assets − 2 × vrijstelling)
//! ```

use super::{asset_shares, d, Cite, Engine};
use crate::household::Role;
use crate::params::Article;
use crate::t;
use crate::text::Text;
use crate::trace::{c, Operand, Step, Terms};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[
    (Article::Blz3312, "lid 1"),
    (Article::Blz3312, "lid 2"),
    (Article::Blz3312a, "lid 3"),
    (Article::Blz3312a, ""),
    (Article::Ib94, "lid 1 c"),
];

/// The label of a one-off payment left out on request.
const ONE_OFF: Text = t!(
    "Eenmalige uitkeringen (op verzoek buiten het vermogen)",
    "One-off payments (left out on request)"
);

impl Engine<'_, '_> {
    /// Vermogen per person (or jointly, O-3 alternative) and the VIB. Returns the VIB.
    pub(crate) fn vermogen_and_vib(&mut self) -> Decimal {
        let h = self.h;
        let extra: Vec<bool> = h
            .members
            .iter()
            .map(|m| self.extra_vrijstelling_applies(m))
            .collect();
        self.asset_steps();
        let base = if self.h.is_couple() && self.h.input.readings.joint_vermogen_threshold {
            self.vermogen_joint(&extra)
        } else {
            self.vermogen_per_person(&extra)
        };
        self.vib(base)
    }

    /// Each person's assets on 1 January of the peiljaar (an input).
    fn asset_steps(&mut self) {
        let h = self.h;
        for m in h.members.iter() {
            let id = m.role.id("assets_client", "assets_partner");
            let label = match m.role {
                Role::Client => t!(
                    "Vermogen (rendementsgrondslag) op 1 januari van het peiljaar",
                    "Assets (box-3 base) on 1 January of the peiljaar"
                ),
                Role::Partner => t!(
                    "Vermogen van de partner op 1 januari van het peiljaar",
                    "Partner's assets on 1 January of the peiljaar"
                ),
            };
            self.input_step(id, label, m.assets);
        }
    }

    /// O-3 alternative: one threshold for the couple, then each spouse's part by assets.
    /// Returns the id of the step that holds the vermogen the VIB is taken of.
    fn vermogen_joint(&mut self, extra: &[bool]) -> &'static str {
        let p = self.p;
        self.read("O-3");
        self.t.calc(Step::new(
            "assets_total",
            t!("Vermogen samen", "Combined assets"),
            c::sum(smallvec![
                c::plus(self.op("assets_client")),
                c::plus(self.op("assets_partner")),
            ]),
        ));
        self.t.calc(
            Step::new(
                "vermogen_threshold_joint",
                t!(
                    "Vrijstelling voor het paar (2 × per persoon)",
                    "Exemption for the couple (2 × per person)"
                ),
                c::mul(
                    Operand::param(&p.vermogen_threshold_pp),
                    Operand::value(d(2)),
                ),
            )
            .cite(self.cite(Article::Ib94, "lid 1 c")),
        );
        self.t.calc(
            Step::new(
                "vermogensgrondslag_joint",
                t!(
                    "Vermogen boven de vrijstelling (samen)",
                    "Assets above the exemption (together)"
                ),
                c::sum_floor0(smallvec![
                    c::plus(self.op("assets_total")),
                    c::minus(self.op("vermogen_threshold_joint")),
                ]),
            )
            .cite(self.cite(Article::Blz3312, "lid 2"))
            .reading("O-3"),
        );
        let mut terms: Terms = smallvec![c::plus(self.op("vermogensgrondslag_joint"))];
        let h = self.h;
        let members = &h.members;
        for (i, m) in members.iter().enumerate() {
            if m.one_off > Decimal::ZERO {
                let id = m.role.id("one_off_client", "one_off_partner");
                self.input_step(id, ONE_OFF, m.one_off);
                terms.push(c::minus(self.op(id)));
            }
            if extra[i] {
                terms.push(c::minus(Operand::param(
                    p.extra_vrijstelling_pp.as_ref().expect("checked"),
                )));
            }
        }
        self.t.calc(
            Step::new(
                "vermogen_joint",
                t!(
                    "Vermogen dat meetelt (samen)",
                    "Assets that count (together)"
                ),
                c::sum_floor0(terms),
            )
            .cite(self.cite(Article::Blz3312, "lid 1"))
            .main(),
        );
        // Each spouse's part of the joint figure, in proportion to assets, for the
        // readings that need a personal vermogen (O-5, O-7, O-19 alternatives).
        let shares = asset_shares(members);
        for (i, m) in members.iter().enumerate() {
            self.t.calc(
                Step::new(
                    m.role.id("vermogen_client", "vermogen_partner"),
                    t!(
                        "Eigen deel van het vermogen dat meetelt (naar vermogen)",
                        "Own part of the assets that count (by assets)"
                    ),
                    c::mul(self.op("vermogen_joint"), Operand::value(shares[i])),
                )
                .reading("O-3"),
            );
        }
        "vermogen_joint"
    }

    /// The default: each person's own grondslag and vermogen, then their sum for a couple.
    /// Returns the id of the step that holds the vermogen the VIB is taken of.
    fn vermogen_per_person(&mut self, extra: &[bool]) -> &'static str {
        let grondslag = self.grondslag_per_person();
        let mut ids = Vec::new();
        for (i, &extra) in extra.iter().enumerate() {
            ids.push(self.vermogen_of(i, &grondslag, extra));
        }
        if !self.h.is_couple() {
            return ids[0];
        }
        self.t.calc(Step::new(
            "vermogen_total",
            t!("Vermogen dat meetelt, samen", "Assets that count, together"),
            c::sum(ids.iter().map(|id| c::plus(self.op(id))).collect()),
        ));
        "vermogen_total"
    }

    /// Each person's assets above the exemption (Blz 3.3.1.2 lid 2).
    fn grondslag_per_person(&mut self) -> [Decimal; 2] {
        let couple = self.h.is_couple();
        let mut grondslag = [Decimal::ZERO; 2];
        let h = self.h;
        for (i, m) in h.members.iter().enumerate() {
            let gid = m
                .role
                .id("vermogensgrondslag_client", "vermogensgrondslag_partner");
            let aid = m.role.id("assets_client", "assets_partner");
            let mut s = Step::new(
                gid,
                match m.role {
                    Role::Client => t!(
                        "Vermogen boven de vrijstelling",
                        "Assets above the exemption"
                    ),
                    Role::Partner => t!(
                        "Vermogen van de partner boven de vrijstelling",
                        "Partner's assets above the exemption"
                    ),
                },
                c::sum_floor0(smallvec![
                    c::plus(self.op(aid)),
                    c::minus(Operand::param(&self.p.vermogen_threshold_pp)),
                ]),
            )
            .cite(self.cite(Article::Blz3312, "lid 2"));
            if couple {
                s = s.reading("O-3");
                self.read("O-3");
            }
            grondslag[i] = self.t.calc(s);
        }
        grondslag
    }

    /// Member `i`'s vermogen: the grondslag minus one-off payments (lid 4: the part above one's
    /// own grondslag moves to the spouse) and the extra vrijstelling (Blz 3.3.1.2 lid 1).
    fn vermogen_of(&mut self, i: usize, grondslag: &[Decimal; 2], extra: bool) -> &'static str {
        let h = self.h;
        let members = &h.members;
        let m = &members[i];
        let gid = m
            .role
            .id("vermogensgrondslag_client", "vermogensgrondslag_partner");
        let mut terms: Terms = smallvec![c::plus(self.op(gid))];
        if m.one_off > Decimal::ZERO {
            let id = m.role.id("one_off_client", "one_off_partner");
            self.input_step(id, ONE_OFF, m.one_off.min(grondslag[i]));
            terms.push(c::minus(self.op(id)));
        }
        if self.h.is_couple() {
            let excess = (members[1 - i].one_off - grondslag[1 - i]).max(Decimal::ZERO);
            if excess > Decimal::ZERO {
                let id = m.role.id("one_off_moved_client", "one_off_moved_partner");
                self.input_step(
                    id,
                    t!(
                        "Deel van de eenmalige uitkering van de partner dat overblijft (lid 4)",
                        "Part of the spouse's one-off payment left over (lid 4)"
                    ),
                    excess,
                );
                terms.push(c::minus(self.op(id)));
            }
        }
        if extra {
            terms.push(c::minus(Operand::param(
                self.p.extra_vrijstelling_pp.as_ref().expect("checked"),
            )));
        }
        let id = m.role.id("vermogen_client", "vermogen_partner");
        let mut s = Step::new(
            id,
            match m.role {
                Role::Client => t!("Vermogen dat meetelt", "Assets that count"),
                Role::Partner => t!(
                    "Vermogen van de partner dat meetelt",
                    "Partner's assets that count"
                ),
            },
            c::sum_floor0(terms),
        )
        .cite(self.cite(Article::Blz3312, "lid 1"));
        if extra && m.role == Role::Partner {
            s = s.reading("O-8a");
        }
        if extra {
            s = s.note(t!(
                "Inclusief de extra vermogensvrijstelling (onder de AOW-leeftijd, alleen 2024 en 2025).",
                "Including the extra asset exemption (below state pension age, 2024 and 2025 only)."
            ));
        }
        self.t.calc(s);
        id
    }

    /// The vermogensinkomensbijtelling: a share of the vermogen counted as income
    /// (Blz 3.3.1.2a lid 3 in the years with the COT, the article itself after).
    fn vib(&mut self, base: &'static str) -> Decimal {
        let p = self.p;
        self.t.calc(
            Step::new(
                "vib",
                Text::borrowed(&self.h.labels.vib),
                c::mul(self.op(base), Operand::param(&p.vib_rate)),
            )
            .cite(self.cite(
                Article::Blz3312a,
                if p.cot.is_some() { "lid 3" } else { "" },
            ))
            .main(),
        )
    }
}
