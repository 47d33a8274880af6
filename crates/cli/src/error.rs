//! Errors of the command line and how they are reported: the message in the
//! chosen language on stderr, or with `--json` the error object on stdout.
//! Every error a user can cause exits with code 2.

use wlz_core::{AmountError, ErrorCode, InputError, Lang, Text};

/// Exit code for every problem with the user's input (clap uses it for usage errors too).
pub const EXIT_INPUT: i32 = 2;
/// Exit code for a failure that is not the user's fault.
pub const EXIT_INTERNAL: i32 = 1;

/// A problem to report: either an [`InputError`] of the core, or one found
/// by the CLI itself while reading flags or files, in the same shape
/// (`code`, `field`, `message: {nl, en}`).
#[derive(Debug)]
pub struct CliError(Box<Details>);

#[derive(Debug)]
struct Details {
    /// The error object as it appears under `error` in the JSON output (pretty JSON).
    object: String,
    field: Option<String>,
    message: Text,
    /// The flag that corresponds to `field`, shown in text output when the input came from flags.
    flag: Option<String>,
    exit_code: i32,
}

impl CliError {
    /// An error found by the CLI; `code` is a core [`ErrorCode`] or a CLI-only code.
    pub fn new(code: Code, field: Option<&str>, nl: String, en: String) -> CliError {
        let message = Text::owned(nl, en);
        // The same shape and key order as a serialized `InputError`.
        let mut object = format!("{{\n  \"code\": {}", quote(&code.name()));
        if let Some(f) = field {
            object.push_str(&format!(",\n  \"field\": {}", quote(f)));
        }
        object.push_str(&format!(
            ",\n  \"message\": {{\n    \"nl\": {},\n    \"en\": {}\n  }}\n}}",
            quote(&message.nl),
            quote(&message.en)
        ));
        CliError(Box::new(Details {
            object,
            field: field.map(str::to_string),
            message,
            flag: None,
            exit_code: EXIT_INPUT,
        }))
    }

    /// A bad amount typed for `flag` (which fills the JSON field `field`).
    pub fn amount(flag: &str, field: &str, e: AmountError) -> CliError {
        let code = match e {
            AmountError::OutOfRange => Code::Core(ErrorCode::AmountOutOfRange),
            AmountError::Empty | AmountError::Invalid | AmountError::TooManyDecimals => {
                Code::Core(ErrorCode::InvalidAmount)
            }
        };
        CliError::new(
            code,
            Some(field),
            format!("Ongeldig bedrag bij {flag}: {}", e.message(Lang::Nl)),
            format!("Invalid amount for {flag}: {}", e.message(Lang::En)),
        )
    }

    pub fn internal(what: &str) -> CliError {
        let mut e = CliError::new(
            Code::Cli("internal"),
            None,
            format!("Interne fout: {what}"),
            format!("Internal error: {what}"),
        );
        e.0.exit_code = EXIT_INTERNAL;
        e
    }

    pub fn with_flag(mut self, flag: Option<String>) -> CliError {
        self.0.flag = flag;
        self
    }

    /// The `field` of the error object, when it has one.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        self.0.exit_code
    }

    /// The message for text output, naming the flag when one is known.
    pub fn text(&self, lang: Lang) -> String {
        let msg = self.0.message.get(lang);
        match &self.0.flag {
            Some(flag) if !msg.contains(flag.as_str()) => format!("{msg} [{flag}]"),
            _ => msg.to_string(),
        }
    }

    /// The JSON document printed with `--json`: `{"version": 1, "error": {...}}`.
    pub fn document(&self) -> String {
        let object = self.0.object.replace('\n', "\n  ");
        format!(
            "{{\n  \"version\": {},\n  \"error\": {object}\n}}",
            wlz_core::CONTRACT_VERSION
        )
    }
}

impl From<InputError> for CliError {
    fn from(e: InputError) -> CliError {
        let object = serde_json::to_string_pretty(&e).unwrap_or_else(|_| {
            // Serializing an InputError cannot fail; keep a usable object all the same.
            format!(
                "{{\n  \"code\": \"internal\",\n  \"message\": {{\n    \"nl\": {},\n    \"en\": {}\n  }}\n}}",
                quote(&e.message.nl),
                quote(&e.message.en)
            )
        });
        CliError(Box::new(Details {
            object,
            field: e.field.clone(),
            message: e.message,
            flag: None,
            exit_code: EXIT_INPUT,
        }))
    }
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

/// An error code: one of the core's, or one only the CLI produces
/// (`unknown_reading`, `conflicting_flags`, `cannot_read_input`, `internal`).
#[derive(Clone, Copy, Debug)]
pub enum Code {
    Core(ErrorCode),
    Cli(&'static str),
}

impl Code {
    fn name(self) -> String {
        match self {
            Code::Core(c) => serde_json::to_value(c)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| format!("{c:?}")),
            Code::Cli(s) => s.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_json_with_the_version_first() {
        let e = CliError::amount("--income", "client.income", AmountError::Invalid);
        let doc = e.document();
        assert!(doc.starts_with("{\n  \"version\": 1,"), "{doc}");
        let v: serde_json::Value = serde_json::from_str(&doc).expect("valid JSON");
        assert_eq!(v["error"]["code"], "invalid_amount");
        assert_eq!(v["error"]["field"], "client.income");
        assert!(v["error"]["message"]["en"]
            .as_str()
            .is_some_and(|m| m.contains("--income")));
    }

    #[test]
    fn core_errors_keep_their_serialization() {
        let err = wlz_core::estimate_json(r#"{"version":1,"year":2023,"client":{}}"#)
            .expect_err("2023 is not supported");
        let e = CliError::from(err.clone());
        let v: serde_json::Value = serde_json::from_str(&e.document()).expect("valid JSON");
        assert_eq!(
            v["error"],
            serde_json::to_value(&err).expect("serializable")
        );
    }
}
