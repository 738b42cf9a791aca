//! 資格確認書 (R-KAKU-1 … R-KAKU-4, R-KOKI-1 … R-KOKI-3, R-MYNA-4).

use super::mynahokensho::Myna;
use super::old_card::OldCard;
use super::{action, provisional};
use crate::assessment::ArgValue;
use crate::assessment::{
    Action, Args, DocumentKind, Event, KakuninshoRoute, Reason, Status, Verdict, Warning,
    WarningCode,
};
use crate::citation::{Certainty, RuleInfo};
use crate::dates;
use crate::pack::{AfterExpiryMode, Pack};
use crate::params as p;
use crate::situation::{Circumstance, InsurerKind, KokiRegion, Situation};

/// The 資格確認書 evaluation.
#[derive(Debug, Clone)]
pub struct Kakuninsho {
    /// Holds one valid on `asOf`.
    pub valid: bool,
    /// How one is obtained.
    pub route: KakuninshoRoute,
    /// One is on its way (automatic route, or applied for) and none valid is held.
    pub on_its_way: bool,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its next actions.
    pub actions: Vec<Action>,
}

/// R-KAKU-3 (https://www.pmac.shigaku.go.jp/annai/shikaku/detail/shohaishi_02.html): a held
/// 資格確認書 is valid until its printed expiry (insurer-set, at most 5 years), from the
/// current insurer. R-KAKU-1/2/4, R-KOKI-1/2, R-MYNA-4 decide the route (CONTRACT.md list).
/// `full = false` leaves out the next actions (a summary-only evaluation).
pub fn evaluate(
    s: &Situation,
    pack: Option<&Pack>,
    myna: &Myna,
    old: Option<&OldCard>,
    events: &mut Vec<Event>,
    warnings: &mut Vec<Warning>,
    full: bool,
) -> Kakuninsho {
    let (route, route_reasons, mut certainty) = route_with(s, pack, myna);
    // R-KAKU-3, cited with the source for the person's insurer kind (後期: R-KOKI-3).
    let kaku_rule = &p::R_KAKU_3;
    let mut reasons = Vec::new();
    let mut valid = false;
    let mut status = Status::NotHeld;
    let mut until = None;
    if s.shikaku_kakuninsho_held {
        if s.as_of < p::ABOLITION {
            warnings.push(Warning::dated(
                WarningCode::KakuninshoBeforeAbolition,
                Some("shikakuKakuninshoHeld"),
                p::ABOLITION,
            ));
            status = Status::Invalid;
            reasons.push(Reason::new(
                &p::R_KAKU_1,
                "kakuninsho.notYetExisting",
                Args::date("date", p::ABOLITION),
            ));
        } else {
            // R-KAKU-3: the printed expiry as answered, else the fixed end its insurer's pack
            // publishes (私学共済-style).
            let pack_until = pack.and_then(|pk| {
                pk.kakuninsho
                    .validity_until
                    .as_ref()
                    .map(|(d, from)| (*d, pk.cite(from)))
            });
            let expiry = s
                .shikaku_kakuninsho_expiry
                .or(pack_until.as_ref().map(|x| x.0));
            if let (None, Some((d, cite))) = (s.shikaku_kakuninsho_expiry, pack_until) {
                reasons.push(
                    Reason::new(
                        kaku_rule,
                        "kakuninsho.packValidUntil",
                        Args::date("date", d),
                    )
                    .with_pack(cite),
                );
            }
            match expiry {
                Some(e) => {
                    until = Some(e);
                    valid = s.as_of <= e;
                    status = if valid {
                        Status::Valid
                    } else {
                        Status::Invalid
                    };
                    let key = if valid {
                        "kakuninsho.validUntil"
                    } else {
                        "kakuninsho.expired"
                    };
                    reasons.push(Reason::for_kind(
                        kaku_rule,
                        s.insurer_kind,
                        key,
                        Args::date("date", e),
                    ));
                    if dates::add_months_clamped(s.as_of, (p::KAKUNINSHO_MAX_YEARS * 12) as i32)
                        .is_some_and(|max| e > max)
                    {
                        warnings.push(Warning::new(
                            WarningCode::KakuninshoExpiryTooFar,
                            Some("shikakuKakuninshoExpiry"),
                        ));
                    }
                    events.push(Event {
                        date: e,
                        document: DocumentKind::ShikakuKakuninsho,
                        message_key: "event.kakuninshoLastDay",
                        rule: &p::R_KAKU_3,
                        past: e < s.as_of,
                    });
                    if valid && myna.usable {
                        // R-KAKU-5: both at once; neither excludes the other.
                        reasons.push(Reason::new(
                            &p::R_KAKU_5,
                            "kakuninsho.heldWithMyna",
                            Args::none(),
                        ));
                    }
                    if !valid && provisional::in_window(s.insurer_kind, s.as_of) {
                        // R-PROV-1 covers expired cards and the お知らせ alone; an expired
                        // 資格確認書 is not covered (one municipality says otherwise: unverified).
                        reasons.push(Reason::new(
                            &p::R_PROV_1,
                            "kakuninsho.expiredNotProvisional",
                            Args::none(),
                        ));
                    }
                    if !valid
                        && s.insurer_kind == Some(InsurerKind::KokiKoreisha)
                        && e <= p::KOKI_PROVISIONAL_END
                    {
                        // RULES.md §12 item 6: no provisional handling of expired 資格確認書 found.
                        reasons.push(Reason::new(
                            &p::R_KOKI_2,
                            "kakuninsho.kokiProvisionalOver",
                            Args::date("date", p::KOKI_PROVISIONAL_END),
                        ));
                    }
                }
                None => {
                    valid = true;
                    status = Status::Valid;
                    certainty = certainty.max(Certainty::InsurerDependent);
                    warnings.push(Warning::new(
                        WarningCode::KakuninshoExpiryNotGiven,
                        Some("shikakuKakuninshoExpiry"),
                    ));
                    reasons.push(Reason::for_kind(
                        &p::R_KAKU_3,
                        s.insurer_kind,
                        "kakuninsho.checkPrintedExpiry",
                        Args::none(),
                    ));
                }
            }
        }
    } else if s.shikaku_kakuninsho_expiry.is_some() {
        warnings.push(Warning::new(
            WarningCode::NotApplicableNoKakuninsho,
            Some("shikakuKakuninshoExpiry"),
        ));
    }

    // R-KAKU-4: while a valid old card is held, the 資格確認書 is not issued yet; it arrives
    // for the day after the old card ends — on every route (an application made meanwhile is
    // answered after the old card ends).
    let old_valid = old.is_some_and(|o| o.valid) && s.situation != Circumstance::LostOldCard;
    let mut valid_from = None;
    // R-MYNA-4 with a pack that says "only on application": nothing comes unasked.
    let application_only = pack
        .and_then(|pk| pk.kakuninsho.after_ecert_expiry.as_ref())
        .is_some_and(|a| a.mode == AfterExpiryMode::ApplicationOnly)
        && after_expiry(myna, s);
    let coming = match route {
        KakuninshoRoute::Automatic => !application_only || s.kakuninsho_application_made,
        KakuninshoRoute::Application => s.kakuninsho_application_made,
        _ => false,
    };
    let on_its_way = !valid && coming && !old_valid;
    if coming && old_valid && !valid {
        if let Some(from) = old.and_then(|o| o.until).and_then(dates::day_after) {
            valid_from = Some(from);
            reasons.push(Reason::new(
                &p::R_KAKU_4,
                "kakuninsho.afterOldCard",
                Args::date("date", from),
            ));
            events.push(Event {
                date: from,
                document: DocumentKind::ShikakuKakuninsho,
                message_key: "event.kakuninshoReplacesOldCard",
                rule: &p::R_KAKU_4,
                past: from < s.as_of,
            });
        }
    }
    if on_its_way {
        status = Status::OnTheWay;
    }
    reasons.extend(route_reasons);
    let mut k = Kakuninsho {
        valid,
        route,
        on_its_way,
        verdict: Verdict {
            document: DocumentKind::ShikakuKakuninsho,
            status,
            valid_from,
            valid_until: until,
            grace_until: None,
            certainty,
            reasons,
        },
        actions: Vec::new(),
    };
    if full {
        k.actions = actions(s, pack, myna, &k, application_only);
    }
    k
}

