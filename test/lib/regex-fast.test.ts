/**
 * fastWordStarts (lib/core/regex.ts) writes `\b` before a word character as
 * `(?<!\w)`, for speed under the `i` and `u` flags (docs/performance.md).
 * Its output matches exactly what its input matches: on every built-in
 * pattern, over the real corpus and over random text made of the patterns'
 * own words, ſ, the Kelvin sign and punctuation.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastWordStarts } from "../../dist/lib/core/regex.js";
import { SC003Defaults } from "../../dist/rules/SC003-acceptance-criteria-measurable.js";
import { SC006Defaults } from "../../dist/rules/SC006-no-vague-phrasing.js";
import { SC007Defaults } from "../../dist/rules/SC007-no-marketing-language.js";
import { markdownFiles } from "../helpers.js";
import { atLeast, corpusDir as corpus } from "../real-docs.js";

const builtIn = [
  ...Object.values(SC007Defaults.categories).flatMap((c) => c.patterns ?? []),
  ...SC006Defaults.patterns.map((p) => (typeof p === "string" ? p : p.pattern)),
  ...SC003Defaults.vaguePatterns,
  ...SC003Defaults.thresholdPatterns,
];

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0], ...m.slice(1)]);

describe("fastWordStarts", () => {
  it("rewrites \\b before a word character", () => {
    expect(fastWordStarts(String.raw`\bwe\s+prefer\b`)).toBe(String.raw`(?<!\w)we\s+prefer\b`);
    expect(fastWordStarts(String.raw`\b(?:our|my)\s|\b(?<p>x)`)).toBe(String.raw`(?<!\w)(?:our|my)\s|(?<!\w)(?<p>x)`);
    expect(fastWordStarts(String.raw`\b[1-5]\d\d\b`)).toBe(String.raw`(?<!\w)[1-5]\d\d\b`);
    expect(fastWordStarts(String.raw`\b(?:(?:don't|never)\s+)?(?:use|pick)`)).toBe(String.raw`(?<!\w)(?:(?:don't|never)\s+)?(?:use|pick)`);
    expect(fastWordStarts(String.raw`\b(?<!\b(?:of|the)\s+)works`)).toBe(String.raw`(?<!\w)(?<!(?<!\w)(?:of|the)\s+)works`);
    expect(fastWordStarts(String.raw`\b\d+|\b\w`)).toBe(String.raw`(?<!\w)\d+|(?<!\w)\w`);
  });

  it("keeps \\b where the next character may be no word character", () => {
    for (const source of [
      String.raw`\b-x`,
      String.raw`\b[^a]`,
      String.raw`\b[\w-]+`,
      String.raw`\b(?:a|-)`,
      String.raw`\b(?:a|)`,
      String.raw`\ba?-`,
      String.raw`\b(?:ab)*\.`,
      String.raw`\ba{0,2}-`,
      String.raw`\b$`,
      String.raw`x\b`,
      String.raw`[\b]a`,
      String.raw`\\ba`,
      String.raw`\b(?=-)`,
      String.raw`\b\s`,
      String.raw`\b\1`,
      String.raw`\b(a`,
    ]) {
      expect(fastWordStarts(source), source).toBe(source);
    }
  });

  it("every built-in pattern matches the same on the corpus", () => {
    const texts = markdownFiles(corpus).map((f) => readFileSync(f, "utf8"));
    expect(texts.length).toBeGreaterThan(atLeast(400, 20));
    let rewritten = 0;
    for (const source of builtIn) {
      const fast = fastWordStarts(source);
      if (fast !== source) rewritten++;
      for (const flags of ["giu", "gu"]) {
        const a = new RegExp(source, flags);
        const b = new RegExp(fast, flags);
        for (const text of texts) expect(matches(b, text), source).toEqual(matches(a, text));
      }
    }
    expect(rewritten).toBeGreaterThan(15);
  });

  it("every built-in pattern matches the same on random text of its words, ſ and K", () => {
    for (const source of builtIn) {
      const words = [...new Set(source.match(/[A-Za-z]{2,}/g) ?? [])];
      const unit = fc.oneof(
        fc.constantFrom(...(words.length > 0 ? words : ["x"])),
        fc.constantFrom(" ", "  ", "\n", "-", "_", ".", ",", ":", "'", "ſ", "\u212a", "é", "1", "200", "`", "(", ")", "*"),
      );
      const a = new RegExp(source, "giu");
      const b = new RegExp(fastWordStarts(source), "giu");
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 24 }), (parts) => {
          const text = parts.join("");
          expect(matches(b, text)).toEqual(matches(a, text));
        }),
        { numRuns: 300, seed: 7 },
      );
    }
  });

  it("\\b and (?<!\\w) agree on ſ and the Kelvin sign under i and u", () => {
    for (const text of ["ſpeed", "xſpeed", "\u212aspeed", "K speed", "-speed"]) {
      expect(/\bspeed/iu.test(text), text).toBe(/(?<!\w)speed/iu.test(text));
      expect(/\bspeed/u.test(text), text).toBe(/(?<!\w)speed/u.test(text));
    }
  });
});
