//! What changes the amount: the first 12 months of a stay, the care forms
//! side by side, where the partner lives, and "my income has dropped". Each
//! is a plain call into `wlz_core::scenarios` on the current input.

use super::fields::{check_field, text_field, Kind, Words};
use super::result::regime_key;
use super::ExtLink;
use crate::form::Field;
use crate::i18n::{date_long, eur, month_name, regime_name, tr};
use crate::state::{Action, State};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use wlz_core::scenarios;
use wlz_core::{CareForm, Date, Input, Lang, Regime};
use yew::prelude::*;

/// The CAK's page on asking for a later reference year (peiljaarverlegging).
pub const CAK_VERLEGGING_URL: &str =
    "https://www.hetcak.nl/vragen/eigen-bijdrage/vragen-over-de-eigen-bijdrage/bijdrageplichtige-inkomen";

fn regime_cell(r: Option<Regime>, lang: Lang) -> Html {
    match r {
        Some(r) => {
            html! { <span class={classes!("regime-tag", format!("regime-{}", regime_key(r)))}>{ regime_name(r, lang) }</span> }
        }
        None => html! { { "–" } },
    }
}

/// What the scenario sections get: the input they explore. They take it as
/// props rather than from the app context, so the page can hand them a
/// settled input a moment after typing stops and they re-render only then
/// (the main amount updates on every keystroke; these need many estimates).
#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioProps {
    pub input: Rc<Input>,
    pub lang: Lang,
    #[prop_or(1)]
    pub timeline_start: u32,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The first 12 months of a stay in an instelling: the start period at the
