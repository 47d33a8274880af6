//! Which questions matter for a household: the answers that can change the amount or the
//! regime, each with the reason in one plain sentence. The page shows exactly these; the
//! CLI and the npm package can say the same ("not used for this situation").
//!
//! The rules follow the regime decision (Blz 3.3.2.1–3.3.2.2a, [`crate::regime::decide`]) and
//! the places where the calculation reads an answer (Blz 3.3.2.3 ff., [`crate::engine`]):
//! * no contribution (`geen`) uses no amount; the CAK's no-data charge (`cak_has_no_data`)
//!   uses none either;
//! * the tax, the income from work and zorgtoeslag feed only the hoge bijdrage;
//! * the start period, children and an expected return home matter only where flipping them
//!   changes the regime decision, which is tried on the decision itself;
//! * the mpt ≤ 20 hours questions matter only for mpt.
//!
//! `tests/questions.rs` proves it both ways over generated households: an answer called
//! irrelevant never changes the result, and every question changes it for some household.

use crate::household::{self, Form, Household, Member, Role};
use crate::input::{Amount, CareForm, Input};
use crate::regime::{self, Regime, StartPeriod, StartPeriods};
use crate::text::Text;
use crate::vocabulary::Key;
use serde::Serialize;

/// One question of the household: its key is the CLI flag without dashes, the form's field
/// id and the query parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Question {
    Year,
    Age,
    Care,
    MonthsInCare,
    MptMax20Hours,
    Income,
    Assets,
    Tax,
    WorkIncome,
    OneOffPayments,
    Partner,
    PartnerAge,
    PartnerCare,
    PartnerMonthsInCare,
    PartnerIncome,
    PartnerAssets,
    PartnerTax,
    PartnerWorkIncome,
    Children,
    ReturnHomeExpected,
    WmoMaatwerkvoorziening,
    Zorgtoeslag,
}

impl Question {
    pub const ALL: [Question; 22] = [
        Question::Year,
        Question::Age,
        Question::Care,
        Question::MonthsInCare,
        Question::MptMax20Hours,
        Question::Income,
        Question::Assets,
        Question::Tax,
        Question::WorkIncome,
        Question::OneOffPayments,
        Question::Partner,
        Question::PartnerAge,
        Question::PartnerCare,
        Question::PartnerMonthsInCare,
        Question::PartnerIncome,
        Question::PartnerAssets,
        Question::PartnerTax,
        Question::PartnerWorkIncome,
        Question::Children,
        Question::ReturnHomeExpected,
        Question::WmoMaatwerkvoorziening,
        Question::Zorgtoeslag,
    ];

    /// The input of the vocabulary this question asks for; `None` for "is there a partner",
    /// which the contract says by having a `partner` at all.
    pub fn input(self) -> Option<Key> {
        use Question as Q;
        Some(match self {
            Q::Year => Key::Year,
            Q::Age => Key::Age,
            Q::Care => Key::Care,
            Q::MonthsInCare => Key::MonthsInCare,
            Q::MptMax20Hours => Key::MptMax20Hours,
            Q::Income => Key::Income,
            Q::Assets => Key::Assets,
            Q::Tax => Key::Tax,
            Q::WorkIncome => Key::WorkIncome,
            Q::OneOffPayments => Key::OneOffPayments,
            Q::Partner => return None,
            Q::PartnerAge => Key::PartnerAge,
            Q::PartnerCare => Key::PartnerCare,
            Q::PartnerMonthsInCare => Key::PartnerMonthsInCare,
            Q::PartnerIncome => Key::PartnerIncome,
            Q::PartnerAssets => Key::PartnerAssets,
            Q::PartnerTax => Key::PartnerTax,
            Q::PartnerWorkIncome => Key::PartnerWorkIncome,
            Q::Children => Key::Children,
            Q::ReturnHomeExpected => Key::ReturnHomeExpected,
            Q::WmoMaatwerkvoorziening => Key::WmoMaatwerkvoorziening,
            Q::Zorgtoeslag => Key::Zorgtoeslag,
        })
    }

