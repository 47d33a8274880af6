//! Golden explanation files: the whole result of every fixture case (amounts, regime, notes and
//! every trace step with its labels in Dutch and English, its references and the parameters it
//! used) as reviewed JSON under `fixtures/golden/<fixture file>/<case>.json`.
//!
//! The fixtures check the amounts against hand calculations; these files catch any other change
//! in what a user reads: a label, a citation, the order of the steps. A difference fails the test
//! with the first lines that differ. After an intended change, rewrite the files and review the
//! diff before committing it:
//!
//! ```sh
//! WLZ_ACCEPT_GOLDEN=1 cargo test -p wlz-core --test golden
//! git diff fixtures/golden
//! ```
//!
//! `WLZ_CASE=<part of a case name>` runs only the cases whose name contains it.

mod common;

use common::{case_filter, load_cases, to_input};
use std::path::PathBuf;

fn golden_path(file: &str, case: &str) -> PathBuf {
    let stem = file.trim_end_matches(".yaml").trim_end_matches(".yml");
    let safe: String = case
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    common::fixtures_dir()
        .join("golden")
        .join(stem)
        .join(format!("{safe}.json"))
}

/// The case's full result (or its error) as pretty JSON, the way a golden file holds it.
fn render(c: &common::Case) -> String {
    let value = match to_input(c).and_then(|i| wlz_core::estimate(&i)) {
        Ok(r) => serde_json::json!({ "ok": r }),
        Err(e) => serde_json::json!({ "error": e }),
    };
    serde_json::to_string_pretty(&compact(value)).unwrap() + "\n"
}

/// Shortens what the year files already hold and review (a parameter's full record, a reference's
/// URL), so a golden file shows what the explanation says and which figures it used:
/// `{"article", "url"}` becomes `"article <url>"`, a used parameter `"name = value unit STATUS"`.
fn compact(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let s = |k: &str| {
                m.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            if m.len() == 2 && m.contains_key("article") && m.contains_key("url") {
                return Value::String(format!("{} <{}>", s("article"), s("url")));
            }
            if m.contains_key("name") && m.contains_key("status") && m.contains_key("unit") {
                let value = m.get("value").map(|v| v.to_string()).unwrap_or_default();
                return Value::String(format!(
                    "{} = {} {} {}",
                    s("name"),
                    value.trim_matches('"'),
                    s("unit"),
                    s("status")
                ));
            }
            Value::Object(m.into_iter().map(|(k, v)| (k, compact(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(compact).collect()),
        other => other,
    }
}

/// The first differing line with a little context, for a readable failure.
fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let from = i.saturating_sub(3);
    let show = |v: &[&str]| v[from.min(v.len())..(i + 3).min(v.len())].join("\n");
    format!(
        "first difference at line {}:\n--- golden\n{}\n--- now\n{}",
        i + 1,
        show(&w),
        show(&g)
    )
}

#[test]
fn every_explanation_matches_its_reviewed_golden_file() {
    let accept = std::env::var_os("WLZ_ACCEPT_GOLDEN").is_some();
    let cases = load_cases();
    let filter = case_filter();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, c) in cases.iter().filter(|(_, c)| filter(&c.name)) {
        let path = golden_path(file, &c.name);
        let got = render(c);
        checked += 1;
        if accept {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{file}::{}: {}",
                c.name,
                first_difference(&want, &got)
            )),
            Err(_) => failures.push(format!(
                "{file}::{}: no golden file {} (WLZ_ACCEPT_GOLDEN=1 writes it)",
                c.name,
                path.display()
            )),
        }
    }
    assert!(checked > 0 || std::env::var_os("WLZ_CASE").is_some());
    assert!(
        failures.is_empty(),
        "{} of {checked} explanations differ from their golden files \
         (after an intended change: WLZ_ACCEPT_GOLDEN=1 cargo test -p wlz-core --test golden):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_golden_file_belongs_to_a_case() {
    let cases = load_cases();
    let known: std::collections::HashSet<PathBuf> =
        cases.iter().map(|(f, c)| golden_path(f, &c.name)).collect();
    let root = common::fixtures_dir().join("golden");
    for dir in std::fs::read_dir(&root).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            assert!(
                known.contains(&f.path()),
                "{} has no fixture case any more: delete it",
                f.path().display()
            );
        }
    }
}
