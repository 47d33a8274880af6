//! Validation: from the JSON contract to a checked household model. Every
//! problem becomes an [`InputError`] with a field and a bilingual message.

use crate::date::Date;
use crate::error::{ErrorCode, InputError};
use crate::input::{Amount, CareForm, Input, Person, Stay, CONTRACT_VERSION, MAX_AGE};
use crate::money::MAX_AMOUNT;
use crate::params::{self, YearParams};
use crate::text::Text;
use rust_decimal::Decimal;

/// A care form for the regime logic, ranked per Blz 3.3.2.2a
/// (instelling > vpt > pgb > mpt; deeltijdverblijf ranked as instelling, O-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    Inst,
    Dtv,
    Vpt,
    Pgb,
    Mpt,
    None,
}

impl Form {
    pub fn rank(self) -> u8 {
        match self {
            Form::Inst | Form::Dtv => 1,
            Form::Vpt => 2,
            Form::Pgb => 3,
            Form::Mpt => 4,
            Form::None => 9,
        }
    }
    /// Wlz care delivered at home (vpt, pgb, mpt): the lage bijdrage however long it lasts
    /// (Blz 3.3.2.2 lid 2 c).
    pub fn is_care_at_home(self) -> bool {
        matches!(self, Form::Vpt | Form::Pgb | Form::Mpt)
    }
    pub fn is_stay(self) -> bool {
        matches!(self, Form::Inst | Form::Dtv)
    }
    /// The forms of care at home that bring the fixed income deduction (Blz 3.3.2.4 lid 1) and
    /// the korting on the lage bijdrage (Blz 3.3.2.2 lid 4): mpt and pgb, not vpt.
    pub fn has_thuis_korting(self) -> bool {
        matches!(self, Form::Pgb | Form::Mpt)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Client,
    Partner,
}

impl Role {
    /// Picks the step id for this person.
    pub fn id(self, client: &'static str, partner: &'static str) -> &'static str {
        match self {
            Role::Client => client,
            Role::Partner => partner,
        }
    }
    pub fn field(self, name: &str) -> String {
        match self {
            Role::Client => format!("client.{name}"),
            Role::Partner => format!("partner.{name}"),
        }
    }
    pub fn text(self) -> (&'static str, &'static str) {
        match self {
            Role::Client => ("u", "you"),
            Role::Partner => ("uw partner", "your partner"),
        }
    }
}

/// A checked person.
#[derive(Clone, Debug)]
pub struct Member<'a> {
    pub role: Role,
    pub person: &'a Person,
    /// Reached AOW age by the cut-off day in January (Blz 3.3.1.4 lid 1).
    pub aow: bool,
    /// At AOW age on 1 January of the peiljaar: used only to estimate the peiljaar's income tax.
    pub aow_peiljaar: bool,
    /// Income from work in the peiljaar, for the tax estimate (None: the default).
    pub earned_income: Option<Decimal>,
    pub under_18: bool,
    /// All care forms, highest rank first.
    pub forms: Vec<Form>,
    pub top: Form,
    /// In Wmo beschermd wonen (partner only).
    pub bw: bool,
    /// Living along in the client's instelling without care (partner only, §3.5).
    pub living_along: bool,
    pub mpt_max_20_hours: bool,
    pub income: Decimal,
    /// No income given (and the CAK has the data): an error once a contribution is due.
    pub income_missing: bool,
    pub assets: Decimal,
    pub one_off: Decimal,
    pub tax: Option<Decimal>,
    pub work_income: Decimal,
    pub war_benefits: Decimal,
    pub stay: Option<&'a Stay>,
}

impl Member<'_> {
    /// Receives Wlz care of their own (a *verzekerde* with a form), for the extra vrijstelling.
    pub fn is_wlz_client(&self) -> bool {
        self.top != Form::None
    }
}

/// A checked household.
#[derive(Debug)]
pub struct Household<'a> {
    pub input: &'a Input,
    pub params: &'static YearParams,
    /// The day the estimate is for, when given.
    pub date: Option<Date>,
    pub members: Vec<Member<'a>>,
    /// The year's texts that name its figures, looked up once per household.
    pub(crate) labels: &'static crate::rules::labels::Labels,
}

