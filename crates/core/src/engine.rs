//! From a checked household to amounts, with the explanation trace:
//! bijdrageplichtig inkomen (spec §4), the LEB (§5.1), the HEB (§5.2), the
//! no-data rules (§5.3), rounding and partial months (§5.4) and the split
//! between spouses (§5.5).

use crate::error::{ErrorCode, InputError};
use crate::household::{self, Form, Household, Member, Role};
use crate::input::{Input, CONTRACT_VERSION};
use crate::params::Article;
use crate::params::{NoDataRule, Param, Status, YearParams};
use crate::regime::{self, Decision, Regime};
use crate::t;
use crate::text::Text;
use crate::trace::{c, Citation, Operand, ReadingSet, Step, Terms, Trace};
use rust_decimal::Decimal;
use serde::Serialize;
use smallvec::smallvec;

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
        && had_cot_under_last_years_rules(input, params)
    {
        est.readings.insert("O-2");
        est.notes.push(transitional_cot_note(params));
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

/// O-2: in a year without the COT that follows a year with it (2026 after 2025), whether this
/// household's figures would have given a COT under last year's rules. Stb. 2025, 255 very
/// probably keeps a reduced COT in 2026 for people who had it in 2025 (spec §8 O-2); its size is
/// unknown, so the estimate only says so. The same income and assets are used (the household's
/// own figures of last year are not asked); dates and stays are left out, as the COT does not
/// depend on them.
fn had_cot_under_last_years_rules(input: &Input, params: &'static YearParams) -> bool {
    let Some(last) = crate::params::for_year(params.year - 1) else {
        return false;
    };
    let could = params.cot.is_none()
        && last.cot.is_some()
        && [Some(&input.client), input.partner.as_ref()]
            .into_iter()
            .flatten()
            .any(|p| p.assets.is_some_and(|a| a.0 > Decimal::ZERO));
    if !could {
        return false;
    }
    let mut then = input.clone();
    then.year = last.year;
    then.date = None;
    then.days = None;
    for p in [Some(&mut then.client), then.partner.as_mut()]
        .into_iter()
        .flatten()
    {
        p.stay = None;
        // A year earlier the person was a year younger (a date of birth says so by itself).
        p.age = p.age.map(|a| a.saturating_sub(1));
    }
    estimate_one(&then, last).is_ok_and(|e| {
        e.steps.iter().any(|s| {
            matches!(s.id, "cot_client" | "cot_partner")
                && s.amount.is_some_and(|a| a > Decimal::ZERO)
        })
    })
}

fn transitional_cot_note(params: &'static YearParams) -> Note {
    let (y, last) = (params.year, params.year - 1);
    Note {
        kind: NoteKind::Assumption,
        text: Text::owned(
            format!("Met de regels van {last} zou u compensatie voor de vervallen ouderentoeslag krijgen. Die regeling is in {y} afgeschaft. Wie de compensatie in {last} had, krijgt in {y} waarschijnlijk nog een deel. Hoeveel is nog niet bekend. Dat deel zit niet in deze berekening. Uw echte bijdrage kan daardoor lager zijn."),
            format!("Under the {last} rules you would get the compensation for the abolished elderly allowance. It was abolished in {y}. People who had it in {last} very probably keep part of it in {y}, of a size not yet known. That part is not in this estimate, so your real contribution may be lower."),
        ),
        reference: Some(Citation::new(params.reference(Article::CotOvergang), "")),
    }
}

/// Parses the JSON contract and estimates.
pub fn estimate_json(json: &str) -> Result<Estimate, InputError> {
    estimate(&Input::from_json(json)?)
}

struct Engine<'h, 'a> {
    h: &'h Household<'a>,
    p: &'static YearParams,
    t: Trace,
    notes: Vec<Note>,
    readings: ReadingSet,
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

impl<'h, 'a> Engine<'h, 'a> {
    fn cite(&self, article: Article, detail: &'static str) -> Citation {
        Citation::new(self.p.reference(article), detail)
    }

    fn read(&mut self, id: &'static str) {
        self.readings.insert(id);
    }

    fn note(&mut self, kind: NoteKind, text: Text, reference: Option<Citation>) {
        self.notes.push(Note {
            kind,
            text,
            reference,
        });
    }

    fn param_step(&mut self, id: &'static str, p: &'static Param) -> Decimal {
        let step = Step::new(
            id,
            p.label.clone(),
            crate::trace::Calc::Param { param: p.name },
        )
        .uses(p)
        .cite(Citation::new(&p.reference, ""));
        self.t.given(step, p.decimal)
    }

    fn input_step(&mut self, id: &'static str, label: Text, v: Decimal) -> Decimal {
        self.t
            .given(Step::new(id, label, crate::trace::Calc::Input), v)
    }

    fn op(&self, id: &'static str) -> Operand {
        Operand::step(id, self.t.value(id).unwrap_or_default())
    }

    // ---------------------------------------------------------------
    // Persons: AOW status (Blz 3.3.1.4)

    fn aow_steps(&mut self) {
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
                crate::trace::Calc::Decision,
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

    // ---------------------------------------------------------------
    // Vermogen and VIB (Blz 3.3.1.2, 3.3.1.2a; spec §4.2–4.4)

    /// Whether the extra vermogensvrijstelling applies to `x` (2024/2025, spec §4.3).
    fn extra_vrijstelling_applies(&mut self, x: &Member) -> bool {
        if self.p.extra_vrijstelling_pp.is_none() {
            return false;
        }
        if x.is_wlz_client() && !x.aow {
            return true;
        }
        let r = &self.h.input.readings;
        let Some(s) = self.h.members.iter().find(|m| m.role != x.role) else {
            return false;
        };
        let spouse_qualifies = s.is_wlz_client() && (!s.aow || r.extra_vrijstelling_any_verzekerde);
        if !spouse_qualifies {
            return false;
        }
        self.read("O-8a");
        // A spouse owes a contribution of their own when they receive Wlz care (O-8b). A spouse
        // in beschermd wonen does not by default: UBWMO 3.8 lid 3 a suspends the Wmo contribution
        // while a Wlz contribution is owed (O-26).
        let owes = x.is_wlz_client() || r.spouse_without_care_owes || (x.bw && r.bw_spouse_owes);
        if !x.is_wlz_client() {
            self.read("O-8b");
            if x.bw {
                self.read("O-26");
            }
        }
        x.aow || !owes
    }

    /// Vermogen per person (or jointly, O-3 alternative) and the VIB. Returns the VIB.
    fn vermogen_and_vib(&mut self) -> Decimal {
        let p = self.p;
        let r = self.h.input.readings.clone();
        let couple = self.h.is_couple();
        let h = self.h;
        let members = &h.members;
        let mut extra = [false, false];
        for (i, m) in members.iter().enumerate() {
            extra[i] = self.extra_vrijstelling_applies(m);
        }
        for m in members.iter() {
            let id = m.role.id("assets_client", "assets_partner");
            let (nl, en) = match m.role {
                Role::Client => (
                    "Vermogen (rendementsgrondslag) op 1 januari van het peiljaar",
                    "Assets (box-3 base) on 1 January of the peiljaar",
                ),
                Role::Partner => (
                    "Vermogen van de partner op 1 januari van het peiljaar",
                    "Partner's assets on 1 January of the peiljaar",
                ),
            };
            self.input_step(id, Text::fixed(nl, en), m.assets);
        }
        let vermogen_ids: Vec<&'static str>;
        if couple && r.joint_vermogen_threshold {
            self.read("O-3");
            let total = self.t.calc(Step::new(
                "assets_total",
                t!("Vermogen samen", "Combined assets"),
                c::sum(smallvec![
                    c::plus(self.op("assets_client")),
                    c::plus(self.op("assets_partner")),
                ]),
            ));
            let _ = total;
            self.t.calc(
                Step::new(
                    "vermogen_threshold_joint",
                    t!(
                        "Vrijstelling voor het paar (2 × per persoon)",
                        "Exemption for the couple (2 × per person)"
                    ),
                    c::mul(
                        Operand::param(&p.vermogen_threshold_pp),
                        Operand::value(d(2)),
                    ),
                )
                .cite(self.cite(Article::Ib94, "lid 1 c")),
            );
            let mut terms: Terms = smallvec![
                c::plus(self.op("assets_total")),
                c::minus(self.op("vermogen_threshold_joint")),
            ];
            self.t.calc(
                Step::new(
                    "vermogensgrondslag_joint",
                    t!(
                        "Vermogen boven de vrijstelling (samen)",
                        "Assets above the exemption (together)"
                    ),
                    c::sum_floor0(std::mem::take(&mut terms)),
                )
                .cite(self.cite(Article::Blz3312, "lid 2"))
                .reading("O-3"),
            );
            let mut terms: Terms = smallvec![c::plus(self.op("vermogensgrondslag_joint"))];
            for (i, m) in members.iter().enumerate() {
                if m.one_off > Decimal::ZERO {
                    let id = m.role.id("one_off_client", "one_off_partner");
                    self.input_step(
                        id,
                        t!(
                            "Eenmalige uitkeringen (op verzoek buiten het vermogen)",
                            "One-off payments (left out on request)"
                        ),
                        m.one_off,
                    );
                    terms.push(c::minus(self.op(id)));
                }
                if extra[i] {
                    terms.push(c::minus(Operand::param(
                        p.extra_vrijstelling_pp.as_ref().expect("checked"),
                    )));
                }
            }
            self.t.calc(
                Step::new(
                    "vermogen_joint",
                    t!(
                        "Vermogen dat meetelt (samen)",
                        "Assets that count (together)"
                    ),
                    c::sum_floor0(terms),
                )
                .cite(self.cite(Article::Blz3312, "lid 1"))
                .main(),
            );
            // Each spouse's part of the joint figure, in proportion to assets, for the
            // readings that need a personal vermogen (O-5, O-7, O-19 alternatives).
            let shares = asset_shares(members);
            for (i, m) in members.iter().enumerate() {
                let share = shares[i];
                self.t.calc(
                    Step::new(
                        m.role.id("vermogen_client", "vermogen_partner"),
                        t!(
                            "Eigen deel van het vermogen dat meetelt (naar vermogen)",
                            "Own part of the assets that count (by assets)"
                        ),
                        c::mul(self.op("vermogen_joint"), Operand::value(share)),
                    )
                    .reading("O-3"),
                );
            }
            vermogen_ids = vec!["vermogen_joint"];
        } else {
            let mut ids = Vec::new();
            // Lid 4: a one-off payment above one's own grondslag moves to the spouse.
            let mut grondslag = [Decimal::ZERO; 2];
            for (i, m) in members.iter().enumerate() {
                let gid = m
                    .role
                    .id("vermogensgrondslag_client", "vermogensgrondslag_partner");
                let aid = m.role.id("assets_client", "assets_partner");
                let mut s = Step::new(
                    gid,
                    match m.role {
                        Role::Client => t!(
                            "Vermogen boven de vrijstelling",
                            "Assets above the exemption"
                        ),
                        Role::Partner => t!(
                            "Vermogen van de partner boven de vrijstelling",
                            "Partner's assets above the exemption"
                        ),
                    },
                    c::sum_floor0(smallvec![
                        c::plus(self.op(aid)),
                        c::minus(Operand::param(&p.vermogen_threshold_pp)),
                    ]),
                )
                .cite(self.cite(Article::Blz3312, "lid 2"));
                if couple {
                    s = s.reading("O-3");
                    self.read("O-3");
                }
                grondslag[i] = self.t.calc(s);
            }
            for (i, m) in members.iter().enumerate() {
                let gid = m
                    .role
                    .id("vermogensgrondslag_client", "vermogensgrondslag_partner");
                let mut terms: Terms = smallvec![c::plus(self.op(gid))];
                if m.one_off > Decimal::ZERO {
                    let id = m.role.id("one_off_client", "one_off_partner");
                    let own = m.one_off.min(grondslag[i]);
                    self.input_step(
                        id,
                        t!(
                            "Eenmalige uitkeringen (op verzoek buiten het vermogen)",
                            "One-off payments (left out on request)"
                        ),
                        own,
                    );
                    terms.push(c::minus(self.op(id)));
                }
                if couple {
                    let other = &members[1 - i];
                    let excess = (other.one_off - grondslag[1 - i]).max(Decimal::ZERO);
                    if excess > Decimal::ZERO {
                        let id = m.role.id("one_off_moved_client", "one_off_moved_partner");
                        self.input_step(id, t!("Deel van de eenmalige uitkering van de partner dat overblijft (lid 4)", "Part of the spouse's one-off payment left over (lid 4)"), excess);
                        terms.push(c::minus(self.op(id)));
                    }
                }
                let mut reading = None;
                if extra[i] {
                    terms.push(c::minus(Operand::param(
                        p.extra_vrijstelling_pp.as_ref().expect("checked"),
                    )));
                    if m.role == Role::Partner {
                        reading = Some("O-8a");
                    }
                }
                let id = m.role.id("vermogen_client", "vermogen_partner");
                let mut s = Step::new(
                    id,
                    match m.role {
                        Role::Client => t!("Vermogen dat meetelt", "Assets that count"),
                        Role::Partner => t!(
                            "Vermogen van de partner dat meetelt",
                            "Partner's assets that count"
                        ),
                    },
                    c::sum_floor0(terms),
                )
                .cite(self.cite(Article::Blz3312, "lid 1"));
                if let Some(rd) = reading {
                    s = s.reading(rd);
                }
                if extra[i] {
                    s = s.note(t!(
                        "Inclusief de extra vermogensvrijstelling (onder de AOW-leeftijd, alleen 2024 en 2025).",
                        "Including the extra asset exemption (below state pension age, 2024 and 2025 only)."
                    ));
                }
                self.t.calc(s);
                ids.push(id);
            }
            if couple {
                self.t.calc(Step::new(
                    "vermogen_total",
                    t!("Vermogen dat meetelt, samen", "Assets that count, together"),
                    c::sum(ids.iter().map(|id| c::plus(self.op(id))).collect()),
                ));
                vermogen_ids = vec!["vermogen_total"];
            } else {
                vermogen_ids = ids;
            }
        }
        let base = vermogen_ids[0];
        self.t.calc(
            Step::new(
                "vib",
                t!(
                    "Vermogensinkomensbijtelling (4% van het vermogen)",
                    "Notional income from assets (4% of assets)"
                ),
                c::mul(self.op(base), Operand::param(&p.vib_rate)),
            )
            .cite(self.cite(
                Article::Blz3312a,
                if p.cot.is_some() { "lid 3" } else { "" },
            ))
            .main(),
        )
    }

    // ---------------------------------------------------------------
    // COT (Blz 3.3.1.2a lid 1–2, 2024/2025; spec §4.5)

    /// Computes the COT test and amount for each member where it applies.
    /// Returns per member `Some(step id of the COT)` when it applies.
    fn cot(&mut self, vib: Decimal) -> [Option<&'static str>; 2] {
        let mut out = [None, None];
        let Some(cp) = self.p.cot.as_ref() else {
            return out;
        };
        let r = self.h.input.readings.clone();
        let h = self.h;
        let members = &h.members;
        if !members.iter().any(|m| m.aow) {
            return out;
        }
        self.read("O-4");
        self.read("O-5");
        self.read("O-7");
        let couple = members.len() == 2;
        // GSB (IB 5.2): the joint excess over twice the allowance, shared in proportion to assets.
        if couple {
            self.t.calc(
                Step::new(
                    "gsb_joint",
                    t!(
                        "Grondslag sparen en beleggen, samen",
                        "Box-3 taxable base, together"
                    ),
                    c::sum_floor0(smallvec![
                        c::plus(self.op("assets_client")),
                        c::plus(self.op("assets_partner")),
                        c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                        c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                    ]),
                )
                .cite(self.cite(Article::Ib52, "")),
            );
        }
        let shares = asset_shares(members);
        for (i, m) in members.iter().enumerate() {
            if !m.aow {
                continue;
            }
            let gsb_id = m.role.id("gsb_client", "gsb_partner");
            if couple {
                let share = shares[i];
                self.t.calc(
                    Step::new(
                        gsb_id,
                        t!(
                            "Eigen deel van de grondslag sparen en beleggen (naar vermogen)",
                            "Own share of the box-3 taxable base (by assets)"
                        ),
                        c::mul(self.op("gsb_joint"), Operand::value(share)),
                    )
                    .cite(self.cite(Article::Ib52, "")),
                );
            } else {
                self.t.calc(
                    Step::new(
                        gsb_id,
                        t!("Grondslag sparen en beleggen", "Box-3 taxable base"),
                        c::sum_floor0(smallvec![
                            c::plus(self.op(m.role.id("assets_client", "assets_partner"))),
                            c::minus(Operand::param(&cp.box3_heffingvrij_pj)),
                        ]),
                    )
                    .cite(self.cite(Article::Ib52, "")),
                );
            }
            // a: one-off payments; b: the extra vrijstelling (never for someone at AOW age, but kept general).
            let mut deductions = Vec::new();
            if m.one_off > Decimal::ZERO {
                deductions.push(Operand::value(m.one_off));
            }
            if self.extra_vrijstelling_applies(m) {
                deductions.push(Operand::param(
                    self.p.extra_vrijstelling_pp.as_ref().expect("checked"),
                ));
            }
            let pct_id = m.role.id("cot_pct_client", "cot_pct_partner");
            if r.cot_grouping_outside {
                let gross = m.role.id("cot_gsb_pct_client", "cot_gsb_pct_partner");
                self.t.calc(Step::new(
                    gross,
                    t!(
                        "4% van de grondslag sparen en beleggen",
                        "4% of the box-3 taxable base"
                    ),
                    c::mul(self.op(gsb_id), Operand::param(&cp.cot_rate)),
                ));
                let mut terms: Terms = smallvec![c::plus(self.op(gross))];
                terms.extend(deductions.into_iter().map(c::minus));
                self.t.calc(
                    Step::new(
                        pct_id,
                        t!(
                            "4% van de grondslag, min aftrekken",
                            "4% of the base, minus deductions"
                        ),
                        c::sum_floor0(terms),
                    )
                    .reading("O-4"),
                );
            } else {
                let adj = m.role.id("gsb_adj_client", "gsb_adj_partner");
                let mut terms: Terms = smallvec![c::plus(self.op(gsb_id))];
                terms.extend(deductions.into_iter().map(c::minus));
                self.t.calc(
                    Step::new(
                        adj,
                        t!("Grondslag na aftrekken", "Base after deductions"),
                        c::sum_floor0(terms),
                    )
                    .reading("O-4"),
                );
                self.t.calc(Step::new(
                    pct_id,
                    t!(
                        "4% van de grondslag na aftrekken",
                        "4% of the base after deductions"
                    ),
                    c::mul(self.op(adj), Operand::param(&cp.cot_rate)),
                ));
            }
            // Income test (3.3.2.3 lid 1 b 4°/5°, 3.3.2.4a): income − 4% of the base < limit (O-7).
            let test_id = m.role.id("cot_test_client", "cot_test_partner");
            let income_id = m.role.id("income_client", "income_partner");
            let test_term = if r.cot_test_on_vermogen {
                let vid = m.role.id("vermogen_client", "vermogen_partner");
                let v = self.t.value(vid).unwrap_or(Decimal::ZERO);
                let id = m
                    .role
                    .id("cot_test_vermogen_client", "cot_test_vermogen_partner");
                self.t.calc(
                    Step::new(
                        id,
                        t!("4% van het vermogen (Blz)", "4% of the assets (Blz)"),
                        c::mul(Operand::step(vid, v), Operand::param(&cp.cot_rate)),
                    )
                    .reading("O-7"),
                );
                self.op(id)
            } else {
                self.op(pct_id)
            };
            let test = self.t.calc(
                Step::new(
                    test_id,
                    t!(
                        "Toets: inkomen min 4% van de grondslag",
                        "Test: income minus 4% of the base"
                    ),
                    c::sum(smallvec![c::plus(self.op(income_id)), c::minus(test_term)]),
                )
                .cite(self.cite(Article::Blz3323, "lid 1 b 4°/5°"))
                .reading("O-7"),
            );
            let applies = test < cp.cot_income_limit.decimal;
            self.t.decide(
                Step::new(
                    m.role.id("cot_applies_client", "cot_applies_partner"),
                    t!("Compensatie vervallen ouderentoeslag", "Compensation for the abolished elderly allowance"),
                    crate::trace::Calc::Decision,
                )
                .uses(&cp.cot_income_limit)
                .cite(self.cite(Article::Blz3312a, "lid 1–2"))
                .note(match (applies, m.role) {
                    (true, Role::Client) => t!(
                        "De toets ligt onder de inkomensgrens: u krijgt de compensatie.",
                        "The test is below the income limit: you get the compensation."
                    ),
                    (true, Role::Partner) => t!(
                        "De toets ligt onder de inkomensgrens: uw partner krijgt de compensatie.",
                        "The test is below the income limit: your partner gets the compensation."
                    ),
                    (false, Role::Client) => t!(
                        "De toets ligt niet onder de inkomensgrens: geen compensatie.",
                        "The test is not below the income limit: no compensation."
                    ),
                    (false, Role::Partner) => t!(
                        "De toets ligt niet onder de inkomensgrens: geen compensatie voor uw partner.",
                        "The test is not below the income limit: no compensation for your partner."
                    ),
                }),
            );
            if !applies {
                continue;
            }
            let vib_operand = if r.cot_own_vib_share && couple {
                let vid = m.role.id("vermogen_client", "vermogen_partner");
                let v = self.t.value(vid).unwrap_or(Decimal::ZERO);
                let id = m.role.id("vib_own_client", "vib_own_partner");
                self.t.calc(
                    Step::new(
                        id,
                        t!(
                            "Eigen deel van de vermogensinkomensbijtelling",
                            "Own share of the notional asset income"
                        ),
                        c::mul(Operand::step(vid, v), Operand::param(&self.p.vib_rate)),
                    )
                    .reading("O-5"),
                );
                self.op(id)
            } else {
                Operand::step("vib", vib)
            };
            let raw = m.role.id("cot_raw_client", "cot_raw_partner");
            self.t.calc(
                Step::new(
                    raw,
                    t!(
                        "4% van de grondslag plus de vermogensinkomensbijtelling",
                        "4% of the base plus the notional asset income"
                    ),
                    c::sum(smallvec![c::plus(self.op(pct_id)), c::plus(vib_operand)]),
                )
                .reading("O-5"),
            );
            let id = m.role.id("cot_client", "cot_partner");
            self.t.calc(
                Step::new(id, match m.role {
                    Role::Client => t!("Compensatie vervallen ouderentoeslag (hoogstens € 1.700)", "Elderly-allowance compensation (at most €1,700)"),
                    Role::Partner => t!("Compensatie vervallen ouderentoeslag van de partner (hoogstens € 1.700)", "Partner's elderly-allowance compensation (at most €1,700)"),
                }, c::min(vec![self.op(raw), Operand::param(&cp.cot_max_pp)]))
                .cite(self.cite(Article::Blz3312a, "lid 1–2"))
                .main(),
            );
            out[i] = Some(id);
        }
        out
    }

    fn income_steps(&mut self) {
        let h = self.h;
        for m in &h.members {
            let id = m.role.id("income_client", "income_partner");
            let label = Text::borrowed(match m.role {
                Role::Client => &self.p.texts.income_client,
                Role::Partner => &self.p.texts.income_partner,
            });
            let s = Step::new(id, label, crate::trace::Calc::Input)
                .cite(self.cite(Article::Blz111, ""))
                .main();
            self.t.given(s, m.income);
        }
    }

    /// Does the mpt/pgb deduction and korting apply (Blz 3.3.2.2 lid 4, 3.3.2.4 lid 1; O-9)?
    fn thuis(&mut self) -> usize {
        let tops: Vec<Form> = self.h.members.iter().map(regime::effective_form).collect();
        let with_thuis = tops.iter().filter(|f| f.is_thuis()).count();
        if with_thuis == 0 {
            return 0;
        }
        let household_top = tops
            .iter()
            .copied()
            .min_by_key(|f| f.rank())
            .unwrap_or(Form::None);
        if !household_top.is_thuis() {
            self.read("O-9");
            if self.h.input.readings.thuis_only_if_top_form {
                return 0;
            }
        }
        with_thuis
    }

    /// The provisional mpt ≤ 20 hours amount applies (Blz 3.3.2.2 lid 5).
    fn mpt_le20h(&self) -> bool {
        let tops: Vec<Form> = self.h.members.iter().map(regime::effective_form).collect();
        let household_top = tops
            .iter()
            .copied()
            .min_by_key(|f| f.rank())
            .unwrap_or(Form::None);
        household_top == Form::Mpt
            && self
                .h
                .members
                .iter()
                .filter(|m| regime::effective_form(m) == Form::Mpt)
                .all(|m| m.mpt_max_20_hours)
            && !self.h.input.household.wmo_maatwerkvoorziening
            && !self
                .h
                .members
                .iter()
                .any(|m| m.forms.contains(&Form::Pgb) || m.forms.contains(&Form::Dtv))
    }

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

    // ---------------------------------------------------------------
    // LEB (spec §5.1)

    /// Returns the id of the step holding the exact monthly amount.
    fn leb(&mut self) -> &'static str {
        let p = self.p;
        let n_thuis = self.thuis();
        let korting_times = if n_thuis > 1 && self.h.input.readings.korting_per_spouse {
            n_thuis
        } else {
            usize::from(n_thuis > 0)
        };
        if n_thuis > 1 {
            self.read("O-10");
        }
        if self.mpt_le20h() {
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
            return "leb_mpt_20h";
        }
        self.income_steps();
        let vib = self.vermogen_and_vib();
        let cot = self.cot(vib);
        let mut terms: Terms = smallvec![c::plus(self.op("income_client"))];
        if self.h.is_couple() {
            terms.push(c::plus(self.op("income_partner")));
        }
        terms.push(c::plus(self.op("vib")));
        let verz = self.verzekerde_index();
        let mut readings = Vec::new();
        for (i, id) in cot.iter().enumerate() {
            if let Some(id) = id {
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
        }
        if n_thuis > 0 {
            terms.push(c::minus(Operand::param(&p.thuis_income_deduction_year)));
        }
        let income_ref = if p.cot.is_some() {
            (Article::Blz3324a, "")
        } else {
            (Article::Blz3324, "lid 1")
        };
        let mut s = Step::new(
            "bi_leb",
            t!("Bijdrageplichtig inkomen", "Contribution income"),
            c::sum(terms),
        )
        .cite(self.cite(income_ref.0, income_ref.1))
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
        self.t.calc(
            Step::new(
                "leb_year",
                t!(
                    "10% van het bijdrageplichtig inkomen, per jaar",
                    "10% of contribution income, per year"
                ),
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
        if n_thuis == 0 {
            return "leb_clamped";
        }
        let mut terms: Terms = smallvec![c::plus(self.op("leb_clamped"))];
        for _ in 0..korting_times {
            terms.push(c::minus(Operand::param(&p.thuis_korting_month)));
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

    // ---------------------------------------------------------------
    // HEB (spec §5.2)

    fn heb(&mut self) -> Result<Decimal, InputError> {
        let p = self.p;
        let hp = &p.heb;
        let h = self.h;
        let members = &h.members;
        // Without a tax figure the tax of the peiljaar is estimated from the income (ESTIMATE).
        let tax_year = crate::tax::tax_year(p.peiljaar);
        let couple = members.len() == 2;
        for m in members.iter() {
            if m.tax.is_none() && tax_year.is_none() {
                let (nl_who, en_who) = match m.role {
                    Role::Client => ("", ""),
                    Role::Partner => (" van uw partner", " of your partner"),
                };
                return Err(InputError::new(
                    ErrorCode::MissingTax,
                    Some(&m.role.field("tax")),
                    Text::owned(
                        format!("Voor de hoge eigen bijdrage is de inkomstenbelasting plus premie volksverzekeringen over {}{nl_who} nodig (tax). U vindt die op de aanslag.", p.peiljaar),
                        format!("The high contribution needs the income tax plus national insurance contributions of {}{en_who} (tax). It is on the tax assessment.", p.peiljaar),
                    ),
                ));
            }
        }
        self.income_steps();
        let mut terms = Terms::new();
        for m in members.iter() {
            terms.push(c::plus(
                self.op(m.role.id("income_client", "income_partner")),
            ));
        }
        for m in members.iter() {
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
                    self.t.given(
                        Step::new(id, label, crate::trace::Calc::Input)
                            .cite(self.cite(Article::Blz111, "")),
                        tax,
                    );
                }
                (None, Some(ty)) => {
                    let person = crate::tax::TaxPerson {
                        income: m.income,
                        earned_income: m.earned_income.unwrap_or(if m.aow_peiljaar {
                            Decimal::ZERO
                        } else {
                            m.income.max(Decimal::ZERO)
                        }),
                        aow: m.aow_peiljaar,
                        single: !couple,
                    };
                    crate::tax::tax_steps(
                        &mut self.t,
                        ty,
                        m.role,
                        m.role.id("income_client", "income_partner"),
                        &person,
                    );
                    self.read("O-1");
                    if !self.notes.iter().any(|n| {
                        n.kind == NoteKind::Assumption && n.text.en.starts_with("The income tax")
                    }) {
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
                (None, None) => {}
            }
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
        self.read("O-1");
        let zkg = if couple {
            &hp.zkg_year_married
        } else {
            &hp.zkg_year_single
        };
        self.param_step("zkg", zkg);
        // Zvw amount per person (Rlz art. 4.4; its lid numbers for 2022–2026 were not read, spec §2.4.3).
        // A minimum only at AOW age, a maximum for everyone.
        let mut zvw_ids = Vec::new();
        for m in members.iter() {
            self.read("O-21");
            let inc = self.op(m.role.id("income_client", "income_partner"));
            let pct = m.role.id("zvw_pct_client", "zvw_pct_partner");
            self.t.calc(
                Step::new(
                    pct,
                    t!(
                        "Zorgverzekering: percentage van het inkomen",
                        "Health insurance: share of income"
                    ),
                    c::mul(inc, Operand::param(&hp.zvw_rate)),
                )
                .reading("O-21"),
            );
            let raw = m.role.id("zvw_raw_client", "zvw_raw_partner");
            self.t.calc(Step::new(
                raw,
                t!(
                    "Zorgverzekering: vast bedrag plus percentage",
                    "Health insurance: fixed amount plus share"
                ),
                c::sum(smallvec![
                    c::plus(Operand::param(&hp.zvw_nominal)),
                    c::plus(self.op(pct)),
                ]),
            ));
            let lo = if m.aow {
                Operand::param(if couple {
                    &hp.zvw_min_aow_married_pp
                } else {
                    &hp.zvw_min_aow_single
                })
            } else {
                Operand::value(Decimal::ZERO)
            };
            let floor = m.role.id("zvw_floor_client", "zvw_floor_partner");
            self.t.calc(Step::new(
                floor,
                t!(
                    "Zorgverzekering: niet minder dan het minimum",
                    "Health insurance: not less than the minimum"
                ),
                c::max(vec![self.op(raw), lo]),
            ));
            let id = m.role.id("zvw_client", "zvw_partner");
            self.t.calc(
                Step::new(
                    id,
                    match m.role {
                        Role::Client => t!("Aftrek zorgverzekering", "Health-insurance deduction"),
                        Role::Partner => t!(
                            "Aftrek zorgverzekering van de partner",
                            "Partner's health-insurance deduction"
                        ),
                    },
                    c::min(vec![self.op(floor), Operand::param(&hp.zvw_max_pp)]),
                )
                .cite(self.cite(Article::Rlz44, "")),
            );
            zvw_ids.push(id);
        }
        let mut zterms: Terms = zvw_ids.iter().map(|id| c::plus(self.op(id))).collect();
        if self.h.input.household.zorgtoeslag {
            let mut inc_terms: Terms = members
                .iter()
                .map(|m| c::plus(self.op(m.role.id("income_client", "income_partner"))))
                .collect();
            inc_terms.push(c::minus(Operand::param(&hp.zt_threshold)));
            self.t.calc(Step::new(
                "zt_excess",
                t!(
                    "Inkomen boven de drempel (zorgtoeslag)",
                    "Income above the threshold (zorgtoeslag)"
                ),
                c::sum_floor0(inc_terms),
            ));
            self.t.calc(Step::new(
                "zt_taper",
                t!("Afbouw van de correctie", "Taper of the correction"),
                c::mul(self.op("zt_excess"), Operand::param(&hp.zt_rate)),
            ));
            let base = if couple {
                &hp.zt_corr_married
            } else {
                &hp.zt_corr_single
            };
            self.t.calc(
                Step::new(
                    "zt_corr",
                    t!("Correctie voor zorgtoeslag", "Correction for zorgtoeslag"),
                    c::sum_floor0(smallvec![
                        c::plus(Operand::param(base)),
                        c::minus(self.op("zt_taper")),
                    ]),
                )
                .cite(self.cite(Article::Rlz44, "")),
            );
            zterms.push(c::minus(self.op("zt_corr")));
        }
        self.t.calc(
            Step::new(
                "zvw",
                t!(
                    "Aftrek zorgverzekering, totaal",
                    "Health-insurance deduction, total"
                ),
                c::sum_floor0(zterms),
            )
            .cite(self.cite(Article::Rlz44, ""))
            .main(),
        );
        // Aftrekpost (Rlz chapter 4, article number not read; O-20 for couples).
        let any_aow = members.iter().any(|m| m.aow);
        if couple {
            self.read("O-20");
        }
        let ap_terms: Terms = if couple && self.h.input.readings.aftrekpost_per_spouse {
            members
                .iter()
                .map(|m| {
                    c::plus(Operand::param(if m.aow {
                        &hp.aftrekpost_aow
                    } else {
                        &hp.aftrekpost_non_aow
                    }))
                })
                .collect()
        } else {
            smallvec![c::plus(Operand::param(if any_aow {
                &hp.aftrekpost_aow
            } else {
                &hp.aftrekpost_non_aow
            }))]
        };
        let mut s = Step::new(
            "aftrekpost",
            t!(
                "Vaste aftrek (algemene korting)",
                "Fixed deduction (general allowance)"
            ),
            c::sum(ap_terms),
        )
        .cite(self.cite(Article::RlzH4, ""))
        .main();
        if couple {
            s = s.reading("O-20");
        }
        self.t.calc(s);
        self.t.calc(
            Step::new(
                "heb_x",
                t!(
                    "Na zak- en kleedgeld, zorgverzekering en vaste aftrek",
                    "After personal allowance, health insurance and fixed deduction"
                ),
                c::sum(smallvec![
                    c::plus(self.op("heb_a")),
                    c::minus(self.op("zkg")),
                    c::minus(self.op("zvw")),
                    c::minus(self.op("aftrekpost")),
                ]),
            )
            .cite(self.cite(Article::RlzH4, "")),
        );
        let threshold = match (couple, any_aow) {
            (false, true) => &hp.vrijlating_threshold_single_aow,
            (false, false) => &hp.vrijlating_threshold_single_non_aow,
            (true, true) => &hp.vrijlating_threshold_couple_aow,
            (true, false) => &hp.vrijlating_threshold_couple_non_aow,
        };
        self.t.calc(Step::new(
            "vrijlating_base",
            t!(
                "Deel boven de drempel voor de extra vrijlating",
                "Part above the threshold for the extra allowance"
            ),
            c::sum_floor0(smallvec![
                c::plus(self.op("heb_x")),
                c::minus(Operand::param(threshold)),
            ]),
        ));
        self.t.calc(
            Step::new(
                "vrijlating",
                t!(
                    "Extra vrijlating (25% daarvan)",
                    "Extra allowance (25% of it)"
                ),
                c::mul(
                    self.op("vrijlating_base"),
                    Operand::param(&hp.vrijlating_rate),
                ),
            )
            .cite(self.cite(Article::RlzH4, ""))
            .main(),
        );
        let mut terms: Terms =
            smallvec![c::plus(self.op("heb_x")), c::minus(self.op("vrijlating"))];
        let work: Decimal = members.iter().map(|m| m.work_income).sum();
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
                    t!("15% van het inkomen uit arbeid", "15% of income from work"),
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
        let war: Decimal = members.iter().map(|m| m.war_benefits).sum();
        if war > Decimal::ZERO {
            self.t.given(
                Step::new(
                    "war_benefits",
                    t!(
                        "Uitkeringen WUV/WUBO (op verzoek)",
                        "WUV/WUBO benefits (on request)"
                    ),
                    crate::trace::Calc::Input,
                )
                .cite(self.cite(Article::Blz3323, "lid 1 b 3°"))
                .main(),
                war,
            );
            terms.push(c::minus(self.op("war_benefits")));
        }
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
                Some(self.cite(Article::RlzH4, "")),
            );
        }
        Ok(capped)
    }

    // ---------------------------------------------------------------
    // No data (Blz 3.3.2.7; spec §5.3)

    fn no_data(&mut self, regime: Regime) -> Decimal {
        let p = self.p;
        let n_thuis = self.thuis();
        let rule = p.no_data;
        let minus_korting = n_thuis > 0
            && match rule {
                NoDataRule::HebZeroLebMinimum => true,
                NoDataRule::LebMinimum => {
                    self.read("O-18");
                    self.h.input.readings.no_data_korting_2024_2025
                }
            };
        let cite = self.cite(Article::Blz3327, "lid 1");
        if rule == NoDataRule::HebZeroLebMinimum && regime == Regime::Hoge {
            let s = Step::new(
                "no_data",
                t!(
                    "Het CAK heeft geen gegevens: voorlopig € 0",
                    "The CAK has no data: provisionally €0"
                ),
                c::sum(smallvec![c::plus(Operand::value(Decimal::ZERO))]),
            )
            .uses(&p.no_data_rule)
            .cite(cite)
            .main();
            return self.t.calc(s);
        }
        let mut terms: Terms = smallvec![c::plus(Operand::param(&p.leb_min_month))];
        if minus_korting {
            terms.push(c::minus(Operand::param(&p.thuis_korting_month)));
        }
        let s = Step::new(
            "no_data",
            t!(
                "Het CAK heeft geen gegevens: voorlopig het minimum",
                "The CAK has no data: provisionally the minimum"
            ),
            c::sum(terms),
        )
        .uses(&p.no_data_rule)
        .cite(cite)
        .main();
        self.t.calc(s)
    }

    // ---------------------------------------------------------------
    // Hints

    /// Blz 3.3.2.2 lid 9: hint at the low-income exemption (never applied by us, O-11).
    fn exemption_hint(&mut self, regime: Regime, monthly: Decimal) {
        let Some(net) = self.h.input.household.net_monthly_income else {
            return;
        };
        self.read("O-11");
        if regime != Regime::Lage {
            return;
        }
        let pw = &self.p.pw23;
        let (l1, l2) = if self.h.is_couple() {
            (&pw.lid1_married_month, &pw.lid2_married_month)
        } else {
            (&pw.lid1_single_month, &pw.lid2_single_month)
        };
        // The minimum contribution that would otherwise be due (lid 3, 4 or 5).
        let min_due = if self.thuis() > 0 {
            self.p.leb_min_month.decimal - self.p.thuis_korting_month.decimal
        } else {
            self.p.leb_min_month.decimal
        };
        let limit = l1.decimal + l2.decimal + min_due;
        self.t.decide(
            Step::new("exemption_test", t!("Vrijstelling bij een laag inkomen?", "Low-income exemption?"), crate::trace::Calc::Decision)
                .uses(l1)
                .uses(l2)
                .uses(&self.p.leb_min_month)
                .cite(self.cite(Article::Blz3322, "lid 9"))
                .reading("O-11")
                .note(Text::owned(
                    format!("Grens: bijstandsnorm {} + {} + minimumbijdrage {} = {} per maand; uw netto inkomen: {}.", nl(l1.decimal), nl(l2.decimal), nl(min_due), nl(limit), nl(net.0)),
                    format!("Limit: assistance norm {} + {} + minimum contribution {} = {} a month; your net income: {}.", en(l1.decimal), en(l2.decimal), en(min_due), en(limit), en(net.0)),
                )),
        );
        if net.0 <= limit && monthly > Decimal::ZERO {
            self.note(
                NoteKind::Hint,
                t!(
                    "Uw inkomen is zo laag dat u misschien geen eigen bijdrage hoeft te betalen. Vraag het CAK om vrijstelling (tot 4 maanden na het einde van het jaar of na de beschikking).",
                    "Your income is so low that you may not have to pay a contribution. Ask the CAK for an exemption (until 4 months after the end of the year or after the decision)."
                ),
                Some(self.cite(Article::Blz3322, "lid 9–11")),
            );
        }
    }

    // ---------------------------------------------------------------
    // Rounding, partial month, split (spec §5.4, §5.5)

    fn finish(&mut self, exact_id: &'static str) -> (Decimal, Option<Decimal>, Option<Split>) {
        let p = self.p;
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
        let due = self.h.input.days.map(|days| {
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
                    t!("÷ 365 dagen", "÷ 365 days"),
                    c::div(
                        self.op("due_days"),
                        Operand::param(&p.partial_month_days_per_year),
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
        });
        let split = self.h.partner().map(|q| {
            self.read("O-19");
            let c0 = self.h.client();
            let weight = |m: &Member| {
                let mut w = m.income.max(Decimal::ZERO);
                if self.h.input.readings.split_includes_vib {
                    let vid = m.role.id("vermogen_client", "vermogen_partner");
                    w += self.t.value(vid).unwrap_or_default() * p.vib_rate.decimal;
                }
                w
            };
            let (wc, wq) = (weight(c0), weight(q));
            let share = if (wc + wq).is_zero() {
                Decimal::new(5, 1)
            } else {
                wc / (wc + wq)
            };
            let sc = self.t.calc(
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
            let sq = self.t.calc(
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
            Split {
                client: sc,
                partner: sq,
            }
        });
        (monthly, due, split)
    }
}

/// Each spouse's share in proportion to their (non-negative) assets; halves when both have none.
/// Used to divide joint box-3 figures (IB 5.2 allocation default, spec §4.5).
fn asset_shares(members: &[Member]) -> Vec<Decimal> {
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

fn nl(v: Decimal) -> String {
    crate::money::format_eur(v, crate::text::Lang::Nl)
}

fn en(v: Decimal) -> String {
    crate::money::format_eur(v, crate::text::Lang::En)
}

fn estimate_one(input: &Input, params: &'static YearParams) -> Result<Estimate, InputError> {
    let h = household::build_with(input, params)?;
    let p = h.params;
    let mut e = Engine {
        h: &h,
        p,
        t: Trace::default(),
        notes: Vec::new(),
        readings: ReadingSet::default(),
    };
    e.t.decide(
        Step::new(
            "peiljaar",
            t!("Peiljaar", "Reference year"),
            crate::trace::Calc::Decision,
        )
        .cite(Citation::new(&p.peiljaar_reference, ""))
        .note(Text::borrowed(&p.texts.peiljaar)),
    );
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
    for m in h.members.iter() {
        if regime::effective_form(m).is_stay() {
            let s = sps.get(m);
            let id = m.role.id("start_period_client", "start_period_partner");
            let mut step = Step::new(
                id,
                t!(
                    "Eerste 4 maanden van het verblijf",
                    "First 4 months of the stay"
                ),
                crate::trace::Calc::Decision,
            )
            .note(s.text.clone())
            .uses(&p.start_period_months)
            .cite(e.cite(Article::Blz3322, s.detail));
            if s.ends.is_some() {
                step = step
                    .uses(&p.start_chain_gap_days)
                    .uses(&p.lid7_window_months);
            }
            e.t.decide(step);
            if s.assumed && dec.regime == Regime::Hoge {
                e.note(
                    NoteKind::Assumption,
                    s.text.clone(),
                    Some(e.cite(Article::Blz3322, "lid 1 a")),
                );
            }
            if s.in_start {
                if let (Some(end), Regime::Lage) = (s.ends, dec.regime) {
                    let mut later = input.clone();
                    later.date = Some(end);
                    let switches = end.year() == p.year
                        && matches!(estimate_regime(&later, p), Some(Regime::Hoge));
                    if switches {
                        e.note(
                            NoteKind::Info,
                            Text::owned(
                                format!(
                                    "Vanaf {end} geldt naar verwachting de hoge eigen bijdrage."
                                ),
                                format!("From {end} the high contribution is expected to apply."),
                            ),
                            Some(e.cite(Article::Blz3321, "")),
                        );
                    }
                }
            }
        }
    }
    for r in &dec.readings {
        e.read(r);
    }
    let mut rstep = Step::new(
        "regime",
        t!("Lage of hoge eigen bijdrage", "Low or high contribution"),
        crate::trace::Calc::Decision,
    )
    .note(dec.text.clone())
    .cite(e.cite(dec.reference.0, dec.reference.1))
    .main();
    for r in &dec.readings {
        rstep = rstep.reading(r);
    }
    e.t.decide(rstep);
    if dec.ground == "partner_without_care" && h.members.iter().any(|m| m.living_along) {
        e.note(
            NoteKind::Info,
            t!(
                "De meeverhuizende partner telt in deze lezing als partner zonder zorg. Het CAK heeft dit niet bevestigd.",
                "In this reading the partner living along counts as a partner without care. The CAK has not confirmed this."
            ),
            Some(e.cite(Article::ZiPartnerverblijf, "")),
        );
    }

    let no_data = input.household.cak_has_no_data;
    let exact = match dec.regime {
        Regime::Geen => {
            e.t.calc(
                Step::new(
                    "none",
                    t!("Geen eigen bijdrage", "No contribution"),
                    c::sum(smallvec![c::plus(Operand::value(Decimal::ZERO))]),
                )
                .cite(e.cite(dec.reference.0, dec.reference.1))
                .main(),
            );
            "none"
        }
        _ if no_data => {
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
    let mut estimated_params: Vec<&'static str> = Vec::new();
    for s in &e.t.steps {
        if s.amount.is_some() {
            for u in &s.params {
                if u.status == Status::Estimate && !estimated_params.contains(&u.0.name) {
                    estimated_params.push(u.0.name);
                }
            }
        }
    }
    let readings = e.readings;
    let reason = Reason {
        ground: dec.ground,
        text: dec.text,
        reference: Citation::new(p.reference(dec.reference.0), dec.reference.1),
    };
    Ok(Estimate {
        version: CONTRACT_VERSION,
        year: p.year,
        peiljaar: p.peiljaar,
        regime: dec.regime,
        regime_reason: reason,
        once_for_couple: dec.once_for_couple,
        monthly,
        days: input.days,
        due,
        split,
        estimated: !estimated_params.is_empty(),
        estimated_params,
        steps: e.t.steps,
        notes: e.notes,
        readings,
        alternatives: Vec::new(),
    })
}

/// The regime alone for an input (used for look-ahead notes).
fn estimate_regime(input: &Input, params: &'static YearParams) -> Option<Regime> {
    let h = household::build_with(input, params).ok()?;
    // Only people in a stay have a start period; it is computed when the decision needs it.
    let sps = regime::StartPeriods::new(&h);
    let sp = |m: &Member| sps.get(m);
    Some(regime::decide(&h, &sp).regime)
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
