//! The planner's own parameters (planner.md §P.7), and the contribution-year parameters of
//! years that are not known yet (§P.6.3).
//!
//! The Blz and Rlz amounts come from the year files (`params/<year>.json`); the figures here
//! belong to other laws (Wet IB box 3, Wet op de zorgtoeslag, AOW) and are keyed by the
//! calendar year they belong to. Each has its reference and status, like a year file's. A
//! year after the last one given uses the last value unchanged (no indexation, main spec §2.7)
//! and is then an ESTIMATE (`carried_from`).

use crate::params::{self, Status, YearParams};
use crate::text::Text;
use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;
use std::sync::Mutex;

/// One planner parameter: a value per calendar year, with its law and status.
#[derive(Clone, Copy, Debug)]
pub struct Series {
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    /// The article, with the version of the year of the last value.
    pub article: &'static str,
    pub url: &'static str,
    pub status: Status,
    /// `(year, value)`, ascending; a later year takes the last value (carried forward).
    pub values: &'static [(i32, &'static str)],
}

/// A planner parameter's value for one year, and whether it was carried forward.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Value {
    pub value: Decimal,
    /// The year whose value is used, when it is not `year` itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<i32>,
}

impl Series {
    /// The value for `year`: its own, the last earlier one (carried, ESTIMATE), or, before the
    /// first year given, the first one (also marked carried).
    pub fn at(&self, year: i32) -> Value {
        let own = self.values.iter().find(|(y, _)| *y == year);
        let (y, v) = own
            .or_else(|| self.values.iter().rev().find(|(y, _)| *y < year))
            .or(self.values.first())
            .copied()
            .unwrap_or((year, "0"));
        Value {
            value: Decimal::from_str(v).unwrap_or_default(),
            carried_from: (y != year).then_some(y),
        }
    }

    pub fn dec(&self, year: i32) -> Decimal {
        self.at(year).value
    }

    /// A whole-number value (years).
    pub fn whole(&self, year: i32) -> u32 {
        u32::try_from(self.dec(year).trunc().mantissa()).unwrap_or(0)
    }

    pub fn label(&self) -> Text {
        Text::fixed(self.label.0, self.label.1)
    }
}

macro_rules! series {
    ($id:ident, $name:literal, $nl:literal, $en:literal, $article:literal, $url:expr, $status:ident, [$(($y:literal, $v:literal)),+ $(,)?]) => {
        #[doc = concat!($en, " (", $article, ").")]
        pub const $id: Series = Series {
            name: $name,
            label: ($nl, $en),
            article: $article,
            url: $url,
            status: Status::$status,
            values: &[$(($y, $v)),+],
        };
    };
}

const IB_52: &str = "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel5.2";
const WZT_2: &str = "https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel2";
const WZT_3: &str = "https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel3";
const AOW_9: &str = "https://wetten.overheid.nl/BWBR0002221/2026-07-01#Artikel9";
const IB_3111: &str = "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel3.111";

// --- Box 3 (Wet IB 2001 hoofdstuk 5) -------------------------------------------------------

