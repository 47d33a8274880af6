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
//! (`params/<year>.json`, compiled in by `build.rs`), each with its article and status.
//!
//! ## Map: from an article to its module
//!
//! | Law | What it rules | Module |
//! |---|---|---|
//! | Blz 1.1.1, 3.3.1.4 | peiljaar, inkomen of the peiljaar, AOW status | [`rules::peiljaar`] |
//! | Blz 3.3.1.1, 3.3.2.1, 3.3.2.2 lid 1–2, 6–8 | geen, lage or hoge bijdrage; the start period | [`regime`] (decision), [`rules::verblijf`] (its steps) |
//! | Blz 3.3.1.2, 3.3.1.2a lid 3; Wet IB 9.4 | vermogen, vermogensinkomensbijtelling | [`rules::vermogen`] |
//! | Blz 3.3.1.2 (2024, 2025) | extra vermogensvrijstelling | [`rules::extra_vrijstelling`] |
//! | Blz 3.3.1.2a lid 1–2, 3.3.2.3 lid 1 b 4°/5°; Wet IB 5.2; Stb. 2025, 255 | compensatie vervallen ouderentoeslag | [`rules::cot`] |
//! | Blz 3.3.2.2 lid 1–5, 3.3.2.4 lid 1, 3.3.2.4a | lage eigen bijdrage | [`rules::leb`] |
//! | Rlz hoofdstuk 4, art. 4.4 | deductions of the hoge bijdrage | [`rules::heb_aftrek`] |
//! | Blz 3.3.2.1 lid 1–2, 3.3.2.3 lid 1 | hoge eigen bijdrage | [`rules::heb`] |
//! | Wet IB 2001 2.10, 8.10–8.18 | income tax of the peiljaar, estimated | [`tax`] |
//! | Blz 3.3.2.7 | no data at the CAK | [`rules::geen_gegevens`] |
//! | Blz 3.3.2.2 lid 9–11; Participatiewet 23 | exemption for a low income (hint) | [`rules::vrijstelling`] |
//! | Blz 3.3.2.9 lid 2–3 | rounding, part of a month, split between spouses | [`rules::maand`] |
//! | Blz 3.3.2.3 lid 2–4, 3.3.2.4 lid 2–5 | peiljaarverlegging; what-ifs, timelines, options | [`scenarios`] |
//! | Blz 1.1.1, 3.3.1.2 lid 2; Wet IB 3.111, 5.2–5.5; Wzt 2–3; AOW 9 | the years ahead: the home, box 3, gifts, the AOW choice | [`planner`] |
//! | Blz 3.3.1.3–3.3.1.6; Awb 6:7–6:9; Algemene termijnenwet | checking a CAK letter, deadlines, back-dated totals, letters to send | [`letters`] |
//!
//! Around the rules: [`engine`] drives them in the law's order and returns an [`Estimate`];
//! [`input`] is the JSON contract and its checks, [`household`] the checked household;
//! [`params`] the year files (with [`params::Article`], every source the engine cites);
//! [`trace`] the explanation steps and [`trace::verify`]; [`readings`] the OPEN readings
//! (spec §8) and their switches; [`questions`] which questions matter for a household;
//! [`vocabulary`] the input names every surface shares; [`money`] parsing, rounding and
//! formatting of amounts; [`date`], [`text`] (bilingual text), [`error`].
//! Each rules module opens with its formula and lists its citations (`CITES`);
//! `tests/articles.rs` checks that each cited article belongs to exactly one module.
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

pub mod answers;
pub mod date;
pub mod engine;
pub mod error;
pub mod household;
pub mod input;
pub mod letters;
pub mod money;
pub mod params;
pub mod planner;
pub mod questions;
pub mod readings;
pub mod regime;
pub mod rules;
pub mod scenarios;
#[cfg(feature = "schema")]
pub mod schema;
pub mod table;
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
