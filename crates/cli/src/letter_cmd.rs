//! `wlz-bijdrage letter`: one of the five letters of `shared/spec/letters.md` §4, filled
//! from flags (one per field of `wlz_core::letters::templates::LetterData`) and optionally
//! from a check (`--from-check`: the check's `prefill`, then the flags override). The core
//! writes the letter; this module reads the flags and says which blanks are left.

use crate::check_letter_cmd::read_check_input;
use crate::error::{CliError, Code};
use crate::plan_cmd::{amount, bad, choice, date};
use crate::{output, Output};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches};
use serde_json::{Map, Value};
use wlz_core::letters::templates::{render, Change, LetterData, Reason, Template};
use wlz_core::{ErrorCode, Lang};

/// The flags of `letter`.
#[derive(Debug, Args)]
pub struct LetterArgs {
    /// Which letter: aanpassing, bezwaar, betalingsregeling, partner or eenmalig.
    #[arg(long, value_name = "NAME", required = true)]
    pub template: String,

    /// Fill the letter from a check: a check-letter request as JSON (the file of
    /// `check-letter --input`); `-` reads standard input. Flags override what it fills in.
    #[arg(long, value_name = "FILE")]
    pub from_check: Option<String>,

    #[command(flatten)]
    pub fields: FieldFlags,
}

/// How a field's value is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Amount,
    Year,
    Count,
    /// A switch without a value.
    Flag,
    /// A comma-separated list of reason blocks.
    Reasons,
    Change,
}

/// Every field of `LetterData`: its name (the flag is the name with dashes), its kind and
/// its help. A unit test checks this table against the core's struct, so a new field cannot
/// be left without a flag.
const FIELDS: &[(&str, Kind, &str)] = &[
    ("naam", Kind::Text, "Your name"),
    ("straat_huisnummer", Kind::Text, "Street and house number"),
    ("postcode", Kind::Text, "Postcode"),
    ("woonplaats", Kind::Text, "Town or city"),
    ("telefoon", Kind::Text, "Phone number"),
    ("email", Kind::Text, "E-mail address"),
    ("klantnummer", Kind::Text, "Your CAK client number"),
    (
        "adres_cak",
        Kind::Text,
        "The CAK's address from its letter (default: a line saying to use it)",
    ),
    (
        "datum_vandaag",
        Kind::Date,
        "Date of your letter (default: today)",
    ),
    (
        "datum_beschikking",
        Kind::Date,
        "Date of the CAK's decision",
    ),
    ("kenmerk", Kind::Text, "Kenmerk (reference) of the decision"),
    ("jaar", Kind::Year, "Contribution year"),
    (
        "peiljaar",
        Kind::Year,
        "Peiljaar: the year of the income the CAK uses",
    ),
    (
        "hoge",
        Kind::Flag,
        "aanpassing: the variant for the high contribution",
    ),
    (
        "bi_peiljaar",
        Kind::Amount,
        "aanpassing: contribution income (BI) of the peiljaar",
    ),
    (
        "bi_verwacht",
        Kind::Amount,
        "aanpassing: expected contribution income this year",
    ),
    (
        "drempel",
        Kind::Amount,
        "aanpassing: the drop the law asks for",
    ),
    ("reden", Kind::Text, "aanpassing: why your income dropped"),
    ("bijstand", Kind::Flag, "aanpassing: you receive bijstand"),
    (
        "partner",
        Kind::Flag,
        "aanpassing: you have a partner (adds the partner's proof)",
    ),
    (
        "machtiging",
        Kind::Flag,
        "Someone else signs (adds the authorisation)",
    ),
    ("bedrag_cak", Kind::Amount, "The CAK's amount per month"),
    (
        "netto_maand",
        Kind::Amount,
        "aanpassing, high: net income per month",
    ),
    (
        "premie_maand",
        Kind::Amount,
        "aanpassing, high: health insurance premium per month",
    ),
    (
        "zorgtoeslag_maand",
        Kind::Amount,
        "aanpassing, high: zorgtoeslag per month",
    ),
    (
        "zkg_grens",
        Kind::Amount,
        "aanpassing, high: the zak- en kleedgeld amount",
    ),
    (
        "ingangsdatum",
        Kind::Date,
        "bezwaar: from when the CAK's amount applies",
    ),
    (
        "bedrag_eigen",
        Kind::Amount,
        "bezwaar: your own amount per month",
    ),
    (
        "redenen",
        Kind::Reasons,
        "bezwaar: the reasons, comma-separated: partner-died, separated, partner-at-home, \
         start-period, start-date, care-form, income, assets, one-off-payment, \
         backdating-beyond-12-months, delay-not-mine",
    ),
    (
        "mondeling",
        Kind::Flag,
        "bezwaar: you want to explain it in person",
    ),
    ("kosten", Kind::Flag, "bezwaar: ask for the costs of help"),
    (
        "datum",
        Kind::Date,
        "bezwaar: the day your partner died or you separated",
    ),
    ("naam_partner", Kind::Text, "Name of your partner"),
    (
        "opnamedatum",
        Kind::Date,
        "bezwaar: the day your care or stay began",
    ),
    (
        "datum_cak",
        Kind::Date,
        "bezwaar: the start date the CAK uses",
    ),
    ("zorgvorm", Kind::Text, "bezwaar: your care form"),
    (
        "zorgvorm_cak",
        Kind::Text,
        "bezwaar: the care form the CAK uses",
    ),
    (
        "inkomen_cak",
        Kind::Amount,
        "bezwaar: the income the CAK uses",
    ),
    (
        "inkomen_eigen",
        Kind::Amount,
        "bezwaar: your verzamelinkomen of the peiljaar",
    ),
    (
        "vermogen_cak",
        Kind::Amount,
        "bezwaar: the assets the CAK uses",
    ),
    (
        "vermogen_eigen",
        Kind::Amount,
        "bezwaar: your assets on 1 January of the peiljaar",
    ),
    ("soort_uitkering", Kind::Text, "The kind of one-off payment"),
    ("bedrag", Kind::Amount, "The amount of the one-off payment"),
    (
        "factuurnummer",
        Kind::Text,
        "betalingsregeling: invoice number",
    ),
    (
        "datum_factuur",
        Kind::Date,
        "betalingsregeling: invoice date",
    ),
    (
        "bedrag_totaal",
        Kind::Amount,
        "betalingsregeling: invoice total",
    ),
    (
        "aantal_maanden",
        Kind::Count,
        "betalingsregeling: months on the invoice",
    ),
    (
        "termijnbedrag",
        Kind::Amount,
        "betalingsregeling: the instalment you offer",
    ),
    (
        "aantal_termijnen",
        Kind::Count,
        "betalingsregeling: number of instalments",
    ),
    (
        "maandbedrag",
        Kind::Amount,
        "betalingsregeling: your usual amount per month",
    ),
    (
        "bezwaar_ingediend",
        Kind::Flag,
        "betalingsregeling: you also objected to the invoice",
    ),
    (
        "huis_te_koop",
        Kind::Flag,
        "betalingsregeling: your home is for sale",
    ),
    (
        "wijziging",
        Kind::Change,
        "partner: what happened: died, divorced, living-apart or married",
    ),
    (
        "datum_wijziging",
        Kind::Date,
        "partner: the day it happened",
    ),
    (
        "datum_ontvangst",
        Kind::Date,
        "eenmalig: the day you received the payment",
    ),
    (
        "jaar_vermogen",
        Kind::Year,
        "eenmalig: the year whose assets hold it",
    ),
];

