//! Life events and when they first count (planner.md §P.1.2), the checks of the events typed
//! in, and the plan's assumptions and hints (§P.6.5).
//!
//! ```text
//! assets change on a day of year t      → RG of 1 Jan t + 1 → contribution year t + 3
//! the home enters box 3 on 1 Jan t       → contribution year t + 2
//! AOW change in t                        → regime from that month; income t + 2 (part), t + 3
//! ```

use super::home;
use super::input::{AowOption, HomeStatus, PlanInput, Tenancy};
use super::{err, PlanYear};
use crate::date::Date;
use crate::error::{ErrorCode, InputError};
use crate::text::Text;
use serde::Serialize;

/// One event and the contribution year in which it first counts.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    /// `admission`, `home-box3`, `sale`, `gift`, `wlz-clause`, `aow-change`.
    pub kind: &'static str,
    pub date: Date,
    pub text: Text,
    /// The first contribution year the event changes.
    pub first_year: i32,
    /// The first year it counts in full, when later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_year: Option<i32>,
    pub article: &'static str,
}

/// The contribution year that first sees an asset change on `date` (§P.1.2, PO-3).
pub fn asset_year(date: Date, input: &PlanInput) -> i32 {
    let jan1 = date.month() == 1 && date.day() == 1;
    if jan1 && input.plan_readings.january_first_on_peildatum {
        date.year() + 2
    } else {
        date.year() + 3
    }
}

/// The events of the plan, each noted in the year where it first counts.
pub fn list(input: &PlanInput, years: &mut [PlanYear]) -> Vec<Event> {
    let mut out = Vec::new();
    if let Some(a) = input.admission {
        out.push(Event {
            kind: "admission",
            date: a,
            text: Text::owned(
                format!("Opname op {}.", a.long(crate::Lang::Nl)),
                format!("Admission on {}.", a.long(crate::Lang::En)),
            ),
            first_year: a.year(),
            full_year: None,
            article: "Blz art. 3.3.2.2 lid 1 a",
        });
    }
    home_events(input, years, &mut out);
    for g in &input.gifts {
        out.push(Event {
            kind: "gift",
            date: g.date,
            text: Text::owned(
                format!(
                    "Schenking van {} op {}.",
                    crate::money::format_eur(g.amount.0, crate::Lang::Nl),
                    g.date.long(crate::Lang::Nl)
                ),
                format!(
                    "Gift of {} on {}.",
                    crate::money::format_eur(g.amount.0, crate::Lang::En),
                    g.date.long(crate::Lang::En)
                ),
            ),
            first_year: asset_year(g.date, input),
            full_year: None,
            article: "Blz art. 3.3.1.2 lid 2; Wet IB 2001 art. 5.3",
        });
    }
    for c in &input.wlz_clause {
        out.push(Event {
            kind: "wlz-clause",
            date: c.date,
            text: Text::owned(
                format!(
                    "Vordering uit de Wlz-clausule opeisbaar op {}.",
                    c.date.long(crate::Lang::Nl)
                ),
                format!(
                    "Claim from the Wlz clause due on {}.",
                    c.date.long(crate::Lang::En)
                ),
            ),
            first_year: asset_year(c.date, input),
            full_year: None,
            article: "Wet IB 2001 art. 5.3 lid 3, 5.4",
        });
    }
    if let Some(c) = super::aow::change_date(input) {
        out.push(Event {
            kind: "aow-change",
            date: c,
            text: Text::owned(
                format!(
                    "Vanaf {} duurzaam gescheiden: AOW voor ongehuwden.",
                    c.long(crate::Lang::Nl)
                ),
                format!(
                    "From {} living permanently apart: unmarried AOW.",
                    c.long(crate::Lang::En)
                ),
            ),
            first_year: c.year(),
            full_year: Some(c.year() + 3),
            article: "Wlz art. 1.1.2 lid 2 b; Blz art. 3.3.1.4 lid 1",
        });
    }
    for (i, e) in out.iter().enumerate() {
        if let Some(y) = years.iter_mut().find(|y| y.year == e.first_year) {
            y.events.push(i);
        }
    }
    out
}

