// Fixtures for the embed tests (tests/e2e/embed-*.test.mjs): host pages on other origins. Each
// origin is its own server on its own 127.0.0.1 port; the page itself is served by
// scripts/serve.mjs from site/ with the headers of its _headers (the server `npm start` runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import * as snippets from "../../www/embed-snippets.js";

/** A temporary directory served on its own origin. write(name, text) adds a file. */
export async function hostServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-host-"));
  const srv = await serve({ dir });
  return {
    ...srv,
    dir,
    write: (name, text) => fs.writeFileSync(path.join(dir, name), text),
    close: async () => { await srv.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A blank host page around `body` (no CSP unless the host's _headers gives one). */
export function hostHtml(body, title = "host") {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<h1>Insurer page</h1>\n${body}\n</body></html>\n`;
}

/**
 * The iframe snippet the configurator gives (www/embed-snippets.js) for the page at `pageUrl`,
 * framed by `hostOrigin`; `sandbox` replaces the documented sandbox (null: no sandbox at all).
 */
export function iframeSnippet(pageUrl, hostOrigin, { sandbox, ...opts } = {}) {
  let html = snippets.iframeSnippet({ base: pageUrl, hostOrigin, ...opts });
  // The snippet's 600 px start height is replaced by 400 px, so that a test can tell
  // "never sized" (400) from "sized to its content".
  html = html.replace(' height="600"', ' height="400"');
  if (sandbox !== undefined) html = html.replace(` sandbox="${snippets.SANDBOX}"`, sandbox === null ? "" : ` sandbox="${sandbox}"`);
  return html;
}

/** The iframe's height on the host page, in CSS pixels. */
export function frameHeight(page, sel = "iframe[data-hoken-check]") {
  return page.locator(sel).evaluate((f) => f.getBoundingClientRect().height);
}

/** The framed page's content height as embed-frame.js measures it. */
export function contentHeight(frame) {
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

/** Waits until the iframe's height equals the framed content's height (clamped 200…20000). */
export async function waitSized(page, frame, sel = "iframe[data-hoken-check]", timeout = 5000) {
  const end = Date.now() + timeout;
  let h, c;
  while (Date.now() < end) {
    [h, c] = [await frameHeight(page, sel), await contentHeight(frame)];
    if (Math.abs(h - Math.min(20000, Math.max(200, c))) < 1) return h;
    await page.waitForTimeout(50);
  }
  throw new Error(`iframe height ${h} never matched its content height ${c}`);
}

/** The first child frame of `page` whose URL starts with `origin`. */
export async function frameOf(page, origin, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const f = page.frames().find((fr) => fr !== page.mainFrame() && fr.url().startsWith(origin));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame from ${origin}; frames: ${page.frames().map((f) => f.url()).join(", ")}`);
}
