// The page's own server headers (issue 8 §6, docs/insurers.md "Headers for the page's server"):
// `npm start` serves site/ (www/ minified, _headers copied) with scripts/serve.mjs, which sends the
// headers of its _headers (the source is www/_headers). The
// expected values are those the guide and the issue name, not read back from _headers.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, ROOT, WWW, SITE } from "./helpers.mjs";
import { parseHeaders } from "../../scripts/serve.mjs";
import { hostServer, hostHtml, iframeSnippet } from "./embed-fixtures.mjs";

const children = [];
/** Runs `node scripts/serve.mjs site` as npm start does; resolves with its URL (or its exit). */
function startServer(env = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), SITE], {
    env: { ...process.env, PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ url: m[1], origin: new URL(m[1]).origin, child });
    });
    child.stderr.on("data", (d) => { err += d; });
    child.on("exit", (code) => resolve({ code, err }));
  });
}

let browser, host;
before(async () => {
  browser = await launch();
  host = await hostServer();
});
after(async () => {
  for (const c of children) c.kill();
  await browser?.close();
  await host?.close();
});

test("npm start's server sends the CSP with frame-ancestors 'self', nosniff, no-referrer and no-cache", async () => {
  const s = await startServer();
  assert.ok(s.url, s.err);
  const res = await fetch(s.url);
  assert.equal(res.status, 200);
  const csp = res.headers.get("content-security-policy");
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
  assert.equal(directives["frame-ancestors"], "'self'");
  // The policy of the page's <meta> CSP, now also as a header (which can carry frame-ancestors).
  assert.equal(directives["default-src"], "'self'");
  assert.equal(directives["script-src"], "'self' 'wasm-unsafe-eval'");
  assert.equal(directives["connect-src"], "'self'");
  assert.equal(directives["object-src"], "'none'");
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.ok(res.headers.get("etag"), "an ETag, so no-cache revalidates cheaply");
  assert.match(res.headers.get("content-type"), /^text\/html/);
  // The engine: application/wasm (streaming compilation), no-cache (names carry no hash).
  const wasm = await fetch(s.url + "pkg/hoken_check_bg.wasm");
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("cache-control"), "no-cache");
  // Revalidation: the same ETag gives 304.
  const again = await fetch(s.url, { headers: { "if-none-match": res.headers.get("etag") } });
  assert.equal(again.status, 304);
  // The rules file itself, dotfiles and paths outside www/ are not served.
  for (const p of ["_headers", ".gitignore", "..%2Fpackage.json", "%2e%2e/package.json"]) {
    assert.equal((await fetch(s.url + p)).status, 404, p);
  }
  s.child.kill();
});

test("FRAME_ANCESTORS lists who may frame the page; a host not listed cannot", async () => {
  const s = await startServer({ FRAME_ANCESTORS: `'self' ${host.origin}` });
  assert.ok(s.url, s.err);
  const csp = (await fetch(s.url)).headers.get("content-security-policy");
  assert.ok(csp.includes(`frame-ancestors 'self' ${host.origin}`), csp);
  assert.equal(csp.match(/frame-ancestors/g).length, 1);

  host.write("listed.html", hostHtml(iframeSnippet(s.url, host.origin)));
  const other = await hostServer();
  other.write("unlisted.html", hostHtml(iframeSnippet(s.url, other.origin)));
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  const blocked = [];
  page.on("console", (m) => { if (m.text().includes("frame-ancestors")) blocked.push(m.text()); });

  await page.goto(host.url + "listed.html");
  const frame = page.frames().find((f) => f.url().startsWith(s.origin));
  assert.ok(frame, "the listed host frames the page");
  await frame.locator("[data-action=start]").waitFor();
  assert.deepEqual(blocked, []);

  await page.goto(other.url + "unlisted.html");
  await page.waitForTimeout(1000);
  // Chromium replaces the refused frame by its error page and says why on the console.
  const urls = page.frames().map((f) => f.url());
  assert.ok(!urls.some((u) => u.startsWith(s.origin)), urls.join(", "));
  assert.ok(urls.includes("chrome-error://chromewebdata/"), urls.join(", "));
  assert.equal(blocked.length, 1, "one refusal on the console");
  assert.ok(blocked[0].includes(`frame-ancestors 'self' ${host.origin}`), blocked[0]);
  await ctx.close();
  await other.close();
  s.child.kill();
});

test("a FRAME_ANCESTORS that is not a source list stops the server with a message", async () => {
  for (const bad of ["https://a.example; script-src *", "https://a.example/path", "'none' https://a.example", "javascript:x"]) {
    const s = await startServer({ FRAME_ANCESTORS: bad });
    assert.equal(s.code, 1, bad);
    assert.match(s.err, /FRAME_ANCESTORS/, bad);
  }
});

test("www/_headers: every header under one pattern, so no host has to merge two values", () => {
  const rules = parseHeaders(fs.readFileSync(path.join(WWW, "_headers"), "utf8"));
  const seen = new Map();
  for (const r of rules) {
    for (const [name] of r.headers) {
      const k = name.toLowerCase();
      assert.ok(!seen.has(k), `${name} under ${seen.get(k)} and ${r.pattern}`);
      seen.set(k, r.pattern);
    }
  }
  for (const h of ["content-security-policy", "x-content-type-options", "referrer-policy", "cache-control"]) {
    assert.ok(seen.has(h), `${h} in www/_headers`);
  }
});
