// Member CSV files for the batch page's tests and benchmark (tests/e2e/batch.test.mjs,
// scripts/bench-batch.mjs): the row shape of tests/scale.rs — varied insurers, ages, cards and
// documents — with a bad row every 1,000 rows (stray quote, invalid UTF-8 bytes, wrong column
// count, formula cell in a date field), written in 1 MB blocks.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./helpers.mjs";

export const HEADER = "memberId,asOf,insurerKind,birthDate,oldCardHeld,hasMyNumberCard,ecertExpiry,registeredForInsurance,documentsPresented\n";
// src/situation.rs InsurerKind::ALL, as tests/scale.rs uses it.
const KINDS = ["kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"];
const p2 = (n) => String(n).padStart(2, "0");

/** Row `i` (0-based) as bytes: tests/scale.rs's `write_row` with bad rows. */
export function row(i, withBad = true) {
  const good = () =>
    `${i},2026-${p2(1 + (i % 12))}-${p2(1 + (i % 28))},${KINDS[i % KINDS.length]},${1940 + (i % 70)}-${p2(1 + (i % 12))}-${p2(1 + ((i * 7) % 28))},` +
    `${i % 3 !== 0},${i % 2 === 1},${2026 + (i % 5)}-0${1 + (i % 9)}-15,${i % 4 !== 0},${i % 5 === 0 ? "oldCard" : ""}\n`;
  if (!withBad || i % 1000 !== 500) return Buffer.from(good());
  switch (Math.floor(i / 1000) % 4) {
    case 0: return Buffer.from(`${i},2026-01-01,"kokuho,1950-01-01,true,false,,false,\n`);
    case 1: return Buffer.concat([Buffer.from(`${i},2026-01-01,koku`), Buffer.from([0xff, 0xfe]), Buffer.from("ho,1950-01-01,true,false,,false,\n")]);
    case 2: return Buffer.from(good().replace("\n", ",extra\n"));
    default: return Buffer.from(`${i},"=HYPERLINK(""http://evil.example/"")",kokuho,1950-01-01,true,false,,false,\n`);
  }
}

/** Writes `rows` data rows (plus the header) to `file`. */
export function writeMembers(file, rows) {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, HEADER);
  let parts = [];
  let size = 0;
  for (let i = 0; i < rows; i++) {
    const b = row(i);
    parts.push(b);
    size += b.length;
    if (size > 1 << 20) {
      fs.writeSync(fd, Buffer.concat(parts));
      parts = [];
      size = 0;
    }
  }
  if (parts.length) fs.writeSync(fd, Buffer.concat(parts));
  fs.closeSync(fd);
}

export const CLI = path.join(ROOT, "target/release/hoken-check");

/** The CLI's output for `file` (its exit status 1 only says some rows are error rows). */
export function cliOutput(file, args = []) {
  try {
    return execFileSync(CLI, ["assess", "--no-progress", ...args], { input: fs.readFileSync(file), maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.status === 1 && e.stdout) return e.stdout;
    throw e;
  }
}

/** Peak resident memory (VmHWM, kB) of Chromium's renderer processes, by CDP SystemInfo. */
export async function rendererPeakKb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  let peak = 0;
  for (const p of processInfo.filter((x) => x.type === "renderer")) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p.id}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      // the process ended
    }
  }
  return peak;
}

/** CPU seconds (user + system) used so far by Chromium's renderer processes (CDP SystemInfo). */
export async function rendererCpuSeconds(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  return processInfo.filter((x) => x.type === "renderer").reduce((a, p) => a + p.cpuTime, 0);
}

/** The CLI on `file` under GNU time: { wall, cpu } seconds (output discarded). */
export function cliTimes(file, args = []) {
  const fd = fs.openSync(file, "r");
  try {
    const r = execFileSync("/usr/bin/time", ["-f", "%e %U %S", CLI, "assess", "--no-progress", ...args], {
      stdio: [fd, "ignore", "pipe"],
    });
    return parseTime(r.toString());
  } catch (e) {
    if (e.status === 1) return parseTime(e.stderr.toString());
    throw e;
  }
}
function parseTime(stderr) {
  const [e, u, s] = stderr.trim().split("\n").pop().split(" ").map(Number);
  return { wall: e, cpu: u + s };
}
