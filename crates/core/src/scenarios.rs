//! The questions families ask beyond one number: what the first year of a
//! stay costs month by month, what each care form would cost, whether a drop
//! in income is worth a request to the CAK, and how the amount moves with
//! income. Everything here is built on [`crate::estimate`], so each figure is
//! an ordinary estimate with its own trace.

use crate::date::Date;
use crate::engine::{estimate, estimate_with_params, Estimate};
use crate::error::{ErrorCode, InputError};
use crate::household;
use crate::input::{Amount, CareForm, CareForms, Input, Stay};
use crate::money::round_cents;
use crate::params::Article;
use crate::params::{self, YearParams};
use crate::regime::Regime;
use crate::text::Text;
use crate::trace::Citation;
use rust_decimal::Decimal;
use serde::Serialize;

/// The citations of the scenarios: the peiljaarverlegging (Blz 3.3.2.3 lid 2–4 for the hoge,
/// 3.3.2.4 lid 2–5 for the lage bijdrage).
pub const CITES: &[crate::rules::Cite] =
    &[(Article::Blz3324, "lid 2–5"), (Article::Blz3323, "lid 2–4")];

// ---------------------------------------------------------------------------
// Timeline

/// Part of a month with one regime.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Segment {
    pub from: Date,
    pub to: Date,
    pub days: i64,
    pub regime: Regime,
    /// The full monthly amount of that regime.
    pub monthly: Decimal,
    /// What is due for these days: the monthly amount for a whole month,
    /// else `round(monthly × 12 × days / 365)` (Blz 3.3.2.9 lid 2).
    pub due: Decimal,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub year: i32,
    pub segments: Vec<Segment>,
    /// The sum of the segments.
    pub amount: Decimal,
    /// The year whose parameters were used; differs from `year` when that
    /// year's parameters are not known yet (then the amount is an estimate).
    pub parameters_year: i32,
    pub estimated_parameters: bool,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timeline {
    pub version: u32,
    pub start: Date,
    pub months: Vec<TimelineMonth>,
    pub total_12_months: Decimal,
    pub calendar_year: i32,
    /// The months of `calendar_year` within the timeline.
    pub total_calendar_year: Decimal,
    pub notes: Vec<Text>,
}

