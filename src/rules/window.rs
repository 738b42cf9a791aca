//! At the clinic window: what to show, what may be charged, reader failure, school trips,
//! high cost, tax (R-FAIL-1 … 3, R-OSHI-1 … 2, R-HIGH-1, R-TAX-1, R-OLD-7, R-MYNA-6).

use super::action;
use super::kakuninsho::Kakuninsho;
use super::mynahokensho::Myna;
use super::old_card::OldCard;
use super::provisional;
use crate::assessment::{
    Action, ArgValue, Args, Assistance, Copay, DocumentKind, PackCitation, Reason, Status, Verdict,
};
use crate::citation::Certainty;
use crate::dates::{self, NaiveDate};
use crate::pack::Pack;
use crate::params as p;
use crate::situation::{Circumstance, Document, InsurerKind, Situation, Smartphone};

/// Everything the window part needs from the document verdicts.
pub struct Held<'a> {
    /// The situation.
    pub s: &'a Situation,
    /// The insurer pack, when one is used (R-OLD-7 fact only).
    pub pack: Option<&'a Pack>,
    /// Old card, when held.
    pub old: Option<&'a OldCard>,
    /// マイナ保険証.
    pub myna: &'a Myna,
    /// 資格確認書.
    pub kaku: &'a Kakuninsho,
    /// Whether next actions and assistance are wanted (false: a summary-only evaluation).
    pub full: bool,
}

/// The window part's finished answer.
pub struct Window {
    /// CONTRACT.md `documentsToShow`.
    pub documents: Vec<Document>,
    /// CONTRACT.md `copay`.
    pub copay: Copay,
    /// The window verdict (what is charged and why).
    pub verdict: Verdict,
    /// The お知らせ verdict, when it is held.
    pub oshirase: Option<Verdict>,
    /// The window's next actions (what the copay, the situation and R-OLD-7 call for).
    pub actions: Vec<Action>,
    /// Help at the reader (R-MYNA-6).
    pub assistance: Vec<Assistance>,
}

/// The window part (R-FAIL-1 … 3, R-PROV-1/2, R-OSHI-1/2, R-HIGH-1, R-TAX-1, R-OLD-7, R-MYNA-6):
/// reads only the finished evaluations of the document families.
pub fn evaluate(h: &Held) -> Window {
    let documents = documents_to_show(h);
    let (copay, verdict) = copay(h);
    let (actions, assistance) = if h.full {
        (actions(h, copay, &documents), assistance(h.s, h.myna))
    } else {
        (Vec::new(), Vec::new())
    };
    Window {
        actions,
        oshirase: oshirase_verdict(h),
        assistance,
        documents,
        copay,
        verdict,
    }
}

