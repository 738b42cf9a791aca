// The embed configurator (configure.html): an insurer's web team picks the mode, language,
// insurer kind, pack, colours and options, and gets the snippet, the CSP lines its page needs and
// a live preview. The snippets and CSP lines come from embed-snippets.js (the one place they are
// written); the insurer kinds from the pack schema and their names from the page's catalogs
// (locales/*.json); the example packs from the build manifest (build.json lists every file of
// the build, packs/*.json included).
import { SANDBOX, THEME_PROPERTIES, iframeSnippet, elementSnippet, themeCss, hostCsp, pageQuery, originOf } from "./embed-snippets.js";

// The configurator's own texts (it is a tool for web teams: Japanese and English).
const T = {
  ja: {
    app: "保険証チェック", uiLang: "表示言語", title: "埋め込みの設定",
    intro: "保険者のウェブサイトに保険証チェックを載せるためのコードを作ります。選んだ内容がすぐ下のコードとプレビューに反映されます。詳しくは保険者向けガイド(docs/insurers.md)をご覧ください。",
    mode: "埋め込み方", modeIframe: "iframe(ページを枠で表示。サイトのCSSやスクリプトから切り離されます)",
    modeElement: "要素 <hoken-check>(サイトのページの中に直接表示。色を合わせられます)",
    modeHint: "iframe はサイトのページから入力内容を読めません。要素はサイトと同じページで動くため、サイトのスクリプトから入力内容が見えます。",
    lang: "チェックの言語", insurerKind: "保険の種類", insurerKindHint: "選ぶと、この質問を利用者に聞きません。",
    insurerKindAsk: "利用者に聞く", pack: "保険者パック(保険者ごとの情報)", packNone: "使わない",
    packExample: "見本のパック", packKindClash: "選んだパックは別の種類の保険のものです。パックと同じ種類を選ぶか「利用者に聞く」にしてください(パックが種類を決めます)。", packFile: "パック", packUrlOpt: "URL を指定", packUrl: "パックの URL",
    packUrlHint: "https:// で始まる URL。iframe では、このページと同じオリジンに置いたパックだけが読み込めます。",
    hostOrigin: "埋め込むサイトのオリジン", hostOriginHint: "例: https://www.example.or.jp(パスなし)。高さの自動調整のメッセージは、このオリジンにだけ送られます。",
    hostOriginBad: "https:// または http:// で始まるオリジン(パスなし)を入れてください。入れるまで、高さは自動調整されません。",
    asOf: "基準日(任意)", asOfHint: "空欄なら、利用者が開いた日(日本時間)で調べます。",
    background: "背景を透明にする(サイトの背景色を見せる)", events: "チェックが終わったら結果の要約をサイトに知らせる(hoken-check:result イベント)",
    theme: "色と文字(要素のみ)", themeHint: "空欄の項目は標準のままです。CSS の値を入れてください(例: #0017c1、16px)。",
    snippet: "コード", snippetHint: "サイトのページの、チェックを表示したい場所に貼り付けてください。", copy: "コードをコピー",
    copied: "コピーしました。", selected: "コードを選択しました。Ctrl+C(Mac は ⌘+C)でコピーしてください。",
    themeCss: "サイトのスタイルシートに加える CSS", themeBad: "使えない文字(; { } < > \\ /*)を含む値があります: ",
    csp: "サイトの Content-Security-Policy に必要な指定", cspHint: "サイトが CSP を送っている場合、次の指定を加えてください(既にある指定には値を足します)。",
    cspPackOther: "iframe のページは自分のオリジン以外からパックを読み込めません(connect-src 'self')。パックはこのページと同じ場所に置いてください。",
    preview: "プレビュー", previewIframe: "プレビューはこのページの中の iframe です(高さの自動調整も同じ仕組みです)。",
    previewElement: "要素のプレビュー: このページの中の <hoken-check> です。",
    previewNoElement: "このサーバーには要素(hoken-check-element.js)がまだありません。要素のプレビューは表示できません。コードとCSPの指定は有効です。",
    sandbox: "sandbox",
  },
  en: {
    app: "Health insurance card check", uiLang: "Language", title: "Embed configurator",
    intro: "Makes the code to put the check on an insurer's website. What you choose shows at once in the code and the preview below. See the insurer guide (docs/insurers.md) for details.",
    mode: "How to embed", modeIframe: "iframe (the page in a frame, kept apart from your site's CSS and scripts)",
    modeElement: "element <hoken-check> (directly in your page; takes your colours)",
    modeHint: "Your page cannot read what people enter in an iframe. The element runs in your page, so your page's scripts can see what is entered.",
    lang: "Language of the check", insurerKind: "Insurance type", insurerKindHint: "When chosen, people are not asked this question.",
    insurerKindAsk: "Ask the person", pack: "Insurer pack (your insurer's facts)", packNone: "None",
    packExample: "An example pack", packKindClash: "The chosen pack is for another insurance type. Choose the pack's type or \"Ask the person\" (the pack decides the type).", packFile: "Pack", packUrlOpt: "A URL", packUrl: "URL of the pack",
    packUrlHint: "An https:// URL. In an iframe, only a pack on this page's own origin can be loaded.",
    hostOrigin: "Origin of the site that embeds it", hostOriginHint: "For example https://www.example.or.jp (no path). The height messages go to this origin only.",
    hostOriginBad: "Enter an origin starting with https:// or http:// (no path). Until then the height is not adjusted.",
    asOf: "Date to check on (optional)", asOfHint: "Empty: the day the person opens it (Japan time).",
    background: "Transparent background (your site's background shows)", events: "Tell your page a summary of each finished check (the hoken-check:result event)",
    theme: "Colours and type (element only)", themeHint: "Empty fields keep the default. Enter CSS values (e.g. #0017c1, 16px).",
    snippet: "Code", snippetHint: "Paste it where the check should appear on your page.", copy: "Copy the code",
    copied: "Copied.", selected: "The code is selected: press Ctrl+C (⌘+C on a Mac) to copy it.",
    themeCss: "CSS to add to your stylesheet", themeBad: "A value contains characters that cannot be used (; { } < > \\ /*): ",
    csp: "What your site's Content-Security-Policy needs", cspHint: "If your site sends a CSP, add these (to an existing directive, add the values).",
    cspPackOther: "The page in the iframe loads packs from its own origin only (connect-src 'self'): put the pack next to the page.",
    preview: "Preview", previewIframe: "The preview is an iframe in this page (sized the same way as on your site).",
    previewElement: "Element preview: a <hoken-check> in this page.",
    previewNoElement: "This server has no element yet (hoken-check-element.js), so the element cannot be previewed. The code and CSP lines are valid.",
    sandbox: "sandbox",
  },
};