fn flag_name(field: &str) -> String {
    field.replace('_', "-")
}

/// The field flags as typed: (field, kind, value; `None` for a switch).
#[derive(Debug, Default)]
pub struct FieldFlags {
    given: Vec<(&'static str, Kind, Option<String>)>,
}

impl Args for FieldFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let mut cmd = cmd;
        for (field, kind, help) in FIELDS {
            let name = flag_name(field);
            let arg = Arg::new(name.clone())
                .long(name)
                .help(*help)
                .help_heading("Letter fields");
            let arg = match kind {
                Kind::Flag => arg.action(ArgAction::SetTrue),
                Kind::Text => arg.value_name("TEXT").action(ArgAction::Set),
                Kind::Date => arg.value_name("YYYY-MM-DD").action(ArgAction::Set),
                Kind::Amount => arg
                    .value_name("AMOUNT")
                    .allow_hyphen_values(true)
                    .action(ArgAction::Set),
                // A negative number reaches the check below, which names the flag.
                Kind::Year => arg
                    .value_name("YEAR")
                    .allow_hyphen_values(true)
                    .action(ArgAction::Set),
                Kind::Count => arg
                    .value_name("N")
                    .allow_hyphen_values(true)
                    .action(ArgAction::Set),
                Kind::Reasons => arg.value_name("REASON[,REASON]").action(ArgAction::Set),
                Kind::Change => arg.value_name("CHANGE").action(ArgAction::Set),
            };
            cmd = cmd.arg(arg);
        }
        cmd
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl FromArgMatches for FieldFlags {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut given = Vec::new();
        for (field, kind, _) in FIELDS {
            let id = flag_name(field);
            if *kind == Kind::Flag {
                if m.value_source(&id) == Some(ValueSource::CommandLine) && m.get_flag(&id) {
                    given.push((*field, *kind, None));
                }
            } else if let Ok(Some(v)) = m.try_get_one::<String>(&id) {
                given.push((*field, *kind, Some(v.clone())));
            }
        }
        Ok(FieldFlags { given })
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// Runs `letter`: the data (from a check, then the flags) → the letter → text or JSON; the
/// blanks left go to stderr in text mode, so the letter itself stays clean on stdout.
pub fn run(args: &LetterArgs, out: Output) -> Result<(), CliError> {
    let template = template(&args.template)?;
    let mut data = match &args.from_check {
        Some(path) => {
            let req = read_check_input(path, "--from-check")?;
            let report = wlz_core::letters::check::check(&req)
                .map_err(|e| CliError::from(e).with_flag(Some("--from-check".into())))?;
            wlz_core::letters::prefill::prefill(&req, &report)
        }
        None => LetterData::default(),
    };
    data = overlay(&data, &args.fields)?;
    if data.datum_vandaag.is_none() {
        data.datum_vandaag = crate::estimate::clock_date();
    }
    let rendered = render(template, &data);
    if out.json {
        return output::print_json(serde_json::to_string_pretty(&rendered));
    }
    output::print_text(rendered.text.trim_end())?;
    if !rendered.missing.is_empty() {
        eprintln!(
            "wlz-bijdrage: {}",
            missing_note(&rendered.missing, out.lang)
        );
    }
    Ok(())
}

fn template(v: &str) -> Result<Template, CliError> {
    let choices: Vec<(&str, Template)> = Template::ALL.iter().map(|t| (t.name(), *t)).collect();
    choice("--template", v, &choices)
}

/// The blanks as the flags that fill them (a computed figure is named by what it needs).
fn missing_note(missing: &[&str], lang: Lang) -> String {
    let names: Vec<String> = missing
        .iter()
        .map(|m| match *m {
            "over" => "--netto-maand, --bedrag-cak, --premie-maand".to_string(),
            "verschil" => "--bi-peiljaar, --bi-verwacht".to_string(),
            f => format!("--{}", flag_name(f)),
        })
        .collect();
    let list = names.join(", ");
    match lang {
        Lang::Nl => {
            format!("niet ingevuld: {list}. Schrijf dit zelf op de stippellijn, of geef het mee.")
        }
        Lang::En => format!("left blank: {list}. Write it on the dotted line, or give the flag."),
    }
}

/// `base` with every given flag written over it.
fn overlay(base: &LetterData, flags: &FieldFlags) -> Result<LetterData, CliError> {
    let mut map: Map<String, Value> = match serde_json::to_value(base) {
        Ok(Value::Object(m)) => m,
        _ => return Err(CliError::internal("cannot serialize the letter data")),
    };
    for (field, kind, raw) in &flags.given {
        map.insert(field.to_string(), value(field, *kind, raw.as_deref())?);
    }
    serde_json::from_value(Value::Object(map))
        .map_err(|e| CliError::internal(&format!("cannot build the letter data: {e}")))
}

/// One flag's value as the JSON of its field; a bad value names the flag.
fn value(field: &str, kind: Kind, raw: Option<&str>) -> Result<Value, CliError> {
    let flag = format!("--{}", flag_name(field));
    let Some(raw) = raw else {
        return Ok(Value::Bool(true));
    };
    let number = |nl: &str, en: &str| -> Result<Value, CliError> {
        raw.trim()
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| bad(&flag, raw, nl, en))
    };
    Ok(match kind {
        Kind::Flag => Value::Bool(true),
        Kind::Text => Value::String(raw.to_string()),
        Kind::Date => Value::String(
            date(Some(raw), &flag)?
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        Kind::Amount => Value::String(
            amount(Some(raw), &flag)?
                .map(|a| a.0.to_string())
                .unwrap_or_default(),
        ),
        Kind::Year => number(
            "Schrijf een jaar, bijvoorbeeld 2026.",
            "Write a year, for example 2026.",
        )?,
        Kind::Count => number(
            "Schrijf een heel getal, bijvoorbeeld 12.",
            "Write a whole number, for example 12.",
        )?,
        Kind::Reasons => {
            let mut list = Vec::new();
            for r in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                list.push(named::<Reason>(&flag, r, REASONS)?);
            }
            Value::Array(list)
        }
        Kind::Change => named::<Change>(&flag, raw.trim(), CHANGES)?,
    })
}

const REASONS: &str = "partner-died, separated, partner-at-home, start-period, start-date, \
                       care-form, income, assets, one-off-payment, backdating-beyond-12-months, \
                       delay-not-mine";
const CHANGES: &str = "died, divorced, living-apart, married";

/// A kebab-case name of a core enum, checked by deserializing it; the message lists `choices`.
fn named<T: serde::de::DeserializeOwned>(
    flag: &str,
    v: &str,
    choices: &str,
) -> Result<Value, CliError> {
    let norm = Value::String(v.to_ascii_lowercase().replace('_', "-"));
    match serde_json::from_value::<T>(norm.clone()) {
        Ok(_) => Ok(norm),
        Err(_) => Err(CliError::new(
            Code::Core(ErrorCode::InvalidArgument),
            None,
            format!("Ongeldige waarde bij {flag}: `{v}`. Kies uit: {choices}."),
            format!("Invalid value for {flag}: `{v}`. Choose from: {choices}."),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_letter_data_has_exactly_one_flag() {
        let Ok(Value::Object(map)) = serde_json::to_value(LetterData::default()) else {
            panic!("LetterData serializes to an object");
        };
        let mut fields: Vec<&str> = map.keys().map(String::as_str).collect();
        let mut table: Vec<&str> = FIELDS.iter().map(|(f, _, _)| *f).collect();
        fields.sort_unstable();
        table.sort_unstable();
        assert_eq!(fields, table);
    }
}
