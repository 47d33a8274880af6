//! `wlz-bijdrage batch`: many households in, one result per household out,
//! as JSON Lines or CSV. Streams row by row with buffered I/O; memory is
//! bounded because no line or CSV record longer than [`MAX_RECORD`] is held.
//! A bad row gets an `error` and never stops the batch; an output file
//! appears only when the whole input was read (see [`Target`]). See
//! `docs/batch.md`.

use crate::error::{CliError, Code};
use crate::output::{self, Target};
use crate::Output;
use clap::{Args, ValueEnum};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::fmt::{self, Write as _};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};
use wlz_core::table::{self, Header, TableError, Unknown};
use wlz_core::{ErrorCode, Estimate, Input, InputError, Lang};

/// Read and write buffers.
const BUFFER: usize = 64 * 1024;

/// The longest JSON line or CSV record that is read whole: 1 MiB. A household at the cap of
/// `wlz_core::input::MAX_PREVIOUS_PERIODS` earlier stays is about 40 KB, so only a broken input
/// reaches it (a CSV quote that is never closed swallows the rest of the file).
pub const MAX_RECORD: usize = 1 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma- (or semicolon-) separated values with a header row.
    Csv,
    /// JSON Lines: one input object (the JSON contract) per line.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// csv or jsonl. Default: from the extension of --input (.csv; .jsonl, .ndjson, .json),
    /// else jsonl.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// The households, one per row or line; `-` reads standard input.
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub input: String,

    /// Where the results go; `-` writes standard output.
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub output: String,
}

/// Why a batch stopped before the end of its input.
enum Stop {
    /// The input cannot be read, or the output cannot be written: exit 2.
    Fatal(CliError),
    /// The reader of the output went away (a closed pipe): stop quietly.
    Closed,
}

impl From<CliError> for Stop {
    fn from(e: CliError) -> Stop {
        Stop::Fatal(e)
    }
}

impl From<io::Error> for Stop {
    /// An error while writing the output.
    fn from(e: io::Error) -> Stop {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Fatal(output::write_failed(&e))
        }
    }
}

pub fn run(args: &BatchArgs, out: Output) -> Result<(), CliError> {
    let format = args.format.unwrap_or_else(|| format_of(&args.input));
    // Refuse an output that is the input before anything is opened for writing.
    let target = Target::open(&args.output, &args.input)?;
    let reader = open_input(&args.input)?;
    let mut progress = Progress::new(out.lang);
    let result = match format {
        Format::Jsonl => {
            let mut w = BufWriter::with_capacity(BUFFER, target);
            jsonl(reader, &mut w, out.lang, &mut progress).and_then(|()| {
                let target = w.into_inner().map_err(|e| Stop::from(e.into_error()))?;
                Ok(target)
            })
        }
        Format::Csv => csv_batch(reader, target, out.lang, &mut progress),
    };
    progress.finish();
    // Only a complete run puts its file in place; after a fatal error the temporary file is
    // removed and the target keeps its previous content (standard output keeps the rows
    // already written).
    match result {
        Ok(target) => target.finish(),
        Err(Stop::Closed) => Ok(()),
        Err(Stop::Fatal(e)) => Err(e),
    }
}

/// The format that the input file's name suggests.
fn format_of(path: &str) -> Format {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        Format::Csv
    } else {
        Format::Jsonl
    }
}

fn cannot_read(path: &str, e: &dyn fmt::Display) -> CliError {
    let name = if path == "-" { "standard input" } else { path };
    CliError::new(
        Code::Cli("cannot_read_input"),
        None,
        format!("Kan de invoer niet lezen ({name}): {e}"),
        format!("Cannot read the input ({name}): {e}"),
    )
}

/// A read error in the middle of the input.
fn read_failed(e: &dyn fmt::Display) -> CliError {
    CliError::new(
        Code::Cli("cannot_read_input"),
        None,
        format!("Kan de invoer niet verder lezen: {e}"),
        format!("Cannot read the rest of the input: {e}"),
    )
}

fn not_utf8(line: u64) -> CliError {
    CliError::new(
        Code::Cli("cannot_read_input"),
        None,
        format!("Regel {line} van de invoer is geen UTF-8-tekst."),
        format!("Line {line} of the input is not UTF-8 text."),
    )
}

