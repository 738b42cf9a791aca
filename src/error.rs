//! Input errors with stable codes and messages in Japanese and English.
//!
//! An error names the field and a stable code. Its messages never contain the value the person
//! entered (dates of birth, expiry dates… are personal data): only the field's name — and for
//! a field name the contract does not know, not even that name (a person may have typed data
//! into a key): only its position and a fixed-length hash ([`unknown_field_label`]).
//!
//! The message templates here are the same texts as `error.<code>` in `locales/ja.json` and
//! `locales/en.json` (a test compares them), so one record never carries two different texts
//! for one error. `docs/errors.md` is generated from [`ErrorCode::ALL`] by
//! `hoken-check errors --markdown`.

use serde::Serialize;

string_enum! {
    /// Stable error codes (camelCase strings in JSON).
    ErrorCode {
        /// The input (or one record of it) is not valid JSON / CSV at all.
        MalformedInput = "malformedInput",
        /// The record is not an object (e.g. a number, a string, an array, `undefined`).
        NotAnObject = "notAnObject",
        /// A field name that the contract does not know (reported by position and hash).
        UnknownField = "unknownField",
        /// The same field twice in one record.
        DuplicateField = "duplicateField",
        /// A required field (`asOf`) is absent or null.
        MissingField = "missingField",
        /// A value of the wrong JSON type (a number where a date string belongs …).
        WrongType = "wrongType",
        /// A string that is not one of the field's enum values / document tokens.
        UnknownValue = "unknownValue",
        /// A date not in the form the field takes.
        MalformedDate = "malformedDate",
        /// A date in the right form that does not exist on the calendar (2025-02-30).
        ImpossibleDate = "impossibleDate",
        /// A well-formed date outside the supported years (`dates::MIN_YEAR..=MAX_YEAR`):
        /// 0000-01-01, 9999-12-31, 1867-12-31.
        OutOfRange = "outOfRange",
        /// A value or record far larger than any real one.
        TooLarge = "tooLarge",
        /// The input holds no record at all (empty, or only white space / a header row).
        EmptyInput = "emptyInput",
        /// A CSV line whose quote (`"`) is not closed as CSV requires: the record ends at
        /// that line's end and reading resumes on the next line.
        UnbalancedQuote = "unbalancedQuote",
        /// A CSV row with more or fewer cells than the header row.
        WrongColumnCount = "wrongColumnCount",
        /// A record with bytes that are not valid in the input's character encoding
        /// (UTF-8, or Shift_JIS / CP932 when detected or chosen).
        InvalidEncoding = "invalidEncoding",
        /// The insurer pack given with the record (`--pack`, `{ pack }`) is for another
        /// insurer kind or 後期 region than the record's `insurerKind` / `kokiRegion`
        /// (RULES.md §15: a pack answers only for its own insurer).
        PackNotForRecord = "packNotForRecord",
    }
}

impl ErrorCode {
    /// The message templates `(ja, en)`: the texts of `error.<code>` in the catalogs, with a
    /// `{field}` placeholder where the field is named.
    pub fn templates(self) -> (&'static str, &'static str) {
        match self {
            ErrorCode::MalformedInput => (
                "入力を読み取れません。JSON または CSV の形式を確認してください。",
                "The input could not be read. Check that it is JSON or CSV.",
            ),
            ErrorCode::NotAnObject => (
                "各レコードはオブジェクト(項目名と値の組)である必要があります。",
                "Each record must be an object (field names and values).",
            ),
            ErrorCode::UnknownField => (
                "「{field}」という項目はありません。項目名を確認してください。",
                "There is no field called \"{field}\". Check the field name.",
            ),
            ErrorCode::DuplicateField => (
                "項目「{field}」が2回あります。",
                "The field \"{field}\" appears twice.",
            ),
            ErrorCode::MissingField => (
                "項目「{field}」は必須です。",
                "The field \"{field}\" is required.",
            ),
            ErrorCode::WrongType => (
                "項目「{field}」の値の種類が違います(日付は文字列、はい/いいえは true/false)。",
                "The field \"{field}\" has a value of the wrong type (dates are strings, yes/no is true/false).",
            ),
            ErrorCode::UnknownValue => (
                "項目「{field}」の値は、使える値のどれでもありません。",
                "The field \"{field}\" has a value that is not one of its allowed values.",
            ),
            ErrorCode::MalformedDate => (
                "項目「{field}」の日付は YYYY-MM-DD の形で入力してください(例: 2026-01-15)。",
                "The field \"{field}\" must be a date written YYYY-MM-DD (e.g. 2026-01-15).",
            ),
            ErrorCode::ImpossibleDate => (
                "項目「{field}」の日付は暦にありません(月末やうるう年を確認してください)。",
                "The field \"{field}\" is a date that does not exist (check month ends and leap years).",
            ),
            ErrorCode::OutOfRange => (
                "項目「{field}」の日付は、対応している年の範囲の外です。年を確認してください。",
                "The field \"{field}\" is a date outside the supported years. Check the year.",
            ),
            ErrorCode::TooLarge => (
                "項目「{field}」の値が大きすぎます。",
                "The field \"{field}\" holds a value that is far too large.",
            ),
            ErrorCode::EmptyInput => (
                "入力が空です。レコードが1件もありません。",
                "The input is empty: it holds no record.",
            ),
            ErrorCode::UnbalancedQuote => (
                "この行の引用符(\")が閉じていません。この行は読み飛ばし、次の行から読み直しました。",
                "A quote (\") on this line is not closed. The line was skipped and reading resumed on the next line.",
            ),
            ErrorCode::WrongColumnCount => (
                "この行の列の数が見出し行と違います。",
                "This row does not have as many cells as the header row.",
            ),
            ErrorCode::InvalidEncoding => (
                "この行に文字コード(UTF-8 または Shift_JIS)として読めないバイトがあります。",
                "This record holds bytes that are not valid in the input's character encoding (UTF-8 or Shift_JIS).",
            ),
            ErrorCode::PackNotForRecord => (
                "保険者パックは別の保険者のものです(項目「{field}」が合いません)。",
                "The insurer pack is for another insurer: this record's \"{field}\" does not match it.",
            ),
        }
    }
}

