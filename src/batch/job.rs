//! The batch page's chunk API: the CLI's CSV path (`src/bin/hoken-check/stream.rs`, CSV
//! input → CSV summary rows) over slices of a file, so that a Web Worker produces exactly the
//! bytes the CLI writes for the same rows.
//!
//! A [`BatchJob`] holds the mapped header, the encoding, an optional fixed as-of date and an
//! optional insurer pack. [`BatchJob::process`] consumes whole records from the start of a
//! buffer (never past `stop`), writes one result row per record into `out` (and every error
//! row, also into `errors`) and says how many bytes and lines it consumed; the caller keeps the
//! unconsumed tail and appends the next slice of the file.
//!
//! A worker that starts in the middle of a file guesses where a record starts with
//! [`find_record_start`]; the guess is checked by the caller (the worker before it must end
//! exactly there), because a line break inside a quoted cell cannot be told from a record end
//! by looking at a few lines.

use super::{
    csv_record_to_situation, next_csv_record, split_cells, write_brief_row, write_csv_header,
    write_error_row, Column, CsvHeader, TextEncoding, MAX_PENDING,
};
use crate::error::{ErrorCode, InputError};
use crate::pack::Pack;
use crate::situation::{field_index, FIELDS};
use crate::{Brief, KakuninshoRoute};
use chrono::Datelike;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The [`KakuninshoRoute`] values in the order of [`BatchTallies::routes`].
pub const ROUTES: [&str; 4] = ["notYet", "automatic", "application", "notNeeded"];

/// Language of the `errorMessage` column (the CLI's `--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageLang {
    /// 日本語 (the CLI's default).
    Ja,
    /// English.
    En,
}

/// Counts over the rows processed, for the batch page's summary and charts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchTallies {
    /// Rows out (= records in).
    pub rows: u64,
    /// Error rows among them.
    pub errors: u64,
    /// Rows by `kakuninshoRoute`, in the order of [`ROUTES`].
    pub routes: [u64; 4],
    /// Error rows by code, in the order of [`ErrorCode::ALL`].
    pub error_codes: Vec<u64>,
    /// Rows by the month (`yyyy * 100 + mm`) of `mynahokenshoUsableUntil`, when there is one.
    pub usable_until: BTreeMap<u32, u64>,
    /// Rows that need a 資格確認書 sent now: not holding a valid one, and either on the
    /// `automatic` route on `asOf` or with マイナ保険証 usability ending in `asOf`'s month.
    pub send_now: u64,
}

impl BatchTallies {
    /// One row: its summary and as-of date, or its error.
    fn count(&mut self, r: &Result<(Brief, crate::dates::NaiveDate), InputError>) {
        self.rows += 1;
        match r {
            Ok((b, as_of)) => {
                let s = &b.summary;
                let route = match s.kakuninsho_route {
                    KakuninshoRoute::NotYet => 0,
                    KakuninshoRoute::Automatic => 1,
                    KakuninshoRoute::Application => 2,
                    KakuninshoRoute::NotNeeded => 3,
                };
                self.routes[route] += 1;
                let until = s.mynahokensho_usable_until;
                if let Some(d) = until {
                    *self.usable_until.entry(month_key(d)).or_insert(0) += 1;
                }
                let ends_this_month = until.is_some_and(|d| month_key(d) == month_key(*as_of));
                if !s.kakuninsho_valid
                    && (s.kakuninsho_route == KakuninshoRoute::Automatic || ends_this_month)
                {
                    self.send_now += 1;
                }
            }
            Err(e) => {
                self.errors += 1;
                if let Some(i) = ErrorCode::ALL.iter().position(|c| *c == e.code) {
                    if self.error_codes.len() < ErrorCode::ALL.len() {
                        self.error_codes.resize(ErrorCode::ALL.len(), 0);
                    }
                    self.error_codes[i] += 1;
                }
            }
        }
    }
}

fn month_key(d: crate::dates::NaiveDate) -> u32 {
    u32::try_from(d.year()).unwrap_or(0) * 100 + d.month()
}

