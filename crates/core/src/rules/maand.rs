//! **The monthly amount, part of a month and the split between spouses** (Blz 3.3.2.9; spec
//! §5.4–5.5). The amount is rounded half-up to cents (O-16); for part of a month it is the yearly
//! amount times the days over 365 (lid 2); a couple's amount is shared by income (lid 3, O-19).
//!
//! ```text
//! monthly = round(exact)
//! due     = round(monthly × 12 × days / 365)          (O-16 alternative: from the exact amount)
//! client  = round(monthly × income(c) / Σ income);  partner = monthly − client
//!           (O-19 alternative: income + vib_rate × vermogen as the weight)
//! ```

use super::{d, Cite, Engine};
use crate::engine::Split;
use crate::household::Member;
use crate::params::Article;
use crate::t;
use crate::text::Text;
use crate::trace::{c, Operand, Step};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[(Article::Blz3329, "lid 2"), (Article::Blz3329, "lid 3")];

impl Engine<'_, '_> {
    /// Rounds the exact amount in step `exact_id`, and adds the part-month amount and the split.
    pub(crate) fn finish(
        &mut self,
        exact_id: &'static str,
    ) -> (Decimal, Option<Decimal>, Option<Split>) {
        let monthly = self.t.calc(
            Step::new(
                "monthly",
                t!(
                    "Eigen bijdrage per maand (afgerond op centen)",
                    "Own contribution per month (rounded to cents)"
                ),
                c::round(self.op(exact_id)),
            )
            .reading("O-16")
            .main(),
        );
        self.read("O-16");
        let due = self
            .h
            .input
            .days
            .map(|days| self.part_month(exact_id, days));
        let split = self.h.partner().map(|q| self.split(monthly, q));
        (monthly, due, split)
    }

    /// Lid 2: the amount for `days` days of a month.
    fn part_month(&mut self, exact_id: &'static str, days: i64) -> Decimal {
        let from = if self.h.input.readings.partial_from_exact {
            exact_id
        } else {
            "monthly"
        };
        self.t.calc(Step::new(
            "due_year",
            t!("Maandbedrag × 12", "Monthly amount × 12"),
            c::mul(self.op(from), Operand::value(d(12))),
        ));
        self.t.calc(Step::new(
            "due_days",
            Text::owned(format!("× {days} dagen"), format!("× {days} days")),
            c::mul(self.op("due_year"), Operand::value(d(days))),
        ));
        self.t.calc(
            Step::new(
                "due_exact",
                Text::borrowed(&self.h.labels.due_exact),
                c::div(
                    self.op("due_days"),
                    Operand::param(&self.p.partial_month_days_per_year),
                ),
            )
            .cite(self.cite(Article::Blz3329, "lid 2")),
        );
        self.t.calc(
            Step::new(
                "due",
                t!(
                    "Bedrag voor deze dagen (afgerond)",
                    "Amount for these days (rounded)"
                ),
                c::round(self.op("due_exact")),
            )
            .cite(self.cite(Article::Blz3329, "lid 2"))
            .reading("O-16")
            .main(),
        )
    }

    /// Lid 3: each spouse's share of a couple's amount, in proportion to income (O-19).
    fn split(&mut self, monthly: Decimal, partner: &Member) -> Split {
        self.read("O-19");
        let (wc, wq) = (
            self.split_weight(self.h.client()),
            self.split_weight(partner),
        );
        let share = if (wc + wq).is_zero() {
            Decimal::new(5, 1)
        } else {
            wc / (wc + wq)
        };
        let client = self.t.calc(
            Step::new(
                "split_client",
                t!(
                    "Deel van de cliënt (naar inkomen)",
                    "Client's share (by income)"
                ),
                c::round(Operand::value(monthly * share)),
            )
            .cite(self.cite(Article::Blz3329, "lid 3"))
            .reading("O-19"),
        );
        let partner = self.t.calc(
            Step::new(
                "split_partner",
                t!("Deel van de partner", "Partner's share"),
                c::sum(smallvec![
                    c::plus(self.op("monthly")),
                    c::minus(self.op("split_client")),
                ]),
            )
            .cite(self.cite(Article::Blz3329, "lid 3")),
        );
        Split { client, partner }
    }

    /// A spouse's weight in the split: their income (O-19 alternative: plus their VIB share).
    fn split_weight(&self, m: &Member) -> Decimal {
        let mut w = m.income.max(Decimal::ZERO);
        if self.h.input.readings.split_includes_vib {
            let vid = m.role.id("vermogen_client", "vermogen_partner");
            w += self.t.value(vid).unwrap_or_default() * self.p.vib_rate.decimal;
        }
        w
    }
}
