// The iframe embed (issue 8 §3, docs/insurers.md): the page framed with `?embed=1&parent=…` on an
// insurer's page of another origin, sized by hoken-check-frame.js from the postMessage protocol of
// INTERFACE.md. What the guide promises is what is checked here:
//  * the iframe takes the height of its content, and follows it when it grows and shrinks;
//  * messages from anything but that iframe at its src's origin, or of another type or version,
//    change nothing; heights are clamped to 200…20000 px;
//  * the documented sandbox works; a sandbox without allow-same-origin shows a clear message
//    above the essential rules (not a check that can never load);
//  * without a valid `parent` origin nothing is posted.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, answerAll, scenarios, SITE } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";
import { SANDBOX } from "../../www/embed-snippets.js";
import { hostServer, hostHtml, iframeSnippet, frameHeight, contentHeight, waitSized, frameOf } from "./embed-fixtures.mjs";

let page0, host, other, browser;
before(async () => {
  host = await hostServer();
  other = await hostServer();
  // The page's server lets both test hosts frame it (FRAME_ANCESTORS of docs/insurers.md).
  page0 = await serve({ dir: SITE, frameAncestors: `'self' ${host.origin} ${other.origin}` });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [page0, host, other]) await s?.close();
});

async function open(name, body) {
  host.write(name, hostHtml(body));
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(host.url + name);
  const frame = await frameOf(page, page0.origin);
  return { context, page, frame, errors, requests };
}

/** Posts `data` to the host page from inside `frame` (so event.source is that iframe). */
function postFrom(frame, data) {
  return frame.evaluate((d) => window.parent.postMessage(d, "*"), data);
}

test("the iframe takes its content's height and follows it as it grows and shrinks", async () => {
  const { context, page, frame, errors } = await open("grow.html", iframeSnippet(page0.url, host.origin));
  await frame.locator("[data-action=start]").waitFor();
  const start = await waitSized(page, frame);
  const historyBefore = await page.evaluate(() => history.length);
  // The start screen is taller than the 400 px the snippet begins with: the iframe grew.
  assert.ok(start > 400, `start screen height ${start}`);
  // In embed mode the site header and footer are hidden (embed.css): they are there, not shown.
  for (const sel of ["body > header", "body > footer"]) {
    assert.equal(await frame.locator(sel).count(), 1, sel);
    assert.equal(await frame.locator(sel).isVisible(), false, sel);
  }

  // 「始める」: the first question is shorter than the start screen — the iframe shrinks.
  await frame.locator("[data-action=start]").click();
  await frame.locator("form.question[data-field]").waitFor();
  const question = await waitSized(page, frame);
  assert.ok(question < start, `first question ${question} < start ${start}`);

  // 「戻る」: back to the start screen, back to its height.
  await frame.locator(".back-link").click();
  await frame.locator("[data-action=start]").waitFor();
  assert.equal(await waitSized(page, frame), start);

  // A whole check, then 「詳しく」 opens (grows) and closes (shrinks back).
  await answerAll(frame, scenarios().C049.situation, { dates: "fields" });
  await frame.locator("[data-action=see-answer]").click();
  await frame.locator("[data-section=docs]").waitFor();
  const answer = await waitSized(page, frame);
  // In the frame the check owns no address: no step of it lands in the host's back button, and
  // there is no "link to these answers" (it would open the bare embed).
  assert.equal(await page.evaluate(() => history.length), historyBefore, "history entries added by the framed check");
  assert.equal(await frame.locator("[data-action=reception]").count(), 1, "the answer's keep buttons are there");
  assert.equal(await frame.locator("[data-action=link]").count(), 0, "a link button in the frame");
  await frame.locator("details.more > summary").click();
  const opened = await waitSized(page, frame);
  assert.ok(opened > answer, `「詳しく」 open ${opened} > closed ${answer}`);
  await frame.locator("details.more > summary").click();
  assert.equal(await waitSized(page, frame), answer);
  assert.deepEqual(errors, []);
  await context.close();
});

