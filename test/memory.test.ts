import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./memory/retain.mjs", import.meta.url));

/** Heap in use after linting `count` generated PRDs with the whole suite and collecting garbage (a child process). */
function afterLint(count: number): { heapUsed: number; findings: number; bytes: number } {
  const r = spawnSync(process.execPath, ["--expose-gc", script, String(count)], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

describe("memory", () => {
  // markdownlint-cli2 keeps every result until the run ends, and module-level
  // caches live for the whole run: neither may keep a file's text alive. V8
  // keeps a slice of 13 or more characters as a view into its parent, so a
  // cached heading or a finding's context cut from a file held the whole
  // file: 30 MB after the 22 MB benchmark corpus before lib/core/detach.ts, and
  // 77 kB per 70 kB file here (8 kB with it: the findings themselves).
  it("keeps no file's text alive after the lint (heap per extra file, 20 vs 80 files of 70 kB)", () => {
    const small = afterLint(20);
    const large = afterLint(80);
    expect(large.findings).toBe(4 * small.findings);
    const perFile = (large.heapUsed - small.heapUsed) / 60;
    const bytesPerFile = (large.bytes - small.bytes) / 60;
    expect(perFile, `${Math.round(perFile)} bytes retained per file of ${Math.round(bytesPerFile)}`).toBeLessThan(0.25 * bytesPerFile);
  }, 300_000);
});