const $ = (id) => document.getElementById(id);
const form = $("cfg");
const BASE = new URL("./", location.href).href;
const PAGE_ORIGIN = location.origin;
let ui = new URLSearchParams(location.search).get("ui") === "en" ? "en" : "ja";
let catalogs = {};
let packs = [];
let elementAvailable = null;
let lastPreview = "";

const t = (k) => T[ui][k];

function applyTexts() {
  document.documentElement.lang = ui;
  document.title = `${t("app")} — ${t("title")}`;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-t-label]")) el.setAttribute("aria-label", t(el.dataset.tLabel));
  for (const b of document.querySelectorAll("[data-ui-lang]")) b.setAttribute("aria-pressed", String(b.dataset.uiLang === ui));
}

async function loadCatalog(lg) {
  if (!catalogs[lg]) catalogs[lg] = await fetch(`locales/${lg}.json`).then((r) => r.json());
  return catalogs[lg];
}

let kinds = null;
/** Insurer kinds from the pack schema (packs/pack.schema.json, who.insurerKind), named by the
 * page's catalog (`insurer.<kind>`). */
async function fillInsurerKinds() {
  if (!kinds) {
    kinds = await fetch("packs/pack.schema.json").then((r) => r.json())
      .then((s) => s.properties.who.properties.insurerKind.enum, () => []);
  }
  const cat = await loadCatalog(ui);
  const sel = $("insurer-kind");
  const keep = sel.value;
  for (const o of [...sel.options].slice(1)) o.remove();
  for (const k of kinds) sel.append(new Option(cat["insurer." + k] || k, k));
  sel.value = keep;
}

/** The example packs of this build (build.json), with the insurer's name from each pack. */
async function fillPacks() {
  let files = [];
  try {
    const manifest = await fetch("build.json", { cache: "no-store" }).then((r) => r.json());
    files = Object.keys(manifest.files).filter((f) => /^packs\/[^/]+\.json$/.test(f) && !f.endsWith(".schema.json"));
  } catch {
    files = [];
  }
  packs = [];
  for (const f of files.sort()) {
    try {
      const p = await fetch(f).then((r) => r.json());
      packs.push({ file: f, name: (p.who && p.who.name) || f, kind: (p.who && p.who.insurerKind) || "" });
    } catch {
      // A pack that cannot be read is not offered.
    }
  }
  const sel = $("pack-file");
  sel.replaceChildren(...packs.map((p) => new Option(`${p.name} (${p.file})`, p.file)));
  $("pack-example").disabled = !packs.length;
  sel.disabled = !packs.length;
}

/** The options as chosen; `errors` for fields that need attention. */
function options() {
  const fd = new FormData(form);
  const mode = fd.get("mode");
  const o = { base: BASE, mode, lang: fd.get("lang"), insurerKind: fd.get("insurerKind") || "", asOf: fd.get("asOf") || "", errors: {} };
  const packFrom = fd.get("packFrom");
  if (packFrom === "example" && fd.get("packFile")) {
    o.pack = new URL(fd.get("packFile"), BASE).href;
    o.packKind = (packs.find((p) => p.file === fd.get("packFile")) || {}).kind || "";
  }
  if (packFrom === "url") {
    const raw = String(fd.get("packUrl") || "").trim();
    if (raw && originOf(raw)) o.pack = new URL(raw).href;
  }
  if (mode === "iframe") {
    const raw = String(fd.get("hostOrigin") || "").trim();
    const origin = originOf(raw);
    if (origin && (raw === origin || raw === origin + "/")) o.hostOrigin = origin;
    else o.errors.hostOrigin = true;
    o.background = fd.get("background") ? "transparent" : "";
  } else {
    o.events = !!fd.get("events");
    o.theme = Object.fromEntries(THEME_PROPERTIES.map((k) => [k, String(fd.get(k) || "").trim()]));
  }
  return o;
}

