/**
 * The whole suite on real specs documents (test/real-docs.ts: the 471 files
 * of the full corpus when present, else the sample in test/corpus/): no rule
 * crashes or reports outside the document. Judged samples of the findings
 * are test/judged.test.ts's. The per-rule counts are printed when the tests
 * end, for the record (measurements, not assertions).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles, markdownFiles, rules } from "./helpers.js";
import { atLeast, corpusDir as corpus } from "./real-docs.js";

describe("the suite on real specs documents", () => {
  const files = markdownFiles(corpus).sort();
  const results = lintFiles(files);
  const all = Object.entries(results).flatMap(([file, errors]) =>
    errors.map((e) => ({ file: relative(corpus, file), ...e })),
  );

  it("lints every file", () => {
    expect(files.length).toBeGreaterThanOrEqual(atLeast(470, 20));
    expect(Object.keys(results).length).toBe(files.length);
  });

  it("never crashes: no internal error, no finding outside its document", () => {
    expect(all.filter((e) => /Internal error|threw an exception/.test(e.errorDetail ?? ""))).toEqual([]);
    for (const e of all) {
      const lines = readFileSync(join(corpus, e.file), "utf8").split(/\r\n|\r|\n/);
      expect(e.lineNumber).toBeGreaterThanOrEqual(1);
      expect(e.lineNumber).toBeLessThanOrEqual(lines.length);
      if (e.errorRange) {
        expect(e.errorRange[0]).toBeGreaterThanOrEqual(1);
        expect(e.errorRange[0] + e.errorRange[1] - 1).toBeLessThanOrEqual(lines[e.lineNumber - 1].length);
      }
    }
  });

  afterAll(() => {
    const counts = Object.fromEntries(rules.map((r) => [r.names[0], 0]));
    for (const e of all) counts[e.ruleNames[0]]++;
    const filesWith = Object.fromEntries(
      rules.map((r) => [r.names[0], new Set(all.filter((e) => e.ruleNames[0] === r.names[0]).map((e) => e.file)).size]),
    );
    console.log(
      `corpus findings per rule (${files.length} files):\n` +
        Object.keys(counts)
          .map((id) => `  ${id} ${counts[id]} findings in ${filesWith[id]} files`)
          .join("\n"),
    );
  });
});
