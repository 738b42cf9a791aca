// The embed configurator (www/configure.html, issue 8 §3): choosing options changes the snippet
// and the CSP lines; the copied snippet, pasted into a blank page on another origin, works; the
// page is usable in Japanese and English and passes axe.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launch, SITE, ROOT } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";
import { hostServer, hostHtml, waitSized, frameOf } from "./embed-fixtures.mjs";

let pageSrv, host, browser;
before(async () => {
  host = await hostServer();
  pageSrv = await serve({ dir: SITE, frameAncestors: `'self' ${host.origin}` });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await pageSrv?.close();
  await host?.close();
});

async function openConfigurator() {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: pageSrv.origin });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pageSrv.url + "configure.html");
  await page.waitForSelector("html[data-ready]");
  return { context, page, errors };
}
const snippet = (page) => page.locator("#snippet").textContent();
const csp = (page) => page.locator("#csp").textContent();

test("choosing options changes the snippet and the CSP lines", async () => {
  const { context, page, errors } = await openConfigurator();
  const o = pageSrv.origin;
  // iframe mode (the default): the page's URL with embed=1, the documented sandbox, the sizer.
  let s = await snippet(page);
  assert.match(s, /^<iframe data-hoken-check src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1"/);
  assert.ok(s.includes(`<script src="${o}/hoken-check-frame.js" async></script>`), s);
  assert.equal(await csp(page), `frame-src ${o};\nscript-src ${o}`);
  // Without a host origin the guide's error shows (no height messages without it).
  assert.equal(await page.locator("#host-origin-error").isVisible(), true);
  await page.fill("#host-origin", "https://www.example.or.jp/some/page");
  assert.equal(await page.locator("#host-origin-error").isVisible(), true, "a path is not an origin");
  await page.fill("#host-origin", "https://www.example.or.jp");
  assert.equal(await page.locator("#host-origin-error").isVisible(), false);
  s = await snippet(page);
  assert.ok(s.includes("parent=https%3A%2F%2Fwww.example.or.jp"), s);

  // Language, insurer kind, pack, as-of, background: each appears in the page's query.
  await page.check("#lang-en");
  await page.selectOption("#insurer-kind", "kokuho");
  await page.check("#pack-example");
  await page.selectOption("#pack-file", "packs/kokuho-shibuya.json");
  await page.fill("#as-of", "2026-12-01");
  await page.check("#background");
  s = await snippet(page);
  const src = new URL(s.match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&"));
  assert.deepEqual(Object.fromEntries(src.searchParams), {
    embed: "1", parent: "https://www.example.or.jp", lang: "en", "insurer-kind": "kokuho",
    "as-of": "2026-12-01", pack: `${o}/packs/kokuho-shibuya.json`, background: "transparent",
  });
  // A pack of another insurance type than the one chosen is flagged.
  assert.equal(await page.locator("#pack-kind-note").isVisible(), false);
  await page.selectOption("#pack-file", "packs/kenpo-kumiai-knt.json");
  assert.equal(await page.locator("#pack-kind-note").isVisible(), true);

  // A pack on another origin cannot be loaded by the framed page (its connect-src 'self').
  await page.check("#pack-url-opt");
  await page.fill("#pack-url", "https://packs.example.jp/pack.json");
  assert.notEqual(await page.locator("#csp-note").textContent(), "");

  // Element mode: the loader and <hoken-check> with attributes; the element's CSP lines; the
  // pack's origin joins connect-src; colours become a rule for the host's stylesheet.
  await page.check("#mode-element");
  await page.check("#events");
  await page.fill("#theme-accent", "#006400");
  await page.fill("#theme-radius", "4px");
  s = await snippet(page);
  assert.equal(s, `<script type="module" src="${o}/hoken-check-element.js"></script>\n` +
    `<hoken-check lang="en" insurer-kind="kokuho" as-of="2026-12-01" pack="https://packs.example.jp/pack.json" events="summary"></hoken-check>`);
  assert.equal(await csp(page), `script-src ${o} 'wasm-unsafe-eval';\nconnect-src ${o} https://packs.example.jp`);
  assert.equal(await page.locator("#theme-css").textContent(), "hoken-check {\n  --hoken-check-accent: #006400;\n  --hoken-check-radius: 4px;\n}");
  // Element mode has no host origin or background; iframe mode no events or colours.
  assert.equal(await page.locator("#host-origin").isVisible(), false);
  assert.equal(await page.locator("#background").isVisible(), false);
  await page.check("#mode-iframe");
  assert.equal(await page.locator("#events").isVisible(), false);
  assert.equal(await page.locator("#theme-accent").isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the copied iframe snippet, pasted into a blank page on another origin, works", async () => {
  const { context, page } = await openConfigurator();
  await page.fill("#host-origin", host.origin);
  await page.selectOption("#insurer-kind", "kokuho");
  await page.check("#pack-example");
  await page.selectOption("#pack-file", "packs/kokuho-shibuya.json");
  await page.click("#copy");
  await page.locator("#copied").filter({ hasText: /./ }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await snippet(page));
  // The preview is the same page in an iframe of the configurator, sized the same way.
  const preview = await frameOf(page, pageSrv.origin + "/?embed=1");
  await preview.locator("[data-action=start]").waitFor();
  await waitSized(page, preview, "#preview iframe");
  await context.close();

  host.write("pasted.html", hostHtml(copied));
  const ctx2 = await browser.newContext({ serviceWorkers: "block" });
  const host2 = await ctx2.newPage();
  const errors = [];
  host2.on("pageerror", (e) => errors.push(e.message));
  await host2.goto(host.url + "pasted.html");
  const frame = await frameOf(host2, pageSrv.origin);
  await frame.locator("[data-action=start]").waitFor();
  const h = await waitSized(host2, frame);
  assert.ok(h !== 600 && h > 200, `sized to its content: ${h}`);
  await frame.locator("[data-action=start]").click();
  await frame.locator("form.question[data-field]").waitFor();
  await waitSized(host2, frame);
  assert.deepEqual(errors, []);
  await ctx2.close();
});

test("the configurator speaks Japanese and English, and passes axe", async () => {
  const { context, page, errors } = await openConfigurator();
  assert.equal(await page.locator("h1").textContent(), "埋め込みの設定");
  assert.equal(await page.locator("html").getAttribute("lang"), "ja");
  // The insurer names come from the page's catalogs.
  const ja = JSON.parse(fs.readFileSync(path.join(ROOT, "locales/ja.json"), "utf8"));
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, "locales/en.json"), "utf8"));
  assert.equal(await page.locator('#insurer-kind option[value="kokuho"]').textContent(), ja["insurer.kokuho"]);
  // The insurer kinds of INTERFACE.md, after "ask the person".
  assert.deepEqual(await page.locator("#insurer-kind option").evaluateAll((os) => os.map((o) => o.value)),
    ["", "kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"]);
  for (const lg of ["ja", "en"]) {
    if (lg === "en") await page.click('[data-ui-lang="en"]');
    await page.waitForFunction((l) => document.documentElement.lang === l, lg);
    const r = await new AxeBuilder({ page }).exclude("#preview").analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], lg);
  }
  assert.equal(await page.locator("h1").textContent(), "Embed configurator");
  assert.equal(await page.locator('#insurer-kind option[value="kokuho"]').textContent(), en["insurer.kokuho"]);
  // Every form control has a label.
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll("#cfg input, #cfg select")]
    .filter((e) => !e.labels || !e.labels.length).map((e) => e.id));
  assert.deepEqual(unlabeled, []);
  assert.deepEqual(errors, []);
  await context.close();
});
