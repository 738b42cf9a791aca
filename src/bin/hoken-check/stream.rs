//! The streaming `assess` / `missing-fields` pipeline: input is read record by record, records
//! are processed in chunks by a small scoped-thread pool and written in input order as soon as
//! they are done. Memory is flat in the number of records: at most a few chunks are in flight.
//!
//! Shapes (decided from the first value, see [`detect`]):
//! * one JSON object (possibly pretty-printed) → one object out (pretty);
//! * a JSON array → an array out, read and written element by element;
//! * JSON Lines (a first line that is a complete JSON value followed by more lines) → JSON
//!   Lines out, one line per non-blank input line;
//! * several pretty-printed objects one after another → JSON Lines out;
//! * anything else → CSV with a header row → CSV out (or JSON Lines with `--full`).
//!
//! The I/O-free parts (record splitting, header aliases, row → record, the formula-safe CSV
//! writer) are in the library's `batch` module, shared with the batch page.

use crate::render::Catalog;
use hoken_check::batch::{
    self, ArrayStep, CsvHeader, TextEncoding, MAX_JSON_VALUE_BYTES, MAX_PENDING, MAX_RECORD_BYTES,
};
use hoken_check::situation::RawSituation;
use hoken_check::{ErrorCode, InputError};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Records per chunk handed to a worker.
const CHUNK_RECORDS: usize = 1024;
/// Bytes read per `read` call.
const READ_SIZE: usize = 256 * 1024;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputChoice {
    /// The input's own shape (CSV in → CSV summary; JSON in → full JSON in the same shape).
    Auto,
    /// CSV summary rows whatever the input.
    Csv,
    /// Full Assessments as JSON (JSON Lines for CSV input; `--full`).
    Json,
}

/// Options of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads (1 = no threads).
    pub threads: usize,
    /// Output shape.
    pub output: OutputChoice,
    /// CSV encoding override.
    pub encoding: Option<TextEncoding>,
    /// Added to every reported line number (for a part of a split file).
    pub line_offset: u64,
    /// `missing-fields` instead of `assess`.
    pub guide: bool,
    /// Progress on standard error (only honoured when it is a terminal).
    pub progress: bool,
    /// Skip CSV columns the contract does not know instead of failing every row.
    pub ignore_unknown_columns: bool,
    /// The insurer pack applied to every record (`--pack`).
    pub pack: Option<hoken_check::Pack>,
}

/// How a run ended.
#[derive(Debug)]
pub enum StreamError {
    /// No record at all.
    Empty,
    /// The CSV header row cannot be read.
    BadHeader(ErrorCode),
    /// Reading standard input failed.
    Read(io::Error),
    /// Writing the output failed (broken pipe, disk full …).
    Write(io::Error),
}

/// Records read and failed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Records out (= records in).
    pub records: u64,
    /// Error records among them.
    pub failed: u64,
}

// -------------------------------------------------------------------------------------
// Input buffer

struct Input<R: Read> {
    r: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// 1-based line number of `buf[pos]`.
    line: u64,
}

impl<R: Read> Input<R> {
    fn rest(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Reads more bytes; false at end of input.
    fn fill(&mut self) -> Result<bool, StreamError> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + READ_SIZE, 0);
        loop {
            match self.r.read(&mut self.buf[old..]) {
                Ok(0) => {
                    self.buf.truncate(old);
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.buf.truncate(old + n);
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(StreamError::Read(e));
                }
            }
        }
    }

    /// Consumes `n` bytes, counting their line breaks.
    fn advance(&mut self, n: usize) {
        let lines = self.buf[self.pos..self.pos + n]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += lines as u64;
        self.pos += n;
    }

    /// Skips white space; false when the input ends first.
    fn skip_ws(&mut self) -> Result<bool, StreamError> {
        loop {
            let n = self
                .rest()
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(self.rest().len());
            self.advance(n);
            if !self.rest().is_empty() {
                return Ok(true);
            }
            if !self.fill()? {
                return Ok(false);
            }
        }
    }

    /// Skips to just after the next line break (or the end of input).
    /// Reads and drops everything left (nothing sensible follows an endless or broken value).
    fn drain(&mut self) -> Result<(), StreamError> {
        while self.fill()? {
            let n = self.rest().len();
            self.advance(n);
        }
        Ok(())
    }

    fn skip_line(&mut self) -> Result<(), StreamError> {
        loop {
            if let Some(nl) = self.rest().iter().position(|&b| b == b'\n') {
                self.advance(nl + 1);
                return Ok(());
            }
            let n = self.rest().len();
            self.advance(n);
            if !self.fill()? {
                return Ok(());
            }
        }
    }

    /// Makes sure at least `n` bytes are buffered past `pos` (or the input ended).
    fn want(&mut self, n: usize) -> Result<(), StreamError> {
        while self.rest().len() < n && self.fill()? {}
        Ok(())
    }
}

