//! The driver: from a checked household to amounts, with the explanation trace. It runs the
//! rules of [`crate::rules`] in the order of the law (peiljaar and AOW status, the stay and the
//! regime, then the LEB, the HEB or the no-data amount, then rounding, part of a month and the
//! split) and gathers their steps, notes and readings into an [`Estimate`].

use crate::error::InputError;
use crate::household::{self, Member};
use crate::input::{Input, CONTRACT_VERSION};
use crate::params::{Status, YearParams};
use crate::regime::{self, Decision, Regime};
use crate::rules::Engine;
use crate::t;
use crate::text::Text;
use crate::trace::{Citation, ReadingSet, Step};
use rust_decimal::Decimal;
use serde::Serialize;

/// The result of one estimate: the public output contract (`version: 1`).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Estimate {
    pub version: u32,
    pub year: i32,
    /// *Peiljaar*: the year whose income and assets were used (year − 2).
    pub peiljaar: i32,
    pub regime: Regime,
    /// Why this regime applies, with the deciding article.
    pub regime_reason: Reason,
    /// The household pays the contribution once for both spouses (Blz 3.3.2.1 lid 3).
    pub once_for_couple: bool,
    /// The monthly amount, rounded half-up to cents.
    pub monthly: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// The amount due for `days` days of the month (Blz 3.3.2.9 lid 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Decimal>,
    /// For couples: each spouse's share (Blz 3.3.2.9 lid 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
    /// Some amount rests on an ESTIMATE parameter (the UI must not present it as a CAK amount).
    pub estimated: bool,
    /// The ESTIMATE parameters used in the amounts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub estimated_params: Vec<&'static str>,
    /// The ordered steps: they add up to `monthly` (and `due`, `split`).
    pub steps: Vec<Step>,
    /// Hints and assumptions for the reader.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The OPEN items (spec §8) whose default reading this result relies on.
    #[serde(skip_serializing_if = "ReadingSet::is_empty")]
    pub readings: ReadingSet,
    /// The same household under an alternative reading that matters here (O-25).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reason {
    pub ground: &'static str,
    pub text: Text,
    pub reference: Citation,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Split {
    pub client: Decimal,
    pub partner: Decimal,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Note {
    pub kind: NoteKind,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Citation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Something we assumed because the input did not say.
    Assumption,
    /// Something the user may want to act on.
    Hint,
    /// Background.
    Info,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Alternative {
    pub reading: &'static str,
    pub label: Text,
    pub regime: Regime,
    pub monthly: Decimal,
}

/// Estimates the contribution for one input. Never panics on input; every
/// problem is an [`InputError`].
pub fn estimate(input: &Input) -> Result<Estimate, InputError> {
    let params = household::params_for(input.year)?;
    estimate_with_params(input, params)
}

/// Estimates with the given parameters instead of the embedded ones of
/// `input.year` (what-if runs, and the test that every parameter matters).
pub fn estimate_with_params(
    input: &Input,
    params: &'static YearParams,
) -> Result<Estimate, InputError> {
    let mut est = estimate_one(input, params)?;
    // A compensation lowers the contribution income, so it cannot lower an LEB at its minimum.
    let at_leb_minimum = est
        .steps
        .iter()
        .any(|s| s.id == "leb_raw" && s.amount.is_some_and(|a| a <= params.leb_min_month.decimal));
    if est.regime != Regime::Geen
        && !at_leb_minimum
        && crate::rules::cot::had_cot_under_last_years_rules(input, params)
    {
        est.readings.insert("O-2");
        est.notes
            .push(crate::rules::cot::transitional_cot_note(params));
    }
    // O-25: a partner living along changes the regime under the other reading; show both.
    let living_along = input
        .partner
        .as_ref()
        .is_some_and(|p| p.care.0.contains(&crate::input::CareForm::LivingAlong));
    if living_along {
        let mut alt = input.clone();
        alt.readings.living_along_as_no_care = !input.readings.living_along_as_no_care;
        if let Ok(other) = estimate_one(&alt, params) {
            est.alternatives.push(Alternative {
                reading: "O-25",
                label: if alt.readings.living_along_as_no_care {
                    t!(
                        "Als de meeverhuizende partner telt als partner zonder zorg (lage bijdrage, lid 2 a)",
                        "If the partner living along counts as a partner without care (low contribution, lid 2 a)"
                    )
                } else {
                    t!(
                        "Als de meeverhuizende partner telt als verblijf in de instelling (standaardlezing)",
                        "If the partner living along counts as staying in the instelling (default reading)"
                    )
                },
                regime: other.regime,
                monthly: other.monthly,
            });
        }
    }
    Ok(est)
}

/// Parses the JSON contract and estimates.
pub fn estimate_json(json: &str) -> Result<Estimate, InputError> {
    estimate(&Input::from_json(json)?)
}

pub(crate) fn estimate_one(
    input: &Input,
    params: &'static YearParams,
) -> Result<Estimate, InputError> {
    let h = household::build_with(input, params)?;
    let mut e = Engine::new(&h);
    e.peiljaar_step();
    e.aow_steps();
    // Only people in a stay have a start period; it is computed when the decision needs it.
    let sps = regime::StartPeriods::new(&h);
    let sp = |m: &Member| sps.get(m);
    let dec: Decision = regime::decide(&h, &sp);
    if dec.regime != Regime::Geen {
        if let Some(m) = h.members.iter().find(|m| m.income_missing) {
            return Err(household::missing_income(m.role, input.year));
        }
    }
    e.start_period_steps(&sps, &dec, input);
    e.regime_step(&dec);
    let exact = match dec.regime {
        Regime::Geen => e.none_step(&dec),
        _ if input.household.cak_has_no_data => {
            e.no_data(dec.regime);
            "no_data"
        }
        Regime::Lage => e.leb(),
        Regime::Hoge => {
            e.heb()?;
            "heb_capped"
        }
    };
    let (monthly, due, split) = e.finish(exact);
    e.exemption_hint(dec.regime, monthly);
    if h.input.household.wmo_maatwerkvoorziening && dec.regime != Regime::Geen {
        e.note(
            NoteKind::Info,
            t!(
                "Zolang u een Wlz-bijdrage betaalt, betaalt u geen eigen bijdrage voor de Wmo.",
                "While you pay a Wlz contribution, you pay no Wmo contribution."
            ),
            None,
        );
    }
    let p = h.params;
    let estimated_params = estimated_params(&e.t.steps);
    Ok(Estimate {
        version: CONTRACT_VERSION,
        year: p.year,
        peiljaar: p.peiljaar,
        regime: dec.regime,
        regime_reason: Reason {
            ground: dec.ground,
            text: dec.text,
            reference: Citation::new(p.reference(dec.reference.0), dec.reference.1),
        },
        once_for_couple: dec.once_for_couple,
        monthly,
        days: input.days,
        due,
        split,
        estimated: !estimated_params.is_empty(),
        estimated_params,
        steps: e.t.steps,
        notes: e.notes,
        readings: e.readings,
        alternatives: Vec::new(),
    })
}

/// The ESTIMATE parameters an amount of the trace rests on, in the order they were first used.
fn estimated_params(steps: &[Step]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for s in steps.iter().filter(|s| s.amount.is_some()) {
        for u in &s.params {
            if u.status == Status::Estimate && !out.contains(&u.0.name) {
                out.push(u.0.name);
            }
        }
    }
    out
}

/// The value of a parameter by name as the trace of a `year` estimate uses it:
/// the year's own parameters, then the tax parameters of its peiljaar. For
/// [`crate::trace::verify`].
pub fn parameter_value(year: i32, name: &str) -> Option<Decimal> {
    let p = crate::params::for_year(year)?;
    p.all()
        .iter()
        .find(|x| x.name == name)
        .map(|x| x.decimal)
        .or_else(|| crate::tax::tax_year(p.peiljaar)?.param_value(name))
}
