//! マイナ保険証 (R-MYNA-1 … R-MYNA-5, R-CANCEL-1).

use super::action;
use crate::assessment::{
    Action, ArgValue, Args, DocumentKind, Event, Reason, Status, Verdict, Warning, WarningCode,
};
use crate::citation::Certainty;
use crate::dates::{self, NaiveDate};
use crate::params as p;
use crate::situation::{Circumstance, Situation, Smartphone};

/// The マイナ保険証 evaluation.
#[derive(Debug, Clone)]
pub struct Myna {
    /// Usable on `asOf` (a fact about the person).
    pub usable: bool,
    /// Last usable day (grace end), when known.
    pub until: Option<NaiveDate>,
    /// The earlier of the e-certificate and card expiry, when given.
    pub expiry: Option<NaiveDate>,
    /// Usable today only thanks to the grace period.
    pub in_grace: bool,
    /// The smartphone マイナ保険証 works on `asOf` (set up, started, registered card usable).
    pub smartphone_ok: bool,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its next actions.
    pub actions: Vec<Action>,
}

/// R-MYNA-1 (https://www.vill.tokai.ibaraki.jp/kurashi_tetsuzuki/nenkin_hoken/kokuminkenkohoken/9735.html):
/// a My Number card with 健康保険証利用登録 and a valid 利用者証明用電子証明書 (or within the
/// R-MYNA-3 grace period) is a マイナ保険証. R-CANCEL-1: a cancellation on or before `asOf`
/// ends it. A lost card cannot be used. The next actions follow from the finished verdict
/// (left out when `full` is false: a summary-only evaluation).
pub fn evaluate(
    s: &Situation,
    events: &mut Vec<Event>,
    warnings: &mut Vec<Warning>,
    full: bool,
) -> Myna {
    let mut m = verdict(s, events, warnings);
    if full {
        m.actions = actions(s, &m);
    }
    m
}

