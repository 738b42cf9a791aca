// Shared helpers for the page's browser tests: a static server for site/ on a free 127.0.0.1
// port, headless Debian Chromium through playwright-core, and a driver that answers the page's
// questions from a scenario's Situation. Expected texts are built here from the scenario's
// expectedSummary and the catalogs — never from what the page shows.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// www/ is the page's source (tests that read source files use it); site/ is what is deployed —
// www/ minified by scripts/make-site.mjs — and what every test that loads a page serves.
export const WWW = path.join(ROOT, "www");
export const SITE = path.join(ROOT, "site");
export const RESULTS = path.join(ROOT, "test-results");
fs.mkdirSync(RESULTS, { recursive: true });

const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` on 127.0.0.1:<free port>, and each `mounts` entry ("/prefix/" → folder) under
 * its prefix; `cors` adds `Access-Control-Allow-Origin: *` (a second origin serving the
 * element to a host page). Returns { url, close, hits } (hits counts requests). */
export async function serve(dir = SITE, mounts = {}, { cors = false } = {}) {
  const hits = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, "http://127.0.0.1");
    hits.push(u.pathname);
    const mount = Object.keys(mounts).find((m) => u.pathname.startsWith(m));
    const base = mount ? mounts[mount] : dir;
    let p = path.normalize(path.join(base, decodeURIComponent(mount ? u.pathname.slice(mount.length - 1) : u.pathname)));
    if (!p.startsWith(base)) { res.writeHead(403).end(); return; }
    if (p.endsWith(path.sep)) p = path.join(p, "index.html");
    fs.readFile(p, (err, body) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": MIME[path.extname(p)] || "application/octet-stream", "cache-control": "no-cache",
        ...(cors ? { "access-control-allow-origin": "*" } : {}) });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

export function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// --- catalogs and expected texts -------------------------------------------------------------------
export const CATALOGS = Object.fromEntries(["ja", "en", "ja-easy"].map((l) =>
  [l, JSON.parse(fs.readFileSync(path.join(ROOT, "locales", l + ".json"), "utf8"))]));

/** A catalog template as the text a reader sees (ruby bases only, parameters substituted). */
export function plain(lang, key, params = {}) {
  const tpl = CATALOGS[lang][key];
  if (tpl === undefined) throw new Error(`no ${key} in ${lang}`);
  return tpl.replace(/\{([^{}|]+)\|([^{}]+)\}/g, "$1").replace(/\{([A-Za-z0-9]+)\}/g, (m, n) => (n in params ? params[n] : m));
}

/** How a date is written on the page: 和暦 and 西暦 (computed here, independently of www/). */
export function expectedDate(iso, lang) {
  const [y, m, d] = iso.split("-").map(Number);
  const eras = [["令和", 2019, "2019-05-01"], ["平成", 1989, "1989-01-08"], ["昭和", 1926, "1926-12-25"], ["大正", 1912, "1912-07-30"]];
  const [name, start] = eras.find(([, , s]) => iso >= s);
  const ey = y - start + 1;
  const jp = `${name}${ey === 1 ? "元" : ey}年${m}月${d}日`;
  if (lang === "en") {
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    return `${d} ${months[m - 1]} ${y} (${jp})`;
  }
  return `${jp}(${y}年${m}月${d}日)`;
}

// --- the driver ----------------------------------------------------------------------------------------
const WESTERN = "western";

/**
 * Answers every question the page asks from `situation`, until the check-answers screen.
 * `how.dates`: "fields" (年/月/日 in 西暦) | "wareki" (年/月/日 switched to the era) | "text"
 * (the free-text box with 和暦 as printed); `how.keyboard`: use only the keyboard.
 * Returns the list of fields asked.
 */
export async function answerAll(page, situation, how = {}) {
  const asked = [];
  if (situation.asOf) await setAsOf(page, situation.asOf, how);
  // The start screen: whom the check is for, then 「始める」.
  if (await page.locator('form[data-screen="start"]').count()) {
    await pick(page, `q-who-${how.who || "self"}`, how);
    if (how.onStart) await how.onStart(page);
    if (how.keyboard) { await tabTo(page, "[data-action=start]"); await page.keyboard.press("Enter"); } else await page.click("[data-action=start]");
    await page.waitForFunction(() => !document.querySelector("hoken-check").shadowRoot.querySelector('form[data-screen="start"]'));
  }
  for (let i = 0; i < 40; i++) {
    const form = page.locator("form.question");
    await page.waitForSelector("form.question, dl.summary");
    if (!(await form.count())) break;
    const field = await form.getAttribute("data-field");
    asked.push(field);
    await answerOne(page, field, situation[field] === undefined ? null : situation[field], how);
    if (how.onScreen) await how.onScreen(page, field);
    await submit(page, how);
    await page.waitForFunction((f) => {
      const fm = document.querySelector("hoken-check").shadowRoot.querySelector("form.question");
      return !fm || fm.dataset.field !== f;
    }, field, { timeout: 5000 });
  }
  return asked;
}

/** The id of the focused element, inside open shadow roots too (the <hoken-check> element). */
export async function activeId(page) {
  return page.evaluate(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a && a.id; });
}

/** Presses Tab until the focused element matches `selector` (keyboard-only journeys). */
export async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return !!a && a.matches(sel);
    }, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function submit(page, how) {
  if (how.keyboard) {
    await tabTo(page, "form.question [data-action=continue]");
    await page.keyboard.press("Enter");
  } else {
    await page.click("form.question [data-action=continue]");
  }
}

async function pick(page, id, how) {
  if (!how.keyboard) return page.click(`label[for="${id}"]`);
  const type = await page.getAttribute("#" + id, "type");
  if (type === "checkbox") {
    await tabTo(page, "#" + id);
    await page.keyboard.press("Space");
    return;
  }
  // A radio group is one Tab stop; arrow keys move through it and select.
  const name = await page.getAttribute("#" + id, "name");
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let i = 0; i < 30 && (await activeId(page)) !== id; i++) await page.keyboard.press("ArrowDown");
  if (!(await page.isChecked("#" + id))) await page.keyboard.press("Space");
  if (!(await page.isChecked("#" + id))) throw new Error(`could not choose ${id} by keyboard`);
}

async function choose(page, sel, value, how) {
  if (!how.keyboard) return page.selectOption(sel, value);
  await tabTo(page, sel);
  for (const key of ["ArrowUp", "ArrowDown"]) {
    for (let i = 0; i < 8 && (await page.inputValue(sel)) !== value; i++) await page.keyboard.press(key);
  }
  if ((await page.inputValue(sel)) !== value) throw new Error(`could not choose ${value} in ${sel} by keyboard`);
}

export async function setAsOf(page, iso, how = {}) {
  if (how.keyboard) { await tabTo(page, "[data-action=change-date]"); await page.keyboard.press("Enter"); } else await page.click("[data-action=change-date]");
  await page.waitForSelector('form.question[data-field="asOf"]');
  await pick(page, "q-asOf-date", how);
  await fillDate(page, "q-asOf-d", iso, how);
  await submit(page, how);
  await page.waitForFunction(() => {
    const fm = document.querySelector("hoken-check").shadowRoot.querySelector("form.question");
    return !fm || fm.dataset.field !== "asOf";
  });
}

async function fillDate(page, id, iso, how) {
  const [y, m, d] = iso.split("-").map(Number);
  const type = async (sel, text) => {
    if (how.keyboard) {
      await tabTo(page, sel);
      await page.keyboard.press("Control+A");
      await page.keyboard.type(text);
    } else await page.fill(sel, text);
  };
  if (how.dates === "text") {
    const eras = [["令和", 2019, "2019-05-01"], ["平成", 1989, "1989-01-08"], ["昭和", 1926, "1926-12-25"]];
    const [name, start] = eras.find(([, , s]) => iso >= s) || ["", 0];
    // As printed on a card, in full-width digits: 令和７年１２月１日
    const fw = (n) => String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    await type(`#${id}-text`, name ? `${name}${fw(y - start + 1)}年${fw(m)}月${fw(d)}日` : `${y}/${m}/${d}`);
    return;
  }
  if (how.dates === "wareki" && iso >= "1926-12-25") {
    const eras = [["reiwa", 2019, "2019-05-01"], ["heisei", 1989, "1989-01-08"], ["showa", 1926, "1926-12-25"]];
    const [eraId, start] = eras.find(([, , s]) => iso >= s);
    await choose(page, `#${id}-cal`, eraId, how);
    await type(`#${id}-y`, String(y - start + 1));
  } else {
    await choose(page, `#${id}-cal`, WESTERN, how);
    await type(`#${id}-y`, String(y));
  }
  await type(`#${id}-m`, String(m));
  await type(`#${id}-day`, String(d));
}

