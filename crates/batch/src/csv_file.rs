//! CSV in and out: comma, semicolon or tab (sniffed from the header line, as the CLI does),
//! UTF-8 with or without a byte order mark, UTF-16 with one, or else Windows-1252; Windows
//! line ends. Quoting follows RFC 4180 (the `csv` crate, as in the CLI).

use crate::sheet::{is_blank, Encoding, Sheet, SheetRow, Source};
use wlz_core::table::{csv_record_line, sniff_delimiter, TableError};

/// Windows-1252 for the bytes 0x80–0x9F (the rest is Latin-1); undefined bytes stay U+FFFD.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
    '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}',
    'ž', 'Ÿ',
];

/// The file's text and the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        (
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect(),
            Encoding::Utf16,
        )
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => {
            let text = bytes
                .iter()
                .map(|b| match b {
                    0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                    _ => char::from(*b),
                })
                .collect();
            (text, Encoding::Windows1252)
        }
    }
}

/// The delimiter: as the CLI's (`;` or `,`), or a tab when the header line has more tabs
/// than either (Excel's "Unicode text").
fn delimiter(first_line: &str) -> u8 {
    let tabs = first_line.matches('\t').count();
    let others = first_line.matches([',', ';']).count();
    if tabs > 0 && tabs >= others {
        b'\t'
    } else {
        sniff_delimiter(first_line.as_bytes())
    }
}

/// Reads a CSV file into a sheet; a row that swallowed the rest (an unclosed quote) is
/// found by the caller with the header ([`wlz_core::table::Header::swallowed`]).
pub fn read(bytes: &[u8]) -> Result<Sheet, TableError> {
    let (text, encoding) = decode(bytes);
    // A NUL character is in no text file: a PDF, an image or a program was chosen.
    if text.contains('\0') {
        return Err(TableError::new(
            "not_a_table",
            "Dit bestand is geen tabel. Kies een Excel-bestand (.xlsx) of een CSV-bestand.".into(),
            "This file is not a table. Choose an Excel file (.xlsx) or a CSV file.".into(),
        ));
    }
    let delimiter = delimiter(text.lines().next().unwrap_or(""));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let more = rdr.read_record(&mut record).map_err(|e| {
            TableError::new(
                "invalid_csv",
                format!("Dit CSV-bestand kan niet worden gelezen: {e}."),
                format!("This CSV file cannot be read: {e}."),
            )
        })?;
        if !more {
            break;
        }
        let after = rdr.position();
        let byte = |back: u64| {
            let at = after.byte().checked_sub(back)?;
            text.as_bytes().get(at as usize).copied()
        };
        let fields: Vec<&str> = record.iter().collect();
        let line = csv_record_line(after.line(), byte(1), byte(2), &fields);
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if header.is_none() {
            header = Some(cells);
        } else if !is_blank(&cells) {
            let numbers = vec![None; cells.len()];
            rows.push(SheetRow {
                line,
                cells,
                numbers,
            });
        }
    }
    let Some(header) = header else {
        return Err(TableError::new(
            "empty_file",
            "Het bestand is leeg.".into(),
            "The file is empty.".into(),
        ));
    };
    Ok(Sheet {
        header,
        rows,
        source: Source::Csv {
            delimiter,
            encoding,
        },
    })
}

/// Writes rows as CSV, with a byte order mark so that Excel reads it as UTF-8.
pub fn write(delimiter: u8, rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut wtr = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    for row in rows {
        // Writing to memory cannot fail.
        let _ = wtr.write_record(&row);
    }
    wtr.into_inner().unwrap_or_default()
}
