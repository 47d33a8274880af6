//! Explanation texts that name a figure of the year (a rate, a maximum, a number of months).
//! They are written from the parameters the step uses, never typed in, so a new year's file
//! changes the text and the amount together. Built once per parameter set and then borrowed,
//! so an estimate formats nothing.

use crate::money::format_eur;
use crate::params::{Param, YearParams};
use crate::text::{Lang, Text};
use rust_decimal::Decimal;
use std::sync::Mutex;

/// The texts of one year's parameters (see the module documentation).
#[derive(Debug)]
pub(crate) struct Labels {
    pub vib: Text,
    pub leb_year: Text,
    pub vrijlating: Text,
    pub work_deduction: Text,
    pub start_period: Text,
    pub due_exact: Text,
    pub exemption_hint: Text,
    pub regime: RegimeTexts,
    pub cot: Option<CotLabels>,
}

/// The regime reasons and start-period texts that name the start period's months, the lid 7
/// window or the longest gap that chains two stays.
#[derive(Debug)]
pub(crate) struct RegimeTexts {
    pub single_start: Text,
    pub single_instelling: Text,
    pub bw_partner_start: Text,
    pub both_start: Text,
    pub both_instelling: Text,
    pub after_heb_stay: Text,
    /// Appended to a dated start period when an earlier stay shortened it.
    pub chained: Text,
}

impl RegimeTexts {
    fn new(p: &YearParams) -> RegimeTexts {
        let m = count(&p.start_period_months);
        let w = count(&p.lid7_window_months);
        let gap = count(&p.start_chain_gap_days);
        RegimeTexts {
            single_start: Text::owned(
                format!("U woont korter dan {m} maanden in de instelling. In die eerste maanden betaalt u de lage eigen bijdrage."),
                format!("You have lived in the instelling for less than {m} months. In those first months you pay the low contribution."),
            ),
            single_instelling: Text::owned(
                format!("U woont in een instelling, zonder partner thuis en zonder kinderen ten laste, en de eerste {m} maanden zijn voorbij. Dan betaalt u de hoge eigen bijdrage."),
                format!("You live in an instelling, without a partner at home or dependent children, and the first {m} months are over. That means the high contribution."),
            ),
            bw_partner_start: Text::owned(
                format!("De partner woont beschermd (Wmo); de cliënt woont korter dan {m} maanden in de instelling. Eerst geldt de lage eigen bijdrage."),
                format!("The partner lives in sheltered housing (Wmo); the client has been in the instelling for less than {m} months. The low contribution applies first."),
            ),
            both_start: Text::owned(
                format!("Beide partners wonen in een instelling, maar voor minstens één van hen zijn de eerste {m} maanden nog niet voorbij. Tot dan betaalt u de lage eigen bijdrage."),
                format!("Both spouses live in an instelling, but for at least one of them the first {m} months are not over. Until then you pay the low contribution."),
            ),
            both_instelling: Text::owned(
                format!("Beide partners wonen in een instelling en voor beiden zijn de eerste {m} maanden voorbij. Het paar betaalt één keer de hoge eigen bijdrage."),
                format!("Both spouses live in an instelling and for both the first {m} months are over. The couple pays the high contribution once."),
            ),
            after_heb_stay: Text::owned(
                format!("Geen aanloopperiode: het verblijf begon binnen {w} maanden na een verblijf met de hoge bijdrage."),
                format!("No start period: the stay began within {w} months after a stay at the high contribution."),
            ),
            chained: Text::owned(
                format!(" Een eerder verblijf telt mee, omdat er niet meer dan {gap} dagen tussen zaten."),
                format!(" An earlier stay counts too, because no more than {gap} days lay between them."),
            ),
        }
    }
}

/// The COT's texts (years with the COT only).
#[derive(Debug)]
pub(crate) struct CotLabels {
    pub gsb_pct: Text,
    pub pct_minus_deductions: Text,
    pub pct_after_deductions: Text,
    pub test_vermogen: Text,
    pub test: Text,
    pub raw: Text,
    pub client: Text,
    pub partner: Text,
}

