#!/usr/bin/env python3
"""Validate the hoken-check scenario files in this directory.

Checks (structural only — it never computes an expected value from the rules):
  * every *.json file is a JSON array of scenario objects in the examples.json format;
  * every situation has exactly the Situation fields of CONTRACT.md, with allowed enum
    values, booleans where booleans belong, document tokens from the contract, and dates
    written YYYY-MM-DD that exist on the calendar;
  * every expectedSummary has exactly the 10 summary fields with the right types, and
    fullCostRisk == (copay != "normal");
  * a few definitional consistencies of the contract (no old card -> old-card fields null,
    kakuninshoValid only with a 資格確認書 held and asOf <= its printed expiry, ...);
  * ids unique across all files; rule ids known; mustCite a subset of rules;
  * every rule id of RULES.md is covered; the §0 boundary dates have scenarios on the day
    before, the day and the day after in boundaries.json; at least 170 scenarios;
  * no scenario repeats the situation of one of the worked examples.

Exit status 0 when everything passes, 1 otherwise.  Usage: python3 validate.py [dir]
"""
import datetime
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = sys.argv[1] if len(sys.argv) > 1 else HERE
SPEC = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "spec"))

SITUATION_FIELDS = [
    "asOf", "insurerKind", "birthDate", "kokiRegion", "oldCardHeld", "oldCardPrintedExpiry",
    "oldCardIssuedBy20241201", "qualificationLostDate", "cardDataChangeDate", "hasMyNumberCard",
    "myNumberCardExpiry", "ecertExpiry", "registeredForInsurance", "registrationCancelledDate",
    "shikakuKakuninshoHeld", "shikakuKakuninshoExpiry", "shikakuJohoOshiraseHeld",
    "difficultyUsingCard", "kakuninshoApplicationMade", "smartphone", "facilitySupportsSmartphone",
    "situation", "documentsPresented",
]
SUMMARY_FIELDS = [
    "oldCardValid", "oldCardValidUntil", "oldCardProvisionalAcceptance", "mynahokenshoUsable",
    "mynahokenshoUsableUntil", "kakuninshoValid", "kakuninshoRoute", "documentsToShow", "copay",
    "fullCostRisk",
]
SCENARIO_KEYS_REQUIRED = ["id", "description", "situation", "expectedSummary", "notes", "rules", "confidence"]
SCENARIO_KEYS_OPTIONAL = ["mustCite"]

INSURER_KINDS = {"kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"}
KOKI_REGIONS = {"saitama", "other"}
SMARTPHONES = {"none", "iphone", "android"}
SITUATIONS = {"normal", "readerFailure", "noReader", "schoolTrip", "nursery", "highCost", "taxDeduction",
              "lostMyNumberCard", "lostOldCard", "newQualification", "assistanceNeeded"}
TOKENS = {"oldCard", "mynahokenshoCard", "mynahokenshoSmartphone", "shikakuKakuninsho",
          "mynacardPlusOshirase", "mynacardPlusMynaportalScreen", "moushitatesho", "oshiraseAlone",
          "mynaportalPdfOrPrintout", "oshiraseCopy", "kakuninshoCopy", "mynacardPhotocopy",
          "koureijukyushaSho", "gendogakuNinteisho", "kakuninshoWithGendoKubun", "mynaportalIryouhiTsuchi"}
ROUTES = {"notYet", "automatic", "application", "notNeeded"}
COPAYS = {"normal", "normalIfOnlineConfirmed", "fullCostPossible"}
CONFIDENCES = {"verified", "unverified"}

RULE_IDS = (["R-OLD-%d" % i for i in range(1, 9)] + ["R-PROV-1", "R-PROV-2"]
            + ["R-KOKI-%d" % i for i in range(1, 4)] + ["R-KAKU-%d" % i for i in range(1, 6)]
            + ["R-CANCEL-1"] + ["R-MYNA-%d" % i for i in range(1, 7)] + ["R-OSHI-1", "R-OSHI-2"]
            + ["R-FAIL-1", "R-FAIL-2", "R-FAIL-3", "R-HIGH-1", "R-TAX-1", "R-TODAY-1"])

