//! `wlz_core::questions` proved both ways over generated households (issue 12):
//! * an answer the core calls irrelevant never changes the result (regime and monthly amount,
//!   or the error) whatever it is changed to;
//! * every question the core can call relevant changes the result for some household.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use wlz_core::questions::{is_relevant, relevant, Question};
use wlz_core::{estimate, Input};

mod common;
use common::{CLIENT_FORMS, PARTNER_FORMS};

const READINGS: [&str; 4] = [
    "dtv_always_leb",
    "bw_partner_no_start_period",
    "living_along_as_no_care",
    "spouse_without_care_owes",
];

fn euros(max: i64) -> impl Strategy<Value = Value> {
    (0..=max).prop_map(|e| json!(e.to_string()))
}

fn person(forms: &'static [&'static str]) -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![10u32, 17, 18, 45, 66, 67, 80]),
        prop::sample::select(forms.to_vec()),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![0u32, 2, 3, 4, 5, 12])),
        prop_oneof![3 => euros(40_000), 1 => euros(150_000)],
        euros(400_000),
        prop::option::of(euros(30_000)),
        prop::option::of(euros(40_000)),
        prop::option::of(euros(40_000)),
    )
        .prop_map(
            |(age, care, mpt20, months, income, assets, tax, work, one_off)| {
                let mut p = json!({"age": age, "care": care, "income": income, "assets": assets});
                if care == "mpt" {
                    p["mpt_max_20_hours"] = json!(mpt20);
                }
                if let Some(m) = months {
                    if matches!(care, "instelling" | "dtv" | "living-along") {
                        p["stay"] = json!({"months_completed": m});
                    }
                }
                for (k, v) in [
                    ("tax", tax),
                    ("work_income", work),
                    ("one_off_payments", one_off),
                ] {
                    if let Some(v) = v {
                        p[k] = v;
                    }
                }
                p
            },
        )
}

fn household() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(wlz_core::params::supported_years()),
        // Weighted towards an instelling, so the hoge bijdrage and its questions come up often.
        person(&[
            "instelling",
            "instelling",
            "instelling",
            "vpt",
            "mpt",
            "pgb",
            "dtv",
        ]),
        prop::option::weighted(0.6, person(&PARTNER_FORMS)),
        [
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.5),
            prop::bool::weighted(0.5),
        ],
        prop::option::weighted(0.15, prop::sample::select(READINGS.to_vec())),
    )
        .prop_map(
            |(year, client, partner, [children, ret, wmo, zt], reading)| {
                let mut v = json!({"version": 1, "year": year, "client": client,
                "household": {"children": children, "return_home_expected": ret,
                              "wmo_maatwerkvoorziening": wmo, "zorgtoeslag": zt}});
                if let Some(p) = partner {
                    v["partner"] = p;
                }
                if let Some(r) = reading {
                    v["readings"] = json!({ r: true });
                }
                v
            },
        )
}

fn input(v: &Value) -> Input {
    Input::from_json(&v.to_string()).expect("generated households are well-formed")
}

/// The result that matters to a family: regime and monthly amount, or the error code.
fn result(v: &Value) -> Result<(String, String), String> {
    estimate(&input(v))
        .map(|e| (e.regime.name().to_string(), e.monthly.to_string()))
        .map_err(|e| format!("{:?}", e.code))
}

/// The JSON path a question's answer lives at (person, key).
fn path(q: Question) -> Option<(&'static str, &'static str)> {
    use Question as Q;
    Some(match q {
        Q::MonthsInCare => ("client", "stay"),
        Q::MptMax20Hours => ("client", "mpt_max_20_hours"),
        Q::Income => ("client", "income"),
        Q::Assets => ("client", "assets"),
        Q::Tax => ("client", "tax"),
        Q::WorkIncome => ("client", "work_income"),
        Q::OneOffPayments => ("client", "one_off_payments"),
        Q::Age => ("client", "age"),
        Q::Care => ("client", "care"),
        Q::PartnerAge => ("partner", "age"),
        Q::PartnerCare => ("partner", "care"),
        Q::PartnerMonthsInCare => ("partner", "stay"),
        Q::PartnerIncome => ("partner", "income"),
        Q::PartnerAssets => ("partner", "assets"),
        Q::PartnerTax => ("partner", "tax"),
        Q::PartnerWorkIncome => ("partner", "work_income"),
        Q::Children => ("household", "children"),
        Q::ReturnHomeExpected => ("household", "return_home_expected"),
        Q::WmoMaatwerkvoorziening => ("household", "wmo_maatwerkvoorziening"),
        Q::Zorgtoeslag => ("household", "zorgtoeslag"),
        Q::Year | Q::Partner => return None,
    })
}

