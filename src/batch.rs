//! Batch building blocks shared by the CLI and a browser batch page: record splitting for CSV,
//! JSON Lines and JSON arrays that never loses a record, encoding detection, the header alias
//! table, CSV row → [`RawSituation`], and a formula-safe CSV writer for summary rows.
//!
//! Everything here is I/O-free: functions over `&[u8]` / `&str` and, for output,
//! `std::io::Write` (a `Vec<u8>` in the browser). It compiles for wasm32.
//!
//! # Record accounting
//! One input record gives exactly one output record. The splitters never fail: a record that
//! cannot be read becomes an error record in its place and reading resumes at the next line.
//!
//! * CSV ([`next_csv_record`]): RFC 4180 with `"` quoting; a quoted cell may contain commas,
//!   quotes (`""`) and line breaks. A quote that is not closed as CSV requires (a stray quote
//!   inside an unquoted cell, text after a closing quote, no closing quote within
//!   [`MAX_QUOTED_LINES`] lines / [`MAX_RECORD_BYTES`] bytes, or a multi-line record whose cell
//!   count differs from the header's) ends the record at the end of **its first line**:
//!   [`ErrorCode::UnbalancedQuote`], and the next record starts on the next line. Blank lines
//!   are not records.
//! * JSON Lines: each non-blank line is one record.
//! * JSON array ([`next_array_element`]): elements are found by bracket depth outside strings,
//!   so one bad element gives one error element; the array is read element by element.
//!
//! # Header aliases
//! [`HEADER_ALIASES`] maps Japanese column names (生年月日, 電子証明書有効期限 …) to contract
//! fields. `被保険者番号` (and `id`, `memberId`) is an **id column**: not a Situation field, it
//! is not validated and is copied to the `id` output column (formula-safe) so results can be
//! joined back to the member list.

use crate::assessment::{Assessment, Brief};
use crate::citation::Certainty;
use crate::error::{ErrorCode, InputError};
use crate::situation::{csv_cell, field_index, Builder, RawSituation, Situation, FIELDS};
use std::borrow::Cow;
use std::io::{self, Write};

mod job;
pub use job::{
    column_code, column_from_code, find_record_start, read_csv_header, BatchJob, BatchTallies,
    Consumed, HeaderRow, MessageLang, ROUTES,
};

/// A quoted CSV cell may run over at most this many lines before the quote counts as stray.
pub const MAX_QUOTED_LINES: usize = 16;
/// A CSV record (or JSON Lines line) longer than this is an error record (no real one is).
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Above this many buffered bytes without a CSV record or JSON Lines line end, the record is
/// cut as `tooLarge` (the CLI's stream and the batch page's [`BatchJob`] alike).
pub const MAX_PENDING: usize = 2 * MAX_RECORD_BYTES;
/// Above this many buffered bytes, a JSON value of an array or a concatenated stream that has
/// not ended is cut as `tooLarge`, and nothing after it is read (no record can follow sensibly).
pub const MAX_JSON_VALUE_BYTES: usize = 16 * 1024 * 1024;

/// Character encodings of CSV input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Shift_JIS as Japanese Windows / Excel writes it (CP932, WHATWG `Shift_JIS`).
    ShiftJis,
}

impl TextEncoding {
    /// Parses `utf-8` / `utf8` / `shift_jis` / `sjis` / `cp932` (case-insensitive).
    pub fn parse(s: &str) -> Option<TextEncoding> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "shift_jis" | "shift-jis" | "sjis" | "cp932" | "windows-31j" => {
                Some(TextEncoding::ShiftJis)
            }
            _ => None,
        }
    }

    /// The name used in messages: `utf-8` or `shift_jis`.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::ShiftJis => "shift_jis",
        }
    }
}

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Guesses the encoding from the first bytes of the input (say 64 KiB).
///
/// A UTF-8 BOM or valid UTF-8 means UTF-8. Otherwise, when the sample decodes as Shift_JIS
/// without error and holds fewer valid UTF-8 multi-byte characters than invalid sequences,
/// Shift_JIS. Anything else stays UTF-8, and its bad bytes give
/// [`ErrorCode::InvalidEncoding`] rows (one bad byte never turns a whole file into one error).
pub fn detect_encoding(sample: &[u8]) -> TextEncoding {
    if sample.starts_with(UTF8_BOM) {
        return TextEncoding::Utf8;
    }
    // Ignore a character cut at the end of the sample.
    let sample = match sample.iter().rposition(|&b| b == b'\n') {
        Some(i) if i + 1 < sample.len() => &sample[..=i],
        _ => sample,
    };
    let (valid_multibyte, invalid) = utf8_counts(sample);
    if invalid == 0 {
        return TextEncoding::Utf8;
    }
    let sjis_clean = encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(sample)
        .is_some();
    if sjis_clean && valid_multibyte < invalid {
        TextEncoding::ShiftJis
    } else {
        TextEncoding::Utf8
    }
}

/// (valid multi-byte UTF-8 characters, invalid sequences) in `bytes`.
fn utf8_counts(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                match e.error_len() {
                    Some(n) => {
                        invalid += 1;
                        bytes = &rest[n..];
                    }
                    None => return (valid, invalid), // cut at the end
                }
            }
        }
    }
}

