//! Embeds every `params/<year>.json` so the engine needs no file access at
//! run time (it must work in WebAssembly). Adding a year = adding a file.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("params");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut years: Vec<(i32, String)> = fs::read_dir(&dir)
        .expect("params/ directory")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            (path.extension()?.to_str()? == "json").then(|| {
                stem.parse::<i32>()
                    .ok()
                    .map(|y| (y, path.display().to_string()))
            })?
        })
        .collect();
    years.sort();
    let mut out = String::from("/// (contribution year, JSON text) of every embedded year file.\npub(crate) static PARAM_FILES: &[(i32, &str)] = &[\n");
    for (y, path) in &years {
        println!("cargo:rerun-if-changed={path}");
        out.push_str(&format!("    ({y}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("param_files.rs"),
        out,
    )
    .unwrap();
}