fn month_label(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The same household evaluated `years` contribution years later: the ages
/// given on 1 January move along; dates stay as they are.
fn reframe_year(input: &Input, years: i32) -> Input {
    let mut out = input.clone();
    out.year += years;
    for p in std::iter::once(&mut out.client).chain(out.partner.as_mut()) {
        if let Some(age) = p.age.as_mut() {
            *age = age.saturating_add_signed(years);
        }
    }
    out
}

/// Every date moved by `years` calendar years (29 February becomes 28), ages
/// unchanged: the same situation placed in another year, to borrow that
/// year's parameters.
fn shift_dates(input: &Input, years: i32) -> Input {
    let shift = |d: Date| {
        let y = d.year() + years;
        Date::new(
            y,
            d.month(),
            d.day().min(crate::date::days_in_month(y, d.month())),
        )
        .unwrap_or(d)
    };
    let mut out = input.clone();
    out.year += years;
    out.date = out.date.map(shift);
    for p in std::iter::once(&mut out.client).chain(out.partner.as_mut()) {
        p.birth_date = p.birth_date.map(shift);
        if let Some(stay) = p.stay.as_mut() {
            stay.start = stay.start.map(shift);
            for prev in &mut stay.previous {
                prev.start = shift(prev.start);
                prev.end = shift(prev.end);
            }
        }
    }
    out
}

/// Estimates for the given day, with that year's parameters, or the latest
/// known year's when the year is not supported (marked as estimated).
fn estimate_on(input: &Input, day: Date) -> Result<(Estimate, i32, bool), InputError> {
    let mut at = reframe_year(input, day.year() - input.year);
    not_yet_admitted(&mut at, day);
    at.date = Some(day);
    at.days = None;
    if params::for_year(day.year()).is_some() {
        return estimate(&at).map(|e| (e, day.year(), false));
    }
    let latest = *params::supported_years().last().unwrap_or(&input.year);
    let back = shift_dates(&at, latest - day.year());
    let p = household::params_for(latest)?;
    estimate_with_params(&back, p).map(|e| (e, latest, true))
}

/// A partner whose own stay begins after `day` still lives at home without Wlz care on that
/// day (spec §6.1 case P: "spouse 2 at home without care until admitted"), so a timeline from
/// the client's admission can pass the days before the partner's.
fn not_yet_admitted(input: &mut Input, day: Date) {
    if let Some(q) = input.partner.as_mut() {
        if q.stay
            .as_ref()
            .and_then(|s| s.start)
            .is_some_and(|s| s > day)
        {
            q.care = CareForms(vec![CareForm::None]);
            q.stay = None;
        }
    }
}

/// The days on which the regime may change: the start, a partner's later admission, and the
/// end of each person's start period (Blz 3.3.2.2 lid 1 a–b), each seen from the day its stay
/// has begun.
pub(crate) fn switch_days(input: &Input, from: Date, to: Date) -> Vec<Date> {
    let mut days = vec![from];
    let admitted = input
        .partner
        .as_ref()
        .and_then(|q| q.stay.as_ref())
        .and_then(|s| s.start)
        .filter(|d| *d > from && *d <= to);
    days.extend(admitted);
    for probe_day in std::iter::once(from).chain(admitted) {
        let mut probe = input.clone();
        not_yet_admitted(&mut probe, probe_day);
        probe.date = Some(probe_day);
        if let Ok(h) = household::build(&probe) {
            for m in &h.members {
                if let Some(end) = crate::regime::start_period(&h, m).ends {
                    if end > from && end <= to {
                        days.push(end);
                    }
                }
            }
        }
    }
    crate::household::sort_small_by_key(&mut days, |d| *d);
    days.dedup();
    days
}

/// The next `months` calendar months of a stay (or other care) that starts on
/// `start`: the regime and amount of each month, with the switch from the
/// start period to the hoge bijdrage charged per day in its month.
///
/// The stay start is set on the client (and, for a partner living along or in
/// an instelling without a start date of their own, on the partner too). The
/// income and assets given are used for every month; months in a later year
/// assume the same figures for that year's peiljaar.
pub fn timeline(input: &Input, start: Date, months: u32) -> Result<Timeline, InputError> {
    check_timeline_request(input, start, months)?;
    let base = admitted_on(input, start);
    let last_day = start
        .first_of_month()
        .add_months(months)
        .and_then(|d| d.add_days(-1))
        .ok_or_else(|| {
            InputError::new(
                ErrorCode::InvalidDate,
                Some("start"),
                Text::fixed("Ongeldige datum.", "Invalid date."),
            )
        })?;
    let switches = switch_days(&base, start, last_day);
    let mut out = Vec::with_capacity(months as usize);
    let mut notes = Vec::new();
    let mut month_start = start.first_of_month();
    for _ in 0..months {
        let month = timeline_month(&base, start, month_start, &switches)?;
        if month.estimated_parameters
            && !notes
                .iter()
                .any(|n: &Text| n.en.starts_with("Parameters of"))
        {
            let pyear = month.parameters_year;
            notes.push(Text::owned(
                format!("De bedragen voor {} zijn nog niet bekend; de tijdlijn gebruikt die van {pyear}.", month_start.year()),
                format!("Parameters of {} are not known yet; the timeline uses those of {pyear}.", month_start.year()),
            ));
        }
        out.push(month);
        month_start = month_start.add_months(1).unwrap_or(month_start);
    }
    if out.iter().any(|m| m.year != input.year) {
        notes.push(Text::fixed(
            "Voor maanden in een volgend jaar rekenen we met hetzelfde inkomen en vermogen. Het CAK gebruikt dan het peiljaar van dat jaar.",
            "For months in a later year we use the same income and assets; the CAK then uses that year's peiljaar.",
        ));
    }
    let total_12_months = out.iter().map(|m| m.amount).sum();
    let total_calendar_year = out
        .iter()
        .filter(|m| m.year == input.year)
        .map(|m| m.amount)
        .sum();
    Ok(Timeline {
        version: crate::CONTRACT_VERSION,
        start,
        months: out,
        total_12_months,
        calendar_year: input.year,
        total_calendar_year,
        notes,
    })
}

/// A timeline covers 1 to 36 months from a start date in the contribution year.
fn check_timeline_request(input: &Input, start: Date, months: u32) -> Result<(), InputError> {
    if !(1..=36).contains(&months) {
        return Err(InputError::new(
            ErrorCode::InvalidDays,
            Some("months"),
            Text::fixed(
                "Een tijdlijn heeft 1 tot 36 maanden.",
                "A timeline has 1 to 36 months.",
            ),
        ));
    }
    if start.year() != input.year {
        return Err(InputError::new(
            ErrorCode::InvalidDate,
            Some("start"),
            Text::owned(
                format!("De begindatum moet in {} liggen.", input.year),
                format!("The start date must lie in {}.", input.year),
            ),
        ));
    }
    Ok(())
}

/// The household with its stay starting on `start`: the client's, and a partner's in a stay
/// form without a start date of their own (the start period counts from there, lid 1 a).
fn admitted_on(input: &Input, start: Date) -> Input {
    let mut base = input.clone();
    base.days = None;
    let stay_form = |p: &crate::input::Person| {
        p.care.0.iter().any(|f| {
            matches!(
                f,
                CareForm::Instelling | CareForm::Dtv | CareForm::LivingAlong
            )
        })
    };
    if stay_form(&base.client) {
        let s = base.client.stay.get_or_insert_with(Stay::default);
        s.months_completed = None;
        s.start = Some(start);
    }
    if let Some(q) = base.partner.as_mut() {
        if stay_form(q) && q.stay.as_ref().and_then(|s| s.start).is_none() {
            let s = q.stay.get_or_insert_with(Stay::default);
            s.months_completed = None;
            s.start = Some(start);
        }
    }
    base
}

/// One calendar month of the timeline: cut at the switch days into segments of one regime
/// each, every segment charged per day unless it is the whole month (Blz 3.3.2.9 lid 2).
fn timeline_month(
    base: &Input,
    start: Date,
    month_start: Date,
    switches: &[Date],
) -> Result<TimelineMonth, InputError> {
    let month_end = month_start
        .add_months(1)
        .and_then(|d| d.add_days(-1))
        .unwrap_or(month_start);
    let from = month_start.max(start);
    let mut cuts: Vec<Date> = vec![from];
    cuts.extend(
        switches
            .iter()
            .copied()
            .filter(|d| *d > from && *d <= month_end),
    );
    let (mut segments, pyear, estimated) = month_segments(base, &cuts, month_start, month_end)?;
    let p = household::params_for(pyear)?;
    for s in &mut segments {
        let whole = s.from == month_start && s.to == month_end;
        s.due = if whole {
            s.monthly
        } else {
            partial(s.monthly, s.days, p)
        };
    }
    let amount = segments.iter().map(|s| s.due).sum();
    Ok(TimelineMonth {
        month: month_label(month_start),
        year: month_start.year(),
        segments,
        amount,
        parameters_year: pyear,
        estimated_parameters: estimated,
    })
}

/// The segments of one month from its cut days, each an estimate on its first day; a
/// segment with the same regime and amount as the one before is merged into it. Also
/// returns the parameter year used last and whether any segment's parameters were estimated.
fn month_segments(
    base: &Input,
    cuts: &[Date],
    month_start: Date,
    month_end: Date,
) -> Result<(Vec<Segment>, i32, bool), InputError> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut pyear = month_start.year();
    let mut estimated = false;
    for (i, seg_from) in cuts.iter().enumerate() {
        let seg_to = cuts
            .get(i + 1)
            .and_then(|d| d.add_days(-1))
            .unwrap_or(month_end);
        let (e, y, est) = estimate_on(base, *seg_from)?;
        pyear = y;
        estimated |= est;
        let days = seg_from.days_until(seg_to) + 1;
        let whole = *seg_from == month_start && seg_to == month_end;
        // Merge with the previous segment when the regime and amount did not change.
        if let Some(prev) = segments.last_mut() {
            if prev.regime == e.regime && prev.monthly == e.monthly {
                prev.to = seg_to;
                prev.days += days;
                continue;
            }
        }
        segments.push(Segment {
            from: *seg_from,
            to: seg_to,
            days,
            regime: e.regime,
            monthly: e.monthly,
            due: if whole { e.monthly } else { Decimal::ZERO },
        });
    }
    Ok((segments, pyear, estimated))
}

