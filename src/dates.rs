//! Calendar semantics: the one place in hoken-check that knows what a date means.
//!
//! Every other module asks this one for "the day before", "the last day of the third month
//! after", "how old is this person", "what does 令和7年12月1日 mean". No other module does
//! date arithmetic of its own, and this module holds no date of the insurance rules (those
//! live with the rules); the only dates written here are calendar facts (the first days of the
//! Japanese eras).
//!
//! # Conventions
//!
//! * **Calendar dates in Japan time.** A date is a [`NaiveDate`]: a day of the (proleptic)
//!   Gregorian calendar, with no time of day and no time zone. It is always read as a day in
//!   JST. The engine never reads a clock; "today" is passed in.
//! * **"until X" is inclusive.** X is the last day on which a document is usable
//!   (RULES.md, "Date arithmetic convention"). "Valid until the day before D" is therefore
//!   [`day_before`]`(D)`, and a document valid until X is valid on X and invalid on
//!   [`day_after`]`(X)`.
//! * **Contract form.** Dates cross the public contract as `YYYY-MM-DD` ([`parse_iso`],
//!   [`format_iso`]). People type dates from cards in many more forms ([`parse_printed`]).
//! * **Supported years.** Parsers accept years [`MIN_YEAR`]`..=`[`MAX_YEAR`] (1868, the first
//!   year of 明治, to 2200) and answer [`DateError::OutOfRange`] outside. The arithmetic
//!   functions work on the whole range of [`NaiveDate`] and return `None` instead of
//!   overflowing.
//! * **Months.** "The last day of the n-th month after the month containing d" is computed on
//!   months, never by adding 30-day blocks: the day of month of `d` plays no part
//!   ([`month_end_after_months`], [`grace_end`], R-MYNA-3).
//! * **Anniversaries and ages.** The n-th anniversary of a birth is the same month and day n
//!   years later; for a 29 February birth in a year without 29 February it is 1 March
//!   ([`nth_birthday`]). A year of age is completed at the *end* of the day before the
//!   anniversary (年齢計算ニ関スル法律 with 民法143条) — [`legal_age_at_end_of`]. The everyday
//!   age that turns on the anniversary itself is [`age_on`]. Which of the two a rule uses is the
//!   rule's decision and is stated where the rule is encoded.
//! * **Eras (和暦).** 明治 1868-10-23 (its year numbering is counted from 1868-01-01, because
//!   the 改元 was made retroactive to the first day of 慶応4年), 大正 1912-07-30,
//!   昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. Year 1 of an era is the Gregorian year
//!   in which it started and is written 元年. Dates before 1868-01-01 have no era here. Dates of
//!   1868–1872, when Japan still used the lunisolar calendar, are treated as Gregorian dates
//!   (no card carries such a date).
//! * **Personal data.** Error and warning messages never contain the text that was parsed.
//!
//! # Edge cases
//!
//! | call | result | why |
//! |---|---|---|
//! | `month_end(2024-02-10)` | 2024-02-29 | leap year |
//! | `month_end(2100-02-10)` | 2100-02-28 | 2100 is not a leap year (divisible by 100, not 400) |
//! | `month_end_after_months(2025-11-10, 3)` | 2026-02-28 | Nov → Feb crosses the year end; day 10 plays no part |
//! | `month_end_after_months(2027-11-29, 3)` | 2028-02-29 | 2028 is a leap year |
//! | `month_end_after_months(2026-07-31, 3)` | 2026-10-31 | month counted, not 92 days |
//! | `month_end_after_months(2026-08-01, 3)` | 2026-11-30 | a 1st is still in its own month |
//! | `month_end_after_months(2025-12-31, 3)` | 2026-03-31 | Dec → Mar |
//! | `month_end_after_months(2024-01-31, 1)` | 2024-02-29 | no "31 February" clamping question: result is a month end |
//! | `grace_end(E)` | `month_end_after_months(E, 3)` | R-MYNA-3 |
//! | `add_months_clamped(2025-11-30, 3)` | 2026-02-28 | same day, clamped to the end of a shorter month |
//! | `add_months_clamped(2026-03-31, -1)` | 2026-02-28 | also backwards |
//! | `day_before(2025-03-01)` | 2025-02-28 | |
//! | `day_before(NaiveDate::MIN)` | `None` | chrono range |
//! | `nth_birthday(2000-02-29, 1)` | 2001-03-01 | no 29 Feb in 2001; 民法143条 |
//! | `nth_birthday(2000-02-29, 4)` | 2004-02-29 | leap year |
//! | `legal_age_at_end_of(2000-02-29, 2001-02-28)` | 1 | first year ends at the end of the last day of February |
//! | `legal_age_at_end_of(1941-08-02, 2026-08-01)` | 85 | completed at the end of the day before the 85th birthday |
//! | `legal_age_at_end_of(1941-08-03, 2026-08-01)` | 84 | |
//! | `age_on(1941-08-02, 2026-08-01)` | 84 | everyday age turns on the birthday |
//! | `birth_month_end_rule(2025-03-15)` | 2025-03-31 | R-OLD-5, end of the birth month |
//! | `birth_month_end_rule(2025-03-01)` | 2025-02-28 | R-OLD-5, born on the 1st → previous month |
//! | `birth_month_end_rule(2026-03-01)` (born 1956-02-29) | 2026-02-28 | age reached on 28 Feb |
//! | `format_wareki(1989-01-07)` | 昭和64年1月7日 | last day of 昭和 |
//! | `format_wareki(1989-01-08)` | 平成元年1月8日 | year 1 is 元年 |
//! | `format_wareki(1867-12-31)` | `None` | before 明治 |
//! | `parse_printed("平成32年3月31日")` | 2020-03-31 + [`DateWarning::PastEraEnd`] | printed on cards made before 令和 was known |
//! | `parse_printed("令和1年4月30日")` | [`DateError::BeforeEraStart`] | 令和 began on 2019-05-01 |
//! | `parse_printed("令和7年2月29日")` | [`DateError::Impossible`] | 2025 is not a leap year |
//! | `parse_printed("25/12/01")` | [`DateError::Malformed`] | a two-digit year without era is ambiguous: rejected |
//! | `parse_iso("2025-12-1")` | [`DateError::Malformed`] | the contract form has exactly two digits for month and day |
//! | `parse_iso("1867-12-31")` | [`DateError::OutOfRange`] | before [`MIN_YEAR`] |

