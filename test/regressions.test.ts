/**
 * Counterexamples found by the property tests and the fuzzer
 * (test/regressions/*, listed in test/regressions/known.ts): each must pass
 * every invariant of test/invariants.ts. While its bug is open the test is
 * expected to fail (`it.fails`), and turns red once the bug is fixed, as a
 * reminder to close the entry.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allViolations } from "./invariants.js";
import { regressions } from "./regressions/known.js";

const dir = new URL("./regressions/", import.meta.url);

describe("regressions", () => {
  it("every fixture file is listed in known.ts", () => {
    const files = readdirSync(dir).filter((f) => !f.endsWith(".ts"));
    expect(files.sort()).toEqual(regressions.map((r) => r.file).sort());
  });

  for (const r of regressions) {
    const title = `${r.file} as ${r.lintAs}${r.open ? ` (open bug of ${r.open})` : ""}: ${r.note}`;
    (r.open ? it.fails : it)(title, () => {
      const markdown = readFileSync(new URL(r.file, dir), "utf8");
      expect(allViolations(markdown, r.lintAs)).toEqual([]);
    });
  }
});
