// Catalogs, message rendering and dates for the page. Catalogs are flat key -> template maps
// (locales/*.json): `{name}` is a parameter, `{漢字|かな}` (ja-easy only) becomes <ruby>.

export const LANGS = ["ja", "en", "ja-easy"];
const catalogs = {};
const loaded = new Set(); // "ja", "batch-ja" …: the files already merged into catalogs
let current = "ja";

/** Loads a catalog once: from an inlined <script type="application/json"> (single-file
 * edition) or from locales/<lang>.json next to this module (never relative to a host page).
 * `part` "batch" adds the batch page's own texts (locales/batch-<lang>.json, `batch.*`), which
 * the check page never loads. */
export async function loadCatalog(lang, part = "") {
  const name = part ? `${part}-${lang}` : lang;
  if (loaded.has(name)) return catalogs[lang];
  const inlined = document.getElementById("catalog-" + name);
  let data;
  if (inlined) {
    data = JSON.parse(inlined.textContent);
  } else {
    const res = await fetch(new URL("./locales/" + name + ".json", import.meta.url));
    if (!res.ok) throw new Error("catalog " + name + ": HTTP " + res.status);
    data = await res.json();
  }
  catalogs[lang] = { ...catalogs[lang], ...data };
  loaded.add(name);
  return catalogs[lang];
}

/** Has loadCatalog(lang, part) finished (the page's catalog when `part` is left out)? */
export function hasCatalog(lang, part = "") { return loaded.has(part ? `${part}-${lang}` : lang); }
export function setLang(lang) { current = lang; }
export function lang() { return current; }

// --- dates ---------------------------------------------------------------------------------
// Era names for display and for the 年/月/日 era switch. Which era a day falls in, and its era
// year, come from the engine (toWareki), the one owner of calendar rules.
export const ERAS = [
  { id: "reiwa", name: "令和", kana: "れいわ" },
  { id: "heisei", name: "平成", kana: "へいせい" },
  { id: "showa", name: "昭和", kana: "しょうわ" },
  { id: "taisho", name: "大正", kana: "たいしょう" },
  { id: "meiji", name: "明治", kana: "めいじ" },
];

let engineToWareki = null;
/** Called once the engine is loaded: its toWareki(iso) → { era, year, month, day }. */
export function useCalendar(toWareki) { engineToWareki = toWareki; }

/** "2025-12-01" -> { era: { id, name, kana }, year: 7, month: 12, day: 1, western: 2025 }
 * (year 1 is written 元年). */
export function wareki(iso) {
  const w = engineToWareki(iso);
  return { era: ERAS.find((e) => e.id === w.era), year: w.year, month: w.month, day: w.day, western: Number(iso.slice(0, 4)) };
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** A date as parts (strings and ruby pairs) in the given language, 和暦 and 西暦 together. */
export function dateParts(iso, lg = current, inBrackets = false) {
  const w = wareki(iso);
  const ey = w.year === 1 ? "元" : String(w.year);
  const jp = `${ey}年${w.month}月${w.day}日`;
  const west = `${w.western}年${w.month}月${w.day}日`;
  // The second calendar is a { aside } part: the same text, shown a little smaller.
  if (lg === "en") {
    return [`${w.day} ${MONTHS_EN[w.month - 1]} ${w.western}`, { aside: inBrackets ? `, ${w.era.name}${jp}` : ` (${w.era.name}${jp})` }];
  }
  const second = { aside: inBrackets ? `、${west}` : `(${west})` };
  if (lg === "ja-easy") return [{ base: w.era.name, rt: w.era.kana }, jp, second];
  return [`${w.era.name}${jp}`, second];
}

const plainPart = (p) => (typeof p === "string" ? p : p.date ? p.date.map(plainPart).join("") : p.aside !== undefined ? p.aside : p.base);


/** Today's calendar date in Japan, YYYY-MM-DD, whatever the device's time zone. */
export function todayInJapan(now = new Date()) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit",
  }).formatToParts(now);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// --- messages ---------------------------------------------------------------------------------
const DATE_PARAMS = new Set(["date", "until", "expiry", "from", "cap"]);
const TOKEN_RE = /\{([^{}|]+)\|([^{}]+)\}|\{([A-Za-z][A-Za-z0-9]*)\}/g;

