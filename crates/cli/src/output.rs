//! Writing results and errors. Writes never panic (a closed pipe is not a crash).

use crate::error::CliError;
use crate::Output;
use std::io::Write;

/// Prints one JSON document on stdout, as rendered by `serde_json::to_string_pretty`.
pub fn print_json(rendered: serde_json::Result<String>) -> Result<(), CliError> {
    let text =
        rendered.map_err(|e| CliError::internal(&format!("cannot serialize the result: {e}")))?;
    print_text(&text);
    Ok(())
}

/// Prints text on stdout, followed by a newline.
pub fn print_text(text: &str) {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = writeln!(lock, "{text}");
    let _ = lock.flush();
}

/// Reports an error: the JSON error document on stdout with `--json`, else the message on stderr.
pub fn report_error(e: &CliError, out: Output) {
    if out.json {
        print_text(&e.document());
    } else {
        let prefix = match out.lang {
            wlz_core::Lang::Nl => "fout",
            wlz_core::Lang::En => "error",
        };
        let _ = writeln!(
            std::io::stderr(),
            "wlz-bijdrage: {prefix}: {}",
            e.text(out.lang)
        );
    }
}
