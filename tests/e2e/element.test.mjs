// The <hoken-check> element on an insurer's page (issue 8 part 1; INTERFACE.md): a hostile host
// page, a strict CSP, two elements with different packs, every example pack, an invalid pack,
// the opt-in result event, and no request outside the element's origin and the pack's URL.
// Expected texts come from the catalogs and the packs themselves, never from running the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, answerAll, plain, textOf, ROOT, RESULTS } from "./helpers.mjs";

const FIXTURES = path.join(ROOT, "tests/e2e/fixtures");
const PACKS = path.join(ROOT, "packs");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const EXAMPLE_PACKS = fs.readdirSync(PACKS).filter((f) => f.endsWith(".json") && f !== "pack.schema.json").sort();
let srv, browser;
before(async () => {
  srv = await serve(undefined, { "/fixtures/": FIXTURES, "/packs/": PACKS });
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); });

async function open(url, { viewport = { width: 390, height: 844 }, csp } = {}) {
  const ctx = await browser.newContext({ viewport, serviceWorkers: "block" });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  if (csp) {
    await page.route((u) => u.pathname.startsWith("/fixtures/") && u.pathname.endsWith(".html"), async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), "content-security-policy": csp } });
    });
  }
  await page.goto(srv.url + url);
  return { ctx, page, errors, requests };
}

/** The first screen of element `sel` is shown (its ready promise resolved). */
async function ready(page, sel = "hoken-check") {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el && el.shadowRoot && el.shadowRoot.querySelector("h1, form");
  }, sel);
  await page.evaluate((s) => document.querySelector(s).ready, sel);
}

/**
 * Answers element `sel`'s questions from `answers` (field → radio id suffix; otherwise "no",
 * then "unknown", then the first choice) up to its answer. Returns the fields asked.
 */
async function walkElement(page, sel, answers = {}, { started = false } = {}) {
  const el = page.locator(sel);
  const asked = [];
  if (!started) await el.locator("[data-action=start]").click();
  for (let i = 0; i < 30; i++) {
    await el.locator("form.question, dl.summary").first().waitFor();
    const form = el.locator("form.question");
    if (!(await form.count())) break;
    const field = await form.getAttribute("data-field");
    asked.push(field);
    const ids = await form.locator("input[type=radio], input[type=checkbox]").evaluateAll((xs) => xs.map((x) => x.id));
    const want = [answers[field], "no", "unknown", "skip", "normal"].filter(Boolean).map((s) => `q-${field}-${s}`);
    const id = want.find((w) => ids.includes(w)) || ids[0];
    if (!(await el.locator("#" + id).isChecked())) await el.locator(`label[for="${id}"]`).click();
    await el.locator("form.question [data-action=continue]").click();
    await page.waitForFunction(([s, f]) => {
      const fm = document.querySelector(s).shadowRoot.querySelector("form.question");
      return !fm || fm.dataset.field !== f;
    }, [sel, field]);
  }
  await el.locator("[data-action=see-answer]").click();
  await el.locator("[data-section=docs]").waitFor();
  return asked;
}

/** Pixels of two PNG screenshots that differ noticeably, as a fraction (compared in Chromium). */
async function pixelDiff(page, a, b) {
  return page.evaluate(async ([da, db]) => {
    const load = (src) => new Promise((res, rej) => { const i = new Image(); i.onload = () => res(i); i.onerror = rej; i.src = src; });
    const [ia, ib] = await Promise.all([load(da), load(db)]);
    // The element may sit at a fractional offset on one page: a pixel more or less is rounding.
    const sizes = [ia.width, ia.height, ib.width, ib.height];
    if (Math.abs(ia.width - ib.width) > 2 || Math.abs(ia.height - ib.height) > 2) return { sizes, frac: 1 };
    const w = Math.min(ia.width, ib.width), hh = Math.min(ia.height, ib.height);
    const px = (img) => {
      const c = document.createElement("canvas");
      c.width = w; c.height = hh;
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, w, hh).data;
    };
    const pa = px(ia), pb = px(ib);
    // ... and a whole-page shift by a pixel or two is not a difference in how it looks.
    let best = 1;
    for (let dy = -2; dy <= 2; dy++) {
      let diff = 0, n = 0;
      for (let y = Math.max(0, -dy); y < hh - Math.max(0, dy); y++) {
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4, j = ((y + dy) * w + x) * 4;
          n++;
          if (Math.abs(pa[i] - pb[j]) > 40 || Math.abs(pa[i + 1] - pb[j + 1]) > 40 || Math.abs(pa[i + 2] - pb[j + 2]) > 40) diff++;
        }
      }
      best = Math.min(best, diff / n);
    }
    return { frac: best, sizes };
  }, [a, b].map((buf) => "data:image/png;base64," + buf.toString("base64")));
}