/// The sale, and the first 1 January on which the home is in box 3.
fn home_events(input: &PlanInput, years: &[PlanYear], out: &mut Vec<Event>) {
    let Some(h) = &input.home else { return };
    if let Some(s) = h.sold {
        out.push(Event {
            kind: "sale",
            date: s,
            text: Text::owned(
                format!("Huis verkocht op {}.", s.long(crate::Lang::Nl)),
                format!("Home sold on {}.", s.long(crate::Lang::En)),
            ),
            first_year: asset_year(s, input),
            full_year: None,
            article: "Wet IB 2001 art. 5.3 lid 2",
        });
    }
    let last = years.last().map_or(input.from, |y| y.year);
    let first_box3 =
        (input.from - 2..=last - 2).find(|t| home::on_peildatum(h, input, *t).status == "box3");
    if let Some(t) = first_box3 {
        let on = home::on_peildatum(h, input, t);
        let before = home::on_peildatum(h, input, t - 1).reason;
        // A let home says at which share of the WOZ value it counts; otherwise nothing to add.
        let let_part = match on.leegwaarderatio {
            Some(_) => Text::owned(format!(" {}", on.reason.nl), format!(" {}", on.reason.en)),
            None => Text::fixed("", ""),
        };
        let Some(date) = Date::new(t, 1, 1) else {
            return;
        };
        out.push(Event {
            kind: "home-box3",
            date,
            text: Text::owned(
                format!(
                    "{} Vanaf 1 januari {t} telt het huis in box 3.{}",
                    before.nl, let_part.nl
                ),
                format!(
                    "{} From 1 January {t} the home counts in box 3.{}",
                    before.en, let_part.en
                ),
            ),
            first_year: t + 2,
            full_year: None,
            article: on.article,
        });
    }
}

/// Checks the home, the gifts, the AOW choice and the drawdown; each problem names its field.
pub fn check(input: &PlanInput) -> Result<(), InputError> {
    if let Some(h) = &input.home {
        if h.status == HomeStatus::Let && (h.let_from.is_none() || h.rent.is_none()) {
            let field = if h.let_from.is_none() {
                "home.let_from"
            } else {
                "home.rent"
            };
            return Err(err(
                ErrorCode::MissingDate,
                field,
                "Vul bij verhuur de eerste huurdag en de huur per maand in.".into(),
                "For a letting, give the first day and the rent per month.".into(),
            ));
        }
        if h.status == HomeStatus::Partner && input.partner.is_none() {
            return Err(err(
                ErrorCode::MissingPartnerData,
                "home.status",
                "Er woont een partner in het huis: vul de partner in.".into(),
                "A partner lives in the home: give the partner.".into(),
            ));
        }
        if h.status != HomeStatus::Partner && home::left(h, input).is_none() {
            return Err(err(
                ErrorCode::MissingDate,
                "admission",
                "Vul de opnamedatum in: vanaf dan telt het huis anders mee.".into(),
                "Give the admission date: from then on the home counts differently.".into(),
            ));
        }
        if h.tenancy != Tenancy::Regular && h.status != HomeStatus::Let {
            return Err(err(
                ErrorCode::InvalidArgument,
                "home.tenancy",
                "Een soort huur past alleen bij een verhuurd huis.".into(),
                "A kind of tenancy only fits a let home.".into(),
            ));
        }
    }
    for (i, g) in input.gifts.iter().enumerate() {
        if g.amount.0 <= rust_decimal::Decimal::ZERO {
            return Err(err(
                ErrorCode::InvalidAmount,
                &format!("gifts[{i}].amount"),
                "Een schenking is meer dan € 0.".into(),
                "A gift is more than € 0.".into(),
            ));
        }
        if g.deed_and_interest && !g.on_paper {
            return Err(err(
                ErrorCode::InvalidArgument,
                &format!("gifts[{i}].deed_and_interest"),
                "Akte en rente horen bij een schenking op papier.".into(),
                "A deed and interest belong to a gift on paper.".into(),
            ));
        }
    }
    if input.aow.option == AowOption::Gescheiden && input.partner.is_none() {
        return Err(err(
            ErrorCode::MissingPartnerData,
            "aow.option",
            "Duurzaam gescheiden leven kan alleen met een partner.".into(),
            "Living permanently apart needs a partner.".into(),
        ));
    }
    if input.aow.option == AowOption::Gescheiden && super::aow::change_date(input).is_none() {
        return Err(err(
            ErrorCode::MissingDate,
            "aow.change",
            "Vul in vanaf wanneer u duurzaam gescheiden leeft, of de opnamedatum.".into(),
            "Give the date you live permanently apart from, or the admission date.".into(),
        ));
    }
    if let Some(d) = &input.drawdown {
        let n = input.years.unwrap_or(super::DEFAULT_YEARS) as i32;
        if d.from < input.from || d.from >= input.from + n {
            return Err(err(
                ErrorCode::InvalidArgument,
                "drawdown.from",
                format!(
                    "Kies voor het interen een jaar van {} tot en met {}.",
                    input.from,
                    input.from + n - 1
                ),
                format!(
                    "Choose a drawdown year from {} to {}.",
                    input.from,
                    input.from + n - 1
                ),
            ));
        }
    }
    Ok(())
}

