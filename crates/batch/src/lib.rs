//! # wlz-batch
//!
//! The batch page (`batch.html`): a CSV or .xlsx file of households in, one estimate per row
//! out, and the results to download as CSV or .xlsx. It runs in a Web Worker
//! (`web/batch-worker.js`) so the page stays responsive; nothing leaves the browser.
//!
//! A thin layer: the table's columns and cells are read by `wlz_core::table` (as the CLI's
//! `batch` reads them), each row is estimated by the core. Here are only the file formats
//! ([`csv_file`], [`xlsx`]), the run in steps for a progress bar ([`run`]) and the template
//! ([`template`]). Contract: docs/batch.md.

pub mod csv_file;
pub mod run;
pub mod sheet;
pub mod template;
pub mod xlsx;

use run::Run;
use wasm_bindgen::prelude::*;
use wlz_core::table::{TableError, Unknown};
use wlz_core::Lang;

/// Reads a file as a table: an .xlsx by its content (a zip), else CSV. An old Excel file
/// (.xls), an OpenDocument sheet (.ods) or another file that is no table is refused with a
/// message that says what to do.
pub fn read(bytes: &[u8], unknown: Unknown) -> Result<Run, TableError> {
    let sheet = if bytes.starts_with(&OLE) {
        return Err(save_as(
            "een ouder Excel-bestand (.xls)",
            "an older Excel file (.xls)",
        ));
    } else if xlsx::is_zip(bytes) {
        if xlsx::is_opendocument(bytes) {
            return Err(save_as(
                "een OpenDocument-bestand (.ods)",
                "an OpenDocument file (.ods)",
            ));
        }
        xlsx::read(bytes)?
    } else {
        csv_file::read(bytes)?
    };
    Run::new(sheet, unknown)
}

/// The signature of an OLE compound file: Excel 97–2003 (.xls).
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn save_as(nl: &str, en: &str) -> TableError {
    TableError::new(
        "unsupported_file",
        format!(
            "Dit is {nl}. Sla het op als Excel-werkmap (.xlsx) of als CSV en kies het opnieuw."
        ),
        format!(
            "This is {en}. Save it as an Excel workbook (.xlsx) or as CSV and choose it again."
        ),
    )
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Nl)
}

/// A fatal error for the page: `{"code", "message": {"nl", "en"}, "unknown": [...]}`.
fn error_json(e: &TableError) -> JsValue {
    let v = serde_json::json!({
        "code": e.code,
        "message": { "nl": e.message.nl, "en": e.message.en },
        "unknown": e.unknown,
    });
    JsValue::from_str(&v.to_string())
}

/// One file's batch, held by the worker between steps.
#[wasm_bindgen]
pub struct Batch(Run);

#[wasm_bindgen]
impl Batch {
    /// Reads the file; `keep_unknown`: pass unknown columns through (the user agreed).
    /// Throws the error as JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8], keep_unknown: bool) -> Result<Batch, JsValue> {
        let unknown = if keep_unknown {
            Unknown::Keep
        } else {
            Unknown::Refuse
        };
        read(bytes, unknown).map(Batch).map_err(|e| error_json(&e))
    }

    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.0.sheet.rows.len()
    }

    /// Whether the table has a free column (a name or reference) to show with each row.
    pub fn labelled(&self) -> bool {
        self.0.label_column().is_some()
    }

    /// Estimates the next `count` rows; returns the number done.
    pub fn step(&mut self, count: usize) -> usize {
        self.0.step(count)
    }

    /// The rows and the summary as JSON, in `lang` (`nl`, `en`).
    pub fn view(&self, lang_code: &str) -> String {
        self.0.view(lang(lang_code))
    }

    /// The rows `from..to` as a JSON array, in `lang`.
    pub fn view_rows(&self, from: usize, to: usize, lang_code: &str) -> String {
        self.0.view_rows(from, to, lang(lang_code))
    }

    /// The summary of the rows done, as JSON, in `lang`.
    pub fn view_summary(&self, lang_code: &str) -> String {
        self.0.view_summary(lang(lang_code))
    }

    pub fn csv(&self, lang_code: &str) -> Vec<u8> {
        self.0.csv(lang(lang_code))
    }

    pub fn xlsx(&self, lang_code: &str) -> Vec<u8> {
        self.0.xlsx(lang(lang_code))
    }
}

/// The template: `kind` is `csv` or `xlsx`.
#[wasm_bindgen]
pub fn template(kind: &str, lang_code: &str) -> Vec<u8> {
    match kind {
        "xlsx" => template::xlsx(lang(lang_code)),
        _ => template::csv(lang(lang_code)),
    }
}

/// The columns a table can have, for the page's list: `[{"title", "key", "help"}]` in `lang`.
#[wasm_bindgen]
pub fn columns(lang_code: &str) -> String {
    let lang = lang(lang_code);
    let free = wlz_core::table::FREE_COLUMNS.join(", ");
    let mut list = vec![serde_json::json!({
        "title": if lang == Lang::Nl { "Kenmerk" } else { "Reference" },
        "key": free,
        "help": if lang == Lang::Nl {
            "Vrij: uw eigen naam of nummer van de cliënt. Wordt niet gebruikt."
        } else {
            "Free: your own name or number of the client. Not used."
        },
    })];
    list.extend(wlz_core::vocabulary::Key::ALL.iter().map(|k| {
        let (nl, en) = k.title();
        serde_json::json!({
            "title": if lang == Lang::Nl { nl } else { en },
            "key": k.column(),
            "help": k.help().get(lang),
        })
    }));
    serde_json::Value::Array(list).to_string()
}
