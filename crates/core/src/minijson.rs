//! A small JSON reader for the embedded parameter files, with strict field
//! checks (missing and unknown fields are errors).
//!
//! Why not serde_json's derive: the parameter files are read in the browser
//! too, and serde's generated deserializers were about a third of the
//! calculator's WebAssembly size. This reader is a few hundred bytes of code.
//! The files are ours and small, so a plain recursive descent is enough.

use crate::params::ParamsError;

/// A parsed JSON value; numbers keep their text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn err<T>(ctx: &str, what: impl std::fmt::Display) -> Result<T, ParamsError> {
    Err(ParamsError(format!("{ctx}: {what}")))
}

pub(crate) fn parse(text: &str, ctx: &str) -> Result<J, ParamsError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p
        .value(0)
        .or_else(|e| err(ctx, format!("{e} at byte {}", p.i)))?;
    p.ws();
    if p.i != p.s.len() {
        return err(ctx, format!("trailing characters at byte {}", p.i));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lit(&mut self, word: &str, v: J) -> Result<J, &'static str> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err("invalid literal")
        }
    }

    fn value(&mut self, depth: usize) -> Result<J, &'static str> {
        if depth > 32 {
            return Err("nested too deeply");
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                if self.eat(b'}') {
                    return Ok(J::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err("expected a field name");
                    }
                    let k = self.string()?;
                    if !self.eat(b':') {
                        return Err("expected `:`");
                    }
                    let v = self.value(depth + 1)?;
                    if fields.iter().any(|(f, _)| *f == k) {
                        return Err("duplicate field");
                    }
                    fields.push((k, v));
                    if self.eat(b'}') {
                        return Ok(J::Obj(fields));
                    }
                    if !self.eat(b',') {
                        return Err("expected `,` or `}`");
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(J::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Ok(J::Arr(items));
                    }
                    if !self.eat(b',') {
                        return Err("expected `,` or `]`");
                    }
                }
            }
            Some(b'"') => self.string().map(J::Str),
            Some(b't') => self.lit("true", J::Bool(true)),
            Some(b'f') => self.lit("false", J::Bool(false)),
            Some(b'n') => self.lit("null", J::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(
                        self.s[self.i],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "bad number")?;
                Ok(J::Num(t.to_string()))
            }
            Some(_) => Err("unexpected character"),
        }
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let h = self.s.get(self.i..self.i + 4).ok_or("short \\u escape")?;
        let h = std::str::from_utf8(h).map_err(|_| "bad \\u escape")?;
        self.i += 4;
        u32::from_str_radix(h, 16).map_err(|_| "bad \\u escape")
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&b) = self.s.get(self.i) else {
                return Err("unterminated string");
            };
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = *self.s.get(self.i).ok_or("unterminated escape")?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err("lone surrogate");
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err("bad surrogate pair");
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or("bad \\u escape")?
                        }
                        _ => return Err("bad escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err("control character in string"),
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| "invalid UTF-8")
    }
}

/// The fields of an object, taken one by one; whatever is left is unknown.
pub(crate) struct Fields {
    ctx: String,
    fields: Vec<(String, J)>,
}

impl J {
    pub(crate) fn obj(self, ctx: &str) -> Result<Fields, ParamsError> {
        match self {
            J::Obj(fields) => Ok(Fields {
                ctx: ctx.to_string(),
                fields,
            }),
            _ => err(ctx, "expected an object"),
        }
    }

    pub(crate) fn string(self, ctx: &str) -> Result<String, ParamsError> {
        match self {
            J::Str(s) => Ok(s),
            _ => err(ctx, "expected a string"),
        }
    }

    pub(crate) fn arr(self, ctx: &str) -> Result<Vec<J>, ParamsError> {
        match self {
            J::Arr(items) => Ok(items),
            _ => err(ctx, "expected an array"),
        }
    }

    pub(crate) fn int(self, ctx: &str) -> Result<i32, ParamsError> {
        match self {
            J::Num(n) => n.parse().or_else(|_| err(ctx, "expected a whole number")),
            _ => err(ctx, "expected a number"),
        }
    }

    /// The value as `serde_json::Value`, for `Param::value`. Parameter values
    /// are strings; anything else is kept only far enough to be refused later.
    pub(crate) fn into_value(self) -> serde_json::Value {
        match self {
            J::Str(s) => serde_json::Value::String(s),
            J::Bool(b) => serde_json::Value::Bool(b),
            J::Num(n) => n
                .parse::<i64>()
                .map(serde_json::Value::from)
                .unwrap_or(serde_json::Value::Null),
            J::Null | J::Arr(_) | J::Obj(_) => serde_json::Value::Null,
        }
    }
}

impl Fields {
    pub(crate) fn ctx(&self) -> &str {
        &self.ctx
    }

    /// A field that may be absent (or `null`).
    pub(crate) fn opt(&mut self, name: &str) -> Option<J> {
        let at = self.fields.iter().position(|(k, _)| k == name)?;
        match self.fields.remove(at).1 {
            J::Null => None,
            v => Some(v),
        }
    }

    pub(crate) fn req(&mut self, name: &str) -> Result<J, ParamsError> {
        match self.opt(name) {
            Some(v) => Ok(v),
            None => err(&self.ctx, format!("missing field `{name}`")),
        }
    }

    /// Fails on a field nobody took.
    pub(crate) fn done(self) -> Result<(), ParamsError> {
        match self.fields.first() {
            Some((k, _)) => err(&self.ctx, format!("unknown field `{k}`")),
            None => Ok(()),
        }
    }

    /// Every remaining field, for maps keyed by name.
    pub(crate) fn into_entries(self) -> Vec<(String, J)> {
        self.fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text =
            r#"{"a": "x\"\\\/\n\u00e9\ud83d\ude00", "b": [1, -2.5e3, true, false, null], "c": {}}"#;
        let v = parse(text, "t").expect("valid JSON");
        let J::Obj(f) = v else { panic!("an object") };
        assert_eq!(f[0].1, J::Str("x\"\\/\né😀".into()));
        let reference: serde_json::Value = serde_json::from_str(text).expect("valid");
        assert_eq!(reference["a"].as_str(), Some("x\"\\/\né😀"));
        assert_eq!(
            f[1].1,
            J::Arr(vec![
                J::Num("1".into()),
                J::Num("-2.5e3".into()),
                J::Bool(true),
                J::Bool(false),
                J::Null
            ])
        );
    }

    #[test]
    fn refuses_broken_text_with_a_position() {
        for bad in [
            "{",
            r#"{"a" 1}"#,
            r#"{"a": 1,}"#,
            r#"{"a": "x}"#,
            r#"{"a": 1} x"#,
            r#"{"a": 1, "a": 2}"#,
            "\"\\ud800\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        ] {
            assert!(parse(bad, "t").is_err(), "{bad}");
        }
    }

    #[test]
    fn fields_must_be_known_and_present() {
        let mut f = parse(r#"{"a": "1", "b": null, "c": "3"}"#, "t")
            .unwrap()
            .obj("t")
            .unwrap();
        assert_eq!(f.req("a").unwrap(), J::Str("1".into()));
        assert!(f.opt("b").is_none());
        assert!(f.req("z").unwrap_err().0.contains("missing field `z`"));
        assert!(f.done().unwrap_err().0.contains("unknown field `c`"));
    }
}
