// The answer page: big verdicts, what to bring, the timeline picture, the reader-failure
// explanation, next actions, reasons with sources, the reception card and the .ics file.
import { msg, txt, dateNodes, lang } from "./i18n.js";

const SVGNS = "http://www.w3.org/2000/svg";
const DOCS = ["mynahokensho", "shikakuKakuninsho", "oldCard", "shikakuJohoOshirase"];
const OK = new Set(["valid", "grace"]);
const NO = new Set(["invalid", "provisional"]);
const AFTER_PAYING = new Set(["action.claimRyoyohi"]);
const READER_KEYS = ["action.showOshiraseWithCard", "action.fillMoushitatesho"];

function yearsParam(a) {
  for (const r of [...a.verdicts.flatMap((v) => v.reasons), ...a.nextActions]) {
    if (r.params && r.params.years !== undefined) return r.params.years;
  }
  return 2;
}

/** The big line for one verdict: [message key, params, tone ("ok" | "no" | "info")]. */
export function headline(v) {
  // Only the マイナ保険証 has a grace period; an old card's graceUntil is the end of the
  // temporary acceptance of expired cards (R-PROV-1), which is not validity.
  const until = v.document === "mynahokensho" && v.graceUntil ? v.graceUntil : v.validUntil;
  if (OK.has(v.status)) return until ? ["ui.verdict.until", { date: until }, "ok"] : ["ui.verdict.usable", {}, "ok"];
  if (NO.has(v.status)) return ["ui.verdict.notUsable", {}, "no"];
  // Not held yet: usable once it arrives (not something to bring today).
  if (v.status === "onTheWay") return ["ui.verdict.whenArrives", {}, "info"];
  return ["status." + v.status, {}, "info"];
}

/** The document verdicts, usable first, then those that no longer work, then those not held. */
function documentVerdicts(a) {
  const rank = (v) => ({ ok: 0, no: 1, info: v.status === "notHeld" ? 3 : 2 })[headline(v)[2]];
  return DOCS.map((d) => a.verdicts.find((v) => v.document === d)).filter(Boolean).sort((x, y) => rank(x) - rank(y));
}

function detailLines(h, v, lg) {
  const lines = [];
  if (v.document === "mynahokensho" && v.validUntil && OK.has(v.status)) {
    lines.push(h("span", { class: "verdict-detail", "data-expires": "1" }, msg("ui.verdict.expires", { date: v.validUntil }, lg)));
  }
  if (v.status === "grace") lines.push(h("span", { class: "verdict-detail" }, msg("status.grace", {}, lg)));
  // A マイナ保険証 works until the end of its R-MYNA-3 grace period, not the certificate's
  // expiry; a traditional card's day is "by" (its earliest end cause may not have been asked).
  const ended = v.document === "mynahokensho" && v.graceUntil ? v.graceUntil : v.validUntil;
  if (NO.has(v.status) && ended) {
    lines.push(h("span", { class: "verdict-detail" }, msg(v.document === "oldCard" ? "ui.verdict.endedBy" : "ui.verdict.ended", { date: ended }, lg)));
  }
  if (v.status === "provisional" && v.graceUntil) {
    lines.push(h("span", { class: "verdict-detail" }, msg("ui.verdict.provisionalUntil", { date: v.graceUntil }, lg)));
  }
  return lines;
}

function add(el, ...kids) {
  for (const k of kids.flat(Infinity)) if (k !== null && k !== undefined && k !== false) el.append(k);
}

const ICON = { ok: "✓", no: "✕", info: "i" };

function verdictCard(h, v, lg) {
  const [key, params, tone] = headline(v);
  return h("article", { class: `verdict tone-${tone}`, "data-doc": v.document, "data-status": v.status },
    h("h3", { class: "verdict-doc" }, msg("kind." + v.document, {}, lg)),
    h("p", { class: "verdict-big" }, h("span", { class: "verdict-icon", "aria-hidden": "true" }, ICON[tone]), " ",
      h("span", { class: "verdict-text" }, msg(key, params, lg))),
    detailLines(h, v, lg).map((l) => h("p", {}, l)));
}

