//! The Assessment (output) of the contract: the flat summary, per-document verdicts with
//! reasons, a timeline, next actions, assistance options and warnings.
//!
//! The engine never formats prose: every reason, event and action carries a `messageKey` and
//! its parameters; catalogs in `locales/` turn them into Japanese, English or やさしい日本語.

use crate::citation::{Certainty, RuleInfo, Source};
use crate::dates::NaiveDate;
use crate::situation::Document;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

/// Date (de)serialisation as `YYYY-MM-DD` strings, the one place output dates are written.
pub mod serde_date {
    use crate::dates::NaiveDate;
    use serde::Serializer;

    /// Serialises a date as `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Only the serializer's own.
    pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        // Through dates::format_iso, not chrono's strftime machinery (~18 KB of wasm).
        s.serialize_str(&crate::dates::format_iso(*d))
    }

    /// Serialises an optional date as `YYYY-MM-DD` or null.
    ///
    /// # Errors
    /// Only the serializer's own.
    pub fn opt<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => date(d, s),
            None => s.serialize_none(),
        }
    }
}

/// What the window may charge (CONTRACT.md `copay`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Copay {
    /// The normal share (3割 etc.).
    Normal,
    /// Normal only if the clinic confirms the qualification online (R-PROV-1: a permission to
    /// clinics, not a right).
    NormalIfOnlineConfirmed,
    /// The clinic may ask for the full cost (10割), refundable later as 療養費.
    FullCostPossible,
}

/// How this person gets (or got) a 資格確認書 (CONTRACT.md decision list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum KakuninshoRoute {
    /// `asOf` is before 2024-12-02.
    NotYet,
    /// Sent without application.
    Automatic,
    /// Only on application.
    Application,
    /// Not needed: a usable マイナ保険証 and no ground to apply.
    NotNeeded,
}

/// The flat, required summary (the batch CSV columns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Old card valid on `asOf` (`None` = no old card held).
    pub old_card_valid: Option<bool>,
    /// Last valid day of the old card.
    #[serde(serialize_with = "serde_date::opt")]
    pub old_card_valid_until: Option<NaiveDate>,
    /// R-PROV-1 provisional acceptance applies to the old card held.
    pub old_card_provisional_acceptance: Option<bool>,
    /// Usable as マイナ保険証 on `asOf`.
    pub mynahokensho_usable: bool,
    /// Last usable day as マイナ保険証 (grace end).
    #[serde(serialize_with = "serde_date::opt")]
    pub mynahokensho_usable_until: Option<NaiveDate>,
    /// Holds a 資格確認書 valid on `asOf`.
    pub kakuninsho_valid: bool,
    /// How a 資格確認書 is obtained.
    pub kakuninsho_route: KakuninshoRoute,
    /// Acceptable documents on `asOf`, best first.
    pub documents_to_show: Vec<Document>,
    /// What the window may charge for the documents presented (or the best held).
    pub copay: Copay,
    /// Exactly `copay != normal`.
    pub full_cost_risk: bool,
}

/// A message parameter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgValue {
    /// A date, written `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A fixed token (document, insurer kind …).
    Token(&'static str),
    /// A whole number.
    Number(u32),
}

impl Serialize for ArgValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ArgValue::Date(d) => serde_date::date(d, s),
            ArgValue::Token(t) => s.serialize_str(t),
            ArgValue::Number(n) => s.serialize_u32(*n),
        }
    }
}

/// Parameters of a message (`{date}` …), serialised as a plain object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Args(pub Vec<(&'static str, ArgValue)>);

