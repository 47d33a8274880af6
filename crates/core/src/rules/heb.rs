//! **Hoge eigen bijdrage (HEB).** The income of the peiljaar minus its tax and the Rlz
//! deductions ([`super::heb_aftrek`]), minus a share of current work income and, on request,
//! war benefits, plus the VIB minus the COT; per month, at most the maximum (Blz 3.3.2.1 lid 1–2,
//! 3.3.2.3 lid 1; spec §5.2). Without a tax figure the tax is estimated ([`crate::tax`], O-1).
//!
//! ```text
//! heb_a = Σ inkomen − Σ tax                                               (lid 1 a)
//! BI    = heb_a − deductions − vrijlating − work_rate × work income (lid 1 b 1°)
//!         − war benefits (lid 1 b 3°) − COT + VIB
//! HEB   = min(max(0, BI) / 12, maximum)                                  (O-15: BI ≥ 0)
//! ```

use super::{d, Cite, Engine};
use crate::engine::NoteKind;
use crate::error::{ErrorCode, InputError};
use crate::household::{Member, Role};
use crate::params::Article;
use crate::t;
use crate::tax::TaxYear;
use crate::text::Text;
use crate::trace::{c, Calc, Operand, Step, Terms};
use rust_decimal::Decimal;
use smallvec::smallvec;

pub const CITES: &[Cite] = &[
    (Article::Blz3323, "lid 1 a"),
    (Article::Blz3323, "lid 1 b 1°"),
    (Article::Blz3323, "lid 1 b 3°"),
    (Article::Blz3323, "lid 1"),
    (Article::Blz3321, "lid 1"),
    (Article::Blz3321, "lid 2"),
];

impl Engine<'_, '_> {
    /// The HEB: returns the monthly amount at most the maximum (step `heb_capped`).
    pub(crate) fn heb(&mut self) -> Result<Decimal, InputError> {
        let tax_year = crate::tax::tax_year(self.p.peiljaar);
        self.tax_needed(tax_year)?;
        self.income_steps();
        self.heb_a(tax_year);
        self.heb_deductions();
        let mut terms: Terms =
            smallvec![c::plus(self.op("heb_x")), c::minus(self.op("vrijlating"))];
        self.work_and_war(&mut terms);
        let vib = self.vermogen_and_vib();
        let cot = self.cot(vib);
        for id in cot.iter().flatten() {
            terms.push(c::minus(self.op(id)));
        }
        terms.push(c::plus(self.op("vib")));
        self.t.calc(
            Step::new(
                "bi_heb",
                t!(
                    "Bijdrageplichtig inkomen voor de hoge bijdrage",
                    "Contribution income for the high contribution"
                ),
                c::sum(terms),
            )
            .cite(self.cite(Article::Blz3323, "lid 1"))
            .main(),
        );
        Ok(self.heb_monthly())
    }

    /// Without a tax figure and without tax parameters for the peiljaar, the HEB cannot be
    /// estimated: an input error naming the missing figure.
    fn tax_needed(&self, tax_year: Option<&'static TaxYear>) -> Result<(), InputError> {
        let Some(m) = self.h.members.iter().find(|m| m.tax.is_none()) else {
            return Ok(());
        };
        if tax_year.is_some() {
            return Ok(());
        }
        let (nl_who, en_who) = match m.role {
            Role::Client => ("", ""),
            Role::Partner => (" van uw partner", " of your partner"),
        };
        let pj = self.p.peiljaar;
        Err(InputError::new(
            ErrorCode::MissingTax,
            Some(&m.role.field("tax")),
            Text::owned(
                format!("Voor de hoge eigen bijdrage is de inkomstenbelasting plus premie volksverzekeringen over {pj}{nl_who} nodig (tax). U vindt die op de aanslag."),
                format!("The high contribution needs the income tax plus national insurance contributions of {pj}{en_who} (tax). It is on the tax assessment."),
            ),
        ))
    }

    /// Lid 1 a: the income minus the tax of the peiljaar (given, or estimated).
    fn heb_a(&mut self, tax_year: Option<&'static TaxYear>) {
        let h = self.h;
        let mut terms: Terms = h
            .members
            .iter()
            .map(|m| c::plus(self.op(m.role.id("income_client", "income_partner"))))
            .collect();
        for m in h.members.iter() {
            let id = self.tax_of(m, tax_year);
            terms.push(c::minus(self.op(id)));
        }
        self.t.calc(
            Step::new(
                "heb_a",
                t!("Inkomen min belasting", "Income minus tax"),
                c::sum(terms),
            )
            .cite(self.cite(Article::Blz3323, "lid 1 a"))
            .main(),
        );
    }