/// Blz 3.3.2.9 lid 2: the amount for part of a month, from the rounded monthly amount.
pub fn partial(monthly: Decimal, days: i64, p: &YearParams) -> Decimal {
    round_cents(
        monthly * Decimal::from(12) * Decimal::from(days) / p.partial_month_days_per_year.decimal,
    )
}

// ---------------------------------------------------------------------------
// Care forms side by side

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComparisonRow {
    /// `instelling-start`, `instelling`, `vpt`, `mpt`, `pgb`, `dtv`.
    pub option: &'static str,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<InputError>,
    /// This row is the household as given (its care form and, for an instelling, whether the
    /// start period still runs): the core decides, so no page needs the 4-month rule.
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    pub version: u32,
    pub year: i32,
    pub rows: Vec<ComparisonRow>,
}

/// The places a partner can live, side by side ([`partner_options`]).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnerOptions {
    pub version: u32,
    pub year: i32,
    /// `none` (at home without Wlz care), `living-along`, `instelling`, `beschermd-wonen`.
    pub rows: Vec<ComparisonRow>,
    /// The client lives in an instelling, so all four places are possible (living along is
    /// moving into the client's instelling, Wlz art. 3.1.1 lid 1 c).
    pub applies: bool,
    /// The rows do not all give the same regime and amount: the choice makes a difference.
    pub differs: bool,
}

/// One option of the care-form comparison: a typed value, so an unknown option is an error
/// where it is named ([`CareOption::from_name`]), never a silent default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CareOption {
    /// An instelling in its start period (the first 4 months, Blz 3.3.2.2 lid 1 a).
    InstellingStart,
    /// An instelling after the start period.
    Instelling,
    Vpt,
    Mpt,
    Pgb,
    Dtv,
}

