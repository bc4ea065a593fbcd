/**
 * phraseMatcher (lib/text/phrases.ts), the one matcher of SC003, SC006 and
 * SC007, puts its "not inside a word" checks into the expression once per
 * run of phrases, as a look-behind and a look-ahead, for speed
 * (docs/performance.md). It finds exactly what the plain form finds: every
 * phrase of the list in one alternation with its own look-ahead, each match
 * checked afterwards for a letter or digit, or a joiner after one, right
 * before it; both checks only where the phrase has a letter or digit at
 * that end. Compared on the real corpus and on random text made of the
 * phrases' words, joiners, punctuation and letters outside the Basic
 * Multilingual Plane.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { phraseMatcher, type PhraseHit } from "../../dist/lib/text/phrases.js";
import { SC003Defaults } from "../../dist/rules/SC003-acceptance-criteria-measurable.js";
import { escapeRegExp } from "../../dist/lib/core/regex.js";
import { SC006Defaults } from "../../dist/rules/SC006-no-vague-phrasing.js";
import { SC007Defaults } from "../../dist/rules/SC007-no-marketing-language.js";
import { markdownFiles } from "../helpers.js";
import { atLeast, corpusDir as corpus } from "../real-docs.js";

/** The plain form: no look-behind; the code point before a match is checked after it. */
function reference(phrases: readonly string[]): (text: string) => PhraseHit[] {
  const body = (p: string) =>
    p
      .trim()
      .split(/\s+/)
      .map((w) => w.split("-").map(escapeRegExp).join("[-\\u2010\\u2011]"))
      .join("\\s+");
  const order = phrases
    .map((p, index) => ({ body: body(p), index, start: /^[\p{L}\p{N}]/u.test(p.trim()), end: /[\p{L}\p{N}]$/u.test(p.trim()) }))
    .filter((p) => p.body !== "")
    .sort((a, b) => b.body.length - a.body.length);
  const re = new RegExp(order.map((p) => `(${p.body})${p.end ? "(?![\\p{L}\\p{N}])(?![-_.][\\p{L}\\p{N}])" : ""}`).join("|"), "giu");
  // A letter or digit as the expression's own classes see one under the `i` flag (which adds U+0345).
  const inWord = (text: string, start: number) =>
    /[\p{L}\p{N}]$/iu.test(text.slice(Math.max(0, start - 2), start)) || /[\p{L}\p{N}][-_.]$/u.test(text.slice(Math.max(0, start - 3), start));
  return (text) => {
    const hits: PhraseHit[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const found = order[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
      if (found.start && inWord(text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, phrase: found.index });
    }
    return hits;
  };
}

const lists: [string, string[]][] = [
  ["SC006", SC006Defaults.phrases.map((p) => (typeof p === "string" ? p : p.phrase))],
  ["SC007", Object.values(SC007Defaults.categories).flatMap((c) => c.phrases ?? [])],
  ["SC007 allow", SC007Defaults.allow],
  ["SC003 vague", SC003Defaults.vaguePhrases],
  ["SC003 comparisons", SC003Defaults.comparisons],
  ["SC003 units", SC003Defaults.units],
  ["SC003 number words", SC003Defaults.numberWords],
  ["SC003 zero quantifiers", SC003Defaults.zeroQuantifiers],
  // Punctuation at either end: the word boundary applies only at a letter or digit.
  ["punctuation", ["etc.", "e.g.", "fast", "fast.", "(tbd)", "and so on", "so on...", "x", "-ish", "well", "<", "<=", "~", "%"]],
  // Not ASCII: the expression keeps the `i` flag instead of written-out case classes.
  ["non-ASCII", ["naïve", "façade layer", "Straße", "fast", "self-evident"]],
];

describe("phraseMatcher", () => {
  it("finds what the plain form finds on the corpus", () => {
    const texts = markdownFiles(corpus).map((f) => readFileSync(f, "utf8"));
    expect(texts.length).toBeGreaterThan(atLeast(400, 20));
    for (const [name, phrases] of lists) {
      const fast = phraseMatcher(phrases);
      const plain = reference(phrases);
      let hits = 0;
      for (const text of texts) {
        const found = fast(text);
        hits += found.length;
        expect(found, name).toEqual(plain(text));
      }
      expect(hits, name).toBeGreaterThan(atLeast(50, 3));
    }
  });

  it("finds what the plain form finds on random text of its words, joiners and astral letters", () => {
    for (const [name, phrases] of lists) {
      const words = [...new Set(phrases.flatMap((p) => p.split(/[\s-]+/)))];
      // Each word as written, in capitals, and with the two non-ASCII letters that fold to k and s.
      const variants = [...new Set(words.flatMap((w) => [w, w.toUpperCase(), w.replace(/k/g, "\u212a").replace(/s/g, "\u017f")]))];
      const unit = fc.oneof(
        fc.constantFrom(...variants),
        fc.constantFrom(" ", "\n", "-", "\u2010", "_", ".", ",", "x", "1", "𝐀", "𝟏", "😀", "é", "ſ", "\u212a", "É", "\u0345", "\u0399", "<", "(", "%"),
      );
      const fast = phraseMatcher(phrases);
      const plain = reference(phrases);
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
          const text = parts.join("");
          expect(fast(text), name).toEqual(plain(text));
        }),
        { numRuns: 1000, seed: 11 },
      );
    }
  });

  it("never matches inside a word or an identifier", () => {
    const match = phraseMatcher(["fast"]);
    for (const text of ["breakfast", "𝐀fast", "best-fast", "x_fast", "node.fast", "fast-path", "fast_mode", "fast.js", "fastest"]) {
      expect(match(text), text).toEqual([]);
    }
    expect(match("it is fast.")).toEqual([{ start: 6, end: 10, phrase: 0 }]);
    expect(match("-fast _fast .fast")).toHaveLength(3);
  });

  it("applies the word boundary only at an end with a letter or digit", () => {
    const match = phraseMatcher(["<", "etc.", "up to", "%"]);
    const found = (text: string) => match(text).map((h) => text.slice(h.start, h.end));
    expect(found("p95<200ms")).toEqual(["<"]);
    expect(found("tests, docs etc.and more")).toEqual(["etc."]);
    expect(found("setup to go, up to 5, 90%ile")).toEqual(["up to", "%"]);
  });
});
