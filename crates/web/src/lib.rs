//! # wlz-web
//!
//! The wlz-bijdrage calculator page: a Yew (CSR) front end over `wlz-core`.
//! One state with one reducer (`state`), the form and its translation into
//! the engine's input (`form`), the computed answer (`outcome`), and small
//! components (`components`). Everything runs in the browser; nothing the
//! user types leaves it.

pub mod about;
pub mod browser;
pub mod components;
pub mod form;
pub mod i18n;
#[cfg(feature = "extras")]
pub mod letter_form;
pub mod outcome;
#[cfg(feature = "extras")]
pub mod plan_form;
pub mod state;

pub use components::app::App;

/// Starts the app in `<div id="app">` (or the body).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(el) => {
            el.set_inner_html("");
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
