//! The planner's own questions ("De komende jaren") as the user typed them, and their
//! translation, together with the household of the calculator, into the core's
//! [`PlanInput`]. The law lives in the core ([`wlz_core::planner`]): this module only reads
//! text into the contract and ties every message (the page's and the core's) to its field.

use crate::form::Field;
use wlz_core::planner::{
    AowChoice, AowOption, Gift, Home, HomeStatus, Money, Owner, PlanInput, DEFAULT_YEARS,
};
use wlz_core::{parse_amount, Amount, Date, Input, Text};

/// One planner question. Gift rows are numbered from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    Admission,
    Savings,
    PartnerSavings,
    /// The tax on the income, when the calculator did not ask it (the plan may need it later).
    Tax,
    PartnerTax,
    Woz,
    Mortgage,
    Owner,
    Status,
    LetFrom,
    Rent,
    Sold,
    Proceeds,
    Aow,
    AowChange,
    GiftDate(usize),
    GiftAmount(usize),
}

impl PlanField {
    /// The DOM id.
    pub fn key(self) -> String {
        let k = match self {
            PlanField::Admission => "admission",
            PlanField::Savings => "savings",
            PlanField::PartnerSavings => "partner-savings",
            PlanField::Tax => "tax",
            PlanField::PartnerTax => "partner-tax",
            PlanField::Woz => "woz",
            PlanField::Mortgage => "mortgage",
            PlanField::Owner => "owner",
            PlanField::Status => "home-status",
            PlanField::LetFrom => "let-from",
            PlanField::Rent => "rent",
            PlanField::Sold => "sold",
            PlanField::Proceeds => "proceeds",
            PlanField::Aow => "aow",
            PlanField::AowChange => "aow-change",
            PlanField::GiftDate(i) => return format!("plan-gift-date-{i}"),
            PlanField::GiftAmount(i) => return format!("plan-gift-amount-{i}"),
        };
        format!("plan-{k}")
    }

    /// The field of a core error path (`home.let_from`, `gifts[0].amount`).
    pub fn of_path(path: &str) -> Option<PlanField> {
        if let Some(rest) = path.strip_prefix("gifts[") {
            let (i, field) = rest.split_once(']')?;
            let i = i.parse().ok()?;
            return Some(if field == ".amount" {
                PlanField::GiftAmount(i)
            } else {
                PlanField::GiftDate(i)
            });
        }
        Some(match path {
            "admission" | "home.left" => PlanField::Admission,
            "money" | "money.savings" => PlanField::Savings,
            "partner_money" | "partner_money.savings" => PlanField::PartnerSavings,
            "home" | "home.woz" => PlanField::Woz,
            "home.mortgage" => PlanField::Mortgage,
            "home.owner" => PlanField::Owner,
            "home.status" | "home.tenancy" => PlanField::Status,
            "home.let_from" => PlanField::LetFrom,
            "home.rent" => PlanField::Rent,
            "home.sold" => PlanField::Sold,
            "home.proceeds" => PlanField::Proceeds,
            "aow" | "aow.option" => PlanField::Aow,
            "aow.change" => PlanField::AowChange,
            _ => return None,
        })
    }
}

/// Where a message belongs: a planner question, a question of the calculator, or the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Plan(PlanField),
    Calc(Field),
    Form,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanError {
    pub target: Target,
    pub message: Text,
}

impl PlanError {
    /// A core error, tied to the question its `field` path names.
    pub fn of_core(e: wlz_core::InputError) -> PlanError {
        let path = e.field.as_deref().unwrap_or("");
        let target = PlanField::of_path(path)
            .map(Target::Plan)
            .or_else(|| crate::outcome::field_of(path).map(Target::Calc))
            .unwrap_or(Target::Form);
        PlanError {
            target,
            message: e.message,
        }
    }
}

/// One gift row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GiftRow {
    pub date: String,
    pub amount: String,
}