impl CareOption {
    pub const ALL: [CareOption; 6] = [
        CareOption::InstellingStart,
        CareOption::Instelling,
        CareOption::Vpt,
        CareOption::Mpt,
        CareOption::Pgb,
        CareOption::Dtv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CareOption::InstellingStart => "instelling-start",
            CareOption::Instelling => "instelling",
            CareOption::Vpt => "vpt",
            CareOption::Mpt => "mpt",
            CareOption::Pgb => "pgb",
            CareOption::Dtv => "dtv",
        }
    }

    pub fn from_name(name: &str) -> Option<CareOption> {
        CareOption::ALL.into_iter().find(|o| o.name() == name)
    }

    /// The option's name; the instelling's two rows name the start period's months of `p`.
    pub fn label(self, p: &YearParams) -> Text {
        let months = YearParams::int(&p.start_period_months);
        match self {
            CareOption::InstellingStart => Text::owned(
                format!("Instelling, eerste {months} maanden"),
                format!("Instelling, first {months} months"),
            ),
            CareOption::Instelling => Text::owned(
                format!("Instelling, na {months} maanden"),
                format!("Instelling, after {months} months"),
            ),
            CareOption::Vpt => CareForm::Vpt.label(),
            CareOption::Mpt => CareForm::Mpt.label(),
            CareOption::Pgb => CareForm::Pgb.label(),
            CareOption::Dtv => CareForm::Dtv.label(),
        }
    }
}

/// The input with the client's care replaced by one option of the comparison.
pub fn comparison_input(input: &Input, option: CareOption) -> Input {
    let mut i = input.clone();
    i.days = None;
    i.date = None;
    let months = |m| {
        Some(Stay {
            months_completed: Some(m),
            ..Stay::default()
        })
    };
    let (form, stay) = match option {
        CareOption::InstellingStart => (CareForm::Instelling, months(0)),
        CareOption::Instelling => (CareForm::Instelling, months(12)),
        CareOption::Vpt => (CareForm::Vpt, None),
        CareOption::Mpt => (CareForm::Mpt, None),
        CareOption::Pgb => (CareForm::Pgb, None),
        CareOption::Dtv => (CareForm::Dtv, None),
    };
    i.client.care = CareForms(vec![form]);
    i.client.stay = stay;
    if form != CareForm::Mpt {
        i.client.mpt_max_20_hours = false;
    }
    // Dated stays of the partner cannot be evaluated without a date: count whole months instead.
    if let Some(q) = i.partner.as_mut() {
        if let Some(s) = q.stay.as_mut() {
            if s.start.is_some() {
                *s = Stay {
                    months_completed: input.date.zip(s.start).map(|(d, st)| {
                        let months = (d.year() - st.year()) * 12 + i32::from(d.month())
                            - i32::from(st.month());
                        months.max(0) as u32
                    }),
                    ..Stay::default()
                };
            }
        }
    }
    i
}

/// Every care form for the same household, each an ordinary estimate.
pub fn compare(input: &Input) -> Result<Comparison, InputError> {
    let p = household::params_for(input.year)?;
    let current = current_care_option(input);
    let rows = CareOption::ALL
        .into_iter()
        .map(|option| {
            let row = row(
                option.name(),
                option.label(p),
                estimate(&comparison_input(input, option)),
            );
            ComparisonRow {
                current: Some(option) == current,
                ..row
            }
        })
        .collect();
    Ok(Comparison {
        version: crate::CONTRACT_VERSION,
        year: input.year,
        rows,
    })
}

/// One row of a side-by-side view: the estimate's regime, amount and reason, or its error.
fn row(option: &'static str, label: Text, result: Result<Estimate, InputError>) -> ComparisonRow {
    match result {
        Ok(e) => ComparisonRow {
            option,
            label,
            regime: Some(e.regime),
            monthly: Some(e.monthly),
            reason: Some(e.regime_reason.text),
            estimated: Some(e.estimated),
            error: None,
            current: false,
        },
        Err(err) => ComparisonRow {
            option,
            label,
            regime: None,
            monthly: None,
            reason: None,
            estimated: None,
            error: Some(err),
            current: false,
        },
    }
}

/// The comparison option the household is in now: its care form, and for an instelling
/// whether the start period (Blz 3.3.2.2 lid 1 a) still runs on the core's own reckoning.
fn current_care_option(input: &Input) -> Option<CareOption> {
    let option = match input.client.care.0.first()? {
        CareForm::Instelling => {
            let h = household::build(input).ok()?;
            let sps = crate::regime::StartPeriods::new(&h);
            if sps.get(h.client()).in_start {
                CareOption::InstellingStart
            } else {
                CareOption::Instelling
            }
        }
        CareForm::Vpt => CareOption::Vpt,
        CareForm::Mpt => CareOption::Mpt,
        CareForm::Pgb => CareOption::Pgb,
        CareForm::Dtv => CareOption::Dtv,
        _ => return None,
    };
    Some(option)
}

// ---------------------------------------------------------------------------
// Where the partner lives, side by side