impl<'a> Household<'a> {
    pub fn client(&self) -> &Member<'a> {
        &self.members[0]
    }
    pub fn partner(&self) -> Option<&Member<'a>> {
        self.members.get(1)
    }
    pub fn is_couple(&self) -> bool {
        self.members.len() == 2
    }
}

fn err(code: ErrorCode, field: &str, nl: String, en: String) -> InputError {
    InputError::new(code, Some(field), Text::owned(nl, en))
}

fn amount(
    v: Option<Amount>,
    role: Role,
    name: &str,
    non_negative: bool,
) -> Result<Option<Decimal>, InputError> {
    let Some(Amount(d)) = v else { return Ok(None) };
    if d.abs() > MAX_AMOUNT {
        return Err(err(
            ErrorCode::AmountOutOfRange,
            &role.field(name),
            format!(
                "Het bedrag bij {} is te groot: hoogstens € 100.000.000.",
                role.field(name)
            ),
            format!(
                "The amount in {} is too large: at most €100,000,000.",
                role.field(name)
            ),
        ));
    }
    if non_negative && d.is_sign_negative() && !d.is_zero() {
        return Err(err(
            ErrorCode::AmountOutOfRange,
            &role.field(name),
            format!(
                "Het bedrag bij {} kan niet negatief zijn.",
                role.field(name)
            ),
            format!("The amount in {} cannot be negative.", role.field(name)),
        ));
    }
    Ok(Some(d))
}

fn forms_of(
    person: &Person,
    role: Role,
    readings_alt_living_along: bool,
) -> Result<(Vec<Form>, bool, bool), InputError> {
    let mut forms = Vec::new();
    let mut bw = false;
    let mut living_along = false;
    for f in &person.care.0 {
        let form = match (role, f) {
            (_, CareForm::Instelling) => Form::Inst,
            (_, CareForm::Vpt) => Form::Vpt,
            (_, CareForm::Mpt) => Form::Mpt,
            (_, CareForm::Pgb) => Form::Pgb,
            (_, CareForm::Dtv) => Form::Dtv,
            (_, CareForm::None) => Form::None,
            (Role::Partner, CareForm::LivingAlong) => {
                living_along = true;
                // O-25: by default a partner living along counts as staying in the instelling.
                if readings_alt_living_along {
                    Form::None
                } else {
                    Form::Inst
                }
            }
            (Role::Partner, CareForm::BeschermdWonen) => {
                bw = true;
                Form::None
            }
            (Role::Client, other) => {
                return Err(err(
                    ErrorCode::InvalidCare,
                    "client.care",
                    format!(
                        "‘{}’ kan alleen voor de partner. Kies voor de cliënt: instelling, vpt, mpt, pgb of dtv.",
                        other.name()
                    ),
                    format!(
                        "‘{}’ applies only to the partner. For the client choose: instelling, vpt, mpt, pgb or dtv.",
                        other.name()
                    ),
                ))
            }
        };
        forms.push(form);
    }
    sort_small_by_key(&mut forms, |f| f.rank());
    forms.dedup();
    if forms.len() > 1 {
        forms.retain(|f| *f != Form::None);
    }
    Ok((forms, bw, living_along))
}