function section(h, id, titleKey, ...kids) {
  return h("section", { class: "answer-section", "data-section": id, "aria-labelledby": "sec-" + id },
    h("h2", { id: "sec-" + id }, msg(titleKey)), kids);
}

function sourceLink(h, source) {
  if (!source) return null;
  return h("a", { href: source.url, target: "_blank", rel: "noopener noreferrer", class: "source",
    lang: /[\u3040-\u30ff\u3400-\u9fff]/.test(source.title) ? "ja" : null },
    source.title, h("span", { class: "vh" }, ` (${txt("ui.newTab")})`));
}

/** The one thing to do now (docs/page.md): an overdue 資格確認書 (R-OLD-1 cap passed) is
 * "should have arrived — ask", not "wait". */
export function firstAction(a, ctx) {
  const s = a.summary;
  const acts = a.nextActions.filter((x) => !(s.mynahokenshoUsable && READER_KEYS.includes(x.messageKey)));
  // Not overdue when a マイナ保険証 lapsed after the cap day (sending may be under way).
  const myna = a.verdicts.find((v) => v.document === "mynahokensho");
  const lapsedLater = myna && myna.graceUntil && ctx.overdueAfter && myna.graceUntil > ctx.overdueAfter;
  const overdue = (x) => x.messageKey === "action.waitForKakuninsho" && ctx.overdueAfter && a.asOf > ctx.overdueAfter && !lapsedLater;
  // A refund claim is for after paying the full cost: never the first thing to do.
  const now = (y) => (!y.from || y.from <= a.asOf) && !AFTER_PAYING.has(y.messageKey);
  const x = acts.find(overdue) || acts.find(now) || acts[0];
  if (!x) return null;
  if (overdue(x)) {
    return { ...x, messageKey: "ui.todo.kakuninshoShouldHaveArrived", params: { ...(x.params || {}), date: ctx.overdueAfter }, where: ctx.where };
  }
  return { ...x, where: ctx.where };
}

/** One line per document held: an "I don't know" makes it "probably", never a plain ✓. */
function docLine(h, v, unknownDocs) {
  const [key, params, tone0] = headline(v);
  const unsure = tone0 === "ok" && unknownDocs.has(v.document);
  const tone = unsure ? "maybe" : tone0;
  return h("li", { class: `doc-line verdict tone-${tone}`, "data-doc": v.document, "data-status": v.status },
    h("span", { class: "verdict-icon", "aria-hidden": "true" }, unsure ? "?" : ICON[tone0]),
    h("span", { class: "doc-line-text" },
      h("strong", { class: "verdict-doc" }, msg("kind." + v.document)), h("span", { "aria-hidden": "true" }, ": "),
      h("span", { class: "verdict-text" }, msg(key, params)),
      unsure ? h("span", { class: "unsure" }, " ", msg("ui.unsure.probably")) : null,
      detailLines(h, v).filter((l) => !l.dataset.expires && !(v.document === "oldCard" && v.status === "invalid"))));
}