/// One place the partner can live ([`partner_options`]); typed, like [`CareOption`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartnerPlace {
    /// At home, without Wlz care.
    Home,
    /// Living along in the client's instelling, without care of their own.
    LivingAlong,
    /// In an instelling, with Wlz care of their own.
    Instelling,
    /// In Wmo beschermd wonen.
    BeschermdWonen,
}

impl PartnerPlace {
    pub const ALL: [PartnerPlace; 4] = [
        PartnerPlace::Home,
        PartnerPlace::LivingAlong,
        PartnerPlace::Instelling,
        PartnerPlace::BeschermdWonen,
    ];

    /// The partner's care form in this place.
    pub fn care(self) -> CareForm {
        match self {
            PartnerPlace::Home => CareForm::None,
            PartnerPlace::LivingAlong => CareForm::LivingAlong,
            PartnerPlace::Instelling => CareForm::Instelling,
            PartnerPlace::BeschermdWonen => CareForm::BeschermdWonen,
        }
    }

    /// The option's name: the care form's contract name (`none`, `living-along`, …).
    pub fn name(self) -> &'static str {
        self.care().name()
    }

    pub fn from_name(name: &str) -> Option<PartnerPlace> {
        PartnerPlace::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn label(self) -> Text {
        let (nl, en) = match self {
            PartnerPlace::Home => (
                "Partner woont thuis, zonder Wlz-zorg",
                "Partner lives at home, without Wlz care",
            ),
            PartnerPlace::LivingAlong => (
                "Partner woont mee in de instelling, zonder eigen indicatie",
                "Partner lives with you in the institution, without care of their own",
            ),
            PartnerPlace::Instelling => (
                "Partner woont in een instelling, met eigen Wlz-zorg",
                "Partner lives in an institution, with Wlz care of their own",
            ),
            PartnerPlace::BeschermdWonen => (
                "Partner woont in beschermd wonen (Wmo)",
                "Partner lives in sheltered housing (Wmo)",
            ),
        };
        Text::fixed(nl, en)
    }
}

/// The input with the partner in one place. A partner who moves into an instelling (with or
/// without care) and has no stay of their own is counted from the same start as the client:
/// they moved in together.
pub fn partner_option_input(input: &Input, place: PartnerPlace) -> Input {
    let mut i = input.clone();
    if let Some(q) = i.partner.as_mut() {
        let form = place.care();
        q.care = CareForms(vec![form]);
        if !matches!(form, CareForm::Instelling | CareForm::LivingAlong) {
            q.stay = None;
        } else if q.stay.is_none() {
            q.stay = input.client.stay.clone();
        }
    }
    i
}

/// Where the partner lives, side by side: at home without care, living along in the
/// client's instelling, in an instelling with care of their own, in Wmo beschermd wonen.
/// Each row is an ordinary estimate; the row of the partner's place now is `current`.
pub fn partner_options(input: &Input) -> Result<PartnerOptions, InputError> {
    household::params_for(input.year)?;
    let Some(partner) = input.partner.as_ref() else {
        return Err(InputError {
            code: crate::error::ErrorCode::MissingPartnerData,
            field: Some("partner".into()),
            message: Text::fixed(
                "Vul eerst uw partner in: dan zetten wij de woonplekken naast elkaar.",
                "First enter your partner: then we put the places to live side by side.",
            ),
        });
    };
    let now = partner.care.0.first().map(|c| c.name());
    let rows: Vec<ComparisonRow> = PartnerPlace::ALL
        .into_iter()
        .map(|place| {
            let row = row(
                place.name(),
                place.label(),
                estimate(&partner_option_input(input, place)),
            );
            ComparisonRow {
                current: now == Some(place.name()),
                ..row
            }
        })
        .collect();
    let outcome = |r: &ComparisonRow| (r.regime, r.monthly);
    let differs = rows.iter().any(|r| outcome(r) != outcome(&rows[0]));
    Ok(PartnerOptions {
        version: crate::CONTRACT_VERSION,
        year: input.year,
        rows,
        applies: input.client.care.0.contains(&CareForm::Instelling),
        differs,
    })
}

// ---------------------------------------------------------------------------
// Income dropped: peiljaarverlegging (Blz 3.3.2.3 lid 2–4, 3.3.2.4 lid 2–5)

