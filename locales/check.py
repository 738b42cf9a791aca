#!/usr/bin/env python3
"""Checks the message catalogs ja.json, en.json and ja-easy.json.

* the batch page's texts (`batch.*`) are in batch-ja.json, batch-en.json, batch-ja-easy.json,
  and only there; they name every error code of src/error.rs (`batch.code.<code>`, the labels
  of the batch page's error chart);
* each file is a flat JSON object of string -> string (UTF-8), keys sorted;
* the three files have exactly the same key set;
* each template has the same placeholders ({date}, {until} ...) in all three languages;
* every message key emitted in src/ (reasons, events, actions, assistance) and
  `warning.<code>` for every warning code in src/ is present;
* every placeholder is a parameter name that src/ passes somewhere (catches typos);
* in ja-easy.json every ruby group `{漢字|かな}` is well formed (the reading is hiragana or
  katakana only) and no kanji appears outside a ruby group.

Run from anywhere: `python3 locales/check.py`. Exits 1 with a list of problems.
"""

import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE.parent / "src"
FILES = {"ja": "ja.json", "en": "en.json", "ja-easy": "ja-easy.json"}
# The batch page's own texts (`batch.*`), loaded only by www/batch.html, so the check page's
# catalog does not carry them: the same checks, and every key starts with "batch.".
BATCH_FILES = {lang: f"batch-{name}" for lang, name in FILES.items()}

KEY_RE = re.compile(r'"((?:oldCard|myna|kakuninsho|oshirase|route|window|event|action|assist)\.[A-Za-z0-9]+)"')
# Warning codes: the values of the WarningCode enum in src/assessment.rs.
CODE_RE = re.compile(r'\b[A-Z][A-Za-z0-9]* = "([a-z][A-Za-z0-9]*)",')
# Parameter names the code passes: Args::date("x", …) and .with("x", …).
ARG_RE = re.compile(r'(?:Args::date|\.with)\(\s*"([A-Za-z0-9]+)"')
# A placeholder is {name}; a ruby group is {base|reading}.
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z][A-Za-z0-9]*)\}")
BRACE_RE = re.compile(r"\{([^{}]*)\}")
KANA_RE = re.compile(r"^[\u3041-\u309F\u30A0-\u30FF]+$")  # hiragana, katakana (incl. ー)
KANJI_RE = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006\u3007]")

# Parameters that the catalogs may use although src/ does not pass them literally:
# `{field}` in error.* (the field named by the input error).
EXTRA_PARAMS = {"field"}
# The batch page (www/batch.js) fills these in its `batch.*` texts.
EXTRA_PARAMS |= {"count", "name", "rate"}

# Keys required besides those found in src/ (see the brief / CONTRACT.md).
DOC_TOKENS = [
    "oldCard", "mynahokenshoCard", "mynahokenshoSmartphone", "shikakuKakuninsho",
    "mynacardPlusOshirase", "mynacardPlusMynaportalScreen", "moushitatesho", "oshiraseAlone",
    "mynaportalPdfOrPrintout", "oshiraseCopy", "kakuninshoCopy", "mynacardPhotocopy",
    "koureijukyushaSho", "gendogakuNinteisho", "kakuninshoWithGendoKubun", "mynaportalIryouhiTsuchi",
]
FIXED_KEYS = (
    [f"doc.{t}" for t in DOC_TOKENS]
    + [f"copay.{c}" for c in ("normal", "normalIfOnlineConfirmed", "fullCostPossible")]
    + [f"status.{s}" for s in ("valid", "grace", "provisional", "invalid", "onTheWay", "notHeld",
                               "onlyTogether", "normal", "atRisk")]
    + [f"certainty.{c}" for c in ("verified", "insurerDependent", "sourcesDisagree", "unverified")]
    + [f"kind.{k}" for k in ("oldCard", "mynahokensho", "shikakuKakuninsho", "shikakuJohoOshirase",
                             "window")]
    + [f"insurer.{i}" for i in ("kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho",
                                "kokuhoKumiai", "kokiKoreisha")]
    + ["token.card", "token.ecert"]
    + [f"error.{e}" for e in ("malformedInput", "notAnObject", "unknownField", "duplicateField",
                              "missingField", "wrongType", "unknownValue", "malformedDate",
                              "impossibleDate", "tooLarge")]
)


def source_facts():
    keys, codes, params, errors = set(), set(), set(), set()
    for path in sorted(SRC.rglob("*.rs")):
        text = path.read_text(encoding="utf-8")
        keys.update(KEY_RE.findall(text))
        if "WarningCode {" in text:
            block = text.split("WarningCode {", 1)[1].split("\n    }\n", 1)[0]
            codes.update(CODE_RE.findall(block))
        if "ErrorCode {" in text:
            block = text.split("ErrorCode {", 1)[1].split("\n    }\n", 1)[0]
            errors.update(CODE_RE.findall(block))
        params.update(ARG_RE.findall(text))
    return keys, codes, params, errors