/// How much one [`BatchJob::process`] call consumed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Consumed {
    /// Bytes consumed from the start of the buffer (whole records and blank lines).
    pub bytes: usize,
    /// Line breaks among them (add to the line number of the next call).
    pub lines: u64,
    /// Records written (= rows out).
    pub records: u64,
}

/// One batch run over CSV data rows (the header already read): see the module docs.
#[derive(Debug, Clone)]
pub struct BatchJob {
    header: CsvHeader,
    /// The header the rows are validated against: `header`, plus an `asOf` column at the end
    /// when `as_of` is appended to every row.
    valid_header: CsvHeader,
    enc: TextEncoding,
    /// Appended as an `asOf` cell to every row when no column is mapped to `asOf`.
    as_of: Option<String>,
    /// A row with the `as_of` cell appended (reused from row to row).
    row_buf: Vec<u8>,
    pack: Option<Pack>,
    lang: MessageLang,
    with_id: bool,
    /// The rest of an endless line is still to be skipped (it ran past the last buffer).
    skipping: bool,
    /// The running totals.
    pub tallies: BatchTallies,
}

impl BatchJob {
    /// A job for a header whose columns are `columns` (one per header cell; from
    /// [`CsvHeader::new`] and then changed by the clerk), its cell names `names` (only used to
    /// report an unknown column by position and hash), the encoding, a fixed as-of date
    /// (`YYYY-MM-DD`, used only when no column is mapped to `asOf`) and an insurer pack.
    pub fn new(
        names: &[String],
        columns: Vec<Column>,
        enc: TextEncoding,
        as_of: Option<String>,
        pack: Option<Pack>,
        lang: MessageLang,
    ) -> BatchJob {
        let mut header = CsvHeader::new(names);
        if columns.len() == header.columns.len() {
            header.columns = columns;
        }
        let as_of_index = field_index("asOf");
        let has_as_of = header
            .columns
            .iter()
            .any(|c| matches!(c, Column::Field(f) if Some(*f) == as_of_index));
        let as_of = as_of.filter(|_| !has_as_of);
        let mut valid_header = header.clone();
        if let (Some(_), Some(i)) = (&as_of, as_of_index) {
            valid_header.columns.push(Column::Field(i));
        }
        BatchJob {
            with_id: header.has_id(),
            as_of,
            valid_header,
            row_buf: Vec::new(),
            header,
            enc,
            pack,
            lang,
            skipping: false,
            tallies: BatchTallies::default(),
        }
    }

    /// Whether the output has an `id` column.
    pub fn with_id(&self) -> bool {
        self.with_id
    }

    /// The CSV output's header row (the CLI's).
    pub fn write_header(&self, out: &mut Vec<u8>) {
        let _ = write_csv_header(out, self.with_id);
    }

    /// Processes the records that start in `buf[..stop]` (see the module docs). `at_eof`:
    /// nothing follows `buf` in the file. `line` is the 1-based line number of `buf[0]`.
    /// Stops early, before a record that does not end within `buf` (unless `at_eof`): the
    /// caller appends more bytes and calls again from `Consumed::bytes`.
    pub fn process(
        &mut self,
        buf: &[u8],
        stop: usize,
        at_eof: bool,
        line: u64,
        out: &mut Vec<u8>,
        errors: &mut Vec<u8>,
    ) -> Consumed {
        let expected = Some(self.header.len());
        let mut c = Consumed::default();
        let mut at = 0usize;
        let count_lines = |bytes: &[u8]| bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        if self.skipping {
            match buf.iter().position(|&b| b == b'\n') {
                Some(nl) => {
                    self.skipping = false;
                    at = nl + 1;
                    c.lines = 1;
                }
                None => {
                    self.skipping = !at_eof;
                    c.bytes = buf.len();
                    return c;
                }
            }
        }
        while at < stop.min(buf.len()) {
            let rest = &buf[at..];
            match next_csv_record(rest, at_eof, expected) {
                Some(r) if r.blank => {
                    c.lines += count_lines(&rest[..r.consumed]);
                    at += r.consumed;
                }
                Some(r) => {
                    let this_line = line + c.lines;
                    self.record(&rest[..r.len], r.error, this_line, out, errors);
                    c.records += 1;
                    let mut consumed = r.consumed;
                    if r.error == Some(ErrorCode::TooLarge) && !rest[..consumed].ends_with(b"\n") {
                        // The CLI skips the rest of an endless line.
                        consumed = match rest[consumed..].iter().position(|&b| b == b'\n') {
                            Some(nl) => consumed + nl + 1,
                            None if at_eof => rest.len(),
                            None => {
                                self.skipping = true;
                                rest.len()
                            }
                        };
                    }
                    c.lines += count_lines(&rest[..consumed]);
                    at += consumed;
                }
                None if at_eof => break,
                None if rest.len() > MAX_PENDING => {
                    let this_line = line + c.lines;
                    self.record(&[], Some(ErrorCode::TooLarge), this_line, out, errors);
                    c.records += 1;
                    let consumed = rest
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(rest.len(), |nl| nl + 1);
                    c.lines += count_lines(&rest[..consumed]);
                    at += consumed;
                }
                None => break,
            }
        }
        c.bytes = at;
        c
    }

