//! The explanation trace: the ordered steps that produced a result. Each
//! step carries its amount, a Dutch and English label, the article it rests
//! on, the parameters it used (with their status) and how its amount follows
//! from earlier steps. [`verify`] recomputes every amount from the steps
//! alone, so the trace provably adds up to the result.

use crate::money::round_cents;
use crate::params::{LegalRef, Param, Status};
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;

/// An operand of a calculation: an earlier step, a parameter or a constant,
/// always with its value so the step can be rendered on its own.
#[derive(Clone, Debug, Serialize)]
pub struct Operand {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<&'static str>,
    pub value: Decimal,
    #[serde(skip)]
    pub source: Option<&'static Param>,
}

impl Operand {
    pub fn step(id: &'static str, value: Decimal) -> Operand {
        Operand {
            step: Some(id),
            param: None,
            value,
            source: None,
        }
    }
    pub fn param(p: &'static Param) -> Operand {
        Operand {
            step: None,
            param: Some(p.name.as_str()),
            value: p.decimal,
            source: Some(p),
        }
    }
    pub fn value(value: Decimal) -> Operand {
        Operand {
            step: None,
            param: None,
            value,
            source: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Sign {
    #[serde(rename = "+")]
    Plus,
    #[serde(rename = "-")]
    Minus,
}

#[derive(Clone, Debug, Serialize)]
pub struct Term {
    pub sign: Sign,
    #[serde(flatten)]
    pub operand: Operand,
}

/// How a step's amount follows from its operands.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Calc {
    /// A figure the user gave.
    Input,
    /// A parameter value.
    Param { param: &'static str },
    /// A decision or remark; no amount.
    Decision,
    /// Sum of terms; with `floor_zero` never below 0.
    Sum { terms: Vec<Term>, floor_zero: bool },
    /// `of × by`.
    Product { of: Operand, by: Operand },
    /// `of ÷ by`.
    Quotient { of: Operand, by: Operand },
    /// The larger of the operands.
    Max { of: Vec<Operand> },
    /// The smaller of the operands.
    Min { of: Vec<Operand> },
    /// Half-up to cents (the one rounding rule, `money::round_cents`).
    Round { of: Operand },
}

/// How prominent a step is in an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Part of the main line from income to the monthly amount.
    Main,
    /// A detail behind a main step.
    Detail,
}

/// A parameter used by a step, with its status.
#[derive(Clone, Debug, Serialize)]
pub struct ParamUse {
    pub name: &'static str,
    pub value: Decimal,
    pub unit: &'static str,
    pub status: Status,
    pub reference: &'static LegalRef,
}

impl ParamUse {
    pub fn of(p: &'static Param) -> ParamUse {
        ParamUse {
            name: p.name.as_str(),
            value: p.decimal,
            unit: p.unit.as_str(),
            status: p.status,
            reference: &p.reference,
        }
    }
}

/// A citation: an article of a year's law version plus the precise part.
#[derive(Clone, Debug, Serialize)]
pub struct Citation {
    /// For example `Blz art. 3.3.2.2 lid 1 a`.
    pub article: String,
    pub url: &'static str,
}

impl Citation {
    pub fn new(r: &'static LegalRef, detail: &str) -> Citation {
        let article = if detail.is_empty() {
            r.article.clone()
        } else {
            format!("{} {detail}", r.article)
        };
        Citation {
            article,
            url: r.url.as_str(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub id: &'static str,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    #[serde(flatten)]
    pub calc: Calc,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<ParamUse>,
    /// OPEN items (spec §8) whose default reading this step relies on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The amount is our estimate, not a figure the user gave or the law fixes
    /// (for example an estimated income tax): never present it as a CAK amount.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

impl Step {
    pub fn new(id: &'static str, label: Text, calc: Calc) -> Step {
        Step {
            id,
            label,
            amount: None,
            calc,
            level: Level::Detail,
            reference: None,
            params: Vec::new(),
            readings: Vec::new(),
            note: None,
            estimated: false,
        }
    }
    pub fn estimated(mut self) -> Step {
        self.estimated = true;
        self
    }
    pub fn main(mut self) -> Step {
        self.level = Level::Main;
        self
    }
    pub fn cite(mut self, c: Citation) -> Step {
        self.reference = Some(c);
        self
    }
    pub fn reading(mut self, id: &'static str) -> Step {
        self.readings.push(id);
        self
    }
    pub fn note(mut self, t: Text) -> Step {
        self.note = Some(t);
        self
    }
    pub fn uses(mut self, p: &'static Param) -> Step {
        if !self.params.iter().any(|u| u.name == p.name) {
            self.params.push(ParamUse::of(p));
        }
        self
    }
}

fn operands(calc: &Calc) -> Vec<&Operand> {
    match calc {
        Calc::Sum { terms, .. } => terms.iter().map(|t| &t.operand).collect(),
        Calc::Product { of, by } | Calc::Quotient { of, by } => vec![of, by],
        Calc::Max { of } | Calc::Min { of } => of.iter().collect(),
        Calc::Round { of } => vec![of],
        Calc::Input | Calc::Param { .. } | Calc::Decision => Vec::new(),
    }
}

/// Evaluates a calculation from its operands' values.
pub fn evaluate(calc: &Calc) -> Option<Decimal> {
    match calc {
        Calc::Input | Calc::Param { .. } | Calc::Decision => None,
        Calc::Sum { terms, floor_zero } => {
            let mut s = Decimal::ZERO;
            for t in terms {
                s = match t.sign {
                    Sign::Plus => s.checked_add(t.operand.value)?,
                    Sign::Minus => s.checked_sub(t.operand.value)?,
                };
            }
            Some(if *floor_zero { s.max(Decimal::ZERO) } else { s })
        }
        Calc::Product { of, by } => of.value.checked_mul(by.value),
        Calc::Quotient { of, by } => of.value.checked_div(by.value),
        Calc::Max { of } => of.iter().map(|o| o.value).max(),
        Calc::Min { of } => of.iter().map(|o| o.value).min(),
        Calc::Round { of } => Some(round_cents(of.value)),
    }
}

/// Recomputes every step from the earlier ones and the parameter values.
/// Returns a description of the first step that does not add up.
pub fn verify(steps: &[Step], param_value: impl Fn(&str) -> Option<Decimal>) -> Result<(), String> {
    let mut seen: Vec<(&str, Option<Decimal>)> = Vec::with_capacity(steps.len());
    for s in steps {
        if seen.iter().any(|(id, _)| *id == s.id) {
            return Err(format!("step id `{}` occurs twice", s.id));
        }
        for o in operands(&s.calc) {
            if let Some(id) = o.step {
                match seen.iter().find(|(i, _)| *i == id) {
                    Some((_, Some(v))) if *v == o.value => {}
                    Some((_, v)) => {
                        return Err(format!(
                            "step `{}` uses `{id}` = {} but that step is {v:?}",
                            s.id, o.value
                        ))
                    }
                    None => return Err(format!("step `{}` uses `{id}` before it exists", s.id)),
                }
            }
            if let Some(p) = o.param {
                if param_value(p) != Some(o.value) {
                    return Err(format!(
                        "step `{}` uses parameter `{p}` = {}",
                        s.id, o.value
                    ));
                }
            }
        }
        match (&s.calc, s.amount) {
            (Calc::Decision, Some(_)) => return Err(format!("decision `{}` has an amount", s.id)),
            (Calc::Param { param }, Some(a)) => {
                if param_value(param) != Some(a) {
                    return Err(format!("step `{}` misstates parameter `{param}`", s.id));
                }
            }
            (Calc::Input, _) | (Calc::Decision, None) => {}
            (calc, amount) => {
                let expected = evaluate(calc);
                if expected.is_none() || expected != amount {
                    return Err(format!(
                        "step `{}`: amount {amount:?} but its calculation gives {expected:?}",
                        s.id
                    ));
                }
            }
        }
        seen.push((s.id, s.amount));
    }
    Ok(())
}

/// Collects steps while the engine works.
#[derive(Default, Debug)]
pub struct Trace {
    pub steps: Vec<Step>,
}

impl Trace {
    /// Adds a step whose amount is computed from its calculation, and returns that amount.
    pub fn calc(&mut self, mut step: Step) -> Decimal {
        let used: Vec<&'static Param> = operands(&step.calc)
            .iter()
            .filter_map(|o| o.source)
            .collect();
        for p in used {
            step = step.uses(p);
        }
        let amount = evaluate(&step.calc).unwrap_or(Decimal::ZERO);
        step.amount = Some(amount);
        self.steps.push(step);
        amount
    }

    /// Adds a step with a given amount (an input or a parameter).
    pub fn given(&mut self, mut step: Step, amount: Decimal) -> Decimal {
        step.amount = Some(amount);
        self.steps.push(step);
        amount
    }

    /// Adds a decision or remark.
    pub fn decide(&mut self, step: Step) {
        self.steps.push(step);
    }

    pub fn value(&self, id: &str) -> Option<Decimal> {
        self.steps
            .iter()
            .rev()
            .find(|s| s.id == id)
            .and_then(|s| s.amount)
    }
}

/// Shorthand constructors for calculations.
pub mod c {
    use super::*;

    pub fn plus(o: Operand) -> Term {
        Term {
            sign: Sign::Plus,
            operand: o,
        }
    }
    pub fn minus(o: Operand) -> Term {
        Term {
            sign: Sign::Minus,
            operand: o,
        }
    }
    pub fn sum(terms: Vec<Term>) -> Calc {
        Calc::Sum {
            terms,
            floor_zero: false,
        }
    }
    pub fn sum_floor0(terms: Vec<Term>) -> Calc {
        Calc::Sum {
            terms,
            floor_zero: true,
        }
    }
    pub fn mul(of: Operand, by: Operand) -> Calc {
        Calc::Product { of, by }
    }
    pub fn div(of: Operand, by: Operand) -> Calc {
        Calc::Quotient { of, by }
    }
    pub fn max(of: Vec<Operand>) -> Calc {
        Calc::Max { of }
    }
    pub fn min(of: Vec<Operand>) -> Calc {
        Calc::Min { of }
    }
    pub fn round(of: Operand) -> Calc {
        Calc::Round { of }
    }
}