# RULES.md §0 dates with a rule consequence; each group is tested on the day before the first
# date, on every date of the group, and on the day after the last one (boundaries.json).
BOUNDARY_GROUPS = [
    ["2024-10-28"], ["2024-12-01", "2024-12-02"], ["2025-07-31"], ["2025-08-01"], ["2025-09-19"],
    ["2025-11-12"], ["2025-12-01", "2025-12-02"], ["2026-03-31", "2026-04-01"], ["2026-07-31"],
    ["2026-08-01"],
]

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_RE = re.compile(r"^S-[A-Z]+-\d{3}$")

problems = []


def problem(where, msg):
    problems.append("%s: %s" % (where, msg))


def parse_date(where, field, value, nullable=True):
    if value is None:
        if not nullable:
            problem(where, "%s must not be null" % field)
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        problem(where, "%s=%r is not a YYYY-MM-DD date" % (field, value))
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problem(where, "%s=%r does not exist on the calendar" % (field, value))
        return None


def check_bool(where, field, value, nullable=False):
    if value is None and nullable:
        return
    if not isinstance(value, bool):
        problem(where, "%s=%r must be a boolean%s" % (field, value, " or null" if nullable else ""))


def check_enum(where, field, value, allowed, nullable=False):
    if value is None and nullable:
        return
    if value not in allowed:
        problem(where, "%s=%r not one of %s" % (field, value, sorted(allowed)))


def check_tokens(where, field, value):
    if not isinstance(value, list):
        problem(where, "%s must be a list" % field)
        return
    for t in value:
        if t not in TOKENS:
            problem(where, "%s contains unknown token %r" % (field, t))
    if len(set(value)) != len(value):
        problem(where, "%s has duplicate tokens" % field)


def check_situation(where, s):
    if not isinstance(s, dict):
        problem(where, "situation is not an object")
        return None
    keys = list(s.keys())
    missing = [f for f in SITUATION_FIELDS if f not in s]
    extra = [k for k in keys if k not in SITUATION_FIELDS]
    if missing:
        problem(where, "situation misses fields %s" % missing)
    if extra:
        problem(where, "situation has unknown fields %s" % extra)
    if missing:
        return None
    as_of = parse_date(where, "asOf", s["asOf"], nullable=False)
    for f in ["birthDate", "oldCardPrintedExpiry", "qualificationLostDate", "cardDataChangeDate",
              "myNumberCardExpiry", "ecertExpiry", "registrationCancelledDate", "shikakuKakuninshoExpiry"]:
        parse_date(where, f, s[f])
    check_enum(where, "insurerKind", s["insurerKind"], INSURER_KINDS)
    check_enum(where, "kokiRegion", s["kokiRegion"], KOKI_REGIONS, nullable=True)
    for f in ["oldCardHeld", "hasMyNumberCard", "registeredForInsurance", "shikakuKakuninshoHeld",
              "shikakuJohoOshiraseHeld", "difficultyUsingCard", "kakuninshoApplicationMade"]:
        check_bool(where, f, s[f])
    check_bool(where, "oldCardIssuedBy20241201", s["oldCardIssuedBy20241201"], nullable=True)
    check_bool(where, "facilitySupportsSmartphone", s["facilitySupportsSmartphone"], nullable=True)
    check_enum(where, "smartphone", s["smartphone"], SMARTPHONES)
    check_enum(where, "situation", s["situation"], SITUATIONS)
    check_tokens(where, "documentsPresented", s["documentsPresented"])
    # facts that do not apply would only produce warnings; scenarios should not carry them
    if s["oldCardHeld"] is False:
        for f in ["oldCardPrintedExpiry", "oldCardIssuedBy20241201", "qualificationLostDate", "cardDataChangeDate"]:
            if s[f] is not None:
                problem(where, "%s given although no old card is held" % f)
    if s["shikakuKakuninshoHeld"] is False and s["shikakuKakuninshoExpiry"] is not None:
        problem(where, "shikakuKakuninshoExpiry given although no 資格確認書 is held")
    if s["shikakuKakuninshoHeld"] is True and s["shikakuKakuninshoExpiry"] is None:
        problem(where, "資格確認書 held without a printed expiry")
    if s["hasMyNumberCard"] is False:
        for f in ["myNumberCardExpiry", "ecertExpiry", "registrationCancelledDate"]:
            if s[f] is not None:
                problem(where, "%s given although there is no My Number card" % f)
        if s["registeredForInsurance"]:
            problem(where, "registeredForInsurance without a My Number card")
        if s["smartphone"] != "none":
            problem(where, "smartphone set up without a My Number card")
    if s["kokiRegion"] is not None and s["insurerKind"] != "kokiKoreisha":
        problem(where, "kokiRegion given for a non-後期 insurer")
    if s["smartphone"] == "none" and s["facilitySupportsSmartphone"] is not None:
        problem(where, "facilitySupportsSmartphone given without a smartphone")
    if s["oldCardHeld"] and s["situation"] == "lostOldCard":
        problem(where, "lostOldCard but oldCardHeld is true")
    return as_of