impl Args {
    /// No parameters.
    pub fn none() -> Self {
        Args(Vec::new())
    }
    /// One date parameter.
    pub fn date(key: &'static str, d: NaiveDate) -> Self {
        Args(vec![(key, ArgValue::Date(d))])
    }
    /// Adds a parameter.
    pub fn with(mut self, key: &'static str, v: ArgValue) -> Self {
        self.0.push((key, v));
        self
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Why: a rule, its source and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The rule.
    pub rule: &'static RuleInfo,
    /// Message id in the catalogs.
    pub message_key: &'static str,
    /// Message parameters.
    pub args: Args,
    /// The source cited, when not the rule's primary one (per insurer kind, or an insurer pack).
    pub source: Option<&'static Source>,
    /// The insurer pack that decided this reason, when one did (RULES.md §15).
    pub pack: Option<PackCitation>,
}

/// How a reason decided by an insurer pack cites it: the pack's name, version and hash, and the
/// insurer's own public page for the fact (RULES.md §15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackCitation {
    /// The pack's `who.name`.
    pub name: String,
    /// The pack's version.
    pub version: String,
    /// FNV-1a 64 hash of the pack's canonical form (`fnv1a64:…`).
    pub hash: String,
    /// The insurer's public page the fact comes from.
    pub source: String,
    /// The day the insurer's page was last checked.
    pub verified_on: String,
}

impl Reason {
    /// The same reason, decided by an insurer pack.
    pub fn with_pack(mut self, cite: PackCitation) -> Self {
        self.pack = Some(cite);
        self
    }

    /// A reason citing `rule` (its primary source).
    pub fn new(rule: &'static RuleInfo, message_key: &'static str, args: Args) -> Self {
        Reason {
            rule,
            message_key,
            args,
            source: None,
            pack: None,
        }
    }

    /// A reason citing `rule` with the source that speaks for the person's insurer kind.
    pub fn for_kind(
        rule: &'static RuleInfo,
        kind: Option<crate::situation::InsurerKind>,
        message_key: &'static str,
        args: Args,
    ) -> Self {
        let mut r = Reason::new(rule, message_key, args);
        r.source = rule.source_for(kind.map(|k| k.as_str()));
        r
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = if self.pack.is_some() { 5 } else { 4 };
        let mut st = s.serialize_struct("Reason", n)?;
        st.serialize_field("ruleId", self.rule.id)?;
        st.serialize_field("messageKey", self.message_key)?;
        st.serialize_field("params", &self.args)?;
        let src: Option<&Source> = self.source.or_else(|| self.rule.primary_source());
        st.serialize_field("source", &src)?;
        if let Some(p) = &self.pack {
            st.serialize_field("pack", p)?;
        }
        st.end()
    }
}

/// The document families a verdict speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    /// 従来の健康保険証
    OldCard,
    /// マイナ保険証
    Mynahokensho,
    /// 資格確認書
    ShikakuKakuninsho,
    /// 資格情報のお知らせ
    ShikakuJohoOshirase,
    /// What the window charges for what is presented.
    Window,
}

/// Status of a document on `asOf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Valid / usable.
    Valid,
    /// Usable only within the grace period after expiry (R-MYNA-3).
    Grace,
    /// Not valid on its own, but clinics may accept it with an online check (R-PROV-1).
    Provisional,
    /// Expired or invalid.
    Invalid,
    /// Not held, but coming (automatic route or applied for).
    OnTheWay,
    /// Not held.
    NotHeld,
    /// Usable only together with another document (お知らせ).
    OnlyTogether,
    /// The window charges the normal share.
    Normal,
    /// The window may charge the full cost, or normal only after an online check.
    AtRisk,
}

/// One document's verdict on `asOf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Which document.
    pub document: DocumentKind,
    /// Its status.
    pub status: Status,
    /// First valid day when known.
    #[serde(serialize_with = "serde_date::opt")]
    pub valid_from: Option<NaiveDate>,
    /// Last valid day (inclusive) when known.
    #[serde(serialize_with = "serde_date::opt")]
    pub valid_until: Option<NaiveDate>,
    /// Last day of a grace or provisional period after `validUntil`, when there is one.
    #[serde(serialize_with = "serde_date::opt")]
    pub grace_until: Option<NaiveDate>,
    /// How firmly this verdict rests on sources.
    pub certainty: Certainty,
    /// Why, in order of importance.
    pub reasons: Vec<Reason>,
}

