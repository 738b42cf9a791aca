// The answer page: big verdicts, what to bring, the timeline picture, the reader-failure
// explanation, next actions, reasons with sources, the reception card and the .ics file.
import { msg, txt, dateNodes, lang } from "./i18n.js";

const DOCS = ["mynahokensho", "shikakuKakuninsho", "oldCard", "shikakuJohoOshirase"];
const OK = new Set(["valid", "grace"]);
const NO = new Set(["invalid", "provisional"]);
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
    lines.push(h("p", { class: "verdict-detail" }, msg("ui.verdict.expires", { date: v.validUntil }, lg)));
  }
  if (v.status === "grace") lines.push(h("p", { class: "verdict-detail" }, msg("status.grace", {}, lg)));
  if (NO.has(v.status) && v.validUntil) lines.push(h("p", { class: "verdict-detail" }, msg("ui.verdict.ended", { date: v.validUntil }, lg)));
  if (v.status === "provisional" && v.graceUntil) {
    lines.push(h("p", { class: "verdict-detail" }, msg("ui.verdict.provisionalUntil", { date: v.graceUntil }, lg)));
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
    detailLines(h, v, lg),
    v.certainty !== "verified" ? h("p", { class: "certainty" }, msg("ui.certainty", {}, lg), ": ", msg("certainty." + v.certainty, {}, lg)) : null);
}

function section(h, id, titleKey, ...kids) {
  return h("section", { class: "answer-section", "data-section": id, "aria-labelledby": "sec-" + id },
    h("h2", { id: "sec-" + id }, msg(titleKey)), kids);
}

function sourceLink(h, source) {
  if (!source) return null;
  return h("a", { href: source.url, target: "_blank", rel: "noopener noreferrer", class: "source" },
    source.title, h("span", { class: "vh" }, ` (${txt("ui.newTab")})`));
}

