//! A batch table: one household per row, one input per column. The CLI's `batch` (CSV) and
//! the page's batch (CSV and spreadsheets) read their tables here, so a column means the
//! same and a bad cell gets the same message everywhere (docs/batch.md).
//!
//! * A column is named by an input's key in any case, with `-`, `_` or spaces
//!   (`partner_income`, `Partner-Income`), by its column title ([`Key::title`], Dutch or
//!   English: `Verzamelinkomen partner`) or by the page's label of the question
//!   ([`Question::label`]). Free columns (`id`, `naam`, `kenmerk`, …) pass through unused; the
//!   result columns (`monthly`, `regime`, `error`, or their titles) of an earlier run are
//!   left out, so a result file can be run again. A column without a name (trailing
//!   delimiters) passes through unused.
//! * A cell is text; the empty cell is not given. Whole numbers, yes/no and the rest are
//!   read here and in [`crate::answers`] (amounts in Dutch or English notation).

use crate::answers::{build_input, Naming, PersonValues, Values};
use crate::engine::Estimate;
use crate::error::InputError;
use crate::questions::Question;
use crate::readings::Readings;
use crate::text::Text;
use crate::vocabulary::Key;
use crate::Input;

/// What one column of a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// A free column (`id`, a name, a file number): passed through, not used.
    Free,
    /// An input of the household.
    Input(Key),
    /// A result of an earlier run: left out of the reading and of the output.
    Result(ResultColumn),
    /// A column no one knows, kept as a free column only when the user agreed
    /// ([`Unknown::Keep`]).
    Unknown,
    /// A column without a name in the header (a spreadsheet's trailing delimiters write them):
    /// passed through unused; a front end tells the user when cells under it are filled.
    Unnamed,
}

/// The three columns a run adds to each row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultColumn {
    Monthly,
    Regime,
    Error,
}

impl ResultColumn {
    pub const ALL: [ResultColumn; 3] = [
        ResultColumn::Monthly,
        ResultColumn::Regime,
        ResultColumn::Error,
    ];

    /// The column's key, as the CLI writes it.
    pub fn key(self) -> &'static str {
        match self {
            ResultColumn::Monthly => "monthly",
            ResultColumn::Regime => "regime",
            ResultColumn::Error => "error",
        }
    }

    /// The column's title: Dutch, English.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            ResultColumn::Monthly => ("Bijdrage per maand", "Monthly contribution"),
            ResultColumn::Regime => ("Regime", "Regime"),
            ResultColumn::Error => ("Fout", "Error"),
        }
    }
}

/// The free column of the CLI, and the other names a free column goes by.
pub const FREE_COLUMNS: [&str; 9] = [
    "id",
    "naam",
    "name",
    "kenmerk",
    "reference",
    "referentie",
    "client",
    "cliënt",
    "dossier",
];

/// What to do with a column no one knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// Stop before any row is read, naming the column (a typo would silently drop an answer).
    Refuse,
    /// Pass it through unused: the user has been told and agreed.
    Keep,
}

/// An error that stops the whole table (a header that cannot be read, a quote never closed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    pub code: &'static str,
    pub message: Text,
    /// The header names no one knows (code `unknown_column`).
    pub unknown: Vec<String>,
}

impl TableError {
    /// An error of the whole table (or of the file it is read from) with no unknown columns.
    pub fn new(code: &'static str, nl: String, en: String) -> TableError {
        TableError {
            code,
            message: Text::owned(nl, en),
            unknown: Vec::new(),
        }
    }
}

/// The error of one row: it never stops the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// An error code of the contract (`invalid_amount`, …) or of the table (`invalid_value`,
    /// `invalid_csv`).
    pub code: String,
    /// The input field concerned, as a JSON path.
    pub field: Option<String>,
    pub message: Text,
}

impl RowError {
    fn table(code: &str, field: Option<&str>, nl: String, en: String) -> RowError {
        RowError {
            code: code.to_string(),
            field: field.map(str::to_string),
            message: Text::owned(nl, en),
        }
    }
}