// -------------------------------------------------------------------------------------
// Shapes

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Object,
    Array,
    Lines,
    Values,
    Csv,
}

/// Decides the input's shape from its first value (see the module docs).
fn detect<R: Read>(inp: &mut Input<R>) -> Result<Shape, StreamError> {
    inp.want(64 * 1024)?;
    if inp.rest().starts_with(batch::UTF8_BOM) {
        inp.pos += batch::UTF8_BOM.len();
    }
    if !inp.skip_ws()? {
        return Err(StreamError::Empty);
    }
    let c = inp.rest()[0];
    match c {
        b'{' | b'[' => loop {
            if let Some(end) = batch::json_value_end(inp.rest()) {
                let multi_line = inp.rest()[..end].contains(&b'\n');
                // What follows the first value?
                let mut at = end;
                loop {
                    match inp.rest()[at..]
                        .iter()
                        .position(|b| !b.is_ascii_whitespace())
                    {
                        Some(_) => {
                            return Ok(match (c, multi_line) {
                                (_, false) => Shape::Lines,
                                (b'{', true) => Shape::Values,
                                _ => Shape::Array,
                            })
                        }
                        None => {
                            at = inp.rest().len();
                            if !inp.fill()? {
                                return Ok(if c == b'{' {
                                    Shape::Object
                                } else {
                                    Shape::Array
                                });
                            }
                        }
                    }
                }
            }
            if inp.eof || inp.rest().len() > 8 * 1024 * 1024 {
                // Unterminated, or an array too long to look past: read it element by element.
                return Ok(if c == b'[' {
                    Shape::Array
                } else {
                    Shape::Object
                });
            }
            let target = inp.rest().len() * 2;
            inp.want(target)?;
        },
        b'0'..=b'9' | b'-' | b'"' | b't' | b'f' | b'n' => {
            let line_end = loop {
                if let Some(nl) = inp.rest().iter().position(|&b| b == b'\n') {
                    break nl;
                }
                if inp.eof || inp.rest().len() > MAX_RECORD_BYTES {
                    break inp.rest().len();
                }
                inp.fill()?;
            };
            let line = &inp.rest()[..line_end];
            if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok() {
                Ok(Shape::Lines)
            } else {
                Ok(Shape::Csv)
            }
        }
        _ => Ok(Shape::Csv),
    }
}

// -------------------------------------------------------------------------------------
// Records, chunks and their processing

#[derive(Debug, Clone, Copy)]
struct Rec {
    start: usize,
    end: usize,
    line: u64,
    pre: Option<ErrorCode>,
}

struct Chunk {
    seq: u64,
    /// Global index of the first record.
    first: u64,
    data: Vec<u8>,
    recs: Vec<Rec>,
}

/// Buffers handed back after use, so that the threads do not allocate and free large
/// buffers across each other (with glibc's per-thread arenas that made the peak memory creep
/// up with the number of rows; with reuse it stays flat).
#[derive(Default)]
struct Pools {
    inputs: Mutex<Vec<(Vec<u8>, Vec<Rec>)>>,
    outputs: Mutex<Vec<Vec<u8>>>,
}