export function renderAnswer(root, a, ctx) {
  const { h } = ctx;
  const s = a.summary;
  const verdicts = documentVerdicts(a);
  const windowVerdict = a.verdicts.find((v) => v.document === "window");
  const years = yearsParam(a);

  add(root, 
    h("h1", { id: "page-title", tabindex: "-1" }, msg("ui.answer.title")),
    ctx.asOfLine());

  add(root, section(h, "docs", "ui.sec.docs", h("div", { class: "verdicts" }, verdicts.map((v) => verdictCard(h, v)))));

  add(root, section(h, "bring", "ui.sec.bring",
    s.documentsToShow.length
      ? h("ol", { class: "bring" }, s.documentsToShow.map((d) => h("li", { "data-token": d }, msg("doc." + d))))
      : h("p", {}, msg("ui.bring.none"))));

  const copayTone = s.copay === "normal" ? "ok" : "no";
  add(root, section(h, "copay", "ui.sec.copay",
    h("p", { class: `copay tone-${copayTone}`, "data-copay": s.copay },
      h("span", { class: "verdict-icon", "aria-hidden": "true" }, ICON[copayTone]), " ",
      h("span", { class: "copay-text" }, msg("copay." + s.copay, { years }))),
    h("p", { class: "hint" }, msg(ctx.presented ? "ui.copay.forPresented" : "ui.copay.forBest")),
    windowVerdict && windowVerdict.certainty !== "verified"
      ? h("p", { class: "certainty" }, msg("ui.certainty"), ": ", msg("certainty." + windowVerdict.certainty)) : null));

  const timelineSection = renderTimeline(h, a);
  if (timelineSection) add(root, timelineSection);

  if (s.mynahokenshoUsable) {
    const rule = ctx.rules["R-FAIL-1"];
    add(root, section(h, "reader", "ui.sec.readerFail",
      h("ul", { class: "bullets" }, READER_KEYS.map((k) => h("li", {}, msg(k)))),
      rule && rule.sources[0] ? h("p", { class: "small" }, msg("ui.source"), ": ", sourceLink(h, rule.sources[0]), ` (R-FAIL-1)`) : null));
  }
  const assistance = a.assistance.length ? a.assistance
    : s.mynahokenshoUsable ? [{ messageKey: "assist.visualCheck", certainty: "verified", rule: "R-MYNA-6" }] : [];
  if (assistance.length) {
    add(root, section(h, "assist", "ui.sec.assist",
      h("ul", { class: "bullets" }, assistance.map((x) => h("li", {}, msg(x.messageKey),
        x.certainty !== "verified" ? h("span", { class: "certainty" }, " (", msg("certainty." + x.certainty), ")") : null)))));
  }

  const actions = a.nextActions.filter((x) => !(s.mynahokenshoUsable && READER_KEYS.includes(x.messageKey)));
  if (actions.length) {
    add(root, section(h, "actions", "ui.sec.actions",
      h("ol", { class: "actions-list" }, actions.map((x) => h("li", { "data-key": x.messageKey },
        (x.from || x.deadline) ? h("p", { class: "when" },
          x.from ? msg("ui.from", { date: x.from }) : null, x.from && x.deadline ? " / " : null,
          x.deadline ? msg("ui.deadline", { date: x.deadline }) : null) : null,
        h("p", {}, msg(x.messageKey, x.params)),
        x.certainty !== "verified" ? h("p", { class: "certainty" }, msg("ui.certainty"), ": ", msg("certainty." + x.certainty)) : null)))));
  }

  if (a.warnings.length) {
    add(root, section(h, "warnings", "ui.sec.warnings",
      h("ul", { class: "bullets" }, a.warnings.map((w) => h("li", { "data-code": w.code }, msg("warning." + w.code, w.params))))));
  }

  // Keep: reception card, print, calendar file, link, clear.
  const linkBox = h("div", { class: "link-box", hidden: true });
  const events = a.timeline.filter((e) => !e.past);
  add(root, section(h, "keep", "ui.sec.keep",
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "btn", "data-action": "reception", onclick: ctx.onReception }, msg("ui.reception.open")),
      h("button", { type: "button", class: "btn secondary", "data-action": "print", onclick: () => window.print() }, msg("ui.print")),
      events.length ? h("button", { type: "button", class: "btn secondary", "data-action": "ics", "aria-describedby": "ics-hint",
        onclick: () => downloadIcs(a, events) }, msg("ui.ics")) : null,
      h("button", { type: "button", class: "btn secondary", "data-action": "link", onclick: () => {
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

  add(root, section(h, "reasons", "ui.sec.reasons",
    [...verdicts, windowVerdict].filter(Boolean).map((v) => h("div", { class: "reason-group" },
      h("h3", {}, msg("kind." + v.document)),
      h("ul", { class: "reasons" }, v.reasons.map((r) => h("li", {},
        h("p", {}, msg(r.messageKey, r.params)),
        h("p", { class: "small" }, h("span", { class: "rule-id" }, r.ruleId),
          r.source ? [" — ", msg("ui.source"), ": ", sourceLink(h, r.source)] : null)))))),
    h("p", { class: "small" }, msg("window.rulesAsOf", { date: a.rulesAsOf }), " ",
      msg("ui.rulesVersion"), `: ${a.rulesVersion} (${a.dataHash})`)));

}

// --- timeline picture ----------------------------------------------------------------------------
const SVGNS = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) el.append(kid);
  return el;
}
const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;

function renderTimeline(h, a) {
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
  const legend = h("ul", { class: "tl-legend small" },
    h("li", {}, h("span", { class: "sw sw-valid", "aria-hidden": "true" }), msg("ui.timeline.valid")),
    h("li", {}, h("span", { class: "sw sw-grace", "aria-hidden": "true" }), msg("ui.timeline.grace")),
    h("li", {}, h("span", { class: "sw sw-prov", "aria-hidden": "true" }), msg("ui.timeline.provisional")),
    h("li", {}, h("span", { class: "sw sw-today", "aria-hidden": "true" }), msg("ui.timeline.today")));
  const holder = h("div", { class: "tl-holder" });
  figure.append(holder, legend, caption);

  let drawnWidth = 0;
  const draw = () => {
    const width = Math.max(260, Math.round(holder.clientWidth || 640));
    if (Math.abs(width - drawnWidth) < 4) return;
    drawnWidth = width;
    holder.replaceChildren(svgTimeline(a, lanes, numbered, width));
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(draw).observe(holder);
  requestAnimationFrame(draw);

  const list = h("ol", { class: "tl-list" }, numbered.map((e) => h("li", { class: e.past ? "past" : null, "data-date": e.date },
    h("span", { class: "tl-num", "aria-hidden": "true" }, String(e.n)),
    h("span", {}, h("strong", {}, dateNodes(e.date)), " ", msg(e.messageKey),
      e.past ? h("span", { class: "small" }, ` (${txt("ui.timeline.past")})`) : null))));
  return section(h, "timeline", "ui.sec.timeline", figure, list);
}

function svgTimeline(a, lanes, numbered, width) {
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
    svg.append(s("text", { x: left, y: y + 16, class: "tl-label" }, txt("kind." + l.d).replace(/\s*\([^()]*\)$/, "")));
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

function downloadIcs(a, events) {
  const blob = new Blob([makeIcs(a, events)], { type: "text/calendar;charset=utf-8" });
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
      h("p", { class: "small" }, msg("window.rulesAsOf", { date: a.rulesAsOf }, "ja"), ` ${a.rulesVersion}`)),
    h("div", { class: "button-row no-print-row" },
      h("button", { type: "button", class: "btn", "data-action": "print", onclick: () => window.print() }, msg("ui.print")),
      h("button", { type: "button", class: "btn secondary", "data-action": "close", onclick: ctx.onClose }, msg("ui.reception.close"))));
}