/// Decodes one cell or line; `None` when it holds bytes invalid in `enc`.
pub fn decode(bytes: &[u8], enc: TextEncoding) -> Option<Cow<'_, str>> {
    match enc {
        TextEncoding::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        TextEncoding::ShiftJis => {
            encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Header mapping

/// What a CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The contract field `FIELDS[i]`.
    Field(usize),
    /// An id column (被保険者番号 …): copied to the `id` output column, not validated.
    Id,
    /// A name the contract does not know: every row reports it as
    /// [`ErrorCode::UnknownField`] (by position and hash, never by name).
    Unknown,
    /// An unknown column the caller chose to skip ([`CsvHeader::ignore_unknown`]): neither
    /// validated nor output (a member list's 氏名, 住所 …).
    Ignored,
}

/// Column names accepted besides the contract's own field names, defined once for the CLI
/// and the batch page. `None` marks an id column.
pub const HEADER_ALIASES: &[(&str, Option<&str>)] = &[
    ("基準日", Some("asOf")),
    ("判定日", Some("asOf")),
    ("生年月日", Some("birthDate")),
    ("保険証有効期限", Some("oldCardPrintedExpiry")),
    ("資格喪失日", Some("qualificationLostDate")),
    ("マイナンバーカード有効期限", Some("myNumberCardExpiry")),
    ("電子証明書有効期限", Some("ecertExpiry")),
    ("利用者証明用電子証明書有効期限", Some("ecertExpiry")),
    ("利用登録解除日", Some("registrationCancelledDate")),
    ("資格確認書有効期限", Some("shikakuKakuninshoExpiry")),
    ("被保険者番号", None),
    ("id", None),
    ("memberId", None),
];

/// Maps one header cell (trimmed) to its column.
pub fn map_header(name: &str) -> Column {
    let name = name.trim();
    if let Some(i) = field_index(name) {
        return Column::Field(i);
    }
    match HEADER_ALIASES.iter().find(|(alias, _)| *alias == name) {
        Some((_, Some(field))) => field_index(field).map_or(Column::Unknown, Column::Field),
        Some((_, None)) => Column::Id,
        None => Column::Unknown,
    }
}

/// A CSV header row, mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvHeader {
    /// One entry per header cell.
    pub columns: Vec<Column>,
    /// The cell names as written (kept only to build unknown-field errors; never output).
    names: Vec<String>,
}

impl CsvHeader {
    /// Maps decoded header cells.
    pub fn new<S: AsRef<str>>(cells: &[S]) -> CsvHeader {
        CsvHeader {
            columns: cells.iter().map(|c| map_header(c.as_ref())).collect(),
            names: cells
                .iter()
                .map(|c| c.as_ref().trim().to_string())
                .collect(),
        }
    }

    /// Skips the unknown columns instead of failing every row on them; returns their
    /// 1-based positions (for a notice; their names are never reported).
    pub fn ignore_unknown(&mut self) -> Vec<usize> {
        let mut skipped = Vec::new();
        for (i, c) in self.columns.iter_mut().enumerate() {
            if *c == Column::Unknown {
                *c = Column::Ignored;
                skipped.push(i + 1);
            }
        }
        skipped
    }

    /// Whether an id column is present (then the output has an `id` column).
    pub fn has_id(&self) -> bool {
        self.columns.contains(&Column::Id)
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// Whether the header has no column.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// One data row (decoded cells) → the raw record (or the error in its place) and the id
    /// cell, which is given even for an error row when the row has it. Missing trailing cells
    /// are not allowed: another cell count than the header's is
    /// [`ErrorCode::WrongColumnCount`] (an empty cell is written as nothing between commas).
    /// Every other problem is found by validation.
    pub fn row<'c>(
        &self,
        cells: &'c [Cow<'c, str>],
    ) -> (Result<RawSituation, InputError>, Option<&'c str>) {
        let id = self
            .columns
            .iter()
            .position(|c| *c == Column::Id)
            .and_then(|i| cells.get(i))
            .map(AsRef::as_ref);
        if cells.len() != self.columns.len() {
            return (Err(InputError::new(ErrorCode::WrongColumnCount, None)), id);
        }
        let mut names: Vec<&str> = Vec::with_capacity(self.columns.len());
        let mut values: Vec<&str> = Vec::with_capacity(self.columns.len());
        for (i, col) in self.columns.iter().enumerate() {
            let cell = cells.get(i).map_or("", |c| c.as_ref());
            match col {
                Column::Field(f) => {
                    names.push(FIELDS[*f].0);
                    values.push(cell);
                }
                Column::Id | Column::Ignored => {}
                Column::Unknown => {
                    // Position is the CSV column (1-based), whatever the id columns.
                    let e = InputError::unknown_field(i + 1, &self.names[i]);
                    return (Err(e), id);
                }
            }
        }
        (Ok(RawSituation::from_csv_row(&names, &values)), id)
    }

    /// One data row (decoded cells) straight to a validated [`Situation`] (or the error in
    /// its place) and the id cell: exactly [`row`](Self::row) followed by
    /// [`RawSituation::validate`] (the same error first, tested), without building an owned
    /// value per cell. The batch paths use this; `row` is kept for missing-field guidance,
    /// which needs the raw record.
    pub fn situation<'c, S: AsRef<str>>(
        &self,
        cells: &'c [S],
    ) -> (Result<Situation, InputError>, Option<&'c str>) {
        let id = self.id_cell(cells).map(AsRef::as_ref);
        (self.validate_cells(cells), id)
    }

    /// The id cell of a row, when the header has an id column and the row that cell.
    fn id_cell<'c, S>(&self, cells: &'c [S]) -> Option<&'c S> {
        self.columns
            .iter()
            .position(|c| *c == Column::Id)
            .and_then(|i| cells.get(i))
    }

    fn validate_cells<S: AsRef<str>>(&self, cells: &[S]) -> Result<Situation, InputError> {
        if cells.len() != self.columns.len() {
            return Err(InputError::new(ErrorCode::WrongColumnCount, None));
        }
        if let Some(i) = self.columns.iter().position(|c| *c == Column::Unknown) {
            return Err(InputError::unknown_field(i + 1, &self.names[i]));
        }
        let mut b = Builder::new(None);
        for (col, cell) in self.columns.iter().zip(cells) {
            if let Column::Field(f) = *col {
                b.set(f, csv_cell(FIELDS[f].1, cell.as_ref()))?;
            }
        }
        b.finish()
    }
}