impl Verdict {
    /// A verdict with no `validFrom` (set it afterwards where one is known).
    pub fn new(
        document: DocumentKind,
        status: Status,
        valid_until: Option<NaiveDate>,
        grace_until: Option<NaiveDate>,
        certainty: Certainty,
        reasons: Vec<Reason>,
    ) -> Self {
        Verdict {
            document,
            status,
            valid_from: None,
            valid_until,
            grace_until,
            certainty,
            reasons,
        }
    }
}

/// A dated event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// The day.
    #[serde(serialize_with = "serde_date::date")]
    pub date: NaiveDate,
    /// The document concerned.
    pub document: DocumentKind,
    /// What happens (catalog key).
    pub message_key: &'static str,
    /// The rule behind it.
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static RuleInfo,
    /// Whether the day is on or before `asOf`.
    pub past: bool,
}

/// Something the person should do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable action id (also the catalog key).
    pub message_key: &'static str,
    /// Do it by this day (inclusive), when there is a deadline.
    #[serde(serialize_with = "serde_date::opt")]
    pub deadline: Option<NaiveDate>,
    /// Do it from this day, when it cannot be done earlier.
    #[serde(serialize_with = "serde_date::opt")]
    pub from: Option<NaiveDate>,
    /// Message parameters.
    pub params: Args,
    /// The rule behind it.
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static RuleInfo,
    /// How firm the advice is.
    pub certainty: Certainty,
    /// The insurer pack that decided this action, when one did (RULES.md §15).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackCitation>,
    /// Whom to ask, from the insurer pack, in place of "ask your insurer" (RULES.md §15).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<InsurerContact>,
}

impl Action {
    /// The actions whose advice is to ask or apply to the insurer; with an insurer pack they
    /// carry its contact. Defined once, here.
    pub const ASKS_INSURER: &'static [&'static str] = &[
        "action.applyForKakuninsho",
        "action.applyGendogaku",
        "action.askGendoKubunPrinted",
        "action.cancelRegistrationInstead",
        "action.claimRyoyohi",
        "action.kakuninshoReissueFee",
        "action.kakuninshoReissueMayBeCharged",
        "action.kakuninshoRenewedAutomatically",
        "action.kokiMayApplyKakuninsho",
        "action.lookForKakuninshoSentToEveryone",
        "action.waitForKakuninsho",
    ];

    /// Whether this action's advice is to ask or apply to the insurer.
    pub fn asks_insurer(&self) -> bool {
        Self::ASKS_INSURER.contains(&self.message_key)
    }
}

/// The insurer's contact, from its pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurerContact {
    /// The insurer's name.
    pub name: String,
    /// Phone number as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Opening hours as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// Counter address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counter: Option<String>,
    /// The pack and the page the contact comes from.
    pub pack: PackCitation,
}

/// An assistance option at the card reader (R-MYNA-6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assistance {
    /// Catalog key.
    pub message_key: &'static str,
    /// Verified or not (RULES.md §12 item 3).
    pub certainty: Certainty,
    /// The rule behind it.
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static RuleInfo,
}

