/**
 * The presets: config/recommended.jsonc puts the contract first (every SC
 * rule, and only the built-in rules that catch real problems in specs), and
 * config/all.jsonc turns everything on. Each preset names every built-in
 * rule of the installed markdownlint with a comment saying why it is on or
 * off, and the presets behave as they say through the real CLI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli2, linkedProject, parseCli2, ROOT, RULE_IDS } from "./integration.js";

const read = (name: string) => readFileSync(join(ROOT, "config", name), "utf8");
/** The presets hold only whole-line comments, so JSON.parse reads them once those go. */
const parse = (jsonc: string) => JSON.parse(jsonc.replace(/^\s*\/\/.*$/gm, ""));
// The installed markdownlint's built-in rules (its registry is not among the package's exports).
const registry = pathToFileURL(join(ROOT, "node_modules", "markdownlint", "lib", "rules.mjs")).href;
const BUILT_IN: string[] = ((await import(registry)).default as { names: string[] }[]).map((r) => r.names[0]);

/** The rule IDs each comment line of a preset names. */
const explained = (text: string) => new Set([...text.matchAll(/^\s*\/\/.*$/gm)].flatMap((m) => m[0].match(/MD\d{3}/g) ?? []));

describe("config/recommended.jsonc", () => {
  const text = read("recommended.jsonc");
  const preset = parse(text) as Record<string, unknown>;

  it("leaves the contract on and sets every built-in rule explicitly, each with its reason", () => {
    expect(preset.default).toBe(true);
    // No key for an SC rule or its tag: markdownlint-cli2 would apply it after the user's own options.
    expect(Object.keys(preset).filter((k) => /^SC\d{3}$|spec-contract/i.test(k))).toEqual([]);
    for (const id of BUILT_IN) {
      expect(preset[id], id).not.toBeUndefined();
      expect(explained(text).has(id), `${id} has a comment`).toBe(true);
    }
  });

  it("keeps only rules that catch real problems in specs, and no whitespace rule", () => {
    const on = BUILT_IN.filter((id) => preset[id] !== false);
    expect(on).toEqual(["MD001", "MD011", "MD018", "MD020", "MD023", "MD024", "MD025", "MD042", "MD051", "MD052", "MD056"]);
    for (const noise of ["MD009", "MD010", "MD012", "MD022", "MD030", "MD031", "MD032", "MD047", "MD058"]) expect(preset[noise]).toBe(false);
  });
});

describe("config/all.jsonc", () => {
  const text = read("all.jsonc");
  const preset = parse(text) as Record<string, unknown>;

  it("turns every SC rule and every built-in rule on, each named with what it catches", () => {
    expect(preset.default).toBe(true);
    expect(Object.keys(preset).filter((k) => /^SC\d{3}$|spec-contract/i.test(k))).toEqual([]);
    for (const id of BUILT_IN) {
      expect(preset[id], id).toBe(true);
      expect(explained(text).has(id), `${id} has a comment`).toBe(true);
    }
  });
});

describe("the presets through markdownlint-cli2", () => {
  const doc = [
    "# PRD: Noise",
    "## Overview",
    "Text right under the heading, then a list without a blank line:",
    "-  one",
    "-  two",
    "#Architecture",
    "",
    "See [the plan](#no-such-heading).",
    "",
  ].join("\n");
  const project = linkedProject("spec-contract-presets", { "specs/active/noise/prd.md": doc });
  afterAll(() => cleanup(project));

  const run = (preset: string, own: Record<string, unknown> = {}) => {
    const file = join(project, ".markdownlint-cli2.jsonc");
    writeFileSync(file, JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { extends: `markdownlint-spec-contract/config/${preset}`, ...own } }));
    const result = cli2(project, ["specs/**/*.md"]);
    return parseCli2(result.stdout + result.stderr);
  };

  it("recommended: the contract's findings and the real problems, no whitespace findings", () => {
    const found = run("recommended.jsonc");
    const builtIns = [...new Set(found.map((f) => f.rule).filter((r) => r.startsWith("MD")))].sort();
    expect(builtIns).toEqual(["MD018", "MD051"]);
    expect(found.filter((f) => f.rule === "MD018")).toEqual([
      { file: "specs/active/noise/prd.md", line: 6, rule: "MD018", detail: "" },
    ]);
    expect(found.some((f) => RULE_IDS.includes(f.rule))).toBe(true);
  });

  it("all: the whitespace rules too", () => {
    const rules = new Set(run("all.jsonc").map((f) => f.rule));
    for (const id of ["MD018", "MD022", "MD030", "MD032", "MD051", "SC001", "SC012"]) expect(rules.has(id), id).toBe(true);
  });

  it("lets a configuration that extends a preset set options by ID and slug, and turn the suite off by tag", () => {
    for (const preset of ["recommended.jsonc", "all.jsonc"]) {
      const sc001 = (own: Record<string, unknown>) => run(preset, own).filter((f) => f.rule === "SC001").map((f) => f.detail);
      expect(sc001({})).toContain("Document: Expected: at least 2000 words; Actual: 21 words");
      expect(sc001({ SC001: { documents: [{ files: ["**/prd.md"], minWords: 20 }] } })).not.toContain("Document: Expected: at least 2000 words; Actual: 21 words");
      expect(sc001({ "section-word-budget": { count: "wc", documents: [{ files: ["**/prd.md"], minWords: 30 }] } })).toContain(
        "Document: Expected: at least 30 words; Actual: 25 words",
      );
      expect(run(preset, { "spec-contract": false }).filter((f) => f.rule.startsWith("SC"))).toEqual([]);
      expect(run(preset, { SC012: false }).filter((f) => f.rule === "SC012")).toEqual([]);
    }
  });
});
