//! "Klopt mijn brief?": what the user typed from a CAK letter, read into the core's
//! [`CheckInput`] with the calculator's household, and the user's own details for the letters.
//! The law lives in the core ([`wlz_core::letters`]): this module reads text and ties every
//! message (the page's and the core's `letter.*` paths) to its field.

use crate::plan_form::Target;
use wlz_core::letters::check::CheckInput;
use wlz_core::letters::letter::{Letter, LetterHousehold, LetterKind, LetterRegime, LetterShare};
use wlz_core::letters::templates::{Change, LetterData};
use wlz_core::{parse_amount, Amount, Date, Input, Text};

/// One question of the view: the letter's figures, then the user's details for the letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LField {
    Kind,
    Date,
    From,
    To,
    Monthly,
    Regime,
    Bi,
    Peiljaar,
    Household,
    Share,
    Income,
    PartnerIncome,
    Assets,
    Kenmerk,
    CareStart,
    Naam,
    Adres,
    Postcode,
    Woonplaats,
    Telefoon,
    Email,
    Klantnummer,
    NaamPartner,
    Wijziging,
    DatumWijziging,
    DatumOntvangst,
    Bedrag,
    SoortUitkering,
}

pub const COUNT: usize = LField::SoortUitkering as usize + 1;

impl LField {
    /// The DOM id.
    pub fn key(self) -> String {
        const NAMES: [&str; COUNT] = [
            "kind",
            "date",
            "from",
            "to",
            "monthly",
            "regime",
            "bi",
            "peiljaar",
            "household",
            "share",
            "income",
            "partner-income",
            "assets",
            "kenmerk",
            "care-start",
            "naam",
            "adres",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "klantnummer",
            "naam-partner",
            "wijziging",
            "datum-wijziging",
            "datum-ontvangst",
            "bedrag",
            "soort-uitkering",
        ];
        format!("letter-{}", NAMES[self as usize])
    }

    /// The field of a core error path (`letter.monthly`, `care_start`).
    pub fn of_path(path: &str) -> Option<LField> {
        Some(match path.strip_prefix("letter.").unwrap_or(path) {
            "kind" => LField::Kind,
            "date" => LField::Date,
            "from" | "year" => LField::From,
            "to" => LField::To,
            "monthly" => LField::Monthly,
            "regime" => LField::Regime,
            "bi" => LField::Bi,
            "peiljaar" => LField::Peiljaar,
            "household" => LField::Household,
            "share" => LField::Share,
            "income" => LField::Income,
            "partner_income" => LField::PartnerIncome,
            "assets" => LField::Assets,
            "kenmerk" => LField::Kenmerk,
            "care_start" => LField::CareStart,
            _ => return None,
        })
    }
}

/// A message tied to the question it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterError {
    /// `None`: about the letter as a whole.
    pub field: Option<LField>,
    /// A question of the calculator, when the core's path names one.
    pub calc: Option<Target>,
    pub message: Text,
}

impl LetterError {
    pub fn of_core(e: wlz_core::InputError) -> LetterError {
        let path = e.field.as_deref().unwrap_or("");
        let field = LField::of_path(path);
        let calc = if field.is_none() {
            crate::outcome::field_of(path.strip_prefix("household.").unwrap_or(path))
                .map(Target::Calc)
        } else {
            None
        };
        LetterError {
            field,
            calc,
            message: e.message,
        }
    }
}

/// The view's questions, as typed (indexed by [`LField`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterForm {
    pub v: [String; COUNT],
}

impl Default for LetterForm {
    fn default() -> Self {
        let mut f = LetterForm {
            v: Default::default(),
        };
        f.set(LField::Kind, "beschikking".into());
        f.set(LField::Regime, "unknown".into());
        f
    }
}

fn err(f: LField, nl: &'static str, en: &'static str) -> LetterError {
    LetterError {
        field: Some(f),
        calc: None,
        message: Text::fixed(nl, en),
    }
}

impl LetterForm {
    pub fn text(&self, f: LField) -> &str {
        &self.v[f as usize]
    }

    pub fn set(&mut self, f: LField, v: String) {
        self.v[f as usize] = v;
    }

