//! A Situation as JSON (what the CLI and the npm package take): serde_json → RawSituation →
//! validate → assess never panics, and every assessment keeps the contract (see common.rs).
#![no_main]
use hoken_check::RawSituation;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<RawSituation>(data) else {
        return;
    };
    let validated = raw.validate();
    // assess_raw is exactly validate + assess.
    match (&validated, hoken_check::assess_raw(&raw)) {
        (Ok(s), Ok(a)) => assert_eq!(hoken_check::assess(s).summary, a.summary),
        (Err(e), Err(f)) => assert_eq!(e.code, f.code),
        (v, a) => panic!("validate {:?} but assess_raw {:?}", v.is_ok(), a.is_ok()),
    }
    if let Ok(s) = validated {
        common::check_situation(&s);
    }
});
