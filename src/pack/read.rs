//! Reading an insurer pack: JSON text ([`Pack::from_json`], by this module's own small JSON
//! reader) or any serde [`Deserializer`] ([`Pack::from_deserializer`]) into a plain tree, then
//! validated field by field into a [`Pack`]. Only with the cargo feature `pack-json` (default).

use super::*;
use crate::params as p;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

impl Pack {
    /// Parses and validates a pack from JSON text.
    ///
    /// # Errors
    /// A [`PackError`] naming the path: `packTooLarge` over [`MAX_PACK_BYTES`], `malformedPack`
    /// for text that is not JSON, `duplicateField` for a key given twice in one object, and the
    /// field errors of [`Pack::from_deserializer`].
    pub fn from_json(text: &str) -> Result<Pack, PackError> {
        if text.len() > MAX_PACK_BYTES {
            return Err(PackError::new(PackErrorCode::PackTooLarge, ""));
        }
        Pack::from_tree(&parse_tree(text)?)
    }

    /// [`Pack::from_json`] for the JSON text of a pack that `js/api.js` has already bounded
    /// (at most 1 MiB of `JSON.stringify` output, depth checked): the size limit is the tree's
    /// weight, as for a pack handed over as an object.
    ///
    /// # Errors
    /// As [`Pack::from_json`].
    pub fn from_bounded_json(text: &str) -> Result<Pack, PackError> {
        Pack::from_tree(&parse_tree(text)?)
    }

    /// Validates a pack arriving through any serde [`Deserializer`] (a `serde_json::Value` …).
    /// JSON text goes through [`Pack::from_json`] instead, whose reader needs no serde (the
    /// wasm module uses only that one).
    ///
    /// # Errors
    /// A [`PackError`] naming the path for unknown fields, missing fields, wrong types,
    /// malformed or impossible dates, values out of range, facts the pack's insurer kind cannot
    /// decide, facts that would change a national rule, and a pack far too large.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Pack, PackError> {
        let tree = Tree::deserialize(d).map_err(|e| read_error(&e.to_string()))?;
        Pack::from_tree(&tree)
    }

    fn from_tree(tree: &Tree) -> Result<Pack, PackError> {
        if tree.weight() > MAX_PACK_BYTES {
            return Err(PackError::new(PackErrorCode::PackTooLarge, ""));
        }
        let mut hash_input = String::new();
        tree.canonical(&mut hash_input);
        let root = Obj::new(tree, "")?;
        root.only()?;
        match root.number("schemaVersion")? {
            Some(n) if n == SCHEMA_VERSION => {}
            Some(_) => return Err(PackError::new(PackErrorCode::UnknownValue, "schemaVersion")),
            None => return Err(PackError::new(PackErrorCode::MissingField, "schemaVersion")),
        }
        root.string("$schema")?;
        let version = root.required_string("version")?;
        let who = read_who(&root.required_obj("who")?)?;
        let kind = who.insurer_kind;
        let contact = match root.obj("contact")? {
            Some(c) => Some(read_contact(&c)?),
            None => None,
        };
        let old_card_printed_expiry = match root.obj("oldCard")? {
            Some(o) => {
                if !kind.is_regional() {
                    // R-OLD-2: 被用者保険 cards carry no printed expiry.
                    return Err(PackError::new(PackErrorCode::FactNotForKind, "oldCard"));
                }
                o.only()?;
                Some((o.required_date("printedExpiry")?, o.provenance()?))
            }
            None => None,
        };
        let kakuninsho = match root.obj("kakuninsho")? {
            Some(k) => read_kakuninsho(&k, kind)?,
            None => KakuninshoFacts::default(),
        };
        let koki = match root.obj("koki")? {
            Some(k) => {
                if kind != InsurerKind::KokiKoreisha {
                    return Err(PackError::new(PackErrorCode::FactNotForKind, "koki"));
                }
                Some(read_koki(&k)?)
            }
            None => None,
        };
        let koureijukyusha_separate = match root.obj("koureijukyusha")? {
            Some(k) => {
                if kind == InsurerKind::KokiKoreisha {
                    // 後期 members are 75 or older (R-OLD-8): no 70–74 card.
                    return Err(PackError::new(
                        PackErrorCode::FactNotForKind,
                        "koureijukyusha",
                    ));
                }
                k.only()?;
                let sep = k.bool("separateCard")?.ok_or_else(|| {
                    PackError::new(PackErrorCode::MissingField, &k.at("separateCard"))
                })?;
                Some((sep, k.provenance()?))
            }
            None => None,
        };
        Ok(Pack {
            version,
            who,
            contact,
            old_card_printed_expiry,
            kakuninsho,
            koki,
            koureijukyusha_separate,
            hash: format!("fnv1a64:{:016x}", fnv1a64(hash_input.as_bytes())),
        })
    }
}