fn verdict(s: &Situation, events: &mut Vec<Event>, warnings: &mut Vec<Warning>) -> Myna {
    let mut reasons = Vec::new();
    let none = |status, reasons| Myna {
        usable: false,
        until: None,
        expiry: None,
        in_grace: false,
        smartphone_ok: false,
        verdict: Verdict::new(
            DocumentKind::Mynahokensho,
            status,
            None,
            None,
            Certainty::Verified,
            reasons,
        ),
        actions: Vec::new(),
    };
    if !s.has_my_number_card {
        for (set, field) in [
            (s.my_number_card_expiry.is_some(), "myNumberCardExpiry"),
            (s.ecert_expiry.is_some(), "ecertExpiry"),
            (
                s.registration_cancelled_date.is_some(),
                "registrationCancelledDate",
            ),
        ] {
            if set {
                warnings.push(Warning::new(
                    WarningCode::NotApplicableNoMyNumberCard,
                    Some(field),
                ));
            }
        }
        reasons.push(Reason::new(&p::R_MYNA_1, "myna.noCard", Args::none()));
        return none(Status::NotHeld, reasons);
    }
    if s.situation == Circumstance::LostMyNumberCard {
        reasons.push(Reason::new(&p::R_KAKU_2, "myna.cardLost", Args::none()));
        return none(Status::Invalid, reasons);
    }
    if let Some(c) = s.registration_cancelled_date {
        if c < p::CANCEL_ACCEPTED_FROM {
            warnings.push(Warning::dated(
                WarningCode::CancellationBeforeAccepted,
                Some("registrationCancelledDate"),
                p::CANCEL_ACCEPTED_FROM,
            ));
        }
        if c <= s.as_of {
            reasons.push(Reason::new(
                &p::R_CANCEL_1,
                "myna.registrationCancelled",
                Args::date("date", c),
            ));
            return none(Status::Invalid, reasons);
        }
    }
    if !s.registered_for_insurance {
        reasons.push(Reason::new(
            &p::R_MYNA_1,
            "myna.notRegistered",
            Args::none(),
        ));
        return none(Status::Invalid, reasons);
    }
    if let (Some(e), Some(c)) = (s.ecert_expiry, s.my_number_card_expiry) {
        if e > c {
            // R-MYNA-2: the certificate never outlives the card; the earlier date is used.
            warnings.push(Warning::new(
                WarningCode::EcertAfterCardExpiry,
                Some("ecertExpiry"),
            ));
        }
    }
    let expiry = match (s.ecert_expiry, s.my_number_card_expiry) {
        (Some(e), Some(c)) => Some(e.min(c)),
        (e, c) => e.or(c),
    };
    let Some(expiry) = expiry else {
        reasons.push(Reason::new(
            &p::R_MYNA_1,
            "myna.usableExpiryUnknown",
            Args::none(),
        ));
        let mut m = none(Status::Valid, reasons);
        m.usable = true;
        m.smartphone_ok = smartphone_ok(s);
        return m;
    };
    // R-MYNA-3 (re-checked 2026-11-29, single source): the grace exists only for expiries
    // from 2024-12-02; before that the expiry day itself is the last usable day.
    let has_grace = expiry >= p::GRACE_APPLIES_FROM;
    let until = if has_grace { grace_end(expiry) } else { expiry };
    let usable = s.as_of <= until;
    let in_grace = usable && s.as_of > expiry;
    let mut certainty = if has_grace {
        Certainty::Verified
    } else {
        Certainty::Unverified
    };
    let card_is_earlier = s.my_number_card_expiry == Some(expiry) && s.ecert_expiry != Some(expiry);
    let which = if card_is_earlier { "card" } else { "ecert" };
    let args = Args::date("expiry", expiry)
        .with("until", ArgValue::Date(until))
        .with("which", ArgValue::Token(which));
    if s.as_of <= expiry {
        if !has_grace {
            // The last usable day reported rests on the single-source cut-off.
            reasons.push(Reason::new(
                &p::R_MYNA_3,
                "myna.noGraceBeforeAbolition",
                args.clone()
                    .with("graceFrom", ArgValue::Date(p::GRACE_APPLIES_FROM)),
            ));
        }
        reasons.push(Reason::new(&p::R_MYNA_1, "myna.usable", args));
    } else if usable {
        reasons.push(Reason::new(&p::R_MYNA_3, "myna.grace", args));
        // RULES.md D5: one source counts 3 months from the exact day; where that reading
        // would already have ended, say that sources disagree.
        if dates::add_months_clamped(expiry, p::GRACE_MONTHS as i32).is_some_and(|d| s.as_of > d) {
            certainty = Certainty::SourcesDisagree;
            reasons.push(Reason::new(
                &p::R_MYNA_3,
                "myna.graceSourcesDisagree",
                Args::none(),
            ));
        }
    } else if !has_grace {
        reasons.push(Reason::new(
            &p::R_MYNA_3,
            "myna.noGraceBeforeAbolition",
            args.with("graceFrom", ArgValue::Date(p::GRACE_APPLIES_FROM)),
        ));
        reasons.push(Reason::new(
            &p::R_FAIL_3,
            "myna.expiredNotReaderFailure",
            Args::none(),
        ));
    } else {
        reasons.push(Reason::new(&p::R_MYNA_3, "myna.graceOver", args));
        reasons.push(Reason::new(
            &p::R_FAIL_3,
            "myna.expiredNotReaderFailure",
            Args::none(),
        ));
    }
    if let Some(c) = s.registration_cancelled_date {
        reasons.push(Reason::new(
            &p::R_CANCEL_1,
            "myna.cancellationScheduled",
            Args::date("date", c),
        ));
        events.push(event(c, "event.registrationCancelled", &p::R_CANCEL_1, s));
    }
    if let Some(from) = dates::add_months_clamped(expiry, -(p::ECERT_RENEWAL_WINDOW_MONTHS as i32))
    {
        events.push(event(from, "event.ecertRenewalOpens", &p::R_MYNA_2, s));
    }
    events.push(event(
        expiry,
        if card_is_earlier {
            "event.cardExpires"
        } else {
            "event.ecertExpires"
        },
        &p::R_MYNA_2,
        s,
    ));
    if has_grace {
        events.push(event(until, "event.mynaGraceEnds", &p::R_MYNA_3, s));
    }

    let mut m = Myna {
        usable,
        until: Some(until),
        expiry: Some(expiry),
        in_grace,
        smartphone_ok: false,
        verdict: Verdict::new(
            DocumentKind::Mynahokensho,
            if !usable {
                Status::Invalid
            } else if in_grace {
                Status::Grace
            } else {
                Status::Valid
            },
            Some(expiry),
            Some(until),
            certainty,
            reasons,
        ),
        actions: Vec::new(),
    };
    if usable {
        m.smartphone_ok = smartphone_ok(s);
    }
    if s.smartphone != Smartphone::None {
        let key = if s.as_of < p::SMARTPHONE_START {
            "myna.smartphoneNotYet"
        } else if s.facility_supports_smartphone == Some(false) {
            "myna.smartphoneFacilityNoReader"
        } else {
            "myna.smartphoneCarryCard"
        };
        m.verdict.reasons.push(Reason::new(
            &p::R_MYNA_5,
            key,
            Args::date("date", p::SMARTPHONE_START),
        ));
    }
    m
}

