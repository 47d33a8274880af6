//! Reading and checking the parameter files, **at build time**.
//!
//! `build.rs` includes this file (`#[path]`), runs [`check_dir`] on `crates/core/params/` and
//! turns every problem into a compile error; from the checked data it then writes the Rust
//! statics the engine uses (see `build.rs`). The crate itself compiles this file only for its
//! tests, which feed it broken files to test the messages: nothing here is in the library or
//! the WebAssembly.
//!
//! Every problem is one line `file: key: problem`, for example
//! `params/2026.json: params.leb_min_month.reference.url: must be an https URL`. The file
//! formats are described in `crates/core/params/README.md`.

use super::article::{Article, OPTIONAL_REFERENCES};
use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;
use std::str::FromStr;

/// The units a parameter may have: the name in the files, the `Unit` variant in Rust.
/// `tests::the_unit_and_status_names_match_the_rust_enums` keeps this in step with `Unit`.
pub const UNITS: [(&str, &str); 10] = [
    ("eur_per_month", "EurPerMonth"),
    ("eur_per_year", "EurPerYear"),
    ("eur_per_person", "EurPerPerson"),
    ("eur_per_person_per_year", "EurPerPersonPerYear"),
    ("share", "Share"),
    ("months", "Months"),
    ("days", "Days"),
    ("years", "Years"),
    ("day_of_january", "DayOfJanuary"),
    ("rule", "Rule"),
];

/// Units whose values must be whole numbers (they are read with `YearParams::int`).
const WHOLE_UNITS: [&str; 4] = ["months", "days", "years", "day_of_january"];

/// The statuses (spec §0): the name in the files, the `Status` variant in Rust.
pub const STATUSES: [(&str, &str); 4] = [
    ("VERIFIED", "Verified"),
    ("DERIVED", "Derived"),
    ("ESTIMATE", "Estimate"),
    ("OPEN", "Open"),
];

/// Field names the generated structs use themselves; a parameter's `field` may not take them.
const RESERVED_FIELDS: [&str; 10] = [
    "year",
    "peiljaar",
    "peiljaar_reference",
    "peiljaar_status",
    "source",
    "reference",
    "reference_table",
    "no_data",
    "texts",
    "all",
];

// ---------------------------------------------------------------------------------------------
// The files as written (serde, every struct `deny_unknown_fields`).

