//! Packed forms used at the JavaScript boundary: a bounded, pre-read Situation in `i32` words
//! (read by the JS side, never by a recursive deserialiser), a fixed-width summary row for
//! batches, and a "tape" of the whole Assessment with interned strings that JS turns back into
//! exactly the objects serde describes.
//!
//! Nothing here knows about JavaScript: `src/wasm.rs` owns the exports, `js/api.js` the JS
//! reader and decoders. The layout (field names, kinds, tokens, summary columns, error codes)
//! is published by [`layout`] and read by the JS side at start-up, so it is defined once, here
//! and in [`crate::situation::FIELDS`].
//!
//! # Packed record (words)
//!
//! `[len, head, items…]`: `len` is the record's length in words (including itself), `head` is
//! the number of `key value` items, or [`HEAD_NOT_OBJECT`], [`HEAD_UNREADABLE`] /
//! [`HEAD_TOO_LARGE`] followed by one word naming the field (index in `FIELDS` or -1).
//! A key is a field index `>= 0`, or `-1 off len` (UTF-8 bytes of an unknown name). A value is
//! one of the `V_*` tags with its payload. Strings are never longer than the JS reader's bounds.
//! Validation is **not** done here: a record decodes to the same [`RawSituation`] the JSON
//! reader would build, and [`RawSituation::validate`] stays the one owner of every error.

use crate::assessment::{Copay, KakuninshoRoute, Summary};
use crate::dates::NaiveDate;
use crate::error::{ErrorCode, InputError};
use crate::situation::{
    Builder, Document, FieldKind, FieldRef, RawSituation, RawValue, Situation, FIELDS,
};
use chrono::Datelike;
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// `head`: the record is not an object.
pub const HEAD_NOT_OBJECT: i32 = -1;
/// `head`: reading the record threw (a getter or a Proxy trap); next word: field or -1.
pub const HEAD_UNREADABLE: i32 = -2;
/// `head`: the record is over the size limit; next word: field or -1.
pub const HEAD_TOO_LARGE: i32 = -3;

/// Value tag: `null` / `undefined`.
pub const V_NULL: i32 = 0;
/// Value tag: `false`.
pub const V_FALSE: i32 = 1;
/// Value tag: `true`.
pub const V_TRUE: i32 = 2;
/// Value tag: a number or BigInt (never valid in the contract; kept to say "wrong type").
pub const V_NUMBER: i32 = 3;
/// Value tag: an object, function, symbol … (never valid as a field value).
pub const V_OTHER: i32 = 4;
/// Value tag: a string of the exact form `DDDD-DD-DD`; payload `yyyymmdd`.
pub const V_DATE: i32 = 5;
/// Value tag: a string from [`tokens`]; payload its index.
pub const V_TOKEN: i32 = 6;
/// Value tag: any other string; payload byte offset and length.
pub const V_STR: i32 = 7;
/// Value tag: a list; payload its length, then that many values (no nested lists).
pub const V_LIST: i32 = 8;

/// Every string the packed form can carry as a [`V_TOKEN`]: the enum values of [`FIELDS`] in
/// order, then the document tokens.
pub fn tokens() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (_, kind) in FIELDS {
        if let FieldKind::Enum(values) = kind {
            for v in *values {
                if !out.contains(v) {
                    out.push(v);
                }
            }
        }
    }
    for d in Document::ALL {
        if !out.contains(&d.as_str()) {
            out.push(d.as_str());
        }
    }
    out
}

/// Outcome of decoding one packed record.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// The record as the JSON reader would have built it.
    Raw(RawSituation),
    /// Reading threw (a getter or Proxy trap), on this field when known.
    Unreadable(Option<&'static str>),
    /// Over the record size limit, on this field when known.
    TooLarge(Option<&'static str>),
    /// Words that no JS reader writes (hand-made or damaged).
    Corrupt,
}

fn field_name(i: i32) -> Option<&'static str> {
    usize::try_from(i)
        .ok()
        .and_then(|i| FIELDS.get(i))
        .map(|f| f.0)
}