// Machine-checked promise of this module: no panic and no unchecked arithmetic on any input.
#![deny(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::fmt;

use chrono::{Datelike, Months};

pub use chrono::NaiveDate;

/// First Gregorian year accepted by the parsers ([`parse_iso`], [`parse_printed`]): 1868,
/// the first year of 明治.
pub const MIN_YEAR: i32 = 1868;

/// Last Gregorian year accepted by the parsers ([`parse_iso`], [`parse_printed`]).
pub const MAX_YEAR: i32 = 2200;

/// Longest input, in characters, that [`parse_printed`] looks at; longer input is
/// [`DateError::Malformed`].
pub const MAX_PRINTED_CHARS: usize = 64;

/// Largest era year [`parse_printed`] accepts (令和99年). Real eras have not exceeded 64 years.
pub const MAX_ERA_YEAR: u32 = 99;

/// Builds a calendar constant. Only ever evaluated in `const` items, so an invalid constant is
/// a compile error, never a run-time panic.
#[allow(clippy::panic)] // const evaluation only: fails the build, not a run.
const fn calendar_constant(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("invalid calendar constant"),
    }
}

/// First day of the year numbering of 明治 (明治元年 is the whole of 1868).
const MEIJI_NUMBERING_START: NaiveDate = calendar_constant(1868, 1, 1);
const MEIJI_START: NaiveDate = calendar_constant(1868, 10, 23);
const TAISHO_START: NaiveDate = calendar_constant(1912, 7, 30);
const SHOWA_START: NaiveDate = calendar_constant(1926, 12, 25);
const HEISEI_START: NaiveDate = calendar_constant(1989, 1, 8);
const REIWA_START: NaiveDate = calendar_constant(2019, 5, 1);

/// Japanese eras this parser knows.
///
/// Serialised as camelCase strings: `"meiji"`, `"taisho"`, `"showa"`, `"heisei"`, `"reiwa"`.
/// Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Era {
    /// 明治 (from 1868-10-23; year numbering from 1868-01-01).
    Meiji,
    /// 大正 (from 1912-07-30).
    Taisho,
    /// 昭和 (from 1926-12-25).
    Showa,
    /// 平成 (from 1989-01-08).
    Heisei,
    /// 令和 (from 2019-05-01).
    Reiwa,
}

impl Era {
    /// All eras, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The era name in kanji: "明治", "大正", "昭和", "平成", "令和".
    pub fn kanji(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The Latin initial used in abbreviated dates ("R7.12.1"): `M`, `T`, `S`, `H`, `R`.
    pub fn latin_initial(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// First day of the era: 明治 1868-10-23, 大正 1912-07-30, 昭和 1926-12-25,
    /// 平成 1989-01-08, 令和 2019-05-01.
    ///
    /// For 明治 this is the day of the 改元; its year numbering (and [`era_of`]) nevertheless
    /// starts on 1868-01-01, because the change was made retroactive to the start of the year.
    pub fn start(self) -> NaiveDate {
        match self {
            Era::Meiji => MEIJI_START,
            Era::Taisho => TAISHO_START,
            Era::Showa => SHOWA_START,
            Era::Heisei => HEISEI_START,
            Era::Reiwa => REIWA_START,
        }
    }

    /// Gregorian year of year 1 (元年) of the era: 1868, 1912, 1926, 1989, 2019.
    pub fn first_gregorian_year(self) -> i32 {
        match self {
            Era::Meiji => 1868,
            Era::Taisho => 1912,
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// First day counted in the era (1868-01-01 for 明治, [`Era::start`] otherwise).
    fn numbering_start(self) -> NaiveDate {
        match self {
            Era::Meiji => MEIJI_NUMBERING_START,
            other => other.start(),
        }
    }
}

/// Warnings a parse can carry; the date is still returned.
///
/// Serialised with a `code` tag, e.g.
/// `{"code":"pastEraEnd","printedEra":"heisei","actualEra":"reiwa"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase", tag = "code")]
pub enum DateWarning {
    /// The date was printed in an era after that era had ended, e.g. 平成32年3月31日 →
    /// 2020-03-31 (common on cards printed before 令和 was announced). `actual_era` is the era
    /// in force on the date.
    #[serde(rename_all = "camelCase")]
    PastEraEnd {
        /// The era written in the input.
        printed_era: Era,
        /// The era in force on the resulting date.
        actual_era: Era,
    },
}

impl DateWarning {
    /// Stable camelCase code: `"pastEraEnd"`.
    pub fn code(&self) -> &'static str {
        match self {
            DateWarning::PastEraEnd { .. } => "pastEraEnd",
        }
    }

    /// Message in Japanese. Never contains the parsed text.
    pub fn message_ja(&self) -> &'static str {
        match self {
            DateWarning::PastEraEnd { .. } => {
                "元号が変わった後の日付が旧元号で書かれています(例: 平成32年 = 令和2年)。西暦に換算して読み取りました。"
            }
        }
    }

    /// Message in English. Never contains the parsed text.
    pub fn message_en(&self) -> &'static str {
        match self {
            DateWarning::PastEraEnd { .. } => {
                "The date is written in an era that had already ended on that date (e.g. Heisei 32 = Reiwa 2); it was converted to the Gregorian date."
            }
        }
    }
}

/// Why a date could not be read.
///
/// Messages ([`DateError::message_ja`], [`DateError::message_en`], `Display`) never contain
/// the input text, which is personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateError {
    /// Nothing but white space was given. Code `"emptyDate"`.
    Empty,
    /// Not a date in any accepted form (including input longer than
    /// [`MAX_PRINTED_CHARS`]). Code `"malformedDate"`.
    Malformed,
    /// The form is right but the day does not exist (2025-02-29, month 13, 31 April, era
    /// year 0). Code `"impossibleDate"`.
    Impossible,
    /// Something that looks like an era name but is not one of 明治・大正・昭和・平成・令和.
    /// Code `"unknownEra"`.
    UnknownEra,
    /// The date is before the first day of the era it is written in (令和1年4月30日).
    /// Code `"beforeEraStart"`.
    BeforeEraStart,
    /// The year is outside [`MIN_YEAR`]`..=`[`MAX_YEAR`], or the arithmetic left chrono's
    /// range. Code `"outOfRange"`.
    OutOfRange,
}

