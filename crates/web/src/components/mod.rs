//! The page's components. They read the one state through [`Ctx`] and send
//! [`crate::state::Action`]s; none holds state of its own beyond UI focus.

pub mod app;
pub mod chart;
pub mod examples;
pub mod fields;
pub mod markup;
pub mod questions;
pub mod result;
pub mod scenarios;
pub mod trust;

use crate::form::FieldError;
use crate::outcome::Computed;
use crate::state::State;
use std::rc::Rc;
use yew::prelude::*;

/// What every component may read: the state, the dispatcher, the computed
/// result of the current form, and the errors to show now.
#[derive(Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    pub dispatch: UseReducerDispatcher<State>,
    pub computed: Rc<Computed>,
    pub visible_errors: Rc<Vec<FieldError>>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.computed, &other.computed)
            && self.visible_errors == other.visible_errors
    }
}

/// The app context; every component lives inside [`app::App`], which provides it.
#[hook]
pub fn use_app() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside App, which provides Ctx")
}

#[derive(Properties, PartialEq)]
pub struct ExtLinkProps {
    pub href: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link that leaves the calculator (the CAK, wetten.overheid.nl, …). In
/// the widget (`?embed=1`, an iframe on a care office's site) it opens in a
/// new tab, so the calculator and the answers stay where they are, and it
/// says so to screen readers. Links within the page stay plain `<a>`s.
#[component]
pub fn ExtLink(props: &ExtLinkProps) -> Html {
    let (embed, lang) = use_context::<Ctx>()
        .map(|c| (c.state.embed, c.state.lang))
        .unwrap_or_default();
    html! {
        <a class={props.class.clone()} href={props.href.clone()}
            target={embed.then_some("_blank")} rel={embed.then_some("noopener noreferrer")}>
            { props.children.clone() }
            if embed {
                <span class="visually-hidden">{ crate::i18n::tr(lang, " (opent in een nieuw tabblad)", " (opens in a new tab)") }</span>
            }
        </a>
    }
}
