/**
 * partitionPoint (lib/core/search.ts), the binary search the rules and the
 * Python checker share: on any sorted list and any bound it finds what a
 * scan from the start finds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionPoint } from "../../dist/lib/core/search.js";

describe("partitionPoint", () => {
  it("is the count of leading items before a bound, as a scan finds it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.integer({ min: -60, max: 60 }), (xs, bound) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const scan = (before: (x: number) => boolean) => {
          let i = 0;
          while (i < sorted.length && before(sorted[i])) i++;
          return i;
        };
        expect(partitionPoint(sorted.length, (i) => sorted[i] <= bound)).toBe(scan((x) => x <= bound));
        expect(partitionPoint(sorted.length, (i) => sorted[i] < bound)).toBe(scan((x) => x < bound));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("answers 0 for an empty range without calling the test", () => {
    expect(partitionPoint(0, () => { throw new Error("called"); })).toBe(0);
  });
});
