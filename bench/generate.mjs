// 100,000 seeded situations (CONTRACT.md fields) for the peers benchmark. Deterministic: the same
// seed gives the same list on every machine. Spread over the dates where the three decisions
// change (2024-12-02 abolition, 2025-12-01 cap, 2026-07-31 後期 provisional end, grace ends …).
//
// Simplifications, each outside the three decisions or written down in BENCHMARKS.md:
// birth days are 1–28 (no 29 February birthdays), situation is normal / lostMyNumberCard /
// lostOldCard, documentsPresented is empty, the fields that only affect other outputs
// (smartphone, お知らせ, 資格確認書 held …) keep their defaults, and My Number card / e-cert
// expiries start at 2024-12-02 (for an earlier expiry CONTRACT.md says "no grace"; the engine did
// not do that when this bench was written and does now — see BENCHMARKS.md).

import { rng } from "../scripts/rng.mjs"; // mulberry32, shared with the JS bench and tests

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const ms = (d) => Date.parse(`${d}T00:00:00Z`);

const INSURERS = ["kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"];

export function generate(n = 100_000, seed = 20261129) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  const between = (a, b) => iso(ms(a) + Math.floor(r() * ((ms(b) - ms(a)) / DAY + 1)) * DAY);
  const birth = (fromYear, toYear) => {
    const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  // Month ends and the rule dates themselves are over-represented: that is where rules turn.
  const EDGES = ["2024-12-01", "2024-12-02", "2025-07-31", "2025-08-01", "2025-12-01", "2025-12-02", "2026-03-31", "2026-07-31", "2026-08-01"];
  const edgy = (a, b) => {
    const x = r();
    if (x < 0.1) return pick(EDGES.filter((d) => d >= a && d <= b));
    if (x < 0.2) {
      const d = between(a, b);
      return iso(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)); // that month's last day
    }
    return between(a, b);
  };

  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const insurerKind = pick(INSURERS);
    const koki = insurerKind === "kokiKoreisha";
    const s = { asOf: edgy("2024-10-01", "2027-12-31"), insurerKind };
    s.birthDate = koki ? birth(1925, 1951) : chance(0.85) ? birth(1938, 2006) : null;
    if (koki) s.kokiRegion = pick(["saitama", "other", null]);
    s.oldCardHeld = chance(0.7);
    if (s.oldCardHeld) {
      s.oldCardPrintedExpiry = chance(0.4) ? null : edgy("2024-06-01", "2027-06-30");
      if (chance(0.03)) s.oldCardIssuedBy20241201 = false;
      s.qualificationLostDate = chance(0.8) ? null : edgy("2024-01-01", "2027-06-30");
      s.cardDataChangeDate = chance(0.85) ? null : edgy("2024-01-01", "2027-06-30");
    }
    s.hasMyNumberCard = chance(0.75);
    if (s.hasMyNumberCard) {
      s.registeredForInsurance = chance(0.8);
      s.ecertExpiry = chance(0.2) ? null : edgy("2024-12-02", "2030-12-31");
      s.myNumberCardExpiry = chance(0.3) ? null : edgy("2024-12-02", "2034-12-31");
      s.registrationCancelledDate = chance(0.9) ? null : edgy("2024-10-28", "2027-06-30");
    }
    s.difficultyUsingCard = chance(0.1);
    const x = r();
    s.situation = x < 0.05 ? "lostMyNumberCard" : x < 0.1 ? "lostOldCard" : "normal";
    out[i] = s;
  }
  return out;
}