string_enum! {
    /// Stable warning codes (the catalog key is `warning.<code>`).
    WarningCode {
        /// Catalog key `warning.insurerKindNotGiven`.
        InsurerKindNotGiven = "insurerKindNotGiven",
        /// Catalog key `warning.birthDateAfterAsOf`.
        BirthDateAfterAsOf = "birthDateAfterAsOf",
        /// Catalog key `warning.notApplicableNotKoki`.
        NotApplicableNotKoki = "notApplicableNotKoki",
        /// Catalog key `warning.notApplicableNoSmartphone`.
        NotApplicableNoSmartphone = "notApplicableNoSmartphone",
        /// Catalog key `warning.presentedButNotHeld`.
        PresentedButNotHeld = "presentedButNotHeld",
        /// Catalog key `warning.notApplicableNoOldCard`.
        NotApplicableNoOldCard = "notApplicableNoOldCard",
        /// Catalog key `warning.oldCardCannotExist`.
        OldCardCannotExist = "oldCardCannotExist",
        /// Catalog key `warning.dataChangeOnlyRegionalCards`.
        DataChangeOnlyRegionalCards = "dataChangeOnlyRegionalCards",
        /// Catalog key `warning.notApplicableNoMyNumberCard`.
        NotApplicableNoMyNumberCard = "notApplicableNoMyNumberCard",
        /// Catalog key `warning.cancellationBeforeAccepted`.
        CancellationBeforeAccepted = "cancellationBeforeAccepted",
        /// Catalog key `warning.ecertAfterCardExpiry`.
        EcertAfterCardExpiry = "ecertAfterCardExpiry",
        /// Catalog key `warning.kakuninshoBeforeAbolition`.
        KakuninshoBeforeAbolition = "kakuninshoBeforeAbolition",
        /// Catalog key `warning.kakuninshoExpiryTooFar`.
        KakuninshoExpiryTooFar = "kakuninshoExpiryTooFar",
        /// Catalog key `warning.kakuninshoExpiryNotGiven`.
        KakuninshoExpiryNotGiven = "kakuninshoExpiryNotGiven",
        /// Catalog key `warning.notApplicableNoKakuninsho`.
        NotApplicableNoKakuninsho = "notApplicableNoKakuninsho",
    }
}

/// A fact that was ignored or looks inconsistent; the assessment still stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable code (also the catalog key under `warning.`).
    pub code: WarningCode,
    /// The field concerned.
    pub field: Option<&'static str>,
    /// Message parameters (a rule date the message names comes from the rule data).
    pub params: Args,
}

impl Warning {
    /// A warning about `field`.
    pub fn new(code: WarningCode, field: Option<&'static str>) -> Self {
        Warning {
            code,
            field,
            params: Args::none(),
        }
    }

    /// A warning whose message names a rule date.
    pub fn dated(code: WarningCode, field: Option<&'static str>, date: NaiveDate) -> Self {
        Warning {
            code,
            field,
            params: Args::date("date", date),
        }
    }
}

/// The whole answer for one Situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// The day evaluated.
    #[serde(serialize_with = "serde_date::date")]
    pub as_of: NaiveDate,
    /// Rule data version.
    pub rules_version: &'static str,
    /// Hash of the rule data.
    pub data_hash: &'static str,
    /// Day the rule facts were collected.
    #[serde(serialize_with = "serde_date::date")]
    pub rules_as_of: NaiveDate,
    /// The required flat summary.
    pub summary: Summary,
    /// The weakest certainty among the verdicts.
    pub certainty: Certainty,
    /// Per-document verdicts.
    pub verdicts: Vec<Verdict>,
    /// Dated events, in date order.
    pub timeline: Vec<Event>,
    /// What to do next, most urgent first.
    pub next_actions: Vec<Action>,
    /// Help available at the reader.
    pub assistance: Vec<Assistance>,
    /// Ignored or inconsistent facts.
    pub warnings: Vec<Warning>,
}

/// What a summary row (the CLI's CSV, `assessSummary`, a packed batch) needs of an
/// assessment: its summary, weakest certainty and warnings — made without next actions,
/// assistance or a sorted timeline, and equal to the full [`Assessment`]'s three (tested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// The summary.
    pub summary: Summary,
    /// The weakest certainty of all verdicts.
    pub certainty: Certainty,
    /// Inconsistent or inapplicable facts.
    pub warnings: Vec<Warning>,
}

impl Assessment {
    /// Every rule id cited anywhere in the assessment (reasons, timeline, actions, assistance).
    pub fn cited_rule_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        let mut add = |id: &'static str| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for v in &self.verdicts {
            for r in &v.reasons {
                add(r.rule.id);
            }
        }
        for e in &self.timeline {
            add(e.rule.id);
        }
        for a in &self.next_actions {
            add(a.rule.id);
        }
        for a in &self.assistance {
            add(a.rule.id);
        }
        ids
    }
}

fn rule_id<S: Serializer>(r: &&'static RuleInfo, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.id)
}
