//! `to_wareki` / `format_wareki` on any day chrono can represent: never panic, and (the
//! documented property of `format_wareki`) from 1868-01-01 up to era year 99 the 和暦 text
//! parses back to the same day, in the same era, with no warnings.
#![no_main]
use hoken_check::dates::{era_of, format_wareki, to_wareki, NaiveDate, MAX_ERA_YEAR};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: [u8; 4]| {
    let Some(d) = NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(data)) else {
        return;
    };
    let w = to_wareki(d);
    let text = format_wareki(d);
    assert_eq!(w.is_some(), text.is_some());
    assert_eq!(w.map(|w| w.era), era_of(d));
    if let (Some(w), Some(text)) = (w, text) {
        if w.year <= MAX_ERA_YEAR {
            let p = hoken_check::parse_date(&text).expect("format_wareki output parses");
            assert_eq!(p.date, d, "{text}");
            assert_eq!(p.era, Some(w.era), "{text}");
            assert!(p.warnings.is_empty(), "{text}: {:?}", p.warnings);
        }
    }
});
