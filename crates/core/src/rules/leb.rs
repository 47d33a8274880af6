//! **Lage eigen bijdrage (LEB).** A share of the bijdrageplichtig inkomen, per month, between a
//! minimum and a maximum; with care at home (mpt, pgb) a fixed amount comes off the income and a
//! korting off the amount (Blz 3.3.2.2 lid 1–5; the income of 3.3.2.4 lid 1, in 2024/2025 of
//! 3.3.2.4a; spec §5.1).
//!
//! ```text
//! BI  = Σ inkomen + VIB − COT(verzekerde) ± COT(spouse, O-6) − thuis_deduction
//! LEB = clamp(BI × leb_rate / 12, minimum, maximum) − korting (thuis; per spouse, O-10)
//! mpt ≤ 20 hours a month (lid 5): provisionally minimum − korting
//! ```

use super::{d, Cite, Engine};
use crate::household::Form;
use crate::params::Article;
use crate::regime;
use crate::t;
use crate::text::Text;
use crate::trace::{c, Operand, Step, Terms};
use smallvec::smallvec;

pub const CITES: &[Cite] = &[
    (Article::Blz3322, "lid 1–2"),
    (Article::Blz3322, "lid 3"),
    (Article::Blz3322, "lid 4"),
    (Article::Blz3322, "lid 5"),
    (Article::Blz3324, "lid 1"),
    (Article::Blz3324a, ""),
];