series!(
    BOX3_HEFFINGVRIJ,
    "box3_heffingvrij",
    "Heffingvrij vermogen box 3, per persoon",
    "Box-3 tax-free allowance, per person",
    "Wet IB 2001 art. 5.5",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel5.5",
    Verified,
    [(2024, "57000"), (2025, "57684"), (2026, "59357")]
);
series!(
    BOX3_PCT_BANK,
    "box3_pct_bank",
    "Forfaitair rendement banktegoeden",
    "Deemed return on bank balances",
    "Wet IB 2001 art. 5.2 lid 2",
    IB_52,
    Estimate,
    [(2026, "0.0144")]
);
series!(
    BOX3_PCT_OTHER,
    "box3_pct_other",
    "Forfaitair rendement overige bezittingen",
    "Deemed return on other assets",
    "Wet IB 2001 art. 5.2 lid 2",
    IB_52,
    Verified,
    [(2026, "0.06")]
);
series!(
    BOX3_PCT_DEBT,
    "box3_pct_debt",
    "Forfaitair rendement schulden",
    "Deemed rate on debts",
    "Wet IB 2001 art. 5.2 lid 2",
    IB_52,
    Estimate,
    [(2026, "0.0261")]
);
series!(
    BOX3_SCHULDENDREMPEL,
    "box3_schuldendrempel",
    "Schuldendrempel box 3, per persoon",
    "Box-3 debt threshold, per person",
    "Wet IB 2001 art. 5.3 lid 3 f",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel5.3",
    Verified,
    [(2026, "3800")]
);
series!(
    BOX3_RATE,
    "box3_rate",
    "Belasting over het inkomen uit box 3",
    "Tax rate on box-3 income",
    "Wet IB 2001 art. 2.13",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel2.13",
    Verified,
    [(2026, "0.36")]
);
// Wet IB 9.4 lid 1 c by peiljaar; the Blz year files hold it for their own peiljaar, this
// series adds the peiljaren after the last year file (§P.6.3: enacted for 2025 and 2026).
series!(
    VERMOGEN_THRESHOLD,
    "vermogen_threshold_pp",
    "Vermogensdrempel per persoon (peiljaar)",
    "Asset threshold per person (peiljaar)",
    "Wet IB 2001 art. 9.4 lid 1 c",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel9.4",
    Verified,
    [(2024, "36952"), (2025, "37395"), (2026, "38479")]
);

// --- The Rlz deductions by peiljaar that differ from the last year file (main spec §2.4.3) ---

series!(
    RLZ_ZKG_SINGLE,
    "zkg_year_single",
    "Zak- en kleedgeld per jaar, alleenstaande (peiljaar)",
    "Personal allowance per year, single (peiljaar)",
    "Rlz art. 4.4",
    "https://wetten.overheid.nl/BWBR0036013",
    Estimate,
    [(2024, "4925"), (2025, "5157")]
);
series!(
    RLZ_ZVW_NOMINAL,
    "zvw_nominal",
    "Zorgverzekering: vast bedrag (peiljaar)",
    "Health insurance: fixed amount (peiljaar)",
    "Rlz art. 4.4",
    "https://wetten.overheid.nl/BWBR0036013",
    Estimate,
    [(2024, "1987"), (2025, "2112")]
);

// --- The own home (Wet IB 2001 art. 3.111, 3.113; Uitvoeringsbesluit IB art. 17a) -----------

series!(
    HOME_SALE_YEARS,
    "home_sale_years",
    "Jaren na het laatste jaar als eigen woning (leeg en te koop)",
    "Years after the last own-home year (empty, for sale)",
    "Wet IB 2001 art. 3.111 lid 2",
    IB_3111,
    Verified,
    [(2026, "3")]
);
series!(
    HOME_CARE_YEARS,
    "home_care_years",
    "Jaren na vertrek naar een verpleeghuis",
    "Years after moving into a nursing home",
    "Wet IB 2001 art. 3.111 lid 5",
    IB_3111,
    Verified,
    [(2026, "2")]
);
series!(
    HOME_EXPARTNER_YEARS,
    "home_expartner_years",
    "Jaren dat de (gescheiden) partner er woont",
    "Years the separated partner lives there",
    "Wet IB 2001 art. 3.111 lid 4",
    IB_3111,
    Verified,
    [(2026, "2")]
);
series!(
    TEMPORARY_LETTING_SHARE,
    "temporary_letting_box1_share",
    "Deel van de huur in box 1 bij tijdelijke verhuur",
    "Share of the rent in box 1 for temporary letting",
    "Wet IB 2001 art. 3.113",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel3.113",
    Verified,
    [(2026, "0.70")]
);

