// Service worker: after the first visit the page works offline, and it can never run a stale or
// half-updated engine without knowing (issue 11 §4; docs/deploy.md says what a server must send).
//
// * Versioned: sw-version.js (generated at build time by scripts/sw-manifest.mjs) holds the
//   rules version and data hash read from the engine itself, and the SHA-256 of every file of
//   the page. Any deploy changes it, so the browser installs a new worker; its cache names carry
//   the rules version, the data hash and the content hashes.
// * Installed as one verified build: every listed file is fetched past the HTTP cache and
//   checked against its hash; one mismatch (a deploy in progress, a proxy rewriting files) fails
//   the install and the previous worker and its complete cache stay.
// * The engine's glue (hoken_check.js) and module (hoken_check_bg.wasm) are one unit: online
//   both are fetched together with the server's build.json and used only when both match it;
//   otherwise (offline, or a half-finished deploy) both come from the cache of one build.
// * The full engine for pages with an insurer pack (pkg-pack/: glue, module and its API files) is
//   not pre-cached — most visitors never need it. It is a unit like the engine: online its files
//   are fetched together and used only when all match the server's build.json; when that is the
//   build this worker installed, the verified unit is kept (one cache, written once all files
//   are verified) so that a page with a pack works offline after one online use.
// * The rest of the page is network-first (revalidated, never a heuristic HTTP-cache copy), the
//   cache being the fallback when offline. Responses are never written to the cache one by one.
// * build.json, sw.js and sw-version.js are never cached here.
// Only this origin's GET requests are handled; nothing is sent anywhere else.
importScripts("sw-version.js");

const B = self.HC_BUILD;
const PREFIX = "hc-";
const ENGINE_CACHE = `${PREFIX}engine-${B.rulesVersion}-${B.dataHash.replace(/^[^:]*:/, "").slice(0, 16)}-${B.engine}`;
const SHELL_CACHE = `${PREFIX}shell-${B.build}`;
const ENGINE = new Set(B.engineFiles);
const PACK_CACHE = `${PREFIX}pack-engine-${B.rulesVersion}-${B.packEngine}`;
const PACK_ENGINE = new Set(B.packEngineFiles || []);
const NEVER_CACHED = new Set(["sw.js", "sw-version.js", "build.json"]);
// How long one online fetch of the engine unit answers both of its requests (glue and module).
const UNIT_REUSE_MS = 15000;

const scope = () => new URL(self.registration.scope);
/** The page-relative path of a same-origin URL ("pkg/hoken_check.js"), or null. */
function relPath(url) {
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  try {
    return decodeURIComponent(url.pathname.slice(base.pathname.length));
  } catch {
    return null; // a malformed %-escape: not one of our files; left to the network
  }
}

