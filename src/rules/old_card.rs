//! 従来の健康保険証: transitional validity (R-OLD-1 … R-OLD-8).

use super::provisional;
use crate::assessment::{
    Action, Args, DocumentKind, Event, Reason, Status, Verdict, Warning, WarningCode,
};
use crate::citation::Certainty;
use crate::dates::{self, NaiveDate};
use crate::pack::Pack;
use crate::params::{self as p};
use crate::situation::{InsurerKind, Situation};

/// Why the old card's validity ends when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndCause {
    /// The holder left the insurer (資格喪失日 − 1).
    QualificationLost,
    /// The 75th birthday (leaving 国保 / 被用者保険), day before.
    Age75,
    /// Printed data changed (国保 / 後期), day before.
    DataChange,
    /// Printed expiry.
    PrintedExpiry,
    /// 国保 without printed expiry: 70th-birthday month.
    Kokuho70,
    /// The 2025-12-01 cap.
    Cap,
}

impl EndCause {
    /// Whether the card expired "by date" (CONTRACT `oldCardProvisionalAcceptance`).
    pub fn is_by_date(self) -> bool {
        matches!(
            self,
            EndCause::PrintedExpiry | EndCause::Kokuho70 | EndCause::Cap
        )
    }
}

/// The old card's evaluation.
#[derive(Debug, Clone)]
pub struct OldCard {
    /// Valid on `asOf`.
    pub valid: bool,
    /// Last valid day.
    pub until: Option<NaiveDate>,
    /// R-PROV-1 applies.
    pub provisional: bool,
    /// The binding cause.
    pub cause: Option<EndCause>,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its next actions.
    pub actions: Vec<Action>,
}

