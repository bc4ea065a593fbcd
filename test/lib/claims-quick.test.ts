/**
 * SC010's quick test (lib/rules/SC010-claims.ts, `mayBeClaim`, added for speed:
 * docs/performance.md) only skips lines the claim expression rejects: on
 * every line of the corpus and seeds, on generated lines and on edge cases,
 * a line the expression accepts passes the quick test.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimRegex, mayBeClaim, quickLabels } from "../../dist/lib/rules/SC010-claims.js";
import { atLeast, corpusDir, hasSeeds, seedsDir } from "../real-docs.js";
import { SC010Defaults } from "../../dist/rules/SC010-declared-metrics.js";
import { generateTree } from "../../bench/generate.mjs";
import { markdownFiles } from "../helpers.js";

const labels = SC010Defaults.claims.map((f) => f.label);
const quick = quickLabels(labels)!;
const { probe } = claimRegex(labels);
/** The rule's order: a colon, a digit after it, then the quick test and the expression. */
const agrees = (line: string) => {
  const colon = line.indexOf(":");
  if (colon < 0 || !/\d/.test(line.slice(colon))) return true;
  return !probe.test(line) || mayBeClaim(line.slice(0, colon), quick);
};

const realTexts = () => [...markdownFiles(corpusDir), ...(hasSeeds ? markdownFiles(seedsDir) : [])];

describe("SC010 quick test", () => {
  it("applies to the default labels", () => {
    expect(quick.length).toBe(labels.length);
    expect(quickLabels(["Words: total"])).toBeUndefined();
    expect(quickLabels(["Wörter"])).toBeUndefined();
    expect(quickLabels(["word_count"])).toBeUndefined();
  });

  it("passes every line of the corpus, the seeds and a generated tree that the expression accepts", () => {
    const texts = [
      ...realTexts().map((file) => readFileSync(file, "utf8")),
      ...(generateTree(300, 1) as [string, string][]).map(([, text]) => text),
    ];
    let accepted = 0;
    for (const text of texts) {
      for (const line of text.split(/\r?\n/)) {
        expect(agrees(line), line).toBe(true);
        const colon = line.indexOf(":");
        if (colon >= 0 && probe.test(line)) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it("passes generated claim lines with markers, emphasis, spacing and case", () => {
    const label = fc.constantFrom(...labels);
    const space = fc.constantFrom(" ", "  ", "\t", "\u00a0", "");
    const emphasis = fc.constantFrom("", "**", "__", "*", "_");
    const prefix = fc.constantFrom("", "- ", "* ", "1. ", "> ", "> - [x] ", "### ", "  - [ ] ", "ſ ");
    const caseOf = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase(), (s: string) => s.replace(/s/g, "ſ").replace(/k/g, "\u212a"));
    const line = fc
      .tuple(prefix, emphasis, label, caseOf, emphasis, space, fc.constantFrom("", "~", "about "), fc.integer({ min: 0, max: 99999 }), fc.constantFrom("", " words", "+", " tasks"))
      .map(([p, e1, l, c, e2, s, a, n, u]) => `${p}${e1}${c(l).replace(/ /g, " ")}${e2}${s}: ${a}${n}${u}`);
    fc.assert(fc.property(line, agrees), { numRuns: 3000, seed: 10 });
  });

  it("rejects lines whose label does not end right before the colon", () => {
    expect(mayBeClaim("Words _ ", quick)).toBe(false);
    expect(mayBeClaim("Total words in the table", quick)).toBe(false);
    expect(mayBeClaim("**Total PRD Words** ", quick)).toBe(true);
    expect(mayBeClaim("- Wörds", quick)).toBe(true); // not ASCII: left to the expression
  });
});

describe("mayBeClaim without copies", () => {
  /** The quick test as first written: trim, strip emphasis, lower-case, collapse spaces, endsWith. */
  const plain = (head: string, list: readonly string[]) => {
    if (!/^[\x00-\x7f]*$/.test(head)) return true;
    const end = head.trimEnd().replace(/[*_]{1,2}$/, "").toLowerCase().replace(/\s+/g, " ");
    return list.some((l) => end.endsWith(l));
  };

  it("answers as the plain form on every head of the corpus and the seeds", () => {
    let heads = 0;
    for (const file of realTexts()) {
      for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const head = line.slice(0, colon);
        expect(mayBeClaim(head, quick), head).toBe(plain(head, quick));
        heads++;
      }
    }
    expect(heads).toBeGreaterThan(atLeast(1000, 100));
  });

  it("answers as the plain form on random heads built from the labels, spaces and emphasis", () => {
    const part = fc.constantFrom(...quick, ...quick.map((l) => l.toUpperCase()), " ", "  ", "\t", "\v", "*", "**", "_", "__", "***", "x", "- ", "words", "Word", "é", "\u00a0", "");
    const head = fc.array(part, { maxLength: 7 }).map((parts) => parts.join(""));
    const lists = fc.constantFrom(quick, ["a b"], ["word count", "words"], ["x"]);
    fc.assert(fc.property(head, lists, (h, list) => mayBeClaim(h, list) === plain(h, list)), { numRuns: 5000, seed: 20261122 });
  });
});