impl From<InputError> for RowError {
    fn from(e: InputError) -> RowError {
        RowError {
            code: e.code.name().to_string(),
            field: e.field,
            message: e.message,
        }
    }
}

/// A name as it is matched: lower case, letters and digits only (`Partner-Income` →
/// `partnerincome`).
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a header name means, or `None` when no one knows it.
pub fn column_of(name: &str) -> Option<Column> {
    let f = fold(name);
    if f.is_empty() {
        return None;
    }
    if FREE_COLUMNS.iter().any(|n| fold(n) == f) {
        return Some(Column::Free);
    }
    for r in ResultColumn::ALL {
        let (nl, en) = r.title();
        if [r.key(), nl, en].iter().any(|n| fold(n) == f) {
            return Some(Column::Result(r));
        }
    }
    Key::ALL
        .into_iter()
        .find(|k| names_of(*k).iter().any(|n| fold(n) == f))
        .map(Column::Input)
}

/// Every name an input's column goes by: its key, its titles and the page's labels.
fn names_of(k: Key) -> Vec<&'static str> {
    let (nl, en) = k.title();
    let mut names = vec![k.key(), nl, en];
    if let Some(q) = Question::ALL.into_iter().find(|q| q.input() == Some(k)) {
        let label = q.label();
        if let (std::borrow::Cow::Borrowed(nl), std::borrow::Cow::Borrowed(en)) =
            (label.nl, label.en)
        {
            names.extend([nl, en]);
        }
    }
    names
}

/// The header row of a table: what each column holds, and how the user named each input.
#[derive(Clone, Debug)]
pub struct Header {
    columns: Vec<Column>,
    /// The user's own name of each input column (by [`Key`]), for messages.
    names: Vec<String>,
    /// The header names kept as free columns under [`Unknown::Keep`].
    pub kept_unknown: Vec<String>,
}

impl Header {
    /// Reads a header row. Refused: an empty header, a name twice, two names for one input,
    /// and (under [`Unknown::Refuse`]) a name no one knows.
    pub fn read<S: AsRef<str>>(names: &[S], unknown: Unknown) -> Result<Header, TableError> {
        let names: Vec<&str> = names
            .iter()
            .map(|n| n.as_ref().trim_start_matches('\u{feff}').trim())
            .collect();
        if names.iter().all(|n| n.is_empty()) {
            return Err(TableError::new(
                "invalid_csv_header",
                "De tabel heeft geen kopregel met kolomnamen.".into(),
                "The table has no header row with column names.".into(),
            ));
        }
        let mut header = Header {
            columns: Vec::with_capacity(names.len()),
            names: Key::ALL.iter().map(|k| k.column()).collect(),
            kept_unknown: Vec::new(),
        };
        let mut taken: Vec<Option<&str>> = vec![None; Key::ALL.len()];
        let mut unknowns = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if names[..i]
                .iter()
                .any(|n| fold(n) == fold(name) && !n.is_empty())
            {
                return Err(TableError::new(
                    "invalid_csv_header",
                    format!("De kolom `{name}` staat twee keer in de kopregel."),
                    format!("The column `{name}` appears twice in the header row."),
                ));
            }
            let column = if name.is_empty() {
                Column::Unnamed
            } else {
                column_of(name).unwrap_or(Column::Unknown)
            };
            match column {
                Column::Input(k) => {
                    if let Some(first) = taken[k as usize] {
                        return Err(TableError::new(
                            "invalid_csv_header",
                            format!("De kolommen `{first}` en `{name}` vragen allebei naar {}. Laat er één staan.", k.title().0),
                            format!("The columns `{first}` and `{name}` both give {}. Keep one.", k.title().1),
                        ));
                    }
                    taken[k as usize] = Some(name);
                    header.names[k as usize] = name.to_string();
                }
                Column::Unknown => unknowns.push(name.to_string()),
                _ => {}
            }
            header.columns.push(column);
        }
        if unknowns.is_empty() {
            return Ok(header);
        }
        match unknown {
            Unknown::Keep => {
                header.kept_unknown = unknowns;
                Ok(header)
            }
            Unknown::Refuse => Err(unknown_columns(unknowns)),
        }
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The header's own name of an input (its column form when the table lacks it).
    pub fn name(&self, k: Key) -> &str {
        &self.names[k as usize]
    }