/// R-MYNA-3 (https://www.kyoukaikenpo.or.jp/g1/r7-7/7071601): usable until the last day of
/// the third month after the month of expiry. Falls back to the expiry itself only on a
/// calendar overflow (year 262143), where no grace can be computed.
pub fn grace_end(expiry: NaiveDate) -> NaiveDate {
    dates::grace_end(expiry).unwrap_or(expiry)
}

/// R-MYNA-5 (https://www.bcnretail.com/market/detail/20250919_557389.html): from 2025-09-19 a
/// smartphone set up as マイナ保険証 works at facilities with the smartphone reader.
fn smartphone_ok(s: &Situation) -> bool {
    s.smartphone != Smartphone::None
        && s.as_of >= p::SMARTPHONE_START
        && s.facility_supports_smartphone != Some(false)
}

fn event(
    date: NaiveDate,
    key: &'static str,
    rule: &'static crate::citation::RuleInfo,
    s: &Situation,
) -> Event {
    Event {
        date,
        document: DocumentKind::Mynahokensho,
        message_key: key,
        rule,
        past: date < s.as_of,
    }
}

/// The マイナ保険証's next actions: R-KAKU-2 (report a lost card), R-MYNA-2 (renew the
/// certificate from 3 months before its expiry; at the office once expired), R-MYNA-5 (carry the
/// physical card with the smartphone), R-CANCEL-1 (re-register any time), R-MYNA-1 (register).
fn actions(s: &Situation, m: &Myna) -> Vec<Action> {
    let v = Certainty::Verified;
    let mut out = Vec::new();
    if s.situation == Circumstance::LostMyNumberCard {
        out.push(action(
            "action.reportLostMyNumberCard",
            None,
            None,
            &p::R_KAKU_2,
            v,
        ));
    }
    if m.usable {
        if let (Some(expiry), Some(until)) = (m.expiry, m.until) {
            let from = dates::add_months_clamped(expiry, -(p::ECERT_RENEWAL_WINDOW_MONTHS as i32));
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
        if m.smartphone_ok {
            // R-MYNA-5 (re-checked 2026-11-29): when the phone cannot be read at an equipped
            // facility, the マイナポータル 資格情報 screen on the phone is the fallback.
            out.push(action(
                "action.phoneFallbackMynaportalScreen",
                None,
                None,
                &p::R_MYNA_5,
                v,
            ));
        }
    } else if s.has_my_number_card && s.situation != Circumstance::LostMyNumberCard {
        if m.expiry.is_some() && m.until.is_some_and(|u| u < s.as_of) {
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
    out
}
