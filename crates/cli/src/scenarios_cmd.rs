//! `timeline`, `compare`, `what-if` and `curve`: the household flags of
//! `estimate` plus a few of their own, answered by `wlz_core::scenarios`.

use crate::error::CliError;
use crate::estimate::{household, EstimateArgs};
use crate::{output, Output};
use clap::{ArgMatches, Args};
use rust_decimal::Decimal;
use wlz_core::scenarios::{self, CurrentYear};
use wlz_core::{format_eur, parse_amount, Amount, Date, Lang, Regime};

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn eur(v: Decimal, lang: Lang) -> String {
    format_eur(v, lang)
}

/// The regime's name, the core's ([`Regime::label`]), in lower case within a line.
fn regime_name(r: Regime, lang: Lang) -> String {
    r.label().get(lang).to_lowercase()
}

fn disclaimer(lang: Lang) -> &'static str {
    tr(
        lang,
        "Dit is een schatting, geen beschikking van het CAK. Meer informatie: https://www.hetcak.nl",
        "This is an estimate, not a decision (beschikking) of the CAK. More: https://www.hetcak.nl",
    )
}

fn date_arg(flag: &str, value: &str) -> Result<Date, CliError> {
    Date::parse(value).ok_or_else(|| {
        CliError::new(
            crate::error::Code::Cli("invalid_date"),
            None,
            format!(
                "{flag}: `{value}` is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01."
            ),
            format!("{flag}: `{value}` is not a date; write YYYY-MM-DD, for example 2026-03-01."),
        )
    })
}

fn amount_arg(flag: &str, value: &Option<String>) -> Result<Option<Amount>, CliError> {
    value
        .as_deref()
        .map(|v| {
            parse_amount(v)
                .map(Amount)
                .map_err(|e| CliError::amount(flag, flag.trim_start_matches("--"), e))
        })
        .transpose()
}

// ---------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// First day of the stay (or other care), YYYY-MM-DD, in the contribution year.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: String,
    /// Number of months to show.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub months: u32,
    #[command(flatten)]
    pub household: EstimateArgs,
}

pub fn timeline(args: &TimelineArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    let h = household(&args.household, matches, "timeline")?;
    let start = date_arg("--start", &args.start)?;
    let t = scenarios::timeline(&h.input, start, args.months).map_err(|e| h.explain(e))?;
    if out.json {
        return output::print_json(serde_json::to_string_pretty(&t));
    }
    let l = out.lang;
    let mut s = String::new();
    s.push_str(tr(
        l,
        "Maand      Bedrag        Regeling\n",
        "Month      Amount        Regime\n",
    ));
    for m in &t.months {
        let parts: Vec<String> = m
            .segments
            .iter()
            .map(|g| {
                let whole = g.due == g.monthly && m.segments.len() == 1 && g.from.day() == 1;
                if whole {
                    regime_name(g.regime, l).to_string()
                } else {
                    format!(
                        "{} {} ({} {}–{})",
                        regime_name(g.regime, l),
                        eur(g.due, l),
                        tr(l, "dag", "days"),
                        g.from.day(),
                        g.to.day()
                    )
                }
            })
            .collect();
        let mark = if m.estimated_parameters { " *" } else { "" };
        s.push_str(&format!(
            "{}  {:>12}  {}{mark}\n",
            m.month,
            eur(m.amount, l),
            parts.join(" + ")
        ));
    }
    s.push_str(&format!(
        "\n{} {}: {}\n{}: {}\n",
        tr(l, "Totaal", "Total"),
        t.calendar_year,
        eur(t.total_calendar_year, l),
        tr(l, "Totaal 12 maanden", "Total 12 months"),
        eur(t.total_12_months, l)
    ));
    for n in &t.notes {
        s.push_str(&format!("* {}\n", n.get(l)));
    }
    s.push_str(disclaimer(l));
    output::print_text(&s)
}

// ---------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Put the places the partner can live side by side instead of the client's care forms:
    /// at home without care, living along, in an instelling, in beschermd wonen.
    #[arg(long = "partner")]
    pub partner_options: bool,

    #[command(flatten)]
    pub household: EstimateArgs,
}

pub fn compare(args: &CompareArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    let h = household(&args.household, matches, "compare")?;
    let l = out.lang;
    let (title, year, rows) = if args.partner_options {
        let p = scenarios::partner_options(&h.input).map_err(|e| h.explain(e))?;
        if out.json {
            return output::print_json(serde_json::to_string_pretty(&p));
        }
        let title = tr(
            l,
            "Waar de partner woont, naast elkaar, bijdragejaar",
            "Where the partner lives, side by side, contribution year",
        );
        (title, p.year, p.rows)
    } else {
        let c = scenarios::compare(&h.input).map_err(|e| h.explain(e))?;
        if out.json {
            return output::print_json(serde_json::to_string_pretty(&c));
        }
        let title = tr(
            l,
            "Zorgvormen naast elkaar, bijdragejaar",
            "Care forms side by side, contribution year",
        );
        (title, c.year, c.rows)
    };
    let mut s = format!("{title} {year}\n\n");
    for r in &rows {
        let value = match (&r.monthly, &r.error) {
            (Some(m), _) => format!(
                "{:>12}  {}{}",
                eur(*m, l),
                r.regime.map_or(String::new(), |g| regime_name(g, l)),
                if r.estimated == Some(true) {
                    tr(l, " (schatting)", " (estimate)")
                } else {
                    ""
                }
            ),
            (None, Some(e)) => e.message(l).to_string(),
            _ => String::new(),
        };
        let here = if r.current {
            tr(l, "  ← nu", "  ← now")
        } else {
            ""
        };
        s.push_str(&format!("{:<60} {value}{here}\n", r.label.get(l)));
    }
    s.push('\n');
    s.push_str(disclaimer(l));
    output::print_text(&s)
}