// ---------------------------------------------------------------------------------------
// CSV record splitting

/// One CSV record found by [`next_csv_record`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvRecord {
    /// Bytes of the record without its line ending.
    pub len: usize,
    /// Bytes consumed (record + line ending); the next record starts there.
    pub consumed: usize,
    /// Physical lines consumed (≥ 1).
    pub lines: usize,
    /// `Some(UnbalancedQuote)` when the quote did not close: the record is the first line only.
    pub error: Option<ErrorCode>,
    /// True when the record is a blank line (not a record; skip it, count its line).
    pub blank: bool,
}

/// Finds the next CSV record at the start of `buf`.
///
/// `at_eof` says no more bytes follow `buf`; without it, `None` asks for more input.
/// `expected_cells` (the header's column count) lets a record that spans lines be checked:
/// a multi-line record with another cell count is a stray quote. Returns `None` also when
/// `buf` is empty.
pub fn next_csv_record(
    buf: &[u8],
    at_eof: bool,
    expected_cells: Option<usize>,
) -> Option<CsvRecord> {
    if buf.is_empty() {
        return None;
    }
    // Where the first physical line ends (for the stray-quote fallback).
    let first_line = |buf: &[u8]| -> Option<CsvRecord> {
        match buf.iter().position(|&b| b == b'\n') {
            Some(nl) => Some(CsvRecord {
                len: strip_cr(buf, nl),
                consumed: nl + 1,
                lines: 1,
                error: Some(ErrorCode::UnbalancedQuote),
                blank: false,
            }),
            None if at_eof => Some(CsvRecord {
                len: strip_cr(buf, buf.len()),
                consumed: buf.len(),
                lines: 1,
                error: Some(ErrorCode::UnbalancedQuote),
                blank: false,
            }),
            None => None,
        }
    };
    let mut i = 0;
    let mut cells = 1;
    let mut lines = 1;
    loop {
        // At the start of a cell.
        if buf.get(i) == Some(&b'"') {
            // Quoted cell.
            i += 1;
            loop {
                match buf[i.min(buf.len())..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\n')
                {
                    None => {
                        return if at_eof || buf.len() > MAX_RECORD_BYTES {
                            first_line(buf)
                        } else {
                            None
                        };
                    }
                    Some(off) => {
                        i += off;
                        if buf[i] == b'\n' {
                            lines += 1;
                            i += 1;
                            if lines > MAX_QUOTED_LINES || i > MAX_RECORD_BYTES {
                                return first_line(buf);
                            }
                            continue;
                        }
                        // A quote: doubled, or the end of the cell.
                        match buf.get(i + 1) {
                            Some(b'"') => i += 2,
                            None if !at_eof => return None,
                            _ => {
                                i += 1;
                                break;
                            }
                        }
                    }
                }
            }
            // After the closing quote: a comma, a line end or the end of input.
            match buf.get(i) {
                Some(b',') => {
                    cells += 1;
                    i += 1;
                    continue;
                }
                Some(b'\r') if buf.get(i + 1) == Some(&b'\n') => {
                    return finish(buf, i, i + 2, lines, cells, expected_cells, first_line)
                }
                Some(b'\r') if buf.len() == i + 1 && !at_eof => return None,
                Some(b'\n') => {
                    return finish(buf, i, i + 1, lines, cells, expected_cells, first_line)
                }
                None if at_eof => {
                    return finish(buf, i, i, lines, cells, expected_cells, first_line)
                }
                None => return None,
                Some(_) => return first_line(buf),
            }
        }
        // An unquoted cell.
        match buf[i..]
            .iter()
            .position(|&b| b == b',' || b == b'\n' || b == b'"')
        {
            None => {
                if !at_eof {
                    return if buf.len() > MAX_RECORD_BYTES {
                        // An endless line: one error record for what is there.
                        Some(CsvRecord {
                            len: buf.len(),
                            consumed: buf.len(),
                            lines: 1,
                            error: Some(ErrorCode::TooLarge),
                            blank: false,
                        })
                    } else {
                        None
                    };
                }
                let end = buf.len();
                return finish(
                    buf,
                    strip_cr(buf, end),
                    end,
                    lines,
                    cells,
                    expected_cells,
                    first_line,
                );
            }
            Some(off) => {
                i += off;
                match buf[i] {
                    b',' => {
                        cells += 1;
                        i += 1;
                    }
                    b'\n' => {
                        return finish(
                            buf,
                            strip_cr(buf, i),
                            i + 1,
                            lines,
                            cells,
                            expected_cells,
                            first_line,
                        )
                    }
                    _ => return first_line(buf), // a quote inside an unquoted cell
                }
            }
        }
    }
}

fn finish(
    buf: &[u8],
    len: usize,
    consumed: usize,
    lines: usize,
    cells: usize,
    expected: Option<usize>,
    first_line: impl Fn(&[u8]) -> Option<CsvRecord>,
) -> Option<CsvRecord> {
    if lines > 1 && expected.is_some_and(|e| e != cells) {
        return first_line(buf);
    }
    if len > MAX_RECORD_BYTES {
        return Some(CsvRecord {
            len,
            consumed,
            lines,
            error: Some(ErrorCode::TooLarge),
            blank: false,
        });
    }
    Some(CsvRecord {
        len,
        consumed,
        lines,
        error: None,
        blank: len == 0,
    })
}

/// Length of `buf[..end]` without a trailing `\r`.
fn strip_cr(buf: &[u8], end: usize) -> usize {
    if end > 0 && buf[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Splits one record (as returned by [`next_csv_record`], without its line ending) into raw
/// cells, unquoting `"…"` and `""`. Cells are byte slices, still to be decoded.
pub fn split_cells<'a>(record: &'a [u8], out: &mut Vec<Cow<'a, [u8]>>) {
    out.clear();
    let mut i = 0;
    loop {
        if record.get(i) == Some(&b'"') {
            let start = i + 1;
            let mut j = start;
            let mut owned: Option<Vec<u8>> = None;
            while j < record.len() {
                if record[j] == b'"' {
                    if record.get(j + 1) == Some(&b'"') {
                        let o = owned.get_or_insert_with(|| record[start..j].to_vec());
                        o.push(b'"');
                        j += 2;
                        continue;
                    }
                    break;
                }
                if let Some(o) = owned.as_mut() {
                    o.push(record[j]);
                }
                j += 1;
            }
            out.push(match owned {
                Some(o) => Cow::Owned(o),
                None => Cow::Borrowed(&record[start..j.min(record.len())]),
            });
            // Skip the closing quote; the splitter guaranteed a comma or the end follows.
            i = j + 1;
            match record.get(i) {
                Some(b',') => i += 1,
                _ => return,
            }
        } else {
            match record[i.min(record.len())..]
                .iter()
                .position(|&b| b == b',')
            {
                Some(off) => {
                    out.push(Cow::Borrowed(&record[i..i + off]));
                    i += off + 1;
                }
                None => {
                    out.push(Cow::Borrowed(&record[i.min(record.len())..]));
                    return;
                }
            }
        }
    }
}

/// Decodes the cells of one record; `None` when any holds bytes invalid in `enc`.
pub fn decode_cells<'a>(
    cells: &'a [Cow<'a, [u8]>],
    enc: TextEncoding,
) -> Option<Vec<Cow<'a, str>>> {
    cells.iter().map(|c| decode(c, enc)).collect()
}

