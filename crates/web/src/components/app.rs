//! The page: header, the questions beside the answer, what changes the
//! answer, the facts to trust it by, and the explainer.

use super::chart::curve_view;
use super::examples::examples;
#[cfg(feature = "extras")]
use super::letter_view::{letter_view, use_letter};
use super::links::{letter_link, planner_link};
use super::markup::Markup;
#[cfg(feature = "extras")]
use super::planner::{planner_view, use_planner, PlanCtx};
use super::questions::questions;
use super::result::{amount_bar, dossier, error_summary, result_view};
use super::scenarios::{compare_view, partner_view, timeline_view, what_if_view, ScenarioProps};
use super::trust::{footer, trust};
use super::Ctx;
use crate::about::about_html;
use crate::browser;
use crate::i18n::{code, other, tr};
use crate::outcome::compute;
use crate::state::{Action, State, View};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The starting state; the browser build reads it from the URL and localStorage.
    #[prop_or_default]
    pub initial: Option<State>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial.unwrap_or_else(browser::initial_state));
    let computed = use_memo(state.form.clone(), compute);
    let visible: Rc<Vec<_>> = Rc::new(
        state
            .visible(&computed.outcome.errors)
            .into_iter()
            .cloned()
            .collect(),
    );
    let lang = state.lang;
    let embed = state.embed;

    // The scenario sections follow the input once typing pauses (150 ms):
    // the amount itself updates on every keystroke. The first render in the
    // browser shows the amount first; the host (SSR tests) renders them at once.
    let settled = use_state(|| {
        if cfg!(target_arch = "wasm32") {
            None
        } else {
            computed.outcome.input.clone().map(Rc::new)
        }
    });
    {
        let settled = settled.clone();
        let input = computed.outcome.input.clone();
        use_effect_with(input, move |input| {
            let input = input.clone().map(Rc::new);
            let timer = browser::after(150, move || settled.set(input));
            move || drop(timer)
        });
    }
    let scenario = settled.as_ref().map(|input| ScenarioProps {
        input: input.clone(),
        lang,
        timeline_start: state.timeline_start,
        dispatch: state.dispatcher(),
    });

    {
        let (form, forgotten, dirty) = (state.form.clone(), state.forgotten, state.dirty);
        use_effect_with(
            (form, lang, forgotten, dirty),
            |(form, lang, forgotten, dirty)| {
                if *forgotten || *dirty {
                    browser::save(form, *lang, *forgotten)
                }
            },
        );
    }
    use_effect_with(lang, |lang| browser::set_document_lang(*lang));
    {
        let has_errors = !visible.is_empty();
        use_effect_with(state.submissions, move |n| {
            if *n > 0 {
                browser::focus(if has_errors {
                    "error-summary"
                } else {
                    "result-title"
                });
            }
        });
    }
    // The planner and the letter check: only in the full app (feature `extras`).
    #[cfg(feature = "extras")]
    let plan_out = use_planner(&state, computed.outcome.input.clone());
    #[cfg(feature = "extras")]
    let letter_out = use_letter(&state, computed.outcome.input.clone());
    {
        let share = state.share;
        use_effect_with(share, |s| {
            if *s != crate::state::Share::Closed {
                browser::focus("share-title");
            }
        });
    }

    let ctx = Ctx {
        dispatch: state.dispatcher(),
        state: state.clone(),
        computed: computed.clone(),
        visible_errors: visible,
    };
    let switch_lang = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(other(lang))))
    };
    let forget = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Forget))
    };
    let other_lang = other(lang);
    let lang_button = html! {
        <button type="button" class="lang-switch" lang={code(other_lang)} onclick={switch_lang}>
            { tr(lang, "English", "Nederlands") }
        </button>
    };
    // What only shows something is written as text (components/markup.rs).
    let mut m = Markup::new(lang, embed);
    let top = if !embed {
        let skip = m
            .raw(if state.view == View::Planner {
                "<a class=\"skip-link\" href=\"#plan-form\">"
            } else if state.view == View::Letter {
                "<a class=\"skip-link\" href=\"#letter-form\">"
            } else {
                "<a class=\"skip-link\" href=\"#questions\">"
            })
            .tr("Direct naar de vragen", "Skip to the questions")
            .raw("</a>")
            .html();
        let brand = m
            .raw("<div class=\"brand\"><h1>")
            .tr("Wat betaalt u voor Wlz-zorg?", "What do you pay for Wlz care?")
            .raw("</h1><p class=\"tagline\">")
            .tr(
                "Bereken de eigen bijdrage voor de Wet langdurige zorg (Wlz). U ziet wat u per maand betaalt, waarom, en wat uw keuzes kosten.",
                "Calculate the own contribution for long-term care under the Wlz: what you pay per month, why, and what your choices cost.",
            )
            .raw("</p></div>")
            .html();
        html! { <>{ skip }<header class="site-header">{ brand }{ lang_button }</header></> }
    } else {
        let title = m
            .raw("<h1 class=\"embed-title\">")
            .tr(
                "Eigen bijdrage Wlz berekenen",
                "Calculate the Wlz contribution",
            )
            .raw("</h1>")
            .html();
        html! { <div class="embed-bar">{ title }{ lang_button }</div> }
    };

    #[cfg(feature = "extras")]
    if state.view == View::Letter {
        return html! {
            <div class={if embed { "app embed" } else { "app" }} lang={code(lang)}>
                { top }
                { letter_view(&ctx, &letter_out) }
                if !embed { { footer(&ctx) } }
            </div>
        };
    }
    #[cfg(feature = "extras")]
    if state.view == View::Planner {
        let pc = PlanCtx {
            ctx: &ctx,
            out: &plan_out,
        };
        return html! {
            <div class={if embed { "app embed" } else { "app" }} lang={code(lang)}>
                { top }
                { planner_view(&pc) }
                if !embed { { footer(&ctx) } }
            </div>
        };
    }
    html! {
        <div class={if embed { "app embed" } else { "app" }} lang={code(lang)}>
            { top }
            <main id="main" class="layout">
                <div class="col-form">
                    if !embed { { examples(lang) } }
                    { questions(&ctx) }
                    <div class="forget no-print">
                        <button type="button" class="secondary" id="forget" onclick={forget}>
                            { tr(lang, "Vergeet mijn gegevens", "Forget my data") }
                        </button>
                        if state.forgotten {
                            { m.raw("<p role=\"status\" class=\"status\">").tr(
                                "Uw gegevens zijn gewist van dit apparaat.",
                                "Your data has been erased from this device.").raw("</p>").html() }
                        }
                    </div>
                    { amount_bar(&ctx) }
                </div>
                <div class="col-result">
                    { error_summary(&ctx) }
                    { dossier(&ctx) }
                    { result_view(&ctx) }
                    if computed.outcome.input.is_some() { { planner_link(&ctx) } { letter_link(&ctx) } }
                    if let (Some(p), true) = (scenario, computed.outcome.input.is_some()) {
                        { timeline_view(&p) }
                        { partner_view(&p) }
                        { compare_view(&p) }
                        { curve_view(&p) }
                    }
                    { what_if_view(&ctx) }
                </div>
            </main>
            <div class="below">
                { trust(&ctx) }
                if !embed {
                    { m.raw("<aside class=\"about-wlz\" aria-labelledby=\"about-title\"><h2 id=\"about-title\">")
                        .tr("Over de Wlz", "About the Wlz")
                        .raw("</h2>")
                        .raw(about_html(lang))
                        .raw("</aside>")
                        .html() }
                }
            </div>
            if !embed { { footer(&ctx) } }
        </div>
    }
}
