// The <hoken-check> element's UI: one question per screen, a check-your-answers screen, the
// answer. Loaded by hoken-check-element.js (the loader) when an element connects; everything
// it needs (engine, catalogs, styles) comes relative to this module's own URL, never the host
// page's. Each element keeps its own state (mount() below): several elements on one page, each
// with its own language, insurer kind and pack, never share a check.
// Answers live in memory only (and, on the standalone page, in the URL fragment when the person
// asks for a link). Everything is worked out on the device by the WebAssembly engine.
import { LANGS, loadCatalog, hasCatalog, setLang, lang, msg, txt, dateNodes, todayInJapan, ERAS, wareki, useCalendar, useRuleDates } from "./i18n.js";
import { QUESTIONS, answerOf, walk, encodeAnswers, decodeAnswers } from "./flow.js";
import { renderAnswer, renderReception, drawing, DRAWN } from "./answer.js";
import { CSS } from "./hoken-check-style.js";

// --- tiny DOM helper ---------------------------------------------------------------------------
/** h("p", { class: "x", id: "y", onclick: fn, "aria-x": "…" }, child…) */
/** Appends the children that are not null / undefined / false. */
export function put(el, ...kids) {
  for (const kid of kids.flat(Infinity)) if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
  return el;
}

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, v);
  }
  return put(el, ...kids);
}

// --- the engine: two builds of the same rules (docs/perf.md). pkg/ has no insurer-pack reader
// (~53 KB brotli) and serves every element without a `pack`; pkg-pack/ is the full build (the
// npm package's), loaded only once an element has (or gets) a pack. Each is loaded once for all
// the elements that use it; neither keeps a check's state (each call passes its own situation
// and pack — js/api.js re-validates when another pack comes). Both give the same answers
// (tests/js/page-module.test.mjs). -------------------------------------------------------------
const engines = new Map(); // withPack (boolean) -> Promise of the engine module
function loadEngine(withPack) {
  let p = engines.get(withPack);
  if (!p) {
    p = (withPack ? import("./pkg-pack/browser.js") : import("./pkg/browser.js")).then((engine) => {
      useCalendar(engine.toWareki);
      useRuleDates(engine.rulesInfo().params);
      return engine;
    });
    p.catch(() => { if (engines.get(withPack) === p) engines.delete(withPack); });
    engines.set(withPack, p);
  }
  return p;
}

/** The engine the page already runs (the pack build when an element uses one), for
 * www/freshness.js: it asks that engine for its rules and never loads a second one. */
export function engineInUse() {
  return engines.get(true) || engines.get(false) || loadEngine(false);
}

// One stylesheet object for every shadow root (constructable: no <style> element, so a host
// CSP with style-src 'self' does not block it).
let sheet = null;
function adoptStyles(shadow) {
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in shadow) {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = CSS;
    shadow.append(style);
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds one element's UI in `shadow`. `host.hcPage === true` (set by the standalone page,
 * www/app.js) lets it own the address: history entries, the answers' link in the fragment and
 * the document title. Returns { start, attributeChanged }.
 */
