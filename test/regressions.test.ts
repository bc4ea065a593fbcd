/**
 * Counterexamples found by the property tests and the fuzzer
 * (test/regressions/*, listed in test/regressions/known.ts): each must pass
 * every invariant of test/invariants.ts. While its bug is open the test is
 * expected to fail (`it.fails`), and turns red once the bug is fixed, as a
 * reminder to close the entry.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allViolations } from "./invariants.js";
import { regressions } from "./regressions/known.js";

const dir = new URL("./regressions/", import.meta.url);
const load = (r: (typeof regressions)[number]) => {
  const text = readFileSync(new URL(r.file, dir), "utf8");
  return r.build ? r.build(text) : text;
};

describe("regressions", () => {
  it("every fixture file is listed in known.ts", () => {
    const files = readdirSync(dir).filter((f) => !f.endsWith(".ts"));
    expect(files.sort()).toEqual(regressions.map((r) => r.file).sort());
  });

  for (const r of regressions) {
    const title = `${r.file} as ${r.lintAs}${r.open ? ` (open bug of ${r.open})` : ""}: ${r.note}`;
    if (r.hang) {
      // Linted in a child process with a time limit, so a hang fails the test instead of blocking the run.
      (r.open ? it.fails : it)(title, { timeout: 120_000 }, () => {
        const markdown = load(r);
        const path = join(mkdtempSync(join(tmpdir(), "regression-")), "doc.md");
        writeFileSync(path, markdown);
        const script = `
          import { readFileSync } from "node:fs";
          import { lint } from "markdownlint/sync";
          const { default: rules } = await import("./dist/index.js");
          const name = ${JSON.stringify(r.lintAs)};
          const markdown = readFileSync(${JSON.stringify(path)}, "utf8");
          const only = ${JSON.stringify(r.rules ?? null)};
          const config = only ? Object.fromEntries([["default", false], ...only.map((id) => [id, true])]) : { default: false, "spec-contract": true };
          const found = lint({ strings: { [name]: markdown }, config, customRules: rules })[name];
          console.log(JSON.stringify(found.filter((e) => (e.errorDetail ?? "").startsWith("Internal error")).map((e) => e.errorDetail)));
        `;
        const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
          cwd: new URL("..", import.meta.url).pathname,
          encoding: "utf8",
          timeout: 30_000,
        });
        expect(child.signal, `${r.file} did not finish within 30 s`).toBeNull();
        expect(child.status, child.stderr).toBe(0);
        expect(JSON.parse(child.stdout.trim().split("\n").pop()!)).toEqual([]);
        // It finished: the other invariants too (whole suite, in-process: only once nothing hangs).
        if (!r.rules) expect(allViolations(markdown, r.lintAs)).toEqual([]);
      });
      continue;
    }
    (r.open ? it.fails : it)(title, () => {
      expect(allViolations(load(r), r.lintAs)).toEqual([]);
    });
  }
});
