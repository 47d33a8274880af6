//! `wlz-bijdrage plan`: the contribution over the coming contribution years
//! (`shared/spec/planner.md`). The household flags of `estimate` plus the
//! money, the home, gifts and the AOW choice become a
//! `wlz_core::planner::PlanInput`; the core plans, this module only reads
//! flags, names the flag behind an error and prints (text: [`crate::plan_render`]).

use crate::error::{CliError, Code};
use crate::estimate::{household, EstimateArgs};
use crate::{output, plan_render, Output};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches};
use std::collections::BTreeMap;
use wlz_core::planner::{
    AowChoice, AowOption, Claim, Donor, Drawdown, Gift, Home, HomeStatus, Money, Owner, Plan,
    PlanInput, PlanReadings, Tenancy, DEFAULT_YEARS, MAX_YEARS,
};
use wlz_core::{Amount, Date, ErrorCode, CONTRACT_VERSION};

/// The first contribution year when `--from` is not given and the clock cannot be read.
const FALLBACK_FROM: i32 = 2026;

/// The flags of `plan`. The household flags are those of `estimate`; its
/// `--year`, `--assets`, `--date`, `--days` and `--input` mean nothing here
/// (a plan has many years, and savings instead of assets), so they are hidden
/// and refused with a message that names the flag to use instead.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// First contribution year of the plan (default: this year).
    #[arg(long, value_name = "YEAR", help_heading = "Plan")]
    pub from: Option<i32>,

    /// Number of contribution years to show (1 to 10).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_YEARS, help_heading = "Plan")]
    pub years: u32,

    /// The day the client moved into the instelling (start of the stay; the home is left then).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Plan")]
    pub admission: Option<String>,

    /// Bank balance of the client on 1 January of every year (carried; --savings-YYYY for one year).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub savings: Option<String>,

    /// Investments and other box-3 assets of the client on 1 January (not the home).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub other_assets: Option<String>,

    /// Box-3 debts of the client on 1 January (not the mortgage of the home).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub debts: Option<String>,

    /// Bank balance of the partner on 1 January of every year (--partner-savings-YYYY for one year).
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub partner_savings: Option<String>,

    /// Other box-3 assets of the partner on 1 January.
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub partner_other_assets: Option<String>,

    /// Box-3 debts of the partner on 1 January.
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        help_heading = "Money"
    )]
    pub partner_debts: Option<String>,

    /// Pay the contribution from savings: from 1 January of YEAR the savings follow from
    /// income, tax, --own-costs and the contribution paid.
    #[arg(long, value_name = "YEAR", help_heading = "Money")]
    pub drawdown_from: Option<i32>,

    /// Own spending per year besides the contribution (with --drawdown-from).
    #[arg(long, value_name = "AMOUNT", help_heading = "Money")]
    pub own_costs: Option<String>,

    /// A gift of money: DATE:AMOUNT, with :partner when the partner gives (repeatable).
    #[arg(long, value_name = "DATE:AMOUNT", help_heading = "Gifts and claims")]
    pub gift: Vec<String>,

    /// A schenking op papier: DATE:AMOUNT, with :deed when a notarial deed exists and the
    /// interest is paid every year (repeatable).
    #[arg(long, value_name = "DATE:AMOUNT", help_heading = "Gifts and claims")]
    pub gift_on_paper: Vec<String>,

    /// A Wlz-clausule claim of the children, opeisbaar from DATE, with interest (repeatable).
    #[arg(long, value_name = "DATE:AMOUNT", help_heading = "Gifts and claims")]
    pub wlz_clause: Vec<String>,

    #[command(flatten)]
    pub home: HomeArgs,

    /// AOW after admission: married (keep the married AOW) or gescheiden (duurzaam gescheiden).
    #[arg(long, value_name = "OPTION", help_heading = "AOW")]
    pub aow_option: Option<String>,

    /// First day of the month from which the SVB pays the unmarried AOW.
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "AOW")]
    pub aow_change: Option<String>,

    /// The toeslagpartnership ended for the stay on request (AWIR art. 3 lid 6).
    #[arg(long, help_heading = "AOW")]
    pub aow_split_toeslag: bool,

    /// Choose the other reading of a planner question, by name or PO id (repeatable):
    /// let_in_care_years_box3 (PO-1), leegstandwet_ratio (PO-2), january_first_on_peildatum
    /// (PO-3), gescheiden_home_box3 (PO-8), paper_gift_always (PO-12), zorgtoeslag_as_given (PO-15).
    #[arg(long, value_name = "NAME", help_heading = "Plan")]
    pub plan_reading: Vec<String>,

    /// Show announced but not enacted policy (box 3 from 2027/2028) as a labelled proposal.
    #[arg(long, help_heading = "Plan")]
    pub proposals: bool,

    #[command(flatten)]
    pub by_year: YearFlags,

    #[command(flatten)]
    pub household: EstimateArgs,
}

