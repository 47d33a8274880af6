//! The page: one component ([`app::App`]) holding the state; its parts are plain functions
//! that read the state through [`Ctx`] and send [`crate::state::Action`]s (each component type
//! costs page size). What only shows something is written as HTML text ([`markup`]).

pub mod app;
pub mod chart;
pub mod examples;
pub mod fields;
#[cfg(feature = "extras")]
pub mod letter_view;
pub mod links;
pub mod markup;
#[cfg(feature = "extras")]
pub mod plan_view;
#[cfg(feature = "extras")]
pub mod planner;
pub mod questions;
pub mod result;
pub mod scenarios;
pub mod trust;

use crate::form::FieldError;
use crate::outcome::Computed;
use crate::state::State;
use std::rc::Rc;
use yew::prelude::*;

/// What every part of the page reads: the state, the dispatcher, the computed
/// result of the current form, and the errors to show now. The parts are plain functions of
/// it, called by [`app::App`] (each component type and context costs page size).
#[derive(Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    pub dispatch: UseReducerDispatcher<State>,
    pub computed: Rc<Computed>,
    pub visible_errors: Rc<Vec<FieldError>>,
}