/// A JSON object in file order; a key that appears twice is an error (serde_json would keep
/// the last one silently).
#[derive(Debug)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Ordered<T>, A::Error> {
                let mut out: Vec<(String, T)> = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    if out.iter().any(|(x, _)| *x == k) {
                        return Err(A::Error::custom(format!("`{k}` appears twice")));
                    }
                    let v = m.next_value()?;
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextDef {
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefDef {
    pub article: String,
    pub url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsFile {
    #[serde(default)]
    groups: Ordered<GroupDef>,
    params: Ordered<ConceptDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    #[serde(rename = "struct")]
    rust_struct: String,
    doc: String,
    #[serde(default)]
    only_some_years: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptDef {
    label: TextDef,
    unit: String,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    only_some_years: bool,
    #[serde(default)]
    values: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i32,
    peiljaar: PeiljaarDef,
    source: String,
    params: Ordered<YearParamDef>,
    references: Ordered<RefDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxFile {
    year: i32,
    source: String,
    reference: RefDef,
    params: Ordered<YearParamDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeiljaarDef {
    value: i32,
    reference: RefDef,
    status: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearParamDef {
    value: serde_json::Value,
    status: String,
    reference: YearRefDef,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    derivation: Option<DerivationDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearRefDef {
    #[serde(default)]
    article: Option<String>,
    url: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivationDef {
    pub rule: TextDef,
    pub sources: Vec<RefDef>,
}

// ---------------------------------------------------------------------------------------------
// The checked data, from which build.rs writes Rust.

/// Which set of files: contribution years (`params/`) or income-tax years (`params/tax/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Contribution,
    Tax,
}

/// A group of parameters that share a Rust struct (`p.heb.zvw_rate`).
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub rust_struct: String,
    pub doc: String,
    pub only_some_years: bool,
}

/// What a parameter is, the same in every year: `params/concepts.json`.
#[derive(Debug, Clone)]
pub struct Concept {
    pub name: String,
    /// May hold `{year}` and `{peiljaar}`, filled in per year.
    pub label: TextDef,
    /// The name in the files (`eur_per_month`).
    pub unit: String,
    /// The `Unit` variant (`EurPerMonth`).
    pub unit_variant: &'static str,
    /// The article cited in the years that do not name their own; may hold placeholders.
    pub article: Option<String>,
    /// The group (index into [`Checked::groups`]) and the Rust field name.
    pub group: Option<usize>,
    pub field: String,
    /// Absent in some years (the field is an `Option`); for a group member, the group's flag.
    pub only_some_years: bool,
    /// For unit `rule`: the values a year may choose.
    pub values: Vec<String>,
}

/// One parameter of one year, checked and with its concept's texts filled in.
#[derive(Debug, Clone)]
pub struct YearParam {
    /// Index into [`Checked::concepts`].
    pub concept: usize,
    pub value: String,
    /// For numeric units: the value as (mantissa, scale); non-negative.
    pub decimal: Option<(u128, u32)>,
    pub status_variant: &'static str,
    /// The label with the placeholders filled in, when the concept's label has any.
    pub label: Option<TextDef>,
    /// The article, from the year file or (placeholders filled in) from the concept.
    pub article: String,
    /// Whether `article` comes from the concept (the year file names none).
    pub article_from_concept: bool,
    pub url: String,
    pub note: Option<String>,
    pub derivation: Option<DerivationDef>,
}

/// One checked year file.
#[derive(Debug, Clone)]
pub struct Year {
    pub file: String,
    pub year: i32,
    pub source: String,
    /// Contribution years: the peiljaar, its reference and status variant.
    pub peiljaar: Option<(i32, RefDef, &'static str)>,
    /// Tax years: the reference of the whole estimate.
    pub reference: Option<RefDef>,
    /// Present parameters, in the order of the concepts.
    pub params: Vec<YearParam>,
    /// Contribution years: the references, in the order of [`Article::ALL`].
    pub references: Vec<Option<RefDef>>,
}

impl Year {
    /// The parameter of concept `name`, if the year has it.
    pub fn param(&self, concepts: &[Concept], name: &str) -> Option<&YearParam> {
        self.params
            .iter()
            .find(|p| concepts[p.concept].name == name)
    }
}

/// A checked set of files: the concepts and every year.
#[derive(Debug, Clone)]
pub struct Checked {
    pub kind: Kind,
    pub groups: Vec<Group>,
    pub concepts: Vec<Concept>,
    pub years: Vec<Year>,
}

/// A file to check: its name in messages (`params/2026.json`) and its text.
pub struct Source {
    pub file: String,
    pub text: String,
}

// ---------------------------------------------------------------------------------------------
// Checking.

/// Collects problems as `file: key: problem` lines.
struct Problems<'a> {
    file: &'a str,
    list: &'a mut Vec<String>,
}

impl Problems<'_> {
    fn add(&mut self, key: &str, what: impl fmt::Display) {
        self.list.push(format!("{}: {key}: {what}", self.file));
    }
}

fn parse<T: DeserializeOwned>(src: &Source, problems: &mut Vec<String>) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(&src.text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(v) => match de.end() {
            Ok(()) => Some(v),
            Err(e) => {
                problems.push(format!("{}: (top level): {e}", src.file));
                None
            }
        },
        Err(e) => {
            let path = e.path().to_string();
            let key = if path == "." { "(top level)" } else { &path };
            problems.push(format!("{}: {key}: {}", src.file, e.inner()));
            None
        }
    }
}

fn is_https(url: &str) -> bool {
    url.starts_with("https://")
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace)
}

fn is_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `template` with `{year}` and `{peiljaar}` filled in (`peiljaar` only for contribution years).
pub fn fill(template: &str, year: i32, peiljaar: Option<i32>) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        if rest[open..].starts_with('}') {
            return Err("has a `}` without `{`".into());
        }
        let Some(close) = rest[open..].find('}') else {
            return Err("has a `{` without `}`".into());
        };
        match (&rest[open + 1..open + close], peiljaar) {
            ("year", _) => out.push_str(&year.to_string()),
            ("peiljaar", Some(p)) => out.push_str(&p.to_string()),
            (name, _) => {
                let known = if peiljaar.is_some() {
                    "`{year}` or `{peiljaar}`"
                } else {
                    "`{year}`"
                };
                return Err(format!(
                    "has an unknown placeholder `{{{name}}}` (use {known})"
                ));
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn check_text(p: &mut Problems, key: &str, t: &TextDef) {
    if t.nl.trim().is_empty() || t.en.trim().is_empty() {
        p.add(key, "needs a Dutch (`nl`) and an English (`en`) text");
    }
}

fn check_ref(p: &mut Problems, key: &str, r: &RefDef) {
    if r.article.trim().is_empty() {
        p.add(&format!("{key}.article"), "must name the article");
    }
    if !is_https(&r.url) {
        p.add(&format!("{key}.url"), "must be an https URL");
    }
}

fn status_variant(p: &mut Problems, key: &str, s: &str) -> Option<&'static str> {
    let found = STATUSES.iter().find(|(n, _)| *n == s).map(|(_, v)| *v);
    if found.is_none() {
        p.add(
            key,
            format!("unknown status `{s}` (VERIFIED, DERIVED, ESTIMATE or OPEN)"),
        );
    }
    found
}

fn check_concepts(kind: Kind, src: &Source, problems: &mut Vec<String>) -> Option<Checked> {
    let file: ConceptsFile = parse(src, problems)?;
    let before = problems.len();
    let mut p = Problems {
        file: &src.file,
        list: problems,
    };
    let groups = check_groups(kind, &mut p, file.groups);
    let mut concepts: Vec<Concept> = Vec::new();
    for (name, c) in file.params.0 {
        let concept = check_concept(kind, &mut p, &groups, &concepts, name, c);
        concepts.push(concept);
    }
    for (i, g) in groups.iter().enumerate() {
        if !concepts.iter().any(|c| c.group == Some(i)) {
            p.add(
                &format!("groups.{}", g.name),
                "no parameter is in this group",
            );
        }
    }
    (problems.len() == before).then_some(Checked {
        kind,
        groups,
        concepts,
        years: Vec::new(),
    })
}

/// The `groups` of a concepts file: each a free field name with a Rust type name and a doc line.
fn check_groups(kind: Kind, p: &mut Problems, defs: Ordered<GroupDef>) -> Vec<Group> {
    let mut groups = Vec::new();
    for (name, g) in defs.0 {
        let key = format!("groups.{name}");
        if kind == Kind::Tax {
            p.add(&key, "the tax files have no groups");
        }
        if !is_ident(&name) || RESERVED_FIELDS.contains(&name.as_str()) {
            p.add(
                &key,
                "a group name must be a free Rust field name (a-z, 0-9, _)",
            );
        }
        if !g.rust_struct.starts_with(|c: char| c.is_ascii_uppercase())
            || !g.rust_struct.chars().all(|c| c.is_ascii_alphanumeric())
        {
            p.add(
                &format!("{key}.struct"),
                "must be a Rust type name (CamelCase)",
            );
        }
        if g.doc.trim().is_empty() {
            p.add(&format!("{key}.doc"), "must say what the group is");
        }
        groups.push(Group {
            name,
            rust_struct: g.rust_struct,
            doc: g.doc,
            only_some_years: g.only_some_years,
        });
    }
    groups
}

/// The Rust field a concept fills: `name`, or `field` (`group.field` inside a group); free,
/// not a group's name, not taken by another concept.
fn check_field(
    p: &mut Problems,
    key: &str,
    name: &str,
    field: Option<&str>,
    groups: &[Group],
    concepts: &[Concept],
) -> (Option<usize>, String) {
    let (group, field) = match field.unwrap_or(name).split_once('.') {
        None => (None, field.unwrap_or(name).to_string()),
        Some((g, f)) => match groups.iter().position(|x| x.name == g) {
            Some(i) => (Some(i), f.to_string()),
            None => {
                p.add(
                    &format!("{key}.field"),
                    format!("`{g}` is not one of the `groups`"),
                );
                (None, f.to_string())
            }
        },
    };
    if !is_ident(&field) || (group.is_none() && RESERVED_FIELDS.contains(&field.as_str())) {
        p.add(
            &format!("{key}.field"),
            format!("`{field}` is not a free Rust field name (a-z, 0-9, _)"),
        );
    }
    if group.is_none() && groups.iter().any(|g| g.name == field) {
        p.add(&format!("{key}.field"), format!("`{field}` is a group"));
    }
    if let Some(other) = concepts
        .iter()
        .find(|o| o.group == group && o.field == field)
    {
        p.add(
            &format!("{key}.field"),
            format!("parameter `{}` already has this field", other.name),
        );
    }
    (group, field)
}

/// One concept: its name, label, unit, article, the Rust field it fills and, for a rule, the
/// rules a year may choose.
fn check_concept(
    kind: Kind,
    p: &mut Problems,
    groups: &[Group],
    concepts: &[Concept],
    name: String,
    c: ConceptDef,
) -> Concept {
    let key = format!("params.{name}");
    if !is_ident(&name) {
        p.add(&key, "a parameter name is lower case a-z, 0-9 and _");
    }
    check_text(p, &format!("{key}.label"), &c.label);
    let peiljaar = (kind == Kind::Contribution).then_some(0);
    for (lang, t) in [("nl", &c.label.nl), ("en", &c.label.en)] {
        if let Err(e) = fill(t, 0, peiljaar) {
            p.add(&format!("{key}.label.{lang}"), e);
        }
    }
    let unit_variant = match UNITS.iter().find(|(n, _)| *n == c.unit) {
        Some((_, v)) => v,
        None => {
            let known: Vec<&str> = UNITS.iter().map(|(n, _)| *n).collect();
            p.add(
                &format!("{key}.unit"),
                format!("unknown unit `{}` ({})", c.unit, known.join(", ")),
            );
            ""
        }
    };
    if let Some(a) = &c.article {
        if a.trim().is_empty() {
            p.add(
                &format!("{key}.article"),
                "must not be empty (leave it out instead)",
            );
        } else if let Err(e) = fill(a, 0, peiljaar) {
            p.add(&format!("{key}.article"), e);
        }
    }
    let (group, field) = check_field(p, &key, &name, c.field.as_deref(), groups, concepts);
    if group.is_some() && c.only_some_years {
        p.add(
            &format!("{key}.only_some_years"),
            "a group member follows its group: set `only_some_years` on the group",
        );
    }
    let values = c.values.unwrap_or_default();
    match (c.unit == "rule", values.is_empty()) {
        (true, true) => p.add(
            &format!("{key}.values"),
            "a parameter with unit `rule` lists the rules a year may choose",
        ),
        (false, false) => p.add(
            &format!("{key}.values"),
            "only a parameter with unit `rule` has `values`",
        ),
        _ => {}
    }
    let only_some_years = match group {
        Some(g) => groups[g].only_some_years,
        None => c.only_some_years,
    };
    Concept {
        name,
        label: c.label,
        unit: c.unit,
        unit_variant,
        article: c.article,
        group,
        field,
        only_some_years,
        values,
    }
}

/// Checks one parameter of a year against its concept.
fn check_param(
    p: &mut Problems,
    key: &str,
    c: &Concept,
    concept: usize,
    def: YearParamDef,
    year: i32,
    peiljaar: Option<i32>,
) -> YearParam {
    let status = status_variant(p, &format!("{key}.status"), &def.status).unwrap_or("");
    let (value, decimal) = check_value(p, key, c, &def.value);
    let (article, article_from_concept) =
        check_article(p, key, c, def.reference.article, year, peiljaar);
    if !is_https(&def.reference.url) {
        p.add(&format!("{key}.reference.url"), "must be an https URL");
    }
    let note = def.note.filter(|n| !n.trim().is_empty());
    if status == "Estimate" && note.is_none() {
        p.add(
            &format!("{key}.note"),
            "an ESTIMATE must explain its basis in `note`",
        );
    }
    check_derivation(p, key, status, def.derivation.as_ref());
    let label = if c.label.nl.contains('{') || c.label.en.contains('{') {
        Some(TextDef {
            nl: fill(&c.label.nl, year, peiljaar).unwrap_or_default(),
            en: fill(&c.label.en, year, peiljaar).unwrap_or_default(),
        })
    } else {
        None
    };
    YearParam {
        concept,
        value,
        decimal,
        status_variant: status,
        label,
        article,
        article_from_concept,
        url: def.reference.url,
        note,
        derivation: def.derivation,
    }
}

/// A year's value: a decimal string (non-negative; a share at most 1; whole for months, days,
/// years), or for a rule one of the concept's rule names. Returns the text and the decimal's parts.
fn check_value(
    p: &mut Problems,
    key: &str,
    c: &Concept,
    raw: &serde_json::Value,
) -> (String, Option<(u128, u32)>) {
    let mut decimal = None;
    let value = match raw {
        serde_json::Value::String(s) => s.clone(),
        other => {
            let what = if c.unit == "rule" {
                "must be one of the rule names, written as a string"
            } else {
                "must be a decimal written as a string (\"212.60\")"
            };
            p.add(&format!("{key}.value"), format!("{what}, not {other}"));
            String::new()
        }
    };
    if raw.is_string() {
        if c.unit == "rule" {
            if !c.values.contains(&value) {
                p.add(
                    &format!("{key}.value"),
                    format!("must be one of {}", c.values.join(", ")),
                );
            }
        } else {
            match Decimal::from_str(&value) {
                Err(_) => p.add(
                    &format!("{key}.value"),
                    format!("must be a decimal written as a string, not `{value}`"),
                ),
                Ok(d) if d.is_sign_negative() => {
                    p.add(&format!("{key}.value"), "must not be negative")
                }
                Ok(d) if c.unit == "share" && d > Decimal::ONE => p.add(
                    &format!("{key}.value"),
                    "is a share and must be at most 1 (0.10 is 10%)",
                ),
                Ok(d) if WHOLE_UNITS.contains(&c.unit.as_str()) && !d.fract().is_zero() => p.add(
                    &format!("{key}.value"),
                    format!("must be a whole number of {}", c.unit),
                ),
                Ok(d) => decimal = Some((d.mantissa().unsigned_abs(), d.scale())),
            }
        }
    }
    (value, decimal)
}

/// The article a year cites for a parameter: its own, or the concept's (a repeat is an error).
fn check_article(
    p: &mut Problems,
    key: &str,
    c: &Concept,
    own: Option<String>,
    year: i32,
    peiljaar: Option<i32>,
) -> (String, bool) {
    let concept_article = c
        .article
        .as_deref()
        .map(|a| fill(a, year, peiljaar).unwrap_or_default());
    let akey = format!("{key}.reference.article");
    match (own, concept_article) {
        (Some(own), Some(theirs)) if own == theirs => {
            p.add(&akey, "repeats the article of concepts.json: leave it out");
            (own, false)
        }
        (Some(own), _) => {
            if own.trim().is_empty() {
                p.add(&akey, "must name the article");
            }
            (own, false)
        }
        (None, Some(theirs)) => (theirs, true),
        (None, None) => {
            p.add(
                &akey,
                "is missing (concepts.json gives no article for this parameter)",
            );
            (String::new(), false)
        }
    }
}

/// A DERIVED value gives its rule and sources; a VERIFIED or OPEN value has none.
fn check_derivation(p: &mut Problems, key: &str, status: &str, derivation: Option<&DerivationDef>) {
    match (derivation, status) {
        (None, "Derived") => p.add(
            &format!("{key}.derivation"),
            "a DERIVED value must give its rule in `derivation`",
        ),
        (Some(_), "Verified" | "Open") => p.add(
            &format!("{key}.derivation"),
            "only a DERIVED or ESTIMATE value has a `derivation`",
        ),
        (Some(d), _) => {
            check_text(p, &format!("{key}.derivation.rule"), &d.rule);
            if d.sources.is_empty() {
                p.add(
                    &format!("{key}.derivation.sources"),
                    "must name the law texts the rule uses",
                );
            }
            for (i, s) in d.sources.iter().enumerate() {
                check_ref(p, &format!("{key}.derivation.sources[{i}]"), s);
            }
        }
        _ => {}
    }
}

/// The parameters of one year file against the concepts: every parameter has a concept, every
/// concept of every year is there, a group is all or nothing.
fn check_params(
    p: &mut Problems,
    set: &Checked,
    concepts_file: &str,
    defs: Ordered<YearParamDef>,
    year: i32,
    peiljaar: Option<i32>,
) -> Vec<YearParam> {
    let mut found: Vec<Option<YearParam>> = vec![None; set.concepts.len()];
    for (name, def) in defs.0 {
        let key = format!("params.{name}");
        match set.concepts.iter().position(|c| c.name == name) {
            Some(i) => {
                found[i] = Some(check_param(p, &key, &set.concepts[i], i, def, year, peiljaar))
            }
            None => p.add(
                &key,
                format!("unknown parameter: {concepts_file} has no `{name}` (add it there, or remove it here)"),
            ),
        }
    }
    for (i, c) in set.concepts.iter().enumerate() {
        if found[i].is_some() {
            continue;
        }
        let key = format!("params.{}", c.name);
        match c.group {
            None if !c.only_some_years => p.add(&key, "is missing"),
            Some(g) if !set.groups[g].only_some_years => p.add(&key, "is missing"),
            Some(g) => {
                let group = &set.groups[g];
                if let Some(present) = set
                    .concepts
                    .iter()
                    .enumerate()
                    .find(|(j, o)| o.group == Some(g) && found[*j].is_some())
                {
                    p.add(
                        &key,
                        format!(
                            "is missing: the group `{}` is all or nothing, and this year has `{}`",
                            group.name, present.1.name
                        ),
                    );
                }
            }
            None => {}
        }
    }
    found.into_iter().flatten().collect()
}

/// A year file's `year` is the year in its name.
fn check_file_year(p: &mut Problems, year: i32, file_year: i32) {
    if year != file_year {
        p.add(
            "year",
            format!("is {year} but the file is named {file_year}.json"),
        );
    }
}

fn check_year(
    set: &Checked,
    concepts_file: &str,
    file_year: i32,
    src: &Source,
    problems: &mut Vec<String>,
) -> Option<Year> {
    let file: YearFile = parse(src, problems)?;
    let before = problems.len();
    let mut p = Problems {
        file: &src.file,
        list: problems,
    };
    check_file_year(&mut p, file.year, file_year);
    let peiljaar = file.year - 2;
    if file.peiljaar.value != peiljaar {
        p.add(
            "peiljaar.value",
            format!("must be {peiljaar}, the year minus 2 (Blz art. 1.1.1)"),
        );
    }
    check_ref(&mut p, "peiljaar.reference", &file.peiljaar.reference);
    let pj_status = status_variant(&mut p, "peiljaar.status", &file.peiljaar.status).unwrap_or("");
    if file.source.trim().is_empty() {
        p.add("source", "must say where the values come from");
    }
    let params = check_params(
        &mut p,
        set,
        concepts_file,
        file.params,
        file.year,
        Some(peiljaar),
    );
    let mut references: Vec<Option<RefDef>> = vec![None; Article::ALL.len()];
    for (k, r) in file.references.0 {
        let key = format!("references.{k}");
        match Article::ALL.iter().position(|a| a.key() == k) {
            Some(i) => {
                check_ref(&mut p, &key, &r);
                references[i] = Some(r);
            }
            None => p.add(
                &key,
                "unknown reference: no `Article` has this key (params/article.rs)",
            ),
        }
    }
    for (i, a) in Article::ALL.iter().enumerate() {
        if references[i].is_none() && !OPTIONAL_REFERENCES.contains(&a.key()) {
            p.add(&format!("references.{}", a.key()), "is missing");
        }
    }
    let has_cot = params
        .iter()
        .any(|x| set.concepts[x.concept].name == "cot_max_pp");
    if has_cot && references[Article::Blz3324a as usize].is_none() {
        p.add(
            "references.blz_3_3_2_4a",
            "is missing: a year with the COT cites it",
        );
    }
    (problems.len() == before).then_some(Year {
        file: src.file.clone(),
        year: file.year,
        source: file.source,
        peiljaar: Some((file.peiljaar.value, file.peiljaar.reference, pj_status)),
        reference: None,
        params,
        references,
    })
}

fn check_tax_year(
    set: &Checked,
    concepts_file: &str,
    file_year: i32,
    src: &Source,
    problems: &mut Vec<String>,
) -> Option<Year> {
    let file: TaxFile = parse(src, problems)?;
    let before = problems.len();
    let mut p = Problems {
        file: &src.file,
        list: problems,
    };
    check_file_year(&mut p, file.year, file_year);
    if file.source.trim().is_empty() {
        p.add("source", "must say where the values come from");
    }
    check_ref(&mut p, "reference", &file.reference);
    let params = check_params(&mut p, set, concepts_file, file.params, file.year, None);
    let year = Year {
        file: src.file.clone(),
        year: file.year,
        source: file.source,
        peiljaar: None,
        reference: Some(file.reference),
        params,
        references: Vec::new(),
    };
    if p.list.len() == before {
        let d = |name: &str| {
            let x = year.param(&set.concepts, name)?;
            let (m, s) = x.decimal?;
            Some(Decimal::from_i128_with_scale(m as i128, s))
        };
        let rules: [(&str, Option<bool>, &str); 3] = [
            (
                "params.ib_rate_1_aow",
                d("ib_rate_1")
                    .zip(d("ib_premium_aow"))
                    .zip(d("ib_rate_1_aow"))
                    .map(|((r1, pr), aow)| r1 - pr == aow),
                "ib_rate_1 − ib_premium_aow must equal ib_rate_1_aow",
            ),
            (
                "params.ib_bracket_2_limit",
                d("ib_bracket_1_limit")
                    .zip(d("ib_bracket_2_limit"))
                    .map(|(a, b)| a < b),
                "the bracket limits must ascend",
            ),
            (
                "params.ib_ak_kink_2",
                d("ib_ak_kink_1")
                    .zip(d("ib_ak_kink_2"))
                    .zip(d("ib_ak_kink_3"))
                    .map(|((a, b), c)| a < b && b < c),
                "the arbeidskorting kinks must ascend",
            ),
        ];
        for (key, ok, what) in rules {
            if ok == Some(false) {
                p.add(key, what);
            }
        }
    }
    (problems.len() == before).then_some(year)
}

/// Checks one set of files: `concepts` and every year file (`year`, as named by the file).
pub fn check(
    kind: Kind,
    concepts: &Source,
    years: &[(i32, Source)],
) -> Result<Checked, Vec<String>> {
    let mut problems = Vec::new();
    let Some(mut set) = check_concepts(kind, concepts, &mut problems) else {
        return Err(problems);
    };
    let mut years_ok = Vec::new();
    for (y, src) in years {
        let year = match kind {
            Kind::Contribution => check_year(&set, &concepts.file, *y, src, &mut problems),
            Kind::Tax => check_tax_year(&set, &concepts.file, *y, src, &mut problems),
        };
        years_ok.extend(year);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if years.is_empty() {
        problems.push(format!(
            "{}: (top level): there is no year file next to it",
            concepts.file
        ));
    }
    for (i, c) in set.concepts.iter().enumerate() {
        if !years_ok
            .iter()
            .any(|y| y.params.iter().any(|p| p.concept == i))
        {
            problems.push(format!(
                "{}: params.{}: no year file has this parameter (remove it)",
                concepts.file, c.name
            ));
        }
        let article_used = years_ok
            .iter()
            .flat_map(|y| &y.params)
            .any(|p| p.concept == i && p.article_from_concept);
        if c.article.is_some() && !article_used {
            problems.push(format!(
                "{}: params.{}.article: every year names its own article (remove this one)",
                concepts.file, c.name
            ));
        }
    }
    set.years = years_ok;
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems)
    }
}

/// The files of one directory: `concepts.json` and each `<year>.json` with the year of its name.
pub struct Files {
    pub concepts: Source,
    pub years: Vec<(i32, Source)>,
}

/// Reads and checks `dir` (`concepts.json` and `<year>.json`) and `dir/tax` likewise. Names in
/// messages are relative to the parent of `dir` (`params/2026.json`). Also returns every file
/// read, for `cargo:rerun-if-changed`.
pub fn check_dir(dir: &Path) -> (Outcome, Vec<String>) {
    let mut read = Vec::new();
    let contribution = read_dir(dir, Kind::Contribution, &mut read);
    let tax = read_dir(&dir.join("tax"), Kind::Tax, &mut read);
    let result = match (contribution, tax) {
        (Ok(c), Ok(t)) => check_all(&c, &t),
        (c, t) => Err(c.err().into_iter().chain(t.err()).flatten().collect()),
    };
    (result, read)
}

/// The checked contribution and tax files, or every problem (`file: key: problem`).
pub type Outcome = Result<(Checked, Checked), Vec<String>>;

/// Checks the contribution files and the tax files, each set on its own and against each other.
pub fn check_all(contribution: &Files, tax: &Files) -> Outcome {
    let c = check(
        Kind::Contribution,
        &contribution.concepts,
        &contribution.years,
    );
    let t = check(Kind::Tax, &tax.concepts, &tax.years);
    let (c, t) = match (c, t) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => return Err(c.err().into_iter().chain(t.err()).flatten().collect()),
    };
    // The trace looks a parameter name up in the year's table, then in the tax table.
    let problems: Vec<String> = t
        .concepts
        .iter()
        .filter(|x| c.concepts.iter().any(|o| o.name == x.name))
        .map(|x| {
            format!(
                "{}: params.{}: {} has this name too",
                tax.concepts.file, x.name, contribution.concepts.file
            )
        })
        .collect();
    if problems.is_empty() {
        Ok((c, t))
    } else {
        Err(problems)
    }
}

/// Reads the files of `dir` (`params` or `params/tax`); `read` collects the paths.
pub fn read_dir(dir: &Path, kind: Kind, read: &mut Vec<String>) -> Result<Files, Vec<String>> {
    let shown = match kind {
        Kind::Contribution => "params",
        Kind::Tax => "params/tax",
    };
    let mut problems = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| vec![format!("{shown}: (directory): {e}")])?;
    let mut concepts = None;
    let mut years = Vec::new();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if !path.is_file() || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let file = format!("{shown}/{stem}.json");
        read.push(path.display().to_string());
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{file}: (file): {e}"));
                continue;
            }
        };
        let src = Source { file, text };
        if stem == "concepts" {
            concepts = Some(src);
        } else if let Ok(y) = stem.parse::<i32>() {
            years.push((y, src));
        } else {
            problems.push(format!(
                "{}: (file): not a year file (`<year>.json`) nor `concepts.json`",
                src.file
            ));
        }
    }
    years.sort_by_key(|(y, _)| *y);
    match concepts {
        None => problems.push(format!("{shown}/concepts.json: (file): is missing")),
        Some(concepts) if problems.is_empty() => return Ok(Files { concepts, years }),
        Some(_) => {}
    }
    Err(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn files() -> (Files, Files) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("params");
        let mut read = Vec::new();
        (
            read_dir(&dir, Kind::Contribution, &mut read).unwrap(),
            read_dir(&dir.join("tax"), Kind::Tax, &mut read).unwrap(),
        )
    }

    fn source<'a>(c: &'a mut Files, t: &'a mut Files, file: &str) -> &'a mut Source {
        for f in [c, t] {
            if f.concepts.file == file {
                return &mut f.concepts;
            }
            for (_, s) in &mut f.years {
                if s.file == file {
                    return s;
                }
            }
        }
        panic!("no file {file}")
    }

    /// The problems of the files with `file` (`params/2026.json`) changed by `edit`.
    #[track_caller]
    fn broken_text(file: &str, edit: impl FnOnce(&mut String)) -> Vec<String> {
        let (mut c, mut t) = files();
        edit(&mut source(&mut c, &mut t, file).text);
        check_all(&c, &t)
            .map(|_| ())
            .expect_err("the change breaks the files")
    }

    /// The same, changing the file as JSON.
    #[track_caller]
    fn broken(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<String> {
        broken_text(file, |text| {
            let mut v: Value = serde_json::from_str(text).unwrap();
            edit(&mut v);
            *text = v.to_string();
        })
    }

    #[track_caller]
    fn has(problems: &[String], expected: &str) {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected a line starting with\n  {expected}\ngot\n  {}",
            problems.join("\n  ")
        );
    }

    #[test]
    fn the_files_as_they_are_pass() {
        let (c, t) = files();
        let (c, t) = check_all(&c, &t).unwrap_or_else(|p| panic!("{}", p.join("\n")));
        assert_eq!(c.concepts.len(), 47);
        assert_eq!(t.concepts.len(), 26);
        let years: Vec<i32> = c.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2024, 2025, 2026]);
        let y26 = &c.years[2];
        let leb = y26.param(&c.concepts, "leb_min_month").unwrap();
        assert_eq!(
            (leb.value.as_str(), leb.decimal),
            ("212.60", Some((21260, 2)))
        );
        assert!(leb.article_from_concept);
        let zvw = c.years[0].param(&c.concepts, "zvw_rate").unwrap();
        assert_eq!(
            zvw.label.as_ref().unwrap().nl,
            "Zorgverzekering: percentage van het inkomen (2022)"
        );
    }

    #[test]
    fn a_broken_file_is_refused_with_a_reason() {
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_min_month"]["reference"]["url"] = "".into()
        });
        has(
            &p,
            "params/2026.json: params.leb_min_month.reference.url: must be an https URL",
        );

        let p = broken("params/2026.json", |v| {
            v["params"]["unused_thing"] = v["params"]["leb_min_month"].clone()
        });
        has(&p, "params/2026.json: params.unused_thing: unknown parameter: params/concepts.json has no `unused_thing`");

        let p = broken("params/2026.json", |v| {
            v["params"]["zvw_rate"]["note"] = Value::Null
        });
        has(
            &p,
            "params/2026.json: params.zvw_rate.note: an ESTIMATE must explain its basis in `note`",
        );

        let p = broken("params/2026.json", |v| {
            v["params"].as_object_mut().unwrap().remove("leb_rate");
        });
        has(&p, "params/2026.json: params.leb_rate: is missing");

        // Mistyped and unknown fields, with the key path.
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]["valeu"] = "0.10".into()
        });
        has(&p, "params/2026.json: params.leb_rate.valeu: unknown field `valeu`, expected one of `value`, `status`");
        let p = broken("params/2025.json", |v| {
            v["params"]["leb_rate"]["status"] = json!(true)
        });
        has(&p, "params/2025.json: params.leb_rate.status: invalid type: boolean `true`, expected a string");
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]
                .as_object_mut()
                .unwrap()
                .remove("status");
        });
        has(
            &p,
            "params/2026.json: params.leb_rate: missing field `status`",
        );
        let p = broken("params/2026.json", |v| {
            v["peiljaar"]["value"] = "2024".into()
        });
        has(
            &p,
            "params/2026.json: peiljaar.value: invalid type: string \"2024\", expected i32",
        );

        // Values.
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_min_month"]["value"] = "212,60".into()
        });
        has(&p, "params/2026.json: params.leb_min_month.value: must be a decimal written as a string, not `212,60`");
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_min_month"]["value"] = json!(212.6)
        });
        has(
            &p,
            "params/2026.json: params.leb_min_month.value: must be a decimal written as a string",
        );
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_min_month"]["value"] = "-1".into()
        });
        has(
            &p,
            "params/2026.json: params.leb_min_month.value: must not be negative",
        );
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]["value"] = "10".into()
        });
        has(
            &p,
            "params/2026.json: params.leb_rate.value: is a share and must be at most 1",
        );
        let p = broken("params/2026.json", |v| {
            v["params"]["start_period_months"]["value"] = "4.5".into()
        });
        has(
            &p,
            "params/2026.json: params.start_period_months.value: must be a whole number of months",
        );
        let p = broken("params/2026.json", |v| {
            v["params"]["no_data_rule"]["value"] = "nothing".into()
        });
        has(&p, "params/2026.json: params.no_data_rule.value: must be one of leb_minimum, heb_zero_leb_minimum");

        // Status, note, derivation.
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]["status"] = "CHECKED".into()
        });
        has(&p, "params/2026.json: params.leb_rate.status: unknown status `CHECKED` (VERIFIED, DERIVED, ESTIMATE or OPEN)");
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]["status"] = "DERIVED".into()
        });
        has(&p, "params/2026.json: params.leb_rate.derivation: a DERIVED value must give its rule in `derivation`");
        let p = broken("params/2024.json", |v| {
            v["params"]["zkg_year_single"]["status"] = "VERIFIED".into()
        });
        has(&p, "params/2024.json: params.zkg_year_single.derivation: only a DERIVED or ESTIMATE value has a `derivation`");
        let p = broken("params/2024.json", |v| {
            v["params"]["zkg_year_single"]["derivation"]["sources"][0]["url"] = "http://x".into()
        });
        has(&p, "params/2024.json: params.zkg_year_single.derivation.sources[0].url: must be an https URL");
        let p = broken("params/2024.json", |v| {
            v["params"]["zkg_year_single"]["derivation"]["rule"]["en"] = " ".into()
        });
        has(&p, "params/2024.json: params.zkg_year_single.derivation.rule: needs a Dutch (`nl`) and an English (`en`) text");

        // Articles: from the concept, or the year's own where it differs.
        let p = broken("params/2026.json", |v| {
            v["params"]["leb_rate"]["reference"]["article"] = "Blz art. 3.3.2.2 lid 1–2".into()
        });
        has(&p, "params/2026.json: params.leb_rate.reference.article: repeats the article of concepts.json: leave it out");
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]
                .as_object_mut()
                .unwrap()
                .remove("article");
        });
        has(&p, "params/2024.json: params.leb_rate.reference.article: is missing (concepts.json gives no article for this parameter)");

        // The year file as a whole.
        let p = broken("params/2026.json", |v| v["peiljaar"]["value"] = 2025.into());
        has(
            &p,
            "params/2026.json: peiljaar.value: must be 2024, the year minus 2 (Blz art. 1.1.1)",
        );
        let p = broken("params/2026.json", |v| v["year"] = 2027.into());
        has(
            &p,
            "params/2026.json: year: is 2027 but the file is named 2026.json",
        );
        let p = broken("params/2026.json", |v| {
            v["references"]
                .as_object_mut()
                .unwrap()
                .remove("blz_3_3_2_2");
        });
        has(&p, "params/2026.json: references.blz_3_3_2_2: is missing");
        let p = broken("params/2024.json", |v| {
            v["references"]
                .as_object_mut()
                .unwrap()
                .remove("blz_3_3_2_4a");
        });
        has(
            &p,
            "params/2024.json: references.blz_3_3_2_4a: is missing: a year with the COT cites it",
        );
        let p = broken("params/2026.json", |v| {
            v["references"]["blz_9_9"] = v["references"]["blz_1_1_1"].clone()
        });
        has(
            &p,
            "params/2026.json: references.blz_9_9: unknown reference",
        );
        let p = broken("params/2026.json", |v| v["extra"] = 1.into());
        has(&p, "params/2026.json: extra: unknown field `extra`");

        // A group is all or nothing.
        let p = broken("params/2024.json", |v| {
            v["params"].as_object_mut().unwrap().remove("cot_rate");
        });
        has(
            &p,
            "params/2024.json: params.cot_rate: is missing: the group `cot` is all or nothing",
        );

        // Text-level problems.
        let p = broken_text("params/2026.json", |t| {
            *t = t.replacen("\"year\": 2026,", "\"year\": 2026,\n  \"year\": 2026,", 1)
        });
        has(&p, "params/2026.json: (top level): duplicate field `year`");
        let p = broken_text("params/2026.json", |t| {
            let once = r#""leb_rate": {"value": "0.1", "reference": {"url": "https://x"}, "status": "OPEN"},"#;
            *t = t.replacen(
                "\"leb_rate\": {",
                &format!("{once}\n    \"leb_rate\": {{"),
                1,
            )
        });
        has(&p, "params/2026.json: params: `leb_rate` appears twice");
        let p = broken_text("params/2026.json", |t| t.push('}'));
        has(
            &p,
            "params/2026.json: (top level): trailing characters at line",
        );
    }

    #[test]
    fn a_broken_concept_is_refused_with_a_reason() {
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["unit"] = "percent".into()
        });
        has(
            &p,
            "params/concepts.json: params.leb_rate.unit: unknown unit `percent` (eur_per_month, ",
        );
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["label"]["nl"] = "".into()
        });
        has(&p, "params/concepts.json: params.leb_rate.label: needs a Dutch (`nl`) and an English (`en`) text");
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["lable"] = json!({})
        });
        has(
            &p,
            "params/concepts.json: params.leb_rate.lable: unknown field `lable`",
        );
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["label"]["en"] = "Share ({jaar})".into()
        });
        has(&p, "params/concepts.json: params.leb_rate.label.en: has an unknown placeholder `{jaar}` (use `{year}` or `{peiljaar}`)");
        let p = broken("params/concepts.json", |v| {
            v["params"]["ghost"] = v["params"]["leb_rate"].clone();
            v["params"]["ghost"]["only_some_years"] = true.into();
        });
        has(
            &p,
            "params/concepts.json: params.ghost: no year file has this parameter (remove it)",
        );
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["field"] = "leb_min_month".into()
        });
        has(&p, "params/concepts.json: params.leb_rate.field: parameter `leb_min_month` already has this field");
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["field"] = "nope.leb_rate".into()
        });
        has(
            &p,
            "params/concepts.json: params.leb_rate.field: `nope` is not one of the `groups`",
        );
        let p = broken("params/concepts.json", |v| {
            v["params"]["leb_rate"]["field"] = "year".into()
        });
        has(
            &p,
            "params/concepts.json: params.leb_rate.field: `year` is not a free Rust field name",
        );
        let p = broken("params/concepts.json", |v| {
            v["params"]["no_data_rule"]
                .as_object_mut()
                .unwrap()
                .remove("values");
        });
        has(&p, "params/concepts.json: params.no_data_rule.values: a parameter with unit `rule` lists the rules a year may choose");
        let p = broken("params/concepts.json", |v| {
            v["groups"]["spare"] = v["groups"]["heb"].clone()
        });
        has(
            &p,
            "params/concepts.json: groups.spare: no parameter is in this group",
        );
        // A concept article that every year replaces by its own.
        let p = broken("params/2026.json", |v| {
            v["params"]["thuis_income_deduction_year"]["reference"]["article"] =
                "Blz art. 3.3.2.4".into()
        });
        has(&p, "params/concepts.json: params.thuis_income_deduction_year.article: every year names its own article (remove this one)");
    }

    #[test]
    fn a_broken_tax_file_is_refused_with_a_reason() {
        let p = broken("params/tax/2024.json", |v| {
            v["params"].as_object_mut().unwrap().remove("ib_aok");
        });
        has(&p, "params/tax/2024.json: params.ib_aok: is missing");
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_unused"] = v["params"]["ib_aok"].clone()
        });
        has(&p, "params/tax/2024.json: params.ib_unused: unknown parameter: params/tax/concepts.json has no `ib_unused`");
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_rate_1_aow"]["value"] = "0.19".into()
        });
        has(&p, "params/tax/2024.json: params.ib_rate_1_aow: ib_rate_1 − ib_premium_aow must equal ib_rate_1_aow");
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_ok_max"]["note"] = Value::Null
        });
        has(&p, "params/tax/2024.json: params.ib_ok_max.note: an ESTIMATE must explain its basis in `note`");
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_ahk_max"]["value"] = 3362.into()
        });
        has(
            &p,
            "params/tax/2024.json: params.ib_ahk_max.value: must be a decimal written as a string",
        );
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_bracket_1_limit"]["value"] = "80000".into()
        });
        has(
            &p,
            "params/tax/2024.json: params.ib_bracket_2_limit: the bracket limits must ascend",
        );
        let p = broken("params/tax/2024.json", |v| {
            v["params"]["ib_ak_kink_1"]["value"] = "99999".into()
        });
        has(
            &p,
            "params/tax/2024.json: params.ib_ak_kink_2: the arbeidskorting kinks must ascend",
        );
        let p = broken("params/tax/2024.json", |v| {
            v["reference"]["url"] = "wetten.overheid.nl".into()
        });
        has(
            &p,
            "params/tax/2024.json: reference.url: must be an https URL",
        );
        let p = broken("params/tax/concepts.json", |v| {
            v["params"]["ib_aok"]["label"]["nl"] = "AOK ({peiljaar})".into()
        });
        has(&p, "params/tax/concepts.json: params.ib_aok.label.nl: has an unknown placeholder `{peiljaar}` (use `{year}`)");
        // The two tables may not share a name: the trace looks names up in both.
        let (mut c, mut t) = files();
        let edit = |src: &mut Source, f: &dyn Fn(&mut Value)| {
            let mut v: Value = serde_json::from_str(&src.text).unwrap();
            f(&mut v);
            src.text = v.to_string();
        };
        edit(source(&mut c, &mut t, "params/tax/concepts.json"), &|v| {
            v["params"]["leb_rate"] = v["params"]["ib_aok"].clone();
            v["params"]["leb_rate"]["field"] = "leb_rate".into();
        });
        for y in ["2022", "2023", "2024"] {
            edit(
                source(&mut c, &mut t, &format!("params/tax/{y}.json")),
                &|v| v["params"]["leb_rate"] = v["params"]["ib_aok"].clone(),
            );
        }
        let p = check_all(&c, &t)
            .map(|_| ())
            .expect_err("a shared name is refused");
        has(
            &p,
            "params/tax/concepts.json: params.leb_rate: params/concepts.json has this name too",
        );
    }

    #[test]
    fn placeholders_are_filled_in() {
        assert_eq!(
            fill("a ({year}, {peiljaar})", 2026, Some(2024)).unwrap(),
            "a (2026, 2024)"
        );
        assert_eq!(
            fill("no placeholder", 2026, None).unwrap(),
            "no placeholder"
        );
        assert!(fill("{peiljaar}", 2024, None).is_err());
        assert!(fill("{year", 2024, None).is_err());
        assert!(fill("year}", 2024, None).is_err());
    }
}
