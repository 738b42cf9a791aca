// hoken-check, the standalone page: a thin host of <hoken-check> (www/hoken-check-ui.js holds
// the check itself). The page keeps what is not the element's: the header with the language
// switch, the footer, the static essential rules shown until the element runs (or when it
// cannot), the service worker and the freshness notice. It maps the address's query (lang,
// insurer-kind, as-of, pack — a pack must be a URL here, never "#id") onto the element's
// attributes and lets it own the address (history, the answers' link in the fragment).
import { LANGS, loadCatalog, hasCatalog, setLang, msg, txt } from "./i18n.js";

const el = document.querySelector("hoken-check");
const query = new URLSearchParams(location.search);
for (const name of ["lang", "insurer-kind", "as-of"]) {
  const v = query.get(name);
  if (v) el.setAttribute(name, v);
}
const pack = query.get("pack");
if (pack && !pack.startsWith("#")) el.setAttribute("pack", pack);
if (!LANGS.includes(el.getAttribute("lang"))) el.setAttribute("lang", "ja");
// The engine's module, fetched now rather than when the element asks for it: with a pack the full
// build (pkg-pack/), else the small one (pkg/) — never both, so index.html cannot name it.
// Not on file:// (the single-file edition has it inline).
if (location.protocol === "http:" || location.protocol === "https:") {
  const pre = document.createElement("link");
  Object.assign(pre, { rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "anonymous",
    href: el.hasAttribute("pack") ? "pkg-pack/hoken_check_bg.wasm" : "pkg/hoken_check_bg.wasm" });
  document.head.append(pre);
}
// The page owns the address (history, the answers' link) — but not inside an insurer's iframe
// (?embed=1): there a history entry would be one more step of the host site's back button and a
// link would open the bare embed, so the element behaves as on an insurer's own page.
if (query.get("embed") !== "1") el.hcPage = true;

function currentLang() { return el.getAttribute("lang"); }

/** Header, footer and <html lang> in the element's language. */
function renderChrome() {
  const lg = currentLang();
  if (!hasCatalog(lg)) return;
  setLang(lg);
  document.documentElement.lang = lg === "en" ? "en" : "ja";
  document.getElementById("app-name").replaceChildren(msg("ui.app.name"));
  document.getElementById("skip-link").replaceChildren(msg("ui.skip"));
  const nav = document.getElementById("langs");
  nav.setAttribute("aria-label", txt("ui.lang.label"));
  nav.hidden = false;
  for (const b of nav.querySelectorAll("button")) {
    b.setAttribute("aria-pressed", b.dataset.lang === lg ? "true" : "false");
  }
  const batch = document.createElement("a");
  batch.href = "batch.html";
  batch.append(msg("ui.footer.batch"));
  const p = (...kids) => { const e = document.createElement("p"); e.append(...kids); return e; };
  document.getElementById("footer").replaceChildren(p(msg("ui.app.privacy")), p(batch));
}

/** The element could not start: say why above the static rules (which stay). */
function showNoEngine(cause) {
  const csp = cause !== null && typeof cause === "object" && cause.code === "wasmBlockedByCsp";
  const why = document.getElementById("static-why");
  why.hidden = false;
  const lg = currentLang();
  if (hasCatalog(lg)) setLang(lg);
  why.textContent = hasCatalog(lg) ? txt(csp ? "ui.noEngineCsp" : "ui.noEngine")
    : csp ? "このページの設定(Content-Security-Policy)が計算を止めています。下の基本的なルールをご覧ください。 / This page's Content-Security-Policy blocks the check ('wasm-unsafe-eval' is needed). See the essential rules below."
    : "このブラウザでは計算ができません。下の基本的なルールをご覧ください。 / This browser cannot run the check. See the essential rules below.";
}

async function main() {
  performance.mark("hc-start");
  const skip = document.getElementById("skip-link");
  skip.addEventListener("click", (ev) => { ev.preventDefault(); document.getElementById("main").focus(); });
  // The element follows its lang attribute (set here by the buttons, or by the element itself
  // when a link carries a language): the chrome follows the same attribute.
  new MutationObserver(() => loadCatalog(currentLang()).then(renderChrome, () => {}))
    .observe(el, { attributes: true, attributeFilter: ["lang"] });
  document.getElementById("langs").addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-lang]");
    if (!b) return;
    const lg = b.dataset.lang;
    if (lg === currentLang()) return;
    el.setAttribute("lang", lg);
    // Focus stays on the pressed button once the language has switched.
    loadCatalog(lg).then(() => { renderChrome(); const again = document.querySelector(`#langs button[data-lang="${lg}"]`); if (again) again.focus(); });
  });
  if (typeof WebAssembly !== "object") {
    await loadCatalog(currentLang()).catch(() => {});
    showNoEngine();
    return;
  }
  await import("./hoken-check-element.js");
  try {
    await el.ready;
  } catch (e) {
    await loadCatalog(currentLang()).catch(() => {});
    showNoEngine(e);
    throw e;
  }
  await loadCatalog(currentLang());
  document.getElementById("static-rules").hidden = true;
  renderChrome();
  document.documentElement.dataset.ready = "1";

  // After the first screen: the other catalogs (so switching language needs no network later)
  // and the service worker (offline after this visit). Not on file:// (single-file edition).
  if (location.protocol === "http:" || location.protocol === "https:") {
    Promise.all(LANGS.map((l) => loadCatalog(l).catch(() => null))).then(() => {
      document.documentElement.dataset.catalogs = "1";
    });
    if ("serviceWorker" in navigator) {
      // updateViaCache "none": the browser checks sw.js and its generated sw-version.js past the
      // HTTP cache, so a deploy is seen on the next load whatever Cache-Control says.
      navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).then(() => navigator.serviceWorker.ready)
        .then(() => { document.documentElement.dataset.sw = "1"; }).catch(() => {});
    }
    // Is the engine in use the published one, and how old are its rules when offline?
    // (www/freshness.js adds its own notice; a script element keeps it out of the single-file
    // bundle, which has no server to ask.)
    const fresh = document.createElement("script");
    fresh.type = "module";
    fresh.src = "freshness.js";
    document.head.append(fresh);
  }
}

main();
