//! A table's rows through the core, and what the page and the downloads show of them.

use crate::sheet::{Sheet, Source};
use crate::xlsx::{self, Out};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use wlz_core::table::{Column, Header, ResultColumn, RowError, TableError, Unknown};
use wlz_core::vocabulary::Key;
use wlz_core::{format_eur, Lang, Regime};

/// The result of one row: the amount and regime, or the row's error.
pub type Outcome = Result<(Decimal, Regime), RowError>;

/// A table with its header read and (some of) its rows estimated.
pub struct Run {
    pub sheet: Sheet,
    pub header: Header,
    pub outcomes: Vec<Outcome>,
}

impl Run {
    /// Reads the header; stops at a row that swallowed the rest of a CSV file.
    pub fn new(sheet: Sheet, unknown: Unknown) -> Result<Run, TableError> {
        let header = Header::read(&sheet.header, unknown)?;
        for row in &sheet.rows {
            let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
            if let Some(e) = header.swallowed(&cells, row.line) {
                return Err(e);
            }
        }
        Ok(Run {
            outcomes: Vec::with_capacity(sheet.rows.len()),
            sheet,
            header,
        })
    }

    /// Estimates the next `count` rows; returns how many are done.
    pub fn step(&mut self, count: usize) -> usize {
        let from = self.outcomes.len();
        let to = (from + count).min(self.sheet.rows.len());
        for row in &self.sheet.rows[from..to] {
            let mut cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
            // A spreadsheet row ends at its last filled cell: pad it to the header's width.
            if matches!(self.sheet.source, Source::Xlsx) && cells.len() < self.sheet.header.len() {
                cells.resize(self.sheet.header.len(), "");
            }
            let outcome = self
                .header
                .estimate(&cells, row.line)
                .map(|e| (e.monthly, e.regime));
            self.outcomes.push(outcome);
        }
        to
    }

    pub fn done(&self) -> bool {
        self.outcomes.len() == self.sheet.rows.len()
    }

    /// The page's view of all rows and the summary, as JSON: `{"rows": [...], "summary": {...}}`.
    pub fn view(&self, lang: Lang) -> String {
        let view = View {
            rows: self.rows(0, self.outcomes.len(), lang),
            summary: self.summary(lang),
        };
        serde_json::to_string(&view).unwrap_or_default()
    }

    /// The page's view of the rows `from..to` (of those done), as a JSON array: the page shows
    /// them while the next are being worked out.
    pub fn view_rows(&self, from: usize, to: usize, lang: Lang) -> String {
        serde_json::to_string(&self.rows(from, to, lang)).unwrap_or_default()
    }

    /// The summary of the rows done, as JSON.
    pub fn view_summary(&self, lang: Lang) -> String {
        serde_json::to_string(&self.summary(lang)).unwrap_or_default()
    }

    fn rows(&self, from: usize, to: usize, lang: Lang) -> Vec<RowView> {
        let to = to.min(self.outcomes.len());
        let from = from.min(to);
        (from..to)
            .map(|i| self.row_view(i, &self.outcomes[i], lang))
            .collect()
    }

    fn summary(&self, lang: Lang) -> Summary {
        let count = |r: Regime| {
            self.outcomes
                .iter()
                .filter(|o| matches!(o, Ok((_, x)) if *x == r))
                .count()
        };
        let total: Decimal = self
            .outcomes
            .iter()
            .filter_map(|o| o.as_ref().ok().map(|(m, _)| *m))
            .sum();
        Summary {
            rows: self.outcomes.len(),
            errors: self.outcomes.iter().filter(|o| o.is_err()).count(),
            lage: count(Regime::Lage),
            hoge: count(Regime::Hoge),
            geen: count(Regime::Geen),
            total: format_eur(total, lang),
            unknown_columns: self.header.kept_unknown.clone(),
            windows_1252: matches!(
                self.sheet.source,
                Source::Csv {
                    encoding: crate::sheet::Encoding::Windows1252,
                    ..
                }
            ),
            unnamed_note: self.unnamed_note(lang),
        }
    }