fn open_input(path: &str) -> Result<BufReader<Box<dyn Read>>, CliError> {
    let inner: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| cannot_read(path, &e))?)
    };
    Ok(BufReader::with_capacity(BUFFER, inner))
}

// ------------------------------------------------------------------ errors of one row

/// The `error` of one row: `{code, field, message}` with the message in one language.
#[derive(Debug, Serialize)]
struct RowError {
    code: CodeName,
    field: Option<String>,
    message: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum CodeName {
    Core(ErrorCode),
    Cli(String),
}

impl CodeName {
    fn text(&self) -> String {
        match self {
            CodeName::Core(c) => serde_json::to_value(c)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| format!("{c:?}")),
            CodeName::Cli(s) => s.clone(),
        }
    }
}

impl RowError {
    fn core(e: &InputError, lang: Lang) -> RowError {
        RowError {
            code: CodeName::Core(e.code),
            field: e.field.clone(),
            message: e.message(lang).to_string(),
        }
    }

    /// A row error of a table (`wlz_core::table`).
    fn table(e: table::RowError, lang: Lang) -> RowError {
        RowError {
            code: CodeName::Cli(e.code),
            field: e.field,
            message: e.message.get(lang).to_string(),
        }
    }

    fn new(code: &str, field: Option<&str>, lang: Lang, nl: String, en: String) -> RowError {
        RowError {
            code: CodeName::Cli(code.to_string()),
            field: field.map(str::to_string),
            message: match lang {
                Lang::Nl => nl,
                Lang::En => en,
            },
        }
    }
}

// ------------------------------------------------------------------ JSON Lines

/// What the first pass over a line learns: it is one JSON object, and which top-level keys it has.
#[derive(Default)]
struct TopKeys {
    count: usize,
    version: bool,
    /// It already has `monthly`, `regime` or `error` (unknown to the contract).
    result_keys: bool,
    /// It has the batch's own `id` (any JSON value, echoed, not part of the contract).
    id: bool,
}

enum TopKey {
    Version,
    Result,
    Id,
    Other,
}

impl<'de> Deserialize<'de> for TopKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TopKey, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TopKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TopKey, E> {
                Ok(match v {
                    "version" => TopKey::Version,
                    "monthly" | "regime" | "error" => TopKey::Result,
                    ID_COLUMN => TopKey::Id,
                    _ => TopKey::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

impl<'de> Deserialize<'de> for TopKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TopKeys, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopKeys, A::Error> {
                let mut k = TopKeys::default();
                while let Some(key) = map.next_key::<TopKey>()? {
                    k.count += 1;
                    match key {
                        TopKey::Version => k.version = true,
                        TopKey::Result => k.result_keys = true,
                        TopKey::Id => k.id = true,
                        TopKey::Other => {}
                    }
                    map.next_value::<IgnoredAny>()?;
                }
                Ok(k)
            }
        }
        d.deserialize_map(V)
    }
}

/// Reads JSON Lines, writes JSON Lines: each input object with `monthly`, `regime`
/// and `error` appended (the object's own text is kept as it is).
fn jsonl<R: BufRead, W: Write>(
    mut r: R,
    w: &mut W,
    lang: Lang,
    progress: &mut Progress,
) -> Result<(), Stop> {
    let mut raw: Vec<u8> = Vec::with_capacity(1024);
    let mut patched = String::with_capacity(1024);
    let mut line_no: u64 = 0;
    loop {
        raw.clear();
        let (read, too_long) = read_line(&mut r, &mut raw).map_err(|e| read_failed(&e))?;
        if read == 0 {
            break;
        }
        line_no += 1;
        if too_long {
            write_too_long(w, line_no, lang)?;
            progress.row(false);
            continue;
        }
        let text = std::str::from_utf8(&raw).map_err(|_| not_utf8(line_no))?;
        let mut line = text.trim_end_matches(['\n', '\r']);
        if line_no == 1 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.trim().is_empty() {
            continue;
        }
        let ok = jsonl_row(line, line_no, &mut patched, w, lang)?;
        progress.row(ok);
    }
    Ok(())
}

