#!/usr/bin/env node
// Prints the persona table (tests/e2e/personas.mjs): per persona the questions asked, the
// screens shown and whether the one thing to do now is inside the first answer screen
// (390×844 on a phone). Needs the built page (bash scripts/build.sh) and Chromium.
//   node scripts/personas.mjs [--shots]   (--shots: screenshots into test-results/personas/)
import fs from "node:fs";
import path from "node:path";
import { serve, launch, RESULTS } from "../tests/e2e/helpers.mjs";
import { PERSONAS, COMMON_MAX_QUESTIONS, runPersona } from "../tests/e2e/personas.mjs";

const wantShots = process.argv.includes("--shots");
const dir = path.join(RESULTS, "personas");
if (wantShots) fs.mkdirSync(dir, { recursive: true });
const srv = await serve();
const browser = await launch();
const rows = [];
let over = 0;
try {
  for (const p of PERSONAS) {
    const shots = wantShots ? (page, name) => page.screenshot({ path: path.join(dir, `${p.id}-${p.lang}-${name}.png`) }) : null;
    const r = await runPersona(browser, srv.url, p, { shots });
    await r.ctx.close();
    if (p.common && r.questions > COMMON_MAX_QUESTIONS) over++;
    rows.push([p.id, p.lang, (p.viewport ? "desktop" : "phone"), p.common || "-", String(r.questions), String(r.screens), r.inView ? "yes" : "NO", p.text, r.asked.join(" → ")]);
  }
} finally {
  await browser.close();
  await srv.close();
}
console.log("| persona | lang | device | common case | questions | screens | next action in 1st screen | person | questions asked |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
console.log(`\nscreens = start + questions + check answers + answer. Common cases above ${COMMON_MAX_QUESTIONS} questions: ${over}`);
process.exitCode = over ? 1 : 0;