/// A `yyyymmdd` word back as the exact text `DDDD-DD-DD` the JS reader saw.
fn date_bytes(w: i32) -> Option<[u8; 10]> {
    let mut w = u32::try_from(w).ok().filter(|w| *w <= 99_999_999)?;
    let mut b = *b"0000-00-00";
    for pos in [9usize, 8, 6, 5, 3, 2, 1, 0] {
        *b.get_mut(pos)? = b'0' + u8::try_from(w % 10).ok()?;
        w /= 10;
    }
    Some(b)
}

/// Sets `slot` to the string `text`, reusing the slot's allocation when it holds one.
fn put_str(slot: &mut RawValue, text: &str) {
    if let RawValue::Str(s) = slot {
        s.clear();
        s.push_str(text);
    } else {
        *slot = RawValue::Str(text.to_string());
    }
}

struct Reader<'a> {
    words: &'a [i32],
    bytes: &'a [u8],
    pos: usize,
    tokens: &'a [&'static str],
}

impl<'a> Reader<'a> {
    /// A reader of the record at the start of `words` (its first word is the record's length
    /// in words), positioned after that word; with the length. `None` when the length word is
    /// missing, negative or longer than `words`.
    fn open(
        words: &'a [i32],
        bytes: &'a [u8],
        tokens: &'a [&'static str],
    ) -> Option<(Self, usize)> {
        let len = usize::try_from(*words.first()?).ok()?;
        let words = words.get(..len)?;
        Some((
            Reader {
                words,
                bytes,
                pos: 1,
                tokens,
            },
            len,
        ))
    }

    fn next(&mut self) -> Option<i32> {
        let w = self.words.get(self.pos).copied()?;
        self.pos += 1;
        Some(w)
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let off = usize::try_from(self.next()?).ok()?;
        let len = usize::try_from(self.next()?).ok()?;
        self.bytes.get(off..off.checked_add(len)?)
    }
    fn value(&mut self, slot: &mut RawValue, in_list: bool) -> Option<()> {
        match self.next()? {
            V_NULL => *slot = RawValue::Null,
            V_FALSE => *slot = RawValue::Bool(false),
            V_TRUE => *slot = RawValue::Bool(true),
            V_NUMBER => *slot = RawValue::Number,
            V_OTHER => *slot = RawValue::Other,
            V_DATE => {
                let b = date_bytes(self.next()?)?;
                put_str(slot, std::str::from_utf8(&b).ok()?);
            }
            V_TOKEN => {
                let i = usize::try_from(self.next()?).ok()?;
                put_str(slot, self.tokens.get(i)?);
            }
            V_STR => {
                let b = self.bytes()?;
                put_str(slot, &String::from_utf8_lossy(b));
            }
            V_LIST if !in_list => {
                let n = usize::try_from(self.next()?).ok()?;
                if n > self.words.len() {
                    return None;
                }
                if !matches!(slot, RawValue::List(_)) {
                    *slot = RawValue::List(Vec::with_capacity(n));
                }
                let RawValue::List(items) = slot else {
                    return None;
                };
                items.truncate(n);
                for i in 0..n {
                    if let Some(it) = items.get_mut(i) {
                        self.value(it, true)?;
                    } else {
                        let mut it = RawValue::Null;
                        self.value(&mut it, true)?;
                        items.push(it);
                    }
                }
            }
            _ => return None,
        }
        Some(())
    }
}

