//! The rules, one file per document family; [`assess`] puts them together.
//!
//! Rule functions cite their R-id and source in their doc. No rule file writes a date: every
//! dated value comes from [`crate::params`] (a test checks).

pub mod kakuninsho;
pub mod mynahokensho;
pub mod old_card;
pub mod provisional;
pub mod window;

use crate::assessment::{
    Action, Args, Assessment, Brief, Copay, Event, InsurerContact, Reason, Summary, Warning,
    WarningCode,
};
use crate::citation::{Certainty, RuleInfo};
use crate::dates::NaiveDate;
use crate::pack::Pack;
use crate::params as p;
use crate::situation::{InsurerKind, KokiRegion, Situation, Smartphone};

/// Assesses one validated Situation. Pure: the answer depends only on `s` and the compiled
/// rule data; "today" is `s.as_of`.
///
/// One pass down: each document family evaluates its verdict **and** its next actions from the
/// Situation and the verdicts above it (old card → マイナ保険証 → 資格確認書); the window part
/// reads only those finished evaluations.
pub fn assess(s: &Situation) -> Assessment {
    assess_with(s, None)
}

/// [`assess`] with an insurer pack already checked to apply to `s` (RULES.md §15; see
/// [`crate::assess_with_pack`]). The pack reaches only the families whose facts §15 lists; its
/// contact is attached here, in one place, to every action that says "ask your insurer".
pub(crate) fn assess_with(s: &Situation, pack: Option<&Pack>) -> Assessment {
    evaluate(s, pack, true)
}

/// What a summary row needs — the summary, the weakest certainty and the warnings — from the
/// same evaluation as [`assess_with`] without next actions, assistance or a sorted timeline
/// (a test holds these three to the full assessment's).
pub(crate) fn brief_with(s: &Situation, pack: Option<&Pack>) -> Brief {
    let a = evaluate(s, pack, false);
    Brief {
        summary: a.summary,
        certainty: a.certainty,
        warnings: a.warnings,
    }
}

fn evaluate(s: &Situation, pack: Option<&Pack>, full: bool) -> Assessment {
    let filled;
    let s = match pack.and_then(|pk| filled_by_pack(s, pk)) {
        Some(f) => {
            filled = f;
            &filled
        }
        None => s,
    };
    let mut events: Vec<Event> = Vec::with_capacity(if full { 8 } else { 0 });
    let mut warnings: Vec<Warning> = input_warnings(s);
    let old = old_card::evaluate(s, pack, &mut events, &mut warnings, full);
    let myna = mynahokensho::evaluate(s, &mut events, &mut warnings, full);
    let kaku = kakuninsho::evaluate(
        s,
        pack,
        &myna,
        old.as_ref(),
        &mut events,
        &mut warnings,
        full,
    );
    let win = window::evaluate(&window::Held {
        s,
        pack,
        old: old.as_ref(),
        myna: &myna,
        kaku: &kaku,
        full,
    });

    let mut actions = Vec::with_capacity(if full { 6 } else { 0 });
    actions.extend(win.actions);
    actions.extend(kaku.actions);
    actions.extend(myna.actions);
    let mut verdicts = Vec::with_capacity(5);
    let (old_valid, old_until, old_provisional) = match old {
        Some(o) => {
            actions.extend(o.actions);
            verdicts.push(o.verdict);
            (Some(o.valid), o.until, Some(o.provisional))
        }
        None => (None, None, None),
    };
    if let Some((pk, (c, from))) = pack.and_then(|pk| pk.contact.as_ref().map(|c| (pk, c))) {
        let contact = InsurerContact {
            name: pk.who.name.clone(),
            phone: c.phone.clone(),
            hours: c.hours.clone(),
            web: c.web.clone(),
            counter: c.counter.clone(),
            pack: pk.cite(from),
        };
        for a in actions.iter_mut().filter(|a| a.asks_insurer()) {
            a.contact = Some(contact.clone());
        }
    }
    // Most urgent first: dated ones by deadline, then the undated ones in the order above.
    sort_small_by_key(&mut actions, |a| {
        a.deadline.map_or((1, NaiveDate::MAX), |d| (0, d))
    });

    verdicts.push(myna.verdict);
    verdicts.push(kaku.verdict);
    verdicts.extend(win.oshirase);
    verdicts.push(win.verdict);
    if s.as_of >= p::RULES_AS_OF {
        // R-TODAY-1: the rules are as known on the rules-as-of date.
        if let Some(v) = verdicts.last_mut() {
            v.reasons.push(Reason::new(
                &p::R_TODAY_1,
                "window.rulesAsOf",
                Args::date("date", p::RULES_AS_OF),
            ));
        }
    }
    let certainty = verdicts
        .iter()
        .map(|v| v.certainty)
        .max()
        .unwrap_or(Certainty::Verified);
    if full {
        sort_small_by_key(&mut events, |e| e.date);
    }

    let summary = Summary {
        old_card_valid: old_valid,
        old_card_valid_until: old_until,
        old_card_provisional_acceptance: old_provisional,
        mynahokensho_usable: myna.usable,
        mynahokensho_usable_until: myna.until,
        kakuninsho_valid: kaku.valid,
        kakuninsho_route: kaku.route,
        documents_to_show: win.documents,
        copay: win.copay,
        full_cost_risk: win.copay != Copay::Normal,
    };
    Assessment {
        as_of: s.as_of,
        rules_version: p::RULES_VERSION,
        data_hash: p::DATA_HASH,
        rules_as_of: p::RULES_AS_OF,
        summary,
        certainty,
        verdicts,
        timeline: events,
        next_actions: actions,
        assistance: win.assistance,
        warnings,
    }
}

