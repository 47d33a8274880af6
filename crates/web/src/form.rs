//! The form as the user typed it, and its translation into the engine's
//! input contract. Every field keeps the text as typed (so a half-typed
//! amount is never lost), and [`FormData::to_input`] turns the whole form
//! into a `wlz_core::Input` or a list of messages, one per field.
//!
//! Field keys are the CLI's flag names (`income`, `partner-care`,
//! `months-in-care`): the same names are DOM ids and query parameters, so a
//! link like `?year=2026&care=vpt&age=70&income=38000&assets=100000` fills
//! the form exactly as `wlz-bijdrage estimate --year 2026 --care vpt …`
//! would.

use wlz_core::questions::{self, Question};
use wlz_core::vocabulary::Key;
use wlz_core::{
    params, parse_amount, Amount, CareForm, CareForms, HouseholdFacts, Input, Lang, Person, Stay,
    Text, CONTRACT_VERSION, MAX_AGE,
};

/// The contribution year when nothing else says: the latest supported year.
/// The page starts from the browser's clock instead ([`FormData::at_clock`]).
pub fn default_year() -> i32 {
    let years = params::supported_years();
    *years.last().unwrap_or(&2026)
}

/// One question of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Year,
    Partner,
    Age,
    Care,
    MonthsInCare,
    /// The first day of the stay (instead of the months), `YYYY-MM-DD`.
    StayStart,
    /// An earlier stay in an instelling, first and last day (the 60-day and 4-month rules).
    PreviousStayStart,
    PreviousStayEnd,
    MptMax20Hours,
    Income,
    Assets,
    Tax,
    WorkIncome,
    OneOffPayments,
    PartnerAge,
    PartnerCare,
    PartnerMonthsInCare,
    PartnerStayStart,
    PartnerIncome,
    PartnerAssets,
    PartnerTax,
    PartnerWorkIncome,
    Children,
    ReturnHomeExpected,
    WmoMaatwerkvoorziening,
    Zorgtoeslag,
    /// The day the estimate is for (with a dated stay); empty: today, within the year.
    Date,
    /// Days of the month the contribution is due (a part month); from a link only.
    Days,
    /// What-if: the expected verzamelinkomen of the contribution year itself.
    NowIncome,
    NowPartnerIncome,
    NowBijstand,
}

/// A set of fields, one bit each (the page's sets are small; a `BTreeSet` costs page size).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldSet(u32);

const _: () = assert!(Field::ALL.len() <= 32, "a FieldSet holds 32 fields");

impl FieldSet {
    pub fn insert(&mut self, f: Field) {
        self.0 |= 1 << f as u32;
    }

    pub fn contains(&self, f: &Field) -> bool {
        self.0 & (1 << *f as u32) != 0
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(fields: I) -> FieldSet {
        let mut set = FieldSet::default();
        for f in fields {
            set.insert(f);
        }
        set
    }
}

impl Field {
    pub const ALL: [Field; 31] = [
        Field::Year,
        Field::Partner,
        Field::Age,
        Field::Care,
        Field::MonthsInCare,
        Field::StayStart,
        Field::PreviousStayStart,
        Field::PreviousStayEnd,
        Field::MptMax20Hours,
        Field::Income,
        Field::Assets,
        Field::Tax,
        Field::WorkIncome,
        Field::OneOffPayments,
        Field::PartnerAge,
        Field::PartnerCare,
        Field::PartnerMonthsInCare,
        Field::PartnerStayStart,
        Field::PartnerIncome,
        Field::PartnerAssets,
        Field::PartnerTax,
        Field::PartnerWorkIncome,
        Field::Children,
        Field::ReturnHomeExpected,
        Field::WmoMaatwerkvoorziening,
        Field::Zorgtoeslag,
        Field::Date,
        Field::Days,
        Field::NowIncome,
        Field::NowPartnerIncome,
        Field::NowBijstand,
    ];

    /// The input of the core's vocabulary behind this field (`None` for the partner question
    /// and the what-if questions, which are not household inputs).
    pub fn input(self) -> Option<Key> {
        Some(match self {
            Field::Year => Key::Year,
            Field::Age => Key::Age,
            Field::Care => Key::Care,
            Field::MonthsInCare => Key::MonthsInCare,
            Field::StayStart => Key::StayStart,
            Field::PreviousStayStart => Key::PreviousStayStart,
            Field::PreviousStayEnd => Key::PreviousStayEnd,
            Field::MptMax20Hours => Key::MptMax20Hours,
            Field::Income => Key::Income,
            Field::Assets => Key::Assets,
            Field::Tax => Key::Tax,
            Field::WorkIncome => Key::WorkIncome,
            Field::OneOffPayments => Key::OneOffPayments,
            Field::PartnerAge => Key::PartnerAge,
            Field::PartnerCare => Key::PartnerCare,
            Field::PartnerMonthsInCare => Key::PartnerMonthsInCare,
            Field::PartnerStayStart => Key::PartnerStayStart,
            Field::PartnerIncome => Key::PartnerIncome,
            Field::PartnerAssets => Key::PartnerAssets,
            Field::PartnerTax => Key::PartnerTax,
            Field::PartnerWorkIncome => Key::PartnerWorkIncome,
            Field::Children => Key::Children,
            Field::ReturnHomeExpected => Key::ReturnHomeExpected,
            Field::WmoMaatwerkvoorziening => Key::WmoMaatwerkvoorziening,
            Field::Zorgtoeslag => Key::Zorgtoeslag,
            Field::Date => Key::Date,
            Field::Days => Key::Days,
            Field::Partner | Field::NowIncome | Field::NowPartnerIncome | Field::NowBijstand => {
                return None
            }
        })
    }