impl DateError {
    /// Stable camelCase code: `"emptyDate"`, `"malformedDate"`, `"impossibleDate"`,
    /// `"unknownEra"`, `"beforeEraStart"`, `"outOfRange"`.
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "emptyDate",
            DateError::Malformed => "malformedDate",
            DateError::Impossible => "impossibleDate",
            DateError::UnknownEra => "unknownEra",
            DateError::BeforeEraStart => "beforeEraStart",
            DateError::OutOfRange => "outOfRange",
        }
    }

    /// Message in Japanese. Never contains the input.
    pub fn message_ja(&self) -> &'static str {
        match self {
            DateError::Empty => "日付が入力されていません。",
            DateError::Malformed => {
                "日付の形式を読み取れません(例: 2025-12-01、令和7年12月1日、R7.12.1)。"
            }
            DateError::Impossible => "存在しない日付です。",
            DateError::UnknownEra => {
                "元号を読み取れません(明治・大正・昭和・平成・令和に対応しています)。"
            }
            DateError::BeforeEraStart => "その元号が始まる前の日付です。",
            DateError::OutOfRange => "対応している範囲(1868年〜2200年)の外の日付です。",
        }
    }

    /// Message in English. Never contains the input.
    pub fn message_en(&self) -> &'static str {
        match self {
            DateError::Empty => "The date is empty.",
            DateError::Malformed => {
                "The date is not in a recognised form (e.g. 2025-12-01, 令和7年12月1日, R7.12.1)."
            }
            DateError::Impossible => "The date does not exist in the calendar.",
            DateError::UnknownEra => {
                "Unknown era name (Meiji, Taisho, Showa, Heisei and Reiwa are supported)."
            }
            DateError::BeforeEraStart => {
                "The date is before the first day of the era it is written in."
            }
            DateError::OutOfRange => {
                "The date is outside the supported range (years 1868 to 2200)."
            }
        }
    }
}

impl fmt::Display for DateError {
    /// Writes [`DateError::message_en`]; never the input.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_en())
    }
}

impl std::error::Error for DateError {}

/// Result of parsing a date as printed on a card or letter.
///
/// Serialised as `{"date":"2020-03-31","era":"heisei","warnings":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedDate {
    /// The calendar date.
    #[serde(serialize_with = "serialize_iso")]
    pub date: NaiveDate,
    /// The era written in the input; `None` for Gregorian input.
    pub era: Option<Era>,
    /// Things the reader should know; empty for an unremarkable date.
    pub warnings: Vec<DateWarning>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // signature fixed by serde's `serialize_with`.
fn serialize_iso<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_iso(*d))
}

/// Checks the supported year range, then that the day exists.
fn checked_date(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible)
}

fn ascii_digit(b: u8) -> Option<u32> {
    char::from(b).to_digit(10)
}

/// Parses the strict contract form: exactly `YYYY-MM-DD` in ASCII (four-digit year, two-digit
/// month, two-digit day), nothing else — no spaces, no full-width characters, no time.
///
/// # Errors
///
/// * [`DateError::Empty`] for `""`;
/// * [`DateError::Malformed`] for anything not of the exact shape (`2025-12-1`, `2025/12/01`,
///   ` 2025-12-01`, `２０２５-12-01`);
/// * [`DateError::OutOfRange`] for a year outside [`MIN_YEAR`]`..=`[`MAX_YEAR`];
/// * [`DateError::Impossible`] for a day that does not exist (`2025-02-29`, `2025-13-01`,
///   `2025-04-31`, `2025-00-10`).
///
/// # Properties
///
/// `parse_iso(&format_iso(d)) == Ok(d)` for every `d` in the supported years.
pub fn parse_iso(s: &str) -> Result<NaiveDate, DateError> {
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() else {
        return Err(DateError::Malformed);
    };
    let digits = |bs: &[u8]| -> Option<u32> {
        bs.iter().try_fold(0u32, |acc, &b| {
            acc.checked_mul(10)?.checked_add(ascii_digit(b)?)
        })
    };
    let (Some(year), Some(month), Some(day)) = (
        digits(&[y0, y1, y2, y3]),
        digits(&[m0, m1]),
        digits(&[d0, d1]),
    ) else {
        return Err(DateError::Malformed);
    };
    let year = i32::try_from(year).map_err(|_| DateError::OutOfRange)?;
    checked_date(year, month, day)
}

