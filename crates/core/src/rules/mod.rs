//! The rules of the Wlz eigen bijdrage, one module per legal concept. Each module opens with
//! the formula it implements and the articles it cites; [`crate::engine`] drives them in the
//! order of the law and collects the explanation trace.
//!
//! | Concept | Articles | Module |
//! |---|---|---|
//! | Peiljaar, inkomen of the peiljaar, AOW status | Blz 1.1.1, 3.3.1.4 | [`peiljaar`] |
//! | Lage or hoge bijdrage, the start period of a stay | Blz 3.3.1.1, 3.3.2.1, 3.3.2.2 lid 1, 6–8 | [`crate::regime`] (decision), [`verblijf`] (its steps) |
//! | Vermogen and the vermogensinkomensbijtelling | Blz 3.3.1.2, 3.3.1.2a lid 3; Wet IB 9.4 | [`vermogen`] |
//! | Extra vermogensvrijstelling (2024, 2025) | Blz 3.3.1.2 lid 3 (as it read then) | [`extra_vrijstelling`] |
//! | Compensatie vervallen ouderentoeslag (2024, 2025) | Blz 3.3.1.2a lid 1–2, 3.3.2.3 lid 1 b 4°/5°; Wet IB 5.2 | [`cot`] |
//! | Lage eigen bijdrage | Blz 3.3.2.2 lid 1–5, 3.3.2.4 lid 1, 3.3.2.4a | [`leb`] |
//! | Deductions of the hoge bijdrage | Rlz hoofdstuk 4, art. 4.4 | [`heb_aftrek`] |
//! | Hoge eigen bijdrage | Blz 3.3.2.1 lid 1–2, 3.3.2.3 lid 1 | [`heb`] |
//! | Income tax of the peiljaar, estimated | Wet IB 2001 (tariff, heffingskortingen) | [`crate::tax`] |
//! | No income data at the CAK | Blz 3.3.2.7 | [`geen_gegevens`] |
//! | Exemption for a low income (a hint) | Blz 3.3.2.2 lid 9–11; Participatiewet 23 | [`vrijstelling`] |
//! | Rounding, part of a month, the split between spouses | Blz 3.3.2.9 lid 2–3 | [`maand`] |
//!
//! Every module lists the citations it makes in `CITES`; [`CITES`] gathers them, and the test
//! `crates/core/tests/articles.rs` checks that every article (with its lid) a trace cites belongs
//! to exactly one module.

pub mod cot;
pub mod extra_vrijstelling;
pub mod geen_gegevens;
pub mod heb;
pub mod heb_aftrek;
pub(crate) mod labels;
pub mod leb;
pub mod maand;
pub mod peiljaar;
pub mod verblijf;
pub mod vermogen;
pub mod vrijstelling;

use crate::engine::{Note, NoteKind};
use crate::household::{Household, Member};
use crate::params::{Article, Param, YearParams};
use crate::text::Text;
use crate::trace::{Citation, Operand, ReadingSet, Step, Trace};
use rust_decimal::Decimal;

/// A citation as the rules make it: an article and the lid (or other detail) within it.
pub type Cite = (Article, &'static str);

/// Every module's citations, by module: the one place that says which rule cites what.
pub const CITES: &[(&str, &[Cite])] = &[
    ("peiljaar", peiljaar::CITES),
    ("regime", crate::regime::CITES),
    ("verblijf", verblijf::CITES),
    ("vermogen", vermogen::CITES),
    ("extra_vrijstelling", extra_vrijstelling::CITES),
    ("cot", cot::CITES),
    ("leb", leb::CITES),
    ("heb_aftrek", heb_aftrek::CITES),
    ("heb", heb::CITES),
    ("geen_gegevens", geen_gegevens::CITES),
    ("vrijstelling", vrijstelling::CITES),
    ("maand", maand::CITES),
    ("scenarios", crate::scenarios::CITES),
];

/// The state of one estimate while the rules run: the household, the year's parameters, and
/// what the rules have written so far (trace steps, notes, the OPEN readings relied on).
pub(crate) struct Engine<'h, 'a> {
    pub h: &'h Household<'a>,
    pub p: &'static YearParams,
    pub t: Trace,
    pub notes: Vec<Note>,
    pub readings: ReadingSet,
}

pub(crate) fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

impl<'h, 'a> Engine<'h, 'a> {
    pub fn new(h: &'h Household<'a>) -> Self {
        Engine {
            h,
            p: h.params,
            t: Trace::default(),
            notes: Vec::new(),
            readings: ReadingSet::default(),
        }
    }

    pub fn cite(&self, article: Article, detail: &'static str) -> Citation {
        Citation::new(self.p.reference(article), detail)
    }

    pub fn read(&mut self, id: &'static str) {
        self.readings.insert(id);
    }

    pub fn note(&mut self, kind: NoteKind, text: Text, reference: Option<Citation>) {
        self.notes.push(Note {
            kind,
            text,
            reference,
        });
    }

    pub fn param_step(&mut self, id: &'static str, p: &'static Param) -> Decimal {
        let step = Step::new(
            id,
            p.label.clone(),
            crate::trace::Calc::Param { param: p.name },
        )
        .uses(p)
        .cite(Citation::new(&p.reference, ""));
        self.t.given(step, p.decimal)
    }

    pub fn input_step(&mut self, id: &'static str, label: Text, v: Decimal) -> Decimal {
        self.t
            .given(Step::new(id, label, crate::trace::Calc::Input), v)
    }

    pub fn op(&self, id: &'static str) -> Operand {
        Operand::step(id, self.t.value(id).unwrap_or_default())
    }
}

/// Each spouse's share in proportion to their (non-negative) assets; halves when both have none.
/// Used to divide joint box-3 figures (IB 5.2 allocation default, spec §4.5).
pub(crate) fn asset_shares(members: &[Member]) -> Vec<Decimal> {
    let pos: Vec<Decimal> = members
        .iter()
        .map(|m| m.assets.max(Decimal::ZERO))
        .collect();
    let total: Decimal = pos.iter().sum();
    pos.iter()
        .map(|p| {
            if total.is_zero() {
                Decimal::ONE / Decimal::from(members.len())
            } else {
                *p / total
            }
        })
        .collect()
}
