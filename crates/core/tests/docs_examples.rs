//! The examples in docs/contract.md parse and give the spec's figures.

fn example(n: usize) -> String {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/contract.md"
    ))
    .unwrap();
    doc.split("```json")
        .nth(n)
        .unwrap()
        .split("```")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn contract_examples_give_the_spec_amounts() {
    // Spec §6.1 case M, case E (with split), case Q (regime).
    let m = wlz_core::estimate_json(&example(1)).unwrap();
    assert_eq!(m.monthly.to_string(), "337.68");
    let e = wlz_core::estimate_json(&example(2)).unwrap();
    assert_eq!(e.monthly.to_string(), "397.17");
    let s = e.split.unwrap();
    assert_eq!(
        (s.client.to_string(), s.partner.to_string()),
        ("202.81".into(), "194.36".into())
    );
    let q = wlz_core::estimate_json(&example(3)).unwrap();
    assert_eq!(q.regime, wlz_core::Regime::Hoge);
}

#[test]
fn unknown_fields_are_named() {
    let e = wlz_core::estimate_json(
        r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","incom":1}}"#,
    )
    .unwrap_err();
    assert_eq!(e.code, wlz_core::ErrorCode::InvalidJson);
    assert_eq!(e.field.as_deref(), Some("client.incom"));
    assert!(e.message.en.contains("incom") && e.message.nl.contains("incom"));
}
