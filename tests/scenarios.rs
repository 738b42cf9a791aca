#![cfg(not(target_arch = "wasm32"))]
//! Scenario tables: the worked examples of the specification (tests/spec/examples.json, a
//! copy of shared/spec/examples.json — as many as the specification holds) and our own scenarios (tests/scenarios/*.json), written
//! from RULES.md by hand — never from the engine's output. Each names the rules it exercises;
//! `mustCite` lists rule ids the reasons must mention.

use hoken_check::{assess_raw, RawSituation};
use serde_json::Value;
use std::path::Path;

fn load(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Array(items)) => items,
        _ => panic!("{} is not a JSON array", path.display()),
    }
}

fn scenario_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("tests/scenarios")
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn as_set(v: Option<&Value>) -> Option<std::collections::BTreeSet<String>> {
    let items = v?.as_array()?;
    let set: std::collections::BTreeSet<String> = items.iter().map(|x| x.to_string()).collect();
    // A token appears at most once (CONTRACT.md), so a duplicate is a difference.
    (set.len() == items.len()).then_some(set)
}

/// Runs every scenario and returns the failures (id: what differed).
fn run(items: &[Value]) -> Vec<String> {
    let mut failures = Vec::new();
    for item in items {
        let id = item["id"].as_str().unwrap_or("?").to_string();
        let raw: RawSituation = match serde_json::from_value(item["situation"].clone()) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{id}: situation does not deserialize: {e}"));
                continue;
            }
        };
        let a = match assess_raw(&raw) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{id}: input error {e}"));
                continue;
            }
        };
        let got = serde_json::to_value(&a.summary).expect("summary serializes");
        let want = &item["expectedSummary"];
        if let (Some(g), Some(w)) = (got.as_object(), want.as_object()) {
            for (k, wv) in w {
                // CONTRACT.md: `documentsToShow` is compared as a set (the order is the
                // implementation's; the wasm and CLI tests hold it to the files' order).
                let same = if k == "documentsToShow" {
                    as_set(g.get(k)) == as_set(Some(wv))
                } else {
                    g.get(k) == Some(wv)
                };
                if !same {
                    failures.push(format!(
                        "{id}: {k}: expected {wv}, got {} — {}",
                        g.get(k).unwrap_or(&Value::Null),
                        item["description"].as_str().unwrap_or("")
                    ));
                }
            }
        }
        // RULES.md confidence levels: a scenario resting on an unverified point must be
        // labelled unverified by the engine, and a verified one must not be.
        let certainty = serde_json::to_value(a.certainty).expect("certainty");
        match item["confidence"].as_str() {
            Some("unverified") if certainty != "unverified" => {
                failures.push(format!("{id}: certainty {certainty}, expected unverified"))
            }
            Some("verified") if certainty == "unverified" => failures.push(format!(
                "{id}: certainty unverified, but the scenario is verified"
            )),
            _ => {}
        }
        if let Some(must) = item.get("mustCite").and_then(Value::as_array) {
            let cited = a.cited_rule_ids();
            for r in must.iter().filter_map(Value::as_str) {
                if !cited.contains(&r) {
                    failures.push(format!("{id}: reasons do not cite {r} (cited: {cited:?})"));
                }
            }
        }
    }
    failures
}

/// The specification's own count: the shared copy when it is beside the repository, else the
/// ids the copy carries (C… seed examples and P… examples added with the 2026-11-29 text).
fn spec_example_count(copy: &[Value]) -> usize {
    let spec = Path::new("../shared/spec/examples.json");
    if spec.exists() {
        load(spec).len()
    } else {
        copy.len()
    }
}

#[test]
fn every_worked_example_of_the_specification_passes() {
    let items = load(Path::new("tests/spec/examples.json"));
    assert_eq!(
        items.len(),
        spec_example_count(&items),
        "tests/spec/examples.json should hold every worked example of the specification"
    );
    // The 2026-11-29 specification has 24 (P101–P104 added); never fewer.
    assert!(items.len() >= 24, "only {} worked examples", items.len());
    let failures = run(&items);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_copy_of_examples_json_matches_the_specification_when_it_is_beside_the_repo() {
    let spec = Path::new("../shared/spec/examples.json");
    if spec.exists() {
        let a = load(spec);
        let b = load(Path::new("tests/spec/examples.json"));
        assert_eq!(
            a, b,
            "tests/spec/examples.json differs from shared/spec/examples.json: copy it again"
        );
    }
}

#[test]
fn our_scenarios_written_from_rules_md_pass() {
    let mut all = Vec::new();
    for f in scenario_files() {
        all.extend(load(&f));
    }
    assert!(
        all.len() >= 150,
        "expected at least 150 own scenarios, found {}",
        all.len()
    );
    let failures = run(&all);
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