/// A whole CSV data record → the raw record (or the error in its place) and its id cell
/// (owned). `pre` is the splitter's error, if any: [`ErrorCode::UnbalancedQuote`] /
/// [`ErrorCode::TooLarge`]; then come [`ErrorCode::InvalidEncoding`],
/// [`ErrorCode::WrongColumnCount`] and unknown columns.
pub fn csv_record_to_raw(
    header: &CsvHeader,
    record: &[u8],
    pre: Option<ErrorCode>,
    enc: TextEncoding,
) -> (Result<RawSituation, InputError>, Option<String>) {
    if let Some(code) = pre {
        return (Err(InputError::new(code, None)), None);
    }
    let mut cells = Vec::with_capacity(header.len());
    split_cells(record, &mut cells);
    let Some(decoded) = decode_cells(&cells, enc) else {
        return (Err(InputError::new(ErrorCode::InvalidEncoding, None)), None);
    };
    let (raw, id) = header.row(&decoded);
    (raw, id.map(str::to_string))
}

/// A CSV data record straight to a validated [`Situation`] (or the error in its place) and
/// its id cell: [`csv_cells_to_situation`] on the record's cells (`cells` is scratch space,
/// reused from record to record). A UTF-8 record without quotes is split as text, with one
/// UTF-8 check for the whole record instead of one per cell.
pub fn csv_record_to_situation<'c: 'v, 'v>(
    header: &CsvHeader,
    record: &'c [u8],
    pre: Option<ErrorCode>,
    enc: TextEncoding,
    cells: &'v mut Vec<Cow<'c, [u8]>>,
) -> (Result<Situation, InputError>, Option<Cow<'v, str>>) {
    if pre.is_none() && enc == TextEncoding::Utf8 && !record.contains(&b'"') {
        if let Ok(text) = std::str::from_utf8(record) {
            let mut text_cells: Vec<&str> = Vec::with_capacity(header.len());
            // A plain byte loop (`str::split` was 170 instructions a cell); a comma is ASCII,
            // so every cell boundary is a character boundary.
            let mut start = 0;
            for (i, b) in text.bytes().enumerate() {
                if b == b',' {
                    text_cells.push(text.get(start..i).unwrap_or(""));
                    start = i + 1;
                }
            }
            text_cells.push(text.get(start..).unwrap_or(""));
            let id = header.id_cell(&text_cells).map(|t| Cow::Borrowed(*t));
            return (header.validate_cells(&text_cells), id);
        }
    }
    split_cells(record, cells);
    csv_cells_to_situation(header, cells, pre, enc)
}

