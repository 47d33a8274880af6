//! `wlz-bijdrage estimate`: flags (or a JSON input file) → `wlz_core::Input`
//! → `wlz_core::estimate` → JSON or a readable explanation.

use crate::error::{CliError, Code};
use crate::{output, render, Cli, Output};
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory};
use std::io::Read;
use wlz_core::answers::{build_input, Naming, PersonValues, Values};
use wlz_core::params::YearAvailability;
use wlz_core::vocabulary::Key;
use wlz_core::{Date, Input, Readings, Text};

/// The contribution year when `--year` is not given: the latest year whose
/// amounts the core has (never a year that is not published yet).
pub fn default_year() -> i32 {
    let years = wlz_core::params::supported_years();
    years.last().copied().unwrap_or_default()
}

/// The help of `--year`: the supported years, as the core lists them (clap
/// adds the default, the latest).
pub fn year_help() -> String {
    let years = wlz_core::params::supported_years()
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    format!("Contribution year ({years})")
}

/// The notice for a run that left `--year` to its default while the clock
/// is already in a year whose amounts are not published: the core's text
/// ("De bedragen voor 2027 zijn nog niet bekend; u ziet 2026.").
pub fn default_year_notice(clock_year: Option<i32>) -> Option<Text> {
    match wlz_core::params::year_availability(clock_year?) {
        a @ YearAvailability::NotYetPublished { latest, .. } if latest == default_year() => {
            a.notice()
        }
        _ => None,
    }
}

/// The year of the system clock (UTC), if the clock can be read.
pub fn clock_year() -> Option<i32> {
    clock_date().map(Date::year)
}

/// Today by the system clock (UTC), if the clock can be read: the date a new letter carries.
pub fn clock_date() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let days = i64::try_from(secs / 86_400).ok()?;
    Date::new(1970, 1, 1)?.add_days(days)
}

#[derive(Debug, Args)]
pub struct EstimateArgs {
    #[arg(long = Key::Year.key(), value_name = "N", default_value_t = default_year(), help = year_help())]
    pub year: i32,

    #[arg(long = Key::Date.key(), help = Key::Date.help_en(), value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    #[arg(long = Key::Days.key(), help = Key::Days.help_en(), value_name = "N", allow_negative_numbers = true)]
    pub days: Option<i64>,

    /// Read the whole input from a JSON file (the input contract); `-` reads standard input.
    /// Cannot be combined with the other input flags.
    #[arg(long, value_name = "FILE")]
    pub input: Option<String>,

    // ----- the client -----
    #[arg(long = Key::Age.key(), help = Key::Age.help_en(), value_name = "N", help_heading = "Client")]
    pub age: Option<u32>,

    #[arg(long = Key::BirthDate.key(), help = Key::BirthDate.help_en(), value_name = "YYYY-MM-DD", help_heading = "Client")]
    pub birth_date: Option<String>,

    #[arg(long = Key::Care.key(), help = Key::Care.help_en(), value_name = "FORM[,FORM]", help_heading = "Client")]
    pub care: Option<String>,

    #[arg(long = Key::MonthsInCare.key(), help = Key::MonthsInCare.help_en(), value_name = "N", help_heading = "Client")]
    pub months_in_care: Option<u32>,

    #[arg(long = Key::StayStart.key(), help = Key::StayStart.help_en(), value_name = "YYYY-MM-DD", help_heading = "Client")]
    pub stay_start: Option<String>,

    #[arg(long = Key::PreviousStayStart.key(), help = Key::PreviousStayStart.help_en(), value_name = "YYYY-MM-DD", help_heading = "Client")]
    pub previous_stay_start: Option<String>,

    #[arg(long = Key::PreviousStayEnd.key(), help = Key::PreviousStayEnd.help_en(), value_name = "YYYY-MM-DD", help_heading = "Client")]
    pub previous_stay_end: Option<String>,

    #[arg(long = Key::MptMax20Hours.key(), help = Key::MptMax20Hours.help_en(), help_heading = "Client")]
    pub mpt_max_20_hours: bool,

