//! A household typed as text: the answers as a person gives them on the command line (the
//! flags of `wlz-bijdrage estimate`) or in one row of a batch table (a CSV or spreadsheet
//! column per input, [`crate::table`]). Amounts, dates and care lists are still text here;
//! [`build_input`] reads them into the input contract ([`Input`]) with one message per bad
//! answer that names the flag or the column, so the CLI, its batch and the page's batch say
//! the same thing about the same cell.

use crate::date::Date;
use crate::error::{ErrorCode, InputError};
use crate::input::{
    Amount, CareForm, CareForms, HouseholdFacts, Input, PeriodKind, Person, PreviousPeriod, Stay,
    CONTRACT_VERSION,
};
use crate::money::AmountError;
use crate::readings::Readings;
use crate::text::{Lang, Text};
use crate::vocabulary::Key;
use std::str::FromStr;

/// How messages name an input value: as a flag (`--partner-income`), or as a column of a batch
/// table: the table's own name for each input, by [`Key`] (`Verzamelinkomen partner`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming<'n> {
    Flag,
    Table(&'n [String]),
}

impl Naming<'_> {
    /// The name of the value whose flag is `--{dashed}`.
    pub fn of(self, dashed: &str) -> String {
        match self {
            Naming::Flag => format!("--{dashed}"),
            Naming::Table(names) => match Key::from_name(dashed) {
                Some(k) => names.get(k as usize).cloned().unwrap_or_else(|| k.column()),
                None => dashed.replace('-', "_"),
            },
        }
    }
}

/// The input values of one household as typed. A partner exists when any of `partner` is given.
#[derive(Debug, Default)]
pub struct Values<'a> {
    pub year: i32,
    pub date: Option<&'a str>,
    pub days: Option<i64>,
    pub client: PersonValues<'a>,
    pub partner: PersonValues<'a>,
    pub children: bool,
    pub return_home_expected: bool,
    pub wmo_maatwerkvoorziening: bool,
    pub zorgtoeslag: bool,
    pub no_data: bool,
    pub net_monthly_income: Option<&'a str>,
    pub readings: Readings,
}

/// The values of one person (`mpt_max_20_hours`, `previous_stay` and `one_off_payments` exist
/// for the client only).
#[derive(Debug, Default)]
pub struct PersonValues<'a> {
    pub age: Option<u32>,
    pub birth_date: Option<&'a str>,
    pub care: Option<&'a str>,
    pub months_in_care: Option<u32>,
    pub stay_start: Option<&'a str>,
    /// An earlier stay in an instelling: first and last day.
    pub previous_stay: (Option<&'a str>, Option<&'a str>),
    pub mpt_max_20_hours: bool,
    pub income: Option<&'a str>,
    pub assets: Option<&'a str>,
    pub tax: Option<&'a str>,
    pub work_income: Option<&'a str>,
    pub one_off_payments: Option<&'a str>,
}

impl PersonValues<'_> {
    fn is_given(&self) -> bool {
        self.age.is_some()
            || self.birth_date.is_some()
            || self.care.is_some()
            || self.months_in_care.is_some()
            || self.stay_start.is_some()
            || self.previous_stay.0.is_some()
            || self.previous_stay.1.is_some()
            || self.mpt_max_20_hours
            || self.income.is_some()
            || self.assets.is_some()
            || self.tax.is_some()
            || self.work_income.is_some()
            || self.one_off_payments.is_some()
    }
}

/// Builds the input contract from typed values; errors name the flag or column (`naming`).
pub fn build_input(a: &Values, naming: Naming) -> Result<Input, InputError> {
    let client = PersonFlags {
        prefix: "",
        field: "client",
        naming,
        v: &a.client,
    };
    let partner = PersonFlags {
        prefix: "partner-",
        field: "partner",
        naming,
        v: &a.partner,
    };
    Ok(Input {
        version: CONTRACT_VERSION,
        year: a.year,
        date: date(a.date, &naming.of("date"), "date")?,
        client: client.person(false)?,
        partner: if a.partner.is_given() {
            Some(partner.person(true)?)
        } else {
            None
        },
        household: HouseholdFacts {
            children: a.children,
            return_home_expected: a.return_home_expected,
            wmo_maatwerkvoorziening: a.wmo_maatwerkvoorziening,
            zorgtoeslag: a.zorgtoeslag,
            cak_has_no_data: a.no_data,
            net_monthly_income: amount(
                a.net_monthly_income,
                &naming.of("net-monthly-income"),
                "household.net_monthly_income",
            )?,
        },
        days: a.days,
        readings: a.readings.clone(),
    })
}

/// The values of one person, with the prefix of their flag names.
struct PersonFlags<'v, 'a> {
    prefix: &'static str,
    field: &'static str,
    naming: Naming<'a>,
    v: &'v PersonValues<'a>,
}

impl PersonFlags<'_, '_> {
    fn flag(&self, name: &str) -> String {
        self.naming.of(&format!("{}{name}", self.prefix))
    }
    fn path(&self, name: &str) -> String {
        format!("{}.{name}", self.field)
    }
    fn amount(
        &self,
        v: Option<&str>,
        flag: &str,
        field: &str,
    ) -> Result<Option<Amount>, InputError> {
        amount(v, &self.flag(flag), &self.path(field))
    }
    fn date(&self, v: Option<&str>, flag: &str, field: &str) -> Result<Option<Date>, InputError> {
        date(v, &self.flag(flag), &self.path(field))
    }