/// What the user expects for the contribution year itself.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CurrentYear {
    /// Expected verzamelinkomen of the contribution year (client).
    pub income: Amount,
    /// Expected rendementsgrondslag on 1 January of the contribution year (client).
    #[serde(default)]
    pub assets: Option<Amount>,
    /// Expected income tax + premie volksverzekeringen of the contribution year (client; HEB).
    #[serde(default)]
    pub tax: Option<Amount>,
    #[serde(default)]
    pub partner_income: Option<Amount>,
    #[serde(default)]
    pub partner_assets: Option<Amount>,
    #[serde(default)]
    pub partner_tax: Option<Amount>,
    /// The client receives algemene bijstand: a request is possible regardless of the drop (LEB).
    #[serde(default)]
    pub bijstand: bool,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WhatIf {
    pub version: u32,
    pub year: i32,
    pub regime: Regime,
    /// The contribution on the peiljaar figures (what the CAK charges now).
    pub monthly_peiljaar: Decimal,
    /// The contribution on the current-year figures (if a request is granted; provisional).
    pub monthly_current: Decimal,
    pub bi_peiljaar: Option<Decimal>,
    pub bi_current: Option<Decimal>,
    /// `bi_peiljaar − bi_current`.
    pub drop: Option<Decimal>,
    /// The minimum drop for the LEB (Blz 3.3.2.4 lid 2).
    pub threshold: Option<Decimal>,
    /// Whether a request looks possible and worthwhile.
    pub request_possible: bool,
    pub saving_per_month: Decimal,
    /// Last day to ask the CAK for this year (4 months after the year ends; or 4 months after the decision, if later).
    pub deadline: Date,
    pub explanation: Vec<Text>,
    pub reference: Citation,
}

fn step_amount(e: &Estimate, id: &str) -> Option<Decimal> {
    e.steps.iter().find(|s| s.id == id).and_then(|s| s.amount)
}

/// Given this year's expected income and assets: can a change of reference
/// year (peiljaarverlegging) be requested, and what would the amount become?
pub fn what_if(input: &Input, current: &CurrentYear) -> Result<WhatIf, InputError> {
    what_if_with_params(input, current, household::params_for(input.year)?)
}

/// [`what_if`] with the given parameters (for tests that every parameter matters).
pub fn what_if_with_params(
    input: &Input,
    current: &CurrentYear,
    p: &'static YearParams,
) -> Result<WhatIf, InputError> {
    let now = estimate_with_params(input, p)?;
    let then = estimate_with_params(&on_current_year(input, current), p)?;
    let deadline = request_deadline(input.year, p);
    let saving = (now.monthly - then.monthly).max(Decimal::ZERO);
    let v = match now.regime {
        Regime::Lage => leb_verlegging(&now, &then, current, saving, p),
        Regime::Hoge => heb_verlegging(input, &now, &then, current, saving, p),
        Regime::Geen => Verlegging {
            bi_peiljaar: None,
            bi_current: None,
            drop: None,
            threshold: None,
            possible: false,
            reason: None,
            reference: Citation::new(p.reference(Article::Blz3324), "lid 2–5"),
        },
    };
    let mut explanation: Vec<Text> = v.reason.into_iter().collect();
    explanation.push(Text::owned(
        format!(
            "Vraag het CAK uiterlijk {deadline}: 4 maanden na het einde van {}. Komt de beschikking later? Dan hebt u 4 maanden na de beschikking. Het CAK rekent voorlopig en stelt de bijdrage na afloop van het jaar definitief vast.",
            input.year
        ),
        format!(
            "Ask the CAK by {deadline} (4 months after the end of {}), or within 4 months after the decision if that comes later. The CAK charges provisionally and settles after the year.",
            input.year
        ),
    ));
    explanation.push(Text::fixed(
        "Het CAK rekent dit bedrag nu nog niet. Het geldt pas als het CAK uw verzoek toekent.",
        "The amount on this year's figures is not what the CAK charges now: it applies only if the CAK grants your request.",
    ));
    Ok(WhatIf {
        version: crate::CONTRACT_VERSION,
        year: input.year,
        regime: now.regime,
        monthly_peiljaar: now.monthly,
        monthly_current: then.monthly,
        bi_peiljaar: v.bi_peiljaar,
        bi_current: v.bi_current,
        drop: v.drop,
        threshold: v.threshold,
        request_possible: v.possible,
        saving_per_month: saving,
        deadline,
        explanation,
        reference: v.reference,
    })
}

/// The household on the contribution year's own expected figures instead of the
/// peiljaar's: what the CAK would use after a peiljaarverlegging.
fn on_current_year(input: &Input, current: &CurrentYear) -> Input {
    let mut cur = input.clone();
    cur.client.income = Some(current.income);
    if let Some(a) = current.assets {
        cur.client.assets = Some(a);
    }
    if current.tax.is_some() {
        cur.client.tax = current.tax;
    }
    if let Some(q) = cur.partner.as_mut() {
        if let Some(i) = current.partner_income {
            q.income = Some(i);
        }
        if let Some(a) = current.partner_assets {
            q.assets = Some(a);
        }
        if current.partner_tax.is_some() {
            q.tax = current.partner_tax;
        }
    }
    cur
}

/// The last day to request a peiljaarverlegging: the request deadline (in months) after the
/// end of the contribution year.
fn request_deadline(year: i32, p: &YearParams) -> Date {
    let months = YearParams::int(&p.request_deadline_months) as u32;
    Date::new(year, 12, 31)
        .and_then(|d| d.add_days(1))
        .and_then(|d| d.add_months(months))
        .and_then(|d| d.add_days(-1))
        .unwrap_or(Date::new(year, 12, 31).expect("31 December exists"))
}

