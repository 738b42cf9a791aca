//! Turns `src/params.toml` (the rule data) into Rust constants, validated at build time.
//! The generated file is included by `src/params.rs`; nothing else reads the TOML.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    rules_version: String,
    rules_as_of: String,
    dates: BTreeMap<String, DatedEntry<String>>,
    numbers: BTreeMap<String, DatedEntry<u32>>,
    rules: Vec<Rule>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedEntry<T> {
    value: T,
    rule: String,
    meaning: String,
    source: String,
    verified_on: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    certainty: String,
    title_ja: String,
    title_en: String,
    /// `[title, url]` or `[title, url, "kind,kind"]` (the insurer kinds it speaks for).
    sources: Vec<Vec<String>>,
}

fn ymd(s: &str, what: &str) -> (i32, u32, u32) {
    let b = s.as_bytes();
    let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let parse = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    match (ok, parse(0..4), parse(5..7), parse(8..10)) {
        (true, Some(y), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            (y as i32, m, d)
        }
        _ => panic!("params.toml: {what}: not a YYYY-MM-DD date: {s}"),
    }
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn ident(id: &str) -> String {
    id.replace('-', "_").to_uppercase()
}

fn main() {
    println!("cargo:rerun-if-changed=src/params.toml");
    let text = std::fs::read_to_string("src/params.toml").expect("read src/params.toml");
    let p: Params = toml::from_str(&text).expect("src/params.toml does not parse");
    let rule_ids: Vec<&str> = p.rules.iter().map(|r| r.id.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Version of the rule data (bumped on every change of params.toml)."
    );
    let _ = writeln!(
        out,
        "pub const RULES_VERSION: &str = {:?};",
        p.rules_version
    );
    let (y, m, d) = ymd(&p.rules_as_of, "rules_as_of");
    let _ = writeln!(out, "/// The day the rule facts were collected.");
    let _ = writeln!(
        out,
        "pub const RULES_AS_OF: NaiveDate = date({y}, {m}, {d});"
    );
    let _ = writeln!(out, "/// FNV-1a 64 hash of params.toml as compiled in.");
    let _ = writeln!(
        out,
        "pub const DATA_HASH: &str = \"fnv1a64:{:016x}\";",
        fnv1a64(text.as_bytes())
    );

    let mut table = String::new();
    for (name, e) in &p.dates {
        assert!(
            rule_ids.contains(&e.rule.as_str()),
            "params.toml: dates.{name}: unknown rule {}",
            e.rule
        );
        ymd(&e.verified_on, "verified_on");
        let (y, m, d) = ymd(&e.value, name);
        let _ = writeln!(out, "/// {} ({}; {})", e.meaning, e.rule, e.source);
        let _ = writeln!(
            out,
            "pub const {}: NaiveDate = date({y}, {m}, {d});",
            name.to_uppercase()
        );
        let _ = writeln!(
            table,
            "    Param {{ name: {:?}, value: ParamValue::Date({}), rule: {:?}, meaning: {:?}, source: {:?}, verified_on: {:?} }},",
            name, name.to_uppercase(), e.rule, e.meaning, e.source, e.verified_on
        );
    }
    for (name, e) in &p.numbers {
        assert!(
            rule_ids.contains(&e.rule.as_str()),
            "params.toml: numbers.{name}: unknown rule {}",
            e.rule
        );
        ymd(&e.verified_on, "verified_on");
        let _ = writeln!(out, "/// {} ({}; {})", e.meaning, e.rule, e.source);
        let _ = writeln!(out, "pub const {}: u32 = {};", name.to_uppercase(), e.value);
        let _ = writeln!(
            table,
            "    Param {{ name: {:?}, value: ParamValue::Number({}), rule: {:?}, meaning: {:?}, source: {:?}, verified_on: {:?} }},",
            name, e.value, e.rule, e.meaning, e.source, e.verified_on
        );
    }
    let _ = writeln!(
        out,
        "/// Every dated value and period, with its rule and source."
    );
    let _ = writeln!(out, "pub static PARAMS: &[Param] = &[\n{table}];");

    let mut list = String::new();
    for r in &p.rules {
        let cert = match r.certainty.as_str() {
            "verified" => "Verified",
            "insurerDependent" => "InsurerDependent",
            "sourcesDisagree" => "SourcesDisagree",
            "unverified" => "Unverified",
            other => panic!("params.toml: rule {}: unknown certainty {other}", r.id),
        };
        assert!(
            !r.sources.is_empty(),
            "params.toml: rule {} has no source",
            r.id
        );
        let sources: Vec<String> = r
            .sources
            .iter()
            .map(|src| match src.as_slice() {
                [t, u] => format!("Source {{ title: {t:?}, url: {u:?}, kinds: \"\" }}"),
                [t, u, k] => format!("Source {{ title: {t:?}, url: {u:?}, kinds: {k:?} }}"),
                _ => panic!(
                    "params.toml: rule {}: a source is [title, url(, kinds)]",
                    r.id
                ),
            })
            .collect();
        let _ = writeln!(out, "/// {}: {}", r.id, r.title_en);
        let _ = writeln!(
            out,
            "pub static {}: RuleInfo = RuleInfo {{ id: {:?}, certainty: Certainty::{cert}, title_ja: {:?}, title_en: {:?}, sources: &[{}] }};",
            ident(&r.id), r.id, r.title_ja, r.title_en, sources.join(", ")
        );
        let _ = writeln!(list, "    &{},", ident(&r.id));
    }
    let _ = writeln!(out, "/// Every rule of RULES.md, in specification order.");
    let _ = writeln!(out, "pub static RULES: &[&RuleInfo] = &[\n{list}];");

    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("params.rs");
    std::fs::write(dest, out).expect("write params.rs");
}
