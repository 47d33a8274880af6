//! The spreadsheet (.xlsx, Office Open XML) in and out: the first sheet's cells, and one
//! sheet with the results. The zip container is the `zip` crate's; the SpreadsheetML here
//! covers what a table of households uses: shared and inline strings, numbers, booleans and
//! dates (a number in a date column is an Excel day number).

use crate::sheet::{is_blank, Sheet, SheetRow, Source};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read, Write};
use wlz_core::table::{column_of, Column, TableError};
use wlz_core::vocabulary::Kind;
use wlz_core::Date;

/// Whether the bytes are a zip file (an .xlsx is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether a zip file is an OpenDocument file (its first member, `mimetype`, says so).
pub fn is_opendocument(bytes: &[u8]) -> bool {
    bytes.len() > 80
        && bytes[30..80].starts_with(b"mimetype")
        && bytes[38..100.min(bytes.len())]
            .windows(11)
            .any(|w| w == b"opendocumen")
}

/// A cell as the sheet holds it.
#[derive(Clone, Debug, PartialEq)]
enum Raw {
    Empty,
    Text(String),
    Number(f64),
}

fn not_a_spreadsheet(detail: &str) -> TableError {
    TableError::new(
        "invalid_xlsx",
        format!("Dit Excel-bestand kan niet worden gelezen ({detail}). Sla het op als .xlsx of als CSV en probeer het opnieuw."),
        format!("This Excel file cannot be read ({detail}). Save it as .xlsx or as CSV and try again."),
    )
}

/// Reads the first sheet of an .xlsx file. The first row that is not blank is the header.
pub fn read(bytes: &[u8]) -> Result<Sheet, TableError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_spreadsheet(&e.to_string()))?;
    let mut get = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let strings = match get("xl/sharedStrings.xml") {
        Some(x) => shared_strings(&x).map_err(|e| not_a_spreadsheet(&e))?,
        None => Vec::new(),
    };
    let path = first_sheet_path(&mut get);
    let xml = get(&path).ok_or_else(|| not_a_spreadsheet(&format!("{path} is missing")))?;
    let grid = cells(&xml, &strings).map_err(|e| not_a_spreadsheet(&e))?;
    Ok(to_sheet(grid))
}

/// The grid → a sheet: the header first, then the rows, each cell as text. A number is
/// written as the text a person would type (`38000`, `1234.5`); a number to the cent up to
/// floating-point noise (`1234.5600000000002`, a formula's) is that amount; a number in a
/// date column is an Excel day number (1 = 1900-01-01, counted from 1899-12-30 as Excel does
/// after February 1900).
fn to_sheet(grid: Vec<(u64, Vec<Raw>)>) -> Sheet {
    let mut rows = grid
        .into_iter()
        .filter(|(_, r)| r.iter().any(|c| *c != Raw::Empty));
    let header: Vec<String> = rows
        .next()
        .map(|(_, r)| r.into_iter().map(|c| text_of(c, false)).collect())
        .unwrap_or_default();
    let is_date: Vec<bool> = header
        .iter()
        .map(|h| matches!(column_of(h), Some(Column::Input(k)) if k.kind() == Kind::Date))
        .collect();
    let rows = rows
        .map(|(line, raw)| {
            // A date column's day numbers are written back as the dates they were read as.
            let numbers = raw
                .iter()
                .enumerate()
                .map(|(i, c)| match c {
                    Raw::Number(n) if !is_date.get(i).copied().unwrap_or(false) => Some(*n),
                    _ => None,
                })
                .collect();
            let cells = raw
                .into_iter()
                .enumerate()
                .map(|(i, c)| text_of(c, is_date.get(i).copied().unwrap_or(false)))
                .collect();
            SheetRow {
                line,
                cells,
                numbers,
            }
        })
        .filter(|r| !is_blank(&r.cells))
        .collect();
    Sheet {
        header,
        rows,
        source: Source::Xlsx,
    }
}

