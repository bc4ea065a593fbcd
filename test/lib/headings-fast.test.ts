/**
 * The ASCII path of lib/text/headings.ts's normalisation (plain expressions
 * instead of Unicode classes, added for speed: docs/performance.md) gives
 * exactly the key of the Unicode definition, on every heading of the corpus
 * and seeds and on generated ASCII headings.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeHeading } from "../../dist/lib/text/headings.js";
import { atLeast, corpusDir, hasSeeds, seedsDir } from "../real-docs.js";

// CONTRACT.md's definition, as lib/text/headings.ts writes it for any text.
const EMOJI_AND_SYMBOLS = /[\p{Extended_Pictographic}\p{So}\u{FE0F}\u{200D}\u{20E3}]/gu;
const TRAILING_PARENTHETICALS = /(\s*(\([^()]*\)|\[[^[\]]*\]))+\s*$/u;
const LEADING_NUMBERING = /^\s*(((phase|step|part|stage|checkpoint|section)\s+)?(\d+(\.\d+)*|[ivx]+|[a-z])[.):]?(?=\s)\s*[:.\-–—]?\s*)/iu;
const singular = (word: string) =>
  word.length <= 3 ? word : word.endsWith("ies") ? `${word.slice(0, -3)}y` : /(ss|us|is)$/.test(word) ? word : word.endsWith("s") ? word.slice(0, -1) : word;
function reference(text: string): string {
  let t = text.replace(EMOJI_AND_SYMBOLS, " ").replace(TRAILING_PARENTHETICALS, "");
  const stripped = t.replace(LEADING_NUMBERING, "");
  if (/[\p{L}\p{N}]/u.test(stripped)) t = stripped;
  return t
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map(singular)
    .join(" ");
}

const walk = (p: string): string[] =>
  statSync(p).isDirectory() ? readdirSync(p).flatMap((e) => walk(join(p, e))) : p.endsWith(".md") ? [p] : [];
const headings = [...new Set([...walk(corpusDir), ...(hasSeeds ? walk(seedsDir) : [])].flatMap((f) =>
  readFileSync(f, "utf8")
    .split("\n")
    .flatMap((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? []),
))];

const piece = fc.constantFrom(" ", "  ", "\t", "1", "2.3", ".", ")", ":", "-", "(", ")", "[", "]", "&", "phase", "Step", "ii", "x", "a", "K", "s", "ies", "Risks", "_", "*", "/", "#", "\u000b");
const asciiHeading = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(""));
const anyAscii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 60 });

describe("heading keys: the ASCII path", () => {
  it("gives the Unicode definition's key for every heading of the corpus and seeds", () => {
    expect(headings.length).toBeGreaterThan(atLeast(5_000, 400));
    const differing = headings.filter((h) => normalizeHeading(h) !== reference(h));
    expect(differing).toEqual([]);
  });
  it("gives the Unicode definition's key for generated ASCII headings", () => {
    fc.assert(
      fc.property(fc.oneof(asciiHeading, anyAscii), (h) => normalizeHeading(h) === reference(h)),
      { numRuns: 5000, seed: 11 },
    );
  });
  it("examples", () => {
    expect(normalizeHeading("2.3 Risks & Mitigations (draft)")).toBe("risk and mitigation");
    expect(normalizeHeading("Phase 2: Dependencies")).toBe("dependency");
    expect(normalizeHeading("✅ Résumé Options")).toBe(reference("✅ Résumé Options"));
  });
});
