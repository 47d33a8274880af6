//! An **estimate** of the `belasting` the hoge eigen bijdrage deducts (Blz
//! art. 1.1.1; spec §5.2): the income tax plus *premie volksverzekeringen*
//! (national insurance contributions) of the peiljaar. Most people do not know
//! that figure, so when it is missing the engine can estimate it from the
//! income with [`tax_steps`], which writes every step into the explanation
//! trace.
//!
//! The parameters of each tax year are data: `params/tax/<year>.json`,
//! compiled in by `build.rs` like the contribution-year files (see
//! [`crate::params`]), with the same per-parameter shape (value, unit,
//! bilingual label, legal reference, status, note). All values for 2022–2024
//! are ESTIMATE: they were taken from Belastingdienst tables and secondary
//! sources (each `note` names the page), not read in the law text.
//!
//! # What the estimate does
//!
//! ```text
//! y        = max(0, income)                                  taken as box-1 taxable income
//! box 1    = r1 × min(y, b1) + r2 × max(0, min(y, b2) − b1) + r3 × max(0, y − b2)
//!            r1 = rate_1 below AOW age, rate_1_aow at AOW age (no AOW premium)
//! AHK      = max(0, ahk_max − ahk_rate × max(0, y − ahk_start))      AOW age: the AOW amounts
//! AK       = max(0, min(max(l1, l2), l3, l4)) on earned income e    (0 when e ≤ 0)
//!            l1 = r1 × e, l2 = base2 + r2 × (e − k1), l3 = base3 + r3 × (e − k2),
//!            l4 = max − phase-out × (e − k3): the four segments of the Belastingdienst table
//!            AOW age: round(AK × rate_1_aow / rate_1) to cents
//! OK       = max(0, ok_max − 15% × max(0, y − ok_limit))              AOW age only
//! AOK      = aok                                                      AOW age and single only
//! tax      = max(box 1 − (AHK + AK + OK + AOK), 0.00)
//! ```
//!
//! # Simplifications (all documented in the trace note)
//!
//! * **Box 1 only.** The verzamelinkomen is taken as box-1 taxable income
//!   (*belastbaar inkomen uit werk en woning*); box-2 and box-3 income tax is
//!   not estimated. The income-dependent rules (the phase-out of the algemene
//!   heffingskorting on box-1 income, the ouderenkorting on the verzamelinkomen)
//!   are applied to that same figure.
//! * **AOW status for the whole tax year.** Someone who reached AOW age during
//!   the tax year gets a mix of both tariffs; we take one status for the year.
//!   The AOW tariff is the one for people born in 1946 or later; for people
//!   born before 1946 the first bracket is longer (2022 € 36.409, 2023
//!   € 38.703, 2024 € 40.021), so the estimate is somewhat too high for them.
//! * **Arbeidskorting at AOW age** is the general table times
//!   `rate_1_aow / rate_1` (the Belastingdienst's reduction for people who pay
//!   no AOW premium), rounded half-up to cents because the quotient does not
//!   terminate; its published AOW tables differ from this by about € 1.
//! * **Credits are not refundable**: modelled simply as
//!   `max(0, box-1 tax − credits)`. The law splits each credit into a tax part
//!   and premium parts, each limited to its own levy; that split is ignored.
//! * **Alleenstaande ouderenkorting** is given to an AOW-age person without a
//!   partner in the household. Someone whose spouse lives in a care home can
//!   also be entitled to it; that is not modelled.
//! * **Not included:** inkomensafhankelijke combinatiekorting,
//!   jonggehandicaptenkorting, korting groene beleggingen, deductions
//!   (*aftrekposten*), the algemene heffingskorting of a non-earning partner.
//! * **Rounding.** Exact decimal arithmetic throughout, except the AOW-age
//!   arbeidskorting (cents, see above). The Belastingdienst
//!   rounds amounts to whole euros (its tables warn of "a difference of a
//!   single euro through rounding"); we could not confirm the exact rule in
//!   the law, so nothing else is rounded here.
//!
//! # Using it
//!
//! ```
//! use rust_decimal::Decimal;
//! use wlz_core::household::Role;
//! use wlz_core::tax::{tax_steps, tax_year, TaxPerson};
//! use wlz_core::trace::{verify, Calc, Step, Trace};
//!
//! let ty = tax_year(2022).unwrap(); // the peiljaar of contribution year 2024
//! let mut t = Trace::default();
//! let income = Decimal::from(20_000);
//! t.given(
//!     Step::new("income_client", wlz_core::t!("Verzamelinkomen", "Income"), Calc::Input),
//!     income,
//! );
//! let person = TaxPerson { income, earned_income: Decimal::ZERO, aow: true, single: true };
//! let tax = tax_steps(&mut t, ty, Role::Client, "income_client", &person);
//! assert_eq!(tax.to_string(), "165.0000"); // 19.17% × 20 000 − (1 494 + 1 726 + 449)
//! assert_eq!(t.steps.last().unwrap().id, "tax_client");
//! // Parameters are named `ib_…`: a lookup for `verify` asks the tax year too.
//! verify(&t.steps, |name| ty.param_value(name)).unwrap();
//! ```

