//! The JSON Schema of the contract (feature `schema`): what an estimate and a
//! plan read and everything the engine writes. `wlz-bijdrage schema` prints it, and the
//! npm package's TypeScript types are generated from it
//! (`scripts/build-npm.sh`), so the types cannot drift from the Rust structs.
//!
//! Most types derive their schema next to their serde derive. The few with a
//! hand-written `Serialize`/`Deserialize` get their schema here, written from
//! that impl; `tests` below checks each against real output.

use crate::date::Date;
use crate::input::{Amount, CareForm, CareForms};
use crate::trace::{Citation, Operand, ParamUse, ReadingSet, OPEN_IDS};
use schemars::generate::{Contract, SchemaSettings};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::borrow::Cow;

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        if generator.contract().is_serialize() {
            json_schema!({
                "description": "Euros as a plain decimal string, e.g. \"38000\" or \"1234.56\".",
                "type": "string"
            })
        } else {
            json_schema!({
                "description": "Euros: a number (38000, 1234.56) or a string in Dutch or English notation (\"38.000\", \"1.234,56\", \"1,234.56\", \"€ 1.234\"). At most two decimals, at most € 100 million.",
                "type": ["number", "string"]
            })
        }
    }
}

impl JsonSchema for Date {
    // Not `Date`: in TypeScript that would shadow the global `Date`.
    fn schema_name() -> Cow<'static, str> {
        "CalendarDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, YYYY-MM-DD.",
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
        })
    }
}

impl JsonSchema for CareForms {
    fn schema_name() -> Cow<'static, str> {
        "CareForms".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<CareForm>();
        if generator.contract().is_serialize() {
            json_schema!({ "type": "array", "items": one })
        } else {
            json_schema!({
                "description": "One care form, or a list (the highest-ranked one counts).",
                "anyOf": [one, { "type": "array", "items": one }]
            })
        }
    }
}