const DUPLICATE: &str = "duplicate field ";

/// The error for input that could not be read into a tree: a duplicate key names the key
/// (the reader does not know the path above it), anything else is `malformedPack`.
fn read_error(text: &str) -> PackError {
    match text.strip_prefix(DUPLICATE) {
        Some(rest) => PackError::new(
            PackErrorCode::DuplicateField,
            rest.split(" at line").next().unwrap_or(""),
        ),
        None => PackError::new(PackErrorCode::MalformedPack, ""),
    }
}

fn read_who(o: &Obj) -> Result<Who, PackError> {
    o.only()?;
    let kind_text = o.required_string("insurerKind")?;
    let insurer_kind = InsurerKind::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == kind_text)
        .ok_or_else(|| PackError::new(PackErrorCode::UnknownValue, &o.at("insurerKind")))?;
    Ok(Who {
        name: o.required_string("name")?,
        insurer_kind,
        insurer_number: o.string("insurerNumber")?,
        prefecture: o.string("prefecture")?,
        municipality: o.string("municipality")?,
        provenance: o.provenance()?,
    })
}

fn read_contact(o: &Obj) -> Result<(Contact, Provenance), PackError> {
    o.only()?;
    let contact = Contact {
        phone: o.string("phone")?,
        hours: o.string("hours")?,
        web: o.string("web")?,
        counter: o.string("counter")?,
    };
    if let Some(web) = &contact.web {
        if !is_address(web) {
            return Err(PackError::new(PackErrorCode::NotAnAddress, &o.at("web")));
        }
    }
    if let Some(phone) = &contact.phone {
        let ok = !phone.is_empty()
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')' | '+'));
        if !ok {
            return Err(PackError::new(PackErrorCode::WrongType, &o.at("phone")));
        }
    }
    if contact.phone.is_none() && contact.web.is_none() && contact.counter.is_none() {
        return Err(PackError::new(PackErrorCode::MissingField, &o.at("web")));
    }
    Ok((contact, o.provenance()?))
}

