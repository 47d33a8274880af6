//! # wlz-core
//!
//! The calculation core of wlz-bijdrage: an estimator of the Dutch *Wlz
//! eigen bijdrage*, the monthly own contribution the CAK charges people who
//! receive long-term care under the Wet langdurige zorg.
//!
//! Input → regime decision → amounts → an explanation trace whose steps add
//! up to the result. Pure Rust, exact decimal money (`rust_decimal`), no I/O:
//! it builds for the host and for `wasm32-unknown-unknown`. The rules follow
//! `shared/spec/wlz-eigen-bijdrage.md`; the parameters of each year are data
//! (`params/<year>.json`), compiled in by `build.rs`.
//!
//! ```
//! let input = wlz_core::Input::from_json(r#"{
//!   "version": 1, "year": 2026,
//!   "client": { "age": 70, "care": "vpt", "income": 38000, "assets": 100000 }
//! }"#).unwrap();
//! let result = wlz_core::estimate(&input).unwrap();
//! assert_eq!(result.monthly.to_string(), "337.68");
//! assert_eq!(result.regime, wlz_core::Regime::Lage);
//! ```

pub mod date;
pub mod engine;
pub mod error;
pub mod household;
pub mod input;
pub mod money;
pub mod params;
pub mod questions;
pub mod readings;
pub mod regime;
pub mod scenarios;
#[cfg(feature = "schema")]
pub mod schema;
pub mod tax;
pub mod text;
pub mod trace;
pub mod vocabulary;

pub use date::Date;
pub use engine::{estimate, estimate_json, Estimate, Note, NoteKind, Split};
pub use error::{ErrorCode, InputError};
pub use input::{
    Amount, CareForm, CareForms, HouseholdFacts, Input, Person, Stay, CONTRACT_VERSION, MAX_AGE,
};
pub use money::{format_eur, parse_amount, round_cents, AmountError};
pub use readings::Readings;
pub use regime::Regime;
pub use text::{Lang, Text};
