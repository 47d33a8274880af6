//! The planner's input contract (`version: 1`): the household of an estimate, plus what
//! happens over the years (planner.md §P.6.2). Unknown fields are rejected.

use crate::date::Date;
use crate::input::{Amount, HouseholdFacts, Person};
use crate::readings::Readings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The number of contribution years a plan shows by default (§P.6.1: now … now + 6).
pub const DEFAULT_YEARS: u32 = 7;
/// The most contribution years one plan may show.
pub const MAX_YEARS: u32 = 10;

/// One plan request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    /// Contract version; must be 1.
    pub version: u32,
    /// The first contribution year of the plan ("now", §P.6.1).
    pub from: i32,
    /// How many contribution years to show (default 7, at most 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The client as in an estimate. `income` and `tax` are the box-1/2 income and its tax of
    /// every calendar year (carried; `money` overrides a year). `age` is the age on 1 January
    /// of `from`. `assets` is not used: give `money.savings` instead.
    pub client: Person,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Person>,
    #[serde(default)]
    pub household: HouseholdFacts,
    #[serde(default, skip_serializing_if = "Readings::is_default")]
    pub readings: Readings,
    /// The day the client moved into the instelling (the start of the stay, and the day the
    /// home stopped being the client's hoofdverblijf).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission: Option<Date>,
    /// The client's savings, other box-3 assets, debts and year-by-year figures.
    #[serde(default)]
    pub money: Money,
    /// The same for the partner.
    #[serde(default, skip_serializing_if = "Money::is_empty")]
    pub partner_money: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Home>,
    /// Gifts of money (§P.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gifts: Vec<Gift>,
    /// Children's claims from a Wlz-clausule in a will that became opeisbaar (§P.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wlz_clause: Vec<Claim>,
    /// The AOW choice after admission (§P.5).
    #[serde(default)]
    pub aow: AowChoice,
    /// Pay the contribution from savings (§P.4): the savings of later years follow from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawdown: Option<Drawdown>,
    /// The planner's open questions (PO-n, §P.8); all default.
    #[serde(default, skip_serializing_if = "PlanReadings::is_default")]
    pub plan_readings: PlanReadings,
    /// Show announced but not enacted policy (box 3 from 2027/2028) as a labelled proposal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proposals: bool,
}

/// One person's money over the years. Keys of the `*_by_year` maps are calendar years.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Bank balance on 1 January of every year (carried), before gifts and sale proceeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub savings: Option<Amount>,
    /// The balance on 1 January of one year, already after everything before that day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub savings_by_year: BTreeMap<i32, Amount>,
    /// Investments and other box-3 assets on 1 January (not the home).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_assets: Option<Amount>,
    /// Box-3 debts on 1 January (not the mortgage of the home).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debts: Option<Amount>,
    /// Box-1/2 income of one calendar year, instead of the person's `income`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub income_by_year: BTreeMap<i32, Amount>,
    /// Tax and premiums on box 1/2 of one year, instead of the person's `tax`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tax_by_year: BTreeMap<i32, Amount>,
    /// The whole verzamelinkomen of one year from the assessment (box 3 included); then no
    /// box-3 income is computed for that year, and `tax_by_year` is the whole tax.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub verzamelinkomen_by_year: BTreeMap<i32, Amount>,
}

impl Money {
    pub fn is_empty(&self) -> bool {
        *self == Money::default()
    }
}

/// The own home (§P.2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// WOZ value (the same every year).
    pub woz: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mortgage: Option<Amount>,
    #[serde(default)]
    pub owner: Owner,
    /// What happens to the home after the client left it.
    #[serde(default)]
    pub status: HomeStatus,
    /// The day the home stopped being the client's hoofdverblijf (default: `admission`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Date>,
    /// With status `let`: the first day of the letting (empty, not for sale before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub let_from: Option<Date>,
    /// With status `let`: the rent per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rent: Option<Amount>,
    #[serde(default)]
    pub tenancy: Tenancy,
    /// The day the sale went through (transfer at the notary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sold: Option<Date>,
    /// Net proceeds of the sale (default: WOZ value minus mortgage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proceeds: Option<Amount>,
}

