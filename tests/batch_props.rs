#![cfg(not(target_arch = "wasm32"))]
//! Properties of the batch record splitters: on any bytes they never panic, always make
//! progress, consume the whole input exactly once, and — fed in slices of any size — find the
//! same records as on the whole input (the CLI reads in blocks, the batch page in slices).

use hoken_check::batch::{self, ArrayStep, CsvRecord};
use proptest::prelude::*;

/// Bytes that exercise CSV structure: quotes, commas, CR, LF, a multi-byte char, bad bytes.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            Just(b'"'),
            Just(b','),
            Just(b'\n'),
            Just(b'\r'),
            Just(b'a'),
            Just(b'1'),
            Just(0xffu8),
            Just(0xe3u8),
        ],
        0..400,
    )
}

/// All records of `input` at once (at end of input).
fn whole(input: &[u8], expected: Option<usize>) -> Vec<(usize, CsvRecord)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(r) = batch::next_csv_record(&input[at..], true, expected) {
        assert!(r.consumed > 0, "no progress at {at}");
        assert!(r.len <= r.consumed && at + r.consumed <= input.len());
        out.push((at, r));
        at += r.consumed;
    }
    assert_eq!(at, input.len(), "every byte consumed once");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_splitting_consumes_everything_and_never_panics(input in csvish(), cells in 1usize..5) {
        for (at, r) in whole(&input, Some(cells)) {
            let mut v = Vec::new();
            batch::split_cells(&input[at..at + r.len], &mut v);
            prop_assert!(!v.is_empty());
        }
    }

    #[test]
    fn csv_records_fed_in_slices_are_those_of_the_whole_input(
        input in csvish(),
        step in 1usize..64,
    ) {
        let want = whole(&input, Some(2));
        // Feed `step` more bytes whenever the splitter asks for more, as the CLI does.
        let mut got = Vec::new();
        let (mut at, mut end) = (0, step.min(input.len()));
        loop {
            let eof = end == input.len();
            match batch::next_csv_record(&input[at..end], eof, Some(2)) {
                Some(r) => {
                    got.push((at, r));
                    at += r.consumed;
                }
                None if eof => break,
                None => end = (end + step).min(input.len()),
            }
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn array_elements_never_panic_and_make_progress(input in csvish()) {
        let mut at = 0;
        while let Some(step) = batch::next_array_element(&input[at..]) {
            match step {
                ArrayStep::Element { start, end, next } => {
                    prop_assert!(start <= end && end <= next && next > 0);
                    at += next;
                }
                ArrayStep::End { .. } => break,
            }
        }
        let _ = batch::json_value_end(&input);
        let _ = batch::detect_encoding(&input);
    }
}