    /// The DOM id and the query parameter: the core vocabulary's key (also the CLI flag and,
    /// with underscores, the batch column), or the page's own key for the partner and what-if
    /// questions.
    pub fn key(self) -> &'static str {
        if let Some(k) = self.input() {
            return k.key();
        }
        match self {
            Field::Partner => "partner",
            Field::NowIncome => "now-income",
            Field::NowPartnerIncome => "now-partner-income",
            _ => "now-bijstand",
        }
    }

    /// The field of a vocabulary input, if the page asks it.
    pub fn of_input(k: Key) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.input() == Some(k))
    }

    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace('_', "-");
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// A yes/no question (a checkbox).
    pub fn is_flag(self) -> bool {
        matches!(
            self,
            Field::Partner
                | Field::MptMax20Hours
                | Field::Children
                | Field::ReturnHomeExpected
                | Field::WmoMaatwerkvoorziening
                | Field::Zorgtoeslag
                | Field::NowBijstand
        )
    }

    /// A euro amount.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Field::Income
                | Field::Assets
                | Field::Tax
                | Field::WorkIncome
                | Field::OneOffPayments
                | Field::PartnerIncome
                | Field::PartnerAssets
                | Field::PartnerTax
                | Field::PartnerWorkIncome
                | Field::NowIncome
                | Field::NowPartnerIncome
        )
    }

    /// Part of the what-if question rather than the household: never in a link.
    pub fn is_what_if(self) -> bool {
        matches!(
            self,
            Field::NowIncome | Field::NowPartnerIncome | Field::NowBijstand
        )
    }

    /// The core's question behind this field; `None` for the what-if questions, which are not
    /// part of the household.
    pub fn question(self) -> Option<Question> {
        if self.is_what_if() {
            return None;
        }
        Question::from_key(self.key())
    }

    /// A partner's question (asking it adds a partner, as in the CLI).
    pub fn is_partner(self) -> bool {
        self.key().starts_with("partner-")
    }
}

/// The whole form, as typed. Remembered in localStorage as text
/// ([`FormData::to_storage`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormData {
    /// The contribution year shown: always a supported year (the select's choices).
    pub year: i32,
    /// A year that was asked for (a link, a remembered form, the browser's
    /// clock) but that the engine has no amounts for; `year` then holds the
    /// year the core offers instead and [`FormData::year_note`] says so.
    pub year_asked: Option<i32>,
    pub partner: bool,
    pub age: String,
    /// `instelling`, `vpt`, `mpt`, `pgb`, `dtv`, or empty (not chosen yet).
    pub care: String,
    /// `0`–`3` whole months of the stay completed; empty: 4 months or more
    /// (as the CLI without `--months-in-care`).
    pub months_in_care: String,
    pub mpt_max_20_hours: bool,
    pub income: String,
    pub assets: String,
    pub tax: String,
    pub work_income: String,
    pub one_off_payments: String,
    pub partner_age: String,
    /// `none` (at home, no Wlz care), a care form, `living-along` or `beschermd-wonen`.
    pub partner_care: String,
    pub partner_months_in_care: String,
    pub partner_income: String,
    pub partner_assets: String,
    pub partner_tax: String,
    pub partner_work_income: String,
    pub children: bool,
    pub return_home_expected: bool,
    pub wmo_maatwerkvoorziening: bool,
    pub zorgtoeslag: bool,
    pub now_income: String,
    pub now_partner_income: String,
    pub now_bijstand: bool,
    pub stay_start: String,
    pub previous_stay_start: String,
    pub previous_stay_end: String,
    pub partner_stay_start: String,
    pub date: String,
    pub days: String,
}

impl Default for FormData {
    fn default() -> Self {
        FormData {
            year: default_year(),
            year_asked: None,
            partner: false,
            age: String::new(),
            care: String::new(),
            months_in_care: String::new(),
            mpt_max_20_hours: false,
            income: String::new(),
            assets: String::new(),
            tax: String::new(),
            work_income: String::new(),
            one_off_payments: String::new(),
            partner_age: String::new(),
            partner_care: "none".into(),
            partner_months_in_care: String::new(),
            partner_income: String::new(),
            partner_assets: String::new(),
            partner_tax: String::new(),
            partner_work_income: String::new(),
            children: false,
            return_home_expected: false,
            wmo_maatwerkvoorziening: false,
            zorgtoeslag: false,
            now_income: String::new(),
            now_partner_income: String::new(),
            now_bijstand: false,
            stay_start: String::new(),
            previous_stay_start: String::new(),
            previous_stay_end: String::new(),
            partner_stay_start: String::new(),
            date: String::new(),
            days: String::new(),
        }
    }
}

/// Reads a yes/no value as query strings and checkboxes write it.
fn flag_value(v: &str) -> bool {
    !matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "" | "0" | "false" | "no" | "nee" | "off"
    )
}

/// A message about one field (or about the form as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Option<Field>,
    pub message: Text,
}

impl FieldError {
    fn new(field: Field, nl: &'static str, en: &'static str) -> FieldError {
        FieldError {
            field: Some(field),
            message: Text::fixed(nl, en),
        }
    }
}

impl FormData {
    pub fn text(&self, f: Field) -> String {
        match f {
            Field::Year => self.year.to_string(),
            Field::Age => self.age.clone(),
            Field::Care => self.care.clone(),
            Field::MonthsInCare => self.months_in_care.clone(),
            Field::Income => self.income.clone(),
            Field::Assets => self.assets.clone(),
            Field::Tax => self.tax.clone(),
            Field::WorkIncome => self.work_income.clone(),
            Field::OneOffPayments => self.one_off_payments.clone(),
            Field::PartnerAge => self.partner_age.clone(),
            Field::PartnerCare => self.partner_care.clone(),
            Field::PartnerMonthsInCare => self.partner_months_in_care.clone(),
            Field::PartnerIncome => self.partner_income.clone(),
            Field::PartnerAssets => self.partner_assets.clone(),
            Field::PartnerTax => self.partner_tax.clone(),
            Field::PartnerWorkIncome => self.partner_work_income.clone(),
            Field::NowIncome => self.now_income.clone(),
            Field::NowPartnerIncome => self.now_partner_income.clone(),
            Field::StayStart => self.stay_start.clone(),
            Field::PreviousStayStart => self.previous_stay_start.clone(),
            Field::PreviousStayEnd => self.previous_stay_end.clone(),
            Field::PartnerStayStart => self.partner_stay_start.clone(),
            Field::Date => self.date.clone(),
            Field::Days => self.days.clone(),
            flag => if self.flag(flag) { "1" } else { "" }.to_string(),
        }
    }