/// UB IB 17a lid 2 (2026): the leegwaarderatio by annual rent as a share of the WOZ value.
/// `(more than, ratio)`: the ratio of the last row whose lower bound the rent share exceeds.
pub const LEEGWAARDERATIO: &[(&str, &str)] = &[
    ("0", "0.73"),
    ("0.01", "0.79"),
    ("0.02", "0.84"),
    ("0.03", "0.90"),
    ("0.04", "0.95"),
    ("0.05", "1"),
];
pub const LEEGWAARDERATIO_ARTICLE: (&str, &str) = (
    "Uitvoeringsbesluit IB 2001 art. 17a lid 2; Wet IB 2001 art. 5.20 lid 3",
    "https://wetten.overheid.nl/BWBR0012066/2026-01-01#Artikel17a",
);

// --- Zorgtoeslag (Wet op de zorgtoeslag art. 2–3) -------------------------------------------

series!(
    ZT_VERMOGENSGRENS_SINGLE,
    "zt_vermogensgrens_single",
    "Vermogensgrens zorgtoeslag, alleenstaande",
    "Zorgtoeslag asset limit, single",
    "Wet op de zorgtoeslag art. 3 lid 1",
    WZT_3,
    Estimate,
    [(2024, "140213"), (2025, "141896"), (2026, "146011")]
);
series!(
    ZT_VERMOGENSGRENS_PARTNERS,
    "zt_vermogensgrens_partners",
    "Vermogensgrens zorgtoeslag, met toeslagpartner",
    "Zorgtoeslag asset limit, with partner",
    "Wet op de zorgtoeslag art. 3 lid 1",
    WZT_3,
    Estimate,
    [(2024, "177301"), (2025, "179429"), (2026, "184633")]
);
series!(
    ZT_INCOME_LIMIT_SINGLE,
    "zt_income_limit_single",
    "Inkomensgrens zorgtoeslag, alleenstaande",
    "Zorgtoeslag income limit, single",
    "Wet op de zorgtoeslag art. 2 (Belastingdienst)",
    WZT_2,
    Estimate,
    [(2026, "40857")]
);
series!(
    ZT_INCOME_LIMIT_PARTNERS,
    "zt_income_limit_partners",
    "Inkomensgrens zorgtoeslag, met toeslagpartner",
    "Zorgtoeslag income limit, with partner",
    "Wet op de zorgtoeslag art. 2 (Belastingdienst)",
    WZT_2,
    Estimate,
    [(2026, "51142")]
);
series!(
    ZT_STANDAARDPREMIE,
    "zt_standaardpremie",
    "Standaardpremie zorgtoeslag",
    "Zorgtoeslag standard premium",
    "Wet op de zorgtoeslag art. 4",
    WZT_2,
    Estimate,
    [(2026, "2119")]
);
series!(
    ZT_DREMPELINKOMEN,
    "zt_drempelinkomen",
    "Drempelinkomen zorgtoeslag",
    "Zorgtoeslag threshold income",
    "Wet op de zorgtoeslag art. 1 lid 1 f",
    WZT_2,
    Estimate,
    [(2026, "29736")]
);
series!(
    ZT_PCT_SINGLE,
    "zt_pct_drempel_single",
    "Normpremie: deel van het drempelinkomen, alleenstaande",
    "Standard contribution: share of the threshold income, single",
    "Wet op de zorgtoeslag art. 2 lid 3",
    WZT_2,
    Verified,
    [(2026, "0.01912")]
);
series!(
    ZT_PCT_PARTNER,
    "zt_pct_drempel_partner",
    "Normpremie: deel van het drempelinkomen, met partner",
    "Standard contribution: share of the threshold income, with partner",
    "Wet op de zorgtoeslag art. 2 lid 3",
    WZT_2,
    Verified,
    [(2026, "0.04289")]
);
series!(
    ZT_PCT_AFBOUW,
    "zt_pct_afbouw",
    "Normpremie: deel van het inkomen boven de drempel",
    "Standard contribution: share of income above the threshold",
    "Wet op de zorgtoeslag art. 2 lid 3",
    WZT_2,
    Verified,
    [(2026, "0.1373")]
);