/// Formats the contract form `YYYY-MM-DD` (zero-padded; meant for years 0000–9999, which
/// includes every supported year).
///
/// # Properties
///
/// `parse_iso(&format_iso(d)) == Ok(d)` for every `d` in the supported years.
pub fn format_iso(d: NaiveDate) -> String {
    match iso_bytes(d) {
        // ASCII digits and '-': each byte is its character.
        Some(b) => b.iter().copied().map(char::from).collect(),
        None => {
            // As format!("{:04}-{:02}-{:02}") (tested), without the formatting machinery.
            let mut s = String::with_capacity(16);
            let year = d.year();
            push_decimal(&mut s, year < 0, u64::from(year.unsigned_abs()), 4);
            s.push('-');
            push_decimal(&mut s, false, u64::from(d.month()), 2);
            s.push('-');
            push_decimal(&mut s, false, u64::from(d.day()), 2);
            s
        }
    }
}

/// Appends the number `n` (negative: `-n`) in decimal, zero-padded to `width` characters, a `-`
/// counting towards the width: the text of `format!("{v:0width$}")` (tested), without
/// `core::fmt`'s integer formatting, which the wasm module then does not carry.
pub(crate) fn push_decimal(out: &mut String, negative: bool, n: u64, width: usize) {
    let mut n = n;
    let mut reversed = String::with_capacity(20);
    loop {
        let digit = usize::try_from(n % 10)
            .ok()
            .and_then(|k| b"0123456789".get(k))
            .copied()
            .unwrap_or(b'0');
        reversed.push(char::from(digit));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    for _ in reversed.len().saturating_add(usize::from(negative))..width {
        out.push('0');
    }
    out.extend(reversed.chars().rev());
}

/// The bytes of [`format_iso`] for years 0000–9999 (`None` outside them), without a `String`:
/// the CLI writes every summary date through this.
pub fn iso_bytes(d: NaiveDate) -> Option<[u8; 10]> {
    let (year, month, day) = (d.year(), d.month(), d.day());
    match u32::try_from(year) {
        // The same text as `format!` without the formatting machinery: every date of an
        // Assessment is written here, and `format!` was a tenth of the wasm output's cost.
        Ok(y) if y <= 9999 => {
            let mut b = *b"0000-00-00";
            for (pos, value, digits) in [(0usize, y, 4u32), (5, month, 2), (8, day, 2)] {
                let mut v = value;
                for i in (0..digits as usize).rev() {
                    let digit = usize::try_from(v % 10)
                        .ok()
                        .and_then(|k| b"0123456789".get(k));
                    if let (Some(slot), Some(digit)) = (b.get_mut(pos.wrapping_add(i)), digit) {
                        *slot = *digit;
                    }
                    v /= 10;
                }
            }
            Some(b)
        }
        _ => None,
    }
}

/// The era in force on `d`; `None` before 1868-01-01.
///
/// 明治 is returned from 1868-01-01 (its year numbering), not only from [`Era::start`].
/// Changes of era take effect on the first day of the new era: `era_of(1989-01-07)` is
/// 昭和, `era_of(1989-01-08)` is 平成.
pub fn era_of(d: NaiveDate) -> Option<Era> {
    Era::ALL
        .iter()
        .rev()
        .copied()
        .find(|era| d >= era.numbering_start())
}

/// 和暦 for display: `"令和7年12月1日"`, with year 1 written 元 (`"令和元年5月1日"`), no zero
/// padding, in the era in force on `d` (1989-01-07 → 昭和64年1月7日, 1989-01-08 →
/// 平成元年1月8日).
///
/// Returns `None` for dates before 1868-01-01.
///
/// # Properties
///
/// For every `d` from 1868-01-01 whose era year is at most [`MAX_ERA_YEAR`] (that is, up to
/// 2117-12-31), `parse_printed(&format_wareki(d)?)` gives `d`, the era of `d` and no warnings.
/// Later dates are formatted (令和100年…) but not parsed back.
pub fn format_wareki(d: NaiveDate) -> Option<String> {
    let w = to_wareki(d)?;
    Some(if w.year == 1 {
        format!("{}元年{}月{}日", w.era.kanji(), w.month, w.day)
    } else {
        format!("{}{}年{}月{}日", w.era.kanji(), w.year, w.month, w.day)
    })
}

/// A date in the era in force on it: era, era year (1 = 元年), month, day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Wareki {
    /// The era in force on the day ([`era_of`]).
    pub era: Era,
    /// Year of the era; 1 is written 元年.
    pub year: u32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
}

/// `d` as 和暦 parts (the page writes them in each language). `None` before 1868-01-01.
/// 1989-01-07 → 昭和64年1月7日, 1989-01-08 → 平成1年1月8日.
pub fn to_wareki(d: NaiveDate) -> Option<Wareki> {
    let era = era_of(d)?;
    let year = d
        .year()
        .checked_sub(era.first_gregorian_year())?
        .checked_add(1)?;
    Some(Wareki {
        era,
        year: u32::try_from(year).ok()?,
        month: d.month(),
        day: d.day(),
    })
}

/// Last day of the month containing `d`.
///
/// Total: every month of every year chrono represents has a 28th, 29th, 30th or 31st day.
///
/// # Properties
///
/// `month_end(d) >= d`, same year and month as `d`, and `day_after(month_end(d))` (when it
/// exists) is the 1st of a month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    // The first candidate that exists is the month's length. The fallback is unreachable
    // (day 28 always exists) and only keeps the function free of panics.
    [31, 30, 29, 28]
        .into_iter()
        .find_map(|day| d.with_day(day))
        .unwrap_or(d)
}