    /// One record → its row: the CLI's `process_record` for CSV in, CSV out (cells straight to
    /// a validated Situation, then the summary-only evaluation), so the page writes the CLI's
    /// bytes. A fixed as-of date is appended to the record as one more cell.
    fn record(
        &mut self,
        data: &[u8],
        pre: Option<ErrorCode>,
        line: u64,
        out: &mut Vec<u8>,
        errors: &mut Vec<u8>,
    ) {
        let mut row_buf = std::mem::take(&mut self.row_buf);
        let data = match (&self.as_of, pre) {
            (Some(as_of), None) => {
                row_buf.clear();
                row_buf.extend_from_slice(data);
                row_buf.push(b',');
                row_buf.extend_from_slice(as_of.as_bytes());
                &row_buf[..]
            }
            _ => data,
        };
        let mut cells = Vec::new();
        let (sit, id) = match pre {
            Some(code) => (Err(InputError::new(code, None)), None),
            None => csv_record_to_situation(&self.valid_header, data, None, self.enc, &mut cells),
        };
        let id_cell = self.with_id.then_some(id.as_deref());
        let result = sit.and_then(|s| {
            crate::assess_brief_with_pack(&s, self.pack.as_ref()).map(|b| (b, s.as_of))
        });
        match &result {
            Ok((b, _)) => {
                let _ = write_brief_row(out, line, id_cell, b);
            }
            Err(e) => {
                let message = match self.lang {
                    MessageLang::Ja => &e.message_ja,
                    MessageLang::En => &e.message_en,
                };
                let start = out.len();
                let _ = write_error_row(out, line, id_cell, e, message);
                errors.extend_from_slice(&out[start..]);
            }
        }
        self.tallies.count(&result);
        self.row_buf = row_buf;
    }
}

/// Where the first record starting at or after `buf[0]` begins, for a worker handed a slice
/// that starts in the middle of a file: the first line start from which the next records
/// (up to 16 lines, or the rest of `buf`) read without a stray quote, with `expected` cells
/// in the first one. `None` when no line start qualifies within `buf` (a tiny slice, or an
/// unreadable file: the caller then reads the file in one piece). A guess: the caller checks
/// it against where the previous slice's records really end.
pub fn find_record_start(buf: &[u8], expected: usize, at_eof: bool) -> Option<usize> {
    let mut candidate = buf.iter().position(|&b| b == b'\n')? + 1;
    let mut cells = Vec::new();
    loop {
        if candidate >= buf.len() {
            return at_eof.then_some(buf.len());
        }
        if plausible(&buf[candidate..], expected, at_eof, &mut cells) {
            return Some(candidate);
        }
        let next = buf[candidate..].iter().position(|&b| b == b'\n')?;
        candidate += next + 1;
    }
}

