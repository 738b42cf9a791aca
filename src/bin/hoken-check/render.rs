//! Turns the engine's message keys into text in one language, for the CLI.
//!
//! The catalogs are `locales/<lang>.json` (flat key → template, `{name}` placeholders). Dates
//! in parameters are written for the language; a missing key falls back to the key itself.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// A loaded catalog.
pub struct Catalog {
    lang: Lang,
    messages: HashMap<String, String>,
}

/// Output languages of the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

impl Catalog {
    /// The embedded catalog for `lang`.
    pub fn load(lang: Lang) -> Catalog {
        let text = match lang {
            Lang::Ja => include_str!("../../../locales/ja.json"),
            Lang::En => include_str!("../../../locales/en.json"),
        };
        let messages = serde_json::from_str(text).unwrap_or_default();
        Catalog { lang, messages }
    }

    /// The template for `key`, if the catalog has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(String::as_str)
    }

    /// Renders `key` with `params` (an object of strings / numbers).
    pub fn render(&self, key: &str, params: Option<&Map<String, Value>>) -> String {
        let Some(template) = self.get(key) else {
            return key.to_string();
        };
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            match params.and_then(|p| p.get(name)) {
                Some(v) => out.push_str(&self.value(name, v)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn value(&self, name: &str, v: &Value) -> String {
        match v {
            Value::String(s) if is_iso_date(s) => self.date(s),
            Value::String(s) if name == "which" => self
                .get(&format!("token.{s}"))
                .map_or_else(|| s.clone(), str::to_string),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// A `YYYY-MM-DD` date written for the language (ja: 2025年12月1日).
    pub fn date(&self, iso: &str) -> String {
        match self.lang {
            Lang::En => iso.to_string(),
            Lang::Ja => {
                let y = iso.get(0..4).unwrap_or("");
                let m = iso
                    .get(5..7)
                    .and_then(|m| m.parse::<u32>().ok())
                    .unwrap_or(0);
                let d = iso
                    .get(8..10)
                    .and_then(|d| d.parse::<u32>().ok())
                    .unwrap_or(0);
                format!("{y}年{m}月{d}日")
            }
        }
    }

    /// Adds a `message` next to every `messageKey` (reasons, events, actions, assistance)
    /// and to every warning (`warning.<code>`), in place.
    pub fn annotate(&self, v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(key)) = map.get("messageKey") {
                    let msg = self.render(key, map.get("params").and_then(Value::as_object));
                    map.insert("message".into(), Value::String(msg));
                }
                for (k, child) in map.iter_mut() {
                    if k == "warnings" {
                        if let Value::Array(ws) = child {
                            for w in ws.iter_mut() {
                                if let Value::Object(wm) = w {
                                    if let Some(Value::String(code)) = wm.get("code") {
                                        let params = wm.get("params").and_then(Value::as_object);
                                        let msg = self.render(&format!("warning.{code}"), params);
                                        wm.insert("message".into(), Value::String(msg));
                                    }
                                }
                            }
                        }
                    } else {
                        self.annotate(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.annotate(i)),
            _ => {}
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
