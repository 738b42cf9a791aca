#![cfg(not(target_arch = "wasm32"))]
//! Tests of `hoken_check::dates`, the crate's single owner of calendar semantics.
//!
//! Every expected value below comes from the Gregorian calendar, from the Japanese era
//! calendar (official first days of 大正, 昭和, 平成, 令和) or from the text of
//! `/work/shared/spec/RULES.md` / `CONTRACT.md`; the comment next to each says which. None
//! was obtained by running the code under test.

use std::time::{Duration, Instant};

use chrono::Datelike;
use hoken_check::dates::*;
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Gregorian leap-year rule, written independently of chrono.
fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Length of a month by the Gregorian calendar, written independently of chrono.
fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 31,
    }
}

/// year * 12 + month, to count months between two dates.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

// ---------------------------------------------------------------------------------------
// Month arithmetic
// ---------------------------------------------------------------------------------------

#[test]
fn month_end_table() {
    // (input, expected, source)
    let table = [
        (
            ymd(2024, 2, 10),
            ymd(2024, 2, 29),
            "2024 is divisible by 4: leap year",
        ),
        (ymd(2025, 2, 1), ymd(2025, 2, 28), "2025 is not a leap year"),
        (
            ymd(2100, 2, 10),
            ymd(2100, 2, 28),
            "2100: divisible by 100, not by 400",
        ),
        (ymd(2000, 2, 1), ymd(2000, 2, 29), "2000: divisible by 400"),
        (
            ymd(2025, 4, 30),
            ymd(2025, 4, 30),
            "April has 30 days; already the end",
        ),
        (ymd(2025, 12, 31), ymd(2025, 12, 31), "December has 31 days"),
        (ymd(2025, 11, 1), ymd(2025, 11, 30), "November has 30 days"),
        (ymd(2026, 1, 15), ymd(2026, 1, 31), "January has 31 days"),
    ];
    for (d, expected, why) in table {
        assert_eq!(month_end(d), expected, "month_end({d}): {why}");
    }
}

#[test]
fn month_end_after_months_table() {
    // (d, n, expected, source)
    let table = [
        (
            ymd(2025, 11, 10),
            3,
            ymd(2026, 2, 28),
            "brief / R-MYNA-3: Nov→Feb over the year end, 2026 not leap",
        ),
        (
            ymd(2027, 11, 29),
            3,
            ymd(2028, 2, 29),
            "brief / R-MYNA-3: 2028 is a leap year (29 Feb 2028)",
        ),
        (
            ymd(2026, 7, 31),
            3,
            ymd(2026, 10, 31),
            "brief / R-MYNA-3: 31st → October has 31 days",
        ),
        (
            ymd(2026, 8, 1),
            3,
            ymd(2026, 11, 30),
            "brief / R-MYNA-3: a 1st stays in its month; November has 30 days",
        ),
        (
            ymd(2025, 12, 31),
            3,
            ymd(2026, 3, 31),
            "brief: year end Dec→Mar",
        ),
        (
            ymd(2024, 1, 31),
            1,
            ymd(2024, 2, 29),
            "brief: 31 Jan + 1 month in a leap year",
        ),
        (
            ymd(2025, 1, 31),
            1,
            ymd(2025, 2, 28),
            "28 Feb in a non-leap year",
        ),
        (
            ymd(2025, 10, 31),
            1,
            ymd(2025, 11, 30),
            "31st into a 30-day month",
        ),
        (
            ymd(2025, 3, 30),
            1,
            ymd(2025, 4, 30),
            "30th into a 30-day month",
        ),
        (
            ymd(2025, 11, 30),
            3,
            ymd(2026, 2, 28),
            "30 Nov → Feb, non-leap",
        ),
        (
            ymd(2028, 2, 29),
            0,
            ymd(2028, 2, 29),
            "n = 0 is the month end itself",
        ),
        (
            ymd(2028, 2, 29),
            1,
            ymd(2028, 3, 31),
            "29 Feb → March has 31 days",
        ),
        (
            ymd(2028, 2, 29),
            12,
            ymd(2029, 2, 28),
            "29 Feb + 12 months: 2029 not leap",
        ),
        (
            ymd(2025, 2, 28),
            1,
            ymd(2025, 3, 31),
            "28 Feb non-leap → 31 Mar",
        ),
        (
            ymd(2099, 12, 15),
            2,
            ymd(2100, 2, 28),
            "2100 is not a leap year",
        ),
        (
            ymd(2399, 12, 1),
            2,
            ymd(2400, 2, 29),
            "2400 is divisible by 400",
        ),
        (ymd(2025, 5, 20), 24, ymd(2027, 5, 31), "two whole years"),
        (
            ymd(2025, 9, 30),
            5,
            ymd(2026, 2, 28),
            "Sep → Feb over the year end",
        ),
    ];
    for (d, n, expected, why) in table {
        assert_eq!(
            month_end_after_months(d, n),
            Some(expected),
            "month_end_after_months({d}, {n}): {why}"
        );
    }
}

#[test]
fn month_arithmetic_overflow_is_none() {
    assert_eq!(month_end_after_months(NaiveDate::MAX, 1), None);
    assert_eq!(month_end_after_months(ymd(2025, 1, 1), u32::MAX), None);
    assert_eq!(grace_end(NaiveDate::MAX), None);
}