    /// The positions of the columns without a name.
    pub fn unnamed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|i| self.columns[*i] == Column::Unnamed)
    }

    /// The position of the column of this input, if the table has one.
    pub fn position(&self, k: Key) -> Option<usize> {
        self.columns.iter().position(|c| *c == Column::Input(k))
    }

    /// Whether the table has a column for this input.
    pub fn has(&self, k: Key) -> bool {
        self.position(k).is_some()
    }

    /// The positions of the columns an output row repeats: all but an earlier run's results.
    pub fn echoed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|i| !matches!(self.columns[*i], Column::Result(_)))
    }

    /// One row's cells → the household. `line` is where the row starts, for messages.
    pub fn input(&self, cells: &[&str], line: u64) -> Result<Input, RowError> {
        let row = self.row(cells, line)?;
        let values = row.values()?;
        Ok(build_input(&values, Naming::Table(&self.names))?)
    }

    /// One row's cells → the estimate; a calculation error names the column(s) behind it.
    pub fn estimate(&self, cells: &[&str], line: u64) -> Result<Estimate, RowError> {
        let input = self.input(cells, line)?;
        crate::estimate(&input).map_err(|e| {
            let given = |k: Key| {
                let cell = self.position(k).and_then(|p| cells.get(p));
                cell.is_some_and(|v| !v.trim().is_empty())
            };
            let named = e.field.as_deref().map(|f| Key::named_by(f, given));
            let mut err = RowError::from(e);
            if let Some(keys) = named.filter(|k| !k.is_empty()) {
                let cols: Vec<&str> = keys.iter().map(|k| self.name(*k)).collect();
                let cols = cols.join(", ");
                err.message.nl = format!("{} (kolom {cols})", err.message.nl).into();
                err.message.en = format!("{} (column {cols})", err.message.en).into();
            }
            err
        })
    }

    /// A row that took in the rows after it: a quote (`"`) that was never closed makes the
    /// rest of a CSV file one cell. A line break may stand only in a free column of a row of
    /// the header's width; anywhere else the table stops rather than show the swallowed rows
    /// as processed.
    pub fn swallowed(&self, cells: &[&str], line: u64) -> Option<TableError> {
        let mut lines_before = 0;
        for (i, cell) in cells.iter().enumerate() {
            let breaks = cell.matches('\n').count() as u64;
            let free = cells.len() == self.columns.len()
                && matches!(
                    self.columns.get(i),
                    Some(Column::Free | Column::Unknown | Column::Unnamed)
                );
            if breaks > 0 && !free {
                let opened = line + lines_before;
                let column = match self.columns.get(i) {
                    Some(Column::Input(k)) => self.name(*k).to_string(),
                    Some(_) => format!("{}", i + 1),
                    None => "?".to_string(),
                };
                // The last line break of a cell swallowed up to the end is the file's own.
                let last = opened + breaks - u64::from(cell.ends_with('\n'));
                return Some(TableError::new(
                    "invalid_csv",
                    format!(
                        "Regel {opened}: een aanhalingsteken (\") in kolom {column} wordt niet gesloten. \
                         Alles tot en met regel {last} is daardoor als één cel gelezen. \
                         Zet het ontbrekende aanhalingsteken of verwijder het (een \" binnen een cel schrijf je als \"\"). \
                         De batch is hier gestopt."
                    ),
                    format!(
                        "Line {opened}: a quote (\") in column {column} is never closed, \
                         so everything up to line {last} was read as one cell. \
                         Add the missing quote or remove it (write a \" inside a cell as \"\"). \
                         The batch stopped here."
                    ),
                ));
            }
            lines_before += breaks;
        }
        None
    }

    fn row<'r>(&'r self, cells: &[&'r str], line: u64) -> Result<Row<'r>, RowError> {
        if cells.len() != self.columns.len() {
            let (n, h) = (cells.len(), self.columns.len());
            return Err(RowError::table(
                "invalid_csv",
                None,
                format!("Regel {line} heeft {n} velden, de kopregel {h}."),
                format!("Line {line} has {n} fields, the header row {h}."),
            ));
        }
        let mut row = Row {
            cells: [None; Key::ALL.len()],
            header: self,
        };
        for (cell, col) in cells.iter().zip(&self.columns) {
            if let Column::Input(k) = col {
                let v = cell.trim();
                if !v.is_empty() {
                    row.cells[*k as usize] = Some(v);
                }
            }
        }
        Ok(row)
    }
}

