//! `wlz-bijdrage`: estimate the Dutch Wlz eigen bijdrage from the command
//! line. A thin layer over `wlz-core`: flags become a `wlz_core::Input`, the
//! `wlz_core::Estimate` is printed as JSON or as a readable explanation.
//! All rules live in the core.

mod batch;
mod check_letter_cmd;
mod error;
mod estimate;
mod letter_cmd;
mod letters_render;
mod output;
mod params_cmd;
mod plan_cmd;
mod plan_render;
mod render;
mod scenarios_cmd;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};
use error::CliError;
use wlz_core::Lang;

/// Estimate the Wlz eigen bijdrage (own contribution for long-term care, CAK).
///
/// This is an estimate, not the CAK's beschikking. See https://www.hetcak.nl
#[derive(Debug, Parser)]
#[command(name = "wlz-bijdrage", version, about, propagate_version = true)]
pub struct Cli {
    /// Language of the explanation and the error messages: nl or en.
    #[arg(long, global = true, default_value = "nl", value_parser = parse_lang)]
    pub lang: Lang,

    /// Print JSON (the output contract, version 1) instead of an explanation.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Estimate the monthly contribution for one household.
    #[command(
        after_help = "Example:\n  wlz-bijdrage estimate --care vpt --age 70 --income 38.000 --assets 100.000"
    )]
    Estimate(Box<estimate::EstimateArgs>),

    /// Estimate many households: CSV or JSON Lines in, the same rows with monthly, regime
    /// and error out.
    #[command(
        after_help = "Example:\n  wlz-bijdrage batch --format jsonl --input households.jsonl --output results.jsonl\n\nSee docs/batch.md for the columns and keys."
    )]
    Batch(batch::BatchArgs),

    /// Show the parameter table of a contribution year, with status and legal reference.
    Params(params_cmd::ParamsArgs),

    /// The next months of a stay that starts on --start: the first 4 months at the low
    /// contribution, the switch charged per day, then the high contribution; with totals.
    #[command(
        after_help = "Example:\n  wlz-bijdrage timeline --start 2026-03-10 --care instelling --age 80 --income 30000"
    )]
    Timeline(Box<scenarios_cmd::TimelineArgs>),

    /// Every care form for the same household, side by side.
    #[command(
        after_help = "Example:\n  wlz-bijdrage compare --age 80 --income 30000 --assets 50000"
    )]
    Compare(Box<scenarios_cmd::CompareArgs>),

    /// My income has dropped: can I ask the CAK to use this year's income, and what would I pay?
    #[command(
        name = "what-if",
        after_help = "Example:\n  wlz-bijdrage what-if --care pgb --age 50 --income 40000 --current-income 34000"
    )]
    WhatIf(Box<scenarios_cmd::WhatIfArgs>),

    /// The monthly amount against income for this household, with the breakpoints.
    Curve(Box<scenarios_cmd::CurveArgs>),

    /// The contribution over the coming contribution years: per year the regimes, the
    /// totals and the figures used, as the home, savings, gifts and the AOW choice change.
    #[command(
        after_help = PLAN_HELP,
        mut_arg("year", |a| a.hide(true)),
        mut_arg("assets", |a| a.hide(true)),
        mut_arg("partner_assets", |a| a.hide(true)),
        mut_arg("date", |a| a.hide(true)),
        mut_arg("days", |a| a.hide(true)),
        mut_arg("income", |a| a.help(
            "Box-1/2 income of the client in every calendar year (carried; --income-YYYY for one year)"
        )),
        mut_arg("tax", |a| a.help(
            "Tax and premiums on that income in every calendar year (carried; --tax-YYYY for one year)"
        )),
        mut_arg("partner_income", |a| a.help(
            "Box-1/2 income of the partner in every calendar year (--partner-income-YYYY for one year)"
        )),
        mut_arg("partner_tax", |a| a.help(
            "Tax and premiums on the partner's income (--partner-tax-YYYY for one year)"
        )),
        mut_arg("age", |a| a.help("Age of the client on 1 January of --from")),
        mut_arg("partner_age", |a| a.help("Age of the partner on 1 January of --from")),
        mut_arg("input", |a| a.help(
            "Read the whole plan request from a JSON file (the planner's contract, \
             version 1); `-` reads standard input. Cannot be combined with the other input flags."
        ))
    )]
    Plan(Box<plan_cmd::PlanArgs>),

    /// Check a CAK letter: does its amount fit your data? The verdict (V0–V6), the
    /// difference and its likely cause, the deadlines, and with --care-start the back-dated total.
    #[command(
        name = "check-letter",
        after_help = CHECK_LETTER_HELP,
        mut_arg("year", |a| a.hide(true)),
        mut_arg("date", |a| a.hide(true)),
        mut_arg("days", |a| a.hide(true)),
        mut_arg("input", |a| a.help(
            "Read the whole check request from a JSON file: {household, letter, care_start, \
             income_by_year, tax_by_year}; `-` reads standard input. Cannot be combined with \
             the other input flags."
        ))
    )]
    CheckLetter(Box<check_letter_cmd::CheckLetterArgs>),

    /// Print a letter to the CAK (aanpassing, bezwaar, betalingsregeling, partner, eenmalig),
    /// filled from the flags or from a check; the blanks left are listed on stderr.
    #[command(after_help = LETTER_HELP)]
    Letter(Box<letter_cmd::LetterArgs>),

    /// Print the JSON Schema (draft 7) of the JSON contract: the input and every output.
    Schema,
}