#[test]
fn add_months_clamped_table() {
    // (d, months, expected, source: Gregorian month lengths)
    let table = [
        (
            ymd(2025, 11, 10),
            3,
            ymd(2026, 2, 10),
            "doc example: same day",
        ),
        (
            ymd(2025, 11, 30),
            3,
            ymd(2026, 2, 28),
            "doc example: no 30 Feb 2026 → 28 Feb",
        ),
        (
            ymd(2024, 2, 29),
            12,
            ymd(2025, 2, 28),
            "doc example: no 29 Feb 2025",
        ),
        (
            ymd(2026, 3, 31),
            -1,
            ymd(2026, 2, 28),
            "doc example: backwards, clamped",
        ),
        (
            ymd(2024, 3, 31),
            -1,
            ymd(2024, 2, 29),
            "backwards into leap February",
        ),
        (
            ymd(2025, 12, 31),
            3,
            ymd(2026, 3, 31),
            "Dec → Mar, March has 31 days",
        ),
        (
            ymd(2026, 1, 15),
            -3,
            ymd(2025, 10, 15),
            "backwards over the year start",
        ),
        (ymd(2025, 5, 31), 0, ymd(2025, 5, 31), "zero months"),
        (
            ymd(2026, 8, 31),
            -3,
            ymd(2026, 5, 31),
            "3 months before expiry (R-MYNA-2)",
        ),
        (
            ymd(2026, 5, 31),
            -3,
            ymd(2026, 2, 28),
            "3 months before, clamped to 28 Feb",
        ),
        (
            ymd(1941, 8, 2),
            85 * 12,
            ymd(2026, 8, 2),
            "85 years as months",
        ),
    ];
    for (d, months, expected, why) in table {
        assert_eq!(
            add_months_clamped(d, months),
            Some(expected),
            "add_months_clamped({d}, {months}): {why}"
        );
    }
    assert_eq!(add_months_clamped(NaiveDate::MAX, 1), None);
    assert_eq!(add_months_clamped(NaiveDate::MIN, -1), None);
    assert_eq!(add_months_clamped(ymd(2025, 1, 1), i32::MAX), None);
    assert_eq!(add_months_clamped(ymd(2025, 1, 1), i32::MIN), None);
}

// ---------------------------------------------------------------------------------------
// R-MYNA-3 grace end
// ---------------------------------------------------------------------------------------

#[test]
fn grace_end_examples_from_rules_md() {
    // RULES.md R-MYNA-3, "Examples:" line, each value copied from the spec text.
    let table = [
        (
            ymd(2025, 11, 10),
            ymd(2026, 2, 28),
            "R-MYNA-3: E=2025-11-10 → 2026-02-28",
        ),
        (
            ymd(2026, 2, 15),
            ymd(2026, 5, 31),
            "R-MYNA-3: E=2026-02-xx → 2026-05-31 (Tama city: 2月なら5月末)",
        ),
        (
            ymd(2026, 2, 1),
            ymd(2026, 5, 31),
            "R-MYNA-3: E=2026-02-xx → 2026-05-31, first day of February",
        ),
        (
            ymd(2026, 2, 28),
            ymd(2026, 5, 31),
            "R-MYNA-3: E=2026-02-xx → 2026-05-31, last day of February",
        ),
        (
            ymd(2027, 11, 29),
            ymd(2028, 2, 29),
            "R-MYNA-3: E=2027-11-29 → 2028-02-29",
        ),
        (
            ymd(2026, 7, 31),
            ymd(2026, 10, 31),
            "R-MYNA-3: E=2026-07-31 → 2026-10-31",
        ),
        (
            ymd(2026, 8, 1),
            ymd(2026, 11, 30),
            "R-MYNA-3: E=2026-08-01 → 2026-11-30",
        ),
    ];
    for (expiry, expected, source) in table {
        assert_eq!(grace_end(expiry), Some(expected), "{source}");
    }
}

#[test]
fn grace_end_exhaustive_2024_to_2035() {
    // R-MYNA-3 formula: last day of the month containing E + 3 months. Checked against an
    // independent month-length table for every expiry day from 2024-01-01 to 2035-12-31.
    let mut e = ymd(2024, 1, 1);
    let last = ymd(2035, 12, 31);
    let mut days = 0u32;
    while e <= last {
        let g = grace_end(e).expect("in range");
        assert_eq!(
            g.day(),
            days_in_month(g.year(), g.month()),
            "grace_end({e}) = {g} is not a month end"
        );
        assert_eq!(month_index(g) - month_index(e), 3, "grace_end({e}) = {g}");
        assert!(g > e, "grace_end({e}) = {g} is not after the expiry");
        days += 1;
        e = e.succ_opt().expect("in range");
    }
    // 12 years, of which 2024, 2028 and 2032 are leap: 12 * 365 + 3.
    assert_eq!(days, 12 * 365 + 3);
}

// ---------------------------------------------------------------------------------------
// Day before / after
// ---------------------------------------------------------------------------------------

#[test]
fn day_before_and_after() {
    assert_eq!(
        day_before(ymd(2025, 3, 1)),
        Some(ymd(2025, 2, 28)),
        "2025 not leap"
    );
    assert_eq!(
        day_before(ymd(2024, 3, 1)),
        Some(ymd(2024, 2, 29)),
        "2024 leap"
    );
    assert_eq!(
        day_before(ymd(2026, 1, 1)),
        Some(ymd(2025, 12, 31)),
        "year end"
    );
    assert_eq!(
        day_after(ymd(2025, 12, 1)),
        Some(ymd(2025, 12, 2)),
        "RULES §0: 12-01 → 12-02"
    );
    assert_eq!(
        day_after(ymd(2026, 3, 31)),
        Some(ymd(2026, 4, 1)),
        "RULES §0: 03-31 → 04-01"
    );
    assert_eq!(
        day_after(ymd(2028, 2, 28)),
        Some(ymd(2028, 2, 29)),
        "2028 leap"
    );
    assert_eq!(day_before(NaiveDate::MIN), None);
    assert_eq!(day_after(NaiveDate::MAX), None);
}