fn unknown_columns(unknown: Vec<String>) -> TableError {
    let list = unknown
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let keys = Key::ALL.map(Key::column).join(", ");
    let titles_nl = Key::ALL.map(|k| k.title().0).join(", ");
    let titles_en = Key::ALL.map(|k| k.title().1).join(", ");
    TableError {
        code: "unknown_column",
        message: Text::owned(
            format!("Onbekende kolom: {list}. Bekende kolommen: id, {keys}; of in het Nederlands: {titles_nl}."),
            format!("Unknown column: {list}. Known columns: id, {keys}; or by title: {titles_en}."),
        ),
        unknown,
    }
}

/// The cells of one row by input; `None` when absent or empty.
struct Row<'r> {
    cells: [Option<&'r str>; Key::ALL.len()],
    header: &'r Header,
}

impl<'r> Row<'r> {
    fn get(&self, k: Key) -> Option<&'r str> {
        self.cells[k as usize]
    }

    fn int<T: std::str::FromStr>(&self, k: Key) -> Result<Option<T>, RowError> {
        let Some(s) = self.get(k) else {
            return Ok(None);
        };
        // A spreadsheet writes a whole number as `70.0` or `70,0` when the cell is a number.
        let whole = s
            .strip_suffix(".0")
            .or_else(|| s.strip_suffix(",0"))
            .unwrap_or(s);
        whole.parse().map(Some).map_err(|_| {
            let c = self.header.name(k);
            RowError::table(
                "invalid_value",
                Some(k.json()),
                format!("Geen geheel getal in kolom {c}: `{s}`."),
                format!("Not a whole number in column {c}: `{s}`."),
            )
        })
    }

    fn bool(&self, k: Key) -> Result<bool, RowError> {
        let Some(s) = self.get(k) else {
            return Ok(false);
        };
        match yes_no(s) {
            Some(b) => Ok(b),
            None => {
                let c = self.header.name(k);
                Err(RowError::table(
                    "invalid_value",
                    Some(k.json()),
                    format!("Geen ja/nee-waarde in kolom {c}: `{s}`. Schrijf ja, nee, true, false, 1 of 0."),
                    format!("Not a yes/no value in column {c}: `{s}`. Write yes, no, true, false, 1 or 0."),
                ))
            }
        }
    }

    fn person(&self, keys: [Key; 9]) -> Result<PersonValues<'r>, RowError> {
        let [age, birth, care, months, start, income, assets, tax, work] = keys;
        Ok(PersonValues {
            age: self.int(age)?,
            birth_date: self.get(birth),
            care: self.get(care),
            months_in_care: self.int(months)?,
            stay_start: self.get(start),
            income: self.get(income),
            assets: self.get(assets),
            tax: self.get(tax),
            work_income: self.get(work),
            ..PersonValues::default()
        })
    }

    fn values(&self) -> Result<Values<'r>, RowError> {
        use Key as K;
        let mut client = self.person([
            K::Age,
            K::BirthDate,
            K::Care,
            K::MonthsInCare,
            K::StayStart,
            K::Income,
            K::Assets,
            K::Tax,
            K::WorkIncome,
        ])?;
        client.previous_stay = (self.get(K::PreviousStayStart), self.get(K::PreviousStayEnd));
        client.mpt_max_20_hours = self.bool(K::MptMax20Hours)?;
        client.one_off_payments = self.get(K::OneOffPayments);
        let partner = self.person([
            K::PartnerAge,
            K::PartnerBirthDate,
            K::PartnerCare,
            K::PartnerMonthsInCare,
            K::PartnerStayStart,
            K::PartnerIncome,
            K::PartnerAssets,
            K::PartnerTax,
            K::PartnerWorkIncome,
        ])?;
        Ok(Values {
            year: self.int(K::Year)?.unwrap_or_else(latest_year),
            date: self.get(K::Date),
            days: self.int(K::Days)?,
            client,
            partner,
            children: self.bool(K::Children)?,
            return_home_expected: self.bool(K::ReturnHomeExpected)?,
            wmo_maatwerkvoorziening: self.bool(K::WmoMaatwerkvoorziening)?,
            zorgtoeslag: self.bool(K::Zorgtoeslag)?,
            no_data: self.bool(K::NoData)?,
            net_monthly_income: self.get(K::NetMonthlyIncome),
            readings: Readings::default(),
        })
    }
}