/// The end of `plan --help`: the per-year flags (hidden, one per year) and an example.
const PLAN_HELP: &str = "\
In a plan --income and --tax are the box-1/2 income and its tax of every calendar year,
carried forward. For one calendar year YYYY:
  --income-YYYY, --tax-YYYY                  box-1/2 income and its tax of the client
  --partner-income-YYYY, --partner-tax-YYYY  the same for the partner
  --verzamelinkomen-YYYY                     the whole verzamelinkomen of a past year (assessment)
  --partner-verzamelinkomen-YYYY             the same for the partner
  --savings-YYYY, --partner-savings-YYYY     the bank balance on 1 January of YYYY
--year, --assets, --date and --days do not apply to a plan.

Example (W1 of the planner spec: single, home for sale):
  wlz-bijdrage plan --from 2026 --birth-date 1950-03-01 --care instelling --income 24000 \\
    --tax 500 --admission 2026-02-01 --savings 40000 --home-woz 350000 --home-status for-sale";

/// The end of `check-letter --help`: the per-year flags (hidden, one per year) and an example.
const CHECK_LETTER_HELP: &str = "\
The contribution year is the letter's (--letter-year, default the year of --letter-from);
--year, --date and --days do not apply. For the back-dated total with --care-start, the
income of other peiljaren:
  --income-YYYY, --tax-YYYY   the client's verzamelinkomen and tax of calendar year YYYY

Example (E2 of the letters spec: a widow still charged with her late husband's income):
  wlz-bijdrage check-letter --age 75 --care vpt --income 22000 --assets 30000 \\
    --letter-date 2026-01-15 --letter-from 2026-01-01 --letter-monthly 416.67 \\
    --letter-regime lage --letter-bi 50000 --letter-household couple --letter-partner-income 28000";

/// The end of `letter --help`: the flow from a check to a letter.
const LETTER_HELP: &str = "\
Every field of the letter has a flag (--naam, --kenmerk, --bedrag-cak, …); a field left out
becomes a dotted line to fill in by hand, and is listed on stderr. --datum-vandaag defaults
to today. With --from-check the check's figures fill the letter first; flags override them.

Example:
  wlz-bijdrage letter --template bezwaar --from-check check.json --naam \"J. Jansen\" \\
    --redenen partner-died --datum 2025-12-20";

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}`: use nl or en"))
}

/// Output options shared by all subcommands.
#[derive(Clone, Copy, Debug)]
pub struct Output {
    pub lang: Lang,
    pub json: bool,
}

fn main() {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        // Usage errors exit 2, --help and --version exit 0, as clap does.
        Err(e) => e.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let out = Output {
        lang: cli.lang,
        json: cli.json,
    };
    let result = run(&cli.command, &matches, out);
    if let Err(e) = result {
        output::report_error(&e, out);
        std::process::exit(e.exit_code());
    }
}

fn sub<'a>(matches: &'a ArgMatches, name: &str) -> Result<&'a ArgMatches, CliError> {
    matches
        .subcommand_matches(name)
        .ok_or_else(|| CliError::internal("no matches for the subcommand"))
}

/// `--year` left to its default (the latest supported year) while the clock
/// is in a year whose amounts are not published yet: say so on stderr, in
/// text mode only (stdout stays the answer; `--json` stays one document).
fn default_year_notice(matches: &ArgMatches, out: Output) {
    if out.json {
        return;
    }
    let Some((_, sub)) = matches.subcommand() else {
        return;
    };
    let given = |id: &str| matches!(sub.try_get_raw(id), Ok(Some(_)));
    let defaulted = given("year") && sub.value_source("year") == Some(ValueSource::DefaultValue);
    // With --input the year comes from the file.
    if !defaulted || given("input") {
        return;
    }
    if let Some(notice) = estimate::default_year_notice(estimate::clock_year()) {
        eprintln!("wlz-bijdrage: {}", notice.get(out.lang));
    }
}

fn run(command: &Command, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    // A plan has no --year: its years come from --from; a letter check takes the letter's.
    if !matches!(
        command,
        Command::Plan(_) | Command::CheckLetter(_) | Command::Letter(_)
    ) {
        default_year_notice(matches, out);
    }
    match command {
        Command::Estimate(args) => {
            let sub = matches
                .subcommand_matches("estimate")
                .ok_or_else(|| CliError::internal("no matches for `estimate`"))?;
            estimate::run(args, sub, out)
        }
        Command::Batch(args) => batch::run(args, out),
        Command::Timeline(args) => scenarios_cmd::timeline(args, sub(matches, "timeline")?, out),
        Command::Compare(args) => scenarios_cmd::compare(args, sub(matches, "compare")?, out),
        Command::WhatIf(args) => scenarios_cmd::what_if(args, sub(matches, "what-if")?, out),
        Command::Curve(args) => scenarios_cmd::curve(args, sub(matches, "curve")?, out),
        Command::Params(args) => params_cmd::run(args, out),
        Command::Plan(args) => plan_cmd::run(args, sub(matches, "plan")?, out),
        Command::CheckLetter(args) => {
            check_letter_cmd::run(args, sub(matches, "check-letter")?, out)
        }
        Command::Letter(args) => letter_cmd::run(args, out),
        Command::Schema => output::print_json(serde_json::to_string_pretty(
            &wlz_core::schema::contract_schema(),
        )),
    }
}
