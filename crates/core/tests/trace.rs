//! The explanation trace records every parameter a step used, with its status,
//! and serializes to the documented shape.

use wlz_core::estimate_json;

#[test]
fn steps_name_the_parameters_they_used_and_their_status() {
    // Spec case HX (2024 HEB): the Rlz deductions are estimates.
    let r = estimate_json(r#"{"version":1,"year":2024,"client":{"age":70,"care":"instelling","income":30000,"tax":6000}}"#).unwrap();
    let step = |id: &str| r.steps.iter().find(|s| s.id == id).unwrap();
    let zvw = step("zvw_raw_client");
    assert!(zvw
        .params
        .iter()
        .any(|p| p.name == "zvw_nominal" && p.status == wlz_core::params::Status::Estimate));
    assert!(r.estimated && r.estimated_params.contains(&"zvw_nominal"));
    let cap = step("heb_capped");
    assert!(cap
        .params
        .iter()
        .any(|p| p.name == "heb_max_month" && p.status == wlz_core::params::Status::Verified));
    let v = serde_json::to_value(&r).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let capped = steps.iter().find(|s| s["id"] == "heb_capped").unwrap();
    assert_eq!(capped["op"], "min");
    assert_eq!(capped["of"][1]["param"], "heb_max_month");
    assert_eq!(capped["of"][1]["value"], "2887.40");
    assert_eq!(capped["params"][0]["status"], "VERIFIED");
    assert!(capped["reference"]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://wetten.overheid.nl/BWBR0035948/2024-01-01"));
    assert_eq!(capped["reference"]["article"], "Blz art. 3.3.2.1 lid 2");
    let x = steps.iter().find(|s| s["id"] == "heb_x").unwrap();
    assert_eq!(x["op"], "sum");
    assert_eq!(x["terms"][0]["sign"], "+");
    assert_eq!(x["terms"][0]["step"], "heb_a");
    assert_eq!(x["terms"][1]["sign"], "-");
}

#[test]
fn a_lage_bijdrage_at_home_uses_only_verified_parameters() {
    // Spec case M: nothing estimated.
    let r = estimate_json(r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#).unwrap();
    assert!(!r.estimated, "{:?}", r.estimated_params);
    let g = r
        .steps
        .iter()
        .find(|s| s.id == "vermogensgrondslag_client")
        .unwrap();
    assert!(g.params.iter().any(|p| p.name == "vermogen_threshold_pp"));
}
