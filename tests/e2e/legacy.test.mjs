// www/legacy.js runs only in browsers without ES modules (<script nomodule>), which no test
// browser is; so its deployed copy (site/legacy.js: minified, ES5, ASCII) is run here directly
// on index.html's static part: it must remove the loading line and show why the check cannot
// run, in Japanese and English. (The page itself never runs it in Chromium: nomodule.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, SITE } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("site/legacy.js shows why the check cannot run above the static rules", async () => {
  const page = await browser.newPage();
  const html = fs.readFileSync(path.join(SITE, "index.html"), "utf8")
    .replace(/<script\b[^>]*><\/script>/g, "") // no scripts of the page: as a browser without modules
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
  await page.setContent(html.replace("</main>", '<p id="loading">loading</p></main>'));
  assert.equal(await page.isVisible("#static-why"), false);
  await page.evaluate(fs.readFileSync(path.join(SITE, "legacy.js"), "utf8"));
  assert.equal(await page.isVisible("#static-why"), true);
  const why = await page.textContent("#static-why");
  assert.ok(why.startsWith("このブラウザは古いため、質問に答えて調べる機能は使えません。"), why);
  assert.ok(why.includes("This browser is too old for the interactive check."), why);
  assert.equal(await page.locator("#loading").count(), 0);
  await page.close();
});
