//! Every article a trace cites belongs to exactly one rules module (issue 14): a newcomer who
//! reads "Blz art. 3.3.2.3 lid 1 a" in an explanation finds the one module that applies it.
//!
//! * `wlz_core::rules::CITES` names each module's citations (article and lid); no citation is
//!   claimed by two modules.
//! * Every `Article::X, "lid …"` written in a module's source is in that module's list, and the
//!   driver (`engine.rs`, `rules/mod.rs`) cites nothing itself.
//! * Every citation in the explanation of every fixture case (steps, notes, the regime's reason)
//!   is one of those, or the reference of a parameter the step uses (the estimated income tax
//!   cites its tax-year file's laws, like a parameter).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use wlz_core::params::{self, Article};
use wlz_core::rules::CITES;

fn article_named(name: &str) -> Option<Article> {
    Article::ALL.into_iter().find(|a| format!("{a:?}") == name)
}

fn source_of(module: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    match module {
        "regime" | "scenarios" | "engine" => src.join(format!("{module}.rs")),
        "mod" => src.join("rules/mod.rs"),
        _ => src.join(format!("rules/{module}.rs")),
    }
}

/// The `(Article::X, "detail")` pairs written literally in a source file.
fn literal_citations(path: &Path) -> Vec<(Article, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("Article::") {
        rest = &rest[i + "Article::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = rest[name.len()..].trim_start();
        let Some(after) = after.strip_prefix(',') else {
            continue;
        };
        let after = after.trim_start();
        let Some(lit) = after.strip_prefix('"') else {
            continue;
        };
        let detail = &lit[..lit.find('"').unwrap()];
        let article = article_named(&name).unwrap_or_else(|| panic!("unknown Article::{name}"));
        out.push((article, detail.to_string()));
    }
    out
}

#[test]
fn no_citation_belongs_to_two_modules() {
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for (module, cites) in CITES {
        for (a, detail) in *cites {
            let key = format!("{a:?} {detail}");
            if let Some(other) = owner.insert(key.clone(), module) {
                panic!("{key} is claimed by both `{other}` and `{module}`");
            }
        }
    }
    assert!(owner.len() >= 40, "{} citations", owner.len());
}

#[test]
fn every_citation_in_a_module_is_in_its_list() {
    for (module, cites) in CITES {
        let path = source_of(module);
        for (a, detail) in literal_citations(&path) {
            assert!(
                cites.iter().any(|(x, d)| *x == a && *d == detail),
                "{}: cites {a:?} \"{detail}\" but its CITES does not list it",
                path.display()
            );
        }
    }
    for driver in ["engine", "mod"] {
        let found = literal_citations(&source_of(driver));
        assert!(
            found.is_empty(),
            "the driver {driver}.rs cites {found:?}: move it to its rule"
        );
    }
}

/// Every `{"article", "url"}` in an estimate's JSON except the parameter records (`params`).
fn citations(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(a), Some(_)) = (m.get("article"), m.get("url")) {
                out.insert(a.as_str().unwrap().to_string());
            }
            for (k, x) in m {
                if k != "params" {
                    citations(x, out);
                }
            }
        }
        serde_json::Value::Array(xs) => xs.iter().for_each(|x| citations(x, out)),
        _ => {}
    }
}

#[test]
fn every_citation_of_every_explanation_belongs_to_one_rule() {
    let mut seen = 0;
    for (file, c) in common::load_cases() {
        let Ok(r) = common::to_input(&c).and_then(|i| wlz_core::estimate(&i)) else {
            continue;
        };
        let p = params::for_year(c.year).unwrap();
        let mut known: BTreeSet<String> = BTreeSet::new();
        for (_, cites) in CITES {
            for (a, detail) in *cites {
                let base = &p.reference(*a).article;
                known.insert(if detail.is_empty() {
                    base.to_string()
                } else {
                    format!("{base} {detail}")
                });
            }
        }
        let mut found = BTreeSet::new();
        let json = serde_json::to_value(&r).unwrap();
        citations(&json, &mut found);
        for step in &r.steps {
            // A step that shows a parameter cites that parameter's own reference.
            for u in &step.params {
                found.remove(u.0.reference.article);
            }
        }
        found.remove(p.peiljaar_reference.article);
        // The estimated tax (crate::tax) cites the tax laws of its tax-year file as a whole.
        if let Some(ty) = wlz_core::tax::tax_year(p.peiljaar) {
            found.remove(ty.reference.article);
            for x in ty.all() {
                found.remove(x.reference.article);
            }
        }
        for article in found {
            seen += 1;
            assert!(
                known.contains(&article),
                "{file}::{}: `{article}` is cited but no rules module lists it",
                c.name
            );
        }
    }
    assert!(seen > 500, "only {seen} citations checked");
}