/// Decodes one record (`words` starts at its length word). Never panics, whatever the words.
pub fn decode(words: &[i32], bytes: &[u8], tokens: &[&'static str]) -> Decoded {
    let mut raw = RawSituation::default();
    match decode_into(words, bytes, tokens, &mut raw) {
        Decoded::Raw(_) => Decoded::Raw(raw),
        other => other,
    }
}

/// As [`decode`], into `raw` (its allocations are reused: the single-call path keeps one).
/// On success returns `Decoded::Raw` of an empty record; the record itself is in `raw`.
pub fn decode_into(
    words: &[i32],
    bytes: &[u8],
    tokens: &[&'static str],
    raw: &mut RawSituation,
) -> Decoded {
    decode_inner(words, bytes, tokens, raw).unwrap_or(Decoded::Corrupt)
}

fn decode_inner(
    words: &[i32],
    bytes: &[u8],
    tokens: &[&'static str],
    raw: &mut RawSituation,
) -> Option<Decoded> {
    let (mut r, len) = Reader::open(words, bytes, tokens)?;
    let head = r.next()?;
    match head {
        HEAD_NOT_OBJECT => {
            raw.fields = None;
            return Some(Decoded::Raw(RawSituation::default()));
        }
        HEAD_UNREADABLE => return Some(Decoded::Unreadable(field_name(r.next()?))),
        HEAD_TOO_LARGE => return Some(Decoded::TooLarge(field_name(r.next()?))),
        _ => {}
    }
    let n = usize::try_from(head).ok()?;
    if n > len {
        return None;
    }
    let fields = raw.fields.get_or_insert_with(Vec::new);
    fields.truncate(n);
    for i in 0..n {
        if fields.len() <= i {
            fields.push((String::new(), RawValue::Null));
        }
        let (name, value) = fields.get_mut(i)?;
        let k = r.next()?;
        name.clear();
        if k == -1 {
            name.push_str(&String::from_utf8_lossy(r.bytes()?));
        } else {
            name.push_str(field_name(k)?);
        }
        r.value(value, false)?;
    }
    if r.pos != len {
        return None;
    }
    Some(Decoded::Raw(RawSituation::default()))
}

/// Decodes one record straight to a validated [`Situation`], without an owned value per field
/// — only for the common case: an object whose names are all contract fields, whose lists hold
/// only known tokens, that decodes cleanly and validates. `None` otherwise: the caller then
/// takes [`decode_into`] and [`RawSituation::validate`], which give every error (the answer is
/// the same whenever this one is `Some`; tested in `tests/packed.rs`).
pub fn decode_situation(words: &[i32], bytes: &[u8], tokens: &[&'static str]) -> Option<Situation> {
    let (mut r, len) = Reader::open(words, bytes, tokens)?;
    let n = usize::try_from(r.next()?).ok()?;
    if n > len {
        return None;
    }
    let mut b = Builder::new(None);
    for _ in 0..n {
        let idx = usize::try_from(r.next()?)
            .ok()
            .filter(|i| *i < FIELDS.len())?;
        let date;
        let text;
        let mut list = [""; MAX_LIST];
        let value = match r.next()? {
            V_NULL => FieldRef::Null,
            V_FALSE => FieldRef::Bool(false),
            V_TRUE => FieldRef::Bool(true),
            V_NUMBER | V_OTHER => FieldRef::WrongType,
            V_DATE => {
                date = date_bytes(r.next()?)?;
                FieldRef::Str(std::str::from_utf8(&date).ok()?)
            }
            V_TOKEN => FieldRef::Str(tokens.get(usize::try_from(r.next()?).ok()?)?),
            V_STR => {
                text = String::from_utf8_lossy(r.bytes()?);
                FieldRef::Str(&text)
            }
            V_LIST => {
                let k = usize::try_from(r.next()?).ok().filter(|k| *k <= MAX_LIST)?;
                for slot in list.iter_mut().take(k) {
                    if r.next()? != V_TOKEN {
                        return None;
                    }
                    *slot = tokens.get(usize::try_from(r.next()?).ok()?)?;
                }
                FieldRef::Strs(list.get(..k)?)
            }
            _ => return None,
        };
        b.set(idx, value).ok()?;
    }
    if r.pos != len {
        return None;
    }
    b.finish().ok()
}

/// Most list items the JS reader writes (one more than a valid list may hold).
const MAX_LIST: usize = 65;

// --- summary rows -------------------------------------------------------------------------

/// Words per summary row.
pub const SUMMARY_WIDTH: usize = 15;
/// Row word 0: 0 for a summary, else 1 + index in [`ERROR_CODES`] (or the JS-only codes after
/// them, see [`layout`]).
pub const ROW_STATUS: usize = 0;
/// Row word 1 of an error row: field index, -1 for none, -2 for a name outside the contract.
pub const ROW_FIELD: usize = 1;
/// Row word 2 of an error row: word offset of the record in the batch.
pub const ROW_RECORD: usize = 2;
/// First word of the summary columns.
pub const ROW_COLUMNS: usize = 3;

/// Every [`ErrorCode`], in the order of the status word: the enum's own order
/// ([`ErrorCode::ALL`]), so a new code gets its place without a second list.
pub const ERROR_CODES: &[ErrorCode] = ErrorCode::ALL;

fn error_index(c: ErrorCode) -> i32 {
    // `ALL` lists the variants in declaration order, which is also their discriminant order.
    c as i32
}

/// Every [`KakuninshoRoute`], in the order of its summary column.
pub const ROUTES: [KakuninshoRoute; 4] = [
    KakuninshoRoute::NotYet,
    KakuninshoRoute::Automatic,
    KakuninshoRoute::Application,
    KakuninshoRoute::NotNeeded,
];

fn route_index(r: KakuninshoRoute) -> i32 {
    match r {
        KakuninshoRoute::NotYet => 0,
        KakuninshoRoute::Automatic => 1,
        KakuninshoRoute::Application => 2,
        KakuninshoRoute::NotNeeded => 3,
    }
}

/// Every [`Copay`], in the order of its summary column.
pub const COPAYS: [Copay; 3] = [
    Copay::Normal,
    Copay::NormalIfOnlineConfirmed,
    Copay::FullCostPossible,
];

fn copay_index(c: Copay) -> i32 {
    match c {
        Copay::Normal => 0,
        Copay::NormalIfOnlineConfirmed => 1,
        Copay::FullCostPossible => 2,
    }
}

/// Kind of a summary column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// `true`/`false`/`null`: -1 null, 0, 1.
    OptBool,
    /// `true`/`false`: 0, 1.
    Bool,
    /// A date or `null`: `yyyymmdd` or -1.
    OptDate,
    /// Kakuninsho route: index in [`ROUTES`].
    Route,
    /// Copay: index in [`COPAYS`].
    Copay,
    /// Documents: count, then two words of 4-bit indices into `Document::ALL`.
    Documents,
}

impl ColumnKind {
    /// Words the column takes.
    pub fn width(self) -> usize {
        if self == ColumnKind::Documents {
            3
        } else {
            1
        }
    }
    /// Name used in the published layout.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::OptBool => "optBool",
            ColumnKind::Bool => "bool",
            ColumnKind::OptDate => "optDate",
            ColumnKind::Route => "route",
            ColumnKind::Copay => "copay",
            ColumnKind::Documents => "documents",
        }
    }
}

/// The summary columns in the order serde writes [`Summary`] (a test checks the names against
/// the serialised summary).
pub const SUMMARY_COLUMNS: [(&str, ColumnKind); 10] = [
    ("oldCardValid", ColumnKind::OptBool),
    ("oldCardValidUntil", ColumnKind::OptDate),
    ("oldCardProvisionalAcceptance", ColumnKind::OptBool),
    ("mynahokenshoUsable", ColumnKind::Bool),
    ("mynahokenshoUsableUntil", ColumnKind::OptDate),
    ("kakuninshoValid", ColumnKind::Bool),
    ("kakuninshoRoute", ColumnKind::Route),
    ("documentsToShow", ColumnKind::Documents),
    ("copay", ColumnKind::Copay),
    ("fullCostRisk", ColumnKind::Bool),
];

fn opt_bool(b: Option<bool>) -> i32 {
    b.map_or(-1, i32::from)
}

/// `yyyymmdd` of a date in years 0–9999 (the form `format_iso` writes), else `None`.
pub fn date_word(d: NaiveDate) -> Option<i32> {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return None;
    }
    i32::try_from(d.month() * 100 + d.day())
        .ok()
        .map(|md| y * 10_000 + md)
}