/// Whether the person can no longer use the マイナ保険証 only because it expired beyond the
/// grace period (the R-MYNA-4 case).
fn after_expiry(myna: &Myna, s: &Situation) -> bool {
    !myna.usable
        && s.has_my_number_card
        && s.registered_for_insurance
        && s.situation != Circumstance::LostMyNumberCard
        && !s.registration_cancelled_date.is_some_and(|c| c <= s.as_of)
}

/// The 資格確認書's next actions, from its finished verdict: apply (R-KAKU-2), wait for the one
/// sent without application (the rule that sends it: R-KAKU-1, R-MYNA-4, R-KOKI-1/2, R-CANCEL-1),
/// cancel the registration instead of applying "just in case" (R-CANCEL-1), and the renewal of
/// a valid one (R-KAKU-3; 後期: R-KOKI-3).
fn actions(
    s: &Situation,
    pack: Option<&Pack>,
    myna: &Myna,
    k: &Kakuninsho,
    application_only: bool,
) -> Vec<Action> {
    let v = Certainty::Verified;
    let mut out = Vec::new();
    if application_only && !s.kakuninsho_application_made && !k.valid {
        // R-MYNA-4, decided by the insurer's pack: this insurer sends none unasked.
        let mut a = action("action.applyForKakuninsho", None, None, &p::R_MYNA_4, v);
        a.pack = pack.and_then(|pk| {
            pk.kakuninsho
                .after_ecert_expiry
                .as_ref()
                .map(|x| pk.cite(&x.provenance))
        });
        out.push(a);
    }
    if let Some((pk, t)) = pack.and_then(|pk| pk.kakuninsho.to_everyone.as_ref().map(|t| (pk, t))) {
        // R-KAKU-5, decided by the municipality's pack: one was sent to every member.
        let in_period = s.as_of >= t.from && !t.until.is_some_and(|u| s.as_of > u);
        let too_old = t.except_aged_from.is_some_and(|age| {
            s.birth_date
                .is_some_and(|b| dates::legal_age_at_end_of(b, t.from) >= age)
        });
        if in_period && !too_old && myna.usable && !s.shikaku_kakuninsho_held {
            let mut a = action(
                "action.lookForKakuninshoSentToEveryone",
                None,
                Some(t.from),
                &p::R_KAKU_5,
                v,
            );
            a.pack = Some(pk.cite(&t.provenance));
            out.push(a);
        }
    }
    match k.route {
        KakuninshoRoute::Automatic if application_only => {}
        KakuninshoRoute::Application if !s.kakuninsho_application_made && !k.valid => {
            out.push(action(
                "action.applyForKakuninsho",
                None,
                None,
                &p::R_KAKU_2,
                k.verdict.certainty,
            ));
        }
        KakuninshoRoute::Automatic if !k.valid => {
            let rule = k.verdict.reasons.last().map_or(&p::R_KAKU_1, |r| r.rule);
            out.push(action(
                "action.waitForKakuninsho",
                None,
                k.verdict.valid_from,
                rule,
                k.verdict.certainty,
            ));
        }
        KakuninshoRoute::NotNeeded if s.kakuninsho_application_made && !k.valid => {
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
    let koki_after_provisional =
        s.insurer_kind == Some(InsurerKind::KokiKoreisha) && s.as_of > p::KOKI_PROVISIONAL_END;
    let koki_pack = pack.and_then(|pk| pk.koki.as_ref().map(|f| (pk, f)));
    let may_apply = koki_pack.and_then(|(_, f)| f.any_holder_may_apply);
    if koki_after_provisional
        && k.route == KakuninshoRoute::NotNeeded
        && !k.valid
        && !s.kakuninsho_application_made
        && may_apply != Some(false)
    {
        // R-KOKI-2 (re-checked 2026-11-29): some 広域連合 (Saitama, Okayama) let any マイナ保険証
        // holder ask for a 資格確認書 — insurer-dependent unless the 広域連合's pack says so; the
        // route stays `notNeeded`.
        let mut a = action(
            "action.kokiMayApplyKakuninsho",
            None,
            None,
            &p::R_KOKI_2,
            Certainty::InsurerDependent,
        );
        if let (Some(true), Some((pk, f))) = (may_apply, koki_pack) {
            a.certainty = v;
            a.pack = Some(pk.cite(&f.provenance));
        }
        out.push(a);
    }
    if k.valid {
        // R-KAKU-1 (re-checked 2026-11-29): a reissue after loss may be charged by some 健保組合;
        // the insurer's pack says how much.
        match pack.and_then(|pk| pk.kakuninsho.reissue_fee_yen.as_ref().map(|f| (pk, f))) {
            Some((pk, (yen, from))) => {
                let mut a = action("action.kakuninshoReissueFee", None, None, &p::R_KAKU_1, v);
                a.params = Args::none().with("yen", ArgValue::Number(*yen));
                a.pack = Some(pk.cite(from));
                out.push(a);
            }
            None => out.push(action(
                "action.kakuninshoReissueMayBeCharged",
                None,
                None,
                &p::R_KAKU_1,
                Certainty::InsurerDependent,
            )),
        }
        if let Some(until) = k.verdict.valid_until {
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
    out
}

/// Saitama 85+ (R-KOKI-2, https://www.saitama-koukikourei.org/seido/taisho/hokensho-2-2-2-2-2,
/// single source): 後期 in Saitama aged 85 or more on 2026-08-01 (legal age: born on or before
/// 1941-08-02). `None` when the birth date is unknown.
pub fn aged_85_on_reference_day(s: &Situation) -> Option<bool> {
    let b = s.birth_date?;
    Some(dates::legal_age_at_end_of(b, p::SAITAMA_AGE_REFERENCE) >= p::SAITAMA_ALL_KAKUNINSHO_AGE)
}

fn is_saitama_koki_period(s: &Situation) -> bool {
    s.insurer_kind == Some(InsurerKind::KokiKoreisha)
        && s.koki_region == Some(KokiRegion::Saitama)
        && s.as_of >= p::SAITAMA_AGE_REFERENCE
}

/// [`route`] with the insurer pack's R-MYNA-4 and R-KOKI-2 facts: a pack that says what it
/// does after an e-certificate expired makes that verdict `verified`; a 後期 pack with an
/// age rule (Saitama: 85 on 2026-08-01) decides the route of those holders, `verified`.
fn route_with(
    s: &Situation,
    pack: Option<&Pack>,
    myna: &Myna,
) -> (KakuninshoRoute, Vec<Reason>, Certainty) {
    let (route, mut reasons, mut certainty) = route(s, myna);
    let Some(pk) = pack else {
        return (route, reasons, certainty);
    };
    if route == KakuninshoRoute::Automatic && after_expiry(myna, s) {
        if let Some(a) = &pk.kakuninsho.after_ecert_expiry {
            reasons.retain(|r| r.message_key != "route.monthlyNationalList");
            let mut args = Args::none().with("mode", ArgValue::Token(mode_token(a.mode)));
            if let Some(m) = a.months {
                args = args.with("months", ArgValue::Number(m));
            }
            reasons.push(
                Reason::new(&p::R_MYNA_4, mode_key(a.mode), args).with_pack(pk.cite(&a.provenance)),
            );
            certainty = Certainty::Verified;
        }
    }
    let koki = s.insurer_kind == Some(InsurerKind::KokiKoreisha);
    if let (true, true, Some(f)) = (koki, myna.usable, &pk.koki) {
        if let Some((age, on)) = f.all_kakuninsho_from_age {
            if s.as_of >= on && s.situation != Circumstance::LostMyNumberCard {
                let args = Args::date("date", on).with("age", ArgValue::Number(age));
                let aged = s
                    .birth_date
                    .map(|b| dates::legal_age_at_end_of(b, on) >= age);
                let cite = pk.cite(&f.provenance);
                match aged {
                    Some(true) => {
                        return (
                            KakuninshoRoute::Automatic,
                            vec![Reason::new(&p::R_KOKI_2, "route.packAllFromAge", args)
                                .with_pack(cite)],
                            Certainty::Verified,
                        );
                    }
                    Some(false)
                        if s.koki_region == Some(KokiRegion::Saitama)
                            && route == KakuninshoRoute::Application =>
                    {
                        // CONTRACT.md route step 4 (Saitama under 85: application), confirmed
                        // by the 広域連合's own pack.
                        reasons.push(
                            Reason::new(&p::R_KOKI_2, "route.packUnderAgeApply", args)
                                .with_pack(cite),
                        );
                        return (route, reasons, Certainty::Verified);
                    }
                    Some(false) => {
                        // The 85+ rule of this 広域連合 does not reach this person.
                        reasons.retain(|r| r.message_key != "route.other85Unverified");
                    }
                    None => {}
                }
            }
        }
    }
    (route, reasons, certainty)
}

fn mode_key(m: AfterExpiryMode) -> &'static str {
    match m {
        AfterExpiryMode::Automatic => "route.packAfterExpiryAutomatic",
        AfterExpiryMode::MonthlyList => "route.packAfterExpiryMonthlyList",
        AfterExpiryMode::ApplicationOnly => "route.packAfterExpiryApplicationOnly",
    }
}

fn mode_token(m: AfterExpiryMode) -> &'static str {
    match m {
        AfterExpiryMode::Automatic => "automatic",
        AfterExpiryMode::MonthlyList => "monthlyList",
        AfterExpiryMode::ApplicationOnly => "applicationOnly",
    }
}

/// CONTRACT.md `kakuninshoRoute`, first match wins:
///
/// 1. `notYet` before 2024-12-02 (R-OLD-1);
/// 2. `application` when the My Number card is lost, or the old card is lost and no
///    マイナ保険証 is usable (R-KAKU-2);
/// 3. `automatic` when no マイナ保険証 is usable (R-KAKU-1, R-MYNA-4, R-CANCEL-1), or 後期
///    until 2026-07-31 (R-KOKI-1), or Saitama 後期 85+ (R-KOKI-2);
/// 4. `application` for 要配慮者 (R-KAKU-2) or Saitama 後期 under 85 (R-KOKI-2);
/// 5. `notNeeded` (R-KAKU-2: "just in case" is not a ground; R-CANCEL-1 instead).
pub fn route(s: &Situation, myna: &Myna) -> (KakuninshoRoute, Vec<Reason>, Certainty) {
    use KakuninshoRoute::*;
    let r = |rule: &'static RuleInfo, key| Reason::new(rule, key, Args::none());
    let rd = |rule: &'static RuleInfo, key, d| Reason::new(rule, key, Args::date("date", d));
    let v = Certainty::Verified;
    let koki = s.insurer_kind == Some(InsurerKind::KokiKoreisha);
    // For 後期 members the governing 後期 rule is cited beside the general one.
    let koki_reason = || {
        if s.as_of <= p::KOKI_PROVISIONAL_END {
            rd(
                &p::R_KOKI_1,
                "route.automaticKokiProvisional",
                p::KOKI_PROVISIONAL_END,
            )
        } else {
            rd(
                &p::R_KOKI_2,
                "route.kokiAfterProvisional",
                p::SAITAMA_AGE_REFERENCE,
            )
        }
    };
    if s.as_of < p::ABOLITION {
        return (
            NotYet,
            vec![rd(&p::R_OLD_1, "route.notYet", p::ABOLITION)],
            v,
        );
    }
    if s.situation == Circumstance::LostMyNumberCard {
        return (
            Application,
            vec![r(&p::R_KAKU_2, "route.applyLostMyNumberCard")],
            v,
        );
    }
    if s.situation == Circumstance::LostOldCard && !myna.usable {
        return (
            Application,
            vec![r(&p::R_KAKU_2, "route.applyLostOldCard")],
            v,
        );
    }
    if !myna.usable {
        let (first, certainty) = if !s.has_my_number_card {
            (r(&p::R_KAKU_1, "route.automaticNoMyna"), v)
        } else if s.registration_cancelled_date.is_some_and(|c| c <= s.as_of) {
            (r(&p::R_CANCEL_1, "route.automaticCancelled"), v)
        } else if !s.registered_for_insurance {
            (r(&p::R_KAKU_1, "route.automaticNoMyna"), v)
        } else {
            // Expired beyond the grace period: sent without application; timing differs (D6).
            (
                r(&p::R_MYNA_4, "route.automaticAfterExpiry"),
                Certainty::InsurerDependent,
            )
        };
        let after_expiry = first.message_key == "route.automaticAfterExpiry";
        let mut reasons = vec![first];
        if after_expiry {
            // R-MYNA-4 (re-checked 2026-11-29): several 健保組合 send it from a monthly national
            // list, so it can take more than a month.
            reasons.push(r(&p::R_MYNA_4, "route.monthlyNationalList"));
        }
        if koki {
            reasons.push(koki_reason());
        }
        return (Automatic, reasons, certainty);
    }
    if koki && s.as_of <= p::KOKI_PROVISIONAL_END {
        return (Automatic, vec![koki_reason()], v);
    }
    let date = p::SAITAMA_AGE_REFERENCE;
    if is_saitama_koki_period(s) {
        let u = Certainty::Unverified;
        return match aged_85_on_reference_day(s) {
            Some(true) => (
                Automatic,
                vec![rd(&p::R_KOKI_2, "route.automaticSaitama85", date)],
                u,
            ),
            Some(false) => (
                Application,
                vec![rd(&p::R_KOKI_2, "route.applicationSaitamaUnder85", date)],
                u,
            ),
            None => (
                Application,
                vec![rd(&p::R_KOKI_2, "route.saitamaNeedsBirthDate", date)],
                u,
            ),
        };
    }
    if s.difficulty_using_card {
        let mut reasons = vec![r(&p::R_KAKU_2, "route.applicationDifficulty")];
        if koki {
            reasons.push(koki_reason());
        }
        return (Application, reasons, v);
    }
    if koki {
        let mut reasons = vec![
            rd(&p::R_KOKI_2, "route.notNeededKokiOshirase", date),
            r(&p::R_KAKU_2, "route.notNeeded"),
        ];
        // RULES.md §12 item 2: whether the Saitama 85+ rule is national is unverified.
        let mut certainty = v;
        if s.as_of >= date && aged_85_on_reference_day(s) == Some(true) {
            reasons.push(rd(&p::R_KOKI_2, "route.other85Unverified", date));
            certainty = Certainty::Unverified;
        }
        return (NotNeeded, reasons, certainty);
    }
    (NotNeeded, vec![r(&p::R_KAKU_2, "route.notNeeded")], v)
}