/// Checks one person and derives what the rules need: age, care forms, amounts and stay.
fn member<'a>(
    input: &'a Input,
    p: &'static YearParams,
    person: &'a Person,
    role: Role,
) -> Result<Member<'a>, InputError> {
    let y = input.year;
    let aow_age = YearParams::int(&p.aow_age_years) as u32;
    let (aow, under_18) = match (person.age, person.birth_date) {
        (None, None) => return Err(missing_age(role, y)),
        (Some(age), birth) => aow_and_minor_by_age(role, y, aow_age, age, birth)?,
        (None, Some(b)) => aow_and_minor_by_birth_date(input, p, role, aow_age, b)?,
    };
    let aow_peiljaar = aow_in_peiljaar(person, y, aow_age);
    let readings = &input.readings;
    let (mut forms, bw, living_along) = forms_of(person, role, readings.living_along_as_no_care)?;
    if role == Role::Client && (forms.is_empty() || forms == [Form::None]) {
        return Err(err(
            ErrorCode::InvalidCare,
            "client.care",
            "Kies de zorgvorm van de cliënt: instelling, vpt, mpt, pgb of dtv.".into(),
            "Choose the client's care form: instelling, vpt, mpt, pgb or dtv.".into(),
        ));
    }
    if forms.is_empty() {
        forms.push(Form::None);
    }
    let no_data = input.household.cak_has_no_data;
    let income = amount(person.income, role, "income", false)?;
    // A missing income is an error only when a contribution is due (`engine`): an under-18
    // client owes none, so the income is not asked then (`questions`).
    let income_missing = income.is_none() && !no_data;
    let income = income.unwrap_or_default();
    let assets = amount(person.assets, role, "assets", false)?.unwrap_or_default();
    let one_off =
        amount(person.one_off_payments, role, "one_off_payments", true)?.unwrap_or_default();
    let tax = amount(person.tax, role, "tax", true)?;
    let work_income = amount(person.work_income, role, "work_income", true)?.unwrap_or_default();
    let war_benefits = amount(person.war_benefits, role, "war_benefits", true)?.unwrap_or_default();
    let earned_income = amount(person.earned_income, role, "earned_income", true)?;
    if let Some(stay) = &person.stay {
        check_stay(input, stay, role)?;
    }
    let top = forms[0];
    Ok(Member {
        role,
        person,
        aow,
        aow_peiljaar,
        earned_income,
        under_18,
        top,
        forms,
        bw,
        living_along,
        mpt_max_20_hours: person.mpt_max_20_hours,
        income,
        income_missing,
        assets,
        one_off,
        tax,
        work_income,
        war_benefits,
        stay: person.stay.as_ref(),
    })
}

/// The error for a person given neither an age nor a date of birth.
fn missing_age(role: Role, y: i32) -> InputError {
    let missing_code = match role {
        Role::Client => ErrorCode::MissingAge,
        Role::Partner => ErrorCode::MissingPartnerData,
    };
    err(
        missing_code,
        &role.field("age"),
        format!(
            "Vul de leeftijd op 1 januari {y} of de geboortedatum in{}.",
            if role == Role::Partner {
                " van uw partner"
            } else {
                ""
            }
        ),
        format!(
            "Enter the age on 1 January {y} or the date of birth{}.",
            if role == Role::Partner {
                " of your partner"
            } else {
                ""
            }
        ),
    )
}

/// AOW age (Blz 3.3.1.4 lid 1) and minority from the age given on 1 January, checked
/// against the date of birth when both are given.
fn aow_and_minor_by_age(
    role: Role,
    y: i32,
    aow_age: u32,
    age: u32,
    birth: Option<Date>,
) -> Result<(bool, bool), InputError> {
    if age > MAX_AGE {
        return Err(err(
            ErrorCode::InvalidAge,
            &role.field("age"),
            format!("Vul een leeftijd in tussen 0 en {MAX_AGE} jaar."),
            format!("Enter an age between 0 and {MAX_AGE}."),
        ));
    }
    if let Some(b) = birth {
        let age_on_jan1 = age_on(b, Date::new(y, 1, 1).expect("1 January exists"));
        if age_on_jan1 != i64::from(age) {
            return Err(err(
                ErrorCode::InvalidAge,
                &role.field("age"),
                "De leeftijd past niet bij de geboortedatum. Vul één van beide in.".into(),
                "The age does not match the date of birth. Enter only one of them.".into(),
            ));
        }
    }
    Ok((age >= aow_age, age < 18))
}

/// AOW age and minority from the date of birth: AOW age reached by the cut-off day in
/// January (Blz 3.3.1.4 lid 1); under 18 on the day of the estimate (else 1 January).
fn aow_and_minor_by_birth_date(
    input: &Input,
    p: &YearParams,
    role: Role,
    aow_age: u32,
    b: Date,
) -> Result<(bool, bool), InputError> {
    let y = input.year;
    let cutoff_day = YearParams::int(&p.aow_cutoff_day_of_january) as u8;
    let jan1 = Date::new(y, 1, 1).expect("1 January exists");
    if b > Date::new(y, 12, 31).expect("31 December exists") {
        return Err(err(
            ErrorCode::InvalidAge,
            &role.field("birth_date"),
            format!("De geboortedatum ligt na {y}."),
            format!("The date of birth is after {y}."),
        ));
    }
    if age_on(b, jan1) > i64::from(MAX_AGE) {
        return Err(err(
            ErrorCode::InvalidAge,
            &role.field("birth_date"),
            format!("Vul een geboortedatum in van de laatste {MAX_AGE} jaar."),
            format!("Enter a date of birth within the last {MAX_AGE} years."),
        ));
    }
    let cutoff = Date::new(y, 1, cutoff_day.clamp(1, 31)).expect("a January day");
    let aow = b.add_years(aow_age).is_some_and(|d| d <= cutoff);
    let on = input.date.unwrap_or(jan1);
    let under = age_on(b, on) < 18;
    Ok((aow, under))
}