// ---------------------------------------------------------------------------------------
// Anniversaries and ages
// ---------------------------------------------------------------------------------------

#[test]
fn nth_birthday_table() {
    let table = [
        (
            ymd(1941, 8, 2),
            85,
            Some(ymd(2026, 8, 2)),
            "same month/day 85 years later",
        ),
        (
            ymd(1950, 12, 31),
            75,
            Some(ymd(2025, 12, 31)),
            "same month/day",
        ),
        (
            ymd(2000, 2, 29),
            1,
            Some(ymd(2001, 3, 1)),
            "no 29 Feb in 2001 → 1 March (民法143条)",
        ),
        (ymd(2000, 2, 29), 4, Some(ymd(2004, 2, 29)), "2004 is leap"),
        (
            ymd(2000, 2, 29),
            100,
            Some(ymd(2100, 3, 1)),
            "2100 is not leap",
        ),
        (
            ymd(1956, 2, 29),
            70,
            Some(ymd(2026, 3, 1)),
            "brief: 1956-02-29 → 70th anniversary 2026-03-01",
        ),
        (
            ymd(1955, 3, 1),
            70,
            Some(ymd(2025, 3, 1)),
            "brief: born 1955-03-01",
        ),
        (
            ymd(1955, 3, 15),
            70,
            Some(ymd(2025, 3, 15)),
            "brief: born 1955-03-15",
        ),
        (
            ymd(1990, 6, 5),
            0,
            Some(ymd(1990, 6, 5)),
            "n = 0 is the birth date",
        ),
        (NaiveDate::MAX, 1, None, "overflow"),
        (ymd(2000, 1, 1), u32::MAX, None, "overflow"),
    ];
    for (birth, n, expected, why) in table {
        assert_eq!(
            nth_birthday(birth, n),
            expected,
            "nth_birthday({birth}, {n}): {why}"
        );
    }
}

#[test]
fn legal_age_boundaries() {
    // CONTRACT.md: "85 or more on 2026-08-01" means born on or before 1941-08-02 (legal age).
    assert_eq!(legal_age_at_end_of(ymd(1941, 8, 2), ymd(2026, 8, 1)), 85);
    assert_eq!(legal_age_at_end_of(ymd(1941, 8, 3), ymd(2026, 8, 1)), 84);
    assert_eq!(legal_age_at_end_of(ymd(1941, 8, 1), ymd(2026, 8, 1)), 85);
    assert_eq!(legal_age_at_end_of(ymd(1941, 8, 2), ymd(2026, 7, 31)), 84);
    // 年齢計算ニ関スル法律 + 民法143条: born 29 Feb, the first year ends at the end of 28 Feb.
    assert_eq!(legal_age_at_end_of(ymd(2000, 2, 29), ymd(2001, 2, 28)), 1);
    assert_eq!(legal_age_at_end_of(ymd(2000, 2, 29), ymd(2001, 2, 27)), 0);
    // In a leap year the anniversary 29 Feb exists: the 4th year ends at the end of 28 Feb.
    assert_eq!(legal_age_at_end_of(ymd(2000, 2, 29), ymd(2004, 2, 28)), 4);
    assert_eq!(legal_age_at_end_of(ymd(2000, 2, 29), ymd(2004, 2, 27)), 3);
    // Born 1 January: the first year ends at the end of 31 December of the same year.
    assert_eq!(legal_age_at_end_of(ymd(2000, 1, 1), ymd(2000, 12, 31)), 1);
    assert_eq!(legal_age_at_end_of(ymd(2000, 1, 1), ymd(2000, 12, 30)), 0);
    // Before birth and on the day of birth.
    assert_eq!(legal_age_at_end_of(ymd(2000, 5, 5), ymd(2000, 5, 4)), 0);
    assert_eq!(legal_age_at_end_of(ymd(2000, 5, 5), ymd(2000, 5, 5)), 0);
    assert_eq!(legal_age_at_end_of(ymd(2000, 5, 5), ymd(1990, 1, 1)), 0);
}

#[test]
fn everyday_age_boundaries() {
    // The everyday age turns on the anniversary itself (brief).
    assert_eq!(age_on(ymd(1941, 8, 2), ymd(2026, 8, 1)), 84);
    assert_eq!(age_on(ymd(1941, 8, 2), ymd(2026, 8, 2)), 85);
    assert_eq!(age_on(ymd(2000, 2, 29), ymd(2001, 2, 28)), 0);
    assert_eq!(age_on(ymd(2000, 2, 29), ymd(2001, 3, 1)), 1);
    assert_eq!(age_on(ymd(2000, 2, 29), ymd(2004, 2, 28)), 3);
    assert_eq!(age_on(ymd(2000, 2, 29), ymd(2004, 2, 29)), 4);
    assert_eq!(age_on(ymd(2000, 1, 1), ymd(2000, 12, 31)), 0);
    assert_eq!(age_on(ymd(2000, 1, 1), ymd(2001, 1, 1)), 1);
    // R-OLD-8: 75th birthday 1950-12-31 + 75 years = 2025-12-31.
    assert_eq!(age_on(ymd(1950, 12, 31), ymd(2025, 12, 30)), 74);
    assert_eq!(age_on(ymd(1950, 12, 31), ymd(2025, 12, 31)), 75);
    assert_eq!(age_on(ymd(2000, 5, 5), ymd(2000, 5, 4)), 0);
    assert_eq!(age_on(ymd(2000, 5, 5), ymd(2000, 5, 5)), 0);
}

