// Embed mode: the page inside an insurer's <iframe> (`?embed=1`, docs/insurers.md). Loaded by
// embed-frame.js only with `embed=1`, which has already added embed.css (it hides the site header
// and footer; `background=transparent` lets the host's background show through — a stylesheet
// file, as the page's CSP allows no inline styles). This module:
//  * posts the content height to the host page, `{ type: "hoken-check:height", version: 1,
//    height }`, only to the origin named by the query parameter `parent` (an http(s) origin;
//    anything else: nothing is posted), on load and whenever the height changes;
//  * in a sandboxed frame without `allow-same-origin` (an opaque origin): says so above the
//    essential rules, and hides the interactive check. Whether its modules and WebAssembly load
//    there at all depends on the server's CORS headers; if they do, the frame still cannot size
//    itself (the host ignores messages from origin "null") or keep its offline copy. One
//    predictable outcome that the site's web team sees at once beats a half-working one.
// The host side is hoken-check-frame.js. The protocol is fixed in INTERFACE.md; any change of
// the message means a new `version`.

const params = new URLSearchParams(location.search);

/** The `parent` query parameter as an origin to post to, or null if it is not one. */
export function parentOrigin(value) {
  if (!value) return null;
  let u;
  try {
    u = new URL(value);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  // An origin only: no path, query, fragment or credentials (a trailing "/" is tolerated).
  if (value !== u.origin && value !== u.origin + "/") return null;
  return u.origin;
}

/** Height of the page's content in CSS pixels (embed.css keeps html and body at auto height). */
function contentHeight() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

const BLOCKED_TEXT = {
  ja: "この埋め込みは設定が足りないため、質問に答えて調べる機能を使えません。サイトの管理者へ: iframe の sandbox 属性に allow-same-origin を加えてください(保険者向けガイド参照)。下の基本的なルールをご覧ください。",
  en: "This embed is not set up completely, so the interactive check cannot run. Site administrators: add allow-same-origin to the iframe's sandbox attribute (see the insurer guide). The essential rules are below.",
};

/** An opaque origin (sandbox without allow-same-origin): tell the reader and the site. */
function showBlocked() {
  const box = document.createElement("div");
  box.className = "embed-blocked";
  box.setAttribute("role", "alert");
  box.dataset.embedBlocked = "allow-same-origin";
  for (const lg of ["ja", "en"]) {
    const p = document.createElement("p");
    p.lang = lg;
    p.textContent = BLOCKED_TEXT[lg];
    box.append(p);
  }
  document.body.prepend(box);
  // embed.css shows #static-rules and hides the check (#app, <hoken-check>) from now on.
  document.documentElement.dataset.embedBlocked = "1";
  document.getElementById("loading")?.remove();
  console.error("hoken-check: this page is framed without sandbox allow-same-origin; the check is switched off. Add allow-same-origin (docs/insurers.md).");
}

/** Starts embed mode; `css` is the <link> of embed.css that embed-frame.js added. */
export function start(css) {
  const root = document.documentElement;
  if (params.get("background") === "transparent") root.dataset.embedBackground = "transparent";

  if (self.origin === "null") {
    showBlocked();
    return;
  }

  const target = parentOrigin(params.get("parent"));
  if (!target || window.parent === window) return;
  let last = -1;
  let queued = false;
  const post = () => {
    queued = false;
    const height = contentHeight();
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "hoken-check:height", version: 1, height }, target);
  };
  // Debounced to one message per frame. The timer is a fallback for frames the browser does not
  // render (a cross-origin iframe scrolled out of view gets no animation frames).
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => queued && post());
    setTimeout(() => queued && post(), 100);
  };
  new ResizeObserver(schedule).observe(root);
  // Opening a <details> (「詳しく」) changes the height; ResizeObserver sees it too, this is
  // belt and braces. `toggle` does not bubble, so listen in the capture phase.
  document.addEventListener("toggle", schedule, true);
  css?.addEventListener("load", schedule);
  addEventListener("load", schedule);
  schedule();
}
