/**
 * pythonComments (lib/text/fences.ts) jumps from one character that
 * matters to the next (`#` or a quote outside strings, a backslash or the
 * closing quote inside one) instead of reading every character, for speed
 * (docs/performance.md). It finds exactly what the plain per-character scan
 * finds, on every code block of the corpus and on random text made of the
 * characters that matter. verifiedComments is found once per block and
 * marker: SC004, SC009 and SC010 read the same answer.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pythonComments, verifiedComments, type PythonComment } from "../../dist/lib/text/fences.js";
import { markdownFiles } from "../helpers.js";
import { atLeast, corpusDir as corpus } from "../real-docs.js";

/** The plain scan: one character at a time. */
function reference(lines: readonly string[]): PythonComment[] {
  const comments: PythonComment[] = [];
  let quote: { char: string; triple: boolean } | undefined;
  lines.forEach((line, index) => {
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (quote) {
        if (c === "\\") i += 2;
        else if (quote.triple ? line.startsWith(quote.char.repeat(3), i) : c === quote.char) {
          i += quote.triple ? 3 : 1;
          quote = undefined;
        } else i++;
        continue;
      }
      if (c === "#") {
        comments.push({ index, column: i, text: line.slice(i) });
        break;
      }
      if (c === '"' || c === "'") {
        const triple = line.startsWith(c.repeat(3), i);
        quote = { char: c, triple };
        i += triple ? 3 : 1;
        continue;
      }
      i++;
    }
    if (quote && !quote.triple && !line.endsWith("\\")) quote = undefined;
  });
  return comments;
}

describe("pythonComments", () => {
  it("finds what the plain scan finds in every code block of the corpus", () => {
    let blocks = 0;
    let comments = 0;
    for (const file of markdownFiles(corpus)) {
      const parts = readFileSync(file, "utf8").split(/^[ \t]*(?:```|~~~).*$/m);
      for (let i = 1; i < parts.length; i += 2) {
        const lines = parts[i].split("\n");
        const found = pythonComments(lines);
        expect(found, file).toEqual(reference(lines));
        blocks++;
        comments += found.length;
      }
    }
    expect(blocks).toBeGreaterThan(atLeast(3000, 20));
    expect(comments).toBeGreaterThan(atLeast(3000, 20));
  });

  it("finds what the plain scan finds in random text of quotes, escapes and comments", () => {
    const unit = fc.constantFrom("#", '"', "'", '"""', "'''", "\\", "\\\\", "a", " ", "# VERIFIED: x", "é", "😀");
    fc.assert(
      fc.property(fc.array(fc.array(unit, { maxLength: 12 }).map((p) => p.join("")), { minLength: 1, maxLength: 5 }), (lines) => {
        expect(pythonComments(lines)).toEqual(reference(lines));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});

describe("verifiedComments", () => {
  it("is found once per block and marker, and differs by marker", () => {
    const block = ["x = 1  # VERIFIED: src/x.py:1", "y = '# VERIFIED: no'", "# CHECKED: src/y.py:2"];
    const first = verifiedComments(block);
    expect(first.map((c) => [c.index, c.column, c.text])).toEqual([[0, 7, " src/x.py:1"]]);
    expect(verifiedComments(block)).toBe(first);
    expect(verifiedComments(block, "# CHECKED:").map((c) => c.index)).toEqual([2]);
    // Another block with the same lines is another array: found again, the same.
    expect(verifiedComments([...block])).toEqual(first);
  });
});