    #[arg(
        long = Key::Income.key(), help = Key::Income.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Client"
    )]
    pub income: Option<String>,

    #[arg(
        long = Key::Assets.key(), help = Key::Assets.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Client"
    )]
    pub assets: Option<String>,

    #[arg(
        long = Key::Tax.key(), help = Key::Tax.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Client"
    )]
    pub tax: Option<String>,

    #[arg(
        long = Key::WorkIncome.key(), help = Key::WorkIncome.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Client"
    )]
    pub work_income: Option<String>,

    #[arg(
        long = Key::OneOffPayments.key(), help = Key::OneOffPayments.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Client"
    )]
    pub one_off_payments: Option<String>,

    // ----- the partner -----
    #[arg(long = Key::PartnerAge.key(), help = Key::PartnerAge.help_en(), value_name = "N", help_heading = "Partner")]
    pub partner_age: Option<u32>,

    #[arg(long = Key::PartnerBirthDate.key(), help = Key::PartnerBirthDate.help_en(), value_name = "YYYY-MM-DD", help_heading = "Partner")]
    pub partner_birth_date: Option<String>,

    #[arg(long = Key::PartnerCare.key(), help = Key::PartnerCare.help_en(), value_name = "FORM[,FORM]", help_heading = "Partner")]
    pub partner_care: Option<String>,

    #[arg(long = Key::PartnerMonthsInCare.key(), help = Key::PartnerMonthsInCare.help_en(), value_name = "N", help_heading = "Partner")]
    pub partner_months_in_care: Option<u32>,

    #[arg(long = Key::PartnerStayStart.key(), help = Key::PartnerStayStart.help_en(), value_name = "YYYY-MM-DD", help_heading = "Partner")]
    pub partner_stay_start: Option<String>,

    #[arg(
        long = Key::PartnerIncome.key(), help = Key::PartnerIncome.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Partner"
    )]
    pub partner_income: Option<String>,

    #[arg(
        long = Key::PartnerAssets.key(), help = Key::PartnerAssets.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Partner"
    )]
    pub partner_assets: Option<String>,

    #[arg(
        long = Key::PartnerTax.key(), help = Key::PartnerTax.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Partner"
    )]
    pub partner_tax: Option<String>,

    #[arg(
        long = Key::PartnerWorkIncome.key(), help = Key::PartnerWorkIncome.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Partner"
    )]
    pub partner_work_income: Option<String>,

    // ----- the household -----
    #[arg(long = Key::Children.key(), help = Key::Children.help_en(), help_heading = "Household")]
    pub children: bool,

    #[arg(long = Key::ReturnHomeExpected.key(), help = Key::ReturnHomeExpected.help_en(), help_heading = "Household")]
    pub return_home_expected: bool,

    #[arg(long = Key::WmoMaatwerkvoorziening.key(), help = Key::WmoMaatwerkvoorziening.help_en(), help_heading = "Household")]
    pub wmo_maatwerkvoorziening: bool,

    #[arg(long = Key::Zorgtoeslag.key(), help = Key::Zorgtoeslag.help_en(), help_heading = "Household")]
    pub zorgtoeslag: bool,

    #[arg(long = Key::NoData.key(), help = Key::NoData.help_en(), help_heading = "Household")]
    pub no_data: bool,

    #[arg(
        long = Key::NetMonthlyIncome.key(), help = Key::NetMonthlyIncome.help_en(),
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Household"
    )]
    pub net_monthly_income: Option<String>,

    /// Choose the alternative reading of an OPEN question, by its name (repeatable).
    /// An unknown name lists the valid ones.
    #[arg(long, value_name = "NAME", help_heading = "Household")]
    pub reading: Vec<String>,
}

/// Flags that are not input data: allowed together with `--input`.
const NON_INPUT_ARGS: &[&str] = &[
    "input",
    "json",
    "lang",
    "help",
    "version",
    // scenario flags (timeline, what-if, curve): not household data
    "start",
    "months",
    "points",
    "current-income",
    "current-assets",
    "current-tax",
    "current-partner-income",
    "current-partner-assets",
    "current-partner-tax",
    "bijstand",
];

