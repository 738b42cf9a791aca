// The embed snippets and the host CSP lines they need: the one place they are written
// (configure.js shows them; the embed tests paste them into host pages; docs/insurers.md quotes
// them and a test holds the guide to this file). No DOM here: it also runs in Node.

/**
 * The iframe's sandbox: what the page needs, nothing more.
 *  allow-scripts            the check is a script;
 *  allow-same-origin        its modules, engine (WebAssembly) and offline copy load from its own
 *                           origin; an opaque origin cannot (and could not post its height);
 *  allow-forms              each question is a <form> (submitting runs the check; the page's CSP
 *                           form-action 'none' sends nothing anywhere);
 *  allow-popups(+escape)    official sources open in a new tab, unsandboxed;
 *  allow-modals             「印刷」 (window.print());
 *  allow-downloads          the calendar file (.ics).
 */
export const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";

/** Languages of the page and the element (INTERFACE.md). */
export const LANGS = ["ja", "en", "ja-easy"];

/** Theming properties of <hoken-check> (INTERFACE.md), set by the host on the element. */
export const THEME_PROPERTIES = [
  "--hoken-check-accent", "--hoken-check-accent-text", "--hoken-check-background", "--hoken-check-text",
  "--hoken-check-font-family", "--hoken-check-font-size", "--hoken-check-radius",
];

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The origin of a URL, or "" when it is not an http(s) URL. */
export function originOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : "";
  } catch {
    return "";
  }
}

/**
 * The query of the page for the options (INTERFACE.md: lang, insurer-kind, as-of, pack; a pack
 * from the query must be a URL). Options left at their default are left out.
 */
export function pageQuery(o) {
  const q = new URLSearchParams();
  q.set("embed", "1");
  if (o.hostOrigin) q.set("parent", o.hostOrigin);
  if (o.lang && o.lang !== "ja") q.set("lang", o.lang);
  if (o.insurerKind) q.set("insurer-kind", o.insurerKind);
  if (o.asOf) q.set("as-of", o.asOf);
  if (o.pack) q.set("pack", o.pack);
  if (o.background === "transparent") q.set("background", "transparent");
  return q.toString();
}

/**
 * The iframe snippet. `base`: the URL of the page's directory (ends with "/"); `hostOrigin`: the
 * origin of the insurer's page (the only one the height is posted to).
 */
export function iframeSnippet(o) {
  const src = new URL("?" + pageQuery(o), o.base).href;
  const title = o.lang === "en" ? "Health insurance card check" : "保険証チェック";
  return `<iframe data-hoken-check src="${esc(src)}" title="${esc(title)}"\n` +
    `  sandbox="${SANDBOX}"\n` +
    // Attributes, not a style attribute: a host CSP without 'unsafe-inline' ignores style="…".
    `  width="100%" height="600" frameborder="0"></iframe>\n` +
    `<script src="${esc(new URL("hoken-check-frame.js", o.base).href)}" async></script>`;
}

/** The element snippet: the loader, then <hoken-check> with the chosen attributes. */
export function elementSnippet(o) {
  const attrs = [];
  if (o.lang && o.lang !== "ja") attrs.push(`lang="${esc(o.lang)}"`);
  if (o.insurerKind) attrs.push(`insurer-kind="${esc(o.insurerKind)}"`);
  if (o.asOf) attrs.push(`as-of="${esc(o.asOf)}"`);
  if (o.pack) attrs.push(`pack="${esc(o.pack)}"`);
  if (o.events) attrs.push(`events="summary"`);
  return `<script type="module" src="${esc(new URL("hoken-check-element.js", o.base).href)}"></script>\n` +
    `<hoken-check${attrs.map((a) => " " + a).join("")}></hoken-check>`;
}

/**
 * The theme as a rule for the host's own stylesheet (a style="…" attribute would need
 * 'unsafe-inline' in a strict host CSP), or "" when no property is set. Values are checked:
 * nothing that could end the declaration or the rule.
 */
export function themeCss(theme) {
  const set = THEME_PROPERTIES.filter((k) => theme && typeof theme[k] === "string" && theme[k].trim());
  const bad = set.find((k) => /[;{}<>\\]|\/\*/.test(theme[k]));
  if (bad) throw new Error(`${bad}: ${theme[bad]}`);
  if (!set.length) return "";
  return `hoken-check {\n${set.map((k) => `  ${k}: ${theme[k].trim()};\n`).join("")}}`;
}

/**
 * The Content-Security-Policy directives the host page needs for the mode (docs/insurers.md).
 * `o.base`: the page's directory URL; `o.pack`: a pack on another origin also needs connect-src.
 */
export function hostCsp(mode, o) {
  const origin = originOf(o.base);
  if (mode === "iframe") return [`frame-src ${origin}`, `script-src ${origin}`];
  const connect = [origin];
  const packOrigin = o.pack && !o.pack.startsWith("#") ? originOf(new URL(o.pack, o.base).href) : "";
  if (packOrigin && packOrigin !== origin) connect.push(packOrigin);
  // No style-src: the element's styles are a constructable stylesheet, which CSP does not
  // govern (tests/e2e/element.test.mjs runs it under style-src 'none').
  return [`script-src ${origin} 'wasm-unsafe-eval'`, `connect-src ${connect.join(" ")}`];
}