/// R-OLD-1 (https://faq.myna.go.jp/faq/show/3505): a card issued by 2024-12-01 is usable until
/// the earliest of its printed expiry, 2025-12-01, the day before 資格喪失 and (国保/後期) the
/// day before a change of printed data; with R-OLD-2/3 (cap), R-OLD-4 (leaving), R-OLD-5
/// (国保 70th-birthday month), R-OLD-6 (後期), R-OLD-8 (75th birthday). Returns `None` when no
/// old card is held. `full = false` leaves out the next actions (a summary-only evaluation).
pub fn evaluate(
    s: &Situation,
    pack: Option<&Pack>,
    events: &mut Vec<Event>,
    warnings: &mut Vec<Warning>,
    full: bool,
) -> Option<OldCard> {
    if !s.old_card_held {
        for (set, field) in [
            (s.old_card_printed_expiry.is_some(), "oldCardPrintedExpiry"),
            (
                s.old_card_issued_by_20241201.is_some(),
                "oldCardIssuedBy20241201",
            ),
            (s.card_data_change_date.is_some(), "cardDataChangeDate"),
            (s.qualification_lost_date.is_some(), "qualificationLostDate"),
        ] {
            if set {
                warnings.push(Warning::new(
                    WarningCode::NotApplicableNoOldCard,
                    Some(field),
                ));
            }
        }
        return None;
    }
    let mut reasons = Vec::new();
    if s.old_card_issued_by_20241201 == Some(false) {
        // R-OLD-1: none were issued from 2024-12-02, so this cannot be a traditional card.
        warnings.push(Warning::dated(
            WarningCode::OldCardCannotExist,
            Some("oldCardIssuedBy20241201"),
            p::ABOLITION,
        ));
        reasons.push(Reason::new(
            &p::R_OLD_1,
            "oldCard.notIssuedAfterAbolition",
            Args::date("date", p::ABOLITION),
        ));
        return Some(OldCard {
            valid: false,
            until: None,
            provisional: false,
            cause: None,
            verdict: Verdict::new(
                DocumentKind::OldCard,
                Status::Invalid,
                None,
                None,
                Certainty::Verified,
                reasons,
            ),
            actions: Vec::new(),
        });
    }

    let kind = s.insurer_kind;
    // R-OLD-5 / D8: the printed expiry as answered, else the one its insurer's pack publishes.
    let pack_expiry = pack.and_then(|pk| {
        pk.old_card_printed_expiry
            .as_ref()
            .map(|(d, from)| (*d, pk.cite(from)))
    });
    let printed = s
        .old_card_printed_expiry
        .or(pack_expiry.as_ref().map(|x| x.0));
    let mut candidates: Vec<(NaiveDate, EndCause)> = Vec::with_capacity(6);
    let mut data_change_insurer_dependent = None;
    if let Some(q) = s.qualification_lost_date.and_then(dates::day_before) {
        candidates.push((q, EndCause::QualificationLost));
    }
    if let Some(b75) = age75_end(s) {
        candidates.push((b75, EndCause::Age75));
    }
    if let Some(c) = s.card_data_change_date {
        if kind.is_some_and(InsurerKind::is_regional) {
            if let Some(d) = dates::day_before(c) {
                candidates.push((d, EndCause::DataChange));
            }
        } else {
            warnings.push(Warning::new(
                WarningCode::DataChangeOnlyRegionalCards,
                Some("cardDataChangeDate"),
            ));
            data_change_insurer_dependent = Some(c);
        }
    }
    if let Some(e) = printed {
        candidates.push((e, EndCause::PrintedExpiry));
    }
    if let Some(d) = kokuho70_end(s) {
        candidates.push((d, EndCause::Kokuho70));
    }
    candidates.push((p::OLD_CARD_CAP, EndCause::Cap));
    // Earliest wins. CONTRACT.md: when several ends fall on the same day, an end by date
    // (printed expiry, 70th-birthday month, the cap) is the cause; among the others the order
    // above decides.
    let until = candidates
        .iter()
        .map(|c| c.0)
        .min()
        .unwrap_or(p::OLD_CARD_CAP);
    let on_that_day = || candidates.iter().filter(|c| c.0 == until);
    let cause = on_that_day()
        .find(|c| c.1.is_by_date())
        .or_else(|| on_that_day().next())
        .map_or(EndCause::Cap, |c| c.1);

    reasons.push(cause_reason(s, printed, cause, until));
    // The other ends on the same day are named too (the card would end then anyway).
    let others: Vec<EndCause> = on_that_day()
        .map(|c| c.1)
        .filter(|c| *c != cause && !(c.is_by_date() && cause.is_by_date()))
        .collect();
    for other in others {
        reasons.push(cause_reason(s, printed, other, until));
    }
    if reasons.first().is_some_and(|r| r.rule.id != p::R_OLD_1.id) {
        // The general rule behind every specific one: the earliest date wins.
        reasons.push(Reason::new(
            &p::R_OLD_1,
            "oldCard.earliestOfRule",
            Args::date("cap", p::OLD_CARD_CAP),
        ));
    }
    let valid = s.as_of <= until;
    if kind == Some(InsurerKind::Kokuho) && in_kourei_years(s) {
        // R-OLD-7: a 国保 card of a 70–74-year-old is 被保険者証兼高齢受給者証.
        reasons.push(Reason::for_kind(
            &p::R_OLD_7,
            kind,
            "oldCard.kokuhoCombinedKourei",
            Args::none(),
        ));
    }

    // R-PROV-1 / R-PROV-2: expired by date, still qualified, in the card insurer's window.
    let still_qualified = !s.qualification_lost_date.is_some_and(|q| q <= s.as_of)
        && !age75_end(s).is_some_and(|d| d < s.as_of);
    let (w_start, w_end) = provisional::window(kind);
    let mut provisional_ok = false;
    let mut certainty = Certainty::Verified;
    if !valid && cause.is_by_date() {
        if !still_qualified {
            if let Some(q) = s.qualification_lost_date.filter(|q| *q <= s.as_of) {
                let key = "oldCard.leftInsurerOn";
                reasons.push(Reason::new(leaving_rule(s, q), key, Args::date("date", q)));
            }
            reasons.push(Reason::new(
                &p::R_PROV_1,
                "oldCard.provisionalNotAfterLeaving",
                Args::none(),
            ));
            if s.as_of >= w_start && s.as_of <= w_end {
                // RULES.md R-PROV-1: that the online check then fails is an unverified inference.
                certainty = Certainty::Unverified;
            }
        } else if s.as_of < w_start {
            // Expired before the window opened for this insurer.
            reasons.push(Reason::for_kind(
                &p::R_PROV_1,
                kind,
                "oldCard.provisionalNotYet",
                Args::date("date", w_start),
            ));
        } else if s.as_of <= w_end {
            provisional_ok = true;
            reasons.push(Reason::for_kind(
                &p::R_PROV_1,
                kind,
                "oldCard.provisional",
                Args::date("from", w_start).with("until", crate::assessment::ArgValue::Date(w_end)),
            ));
        } else {
            reasons.push(Reason::new(
                &p::R_PROV_2,
                "oldCard.provisionalEnded",
                Args::date("date", w_end),
            ));
        }
    }
    if let (None, Some((d, cite))) = (s.old_card_printed_expiry, pack_expiry) {
        let rule = if kind == Some(InsurerKind::KokiKoreisha) {
            &p::R_OLD_6
        } else {
            &p::R_OLD_5
        };
        reasons.push(
            Reason::new(rule, "oldCard.packPrintedExpiry", Args::date("date", d)).with_pack(cite),
        );
    }
    if kind == Some(InsurerKind::Kokuho) && printed.is_none() && valid {
        // RULES.md D8: 国保 expiry dates differ by municipality; ask for the printed date.
        certainty = Certainty::InsurerDependent;
        reasons.push(Reason::new(
            &p::R_OLD_5,
            "oldCard.kokuhoAskPrintedExpiry",
            Args::none(),
        ));
    }
    if data_change_insurer_dependent.is_some_and(|c| c <= until) {
        // R-OLD-2 (公立学校共済 ends the card on 記載事項の変更, others say nothing): the summary
        // ignores the change and the verdict says it depends on the insurer (CONTRACT.md).
        certainty = certainty.max(Certainty::InsurerDependent);
        reasons.push(Reason::new(
            &p::R_OLD_2,
            "oldCard.dataChangeInsurerDependent",
            Args::none(),
        ));
    }
    if s.as_of < p::ABOLITION && valid {
        reasons.push(Reason::new(
            &p::R_OLD_1,
            "oldCard.beforeAbolition",
            Args::date("date", p::ABOLITION),
        ));
    }

    events.push(Event {
        date: until,
        document: DocumentKind::OldCard,
        message_key: "event.oldCardLastDay",
        rule: reasons.first().map_or(&p::R_OLD_1, |r| r.rule),
        past: until < s.as_of,
    });
    let grace = if cause.is_by_date() && still_qualified && until < w_end && w_start <= w_end {
        events.push(Event {
            date: w_end,
            document: DocumentKind::OldCard,
            message_key: "event.provisionalEnds",
            rule: &p::R_PROV_1,
            past: w_end < s.as_of,
        });
        Some(w_end)
    } else {
        None
    };

    let status = if valid {
        Status::Valid
    } else if provisional_ok {
        Status::Provisional
    } else {
        Status::Invalid
    };
    // Still valid: its last day is the action (the rule of the binding end).
    let mut actions = Vec::new();
    if valid && full {
        actions.push(super::action(
            "action.oldCardLastDay",
            Some(until),
            None,
            reasons.first().map_or(&p::R_OLD_1, |r| r.rule),
            Certainty::Verified,
        ));
    }
    Some(OldCard {
        valid,
        until: Some(until),
        provisional: provisional_ok,
        cause: Some(cause),
        verdict: Verdict::new(
            DocumentKind::OldCard,
            status,
            Some(until),
            grace,
            certainty,
            reasons,
        ),
        actions,
    })
}