fn opt_date(d: Option<NaiveDate>) -> Option<i32> {
    match d {
        None => Some(-1),
        Some(d) => date_word(d),
    }
}

fn doc_index(d: Document) -> Option<u32> {
    Document::ALL
        .iter()
        .position(|x| *x == d)
        .and_then(|i| u32::try_from(i).ok())
}

/// Writes a summary into `row` (at least [`SUMMARY_WIDTH`] words). `false` when it cannot be
/// packed exactly (a date outside years 0–9999, more than 16 documents): the caller then uses
/// the tape.
pub fn write_summary(row: &mut [i32], s: &Summary) -> bool {
    write_summary_inner(row, s).is_some()
}

fn write_summary_inner(row: &mut [i32], s: &Summary) -> Option<()> {
    let cols = row.get_mut(..SUMMARY_WIDTH)?;
    cols.fill(0);
    let mut docs = [0i32; 3];
    if s.documents_to_show.len() > 16 {
        return None;
    }
    docs[0] = i32::try_from(s.documents_to_show.len()).ok()?;
    for (i, d) in s.documents_to_show.iter().enumerate() {
        let nibble = doc_index(*d)?;
        let w = docs.get_mut(1 + i / 8)?;
        *w |= i32::from_ne_bytes(((nibble & 15) << ((i % 8) * 4)).to_ne_bytes());
    }
    let values = [
        opt_bool(s.old_card_valid),
        opt_date(s.old_card_valid_until)?,
        opt_bool(s.old_card_provisional_acceptance),
        i32::from(s.mynahokensho_usable),
        opt_date(s.mynahokensho_usable_until)?,
        i32::from(s.kakuninsho_valid),
        route_index(s.kakuninsho_route),
        docs[0],
        docs[1],
        docs[2],
        copay_index(s.copay),
        i32::from(s.full_cost_risk),
    ];
    cols.get_mut(ROW_COLUMNS..ROW_COLUMNS + values.len())?
        .copy_from_slice(&values);
    Some(())
}

