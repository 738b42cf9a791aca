// Is the engine this page runs the published one? (issue 11 §4; docs/deploy.md)
//
// Loaded by the service-worker block at the end of app.js (http/https only, after the first
// screen). It compares the rules the running engine reports (rulesInfo(): version, data hash,
// rules-as-of date) with the server's build.json, fetched past every cache:
//   * same rules                → nothing shown                      (data-freshness="current")
//   * other rules on the server → a notice: newer rules, reload      (data-freshness="outdated")
//   * no answer (offline)       → the answer comes from the copy saved on this device: a notice
//     when its rules are older than STALE_AFTER_DAYS                 (data-freshness="offline-stale")
//     and none when they are newer                                   (data-freshness="offline-fresh")
// The notice is an element of its own at the top of <main>, outside what app.js renders, and
// follows the page's language. The engine never reads the clock; this page module does.
// The running engine: the one the page already loaded (pkg/, or pkg-pack/ with a pack), never a
// second one (hoken-check-ui.js).
import { engineInUse } from "./hoken-check-ui.js";
import { msg, txt, todayInJapan } from "./i18n.js";

/** Offline answers from rules collected more than this many days ago get a notice: RULES.md §0
 * has a rule change every few months, some announced only weeks ahead, so a copy older than a
 * month may have missed one (docs/deploy.md). */
export const STALE_AFTER_DAYS = 30;
const CHECK_TIMEOUT_MS = 8000;

/** Whole days from ISO date `from` to ISO date `to` (calendar days; both YYYY-MM-DD). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86400000);
}

/** What to say: "current" | "outdated" | "offline-stale" | "offline-fresh". `published` is the
 * server's build.json (null when it could not be fetched). */
export function freshness(running, published, today, staleAfterDays = STALE_AFTER_DAYS) {
  if (published) {
    const same = published.rulesVersion === running.rulesVersion && published.dataHash === running.dataHash;
    return same ? "current" : "outdated";
  }
  return daysBetween(running.rulesAsOf, today) > staleAfterDays ? "offline-stale" : "offline-fresh";
}

async function published() {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), CHECK_TIMEOUT_MS);
  try {
    const res = await fetch("build.json", { cache: "no-store", signal: ctl.signal });
    if (!res.ok) return null;
    const b = await res.json();
    return typeof b.rulesVersion === "string" && typeof b.dataHash === "string" ? b : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function render(el, state, running) {
  el.replaceChildren();
  if (state === "offline-stale") {
    el.append(msg("ui.freshness.offlineStale", { date: running.rulesAsOf }));
  } else if (state === "outdated") {
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "btn secondary";
    btn.textContent = txt("ui.freshness.reload");
    btn.addEventListener("click", () => location.reload());
    el.append(msg("ui.freshness.outdated"), " ", btn);
  }
}

async function main() {
  const running = (await engineInUse()).rulesInfo();
  const state = freshness(running, await published(), todayInJapan());
  const root = document.documentElement;
  root.dataset.freshness = state;
  if (state === "current" || state === "offline-fresh") return;
  const el = document.createElement("div");
  el.id = "hc-freshness";
  el.className = "notice";
  el.setAttribute("role", "status");
  render(el, state, running);
  const main = document.getElementById("main");
  main.insertBefore(el, main.firstChild);
  // Follow the page's language (app.js sets <html lang> on every switch).
  new MutationObserver(() => render(el, state, running)).observe(root, { attributes: true, attributeFilter: ["lang"] });
}

main().catch(() => { document.documentElement.dataset.freshness = "error"; });
