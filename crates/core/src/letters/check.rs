//! "Klopt mijn brief?" (letters.md §2): the letter on its own (step A), the recomputation (B),
//! the single-factor attribution over F1–F12 (C), the inverse (D), the verdict V0–V6 with the
//! next step and the deadlines (E), and the back-dated total with its spreading (F).

use super::backdated::{self, Backdated, Lookback};
use super::deadlines::{self, Deadlines};
use super::inverse::{self, Implied, Interval};
use super::letter::{Letter, LetterKind, LetterRegime};
use super::spread::{self, Spreading};
use crate::date::Date;
use crate::engine::{estimate_with_params, Estimate};
use crate::error::{ErrorCode, InputError};
use crate::input::{Amount, CareForm, Input, Person};
use crate::params::YearParams;
use crate::regime::Regime;
use crate::text::{Lang, Text};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A check request: the household (the estimate's contract), the letter, and optionally the
/// start of care (for the back-dated total) and the income of other peiljaren.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    pub household: Input,
    pub letter: Letter,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_start: Option<Date>,
    /// The client's verzamelinkomen of other peiljaren (back-dated months of earlier years).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub income_by_year: BTreeMap<i32, Amount>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tax_by_year: BTreeMap<i32, Amount>,
}

/// The verdicts of letters.md §2.6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Verdict {
    /// Klopt.
    V0,
    /// Verklaard: gegevens van het CAK.
    V1,
    /// Verklaard: fout bij het CAK.
    V2,
    /// Kan niet.
    V3,
    /// Onverklaard.
    V4,
    /// Let op: nabetaling.
    V5,
    /// Niet te bepalen (at a clamp).
    V6,
}

/// Something step A found on the letter itself.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// `IMPOSSIBLE_FOR_REGIME`, `ABOVE_MAXIMUM`, `INTERNAL_MISMATCH`, `PEILJAAR_OTHER`.
    pub id: &'static str,
    pub text: Text,
    pub article: &'static str,
}

/// A factor that explains the letter's amount (step C).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// `F1` … `F12`.
    pub factor: &'static str,
    pub text: Text,
}

/// The report.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub verdict: Verdict,
    pub verdict_text: Text,
    pub next_step: Text,
    pub letter_monthly: Decimal,
    pub expected_monthly: Decimal,
    pub expected_regime: Regime,
    /// Letter minus expected.
    pub difference: Decimal,
    pub findings: Vec<Finding>,
    pub explained_by: Vec<&'static str>,
    pub explanations: Vec<Explanation>,
    pub implied_bi: Interval,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied: Option<Implied>,
    pub deadlines: Deadlines,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backdated: Option<Backdated>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spreading: Option<Spreading>,
    /// How to reach the CAK and how to send a letter in time (L-14, L-16).
    pub contact: Vec<Text>,
    pub disclaimer: Text,
}

fn tol() -> Decimal {
    Decimal::new(1, 2)
}

fn invalid(field: &str, nl: &str, en: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidArgument,
        Some(field),
        Text::owned(nl.into(), en.into()),
    )
}

/// Checks a letter against the household.
pub fn check(req: &CheckInput) -> Result<Report, InputError> {
    let l = &req.letter;
    let y = l.year();
    let p = crate::household::params_for(y)?;
    let deadlines = deadlines::of(l.date, y)
        .ok_or_else(|| invalid("letter.date", "Ongeldige datum.", "Invalid date."))?;
    let base = at_letter(&req.household, l);
    let e = estimate_with_params(&base, p)?;
    let m = l.monthly.0;
    let findings = step_a(p, l);
    // Step C only looks for a cause when the letter differs from our estimate.
    let matches = regime_fits(l, &e) && (m - e.monthly).abs() <= tol();
    let explanations = if matches {
        Vec::new()
    } else {
        factors(&base, p, l, &e)
    };
    let thuis = is_thuis(&base, l);
    let letter_regime = match l.regime {
        LetterRegime::Hoge => Regime::Hoge,
        LetterRegime::Lage => Regime::Lage,
        LetterRegime::Unknown => {
            if m > p.leb_max_month.decimal {
                Regime::Hoge
            } else {
                e.regime
            }
        }
    };
    let inv = inverse::inverse(p, letter_regime, m, thuis);
    let implied = (letter_regime == Regime::Lage).then(|| {
        let vib = step(&e, "vib").unwrap_or_default();
        let inkomen = [Some(&base.client), base.partner.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|q| q.income.map(|a| a.0))
            .sum();
        inverse::implied(p, &inv, inkomen, vib)
    });
    let verdict = verdict(p, l, &e, &findings, &explanations);
    let (backdated, spreading) = match req.care_start {
        Some(start) => {
            let b = back(req, start)?;
            let s = spread::spread(b.total, e.monthly);
            (Some(b), s)
        }
        None => (None, None),
    };
    let (verdict_text, next_step) = texts(verdict, &e, l, &explanations, &deadlines);
    Ok(Report {
        verdict,
        verdict_text,
        next_step,
        letter_monthly: m,
        expected_monthly: e.monthly,
        expected_regime: e.regime,
        difference: m - e.monthly,
        findings,
        explained_by: explanations.iter().map(|x| x.factor).collect(),
        explanations,
        implied_bi: inv.bi,
        implied,
        deadlines,
        backdated,
        spreading,
        contact: contact(&deadlines),
        disclaimer: Text::fixed(
            "Dit is een controle, geen beschikking.",
            "This is a check, not a decision.",
        ),
    })
}