/// The plan's assumptions: known vs expected, and the open readings (PO-n) that matter here.
pub fn assumptions(input: &PlanInput) -> Vec<super::Assumption> {
    let a = |id: Option<&'static str>, nl: &'static str, en: &'static str| super::Assumption {
        id,
        text: Text::fixed(nl, en),
    };
    let mut out = vec![
        super::Assumption {
            id: None,
            text: Text::owned(
                format!("Cijfers van jaren vóór {} zijn bekend (aanslag). Latere jaren zijn een verwachting.", input.from),
                format!("Figures of years before {} are known (tax assessment). Later years are an expectation.", input.from),
            ),
        },
        a(Some("PO-10"), "De aftrekposten van de hoge bijdrage zijn een schatting. Voor latere jaren nemen we de laatste bekende over.",
            "The deductions of the high contribution are an estimate. For later years we carry the latest known ones."),
        a(Some("PO-11"), "Box 3 rekent met de regels van 2026, ook in latere jaren.", "Box 3 uses the 2026 rules, also in later years."),
        a(Some("PO-9"), "Over het inkomen uit box 3 rekenen we 36% belasting.", "We count 36% tax on the box-3 income."),
        a(Some("PO-15"), "Recht op zorgtoeslag leiden we af uit vermogen en inkomen van het peiljaar.",
            "We derive the right to zorgtoeslag from the assets and income of the peiljaar."),
    ];
    if input.plan_readings.zorgtoeslag_as_given {
        out.pop();
        out.push(a(
            Some("PO-15"),
            "Recht op zorgtoeslag: uw eigen antwoord, voor elk jaar.",
            "Right to zorgtoeslag: your own answer, for every year.",
        ));
    }
    let events_on_jan1 = input
        .gifts
        .iter()
        .map(|g| g.date)
        .chain(input.home.as_ref().and_then(|h| h.sold))
        .any(|d| d.month() == 1 && d.day() == 1);
    if events_on_jan1 {
        out.push(a(
            Some("PO-3"),
            "Iets op 1 januari telt pas op 1 januari van het jaar erna.",
            "Something on 1 January counts only on 1 January of the next year.",
        ));
    }
    if let Some(adm) = input.admission.filter(|a| a.year() >= input.from) {
        out.push(super::Assumption {
            id: None,
            text: Text::owned(
                format!(
                    "Vóór de opname op {} rekenen we geen bijdrage.",
                    adm.long(crate::Lang::Nl)
                ),
                format!(
                    "Before the admission on {} we count no contribution.",
                    adm.long(crate::Lang::En)
                ),
            ),
        });
    }
    home_and_aow_assumptions(input, &mut out);
    if input.gifts.iter().any(|g| g.on_paper) {
        out.push(a(Some("PO-12"), "Een schenking op papier telt alleen als schuld met een notariële akte en betaalde rente.",
            "A gift on paper only counts as a debt with a notarial deed and interest paid."));
    }
    if !input.wlz_clause.is_empty() {
        out.push(a(
            Some("PO-13"),
            "De vordering uit de Wlz-clausule telt met de rente die u invult.",
            "The Wlz-clause claim counts with the interest you enter.",
        ));
    }
    if input.drawdown.is_some() {
        out.push(a(
            Some("PO-14"),
            "U betaalt de bijdrage in hetzelfde jaar van uw spaargeld.",
            "You pay the contribution from your savings in the same year.",
        ));
    }
    if input.partner.is_some() && !input.gifts.is_empty() {
        out.push(a(
            Some("PO-20"),
            "Een schenking verlaagt het vermogen van wie schenkt.",
            "A gift lowers the assets of the giver.",
        ));
    }
    if input.proposals {
        out.push(a(None, "Voorstel, nog geen wet: box 3 verandert mogelijk vanaf 2027 en 2028. Er zijn nog geen vaste bedragen, dus de bedragen hierboven volgen de huidige wet.",
            "Proposal, not yet law: box 3 may change from 2027 and 2028. There are no fixed amounts yet, so the amounts above follow the current law."));
    }
    out
}

