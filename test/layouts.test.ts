/**
 * Other layouts: a team whose PRDs live in requirements/{slug}/prd.md and
 * guides in docs/guides/ (seed 004's layout), with different PRD headings,
 * adapts the options per file pattern (root config) and per directory (a
 * .markdownlint-cli2.jsonc in a subdirectory). Runs the real CLI.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cli = join(root, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
const project = mkdtempSync(join(tmpdir(), "sc-layout-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

function write(path: string, text: string) {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
}

function lint(globs: string[], sc001: object = {}, cwd = project) {
  const out = join(project, `out-${Math.random().toString(36).slice(2)}.json`);
  write(
    ".markdownlint-cli2.jsonc",
    JSON.stringify({
      customRules: [join(root, "dist", "index.js")],
      config: {
        default: false,
        SC001: {
          documents: [
            {
              files: ["**/requirements/*/prd.md"],
              minWords: 30,
              sections: { Summary: 20, Design: 5 },
            },
          ],
          ...sc001,
        },
      },
      outputFormatters: [[require.resolve("markdownlint-cli2-formatter-json"), { name: out }]],
    }),
  );
  const run = spawnSync(process.execPath, [cli, ...globs], { cwd, encoding: "utf8" });
  const results = JSON.parse(readFileSync(out, "utf8")) as {
    fileName: string;
    lineNumber: number;
    ruleNames: string[];
    errorDetail: string;
  }[];
  return { run, found: results.map((r) => `${r.fileName}:${r.lineNumber} ${r.ruleNames[0]} ${r.errorDetail}`).sort() };
}

describe("other layouts (seed 004: requirements/{slug}/prd.md, docs/guides/)", () => {
  write("requirements/importer/prd.md", `# PRD: Importer\n\n## 1. Summary\n\n${words(12)}\n\n## 2. Design\n\n${words(6)}\n`);
  write("requirements/exporter/prd.md", `# PRD: Exporter\n\n## Summary\n\n${words(25)}\n\n## Design\n\n${words(6)}\n`);
  // The default layout keeps the default PRD budget: the configuration adds an entry to the table, it does not replace it.
  write("specs/active/other/prd.md", "# PRD: Other\n\n## Overview\n\nShort.\n");
  const defaultLayout = [
    "specs/active/other/prd.md:1 SC001 Document: Expected: at least 2000 words; Actual: 4 words",
    'specs/active/other/prd.md:3 SC001 Section "Overview": Expected: at least 300 words; Actual: 1 words',
  ];

  it("applies budgets by file pattern from the root configuration", () => {
    const { run, found } = lint(["**/*.md"]);
    expect(run.stderr).not.toMatch(/threw an exception/);
    expect(found).toEqual([
      "requirements/importer/prd.md:3 SC001 Section \"1. Summary\": Expected: at least 20 words; Actual: 12 words",
      "requirements/importer/prd.md:1 SC001 Document: Expected: at least 30 words; Actual: 24 words",
      ...defaultLayout,
    ].sort());
  });

  it("replaces the whole table with replaceDefaults", () => {
    const { found } = lint(["**/*.md"], { replaceDefaults: true });
    expect(found).toEqual([
      "requirements/importer/prd.md:3 SC001 Section \"1. Summary\": Expected: at least 20 words; Actual: 12 words",
      "requirements/importer/prd.md:1 SC001 Document: Expected: at least 30 words; Actual: 24 words",
    ].sort());
  });

  it("matches a relative pattern relative to the directory the CLI runs in, as **/ patterns match", () => {
    const relativeForm = lint(["**/*.md"], {
      documents: [{ files: ["requirements/*/prd.md"], minWords: 30, sections: { Summary: 20, Design: 5 } }],
    });
    const anyDepth = lint(["**/*.md"]);
    expect(relativeForm.found).toEqual(anyDepth.found);
    expect(relativeForm.found.filter((f) => f.startsWith("requirements/importer/"))).toHaveLength(2);
    // Run from a subdirectory, the same relative pattern names requirements/requirements/…, which does not exist.
    const below = lint(["--config", join(project, ".markdownlint-cli2.jsonc"), "*/prd.md"], {
      documents: [{ files: ["requirements/*/prd.md"], minWords: 30, sections: { Summary: 20, Design: 5 } }],
    }, join(project, "requirements"));
    expect(below.found.filter((f) => f.includes("Expected: at least 30 words"))).toEqual([]);
    expect(below.found.some((f) => f.includes("Expected: at least 2000 words"))).toBe(true);
  });

  it("lets a directory override the settings for the files below it", () => {
    write(
      "requirements/importer/.markdownlint-cli2.jsonc",
      JSON.stringify({
        config: {
          SC001: { documents: [{ files: ["**/prd.md"], minWords: 0, sections: { Summary: 10 } }] },
        },
      }),
    );
    const { found } = lint(["**/*.md"]);
    expect(found).toEqual(defaultLayout);
  });
});

describe("the README's Other layouts configuration", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const example = JSON.parse(/### Other layouts[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme)![1]) as {
    customRules: string[];
    config: Record<string, unknown>;
  };
  const dir = mkdtempSync(join(tmpdir(), "sc-readme-layout-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("clears a short requirements/<slug>/ PRD written to its own headings of the structural findings", () => {
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "markdownlint-spec-contract"), "dir");
    const criteria = Array.from({ length: 8 }, (_, i) => `- [ ] **AC${i + 1}**: The importer reads a 10 MB file in under ${i + 2} seconds.`).join("\n");
    const prd = [
      "# PRD: Importer",
      "",
      "## Summary",
      "",
      words(210),
      "",
      "## Design",
      "",
      "```text",
      "+--------+     +----------+",
      "| upload | --> | importer |",
      "+--------+     +----------+",
      "```",
      "",
      words(510),
      "",
      "## Test Plan",
      "",
      words(800),
      "",
      "## Definition of Done",
      "",
      criteria,
      "",
    ].join("\n");
    mkdirSync(join(dir, "requirements", "importer"), { recursive: true });
    writeFileSync(join(dir, "requirements", "importer", "prd.md"), prd);
    writeFileSync(join(dir, ".markdownlint-cli2.jsonc"), JSON.stringify(example));
    const run = spawnSync(process.execPath, [cli, "requirements/importer/prd.md"], { cwd: dir, encoding: "utf8" });
    const rules = new Set([...run.stderr.matchAll(/ error (SC\d{3})\//g)].map((m) => m[1]));
    for (const structural of ["SC001", "SC002", "SC005", "SC012"]) expect(rules.has(structural), `${structural}\n${run.stderr}`).toBe(false);
    // The workspace is recognised out of the box: it lacks its other documents.
    expect(run.stderr).toContain('SC013/workspace-complete');
    expect(run.stderr).toContain('Active workspace "importer"');
  });
});
