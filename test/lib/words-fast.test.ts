/**
 * The ASCII fast paths of lib/text/words.ts (a char-code loop, added for speed:
 * docs/performance.md) count exactly what the regex definitions count.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countProseWords, countWcWords } from "../../dist/lib/text/words.js";

const proseReference = (text: string) => [...text.matchAll(/\S+/gu)].filter((m) => /[\p{L}\p{N}]/u.test(m[0])).length;
const WC_RUN = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u3000]+/gu;
const wcReference = (line: string) => [...line.matchAll(WC_RUN)].filter((m) => /[^\p{Cc}\p{Cn}]/u.test(m[0])).length;

const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 200 });
const mixed = fc.string({ unit: fc.oneof(fc.constantFrom(" ", "\t", "\n", "\v", "\f", "\r", "a", "1", "-", "*", "\u00a0", "é", "😀", "\u2003", "\u0000", "\u007f", "\u0301"), fc.constant("x")), maxLength: 200 });

describe("word counting fast paths", () => {
  it("prose: ASCII and mixed text count as the regex definition does", () => {
    fc.assert(fc.property(fc.oneof(ascii, mixed, fc.string({ unit: "binary", maxLength: 100 })), (t) => countProseWords(t) === proseReference(t)), { numRuns: 2000, seed: 5 });
  });
  it("wc: ASCII and mixed lines count as the regex definition does", () => {
    fc.assert(fc.property(fc.oneof(ascii, mixed, fc.string({ unit: "binary", maxLength: 100 })), (t) => countWcWords(t) === wcReference(t)), { numRuns: 2000, seed: 6 });
  });
  it("examples", () => {
    expect(countProseWords("a -- b\t1\u0000 *")).toBe(3);
    expect(countWcWords("a -- b\t1\u0000 * \u0001")).toBe(5);
  });
});
