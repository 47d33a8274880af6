//! No function in `crates/core/src` is longer than [`MAX_LINES`] lines (issue 14): a rule reads
//! as a few named steps, not as one long body.
//!
//! Every `.rs` file under `src` is scanned (recursively). A function's length runs from its
//! `fn` line to its closing brace at the same indentation (rustfmt puts it there), both
//! included; methods in `impl` and `trait` blocks and functions nested in other functions
//! count too. Test code is left out: a `#[cfg(test)]` module or item and a `#[test]` function
//! may be long tables.

use std::path::{Path, PathBuf};

/// The longest a function may be, in lines.
const MAX_LINES: usize = 100;

/// Functions still longer than [`MAX_LINES`], as (file under `src`, function name).
/// Being split in issue 14: remove an entry once its function is short.
const ALLOWED: &[(&str, &str)] = &[];

/// One function found in a source text.
#[derive(Debug, PartialEq)]
struct Function {
    /// Its name, with the `impl`/`trait` type or module around it (`Engine::decide`).
    name: String,
    /// The 1-based line of its `fn`.
    line: usize,
    /// Lines from the `fn` line to the closing brace, both included.
    length: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The name after `fn` when the line declares a function (`pub(crate) const unsafe fn x<T>(`).
fn fn_name(trimmed: &str) -> Option<&str> {
    let mut rest = trimmed;
    loop {
        let before = rest;
        for word in ["pub ", "const ", "async ", "unsafe ", "default "] {
            rest = rest.strip_prefix(word).unwrap_or(rest);
        }
        if rest.starts_with("pub(") {
            rest = rest[rest.find(')')? + 1..].trim_start();
        }
        if rest.starts_with("extern \"") {
            let close = rest[8..].find('"')? + 8;
            rest = rest[close + 1..].trim_start();
        }
        if rest == before {
            break;
        }
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The type an `impl` or `trait` line is about, or the module a `mod` line opens.
fn block_name(trimmed: &str) -> Option<String> {
    let rest = trimmed.strip_prefix("pub ").unwrap_or(trimmed);
    let rest = rest.strip_prefix("unsafe ").unwrap_or(rest);
    if let Some(r) = rest
        .strip_prefix("mod ")
        .or_else(|| rest.strip_prefix("trait "))
    {
        let end = r
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(r.len());
        return Some(r[..end].to_string());
    }
    let r = rest.strip_prefix("impl")?;
    if !(r.starts_with(' ') || r.starts_with('<')) {
        return None;
    }
    // `impl<'a> Trait for Type<'a> {` → `Type`; `impl Type {` → `Type`.
    let mut r = r.trim_end_matches('{').trim();
    if r.starts_with('<') {
        let mut depth = 0;
        for (i, c) in r.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                r = r[i + 1..].trim_start();
                break;
            }
        }
    }
    let r = r.rsplit(" for ").next().unwrap_or(r);
    let end = r
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(r.len());
    Some(r[..end].to_string())
}

/// The index of the line closing the item that starts at `start` (a function or a block):
/// the item's own line when it opens and closes there (`fn f() -> u8 { 1 }`), else the first
/// later line that is only `}` at the item's indentation. `None` for a declaration without a
/// body (`fn f(&self);` in a trait).
fn item_end(lines: &[&str], start: usize) -> Option<usize> {
    let indent = indent_of(lines[start]);
    let mut opened = false;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let t = line.trim_end();
        if !opened {
            if t.ends_with('{') {
                opened = true;
                continue;
            }
            if t.ends_with('}') && t.contains('{') {
                return Some(i);
            }
            if t.ends_with(';') {
                return None;
            }
            continue;
        }
        if indent_of(t) == indent && t.trim_start() == "}" {
            return Some(i);
        }
    }
    None
}

