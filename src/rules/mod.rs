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
    Action, ArgValue, Args, Assessment, Copay, Event, KakuninshoRoute, Reason, Summary, Warning,
    WarningCode,
};
use crate::citation::{Certainty, RuleInfo};
use crate::dates::NaiveDate;
use crate::params as p;
use crate::situation::{Circumstance, InsurerKind, Situation, Smartphone};

/// Assesses one validated Situation. Pure: the answer depends only on `s` and the compiled
/// rule data; "today" is `s.as_of`.
pub fn assess(s: &Situation) -> Assessment {
    let mut events: Vec<Event> = Vec::with_capacity(8);
    let mut warnings: Vec<Warning> = input_warnings(s);
    let old = old_card::evaluate(s, &mut events, &mut warnings);
    let myna = mynahokensho::evaluate(s, &mut events, &mut warnings);
    let kaku = kakuninsho::evaluate(s, &myna, old.as_ref(), &mut events, &mut warnings);
    let held = window::Held {
        s,
        old: old.as_ref(),
        myna: &myna,
        kaku: &kaku,
    };
    let documents_to_show = window::documents_to_show(&held);
    let (copay, window_verdict) = window::copay(&held);
    let assistance = window::assistance(s, &myna);
    let actions = next_actions(s, &held, copay);

    let mut verdicts = Vec::with_capacity(4);
    if let Some(o) = &old {
        verdicts.push(o.verdict.clone());
    }
    verdicts.push(myna.verdict.clone());
    verdicts.push(kaku.verdict.clone());
    verdicts.extend(window::oshirase_verdict(&held));
    verdicts.push(window_verdict);
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
    events.sort_by_key(|e| e.date);

    let summary = Summary {
        old_card_valid: old.as_ref().map(|o| o.valid),
        old_card_valid_until: old.as_ref().and_then(|o| o.until),
        old_card_provisional_acceptance: old.as_ref().map(|o| o.provisional),
        mynahokensho_usable: myna.usable,
        mynahokensho_usable_until: myna.until,
        kakuninsho_valid: kaku.valid,
        kakuninsho_route: kaku.route,
        documents_to_show,
        copay,
        full_cost_risk: copay != Copay::Normal,
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
        assistance,
        warnings,
    }
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

fn action(
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
    }
}