def check_summary(where, e, s, as_of):
    if not isinstance(e, dict):
        problem(where, "expectedSummary is not an object")
        return
    missing = [f for f in SUMMARY_FIELDS if f not in e]
    extra = [k for k in e if k not in SUMMARY_FIELDS]
    if missing:
        problem(where, "expectedSummary misses fields %s" % missing)
    if extra:
        problem(where, "expectedSummary has unknown fields %s" % extra)
    if missing:
        return
    check_bool(where, "oldCardValid", e["oldCardValid"], nullable=True)
    until = parse_date(where, "oldCardValidUntil", e["oldCardValidUntil"])
    check_bool(where, "oldCardProvisionalAcceptance", e["oldCardProvisionalAcceptance"], nullable=True)
    check_bool(where, "mynahokenshoUsable", e["mynahokenshoUsable"])
    m_until = parse_date(where, "mynahokenshoUsableUntil", e["mynahokenshoUsableUntil"])
    check_bool(where, "kakuninshoValid", e["kakuninshoValid"])
    check_enum(where, "kakuninshoRoute", e["kakuninshoRoute"], ROUTES)
    check_tokens(where, "documentsToShow", e["documentsToShow"])
    check_enum(where, "copay", e["copay"], COPAYS)
    check_bool(where, "fullCostRisk", e["fullCostRisk"])
    if e["fullCostRisk"] != (e["copay"] != "normal"):
        problem(where, "fullCostRisk must equal (copay != 'normal')")
    if s is None or as_of is None:
        return
    # definitional consistency (CONTRACT.md field meanings)
    if not s["oldCardHeld"]:
        if any(e[f] is not None for f in ["oldCardValid", "oldCardValidUntil", "oldCardProvisionalAcceptance"]):
            problem(where, "old-card summary fields must be null when no old card is held")
    else:
        if e["oldCardValid"] is None or e["oldCardProvisionalAcceptance"] is None:
            problem(where, "old card held: oldCardValid / oldCardProvisionalAcceptance must be booleans")
        if e["oldCardValid"] and (until is None or as_of > until):
            problem(where, "oldCardValid true but asOf is after oldCardValidUntil")
        if e["oldCardValid"] is False and until is not None and as_of <= until:
            problem(where, "oldCardValid false but asOf is on/before oldCardValidUntil")
        if e["oldCardValid"] and e["oldCardProvisionalAcceptance"]:
            problem(where, "a valid old card cannot be under provisional acceptance")
        ql = s["qualificationLostDate"]
        if ql is not None and ql <= s["asOf"] and e["oldCardProvisionalAcceptance"]:
            problem(where, "provisional acceptance must be false when qualificationLostDate <= asOf")
        if s["oldCardIssuedBy20241201"] is False and e["oldCardValid"]:
            problem(where, "a card not issued by 2024-12-01 is never valid")
        if e["oldCardProvisionalAcceptance"] and not ("2025-08-01" <= s["asOf"] <= "2026-03-31"):
            problem(where, "provisional acceptance outside 2025-08-01..2026-03-31")
    if e["mynahokenshoUsable"] and not s["hasMyNumberCard"]:
        problem(where, "mynahokenshoUsable without a My Number card")
    if e["mynahokenshoUsable"] and m_until is not None and as_of > m_until:
        problem(where, "mynahokenshoUsable true but asOf after mynahokenshoUsableUntil")
    if not s["hasMyNumberCard"] and e["mynahokenshoUsableUntil"] is not None:
        problem(where, "mynahokenshoUsableUntil must be null without a My Number card")
    if s["situation"] == "lostMyNumberCard" and (e["mynahokenshoUsable"] or e["mynahokenshoUsableUntil"] is not None):
        problem(where, "lost My Number card: not usable and usableUntil null")
    kv_def = bool(s["shikakuKakuninshoHeld"]) and s["shikakuKakuninshoExpiry"] is not None and s["asOf"] <= s["shikakuKakuninshoExpiry"]
    if e["kakuninshoValid"] != kv_def:
        problem(where, "kakuninshoValid must be 'holds a 資格確認書 and asOf <= its printed expiry'")
    if (s["asOf"] < "2024-12-02") != (e["kakuninshoRoute"] == "notYet"):
        problem(where, "kakuninshoRoute notYet exactly when asOf is before 2024-12-02")
    if s["situation"] == "taxDeduction" and e["copay"] != "normal":
        problem(where, "taxDeduction gives copay normal")
    if "oldCard" in e["documentsToShow"] and not e["oldCardValid"]:
        problem(where, "documentsToShow lists oldCard although it is not valid")
    if "oshiraseAlone" in e["documentsToShow"]:
        problem(where, "oshiraseAlone is acceptable only under R-PROV-1 and is never listed")
    if "shikakuKakuninsho" in e["documentsToShow"] and s["asOf"] < "2024-12-02":
        problem(where, "no 資格確認書 before 2024-12-02")