/// The own home (all optional; any of them needs `--home-woz`).
#[derive(Debug, Args)]
pub struct HomeArgs {
    /// WOZ value of the own home (the same every year).
    #[arg(long, value_name = "AMOUNT", help_heading = "Home")]
    pub home_woz: Option<String>,

    /// Mortgage on the home.
    #[arg(long, value_name = "AMOUNT", help_heading = "Home")]
    pub home_mortgage: Option<String>,

    /// Who owns the home: client, partner or joint (half each).
    #[arg(long, value_name = "OWNER", help_heading = "Home")]
    pub home_owner: Option<String>,

    /// What happens to the home after admission: for-sale, empty, let or partner (lives in it).
    #[arg(long, value_name = "STATUS", help_heading = "Home")]
    pub home_status: Option<String>,

    /// The day the home stopped being the client's main home (default: --admission).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Home")]
    pub home_left: Option<String>,

    /// With --home-status let: the first day of the letting.
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Home")]
    pub home_let_from: Option<String>,

    /// With --home-status let: the rent per month.
    #[arg(long, value_name = "AMOUNT", help_heading = "Home")]
    pub home_rent: Option<String>,

    /// The kind of tenancy: regular, fixed-term, leegstandwet or related.
    #[arg(long, value_name = "KIND", help_heading = "Home")]
    pub home_tenancy: Option<String>,

    /// The day the sale went through (transfer at the notary).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Home")]
    pub home_sold: Option<String>,

    /// Net proceeds of the sale (default: WOZ value minus mortgage).
    #[arg(long, value_name = "AMOUNT", help_heading = "Home")]
    pub home_proceeds: Option<String>,
}