/// A CSV data record already split into `cells` ([`split_cells`]) straight to a validated
/// [`Situation`] (or the error in its place) and its id cell: the same answer as
/// [`csv_record_to_raw`] followed by [`RawSituation::validate`] (tested), without an owned
/// value per cell — for UTF-8 input nothing is allocated but the Situation's document list.
pub fn csv_cells_to_situation<'c>(
    header: &CsvHeader,
    cells: &'c [Cow<'c, [u8]>],
    pre: Option<ErrorCode>,
    enc: TextEncoding,
) -> (Result<Situation, InputError>, Option<Cow<'c, str>>) {
    if let Some(code) = pre {
        return (Err(InputError::new(code, None)), None);
    }
    let invalid = || (Err(InputError::new(ErrorCode::InvalidEncoding, None)), None);
    match enc {
        TextEncoding::Utf8 => {
            // Every cell is checked before anything else is (as `decode_cells` does).
            let mut text: Vec<&str> = Vec::with_capacity(cells.len());
            for c in cells {
                match std::str::from_utf8(c) {
                    Ok(t) => text.push(t),
                    Err(_) => return invalid(),
                }
            }
            let id = header.id_cell(&text).map(|t| Cow::Borrowed(*t));
            (header.validate_cells(&text), id)
        }
        TextEncoding::ShiftJis => {
            let Some(decoded) = decode_cells(cells, enc) else {
                return invalid();
            };
            let (sit, id) = header.situation(&decoded);
            (sit, id.map(|i| Cow::Owned(i.to_string())))
        }
    }
}

// ---------------------------------------------------------------------------------------
// JSON

/// One JSON Lines line (or array element) → a raw record. Native only: the browser parses
/// JSON itself.
///
/// # Errors
/// [`ErrorCode::InvalidEncoding`] for bytes that are not UTF-8, [`ErrorCode::TooLarge`] over
/// [`MAX_RECORD_BYTES`], [`ErrorCode::MalformedInput`] for a syntax error.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_record_to_raw(bytes: &[u8]) -> Result<RawSituation, InputError> {
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(InputError::new(ErrorCode::TooLarge, None));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| InputError::new(ErrorCode::InvalidEncoding, None))?;
    serde_json::from_str::<RawSituation>(text)
        .map_err(|_| InputError::new(ErrorCode::MalformedInput, None))
}

/// One JSON Lines line (or array element) straight to a validated [`Situation`], without an
/// owned value per field — only for the common case: an object with contract names, strings
/// without escapes, lists of such strings, that validates. `None` otherwise: the caller then
/// takes [`json_record_to_raw`] and [`RawSituation::validate`], which give every error (the
/// answer is the same whenever this one is `Some`; tested in `tests/csv_fast_path.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_record_to_situation(bytes: &[u8]) -> Option<Situation> {
    if bytes.len() > MAX_RECORD_BYTES {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    serde_json::from_str::<direct_json::Direct>(text)
        .ok()
        .and_then(|d| d.0)
}

/// The borrowed JSON reader of [`json_record_to_situation`]: any shape it does not take
/// (escapes, numbers, nested values, unknown names, an invalid value) ends it with `None`.
#[cfg(not(target_arch = "wasm32"))]
mod direct_json {
    use crate::situation::{field_index, Builder, FieldRef, Situation};
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    pub(super) struct Direct(pub(super) Option<Situation>);

    /// A string borrowed from the input (`None`: it had escapes).
    struct Text<'de>(Option<&'de str>);

    /// A value as the direct reader takes it.
    enum Value<'de> {
        Null,
        Bool(bool),
        Str(&'de str),
        List(Vec<&'de str>),
        /// Anything else: the reference path decides.
        Other,
    }

    impl<'de> Deserialize<'de> for Direct {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(DirectVisitor)
        }
    }

    struct DirectVisitor;

    impl<'de> Visitor<'de> for DirectVisitor {
        type Value = Direct;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a Situation object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Direct, A::Error> {
            let mut b = Builder::new(None);
            while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
                let Some(idx) = key.and_then(field_index) else {
                    return Ok(Direct(None));
                };
                let set = match map.next_value::<Value<'de>>()? {
                    Value::Null => b.set(idx, FieldRef::Null),
                    Value::Bool(v) => b.set(idx, FieldRef::Bool(v)),
                    Value::Str(v) => b.set(idx, FieldRef::Str(v)),
                    Value::List(items) => b.set(idx, FieldRef::Strs(&items)),
                    Value::Other => return Ok(Direct(None)),
                };
                if set.is_err() {
                    return Ok(Direct(None));
                }
            }
            Ok(Direct(b.finish().ok()))
        }
    }

    impl<'de> Deserialize<'de> for Text<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(TextVisitor)
        }
    }

    struct TextVisitor;

    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Text<'de>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
            Ok(Text(Some(v)))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Text<'de>, E> {
            Ok(Text(None))
        }
    }

    impl<'de> Deserialize<'de> for Value<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
    }

    struct ValueVisitor;

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = Value<'de>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any value")
        }
        fn visit_unit<E>(self) -> Result<Value<'de>, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value<'de>, E> {
            Ok(Value::Null)
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value<'de>, E> {
            Ok(Value::Bool(v))
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Value<'de>, E> {
            Ok(Value::Str(v))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Value<'de>, E> {
            Ok(Value::Other)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Value<'de>, E> {
            Ok(Value::Other)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Value<'de>, E> {
            Ok(Value::Other)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Value<'de>, E> {
            Ok(Value::Other)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
            let mut items = Vec::new();
            while let Some(Text(t)) = seq.next_element::<Text<'de>>()? {
                match t {
                    // More than any valid list: the reference path reports it.
                    Some(t) if items.len() < 65 => items.push(t),
                    _ => return Ok(Value::Other),
                }
            }
            Ok(Value::List(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Value<'de>, A::Error> {
            Ok(Value::Other)
        }
    }
}