// --- a hostile host page ---------------------------------------------------------------------------
test("a hostile host page (global CSS, 62.5 % root font, globals, Array.prototype patch): the element looks the same, completes a journey and passes axe", async () => {
  const shots = {};
  for (const name of ["clean", "hostile"]) {
    const { ctx, page, errors } = await open(`fixtures/${name}.html`);
    await ready(page);
    const el = page.locator("hoken-check");
    shots[name] = { start: await el.screenshot() };
    fs.writeFileSync(path.join(RESULTS, `element-${name}-start.png`), shots[name].start);
    // The same journey on both: the start screen, then one question screen with a drawing.
    await el.locator("[data-action=start]").click();
    await el.locator("form.question").waitFor();
    shots[name].question = await el.screenshot();
    fs.writeFileSync(path.join(RESULTS, `element-${name}-question.png`), shots[name].question);
    if (name === "hostile") {
      // The host's patch is there (and enumerable); the element does not mind.
      assert.equal(await page.evaluate(() => Object.keys([1]).join() + "|" + (() => { const o = []; for (const k in [1]) o.push(k); return o.join(); })()), "0|0,last");
      const asked = await walkElement(page, "hoken-check", {}, { started: true });
      assert.ok(asked.length >= 1, "at least one question asked");
      await el.locator("[data-section=todo]").waitFor();
      // The element (the host page's own deliberately bad CSS is not ours to check).
      const r = await new AxeBuilder({ page }).include("hoken-check").withTags(TAGS).analyze();
      const v = r.violations.map((x) => `${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      assert.deepEqual(v, [], "axe on the hostile page's answer");
      // The host's globals are untouched and were never called.
      assert.deepEqual(await page.evaluate(() => [window.state.hijacked, window.lang, window.app]), [true, "xx", "host app"]);
    }
    assert.deepEqual(errors, [], `${name}: no page errors`);
    await ctx.close();
  }
  const cmp = await browser.newPage();
  for (const screen of ["start", "question"]) {
    const d = await pixelDiff(cmp, shots.clean[screen], shots.hostile[screen]);
    // Tolerance: anti-aliasing only (at most 0.5 % of the pixels).
    assert.ok(d.frac <= 0.005, `${screen} screen differs on the hostile page: ${JSON.stringify(d)}`);
  }
  await cmp.close();
});

// --- a strict CSP -----------------------------------------------------------------------------------
// What a host must allow for the element (docs/element.md): the loader's origin in script-src and
// connect-src (engine, catalogs, pack) and 'wasm-unsafe-eval'. No style-src: the element's styles
// are a constructable stylesheet, which CSP does not govern — so style-src 'none' here.
const STRICT = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";

test("under a strict host CSP (script-src 'self' 'wasm-unsafe-eval', style-src 'none') the element works and is styled", async () => {
  const { ctx, page, errors } = await open("fixtures/element.html?el=" + encodeURIComponent("lang=ja&as-of=2026-11-30"), { csp: STRICT });
  await ready(page);
  const el = page.locator("hoken-check");
  // Styled: the start button has the accent colour (#0017c1) and white text.
  const bg = await el.locator("[data-action=start]").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, "rgb(0, 23, 193)");
  await walkElement(page, "hoken-check", {});
  assert.ok((await textOf(el.locator("[data-section=todo] h2"))) === plain("ja", "ui.todo.title"));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("the same host without 'wasm-unsafe-eval': the element says so itself, in its own box", async () => {
  const csp = STRICT.replace(" 'wasm-unsafe-eval'", "");
  for (const lang of ["ja", "en"]) {
    const { ctx, page } = await open("fixtures/element.html?el=" + encodeURIComponent(`lang=${lang}`), { csp });
    const box = page.locator("hoken-check [data-no-engine]");
    await box.waitFor();
    assert.equal(await box.getAttribute("data-no-engine"), "csp");
    assert.equal((await textOf(box)), plain(lang, "ui.element.noEngineCsp"));
    assert.equal(await page.evaluate(() => document.querySelector("hoken-check").ready.then(() => "ok", (e) => e.code)), "wasmBlockedByCsp");
    await ctx.close();
  }
});

// --- attributes ----------------------------------------------------------------------------------------
test("insurer-kind skips the insurer question; lang and as-of are followed", async () => {
  // 2025-11-30, a traditional card held: the insurer kind matters (R-OLD-5), so it is asked
  // without the attribute and never with it.
  const answers = { oldCardHeld: "yes" };
  const asked = {};
  for (const kind of [null, "kokuho"]) {
    const attrs = new URLSearchParams({ lang: "en", "as-of": "2025-11-30" });
    if (kind) attrs.set("insurer-kind", kind);
    const { ctx, page } = await open("fixtures/element.html?el=" + encodeURIComponent(attrs.toString()));
    await ready(page);
    const el = page.locator("hoken-check");
    assert.equal(await textOf(el.locator("h1")), plain("en", "ui.start.title"));
    assert.ok((await textOf(el.locator(".as-of"))).includes("30 November 2025"));
    asked[kind || "none"] = await walkElement(page, "hoken-check", answers);
    await ctx.close();
  }
  assert.ok(asked.none.includes("insurerKind"), asked.none.join());
  assert.ok(!asked.kokuho.includes("insurerKind"), asked.kokuho.join());
});

test("events=\"summary\": the result event carries only the summary; without the attribute no event at all", async () => {
  const expectedKeys = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/spec/examples.json"), "utf8"))[0].expectedSummary).sort();
  const el1 = new URLSearchParams({ id: "with", lang: "ja", "as-of": "2026-11-30", events: "summary" }).toString();
  const el2 = new URLSearchParams({ id: "without", lang: "ja", "as-of": "2026-11-30" }).toString();
  const { ctx, page } = await open(`fixtures/element.html?el=${encodeURIComponent(el1)}&el=${encodeURIComponent(el2)}`);
  await ready(page, "#with");
  await ready(page, "#without");
  // No card, no 資格確認書, no old card: the copay is the full cost (RULES.md §10).
  await walkElement(page, "#without", {});
  await walkElement(page, "#with", {});
  const events = await page.evaluate(() => window.hcEvents);
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0].id, "with");
  assert.deepEqual(Object.keys(events[0].detail).sort(), expectedKeys);
  assert.equal(events[0].detail.copay, "fullCostPossible");
  assert.equal(events[0].detail.mynahokenshoUsable, false);
  await ctx.close();
});

// --- packs -------------------------------------------------------------------------------------------------
test("two elements with different packs on one page answer independently", async () => {
  const inline = JSON.parse(fs.readFileSync(path.join(FIXTURES, "two-packs.html"), "utf8").match(/<script type="application\/json" id="test-pack">([\s\S]*?)<\/script>/)[1]);
  const knt = JSON.parse(fs.readFileSync(path.join(PACKS, "kenpo-kumiai-knt.json"), "utf8"));
  const { ctx, page, errors } = await open("fixtures/two-packs.html", { viewport: { width: 1280, height: 900 } });
  await ready(page, "#a");
  await ready(page, "#b");
  const a = page.locator("#a"), b = page.locator("#b");
  // One after the other, then A again (its card): each call passes its own pack.
  const askedA = await walkElement(page, "#a", {});
  const askedB = await walkElement(page, "#b", {});
  assert.ok(!askedA.includes("insurerKind") && !askedB.includes("insurerKind"));
  const ta = await textOf(a.locator("#app")), tb = await textOf(b.locator("#app"));
  assert.ok(ta.includes(inline.who.name) && !ta.includes(knt.who.name), ta);
  assert.ok(tb.includes(knt.who.name) && !tb.includes(inline.who.name), tb);
  // Languages stay apart too.
  assert.equal(await textOf(a.locator("[data-section=todo] h2")), plain("ja", "ui.todo.title"));
  assert.equal(await textOf(b.locator("[data-section=todo] h2")), plain("en", "ui.todo.title"));
  // On an insurer's page there is no page footer: each answer carries the caveat itself.
  assert.equal(await textOf(a.locator("[data-disclaimer]")), plain("ja", "ui.app.disclaimer"));
  assert.equal(await textOf(b.locator("[data-disclaimer]")), plain("en", "ui.app.disclaimer"));
  // Every contact field of the inline pack, on A's answer.
  for (const k of ["phone", "hours", "counter", "web"]) {
    assert.ok((await textOf(a.locator(`[data-where=insurer] [data-contact=${k}]`))).includes(inline.contact[k]), k);
  }
  assert.equal(await a.locator("[data-where=insurer] [data-contact=phone] a").getAttribute("href"), "tel:" + inline.contact.phone.replace(/[^0-9+]/g, ""));
  // A again after B ran with its pack: A still answers with its own.
  await a.locator("[data-action=reception]").click();
  assert.ok((await textOf(a.locator("[data-section=reception-insurer] + ul"))).includes(inline.who.name));
  assert.deepEqual(errors, []);
  await ctx.close();
});

for (const file of EXAMPLE_PACKS) {
  test(`example pack ${file}: no insurer question, the insurer's name and contact on the answer and on the print card`, async () => {
    const pack = JSON.parse(fs.readFileSync(path.join(PACKS, file), "utf8"));
    // 2025-11-30 with a traditional card: without a pack the insurer kind is asked (R-OLD-5).
    const attrs = new URLSearchParams({ lang: "ja", "as-of": "2025-11-30", pack: `/packs/${file}` });
    const { ctx, page, errors, requests } = await open("fixtures/element.html?el=" + encodeURIComponent(attrs.toString()));
    await ready(page);
    const el = page.locator("hoken-check");
    assert.equal(await el.locator(".pack-error").count(), 0);
    const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes" });
    assert.ok(!asked.includes("insurerKind"), asked.join());
    assert.ok(!asked.includes("kokiRegion"), asked.join());
    assert.ok((await textOf(el.locator("[data-insurer]"))).includes(pack.who.name));
    const where = el.locator("[data-where=insurer]");
    assert.ok((await textOf(where)).includes(pack.who.name));
    assert.equal(await where.locator("[data-contact=web] a").getAttribute("href"), pack.contact.web);
    // The reception card, printed.
    await el.locator("[data-action=reception]").click();
    await el.locator(".reception").waitFor();
    await page.emulateMedia({ media: "print" });
    const card = el.locator(".reception");
    assert.ok(await card.isVisible());
    assert.ok((await textOf(card)).includes(pack.who.name));
    assert.ok(await card.locator(`[data-contact=web] a[href="${pack.contact.web}"]`).isVisible());
    assert.equal(await el.locator("[data-action=close]").isVisible(), false, "buttons are not printed");
    fs.writeFileSync(path.join(RESULTS, `element-print-${file.replace(/\.json$/, "")}.pdf`), await page.pdf({ format: "A4" }));
    // Requests: the element's own origin only (loader, UI, engine, catalog, the pack).
    const origins = [...new Set(requests.map((u) => new URL(u).origin))];
    assert.deepEqual(origins, [new URL(srv.url).origin]);
    // Counted: the host's two files, then each of the element's files once — its modules, the
    // engine, one catalog (the page's language only) and the pack; nothing else.
    const paths = requests.map((u) => new URL(u).pathname);
    const own = paths.filter((p) => !p.startsWith("/fixtures/"));
    assert.deepEqual(paths.filter((p) => p.startsWith("/fixtures/")), ["/fixtures/element.html", "/fixtures/element-host.js"]);
    assert.equal(new Set(own).size, own.length, `each file once: ${own.join(" ")}`);
    assert.deepEqual(own.filter((p) => p.startsWith("/locales/")), ["/locales/ja.json"]);
    assert.deepEqual(own.filter((p) => p.startsWith("/packs/")), [`/packs/${file}`]);
    assert.ok(own.every((p) => /^\/(?:[\w-]+\.js|pkg-pack\/[\w-]+\.(?:js|wasm)|locales\/ja\.json|packs\/[\w-]+\.json)$/.test(p)), own.join(" "));
    // With a pack only the full engine (pkg-pack/): nothing of the small one (pkg/).
    assert.ok(own.includes("/pkg-pack/hoken_check_bg.wasm"), own.join(" "));
    console.log(`${file}: ${own.length} requests by the element: ${own.join(" ")}`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test("an invalid pack: a visible error naming the field, and the element works without it", async () => {
  const good = JSON.parse(fs.readFileSync(path.join(PACKS, "kokuho-shibuya.json"), "utf8"));
  const bad = { ...good, contact: { ...good.contact, phone: "call us!" } };
  const url = "data:application/json," + encodeURIComponent(JSON.stringify(bad));
  for (const lang of ["ja", "en"]) {
    const attrs = new URLSearchParams({ lang, "as-of": "2025-11-30", pack: url });
    const { ctx, page, errors } = await open("fixtures/element.html?el=" + encodeURIComponent(attrs.toString()));
    await ready(page);
    const el = page.locator("hoken-check");
    const box = el.locator(".pack-error");
    assert.ok(await box.isVisible());
    assert.equal(await box.getAttribute("data-field"), "contact.phone");
    const text = await textOf(box);
    assert.ok(text.includes(plain(lang, "ui.pack.invalid")) && text.includes("contact.phone"), text);
    // It still works — without the pack, so the insurer kind is asked again.
    const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes", insurerKind: "kokuho" });
    assert.ok(asked.includes("insurerKind"));
    assert.equal(await el.locator("[data-insurer]").count(), 0);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test("theming: the seven --hoken-check-* properties reach the element's design tokens", async () => {
  const style = "--hoken-check-accent: #006633; --hoken-check-accent-text: #ffff00; --hoken-check-background: #fafaf0; "
    + "--hoken-check-text: #222244; --hoken-check-font-family: serif; --hoken-check-font-size: 24px; --hoken-check-radius: 2px";
  const attrs = new URLSearchParams({ lang: "ja", style });
  const { ctx, page } = await open("fixtures/element.html?el=" + encodeURIComponent(attrs.toString()));
  await ready(page);
  const got = await page.locator("hoken-check [data-action=start]").evaluate((b) => {
    const s = getComputedStyle(b), root = getComputedStyle(b.getRootNode().getElementById("app"));
    const h1 = getComputedStyle(b.getRootNode().querySelector("h1"));
    return { bg: s.backgroundColor, color: s.color, radius: s.borderTopLeftRadius, page: root.backgroundColor, text: root.color,
      font: root.fontFamily, size: root.fontSize, h1: Math.round(parseFloat(h1.fontSize) * 100) / 100 };
  });
  assert.deepEqual(got, { bg: "rgb(0, 102, 51)", color: "rgb(255, 255, 0)", radius: "2px", page: "rgb(250, 250, 240)",
    text: "rgb(34, 34, 68)", font: "serif", size: "24px",
    // h1 is the token font-size-28: 1.75 × the base unit (font size / 1.125).
    h1: Math.round((1.75 * 24 / 1.125) * 100) / 100 });
  await ctx.close();
});

test("the standalone page maps its query onto the element (a pack only as a URL, never #id)", async () => {
  const pack = JSON.parse(fs.readFileSync(path.join(PACKS, "kokuho-shibuya.json"), "utf8"));
  const { ctx, page, errors, requests } = await open("?lang=en&as-of=2025-11-30&insurer-kind=kokuho&pack=/packs/kokuho-shibuya.json");
  await page.waitForSelector("html[data-ready]");
  await page.waitForSelector("html[data-freshness]", { state: "attached" });
  const attrs = await page.evaluate(() => Object.fromEntries(["lang", "as-of", "insurer-kind", "pack"].map((a) => [a, document.querySelector("hoken-check").getAttribute(a)])));
  assert.deepEqual(attrs, { lang: "en", "as-of": "2025-11-30", "insurer-kind": "kokuho", pack: "/packs/kokuho-shibuya.json" });
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes" });
  assert.ok(!asked.includes("insurerKind"));
  assert.ok((await textOf(page.locator("hoken-check [data-insurer]"))).includes(pack.who.name));
  // Only the full engine's module: index.html preloads pkg/'s scripts, but its .wasm is never
  // fetched (freshness.js asks the engine in use, too).
  const wasms = requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".wasm"));
  assert.deepEqual(wasms, ["/pkg-pack/hoken_check_bg.wasm"]);
  // The footer links the batch page.
  assert.equal(await page.locator(".site-footer a[href='batch.html']").textContent(), plain("en", "ui.footer.batch"));
  await ctx.close();
  const second = await open("?pack=%23anything");
  await second.page.waitForSelector("html[data-ready]");
  assert.equal(await second.page.evaluate(() => document.querySelector("hoken-check").hasAttribute("pack")), false);
  await second.ctx.close();
  assert.deepEqual(errors, []);
});

test("loaded from another origin (as on an insurer's page): everything the element needs comes from the loader's origin, the pack from the host's", async () => {
  const other = await serve(undefined, {}, { cors: true });
  try {
    const loader = other.url + "hoken-check-element.js";
    const attrs = new URLSearchParams({ lang: "ja", "as-of": "2025-11-30", pack: "/packs/koki-saitama.json" });
    const { ctx, page, errors, requests } = await open(`fixtures/element.html?loader=${encodeURIComponent(loader)}&el=${encodeURIComponent(attrs.toString())}`);
    await ready(page);
    const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes" });
    assert.ok(!asked.includes("insurerKind"));
    const host = new URL(srv.url).origin, el = new URL(other.url).origin;
    const byOrigin = (o) => requests.filter((u) => new URL(u).origin === o).map((u) => new URL(u).pathname);
    assert.deepEqual(byOrigin(host), ["/fixtures/element.html", "/fixtures/element-host.js", "/packs/koki-saitama.json"]);
    const mine = byOrigin(el);
    assert.ok(mine.includes("/hoken-check-element.js") && mine.includes("/pkg-pack/hoken_check_bg.wasm") && mine.includes("/locales/ja.json"), mine.join(" "));
    assert.ok(!mine.some((p) => p.startsWith("/pkg/")), `with a pack, nothing of pkg/: ${mine.join(" ")}`);
    assert.equal(requests.length, byOrigin(host).length + mine.length, "no third origin");
    assert.deepEqual(errors, []);
    await ctx.close();
  } finally {
    await other.close();
  }
});

// --- the two engine builds (docs/perf.md): pkg/ without the pack reader, pkg-pack/ with it ----------------
const paths = (requests) => requests.map((u) => new URL(u).pathname);

test("the page without a pack loads the small engine (pkg/) and nothing under pkg-pack/", async () => {
  const { ctx, page, errors, requests } = await open("?as-of=2025-11-30");
  await page.waitForSelector("html[data-ready]");
  await page.waitForSelector("html[data-catalogs]", { state: "attached" });
  await page.waitForSelector("html[data-freshness]", { state: "attached" });
  const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes", insurerKind: "kokuho" });
  assert.ok(asked.includes("insurerKind"));
  const own = paths(requests);
  assert.ok(own.includes("/pkg/hoken_check_bg.wasm"), own.join(" "));
  assert.deepEqual(own.filter((p) => p.startsWith("/pkg-pack/")), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("one element with a pack and one without on one page: each its own engine, each answers", async () => {
  const pack = JSON.parse(fs.readFileSync(path.join(PACKS, "kokuho-shibuya.json"), "utf8"));
  const a = new URLSearchParams({ id: "plain", lang: "ja", "as-of": "2025-11-30" });
  const b = new URLSearchParams({ id: "packed", lang: "ja", "as-of": "2025-11-30", pack: "/packs/kokuho-shibuya.json" });
  const { ctx, page, errors, requests } = await open(`fixtures/element.html?el=${encodeURIComponent(a)}&el=${encodeURIComponent(b)}`,
    { viewport: { width: 1280, height: 900 } });
  await ready(page, "#plain");
  await ready(page, "#packed");
  const askedA = await walkElement(page, "#plain", { oldCardHeld: "yes", insurerKind: "kokuho" });
  const askedB = await walkElement(page, "#packed", { oldCardHeld: "yes" });
  assert.ok(askedA.includes("insurerKind") && !askedB.includes("insurerKind"), `${askedA} / ${askedB}`);
  assert.equal(await page.locator("#plain [data-insurer]").count(), 0);
  assert.ok((await textOf(page.locator("#packed [data-insurer]"))).includes(pack.who.name));
  // The plain one again, after the packed one ran: still without a pack.
  await page.locator("#plain [data-action=reception]").click();
  assert.ok(!(await textOf(page.locator("#plain .reception"))).includes(pack.who.name));
  const wasms = paths(requests).filter((p) => p.endsWith(".wasm")).sort();
  assert.deepEqual(wasms, ["/pkg-pack/hoken_check_bg.wasm", "/pkg/hoken_check_bg.wasm"]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a pack attribute set after the element started: it switches to the full engine and uses the pack", async () => {
  const pack = JSON.parse(fs.readFileSync(path.join(PACKS, "kokuho-shibuya.json"), "utf8"));
  const attrs = new URLSearchParams({ lang: "ja", "as-of": "2025-11-30" });
  const { ctx, page, errors, requests } = await open("fixtures/element.html?el=" + encodeURIComponent(attrs.toString()));
  await ready(page);
  assert.deepEqual(paths(requests).filter((p) => p.startsWith("/pkg-pack/")), [], "no full engine before a pack");
  const engine = page.waitForResponse((r) => r.url().endsWith("/pkg-pack/hoken_check_bg.wasm"));
  const packFile = page.waitForResponse((r) => r.url().endsWith("/packs/kokuho-shibuya.json"));
  await page.evaluate(() => document.querySelector("hoken-check").setAttribute("pack", "/packs/kokuho-shibuya.json"));
  await Promise.all([engine, packFile]);
  // The module compiles, then the pack is validated and applied (a performance mark), and the
  // screen is redrawn — waited for, not timed, so a slow machine cannot fail it.
  await page.waitForFunction(() => performance.getEntriesByName("hc-pack-applied").length === 1);
  const el = page.locator("hoken-check");
  assert.equal(await el.locator(".pack-error").count(), 0);
  const asked = await walkElement(page, "hoken-check", { oldCardHeld: "yes" });
  assert.ok(!asked.includes("insurerKind"), asked.join());
  assert.ok((await textOf(el.locator("[data-insurer]"))).includes(pack.who.name));
  assert.deepEqual(errors, []);
  await ctx.close();
});
