// Test runners as consumers of the packed tarball: Jest 30 with its default configuration (no
// config file: CommonJS + babel-jest, node environment) and Vitest, each running a test file that
// imports hoken-check and checks every worked example's summary against tests/spec/examples.json.
import { describe, test } from "node:test";
import { EXAMPLES_JSON, bin, node, project, write } from "./lib.mjs";

// One spec file body for both runners (`test`/`expect` are their globals or imports).
const spec = (header) => `${header}
const examples = JSON.parse(${JSON.stringify(EXAMPLES_JSON)});
test("every worked example gives its expected summary", () => {
  expect(examples.length).toBeGreaterThan(10);
  for (const e of examples) expect({ id: e.id, summary: assess(e.situation).summary }).toEqual({ id: e.id, summary: e.expectedSummary });
});
test("bad input throws a HokenCheckError", () => {
  let caught = null;
  try { assess({ asOf: "2025-02-30" }); } catch (err) { caught = err; }
  expect(isHokenCheckError(caught)).toBe(true);
  expect(caught instanceof HokenCheckError).toBe(true);
  expect(caught.code).toBe("impossibleDate");
});
`;

describe("Jest 30.5.2, default configuration", () => {
  // (A test file in ESM syntax fails under Jest's default config whatever it imports: without a
  // babel config, babel-jest does not turn import into require. That is Jest's, not ours.)
  test("a CommonJS test file (require('hoken-check')) passes", async () => {
    const dir = await project("jest", "jest-require");
    await write(dir, { "assess.test.js": spec(`const { assess, isHokenCheckError, HokenCheckError } = require("hoken-check");`) });
    await node([await bin("jest", "jest/bin/jest.js"), "--ci"], dir);
  });
});

describe("Vitest 5.1.2, default configuration", () => {
  test("a test file importing 'hoken-check' passes", async () => {
    const dir = await project("vitest", "vitest", { type: "module" });
    await write(dir, {
      "assess.test.js": spec(`import { test, expect } from "vitest";
import { assess, isHokenCheckError, HokenCheckError } from "hoken-check";`),
    });
    await node([await bin("vitest", "vitest/vitest.mjs"), "run"], dir, { CI: "1" });
  });
});
