//! Shared by the integration tests: the YAML fixture cases of `fixtures/`.
#![allow(dead_code)]

use serde::Deserialize;

/// The care forms a client can have, and the places a partner can be, as the contract names them.
pub const CLIENT_FORMS: [&str; 5] = ["instelling", "vpt", "mpt", "pgb", "dtv"];
pub const PARTNER_FORMS: [&str; 8] = [
    "none",
    "instelling",
    "vpt",
    "mpt",
    "pgb",
    "dtv",
    "living-along",
    "beschermd-wonen",
];
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wlz_core::Input;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub year: i32,
    pub source: String,
    #[serde(default)]
    pub calculation: Option<String>,
    pub input: serde_json::Value,
    pub expected: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub regime: Option<String>,
    #[serde(default)]
    pub monthly: Option<String>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub split: Option<ExpectedSplit>,
    #[serde(default)]
    pub error: Option<String>,
    /// The (estimated or given) tax of the peiljaar per person: the trace steps `tax_client` / `tax_partner`.
    #[serde(default)]
    pub tax_client: Option<String>,
    #[serde(default)]
    pub tax_partner: Option<String>,
    /// Intermediate values of the explanation trace, OpenFisca-style: trace step id → amount, as
    /// the hand calculation computed it (`fixtures/handcalc.py`). Compared exactly: the step's
    /// unrounded amount with trailing zeros removed (`1442.500000` is `'1442.5'`).
    #[serde(default)]
    pub steps: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSplit {
    pub client: String,
    pub partner: String,
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

pub fn load_cases() -> Vec<(String, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let cases: Vec<Case> = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a list of cases: {e}", f.display()));
        let file = f.file_name().unwrap().to_string_lossy().to_string();
        out.extend(cases.into_iter().map(|c| (file.clone(), c)));
    }
    out
}

pub fn to_input(c: &Case) -> Result<Input, wlz_core::InputError> {
    let mut v = c.input.clone();
    let obj = v.as_object_mut().expect("input is a mapping");
    obj.entry("version").or_insert(1.into());
    obj.insert("year".into(), c.year.into());
    Input::from_json(&v.to_string())
}

/// `WLZ_CASE=<part of a name>` runs only the fixture cases whose name contains it (case-insensitive),
/// so one case can be run and debugged on its own:
/// `WLZ_CASE=HX cargo test -p wlz-core --test fixtures -- --nocapture`.
pub fn case_filter() -> impl Fn(&str) -> bool {
    let want = std::env::var("WLZ_CASE").unwrap_or_default().to_lowercase();
    move |name: &str| want.is_empty() || name.to_lowercase().contains(&want)
}