use crate::household::Role;
use crate::params::Param;
use crate::t;
use crate::text::Text;
use crate::trace::{c, Calc, Citation, Operand, Step, Term, Trace};
use rust_decimal::Decimal;

/// The tax-year parameters are compiled in with the contribution years (`params/tax/`).
pub use crate::params::{tax_year, tax_years, TaxYear};

/// One person, as the estimate needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxPerson {
    /// Verzamelinkomen of the tax year, used as box-1 taxable income.
    pub income: Decimal,
    /// Arbeidsinkomen (income from work) for the arbeidskorting.
    pub earned_income: Decimal,
    /// AOW age for the whole tax year.
    pub aow: bool,
    /// Alleenstaande, for the alleenstaande ouderenkorting.
    pub single: bool,
}

fn cite(p: &'static Param) -> Citation {
    Citation::new(&p.reference, "")
}

/// A sum of terms (collected, so it works with whatever container `c::sum` takes).
fn sum(terms: Vec<Term>) -> Calc {
    c::sum(terms.into_iter().collect())
}

/// A sum of terms, never below 0.
fn sum0(terms: Vec<Term>) -> Calc {
    c::sum_floor0(terms.into_iter().collect())
}

/// The trace being written and the tax year and person it is for: what every step of the tax
/// estimate needs.
struct Cx<'t> {
    t: &'t mut Trace,
    ty: &'static TaxYear,
    role: Role,
}

impl Cx<'_> {
    /// Adds a computed step `id` (client / partner) and returns it as an operand.
    fn calc(&mut self, ids: (&'static str, &'static str), label: Text, calc: Calc) -> Operand {
        let id = self.role.id(ids.0, ids.1);
        let v = self.t.calc(Step::new(id, label, calc));
        Operand::step(id, v)
    }

    /// The same, with the citation of a parameter.
    fn cited(
        &mut self,
        ids: (&'static str, &'static str),
        label: Text,
        calc: Calc,
        by: Citation,
    ) -> Operand {
        let id = self.role.id(ids.0, ids.1);
        let v = self.t.calc(Step::new(id, label, calc).cite(by));
        Operand::step(id, v)
    }
}

/// Adds the steps of the tax estimate for one person to `t` and returns the
/// estimated tax (never negative).
///
/// `income_step` is the id of the trace step that holds `person.income` (it
/// must already be in the trace). Step ids are `tax_…_client` /
/// `tax_…_partner` after `role`; the last step is
/// `role.id("tax_client", "tax_partner")`, marked estimated and main. Every
/// step recomputes under [`crate::trace::verify`] with the parameter values of
/// [`TaxYear::param_value`].
pub fn tax_steps(
    t: &mut Trace,
    ty: &'static TaxYear,
    role: Role,
    income_step: &'static str,
    person: &TaxPerson,
) -> Decimal {
    let mut cx = Cx { t, ty, role };
    let inc = cx.cited(
        ("tax_income_client", "tax_income_partner"),
        t!(
            "Inkomen, gebruikt als belastbaar inkomen box 1 (niet onder € 0)",
            "Income, used as box-1 taxable income (not below €0)"
        ),
        c::max(vec![
            Operand::step(income_step, person.income),
            Operand::value(Decimal::ZERO),
        ]),
        Citation::new(&ty.reference, ""),
    );
    let box1 = box1_tax(&mut cx, inc, person.aow);
    let mut credits = vec![c::plus(algemene_heffingskorting(&mut cx, inc, person.aow))];
    if person.earned_income > Decimal::ZERO {
        let e_id = earned_income_step(&mut cx, income_step, person);
        let ak = arbeidskorting(cx.t, ty, role, e_id, person.earned_income, person.aow);
        credits.push(c::plus(Operand::step(
            role.id("tax_ak_client", "tax_ak_partner"),
            ak,
        )));
    }
    if person.aow {
        credits.push(c::plus(ouderenkorting(&mut cx, inc)));
        if person.single {
            credits.push(c::plus(Operand::param(&ty.aok)));
        }
    }
    tax_after_credits(&mut cx, box1, credits)
}