async function sha256(buf) {
  const d = await crypto.subtle.digest("SHA-256", buf);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetches `rel` past the HTTP cache and checks it against `hash`; resolves to [rel, body, headers]. */
async function fetchVerified(rel, hash, cacheMode) {
  const res = await fetch(new URL(rel, scope()), { cache: cacheMode, credentials: "same-origin" });
  if (!res.ok) throw new Error(`${rel}: HTTP ${res.status}`);
  const body = await res.arrayBuffer();
  const got = await sha256(body);
  if (got !== hash) throw new Error(`${rel}: content does not match the build manifest`);
  return [rel, body, new Headers(res.headers)];
}

/** A response with the verified bytes (decoded: no content-encoding/length of the transfer). */
const responseOf = ([, body, headers], source) => {
  const h = new Headers();
  for (const k of ["content-type", "last-modified", "etag"]) if (headers.has(k)) h.set(k, headers.get(k));
  h.set("x-hc-source", source);
  return new Response(body.slice(0), { status: 200, headers: h });
};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // Everything first, then the caches: a failed fetch or hash leaves no partial cache behind.
    const all = await Promise.all(Object.entries(B.files).map(([rel, hash]) => fetchVerified(rel, hash, "reload")));
    const engine = await caches.open(ENGINE_CACHE);
    const shell = await caches.open(SHELL_CACHE);
    for (const entry of all) {
      const url = new URL(entry[0], scope());
      await (ENGINE.has(entry[0]) ? engine : shell).put(url, responseOf(entry, "cache"));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([ENGINE_CACHE, SHELL_CACHE, PACK_CACHE]);
    // Also removes the unversioned "hoken-check-v1" cache of the first worker.
    const old = (await caches.keys()).filter((k) => (k.startsWith(PREFIX) || k.startsWith("hoken-check-")) && !keep.has(k));
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

// --- the engine units ------------------------------------------------------------------------------
// "engine": pkg/ (pre-cached at install); "pack": pkg-pack/ (cached here on first verified use).
const UNITS = {
  engine: { files: (m) => m.engineFiles, hashes: (m) => m.files, cache: ENGINE_CACHE, all: ENGINE },
  pack: { files: (m) => m.packEngineFiles, hashes: (m) => m.lazyFiles, cache: PACK_CACHE, all: PACK_ENGINE },
};
const units = new Map(); // kind -> { at, promise: Promise<Map<rel, entry> | null> }

/** Online: the server's build.json and all files of the unit, fetched together; the unit only
 * when every file matches that manifest (else null: offline, or a deploy is half done). A pack
 * unit of the build this worker installed is kept for offline use. */
function networkUnit(kind) {
  const u = units.get(kind);
  if (u && Date.now() - u.at < UNIT_REUSE_MS) return u.promise;
  const { files, hashes } = UNITS[kind];
  const promise = (async () => {
    try {
      const res = await fetch(new URL("build.json", scope()), { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) return null;
      const fresh = await res.json();
      const list = files(fresh), sums = hashes(fresh);
      if (!Array.isArray(list) || !sums) return null;
      const entries = await Promise.all(list.map((rel) => fetchVerified(rel, sums[rel], "no-cache")));
      if (kind === "pack" && fresh.packEngine === B.packEngine) {
        const cache = await caches.open(PACK_CACHE);
        for (const entry of entries) await cache.put(new URL(entry[0], scope()), responseOf(entry, "cache"));
      }
      return new Map(entries.map((e) => [e[0], e]));
    } catch {
      return null;
    }
  })();
  units.set(kind, { at: Date.now(), promise });
  return promise;
}

async function engineResponse(kind, rel) {
  const online = await networkUnit(kind);
  if (online && online.has(rel)) return responseOf(online.get(rel), "network");
  // Offline: the cached unit, only when it is whole.
  const cache = await caches.open(UNITS[kind].cache);
  const hits = await Promise.all([...UNITS[kind].all].map((f) => cache.match(new URL(f, scope()))));
  if (hits.every(Boolean)) {
    const hit = hits[[...UNITS[kind].all].indexOf(rel)];
    if (hit) return hit;
  }
  return new Response("engine unavailable offline", { status: 503 });
}

// --- the shell ------------------------------------------------------------------------------------
async function shellResponse(req, rel) {
  let res;
  try {
    res = await fetch(req, { cache: "no-cache" });
    if (res.status < 500) return res;
  } catch {
    // offline: below
  }
  const shell = await caches.open(SHELL_CACHE);
  // A navigation (any fragment or query) gets the page itself.
  const key = req.mode === "navigate" && (rel === "" || rel.endsWith("/") || rel === "index.html") ? "index.html" : rel;
  const hit = await shell.match(new URL(key, scope()), { ignoreSearch: true })
    || (req.mode === "navigate" ? await shell.match(new URL("index.html", scope())) : undefined);
  return hit || res || Response.error();
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  const rel = relPath(url);
  if (rel === null || NEVER_CACHED.has(rel)) return;
  if (req.mode === "navigate") units.clear(); // a new page load: fetch the engine units afresh
  const kind = ENGINE.has(rel) ? "engine" : PACK_ENGINE.has(rel) ? "pack" : null;
  event.respondWith(kind ? engineResponse(kind, rel) : shellResponse(req, rel));
});