def main():
    files = sorted(glob.glob(os.path.join(DIR, "*.json")))
    if not files:
        problem(DIR, "no scenario files")
    ids = {}
    covered = {r: [] for r in RULE_IDS}
    by_file = {}
    bnd_dates = set()
    situations = []
    total = 0
    for path in files:
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except Exception as exc:  # noqa: BLE001
            problem(name, "does not parse as JSON: %s" % exc)
            continue
        if not isinstance(data, list):
            problem(name, "top level must be an array")
            continue
        by_file[name] = len(data)
        for i, sc in enumerate(data):
            where = "%s[%d]" % (name, i)
            total += 1
            if not isinstance(sc, dict):
                problem(where, "scenario is not an object")
                continue
            sid = sc.get("id")
            if isinstance(sid, str):
                where = "%s %s" % (name, sid)
                if not ID_RE.match(sid):
                    problem(where, "id does not match S-XXX-NNN")
                if sid in ids:
                    problem(where, "duplicate id (also in %s)" % ids[sid])
                ids[sid] = name
            else:
                problem(where, "id missing")
            for k in SCENARIO_KEYS_REQUIRED:
                if k not in sc:
                    problem(where, "missing key %s" % k)
            for k in sc:
                if k not in SCENARIO_KEYS_REQUIRED + SCENARIO_KEYS_OPTIONAL:
                    problem(where, "unknown key %s" % k)
            desc = sc.get("description")
            if not isinstance(desc, str) or len(desc) < 20 or not desc.rstrip().endswith((".", "。")):
                problem(where, "description must be a whole sentence")
            if not isinstance(sc.get("notes"), str) or not sc.get("notes", "").strip():
                problem(where, "notes must explain the expectation")
            if sc.get("confidence") not in CONFIDENCES:
                problem(where, "confidence must be verified or unverified")
            rules = sc.get("rules")
            if not isinstance(rules, list) or not rules:
                problem(where, "rules must be a non-empty list")
                rules = []
            for r in rules:
                if r not in covered:
                    problem(where, "unknown rule id %r" % r)
                else:
                    covered[r].append(sid)
            if len(set(rules)) != len(rules):
                problem(where, "duplicate rule ids")
            if "mustCite" in sc:
                mc = sc["mustCite"]
                if not isinstance(mc, list) or not mc:
                    problem(where, "mustCite must be a non-empty list when present")
                else:
                    for r in mc:
                        if r not in covered:
                            problem(where, "mustCite has unknown rule id %r" % r)
                        elif r not in rules:
                            problem(where, "mustCite id %s is not in rules" % r)
            s = sc.get("situation")
            as_of = check_situation(where, s)
            check_summary(where, sc.get("expectedSummary"), s if isinstance(s, dict) and as_of else None, as_of)
            if isinstance(s, dict):
                situations.append((where, s))
                if name == "boundaries.json" and isinstance(s.get("asOf"), str):
                    bnd_dates.add(s["asOf"])
    # coverage of rule ids
    for r, lst in covered.items():
        if not lst:
            problem("coverage", "rule %s is not covered by any scenario" % r)
    # cross-check the rule list against RULES.md when available
    rules_md = os.path.join(SPEC, "RULES.md")
    if os.path.exists(rules_md):
        with open(rules_md, encoding="utf-8") as f:
            headings = re.findall(r"^#+ .*$", f.read(), flags=re.M)
            found = set(r for h in headings for r in re.findall(r"\bR-[A-Z]+-\d+\b", h))
        if found and found != set(RULE_IDS):
            problem("coverage", "rule ids in RULES.md differ from the validator's list: %s" % sorted(found ^ set(RULE_IDS)))
    # boundary dates: day before, the day(s), day after
    for group in BOUNDARY_GROUPS:
        first = datetime.date.fromisoformat(group[0])
        last = datetime.date.fromisoformat(group[-1])
        needed = [first - datetime.timedelta(days=1)] + [datetime.date.fromisoformat(d) for d in group] + [last + datetime.timedelta(days=1)]
        for d in needed:
            if d.isoformat() not in bnd_dates:
                problem("boundaries.json", "no scenario on %s (boundary group %s)" % (d, "/".join(group)))
    # no copy of the worked examples
    ex_path = os.path.join(SPEC, "examples.json")
    if os.path.exists(ex_path):
        with open(ex_path, encoding="utf-8") as f:
            examples = json.load(f)
        ex_sits = [json.dumps(x["situation"], sort_keys=True) for x in examples]
        ex_keys = set(examples[0]["situation"].keys()) if examples else set(SITUATION_FIELDS)
        if ex_keys != set(SITUATION_FIELDS):
            problem("contract", "examples.json situation fields differ from the validator's list")
        for where, s in situations:
            if json.dumps(s, sort_keys=True) in ex_sits:
                problem(where, "situation copies a worked example")
    seen = {}
    for where, s in situations:
        key = json.dumps(s, sort_keys=True)
        if key in seen:
            problem(where, "same situation as %s" % seen[key])
        seen[key] = where
    if total < 170:
        problem("count", "only %d scenarios (need at least 170)" % total)

    print("scenario files:")
    for name, n in by_file.items():
        print("  %-22s %4d" % (name, n))
    print("  %-22s %4d" % ("total", total))
    print("rule coverage (scenarios citing each rule in `rules`):")
    for r in RULE_IDS:
        print("  %-11s %3d" % (r, len(covered[r])))
    if problems:
        print("\n%d problem(s):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