/// Whether a peiljaarverlegging looks possible for the regime, with the figures behind it.
struct Verlegging {
    bi_peiljaar: Option<Decimal>,
    bi_current: Option<Decimal>,
    drop: Option<Decimal>,
    threshold: Option<Decimal>,
    possible: bool,
    /// Why, for the explanation (none without a contribution).
    reason: Option<Text>,
    reference: Citation,
}

/// LEB (Blz 3.3.2.4 lid 2–5): a request is possible when the contribution income drops by
/// at least the threshold, or for a client on algemene bijstand, and it saves money.
fn leb_verlegging(
    now: &Estimate,
    then: &Estimate,
    current: &CurrentYear,
    saving: Decimal,
    p: &'static YearParams,
) -> Verlegging {
    let a = step_amount(now, "bi_leb");
    let b = step_amount(then, "bi_leb");
    let drop = a.zip(b).map(|(a, b)| a - b);
    let t = p.leb_verlegging_threshold_year.decimal;
    let enough = drop.is_some_and(|d| d >= t);
    let possible = (enough || current.bijstand) && saving > Decimal::ZERO;
    let reason = Text::owned(
        format!(
            "Uw bijdrageplichtig inkomen daalt naar verwachting met {}. Een verzoek kan als het minstens {} lager is{}.",
            drop.map_or("–".into(), |d| crate::format_eur(d, crate::Lang::Nl)),
            crate::format_eur(t, crate::Lang::Nl),
            " of als u algemene bijstand krijgt"
        ),
        format!(
            "Your contribution income is expected to drop by {}. A request is possible if it is at least {} lower{}.",
            drop.map_or("–".into(), |d| crate::format_eur(d, crate::Lang::En)),
            crate::format_eur(t, crate::Lang::En),
            " or if you receive general social assistance"
        ),
    );
    Verlegging {
        bi_peiljaar: a,
        bi_current: b,
        drop,
        threshold: Some(t),
        possible,
        reason: Some(reason),
        reference: Citation::new(p.reference(Article::Blz3324), "lid 2–5"),
    }
}

/// HEB (Blz 3.3.2.3 lid 2–4): a request is possible when what remains per month after the
/// regular HEB falls below this year's zak- en kleedgeld (Rlz art. 4.8, Bijlage G; the Zvw
/// premium and income-related contribution of the current year are not modelled), and it
/// saves money.
fn heb_verlegging(
    input: &Input,
    now: &Estimate,
    then: &Estimate,
    current: &CurrentYear,
    saving: Decimal,
    p: &'static YearParams,
) -> Verlegging {
    let a = step_amount(now, "bi_heb");
    let b = step_amount(then, "bi_heb");
    let married = input.partner.is_some();
    let zkg = if married {
        &p.zkg_current_year_married
    } else {
        &p.zkg_current_year_single
    };
    let net_year: Decimal = [Some(current.income), current.partner_income]
        .iter()
        .flatten()
        .map(|a| a.0)
        .sum::<Decimal>()
        - [current.tax, current.partner_tax]
            .iter()
            .flatten()
            .map(|a| a.0)
            .sum::<Decimal>();
    let remains = net_year / Decimal::from(12) - now.monthly;
    let floor = zkg.decimal / Decimal::from(12);
    let estimated_zkg = zkg.status == crate::params::Status::Estimate;
    let possible = remains < floor && saving > Decimal::ZERO;
    let reason = Text::owned(
        format!(
            "Na de gewone hoge bijdrage houdt u naar verwachting {} per maand over. Een verzoek kan als dat te weinig is. Te weinig is: minder dan het zak- en kleedgeld ({} per maand{}) plus de zorgverzekering, min zorgtoeslag.",
            crate::format_eur(remains, crate::Lang::Nl),
            crate::format_eur(floor, crate::Lang::Nl),
            if estimated_zkg { ", onze schatting" } else { "" }
        ),
        format!(
            "After the regular high contribution you are expected to keep {} a month. A request is possible if that is less than the personal allowance ({} a month{}) plus the health-insurance premium and contribution, minus zorgtoeslag.",
            crate::format_eur(remains, crate::Lang::En),
            crate::format_eur(floor, crate::Lang::En),
            if estimated_zkg { ", our estimate" } else { "" }
        ),
    );
    Verlegging {
        bi_peiljaar: a,
        bi_current: b,
        drop: a.zip(b).map(|(a, b)| a - b),
        threshold: None,
        possible,
        reason: Some(reason),
        reference: Citation::new(p.reference(Article::Blz3323), "lid 2–4"),
    }
}

// ---------------------------------------------------------------------------
// Income curve

