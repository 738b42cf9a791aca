#![cfg(not(target_arch = "wasm32"))]
//! The packed forms of the JS boundary (src/packed.rs), natively: the tape decodes to exactly
//! what serde_json writes for every worked example, scenario, rules info and parsed date; the
//! summary row holds exactly the serialised summary; damaged words never panic.

use hoken_check::packed::{self, Decoded, Tape};
use hoken_check::{assess_raw, RawSituation};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::fs;

/// An independent reader of the tape format documented in src/packed.rs.
fn read(t: &Tape, pos: &mut usize) -> Value {
    let w = |p: &mut usize| {
        let v = t.words[*p];
        *p += 1;
        v
    };
    match w(pos) {
        packed::T_NULL => Value::Null,
        packed::T_FALSE => Value::Bool(false),
        packed::T_TRUE => Value::Bool(true),
        packed::T_INT => Value::from(w(pos)),
        packed::T_STR => Value::String(t.strings[w(pos) as usize].clone()),
        packed::T_DATE => {
            let d = w(pos);
            Value::String(format!(
                "{:04}-{:02}-{:02}",
                d / 10000,
                d / 100 % 100,
                d % 100
            ))
        }
        packed::T_ARRAY => {
            let n = w(pos);
            Value::Array((0..n).map(|_| read(t, pos)).collect())
        }
        packed::T_OBJECT => {
            let n = w(pos);
            let mut m = Map::new();
            for _ in 0..n {
                let Value::String(k) = read(t, pos) else {
                    panic!("object keys are strings")
                };
                m.insert(k, read(t, pos));
            }
            Value::Object(m)
        }
        op => panic!("unexpected op {op}"),
    }
}

fn tape_value<T: serde::Serialize>(tape: &mut Tape, v: &T) -> Value {
    tape.write(v).expect("tape");
    let mut pos = 0;
    let out = read(tape, &mut pos);
    assert_eq!(pos, tape.words.len(), "the whole tape is one value");
    out
}

fn situations() -> Vec<Value> {
    let mut out = Vec::new();
    let ex: Value =
        serde_json::from_str(&fs::read_to_string("tests/spec/examples.json").expect("examples"))
            .expect("json");
    out.extend(
        ex.as_array()
            .expect("array")
            .iter()
            .map(|e| e["situation"].clone()),
    );
    for f in fs::read_dir("tests/scenarios").expect("scenarios") {
        let p = f.expect("entry").path();
        if p.extension().is_some_and(|e| e == "json") {
            let v: Value =
                serde_json::from_str(&fs::read_to_string(&p).expect("read")).expect("json");
            out.extend(
                v.as_array()
                    .expect("array")
                    .iter()
                    .map(|e| e["situation"].clone()),
            );
        }
    }
    assert!(out.len() >= 200);
    out
}

#[test]
fn the_tape_is_exactly_what_serde_json_writes() {
    let mut tape = Tape::default();
    for s in situations() {
        let raw: RawSituation = serde_json::from_value(s.clone()).expect("raw");
        let a = assess_raw(&raw).expect("a valid example");
        assert_eq!(
            tape_value(&mut tape, &a),
            serde_json::to_value(&a).expect("json"),
            "{s}"
        );
        let m = hoken_check::missing_fields(&raw).expect("guidance");
        assert_eq!(
            tape_value(&mut tape, &m),
            serde_json::to_value(&m).expect("json")
        );
    }
    let info = hoken_check::rules_info();
    assert_eq!(
        tape_value(&mut tape, &info),
        serde_json::to_value(&info).expect("json")
    );
    for text in ["令和7年12月1日", "平成32年3月31日", "R7.12.1"] {
        let p = hoken_check::parse_date(text).expect("date");
        assert_eq!(
            tape_value(&mut tape, &p),
            serde_json::to_value(&p).expect("json")
        );
    }
    // The intern table holds the engine's strings once each; dates are never interned.
    assert!(tape.strings.len() < 1000, "{}", tape.strings.len());
    assert!(!tape
        .strings
        .iter()
        .any(|s| s.len() == 10 && s.as_bytes()[4] == b'-'));
}

