//! Parameters are data: one JSON file per contribution year under `crates/core/params/`
//! (`<year>.json`), and one per tax year under `crates/core/params/tax/`, compiled into the
//! library by `build.rs` (every `<year>.json` there is picked up, so adding 2027 means adding
//! `2027.json`). Each value carries its unit, a bilingual label, its legal reference (article +
//! wetten.overheid.nl URL) and its status (VERIFIED / DERIVED / ESTIMATE / OPEN, spec §0); a
//! DERIVED value also carries the rule that derives it from law figures, with those figures'
//! references. The year file also holds the versioned URLs of every article the engine cites
//! in its explanation trace ([`Article`]).
//!
//! # The files
//!
//! What a parameter *is* is written once, in `params/concepts.json` (`params/tax/concepts.json`
//! for the tax files): per name its `label` (`nl`, `en`), its `unit`, the `article` it rests
//! on, and where it goes in [`YearParams`] (`field`, for example `heb.zvw_rate` in the group
//! `heb`). A label or article may hold `{year}` and `{peiljaar}`. A year file holds per name
//! only what changes each year: `value` (a decimal written as a string), `status`,
//! `reference.url` (and `reference.article` only where that year cites another article),
//! `note` and `derivation`. The full format is in `crates/core/params/README.md`.
//!
//! # Compiled, not read
//!
//! `build.rs` checks every file (`params/files.rs`): a missing, unknown or mistyped field, an
//! unknown unit or status, a value that is not a decimal, a reference without an https URL, an
//! ESTIMATE without a note, a DERIVED value without its rule, a parameter without a concept or
//! a concept no year uses. Each is a compile error naming the file and the key, such as
//! `params/2026.json: params.leb_min_month.reference.url: must be an https URL`. It then writes
//! the parameters as Rust statics: one [`Concept`] per name (`CONCEPT_LEB_RATE`), which every
//! year's [`Param`] points at for its label and article, and one [`YearParams`] per year whose
//! values are const [`Decimal`]s. The structs' parameter fields, [`YearParams::all`] and the
//! name lookup [`YearParams::param`] are generated from the same list, so a parameter's name is
//! written in `concepts.json` only. Nothing is parsed at run time; the WebAssembly carries no
//! JSON text and no JSON reader.

mod article;
// The build-time checker (`build.rs` includes it too); here only for its tests, which also
// leave some of what `build.rs` reads unread.
#[cfg(test)]
#[allow(dead_code)]
mod files;

pub use article::{Article, OPTIONAL_REFERENCES, REFERENCE_KEYS};

use crate::text::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How sure we are of a value (spec §0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// Read in the law text that applies to that year (or plain arithmetic on such values).
    Verified,
    /// Not printed in the law text for that year, but computed from law figures by a
    /// rule that reproduces the law's own values where both are known; the rule is in
    /// `derivation`. Shown without an estimate mark.
    Derived,
    /// Not read in the law text for that year: our best value, with the reasoning in `note`.
    Estimate,
    /// An interpretation question; the default reading is implemented.
    Open,
}

/// An article of a law, with a link to the version that applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    pub article: &'static str,
    pub url: &'static str,
}

/// How a DERIVED value follows from figures of the law (spec §0).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    /// The rule in one line, with its arithmetic.
    pub rule: Text,
    /// The law texts whose figures the rule uses.
    pub sources: &'static [LegalRef],
}

/// The unit of a parameter value, as the year files write it (`eur_per_month`, `share`, …).
/// Typed, so an unknown unit in a year file is an error when it loads, and pages format by
/// kind rather than by comparing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    EurPerMonth,
    EurPerYear,
    EurPerPerson,
    EurPerPersonPerYear,
    /// A fraction (`0.10` is 10%).
    Share,
    Months,
    Days,
    Years,
    /// A day in January (the AOW cut-off day, Blz 3.3.1.4 lid 1).
    DayOfJanuary,
    /// Not a number: the value names a rule (the no-data rule).
    Rule,
}

impl Unit {
    pub const ALL: [Unit; 10] = [
        Unit::EurPerMonth,
        Unit::EurPerYear,
        Unit::EurPerPerson,
        Unit::EurPerPersonPerYear,
        Unit::Share,
        Unit::Months,
        Unit::Days,
        Unit::Years,
        Unit::DayOfJanuary,
        Unit::Rule,
    ];

