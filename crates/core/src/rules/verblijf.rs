//! **The stay and the regime, in the trace.** Which regime applies is decided in
//! [`crate::regime`] (Blz 3.3.1.1, 3.3.2.1, 3.3.2.2 lid 1–2, 6–8); this module writes that
//! decision into the explanation: each stay's start period, the regime with its reason, and what
//! follows from it (a stay whose start period ends this year; a partner living along).
//!
//! ```text
//! start period = the first start_period_months of a stay (chained over gaps ≤ start_chain_gap_days,
//!                none after a recent stay at the hoge bijdrage: lid 7–8)
//! regime       = regime::decide(household, start periods)
//! ```

use super::{Cite, Engine};
use crate::engine::NoteKind;
use crate::household::Member;
use crate::input::Input;
use crate::params::{Article, YearParams};
use crate::regime::{self, Decision, Regime, StartPeriods};
use crate::t;
use crate::text::Text;
use crate::trace::{c, Calc, Operand, Step};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[(Article::Blz3321, ""), (Article::ZiPartnerverblijf, "")];

impl Engine<'_, '_> {
    /// One step per person in a stay: their start period (Blz 3.3.2.2 lid 1 a, 7, 8).
    pub(crate) fn start_period_steps(&mut self, sps: &StartPeriods, dec: &Decision, input: &Input) {
        let h = self.h;
        for m in h
            .members
            .iter()
            .filter(|m| regime::effective_form(m).is_stay())
        {
            self.start_period_step(m, sps, dec, input);
        }
    }

    fn start_period_step(&mut self, m: &Member, sps: &StartPeriods, dec: &Decision, input: &Input) {
        let p = self.p;
        let s = sps.get(m);
        let id = m.role.id("start_period_client", "start_period_partner");
        let mut step = Step::new(
            id,
            Text::borrowed(&self.h.labels.start_period),
            Calc::Decision,
        )
        .note(s.text.clone())
        .uses(&p.start_period_months)
        .cite(self.cite(Article::Blz3322, s.detail));
        if s.ends.is_some() {
            step = step
                .uses(&p.start_chain_gap_days)
                .uses(&p.lid7_window_months);
        }
        self.t.decide(step);
        if s.assumed && dec.regime == Regime::Hoge {
            self.note(
                NoteKind::Assumption,
                s.text.clone(),
                Some(self.cite(Article::Blz3322, s.detail)),
            );
        }
        let Some(end) = s.ends.filter(|_| s.in_start && dec.regime == Regime::Lage) else {
            return;
        };
        let mut later = input.clone();
        later.date = Some(end);
        if end.year() == p.year && regime_alone(&later, p) == Some(Regime::Hoge) {
            self.note(
                NoteKind::Info,
                Text::owned(
                    format!("Vanaf {end} geldt naar verwachting de hoge eigen bijdrage."),
                    format!("From {end} the high contribution is expected to apply."),
                ),
                Some(self.cite(Article::Blz3321, "")),
            );
        }
    }

    /// The regime with its reason and article, and the note on a partner living along.
    pub(crate) fn regime_step(&mut self, dec: &Decision) {
        for r in &dec.readings {
            self.read(r);
        }
        let mut step = Step::new(
            "regime",
            t!("Lage of hoge eigen bijdrage", "Low or high contribution"),
            Calc::Decision,
        )
        .note(dec.text.clone())
        .cite(self.cite(dec.reference.0, dec.reference.1))
        .main();
        for r in &dec.readings {
            step = step.reading(r);
        }
        self.t.decide(step);
        if dec.ground == "partner_without_care" && self.h.members.iter().any(|m| m.living_along) {
            self.note(
                NoteKind::Info,
                t!(
                    "De meeverhuizende partner telt in deze lezing als partner zonder zorg. Het CAK heeft dit niet bevestigd.",
                    "In this reading the partner living along counts as a partner without care. The CAK has not confirmed this."
                ),
                Some(self.cite(Article::ZiPartnerverblijf, "")),
            );
        }
    }

    /// No contribution: the amount is € 0 by the article that decided the regime.
    pub(crate) fn none_step(&mut self, dec: &Decision) -> &'static str {
        self.t.calc(
            Step::new(
                "none",
                t!("Geen eigen bijdrage", "No contribution"),
                c::sum(smallvec![c::plus(Operand::value(Decimal::ZERO))]),
            )
            .cite(self.cite(dec.reference.0, dec.reference.1))
            .main(),
        );
        "none"
    }
}

/// The regime alone for an input (used for look-ahead notes).
pub(crate) fn regime_alone(input: &Input, params: &'static YearParams) -> Option<Regime> {
    let h = crate::household::build_with(input, params).ok()?;
    // Only people in a stay have a start period; it is computed when the decision needs it.
    let sps = StartPeriods::new(&h);
    let sp = |m: &Member| sps.get(m);
    Some(regime::decide(&h, &sp).regime)
}