export function renderAnswer(root, a, ctx) {
  const { h } = ctx;
  const s = a.summary;
  const verdicts = documentVerdicts(a);
  const windowVerdict = a.verdicts.find((v) => v.document === "window");
  const years = yearsParam(a);
  const unknownDocs = new Set(ctx.unknownDocs || []);
  const trip = ["schoolTrip", "nursery"].includes(ctx.circumstance);
  const lg = lang();

  // --- the first phone screen: the answer in one sentence, each document, what to do now ---
  const leadKey = s.copay === "normal" ? "ui.lead.normal" : s.copay === "normalIfOnlineConfirmed" ? "ui.lead.online" : "ui.lead.full";
  add(root,
    h("h1", { id: "page-title", tabindex: "-1", class: "answer-lead " + (s.copay === "normal" ? "tone-ok" : "tone-no") }, msg(leadKey)));
  const held = verdicts.filter((v) => v.status !== "notHeld");
  add(root, section(h, "docs", "ui.sec.docs",
    ctx.insurer ? h("p", { class: "insurer", "data-insurer": "" }, msg("ui.insurer.name"), ": ", h("strong", {}, ctx.insurer.name)) : null,
    held.length ? h("ul", { class: "doc-lines" }, held.map((v) => docLine(h, v, unknownDocs)))
      : h("p", {}, msg("ui.docs.none"))));

  // A step that starts later is not "now".
  let todo = firstAction(a, ctx);
  const afterToday = todo && todo.from && todo.from > a.asOf ? todo : null;
  if (afterToday) todo = null;
  add(root, h("section", { class: "todo", "data-section": "todo", "aria-labelledby": "sec-todo" },
    h("h2", { id: "sec-todo" }, msg("ui.todo.title")),
    todo ? [
      h("p", { "data-key": todo.messageKey }, msg(todo.messageKey, todo.params)),
      (todo.from || todo.deadline) ? h("p", { class: "when" },
        todo.from ? msg("ui.from", { date: todo.from }) : null, todo.from && todo.deadline ? " / " : null,
        todo.deadline ? msg("ui.deadline", { date: todo.deadline }) : null) : null,
      todo.messageKey.startsWith("ui.todo.") && todo.where && !ctx.insurer ? h("p", { class: "where" }, msg("ui.todo.where"), ": ", msg(todo.where)) : null,
    ] : h("p", {}, s.documentsToShow.length ? msg("ui.todo.show") : msg("ui.bring.none")),
    afterToday ? h("p", { class: "when", "data-key": afterToday.messageKey }, msg("ui.todo.later", { date: afterToday.from })) : null,
    // With a pack, where to ask is the insurer itself: its contact (the engine's, on an action
    // that sends the person to the insurer, else the pack's).
    ctx.insurer ? h("div", { class: "where", "data-where": "insurer" }, h("p", {}, msg("ui.todo.where"), ":"),
      contactBlock(h, (todo && todo.contact) || contactOf(ctx.insurer))) : null));

  add(root, ctx.asOfLine());
  if (ctx.unknownFields && ctx.unknownFields.length) {
    add(root, h("div", { class: "caveat", "data-caveat": "unknown" },
      h("p", {}, msg("ui.unsure.caveat")),
      h("details", {}, h("summary", {}, msg("ui.unsure.which")),
        h("ul", { class: "plain small" }, ctx.unknownFields.map((f) => h("li", {}, msg(`ui.q.${f}.title`)))))));
  }
  // Alternatives as 「どれか1つ」; a 資格確認書 on its way is 「届いたら」.
  const kaku = a.verdicts.find((v) => v.document === "shikakuKakuninsho");
  const coming = (d) => d === "shikakuKakuninsho" && kaku && kaku.status === "onTheWay";
  const now = s.documentsToShow.filter((d) => !coming(d));
  const later = s.documentsToShow.filter(coming);
  const many = now.length > 1;
  add(root, section(h, "bring", trip ? "ui.sec.bringTrip" : "ui.sec.bring",
    now.length
      ? [many ? h("p", {}, msg("ui.bring.any")) : null,
        h("ul", { class: many ? "bring any" : "bring" }, now.map((d) => h("li", { "data-token": d }, msg("doc." + d))))]
      : h("p", {}, msg("ui.bring.none")),
    later.length ? h("p", { class: "bring-later", "data-token": later[0] }, msg("ui.bring.whenArrives"), ": ", msg("doc." + later[0])) : null,
    trip ? h("p", { class: "notice", "data-rule": "R-OSHI-2" }, msg("ui.trip.noPhotocopy")) : null));

  const copayTone = s.copay === "normal" ? "ok" : "no";
  add(root, section(h, "copay", "ui.sec.copay",
    h("p", { class: `copay tone-${copayTone}`, "data-copay": s.copay },
      h("span", { class: "verdict-icon", "aria-hidden": "true" }, ICON[copayTone]), " ",
      h("span", { class: "copay-text" }, msg("copay." + s.copay, { years }))),
    h("p", { class: "hint" }, msg(ctx.presented ? "ui.copay.forPresented" : "ui.copay.forBest"))));

  // Keep: reception card, print, calendar file, link, clear.
  const linkBox = h("div", { class: "link-box", hidden: true });
  const events = a.timeline.filter((e) => !e.past);
  add(root, section(h, "keep", "ui.sec.keep",
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "btn", "data-action": "reception", onclick: ctx.onReception }, msg("ui.reception.open")),
      h("button", { type: "button", class: "btn secondary", "data-action": "print", onclick: () => window.print() }, msg("ui.print")),
      events.length ? h("button", { type: "button", class: "btn secondary", "data-action": "ics", "aria-describedby": "ics-hint",
        onclick: () => downloadIcs(a, events, lg) }, msg("ui.ics")) : null,
      ctx.onLink && h("button", { type: "button", class: "btn secondary", "data-action": "link", onclick: () => {
        const href = ctx.onLink();
        linkBox.replaceChildren(
          h("label", { for: "link-url", class: "date-label" }, msg("ui.link.label")),
          h("input", { id: "link-url", class: "input w-full", type: "text", readonly: true, value: href, "aria-describedby": "link-note" }),
          h("p", { class: "hint", id: "link-note" }, msg("ui.link.note")));
        linkBox.hidden = false;
        const input = linkBox.querySelector("input");
        input.focus();
        input.select();
      } }, msg("ui.link")),
      ctx.clearButton()),
    events.length ? h("p", { class: "hint", id: "ics-hint" }, msg("ui.ics.hint")) : null,
    linkBox));

  // --- 「詳しく」: everything else ---
  const more = h("details", { class: "more", "data-section": "more" }, h("summary", {}, msg("ui.more")));
  add(root, more);
  // The answer carries its own caveat wherever it is shown (the page, an insurer's element or
  // iframe, the printout): guidance from public information; the insurer or clinic decides.
  add(root, h("p", { class: "small disclaimer", "data-disclaimer": "" }, msg("ui.app.disclaimer")));
  const notHeld = verdicts.filter((v) => v.status === "notHeld");
  if (notHeld.length) {
    add(more, h("div", { class: "verdicts" }, notHeld.map((v) => verdictCard(h, v))));
  }
  if (windowVerdict && windowVerdict.certainty !== "verified") {
    add(more, h("p", { class: "certainty" }, msg("ui.certainty"), ": ", msg("certainty." + windowVerdict.certainty)));
  }
  const timelineSection = renderTimeline(h, a, lg);
  if (timelineSection) add(more, timelineSection);

  if (s.mynahokenshoUsable) {
    const rule = ctx.rules["R-FAIL-1"];
    add(more, section(h, "reader", "ui.sec.readerFail",
      h("ul", { class: "bullets" }, READER_KEYS.map((k) => h("li", {}, msg(k)))),
      rule && rule.sources[0] ? h("p", { class: "small" }, msg("ui.source"), ": ", sourceLink(h, rule.sources[0]), ` (R-FAIL-1)`) : null));
  }
  const assistance = assistanceOf(a);
  if (assistance.length) {
    add(more, section(h, "assist", "ui.sec.assist",
      h("ul", { class: "bullets" }, assistance.map((x) => h("li", { "data-certainty": x.certainty }, msg(x.messageKey))))));
  }

  const actions = a.nextActions.filter((x) => !(s.mynahokenshoUsable && READER_KEYS.includes(x.messageKey)));
  if (actions.length > (todo ? 1 : 0)) {
    add(more, section(h, "actions", "ui.sec.actions",
      h("ol", { class: "actions-list" }, actions.map((x) => h("li", { "data-key": x.messageKey },
        (x.from || x.deadline) ? h("p", { class: "when" },
          x.from ? msg("ui.from", { date: x.from }) : null, x.from && x.deadline ? " / " : null,
          x.deadline ? msg("ui.deadline", { date: x.deadline }) : null) : null,
        h("p", {}, msg(x.messageKey, x.params)),
        x.contact ? contactBlock(h, x.contact) : null,
        x.certainty !== "verified" ? h("p", { class: "certainty" }, msg("ui.certainty"), ": ", msg("certainty." + x.certainty)) : null)))));
  }

  if (a.warnings.length) {
    add(more, section(h, "warnings", "ui.sec.warnings",
      h("ul", { class: "bullets" }, a.warnings.map((w) => h("li", { "data-code": w.code }, msg("warning." + w.code, w.params))))));
  }

  add(more, section(h, "reasons", "ui.sec.reasons",
    [...verdicts, windowVerdict].filter(Boolean).map((v) => h("div", { class: "reason-group" },
      h("h3", {}, msg("kind." + v.document)),
      v.certainty !== "verified" ? h("p", { class: "certainty small" }, msg("ui.certainty"), ": ", msg("certainty." + v.certainty)) : null,
      h("ul", { class: "reasons" }, v.reasons.map((r) => h("li", {},
        h("p", {}, msg(r.messageKey, r.params)),
        h("p", { class: "small" }, h("span", { class: "rule-id" }, r.ruleId),
          r.source ? [" — ", msg("ui.source"), ": ", sourceLink(h, r.source)] : null)))))),
    // Rules as of: once. The data hash is for the printout (and rulesInfo), not the screen.
    h("p", { class: "small", "data-rules-as-of": a.rulesAsOf },
      a.verdicts.some((v) => v.reasons.some((r) => r.messageKey === "window.rulesAsOf")) ? null : [msg("window.rulesAsOf", { date: a.rulesAsOf }), " "],
      msg("ui.rulesVersion"), `: ${a.rulesVersion}`, h("span", { class: "print-only" }, ` (${a.dataHash})`))));
}