/// Last day of the month `n` months after the month containing `d`. The day of month of `d`
/// plays no part.
///
/// `month_end_after_months(2025-11-10, 3) = 2026-02-28`, `(2027-11-29, 3) = 2028-02-29`,
/// `(2026-07-31, 3) = 2026-10-31`, `(2026-08-01, 3) = 2026-11-30`,
/// `(2025-12-31, 3) = 2026-03-31`, `(2024-01-31, 1) = 2024-02-29`, `(d, 0) = month_end(d)`.
///
/// Returns `None` only when the result is outside chrono's range.
///
/// # Properties
///
/// The result is a month end, lies exactly `n` months (counting year × 12 + month) after the
/// month of `d`, and is `>= d` (`> d` when `n >= 1`).
pub fn month_end_after_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    let target = first.checked_add_months(Months::new(n))?;
    Some(month_end(target))
}

/// The same day `months` months later (or earlier, when negative), clamped to the last day of
/// the target month: 2025-11-10 + 3 → 2026-02-10; 2025-11-30 + 3 → 2026-02-28;
/// 2024-02-29 + 12 → 2025-02-28; 2026-03-31 − 1 → 2026-02-28. Used for "from 3 months before
/// expiry" (R-MYNA-2), ages in years (× 12) and the exact-day reading of D5.
///
/// Returns `None` only on calendar overflow.
///
/// # Properties
///
/// The result lies exactly `months` months (counting year × 12 + month) from the month of `d`,
/// and its day is `min(d.day(), last day of the target month)`.
pub fn add_months_clamped(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    // chrono clamps to the last day of the target month and returns None on overflow.
    let span = Months::new(months.unsigned_abs());
    if months >= 0 {
        d.checked_add_months(span)
    } else {
        d.checked_sub_months(span)
    }
}

/// R-MYNA-3 grace end for a マイナ保険証 whose certificate (or card) expired on `expiry`:
/// usable until the last day of the third month after the month containing `expiry`
/// ("有効期限満了日が属する月の末日から3か月間").
///
/// Formula (RULES.md R-MYNA-3): `grace_end(E) = last_day_of_month(year/month of E + 3 months)`
/// = [`month_end_after_months`]`(E, 3)`. Examples from RULES.md: 2025-11-10 → 2026-02-28,
/// 2026-02-15 → 2026-05-31, 2027-11-29 → 2028-02-29, 2026-07-31 → 2026-10-31,
/// 2026-08-01 → 2026-11-30.
///
/// Returns `None` only when the result is outside chrono's range.
///
/// # Properties
///
/// The result is the last day of its month, lies in the month exactly three months after the
/// month of `expiry`, and is later than `expiry`.
pub fn grace_end(expiry: NaiveDate) -> Option<NaiveDate> {
    month_end_after_months(expiry, 3)
}

/// The day before `d`, e.g. for "valid until the day before D". `None` only for
/// [`NaiveDate::MIN`].
pub fn day_before(d: NaiveDate) -> Option<NaiveDate> {
    d.pred_opt()
}

/// The day after `d`. `None` only for [`NaiveDate::MAX`].
pub fn day_after(d: NaiveDate) -> Option<NaiveDate> {
    d.succ_opt()
}

/// The `n`-th anniversary of `birth`: the same month and day `n` years later (`n = 0` gives
/// `birth`).
///
/// For a 29 February birth in a target year without 29 February, the anniversary is
/// **1 March**. Reason: under 年齢計算ニ関スル法律 ages are counted from the day of birth and
/// 民法143条 applies; 143条2項 ends a period counted in years on the day before the
/// corresponding day, and when the final month has no corresponding day, on the last day of
/// that month. A year of age of someone born on 29 February is therefore completed at the end
/// of 28 February, and the new age runs from 1 March — the day that plays the role of the
/// birthday.
///
/// Returns `None` when the result is outside chrono's range.
///
/// # Properties
///
/// `nth_birthday(birth, n) > nth_birthday(birth, n - 1)`, and its year is `birth.year() + n`.
pub fn nth_birthday(birth: NaiveDate, n: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(n).ok()?)?;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day()).or_else(|| {
        if birth.month() == 2 && birth.day() == 29 {
            NaiveDate::from_ymd_opt(year, 3, 1)
        } else {
            None
        }
    })
}

/// Largest `n` whose anniversary satisfies `reached`; 0 when `d < birth`.
///
/// Only the anniversaries in the years around `d` can be the answer: the one `base - 1` years
/// after birth falls in the year before `d` and is always reached; the one `base + 2` years
/// after falls two years after `d` and never is.
fn completed_years(birth: NaiveDate, d: NaiveDate, reached: impl Fn(NaiveDate) -> bool) -> u32 {
    if d < birth {
        return 0;
    }
    // Both years are within chrono's range (±2^18), so the difference exists; it is
    // non-negative because d >= birth.
    let base = d
        .year()
        .checked_sub(birth.year())
        .and_then(|years| u32::try_from(years).ok())
        .unwrap_or(0);
    for n in [base.saturating_add(1), base] {
        if nth_birthday(birth, n).is_some_and(&reached) {
            return n;
        }
    }
    base.saturating_sub(1)
}

