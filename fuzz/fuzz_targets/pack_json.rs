//! An insurer pack as JSON text (src/pack.rs, RULES.md §15): the validator never panics, and a
//! pack it accepts never changes a national answer — whether and until when the マイナ保険証 is
//! usable (R-MYNA-1..3) agrees with and without it (docs/packs.md) — for the worked-example
//! Situations (tests/spec/examples.json), and the contract's fullCostRisk rule holds.
#![no_main]
use hoken_check::{assess, assess_with_pack, Pack, RawSituation, Situation};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn example_situations() -> &'static [Situation] {
    static CELL: OnceLock<Vec<Situation>> = OnceLock::new();
    CELL.get_or_init(|| {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/spec/examples.json"))
                .unwrap_or_default();
        let list = all
            .get("examples")
            .or(Some(&all))
            .and_then(|v| v.as_array())
            .cloned();
        list.unwrap_or_default()
            .iter()
            .filter_map(|e| serde_json::from_value::<RawSituation>(e["situation"].clone()).ok())
            .filter_map(|r| r.validate().ok())
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = Pack::from_json(text) else {
        return;
    };
    for s in example_situations() {
        let Ok(with) = assess_with_pack(s, Some(&pack)) else {
            continue;
        };
        let mut plain = s.clone();
        plain.insurer_kind = plain.insurer_kind.or(Some(pack.who.insurer_kind));
        let without = assess(&plain).summary;
        let w = with.summary;
        assert_eq!(w.mynahokensho_usable, without.mynahokensho_usable);
        assert_eq!(
            w.mynahokensho_usable_until,
            without.mynahokensho_usable_until
        );
        assert_eq!(w.full_cost_risk, w.copay != hoken_check::Copay::Normal);
    }
});
