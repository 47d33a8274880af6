//! One source of truth (issue 12): the law lives in the core. The page (`crates/web`), the
//! batch page's worker (`crates/batch`), the command line (`crates/cli`) and the npm package
//! (`crates/wasm`) present it and never decide it, so their code holds no year arithmetic (the
//! peiljaar is `wlz_core::params::peiljaar`), no month thresholds of the start period (the core
//! marks the current compare row and says which questions matter) and no legal ages (the AOW
//! age, 18).
//! Text shown to people may name these facts; code may not compute with them.

use std::path::{Path, PathBuf};

/// Patterns that compute law, checked on code with string literals and comments removed.
const FORBIDDEN: [(&str, &str); 10] = [
    ("year - 2", "the peiljaar: use wlz_core::params::peiljaar"),
    ("year-2", "the peiljaar: use wlz_core::params::peiljaar"),
    ("year() - ", "year arithmetic belongs in the core"),
    ("year + 2", "year arithmetic belongs in the core"),
    ("< 4", "the start period of 4 months: ask the core"),
    ("<= 3", "the start period of 4 months: ask the core"),
    (">= 4", "the start period of 4 months: ask the core"),
    ("> 3", "the start period of 4 months: ask the core"),
    ("67", "the AOW age comes from the parameters"),
    ("18", "the age of 18 (Blz 3.3.1.1) is a rule of the core"),
];

/// The line without string literals and without a trailing `//` comment.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code before the file's `#[cfg(test)]` module (tests may name any figure).
fn non_test_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
}

#[test]
fn the_presenting_crates_hold_no_law() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["web", "cli", "wasm", "batch"] {
        rust_files(&root.join(krate).join("src"), &mut files);
    }
    assert!(files.len() > 10, "the sources were found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable source");
        for (n, line) in non_test_lines(&text) {
            let code = code_of(line);
            for (pattern, why) in FORBIDDEN {
                let hit = if pattern.chars().all(|c| c.is_ascii_digit()) {
                    // A bare number, not part of a longer one or a name (`u8`, `h18`).
                    code.match_indices(pattern).any(|(i, _)| {
                        let before = code[..i].chars().next_back();
                        let after = code[i + pattern.len()..].chars().next();
                        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    })
                } else if pattern.ends_with(|c: char| c.is_ascii_digit()) {
                    // A comparison with a number: not when the number goes on (`<= 32`).
                    code.match_indices(pattern).any(|(i, _)| {
                        !code[i + pattern.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_digit() || c == '.')
                    })
                } else {
                    code.contains(pattern)
                };
                if hit {
                    found.push(format!(
                        "{}:{}: `{pattern}` ({why}): {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "law outside the core:\n{}",
        found.join("\n")
    );
}

/// The check itself sees what it must.
#[test]
fn the_check_finds_year_arithmetic_in_code_but_not_in_text() {
    assert_eq!(
        code_of(r#"let pj = year - 2; // peiljaar"#),
        "let pj = year - 2; "
    );
    assert_eq!(code_of(r#"tr(l, "18 jaar", "year - 2")"#), "tr(l, , )");
    assert_eq!(code_of(r#"format!("a \"quoted\" {x}", x)"#), "format!(, x)");
}