#[test]
fn birth_month_end_rule_table() {
    // R-OLD-5: reaching 70 → last day of the birth month; born on the 1st → previous month.
    let table = [
        (
            ymd(1955, 3, 1),
            ymd(2025, 3, 1),
            ymd(2025, 2, 28),
            "born on the 1st → end of Feb 2025 (not leap)",
        ),
        (
            ymd(1955, 3, 15),
            ymd(2025, 3, 15),
            ymd(2025, 3, 31),
            "end of the birth month",
        ),
        (
            ymd(1956, 2, 29),
            ymd(2026, 3, 1),
            ymd(2026, 2, 28),
            "born 29 Feb: anniversary 1 Mar, end of Feb 2026",
        ),
        (
            ymd(1958, 1, 1),
            ymd(2028, 1, 1),
            ymd(2027, 12, 31),
            "born 1 Jan → previous year's December",
        ),
        (
            ymd(1958, 2, 10),
            ymd(2028, 2, 10),
            ymd(2028, 2, 29),
            "birth month Feb in leap 2028",
        ),
        (
            ymd(1956, 8, 31),
            ymd(2026, 8, 31),
            ymd(2026, 8, 31),
            "born on the last day",
        ),
        (
            ymd(1956, 9, 2),
            ymd(2026, 9, 2),
            ymd(2026, 9, 30),
            "born on the 2nd",
        ),
    ];
    for (birth, anniversary, expected, why) in table {
        assert_eq!(
            nth_birthday(birth, 70),
            Some(anniversary),
            "70th anniversary of {birth}"
        );
        assert_eq!(
            birth_month_end_rule(anniversary),
            Some(expected),
            "{birth}: {why}"
        );
    }
    assert_eq!(birth_month_end_rule(NaiveDate::MIN), None);
}

// ---------------------------------------------------------------------------------------
// Eras
// ---------------------------------------------------------------------------------------

#[test]
fn era_facts() {
    let table = [
        (Era::Meiji, "明治", ymd(1868, 10, 23), 1868, 'M'),
        (Era::Taisho, "大正", ymd(1912, 7, 30), 1912, 'T'),
        (Era::Showa, "昭和", ymd(1926, 12, 25), 1926, 'S'),
        (Era::Heisei, "平成", ymd(1989, 1, 8), 1989, 'H'),
        (Era::Reiwa, "令和", ymd(2019, 5, 1), 2019, 'R'),
    ];
    for (era, kanji, start, first_year, initial) in table {
        assert_eq!(era.kanji(), kanji);
        assert_eq!(era.start(), start);
        assert_eq!(era.first_gregorian_year(), first_year);
        assert_eq!(era.latin_initial(), initial);
    }
    assert_eq!(Era::ALL.len(), 5);
}

/// Era boundaries: (last day of the old era, its 和暦, first day of the new era, its 和暦).
fn era_boundaries() -> [(NaiveDate, &'static str, Era, NaiveDate, &'static str, Era); 4] {
    [
        // 大正 began 1912-07-30; 明治45年 = 1868 + 44.
        (
            ymd(1912, 7, 29),
            "明治45年7月29日",
            Era::Meiji,
            ymd(1912, 7, 30),
            "大正元年7月30日",
            Era::Taisho,
        ),
        // 昭和 began 1926-12-25; 大正15年 = 1912 + 14.
        (
            ymd(1926, 12, 24),
            "大正15年12月24日",
            Era::Taisho,
            ymd(1926, 12, 25),
            "昭和元年12月25日",
            Era::Showa,
        ),
        // 平成 began 1989-01-08; 昭和64年 = 1926 + 63.
        (
            ymd(1989, 1, 7),
            "昭和64年1月7日",
            Era::Showa,
            ymd(1989, 1, 8),
            "平成元年1月8日",
            Era::Heisei,
        ),
        // 令和 began 2019-05-01; 平成31年 = 1989 + 30.
        (
            ymd(2019, 4, 30),
            "平成31年4月30日",
            Era::Heisei,
            ymd(2019, 5, 1),
            "令和元年5月1日",
            Era::Reiwa,
        ),
    ]
}

#[test]
fn era_boundaries_format_and_parse() {
    for (before, before_text, before_era, first, first_text, first_era) in era_boundaries() {
        assert_eq!(era_of(before), Some(before_era), "{before}");
        assert_eq!(era_of(first), Some(first_era), "{first}");
        assert_eq!(format_wareki(before).as_deref(), Some(before_text));
        assert_eq!(format_wareki(first).as_deref(), Some(first_text));

        let p = parse_printed(before_text).expect(before_text);
        assert_eq!(
            (p.date, p.era, p.warnings.len()),
            (before, Some(before_era), 0)
        );
        let p = parse_printed(first_text).expect(first_text);
        assert_eq!(
            (p.date, p.era, p.warnings.len()),
            (first, Some(first_era), 0)
        );
    }
}

#[test]
fn era_boundaries_before_start_and_past_end() {
    // The new era's 元年 written for the day before it began: BeforeEraStart.
    for text in [
        "大正元年7月29日",
        "昭和元年12月24日",
        "平成元年1月7日",
        "令和元年4月30日",
        "令和1年4月30日",
    ] {
        assert_eq!(
            parse_printed(text),
            Err(DateError::BeforeEraStart),
            "{text}"
        );
    }
    // The old era written for the first day of the new one: accepted with PastEraEnd.
    let table = [
        ("明治45年7月30日", ymd(1912, 7, 30), Era::Meiji, Era::Taisho),
        (
            "大正15年12月25日",
            ymd(1926, 12, 25),
            Era::Taisho,
            Era::Showa,
        ),
        ("昭和64年1月8日", ymd(1989, 1, 8), Era::Showa, Era::Heisei),
        ("平成31年5月1日", ymd(2019, 5, 1), Era::Heisei, Era::Reiwa),
    ];
    for (text, date, printed_era, actual_era) in table {
        let p = parse_printed(text).expect(text);
        assert_eq!(p.date, date, "{text}");
        assert_eq!(p.era, Some(printed_era), "{text}");
        assert_eq!(
            p.warnings,
            vec![DateWarning::PastEraEnd {
                printed_era,
                actual_era
            }],
            "{text}"
        );
    }
}

