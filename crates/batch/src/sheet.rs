//! A table as read from a file, before any cell means anything: the header's names and each
//! row's cells, with the line (CSV) or spreadsheet row (.xlsx) it came from, for messages.

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// The line (CSV) or row (.xlsx) where the row starts, counting the header as 1.
    pub line: u64,
    /// The cells as text, as wide as the file gives them.
    pub cells: Vec<String>,
    /// The cells that were numbers in a spreadsheet (written back as numbers).
    pub numbers: Vec<Option<f64>>,
}

/// Where the table came from, to write the results back in kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Csv { delimiter: u8, encoding: Encoding },
    Xlsx,
}

/// The character encoding a CSV file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Not UTF-8: read as Windows-1252, the "CSV" of Excel on a Dutch Windows computer.
    Windows1252,
}

/// A table: the header's names and the rows under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<SheetRow>,
    pub source: Source,
}

/// Whether a row has nothing in it (spreadsheets write such rows under a table).
pub fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}