    /// The note on unnamed columns with filled cells, if there are such.
    fn unnamed_note(&self, lang: Lang) -> Option<String> {
        let filled: Vec<usize> = self
            .header
            .unnamed()
            .filter(|c| {
                let filled = |r: &crate::sheet::SheetRow| {
                    r.cells.get(*c).is_some_and(|v| !v.trim().is_empty())
                };
                self.sheet.rows.iter().any(filled)
            })
            .map(|c| c + 1)
            .collect();
        (!filled.is_empty()).then(|| wlz_core::table::unnamed_note(&filled).get(lang).to_string())
    }

    /// The first free column: the row's name or reference, shown with its results.
    pub fn label_column(&self) -> Option<usize> {
        self.header
            .columns()
            .iter()
            .position(|c| *c == Column::Free)
    }

    fn cell(&self, i: usize, k: Key) -> &str {
        let at = self.header.position(k);
        at.and_then(|c| self.sheet.rows[i].cells.get(c))
            .map_or("", |s| s.trim())
    }

    fn row_view(&self, i: usize, o: &Outcome, lang: Lang) -> RowView {
        let row = &self.sheet.rows[i];
        let (mut link, mut not_on_page) = (Vec::new(), Vec::new());
        for k in Key::ALL {
            let v = self.cell(i, k);
            if v.is_empty() {
                continue;
            }
            // The calculator asks one care form: a row with more (`pgb,mpt`) cannot be shown
            // there as it is.
            let several = matches!(k, Key::Care | Key::PartnerCare) && v.contains(',');
            if several {
                let (nl, en) = k.title();
                not_on_page.push(if lang == Lang::Nl { nl } else { en });
            }
            if k.on_page() {
                // A yes/no answer as the calculator reads it (`1`, or left out for no).
                if k.kind() == wlz_core::vocabulary::Kind::Flag {
                    match wlz_core::table::yes_no(v) {
                        Some(true) => link.push((k.key(), "1".to_string())),
                        Some(false) => {}
                        None => link.push((k.key(), v.to_string())),
                    }
                } else {
                    link.push((k.key(), v.to_string()));
                }
            } else {
                let (nl, en) = k.title();
                not_on_page.push(if lang == Lang::Nl { nl } else { en });
            }
        }
        let year = match self.cell(i, Key::Year) {
            "" => wlz_core::table::latest_year().to_string(),
            y => y.to_string(),
        };
        RowView {
            row: i + 1,
            line: row.line,
            label: self
                .label_column()
                .and_then(|c| row.cells.get(c))
                .map_or(String::new(), |s| s.trim().to_string()),
            year,
            care: self.cell(i, Key::Care).to_string(),
            monthly: o.as_ref().ok().map(|(m, _)| m.to_string()),
            amount: o.as_ref().ok().map(|(m, _)| format_eur(*m, lang)),
            regime: o.as_ref().ok().map(|(_, r)| r.name()),
            regime_text: o
                .as_ref()
                .ok()
                .map(|(_, r)| r.label().get(lang).to_string()),
            code: o.as_ref().err().map(|e| e.code.clone()),
            message: o.as_ref().err().map(|e| e.message.get(lang).to_string()),
            link,
            not_on_page,
        }
    }