#[test]
fn past_era_end_heisei_32() {
    // Brief: 平成32年3月31日 → 2020-03-31 (平成32 = 1989 + 31 = 2020) with a warning.
    let p = parse_printed("平成32年3月31日").expect("accepted");
    assert_eq!(p.date, ymd(2020, 3, 31));
    assert_eq!(p.era, Some(Era::Heisei));
    assert_eq!(
        p.warnings,
        vec![DateWarning::PastEraEnd {
            printed_era: Era::Heisei,
            actual_era: Era::Reiwa
        }]
    );
    assert_eq!(p.warnings[0].code(), "pastEraEnd");
    // Abbreviated form too.
    let p = parse_printed("H32.3.31").expect("accepted");
    assert_eq!(p.date, ymd(2020, 3, 31));
    assert_eq!(p.warnings.len(), 1);
}

#[test]
fn era_of_and_format_wareki_edges() {
    assert_eq!(era_of(ymd(1867, 12, 31)), None, "before 明治元年");
    assert_eq!(
        era_of(ymd(1868, 1, 1)),
        Some(Era::Meiji),
        "明治元年 counted from 1868-01-01"
    );
    assert_eq!(era_of(ymd(2025, 12, 1)), Some(Era::Reiwa));
    assert_eq!(format_wareki(ymd(1867, 12, 31)), None);
    assert_eq!(
        format_wareki(ymd(1868, 1, 1)).as_deref(),
        Some("明治元年1月1日")
    );
    assert_eq!(
        format_wareki(ymd(1868, 10, 23)).as_deref(),
        Some("明治元年10月23日")
    );
    assert_eq!(
        format_wareki(ymd(1869, 1, 1)).as_deref(),
        Some("明治2年1月1日")
    );
    // 令和7年 = 2019 + 6 = 2025.
    assert_eq!(
        format_wareki(ymd(2025, 12, 1)).as_deref(),
        Some("令和7年12月1日")
    );
    assert_eq!(
        format_wareki(ymd(2025, 7, 31)).as_deref(),
        Some("令和7年7月31日")
    );
    assert_eq!(
        format_wareki(ymd(2020, 1, 1)).as_deref(),
        Some("令和2年1月1日")
    );
}

// ---------------------------------------------------------------------------------------
// parse_iso / format_iso
// ---------------------------------------------------------------------------------------

#[test]
fn parse_iso_accepts_only_the_contract_form() {
    assert_eq!(parse_iso("2025-12-01"), Ok(ymd(2025, 12, 1)));
    assert_eq!(parse_iso("2024-02-29"), Ok(ymd(2024, 2, 29)), "2024 leap");
    assert_eq!(parse_iso("1868-01-01"), Ok(ymd(1868, 1, 1)), "MIN_YEAR");
    assert_eq!(parse_iso("2200-12-31"), Ok(ymd(2200, 12, 31)), "MAX_YEAR");

    let errors = [
        ("", DateError::Empty),
        ("2025-12-1", DateError::Malformed),
        ("2025-1-01", DateError::Malformed),
        ("25-12-01", DateError::Malformed),
        ("2025/12/01", DateError::Malformed),
        ("2025.12.01", DateError::Malformed),
        (" 2025-12-01", DateError::Malformed),
        ("2025-12-01 ", DateError::Malformed),
        ("２０２５-12-01", DateError::Malformed),
        ("2025－12－01", DateError::Malformed),
        ("+2025-12-01", DateError::Malformed),
        ("2025-12-01T00:00", DateError::Malformed),
        ("令和7年12月1日", DateError::Malformed),
        ("abcd-ef-gh", DateError::Malformed),
        ("2025-02-29", DateError::Impossible),
        ("2025-13-01", DateError::Impossible),
        ("2025-04-31", DateError::Impossible),
        ("2025-00-10", DateError::Impossible),
        ("2025-01-00", DateError::Impossible),
        ("2100-02-29", DateError::Impossible),
        ("1867-12-31", DateError::OutOfRange),
        ("2201-01-01", DateError::OutOfRange),
        ("0000-01-01", DateError::OutOfRange),
    ];
    for (input, expected) in errors {
        assert_eq!(parse_iso(input), Err(expected), "parse_iso({input:?})");
    }
}

#[test]
fn format_iso_pads() {
    assert_eq!(format_iso(ymd(2025, 12, 1)), "2025-12-01");
    assert_eq!(format_iso(ymd(1868, 1, 1)), "1868-01-01");
    assert_eq!(format_iso(ymd(2026, 3, 31)), "2026-03-31");
}

// ---------------------------------------------------------------------------------------
// parse_printed: accepted forms
// ---------------------------------------------------------------------------------------

