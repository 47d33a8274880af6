//! The questions, on one page with progressive disclosure: a question that
//! cannot change the answer for this household is not shown; the core decides
//! which (`wlz_core::questions`, through `FormData::asked`). An answer given
//! earlier that no longer matters is listed as not used (`not_used`). Each
//! question says why we ask and the official term.

use super::fields::{check_field, radio_field, select_field, text_field, Choice, Kind, Words};
use super::markup::Markup;
use crate::form::Field;
use crate::i18n::tr;
use crate::state::Action;
use wlz_core::{params, CareForm, Lang};
use yew::prelude::*;

/// Where the zorgkantoren explain the care forms (Zorginstituut's Wlz-kompas).
pub const CARE_FORMS_URL: &str =
    "https://www.zorginstituutnederland.nl/Verzekerde+zorg/w/wlz-kompas";

pub fn care_choices(lang: Lang) -> Vec<Choice> {
    vec![
        Choice::new("instelling", CareForm::Instelling.label().get(lang).to_string())
            .hint(tr(lang,
                "U woont in een zorginstelling, zoals een verpleeghuis. U krijgt daar zorg, eten en een kamer.",
                "You live in a care home, such as a nursing home, with care, meals and a room.")),
        Choice::new("vpt", CareForm::Vpt.label().get(lang).to_string())
            .hint(tr(lang,
                "U woont thuis. Eén zorgaanbieder geeft u bijna alle zorg die u in een instelling zou krijgen.",
                "You live at home. One provider gives you nearly all the care you would get in an institution.")),
        Choice::new("mpt", CareForm::Mpt.label().get(lang).to_string())
            .hint(tr(lang,
                "U woont thuis en krijgt een deel van de Wlz-zorg van een zorgaanbieder.",
                "You live at home and get part of the Wlz care from a provider.")),
        Choice::new("pgb", CareForm::Pgb.label().get(lang).to_string())
            .hint(tr(lang,
                "U krijgt geld van het zorgkantoor en regelt en betaalt zelf uw zorg.",
                "You get money from the care office and arrange and pay for your care yourself.")),
        Choice::new("dtv", CareForm::Dtv.label().get(lang).to_string())
            .hint(tr(lang,
                "U woont 7 tot 9 dagen per 2 weken in een instelling. De rest van de tijd woont u thuis.",
                "You stay part of the time in an institution (7 to 9 days per 2 weeks) and the rest at home.")),
    ]
}

pub fn partner_choices(lang: Lang) -> Vec<Choice> {
    vec![
        Choice::new("none", tr(lang, "Thuis, zonder Wlz-zorg", "At home, without Wlz care")),
        Choice::new("vpt", tr(lang, "Thuis, met een volledig pakket thuis (vpt)", "At home, with a full package at home (vpt)")),
        Choice::new("mpt", tr(lang, "Thuis, met een modulair pakket thuis (mpt)", "At home, with a modular package at home (mpt)")),
        Choice::new("pgb", tr(lang, "Thuis, met een persoonsgebonden budget (pgb)", "At home, with a personal budget (pgb)")),
        Choice::new("dtv", tr(lang, "Deels thuis, deels in een instelling (deeltijdverblijf)", "Partly at home, partly in an institution (part-time stay)")),
        Choice::new("living-along", tr(lang, "Woont mee in dezelfde instelling, zonder eigen indicatie", "Lives with you in the same institution, without care of their own"))
            .hint(tr(lang,
                "De Wlz maakt dit mogelijk: uw partner verhuist mee, ook zonder zelf zorg nodig te hebben.",
                "The Wlz allows this: your partner moves in with you without needing care themselves.")),
        Choice::new("instelling", tr(lang, "In een instelling, met eigen Wlz-zorg", "In an institution, with Wlz care of their own")),
        Choice::new("beschermd-wonen", tr(lang, "In beschermd wonen (Wmo)", "In sheltered housing (Wmo beschermd wonen)"))
            .hint(tr(lang,
                "Beschermd wonen regelt de gemeente, niet de Wlz.",
                "Sheltered housing is arranged by the municipality, not the Wlz.")),
    ]
}