/// The planner's questions of one scenario, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanForm {
    pub admission: String,
    pub savings: String,
    pub partner_savings: String,
    /// Used when the calculator did not ask the tax (see [`PlanForm::to_input`]).
    pub tax: String,
    pub partner_tax: String,
    /// Empty: no own home.
    pub woz: String,
    pub mortgage: String,
    /// `client`, `partner`, `joint`.
    pub owner: String,
    /// `for-sale`, `empty`, `let`, `partner`.
    pub status: String,
    pub let_from: String,
    pub rent: String,
    pub sold: String,
    pub proceeds: String,
    /// `married` or `gescheiden`.
    pub aow: String,
    pub aow_change: String,
    pub gifts: Vec<GiftRow>,
    /// The savings were taken over from the calculator's assets (the page says so).
    pub savings_from_calc: bool,
    pub partner_savings_from_calc: bool,
}

impl Default for PlanForm {
    fn default() -> Self {
        PlanForm {
            admission: String::new(),
            savings: String::new(),
            partner_savings: String::new(),
            tax: String::new(),
            partner_tax: String::new(),
            woz: String::new(),
            mortgage: String::new(),
            owner: "client".into(),
            status: "for-sale".into(),
            let_from: String::new(),
            rent: String::new(),
            sold: String::new(),
            proceeds: String::new(),
            aow: "married".into(),
            aow_change: String::new(),
            gifts: vec![GiftRow::default()],
            savings_from_calc: false,
            partner_savings_from_calc: false,
        }
    }
}

fn amount(text: &str, f: PlanField, errors: &mut Vec<PlanError>) -> Option<Amount> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match parse_amount(t) {
        Ok(v) if v >= rust_decimal::Decimal::ZERO => Some(Amount(v)),
        _ => {
            errors.push(PlanError {
                target: Target::Plan(f),
                message: Text::fixed(
                    "Vul een bedrag in euro in, zoals 40.000 of 1.250,50.",
                    "Enter an amount in euros, like 40,000 or 1,250.50.",
                ),
            });
            None
        }
    }
}

fn date(text: &str, f: PlanField, errors: &mut Vec<PlanError>) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let d = Date::parse(t);
    if d.is_none() {
        errors.push(PlanError {
            target: Target::Plan(f),
            message: Text::fixed(
                "Vul een datum in, zoals 2026-02-01.",
                "Enter a date, like 2026-02-01.",
            ),
        });
    }
    d
}

impl PlanForm {
    pub fn text(&self, f: PlanField) -> String {
        match f {
            PlanField::Admission => self.admission.clone(),
            PlanField::Savings => self.savings.clone(),
            PlanField::PartnerSavings => self.partner_savings.clone(),
            PlanField::Tax => self.tax.clone(),
            PlanField::PartnerTax => self.partner_tax.clone(),
            PlanField::Woz => self.woz.clone(),
            PlanField::Mortgage => self.mortgage.clone(),
            PlanField::Owner => self.owner.clone(),
            PlanField::Status => self.status.clone(),
            PlanField::LetFrom => self.let_from.clone(),
            PlanField::Rent => self.rent.clone(),
            PlanField::Sold => self.sold.clone(),
            PlanField::Proceeds => self.proceeds.clone(),
            PlanField::Aow => self.aow.clone(),
            PlanField::AowChange => self.aow_change.clone(),
            PlanField::GiftDate(i) => self
                .gifts
                .get(i)
                .map(|g| g.date.clone())
                .unwrap_or_default(),
            PlanField::GiftAmount(i) => self
                .gifts
                .get(i)
                .map(|g| g.amount.clone())
                .unwrap_or_default(),
        }
    }

    pub fn set(&mut self, f: PlanField, v: String) {
        let slot = match f {
            PlanField::Admission => &mut self.admission,
            PlanField::Savings => {
                self.savings_from_calc = false;
                &mut self.savings
            }
            PlanField::PartnerSavings => {
                self.partner_savings_from_calc = false;
                &mut self.partner_savings
            }
            PlanField::Tax => &mut self.tax,
            PlanField::PartnerTax => &mut self.partner_tax,
            PlanField::Woz => &mut self.woz,
            PlanField::Mortgage => &mut self.mortgage,
            PlanField::Owner => &mut self.owner,
            PlanField::Status => &mut self.status,
            PlanField::LetFrom => &mut self.let_from,
            PlanField::Rent => &mut self.rent,
            PlanField::Sold => &mut self.sold,
            PlanField::Proceeds => &mut self.proceeds,
            PlanField::Aow => &mut self.aow,
            PlanField::AowChange => &mut self.aow_change,
            PlanField::GiftDate(i) | PlanField::GiftAmount(i) => {
                if self.gifts.len() <= i {
                    self.gifts.resize(i + 1, GiftRow::default());
                }
                let g = &mut self.gifts[i];
                if matches!(f, PlanField::GiftDate(_)) {
                    &mut g.date
                } else {
                    &mut g.amount
                }
            }
        };
        *slot = v;
    }