    /// The key: the vocabulary's (`months-in-care`, `partner-tax`, …), and `partner`.
    pub fn key(self) -> &'static str {
        self.input().map_or("partner", Key::key)
    }

    /// A short name, to list an answer ("Belasting en premies: niet gebruikt …").
    pub fn label(self) -> Text {
        use Question as Q;
        let (nl, en) = match self {
            Q::Year => ("Jaar", "Year"),
            Q::Age => ("Leeftijd", "Age"),
            Q::Care => ("Zorg", "Care"),
            Q::MonthsInCare => ("Hoe lang in de instelling", "How long in the instelling"),
            Q::MptMax20Hours => ("Hoogstens 20 uur zorg", "At most 20 hours of care"),
            Q::Income => ("Verzamelinkomen", "Verzamelinkomen (total income)"),
            Q::Assets => ("Spaargeld en beleggingen", "Savings and investments"),
            Q::Tax => ("Belasting en premies", "Tax and contributions"),
            Q::WorkIncome => ("Inkomen uit werk", "Income from work"),
            Q::OneOffPayments => ("Eenmalige uitkeringen", "One-off payments"),
            Q::Partner => ("Partner", "Partner"),
            Q::PartnerAge => ("Leeftijd van uw partner", "Your partner's age"),
            Q::PartnerCare => ("Waar uw partner woont", "Where your partner lives"),
            Q::PartnerMonthsInCare => (
                "Hoe lang uw partner in de instelling is",
                "How long your partner has been in the instelling",
            ),
            Q::PartnerIncome => (
                "Verzamelinkomen van uw partner",
                "Your partner's verzamelinkomen",
            ),
            Q::PartnerAssets => (
                "Spaargeld en beleggingen van uw partner",
                "Your partner's savings and investments",
            ),
            Q::PartnerTax => (
                "Belasting en premies van uw partner",
                "Your partner's tax and contributions",
            ),
            Q::PartnerWorkIncome => (
                "Inkomen uit werk van uw partner",
                "Your partner's income from work",
            ),
            Q::Children => ("Kinderen", "Children"),
            Q::ReturnHomeExpected => ("Binnen 4 maanden naar huis", "Home within 4 months"),
            Q::WmoMaatwerkvoorziening => (
                "Hulp van de gemeente (Wmo)",
                "Help from the municipality (Wmo)",
            ),
            Q::Zorgtoeslag => ("Zorgtoeslag", "Zorgtoeslag (healthcare allowance)"),
        };
        Text::fixed(nl, en)
    }

    pub fn from_key(key: &str) -> Option<Question> {
        let key = key.trim().to_ascii_lowercase().replace('_', "-");
        Question::ALL.into_iter().find(|q| q.key() == key)
    }
}

/// A question that matters, and why (one B1 sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ask {
    pub question: Question,
    pub reason: Text,
}

/// What the answers so far decide about every question, worked out once (a household build and
/// a few regime decisions): a page asks it once per change and reads all its questions from it.
pub struct Assessment(Situation);

impl Assessment {
    pub fn of(input: &Input) -> Assessment {
        Assessment(Situation::of(input))
    }

    /// Whether one question can change the result.
    pub fn asks(&self, q: Question) -> bool {
        self.0.asks(q)
    }

    /// The questions that can change the result, in form order.
    pub fn questions(&self) -> Vec<Question> {
        Question::ALL
            .into_iter()
            .filter(|q| self.asks(*q))
            .collect()
    }

    /// Why a question does not matter (one B1 sentence), or `None` when it does.
    pub fn not_used(&self, q: Question) -> Option<Text> {
        (!self.asks(q)).then(|| self.0.why_not(q))
    }
}