    /// The name in the year files and the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Unit::EurPerMonth => "eur_per_month",
            Unit::EurPerYear => "eur_per_year",
            Unit::EurPerPerson => "eur_per_person",
            Unit::EurPerPersonPerYear => "eur_per_person_per_year",
            Unit::Share => "share",
            Unit::Months => "months",
            Unit::Days => "days",
            Unit::Years => "years",
            Unit::DayOfJanuary => "day_of_january",
            Unit::Rule => "rule",
        }
    }

    /// An amount in euros (shown as `€ 1.234,56`).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::EurPerMonth | Unit::EurPerYear | Unit::EurPerPerson | Unit::EurPerPersonPerYear
        )
    }
}

/// What a parameter is, the same in every year (`params/concepts.json`): its name, label,
/// unit and the article it usually rests on. Each is compiled in once (`CONCEPT_<NAME>`); the
/// [`Param`] of each year points at it.
#[derive(Debug)]
pub struct Concept {
    pub name: &'static str,
    /// May hold `{year}` and `{peiljaar}`; a year's [`Param::label`] has them filled in.
    pub label: Text,
    pub unit: Unit,
    /// The article cited in every year that does not name its own (may hold placeholders).
    pub article: Option<&'static str>,
    /// Only some years have it (the field is an `Option`).
    pub only_some_years: bool,
}

/// One parameter value of one year, with everything needed to explain and check it.
/// Serialized (`wlz-bijdrage params --json`) with `name`, `value`, `unit`, `label`,
/// `reference`, `status` and, when present, `note` and `derivation`.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Param {
    pub name: &'static str,
    /// The value as the year file writes it (`"212.60"`, or a rule name for unit `rule`).
    pub value: &'static str,
    pub unit: Unit,
    /// The concept's label (with the year filled in where it names one).
    pub label: &'static Text,
    pub reference: LegalRef,
    pub status: Status,
    /// Why an ESTIMATE (or another value) is what it is. `None` in a build without the
    /// `parameter-notes` feature (the calculator page, which never shows it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    /// The rule behind a DERIVED value (required there; an ESTIMATE may show its method too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derivation: Option<&'static Derivation>,
    /// The value as a number (zero for unit `rule`).
    #[serde(skip)]
    pub decimal: Decimal,
}

/// What the CAK charges when it holds no income or asset data (Blz 3.3.2.7 lid 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoDataRule {
    /// 2024/2025: the LEB minimum for every household.
    LebMinimum,
    /// 2026: HEB € 0; LEB the minimum, minus the korting where it applies.
    HebZeroLebMinimum,
}

/// Year-specific explanation texts, compiled in with the year (`year_texts!`) so an
/// estimate only borrows them.
#[derive(Clone, Debug)]
pub struct YearTexts {
    pub peiljaar: Text,
    pub income_client: Text,
    pub income_partner: Text,
    /// AOW status, indexed `[client, partner][not reached, reached]`.
    pub aow: [[Text; 2]; 2],
}

impl YearTexts {
    /// The texts of a contribution year without a year file (the planner's carried years),
    /// in the same words as [`year_texts!`] writes for a year file.
    pub fn for_year(year: i32, peiljaar: i32, aow: i64) -> YearTexts {
        let reached = |nl: &str, en: &str| {
            Text::owned(
                format!("{nl} heeft de AOW-leeftijd ({aow}) vóór 1 februari {year} bereikt: telt het hele jaar als AOW-gerechtigd."),
                format!("{en} reached state pension age ({aow}) by 31 January {year}: counts as a pensioner for the whole year."),
            )
        };
        let not = |nl: &str, en: &str| {
            Text::owned(
                format!("{nl} heeft de AOW-leeftijd ({aow}) niet vóór 1 februari {year} bereikt."),
                format!("{en} did not reach state pension age ({aow}) by 31 January {year}."),
            )
        };
        YearTexts {
            peiljaar: Text::owned(
                format!("Voor {year} telt het inkomen van {peiljaar} en het vermogen op 1 januari {peiljaar}."),
                format!("For {year} the income of {peiljaar} and the assets on 1 January {peiljaar} count."),
            ),
            income_client: Text::owned(
                format!("Verzamelinkomen {peiljaar}"),
                format!("Verzamelinkomen {peiljaar}"),
            ),
            income_partner: Text::owned(
                format!("Verzamelinkomen {peiljaar} van de partner"),
                format!("Partner's verzamelinkomen {peiljaar}"),
            ),
            aow: [
                [not("U", "You"), reached("U", "You")],
                [not("Uw partner", "Your partner"), reached("Uw partner", "Your partner")],
            ],
        }
    }
}