fn read_kakuninsho(o: &Obj, kind: InsurerKind) -> Result<KakuninshoFacts, PackError> {
    o.only()?;
    let mut f = KakuninshoFacts::default();
    if let Some(v) = o.obj("validity")? {
        v.only()?;
        let until = v.required_date("until")?;
        if until < p::ABOLITION {
            // R-OLD-1: no 資格確認書 existed before 2024-12-02.
            return Err(PackError::new(PackErrorCode::OutOfRange, &v.at("until")));
        }
        f.validity_until = Some((until, v.provenance()?));
    }
    if let Some(a) = o.obj("afterEcertExpiry")? {
        a.only()?;
        let mode = match a.required_string("mode")?.as_str() {
            "automatic" => AfterExpiryMode::Automatic,
            "monthlyList" => AfterExpiryMode::MonthlyList,
            "applicationOnly" => AfterExpiryMode::ApplicationOnly,
            _ => return Err(PackError::new(PackErrorCode::UnknownValue, &a.at("mode"))),
        };
        let months = a.number("months")?;
        if months.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(PackError::new(PackErrorCode::OutOfRange, &a.at("months")));
        }
        if months.is_some() && mode != AfterExpiryMode::Automatic {
            return Err(PackError::new(
                PackErrorCode::FactNotForKind,
                &a.at("months"),
            ));
        }
        f.after_ecert_expiry = Some(AfterExpiry {
            mode,
            months,
            provenance: a.provenance()?,
        });
    }
    if let Some(t) = o.obj("toEveryone")? {
        if kind != InsurerKind::Kokuho {
            // R-KAKU-5: a municipal 国保 decision (自治事務).
            return Err(PackError::new(PackErrorCode::FactNotForKind, &t.at("")));
        }
        t.only()?;
        let from = t.required_date("from")?;
        let until = t.date("until")?;
        if from < p::ABOLITION || until.is_some_and(|u| u < from) {
            return Err(PackError::new(PackErrorCode::OutOfRange, &t.at("from")));
        }
        let except = t.number("exceptAgedFrom")?;
        if except.is_some_and(|a| !(1..=120).contains(&a)) {
            return Err(PackError::new(
                PackErrorCode::OutOfRange,
                &t.at("exceptAgedFrom"),
            ));
        }
        f.to_everyone = Some(ToEveryone {
            from,
            until,
            except_aged_from: except,
            provenance: t.provenance()?,
        });
    }
    if let Some(r) = o.obj("reissueFee")? {
        r.only()?;
        let yen = r
            .number("yen")?
            .ok_or_else(|| PackError::new(PackErrorCode::MissingField, &r.at("yen")))?;
        if yen > 100_000 {
            return Err(PackError::new(PackErrorCode::OutOfRange, &r.at("yen")));
        }
        f.reissue_fee_yen = Some((yen, r.provenance()?));
    }
    Ok(f)
}

fn read_koki(o: &Obj) -> Result<KokiFacts, PackError> {
    o.only()?;
    let age = o.number("allKakuninshoFromAge")?;
    let on = o.date("ageOn")?;
    let all = match (age, on) {
        (Some(a), Some(d)) => {
            if !(75..=120).contains(&a) {
                return Err(PackError::new(
                    PackErrorCode::OutOfRange,
                    &o.at("allKakuninshoFromAge"),
                ));
            }
            if d <= p::KOKI_PROVISIONAL_END {
                // R-KOKI-1: until 2026-07-31 everyone gets one anyway; a pack cannot move it.
                return Err(PackError::new(
                    PackErrorCode::OverridesNationalRule,
                    &o.at("ageOn"),
                ));
            }
            Some((a, d))
        }
        (None, None) => None,
        (Some(_), None) => return Err(PackError::new(PackErrorCode::MissingField, &o.at("ageOn"))),
        (None, Some(_)) => {
            return Err(PackError::new(
                PackErrorCode::MissingField,
                &o.at("allKakuninshoFromAge"),
            ))
        }
    };
    Ok(KokiFacts {
        all_kakuninsho_from_age: all,
        any_holder_may_apply: o.bool("anyHolderMayApply")?,
        provenance: o.provenance()?,
    })
}

fn is_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 10 && !s.contains(' ')
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ------------------------------------------------------------------------------------------
// A plain tree of the input, read by any serde Deserializer.
// ------------------------------------------------------------------------------------------

/// The input as read, before validation.
#[derive(Debug, Clone, PartialEq)]
enum Tree {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl Tree {
    /// Characters of strings and keys, plus one per node: the size measure of a pack that
    /// arrives as an object.
    fn weight(&self) -> usize {
        match self {
            Tree::String(s) => s.len() + 1,
            Tree::Array(a) => a.iter().map(Tree::weight).sum::<usize>() + 1,
            Tree::Object(o) => o.iter().map(|(k, v)| k.len() + v.weight()).sum::<usize>() + 1,
            _ => 1,
        }
    }

    /// Canonical form for the hash: keys sorted, no white space.
    fn canonical(&self, out: &mut String) {
        match self {
            Tree::Null => out.push_str("null"),
            Tree::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Tree::Number(n) => canonical_number(*n, out),
            Tree::String(s) => canonical_string(s, out),
            Tree::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    x.canonical(out);
                }
                out.push(']');
            }
            Tree::Object(o) => {
                let mut keys: Vec<&(String, Tree)> = o.iter().collect();
                keys.sort_by(|a, b| a.0.cmp(&b.0));
                out.push('{');
                for (i, (k, v)) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    canonical_string(k, out);
                    out.push(':');
                    v.canonical(out);
                }
                out.push('}');
            }
        }
    }
}