// --- AOW (art. 9), by half-year: the key is year × 2 + (0 for January, 1 for July) ---------

series!(
    AOW_GROSS_SINGLE,
    "aow_gross_month_single",
    "AOW bruto per maand, ongehuwd",
    "State pension gross per month, unmarried",
    "AOW art. 9 lid 1, 7 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "1541.53"),
        (4049, "1569.75"),
        (4050, "1580.92"),
        (4051, "1612.44"),
        (4052, "1637.57")
    ]
);
series!(
    AOW_GROSS_MARRIED,
    "aow_gross_month_married",
    "AOW bruto per maand, gehuwd (per persoon)",
    "State pension gross per month, married (per person)",
    "AOW art. 9 lid 1, 7 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "1047.60"),
        (4049, "1067.47"),
        (4050, "1081.50"),
        (4051, "1103.97"),
        (4052, "1122.12")
    ]
);
series!(
    AOW_HOLIDAY_SINGLE,
    "aow_holiday_accrual_month_single",
    "Vakantiegeld AOW per maand, ongehuwd",
    "State pension holiday allowance per month, unmarried",
    "AOW art. 9 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "76.20"),
        (4049, "78.34"),
        (4050, "102.46"),
        (4051, "100.39"),
        (4052, "106.55")
    ]
);
series!(
    AOW_HOLIDAY_MARRIED,
    "aow_holiday_accrual_month_married",
    "Vakantiegeld AOW per maand, gehuwd",
    "State pension holiday allowance per month, married",
    "AOW art. 9 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "54.44"),
        (4049, "55.96"),
        (4050, "73.18"),
        (4051, "71.71"),
        (4052, "76.10")
    ]
);
series!(
    AOW_NET_SINGLE,
    "aow_net_month_single",
    "AOW netto per maand, ongehuwd (met loonheffingskorting)",
    "State pension net per month, unmarried (with payroll tax credit)",
    "AOW art. 9 lid 5 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "1459.53"),
        (4049, "1486.24"),
        (4050, "1497.77"),
        (4051, "1527.63"),
        (4052, "1558.15")
    ]
);
series!(
    AOW_NET_MARRIED,
    "aow_net_month_married",
    "AOW netto per maand, gehuwd (met loonheffingskorting)",
    "State pension net per month, married (with payroll tax credit)",
    "AOW art. 9 lid 5 (bedragen SVB)",
    AOW_9,
    Estimate,
    [
        (4048, "991.87"),
        (4049, "1010.69"),
        (4050, "1024.62"),
        (4051, "1045.91"),
        (4052, "1067.70")
    ]
);
// The tax on a higher AOW, W4's assumption: 8,10% first-bracket income tax at AOW age
// (Wet IB 2.10, 2026) plus 9,75% premie volksverzekeringen (Wfsv, not read); heffingskortingen
// ignored.
series!(
    AOW_EXTRA_TAX_RATE,
    "aow_extra_tax_rate",
    "Belasting en premies over extra AOW (aanname)",
    "Tax and premiums on extra state pension (assumption)",
    "Wet IB 2001 art. 2.10 (8,10%) + premie volksverzekeringen (9,75%)",
    "https://wetten.overheid.nl/BWBR0011353/2026-01-01#Artikel2.10",
    Estimate,
    [(2026, "0.1785")]
);

/// The AOW half-year key of a date (`year × 2`, `+ 1` from July).
pub fn half_year(year: i32, month: u8) -> i32 {
    year * 2 + i32::from(month >= 7)
}