    pub fn flag(&self, f: Field) -> bool {
        match f {
            Field::Partner => self.partner,
            Field::MptMax20Hours => self.mpt_max_20_hours,
            Field::Children => self.children,
            Field::ReturnHomeExpected => self.return_home_expected,
            Field::WmoMaatwerkvoorziening => self.wmo_maatwerkvoorziening,
            Field::Zorgtoeslag => self.zorgtoeslag,
            Field::NowBijstand => self.now_bijstand,
            _ => false,
        }
    }

    /// Sets one field from text (a typed value, a query value, `1`/`0` for a flag).
    /// A year the engine has no amounts for is never dropped in silence: the
    /// form shows the year the core offers instead and keeps the year asked
    /// for, so the page can say why ([`FormData::year_note`]).
    pub fn set(&mut self, f: Field, value: &str) {
        let v = value.to_string();
        match f {
            Field::Year => {
                if let Ok(y) = value.trim().parse::<i32>() {
                    match params::year_availability(y).instead() {
                        None => {
                            self.year = y;
                            self.year_asked = None;
                        }
                        Some(instead) => {
                            self.year = instead;
                            self.year_asked = Some(y);
                        }
                    }
                }
            }
            Field::Age => self.age = v,
            Field::Care => self.care = v.trim().to_ascii_lowercase(),
            Field::MonthsInCare => self.months_in_care = v.trim().to_string(),
            Field::Income => self.income = v,
            Field::Assets => self.assets = v,
            Field::Tax => self.tax = v,
            Field::WorkIncome => self.work_income = v,
            Field::OneOffPayments => self.one_off_payments = v,
            Field::PartnerAge => self.partner_age = v,
            Field::PartnerCare => self.partner_care = v.trim().to_ascii_lowercase(),
            Field::PartnerMonthsInCare => self.partner_months_in_care = v.trim().to_string(),
            Field::PartnerIncome => self.partner_income = v,
            Field::PartnerAssets => self.partner_assets = v,
            Field::PartnerTax => self.partner_tax = v,
            Field::PartnerWorkIncome => self.partner_work_income = v,
            Field::NowIncome => self.now_income = v,
            Field::NowPartnerIncome => self.now_partner_income = v,
            Field::Partner => self.partner = flag_value(value),
            Field::MptMax20Hours => self.mpt_max_20_hours = flag_value(value),
            Field::Children => self.children = flag_value(value),
            Field::ReturnHomeExpected => self.return_home_expected = flag_value(value),
            Field::WmoMaatwerkvoorziening => self.wmo_maatwerkvoorziening = flag_value(value),
            Field::Zorgtoeslag => self.zorgtoeslag = flag_value(value),
            Field::NowBijstand => self.now_bijstand = flag_value(value),
            Field::StayStart => self.stay_start = v.trim().to_string(),
            Field::PreviousStayStart => self.previous_stay_start = v.trim().to_string(),
            Field::PreviousStayEnd => self.previous_stay_end = v.trim().to_string(),
            Field::PartnerStayStart => self.partner_stay_start = v.trim().to_string(),
            Field::Date => self.date = v.trim().to_string(),
            Field::Days => self.days = v.trim().to_string(),
        }
    }

    /// The client's care form, when chosen.
    pub fn care_form(&self) -> Option<CareForm> {
        self.care.parse().ok()
    }

    pub fn partner_form(&self) -> Option<CareForm> {
        self.partner
            .then(|| self.partner_care.parse().ok())
            .flatten()
    }

    /// Whether a question can change the answer for this household; the page hides the
    /// others. The core decides ([`wlz_core::questions`]); only the what-if questions, which
    /// are not part of the household, are the page's own.
    pub fn asks(&self, f: Field) -> bool {
        self.asked().contains(&f)
    }

    /// Every question that can change the answer now.
    pub fn asked(&self) -> FieldSet {
        self.asked_for(&self.read().0)
    }

    fn asked_for(&self, input: &Input) -> FieldSet {
        let core = questions::relevant_questions(input);
        // A stay's first day answers the same question as its months; the date and the days
        // belong to a dated stay (or to a link that gives them).
        let has = |f: Field| !self.text(f).trim().is_empty();
        Field::ALL
            .into_iter()
            .filter(|f| match f {
                Field::StayStart => core.contains(&Question::MonthsInCare),
                Field::PreviousStayStart | Field::PreviousStayEnd => {
                    core.contains(&Question::MonthsInCare) && has(Field::StayStart)
                }
                Field::PartnerStayStart => core.contains(&Question::PartnerMonthsInCare),
                Field::Date => self.dated() || has(Field::Date),
                Field::Days => has(Field::Days),
                _ => match f.question() {
                    Some(q) => core.contains(&q),
                    None => *f != Field::NowPartnerIncome || self.partner,
                },
            })
            .collect()
    }