test("only messages from the iframe itself, at its src's origin, of this type and version, size it", async () => {
  // A second frame from another origin posts a fake height to the host.
  other.write("fake.html", hostHtml(""));
  const { context, page, frame } = await open("ignore.html",
    iframeSnippet(page0.url, host.origin) + `\n<iframe id="fake" src="${other.url}fake.html"></iframe>`);
  await frame.locator("[data-action=start]").waitFor();
  const h = await waitSized(page, frame);
  const fake = await frameOf(page, other.origin);
  const settle = () => page.waitForTimeout(300);

  // From another frame (another origin), well-formed: ignored.
  await postFrom(fake, { type: "hoken-check:height", version: 1, height: 3000 });
  // From the host page itself: ignored.
  await page.evaluate(() => window.postMessage({ type: "hoken-check:height", version: 1, height: 3001 }, "*"));
  // From the iframe, but the wrong type, version or height: ignored.
  for (const bad of [
    { type: "hoken-check:size", version: 1, height: 3002 },
    { type: "hoken-check:height", version: 2, height: 3003 },
    { type: "hoken-check:height", version: "1", height: 3004 },
    { type: "hoken-check:height", version: 1, height: "3005" },
    { type: "hoken-check:height", version: 1, height: Infinity },
    { type: "hoken-check:height", version: 1 },
    "hoken-check:height",
    null,
  ]) await postFrom(frame, bad);
  await settle();
  assert.equal(await frameHeight(page), h, "no message but the iframe's own changed its height");

  // Control: the same well-formed message from the iframe is obeyed (the checks above could fail).
  await postFrom(frame, { type: "hoken-check:height", version: 1, height: 3000 });
  await settle();
  assert.equal(await frameHeight(page), 3000);
  // Clamped to 200…20000 px.
  await postFrom(frame, { type: "hoken-check:height", version: 1, height: 5 });
  await settle();
  assert.equal(await frameHeight(page), 200);
  await postFrom(frame, { type: "hoken-check:height", version: 1, height: 1e9 });
  await settle();
  assert.equal(await frameHeight(page), 20000);

  // The iframe navigated to another origin: event.source is still that iframe, but the origin is
  // not its src's — ignored.
  await frame.evaluate((u) => { location.href = u; }, other.url + "fake.html");
  await frame.waitForURL(other.url + "fake.html");
  await postFrom(frame, { type: "hoken-check:height", version: 1, height: 777 });
  await settle();
  assert.equal(await frameHeight(page), 20000, "a message from the iframe at another origin changed its height");
  await context.close();
});

test("under the documented sandbox a whole check works, prints and sizes itself", async () => {
  const { context, page, frame, errors, requests } = await open("sandbox.html", iframeSnippet(page0.url, host.origin));
  assert.equal(await page.locator("iframe[data-hoken-check]").getAttribute("sandbox"), SANDBOX);
  const console_ = [];
  page.on("console", (m) => console_.push(m.text()));
  await answerAll(frame, scenarios().C049.situation, { dates: "fields" });
  await frame.locator("[data-action=see-answer]").click();
  await frame.locator("[data-section=docs]").waitFor();
  const h = await waitSized(page, frame);
  assert.ok(h > 400, `answer height ${h}`);
  await frame.locator("[data-action=print]").first().click();
  await page.waitForTimeout(300);
  assert.deepEqual(console_.filter((t) => /sandbox/i.test(t)), [], "nothing blocked by the sandbox");
  // The embed asks nothing of any origin but its own (and the host's page and nothing else).
  const elsewhere = requests.filter((u) => !u.startsWith(page0.origin + "/") && !u.startsWith(host.origin + "/"));
  assert.deepEqual(elsewhere, []);
  assert.ok(requests.some((u) => u.startsWith(page0.origin + "/pkg/")), "the engine came from the page's origin");
  assert.equal(await frame.locator(".embed-blocked").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the guide's reason for allow-forms: without it the questions cannot be answered", async () => {
  const { context, page, frame } = await open("noforms.html",
    iframeSnippet(page0.url, host.origin, { sandbox: "allow-scripts allow-same-origin allow-popups" }));
  await frame.locator("[data-action=start]").click();
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('form[data-screen="start"]').count(), 1, "still on the start screen");
  await context.close();
});