/// Legal age (年齢計算ニ関スル法律): the number of whole years of age completed by the **end** of
/// day `d`. A year of age is completed at the end of the day before the anniversary
/// ([`nth_birthday`]); for a 29 February birth, at the end of 28 February in other years.
///
/// Birth 1941-08-02: `legal_age_at_end_of(birth, 2026-08-01) = 85`; birth 1941-08-03: 84.
/// Birth 2000-02-29: at the end of 2001-02-28 → 1. Returns 0 if `d < birth` (and on the day of
/// birth).
///
/// # Properties
///
/// Never decreasing in `d`; `legal_age_at_end_of(b, d) == age_on(b, day_after(d))` whenever
/// `day_after(d)` exists; `age_on(b, d) <= legal_age_at_end_of(b, d) <= age_on(b, d) + 1`.
pub fn legal_age_at_end_of(birth: NaiveDate, d: NaiveDate) -> u32 {
    completed_years(birth, d, |anniversary| match anniversary.pred_opt() {
        Some(completed_on) => completed_on <= d,
        None => true,
    })
}

/// Everyday age on day `d`: the largest `n` with `nth_birthday(birth, n) <= d`, i.e. the age
/// turns on the anniversary itself (a 29 February birth turns on 1 March in other years).
/// Returns 0 if `d < birth`.
///
/// # Properties
///
/// Never decreasing in `d`; `age_on(b, nth_birthday(b, n)) == n` and
/// `age_on(b, day_before(nth_birthday(b, n))) == n - 1` for `n >= 1`.
pub fn age_on(birth: NaiveDate, d: NaiveDate) -> u32 {
    completed_years(birth, d, |anniversary| anniversary <= d)
}

/// R-OLD-5 age-based expiry: "reaching 70 → last day of the birth month; if born on the 1st →
/// last day of the previous month".
///
/// `anniversary` is the day of the birthday that reaches the age ([`nth_birthday`]). Returns
/// the last day of the month containing it, or — when it falls on the 1st of a month — the
/// last day of the previous month. Equivalently, the end of the month containing the day on
/// which the age is legally reached (the day before the anniversary): born 1955-03-01 → 70th
/// anniversary 2025-03-01 → 2025-02-28; born 1955-03-15 → 2025-03-31; born 1956-02-29 →
/// anniversary 2026-03-01 → 2026-02-28.
///
/// Returns `None` only for [`NaiveDate::MIN`].
///
/// # Properties
///
/// The result is a month end, is the month end of `anniversary` or of the month before it,
/// and `result >= day_before(anniversary)`.
pub fn birth_month_end_rule(anniversary: NaiveDate) -> Option<NaiveDate> {
    day_before(anniversary).map(month_end)
}

// ---------------------------------------------------------------------------------------
// Lenient parser for dates as printed on cards.
// ---------------------------------------------------------------------------------------

/// Input after normalisation: at most [`MAX_PRINTED_CHARS`] characters, on the stack.
struct Normalised {
    buf: [char; MAX_PRINTED_CHARS],
    len: usize,
}

impl Normalised {
    fn as_slice(&self) -> &[char] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

enum Mapped {
    /// White space: dropped (but it separates digit runs).
    Space,
    /// A character to keep.
    Keep(char),
}

/// Hand-written subset of NFKC plus separator folding, for the characters a date needs.
fn map_char(c: char) -> Mapped {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            // Full-width forms are U+FEE0 above their ASCII counterparts.
            match u32::from(c).checked_sub(0xFEE0).and_then(char::from_u32) {
                Some(a) => Mapped::Keep(a.to_ascii_uppercase()),
                None => Mapped::Keep(c),
            }
        }
        'a'..='z' => Mapped::Keep(c.to_ascii_uppercase()),
        '／' => Mapped::Keep('/'),
        '－' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ー' | 'ｰ' | '﹣' => {
            Mapped::Keep('-')
        }
        '．' | '。' | '｡' | '・' | '･' => Mapped::Keep('.'),
        '，' | '、' | '､' => Mapped::Keep(','),
        c if c.is_whitespace() => Mapped::Space,
        c => Mapped::Keep(c),
    }
}

/// Normalises `s` into a fixed buffer. White space is dropped, except that white space between
/// two digits is an error (`"20 25"` is not 2025).
fn normalise(s: &str) -> Result<Normalised, DateError> {
    // Cheap check first: no character is longer than 4 bytes.
    if s.len() > MAX_PRINTED_CHARS * 4 {
        return Err(DateError::Malformed);
    }
    let mut out = Normalised {
        buf: ['\0'; MAX_PRINTED_CHARS],
        len: 0,
    };
    let mut space_pending = false;
    let mut last_was_digit = false;
    let mut any_visible = false;
    for (i, c) in s.chars().enumerate() {
        if i >= MAX_PRINTED_CHARS {
            return Err(DateError::Malformed);
        }
        match map_char(c) {
            Mapped::Space => space_pending = true,
            Mapped::Keep(k) => {
                any_visible = true;
                let is_digit = k.is_ascii_digit();
                if is_digit && last_was_digit && space_pending {
                    return Err(DateError::Malformed);
                }
                let slot = out.buf.get_mut(out.len).ok_or(DateError::Malformed)?;
                *slot = k;
                out.len = out.len.saturating_add(1);
                last_was_digit = is_digit;
                space_pending = false;
            }
        }
    }
    if !any_visible {
        return Err(DateError::Empty);
    }
    Ok(out)
}