/// A stable sort by key for the few actions and events of one assessment (insertion sort: a
/// handful of items; one small loop instead of two instantiations of std's stable sort, which
/// were ~13 KB of the wasm module before wasm-opt).
fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// §15 "who": a pack says which insurer (and, for 後期, which region) the person has. The
/// Situation with what the pack fills in, or `None` when it fills nothing. Missing-answer
/// guidance ([`crate::guide`]) uses the same filling, so a question the pack answers is never
/// asked.
pub(crate) fn filled_by_pack(s: &Situation, pk: &Pack) -> Option<Situation> {
    if s.insurer_kind.is_some() && !fills_region(s, pk) {
        return None;
    }
    let mut f = s.clone();
    f.insurer_kind = Some(pk.who.insurer_kind);
    if fills_region(s, pk) {
        f.koki_region = Some(if pk.who.prefecture.as_deref() == Some("埼玉県") {
            KokiRegion::Saitama
        } else {
            KokiRegion::Other
        });
    }
    Some(f)
}

/// A 後期 pack fills a `kokiRegion` left empty.
fn fills_region(s: &Situation, pk: &Pack) -> bool {
    pk.who.insurer_kind == InsurerKind::KokiKoreisha
        && s.koki_region.is_none()
        && !s
            .insurer_kind
            .is_some_and(|k| k != InsurerKind::KokiKoreisha)
}

/// Facts that look inconsistent or do not apply (CONTRACT.md: ignored with a warning, never
/// rejected). The per-document ones are raised where each document is evaluated.
fn input_warnings(s: &Situation) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |code, field| out.push(Warning::new(code, Some(field)));
    if s.insurer_kind.is_none() {
        warn(WarningCode::InsurerKindNotGiven, "insurerKind");
    }
    if s.birth_date.is_some_and(|b| b > s.as_of) {
        warn(WarningCode::BirthDateAfterAsOf, "birthDate");
    }
    if s.koki_region.is_some() && s.insurer_kind != Some(InsurerKind::KokiKoreisha) {
        warn(WarningCode::NotApplicableNotKoki, "kokiRegion");
    }
    if s.facility_supports_smartphone.is_some() && s.smartphone == Smartphone::None {
        warn(
            WarningCode::NotApplicableNoSmartphone,
            "facilitySupportsSmartphone",
        );
    }
    let presented_but_not_held = s.documents_presented.iter().any(|d| !window::holds(s, *d));
    if presented_but_not_held {
        warn(WarningCode::PresentedButNotHeld, "documentsPresented");
    }
    out
}

/// A next action citing `rule` (the constructor every family file uses).
pub(crate) fn action(
    key: &'static str,
    deadline: Option<NaiveDate>,
    from: Option<NaiveDate>,
    rule: &'static RuleInfo,
    certainty: Certainty,
) -> Action {
    Action {
        message_key: key,
        deadline,
        from,
        params: Args::none(),
        rule,
        certainty,
        pack: None,
        contact: None,
    }
}

#[cfg(test)]
mod tests {
    use super::sort_small_by_key;

    #[test]
    fn the_small_sort_is_stable_and_sorts_as_std_does() {
        // (key, original position): equal keys keep their order, as `sort_by_key` promises.
        let mut seed = 7u32;
        for len in 0..24 {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 4, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            sort_small_by_key(&mut v, |x| x.0);
            assert_eq!(v, want, "length {len}");
        }
    }
}
