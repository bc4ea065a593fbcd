/**
 * Every Markdown file under fixtures/ declares the findings the whole suite
 * must report on it (rule, line, exact detail) in an `expected-findings`
 * comment; files without one must be clean. Fixtures are linted by their
 * path relative to the repository, so the default file patterns apply.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFindings, lintFiles, readText, simplify } from "./helpers.js";

const root = new URL("..", import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".md") ? [path] : [];
  });
}

const files = walk(join(root, "fixtures")).map((f) => relative(root, f));

describe("fixtures: marked findings equal reported findings", () => {
  it("has fixtures to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of files) {
    it(file, () => {
      const result = lintFiles([join(root, file)]);
      const found = simplify(result[join(root, file)] ?? []).filter((f) => f.rule.startsWith("SC"));
      expect(found).toEqual(expectedFindings(readText(join(root, file))));
    });
  }
});