fn text_of(c: Raw, date_column: bool) -> String {
    match c {
        Raw::Empty => String::new(),
        Raw::Text(s) => s,
        Raw::Number(n) if date_column => {
            excel_date(n).map_or_else(|| number_text(n), |d| d.to_string())
        }
        Raw::Number(n) => number_text(n),
    }
}

/// An Excel day number as a date.
fn excel_date(serial: f64) -> Option<Date> {
    if !(61.0..2_958_466.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    Date::new(1899, 12, 30)?.add_days(serial as i64)
}

/// A number as text: whole, to the cent, or as it is.
pub fn number_text(n: f64) -> String {
    let cents = (n * 100.0).round();
    if (n * 100.0 - cents).abs() < 1e-6 && cents.abs() < 1e15 {
        let cents = cents as i64;
        let (whole, frac) = (cents / 100, (cents % 100).abs());
        let sign = if cents < 0 && whole == 0 { "-" } else { "" };
        if frac == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{frac:02}")
        }
    } else {
        n.to_string()
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Appends the text of a text or entity event.
fn push_text(ev: &Event, buf: &mut String) {
    match ev {
        Event::Text(t) => buf.push_str(&t.xml10_content()),
        Event::CData(t) => buf.push_str(&t.xml10_content()),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                buf.push(c);
            } else if let Some(s) = resolve_predefined_entity(&r.xml10_content()) {
                buf.push_str(s);
            }
        }
        _ => {}
    }
}

/// `BC12` → (row 12, column 54), the row counted from 1 and the column from 0.
fn cell_ref(r: &str) -> Option<(u64, usize)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    let mut col = 0usize;
    for b in letters.bytes() {
        col = col.checked_mul(26)? + usize::from(b.to_ascii_uppercase().checked_sub(b'A')?) + 1;
    }
    Some((digits.parse().ok()?, col.checked_sub(1)?))
}

fn shared_strings(xml: &str) -> Result<Vec<String>, String> {
    let mut rd = Reader::from_str(xml);
    let mut out = Vec::new();
    // Text of `<t>` in `<si>`, but not of phonetic runs (`<rPh>`).
    let (mut in_t, mut in_rph) = (false, false);
    let mut cur = String::new();
    loop {
        let ev = rd.read_event().map_err(|e| e.to_string())?;
        match &ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => cur.clear(),
                "t" if !in_rph => in_t = true,
                "rPh" => in_rph = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                "si" => out.push(std::mem::take(&mut cur)),
                "t" => in_t = false,
                "rPh" => in_rph = false,
                _ => {}
            },
            Event::Eof => break,
            _ if in_t => push_text(&ev, &mut cur),
            _ => {}
        }
    }
    Ok(out)
}

/// The path in the zip of the first worksheet (workbook.xml and its relations).
fn first_sheet_path(get: &mut dyn FnMut(&str) -> Option<String>) -> String {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let (Some(wb), Some(rels)) = (get("xl/workbook.xml"), get("xl/_rels/workbook.xml.rels")) else {
        return fallback;
    };
    let first = |xml: &str,
                 tag: &str,
                 want: &dyn Fn(&BytesStart) -> bool|
     -> Option<BytesStart<'static>> {
        let mut rd = Reader::from_str(xml);
        loop {
            match rd.read_event().ok()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == tag && want(&e) => {
                    return Some(e.into_owned())
                }
                Event::Eof => return None,
                _ => {}
            }
        }
    };
    let Some(rid) = first(&wb, "sheet", &|_| true).and_then(|e| attr(&e, "r:id")) else {
        return fallback;
    };
    let Some(target) = first(&rels, "Relationship", &|e| {
        attr(e, "Id").as_deref() == Some(&rid)
    })
    .and_then(|e| attr(&e, "Target")) else {
        return fallback;
    };
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    }
}