/// The box-1 tariff (Wet IB 2001 art. 2.10, with the premie volksverzekeringen): the income
/// in each bracket times its rate; at AOW age the first bracket without the AOW premium.
fn box1_tax(cx: &mut Cx, inc: Operand, aow: bool) -> Operand {
    let ty = cx.ty;
    let [band1, band2, band3] = brackets(cx, inc);
    let (rate1, rate1_label) = if aow {
        (
            &ty.rate_1_aow,
            t!(
                "Eerste schijf: belasting en premie volksverzekeringen (AOW-leeftijd, zonder AOW-premie)",
                "First bracket: tax and national insurance contributions (AOW age, no AOW contribution)"
            ),
        )
    } else {
        (
            &ty.rate_1,
            t!(
                "Eerste schijf: belasting en premie volksverzekeringen",
                "First bracket: tax and national insurance contributions"
            ),
        )
    };
    let tax1 = cx.cited(
        ("tax_bracket1_client", "tax_bracket1_partner"),
        rate1_label,
        c::mul(band1, Operand::param(rate1)),
        cite(rate1),
    );
    let tax2 = cx.cited(
        ("tax_bracket2_client", "tax_bracket2_partner"),
        t!("Tweede schijf: belasting", "Second bracket: tax"),
        c::mul(band2, Operand::param(&ty.rate_2)),
        cite(&ty.rate_2),
    );
    let tax3 = cx.cited(
        ("tax_bracket3_client", "tax_bracket3_partner"),
        t!("Toptarief: belasting", "Top rate: tax"),
        c::mul(band3, Operand::param(&ty.rate_3)),
        cite(&ty.rate_3),
    );
    cx.cited(
        ("tax_box1_client", "tax_box1_partner"),
        t!(
            "Belasting en premie volksverzekeringen box 1, vóór heffingskortingen",
            "Box-1 tax and national insurance contributions, before tax credits"
        ),
        sum(vec![c::plus(tax1), c::plus(tax2), c::plus(tax3)]),
        cite(&ty.rate_1),
    )
}

/// The parts of the income in the three brackets.
fn brackets(cx: &mut Cx, inc: Operand) -> [Operand; 3] {
    let ty = cx.ty;
    let band1 = cx.calc(
        ("tax_band1_client", "tax_band1_partner"),
        t!(
            "Deel van het inkomen in de eerste schijf",
            "Part of the income in the first bracket"
        ),
        c::min(vec![inc, Operand::param(&ty.bracket_1_limit)]),
    );
    let upto2 = cx.calc(
        ("tax_upto2_client", "tax_upto2_partner"),
        t!(
            "Inkomen tot de grens van de tweede schijf",
            "Income up to the limit of the second bracket"
        ),
        c::min(vec![inc, Operand::param(&ty.bracket_2_limit)]),
    );
    let band2 = cx.calc(
        ("tax_band2_client", "tax_band2_partner"),
        t!(
            "Deel van het inkomen in de tweede schijf",
            "Part of the income in the second bracket"
        ),
        sum0(vec![
            c::plus(upto2),
            c::minus(Operand::param(&ty.bracket_1_limit)),
        ]),
    );
    let band3 = cx.calc(
        ("tax_band3_client", "tax_band3_partner"),
        t!(
            "Deel van het inkomen boven de tweede schijf",
            "Part of the income above the second bracket"
        ),
        sum0(vec![
            c::plus(inc),
            c::minus(Operand::param(&ty.bracket_2_limit)),
        ]),
    );
    [band1, band2, band3]
}