fn months_choices(lang: Lang) -> Vec<Choice> {
    vec![
        Choice::new(
            "0",
            tr(
                lang,
                "Net begonnen, of korter dan 1 maand",
                "Just started, or less than 1 month",
            ),
        ),
        Choice::new("1", tr(lang, "1 maand", "1 month")),
        Choice::new("2", tr(lang, "2 maanden", "2 months")),
        Choice::new("3", tr(lang, "3 maanden", "3 months")),
        Choice::new("", tr(lang, "4 maanden of langer", "4 months or longer")),
    ]
}

/// The form. (A function of the app's context, not a component of its own: smaller page.)
/// One call per question, written out: measured 2026-12-03 (issue 14), the questions as a table
/// of (field, control, words) made the page 0.1 KB gzip bigger, and their words as a text file
/// 0.9 KB bigger (the repeated calls pack well; a table of text pointers does not).
pub fn questions(ctx: &super::Ctx) -> Html {
    let s = &ctx.state;
    let lang = s.lang;
    let f = &s.form;
    let pj = params::peiljaar(f.year);
    // The core decides which questions matter (wlz_core::questions); computed once a render.
    let asked = f.asked();
    let asks = |field: Field| asked.contains(&field);
    let onsubmit = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.dispatch(Action::Submit);
        })
    };
    let years: Vec<Choice> = params::supported_years()
        .iter()
        .map(|y| Choice::new(y.to_string(), y.to_string()))
        .collect();
    let nl = lang == Lang::Nl;
    let fmt = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
    let mut m = Markup::new(lang, s.embed);

    html! {
        <form id="questions" class="questions" novalidate=true {onsubmit}
            aria-labelledby="questions-title">
            { m.raw("<h2 id=\"questions-title\">").tr("Uw situatie", "Your situation").raw("</h2><p class=\"intro\">").tr(
                "Beantwoord de vragen. U ziet het bedrag meteen. Wat u invult, blijft op uw eigen apparaat.",
                "Answer the questions. You see the amount straight away. What you enter stays on your own device.").raw("</p>").html() }

            <section class="step" aria-labelledby="step-household">
                { step_title(&mut m, "step-household", "1", tr(lang, "Huishouden", "Household")) }
                { select_field(ctx, Field::Year,
                    Words::new(
                        tr(lang, "Voor welk jaar wilt u de eigen bijdrage weten?", "Which year do you want to know the contribution for?"),
                        tr(lang, "Elk jaar gelden andere bedragen.", "The amounts change every year."))
                        .term(tr(lang, "bijdragejaar", "bijdragejaar (contribution year)"))
                        .note(f.year_note().map(|n| n.get(lang).to_string())),
                    years) }
                { radio_field(ctx, Field::Partner,
                    Words::new(
                        tr(lang, "Heeft u een partner?", "Do you have a partner?"),
                        tr(lang, "Met een partner telt het CAK uw inkomen en vermogen samen.", "With a partner, the CAK adds up your income and assets."))
                        .term("echtgenoot"),
                    vec![
                        Choice::new("", tr(lang, "Nee, ik heb geen partner", "No, I have no partner")),
                        Choice::new("1", tr(lang, "Ja, ik heb een partner", "Yes, I have a partner"))
                            .hint(tr(lang, "Getrouwd, geregistreerd partner of samenwonend.", "Married, registered partner or living together.")),
                    ],
                    html! {}) }
                { text_field(ctx, Field::Age, Kind::Number, Some(tr(lang, "jaar", "years")),
                    Words::new(
                        fmt(format!("Hoe oud bent u op 1 januari {}?", f.year), format!("How old are you on 1 January {}?", f.year)),
                        tr(lang, "Wie de AOW-leeftijd heeft, krijgt een andere vrijstelling voor vermogen.", "People of state pension (AOW) age get a different allowance on assets."))) }
                if asks(Field::PartnerAge) {
                    { text_field(ctx, Field::PartnerAge, Kind::Number, Some(tr(lang, "jaar", "years")),
                    Words::new(
                            fmt(format!("Hoe oud is uw partner op 1 januari {}?", f.year), format!("How old is your partner on 1 January {}?", f.year)),
                            tr(lang, "Ook de leeftijd van uw partner telt voor de vrijstelling.", "Your partner's age also counts for the allowance."))) }
                }
            </section>

            <section class="step" aria-labelledby="step-care">
                { step_title(&mut m, "step-care", "2", tr(lang, "Zorg", "Care")) }
                { radio_field(ctx, Field::Care,
                    Words::new(
                        tr(lang, "Welke Wlz-zorg krijgt u, of gaat u krijgen?", "Which Wlz care do you receive, or will you receive?"),
                        tr(lang, "De zorgvorm bepaalt of u de lage of de hoge eigen bijdrage betaalt.", "The care form decides whether you pay the low or the high contribution."))
                        .term(tr(lang, "leveringsvorm", "leveringsvorm (care form)")),
                    care_choices(lang),
                    m.raw("<p class=\"more\">").link(CARE_FORMS_URL, None, tr(lang, "Meer over de zorgvormen (Zorginstituut Nederland)", "More about the care forms (Zorginstituut Nederland, in Dutch)")).raw("</p>").html()) }
                if asks(Field::MonthsInCare) {
                    { select_field(ctx, Field::MonthsInCare,
                    Words::new(
                            tr(lang, "Hoe lang woont u al in de instelling?", "How long have you lived in the institution?"),
                            tr(lang, "De eerste 4 maanden betaalt u de lage eigen bijdrage. Daarna vaak de hoge.", "For the first 4 months you pay the low contribution. After that often the high one.")),
                    months_choices(lang)) }
                }
                if asks(Field::StayStart) {
                    { text_field(ctx, Field::StayStart, Kind::Date, None,
                    Words::new(
                            tr(lang, "Of: op welke dag begon het verblijf? (mag leeg)", "Or: on which day did the stay begin? (may be left empty)"),
                            tr(lang, "Met de datum rekenen wij per dag. U ziet dan ook wanneer de hoge eigen bijdrage begint.", "With the date we count by the day. You then also see when the high contribution starts."))) }
                }
                if asks(Field::PreviousStayStart) {
                    { text_field(ctx, Field::PreviousStayStart, Kind::Date, None,
                    Words::new(
                            tr(lang, "Woonde u eerder al in een instelling? Eerste dag (mag leeg)", "Did you live in an instelling before? First day (may be left empty)"),
                            tr(lang, "Een eerder verblijf kan meetellen voor de eerste 4 maanden. Of die al voorbij zijn.", "An earlier stay can count towards the first 4 months. Or they may already be over."))) }
                    { text_field(ctx, Field::PreviousStayEnd, Kind::Date, None,
                    Words::new(
                            tr(lang, "Laatste dag van dat eerdere verblijf", "Last day of that earlier stay"),
                            tr(lang, "Wij rekenen uit of het CAK het eerdere verblijf meetelt.", "We work out whether the CAK counts the earlier stay."))) }
                }
                if asks(Field::MptMax20Hours) {
                    { check_field(ctx, Field::MptMax20Hours,
                    Words::new(
                            tr(lang, "Ik krijg hoogstens 20 uur zorg per maand", "I get at most 20 hours of care a month"),
                            tr(lang, "Dan betaalt u voorlopig een laag vast bedrag.", "Then you provisionally pay a low fixed amount."))) }
                }
                if asks(Field::WmoMaatwerkvoorziening) {
                    { check_field(ctx, Field::WmoMaatwerkvoorziening,
                    Words::new(
                            tr(lang, "Ik of mijn partner krijg ook hulp van de gemeente (Wmo)", "My partner or I also get help from the municipality (Wmo)"),
                            tr(lang, "Dan geldt het vaste bedrag voor 20 uur zorg niet.", "Then the fixed amount for 20 hours of care does not apply."))
                            .term("maatwerkvoorziening")) }
                }
                if asks(Field::Children) {
                    { check_field(ctx, Field::Children,
                    Words::new(
                            tr(lang, "Ik heb kinderen met kinderbijslag, of kinderen jonger dan 27 met studiefinanciering", "I have children with child benefit, or children under 27 with student finance"),
                            tr(lang, "Dan betaalt u de lage eigen bijdrage.", "Then you pay the low contribution."))) }
                }
                if asks(Field::ReturnHomeExpected) {
                    { check_field(ctx, Field::ReturnHomeExpected,
                    Words::new(
                            tr(lang, "Het zorgkantoor verwacht dat ik binnen 4 maanden weer naar huis ga", "The care office expects me to go home within 4 months"),
                            tr(lang, "Dan betaalt u de lage eigen bijdrage. Vraag het zorgkantoor of uw arts.", "Then you pay the low contribution. Ask the care office or your doctor."))) }
                }
                if asks(Field::PartnerCare) {
                    { radio_field(ctx, Field::PartnerCare,
                    Words::new(
                            tr(lang, "Waar woont uw partner, en krijgt hij of zij Wlz-zorg?", "Where does your partner live, and do they get Wlz care?"),
                            tr(lang, "Dit kan veel verschil maken: de uitslag laat elke keuze naast elkaar zien.", "This can make a big difference: the result shows each choice side by side.")),
                    partner_choices(lang),
                    html! {}) }
                }
                if asks(Field::PartnerMonthsInCare) {
                    { select_field(ctx, Field::PartnerMonthsInCare,
                    Words::new(
                            tr(lang, "Hoe lang woont uw partner al in de instelling?", "How long has your partner lived in the institution?"),
                            tr(lang, "Ook voor uw partner tellen de eerste 4 maanden.", "The first 4 months count for your partner too.")),
                    months_choices(lang)) }
                }
                if asks(Field::PartnerStayStart) {
                    { text_field(ctx, Field::PartnerStayStart, Kind::Date, None,
                    Words::new(
                            tr(lang, "Of: op welke dag begon het verblijf van uw partner? (mag leeg)", "Or: on which day did your partner's stay begin? (may be left empty)"),
                            tr(lang, "Met de datum rekenen wij per dag.", "With the date we count by the day."))) }
                }
                if asks(Field::Date) {
                    { text_field(ctx, Field::Date, Kind::Date, None,
                    Words::new(
                            tr(lang, "Voor welke dag wilt u het bedrag weten? (mag leeg)", "For which day do you want the amount? (may be left empty)"),
                            tr(lang, "Leeg: vandaag, of de dichtstbijzijnde dag in het gekozen jaar.", "Empty: today, or the nearest day in the chosen year."))) }
                }
                if asks(Field::Days) {
                    { text_field(ctx, Field::Days, Kind::Number, Some(tr(lang, "dagen", "days")),
                    Words::new(
                            tr(lang, "Over hoeveel dagen van de maand betaalt u?", "For how many days of the month do you pay?"),
                            tr(lang, "Voor een deel van een maand rekent het CAK per dag.", "For part of a month the CAK charges per day."))) }
                }
            </section>

            if asks(Field::Income) {
            <section class="step" aria-labelledby="step-income">
                { step_title(&mut m, "step-income", "3", &fmt(format!("Inkomen van {pj}"), format!("Income of {pj}"))) }
                <p class="step-intro">{ fmt(
                    format!("Het CAK kijkt naar het inkomen van 2 jaar eerder. Voor {} is dat {pj}.", f.year),
                    format!("The CAK uses the income of 2 years earlier. For {} that is {pj}.", f.year)) }</p>
                { text_field(ctx, Field::Income, Kind::Amount, None,
                    Words::new(
                        fmt(format!("Uw verzamelinkomen van {pj}"), format!("Your total income (verzamelinkomen) of {pj}")),
                        fmt(format!("Het staat op uw aanslag inkomstenbelasting over {pj}. Geen aanslag? Vul uw belastbaar loon in. Geen inkomen? Vul 0 in."),
                            format!("It is on your income tax assessment for {pj}. No assessment? Enter your taxable wages. No income? Enter 0.")))
                        .term("verzamelinkomen")) }
                if asks(Field::PartnerIncome) {
                    { text_field(ctx, Field::PartnerIncome, Kind::Amount, None,
                    Words::new(
                            fmt(format!("Verzamelinkomen van uw partner in {pj}"), format!("Your partner's total income (verzamelinkomen) of {pj}")),
                            tr(lang, "Het staat op de aanslag van uw partner. Geen inkomen? Vul 0 in.", "It is on your partner's assessment. No income? Enter 0."))
                            .term("verzamelinkomen")) }
                }
                if asks(Field::Tax) {
                    { text_field(ctx, Field::Tax, Kind::Amount, None,
                    Words::new(
                            fmt(format!("Belasting en premies die u over {pj} betaalde (mag leeg)"), format!("Tax and contributions you paid for {pj} (may be left empty)")),
                            tr(lang, "Alleen nodig voor de hoge eigen bijdrage. Laat u het leeg, dan schatten wij het.", "Only needed for the high contribution. Leave it empty and we estimate it."))
                            .term("inkomstenbelasting en premie volksverzekeringen")) }
                }
                if asks(Field::PartnerTax) {
                    { text_field(ctx, Field::PartnerTax, Kind::Amount, None,
                    Words::new(
                            fmt(format!("Belasting en premies van uw partner over {pj} (mag leeg)"), format!("Your partner's tax and contributions for {pj} (may be left empty)")),
                            tr(lang, "Laat u het leeg, dan schatten wij het.", "Leave it empty and we estimate it."))
                            .term("inkomstenbelasting en premie volksverzekeringen")) }
                }
                if asks(Field::WorkIncome) {
                    { text_field(ctx, Field::WorkIncome, Kind::Amount, None,
                    Words::new(
                            tr(lang, "Netto inkomen uit werk of ziekengeld, per jaar (mag leeg)", "Net income from work or sick pay, per year (may be left empty)"),
                            tr(lang, "Werkt u nog? Dan telt 15% daarvan niet mee voor de hoge eigen bijdrage.", "Still working? Then 15% of it does not count for the high contribution."))) }
                }
                if asks(Field::PartnerWorkIncome) {
                    { text_field(ctx, Field::PartnerWorkIncome, Kind::Amount, None,
                    Words::new(
                            tr(lang, "Netto inkomen uit werk van uw partner, per jaar (mag leeg)", "Your partner's net income from work, per year (may be left empty)"),
                            tr(lang, "Ook hiervan telt 15% niet mee.", "15% of this does not count either."))) }
                }
                if asks(Field::Zorgtoeslag) {
                    { check_field(ctx, Field::Zorgtoeslag,
                    Words::new(
                            fmt(format!("Ik had op 1 januari {pj} recht op zorgtoeslag"), format!("I was entitled to healthcare allowance (zorgtoeslag) on 1 January {pj}")),
                            tr(lang, "Dit telt mee bij de hoge eigen bijdrage.", "This counts for the high contribution."))) }
                }
            </section>
            }

            if asks(Field::Assets) || asks(Field::OneOffPayments) {
            <section class="step" aria-labelledby="step-assets">
                { step_title(&mut m, "step-assets", "4", &fmt(format!("Vermogen op 1 januari {pj}"), format!("Assets on 1 January {pj}"))) }
                if asks(Field::Assets) {
                { text_field(ctx, Field::Assets, Kind::Amount, None,
                    Words::new(
                        fmt(format!("Uw spaargeld en beleggingen min schulden op 1 januari {pj} (mag leeg)"), format!("Your savings and investments minus debts on 1 January {pj} (may be left empty)")),
                        tr(lang, "Uw eigen huis telt niet mee. U vindt het bedrag op uw aanslag (box 3).", "Your own home does not count. You find the amount on your assessment (box 3)."))
                        .term(tr(lang, "grondslag sparen en beleggen (rendementsgrondslag)", "grondslag sparen en beleggen (box 3 base)"))) }
                }
                if asks(Field::PartnerAssets) {
                    { text_field(ctx, Field::PartnerAssets, Kind::Amount, None,
                    Words::new(
                            fmt(format!("Spaargeld en beleggingen van uw partner op 1 januari {pj} (mag leeg)"), format!("Your partner's savings and investments on 1 January {pj} (may be left empty)")),
                            tr(lang, "Hier ook: het eigen huis telt niet mee.", "Here too: the own home does not count."))
                            .term(tr(lang, "grondslag sparen en beleggen", "grondslag sparen en beleggen (box 3 base)"))) }
                }
                if asks(Field::OneOffPayments) {
                { text_field(ctx, Field::OneOffPayments, Kind::Amount, None,
                    Words::new(
                        tr(lang, "Eenmalige uitkeringen die niet mogen meetellen (mag leeg)", "One-off payments that may be left out (may be left empty)"),
                        tr(lang, "Bijvoorbeeld smartengeld. Vraag het CAK om dit niet mee te tellen.", "For example compensation for personal injury. Ask the CAK to leave it out."))) }
                }
            </section>
            }

            { not_used(ctx) }

            <div class="actions">
                <button type="submit" class="primary">{ tr(lang, "Bereken", "Calculate") }</button>
            </div>
        </form>
    }
}

