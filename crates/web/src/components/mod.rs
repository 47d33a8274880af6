//! The page's components. They read the one state through [`Ctx`] and send
//! [`crate::state::Action`]s; none holds state of its own beyond UI focus.

pub mod app;
pub mod chart;
pub mod fields;
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
