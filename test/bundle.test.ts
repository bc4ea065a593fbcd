/**
 * The package's entry is one ES module bundled by esbuild
 * (dist/bundle/index.js, `npm run bundle`): a cold markdownlint-cli2 run
 * loads one file instead of fifty (docs/performance.md). It must be the same
 * rules as the modules tsc builds, which the other tests exercise: the same
 * registry, and the same findings on every bundled Markdown file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Rule } from "markdownlint";
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import built from "../dist/index.js";
import { markdownFiles } from "./helpers.js";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  main: string;
  exports: { ".": { types: string; default: string; require: unknown } };
};

describe("the bundled entry", () => {
  it("is what the package exports, to import and (through cjs/index.cjs) to require, with the types of the tsc build", () => {
    expect(pkg.exports["."].default).toBe("./dist/bundle/index.js");
    expect(pkg.exports["."].types).toBe("./dist/index.d.ts");
    expect(pkg.main).toBe("./cjs/index.cjs");
    const required = createRequire(import.meta.url)(join(root, pkg.main)) as Rule[];
    expect(required.map((r) => r.names[0])).toEqual((built as unknown as Rule[]).map((r) => r.names[0]));
    expect(readFileSync(join(root, "cjs", "index.cjs"), "utf8")).toContain('require("../dist/bundle/index.js")');
  });

  it("holds the same rules and finds the same on every bundled Markdown file", async () => {
    const bundled = (await import(pathToFileURL(join(root, pkg.exports["."].default)).href)).default as Rule[];
    const rules = built as unknown as Rule[];
    const shape = (r: Rule) => ({ names: r.names, description: r.description, tags: r.tags, information: r.information?.href, parser: r.parser });
    expect(bundled.map(shape)).toEqual(rules.map(shape));
    // The version in the rules' documentation links is read from package.json at run time.
    expect(bundled[0].information?.href).toMatch(/\/blob\/v\d+\.\d+\.\d+\//);

    const files = markdownFiles(join(root, "fixtures"));
    const config = { default: false, "spec-contract": true };
    const findings = (customRules: Rule[]) => JSON.stringify(lint({ files, config, customRules }));
    const fromBundle = findings(bundled);
    expect(fromBundle).toContain("SC001");
    expect(fromBundle).toBe(findings(rules));
  });
});