/// Why a question does not matter for this household (one B1 sentence), or `None` when it
/// does. The page shows this next to an answer that is no longer used.
pub fn not_used(input: &Input, q: Question) -> Option<Text> {
    Assessment::of(input).not_used(q)
}

/// The questions whose answer can change the result for this (possibly half-filled)
/// household, in form order, each with its reason.
pub fn relevant(input: &Input) -> Vec<Ask> {
    relevant_questions(input)
        .into_iter()
        .map(|q| Ask {
            question: q,
            reason: reason(q),
        })
        .collect()
}

/// The questions of [`relevant`] without their reasons (what a form needs to show them).
pub fn relevant_questions(input: &Input) -> Vec<Question> {
    Assessment::of(input).questions()
}

/// Whether one question matters (see [`relevant`]).
pub fn is_relevant(input: &Input, q: Question) -> bool {
    Assessment::of(input).asks(q)
}

/// What the household's answers so far decide.
struct Situation {
    partner: bool,
    /// The client's care form is chosen (and is one a client can have).
    care_known: bool,
    client_mpt: bool,
    regime: Option<Regime>,
    no_data: bool,
    client_stay_matters: bool,
    partner_stay_matters: bool,
    children_matter: bool,
    return_home_matters: bool,
    mpt_korting_possible: bool,
}

impl Situation {
    fn of(input: &Input) -> Situation {
        let partner = input.partner.is_some();
        let care_known = input.client.care.0.iter().any(|c| {
            !matches!(
                c,
                CareForm::None | CareForm::LivingAlong | CareForm::BeschermdWonen
            )
        });
        let client_mpt = input.client.care.0.contains(&CareForm::Mpt);
        let mut s = Situation {
            partner,
            care_known,
            client_mpt,
            regime: None,
            no_data: input.household.cak_has_no_data,
            client_stay_matters: false,
            partner_stay_matters: false,
            children_matter: false,
            return_home_matters: false,
            mpt_korting_possible: false,
        };
        if !care_known {
            return s;
        }
        let filled = with_placeholders(input);
        let Ok(h) = household::build(&filled) else {
            // Another answer is invalid (the page shows that error): keep every question.
            s.regime = None;
            s.client_stay_matters = true;
            s.partner_stay_matters = partner;
            s.children_matter = true;
            s.return_home_matters = true;
            s.mpt_korting_possible = client_mpt;
            return s;
        };
        let sps = StartPeriods::new(&h);
        let actual = regime::decide(&h, &|m| sps.get(m));
        s.regime = Some(actual.regime);
        let outcome = |d: &regime::Decision| (d.regime, d.once_for_couple);
        let now = outcome(&actual);
        s.client_stay_matters = stay_matters(&h, &sps, Role::Client, now);
        s.partner_stay_matters = partner && stay_matters(&h, &sps, Role::Partner, now);
        s.children_matter = decision_with(&filled, |i| i.household.children ^= true) != Some(now);
        s.return_home_matters =
            decision_with(&filled, |i| i.household.return_home_expected ^= true) != Some(now);
        s.mpt_korting_possible = h
            .members
            .iter()
            .any(|m| regime::effective_form(m) == Form::Mpt && m.mpt_max_20_hours);
        s
    }

    /// Amounts are used at all: a contribution is due and the CAK has the income data.
    fn amounts(&self) -> bool {
        self.regime != Some(Regime::Geen) && !self.no_data
    }

    fn hoge(&self) -> bool {
        self.regime == Some(Regime::Hoge) && !self.no_data
    }

