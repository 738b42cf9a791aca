// docs/insurers.md quotes what the code defines: the snippets, the sandbox and the CSP lines of
// www/embed-snippets.js, the theming properties, and the headers of www/_headers (as a _headers
// block and as nginx add_header lines). A guide that drifts from the code fails here.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ROOT, WWW } from "./helpers.mjs";
import { parseHeaders } from "../../scripts/serve.mjs";
import { SANDBOX, THEME_PROPERTIES, iframeSnippet, elementSnippet, hostCsp } from "../../www/embed-snippets.js";

const guide = fs.readFileSync(path.join(ROOT, "docs/insurers.md"), "utf8");
const base = "https://check.example.jp/";

test("the guide's snippets are the configurator's", () => {
  assert.ok(guide.includes(`sandbox="${SANDBOX}"`), "sandbox");
  // Each token has its row in the guide's sandbox table.
  const rows = guide.split("\n").filter((l) => l.startsWith("| `allow-"));
  for (const token of SANDBOX.split(" ")) assert.ok(rows.some((r) => r.split("|")[1].includes(`\`${token}\``)), `sandbox token ${token} explained`);
  assert.equal(rows.flatMap((r) => r.split("|")[1].match(/allow-[a-z-]+/g)).length, SANDBOX.split(" ").length, "no other token in the table");
  assert.ok(guide.includes(iframeSnippet({ base, hostOrigin: "https://www.example-kenpo.or.jp" })), "iframe snippet");
  assert.ok(guide.includes(elementSnippet({ base, insurerKind: "kokuho", pack: base + "packs/kokuho-shibuya.json" })), "element snippet");
  for (const p of THEME_PROPERTIES) assert.ok(guide.includes(`  ${p}: `), `theming property ${p}`);
});

test("the guide's CSP lines are the configurator's", () => {
  for (const mode of ["iframe", "element"]) {
    const block = "```\n" + hostCsp(mode, { base }).join(";\n") + "\n```";
    assert.ok(guide.includes(block), `${mode} CSP block:\n${block}`);
  }
});

test("the guide's headers are www/_headers, as a _headers block and as nginx lines", () => {
  const text = fs.readFileSync(path.join(WWW, "_headers"), "utf8");
  const rules = parseHeaders(text);
  const block = rules.map((r) => [r.pattern, ...r.headers.map(([n, v]) => `  ${n}: ${v}`)].join("\n")).join("\n");
  assert.ok(guide.includes("```\n" + block + "\n```"), "_headers block");
  const nginx = rules.flatMap((r) => r.headers).map(([n, v]) => `    add_header ${n} "${v}" always;`);
  for (const line of nginx) assert.ok(guide.includes(line), line);
  assert.equal(guide.match(/^\s+add_header /gm).length, nginx.length, "no other add_header line");
});