    /// One person's tax of the peiljaar: the figure given, or an estimate from the income
    /// (O-1, an ESTIMATE with a note). Returns the step id.
    fn tax_of(&mut self, m: &Member, tax_year: Option<&'static TaxYear>) -> &'static str {
        let id = m.role.id("tax_client", "tax_partner");
        let label = match m.role {
            Role::Client => t!(
                "Inkomstenbelasting en premie volksverzekeringen",
                "Income tax and national insurance contributions"
            ),
            Role::Partner => t!(
                "Inkomstenbelasting en premie volksverzekeringen van de partner",
                "Partner's income tax and national insurance contributions"
            ),
        };
        match (m.tax, tax_year) {
            (Some(tax), _) => {
                self.peiljaar_input(id, label, tax);
            }
            (None, Some(ty)) => self.estimated_tax(m, ty),
            (None, None) => {}
        }
        id
    }

    /// The tax estimated from the income ([`crate::tax::tax_steps`]), with a note once.
    fn estimated_tax(&mut self, m: &Member, ty: &'static TaxYear) {
        let earned = if m.aow_peiljaar {
            Decimal::ZERO
        } else {
            m.income.max(Decimal::ZERO)
        };
        let person = crate::tax::TaxPerson {
            income: m.income,
            earned_income: m.earned_income.unwrap_or(earned),
            aow: m.aow_peiljaar,
            single: !self.h.is_couple(),
        };
        let income_id = m.role.id("income_client", "income_partner");
        crate::tax::tax_steps(&mut self.t, ty, m.role, income_id, &person);
        self.read("O-1");
        let noted = self
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Assumption && n.text.en.starts_with("The income tax"));
        if !noted {
            self.note(
                NoteKind::Assumption,
                t!(
                    "De inkomstenbelasting van het peiljaar is geschat uit het inkomen (box 1, met de algemene heffingskorting, arbeidskorting en ouderenkortingen). Vul het bedrag van de aanslag in voor een betere schatting.",
                    "The income tax of the peiljaar is estimated from the income (box 1, with the general, labour and elderly tax credits). Enter the figure from the assessment for a better estimate."
                ),
                None,
            );
        }
    }

    /// Lid 1 b 1° and 3°: a share of current net work income, and war benefits on request.
    fn work_and_war(&mut self, terms: &mut Terms) {
        let p = self.p;
        let work: Decimal = self.h.members.iter().map(|m| m.work_income).sum();
        if work > Decimal::ZERO {
            self.input_step(
                "work_income",
                t!(
                    "Netto inkomen uit huidige arbeid",
                    "Net income from current work"
                ),
                work,
            );
            self.t.calc(
                Step::new(
                    "work_deduction",
                    Text::borrowed(&self.h.labels.work_deduction),
                    c::mul(
                        self.op("work_income"),
                        Operand::param(&p.work_income_deduction_rate),
                    ),
                )
                .cite(self.cite(Article::Blz3323, "lid 1 b 1°"))
                .main(),
            );
            terms.push(c::minus(self.op("work_deduction")));
        }
        let war: Decimal = self.h.members.iter().map(|m| m.war_benefits).sum();
        if war > Decimal::ZERO {
            let step = Step::new(
                "war_benefits",
                t!(
                    "Uitkeringen WUV/WUBO (op verzoek)",
                    "WUV/WUBO benefits (on request)"
                ),
                Calc::Input,
            )
            .cite(self.cite(Article::Blz3323, "lid 1 b 3°"))
            .main();
            self.t.given(step, war);
            terms.push(c::minus(self.op("war_benefits")));
        }
    }

    /// The bijdrageplichtig inkomen at least € 0 (O-15), per month, at most the maximum
    /// (Blz 3.3.2.1 lid 1–2); below the maximum a note that it is an indication.
    fn heb_monthly(&mut self) -> Decimal {
        let p = self.p;
        self.read("O-15");
        self.t.calc(
            Step::new(
                "bi_heb_floor",
                t!("Niet minder dan € 0", "Not less than €0"),
                c::max(vec![self.op("bi_heb"), Operand::value(Decimal::ZERO)]),
            )
            .reading("O-15"),
        );
        self.t.calc(
            Step::new(
                "heb_raw",
                t!("Per maand (÷ 12)", "Per month (÷ 12)"),
                c::div(self.op("bi_heb_floor"), Operand::value(d(12))),
            )
            .cite(self.cite(Article::Blz3321, "lid 1"))
            .main(),
        );
        let capped = self.t.calc(
            Step::new(
                "heb_capped",
                t!("Niet meer dan het maximum", "Not more than the maximum"),
                c::min(vec![self.op("heb_raw"), Operand::param(&p.heb_max_month)]),
            )
            .cite(self.cite(Article::Blz3321, "lid 2"))
            .main(),
        );
        if capped < p.heb_max_month.decimal {
            self.note(
                NoteKind::Info,
                t!(
                    "Onder het maximum is de hoge bijdrage een indicatie: een deel van de aftrekposten (Regeling langdurige zorg) is onze schatting.",
                    "Below the maximum the high contribution is an indication: some deductions (Regeling langdurige zorg) are our estimate."
                ),
                Some(self.rlz_h4()),
            );
        }
        capped
    }
}