/// Reads one line into `buf` (at most [`MAX_RECORD`] bytes and its newline). Returns the bytes
/// consumed and whether the line was longer: then the rest of it is skipped, not kept.
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> io::Result<(usize, bool)> {
    let limit = MAX_RECORD as u64 + 1;
    let read = r.by_ref().take(limit).read_until(b'\n', buf)?;
    if read <= MAX_RECORD || buf.last() == Some(&b'\n') {
        return Ok((read, false));
    }
    buf.clear();
    let mut skipped = read;
    loop {
        let available = r.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|b| *b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                skipped += i + 1;
                break;
            }
            None => {
                let n = available.len();
                r.consume(n);
                skipped += n;
            }
        }
    }
    Ok((skipped, true))
}

/// The result of a line longer than [`MAX_RECORD`]: its number and the error, not its text.
fn write_too_long<W: Write>(w: &mut W, line_no: u64, lang: Lang) -> io::Result<()> {
    let mib = MAX_RECORD >> 20;
    let err = RowError::new(
        "line_too_long",
        None,
        lang,
        format!("Regel {line_no} is langer dan {mib} MiB; zo lang is geen huishouden. De regel is overgeslagen."),
        format!("Line {line_no} is longer than {mib} MiB; no household is that long. The line was skipped."),
    );
    write!(w, "{{\"line\":{line_no},")?;
    write_result(w, Err(&err))
}

/// The object's text without its top-level `id`, which is the batch's and not the contract's.
fn without_id(text: &str) -> serde_json::Result<String> {
    let members: Vec<(String, &serde_json::value::RawValue)> =
        serde_json::from_str::<Members>(text)?.0;
    let mut out = String::with_capacity(text.len());
    out.push('{');
    for (key, value) in members.iter().filter(|(k, _)| k != ID_COLUMN) {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(key)?);
        out.push(':');
        out.push_str(value.get());
    }
    out.push('}');
    Ok(out)
}

/// The members of a JSON object in order, duplicates kept (the contract then reports them).
struct Members<'a>(Vec<(String, &'a serde_json::value::RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Members<'a>, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'a>, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value()?));
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// One line: returns whether it gave an amount.
fn jsonl_row<W: Write>(
    line: &str,
    line_no: u64,
    patched: &mut String,
    w: &mut W,
    lang: Lang,
) -> io::Result<bool> {
    let body = line.trim();
    let keys = match serde_json::from_str::<TopKeys>(body) {
        Ok(k) => k,
        Err(e) => {
            let err = RowError::new(
                "invalid_json",
                None,
                lang,
                format!("Regel {line_no} is geen geldig JSON-object: {e}"),
                format!("Line {line_no} is not a valid JSON object: {e}"),
            );
            write_echo(w, line_no, line)?;
            write_result(w, Err(&err))?;
            return Ok(false);
        }
    };
    // A valid object ends with `}`; `open` is its text without it.
    let open = &body[..body.len() - 1];
    let text = if keys.version {
        body
    } else {
        // `version` may be left out: append it, so positions in messages stay right.
        patched.clear();
        patched.push_str(open);
        if keys.count > 0 {
            patched.push(',');
        }
        patched.push_str("\"version\":1}");
        patched.as_str()
    };
    let stripped;
    let text = if keys.id {
        stripped = without_id(text).unwrap_or_else(|_| text.to_string());
        stripped.as_str()
    } else {
        text
    };
    // The plain decoder is faster; only a bad row pays for the error with its path.
    let input = serde_json::from_str::<Input>(text).or_else(|_| Input::from_json(text));
    let result = input.and_then(|i| wlz_core::estimate(&i));
    let err = result.as_ref().err().map(|e| RowError::core(e, lang));
    let result = match (&result, &err) {
        (Ok(e), _) => Ok(e),
        (Err(_), Some(err)) => Err(err),
        (Err(_), None) => unreachable!("an error result has an error"),
    };
    if keys.result_keys {
        // Appending would repeat a key: echo the line as text instead.
        write_echo(w, line_no, line)?;
    } else {
        w.write_all(open.as_bytes())?;
        if keys.count > 0 {
            w.write_all(b",")?;
        }
    }
    write_result(w, result)?;
    Ok(result.is_ok())
}