    /// The rows to download: every column of the input (but an earlier run's results), then
    /// the contribution per month, the regime and the error, titled in `lang`.
    fn out_rows(&self, lang: Lang) -> impl Iterator<Item = (Vec<Out<'_>>, Option<&Outcome>)> + '_ {
        let echoed: Vec<usize> = self.header.echoed().collect();
        let title = move |r: ResultColumn| {
            if lang == Lang::Nl {
                r.title().0
            } else {
                r.title().1
            }
        };
        let head: Vec<Out> = echoed
            .iter()
            .map(|c| Out::Text(self.sheet.header[*c].trim_start_matches('\u{feff}')))
            .chain(ResultColumn::ALL.map(|r| Out::Text(title(r))))
            .collect();
        let body = self
            .sheet
            .rows
            .iter()
            .zip(&self.outcomes)
            .map(move |(row, o)| {
                let cells = echoed
                    .iter()
                    .map(|c| match row.numbers.get(*c).copied().flatten() {
                        Some(n) => Out::Number(n),
                        None => Out::Text(row.cells.get(*c).map_or("", String::as_str)),
                    })
                    .collect();
                (cells, Some(o))
            });
        std::iter::once((head, None)).chain(body)
    }

    /// The results as CSV: the input's delimiter (a spreadsheet's: `;` in Dutch, `,` in
    /// English), the amount in the language's notation (`337,68`, `337.68`).
    pub fn csv(&self, lang: Lang) -> Vec<u8> {
        let delimiter = match self.sheet.source {
            Source::Csv { delimiter, .. } => delimiter,
            Source::Xlsx if lang == Lang::Nl => b';',
            Source::Xlsx => b',',
        };
        let rows = self.out_rows(lang).map(|(cells, o)| {
            let mut texts: Vec<String> = cells
                .into_iter()
                .map(|c| match c {
                    Out::Text(t) => t.to_string(),
                    Out::Number(n) | Out::Euro(n) => xlsx::number_text(n),
                })
                .collect();
            if let Some(o) = o {
                texts.extend(result_texts(o, lang, true));
            }
            texts
        });
        crate::csv_file::write(delimiter, rows)
    }

    /// The results as an .xlsx sheet: the amount a number (`#,##0.00`), to sum or sort.
    pub fn xlsx(&self, lang: Lang) -> Vec<u8> {
        let texts: Vec<[String; 2]> = self
            .outcomes
            .iter()
            .map(|o| {
                let [_, regime, error] = result_texts(o, lang, false);
                [regime, error]
            })
            .collect();
        let rows = self.out_rows(lang).enumerate().map(|(i, (mut cells, o))| {
            if let Some(o) = o {
                let [regime, error] = &texts[i - 1];
                cells.push(match o {
                    Ok((m, _)) => Out::Euro(m.to_f64().unwrap_or_default()),
                    Err(_) => Out::Text(""),
                });
                cells.extend([Out::Text(regime), Out::Text(error)]);
            }
            cells
        });
        let name = if lang == Lang::Nl {
            "Uitkomsten"
        } else {
            "Results"
        };
        xlsx::write(name, rows)
    }
}

/// The three result cells of a row: the amount (in the language's notation when `notation`),
/// the regime's name, and `[code] message`.
fn result_texts(o: &Outcome, lang: Lang, notation: bool) -> [String; 3] {
    match o {
        Ok((m, r)) => {
            let m = m.to_string();
            let m = if notation && lang == Lang::Nl {
                m.replace('.', ",")
            } else {
                m
            };
            [m, r.name().to_string(), String::new()]
        }
        Err(e) => [
            String::new(),
            String::new(),
            format!("[{}] {}", e.code, e.message.get(lang)),
        ],
    }
}

#[derive(Serialize)]
struct View {
    rows: Vec<RowView>,
    summary: Summary,
}

/// One row as the page shows it.
#[derive(Serialize)]
struct RowView {
    /// The row's number among the data rows, from 1.
    row: usize,
    /// The line (CSV) or spreadsheet row where it starts.
    line: u64,
    label: String,
    year: String,
    care: String,
    /// The amount as a decimal (`337.68`) and as text in the language (`€ 337,68`).
    monthly: Option<String>,
    amount: Option<String>,
    regime: Option<&'static str>,
    regime_text: Option<String>,
    code: Option<String>,
    message: Option<String>,
    /// The query of the calculator page that shows this household (the inputs it asks).
    link: Vec<(&'static str, String)>,
    /// The titles of the row's answers the calculator page does not ask (or not so: more than
    /// one care form).
    not_on_page: Vec<&'static str>,
}

#[derive(Serialize)]
struct Summary {
    rows: usize,
    errors: usize,
    lage: usize,
    hoge: usize,
    geen: usize,
    /// The sum of the monthly amounts of the rows without an error.
    total: String,
    unknown_columns: Vec<String>,
    windows_1252: bool,
    /// Said when columns without a name in the header have filled cells (not used).
    unnamed_note: Option<String>,
}