/// The readings about the home and the AOW choice (PO-1, 2, 4, 5, 7, 16, 17, 18).
fn home_and_aow_assumptions(input: &PlanInput, out: &mut Vec<super::Assumption>) {
    let a = |id: Option<&'static str>, nl: &'static str, en: &'static str| super::Assumption {
        id,
        text: Text::fixed(nl, en),
    };
    if let Some(h) = &input.home {
        if h.status == HomeStatus::Let {
            out.push(a(Some("PO-1"), "Verhuurd in de 2 jaar na opname: het huis blijft eigen woning; 70% van de huur telt in box 1.",
                "Let in the 2 years after admission: still an own home; 70% of the rent counts in box 1."));
            if h.tenancy == Tenancy::Leegstandwet {
                out.push(a(
                    Some("PO-2"),
                    "Verhuur met de Leegstandwet: het huis telt voor de hele WOZ-waarde.",
                    "Letting under the Leegstandwet: the home counts at the full WOZ value.",
                ));
            }
        }
        out.push(a(
            Some("PO-17"),
            "Het inkomen uit box 1 is uw eigen opgave. Het eigenwoningforfait rekenen we niet.",
            "The box-1 income is your own figure. We do not compute the eigenwoningforfait.",
        ));
    }
    if input.aow.option == AowOption::Gescheiden || super::aow::applies(input) {
        out.push(a(
            Some("PO-4"),
            "Duurzaam gescheiden telt vanaf de maand waarin de SVB de AOW voor ongehuwden betaalt.",
            "Living apart counts from the month the SVB pays the unmarried AOW.",
        ));
        out.push(a(
            Some("PO-5"),
            "Het CAK volgt wat de SVB vaststelt.",
            "The CAK follows what the SVB decides.",
        ));
        out.push(a(
            Some("PO-6"),
            "Samenwonend zonder huwelijk? Wij volgen wat u invult: met partner telt u samen.",
            "Living together unmarried? We follow what you enter: with a partner you count together.",
        ));
        if input.home.is_some() {
            out.push(a(
                Some("PO-8"),
                "Uw deel van het huis blijft na de keuze in box 1. Dat is niet zeker: zie de waarschuwing.",
                "Your share of the home stays in box 1 after the choice. That is not certain: see the warning.",
            ));
        }
        out.push(a(
            Some("PO-7"),
            "Na de keuze rekent de hoge bijdrage met uw eigen inkomen als alleenstaande.",
            "After the choice the high contribution uses your own income as a single person.",
        ));
        out.push(a(
            Some("PO-16"),
            "De netto AOW is een indicatie van de SVB, met loonheffingskorting.",
            "The net AOW is an SVB indication, with the payroll tax credit.",
        ));
        out.push(a(
            Some("PO-18"),
            "De AOW-bedragen van 1 januari 2026 gelden ook daarna.",
            "The AOW amounts of 1 January 2026 also apply later.",
        ));
    }
}

/// Hints: gift tax, the house-in-box-3 date, a peiljaarverlegging that may pay (PO-19), the
/// lag of savings spent on the contribution.
pub fn hints(input: &PlanInput, years: &[PlanYear]) -> Vec<Text> {
    let mut out = Vec::new();
    if !input.gifts.is_empty() {
        out.push(Text::fixed(
            "Over een schenking betaalt de ontvanger misschien schenkbelasting. Die rekenen wij niet.",
            "The receiver may owe gift tax on a gift. We do not compute it.",
        ));
    }
    // PO-19: only a hint; the verlegging itself is computed by `scenarios::what_if`.
    for w in years.windows(2) {
        let rg = |y: &PlanYear| {
            y.people
                .iter()
                .map(|f| f.rendementsgrondslag)
                .sum::<rust_decimal::Decimal>()
        };
        let drop = rg(&w[0]) - rg(&w[1]);
        if drop >= rust_decimal::Decimal::from(82_340) {
            out.push(Text::owned(
                format!("Uw vermogen daalt veel. Vraag het CAK misschien om met het inkomen van {} te rekenen (peiljaarverlegging).", w[1].peiljaar + 2),
                format!("Your assets fall a lot. You may ask the CAK to use the income of {} (peiljaarverlegging).", w[1].peiljaar + 2),
            ));
            break;
        }
    }
    if input.drawdown.is_some() {
        out.push(Text::fixed(
            "Betaalt u de bijdrage van uw spaargeld? Dan ziet u dat pas 3 jaar later terug in een lagere bijdrage.",
            "Do you pay the contribution from savings? That lowers the contribution only 3 years later.",
        ));
    }
    out
}
