//! What changes the amount: the first 12 months of a stay, the care forms
//! side by side, where the partner lives, and "my income has dropped". Each
//! is a plain call into `wlz_core::scenarios` on the current input.

use super::fields::{check_field, text_field, Kind, Words};
use super::markup::Markup;
use super::result::regime_key;
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

fn regime_cell(m: &mut Markup, r: Option<Regime>) {
    let lang = m.lang;
    match r {
        Some(r) => {
            m.raw("<span class=\"regime-tag regime-")
                .raw(regime_key(r))
                .raw("\">")
                .text(&regime_name(r, lang))
                .raw("</span>");
        }
        None => {
            m.raw("–");
        }
    }
}

/// The head of a comparison table: its hidden caption and the three column titles, the first
/// one `first` (the care form, or where the partner lives).
fn comparison_head(
    m: &mut Markup,
    class: &str,
    caption: (&'static str, &'static str),
    first: (&'static str, &'static str),
) {
    m.raw("<table class=\"")
        .raw(class)
        .raw("\"><caption class=\"visually-hidden\">")
        .tr(caption.0, caption.1)
        .raw("</caption><thead><tr><th scope=\"col\">")
        .tr(first.0, first.1)
        .raw("</th><th scope=\"col\">")
        .tr("Soort bijdrage", "Kind of contribution")
        .raw("</th><th scope=\"col\" class=\"amount\">")
        .tr("Per maand", "Per month")
        .raw("</th></tr></thead><tbody>");
}

