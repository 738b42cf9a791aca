//! Input errors with stable codes and messages in Japanese and English.
//!
//! An error names the field and a stable code. Its messages never contain the value the person
//! entered (dates of birth, expiry dates… are personal data): only the field's name.

use serde::Serialize;

/// Stable error codes (camelCase strings in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// The input is not valid JSON / CSV at all.
    MalformedInput,
    /// The record is not an object (e.g. a number, a string, `undefined`).
    NotAnObject,
    /// A field name that the contract does not know.
    UnknownField,
    /// The same field twice in one record.
    DuplicateField,
    /// A required field (`asOf`) is absent or null.
    MissingField,
    /// A value of the wrong JSON type (a number where a date string belongs …).
    WrongType,
    /// A string that is not one of the field's enum values / document tokens.
    UnknownValue,
    /// A date not in the form the field takes.
    MalformedDate,
    /// A date in the right form that does not exist on the calendar (2025-02-30).
    ImpossibleDate,
    /// A value or record far larger than any real one.
    TooLarge,
}

impl ErrorCode {
    /// The stable code string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedInput => "malformedInput",
            ErrorCode::NotAnObject => "notAnObject",
            ErrorCode::UnknownField => "unknownField",
            ErrorCode::DuplicateField => "duplicateField",
            ErrorCode::MissingField => "missingField",
            ErrorCode::WrongType => "wrongType",
            ErrorCode::UnknownValue => "unknownValue",
            ErrorCode::MalformedDate => "malformedDate",
            ErrorCode::ImpossibleDate => "impossibleDate",
            ErrorCode::TooLarge => "tooLarge",
        }
    }
}

/// An input error: code, the field concerned (if any) and messages in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputError {
    /// Stable code.
    pub code: ErrorCode,
    /// The contract field concerned, when there is one. For an unknown field this is the name
    /// as given, cut to 64 characters (a key, not a value).
    pub field: Option<String>,
    /// Message in Japanese.
    pub message_ja: String,
    /// Message in English.
    pub message_en: String,
}

impl InputError {
    /// Builds an error for `field` (or for the record as a whole).
    pub fn new(code: ErrorCode, field: Option<&str>) -> Self {
        let field = field.map(|f| f.chars().take(64).collect::<String>());
        let f = field.as_deref().unwrap_or("");
        let (ja, en) = match code {
            ErrorCode::MalformedInput => (
                "入力を読み取れません(JSON または CSV の形式を確認してください)。".to_string(),
                "The input could not be read (check that it is JSON or CSV).".to_string(),
            ),
            ErrorCode::NotAnObject => (
                "各レコードはオブジェクト(項目名と値の組)である必要があります。".to_string(),
                "Each record must be an object (field names and values).".to_string(),
            ),
            ErrorCode::UnknownField => (
                format!("「{f}」という項目はありません。項目名を確認してください。"),
                format!("There is no field called \"{f}\". Check the field name."),
            ),
            ErrorCode::DuplicateField => (
                format!("項目「{f}」が2回あります。"),
                format!("The field \"{f}\" appears twice."),
            ),
            ErrorCode::MissingField => (
                format!("項目「{f}」は必須です。"),
                format!("The field \"{f}\" is required."),
            ),
            ErrorCode::WrongType => (
                format!("項目「{f}」の値の種類が違います(日付は文字列、はい/いいえは true/false)。"),
                format!("The field \"{f}\" has a value of the wrong type (dates are strings, yes/no is true/false)."),
            ),
            ErrorCode::UnknownValue => (
                format!("項目「{f}」の値は使える値のどれでもありません。"),
                format!("The field \"{f}\" has a value that is not one of its allowed values."),
            ),
            ErrorCode::MalformedDate => (
                format!("項目「{f}」の日付は YYYY-MM-DD の形で入力してください(例: 2026-01-15)。"),
                format!("The field \"{f}\" must be a date written YYYY-MM-DD (e.g. 2026-01-15)."),
            ),
            ErrorCode::ImpossibleDate => (
                format!("項目「{f}」の日付は暦にありません(月末や閏年を確認してください)。"),
                format!("The field \"{f}\" is a date that does not exist (check month ends and leap years)."),
            ),
            ErrorCode::TooLarge => (
                format!("項目「{f}」の値が大きすぎます。"),
                format!("The field \"{f}\" holds a value that is far too large."),
            ),
        };
        InputError {
            code,
            field,
            message_ja: ja,
            message_en: en,
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message_en)
    }
}

impl std::error::Error for InputError {}