/// End (exclusive) of the JSON value starting at `buf[0]` (an object or array: by bracket
/// depth outside strings; a scalar: up to the next white space, comma or closing bracket).
/// `None` when the value does not end within `buf`.
pub fn json_value_end(buf: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut esc = false;
    for (i, &b) in buf.iter().enumerate() {
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth <= 1 {
                    return Some(i + 1);
                }
                depth -= 1;
            }
            b' ' | b'\t' | b'\r' | b'\n' | b',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// One step of reading a JSON array element by element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrayStep {
    /// An element at `buf[start..end]`; continue at `next`.
    Element {
        /// first byte of the element
        start: usize,
        /// end of the element (exclusive, trailing white space removed)
        end: usize,
        /// where the next step starts
        next: usize,
    },
    /// The closing `]` is at `buf[at]`.
    End {
        /// position of `]`
        at: usize,
    },
}

/// Finds the next element of an array from `buf[0]`, which is just after `[` or after the
/// comma that ended the previous element. Elements are delimited by a comma or `]` at depth
/// 0 outside strings, so a syntax error inside one element stays in that element. `None`:
/// more input is needed (or, at the end of input, the array is unterminated).
pub fn next_array_element(buf: &[u8]) -> Option<ArrayStep> {
    let start = buf.iter().position(|b| !b.is_ascii_whitespace())?;
    if buf[start] == b']' {
        return Some(ArrayStep::End { at: start });
    }
    let mut depth = 0usize;
    let mut in_str = false;
    let mut esc = false;
    for (i, &b) in buf.iter().enumerate().skip(start) {
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' => {
                let end = trim_end(buf, start, i);
                // `]` ends the element and the array: leave it for the next step.
                return Some(ArrayStep::Element {
                    start,
                    end,
                    next: i,
                });
            }
            b',' if depth == 0 => {
                return Some(ArrayStep::Element {
                    start,
                    end: trim_end(buf, start, i),
                    next: i + 1,
                })
            }
            _ => {}
        }
    }
    None
}

fn trim_end(buf: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && buf[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

// ---------------------------------------------------------------------------------------
// CSV output

/// The summary columns of CONTRACT.md, in order (the batch CSV's columns).
pub const SUMMARY_COLUMNS: &[&str] = &[
    "oldCardValid",
    "oldCardValidUntil",
    "oldCardProvisionalAcceptance",
    "mynahokenshoUsable",
    "mynahokenshoUsableUntil",
    "kakuninshoValid",
    "kakuninshoRoute",
    "documentsToShow",
    "copay",
    "fullCostRisk",
];

/// Columns after the summary: the weakest certainty, warning codes, and the error columns.
pub const TRAILING_COLUMNS: &[&str] = &[
    "certainty",
    "warnings",
    "errorCode",
    "errorField",
    "errorMessage",
];

/// Writes the CSV header: `line`, `id` (when the input has an id column), the summary
/// columns and [`TRAILING_COLUMNS`].
///
/// # Errors
/// Only the writer's.
pub fn write_csv_header<W: Write>(w: &mut W, with_id: bool) -> io::Result<()> {
    w.write_all(b"line")?;
    if with_id {
        w.write_all(b",id")?;
    }
    for c in SUMMARY_COLUMNS.iter().chain(TRAILING_COLUMNS) {
        w.write_all(b",")?;
        w.write_all(c.as_bytes())?;
    }
    w.write_all(b"\r\n")
}

/// Writes one cell, safe to open in a spreadsheet (OWASP CSV injection):
/// * a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`;
/// * control characters (U+0000–U+001F, U+007F) are written as `\u{XX}` text, so no raw tab,
///   line break or escape sequence ever reaches the file;
/// * a cell with a comma, a quote, or leading / trailing space is quoted, `"` doubled.
///
/// # Errors
/// Only the writer's.
pub fn write_cell<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    let neutralise = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let has_ctrl = s.bytes().any(|b| b < 0x20 || b == 0x7f);
    let needs_quotes =
        s.contains([',', '"']) || s.starts_with(' ') || s.ends_with(' ') || neutralise || has_ctrl;
    if !needs_quotes {
        return w.write_all(s.as_bytes());
    }
    w.write_all(b"\"")?;
    if neutralise {
        w.write_all(b"'")?;
    }
    for ch in s.chars() {
        match ch {
            '"' => w.write_all(b"\"\"")?,
            c if (c as u32) < 0x20 || c as u32 == 0x7f => write!(w, "\\u{{{:02X}}}", c as u32)?,
            c => {
                let mut b = [0u8; 4];
                w.write_all(c.encode_utf8(&mut b).as_bytes())?;
            }
        }
    }
    w.write_all(b"\"")
}

fn write_opt_bool<W: Write>(w: &mut W, b: Option<bool>) -> io::Result<()> {
    match b {
        Some(true) => w.write_all(b"true"),
        Some(false) => w.write_all(b"false"),
        None => Ok(()),
    }
}

fn write_opt_date<W: Write>(w: &mut W, d: Option<crate::dates::NaiveDate>) -> io::Result<()> {
    match d.map(|d| (d, crate::dates::iso_bytes(d))) {
        Some((_, Some(b))) => w.write_all(&b),
        Some((d, None)) => w.write_all(crate::dates::format_iso(d).as_bytes()),
        None => Ok(()),
    }
}

/// Writes a line number in decimal (without the formatting machinery: once per row).
fn write_line<W: Write>(w: &mut W, mut n: u64) -> io::Result<()> {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    w.write_all(&buf[at..])
}

fn certainty_str(c: Certainty) -> &'static str {
    match c {
        Certainty::Verified => "verified",
        Certainty::InsurerDependent => "insurerDependent",
        Certainty::SourcesDisagree => "sourcesDisagree",
        Certainty::Unverified => "unverified",
    }
}