/// The household of a subcommand's flags (or its `--input` file), and a
/// function that points a core error at the flag that caused it.
pub struct Household {
    pub input: Input,
    given: Vec<String>,
    from_file: bool,
}

impl Household {
    /// Names the flag behind a core error (when the input came from flags).
    pub fn explain(&self, e: wlz_core::InputError) -> CliError {
        let e = CliError::from(e);
        if self.from_file {
            e
        } else {
            let flag = flag_for(e.field(), &self.given);
            e.with_flag(flag)
        }
    }
}

/// Reads the household from the flags of subcommand `sub` (or from `--input`).
pub fn household(
    args: &EstimateArgs,
    matches: &ArgMatches,
    sub: &str,
) -> Result<Household, CliError> {
    let given = given_flags(matches, sub);
    let from_file = args.input.is_some();
    let input = match &args.input {
        Some(path) => {
            let extra: Vec<&str> = given
                .iter()
                .map(String::as_str)
                .filter(|f| !NON_INPUT_ARGS.contains(&f.trim_start_matches('-')))
                .collect();
            if !extra.is_empty() {
                let list = extra.join(", ");
                return Err(conflicting_input_flags(&list));
            }
            read_input(path)?
        }
        None => input_from_flags(args)?,
    };
    Ok(Household {
        input,
        given,
        from_file,
    })
}

pub fn run(args: &EstimateArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    let h = household(args, matches, "estimate")?;
    let estimate = wlz_core::estimate(&h.input).map_err(|e| h.explain(e))?;
    if out.json {
        output::print_json(serde_json::to_string_pretty(&estimate))
    } else {
        output::print_text(&render::explanation(&estimate, out.lang))
    }
}

/// The long names (`--income`) of the arguments given on the command line.
fn given_flags(matches: &ArgMatches, sub: &str) -> Vec<String> {
    let cmd = Cli::command();
    let Some(sub) = cmd.find_subcommand(sub) else {
        return Vec::new();
    };
    sub.get_arguments()
        .filter(|a| {
            matches!(
                matches.value_source(a.get_id().as_str()),
                Some(ValueSource::CommandLine)
            )
        })
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect()
}

/// The flag(s) that fill `field`, preferring those given on the command line.
pub fn flag_for(field: Option<&str>, given: &[String]) -> Option<String> {
    let field = field?;
    // The core's vocabulary says which inputs fill the field (`client.stay` → both stay flags).
    let flags: Vec<String> = Key::for_field(field)
        .into_iter()
        .map(|k| format!("--{}", k.key()))
        .collect();
    let candidates: Vec<&str> = flags.iter().map(String::as_str).collect();
    let used: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| given.iter().any(|g| g == c))
        .collect();
    if !used.is_empty() {
        Some(used.join(" / "))
    } else {
        candidates.first().map(|c| c.to_string())
    }
}

fn read_input(path: &str) -> Result<Input, CliError> {
    Ok(Input::from_json(&read_json_text(path)?)?)
}

/// The text of a JSON input file (`-`: standard input), without a byte order mark.
pub fn read_json_text(path: &str) -> Result<String, CliError> {
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    if let Err(e) = read {
        let name = if path == "-" { "standard input" } else { path };
        return Err(CliError::new(
            Code::Cli("cannot_read_input"),
            None,
            format!("Kan de invoer niet lezen ({name}): {e}"),
            format!("Cannot read the input ({name}): {e}"),
        ));
    }
    // A byte order mark (as some Windows editors write) is not part of the JSON; batch skips it too.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn input_from_flags(a: &EstimateArgs) -> Result<Input, CliError> {
    let values = Values {
        year: a.year,
        date: a.date.as_deref(),
        days: a.days,
        client: PersonValues {
            age: a.age,
            birth_date: a.birth_date.as_deref(),
            care: a.care.as_deref(),
            months_in_care: a.months_in_care,
            stay_start: a.stay_start.as_deref(),
            previous_stay: (
                a.previous_stay_start.as_deref(),
                a.previous_stay_end.as_deref(),
            ),
            mpt_max_20_hours: a.mpt_max_20_hours,
            income: a.income.as_deref(),
            assets: a.assets.as_deref(),
            tax: a.tax.as_deref(),
            work_income: a.work_income.as_deref(),
            one_off_payments: a.one_off_payments.as_deref(),
        },
        partner: PersonValues {
            age: a.partner_age,
            birth_date: a.partner_birth_date.as_deref(),
            care: a.partner_care.as_deref(),
            months_in_care: a.partner_months_in_care,
            stay_start: a.partner_stay_start.as_deref(),
            previous_stay: (None, None),
            mpt_max_20_hours: false,
            income: a.partner_income.as_deref(),
            assets: a.partner_assets.as_deref(),
            tax: a.partner_tax.as_deref(),
            work_income: a.partner_work_income.as_deref(),
            one_off_payments: None,
        },
        children: a.children,
        return_home_expected: a.return_home_expected,
        wmo_maatwerkvoorziening: a.wmo_maatwerkvoorziening,
        zorgtoeslag: a.zorgtoeslag,
        no_data: a.no_data,
        net_monthly_income: a.net_monthly_income.as_deref(),
        readings: readings(&a.reading)?,
    };
    Ok(build_input(&values, Naming::Flag)?)
}

