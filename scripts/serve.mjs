#!/usr/bin/env node
// A small static server for the page (`npm start`, and the embed tests): serves a directory with
// the response headers of its `_headers` file (www/_headers — the one source of the page's
// headers, also read by Netlify and Cloudflare Pages; docs/insurers.md), the right Content-Type
// (application/wasm for the engine) and ETag revalidation for `Cache-Control: no-cache`.
//
//   node scripts/serve.mjs [dir]          (default site/: www/ minified by scripts/make-site.mjs)
//   PORT=8080                             port on 127.0.0.1 (0 = any free port)
//   FRAME_ANCESTORS="'self' https://a.example https://b.example"
//                                         replaces the frame-ancestors of the CSP in _headers:
//                                         the sites that may frame the page (default: as in
//                                         _headers, 'self')
//
// As a module: `serve({ dir, port, frameAncestors })` → { url, origin, close, hits }.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8", ".webmanifest": "application/manifest+json",
};

/**
 * Parses a `_headers` file (Netlify / Cloudflare Pages format): a path pattern at the start of a
 * line, then `  Name: value` lines indented under it; `#` starts a comment line.
 * Returns [{ pattern, headers: [[name, value], …] }, …].
 */
export function parseHeaders(text) {
  const rules = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim() || raw.trim().startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(raw);
    if (!m || !rules.length) throw new Error(`_headers line ${i + 1}: expected "  Name: value" under a path`);
    rules.at(-1).headers.push([m[1], m[2]]);
  }
  return rules;
}

/** Does a `_headers` path pattern match a URL path? `/*` and `/dir/*` match by prefix. */
export function matches(pattern, urlPath) {
  if (pattern.endsWith("*")) return urlPath.startsWith(pattern.slice(0, -1));
  return pattern === urlPath;
}

// A CSP source list for frame-ancestors: 'self', 'none', * or scheme://host[:port] origins.
const ANCESTOR = /^(?:'self'|'none'|\*|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$/;

/** Checks a FRAME_ANCESTORS value; returns it normalised (single spaces) or throws. */
export function checkFrameAncestors(value) {
  const parts = String(value).trim().split(/\s+/).filter(Boolean);
  if (!parts.length) throw new Error("FRAME_ANCESTORS is empty");
  for (const p of parts) {
    if (!ANCESTOR.test(p)) throw new Error(`FRAME_ANCESTORS: "${p}" is not 'self', 'none', * or an origin like https://www.example.jp`);
  }
  if (parts.includes("'none'") && parts.length > 1) throw new Error("FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  return parts.join(" ");
}

/** The headers for one URL path: every matching rule, in file order; frame-ancestors replaced. */
export function headersFor(rules, urlPath, frameAncestors) {
  const out = {};
  for (const r of rules) {
    if (!matches(r.pattern, urlPath)) continue;
    for (const [name, value] of r.headers) {
      let v = value;
      if (frameAncestors && name.toLowerCase() === "content-security-policy") {
        v = v.replace(/frame-ancestors[^;]*/i, `frame-ancestors ${frameAncestors}`);
      }
      out[name.toLowerCase()] = v;
    }
  }
  return out;
}

/** An http.Server for `dir`. `hits` (optional array) receives every requested path. */
export function createServer({ dir = path.join(ROOT, "site"), frameAncestors, hits } = {}) {
  const root = path.resolve(dir);
  const fa = frameAncestors ? checkFrameAncestors(frameAncestors) : null;
  const headersFile = path.join(root, "_headers");
  // Read again whenever the file changes, so an edit shows without a restart.
  let cached = { mtimeMs: -1, rules: [] };
  const rules = () => {
    let st;
    try {
      st = fs.statSync(headersFile);
    } catch {
      return [];
    }
    if (st.mtimeMs !== cached.mtimeMs) cached = { mtimeMs: st.mtimeMs, rules: parseHeaders(fs.readFileSync(headersFile, "utf8")) };
    return cached.rules;
  };
  rules(); // a malformed _headers fails at start, not on the first request
  return http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("bad request");
      return;
    }
    hits?.push(urlPath);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let file = path.join(root, path.normalize(urlPath));
    // Never outside the directory, never a dotfile, never the _headers file itself.
    const rel = path.relative(root, file);
    if (rel.startsWith("..") || path.isAbsolute(rel) || rel.split(path.sep).some((s) => s.startsWith(".")) || rel === "_headers") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    if (urlPath.endsWith("/")) file = path.join(file, "index.html");
    let extra;
    try {
      extra = headersFor(rules(), urlPath, fa);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(e.message));
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end("not found");
        return;
      }
      const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      const headers = {
        "content-type": MIME[path.extname(file)] || "application/octet-stream",
        etag,
        ...extra,
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
}

/** Serves `dir` on 127.0.0.1:`port` (0: a free port). Returns { url, origin, hits, close }. */
export async function serve({ dir, port = 0, frameAncestors } = {}) {
  const hits = [];
  const server = createServer({ dir, frameAncestors, hits });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin + "/",
    origin,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] || path.join(ROOT, "site"));
  const port = Number(process.env.PORT ?? 8080);
  try {
    const s = await serve({ dir, port, frameAncestors: process.env.FRAME_ANCESTORS || undefined });
    console.log(`serve: ${dir} at ${s.url}  (frame-ancestors ${process.env.FRAME_ANCESTORS ? checkFrameAncestors(process.env.FRAME_ANCESTORS) : "as in _headers"}; Ctrl-C to stop)`);
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  }
}