async function answerOne(page, field, value, how) {
  const qid = "q-" + field;
  const has = async (id) => (await page.locator("#" + id).count()) > 0;
  if (field === "documentsPresented") {
    for (const t of value || []) await pick(page, `${qid}-${t}`, how);
    return;
  }
  if (value === "?") return pick(page, `${qid}-unknown`, how); // "I don't know"
  if (typeof value === "boolean") return pick(page, `${qid}-${value ? "yes" : "no"}`, how);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    await pick(page, `${qid}-date`, how);
    return fillDate(page, `${qid}-d`, value, how);
  }
  if (typeof value === "string") return pick(page, `${qid}-${value}`, how);
  // null: the question's "no / not printed / don't know / rather not say" answer.
  for (const id of ["no", "notPrinted", "unknown", "skip"]) {
    if (await has(`${qid}-${id}`)) return pick(page, `${qid}-${id}`, how);
  }
  throw new Error(`no way to answer ${field} = null`);
}

/** Scenarios by id from examples.json and tests/scenarios/*.json. */
export function scenarios() {
  const files = [path.join(ROOT, "tests/spec/examples.json"),
    ...fs.readdirSync(path.join(ROOT, "tests/scenarios")).filter((f) => f.endsWith(".json")).map((f) => path.join(ROOT, "tests/scenarios", f))];
  const all = {};
  for (const f of files) for (const sc of JSON.parse(fs.readFileSync(f, "utf8"))) all[sc.id] = sc;
  return all;
}

