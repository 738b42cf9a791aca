//! Missing-answer guidance: which unanswered fields would change the answer.
//!
//! The page asks only the questions that matter. For every contract field the person has not
//! answered, this module tries the values that field can take (for dates: days around `asOf`
//! and around the rule dates) and reports the field when some value changes the summary —
//! directly, or once one other unanswered yes/no or choice question is answered (so "has a My
//! Number card" is asked first, and its expiry only when it matters). Fields come in question
//! order. It uses the engine itself, so it can never disagree with it.
//!
//! Three choices make the questions few and natural (issue 7):
//! - **Question order** is [`QUESTION_ORDER`], not contract order: what the person wants to
//!   know first, then the insurer and age, then each document's "do you have it / is it
//!   registered" before that document's dates, so a date is asked only once its prerequisite
//!   says it can matter.
//! - **Implied answers are never asked** ([`IMPLIED`]): e.g. a traditional card someone holds
//!   was issued by 2024-12-01, because none were issued after (R-OLD-1).
//! - **"Changes the answer"** means a change in what the person can use, until when, and what
//!   they pay ([`decision`]): an extra alternative in the list of documents to show does not
//!   make a question worth asking when the best document stays the same — except for a school
//!   trip or nursery, where that list *is* the answer (R-OSHI-2). The documents presented at a
//!   window are asked only when the person says they are at a window with a reader problem.

use crate::assessment::{KakuninshoRoute, Summary};
use crate::dates::{self, NaiveDate};
use crate::error::{ErrorCode, InputError};
use crate::pack::{Pack, PackErrorCode};
use crate::params as p;
use crate::rules;
use crate::situation::{
    Circumstance, Document, FieldKind, RawSituation, RawValue, Situation, FIELDS,
};
use serde::Serialize;

/// Every question the engine can ask, in the order it is asked (each contract field but
/// `asOf` and the [`IMPLIED`] ones, exactly once; a test checks this).
pub const QUESTION_ORDER: &[&str] = &[
    "situation",
    "insurerKind",
    "birthDate",
    "kokiRegion",
    "hasMyNumberCard",
    "registeredForInsurance",
    "registrationCancelledDate",
    "myNumberCardExpiry",
    "ecertExpiry",
    "shikakuKakuninshoHeld",
    "shikakuKakuninshoExpiry",
    "oldCardHeld",
    "oldCardPrintedExpiry",
    "qualificationLostDate",
    "cardDataChangeDate",
    "shikakuJohoOshiraseHeld",
    "difficultyUsingCard",
    "kakuninshoApplicationMade",
    "smartphone",
    "facilitySupportsSmartphone",
    "documentsPresented",
];

/// Questions that only make sense once another is answered: (question, prerequisite).
pub const PREREQUISITES: &[(&str, &str)] = &[
    ("kokiRegion", "insurerKind"),
    ("registeredForInsurance", "hasMyNumberCard"),
    ("registrationCancelledDate", "registeredForInsurance"),
    ("myNumberCardExpiry", "registeredForInsurance"),
    ("ecertExpiry", "registeredForInsurance"),
    ("shikakuKakuninshoExpiry", "shikakuKakuninshoHeld"),
    ("oldCardPrintedExpiry", "oldCardHeld"),
    ("qualificationLostDate", "oldCardHeld"),
    ("cardDataChangeDate", "oldCardHeld"),
    ("facilitySupportsSmartphone", "smartphone"),
];

fn prerequisite(name: &str) -> Option<&'static str> {
    PREREQUISITES
        .iter()
        .find(|(q, _)| *q == name)
        .map(|(_, p)| *p)
}

/// Fields never asked because their answer is implied, with why.
pub const IMPLIED: &[(&str, &str)] = &[(
    "oldCardIssuedBy20241201",
    "R-OLD-1: no traditional card was issued from 2024-12-02, so one that is held was issued by \
     2024-12-01; the field only serves to flag impossible input",
)];

/// The guidance for a partial Situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingFields {
    /// Unanswered fields whose answer could change the summary, in question order.
    pub fields: Vec<&'static str>,
    /// True when no unanswered field could change the summary.
    pub complete: bool,
}

/// Which unanswered fields of `raw` would change the answer.
///
/// A missing `asOf` is reported alone (nothing can be said without the day).
///
/// # Errors
/// The same input errors as [`crate::assess_raw`] for the fields that are given.
pub fn missing_fields(raw: &RawSituation) -> Result<MissingFields, InputError> {
    missing_fields_with_pack(raw, None)
}

