//! 暫定的な取扱い of expired cards and お知らせ alone (R-PROV-1, R-PROV-2).

use crate::dates::NaiveDate;
use crate::params as p;
use crate::situation::InsurerKind;

/// R-PROV-1 (https://hodanren.doc-net.or.jp/info/news/2025-11-12-4, 2025-06-27 and
/// 2025-11-12 事務連絡): the window in which a clinic may accept an expired traditional card
/// or the お知らせ alone with an online check. 国保, 国保組合 and 後期 from 2025-08-01, all
/// other insurers from 2025-11-12; every window ends 2026-03-31 (inclusive). An unknown
/// insurer gets the later start (the narrower, safer window).
pub fn window(kind: Option<InsurerKind>) -> (NaiveDate, NaiveDate) {
    let start = if kind.is_some_and(InsurerKind::is_regional) {
        p::PROVISIONAL_START_KOKUHO
    } else {
        p::PROVISIONAL_START_ALL
    };
    (start, p::PROVISIONAL_END)
}

/// R-PROV-1 / R-PROV-2 (https://news.livedoor.com/article/detail/30634237/): whether `d`
/// lies in the window for `kind`. From 2026-04-01 no expired card or お知らせ alone is
/// accepted (no extension found).
pub fn in_window(kind: Option<InsurerKind>, d: NaiveDate) -> bool {
    let (a, b) = window(kind);
    a <= d && d <= b
}