/** Text of an element with ruby readings (<rt>) left out, whitespace collapsed. */
export async function textOf(locator) {
  return locator.evaluate((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll("rt").forEach((r) => r.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  });
}

// --- what the answer page must show ----------------------------------------------------------------
/** The page's headline for one document card (ruby readings left out). */
async function headline(page, doc) {
  const card = page.locator(`[data-section=docs] [data-doc=${doc}]`);
  if (!(await card.count())) return null;
  return textOf(card.locator(".verdict-text"));
}

export async function checkAnswer(page, sc, lang) {
  const s = sc.expectedSummary;
  const sit = sc.situation;
  const d = (iso) => expectedDate(iso, lang);
  const P = (key, params) => plain(lang, key, params).replace(/\s+/g, " ").trim();
  const usable = P("ui.verdict.usable");
  const notUsable = P("ui.verdict.notUsable");
  const until = (iso) => P("ui.verdict.until", { date: d(iso) });
  const where = `${sc.id} (${lang})`;

  // 従来の保険証
  const old = await headline(page, "oldCard");
  if (s.oldCardValid === true) {
    assert.equal(old, s.oldCardValidUntil ? until(s.oldCardValidUntil) : usable, `${where}: old card headline`);
  } else if (s.oldCardValid === false) {
    assert.equal(old, notUsable, `${where}: old card headline`);
    const card = await textOf(page.locator("[data-section=docs] [data-doc=oldCard]"));
    // The end day of a card that no longer works is not asked for (it changes nothing); the
    // page says "by" the day it knows. While R-PROV-1 can still apply, it is asked.
    if (s.oldCardValidUntil && s.oldCardProvisionalAcceptance) assert.ok(card.includes(d(s.oldCardValidUntil)), `${where}: old card end date ${d(s.oldCardValidUntil)} in "${card}"`);
    // R-PROV-1: every window ends 2026-03-31 (RULES.md §2).
    const prov = P("ui.verdict.provisionalUntil", { date: d("2026-03-31") });
    assert.equal(card.includes(prov), s.oldCardProvisionalAcceptance === true, `${where}: provisional acceptance line`);
  } else {
    assert.ok(old === null || old === P("status.notHeld"), `${where}: no old card, got ${old}`);
  }

  // マイナ保険証
  const myna = await headline(page, "mynahokensho");
  if (s.mynahokenshoUsable) {
    assert.equal(myna, s.mynahokenshoUsableUntil ? until(s.mynahokenshoUsableUntil) : usable, `${where}: マイナ保険証 headline`);
  } else {
    assert.ok([null, notUsable, P("status.notHeld")].includes(myna), `${where}: マイナ保険証 not usable, got ${myna}`);
  }

  // 資格確認書 (valid: up to the printed expiry of the Situation)
  const kaku = await headline(page, "shikakuKakuninsho");
  if (s.kakuninshoValid) {
    assert.equal(kaku, sit.shikakuKakuninshoExpiry ? until(sit.shikakuKakuninshoExpiry) : usable, `${where}: 資格確認書 headline`);
  } else {
    assert.ok([null, notUsable, P("status.notHeld"), P("ui.verdict.whenArrives")].includes(kaku), `${where}: 資格確認書 not valid, got ${kaku}`);
  }

  // What to bring, best first
  const bring = await page.locator("[data-section=bring] .bring > li").evaluateAll((lis) => lis.map((li) => {
    const c = li.cloneNode(true); c.querySelectorAll("rt").forEach((r) => r.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  }));
  // The page asks only what can change the decision (src/guide.rs `decision`): the best
  // document is always right; the whole list of alternatives only where it is the answer
  // (school trip, nursery — R-OSHI-2).
  // A 資格確認書 not held yet is 「届いたら」, not something to bring today.
  const toShow = s.documentsToShow.filter((t) => t !== "shikakuKakuninsho" || s.kakuninshoValid);
  if (["schoolTrip", "nursery"].includes(sit.situation)) {
    assert.deepEqual(bring, toShow.map((t) => P("doc." + t)), `${where}: what to bring`);
  } else {
    assert.deepEqual(bring.slice(0, 1), toShow.slice(0, 1).map((t) => P("doc." + t)), `${where}: best document to bring`);
  }

  // Paying at the window (refund claims: 2 years, R-PROV-2). The page asks what is shown only
  // at a reader problem; otherwise the copay is for the best document held (a known gap for
  // scenarios about presenting a weaker document: see flow.test.mjs).
  const presented = (sit.documentsPresented || []).length && !["readerFailure", "noReader"].includes(sit.situation);
  if (presented) return;
  const copay = await textOf(page.locator("[data-section=copay] .copay-text"));
  assert.equal(copay, P("copay." + s.copay, { years: 2 }), `${where}: copay`);
  if (s.fullCostRisk === false) assert.equal(s.copay, "normal");
}

