//! The OPEN questions of the spec (§8) in one place. Each switch is `false`
//! by default, which is the spec's default reading; `true` selects the
//! alternative. Every step of the trace that depends on a reading names its
//! OPEN id, so the explanation shows the choice.

use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Readings {
    /// O-3: apply the Wet IB 9.4 threshold once for the couple (2 × per person) to their summed assets.
    pub joint_vermogen_threshold: bool,
    /// O-4: COT as 4% × GSB − (one-off payments + extra vrijstelling) instead of 4% × (GSB − …).
    pub cot_grouping_outside: bool,
    /// O-5: each spouse's COT includes only their own share of the VIB, not the household VIB.
    pub cot_own_vib_share: bool,
    /// O-6: the spouse's COT is added to the LEB income (literal "vermeerderd") instead of subtracted.
    pub spouse_cot_added: bool,
    /// O-7: the LEB COT income test uses the Blz vermogen instead of the GSB.
    pub cot_test_on_vermogen: bool,
    /// O-8a: the spouse of any verzekerde (also one at AOW age) can get the extra vrijstelling.
    pub extra_vrijstelling_any_verzekerde: bool,
    /// O-8b: a spouse without care of their own counts as owing a contribution (no extra vrijstelling).
    pub spouse_without_care_owes: bool,
    /// O-9: the mpt/pgb deduction and korting apply only when the household's top form is mpt or pgb.
    pub thuis_only_if_top_form: bool,
    /// O-10: the korting is taken once per spouse with mpt or pgb instead of once.
    pub korting_per_spouse: bool,
    /// O-12: the start period ends at the start of a month (whole months) instead of day-based.
    pub start_period_whole_months: bool,
    /// O-13: deeltijdverblijf always gives the LEB, also combined with a partner in an instelling.
    pub dtv_always_leb: bool,
    /// O-14: a client in an instelling whose partner is in beschermd wonen gets no start period.
    pub bw_partner_no_start_period: bool,
    /// O-16: a partial month is computed from the exact monthly amount instead of the rounded one.
    pub partial_from_exact: bool,
    /// O-18: without data in 2024/2025, an mpt/pgb household pays the minimum minus the korting.
    pub no_data_korting_2024_2025: bool,
    /// O-19: the split between spouses follows income plus each one's VIB share.
    pub split_includes_vib: bool,
    /// O-20: the Rlz chapter 4 aftrekpost counts per spouse, by each one's AOW status.
    pub aftrekpost_per_spouse: bool,
    /// O-26: a spouse in Wmo beschermd wonen counts as owing a contribution of their own
    /// (no 2024/2025 extra vermogensvrijstelling for that spouse).
    pub bw_spouse_owes: bool,
    /// O-25: a partner living along in the instelling counts as a partner without Wlz care (lid 2 a).
    pub living_along_as_no_care: bool,
}

impl Readings {
    /// The switch of an OPEN reading by its JSON field name (as [`OpenItem::switch`] names it),
    /// for code that tries each reading in turn (the letter check's factor F10).
    pub fn switch_mut(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "joint_vermogen_threshold" => &mut self.joint_vermogen_threshold,
            "cot_grouping_outside" => &mut self.cot_grouping_outside,
            "cot_own_vib_share" => &mut self.cot_own_vib_share,
            "spouse_cot_added" => &mut self.spouse_cot_added,
            "cot_test_on_vermogen" => &mut self.cot_test_on_vermogen,
            "extra_vrijstelling_any_verzekerde" => &mut self.extra_vrijstelling_any_verzekerde,
            "spouse_without_care_owes" => &mut self.spouse_without_care_owes,
            "thuis_only_if_top_form" => &mut self.thuis_only_if_top_form,
            "korting_per_spouse" => &mut self.korting_per_spouse,
            "start_period_whole_months" => &mut self.start_period_whole_months,
            "dtv_always_leb" => &mut self.dtv_always_leb,
            "bw_partner_no_start_period" => &mut self.bw_partner_no_start_period,
            "partial_from_exact" => &mut self.partial_from_exact,
            "no_data_korting_2024_2025" => &mut self.no_data_korting_2024_2025,
            "split_includes_vib" => &mut self.split_includes_vib,
            "aftrekpost_per_spouse" => &mut self.aftrekpost_per_spouse,
            "bw_spouse_owes" => &mut self.bw_spouse_owes,
            "living_along_as_no_care" => &mut self.living_along_as_no_care,
            _ => return None,
        })
    }

    pub fn is_default(&self) -> bool {
        *self == Readings::default()
    }
}