/// The window's next actions, most urgent first in the assessment: R-PROV-2 (claim 療養費 after
/// paying 10割), R-PROV-1 (bring a valid document next time), the situation's own (R-FAIL-1/2,
/// R-OSHI-2, R-HIGH-1, R-TAX-1) and the 高齢受給者証 to bring with the paper document (R-OLD-7).
fn actions(h: &Held, copay: Copay, documents: &[Document]) -> Vec<Action> {
    let s = h.s;
    let v = Certainty::Verified;
    let mut out = Vec::with_capacity(3);
    match copay {
        Copay::FullCostPossible if s.situation != Circumstance::TaxDeduction => {
            let mut a = action("action.claimRyoyohi", None, None, &p::R_PROV_2, v);
            a.params = Args::none().with("years", ArgValue::Number(p::RYOYOHI_CLAIM_YEARS));
            out.push(a);
        }
        Copay::NormalIfOnlineConfirmed => {
            out.push(action(
                "action.bringValidDocumentNextTime",
                Some(provisional_end(s)),
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
            if !h.myna.usable && gendo_kubun_printable(s.insurer_kind) {
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
            let key = if s.has_my_number_card {
                "action.useMynaportalForTax"
            } else {
                "action.keepReceiptsForTax"
            };
            out.push(action(key, None, None, &p::R_TAX_1, v));
        }
        _ => {}
    }
    if documents.contains(&Document::KoureijukyushaSho) {
        let mut a = action("action.bringKoureijukyushaSho", None, None, &p::R_OLD_7, v);
        a.pack = koureijukyusha_separate(h).1;
        out.push(a);
    }
    out
}

impl Held<'_> {
    fn old_valid(&self) -> bool {
        self.old.is_some_and(|o| o.valid) && self.s.situation != Circumstance::LostOldCard
    }
    fn reader_unavailable(&self) -> bool {
        matches!(
            self.s.situation,
            Circumstance::ReaderFailure | Circumstance::NoReader
        )
    }
}

/// CONTRACT.md `documentsToShow`, its four parts, listed best first in this order:
///
/// 1. the situation's procedural documents for school trips / nursery (R-OSHI-2: PDF, お知らせ
///    copy, 資格確認書 copy);
/// 2. held and valid: the 資格確認書 (R-KAKU-3), then the マイナ保険証 entries (smartphone where
///    R-MYNA-5 allows it, card, card + お知らせ — or what replaces them: R-FAIL-1 reader failure /
///    no reader, R-FAIL-2 new qualification, R-TAX-1 医療費通知), then a valid old card (R-OLD-1);
///    a person may hold several at once (R-KAKU-5);
/// 3. on its way: the 資格確認書 (automatic route or applied for), only once no valid old card
///    is held (R-KAKU-4, every route);
/// 4. goes with it: the 高齢受給者証 for 70–74 in 被用者保険 / 国保組合 (R-OLD-7);
/// 5. the remaining procedural ones: 申立書 (R-FAIL-1/2), 限度額 documents (R-HIGH-1).
///
/// Documents acceptable only under R-PROV-1 are never listed.
fn documents_to_show(h: &Held) -> Vec<Document> {
    let s = h.s;
    let mut out: Vec<Document> = Vec::with_capacity(6);
    let trip = matches!(
        s.situation,
        Circumstance::SchoolTrip | Circumstance::Nursery
    );
    if trip {
        if h.myna.usable {
            out.push(Document::MynaportalPdfOrPrintout);
            if s.shikaku_joho_oshirase_held {
                out.push(Document::OshiraseCopy);
            }
        }
        if h.kaku.valid {
            out.push(Document::KakuninshoCopy);
        }
    }
    if h.kaku.valid {
        out.push(Document::ShikakuKakuninsho);
    }
    let mut moushitatesho = false;
    if s.situation == Circumstance::TaxDeduction {
        // R-TAX-1: the deduction uses the 医療費通知情報 of マイナポータル; it replaces the
        // マイナ保険証 entries whenever a My Number card is held.
        if s.has_my_number_card {
            out.push(Document::MynaportalIryouhiTsuchi);
        }
    } else if h.myna.usable {
        if h.reader_unavailable() {
            // R-FAIL-1: the card alone cannot be read.
            if s.shikaku_joho_oshirase_held {
                out.push(Document::MynacardPlusOshirase);
            }
            if s.presents(Document::MynacardPlusMynaportalScreen) {
                out.push(Document::MynacardPlusMynaportalScreen);
            }
            moushitatesho = out.is_empty() && !h.old_valid();
        } else {
            if h.myna.smartphone_ok && s.facility_supports_smartphone == Some(true) {
                out.push(Document::MynahokenshoSmartphone);
            }
            out.push(Document::MynahokenshoCard);
            if s.shikaku_joho_oshirase_held && !trip {
                out.push(Document::MynacardPlusOshirase);
            }
            // R-FAIL-2: right after joining, the お知らせ with the card, else the 申立書.
            moushitatesho =
                s.situation == Circumstance::NewQualification && !s.shikaku_joho_oshirase_held;
        }
    }
    if h.old_valid() {
        out.push(Document::OldCard);
    }
    if h.kaku.on_its_way && !out.contains(&Document::ShikakuKakuninsho) {
        out.push(Document::ShikakuKakuninsho);
    }
    let with_paper = out.contains(&Document::ShikakuKakuninsho) || out.contains(&Document::OldCard);
    if with_paper && koureijukyusha_separate(h).0 {
        out.push(Document::KoureijukyushaSho);
    }
    if moushitatesho {
        out.push(Document::Moushitatesho);
    }
    if s.situation == Circumstance::HighCost && !h.myna.usable {
        // R-HIGH-1, in the order of the rule's sentence: 限度額適用認定証, or (国保/後期) the
        // 限度区分 printed on the 資格確認書 (on application).
        out.push(Document::GendogakuNinteisho);
        if gendo_kubun_printable(s.insurer_kind) {
            out.push(Document::KakuninshoWithGendoKubun);
        }
    }
    out
}

/// R-OLD-7: whether this person must show a separate 高齢受給者証 — by insurer kind
/// ([`needs_koureijukyusha`]), or as the insurer's pack says (with its citation).
fn koureijukyusha_separate(h: &Held) -> (bool, Option<PackCitation>) {
    let in_years = needs_koureijukyusha_by_age(h.s);
    match h.pack.and_then(|pk| {
        pk.koureijukyusha_separate
            .as_ref()
            .map(|(sep, from)| (*sep, pk.cite(from)))
    }) {
        Some((sep, cite)) if in_years => (sep, Some(cite)),
        _ => (needs_koureijukyusha(h.s), None),
    }
}

/// R-OLD-7 (https://hodanren.doc-net.or.jp/info/news/2024-07-24): 70–74 in 被用者保険 and 国保組合
/// show a separate 高齢受給者証 with the 資格確認書 (or old card); it applies from the month
/// after the 70th-birthday month (from the birthday month if born on the 1st) until the day
/// before the 75th birthday.
pub fn needs_koureijukyusha(s: &Situation) -> bool {
    s.insurer_kind
        .is_some_and(InsurerKind::issues_separate_koureijukyusha)
        && needs_koureijukyusha_by_age(s)
}

/// R-OLD-7 (https://www.city.sanyo-onoda.lg.jp/soshiki/21/koureijyukyuusyasyo.html): from the
/// month after the 70th-birthday month (born on the 1st: from the birthday month) to the day
/// before the 75th birthday.
fn needs_koureijukyusha_by_age(s: &Situation) -> bool {
    let Some(b) = s.birth_date else {
        return false;
    };
    let from = dates::nth_birthday(b, p::KOUREI_AGE)
        .and_then(dates::birth_month_end_rule)
        .and_then(dates::day_after);
    let to = dates::nth_birthday(b, p::KOKI_AGE).and_then(dates::day_before);
    matches!((from, to), (Some(f), Some(t)) if f <= s.as_of && s.as_of <= t)
}

/// Whether the person holds `doc`, as answered (the 資格確認書 copy needs the 資格確認書, the
/// card + お知らせ both …). Documents made on the spot (申立書, printouts) count as held. The
/// basis of "the best document held" (CONTRACT.md `copay`) and of the warning for a document
/// presented but not held.
pub fn holds(s: &Situation, doc: Document) -> bool {
    match doc {
        Document::OldCard => s.old_card_held,
        Document::ShikakuKakuninsho
        | Document::KakuninshoWithGendoKubun
        | Document::KakuninshoCopy => s.shikaku_kakuninsho_held,
        Document::MynahokenshoCard | Document::MynacardPlusMynaportalScreen => s.has_my_number_card,
        Document::MynacardPlusOshirase => s.has_my_number_card && s.shikaku_joho_oshirase_held,
        Document::MynahokenshoSmartphone => s.smartphone != Smartphone::None,
        Document::OshiraseAlone | Document::OshiraseCopy => s.shikaku_joho_oshirase_held,
        _ => true,
    }
}

/// What the window may charge for one document, or `None` for documents that prove nothing
/// on their own (高齢受給者証, 限度額適用認定証, 医療費通知).
///
/// R-FAIL-1 (https://sato-group-sr.jp/portal/archives/154): with a usable マイナ保険証 a reader
/// failure never means 10割 (お知らせ, マイナポータル, 申立書). R-FAIL-3: an expired document is not a
/// reader failure. R-PROV-1/2: an expired old card or the お知らせ alone → normal only after
/// an online check, inside the window. R-OSHI-2: trip documents of a registered child.
pub fn copay_for(doc: Document, h: &Held) -> Option<Copay> {
    use Copay::*;
    let s = h.s;
    let ok = |b: bool| if b { Normal } else { FullCostPossible };
    let oshirase_window = |s: &Situation| {
        if s.as_of >= p::ABOLITION && provisional::in_window(s.insurer_kind, s.as_of) {
            NormalIfOnlineConfirmed
        } else {
            FullCostPossible
        }
    };
    let trip = matches!(
        s.situation,
        Circumstance::SchoolTrip | Circumstance::Nursery
    );
    Some(match doc {
        Document::OldCard => match h.old {
            Some(o) if o.valid => Normal,
            Some(o) if o.provisional => NormalIfOnlineConfirmed,
            _ => FullCostPossible,
        },
        Document::ShikakuKakuninsho | Document::KakuninshoWithGendoKubun => ok(h.kaku.valid),
        Document::MynahokenshoCard => ok(h.myna.usable),
        Document::MynahokenshoSmartphone => ok(h.myna.usable && h.myna.smartphone_ok),
        Document::MynacardPlusOshirase | Document::MynacardPlusMynaportalScreen => {
            if h.myna.usable {
                Normal
            } else if doc == Document::MynacardPlusOshirase {
                oshirase_window(s)
            } else {
                FullCostPossible
            }
        }
        Document::Moushitatesho => ok(h.myna.usable
            && matches!(
                s.situation,
                Circumstance::ReaderFailure
                    | Circumstance::NoReader
                    | Circumstance::NewQualification
            )),
        Document::OshiraseAlone => oshirase_window(s),
        Document::MynaportalPdfOrPrintout | Document::OshiraseCopy => ok(trip && h.myna.usable),
        Document::KakuninshoCopy => ok(trip && h.kaku.valid),
        Document::MynacardPhotocopy => FullCostPossible,
        Document::KoureijukyushaSho
        | Document::GendogakuNinteisho
        | Document::MynaportalIryouhiTsuchi => return None,
    })
}

/// CONTRACT.md `copay`: for the documents presented (the best of them); only when none are
/// presented, for the best document held. `normal` where no window is involved (R-TAX-1).
fn copay(h: &Held) -> (Copay, Verdict) {
    let s = h.s;
    let mut reasons = Vec::new();
    if s.situation == Circumstance::TaxDeduction {
        reasons.push(Reason::new(&p::R_TAX_1, "window.taxNoWindow", Args::none()));
        return (
            Copay::Normal,
            window_verdict(Copay::Normal, Certainty::Verified, reasons),
        );
    }
    let held: Vec<Document>;
    let docs: &[Document] = if s.documents_presented.is_empty() {
        // The documents a person can bring: those held, less a card reported lost.
        held = [
            Document::OldCard,
            Document::ShikakuKakuninsho,
            Document::MynahokenshoCard,
            Document::MynacardPlusOshirase,
            Document::OshiraseAlone,
            Document::MynahokenshoSmartphone,
        ]
        .into_iter()
        .filter(|d| holds(s, *d))
        .filter(|d| match d {
            Document::OldCard => s.situation != Circumstance::LostOldCard,
            Document::MynahokenshoCard | Document::MynacardPlusOshirase => {
                s.situation != Circumstance::LostMyNumberCard
            }
            _ => true,
        })
        .collect();
        &held
    } else {
        &s.documents_presented
    };
    let best = docs
        .iter()
        .filter_map(|d| copay_for(*d, h))
        .min()
        .unwrap_or(Copay::FullCostPossible);
    let key = match best {
        Copay::Normal => "window.copayNormal",
        Copay::NormalIfOnlineConfirmed => "window.copayIfOnlineConfirmed",
        Copay::FullCostPossible => "window.copayFullCostPossible",
    };
    let rule = match best {
        Copay::Normal if h.reader_unavailable() => &p::R_FAIL_1,
        Copay::Normal if s.situation == Circumstance::NewQualification => &p::R_FAIL_2,
        Copay::Normal
            if matches!(
                s.situation,
                Circumstance::SchoolTrip | Circumstance::Nursery
            ) =>
        {
            &p::R_OSHI_2
        }
        // Otherwise the rule of the document that earns the normal share.
        Copay::Normal => match docs
            .iter()
            .find(|d| copay_for(**d, h) == Some(Copay::Normal))
        {
            Some(Document::OldCard) => &p::R_OLD_1,
            Some(Document::ShikakuKakuninsho | Document::KakuninshoWithGendoKubun) => &p::R_KAKU_3,
            Some(Document::MynahokenshoSmartphone) => &p::R_MYNA_5,
            Some(Document::MynacardPlusOshirase) => &p::R_OSHI_1,
            _ => &p::R_MYNA_1,
        },
        Copay::NormalIfOnlineConfirmed => &p::R_PROV_1,
        Copay::FullCostPossible => &p::R_FAIL_3,
    };
    reasons.push(Reason::for_kind(rule, s.insurer_kind, key, Args::none()));
    if best == Copay::FullCostPossible {
        reasons.push(Reason::new(
            &p::R_PROV_2,
            "window.ryoyohiRefund",
            Args::none().with(
                "years",
                crate::assessment::ArgValue::Number(p::RYOYOHI_CLAIM_YEARS),
            ),
        ));
    }
    if docs.contains(&Document::OshiraseAlone) || docs.contains(&Document::MynacardPlusOshirase) {
        reasons.push(Reason::new(
            &p::R_OSHI_1,
            "window.oshiraseNotAlone",
            Args::none(),
        ));
    }
    if docs.contains(&Document::MynacardPhotocopy) {
        reasons.push(Reason::new(
            &p::R_OSHI_2,
            "window.photocopyUseless",
            Args::none(),
        ));
    }
    if s.situation == Circumstance::HighCost {
        let key = if h.myna.usable {
            "window.highCostMyna"
        } else {
            "window.highCostGendogaku"
        };
        reasons.push(Reason::new(&p::R_HIGH_1, key, Args::none()));
    }
    if s.situation == Circumstance::NoReader {
        // RULES.md R-OSHI-1 names facilities without a reader; the 申立書 route there is
        // inferred from R-FAIL-1, not stated.
        reasons.push(Reason::new(
            &p::R_OSHI_1,
            "window.noReaderFacility",
            Args::none(),
        ));
    }
    // At a facility without a reader, the card + お知らせ (R-OSHI-1) or a paper document is
    // verified; a normal share resting only on the card (the 申立書 route) is inferred.
    let verified_doc = docs.iter().any(|d| {
        copay_for(*d, h) == Some(Copay::Normal)
            && !matches!(
                d,
                Document::MynahokenshoCard
                    | Document::MynahokenshoSmartphone
                    | Document::Moushitatesho
            )
    });
    let certainty =
        if s.situation == Circumstance::NoReader && best == Copay::Normal && !verified_doc {
            Certainty::Unverified
        } else {
            Certainty::Verified
        };
    (best, window_verdict(best, certainty, reasons))
}

fn window_verdict(c: Copay, certainty: Certainty, reasons: Vec<Reason>) -> Verdict {
    let status = if c == Copay::Normal {
        Status::Normal
    } else {
        Status::AtRisk
    };
    Verdict::new(DocumentKind::Window, status, None, None, certainty, reasons)
}

/// R-OSHI-1 (https://www.city.kashiba.lg.jp/soshiki/23/7123.html): the 資格情報のお知らせ is
/// never usable alone; with a usable マイナ保険証 it backs the card (reader failure, no reader,
/// new qualification). R-PROV-1: shown alone, a clinic may accept it with an online check inside
/// the insurer's window (until 2026-03-31). `None` when it is not held.
fn oshirase_verdict(h: &Held) -> Option<Verdict> {
    let s = h.s;
    if !s.shikaku_joho_oshirase_held {
        return None;
    }
    let mut reasons = vec![Reason::new(
        &p::R_OSHI_1,
        "oshirase.onlyTogether",
        Args::none(),
    )];
    let (start, end) = provisional::window(s.insurer_kind);
    let status = if h.myna.usable {
        Status::OnlyTogether
    } else if s.as_of >= p::ABOLITION && provisional::in_window(s.insurer_kind, s.as_of) {
        let args = Args::date("from", start).with("until", crate::assessment::ArgValue::Date(end));
        reasons.push(Reason::for_kind(
            &p::R_PROV_1,
            s.insurer_kind,
            "oshirase.aloneProvisional",
            args,
        ));
        Status::Provisional
    } else {
        reasons.push(Reason::new(
            &p::R_FAIL_3,
            "oshirase.aloneNotAccepted",
            Args::none(),
        ));
        Status::Invalid
    };
    Some(Verdict::new(
        DocumentKind::ShikakuJohoOshirase,
        status,
        None,
        None,
        Certainty::Verified,
        reasons,
    ))
}

/// R-MYNA-6 (https://kyotoihou.t-reader.jp/?p=16047): help at the reader — staff can switch
/// to 目視確認 (verified); a 顔認証マイナンバーカード needs no PIN (verified); staff placing the
/// card and a proxy entering the PIN are unverified (RULES.md §12 item 3). Listed when the
/// person has a usable マイナ保険証 and needs help, or asks about assistance.
fn assistance(s: &Situation, myna: &Myna) -> Vec<Assistance> {
    let asked = s.situation == Circumstance::AssistanceNeeded || s.difficulty_using_card;
    if !(asked && myna.usable) {
        return Vec::new();
    }
    let a = |key, certainty, rule| Assistance {
        message_key: key,
        certainty,
        rule,
    };
    vec![
        a("assist.visualCheck", Certainty::Verified, &p::R_MYNA_6),
        a("assist.faceAuthCard", Certainty::Verified, &p::R_MYNA_6),
        a(
            "assist.staffHelpPlacing",
            Certainty::Unverified,
            &p::R_MYNA_6,
        ),
        a("assist.proxyPin", Certainty::Unverified, &p::R_MYNA_6),
        a(
            "assist.kakuninshoOnApplication",
            Certainty::Verified,
            &p::R_KAKU_2,
        ),
    ]
}

/// Whether the person's insurer is 国保 or 後期 (their 資格確認書 can carry the 限度区分, R-HIGH-1).
pub fn gendo_kubun_printable(kind: Option<InsurerKind>) -> bool {
    matches!(kind, Some(InsurerKind::Kokuho | InsurerKind::KokiKoreisha))
}

/// The last day on which the R-PROV-1 window applies for the situation's insurer.
pub fn provisional_end(s: &Situation) -> NaiveDate {
    provisional::window(s.insurer_kind).1
}