/// Next actions, most urgent first. Each cites the rule that makes it necessary.
fn next_actions(s: &Situation, h: &window::Held, copay: Copay) -> Vec<Action> {
    let mut out = Vec::with_capacity(4);
    let v = Certainty::Verified;
    // Something presented does not work today.
    match copay {
        Copay::FullCostPossible if s.situation != Circumstance::TaxDeduction => {
            let mut a = action("action.claimRyoyohi", None, None, &p::R_PROV_2, v);
            a.params = Args::none().with("years", ArgValue::Number(p::RYOYOHI_CLAIM_YEARS));
            out.push(a);
        }
        Copay::NormalIfOnlineConfirmed => {
            out.push(action(
                "action.bringValidDocumentNextTime",
                Some(window::provisional_end(s)),
                None,
                &p::R_PROV_1,
                v,
            ));
        }
        _ => {}
    }
    match s.situation {
        Circumstance::ReaderFailure | Circumstance::NoReader if h.myna.usable => {
            let key = if s.shikaku_joho_oshirase_held {
                "action.showOshiraseWithCard"
            } else {
                "action.fillMoushitatesho"
            };
            out.push(action(key, None, None, &p::R_FAIL_1, v));
        }
        Circumstance::NewQualification if h.myna.usable => {
            out.push(action(
                "action.showOshiraseOrMoushitatesho",
                None,
                None,
                &p::R_FAIL_2,
                v,
            ));
        }
        Circumstance::SchoolTrip | Circumstance::Nursery => {
            out.push(action(
                "action.prepareTripDocuments",
                None,
                None,
                &p::R_OSHI_2,
                v,
            ));
        }
        Circumstance::HighCost => {
            let key = if h.myna.usable {
                "action.consentAtReaderForCap"
            } else {
                "action.applyGendogaku"
            };
            out.push(action(key, None, None, &p::R_HIGH_1, v));
            if !h.myna.usable && window::gendo_kubun_printable(s.insurer_kind) {
                out.push(action(
                    "action.askGendoKubunPrinted",
                    None,
                    None,
                    &p::R_HIGH_1,
                    v,
                ));
            }
        }
        Circumstance::TaxDeduction => {
            let key = if h.myna.usable {
                "action.useMynaportalForTax"
            } else {
                "action.keepReceiptsForTax"
            };
            out.push(action(key, None, None, &p::R_TAX_1, v));
        }
        Circumstance::LostMyNumberCard => {
            out.push(action(
                "action.reportLostMyNumberCard",
                None,
                None,
                &p::R_KAKU_2,
                v,
            ));
        }
        _ => {}
    }
    // 資格確認書.
    match h.kaku.route {
        KakuninshoRoute::Application if !s.kakuninsho_application_made && !h.kaku.valid => {
            out.push(action(
                "action.applyForKakuninsho",
                None,
                None,
                &p::R_KAKU_2,
                h.kaku.verdict.certainty,
            ));
        }
        KakuninshoRoute::Automatic if !h.kaku.valid => {
            let rule = h
                .kaku
                .verdict
                .reasons
                .last()
                .map_or(&p::R_KAKU_1, |r| r.rule);
            out.push(action(
                "action.waitForKakuninsho",
                None,
                h.kaku.verdict.valid_from,
                rule,
                h.kaku.verdict.certainty,
            ));
        }
        KakuninshoRoute::NotNeeded if s.kakuninsho_application_made && !h.kaku.valid => {
            out.push(action(
                "action.cancelRegistrationInstead",
                None,
                None,
                &p::R_CANCEL_1,
                v,
            ));
        }
        _ => {}
    }
    if h.kaku.valid {
        if let Some(until) = h.kaku.verdict.valid_until {
            let rule = if s.insurer_kind == Some(InsurerKind::KokiKoreisha) {
                &p::R_KOKI_3
            } else {
                &p::R_KAKU_3
            };
            out.push(action(
                "action.kakuninshoRenewedAutomatically",
                Some(until),
                None,
                rule,
                Certainty::InsurerDependent,
            ));
        }
    }
    // マイナ保険証.
    if h.myna.usable {
        if let (Some(expiry), Some(until)) = (h.myna.expiry, h.myna.until) {
            let from =
                crate::dates::add_months_clamped(expiry, -(p::ECERT_RENEWAL_WINDOW_MONTHS as i32));
            let deadline = if s.as_of <= expiry { expiry } else { until };
            out.push(action(
                "action.renewEcert",
                Some(deadline),
                from,
                &p::R_MYNA_2,
                v,
            ));
        }
        if s.smartphone != Smartphone::None {
            out.push(action(
                "action.carryPhysicalCard",
                None,
                None,
                &p::R_MYNA_5,
                v,
            ));
        }
    } else if s.has_my_number_card && s.situation != Circumstance::LostMyNumberCard {
        if h.myna.expiry.is_some() && h.myna.until.is_some_and(|u| u < s.as_of) {
            out.push(action(
                "action.renewEcertAtOffice",
                None,
                None,
                &p::R_MYNA_2,
                v,
            ));
        }
        if s.registration_cancelled_date.is_some_and(|c| c <= s.as_of) {
            out.push(action(
                "action.reRegisterAnyTime",
                None,
                None,
                &p::R_CANCEL_1,
                v,
            ));
        } else if !s.registered_for_insurance {
            out.push(action(
                "action.registerForInsurance",
                None,
                None,
                &p::R_MYNA_1,
                v,
            ));
        }
    }
    // 従来の保険証 still valid: its last day.
    if let Some(o) = h.old {
        if o.valid {
            out.push(action(
                "action.oldCardLastDay",
                o.until,
                None,
                o.verdict.reasons.first().map_or(&p::R_OLD_1, |r| r.rule),
                v,
            ));
        }
    }
    if window::needs_koureijukyusha(s)
        && (h.kaku.valid || h.kaku.on_its_way || h.old.is_some_and(|o| o.valid))
    {
        out.push(action(
            "action.bringKoureijukyushaSho",
            None,
            None,
            &p::R_OLD_7,
            v,
        ));
    }
    // Most urgent first: dated ones by deadline, then undated in rule order.
    out.sort_by_key(|a| a.deadline.map_or((1, NaiveDate::MAX), |d| (0, d)));
    out
}