/// The [`YearTexts`] of contribution year `$year` with peiljaar `$peiljaar` and AOW age `$aow`
/// (literals, from the generated code): the texts are written here once and filled in at
/// compile time.
macro_rules! year_texts {
    ($year:literal, $peiljaar:literal, $aow:literal) => {
        YearTexts {
            peiljaar: Text::fixed(
                concat!("Voor ", $year, " telt het inkomen van ", $peiljaar, " en het vermogen op 1 januari ", $peiljaar, "."),
                concat!("For ", $year, " the income of ", $peiljaar, " and the assets on 1 January ", $peiljaar, " count."),
            ),
            income_client: Text::fixed(
                concat!("Verzamelinkomen ", $peiljaar),
                concat!("Verzamelinkomen ", $peiljaar),
            ),
            income_partner: Text::fixed(
                concat!("Verzamelinkomen ", $peiljaar, " van de partner"),
                concat!("Partner's verzamelinkomen ", $peiljaar),
            ),
            aow: [
                [
                    year_texts!(@not "U", "You", $year, $aow),
                    year_texts!(@reached "U", "You", $year, $aow),
                ],
                [
                    year_texts!(@not "Uw partner", "Your partner", $year, $aow),
                    year_texts!(@reached "Uw partner", "Your partner", $year, $aow),
                ],
            ],
        }
    };
    (@reached $nl:literal, $en:literal, $year:literal, $aow:literal) => {
        Text::fixed(
            concat!($nl, " heeft de AOW-leeftijd (", $aow, ") vóór 1 februari ", $year, " bereikt: telt het hele jaar als AOW-gerechtigd."),
            concat!($en, " reached state pension age (", $aow, ") by 31 January ", $year, ": counts as a pensioner for the whole year."),
        )
    };
    (@not $nl:literal, $en:literal, $year:literal, $aow:literal) => {
        Text::fixed(
            concat!($nl, " heeft de AOW-leeftijd (", $aow, ") niet vóór 1 februari ", $year, " bereikt."),
            concat!($en, " did not reach state pension age (", $aow, ") by 31 January ", $year, "."),
        )
    };
}

// The concepts, the structs `YearParams`, `CotParams`, `Pw23`, `HebDeductions` and `TaxYear`
// with `all`/`param`/`param_mut`, and one static per year file: written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/params.rs"));

impl YearParams {
    /// The versioned reference of `article` in this year. Every article except those of
    /// [`OPTIONAL_REFERENCES`] is checked at build time, so this never fails for those.
    pub fn reference(&self, article: Article) -> &LegalRef {
        static MISSING: LegalRef = LegalRef {
            article: "?",
            url: "https://wetten.overheid.nl",
        };
        // The table holds the references in the order of Article::ALL (the enum's order).
        self.reference_table[article as usize]
            .as_ref()
            .unwrap_or(&MISSING)
    }

    /// Every reference of this year's file, in the order of [`Article::ALL`].
    pub fn references(&self) -> impl Iterator<Item = (Article, &LegalRef)> {
        Article::ALL
            .into_iter()
            .zip(&self.reference_table)
            .filter_map(|(a, r)| Some((a, r.as_ref()?)))
    }

    /// A whole-number parameter (months, days, years) as an integer.
    pub fn int(p: &Param) -> i64 {
        i64::try_from(p.decimal.trunc().mantissa() / 10i128.pow(p.decimal.trunc().scale()))
            .unwrap_or(0)
    }
}

impl TaxYear {
    /// The value of the parameter `name` (names are `ib_…`, distinct from the
    /// contribution-year names, so a trace lookup can search both tables).
    pub fn param_value(&self, name: &str) -> Option<Decimal> {
        self.param(name).map(|p| p.decimal)
    }
}

/// Every contribution-year parameter, once, in the order of [`YearParams::all`].
pub fn concepts() -> &'static [&'static Concept] {
    &CONCEPTS
}

/// Every income-tax parameter, once, in the order of [`TaxYear::all`].
pub fn tax_concepts() -> &'static [&'static Concept] {
    &TAX_CONCEPTS
}