/// At AOW age on 1 January of the peiljaar (`year − 2`): used only to estimate the
/// peiljaar's income tax.
fn aow_in_peiljaar(person: &Person, y: i32, aow_age: u32) -> bool {
    match (person.birth_date, person.age) {
        (Some(b), _) => Date::new(y - 2, 1, 1).is_some_and(|d| age_on(b, d) >= i64::from(aow_age)),
        (None, Some(age)) => age >= aow_age + 2,
        (None, None) => false,
    }
}

/// The error for a missing verzamelinkomen of the peiljaar (`year − 2`, Blz 3.3.1.1).
pub(crate) fn missing_income(role: Role, year: i32) -> InputError {
    let pj = crate::params::peiljaar(year);
    match role {
        Role::Client => err(
            ErrorCode::MissingIncome,
            "client.income",
            format!("Vul het verzamelinkomen van {pj} in (het peiljaar)."),
            format!("Enter the verzamelinkomen of {pj} (the reference year)."),
        ),
        Role::Partner => err(
            ErrorCode::MissingPartnerData,
            "partner.income",
            format!("Vul ook het verzamelinkomen van uw partner over {pj} in."),
            format!("Also enter your partner's verzamelinkomen of {pj}."),
        ),
    }
}

/// Completed years from `birth` to `on`: the age on that day. Before the birth it is
/// negative (−1 in the year before), so "under 18" holds for someone not yet born on that
/// day too: every rule that compares an age gets an answer for every date.
pub fn age_on(birth: Date, on: Date) -> i64 {
    let mut years = i64::from(on.year() - birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

fn check_stay(input: &Input, stay: &Stay, role: Role) -> Result<(), InputError> {
    let field = role.field("stay");
    let bad = |nl: &str, en: &str| {
        err(
            ErrorCode::InconsistentCareDates,
            &field,
            nl.to_string(),
            en.to_string(),
        )
    };
    if stay.months_completed.is_some() && stay.start.is_some() {
        return Err(bad(
            "Vul óf het aantal maanden in zorg óf de begindatum van het verblijf in, niet allebei.",
            "Give either the months in care or the start date of the stay, not both.",
        ));
    }
    let max = crate::input::MAX_MONTHS_COMPLETED;
    if stay.months_completed.is_some_and(|m| m > max) {
        return Err(err(
            ErrorCode::InconsistentCareDates,
            &field,
            format!("Het aantal maanden in zorg is te groot (hoogstens {max})."),
            format!("The number of months in care is too large (at most {max})."),
        ));
    }
    if let Some(start) = stay.start {
        let Some(date) = input.date else {
            return Err(err(
                ErrorCode::MissingDate,
                "date",
                "Met een begindatum van het verblijf is ook de datum nodig waarvoor u wilt rekenen (date).".into(),
                "With a start date of the stay, also give the date to estimate for (date).".into(),
            ));
        };
        if start > date {
            return Err(bad(
                "Het verblijf begint na de datum waarvoor u rekent.",
                "The stay starts after the date you are estimating for.",
            ));
        }
    }
    let max = crate::input::MAX_PREVIOUS_PERIODS;
    if stay.previous.len() > max {
        return Err(err(
            ErrorCode::TooManyPeriods,
            &role.field("stay.previous"),
            format!("Geef hoogstens {max} eerdere verblijven. Alleen verblijven kort vóór dit verblijf tellen mee; laat oudere weg of geef het aantal maanden in zorg."),
            format!("Give at most {max} earlier stays. Only stays shortly before this one count; leave out older ones or give the months in care."),
        ));
    }
    let mut prev: Vec<_> = stay.previous.iter().collect();
    prev.sort_by_key(|p| p.start);
    for (i, p) in prev.iter().enumerate() {
        if p.end < p.start {
            return Err(bad(
                "Een eerder verblijf eindigt vóór het begint.",
                "An earlier stay ends before it starts.",
            ));
        }
        if let Some(next) = prev.get(i + 1) {
            if next.start <= p.end {
                return Err(bad(
                    "Twee eerdere verblijven overlappen.",
                    "Two earlier stays overlap.",
                ));
            }
        }
        let current_start = stay.start.or(input.date);
        if let Some(cs) = current_start {
            if p.end >= cs {
                return Err(bad(
                    "Een eerder verblijf moet eindigen vóór het huidige verblijf begint.",
                    "An earlier stay must end before the current stay starts.",
                ));
            }
        }
    }
    if !stay.previous.is_empty() && stay.start.is_none() {
        return Err(bad(
            "Eerdere verblijven kunnen alleen mee met de begindatum van het huidige verblijf.",
            "Earlier stays need the start date of the current stay.",
        ));
    }
    Ok(())
}

/// Checks the input and builds the household.
pub fn build(input: &Input) -> Result<Household<'_>, InputError> {
    let params = params_for(input.year)?;
    build_with(input, params)
}

/// The parameters of a year, or the error for an unsupported year.
pub fn params_for(year: i32) -> Result<&'static YearParams, InputError> {
    match params::for_year(year) {
        // The wording (not published yet, or too old) is the core's one text for this.
        None => Err(InputError::new(
            ErrorCode::UnsupportedYear,
            Some("year"),
            params::year_availability(year).error().unwrap_or_else(|| {
                Text::owned(
                    format!("Het jaar {year} wordt niet ondersteund."),
                    format!("The year {year} is not supported."),
                )
            }),
        )),
        Some(p) => Ok(p),
    }
}