/// Writes an error row: status, field (-1 none, -2 a name outside the contract) and `record`.
pub fn write_error(row: &mut [i32], status: i32, field: Option<&str>, record: i32) {
    if let Some(cols) = row.get_mut(..SUMMARY_WIDTH) {
        cols.fill(0);
        cols[ROW_STATUS] = status;
        cols[ROW_FIELD] = match field {
            None => -1,
            Some(f) => crate::situation::field_index(f)
                .and_then(|i| i32::try_from(i).ok())
                .unwrap_or(-2),
        };
        cols[ROW_RECORD] = record;
    }
}

/// The status word of an input error.
pub fn error_status(e: &InputError) -> i32 {
    1 + error_index(e.code)
}

// --- the tape ---------------------------------------------------------------------------

/// Tape op: `null`.
pub const T_NULL: i32 = 0;
/// Tape op: `false`.
pub const T_FALSE: i32 = 1;
/// Tape op: `true`.
pub const T_TRUE: i32 = 2;
/// Tape op: an integer that fits `i32`; payload the value.
pub const T_INT: i32 = 3;
/// Tape op: an interned string; payload its index.
pub const T_STR: i32 = 4;
/// Tape op: a string of the exact form `DDDD-DD-DD`; payload `yyyymmdd`.
pub const T_DATE: i32 = 5;
/// Tape op: an array; payload the count, then the items.
pub const T_ARRAY: i32 = 6;
/// Tape op: a plain object; payload the count, then key (a string op) and value pairs.
pub const T_OBJECT: i32 = 7;
/// Tape op: any other number; payload its `f64` bits, low word first.
pub const T_FLOAT: i32 = 8;
/// Tape op: a string that was not interned; payload its UTF-8 length, then the bytes packed
/// four to a word (little end first).
pub const T_BYTES: i32 = 9;