/// Era prefixes, longest first so that 大正 wins over 大.
const ERA_PREFIXES: [(&[char], Era); 20] = [
    (&['明', '治'], Era::Meiji),
    (&['大', '正'], Era::Taisho),
    (&['昭', '和'], Era::Showa),
    (&['平', '成'], Era::Heisei),
    (&['令', '和'], Era::Reiwa),
    // Square-era ligatures (NFKC would expand them).
    (&['㍾'], Era::Meiji),
    (&['㍽'], Era::Taisho),
    (&['㍼'], Era::Showa),
    (&['㍻'], Era::Heisei),
    (&['㋿'], Era::Reiwa),
    (&['明'], Era::Meiji),
    (&['大'], Era::Taisho),
    (&['昭'], Era::Showa),
    (&['平'], Era::Heisei),
    (&['令'], Era::Reiwa),
    (&['M'], Era::Meiji),
    (&['T'], Era::Taisho),
    (&['S'], Era::Showa),
    (&['H'], Era::Heisei),
    (&['R'], Era::Reiwa),
];

fn match_era(chars: &[char]) -> Option<(Era, usize)> {
    ERA_PREFIXES
        .iter()
        .find(|(prefix, _)| chars.starts_with(prefix))
        .map(|&(prefix, era)| (era, prefix.len()))
}

/// Length of something that looks like an era name but is not a known one: one Latin letter,
/// or one or two kanji (other than 元年月日).
fn unknown_era_prefix_len(chars: &[char]) -> Option<usize> {
    let is_era_like_kanji = |c: &char| {
        matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
            && !matches!(c, '元' | '年' | '月' | '日')
    };
    match chars {
        [c, ..] if c.is_ascii_uppercase() => Some(1),
        [a, b, ..] if is_era_like_kanji(a) && is_era_like_kanji(b) => Some(2),
        [a, ..] if is_era_like_kanji(a) => Some(1),
        _ => None,
    }
}

/// Year, month and day as written, before any calendar check.
struct Body {
    year: u32,
    month: u32,
    day: u32,
}

/// Cursor over the normalised characters.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos = self.pos.saturating_add(1);
            true
        } else {
            false
        }
    }

    /// Reads a run of ASCII digits whose length is within `min..=max`.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut value = 0u32;
        let mut count = 0usize;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            count = count.saturating_add(1);
            if count > max {
                return None;
            }
            value = value.checked_mul(10)?.checked_add(d)?;
            self.pos = self.pos.saturating_add(1);
        }
        (count >= min).then_some(value)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }
}

/// Parses `year SEP month SEP day` or `year年month月day日`. With an era the year has one or two
/// digits or is 元; without, exactly four digits.
fn parse_body(chars: &[char], with_era: bool) -> Option<Body> {
    let mut cur = Cursor { chars, pos: 0 };
    let year = if with_era {
        if cur.eat('元') {
            1
        } else {
            cur.number(1, 2)?
        }
    } else {
        cur.number(4, 4)?
    };
    let separator = cur.peek()?;
    let (after_month, after_day) = match separator {
        '年' => ('月', Some('日')),
        '-' | '/' | '.' | ',' => (separator, None),
        _ => return None,
    };
    cur.pos = cur.pos.saturating_add(1);
    let month = cur.number(1, 2)?;
    if !cur.eat(after_month) {
        return None;
    }
    let day = cur.number(1, 2)?;
    if let Some(terminator) = after_day {
        if !cur.eat(terminator) {
            return None;
        }
    }
    cur.at_end().then_some(Body { year, month, day })
}

/// Removes a trailing まで or 迄 ("令和7年7月31日まで").
fn strip_until_suffix(chars: &[char]) -> &[char] {
    chars
        .strip_suffix(&['ま', 'で'])
        .or_else(|| chars.strip_suffix(&['迄']))
        .unwrap_or(chars)
}

