/**
 * Every registered rule has a page under docs/rules/ named by ID and slug,
 * its `information` URL points at that page for this release, and the
 * page's Incorrect example produces findings of the rule while its Correct
 * example produces none. Pages speak to users of the package: no internal
 * paths of this repository and no names of its source documents.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings, rules } from "./helpers.js";

const root = new URL("..", import.meta.url);
const version = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).version as string;

/** The first example fenced with four backticks after the `## <heading>` heading. */
function example(page: string, heading: string): { file: string; markdown: string } | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const match = /^````markdown file=(\S+)\n([\s\S]*?)^````$/m.exec(page.slice(start));
  return match ? { file: match[1], markdown: match[2] } : undefined;
}

/**
 * The name an example is linted as: the same path under fixtures/rules/<ID>/
 * when that file exists (a rule that reads the folder around the file, such
 * as SC013, needs it on disk), else the path the page gives.
 */
function onDisk(id: string, file: string): string {
  const fixture = new URL(`fixtures/rules/${id}/${file}`, root);
  return existsSync(fixture) ? fixture.pathname : file;
}

describe("rule docs", () => {
  it("registers rules with unique IDs and slugs", () => {
    const names = rules.flatMap((r) => r.names);
    expect(new Set(names).size).toBe(names.length);
    expect(rules.length).toBeGreaterThanOrEqual(1);
  });

  for (const rule of rules) {
    const [id, slug] = rule.names;
    const path = `docs/rules/${id}-${slug}.md`;
    describe(`${id} ${slug}`, () => {
      const page = existsSync(new URL(path, root)) ? readFileSync(new URL(path, root), "utf8") : "";

      it("has a page whose title names the rule", () => {
        expect(page.split("\n")[0]).toBe(`# ${id} - ${slug}`);
      });

      it("names no path of this repository and no seed document", () => {
        expect(page).not.toMatch(/fixtures\/|test\/|\.\.\/shared|\bseeds?\b/i);
      });

      it("links to its page for this release", () => {
        expect(rule.information?.href).toBe(
          `https://github.com/markdownlint-spec-contract/markdownlint-spec-contract/blob/v${version}/${path}`,
        );
      });

      it("reports the Incorrect example", () => {
        const incorrect = example(page, "Incorrect");
        expect(incorrect).toBeDefined();
        const found = findings(incorrect!.markdown, onDisk(id, incorrect!.file), id);
        expect(found.length).toBeGreaterThan(0);
        expect(found.every((f) => f.rule === id)).toBe(true);
      });

      it("accepts the Correct example", () => {
        const correct = example(page, "Correct");
        expect(correct).toBeDefined();
        expect(findings(correct!.markdown, onDisk(id, correct!.file), id)).toEqual([]);
      });
    });
  }
});