/// The *peiljaar* of a contribution year: the year whose verzamelinkomen and 1 January
/// assets count, two years earlier (Blz art. 1.1.1, "peiljaar"; Wlz art. 3.2.5 lid 1). Every
/// year file is checked to say the same (at build time, `build.rs`). Pages and tools ask the core for it
/// instead of subtracting themselves.
pub fn peiljaar(contribution_year: i32) -> i32 {
    contribution_year - 2
}

/// The contribution years the engine supports, ascending.
pub fn supported_years() -> Vec<i32> {
    YEARS.iter().map(|p| p.year).collect()
}

/// Whether the engine has the amounts of a contribution year, and if not,
/// why not and which year it can show instead. The one place that decides
/// this: the CLI, the npm package and the page all ask here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearAvailability {
    /// A parameter file for the year is compiled in.
    Supported,
    /// Newer than the last year with a file: the CAK has not published its
    /// amounts yet (a new year file is added the day they appear; they are
    /// never extrapolated). `latest` is the last supported year.
    NotYetPublished { year: i32, latest: i32 },
    /// Older than the first year this engine has (or, should the files ever
    /// skip a year, a year in between); `first` is the nearest supported year.
    BeforeFirst { year: i32, first: i32 },
}

/// Whether `year` is supported, not published yet, or too old (see [`YearAvailability`]).
pub fn year_availability(year: i32) -> YearAvailability {
    let years = supported_years();
    match (years.first(), years.last()) {
        _ if years.contains(&year) => YearAvailability::Supported,
        (Some(_), Some(&latest)) if year > latest => {
            YearAvailability::NotYetPublished { year, latest }
        }
        (Some(&first), Some(_)) => YearAvailability::BeforeFirst {
            year,
            first: years.iter().copied().find(|y| *y > year).unwrap_or(first),
        },
        // No year files at all: nothing to show instead.
        _ => YearAvailability::BeforeFirst { year, first: year },
    }
}

impl YearAvailability {
    /// The supported year to show instead of an unsupported one.
    pub fn instead(self) -> Option<i32> {
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { latest, .. } => Some(latest),
            YearAvailability::BeforeFirst { first, .. } => Some(first),
        }
    }

    /// A short notice for a page or a terminal that shows [`Self::instead`]
    /// in place of the year asked for ("… u ziet 2026.").
    pub fn notice(self) -> Option<Text> {
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { year, latest } => Some(Text::owned(
                format!("De bedragen voor {year} zijn nog niet bekend; u ziet {latest}."),
                format!("The amounts for {year} are not known yet; you are seeing {latest}."),
            )),
            YearAvailability::BeforeFirst { year, first } => Some(Text::owned(
                format!("Deze rekenhulp heeft geen bedragen voor {year}; u ziet {first}."),
                format!("This calculator has no amounts for {year}; you are seeing {first}."),
            )),
        }
    }

    /// The error message when the year was asked for outright (an input
    /// error): why it is missing and which years there are.
    pub fn error(self) -> Option<Text> {
        let choose = supported_years()
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            YearAvailability::Supported => None,
            YearAvailability::NotYetPublished { year, .. } => Some(Text::owned(
                format!(
                    "De bedragen voor {year} zijn nog niet bekend: het CAK heeft ze nog niet \
                     gepubliceerd. Kies uit: {choose}."
                ),
                format!(
                    "The amounts for {year} are not known yet: the CAK has not published them. \
                     Choose from: {choose}."
                ),
            )),
            YearAvailability::BeforeFirst { year, .. } => Some(Text::owned(
                format!("Het jaar {year} wordt niet ondersteund. Kies uit: {choose}."),
                format!("The year {year} is not supported. Choose from: {choose}."),
            )),
        }
    }
}

/// The parameters of `year`, or `None` for an unsupported year.
pub fn for_year(year: i32) -> Option<&'static YearParams> {
    YEARS.iter().copied().find(|p| p.year == year)
}

/// The tax years that have a parameter file, ascending.
pub fn tax_years() -> Vec<i32> {
    TAX_YEARS.iter().map(|t| t.year).collect()
}

