//! Embeds every `params/<year>.json` (contribution years) and every
//! `params/tax/<year>.json` (income-tax estimate parameters of a tax year) so
//! the engine needs no file access at run time (it must work in WebAssembly).
//! Adding a year = adding a file.
use std::{env, fs, path::Path};

/// `(year, path)` of every `<year>.json` directly in `dir`, ascending.
/// Subdirectories (such as `params/tax/`) and other names are ignored.
fn year_files(dir: &Path) -> Vec<(i32, String)> {
    let mut years: Vec<(i32, String)> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            if !path.is_file() {
                return None;
            }
            let stem = path.file_stem()?.to_str()?.to_string();
            (path.extension()?.to_str()? == "json").then(|| {
                stem.parse::<i32>()
                    .ok()
                    .map(|y| (y, path.display().to_string()))
            })?
        })
        .collect();
    years.sort();
    years
}

/// The JSON text without the whitespace between tokens (strings are kept as written).
/// The files are embedded in the page's WebAssembly: their indentation cost about 31 KB raw
/// and 1.5 KB gzip of the page's budget (measured 2026-12-03, `scripts/measure-web.mjs`).
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Writes `OUT_DIR/<out>` with `pub(crate) static <name>: &[(i32, &str)]`, each file minified
/// into `OUT_DIR/<out stem>-<year>.json`.
fn embed(dir: &Path, out: &str, name: &str, doc: &str) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let out_dir = env::var("OUT_DIR").unwrap();
    let stem = out.trim_end_matches(".rs");
    let mut text = format!("/// {doc}\npub(crate) static {name}: &[(i32, &str)] = &[\n");
    for (y, path) in &year_files(dir) {
        println!("cargo:rerun-if-changed={path}");
        let json = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let min = Path::new(&out_dir).join(format!("{stem}-{y}.json"));
        fs::write(&min, minify(&json)).unwrap();
        text.push_str(&format!(
            "    ({y}, include_str!({:?})),\n",
            min.display().to_string()
        ));
    }
    text.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join(out), text).unwrap();
}

fn main() {
    let params = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("params");
    embed(
        &params,
        "param_files.rs",
        "PARAM_FILES",
        "(contribution year, JSON text) of every embedded year file.",
    );
    embed(
        &params.join("tax"),
        "tax_files.rs",
        "TAX_FILES",
        "(tax year, JSON text) of every embedded income-tax parameter file.",
    );
}