/// The algemene heffingskorting (art. 8.10): a maximum, phased out above a threshold; at AOW
/// age its own maximum and rate.
fn algemene_heffingskorting(cx: &mut Cx, inc: Operand, aow: bool) -> Operand {
    let ty = cx.ty;
    let (ahk_max, ahk_rate) = if aow {
        (&ty.ahk_max_aow, &ty.ahk_phaseout_rate_aow)
    } else {
        (&ty.ahk_max, &ty.ahk_phaseout_rate)
    };
    let excess = cx.calc(
        ("tax_ahk_excess_client", "tax_ahk_excess_partner"),
        t!(
            "Inkomen boven de afbouwgrens van de algemene heffingskorting",
            "Income above the phase-out threshold of the general tax credit"
        ),
        sum0(vec![
            c::plus(inc),
            c::minus(Operand::param(&ty.ahk_phaseout_start)),
        ]),
    );
    let phaseout = cx.calc(
        ("tax_ahk_phaseout_client", "tax_ahk_phaseout_partner"),
        t!(
            "Afbouw van de algemene heffingskorting",
            "Phase-out of the general tax credit"
        ),
        c::mul(excess, Operand::param(ahk_rate)),
    );
    let label = if aow {
        t!(
            "Algemene heffingskorting (AOW-leeftijd)",
            "General tax credit (AOW age)"
        )
    } else {
        t!("Algemene heffingskorting", "General tax credit")
    };
    cx.cited(
        ("tax_ahk_client", "tax_ahk_partner"),
        label,
        sum0(vec![c::plus(Operand::param(ahk_max)), c::minus(phaseout)]),
        cite(ahk_max),
    )
}