/// The income-tax parameters of tax year `year`, or `None` when there is no file.
pub fn tax_year(year: i32) -> Option<&'static TaxYear> {
    TAX_YEARS.iter().copied().find(|t| t.year == year)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_file_is_compiled_in_and_complete() {
        assert_eq!(supported_years(), vec![2024, 2025, 2026]);
        for y in supported_years() {
            let p = for_year(y).unwrap();
            assert_eq!(p.year, y);
            assert_eq!(p.peiljaar, y - 2);
            for param in p.all() {
                assert!(!param.reference.article.is_empty(), "{y} {}", param.name);
                assert!(
                    param.reference.url.starts_with("https://"),
                    "{y} {}",
                    param.name
                );
                assert!(!param.label.nl.is_empty() && !param.label.en.is_empty());
                assert!(
                    !param.label.nl.contains('{') && !param.reference.article.contains('{'),
                    "{y} {}: placeholders are filled in",
                    param.name
                );
                // The name lookup and the list are the same table.
                assert!(std::ptr::eq(p.param(param.name).unwrap(), param));
            }
        }
        assert!(for_year(2023).is_none() && for_year(2027).is_none());
    }

    /// The concepts and the years agree: every parameter of a year is a concept, in the
    /// concepts' order; every concept that is not `only_some_years` is in every year; a
    /// parameter's unit is its concept's and its label and (unless the year names its own)
    /// article are the concept's with the year filled in.
    #[test]
    fn the_year_files_and_the_concepts_agree() {
        let fill = |s: &str, year: i32, peiljaar: i32| {
            s.replace("{year}", &year.to_string())
                .replace("{peiljaar}", &peiljaar.to_string())
        };
        let years: Vec<(i32, i32, Vec<&Param>)> = supported_years()
            .into_iter()
            .map(|y| (y, peiljaar(y), for_year(y).unwrap().all()))
            .chain(
                tax_years()
                    .into_iter()
                    .map(|y| (y, y, tax_year(y).unwrap().all())),
            )
            .collect();
        for (year, pj, params) in &years {
            let concepts = if params[0].name.starts_with("ib_") {
                tax_concepts()
            } else {
                concepts()
            };
            let mut at = 0;
            for p in params {
                let c = concepts[at..]
                    .iter()
                    .find(|c| c.name == p.name)
                    .unwrap_or_else(|| panic!("{year} {}: no concept (or out of order)", p.name));
                for skipped in &concepts[at..] {
                    if skipped.name == c.name {
                        break;
                    }
                    assert!(
                        skipped.only_some_years,
                        "{year}: {} is missing",
                        skipped.name
                    );
                }
                at = concepts.iter().position(|x| x.name == c.name).unwrap() + 1;
                assert_eq!(p.unit, c.unit, "{year} {}", p.name);
                assert_eq!(
                    *p.label.nl,
                    fill(&c.label.nl, *year, *pj),
                    "{year} {}",
                    p.name
                );
                assert_eq!(
                    *p.label.en,
                    fill(&c.label.en, *year, *pj),
                    "{year} {}",
                    p.name
                );
                if !c.label.nl.contains('{') {
                    assert!(
                        std::ptr::eq(p.label, &c.label),
                        "{year} {}: shares the label",
                        p.name
                    );
                }
                if let Some(a) = c.article {
                    if p.reference.article != fill(a, *year, *pj) {
                        // A year names its own article only where it differs (checked at build).
                        assert!(!p.reference.article.is_empty());
                    }
                }
            }
            assert!(concepts[at..].iter().all(|c| c.only_some_years), "{year}");
        }
        // Every concept is used by some year, and the two tables do not share a name.
        for c in concepts().iter().chain(tax_concepts()) {
            assert!(
                years
                    .iter()
                    .any(|(_, _, ps)| ps.iter().any(|p| p.name == c.name)),
                "{} is unused",
                c.name
            );
        }
        assert!(concepts()
            .iter()
            .all(|c| tax_concepts().iter().all(|t| t.name != c.name)));
    }

    #[test]
    fn every_article_is_found_in_every_year() {
        for y in supported_years() {
            let p = for_year(y).unwrap();
            for a in Article::ALL
                .into_iter()
                .filter(|a| !OPTIONAL_REFERENCES.contains(&a.key()))
            {
                assert_ne!(p.reference(a).article, "?", "{y} {a:?}");
            }
            assert!(p.references().count() >= Article::ALL.len() - OPTIONAL_REFERENCES.len());
        }
        let p = for_year(2024).unwrap();
        assert_eq!(p.reference(Article::Blz3324a).article, "Blz art. 3.3.2.4a");
        assert!(p
            .reference(Article::Blz3322)
            .url
            .contains("BWBR0035948/2024-01-01"));
        assert_eq!(
            for_year(2026).unwrap().reference(Article::Blz3324a).article,
            "?"
        );
        for (i, a) in Article::ALL.iter().enumerate() {
            assert_eq!(*a as usize, i, "the table is in the enum's order");
            assert_eq!(REFERENCE_KEYS[i], a.key());
        }
    }

    #[test]
    fn year_specific_rules_follow_the_files() {
        let y24 = for_year(2024).unwrap();
        let y26 = for_year(2026).unwrap();
        assert!(y24.cot.is_some() && y24.extra_vrijstelling_pp.is_some());
        assert!(y26.cot.is_none() && y26.extra_vrijstelling_pp.is_none());
        assert_eq!(y24.no_data, NoDataRule::LebMinimum);
        assert_eq!(y26.no_data, NoDataRule::HebZeroLebMinimum);
        assert_eq!(y26.no_data_rule.value, "heb_zero_leb_minimum");
        assert_eq!(YearParams::int(&y26.start_period_months), 4);
        assert_eq!(YearParams::int(&y26.partial_month_days_per_year), 365);
        assert!(y26.param("cot_rate").is_none() && y24.param("cot_rate").is_some());
        assert!(y26.param("no_such_thing").is_none());
        // Values keep the scale the file writes.
        assert_eq!(y26.leb_rate.decimal.to_string(), "0.10");
        assert_eq!(y26.leb_min_month.decimal.to_string(), "212.60");
        assert_eq!(y26.heb.zvw_rate.value, y26.heb.zvw_rate.decimal.to_string());
        // Labels with the year in them, per year (the concept writes `{peiljaar}` / `{year}`).
        assert_eq!(
            y24.heb.zvw_rate.label.nl,
            "Zorgverzekering: percentage van het inkomen (2022)"
        );
        assert_eq!(
            y26.zkg_current_year_single.label.en,
            "Personal allowance per year in 2026, single"
        );
        assert_eq!(
            y24.pw23.lid1_single_month.reference.article,
            "Participatiewet art. 23 lid 1 (2024)"
        );
        // A year that cites another article than the concept's keeps its own.
        assert_eq!(
            y24.thuis_income_deduction_year.reference.article,
            "Blz art. 3.3.2.4 lid 1 en art. 3.3.2.4a lid 4"
        );
        assert_eq!(
            y26.thuis_income_deduction_year.reference.article,
            "Blz art. 3.3.2.4 lid 1"
        );
    }

    /// The texts built at compile time read exactly as the ones `format!` built at load time.
    #[test]
    fn the_year_texts_read_as_before() {
        for y in supported_years() {
            let p = for_year(y).unwrap();
            let (year, peiljaar, aow_age) = (p.year, p.peiljaar, YearParams::int(&p.aow_age_years));
            let t = &p.texts;
            assert_eq!(t.peiljaar.nl, format!("Voor {year} telt het inkomen van {peiljaar} en het vermogen op 1 januari {peiljaar}."));
            assert_eq!(t.peiljaar.en, format!("For {year} the income of {peiljaar} and the assets on 1 January {peiljaar} count."));
            assert_eq!(t.income_client.nl, format!("Verzamelinkomen {peiljaar}"));
            assert_eq!(t.income_client.en, format!("Verzamelinkomen {peiljaar}"));
            assert_eq!(
                t.income_partner.nl,
                format!("Verzamelinkomen {peiljaar} van de partner")
            );
            assert_eq!(
                t.income_partner.en,
                format!("Partner's verzamelinkomen {peiljaar}")
            );
            for (i, (who_nl, who_en)) in [("U", "You"), ("Uw partner", "Your partner")]
                .into_iter()
                .enumerate()
            {
                assert_eq!(t.aow[i][1].nl, format!("{who_nl} heeft de AOW-leeftijd ({aow_age}) vóór 1 februari {year} bereikt: telt het hele jaar als AOW-gerechtigd."));
                assert_eq!(t.aow[i][1].en, format!("{who_en} reached state pension age ({aow_age}) by 31 January {year}: counts as a pensioner for the whole year."));
                assert_eq!(t.aow[i][0].nl, format!("{who_nl} heeft de AOW-leeftijd ({aow_age}) niet vóór 1 februari {year} bereikt."));
                assert_eq!(t.aow[i][0].en, format!("{who_en} did not reach state pension age ({aow_age}) by 31 January {year}."));
            }
        }
    }

    #[test]
    fn every_tax_year_file_is_compiled_in_and_complete() {
        assert_eq!(tax_years(), vec![2022, 2023, 2024]);
        for y in tax_years() {
            let ty = tax_year(y).unwrap();
            assert_eq!(ty.year, y);
            let all = ty.all();
            assert_eq!(all.len(), 26);
            for p in all {
                assert!(p.name.starts_with("ib_"), "{y} {}", p.name);
                assert!(
                    p.reference
                        .url
                        .starts_with("https://wetten.overheid.nl/BWBR"),
                    "{y} {}",
                    p.name
                );
                assert!(
                    p.reference.url.ends_with(&format!("/{y}-01-01")),
                    "{y} {}: the URL must name that year's version",
                    p.name
                );
                assert!(!p.label.nl.is_empty() && !p.label.en.is_empty());
                if p.status == Status::Estimate {
                    assert!(p.note.is_some_and(|n| n.contains("https://")));
                }
                assert_eq!(ty.param_value(p.name), Some(p.decimal));
            }
        }
        assert!(tax_year(2021).is_none());
        assert_eq!(tax_year(2024).unwrap().rate_1.decimal.to_string(), "0.3697");
    }

    /// The unit and status names of the files (`files::UNITS`, `files::STATUSES`) are those
    /// of the enums, both ways.
    #[test]
    fn the_unit_and_status_names_match_the_rust_enums() {
        assert_eq!(files::UNITS.len(), Unit::ALL.len());
        for (u, (name, variant)) in Unit::ALL.iter().zip(files::UNITS) {
            assert_eq!(u.name(), name);
            assert_eq!(format!("{u:?}"), variant);
            assert_eq!(serde_json::to_value(u).unwrap(), name);
        }
        for (name, variant) in files::STATUSES {
            let s: Status = serde_json::from_value(serde_json::json!(name)).unwrap();
            assert_eq!(format!("{s:?}"), variant);
        }
    }

    #[test]
    fn a_year_is_supported_not_published_yet_or_too_old() {
        use YearAvailability::*;
        assert_eq!(year_availability(2024), Supported);
        assert_eq!(year_availability(2026), Supported);
        assert_eq!(year_availability(2026).notice(), None);
        assert_eq!(year_availability(2026).error(), None);
        assert_eq!(year_availability(2026).instead(), None);

        let y27 = year_availability(2027);
        assert_eq!(
            y27,
            NotYetPublished {
                year: 2027,
                latest: 2026
            }
        );
        assert_eq!(y27.instead(), Some(2026));
        let notice = y27.notice().unwrap();
        assert_eq!(
            notice.nl,
            "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026."
        );
        assert_eq!(
            notice.en,
            "The amounts for 2027 are not known yet; you are seeing 2026."
        );
        let error = y27.error().unwrap();
        assert_eq!(
            error.nl,
            "De bedragen voor 2027 zijn nog niet bekend: het CAK heeft ze nog niet gepubliceerd. \
             Kies uit: 2024, 2025, 2026."
        );
        assert_eq!(
            error.en,
            "The amounts for 2027 are not known yet: the CAK has not published them. \
             Choose from: 2024, 2025, 2026."
        );

        let y23 = year_availability(2023);
        assert_eq!(
            y23,
            BeforeFirst {
                year: 2023,
                first: 2024
            }
        );
        assert_eq!(y23.instead(), Some(2024));
        assert_eq!(
            y23.notice().unwrap().nl,
            "Deze rekenhulp heeft geen bedragen voor 2023; u ziet 2024."
        );
        // Older years keep the message they always had.
        assert_eq!(
            y23.error().unwrap().nl,
            "Het jaar 2023 wordt niet ondersteund. Kies uit: 2024, 2025, 2026."
        );
        assert_eq!(
            y23.error().unwrap().en,
            "The year 2023 is not supported. Choose from: 2024, 2025, 2026."
        );
        // Far-off and odd years do not panic.
        assert!(matches!(
            year_availability(i32::MAX),
            NotYetPublished { .. }
        ));
        assert!(matches!(year_availability(i32::MIN), BeforeFirst { .. }));
    }
}
