//! The calculator's two buttons under the result, to the planner and to the letter check.
//! In the full app (feature `extras`) they open the view; the calculator alone (the page's
//! default bundle) has no such views: the button puts `#jaren` / `#brief` in the address and
//! reloads, and web/boot.js then loads the full app, which opens the view at once.

use super::markup::Markup;
use super::Ctx;
use crate::i18n::tr;
use crate::state::View;
use yew::prelude::*;

/// What a button does: open `view`.
#[cfg(feature = "extras")]
fn open(ctx: &Ctx, view: View) -> Callback<MouseEvent> {
    let d = ctx.dispatch.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(crate::state::Action::Show(view)))
}

/// What a button does: load the full app at `view` (its hash, and a reload).
#[cfg(not(feature = "extras"))]
fn open(_ctx: &Ctx, view: View) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| crate::browser::open_full(view))
}

/// The calculator's button to the planner, under the result.
pub fn planner_link(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let onclick = open(ctx, View::Planner);
    html! {
        <div class="planner-link no-print">
            <button type="button" class="primary" id="open-planner" {onclick}>
                { tr(lang, "Wat kost het de komende jaren?", "What will it cost in the coming years?") }
            </button>
            { Markup::new(lang, false).raw("<p class=\"small\">").tr(
                "Zie per jaar wat u betaalt als u uw huis verkoopt, geld schenkt of anders gaat wonen.",
                "See per year what you pay when you sell your home, give money away or live apart.",
            ).raw("</p>").html() }
        </div>
    }
}

/// The calculator's button to the letter check, under the result.
pub fn letter_link(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let onclick = open(ctx, View::Letter);
    html! {
        <div class="planner-link no-print">
            <button type="button" class="secondary" id="open-letter" {onclick}>
                { tr(lang, "Klopt mijn CAK-brief?", "Is my CAK letter right?") }
            </button>
            { Markup::new(lang, false).raw("<p class=\"small\">").tr(
                "Vergelijk het bedrag op uw brief met deze berekening. U krijgt ook een brief om terug te sturen.",
                "Compare the amount on your letter with this calculation. You also get a letter to send back.",
            ).raw("</p>").html() }
        </div>
    }
}
