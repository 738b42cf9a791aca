//! Missing-answer guidance: which unanswered fields would change the answer.
//!
//! The page asks only the questions that matter. For every contract field the person has not
//! answered, this module tries the values that field can take (for dates: days around `asOf`
//! and around the rule dates) and reports the field when some value changes the summary —
//! directly, or once one other unanswered yes/no or choice question is answered (so "has a My
//! Number card" is asked first, and its expiry only when it matters). Fields come in contract
//! order, which is the order of questions. It uses the engine itself, so it can never disagree
//! with it.

use crate::assessment::Summary;
use crate::dates::{self, NaiveDate};
use crate::error::InputError;
use crate::params as p;
use crate::rules;
use crate::situation::{
    Circumstance, Document, FieldKind, RawSituation, RawValue, Situation, FIELDS,
};
use serde::Serialize;

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
    let given = raw.given_fields();
    if !given.contains(&"asOf") {
        // Validate what is there (with a stand-in day) so bad values are still reported.
        raw.validate_with(Some(p::RULES_AS_OF))?;
        return Ok(MissingFields {
            fields: vec!["asOf"],
            complete: false,
        });
    }
    let base = raw.validate()?;
    let base_summary = rules::assess(&base).summary;
    let unanswered: Vec<(&'static str, FieldKind)> = FIELDS
        .iter()
        .copied()
        .filter(|(name, _)| *name != "asOf" && !given.contains(name))
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
                let summary = rules::assess(&with_g).summary;
                (*n, with_g, summary)
            })
        })
        .collect();
    let changes = |from: &Situation, before: &Summary, name: &str, cands: &[Situation]| {
        cands.iter().any(|v| {
            let mut s = from.clone();
            s.copy_field(v, name);
            rules::assess(&s).summary != *before
        })
    };
    let mut fields = Vec::new();
    for (name, kind) in &unanswered {
        let cands = candidates(name, *kind, &base);
        // Directly, or once one of those other questions is answered a certain way.
        let matters = changes(&base, &base_summary, name, &cands)
            || enabled_states
                .iter()
                .filter(|(g, _, _)| g != name)
                .any(|(_, with_g, before)| changes(with_g, before, name, &cands));
        if matters {
            fields.push(*name);
        }
    }
    let complete = fields.is_empty();
    Ok(MissingFields { fields, complete })
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