    /// The answers given that do not matter for this household, each with the core's reason:
    /// the page says so instead of dropping them in silence.
    pub fn not_used(&self) -> Vec<(Field, Text)> {
        // One assessment for every answer (it decides the regime, so not once per answer).
        let assessment = questions::Assessment::of(&self.read().0);
        let mut unused: Vec<(Field, Text)> = Field::ALL
            .into_iter()
            .filter(|f| self.answered(*f))
            .filter_map(|f| Some((f, assessment.not_used(f.question()?)?)))
            .collect();
        for (months, start) in [
            (Field::MonthsInCare, Field::StayStart),
            (Field::PartnerMonthsInCare, Field::PartnerStayStart),
        ] {
            let both = self.answered(months) && !self.text(start).trim().is_empty();
            if both && !unused.iter().any(|(f, _)| *f == months) {
                unused.push((
                    months,
                    Text::fixed(
                        "U gaf ook de begindatum. Die gebruiken wij: dat is precies.",
                        "You also gave the start date. We use that: it is exact.",
                    ),
                ));
            }
        }
        unused
    }

    /// Whether the user gave this question an answer of their own (not the default).
    fn answered(&self, f: Field) -> bool {
        match f {
            Field::Partner | Field::Year => false,
            Field::PartnerCare => self.partner_care != "none",
            _ if f.is_flag() => self.flag(f),
            _ => !self.text(f).trim().is_empty(),
        }
    }

    /// A short code for these answers, for a case manager's file: the same answers always give
    /// the same code (`WLZ-7K3M-Q9D2`). It is a hash (64-bit FNV-1a) of the share link with
    /// amounts, in Crockford's base 32 without the letters that look like digits; it cannot be
    /// turned back into the answers.
    pub fn reference_code(&self) -> String {
        const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.to_query(true, Lang::Nl).bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let chars: String = (0..8)
            .map(|i| ALPHABET[((hash >> (i * 5)) & 31) as usize] as char)
            .collect();
        format!("WLZ-{}-{}", &chars[..4], &chars[4..])
    }

    /// The answers that count for this household, as `(label, answer)` for the dossier page.
    pub fn answers_used(&self, lang: Lang) -> Vec<(String, String)> {
        let asked = self.asked();
        Field::ALL
            .into_iter()
            .filter(|f| asked.contains(f) && !f.is_what_if())
            .filter_map(|f| {
                let q = f.question()?;
                let answer = if f.is_flag() {
                    let words = if self.flag(f) {
                        Text::fixed("ja", "yes")
                    } else {
                        Text::fixed("nee", "no")
                    };
                    words.get(lang).to_string()
                } else {
                    self.text(f).trim().to_string()
                };
                (!answer.is_empty()).then(|| (q.label().get(lang).to_string(), answer))
            })
            .collect()
    }

    /// The household as answered so far, for the core to decide what matters: every valid
    /// answer, whatever the situation (an answer that does not matter cannot change the
    /// result, as `crates/core/tests/questions.rs` proves), never failing.
    pub fn partial_input(&self) -> Input {
        self.read().0
    }

    /// The engine's input, or every problem with the questions asked (each tied to its field).
    /// A problem with an answer that does not matter for this household does not block the
    /// result; the page lists such answers as not used ([`FormData::not_used`]).
    pub fn to_input(&self) -> Result<Input, Vec<FieldError>> {
        let (input, errors) = self.read();
        let asked = self.asked_for(&input);
        let mut errors: Vec<FieldError> = errors
            .into_iter()
            .filter(|e| e.field.is_none_or(|f| asked.contains(&f)))
            .collect();
        if errors.is_empty() {
            return Ok(input);
        }
        // In the order of the questions, an error of no one field last; equal ones keep their
        // order. (An insertion sort: a few errors, and the page carries no sort routine of its
        // own for them.)
        let rank = |e: &FieldError| e.field.map(|f| f as usize).unwrap_or(usize::MAX);
        for i in 1..errors.len() {
            let mut j = i;
            while j > 0 && rank(&errors[j - 1]) > rank(&errors[j]) {
                errors.swap(j - 1, j);
                j -= 1;
            }
        }
        Err(errors)
    }

    /// A stay from its first day when that is given (the core then counts the start period
    /// by the day), else from the whole months completed. The two together would contradict each
    /// other: the date wins, and the months are listed as not used ([`FormData::not_used`]).
    fn stay_of(&self, start: Field, months: Field, errors: &mut Vec<FieldError>) -> Option<Stay> {
        let text = self.text(start);
        if text.trim().is_empty() {
            return stay(&self.text(months), months, errors);
        }
        let previous = if start == Field::StayStart {
            self.previous_stay(errors)
        } else {
            Vec::new()
        };
        parse_date(&text, start, errors).map(|d| Stay {
            start: Some(d),
            previous,
            ..Stay::default()
        })
    }

    /// The client's earlier stay in an instelling, when both its days are given.
    fn previous_stay(&self, errors: &mut Vec<FieldError>) -> Vec<wlz_core::input::PreviousPeriod> {
        let (s, e) = (
            self.previous_stay_start.trim(),
            self.previous_stay_end.trim(),
        );
        if s.is_empty() && e.is_empty() {
            return Vec::new();
        }
        let missing = |f| {
            FieldError::new(
                f,
                "Vul de eerste en de laatste dag van het eerdere verblijf in.",
                "Enter the first and the last day of the earlier stay.",
            )
        };
        if s.is_empty() || e.is_empty() {
            let f = if s.is_empty() {
                Field::PreviousStayStart
            } else {
                Field::PreviousStayEnd
            };
            errors.push(missing(f));
            return Vec::new();
        }
        let start = parse_date(s, Field::PreviousStayStart, errors);
        let end = parse_date(e, Field::PreviousStayEnd, errors);
        start
            .zip(end)
            .map(|(start, end)| wlz_core::input::PreviousPeriod {
                start,
                end,
                kind: wlz_core::input::PeriodKind::Instelling,
                heb_owed: None,
            })
            .into_iter()
            .collect()
    }