/// R-OLD-8 (https://faq.city.kobe.lg.jp/print/faq/1707): a non-後期 card ends the day before
/// the 75th birthday. A 後期 member whose 75th birthday came on or after 2024-12-02 cannot
/// hold a 後期 traditional card (none issued from then, R-OLD-1), so the card held is the
/// previous insurer's and ends the same way.
pub fn age75_end(s: &Situation) -> Option<NaiveDate> {
    let birthday = dates::nth_birthday(s.birth_date?, p::KOKI_AGE)?;
    let applies = match s.insurer_kind {
        Some(InsurerKind::KokiKoreisha) => birthday >= p::ABOLITION,
        _ => true,
    };
    if applies {
        dates::day_before(birthday)
    } else {
        None
    }
}

/// R-OLD-5 (https://www.city.sodegaura.lg.jp/soshiki/hoken/sikakukakuninnsyokoushin.html):
/// a 国保 card reaching 70 ends on the last day of the birth month (born on the 1st: the
/// previous month). Applied only when no expiry is printed (CONTRACT.md).
pub fn kokuho70_end(s: &Situation) -> Option<NaiveDate> {
    if s.insurer_kind != Some(InsurerKind::Kokuho) || s.old_card_printed_expiry.is_some() {
        return None;
    }
    dates::birth_month_end_rule(dates::nth_birthday(s.birth_date?, p::KOUREI_AGE)?)
}