/// Most buffers kept per pool (more are never in flight).
const POOL_MAX: usize = 16;

impl Pools {
    fn input(&self) -> (Vec<u8>, Vec<Rec>) {
        self.inputs
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_else(|| (Vec::new(), Vec::with_capacity(CHUNK_RECORDS)))
    }
    fn give_input(&self, mut data: Vec<u8>, mut recs: Vec<Rec>) {
        data.clear();
        recs.clear();
        if let Ok(mut p) = self.inputs.lock() {
            if p.len() < POOL_MAX {
                p.push((data, recs));
            }
        }
    }
    fn output(&self) -> Vec<u8> {
        self.outputs
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_default()
    }
    fn give_output(&self, mut bytes: Vec<u8>) {
        bytes.clear();
        if let Ok(mut p) = self.outputs.lock() {
            if p.len() < POOL_MAX {
                p.push(bytes);
            }
        }
    }
}

impl Chunk {
    fn new(seq: u64, first: u64, pools: &Pools) -> Chunk {
        let (data, recs) = pools.input();
        Chunk {
            seq,
            first,
            data,
            recs,
        }
    }
    fn push(&mut self, bytes: &[u8], line: u64, pre: Option<ErrorCode>) {
        let start = self.data.len();
        self.data.extend_from_slice(bytes);
        self.recs.push(Rec {
            start,
            end: self.data.len(),
            line,
            pre,
        });
    }
    fn full(&self) -> bool {
        self.recs.len() >= CHUNK_RECORDS || self.data.len() >= 1024 * 1024
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Out {
    Csv { with_id: bool },
    GuideCsv { with_id: bool },
    JsonLines,
    JsonArray,
    JsonObject,
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    pools: &'a Pools,
    csv: Option<(CsvHeader, TextEncoding)>,
    out: Out,
    guide: bool,
    line_offset: u64,
    pack: Option<&'a hoken_check::Pack>,
}

/// Output of one chunk.
struct Done {
    seq: u64,
    bytes: Vec<u8>,
    records: u64,
    failed: u64,
}

fn process_chunk(ctx: &Ctx, chunk: Chunk) -> Done {
    let mut bytes = ctx.pools.output();
    let mut failed = 0;
    // One cell list for the whole chunk (the cells borrow the chunk's bytes).
    let mut cells = Vec::new();
    for (i, r) in chunk.recs.iter().enumerate() {
        let index = chunk.first + i as u64;
        let data = &chunk.data[r.start..r.end];
        if !process_record(ctx, data, r, index, &mut bytes, &mut cells) {
            failed += 1;
        }
    }
    let done = Done {
        seq: chunk.seq,
        bytes,
        records: chunk.recs.len() as u64,
        failed,
    };
    ctx.pools.give_input(chunk.data, chunk.recs);
    done
}

/// A record as read: raw (JSON, or CSV for missing-field guidance) or already validated.
enum Record {
    Raw(Result<RawSituation, InputError>),
    Valid(Result<hoken_check::Situation, InputError>),
}

/// Processes one record into `out`; false when it is an error record.
fn process_record<'d>(
    ctx: &Ctx,
    data: &'d [u8],
    r: &Rec,
    index: u64,
    out: &mut Vec<u8>,
    cells: &mut Vec<Cow<'d, [u8]>>,
) -> bool {
    let line = r.line + ctx.line_offset;
    let (input, id): (Record, Option<Cow<str>>) = match (&ctx.csv, r.pre) {
        (_, Some(code)) => (Record::Raw(Err(InputError::new(code, None))), None),
        // Missing-field guidance reads the raw record; assessments validate the cells directly.
        (Some((header, enc)), None) if ctx.guide => {
            let (raw, id) = batch::csv_record_to_raw(header, data, None, *enc);
            (Record::Raw(raw), id.map(Cow::Owned))
        }
        (Some((header, enc)), None) => {
            let (sit, id) = batch::csv_record_to_situation(header, data, None, *enc, cells);
            (Record::Valid(sit), id)
        }
        // JSON: the common record straight to a Situation; anything else (every error
        // included) through the raw record.
        (None, None) => match (!ctx.guide)
            .then(|| batch::json_record_to_situation(data))
            .flatten()
        {
            Some(s) => (Record::Valid(Ok(s)), None),
            None => (Record::Raw(batch::json_record_to_raw(data)), None),
        },
    };
    let with_id = matches!(
        ctx.out,
        Out::Csv { with_id: true } | Out::GuideCsv { with_id: true }
    );
    let id_cell = with_id.then_some(id.as_deref());
    if matches!(ctx.out, Out::JsonArray) && index > 0 {
        out.extend_from_slice(b",\n");
    }
    // Assessments start from a validated record, whatever the input (the same errors as
    // assess_raw_with_pack: validation first, then the pack check).
    let input = match input {
        Record::Raw(raw) if !ctx.guide => Record::Valid(raw.and_then(|r| r.validate())),
        other => other,
    };
    let result = match input {
        // A CSV summary row needs only the summary, certainty and warnings.
        Record::Valid(sit) if matches!(ctx.out, Out::Csv { .. }) => {
            match sit.and_then(|s| hoken_check::assess_brief_with_pack(&s, ctx.pack)) {
                Ok(b) => {
                    let _ = batch::write_brief_row(out, line, id_cell, &b);
                    return true;
                }
                Err(e) => Err(e),
            }
        }
        Record::Valid(sit) => {
            sit.and_then(|s| hoken_check::assess_valid_with_pack(&s, ctx.pack).map(Result::Ok))
        }
        // Missing-field guidance reads the raw record.
        Record::Raw(raw) => raw.and_then(|raw| hoken_check::missing_fields(&raw).map(Result::Err)),
    };
    // Writing into a Vec<u8> cannot fail.
    match result {
        Ok(Ok(a)) => {
            match ctx.out {
                Out::Csv { .. } | Out::GuideCsv { .. } => {
                    let _ = batch::write_summary_row(out, line, id_cell, &a);
                }
                _ => {
                    let mut v = serde_json::to_value(&a).unwrap_or(Value::Null);
                    ctx.catalog.annotate(&mut v);
                    write_json(out, &v, ctx.out);
                }
            }
            true
        }
        Ok(Err(m)) => {
            match ctx.out {
                Out::Csv { .. } | Out::GuideCsv { .. } => {
                    let _ = write!(out, "{line}");
                    if let Some(id) = id_cell {
                        out.push(b',');
                        let _ = batch::write_cell(out, id.unwrap_or(""));
                    }
                    out.push(b',');
                    let _ = batch::write_cell(out, &m.fields.join(";"));
                    let _ = write!(out, ",{},,,\r\n", m.complete);
                }
                _ => {
                    let v = serde_json::to_value(&m).unwrap_or(Value::Null);
                    write_json(out, &v, ctx.out);
                }
            }
            true
        }
        Err(e) => {
            let key = format!("error.{}", e.code.as_str());
            let params = e.field.as_ref().map(|f| {
                let mut m = serde_json::Map::new();
                m.insert("field".into(), Value::String(f.clone()));
                m
            });
            let message = ctx.catalog.render(&key, params.as_ref());
            match ctx.out {
                Out::Csv { .. } => {
                    let _ = batch::write_error_row(out, line, id_cell, &e, &message);
                }
                Out::GuideCsv { .. } => {
                    let _ = write!(out, "{line}");
                    if let Some(id) = id_cell {
                        out.push(b',');
                        let _ = batch::write_cell(out, id.unwrap_or(""));
                    }
                    out.extend_from_slice(b",,,");
                    let _ = batch::write_cell(out, e.code.as_str());
                    out.push(b',');
                    let _ = batch::write_cell(out, e.field.as_deref().unwrap_or(""));
                    out.push(b',');
                    let _ = batch::write_cell(out, &message);
                    out.extend_from_slice(b"\r\n");
                }
                _ => {
                    let v = json!({ "error": { "code": e.code, "field": e.field, "line": line,
                        "message": message, "messageJa": e.message_ja, "messageEn": e.message_en } });
                    write_json(out, &v, ctx.out);
                }
            }
            false
        }
    }
}

fn write_json(out: &mut Vec<u8>, v: &Value, shape: Out) {
    if shape == Out::JsonObject {
        let _ = serde_json::to_writer_pretty(&mut *out, v);
    } else {
        let _ = serde_json::to_writer(&mut *out, v);
    }
    if shape != Out::JsonArray {
        out.push(b'\n');
    }
}

// -------------------------------------------------------------------------------------
// The pipeline

/// Where finished chunks go: written in order, with progress.
struct Sink<W: Write> {
    w: W,
    next: u64,
    pending: BTreeMap<u64, Done>,
    stats: Stats,
    progress: Option<(Instant, Instant)>,
}

impl<W: Write> Sink<W> {
    fn put(&mut self, d: Done, pools: &Pools) -> io::Result<()> {
        self.pending.insert(d.seq, d);
        while let Some(d) = self.pending.remove(&self.next) {
            self.w.write_all(&d.bytes)?;
            pools.give_output(d.bytes);
            self.stats.records += d.records;
            self.stats.failed += d.failed;
            self.next += 1;
        }
        if let Some((start, last)) = &mut self.progress {
            if last.elapsed() >= Duration::from_millis(500) {
                *last = Instant::now();
                report_progress(self.stats, start.elapsed(), false);
            }
        }
        Ok(())
    }
}

fn report_progress(s: Stats, t: Duration, done: bool) {
    let rate = s.records as f64 / t.as_secs_f64().max(1e-9);
    let mut err = io::stderr().lock();
    let _ = write!(
        err,
        "\r{} rows, {:.0} rows/s, {} errors{}",
        s.records,
        rate,
        s.failed,
        if done { "\n" } else { "" }
    );
}

/// Reads `input`, writes results to `out`. See the module docs.
///
/// # Errors
/// [`StreamError`]: empty input, an unreadable CSV header, read or write failures.
pub fn run<R: Read, W: Write + Send>(
    input: R,
    out: W,
    opts: &Options,
    catalog: &Catalog,
) -> Result<Stats, StreamError> {
    let mut inp = Input {
        r: input,
        buf: Vec::with_capacity(READ_SIZE * 2),
        pos: 0,
        eof: false,
        line: 1,
    };
    let shape = detect(&mut inp)?;
    let pools = Pools::default();
    let mut ctx = Ctx {
        catalog,
        pools: &pools,
        csv: None,
        out: Out::JsonLines,
        guide: opts.guide,
        line_offset: opts.line_offset,
        pack: opts.pack.as_ref(),
    };
    let json_out = |auto: Out| match opts.output {
        OutputChoice::Csv => {
            if opts.guide {
                Out::GuideCsv { with_id: false }
            } else {
                Out::Csv { with_id: false }
            }
        }
        OutputChoice::Json | OutputChoice::Auto => auto,
    };
    ctx.out = match shape {
        Shape::Object => json_out(Out::JsonObject),
        Shape::Array => json_out(Out::JsonArray),
        Shape::Lines | Shape::Values => json_out(Out::JsonLines),
        Shape::Csv => {
            let enc = opts.encoding.unwrap_or_else(|| {
                let n = inp.rest().len().min(64 * 1024);
                batch::detect_encoding(&inp.rest()[..n])
            });
            let mut header = read_header(&mut inp, enc)?;
            if opts.ignore_unknown_columns {
                let skipped = header.ignore_unknown();
                if !skipped.is_empty() {
                    let list: Vec<String> = skipped.iter().map(usize::to_string).collect();
                    let _ = writeln!(
                        io::stderr().lock(),
                        "hoken-check: ignoring unknown column(s) at position {}",
                        list.join(", ")
                    );
                }
            }
            let with_id = header.has_id();
            ctx.csv = Some((header, enc));
            match (opts.output, opts.guide) {
                (OutputChoice::Json, _) => Out::JsonLines,
                (_, true) => Out::GuideCsv { with_id },
                (_, false) => Out::Csv { with_id },
            }
        }
    };

    // Prologue.
    let mut head = Vec::new();
    match ctx.out {
        Out::Csv { with_id } => {
            let _ = batch::write_csv_header(&mut head, with_id);
        }
        Out::GuideCsv { with_id } => {
            head.extend_from_slice(if with_id {
                b"line,id,fields,complete,errorCode,errorField,errorMessage\r\n".as_slice()
            } else {
                b"line,fields,complete,errorCode,errorField,errorMessage\r\n".as_slice()
            });
        }
        Out::JsonArray => head.extend_from_slice(b"[\n"),
        _ => {}
    }

    let progress =
        (opts.progress && io::stderr().is_terminal()).then(|| (Instant::now(), Instant::now()));
    let mut sink = Sink {
        w: out,
        next: 0,
        pending: BTreeMap::new(),
        stats: Stats::default(),
        progress,
    };
    sink.put(
        Done {
            seq: 0,
            bytes: head,
            records: 0,
            failed: 0,
        },
        &pools,
    )
    .map_err(StreamError::Write)?;

    let threads = opts.threads.max(1);
    let stats = if threads == 1 {
        let mut produce_err = None;
        let mut write_err = None;
        let res = produce(&mut inp, shape, &ctx, |chunk| {
            let d = process_chunk(&ctx, chunk);
            if let Err(e) = sink.put(d, &pools) {
                write_err = Some(e);
                return false;
            }
            true
        });
        if let Err(e) = res {
            produce_err = Some(e);
        }
        finish(&mut sink, &ctx, write_err, produce_err)?
    } else {
        run_threaded(&mut inp, shape, &ctx, &mut sink, threads)?
    };
    if sink.progress.is_some() {
        report_progress(
            stats,
            sink.progress.map_or(Duration::ZERO, |p| p.0.elapsed()),
            true,
        );
    }
    if stats.records == 0 && !matches!(shape, Shape::Array) {
        return Err(StreamError::Empty);
    }
    Ok(stats)
}

fn finish<W: Write>(
    sink: &mut Sink<W>,
    ctx: &Ctx,
    write_err: Option<io::Error>,
    produce_err: Option<StreamError>,
) -> Result<Stats, StreamError> {
    if let Some(e) = write_err {
        return Err(StreamError::Write(e));
    }
    if let Some(e) = produce_err {
        return Err(e);
    }
    let mut tail = Vec::new();
    if ctx.out == Out::JsonArray {
        if sink.stats.records > 0 {
            tail.push(b'\n');
        }
        tail.extend_from_slice(b"]\n");
    }
    sink.w.write_all(&tail).map_err(StreamError::Write)?;
    sink.w.flush().map_err(StreamError::Write)?;
    Ok(sink.stats)
}

fn run_threaded<R: Read, W: Write + Send>(
    inp: &mut Input<R>,
    shape: Shape,
    ctx: &Ctx,
    sink: &mut Sink<W>,
    threads: usize,
) -> Result<Stats, StreamError> {
    let stop = AtomicBool::new(false);
    // Chunks issued but not yet written. A bound here (not only on the channels) keeps memory
    // flat when one worker stalls while the others run ahead: their results wait in the
    // writer's reorder buffer, which can then hold at most this many chunks.
    let max_in_flight = 2 * threads as u64 + 2;
    let gate = Gate::default();
    let (job_tx, job_rx) = mpsc::sync_channel::<Chunk>(threads);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(threads * 2);
    let writer_sink = &mut *sink;
    let (res, write_err) = std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(chunk) = job else { return };
                if done_tx.send(process_chunk(ctx, chunk)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let stop = &stop;
        let gate = &gate;
        let writer = scope.spawn(move || -> Option<io::Error> {
            let mut err = None;
            for d in done_rx {
                if err.is_none() {
                    if let Err(e) = writer_sink.put(d, ctx.pools) {
                        stop.store(true, Ordering::Relaxed);
                        err = Some(e);
                    }
                }
                // Let the reader issue more chunks (all of them after an error: it stops).
                gate.set(if err.is_some() {
                    u64::MAX
                } else {
                    writer_sink.next
                });
            }
            gate.set(u64::MAX);
            // (done_rx is drained to the end so that workers never block.)
            err
        });
        let res = produce(inp, shape, ctx, |chunk| {
            gate.wait_for(chunk.seq, max_in_flight);
            !stop.load(Ordering::Relaxed) && job_tx.send(chunk).is_ok()
        });
        drop(job_tx);
        let write_err = writer.join().ok().flatten();
        (res, write_err)
    });
    finish(sink, ctx, write_err, res.err())
}

