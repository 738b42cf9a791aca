// The page's chrome (www/style.css) and the element's shadow root (www/hoken-check-style.js) each
// need the デジタル庁 design tokens: the element cannot use the page's stylesheet on an insurer's
// site, and the page's header and static rules must be styled before (or without) any script.
// So the values stand in two files; this test holds every colour in both to the one source,
// @digital-go-jp/design-tokens (a devDependency, never loaded at run time), by the token name
// each line names in its comment.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (f) => fs.readFileSync(path.join(ROOT, f), "utf8");

// The package: --color-<name>: <#hex | var(--color-<other>)>; resolved to a hex.
const pkg = new Map();
for (const m of read("node_modules/@digital-go-jp/design-tokens/dist/tokens.css").matchAll(/--color-([a-z0-9-]+):\s*([^;]+);/g)) {
  pkg.set(m[1], m[2].trim());
}
const resolve = (name, depth = 0) => {
  const v = pkg.get(name);
  const ref = v && /^var\(--color-([a-z0-9-]+)\)$/.exec(v);
  return ref && depth < 4 ? resolve(ref[1], depth + 1) : v;
};

// Our lines: `--color-x: … #hex …; /* <token name>[: why] */`
function ours(file) {
  const out = [];
  for (const m of read(file).matchAll(/^\s*--color-[a-z0-9-]+:\s*([^;]*);\s*\/\*\s*([a-z0-9 -]+?)(?::[^*]*)?\s*\*\//gm)) {
    const hex = /#[0-9a-f]{6}/i.exec(m[1]);
    if (hex) out.push({ token: m[2].trim().replace(/ /g, "-"), hex: hex[0].toLowerCase(), line: m[0].trim() });
  }
  return out;
}

for (const file of ["www/style.css", "www/hoken-check-style.js"]) {
  test(`${file}: every token colour is the デジタル庁 design token it names`, () => {
    const lines = ours(file);
    assert.ok(lines.length >= 15, `${file}: found only ${lines.length} token lines (the pattern no longer matches?)`);
    for (const { token, hex, line } of lines) {
      const want = resolve(token);
      assert.ok(want, `${file}: "${line}" names ${token}, which @digital-go-jp/design-tokens does not have`);
      assert.equal(hex, want.toLowerCase(), `${file}: "${line}"`);
    }
  });
}

test("the page and the element use the same token values where both define a token", () => {
  const a = new Map(ours("www/style.css").map((l) => [l.token, l.hex]));
  for (const { token, hex } of ours("www/hoken-check-style.js")) if (a.has(token)) assert.equal(hex, a.get(token), token);
});
