//! **Exemption for a low income** (Blz 3.3.2.2 lid 9–11): someone whose net income is at most
//! the assistance norms of Participatiewet art. 23 lid 1 and 2 plus the minimum contribution can
//! ask the CAK not to pay. We never apply it (O-11); we say when it may apply.
//!
//! ```text
//! limit = pw23 lid 1 + pw23 lid 2 + (minimum − korting with care at home)
//! hint when net monthly income ≤ limit and the contribution > 0 (lage bijdrage only)
//! ```

use super::{Cite, Engine};
use crate::engine::NoteKind;
use crate::money::format_eur;
use crate::params::Article;
use crate::regime::Regime;
use crate::t;
use crate::text::{Lang, Text};
use crate::trace::{Calc, Step};
use rust_decimal::Decimal;

pub const CITES: &[Cite] = &[(Article::Blz3322, "lid 9"), (Article::Blz3322, "lid 9–11")];

impl Engine<'_, '_> {
    /// Blz 3.3.2.2 lid 9: the test, and a hint at the exemption when it may apply.
    pub(crate) fn exemption_hint(&mut self, regime: Regime, monthly: Decimal) {
        let Some(net) = self.h.input.household.net_monthly_income else {
            return;
        };
        self.read("O-11");
        if regime != Regime::Lage {
            return;
        }
        let p = self.p;
        let pw = &p.pw23;
        let (l1, l2) = if self.h.is_couple() {
            (&pw.lid1_married_month, &pw.lid2_married_month)
        } else {
            (&pw.lid1_single_month, &pw.lid2_single_month)
        };
        // The minimum contribution that would otherwise be due (lid 3, 4 or 5).
        let min_due = if self.thuis() > 0 {
            p.leb_min_month.decimal - p.thuis_korting_month.decimal
        } else {
            p.leb_min_month.decimal
        };
        let limit = l1.decimal + l2.decimal + min_due;
        let eur = |v: Decimal, l: Lang| format_eur(v, l);
        let (nl, en) = (Lang::Nl, Lang::En);
        self.t.decide(
            Step::new("exemption_test", t!("Vrijstelling bij een laag inkomen?", "Low-income exemption?"), Calc::Decision)
                .uses(l1)
                .uses(l2)
                .uses(&p.leb_min_month)
                .cite(self.cite(Article::Blz3322, "lid 9"))
                .reading("O-11")
                .note(Text::owned(
                    format!("Grens: bijstandsnorm {} + {} + minimumbijdrage {} = {} per maand; uw netto inkomen: {}.", eur(l1.decimal, nl), eur(l2.decimal, nl), eur(min_due, nl), eur(limit, nl), eur(net.0, nl)),
                    format!("Limit: assistance norm {} + {} + minimum contribution {} = {} a month; your net income: {}.", eur(l1.decimal, en), eur(l2.decimal, en), eur(min_due, en), eur(limit, en), eur(net.0, en)),
                )),
        );
        if net.0 <= limit && monthly > Decimal::ZERO {
            self.note(
                NoteKind::Hint,
                Text::borrowed(&self.h.labels.exemption_hint),
                Some(self.cite(Article::Blz3322, "lid 9–11")),
            );
        }
    }
}
