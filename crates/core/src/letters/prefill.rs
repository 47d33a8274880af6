//! The letters' data filled in from a check (letters.md §4): what the letter and the check
//! already know, so the user only adds name, address and what happened.

use super::check::{CheckInput, Report};
use super::letter::LetterRegime;
use super::templates::{LetterData, Reason};
use crate::input::{Amount, CareForm};

/// The data of every template that follows from the check.
pub fn prefill(req: &CheckInput, r: &Report) -> LetterData {
    let l = &req.letter;
    let h = &req.household;
    let y = l.year();
    let p = crate::params::for_year(y);
    let mut d = LetterData {
        datum_beschikking: Some(l.date),
        datum_factuur: Some(l.date),
        kenmerk: l.kenmerk.clone(),
        jaar: Some(y),
        peiljaar: Some(l.peiljaar.unwrap_or(y - 2)),
        hoge: l.regime == LetterRegime::Hoge,
        bedrag_cak: Some(l.monthly),
        bedrag_eigen: Some(Amount(r.expected_monthly)),
        ingangsdatum: Some(l.from),
        bi_peiljaar: l.bi,
        drempel: p.map(|p| Amount(p.leb_verlegging_threshold_year.decimal)),
        partner: h.partner.is_some(),
        maandbedrag: Some(Amount(r.expected_monthly)),
        opnamedatum: h
            .client
            .stay
            .as_ref()
            .and_then(|s| s.start)
            .or(req.care_start),
        datum_cak: l.care_start.or(Some(l.from)),
        inkomen_cak: l.income,
        inkomen_eigen: h.client.income,
        vermogen_cak: l.assets,
        vermogen_eigen: h.client.assets,
        zorgvorm: h.client.care.0.first().map(|f| care_name(*f)),
        zorgvorm_cak: l.care_form.map(care_name),
        ..LetterData::default()
    };
    if let Some(b) = &r.backdated {
        d.bedrag_totaal = Some(Amount(b.total));
        d.aantal_maanden = Some(b.months.iter().filter(|m| m.chargeable).count() as u32);
    }
    if let Some(s) = &r.spreading {
        d.termijnbedrag = Some(Amount(s.instalment));
        d.aantal_termijnen = Some(s.months);
    }
    d.redenen = reasons(req, r);
    d
}

/// The reason blocks of the bezwaar that the check's factors point to.
fn reasons(req: &CheckInput, r: &Report) -> Vec<Reason> {
    let mut out = Vec::new();
    for f in &r.explained_by {
        let block = match *f {
            "F2" if req.household.partner.is_none() => Reason::PartnerDied,
            "F2" => Reason::PartnerAtHome,
            "F4" => Reason::Income,
            "F5" => Reason::Assets,
            "F6" => Reason::CareForm,
            "F7" => Reason::StartPeriod,
            _ => continue,
        };
        if !out.contains(&block) {
            out.push(block);
        }
    }
    if r.backdated
        .as_ref()
        .is_some_and(|b| b.not_chargeable > rust_decimal::Decimal::ZERO)
    {
        out.push(Reason::BackdatingBeyond12Months);
    }
    out
}

fn care_name(f: CareForm) -> String {
    f.label().nl.to_lowercase()
}
