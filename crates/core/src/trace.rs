//! The explanation trace: the ordered steps that produced a result. Each
//! step carries its amount, a Dutch and English label, the article it rests
//! on, the parameters it used (with their status) and how its amount follows
//! from earlier steps. [`verify`] recomputes every amount from the steps
//! alone, so the trace provably adds up to the result.

use crate::money::round_cents;
use crate::params::{LegalRef, Param};
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;
use smallvec::SmallVec;

/// The terms of a sum: inline up to 4 (most sums), so a trace step rarely allocates.
pub type Terms = SmallVec<[Term; 4]>;
/// The parameters a step used: inline up to 3.
pub type ParamUses = SmallVec<[ParamUse; 3]>;

/// An operand of a calculation: an earlier step, a parameter or a constant,
/// always with its value so the step can be rendered on its own.
/// Serialized as `{"step": id, "value": …}`, `{"param": name, "value": …}` or `{"value": …}`.
#[derive(Clone, Copy, Debug)]
pub struct Operand {
    source: Source,
    pub value: Decimal,
}

#[derive(Clone, Copy, Debug)]
enum Source {
    Step(&'static str),
    Param(&'static Param),
    Value,
}

impl Operand {
    pub fn step(id: &'static str, value: Decimal) -> Operand {
        Operand {
            source: Source::Step(id),
            value,
        }
    }
    pub fn param(p: &'static Param) -> Operand {
        Operand {
            source: Source::Param(p),
            value: p.decimal,
        }
    }
    pub fn value(value: Decimal) -> Operand {
        Operand {
            source: Source::Value,
            value,
        }
    }
    /// The earlier step this operand refers to.
    pub fn step_id(&self) -> Option<&'static str> {
        match self.source {
            Source::Step(id) => Some(id),
            _ => None,
        }
    }
    /// The parameter this operand refers to.
    pub fn parameter(&self) -> Option<&'static Param> {
        match self.source {
            Source::Param(p) => Some(p),
            _ => None,
        }
    }
}

impl Serialize for Operand {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self.source {
            Source::Step(id) => m.serialize_entry("step", id)?,
            Source::Param(p) => m.serialize_entry("param", &p.name)?,
            Source::Value => {}
        }
        m.serialize_entry("value", &self.value)?;
        m.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Sign {
    #[serde(rename = "+")]
    Plus,
    #[serde(rename = "-")]
    Minus,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term {
    pub sign: Sign,
    #[serde(flatten)]
    pub operand: Operand,
}

/// How a step's amount follows from its operands.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Calc {
    /// A figure the user gave.
    Input,
    /// A parameter value.
    Param { param: &'static str },
    /// A decision or remark; no amount.
    Decision,
    /// Sum of terms; with `floor_zero` never below 0.
    Sum { terms: Terms, floor_zero: bool },
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

/// The OPEN items of the spec (§8) the engine can rely on, in order; a
/// [`ReadingSet`] is a bit set over this list.
pub const OPEN_IDS: [&str; 26] = [
    "O-1", "O-2", "O-3", "O-4", "O-5", "O-6", "O-7", "O-8a", "O-8b", "O-9", "O-10", "O-11", "O-12",
    "O-13", "O-14", "O-15", "O-16", "O-17", "O-18", "O-19", "O-20", "O-21", "O-22", "O-23", "O-25",
    "O-26",
];

/// A set of OPEN items, serialized as the list of their ids in spec order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadingSet(u32);

impl ReadingSet {
    pub fn insert(&mut self, id: &str) {
        if let Some(i) = OPEN_IDS.iter().position(|x| *x == id) {
            self.0 |= 1 << i;
        }
    }
    pub fn contains(&self, id: &str) -> bool {
        OPEN_IDS
            .iter()
            .position(|x| *x == id)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    pub fn union(&mut self, other: ReadingSet) {
        self.0 |= other.0;
    }
    /// The ids in spec order.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        OPEN_IDS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, id)| *id)
    }
}

impl Serialize for ReadingSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.ids())
    }
}

/// How prominent a step is in an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Part of the main line from income to the monthly amount.
    Main,
    /// A detail behind a main step.
    Detail,
}

