//! Missing-field guidance on any partial Situation (JSON): never panics; it names only
//! contract fields that were not given, no field twice, and `complete` exactly when it names
//! none. Its errors are the same as validation's for the fields given.
#![no_main]
use hoken_check::situation::FIELDS;
use hoken_check::RawSituation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<RawSituation>(data) else {
        return;
    };
    let given = raw.given_fields();
    match hoken_check::missing_fields(&raw) {
        Ok(m) => {
            assert_eq!(m.complete, m.fields.is_empty(), "{m:?}");
            for (i, f) in m.fields.iter().enumerate() {
                assert!(
                    FIELDS.iter().any(|(n, _)| n == f),
                    "{f} is not a contract field"
                );
                assert!(!given.contains(f), "{f} was given but is asked for");
                assert!(!m.fields[..i].contains(f), "{f} asked twice");
            }
            // With asOf given, the partial record also validates as a whole.
            if given.contains(&"asOf") {
                assert!(raw.validate().is_ok());
            }
        }
        Err(e) => {
            // Guidance fails only on a record that validation (with a stand-in asOf) rejects
            // for the same reason.
            let v = raw.validate_with(Some(hoken_check::params::RULES_AS_OF));
            assert_eq!(v.err().map(|v| v.code), Some(e.code));
        }
    }
});