/// lage bijdrage, then the hoge, with the totals.
pub fn timeline_view(p: &ScenarioProps) -> Html {
    let lang = p.lang;
    let input = &*p.input;
    if !input.client.care.0.contains(&CareForm::Instelling) {
        return html! {};
    }
    let year = input.year;
    let month = p.timeline_start;
    // A stay given by its first day starts the timeline on that day; else on the 1st of the
    // month chosen here.
    let dated = input.client.stay.as_ref().and_then(|s| s.start);
    let Some(start) = dated.or_else(|| Date::new(year, month as u8, 1)) else {
        return html! {};
    };
    // The timeline is of a stay that starts on `start`: no months completed yet.
    let mut fresh = input.clone();
    if let Some(stay) = fresh.client.stay.as_mut() {
        stay.months_completed = None;
        stay.start = None;
    }
    let t = match scenarios::timeline(&fresh, start, 12) {
        Ok(t) => t,
        Err(e) => return html! { <p class="scenario-error">{ e.message.get(lang) }</p> },
    };
    let onchange = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::TimelineStart(el.value().parse().unwrap_or(1)));
        })
    };
    let estimated = t.months.iter().any(|m| m.estimated_parameters);
    // The day the hoge bijdrage starts, and what that month costs (a part month is charged
    // per day, Blz 3.3.2.9 lid 2): from the core's timeline.
    let heb_start = t.months.iter().find_map(|m| {
        m.segments
            .iter()
            .find(|s| s.regime == Regime::Hoge)
            .map(|s| (s.from, m))
    });
    html! {
        <section class="scenario timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">{ tr(lang, "De eerste 12 maanden van een verblijf", "The first 12 months of a stay") }</h3>
            <p>{ tr(lang,
                "De eerste 4 maanden betaalt u de lage eigen bijdrage. Daarna de hoge, tenzij u kinderen heeft, uw partner thuis woont of u binnen 4 maanden naar huis gaat.",
                "For the first 4 months you pay the low contribution. After that the high one, unless you have children, your partner lives at home or you go home within 4 months.") }</p>
            if dated.is_none() {
                <div class="field inline">
                    <label for="timeline-start">{ tr(lang, "Het verblijf begint op 1", "The stay starts on 1") }</label>
                    <select id="timeline-start" {onchange}>
                        { for (1..=12u32).map(|m| html! {
                            <option value={m.to_string()} selected={m == month}>{ format!("{} {year}", month_name(m, lang)) }</option>
                        }) }
                    </select>
                </div>
            } else {
                <p id="timeline-from">{ match lang {
                    Lang::Nl => format!("Het verblijf begon op {}.", date_long(start, lang)),
                    Lang::En => format!("The stay began on {}.", date_long(start, lang)),
                } }</p>
            }
            if let Some((from, m)) = heb_start {
                <p id="heb-start"><strong>{ match lang {
                    Lang::Nl => format!("De hoge eigen bijdrage begint op {}.", date_long(from, lang)),
                    Lang::En => format!("The high contribution starts on {}.", date_long(from, lang)),
                } }</strong>{ " " }{ match lang {
                    Lang::Nl => format!("In die maand betaalt u {}.", eur(m.amount, lang)),
                    Lang::En => format!("In that month you pay {}.", eur(m.amount, lang)),
                } }</p>
            }
            <table class="timeline-table">
                <caption class="visually-hidden">{ tr(lang, "Eigen bijdrage per maand", "Contribution per month") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "Maand", "Month") }</th>
                    <th scope="col">{ tr(lang, "Soort bijdrage", "Kind of contribution") }</th>
                    <th scope="col" class="amount">{ tr(lang, "Bedrag", "Amount") }</th>
                </tr></thead>
                <tbody>
                    { for t.months.iter().map(|m| {
                        let (y, mo) = m.month.split_once('-').unwrap_or(("", ""));
                        let name = format!("{} {y}", month_name(mo.parse().unwrap_or(1), lang));
                        let regimes: Vec<Regime> = m.segments.iter().map(|s| s.regime).collect();
                        let mixed = regimes.windows(2).any(|w| w[0] != w[1]);
                        html! {
                            <tr class={classes!(mixed.then_some("switch"))}>
                                <th scope="row">{ name }{ if m.estimated_parameters { " *" } else { "" } }</th>
                                <td>
                                    if mixed {
                                        { for m.segments.iter().map(|s| html! {
                                            <span class="segment">{ regime_cell(Some(s.regime), lang) }{ format!(" {} {}", s.days, tr(lang, "dagen", "days")) }</span>
                                        }) }
                                    } else {
                                        { regime_cell(regimes.first().copied(), lang) }
                                    }
                                </td>
                                <td class="amount">{ eur(m.amount, lang) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="2">{ match lang {
                            Lang::Nl => format!("Totaal in {}", t.calendar_year),
                            Lang::En => format!("Total in {}", t.calendar_year),
                        } }</th>
                        <td class="amount" id="timeline-year-total">{ eur(t.total_calendar_year, lang) }</td>
                    </tr>
                    <tr>
                        <th scope="row" colspan="2">{ tr(lang, "Totaal over 12 maanden", "Total over 12 months") }</th>
                        <td class="amount">{ eur(t.total_12_months, lang) }</td>
                    </tr>
                </tfoot>
            </table>
            if estimated {
                <p class="small">{ tr(lang,
                    "* De bedragen voor dat jaar zijn nog niet bekend. Wij rekenen met de bedragen van het laatste bekende jaar.",
                    "* That year's amounts are not known yet. We use the amounts of the latest known year.") }</p>
            }
            { for t.notes.iter().map(|n| html! { <p class="small">{ n.get(lang) }</p> }) }
        </section>
    }
}

/// Every care form for this household, side by side.
pub fn compare_view(p: &ScenarioProps) -> Html {
    let lang = p.lang;
    let input = &*p.input;
    let Ok(c) = scenarios::compare(input) else {
        return html! {};
    };
    html! {
        <section class="scenario compare" aria-labelledby="compare-title">
            <h3 id="compare-title">{ tr(lang, "Wat kost elke zorgvorm?", "What does each care form cost?") }</h3>
            <p>{ tr(lang,
                "Met hetzelfde inkomen en vermogen. Zo ziet u wat uw keuze kost.",
                "With the same income and assets, so you see what your choice costs.") }</p>
            <table class="compare-table">
                <caption class="visually-hidden">{ tr(lang, "Eigen bijdrage per zorgvorm", "Contribution per care form") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "Zorgvorm", "Care form") }</th>
                    <th scope="col">{ tr(lang, "Soort bijdrage", "Kind of contribution") }</th>
                    <th scope="col" class="amount">{ tr(lang, "Per maand", "Per month") }</th>
                </tr></thead>
                <tbody>
                    { for c.rows.iter().map(|r| {
                        let here = r.current;
                        html! {
                            <tr class={classes!(here.then_some("current"))} aria-current={here.then_some("true")}>
                                <th scope="row">{ r.label.get(lang) }
                                    if here { <span class="you">{ tr(lang, " (uw keuze)", " (your choice)") }</span> }
                                </th>
                                <td>{ regime_cell(r.regime, lang) }</td>
                                <td class="amount">{ r.monthly.map(|m| eur(m, lang)).unwrap_or_else(|| "–".into()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Where the partner lives, side by side (`wlz_core::scenarios::partner_options`, spec §3.1,
/// §3.5): shown when the client lives in an instelling, where all four places are possible.
pub fn partner_view(p: &ScenarioProps) -> Html {
    let lang = p.lang;
    let Ok(options) = scenarios::partner_options(&p.input) else {
        return html! {};
    };
    if !options.applies {
        return html! {};
    }
    let rows = options.rows.iter().map(|r| {
        let here = r.current;
        html! {
            <tr class={classes!(here.then_some("current"))} aria-current={here.then_some("true")}>
                <th scope="row">{ r.label.get(lang) }
                    if here { <span class="you">{ tr(lang, " (uw situatie)", " (your situation)") }</span> }
                </th>
                <td>{ regime_cell(r.regime, lang) }</td>
                <td class="amount">{ r.monthly.map(|m| eur(m, lang)).unwrap_or_else(|| "–".into()) }</td>
            </tr>
        }
    });
    html! {
        <section class="scenario partner-options" aria-labelledby="partner-title">
            <h3 id="partner-title">{ tr(lang, "Waar uw partner woont, maakt verschil", "Where your partner lives makes a difference") }</h3>
            <p>{ tr(lang,
                "U woont in een instelling. Dit betaalt u samen, afhankelijk van waar uw partner woont:",
                "You live in an institution. This is what you pay together, depending on where your partner lives:") }</p>
            <table class="partner-table">
                <caption class="visually-hidden">{ tr(lang, "Eigen bijdrage per woonsituatie van uw partner", "Contribution per living situation of your partner") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "Uw partner", "Your partner") }</th>
                    <th scope="col">{ tr(lang, "Soort bijdrage", "Kind of contribution") }</th>
                    <th scope="col" class="amount">{ tr(lang, "Per maand", "Per month") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="small">{ tr(lang,
                "Woont uw partner mee zonder eigen indicatie? Wij rekenen dan alsof u allebei in de instelling verblijft. Het CAK heeft dat niet bevestigd (open vraag O-25).",
                "Does your partner live with you without care of their own? We then count it as if you both stay in the institution. The CAK has not confirmed this (open question O-25).") }</p>
        </section>
    }
}

/// "My income has dropped": can the CAK use this year's income instead?
pub fn what_if_view(ctx: &super::Ctx) -> Html {
    let lang = ctx.state.lang;
    let Some(input) = ctx.computed.outcome.input.as_ref() else {
        return html! {};
    };
    let year = input.year;
    let answer = match ctx.state.form.current_year() {
        None => html! {},
        Some(Err(e)) => html! { <p class="error-message">{ e.message.get(lang) }</p> },
        Some(Ok(cur)) => match scenarios::what_if(input, &cur) {
            Err(e) => html! { <p class="error-message">{ e.message.get(lang) }</p> },
            Ok(w) => html! {
                <div class="what-if-answer" aria-live="polite">
                    <p class={classes!("verdict", if w.request_possible { "yes" } else { "no" })}>
                        <strong>{ if w.request_possible {
                            tr(lang, "U kunt het CAK vragen om met uw inkomen van dit jaar te rekenen.", "You can ask the CAK to use this year's income.")
                        } else {
                            tr(lang, "Een verzoek heeft waarschijnlijk geen zin.", "A request is probably not worthwhile.")
                        } }</strong>
                    </p>
                    <dl class="what-if-figures">
                        <dt>{ tr(lang, "Nu, met het inkomen van 2 jaar eerder", "Now, on the income of 2 years earlier") }</dt>
                        <dd>{ eur(w.monthly_peiljaar, lang) }{ tr(lang, " per maand", " per month") }</dd>
                        <dt>{ tr(lang, "Met uw inkomen van dit jaar", "On this year's income") }</dt>
                        <dd>{ eur(w.monthly_current, lang) }{ tr(lang, " per maand", " per month") }</dd>
                        if let (Some(drop), Some(threshold)) = (w.drop, w.threshold) {
                            <dt>{ tr(lang, "Uw inkomen daalt met", "Your income drops by") }</dt>
                            <dd>{ eur(drop, lang) }{ match lang {
                                Lang::Nl => format!(" (nodig: minstens {})", eur(threshold, lang)),
                                Lang::En => format!(" (needed: at least {})", eur(threshold, lang)),
                            } }</dd>
                        }
                        <dt>{ tr(lang, "Vraag het uiterlijk aan op", "Ask no later than") }</dt>
                        <dd>{ date_long(w.deadline, lang) }</dd>
                    </dl>
                    { for w.explanation.iter().map(|t| html! { <p class="small">{ t.get(lang) }</p> }) }
                    <p>
                        { tr(lang, "U vraagt dit aan bij het CAK: ", "You ask the CAK for this: ") }
                        <ExtLink href={CAK_VERLEGGING_URL}>{ tr(lang, "peiljaarverlegging op hetcak.nl", "peiljaarverlegging on hetcak.nl (in Dutch)") }</ExtLink>
                        { " " }<ExtLink class="cite" href={w.reference.url()}>{ w.reference.article() }</ExtLink>
                    </p>
                </div>
            },
        },
    };
    let partner = input.partner.is_some();
    html! {
        <section class="scenario what-if" aria-labelledby="what-if-title">
            <h3 id="what-if-title">{ tr(lang, "Is uw inkomen gedaald?", "Has your income dropped?") }</h3>
            <p>{ match lang {
                Lang::Nl => format!("Het CAK rekent met uw inkomen van {}. Verdient u in {year} veel minder? Dan kunt u vragen om met {year} te rekenen.", wlz_core::params::peiljaar(year)),
                Lang::En => format!("The CAK uses your income of {}. Do you earn much less in {year}? Then you can ask it to use {year}.", wlz_core::params::peiljaar(year)),
            } }</p>
            { text_field(ctx, Field::NowIncome, Kind::Amount, None,
                    Words::new(
                    match lang { Lang::Nl => format!("Uw verwachte verzamelinkomen in {year}"), Lang::En => format!("Your expected total income (verzamelinkomen) in {year}") },
                    tr(lang, "Een schatting is genoeg. Wij bewaren niets buiten uw apparaat.", "An estimate is enough. Nothing leaves your device."))) }
            if partner {
                { text_field(ctx, Field::NowPartnerIncome, Kind::Amount, None,
                    Words::new(
                        match lang { Lang::Nl => format!("Verwacht verzamelinkomen van uw partner in {year}"), Lang::En => format!("Your partner's expected total income in {year}") },
                        tr(lang, "Laat leeg als het gelijk blijft.", "Leave empty if it stays the same."))) }
            }
            { check_field(ctx, Field::NowBijstand,
                    Words::new(
                    tr(lang, "Ik krijg bijstand", "I receive social assistance (bijstand)"),
                    tr(lang, "Met bijstand kunt u het altijd vragen.", "With social assistance you can always ask."))) }
            { answer }
        </section>
    }
}
