// The persona table as a test: every persona's journey completes without a page error, asks
// only questions the persona can answer, puts the one thing to do now inside the first
// 390×844 answer screen (phone personas), and the common cases (issue 7) ask at most 8
// questions. `node scripts/personas.mjs` prints the same table.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "./helpers.mjs";
import { PERSONAS, COMMON_MAX_QUESTIONS, runPersona } from "./personas.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("the table has at least 12 personas, including the five of issue 7", () => {
  assert.ok(PERSONAS.length >= 12);
  for (const id of ["P01", "P02", "P03", "P04", "P05"]) assert.ok(PERSONAS.some((p) => p.id === id), id);
});

for (const p of PERSONAS) {
  test(`persona ${p.id} (${p.lang}): ${p.text}`, async () => {
    const r = await runPersona(browser, srv.url, p);
    try {
      assert.deepEqual(r.errors, [], "no page error");
      assert.deepEqual(r.missing, [], `asked something the table does not answer: ${r.asked.join(", ")}`);
      if (p.common) assert.ok(r.questions <= COMMON_MAX_QUESTIONS, `${p.common}: ${r.questions} questions (${r.asked.join(", ")})`);
      assert.ok(r.inView, "the verdicts and the thing to do now are in the first answer screen");
    } finally {
      await r.ctx.close();
    }
  });
}