fn cause_reason(
    s: &Situation,
    printed: Option<NaiveDate>,
    cause: EndCause,
    until: NaiveDate,
) -> Reason {
    let a = Args::date("date", until);
    match cause {
        EndCause::QualificationLost => {
            let rule = s
                .qualification_lost_date
                .map_or(&p::R_OLD_4, |q| leaving_rule(s, q));
            Reason::new(rule, "oldCard.untilQualificationLost", a)
        }
        EndCause::Age75 => Reason::new(&p::R_OLD_8, "oldCard.untilAge75", a),
        EndCause::DataChange => Reason::new(&p::R_OLD_1, "oldCard.untilDataChange", a),
        EndCause::Kokuho70 => Reason::new(&p::R_OLD_5, "oldCard.untilAge70Month", a),
        EndCause::PrintedExpiry => match s.insurer_kind {
            Some(InsurerKind::Kokuho | InsurerKind::KokuhoKumiai) => {
                Reason::new(&p::R_OLD_5, "oldCard.untilPrintedExpiry", a)
            }
            Some(InsurerKind::KokiKoreisha) => {
                Reason::new(&p::R_OLD_6, "oldCard.untilPrintedExpiry", a)
            }
            _ => Reason::new(&p::R_OLD_1, "oldCard.untilPrintedExpiry", a),
        },
        EndCause::Cap => {
            if printed.is_some_and(|e| e > p::OLD_CARD_CAP) {
                Reason::new(&p::R_OLD_3, "oldCard.untilCapPrintedLater", a)
            } else if printed.is_none() && !s.insurer_kind.is_some_and(InsurerKind::is_regional) {
                Reason::new(&p::R_OLD_2, "oldCard.untilCapNoExpiry", a)
            } else {
                Reason::new(&p::R_OLD_1, "oldCard.untilCap", a)
            }
        }
    }
}

/// R-OLD-8 when the 資格喪失日 is the 75th birthday (https://faq.city.kobe.lg.jp/print/faq/1707),
/// otherwise R-OLD-4 (leaving the insurer).
fn leaving_rule(s: &Situation, lost: NaiveDate) -> &'static crate::citation::RuleInfo {
    let at_75 = s
        .birth_date
        .and_then(|b| dates::nth_birthday(b, p::KOKI_AGE))
        == Some(lost);
    if at_75 {
        &p::R_OLD_8
    } else {
        &p::R_OLD_4
    }
}

/// R-OLD-7 (https://www.city.sanyo-onoda.lg.jp/soshiki/21/koureijyukyuusyasyo.html): aged 70 to
/// 74 on `asOf` (from the 70th birthday to the day before the 75th).
pub fn in_kourei_years(s: &Situation) -> bool {
    let Some(b) = s.birth_date else { return false };
    let from = dates::nth_birthday(b, p::KOUREI_AGE);
    let to = dates::nth_birthday(b, p::KOKI_AGE);
    matches!((from, to), (Some(f), Some(t)) if f <= s.as_of && s.as_of < t)
}