function update() {
  const o = options();
  for (const el of document.querySelectorAll("[data-only]")) el.hidden = el.dataset.only !== o.mode;
  $("pack-file").closest(".sub").hidden = form.elements.packFrom.value !== "example";
  $("pack-url").closest(".sub").hidden = form.elements.packFrom.value !== "url";

  // A pack decides the insurer kind; another kind chosen here is an error in the engine.
  const clash = o.packKind && o.insurerKind && o.packKind !== o.insurerKind;
  $("pack-kind-note").hidden = !clash;
  $("pack-kind-note").textContent = clash ? t("packKindClash") : "";

  const err = $("host-origin-error");
  const showErr = o.mode === "iframe" && o.errors.hostOrigin;
  err.hidden = !showErr;
  err.textContent = showErr ? t("hostOriginBad") : "";
  $("host-origin").setAttribute("aria-invalid", String(!!showErr));

  $("snippet").textContent = o.mode === "iframe" ? iframeSnippet(o) : elementSnippet(o);
  let css = "";
  if (o.mode === "element") {
    try {
      css = themeCss(o.theme);
    } catch (e) {
      css = t("themeBad") + e.message;
    }
  }
  $("theme-out").hidden = !css;
  $("theme-css").textContent = css;
  $("csp").textContent = hostCsp(o.mode, o).join(";\n");
  const packElsewhere = o.mode === "iframe" && o.pack && originOf(o.pack) !== PAGE_ORIGIN;
  $("csp-note").textContent = packElsewhere ? t("cspPackOther") : "";
  $("copied").textContent = "";
  preview(o);
}

async function preview(o) {
  const box = $("preview");
  if (o.mode === "iframe") {
    $("preview-note").textContent = t("previewIframe");
    // Sized by hoken-check-frame.js (loaded by this page), like on the insurer's page.
    const src = new URL("?" + pageQuery({ ...o, hostOrigin: PAGE_ORIGIN }), BASE).href;
    if (lastPreview === src) return;
    lastPreview = src;
    const f = document.createElement("iframe");
    f.setAttribute("data-hoken-check", "");
    f.src = src;
    f.title = t("preview");
    f.setAttribute("sandbox", SANDBOX);
    f.width = "100%";
    f.height = "600";
    box.replaceChildren(f);
    return;
  }
  if (elementAvailable === null) {
    elementAvailable = await fetch("hoken-check-element.js", { method: "HEAD" }).then((r) => r.ok, () => false);
  }
  if (!elementAvailable) {
    lastPreview = "";
    $("preview-note").textContent = t("previewNoElement");
    box.replaceChildren();
    return;
  }
  $("preview-note").textContent = t("previewElement");
  await import("./hoken-check-element.js");
  const key = JSON.stringify(["element", o.lang, o.insurerKind, o.asOf, o.pack, o.events, o.theme]);
  if (lastPreview === key) return;
  lastPreview = key;
  const el = document.createElement("hoken-check");
  for (const [a, v] of [["lang", o.lang], ["insurer-kind", o.insurerKind], ["as-of", o.asOf], ["pack", o.pack], ["events", o.events ? "summary" : ""]]) {
    if (v) el.setAttribute(a, v);
  }
  // CSSOM, not a style attribute: allowed by this page's CSP (style-src 'self').
  for (const k of THEME_PROPERTIES) if (o.theme[k] && !/[;{}<>\\]/.test(o.theme[k])) el.style.setProperty(k, o.theme[k]);
  box.replaceChildren(el);
}

async function copy() {
  const text = $("snippet").textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copied").textContent = t("copied");
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("snippet"));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    $("copied").textContent = t("selected");
  }
}

function themeFields() {
  const box = $("theme");
  const fields = THEME_PROPERTIES.map((k) => {
    const id = "theme" + k.slice("--hoken-check".length);
    const div = document.createElement("div");
    div.className = "sub";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = k;
    const input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.name = k;
    input.autocomplete = "off";
    input.spellcheck = false;
    div.append(label, input);
    return div;
  });
  box.replaceChildren(...fields);
}

async function main() {
  themeFields();
  applyTexts();
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (ev) => ev.preventDefault());
  $("copy").addEventListener("click", copy);
  document.querySelector(".cfg-langs").addEventListener("click", async (ev) => {
    const b = ev.target.closest("[data-ui-lang]");
    if (!b) return;
    ui = b.dataset.uiLang;
    applyTexts();
    await fillInsurerKinds();
    update();
  });
  await Promise.all([fillInsurerKinds(), fillPacks()]);
  update();
  document.documentElement.dataset.ready = "1";
}

main();