// Page texts that name a rule date take it from the engine's rule data (rulesInfo().params),
// never from the catalog text: message key → parameter name in src/params.toml.
const RULE_DATE_OF = {
  "ui.q.oldCardIssuedBy20241201.title": "old_card_last_issue_day",
  "ui.q.oldCardIssuedBy20241201.hint": "abolition",
  "ui.q.kokiRegion.hint": "saitama_age_reference",
  "ui.q.registrationCancelledDate.hint": "cancel_accepted_from",
  "ui.q.smartphone.hint": "smartphone_start",
};
let ruleDates = {};
/** Called once the engine is loaded, with rulesInfo().params. */
export function useRuleDates(params) {
  ruleDates = Object.fromEntries(params.map((p) => [p.name, p.value]));
}

/** The template of `key` as parts: strings and { base, rt } ruby pairs. Unknown keys show the
 * key itself (a visible, harmless fallback). */
export function parts(key, params = {}, lg = current) {
  if (RULE_DATE_OF[key] && params.date === undefined) params = { ...params, date: ruleDates[RULE_DATE_OF[key]] };
  const cat = catalogs[lg] || catalogs.ja || {};
  const tpl = cat[key] ?? key;
  const out = [];
  let last = 0;
  for (const m of tpl.matchAll(TOKEN_RE)) {
    if (m.index > last) out.push(tpl.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) { out.push({ base: m[1], rt: m[2] }); continue; }
    const name = m[3];
    const v = params[name];
    if (v === undefined || v === null) out.push(m[0]);
    else if (DATE_PARAMS.has(name) && /^\d{4}-\d{2}-\d{2}$/.test(String(v))) {
      // Inside brackets in the template, the second calendar follows a comma instead of
      // nesting another pair of brackets.
      const before = tpl.slice(0, m.index);
      const inBrackets = (before.match(/[(（]/g) || []).length > (before.match(/[)）]/g) || []).length;
      out.push({ date: dateParts(String(v), lg, inBrackets) });
    }
    else if (name === "which") out.push(...parts("token." + v, {}, lg));
    else out.push(String(v));
  }
  if (last < tpl.length) out.push(tpl.slice(last));
  return out;
}

// Japanese inside an English text (document names, 和暦) is marked lang="ja", so screen
// readers and fonts treat it as Japanese.
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef](?:[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef0-9・ ]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])?/g;
function textNodes(text, lg) {
  if (lg !== "en") return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(CJK)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const span = document.createElement("span");
    span.lang = "ja";
    span.textContent = m[0];
    out.push(span);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function partsToNodes(ps, lg = current) {
  const frag = document.createDocumentFragment();
  for (const p of ps) {
    if (typeof p === "string") { frag.append(...textNodes(p, lg)); continue; }
    if (p.date) {
      // A date never breaks inside one calendar's writing (each part stays on one line).
      const span = document.createElement("span");
      span.className = "date";
      const main = document.createElement("span");
      main.className = "nowrap";
      main.append(partsToNodes(p.date.filter((q) => q.aside === undefined), lg));
      span.append(main);
      for (const q of p.date.filter((x) => x.aside !== undefined)) {
        const piece = document.createElement("span");
        piece.className = "aside nowrap";
        piece.append(partsToNodes([q.aside], lg));
        span.append(piece);
      }
      frag.append(span);
      continue;
    }
    const r = document.createElement("ruby");
    const rt = document.createElement("rt");
    rt.textContent = p.rt;
    r.append(p.base, rt);
    frag.append(r);
  }
  return frag;
}

/** A message as DOM nodes (with <ruby> for ja-easy). */
export function msg(key, params, lg) { return partsToNodes(parts(key, params, lg), lg || current); }
/** A message as plain text (ruby bases only): titles, aria labels, calendar files. */
export function txt(key, params, lg) {
  return parts(key, params, lg).map(plainPart).join("");
}
/** A date as DOM nodes. */
export function dateNodes(iso, lg) { return partsToNodes([{ date: dateParts(iso, lg) }], lg || current); }