    fn opt(&self, f: LField) -> Option<String> {
        let t = self.text(f).trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    fn amount(&self, f: LField, errors: &mut Vec<LetterError>) -> Option<Amount> {
        let t = self.opt(f)?;
        let t = t.trim_start_matches('€').trim();
        match parse_amount(t) {
            Ok(v) if v >= rust_decimal::Decimal::ZERO => Some(Amount(v)),
            _ => {
                errors.push(err(
                    f,
                    "Vul een bedrag in euro in, zoals 416,67 of 1.250,50.",
                    "Enter an amount in euros, like 416.67 or 1,250.50.",
                ));
                None
            }
        }
    }

    fn date(&self, f: LField, errors: &mut Vec<LetterError>) -> Option<Date> {
        let t = self.opt(f)?;
        let d = Date::parse(&t);
        if d.is_none() {
            errors.push(err(
                f,
                "Vul een datum in, zoals 2026-01-15.",
                "Enter a date, like 2026-01-15.",
            ));
        }
        d
    }

    fn year(&self, f: LField, errors: &mut Vec<LetterError>) -> Option<i32> {
        let t = self.opt(f)?;
        match t.parse::<i32>() {
            Ok(y) if (1900..=2100).contains(&y) => Some(y),
            _ => {
                errors.push(err(
                    f,
                    "Vul een jaar in, zoals 2024.",
                    "Enter a year, like 2024.",
                ));
                None
            }
        }
    }

    fn required<T>(&self, v: Option<T>, f: LField, errors: &mut Vec<LetterError>) -> Option<T> {
        if v.is_none() && self.opt(f).is_none() {
            errors.push(err(
                f,
                "Vul dit in. Het staat op de brief.",
                "Fill this in. It is on the letter.",
            ));
        }
        v
    }

    /// The core's request: the calculator's household (`calc`) with this letter, or every
    /// problem with the questions, each on its field.
    pub fn to_check(&self, calc: &Input) -> Result<CheckInput, Vec<LetterError>> {
        let mut e = Vec::new();
        let date = self.date(LField::Date, &mut e);
        let date = self.required(date, LField::Date, &mut e);
        let from = self.date(LField::From, &mut e);
        let from = self.required(from, LField::From, &mut e);
        let to = self.date(LField::To, &mut e);
        let monthly = self.amount(LField::Monthly, &mut e);
        let monthly = self.required(monthly, LField::Monthly, &mut e);
        let bi = self.amount(LField::Bi, &mut e);
        let peiljaar = self.year(LField::Peiljaar, &mut e);
        let income = self.amount(LField::Income, &mut e);
        let partner_income = self.amount(LField::PartnerIncome, &mut e);
        let assets = self.amount(LField::Assets, &mut e);
        let care_start = self.date(LField::CareStart, &mut e);
        let (Some(date), Some(from), Some(monthly), true) = (date, from, monthly, e.is_empty())
        else {
            return Err(e);
        };
        let kind = match self.text(LField::Kind) {
            "factuur" => LetterKind::Factuur,
            "herziening" => LetterKind::Herziening,
            "unknown" => LetterKind::Unknown,
            _ => LetterKind::Beschikking,
        };
        let regime = match self.text(LField::Regime) {
            "lage" => LetterRegime::Lage,
            "hoge" => LetterRegime::Hoge,
            _ => LetterRegime::Unknown,
        };
        let household = match self.text(LField::Household) {
            "single" => Some(LetterHousehold::Single),
            "couple" => Some(LetterHousehold::Couple),
            _ => None,
        };
        let share = match self.text(LField::Share) {
            "joint" => Some(LetterShare::Joint),
            "own" => Some(LetterShare::Own),
            _ => None,
        };
        Ok(CheckInput {
            household: calc.clone(),
            letter: Letter {
                kind,
                date,
                year: None,
                from,
                to,
                monthly,
                regime,
                peiljaar,
                bi,
                household,
                share,
                income,
                partner_income,
                assets,
                care_form: None,
                care_start: None,
                kenmerk: self.opt(LField::Kenmerk),
            },
            care_start,
            income_by_year: Default::default(),
            tax_by_year: Default::default(),
        })
    }

    /// The letters' data: the core's prefill with the user's own details. Nothing here leaves
    /// the browser; the BSN line of the letters stays empty.
    pub fn letter_data(&self, mut d: LetterData, today: Option<Date>) -> LetterData {
        let mut ignore = Vec::new();
        d.naam = self.opt(LField::Naam);
        d.straat_huisnummer = self.opt(LField::Adres);
        d.postcode = self.opt(LField::Postcode);
        d.woonplaats = self.opt(LField::Woonplaats);
        d.telefoon = self.opt(LField::Telefoon);
        d.email = self.opt(LField::Email);
        d.klantnummer = self.opt(LField::Klantnummer);
        d.naam_partner = self.opt(LField::NaamPartner);
        d.wijziging = match self.text(LField::Wijziging) {
            "died" => Some(Change::Died),
            "divorced" => Some(Change::Divorced),
            "apart" => Some(Change::LivingApart),
            "married" => Some(Change::Married),
            _ => None,
        };
        d.datum_wijziging = self.date(LField::DatumWijziging, &mut ignore);
        // The bezwaar's reason blocks name the same date (the partner died, living apart).
        d.datum = d.datum.or(d.datum_wijziging);
        d.datum_ontvangst = self.date(LField::DatumOntvangst, &mut ignore);
        d.bedrag = self.amount(LField::Bedrag, &mut ignore);
        d.soort_uitkering = self.opt(LField::SoortUitkering);
        if d.jaar_vermogen.is_none() {
            d.jaar_vermogen = d.peiljaar;
        }
        d.datum_vandaag = today;
        d
    }
}

/// What the view shows after "Controleer": the report, or the problems.
#[derive(Clone, Debug, Default)]
pub struct LetterOutcome {
    pub errors: Vec<LetterError>,
    pub request: Option<CheckInput>,
    pub report: Option<wlz_core::letters::check::Report>,
}

/// Checks the letter against the calculator's household (`None`: the calculator's questions
/// are not complete).
pub fn compute_check(calc: Option<&Input>, form: &LetterForm) -> LetterOutcome {
    let mut out = LetterOutcome::default();
    let Some(calc) = calc else {
        out.errors.push(LetterError {
            field: None,
            calc: Some(Target::Form),
            message: Text::fixed(
                "Vul eerst de vragen van de berekening in.",
                "First answer the questions of the calculator.",
            ),
        });
        return out;
    };
    match form.to_check(calc) {
        Err(e) => out.errors = e,
        Ok(req) => match wlz_core::letters::check::check(&req) {
            Ok(r) => {
                out.report = Some(r);
                out.request = Some(req);
            }
            Err(e) => out.errors.push(LetterError::of_core(e)),
        },
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormData;
    use wlz_core::letters::check::Verdict;
    use wlz_core::letters::templates::{render, Template};

    fn calc(query: &str) -> Input {
        FormData::from_query(query, FormData::default())
            .0
            .to_input()
            .expect("a complete household")
    }

    fn form(pairs: &[(LField, &str)]) -> LetterForm {
        let mut f = LetterForm::default();
        for (k, v) in pairs {
            f.set(*k, v.to_string());
        }
        f
    }

    #[test]
    fn e2_typed_in_gives_v2_and_a_filled_bezwaar() {
        let c = calc("year=2026&care=vpt&age=75&income=22000&assets=30000");
        let f = form(&[
            (LField::Date, "2026-01-15"),
            (LField::From, "2026-01-01"),
            (LField::Monthly, "416,67"),
            (LField::Regime, "lage"),
            (LField::Bi, "50.000"),
            (LField::Household, "couple"),
            (LField::PartnerIncome, "28000"),
        ]);
        let out = compute_check(Some(&c), &f);
        let r = out.report.expect("a report");
        assert_eq!(r.verdict, Verdict::V2);
        assert_eq!(r.expected_monthly.to_string(), "212.60");
        assert_eq!(r.difference.to_string(), "204.07");
        let data = wlz_core::letters::prefill::prefill(&out.request.unwrap(), &r);
        let empty = render(Template::Bezwaar, &f.letter_data(data.clone(), None));
        let mut g = f.clone();
        g.set(LField::Naam, "J. Jansen".into());
        let named = render(Template::Bezwaar, &g.letter_data(data, None));
        assert!(named.text.contains("€ 416,67") && named.text.contains("€ 212,60"));
        assert!(!named.text.contains('{'));
        assert!(named.missing.len() < empty.missing.len());
    }

    #[test]
    fn bad_and_missing_fields_get_their_own_message() {
        let c = calc("year=2026&care=vpt&age=75&income=22000");
        let f = form(&[(LField::Date, "gisteren"), (LField::Monthly, "veel")]);
        let errs = f.to_check(&c).expect_err("errors");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Some(LField::Date),
                Some(LField::From),
                Some(LField::Monthly)
            ]
        );
        assert_eq!(
            LField::of_path("letter.partner_income"),
            Some(LField::PartnerIncome)
        );
    }
}