/// Parses a date the way a person types it from a card or letter.
///
/// The input is first normalised by hand (no Unicode-normalisation crate): full-width digits
/// and Latin letters become ASCII, Latin letters are upper-cased, ／ becomes `/`, the dashes
/// －‐‑‒–—―−ーｰ﹣ become `-`, ．。｡・･ become `.`, ，、､ become `,`, and white space
/// (including U+3000) is dropped — except between two digits, which is rejected. The square
/// era signs ㍾㍽㍼㍻㋿ are read as their eras.
///
/// Accepted forms (after normalisation):
///
/// * Gregorian, four-digit year: `2025-12-01`, `2025/12/01`, `2025.12.1`, `2025,12,1`,
///   `2025年12月1日`; month and day have one or two digits;
/// * 和暦: an era — `明治` `大正` `昭和` `平成` `令和`, the one-character 明 大 昭 平 令, the Latin
///   initials M T S H R (either case, half- or full-width) — then a one- or two-digit year or
///   元, then `.../...`, `-`, `.`, `,` or `年月日` as above: `令和7年12月1日`, `令和元年5月1日`,
///   `R7.12.1`, `R07/12/01`, `r7-12-1`, `H31.4.30`, `S64.1.7`, `令7.12.1`, `Ｒ７．１２．１`,
///   `令和 7 年 12 月 1 日`;
/// * a trailing `まで` or `迄` is ignored (`令和7年7月31日まで`).
///
/// The same separator must be used twice (`2025/12-01` is rejected); the 年月日 form needs all
/// three characters. A two-digit year without an era is ambiguous and rejected.
///
/// An era date past that era's end (`平成32年3月31日`, found on cards printed before 令和 was
/// announced) gives the Gregorian date with [`DateWarning::PastEraEnd`].
///
/// Cost: one pass over at most [`MAX_PRINTED_CHARS`] characters into a stack buffer; the only
/// heap allocation is the warning list when a warning is given.
///
/// # Errors
///
/// * [`DateError::Empty`]: nothing but white space;
/// * [`DateError::Malformed`]: any other shape (`abc`, `令和7年`, `25/12/01`, era year of three
///   or more digits, more than [`MAX_PRINTED_CHARS`] characters — checked before anything else
///   is done with long input);
/// * [`DateError::UnknownEra`]: an era-like prefix (one Latin letter, or one or two kanji) that
///   is not a known era, followed by a well-formed date (`X7.12.1`, `慶応3年1月1日`);
/// * [`DateError::OutOfRange`]: a Gregorian year outside [`MIN_YEAR`]`..=`[`MAX_YEAR`];
/// * [`DateError::Impossible`]: the day does not exist (`令和7年13月1日`, `2025-02-29`,
///   `令和7年2月29日`, era year 0);
/// * [`DateError::BeforeEraStart`]: before the first day of the written era (`令和1年4月30日`,
///   `平成元年1月7日`).
///
/// # Properties
///
/// Never panics, for any input. `parse_printed(&format_wareki(d)?)` and
/// `parse_printed(&format_iso(d))` give `d` without warnings for every supported `d` (era
/// year at most [`MAX_ERA_YEAR`]).
pub fn parse_printed(s: &str) -> Result<ParsedDate, DateError> {
    let normalised = normalise(s)?;
    let chars = strip_until_suffix(normalised.as_slice());
    if chars.is_empty() {
        return Err(DateError::Malformed);
    }

    let Some((era, prefix_len)) = match_era(chars) else {
        if chars.first().is_some_and(char::is_ascii_digit) {
            let body = parse_body(chars, false).ok_or(DateError::Malformed)?;
            let year = i32::try_from(body.year).map_err(|_| DateError::OutOfRange)?;
            let date = checked_date(year, body.month, body.day)?;
            return Ok(ParsedDate {
                date,
                era: None,
                warnings: Vec::new(),
            });
        }
        let looks_like_era = unknown_era_prefix_len(chars)
            .and_then(|n| chars.get(n..))
            .and_then(|rest| parse_body(rest, true))
            .is_some();
        return Err(if looks_like_era {
            DateError::UnknownEra
        } else {
            DateError::Malformed
        });
    };

    let rest = chars.get(prefix_len..).unwrap_or(&[]);
    let body = parse_body(rest, true).ok_or(DateError::Malformed)?;
    if body.year == 0 {
        return Err(DateError::Impossible);
    }
    if body.year > MAX_ERA_YEAR {
        return Err(DateError::Malformed);
    }
    let offset = body
        .year
        .checked_sub(1)
        .and_then(|years| i32::try_from(years).ok())
        .ok_or(DateError::OutOfRange)?;
    let year = era
        .first_gregorian_year()
        .checked_add(offset)
        .ok_or(DateError::OutOfRange)?;
    let date = checked_date(year, body.month, body.day)?;
    if date < era.numbering_start() {
        return Err(DateError::BeforeEraStart);
    }
    let mut warnings = Vec::new();
    if let Some(actual_era) = era_of(date).filter(|&actual| actual != era) {
        warnings.push(DateWarning::PastEraEnd {
            printed_era: era,
            actual_era,
        });
    }
    Ok(ParsedDate {
        date,
        era: Some(era),
        warnings,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn push_decimal_writes_what_format_writes() {
        for v in [
            0i64,
            1,
            5,
            9,
            10,
            99,
            100,
            999,
            1000,
            9999,
            10000,
            262_143,
            i64::MAX,
            -1,
            -5,
            -999,
            -1000,
            -262_144,
            i64::MIN + 1,
        ] {
            for width in [0usize, 1, 2, 4, 6] {
                let mut s = String::new();
                push_decimal(&mut s, v < 0, v.unsigned_abs(), width);
                assert_eq!(s, format!("{v:0width$}"), "{v} {width}");
            }
        }
        let mut s = String::new();
        push_decimal(&mut s, false, u64::MAX, 1);
        assert_eq!(s, u64::MAX.to_string());
        // format_iso beyond 0000–9999 (its fallback) as format! wrote it.
        for (y, m, d) in [
            (-262_143, 1, 1),
            (-5, 12, 31),
            (-1, 2, 28),
            (10_000, 1, 9),
            (262_142, 12, 31),
        ] {
            assert_eq!(format_iso(ymd(y, m, d)), format!("{y:04}-{m:02}-{d:02}"));
        }
    }

    #[test]
    fn era_constants_are_the_calendar_facts() {
        assert_eq!(Era::Meiji.start(), ymd(1868, 10, 23));
        assert_eq!(Era::Taisho.start(), ymd(1912, 7, 30));
        assert_eq!(Era::Showa.start(), ymd(1926, 12, 25));
        assert_eq!(Era::Heisei.start(), ymd(1989, 1, 8));
        assert_eq!(Era::Reiwa.start(), ymd(2019, 5, 1));
        for era in Era::ALL {
            assert_eq!(era.first_gregorian_year(), era.start().year());
        }
    }

    #[test]
    fn normalise_rejects_space_between_digits() {
        assert!(matches!(normalise("20 25"), Err(DateError::Malformed)));
        assert!(matches!(normalise(" \u{3000}"), Err(DateError::Empty)));
    }

    #[test]
    fn extremes_do_not_panic() {
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = month_end(d);
            let _ = month_end_after_months(d, u32::MAX);
            let _ = grace_end(d);
            let _ = day_before(d);
            let _ = day_after(d);
            let _ = nth_birthday(d, u32::MAX);
            let _ = legal_age_at_end_of(d, NaiveDate::MAX);
            let _ = legal_age_at_end_of(NaiveDate::MIN, d);
            let _ = age_on(NaiveDate::MIN, d);
            let _ = birth_month_end_rule(d);
            let _ = format_wareki(d);
            let _ = format_iso(d);
        }
    }
}