/// A table row of a comparison: the row's label, `(… choice)` on the current one, the kind of
/// contribution and the monthly amount.
fn comparison_row(
    m: &mut Markup,
    label: &str,
    here: bool,
    you: &str,
    regime: Option<Regime>,
    monthly: Option<rust_decimal::Decimal>,
) {
    m.raw(if here {
        "<tr class=\"current\" aria-current=\"true\">"
    } else {
        "<tr>"
    })
    .raw("<th scope=\"row\">")
    .text(label);
    if here {
        m.raw("<span class=\"you\">").text(you).raw("</span>");
    }
    m.raw("</th><td>");
    regime_cell(m, regime);
    let lang = m.lang;
    m.raw("</td><td class=\"amount\">")
        .text(&monthly.map(|v| eur(v, lang)).unwrap_or_else(|| "–".into()))
        .raw("</td></tr>");
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
    let mut m = Markup::new(lang, false);
    m.raw("<h3 id=\"timeline-title\">")
        .tr("De eerste 12 maanden van een verblijf", "The first 12 months of a stay")
        .raw("</h3><p>")
        .tr(
            "De eerste 4 maanden betaalt u de lage eigen bijdrage. Daarna de hoge, tenzij u kinderen heeft, uw partner thuis woont of u binnen 4 maanden naar huis gaat.",
            "For the first 4 months you pay the low contribution. After that the high one, unless you have children, your partner lives at home or you go home within 4 months.",
        )
        .raw("</p>");
    let intro = m.html();
    // The month the stay starts on is a select (its own state: html!); the rest is text.
    let start_field = if dated.is_none() {
        html! {
            <div class="field inline">
                <label for="timeline-start">{ tr(lang, "Het verblijf begint op 1", "The stay starts on 1") }</label>
                <select id="timeline-start" {onchange}>
                    { for (1..=12u32).map(|m| html! {
                        <option value={m.to_string()} selected={m == month}>{ format!("{} {year}", month_name(m, lang)) }</option>
                    }) }
                </select>
            </div>
        }
    } else {
        m.raw("<p id=\"timeline-from\">")
            .text(&match lang {
                Lang::Nl => format!("Het verblijf begon op {}.", date_long(start, lang)),
                Lang::En => format!("The stay began on {}.", date_long(start, lang)),
            })
            .raw("</p>");
        html! {}
    };
    if let Some((from, mo)) = heb_start {
        m.raw("<p id=\"heb-start\"><strong>")
            .text(&match lang {
                Lang::Nl => format!(
                    "De hoge eigen bijdrage begint op {}.",
                    date_long(from, lang)
                ),
                Lang::En => format!("The high contribution starts on {}.", date_long(from, lang)),
            })
            .raw("</strong> ")
            .text(&match lang {
                Lang::Nl => format!("In die maand betaalt u {}.", eur(mo.amount, lang)),
                Lang::En => format!("In that month you pay {}.", eur(mo.amount, lang)),
            })
            .raw("</p>");
    }
    m.raw("<table class=\"timeline-table\"><caption class=\"visually-hidden\">")
        .tr("Eigen bijdrage per maand", "Contribution per month")
        .raw("</caption><thead><tr><th scope=\"col\">")
        .tr("Maand", "Month")
        .raw("</th><th scope=\"col\">")
        .tr("Soort bijdrage", "Kind of contribution")
        .raw("</th><th scope=\"col\" class=\"amount\">")
        .tr("Bedrag", "Amount")
        .raw("</th></tr></thead><tbody>");
    for mo in &t.months {
        let (y, mon) = mo.month.split_once('-').unwrap_or(("", ""));
        let regimes: Vec<Regime> = mo.segments.iter().map(|s| s.regime).collect();
        let mixed = regimes.windows(2).any(|w| w[0] != w[1]);
        m.raw(if mixed {
            "<tr class=\"switch\">"
        } else {
            "<tr>"
        })
        .raw("<th scope=\"row\">")
        .text(month_name(mon.parse().unwrap_or(1), lang))
        .raw(" ")
        .text(y)
        .raw(if mo.estimated_parameters { " *" } else { "" })
        .raw("</th><td>");
        if mixed {
            for s in &mo.segments {
                m.raw("<span class=\"segment\">");
                regime_cell(&mut m, Some(s.regime));
                m.text(&format!(" {} {}", s.days, tr(lang, "dagen", "days")))
                    .raw("</span>");
            }
        } else {
            regime_cell(&mut m, regimes.first().copied());
        }
        m.raw("</td><td class=\"amount\">")
            .text(&eur(mo.amount, lang))
            .raw("</td></tr>");
    }
    m.raw("</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">")
        .text(&match lang {
            Lang::Nl => format!("Totaal in {}", t.calendar_year),
            Lang::En => format!("Total in {}", t.calendar_year),
        })
        .raw("</th><td class=\"amount\" id=\"timeline-year-total\">")
        .text(&eur(t.total_calendar_year, lang))
        .raw("</td></tr><tr><th scope=\"row\" colspan=\"2\">")
        .tr("Totaal over 12 maanden", "Total over 12 months")
        .raw("</th><td class=\"amount\">")
        .text(&eur(t.total_12_months, lang))
        .raw("</td></tr></tfoot></table>");
    if estimated {
        m.raw("<p class=\"small\">")
            .tr(
                "* De bedragen voor dat jaar zijn nog niet bekend. Wij rekenen met de bedragen van het laatste bekende jaar.",
                "* That year's amounts are not known yet. We use the amounts of the latest known year.",
            )
            .raw("</p>");
    }
    for n in &t.notes {
        m.raw("<p class=\"small\">").text(n.get(lang)).raw("</p>");
    }
    html! {
        <section class="scenario timeline" aria-labelledby="timeline-title">
            { intro }{ start_field }{ m.html() }
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
    let mut m = Markup::new(lang, false);
    m.raw("<section class=\"scenario compare\" aria-labelledby=\"compare-title\"><h3 id=\"compare-title\">")
        .tr("Wat kost elke zorgvorm?", "What does each care form cost?")
        .raw("</h3><p>")
        .tr(
            "Met hetzelfde inkomen en vermogen. Zo ziet u wat uw keuze kost.",
            "With the same income and assets, so you see what your choice costs.",
        )
        .raw("</p>");
    comparison_head(
        &mut m,
        "compare-table",
        ("Eigen bijdrage per zorgvorm", "Contribution per care form"),
        ("Zorgvorm", "Care form"),
    );
    let you = tr(lang, " (uw keuze)", " (your choice)");
    for r in &c.rows {
        comparison_row(
            &mut m,
            r.label.get(lang),
            r.current,
            you,
            r.regime,
            r.monthly,
        );
    }
    m.raw("</tbody></table></section>").html()
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
    let mut m = Markup::new(lang, false);
    m.raw("<section class=\"scenario partner-options\" aria-labelledby=\"partner-title\"><h3 id=\"partner-title\">")
        .tr("Waar uw partner woont, maakt verschil", "Where your partner lives makes a difference")
        .raw("</h3><p>")
        .tr(
            "U woont in een instelling. Dit betaalt u samen, afhankelijk van waar uw partner woont:",
            "You live in an institution. This is what you pay together, depending on where your partner lives:",
        )
        .raw("</p>");
    comparison_head(
        &mut m,
        "partner-table",
        (
            "Eigen bijdrage per woonsituatie van uw partner",
            "Contribution per living situation of your partner",
        ),
        ("Uw partner", "Your partner"),
    );
    let you = tr(lang, " (uw situatie)", " (your situation)");
    for r in &options.rows {
        comparison_row(
            &mut m,
            r.label.get(lang),
            r.current,
            you,
            r.regime,
            r.monthly,
        );
    }
    m.raw("</tbody></table><p class=\"small\">")
        .tr(
            "Woont uw partner mee zonder eigen indicatie? Wij rekenen dan alsof u allebei in de instelling verblijft. Het CAK heeft dat niet bevestigd (open vraag O-25).",
            "Does your partner live with you without care of their own? We then count it as if you both stay in the institution. The CAK has not confirmed this (open question O-25).",
        )
        .raw("</p></section>")
        .html()
}

/// "My income has dropped": can the CAK use this year's income instead?
pub fn what_if_view(ctx: &super::Ctx) -> Html {
    let lang = ctx.state.lang;
    let Some(input) = ctx.computed.outcome.input.as_ref() else {
        return html! {};
    };
    let year = input.year;
    let mut m = Markup::new(lang, ctx.state.embed);
    let answer = match ctx.state.form.current_year() {
        None => html! {},
        Some(Err(e)) => m
            .raw("<p class=\"error-message\">")
            .text(e.message.get(lang))
            .raw("</p>")
            .html(),
        Some(Ok(cur)) => match scenarios::what_if(input, &cur) {
            Err(e) => m
                .raw("<p class=\"error-message\">")
                .text(e.message.get(lang))
                .raw("</p>")
                .html(),
            Ok(w) => {
                // The live region stays (html!); its content is text.
                if w.request_possible {
                    m.raw("<p class=\"verdict yes\"><strong>").tr(
                        "U kunt het CAK vragen om met uw inkomen van dit jaar te rekenen.",
                        "You can ask the CAK to use this year's income.",
                    );
                } else {
                    m.raw("<p class=\"verdict no\"><strong>").tr(
                        "Een verzoek heeft waarschijnlijk geen zin.",
                        "A request is probably not worthwhile.",
                    );
                }
                m.raw("</strong></p><dl class=\"what-if-figures\"><dt>")
                    .tr(
                        "Nu, met het inkomen van 2 jaar eerder",
                        "Now, on the income of 2 years earlier",
                    )
                    .raw("</dt><dd>")
                    .text(&eur(w.monthly_peiljaar, lang))
                    .tr(" per maand", " per month")
                    .raw("</dd><dt>")
                    .tr("Met uw inkomen van dit jaar", "On this year's income")
                    .raw("</dt><dd>")
                    .text(&eur(w.monthly_current, lang))
                    .tr(" per maand", " per month")
                    .raw("</dd>");
                if let (Some(drop), Some(threshold)) = (w.drop, w.threshold) {
                    m.raw("<dt>")
                        .tr("Uw inkomen daalt met", "Your income drops by")
                        .raw("</dt><dd>")
                        .text(&eur(drop, lang))
                        .text(&match lang {
                            Lang::Nl => format!(" (nodig: minstens {})", eur(threshold, lang)),
                            Lang::En => format!(" (needed: at least {})", eur(threshold, lang)),
                        })
                        .raw("</dd>");
                }
                m.raw("<dt>")
                    .tr("Vraag het uiterlijk aan op", "Ask no later than")
                    .raw("</dt><dd>")
                    .text(&date_long(w.deadline, lang))
                    .raw("</dd></dl>");
                for t in &w.explanation {
                    m.raw("<p class=\"small\">").text(t.get(lang)).raw("</p>");
                }
                m.raw("<p>")
                    .tr(
                        "U vraagt dit aan bij het CAK: ",
                        "You ask the CAK for this: ",
                    )
                    .link(
                        CAK_VERLEGGING_URL,
                        None,
                        tr(
                            lang,
                            "peiljaarverlegging op hetcak.nl",
                            "peiljaarverlegging on hetcak.nl (in Dutch)",
                        ),
                    )
                    .raw(" ")
                    .link(w.reference.url(), Some("cite"), &w.reference.article())
                    .raw("</p>");
                html! { <div class="what-if-answer" aria-live="polite">{ m.html() }</div> }
            }
        },
    };
    let partner = input.partner.is_some();
    html! {
        <section class="scenario what-if" aria-labelledby="what-if-title">
            { m.raw("<h3 id=\"what-if-title\">").tr("Is uw inkomen gedaald?", "Has your income dropped?").raw("</h3><p>").text(&match lang {
                Lang::Nl => format!("Het CAK rekent met uw inkomen van {}. Verdient u in {year} veel minder? Dan kunt u vragen om met {year} te rekenen.", wlz_core::params::peiljaar(year)),
                Lang::En => format!("The CAK uses your income of {}. Do you earn much less in {year}? Then you can ask it to use {year}.", wlz_core::params::peiljaar(year)),
            }).raw("</p>").html() }
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
