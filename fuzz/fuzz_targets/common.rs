// Invariants shared by the targets that reach `assess`. Each one comes from the specification,
// not from the code: CONTRACT.md (fullCostRisk is exactly copay ≠ normal) and RULES.md R-FAIL-1
// (a reader failure with a valid document presented means the normal share, never 10割).
use hoken_check::situation::{Circumstance, Document};
use hoken_check::{assess, Copay, Situation};

/// Assesses `s` and checks the contract and R-FAIL-1 on it. Panics (= a fuzz crash) on a
/// violation.
pub fn check_situation(s: &Situation) {
    let a = assess(s);
    // CONTRACT.md: fullCostRisk == (copay != normal).
    assert_eq!(
        a.summary.full_cost_risk,
        a.summary.copay != Copay::Normal,
        "fullCostRisk must be exactly copay != normal"
    );
    // Every verdict carries its reasons, and the whole answer serialises.
    serde_json::to_string(&a).expect("an Assessment always serialises");

    // R-FAIL-1: the same person at a failed reader, presenting one document that is valid
    // on asOf (by the engine's own per-document verdicts), is never charged the full cost.
    let mut r = s.clone();
    r.situation = Circumstance::ReaderFailure;
    let before = assess(&r).summary;
    let mut valid = Vec::new();
    if before.mynahokensho_usable {
        valid.push(Document::MynahokenshoCard);
        if r.shikaku_joho_oshirase_held {
            valid.push(Document::MynacardPlusOshirase);
        }
    }
    if before.kakuninsho_valid {
        valid.push(Document::ShikakuKakuninsho);
    }
    for doc in valid {
        r.documents_presented = vec![doc];
        let after = assess(&r).summary;
        assert!(
            !after.full_cost_risk,
            "R-FAIL-1: {doc:?} presented on a reader failure gave {:?}",
            after.copay
        );
    }
}