/// A number in the canonical text: a whole number as its digits, anything else as the bits of
/// its `f64` in hex — deterministic, and without float formatting (which would add ~15 KB to
/// the wasm module for this hash alone).
fn canonical_number(n: f64, out: &mut String) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole number below is exact
    if n.fract() == 0.0 && n.abs() < EXACT {
        out.push_str(&(n as i64).to_string());
    } else {
        out.push_str("0x");
        out.push_str(&format!("{:016x}", n.to_bits()));
    }
}

/// A string in the canonical text: quoted, with `"`, `\` and control characters escaped
/// (by hand: Debug escaping would pull in the Unicode printable tables).
fn canonical_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// ------------------------------------------------------------------------------------------
// JSON text to a tree, by hand (RFC 8259). The wasm module reads packs with this instead of
// serde's deserializer machinery, whose error messages pull in float formatting: reading a
// pack through serde-wasm-bindgen was ~22 KB of the ~88 KB (brotli) module. A test holds it to
// serde_json on the same text (same tree, or both refuse).
// ------------------------------------------------------------------------------------------

/// Nesting deeper than this is refused as `malformedPack` (serde_json's limit, too).
const MAX_JSON_DEPTH: usize = 128;

fn malformed() -> PackError {
    PackError::new(PackErrorCode::MalformedPack, "")
}

/// `text` as a [`Tree`]: `malformedPack` for anything that is not one JSON value (with white
/// space around it), `duplicateField` naming a key given twice in one object.
fn parse_tree(text: &str) -> Result<Tree, PackError> {
    let mut p = JsonText {
        b: text.as_bytes(),
        i: 0,
    };
    let tree = p.value(0)?;
    p.ws();
    if p.i == p.b.len() {
        Ok(tree)
    } else {
        Err(malformed())
    }
}

struct JsonText<'a> {
    b: &'a [u8],
    i: usize,
}

