//! The explanation trace records every parameter a step used, with its status,
//! and serializes to the documented shape.

use wlz_core::estimate_json;

#[test]
fn steps_name_the_parameters_they_used_and_their_status() {
    // Spec case HX (2024 HEB): zak- en kleedgeld and the Zvw figures are DERIVED (spec §2.4.3),
    // the aftrekpost and the extra vrijlating are still estimates.
    use wlz_core::params::Status;
    let r = estimate_json(r#"{"version":1,"year":2024,"client":{"age":70,"care":"instelling","income":30000,"tax":6000}}"#).unwrap();
    let step = |id: &str| r.steps.iter().find(|s| s.id == id).unwrap();
    let zvw = step("zvw_raw_client");
    assert!(zvw
        .params
        .iter()
        .any(|p| p.name == "zvw_nominal" && p.status == Status::Derived));
    assert!(r.estimated);
    for name in [
        "aftrekpost_aow",
        "vrijlating_threshold_single_aow",
        "vrijlating_rate",
    ] {
        assert!(
            r.estimated_params.contains(&name),
            "{:?}",
            r.estimated_params
        );
    }
    for name in [
        "zvw_nominal",
        "zvw_rate",
        "zkg_year_single",
        "zvw_min_aow_single",
    ] {
        assert!(!r.estimated_params.contains(&name), "{name}");
    }
    let marks = wlz_core::trace::estimate_marks(&r.steps);
    let marked = |id: &str| marks[r.steps.iter().position(|s| s.id == id).unwrap()];
    assert!(
        !marked("zkg") && !marked("zvw"),
        "DERIVED values carry no estimate mark"
    );
    assert!(marked("aftrekpost") && marked("vrijlating"));
    // The rule of each DERIVED value is reachable from a line the reader sees.
    let derived = wlz_core::trace::params_behind(&r.steps, Status::Derived);
    let shown_derived: Vec<&str> = r
        .steps
        .iter()
        .zip(&derived)
        .filter(|(s, _)| wlz_core::trace::is_shown(s))
        .flat_map(|(_, ps)| ps.iter().map(|p| p.name))
        .collect();
    for name in ["zkg_year_single", "zvw_nominal", "zvw_rate"] {
        assert!(shown_derived.contains(&name), "{name}: {shown_derived:?}");
    }
    assert!(derived
        .iter()
        .flatten()
        .all(|p| p.status == Status::Derived));
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
    // A DERIVED parameter carries its rule and sources in the JSON.
    let zkg = steps.iter().find(|s| s["id"] == "zkg").unwrap();
    assert_eq!(zkg["params"][0]["status"], "DERIVED");
    assert_eq!(zkg["params"][0]["value"], "4167");
    assert!(zkg["params"][0]["derivation"]["rule"]["nl"]
        .as_str()
        .unwrap()
        .starts_with("6 × de bijstandsnorm van 1 januari 2022"));
    assert_eq!(
        zkg["params"][0]["derivation"]["sources"][1]["url"],
        "https://wetten.overheid.nl/BWBR0015703/2022-07-01"
    );
    assert!(capped["params"][0].get("derivation").is_none());
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

/// O-2 (spec §8): a 2026 household that would have had the COT under the 2025 rules is told
/// that a transitional compensation may lower the real amount; no amount is invented.
/// Spec cases B and B2 (2025, single AOW vpt, RG 100.000): income 24.000 gives the COT
/// (24.000 − 4% × 43.000 = 22.280 < 22.833), income 26.000 does not (24.280 ≥ 22.833).
#[test]
fn a_2026_household_with_a_2025_cot_gets_the_transition_note() {
    let run = |year: i32, income: u32, age: u32| {
        estimate_json(&format!(r#"{{"version":1,"year":{year},"client":{{"age":{age},"care":"vpt","income":{income},"assets":100000}}}}"#)).unwrap()
    };
    let has_note = |r: &wlz_core::Estimate| {
        r.notes.iter().any(|n| {
            n.text
                .nl
                .contains("compensatie voor de vervallen ouderentoeslag")
        })
    };
    // Age 76 in 2026 is 75 in 2025: AOW both years.
    let r = run(2026, 24000, 76);
    assert!(has_note(&r), "{:?}", r.notes);
    assert!(r.readings.ids().any(|id| id == "O-2"));
    let n = r
        .notes
        .iter()
        .find(|n| n.text.en.contains("elderly allowance"))
        .unwrap();
    assert!(n.text.en.contains("may be lower"));
    assert!(n
        .reference
        .as_ref()
        .unwrap()
        .url()
        .contains("stcrt-2025-35082"));
    // The amount is the 2026 rule alone: (24.000 + 4% × (100.000 − 36.952)) / 120 = 221.02.
    assert_eq!(r.monthly.to_string(), "221.02");
    assert!(
        !has_note(&run(2026, 26000, 76)),
        "no COT under the 2025 rules"
    );
    // Age 67 in 2026 was 66 on 1 January 2025: below AOW age then, so no COT in 2025.
    assert!(!has_note(&run(2026, 24000, 67)));
    // At the LEB minimum a compensation cannot lower the amount (income 20.000: 187,68 < 212,60).
    assert!(!has_note(&run(2026, 20000, 76)));
    // 2025 itself computes the COT (case B): no transition note.
    let b = run(2025, 24000, 75);
    assert_eq!(b.monthly.to_string(), "207.92");
    assert!(!has_note(&b));
}