test("a sandbox without allow-same-origin shows the essential rules and says what is missing", async () => {
  const { context, page, frame } = await open("opaque.html",
    iframeSnippet(page0.url, host.origin, { sandbox: "allow-scripts allow-popups" }));
  const box = frame.locator(".embed-blocked");
  await box.waitFor({ state: "visible" });
  const text = await box.textContent();
  assert.ok(text.includes("allow-same-origin"), text);
  assert.ok(text.includes("基本的なルール"), text);
  // The essential rules are shown, the interactive check is not (it could not size itself, nor
  // work offline, in an opaque origin).
  assert.equal(await frame.locator("#static-rules").isVisible(), true);
  assert.equal(await frame.locator("#static-title").isVisible(), true);
  // With our server's CORS header the check's modules do load in the opaque origin: the check is
  // in the page, but not shown.
  await frame.locator("[data-action=start]").waitFor({ state: "attached" });
  assert.equal(await frame.locator("[data-action=start]").isVisible(), false);
  assert.equal(await frame.locator("#static-rules").isVisible(), true, "still shown after the app started");
  // No message from an opaque origin is obeyed: the iframe keeps the snippet's 400 px.
  assert.equal(await frameHeight(page), 400);
  assert.equal(await frame.evaluate(() => self.origin), "null");
  await context.close();
});

test("without a valid parent origin nothing is posted", async () => {
  const base = `${page0.url}?embed=1`;
  for (const parent of [null, "", "javascript:alert(1)", "data:text/html,x", `${host.origin}/page.html`, "*", "null",
    `${host.origin}?x=1`, "ftp://127.0.0.1"]) {
    const src = parent === null ? base : `${base}&parent=${encodeURIComponent(parent)}`;
    const { context, page, frame } = await open("noparent.html",
      `<iframe data-hoken-check src="${src}" style="width:100%;height:400px;border:0"></iframe>` +
      `<script src="${page0.url}hoken-check-frame.js"></script>`);
    const seen = [];
    const consoleErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    await page.exposeFunction("seen", (d) => seen.push(d));
    await page.evaluate(() => addEventListener("message", (e) => window.seen(e.data)));
    await frame.locator("[data-action=start]").click();
    await frame.locator("form.question[data-field]").waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(seen, [], `parent=${parent}: nothing posted`);
    assert.equal(await frameHeight(page), 400, `parent=${parent}`);
    // The sizer tells the site's web team on the console (it spoke before the listener was
    // attached, so load the page again to hear it).
    if (parent === null) {
      await page.reload();
      await page.waitForTimeout(300);
      assert.ok(consoleErrors.some((t) => t.includes(`needs parent=${host.origin}`)), consoleErrors.join("\n"));
    }
    await context.close();
  }
  // The origin form the guide uses, with a trailing slash too, is accepted.
  for (const parent of [host.origin, host.origin + "/"]) {
    const { context, page, frame } = await open("slash.html",
      `<iframe data-hoken-check src="${base}&parent=${encodeURIComponent(parent)}" style="width:100%;height:400px;border:0"></iframe>` +
      `<script src="${page0.url}hoken-check-frame.js"></script>`);
    await frame.locator("[data-action=start]").waitFor();
    assert.equal(await waitSized(page, frame), await contentHeight(frame));
    await context.close();
  }
});

test("background=transparent lets the host's background show; by default the page keeps its own", async () => {
  const bg = (frame) => frame.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor]);
  const transparent = "rgba(0, 0, 0, 0)";
  const a = await open("bg.html", iframeSnippet(page0.url, host.origin, { background: "transparent" }));
  await a.frame.locator("[data-action=start]").waitFor();
  await waitSized(a.page, a.frame);
  assert.deepEqual(await bg(a.frame), [transparent, transparent]);
  await a.context.close();
  const b = await open("bg-default.html", iframeSnippet(page0.url, host.origin));
  await b.frame.locator("[data-action=start]").waitFor();
  await waitSized(b.page, b.frame);
  assert.notEqual((await bg(b.frame))[1], transparent, "the page's own background");
  await b.context.close();
});