impl Engine<'_, '_> {
    /// The LEB. Returns the id of the step holding the exact monthly amount.
    pub(crate) fn leb(&mut self) -> &'static str {
        let n_thuis = self.thuis();
        if n_thuis > 1 {
            self.read("O-10");
        }
        if self.mpt_le20h() {
            return self.leb_mpt_20h();
        }
        self.income_steps();
        let vib = self.vermogen_and_vib();
        let cot = self.cot(vib);
        self.bi_leb(cot, n_thuis);
        self.leb_clamped();
        if n_thuis == 0 {
            return "leb_clamped";
        }
        self.leb_after_korting(n_thuis)
    }

    /// How many members have care at home whose deduction and korting apply (Blz 3.3.2.2
    /// lid 4, 3.3.2.4 lid 1). O-9: by default only when care at home is the household's top form.
    pub(crate) fn thuis(&mut self) -> usize {
        let tops: Vec<Form> = self.h.members.iter().map(regime::effective_form).collect();
        let with_thuis = tops.iter().filter(|f| f.has_thuis_korting()).count();
        if with_thuis == 0 {
            return 0;
        }
        if !household_top(&tops).has_thuis_korting() {
            self.read("O-9");
            if self.h.input.readings.thuis_only_if_top_form {
                return 0;
            }
        }
        with_thuis
    }

    /// The provisional mpt ≤ 20 hours amount applies (Blz 3.3.2.2 lid 5).
    fn mpt_le20h(&self) -> bool {
        let h = self.h;
        let tops: Vec<Form> = h.members.iter().map(regime::effective_form).collect();
        household_top(&tops) == Form::Mpt
            && h.members
                .iter()
                .filter(|m| regime::effective_form(m) == Form::Mpt)
                .all(|m| m.mpt_max_20_hours)
            && !h.input.household.wmo_maatwerkvoorziening
            && !h
                .members
                .iter()
                .any(|m| m.forms.contains(&Form::Pgb) || m.forms.contains(&Form::Dtv))
    }

    /// Lid 5: the provisional amount for mpt of at most 20 hours a month.
    fn leb_mpt_20h(&mut self) -> &'static str {
        let p = self.p;
        self.t.calc(
            Step::new(
                "leb_mpt_20h",
                t!("Voorlopige bijdrage bij mpt van hoogstens 20 uur per maand: minimum min korting", "Provisional amount for mpt of at most 20 hours a month: minimum minus korting"),
                c::sum(smallvec![c::plus(Operand::param(&p.leb_min_month)), c::minus(Operand::param(&p.thuis_korting_month))]),
            )
            .cite(self.cite(Article::Blz3322, "lid 5"))
            .note(t!("Het CAK stelt het definitieve bedrag binnen 6 maanden vast. Was de zorg meer dan 20 uur? Dan geldt de gewone berekening.", "The CAK sets the final amount within 6 months; if care exceeded 20 hours, the ordinary calculation applies."))
            .main(),
        );
        "leb_mpt_20h"
    }

    /// The member whose COT is deducted (the verzekerde: the one with the heavier care form);
    /// the spouse's COT is added or deducted by reading O-6.
    fn verzekerde_index(&self) -> usize {
        match self.h.partner() {
            Some(q)
                if regime::effective_form(q).rank()
                    < regime::effective_form(self.h.client()).rank() =>
            {
                1
            }
            _ => 0,
        }
    }

    /// The bijdrageplichtig inkomen of the LEB (Blz 3.3.2.4 lid 1; 3.3.2.4a with the COT).
    fn bi_leb(&mut self, cot: [Option<&'static str>; 2], n_thuis: usize) {
        let p = self.p;
        let mut terms: Terms = smallvec![c::plus(self.op("income_client"))];
        if self.h.is_couple() {
            terms.push(c::plus(self.op("income_partner")));
        }
        terms.push(c::plus(self.op("vib")));
        let verz = self.verzekerde_index();
        let mut readings = Vec::new();
        for (i, id) in cot.iter().enumerate() {
            let Some(id) = id else { continue };
            if i != verz && self.h.input.readings.spouse_cot_added {
                terms.push(c::plus(self.op(id)));
            } else {
                terms.push(c::minus(self.op(id)));
            }
            if i != verz {
                readings.push("O-6");
                self.read("O-6");
            }
        }
        if n_thuis > 0 {
            terms.push(c::minus(Operand::param(&p.thuis_income_deduction_year)));
        }
        let (article, detail) = if p.cot.is_some() {
            (Article::Blz3324a, "")
        } else {
            (Article::Blz3324, "lid 1")
        };
        let mut s = Step::new(
            "bi_leb",
            t!("Bijdrageplichtig inkomen", "Contribution income"),
            c::sum(terms),
        )
        .cite(self.cite(article, detail))
        .main();
        for r in readings {
            s = s.reading(r);
        }
        if n_thuis > 0 {
            s = s.note(t!(
                "Met mpt of pgb gaat er een vast bedrag van het inkomen af.",
                "With mpt or pgb a fixed amount is deducted from income."
            ));
        }
        self.t.calc(s);
    }

    /// The yearly share of the income, per month, between the minimum and the maximum
    /// (Blz 3.3.2.2 lid 1–3).
    fn leb_clamped(&mut self) {
        let p = self.p;
        self.t.calc(
            Step::new(
                "leb_year",
                Text::borrowed(&self.h.labels.leb_year),
                c::mul(self.op("bi_leb"), Operand::param(&p.leb_rate)),
            )
            .cite(self.cite(Article::Blz3322, "lid 1–2"))
            .main(),
        );
        self.t.calc(
            Step::new(
                "leb_raw",
                t!("Per maand (÷ 12)", "Per month (÷ 12)"),
                c::div(self.op("leb_year"), Operand::value(d(12))),
            )
            .cite(self.cite(Article::Blz3322, "lid 1–2"))
            .main(),
        );
        self.t.calc(
            Step::new(
                "leb_at_least_min",
                t!("Niet minder dan het minimum", "Not less than the minimum"),
                c::max(vec![self.op("leb_raw"), Operand::param(&p.leb_min_month)]),
            )
            .cite(self.cite(Article::Blz3322, "lid 3"))
            .main(),
        );
        self.t.calc(
            Step::new(
                "leb_clamped",
                t!("Niet meer dan het maximum", "Not more than the maximum"),
                c::min(vec![
                    self.op("leb_at_least_min"),
                    Operand::param(&p.leb_max_month),
                ]),
            )
            .cite(self.cite(Article::Blz3322, "lid 3"))
            .main(),
        );
    }

    /// The korting for care at home (Blz 3.3.2.2 lid 4), once per household or, under O-10's
    /// alternative, per spouse with care at home.
    fn leb_after_korting(&mut self, n_thuis: usize) -> &'static str {
        let times = if n_thuis > 1 && self.h.input.readings.korting_per_spouse {
            n_thuis
        } else {
            1
        };
        let mut terms: Terms = smallvec![c::plus(self.op("leb_clamped"))];
        for _ in 0..times {
            terms.push(c::minus(Operand::param(&self.p.thuis_korting_month)));
        }
        let mut s = Step::new(
            "leb_after_korting",
            t!(
                "Min de korting voor mpt of pgb",
                "Minus the korting for mpt or pgb"
            ),
            c::sum(terms),
        )
        .cite(self.cite(Article::Blz3322, "lid 4"))
        .main();
        if n_thuis > 1 {
            s = s.reading("O-10");
        }
        self.t.calc(s);
        "leb_after_korting"
    }
}

/// The household's heaviest care form (the lowest rank).
pub(crate) fn household_top(tops: &[Form]) -> Form {
    tops.iter()
        .copied()
        .min_by_key(|f| f.rank())
        .unwrap_or(Form::None)
}