/// The household on the letter's first day, in the letter's year.
fn at_letter(h: &Input, l: &Letter) -> Input {
    let mut i = h.clone();
    i.year = l.year();
    i.date = (l.from.year() == l.year()).then_some(l.from);
    i.days = None;
    i
}

fn step(e: &Estimate, id: &str) -> Option<Decimal> {
    e.steps.iter().find(|s| s.id == id)?.amount
}

fn is_thuis(h: &Input, l: &Letter) -> bool {
    let forms = |p: &Person| {
        p.care
            .0
            .iter()
            .any(|f| matches!(f, CareForm::Mpt | CareForm::Pgb))
    };
    match l.care_form {
        Some(f) => matches!(f, CareForm::Mpt | CareForm::Pgb),
        None => forms(&h.client) || h.partner.as_ref().is_some_and(forms),
    }
}

/// Step A (§2.2): the peiljaar, the amount class and the letter's own arithmetic.
fn step_a(p: &YearParams, l: &Letter) -> Vec<Finding> {
    let mut out = Vec::new();
    let m = l.monthly.0;
    let y = l.year();
    if let Some(pj) = l.peiljaar.filter(|pj| *pj != y - 2) {
        out.push(Finding {
            id: "PEILJAAR_OTHER",
            text: Text::owned(
                format!("De brief rekent met het inkomen van {pj}. Normaal is dat {}. Is er een aanpassing gedaan?", y - 2),
                format!("The letter uses the income of {pj}. Normally that is {}. Was an adjustment granted?", y - 2),
            ),
            article: "Blz art. 1.1.1, 3.3.2.3 lid 2, 3.3.2.4 lid 2",
        });
    }
    let leb_floor = p.leb_min_month.decimal - p.thuis_korting_month.decimal;
    let leb_possible = m >= leb_floor && m <= p.leb_max_month.decimal;
    let heb_possible = m <= p.heb_max_month.decimal;
    if !heb_possible {
        out.push(Finding {
            id: "ABOVE_MAXIMUM",
            text: Text::owned(
                format!("Dit bedrag is hoger dan de hoogste eigen bijdrage per maand in {y}. Het is misschien een totaal van meer maanden."),
                format!("This amount is above the highest monthly contribution in {y}. It may be a total of several months."),
            ),
            article: "Blz art. 3.3.2.1 lid 2",
        });
    } else if l.regime == LetterRegime::Lage && !leb_possible {
        out.push(Finding {
            id: "IMPOSSIBLE_FOR_REGIME",
            text: Text::owned(
                format!("Dit bedrag past niet bij een lage eigen bijdrage in {y}."),
                format!("This amount does not fit a low contribution in {y}."),
            ),
            article: "Blz art. 3.3.2.2 lid 3–4",
        });
    }
    if let Some(f) = internal_mismatch(p, l) {
        out.push(f);
    }
    out
}