/// Every planner series, for `wlz-bijdrage params --planner` and the assumptions list.
pub const ALL: &[Series] = &[
    BOX3_HEFFINGVRIJ,
    BOX3_PCT_BANK,
    BOX3_PCT_OTHER,
    BOX3_PCT_DEBT,
    BOX3_SCHULDENDREMPEL,
    BOX3_RATE,
    VERMOGEN_THRESHOLD,
    RLZ_ZKG_SINGLE,
    RLZ_ZVW_NOMINAL,
    HOME_SALE_YEARS,
    HOME_CARE_YEARS,
    HOME_EXPARTNER_YEARS,
    TEMPORARY_LETTING_SHARE,
    ZT_VERMOGENSGRENS_SINGLE,
    ZT_VERMOGENSGRENS_PARTNERS,
    ZT_INCOME_LIMIT_SINGLE,
    ZT_INCOME_LIMIT_PARTNERS,
    ZT_STANDAARDPREMIE,
    ZT_DREMPELINKOMEN,
    ZT_PCT_SINGLE,
    ZT_PCT_PARTNER,
    ZT_PCT_AFBOUW,
    AOW_GROSS_SINGLE,
    AOW_GROSS_MARRIED,
    AOW_HOLIDAY_SINGLE,
    AOW_HOLIDAY_MARRIED,
    AOW_NET_SINGLE,
    AOW_NET_MARRIED,
    AOW_EXTRA_TAX_RATE,
];

/// The last contribution year a plan may reach: parameters are carried at most this far.
pub const LAST_PLAN_YEAR: i32 = 2045;

/// What a contribution year's parameters rest on.
#[derive(Clone, Debug)]
pub struct ContributionParams {
    pub params: &'static YearParams,
    /// The year file the Blz amounts come from, when not the year's own.
    pub blz_from: Option<i32>,
    /// The peiljaar-keyed series (IB 9.4 threshold, Rlz) carried from an earlier peiljaar.
    pub carried_series: Vec<&'static str>,
}

/// The parameters of contribution year `y` (§P.6.3): its own year file when there is one;
/// otherwise the last year file's amounts carried forward unchanged, with the peiljaar-keyed
/// figures that are already known (IB 9.4 threshold, Rlz) put in. Built once per year and kept
/// (at most [`LAST_PLAN_YEAR`] − the last year file sets).
pub fn contribution_params(y: i32) -> Option<ContributionParams> {
    if let Some(p) = params::for_year(y) {
        return Some(ContributionParams {
            params: p,
            blz_from: None,
            carried_series: vec![],
        });
    }
    let latest = *params::supported_years().last()?;
    if y < latest || y > LAST_PLAN_YEAR {
        return None;
    }
    static BUILT: Mutex<Vec<(i32, &'static YearParams)>> = Mutex::new(Vec::new());
    let pj = params::peiljaar(y);
    let carried_series: Vec<&'static str> = [VERMOGEN_THRESHOLD, RLZ_ZKG_SINGLE, RLZ_ZVW_NOMINAL]
        .iter()
        .filter(|s| s.at(pj).carried_from.is_some())
        .map(|s| s.name)
        .collect();
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = built.iter().find(|(year, _)| *year == y) {
        return Some(ContributionParams {
            params: p,
            blz_from: Some(latest),
            carried_series,
        });
    }
    let base = params::for_year(latest)?;
    let p: &'static YearParams = Box::leak(Box::new(carried(base, y)));
    built.push((y, p));
    Some(ContributionParams {
        params: p,
        blz_from: Some(latest),
        carried_series,
    })
}

/// `base` (the last year file) as contribution year `y`: same amounts, every one an ESTIMATE
/// carried from `base.year`, with the peiljaar-keyed series of `y − 2` and the year in the
/// labels and texts.
fn carried(base: &YearParams, y: i32) -> YearParams {
    let pj = params::peiljaar(y);
    let mut p = base.clone();
    p.year = y;
    p.peiljaar = pj;
    p.texts = crate::params::YearTexts::for_year(y, pj, YearParams::int(&base.aow_age_years));
    let note: &'static str = Box::leak(
        format!(
            "Nog niet bekend: het bedrag van {} is overgenomen (planner.md §P.6.3).",
            base.year
        )
        .into_boxed_str(),
    );
    for c in params::concepts() {
        if let Some(par) = p.param_mut(c.name) {
            if par.status != Status::Estimate {
                par.status = Status::Estimate;
                par.note = Some(note);
            }
            if c.label.nl.contains('{') || c.label.en.contains('{') {
                par.label = Box::leak(Box::new(fill(&c.label, y, pj)));
            }
        }
    }
    for s in [VERMOGEN_THRESHOLD, RLZ_ZKG_SINGLE, RLZ_ZVW_NOMINAL] {
        if let Some(par) = p.param_mut(s.name) {
            let v = s.at(pj).value;
            par.decimal = v;
            par.value = Box::leak(v.to_string().into_boxed_str());
        }
    }
    p
}