/// `{"line":N,"input":"<raw line>",` for a line that cannot carry the result keys itself.
fn write_echo<W: Write>(w: &mut W, line_no: u64, line: &str) -> io::Result<()> {
    write!(w, "{{\"line\":{line_no},\"input\":")?;
    serde_json::to_writer(&mut *w, line)?;
    w.write_all(b",")
}

/// `"monthly":…,"regime":…,"error":…}` and the newline.
fn write_result<W: Write>(w: &mut W, result: Result<&Estimate, &RowError>) -> io::Result<()> {
    match result {
        Ok(e) => writeln!(
            w,
            "\"monthly\":\"{}\",\"regime\":\"{}\",\"error\":null}}",
            e.monthly,
            e.regime.name()
        ),
        Err(err) => {
            w.write_all(b"\"monthly\":null,\"regime\":null,\"error\":")?;
            serde_json::to_writer(&mut *w, err)?;
            w.write_all(b"}\n")
        }
    }
}

// ------------------------------------------------------------------ CSV

/// The free key of a JSON Lines row (the CSV `id` column): echoed, not estimated.
const ID_COLUMN: &str = "id";

/// A fatal error of the table (its header, an unclosed quote) as the CLI reports it.
fn table_error(e: TableError) -> CliError {
    CliError::new(
        Code::Cli(e.code),
        None,
        e.message.nl.into_owned(),
        e.message.en.into_owned(),
    )
}

/// `;` or `,`, from the first line of the input (`wlz_core::table::sniff_delimiter`).
fn sniff_delimiter<R: BufRead>(r: &mut R) -> Result<u8, CliError> {
    let buf = r.fill_buf().map_err(|e| read_failed(&e))?;
    Ok(table::sniff_delimiter(
        buf.split(|b| *b == b'\n').next().unwrap_or(&[]),
    ))
}

/// The input of the CSV parser, stopping a record that grows beyond [`MAX_RECORD`]: the parser
/// holds a record whole, and a quote that is never closed makes the rest of the file one record.
struct Bounded<R> {
    inner: R,
    /// The bytes handed to the parser: how many, and the last of them.
    tail: Rc<RefCell<Tail>>,
    /// Where the record being read starts (bytes into the input), set after each record.
    record_start: Rc<Cell<u64>>,
}

/// How many of the last bytes [`Tail`] keeps: the parser reads ahead by at most its buffer, so
/// the byte that ended the record just read is among them.
const TAIL: usize = 2 * BUFFER;

/// The bytes handed to the parser: their number, and the last [`TAIL`] of them by offset (to
/// see whether a record ended at a `\n`, for its line number).
struct Tail {
    read: u64,
    ring: Vec<u8>,
}

impl Tail {
    fn push(&mut self, data: &[u8]) {
        for chunk in data.chunks(TAIL) {
            let at = (self.read % TAIL as u64) as usize;
            let first = chunk.len().min(TAIL - at);
            self.ring[at..at + first].copy_from_slice(&chunk[..first]);
            self.ring[..chunk.len() - first].copy_from_slice(&chunk[first..]);
            self.read += chunk.len() as u64;
        }
    }

    /// The byte at `offset`, if it is among the last ones.
    fn at(&self, offset: u64) -> Option<u8> {
        (offset < self.read && self.read - offset <= TAIL as u64)
            .then(|| self.ring[(offset % TAIL as u64) as usize])
    }
}

/// The marker of the error [`Bounded`] raises.
#[derive(Debug)]
struct RecordTooLong;

impl fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("record too long")
    }
}

impl std::error::Error for RecordTooLong {}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // The parser reads ahead by at most its buffer: allow that on top of the limit.
        let limit = (MAX_RECORD + 2 * BUFFER) as u64;
        let read = self.tail.borrow().read;
        if read.saturating_sub(self.record_start.get()) > limit {
            return Err(io::Error::other(RecordTooLong));
        }
        let n = self.inner.read(buf)?;
        self.tail.borrow_mut().push(&buf[..n]);
        Ok(n)
    }
}