/// Every non-test function in a source text.
fn functions(source: &str) -> Vec<Function> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    // Open `impl`/`trait`/`mod` blocks: (index of their closing line, name).
    let mut blocks: Vec<(usize, String)> = Vec::new();
    let mut test_attribute = false;
    let mut i = 0;
    while i < lines.len() {
        blocks.retain(|(end, _)| *end >= i);
        let trimmed = lines[i].trim();
        if trimmed.starts_with("#[") {
            let attr: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
            test_attribute |= attr.starts_with("#[test]") || attr.starts_with("#[cfg(test)]");
            i += 1;
            continue;
        }
        if trimmed.starts_with("//") || trimmed.is_empty() {
            i += 1;
            continue;
        }
        let is_test = std::mem::take(&mut test_attribute);
        if is_test {
            // Skip the whole test item (module, function or anything else).
            let end = item_end(&lines, i).unwrap_or(i);
            i = end + 1;
            continue;
        }
        if let Some(name) = fn_name(trimmed) {
            if let Some(end) = item_end(&lines, i) {
                let outer: Vec<&str> = blocks.iter().map(|(_, n)| n.as_str()).collect();
                let name = if outer.is_empty() {
                    name.to_string()
                } else {
                    format!("{}::{name}", outer.join("::"))
                };
                out.push(Function {
                    name,
                    line: i + 1,
                    length: end - i + 1,
                });
            }
        } else if let Some(name) = block_name(trimmed) {
            if let Some(end) = item_end(&lines, i) {
                blocks.push((end, name));
            }
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every function under `src`, as (file relative to `src`, function).
fn all_functions() -> Vec<(String, Function)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap();
        out.extend(functions(&text).into_iter().map(|func| (rel.clone(), func)));
    }
    out
}

/// The function's own name, without the type or module around it.
fn short_name(name: &str) -> &str {
    name.rsplit("::").next().unwrap_or(name)
}

fn allowed(file: &str, f: &Function) -> bool {
    ALLOWED
        .iter()
        .any(|(af, an)| *af == file && *an == short_name(&f.name))
}

#[test]
fn no_function_is_longer_than_the_limit() {
    let all = all_functions();
    assert!(all.len() > 200, "only {} functions found", all.len());
    let mut too_long: Vec<String> = all
        .iter()
        .filter(|(file, f)| f.length > MAX_LINES && !allowed(file, f))
        .map(|(file, f)| format!("src/{file}:{} `{}` is {} lines", f.line, f.name, f.length))
        .collect();
    too_long.sort();
    assert!(
        too_long.is_empty(),
        "functions longer than {MAX_LINES} lines (split them into named steps):\n{}",
        too_long.join("\n")
    );
}

/// The allow-list only shrinks: an entry whose function is gone or short again must go.
#[test]
fn every_allowed_function_is_still_long() {
    let all = all_functions();
    for (file, name) in ALLOWED {
        let longest = all
            .iter()
            .filter(|(f, func)| f == file && short_name(&func.name) == *name)
            .map(|(_, func)| func.length)
            .max();
        match longest {
            None => panic!("ALLOWED names src/{file} `{name}`, which no longer exists: remove it"),
            Some(n) if n <= MAX_LINES => panic!(
                "src/{file} `{name}` is {n} lines now, within the limit: remove it from ALLOWED"
            ),
            Some(_) => {}
        }
    }
}

/// The scanner itself, on a text with every shape it must handle.
#[test]
fn the_scanner_measures_functions_and_skips_tests() {
    let source = r#"
pub fn one_liner() -> u8 { 1 }

/// Doc.
pub(crate) fn three(
    a: u8,
) -> u8 {
    a
}

fn with_where<T>(t: T) -> T
where
    T: Copy,
{
    fn nested() {}
    t
}

pub trait Shape {
    fn area(&self) -> u8;
    fn default_area(&self) -> u8 {
        0
    }
}

impl<'a> Shape for Square<'a> {
    fn area(&self) -> u8 {
        let s = "}";
        4
    }
}

#[test]
fn a_test() {
    assert!(true);
}

#[cfg(test)]
mod tests {
    fn helper() {}
}

const fn after() {}
"#;
    let got: Vec<(String, usize, usize)> = functions(source)
        .into_iter()
        .map(|f| (f.name, f.line, f.length))
        .collect();
    let want: Vec<(String, usize, usize)> = [
        ("one_liner", 2, 1),
        ("three", 5, 5),
        ("with_where", 11, 7),
        ("nested", 15, 1),
        ("Shape::default_area", 21, 3),
        ("Square::area", 27, 4),
        ("after", 43, 1),
    ]
    .into_iter()
    .map(|(n, l, len)| (n.to_string(), l, len))
    .collect();
    assert_eq!(got, want);
}