/** The help at the reader: the engine's, or (while the マイナ保険証 works) the visual check. */
function assistanceOf(a) {
  return a.assistance.length ? a.assistance
    : a.summary.mynahokenshoUsable ? [{ messageKey: "assist.visualCheck", certainty: "verified", rule: "R-MYNA-6" }] : [];
}

// --- the insurer's contact (from its pack) ----------------------------------------------------------
function contactOf(insurer) {
  return { name: insurer.name, ...(insurer.contact || {}) };
}

/** The insurer's name, phone, hours, counter and web page, as far as its pack gives them. */
function contactBlock(h, c, lg) {
  const row = (key, value) => value ? h("li", { "data-contact": key }, msg("ui.contact." + key, {}, lg), ": ", value) : null;
  return h("ul", { class: "contact plain", "data-contact-of": c.name },
    h("li", { "data-contact": "name" }, h("strong", { lang: "ja" }, c.name)),
    row("phone", c.phone ? h("a", { href: "tel:" + c.phone.replace(/[^0-9+]/g, "") }, c.phone) : null),
    row("hours", c.hours ? h("span", { lang: "ja" }, c.hours) : null),
    row("counter", c.counter ? h("span", { lang: "ja" }, c.counter) : null),
    row("web", c.web ? h("a", { href: c.web, target: "_blank", rel: "noopener noreferrer" }, c.web) : null));
}