impl JsonSchema for Operand {
    fn schema_name() -> Cow<'static, str> {
        "Operand".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<rust_decimal::Decimal>();
        json_schema!({
            "description": "An operand of a step: an earlier step (`step`), a parameter (`param`) or a plain value, always with its value.",
            "type": "object",
            "properties": {
                "step": { "type": "string", "description": "The id of the earlier step." },
                "param": { "type": "string", "description": "The name of the parameter." },
                "value": value
            },
            "required": ["value"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for ReadingSet {
    fn schema_name() -> Cow<'static, str> {
        "ReadingSet".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "OPEN items of the spec (§8) whose default reading was used, in spec order.",
            "type": "array",
            "items": { "type": "string", "enum": OPEN_IDS }
        })
    }
}

impl JsonSchema for ParamUse {
    fn schema_name() -> Cow<'static, str> {
        "ParamUse".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<rust_decimal::Decimal>();
        let status = generator.subschema_for::<crate::params::Status>();
        let reference = generator.subschema_for::<crate::params::LegalRef>();
        let derivation = generator.subschema_for::<crate::params::Derivation>();
        let unit = generator.subschema_for::<crate::params::Unit>();
        json_schema!({
            "description": "A parameter a step used: name, value, unit, status, legal reference and, for a DERIVED value, the rule that derives it.",
            "type": "object",
            "properties": {
                "name": { "type": "string" },
                "value": value,
                "unit": unit,
                "status": status,
                "reference": reference,
                "derivation": derivation
            },
            "required": ["name", "value", "unit", "status", "reference"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        "Citation".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An article of the law version that applies, with its wetten.overheid.nl link.",
            "type": "object",
            "properties": {
                "article": { "type": "string", "description": "E.g. `Blz art. 3.3.2.2 lid 1 a`." },
                "url": { "type": "string" }
            },
            "required": ["article", "url"],
            "additionalProperties": false
        })
    }
}

/// The public types of the contract, by their schema names: what goes in
/// (deserialized) and what comes out (serialized).
fn definitions(contract: Contract, add: impl FnOnce(&mut SchemaGenerator)) -> Map<String, Value> {
    let mut generator = SchemaSettings::draft07()
        .with(|s| s.contract = contract)
        .into_generator();
    add(&mut generator);
    generator.take_definitions(true)
}

/// One JSON Schema (draft 7) document whose `definitions` hold every type of
/// the contract: `Input`, `CurrentYear`, the planner's `PlanInput` and the
/// letters' `CheckInput`, `LetterData` and `Template` as read; `Estimate`,
/// `Timeline`, `Comparison`, `PartnerOptions`, `WhatIf`, `IncomeCurve`,
/// `InputError`, `Plan`, `PlanComparison`, the letters' `Report` and
/// `Rendered` as written.
///
/// A type that occurs on both sides must have the same schema on both (money
/// is the exception, and it is inlined: a decimal string out, a number or
/// string in). This function panics if a named type differs, so the
/// generated types stay unambiguous; the tests run it.
pub fn contract_schema() -> Value {
    let inputs = definitions(Contract::Deserialize, |g| {
        g.subschema_for::<crate::Input>();
        g.subschema_for::<crate::scenarios::CurrentYear>();
        g.subschema_for::<crate::planner::PlanInput>();
        g.subschema_for::<crate::letters::check::CheckInput>();
        g.subschema_for::<crate::letters::templates::LetterData>();
        g.subschema_for::<crate::letters::templates::Template>();
    });
    let outputs = definitions(Contract::Serialize, |g| {
        g.subschema_for::<crate::Estimate>();
        g.subschema_for::<crate::scenarios::Timeline>();
        g.subschema_for::<crate::scenarios::Comparison>();
        g.subschema_for::<crate::scenarios::PartnerOptions>();
        g.subschema_for::<crate::scenarios::WhatIf>();
        g.subschema_for::<crate::scenarios::IncomeCurve>();
        g.subschema_for::<crate::InputError>();
        g.subschema_for::<crate::planner::Plan>();
        g.subschema_for::<crate::planner::PlanComparison>();
        g.subschema_for::<crate::letters::check::Report>();
        g.subschema_for::<crate::letters::templates::Rendered>();
    });
    let mut all = inputs;
    for (name, schema) in outputs {
        match all.get(&name) {
            Some(existing) if *existing != schema => {
                panic!("type `{name}` has a different schema as input and as output")
            }
            Some(_) => {}
            None => {
                all.insert(name, schema);
            }
        }
    }
    json_schema_document(all)
}

fn json_schema_document(definitions: Map<String, Value>) -> Value {
    serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://example.invalid/wlz-bijdrage/contract-v1.schema.json",
        "title": "WlzBijdrageContract",
        "description": "The JSON contract (version 1) of wlz-bijdrage: an estimate of the Dutch Wlz eigen bijdrage. See docs/contract.md.",
        "definitions": definitions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs() -> Map<String, Value> {
        contract_schema()["definitions"]
            .as_object()
            .unwrap()
            .clone()
    }

    #[test]
    fn holds_every_public_type() {
        let d = defs();
        for name in [
            "Input",
            "Person",
            "Stay",
            "HouseholdFacts",
            "Readings",
            "CurrentYear",
            "Estimate",
            "Step",
            "Timeline",
            "Comparison",
            "PartnerOptions",
            "WhatIf",
            "IncomeCurve",
            "InputError",
            "ErrorCode",
            "Citation",
            "Operand",
            "ParamUse",
            "PlanInput",
            "Plan",
            "PlanYear",
            "PlanMonth",
            "RegimeAmount",
            "Figures",
            "Event",
            "AowComparison",
            "PlanComparison",
            "ComparedYear",
            "CheckInput",
            "Letter",
            "Report",
            "LetterData",
            "Rendered",
            "Template",
        ] {
            assert!(d.contains_key(name), "missing definition {name}");
        }
    }

    #[test]
    fn input_rejects_unknown_fields_and_requires_the_client() {
        let input = &defs()["Input"];
        assert_eq!(input["additionalProperties"], Value::Bool(false));
        let required: Vec<&str> = input["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(required, ["version", "year", "client"]);
    }

    /// The planner's input is as strict as the estimate's: the npm types reject a typo too.
    #[test]
    fn plan_input_rejects_unknown_fields_and_requires_from() {
        let input = &defs()["PlanInput"];
        assert_eq!(input["additionalProperties"], Value::Bool(false));
        assert_eq!(
            input["required"],
            serde_json::json!(["version", "from", "client"])
        );
    }

    /// The derived schemas of the plan describe what a real plan writes: in a
    /// plan with a home, events and the AOW options, every object's keys are
    /// properties of its definition and every required property is there.
    #[test]
    fn plan_schema_matches_real_output() {
        let input: crate::planner::PlanInput = crate::input::from_json(
            r#"{"version":1,"from":2026,"admission":"2026-02-01",
                "client":{"birth_date":"1948-03-01","care":"instelling","income":22000,"tax":300},
                "partner":{"birth_date":"1950-03-01","care":"none","income":15000,"tax":0},
                "money":{"savings":30000},"partner_money":{"savings":30000},
                "home":{"woz":300000,"status":"partner","owner":"joint"}}"#,
        )
        .unwrap();
        let out = serde_json::to_value(crate::planner::plan(&input).unwrap()).unwrap();
        let d = defs();
        let fits = |name: &str, v: &Value| {
            let o = v.as_object().unwrap();
            let props = d[name]["properties"].as_object().unwrap();
            assert!(o.keys().all(|k| props.contains_key(k)), "{name}: {o:?}");
            for r in d[name]["required"].as_array().unwrap() {
                assert!(o.contains_key(r.as_str().unwrap()), "{name} lacks {r}");
            }
        };
        let all = |v: &Value, key: &str| v[key].as_array().unwrap().clone();
        fits("Plan", &out);
        all(&out, "events").iter().for_each(|e| fits("Event", e));
        for y in all(&out, "years") {
            fits("PlanYear", &y);
            all(&y, "months").iter().for_each(|m| fits("PlanMonth", m));
            all(&y, "regimes")
                .iter()
                .for_each(|r| fits("RegimeAmount", r));
            all(&y, "people").iter().for_each(|f| fits("Figures", f));
        }
        fits("AowComparison", &out["aow"]);
        for o in all(&out["aow"], "options") {
            fits("AowOptionResult", &o);
            all(&o, "years").iter().for_each(|y| fits("OptionYear", y));
        }
    }

    /// The letters' schemas describe what a real check and a real letter write (a check with
    /// a back-dated total and its spreading, letters.md §5.6 E6, and one with the implied
    /// income, §5.4 E4), and the check's input is strict like the others.
    #[test]
    fn letter_schemas_match_real_output() {
        use crate::letters::check::{check, CheckInput};
        let d = defs();
        let fits = |name: &str, v: &Value| {
            let o = v.as_object().unwrap();
            let props = d[name]["properties"].as_object().unwrap();
            assert!(o.keys().all(|k| props.contains_key(k)), "{name}: {o:?}");
            for r in d[name]["required"].as_array().into_iter().flatten() {
                assert!(o.contains_key(r.as_str().unwrap()), "{name} lacks {r}");
            }
        };
        for json in [
            r#"{"household":{"version":1,"year":2026,"client":{"age":70,"care":"pgb","income":41000}},
                "letter":{"date":"2026-04-10","from":"2026-01-01","monthly":"95.07","regime":"lage"},
                "care_start":"2025-01-01","income_by_year":{"2023":40000}}"#,
            r#"{"household":{"version":1,"year":2026,"client":{"age":70,"care":"pgb","income":30000,"assets":45000}},
                "letter":{"date":"2026-01-15","from":"2026-01-01","monthly":"120.00","regime":"lage"}}"#,
        ] {
            let req: CheckInput = crate::input::from_json(json).unwrap();
            let out = serde_json::to_value(check(&req).unwrap()).unwrap();
            fits("Report", &out);
            fits("Interval", &out["implied_bi"]);
            fits("Deadlines", &out["deadlines"]);
            if let Some(b) = out.get("backdated") {
                fits("Backdated", b);
                fits("Spreading", &out["spreading"]);
            }
            if let Some(i) = out.get("implied") {
                fits("Implied", i);
            }
            let data = crate::letters::prefill::prefill(&req, &check(&req).unwrap());
            let r = crate::letters::templates::render(
                crate::letters::templates::Template::Bezwaar,
                &data,
            );
            fits("Rendered", &serde_json::to_value(r).unwrap());
        }
        assert_eq!(d["CheckInput"]["additionalProperties"], Value::Bool(false));
        assert_eq!(d["Letter"]["additionalProperties"], Value::Bool(false));
        assert_eq!(d["LetterData"]["additionalProperties"], Value::Bool(false));
    }

    #[test]
    fn optional_output_fields_are_not_required() {
        let estimate = &defs()["Estimate"];
        let required: Vec<&str> = estimate["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for always in ["version", "year", "peiljaar", "regime", "monthly", "steps"] {
            assert!(required.contains(&always), "{always} must be required");
        }
        for sometimes in ["days", "due", "split", "notes", "readings", "alternatives"] {
            assert!(
                !required.contains(&sometimes),
                "{sometimes} is skipped when empty, so it is not required"
            );
        }
    }

    /// The hand-written schemas describe what the hand-written serializers
    /// really write: every key of every step of a rich estimate is a known
    /// property, and every required property is there.
    #[test]
    fn hand_written_schemas_match_real_output() {
        let input = crate::Input::from_json(
            r#"{"version":1,"year":2026,
                "client":{"age":70,"care":"instelling","income":60000,"assets":200000},
                "partner":{"age":72,"income":20000}}"#,
        )
        .unwrap();
        let out = serde_json::to_value(crate::estimate(&input).unwrap()).unwrap();
        let d = defs();
        let props = |name: &str| -> Vec<String> {
            d[name]["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect()
        };
        let (citation, param, operand) = (props("Citation"), props("ParamUse"), props("Operand"));
        let mut seen = (0, 0, 0);
        for step in out["steps"].as_array().unwrap() {
            if let Some(r) = step.get("reference") {
                let keys: Vec<String> = r.as_object().unwrap().keys().cloned().collect();
                assert_eq!(keys, citation);
                seen.0 += 1;
            }
            for p in step
                .get("params")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                // Every key is in the schema; `derivation` is there only for DERIVED values.
                let keys: Vec<String> = p.as_object().unwrap().keys().cloned().collect();
                assert!(keys.iter().all(|k| param.contains(k)), "{keys:?}");
                let derived = p["status"] == "DERIVED";
                assert_eq!(keys.len(), param.len() - usize::from(!derived), "{keys:?}");
                assert_eq!(p.get("derivation").is_some(), derived);
                seen.1 += 1;
            }
            for key in ["of", "by"] {
                if let Some(o) = step.get(key).and_then(Value::as_object) {
                    assert!(o.keys().all(|k| operand.contains(k)), "{o:?}");
                    assert!(o.contains_key("value"));
                    seen.2 += 1;
                }
            }
        }
        assert!(seen.0 > 0 && seen.1 > 0 && seen.2 > 0, "{seen:?}");
    }
}