    /// The earlier stay: both days, or neither.
    fn previous(&self) -> Result<Vec<PreviousPeriod>, InputError> {
        let (start, end) = self.v.previous_stay;
        let start = self.date(start, "previous-stay-start", "stay.previous")?;
        let end = self.date(end, "previous-stay-end", "stay.previous")?;
        match (start, end) {
            (None, None) => Ok(Vec::new()),
            (Some(start), Some(end)) => Ok(vec![PreviousPeriod {
                start,
                end,
                kind: PeriodKind::Instelling,
                heb_owed: None,
            }]),
            _ => {
                let (s, e) = (
                    self.flag("previous-stay-start"),
                    self.flag("previous-stay-end"),
                );
                Err(InputError::new(
                    ErrorCode::InconsistentCareDates,
                    Some(&self.path("stay.previous")),
                    Text::owned(
                        format!("Vul bij het eerdere verblijf de eerste en de laatste dag in ({s} en {e})."),
                        format!("Give the first and the last day of the earlier stay ({s} and {e})."),
                    ),
                ))
            }
        }
    }

    fn stay(&self) -> Result<Option<Stay>, InputError> {
        let v = self.v;
        let previous = self.previous()?;
        if v.months_in_care.is_none() && v.stay_start.is_none() && previous.is_empty() {
            return Ok(None);
        }
        Ok(Some(Stay {
            months_completed: v.months_in_care,
            start: self.date(v.stay_start, "stay-start", "stay.start")?,
            previous,
            ..Stay::default()
        }))
    }

    fn person(&self, partner: bool) -> Result<Person, InputError> {
        let v = self.v;
        Ok(Person {
            age: v.age,
            birth_date: self.date(v.birth_date, "birth-date", "birth_date")?,
            care: match v.care {
                Some(list) => care_forms(list, self, partner)?,
                None => CareForms::default(),
            },
            mpt_max_20_hours: v.mpt_max_20_hours,
            stay: self.stay()?,
            income: self.amount(v.income, "income", "income")?,
            assets: self.amount(v.assets, "assets", "assets")?,
            one_off_payments: self.amount(
                v.one_off_payments,
                "one-off-payments",
                "one_off_payments",
            )?,
            tax: self.amount(v.tax, "tax", "tax")?,
            work_income: self.amount(v.work_income, "work-income", "work_income")?,
            ..Person::default()
        })
    }
}

/// A typed amount (Dutch or English notation, [`crate::money::parse_amount`]).
fn amount(v: Option<&str>, flag: &str, field: &str) -> Result<Option<Amount>, InputError> {
    let Some(s) = v else { return Ok(None) };
    Amount::parse(s).map(Some).map_err(|e| {
        let code = match e {
            AmountError::OutOfRange => ErrorCode::AmountOutOfRange,
            AmountError::Empty | AmountError::Invalid | AmountError::TooManyDecimals => {
                ErrorCode::InvalidAmount
            }
        };
        InputError::new(
            code,
            Some(field),
            Text::owned(
                format!("Ongeldig bedrag bij {flag}: {}", e.message(Lang::Nl)),
                format!("Invalid amount for {flag}: {}", e.message(Lang::En)),
            ),
        )
    })
}

fn date(v: Option<&str>, flag: &str, field: &str) -> Result<Option<Date>, InputError> {
    let Some(s) = v else { return Ok(None) };
    Date::parse(s).map(Some).ok_or_else(|| {
        InputError::new(
            ErrorCode::InvalidDate,
            Some(field),
            Text::owned(
                format!("Ongeldige datum bij {flag}: `{s}`. Schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01."),
                format!("Invalid date for {flag}: `{s}`. Write YYYY-MM-DD, for example 2026-03-01."),
            ),
        )
    })
}

/// `pgb,mpt` → the care forms. The partner also has none, living-along, beschermd-wonen.
fn care_forms(list: &str, p: &PersonFlags, partner: bool) -> Result<CareForms, InputError> {
    let (flag, partner_care) = (p.flag("care"), p.naming.of("partner-care"));
    let choices = if partner {
        "instelling, vpt, mpt, pgb, dtv, none, living-along, beschermd-wonen"
    } else {
        "instelling, vpt, mpt, pgb, dtv"
    };
    let mut forms = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (nl, en) = match CareForm::from_str(name) {
            Ok(f) if partner || !matches!(f, CareForm::LivingAlong | CareForm::BeschermdWonen) => {
                forms.push(f);
                continue;
            }
            Ok(_) => (
                format!("`{name}` bij {flag} kan alleen voor de partner ({partner_care}). Kies uit: {choices}."),
                format!("`{name}` for {flag} applies only to the partner ({partner_care}). Choose from: {choices}."),
            ),
            Err(_) => (
                format!("Onbekende zorgvorm `{name}` bij {flag}. Kies uit: {choices}."),
                format!("Unknown care form `{name}` for {flag}. Choose from: {choices}."),
            ),
        };
        return Err(InputError::new(
            ErrorCode::InvalidCare,
            Some(&p.path("care")),
            Text::owned(nl, en),
        ));
    }
    Ok(CareForms(forms))
}