export function mount(host, shadow) {
  const page = host.hcPage === true;
  adoptStyles(shadow);
  const view = document.createElement("div");
  view.className = "hc";
  view.id = "app";
  view.setAttribute("aria-live", "off");
  shadow.append(view);

  // --- state -------------------------------------------------------------------------------------
  const state = {
    engine: null,
    engineWithPack: false, // state.engine is the full build (pkg-pack/), which reads packs
    today: todayInJapan(),
    lang: "ja",
    pack: null,         // the insurer pack in use (validated by the engine), or null
    packError: null,    // a HokenCheckError for a pack that could not be used
    lastEvent: null,    // the summary last announced to the host (events="summary")
    answers: {},        // field -> { v, c }
    screen: null,       // { name: "q", field } | { name: "check" } | { name: "answer" } | { name: "reception" }
    linkOn: false,      // the person asked for a link: keep the fragment in step with the answers
    notice: null,       // one-shot message key shown on the next screen
    errors: null,       // [{ id, key }] for the current question
  };

  function freshAnswers() { return { asOf: { v: state.today, c: "today" } }; }

  // Which document an "I don't know" answer leaves uncertain (all others: every document).
  const FIELD_DOC = {
    hasMyNumberCard: "mynahokensho", registeredForInsurance: "mynahokensho", registrationCancelledDate: "mynahokensho",
    myNumberCardExpiry: "mynahokensho", ecertExpiry: "mynahokensho", smartphone: "mynahokensho",
    shikakuKakuninshoHeld: "shikakuKakuninsho", shikakuKakuninshoExpiry: "shikakuKakuninsho",
    oldCardHeld: "oldCard", oldCardPrintedExpiry: "oldCard", qualificationLostDate: "oldCard", cardDataChangeDate: "oldCard",
    shikakuJohoOshiraseHeld: "shikakuJohoOshirase",
  };
  // Whom to contact, by insurer kind (R-KAKU-1: the insurer issues the 資格確認書).
  const WHERE = { kokuho: "ui.where.city", kokiKoreisha: "ui.where.city", kokuhoKumiai: "ui.where.insurer",
    kyokaiKenpo: "ui.where.employer", kenpoKumiai: "ui.where.employer", kyosai: "ui.where.employer", senin: "ui.where.employer" };

  const app = () => view;

  // --- navigation --------------------------------------------------------------------------------
  /** Shows `screen`: a new history entry without answers in its address, or (answers in the
   * fragment) the same entry replaced — answers never spread over history (docs/page.md). */
  function go(screen, { push = true, focus = true } = {}) {
    state.screen = screen;
    state.errors = null;
    if (page && push && !state.linkOn) history.pushState({ hc: screen }, "", location.pathname + location.search);
    else if (page && push) history.replaceState({ hc: screen }, "", location.href);
    render({ focus });
  }

  function nextScreen() {
    const w = walkNow(state.answers);
    return w.next ? { name: "q", field: w.next } : { name: "check" };
  }

  function backTarget(screen) {
    if (screen.name === "q" && screen.from) return screen.from;
    if (screen.name === "start") return null;
    if (screen.name === "error") return null;
    if (screen.name === "check") {
      const { seq } = walkNow(state.answers);
      return seq.length ? { name: "q", field: seq[seq.length - 1] } : null;
    }
    if (screen.name === "answer") return { name: "check" };
    if (screen.name === "reception") return { name: "answer" };
    if (screen.name === "q") {
      if (screen.field === "asOf") return screen.from || null;
      const { seq } = walkNow(state.answers);
      const i = seq.indexOf(screen.field);
      if (i > 0) return { name: "q", field: seq[i - 1] };
      if (i === -1 && seq.length) return { name: "q", field: seq[seq.length - 1] };
      return { name: "start" };
    }
    return null;
  }

  function answersChanged() {
    if (!state.linkOn || !page) return;
    const { seq } = walkNow(state.answers);
    history.replaceState(history.state, "", "#" + encodeAnswers(state.answers, ["asOf", ...seq], state.lang));
  }

  // --- rendering ---------------------------------------------------------------------------------
  function render({ focus = true } = {}) {
    const s = state.screen;
    const root = app();
    setLang(state.lang);
    view.lang = state.lang === "en" ? "en" : "ja";
    root.replaceChildren();
    put(root, packNotice());
    let title;
    try {
      if (s.name === "start") title = renderStart(root);
      else if (s.name === "q") title = renderQuestion(root, s.field);
      else if (s.name === "check") title = renderCheck(root);
      else if (s.name === "answer") title = renderAnswerScreen(root);
      else if (s.name === "reception") title = renderReceptionScreen(root);
      else title = renderError(root);
    } catch (e) {
      // Never a blank page: say so, and offer a way out.
      root.replaceChildren();
      title = renderError(root);
      setTimeout(() => { throw e; });
    }
    if (page) document.title = `${title} — ${txt("ui.app.name")}`;
    if (focus) {
      const target = root.querySelector(".error-summary") || root.querySelector("h1");
      if (target) target.focus();
    }
  }

  function backLink(screen) {
    const target = backTarget(screen);
    if (!target) return null;
    return h("button", { type: "button", class: "back-link", onclick: () => go(target) }, msg("ui.back"));
  }

  function asOfLine(from) {
    const a = state.answers.asOf;
    const key = a.v === state.today ? "ui.asOf.lineToday" : "ui.asOf.line";
    return h("p", { class: "as-of" },
      h("span", {}, msg(key, { date: a.v })), " ",
      h("button", { type: "button", class: "link", "data-action": "change-date",
        onclick: () => go({ name: "q", field: "asOf", from }) }, msg("ui.asOf.change")));
  }

  function notice() {
    if (!state.notice) return null;
    const n = h("div", { class: "notice", role: "status" }, msg(state.notice.key, state.notice.params));
    state.notice = null;
    return n;
  }

  function renderError(root) {
    put(root,
      h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.err.screen")),
      h("p", {}, msg("ui.err.screenHint")),
      h("div", { class: "actions" }, h("button", { type: "button", class: "btn", "data-action": "restart", onclick: () => {
        state.answers = freshAnswers();
        state.linkOn = false;
        if (page) history.replaceState(null, "", location.pathname + location.search);
        go({ name: "start" }, { push: false });
      } }, msg("ui.restart"))));
    return txt("ui.err.screen");
  }

  // --- the start screen (GOV.UK "start page") --------------------------------------------------------
  function renderStart(root) {
    const who = state.answers.who;
    const form = h("form", { class: "question", novalidate: true, "data-screen": "start", "aria-labelledby": "page-title" },
      h("fieldset", { class: "fieldset" },
        h("legend", { class: "legend" }, h("h2", { id: "q-who-title", class: "legend-h2" }, msg("ui.q.who.title"))),
        h("div", { class: "choices" }, QUESTIONS.who.options.map((v) => h("div", { class: "choice" },
          h("input", { type: "radio", id: "q-who-" + v, name: "who", value: v, class: "choice-input", checked: who ? who.c === v : v === "self" }),
          h("label", { for: "q-who-" + v, class: "choice-label" }, msg("ui.opt.who." + v)))))),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "btn", "data-action": "start" }, msg("ui.start.button"))));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const picked = form.querySelector("input[name=who]:checked");
      state.answers.who = answerOf("who", picked ? picked.value : "self");
      answersChanged();
      go(nextScreen());
    });
    put(root,
      h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.start.title")),
      h("p", { class: "lead" }, msg("ui.app.tagline")),
      h("ul", { class: "start-list" },
        h("li", {}, msg("ui.start.answers1")), h("li", {}, msg("ui.start.answers2")), h("li", {}, msg("ui.start.answers3"))),
      h("h2", {}, msg("ui.start.haveTitle")),
      h("p", {}, msg("ui.start.have")),
      h("ul", { class: "docs-at-hand" }, DRAWN.map((d) => h("li", {}, drawing(d), msg("kind." + d)))),
      h("p", {}, msg("ui.start.time")),
      h("p", { class: "privacy" }, msg("ui.app.privacy")),
      asOfLine({ name: "start" }),
      notice(),
      form);
    return txt("ui.start.title");
  }

  // --- question screens ----------------------------------------------------------------------------
  function renderQuestion(root, field) {
    const q = QUESTIONS[field];
    const a = state.answers[field];
    const qid = "q-" + field;
    const errs = state.errors || [];
    const errFor = (id) => errs.find((e) => e.id === id || e.group === id);

    const hintId = qid + "-hint";
    const groupErr = errFor(qid);
    const describedBy = [hintId, groupErr ? qid + "-err" : null].filter(Boolean).join(" ");

    const options = [];
    const radio = (value, labelNodes, checked, extra) => {
      const id = `${qid}-${value}`;
      return h("div", { class: "choice" },
        h("input", { type: "radio", id, name: field, value, checked: !!checked, class: "choice-input" }),
        h("label", { for: id, class: "choice-label" }, labelNodes), extra || null);
    };
    let dateGroup = null;
    if (q.kind === "choice") {
      for (const v of q.options) options.push(radio(v, msg(q.label + v), a && a.c === v));
    } else if (q.kind === "bool") {
      options.push(radio("yes", msg(q.yesLabel || "ui.yes"), a && a.c === "yes"));
      for (const [id, , key] of q.extra || []) options.push(radio(id, msg(key), a && a.c === id));
      options.push(radio("no", msg("ui.no"), a && a.c === "no"));
    } else if (q.kind === "multi") {
      for (const v of q.options) {
        const id = `${qid}-${v}`;
        options.push(h("div", { class: "choice" },
          h("input", { type: "checkbox", id, name: field, value: v, class: "choice-input",
            checked: !!(a && a.v.includes(v)) }),
          h("label", { for: id, class: "choice-label" }, msg(q.label + v))));
      }
    } else if (q.kind === "date") {
      dateGroup = dateInput(qid, field, q, a && a.c === "date" ? a.v : null, errs);
      const dateRadio = radio("date", msg(q.dateOpt), a && a.c === "date", dateGroup.el);
      if (!q.nullsFirst) options.push(dateRadio);
      for (const [id, key] of q.nulls) {
        options.push(radio(id, msg(key, { date: state.today }), field === "asOf" ? (a && a.c === id) : (a && a.c === id)));
      }
      if (q.nullsFirst) options.push(dateRadio);
    }
    if (q.kind !== "date" && q.kind !== "multi") {
      for (const [id, key] of q.nulls || []) options.push(radio(id, msg(key), a && a.c === id));
    }

    const errorSummary = errs.length ? h("div", { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "err-title" },
      h("h2", { id: "err-title", class: "error-summary-title" }, msg("ui.err.title")),
      h("ul", {}, errs.map((e) => h("li", {}, h("a", { href: "#" + e.id, onclick: (ev) => {
        ev.preventDefault();
        const t = shadow.getElementById(e.id);
        if (t) t.focus();
      } }, msg(e.key)))))) : null;

    const form = h("form", { class: "question", novalidate: true, "data-field": field, "aria-labelledby": "page-title" },
      errorSummary,
      h("fieldset", { class: "fieldset" + (groupErr ? " has-error" : ""), "aria-describedby": describedBy },
        h("legend", { class: "legend" }, h("h1", { id: "page-title", tabindex: "-1" }, msg(`ui.q.${field}.title`))),
        q.drawing ? h("div", { class: "with-drawing" }, drawing(q.drawing, "big"), h("p", { class: "hint", id: hintId }, msg(`ui.q.${field}.hint`)))
          : h("p", { class: "hint", id: hintId }, msg(`ui.q.${field}.hint`)),
        groupErr ? h("p", { class: "error-message", id: qid + "-err" }, h("span", { class: "vh" }, "! "), msg(groupErr.key)) : null,
        h("div", { class: q.kind === "multi" ? "choices checkboxes" : "choices" }, options)),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "btn", "data-action": "continue" }, msg("ui.continue"))),
      Object.keys(state.answers).length > 1
        ? h("p", { class: "clear-row" }, h("button", { type: "button", class: "link small", "data-action": "clear", onclick: clearAnswers }, msg("ui.clear"))) : null);

    // Conditional reveal of the date fields under their radio.
    const syncReveal = () => {
      if (!dateGroup) return;
      const on = form.querySelector(`#${qid}-date`).checked;
      dateGroup.el.hidden = !on;
    };
    form.addEventListener("change", syncReveal);
    form.addEventListener("submit", (ev) => { ev.preventDefault(); submitQuestion(form, field, dateGroup); });

    const who = state.answers.who && state.answers.who.c;
    put(root,
      backLink(state.screen),
      who && who !== "self" && field !== "asOf" ? h("p", { class: "hint", "data-who": who }, msg("ui.who.note." + who)) : null,
      notice(),
      form);
    syncReveal();
    return txt(`ui.q.${field}.title`);
  }

  /** The 年/月/日 fields with a 和暦/西暦 switch and a free-text box for what is printed. */
  function dateInput(qid, field, q, value, errs) {
    const id = qid + "-d";
    const err = errs.find((e) => e.group === id);
    const errId = id + "-err";
    const desc = err ? errId : null;
    const defaultEra = lang() === "en" ? "western" : q.era;
    let era = defaultEra, y = "", m = "", d = "";
    if (value) {
      const w = wareki(value);
      m = String(w.month); d = String(w.day);
      if (era !== "western" && w.era && w.era.id === era) y = String(w.year);
      else { era = "western"; y = String(w.western); }
    }
    const cal = h("select", { id: id + "-cal", class: "select", "aria-describedby": desc },
      h("option", { value: "western", selected: era === "western" }, txt("ui.date.western")),
      ERAS.slice(0, 4).map((e) => h("option", { value: e.id, selected: era === e.id }, txt("ui.era." + e.id))));
    const num = (suffix, key, val, width) => h("div", { class: "date-item" },
      h("label", { for: `${id}-${suffix}`, class: "date-label" }, msg(key)),
      h("input", { id: `${id}-${suffix}`, class: `input w${width}`, type: "text", inputmode: "numeric",
        autocomplete: field === "birthDate" ? { y: "bday-year", m: "bday-month", d: "bday-day" }[suffix] : "off",
        value: val, "aria-describedby": desc, "aria-invalid": err ? "true" : null }));
    const el = h("div", { class: "conditional" + (err ? " has-error" : ""), "data-date-for": field },
      err ? h("p", { class: "error-message", id: errId }, h("span", { class: "vh" }, "! "), msg(err.key)) : null,
      h("div", { class: "date-input", role: "group", "aria-label": txt(q.dateOpt) },
        h("div", { class: "date-item date-cal" }, h("label", { for: id + "-cal", class: "date-label" }, msg("ui.date.calendar")), h("div", {}, cal)),
        num("y", "ui.date.year", y, 4), num("m", "ui.date.month", m, 2), num("day", "ui.date.day", d, 2)),
      h("div", { class: "date-text" },
        h("label", { for: id + "-text", class: "date-label" }, msg("ui.date.text")),
        h("p", { class: "hint", id: id + "-text-hint" }, msg("ui.date.textHint")),
        h("input", { id: id + "-text", class: "input w-text", type: "text", autocomplete: "off",
          "aria-describedby": [id + "-text-hint", desc].filter(Boolean).join(" "), "aria-invalid": err ? "true" : null })));
    const read = () => {
      const val = (s) => el.querySelector("#" + id + s).value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
      // 「令和7年7月31」 as written on many forms: the 日 is understood.
      const text = val("-text").replace(/(月\s*\d{1,2})$/, "$1日");
      let input;
      if (text) input = text;
      else {
        const [yy, mm, dd] = [val("-y"), val("-m"), val("-day")];
        if (!yy && !mm && !dd) return { error: "ui.err.dateMissing", focus: id + "-y" };
        if (!yy || !mm || !dd) return { error: "ui.err.dateIncomplete", focus: id + (!yy ? "-y" : !mm ? "-m" : "-day") };
        const c = el.querySelector("#" + id + "-cal").value;
        input = c === "western" ? `${yy}年${mm}月${dd}日` : `${ERAS.find((e) => e.id === c).name}${yy}年${mm}月${dd}日`;
      }
      try {
        const r = state.engine.parseDate(input);
        // The engine takes 令和99年; a real date is ≤ 20 years ahead, a birth date ≤ today.
        if (r.date > plausibleLimit(field)) return { error: field === "birthDate" ? "ui.err.dateFuture" : "ui.err.dateTooFar", focus: id + (text ? "-text" : "-y") };
        return { value: r.date, warnings: r.warnings };
      } catch (e) {
        const key = e.code === "impossibleDate" ? "ui.err.dateImpossible"
          : ["unknownEra", "beforeEraStart", "outOfRange"].includes(e.code) ? "ui.err.dateEra" : "ui.err.dateMalformed";
        return { error: key, focus: id + (text ? "-text" : "-y") };
      }
    };
    return { el, read, id };
  }

  function plausibleLimit(field) {
    if (field === "birthDate") return state.today;
    return String(Number(state.today.slice(0, 4)) + 20) + state.today.slice(4);
  }

  function submitQuestion(form, field, dateGroup) {
    const q = QUESTIONS[field];
    const qid = "q-" + field;
    let answer;
    if (q.kind === "multi") {
      answer = answerOf(field, "list", [...form.querySelectorAll("input:checked")].map((i) => i.value));
    } else {
      const picked = form.querySelector(`input[name="${field}"]:checked`);
      if (!picked) {
        state.errors = [{ id: form.querySelector(".choice-input").id, group: qid, key: "ui.err.choose" }];
        return renderKeepingForm();
      }
      if (picked.value === "date") {
        const r = dateGroup.read();
        if (r.error) {
          state.errors = [{ id: r.focus, group: dateGroup.id, key: r.error }];
          return renderKeepingForm();
        }
        if (r.warnings && r.warnings.length) state.notice = { key: "ui.note.eraChanged", params: { date: r.value } };
        answer = { v: r.value, c: "date" };
      } else if (field === "asOf" && picked.value === "today") {
        answer = { v: state.today, c: "today" };
      } else {
        answer = answerOf(field, picked.value);
      }
    }
    state.answers[field] = answer;
    answersChanged();
    const screen = state.screen;
    if (field === "asOf" && screen.from && screen.from.name === "start") return go(screen.from);
    if (field === "asOf" && screen.from && ["check", "answer"].includes(screen.from.name)) {
      const next = nextScreen();
      return go(next.name === "check" ? screen.from : next);
    }
    go(nextScreen());
  }

  // --- check your answers ------------------------------------------------------------------------
  function answerText(field) {
    const q = QUESTIONS[field];
    const a = state.answers[field];
    if (field === "asOf") return dateNodes(a.v);
    if (q.kind === "multi") {
      if (!a.v.length) return msg("ui.check.none");
      return h("ul", { class: "plain" }, a.v.map((t) => h("li", {}, msg(q.label + t))));
    }
    if (a.c === "date") return dateNodes(a.v);
    if (q.kind === "bool" && a.v !== null) return msg(a.v ? "ui.yes" : "ui.no");
    if (q.kind === "choice" && a.v !== null) return msg(q.label + a.v);
    const n = (q.nulls || []).find(([id]) => id === a.c);
    return msg(n ? n[1] : "ui.dontKnow");
  }

  function renderCheck(root) {
    const { seq } = walkNow(state.answers);
    const row = (field, label) => h("div", { class: "summary-row", "data-field": field },
      h("dt", { class: "summary-key" }, label),
      h("dd", { class: "summary-value" }, answerText(field)),
      h("dd", { class: "summary-action" },
        h("button", { type: "button", class: "link", "data-change": field,
          onclick: () => go({ name: "q", field, from: { name: "check" } }) },
        msg("ui.check.change"), h("span", { class: "vh" }, " — ", txt(field === "asOf" ? "ui.check.asOf" : `ui.q.${field}.title`)))));
    put(root,
      backLink(state.screen),
      notice(),
      h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.check.title")),
      h("dl", { class: "summary" }, row("asOf", msg("ui.check.asOf")), seq.map((f) => row(f, msg(`ui.q.${f}.title`)))),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "btn", "data-action": "see-answer", onclick: () => go({ name: "answer" }) }, msg("ui.check.submit")),
        clearButton()));
    return txt("ui.check.title");
  }

  function clearButton() {
    return h("button", { type: "button", class: "btn secondary", "data-action": "clear", onclick: clearAnswers }, msg("ui.clear"));
  }

  /** Forgets every answer: memory, address and this history entry (see go()). */
  function clearAnswers() {
    state.answers = freshAnswers();
    state.linkOn = false;
    state.lastEvent = null;
    state.notice = { key: "ui.cleared" };
    if (page) history.replaceState({ hc: { name: "start" } }, "", location.pathname + location.search);
    go({ name: "start" }, { push: false });
  }

  // --- the answer ----------------------------------------------------------------------------------
  function assessNow() {
    const { situation } = walkNow(state.answers);
    return state.engine.assess(situation, state.pack ? { pack: state.pack } : undefined);
  }

  function renderAnswerScreen(root) {
    let assessment;
    try {
      assessment = assessNow();
    } catch (e) {
      put(root, backLink(state.screen),
        h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.answer.title")),
        h("div", { class: "error-summary", role: "alert" }, h("p", {}, msg("ui.err.engine")),
          h("p", { lang: lang() === "en" ? "en" : "ja" }, lang() === "en" ? e.messageEn || String(e) : e.messageJa || String(e))));
      return txt("ui.answer.title");
    }
    put(root, backLink(state.screen), notice());
    const presented = state.answers.documentsPresented;
    const w = walkNow(state.answers);
    const unknownDocs = w.unknown.some((f) => !FIELD_DOC[f]) ? ["mynahokensho", "shikakuKakuninsho", "oldCard", "shikakuJohoOshirase"]
      : w.unknown.map((f) => FIELD_DOC[f]);
    const insurer = w.situation.insurerKind;
    renderAnswer(root, assessment, {
      presented: !!(presented && presented.v.length && w.seq.includes("documentsPresented")),
      unknownFields: w.unknown,
      unknownDocs,
      circumstance: w.situation.situation || "normal",
      where: (insurer && WHERE[insurer]) || "ui.where.any",
      overdueAfter: ruleParam("old_card_cap"),
      h, asOfLine: () => asOfLine({ name: "answer" }),
      rules: rules(),
      insurer: state.pack ? { name: state.pack.who.name, contact: state.pack.contact || null } : null,
      onReception: () => go({ name: "reception" }),
      onLink: page ? makeLink : null,
      clearButton,
    });
    announce(assessment);
    return txt("ui.answer.title");
  }

  function renderReceptionScreen(root) {
    const assessment = assessNow();
    const { situation } = walkNow(state.answers);
    const help = situation.situation === "assistanceNeeded" || situation.difficultyUsingCard === true;
    renderReception(root, assessment, { h, help, onClose: () => go({ name: "answer" }),
      insurer: state.pack ? { name: state.pack.who.name, contact: state.pack.contact || null } : null });
    return txt("ui.reception.open");
  }

  function ruleParam(name) {
    if (!state.params) state.params = Object.fromEntries(state.engine.rulesInfo().params.map((p) => [p.name, p.value]));
    return state.params[name];
  }

  function rules() {
    if (!state.rules) state.rules = Object.fromEntries(state.engine.rulesInfo().rules.map((r) => [r.id, r]));
    return state.rules;
  }

  function makeLink() {
    state.linkOn = true;
    answersChanged();
    return location.href;
  }

  /** The walk with what the host fixed: the insurer kind of the `insurer-kind` attribute (never
   * asked then; a pack's is left out by the engine itself). */
  function walkNow(answers) {
    return walk(state.engine.missingFields, answers, preset());
  }

  function preset() {
    return state.insurerKind ? { insurerKind: state.insurerKind } : {};
  }

  /** Renders the screen again, keeping what was typed or chosen on it but not yet submitted. */
  function renderKeepingForm(opts) {
    const form = app().querySelector("form");
    const saved = form ? [...form.elements].filter((e) => e.id).map((e) => [e.id, e.type === "radio" || e.type === "checkbox" ? e.checked : e.value]) : [];
    render(opts);
    const form2 = app().querySelector("form");
    if (!form2) return;
    for (const [id, v] of saved) {
      const e = shadow.getElementById(id);
      if (!e) continue;
      if (typeof v === "boolean") e.checked = v; else e.value = v;
    }
    form2.dispatchEvent(new Event("change"));
  }

  function restoreFromFragment() {
    const { answers, lang: lg, dropped } = decodeAnswers(location.hash);
    state.linkDropped = dropped || [];
    // A link whose every answer is malformed still opens the page, at the start.
    if (!Object.keys(answers).length) {
      if (state.linkDropped.length) state.notice = { key: "ui.link.dropped", params: { n: String(state.linkDropped.length) } };
      return lg;
    }
    const asOf = answers.asOf && answers.asOf.v ? answers.asOf : { v: state.today, c: "today" };
    state.answers = { ...answers, asOf };
    state.linkOn = true;
    return lg;
  }

  /** Link answers are checked by the engine; a refused one is dropped (and asked again) with a
   * notice. Returns the next unanswered question, or the answer. */
  function checkRestored() {
    const dropped = [...(state.linkDropped || [])];
    const a = state.answers;
    const asOfOk = (() => { try { state.engine.missingFields({ asOf: a.asOf.v }); return true; } catch { return false; } })();
    if (!asOfOk) { dropped.push("asOf"); a.asOf = { v: state.today, c: "today" }; }
    for (const [f, ans] of Object.entries(a)) {
      if (f === "asOf" || QUESTIONS[f].page || ans.v === null) continue;
      try { state.engine.missingFields({ asOf: a.asOf.v, [f]: ans.v }); } catch { dropped.push(f); delete a[f]; }
    }
    let w;
    try { w = walkNow(a); } catch {
      state.answers = freshAnswers();
      state.notice = { key: "ui.link.broken" };
      return { name: "start" };
    }
    if (dropped.length) state.notice = { key: "ui.link.dropped", params: { n: String(dropped.length) } };
    if (w.next) {
      if (!dropped.length) state.notice = { key: "ui.link.resume" };
      return { name: "q", field: w.next };
    }
    return { name: "answer" };
  }

  // --- attributes (INTERFACE.md) -------------------------------------------------------------
  function readLang() {
    const v = host.getAttribute("lang");
    return LANGS.includes(v) ? v : "ja";
  }
  function readInsurerKind() {
    const v = host.getAttribute("insurer-kind");
    return QUESTIONS.insurerKind.options.includes(v) ? v : null;
  }
  /** `as-of`: the day to check (YYYY-MM-DD, a real day the engine accepts); otherwise today in
   * Japan. */
  function readAsOf() {
    const v = host.getAttribute("as-of");
    if (v && ISO_DAY.test(v)) {
      try { state.engine.missingFields({ asOf: v }); return v; } catch { /* not a real day */ }
    }
    return todayInJapan();
  }

  /** `pack`: "#id" of a <script type="application/json"> in the host document, or a URL
   * (resolved against the host document, fetched without credentials). The engine validates it;
   * a pack it refuses is shown as an error naming the field, and the check goes on without it. */
  async function loadPack() {
    const spec = host.getAttribute("pack");
    state.pack = null;
    state.packError = null;
    if (state.memo) state.memo.clear();
    if (!spec) return;
    // The small engine (pkg/) has no pack reader: switch to the full one first.
    const full = state.engineWithPack ? null : loadEngine(true);
    let data;
    try {
      if (spec.startsWith("#")) {
        const el = host.ownerDocument.getElementById(spec.slice(1));
        if (!el || el.localName !== "script" || el.type !== "application/json") throw new Error("no such script");
        data = JSON.parse(el.textContent);
      } else {
        const res = await fetch(new URL(spec, host.ownerDocument.baseURI), { credentials: "omit" });
        if (!res.ok) throw new Error("HTTP " + res.status);
        data = await res.json();
      }
    } catch {
      state.packError = { load: true };
      return;
    }
    if (full) {
      let engine;
      try { engine = await full; } catch {
        // E.g. offline before the full engine was ever loaded here: the check goes on without
        // the pack (national rules), and says so.
        state.packError = { load: true };
        return;
      }
      if (!state.engineWithPack) useEngine(engine, true);
    }
    if (host.getAttribute("pack") !== spec) return; // changed meanwhile: the newer call decides
    try {
      // With the insurer kind the host fixed: a pack for another kind is refused here.
      state.engine.assessSummary({ asOf: state.answers.asOf.v, ...preset() }, { pack: data });
      state.pack = data;
      state.memo.clear();
      // Seen by nothing on screen; tests and hosts' performance tools can wait for it.
      performance.mark("hc-pack-applied");
    } catch (e) {
      state.packError = { code: e && e.code, field: e && e.field, messageJa: e && e.messageJa, messageEn: e && e.messageEn };
    }
  }

  function packNotice() {
    const e = state.packError;
    if (!e) return null;
    if (e.load) return h("div", { class: "notice pack-error", "data-pack-error": "load" }, msg("ui.pack.loadFailed"));
    const en = state.lang === "en";
    return h("div", { class: "notice pack-error", "data-pack-error": e.code || "", "data-field": e.field || "" },
      h("p", {}, msg("ui.pack.invalid")),
      e.field ? h("p", {}, msg("ui.pack.field"), ": ", h("code", { lang: "en" }, e.field)) : null,
      h("p", { lang: en ? "en" : "ja" }, (en ? e.messageEn : e.messageJa) || ""));
  }

  /** events="summary": after each finished check, the summary (and nothing else) to the host. */
  function announce(a) {
    if (host.getAttribute("events") !== "summary") return;
    const key = JSON.stringify(a.summary);
    if (key === state.lastEvent) return;
    state.lastEvent = key;
    host.dispatchEvent(new CustomEvent("hoken-check:result", { bubbles: true, composed: true, detail: a.summary }));
  }

  async function switchLang(lg) {
    if (lg === state.lang || !LANGS.includes(lg)) return;
    await loadCatalog(lg);
    state.lang = lg;
    if (!state.engine) return;
    const focused = shadow.activeElement;
    renderKeepingForm({ focus: false });
    answersChanged();
    if (focused && focused.id) { const again = shadow.getElementById(focused.id); if (again) again.focus(); }
  }

  /** Renders the current screen again; a question the host has now answered is skipped. */
  function refresh() {
    if (!state.engine) return;
    const s = state.screen;
    try {
      const w = walkNow(state.answers);
      if (s && s.name === "q" && s.field !== "asOf" && !w.seq.includes(s.field) && w.next !== s.field) state.screen = nextScreen();
    } catch { /* render() shows the error screen */ }
    renderKeepingForm({ focus: false });
  }

  async function attributeChanged(name) {
    if (name === "lang") return switchLang(readLang());
    if (!state.engine) return;
    if (name === "insurer-kind") { state.insurerKind = readInsurerKind(); refresh(); }
    else if (name === "as-of") {
      const wasToday = state.answers.asOf.c === "today";
      state.today = readAsOf();
      if (wasToday) state.answers.asOf = { v: state.today, c: "today" };
      refresh();
    } else if (name === "pack") { await loadPack(); refresh(); }
  }

  // --- start -----------------------------------------------------------------------------------
  // A Content-Security-Policy that forbids WebAssembly is the site's setting, not the browser's
  // fault: the package says so with the code wasmBlockedByCsp (docs/npm.md), and so does the
  // element, in its own box (the standalone page also shows its static rules).
  function showNoEngine(cause) {
    const csp = cause !== null && typeof cause === "object" && cause.code === "wasmBlockedByCsp";
    const text = hasCatalog(state.lang) ? (setLang(state.lang), txt(csp ? "ui.element.noEngineCsp" : "ui.element.noEngine"))
      : csp ? "このページの設定(Content-Security-Policy)が計算を止めています。 / This page's Content-Security-Policy blocks the check ('wasm-unsafe-eval' is needed)."
      : "このブラウザでは計算ができません。 / This browser cannot run the check.";
    view.replaceChildren(h("p", { class: "notice", role: "alert", "data-no-engine": csp ? "csp" : "other" }, text));
  }

  /** Calls go to `engine` from now on (`withPack`: the full build, which reads packs). */
  function useEngine(engine, withPack) {
    // missingFields tries the alternatives of every field, so it is the slow call (1–3 ms); a
    // walk repeats the same prefixes on every screen, so remember each answer.
    const memo = state.memo;
    memo.clear();
    state.engineWithPack = withPack;
    state.engine = {
      assess: engine.assess,
      assessSummary: engine.assessSummary,
      parseDate: engine.parseDate,
      missingFields: (s) => {
        const key = JSON.stringify(s);
        // With a pack, the engine leaves out what the pack answers (src/guide.rs).
        if (!memo.has(key)) memo.set(key, engine.missingFields(s, state.pack ? { pack: state.pack } : undefined));
        return memo.get(key);
      },
      rulesInfo: engine.rulesInfo,
    };
  }

  async function start() {
    const attrLang = readLang();
    state.lang = attrLang;
    state.insurerKind = readInsurerKind();
    state.answers = freshAnswers();
    let lg = state.lang;
    if (page) lg = restoreFromFragment() || lg;
    if (typeof WebAssembly !== "object") {
      await loadCatalog(lg).then(() => { state.lang = lg; }, () => {});
      showNoEngine();
      throw new Error("no WebAssembly");
    }
    // With a pack, only the full engine is loaded (pkg-pack/); if it cannot be (offline before
    // it was ever used here), the small one and the national rules (loadPack says so).
    const withPack = Boolean(host.getAttribute("pack"));
    const pick = withPack ? loadEngine(true).then((e) => [e, true], () => loadEngine(false).then((e) => [e, false]))
      : loadEngine(false).then((e) => [e, false]);
    let engine, full;
    try {
      [[engine, full]] = await Promise.all([pick, loadCatalog(lg), lg !== "ja" ? loadCatalog("ja") : null]);
    } catch (e) {
      await loadCatalog(lg).then(() => { state.lang = lg; }, () => {});
      showNoEngine(e);
      throw e;
    }
    state.memo = new Map();
    useEngine(engine, full);
    // The host changed `lang` while the engine loaded: its newer choice wins.
    if (readLang() !== attrLang) { lg = readLang(); await loadCatalog(lg); }
    state.lang = lg;
    if (host.getAttribute("lang") !== lg && (page || host.hasAttribute("lang"))) host.setAttribute("lang", lg);
    state.today = readAsOf();
    const linked = state.answers.asOf && state.answers.asOf.c !== "today" ? state.answers.asOf : null;
    state.answers.asOf = linked || { v: state.today, c: "today" };
    await loadPack();
    if (page) {
      window.addEventListener("popstate", (ev) => {
        const s = ev.state && ev.state.hc;
        // After 「回答を消す」: no empty answer screens from older entries.
        const empty = Object.keys(state.answers).every((f) => f === "asOf" || f === "who");
        state.screen = !s || (empty && ["check", "answer", "reception"].includes(s.name)) ? { name: "start" } : s;
        state.errors = null;
        render();
      });
      window.addEventListener("hashchange", () => {
        if (!location.hash.startsWith("#v=1")) return;
        const l2 = restoreFromFragment();
        if (l2 && l2 !== state.lang) host.setAttribute("lang", l2);
        go(checkRestored(), { push: false });
      });
    }
    const first = state.linkOn ? checkRestored() : { name: "start" };
    state.screen = first;
    if (page) history.replaceState({ hc: first }, "", location.href);
    render({ focus: false });
    performance.mark("hc-first-question");
  }

  return { start, attributeChanged };
}