/// Most strings kept in the intern table (the engine's strings are a few hundred; anything past
/// this is written inline).
const MAX_INTERNED: usize = 4096;
/// Slots of the address cache.
const ADDR_SLOTS: usize = 1024;

/// FNV-1a, for the intern table (small keys, no DoS concern: keys are the engine's own).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Writes serde values as a tape; keeps the intern table across calls.
#[derive(Default)]
pub struct Tape {
    /// The words of the last value written.
    pub words: Vec<i32>,
    /// Interned strings; index = `T_STR` payload. Only ever grows.
    pub strings: Vec<String>,
    /// Address cache: (address, length, index), one entry per slot, confirmed by the text.
    by_addr: Vec<(usize, usize, i32)>,
    /// The same for `'static` strings (struct keys, enum variants): no confirmation needed.
    static_addr: Vec<(usize, usize, i32)>,
    by_text: FnvMap<String, i32>,
}

/// A tape error (only a custom serde error; the engine's types never raise one).
#[derive(Debug)]
pub struct TapeError;

impl std::fmt::Display for TapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("tape")
    }
}
impl std::error::Error for TapeError {}
impl ser::Error for TapeError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        TapeError
    }
}

impl Tape {
    /// Replaces `words` with the tape of `v`.
    ///
    /// # Errors
    /// Only a custom error raised by `v`'s own `Serialize`.
    pub fn write<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), TapeError> {
        self.words.clear();
        v.serialize(&mut *self)
    }

    fn static_str(&mut self, s: &'static str) {
        // A `'static` string never moves nor changes: its address alone identifies it.
        let addr = s.as_ptr() as usize;
        let slot = ((addr >> 3) ^ (addr >> 12) ^ s.len()) % ADDR_SLOTS;
        if let Some(&(a, n, i)) = self.static_addr.get(slot) {
            if a == addr && n == s.len() {
                self.words.extend_from_slice(&[T_STR, i]);
                return;
            }
        }
        let start = self.words.len();
        self.text(s);
        if self.words.get(start) == Some(&T_STR) {
            if let Some(&i) = self.words.get(start + 1) {
                if self.static_addr.len() != ADDR_SLOTS {
                    self.static_addr = vec![(0, 0, -1); ADDR_SLOTS];
                }
                if let Some(e) = self.static_addr.get_mut(slot) {
                    *e = (addr, s.len(), i);
                }
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(w) = date_shape(s) {
            self.words.extend_from_slice(&[T_DATE, w]);
            return;
        }
        // The engine's strings are almost all `&'static str`: look them up by address first,
        // and confirm the text (an address can be reused by another, shorter-lived string).
        let addr = s.as_ptr() as usize;
        let slot = ((addr >> 3) ^ (addr >> 12) ^ s.len()) % ADDR_SLOTS;
        if self.by_addr.len() != ADDR_SLOTS {
            self.by_addr = vec![(0, 0, -1); ADDR_SLOTS];
        }
        if let Some(&(a, n, i)) = self.by_addr.get(slot) {
            if a == addr
                && n == s.len()
                && usize::try_from(i)
                    .ok()
                    .and_then(|i| self.strings.get(i))
                    .is_some_and(|t| same_text(t.as_bytes(), s.as_bytes()))
            {
                self.words.extend_from_slice(&[T_STR, i]);
                return;
            }
        }
        let found = self.by_text.get(s).copied();
        let i = match found {
            Some(i) => Some(i),
            None if self.strings.len() < MAX_INTERNED => {
                i32::try_from(self.strings.len()).ok().inspect(|i| {
                    self.strings.push(s.to_string());
                    self.by_text.insert(s.to_string(), *i);
                })
            }
            None => None,
        };
        if let Some(i) = i {
            if let Some(e) = self.by_addr.get_mut(slot) {
                *e = (addr, s.len(), i);
            }
            self.words.extend_from_slice(&[T_STR, i]);
            return;
        }
        let b = s.as_bytes();
        self.words.push(T_BYTES);
        self.words.push(i32::try_from(b.len()).unwrap_or(i32::MAX));
        for chunk in b.chunks(4) {
            let mut q = [0u8; 4];
            q[..chunk.len()].copy_from_slice(chunk);
            self.words.push(i32::from_le_bytes(q));
        }
    }

    fn open(&mut self, op: i32) -> usize {
        self.words.extend_from_slice(&[op, 0]);
        self.words.len() - 1
    }

    fn close(&mut self, at: usize, n: usize) {
        if let Some(w) = self.words.get_mut(at) {
            *w = i32::try_from(n).unwrap_or(i32::MAX);
        }
    }

    fn number(&mut self, v: f64) {
        if v.fract() == 0.0 && v >= f64::from(i32::MIN) && v <= f64::from(i32::MAX) {
            // Exact: checked to be a whole number within i32.
            #[allow(clippy::cast_possible_truncation)]
            self.words.extend_from_slice(&[T_INT, v as i32]);
        } else {
            let bits = v.to_bits();
            let lo = i32::from_ne_bytes(((bits & 0xffff_ffff) as u32).to_ne_bytes());
            let hi = i32::from_ne_bytes(((bits >> 32) as u32).to_ne_bytes());
            self.words.extend_from_slice(&[T_FLOAT, lo, hi]);
        }
    }
}

/// Byte equality, eight bytes at a time (wasm's `memcmp` goes byte by byte).
fn same_text(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in x.by_ref().zip(y.by_ref()) {
        let (Ok(p), Ok(q)) = (<[u8; 8]>::try_from(p), <[u8; 8]>::try_from(q)) else {
            return false;
        };
        if u64::from_ne_bytes(p) != u64::from_ne_bytes(q) {
            return false;
        }
    }
    x.remainder() == y.remainder()
}

/// `yyyymmdd` when `s` is exactly `DDDD-DD-DD` (ASCII digits).
fn date_shape(s: &str) -> Option<i32> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() else {
        return None;
    };
    let mut w: i32 = 0;
    for b in [y0, y1, y2, y3, m0, m1, d0, d1] {
        if !b.is_ascii_digit() {
            return None;
        }
        w = w * 10 + i32::from(b - b'0');
    }
    Some(w)
}