/// Who owns the home.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    #[default]
    Client,
    Partner,
    /// Half each.
    Joint,
}

/// What happens to the home after admission (§P.2.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum HomeStatus {
    /// Empty and for sale (IB 3.111 lid 2).
    #[default]
    ForSale,
    /// Empty, not for sale.
    Empty,
    /// Let from `let_from`.
    Let,
    /// The partner keeps living in it.
    Partner,
}

/// The kind of tenancy (IB 5.20 lid 3 and 5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Tenancy {
    /// A regular, indefinite tenancy: the leegwaarderatio applies.
    #[default]
    Regular,
    /// A fixed-term lease (BW 7:271): full WOZ value.
    FixedTerm,
    /// Temporary letting under the Leegstandwet (PO-2: full WOZ value by default).
    Leegstandwet,
    /// A related party at a rent below the market: full WOZ value.
    Related,
}

/// Whose money a gift comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Donor {
    #[default]
    Client,
    Partner,
}

/// A gift of money, or a schenking op papier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gift {
    pub date: Date,
    pub amount: Amount,
    #[serde(default)]
    pub donor: Donor,
    /// A schenking op papier (a debt to the child, not paid out): counts only with a notarial
    /// deed and the interest paid every year (PO-12), see `deed_and_interest`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_paper: bool,
    /// For a schenking op papier: notarial deed made and the yearly interest paid.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deed_and_interest: bool,
}

/// A Wlz-clausule claim of the children on the client, opeisbaar from `date`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub date: Date,
    /// The claim, with the interest the will provides (PO-13).
    pub amount: Amount,
}

/// Married AOW, or "duurzaam gescheiden leven" registered with the SVB (§P.5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AowChoice {
    #[serde(default)]
    pub option: AowOption,
    /// The first day of the month in which the SVB pays the unmarried AOW (PO-4). Default:
    /// the first day of the month after the start period of 4 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Date>,
    /// The toeslagpartnership ended for the stay on request (AWIR art. 3 lid 6).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split_toeslag: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AowOption {
    /// Keep the married AOW (option A).
    #[default]
    Married,
    /// "Duurzaam gescheiden leven": two unmarried AOWs (option B).
    Gescheiden,
}

/// The drawdown helper (§P.4): from 1 January of `from` the savings are no longer typed in but
/// follow from income, tax, own costs and the contribution paid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Drawdown {
    /// The first 1 January computed (the balance of that day is the typed one).
    pub from: i32,
    /// Own spending per year besides the contribution.
    pub own_costs: Amount,
}

/// The planner's open questions (planner.md §P.8). `false` is the default reading.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PlanReadings {
    /// PO-1: a home let during the two years of IB 3.111 lid 5 is in box 3 (leegwaarde).
    pub let_in_care_years_box3: bool,
    /// PO-2: a Leegstandwet letting is valued with the leegwaarderatio instead of the full WOZ.
    pub leegstandwet_ratio: bool,
    /// PO-3: an event dated 1 January counts on that peildatum already.
    pub january_first_on_peildatum: bool,
    /// PO-8: after "duurzaam gescheiden", the client's share of the home moves to box 3 two
    /// years after he left (IB 3.111 lid 4).
    pub gescheiden_home_box3: bool,
    /// PO-12: a schenking op papier always counts as a box-3 debt.
    pub paper_gift_always: bool,
    /// PO-15: use the household's `zorgtoeslag` answer for every peiljaar instead of deriving it.
    pub zorgtoeslag_as_given: bool,
}

impl PlanReadings {
    pub fn is_default(&self) -> bool {
        *self == PlanReadings::default()
    }
}