/// `4%`, `13,64%` (Dutch) or `13.64%` (English).
pub(crate) fn percent(p: &Param, lang: Lang) -> String {
    let s = (p.decimal * Decimal::ONE_HUNDRED).normalize().to_string();
    match lang {
        Lang::Nl => format!("{}%", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// An amount without cents when it is whole: `€ 1.700` / `€1,700`.
pub(crate) fn eur_whole(p: &Param, lang: Lang) -> String {
    let s = format_eur(p.decimal, lang);
    if p.decimal.fract().is_zero() {
        s.trim_end_matches(",00")
            .trim_end_matches(".00")
            .to_string()
    } else {
        s
    }
}

/// A whole number of months, days or years: `4`.
fn count(p: &Param) -> i64 {
    YearParams::int(p)
}

impl Labels {
    fn new(p: &YearParams) -> Labels {
        let months = count(&p.start_period_months);
        let pct = |x: &Param| (percent(x, Lang::Nl), percent(x, Lang::En));
        let (vib_nl, vib_en) = pct(&p.vib_rate);
        let (leb_nl, leb_en) = pct(&p.leb_rate);
        let (vr_nl, vr_en) = pct(&p.heb.vrijlating_rate);
        let (w_nl, w_en) = pct(&p.work_income_deduction_rate);
        let days = count(&p.partial_month_days_per_year);
        let deadline = count(&p.request_deadline_months);
        Labels {
            vib: Text::owned(
                format!("Vermogensinkomensbijtelling ({vib_nl} van het vermogen)"),
                format!("Notional income from assets ({vib_en} of assets)"),
            ),
            leb_year: Text::owned(
                format!("{leb_nl} van het bijdrageplichtig inkomen, per jaar"),
                format!("{leb_en} of contribution income, per year"),
            ),
            vrijlating: Text::owned(
                format!("Extra vrijlating ({vr_nl} daarvan)"),
                format!("Extra allowance ({vr_en} of it)"),
            ),
            work_deduction: Text::owned(
                format!("{w_nl} van het inkomen uit arbeid"),
                format!("{w_en} of income from work"),
            ),
            start_period: Text::owned(
                format!("Eerste {months} maanden van het verblijf"),
                format!("First {months} months of the stay"),
            ),
            due_exact: Text::owned(format!("÷ {days} dagen"), format!("÷ {days} days")),
            exemption_hint: Text::owned(
                format!("Uw inkomen is zo laag dat u misschien geen eigen bijdrage hoeft te betalen. Vraag het CAK om vrijstelling (tot {deadline} maanden na het einde van het jaar of na de beschikking)."),
                format!("Your income is so low that you may not have to pay a contribution. Ask the CAK for an exemption (until {deadline} months after the end of the year or after the decision)."),
            ),
            regime: RegimeTexts::new(p),
            cot: p.cot.as_ref().map(|c| {
                let (r_nl, r_en) = pct(&c.cot_rate);
                let (m_nl, m_en) = (eur_whole(&c.cot_max_pp, Lang::Nl), eur_whole(&c.cot_max_pp, Lang::En));
                CotLabels {
                    gsb_pct: Text::owned(
                        format!("{r_nl} van de grondslag sparen en beleggen"),
                        format!("{r_en} of the box-3 taxable base"),
                    ),
                    pct_minus_deductions: Text::owned(
                        format!("{r_nl} van de grondslag, min aftrekken"),
                        format!("{r_en} of the base, minus deductions"),
                    ),
                    pct_after_deductions: Text::owned(
                        format!("{r_nl} van de grondslag na aftrekken"),
                        format!("{r_en} of the base after deductions"),
                    ),
                    test_vermogen: Text::owned(
                        format!("{r_nl} van het vermogen (Blz)"),
                        format!("{r_en} of the assets (Blz)"),
                    ),
                    test: Text::owned(
                        format!("Toets: inkomen min {r_nl} van de grondslag"),
                        format!("Test: income minus {r_en} of the base"),
                    ),
                    raw: Text::owned(
                        format!("{r_nl} van de grondslag plus de vermogensinkomensbijtelling"),
                        format!("{r_en} of the base plus the notional asset income"),
                    ),
                    client: Text::owned(
                        format!("Compensatie vervallen ouderentoeslag (hoogstens {m_nl})"),
                        format!("Elderly-allowance compensation (at most {m_en})"),
                    ),
                    partner: Text::owned(
                        format!("Compensatie vervallen ouderentoeslag van de partner (hoogstens {m_nl})"),
                        format!("Partner's elderly-allowance compensation (at most {m_en})"),
                    ),
                }
            }),
        }
    }
}

/// The labels of a parameter set, built the first time it is used. Keyed by the set's address,
/// so a what-if run with changed parameters gets texts of its own.
pub(crate) fn of(p: &'static YearParams) -> &'static Labels {
    static BUILT: Mutex<Vec<(usize, &'static Labels)>> = Mutex::new(Vec::new());
    let key = p as *const YearParams as usize;
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, l)) = built.iter().find(|(k, _)| *k == key) {
        return l;
    }
    let l: &'static Labels = Box::leak(Box::new(Labels::new(p)));
    built.push((key, l));
    l
}