    fn asks(&self, q: Question) -> bool {
        use Question as Q;
        match q {
            Q::Year | Q::Age | Q::Care | Q::Partner => true,
            Q::MonthsInCare => self.care_known && self.client_stay_matters,
            Q::MptMax20Hours => self.client_mpt && self.amounts(),
            Q::WmoMaatwerkvoorziening => self.mpt_korting_possible && self.amounts(),
            Q::Income | Q::Assets | Q::OneOffPayments => !self.care_known || self.amounts(),
            Q::Tax | Q::WorkIncome | Q::Zorgtoeslag => self.hoge(),
            Q::PartnerAge | Q::PartnerCare => self.partner,
            Q::PartnerIncome | Q::PartnerAssets => {
                self.partner && (!self.care_known || self.amounts())
            }
            Q::PartnerTax | Q::PartnerWorkIncome => self.partner && self.hoge(),
            Q::PartnerMonthsInCare => self.partner && self.partner_stay_matters,
            Q::Children => self.care_known && self.children_matter,
            Q::ReturnHomeExpected => self.care_known && self.return_home_matters,
        }
    }

    fn why_not(&self, q: Question) -> Text {
        use Question as Q;
        if !self.care_known {
            return Text::fixed(
                "Kies eerst welke zorg u krijgt.",
                "First choose which care you receive.",
            );
        }
        if self.regime == Some(Regime::Geen) {
            return Text::fixed(
                "U betaalt geen eigen bijdrage. Dit antwoord verandert daar niets aan.",
                "You pay no contribution. This answer does not change that.",
            );
        }
        if self.no_data
            && !matches!(
                q,
                Q::MonthsInCare | Q::PartnerMonthsInCare | Q::Children | Q::ReturnHomeExpected
            )
        {
            return Text::fixed(
                "Het CAK heeft uw gegevens niet. Het rekent dan niet met dit bedrag.",
                "The CAK has no data about you. It does not use this amount then.",
            );
        }
        match q {
            Q::PartnerAge
            | Q::PartnerCare
            | Q::PartnerIncome
            | Q::PartnerAssets
            | Q::PartnerTax
            | Q::PartnerWorkIncome
            | Q::PartnerMonthsInCare
                if !self.partner =>
            {
                Text::fixed(
                    "U hebt geen partner opgegeven.",
                    "You have not given a partner.",
                )
            }
            Q::Tax | Q::WorkIncome | Q::Zorgtoeslag | Q::PartnerTax | Q::PartnerWorkIncome => {
                Text::fixed(
                    "Dit telt alleen bij de hoge eigen bijdrage. Die geldt hier niet.",
                    "This only counts for the high contribution. That does not apply here.",
                )
            }
            Q::MptMax20Hours | Q::WmoMaatwerkvoorziening => Text::fixed(
                "Dit telt alleen bij mpt van hoogstens 20 uur per week.",
                "This only counts for mpt of at most 20 hours a week.",
            ),
            _ => Text::fixed(
                "In deze situatie verandert dit antwoord het bedrag niet.",
                "In this situation this answer does not change the amount.",
            ),
        }
    }
}