fn csv_batch<R: BufRead>(
    mut reader: R,
    target: Target,
    lang: Lang,
    progress: &mut Progress,
) -> Result<Target, Stop> {
    let delimiter = sniff_delimiter(&mut reader)?;
    let record_start = Rc::new(Cell::new(0));
    let tail = Rc::new(RefCell::new(Tail {
        read: 0,
        ring: vec![0; TAIL],
    }));
    let bounded = Bounded {
        inner: reader,
        tail: tail.clone(),
        record_start: record_start.clone(),
    };
    // The line where the record just read starts ([`table::csv_record_line`]).
    let line_of = |after: &csv::Position, cells: &[&str]| {
        let tail = tail.borrow();
        let byte = |back: u64| after.byte().checked_sub(back).and_then(|b| tail.at(b));
        table::csv_record_line(after.line(), byte(1), byte(2), cells)
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .buffer_capacity(BUFFER)
        .from_reader(bounded);
    let header = rdr.headers().map_err(|e| csv_read_error(&e, 1))?.clone();
    let names: Vec<&str> = header.iter().collect();
    let table = Header::read(&names, Unknown::Refuse).map_err(table_error)?;
    let echoed: Vec<usize> = table.echoed().collect();
    let mut wtr = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .buffer_capacity(BUFFER)
        .from_writer(target);
    let mut out_header: Vec<&str> = echoed.iter().map(|i| &header[*i]).collect();
    if let Some(first) = out_header.first_mut() {
        *first = first.trim_start_matches('\u{feff}');
    }
    out_header.extend(["monthly", "regime", "error"]);
    wtr.write_record(&out_header).map_err(csv_write_error)?;

    let unnamed: Vec<usize> = table.unnamed().collect();
    let mut unnamed_filled = vec![false; unnamed.len()];
    let mut record = csv::StringRecord::new();
    let mut monthly = String::with_capacity(16);
    let mut message = String::new();
    loop {
        let start = rdr.position().clone();
        record_start.set(start.byte());
        if !rdr
            .read_record(&mut record)
            .map_err(|e| csv_read_error(&e, start.line()))?
        {
            break;
        }
        let cells: Vec<&str> = record.iter().collect();
        let line = line_of(rdr.position(), &cells);
        for (filled, c) in unnamed_filled.iter_mut().zip(&unnamed) {
            *filled |= cells.get(*c).is_some_and(|v| !v.trim().is_empty());
        }
        if let Some(e) = table.swallowed(&cells, line) {
            return Err(Stop::Fatal(table_error(e)));
        }
        let result = table
            .estimate(&cells, line)
            .map_err(|e| RowError::table(e, lang));
        let (regime, ok) = match &result {
            Ok(e) => {
                monthly.clear();
                let _ = write!(monthly, "{}", e.monthly);
                message.clear();
                (e.regime.name(), true)
            }
            Err(err) => {
                monthly.clear();
                message.clear();
                let _ = write!(message, "[{}] {}", err.code.text(), err.message);
                ("", false)
            }
        };
        let echo = echoed.iter().map(|i| record.get(*i).unwrap_or(""));
        let added = [monthly.as_str(), regime, message.as_str()];
        wtr.write_record(echo.chain(added))
            .map_err(csv_write_error)?;
        progress.row(ok);
    }
    // Cells under a column without a name were not used: say so (on stderr, after the rows).
    let filled: Vec<usize> = unnamed
        .iter()
        .zip(&unnamed_filled)
        .filter(|(_, f)| **f)
        .map(|(c, _)| c + 1)
        .collect();
    if !filled.is_empty() {
        let note = table::unnamed_note(&filled);
        let word = if lang == Lang::Nl {
            "let op"
        } else {
            "warning"
        };
        let _ = writeln!(io::stderr(), "wlz-bijdrage: {word}: {}", note.get(lang));
    }
    wtr.flush().map_err(Stop::from)?;
    wtr.into_inner()
        .map_err(|e| Stop::from(io::Error::new(e.error().kind(), e.error().to_string())))
}

fn csv_read_error(e: &csv::Error, record_line: u64) -> CliError {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => not_utf8(pos.as_ref().map_or(0, |p| p.line())),
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|r| r.is::<RecordTooLong>()) => {
            let mib = MAX_RECORD >> 20;
            CliError::new(
                Code::Cli("invalid_csv"),
                None,
                format!(
                    "De rij die op regel {record_line} begint, is langer dan {mib} MiB. \
                     Meestal wordt daar een aanhalingsteken (\") niet gesloten. De batch is hier gestopt."
                ),
                format!(
                    "The row that starts on line {record_line} is longer than {mib} MiB. \
                     Usually a quote (\") there is never closed. The batch stopped here."
                ),
            )
        }
        _ => read_failed(e),
    }
}