/// An input error: code, the field concerned (if any) and messages in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputError {
    /// Stable code.
    pub code: ErrorCode,
    /// The contract field concerned, when there is one. For an unknown field this is not the
    /// name as given but [`unknown_field_label`]: `#<position>:<8 hex digits>`.
    pub field: Option<String>,
    /// Message in Japanese.
    pub message_ja: String,
    /// Message in English.
    pub message_en: String,
}

impl InputError {
    /// Builds an error for `field` (or for the record as a whole). `field` is a contract field
    /// name or an [`unknown_field_label`], never text the person typed.
    pub fn new(code: ErrorCode, field: Option<&str>) -> Self {
        let field = field.map(|f| f.chars().take(64).collect::<String>());
        let (ja, en) = code.templates();
        let f = field.as_deref().unwrap_or("");
        let (message_ja, message_en) = (fill(ja, f), fill(en, f));
        InputError {
            code,
            field,
            message_ja,
            message_en,
        }
    }

    /// An unknown field: named by its 1-based position in the record (the CSV column) and a
    /// hash of its name, never by the name itself.
    pub fn unknown_field(position: usize, name: &str) -> Self {
        InputError::new(
            ErrorCode::UnknownField,
            Some(&unknown_field_label(position, name)),
        )
    }
}

/// `template` with every `{field}` replaced by `field` — as `str::replace`, without its
/// substring-search machinery (4.3 KB brotli of the page's wasm module for this one use).
fn fill(template: &str, field: &str) -> String {
    const MARK: &str = "{field}";
    let mut out = String::with_capacity(template.len() + field.len());
    let mut rest = template;
    while let Some(i) = rest
        .as_bytes()
        .windows(MARK.len())
        .position(|w| w == MARK.as_bytes())
    {
        // `i` starts the ASCII mark, so both cuts are on character boundaries.
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(field);
        rest = rest.get(i + MARK.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `#<position>:<hash>` — how an unknown field name is reported: its 1-based position in the
/// record and the 32-bit FNV-1a hash of its UTF-8 bytes as 8 lower-case hex digits. Fixed
/// length, starts with `#` (never a spreadsheet formula), and reveals nothing of the name;
/// whoever has the file can find the column by its position or recompute the hash.
pub fn unknown_field_label(position: usize, name: &str) -> String {
    // Hex written by hand: no integer-formatting machinery in the wasm build for this.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let h = fnv1a32(name.as_bytes());
    let mut s = String::with_capacity(16);
    s.push('#');
    crate::dates::push_decimal(
        &mut s,
        false,
        u64::try_from(position).unwrap_or(u64::MAX),
        1,
    );
    s.push(':');
    for shift in (0..8).rev() {
        s.push(char::from(HEX[((h >> (shift * 4)) & 0xf) as usize]));
    }
    s
}

/// 32-bit FNV-1a.
fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message_en)
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_mark_as_str_replace_does() {
        for t in [
            "",
            "{field}",
            "no mark",
            "項目「{field}」は必須です。",
            "{field}{field}",
            "a{field}b{field}c",
            "{fiel}{field",
            "「{field}」",
        ] {
            for f in ["", "asOf", "保険者", "#3:0a1b2c3d", "{field}"] {
                assert_eq!(fill(t, f), t.replace("{field}", f), "{t:?} {f:?}");
            }
        }
        for &code in ErrorCode::ALL {
            let (ja, en) = code.templates();
            assert_eq!(fill(ja, "asOf"), ja.replace("{field}", "asOf"));
            assert_eq!(fill(en, "asOf"), en.replace("{field}", "asOf"));
        }
    }

    #[test]
    fn fnv1a32_matches_the_published_test_vectors() {
        // From the FNV reference test suite: "" and "a", "foobar".
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn unknown_field_labels_have_a_fixed_length_and_never_contain_the_name() {
        let a = unknown_field_label(3, "=HYPERLINK(\"http://evil.example\")");
        let b = unknown_field_label(3, "x");
        assert_eq!(a.len(), b.len());
        assert!(a.starts_with("#3:") && !a.contains("HYPERLINK"));
        assert_ne!(a, b);
    }
}
