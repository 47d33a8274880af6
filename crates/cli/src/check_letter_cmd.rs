//! `wlz-bijdrage check-letter`: "klopt mijn brief?" (`shared/spec/letters.md` §2). The
//! household flags of `estimate` plus the figures of the CAK's letter become a
//! `wlz_core::letters::check::CheckInput`; the core checks, this module only reads flags,
//! names the flag behind an error and prints (text: [`crate::letters_render`]).

use crate::error::{CliError, Code};
use crate::estimate::{household, EstimateArgs, Household};
use crate::plan_cmd::{amount, bad, choice, date};
use crate::{letters_render, output, Output};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches};
use std::collections::BTreeMap;
use std::str::FromStr;
use wlz_core::letters::check::{check, CheckInput, Report};
use wlz_core::letters::letter::{Letter, LetterHousehold, LetterKind, LetterRegime, LetterShare};
use wlz_core::{Amount, CareForm, ErrorCode};

/// The flags of `check-letter`: what the letter says (`--letter-…`), the start of care for
/// the back-dated total, the income of other peiljaren, and the household of `estimate`.
/// The household's `--year`, `--date` and `--days` are hidden and refused: the letter sets
/// the year and the day.
#[derive(Debug, Args)]
pub struct CheckLetterArgs {
    /// The date at the top of the letter (required).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Letter")]
    pub letter_date: Option<String>,

    /// The amount per month on the letter (required).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Letter"
    )]
    pub letter_monthly: Option<String>,

    /// From when the amount applies (required).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Letter")]
    pub letter_from: Option<String>,

    /// Until when the amount applies (leave out: ongoing).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Letter")]
    pub letter_to: Option<String>,

    /// The contribution year the letter is about (default: the year of --letter-from).
    #[arg(long, value_name = "YEAR", help_heading = "Letter")]
    pub letter_year: Option<i32>,

    /// Does the letter say "lage" or "hoge" eigen bijdrage: lage, hoge or unknown.
    #[arg(long, value_name = "REGIME", help_heading = "Letter")]
    pub letter_regime: Option<String>,

    /// What kind of letter: beschikking (default), factuur, herziening or unknown.
    #[arg(long, value_name = "KIND", help_heading = "Letter")]
    pub letter_kind: Option<String>,

    /// Bijdrageplichtig inkomen on the letter (rekenschema).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Letter"
    )]
    pub letter_bi: Option<String>,

    /// The client's income on the letter.
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Letter"
    )]
    pub letter_income: Option<String>,

    /// The partner's income on the letter.
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Letter"
    )]
    pub letter_partner_income: Option<String>,

    /// The vermogen or grondslag on the letter (the household's).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Letter"
    )]
    pub letter_assets: Option<String>,

    /// Does the letter name you alone or with a partner: single or couple.
    #[arg(long, value_name = "HOUSEHOLD", help_heading = "Letter")]
    pub letter_household: Option<String>,

    /// Is the amount for you together (joint) or your own part (own).
    #[arg(long, value_name = "SHARE", help_heading = "Letter")]
    pub letter_share: Option<String>,

    /// The year of the income the letter uses (peiljaar).
    #[arg(long, value_name = "YEAR", help_heading = "Letter")]
    pub letter_peiljaar: Option<i32>,

    /// Kenmerk or besluitnummer of the letter.
    #[arg(long, value_name = "TEXT", help_heading = "Letter")]
    pub letter_kenmerk: Option<String>,

    /// The care form the letter names: instelling, vpt, mpt, pgb or dtv.
    #[arg(long, value_name = "FORM", help_heading = "Letter")]
    pub letter_care_form: Option<String>,

    /// The start of care the letter names.
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Letter")]
    pub letter_care_start: Option<String>,

    /// The day care really began: adds the back-dated total up to the letter's month.
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Back-dated total")]
    pub care_start: Option<String>,

    #[command(flatten)]
    pub by_year: PeiljaarFlags,

    #[command(flatten)]
    pub household: EstimateArgs,
}