/// The sheet's cells by row (counted from 1), each row from column A.
fn cells(xml: &str, strings: &[String]) -> Result<Vec<(u64, Vec<Raw>)>, String> {
    let mut rows: Vec<(u64, Vec<Raw>)> = Vec::new();
    let mut rd = Reader::from_str(xml);
    let (mut row, mut col) = (0u64, 0usize);
    let mut kind = String::new();
    let (mut in_cell, mut in_value) = (false, false);
    let mut value = String::new();
    loop {
        let ev = rd.read_event().map_err(|e| e.to_string())?;
        match &ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                row = attr(e, "r").and_then(|r| r.parse().ok()).unwrap_or(row + 1);
                col = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                if let Some((r, c)) = attr(e, "r").and_then(|r| cell_ref(&r)) {
                    (row, col) = (r, c);
                }
                kind = attr(e, "t").unwrap_or_default();
                value.clear();
                in_cell = true;
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => col += 1,
            Event::Start(e) if in_cell && matches!(e.local_name().as_ref(), "v" | "t") => {
                in_value = true
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" => {
                    in_cell = false;
                    let raw = raw_cell(&kind, &value, strings);
                    if rows.last().map(|(r, _)| *r) != Some(row) {
                        rows.push((row, Vec::new()));
                    }
                    if let Some((_, cells)) = rows.last_mut() {
                        if cells.len() <= col {
                            cells.resize(col + 1, Raw::Empty);
                        }
                        cells[col] = raw;
                    }
                    col += 1;
                }
                _ => {}
            },
            Event::Eof => break,
            _ if in_value => push_text(&ev, &mut value),
            _ => {}
        }
    }
    Ok(rows)
}

fn raw_cell(kind: &str, value: &str, strings: &[String]) -> Raw {
    let v = value.trim();
    match kind {
        "s" => v
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i))
            .map_or(Raw::Empty, |s| Raw::Text(s.clone())),
        "b" => Raw::Text(if v == "1" { "ja" } else { "nee" }.into()),
        "" | "n" => v
            .parse::<f64>()
            .map_or_else(|_| Raw::Text(value.to_string()), Raw::Number),
        // str (a formula's text), inlineStr, e (an error such as #N/A), d (an ISO date).
        _ if v.is_empty() => Raw::Empty,
        _ => Raw::Text(value.to_string()),
    }
}

/// A cell to write.
pub enum Out<'a> {
    Text(&'a str),
    Number(f64),
    /// A euro amount: a number shown with two decimals.
    Euro(f64),
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

fn column_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.iter().rev().map(|b| char::from(*b)).collect()
}

const NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RNS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The sheet's XML: the first row bold (style 1), euro amounts `#,##0.00` (style 2), the
/// header row frozen.
fn sheet_xml<'a>(rows: impl Iterator<Item = Vec<Out<'a>>>) -> String {
    use std::fmt::Write as _;
    let mut x = format!(
        r#"{XML}<worksheet xmlns="{NS}" xmlns:r="{RNS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#
    );
    for (r, row) in rows.enumerate() {
        let n = r + 1;
        let _ = write!(x, r#"<row r="{n}">"#);
        for (c, cell) in row.iter().enumerate() {
            let rf = format!("{}{n}", column_name(c));
            let style = if r == 0 { r#" s="1""# } else { "" };
            let _ = match cell {
                Out::Text("") => Ok(()),
                Out::Text(t) => write!(
                    x,
                    r#"<c r="{rf}"{style} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(t)
                ),
                Out::Number(v) => write!(x, r#"<c r="{rf}"{style}><v>{v}</v></c>"#),
                Out::Euro(v) => write!(x, r#"<c r="{rf}" s="2"><v>{v}</v></c>"#),
            };
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

/// An .xlsx file of one sheet named `name`.
pub fn write<'a>(name: &str, rows: impl Iterator<Item = Vec<Out<'a>>>) -> Vec<u8> {
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            format!(
                r#"{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"{XML}<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                escape(name)
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/styles.xml",
            format!(
                r#"{XML}<styleSheet xmlns="{NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
            ),
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml(rows)),
    ];
    let mut zw = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        // Writing to memory fails only on a bug; an empty file is then the visible result.
        if zw.start_file(name, opts).is_err() || zw.write_all(body.as_bytes()).is_err() {
            return Vec::new();
        }
    }
    zw.finish().map(|c| c.into_inner()).unwrap_or_default()
}