// --- drawings of the documents ------------------------------------------------------------------
// Small drawings of each document, so a person can recognise what they hold: our own simple
// line drawings (no photos, no real card images). Decorative: the text next to each names the
// document, so every drawing is aria-hidden. (In this module so that the offline file list of
// sw.js needs no new file.)

// viewBox 0 0 86 54 for card-sized documents (85.6 × 54 mm), 0 0 60 80 for the A4 notice.
const CARD = '<rect x="1" y="1" width="84" height="52" rx="4" class="dr-card"/>';
const PARTS = {
  // マイナンバーカード (front): photo on the right, name/address lines on the left.
  mynahokensho: ["0 0 86 54", CARD
    + '<rect x="1" y="1" width="84" height="9" rx="4" class="dr-band"/>'
    + '<rect x="60" y="16" width="18" height="23" rx="1" class="dr-photo"/><circle cx="69" cy="24" r="4" class="dr-ink"/><path d="M62 37 q7 -9 14 0z" class="dr-ink"/>'
    + '<path d="M8 18h44M8 24h44M8 30h36M8 36h30" class="dr-line"/><rect x="8" y="42" width="22" height="6" rx="1" class="dr-accent"/>'],
  // 資格確認書: a card (or paper) with a title bar and printed lines.
  shikakuKakuninsho: ["0 0 86 54", CARD
    + '<rect x="8" y="7" width="70" height="9" rx="1" class="dr-accent"/><text x="43" y="14" text-anchor="middle" class="dr-text">資格確認書</text>'
    + '<path d="M8 24h70M8 31h70M8 38h50M8 45h40" class="dr-line"/>'],
  // 従来の健康保険証: a card with the insurer's header and a stamp.
  oldCard: ["0 0 86 54", CARD
    + '<text x="8" y="13" class="dr-text">健康保険 被保険者証</text>'
    + '<path d="M8 22h52M8 29h52M8 36h52M8 43h40" class="dr-line"/><circle cx="72" cy="40" r="7" class="dr-stamp"/>'],
  // 資格情報のお知らせ: an A4 sheet with a card-sized part to cut out at the bottom.
  shikakuJohoOshirase: ["0 0 60 80", '<rect x="1" y="1" width="58" height="78" rx="2" class="dr-card"/>'
    + '<path d="M7 9h46M7 15h46M7 21h30" class="dr-line"/>'
    + '<rect x="7" y="44" width="46" height="29" rx="2" class="dr-cut"/><path d="M12 52h36M12 58h36M12 64h24" class="dr-line"/>'],
};