/// A compound value being written (array or object): where its count goes and how many.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    n: usize,
}

impl Compound<'_> {
    fn end(self) {
        self.tape.close(self.at, self.n);
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), TapeError> {
        self.words.push(if v { T_TRUE } else { T_FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    #[allow(clippy::cast_precision_loss)] // as JavaScript numbers are
    fn serialize_i64(self, v: i64) -> Result<(), TapeError> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    #[allow(clippy::cast_precision_loss)] // as JavaScript numbers are
    fn serialize_u64(self, v: u64) -> Result<(), TapeError> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), TapeError> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), TapeError> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), TapeError> {
        self.text(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), TapeError> {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), TapeError> {
        self.words
            .extend_from_slice(&[T_ARRAY, i32::try_from(v.len()).unwrap_or(0)]);
        for b in v {
            self.words.extend_from_slice(&[T_INT, i32::from(*b)]);
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), TapeError> {
        self.words.push(T_NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), TapeError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), TapeError> {
        self.words.push(T_NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), TapeError> {
        self.words.push(T_NULL);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), TapeError> {
        self.static_str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), TapeError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), TapeError> {
        self.words.extend_from_slice(&[T_OBJECT, 1]);
        self.static_str(variant);
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, TapeError> {
        let at = self.open(T_ARRAY);
        Ok(Compound {
            tape: self,
            at,
            n: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TapeError> {
        self.words.extend_from_slice(&[T_OBJECT, 1]);
        self.static_str(variant);
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, TapeError> {
        let at = self.open(T_OBJECT);
        Ok(Compound {
            tape: self,
            at,
            n: 0,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, TapeError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TapeError> {
        self.words.extend_from_slice(&[T_OBJECT, 1]);
        self.static_str(variant);
        self.serialize_map(None)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), TapeError> {
        self.n += 1;
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), TapeError> {
        Compound::end(self);
        Ok(())
    }
}

/// The tuple forms are written as arrays: each of their elements as one of a sequence.
macro_rules! tuple_as_seq {
    ($($form:ident :: $add:ident),*) => {$(
        impl ser::$form for Compound<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $add<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), TapeError> {
                ser::SerializeSeq::serialize_element(self, v)
            }
            fn end(self) -> Result<(), TapeError> {
                Compound::end(self);
                Ok(())
            }
        }
    )*};
}

tuple_as_seq!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), TapeError> {
        self.n += 1;
        k.serialize(&mut *self.tape)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), TapeError> {
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), TapeError> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), TapeError> {
        self.n += 1;
        self.tape.static_str(key);
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), TapeError> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), TapeError> {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result<(), TapeError> {
        Compound::end(self);
        Ok(())
    }
}

// --- the published layout -------------------------------------------------------------------

/// One input field of the layout.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LayoutField {
    /// Contract name.
    pub name: &'static str,
    /// `date`, `optDate`, `bool`, `optBool`, `enum` or `documents`.
    pub kind: &'static str,
    /// The allowed strings of an `enum` or `documents` field (empty for the others).
    pub values: Vec<&'static str>,
}

/// One summary column of the layout.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LayoutColumn {
    /// Summary key.
    pub name: &'static str,
    /// A [`ColumnKind`] name.
    pub kind: &'static str,
    /// First word in the row.
    pub at: usize,
}

/// Everything the JS reader and decoders need, defined once here and in `FIELDS`.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// Input fields in `FIELDS` order.
    pub fields: Vec<LayoutField>,
    /// `V_TOKEN` strings.
    pub tokens: Vec<&'static str>,
    /// `Document::ALL` tokens (summary `documentsToShow` indices).
    pub documents: Vec<&'static str>,
    /// Kakuninsho route values by index.
    pub routes: [KakuninshoRoute; 4],
    /// Copay values by index.
    pub copays: [Copay; 3],
    /// Error codes by status word − 1 (JS-only codes appended by the boundary).
    pub error_codes: Vec<&'static str>,
    /// Summary columns.
    pub columns: Vec<LayoutColumn>,
    /// Words per summary row.
    pub summary_width: usize,
}

/// The layout, with `extra_codes` (the boundary's own codes) after the [`ErrorCode`]s.
pub fn layout(extra_codes: &[&'static str]) -> Layout {
    let mut at = ROW_COLUMNS;
    let columns = SUMMARY_COLUMNS
        .iter()
        .map(|(name, kind)| {
            let c = LayoutColumn {
                name,
                kind: kind.as_str(),
                at,
            };
            at += kind.width();
            c
        })
        .collect();
    Layout {
        fields: FIELDS
            .iter()
            .map(|(name, kind)| LayoutField {
                name,
                kind: match kind {
                    FieldKind::Date => "date",
                    FieldKind::OptDate => "optDate",
                    FieldKind::Bool => "bool",
                    FieldKind::OptBool => "optBool",
                    FieldKind::Enum(_) => "enum",
                    FieldKind::Documents => "documents",
                },
                values: match kind {
                    FieldKind::Enum(values) => values.to_vec(),
                    FieldKind::Documents => Document::ALL.iter().map(|d| d.as_str()).collect(),
                    _ => Vec::new(),
                },
            })
            .collect(),
        tokens: tokens(),
        documents: Document::ALL.iter().map(|d| d.as_str()).collect(),
        routes: ROUTES,
        copays: COPAYS,
        error_codes: ERROR_CODES
            .iter()
            .map(|c| c.as_str())
            .chain(extra_codes.iter().copied())
            .collect(),
        columns,
        summary_width: SUMMARY_WIDTH,
    }
}