/// A yes/no cell: `ja`/`nee`, `yes`/`no`, `j`/`n`, `y`, `true`/`false`, `waar`/`onwaar`,
/// `1`/`0` (any case); `None` when it is neither.
pub fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "true" | "1" | "ja" | "yes" | "waar" | "j" | "y" => Some(true),
        "false" | "0" | "nee" | "no" | "onwaar" | "n" => Some(false),
        _ => None,
    }
}

/// What to tell when cells under columns without a name (counted from 1) are filled: they
/// were not used.
pub fn unnamed_note(columns: &[usize]) -> Text {
    let list = columns
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Text::owned(
        format!(
            "Kolom {list} heeft geen naam in de eerste rij. Wat eronder staat, is niet gebruikt."
        ),
        format!("Column {list} has no name in the first row. What is under it was not used."),
    )
}

/// The contribution year of a row without one: the latest year whose amounts are known
/// (as `wlz-bijdrage estimate` without `--year`).
pub fn latest_year() -> i32 {
    crate::params::supported_years()
        .last()
        .copied()
        .unwrap_or_default()
}

/// The line where a CSV record starts, counted back from where it ends. The parser (the `csv`
/// crate) says the line it is on after the record (`after_line`): past the record's `\n`, or
/// still on the record's line when it ended at the `\r` of `\r\n` or at the end of the file.
/// (Its start position is of no use: it lies before blank lines the parser skipped, and before
/// the `\n` of a `\r\n`.) `last` and `before_last` are the input's bytes just before the
/// parser's position. The CLI's batch and the page's read CSV with this.
pub fn csv_record_line(
    after_line: u64,
    last: Option<u8>,
    before_last: Option<u8>,
    cells: &[&str],
) -> u64 {
    let breaks = line_breaks(cells.iter().copied());
    // A `\n` at the end of the last cell is the cell's own when the record ran to the end of
    // the file inside a quote (a quote never closed): then no `\n` ended the record. A closed
    // quote stands right before the record's own `\n`.
    let in_cell = cells.last().is_some_and(|c| c.ends_with('\n')) && before_last != Some(b'"');
    let ended_at_lf = last == Some(b'\n') && !in_cell;
    after_line
        .saturating_sub(u64::from(ended_at_lf))
        .saturating_sub(breaks)
        .max(1)
}

/// The line breaks in a record's cells.
pub fn line_breaks<'a>(cells: impl IntoIterator<Item = &'a str>) -> u64 {
    cells
        .into_iter()
        .map(|c| c.matches('\n').count() as u64)
        .sum()
}

/// The delimiter of a CSV file from its first line: `;` when it has more semicolons than
/// commas (as Dutch spreadsheet programs write CSV), else `,`.
pub fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}