#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CurvePoint {
    pub income: Decimal,
    pub monthly: Decimal,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomeCurve {
    pub version: u32,
    pub year: i32,
    pub regime: Regime,
    /// The monthly amount against the client's income, ascending, breakpoints included.
    pub points: Vec<CurvePoint>,
    /// The highest income at which the minimum still binds (LEB), exact to the cent.
    pub minimum_until: Option<Decimal>,
    /// The lowest income from which the maximum (LEB) or the cap (HEB) binds, exact to the cent.
    pub maximum_from: Option<Decimal>,
    pub minimum: Option<Decimal>,
    pub maximum: Decimal,
    /// The household's own position.
    pub current: CurvePoint,
}

fn with_income(input: &Input, income: Decimal) -> Input {
    let mut i = input.clone();
    i.client.income = Some(Amount(income));
    i.days = None;
    i
}

fn monthly_at(input: &Input, income: Decimal) -> Result<(Decimal, Option<Decimal>), InputError> {
    let e = estimate(&with_income(input, income))?;
    Ok((
        e.monthly,
        step_amount(&e, "leb_raw").or_else(|| step_amount(&e, "heb_raw")),
    ))
}

/// The smallest income (in cents, within [lo, hi]) for which `pred` holds;
/// `pred` must be monotone (false … false true … true).
fn first_cent(
    mut lo: Decimal,
    mut hi: Decimal,
    pred: impl Fn(Decimal) -> Result<bool, InputError>,
) -> Result<Option<Decimal>, InputError> {
    if !pred(hi)? {
        return Ok(None);
    }
    if pred(lo)? {
        return Ok(Some(lo));
    }
    let cent = Decimal::new(1, 2);
    while hi - lo > cent {
        let mid = round_cents((lo + hi) / Decimal::TWO);
        let mid = if mid <= lo {
            lo + cent
        } else if mid >= hi {
            hi - cent
        } else {
            mid
        };
        if pred(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi))
}

/// The monthly amount as a function of the client's income for this
/// household, with the breakpoints where the minimum stops and the maximum
/// starts to bind (found to the cent; the curve is non-decreasing in income).
pub fn income_curve(input: &Input, points: usize) -> Result<IncomeCurve, InputError> {
    let p = household::params_for(input.year)?;
    let here = estimate(input)?;
    let regime = here.regime;
    let own = input.client.income.map(|a| a.0).unwrap_or_default();
    let hi = Decimal::from(400_000).max(own);
    let zero = Decimal::ZERO;
    let thuis = here.steps.iter().any(|s| s.id == "leb_after_korting");
    let korting = if thuis {
        p.thuis_korting_month.decimal
    } else {
        zero
    };
    let (minimum, maximum) = match regime {
        Regime::Lage => (
            Some(p.leb_min_month.decimal - korting),
            p.leb_max_month.decimal - korting,
        ),
        Regime::Hoge => (Some(zero), p.heb_max_month.decimal),
        Regime::Geen => (Some(zero), zero),
    };
    let (minimum_until, maximum_from) = match regime {
        Regime::Lage if here.steps.iter().any(|s| s.id == "leb_raw") => {
            // raw = 10% × BI / 12 grows with income; the minimum binds while raw ≤ minimum.
            let above_min = first_cent(zero, hi, |x| {
                Ok(monthly_at(input, x)?
                    .1
                    .is_some_and(|r| r > p.leb_min_month.decimal))
            })?;
            let at_max = first_cent(zero, hi, |x| {
                Ok(monthly_at(input, x)?
                    .1
                    .is_some_and(|r| r >= p.leb_max_month.decimal))
            })?;
            // Above the minimum already at income 0: the minimum never binds;
            // never above it: it binds all the way.
            let until = match above_min {
                None => Some(hi),
                Some(x) if x > zero => Some(x - Decimal::new(1, 2)),
                Some(_) => None,
            };
            (until, at_max)
        }
        Regime::Hoge => {
            let at_cap = first_cent(zero, hi, |x| {
                Ok(monthly_at(input, x)?
                    .1
                    .is_some_and(|r| r >= p.heb_max_month.decimal))
            })?;
            (None, at_cap)
        }
        _ => (None, None),
    };
    let mut xs: Vec<Decimal> = Vec::new();
    let n = points.clamp(2, 400);
    let top = maximum_from.map_or(hi, |m| (m * Decimal::new(12, 1)).min(hi).max(own));
    for k in 0..n {
        xs.push(round_cents(top * Decimal::from(k) / Decimal::from(n - 1)));
    }
    xs.extend(minimum_until);
    xs.extend(maximum_from);
    xs.push(own);
    xs.sort();
    xs.dedup();
    let mut pts = Vec::with_capacity(xs.len());
    for x in xs {
        pts.push(CurvePoint {
            income: x,
            monthly: monthly_at(input, x)?.0,
        });
    }
    Ok(IncomeCurve {
        version: crate::CONTRACT_VERSION,
        year: input.year,
        regime,
        points: pts,
        minimum_until,
        maximum_from,
        minimum,
        maximum,
        current: CurvePoint {
            income: own,
            monthly: here.monthly,
        },
    })
}