/// [`missing_fields`] with an insurer pack (RULES.md §15): what the pack fills in (the insurer
/// kind and, for 後期, the region) is never asked, and "changes the answer" is judged with the
/// pack's facts, as [`crate::assess_raw_with_pack`] answers.
///
/// # Errors
/// As [`missing_fields`]; and `packNotForRecord` naming `insurerKind` or `kokiRegion` when the
/// pack is for another insurer kind or 後期 region than the given answers.
pub fn missing_fields_with_pack(
    raw: &RawSituation,
    pack: Option<&Pack>,
) -> Result<MissingFields, InputError> {
    let mut given = raw.given_fields();
    if !given.contains(&"asOf") {
        // Validate what is there (with a stand-in day) so bad values are still reported.
        raw.validate_with(Some(p::RULES_AS_OF))?;
        return Ok(MissingFields {
            fields: vec!["asOf"],
            complete: false,
        });
    }
    let mut base = raw.validate()?;
    if let Some(pk) = pack {
        pk.check_applies_to(&base).map_err(|e| {
            let field = match e.code {
                PackErrorCode::WrongRegion => "kokiRegion",
                _ => "insurerKind",
            };
            InputError::new(ErrorCode::PackNotForRecord, Some(field))
        })?;
        if let Some(filled) = rules::filled_by_pack(&base, pk) {
            base = filled;
        }
        if base.insurer_kind.is_some() {
            given.push("insurerKind");
        }
        if base.koki_region.is_some() {
            given.push("kokiRegion");
        }
    }
    let assess = |s: &Situation| rules::brief_with(s, pack).summary;
    let base_summary = decision(&base, assess(&base));
    let unanswered: Vec<(&'static str, FieldKind)> = QUESTION_ORDER
        .iter()
        .filter(|name| !given.contains(name))
        .filter_map(|name| FIELDS.iter().copied().find(|(n, _)| n == name))
        .collect();
    // Yes/no and choice questions that can make another answer matter ("has a My Number card"
    // makes its expiry matter). Each such answer's situation is assessed once, here. Dates are
    // never prerequisites, which keeps this cheap.
    let enabled_states: Vec<(&'static str, Situation, Summary)> = unanswered
        .iter()
        .filter(|(_, k)| matches!(k, FieldKind::Bool | FieldKind::OptBool | FieldKind::Enum(_)))
        .flat_map(|(n, k)| {
            candidates(n, *k, &base).into_iter().map(|w| {
                let mut with_g = base.clone();
                with_g.copy_field(&w, n);
                let summary = decision(&with_g, assess(&with_g));
                (*n, with_g, summary)
            })
        })
        .collect();
    let changes = |from: &Situation, before: &Summary, name: &str, cands: &[Situation]| {
        asked_in(name, from)
            && cands.iter().any(|v| {
                let mut s = from.clone();
                s.copy_field(v, name);
                decision(&s, assess(&s)) != *before
            })
    };
    let is_unanswered = |n: &str| unanswered.iter().any(|(u, _)| *u == n);
    let mut fields = Vec::new();
    for (name, kind) in &unanswered {
        // A question waits for its unanswered prerequisite ("registered?" before its dates).
        if prerequisite(name).is_some_and(is_unanswered) {
            continue;
        }
        let cands = candidates(name, *kind, &base);
        // Directly, or once an earlier question is answered a certain way (then that one is
        // asked too), or (for a prerequisite) once it opens a question that then changes the
        // answer.
        let direct = changes(&base, &base_summary, name, &cands);
        // An earlier question that makes this one matter is asked too, first (R-OLD-5: the
        // insurer kind matters with the birth date, the birth date with the insurer kind).
        let opener = if direct {
            None
        } else {
            enabled_states
                .iter()
                .filter(|(g, _, _)| asked_before(g, name))
                .find(|(_, with_g, before)| changes(with_g, before, name, &cands))
                .map(|(g, _, _)| *g)
        };
        if let Some(g) = opener {
            if !fields.contains(&g) {
                let at = fields
                    .iter()
                    .position(|f| asked_before(g, f))
                    .unwrap_or(fields.len());
                fields.insert(at, g);
            }
        }
        let matters = direct
            || opener.is_some()
            || unanswered
                .iter()
                .filter(|(d, _)| prerequisite(d) == Some(*name))
                .any(|(d, dk)| {
                    let dc = candidates(d, *dk, &base);
                    enabled_states
                        .iter()
                        .filter(|(g, _, _)| g == name)
                        .any(|(_, with_g, before)| changes(with_g, before, d, &dc))
                });
        if matters {
            fields.push(*name);
        }
    }
    let complete = fields.is_empty();
    Ok(MissingFields { fields, complete })
}

/// The part of the summary a question must be able to change to be worth asking: what is
/// usable, until when, the copay and the best document to show. A 資格確認書 not yet held, the last day of a card that no
/// longer works, the route to a 資格確認書 while something usable is held, and the whole list
/// of documents to show (except for a school trip or nursery, R-OSHI-2, where that list is the
/// answer) are details of the answer, not reasons for another question.
pub fn decision(s: &Situation, mut summary: Summary) -> Summary {
    if summary.old_card_valid != Some(true) {
        summary.old_card_valid_until = None;
    }
    if !summary.documents_to_show.is_empty() {
        summary.kakuninsho_route = KakuninshoRoute::NotNeeded;
    }
    // A 資格確認書 that is not held yet (on its way) is not something to bring today.
    if !summary.kakuninsho_valid {
        summary
            .documents_to_show
            .retain(|d| *d != Document::ShikakuKakuninsho);
    }
    // The 高齢受給者証 goes with a 資格確認書 or old card listed (CONTRACT.md part 3, R-OLD-7): with
    // neither left it is not a document to bring on its own.
    if !summary
        .documents_to_show
        .iter()
        .any(|d| matches!(d, Document::ShikakuKakuninsho | Document::OldCard))
    {
        summary
            .documents_to_show
            .retain(|d| *d != Document::KoureijukyushaSho);
    }
    // The smartphone is an alternative to the card (R-MYNA-5): while the card works it changes
    // nothing the person must do.
    if summary
        .documents_to_show
        .contains(&Document::MynahokenshoCard)
    {
        summary
            .documents_to_show
            .retain(|d| *d != Document::MynahokenshoSmartphone);
    }
    if !matches!(
        s.situation,
        Circumstance::SchoolTrip | Circumstance::Nursery
    ) {
        summary.documents_to_show.truncate(1);
    }
    summary
}

/// Whether question `a` comes before question `b` in [`QUESTION_ORDER`].
fn asked_before(a: &str, b: &str) -> bool {
    let at = |n: &str| QUESTION_ORDER.iter().position(|q| *q == n);
    matches!((at(a), at(b)), (Some(x), Some(y)) if x < y)
}

/// Whether `name` is asked at all in situation `s`: the documents presented only at a window
/// with a reader problem (R-FAIL-1) — otherwise the answer is about the best document held.
fn asked_in(name: &str, s: &Situation) -> bool {
    name != "documentsPresented"
        || matches!(
            s.situation,
            Circumstance::ReaderFailure | Circumstance::NoReader
        )
}

fn candidate_dates(name: &str, base: &Situation) -> Vec<NaiveDate> {
    let a = base.as_of;
    let mut out = Vec::with_capacity(16);
    if name == "birthDate" {
        for years in [10, 40, 69, 70, 72, 74, 75, 80, 85, 90] {
            out.extend(dates::add_months_clamped(a, -(years * 12)));
        }
        out.extend(dates::add_months_clamped(
            p::SAITAMA_AGE_REFERENCE,
            -(85 * 12),
        ));
        return out;
    }
    for months in [-24, -6, -4, -1, 0, 1, 6, 24] {
        out.extend(dates::add_months_clamped(a, months));
    }
    out.extend(dates::day_before(a));
    out.extend(dates::day_after(a));
    out.extend([p::OLD_CARD_CAP, p::PROVISIONAL_END, p::KOKI_PROVISIONAL_END]);
    out
}

/// The values to try for one field, each already validated into a one-field Situation (so the
/// search copies a field instead of parsing text for every try).
fn candidates(name: &str, kind: FieldKind, base: &Situation) -> Vec<Situation> {
    raw_candidates(name, kind, base)
        .into_iter()
        .filter_map(|v| {
            let raw = RawSituation::from_fields(vec![
                (
                    "asOf".to_string(),
                    RawValue::Str(dates::format_iso(base.as_of)),
                ),
                (name.to_string(), v),
            ]);
            raw.validate().ok()
        })
        .collect()
}

fn raw_candidates(name: &str, kind: FieldKind, base: &Situation) -> Vec<RawValue> {
    match kind {
        FieldKind::Bool => vec![RawValue::Bool(true)],
        FieldKind::OptBool => vec![RawValue::Bool(true), RawValue::Bool(false)],
        FieldKind::Enum(values) => values
            .iter()
            .map(|v| RawValue::Str((*v).to_string()))
            .collect(),
        FieldKind::Date | FieldKind::OptDate => candidate_dates(name, base)
            .into_iter()
            .map(|d| RawValue::Str(dates::format_iso(d)))
            .collect(),
        FieldKind::Documents => {
            if base.situation == Circumstance::TaxDeduction {
                Vec::new()
            } else {
                Document::ALL
                    .iter()
                    .map(|d| RawValue::List(vec![RawValue::Str(d.as_str().to_string())]))
                    .collect()
            }
        }
    }
}

// serde_json (for readable inputs) is a native-only dev-dependency.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    fn fields(json: &str) -> Vec<&'static str> {
        let raw: RawSituation = serde_json::from_str(json).expect("test input is JSON");
        missing_fields(&raw).expect("valid test input").fields
    }

    #[cfg(feature = "pack-json")] // the example packs are read as JSON
    fn example_pack(file: &str) -> Pack {
        let path = format!("{}/packs/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("example pack");
        Pack::from_json(&text).expect("valid example pack")
    }

    #[cfg(feature = "pack-json")] // the example packs are read as JSON
    fn fields_with(json: &str, pack: &Pack) -> Result<Vec<&'static str>, InputError> {
        let raw: RawSituation = serde_json::from_str(json).expect("test input is JSON");
        missing_fields_with_pack(&raw, Some(pack)).map(|m| m.fields)
    }

    // RULES.md §15 "who": a pack names the insurer kind (and a 後期 pack its region), so the
    // element never asks what its pack already says.
    #[cfg(feature = "pack-json")] // the example packs are read as JSON
    #[test]
    fn a_pack_answers_the_insurer_kind_and_the_koki_region() {
        let start = r#"{"asOf":"2025-11-30","situation":"normal","oldCardHeld":true}"#;
        let without = fields(start);
        assert!(without.contains(&"insurerKind"), "{without:?}");
        let saitama = example_pack("koki-saitama.json");
        let with = fields_with(start, &saitama).expect("the pack applies");
        assert!(!with.contains(&"insurerKind"), "{with:?}");
        assert!(!with.contains(&"kokiRegion"), "{with:?}");
        let shibuya = example_pack("kokuho-shibuya.json");
        let with = fields_with(start, &shibuya).expect("the pack applies");
        assert!(!with.contains(&"insurerKind"), "{with:?}");
    }

    #[cfg(feature = "pack-json")] // the example packs are read as JSON
    #[test]
    fn a_pack_for_another_insurer_kind_is_refused_as_assess_refuses_it() {
        let shibuya = example_pack("kokuho-shibuya.json");
        let e = fields_with(
            r#"{"asOf":"2026-11-29","insurerKind":"kyokaiKenpo"}"#,
            &shibuya,
        )
        .expect_err("another insurer kind");
        assert_eq!(e.code, ErrorCode::PackNotForRecord);
        assert_eq!(e.field.as_deref(), Some("insurerKind"));
        let saitama = example_pack("koki-saitama.json");
        let e = fields_with(r#"{"asOf":"2026-11-29","kokiRegion":"other"}"#, &saitama)
            .expect_err("another region");
        assert_eq!(e.field.as_deref(), Some("kokiRegion"));
    }

    #[test]
    fn a_koureijukyusha_sho_alone_is_no_reason_to_ask_the_insurer_or_the_age() {
        // CONTRACT.md part 3: the 高齢受給者証 goes with a 資格確認書 or old card listed. Here the
        // old card has ended (2025-12-01 cap) and the 資格確認書 is only on its way, so nothing
        // is held to bring it with: insurer kind and birth date change nothing to do today.
        let f = fields(
            r#"{"asOf":"2026-11-29","situation":"normal","hasMyNumberCard":false,
                "shikakuKakuninshoHeld":false,"oldCardHeld":true}"#,
        );
        assert!(
            !f.contains(&"insurerKind") && !f.contains(&"birthDate"),
            "{f:?}"
        );
    }

    #[test]
    fn question_order_holds_every_contract_field_but_as_of_and_the_implied_ones_once() {
        let mut expected: Vec<&str> = FIELDS
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| *n != "asOf" && !IMPLIED.iter().any(|(i, _)| i == n))
            .collect();
        let mut got = QUESTION_ORDER.to_vec();
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected);
        for (q, p) in PREREQUISITES {
            let at = |n: &str| QUESTION_ORDER.iter().position(|x| *x == n);
            assert!(at(p) < at(q), "{p} is asked before {q}");
        }
    }

    #[test]
    fn what_the_person_wants_to_know_is_asked_first() {
        // Issue 7: "first what the person wants to know"; the circumstance changes the answer
        // (a school trip is answered with R-OSHI-2's documents).
        assert_eq!(fields(r#"{"asOf":"2026-11-29"}"#)[0], "situation");
    }

    #[test]
    fn registration_is_asked_before_the_dates_of_the_card() {
        // The expiry dates of a My Number card matter only for a registered card (R-MYNA-1).
        let f = fields(r#"{"asOf":"2026-11-29","situation":"normal"}"#);
        assert!(f.contains(&"hasMyNumberCard"), "{f:?}");
        for later in [
            "registeredForInsurance",
            "ecertExpiry",
            "myNumberCardExpiry",
        ] {
            assert!(
                !f.contains(&later),
                "{later} waits for its prerequisite: {f:?}"
            );
        }
        let f = fields(r#"{"asOf":"2026-11-29","situation":"normal","hasMyNumberCard":true}"#);
        assert!(f.contains(&"registeredForInsurance"), "{f:?}");
        assert!(!f.contains(&"ecertExpiry"), "{f:?}");
        let f = fields(
            r#"{"asOf":"2026-11-29","situation":"normal","hasMyNumberCard":true,"registeredForInsurance":true}"#,
        );
        assert!(f.contains(&"ecertExpiry"), "{f:?}");
        let f = fields(
            r#"{"asOf":"2026-11-29","situation":"normal","hasMyNumberCard":true,"registeredForInsurance":false}"#,
        );
        assert!(!f.contains(&"ecertExpiry"), "{f:?}");
    }

    #[test]
    fn the_issue_date_of_a_held_traditional_card_is_never_asked() {
        // R-OLD-1: none were issued from 2024-12-02, so the answer is implied.
        let f = fields(
            r#"{"asOf":"2025-11-30","situation":"normal","insurerKind":"kokuho","oldCardHeld":true}"#,
        );
        assert!(f.contains(&"oldCardPrintedExpiry"), "{f:?}");
        assert!(!f.contains(&"oldCardIssuedBy20241201"), "{f:?}");
    }

    #[test]
    fn the_smartphone_is_not_asked_while_the_card_works() {
        // R-MYNA-5: the smartphone is an alternative to a working card, not a condition.
        let f = fields(
            r#"{"asOf":"2026-11-29","situation":"normal","hasMyNumberCard":true,"registeredForInsurance":true,"myNumberCardExpiry":"2031-04-01","ecertExpiry":"2030-10-20"}"#,
        );
        assert!(!f.contains(&"smartphone"), "{f:?}");
        assert!(!f.contains(&"facilitySupportsSmartphone"), "{f:?}");
    }

    #[test]
    fn the_documents_presented_are_asked_only_at_a_window_with_a_reader_problem() {
        let base = r#""asOf":"2026-11-29","hasMyNumberCard":true,"registeredForInsurance":true,"myNumberCardExpiry":"2031-04-01","ecertExpiry":"2030-10-20","shikakuKakuninshoHeld":false,"oldCardHeld":false,"shikakuJohoOshiraseHeld":true"#;
        let normal = fields(&format!(r#"{{{base},"situation":"normal"}}"#));
        assert!(!normal.contains(&"documentsPresented"), "{normal:?}");
        // R-FAIL-1: what is shown at a failed reader decides the copay.
        let failed = fields(&format!(r#"{{{base},"situation":"readerFailure"}}"#));
        assert!(failed.contains(&"documentsPresented"), "{failed:?}");
    }

    #[test]
    fn a_dead_card_s_end_date_does_not_make_a_question() {
        // R-OLD-1: from 2025-12-02 (and after R-PROV-1 ended 2026-03-31) no traditional card
        // works, so its printed expiry changes nothing the person can do.
        let f = fields(
            r#"{"asOf":"2026-11-29","situation":"normal","insurerKind":"kokuho","hasMyNumberCard":false,"shikakuKakuninshoHeld":false,"oldCardHeld":true}"#,
        );
        assert!(!f.contains(&"oldCardPrintedExpiry"), "{f:?}");
        assert!(!f.contains(&"qualificationLostDate"), "{f:?}");
    }
}