// ---------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct WhatIfArgs {
    /// Expected verzamelinkomen of the contribution year itself (client).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub current_income: String,
    /// Expected rendementsgrondslag on 1 January of the contribution year (client).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub current_assets: Option<String>,
    /// Expected income tax + premie volksverzekeringen of the contribution year (client).
    #[arg(long, value_name = "AMOUNT")]
    pub current_tax: Option<String>,
    /// The partner's expected verzamelinkomen of the contribution year.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub current_partner_income: Option<String>,
    /// The partner's expected rendementsgrondslag on 1 January of the contribution year.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub current_partner_assets: Option<String>,
    /// The partner's expected tax of the contribution year.
    #[arg(long, value_name = "AMOUNT")]
    pub current_partner_tax: Option<String>,
    /// The client receives algemene bijstand (general social assistance).
    #[arg(long)]
    pub bijstand: bool,
    #[command(flatten)]
    pub household: EstimateArgs,
}

pub fn what_if(args: &WhatIfArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    let h = household(&args.household, matches, "what-if")?;
    let current = CurrentYear {
        income: amount_arg("--current-income", &Some(args.current_income.clone()))?
            .unwrap_or_default(),
        assets: amount_arg("--current-assets", &args.current_assets)?,
        tax: amount_arg("--current-tax", &args.current_tax)?,
        partner_income: amount_arg("--current-partner-income", &args.current_partner_income)?,
        partner_assets: amount_arg("--current-partner-assets", &args.current_partner_assets)?,
        partner_tax: amount_arg("--current-partner-tax", &args.current_partner_tax)?,
        bijstand: args.bijstand,
    };
    let w = scenarios::what_if(&h.input, &current).map_err(|e| h.explain(e))?;
    if out.json {
        return output::print_json(serde_json::to_string_pretty(&w));
    }
    let l = out.lang;
    let mut s = String::new();
    s.push_str(&format!(
        "{}: {} ({})\n",
        tr(
            l,
            "Nu, op het inkomen van het peiljaar",
            "Now, on the peiljaar income"
        ),
        eur(w.monthly_peiljaar, l),
        regime_name(w.regime, l)
    ));
    s.push_str(&format!(
        "{}: {}\n\n",
        tr(
            l,
            "Op het verwachte inkomen van dit jaar",
            "On this year's expected income"
        ),
        eur(w.monthly_current, l)
    ));
    s.push_str(if w.request_possible {
        tr(
            l,
            "Een verzoek om peiljaarverlegging lijkt mogelijk en de moeite waard.\n",
            "A request for a change of reference year looks possible and worthwhile.\n",
        )
    } else {
        tr(
            l,
            "Een verzoek om peiljaarverlegging lijkt niet mogelijk of levert niets op.\n",
            "A request for a change of reference year does not look possible or would not help.\n",
        )
    });
    for e in &w.explanation {
        s.push_str(&format!("* {}\n", e.get(l)));
    }
    s.push_str(&format!("({})\n", w.reference.article()));
    s.push_str(disclaimer(l));
    output::print_text(&s)
}

// ---------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct CurveArgs {
    /// Number of points on the curve (breakpoints and the household's own point are added).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub points: usize,
    #[command(flatten)]
    pub household: EstimateArgs,
}

pub fn curve(args: &CurveArgs, matches: &ArgMatches, out: Output) -> Result<(), CliError> {
    let h = household(&args.household, matches, "curve")?;
    let c = scenarios::income_curve(&h.input, args.points).map_err(|e| h.explain(e))?;
    if out.json {
        return output::print_json(serde_json::to_string_pretty(&c));
    }
    let l = out.lang;
    let mut s = String::new();
    s.push_str(tr(
        l,
        "Inkomen            Per maand\n",
        "Income             Per month\n",
    ));
    for p in &c.points {
        let mark = if p.income == c.current.income {
            tr(l, "  ← u", "  ← you")
        } else {
            ""
        };
        s.push_str(&format!(
            "{:>14}  {:>12}{mark}\n",
            eur(p.income, l),
            eur(p.monthly, l)
        ));
    }
    if let Some(m) = c.minimum_until {
        s.push_str(&format!(
            "{} {}\n",
            tr(
                l,
                "Het minimum geldt tot een inkomen van",
                "The minimum applies up to an income of"
            ),
            eur(m, l)
        ));
    }
    if let Some(m) = c.maximum_from {
        s.push_str(&format!(
            "{} {}\n",
            tr(
                l,
                "Het maximum geldt vanaf een inkomen van",
                "The maximum applies from an income of"
            ),
            eur(m, l)
        ));
    }
    s.push_str(disclaimer(l));
    output::print_text(&s)
}