/// A3: the letter's BI does not give its own amount (both mpt/pgb readings tried).
fn internal_mismatch(p: &YearParams, l: &Letter) -> Option<Finding> {
    let bi = l.bi?.0;
    let m = l.monthly.0;
    let fits = match l.regime {
        LetterRegime::Lage => [false, true].iter().any(|thuis| {
            let clamped = (bi / Decimal::from(120))
                .max(p.leb_min_month.decimal)
                .min(p.leb_max_month.decimal);
            let k = if *thuis {
                p.thuis_korting_month.decimal
            } else {
                Decimal::ZERO
            };
            (crate::money::round_cents(clamped - k) - m).abs() <= tol()
        }),
        LetterRegime::Hoge => {
            let exp = crate::money::round_cents(
                (bi.max(Decimal::ZERO) / Decimal::from(12)).min(p.heb_max_month.decimal),
            );
            (exp - m).abs() <= tol()
        }
        LetterRegime::Unknown => return None,
    };
    (!fits).then(|| Finding {
        id: "INTERNAL_MISMATCH",
        text: Text::fixed(
            "Het bedrag per maand past niet bij het bijdrageplichtig inkomen op dezelfde brief.",
            "The monthly amount does not fit the contribution income on the same letter.",
        ),
        article: "Blz art. 3.3.2.1 lid 2, 3.3.2.2 lid 3",
    })
}

use super::factors::factors;

/// Whether a monthly amount sits at a clamp of its regime (the inverse is then open).
fn at_clamp(p: &YearParams, regime: Regime, m: Decimal) -> bool {
    let k = p.thuis_korting_month.decimal;
    match regime {
        Regime::Lage => [
            p.leb_min_month.decimal,
            p.leb_max_month.decimal,
            p.leb_min_month.decimal - k,
            p.leb_max_month.decimal - k,
        ]
        .contains(&m),
        Regime::Hoge => m == p.heb_max_month.decimal || m.is_zero(),
        Regime::Geen => true,
    }
}

/// The letter names no regime, or the one we find.
fn regime_fits(l: &Letter, e: &Estimate) -> bool {
    match l.regime {
        LetterRegime::Lage => e.regime == Regime::Lage,
        LetterRegime::Hoge => e.regime == Regime::Hoge,
        LetterRegime::Unknown => true,
    }
}

/// Step E (§2.6): the verdict from the findings, the match and the explaining factors.
fn verdict(
    p: &YearParams,
    l: &Letter,
    e: &Estimate,
    findings: &[Finding],
    ex: &[Explanation],
) -> Verdict {
    let m = l.monthly.0;
    let regime_ok = regime_fits(l, e);
    if findings.iter().any(|f| f.id != "PEILJAAR_OTHER") {
        return Verdict::V3;
    }
    if regime_ok && (m - e.monthly).abs() <= tol() {
        return if at_clamp(p, e.regime, e.monthly) {
            Verdict::V6
        } else {
            Verdict::V0
        };
    }
    let user_right = ex
        .iter()
        .any(|x| matches!(x.factor, "F2" | "F3" | "F6" | "F7"));
    if user_right && m < e.monthly {
        return Verdict::V5;
    }
    if user_right {
        return Verdict::V2;
    }
    if !ex.is_empty() {
        return Verdict::V1;
    }
    Verdict::V4
}