impl JsonText<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn word(&mut self, word: &[u8], t: Tree) -> Result<Tree, PackError> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(t)
        } else {
            Err(malformed())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Tree, PackError> {
        if depth > MAX_JSON_DEPTH {
            return Err(malformed());
        }
        self.ws();
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                self.object(depth)
            }
            Some(b'[') => {
                self.i += 1;
                self.array(depth)
            }
            Some(b'"') => {
                self.i += 1;
                self.string().map(Tree::String)
            }
            Some(b't') => self.word(b"true", Tree::Bool(true)),
            Some(b'f') => self.word(b"false", Tree::Bool(false)),
            Some(b'n') => self.word(b"null", Tree::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(malformed()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Tree, PackError> {
        let mut out = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Tree::Array(out));
        }
        loop {
            out.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(b']') {
                return Ok(Tree::Array(out));
            }
            if !self.eat(b',') {
                return Err(malformed());
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Tree, PackError> {
        let mut out: Vec<(String, Tree)> = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Tree::Object(out));
        }
        loop {
            self.ws();
            if !self.eat(b'"') {
                return Err(malformed());
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(malformed());
            }
            let v = self.value(depth + 1)?;
            if out.iter().any(|(k, _)| *k == key) {
                let key: String = key.chars().take(64).collect();
                return Err(PackError::new(PackErrorCode::DuplicateField, &key));
            }
            out.push((key, v));
            self.ws();
            if self.eat(b'}') {
                return Ok(Tree::Object(out));
            }
            if !self.eat(b',') {
                return Err(malformed());
            }
        }
    }

    /// The rest of a string after its opening quote.
    fn string(&mut self) -> Result<String, PackError> {
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Cut only at ASCII bytes of valid UTF-8 text: always whole characters.
            let run = self.b.get(start..self.i).ok_or_else(malformed)?;
            out.push_str(std::str::from_utf8(run).map_err(|_| malformed())?);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = self.peek().ok_or_else(malformed)?;
                    self.i += 1;
                    out.push(match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return Err(malformed()),
                    });
                }
                // A control character, or the end of the text.
                _ => return Err(malformed()),
            }
        }
    }

    /// The character of a `\uXXXX` escape (after the `u`), a surrogate pair taking two.
    fn escaped_char(&mut self) -> Result<char, PackError> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if !(self.eat(b'\\') && self.eat(b'u')) {
                return Err(malformed());
            }
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(malformed());
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        // A lone low surrogate is no character.
        char::from_u32(code).ok_or_else(malformed)
    }

    fn hex4(&mut self) -> Result<u32, PackError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = char::from(self.peek().ok_or_else(malformed)?)
                .to_digit(16)
                .ok_or_else(malformed)?;
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` as an `f64`. The digits are
    /// gathered exactly while they fit a `u64`, so a whole number is the same `f64` serde_json
    /// makes of it (all a valid pack holds); a number that is not whole, or has more digits,
    /// may differ in its last bits (it only needs to be not whole, or out of range). Without
    /// float parsing or formatting code; a number beyond `f64` is `malformedPack`.
    fn number(&mut self) -> Result<Tree, PackError> {
        let negative = self.eat(b'-');
        let mut exact: Option<u64> = Some(0);
        let mut approx = 0.0f64;
        let mut scale: i32 = 0;
        let mut digit = |d: u8| {
            exact = exact
                .and_then(|m| m.checked_mul(10))
                .and_then(|m| m.checked_add(u64::from(d)));
            approx = approx * 10.0 + f64::from(d);
        };
        let mut int_digits = 0;
        let mut leading_zero = false;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            if leading_zero {
                return Err(malformed());
            }
            leading_zero = int_digits == 0 && c == b'0';
            digit(c - b'0');
            int_digits += 1;
            self.i += 1;
        }
        if int_digits == 0 {
            return Err(malformed());
        }
        if self.eat(b'.') {
            let mut frac_digits = 0;
            while let Some(c @ b'0'..=b'9') = self.peek() {
                digit(c - b'0');
                scale = scale.saturating_sub(1);
                frac_digits += 1;
                self.i += 1;
            }
            if frac_digits == 0 {
                return Err(malformed());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let exp_negative = self.eat(b'-');
            if !exp_negative {
                self.eat(b'+');
            }
            let mut exp: i32 = 0;
            let mut exp_digits = 0;
            while let Some(c @ b'0'..=b'9') = self.peek() {
                exp = exp.saturating_mul(10).saturating_add(i32::from(c - b'0'));
                exp_digits += 1;
                self.i += 1;
            }
            if exp_digits == 0 {
                return Err(malformed());
            }
            scale = scale.saturating_add(if exp_negative { -exp } else { exp });
        }
        // One rounding from the exact digits where they fit (as serde_json's `n as f64`).
        #[allow(clippy::cast_precision_loss)]
        let digits = exact.map_or(approx, |m| m as f64);
        let magnitude = if digits == 0.0 {
            0.0
        } else if scale >= 0 {
            digits * 10f64.powi(scale)
        } else {
            digits / 10f64.powi(scale.saturating_neg())
        };
        if !magnitude.is_finite() {
            return Err(malformed());
        }
        Ok(Tree::Number(if negative { -magnitude } else { magnitude }))
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Tree, E> {
        Ok(Tree::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Tree, E> {
        Ok(Tree::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Tree, E> {
        Ok(Tree::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Tree, E> {
        Ok(Tree::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Tree, E> {
        Ok(Tree::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut out = Vec::new();
        while let Some(x) = seq.next_element::<Tree>()? {
            out.push(x);
        }
        Ok(Tree::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut out: Vec<(String, Tree)> = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value::<Tree>()?;
            if out.iter().any(|(x, _)| *x == k) {
                let key: String = k.chars().take(64).collect();
                return Err(serde::de::Error::custom(format!("{DUPLICATE}{key}")));
            }
            out.push((k, v));
        }
        Ok(Tree::Object(out))
    }
}

/// An object of the tree at a path, with typed, path-naming accessors.
struct Obj<'a> {
    fields: &'a [(String, Tree)],
    path: String,
}

impl<'a> Obj<'a> {
    fn new(t: &'a Tree, path: &str) -> Result<Obj<'a>, PackError> {
        match t {
            Tree::Object(fields) => Ok(Obj {
                fields,
                path: path.to_string(),
            }),
            _ => Err(PackError::new(PackErrorCode::WrongType, path)),
        }
    }
    fn at(&self, key: &str) -> String {
        match (self.path.is_empty(), key.is_empty()) {
            (true, _) => key.to_string(),
            (false, true) => self.path.clone(),
            (false, false) => format!("{}.{key}", self.path),
        }
    }
    /// Unknown fields are errors: the allowed ones are [`FIELDS`] for this object's path.
    fn only(&self) -> Result<(), PackError> {
        let allowed = FIELDS
            .iter()
            .find(|(path, _)| path.join(".") == self.path)
            .map_or(&[][..], |(_, f)| *f);
        match self
            .fields
            .iter()
            .find(|(k, _)| !allowed.contains(&k.as_str()))
        {
            Some((k, _)) => {
                let key: String = k.chars().take(64).collect();
                Err(PackError::new(PackErrorCode::UnknownField, &self.at(&key)))
            }
            None => Ok(()),
        }
    }
    /// The value of `key`, `None` when absent or null.
    fn get(&self, key: &str) -> Option<&'a Tree> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Tree::Null)
    }
    fn string(&self, key: &str) -> Result<Option<String>, PackError> {
        match self.get(key) {
            None => Ok(None),
            Some(Tree::String(s)) if s.chars().count() > MAX_STRING_CHARS => {
                Err(PackError::new(PackErrorCode::PackTooLarge, &self.at(key)))
            }
            Some(Tree::String(s)) if s.trim().is_empty() => {
                Err(PackError::new(PackErrorCode::MissingField, &self.at(key)))
            }
            Some(Tree::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(PackError::new(PackErrorCode::WrongType, &self.at(key))),
        }
    }
    fn required_string(&self, key: &str) -> Result<String, PackError> {
        self.string(key)?
            .ok_or_else(|| PackError::new(PackErrorCode::MissingField, &self.at(key)))
    }
    fn number(&self, key: &str) -> Result<Option<u32>, PackError> {
        match self.get(key) {
            None => Ok(None),
            Some(Tree::Number(n)) if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) => {
                Ok(Some(*n as u32))
            }
            Some(Tree::Number(_)) => Err(PackError::new(PackErrorCode::OutOfRange, &self.at(key))),
            Some(_) => Err(PackError::new(PackErrorCode::WrongType, &self.at(key))),
        }
    }
    fn bool(&self, key: &str) -> Result<Option<bool>, PackError> {
        match self.get(key) {
            None => Ok(None),
            Some(Tree::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(PackError::new(PackErrorCode::WrongType, &self.at(key))),
        }
    }
    fn date(&self, key: &str) -> Result<Option<NaiveDate>, PackError> {
        let Some(text) = self.string(key)? else {
            return Ok(None);
        };
        match dates::parse_iso(&text) {
            Ok(d) => Ok(Some(d)),
            Err(dates::DateError::Impossible) => {
                Err(PackError::new(PackErrorCode::ImpossibleDate, &self.at(key)))
            }
            Err(_) => Err(PackError::new(PackErrorCode::MalformedDate, &self.at(key))),
        }
    }
    fn required_date(&self, key: &str) -> Result<NaiveDate, PackError> {
        self.date(key)?
            .ok_or_else(|| PackError::new(PackErrorCode::MissingField, &self.at(key)))
    }
    fn obj(&self, key: &str) -> Result<Option<Obj<'a>>, PackError> {
        match self.get(key) {
            None => Ok(None),
            Some(t) => Obj::new(t, &self.at(key)).map(Some),
        }
    }
    fn required_obj(&self, key: &str) -> Result<Obj<'a>, PackError> {
        self.obj(key)?
            .ok_or_else(|| PackError::new(PackErrorCode::MissingField, &self.at(key)))
    }
    /// Every fact's `source` (a public page) and `verifiedOn`.
    fn provenance(&self) -> Result<Provenance, PackError> {
        let source = self.required_string("source")?;
        if !is_address(&source) {
            return Err(PackError::new(
                PackErrorCode::NotAnAddress,
                &self.at("source"),
            ));
        }
        Ok(Provenance {
            source,
            verified_on: self.required_date("verifiedOn")?,
        })
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod json_reader_tests {
    //! The hand-written JSON reader against serde_json (through the same [`Tree`] visitor, which
    //! is how packs were read before): the same tree, or both refuse with the same code.
    use super::{parse_tree, read_error, PackError, Tree};
    use proptest::prelude::*;

    fn by_serde(text: &str) -> Result<Tree, PackError> {
        serde_json::from_str::<Tree>(text).map_err(|e| read_error(&e.to_string()))
    }

    /// Equal trees; a number that is not whole may differ in its last bits (only whole numbers
    /// are valid in a pack, and they are exact in both).
    fn same(a: &Tree, b: &Tree) -> bool {
        match (a, b) {
            // Whole numbers below 2^64 are exact in both; others may differ in the last bits.
            (Tree::Number(x), Tree::Number(y))
                if x.fract() != 0.0 || y.fract() != 0.0 || x.abs() >= 1.8e19 =>
            {
                (x.fract() != 0.0) == (y.fract() != 0.0) && ((x - y) / y).abs() < 1e-12
            }
            (Tree::Array(x), Tree::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
            }
            (Tree::Object(x), Tree::Object(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|((k, p), (l, q))| k == l && same(p, q))
            }
            _ => a == b,
        }
    }

    fn agree(text: &str) {
        match (parse_tree(text), by_serde(text)) {
            (Ok(a), Ok(b)) => assert!(same(&a, &b), "{text:?}: {a:?} != {b:?}"),
            (Err(a), Err(b)) => {
                assert_eq!(a.code, b.code, "{text:?}");
                assert_eq!(a.path, b.path, "{text:?}");
            }
            (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
        }
    }

    #[test]
    fn agrees_with_serde_json_on_hand_picked_texts() {
        let deep_ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let too_deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        for text in [
            "{}",
            "[]",
            " \t\r\n{ \"a\" : [ 1 , true , false , null , \"x\" ] } \n",
            r#"{"schemaVersion":1,"who":{"name":"渋谷区","insurerKind":"kokuho"}}"#,
            "0",
            "-0",
            "1.0",
            "1e2",
            "1E+2",
            "1e-2",
            "-12.5e3",
            "123456789012345678901234567890",
            "9007199254740993",
            "1e400",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "NaN",
            "Infinity",
            r#""\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            r#""\u12""#,
            r#""\x""#,
            "\"a\u{1}b\"",
            "\"unterminated",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1}{}",
            "[1 2]",
            "tru",
            "nul",
            "",
            "   ",
            "\u{feff}{}",
            r#"{"a":1,"a":2}"#,
            r#"{"x":{"k":1,"k":[1}}"#,
            r#"{"x":{"k":1,"k":2}}"#,
            &deep_ok,
            &too_deep,
        ] {
            agree(text);
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            (-1e6f64..1e6).prop_map(serde_json::Value::from),
            "\\PC{0,12}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-z\u{3042}-\u{3093}]{0,6}", inner), 0..6)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any JSON value, compact or pretty: the same tree.
        #[test]
        fn reads_any_json_as_serde_json_does(v in json_value(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            agree(&text);
        }

        /// The same text with one byte cut out or replaced: both accept the same tree, or both
        /// refuse with the same code.
        #[test]
        fn refuses_what_serde_json_refuses(
            v in json_value(),
            at in any::<prop::sample::Index>(),
            byte in prop::sample::select(b"{}[],:\"\\ 0-.eEtfnu".to_vec()),
            cut in any::<bool>(),
        ) {
            let mut bytes = serde_json::to_string(&v).unwrap().into_bytes();
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                if cut { bytes.remove(i); } else { bytes[i] = byte; }
            }
            if let Ok(text) = String::from_utf8(bytes) {
                agree(&text);
            }
        }
    }
}