/// A parameter used by a step: serialized with its name, value, unit, status,
/// reference and, for a DERIVED value, its rule.
#[derive(Clone, Copy, Debug)]
pub struct ParamUse(pub &'static Param);

impl ParamUse {
    pub fn of(p: &'static Param) -> ParamUse {
        ParamUse(p)
    }
}

impl std::ops::Deref for ParamUse {
    type Target = Param;
    fn deref(&self) -> &Param {
        self.0
    }
}

impl Serialize for ParamUse {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let p = self.0;
        let mut st = s.serialize_struct("ParamUse", 6)?;
        st.serialize_field("name", &p.name)?;
        st.serialize_field("value", &p.decimal)?;
        st.serialize_field("unit", &p.unit)?;
        st.serialize_field("status", &p.status)?;
        st.serialize_field("reference", &p.reference)?;
        match &p.derivation {
            Some(d) => st.serialize_field("derivation", d)?,
            None => st.skip_field("derivation")?,
        }
        st.end()
    }
}

/// A citation: an article of a year's law version plus the precise part.
/// Serialized as `{"article": "Blz art. 3.3.2.2 lid 1 a", "url": …}`; kept as
/// borrowed parts so building a trace allocates nothing for its citations.
#[derive(Clone, Debug)]
pub struct Citation {
    law: &'static LegalRef,
    detail: &'static str,
}

impl Citation {
    pub fn new(r: &'static LegalRef, detail: &'static str) -> Citation {
        Citation { law: r, detail }
    }

    /// For example `Blz art. 3.3.2.2 lid 1 a`.
    pub fn article(&self) -> String {
        if self.detail.is_empty() {
            self.law.article.to_string()
        } else {
            format!("{} {}", self.law.article, self.detail)
        }
    }

    /// The wetten.overheid.nl link of the version that applies.
    pub fn url(&self) -> &'static str {
        self.law.url
    }
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Citation", 2)?;
        st.serialize_field("article", &self.article())?;
        st.serialize_field("url", self.url())?;
        st.end()
    }
}

/// One step of the explanation trace: its amount, how it follows from its
/// operands (`op`), a label in Dutch and English and its legal reference.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[serde(skip_serializing_if = "SmallVec::is_empty")]
    pub params: ParamUses,
    /// OPEN items (spec §8) whose default reading this step relies on.
    #[serde(skip_serializing_if = "ReadingSet::is_empty")]
    pub readings: ReadingSet,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<Text>>,
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
            params: SmallVec::new(),
            readings: ReadingSet::default(),
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
        self.readings.insert(id);
        self
    }
    pub fn note(mut self, t: Text) -> Step {
        self.note = Some(Box::new(t));
        self
    }
    pub fn uses(mut self, p: &'static Param) -> Step {
        if !self.params.iter().any(|u| std::ptr::eq(u.0, p)) {
            self.params.push(ParamUse::of(p));
        }
        self
    }
}

fn operands(calc: &Calc) -> &[Operand] {
    match calc {
        Calc::Product { of, .. } | Calc::Quotient { of, .. } | Calc::Round { of } => {
            std::slice::from_ref(of)
        }
        Calc::Max { of } | Calc::Min { of } => of,
        Calc::Sum { .. } | Calc::Input | Calc::Param { .. } | Calc::Decision => &[],
    }
}

/// Calls `f` for every operand of a calculation, without allocating.
fn each_operand(calc: &Calc, mut f: impl FnMut(&Operand)) {
    match calc {
        Calc::Sum { terms, .. } => terms.iter().for_each(|t| f(&t.operand)),
        Calc::Product { of, by } | Calc::Quotient { of, by } => {
            f(of);
            f(by);
        }
        other => operands(other).iter().for_each(f),
    }
}

/// Whether a step belongs in the short explanation a reader sees first: the
/// main line and the decisions. The regime decision and the partial-month
/// amount are shown on lines of their own by every front end.
pub fn is_shown(s: &Step) -> bool {
    if s.id == "regime" || s.id == "due" {
        return false;
    }
    s.level == Level::Main || matches!(s.calc, Calc::Decision)
}

