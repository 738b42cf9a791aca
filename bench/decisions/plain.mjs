// The three decisions in plain JavaScript, as a competent developer would write them straight
// from RULES.md / CONTRACT.md: ISO date strings compared as strings, a few UTC date helpers.
//   1. old card: valid on asOf, and its last day (R-OLD-1..8, CONTRACT "Inputs are taken as given")
//   2. マイナ保険証: last usable day (R-MYNA-1..3, R-CANCEL-1), and whether usable on asOf
//   3. 資格確認書 route (CONTRACT's kakuninshoRoute decision list, first match wins)
export const ABOLITION = "2024-12-02"; // R-OLD-1: no traditional card issued from this day
export const OLD_CARD_CAP = "2025-12-01"; // R-OLD-1 item 2
export const KOKI_PROVISIONAL_END = "2026-07-31"; // R-KOKI-1
export const KOKI_NEW_RULE = "2026-08-01"; // R-KOKI-2
export const SAITAMA_85_BORN_BY = "1941-08-02"; // 85 or more (legal age) on 2026-08-01
const REGIONAL = new Set(["kokuho", "kokuhoKumiai", "kokiKoreisha"]); // cards carrying printed data

const pad = (n, w = 2) => String(n).padStart(w, "0");
const fmt = (d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const dayBefore = (iso) => fmt(new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000));
/** Last day of month `m` (1-based; may be 0 or > 12) of year `y`. */
export const monthEnd = (y, m) => fmt(new Date(Date.UTC(y, m, 0)));
/** R-MYNA-3: last day of the third month after the month containing `e`. */
export const graceEnd = (e) => monthEnd(+e.slice(0, 4), +e.slice(5, 7) + 3);
export const nthBirthday = (birth, n) => `${pad(+birth.slice(0, 4) + n, 4)}${birth.slice(4)}`;

/** R-OLD-*: { valid, until } of the old card, or null when none is held. */
export function oldCard(s) {
  if (!s.oldCardHeld) return null;
  if (s.oldCardIssuedBy20241201 === false) return { valid: false, until: null };
  let until = OLD_CARD_CAP;
  const earlier = (d) => {
    if (d < until) until = d;
  };
  if (s.qualificationLostDate) earlier(dayBefore(s.qualificationLostDate)); // R-OLD-4
  if (s.birthDate) {
    const b75 = nthBirthday(s.birthDate, 75); // R-OLD-8
    if (s.insurerKind !== "kokiKoreisha" || b75 >= ABOLITION) earlier(dayBefore(b75));
  }
  if (s.cardDataChangeDate && REGIONAL.has(s.insurerKind)) earlier(dayBefore(s.cardDataChangeDate)); // R-OLD-1.4
  if (s.oldCardPrintedExpiry) earlier(s.oldCardPrintedExpiry); // R-OLD-1.1, R-OLD-3
  else if (s.insurerKind === "kokuho" && s.birthDate) {
    // R-OLD-5: the 70th-birthday month (born on the 1st: the month before)
    const b70 = nthBirthday(s.birthDate, 70);
    const y = +b70.slice(0, 4);
    const m = +b70.slice(5, 7);
    earlier(b70.endsWith("-01") ? monthEnd(y, m - 1) : monthEnd(y, m));
  }
  return { valid: s.asOf <= until, until };
}

/** R-MYNA-*: { usable, until } of the マイナ保険証 (until null when unknown or not applicable). */
export function myna(s) {
  if (!s.hasMyNumberCard || s.situation === "lostMyNumberCard") return { usable: false, until: null };
  if (s.registrationCancelledDate && s.registrationCancelledDate <= s.asOf) return { usable: false, until: null };
  if (!s.registeredForInsurance) return { usable: false, until: null };
  const e = s.ecertExpiry && s.myNumberCardExpiry
    ? (s.ecertExpiry < s.myNumberCardExpiry ? s.ecertExpiry : s.myNumberCardExpiry)
    : s.ecertExpiry || s.myNumberCardExpiry;
  if (!e) return { usable: true, until: null };
  const until = e < ABOLITION ? e : graceEnd(e);
  return { usable: s.asOf <= until, until };
}

/** CONTRACT.md kakuninshoRoute, first match wins. */
export function route(s, mynaUsable) {
  if (s.asOf < ABOLITION) return "notYet";
  if (s.situation === "lostMyNumberCard" || (s.situation === "lostOldCard" && !mynaUsable)) return "application";
  const koki = s.insurerKind === "kokiKoreisha";
  const saitamaNewRule = koki && s.kokiRegion === "saitama" && s.asOf >= KOKI_NEW_RULE;
  const aged85 = s.birthDate != null && s.birthDate <= SAITAMA_85_BORN_BY;
  if (!mynaUsable || (koki && s.asOf <= KOKI_PROVISIONAL_END) || (saitamaNewRule && aged85)) return "automatic";
  if (s.difficultyUsingCard || (saitamaNewRule && !aged85)) return "application";
  return "notNeeded";
}

/** The three decisions for one situation, in the shape every implementation returns. */
export function decide(s) {
  const old = oldCard(s);
  const m = myna(s);
  return {
    oldCardValid: old ? old.valid : null,
    oldCardValidUntil: old ? old.until : null,
    mynahokenshoUsableUntil: m.until,
    kakuninshoRoute: route(s, m.usable),
  };
}