/// A step's heading: its number, then its title.
fn step_title(m: &mut Markup, id: &str, number: &str, title: &str) -> Html {
    m.raw("<h3 id=\"")
        .raw(id)
        .raw("\"><span class=\"step-no\" aria-hidden=\"true\">")
        .raw(number)
        .raw("</span>")
        .text(title)
        .raw("</h3>")
        .html()
}

/// The answers the user gave that do not matter for this household now: never dropped in
/// silence. Each says why (the core's reason) and can be cleared.
/// (A function of the form's context, not a component of its own: smaller page.)
fn not_used(ctx: &super::Ctx) -> Html {
    let lang = ctx.state.lang;
    let unused = ctx.state.form.not_used();
    if unused.is_empty() {
        return html! {};
    }
    let items = unused.into_iter().map(|(field, why)| {
        let clear = {
            let d = ctx.dispatch.clone();
            // The partner's place goes back to its default, "at home without care".
            let empty = if field == Field::PartnerCare {
                "none"
            } else {
                ""
            };
            Callback::from(move |_: MouseEvent| d.dispatch(Action::Set(field, empty.to_string())))
        };
        let label = field
            .question()
            .map(|q| q.label().get(lang).to_string())
            .unwrap_or_default();
        // The answer as typed, so the person sees what is kept (a yes/no answer is "ja").
        let answer = if field.is_flag() {
            tr(lang, "ja", "yes").to_string()
        } else {
            ctx.state.form.text(field)
        };
        html! {
            <li id={format!("not-used-{}", field.key())}>
                <strong>{ label }</strong>{ format!(" ({answer}): ") }{ why.get(lang).to_string() }{ " " }
                <button type="button" class="link" onclick={clear}>
                    { tr(lang, "Wis dit antwoord", "Clear this answer") }
                </button>
            </li>
        }
    });
    html! {
        <section class="not-used" aria-labelledby="not-used-title">
            <h3 id="not-used-title">{ tr(lang, "Antwoorden die nu niet meetellen", "Answers that do not count now") }</h3>
            <p class="small">{ tr(lang,
                "U vulde deze antwoorden eerder in. Voor deze situatie tellen ze niet mee. Wij bewaren ze, voor als u iets anders kiest.",
                "You gave these answers earlier. They do not count in this situation. We keep them in case you choose otherwise.") }</p>
            <ul>{ for items }</ul>
        </section>
    }
}