/// The parameters of `status` each step rests on: those it uses itself and those of the
/// detail steps behind it that are not shown ([`is_shown`]). The page uses it to put the rule
/// of a DERIVED value one click away from the line a reader sees.
pub fn params_behind(steps: &[Step], status: crate::params::Status) -> Vec<Vec<ParamUse>> {
    let mut out: Vec<Vec<ParamUse>> = Vec::with_capacity(steps.len());
    for s in steps {
        let mut v: Vec<ParamUse> = s
            .params
            .iter()
            .filter(|p| p.status == status)
            .copied()
            .collect();
        each_operand(&s.calc, |o| {
            let Some(id) = o.step_id() else { return };
            let behind = steps.iter().zip(&out).rev().find(|(t, _)| t.id == id);
            if let Some((_, ps)) = behind.filter(|(t, _)| !is_shown(t)) {
                for p in ps {
                    if !v.iter().any(|q| std::ptr::eq(q.0, p.0)) {
                        v.push(*p);
                    }
                }
            }
        });
        out.push(v);
    }
    out
}

/// Which steps to mark as an estimate: those that use an ESTIMATE parameter,
/// directly or through detail steps that are not shown ([`is_shown`]). A
/// shown step that builds on a marked shown step is not marked again, so a
/// reader sees the mark where the estimate enters, not on every later line.
pub fn estimate_marks(steps: &[Step]) -> Vec<bool> {
    let mut marks: Vec<bool> = Vec::with_capacity(steps.len());
    for s in steps {
        let direct = s
            .params
            .iter()
            .any(|p| p.status == crate::params::Status::Estimate);
        let mut hidden = false;
        each_operand(&s.calc, |o| {
            if let Some(id) = o.step_id() {
                hidden |= steps
                    .iter()
                    .zip(&marks)
                    .rev()
                    .find(|(t, _)| t.id == id)
                    .is_some_and(|(t, m)| *m && !is_shown(t));
            }
        });
        marks.push(direct || hidden);
    }
    marks
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
        let mut problem: Option<String> = None;
        each_operand(&s.calc, |o| {
            if problem.is_some() {
                return;
            }
            if let Some(id) = o.step_id() {
                match seen.iter().find(|(i, _)| *i == id) {
                    Some((_, Some(v))) if *v == o.value => {}
                    Some((_, v)) => {
                        problem = Some(format!(
                            "step `{}` uses `{id}` = {} but that step is {v:?}",
                            s.id, o.value
                        ))
                    }
                    None => problem = Some(format!("step `{}` uses `{id}` before it exists", s.id)),
                }
            }
            if let Some(p) = o.parameter().map(|p| p.name) {
                if param_value(p) != Some(o.value) {
                    problem = Some(format!(
                        "step `{}` uses parameter `{p}` = {}",
                        s.id, o.value
                    ));
                }
            }
        });
        if let Some(p) = problem {
            return Err(p);
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
#[derive(Debug)]
pub struct Trace {
    pub steps: Vec<Step>,
}

impl Default for Trace {
    fn default() -> Self {
        // A full hoge-bijdrage trace for a couple has about 60 steps.
        Trace {
            steps: Vec::with_capacity(64),
        }
    }
}

impl Trace {
    /// Adds a step whose amount is computed from its calculation, and returns that amount.
    pub fn calc(&mut self, step: Step) -> Decimal {
        // Moved once, into place; the rest is filled in there.
        self.steps.push(step);
        let Some(step) = self.steps.last_mut() else {
            return Decimal::ZERO;
        };
        let Step { calc, params, .. } = step;
        each_operand(calc, |o| {
            if let Some(p) = o.parameter() {
                if !params.iter().any(|u| std::ptr::eq(u.0, p)) {
                    params.push(ParamUse(p));
                }
            }
        });
        let amount = evaluate(&step.calc).unwrap_or(Decimal::ZERO);
        step.amount = Some(amount);
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
        // Ids are string literals, which the compiler merges: a pass comparing
        // addresses only finds nearly every step; the text is compared only
        // when that fails.
        let step = match self.steps.iter().rev().find(|s| std::ptr::eq(s.id, id)) {
            Some(s) => Some(s),
            None => self.steps.iter().rev().find(|s| s.id == id),
        };
        step.and_then(|s| s.amount)
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
    pub fn sum(terms: Terms) -> Calc {
        Calc::Sum {
            terms,
            floor_zero: false,
        }
    }
    pub fn sum_floor0(terms: Terms) -> Calc {
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