/** The drawing of `doc` as an <svg> element, or null. */
export function drawing(doc, size = "small") {
  const p = PARTS[doc];
  if (!p) return null;
  const svg = document.createElementNS(SVGNS, "svg");
  svg.setAttribute("viewBox", p[0]);
  svg.setAttribute("class", `drawing drawing-${size}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  // Our own static markup (no input in it), parsed once per call.
  svg.innerHTML = p[1];
  return svg;
}

export const DRAWN = Object.keys(PARTS);

// --- timeline picture ----------------------------------------------------------------------------
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) el.append(kid);
  return el;
}
const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;

function renderTimeline(h, a, lg) {
  const lanes = ["oldCard", "mynahokensho", "shikakuKakuninsho"].map((d) => {
    const v = a.verdicts.find((x) => x.document === d);
    const evs = a.timeline.filter((e) => e.document === d);
    if (!v || (!v.validUntil && !v.graceUntil && !evs.length)) return null;
    return { d, v, evs };
  }).filter(Boolean);
  if (!lanes.length) return null;
  const numbered = a.timeline.map((e, i) => ({ ...e, n: i + 1 }));

  const figure = h("figure", { class: "timeline" });
  const caption = h("figcaption", { id: "tl-caption", class: "small" }, msg("ui.timeline.caption"));
  const drawn = (d) => lanes.some((l) => l.v.status !== "notHeld" && l.v.validUntil && l.v.graceUntil && l.v.graceUntil > l.v.validUntil && d(l.d));
  const legend = h("ul", { class: "tl-legend small" },
    lanes.some((l) => l.v.status !== "notHeld" && l.v.validUntil)
      ? h("li", {}, h("span", { class: "sw sw-valid", "aria-hidden": "true" }), msg("ui.timeline.valid")) : null,
    drawn((d) => d !== "oldCard") ? h("li", {}, h("span", { class: "sw sw-grace", "aria-hidden": "true" }), msg("ui.timeline.grace")) : null,
    drawn((d) => d === "oldCard") ? h("li", {}, h("span", { class: "sw sw-prov", "aria-hidden": "true" }), msg("ui.timeline.provisional")) : null,
    h("li", {}, h("span", { class: "sw sw-today", "aria-hidden": "true" }), msg("ui.timeline.today")));
  const holder = h("div", { class: "tl-holder" });
  figure.append(holder, legend, caption);

  let drawnWidth = 0;
  const draw = () => {
    const width = Math.max(260, Math.round(holder.clientWidth || 640));
    if (Math.abs(width - drawnWidth) < 4) return;
    drawnWidth = width;
    holder.replaceChildren(svgTimeline(a, lanes, numbered, width, lg));
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(draw).observe(holder);
  requestAnimationFrame(draw);

  const list = h("ol", { class: "tl-list" }, numbered.map((e) => h("li", { class: e.past ? "past" : null, "data-date": e.date },
    h("span", { class: "tl-num", "aria-hidden": "true" }, String(e.n)),
    h("span", {}, h("strong", {}, dateNodes(e.date)), " ", msg(e.messageKey),
      e.past ? h("span", { class: "small" }, ` (${txt("ui.timeline.past")})`) : null))));
  return section(h, "timeline", "ui.sec.timeline", figure, list);
}

function svgTimeline(a, lanes, numbered, width, lg) {
  const dates = [a.asOf, ...a.timeline.map((e) => e.date)];
  for (const l of lanes) for (const x of [l.v.validUntil, l.v.graceUntil]) if (x) dates.push(x);
  let t0 = Math.min(...dates.map(day)), t1 = Math.max(...dates.map(day));
  const span = Math.max(t1 - t0, 300);
  t0 -= span * 0.08; t1 = t0 + span * 1.16;
  const padX = 10, laneH = 58, top = 8, axisH = 30;
  const x = (iso) => padX + ((day(iso) - t0) / (t1 - t0)) * (width - 2 * padX);
  const height = top + lanes.length * laneH + axisH;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": "tl-caption", class: "tl-svg" },
    s("defs", {},
      s("pattern", { id: "tl-hatch", width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("rect", { width: 8, height: 8, class: "tl-grace-bg" }), s("line", { x1: 0, y1: 0, x2: 0, y2: 8, class: "tl-hatch-line" })),
      s("pattern", { id: "tl-dots", width: 8, height: 8, patternUnits: "userSpaceOnUse" },
        s("rect", { width: 8, height: 8, class: "tl-prov-bg" }), s("circle", { cx: 4, cy: 4, r: 1.8, class: "tl-dot" }))));
  const left = padX;
  const tx = x(a.asOf);
  lanes.forEach((l, i) => {
    const y = top + i * laneH;
    // The list below the picture gives the full names; the picture drops the bracketed Japanese.
    svg.append(s("text", { x: left, y: y + 16, class: "tl-label" }, txt("kind." + l.d, {}, lg).replace(/\s*\([^()]*\)$/, "")));
    const by = y + 24, bh = 18;
    svg.append(s("rect", { x: left, y: by, width: width - 2 * padX, height: bh, class: "tl-track" }));
    const v = l.v;
    const end1 = v.validUntil;
    if (end1 && (v.status !== "notHeld")) {
      const x1 = x(end1) + (x("2000-01-02") - x("2000-01-01"));
      svg.append(s("rect", { x: left, y: by, width: Math.max(0, x1 - left), height: bh, class: "tl-valid" }));
      if (v.graceUntil && v.graceUntil > end1) {
        const x2 = x(v.graceUntil) + (x("2000-01-02") - x("2000-01-01"));
        svg.append(s("rect", { x: x1, y: by, width: Math.max(2, x2 - x1), height: bh,
          fill: l.d === "oldCard" ? "url(#tl-dots)" : "url(#tl-hatch)", class: l.d === "oldCard" ? "tl-prov" : "tl-grace" }));
      }
    }
    svg.append(s("line", { x1: tx, y1: by - 4, x2: tx, y2: by + bh + 4, class: "tl-today" }));
    for (const e of numbered.filter((n) => n.document === l.d)) {
      const cx = x(e.date);
      svg.append(s("g", { class: "tl-marker" + (e.past ? " past" : "") },
        s("circle", { cx, cy: by + bh / 2, r: 10 }),
        s("text", { x: cx, y: by + bh / 2 + 4, "text-anchor": "middle" }, String(e.n))));
    }
  });
  // Year ticks.
  const axisY = top + lanes.length * laneH + 4;
  svg.append(s("line", { x1: left, y1: axisY, x2: width - padX, y2: axisY, class: "tl-axis" }));
  const y0 = new Date((t0) * 864e5).getUTCFullYear(), y1 = new Date(t1 * 864e5).getUTCFullYear();
  const step = Math.ceil((y1 - y0 + 1) / Math.max(1, Math.floor(width / 70)));
  for (let yr = y0 + 1; yr <= y1; yr += step) {
    const xx = x(`${yr}-01-01`);
    if (xx < left + 14 || xx > width - padX - 14) continue;
    svg.append(s("line", { x1: xx, y1: axisY, x2: xx, y2: axisY + 6, class: "tl-axis" }),
      s("text", { x: xx, y: axisY + 22, "text-anchor": "middle", class: "tl-year" }, String(yr)));
  }
  // The date checked.
  // The date checked: a dashed line across the axis (and each bar, under the markers).
  svg.append(s("line", { x1: tx, y1: axisY - 8, x2: tx, y2: axisY + 4, class: "tl-today" }));
  return svg;
}

// --- .ics: the reminder dates, made on the device ---------------------------------------------------
function icsEscape(t) { return t.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); }
function fold(line) {
  // Lines of at most 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character.
  const enc = new TextEncoder();
  const out = [];
  let cur = "", size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) { out.push(cur); cur = ""; size = 0; }
    cur += ch; size += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

export function makeIcs(a, events, lg = lang()) {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const compact = (iso) => iso.replace(/-/g, "");
  const next = (iso) => { const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + 1)); return d.toISOString().slice(0, 10); };
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hoken-check//page//" + lg.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of events) {
    const summary = `${txt("ui.app.name", {}, lg)}: ${txt(e.messageKey, {}, lg)}`;
    lines.push("BEGIN:VEVENT",
      `UID:${compact(e.date)}-${e.messageKey}-${e.document}@hoken-check.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(next(e.date))}`,
      `SUMMARY:${icsEscape(summary)}`,
      `DESCRIPTION:${icsEscape(`${txt("kind." + e.document, {}, lg)} — ${txt(e.messageKey, {}, lg)} (${e.rule})`)}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P14D", `DESCRIPTION:${icsEscape(summary)}`, "END:VALARM",
      "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

function downloadIcs(a, events, lg) {
  const blob = new Blob([makeIcs(a, events, lg)], { type: "text/calendar;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "hoken-check.ics";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// --- the card to show at reception (always in Japanese, for the staff) ----------------------------
export function renderReception(root, a, ctx) {
  const { h } = ctx;
  const s = a.summary;
  const lg = lang();
  const verdicts = documentVerdicts(a).filter((v) => v.status !== "notHeld");
  add(root, 
    lg !== "ja" ? h("p", { class: "lead" }, msg("ui.reception.lead")) : null,
    h("div", { class: "reception", lang: "ja" },
      h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.reception.title", {}, "ja")),
      h("p", { class: "reception-date" }, msg("ui.answer.asOf", { date: a.asOf }, "ja")),
      h("div", { class: "verdicts" }, verdicts.map((v) => verdictCard(h, v, "ja"))),
      h("h2", {}, msg("ui.sec.bring", {}, "ja")),
      s.documentsToShow.length
        ? h("ol", { class: "bring" }, s.documentsToShow.map((d) => h("li", {}, msg("doc." + d, {}, "ja"))))
        : h("p", {}, msg("ui.bring.none", {}, "ja")),
      h("h2", {}, msg("ui.sec.copay", {}, "ja")),
      h("p", { class: `copay tone-${s.copay === "normal" ? "ok" : "no"}` }, msg("copay." + s.copay, { years: yearsParam(a) }, "ja")),
      s.mynahokenshoUsable ? [h("h2", {}, msg("ui.sec.readerFail", {}, "ja")),
        h("p", {}, msg("action.fillMoushitatesho", {}, "ja"), " (R-FAIL-1)")] : null,
      // The help the person asked for travels with the card (R-MYNA-6).
      ctx.insurer ? [h("h2", { "data-section": "reception-insurer" }, msg("ui.insurer.name", {}, "ja")),
        contactBlock(h, contactOf(ctx.insurer), "ja")] : null,
      ctx.help ? [h("h2", { "data-section": "reception-help" }, msg("ui.reception.help", {}, "ja")),
        h("ul", { class: "bullets" }, assistanceOf(a).map((x) => h("li", {}, msg(x.messageKey, {}, "ja"))))] : null,
      h("p", { class: "small" }, msg("window.rulesAsOf", { date: a.rulesAsOf }, "ja"), ` ${a.rulesVersion}`, h("span", { class: "print-only" }, ` (${a.dataHash})`))),
    h("div", { class: "button-row no-print-row" },
      h("button", { type: "button", class: "btn", "data-action": "print", onclick: () => window.print() }, msg("ui.print")),
      h("button", { type: "button", class: "btn secondary", "data-action": "close", onclick: ctx.onClose }, msg("ui.reception.close"))));
}