def load(problems, files=FILES):
    cats = {}
    for lang, name in files.items():
        path = HERE / name
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{name}: cannot read as UTF-8: {e}")
            continue

        def no_dupes(pairs, name=name):
            seen = {}
            for k, v in pairs:
                if k in seen:
                    problems.append(f"{name}: duplicate key {k!r}")
                seen[k] = v
            return seen

        try:
            data = json.loads(raw, object_pairs_hook=no_dupes)
        except json.JSONDecodeError as e:
            problems.append(f"{name}: invalid JSON: {e}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{name}: not a JSON object")
            continue
        for k, v in data.items():
            if not isinstance(v, str):
                problems.append(f"{name}: {k}: value is not a string")
            elif not v.strip():
                problems.append(f"{name}: {k}: empty template")
        if list(data) != sorted(data):
            problems.append(f"{name}: keys are not sorted")
        cats[lang] = {k: v for k, v in data.items() if isinstance(v, str)}
    return cats


def check_easy(key, text, problems):
    for m in BRACE_RE.finditer(text):
        inner = m.group(1)
        if "|" not in inner:
            if not PLACEHOLDER_RE.fullmatch(m.group(0)):
                problems.append(f"ja-easy.json: {key}: malformed braces {m.group(0)!r}")
            continue
        parts = inner.split("|")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            problems.append(f"ja-easy.json: {key}: malformed ruby {m.group(0)!r}")
            continue
        base, reading = parts
        if not KANJI_RE.search(base):
            problems.append(f"ja-easy.json: {key}: ruby base has no kanji {m.group(0)!r}")
        if not KANA_RE.match(reading):
            problems.append(f"ja-easy.json: {key}: ruby reading is not kana {m.group(0)!r}")
    rest = BRACE_RE.sub("", text)
    if "{" in rest or "}" in rest or "|" in rest:
        problems.append(f"ja-easy.json: {key}: unbalanced brace or stray '|'")
    bare = KANJI_RE.findall(rest)
    if bare:
        problems.append(f"ja-easy.json: {key}: kanji without reading: {''.join(bare)}")


def main():
    problems = []
    main_cats = load(problems)
    batch_cats = load(problems, BATCH_FILES)
    if len(main_cats) != len(FILES) or len(batch_cats) != len(BATCH_FILES):
        print("\n".join(problems), file=sys.stderr)
        return 1

    # Same key set, per file set; batch.* only in the batch files.
    for files, part in ((FILES, main_cats), (BATCH_FILES, batch_cats)):
        part_keys = set().union(*(set(c) for c in part.values()))
        for lang, cat in part.items():
            for k in sorted(part_keys - set(cat)):
                problems.append(f"{files[lang]}: missing key {k} (present in another language)")
            for k in sorted(cat):
                if k.startswith("batch.") != (files is BATCH_FILES):
                    problems.append(f"{files[lang]}: {k}: batch.* keys belong in batch-*.json only")
    # The rest is checked on each language's whole catalog (page + batch).
    cats = {lang: {**main_cats[lang], **batch_cats[lang]} for lang in FILES}
    all_keys = set().union(*(set(c) for c in cats.values()))

    # Same placeholders.
    for k in sorted(all_keys):
        sets = {lang: sorted(set(PLACEHOLDER_RE.findall(c[k]))) for lang, c in cats.items() if k in c}
        if len({tuple(v) for v in sets.values()}) > 1:
            problems.append(f"{k}: placeholders differ: {sets}")

    # Required keys.
    src_keys, codes, params, errors = source_facts()
    if not src_keys or not errors:
        problems.append(f"no message keys or error codes found under {SRC} (wrong directory?)")
    required = (src_keys | {f"warning.{c}" for c in codes} | set(FIXED_KEYS)
                | {f"batch.code.{e}" for e in errors})
    for k in sorted(required):
        for lang, cat in cats.items():
            if k not in cat:
                where = BATCH_FILES if k.startswith("batch.") else FILES
                problems.append(f"{where[lang]}: missing required key {k}")

    # Placeholders must be parameter names the code passes.
    known = params | EXTRA_PARAMS
    for lang, cat in cats.items():
        for k, v in cat.items():
            for p in PLACEHOLDER_RE.findall(v):
                if p not in known:
                    problems.append(f"{FILES[lang]}: {k}: unknown placeholder {{{p}}}")
            if lang != "ja-easy" and "|" in "".join(BRACE_RE.findall(v)):
                problems.append(f"{FILES[lang]}: {k}: ruby markup outside ja-easy")

    # ja-easy furigana.
    for k, v in cats["ja-easy"].items():
        check_easy(k, v, problems)

    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print(f"ok: {len(all_keys)} keys in each language: {', '.join(FILES.values())} "
          f"+ {', '.join(BATCH_FILES.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
