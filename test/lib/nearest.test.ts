import { describe, expect, it } from "vitest";
import { headingSimilarity, levenshtein, levenshteinWithin, nearest } from "../../dist/lib/nearest.js";

describe("levenshtein", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
  });
});

describe("levenshteinWithin", () => {
  it("is the edit distance up to the limit and limit + 1 beyond it", () => {
    const words = ["risks and mitigation", "acceptance criteria", "acceptence criterias", "overview", "quality gate", "a", "", "héllo wörld", "hello world"];
    for (const a of words) {
      for (const b of words) {
        const d = levenshtein(a, b);
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
    expect(nearest("Risks & Mitigation", titles, (t) => t, 0.6)).toBe("Risks & Mitigations");
    expect(nearest("Testing", titles, (t) => t, 0.6)).toBe("Backend Testing");
    expect(nearest("Dependencies", titles, (t) => t, 0.6)).toBeUndefined();
    expect(nearest("Testing", [], (t: string) => t, 0)).toBeUndefined();
  });

  it("prefers the first of equally similar candidates", () => {
    expect(nearest("Testing", ["Unit Testing", "Load Testing"], (t) => t, 0.5)).toBe("Unit Testing");
  });
});
