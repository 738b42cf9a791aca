//! Rule ids, their certainty and their public sources.
//!
//! The data itself is in `src/params.toml`; this module only defines the shapes.

use serde::Serialize;

/// How firmly a verdict rests on public sources (RULES.md "Confidence levels", §11–12).
///
/// Ordered from strongest to weakest, so `max()` of several certainties is the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Certainty {
    /// Stated by an official body; several sources agree.
    Verified,
    /// The rule is certain, but the date or the practice is set by each insurer.
    InsurerDependent,
    /// Official sources say different things; the product uses the reading RULES.md chose.
    SourcesDisagree,
    /// Plausible, but from a single or non-official source only.
    Unverified,
}

/// A public source: a title and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Short title, usually in Japanese as the page names itself.
    pub title: &'static str,
    /// The page's address.
    pub url: &'static str,
    /// Insurer kinds (contract tokens, comma-separated) this source speaks for; empty = any.
    /// A reason about a person of one kind cites the source for that kind (R-KAKU-3, R-OLD-7).
    /// Not serialized: a cited source stays `{title, url}`.
    #[serde(skip)]
    pub kinds: &'static str,
}

/// One rule of RULES.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// The stable id, e.g. `R-OLD-1`.
    pub id: &'static str,
    /// Certainty RULES.md gives the rule as a whole.
    pub certainty: Certainty,
    /// Title in Japanese.
    pub title_ja: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// Public sources; the first is the one cited in reasons.
    pub sources: &'static [Source],
}

impl RuleInfo {
    /// The primary source (the first listed).
    pub fn primary_source(&self) -> Option<&'static Source> {
        self.sources.first()
    }

    /// The source to cite for a person of insurer kind `kind` (its contract token): the first
    /// source naming that kind, else the first source naming no kind, else the primary one.
    pub fn source_for(&self, kind: Option<&str>) -> Option<&'static Source> {
        let named = kind.and_then(|k| {
            self.sources
                .iter()
                .find(|s| s.kinds.split(',').any(|x| x == k))
        });
        named
            .or_else(|| self.sources.iter().find(|s| s.kinds.is_empty()))
            .or_else(|| self.primary_source())
    }
}