fn fill(t: &Text, y: i32, pj: i32) -> Text {
    let f = |s: &str| {
        s.replace("{year}", &y.to_string())
            .replace("{peiljaar}", &pj.to_string())
    };
    Text::owned(f(&t.nl), f(&t.en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_has_a_law_a_status_and_ascending_decimal_values() {
        for s in ALL {
            assert!(
                s.url.starts_with("https://wetten.overheid.nl/"),
                "{}",
                s.name
            );
            assert!(!s.article.is_empty() && !s.label.0.is_empty(), "{}", s.name);
            assert!(s.values.windows(2).all(|w| w[0].0 < w[1].0), "{}", s.name);
            for (_, v) in s.values {
                assert!(Decimal::from_str(v).is_ok(), "{}: {v}", s.name);
            }
        }
        let names: std::collections::BTreeSet<_> = ALL.iter().map(|s| s.name).collect();
        assert_eq!(names.len(), ALL.len(), "a series name is used twice");
    }

    #[test]
    fn a_later_year_carries_the_last_value_and_says_so() {
        assert_eq!(
            BOX3_HEFFINGVRIJ.at(2026),
            Value {
                value: Decimal::from(59_357),
                carried_from: None
            }
        );
        assert_eq!(
            BOX3_HEFFINGVRIJ.at(2030),
            Value {
                value: Decimal::from(59_357),
                carried_from: Some(2026)
            }
        );
        assert_eq!(VERMOGEN_THRESHOLD.dec(2025), Decimal::from(37_395));
    }

    #[test]
    fn carried_contribution_years_keep_the_amounts_and_mark_them() {
        let p = contribution_params(2029).unwrap();
        let last = crate::params::for_year(2026).unwrap();
        assert_eq!(p.params.year, 2029);
        assert_eq!(p.params.peiljaar, 2027);
        assert_eq!(p.params.heb_max_month.decimal, last.heb_max_month.decimal);
        assert_eq!(p.params.heb_max_month.status, Status::Estimate);
        assert_eq!(
            p.params.vermogen_threshold_pp.decimal,
            Decimal::from(38_479)
        );
        assert!(p.params.texts.peiljaar.nl.contains("2027"));
        assert!(contribution_params(LAST_PLAN_YEAR + 1).is_none());
        // Built once: the same set the second time.
        assert!(std::ptr::eq(
            p.params,
            contribution_params(2029).unwrap().params
        ));
    }

    #[test]
    fn leegwaarderatio_follows_the_table() {
        let r = |s: &str| super::super::home::leegwaarderatio(Decimal::from_str(s).unwrap());
        assert_eq!(r("0.0343"), Decimal::from_str("0.90").unwrap()); // W2b: 12.000 / 350.000
        assert_eq!(r("0.01"), Decimal::from_str("0.73").unwrap());
        assert_eq!(r("0.0101"), Decimal::from_str("0.79").unwrap());
        assert_eq!(r("0.06"), Decimal::ONE);
    }
}
