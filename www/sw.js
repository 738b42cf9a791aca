// Service worker: after the first visit the page works offline. Network first (so a new
// version is picked up whenever the server answers), falling back to the copy cached on the
// first visit. Only this origin's GET requests are handled; nothing is sent anywhere else.
const CACHE = "hoken-check-v1";
const SHELL = [
  "./", "index.html", "style.css", "app.js", "i18n.js", "flow.js", "answer.js", "legacy.js",
  "pkg/browser.js", "pkg/api.js", "pkg/hoken_check.js", "pkg/hoken_check_bg.wasm",
  "locales/ja.json", "locales/en.json", "locales/ja-easy.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok && res.type === "basic") cache.put(req, res.clone());
      return res;
    } catch (err) {
      // Offline: the cached copy; a navigation (any fragment or query) gets the page itself.
      const hit = await cache.match(req, { ignoreSearch: true })
        || (req.mode === "navigate" ? await cache.match("index.html") : undefined);
      if (hit) return hit;
      throw err;
    }
  })());
});