/// The verdict in one sentence and the next step (§2.6).
fn texts(v: Verdict, e: &Estimate, l: &Letter, ex: &[Explanation], d: &Deadlines) -> (Text, Text) {
    let eur = |x: Decimal, lang| crate::money::format_eur(x, lang);
    let bez_nl = d.bezwaar.long(Lang::Nl);
    let bez_en = d.bezwaar.long(Lang::En);
    let first = ex.first().map(|x| x.text.clone());
    match v {
        Verdict::V0 => (
            Text::fixed("Uw brief klopt met uw gegevens.", "Your letter matches your data."),
            Text::owned(
                format!("Daalt uw inkomen dit jaar? Kijk of een aanpassing kan. Dat kan tot {}.", d.aanpassing.long(Lang::Nl)),
                format!("Is your income lower this year? See if an adjustment is possible, until {}.", d.aanpassing.long(Lang::En)),
            ),
        ),
        Verdict::V1 => (
            first.unwrap_or_else(|| Text::fixed("Het verschil komt door gegevens van het CAK.", "The difference comes from the CAK's data.")),
            Text::fixed("Dat mag volgens de wet. Vergelijk het met uw aanslag van de Belastingdienst.", "The law allows this. Compare it with your tax assessment."),
        ),
        Verdict::V2 => (
            first.unwrap_or_else(|| Text::fixed("Het CAK rekent met iets dat niet klopt.", "The CAK uses something that is wrong.")),
            Text::owned(
                format!("Maak bezwaar vóór {bez_nl}, met bewijs. Geef de wijziging ook door aan het CAK."),
                format!("Object before {bez_en}, with proof. Also report the change to the CAK."),
            ),
        ),
        Verdict::V3 => (
            Text::fixed("Dit bedrag kan niet kloppen.", "This amount cannot be right."),
            Text::owned(
                format!("Vraag het CAK om uitleg op papier. Maak bezwaar vóór {bez_nl}."),
                format!("Ask the CAK for a written explanation. Object before {bez_en}."),
            ),
        ),
        Verdict::V4 => (
            Text::owned(
                format!("Wij kunnen het verschil niet verklaren. Wij komen uit op {}.", eur(e.monthly, Lang::Nl)),
                format!("We cannot explain the difference. We arrive at {}.", eur(e.monthly, Lang::En)),
            ),
            Text::owned(
                format!("Bel het CAK en vraag de uitleg op papier. Maak bezwaar vóór {bez_nl} als die uitleg te laat komt."),
                format!("Call the CAK and ask for the explanation in writing. Object before {bez_en} if it comes too late."),
            ),
        ),
        Verdict::V5 => (
            Text::fixed("U betaalt nu minder dan u moet. Het CAK kan dit later terugvragen.", "You now pay less than you should. The CAK may claim it back later."),
            Text::fixed("Geef de wijziging door. Zet geld apart: het CAK kan tot 36 maanden terug rekenen.", "Report the change. Set money aside: the CAK can charge up to 36 months back."),
        ),
        Verdict::V6 => (
            Text::owned(
                format!("Uw bedrag is het minimum of maximum: {}. Uw inkomen is dan niet precies terug te rekenen.", eur(l.monthly.0, Lang::Nl)),
                format!("Your amount is the minimum or maximum: {}. Your income cannot be traced back exactly.", eur(l.monthly.0, Lang::En)),
            ),
            Text::fixed("De brief past bij uw gegevens.", "The letter fits your data."),
        ),
    }
}

/// The CAK's phone (L-16: the hours as found in 2020) and sending in time (L-14, Awb 6:9).
fn contact(d: &Deadlines) -> Vec<Text> {
    vec![
        Text::fixed(
            "Het CAK: 0800-1925 (gratis). Maandag tot en met vrijdag 8.30–17.00 uur (volgens informatie uit 2020).",
            "The CAK: 0800-1925 (free). Monday to Friday 8.30–17.00 (according to information from 2020).",
        ),
        Text::owned(
            format!("Stuur een bezwaar zo dat het vóór {} aankomt. Bewaar een bewijs, bijvoorbeeld aangetekende post.", d.bezwaar.long(Lang::Nl)),
            format!("Send an objection so that it arrives before {}. Keep proof, for example registered mail.", d.bezwaar.long(Lang::En)),
        ),
    ]
}

/// Step F (§2.7): the back-dated total from the start of care, on the planner's months.
fn back(req: &CheckInput, start: Date) -> Result<Backdated, InputError> {
    let h = &req.household;
    let y0 = start.year();
    let mut input = crate::planner::PlanInput {
        version: crate::CONTRACT_VERSION,
        from: y0,
        client: Person {
            assets: None,
            income: None,
            tax: None,
            stay: None,
            ..h.client.clone()
        },
        household: h.household.clone(),
        readings: h.readings.clone(),
        ..Default::default()
    };
    for t in y0 - 2..=req.letter.date.year() - 2 {
        let income = req.income_by_year.get(&t).or(h.client.income.as_ref());
        if let Some(i) = income {
            input.money.verzamelinkomen_by_year.insert(t, *i);
        }
        if let Some(x) = req.tax_by_year.get(&t).or(h.client.tax.as_ref()) {
            input.money.tax_by_year.insert(t, *x);
        }
    }
    input.money.savings = h.client.assets;
    if let Some(q) = &h.partner {
        input.partner = Some(Person {
            assets: None,
            income: None,
            tax: None,
            stay: None,
            ..q.clone()
        });
        input.partner_money.savings = q.assets;
        for t in y0 - 2..=req.letter.date.year() - 2 {
            if let Some(i) = q.income {
                input.partner_money.verzamelinkomen_by_year.insert(t, i);
            }
            if let Some(x) = q.tax {
                input.partner_money.tax_by_year.insert(t, x);
            }
        }
    }
    let lookback = if req.letter.kind == LetterKind::Herziening {
        Lookback::Revision
    } else {
        Lookback::First
    };
    backdated::backdated(&input, start, req.letter.date, lookback)
}