/// The writer's progress, for the reader to wait on.
#[derive(Default)]
struct Gate {
    written: Mutex<u64>,
    cv: Condvar,
}

impl Gate {
    /// Records that every chunk before `next` is written (`u64::MAX`: stop waiting).
    fn set(&self, next: u64) {
        if let Ok(mut w) = self.written.lock() {
            *w = next;
        }
        self.cv.notify_all();
    }
    /// Waits until chunk `seq` may be issued: fewer than `max` chunks ahead of the writer.
    fn wait_for(&self, seq: u64, max: u64) {
        let Ok(mut w) = self.written.lock() else {
            return;
        };
        while seq >= w.saturating_add(max) {
            w = match self.cv.wait(w) {
                Ok(w) => w,
                Err(_) => return,
            };
        }
    }
}

/// Reads the CSV header row.
fn read_header<R: Read>(inp: &mut Input<R>, enc: TextEncoding) -> Result<CsvHeader, StreamError> {
    loop {
        match batch::next_csv_record(inp.rest(), inp.eof, None) {
            Some(r) if r.blank => inp.advance(r.consumed),
            Some(r) => {
                if let Some(code) = r.error {
                    return Err(StreamError::BadHeader(code));
                }
                let mut cells = Vec::new();
                batch::split_cells(&inp.rest()[..r.len], &mut cells);
                let decoded = batch::decode_cells(&cells, enc)
                    .ok_or(StreamError::BadHeader(ErrorCode::InvalidEncoding))?;
                let header = CsvHeader::new(&decoded);
                inp.advance(r.consumed);
                return Ok(header);
            }
            None if inp.eof => return Err(StreamError::Empty),
            None => {
                if inp.rest().len() > MAX_PENDING {
                    return Err(StreamError::BadHeader(ErrorCode::TooLarge));
                }
                inp.fill()?;
            }
        }
    }
}