    /// Whether a stay is given by its first day (then the estimate is for a day).
    fn dated(&self) -> bool {
        !self.stay_start.trim().is_empty()
            || (self.partner && !self.partner_stay_start.trim().is_empty())
    }

    /// The day the estimate is for: as given, or with a dated stay today within the contribution
    /// year (1 January of a later year, 31 December of an earlier one).
    fn estimate_date(&self, errors: &mut Vec<FieldError>) -> Option<wlz_core::Date> {
        if !self.date.trim().is_empty() {
            return parse_date(&self.date, Field::Date, errors);
        }
        if !self.dated() {
            return None;
        }
        let first = wlz_core::Date::new(self.year, 1, 1)?;
        let last = wlz_core::Date::new(self.year, 12, 31)?;
        Some(crate::browser::today().map_or(first, |t| t.clamp(first, last)))
    }

    /// The days of a part month, when a link gives them.
    fn days_due(&self, errors: &mut Vec<FieldError>) -> Option<i64> {
        let t = self.days.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<i64>() {
            Ok(d) if (0..=31).contains(&d) => Some(d),
            _ => {
                errors.push(FieldError::new(
                    Field::Days,
                    "Vul een aantal dagen in, van 0 tot en met 31.",
                    "Enter a number of days, from 0 to 31.",
                ));
                None
            }
        }
    }

    /// The input with every valid answer, and the problems with all answers.
    fn read(&self) -> (Input, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut amount = |f: Field, required: bool| -> Option<Amount> {
            let text = self.text(f);
            if text.trim().is_empty() {
                if required {
                    errors.push(match f {
                        Field::PartnerIncome => FieldError::new(
                            f,
                            "Vul het inkomen van uw partner in. Geen inkomen? Vul dan 0 in.",
                            "Enter your partner's income. No income? Enter 0.",
                        ),
                        _ => FieldError::new(
                            f,
                            "Vul uw inkomen in. Had u geen inkomen? Vul dan 0 in.",
                            "Enter your income. No income? Enter 0.",
                        ),
                    });
                }
                return None;
            }
            match parse_amount(&text) {
                Ok(v) => Some(Amount(v)),
                Err(e) => {
                    errors.push(FieldError {
                        field: Some(f),
                        message: Text::fixed(e.message(Lang::Nl), e.message(Lang::En)),
                    });
                    None
                }
            }
        };
        let income = amount(Field::Income, true);
        let assets = amount(Field::Assets, false);
        let tax = amount(Field::Tax, false);
        let work_income = amount(Field::WorkIncome, false);
        let one_off = amount(Field::OneOffPayments, false);
        let partner_amounts = self.partner.then(|| {
            (
                amount(Field::PartnerIncome, true),
                amount(Field::PartnerAssets, false),
                amount(Field::PartnerTax, false),
                amount(Field::PartnerWorkIncome, false),
            )
        });

        let age = parse_age(&self.age, Field::Age, &mut errors);
        let care = match self.care_form() {
            Some(CareForm::LivingAlong | CareForm::BeschermdWonen | CareForm::None) | None => {
                errors.push(FieldError::new(
                    Field::Care,
                    "Kies welke Wlz-zorg u krijgt.",
                    "Choose which Wlz care you receive.",
                ));
                None
            }
            Some(c) => Some(c),
        };
        let client_stay = self.stay_of(Field::StayStart, Field::MonthsInCare, &mut errors);

        let partner = partner_amounts.map(|(p_income, p_assets, p_tax, p_work)| {
            let p_age = parse_age(&self.partner_age, Field::PartnerAge, &mut errors);
            let p_care = match self.partner_care.parse::<CareForm>() {
                Ok(c) => Some(c),
                Err(_) => {
                    errors.push(FieldError::new(
                        Field::PartnerCare,
                        "Kies waar uw partner woont en welke zorg hij of zij krijgt.",
                        "Choose where your partner lives and which care they receive.",
                    ));
                    None
                }
            };
            let p_stay = self.stay_of(
                Field::PartnerStayStart,
                Field::PartnerMonthsInCare,
                &mut errors,
            );
            Person {
                age: p_age,
                care: CareForms(p_care.into_iter().collect()),
                stay: p_stay,
                income: p_income,
                assets: p_assets,
                tax: p_tax,
                work_income: p_work,
                ..Person::default()
            }
        });

        let input = Input {
            version: CONTRACT_VERSION,
            year: self.year,
            date: self.estimate_date(&mut errors),
            client: Person {
                age,
                care: CareForms(care.into_iter().collect()),
                mpt_max_20_hours: self.mpt_max_20_hours,
                stay: client_stay,
                income,
                assets,
                one_off_payments: one_off,
                tax,
                work_income,
                ..Person::default()
            },
            partner,
            household: HouseholdFacts {
                children: self.children,
                return_home_expected: self.return_home_expected,
                wmo_maatwerkvoorziening: self.wmo_maatwerkvoorziening,
                zorgtoeslag: self.zorgtoeslag,
                ..HouseholdFacts::default()
            },
            days: self.days_due(&mut errors),
            readings: Default::default(),
        };
        (input, errors)
    }

    /// The what-if figures for the contribution year, when the user gave them.
    pub fn current_year(&self) -> Option<Result<wlz_core::scenarios::CurrentYear, FieldError>> {
        if self.now_income.trim().is_empty() {
            return None;
        }
        let parse = |f: Field, text: &str| -> Result<Option<Amount>, FieldError> {
            if text.trim().is_empty() {
                return Ok(None);
            }
            parse_amount(text)
                .map(|v| Some(Amount(v)))
                .map_err(|e| FieldError {
                    field: Some(f),
                    message: Text::fixed(e.message(Lang::Nl), e.message(Lang::En)),
                })
        };
        let run = || -> Result<wlz_core::scenarios::CurrentYear, FieldError> {
            let income = parse(Field::NowIncome, &self.now_income)?.unwrap_or_default();
            let partner_income = if self.partner {
                parse(Field::NowPartnerIncome, &self.now_partner_income)?
            } else {
                None
            };
            Ok(wlz_core::scenarios::CurrentYear {
                income,
                partner_income,
                bijstand: self.now_bijstand,
                ..Default::default()
            })
        };
        Some(run())
    }