/// `--income-YYYY` and `--tax-YYYY`: the client's income and tax of other peiljaren, one
/// hidden flag per year (a fixed list keeps a typo such as `--income-2203` a usage error).
#[derive(Debug, Default)]
pub struct PeiljaarFlags {
    /// (kind, calendar year, value as typed).
    pub values: Vec<(&'static str, i32, String)>,
}

const PEILJAAR_KINDS: [&str; 2] = ["income", "tax"];

/// Two peiljaren before the first supported contribution year up to the last one.
fn peiljaar_years() -> std::ops::RangeInclusive<i32> {
    let years = wlz_core::params::supported_years();
    let first = years.first().copied().unwrap_or(2026);
    let last = years.last().copied().unwrap_or(2026);
    first - 2..=last
}

impl Args for PeiljaarFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let mut cmd = cmd;
        for kind in PEILJAAR_KINDS {
            for year in peiljaar_years() {
                let id = format!("{kind}-{year}");
                cmd = cmd.arg(
                    Arg::new(id.clone())
                        .long(id)
                        .value_name("AMOUNT")
                        .allow_hyphen_values(true)
                        .action(ArgAction::Set)
                        .hide(true),
                );
            }
        }
        cmd
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl FromArgMatches for PeiljaarFlags {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut values = Vec::new();
        for kind in PEILJAAR_KINDS {
            for year in peiljaar_years() {
                if let Ok(Some(v)) = m.try_get_one::<String>(&format!("{kind}-{year}")) {
                    values.push((kind, year, v.clone()));
                }
            }
        }
        Ok(PeiljaarFlags { values })
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// Runs `check-letter`: flags (or `--input`) → check → JSON or text.
pub fn run(args: &CheckLetterArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    refuse_estimate_only(matches)?;
    let (req, report) = match &args.household.input {
        Some(path) => {
            refuse_with_input(matches)?;
            let req = read_check_input(path, "--input")?;
            let report = check(&req)?;
            (req, report)
        }
        None => from_flags(args, matches)?,
    };
    if out.json {
        output::print_json(serde_json::to_string_pretty(&report))
    } else {
        output::print_text(&letters_render::report(&req, &report, out.lang))
    }
}

/// Reads a check request (the `CheckInput` JSON) from a file or `-`; `flag` names the source.
pub fn read_check_input(path: &str, flag: &str) -> Result<CheckInput, CliError> {
    let text = crate::estimate::read_json_text(path)?;
    wlz_core::input::from_json::<CheckInput>(&text)
        .map_err(|e| CliError::from(e).with_flag(Some(flag.to_string())))
}

/// The request of the flags, checked; a core error names the flag behind its field.
fn from_flags(
    args: &CheckLetterArgs,
    matches: &ArgMatches,
) -> Result<(CheckInput, Report), CliError> {
    let letter = letter(args)?;
    let h = household(&args.household, matches, "check-letter")?;
    let mut input = h.input.clone();
    input.year = letter.year();
    let (income_by_year, tax_by_year) = by_year(&args.by_year)?;
    let req = CheckInput {
        household: input,
        letter,
        care_start: date(args.care_start.as_deref(), "--care-start")?,
        income_by_year,
        tax_by_year,
    };
    let report = check(&req).map_err(|e| explain(e, &h, args))?;
    Ok((req, report))
}

/// Points a core error at the flag behind it: the letter's, `--care-start`, or the household's.
fn explain(e: wlz_core::InputError, h: &Household, args: &CheckLetterArgs) -> CliError {
    let flag = match e.field.as_deref() {
        Some("year") if args.letter_year.is_some() => Some("--letter-year".to_string()),
        Some("year") => Some("--letter-from".to_string()),
        Some(f) if f.starts_with("letter.") => {
            Some(format!("--letter-{}", f[7..].replace('_', "-")))
        }
        Some("care_start" | "admission" | "from" | "years") => Some("--care-start".to_string()),
        _ => None,
    };
    match flag {
        Some(flag) => CliError::from(e).with_flag(Some(flag)),
        None => h.explain(e),
    }
}

/// The letter of the `--letter-…` flags; date, amount and start are required.
fn letter(a: &CheckLetterArgs) -> Result<Letter, CliError> {
    let kind = a
        .letter_kind
        .as_deref()
        .map(|v| {
            choice(
                "--letter-kind",
                v,
                &[
                    ("beschikking", LetterKind::Beschikking),
                    ("factuur", LetterKind::Factuur),
                    ("herziening", LetterKind::Herziening),
                    ("unknown", LetterKind::Unknown),
                ],
            )
        })
        .transpose()?;
    let regime = a
        .letter_regime
        .as_deref()
        .map(|v| {
            choice(
                "--letter-regime",
                v,
                &[
                    ("lage", LetterRegime::Lage),
                    ("hoge", LetterRegime::Hoge),
                    ("unknown", LetterRegime::Unknown),
                ],
            )
        })
        .transpose()?;
    let household = a
        .letter_household
        .as_deref()
        .map(|v| {
            choice(
                "--letter-household",
                v,
                &[
                    ("single", LetterHousehold::Single),
                    ("couple", LetterHousehold::Couple),
                ],
            )
        })
        .transpose()?;
    let share = a
        .letter_share
        .as_deref()
        .map(|v| {
            choice(
                "--letter-share",
                v,
                &[("joint", LetterShare::Joint), ("own", LetterShare::Own)],
            )
        })
        .transpose()?;
    Ok(Letter {
        kind: kind.unwrap_or_default(),
        date: required(
            date(a.letter_date.as_deref(), "--letter-date")?,
            "--letter-date",
        )?,
        year: a.letter_year,
        from: required(
            date(a.letter_from.as_deref(), "--letter-from")?,
            "--letter-from",
        )?,
        to: date(a.letter_to.as_deref(), "--letter-to")?,
        monthly: required(
            amount(a.letter_monthly.as_deref(), "--letter-monthly")?,
            "--letter-monthly",
        )?,
        regime: regime.unwrap_or_default(),
        peiljaar: a.letter_peiljaar,
        bi: amount(a.letter_bi.as_deref(), "--letter-bi")?,
        household,
        share,
        income: amount(a.letter_income.as_deref(), "--letter-income")?,
        partner_income: amount(
            a.letter_partner_income.as_deref(),
            "--letter-partner-income",
        )?,
        assets: amount(a.letter_assets.as_deref(), "--letter-assets")?,
        care_form: care_form(a.letter_care_form.as_deref())?,
        care_start: date(a.letter_care_start.as_deref(), "--letter-care-start")?,
        kenmerk: a.letter_kenmerk.clone().filter(|k| !k.trim().is_empty()),
    })
}

/// A value the check cannot do without: its absence is an error naming the flag.
fn required<T>(v: Option<T>, flag: &str) -> Result<T, CliError> {
    v.ok_or_else(|| {
        CliError::new(
            Code::Core(ErrorCode::InvalidArgument),
            None,
            format!("Vul {flag} in. Dat staat op de brief van het CAK."),
            format!("Give {flag}. It is on the CAK's letter."),
        )
    })
}

fn care_form(v: Option<&str>) -> Result<Option<CareForm>, CliError> {
    let Some(v) = v else {
        return Ok(None);
    };
    match CareForm::from_str(v.trim()) {
        Ok(
            f @ (CareForm::Instelling
            | CareForm::Vpt
            | CareForm::Mpt
            | CareForm::Pgb
            | CareForm::Dtv),
        ) => Ok(Some(f)),
        _ => Err(bad(
            "--letter-care-form",
            v,
            "Kies uit: instelling, vpt, mpt, pgb, dtv.",
            "Choose from: instelling, vpt, mpt, pgb, dtv.",
        )),
    }
}

type ByYear = BTreeMap<i32, Amount>;

/// `--income-YYYY` and `--tax-YYYY` as the request's maps.
fn by_year(flags: &PeiljaarFlags) -> Result<(ByYear, ByYear), CliError> {
    let (mut income, mut tax) = (BTreeMap::new(), BTreeMap::new());
    for (kind, year, value) in &flags.values {
        let flag = format!("--{kind}-{year}");
        if let Some(v) = amount(Some(value), &flag)? {
            let map = if *kind == "income" {
                &mut income
            } else {
                &mut tax
            };
            map.insert(*year, v);
        }
    }
    Ok((income, tax))
}

/// `estimate`'s flags that the letter replaces, with the flag to use instead.
const REFUSED: [(&str, &str); 3] = [
    ("year", "--letter-year"),
    ("date", "--letter-from"),
    ("days", "--letter-from"),
];

/// Refuses `--year`, `--date` and `--days`: the letter sets the year and the day, and a
/// silently ignored value would make the check look at another period.
fn refuse_estimate_only(matches: &ArgMatches) -> Result<(), CliError> {
    for (id, instead) in REFUSED {
        if matches.value_source(id) == Some(ValueSource::CommandLine) {
            let flag = format!("--{id}");
            return Err(CliError::new(
                Code::Cli("conflicting_flags"),
                None,
                format!("{flag} hoort niet bij check-letter. Gebruik {instead}."),
                format!("{flag} does not belong to check-letter. Use {instead}."),
            ));
        }
    }
    Ok(())
}

/// With `--input` every figure comes from the file; other input flags are refused, since
/// mixing the two would leave unclear which value counts.
fn refuse_with_input(matches: &ArgMatches) -> Result<(), CliError> {
    let cmd = <crate::Cli as clap::CommandFactory>::command();
    let extra: Vec<String> = cmd
        .find_subcommand("check-letter")
        .into_iter()
        .flat_map(|c| c.get_arguments())
        .filter(|a| !["input", "json", "lang"].contains(&a.get_id().as_str()))
        .filter(|a| matches.value_source(a.get_id().as_str()) == Some(ValueSource::CommandLine))
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    if extra.is_empty() {
        return Ok(());
    }
    let list = extra.join(", ");
    Err(crate::estimate::conflicting_input_flags(&list))
}