#[test]
fn a_summary_row_holds_exactly_the_serialised_summary() {
    let layout = packed::layout(&[]);
    let mut row = vec![0; packed::SUMMARY_WIDTH];
    for s in situations() {
        let raw: RawSituation = serde_json::from_value(s.clone()).expect("raw");
        let summary = assess_raw(&raw).expect("valid").summary;
        let want = serde_json::to_value(&summary).expect("json");
        let keys: Vec<&str> = want
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let names: Vec<&str> = packed::SUMMARY_COLUMNS.iter().map(|c| c.0).collect();
        assert_eq!(keys, names, "the columns are the summary's keys, in order");
        assert!(packed::write_summary(&mut row, &summary));
        assert_eq!(row[packed::ROW_STATUS], 0);
        let mut got = Map::new();
        for c in &layout.columns {
            let w = row[c.at];
            let v = match c.kind {
                "optBool" if w < 0 => Value::Null,
                "optBool" | "bool" => Value::Bool(w == 1),
                "optDate" if w < 0 => Value::Null,
                "optDate" => Value::String(format!(
                    "{:04}-{:02}-{:02}",
                    w / 10000,
                    w / 100 % 100,
                    w % 100
                )),
                "route" => serde_json::to_value(layout.routes[w as usize]).expect("route"),
                "copay" => serde_json::to_value(layout.copays[w as usize]).expect("copay"),
                "documents" => Value::Array(
                    (0..w as usize)
                        .map(|i| {
                            let nib = (row[c.at + 1 + i / 8] as u32 >> ((i % 8) * 4)) & 15;
                            Value::from(layout.documents[nib as usize])
                        })
                        .collect(),
                ),
                k => panic!("unknown kind {k}"),
            };
            got.insert(c.name.to_string(), v);
        }
        assert_eq!(Value::Object(got), want, "{s}");
    }
}

#[test]
fn a_packed_record_decodes_to_the_record_the_json_reader_builds() {
    let tokens = packed::tokens();
    let tok = |s: &str| tokens.iter().position(|t| *t == s).expect("token") as i32;
    let idx = |s: &str| hoken_check::situation::field_index(s).expect("field") as i32;
    let bytes = "favouriteColourblue".as_bytes();
    let mut w = vec![0, 5];
    w.extend([idx("asOf"), packed::V_DATE, 20_251_201]);
    w.extend([idx("insurerKind"), packed::V_TOKEN, tok("kokuho")]);
    w.extend([
        idx("documentsPresented"),
        packed::V_LIST,
        3,
        packed::V_TOKEN,
        tok("oldCard"),
    ]);
    w.extend([packed::V_NUMBER, packed::V_STR, 15, 4]);
    w.extend([idx("oldCardHeld"), packed::V_NULL]);
    w.extend([-1, 0, 15, packed::V_OTHER]);
    w[0] = w.len() as i32;
    let json = r#"{"asOf":"2025-12-01","insurerKind":"kokuho","documentsPresented":["oldCard",1,"blue"],"oldCardHeld":null,"favouriteColour":{}}"#;
    let want: RawSituation = serde_json::from_str(json).expect("raw");
    assert_eq!(
        packed::decode(&w, bytes, &tokens),
        Decoded::Raw(want.clone())
    );
    // The reused record of the single-call path gives the same, even after another record.
    let mut reused = RawSituation::default();
    let _ = packed::decode_into(
        &[4, 1, idx("smartphone"), packed::V_TRUE],
        &[],
        &tokens,
        &mut reused,
    );
    let _ = packed::decode_into(&w, bytes, &tokens, &mut reused);
    assert_eq!(reused, want);
    assert_eq!(
        want.validate().map_err(|e| e.code),
        Err(hoken_check::ErrorCode::WrongType)
    );
}

proptest! {
    #[test]
    fn damaged_words_never_panic(words in prop::collection::vec(-20i32..100_000_000, 0..64),
                                 bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let tokens = packed::tokens();
        let _ = packed::decode(&words, &bytes, &tokens);
        let mut w = words.clone();
        if !w.is_empty() { w[0] = w.len() as i32; }
        if let Decoded::Raw(raw) = packed::decode(&w, &bytes, &tokens) {
            let _ = raw.validate();
        }
    }
}