fn plausible<'a>(
    buf: &'a [u8],
    expected: usize,
    at_eof: bool,
    cells: &mut Vec<Cow<'a, [u8]>>,
) -> bool {
    let mut at = 0;
    let mut lines = 0;
    let mut first = true;
    while lines < 16 {
        match next_csv_record(&buf[at..], at_eof, Some(expected)) {
            Some(r) if r.blank => {
                at += r.consumed;
                lines += 1;
            }
            Some(r) => {
                if r.error.is_some() {
                    return false;
                }
                if first {
                    split_cells(&buf[at..at + r.len], cells);
                    if cells.len() != expected {
                        return false;
                    }
                    first = false;
                }
                at += r.consumed;
                lines += r.lines;
            }
            None => return !first,
        }
    }
    true
}

/// Maps a page's column choice to a [`Column`]: `-1` id, `-2` ignored, `-3` unknown (an
/// `unknownField` error on every row, as the CLI), `i ≥ 0` the field `FIELDS[i]`.
pub fn column_from_code(code: i32) -> Column {
    match code {
        -1 => Column::Id,
        -2 => Column::Ignored,
        i if i >= 0 && (i as usize) < FIELDS.len() => Column::Field(i as usize),
        _ => Column::Unknown,
    }
}

/// The inverse of [`column_from_code`].
pub fn column_code(c: Column) -> i32 {
    match c {
        Column::Id => -1,
        Column::Ignored => -2,
        Column::Unknown => -3,
        Column::Field(i) => i32::try_from(i).unwrap_or(-3),
    }
}

/// The header row of a CSV file, read as the CLI reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRow {
    /// The encoding: the override, or [`super::detect_encoding`]'s guess.
    pub encoding: TextEncoding,
    /// The header cells, decoded and trimmed (for the mapping; never written to output).
    pub names: Vec<String>,
    /// The proposed mapping ([`super::map_header`] of each name).
    pub columns: Vec<Column>,
    /// Bytes of the file up to the first data row (byte-order mark, leading white space and
    /// the header row).
    pub consumed: usize,
    /// Line breaks in those bytes: the first data row is on line `1 + lines`.
    pub lines: u64,
}

/// Reads the header row from the start of a file (`buf`: its first bytes, at least 64 KiB
/// when the file is longer; `at_eof`: `buf` is the whole file), as the CLI does: a UTF-8
/// byte-order mark and leading white space are skipped, the encoding is `enc` or guessed from
/// the next 64 KiB.
///
/// # Errors
/// `emptyInput` when no header row is there, `tooLarge` / `unbalancedQuote` /
/// `invalidEncoding` for a header row that cannot be read (the CLI's exit status 1).
pub fn read_csv_header(
    buf: &[u8],
    at_eof: bool,
    enc: Option<TextEncoding>,
) -> Result<HeaderRow, ErrorCode> {
    let mut at = 0;
    if buf.starts_with(super::UTF8_BOM) {
        at = super::UTF8_BOM.len();
    }
    let ws = buf[at..]
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(buf.len() - at);
    let mut lines = buf[at..at + ws].iter().filter(|&&b| b == b'\n').count() as u64;
    at += ws;
    if at >= buf.len() {
        return Err(ErrorCode::EmptyInput);
    }
    let encoding = enc.unwrap_or_else(|| {
        let n = (buf.len() - at).min(64 * 1024);
        super::detect_encoding(&buf[at..at + n])
    });
    let r = match next_csv_record(&buf[at..], at_eof, None) {
        Some(r) => r,
        None if at_eof => return Err(ErrorCode::EmptyInput),
        None => return Err(ErrorCode::TooLarge),
    };
    if let Some(code) = r.error {
        return Err(code);
    }
    let mut cells = Vec::new();
    split_cells(&buf[at..at + r.len], &mut cells);
    let decoded = super::decode_cells(&cells, encoding).ok_or(ErrorCode::InvalidEncoding)?;
    let header = CsvHeader::new(&decoded);
    lines += buf[at..at + r.consumed]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64;
    Ok(HeaderRow {
        encoding,
        names: header.names.clone(),
        columns: header.columns,
        consumed: at + r.consumed,
        lines,
    })
}
