// A host whose Content-Security-Policy forbids WebAssembly (no 'wasm-unsafe-eval') must be told
// so: the page names the CSP instead of blaming the browser (issue 9: "the page's fallback then
// blames the browser"), and still shows the essential rules.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CATALOGS, launch, serve } from "./helpers.mjs";

let srv, browser;
before(async () => {
  srv = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function open(headerCsp) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(srv.url, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    if (headerCsp) headers["content-security-policy"] = headerCsp;
    await route.fulfill({ response: res, headers });
  });
  await page.goto(srv.url);
  return { context, page };
}

test("a host CSP without 'wasm-unsafe-eval' is named as the cause, with the rules still shown", async () => {
  const { context, page } = await open("script-src 'self'; object-src 'none'");
  const why = page.locator("#static-why");
  await why.waitFor({ state: "visible" });
  assert.equal((await why.textContent()).trim(), CATALOGS.ja["ui.noEngineCsp"]);
  assert.notEqual(CATALOGS.ja["ui.noEngineCsp"], CATALOGS.ja["ui.noEngine"]);
  await context.close();
});

test("the same page with the documented CSP line works (control)", async () => {
  const { context, page } = await open("script-src 'self' 'wasm-unsafe-eval'; object-src 'none'");
  await page.locator("hoken-check button, hoken-check input").first().waitFor();
  assert.equal(await page.locator("#static-why").isVisible(), false);
  await context.close();
});