#[test]
fn the_layout_lists_every_field_and_the_enums_values_as_the_enums_define_them() {
    use hoken_check::situation::{Circumstance, Document, InsurerKind, KokiRegion, Smartphone};
    let layout = packed::layout(&[]);
    let names: Vec<&str> = hoken_check::situation::FIELDS.iter().map(|f| f.0).collect();
    let listed: Vec<&str> = layout.fields.iter().map(|f| f.name).collect();
    assert_eq!(listed, names);
    let values = |name: &str| {
        layout
            .fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.values.clone())
            .expect("field")
    };
    let all = |xs: Vec<&'static str>| xs;
    assert_eq!(
        values("insurerKind"),
        all(InsurerKind::ALL.iter().map(|v| v.as_str()).collect())
    );
    assert_eq!(
        values("kokiRegion"),
        all(KokiRegion::ALL.iter().map(|v| v.as_str()).collect())
    );
    assert_eq!(
        values("smartphone"),
        all(Smartphone::ALL.iter().map(|v| v.as_str()).collect())
    );
    assert_eq!(
        values("situation"),
        all(Circumstance::ALL.iter().map(|v| v.as_str()).collect())
    );
    assert_eq!(
        values("documentsPresented"),
        all(Document::ALL.iter().map(|v| v.as_str()).collect())
    );
    // Every token the reader can send is unique, so an index names one string.
    let tokens = packed::tokens();
    for (i, t) in tokens.iter().enumerate() {
        assert!(!tokens[..i].contains(t), "{t} twice");
    }
    assert_eq!(layout.summary_width, packed::SUMMARY_WIDTH);
    let last = layout.columns.last().expect("columns");
    assert!(last.at < packed::SUMMARY_WIDTH, "the columns fit the row");
}

/// One packed `key value` item: a field (or an unknown name, -1) and a value of any tag.
fn packed_item(ntokens: usize) -> impl Strategy<Value = Vec<i32>> {
    let nfields = hoken_check::situation::FIELDS.len() as i32;
    let tok = 0..ntokens as i32;
    let date = prop_oneof![
        Just(20_251_201),
        Just(20_260_229),
        Just(19_500_101),
        10_000_000i32..30_000_000,
    ];
    let value = prop_oneof![
        Just(vec![packed::V_NULL]),
        Just(vec![packed::V_FALSE]),
        Just(vec![packed::V_TRUE]),
        Just(vec![packed::V_NUMBER]),
        Just(vec![packed::V_OTHER]),
        date.clone().prop_map(|d| vec![packed::V_DATE, d]),
        tok.clone().prop_map(|t| vec![packed::V_TOKEN, t]),
        (0i32..4, 0i32..8).prop_map(|(o, l)| vec![packed::V_STR, o, l]),
        prop::collection::vec(
            prop_oneof![
                4 => tok.prop_map(|t| vec![packed::V_TOKEN, t]),
                1 => date.prop_map(|d| vec![packed::V_DATE, d]),
            ],
            0..4
        )
        .prop_map(|items| {
            let mut w = vec![packed::V_LIST, items.len() as i32];
            w.extend(items.into_iter().flatten());
            w
        }),
    ];
    (prop_oneof![20 => 0..nfields, 1 => Just(-1)], value).prop_map(|(k, v)| {
        let mut w = if k == -1 { vec![-1, 0, 5] } else { vec![k] };
        w.extend(v);
        w
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The direct decoder (`decode_situation`, the JS boundary's common case) answers exactly
    /// as decoding the raw record and validating it: whenever it gives a Situation, that is
    /// the validated record; whenever the raw path gives one from contract names and token
    /// lists, so does it.
    #[test]
    fn direct_decoding_equals_decode_then_validate(
        items in prop::collection::vec(packed_item(packed::tokens().len()), 0..10),
        cut in 0usize..3,
    ) {
        let tokens = packed::tokens();
        let bytes = b"kokuho2025-12-01";
        let mut w = vec![0, items.len() as i32];
        w.extend(items.iter().flatten());
        if cut == 0 && w.len() > 2 {
            w.pop(); // damaged: the item count no longer matches the words
        }
        w[0] = w.len() as i32;
        let reference = match packed::decode(&w, bytes, &tokens) {
            Decoded::Raw(raw) => Some(raw.validate()),
            _ => None,
        };
        let direct = packed::decode_situation(&w, bytes, &tokens);
        if let Some(s) = &direct {
            prop_assert_eq!(reference.clone(), Some(Ok(s.clone())));
        }
        let simple = items.iter().all(|i| i[0] >= 0)
            && !items.iter().any(|i| i[1] == packed::V_LIST && i[2..].chunks(2).any(|c| c[0] != packed::V_TOKEN));
        if simple {
            if let Some(Ok(s)) = reference {
                prop_assert_eq!(direct, Some(s));
            }
        }
    }
}