    /// Fills what the calculator already knows and the user did not type here: the savings
    /// (from the assets) and the admission date (from the stay's first day).
    pub fn take_from(&mut self, calc: &crate::form::FormData) {
        if self.savings.trim().is_empty() && !calc.assets.trim().is_empty() {
            self.savings = calc.assets.clone();
            self.savings_from_calc = true;
        }
        if calc.partner
            && self.partner_savings.trim().is_empty()
            && !calc.partner_assets.trim().is_empty()
        {
            self.partner_savings = calc.partner_assets.clone();
            self.partner_savings_from_calc = true;
        }
        if self.tax.trim().is_empty() {
            self.tax = calc.tax.clone();
        }
        if self.partner_tax.trim().is_empty() {
            self.partner_tax = calc.partner_tax.clone();
        }
        if self.admission.trim().is_empty() && !calc.stay_start.trim().is_empty() {
            self.admission = calc.stay_start.clone();
        }
    }

    fn home(&self, errors: &mut Vec<PlanError>) -> Option<Home> {
        let woz = amount(&self.woz, PlanField::Woz, errors)?;
        let owner = match self.owner.as_str() {
            "partner" => Owner::Partner,
            "joint" => Owner::Joint,
            _ => Owner::Client,
        };
        let status = match self.status.as_str() {
            "empty" => HomeStatus::Empty,
            "let" => HomeStatus::Let,
            "partner" => HomeStatus::Partner,
            _ => HomeStatus::ForSale,
        };
        let letting = status == HomeStatus::Let;
        let selling = matches!(status, HomeStatus::ForSale | HomeStatus::Empty);
        Some(Home {
            woz,
            mortgage: amount(&self.mortgage, PlanField::Mortgage, errors),
            owner,
            status,
            let_from: letting
                .then(|| date(&self.let_from, PlanField::LetFrom, errors))
                .flatten(),
            rent: letting
                .then(|| amount(&self.rent, PlanField::Rent, errors))
                .flatten(),
            sold: selling
                .then(|| date(&self.sold, PlanField::Sold, errors))
                .flatten(),
            proceeds: selling
                .then(|| amount(&self.proceeds, PlanField::Proceeds, errors))
                .flatten(),
            ..Home::default()
        })
    }

    fn gifts(&self, errors: &mut Vec<PlanError>) -> Vec<Gift> {
        let mut out = Vec::new();
        for (i, g) in self.gifts.iter().enumerate() {
            let (d, a) = (g.date.trim(), g.amount.trim());
            if d.is_empty() && a.is_empty() {
                continue;
            }
            let missing = |f| PlanError {
                target: Target::Plan(f),
                message: Text::fixed(
                    "Vul bij een schenking de datum en het bedrag in.",
                    "For a gift, enter the date and the amount.",
                ),
            };
            if d.is_empty() {
                errors.push(missing(PlanField::GiftDate(i)));
            }
            if a.is_empty() {
                errors.push(missing(PlanField::GiftAmount(i)));
            }
            let date = date(d, PlanField::GiftDate(i), errors);
            let amount = amount(a, PlanField::GiftAmount(i), errors);
            if let (Some(date), Some(amount)) = (date, amount) {
                out.push(Gift {
                    date,
                    amount,
                    donor: Default::default(),
                    on_paper: false,
                    deed_and_interest: false,
                });
            }
        }
        out
    }