#[test]
fn parse_printed_accepted_forms() {
    let dec1 = ymd(2025, 12, 1); // 令和7年 = 2019 + 6 = 2025
    let table: &[(&str, NaiveDate, Option<Era>)] = &[
        // Gregorian.
        ("2025-12-01", dec1, None),
        ("2025/12/01", dec1, None),
        ("2025.12.1", dec1, None),
        ("2025.12.01", dec1, None),
        ("2025年12月1日", dec1, None),
        ("2025/1/5", ymd(2025, 1, 5), None),
        ("2025-1-5", ymd(2025, 1, 5), None),
        ("2025年1月5日", ymd(2025, 1, 5), None),
        (" 2025-12-01 ", dec1, None),
        ("2025 年 12 月 1 日", dec1, None),
        (
            "2025\u{3000}年\u{3000}12\u{3000}月\u{3000}1\u{3000}日",
            dec1,
            None,
        ),
        // Full-width and other separators.
        ("２０２５／１２／０１", dec1, None),
        ("２０２５－１２－０１", dec1, None),
        ("２０２５．１２．０１", dec1, None),
        ("2025ー12ー01", dec1, None),
        ("2025‐12‐01", dec1, None),
        ("2025―12―01", dec1, None),
        ("2025−12−01", dec1, None),
        ("２０２５年１２月１日", dec1, None),
        ("2025/07/31まで", ymd(2025, 7, 31), None),
        // 和暦, kanji.
        ("令和7年12月1日", dec1, Some(Era::Reiwa)),
        ("令和07年12月01日", dec1, Some(Era::Reiwa)),
        ("令和元年5月1日", ymd(2019, 5, 1), Some(Era::Reiwa)),
        ("令和 7 年 12 月 1 日", dec1, Some(Era::Reiwa)),
        ("令 和 7 年 12 月 1 日", dec1, Some(Era::Reiwa)),
        (
            "令和\u{3000}７年\u{3000}１２月\u{3000}１日",
            dec1,
            Some(Era::Reiwa),
        ),
        ("令和７年１２月１日", dec1, Some(Era::Reiwa)),
        ("平成31年4月30日", ymd(2019, 4, 30), Some(Era::Heisei)),
        ("昭和64年1月7日", ymd(1989, 1, 7), Some(Era::Showa)),
        ("大正15年12月24日", ymd(1926, 12, 24), Some(Era::Taisho)),
        ("明治45年7月29日", ymd(1912, 7, 29), Some(Era::Meiji)),
        ("昭和16年8月2日", ymd(1941, 8, 2), Some(Era::Showa)), // 1926 + 15
        // 和暦, Latin initials.
        ("R7.12.1", dec1, Some(Era::Reiwa)),
        ("R07/12/01", dec1, Some(Era::Reiwa)),
        ("R7-12-1", dec1, Some(Era::Reiwa)),
        ("r7.12.1", dec1, Some(Era::Reiwa)),
        ("Ｒ７．１２．１", dec1, Some(Era::Reiwa)),
        ("ｒ７．１２．１", dec1, Some(Era::Reiwa)),
        ("R 7.12.1", dec1, Some(Era::Reiwa)),
        ("R7、12、1", dec1, Some(Era::Reiwa)),
        ("R7・12・1", dec1, Some(Era::Reiwa)),
        ("R元.5.1", ymd(2019, 5, 1), Some(Era::Reiwa)),
        ("R7年12月1日", dec1, Some(Era::Reiwa)),
        ("H31.4.30", ymd(2019, 4, 30), Some(Era::Heisei)),
        ("h31/04/30", ymd(2019, 4, 30), Some(Era::Heisei)),
        ("S64.1.7", ymd(1989, 1, 7), Some(Era::Showa)),
        ("T15.12.24", ymd(1926, 12, 24), Some(Era::Taisho)),
        ("M45.7.29", ymd(1912, 7, 29), Some(Era::Meiji)),
        // 和暦, one-character kanji abbreviations.
        ("令7.12.1", dec1, Some(Era::Reiwa)),
        ("令7年12月1日", dec1, Some(Era::Reiwa)),
        ("平31.4.30", ymd(2019, 4, 30), Some(Era::Heisei)),
        ("昭64.1.7", ymd(1989, 1, 7), Some(Era::Showa)),
        ("大15.12.24", ymd(1926, 12, 24), Some(Era::Taisho)),
        ("明45.7.29", ymd(1912, 7, 29), Some(Era::Meiji)),
        // Square era signs.
        ("㋿7年12月1日", dec1, Some(Era::Reiwa)),
        ("㍻31年4月30日", ymd(2019, 4, 30), Some(Era::Heisei)),
        // Trailing まで / 迄 (cards print "令和7年7月31日まで").
        ("令和7年7月31日まで", ymd(2025, 7, 31), Some(Era::Reiwa)),
        ("令和7年7月31日迄", ymd(2025, 7, 31), Some(Era::Reiwa)),
        (
            "令和７年７月３１日 まで",
            ymd(2025, 7, 31),
            Some(Era::Reiwa),
        ),
        ("R7.7.31まで", ymd(2025, 7, 31), Some(Era::Reiwa)),
    ];
    for &(input, date, era) in table {
        let p = parse_printed(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
        assert_eq!(p.date, date, "{input:?}");
        assert_eq!(p.era, era, "{input:?}");
        assert!(p.warnings.is_empty(), "{input:?}: {:?}", p.warnings);
    }
}

#[test]
fn parse_printed_length_cap() {
    // 64 characters: accepted; 65: Malformed.
    let at_cap = format!("2025-12-01{}", " ".repeat(MAX_PRINTED_CHARS - 10));
    assert_eq!(at_cap.chars().count(), 64);
    assert_eq!(parse_printed(&at_cap).map(|p| p.date), Ok(ymd(2025, 12, 1)));
    let over = format!("{at_cap} ");
    assert_eq!(parse_printed(&over), Err(DateError::Malformed));
    // 64 multi-byte characters are within the cap.
    let wide = format!(
        "令和７年１２月１日{}",
        "\u{3000}".repeat(MAX_PRINTED_CHARS - 9)
    );
    assert_eq!(wide.chars().count(), 64);
    assert_eq!(parse_printed(&wide).map(|p| p.date), Ok(ymd(2025, 12, 1)));
}

// ---------------------------------------------------------------------------------------
// parse_printed: errors
// ---------------------------------------------------------------------------------------

#[test]
fn parse_printed_errors() {
    let table = [
        ("", DateError::Empty),
        ("   ", DateError::Empty),
        ("\u{3000}", DateError::Empty),
        ("2025-02-29", DateError::Impossible), // 2025 is not a leap year
        ("令和7年2月29日", DateError::Impossible), // 令和7 = 2025, not leap
        ("令和7年13月1日", DateError::Impossible),
        ("令和7年4月31日", DateError::Impossible), // April has 30 days
        ("2025-04-31", DateError::Impossible),
        ("2025/13/01", DateError::Impossible),
        ("令和0年5月1日", DateError::Impossible),
        ("R7.0.1", DateError::Impossible),
        ("令和1年4月30日", DateError::BeforeEraStart), // 令和 began 2019-05-01
        ("令和元年4月1日", DateError::BeforeEraStart),
        ("R1.4.30", DateError::BeforeEraStart),
        ("abc", DateError::Malformed),
        ("令和7年", DateError::Malformed),
        ("令和7年12月", DateError::Malformed),
        ("令和7年12月1", DateError::Malformed),
        ("まで", DateError::Malformed),
        ("迄", DateError::Malformed),
        ("25/12/01", DateError::Malformed), // two-digit year without era: ambiguous
        ("025/12/01", DateError::Malformed),
        ("20251/12/01", DateError::Malformed),
        ("R2025.12.1", DateError::Malformed),
        ("R100.1.1", DateError::Malformed), // era year capped at 99
        ("R007.1.1", DateError::Malformed),
        ("R7.123.1", DateError::Malformed),
        ("2025/12-01", DateError::Malformed), // mixed separators
        ("2025..12.1", DateError::Malformed),
        ("R.7.12.1", DateError::Malformed),
        ("20 25-12-01", DateError::Malformed), // space inside a number
        ("2025-1 2-01", DateError::Malformed),
        ("2025-12-01T00:00", DateError::Malformed),
        ("令和7年12月1日まで有効", DateError::Malformed),
        ("までR7.12.1", DateError::Malformed),
        ("元年5月1日", DateError::Malformed), // 元 needs an era
        ("Reiwa 7.12.1", DateError::Malformed),
        ("2025年12月1日日", DateError::Malformed),
        ("X7.12.1", DateError::UnknownEra),
        ("慶応3年1月1日", DateError::UnknownEra),
        ("K7.12.1", DateError::UnknownEra),
        ("1867-12-31", DateError::OutOfRange),
        ("2201年1月1日", DateError::OutOfRange),
        ("0001/01/01", DateError::OutOfRange),
    ];
    for (input, expected) in table {
        assert_eq!(
            parse_printed(input),
            Err(expected),
            "parse_printed({input:?})"
        );
    }
}

#[test]
fn parse_printed_huge_input_is_rejected_quickly() {
    let huge = "1".repeat(10 * 1024 * 1024);
    let spaces = " ".repeat(10 * 1024 * 1024);
    let wide = "令".repeat(4 * 1024 * 1024);
    let start = Instant::now();
    assert_eq!(parse_printed(&huge), Err(DateError::Malformed));
    assert_eq!(parse_printed(&spaces), Err(DateError::Malformed));
    assert_eq!(parse_printed(&wide), Err(DateError::Malformed));
    assert!(
        start.elapsed() < Duration::from_millis(50),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn error_codes_and_messages() {
    let table = [
        (DateError::Empty, "emptyDate"),
        (DateError::Malformed, "malformedDate"),
        (DateError::Impossible, "impossibleDate"),
        (DateError::UnknownEra, "unknownEra"),
        (DateError::BeforeEraStart, "beforeEraStart"),
        (DateError::OutOfRange, "outOfRange"),
    ];
    for (error, code) in table {
        assert_eq!(error.code(), code);
        assert!(!error.message_ja().is_empty());
        assert!(!error.message_en().is_empty());
        assert_eq!(error.to_string(), error.message_en());
        let as_error: &dyn std::error::Error = &error;
        assert!(as_error.source().is_none());
    }
    // The message never echoes the input.
    let secret = "令和7年13月1日";
    let error = parse_printed(secret).expect_err("impossible");
    for text in [error.to_string(), error.message_ja().to_owned()] {
        assert!(!text.contains("7年13月"), "{text}");
    }
}

#[test]
fn serialisation_shapes() {
    let p = parse_printed("平成32年3月31日").expect("accepted");
    assert_eq!(
        serde_json::to_string(&p).expect("json"),
        r#"{"date":"2020-03-31","era":"heisei","warnings":[{"code":"pastEraEnd","printedEra":"heisei","actualEra":"reiwa"}]}"#
    );
    let p = parse_printed("2025-12-01").expect("accepted");
    assert_eq!(
        serde_json::to_string(&p).expect("json"),
        r#"{"date":"2025-12-01","era":null,"warnings":[]}"#
    );
    let eras: Vec<String> = Era::ALL
        .iter()
        .map(|e| serde_json::to_string(e).expect("json"))
        .collect();
    assert_eq!(
        eras,
        [
            r#""meiji""#,
            r#""taisho""#,
            r#""showa""#,
            r#""heisei""#,
            r#""reiwa""#
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Round trips (exhaustive) and properties
// ---------------------------------------------------------------------------------------

#[test]
fn round_trips_exhaustive() {
    // Every day of the supported years. 和暦 round trip up to 令和99年12月31日 (2019 + 98 = 2117),
    // the era-year cap.
    let mut d = ymd(MIN_YEAR, 1, 1);
    let wareki_last = ymd(2117, 12, 31);
    let last = ymd(MAX_YEAR, 12, 31);
    while d <= last {
        let iso = format_iso(d);
        assert_eq!(parse_iso(&iso), Ok(d), "{iso}");
        let p = parse_printed(&iso).expect("iso via parse_printed");
        assert_eq!((p.date, p.era, p.warnings.len()), (d, None, 0));
        if d <= wareki_last {
            let w = format_wareki(d).expect("after 1868");
            let p = parse_printed(&w).unwrap_or_else(|e| panic!("{w}: {e:?}"));
            assert_eq!(p.date, d, "{w}");
            assert_eq!(p.era, era_of(d), "{w}");
            assert!(p.warnings.is_empty(), "{w}");
        }
        d = d.succ_opt().expect("in range");
    }
}

/// Any day of 1868-01-01 ..= 2200-12-31.
fn supported_date() -> impl Strategy<Value = NaiveDate> {
    let first = ymd(MIN_YEAR, 1, 1);
    let span = ymd(MAX_YEAR, 12, 31)
        .signed_duration_since(first)
        .num_days();
    (0..=span).prop_map(move |n| first + chrono::Duration::days(n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_printed_never_panics_on_any_string(s in ".*") {
        let _ = parse_printed(&s);
        let _ = parse_iso(&s);
    }

    #[test]
    fn parse_printed_never_panics_on_date_like_strings(
        s in "[0-9０-９年月日元令和平成昭大正明治RHSTMrhstmXｘＲ㍻㋿/.,\\-ー－／．、・ 　まで迄]{0,80}"
    ) {
        let _ = parse_printed(&s);
        let _ = parse_iso(&s);
    }

    #[test]
    fn wareki_and_iso_round_trip(d in supported_date()) {
        prop_assert_eq!(parse_iso(&format_iso(d)), Ok(d));
        if d.year() <= 2117 {
            let w = format_wareki(d).expect("after 1868");
            let p = parse_printed(&w).expect("round trip");
            prop_assert_eq!(p.date, d);
            prop_assert!(p.warnings.is_empty());
        }
    }

    #[test]
    fn month_end_after_months_properties(d in supported_date(), n in 0u32..1200) {
        let r = month_end_after_months(d, n).expect("in range");
        prop_assert_eq!(r.day(), days_in_month(r.year(), r.month()));
        prop_assert_eq!(month_index(r) - month_index(d), i64::from(n));
        prop_assert!(r >= d);
    }

    #[test]
    fn add_months_clamped_properties(d in supported_date(), months in -2400i32..2400) {
        let r = add_months_clamped(d, months).expect("in range");
        prop_assert_eq!(month_index(r) - month_index(d), i64::from(months));
        prop_assert_eq!(r.day(), d.day().min(days_in_month(r.year(), r.month())));
    }

    #[test]
    fn legal_age_is_everyday_age_of_the_next_day(
        b in supported_date(),
        d in supported_date(),
    ) {
        let next = day_after(d).expect("in range");
        prop_assert_eq!(legal_age_at_end_of(b, d), age_on(b, next));
        let everyday = age_on(b, d);
        let legal = legal_age_at_end_of(b, d);
        prop_assert!(everyday <= legal && legal <= everyday + 1);
        if d >= b {
            // The anniversary of the age reached is on or before d; the next one after d.
            prop_assert!(nth_birthday(b, everyday).expect("in range") <= d);
            prop_assert!(nth_birthday(b, everyday + 1).expect("in range") > d);
        }
    }

    #[test]
    fn birth_month_end_rule_properties(d in supported_date()) {
        let r = birth_month_end_rule(d).expect("in range");
        prop_assert_eq!(r.day(), days_in_month(r.year(), r.month()));
        let diff = month_index(d) - month_index(r);
        prop_assert!(diff == 0 || (diff == 1 && d.day() == 1));
    }
}

#[test]
fn to_wareki_gives_era_parts_at_every_era_boundary() {
    // Era start days are calendar facts (RULES.md issue text: 大正 1912-07-30, 昭和 1926-12-25,
    // 平成 1989-01-08, 令和 2019-05-01).
    let w = |y, m, d| {
        let x = to_wareki(NaiveDate::from_ymd_opt(y, m, d).expect("date")).expect("in range");
        (x.era, x.year, x.month, x.day)
    };
    assert_eq!(w(2019, 4, 30), (Era::Heisei, 31, 4, 30));
    assert_eq!(w(2019, 5, 1), (Era::Reiwa, 1, 5, 1));
    assert_eq!(w(1989, 1, 7), (Era::Showa, 64, 1, 7));
    assert_eq!(w(1989, 1, 8), (Era::Heisei, 1, 1, 8));
    assert_eq!(w(1926, 12, 24), (Era::Taisho, 15, 12, 24));
    assert_eq!(w(1926, 12, 25), (Era::Showa, 1, 12, 25));
    assert_eq!(w(1912, 7, 29), (Era::Meiji, 45, 7, 29));
    assert_eq!(w(1912, 7, 30), (Era::Taisho, 1, 7, 30));
    assert_eq!(w(2025, 12, 1), (Era::Reiwa, 7, 12, 1));
    assert_eq!(
        to_wareki(NaiveDate::from_ymd_opt(1867, 12, 31).expect("date")),
        None
    );
}