fn write_prefix<W: Write>(w: &mut W, line: u64, id: Option<Option<&str>>) -> io::Result<()> {
    write_line(w, line)?;
    if let Some(id) = id {
        w.write_all(b",")?;
        write_cell(w, id.unwrap_or(""))?;
    }
    Ok(())
}

/// Writes one result row: `line`, `id` (when `id` is `Some`: the input has an id column),
/// the summary, certainty, warning codes (joined by `;`) and three empty error cells.
///
/// # Errors
/// Only the writer's.
pub fn write_summary_row<W: Write>(
    w: &mut W,
    line: u64,
    id: Option<Option<&str>>,
    a: &Assessment,
) -> io::Result<()> {
    write_row(w, line, id, &a.summary, a.certainty, &a.warnings)
}

/// [`write_summary_row`] from a summary-only evaluation ([`crate::assess_brief_with_pack`]):
/// the same row.
///
/// # Errors
/// Only the writer's.
pub fn write_brief_row<W: Write>(
    w: &mut W,
    line: u64,
    id: Option<Option<&str>>,
    b: &Brief,
) -> io::Result<()> {
    write_row(w, line, id, &b.summary, b.certainty, &b.warnings)
}

fn write_row<W: Write>(
    w: &mut W,
    line: u64,
    id: Option<Option<&str>>,
    s: &crate::Summary,
    certainty: Certainty,
    warnings: &[crate::assessment::Warning],
) -> io::Result<()> {
    write_prefix(w, line, id)?;
    w.write_all(b",")?;
    write_opt_bool(w, s.old_card_valid)?;
    w.write_all(b",")?;
    write_opt_date(w, s.old_card_valid_until)?;
    w.write_all(b",")?;
    write_opt_bool(w, s.old_card_provisional_acceptance)?;
    w.write_all(b",")?;
    write_opt_bool(w, Some(s.mynahokensho_usable))?;
    w.write_all(b",")?;
    write_opt_date(w, s.mynahokensho_usable_until)?;
    w.write_all(b",")?;
    write_opt_bool(w, Some(s.kakuninsho_valid))?;
    w.write_all(b",")?;
    w.write_all(route_str(s.kakuninsho_route).as_bytes())?;
    w.write_all(b",")?;
    for (i, d) in s.documents_to_show.iter().enumerate() {
        if i > 0 {
            w.write_all(b";")?;
        }
        w.write_all(d.as_str().as_bytes())?;
    }
    w.write_all(b",")?;
    w.write_all(copay_str(s.copay).as_bytes())?;
    w.write_all(b",")?;
    write_opt_bool(w, Some(s.full_cost_risk))?;
    w.write_all(b",")?;
    w.write_all(certainty_str(certainty).as_bytes())?;
    w.write_all(b",")?;
    for (i, warn) in warnings.iter().enumerate() {
        if i > 0 {
            w.write_all(b";")?;
        }
        w.write_all(warn.code.as_str().as_bytes())?;
    }
    w.write_all(b",,,\r\n")
}

/// Writes one error row in a record's place: `line`, `id`, empty summary cells, the code, the
/// field (a contract name or `#position:hash`) and `message`, all formula-safe.
///
/// # Errors
/// Only the writer's.
pub fn write_error_row<W: Write>(
    w: &mut W,
    line: u64,
    id: Option<Option<&str>>,
    e: &InputError,
    message: &str,
) -> io::Result<()> {
    write_prefix(w, line, id)?;
    for _ in 0..SUMMARY_COLUMNS.len() + 2 {
        w.write_all(b",")?;
    }
    w.write_all(b",")?;
    write_cell(w, e.code.as_str())?;
    w.write_all(b",")?;
    write_cell(w, e.field.as_deref().unwrap_or(""))?;
    w.write_all(b",")?;
    write_cell(w, message)?;
    w.write_all(b"\r\n")
}

fn route_str(r: crate::KakuninshoRoute) -> &'static str {
    match r {
        crate::KakuninshoRoute::NotYet => "notYet",
        crate::KakuninshoRoute::Automatic => "automatic",
        crate::KakuninshoRoute::Application => "application",
        crate::KakuninshoRoute::NotNeeded => "notNeeded",
    }
}