    /// The form a visit starts with: the year of the browser's clock. When the
    /// core has no amounts for that year (January, before the CAK publishes),
    /// the form shows the year the core offers and notes why.
    pub fn at_clock(current: i32) -> FormData {
        let mut form = FormData::default();
        form.set(Field::Year, &current.to_string());
        form
    }

    /// The core's notice when the year asked for is not the year shown
    /// ("De bedragen voor 2027 zijn nog niet bekend; u ziet 2026.").
    pub fn year_note(&self) -> Option<Text> {
        self.year_asked
            .and_then(|y| params::year_availability(y).notice())
    }

    /// Fills a form from a query string (`?year=2026&care=vpt&age=70&…`).
    /// Returns the form and the keys it did not know. As in the CLI, any
    /// `partner-…` key adds a partner.
    pub fn from_query(query: &str, base: FormData) -> (FormData, Vec<String>) {
        let mut form = base;
        let mut unknown = Vec::new();
        for (k, v) in query_pairs(query) {
            if matches!(k.as_str(), "lang" | "embed") {
                continue;
            }
            match Field::from_key(&k) {
                Some(f) if !f.is_what_if() => {
                    // A bare `?children` means yes, as a CLI flag would.
                    let v = if f.is_flag() && v.is_empty() { "1" } else { &v };
                    form.set(f, v);
                    if f.is_partner() {
                        form.partner = true;
                    }
                }
                _ => unknown.push(k),
            }
        }
        (form, unknown)
    }

    /// The query string that refills this form. Amounts only with
    /// `with_amounts` (the user agreed after a warning); empty fields and
    /// questions that do not apply are left out.
    pub fn to_query(&self, with_amounts: bool, lang: Lang) -> String {
        let mut parts = vec![format!("year={}", self.year)];
        if lang == Lang::En {
            parts.push("lang=en".into());
        }
        for f in Field::ALL {
            if matches!(f, Field::Year | Field::Partner)
                || f.is_what_if()
                || (f.is_amount() && !with_amounts)
                || (f.is_partner() && !self.partner)
            {
                continue;
            }
            // An answer that does not matter now still goes in: the link shows the same page,
            // with the same "not used" notes.
            let value = if f.is_flag() {
                if !self.flag(f) {
                    continue;
                }
                "1".to_string()
            } else {
                let t = self.text(f);
                let t = t.trim();
                if t.is_empty() {
                    continue;
                }
                // Amounts go in plain notation so every reader parses them alike.
                match (f.is_amount(), parse_amount(t)) {
                    (true, Ok(v)) => v.normalize().to_string(),
                    _ => t.to_string(),
                }
            };
            parts.push(format!("{}={}", f.key(), encode(&value)));
        }
        if self.partner && !parts.iter().any(|p| p.starts_with("partner-")) {
            parts.push("partner-care=none".into());
        }
        parts.join("&")
    }
}

impl FormData {
    /// Every answer as `key=value&…` (what-if answers included): how the
    /// form is remembered in localStorage. Plain text rather than JSON keeps
    /// the JSON machinery out of the page's WebAssembly.
    pub fn to_storage(&self) -> String {
        let mut parts = vec![format!("year={}", self.year)];
        for f in Field::ALL {
            if f == Field::Year {
                continue;
            }
            let v = self.text(f);
            if !v.is_empty() {
                parts.push(format!("{}={}", f.key(), encode(&v)));
            }
        }
        parts.join("&")
    }

    /// The inverse of [`FormData::to_storage`]; unknown keys are ignored.
    pub fn from_storage(text: &str) -> FormData {
        let mut form = FormData {
            partner_care: String::new(),
            ..FormData::default()
        };
        for (k, v) in query_pairs(text) {
            if let Some(f) = Field::from_key(&k) {
                form.set(f, &v);
            }
        }
        if form.partner_care.is_empty() {
            form.partner_care = "none".into();
        }
        form
    }
}

/// The whole months of a stay completed (`0`–`3`; empty: 4 months or more, no stay data).
/// A date as `YYYY-MM-DD` (what a date field gives).
fn parse_date(text: &str, f: Field, errors: &mut Vec<FieldError>) -> Option<wlz_core::Date> {
    let d = wlz_core::Date::parse(text.trim());
    if d.is_none() {
        errors.push(FieldError::new(
            f,
            "Vul een datum in, zoals 2026-03-10.",
            "Enter a date, like 2026-03-10.",
        ));
    }
    d
}

fn stay(months: &str, f: Field, errors: &mut Vec<FieldError>) -> Option<Stay> {
    let m = months.trim();
    if m.is_empty() {
        return None;
    }
    match m.parse::<u32>() {
        Ok(n) if n <= wlz_core::input::MAX_MONTHS_COMPLETED => Some(Stay {
            months_completed: Some(n),
            ..Stay::default()
        }),
        _ => {
            errors.push(FieldError::new(
                f,
                "Kies hoe lang het verblijf al duurt.",
                "Choose how long the stay has lasted.",
            ));
            None
        }
    }
}