    /// The core's input: the calculator's household (`calc`, for contribution year `from`)
    /// with this scenario's questions, or every problem with the questions, each on its field.
    /// `own_tax`: the calculator did not ask the tax of the client and of the partner (the
    /// regime of this year does not need it): this form's tax is used instead.
    pub fn to_input(&self, calc: &Input, own_tax: [bool; 2]) -> Result<PlanInput, Vec<PlanError>> {
        let mut errors = Vec::new();
        let tax = [
            own_tax[0]
                .then(|| amount(&self.tax, PlanField::Tax, &mut errors))
                .flatten(),
            own_tax[1]
                .then(|| amount(&self.partner_tax, PlanField::PartnerTax, &mut errors))
                .flatten(),
        ];
        let admission = date(&self.admission, PlanField::Admission, &mut errors);
        let savings = amount(&self.savings, PlanField::Savings, &mut errors);
        let partner_savings = amount(
            &self.partner_savings,
            PlanField::PartnerSavings,
            &mut errors,
        );
        let mut home = self.home(&mut errors);
        if calc.partner.is_none() {
            // The owner question is asked of a couple only.
            if let Some(h) = &mut home {
                h.owner = Owner::Client;
            }
        }
        let gifts = self.gifts(&mut errors);
        let gescheiden = calc.partner.is_some() && self.aow == "gescheiden";
        let change = if gescheiden {
            date(&self.aow_change, PlanField::AowChange, &mut errors)
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut client = calc.client.clone();
        client.assets = None;
        if own_tax[0] {
            client.tax = tax[0];
        }
        let partner = calc.partner.clone().map(|mut p| {
            p.assets = None;
            if own_tax[1] {
                p.tax = tax[1];
            }
            p
        });
        let with_partner = partner.is_some();
        Ok(PlanInput {
            version: wlz_core::CONTRACT_VERSION,
            from: calc.year,
            years: Some(DEFAULT_YEARS),
            client,
            partner,
            household: calc.household.clone(),
            readings: calc.readings.clone(),
            admission,
            money: Money {
                savings,
                ..Money::default()
            },
            partner_money: Money {
                savings: partner_savings.filter(|_| with_partner),
                ..Money::default()
            },
            home,
            gifts,
            aow: AowChoice {
                option: if gescheiden {
                    AowOption::Gescheiden
                } else {
                    AowOption::Married
                },
                change,
                split_toeslag: false,
            },
            ..PlanInput::default()
        })
    }
}

/// What the planner view shows for its questions: the plan of scenario A, the comparison when
/// there is a scenario B, or the problems of each scenario.
#[derive(Clone, Debug, Default)]
pub struct PlanOutcome {
    pub errors_a: Vec<PlanError>,
    pub errors_b: Vec<PlanError>,
    pub plan: Option<wlz_core::planner::Plan>,
    pub comparison: Option<wlz_core::planner::PlanComparison>,
}

impl PlanOutcome {
    /// The plan of the scenario shown (B when `b`).
    pub fn shown(&self, b: bool) -> Option<&wlz_core::planner::Plan> {
        match (&self.comparison, b) {
            (Some(c), true) => Some(&c.b),
            (Some(c), false) => Some(&c.a),
            (None, _) => self.plan.as_ref(),
        }
    }
}

/// Plans scenario A (and compares it with B) for the calculator's household; `calc` is `None`
/// while the calculator's questions are not complete.
pub fn compute_plan(
    calc: Option<&Input>,
    own_tax: [bool; 2],
    a: &PlanForm,
    b: Option<&PlanForm>,
) -> PlanOutcome {
    let mut out = PlanOutcome::default();
    let Some(calc) = calc else {
        out.errors_a.push(PlanError {
            target: Target::Form,
            message: Text::fixed(
                "Vul eerst de vragen van de berekening in.",
                "First answer the questions of the calculator.",
            ),
        });
        return out;
    };
    let one = |f: &PlanForm, errors: &mut Vec<PlanError>| match f.to_input(calc, own_tax) {
        Ok(i) => Some(i),
        Err(e) => {
            *errors = e;
            None
        }
    };
    let ia = one(a, &mut out.errors_a);
    let ib = b.and_then(|b| one(b, &mut out.errors_b));
    match (ia, ib) {
        (Some(ia), Some(ib)) => match wlz_core::planner::compare(&ia, &ib) {
            Ok(c) => out.comparison = Some(c),
            // Tie the core's message to the scenario it is about.
            Err(e) => match wlz_core::planner::plan(&ia) {
                Err(ea) => out.errors_a.push(PlanError::of_core(ea)),
                Ok(_) => out.errors_b.push(PlanError::of_core(e)),
            },
        },
        (Some(ia), None) => match wlz_core::planner::plan(&ia) {
            Ok(p) => out.plan = Some(p),
            Err(e) => out.errors_a.push(PlanError::of_core(e)),
        },
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormData;

    fn calc(query: &str) -> Input {
        FormData::from_query(query, FormData::default())
            .0
            .to_input()
            .expect("a complete household")
    }

    #[test]
    fn w1_entered_on_the_page_gives_the_spec_totals() {
        let c = calc("year=2026&care=instelling&age=75&income=24000&tax=500");
        let mut p = PlanForm::default();
        p.set(PlanField::Admission, "2026-02-01".into());
        p.set(PlanField::Savings, "40.000".into());
        p.set(PlanField::Woz, "350000".into());
        let plan = wlz_core::planner::plan(&p.to_input(&c, [false, false]).expect("valid"))
            .expect("a plan");
        let totals: Vec<String> = plan.years.iter().map(|y| y.total.to_string()).collect();
        assert_eq!(totals[0], "9326.00");
        assert_eq!(totals[6], "35138.88");
        assert_eq!(plan.cumulative.to_string(), "115512.20");
    }

    #[test]
    fn w4_couple_married_and_gescheiden() {
        let c = calc(
            "year=2026&care=instelling&age=77&income=22000&partner=1&partner-age=75\
             &partner-care=none&partner-income=15000",
        );
        let mut p = PlanForm::default();
        for (f, v) in [
            (PlanField::Tax, "300"),
            (PlanField::PartnerTax, "0"),
            (PlanField::Admission, "2026-02-01"),
            (PlanField::Savings, "30000"),
            (PlanField::PartnerSavings, "30000"),
            (PlanField::Woz, "300000"),
            (PlanField::Status, "partner"),
            (PlanField::Owner, "joint"),
        ] {
            p.set(f, v.into());
        }
        let plan =
            wlz_core::planner::plan(&p.to_input(&c, [true, true]).expect("valid")).expect("a plan");
        assert_eq!(plan.cumulative.to_string(), "25591.39");
        let aow = plan.aow.expect("the AOW comparison");
        assert_eq!(aow.options[0].years[0].net_month.to_string(), "1990.84");
        assert_eq!(aow.options[3].years[0].net_month.to_string(), "2279.92");
        p.set(PlanField::Aow, "gescheiden".into());
        p.set(PlanField::AowChange, "2026-06-01".into());
        let b =
            wlz_core::planner::plan(&p.to_input(&c, [true, true]).expect("valid")).expect("a plan");
        assert_eq!(b.cumulative.to_string(), "102705.77");
    }

    #[test]
    fn core_paths_map_to_their_fields() {
        assert_eq!(
            PlanField::of_path("home.let_from"),
            Some(PlanField::LetFrom)
        );
        assert_eq!(
            PlanField::of_path("gifts[2].amount"),
            Some(PlanField::GiftAmount(2))
        );
        assert_eq!(PlanField::of_path("aow.change"), Some(PlanField::AowChange));
        let e = wlz_core::InputError::new(
            wlz_core::ErrorCode::InvalidAmount,
            Some("client.income"),
            Text::fixed("x", "x"),
        );
        assert_eq!(PlanError::of_core(e).target, Target::Calc(Field::Income));
    }

    #[test]
    fn bad_text_gets_a_message_on_its_own_field() {
        let c = calc("year=2026&care=instelling&age=75&income=24000&tax=500");
        let mut p = PlanForm::default();
        p.set(PlanField::Savings, "veel".into());
        p.set(PlanField::GiftAmount(0), "100".into());
        let errs = p.to_input(&c, [false, false]).expect_err("errors");
        let targets: Vec<Target> = errs.iter().map(|e| e.target).collect();
        assert_eq!(
            targets,
            vec![
                Target::Plan(PlanField::Savings),
                Target::Plan(PlanField::GiftDate(0))
            ]
        );
    }
}
