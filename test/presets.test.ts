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

  it("turns the contract on and sets every built-in rule explicitly, each with its reason", () => {
    expect(preset["spec-contract"]).toBe(true);
    expect(preset.default).toBe(false);
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
    expect(preset["spec-contract"]).toBe(true);
    expect(preset.default).toBe(true);
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

  const run = (preset: string) => {
    const file = join(project, ".markdownlint-cli2.jsonc");
    writeFileSync(file, JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { extends: `markdownlint-spec-contract/config/${preset}` } }));
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
});