fn parse_age(text: &str, f: Field, errors: &mut Vec<FieldError>) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() {
        errors.push(match f {
            Field::PartnerAge => FieldError::new(
                f,
                "Vul de leeftijd van uw partner in.",
                "Enter your partner's age.",
            ),
            _ => FieldError::new(f, "Vul uw leeftijd in.", "Enter your age."),
        });
        return None;
    }
    match t.parse::<u32>() {
        // The core's own bound, so the page accepts every age the engine does.
        Ok(a) if a <= MAX_AGE => Some(a),
        Ok(_) => {
            errors.push(FieldError {
                field: Some(f),
                message: Text::owned(
                    format!("Vul een leeftijd in van 0 tot en met {MAX_AGE} jaar."),
                    format!("Enter an age from 0 to {MAX_AGE}."),
                ),
            });
            None
        }
        Err(_) => {
            errors.push(FieldError::new(
                f,
                "Vul een leeftijd in jaren in, bijvoorbeeld 70.",
                "Enter an age in years, for example 70.",
            ));
            None
        }
    }
}

/// The `(key, value)` pairs of a query string, percent-decoded (`+` is a space).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding that never fails: a broken escape stays as typed.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of everything but the unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The core's list of the inputs the page asks (the batch page's links rely on it).
    #[test]
    fn the_core_knows_which_inputs_the_page_asks() {
        for k in Key::ALL {
            assert_eq!(Field::of_input(k).is_some(), k.on_page(), "{k:?}");
        }
    }
    use rust_decimal::Decimal;

    fn form(query: &str) -> FormData {
        FormData::from_query(query, FormData::default()).0
    }

    #[test]
    fn the_documented_link_fills_the_form_like_the_cli() {
        let (f, unknown) = FormData::from_query(
            "?year=2026&care=vpt&age=70&income=38000&assets=100000",
            FormData::default(),
        );
        assert!(unknown.is_empty());
        let input = f.to_input().expect("a complete form");
        assert_eq!(input.year, 2026);
        assert_eq!(input.client.age, Some(70));
        assert_eq!(input.client.care.0, vec![CareForm::Vpt]);
        assert_eq!(input.client.income, Some(Amount(Decimal::new(38_000, 0))));
        assert_eq!(input.client.assets, Some(Amount(Decimal::new(100_000, 0))));
        assert!(input.partner.is_none());
        // Spec example M.
        let e = wlz_core::estimate(&input).expect("an estimate");
        assert_eq!(e.monthly.to_string(), "337.68");
    }

    #[test]
    fn any_partner_key_adds_a_partner_and_underscores_work() {
        let f = form("care=instelling&age=70&income=24000&partner_age=68&partner-income=23000");
        assert!(f.partner);
        assert_eq!(f.partner_care, "none");
        let input = f.to_input().expect("complete");
        let p = input.partner.expect("a partner");
        assert_eq!(p.age, Some(68));
        assert_eq!(p.care.0, vec![CareForm::None]);
    }

    #[test]
    fn dutch_and_english_amounts_and_the_euro_sign_are_accepted() {
        for (typed, cents) in [
            ("1.234,56", 123_456),
            ("1234.56", 123_456),
            ("€ 1.234", 123_400),
            ("1,234.56", 123_456),
        ] {
            let f = form(&format!("care=vpt&age=70&income={}", encode(typed)));
            let input = f.to_input().expect("valid");
            assert_eq!(
                input.client.income,
                Some(Amount(Decimal::new(cents, 2))),
                "{typed}"
            );
        }
    }

    #[test]
    fn nonsense_gets_a_message_on_its_own_field() {
        let f = form("care=vpt&age=zeventig&income=veel&assets=1,2,3");
        let errors = f.to_input().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![Some(Field::Age), Some(Field::Income), Some(Field::Assets)]
        );
        assert!(errors[1].message.nl.contains("geen bedrag"));
        assert!(errors[1].message.en.contains("not an amount"));
    }

    #[test]
    fn the_age_bound_is_the_cores() {
        // 125 lies between the page's old cap (120) and the core's (130).
        let input = form("care=vpt&age=125&income=38000")
            .to_input()
            .expect("age 125 is accepted");
        assert_eq!(input.client.age, Some(125));
        let partner =
            form("care=vpt&age=70&income=1&partner-care=none&partner-age=125&partner-income=1")
                .to_input()
                .expect("a partner of 125 is accepted");
        assert_eq!(partner.partner.map(|p| p.age), Some(Some(125)));
        assert_eq!(
            form(&format!("care=vpt&age={MAX_AGE}&income=1"))
                .to_input()
                .map(|i| i.client.age),
            Ok(Some(MAX_AGE))
        );

        let errors = form(&format!("care=vpt&age={}&income=38000", MAX_AGE + 1))
            .to_input()
            .expect_err("one year above the core's bound");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Some(Field::Age));
        assert_eq!(
            errors[0].message.nl,
            "Vul een leeftijd in van 0 tot en met 130 jaar."
        );
        assert_eq!(errors[0].message.en, "Enter an age from 0 to 130.");
        let errors = form(&format!(
            "care=vpt&age=70&income=1&partner-care=none&partner-age={}&partner-income=1",
            MAX_AGE + 1
        ))
        .to_input()
        .expect_err("a partner one year above the bound");
        assert_eq!(errors[0].field, Some(Field::PartnerAge));
        assert_eq!(errors[0].message.en, "Enter an age from 0 to 130.");
    }

    #[test]
    fn an_empty_form_asks_for_age_care_and_income() {
        let errors = FormData::default().to_input().expect_err("empty");
        let fields: Vec<_> = errors.iter().filter_map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Age, Field::Care, Field::Income]);
    }

    #[test]
    fn a_link_round_trips_and_leaves_amounts_out_unless_asked() {
        let f = form(
            "year=2025&care=instelling&months-in-care=2&age=70&income=1.234,56&children=1&partner-care=living-along&partner-age=68&partner-income=0",
        );
        let with = f.to_query(true, Lang::Nl);
        assert!(with.contains("income=1234.56"), "{with}");
        assert!(with.contains("partner-care=living-along"), "{with}");
        assert!(with.contains("children=1"), "{with}");
        let back = FormData::from_query(&with, FormData::default()).0;
        assert_eq!(back.to_input().ok(), f.to_input().ok());

        let without = f.to_query(false, Lang::En);
        assert!(!without.contains("income"), "{without}");
        assert!(without.contains("lang=en"));
        assert!(without.contains("months-in-care=2"));
    }

    #[test]
    fn questions_that_cannot_matter_are_not_asked() {
        let vpt = form("care=vpt&age=70&income=1");
        for f in [
            Field::MonthsInCare,
            Field::Children,
            Field::Tax,
            Field::PartnerIncome,
        ] {
            assert!(!vpt.asks(f), "{f:?}");
        }
        let inst = form("care=instelling&age=70&income=1&partner-care=living-along");
        assert!(inst.asks(Field::MonthsInCare));
        assert!(inst.asks(Field::PartnerMonthsInCare));
        assert!(inst.asks(Field::Tax));
        let mpt = form("care=mpt");
        assert!(mpt.asks(Field::MptMax20Hours));
        assert!(!mpt.asks(Field::WmoMaatwerkvoorziening));
        let mpt20 = form("care=mpt&mpt-max-20-hours");
        assert!(mpt20.asks(Field::WmoMaatwerkvoorziening));
    }

    #[test]
    fn the_reference_code_follows_the_answers_only() {
        let a = form("year=2026&care=vpt&age=70&income=38000&assets=100000");
        let b = form("assets=100.000&income=38.000&age=70&care=vpt&year=2026");
        let c = form("year=2026&care=vpt&age=70&income=38001&assets=100000");
        let code = a.reference_code();
        assert_eq!(code.len(), "WLZ-XXXX-XXXX".len());
        assert!(code.starts_with("WLZ-"));
        assert_eq!(
            code,
            b.reference_code(),
            "the same answers in another order and notation"
        );
        assert_ne!(code, c.reference_code(), "another income");
        assert!(!code[4..].contains(['I', 'L', 'O', 'U']), "{code}");
    }

    #[test]
    fn answers_that_stop_mattering_are_kept_and_said_not_to_be_used() {
        // Children only matter for a stay; after switching to vpt they cannot count.
        let mut f = form("care=instelling&age=70&income=30000&tax=abc");
        assert!(f.to_input().is_err(), "the tax is asked in an instelling");
        f.set(Field::Children, "1");
        assert!(
            !f.asks(Field::Tax),
            "with children the lage bijdrage applies"
        );
        assert!(f.to_input().is_ok());
        f.set(Field::Care, "vpt");
        let input = f
            .to_input()
            .expect("a bad answer that is not asked does not block");
        let e = wlz_core::estimate(&input).expect("an estimate");
        // Spec case-M style amount for vpt, 70, 30,000 without assets: the lage bijdrage.
        assert_eq!(e.regime, wlz_core::Regime::Lage);
        let not_used: Vec<Field> = f.not_used().into_iter().map(|(f, _)| f).collect();
        assert_eq!(not_used, vec![Field::Tax, Field::Children]);
        let (_, why) = &f.not_used()[0];
        assert!(why.nl.contains("hoge eigen bijdrage"), "{}", why.nl);
        assert_eq!(f.text(Field::Tax), "abc", "the typed answer is kept");
    }

    #[test]
    fn the_stored_form_comes_back_exactly() {
        let mut f = form(
            "year=2025&care=instelling&months-in-care=2&age=70&income=1.234,56&children=1&partner-care=living-along&partner-age=68&partner-income=0&tax=€ 4.000",
        );
        f.set(Field::NowIncome, "20.000");
        f.set(Field::NowBijstand, "1");
        f.set(Field::WorkIncome, "a&b=c");
        assert_eq!(FormData::from_storage(&f.to_storage()), f);
        assert_eq!(
            FormData::from_storage(&FormData::default().to_storage()),
            FormData::default()
        );
    }

    #[test]
    fn decoding_never_fails_on_broken_escapes() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%E2%82%AC+1.234"), "€ 1.234");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(encode("€ 1.234"), "%E2%82%AC%201.234");
    }

    #[test]
    fn the_year_follows_the_clock_and_a_year_without_amounts_is_noted() {
        assert_eq!(default_year(), 2026);
        let f = FormData::at_clock(2025);
        assert_eq!((f.year, f.year_note()), (2025, None));

        // January 2027, before the CAK publishes: 2026 is shown, and the page says so.
        let f = FormData::at_clock(2027);
        assert_eq!(f.year, 2026);
        assert_eq!(f.year_asked, Some(2027));
        let note = f.year_note().expect("a note for 2027");
        assert_eq!(
            note.nl,
            "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026."
        );
        assert_eq!(
            note.en,
            "The amounts for 2027 are not known yet; you are seeing 2026."
        );
        // A wrong clock far back: the first year, with the core's note.
        let f = FormData::at_clock(2020);
        assert_eq!(f.year, 2024);
        assert!(f.year_note().is_some_and(|n| n.nl.contains("2020")));

        // A link's year is never dropped in silence.
        let (f, unknown) = FormData::from_query("year=2027&care=vpt&age=70", FormData::default());
        assert!(unknown.is_empty());
        assert_eq!((f.year, f.year_asked), (2026, Some(2027)));
        let mut f = FormData::default();
        f.set(Field::Year, "1999");
        assert_eq!(f.year, 2024);
        assert_eq!(
            f.year_note().map(|n| n.nl),
            Some("Deze rekenhulp heeft geen bedragen voor 1999; u ziet 2024.".into())
        );
        // Choosing a supported year clears the note.
        f.set(Field::Year, "2025");
        assert_eq!((f.year, f.year_note()), (2025, None));
        // The shown year, never the missing one, goes into links and storage.
        f.set(Field::Year, "2027");
        assert!(f.to_query(false, Lang::Nl).starts_with("year=2026"));
        assert!(f.to_storage().starts_with("year=2026"));
    }
}
