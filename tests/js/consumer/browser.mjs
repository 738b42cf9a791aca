// Chromium and a static server for consumer tests (tests/js/package.test.mjs and
// tests/toolchains/): serve a directory on 127.0.0.1, open a page in headless Chromium
// (playwright-core + Debian chromium), read what it computed, and check it against
// tests/spec/examples.json's expected summaries.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { chromium } from "playwright-core";
import { loadExamples } from "./fixture.mjs";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];
export const EXAMPLES = loadExamples();
export const EXPECTED = EXAMPLES.map((e) => ({ id: e.id, summary: e.expectedSummary }));

let browserP;
/** One headless Chromium for the whole test file (closed by closeBrowser). */
export function browser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run bash scripts/setup.sh`);
  browserP ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  return browserP;
}

/** Closes the browser if one was launched. */
export async function closeBrowser() {
  if (browserP) await (await browserP.catch(() => null))?.close();
  browserP = undefined;
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

/** A static file server for `root` on 127.0.0.1 (random port). Returns { origin, served, close }. */
export async function serve(root, headers = {}) {
  root = resolve(root);
  const served = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://127.0.0.1");
    let path = decodeURIComponent(pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = resolve(join(root, path));
    served.push(path);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": MIME[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...(extname(file) === ".html" ? headers : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    served,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** A page: out-of-line module script `scriptName` that writes every example's summary into #out. */
export function pageHtml(scriptSrc) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>hoken-check consumer</title>
<script type="module" src="${scriptSrc}"></script>
</head>
<body><pre id="out"></pre></body>
</html>
`;
}

export function pageScript(specifier) {
  const situations = EXAMPLES.map((e) => ({ id: e.id, situation: e.situation }));
  return `import { assess } from ${JSON.stringify(specifier)};

const EXAMPLES = ${JSON.stringify(situations)};
const out = document.getElementById("out");
try {
  out.textContent = JSON.stringify(EXAMPLES.map((e) => ({ id: e.id, summary: assess(e.situation).summary })));
} catch (err) {
  out.textContent = "ERROR " + ((err && err.stack) || err);
}
out.dataset.done = "1";
`;
}

/**
 * Opens `url` in a fresh browser context, waits until the page has written #out, and returns
 * { text, requests, failed, errorResponses, pageErrors, wasmResponses }.
 */
export async function openPage(url, { networkIdle = true } = {}) {
  const ctx = await (await browser()).newContext();
  try {
    const page = await ctx.newPage();
    const requests = [];
    const failed = [];
    const errorResponses = [];
    const pageErrors = [];
    const wasmResponses = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("requestfailed", (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      if (r.status() >= 400) errorResponses.push(`${r.status()} ${r.url()}`);
      if (new URL(r.url()).pathname.endsWith(".wasm")) wasmResponses.push({ url: r.url(), type: r.headers()["content-type"] });
    });
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console.error: ${m.text()}`);
    });
    await page.goto(url);
    try {
      await page.waitForSelector("#out[data-done]", { state: "attached", timeout: 20_000 });
    } catch (err) {
      throw new Error(
        `${url} never wrote its result: ${err.message}\npage errors: ${pageErrors.join("\n") || "(none)"}\n` +
          `failed: ${failed.join(", ") || "(none)"}; error responses: ${errorResponses.join(", ") || "(none)"}`,
      );
    }
    // (Chromium never reports "networkidle" after a CSP violation: those tests skip the wait.)
    if (networkIdle) await page.waitForLoadState("networkidle");
    const text = await page.textContent("#out");
    return { text, requests, failed, errorResponses, pageErrors, wasmResponses };
  } finally {
    await ctx.close();
  }
}

/** The engine was fetched once, served as `application/wasm` (the streaming path). */
export function assertOneWasm(r) {
  assert.equal(r.wasmResponses.length, 1, "the .wasm was fetched once");
  assert.equal(r.wasmResponses[0].type, "application/wasm");
}

/** The assertions every browser case shares. */
export function assertPageResult(r, origin) {
  assert.ok(!r.text.startsWith("ERROR"), `the page threw: ${r.text}`);
  assert.deepEqual(JSON.parse(r.text), EXPECTED, "summaries computed in the page");
  assert.ok(r.requests.length > 0, "requests were recorded");
  const foreign = r.requests.filter((u) => !u.startsWith(origin + "/"));
  assert.deepEqual(foreign, [], `every request goes to ${origin}`);
  assert.deepEqual(r.failed, [], "failed requests");
  assert.deepEqual(r.errorResponses, [], "HTTP error responses");
  assert.deepEqual(r.pageErrors, [], "page errors");
}