/// Splits the input into records and hands chunks to `emit` (false = stop).
fn produce<R: Read>(
    inp: &mut Input<R>,
    shape: Shape,
    ctx: &Ctx,
    mut emit: impl FnMut(Chunk) -> bool,
) -> Result<(), StreamError> {
    let mut seq = 1;
    let mut count = 0u64;
    let mut chunk = Chunk::new(seq, 0, ctx.pools);
    macro_rules! push {
        ($bytes:expr, $line:expr, $pre:expr) => {{
            chunk.push($bytes, $line, $pre);
            count += 1;
            if chunk.full() {
                seq += 1;
                let full = std::mem::replace(&mut chunk, Chunk::new(seq, count, ctx.pools));
                if !emit(full) {
                    return Ok(());
                }
            }
        }};
    }
    match shape {
        Shape::Csv => {
            let expected = ctx.csv.as_ref().map(|(h, _)| h.len());
            loop {
                match batch::next_csv_record(inp.rest(), inp.eof, expected) {
                    Some(r) if r.blank => inp.advance(r.consumed),
                    Some(r) => {
                        let line = inp.line;
                        let rest = &inp.buf[inp.pos..inp.pos + r.len];
                        push!(rest, line, r.error);
                        let cut = r.error == Some(ErrorCode::TooLarge)
                            && !inp.rest()[..r.consumed].ends_with(b"\n");
                        inp.advance(r.consumed);
                        if cut {
                            inp.skip_line()?;
                        }
                    }
                    None if inp.eof => break,
                    None if inp.rest().len() > MAX_PENDING => {
                        let line = inp.line;
                        push!(&[], line, Some(ErrorCode::TooLarge));
                        inp.skip_line()?;
                    }
                    None => {
                        inp.fill()?;
                    }
                }
            }
        }
        Shape::Lines => loop {
            match inp.rest().iter().position(|&b| b == b'\n') {
                Some(nl) => {
                    let line = inp.line;
                    let bytes = &inp.buf[inp.pos..inp.pos + nl];
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        push!(bytes, line, None);
                    }
                    inp.advance(nl + 1);
                }
                None if inp.eof => {
                    let line = inp.line;
                    let bytes = &inp.buf[inp.pos..];
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        push!(bytes, line, None);
                    }
                    let n = inp.rest().len();
                    inp.advance(n);
                    break;
                }
                None if inp.rest().len() > MAX_PENDING => {
                    let line = inp.line;
                    push!(&[], line, Some(ErrorCode::TooLarge));
                    inp.skip_line()?;
                }
                None => {
                    inp.fill()?;
                }
            }
        },
        Shape::Object | Shape::Values => loop {
            if !inp.skip_ws()? {
                break;
            }
            match batch::json_value_end(inp.rest()) {
                Some(end) if end > 0 => {
                    let line = inp.line;
                    let bytes = &inp.buf[inp.pos..inp.pos + end];
                    push!(bytes, line, None);
                    inp.advance(end);
                }
                Some(_) => {
                    // A stray closing bracket or comma: one error for its line.
                    let line = inp.line;
                    push!(&[], line, Some(ErrorCode::MalformedInput));
                    inp.skip_line()?;
                }
                None if inp.eof => {
                    // Unterminated: the rest is one bad record.
                    let line = inp.line;
                    let bytes = &inp.buf[inp.pos..];
                    let pre = (bytes.len() > MAX_RECORD_BYTES).then_some(ErrorCode::TooLarge);
                    push!(bytes, line, pre.or(Some(ErrorCode::MalformedInput)));
                    let n = inp.rest().len();
                    inp.advance(n);
                    break;
                }
                None if inp.rest().len() > MAX_JSON_VALUE_BYTES => {
                    let line = inp.line;
                    push!(&[], line, Some(ErrorCode::TooLarge));
                    // Nothing sensible follows an endless value.
                    inp.drain()?;
                    break;
                }
                None => {
                    inp.fill()?;
                }
            }
        },
        Shape::Array => {
            // Skip '['.
            inp.advance(1);
            loop {
                match batch::next_array_element(inp.rest()) {
                    Some(ArrayStep::Element { start, end, next }) => {
                        inp.advance(start);
                        let line = inp.line;
                        let bytes = &inp.buf[inp.pos..inp.pos + (end - start)];
                        if bytes.is_empty() {
                            push!(bytes, line, Some(ErrorCode::MalformedInput));
                        } else {
                            push!(bytes, line, None);
                        }
                        inp.advance(next - start);
                    }
                    Some(ArrayStep::End { at }) => {
                        inp.advance(at + 1);
                        // Anything after the array is one more (bad) record.
                        if inp.skip_ws()? {
                            let line = inp.line;
                            push!(&[], line, Some(ErrorCode::MalformedInput));
                            inp.drain()?;
                        }
                        break;
                    }
                    None if inp.eof => {
                        if !inp.rest().iter().all(u8::is_ascii_whitespace) {
                            let line = inp.line;
                            push!(&[], line, Some(ErrorCode::MalformedInput));
                        }
                        break;
                    }
                    None if inp.rest().len() > MAX_JSON_VALUE_BYTES => {
                        let line = inp.line;
                        push!(&[], line, Some(ErrorCode::TooLarge));
                        inp.drain()?;
                        break;
                    }
                    None => {
                        inp.fill()?;
                    }
                }
            }
        }
    }
    if !chunk.recs.is_empty() {
        emit(chunk);
    }
    Ok(())
}