/// An OPEN item the engine relies on, for explanations and the closing list.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpenItem {
    pub id: &'static str,
    /// The JSON field under `readings` that flips it (empty when it is not switchable).
    pub switch: &'static str,
    pub default: Text,
    pub alternative: Text,
}

macro_rules! item {
    ($id:literal, $switch:literal, $dnl:literal, $den:literal, $anl:literal, $aen:literal) => {
        OpenItem {
            id: $id,
            switch: $switch,
            default: Text::fixed($dnl, $den),
            alternative: Text::fixed($anl, $aen),
        }
    };
}

/// Every OPEN reading the engine adopts (spec §8), with its default and alternative.
pub fn open_items() -> Vec<OpenItem> {
    vec![
        item!("O-1", "", "Zak- en kleedgeld en de aftrek voor de zorgverzekering volgen uit de wet (afgeleid). De vaste aftrek en de extra vrijlating zijn onze schatting.", "The personal allowance and the health-insurance deduction follow from the law (derived). The fixed deduction and the extra allowance are our estimate.", "De bedragen uit de Regeling zelf (nog niet gelezen).", "The amounts of the regulation itself (not yet read)."),
        item!("O-2", "", "Geen compensatie ouderentoeslag en geen extra vermogensvrijstelling in 2026. Wie in 2025 compensatie had, krijgt een melding: een overgangsregeling kan het bedrag verlagen.", "No elderly-allowance compensation and no extra asset exemption in 2026. Who had the compensation in 2025 gets a note: a transitional rule may lower the amount.", "Een overgangsregeling in 2026 (bedrag onbekend): voeg de parameters toe aan 2026.json.", "A 2026 transition (amount unknown): add the parameters to 2026.json."),
        item!("O-3", "joint_vermogen_threshold", "Vrijstelling van het vermogen per persoon.", "Asset threshold per person.", "Eén vrijstelling voor het paar samen.", "One joint threshold for the couple."),
        item!("O-4", "cot_grouping_outside", "Compensatie: 4% × (grondslag − aftrekken).", "Compensation: 4% × (base − deductions).", "4% × grondslag − aftrekken.", "4% × base − deductions."),
        item!("O-5", "cot_own_vib_share", "Compensatie van elke partner telt de bijtelling van het huishouden mee.", "Each spouse's compensation includes the household's notional asset income.", "Alleen het eigen deel van de bijtelling.", "Only the spouse's own share."),
        item!("O-6", "spouse_cot_added", "Compensatie van de partner gaat van het inkomen af.", "The spouse's compensation is subtracted from income.", "Letterlijk: erbij opgeteld.", "Literal text: added."),
        item!("O-7", "cot_test_on_vermogen", "Inkomenstoets compensatie met de grondslag sparen en beleggen.", "Compensation income test uses the box-3 taxable base.", "Toets met het vermogen van de Blz.", "Test uses the Blz assets."),
        item!("O-8a", "extra_vrijstelling_any_verzekerde", "Partner krijgt de extra vrijstelling alleen naast een cliënt onder de AOW-leeftijd.", "The spouse gets the extra exemption only beside a client below pension age.", "Naast elke cliënt.", "Beside any client."),
        item!("O-8b", "spouse_without_care_owes", "Een partner zonder eigen zorg betaalt zelf geen bijdrage (krijgt de vrijstelling).", "A spouse without own care owes no contribution (gets the exemption).", "Die partner telt als bijdrageplichtig (geen vrijstelling).", "That spouse counts as owing (no exemption)."),
        item!("O-9", "thuis_only_if_top_form", "Aftrek en korting voor mpt/pgb gelden als één partner mpt of pgb heeft.", "The mpt/pgb deduction and korting apply when either spouse has mpt or pgb.", "Alleen als mpt of pgb de hoogste zorgvorm is.", "Only when mpt or pgb is the top form."),
        item!("O-10", "korting_per_spouse", "De korting geldt één keer per huishouden.", "The korting applies once per household.", "Eén keer per partner met mpt of pgb.", "Once per spouse with mpt or pgb."),
        item!("O-11", "", "Vrijstelling bij laag inkomen: alleen een hint, bij huishoudens met de lage bijdrage.", "Low-income exemption: a hint only, for households at the low contribution.", "Op het inkomen van het peiljaar, ook bij de hoge bijdrage.", "On peiljaar income, also for the high contribution."),
        item!("O-12", "start_period_whole_months", "Aanloopperiode per dag: 4 kalendermaanden vanaf opname, minus dagen die al telden.", "Start period by day: 4 calendar months from admission, minus days already counted.", "In hele maanden: overgang aan het begin van de volgende maand.", "In whole months: switch at the start of the next month."),
        item!("O-13", "dtv_always_leb", "Deeltijdverblijf telt als verblijf in een instelling naast een partner in een instelling.", "Part-time stay counts as a stay beside a partner in an instelling.", "Deeltijdverblijf geeft altijd de lage bijdrage.", "Part-time stay always gives the low contribution."),
        item!("O-14", "bw_partner_no_start_period", "Ook met een partner in beschermd wonen eerst 4 maanden de lage bijdrage.", "With a partner in sheltered housing, still 4 months at the low contribution first.", "Meteen de hoge bijdrage.", "The high contribution at once."),
        item!("O-15", "", "Een negatief inkomen voor de hoge bijdrage telt als € 0.", "A negative income for the high contribution counts as € 0.", "–", "–"),
        item!("O-16", "partial_from_exact", "Eén keer afronden op het maandbedrag; een deel van een maand rekent vanaf dat afgeronde bedrag.", "Round once at the monthly amount; a partial month starts from that rounded amount.", "Deel van een maand vanaf het exacte bedrag.", "Partial month from the exact amount."),
        item!("O-17", "", "Geen aparte regel voor terminale zorg.", "No special rule for terminal care.", "Lage bijdrage bij terminale zorg.", "Low contribution for terminal care."),
        item!("O-18", "no_data_korting_2024_2025", "Zonder gegevens (2024/2025) betaalt ook een mpt/pgb-huishouden het minimum.", "Without data (2024/2025) an mpt/pgb household also pays the minimum.", "Minimum min de korting.", "Minimum minus the korting."),
        item!("O-19", "split_includes_vib", "Verdeling tussen partners naar inkomen; negatief telt als 0; gelijk als beide 0.", "Split between spouses by income; negatives as 0; equal when both are 0.", "Naar inkomen plus eigen vermogensbijtelling.", "By income plus own notional asset income."),
        item!("O-20", "aftrekpost_per_spouse", "De vaste aftrek (Rlz hoofdstuk 4) één keer per huishouden; AOW-bedrag als één partner de AOW-leeftijd heeft.", "The fixed deduction (Rlz chapter 4) once per household; pension amount when one spouse has reached pension age.", "Per partner, naar eigen AOW-leeftijd.", "Per spouse, by own pension age."),
        item!("O-21", "", "Het bijdrage-inkomen voor de zorgverzekering is gelijk aan het verzamelinkomen.", "The health-insurance contribution income equals the verzamelinkomen.", "De gebruiker vult het apart in.", "The user enters it separately."),
        item!("O-22", "", "AOW-leeftijd na 31 januari telt pas vanaf het volgende jaar.", "Pension age reached after 31 January counts from the next year.", "Vanaf de volgende maand.", "From the next month."),
        item!("O-26", "bw_spouse_owes", "Een partner in beschermd wonen betaalt zelf geen bijdrage zolang de Wlz-bijdrage loopt: die partner krijgt de extra vrijstelling (2024/2025).", "A spouse in sheltered housing owes no contribution of their own while the Wlz contribution runs: that spouse gets the extra exemption (2024/2025).", "Die partner telt als bijdrageplichtig (geen vrijstelling).", "That spouse counts as owing (no exemption)."),
        item!("O-25", "living_along_as_no_care", "Een partner die meeverhuist telt als verblijf in de instelling: na 4 maanden de hoge bijdrage voor het paar.", "A partner living along counts as staying in the instelling: after 4 months the high contribution for the couple.", "Die partner telt als partner zonder zorg: lage bijdrage.", "That partner counts as a partner without care: low contribution."),
    ]
}

#[cfg(test)]
mod switch_tests {
    use super::*;

    #[test]
    fn every_switchable_reading_has_its_switch() {
        for item in open_items().into_iter().filter(|i| !i.switch.is_empty()) {
            let mut r = Readings::default();
            let flag = r
                .switch_mut(item.switch)
                .unwrap_or_else(|| panic!("{}", item.switch));
            *flag = true;
            // The same field as the JSON contract's name.
            let json = serde_json::to_value(&r).unwrap();
            assert_eq!(
                json[item.switch],
                serde_json::Value::Bool(true),
                "{}",
                item.switch
            );
        }
    }
}
