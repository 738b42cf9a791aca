// A host page with a strict Content-Security-Policy (issue 8, "Tests that must exist"): the
// policy is `default-src 'none'` plus exactly the lines docs/insurers.md lists for the mode
// (www/embed-snippets.js hostCsp, which the configurator shows). With them the embed works;
// without one of them it fails the way the guide says.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, SITE } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";
import { hostCsp, elementSnippet } from "../../www/embed-snippets.js";
import { hostServer, hostHtml, iframeSnippet, waitSized, frameHeight } from "./embed-fixtures.mjs";

let pageSrv, host, browser;
before(async () => {
  host = await hostServer();
  pageSrv = await serve({ dir: SITE, frameAncestors: host.origin });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await pageSrv?.close();
  await host?.close();
});

/** Serves `body` at /name with the CSP `default-src 'none'; <lines>`; opens it; collects violations. */
async function openStrict(name, lines, body) {
  const csp = ["default-src 'none'", ...lines].join("; ");
  const rules = fs.existsSync(path.join(host.dir, "_headers")) ? fs.readFileSync(path.join(host.dir, "_headers"), "utf8") : "";
  host.write("_headers", rules + `/${name}\n  Content-Security-Policy: ${csp}\n`);
  host.write(name, hostHtml(body));
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  const page = await context.newPage();
  const res = await page.goto(host.url + name);
  assert.equal(res.headers()["content-security-policy"], csp);
  return { context, page, violations: () => page.evaluate(() => window.violations) };
}

const A = () => ({ base: pageSrv.url });
const frameFrom = (page) => page.frames().find((f) => f.url().startsWith(pageSrv.origin));

test("iframe mode under default-src 'none' plus the guide's lines: works and sizes itself", async () => {
  const lines = hostCsp("iframe", A());
  assert.deepEqual(lines, [`frame-src ${pageSrv.origin}`, `script-src ${pageSrv.origin}`]);
  const { context, page, violations } = await openStrict("iframe-strict.html", lines, iframeSnippet(pageSrv.url, host.origin));
  const frame = frameFrom(page);
  assert.ok(frame, "the frame loaded");
  await frame.locator("[data-action=start]").click();
  await frame.locator("form.question[data-field]").waitFor();
  assert.ok((await waitSized(page, frame)) !== 400);
  assert.deepEqual(await violations(), []);
  await context.close();
});

test("iframe mode without frame-src: the frame is blocked, reported as a frame-src violation", async () => {
  const lines = hostCsp("iframe", A()).filter((l) => !l.startsWith("frame-src"));
  const { context, page, violations } = await openStrict("iframe-nofs.html", lines, iframeSnippet(pageSrv.url, host.origin));
  await page.waitForTimeout(500);
  assert.equal(frameFrom(page), undefined, "no frame of the page");
  // Chromium shows its error page in the frame and fires securitypolicyviolation on the host.
  assert.ok(page.frames().some((f) => f.url() === "chrome-error://chromewebdata/"));
  const v = await violations();
  assert.ok(v.some((x) => x.directive === "frame-src" && x.blocked.startsWith(pageSrv.origin)), JSON.stringify(v));
  await context.close();
});

test("iframe mode without script-src for the sizer: the check works but keeps the snippet's height", async () => {
  const lines = hostCsp("iframe", A()).filter((l) => !l.startsWith("script-src"));
  const { context, page, violations } = await openStrict("iframe-noscript.html", lines, iframeSnippet(pageSrv.url, host.origin));
  const frame = frameFrom(page);
  await frame.locator("[data-action=start]").click();
  await frame.locator("form.question[data-field]").waitFor();
  await page.waitForTimeout(300);
  assert.equal(await frameHeight(page), 400);
  const v = await violations();
  assert.ok(v.some((x) => x.directive === "script-src-elem" && x.blocked.endsWith("/hoken-check-frame.js")), JSON.stringify(v));
  await context.close();
});

// Element mode: <hoken-check> from www/hoken-check-element.js. The guide's lines have no
// style-src, so default-src 'none' also stands for style-src: the element must still be styled.
test("element mode under default-src 'none' plus the guide's lines: works", async () => {
  const lines = hostCsp("element", A());
  const { context, page, violations } = await openStrict("element-strict.html", lines, elementSnippet(A()));
  await page.locator("hoken-check button").first().waitFor({ timeout: 15000 });
  assert.deepEqual(await violations(), []);
  // Styled without style-src: the primary button has the element's accent, not the UA's grey.
  const bg = await page.locator("hoken-check button.btn").first().evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, "rgb(0, 23, 193)", "the element's button colour (#0017c1) under default-src 'none'");
  await context.close();
});

test("element mode without 'wasm-unsafe-eval': the engine is blocked, reported as script-src", async () => {
  const lines = hostCsp("element", A()).map((l) => l.replace(" 'wasm-unsafe-eval'", ""));
  const { context, page, violations } = await openStrict("element-nowasm.html", lines, elementSnippet(A()));
  await page.waitForFunction(() => window.violations.length > 0, null, { timeout: 15000 });
  const v = await violations();
  assert.ok(v.some((x) => x.directive === "script-src" && x.blocked === "wasm-eval"), JSON.stringify(v));
  await context.close();
});