/// Other answers to try for a question (every one is a valid answer).
fn answers(q: Question) -> Vec<Value> {
    use Question as Q;
    // `null` is the answer left empty: a missing income is an error only when a contribution
    // is due, so under 18 it is not asked.
    let amounts = || {
        let mut a = [
            "0", "1500", "9000", "24000", "38000", "61000", "150000", "1250000",
        ]
        .map(|a| json!(a))
        .to_vec();
        a.push(Value::Null);
        a
    };
    match q {
        Q::MonthsInCare | Q::PartnerMonthsInCare => [0, 1, 3, 4, 6, 30]
            .map(|m| json!({"months_completed": m}))
            .to_vec(),
        Q::Age | Q::PartnerAge => [0, 17, 18, 40, 66, 67, 90].map(|a| json!(a)).to_vec(),
        Q::Care => CLIENT_FORMS.map(|c| json!(c)).to_vec(),
        Q::PartnerCare => PARTNER_FORMS.map(|c| json!(c)).to_vec(),
        Q::MptMax20Hours
        | Q::Children
        | Q::ReturnHomeExpected
        | Q::WmoMaatwerkvoorziening
        | Q::Zorgtoeslag => vec![json!(true), json!(false)],
        Q::Year => wlz_core::params::supported_years()
            .into_iter()
            .map(|y| json!(y))
            .collect(),
        _ => amounts(),
    }
}

fn with_answer(v: &Value, q: Question, answer: &Value) -> Option<Value> {
    let mut w = v.clone();
    match q {
        Question::Year => w["year"] = answer.clone(),
        Question::Partner => {
            let obj = w.as_object_mut()?;
            if obj.remove("partner").is_none() {
                obj.insert(
                    "partner".into(),
                    json!({"age": 70, "care": "none", "income": "30000"}),
                );
            }
        }
        _ => {
            let (who, key) = path(q)?;
            // A partner's answer exists only with a partner (adding one is the Partner question).
            let person = w.get_mut(who)?.as_object_mut()?;
            person.insert(key.into(), answer.clone());
        }
    }
    Some(w)
}

#[test]
fn the_questions_that_matter_are_exactly_those_that_can_change_the_result() {
    let cases: usize = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(700);
    let mut runner = TestRunner::deterministic();
    let strategy = household();
    // Per question: households where it was relevant and a changed answer changed the result.
    let mut changed_when_relevant: BTreeMap<Question, usize> = BTreeMap::new();
    for _ in 0..cases {
        let v = strategy
            .new_tree(&mut runner)
            .expect("a household")
            .current();
        let i = input(&v);
        let asked: Vec<Question> = relevant(&i).into_iter().map(|a| a.question).collect();
        let before = result(&v);
        for q in Question::ALL {
            assert_eq!(asked.contains(&q), is_relevant(&i, q));
            for answer in answers(q) {
                let Some(w) = with_answer(&v, q, &answer) else {
                    continue;
                };
                let after = result(&w);
                if asked.contains(&q) {
                    if after != before {
                        *changed_when_relevant.entry(q).or_default() += 1;
                    }
                } else {
                    assert_eq!(
                        after,
                        before,
                        "{} is called irrelevant, but {} changes the result of\n{v}",
                        q.key(),
                        answer
                    );
                }
            }
        }
    }
    // The runner is deterministic: 700 households give 15 or more for each (the Wmo question
    // 15, mpt ≤ 20 hours 17, zorgtoeslag 31).
    eprintln!("changed when relevant: {changed_when_relevant:?}");
    for q in Question::ALL {
        assert!(
            changed_when_relevant.get(&q).copied().unwrap_or(0) > 0,
            "{} is called relevant but never changed a result in {cases} households",
            q.key()
        );
    }
}

/// Issue 12's example: a client in deeltijdverblijf whose partner lives in an instelling
/// can owe the hoge bijdrage, so the tax of both is asked; with children it is the lage
/// bijdrage and the tax is not used.
#[test]
fn a_dtv_client_with_a_partner_in_an_instelling_is_asked_for_the_tax() {
    let v = json!({"version": 1, "year": 2026,
        "client": {"age": 80, "care": "dtv", "stay": {"months_completed": 8}, "income": "30000"},
        "partner": {"age": 74, "care": "instelling", "stay": {"months_completed": 8}, "income": "20000"}});
    let i = input(&v);
    let r = estimate(&i).expect("an estimate");
    assert_eq!(r.regime.name(), "hoge");
    for q in [Question::Tax, Question::PartnerTax, Question::Children] {
        assert!(is_relevant(&i, q), "{}", q.key());
    }
    let mut w = v.clone();
    w["household"] = json!({"children": true});
    let with_children = input(&w);
    assert_eq!(
        estimate(&with_children).expect("an estimate").regime.name(),
        "lage"
    );
    assert!(!is_relevant(&with_children, Question::Tax));
    let why = wlz_core::questions::not_used(&with_children, Question::Tax).expect("a reason");
    assert!(why.nl.contains("hoge eigen bijdrage"), "{}", why.nl);
}