/// The JSON names of the reading switches (the keys of `Readings` in the contract).
pub fn reading_names() -> Vec<String> {
    match serde_json::to_value(Readings::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Sets the named reading switches. A name is the JSON field (`joint_vermogen_threshold`,
/// also with dashes) or the OPEN id it flips (`O-3`).
fn readings(names: &[String]) -> Result<Readings, CliError> {
    if names.is_empty() {
        return Ok(Readings::default());
    }
    let valid = reading_names();
    let items = wlz_core::readings::open_items();
    let mut obj = serde_json::Map::new();
    for raw in names {
        let norm = raw.trim().replace('-', "_").to_ascii_lowercase();
        let by_id = items
            .iter()
            .find(|i| !i.switch.is_empty() && i.id.eq_ignore_ascii_case(raw.trim()))
            .map(|i| i.switch.to_string());
        let name = valid.iter().find(|v| **v == norm).cloned().or(by_id);
        match name {
            Some(n) => {
                obj.insert(n, serde_json::Value::Bool(true));
            }
            None => {
                let list = valid.join(", ");
                return Err(CliError::new(
                    Code::Cli("unknown_reading"),
                    Some("readings"),
                    format!(
                        "Onbekende lezing `{raw}` bij --reading. Kies uit: {list} \
                         (of het O-nummer, zoals O-3)."
                    ),
                    format!(
                        "Unknown reading `{raw}` for --reading. Choose from: {list} \
                         (or its O number, like O-3)."
                    ),
                ));
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(obj))
        .map_err(|e| CliError::internal(&format!("cannot set the readings: {e}")))
}

/// The error for input flags given next to `--input` (estimate, plan and check-letter): the
/// file holds all data, so a flag beside it would be silently dropped.
pub(crate) fn conflicting_input_flags(list: &str) -> CliError {
    CliError::new(
        Code::Cli("conflicting_flags"),
        None,
        format!(
            "Met --input komen alle gegevens uit het bestand. Laat deze opties weg \
             of zet ze in het bestand: {list}."
        ),
        format!(
            "With --input all data come from the file. Leave out these flags \
             or put them in the file: {list}."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_year_is_the_latest_supported_and_a_later_clock_is_noticed() {
        assert_eq!(
            default_year(),
            *wlz_core::params::supported_years().last().unwrap()
        );
        assert_eq!(default_year(), 2026);
        let later = default_year_notice(Some(2027)).expect("a notice for 2027");
        assert_eq!(
            later.nl,
            "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026."
        );
        assert_eq!(
            later.en,
            "The amounts for 2027 are not known yet; you are seeing 2026."
        );
        // The clock within (or before) the supported years, or unreadable: nothing to say.
        for clock in [Some(2026), Some(2025), Some(2020), None] {
            assert_eq!(default_year_notice(clock), None, "{clock:?}");
        }
        assert!(clock_year().is_some_and(|y| y >= 2024));
        assert!(year_help().contains("2024, 2025, 2026"));
    }
}