fn csv_write_error(e: csv::Error) -> Stop {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Stop::from(io),
        other => Stop::from(io::Error::other(format!("{other:?}"))),
    }
}

// ------------------------------------------------------------------ progress

/// Rows done and rows per second on stderr, only when stderr is a terminal.
struct Progress {
    on: bool,
    lang: Lang,
    start: Instant,
    next: Instant,
    rows: u64,
    errors: u64,
}

impl Progress {
    const EVERY: Duration = Duration::from_millis(100);

    fn new(lang: Lang) -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            lang,
            start: now,
            next: now + Self::EVERY,
            rows: 0,
            errors: 0,
        }
    }

    fn row(&mut self, ok: bool) {
        self.rows += 1;
        self.errors += u64::from(!ok);
        if self.on {
            let now = Instant::now();
            if now >= self.next {
                self.next = now + Self::EVERY;
                let secs = (now - self.start).as_secs_f64().max(1e-9);
                let (rows, per) = match self.lang {
                    Lang::Nl => ("rijen", "rijen/s"),
                    Lang::En => ("rows", "rows/s"),
                };
                let rate = self.rows as f64 / secs;
                let _ = write!(
                    io::stderr(),
                    "\r\x1b[K{} {rows}, {rate:.0} {per}",
                    self.rows
                );
            }
        }
    }

    fn finish(&self) {
        if !self.on {
            return;
        }
        let secs = self.start.elapsed().as_secs_f64();
        let (rows, errors) = match self.lang {
            Lang::Nl => ("rijen", "fouten"),
            Lang::En => ("rows", "errors"),
        };
        let _ = writeln!(
            io::stderr(),
            "\r\x1b[K{} {rows}, {} {errors}, {secs:.2} s",
            self.rows,
            self.errors
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_jsonl(input: &str, lang: Lang) -> String {
        let mut out = Vec::new();
        let mut p = Progress::new(lang);
        p.on = false;
        assert!(jsonl(input.as_bytes(), &mut out, lang, &mut p).is_ok());
        String::from_utf8(out).expect("UTF-8 output")
    }

    #[test]
    fn keeps_the_object_text_and_appends_the_result() {
        let out = run_jsonl(
            "{\"year\":2026, \"client\":{\"age\":70,\"care\":\"vpt\",\"income\":38000,\"assets\":100000}}\r\n",
            Lang::En,
        );
        assert_eq!(
            out,
            "{\"year\":2026, \"client\":{\"age\":70,\"care\":\"vpt\",\"income\":38000,\"assets\":100000},\
             \"monthly\":\"337.68\",\"regime\":\"lage\",\"error\":null}\n"
        );
    }

    #[test]
    fn empty_objects_blank_lines_and_non_objects() {
        let out = run_jsonl("{}\n\n  \n[1]\n", Lang::En);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        let first: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
        assert_eq!(first["error"]["code"], "invalid_json");
        assert!(first.get("line").is_none());
        let second: serde_json::Value = serde_json::from_str(lines[1]).expect("JSON");
        assert_eq!(second["line"], 4);
        assert_eq!(second["input"], "[1]");
    }

    #[test]
    fn result_keys_in_the_input_are_not_repeated() {
        let out = run_jsonl(
            "{\"year\":2026,\"client\":{},\"monthly\":\"1\"}\n",
            Lang::Nl,
        );
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
        assert_eq!(v["line"], 1);
        assert_eq!(v["error"]["code"], "invalid_json");
        assert!(v["monthly"].is_null());
    }

    #[test]
    fn a_given_version_is_used() {
        let out = run_jsonl(
            "{\"version\":2,\"year\":2026,\"client\":{\"age\":70,\"care\":\"vpt\",\"income\":1}}\n",
            Lang::En,
        );
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
        assert_eq!(v["error"]["code"], "unsupported_version");
        assert_eq!(v["version"], 2);
    }
}
