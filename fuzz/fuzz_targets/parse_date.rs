//! `hoken_check::parse_date` (dates as printed on a card: 和暦, full-width digits, …) on any
//! string: never panics; an accepted date lies in the supported years, and its contract form
//! (`YYYY-MM-DD`) parses back to the same day.
#![no_main]
use hoken_check::dates::{format_iso, parse_iso, MAX_YEAR, MIN_YEAR};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(p) = hoken_check::parse_date(&text) {
        use chrono::Datelike as _;
        assert!(
            (MIN_YEAR..=MAX_YEAR).contains(&p.date.year()),
            "{:?}",
            p.date
        );
        let iso = format_iso(p.date);
        assert_eq!(parse_iso(&iso), Ok(p.date));
        assert_eq!(hoken_check::parse_date(&iso).map(|q| q.date), Ok(p.date));
    }
    // The strict contract parser on the same text never panics either.
    let _ = parse_iso(&text);
});