/// Why a question matters (shown as its help).
fn reason(q: Question) -> Text {
    use Question as Q;
    match q {
        Q::Year => Text::fixed(
            "Elk jaar heeft eigen bedragen.",
            "Every year has its own amounts.",
        ),
        Q::Age | Q::PartnerAge => Text::fixed(
            "Onder 18 betaalt u niets. Vanaf de AOW-leeftijd gelden andere bedragen.",
            "Under 18 you pay nothing. From AOW age other amounts apply.",
        ),
        Q::Care | Q::PartnerCare => Text::fixed(
            "De soort zorg bepaalt of u de lage of de hoge eigen bijdrage betaalt.",
            "The kind of care decides whether you pay the low or the high contribution.",
        ),
        Q::Partner => Text::fixed(
            "Met een partner telt het inkomen van u samen.",
            "With a partner, your incomes count together.",
        ),
        Q::MonthsInCare | Q::PartnerMonthsInCare => Text::fixed(
            "De eerste 4 maanden in een instelling betaalt u de lage eigen bijdrage.",
            "In the first 4 months in an instelling you pay the low contribution.",
        ),
        Q::MptMax20Hours | Q::WmoMaatwerkvoorziening => Text::fixed(
            "Bij mpt van hoogstens 20 uur per week kan er korting zijn.",
            "With mpt of at most 20 hours a week there can be a reduction.",
        ),
        Q::Income | Q::PartnerIncome => Text::fixed(
            "De bijdrage hangt af van het inkomen van 2 jaar geleden.",
            "The contribution depends on the income of 2 years ago.",
        ),
        Q::Assets | Q::PartnerAssets => Text::fixed(
            "Een deel van uw vermogen telt mee als inkomen.",
            "Part of your assets counts as income.",
        ),
        Q::OneOffPayments => Text::fixed(
            "Eenmalige uitkeringen worden van het inkomen afgetrokken.",
            "One-off payments are deducted from the income.",
        ),
        Q::Tax | Q::PartnerTax => Text::fixed(
            "Bij de hoge eigen bijdrage gaat de betaalde belasting eraf.",
            "For the high contribution, the tax paid is deducted.",
        ),
        Q::WorkIncome | Q::PartnerWorkIncome => Text::fixed(
            "Bij de hoge eigen bijdrage telt werk minder mee.",
            "For the high contribution, income from work counts less.",
        ),
        Q::Zorgtoeslag => Text::fixed(
            "Bij de hoge eigen bijdrage verandert zorgtoeslag de aftrek voor de zorgverzekering.",
            "For the high contribution, zorgtoeslag changes the health-insurance deduction.",
        ),
        Q::Children => Text::fixed(
            "Met kinderen ten laste betaalt u de lage eigen bijdrage.",
            "With dependent children you pay the low contribution.",
        ),
        Q::ReturnHomeExpected => Text::fixed(
            "Gaat u binnen 4 maanden terug naar huis? Dan betaalt u de lage eigen bijdrage.",
            "Returning home within 4 months? Then you pay the low contribution.",
        ),
    }
}

/// The input with neutral values for unanswered amounts and ages, so the regime can be decided
/// (the regime never depends on an amount, Blz 3.3.2.1 and 3.3.2.2).
fn with_placeholders(input: &Input) -> Input {
    let mut i = input.clone();
    let people = std::iter::once(&mut i.client).chain(i.partner.as_mut());
    for p in people {
        if p.age.is_none() && p.birth_date.is_none() {
            p.age = Some(40);
        }
        if p.income.is_none() {
            p.income = Some(Amount(rust_decimal::Decimal::ZERO));
        }
    }
    if let Some(p) = &mut i.partner {
        if p.care.0.is_empty() {
            p.care.0.push(CareForm::None);
        }
    }
    i
}

/// The regime decision (regime and once-for-the-couple) after a change to the input.
fn decision_with(input: &Input, change: impl Fn(&mut Input)) -> Option<(Regime, bool)> {
    let mut i = input.clone();
    change(&mut i);
    let h = household::build(&i).ok()?;
    let sps = StartPeriods::new(&h);
    let d = regime::decide(&h, &|m| sps.get(m));
    Some((d.regime, d.once_for_couple))
}

/// Whether the start period of one member can change the decision: decided once as if the
/// member were in the start period and once as if it were over.
fn stay_matters(h: &Household, sps: &StartPeriods, role: Role, now: (Regime, bool)) -> bool {
    let Some(member) = h.members.iter().find(|m| m.role == role) else {
        return false;
    };
    if !regime::effective_form(member).is_stay() && !member.living_along {
        return false;
    }
    [true, false].into_iter().any(|in_start| {
        let forced = forced_start_period(in_start);
        let d = regime::decide(h, &|m: &Member| {
            if m.role == role {
                &forced
            } else {
                sps.get(m)
            }
        });
        (d.regime, d.once_for_couple) != now
    })
}

fn forced_start_period(in_start: bool) -> StartPeriod {
    StartPeriod {
        in_start,
        ends: None,
        assumed: false,
        text: Text::fixed("", ""),
        detail: "",
        readings: Vec::new(),
    }
}
