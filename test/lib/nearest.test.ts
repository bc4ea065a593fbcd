import { describe, expect, it } from "vitest";
import { normalizeHeading } from "../../dist/lib/text/headings.js";
import fc from "fast-check";
import { headingSimilarity, headingWords, levenshtein, levenshteinWithin, nearest, similarityTo } from "../../dist/lib/rules/SC012-nearest.js";

describe("levenshtein", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
  });
});

// An independent reference: the textbook full-matrix edit distance.
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe("levenshteinWithin", () => {
  it("is the edit distance up to the limit and limit + 1 beyond it", () => {
    const words = ["risks and mitigation", "acceptance criteria", "acceptence criterias", "overview", "quality gate", "a", "", "héllo wörld", "hello world"];
    for (const a of words) {
      for (const b of words) {
        const d = reference(a, b);
        expect(levenshtein(a, b), `${a} / ${b}`).toBe(d);
        for (const limit of [0, 1, 2, 3, 5, 8, 30]) expect(levenshteinWithin(a, b, limit), `${a} / ${b} / ${limit}`).toBe(d <= limit ? d : limit + 1);
      }
    }
  });
});

describe("headingSimilarity", () => {
  it("is 1 for headings that match after normalisation", () => {
    expect(headingSimilarity("4. RISKS and mitigation 🚨 (see below)", "Risks & Mitigation")).toBe(1);
  });

  it("scores plurals and typos by characters", () => {
    expect(headingSimilarity("Risks and Mitigations", "Risks & Mitigation")).toBe(1); // same content words
    expect(headingSimilarity("Acceptence Criteria", "Acceptance Criteria")).toBeGreaterThan(0.9);
  });

  it("scores shared content words by the Dice coefficient", () => {
    expect(headingSimilarity("Phase 4: Quality Gate", "Quality Gate & Archive")).toBeCloseTo(0.8);
    expect(headingSimilarity("Backend Testing", "Testing")).toBeCloseTo(2 / 3);
    expect(headingSimilarity("Implementation Notes", "Implementation Details")).toBeCloseTo(0.5);
  });

  it("gives nothing for shared letters alone", () => {
    expect(headingSimilarity("Documentation", "4.2 Implementation ✓")).toBe(0);
    expect(headingSimilarity("Dependencies", "References")).toBe(0);
    expect(headingSimilarity("", "Overview")).toBe(0);
  });
});

describe("nearest", () => {
  const titles = ["Glossary", "Risks & Mitigations", "Backend Testing"];
  it("returns the most similar candidate at or above the threshold", () => {
    expect(nearest("Risks & Mitigation", titles, normalizeHeading, 0.6)).toBe("Risks & Mitigations");
    expect(nearest("Testing", titles, normalizeHeading, 0.6)).toBe("Backend Testing");
    expect(nearest("Dependencies", titles, normalizeHeading, 0.6)).toBeUndefined();
    expect(nearest("Testing", [], normalizeHeading, 0)).toBeUndefined();
  });

  it("scores a candidate by its key as headingSimilarity scores the two headings", () => {
    // The key is what a section's `key` holds: the normalised heading.
    const candidates = ["Risks and Mitigation Plan", "1. Backend Testing (optional)", "Phase 5: Quality Gate", "Glossary ✅"];
    for (const wanted of ["Risks & Mitigation", "Testing", "Quality Gate & Archive", "glossary"]) {
      const scores = candidates.map((c) => headingSimilarity(wanted, c));
      const best = Math.max(...scores);
      expect(nearest(wanted, candidates, normalizeHeading, 0)).toBe(candidates[scores.indexOf(best)]);
      expect(nearest(wanted, candidates, normalizeHeading, best + 1e-9)).toBeUndefined();
    }
  });

  it("prefers the first of equally similar candidates", () => {
    expect(nearest("Testing", ["Unit Testing", "Load Testing"], normalizeHeading, 0.5)).toBe("Unit Testing");
  });
});

describe("similarityTo", () => {
  const heading = fc.stringMatching(/^[A-Za-z &:()0-9é-]{0,30}$/);
  it("says whether headingSimilarity reaches the threshold, with or without the key's words", () => {
    fc.assert(
      fc.property(heading, heading, fc.constantFrom(0, 0.5, 0.8, 0.85, 0.9, 1), (a, b, t) => {
        const key = normalizeHeading(b);
        const expected = headingSimilarity(a, b) >= t;
        expect(similarityTo(a)(key, undefined, t)).toBe(expected);
        expect(similarityTo(a)(key, headingWords(key), t)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // Near pairs: one heading edited in a few places, where the edit distance decides.
    const near = fc.tuple(heading, fc.array(fc.tuple(fc.nat(40), fc.constantFrom("", "x", "s", " ")), { maxLength: 4 })).map(([a, edits]) => {
      let b = a;
      for (const [at, c] of edits) b = b.slice(0, at % (b.length + 1)) + c + b.slice((at % (b.length + 1)) + (c === "" ? 1 : 0));
      return [a, b] as const;
    });
    fc.assert(
      fc.property(near, fc.constantFrom(0.8, 0.85, 0.9), ([a, b], t) => {
        expect(similarityTo(a)(normalizeHeading(b), undefined, t)).toBe(headingSimilarity(a, b) >= t);
      }),
      { numRuns: 3000 },
    );
    for (const [a, b] of [["Risks & Mitigations", "Risk & Mitigation"], ["Data Models", "Data Modles"], ["Testing Strategy", "Test Strategy"], ["aaa", "a"]]) {
      expect(similarityTo(a)(normalizeHeading(b), undefined, 0.85)).toBe(headingSimilarity(a, b) >= 0.85);
    }
  });
});