/// The step holding the income from work for the arbeidskorting: the income itself when they
/// are the same, else an input step of its own.
fn earned_income_step(cx: &mut Cx, income_step: &'static str, person: &TaxPerson) -> &'static str {
    if person.earned_income == person.income {
        return income_step;
    }
    let id = cx
        .role
        .id("tax_earned_income_client", "tax_earned_income_partner");
    cx.t.given(
        Step::new(
            id,
            t!(
                "Arbeidsinkomen (voor de arbeidskorting)",
                "Income from work (for the labour tax credit)"
            ),
            Calc::Input,
        ),
        person.earned_income,
    );
    id
}

/// The ouderenkorting (art. 8.17): a maximum, phased out above an income limit.
fn ouderenkorting(cx: &mut Cx, inc: Operand) -> Operand {
    let ty = cx.ty;
    let excess = cx.calc(
        ("tax_ok_excess_client", "tax_ok_excess_partner"),
        t!(
            "Inkomen boven de inkomensgrens van de ouderenkorting",
            "Income above the income limit of the elderly tax credit"
        ),
        sum0(vec![
            c::plus(inc),
            c::minus(Operand::param(&ty.ok_income_limit)),
        ]),
    );
    let phaseout = cx.calc(
        ("tax_ok_phaseout_client", "tax_ok_phaseout_partner"),
        t!(
            "Afbouw van de ouderenkorting",
            "Phase-out of the elderly tax credit"
        ),
        c::mul(excess, Operand::param(&ty.ok_phaseout_rate)),
    );
    cx.cited(
        ("tax_ok_client", "tax_ok_partner"),
        t!("Ouderenkorting", "Elderly tax credit"),
        sum0(vec![
            c::plus(Operand::param(&ty.ok_max)),
            c::minus(phaseout),
        ]),
        cite(&ty.ok_max),
    )
}

/// The box-1 tax minus the heffingskortingen, never below € 0 (they are not paid out).
fn tax_after_credits(cx: &mut Cx, box1: Operand, credits: Vec<Term>) -> Decimal {
    let ty = cx.ty;
    let cr = cx.cited(
        ("tax_credits_client", "tax_credits_partner"),
        t!("Heffingskortingen samen", "Tax credits together"),
        sum(credits),
        Citation::new(&ty.reference, ""),
    );
    let raw = cx.calc(
        ("tax_raw_client", "tax_raw_partner"),
        t!(
            "Belasting box 1 min heffingskortingen",
            "Box-1 tax minus tax credits"
        ),
        sum(vec![c::plus(box1), c::minus(cr)]),
    );
    let y = ty.year;
    let label = match cx.role {
        Role::Client => Text::owned(
            format!("Geschatte inkomstenbelasting en premie volksverzekeringen {y}"),
            format!("Estimated income tax and national insurance contributions {y}"),
        ),
        Role::Partner => Text::owned(
            format!("Geschatte inkomstenbelasting en premie volksverzekeringen {y} van de partner"),
            format!("Partner's estimated income tax and national insurance contributions {y}"),
        ),
    };
    // Written with cents, so a zero tax reads "0.00" like every other amount.
    cx.t.calc(
        Step::new(
            cx.role.id("tax_client", "tax_partner"),
            label,
            c::max(vec![raw, Operand::value(Decimal::new(0, 2))]),
        )
        .cite(Citation::new(&ty.reference, ""))
        .note(note())
        .estimated()
        .main(),
    )
}

/// The arbeidskorting on earned income `e` (> 0, held by step `e_id`): the four segments of the
/// table as lines, combined with max/min (the segments rise steeply only from
/// the first to the second, then flatten and fall), never below 0; at AOW age
/// times `rate_1_aow / rate_1`, rounded to cents. Its last step is
/// `tax_ak_client` / `tax_ak_partner`.
fn arbeidskorting(
    t: &mut Trace,
    ty: &'static TaxYear,
    role: Role,
    e_id: &'static str,
    e_value: Decimal,
    aow: bool,
) -> Decimal {
    let mut cx = Cx { t, ty, role };
    let e = Operand::step(e_id, e_value);
    let lines = arbeidskorting_table(&mut cx, e);
    let ak_id = role.id("tax_ak_client", "tax_ak_partner");
    let full_ids = if aow {
        ("tax_ak_full_client", "tax_ak_full_partner")
    } else {
        ("tax_ak_client", "tax_ak_partner")
    };
    let label = if aow {
        t!(
            "Arbeidskorting volgens de tabel (onder de AOW-leeftijd)",
            "Labour tax credit by the table (below AOW age)"
        )
    } else {
        t!("Arbeidskorting", "Labour tax credit")
    };
    let full = cx.cited(
        full_ids,
        label,
        c::max(vec![lines, Operand::value(Decimal::ZERO)]),
        cite(&ty.ak_max),
    );
    if !aow {
        return full.value;
    }
    let factor = cx.calc(
        ("tax_ak_factor_client", "tax_ak_factor_partner"),
        t!(
            "Deel voor de AOW-leeftijd: tarief eerste schijf zonder AOW-premie ÷ met",
            "Share at AOW age: first-bracket rate without the AOW contribution ÷ with"
        ),
        c::div(Operand::param(&ty.rate_1_aow), Operand::param(&ty.rate_1)),
    );
    let exact = cx.calc(
        ("tax_ak_exact_client", "tax_ak_exact_partner"),
        t!(
            "Arbeidskorting voor de AOW-leeftijd, onafgerond",
            "Labour tax credit at AOW age, unrounded"
        ),
        c::mul(full, factor),
    );
    cx.t.calc(
        Step::new(
            ak_id,
            t!(
                "Arbeidskorting (AOW-leeftijd), op centen",
                "Labour tax credit (AOW age), in cents"
            ),
            c::round(exact),
        )
        .cite(cite(&ty.ak_max)),
    )
}

/// The table of the arbeidskorting as four lines: the lowest of (the higher of the first two
/// parts), the third part and the phase-out.
fn arbeidskorting_table(cx: &mut Cx, e: Operand) -> Operand {
    let ty = cx.ty;
    let l1 = cx.calc(
        ("tax_ak_line1_client", "tax_ak_line1_partner"),
        t!(
            "Arbeidskorting, eerste deel: percentage van het arbeidsinkomen",
            "Labour tax credit, first part: share of income from work"
        ),
        c::mul(e, Operand::param(&ty.ak_rate_1)),
    );
    let l2 = ak_line(
        cx,
        e,
        [
            ("tax_ak_d2_client", "tax_ak_d2_partner"),
            ("tax_ak_p2_client", "tax_ak_p2_partner"),
            ("tax_ak_line2_client", "tax_ak_line2_partner"),
        ],
        t!(
            "Arbeidskorting, tweede deel",
            "Labour tax credit, second part"
        ),
        [&ty.ak_kink_1, &ty.ak_rate_2, &ty.ak_base_2],
        false,
    );
    let l3 = ak_line(
        cx,
        e,
        [
            ("tax_ak_d3_client", "tax_ak_d3_partner"),
            ("tax_ak_p3_client", "tax_ak_p3_partner"),
            ("tax_ak_line3_client", "tax_ak_line3_partner"),
        ],
        t!(
            "Arbeidskorting, derde deel",
            "Labour tax credit, third part"
        ),
        [&ty.ak_kink_2, &ty.ak_rate_3, &ty.ak_base_3],
        false,
    );
    let l4 = ak_line(
        cx,
        e,
        [
            ("tax_ak_d4_client", "tax_ak_d4_partner"),
            ("tax_ak_p4_client", "tax_ak_p4_partner"),
            ("tax_ak_line4_client", "tax_ak_line4_partner"),
        ],
        t!(
            "Arbeidskorting, afbouw vanaf het maximum",
            "Labour tax credit, phase-out from the maximum"
        ),
        [&ty.ak_kink_3, &ty.ak_phaseout_rate, &ty.ak_max],
        true,
    );
    let rise = cx.calc(
        ("tax_ak_rise_client", "tax_ak_rise_partner"),
        t!(
            "Opbouw: het hoogste van het eerste en tweede deel",
            "Build-up: the higher of the first and second part"
        ),
        c::max(vec![l1, l2]),
    );
    cx.calc(
        ("tax_ak_lines_client", "tax_ak_lines_partner"),
        t!(
            "Het laagste van opbouw, derde deel en afbouw",
            "The lowest of build-up, third part and phase-out"
        ),
        c::min(vec![rise, l3, l4]),
    )
}

/// One line of the table: `base + rate × (e − kink)`, or `base − rate × (e − kink)` for the
/// phase-out. `ids` are the steps (difference, times the rate, the line); `[kink, rate, base]`.
fn ak_line(
    cx: &mut Cx,
    e: Operand,
    ids: [(&'static str, &'static str); 3],
    label: Text,
    [kink, rate, base]: [&'static Param; 3],
    falling: bool,
) -> Operand {
    let d = cx.calc(
        ids[0],
        t!(
            "Arbeidsinkomen min het knikpunt",
            "Income from work minus the kink"
        ),
        sum(vec![c::plus(e), c::minus(Operand::param(kink))]),
    );
    let slope = cx.calc(
        ids[1],
        t!("Maal het percentage", "Times the rate"),
        c::mul(d, Operand::param(rate)),
    );
    let change = if falling {
        c::minus(slope)
    } else {
        c::plus(slope)
    };
    cx.calc(
        ids[2],
        label,
        sum(vec![c::plus(Operand::param(base)), change]),
    )
}

fn note() -> Text {
    t!(
        "Schatting, geen bedrag van de Belastingdienst. Alleen box 1: het verzamelinkomen geldt als belastbaar inkomen uit werk en woning, zonder aftrekposten. AOW-leeftijd voor het hele jaar (tarief voor wie in 1946 of later is geboren). Heffingskortingen: algemene heffingskorting, arbeidskorting, ouderenkorting en alleenstaande ouderenkorting; ze kunnen de belasting niet onder € 0 brengen. Zonder afronding (alleen de arbeidskorting vanaf de AOW-leeftijd op centen). Staat de belasting op uw aanslag? Vul die dan in (tax).",
        "An estimate, not a Belastingdienst figure. Box 1 only: the verzamelinkomen is taken as taxable income from work and home, without deductions. AOW status for the whole year (tariff for people born in 1946 or later). Tax credits: general, labour, elderly and single elderly credit; they cannot take the tax below €0. No rounding (only the labour tax credit at AOW age, to cents). Is the tax on your assessment? Then enter it (tax)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Status;
    use crate::trace::verify;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn lookup(ty: &'static TaxYear) -> impl Fn(&str) -> Option<Decimal> {
        move |name| ty.param_value(name)
    }

    /// Runs the estimate for one person behind an input step `income`.
    fn estimate(year: i32, person: TaxPerson, role: Role) -> (Trace, Decimal) {
        let ty = tax_year(year).unwrap();
        let mut t = Trace::default();
        t.given(
            Step::new("income", t!("Inkomen", "Income"), Calc::Input),
            person.income,
        );
        let tax = tax_steps(&mut t, ty, role, "income", &person);
        verify(&t.steps, lookup(ty)).unwrap();
        (t, tax)
    }

    fn single(income: &str, aow: bool) -> TaxPerson {
        TaxPerson {
            income: d(income),
            earned_income: if aow { Decimal::ZERO } else { d(income) },
            aow,
            single: true,
        }
    }

    #[test]
    fn the_aow_first_bracket_rate_is_the_general_rate_without_the_aow_premium() {
        for y in tax_years() {
            let ty = tax_year(y).unwrap();
            assert_eq!(ty.premium_aow.decimal, d("0.1790"));
            assert_eq!(
                ty.rate_1.decimal - ty.premium_aow.decimal,
                ty.rate_1_aow.decimal,
                "{y}"
            );
            // The two-bracket system: the second-bracket tax equals the combined first-bracket rate.
            assert_eq!(ty.rate_1.decimal, ty.rate_2.decimal, "{y}");
        }
        let rates: Vec<(String, String)> = tax_years()
            .iter()
            .map(|y| {
                let ty = tax_year(*y).unwrap();
                (
                    ty.rate_1.decimal.to_string(),
                    ty.rate_1_aow.decimal.to_string(),
                )
            })
            .collect();
        assert_eq!(
            rates,
            vec![
                ("0.3707".into(), "0.1917".into()),
                ("0.3693".into(), "0.1903".into()),
                ("0.3697".into(), "0.1907".into()),
            ]
        );
    }

    #[test]
    fn amounts_worked_by_hand() {
        // 2022, AOW, single, 20 000: 19.17% × 20 000 = 3 834; AHK 1 494, OK 1 726, AOK 449
        // → 3 834 − 3 669 = 165.
        let (t, tax) = estimate(2022, single("20000", true), Role::Client);
        assert_eq!(tax, d("165"));
        assert_eq!(t.value("tax_ahk_client"), Some(d("1494")));
        // 2023, below AOW, 40 000 all from work: 36.93% × 40 000 = 14 772;
        // AHK 3 070 − 6.095% × 17 340 = 2 013.127; AK 5 052 − 6.51% × 2 309 = 4 901.6841
        // → 14 772 − 6 914.8111 = 7 857.1889.
        let (t, tax) = estimate(2023, single("40000", false), Role::Client);
        assert_eq!(t.value("tax_ahk_client"), Some(d("2013.12700")));
        assert_eq!(t.value("tax_ak_client"), Some(d("4901.68410")));
        assert_eq!(tax, d("7857.18890"));
        // 2024, below AOW, 80 000, no income from work:
        // 36.97% × 75 518 = 27 919.0046; 49.5% × 4 482 = 2 218.59; AHK 0 → 30 137.5946.
        let mut p = single("80000", false);
        p.earned_income = Decimal::ZERO;
        let (_, tax) = estimate(2024, p, Role::Partner);
        assert_eq!(tax, d("30137.5946"));
        // 2024, AOW, couple, 50 000: 19.07% × 38 098 + 36.97% × 11 902 = 7 265.2886 + 4 400.1694
        // = 11 665.458; AHK 1 735 − 3.421% × 25 188 = 873.3185; OK 2 010 − 15% × 5 230 = 1 225.5;
        // no AOK → 11 665.458 − 2 098.8185 = 9 566.6395.
        let p = TaxPerson {
            single: false,
            ..single("50000", true)
        };
        let (t, tax) = estimate(2024, p, Role::Client);
        assert_eq!(t.value("tax_ok_client"), Some(d("1225.50")));
        assert_eq!(tax, d("9566.63948"));
    }

    #[test]
    fn the_tax_is_never_negative_and_negative_income_pays_nothing() {
        for y in tax_years() {
            for income in ["-5000", "0", "5000", "12000"] {
                for aow in [false, true] {
                    let (t, tax) = estimate(y, single(income, aow), Role::Client);
                    assert!(tax >= Decimal::ZERO);
                    if income.starts_with('-') || income == "0" {
                        assert_eq!(tax, Decimal::ZERO, "{y} {income} {aow}");
                        assert_eq!(tax.round_dp(2).to_string(), "0.00");
                    }
                    let last = t.steps.last().unwrap();
                    assert_eq!(last.id, "tax_client");
                    assert!(last.estimated);
                    assert_eq!(last.level, crate::trace::Level::Main);
                    assert!(last.reference.is_some() && last.note.is_some());
                    assert!(last.label.nl.contains(&y.to_string()));
                }
            }
        }
    }

    #[test]
    fn the_arbeidskorting_follows_the_table_segments() {
        // Hand values from the 2024 table (non-AOW): the engine's max/min of lines agrees.
        let ty = tax_year(2024).unwrap();
        for (e, want) in [
            ("10000", "842.50"),     // 8.425% × 10 000
            ("20000", "3642.94830"), // 968 + 31.433% × 8 510
            ("30000", "5285.99780"), // 5 158 + 2.471% × 5 180
            ("60000", "4227.20070"), // 5 532 − 6.51% × 20 043
            ("200000", "0"),         // phased out
        ] {
            let p = TaxPerson {
                income: d("100000"),
                earned_income: d(e),
                aow: false,
                single: true,
            };
            let mut t = Trace::default();
            t.given(
                Step::new("income", t!("Inkomen", "Income"), Calc::Input),
                p.income,
            );
            tax_steps(&mut t, ty, Role::Client, "income", &p);
            verify(&t.steps, lookup(ty)).unwrap();
            assert_eq!(t.value("tax_ak_client"), Some(d(want)), "AI {e}");
            assert!(t.value("tax_earned_income_client").is_some());
        }
        // At AOW age: times 19.07 / 36.97.
        let p = TaxPerson {
            income: d("30000"),
            earned_income: d("30000"),
            aow: true,
            single: false,
        };
        let (t, _) = estimate(2024, p, Role::Client);
        let full = t.value("tax_ak_full_client").unwrap();
        assert_eq!(full, d("5285.99780"));
        let ak = t.value("tax_ak_client").unwrap();
        assert_eq!(ak, d("2726.64")); // 5 285.9978 × 19.07 / 36.97 = 2 726.6426…
    }

    #[test]
    fn partner_steps_have_their_own_ids() {
        let ty = tax_year(2023).unwrap();
        let mut t = Trace::default();
        t.given(
            Step::new("income_client", t!("I", "I"), Calc::Input),
            d("30000"),
        );
        t.given(
            Step::new("income_partner", t!("I", "I"), Calc::Input),
            d("15000"),
        );
        let a = tax_steps(
            &mut t,
            ty,
            Role::Client,
            "income_client",
            &TaxPerson {
                single: false,
                ..single("30000", true)
            },
        );
        let b = tax_steps(
            &mut t,
            ty,
            Role::Partner,
            "income_partner",
            &TaxPerson {
                single: false,
                ..single("15000", false)
            },
        );
        verify(&t.steps, lookup(ty)).unwrap();
        assert_eq!(t.value("tax_client"), Some(a));
        assert_eq!(t.value("tax_partner"), Some(b));
        assert!(t
            .steps
            .iter()
            .filter(|s| s.id.starts_with("tax_"))
            .all(|s| s.id.ends_with("_client") || s.id.ends_with("_partner")));
        // The tax is an estimate: the step that carries it is marked, whatever the status of the
        // law figures it uses (the 2022 arbeidskorting kinks are VERIFIED).
        assert!(t
            .steps
            .iter()
            .filter(|s| s.id == "tax_client" || s.id == "tax_partner")
            .all(|s| s.estimated));
        assert!(t
            .steps
            .iter()
            .flat_map(|s| &s.params)
            .all(|p| matches!(p.status, Status::Estimate | Status::Verified)));
    }
}