/// Checks the input against the given parameters (for what-if runs and tests).
pub fn build_with<'a>(
    input: &'a Input,
    params: &'static YearParams,
) -> Result<Household<'a>, InputError> {
    if input.version != CONTRACT_VERSION {
        return Err(err(
            ErrorCode::UnsupportedVersion,
            "version",
            format!(
                "Versie {} wordt niet ondersteund; gebruik versie {CONTRACT_VERSION}.",
                input.version
            ),
            format!(
                "Version {} is not supported; use version {CONTRACT_VERSION}.",
                input.version
            ),
        ));
    }
    if let Some(date) = input.date {
        if date.year() != input.year {
            return Err(err(
                ErrorCode::InvalidDate,
                "date",
                format!("De datum moet in {} liggen, het bijdragejaar.", input.year),
                format!(
                    "The date must lie in {}, the contribution year.",
                    input.year
                ),
            ));
        }
    }
    if let Some(days) = input.days {
        let max = input.date.map_or(31, |d| i64::from(d.days_in_month()));
        if !(0..=max).contains(&days) {
            return Err(err(
                ErrorCode::InvalidDays,
                "days",
                format!("Het aantal dagen moet tussen 0 en {max} liggen (de dagen van de maand)."),
                format!("The number of days must be between 0 and {max} (the days of the month)."),
            ));
        }
    }
    if let Some(Amount(v)) = input.household.net_monthly_income {
        if v.abs() > MAX_AMOUNT {
            return Err(err(
                ErrorCode::AmountOutOfRange,
                "household.net_monthly_income",
                "Het netto maandinkomen is te groot.".into(),
                "The net monthly income is too large.".into(),
            ));
        }
    }
    let mut members = vec![member(input, params, &input.client, Role::Client)?];
    if let Some(partner) = &input.partner {
        members.push(member(input, params, partner, Role::Partner)?);
    }
    Ok(Household {
        input,
        params,
        date: input.date,
        members,
        labels: crate::rules::labels::of(params),
    })
}

/// A stable sort for the few elements of a household's lists (its care forms, a timeline's
/// switch days). The standard library's stable sort is some 1.5 KB of WebAssembly for every
/// element type; this is a few dozen bytes, and the page's budget is tight (issue 14).
pub(crate) fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_small_sort_is_stable_and_sorts() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        super::sort_small_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        super::sort_small_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
