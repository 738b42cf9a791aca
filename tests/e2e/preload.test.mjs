// The first question needs a dozen modules, the engine and a catalog. Each one the browser only
// discovers while running another (an `import` inside a module) costs one more round trip
// before the first question; index.html therefore preloads them. This test keeps that list
// whole: every script, the engine and the catalog requested before the first question is either
// preloaded by index.html or one of its own <script>/<link rel=stylesheet> entries. (A module
// added to the graph without a preload line showed up as a ~120 ms waterfall: pkg/errors.js.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, WWW } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("everything the first question loads is named in index.html (preloaded or its own entry)", async () => {
  const html = fs.readFileSync(path.join(WWW, "index.html"), "utf8");
  const named = new Set([...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]));
  // The engine's .wasm is preloaded by app.js, first thing: pkg/'s, or pkg-pack/'s with a pack
  // (the query decides, so index.html cannot name it).
  named.add("pkg/hoken_check_bg.wasm");
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url + "index.html");
  await page.waitForFunction(() => performance.getEntriesByName("hc-first-question").length > 0, null, { timeout: 15000 });
  assert.equal(await page.locator('link[rel=preload][href="pkg/hoken_check_bg.wasm"]').count(), 1, "app.js preloads the engine's .wasm");
  const loaded = await page.evaluate(() => {
    const q = performance.getEntriesByName("hc-first-question")[0].startTime;
    return performance.getEntriesByType("resource")
      .filter((e) => e.startTime < q && new URL(e.name).origin === location.origin)
      .map((e) => new URL(e.name).pathname.slice(1));
  });
  await ctx.close();
  assert.ok(loaded.includes("pkg/hoken_check_bg.wasm") && loaded.includes("hoken-check-ui.js"), `saw ${loaded.join(", ")}`);
  const missing = loaded.filter((f) => /\.(m?js|wasm|json|css)$/.test(f) && !named.has(f));
  assert.deepEqual(missing, [], `requested before the first question but not preloaded in index.html: ${missing.join(", ")}`);
});
