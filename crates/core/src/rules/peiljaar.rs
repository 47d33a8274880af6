//! **Peiljaar, inkomen and AOW status.** The contribution of year *y* rests on the income and
//! assets of the peiljaar *y − 2* (Blz 1.1.1, "peiljaar"); someone counts as having reached
//! state pension age for the whole year when they reach it before 1 February (Blz 3.3.1.4 lid 1).
//!
//! ```text
//! peiljaar          = y − 2
//! inkomen           = verzamelinkomen of the peiljaar, per person (input)
//! AOW-gerechtigd(y) = AOW age reached on or before 31 January y
//! ```

use super::{Cite, Engine};
use crate::engine::NoteKind;
use crate::household::Role;
use crate::params::{Article, YearParams};
use crate::t;
use crate::text::Text;
use crate::trace::{Calc, Citation, Step};

pub const CITES: &[Cite] = &[(Article::Blz111, ""), (Article::Blz3314, "lid 1")];

impl Engine<'_, '_> {
    /// The peiljaar of this contribution year, as the trace's first step.
    pub(crate) fn peiljaar_step(&mut self) {
        let p = self.p;
        self.t.decide(
            Step::new("peiljaar", t!("Peiljaar", "Reference year"), Calc::Decision)
                .cite(Citation::new(&p.peiljaar_reference, ""))
                .note(Text::borrowed(&p.texts.peiljaar)),
        );
    }

    /// Each person's AOW status for the whole year (Blz 3.3.1.4 lid 1), with a hint when a
    /// birthday in January could change it.
    pub(crate) fn aow_steps(&mut self) {
        let p = self.p;
        for m in &self.h.members {
            let id = m.role.id("aow_client", "aow_partner");
            let (who_nl, who_en) = m.role.text();
            let age = YearParams::int(&p.aow_age_years);
            let text = Text::borrowed(
                &p.texts.aow[usize::from(m.role == Role::Partner)][usize::from(m.aow)],
            );
            let step = Step::new(
                id,
                Text::fixed("AOW-leeftijd", "State pension age"),
                Calc::Decision,
            )
            .note(text)
            .uses(&p.aow_age_years)
            .uses(&p.aow_cutoff_day_of_january)
            .cite(self.cite(Article::Blz3314, "lid 1"));
            self.t.decide(step);
            if m.person.birth_date.is_none() && m.person.age.map(i64::from) == Some(age - 1) {
                self.note(
                    NoteKind::Assumption,
                    Text::owned(
                        format!("Wordt {who_nl} in januari {} {age}? Vul dan de geboortedatum in: wie vóór 1 februari {age} wordt, telt het hele jaar als AOW-gerechtigd.", p.year),
                        format!("Does {who_en} turn {age} in January {}? Then enter the date of birth: reaching {age} before 1 February counts for the whole year.", p.year),
                    ),
                    Some(self.cite(Article::Blz3314, "lid 1")),
                );
            }
        }
    }

    /// A figure of the peiljaar the user gives (such as its income tax), cited like the income.
    pub(crate) fn peiljaar_input(
        &mut self,
        id: &'static str,
        label: Text,
        v: rust_decimal::Decimal,
    ) {
        let step = Step::new(id, label, Calc::Input).cite(self.cite(Article::Blz111, ""));
        self.t.given(step, v);
    }

    /// Each person's verzamelinkomen of the peiljaar (an input, Blz 1.1.1).
    pub(crate) fn income_steps(&mut self) {
        let h = self.h;
        for m in &h.members {
            let id = m.role.id("income_client", "income_partner");
            let label = Text::borrowed(match m.role {
                Role::Client => &self.p.texts.income_client,
                Role::Partner => &self.p.texts.income_partner,
            });
            let s = Step::new(id, label, Calc::Input)
                .cite(self.cite(Article::Blz111, ""))
                .main();
            self.t.given(s, m.income);
        }
    }
}