fn copay_str(c: crate::Copay) -> &'static str {
    match c {
        crate::Copay::Normal => "normal",
        crate::Copay::NormalIfOnlineConfirmed => "normalIfOnlineConfirmed",
        crate::Copay::FullCostPossible => "fullCostPossible",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8], expected: Option<usize>) -> Vec<(String, Option<ErrorCode>, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(r) = next_csv_record(&input[at..], true, expected) {
            if !r.blank {
                out.push((
                    String::from_utf8_lossy(&input[at..at + r.len]).into_owned(),
                    r.error,
                    r.lines,
                ));
            }
            at += r.consumed;
        }
        out
    }

    #[test]
    fn a_stray_quote_ends_at_its_line_and_reading_resumes_on_the_next() {
        let got = records(b"a,b\n1,\"x\n2,y\n3,z\n", Some(2));
        assert_eq!(
            got,
            [
                ("a,b".into(), None, 1),
                ("1,\"x".into(), Some(ErrorCode::UnbalancedQuote), 1),
                ("2,y".into(), None, 1),
                ("3,z".into(), None, 1),
            ]
        );
        let got = records(b"1,x\"y\n2,y", Some(2));
        assert_eq!(got[0].1, Some(ErrorCode::UnbalancedQuote));
        assert_eq!(got[1], ("2,y".into(), None, 1));
        let got = records(b"1,\"x\"y\n2,y\r\n", Some(2));
        assert_eq!(got[0].1, Some(ErrorCode::UnbalancedQuote));
        assert_eq!(got[1], ("2,y".into(), None, 1));
    }

    #[test]
    fn quoted_commas_quotes_and_line_breaks_stay_in_one_record() {
        let input = b"\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,1,2\n";
        let got = records(input, Some(3));
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].1, got[0].2), (None, 2));
        let mut cells = Vec::new();
        let rec = next_csv_record(input, true, Some(3)).expect("record");
        split_cells(&input[..rec.len], &mut cells);
        let cells: Vec<&[u8]> = cells.iter().map(AsRef::as_ref).collect();
        assert_eq!(cells, [&b"a,b"[..], b"say \"hi\"", b"two\r\nlines"]);
    }

    #[test]
    fn a_multi_line_record_with_the_wrong_cell_count_is_a_stray_quote() {
        let got = records(b"1,\"x\n2,y\"\n3,z\n", Some(2));
        // Joined, "1" + "x\n2,y" is two cells: fine. With three expected it is not.
        assert_eq!(got.len(), 2);
        let got = records(b"1,\"x\n2,y\",w\n3,z\n", Some(2));
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1, Some(ErrorCode::UnbalancedQuote));
    }

    #[test]
    fn incomplete_input_asks_for_more_unless_at_eof() {
        assert_eq!(next_csv_record(b"1,2", false, None), None);
        assert_eq!(next_csv_record(b"1,\"2\n", false, None), None);
        assert!(next_csv_record(b"1,2", true, None).is_some());
    }

    #[test]
    fn formula_cells_are_neutralised_and_control_characters_escaped() {
        let cell = |s: &str| {
            let mut v = Vec::new();
            write_cell(&mut v, s).expect("vec");
            String::from_utf8(v).expect("utf8")
        };
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-1"), "\"'-1\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("\tx"), "\"'\\u{09}x\"");
        assert_eq!(cell("\rx"), "\"'\\u{0D}x\"");
        assert_eq!(cell("a\x1bb"), "\"a\\u{1B}b\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn header_aliases_map_japanese_names_and_the_id_column() {
        assert_eq!(
            map_header("生年月日"),
            Column::Field(field_index("birthDate").unwrap_or(99))
        );
        assert_eq!(
            map_header(" 電子証明書有効期限 "),
            Column::Field(field_index("ecertExpiry").unwrap_or(99))
        );
        assert_eq!(map_header("被保険者番号"), Column::Id);
        assert_eq!(map_header("氏名"), Column::Unknown);
        for (alias, target) in HEADER_ALIASES {
            if let Some(t) = target {
                assert!(
                    field_index(t).is_some(),
                    "{alias} → {t} is a contract field"
                );
            }
        }
    }

    #[test]
    fn shift_jis_is_detected_and_utf8_with_a_few_bad_bytes_is_not() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("生年月日,asOf\n1950-01-01,2026-01-01\n");
        assert_eq!(detect_encoding(&sjis), TextEncoding::ShiftJis);
        assert_eq!(
            detect_encoding("生年月日,asOf\n".as_bytes()),
            TextEncoding::Utf8
        );
        assert_eq!(
            detect_encoding(b"asOf\n\xff\n2026-01-01\n"),
            TextEncoding::Utf8
        );
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFasOf\n"), TextEncoding::Utf8);
    }

    #[test]
    fn array_elements_are_found_by_depth_outside_strings() {
        let buf = br#" {"a":"],"} , {bad json}, 5 ]"#;
        let mut at = 0;
        let mut elems = Vec::new();
        loop {
            match next_array_element(&buf[at..]) {
                Some(ArrayStep::Element { start, end, next }) => {
                    elems.push(String::from_utf8_lossy(&buf[at + start..at + end]).into_owned());
                    at += next;
                }
                Some(ArrayStep::End { .. }) => break,
                None => panic!("unterminated"),
            }
        }
        assert_eq!(elems, [r#"{"a":"],"}"#, "{bad json}", "5"]);
    }
}