/// The per-year flags (`--income-2027`, `--savings-2028`, …), one hidden flag
/// per kind and calendar year: clap has no pattern flags, and a fixed list
/// keeps typos (`--income-2207`) a usage error instead of silently ignored.
#[derive(Debug, Default)]
pub struct YearFlags {
    /// (kind, calendar year, value as typed).
    pub values: Vec<(&'static str, i32, String)>,
}

/// The kinds of per-year flags.
const YEAR_KINDS: [&str; 8] = [
    "income",
    "tax",
    "verzamelinkomen",
    "savings",
    "partner-income",
    "partner-tax",
    "partner-verzamelinkomen",
    "partner-savings",
];

/// The calendar years a per-year flag may name: two peiljaren before the
/// first supported contribution year up to the last year a plan can reach.
fn flag_years() -> std::ops::RangeInclusive<i32> {
    let first = wlz_core::params::supported_years()
        .first()
        .copied()
        .unwrap_or(FALLBACK_FROM);
    first - 2..=wlz_core::planner::params::LAST_PLAN_YEAR
}

impl Args for YearFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let mut cmd = cmd;
        for kind in YEAR_KINDS {
            for year in flag_years() {
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

impl FromArgMatches for YearFlags {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut values = Vec::new();
        for kind in YEAR_KINDS {
            for year in flag_years() {
                let id = format!("{kind}-{year}");
                if let Ok(Some(v)) = m.try_get_one::<String>(&id) {
                    values.push((kind, year, v.clone()));
                }
            }
        }
        Ok(YearFlags { values })
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// Runs `plan`: flags → plan → JSON or text.
pub fn run(args: &PlanArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    refuse_estimate_only(matches)?;
    let plan = match &args.household.input {
        Some(path) => from_file(path, matches)?,
        None => from_flags(args, matches)?,
    };
    if out.json {
        output::print_json(serde_json::to_string_pretty(&plan))
    } else {
        output::print_text(&plan_render::text(&plan, out.lang))
    }
}

/// The plan of the flags; a core error names the flag behind its field.
fn from_flags(args: &PlanArgs, matches: &ArgMatches) -> Result<Plan, CliError> {
    let h = household(&args.household, matches, "plan")?;
    let input = plan_input(args, h.input.clone())?;
    wlz_core::planner::plan(&input).map_err(|e| match planner_flag(e.field.as_deref()) {
        Some(flag) => CliError::from(e).with_flag(Some(flag)),
        None => h.explain(e),
    })
}

/// The plan of a JSON file in the planner's contract (`--input`). Other input flags are
/// refused: mixing the two would leave unclear which value counts.
fn from_file(path: &str, matches: &ArgMatches) -> Result<Plan, CliError> {
    let cmd = <crate::Cli as clap::CommandFactory>::command();
    let extra: Vec<String> = cmd
        .find_subcommand("plan")
        .into_iter()
        .flat_map(|c| c.get_arguments())
        .filter(|a| !["input", "json", "lang"].contains(&a.get_id().as_str()))
        .filter(|a| matches.value_source(a.get_id().as_str()) == Some(ValueSource::CommandLine))
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    if !extra.is_empty() {
        let list = extra.join(", ");
        return Err(crate::estimate::conflicting_input_flags(&list));
    }
    let text = crate::estimate::read_json_text(path)?;
    Ok(wlz_core::planner::plan_json(&text)?)
}

/// Flags of `estimate` that a plan does not use, with the flag to use instead.
const REFUSED: [(&str, &str, &str); 5] = [
    ("year", "--from", "--from"),
    (
        "assets",
        "--savings of --other-assets",
        "--savings or --other-assets",
    ),
    ("partner_assets", "--partner-savings", "--partner-savings"),
    ("date", "--admission", "--admission"),
    ("days", "--admission", "--admission"),
];

/// Refuses the estimate-only flags: silently ignoring `--assets` would give a wrong plan.
fn refuse_estimate_only(matches: &ArgMatches) -> Result<(), CliError> {
    for (id, nl, en) in REFUSED {
        if matches.value_source(id) == Some(ValueSource::CommandLine) {
            let flag = format!("--{}", id.replace('_', "-"));
            return Err(CliError::new(
                Code::Cli("conflicting_flags"),
                None,
                format!("{flag} hoort niet bij plan. Gebruik {nl}."),
                format!("{flag} does not belong to plan. Use {en}."),
            ));
        }
    }
    Ok(())
}

/// The flag behind a field of the planner's own checks (`home.rent` → `--home-rent`).
fn planner_flag(field: Option<&str>) -> Option<String> {
    let field = field?;
    let flag = match field {
        "from" => "--from",
        "years" => "--years",
        "admission" => "--admission",
        "aow.option" => "--aow-option",
        "aow.change" => "--aow-change",
        "drawdown.from" => "--drawdown-from",
        // From flags the assets of an estimate are the plan's RG: savings, other assets, home.
        "client.assets" => "--savings, --other-assets, --home-woz",
        "partner.assets" => "--partner-savings, --partner-other-assets, --home-woz",
        f if f.starts_with("gifts[") => "--gift",
        f if f.starts_with("wlz_clause") => "--wlz-clause",
        f if f.starts_with("home.") => {
            return Some(format!("--home-{}", &f[5..].replace('_', "-")));
        }
        _ => return None,
    };
    Some(flag.to_string())
}

/// An error about the value typed for `flag`, in both languages.
pub(crate) fn bad(flag: &str, value: &str, nl: &str, en: &str) -> CliError {
    CliError::new(
        Code::Core(ErrorCode::InvalidArgument),
        None,
        format!("Ongeldige waarde bij {flag}: `{value}`. {nl}"),
        format!("Invalid value for {flag}: `{value}`. {en}"),
    )
}

pub(crate) fn amount(v: Option<&str>, flag: &str) -> Result<Option<Amount>, CliError> {
    v.map(|s| {
        Amount::parse(s).map_err(|e| CliError::amount(flag, flag.trim_start_matches("--"), e))
    })
    .transpose()
}

pub(crate) fn date(v: Option<&str>, flag: &str) -> Result<Option<Date>, CliError> {
    v.map(|s| {
        Date::parse(s).ok_or_else(|| {
            bad(
                flag,
                s,
                "Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-01.",
                "Write a date as YYYY-MM-DD, for example 2026-03-01.",
            )
        })
    })
    .transpose()
}

/// The first contribution year: `--from`, else the clock's year within the
/// years a plan of `n` years can start in, else [`FALLBACK_FROM`].
fn first_year(from: Option<i32>, n: u32) -> i32 {
    if let Some(y) = from {
        return y;
    }
    let first = wlz_core::params::supported_years()
        .first()
        .copied()
        .unwrap_or(FALLBACK_FROM);
    let last = wlz_core::planner::params::LAST_PLAN_YEAR - n as i32 + 1;
    match crate::estimate::clock_year() {
        Some(y) if first <= last => y.clamp(first, last),
        _ => FALLBACK_FROM,
    }
}

/// Builds the plan request from the flags and the household of `estimate`'s flags.
fn plan_input(a: &PlanArgs, base: wlz_core::Input) -> Result<PlanInput, CliError> {
    if !(1..=MAX_YEARS).contains(&a.years) {
        return Err(bad(
            "--years",
            &a.years.to_string(),
            &format!("Kies 1 tot en met {MAX_YEARS} jaren."),
            &format!("Choose 1 to {MAX_YEARS} years."),
        ));
    }
    let (money, partner_money) = money(a)?;
    Ok(PlanInput {
        version: CONTRACT_VERSION,
        from: first_year(a.from, a.years),
        years: Some(a.years),
        client: base.client,
        partner: base.partner,
        household: base.household,
        readings: base.readings,
        admission: date(a.admission.as_deref(), "--admission")?,
        money,
        partner_money,
        home: home(&a.home)?,
        gifts: gifts(a)?,
        wlz_clause: a
            .wlz_clause
            .iter()
            .map(|s| dated("--wlz-clause", s).map(|(date, amount, _)| Claim { date, amount }))
            .collect::<Result<_, _>>()?,
        aow: aow(a)?,
        drawdown: drawdown(a)?,
        plan_readings: plan_readings(&a.plan_reading)?,
        proposals: a.proposals,
    })
}

/// The money of the client and of the partner, with the per-year flags.
fn money(a: &PlanArgs) -> Result<(Money, Money), CliError> {
    let mut client = Money {
        savings: amount(a.savings.as_deref(), "--savings")?,
        other_assets: amount(a.other_assets.as_deref(), "--other-assets")?,
        debts: amount(a.debts.as_deref(), "--debts")?,
        ..Money::default()
    };
    let mut partner = Money {
        savings: amount(a.partner_savings.as_deref(), "--partner-savings")?,
        other_assets: amount(a.partner_other_assets.as_deref(), "--partner-other-assets")?,
        debts: amount(a.partner_debts.as_deref(), "--partner-debts")?,
        ..Money::default()
    };
    for (kind, year, value) in &a.by_year.values {
        let flag = format!("--{kind}-{year}");
        let Some(v) = amount(Some(value), &flag)? else {
            continue;
        };
        let (m, kind) = match kind.strip_prefix("partner-") {
            Some(k) => (&mut partner, k),
            None => (&mut client, *kind),
        };
        let map: &mut BTreeMap<i32, Amount> = match kind {
            "income" => &mut m.income_by_year,
            "tax" => &mut m.tax_by_year,
            "verzamelinkomen" => &mut m.verzamelinkomen_by_year,
            _ => &mut m.savings_by_year,
        };
        map.insert(*year, v);
    }
    Ok((client, partner))
}

/// One of a fixed list of words; the message lists the choices.
pub(crate) fn choice<T: Copy>(flag: &str, v: &str, choices: &[(&str, T)]) -> Result<T, CliError> {
    let norm = v.trim().to_ascii_lowercase().replace('_', "-");
    choices
        .iter()
        .find(|(name, _)| *name == norm)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            let list = choices
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ");
            bad(
                flag,
                v,
                &format!("Kies uit: {list}."),
                &format!("Choose from: {list}."),
            )
        })
}

/// The home; any home flag without `--home-woz` is an error (the WOZ value is what counts).
fn home(h: &HomeArgs) -> Result<Option<Home>, CliError> {
    let others = [
        ("--home-mortgage", &h.home_mortgage),
        ("--home-owner", &h.home_owner),
        ("--home-status", &h.home_status),
        ("--home-left", &h.home_left),
        ("--home-let-from", &h.home_let_from),
        ("--home-rent", &h.home_rent),
        ("--home-tenancy", &h.home_tenancy),
        ("--home-sold", &h.home_sold),
        ("--home-proceeds", &h.home_proceeds),
    ];
    let Some(woz) = amount(h.home_woz.as_deref(), "--home-woz")? else {
        if let Some((flag, _)) = others.iter().find(|(_, v)| v.is_some()) {
            return Err(CliError::new(
                Code::Core(ErrorCode::InvalidArgument),
                Some("home.woz"),
                format!("Bij {flag} hoort ook de WOZ-waarde van het huis (--home-woz)."),
                format!("{flag} also needs the WOZ value of the home (--home-woz)."),
            ));
        }
        return Ok(None);
    };
    let owner = h
        .home_owner
        .as_deref()
        .map(|v| {
            choice(
                "--home-owner",
                v,
                &[
                    ("client", Owner::Client),
                    ("partner", Owner::Partner),
                    ("joint", Owner::Joint),
                ],
            )
        })
        .transpose()?;
    let status = h
        .home_status
        .as_deref()
        .map(|v| {
            choice(
                "--home-status",
                v,
                &[
                    ("for-sale", HomeStatus::ForSale),
                    ("empty", HomeStatus::Empty),
                    ("let", HomeStatus::Let),
                    ("partner", HomeStatus::Partner),
                ],
            )
        })
        .transpose()?;
    let tenancy = h
        .home_tenancy
        .as_deref()
        .map(|v| {
            choice(
                "--home-tenancy",
                v,
                &[
                    ("regular", Tenancy::Regular),
                    ("fixed-term", Tenancy::FixedTerm),
                    ("leegstandwet", Tenancy::Leegstandwet),
                    ("related", Tenancy::Related),
                ],
            )
        })
        .transpose()?;
    Ok(Some(Home {
        woz,
        mortgage: amount(h.home_mortgage.as_deref(), "--home-mortgage")?,
        owner: owner.unwrap_or_default(),
        status: status.unwrap_or_default(),
        left: date(h.home_left.as_deref(), "--home-left")?,
        let_from: date(h.home_let_from.as_deref(), "--home-let-from")?,
        rent: amount(h.home_rent.as_deref(), "--home-rent")?,
        tenancy: tenancy.unwrap_or_default(),
        sold: date(h.home_sold.as_deref(), "--home-sold")?,
        proceeds: amount(h.home_proceeds.as_deref(), "--home-proceeds")?,
    }))
}

/// `DATE:AMOUNT[:WORD…]` → the date, the amount and the extra words.
fn dated<'s>(flag: &str, s: &'s str) -> Result<(Date, Amount, Vec<&'s str>), CliError> {
    let mut parts = s.split(':');
    let (Some(d), Some(a)) = (parts.next(), parts.next()) else {
        return Err(bad(
            flag,
            s,
            "Schrijf DATUM:BEDRAG, bijvoorbeeld 2026-12-15:20000.",
            "Write DATE:AMOUNT, for example 2026-12-15:20000.",
        ));
    };
    let date = Date::parse(d.trim()).ok_or_else(|| {
        bad(
            flag,
            s,
            "De datum is ongeldig. Schrijf DATUM:BEDRAG, bijvoorbeeld 2026-12-15:20000.",
            "The date is invalid. Write DATE:AMOUNT, for example 2026-12-15:20000.",
        )
    })?;
    let amount = Amount::parse(a.trim())
        .map_err(|e| CliError::amount(flag, flag.trim_start_matches("--"), e))?;
    Ok((date, amount, parts.map(str::trim).collect()))
}

/// The gifts of `--gift` and `--gift-on-paper`, with their extra words.
fn gifts(a: &PlanArgs) -> Result<Vec<Gift>, CliError> {
    let mut gifts = Vec::new();
    for (flag, list, on_paper) in [
        ("--gift", &a.gift, false),
        ("--gift-on-paper", &a.gift_on_paper, true),
    ] {
        for s in list {
            let (date, amount, words) = dated(flag, s)?;
            let mut gift = Gift {
                date,
                amount,
                donor: Donor::Client,
                on_paper,
                deed_and_interest: false,
            };
            for w in words {
                match w {
                    "partner" => gift.donor = Donor::Partner,
                    "deed" if on_paper => gift.deed_and_interest = true,
                    _ => {
                        let (nl, en) = if on_paper {
                            (
                                "Na het bedrag kan alleen :partner of :deed.",
                                "After the amount only :partner or :deed may follow.",
                            )
                        } else {
                            (
                                "Na het bedrag kan alleen :partner.",
                                "After the amount only :partner may follow.",
                            )
                        };
                        return Err(bad(flag, s, nl, en));
                    }
                }
            }
            gifts.push(gift);
        }
    }
    Ok(gifts)
}

/// The AOW choice.
fn aow(a: &PlanArgs) -> Result<AowChoice, CliError> {
    let option = a
        .aow_option
        .as_deref()
        .map(|v| {
            choice(
                "--aow-option",
                v,
                &[
                    ("married", AowOption::Married),
                    ("gescheiden", AowOption::Gescheiden),
                ],
            )
        })
        .transpose()?;
    Ok(AowChoice {
        option: option.unwrap_or_default(),
        change: date(a.aow_change.as_deref(), "--aow-change")?,
        split_toeslag: a.aow_split_toeslag,
    })
}

/// The drawdown helper: both flags or neither.
fn drawdown(a: &PlanArgs) -> Result<Option<Drawdown>, CliError> {
    let costs = amount(a.own_costs.as_deref(), "--own-costs")?;
    match (a.drawdown_from, costs) {
        (None, None) => Ok(None),
        (Some(from), costs) => Ok(Some(Drawdown {
            from,
            own_costs: costs.unwrap_or(Amount(rust_decimal::Decimal::ZERO)),
        })),
        (None, Some(_)) => Err(CliError::new(
            Code::Core(ErrorCode::InvalidArgument),
            Some("drawdown.from"),
            "Bij --own-costs hoort --drawdown-from: het jaar waarin het interen begint.".into(),
            "--own-costs needs --drawdown-from: the year the drawdown starts.".into(),
        )),
    }
}

/// The planner's readings: by field name or PO id.
const PLAN_READINGS: [(&str, &str); 6] = [
    ("let_in_care_years_box3", "PO-1"),
    ("leegstandwet_ratio", "PO-2"),
    ("january_first_on_peildatum", "PO-3"),
    ("gescheiden_home_box3", "PO-8"),
    ("paper_gift_always", "PO-12"),
    ("zorgtoeslag_as_given", "PO-15"),
];

fn plan_readings(names: &[String]) -> Result<PlanReadings, CliError> {
    let mut r = PlanReadings::default();
    for raw in names {
        let norm = raw.trim().replace('-', "_").to_ascii_lowercase();
        let found = PLAN_READINGS
            .iter()
            .find(|(name, id)| *name == norm || id.eq_ignore_ascii_case(raw.trim()));
        let Some((name, _)) = found else {
            let list = PLAN_READINGS
                .iter()
                .map(|(n, id)| format!("{n} ({id})"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(bad(
                "--plan-reading",
                raw,
                &format!("Kies uit: {list}."),
                &format!("Choose from: {list}."),
            ));
        };
        match *name {
            "let_in_care_years_box3" => r.let_in_care_years_box3 = true,
            "leegstandwet_ratio" => r.leegstandwet_ratio = true,
            "january_first_on_peildatum" => r.january_first_on_peildatum = true,
            "gescheiden_home_box3" => r.gescheiden_home_box3 = true,
            "paper_gift_always" => r.paper_gift_always = true,
            _ => r.zorgtoeslag_as_given = true,
        }
    }
    Ok(r)
}
